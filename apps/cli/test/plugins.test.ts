import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

/**
 * In-house plugins through the real CLI, which runs from a bundle (scripts/bundle.js): a plugin
 * named by path or module name is imported from disk with the `@docgen/core` it installs itself,
 * beside the bundle's own copy, and its errors still reach the user as docgen errors.
 */
const fixtures = join(repoRoot, 'packages', 'core', 'test', 'fixtures');
let scratch: string;

/** A plugin that imports @docgen/core itself and fails the docgen way on a bad line of its input. */
const strictPlugin = `import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocgenError, defineSource } from '@docgen/core';

export default defineSource({
  name: 'strict-terms',
  optionsSchema: { type: 'object', required: ['file'], properties: { file: { type: 'string' } } },
  async extract({ options, cwd }) {
    const file = resolve(cwd, options.file);
    const lines = readFileSync(file, 'utf8').split('\\n');
    const bad = lines.findIndex((line) => line.trim() && !line.includes(':'));
    if (bad !== -1)
      throw new DocgenError({ code: 'TERMS_LINE', message: 'a term needs a colon', location: { file, line: bad + 1 }, hint: 'write term: definition' });
    return { terms: lines.filter((line) => line.includes(':')) };
  },
  render(model) {
    return { pages: [{ key: 'terms', title: 'Terms', labels: [], markdown: model.terms.map((t) => '- ' + t).join('\\n') + '\\n', attachments: [] }] };
  },
});
`;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-cli-plugins-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('in-house plugins through the bundled CLI', () => {
  it('runs a plugin named by a relative path in config, with a template override', async () => {
    expect(existsSync(join(repoRoot, 'apps', 'cli', 'dist', 'bundle', 'docgen.cjs'))).toBe(true);
    const out = join(scratch, 'glossary');
    const config = join(fixtures, 'project', 'docgen.config.yaml');
    const result = await runCli(['generate', '--config', config, '--out', out, '--json', '--no-cache']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { pages: Array<{ title: string }>; storage: boolean };
    expect(summary.pages.map((page) => page.title)).toEqual([
      'Team: Glossary',
      'Team: Glossary: A',
      'Team: Glossary: B',
    ]);
    expect(summary.storage).toBe(true);
  });

  it('runs a module that imports its own @docgen/core, and shows its DocgenError with file and line', async () => {
    const project = join(scratch, 'strict');
    const plugin = join(project, 'node_modules', 'docgen-plugin-strict-terms');
    await mkdir(join(project, 'node_modules', '@docgen'), { recursive: true });
    await symlink(join(repoRoot, 'packages', 'core'), join(project, 'node_modules', '@docgen', 'core'), 'dir');
    await mkdir(plugin, { recursive: true });
    await writeFile(
      join(plugin, 'package.json'),
      JSON.stringify({ name: 'docgen-plugin-strict-terms', type: 'module', main: 'index.js' }),
    );
    await writeFile(join(plugin, 'index.js'), strictPlugin);
    await writeFile(
      join(project, 'docgen.config.yaml'),
      'sources:\n  - plugin: docgen-plugin-strict-terms\n    options:\n      file: terms.txt\n',
    );

    await writeFile(join(project, 'terms.txt'), 'API: an interface\nADR: a decision record\n');
    const good = await runCli(['generate', '--out', join(project, 'out'), '--json', '--no-cache'], { cwd: project });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).pages).toMatchObject([{ key: 'terms', title: 'Terms' }]);

    await writeFile(join(project, 'terms.txt'), 'API: an interface\nno colon here\n');
    const bad = await runCli(['generate', '--out', join(project, 'out-bad'), '--json', '--no-cache'], { cwd: project });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'TERMS_LINE',
        location: { file: join(project, 'terms.txt'), line: 2 },
        hint: 'write term: definition',
      },
    });
    expect(existsSync(join(project, 'out-bad'))).toBe(false);
  });

  it('runs a plugin named by its npm module name, installed in the project', async () => {
    const project = join(scratch, 'installed');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    await cp(join(fixtures, 'fixture-plugin'), join(project, 'node_modules', 'docgen-plugin-glossary'), {
      recursive: true,
    });
    await writeFile(join(project, 'terms.txt'), 'Zebra: striped\n');
    await writeFile(
      join(project, 'docgen.config.json'),
      JSON.stringify({
        sources: [{ plugin: 'docgen-plugin-glossary', options: { file: 'terms.txt', title: 'Words' } }],
      }),
    );
    const result = await runCli(['generate', '--out', join(project, 'out'), '--json', '--no-cache'], { cwd: project });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).pages.map((page: { title: string }) => page.title)).toEqual(['Words', 'Words: Z']);
  });
});

