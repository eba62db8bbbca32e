import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from '@docgen/core';
import { Publisher, type PublisherConfig } from '../src/index.js';
import { isWrite, makeTree, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * A key changes when its source is renamed (a tag, a model, a config `key`): over HTTP, against
 * the sandbox, in both dialects, the page is taken over — same id, history continued — never
 * created a second time beside the old one, which used to be left as an orphan (or, with the same
 * title, made the create fail on Confluence's unique titles).
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'datacenter', path: '' },
] as const;

describe.each(dialects)('a page whose key changed ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  const PAGES = 14;
  const rekey = (page: Page): Page => ({
    ...page,
    key: page.key.replace(/^docs\/s(\d+)/, 'docs/part$1'),
    parentKey: page.parentKey?.replace(/^docs\/s(\d+)/, 'docs/part$1'),
  });
  const publish = (edit?: (page: Page) => Page) => new Publisher(config).publish(makeTree(PAGES, { edit }));
  const pageWrites = (log: Array<{ method: string; path: string }>) =>
    log.filter((r) => isWrite(r) && /\/(pages|content)(\/\d+)?$/.test(r.path));

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
  });
  afterAll(() => sandbox.close());

  it('every page under new keys (the sections renamed), same titles: the same pages, no new version, nothing orphaned', async () => {
    const first = await publish();
    const idByTitle = new Map(first.outcomes.map((o) => [o.title, o.pageId]));
    const since = await sandbox.lastSeq();
    const result = await publish(rekey);
    expect(result.counts).toMatchObject({ created: 0, orphans: 0, updated: PAGES - 1, unchanged: 1 });
    for (const outcome of result.outcomes) expect(outcome.pageId).toBe(idByTitle.get(outcome.title));
    // Only docgen's property moves to the new key: no page is created or written.
    expect(pageWrites(await sandbox.requests(since))).toEqual([]);
    const again = await sandbox.lastSeq();
    expect((await publish(rekey)).counts).toMatchObject({ unchanged: PAGES, created: 0, orphans: 0 });
    expect((await sandbox.requests(again)).filter(isWrite)).toEqual([]);
  });

  it('a renamed page (new key and title): renamed in place, its history continued, no orphan', async () => {
    const renamed = (page: Page) => {
      const moved = rekey(page);
      return moved.key === 'docs/part1/p3' ? { ...moved, key: 'docs/part1/page-three', title: 'Page three' } : moved;
    };
    const before = (await publish(rekey)).outcomes.find((o) => o.key === 'docs/part1/p3')!;
    const result = await publish(renamed);
    expect(result.counts).toMatchObject({ created: 0, orphans: 0, updated: 1, unchanged: PAGES - 1 });
    expect(result.outcomes.find((o) => o.key === 'docs/part1/page-three')).toMatchObject({
      status: 'updated',
      pageId: before.pageId,
    });
    const live = await sandbox.api<{ title: string; version: { number: number } }>(
      'GET',
      `/rest/api/content/${before.pageId}?expand=version`,
    );
    expect(live.body.title).toBe('Page three');
    expect(live.body.version.number).toBe(2);
    const search = await sandbox.api<{ results: unknown[] }>(
      'GET',
      `/rest/api/content/search?cql=${encodeURIComponent('title = "docs page 3"')}`,
    );
    expect(search.body.results).toEqual([]);
  });
});
