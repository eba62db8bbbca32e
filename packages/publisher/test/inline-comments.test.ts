import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { PageTree } from '@docgen/core';
import { Publisher, type PublisherConfig } from '../src/index.js';
import { isWrite, makeTree, onePageTree, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * Readers' inline comments across docgen's updates, against the real sandbox over HTTP: the
 * sandbox puts a comment's marker into the page body like Confluence (no new version) and resolves
 * a comment whose marker an update drops.
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'datacenter', path: '' },
] as const;

const before = `# Limits

Requests over the rate limit get a 429.

## Retries

Retry on 503 with the **retry budget** in mind. Returns 201.

## Errors

The legacy endpoint answers 410. Returns 201.
`;

const after = `# Limits

Clients back off on their own.

## Retries

Always retry on 503 with the **retry budget** in mind. Returns 201 or 202.

## Errors

Requests over the rate limit get a 429. Returns 201.
`;

interface Comment {
  id: string;
  resolutionStatus: string;
  properties: { inlineMarkerRef: string };
}

/** A reader's inline comment through the sandbox's v2 API, on occurrence `index` of `count` of the selection. */
async function commentOn(
  sandbox: TestSandbox,
  pageId: string,
  textSelection: string,
  count = 1,
  index = 0,
): Promise<Comment> {
  const created = await sandbox.api<Comment>('POST', '/wiki/api/v2/inline-comments', {
    pageId,
    body: { representation: 'storage', value: '<p>Why?</p>' },
    inlineCommentProperties: { textSelection, textSelectionMatchCount: count, textSelectionMatchIndex: index },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function commentStatus(sandbox: TestSandbox, comment: Comment): Promise<string> {
  return (await sandbox.api<Comment>('GET', `/wiki/api/v2/inline-comments/${comment.id}`)).body.resolutionStatus;
}

async function pageWithBody(sandbox: TestSandbox, pageId: string) {
  return (
    await sandbox.api<{ version: { number: number }; body: { storage: { value: string } } }>(
      'GET',
      `/wiki/api/v2/pages/${pageId}?body-format=storage`,
    )
  ).body;
}

/** The texts a comment's markers wrap in a storage body, in order. */
function markedText(body: string, comment: Comment): string[] {
  const marker = new RegExp(`<ac:inline-comment-marker ac:ref="${comment.properties.inlineMarkerRef}">([^<]*)<`, 'g');
  return [...body.matchAll(marker)].map((m) => m[1]!);
}

describe.each(dialects)('readers’ inline comments ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  let pageId: string;
  const comments: Record<string, Comment> = {};

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
    const result = await new Publisher(config).publish(onePageTree(before));
    pageId = result.outcomes[0]!.pageId!;
  });
  afterAll(() => sandbox.close());

  const comment = async (name: string, textSelection: string, count = 1, index = 0) => {
    const created = await sandbox.api<Comment>('POST', '/wiki/api/v2/inline-comments', {
      pageId,
      body: { representation: 'storage', value: `<p>About ${name}?</p>` },
      inlineCommentProperties: { textSelection, textSelectionMatchCount: count, textSelectionMatchIndex: index },
    });
    expect(created.status).toBe(201);
    comments[name] = created.body;
  };
  const statusOf = async (name: string) =>
    (await sandbox.api<Comment>('GET', `/wiki/api/v2/inline-comments/${comments[name]!.id}`)).body.resolutionStatus;
  const liveBody = async () =>
    (
      await sandbox.api<{ body: { storage: { value: string } } }>(
        'GET',
        `/wiki/api/v2/pages/${pageId}?body-format=storage`,
      )
    ).body.body.storage.value;
  const markerOf = (name: string) =>
    new RegExp(`<ac:inline-comment-marker ac:ref="${comments[name]!.properties.inlineMarkerRef}">([^<]*)<`, 'g');

  it('a re-run with readers’ comments on the page writes nothing', async () => {
    await comment('rate limit', 'the rate limit');
    await comment('budget', 'the retry budget');
    await comment('legacy', 'legacy endpoint');
    await comment('second 201', '201', 2, 1);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(onePageTree(before));
    expect(result.counts.unchanged).toBe(1);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('an update keeps the comments on text that survives, follows moved text, and reports the one whose text is gone', async () => {
    // --diff shows the change of text, not the markers the write carries over.
    const planner = new Publisher(config);
    const [diff] = await planner.diffs(await planner.plan(onePageTree(after)));
    expect(diff!.diff).toMatch(/^\+.*Clients back off on their own\./m);
    expect(diff!.diff).not.toContain('inline-comment-marker');
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(onePageTree(after));
    expect(result.counts.updated).toBe(1);
    // One read of the live body for the page being written, nothing more.
    const bodyReads = (await sandbox.requests(since)).filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/${pageId}`) && /body/.test(r.query),
    );
    expect(bodyReads).toHaveLength(1);

    const body = await liveBody();
    const errors = body.slice(body.indexOf('Errors'));
    // Moved from "Limits" to "Errors": the marker went with it.
    expect([...errors.matchAll(markerOf('rate limit'))].map((m) => m[1])).toEqual(['the rate limit']);
    // Spanning <strong>: one marker per text run, same ref.
    expect([...body.matchAll(markerOf('budget'))].map((m) => m[1])).toEqual(['the ', 'retry budget']);
    // "201" twice: the comment was on the one under "Errors", and stays there.
    expect([...errors.matchAll(markerOf('second 201'))].map((m) => m[1])).toEqual(['201']);
    expect([...body.matchAll(markerOf('second 201'))]).toHaveLength(1);
    expect(body).not.toContain(comments.legacy!.properties.inlineMarkerRef);

    expect(await statusOf('rate limit')).toBe('open');
    expect(await statusOf('budget')).toBe('open');
    expect(await statusOf('second 201')).toBe('open');
    expect(await statusOf('legacy')).toBe('resolved');
    expect(result.outcomes[0]!.resolvedComments).toEqual([
      { ref: comments.legacy!.properties.inlineMarkerRef, text: 'legacy endpoint' },
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'DG_COMMENT_RESOLVED',
        severity: 'warning',
        location: { file: 'docs/limits.md' },
        message: expect.stringContaining(`page "Rate limits" (${pageId}): the text "legacy endpoint"`),
      }),
    ]);
  });

  it('the next re-run writes nothing and resolves nothing', async () => {
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(onePageTree(after));
    expect(result.counts.unchanged).toBe(1);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
    expect(await statusOf('rate limit')).toBe('open');
  });

  // Confluence adds no version for a comment; a server that did would make this version. The
  // sandbox's human "edit" here adds only a marker, with the next version number and no message.
  const personWrites = async (edit: (body: string) => string, title = 'Rate limits') => {
    const live = await sandbox.api<{ version: { number: number }; body: { storage: { value: string } } }>(
      'GET',
      `/wiki/api/v2/pages/${pageId}?body-format=storage`,
    );
    const written = await sandbox.api('PUT', `/rest/api/content/${pageId}`, {
      type: 'page',
      title,
      version: { number: live.body.version.number + 1 },
      body: { storage: { value: edit(live.body.body.storage.value), representation: 'storage' } },
    });
    expect(written.status).toBe(200);
  };
  const addMarker = (body: string) =>
    body.replace(
      'back off',
      '<ac:inline-comment-marker ac:ref="5f0c9a1e-7f0e-4b8a-9c57-1d2f3a4b5c6d">back off</ac:inline-comment-marker>',
    );

  it('a version that only added comment markers is not a human edit: its version is recorded, nothing else written', async () => {
    await personWrites(addMarker);
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(onePageTree(after));
    expect(result.ok).toBe(true);
    expect(result.counts).toMatchObject({ conflicts: 0, updated: 1 });
    const writes = (await sandbox.requests(since)).filter(isWrite);
    expect(writes.map((r) => r.path)).toEqual([expect.stringMatching(/propert/)]);
    const again = await sandbox.lastSeq();
    expect((await new Publisher(config).publish(onePageTree(after))).counts.unchanged).toBe(1);
    expect((await sandbox.requests(again)).filter(isWrite)).toEqual([]);
  });

  it('a version that only added comment markers, then a new title in the source: docgen renames the page, no conflict', async () => {
    await personWrites((body) => body);
    const retitled = onePageTree(after);
    retitled.pages[0]!.title = 'Rate limits and retries';
    const result = await new Publisher(config).publish(retitled);
    expect(result.ok).toBe(true);
    expect(result.counts).toMatchObject({ conflicts: 0, updated: 1 });
    const live = await sandbox.api<{ title: string }>('GET', `/wiki/api/v2/pages/${pageId}`);
    expect(live.body.title).toBe('Rate limits and retries');
    // Back to the title the other tests publish.
    expect((await new Publisher(config).publish(onePageTree(after))).counts.updated).toBe(1);
  });

  it('a version with comment markers that renamed the page as well is a human edit: the title stays', async () => {
    await personWrites((body) => body, 'Rate limits (read first)');
    const result = await new Publisher(config).publish(onePageTree(after));
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'conflict' });
    const live = await sandbox.api<{ title: string }>('GET', `/wiki/api/v2/pages/${pageId}`);
    expect(live.body.title).toBe('Rate limits (read first)');
  });

  it('a version that changed text as well is still a human edit', async () => {
    await personWrites((body) => addMarker(body.replace('Clients', 'Most clients')));
    const result = await new Publisher(config).publish(onePageTree(after));
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'conflict' });
    expect(result.outcomes[0]!.message).toMatch(/edited in Confluence since docgen wrote it/);
  });
});

/**
 * The two ways a comment's place used to be guessed, over HTTP: a short highlight whose section was
 * deleted, and a highlight across two paragraphs (one ref, a marker in each).
 */
describe.each(dialects)('readers’ comments that need their context ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;

  beforeEach(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
  });
  afterEach(() => sandbox.close());

  const publish = async (markdown: string) => {
    const result = await new Publisher(config).publish(onePageTree(markdown));
    expect(result.ok).toBe(true);
    return result;
  };
  const comment = (pageId: string, textSelection: string, count = 1, index = 0) =>
    commentOn(sandbox, pageId, textSelection, count, index);
  const statusOf = (c: Comment) => commentStatus(sandbox, c);
  const liveBody = async (pageId: string) => (await pageWithBody(sandbox, pageId)).body.storage.value;

  it('a comment on a word whose section was deleted is resolved and reported, not moved onto the word elsewhere', async () => {
    const pageId = (
      await publish(
        '## Auth\n\nEach token expires after an hour.\n\n## Sessions\n\nRefresh the token daily.\n\n## Errors\n\nSend a new token on 401.\n',
      )
    ).outcomes[0]!.pageId!;
    const deleted = await comment(pageId, 'token', 3, 0);
    const edited = await comment(pageId, 'token', 3, 1);
    const result = await publish(
      '## Sessions\n\nRefresh the token every day.\n\n## Errors\n\nSend a new token on 401.\n',
    );
    expect(result.counts.updated).toBe(1);
    const body = await liveBody(pageId);
    expect(markedText(body, deleted)).toEqual([]);
    expect(body.slice(body.indexOf('Errors'))).not.toContain('inline-comment-marker');
    // Under the same heading, its sentence edited around it: it stays.
    expect(markedText(body, edited)).toEqual(['token']);
    expect(body).toContain(`Refresh the <ac:inline-comment-marker ac:ref="${edited.properties.inlineMarkerRef}">`);
    expect(await statusOf(deleted)).toBe('resolved');
    expect(await statusOf(edited)).toBe('open');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'DG_COMMENT_RESOLVED',
        message: expect.stringContaining(`page "Rate limits" (${pageId}): the text "token"`),
      }),
    ]);
  });

  it('a highlight across two paragraphs is carried while both are still there, one after the other, and reported once when not', async () => {
    const pageId = (await publish('## Backups\n\nBackup actions run nightly.\n\nKept in backup storage for a week.\n'))
      .outcomes[0]!.pageId!;
    const across = await comment(pageId, 'run nightly.\nKept in backup storage');
    expect(markedText(await liveBody(pageId), across)).toEqual(['run nightly.', 'Kept in backup storage']);

    const moved = await publish(
      '## Backups\n\nEvery environment is backed up.\n\nBackup actions run nightly.\n\nKept in backup storage for a month.\n',
    );
    expect(moved.counts.updated).toBe(1);
    expect(moved.warnings).toEqual([]);
    expect(markedText(await liveBody(pageId), across)).toEqual(['run nightly.', 'Kept in backup storage']);
    expect(await statusOf(across)).toBe('open');

    const split = await publish(
      '## Backups\n\nBackup actions run nightly.\n\nManual backups run on demand.\n\nKept in backup storage for a month.\n',
    );
    expect(markedText(await liveBody(pageId), across)).toEqual([]);
    expect(await statusOf(across)).toBe('resolved');
    expect(split.outcomes[0]!.resolvedComments).toEqual([
      { ref: across.properties.inlineMarkerRef, text: 'run nightly. Kept in backup storage' },
    ]);
    expect(split.warnings).toHaveLength(1);
  });
});

/**
 * What carrying comments costs in requests, over HTTP: one read of the live body per page written,
 * and nothing for a dry run or a diff beyond what they read before (none, and one per changed page).
 */
describe.each(dialects)('requests for readers’ comments ($name)', ({ path }) => {
  const PAGES = 12;
  const changed = makeTree(PAGES, {
    edit: (p) => (p.key.endsWith('/p2') || p.key.endsWith('/p3') ? { ...p, markdown: `${p.markdown}\nMore.\n` } : p),
  });
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  const bodyReads = async (since: number) =>
    (await sandbox.requests(since)).filter((r) => r.method === 'GET' && /body/.test(r.query)).map((r) => r.path);

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
    await new Publisher(config).publish(makeTree(PAGES));
  });
  afterAll(() => sandbox.close());

  it('a dry run reads no page body, a diff one per changed page', async () => {
    const publisher = new Publisher(config);
    let since = await sandbox.lastSeq();
    const planned = await publisher.plan(changed);
    await publisher.publish(changed, { dryRun: true, planned });
    expect(await bodyReads(since)).toEqual([]);
    since = await sandbox.lastSeq();
    expect(await publisher.diffs(planned)).toHaveLength(2);
    expect(await bodyReads(since)).toHaveLength(2);
  });

  it('an update reads the body of each page it writes, once, and no other', async () => {
    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(changed);
    expect(result.counts).toMatchObject({ updated: 2, unchanged: PAGES - 2 });
    const written = result.outcomes.filter((o) => o.status === 'updated').map((o) => o.pageId);
    const reads = await bodyReads(since);
    expect(reads).toHaveLength(2);
    for (const id of written) expect(reads.filter((p) => p.endsWith(`/${id}`))).toHaveLength(1);
    expect(
      (await sandbox.requests(since)).filter(isWrite).filter((w) => /\/(pages|content)\/\d+$/.test(w.path)),
    ).toHaveLength(2);
  });

  it('a page a person edited is read once for the plan and its diff together', async () => {
    const [page] = (await new Publisher(config).publish(changed)).outcomes.filter((o) => o.key.endsWith('/p2'));
    const live = await sandbox.api<{ version: { number: number }; title: string }>(
      'GET',
      `/rest/api/content/${page!.pageId}?expand=version`,
    );
    const edited = await sandbox.api('PUT', `/rest/api/content/${page!.pageId}`, {
      type: 'page',
      title: live.body.title,
      version: { number: live.body.version.number + 1 },
      body: { storage: { value: '<p>A person’s text.</p>', representation: 'storage' } },
    });
    expect(edited.status).toBe(200);
    const publisher = new Publisher(config);
    const since = await sandbox.lastSeq();
    const planned = await publisher.plan(changed);
    const diffs = await publisher.diffs(planned);
    expect(diffs.map((d) => [d.action, d.diff.includes('A person’s text.')])).toEqual([['conflict', true]]);
    expect(await bodyReads(since)).toEqual([expect.stringMatching(new RegExp(`/${page!.pageId}$`))]);
  });
});

/** Comments on words inside another comment's highlight: Confluence nests the markers, and an update keeps both. */
describe.each(dialects)('nested readers’ comments ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  let pageId: string;
  const refs: Record<string, string> = {};
  const comment = async (name: string, textSelection: string) => {
    const created = await sandbox.api<Comment>('POST', '/wiki/api/v2/inline-comments', {
      pageId,
      body: { representation: 'storage', value: `<p>${name}?</p>` },
      inlineCommentProperties: { textSelection, textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
    });
    expect(created.status).toBe(201);
    refs[name] = created.body.properties.inlineMarkerRef;
    return created.body.id;
  };

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
    const result = await new Publisher(config).publish(onePageTree('Mind the **retry** budget.\n'));
    pageId = result.outcomes[0]!.pageId!;
  });
  afterAll(() => sandbox.close());

  it('an update keeps a comment nested in another and one on the very same words, all open', async () => {
    const ids = [await comment('outer', 'the retry budget'), await comment('inner', 'retry')];
    ids.push(await comment('same', 'retry'));
    const result = await new Publisher(config).publish(onePageTree('Always mind the **retry** budget.\n'));
    expect(result.counts.updated).toBe(1);
    expect(result.warnings).toEqual([]);
    const live = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/wiki/api/v2/pages/${pageId}?body-format=storage`,
    );
    const open = (ref: string) => `<ac:inline-comment-marker ac:ref="${ref}">`;
    expect(live.body.body.storage.value).toContain(
      `${open(refs.outer!)}the </ac:inline-comment-marker><strong>${open(refs.outer!)}${open(refs.inner!)}${open(refs.same!)}retry`,
    );
    for (const id of ids) {
      const status = await sandbox.api<Comment>('GET', `/wiki/api/v2/inline-comments/${id}`);
      expect(status.body.resolutionStatus).toBe('open');
    }
  });
});

/** Comments where docgen's pages have text: a heading, table cells, a list item, a task, a link, inline code, a quote. */
describe.each(dialects)('readers’ comments across docgen’s page shapes ($name)', ({ path }) => {
  const page = (intro: string) => `${intro}

## Pets API

| Field | Meaning |
|---|---|
| petId | The pet's id |

- fetch the pet first
- [ ] ship it

See [the guide](https://example.com/guide) and \`petId\`.

> **Note:** be careful
`;
  const selections = ['Pets API', 'Meaning', "pet's id", 'fetch the pet', 'ship it', 'the guide', 'be careful'];
  let sandbox: TestSandbox;
  let config: PublisherConfig;
  let pageId: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
    pageId = (await new Publisher(config).publish(onePageTree(page('First.')))).outcomes[0]!.pageId!;
  });
  afterAll(() => sandbox.close());

  it('an update keeps every one open, in a body Confluence accepts', async () => {
    const ids: string[] = [];
    for (const textSelection of selections) {
      const created = await sandbox.api<Comment>('POST', '/wiki/api/v2/inline-comments', {
        pageId,
        body: { representation: 'storage', value: '<p>Why?</p>' },
        inlineCommentProperties: { textSelection, textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const result = await new Publisher(config).publish(onePageTree(page('Changed intro.')));
    expect(result.counts.updated).toBe(1);
    expect(result.warnings).toEqual([]);
    for (const id of ids) {
      const comment = await sandbox.api<Comment>('GET', `/wiki/api/v2/inline-comments/${id}`);
      expect(comment.body.resolutionStatus).toBe('open');
    }
  });
});

/** A marker whose words a person deleted in the editor (Confluence leaves it empty): the update that drops it says so. */
describe.each(dialects)('a comment with no text left ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;

  beforeAll(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path);
  });
  afterAll(() => sandbox.close());

  it('is reported as resolved by the update, with what happened to its text', async () => {
    const pageId = (await new Publisher(config).publish(onePageTree('Keep this.\n'))).outcomes[0]!.pageId!;
    const live = await sandbox.api<{ version: { number: number }; body: { storage: { value: string } } }>(
      'GET',
      `/wiki/api/v2/pages/${pageId}?body-format=storage`,
    );
    const ref = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const written = await sandbox.api('PUT', `/rest/api/content/${pageId}`, {
      type: 'page',
      title: 'Rate limits',
      version: { number: live.body.version.number + 1 },
      body: {
        storage: {
          value: live.body.body.storage.value.replace('Keep', `<ac:inline-comment-marker ac:ref="${ref}" />Keep`),
          representation: 'storage',
        },
      },
    });
    expect(written.status).toBe(200);
    const result = await new Publisher(config).publish(onePageTree('Keep this, and more.\n'));
    expect(result.counts.updated).toBe(1);
    expect(result.outcomes[0]!.resolvedComments).toEqual([{ ref, text: '' }]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'DG_COMMENT_RESOLVED',
        message: `page "Rate limits" (${pageId}): a reader's comment had no text left on the page (it was deleted in the editor), so Confluence resolved the comment`,
      }),
    ]);
  });
});

