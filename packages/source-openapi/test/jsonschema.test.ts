import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { createTemplateRenderer, type Diagnostic } from '@docgen/core';
import source, { extractApi, loadSpec, renderApi, type ApiModel, type TypeExpr } from '@docgen/source-openapi';

/** OpenAPI 3.1 schemas written as JSON Schema 2020-12: what the field tables say of its keywords. */

/** Files written here (`openapi.yaml` first, the root), then the model of the spec. */
async function modelOf(files: Record<string, string[]>): Promise<ApiModel> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
  for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
  return extractApi(await loadSpec(join(dir, 'openapi.yaml')));
}

const spec = (schemas: string[], paths: string[] = ['paths: {}']): string[] => [
  'openapi: 3.1.0',
  'info: { title: Trees, version: "1" }',
  ...paths,
  'components:',
  '  schemas:',
  ...schemas,
];

function schemasPage(api: ApiModel): string {
  return renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
    p.key.endsWith('/schemas'),
  )!.markdown;
}

describe('$dynamicRef and $anchor', () => {
  it('resolve to the schema carrying the anchor: a recursive tree links to itself, marked circular', async () => {
    const api = await modelOf({
      'openapi.yaml': spec([
        '    TagTree:',
        '      $dynamicAnchor: node',
        '      type: object',
        '      properties:',
        '        label: { type: string }',
        '        children: { type: array, items: { $dynamicRef: "#node" } }',
        '    Category:',
        '      $anchor: category',
        '      type: object',
        '      properties:',
        '        name: { type: string }',
        '        parent: { $ref: "#category" }',
        '        shelf: { $ref: "shelf.yaml#shelf" }',
      ]),
      'shelf.yaml': ['$anchor: shelf', 'type: object', 'properties:', '  row: { type: integer }'],
    });
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    expect(byName.TagTree!.cycle).toEqual(['TagTree', 'TagTree']);
    expect(byName.TagTree!.fields.find((f) => f.name === 'children')).toMatchObject({
      circular: true,
      type: { kind: 'array', items: { kind: 'ref', name: 'TagTree', circular: true } },
    });
    expect(JSON.parse(byName.TagTree!.example!)).toEqual({ label: 'string', children: [] });
    expect(byName.Category!.cycle).toEqual(['Category', 'Category']);
    expect(byName.Category!.fields.map((f) => [f.name, f.type.kind === 'ref' && f.type.name, f.circular])).toEqual([
      ['name', false, false],
      ['parent', 'Category', true],
      ['shelf', 'shelf', false],
    ]);
    const page = schemasPage(api);
    expect(page).toContain('| `children` | array of [TagTree](#schema-tagtree) ↻ | no | ↻ _circular reference_ |');
    expect(page).toContain('| `parent` | [Category](#schema-category) ↻ | no | ↻ _circular reference_ |');
  });

  /** A generic page of items (JSON Schema 2020-12's "list of T"), bound to User and Group. */
  const generics = spec(
    [
      // Before the generic on purpose: the first `item` anchor of the file is not the generic's own.
      '    UserPage:',
      '      description: A page of users.',
      '      $ref: "#/components/schemas/Page"',
      '      $defs:',
      '        user: { $dynamicAnchor: item, $ref: "#/components/schemas/User" }',
      '    Page:',
      '      type: object',
      '      properties:',
      '        items: { type: array, items: { $dynamicRef: "#item" } }',
      '        total: { type: integer }',
      '      $defs:',
      '        item: { $dynamicAnchor: item }',
      '    User: { type: object, properties: { email: { type: string, format: email } } }',
      '    Group: { type: object, properties: { name: { type: string } } }',
      // A tree whose children are the stricter tree when read through it.
      '    StrictTree:',
      '      $dynamicAnchor: node',
      '      $ref: "#/components/schemas/Tree"',
      '      unevaluatedProperties: false',
      '    Tree:',
      '      $dynamicAnchor: node',
      '      type: object',
      '      properties:',
      '        label: { type: string }',
      '        children: { type: array, items: { $dynamicRef: "#node" } }',
    ],
    [
      'paths:',
      '  /users:',
      '    get:',
      '      operationId: listUsers',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json: { schema: { $ref: "#/components/schemas/UserPage" } }',
      '  /groups:',
      '    get:',
      '      operationId: listGroups',
      '      responses:',
      '        "200":',
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      '                $ref: "#/components/schemas/Page"',
      '                $defs:',
      '                  group: { $dynamicAnchor: item, $ref: "#/components/schemas/Group" }',
    ],
  );

  it('a $dynamicRef follows the anchor that the schema $ref-ing its generic binds (a page of User)', async () => {
    const api = await modelOf({ 'openapi.yaml': generics });
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    const typeNames = (fields: Array<{ name: string; type: TypeExpr }>) =>
      fields.map((f) => [
        f.name,
        f.type.kind === 'array' && f.type.items.kind === 'ref' ? f.type.items.name : f.type.kind,
      ]);
    // The binding is a schema of its own, with the generic's fields read in its scope.
    expect(byName.UserPage).toMatchObject({ description: 'A page of users.', circular: false });
    expect(typeNames(byName.UserPage!.fields)).toEqual([
      ['items', 'User'],
      ['total', 'primitive'],
    ]);
    expect(JSON.parse(byName.UserPage!.example!)).toEqual({ items: [{ email: 'user@example.com' }], total: 0 });
    // The generic alone keeps its own default, not the first `item` anchor of the file.
    expect(typeNames(byName.Page!.fields)).toEqual([
      ['items', 'item'],
      ['total', 'primitive'],
    ]);
    // An inline binding in a response, too.
    const groups = api.tags.flatMap((t) => t.operations).find((o) => o.operationId === 'listGroups')!;
    expect(typeNames(groups.responses[0]!.contents[0]!.schema!.fields)).toEqual([
      ['items', 'Group'],
      ['total', 'primitive'],
    ]);
    const users = api.tags.flatMap((t) => t.operations).find((o) => o.operationId === 'listUsers')!;
    expect(users.responses[0]!.contents[0]!.schema!.type).toMatchObject({ kind: 'ref', name: 'UserPage' });
    // A recursive generic: the stricter tree's children are stricter trees, a cycle of its own.
    expect(byName.StrictTree!.cycle).toEqual(['StrictTree', 'StrictTree']);
    expect(byName.StrictTree!.rules).toEqual(['no other properties']); // its own, beside the $ref
    expect(byName.StrictTree!.fields.find((f) => f.name === 'children')).toMatchObject({
      circular: true,
      type: { kind: 'array', items: { kind: 'ref', name: 'StrictTree', circular: true } },
    });
    expect(byName.Tree!.fields.find((f) => f.name === 'children')).toMatchObject({
      type: { kind: 'array', items: { kind: 'ref', name: 'Tree', circular: true } },
    });
    const page = schemasPage(api);
    expect(page).toContain('| `items` | array of [User](#schema-user) | no |');
  });

  it('a binding whose generic reaches the $dynamicRef only through another $ref is warned, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        ...generics,
        // Results holds Page, whose `items` use the anchor: one $ref too far for the binding.
        '    UserResults:',
        '      $ref: "#/components/schemas/Results"',
        '      $defs:',
        '        user: { $dynamicAnchor: item, $ref: "#/components/schemas/User" }',
        '    Results: { type: object, properties: { page: { $ref: "#/components/schemas/Page" } } }',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const api = extractApi(await loadSpec(join(dir, 'openapi.yaml')), { report: (w) => warnings.push(w) });
    expect(warnings.map((w) => [w.code, w.severity, w.location?.line, w.location?.pointer])).toEqual([
      ['DG_OPENAPI_DYNAMIC_REF', 'warning', 51, '#/components/schemas/UserResults/$ref'],
    ]);
    expect(warnings[0]!.message).toBe(
      '$dynamicAnchor "item" bound here is not followed to the $dynamicRef "#item" at line 34 ' +
        '(#/components/schemas/Page/properties/items/items): that one is reached through another $ref, ' +
        'so its schema is shown with its own "item"',
    );
    // Not a wrong type: the generic's own default, as the generic alone reads.
    const page = api.schemas.find((s) => s.name === 'Page')!;
    expect(page.fields[0]!.type).toMatchObject({ kind: 'array', items: { kind: 'ref', name: 'item' } });
  });

  it('an anchor no schema carries is a dangling $ref, with its line', async () => {
    const error = await docgenFailure(
      modelOf({
        'openapi.yaml': spec([
          '    Leaf:',
          '      type: object',
          '      properties:',
          '        next: { $ref: "#nowhere" }',
        ]),
      }),
    );
    expect(error.code).toBe('DG_OPENAPI_DANGLING_REF');
    expect(error.message).toMatch(/no schema with \$anchor or \$dynamicAnchor "nowhere"/);
    expect(error.location?.line).toBe(9);
  });
});

