/** Where the config is written: the real CLI on small projects configured in package.json or beside it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

const scratch = mkdtempSync(join(tmpdir(), 'docgen-config-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A ledger service with a one-model Prisma schema and the given `docgen` key in its package.json. */
function ledgerProject(docgen: unknown): string {
  const project = mkdtempSync(join(scratch, 'ledger-'));
  mkdirSync(join(project, 'prisma'));
  writeFileSync(join(project, 'prisma', 'schema.prisma'), 'model Account {\n  id Int @id\n}\n');
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'ledger', version: '1.0.0', docgen }, null, 2)}\n`,
  );
  return project;
}

async function errorOf(project: string) {
  const result = await runCli(['generate', '--no-cache', '--json'], { cwd: project });
  expect(result.code).toBe(1);
  return JSON.parse(result.stdout).error;
}

describe('a config in package.json#docgen', () => {
  it('names a wrong key as written there, under `docgen`, in the message and the JSON pointer', async () => {
    const project = ledgerProject({ ouy: 'site', sources: [] });
    const error = await errorOf(project);
    expect(error).toMatchObject({
      code: 'DG_CONFIG_INVALID',
      message: 'invalid docgen config in package.json: unknown key "docgen.ouy" (line 5)',
      location: { file: join(project, 'package.json'), line: 5, pointer: '#/docgen/ouy' },
      hint: expect.stringMatching(/^rename "ouy" to "out"/),
    });
  }, 60_000);

  it('names a wrong plugin option as written there, under `docgen`', async () => {
    const project = ledgerProject({ sources: [{ plugin: 'prisma', options: { shema: 'prisma/schema.prisma' } }] });
    const error = await errorOf(project);
    expect(error.code).toBe('DG_PLUGIN_OPTIONS');
    expect(error.message).toContain('unknown key "docgen.sources[0].options.shema" (line 9)');
    expect(error.message).toContain('missing required key "docgen.sources[0].options.schema"');
    expect(error.location).toMatchObject({
      file: join(project, 'package.json'),
      pointer: '#/docgen/sources/0/options',
    });
  }, 60_000);
});

describe('two configs in one folder', () => {
  it('docgen.config.yaml is read over package.json#docgen, with one warning naming both', async () => {
    const project = ledgerProject({
      out: 'from-package-json',
      sources: [{ plugin: 'prisma', options: { schema: 'prisma/schema.prisma' } }],
    });
    writeFileSync(
      join(project, 'docgen.config.yaml'),
      'out: docs-out\nsources:\n  - plugin: prisma\n    options: { schema: prisma/schema.prisma }\n',
    );
    const result = await runCli(['generate', '--no-cache', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ config: join(project, 'docgen.config.yaml'), out: join(project, 'docs-out') });
    const twoConfigs = report.warnings.filter((warning: { code: string }) => warning.code === 'DG_CONFIG_SHADOWED');
    expect(twoConfigs).toEqual([
      expect.objectContaining({
        message: `two docgen configs in ${project}: docgen.config.yaml is used, the "docgen" key of package.json is ignored`,
        file: join(project, 'package.json'),
      }),
    ]);
    expect(twoConfigs[0].hint).toMatch(/^keep one: /);
    // `docgen publish` reads the config too (its confluence section): it says the same, once.
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    const published = await runCli(['publish', 'docs-out', '--json'], { cwd: project, env });
    expect(published.code).toBe(0);
    const publishWarnings = JSON.parse(published.stdout).warnings as Array<{ code: string; message: string }>;
    expect(publishWarnings.filter((warning) => warning.code === 'DG_CONFIG_SHADOWED')).toEqual([
      expect.objectContaining({ message: twoConfigs[0].message }),
    ]);
    // Alone, either is read without a warning.
    rmSync(join(project, 'docgen.config.yaml'));
    const alone = JSON.parse((await runCli(['generate', '--no-cache', '--json'], { cwd: project })).stdout);
    expect(alone.warnings).toEqual([]);
  }, 60_000);
});

describe('the config key `title`', () => {
  it('has no effect: a warning at its line says so and what to use instead; the run goes on', async () => {
    const project = ledgerProject(undefined);
    writeFileSync(
      join(project, 'docgen.config.yaml'),
      'title: Ledger docs\nsources:\n  - plugin: prisma\n    options: { schema: prisma/schema.prisma }\n',
    );
    const result = await runCli(['generate', '--no-cache', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.pageCount).toBe(2);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'DG_CONFIG_NO_EFFECT',
        file: join(project, 'docgen.config.yaml'),
        line: 1,
        message: '"title" has no effect: docgen makes no page for the doc set as a whole',
        hint: expect.stringContaining('confluence.parentTitle'),
      }),
    ]);
  }, 60_000);
});
