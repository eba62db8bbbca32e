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