/**
 * docgen's writes of a page other than an update, against the real sandbox: each keeps readers'
 * comments like an update, for at most the one body read it needs.
 */
describe.each(dialects)('readers’ comments on docgen’s other writes ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let config: PublisherConfig;

  beforeEach(async () => {
    sandbox = await testSandbox();
    config = sandboxConfig(sandbox, path, { prune: true, docSet: 'limits' });
  });
  afterEach(() => sandbox.close());

  const comment = (pageId: string, textSelection: string) => commentOn(sandbox, pageId, textSelection);
  const statusOf = (c: Comment) => commentStatus(sandbox, c);
  const liveBody = (pageId: string) => pageWithBody(sandbox, pageId);
  const pageRequests = async (since: number, pageId: string) => {
    const onPage = (await sandbox.requests(since)).filter((r) => r.path.endsWith(`/${pageId}`));
    return {
      bodyReads: onPage.filter((r) => r.method === 'GET' && /body/.test(r.query)).length,
      bodyWrites: onPage.filter((r) => r.method === 'PUT').length,
    };
  };
  const withFaq = (markdown: string): PageTree => ({
    pages: [
      ...onePageTree(markdown).pages,
      { key: 'faq', title: 'FAQ', labels: [], markdown: 'Questions.\n', attachments: [] },
    ],
  });

  it('a page restored from the trash keeps the comments made before docgen pruned it, one body read added', async () => {
    const published = await new Publisher(config).publish(withFaq(before));
    const pageId = published.outcomes.find((o) => o.key === 'limits')!.pageId!;
    const kept = await comment(pageId, 'the rate limit');
    const gone = await comment(pageId, 'legacy endpoint');
    const pruned = await new Publisher(config).publish({ pages: withFaq(before).pages.filter((p) => p.key === 'faq') });
    expect(pruned.outcomes.find((o) => o.key === 'limits')).toMatchObject({ status: 'trashed' });

    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(withFaq(after));
    const outcome = result.outcomes.find((o) => o.key === 'limits')!;
    expect(outcome).toMatchObject({ status: 'restored', pageId });
    // The version in the trash, read once before the restore; the read-back after it, as before.
    // Cloud's v2 restore changes the status only, so there the body is a second PUT (as before).
    expect(await pageRequests(since, pageId)).toEqual({ bodyReads: 2, bodyWrites: path ? 2 : 1 });

    const body = (await liveBody(pageId)).body.storage.value;
    expect(markedText(body, kept)).toEqual(['the rate limit']);
    expect(await statusOf(kept)).toBe('open');
    expect(body).not.toContain(gone.properties.inlineMarkerRef);
    expect(outcome.resolvedComments).toEqual([{ ref: gone.properties.inlineMarkerRef, text: 'legacy endpoint' }]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'DG_COMMENT_RESOLVED', message: expect.stringContaining('"legacy endpoint"') }),
    ]);
    const again = await sandbox.lastSeq();
    expect((await new Publisher(config).publish(withFaq(after))).counts.unchanged).toBe(2);
    expect((await sandbox.requests(again)).filter(isWrite)).toEqual([]);
  });

  it('a page an interrupted first publish left, commented on since, is adopted with its comments, no body written', async () => {
    // What a run killed between creating the page and writing docgen's property leaves behind.
    const planned = await new Publisher(config).plan(onePageTree(before));
    const created = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title: 'Rate limits',
      space: { key: 'DEV' },
      ancestors: [{ id: planned.plan.rootId }],
      body: { storage: { value: planned.plan.operations[0]!.desired!.storage, representation: 'storage' } },
    });
    expect(created.status).toBe(200);
    const pageId = created.body.id;
    const kept = await comment(pageId, 'the retry budget');

    const since = await sandbox.lastSeq();
    const result = await new Publisher(config).publish(onePageTree(before));
    expect(result.outcomes[0]).toMatchObject({ status: 'adopted', pageId });
    // Read by the plan (which tells the dry run it is adopted) and again by the run, before it records the page.
    expect(await pageRequests(since, pageId)).toEqual({ bodyReads: 2, bodyWrites: 0 });
    const live = await liveBody(pageId);
    expect(live.version.number).toBe(1);
    expect(markedText(live.body.storage.value, kept)).toEqual(['the ', 'retry budget']);
    expect(await statusOf(kept)).toBe('open');
  });

  it('a write retried after a 409 keeps a comment made after its first read (the re-read takes the body)', async () => {
    const pageId = (await new Publisher(config).publish(onePageTree(before))).outcomes[0]!.pageId!;
    // docgen's PUT is held 6 s by the sandbox (ample on a loaded CI runner); in that time another docgen run writes the page
    // (so the PUT meets a 409 and is retried) and a reader comments.
    const clientPut = path ? '^/wiki/api/v2/pages/\\d+$' : '^/rest/api/content/\\d+$';
    const otherWriter = path ? `/rest/api/content/${pageId}` : `/wiki/api/v2/pages/${pageId}`;
    await sandbox.faults([{ fault: 'latency', latencyMs: 6000, method: 'PUT', path: clientPut, count: 1 }]);
    const since = await sandbox.lastSeq();
    const run = new Publisher(config).publish(onePageTree(after));
    await firstBodyRead(since, pageId);
    const live = await liveBody(pageId);
    const otherRun = await sandbox.api('PUT', otherWriter, {
      id: pageId,
      type: 'page',
      status: 'current',
      title: 'Rate limits',
      version: { number: live.version.number + 1, message: 'docgen: body [h:0123456789abcdef]' },
      body: path
        ? { storage: { value: live.body.storage.value, representation: 'storage' } }
        : { representation: 'storage', value: live.body.storage.value },
    });
    expect(otherRun.status).toBe(200);
    const kept = await comment(pageId, 'the retry budget');
    const result = await run;
    await sandbox.clearFaults();

    expect(result.outcomes[0]).toMatchObject({ status: 'updated' });
    // docgen's first read and the 409's re-read (which read the version already): no read added;
    // its PUT and the retry. The other writer's read and PUT above are the + 1.
    expect(await pageRequests(since, pageId)).toEqual({ bodyReads: 2 + 1, bodyWrites: 2 + 1 });
    expect(markedText((await liveBody(pageId)).body.storage.value, kept)).toEqual(['the ', 'retry budget']);
    expect(await statusOf(kept)).toBe('open');
  });

  /** Waits until docgen has read the page's body: what it writes is built from that read. */
  async function firstBodyRead(since: number, pageId: string): Promise<void> {
    for (let tries = 0; tries < 500; tries++) {
      if ((await pageRequests(since, pageId)).bodyReads > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`docgen never read page ${pageId}`);
  }
});