describe('type arrays', () => {
  it('read "string or integer", in a parameter as in a field, with "or null" last', async () => {
    const api = await modelOf({
      'openapi.yaml': spec(
        ['    Track:', '      type: object', '      properties:', '        id: { type: [string, integer, "null"] }'],
        [
          'paths:',
          '  /tracks/{id}:',
          '    get:',
          '      operationId: getTrack',
          '      parameters:',
          '        - { name: id, in: path, required: true, schema: { type: [string, integer] } }',
          '      responses:',
          '        "200":',
          '          description: The track',
          '          content:',
          '            application/json:',
          '              schema: { $ref: "#/components/schemas/Track" }',
        ],
      ),
    });
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const operations = pages.find((p) => p.markdown.includes('## GET /tracks/{id}'))!.markdown;
    expect(operations).toContain('| `id` | path | string or integer | yes |');
    expect(schemasPage(api)).toContain('| `id` | string or integer or null | no |');
  });
});

describe('JSON Schema keywords in field tables', () => {
  const track = [
    '    Track:',
    '      type: object',
    '      required: [name]',
    '      unevaluatedProperties: false',
    '      properties:',
    '        name: { type: string, examples: [Morning run, Evening ride] }',
    '        kind: { enum: [run, ride] }',
    '        speedUnit: { type: string }',
    '        speed: { type: number, multipleOf: 0.5 }',
    '        meta:',
    '          type: object',
    '          minProperties: 1',
    '          maxProperties: 20',
    '          additionalProperties: false',
    '          patternProperties:',
    '            "^x-": { type: string, maxLength: 40 }',
    '            "^n-": { type: integer }',
    '          propertyNames: { pattern: "^[a-z-]+$", maxLength: 24 }',
    '        nothing: { not: {} }',
    '        label: { not: { type: string } }',
    '        origin: { const: { x: 0, y: 0 } }',
    '        code: { not: { enum: [a, b] } }',
    '      dependentSchemas:',
    '        speed:',
    '          required: [speedUnit]',
    '          properties: { speedUnit: { enum: [kmh, mph] } }',
    '      if:',
    '        properties: { kind: { const: ride } }',
    '      then:',
    '        required: [speed]',
    '      else:',
    '        properties: { speed: { maximum: 30 } }',
    '    Origin:',
    '      const: { x: 0, y: 0 }',
    '    Closed:',
    '      type: object',
    '      additionalProperties: false',
    '      minProperties: 1',
    '      not: { required: [legacy] }',
    '      properties:',
    '        a: { type: string }',
    '        legacy: { type: string }',
  ];

  it('says what each keyword asks, in the constraints’ short words', async () => {
    const api = await modelOf({ 'openapi.yaml': spec(track) });
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    expect(
      byName.Track!.fields.map((f) => [f.name, f.type.kind === 'primitive' && f.type.name, f.constraints]),
    ).toEqual([
      ['name', 'string', ['examples: `"Morning run"`, `"Evening ride"`']],
      ['kind', 'string', ['one of: `"run"`, `"ride"`']],
      ['speedUnit', 'string', []],
      [
        'speed',
        'number',
        ['multiple of 0.5', 'when present: `speedUnit` required and `speedUnit` one of: `"kmh"`, `"mph"`'],
      ],
      ['meta', 'object', ['no other properties', 'properties 1–20', 'key pattern: `^[a-z-]+$`', 'key length ≤ 24']],
      ['meta.*', 'string', ['key pattern: `^x-`', 'length ≤ 40']],
      ['meta.*', 'integer', ['key pattern: `^n-`']],
      ['nothing', 'any', ['not allowed']],
      ['label', 'any', ['not string']],
      ['origin', 'object', ['always `{"x":0,"y":0}`']],
      ['code', 'any', ['not (one of: `"a"`, `"b"`)']],
    ]);
    expect(byName.Track!.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['name']);
    expect(byName.Track!.rules).toEqual([
      'no other properties',
      'if `kind` is `"ride"` then `speed` required; else `speed` value ≤ 30',
    ]);
    expect(byName.Origin!.rules).toEqual(['always `{"x":0,"y":0}`']);
    expect(byName.Closed!.rules).toEqual(['no other properties', 'properties ≥ 1', 'not (`legacy` required)']);
    // The generated example is unchanged by the rows: no `*` property.
    expect(JSON.parse(byName.Track!.example!).meta).toEqual({});
  });

  it('renders the rows, and the whole schema’s rules under its table, on the schemas page and in a body', async () => {
    const api = await modelOf({
      'openapi.yaml': spec(track, [
        'paths:',
        '  /tracks:',
        '    post:',
        '      operationId: createTrack',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              additionalProperties: false',
        '              properties: { name: { type: string } }',
        '      responses:',
        '        "204": { description: Created }',
      ]),
    });
    const page = schemasPage(api);
    expect(page).toContain('| `meta.*` | string | no | (key pattern: `^x-`) (length ≤ 40) |');
    expect(page).toContain('| `nothing` | any | no | (not allowed) |');
    expect(page).toContain(
      [
        '| `code` | any | no | (not (one of: `"a"`, `"b"`)) |',
        '',
        'Constraints:',
        '',
        '- no other properties',
        '- if `kind` is `"ride"` then `speed` required; else `speed` value ≤ 30',
        '',
      ].join('\n'),
    );
    expect(page).toContain('## Origin\n\nType: object\n\nConstraints:\n\n- always `{"x":0,"y":0}`\n');
    const operations = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
      p.markdown.includes('## POST /tracks'),
    )!.markdown;
    expect(operations).toContain('| `name` | string | no |\n\nConstraints:\n\n- no other properties\n');
  });
});

