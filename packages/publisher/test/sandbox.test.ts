import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contentHash } from '@docgen/core';
import { Publisher, type PublisherConfig } from '../src/index.js';
import { isWrite, makeTree, sandboxConfig, testSandbox, TOKEN, USER, type TestSandbox } from './helpers.js';

/**
 * The Must-show list against the real sandbox over HTTP, once per dialect: Cloud (v2 pages,
 * v1 leftovers) under /wiki, and Data Center (v1) under the root.
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'datacenter', path: '' },
] as const;

describe.each(dialects)('publish to the sandbox ($name)', ({ name, path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  const PAGES = 34;

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
  });
  afterAll(() => sandbox.close());

  const publish = (tree = makeTree(PAGES), extra: Partial<PublisherConfig> = {}) =>
    new Publisher({ ...config, ...extra }).publish(tree);

  async function remoteTree(): Promise<Map<string, { id: string; title: string; parentId?: string }>> {
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const out = new Map<string, { id: string; title: string; parentId?: string }>();
    let next: string | undefined =
      `/rest/api/content/search?cql=${encodeURIComponent(`ancestor = ${space.body.homepage.id}`)}&limit=100&expand=ancestors`;
    while (next) {
      const { body } = await sandbox.api<{
        results: Array<{ id: string; title: string; ancestors: Array<{ id: string }> }>;
        _links: { next?: string };
      }>('GET', next);
      for (const r of body.results) out.set(r.title, { id: r.id, title: r.title, parentId: r.ancestors.at(-1)?.id });
      next = body._links.next && `/rest/api${body._links.next.replace(/^\/rest\/api/, '')}`;
    }
    return out;
  }

  it('publishes a tree with attachments into the right hierarchy', async () => {
    const since = await sandbox.lastSeq();
    const result = await publish();
    expect(result.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(result.counts.created).toBe(PAGES);
    const writes = (await sandbox.requests(since)).filter(isWrite).length;
    const withFiles = makeTree(PAGES).pages.filter((p) => p.attachments.length > 0).length;
    // Cloud: create, labels, property per page (v2 creates carry neither), plus the uploads.
    // Data Center: one create carries labels and property; pages with files add upload + property.
    expect(writes).toBe(name === 'cloud' ? 3 * PAGES + withFiles : PAGES + 2 * withFiles);
    const remote = await remoteTree();
    const tree = makeTree(PAGES);
    const byKey = new Map(tree.pages.map((p) => [p.key, p]));
    for (const page of tree.pages) {
      const live = remote.get(page.title);
      expect(live).toBeDefined();
      if (page.parentKey) expect(live!.parentId).toBe(remote.get(byKey.get(page.parentKey)!.title)!.id);
    }
    const withAttachment = tree.pages.find((p) => p.attachments.length > 0)!;
    const atts = await sandbox.api<{ results: Array<{ title: string }> }>(
      'GET',
      `/rest/api/content/${remote.get(withAttachment.title)!.id}/child/attachment`,
    );
    expect(atts.body.results.map((a) => a.title)).toEqual([withAttachment.attachments[0].fileName]);
  });

  it('re-run: zero writes, at most ceil(pages/250)+3 reads', async () => {
    const since = await sandbox.lastSeq();
    const result = await publish();
    const log = await sandbox.requests(since);
    expect(log.filter(isWrite)).toEqual([]);
    expect(result.counts.unchanged).toBe(PAGES);
    // The space, then one CQL listing per 250 pages with docgen's property expanded.
    expect(log.length).toBeLessThanOrEqual(Math.ceil(PAGES / 250) + 3);
    expect(result.requests).toMatchObject({ writes: 0, reads: log.length });
  });

  it('one changed source → exactly one page updated, as a versioned minor edit', async () => {
    const tree = makeTree(PAGES, {
      edit: (p) => (p.key === 'docs/s1/p2' ? { ...p, markdown: `${p.markdown}\nA new paragraph.\n` } : p),
    });
    const since = await sandbox.lastSeq();
    const result = await publish(tree);
    expect(result.counts).toMatchObject({ updated: 1, unchanged: PAGES - 1, created: 0 });
    const writes = (await sandbox.requests(since)).filter(isWrite);
    const pageWrites = writes.filter((w) => /\/(pages|content)\/\d+$/.test(w.path));
    expect(pageWrites).toHaveLength(1);
    const updated = result.outcomes.find((o) => o.status === 'updated')!;
    const live = await sandbox.api<{ version: { number: number; message: string } }>(
      'GET',
      `/rest/api/content/${updated.pageId}?expand=version`,
    );
    expect(live.body.version.number).toBe(2);
    expect(live.body.version.message).toMatch(/^docgen: body \[h:[0-9a-f]{16}\]$/);
  });

  it('rename keeps the page id', async () => {
    const before = (await remoteTree()).get('docs page 3')!;
    const tree = makeTree(PAGES, { edit: (p) => (p.key === 'docs/s1/p3' ? { ...p, title: 'Renamed page three' } : p) });
    const result = await publish(tree);
    expect(result.outcomes.find((o) => o.key === 'docs/s1/p3')).toMatchObject({
      action: 'rename',
      status: 'updated',
      pageId: before.id,
    });
    const after = await remoteTree();
    expect(after.get('Renamed page three')?.id).toBe(before.id);
    expect(after.has('docs page 3')).toBe(false);
  });

  it('a removed source is reported, then trashed with --prune', async () => {
    const full = makeTree(PAGES, { edit: (p) => (p.key === 'docs/s1/p3' ? { ...p, title: 'Renamed page three' } : p) });
    const smaller = { pages: full.pages.filter((p) => p.key !== 'docs/s1/p4') };
    const orphanId = (await remoteTree()).get('docs page 4')!.id;
    const report = await publish(smaller);
    expect(report.outcomes.find((o) => o.key === 'docs/s1/p4')).toMatchObject({ status: 'orphan', pageId: orphanId });
    expect((await remoteTree()).has('docs page 4')).toBe(true);
    const pruned = await publish(smaller, { prune: true });
    expect(pruned.outcomes.find((o) => o.key === 'docs/s1/p4')?.status).toBe('trashed');
    expect((await remoteTree()).has('docs page 4')).toBe(false);
    expect(pruned.counts.unchanged).toBe(PAGES - 1);
  });

  it('a doc set published under a name made of its keys (before docgen named it after its repository) is taken over: its record only, no page version', async () => {
    const tree = makeTree(8, { prefix: 'keyed' });
    const before = await publish(tree);
    expect(before.counts.created).toBe(8);
    const since = await sandbox.lastSeq();
    const renamed = await publish(tree, { docSet: 'github.com/acme/shop' });
    expect(renamed.counts).toMatchObject({ created: 0, updated: 8, recordOnly: 8, conflicts: 0 });
    const writes = (await sandbox.requests(since)).filter(isWrite);
    expect(writes.length).toBe(8);
    expect(writes.every((w) => /propert/.test(w.path))).toBe(true);
    const again = await publish(tree, { docSet: 'github.com/acme/shop' });
    expect(again.counts).toMatchObject({ unchanged: 8, updated: 0 });
    expect(again.requests.writes).toBe(0);
    // Named now: a run under its keys' name no longer takes it for its own (that name may be another repository's):
    // the top page is a title conflict, the pages under it wait for it.
    const keyed = await publish(tree);
    expect(keyed.counts).toMatchObject({ conflicts: 1, skipped: 7, updated: 0, created: 0 });
  });

  it('a same-titled page docgen does not own is never adopted or touched', async () => {
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const human = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title: 'Team notes',
      space: { key: 'DEV' },
      ancestors: [{ id: space.body.homepage.id }],
      body: { storage: { value: "<p>ours, not docgen's</p>", representation: 'storage' } },
    });
    expect(human.status).toBe(200);
    const base = makeTree(PAGES, { edit: (p) => (p.key === 'docs/s1/p3' ? { ...p, title: 'Renamed page three' } : p) });
    const tree = {
      pages: [
        ...base.pages.filter((p) => p.key !== 'docs/s1/p4'),
        {
          key: 'docs/notes',
          title: 'Team notes',
          parentKey: 'docs',
          labels: [],
          markdown: 'generated',
          attachments: [],
        },
      ],
    };
    const result = await publish(tree);
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.key === 'docs/notes')).toMatchObject({ status: 'conflict' });
    const after = await sandbox.api<{
      version: { number: number };
      body: { storage: { value: string } };
      ancestors: Array<{ id: string }>;
    }>('GET', `/rest/api/content/${human.body.id}?expand=version,body.storage,ancestors`);
    expect(after.body.version.number).toBe(1);
    expect(after.body.body.storage.value).toBe("<p>ours, not docgen's</p>");
    expect(after.body.ancestors.at(-1)?.id).toBe(space.body.homepage.id);
    const props = await sandbox.api<{ results: unknown[] }>('GET', `/rest/api/content/${human.body.id}/property`);
    expect(props.body.results).toEqual([]);
  });

  it('a human edit is a conflict: not overwritten, run not ok; --force overwrites', async () => {
    const tree = makeTree(PAGES, {
      edit: (p) =>
        p.key === 'docs/s1/p3'
          ? { ...p, title: 'Renamed page three' }
          : p.key === 'docs/s1/p5'
            ? { ...p, markdown: 'docgen wants this' }
            : p,
    });
    const smaller = { pages: tree.pages.filter((p) => p.key !== 'docs/s1/p4') };
    const target = (await remoteTree()).get('docs page 5')!;
    const live = await sandbox.api<{ version: { number: number }; title: string }>(
      'GET',
      `/rest/api/content/${target.id}?expand=version`,
    );
    const humanBody = '<p>A human fixed this by hand.</p>';
    const edit = await sandbox.api('PUT', `/rest/api/content/${target.id}`, {
      type: 'page',
      title: live.body.title,
      body: { storage: { value: humanBody, representation: 'storage' } },
      version: { number: live.body.version.number + 1 },
    });
    expect(edit.status).toBe(200);

    const result = await publish(smaller);
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.key === 'docs/s1/p5')).toMatchObject({ status: 'conflict' });
    const after = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${target.id}?expand=body.storage`,
    );
    expect(after.body.body.storage.value).toBe(humanBody);

    const forced = await publish(smaller, { force: true });
    expect(forced.ok).toBe(true);
    const overwritten = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${target.id}?expand=body.storage`,
    );
    expect(overwritten.body.body.storage.value).toContain('docgen wants this');
    const since = await sandbox.lastSeq();
    expect((await publish(smaller)).counts.unchanged).toBe(PAGES - 1);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  });
});

describe('publisher details against the sandbox', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  it('a v1 create whose metadata is not stored (the Cloud v1 path, its spec documents none): labels and property written after it', async () => {
    // The v1 dialect on the sandbox's Cloud v1 routes (as a Data Center site served under /wiki
    // would be reached): the create is sent with `metadata`, which these routes do not store.
    const config = sandboxConfig(sandbox, '/wiki', { flavor: 'datacenter' });
    const tree = makeTree(3, { prefix: 'nometa' });
    const since = await sandbox.lastSeq();
    const first = await new Publisher(config).publish(tree);
    expect(first.counts).toMatchObject({ created: 3, failed: 0 });
    const writes = (await sandbox.requests(since))
      .filter(isWrite)
      .map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')}`);
    expect(writes.filter((w) => w === 'POST /wiki/rest/api/content')).toHaveLength(3);
    expect(writes.filter((w) => w === 'POST /wiki/rest/api/content/N/label')).toHaveLength(3);
    expect(writes.filter((w) => w === 'POST /wiki/rest/api/content/N/property')).toHaveLength(3);
    const again = await new Publisher(config).publish(tree);
    expect(again.counts.unchanged).toBe(3);
    expect(again.requests.writes).toBe(0);
  });
  it('Data Center with a personal access token (Bearer) and a managed root by title', async () => {
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const root = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title: 'Reference',
      space: { key: 'DEV' },
      ancestors: [{ id: space.body.homepage.id }],
      body: { storage: { value: '<p>root</p>', representation: 'storage' } },
    });
    const result = await new Publisher({
      url: sandbox.url,
      token: TOKEN,
      spaceKey: 'DEV',
      parentTitle: 'Reference',
    }).publish(makeTree(5, { prefix: 'pat' }));
    expect(result.ok).toBe(true);
    expect(result.rootId).toBe(root.body.id);
    const home = await sandbox.api<{ ancestors: Array<{ id: string }> }>(
      'GET',
      `/rest/api/content/${result.outcomes.find((o) => o.key === 'pat')!.pageId}?expand=ancestors`,
    );
    expect(home.body.ancestors.at(-1)?.id).toBe(root.body.id);
  });

  it('Data Center: a page a script moved through the REST API (a version, the same body) is moved back, not a human edit', async () => {
    const config = sandboxConfig(sandbox, '');
    const tree = makeTree(5, { prefix: 'moved' });
    const first = await new Publisher(config).publish(tree);
    const id = (key: string) => first.outcomes.find((o) => o.key === key)!.pageId!;
    const page = await sandbox.api<{
      title: string;
      version: { number: number };
      body: { storage: { value: string } };
    }>('GET', `/rest/api/content/${id('moved/s1/p2')}?expand=version,body.storage`);
    // A move is a content PUT on Data Center: the body as it is, another parent, the next version.
    const moved = await sandbox.api('PUT', `/rest/api/content/${id('moved/s1/p2')}`, {
      type: 'page',
      title: page.body.title,
      ancestors: [{ id: id('moved') }],
      version: { number: page.body.version.number + 1 },
      body: { storage: { value: page.body.body.storage.value, representation: 'storage' } },
    });
    expect(moved.status).toBe(200);
    const again = await new Publisher(config).publish(tree);
    expect(again.counts).toMatchObject({ conflicts: 0, failed: 0 });
    expect(again.outcomes.find((o) => o.key === 'moved/s1/p2')).toMatchObject({ status: 'updated' });
    const back = await sandbox.api<{ ancestors: Array<{ id: string }> }>(
      'GET',
      `/rest/api/content/${id('moved/s1/p2')}?expand=ancestors`,
    );
    expect(back.body.ancestors.at(-1)?.id).toBe(id('moved/s1'));
    const third = await new Publisher(config).publish(tree);
    expect(third.requests.writes).toBe(0);
  });

  it('Data Center: a person’s rename with the body untouched stays a human edit (a conflict), not taken back', async () => {
    const config = sandboxConfig(sandbox, '');
    const tree = makeTree(3, { prefix: 'renamed' });
    const first = await new Publisher(config).publish(tree);
    const pageId = first.outcomes.find((o) => o.key === 'renamed/s1/p2')!.pageId!;
    const page = await sandbox.api<{
      title: string;
      version: { number: number };
      body: { storage: { value: string } };
    }>('GET', `/rest/api/content/${pageId}?expand=version,body.storage`);
    await sandbox.api('PUT', `/rest/api/content/${pageId}`, {
      type: 'page',
      title: 'A better title, by a person',
      version: { number: page.body.version.number + 1 },
      body: { storage: { value: page.body.body.storage.value, representation: 'storage' } },
    });
    const again = await new Publisher(config).publish(tree);
    expect(again.outcomes.find((o) => o.key === 'renamed/s1/p2')).toMatchObject({ status: 'conflict' });
  });

  it('a 409 from a concurrent human edit during the write is a conflict, not a retry over it', async () => {
    const config = { url: `${sandbox.url}/wiki`, user: USER, token: TOKEN, spaceKey: 'DEV' };
    await new Publisher(config).publish(makeTree(5, { prefix: 'race' }));
    const changed = makeTree(5, {
      prefix: 'race',
      edit: (p) => (p.key === 'race/s1/p2' ? { ...p, markdown: 'new' } : p),
    });
    await sandbox.faults([{ fault: 'race', method: 'PUT', path: '^/wiki/api/v2/pages/\\d+$', count: 1 }]);
    const result = await new Publisher(config).publish(changed);
    await sandbox.clearFaults();
    const outcome = result.outcomes.find((o) => o.key === 'race/s1/p2')!;
    expect(outcome.status).toBe('conflict');
    expect(outcome.message).toContain('edited in Confluence while docgen was writing');
    const live = await sandbox.api<{ version: { message: string } }>(
      'GET',
      `/rest/api/content/${outcome.pageId}?expand=version`,
    );
    expect(live.body.version.message).toBe('concurrent edit (sandbox fault)');
  });

  it("labels: adds new ones, removes only those docgen added, keeps a human's", async () => {
    const config = { url: `${sandbox.url}/wiki`, user: USER, token: TOKEN, spaceKey: 'DEV' };
    const first = await new Publisher(config).publish(makeTree(3, { prefix: 'lab' }));
    const id = first.outcomes.find((o) => o.key === 'lab/s1/p2')!.pageId!;
    await sandbox.api('POST', `/rest/api/content/${id}/label`, [{ prefix: 'global', name: 'human-tag' }]);
    const relabelled = makeTree(3, {
      prefix: 'lab',
      edit: (p) => (p.key === 'lab/s1/p2' ? { ...p, labels: ['reference'] } : p),
    });
    const second = await new Publisher(config).publish(relabelled);
    expect(second.outcomes.find((o) => o.key === 'lab/s1/p2')).toMatchObject({ action: 'update', status: 'updated' });
    const labels = await sandbox.api<{ results: Array<{ name: string }> }>('GET', `/rest/api/content/${id}/label`);
    expect(labels.body.results.map((l) => l.name).sort()).toEqual(['human-tag', 'reference']);
    const versions = await sandbox.api<{ version: { number: number } }>(
      'GET',
      `/rest/api/content/${id}?expand=version`,
    );
    expect(versions.body.version.number).toBe(1);
  });

  it('new siblings appear in tree order (position first), even with concurrent writes', async () => {
    const config = { url: `${sandbox.url}/wiki`, user: USER, token: TOKEN, spaceKey: 'DEV', concurrency: 8 };
    const base = makeTree(12, { prefix: 'ord' });
    // Reverse the content pages of section 1 with explicit positions.
    const tree = {
      pages: base.pages.map((p) =>
        p.parentKey === 'ord/s1' ? { ...p, position: 100 - Number(p.key.split('/p')[1]) } : p,
      ),
    };
    const result = await new Publisher(config).publish(tree);
    expect(result.ok).toBe(true);
    const sectionId = result.outcomes.find((o) => o.key === 'ord/s1')!.pageId;
    const children = await sandbox.api<{ results: Array<{ title: string }> }>(
      'GET',
      `/wiki/api/v2/pages/${sectionId}/direct-children?limit=50`,
    );
    const expected = tree.pages
      .filter((p) => p.parentKey === 'ord/s1')
      .sort((a, b) => a.position! - b.position!)
      .map((p) => p.title);
    expect(children.body.results.map((c) => c.title)).toEqual(expected);
  });
});

describe('a server that ignores expand=metadata.properties.docgen', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  it('costs one property read per page, and still writes nothing on a re-run', async () => {
    // A proxy (or an old server) that drops the expanded properties from every listing.
    const stripping: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/content/search')) return response;
      const body = (await response.json()) as { results?: Array<{ metadata?: { properties?: unknown } }> };
      for (const result of body.results ?? []) delete result.metadata?.properties;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const config = { url: sandbox.url, user: USER, token: TOKEN, spaceKey: 'DEV', transport: { fetch: stripping } };
    const tree = makeTree(8, { prefix: 'legacy' });
    expect((await new Publisher(config).publish(tree)).counts.created).toBe(8);
    const since = await sandbox.lastSeq();
    const again = await new Publisher(config).publish(tree);
    const log = await sandbox.requests(since);
    expect(again.counts.unchanged).toBe(8);
    expect(log.filter(isWrite)).toEqual([]);
    expect(log.filter((r) => /\/property\/docgen$/.test(r.path))).toHaveLength(8);
  });
});

describe.each(dialects)('stale attachments ($name)', ({ name, path }) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  const file = (fileName: string, text: string) => {
    const data = new TextEncoder().encode(text);
    return { fileName, mediaType: 'text/plain', contentHash: contentHash(data), data };
  };

  it("removes the files docgen uploaded that the page no longer has, never a human's", async () => {
    const config = { url: `${sandbox.url}${path}`, user: USER, token: TOKEN, spaceKey: 'DEV' };
    const withFiles = (files: ReturnType<typeof file>[]) =>
      makeTree(3, {
        prefix: `att${name}`,
        edit: (p) => (p.key === `att${name}/s1/p2` ? { ...p, attachments: files } : p),
      });
    const first = await new Publisher(config).publish(withFiles([file('keep.txt', 'k'), file('old.txt', 'o')]));
    expect(first.ok).toBe(true);
    const id = first.outcomes.find((o) => o.key === `att${name}/s1/p2`)!.pageId!;
    const upload = new FormData();
    upload.set('file', new Blob(['mine']), 'human.txt');
    upload.set('comment', 'uploaded by hand');
    const human = await fetch(`${sandbox.url}/rest/api/content/${id}/child/attachment`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`,
        'X-Atlassian-Token': 'no-check',
      },
      body: upload,
    });
    expect(human.status).toBe(200);
    const names = async () =>
      (
        await sandbox.api<{ results: Array<{ title: string }> }>('GET', `/rest/api/content/${id}/child/attachment`)
      ).body.results
        .map((a) => a.title)
        .sort();

    const since = await sandbox.lastSeq();
    const second = await new Publisher(config).publish(withFiles([file('keep.txt', 'k')]));
    expect(second.outcomes.find((o) => o.key === `att${name}/s1/p2`)).toMatchObject({ status: 'updated' });
    expect(await names()).toEqual(['human.txt', 'keep.txt']);
    const writes = (await sandbox.requests(since)).filter(isWrite);
    // One delete, the property; no upload of the unchanged file, no page version.
    expect(writes.filter((w) => w.method === 'DELETE')).toHaveLength(1);
    expect(writes.filter((w) => /attachment/.test(w.path) && w.method !== 'DELETE')).toEqual([]);
    expect(writes.filter((w) => /\/(pages|content)\/\d+$/.test(w.path) && w.method === 'PUT')).toEqual([]);

    await new Publisher(config).publish(withFiles([]));
    expect(await names()).toEqual(['human.txt']);
    const quiet = await sandbox.lastSeq();
    expect((await new Publisher(config).publish(withFiles([]))).counts.unchanged).toBe(3);
    expect((await sandbox.requests(quiet)).filter(isWrite)).toEqual([]);
  });
});

describe('page order of existing pages, over HTTP', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  const childTitles = async (id: string) =>
    (
      await sandbox.api<{ results: Array<{ title: string }> }>(
        'GET',
        `/wiki/api/v2/pages/${id}/direct-children?limit=50`,
      )
    ).body.results.map((c) => c.title);

  it('Cloud: a changed position re-orders existing siblings with the fewest moves, no new versions', async () => {
    const config = { url: `${sandbox.url}/wiki`, user: USER, token: TOKEN, spaceKey: 'DEV' };
    const base = makeTree(9, { prefix: 'mv' }); // mv, mv/s1, mv/s1/p2 … mv/s1/p8
    const first = await new Publisher(config).publish(base);
    expect(first.ok).toBe(true);
    const section = first.outcomes.find((o) => o.key === 'mv/s1')!.pageId!;
    const titles = base.pages.filter((p) => p.parentKey === 'mv/s1').map((p) => p.title);
    expect(await childTitles(section)).toEqual(titles);

    // Positions first, then tree order: page 8 (-1), page 4 (100), then the rest → two moves.
    const reordered = {
      pages: base.pages.map((p) =>
        p.key === 'mv/s1/p8' ? { ...p, position: -1 } : p.key === 'mv/s1/p4' ? { ...p, position: 100 } : p,
      ),
    };
    const wanted = [titles[6]!, titles[2]!, ...titles.slice(0, 6).filter((t) => t !== titles[2])];
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(reordered);
    expect(result.ok).toBe(true);
    expect(result.counts).toMatchObject({ reordered: 2, unchanged: 9, updated: 0 });
    const writes = (await sandbox.requests(since)).filter(isWrite);
    expect(writes.map((w) => w.method + ' ' + w.path.replace(/\d+/g, 'N'))).toEqual([
      'PUT /wiki/rest/api/content/N/move/before/N',
      'PUT /wiki/rest/api/content/N/move/after/N',
    ]);
    expect(await childTitles(section)).toEqual(wanted);
    for (const outcome of result.outcomes) expect(outcome.version).toBe(1);

    // Settled: the re-run writes nothing.
    const quiet = await sandbox.lastSeq();
    expect((await new Publisher(config).publish(reordered)).counts.reordered).toBe(0);
    expect((await sandbox.requests(quiet)).filter(isWrite)).toEqual([]);

    // A new page wanted between two existing ones: created (last), then one move.
    const inserted = {
      pages: [
        ...reordered.pages,
        { ...reordered.pages.find((p) => p.key === 'mv/s1/p2')!, key: 'mv/s1/new', title: 'mv new page', position: 0 },
      ],
    };
    const third = await new Publisher(config).publish(inserted);
    expect(third.counts).toMatchObject({ created: 1, reordered: 1 });
    expect(await childTitles(section)).toEqual([titles[6]!, 'mv new page', ...wanted.slice(1)]);
  });

  it('Data Center has no page move in its REST API: order of existing pages is left, nothing fails', async () => {
    const config = { url: sandbox.url, user: USER, token: TOKEN, spaceKey: 'DEV' };
    const base = makeTree(5, { prefix: 'dcmv' });
    await new Publisher(config).publish(base);
    const since = await sandbox.lastSeq();
    const moved = { pages: base.pages.map((p) => (p.key === 'dcmv/s1/p4' ? { ...p, position: -1 } : p)) };
    const result = await new Publisher(config).publish(moved);
    expect(result.ok).toBe(true);
    expect(result.counts.reordered).toBe(0);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  });
});

describe.each(dialects)('a title taken outside the managed root ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  const page = async (title: string, parentId: string) => {
    const created = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title,
      space: { key: 'DEV' },
      ancestors: [{ id: parentId }],
      body: { storage: { value: `<p>${title}, written by a person</p>`, representation: 'storage' } },
    });
    expect(created.status).toBe(200);
    return created.body.id;
  };

  it('is a conflict in the plan naming the page and where it is; the rest is published and nothing fails', async () => {
    const space = await sandbox.api<{ homepage: { id: string; title: string } }>(
      'GET',
      '/rest/api/space/DEV?expand=homepage',
    );
    const home = space.body.homepage;
    const managed = await page('Generated docs', home.id);
    const team = await page('Team space', home.id);
    const notes = await page('Release notes', team); // elsewhere in the space, in a human's part of it
    const tree = {
      pages: [
        { key: 'rel', title: 'Releases', labels: [], markdown: '# Releases', attachments: [] },
        { key: 'rel/notes', parentKey: 'rel', title: 'release notes', labels: [], markdown: 'x', attachments: [] },
        { key: 'rel/plan', parentKey: 'rel', title: 'Release plan', labels: [], markdown: 'y', attachments: [] },
      ],
    };
    const publisher = new Publisher(sandboxConfig(sandbox, path, { parentId: managed }));
    const planned = await publisher.plan(tree);
    const conflict = planned.plan.operations.find((op) => op.key === 'rel/notes')!;
    expect(conflict).toMatchObject({ action: 'conflict', conflict: 'title-taken', pageId: notes });
    expect(conflict.reason).toBe(
      `the title is used by page ${notes} (under "${home.title}" › "Team space"), outside the managed root, which docgen does not own: ` +
        "rename one of the two (docgen's with a titlePrefix or its source's title, or that page in Confluence), or archive that page if docgen's is to replace it",
    );
    expect(planned.counts.create).toBe(2);

    const since = await sandbox.lastSeq();
    const result = await publisher.publish(tree, { planned });
    expect(result.ok).toBe(false);
    expect(result.counts).toMatchObject({ created: 2, conflicts: 1, failed: 0 });
    expect(result.outcomes.find((o) => o.key === 'rel/notes')).toMatchObject({ status: 'conflict', pageId: undefined });
    // No write was refused: Confluence's 400 for the title is never asked for.
    expect((await sandbox.requests(since)).filter((r) => r.status >= 400)).toEqual([]);
    const after = await sandbox.api<{ version: { number: number }; ancestors: Array<{ id: string }> }>(
      'GET',
      `/rest/api/content/${notes}?expand=version,ancestors`,
    );
    expect([after.body.version.number, after.body.ancestors.at(-1)?.id]).toEqual([1, team]);

    // A rename onto it is refused in the plan too: the page keeps its title and its place.
    const renamed = {
      pages: tree.pages
        .filter((p) => p.key !== 'rel/notes')
        .map((p) => (p.key === 'rel/plan' ? { ...p, title: 'Release Notes' } : p)),
    };
    const rename = await new Publisher(sandboxConfig(sandbox, path, { parentId: managed })).publish(renamed);
    expect(rename.outcomes.find((o) => o.key === 'rel/plan')).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(/^cannot rename it from "Release plan": the title is used by page \d+ /),
    });
    expect(rename.counts.failed).toBe(0);
  });

  it('holds back the pages under it, saying why and what fixes both; renaming it in the source converges', async () => {
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const managed = await page('Guides root', space.body.homepage.id);
    const elsewhere = await page('Setup', space.body.homepage.id);
    const guide = (setupTitle: string) => ({
      pages: [
        { key: 'guide', title: 'Guides', labels: [], markdown: '# Guides', attachments: [] },
        { key: 'guide/setup', parentKey: 'guide', title: setupTitle, labels: [], markdown: 's', attachments: [] },
        {
          key: 'guide/setup/linux',
          parentKey: 'guide/setup',
          title: 'On Linux',
          labels: [],
          markdown: 'l',
          attachments: [],
        },
        {
          key: 'guide/setup/linux/arm',
          parentKey: 'guide/setup/linux',
          title: 'On ARM',
          labels: [],
          markdown: 'a',
          attachments: [],
        },
        { key: 'guide/faq', parentKey: 'guide', title: 'Guide FAQ', labels: [], markdown: 'f', attachments: [] },
      ],
    });
    const publisher = () => new Publisher(sandboxConfig(sandbox, path, { parentId: managed }));
    let since = await sandbox.lastSeq();
    const first = await publisher().publish(guide('Setup'));
    expect(first.ok).toBe(false);
    expect(first.counts).toMatchObject({ created: 2, conflicts: 1, skipped: 2, failed: 0 });
    expect(first.plan).toMatchObject({ create: 2, conflict: 1, blocked: 2 });
    const outcome = (key: string) => first.outcomes.find((o) => o.key === key);
    expect(outcome('guide/setup/linux')).toMatchObject({
      status: 'skipped',
      blockedBy: 'guide/setup',
      message: expect.stringMatching(
        new RegExp(
          `^not published: its parent guide/setup \\("Setup"\\) is in conflict \\(the title is used by page ${elsewhere}\\)\\. To fix both: rename one of the two`,
        ),
      ),
    });
    expect(outcome('guide/setup/linux/arm')).toMatchObject({
      status: 'skipped',
      blockedBy: 'guide/setup',
      message: expect.stringMatching(/^not published: its ancestor guide\/setup /),
    });
    // Nothing was asked that Confluence would refuse, and nothing was written for the held-back pages.
    expect((await sandbox.requests(since)).filter((r) => r.status >= 400)).toEqual([]);

    // The fix the message names: a title of its own in the source. The next run publishes both, once.
    since = await sandbox.lastSeq();
    const fixed = await publisher().publish(guide('Setup guide'));
    expect(fixed.ok).toBe(true);
    expect(fixed.counts).toMatchObject({ created: 3, unchanged: 2, conflicts: 0, skipped: 0, failed: 0 });
    const titles = await sandbox.api<{ results: Array<{ title: string; ancestors: Array<{ id: string }> }> }>(
      'GET',
      `/rest/api/content/search?cql=${encodeURIComponent(`ancestor = ${managed}`)}&limit=100&expand=ancestors`,
    );
    expect(titles.body.results.map((r) => r.title).sort()).toEqual(
      ['Guides', 'Setup guide', 'On Linux', 'On ARM', 'Guide FAQ'].sort(),
    );
    const idOf = (title: string) => fixed.outcomes.find((o) => o.title === title)!.pageId;
    const parentOf = (title: string) => titles.body.results.find((r) => r.title === title)!.ancestors.at(-1)?.id;
    expect([parentOf('On Linux'), parentOf('On ARM')]).toEqual([idOf('Setup guide'), idOf('On Linux')]);
    since = await sandbox.lastSeq();
    expect((await publisher().publish(guide('Setup guide'))).counts.unchanged).toBe(5);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  });

  it('a title taken between plan and apply: the page is a conflict and the pages under it say so', async () => {
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const managed = await page('Late root', space.body.homepage.id);
    const tree = {
      pages: [
        { key: 'late', title: 'Late docs', labels: [], markdown: '# Late', attachments: [] },
        { key: 'late/child', parentKey: 'late', title: 'Late child', labels: [], markdown: 'c', attachments: [] },
      ],
    };
    const publisher = new Publisher(sandboxConfig(sandbox, path, { parentId: managed }));
    const planned = await publisher.plan(tree);
    expect(planned.counts.create).toBe(2);
    const human = await page('Late docs', space.body.homepage.id); // a person takes the title meanwhile
    const result = await publisher.publish(tree, { planned });
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.key === 'late')).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(
        new RegExp(`^the title "Late docs" is used by page ${human}, which docgen does not own: rename one of the two`),
      ),
    });
    expect(result.outcomes.find((o) => o.key === 'late/child')).toMatchObject({
      status: 'skipped',
      blockedBy: 'late',
      message: expect.stringMatching(/^not published: its parent late \("Late docs"\) is in conflict \(the title/),
    });
    expect(result.counts.failed).toBe(0);
  });

  it('costs one read for every 50 new titles, and none on a re-run that creates nothing', async () => {
    const publisher = () => new Publisher(sandboxConfig(sandbox, path));
    const tree = makeTree(60, { prefix: 'many' });
    const lookups = async (since: number) =>
      (await sandbox.requests(since)).filter((r) => new URLSearchParams(r.query).get('cql')?.includes('title in ('))
        .length;
    let since = await sandbox.lastSeq();
    expect((await publisher().publish(tree)).ok).toBe(true);
    expect(await lookups(since)).toBe(2);
    since = await sandbox.lastSeq();
    expect((await publisher().publish(tree)).counts.unchanged).toBe(60);
    expect(await lookups(since)).toBe(0);
  });
});
