import { describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

// A recognizable token: if it shows up anywhere, the test says so.
const TOKEN = 'DOCGEN-TEST-TOKEN-7f3a9c';

describe('secrets never reach the terminal', () => {
  it('redacts a token that oclif would echo back in a parse error', async () => {
    const result = await runCli(['publish', 'docs-out', '--confluence-token=', TOKEN]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Unexpected argument: ***');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('redacts a token from the environment in docgen errors, also with --json', async () => {
    const env = { CONFLUENCE_API_TOKEN: TOKEN };
    const plain = await runCli(['publish', `/tmp/${TOKEN}`], { env });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/DG_RENDERED_MISSING .*\*\*\*/);
    const json = await runCli(['publish', `/tmp/${TOKEN}`, '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'DG_RENDERED_MISSING' } });
    for (const output of [plain.stdout, plain.stderr, json.stdout, json.stderr]) expect(output).not.toContain(TOKEN);
  });
});