describe('values holding a backtick', () => {
  it('stay whole in their code span: a longer fence, as core’s inlineCode writes it', async () => {
    const api = await modelOf({
      'openapi.yaml': spec([
        '    Shell:',
        '      type: object',
        '      properties:',
        '        command:',
        '          type: string',
        '          pattern: "^[^`]+$"',
        '          default: "echo `date`"',
        '          enum: ["ls", "echo `date`"]',
        '          examples: ["`pwd`"]',
        '        quote: { const: "`" }',
        '      patternProperties:',
        '        "^`": { type: string }',
        '      propertyNames: { pattern: "^[a-z`]+$" }',
      ]),
    });
    const shell = api.schemas.find((s) => s.name === 'Shell')!;
    expect(shell.fields.map((f) => [f.name, f.constraints])).toEqual([
      [
        'command',
        [
          'one of: `"ls"`, ``"echo `date`"``',
          'default: ``"echo `date`"``',
          'pattern: ``^[^`]+$``',
          'example: ``"`pwd`"``',
        ],
      ],
      ['quote', ['always ``"`"``']],
      ['*', ['key pattern: `` ^` ``']],
    ]);
    expect(shell.rules).toEqual(['key pattern: ``^[a-z`]+$``']);
    expect(schemasPage(api)).toContain('| `command` | string | no | (one of: `"ls"`, ``"echo `date`"``)');
  });
});

