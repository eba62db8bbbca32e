import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, type CliResult } from '@docgen/test-support';

/**
 * docgen as a user's monorepo gets it: the packages as `npm pack` packs them (only the files their
 * package.json ships), unpacked into a project's node_modules, and the `docgen` bin run from there,
 * with an in-house plugin written as docs/plugin-authoring.md says, in a folder whose path has a
 * space. No registry: each package's third-party dependencies are linked from this checkout's
 * install, into that package's own node_modules and only those its package.json declares, so an
 * import of an undeclared package, or of a file the package does not ship, fails here as it would
 * for the user.
 */
const run = promisify(execFile);
let scratch: string;
let project: string;

/** The workspace packages a user installs: those not private, by folder. */
async function publicPackages(): Promise<Map<string, { folder: string; manifest: Manifest }>> {
  const packages = new Map<string, { folder: string; manifest: Manifest }>();
  for (const group of ['packages', 'apps'])
    for (const name of await readdir(join(repoRoot, group))) {
      const folder = join(repoRoot, group, name);
      const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as Manifest;
      if (!manifest.private) packages.set(manifest.name, { folder, manifest });
    }
  return packages;
}
interface Manifest {
  name: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/** Where this checkout's install has `dependency` for the package in `folder` (its own node_modules first). */
function installedFor(folder: string, dependency: string): string {
  const lookups = createRequire(join(folder, 'package.json')).resolve.paths(dependency) ?? [];
  const found = lookups.map((dir) => join(dir, dependency)).find((dir) => existsSync(join(dir, 'package.json')));
  if (!found) throw new Error(`${dependency}, a dependency of ${folder}, is not installed in the checkout`);
  return found;
}

/** `npm pack` every public package, unpack each into `<project>/node_modules/<name>`, link its dependencies. */
async function installPacked(into: string): Promise<void> {
  const packages = await publicPackages();
  const tarballs = join(scratch, 'tarballs');
  await mkdir(tarballs);
  const workspaces = [...packages.values()].flatMap(({ folder }) => ['-w', relative(repoRoot, folder)]);
  const { stdout } = await run('npm', ['pack', '--json', '--offline', '--pack-destination', tarballs, ...workspaces], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const modules = join(into, 'node_modules');
  for (const { name, filename } of JSON.parse(stdout) as Array<{ name: string; filename: string }>) {
    const target = join(modules, name);
    await mkdir(target, { recursive: true });
    await run('tar', ['xzf', join(tarballs, filename), '-C', target, '--strip-components=1']);
    const { folder, manifest } = packages.get(name)!;
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      // docgen's own packages are the packed ones; a private one would not install for a user.
      if (dependency.startsWith('@docgen/')) {
        expect(packages.has(dependency)).toBe(true);
        continue;
      }
      const link = join(target, 'node_modules', dependency);
      await mkdir(join(link, '..'), { recursive: true });
      await symlink(installedFor(folder, dependency), link, 'dir');
    }
    for (const [bin, file] of Object.entries(manifest.bin ?? {})) {
      await mkdir(join(modules, '.bin'), { recursive: true });
      await symlink(join('..', name, file), join(modules, '.bin', bin));
    }
  }
}

/** The in-house plugin of docs/plugin-authoring.md, as plain JavaScript (which needs no build). */
const flagsPlugin = `import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSource, DocgenError, pageKey } from '@docgen/core';

export default defineSource({
  name: 'feature-flags',
  description: 'Feature flags from flags.json',
  optionsSchema: {
    type: 'object',
    properties: { file: { type: 'string' } },
    required: ['file'],
    additionalProperties: false,
  },
  templatesDir: fileURLToPath(new URL('./templates/', import.meta.url)),
  async extract({ options, cwd }) {
    const file = resolve(cwd, options.file);
    const model = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(model.flags))
      throw new DocgenError({ code: 'ACME_FLAGS_SHAPE', message: options.file + ' has no "flags" array', location: { file }, hint: 'add one' });
    return model;
  },
  render(model, { templates }) {
    return {
      pages: [{ key: pageKey('feature-flags'), title: 'Feature flags', labels: ['feature-flags'], markdown: templates.render('flags', model), attachments: [] }],
    };
  },
});
`;

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'tools/*'] }),
  'docgen.config.yaml': [
    'sources:',
    '  - plugin: openapi',
    '    options: { spec: apps/orders/openapi.yaml, key: orders }',
    '  - plugin: routes',
    '    options: { entry: apps/orders/src/server.ts, openapi: apps/orders/openapi.yaml }',
    '  - plugin: adr',
    '    options: { dir: docs/adr }',
    '  - plugin: my-company-docgen-features',
    '    options:',
    '      file: flags.json',
    '',
  ].join('\n'),
  'apps/orders/package.json': JSON.stringify({ name: '@acme/orders', private: true, dependencies: { express: '^4' } }),
  'apps/orders/openapi.yaml': [
    'openapi: 3.0.3',
    'info: { title: Orders API, version: 1.0.0 }',
    'paths:',
    '  /orders:',
    '    get:',
    '      tags: [orders]',
    '      summary: List orders',
    "      responses: { '200': { description: The orders } }",
    '',
  ].join('\n'),
  'apps/orders/src/server.ts': [
    "import express from 'express';",
    'const app = express();',
    "app.get('/orders', (_req, res) => res.json([]));",
    "app.delete('/orders/:id', (_req, res) => res.status(204).end());",
    'app.listen(3000);',
    '',
  ].join('\n'),
  'docs/adr/0001-record-architecture-decisions.md':
    '# 1. Record architecture decisions\n\nDate: 2026-11-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe decide.\n\n## Decision\n\nADRs.\n\n## Consequences\n\nMore docs.\n',
  'flags.json': JSON.stringify({ flags: [{ name: 'dark-mode', owner: 'team-web', description: 'Dark theme' }] }),
  'tools/flags/package.json': JSON.stringify({
    name: 'my-company-docgen-features',
    type: 'module',
    main: 'index.js',
    files: ['index.js', 'templates'],
    peerDependencies: { '@docgen/core': '0.1.0' },
  }),
  'tools/flags/index.js': flagsPlugin,
  'tools/flags/templates/flags.hbs':
    '# Feature flags\n\n| Flag | Owner | What it does |\n| --- | --- | --- |\n{{#each flags}}\n| {{code name}} | {{cell owner}} | {{cell description}} |\n{{/each}}\n',
};

