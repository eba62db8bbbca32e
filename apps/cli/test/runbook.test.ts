/** `docgen runbook`: the real CLI on the example's services, and on a runbook with a typo. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it("attaches the files runbook.md links to; what the converter finds there is reported at that file's line", async () => {
    const dir = join(scratch, 'notes', 'svc');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: billing }\nspec: { owner: team-a }\n',
    );
    writeFileSync(
      join(dir, 'runbook.md'),
      '\n# Notes\n\nRestart it with care: ![flow](./failover.svg)\n\n## Failover\n\nSee [the diagram](./failover.png) first.\n',
    );
    writeFileSync(join(dir, 'failover.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const result = await runCli([
      'runbook',
      '--dir',
      join(scratch, 'notes'),
      '--out',
      join(scratch, 'notes-out'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const { warnings } = JSON.parse(result.stdout) as {
      warnings: Array<{ message: string; file?: string; line?: number }>;
    };
    expect(warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        join(dir, 'runbook.md'),
        8,
        'runbooks/billing: link to ./failover.png is relative but neither a page of this tree nor an attachment: it will not work in Confluence',
      ],
    ]);
    const storage = readFileSync(join(scratch, 'notes-out', 'runbooks__billing.storage.xhtml'), 'utf8');
    expect(storage).toContain('<ac:image ac:alt="flow"><ri:attachment ri:filename="failover.svg" /></ac:image>');
    expect(existsSync(join(scratch, 'notes-out', 'attachments'))).toBe(true);
  }, 60_000);

  it('an empty folder (or the wrong one): the error names it, and says to pass --dir the services’ folder or what to write', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const result = await runCli(['runbook', '--dir', empty, '--out', join(scratch, 'empty-out'), '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: {
        code: 'DG_RUNBOOK_NOT_FOUND',
        severity: 'error',
        message: `no catalog-info.yaml under ${empty}`,
        location: { file: empty },
        hint: 'if the services are elsewhere, pass --dir their folder, relative to the current folder; else describe each service in a Backstage catalog-info.yaml beside its code (apiVersion: backstage.io/v1alpha1, kind: Component, metadata.name, spec.owner)',
      },
    });
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

  it('a misspelt kind that leaves no Component: the warning that names the kind meant comes with the error, also in --json', async () => {
    const dir = join(scratch, 'misspelt-kind', 'billing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Compnent\nmetadata: { name: billing }\nspec: { owner: team-a }\n',
    );
    const args = ['runbook', '--dir', join(scratch, 'misspelt-kind'), '--out', join(scratch, 'misspelt-out')];
    const text = await runCli(args);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(
      /^warning DG_RUNBOOK_UNKNOWN_KIND .*billing\/catalog-info\.yaml:2: kind "Compnent"[^\n]*\n +→ did you mean Component\?\n(.*\n)*error DG_RUNBOOK_NOT_FOUND/m,
    );
    const json = await runCli([...args, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: false, error: { code: 'DG_RUNBOOK_NOT_FOUND' } });
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ code: 'DG_RUNBOOK_UNKNOWN_KIND', line: 2, hint: 'did you mean Component?' }),
    );
  }, 60_000);
});

describe('docgen runbook --dir of a file', () => {
  it('a catalog-info.yaml given as --dir: the hint names its folder, and that works', async () => {
    const project = mkdtempSync(join(scratch, 'file-as-dir-'));
    const service = join(project, 'services', 'billing');
    mkdirSync(service, { recursive: true });
    writeFileSync(
      join(service, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\nspec:\n  type: service\n  owner: team-payments\n  lifecycle: production\n',
    );
    const result = await runCli(['runbook', '--dir', 'services/billing/catalog-info.yaml', '--json'], { cwd: project });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_RUNBOOK_NOT_FOUND');
    expect(error.hint).toBe(
      'pass --dir services/billing (the folder holding catalog-info.yaml), relative to the current folder',
    );
    const fixed = await runCli(['runbook', '--dir', 'services/billing', '--out', 'docs-out', '--no-cache'], {
      cwd: project,
    });
    expect(fixed.code).toBe(0);
  });
});
