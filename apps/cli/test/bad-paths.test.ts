import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

const run = promisify(execFile);

/** A folder where a file is expected, and a file where a folder is: a DG_* diagnostic with a next step, never EISDIR. */
describe('a path of the wrong kind', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'docgen-bad-paths-'));
    await writeFile(join(scratch, 'docgen.config.yaml'), 'sources: []\n');
    await writeFile(join(scratch, 'notes.md'), '# Notes\n');
  });

  it('--config naming a folder says to pass the config file in it', async () => {
    for (const command of ['generate', 'adr', 'publish']) {
      const argv = command === 'publish' ? ['publish', scratch] : [command];
      const result = await runCli([...argv, '--config', scratch, '--json']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        error: {
          code: 'DG_CONFIG_IS_FOLDER',
          severity: 'error',
          message: `${scratch} is a folder; --config takes a config file`,
          location: { file: scratch },
          hint: `pass the config file, e.g. --config ${join(scratch, 'docgen.config.yaml')}`,
        },
      });
    }
  });

  it('a spec the config names that is not there is reported at the config’s line, not as a --openapi mistake', async () => {
    await writeFile(join(scratch, 'typo.yaml'), 'sources:\n  - plugin: openapi\n    options: { spec: openapi.yml }\n');
    const result = await runCli(['generate', '--config', 'typo.yaml', '--json'], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_OPENAPI_NOT_FOUND',
      message: `OpenAPI file ${join(scratch, 'openapi.yml')} does not exist`,
      location: { file: join(scratch, 'typo.yaml'), line: 3 },
      hint: `set typo.yaml:3 sources[0].options.spec to the path of an OpenAPI/Swagger YAML or JSON file, relative to ${scratch}`,
    });
    // Plugins that named the config without a line get the option's line too, their hint kept.
    await writeFile(join(scratch, 'typo-adr.yaml'), 'sources:\n  - plugin: adr\n    options:\n      dir: docs/adrs\n');
    const adr = await runCli(['adr', '--config', 'typo-adr.yaml', '--json'], { cwd: scratch });
    expect(JSON.parse(adr.stdout).error).toMatchObject({
      code: 'DG_ADR_DIR',
      location: { file: join(scratch, 'typo-adr.yaml'), line: 4 },
      hint: `set typo-adr.yaml:4 sources[0].options.dir to the folder of your ADR Markdown files, relative to ${scratch} (adr-tools: doc/adr, MADR: docs/decisions)`,
    });
  });

  it('adr --dir naming a file says to pass --dir a folder, not to fix the config', async () => {
    // scratch has a docgen.config.yaml: the path still came from the command line, not from it.
    const result = await runCli(['adr', '--dir', 'notes.md', '--json'], { cwd: scratch });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error).toMatchObject({
      code: 'DG_ADR_DIR',
      message: `ADR folder ${join(scratch, 'notes.md')} is not a folder`,
      hint: 'pass --dir . (the folder holding notes.md), relative to the current folder',
    });
    expect(error.hint).not.toMatch(/config/);
    expect(error.location).toBeUndefined();
  });

  // Each generator command's input, wrong, given by its flag and by a config: the hint names what the
  // user wrote (the flag, or the config key at its line), and a flag's mistake points into no config.
  const inputs = [
    { command: 'api', flag: '--openapi', plugin: 'openapi', option: 'spec', code: 'DG_OPENAPI_NOT_FOUND' },
    { command: 'api', flag: '--routes', plugin: 'routes', option: 'entry', code: 'DG_ROUTES_NOT_FOUND' },
    { command: 'schema', flag: '--prisma', plugin: 'prisma', option: 'schema', code: 'DG_PRISMA_NOT_FOUND' },
    { command: 'runbook', flag: '--dir', plugin: 'runbook', option: 'dir', code: 'DG_RUNBOOK_NOT_FOUND' },
    { command: 'adr', flag: '--dir', plugin: 'adr', option: 'dir', code: 'DG_ADR_DIR' },
  ];

  it.each(inputs)('$command $flag naming nothing: the hint names $flag, not the config', async (input) => {
    // scratch's docgen.config.yaml lists an adr source at line 4: a flag's mistake is not there.
    await writeFile(
      join(scratch, 'docgen.config.yaml'),
      'sources:\n  - plugin: adr\n    options:\n      dir: docs/adr\n',
    );
    const result = await runCli([input.command, input.flag, 'nothing-here', '--json'], { cwd: scratch });
    await writeFile(join(scratch, 'docgen.config.yaml'), 'sources: []\n');
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe(input.code);
    expect(error.hint).toMatch(new RegExp(`^pass ${input.flag} .*, relative to the current folder`));
    expect(error.hint).not.toMatch(/config|`/);
    expect(error.location?.file ?? '').not.toMatch(/docgen\.config/);
  });

  it.each(inputs)(
    'a $plugin source whose $option names nothing: the hint names the config key and line',
    async (input) => {
      const config = `${input.plugin}-typo.yaml`;
      await writeFile(
        join(scratch, config),
        `title: typo\nsources:\n  - plugin: ${input.plugin}\n    options:\n      ${input.option}: nothing-here\n`,
      );
      const result = await runCli([input.command, '--config', config, '--json'], { cwd: scratch });
      expect(result.code).toBe(1);
      const { error } = JSON.parse(result.stdout);
      expect(error.code).toBe(input.code);
      expect(error.location).toMatchObject({ file: join(scratch, config), line: 5 });
      expect(error.hint).toMatch(
        new RegExp(
          `^set ${config.replace('.', '\\.')}:5 sources\\[0\\]\\.options\\.${input.option} to .*, relative to ${scratch}`,
        ),
      );
      expect(error.hint).not.toContain(input.flag);
    },
  );

  // A path a letter or two off the one there (`openapi.yml` beside `openapi.yaml`): the hint names it,
  // from where the path is read (the current folder for a flag, the config's folder for the config).
  const misspelt = [
    {
      command: 'api',
      flag: '--openapi',
      plugin: 'openapi',
      option: 'spec',
      typo: 'openapi.yml',
      meant: 'openapi.yaml',
    },
    {
      command: 'schema',
      flag: '--prisma',
      plugin: 'prisma',
      option: 'schema',
      typo: 'prisma/schem.prisma',
      meant: 'prisma/schema.prisma',
    },
    { command: 'adr', flag: '--dir', plugin: 'adr', option: 'dir', typo: 'docs/adrs', meant: 'docs/adr' },
    // A folder on the way a letter off (adr-tools' `doc/adr` for the project's `docs/adr`).
    { command: 'adr', flag: '--dir', plugin: 'adr', option: 'dir', typo: 'doc/adr', meant: 'docs/adr' },
    {
      command: 'schema',
      flag: '--prisma',
      plugin: 'prisma',
      option: 'schema',
      typo: 'prism/schema.prisma',
      meant: 'prisma/schema.prisma',
    },
    { command: 'runbook', flag: '--dir', plugin: 'runbook', option: 'dir', typo: 'service', meant: 'services' },
  ];

  it.each(misspelt)('$command $flag $typo: did you mean $meant?', async (input) => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-misspelt-'));
    await mkdir(join(project, 'prisma'));
    await mkdir(join(project, 'docs', 'adr'), { recursive: true });
    await mkdir(join(project, 'services'));
    await writeFile(join(project, 'openapi.yaml'), 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
    await writeFile(join(project, 'prisma', 'schema.prisma'), 'model User {\n  id Int @id\n}\n');
    await mkdir(join(project, 'sub'));
    const flag = await runCli([input.command, input.flag, input.typo, '--json'], { cwd: project });
    expect(flag.code).toBe(1);
    expect(JSON.parse(flag.stdout).error.hint).toMatch(new RegExp(`; did you mean ${input.meant}\\?$`));
    // From a config in the project, run from a folder below it: the path meant is the config's.
    await writeFile(
      join(project, 'docgen.config.yaml'),
      `sources:\n  - plugin: ${input.plugin}\n    options:\n      ${input.option}: ${input.typo}\n`,
    );
    const config = await runCli([input.command, '--json'], { cwd: join(project, 'sub') });
    expect(config.code).toBe(1);
    const { error } = JSON.parse(config.stdout);
    expect(error.location).toMatchObject({ file: join(project, 'docgen.config.yaml'), line: 4 });
    expect(error.hint).toMatch(new RegExp(`; did you mean ${input.meant}\\?$`));
  });

  it('--config docgen.config.yml beside docgen.config.yaml: did you mean docgen.config.yaml?', async () => {
    const result = await runCli(['generate', '--config', 'docgen.config.yml', '--json'], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_CONFIG_NOT_FOUND',
      hint: 'create it, or pass the path of an existing docgen.config.yaml with --config; did you mean docgen.config.yaml?',
    });
  });

  it('api --openapi naming a folder says to pass --openapi one of its files; from a config, to set the key', async () => {
    await mkdir(join(scratch, 'specs'), { recursive: true });
    await writeFile(join(scratch, 'specs', 'openapi.yaml'), 'openapi: 3.0.3\n');
    const flag = JSON.parse((await runCli(['api', '--openapi', 'specs', '--json'], { cwd: scratch })).stdout).error;
    expect(flag).toMatchObject({
      code: 'DG_OPENAPI_FOLDER',
      message: `${join(scratch, 'specs')} is a folder; --openapi takes the spec's root file`,
      hint: `pass --openapi one of its files, e.g. ${join(scratch, 'specs', 'openapi.yaml')}, relative to the current folder`,
    });
    await writeFile(join(scratch, 'folder.yaml'), 'sources:\n  - plugin: openapi\n    options: { spec: specs }\n');
    const config = JSON.parse((await runCli(['api', '--config', 'folder.yaml', '--json'], { cwd: scratch })).stdout);
    expect(config.error).toMatchObject({
      code: 'DG_OPENAPI_FOLDER',
      message: `${join(scratch, 'specs')} is a folder; folder.yaml:3 sources[0].options.spec takes the spec's root file`,
      location: { file: join(scratch, 'folder.yaml'), line: 3 },
    });
  });

  it('an AsyncAPI file given as the spec: the hint names --openapi, or the config key and line', async () => {
    await writeFile(
      join(scratch, 'events.yaml'),
      'asyncapi: 2.6.0\ninfo: { title: Events, version: 1.0.0 }\nchannels: {}\n',
    );
    const flag = JSON.parse((await runCli(['api', '--openapi', 'events.yaml', '--json'], { cwd: scratch })).stdout);
    expect(flag.error).toMatchObject({
      code: 'DG_OPENAPI_NOT_A_SPEC',
      hint: 'docgen documents HTTP APIs from OpenAPI 3.x or Swagger 2.0 files: pass --openapi an OpenAPI or Swagger file instead, relative to the current folder',
    });
    await writeFile(
      join(scratch, 'events-config.yaml'),
      'sources:\n  - plugin: openapi\n    options: { spec: events.yaml }\n',
    );
    const config = JSON.parse(
      (await runCli(['api', '--config', 'events-config.yaml', '--json'], { cwd: scratch })).stdout,
    );
    expect(config.error.hint).toBe(
      `docgen documents HTTP APIs from OpenAPI 3.x or Swagger 2.0 files: set events-config.yaml:3 sources[0].options.spec to an OpenAPI or Swagger file instead, relative to ${scratch}`,
    );
  });

  it('publish given a file says to pass the folder a generator command wrote', async () => {
    const result = await runCli(['publish', join(scratch, 'notes.md')], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error DG_RENDERED_NOT_FOLDER .*notes\.md: .*notes\.md is a file/);
    expect(result.stderr).toContain('→ pass the output folder of a generator command');
    expect(result.stderr).not.toContain('ENOTDIR');
  });
});

