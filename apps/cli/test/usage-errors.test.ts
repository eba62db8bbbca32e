import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

const TOKEN = 'DOCGEN-TEST-TOKEN-usage-41b2';

describe('usage errors (an unknown flag, a missing argument, a flag value out of range)', () => {
  it('print one DG_USAGE diagnostic naming the command’s --help, and exit 2', async () => {
    const result = await runCli(['api', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error DG_USAGE: Nonexistent flag: --bogus\n {2}→ run `docgen api --help`/);
    expect(result.stderr).not.toMatch(/^USAGE$/m); // not the whole help page
    expect(result.stdout).toBe('');
  });

  it('with --json, print exactly one small error document on stdout, without oclif’s internals or a token', async () => {
    for (const argv of [
      ['api', '--bogus', '--json', `--confluence-token=${TOKEN}`],
      ['confluence', 'get', '--json'],
      ['confluence', 'search', 'type = page', '--limit', '0', '--json'],
    ]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      const document = JSON.parse(result.stdout);
      expect(document).toEqual({
        ok: false,
        error: {
          code: 'DG_USAGE',
          severity: 'error',
          message: expect.any(String),
          // A missing argument leads with an example of the command.
          hint: expect.stringMatching(/^(e\.g\. `[^`]+`; )?run `docgen (api|confluence get|confluence search) --help`/),
        },
      });
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
    }
  });
});

describe('a stray positional argument', () => {
  it('after a command that takes none is a DG_USAGE error naming it, with the flag it was likely meant for', async () => {
    for (const [command, flag] of [
      ['api', 'openapi'],
      ['schema', 'prisma'],
      ['adr', 'dir'],
      ['generate', 'config'],
    ]) {
      const result = await runCli([command!, 'nope.yaml']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error DG_USAGE: Unexpected argument: nope\.yaml\n/);
      expect(result.stderr).toContain(`→ did you mean \`docgen ${command} --${flag} nope.yaml\`?`);
      expect(result.stderr).not.toContain('not found');
    }
  });

  it('prints the same error document with --json, wherever the stray word is', async () => {
    for (const argv of [
      ['api', 'nope.yaml', '--json'],
      ['api', '--json', 'nope.yaml'],
    ]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        error: {
          code: 'DG_USAGE',
          severity: 'error',
          message: 'Unexpected argument: nope.yaml',
          hint: expect.stringMatching(/^did you mean `docgen api --openapi nope\.yaml`\? run `docgen api --help`/),
        },
      });
    }
  });

  it('beside the input flag says the flag takes one value (a shell glob gives it several)', async () => {
    const result = await runCli(['api', '--openapi', 'a.yaml', 'b.yaml', 'c.yaml', '--json']);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.message).toBe('Unexpected arguments: b.yaml, c.yaml');
    expect(error.hint).toMatch(
      /^--openapi takes one value \(a shell glob gives it several\): run `docgen api` once for each;/,
    );
  });

  it('after `--flag= value` says the value lost its flag to the space', async () => {
    for (const argv of [
      ['api', '--confluence-space=', 'DEV', '--json'],
      ['api', `--confluence-token=`, TOKEN, '--json'],
    ]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      const { error } = JSON.parse(result.stdout);
      expect(error.hint).toMatch(
        /^--confluence-(space|token)= is followed by a space: write --confluence-\1=value, without one;/,
      );
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
    }
  });

  it('after a command with its own arguments says how many it takes', async () => {
    const result = await runCli(['convert', 'a.md', 'b.md', '--json']);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.message).toBe('Unexpected argument: b.md');
    expect(error.hint).toMatch(/^`docgen convert` takes one argument \(FILE\): remove b\.md, or quote a value/);
  });

  it('does not stop --help: the command’s help is shown', async () => {
    const result = await runCli(['api', 'nope.yaml', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--openapi=<file>');
  });
});

describe('an unknown command', () => {
  it('is a DG_USAGE error listing the commands, also with --json', async () => {
    const plain = await runCli(['apj', 'x.yaml']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^error DG_USAGE: `apj` is not a docgen command\n {2}→ did you mean `docgen api`\?/);
    const json = await runCli(['confluence', 'nope', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: {
        code: 'DG_USAGE',
        severity: 'error',
        message: '`confluence nope` is not a docgen command',
        hint: 'the confluence commands are check, get, search, spaces; run `docgen confluence --help` for what each does',
      },
    });
  });
});

describe('an empty path (--out=$UNSET_VARIABLE)', () => {
  it('is a DG_USAGE error naming the flag, not the default folder or the config’s sources', async () => {
    for (const [flag, argv] of [
      ['openapi', ['api', '--openapi=', '--json']],
      ['out', ['api', '--openapi', 'openapi.yaml', '--out', '', '--json']],
      ['prisma', ['schema', '--prisma', ' ', '--json']],
      ['config', ['generate', '--config=', '--json']],
    ] as const) {
      const result = await runCli([...argv]);
      expect(result.code).toBe(2);
      const { error } = JSON.parse(result.stdout);
      expect(error.code).toBe('DG_USAGE');
      expect(error.message).toMatch(new RegExp(`^--${flag} is empty \\(an unset variable\\?\\)`));
    }
  });
});

describe('a first run in a folder without a config', () => {
  it('says where no config was found and to create one there', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'docgen-first-run-'));
    const result = await runCli(['generate', '--json'], { cwd: empty });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_NO_SOURCES');
    expect(error.message).toBe(`no docgen config in ${empty} or a folder above it, and no input given`);
    expect(error.hint).toMatch(new RegExp(`; there is no config yet: create docgen\\.config\\.yaml in ${empty}$`));
  });

  it('a missing argument shows an example of the command', async () => {
    const result = await runCli(['publish', '--json']);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.message).toBe(
      'Missing 1 required arg: rendered-dir — Folder written by a generator command (has manifest.json)',
    );
    expect(error.hint).toMatch(/^e\.g\. `docgen publish docs-out[^`]*`; run `docgen publish --help`/);
  });
});

describe('a flag the command does not have', () => {
  it('suggests the flag it was likely meant as: a near spelling, or the config option’s name for it', async () => {
    for (const [argv, meant] of [
      [['api', '--spec', 'openapi.yaml'], '--openapi'],
      [['api', '--opnapi=openapi.yaml'], '--openapi'],
      [['schema', '--schema', 'prisma/schema.prisma'], '--prisma'],
      [['generate', '--output', 'docs'], '--out'],
      [['api', '--entry', 'src/server.ts'], '--routes'],
    ] as const) {
      const result = await runCli([...argv, '--json']);
      expect(result.code).toBe(2);
      const { error } = JSON.parse(result.stdout);
      expect(error.message).toMatch(/^Nonexistent flag: --/);
      expect(error.hint).toMatch(new RegExp(`^did you mean ${meant}\\? run \`docgen`));
    }
    // A misspelt secret flag's value is not echoed: it may be the token.
    const secret = await runCli(['api', `--confluence-tokn=${TOKEN}`, '--json']);
    expect(JSON.parse(secret.stdout).error).toMatchObject({
      message: 'Nonexistent flag: --confluence-tokn',
      hint: expect.stringMatching(/^did you mean --confluence-token\?/),
    });
    expect(secret.stdout + secret.stderr).not.toContain(TOKEN);
    const none = JSON.parse((await runCli(['api', '--zzzzzz', '--json'])).stdout);
    expect(none.error.hint).toMatch(/^run `docgen api --help`/);
  });
});

