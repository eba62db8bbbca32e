import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Manifest } from '@docgen/core';
import {
  headings,
  operationHeadings,
  referencedSchemas,
  repoRoot,
  runCli,
  sharedFile,
  specOperations,
} from '@docgen/test-support';

/**
 * `docgen api` end to end: the real built CLI (`npx tsc -b apps/cli` first) on real specs.
 * Operations and referenced schemas are counted here from the spec itself, independently of
 * docgen's extractor, and looked up in the Markdown docgen wrote.
 */
const fixtures = join(repoRoot, 'packages', 'source-openapi', 'test', 'fixtures');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-api-'));
});

async function render(spec: string, name: string) {
  const out = join(scratch, name);
  // --no-cache: these tests are about conversion, so every run converts every page.
  const result = await runCli(['api', '--openapi', spec, '--out', out, '--json', '--no-cache']);
  if (result.code !== 0) throw new Error(`docgen api failed on ${spec}:\n${result.stderr}\n${result.stdout}`);
  return {
    out,
    summary: JSON.parse(result.stdout),
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
  };
}

function expectEveryOperationOnce(spec: string, out: string): number {
  const expected = specOperations(spec);
  const found = operationHeadings(out);
  expect(found.sort()).toEqual([...expected].sort());
  expect(new Set(found).size).toBe(found.length);
  return expected.length;
}

function expectEveryReferencedSchema(spec: string, out: string): void {
  const rendered = new Set(headings(out, '##'));
  const missing = [...referencedSchemas(spec)].filter((name) => !rendered.has(name));
  expect(missing).toEqual([]);
}

const corpus = ['petstore-3.0.yaml', 'museum-3.1.yaml', 'formbricks-v1.json', 'jira-cloud.json', 'bitbucket.json'].map(
  (name) => `corpus/openapi/${name}`,
);
/** Real-world specs beyond the corpus: Atlassian's own Confluence APIs (Cloud v1 and v2, Data Center). */
const confluenceSpecs = [
  'cloud-v1-2021-11-sschatter.json',
  'cloud-v1-swagger.v3.json',
  'cloud-v2-2025-02-gofluence.json',
  'cloud-v2-openapi-v2.v3.json',
  'dc-9.3.1.swagger.v3.json',
  'dc-10.0.3.swagger.v3.json',
].map((name) => `confluence-specs/${name}`);

describe('docgen api on the shared corpus and other real-world specs', () => {
  for (const path of [...corpus, ...confluenceSpecs]) {
    const name = basename(path);
    const spec = sharedFile(path);
    (spec ? it : it.skip)(
      `${name}: every operation exactly once, every referenced schema rendered`,
      async () => {
        const { out, summary, manifest } = await render(spec!, name);
        const count = expectEveryOperationOnce(spec!, out);
        expectEveryReferencedSchema(spec!, out);
        expect(summary.ok).toBe(true);
        expect(summary.pageCount).toBe(manifest.pages.length);
        // the overview page carries the spec itself
        expect(manifest.pages[0].attachments[0].fileName).toBe(name);
        if (summary.storage)
          for (const page of manifest.pages) expect(existsSync(join(out, page.storageFile))).toBe(true);
        console.log(`${name}: ${count} operations, ${manifest.pages.length} pages`);
      },
      300_000,
    );
  }
});

