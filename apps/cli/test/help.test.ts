import { describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

describe('docgen --help', () => {
  it('lists the api command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+api\s+Render an API reference/m);
    expect(result.stdout).toMatch(/^\s+schema\s+Render a Prisma schema/m);
    expect(result.stdout).toMatch(/^\s+adr\s+Render architecture decision records/m);
    expect(result.stdout).toMatch(/^\s+runbook\s+Render service metadata/m);
  });

  it('documents the api flags', async () => {
    const result = await runCli(['api', '--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--openapi=<file>',
      '--routes=<file>',
      '--out=<dir>',
      '--config=<file>',
      '--[no-]storage',
      '--json',
    ])
      expect(result.stdout).toContain(flag);
  });
});

describe('every command’s --help', () => {
  it('shows at least one example', async () => {
    for (const command of [['confluence', 'get'], ['confluence', 'spaces'], ['confluence', 'check'], ['publish']]) {
      const result = await runCli([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^EXAMPLES\\n\\s+\\$ docgen ${command.join(' ')}`, 'm'));
    }
  });
});
