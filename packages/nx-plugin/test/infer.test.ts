import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot } from '@docgen/test-support';
import { BUILTIN_PLUGINS } from '@docgen/core';

const run = promisify(execFile);

/** A throwaway Nx workspace that uses this repo's node_modules (and so the built plugin). */
async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'docgen-nx-'));
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  await writeFile(join(root, 'nx.json'), JSON.stringify({ plugins: ['@docgen/nx-plugin'] }));
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name: 'ws', private: true, workspaces: ['services/*'] }),
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

async function nx(cwd: string, ...args: string[]): Promise<string> {
  return (await nxOutput(cwd, ...args)).stdout;
}

/** The nx CLI's stdout and stderr (where plugins' warnings go). */
async function nxOutput(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const bin = join(repoRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  return run(process.execPath, [bin, ...args], { cwd, env });
}

const CATALOG_SPEC = `openapi: 3.0.3
info: { title: Catalog, version: 1.0.0 }
tags: [{ name: products }]
paths:
  /products:
    get:
      tags: [products]
      summary: List products
      responses: { '200': { description: OK } }
`;

describe('@docgen/nx-plugin inference, through the real nx CLI', () => {
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      'services/orders/docgen.config.yaml': 'out: generated-docs\nsources: []\n',
      'services/billing/package.json': JSON.stringify({ name: 'billing', private: true }),
      'services/billing/docgen.config.json': JSON.stringify({ sources: [] }),
      'services/no-docs/package.json': JSON.stringify({ name: 'no-docs', private: true }),
      'services/catalog/docgen.config.yaml': 'sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n',
      'services/catalog/openapi.yaml': CATALOG_SPEC,
    });
  });

  it('gives a folder with a docgen config a cacheable docs target and an uncached publish target', async () => {
    const project = JSON.parse(await nx(root, 'show', 'project', 'services-orders', '--json'));
    expect(project.targets.docs).toMatchObject({
      executor: 'nx:run-commands',
      cache: true,
      options: { command: 'docgen generate --config docgen.config.yaml --out generated-docs', cwd: 'services/orders' },
      outputs: ['{projectRoot}/generated-docs'],
    });
    expect(project.targets['docs-publish']).toMatchObject({ cache: false, dependsOn: ['docs'] });
  });

  it('merges the targets into an existing package project and leaves projects without a config alone', async () => {
    const billing = JSON.parse(await nx(root, 'show', 'project', 'billing', '--json'));
    expect(billing.targets.docs.options.command).toBe('docgen generate --config docgen.config.json --out docs-out');
    const noDocs = JSON.parse(await nx(root, 'show', 'project', 'no-docs', '--json'));
    expect(noDocs.targets?.docs).toBeUndefined();
    const withDocs = JSON.parse(await nx(root, 'show', 'projects', '--with-target', 'docs', '--json'));
    expect(withDocs.sort()).toEqual(['billing', 'services-catalog', 'services-orders']);
  });

  it('asks the docgen a custom command runs for its version, so an upgrade does not replay the cache, and publishes with it', async () => {
    const custom = await workspace({ 'app/docgen.config.yaml': 'sources: []\n' });
    await writeFile(
      join(custom, 'nx.json'),
      JSON.stringify({ plugins: [{ plugin: '@docgen/nx-plugin', options: { command: 'npx docgen generate' } }] }),
    );
    const { docs, 'docs-publish': publish } = JSON.parse(await nx(custom, 'show', 'project', 'app', '--json')).targets;
    expect(docs.inputs).toContainEqual({ runtime: 'npx docgen --version' });
    // The folder it rendered is published by the same docgen, not whichever `docgen` is on the PATH.
    expect(publish.options.command).toBe('npx docgen publish docs-out');

    // A command of one plugin: the docgen is the words before it.
    await writeFile(
      join(custom, 'nx.json'),
      JSON.stringify({ plugins: [{ plugin: '@docgen/nx-plugin', options: { command: 'node tools/docgen.js api' } }] }),
    );
    const apiOnly = JSON.parse(await nx(custom, 'show', 'project', 'app', '--json')).targets;
    expect(apiOnly.docs.inputs).toContainEqual({ runtime: 'node tools/docgen.js --version' });
    expect(apiOnly['docs-publish'].options.command).toBe('node tools/docgen.js publish docs-out');
  });

  it('runs the inferred docs target: the real docgen CLI renders the project, and Nx caches it', async () => {
    const first = await nx(root, 'run', 'services-catalog:docs', '--outputStyle=static');
    expect(first).toContain('wrote 2 pages');
    const manifest = JSON.parse(await readFile(join(root, 'services/catalog/docs-out/manifest.json'), 'utf8'));
    expect(manifest.pages.map((page: { title: string }) => page.title)).toEqual(['Catalog', 'Catalog: products']);
    const again = await nx(root, 'run', 'services-catalog:docs', '--outputStyle=static');
    expect(again).toMatch(/existing outputs match the cache|local cache/);
  });
});