describe('a file-system error while writing', () => {
  it('is one DG_FILE_SYSTEM diagnostic naming the path, also with --json', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'docgen-bad-out-'));
    await writeFile(join(scratch, 'docgen.config.yaml'), 'sources: []\n');
    await writeFile(join(scratch, 'afile'), 'x\n');
    const spec = join(scratch, 'openapi.yaml');
    await writeFile(spec, 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
    const out = join(scratch, 'afile', 'docs');
    const json = await runCli(['api', '--openapi', spec, '--out', out, '--json'], { cwd: scratch });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: {
        code: 'DG_FILE_SYSTEM',
        severity: 'error',
        message: `ENOTDIR: not a directory, lstat '${out}'`,
        location: { file: out }, // the folder given, not docgen's staging folder beside it
        hint: `${join(scratch, 'afile')} is a file, not a folder: choose another folder, or move the file`,
      },
    });
    const plain = await runCli(['api', '--openapi', spec, '--out', out], { cwd: scratch });
    expect(plain.stderr).toMatch(/^error DG_FILE_SYSTEM .*afile.*: ENOTDIR/m);
    expect(plain.stderr).not.toContain('.tmp-');
  });

  // Node 20's recursive mkdir never returns there: the run hung, spinning a core.
  (existsSync('/proc/self') ? it : it.skip)(
    'fails fast on a file system that refuses new folders (/proc)',
    async () => {
      const scratch = await mkdtemp(join(tmpdir(), 'docgen-bad-out-'));
      const spec = join(scratch, 'openapi.yaml');
      await writeFile(spec, 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
      const bin = join(repoRoot, 'apps', 'cli', 'bin', 'run.js');
      const argv = [bin, 'api', '--openapi', spec, '--out', '/proc/docgen-out', '--json'];
      const { stdout } = await run(process.execPath, argv, { cwd: scratch, timeout: 30_000 }).catch(
        (failed: { stdout: string; code: unknown; killed: boolean }) => {
          expect({ killed: failed.killed, code: failed.code }).toEqual({ killed: false, code: 1 });
          return failed;
        },
      );
      expect(JSON.parse(stdout)).toEqual({
        ok: false,
        error: {
          code: 'DG_FILE_SYSTEM',
          severity: 'error',
          message: "ENOENT: no such file or directory, mkdir '/proc/docgen-out'",
          location: { file: '/proc/docgen-out' },
          hint: '/proc does not take new folders (a virtual file system such as /proc or /sys): choose another folder',
        },
      });
      // The storage cache there only costs conversions: the run still writes its pages.
      const cached = await runCli(['api', '--openapi', spec, '--out', 'docs', '--cache-dir', '/proc/docgen-cache'], {
        cwd: scratch,
      });
      expect(cached.stderr).toBe('');
      expect(cached.stdout).toContain('wrote 1 page (');
    },
    60_000,
  );
});

