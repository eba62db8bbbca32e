import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Publisher, type PublisherConfig } from '../src/index.js';
import { isWrite, makeTree, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * A hostile server: about 20 % of requests answer 429, 500, 502, 503 or have their connection
 * reset. The tree must still come out exactly right, with no duplicates, and a calm re-run
 * must find nothing to write.
 */
describe.each([
  ['cloud', '/wiki'],
  ['datacenter', ''],
])('publishing through faults (%s)', (_dialect, path) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  const PAGES = 300;

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path, { transport: { baseDelayMs: 10, maxDelayMs: 200, retries: 10 } });
  });
  afterAll(() => sandbox.close());

  it('300 pages with 20 % of requests failing: exact tree, no duplicates, quiet re-run', async () => {
    await sandbox.faults([
      // A few honest Retry-After waits, then fast ones so the test stays short.
      { fault: 'status', status: 429, retryAfter: 1, count: 2 },
      { fault: 'status', status: 429, retryAfter: 0, probability: 0.07 },
      { fault: 'status', status: 503, retryAfter: 0, probability: 0.03 },
      { fault: 'status', status: 500, probability: 0.03 },
      { fault: 'status', status: 502, probability: 0.02 },
      { fault: 'reset', probability: 0.06 },
    ]);
    const since = await sandbox.lastSeq();
    const tree = makeTree(PAGES);
    const result = await new Publisher(config).publish(tree);
    const log = await sandbox.requests(since);
    await sandbox.clearFaults();

    const faulted = log.filter((r) => r.status === 0 || r.status >= 429);
    const share = faulted.length / log.length;
    console.log(
      `fault run: ${log.length} requests, ${faulted.length} faulted (${(share * 100).toFixed(1)} %), ${result.requests.retries} retries`,
    );
    expect(share).toBeGreaterThan(0.12);
    expect(result.outcomes.filter((o) => o.status !== 'created')).toEqual([]);

    // Exactly the tree: every title once, right parent, nothing extra.
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const found = await sandbox.api<{
      results: Array<{ id: string; title: string; ancestors: Array<{ id: string }> }>;
      size: number;
    }>(
      'GET',
      `/rest/api/content/search?cql=${encodeURIComponent(`ancestor = ${space.body.homepage.id} and type = page`)}&limit=1000&expand=ancestors`,
    );
    let all = found.body.results;
    if (all.length < PAGES) {
      // the sandbox caps a page of results; walk the rest
      all = [];
      for (let start = 0; ; start += 200) {
        const chunk = await sandbox.api<{ results: typeof found.body.results }>(
          'GET',
          `/rest/api/content/search?cql=${encodeURIComponent(`ancestor = ${space.body.homepage.id} and type = page`)}&limit=200&start=${start}&expand=ancestors`,
        );
        all.push(...chunk.body.results);
        if (chunk.body.results.length < 200) break;
      }
    }
    const titles = all.map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.sort()).toEqual(tree.pages.map((p) => p.title).sort());
    const idByTitle = new Map(all.map((p) => [p.title, p.id]));
    const titleByKey = new Map(tree.pages.map((p) => [p.key, p.title]));
    for (const page of tree.pages) {
      const live = all.find((p) => p.title === page.title)!;
      const parent = page.parentKey ? idByTitle.get(titleByKey.get(page.parentKey)!) : space.body.homepage.id;
      expect(live.ancestors.at(-1)?.id).toBe(parent);
    }
    // Attachments: exactly one file on each page that has one.
    for (const page of tree.pages.filter((p) => p.attachments.length)) {
      const atts = await sandbox.api<{ results: Array<{ title: string }> }>(
        'GET',
        `/rest/api/content/${idByTitle.get(page.title)}/child/attachment`,
      );
      expect(atts.body.results.map((a) => a.title)).toEqual([page.attachments[0].fileName]);
    }

    const calm = await sandbox.lastSeq();
    const rerun = await new Publisher(config).publish(tree);
    expect(rerun.counts.unchanged).toBe(PAGES);
    expect((await sandbox.requests(calm)).filter(isWrite)).toEqual([]);
  }, 240_000);
});