describe('a command another tool (or the README’s wording) would have', () => {
  it('names the docgen command line that does it, where no command is spelt alike', async () => {
    for (const [word, meant] of [
      ['routes', 'docgen api --routes src/server.ts'],
      ['prisma', 'docgen schema --prisma prisma/schema.prisma'],
      ['sync', 'docgen publish docs-out'],
      ['preview', 'docgen sandbox start'],
    ]) {
      const result = await runCli([word!, '--json']);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        error: {
          code: 'DG_USAGE',
          severity: 'error',
          message: `\`${word}\` is not a docgen command`,
          hint: `did you mean \`${meant}\`? run \`docgen --help\` for every command`,
        },
      });
    }
  });
});

describe('a flag before the command', () => {
  it('is a DG_USAGE error, as JSON with --json, giving the command line with the command first', async () => {
    const alone = await runCli(['--json']);
    expect(alone.code).toBe(2);
    expect(JSON.parse(alone.stdout)).toEqual({
      ok: false,
      error: {
        code: 'DG_USAGE',
        severity: 'error',
        message: '`--json` comes before any command',
        hint: 'give a command first, then its flags (`docgen <command> --json`); run `docgen --help` for the commands',
      },
    });
    const later = await runCli(['--config', 'docgen.config.yaml', 'generate', '--json']);
    expect(later.code).toBe(2);
    expect(JSON.parse(later.stdout).error.hint).toBe(
      'put the command first, then its flags: `docgen generate --config docgen.config.yaml --json`',
    );
    const plain = await runCli(['--verbose', 'publish', 'docs-out']);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toBe(
      'error DG_USAGE: `--verbose` comes before any command\n  → put the command first, then its flags: `docgen publish --verbose docs-out`\n',
    );
  });
});

