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
          hint: expect.stringMatching(/^run `docgen (api|confluence get|confluence search) --help`/),
        },
      });
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
    }
  });
});