describe('a docgen config beside a package.json that Nx makes no project of', () => {
  it('names the project as Nx names a package: its nx.name or name, else its folder in lower case', async () => {
    // The workspaces are services/*: tools/* are config folders with a package.json of their own
    // (a site's, a script's), which Nx's package.json inference skips, so no plugin named them
    // and Nx stopped with "The projects in the following directories have no name provided".
    const root = await workspace({
      'tools/Docs/package.json': JSON.stringify({ private: true }),
      'tools/Docs/docgen.config.yaml': 'sources: []\n',
      'tools/site/package.json': JSON.stringify({ name: 'site-package', private: true }),
      'tools/site/docgen.config.yaml': 'sources: []\n',
      'tools/renamed/package.json': JSON.stringify({ name: 'renamed-package', nx: { name: 'renamed' } }),
      'tools/renamed/docgen.config.yaml': 'sources: []\n',
      // In the workspaces, without a name: Nx names it, and the name docgen gives is the same one.
      'services/nameless/package.json': JSON.stringify({ private: true }),
      'services/nameless/docgen.config.yaml': 'sources: []\n',
    });
    const withDocs = JSON.parse(await nx(root, 'show', 'projects', '--with-target', 'docs', '--json'));
    expect(withDocs.sort()).toEqual(['docs', 'nameless', 'renamed', 'site-package']);
    const docs = JSON.parse(await nx(root, 'show', 'project', 'docs', '--json'));
    expect(docs).toMatchObject({ root: 'tools/Docs', targets: { docs: { options: { cwd: 'tools/Docs' } } } });
    expect(JSON.parse(await nx(root, 'show', 'project', 'renamed', '--json')).root).toBe('tools/renamed');
  });
});

describe('a package.json#docgen config in a package.json that opens with a byte order mark', () => {
  it('is read past the mark, as docgen itself reads it (a Windows editor writes one)', async () => {
    // Outside the workspaces, as Nx's own package.json inference (whose JSON reader stops at the mark) skips it.
    const root = await workspace({
      'tools/bom-docs/package.json': `\uFEFF${JSON.stringify({ name: 'bom-docs', private: true, docgen: { sources: [] } })}`,
    });
    const withDocs = JSON.parse(await nx(root, 'show', 'projects', '--with-target', 'docs', '--json'));
    expect(withDocs).toEqual(['bom-docs']);
  });
});

describe('a docs target whose config reaches outside its project', () => {
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      'services/orders/project.json': JSON.stringify({ name: 'orders', targets: {} }),
      'services/orders/docgen.config.yaml': [
        'out: ../../dist/docs/orders',
        'templates: ../../templates',
        'sources:',
        '  - plugin: openapi',
        '    options: { spec: ../../shared/openapi/catalog.yaml }',
        '  - plugin: adr',
        '    options: { dir: adr }',
        '  - plugin: routes',
        '    options: { entry: ../../servers/orders/src/server.ts, openapi: ../../shared/openapi/catalog.yaml }',
        '',
      ].join('\n'),
      'services/orders/adr/.keep': '',
      'shared/openapi/catalog.yaml': CATALOG_SPEC,
      'templates/openapi/.keep': '',
      'servers/orders/src/server.ts': 'export {};\n',
    });
  });

  it('has the spec, the templates and the route files it names as inputs, and its out folder as output', async () => {
    const { docs } = JSON.parse(await nx(root, 'show', 'project', 'orders', '--json')).targets;
    expect(docs.inputs).toEqual([
      '{projectRoot}/**/*',
      '!{projectRoot}/.docgen/**/*',
      '{workspaceRoot}/templates/openapi/**/*',
      '{workspaceRoot}/templates/adr/**/*',
      '{workspaceRoot}/templates/routes/**/*',
      '{workspaceRoot}/shared/openapi/catalog.yaml',
      '{workspaceRoot}/servers/orders/src/**/*',
      '^{projectRoot}/**/*',
      { runtime: 'docgen --version' },
    ]);
    expect(docs.outputs).toEqual(['{workspaceRoot}/dist/docs/orders']);
  });
});