describe('additionalProperties given as a schema beside properties', () => {
  it('is a row `*` of its own, for every other key, as a pattern is; alone it is a map and gets no row', async () => {
    const api = await modelOf({
      'openapi.yaml': spec([
        '    Labels:',
        '      type: object',
        '      properties:',
        '        empty: { type: boolean }',
        '        meta:',
        '          type: object',
        '          properties: { id: { type: integer } }',
        '          patternProperties: { "^x-": { type: integer } }',
        '          additionalProperties: { $ref: "#/components/schemas/Tag" }',
        '      additionalProperties:',
        '        type: array',
        '        items: { type: string }',
        '        maxItems: 3',
        '    Tag:',
        '      type: object',
        '      properties: { name: { type: string } }',
        '      additionalProperties: {}',
        '    Closed:',
        '      type: object',
        '      properties: { a: { type: string } }',
        '      additionalProperties: false',
        '    Dictionary:',
        '      type: object',
        '      additionalProperties: { type: string }',
      ]),
    });
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    expect(byName.Labels!.fields.map((f) => [f.name, f.type, f.required, f.constraints])).toMatchObject([
      ['empty', { kind: 'primitive', name: 'boolean' }, false, []],
      ['meta', { kind: 'primitive', name: 'object' }, false, []],
      ['meta.id', { kind: 'primitive', name: 'integer' }, false, []],
      ['meta.*', { kind: 'primitive', name: 'integer' }, false, ['key pattern: `^x-`']],
      ['meta.*', { kind: 'ref', schemaId: expect.any(String), name: 'Tag', circular: false }, false, ['any other key']],
      ['*', { kind: 'array', items: { kind: 'primitive', name: 'string' } }, false, ['any other key', 'items ≤ 3']],
    ]);
    // `{}` asks nothing (as if left out), `false` is a rule of the whole, a map alone is its type.
    expect(byName.Tag!.fields.map((f) => f.name)).toEqual(['name']);
    expect(byName.Closed!.fields.map((f) => f.name)).toEqual(['a']);
    expect(byName.Closed!.rules).toEqual(['no other properties']);
    expect(byName.Dictionary!.type).toMatchObject({ kind: 'map', values: { kind: 'primitive', name: 'string' } });
    expect(byName.Dictionary!.fields).toEqual([]);
    // The generated example is unchanged by the row: no `*` property.
    expect(JSON.parse(byName.Labels!.example!)).toEqual({ empty: true, meta: { id: 0 } });
    expect(schemasPage(api)).toContain(
      '| `*` | array of string | no | (any other key) (items ≤ 3) |\n\nExample (generated from the schema):',
    );
  });
});