/**
 * The steps of docs/plugin-authoring.md a newcomer gets wrong, each through the real CLI: a
 * workspace package named in config that was never built, its TypeScript named as "main", and a
 * templatesDir written as a URL's pathname in a project whose path has a space.
 */
describe('an in-house plugin package that is not ready', () => {
  /** A project whose node_modules links `acme-flags` to its own folder, as an npm workspace does. */
  async function workspacePlugin(folder: string, manifest: Record<string, unknown>): Promise<string> {
    const project = await mkdtemp(join(scratch, folder));
    const plugin = join(project, 'tools', 'acme-flags');
    await mkdir(join(plugin, 'templates'), { recursive: true });
    await mkdir(join(project, 'node_modules', '@docgen'), { recursive: true });
    await symlink(join(repoRoot, 'packages', 'core'), join(project, 'node_modules', '@docgen', 'core'), 'dir');
    await symlink(plugin, join(project, 'node_modules', 'acme-flags'), 'dir');
    await writeFile(join(plugin, 'package.json'), JSON.stringify({ name: 'acme-flags', type: 'module', ...manifest }));
    await writeFile(join(plugin, 'templates', 'flags.hbs'), '# Flags\n\n{{#each flags}}- {{md this}}\n{{/each}}');
    await writeFile(join(project, 'docgen.config.yaml'), 'sources:\n  - plugin: acme-flags\n');
    return project;
  }
  const pluginSource = (templatesDir: string) => `import { defineSource } from '@docgen/core';
export default defineSource({
  name: 'flags',
  optionsSchema: { type: 'object' },
  templatesDir: ${templatesDir},
  extract: () => ({ flags: ['dark-mode'] }),
  render: (model, { templates }) => ({
    pages: [{ key: 'flags', title: 'Flags', labels: [], markdown: templates.render('flags', model), attachments: [] }],
  }),
});
`;
  const generate = (project: string) =>
    runCli(['generate', '--json', '--no-cache', '--out', join(project, 'out')], { cwd: project });

  it('says a workspace plugin whose main file is missing is to be built, not installed', async () => {
    const project = await workspacePlugin('unbuilt-', { main: 'dist/index.js' });
    const result = await generate(project);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_PLUGIN_NOT_BUILT',
      location: { file: join(project, 'docgen.config.yaml'), line: 2 },
      // The plugin's own folder, where its build script is, not the workspace's link to it.
      hint: expect.stringContaining(`npm run build in ${await realpath(join(project, 'tools', 'acme-flags'))})`),
    });
  });

  it('says a TypeScript entry point is to be compiled', async () => {
    const project = await workspacePlugin('typescript-', { main: 'src/index.ts' });
    await mkdir(join(project, 'tools', 'acme-flags', 'src'));
    await writeFile(join(project, 'tools', 'acme-flags', 'src', 'index.ts'), pluginSource('undefined'));
    const result = await generate(project);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_PLUGIN_LOAD',
      hint: expect.stringContaining('compile the plugin to JavaScript (tsc)'),
    });
  });

  it("names a templatesDir written as a URL's pathname, and renders with fileURLToPath", async () => {
    const project = await workspacePlugin('with space ', { main: 'index.js' });
    const entry = join(project, 'tools', 'acme-flags', 'index.js');
    await writeFile(entry, pluginSource("new URL('./templates/', import.meta.url).pathname"));
    const wrong = await generate(project);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).error).toMatchObject({
      code: 'DG_PLUGIN_TEMPLATES_DIR',
      message: expect.stringContaining('%20'),
      hint: expect.stringContaining("fileURLToPath(new URL('../templates/', import.meta.url))"),
    });
    const fixed = pluginSource("fileURLToPath(new URL('./templates/', import.meta.url))");
    await writeFile(entry, `import { fileURLToPath } from 'node:url';\n${fixed}`);
    const right = await generate(project);
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    expect(await readFile(join(project, 'out', 'flags.md'), 'utf8')).toContain('- dark-mode');
  });

  it('a plugin file in a project where @docgen/core is not installed says to install it, not to build the plugin', async () => {
    const project = await mkdtemp(join(scratch, 'no-core-'));
    await writeFile(join(project, 'flags.mjs'), pluginSource("new URL('./templates/', import.meta.url).pathname"));
    await writeFile(join(project, 'docgen.config.yaml'), 'sources:\n  - plugin: ./flags.mjs\n');
    const result = await generate(project);
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error).toMatchObject({ code: 'DG_PLUGIN_LOAD', location: { line: 2 } });
    expect(error.hint).toMatch(/^the plugin imports @docgen\/core, which is not installed where it can import it/);
    expect(error.hint).not.toContain('build the plugin');
  });

  it("the guide's flags.hbs, copied as written, renders the flags as a table", async () => {
    const guide = await readFile(join(repoRoot, 'docs', 'plugin-authoring.md'), 'utf8');
    const template = /```hbs\n([\s\S]*?)```/.exec(guide)![1]!;
    const project = await workspacePlugin('guide-', { main: 'index.js' });
    const plugin = join(project, 'tools', 'acme-flags');
    await writeFile(join(plugin, 'templates', 'flags.hbs'), template);
    const source = pluginSource("fileURLToPath(new URL('./templates/', import.meta.url))").replace(
      "extract: () => ({ flags: ['dark-mode'] })",
      "extract: () => ({ flags: [{ name: 'dark-mode', owner: 'web', description: 'Dark colours' }] })",
    );
    await writeFile(join(plugin, 'index.js'), `import { fileURLToPath } from 'node:url';\n${source}`);
    const result = await generate(project);
    expect(result.code).toBe(0);
    const page = await readFile(join(project, 'out', 'flags.md'), 'utf8');
    expect(page).toMatch(/^# Feature flags$/m);
    expect(page).toMatch(/^\| Flag \| Owner \| What it does \|$/m);
    expect(page).toMatch(/^\| `dark-mode` \| web \| Dark colours \|$/m);
  });
});

