import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { findConfigFile, loadConfig, optionOrigin } from '@docgen/core';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-config-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('config loading', () => {
  it('reads YAML, fills defaults and remembers its folder', async () => {
    const dir = await project({
      'docgen.config.yaml': 'title: Shop\nsources:\n  - plugin: openapi\n    options: { spec: api.yaml }\n',
    });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file).toBe(join(dir, 'docgen.config.yaml'));
    expect(loaded.dir).toBe(dir);
    expect(loaded.config).toEqual({
      title: 'Shop',
      out: 'docs-out',
      templates: 'templates',
      sources: [{ plugin: 'openapi', options: { spec: 'api.yaml' } }],
    });
  });

  it('searches upwards from a sub-folder, and finds package.json#docgen', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'x', docgen: { out: 'site' } }),
      'apps/web/src/.keep': '',
    });
    expect(findConfigFile(join(dir, 'apps/web/src'))).toBe(join(dir, 'package.json'));
    const loaded = await loadConfig({ cwd: join(dir, 'apps/web/src') });
    expect(loaded.config.out).toBe('site');
  });

  it('finds package.json#docgen in a package.json saved with a byte order mark, as npm and Node read it', async () => {
    const dir = await project({
      'package.json': `\uFEFF${JSON.stringify({ name: 'x', docgen: { out: 'site' } }, null, 2)}\r\n`,
    });
    expect(findConfigFile(dir)).toBe(join(dir, 'package.json'));
    expect((await loadConfig({ cwd: dir })).config.out).toBe('site');
  });

  it('names a key of package.json#docgen as written there, under `docgen`', async () => {
    const dir = await project({
      'package.json': JSON.stringify(
        { name: 'x', docgen: { sources: [{ plugin: 'adr', options: { dir: 'adr' } }] } },
        null,
        2,
      ),
    });
    const loaded = await loadConfig({ cwd: dir });
    expect(optionOrigin(loaded, 0, 'dir')).toMatchObject({
      name: 'package.json:8 docgen.sources[0].options.dir',
      location: { file: join(dir, 'package.json'), line: 8 },
    });
  });

  it('loads .mjs and .json configs, and an explicit path', async () => {
    const dir = await project({
      'a/docgen.config.mjs': 'export default { title: "From JS", sources: [] };\n',
      'b/docgen.config.json': '{ "title": "From JSON" }\n',
      'c/custom.yaml': 'title: Custom\n',
    });
    expect((await loadConfig({ cwd: join(dir, 'a') })).config.title).toBe('From JS');
    expect((await loadConfig({ cwd: join(dir, 'b') })).config.title).toBe('From JSON');
    expect((await loadConfig({ cwd: dir, explicit: 'c/custom.yaml' })).config.title).toBe('Custom');
  });

  it('reads docgen.config.json over package.json#docgen, warning once that names the one ignored and the one used', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'shop', docgen: { out: 'from-package-json' } }, null, 2),
      'docgen.config.json': '{ "out": "site" }\n',
      'services/api/.keep': '',
    });
    // From a sub-folder too: the folder searched upwards is the one whose configs are compared.
    const loaded = await loadConfig({ cwd: join(dir, 'services/api') });
    expect(loaded.file).toBe(join(dir, 'docgen.config.json'));
    expect(loaded.config.out).toBe('site');
    expect(loaded.warnings).toEqual([
      expect.objectContaining({
        code: 'DG_CONFIG_SHADOWED',
        message: `two docgen configs in ${dir}: docgen.config.json is used, the "docgen" key of package.json is ignored`,
        location: { file: join(dir, 'package.json') },
        hint: 'keep one: move what the "docgen" key of package.json says into docgen.config.json, and remove it',
      }),
    ]);
    // Named with --config, package.json#docgen is read (from the file) and the others are no surprise.
    const named = await loadConfig({ cwd: dir, explicit: 'package.json' });
    expect(named.config.out).toBe('from-package-json');
    expect(named.warnings ?? []).toEqual([]);
  });

  it('names every config ignored beside the one used, in the order they would be read', async () => {
    const dir = await project({
      'docgen.config.json': '{ "out": "site" }\n',
      'docgen.config.yaml': 'out: yaml-site\n',
      'package.json': JSON.stringify({ name: 'shop', docgen: {} }),
    });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.config.out).toBe('site');
    expect(loaded.warnings?.map(({ code, message, location }) => ({ code, message, location }))).toEqual([
      {
        code: 'DG_CONFIG_SHADOWED',
        message: `3 docgen configs in ${dir}: docgen.config.json is used, docgen.config.yaml and the "docgen" key of package.json are ignored`,
        location: { file: join(dir, 'docgen.config.yaml') },
      },
    ]);
  });

  it('warns of no other config where package.json has no `docgen` key', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'shop', scripts: { docs: 'docgen generate' } }),
      'docgen.config.json': '{ "out": "site" }\n',
    });
    expect((await loadConfig({ cwd: dir })).warnings ?? []).toEqual([]);
  });

  it('without any config file, gives an empty config rooted at cwd', async () => {
    const dir = await project({ 'x.txt': '' });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file === undefined || !loaded.file.startsWith(dir)).toBe(true);
  });

  it('names the unknown key, the file and the line (YAML)', async () => {
    const dir = await project({
      'docgen.config.yaml': 'title: Shop\nsources:\n  - plugin: openapi\n    optoins: {}\n',
    });
    const error = await docgenFailure(loadConfig({ cwd: dir }));
    expect(error.code).toBe('DG_CONFIG_INVALID');
    expect(error.message).toContain('unknown key "sources[0].optoins"');
    expect(error.location).toMatchObject({ file: join(dir, 'docgen.config.yaml'), line: 4 });
    expect(error.hint).toContain('options');
  });

  it('says to rename a misspelt key, not to add the key it stands for', async () => {
    const dir = await project({
      'a/docgen.config.yaml': 'sources:\n  - plugn: prisma\n    options: { schema: schema.prisma }\n',
      'b/docgen.config.yaml': 'sources: []\nconfluence:\n  spacekey: DOCS\n',
      'c/docgen.config.yaml': 'output: site\n',
    });
    const required = await docgenFailure(loadConfig({ cwd: join(dir, 'a') }));
    expect(required.message).toContain('missing required key "sources[0].plugin"');
    expect(required.hint).toBe('rename "plugn" to "plugin"');
    expect(required.location?.line).toBe(2);
    const unknown = await docgenFailure(loadConfig({ cwd: join(dir, 'b') }));
    expect(unknown.hint).toMatch(/^rename "spacekey" to "spaceKey"; allowed keys here: url, /);
    // Nothing close: the allowed keys, and no guess.
    const far = await docgenFailure(loadConfig({ cwd: join(dir, 'c') }));
    expect(far.hint).toBe('allowed keys here: $schema, title, out, templates, sources, confluence');
  });

  it('names wrong types with the line (JSON)', async () => {
    const dir = await project({ 'docgen.config.json': '{\n  "title": "x",\n  "out": 42\n}\n' });
    const error = await docgenFailure(loadConfig({ cwd: dir }));
    expect(error.message).toContain('"out" must be a string');
    expect(error.location).toMatchObject({ file: join(dir, 'docgen.config.json'), line: 3 });
  });

  it('validates the confluence section and refuses tokens in the file', async () => {
    const dir = await project({
      'a/docgen.config.yaml': 'confluence:\n  onConflict: clobber\n',
      'b/docgen.config.yaml': 'confluence:\n  url: https://x.atlassian.net/wiki\n  apiToken: abc\n',
    });
    const bad = await docgenFailure(loadConfig({ cwd: join(dir, 'a') }));
    expect(bad.message).toContain('"confluence.onConflict" must be one of "fail", "overwrite", "skip"');
    expect(bad.location?.line).toBe(2);
    const secret = await docgenFailure(loadConfig({ cwd: join(dir, 'b') }));
    expect(secret.code).toBe('DG_CONFIG_SECRET');
    expect(secret.message).not.toContain('abc');
    expect(secret.location?.line).toBe(3);
  });

  it('a value the config does not allow gets the value meant: another case, a slip, a number past its bound', async () => {
    const dir = await project({
      'a/docgen.config.yaml': 'confluence:\n  onConflict: Skip\n',
      'b/docgen.config.yaml': 'confluence:\n  onConflict: clobber\n',
      'c/docgen.config.yaml': 'confluence:\n  concurrency: 100\n',
      'd/docgen.config.yaml': 'confluence:\n  concurrency: 0\n',
    });
    const hint = async (folder: string) => (await docgenFailure(loadConfig({ cwd: join(dir, folder) }))).hint;
    expect(await hint('a')).toBe('did you mean "skip"? write onConflict: skip');
    expect(await hint('b')).toBe('write one of the values listed, e.g. onConflict: fail');
    expect(await hint('c')).toBe('write at most 32: concurrency: 32');
    expect(await hint('d')).toBe('write at least 1: concurrency: 1');
  });

  it('a source written as `- openapi: spec.yaml` (the plugin as its key) is shown the way docgen writes it', async () => {
    const dir = await project({
      'docgen.config.yaml':
        'sources:\n  - plugin: adr\n    options: { dir: docs/adr }\n  - openapi: services/orders/openapi.yaml\n',
    });
    const error = await docgenFailure(loadConfig({ cwd: dir }));
    expect(error).toMatchObject({
      code: 'DG_CONFIG_INVALID',
      message: 'sources[1] names its plugin as a key ("openapi:"): a source is a plugin and its options',
      location: { file: join(dir, 'docgen.config.yaml'), line: 4 },
      hint: 'write "- plugin: openapi" with "options: { spec: services/orders/openapi.yaml }" on the next line, indented under it',
    });
  });

  it('reports YAML syntax errors with line and a code frame', async () => {
    const dir = await project({ 'docgen.config.yaml': 'title: Shop\nsources:\n  - plugin: [openapi\n' });
    const error = await docgenFailure(loadConfig({ cwd: dir }));
    expect(error.code).toBe('DG_CONFIG_SYNTAX');
    expect(error.location?.file).toBe(join(dir, 'docgen.config.yaml'));
    expect(error.location?.line).toBeGreaterThanOrEqual(3);
    expect(error.excerpt).toContain('plugin: [openapi');
  });

  it('says when an explicit config does not exist', async () => {
    const error = await docgenFailure(loadConfig({ cwd: tmpdir(), explicit: 'nope/docgen.config.yaml' }));
    expect(error.code).toBe('DG_CONFIG_NOT_FOUND');
  });
});