/**
 * Writing the output replaces its folder: `--out .` deleted the repository the command ran in,
 * `--out services` the code, `--out openapi.yaml` the spec. Only a folder docgen wrote, an empty
 * one, or one not there yet is replaced now; anything else is refused before rendering.
 */
describe('an output folder docgen did not write', () => {
  let scratch: string;
  const spec = 'openapi.yaml';
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'docgen-out-guard-'));
    await writeFile(join(scratch, spec), 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
    await mkdir(join(scratch, 'src'));
    await writeFile(join(scratch, 'src', 'server.ts'), 'export {};\n');
    // A web app's manifest.json is not docgen's.
    await mkdir(join(scratch, 'public'));
    await writeFile(join(scratch, 'public', 'manifest.json'), '{ "name": "Shop", "icons": [] }\n');
  });

  it('--out . or a source folder: refused, every file left where it was', async () => {
    for (const out of ['.', 'src', 'public']) {
      const result = await runCli(['api', '--openapi', spec, '--out', out, '--json'], { cwd: scratch });
      expect(result.code).toBe(1);
      const folder = join(scratch, out);
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        error: {
          code: 'DG_OUT_NOT_DOCGEN',
          severity: 'error',
          message: expect.stringMatching(
            new RegExp(`^output folder ${folder.replace(/\/\.$/, '')} holds \\d+ entr(y|ies) docgen did not write`),
          ),
          location: { file: folder.replace(/\/\.$/, '') },
          hint: 'pass --out a folder of its own (one not there yet, e.g. docs-out, or one docgen wrote), relative to the current folder',
        },
      });
      expect(existsSync(join(scratch, spec))).toBe(true);
      expect(existsSync(join(scratch, 'src', 'server.ts'))).toBe(true);
      expect(existsSync(join(scratch, 'public', 'manifest.json'))).toBe(true);
    }
  });

  it('--out naming a file: refused, the file kept', async () => {
    const result = await runCli(['api', '--openapi', spec, '--out', spec], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error DG_OUT_NOT_DOCGEN \S+openapi\.yaml: \S+openapi\.yaml is a file, not an output folder/,
    );
    expect(result.stderr).toContain('→ pass --out a folder of its own');
    expect(await readFile(join(scratch, spec), 'utf8')).toContain('openapi: 3.0.3');
  });

  it('the config’s `out` naming a source folder: the hint names the key and its line', async () => {
    await writeFile(
      join(scratch, 'docgen.config.yaml'),
      `out: src\nsources:\n  - plugin: openapi\n    options: { spec: ${spec} }\n`,
    );
    const result = await runCli(['generate', '--json'], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_OUT_NOT_DOCGEN',
      location: { file: join(scratch, 'docgen.config.yaml'), line: 1 },
      hint: `set docgen.config.yaml:1 out to a folder of its own (one not there yet, e.g. docs-out, or one docgen wrote), relative to ${scratch}`,
    });
    expect(existsSync(join(scratch, 'src', 'server.ts'))).toBe(true);
  });

  it('a folder docgen wrote, or an empty one, is replaced as before', async () => {
    await mkdir(join(scratch, 'empty'));
    for (const out of ['empty', 'docs-out', 'docs-out']) {
      const result = await runCli(['api', '--openapi', spec, '--out', out, '--config', 'docgen.config.yaml'], {
        cwd: scratch,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(join(scratch, out, 'manifest.json'))).toBe(true);
    }
  });
});

