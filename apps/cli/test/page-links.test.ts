import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

/**
 * An in-house plugin that publishes a docs folder as it is: a page per Markdown file (its key the
 * file's path in the folder, `guides/routing`), the other files attached. The pages link each other
 * as the docs site does, relative to their own file, often without `.md`.
 */
const DOCS_PLUGIN = `import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, resolve } from 'node:path';

export default {
  name: 'docs-folder',
  optionsSchema: { type: 'object', required: ['dir'], properties: { dir: { type: 'string' } } },
  async extract({ options, cwd }) {
    const dir = resolve(cwd, options.dir);
    const names = readdirSync(dir, { recursive: true }).filter((name) => statSync(join(dir, name)).isFile()).sort();
    const files = names.filter((name) => extname(name) !== '.md').map((name) => join(dir, name));
    return { files, pages: names.filter((name) => extname(name) === '.md').map((name) => ({ name, markdown: readFileSync(join(dir, name), 'utf8') })) };
  },
  render(model) {
    const attachments = model.files.map((path) => {
      const data = readFileSync(path);
      return { fileName: path.split('/').pop(), mediaType: 'application/octet-stream', contentHash: createHash('sha256').update(data).digest('hex'), data };
    });
    return {
      pages: model.pages.map(({ name, markdown }) => ({
        key: name.slice(0, -3),
        title: /^# (.+)$/m.exec(markdown)[1],
        labels: [],
        markdown,
        attachments,
      })),
    };
  },
};
`;

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-page-links-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A project whose one source is the docs folder `docs/`, rendered to `out/`. */
async function docsProject(): Promise<string> {
  const project = await mkdtemp(join(scratch, 'project-'));
  await mkdir(join(project, 'docs'));
  await writeFile(join(project, 'docs-folder.mjs'), DOCS_PLUGIN);
  await writeFile(
    join(project, 'docgen.config.yaml'),
    'out: out\nsources:\n  - plugin: ./docs-folder.mjs\n    options:\n      dir: docs\n',
  );
  return project;
}

async function storageOf(project: string, key: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(project, 'out', 'manifest.json'), 'utf8'));
  const page = manifest.pages.find((p: { key: string }) => p.key === key);
  return readFile(join(project, 'out', page.storageFile), 'utf8');
}

describe('links between pages written without .md', () => {
  it('link to the page of that file, follow a renamed title through the cache, and leave a file a file', async () => {
    const project = await docsProject();
    const docs = join(project, 'docs');
    await writeFile(join(docs, 'routing.md'), '# Routing\n\n## Nested routes\n');
    await writeFile(join(docs, 'LICENSE.md'), '# License page\n');
    await writeFile(join(docs, 'LICENSE'), 'MIT');
    await writeFile(join(docs, 'faq.md'), '# FAQ\n\nSee [routing](./routing).\n');
    await writeFile(
      join(docs, 'installation.md'),
      '# Installation\n\nRead [routing](./routing), [nested routes](routing#nested-routes), [again](./routing/)\n' +
        'and [upgrading](./upgrading). [The license](./LICENSE) is a file.\n',
    );
    const first = await runCli(['generate', '--json'], { cwd: project });
    expect(first.code).toBe(0);
    const warnings = (JSON.parse(first.stdout) as { warnings: Array<{ message: string }> }).warnings;
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining(
        'line 4: link to ./upgrading is relative but neither a page of this tree nor an attachment',
      ),
    ]);
    const storage = await storageOf(project, 'installation');
    expect(storage).toContain(
      '<ac:link><ri:page ri:content-title="Routing" /><ac:plain-text-link-body><![CDATA[routing]]></ac:plain-text-link-body></ac:link>',
    );
    expect(storage).toContain('<ac:link ac:anchor="Nestedroutes"><ri:page ri:content-title="Routing" />');
    expect(storage).toContain('<ri:page ri:content-title="Routing" /><ac:plain-text-link-body><![CDATA[again]]>');
    expect(storage).toContain('<ri:attachment ri:filename="LICENSE" />');
    expect(storage).not.toContain('License page');

    // Only the linked page's title and heading change: the linking pages' cached storage must not
    // survive it, the FAQ's (no #fragment) for the title, the installation's for the heading too.
    await writeFile(join(docs, 'routing.md'), '# Routes\n\n## Nested Routes\n');
    const second = await runCli(['generate', '--json'], { cwd: project });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).cache).toMatchObject({ hits: 1, misses: 3 }); // the license page is unchanged
    expect(await storageOf(project, 'faq')).toContain('<ri:page ri:content-title="Routes" />');
    const again = await storageOf(project, 'installation');
    expect(again).toContain('<ac:link ac:anchor="NestedRoutes"><ri:page ri:content-title="Routes" />');
    expect(again).not.toContain('"Routing"');

    // Only its heading: the installation links it with a #fragment, the FAQ does not.
    await writeFile(join(docs, 'routing.md'), '# Routes\n\n## nested routes\n');
    const third = await runCli(['generate', '--json'], { cwd: project });
    expect(JSON.parse(third.stdout).cache).toMatchObject({ hits: 2, misses: 2 });
    expect(await storageOf(project, 'installation')).toContain(
      '<ac:link ac:anchor="nestedroutes"><ri:page ri:content-title="Routes" />',
    );
  });

  it('publish to the same pages when the folder is converted at publish time (--no-storage)', async () => {
    const project = await docsProject();
    await writeFile(join(project, 'docs', 'routing.md'), '# Routing\n\n## Nested routes\n');
    await writeFile(join(project, 'docs', 'faq.md'), '# FAQ\n\nSee [nested routes](./routing#nested-routes).\n');
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    const first = await runCli(['generate', '--no-cache', '--publish'], { cwd: project, env });
    expect(first.code).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/Done: 2 created, 0 updated/);
    expect(first.stderr).not.toContain('DG_CONVERT');
    expect(await storageOf(project, 'faq')).toContain(
      '<ac:link ac:anchor="Nestedroutes"><ri:page ri:content-title="Routing" />',
    );
    await runCli(['generate', '--no-storage', '--out', 'markdown-only'], { cwd: project, env });
    const published = await runCli(['publish', 'markdown-only'], { cwd: project, env });
    expect(published.code).toBe(0);
    expect(published.stdout + published.stderr).toMatch(/Done: 0 created, 0 updated, 2 unchanged/);
  }, 60_000);
});

