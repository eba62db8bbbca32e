import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { writeRenderedTree } from '@docgen/core';
import { runCli } from '@docgen/test-support';
import { onePageTree, testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

jest.setTimeout(120_000);

/** The real, built CLI: a reader's comment whose text an update removes is a warning, in the output and in --json. */
describe('docgen publish with readers’ inline comments', () => {
  let sandbox: TestSandbox;
  let work: string;
  let pageId: string;
  const env = () => ({
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CONFLUENCE_SPACE_KEY: 'DEV',
    CI: '1',
  });
  const publish = async (name: string, markdown: string, flags: string[] = []) => {
    const dir = join(work, name);
    await writeRenderedTree(dir, onePageTree(markdown), { name: 'docgen-test', version: '1.0.0' });
    return runCli(['publish', dir, ...flags], { cwd: work, env: env() });
  };
  const comment = async (textSelection: string) => {
    const created = await sandbox.api<{ id: string }>('POST', '/wiki/api/v2/inline-comments', {
      pageId,
      body: { representation: 'storage', value: '<p>Why?</p>' },
      inlineCommentProperties: { textSelection, textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
    });
    expect(created.status).toBe(201);
  };

  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-comments-'));
    const first = await publish('v1', 'The legacy endpoint answers 410.\n\nUse the new endpoint.\n', ['--json']);
    expect(first.code).toBe(0);
    pageId = JSON.parse(first.stdout).outcomes[0].pageId;
    await comment('legacy endpoint');
    await comment('new endpoint');
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('says which page, which text, that Confluence resolved the comment, and what to do', async () => {
    const result = await publish('v2', 'Use the new endpoint.\n');
    expect(result.code).toBe(0);
    // On stderr, as every command's warnings (stdout is the run's report, which a script may keep).
    expect(result.stdout).not.toContain('DG_COMMENT_RESOLVED');
    expect(result.stderr).toContain(
      `warning DG_COMMENT_RESOLVED docs/limits.md: page "Rate limits" (${pageId}): the text "legacy endpoint" a reader commented on is no longer where it was on the page, so Confluence resolved the comment\n  → `,
    );
    expect(result.stdout).toMatch(/Done: 0 created, 1 updated/);
  });

  it('--json lists the warning as every command lists warnings', async () => {
    const result = await publish('v3', 'Use the replacement.\n', ['--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.warnings).toEqual([
      {
        code: 'DG_COMMENT_RESOLVED',
        message: `page "Rate limits" (${pageId}): the text "new endpoint" a reader commented on is no longer where it was on the page, so Confluence resolved the comment`,
        file: 'docs/limits.md',
        hint: expect.stringContaining('resolved comments'),
      },
    ]);
    expect(report.outcomes[0].resolvedComments).toEqual([{ ref: expect.any(String), text: 'new endpoint' }]);
  });
  it('quotes a long highlight by its start (a reader may comment on a whole paragraph), --json keeps it whole', async () => {
    const paragraph =
      'Clients that still call the legacy endpoint after the deadline receive 410 Gone with a link to the migration guide.';
    expect((await publish('v4', `${paragraph}\n\nUse the replacement.\n`)).code).toBe(0);
    await comment(paragraph);
    const result = await publish('v5', 'Use the replacement.\n', ['--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const quote = /the text "([^"]*)" a reader commented on/.exec(report.warnings[0].message)?.[1];
    expect(quote).toBe('Clients that still call the legacy endpoint after the deadline receive 410 Gone…');
    expect(quote!.length).toBeLessThanOrEqual(80);
    expect(report.outcomes[0].resolvedComments).toEqual([{ ref: expect.any(String), text: paragraph }]);
  });
});