describe('an error that is not docgen’s own, with --json', () => {
  // A plugin that throws what is not an Error (a string, a plain object): a bug somewhere, which
  // reaches the command as it was thrown, past the plugin wrapper that needs a message.
  const throwing = (value: string) => `export default {
  name: 'throws',
  optionsSchema: { type: 'object' },
  async extract() { throw ${value}; },
  render() { return { pages: [] }; },
};
`;
  const token = 'tok-SECRET-9876';

  it.each([
    ['a string', "'lookup failed with ' + process.env.CONFLUENCE_API_TOKEN", /lookup failed with \*\*\*/],
    ['a plain object', "{ reason: 'no entry', token: process.env.CONFLUENCE_API_TOKEN }", /no entry/],
  ])(
    'a plugin throwing %s is one DG_INTERNAL diagnostic in the usual shape, without secrets',
    async (_, value, says) => {
      const project = await mkdtemp(join(scratch, 'throws-'));
      await writeFile(join(project, 'throws.mjs'), throwing(value));
      await writeFile(join(project, 'docgen.config.yaml'), 'sources:\n  - plugin: ./throws.mjs\n');
      const env = { CONFLUENCE_API_TOKEN: token };
      const result = await runCli(['generate', '--json', '--out', join(project, 'out')], { cwd: project, env });
      expect(result.code).toBe(1);
      const printed = JSON.parse(result.stdout) as { ok: boolean; error: Record<string, unknown> };
      expect(printed).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'DG_INTERNAL', severity: 'error' }),
      });
      expect(printed.error.message).toMatch(says);
      expect(printed.error.hint).toMatch(/report/);
      expect(printed.error.excerpt).toBeUndefined(); // the stack only with --verbose
      expect(result.stdout + result.stderr).not.toContain(token);

      const verbose = await runCli(['generate', '--json', '--verbose', '--out', join(project, 'out')], {
        cwd: project,
        env,
      });
      expect(JSON.parse(verbose.stdout).error).toMatchObject({ code: 'DG_INTERNAL' });
      expect(verbose.stdout + verbose.stderr).not.toContain(token);
    },
  );
});
