import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { writeRenderedTree, type Page } from '@docgen/core';
import { runCli } from '@docgen/test-support';
import { testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

jest.setTimeout(120_000);

const page = (key: string, title: string, position?: number, parentKey?: string): Page => ({
  key,
  title,
  parentKey,
  position,
  labels: [],
  markdown: `# ${title}\n`,
  attachments: [],
});

/** Sibling order: a changed `position` shows as `move` rows in the plan, then moves the pages. */
describe('docgen publish keeps sibling order', () => {
  let sandbox: TestSandbox;
  let work: string;
  const env = () => ({
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CONFLUENCE_SPACE_KEY: 'DEV',
    CI: '1',
  });
  const tree = (order: string[]) => ({
    pages: [
      page('guide', 'Guide'),
      ...order.map((name, index) => page(`guide/${name}`, `Guide ${name}`, index, 'guide')),
    ],
  });
  const childTitles = async (parentId: string): Promise<string[]> => {
    const auth = `Basic ${Buffer.from('dev@example.com:sandbox-token').toString('base64')}`;
    const response = await fetch(`${sandbox.url}/wiki/api/v2/pages/${parentId}/direct-children`, {
      headers: { authorization: auth },
    });
    const body = (await response.json()) as { results: Array<{ title: string }> };
    return body.results.map((child) => child.title);
  };

  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-order-'));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('plans and applies moves when positions change, and nothing else', async () => {
    const out = join(work, 'out');
    await writeRenderedTree(out, tree(['alpha', 'beta', 'gamma']), { name: 'docgen-test', version: '1' });
    const first = await runCli(['publish', out, '--json'], { cwd: work, env: env() });
    expect(first.code).toBe(0);
    const rootId = JSON.parse(first.stdout).outcomes.find((o: { key: string }) => o.key === 'guide').pageId as string;
    expect(await childTitles(rootId)).toEqual(['Guide alpha', 'Guide beta', 'Guide gamma']);

    await writeRenderedTree(out, tree(['gamma', 'alpha', 'beta']), { name: 'docgen-test', version: '1' });
    const plan = await runCli(['publish', out, '--dry-run'], { cwd: work, env: env() });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^move\s+Guide gamma\s+\d+\s+before "Guide alpha"/m);

    const applied = await runCli(['publish', out, '--json'], { cwd: work, env: env() });
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout).counts).toMatchObject({ created: 0, updated: 0, reordered: 1 });
    expect(await childTitles(rootId)).toEqual(['Guide gamma', 'Guide alpha', 'Guide beta']);
  });
});
