import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
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
      hint: `fix the path in typo.yaml: it is read relative to ${scratch}`,
    });
    // Plugins that named the config without a line get the option's line too, their hint kept.
    await writeFile(join(scratch, 'typo-adr.yaml'), 'sources:\n  - plugin: adr\n    options:\n      dir: docs/adrs\n');
    const adr = await runCli(['adr', '--config', 'typo-adr.yaml', '--json'], { cwd: scratch });
    expect(JSON.parse(adr.stdout).error).toMatchObject({
      code: 'DG_ADR_DIR',
      location: { file: join(scratch, 'typo-adr.yaml'), line: 4 },
      hint: expect.stringContaining('set `dir` to the folder of your ADR Markdown files'),
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
      hint: expect.stringContaining('pass --dir the folder of your ADR Markdown files'),
    });
    expect(error.hint).not.toMatch(/config/);
    expect(error.location).toBeUndefined();
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
      expect(cached.stdout).toContain('wrote 1 pages');
    },
    60_000,
  );
});
