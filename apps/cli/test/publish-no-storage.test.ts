/**
 * A folder rendered with `--no-storage` is converted when it is published: the pages must be the
 * ones a render with storage publishes, links between pages and into the source's `linkBase` alike.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

const scratch = mkdtempSync(join(tmpdir(), 'docgen-publish-no-storage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A payments API whose text links into its own website (`/docs/guide`), and pages that link each other.
const SPEC = `openapi: 3.0.3
info:
  title: Payouts
  version: '1'
  description: See [the guide](/docs/guide).
tags:
  - name: payouts
    description: Fees are in [the pricing](/pricing#fees).
paths:
  /payouts:
    get:
      tags: [payouts]
      description: Uses [payouts](/docs/payouts#fees).
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Payout' }
components:
  schemas:
    Payout:
      type: object
      properties:
        id: { type: string }
`;

const ENV = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };

function payoutsProject(config: string): string {
  const project = mkdtempSync(join(scratch, 'payouts-'));
  writeFileSync(join(project, 'openapi.yaml'), SPEC);
  writeFileSync(join(project, 'docgen.config.yaml'), config);
  return project;
}

async function docgen(project: string, argv: string[]): Promise<string> {
  const result = await runCli(argv, { cwd: project, env: ENV });
  expect(result.stderr).not.toMatch(/^error /m);
  expect(result.code).toBe(0);
  return result.stdout + result.stderr;
}

describe('publishing a folder rendered with --no-storage', () => {
  it.each([
    ['the config’s linkBase', 'linkBase: https://payments.example.com/\n    ', []],
    ['--link-base', '', ['--link-base', 'https://payments.example.com/']],
  ])(
    'publishes the storage a render with storage publishes, with %s',
    async (_, linkBase, flags) => {
      const project = payoutsProject(`sources:\n  - plugin: openapi\n    ${linkBase}options: { spec: openapi.yaml }\n`);
      // Storage rendered up front, links into the site made absolute: what the sandbox gets first.
      const first = await docgen(project, ['generate', ...flags, '--no-cache', '--publish']);
      expect(first).toMatch(/Done: 3 created, 0 updated/);
      const overview = readFileSync(join(project, 'docs-out', 'api__payouts.storage.xhtml'), 'utf8');
      expect(overview).toContain('<a href="https://payments.example.com/docs/guide">');
      expect(overview).toContain('<ri:page ri:content-title="Payouts: Schemas" />');
      // The same pages converted at publish time: nothing to update.
      const converted = await docgen(project, ['generate', ...flags, '--no-storage', '--publish']);
      expect(converted).toMatch(/Done: 0 created, 0 updated, 3 unchanged/);
      expect(converted).not.toContain('DG_FLAG_UNUSED');
      // And a folder rendered with --no-storage, published later by `docgen publish`.
      await docgen(project, ['generate', ...flags, '--no-storage', '--out', 'markdown-only']);
      expect(await docgen(project, ['publish', 'markdown-only'])).toMatch(/Done: 0 created, 0 updated, 3 unchanged/);
    },
    120_000,
  );
});
