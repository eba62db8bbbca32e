/** `docgen runbook`: the real CLI on the example's services, and on a runbook with a typo. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

const scratch = mkdtempSync(join(tmpdir(), 'docgen-runbook-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docgen runbook', () => {
  it("renders the example shop's runbooks with storage: alerts as status lozenges, steps as lists", async () => {
    const out = join(scratch, 'shop');
    const config = join(repoRoot, 'examples', 'acme-shop', 'docgen.config.yaml');
    const result = await runCli(['runbook', '--config', config, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { pageCount: number; warnings: unknown[] };
    expect(report.pageCount).toBe(6);
    expect(report.warnings).toEqual([]);
    const catalog = readFileSync(join(out, 'runbooks__catalog.storage.xhtml'), 'utf8');
    expect(catalog).toContain('<ac:parameter ac:name="title">critical</ac:parameter>');
    expect(catalog).toMatch(/<ol><li>Check the latest deploy/);
    expect(catalog).toContain('<ri:page ri:content-title="Runbook: Accounts service" />');
  }, 60_000);

  it('a typo in runbook.yaml: exit 1 at its file and line, nothing written', async () => {
    const out = join(scratch, 'typo');
    const result = await runCli([
      'runbook',
      '--dir',
      join(repoRoot, 'packages', 'source-runbook', 'test', 'fixtures', 'typo'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error DG_RUNBOOK_INVALID');
    expect(result.stderr).toContain('svc/runbook.yaml:4');
    expect(result.stderr).toContain('unknown key "alerts[0].action" (line 7)');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