describe('a docs config naming an in-house plugin and a spec kept in other projects of the workspace', () => {
  const flagsPlugin = `import { fileURLToPath } from 'node:url';
export default {
  name: 'flags',
  optionsSchema: { type: 'object' },
  templatesDir: fileURLToPath(new URL('./templates/', import.meta.url)),
  extract: () => ({ flags: ['dark-mode'] }),
  render: (model, { templates }) => ({
    pages: [{ key: 'flags', title: 'Flags', labels: [], markdown: templates.render('flags', model), attachments: [] }],
  }),
};
`;
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      // The root project (the workspace's package.json) documents what other projects hold.
      'docgen.config.yaml': 'sources:\n  - plugin: openapi\n    options: { spec: services/contracts/catalog.yaml }\n',
      'services/orders/package.json': JSON.stringify({ name: 'orders', private: true }),
      'services/orders/docgen.config.yaml': [
        'sources:',
        '  - plugin: acme-flags',
        '  - plugin: openapi',
        '    options: { spec: ../contracts/catalog.yaml }',
        '',
      ].join('\n'),
      'services/contracts/package.json': JSON.stringify({ name: 'contracts', private: true }),
      'services/contracts/catalog.yaml': CATALOG_SPEC,
      'services/acme-flags/package.json': JSON.stringify({ name: 'acme-flags', type: 'module', main: 'index.js' }),
      'services/acme-flags/index.js': flagsPlugin,
      'services/acme-flags/templates/flags.hbs': '# Flags\n\n{{#each flags}}- {{md this}}\n{{/each}}',
    });
    // Where npm links a workspace package: a node_modules the config's folder resolves modules from.
    await mkdir(join(root, 'services', 'orders', 'node_modules'));
    await symlink(join(root, 'services', 'acme-flags'), join(root, 'services', 'orders', 'node_modules', 'acme-flags'));
  });

  it("has the plugin's folder and the spec as inputs, also of the root project", async () => {
    const orders = JSON.parse(await nx(root, 'show', 'project', 'orders', '--json')).targets.docs;
    expect(orders.inputs).toContain('{workspaceRoot}/services/acme-flags/**/*');
    expect(orders.inputs).toContain('{workspaceRoot}/services/contracts/catalog.yaml');
    const workspaceRoot = JSON.parse(await nx(root, 'show', 'project', 'ws', '--json')).targets.docs;
    expect(workspaceRoot.inputs).toContain('{workspaceRoot}/services/contracts/catalog.yaml');
  });

  it('is affected by a change to the plugin or the spec, which Nx gives to their own projects', async () => {
    const affected = async (file: string) =>
      JSON.parse(await nx(root, 'show', 'projects', '--affected', `--files=${file}`, '--json')).sort();
    expect(await affected('services/acme-flags/templates/flags.hbs')).toEqual(['acme-flags', 'orders']);
    expect(await affected('services/contracts/catalog.yaml')).toEqual(['contracts', 'orders', 'ws']);
  });

  it("renders the plugin's pages when run", async () => {
    const output = await nx(root, 'run', 'orders:docs', '--outputStyle=static');
    expect(output).toContain('wrote 3 pages');
    expect(await readFile(join(root, 'services/orders/docs-out/flags.md'), 'utf8')).toContain('- dark-mode');
  });
});

describe('a workspace package named like a built-in plugin', () => {
  // docgen runs its built-in for `plugin: openapi` whatever node_modules holds (core's
  // BUILTIN_PLUGINS), so inference must not take a workspace package of that name for the plugin.
  // Driven by core's list, so a built-in added there and not to the plugin's copy fails here.
  const names = Object.keys(BUILTIN_PLUGINS);
  let root: string;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const name of names) {
      files[`services/${name}/package.json`] = JSON.stringify({ name, private: true });
      files[`services/uses-${name}/package.json`] = JSON.stringify({ name: `uses-${name}`, private: true });
      files[`services/uses-${name}/docgen.config.yaml`] = `sources:\n  - plugin: ${name}\n`;
    }
    root = await workspace(files);
    for (const name of names) {
      await mkdir(join(root, 'services', `uses-${name}`, 'node_modules'));
      await symlink(join(root, 'services', name), join(root, 'services', `uses-${name}`, 'node_modules', name));
    }
  });

  it('is not an input of a docs target that names the built-in', async () => {
    await nx(root, 'graph', '--file=graph.json');
    const graph = JSON.parse(await readFile(join(root, 'graph.json'), 'utf8')).graph;
    for (const name of names) {
      const inputs: unknown[] = graph.nodes[`uses-${name}`].data.targets.docs.inputs;
      expect({ name, inputs }).toEqual({
        name,
        inputs: expect.not.arrayContaining([`{workspaceRoot}/services/${name}/**/*`]),
      });
    }
  });
});