/** The installed `docgen` bin, run in the project as `npx docgen` runs it. */
function docgen(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const bin = join(project, 'node_modules', '.bin', 'docgen');
  return run(process.execPath, [bin, ...args], { cwd: project, env: { ...process.env, NO_COLOR: '1', ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout: string; stderr: string }) => ({ ...error, code: error.code ?? 1 }),
  );
}

/** Every file under `dir` with its size: what a run must leave as it found it in node_modules. */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-installed-'));
  project = join(scratch, 'acme shop');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(project, path, '..'), { recursive: true });
    await writeFile(join(project, path), text);
  }
  await installPacked(project);
  // npm links a workspace package into node_modules by its name.
  await symlink(join(project, 'tools', 'flags'), join(project, 'node_modules', 'my-company-docgen-features'), 'dir');
}, 60_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('docgen installed from its packed packages into a project of its own', () => {
  it('answers --help from node_modules, and ships no source', async () => {
    // NODE_ENV=development (or Jest's test) made oclif look for TypeScript, and warn without it.
    const help = await docgen(['--help'], { NODE_ENV: 'development' });
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('generate  Render every source of the docgen config');
    expect(existsSync(join(project, 'node_modules', '@docgen', 'cli', 'src'))).toBe(false);
    // Source maps of sources not shipped, and tsc's build state: 40 % of a package's size, of no use to it.
    const shipped = await listing(join(project, 'node_modules', '@docgen'));
    expect(shipped.filter((file) => /\.map$|\.tsbuildinfo$/.test(file))).toEqual([]);
    expect(existsSync(join(project, 'node_modules', '@docgen', 'source-openapi', 'templates', 'tag.hbs'))).toBe(true);
  });

  it('generates every source, built-in and in-house, from the config, and writes nothing into node_modules', async () => {
    const installed = await listing(join(project, 'node_modules', '@docgen'));
    const result = await docgen(['generate', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { pages: Array<{ title: string }>; warnings: Array<{ code: string }> };
    expect(summary.pages.map((page) => page.title)).toEqual([
      'Orders API',
      'Orders API: orders',
      'Orders API: HTTP routes',
      'Architecture decision records',
      'ADR-0001: Record architecture decisions',
      'Feature flags',
    ]);
    expect(summary.warnings.map((warning) => warning.code)).toEqual(['DG_ROUTE_UNDOCUMENTED']);
    expect(await readFile(join(project, 'docs-out', 'feature-flags.md'), 'utf8')).toContain(
      '| `dark-mode` | team-web | Dark theme |',
    );
    expect(await listing(join(project, 'node_modules', '@docgen'))).toEqual(installed);
  });

  it('publishes to the embedded sandbox, and serves its preview with its assets', async () => {
    const published = await docgen(['publish', 'docs-out']);
    expect(published.stderr).toBe('');
    expect(published.stdout).toContain('Done: 6 created');
    const sandbox = spawn(
      process.execPath,
      [join(project, 'node_modules', '.bin', 'docgen'), 'sandbox', 'start', '--json', '--port', '0'],
      {
        cwd: project,
      },
    );
    const exited = new Promise((resolve) => sandbox.once('exit', resolve));
    try {
      const started = await new Promise<{ url: string }>((resolve, reject) => {
        let stdout = '';
        sandbox.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!) as { url: string });
        });
        sandbox.on('exit', (code) => reject(new Error(`docgen sandbox start exited with ${code}`)));
      });
      const home = await (await fetch(`${started.url}/`)).text();
      expect(home).toContain('DEV · 7 pages'); // the six published under the space's homepage
      const style = await fetch(`${started.url}/ui/assets/style.css`);
      expect(style.status).toBe(200);
    } finally {
      sandbox.kill('SIGINT');
      await exited;
    }
  });
});