describe('a flag value its parser refuses', () => {
  it('names the flag in the message (it read "Expected an integer … but received: 0", naming none)', async () => {
    const result = await runCli(['publish', 'docs-out', '--concurrency', '0', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.message).toBe(
      '--concurrency: Expected an integer greater than or equal to 1 but received: 0',
    );
    // A message that names its flag already is left as it is.
    const empty = await runCli(['api', '--out=', '--json']);
    expect(JSON.parse(empty.stdout).error.message).toBe(
      '--out is empty (an unset variable?); give it a path or leave it out',
    );
  });

  it('a value a letter off one of the allowed (--on-conflict overwite) names the one meant', async () => {
    const result = await runCli(['publish', 'docs-out', '--on-conflict', 'overwite', '--json']);
    expect(result.code).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.message).toBe('Expected --on-conflict=overwite to be one of: fail, skip, overwrite');
    expect(error.hint).toMatch(/^did you mean --on-conflict overwrite\? run `docgen publish --help`/);
  });
});

describe('publish flags without --publish', () => {
  const TOKEN_HERE = 'DOCGEN-TEST-TOKEN-idle-5d20';

  it('warn that nothing was published, naming the flags (never a value) and what to run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-idle-publish-'));
    const spec = join(dir, 'openapi.yaml');
    await writeFile(spec, 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n');
    const argv = ['api', '--openapi', spec, '--out', 'docs-out', '--dry-run', `--confluence-token=${TOKEN_HERE}`];
    const plain = await runCli(argv, { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe(
      'warning DG_PUBLISH_FLAGS_UNUSED: --confluence-token, --dry-run do nothing without --publish: the pages were rendered, not published\n' +
        '  → add --publish to sync them after rendering, or run `docgen publish docs-out` with them\n',
    );
    const json = await runCli([...argv, '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout).warnings).toEqual([expect.objectContaining({ code: 'DG_PUBLISH_FLAGS_UNUSED' })]);
    for (const output of [plain.stdout, plain.stderr, json.stdout, json.stderr])
      expect(output).not.toContain(TOKEN_HERE);
    // With --publish they are used: no such warning (--dry-run: nothing written to the embedded sandbox).
    const used = await runCli(['api', '--openapi', spec, '--out', 'docs-out', '--publish', '--dry-run'], { cwd: dir });
    expect(used.code).toBe(0);
    expect(used.stderr).not.toContain('DG_PUBLISH_FLAGS_UNUSED');
  });
});

describe('generator flags another flag turns off', () => {
  // --link-base with --no-storage does something: the publish converts the Markdown with it (publish-no-storage.test.ts).
  it('--cache-dir with --no-cache or --no-storage warns that it did nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-idle-flags-'));
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      'openapi: 3.0.3\ninfo: { title: Payouts, version: 1.0.0, description: "See [fees](/docs/fees)." }\npaths: {}\n',
    );
    const run = async (...flags: string[]) => {
      const result = await runCli(['api', '--openapi', spec, '--out', 'docs-out', ...flags, '--json'], { cwd: dir });
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout).warnings as Array<{ code: string; message: string; hint: string }>).filter(
        (warning) => warning.code === 'DG_FLAG_UNUSED',
      );
    };
    expect(await run('--no-cache', '--cache-dir', 'ci-cache')).toEqual([
      expect.objectContaining({
        message:
          '--cache-dir does nothing with --no-cache: every page was converted, none read from or written to a cache',
        hint: 'leave out --no-cache to keep the storage XHTML of unchanged pages in ci-cache, or leave out --cache-dir',
      }),
    ]);
    expect(await run('--no-storage', '--cache-dir', 'ci-cache', '--link-base', 'https://docs.example.com')).toEqual([
      expect.objectContaining({
        message: '--cache-dir does nothing with --no-storage: no storage XHTML was converted, so none was cached',
        hint: 'leave out --no-storage to write storage XHTML beside the Markdown, or leave out --cache-dir',
      }),
    ]);
    // Used, they say nothing.
    expect(await run('--cache-dir', 'ci-cache', '--link-base', 'https://docs.example.com')).toEqual([]);
  });
});

describe("another command's input flag", () => {
  it('names the command that takes it, with the value given: docgen generate --openapi, docgen api --dir', async () => {
    const generate = await runCli(['generate', '--openapi', 'openapi.yaml', '--json']);
    expect(generate.code).toBe(2);
    expect(JSON.parse(generate.stdout).error.hint).toBe(
      '--openapi is a flag of docgen api: did you mean `docgen api --openapi openapi.yaml`? run `docgen generate --help` for its flags, arguments and examples',
    );
    const api = await runCli(['api', '--dir=docs/adr']);
    expect(api.code).toBe(2);
    expect(api.stderr).toContain(
      '→ --dir is a flag of docgen adr and docgen runbook: did you mean `docgen adr --dir docs/adr`? run `docgen api --help`',
    );
  });
});