describe('a docs target whose spec refers to files outside its project', () => {
  it('has those files as inputs, following $refs from file to file', async () => {
    const root = await workspace({
      'services/orders/package.json': JSON.stringify({ name: 'orders', private: true }),
      'services/orders/docgen.config.yaml':
        'sources:\n  - plugin: openapi\n    options: { spec: openapi/openapi.yaml }\n',
      'services/orders/openapi/openapi.yaml': [
        'openapi: 3.0.3',
        'info: { title: Orders, version: 1.0.0 }',
        'paths:',
        "  /returns: { $ref: 'paths/returns.yaml' }",
        '',
      ].join('\n'),
      'services/orders/openapi/paths/returns.yaml': [
        'get:',
        '  responses:',
        "    '404': { $ref: '../../../shared/openapi/common.yaml#/components/responses/NotFound' }",
        '',
      ].join('\n'),
      'services/shared/openapi/common.yaml': [
        'components:',
        '  responses:',
        '    NotFound: { $ref: "./errors.yaml#/NotFound" }',
        '',
      ].join('\n'),
      'services/shared/openapi/errors.yaml': 'NotFound: { description: Not found }\n',
    });
    const { docs } = JSON.parse(await nx(root, 'show', 'project', 'orders', '--json')).targets;
    expect(docs.inputs).toEqual([
      '{projectRoot}/**/*',
      '!{projectRoot}/docs-out/**/*',
      '!{projectRoot}/.docgen/**/*',
      '{workspaceRoot}/services/shared/openapi/common.yaml',
      '{workspaceRoot}/services/shared/openapi/errors.yaml',
      { runtime: 'docgen --version' },
    ]);
  });
});

describe('a project configured in package.json#docgen', () => {
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      // Configured in its package.json only (core's loadConfig reads package.json#docgen).
      'services/catalog/package.json': JSON.stringify({
        name: 'catalog',
        private: true,
        docgen: {
          out: 'generated-docs',
          templates: '../../templates',
          sources: [{ plugin: 'openapi', options: { spec: 'openapi.yaml' } }],
        },
      }),
      'services/catalog/openapi.yaml': CATALOG_SPEC,
      'templates/openapi/.keep': '',
      // Both: the config file wins, as it does for docgen itself.
      'services/both/package.json': JSON.stringify({ name: 'both', private: true, docgen: { out: 'from-package' } }),
      'services/both/docgen.config.yaml': 'out: from-config\nsources: []\n',
      // Mentions docgen only as a dependency: no target.
      'services/other/package.json': JSON.stringify({ name: 'other', devDependencies: { docgen: '1.0.0' } }),
      // A TypeScript config, which docgen reads where Node can load TypeScript, before package.json#docgen.
      'services/typed/package.json': JSON.stringify({ name: 'typed', private: true, docgen: { out: 'from-package' } }),
      'services/typed/docgen.config.ts': 'export default { sources: [] };\n',
    });
  });

  it('gets the same docs target, run with --config package.json', async () => {
    const { docs, 'docs-publish': publish } = JSON.parse(
      await nx(root, 'show', 'project', 'catalog', '--json'),
    ).targets;
    expect(docs).toMatchObject({
      executor: 'nx:run-commands',
      cache: true,
      options: { command: 'docgen generate --config package.json --out generated-docs', cwd: 'services/catalog' },
      inputs: [
        '{projectRoot}/**/*',
        '!{projectRoot}/generated-docs/**/*',
        '!{projectRoot}/.docgen/**/*',
        '{workspaceRoot}/templates/openapi/**/*',
        { runtime: 'docgen --version' },
      ],
      outputs: ['{projectRoot}/generated-docs'],
    });
    expect(publish).toMatchObject({
      cache: false,
      dependsOn: ['docs'],
      options: { command: 'docgen publish generated-docs' },
    });
  });

  it('leaves the docs target of a folder that also has a config file to that file, and ignores other package.json files', async () => {
    const both = JSON.parse(await nx(root, 'show', 'project', 'both', '--json'));
    expect(both.targets.docs.options.command).toBe('docgen generate --config docgen.config.yaml --out from-config');
    const withDocs = JSON.parse(await nx(root, 'show', 'projects', '--with-target', 'docs', '--json'));
    expect(withDocs.sort()).toEqual(['both', 'catalog', 'typed']);
    const typed = JSON.parse(await nx(root, 'show', 'project', 'typed', '--json'));
    expect(typed.targets.docs.options.command).toBe('docgen generate --config docgen.config.ts --out docs-out');
  });

  it('runs: the real docgen CLI renders the project from its package.json', async () => {
    const output = await nx(root, 'run', 'catalog:docs', '--outputStyle=static');
    expect(output).toContain('wrote 2 pages');
    const manifest = JSON.parse(await readFile(join(root, 'services/catalog/generated-docs/manifest.json'), 'utf8'));
    expect(manifest.pages.map((page: { title: string }) => page.title)).toEqual(['Catalog', 'Catalog: products']);
  });
});

