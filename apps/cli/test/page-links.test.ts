import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

/**
 * An in-house plugin that publishes a docs folder as it is: a page per Markdown file (its key the
 * file's name), the files beside it attached. The pages link each other as the docs site does,
 * without `.md`.
 */
const DOCS_PLUGIN = `import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, resolve } from 'node:path';

export default {
  name: 'docs-folder',
  optionsSchema: { type: 'object', required: ['dir'], properties: { dir: { type: 'string' } } },
  async extract({ options, cwd }) {
    const dir = resolve(cwd, options.dir);
    const names = readdirSync(dir).sort();
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
