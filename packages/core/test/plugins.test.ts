import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure, repoRoot } from '@docgen/test-support';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  carryPlugins,
  configFromObject,
  configSchema,
  configWithFlagSources,
  fixOptionHint,
  generatePageTree,
  loadConfig,
  loadPlugin,
  runSource,
} from '@docgen/core';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('plugin loading', () => {
  it('runs an in-house plugin named by a relative path in config, with a template override', async () => {
    const config = await loadConfig({ cwd: join(fixtures, 'project') });
    const tree = await generatePageTree(config);
    expect(tree.pages.map((p) => [p.key, p.title, p.parentKey])).toEqual([
      ['glossary', 'Team: Glossary', undefined],
      ['glossary/a', 'Team: Glossary: A', 'glossary'],
      ['glossary/b', 'Team: Glossary: B', 'glossary'],
    ]);
    expect(tree.pages[0]!.labels).toEqual(['glossary', 'fixture']);
    expect(tree.pages[0]!.source).toEqual({ plugin: 'fixture-glossary' });
    // letter.hbs is overridden by the project, its partial _row.hbs still comes from the plugin
    expect(tree.pages[1]!.markdown).toBe(
      '# Terms starting with A\n\n| API | Application programming interface \\| the contract |\n| ADR | Architecture decision record |\n',
    );
  });

  it('runs a plugin named by its npm module name, installed in the project', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    await symlink(join(fixtures, 'fixture-plugin'), join(dir, 'node_modules', 'docgen-plugin-glossary'), 'dir');
    await writeFile(join(dir, 'terms.txt'), 'Zebra: striped\n');
    await writeFile(
      join(dir, 'docgen.config.json'),
      JSON.stringify({
        sources: [{ plugin: 'docgen-plugin-glossary', options: { file: 'terms.txt', title: 'Words' } }],
      }),
    );
    const tree = await generatePageTree(await loadConfig({ cwd: dir }));
    expect(tree.pages.map((p) => p.title)).toEqual(['Words', 'Words: Z']);
    expect(tree.pages[1]!.markdown).toContain('| Zebra | striped |');
    // The name the plugin goes by (its templates folder), not the module name config calls it by.
    const run = await runSource(await loadConfig({ cwd: dir }), 0);
    expect(run.plugin).toBe('fixture-glossary');
    expect(run.pages.map((p) => p.title)).toEqual(['Words', 'Words: Z']);
  });

  it('reports a missing file a source option names at that option’s line of the config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await cp(join(fixtures, 'fixture-plugin'), join(dir, 'plugin'), { recursive: true });
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      'sources:\n  - plugin: ./plugin\n    options:\n      title: Words\n      file: term.txt\n',
    );
    // The plugin's own error is a bare ENOENT naming the file, not where it was named.
    const error = await docgenFailure(generatePageTree(await loadConfig({ cwd: dir })));
    expect(error.code).toBe('DG_SOURCE_FILE_NOT_FOUND');
    expect(error.message).toBe(`sources[0].options.file names ${join(dir, 'term.txt')}, which does not exist`);
    expect(error.location).toMatchObject({ file: join(dir, 'docgen.config.yaml'), line: 5 });
    expect(error.hint).toBe(
      `set docgen.config.yaml:5 sources[0].options.file to a path that exists, relative to ${dir}`,
    );
  });

  it('tells a plugin where each option was given: the flag typed, or the config key and its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await writeFile(
      join(dir, 'origin.mjs'),
      [
        'export default {',
        "  name: 'origin',",
        "  optionsSchema: { type: 'object' },",
        "  templatesDir: '.',",
        "  extract: ({ origin }) => { throw Object.assign(new Error(JSON.stringify([origin('spec'), origin('other')])), { name: 'Probe' }); },",
        '  render: () => ({ pages: [] }),',
        '};',
        '',
      ].join('\n'),
    );
    // The config lists another source first: a flag-given source must point at none of its lines.
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      'sources:\n  - plugin: adr\n    options:\n      dir: docs/adr\n  - plugin: ./origin.mjs\n    options:\n      spec: api.yaml\n',
    );
    const configured = await loadConfig({ cwd: dir });
    const fromConfig = await docgenFailure(generatePageTree(configured, { include: (_, index) => index === 1 }));
    expect(JSON.parse(fromConfig.message.replace(/^plugin "\.\/origin\.mjs" failed: | \(at .*$/g, ''))).toEqual([
      {
        name: 'docgen.config.yaml:7 sources[1].options.spec',
        location: expect.objectContaining({ file: join(dir, 'docgen.config.yaml'), line: 7 }),
      },
      // An option the config leaves out is named at its source's `options:`, where it would be added.
      {
        name: 'docgen.config.yaml:6 sources[1].options.other',
        location: expect.objectContaining({ file: join(dir, 'docgen.config.yaml'), line: 6 }),
      },
    ]);

    const flagged = configWithFlagSources(configured, [
      { plugin: './origin.mjs', options: { spec: join(dir, 'api.yaml') }, flags: { spec: '--openapi' } },
    ]);
    const fromFlag = await docgenFailure(generatePageTree(flagged));
    expect(JSON.parse(fromFlag.message.replace(/^plugin "\.\/origin\.mjs" failed: | \(at .*$/g, ''))).toEqual([
      { name: '--openapi', flag: '--openapi' },
      { name: 'sources[0].options.other' },
    ]);
    // The plugin's own failure is not reported at line 2 of the config, where the adr source is, nor
    // at a `#/sources/0/plugin` the user never wrote: a source from flags is in no file.
    expect(fromFlag.location).toBeUndefined();
    // Templates, out and confluence still come from the config file.
    expect(flagged.file).toBe(join(dir, 'docgen.config.yaml'));
  });

  it('says how to fix an option where it was given', () => {
    const file = join(tmpdir(), 'docgen.config.yaml');
    expect(fixOptionHint({ name: '--dir', flag: '--dir' }, 'dir', 'the ADR folder')).toBe(
      'pass --dir the ADR folder, relative to the current folder',
    );
    expect(
      fixOptionHint(
        { name: 'docgen.config.yaml:4 sources[0].options.dir', location: { file, line: 4 } },
        'dir',
        'the ADR folder',
      ),
    ).toBe(`set docgen.config.yaml:4 sources[0].options.dir to the ADR folder, relative to ${tmpdir()}`);
    expect(fixOptionHint(undefined, 'dir', 'the ADR folder')).toBe('set `dir` to the ADR folder');
  });

  it('names the plugin, the config line and where in the plugin it threw, for an error of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await writeFile(
      join(dir, 'boom.mjs'),
      [
        'export default {',
        "  name: 'boom',",
        "  optionsSchema: { type: 'object' },",
        "  templatesDir: '.',",
        '  extract() {',
        "    throw new Error('cannot read the catalog');",
        '  },',
        '  render: () => ({ pages: [] }),',
        '};',
        '',
      ].join('\n'),
    );
    await writeFile(join(dir, 'docgen.config.yaml'), 'sources:\n  - plugin: ./boom.mjs\n');
    const error = await docgenFailure(generatePageTree(await loadConfig({ cwd: dir })));
    expect(error.code).toBe('DG_PLUGIN_FAILED');
    expect(error.message).toBe(
      `plugin "./boom.mjs" failed: cannot read the catalog (at ${join(dir, 'boom.mjs')}:6:11)`,
    );
    expect(error.location).toMatchObject({ file: join(dir, 'docgen.config.yaml'), line: 2 });
    expect(error.hint).toMatch(/^the plugin threw this itself/);
  });

  it('validates plugin options against the plugin schema, naming the key and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await cp(join(fixtures, 'fixture-plugin'), join(dir, 'plugin'), { recursive: true });
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      'sources:\n  - plugin: ./plugin\n    options:\n      file: terms.txt\n      colour: red\n',
    );
    const error = await docgenFailure(generatePageTree(await loadConfig({ cwd: dir })));
    expect(error.code).toBe('DG_PLUGIN_OPTIONS');
    expect(error.message).toContain('unknown key "sources[0].options.colour"');
    expect(error.location).toMatchObject({ file: join(dir, 'docgen.config.yaml'), line: 5 });
  });

  it('rejects an in-house plugin whose options schema is not valid JSON Schema, naming the plugin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await cp(join(fixtures, 'fixture-plugin'), join(dir, 'plugin'), { recursive: true });
    const index = join(dir, 'plugin', 'index.js');
    await writeFile(
      index,
      (await readFile(index, 'utf8')).replace("file: { type: 'string' }", "file: { type: 'text' }"),
    );
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      'sources:\n  - plugin: ./plugin\n    options:\n      file: terms.txt\n',
    );
    const error = await docgenFailure(generatePageTree(await loadConfig({ cwd: dir })));
    expect(error.code).toBe('DG_SCHEMA_INVALID');
    expect(error.message).toContain('options of plugin "./plugin"');
    expect(error.message).toContain('schema/properties/file/type');
  });

  it("docgen's own config schema is valid JSON Schema 2020-12 (runs skip that check)", () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(configSchema)).toBe(true);
  });

  it('takes a plugin the program carries (the bundled CLI) where docgen resolves it to its own install', async () => {
    let carried = 0;
    carryPlugins({
      '@docgen/source-adr': async () => {
        carried += 1;
        return import('@docgen/source-adr');
      },
    });
    const { source } = await loadPlugin('adr', repoRoot);
    expect(source.name).toBe('adr');
    expect(carried).toBe(1);
  });

  it("imports a project's own install of a module rather than a carried one", async () => {
    carryPlugins({
      'docgen-plugin-glossary': () => Promise.reject(new Error('the carried copy must not be used')),
    });
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    await cp(join(fixtures, 'fixture-plugin'), join(dir, 'node_modules', 'docgen-plugin-glossary'), {
      recursive: true,
    });
    const { source, resolvedFrom } = await loadPlugin('docgen-plugin-glossary', dir);
    expect(source.name).toBe('fixture-glossary');
    expect(resolvedFrom).toContain(dir.split(sep).pop()!);
  });

  it('explains a plugin that cannot be found or is not a DocumentSource', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    const missing = await docgenFailure(loadPlugin('docgen-plugin-that-does-not-exist', dir));
    expect(missing.code).toBe('DG_PLUGIN_NOT_FOUND');
    expect(missing.hint).toContain('npm install docgen-plugin-that-does-not-exist');
    // A slip of a built-in's name is named as such, not sent to npm install (whatever has that name).
    for (const [slip, meant] of [
      ['openpi', 'openapi'],
      ['OpenAPI', 'openapi'],
      ['prisma-schema', 'prisma'],
      ['adrs', 'adr'],
    ]) {
      const error = await docgenFailure(loadPlugin(slip!, dir));
      expect(error.hint).toBe(`did you mean the built-in "${meant}"? write plugin: ${meant}`);
    }
    await writeFile(join(dir, 'not-a-plugin.mjs'), 'export default { hello: 1 };\n');
    const shape = await docgenFailure(loadPlugin('./not-a-plugin.mjs', dir));
    expect(shape.code).toBe('DG_PLUGIN_SHAPE');
  });

  it('puts a source under a page of an earlier source with `parent`, and rejects clashing keys', async () => {
    const terms = join(fixtures, 'project', 'terms.txt');
    const plugin = join(fixtures, 'fixture-plugin');
    const two = (secondKey: string) =>
      configFromObject(
        {
          sources: [
            { plugin, options: { file: terms, title: 'Words', key: 'words' } },
            { plugin, parent: 'words', options: { file: terms, title: 'More', key: secondKey } },
          ],
        },
        { dir: fixtures },
      );
    const tree = await generatePageTree(two('more'));
    expect(tree.pages.find((p) => p.key === 'more')!.parentKey).toBe('words');
    expect(tree.pages.find((p) => p.key === 'more/a')!.parentKey).toBe('more');
    await expect(generatePageTree(two('words'))).rejects.toMatchObject({
      code: 'DG_TREE_DUPLICATE_KEY',
      message: 'sources[0] and sources[1] both produce a page with the key "words"',
      location: { pointer: '#/sources/1' },
      hint: 'give one of them its own key option (e.g. `options: { key: billing }` for openapi), so their pages stay apart',
    });
    // Two sources of one plugin that share their keys share their titles too (two ADR folders): both fixes at once.
    const twins = configFromObject(
      {
        sources: [
          { plugin, options: { file: terms, title: 'Words', key: 'words' } },
          { plugin, options: { file: terms, title: 'Words', key: 'words' } },
        ],
      },
      { dir: fixtures },
    );
    await expect(generatePageTree(twins)).rejects.toMatchObject({
      code: 'DG_TREE_DUPLICATE_KEY',
      hint: 'give one of them its own key option (e.g. `options: { key: billing }` for openapi), so their pages stay apart, and a `titlePrefix` beside `plugin:`: their pages share titles too ("Words"), and Confluence titles are unique per space',
    });
  });

  it("nests a page that asks for it under the root page of another source's input file, when the run has that source", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    // Two in-house plugins: one makes a reference from a file, the other a page about the same file.
    const plugin = (name: string, pages: string) =>
      writeFile(
        join(dir, `${name}.mjs`),
        `export default { name: '${name}', optionsSchema: { type: 'object' }, extract: () => ({}),\n` +
          `  render: (model, { options, parent }) => ({ pages: ${pages} }) };\n`,
      );
    await plugin(
      'reference',
      `[{ key: 'ref', title: 'Reference', labels: [], attachments: [], markdown: '', source: { plugin: 'reference', file: options.file } },
        { key: 'ref/part', parentKey: 'ref', title: 'Part', labels: [], attachments: [], markdown: '', source: { plugin: 'reference', file: options.file } }]`,
    );
    await plugin(
      'about',
      `[{ key: parent ? parent + '/about' : 'about', parentKey: parent, title: 'About', labels: [], attachments: [], markdown: '', nestUnderSourceOf: options.file }]`,
    );
    const file = join(dir, 'spec.yaml');
    const run = async (sources: unknown[]) => {
      const tree = await generatePageTree(configFromObject({ sources }, { dir }));
      return Object.fromEntries(tree.pages.map((page) => [page.key, page.parentKey ?? null]));
    };
    const reference = { plugin: './reference.mjs', options: { file } };
    const about = { plugin: './about.mjs', options: { file } };
    expect(await run([reference, about])).toEqual({ ref: null, 'ref/part': 'ref', about: 'ref' });
    expect(await run([about, reference])).toEqual({ about: 'ref', ref: null, 'ref/part': 'ref' });
    expect(await run([about])).toEqual({ about: null }); // no such source: a root, as before
    // A parent given wins; the plugin sees it (to make its key from it), and the field is gone.
    expect(await run([reference, { ...about, parent: 'ref/part' }])).toEqual({
      ref: null,
      'ref/part': 'ref',
      'ref/part/about': 'ref/part',
    });
    const tree = await generatePageTree(configFromObject({ sources: [reference, about] }, { dir }));
    expect(tree.pages.some((page) => 'nestUnderSourceOf' in page)).toBe(false);
  });

  it('titles a page after the page it ends up under (titleUnderParent), with its own titlePrefix; alone it keeps its title', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-plugin-'));
    await writeFile(
      join(dir, 'reference.mjs'),
      `export default { name: 'reference', optionsSchema: { type: 'object' }, extract: () => ({}),\n` +
        `  render: (model, { options }) => ({ pages: [{ key: options.key, title: options.title, labels: [], attachments: [], markdown: '', source: { plugin: 'reference', file: options.file } }] }) };\n`,
    );
    await writeFile(
      join(dir, 'about.mjs'),
      `export default { name: 'about', optionsSchema: { type: 'object' }, extract: () => ({}),\n` +
        `  render: (model, { options, parent }) => ({ pages: [{ key: (parent ?? 'top') + '/' + options.key, title: 'About ' + options.key, labels: [], attachments: [], markdown: '', titleUnderParent: 'About', nestUnderSourceOf: options.file }] }) };\n`,
    );
    const file = join(dir, 'spec.yaml');
    const reference = { plugin: './reference.mjs', options: { file, key: 'ref', title: 'Acme API' } };
    const titles = async (sources: unknown[]) =>
      (await generatePageTree(configFromObject({ sources }, { dir }))).pages.map((page) => [page.key, page.title]);
    // Under a source's page, by `parent` or by its input file; a chain of them reads up to the first real title.
    expect(
      await titles([
        reference,
        { plugin: './about.mjs', parent: 'ref', options: { key: 'a' } },
        { plugin: './about.mjs', titlePrefix: '[x] ', options: { key: 'b', file } },
        { plugin: './about.mjs', parent: 'ref/a', options: { key: 'c' } },
      ]),
    ).toEqual([
      ['ref', 'Acme API'],
      ['ref/a', 'Acme API: About'],
      ['top/b', '[x] Acme API: About'],
      ['ref/a/c', 'Acme API: About: About'],
    ]);
    expect(await titles([{ plugin: './about.mjs', options: { key: 'a' } }])).toEqual([['top/a', 'About a']]);
    const tree = await generatePageTree(
      configFromObject(
        { sources: [reference, { plugin: './about.mjs', parent: 'ref', options: { key: 'a' } }] },
        { dir },
      ),
    );
    expect(tree.pages.some((page) => 'titleUnderParent' in page)).toBe(false);
    // Two pages that take the same title from one parent clash as any two titles do, at the second source.
    await expect(
      titles([
        reference,
        { plugin: './about.mjs', options: { key: 'a', file } },
        { plugin: './about.mjs', options: { key: 'b', file } },
      ]),
    ).rejects.toMatchObject({
      code: 'DG_TREE_DUPLICATE_TITLE',
      message: 'sources[1] and sources[2] both produce a page with the title "Acme API: About"',
      location: { pointer: '#/sources/2' },
    });
  });
});