describe('a project that has a docs target of its own', () => {
  let root: string;
  const targets = async (project: string) =>
    JSON.parse(await nx(root, 'show', 'project', project, '--json')).targets as Record<
      string,
      {
        options?: { command?: string; script?: string };
        inputs?: unknown[];
        dependsOn?: string[];
        metadata?: { description?: string };
      }
    >;
  beforeAll(async () => {
    root = await workspace({
      // project.json's own `docs` runs TypeDoc: docgen's targets go by docgen's name.
      'apps/api/project.json': JSON.stringify({
        name: 'api',
        targets: { docs: { executor: 'nx:run-commands', options: { command: 'typedoc src/index.ts' } } },
      }),
      'apps/api/docgen.config.yaml': 'sources: []\n',
      // So does a `docs` script, which Nx makes a target of.
      'services/ui/package.json': JSON.stringify({
        name: 'ui',
        scripts: { docs: 'typedoc src', build: 'tsc' },
        docgen: { sources: [] },
      }),
      // A `docs` target that only adds an input, or a script that runs docgen, is docgen's own.
      'apps/shop/project.json': JSON.stringify({
        name: 'shop',
        targets: { docs: { inputs: ['{workspaceRoot}/shared/glossary.md'] } },
      }),
      // An out folder with a space is one word of the command.
      'apps/shop/docgen.config.yaml': "out: 'shop docs'\nsources: []\n",
      'services/cli/package.json': JSON.stringify({
        name: 'cli',
        scripts: { docs: 'docgen generate' },
        docgen: { sources: [] },
      }),
    });
  });

  it('gets docgen and docgen-publish beside it, and says why; its own docs target stays as written', async () => {
    const api = await targets('api');
    expect(api.docs!.options!.command).toBe('typedoc src/index.ts');
    expect(api.docgen!.options!.command).toBe('docgen generate --config docgen.config.yaml --out docs-out');
    expect(api.docgen!.metadata!.description).toContain('the project\'s own "docs" target runs typedoc src/index.ts');
    expect(api['docgen-publish']).toMatchObject({
      dependsOn: ['docgen'],
      options: { command: 'docgen publish docs-out' },
    });
    expect(api['docs-publish']).toBeUndefined();
    const ui = await targets('ui');
    expect(ui.docs!.options!.script).toBe('docs');
    expect(ui.docgen!.options!.command).toBe('docgen generate --config package.json --out docs-out');
    expect(ui.docgen!.metadata!.description).toContain('runs typedoc src');
  });

  it('keeps the docs name when the project only adds to it, or its script runs docgen; quotes an out folder with a space', async () => {
    const shop = await targets('shop');
    expect(shop.docs!.options!.command).toBe("docgen generate --config docgen.config.yaml --out 'shop docs'");
    expect(shop['docs-publish']!.options!.command).toBe("docgen publish 'shop docs'");
    expect(shop.docs!.inputs).toEqual(['{workspaceRoot}/shared/glossary.md']);
    expect(shop.docgen).toBeUndefined();
    const cli = await targets('cli');
    expect(cli.docgen).toBeUndefined();
    expect(cli['docs-publish']!.dependsOn).toEqual(['docs']);
  });
});