describe('a $ref into another schema', () => {
  it('is named by its path from that schema (Address.city), never as a schema of its own, and links to it', async () => {
    const api = await modelOf({
      'openapi.yaml': spec(
        [
          '    Address:',
          '      type: object',
          '      properties:',
          '        city: { type: string, maxLength: 40 }',
          '    Shipment:',
          '      type: object',
          '      properties:',
          '        city: { $ref: "#/components/schemas/Address/properties/city" }',
          '        tag: { $ref: "common.yaml#/Tag/properties/labels/items" }',
          '        kind: { $ref: "common.yaml#/Tag/$defs/Kind" }',
          '        alias: { type: string, not: { $ref: "#/components/schemas/Address/properties/city" } }',
        ],
        [
          'paths:',
          '  /cities:',
          '    get:',
          '      responses:',
          '        "200":',
          '          description: A city',
          '          content:',
          '            application/json:',
          '              schema: { $ref: "#/components/schemas/Address/properties/city" }',
        ],
      ),
      'common.yaml': [
        'Tag:',
        '  type: object',
        '  properties:',
        '    labels: { type: array, items: { type: object, properties: { text: { type: string } } } }',
        '  $defs:',
        '    Kind: { type: string, enum: [a, b] }',
      ],
    });
    const names = api.schemas.map((s) => s.name).sort();
    expect(names).toEqual(['Address', 'Address.city', 'Kind', 'Shipment', 'Tag.labels[]']);
    expect(names).not.toContain('city');
    const page = schemasPage(api);
    const city = api.schemas.find((s) => s.name === 'Address.city')!;
    expect(page).toContain(`| \`city\` | [Address.city](#${city.anchor}) (string) | no | (length ≤ 40) |`);
    expect(page).toContain(`::anchor[${city.anchor}]`);
    expect(page).toContain('[Tag.labels\\[\\]](#');
    expect(page).toMatch(/\| `alias` \| string \| no \| .*not `Address\.city`/);
  });
});

describe('an enum with no type', () => {
  it('is the type its values share (boolean, integer, number, string), nullable with null; mixed stays "enum"', async () => {
    const api = await modelOf({
      'openapi.yaml': spec([
        '    Flag: { enum: [true, false] }',
        '    Settings:',
        '      type: object',
        '      properties:',
        '        flag: { $ref: "#/components/schemas/Flag" }',
        '        level: { enum: [1, 2, 3] }',
        '        ratio: { enum: [1, 2.5] }',
        '        color: { enum: [red, green, null] }',
        '        mixed: { enum: [1, one] }',
      ]),
    });
    const settings = api.schemas.find((s) => s.name === 'Settings')!;
    const row = (name: string) => settings.fields.find((f) => f.name === name)!;
    expect(api.schemas.find((s) => s.name === 'Flag')!.type).toMatchObject({ kind: 'primitive', name: 'boolean' });
    expect(row('flag').type).toMatchObject({ kind: 'ref', primitive: 'boolean' });
    expect(row('level').type).toMatchObject({ kind: 'primitive', name: 'integer' });
    expect(row('ratio').type).toMatchObject({ kind: 'primitive', name: 'number' });
    expect(row('color').type).toMatchObject({ kind: 'primitive', name: 'string', nullable: true });
    expect(row('color').nullable).toBe(true);
    expect(row('mixed').type).toMatchObject({ kind: 'primitive', name: 'enum' });
    const page = schemasPage(api);
    expect(page).toMatch(/## Flag\s+Type: boolean/);
    expect(page).toContain('| `color` | string or null | no | (one of: `"red"`, `"green"`, `null`) |');
  });
});