/** No config here or above, but one in a subfolder or named almost right: the hint says which, and the --config to pass. */
describe('a config where docgen does not look', () => {
  const SPEC = 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n';

  it('in a subfolder: the hint names it and the --config to pass, which then works', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'docgen-config-below-'));
    await mkdir(join(repo, 'config'));
    await writeFile(join(repo, 'config', 'openapi.yaml'), SPEC);
    await writeFile(
      join(repo, 'config', 'docgen.config.yaml'),
      'sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n',
    );
    const result = await runCli(['generate', '--json'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_NO_SOURCES',
      hint: expect.stringMatching(
        /^found config\/docgen\.config\.yaml below: pass --config config\/docgen\.config\.yaml, or run from config; /,
      ),
    });
    const followed = await runCli(['generate', '--config', 'config/docgen.config.yaml'], { cwd: repo });
    expect(followed.code).toBe(0);
  });

  it('named almost right (docgen.yaml): the hint says to rename it', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'docgen-config-misnamed-'));
    await writeFile(join(repo, 'openapi.yaml'), SPEC);
    await writeFile(join(repo, 'docgen.yaml'), 'sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n');
    const result = await runCli(['api'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '→ found docgen.yaml, which docgen does not look for: rename it docgen.config.yaml (or .json, .mjs), or pass --config docgen.yaml; or pass --openapi <file>',
    );
  });
});