describe('a docgen config in a subfolder of a project', () => {
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      // apps/api is a project (project.json); its config is in docs/, its out beside it.
      'apps/api/project.json': JSON.stringify({ name: 'api', targets: {} }),
      'apps/api/docs/docgen.config.yaml':
        'out: ../generated-docs\nsources:\n  - plugin: adr\n    options: { dir: adr }\n',
      'apps/api/docs/adr/0001-use-postgres.md': '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n',
      // a package with two configs below it: the shallowest renders its docs
      'services/web/package.json': JSON.stringify({ name: 'web', private: true }),
      'services/web/docs/docgen.config.yaml': 'sources: []\n',
      'services/web/docs/more/docgen.config.json': JSON.stringify({ sources: [] }),
      // a project of its own inside one: its config is its own
      'services/web/tools/project.json': JSON.stringify({ name: 'web-tools', targets: {} }),
      'services/web/tools/docgen.config.yaml': 'sources: []\n',
    });
  });

  it("is the project's, not a project of its own: run from the config's folder, its paths from there", async () => {
    const projects = JSON.parse(await nx(root, 'show', 'projects', '--json')) as string[];
    expect(projects.sort()).toEqual(['api', 'web', 'web-tools']);
    const tools = JSON.parse(await nx(root, 'show', 'project', 'web-tools', '--json')).targets;
    expect(tools.docs.options).toEqual({
      command: 'docgen generate --config docgen.config.yaml --out docs-out',
      cwd: 'services/web/tools',
    });
    const { docs, 'docs-publish': publish } = JSON.parse(await nx(root, 'show', 'project', 'api', '--json')).targets;
    expect(docs).toMatchObject({
      options: { command: 'docgen generate --config docgen.config.yaml --out ../generated-docs', cwd: 'apps/api/docs' },
      inputs: [
        '{projectRoot}/**/*',
        '!{projectRoot}/generated-docs/**/*',
        '!{projectRoot}/docs/.docgen/**/*',
        { runtime: 'docgen --version' },
      ],
      outputs: ['{projectRoot}/generated-docs'],
    });
    expect(docs.metadata.description).toContain('(apps/api/docs/docgen.config.yaml)');
    expect(publish.options).toEqual({ command: 'docgen publish ../generated-docs', cwd: 'apps/api/docs' });
  });

  it('renders when run; a second config of one project is left out, with a warning that names both', async () => {
    const output = await nx(root, 'run', 'api:docs', '--outputStyle=static');
    expect(output).toContain('wrote 2 pages');
    const manifest = JSON.parse(await readFile(join(root, 'apps/api/generated-docs/manifest.json'), 'utf8'));
    expect(manifest.pages.map((page: { title: string }) => page.title)).toEqual([
      'Architecture decision records',
      'ADR-0001: Use PostgreSQL',
    ]);
    const { stdout, stderr } = await nxOutput(root, 'show', 'project', 'web', '--json');
    expect(JSON.parse(stdout).targets.docs.options.cwd).toBe('services/web/docs');
    expect(stderr).toContain(
      'project services/web has more than one docgen config; its docs target renders services/web/docs/docgen.config.yaml, not services/web/docs/more/docgen.config.json',
    );
  });
});

describe('options in nx.json that are not the plugin’s', () => {
  it('fail the graph with an error naming each key, its line in nx.json and the key meant', async () => {
    const root = await workspace({ 'app/docgen.config.yaml': 'sources: []\n' });
    const options = { targetname: 'api-docs', publishTarget: 'publish', cmd: 'x', command: '' };
    await writeFile(
      join(root, 'nx.json'),
      JSON.stringify({ plugins: [{ plugin: '@docgen/nx-plugin', options }] }, null, 2),
    );
    const failed = await nxOutput(root, 'show', 'projects').then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    expect(failed).toContain(
      'invalid @docgen/nx-plugin options: unknown key "targetname" (nx.json:6, did you mean "targetName"?); ' +
        'unknown key "publishTarget" (nx.json:7, did you mean "publishTargetName"?); unknown key "cmd" (nx.json:8); ' +
        '"command" must be a non-empty string (nx.json:9). Allowed keys: targetName, publishTargetName, command',
    );
  });
});

