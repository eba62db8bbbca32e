import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { PageTree } from '@docgen/core';
import { Publisher, type PublisherConfig } from '../src/index.js';
import {
  humanPage as createdByPerson,
  isWrite,
  makeTree,
  sandboxConfig,
  testSandbox,
  TOKEN,
  USER,
  type TestSandbox,
} from './helpers.js';

/**
 * Failure drills against the real sandbox over HTTP, once per dialect: a run that dies at its Nth
 * write, rate limits on writes and on the title lookup, and what people do in Confluence between
 * two runs (edit, move, delete a page, remove the root). Each drill ends with the space converged:
 * the tree exactly once, no version docgen did not need, and a re-run that writes nothing.
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'datacenter', path: '' },
] as const;

const WRITES = ['POST', 'PUT', 'DELETE'];

const DAY = 24 * 60 * 60 * 1000;

interface LivePage {
  id: string;
  title: string;
  version: { number: number };
  ancestors: Array<{ id: string }>;
}

describe.each(dialects)('failure drills ($name)', ({ name, path }) => {
  let sandbox: TestSandbox;
  let homepage: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    homepage = (await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage')).body
      .homepage.id;
  });
  afterAll(() => sandbox.close());

  /** A page a person creates, to publish under (each drill its own managed root). */
  const humanPage = (title: string, parentId = homepage) => createdByPerson(sandbox, title, parentId);

  /** Every page under `rootId`, as Confluence has it now. */
  async function liveUnder(rootId: string): Promise<LivePage[]> {
    const cql = encodeURIComponent(`ancestor = ${rootId} and type = page`);
    const found = await sandbox.api<{ results: LivePage[] }>(
      'GET',
      `/rest/api/content/search?cql=${cql}&limit=200&expand=version,ancestors`,
    );
    return found.body.results;
  }

  /** The tree is there exactly once, each page under its parent. */
  async function expectConverged(rootId: string, tree: PageTree): Promise<LivePage[]> {
    const live = await liveUnder(rootId);
    expect(live.map((p) => p.title).sort()).toEqual(tree.pages.map((p) => p.title).sort());
    const byTitle = new Map(live.map((p) => [p.title, p]));
    const titleOf = new Map(tree.pages.map((p) => [p.key, p.title]));
    for (const page of tree.pages) {
      const parent = page.parentKey ? byTitle.get(titleOf.get(page.parentKey)!)!.id : rootId;
      expect([page.title, byTitle.get(page.title)!.ancestors.at(-1)?.id]).toEqual([page.title, parent]);
    }
    return live;
  }

  /** A run that writes nothing: every page unchanged. */
  async function expectQuiet(config: PublisherConfig, tree: PageTree): Promise<void> {
    const since = await sandbox.lastSeq();
    const again = await new Publisher(config).publish(tree);
    expect(again.counts.unchanged).toBe(tree.pages.length);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  }

  /** Writes that make a page version: a create or a body/title/parent update (not labels, properties, moves). */
  const versionWrites = (log: Array<{ method: string; path: string }>) =>
    log.filter((r) => r.method === 'PUT' && /\/(pages|content)\/\d+$/.test(r.path));

  it.each([
    ['dies with a reset at its 1st write', 0, 'reset'],
    ['dies with a reset at its 6th write', 5, 'reset'],
    ['dies with 500s from its 12th write', 11, 'status'],
    ['loses the answer of its 9th write, then dies', 8, 'drop'],
  ] as const)('a run that %s: the next run converges, no duplicate, no needless version', async (_, after, fault) => {
    const root = await humanPage(`Kill root ${fault} ${after}`);
    const tree = makeTree(16, { prefix: `kill${after}${fault}` });
    // No retries: the transport gives up at once, as a killed process would.
    const config = sandboxConfig(sandbox, path, { parentId: root, transport: { retries: 0 } });
    const rules =
      fault === 'drop'
        ? [
            { fault: 'drop', method: WRITES, after, count: 1 },
            { fault: 'reset', method: WRITES, after: after + 1 },
          ]
        : [{ fault, method: WRITES, after, ...(fault === 'status' ? { status: 500 } : {}) }];
    await sandbox.faults(rules);
    const dying = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(dying.ok).toBe(false);
    // Each failure says what the server answered, in Atlassian's words, and never the token.
    const failures = dying.outcomes.filter((o) => o.status === 'failed').map((o) => o.message ?? '');
    expect(failures.length).toBeGreaterThan(0);
    if (fault === 'status')
      expect(failures.some((m) => /\b500\b.*Internal Server Error \(sandbox fault/.test(m))).toBe(true);
    const basic = Buffer.from(`${USER}:${TOKEN}`).toString('base64');
    expect(failures.filter((m) => m.includes(TOKEN) || m.includes(basic))).toEqual([]);

    const since = await sandbox.lastSeq();
    const repair = await new Publisher({ ...config, transport: {} }).publish(tree);
    expect(repair.outcomes.filter((o) => !['created', 'adopted', 'updated', 'unchanged'].includes(o.status))).toEqual(
      [],
    );
    const live = await expectConverged(root, tree);
    // Nothing the dead run wrote needed its body written again: the repair only completes pages.
    expect(versionWrites(await sandbox.requests(since))).toEqual([]);
    expect(live.filter((p) => p.version.number !== 1).map((p) => p.title)).toEqual([]);
    await expectQuiet({ ...config, transport: {} }, tree);
  });

  /**
   * `tree` published under a new root, then the pages at `indexes` as a run killed between their
   * create and their record leaves them: version 1, docgen's body, no record. Their ids.
   */
  async function publishedUnrecorded(rootTitle: string, tree: PageTree, indexes: number[]) {
    const root = await humanPage(rootTitle);
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const first = await new Publisher(config).publish(tree);
    const ids = indexes.map((i) => first.outcomes.find((o) => o.key === tree.pages[i]!.key)!.pageId!);
    for (const id of ids)
      expect((await sandbox.api('DELETE', `/rest/api/content/${id}/property/docgen`)).status).toBe(204);
    return { root, config, ids };
  }

  /** A repair run of `tree` adopts the pages of `ids`, writes no other page (they are where the tree puts them), and converges. */
  async function expectOnlyAdopted(unrecorded: Awaited<ReturnType<typeof publishedUnrecorded>>, tree: PageTree) {
    const { root, config, ids } = unrecorded;
    const since = await sandbox.lastSeq();
    const repair = await new Publisher(config).publish(tree);
    const adopted = repair.outcomes.filter((o) => o.status === 'adopted').map((o) => o.pageId);
    expect(adopted.sort()).toEqual([...ids].sort());
    expect(repair.outcomes.filter((o) => o.status !== 'adopted').map((o) => o.status)).toEqual(
      Array(tree.pages.length - ids.length).fill('unchanged'),
    );
    // Only the adopted pages are written (their labels and records).
    const writes = (await sandbox.requests(since)).filter(isWrite);
    expect(writes.filter((r) => !ids.some((id) => r.path.includes(`/${id}/`)))).toEqual([]);
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  }

  it('a top page without its record (an interrupted run’s): adopted, and the pages under it left where they are, not moved', async () => {
    const tree = makeTree(5, { prefix: `unrecorded${name}` });
    await expectOnlyAdopted(await publishedUnrecorded('Unrecorded top root', tree, [0]), tree);
  });

  it('a section and a page under it, both without their record (an interrupted run’s): both adopted, nothing moved', async () => {
    const tree = makeTree(4, { prefix: `unrecordedsection${name}` });
    await expectOnlyAdopted(await publishedUnrecorded('Unrecorded section root', tree, [1, 2]), tree);
  });

  it('--diff beside pages a run may have left (no record, version 1): each body read once, for the plan and its diff together', async () => {
    const tree = makeTree(4, { prefix: `leftoverdiff${name}` });
    const last = tree.pages[3]!;
    const {
      root,
      config,
      ids: [left],
    } = await publishedUnrecorded('Leftover diff root', tree, [3]);
    // And a person's page (version 1 too) with the title of a page new in the tree, and a body of its own.
    const extra = { ...last, key: `${last.key}x`, title: 'Leftover diff extra', markdown: '# Extra\n\nNew.' };
    const taken = await humanPage(extra.title, root);
    const grown = { ...tree, pages: [...tree.pages, extra] };
    const publisher = new Publisher(config);
    const since = await sandbox.lastSeq();
    const planned = await publisher.plan(grown);
    expect(
      planned.plan.operations.filter((op) => op.action === 'conflict').map((op) => [op.pageId, op.adoptId]),
    ).toEqual([
      [left, left],
      [taken, undefined],
    ]);
    // The adopted page's body is docgen's: no diff; the person's page's is.
    expect((await publisher.diffs(planned)).map((d) => d.key)).toEqual([extra.key]);
    const bodyReads = (await sandbox.requests(since))
      .filter((r) => r.method === 'GET' && /body/.test(r.query))
      .map((r) => r.path.split('/').pop())
      .sort();
    expect(bodyReads).toEqual([left, taken].sort());
  });

  it('429 with Retry-After on page writes: waited for, every page once', async () => {
    const root = await humanPage('Rate-limited writes root');
    const tree = makeTree(6, { prefix: 'limited' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    await sandbox.faults([{ fault: 'status', status: 429, retryAfter: 1, method: WRITES, after: 2, count: 2 }]);
    const since = await sandbox.lastSeq();
    const started = Date.now();
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(result.ok).toBe(true);
    expect(result.requests.rateLimited).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const limited = (await sandbox.requests(since)).filter((r) => r.status === 429);
    expect(limited.map((r) => r.method).every((m) => WRITES.includes(m))).toBe(true);
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it('a 429 storm longer than the retry count: every request waits it out, the run passes', async () => {
    const root = await humanPage('Rate-limit storm root');
    const tree = makeTree(4, { prefix: 'storm' });
    const config = sandboxConfig(sandbox, path, { parentId: root, concurrency: 1 });
    // Twelve 429s in a row on one request: more than its 8 retries for failures, yet Confluence
    // said each time when to come back. (A short Retry-After keeps the drill fast.)
    await sandbox.faults([{ fault: 'status', status: 429, retryAfter: 0.05, after: 3, count: 12 }]);
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(result.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.requests.rateLimited).toBe(12);
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it('429 with Retry-After on the CQL title lookup: waited for, then the plan is the same', async () => {
    const root = await humanPage('Rate-limited lookup root');
    const tree = makeTree(4, { prefix: 'lookup' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    // The run's first search lists the managed root; the second is the title lookup.
    await sandbox.faults([
      { fault: 'status', status: 429, retryAfter: 1, method: 'GET', path: '/content/search$', after: 1, count: 1 },
    ]);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    const lookups = (await sandbox.requests(since)).filter((r) =>
      new URLSearchParams(r.query).get('cql')?.includes('title in ('),
    );
    expect(lookups.map((r) => r.status)).toEqual([429, 200]);
    expect(result.ok).toBe(true);
    expect(result.counts.created).toBe(4);
    await expectConverged(root, tree);
  });

  it('two publishers at once finish what an interrupted run left: the slower one takes the pages the other made as docgen’s', async () => {
    const root = await humanPage('Twin publishers root');
    const tree = makeTree(4, { prefix: 'twins' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const slow = new Publisher(config);
    // An interrupted run left the top page: created, body written, ownership not yet recorded.
    const top = (await slow.plan(tree)).desired[0]!;
    const left = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title: top.title,
      space: { key: 'DEV' },
      ancestors: [{ id: root }],
      body: { storage: { value: top.storage, representation: 'storage' } },
    });
    expect(left.status).toBe(200);
    // Both CI jobs plan the same (adopt that page, create the rest); the faster one applies first.
    const planned = await slow.plan(tree);
    expect(planned.plan.operations[0]).toMatchObject({ action: 'conflict', adoptId: left.body.id });
    const fast = await new Publisher(config).publish(tree);
    expect(fast.ok).toBe(true);
    const result = await slow.publish(tree, { planned });
    expect(result.outcomes.filter((o) => o.status === 'conflict' || o.status === 'failed')).toEqual([]);
    expect(result.ok).toBe(true);
    const live = await expectConverged(root, tree);
    expect(live.find((p) => p.title === top.title)?.id).toBe(left.body.id);
    await expectQuiet(config, tree);
  });

  it('two publishers at once, the other creating pages while this one plans: they are under the root, not elsewhere', async () => {
    const root = await humanPage('Twin planners root');
    const tree = makeTree(4, { prefix: 'twinplan' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    // This run lists the root (empty), then its title lookup is slow: meanwhile the other run publishes.
    await sandbox.faults([
      {
        id: 'slow-lookup',
        fault: 'latency',
        latencyMs: 1500,
        method: 'GET',
        path: 'content/search$',
        after: 1,
        count: 1,
      },
    ]);
    const planning = new Publisher(config).plan(tree);
    const fired = async () =>
      (await sandbox.api<{ rules: Array<{ id: string; fired: number }> }>('GET', '/__sandbox/faults')).body.rules.find(
        (rule) => rule.id === 'slow-lookup',
      )?.fired;
    while ((await fired()) !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const planned = await planning;
    await sandbox.clearFaults();
    expect(planned.plan.operations.filter((op) => op.action === 'conflict' && !op.adoptId)).toEqual([]);
    const result = await new Publisher(config).publish(tree, { planned });
    expect(result.outcomes.filter((o) => o.status === 'conflict' || o.status === 'failed')).toEqual([]);
    expect(result.ok).toBe(true);
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it.each([
    ['', 'Mono', 0, true],
    [', this machine’s clock a day ahead of Confluence’s', 'Ahead', DAY, true],
    [', the clock a day ahead and no answer dated (a proxy drops Date)', 'Undated', DAY, false],
  ])(
    'two jobs at once that both render a shared index (each runbook folder’s job)%s: the slower one updates the page the other just created, no conflict',
    async (_, repo, clockOffset, dated) => {
      const root = await humanPage(`Two jobs one index root (${repo})`);
      const config = sandboxConfig(sandbox, path, {
        parentId: root,
        ...(!dated && { transport: { fetch: withoutDateHeader } }),
      });
      // One repository's doc set; each job renders the index of its folder and its own runbook.
      const job = (service: string): PageTree => ({
        docSet: `github.com/acme/${repo.toLowerCase()}`,
        partial: 'flags',
        filesComparable: true,
        pages: [
          {
            key: 'runbooks',
            title: `${repo} runbooks`,
            labels: [],
            markdown: `# Runbooks\n\n- ${service}`,
            attachments: [],
            source: { plugin: 'runbook', file: `services/${service}` },
          },
          {
            key: `runbooks/${service}`,
            title: `${repo} runbook: ${service}`,
            parentKey: 'runbooks',
            labels: [],
            markdown: `# ${service}\n\nRestart it.`,
            attachments: [],
            source: { plugin: 'runbook', file: `services/${service}/runbook.md` },
          },
        ],
      });
      // Both plan before either writes; the first job's record of the index comes a moment after its create.
      const second = new Publisher(config);
      const planned = await second.plan(job('orders'));
      await sandbox.faults([{ fault: 'latency', latencyMs: 1500, method: ['POST', 'PUT'], path: 'propert', count: 1 }]);
      const first = new Publisher(config).publish(job('payments'));
      const created = async () =>
        (await sandbox.api<{ results: unknown[] }>('GET', `/rest/api/content?spaceKey=DEV&title=${repo}%20runbooks`))
          .body.results.length;
      while ((await created()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // By a clock ahead of Confluence's, the page the first job just created looks old.
      const result = await withClockOff(clockOffset, () => second.publish(job('orders'), { planned }));
      expect((await first).ok).toBe(true);
      await sandbox.clearFaults();
      expect(result.outcomes.filter((o) => o.status === 'conflict' || o.status === 'failed')).toEqual([]);
      expect(result.ok).toBe(true);
      const live = await liveUnder(root);
      expect(live.map((p) => p.title).sort()).toEqual([
        `${repo} runbook: orders`,
        `${repo} runbook: payments`,
        `${repo} runbooks`,
      ]);
    },
  );

  it('two runs of one job at once, the later with newer text for a page the other is creating: it updates that page, no conflict', async () => {
    const root = await humanPage('Two pipelines root');
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const older = makeTree(3, { prefix: 'pipes' });
    const newer = makeTree(3, {
      prefix: 'pipes',
      edit: (page) => (page.key === 'pipes' ? { ...page, markdown: `${page.markdown}\n\nNewer text.` } : page),
    });
    // The earlier pipeline's record of its new top page comes a moment after its create; the later one plans then.
    await sandbox.faults([{ fault: 'latency', latencyMs: 1500, method: ['POST', 'PUT'], path: 'propert', count: 1 }]);
    const first = new Publisher(config).publish(older);
    const created = async () =>
      (await sandbox.api<{ results: unknown[] }>('GET', `/rest/api/content?spaceKey=DEV&title=PIPES%20Home`)).body
        .results.length;
    while ((await created()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = new Publisher(config);
    const planned = await second.plan(newer);
    expect((await first).ok).toBe(true);
    await sandbox.clearFaults();
    const result = await second.publish(newer, { planned });
    expect(result.outcomes.filter((o) => ['conflict', 'failed', 'skipped'].includes(o.status))).toEqual([]);
    expect(result.outcomes.find((o) => o.key === 'pipes')?.status).toBe('updated');
    expect(result.ok).toBe(true);
    await expectConverged(root, newer);
    await expectQuiet(config, newer);
  });

  /**
   * `fetch` through a proxy that drops the `Date` header of every answer: the transport then never
   * learns Confluence's time.
   */
  async function withoutDateHeader(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const response = await fetch(input, init);
    const headers = new Headers(response.headers);
    headers.delete('date');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }

  /**
   * `act` with this process's clock (only `Date`: timers, I/O and `performance` go on as they do)
   * off by `offsetMs`. The sandbox runs in this process: the dates it gives its pages move with it,
   * while the `Date` header Node's HTTP server puts on each answer keeps the real time.
   */
  async function withClockOff<T>(offsetMs: number, act: () => Promise<T>): Promise<T> {
    jest.useFakeTimers({
      now: Date.now() + offsetMs,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      return await act();
    } finally {
      jest.useRealTimers();
    }
  }

  /** A page a person created a day ago. */
  const personsPageOfYesterday = (title: string, parentId: string): Promise<string> =>
    withClockOff(-DAY, () => humanPage(title, parentId));

  /** The requests made since `since` that name the page: its reads, its property's. */
  async function requestsFor(pageId: string, since: number) {
    return (await sandbox.requests(since)).filter((r) => new RegExp(`/${pageId}(/|$)`).test(r.path));
  }

  it('a person’s page of long ago with a title of the tree, under the root, never recorded: a conflict in the plan, no waiting for a record', async () => {
    const root = await humanPage('Standing conflict root');
    const tree = makeTree(2, { prefix: 'standing' });
    const theirs = await personsPageOfYesterday(tree.pages[0]!.title, root);
    const since = await sandbox.lastSeq();
    const planned = await new Publisher(sandboxConfig(sandbox, path, { parentId: root })).plan(tree);
    expect(planned.plan.operations.find((op) => op.key === 'standing')).toMatchObject({
      action: 'conflict',
      conflict: 'title-taken',
      pageId: theirs,
    });
    // Its body, read to tell it from a page a run left; no read of a record another run could still be writing.
    expect((await requestsFor(theirs, since)).map((r) => [r.method, r.path.split('/').pop()])).toEqual([
      ['GET', theirs],
    ]);
  });

  it('this machine’s clock a day ahead of Confluence’s, another run creating a page of the tree: it is waited for and updated, no conflict', async () => {
    const root = await humanPage('Clock ahead root');
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const older = makeTree(3, { prefix: 'ahead' });
    const newer = makeTree(3, {
      prefix: 'ahead',
      edit: (page) => (page.key === 'ahead' ? { ...page, markdown: `${page.markdown}\n\nNewer text.` } : page),
    });
    // The other run's record of its new top page comes a moment after its create.
    await sandbox.faults([{ fault: 'latency', latencyMs: 1500, method: ['POST', 'PUT'], path: 'propert', count: 1 }]);
    const first = new Publisher(config).publish(older);
    const created = async () =>
      (await sandbox.api<{ results: unknown[] }>('GET', `/rest/api/content?spaceKey=DEV&title=AHEAD%20Home`)).body
        .results.length;
    while ((await created()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // By this machine's clock the page was made a day ago; by Confluence's, a moment ago.
    const second = new Publisher(config);
    const planned = await withClockOff(DAY, () => second.plan(newer));
    expect((await first).ok).toBe(true);
    await sandbox.clearFaults();
    expect(planned.plan.operations.filter((op) => op.action === 'conflict')).toEqual([]);
    const result = await second.publish(newer, { planned });
    expect(result.outcomes.find((o) => o.key === 'ahead')?.status).toBe('updated');
    expect(result.ok).toBe(true);
    await expectConverged(root, newer);
  });

  it('this machine’s clock two days behind Confluence’s, a person’s page of yesterday with a title of the tree: a conflict, no waiting for a record', async () => {
    const root = await humanPage('Clock behind root');
    const tree = makeTree(2, { prefix: 'behind' });
    const theirs = await personsPageOfYesterday(tree.pages[0]!.title, root);
    const since = await sandbox.lastSeq();
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const planned = await withClockOff(-2 * DAY, () => new Publisher(config).plan(tree));
    expect(planned.plan.operations.find((op) => op.key === 'behind')).toMatchObject({ action: 'conflict' });
    // Its body, read to tell it from a page a run left; no read of a record another run could still be writing.
    expect((await requestsFor(theirs, since)).map((r) => [r.method, r.path.split('/').pop()])).toEqual([
      ['GET', theirs],
    ]);
  });

  it('a person’s page of long ago takes a title of the tree between plan and apply: a conflict at once, no waiting for a record', async () => {
    const root = await humanPage('Standing conflict at apply root');
    const tree = makeTree(2, { prefix: 'standingapply' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const planned = await new Publisher(config).plan(tree);
    // A person's page of a day ago comes under the root after the plan (as a move brings it: a move makes no version).
    const theirs = await personsPageOfYesterday(tree.pages[0]!.title, root);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree, { planned });
    expect(result.outcomes.find((o) => o.key === 'standingapply')).toMatchObject({ status: 'conflict' });
    // One read of the page and one of its record, to see it is not docgen's to adopt (Cloud's title
    // look-up reads the record too, on its own); none while waiting for a record.
    expect(await requestsFor(theirs, since)).toHaveLength(name === 'cloud' ? 3 : 2);
  });

  it('a title handed from one page of the tree to another (two swapped, one given to a new page) in one run', async () => {
    const root = await humanPage('Title hand-over root');
    const tree = makeTree(5, { prefix: 'handover' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const titleOf = (key: string) => tree.pages.find((p) => p.key === key)!.title;
    const retitled: Record<string, string> = {
      'handover/s1/p2': titleOf('handover/s1/p3'),
      'handover/s1/p3': titleOf('handover/s1/p2'),
      'handover/s1/p4': 'handover page 4 (old)',
    };
    const changed = {
      pages: [
        ...tree.pages.map((p) => (retitled[p.key] ? { ...p, title: retitled[p.key]! } : p)),
        { ...tree.pages[4]!, key: 'handover/s1/new', title: titleOf('handover/s1/p4'), source: undefined },
      ],
    };
    const result = await new Publisher(config).publish(changed);
    expect(result.outcomes.filter((o) => !['updated', 'unchanged', 'created'].includes(o.status))).toEqual([]);
    expect(result.ok).toBe(true);
    await expectConverged(root, changed);
    await expectQuiet(config, changed);
  });

  it('two publishers restore the same pruned page at once: the slower one reports it restored, not created', async () => {
    const { root, tree, config, page } = await publishThenPrune('twinback', 4, 'twinback/s1/p3');
    const slow = new Publisher(config);
    const planned = await slow.plan(tree);
    expect(planned.counts.restore).toBe(1);
    expect((await new Publisher(config).publish(tree)).counts.restored).toBe(1);
    const result = await slow.publish(tree, { planned });
    expect(result.ok).toBe(true);
    expect(result.counts.created).toBe(0);
    expect(result.outcomes.find((o) => o.key === 'twinback/s1/p3')).toMatchObject({
      status: 'restored',
      pageId: page.id,
    });
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it('two publishers prune at once: the slower one finds the pages retired, and passes', async () => {
    const root = await humanPage('Twin prune root');
    const tree = makeTree(5, { prefix: 'twinprune' });
    const config = sandboxConfig(sandbox, path, { parentId: root, prune: true });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const smaller = { pages: tree.pages.filter((p) => p.key !== 'twinprune/s1/p3' && p.key !== 'twinprune/s1/p4') };
    const slow = new Publisher(config);
    const planned = await slow.plan(smaller);
    expect(planned.counts.archive).toBe(2);
    expect((await new Publisher(config).publish(smaller)).ok).toBe(true);
    const result = await slow.publish(smaller, { planned });
    expect(result.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(result.counts.archived).toBe(2);
    expect(result.ok).toBe(true);
    await expectConverged(root, smaller);
    await expectQuiet({ ...config, prune: false }, smaller);
  });

  it('two publishers update the same pages at once: the slower one finds its writes made, and passes', async () => {
    const root = await humanPage('Twin updates root');
    const tree = makeTree(5, { prefix: 'twinup' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    // A new title prefix: every page is updated, by two CI jobs with the same plan.
    const prefixed = { ...config, titlePrefix: '[Docs] ' };
    const slow = new Publisher(prefixed);
    const planned = await slow.plan(tree);
    expect(planned.counts.rename).toBe(5);
    expect((await new Publisher(prefixed).publish(tree)).ok).toBe(true);
    const result = await slow.publish(tree, { planned });
    expect(result.outcomes.filter((o) => o.status !== 'updated')).toEqual([]);
    expect(result.ok).toBe(true);
    await expectQuiet(prefixed, tree);
  });

  it('--prune does not trash a page a person edited since docgen wrote it; --force does', async () => {
    const root = await humanPage('Prune edited root');
    const tree = makeTree(4, { prefix: 'edgone' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const first = await new Publisher(config).publish(tree);
    const edited = first.outcomes.find((o) => o.key === 'edgone/s1/p3')!.pageId!;
    const live = await sandbox.api<{ title: string; version: { number: number } }>(
      'GET',
      `/rest/api/content/${edited}?expand=version`,
    );
    const saved = await sandbox.api('PUT', `/rest/api/content/${edited}`, {
      type: 'page',
      title: live.body.title,
      version: { number: live.body.version.number + 1 },
      body: { storage: { value: '<p>On-call: page the platform team first.</p>', representation: 'storage' } },
    });
    expect(saved.status).toBe(200);
    const smaller = { pages: tree.pages.filter((p) => p.key !== 'edgone/s1/p2' && p.key !== 'edgone/s1/p3') };
    const pruned = await new Publisher({ ...config, prune: true }).publish(smaller);
    const outcome = (key: string) => pruned.outcomes.find((o) => o.key === key);
    expect(outcome('edgone/s1/p2')?.status).toBe('trashed');
    expect(outcome('edgone/s1/p3')).toMatchObject({ status: 'orphan', pageId: edited });
    expect(outcome('edgone/s1/p3')?.message).toMatch(/edited in Confluence since docgen wrote it/);
    expect((await liveUnder(root)).map((p) => p.id)).toContain(edited);

    const forced = await new Publisher({ ...config, prune: true, force: true }).publish(smaller);
    expect(forced.outcomes.find((o) => o.key === 'edgone/s1/p3')?.status).toBe('trashed');
    expect((await liveUnder(root)).map((p) => p.id)).not.toContain(edited);
  });

  it('a tree published under a page inside another managed root is not that root’s to prune, move or take', async () => {
    // The platform docs are published under one page; a team publishes its copy of the same doc
    // set (staging, with a prefix) and its own service's docs under pages inside it.
    const platformRoot = await humanPage('Platform docs root');
    const stagingRoot = await humanPage('Staging copy', platformRoot);
    const billingRoot = await humanPage('Billing team', platformRoot);
    const tree = makeTree(4, { prefix: 'platform' });
    const billing = makeTree(3, { prefix: 'billing' });
    const platform = sandboxConfig(sandbox, path, { parentId: platformRoot, docSet: 'api', prune: true });
    const staging = sandboxConfig(sandbox, path, { parentId: stagingRoot, docSet: 'api', titlePrefix: '[Staging] ' });
    const team = sandboxConfig(sandbox, path, { parentId: billingRoot, docSet: 'api' });
    expect((await new Publisher(staging).publish(tree)).ok).toBe(true);
    expect((await new Publisher(team).publish(billing)).ok).toBe(true);

    const result = await new Publisher(platform).publish(tree);
    expect(result.ok).toBe(true);
    expect(result.outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    const under = async (root: string) => (await liveUnder(root)).map((p) => p.title).sort();
    expect(await under(stagingRoot)).toEqual(tree.pages.map((p) => `[Staging] ${p.title}`).sort());
    expect(await under(billingRoot)).toEqual(billing.pages.map((p) => p.title).sort());
    await expectQuiet(platform, tree);
    await expectQuiet(staging, tree);
    await expectQuiet(team, billing);

    // A person edits a page of the staging copy: the staging run's conflict, no business of the
    // platform run, which does not even read its body.
    const edited = (await liveUnder(stagingRoot)).find((p) => p.title === '[Staging] platform page 2')!;
    const edit = await sandbox.api('PUT', `/rest/api/content/${edited.id}`, {
      type: 'page',
      title: edited.title,
      version: { number: edited.version.number + 1 },
      body: { storage: { value: '<p>staging note</p>', representation: 'storage' } },
    });
    expect(edit.status).toBe(200);
    const since = await sandbox.lastSeq();
    expect((await new Publisher(platform).publish(tree)).ok).toBe(true);
    const reads = (await sandbox.requests(since)).filter((r) => r.path.endsWith(`/${edited.id}`));
    expect(reads).toEqual([]);
  });

  it("--prune keeps the pages above a person's page as they are, not only the page it hangs under", async () => {
    const root = await humanPage('Prune ancestors root');
    const tree = makeTree(4, { prefix: 'keep' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const first = await new Publisher(config).publish(tree);
    const idOf = (key: string) => first.outcomes.find((o) => o.key === key)!.pageId!;
    const notes = await humanPage('Notes on keep page 2', idOf('keep/s1/p2'));
    // The section's sources are gone: the section and both its pages would be retired.
    const smaller = { pages: tree.pages.filter((p) => !p.key.startsWith('keep/s1')) };
    const result = await new Publisher({ ...config, prune: true }).publish(smaller);
    const status = (key: string) => result.outcomes.find((o) => o.key === key)?.status;
    expect([status('keep/s1/p3'), status('keep/s1/p2'), status('keep/s1')]).toEqual(['trashed', 'orphan', 'orphan']);
    expect(result.outcomes.find((o) => o.key === 'keep/s1')?.message).toContain('keep page 2');
    // Nothing moved: the person's page is where they put it, under the pages it was under.
    const live = new Map((await liveUnder(root)).map((p) => [p.id, p.ancestors.map((a) => a.id)]));
    expect(live.get(notes)?.slice(-4)).toEqual([root, idOf('keep'), idOf('keep/s1'), idOf('keep/s1/p2')]);
  });

  it('a person edits a page between plan and apply: a conflict, their edit kept, the rest published', async () => {
    const root = await humanPage('Edit race root');
    const tree = makeTree(5, { prefix: 'race' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const changed = makeTree(5, { prefix: 'race', edit: (p) => ({ ...p, markdown: `${p.markdown}\n\nNew line.` }) });
    const publisher = new Publisher(config);
    const planned = await publisher.plan(changed);
    expect(planned.counts.update).toBe(5);
    const target = (await liveUnder(root)).find((p) => p.title === 'race page 2')!;
    const edit = await sandbox.api('PUT', `/rest/api/content/${target.id}`, {
      type: 'page',
      title: 'race page 2',
      version: { number: target.version.number + 1 },
      body: { storage: { value: '<p>a person was here</p>', representation: 'storage' } },
    });
    expect(edit.status).toBe(200);
    const result = await publisher.publish(changed, { planned });
    expect(result.ok).toBe(false);
    expect(result.counts).toMatchObject({ updated: 4, conflicts: 1, failed: 0 });
    expect(result.outcomes.find((o) => o.title === 'race page 2')).toMatchObject({
      status: 'conflict',
      message: `page ${target.id} was edited in Confluence while docgen was writing it (now version 2)`,
    });
    const kept = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${target.id}?expand=body.storage`,
    );
    expect(kept.body.body.storage.value).toBe('<p>a person was here</p>');
  });

  it('a person moves a page to another parent: the next run puts it back, as a move, not a new version', async () => {
    const root = await humanPage('Move root');
    const tree = makeTree(13, { prefix: 'moved' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const live = await liveUnder(root);
    const page = live.find((p) => p.title === 'moved page 3')!;
    const otherSection = live.find((p) => p.title === 'moved section 2')!;
    // Moved in the Confluence UI: no new version (the sandbox's Cloud move route does the same).
    const move = await sandbox.api('PUT', `/wiki/rest/api/content/${page.id}/move/append/${otherSection.id}`);
    expect(move.status).toBe(200);

    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree);
    expect(result.ok).toBe(true);
    const version = name === 'cloud' ? 1 : 2;
    expect(result.outcomes.find((o) => o.title === 'moved page 3')).toMatchObject({ status: 'updated', version });
    const after = await expectConverged(root, tree);
    expect(after.find((p) => p.id === page.id)!.version.number).toBe(version);
    // Cloud puts it back with a move (no version, no notification); Data Center's REST API has no
    // move, so it takes a page update there.
    expect(versionWrites(await sandbox.requests(since))).toHaveLength(name === 'cloud' ? 0 : 1);
    await expectQuiet(config, tree);
  });

  /** The live page with this title under `rootId`. */
  async function liveByTitle(rootId: string, title: string): Promise<LivePage> {
    return (await liveUnder(rootId)).find((p) => p.title === title)!;
  }

  /** A tree without one of its pages (its source is gone). */
  const without = (tree: PageTree, key: string): PageTree => ({
    ...tree,
    pages: tree.pages.filter((p) => p.key !== key),
  });

  /** A tree published under a root of its own, then its page `key` pruned to the trash: that page as it was. */
  async function publishThenPrune(prefix: string, count: number, key: string) {
    const root = await humanPage(`${prefix} root`);
    const tree = makeTree(count, { prefix });
    const config = sandboxConfig(sandbox, path, { parentId: root, prune: true });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const page = await liveByTitle(root, tree.pages.find((p) => p.key === key)!.title);
    // Both dialects prune to the trash: the API can restore from there, not from the archive.
    const pruned = await new Publisher(config).publish(without(tree, key));
    expect(pruned.outcomes.find((o) => o.key === key)).toMatchObject({ status: 'trashed' });
    return { root, tree, config, page };
  }

  it('a restore that stops after bringing the page back, before its new content: the next run writes the content', async () => {
    const { root, tree, config, page } = await publishThenPrune('halfback', 4, 'halfback/s1/p3');
    const changed = {
      pages: tree.pages.map((p) =>
        p.key === 'halfback/s1/p3' ? { ...p, markdown: `${p.markdown}\nWritten after the page was pruned.\n` } : p,
      ),
    };
    // The restore's first write lands (Cloud restores the status only); every later write of the page fails.
    const pageWrite = path ? `^/wiki/api/v2/pages/${page.id}$` : `^/rest/api/content/${page.id}$`;
    await sandbox.faults([{ fault: 'status', status: 500, method: 'PUT', path: pageWrite, after: 1 }]);
    await new Publisher({ ...config, transport: { retries: 0 } }).publish(changed);
    await sandbox.clearFaults();
    const result = await new Publisher(config).publish(changed);
    expect(result.ok).toBe(true);
    const live = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${page.id}?expand=body.storage`,
    );
    expect(live.body.body.storage.value).toContain('Written after the page was pruned.');
    await expectConverged(root, changed);
    await expectQuiet(config, changed);
  });

  it('docgen prunes a page, then the source brings it back: restored from the trash (same id, history kept), no duplicate', async () => {
    const { root, tree, config, page: before } = await publishThenPrune('pruneback', 13, 'pruneback/s2/p12');

    // The dry run sees the trash: the page comes back, it is not created.
    const dryFrom = await sandbox.lastSeq();
    const dry = await new Publisher(config).publish(tree, { dryRun: true });
    expect(dry.plan).toMatchObject({ restore: 1, create: 0, conflict: 0 });
    expect((await sandbox.requests(dryFrom)).filter(isWrite)).toEqual([]);
    const planned = await new Publisher(config).plan(tree);
    expect(planned.plan.operations.find((op) => op.key === 'pruneback/s2/p12')).toMatchObject({
      action: 'restore',
      pageId: before.id,
      reason: 'docgen pruned it from this root',
    });

    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree, { planned });
    expect(result.ok).toBe(true);
    expect(result.counts).toMatchObject({ restored: 1, created: 0 });
    // The apply does what the plan said: a restore of the same page, no create tried at all.
    expect(result.outcomes.find((o) => o.key === 'pruneback/s2/p12')).toMatchObject({
      action: 'restore',
      status: 'restored',
      pageId: before.id,
    });
    expect(
      (await sandbox.requests(since)).filter((r) => r.method === 'POST' && /\/(pages|content)$/.test(r.path)),
    ).toHaveLength(0);
    const live = await expectConverged(root, tree);
    const after = live.find((p) => p.id === before.id)!;
    expect(after.version.number).toBeGreaterThan(before.version.number);
    const first = await sandbox.api('GET', `/rest/api/content/${before.id}?version=1`);
    expect(first.status).toBe(200);
    await expectQuiet(config, tree);
  });

  it('--diff of a restore: the version in the trash against the body docgen brings back, one read, no write', async () => {
    const { root, tree, config, page } = await publishThenPrune('restorediff', 4, 'restorediff/s1/p3');
    // The source comes back changed: the restore writes a new body over the one in the trash.
    const changed = {
      pages: tree.pages.map((p) =>
        p.key === 'restorediff/s1/p3' ? { ...p, markdown: p.markdown!.replace('Some text', 'Restored text') } : p,
      ),
    };
    const publisher = new Publisher(config);
    const planned = await publisher.plan(changed);
    const restore = planned.plan.operations.find((op) => op.key === 'restorediff/s1/p3')!;
    expect(restore).toMatchObject({ action: 'restore', pageId: page.id });

    const since = await sandbox.lastSeq();
    const diffs = await publisher.diffs(planned);
    expect(diffs.map((d) => [d.key, d.action])).toEqual([['restorediff/s1/p3', 'restore']]);
    const lines = diffs[0]!.diff.split('\n');
    expect(lines[0]).toBe(`--- confluence/restorediff page 3\tin the trash, version ${restore.remote!.version.number}`);
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^-.*Some text/), expect.stringMatching(/^\+.*Restored text/)]),
    );
    // One read of the page in the trash (asked for by its status: v1 reads current pages only by default).
    const reads = await sandbox.requests(since);
    expect(reads.map((r) => [r.method, r.status, new URLSearchParams(r.query).get('status')])).toEqual([
      ['GET', 200, 'trashed'],
    ]);

    // A page a person deleted is a conflict; its diff is read from the trash too, not a 404 that fails the dry run.
    const other = await liveByTitle(root, 'restorediff page 2');
    expect((await sandbox.api('DELETE', `/rest/api/content/${other.id}`)).status).toBe(204);
    const edited = {
      pages: changed.pages.map((p) =>
        p.key === 'restorediff/s1/p2' ? { ...p, markdown: p.markdown!.replace('Some text', 'Edited text') } : p,
      ),
    };
    const conflicted = await new Publisher({ ...config, prune: false }).plan(edited);
    expect(conflicted.plan.operations.find((op) => op.key === 'restorediff/s1/p2')).toMatchObject({
      action: 'conflict',
      conflict: 'deleted',
    });
    const conflictDiffs = await new Publisher(config).diffs(conflicted);
    expect(conflictDiffs.find((d) => d.key === 'restorediff/s1/p2')?.diff).toMatch(/in the trash[^]*\+.*Edited text/);
  });

  it('a prune the server refuses leaves no prune mark behind on the page, which stays', async () => {
    const root = await humanPage('Refused prune root');
    const tree = makeTree(3, { prefix: 'refusedprune' });
    const config = sandboxConfig(sandbox, path, { parentId: root, prune: true });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const page = await liveByTitle(root, 'refusedprune page 2');
    await sandbox.faults([{ fault: 'status', status: 403, method: 'DELETE' }]);
    const result = await new Publisher(config).publish(without(tree, 'refusedprune/s1/p2'));
    await sandbox.clearFaults();
    expect(result.outcomes.find((o) => o.key === 'refusedprune/s1/p2')).toMatchObject({ status: 'failed' });
    const property = await sandbox.api<{ value: Record<string, unknown> }>(
      'GET',
      `/rest/api/content/${page.id}/property/docgen`,
    );
    expect(property.body.value).toMatchObject({ key: 'refusedprune/s1/p2' });
    expect(property.body.value).not.toHaveProperty('pruned');
  });

  it('a person deletes a page (to the trash): a conflict that says so and what to do; --force restores it', async () => {
    const root = await humanPage('Delete root');
    const tree = makeTree(13, { prefix: 'deleted' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const section = await liveByTitle(root, 'deleted section 1');
    expect((await sandbox.api('DELETE', `/rest/api/content/${section.id}`)).status).toBe(204);

    const message = `docgen's page ${section.id} ("deleted section 1") is in the trash and holds its title: a person deleted it (docgen did not prune it). Restore it in Confluence (docgen takes it back by its key), purge it from the trash to have docgen create it anew, or run with --force to have docgen restore it`;
    // The plan (and so the dry run) shows the conflict and its fix before anything is written.
    const dryFrom = await sandbox.lastSeq();
    const dry = await new Publisher(config).publish(tree, { dryRun: true });
    expect(dry.ok).toBe(false);
    expect(dry.plan).toMatchObject({ create: 0, restore: 0, conflict: 1, blocked: 9 });
    expect((await sandbox.requests(dryFrom)).filter(isWrite)).toEqual([]);
    const planned = await new Publisher(config).plan(tree);
    expect(planned.plan.operations.find((op) => op.key === 'deleted/s1')).toMatchObject({
      action: 'conflict',
      conflict: 'deleted',
      pageId: section.id,
      reason: message,
      fix: expect.stringContaining('--force'),
    });
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree, { planned });
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.key === 'deleted/s1')).toMatchObject({ status: 'conflict', message });
    // Its pages wait for it instead of being published somewhere else; nothing is created.
    expect(result.outcomes.filter((o) => o.blockedBy === 'deleted/s1')).toHaveLength(9);
    expect((await sandbox.requests(since)).filter((r) => r.method === 'POST')).toEqual([]);

    const forcedPlan = await new Publisher({ ...config, force: true }).plan(tree);
    expect(forcedPlan.counts).toMatchObject({ restore: 1, conflict: 0, blocked: 0 });
    const forced = await new Publisher({ ...config, force: true }).publish(tree);
    expect(forced.ok).toBe(true);
    expect(forced.outcomes.find((o) => o.key === 'deleted/s1')).toMatchObject({
      status: 'restored',
      pageId: section.id,
    });
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it('onConflict: skip leaves a page a person deleted in the trash: reported, its pages held back, the run passes', async () => {
    const root = await humanPage('Skip deleted root');
    const tree = makeTree(5, { prefix: 'skipdel' });
    const config = sandboxConfig(sandbox, path, { parentId: root, onConflict: 'skip' });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const section = await liveByTitle(root, 'skipdel section 1');
    expect((await sandbox.api('DELETE', `/rest/api/content/${section.id}`)).status).toBe(204);

    const dry = await new Publisher(config).publish(tree, { dryRun: true });
    expect(dry.ok).toBe(true);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree);
    expect(result.ok).toBe(true);
    expect(result.outcomes.find((o) => o.key === 'skipdel/s1')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('a person deleted it'),
    });
    expect(result.outcomes.filter((o) => o.blockedBy === 'skipdel/s1').map((o) => o.status)).toEqual(
      expect.arrayContaining(['skipped']),
    );
    expect(result.counts).toMatchObject({ conflicts: 0, failed: 0 });
    // Nothing brought back, nothing created in its place.
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
    expect((await liveUnder(root)).some((p) => p.title === 'skipdel section 1')).toBe(false);
  });

  it('onConflict: skip, a deleted page the plan could not see: met in the run, skipped, not failed', async () => {
    const root = await humanPage('Skip unseen root');
    const tree = makeTree(5, { prefix: 'skipunseen' });
    const config = sandboxConfig(sandbox, path, { parentId: root, onConflict: 'skip' });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const section = await liveByTitle(root, 'skipunseen section 1');
    expect((await sandbox.api('DELETE', `/rest/api/content/${section.id}`)).status).toBe(204);
    // The plan's listing of the trash is refused, so the page is planned as a create; the create's
    // refusal is what finds it in the trash.
    await sandbox.faults([{ fault: 'status', status: 403, method: 'GET', path: '/(pages|content)$', count: 1 }]);
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(result.outcomes.find((o) => o.key === 'skipunseen/s1')).toMatchObject({
      action: 'create',
      status: 'skipped',
      message: expect.stringContaining('a person deleted it'),
    });
    expect(result.counts).toMatchObject({ conflicts: 0, failed: 0 });
    expect(result.ok).toBe(true);
    expect((await liveUnder(root)).some((p) => p.title === 'skipunseen section 1')).toBe(false);
  });

  it("another's page in the trash holds a title: a conflict naming it; purged, the next run creates the page", async () => {
    const root = await humanPage('Trash-held root');
    const tree = makeTree(3, { prefix: 'trashheld' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const theirs = await humanPage('trashheld page 2');
    expect((await sandbox.api('DELETE', `/rest/api/content/${theirs}`)).status).toBe(204);

    const planned = await new Publisher(config).plan(tree);
    expect(planned.plan.operations.find((op) => op.key === 'trashheld/s1/p2')).toMatchObject({
      action: 'conflict',
      conflict: 'title-taken',
      pageId: theirs,
    });
    const result = await new Publisher(config).publish(tree, { planned });
    expect(result.outcomes.find((o) => o.key === 'trashheld/s1/p2')).toMatchObject({
      status: 'conflict',
      message: `no current page of the space has the title "trashheld page 2", but page ${theirs} in the trash, which docgen does not own, holds it. Restore that page (a page docgen published is taken back once it is under the managed root again), purge it from the trash, or give docgen's page another title`,
    });
    expect((await sandbox.api('DELETE', `/rest/api/content/${theirs}?status=trashed`)).status).toBe(204);
    const again = await new Publisher(config).publish(tree);
    expect(again.ok).toBe(true);
    expect(again.outcomes.find((o) => o.key === 'trashheld/s1/p2')).toMatchObject({ status: 'created' });
    await expectConverged(root, tree);
    await expectQuiet(config, tree);
  });

  it('the managed root is gone (deleted by a person): a clear error naming it, before any write', async () => {
    const root = await humanPage('Root to delete');
    const tree = makeTree(3, { prefix: 'rootless' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    expect((await sandbox.api('DELETE', `/rest/api/content/${root}`)).status).toBe(204);
    const since = await sandbox.lastSeq();
    await expect(new Publisher(config).publish(tree)).rejects.toMatchObject({
      code: 'DG_CONFLUENCE_ROOT',
      // Data Center's read does not show a trashed page; Cloud's v2 read does, with its status.
      message:
        name === 'cloud'
          ? `parent page ${root} ("Root to delete") is in the trash, not a page to publish under`
          : `parent page ${root} not found (or the user may not view it)`,
    });
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  });

  it('a title Confluence refuses that no current page has (held by the trash or the archive): one try, a conflict that says so', async () => {
    const root = await humanPage('Held title root');
    const tree = makeTree(3, { prefix: 'held' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    // Real Confluence keeps the titles of trashed and archived pages; the sandbox frees them, so
    // its refusal is played by a fault, in Confluence's words.
    await sandbox.faults([
      {
        fault: 'status',
        status: 400,
        message: 'A page with this title already exists: A page already exists with the same TITLE in this space',
        method: 'POST',
        path: '/(pages|content)$',
        count: 1,
      },
    ]);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(result.outcomes.find((o) => o.key === 'held')).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(
        /^Confluence refuses the title "HELD Home" \(.*400.*A page with this title already exists.*\), but no current page of the space has it: a page in the trash or the archive holds it\. Restore that page/,
      ),
    });
    expect(result.outcomes.filter((o) => o.key !== 'held').map((o) => [o.status, o.blockedBy])).toEqual([
      ['skipped', 'held'],
      ['skipped', 'held'],
    ]);
    // Asked once, not again and again.
    expect((await sandbox.requests(since)).filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a server that will not list its trash: the refused title is still one conflict, not a failure', async () => {
    const root = await humanPage('Unlisted trash root');
    const tree = makeTree(3, { prefix: 'unlisted' });
    const config = sandboxConfig(sandbox, path, { parentId: root });
    const theirs = await humanPage('unlisted page 2');
    expect((await sandbox.api('DELETE', `/rest/api/content/${theirs}`)).status).toBe(204);
    // The plan's listing of the trash is refused (and the plan goes on without it); after the
    // create's refusal, the read for a current page of that title passes and the look-up in the
    // trash is refused again.
    await sandbox.faults([
      { fault: 'status', status: 403, method: 'GET', path: '/(pages|content)$', count: 1 },
      { fault: 'status', status: 403, method: 'GET', path: '/(pages|content)$', after: 2 },
    ]);
    const result = await new Publisher(config).publish(tree);
    await sandbox.clearFaults();
    expect(result.outcomes.find((o) => o.key === 'unlisted/s1/p2')).toMatchObject({
      status: 'conflict',
      message: expect.stringContaining(
        'no current page of the space has it: a page in the trash or the archive holds it',
      ),
    });
  });

  it('a page a person archived comes back as a conflict: the API cannot restore from the archive', async () => {
    if (name !== 'cloud') return; // Data Center's REST API has no page archive
    const root = await humanPage('Archived-back root');
    const tree = makeTree(3, { prefix: 'archback' });
    const config = sandboxConfig(sandbox, path, { parentId: root, prune: true });
    expect((await new Publisher(config).publish(tree)).ok).toBe(true);
    const page = await liveByTitle(root, 'archback page 2');
    const archived = await sandbox.api('POST', '/wiki/rest/api/content/archive', { pages: [{ id: Number(page.id) }] });
    expect(archived.status).toBeLessThan(300);
    const result = await new Publisher(config).publish(tree);
    expect(result.outcomes.find((o) => o.key === 'archback/s1/p2')).toMatchObject({
      status: 'conflict',
      message: `docgen's page ${page.id} ("archback page 2") is in the archive and holds its title: a person archived it, and the API has no restore from the archive. Restore it in Confluence (docgen takes it back by its key), or delete and purge it to have docgen create it anew`,
    });
  });
});