describe('a misspelt option of a plugin', () => {
  it('two letters swapped in a short key (spce) says to rename it, not to add the missing key', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'docgen-option-typo-'));
    await writeFile(
      join(repo, 'docgen.config.yaml'),
      'sources:\n  - plugin: openapi\n    options: { spce: openapi.yaml }\n',
    );
    const result = await runCli(['generate', '--json'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_PLUGIN_OPTIONS',
      location: { file: join(repo, 'docgen.config.yaml'), line: 3 },
      hint: 'rename "spce" to "spec"',
    });
  });
});

describe('publish given a folder that is not there', () => {
  it('names the config’s rendered output folder when there is one, else says to render first', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'docgen-publish-missing-'));
    await writeFile(join(repo, 'openapi.yaml'), 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
    const before = await runCli(['publish', 'docsout', '--json'], { cwd: repo });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).error).toEqual({
      code: 'DG_RENDERED_MISSING',
      severity: 'error',
      message: 'docsout does not exist: nothing rendered there to publish',
      location: { file: 'docsout' },
      hint: 'render it first (`docgen generate --out docsout`, or `docgen api --openapi openapi.yaml --out docsout`), then publish it; or add --publish to the generator command',
    });
    await writeFile(
      join(repo, 'docgen.config.yaml'),
      'sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n',
    );
    expect((await runCli(['generate'], { cwd: repo })).code).toBe(0);
    await mkdir(join(repo, 'src'));
    const typo = await runCli(['publish', 'docsout'], { cwd: join(repo, 'src') });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(
      'error DG_RENDERED_MISSING docsout: docsout does not exist: nothing rendered there to publish\n' +
        '  → the config renders to ../docs-out: run `docgen publish ../docs-out`\n',
    );
  });
});