describe('docgen api on fixtures', () => {
  it.each([
    ['swagger-2.0/swagger.yaml', 5],
    ['multi-file-3.0/openapi.yaml', 3],
    ['webhooks-3.1/openapi.yaml', 1],
    ['circular/openapi.yaml', 2],
    ['discriminator/openapi.json', 2],
    ['callbacks/openapi.yaml', 1],
    ['external-examples/openapi.yaml', 2],
  ])('%s: %i operations, each once', async (file, count) => {
    const spec = join(fixtures, file);
    const { out } = await render(spec, file.replace(/\W+/g, '-'));
    expect(expectEveryOperationOnce(spec, out)).toBe(count);
    expectEveryReferencedSchema(spec, out);
  });

  it('renders webhooks on their own page and circular schemas marked, once', async () => {
    const webhooks = await render(join(fixtures, 'webhooks-3.1/openapi.yaml'), 'webhooks-page');
    expect(headings(webhooks.out, '##')).toContain('POST orderShipped');
    const circular = await render(join(fixtures, 'circular/openapi.yaml'), 'circular-page');
    const schemas = readFileSync(join(circular.out, 'api__tree-api__schemas.md'), 'utf8');
    expect(schemas).toContain('**Circular reference:** Node → Node.');
    expect(schemas).toContain('**Circular reference:** Company → Person → Company.');
    expect(schemas.match(/^## Node$/gm)).toHaveLength(1);
    expect(schemas).toContain('| `children` | array of [Node](#schema-node) ↻ |');
  });

  it('links a parameter example kept online, shows text files as text, and warns of examples on the operation', async () => {
    const spec = join(fixtures, 'external-examples', 'openapi.yaml');
    const out = join(scratch, 'external-examples-warnings');
    const result = await runCli(['api', '--openapi', spec, '--out', out, '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning DG_OPENAPI_OPERATION_EXAMPLES \S*external-examples\/openapi\.yaml:58:\d+ at #\/paths\/~1dogs\/post\/examples: /,
    );
    expect(result.stderr).toMatch(
      /warning DG_OPENAPI_EXAMPLE_EXTERNAL \S*external-examples\/openapi\.yaml:32:\d+ at #\/paths\/~1dogs\/get\/parameters\/3\/examples\/lost\/externalValue: /,
    );
    const page = readFileSync(join(out, 'api__kennel__tag__dogs.md'), 'utf8');
    expect(page).toContain('(example: <https://example.com/examples/breed.txt>)');
    expect(page).toContain('```text\nNo such kennel\n```');
    expect(page).toContain('### Examples (written on the operation)');
    // --strict fails on the warnings.
    const strict = await runCli(['api', '--openapi', spec, '--out', `${out}-strict`, '--strict', '--no-cache']);
    expect(strict.code).not.toBe(0);
  });

  it('renders every schema of a multi-file spec, named after its file or title', async () => {
    const { out } = await render(join(fixtures, 'multi-file-3.0/openapi.yaml'), 'multi-names');
    const schemas = readFileSync(join(out, 'api__orders-api__schemas.md'), 'utf8');
    expect(schemas.match(/^## .+$/gm)).toEqual(['## Address', '## line', '## Order', '## Problem']);
  });

  it("leads ReDoc's #section/… links to the anchor Confluence gives that heading: a repeated one, one with m²", async () => {
    const { out, manifest, summary } = await render(join(fixtures, 'section-links', 'openapi.yaml'), 'section-links');
    const storage = (page: Manifest['pages'][number]) => readFileSync(join(out, page.storageFile!), 'utf8');
    const [overview, plots] = (manifest as Manifest).pages;
    // Confluence's anchor of each heading: its text without whitespace, a repeat's with `.1`, `.2`…
    const seen = new Map<string, number>();
    const anchors = [...storage(overview!).matchAll(/<h\d>(.*?)<\/h\d>/g)].map(([, text]) => {
      const base = text!.replace(/\s+/g, '');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      return [text, count ? `${base}.${count}` : base];
    });
    expect(anchors.slice(0, 8)).toEqual([
      ['Getting started', 'Gettingstarted'],
      ['Step 1', 'Step1'],
      ['Step 2', 'Step2'],
      ['Webhooks', 'Webhooks'],
      ['Step', 'Step'],
      ['Batches', 'Batches'],
      ['Step', 'Step.1'],
      ['Area in m²', 'Areainm²'],
    ]);
    const links = [...storage(plots!).matchAll(/<ac:link ac:anchor="([^"]*)">.*?<!\[CDATA\[(.*?)\]\]>/g)].map(
      ([, anchor, label]) => [label, anchor],
    );
    expect(links).toEqual(
      expect.arrayContaining([
        ['batches', 'Step.1'],
        ['webhook', 'Step'],
        ['m²', 'Areainm²'],
      ]),
    );
    // Each link found its heading: none is warned about (DG_CONVERT).
    expect(summary.warnings).toEqual([]);
  });

  it("leads ReDoc's #section/… links to headings with code spans, an entity, a repeat and non-ASCII text", async () => {
    const { out, manifest, summary } = await render(
      join(fixtures, 'section-link-texts', 'openapi.yaml'),
      'section-link-texts',
    );
    const storage = (page: Manifest['pages'][number]) => readFileSync(join(out, page.storageFile!), 'utf8');
    const [overview, plots] = (manifest as Manifest).pages;
    // Confluence's anchor of each heading the converter wrote: its text (code and all) without
    // whitespace, a repeat's with `.1`; as escaped in the storage, as the links' anchors are.
    const seen = new Map<string, number>();
    const anchors = [...storage(overview!).matchAll(/<h\d>(.*?)<\/h\d>/g)].map(([, inner]) => {
      const base = inner!.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      return count ? `${base}.${count}` : base;
    });
    expect(anchors.slice(0, 5)).toEqual([
      'Pagingwith_links&amp;&lt;cursor&gt;',
      'Limits',
      'Café&amp;crème',
      'Limits.1',
      '日本語の説明',
    ]);
    const links = [...storage(plots!).matchAll(/<ac:link ac:anchor="([^"]*)">.*?<!\[CDATA\[(.*?)\]\]>/g)].map(
      ([, anchor, label]) => [label, anchor],
    );
    expect(links).toEqual(
      expect.arrayContaining([
        ['paging', anchors[0]],
        ['limits', anchors[1]],
        ["café's limits", anchors[3]],
        ['Japanese', anchors[4]],
      ]),
    );
    expect(summary.warnings).toEqual([]);
  });
});

describe('docgen api on invalid input', () => {
  it.each([
    ['bad-yaml.yaml', 'bad-yaml.yaml:10', 'YAML syntax error'],
    ['bad-json.json', 'bad-json.json:4', 'JSON syntax error'],
    ['dangling-ref.yaml', 'dangling-ref.yaml:12', '#/components/schemas/Missing" points to nothing'],
    ['remote-ref.yaml', 'remote-ref.yaml:11', 'does not fetch specs over the network'],
    ['missing-file.yaml', 'missing-file.yaml:5', 'does not exist'],
    ['not-openapi.json', 'not-openapi.json:1', 'is not an OpenAPI document'],
  ])('%s: exits 1 with file:line and reason, writes nothing', async (file, where, reason) => {
    const out = join(scratch, `invalid-${file}`);
    const result = await runCli(['api', '--openapi', join(fixtures, 'invalid', file), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing output folder exactly as it was', async () => {
    const { out } = await render(join(fixtures, 'circular/openapi.yaml'), 'kept');
    const snapshot = () =>
      readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
        .sort()
        .map((file) => [file, readFileSync(file, 'utf8')]);
    const before = snapshot();
    expect(before.length).toBeGreaterThan(3);
    const result = await runCli(['api', '--openapi', join(fixtures, 'invalid', 'dangling-ref.yaml'), '--out', out]);
    expect(result.code).toBe(1);
    expect(snapshot()).toEqual(before);
  });

  it('keeps raw HTML a description leaves open inside that description, not over the operations after it', async () => {
    const { out, manifest } = await render(join(fixtures, 'html-descriptions', 'openapi.yaml'), 'html-descriptions');
    const tagPage = (manifest as Manifest).pages.find((page) => page.title.endsWith('comments'))!;
    const storage = readFileSync(join(out, tagPage.storageFile!), 'utf8');
    const next = storage.indexOf('<h2>GET /comments/{id}</h2>');
    expect(next).toBeGreaterThan(0);
    const before = storage.slice(0, next);
    // Every <pre> the first operation's description opened is closed before the second operation.
    expect(before.split('<pre>').length).toBeGreaterThan(1);
    expect(before.split('<pre>').length).toBe(before.split('</pre>').length);
    expect(storage.slice(next)).not.toContain('</pre>');
  });

  it("nests a description's headings under the page's own (overview, operation, response)", async () => {
    const rendered = await render(join(fixtures, 'html-descriptions', 'openapi.yaml'), 'html-descriptions-headings');
    const { out } = rendered;
    const manifest = rendered.manifest as Manifest;
    const storage = (page: Manifest['pages'][number]) => readFileSync(join(out, page.storageFile!), 'utf8');
    const headingsOf = (xhtml: string) =>
      [...xhtml.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map(([, n, text]) => `h${n} ${text}`);
    expect(headingsOf(storage(manifest.pages[0]!))[0]).toBe('h2 Introduction');
    const tagPage = manifest.pages.find((page) => page.title.endsWith('comments'))!;
    const getComment = headingsOf(storage(tagPage)).slice(
      headingsOf(storage(tagPage)).indexOf('h2 GET /comments/{id}'),
    );
    expect(getComment).toEqual([
      'h2 GET /comments/{id}',
      'h3 How comments are stored',
      'h4 Threads',
      'h4 Replies', // an HTML heading moves down with the Markdown ones
      'h3 Parameters',
      'h3 Responses',
      'h4 200',
      'h5 Shape',
      'h3 Example request',
    ]);
  });

  it('puts what docgen writes under a response or schema above a description with headings, not in its last section', async () => {
    const { out, manifest } = await render(
      join(fixtures, 'html-descriptions', 'openapi.yaml'),
      'html-descriptions-last',
    );
    const storage = (title: string) =>
      readFileSync(
        join(out, (manifest as Manifest).pages.find((page) => page.title.endsWith(title))!.storageFile!),
        'utf8',
      );
    /** The last heading above `text` in the page's outline, as Confluence's table of contents reads it. */
    const headingAbove = (xhtml: string, text: string) => {
      const at = xhtml.indexOf(text);
      expect(at).toBeGreaterThan(0);
      return [...xhtml.slice(0, at).matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map(([, n, heading]) => `h${n} ${heading}`).pop();
    };
    expect(headingAbove(storage('comments'), 'Content type <code>application/json</code>')).toBe('h4 200');
    expect(headingAbove(storage('comments'), 'The comment.')).toBe('h4 200');
    expect(headingAbove(storage('Schemas'), '<code>text</code>')).toBe('h2 Comment');
    expect(headingAbove(storage('Schemas'), 'A comment on a thing.')).toBe('h2 Comment');
    expect(headingAbove(storage('Schemas'), 'Hidden once reported.')).toBe('h3 Moderation');
  });

  it('writes Markdown only with --no-storage', async () => {
    const out = join(scratch, 'no-storage');
    const result = await runCli([
      'api',
      '--openapi',
      join(fixtures, 'circular/openapi.yaml'),
      '--out',
      out,
      '--no-storage',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).storage).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.storage.xhtml'))).toEqual([]);
  });

  it('prints the diagnostic as JSON with --json', async () => {
    const result = await runCli([
      'api',
      '--openapi',
      join(fixtures, 'invalid', 'dangling-ref.yaml'),
      '--out',
      join(scratch, 'json-error'),
      '--json',
    ]);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({
      ok: false,
      error: {
        code: 'DG_OPENAPI_DANGLING_REF',
        location: { line: 12, pointer: '#/paths/~1a/get/responses/200/content/application~1json/schema/$ref' },
      },
    });
  });
});

describe('docgen api with a config file', () => {
  async function project(config: string, files: Record<string, string> = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-api-config-'));
    await writeFile(join(dir, 'docgen.config.yaml'), config);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }

  it('runs the openapi sources, with template overrides from the project and out relative to the config', async () => {
    const spec = join(fixtures, 'discriminator', 'openapi.json');
    const dir = await project(
      `out: site\nsources:\n  - plugin: openapi\n    titlePrefix: "Payments / "\n    options: { spec: ${JSON.stringify(spec)}, key: payments }\n`,
      {
        'templates/openapi/overview.hbs': 'Custom overview of {{title}} with {{model.operationCount}} operations.\n',
      },
    );
    const result = await runCli(['api', '--json'], { cwd: join(dir) });
    expect(result.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'site', 'manifest.json'), 'utf8'));
    expect(manifest.pages[0]).toMatchObject({ key: 'api/payments', title: 'Payments / Payments API' });
    expect(await readFile(join(dir, 'site', 'api__payments.md'), 'utf8')).toBe(
      'Custom overview of Payments API with 2 operations.\n',
    );
  });

  it('--openapi naming a spec the config lists renders it as the config does: same keys, same titles', async () => {
    const spec = join(fixtures, 'discriminator', 'openapi.json');
    const dir = await project(
      `sources:\n  - plugin: openapi\n    titlePrefix: "Payments / "\n    options: { spec: ${JSON.stringify(spec)}, key: payments }\n`,
    );
    const configured = await runCli(['api', '--out', 'from-config', '--json'], { cwd: dir });
    const flagged = await runCli(['api', '--openapi', spec, '--out', 'from-flag', '--json'], { cwd: dir });
    expect([configured.code, flagged.code]).toEqual([0, 0]);
    const pages = (stdout: string) =>
      JSON.parse(stdout).pages.map((page: { key: string; title: string }) => [page.key, page.title]);
    expect(pages(flagged.stdout)).toEqual(pages(configured.stdout));
    expect(pages(flagged.stdout)[0]).toEqual(['api/payments', 'Payments / Payments API']);
    // A spec the config does not list is rendered with the defaults, as before.
    const other = await runCli(
      ['api', '--openapi', join(fixtures, 'callbacks', 'openapi.yaml'), '--out', 'other', '--json'],
      {
        cwd: dir,
      },
    );
    expect(JSON.parse(other.stdout).pages[0].title).not.toContain('Payments / ');
  });

  it('names an unknown key in the config with file and line', async () => {
    const dir = await project('sources:\n  - plugin: openapi\n    options:\n      spec: x.yaml\n      colour: blue\n');
    const result = await runCli(['api', '--config', join(dir, 'docgen.config.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('docgen.config.yaml:5');
    expect(result.stderr).toContain('unknown key "sources[0].options.colour"');
  });

  it('marks the line of a JSON syntax error that Node reports without its position (an unexpected token)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-api-json-'));
    // A source deleted from the list, leaving `[` closed by the object's `}`.
    await writeFile(join(dir, 'docgen.config.json'), '{\n  "out": "docs-out",\n  "sources": [\n  }\n}\n');
    const result = await runCli(['api', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_CONFIG_SYNTAX',
      location: { file: join(dir, 'docgen.config.json'), line: 4, column: 3 },
      hint: 'fix the JSON at the marked position (a missing comma, quote or bracket)',
    });
    const text = await runCli(['api'], { cwd: dir });
    expect(text.stderr).toContain('docgen.config.json:4:3: JSON syntax error');
    expect(text.stderr).toMatch(/> 4 \| {3}}\n +\| +\^/);
  });

  it('sources written as keys instead of a list: the hint shows the list item to write', async () => {
    const dir = await project('sources:\n  plugin: openapi\n  options: { spec: openapi.yaml }\n');
    const result = await runCli(['api', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_CONFIG_INVALID',
      message: 'invalid docgen config in docgen.config.yaml: "sources" must be an array (line 1)',
      hint: 'sources holds a list, not keys and values: start each item with "- " on a line of its own under it ("- plugin: openapi", the rest of the item indented under that), or in JSON write [ { … } ]',
    });
  });

  it('explains that docgen.config.ts needs .mjs/.json/.yaml on this Node', async () => {
    if (Number(process.versions.node.split('.')[0]) >= 23) return; // newer Node strips types itself
    const dir = await mkdtemp(join(tmpdir(), 'docgen-api-ts-'));
    await writeFile(
      join(dir, 'docgen.config.ts'),
      'const config: { out: string } = { out: "x" };\nexport default config;\n',
    );
    const result = await runCli(['api', '--config', join(dir, 'docgen.config.ts')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DG_CONFIG_TS');
    expect(result.stderr).toMatch(/docgen\.config\.mjs|\.yaml/);
  });

  it('says what to do when there is nothing to render', async () => {
    const dir = await project('title: nothing here\n');
    const result = await runCli(['api'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DG_NO_SOURCES');
    expect(result.stderr).toContain('--openapi');
    expect(result.stderr).toContain('--routes'); // the other input `api` takes
  });
});

describe("docgen api: links to the API's own website", () => {
  // Stripe's spec links `/docs/connect`: a path on stripe.com, which Confluence would look up on itself.
  const spec = `openapi: 3.0.3
info:
  title: Linked
  version: '1'
  description: See [the guide](/docs/guide).
paths:
  /a:
    get:
      description: Uses [payouts](/docs/payouts#fees).
      responses:
        '200':
          description: ok
`;
  async function specFile(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-api-links-'));
    await writeFile(join(dir, 'openapi.yaml'), spec);
    return dir;
  }
  const hrefs = (out: string) =>
    readdirSync(out)
      .filter((file) => file.endsWith('.storage.xhtml'))
      .flatMap((file) => [...readFileSync(join(out, file), 'utf8').matchAll(/href="([^"]*)"/g)].map((m) => m[1]))
      .sort();

  it('point into the site given with --link-base, without warnings', async () => {
    const dir = await specFile();
    const out = join(dir, 'out');
    const result = await runCli([
      'api',
      '--openapi',
      join(dir, 'openapi.yaml'),
      '--out',
      out,
      '--link-base',
      'https://docs.example.com',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([]);
    expect(hrefs(out)).toEqual(['https://docs.example.com/docs/guide', 'https://docs.example.com/docs/payouts#fees']);
  });

  it("point into the source's linkBase from the config", async () => {
    const dir = await specFile();
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      'out: site\nsources:\n  - plugin: openapi\n    linkBase: https://api.example.org/\n    options: { spec: openapi.yaml }\n',
    );
    expect((await runCli(['api'], { cwd: dir })).code).toBe(0);
    expect(hrefs(join(dir, 'site'))).toEqual([
      'https://api.example.org/docs/guide',
      'https://api.example.org/docs/payouts#fees',
    ]);
  });

  it('without one, stay relative and the warning says how to give the site', async () => {
    const dir = await specFile();
    const result = await runCli(['api', '--openapi', join(dir, 'openapi.yaml'), '--out', join(dir, 'out'), '--json']);
    expect(result.code).toBe(0);
    const messages = (JSON.parse(result.stdout).warnings as Array<{ message: string }>).map((w) => w.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toContain('--link-base');
  });

  it('refuses a --link-base that is not an http(s) URL, and shows one', async () => {
    const dir = await specFile();
    const result = await runCli([
      'api',
      '--openapi',
      join(dir, 'openapi.yaml'),
      '--out',
      join(dir, 'out'),
      '--link-base',
      'docs.example.com',
    ]);
    expect(result.code).toBe(2); // a usage error, as every DG_USAGE exits
    expect(result.stderr).toContain('DG_USAGE');
    expect(result.stderr).toContain('--link-base https://docs.example.com');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('the bundled example', () => {
  it('renders examples/acme-shop into at least 30 pages with the specs attached', async () => {
    const out = join(scratch, 'acme');
    const result = await runCli(['api', '--config', 'examples/acme-shop/docgen.config.yaml', '--out', out, '--json']);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.pages.length).toBeGreaterThanOrEqual(30);
    expect(manifest.pages.flatMap((p: Json) => p.attachments).length).toBeGreaterThanOrEqual(1);
    const titles = manifest.pages.map((p: Json) => p.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  }, 120_000);
});