describe('links between pages kept in folders', () => {
  /** A docs folder with sub-folders whose pages link each other as on GitHub: from their own file. */
  async function nestedDocs(): Promise<string> {
    const project = await docsProject();
    const docs = join(project, 'docs');
    await mkdir(join(docs, 'guides'));
    await mkdir(join(docs, 'reference'));
    await writeFile(
      join(docs, 'index.md'),
      '# Home\n\nStart with [the guides](./guides/), [nested routes](guides/routing.md#nested-routes)' +
        ' and [the reference](./reference/).\n',
    );
    await writeFile(join(docs, 'guides', 'index.md'), '# Guides\n\nRead [routing](./routing) first.\n');
    // A page of that name beside the linking page's folder: `./routing` there is the folder's own.
    await writeFile(join(docs, 'routing.md'), '# Routing (old)\n');
    await writeFile(
      join(docs, 'guides', 'routing.md'),
      '# Routing\n\n## Nested routes\n\nBack [home](../index.md), to [the guides](./),' +
        ' [the endpoints](../reference/api.md#endpoints) and [the API](../reference/api).\n',
    );
    await writeFile(join(docs, 'reference', 'README.md'), '# Reference\n\nSee [the API](api.md).\n');
    await writeFile(
      join(docs, 'reference', 'api.md'),
      '# API\n\n## Endpoints\n\nRoutes are [nested](../guides/routing/#nested-routes); [all guides](../guides/).\n',
    );
    return project;
  }

  it("resolve a link from the linking page's folder: ../, folder pages (index.md, README.md), #fragments", async () => {
    const project = await nestedDocs();
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([]);
    const link = (title: string, text: string, anchor?: string) =>
      `<ac:link${anchor ? ` ac:anchor="${anchor}"` : ''}><ri:page ri:content-title="${title}" />` +
      `<ac:plain-text-link-body><![CDATA[${text}]]></ac:plain-text-link-body></ac:link>`;
    const home = await storageOf(project, 'index');
    expect(home).toContain(link('Guides', 'the guides'));
    expect(home).toContain(link('Routing', 'nested routes', 'Nestedroutes'));
    expect(home).toContain(link('Reference', 'the reference'));
    expect(await storageOf(project, 'guides/index')).toContain(link('Routing', 'routing'));
    const routing = await storageOf(project, 'guides/routing');
    expect(routing).toContain(link('Home', 'home'));
    expect(routing).toContain(link('Guides', 'the guides'));
    expect(routing).toContain(link('API', 'the endpoints', 'Endpoints'));
    expect(routing).toContain(link('API', 'the API'));
    expect(await storageOf(project, 'reference/README')).toContain(link('API', 'the API'));
    const api = await storageOf(project, 'reference/api');
    expect(api).toContain(link('Routing', 'nested', 'Nestedroutes'));
    expect(api).toContain(link('Guides', 'all guides'));

    // A renamed heading on a page linked from another folder re-converts the linking page.
    await writeFile(
      join(project, 'docs', 'reference', 'api.md'),
      (await readFile(join(project, 'docs', 'reference', 'api.md'), 'utf8')).replace('## Endpoints', '## endpoints'),
    );
    const again = await runCli(['generate', '--json'], { cwd: project });
    expect(again.code).toBe(0);
    expect(await storageOf(project, 'guides/routing')).toContain(
      '<ac:link ac:anchor="endpoints"><ri:page ri:content-title="API" />',
    );
  });

  it('publish to the same pages from a folder rendered without storage', async () => {
    const project = await nestedDocs();
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    const first = await runCli(['generate', '--no-cache', '--publish'], { cwd: project, env });
    expect(first.code).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/Done: 6 created, 0 updated/);
    expect(first.stderr).not.toContain('DG_CONVERT');
    await runCli(['generate', '--no-storage', '--out', 'markdown-only'], { cwd: project, env });
    const published = await runCli(['publish', 'markdown-only'], { cwd: project, env });
    expect(published.code).toBe(0);
    expect(published.stderr).not.toContain('DG_CONVERT');
    expect(published.stdout + published.stderr).toMatch(/Done: 0 created, 0 updated, 6 unchanged/);
  }, 60_000);
});