describe('a routes source whose code imports routers from another project of the workspace', () => {
  // An Express app mounts a router kept in a workspace library (`import { reviewsRouter } from
  // 'reviews'`): the routes page documents the library's routes, so a change there is a change of
  // the app's docs. Nx makes the app depend on the library (its package.json names it), and
  // `nx affected` picks the app; its docs target must then miss the cache, not replay old routes.
  let root: string;
  const reviewsLibrary = (paths: string[]) =>
    [
      "import { Router } from 'express';",
      'export const reviewsRouter = Router();',
      ...paths.map((path) => `reviewsRouter.get('${path}', (_req, res) => { res.json([]); });`),
      '',
    ].join('\n');
  beforeAll(async () => {
    root = await workspace({
      'services/shop/package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { reviews: '*' } }),
      'services/shop/docgen.config.yaml': 'sources:\n  - plugin: routes\n    options: { entry: src/server.ts }\n',
      'services/shop/src/server.ts': [
        "import express from 'express';",
        "import { reviewsRouter } from 'reviews';",
        'export const app = express();',
        "app.use('/shop/v1', reviewsRouter);",
        '',
      ].join('\n'),
      'services/reviews/package.json': JSON.stringify({ name: 'reviews', private: true, main: 'src/index.ts' }),
      'services/reviews/src/index.ts': reviewsLibrary(['/reviews']),
    });
  });

  it("has the files of the projects it depends on as inputs: a change to the library's routes renders again", async () => {
    await nx(root, 'run', 'shop:docs', '--outputStyle=static');
    await writeFile(join(root, 'services/reviews/src/index.ts'), reviewsLibrary(['/reviews', '/reviews/:reviewId']));
    const again = await nx(root, 'run', 'shop:docs', '--outputStyle=static');
    expect(again).not.toMatch(/existing outputs match the cache|local cache/);
    const manifest = JSON.parse(await readFile(join(root, 'services/shop/docs-out/manifest.json'), 'utf8'));
    const routesPage = manifest.pages.find((page: { markdownFile: string }) => /routes/.test(page.markdownFile));
    const markdown = await readFile(join(root, 'services/shop/docs-out', routesPage.markdownFile), 'utf8');
    expect(markdown).toContain('/shop/v1/reviews/:reviewId');
    const { docs } = JSON.parse(await nx(root, 'show', 'project', 'shop', '--json')).targets;
    expect(docs.inputs).toContain('^{projectRoot}/**/*');
  });
});

describe('a workspace templates folder shared by configs of different plugins', () => {
  // The workspace's templates/ holds overrides for every team's plugins; docgen reads only
  // templates/<plugin name>/ for a source. A change to the runbook template must not re-render
  // (nor, for `nx affected`, pick) the API docs, whose pages it cannot change.
  let root: string;
  beforeAll(async () => {
    root = await workspace({
      'services/api/package.json': JSON.stringify({ name: 'api', private: true }),
      'services/api/docgen.config.yaml':
        'templates: ../../templates\nsources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n',
      'services/api/openapi.yaml': CATALOG_SPEC,
      'services/ops/package.json': JSON.stringify({ name: 'ops', private: true }),
      'services/ops/docgen.config.yaml':
        'templates: ../../templates\nsources:\n  - plugin: runbook\n    options: { dir: . }\n',
      // An in-house plugin's name is in its code: its config has the whole folder as an input.
      'services/flags/package.json': JSON.stringify({ name: 'flags', private: true }),
      'services/flags/docgen.config.yaml': 'templates: ../../templates\nsources:\n  - plugin: ./flags.mjs\n',
      'templates/openapi/tag.hbs': '# {{title}}\n',
      'templates/runbook/service.hbs': '# {{title}}\n',
    });
  });

  it("has only its plugins' template folders as inputs: a change to another plugin's template affects only its projects", async () => {
    const affected = async (file: string) =>
      JSON.parse(await nx(root, 'show', 'projects', '--affected', `--files=${file}`, '--json')).sort();
    expect(await affected('templates/runbook/service.hbs')).toEqual(['flags', 'ops']);
    expect(await affected('templates/openapi/tag.hbs')).toEqual(['api', 'flags']);
    const { docs } = JSON.parse(await nx(root, 'show', 'project', 'api', '--json')).targets;
    expect(docs.inputs).toContain('{workspaceRoot}/templates/openapi/**/*');
    expect(docs.inputs).not.toContain('{workspaceRoot}/templates/**/*');
  });
});
