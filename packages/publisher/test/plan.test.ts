import { describe, expect, it } from '@jest/globals';
import type { Page } from '@docgen/core';
import {
  desiredPages,
  fallbackNormalize,
  planSync,
  summarize,
  versionMessage,
  type Converter,
  type DesiredPage,
  type Ownership,
  type RemotePage,
} from '../src/index.js';

const converter: Converter = { toStorage: (md) => `<p>${md}</p>`, normalizeStorage: fallbackNormalize };

function tree(pages: Array<Partial<Page> & { key: string }>): DesiredPage[] {
  return desiredPages(
    {
      pages: pages.map((p) => ({
        title: p.key.toUpperCase(),
        labels: [],
        markdown: `body of ${p.key}`,
        attachments: [],
        ...p,
      })),
    },
    { converter },
  );
}

let nextId = 100;
/** A remote page exactly as docgen left it after publishing `page`. */
function published(
  page: DesiredPage,
  parentId: string,
  over: Partial<RemotePage> = {},
  own: Partial<Ownership> = {},
): RemotePage {
  const version = over.version?.number ?? 1;
  return {
    id: String(nextId++),
    title: page.title,
    parentId,
    version: { number: version, message: versionMessage('create', page.hash) },
    labels: page.labels,
    ownership: {
      id: 'p1',
      version: 1,
      value: {
        tool: 'docgen',
        schema: 1,
        set: 'docs',
        key: page.key,
        ...(page.source ? { source: page.source } : {}),
        generator: 'test@1',
        hash: page.hash,
        bodyHash: page.bodyHash,
        labels: page.labels,
        attachments: Object.fromEntries(page.attachments.map((a) => [a.fileName, a.hash])),
        version,
        root: '1',
        ...own,
      },
    },
    ...over,
  };
}

/** Publish a desired tree into a remote list, ids wired parent → child. */
function publishAll(desired: DesiredPage[], rootId = '1'): RemotePage[] {
  const ids = new Map<string, string>();
  return desired.map((page) => {
    const remote = published(page, page.parentKey ? ids.get(page.parentKey)! : rootId);
    ids.set(page.key, remote.id);
    return remote;
  });
}

const base = [
  { key: 'docs' },
  { key: 'docs/a', parentKey: 'docs' },
  { key: 'docs/b', parentKey: 'docs' },
  { key: 'docs/a/x', parentKey: 'docs/a' },
];

describe('planSync', () => {
  it('creates every page of a new tree, parents first', () => {
    const plan = planSync({ desired: tree(base), remote: [], rootId: '1', docSet: 'docs' });
    expect(plan.operations.map((o) => [o.action, o.key])).toEqual([
      ['create', 'docs'],
      ['create', 'docs/a'],
      ['create', 'docs/b'],
      ['create', 'docs/a/x'],
    ]);
  });

  it('leaves a tree that matches alone', () => {
    const desired = tree(base);
    const plan = planSync({ desired, remote: publishAll(desired), rootId: '1', docSet: 'docs' });
    expect(plan.operations.every((o) => o.action === 'unchanged')).toBe(true);
  });

  it('updates only the page whose body changed', () => {
    const before = tree(base);
    const after = tree(base.map((p) => (p.key === 'docs/b' ? { ...p, markdown: 'new text' } : p)));
    const plan = planSync({ desired: after, remote: publishAll(before), rootId: '1', docSet: 'docs' });
    const changed = plan.operations.filter((o) => o.action !== 'unchanged');
    expect(changed.map((o) => [o.action, o.key, o.changes])).toEqual([['update', 'docs/b', ['body']]]);
  });

  it('renames in place: same page id, new title', () => {
    const before = tree(base);
    const remote = publishAll(before);
    const after = tree(base.map((p) => (p.key === 'docs/a' ? { ...p, title: 'Renamed A' } : p)));
    const op = planSync({ desired: after, remote, rootId: '1', docSet: 'docs' }).operations.find(
      (o) => o.key === 'docs/a',
    )!;
    expect(op.action).toBe('rename');
    expect(op.pageId).toBe(remote[1].id);
  });

  it('moves a page whose parent changed', () => {
    const before = tree(base);
    const remote = publishAll(before);
    const after = tree(base.map((p) => (p.key === 'docs/a/x' ? { ...p, parentKey: 'docs/b' } : p)));
    const op = planSync({ desired: after, remote, rootId: '1', docSet: 'docs' }).operations.find(
      (o) => o.key === 'docs/a/x',
    )!;
    expect(op.action).toBe('move');
    expect(op.changes).toEqual(['parent']);
  });

  it('a page a person moved under their own page inside the root is still this tree’s: moved back', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    const notes: RemotePage = { id: '900', title: 'Team notes', parentId: '1', version: { number: 1 } };
    remote[3] = { ...remote[3], parentId: '900' };
    const op = planSync({ desired, remote: [...remote, notes], rootId: '1', docSet: 'docs' }).operations[3];
    expect([op.action, op.pageId, op.changes]).toEqual(['move', remote[3].id, ['parent']]);
  });

  it('pages written before roots were recorded, under a page docgen does not own: another tree’s, left alone', () => {
    const desired = tree(base);
    const legacy = (page: RemotePage): RemotePage => {
      const { root: _root, ...value } = page.ownership!.value;
      return { ...page, ownership: { ...page.ownership!, value } };
    };
    // The same doc set published under "Staging" (a person's page inside the root), before roots were recorded.
    const staging: RemotePage = { id: '800', title: 'Staging', parentId: '1', version: { number: 1 } };
    const copy = publishAll(tree(base.map((p) => ({ ...p, title: `[S] ${p.key}` }))), '800').map(legacy);
    const plan = planSync({
      desired,
      remote: [staging, ...copy],
      rootId: '1',
      docSet: 'docs',
      prune: true,
    });
    expect(plan.operations.map((o) => [o.action, o.key, o.pageId])).toEqual([
      ['create', 'docs', undefined],
      ['create', 'docs/a', undefined],
      ['create', 'docs/b', undefined],
      ['create', 'docs/a/x', undefined],
    ]);
    // Its own legacy pages directly under the root stay this tree's: unchanged but for recording the root.
    const own = publishAll(desired).map(legacy);
    const again = planSync({ desired, remote: own, rootId: '1', docSet: 'docs' });
    expect(again.operations.map((o) => [o.action, o.changes])).toEqual(desired.map(() => ['update', ['state']]));
  });

  it('reports a human edit as a conflict, and honours onConflict', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    remote[2] = { ...remote[2], version: { number: 2, message: 'fixed a typo' } };
    const fail = planSync({ desired, remote, rootId: '1', docSet: 'docs' }).operations[2];
    expect([fail.action, fail.conflict, fail.skipped]).toEqual(['conflict', 'edited', false]);
    const skip = planSync({ desired, remote, rootId: '1', docSet: 'docs', onConflict: 'skip' }).operations[2];
    expect([skip.action, skip.skipped]).toEqual(['conflict', true]);
    const overwrite = planSync({ desired, remote, rootId: '1', docSet: 'docs', onConflict: 'overwrite' }).operations[2];
    expect([overwrite.action, overwrite.overwrite]).toEqual(['update', true]);
  });

  it('treats a newer version carrying its own marker as an unrecorded docgen write, not a human edit', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    remote[1] = { ...remote[1], version: { number: 2, message: versionMessage('update', desired[1].hash) } };
    const op = planSync({ desired, remote, rootId: '1', docSet: 'docs' }).operations[1];
    expect([op.action, op.changes]).toEqual(['update', ['state']]);
  });

  it('takes back the prune mark a run left on a page it did not get to retire (a property write, no new version)', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    remote[1] = published(desired[1], remote[1].parentId!, { id: remote[1].id }, { pruned: { root: '1', at: 'then' } });
    const op = planSync({ desired, remote, rootId: '1', docSet: 'docs' }).operations[1];
    expect([op.action, op.key, op.changes]).toEqual(['update', desired[1].key, ['state']]);
  });

  it('never adopts a same-titled page it does not own', () => {
    const desired = tree(base);
    const human: RemotePage = { id: '9', title: 'DOCS/B', parentId: '555', version: { number: 3 } };
    const plan = planSync({ desired, remote: [human], rootId: '1', docSet: 'docs' });
    const op = plan.operations.find((o) => o.key === 'docs/b')!;
    expect([op.action, op.conflict, op.adoptId]).toEqual(['conflict', 'title-taken', undefined]);
  });

  it('a title taken outside the managed root is a conflict saying where the page is and what to do, never adopted', () => {
    const desired = tree(base);
    const remote = publishAll(desired).filter((p) => p.ownership!.value.key !== 'docs/b');
    const elsewhere: RemotePage = {
      id: '4242',
      title: 'docs/b', // Confluence compares titles without case
      parentId: '7',
      version: { number: 1 },
      path: ['Space home', 'Team notes'],
    };
    const op = planSync({ desired, remote, rootId: '1', docSet: 'docs', elsewhere: [elsewhere] }).operations.find(
      (o) => o.key === 'docs/b',
    )!;
    expect([op.action, op.conflict, op.pageId, op.adoptId]).toEqual(['conflict', 'title-taken', '4242', undefined]);
    expect(op.reason).toBe(
      'the title is used by page 4242 (under "Space home" › "Team notes"), outside the managed root, which docgen does not own: ' +
        "rename one of the two (docgen's with a titlePrefix or its source's title, or that page in Confluence), or archive that page if docgen's is to replace it",
    );
    // A rename onto it is refused the same way; the page keeps its old title.
    const renamed = tree(base.map((p) => (p.key === 'docs/a' ? { ...p, title: 'Team page' } : p)));
    const teamPage = { ...elsewhere, title: 'Team page' };
    const rename = planSync({
      desired: renamed,
      remote: publishAll(desired),
      rootId: '1',
      docSet: 'docs',
      elsewhere: [teamPage],
    });
    expect(rename.operations.find((o) => o.key === 'docs/a')).toMatchObject({
      action: 'conflict',
      conflict: 'title-taken',
      ownPage: true,
      reason: expect.stringMatching(/^cannot rename it from "DOCS\/A": the title is used by page 4242 /),
    });
    // A page this doc set published under another root (the root was changed): move it back, or archive it.
    const ours = { ...published(desired[2], '7'), id: '4343', path: ['Space home'] };
    const moved = planSync({ desired, remote, rootId: '1', docSet: 'docs', elsewhere: [ours] }).operations.find(
      (o) => o.key === 'docs/b',
    )!;
    expect(moved.reason).toBe(
      'the title is used by page 4343 (under "Space home"), outside the managed root, which docgen published for this doc set ' +
        'under another root: move it under the managed root and docgen takes it back (its key is "docs/b"), or archive it',
    );
  });

  it('holds back the pages under a page whose title is taken, naming that page and the one fix for both', () => {
    const desired = tree([...base, { key: 'docs/a/x/deep', parentKey: 'docs/a/x' }]);
    const remote = publishAll(desired).filter((p) => p.ownership!.value.key === 'docs');
    const elsewhere: RemotePage = { id: '4242', title: 'docs/a', parentId: '7', version: { number: 3 } };
    const plan = planSync({ desired, remote, rootId: '1', docSet: 'docs', elsewhere: [elsewhere] });
    const byKey = new Map(plan.operations.map((op) => [op.key, op]));
    const conflict = byKey.get('docs/a')!;
    expect([conflict.action, conflict.conflict, conflict.fix]).toEqual([
      'conflict',
      'title-taken',
      "rename one of the two (docgen's with a titlePrefix or its source's title, or that page in Confluence), or archive that page if docgen's is to replace it",
    ]);
    expect(byKey.get('docs/a/x')).toMatchObject({
      action: 'blocked',
      changes: [],
      blockedBy: { key: 'docs/a', title: 'DOCS/A', parent: true },
      reason:
        'not published: its parent docs/a ("DOCS/A") is in conflict (the title is used by page 4242). ' +
        `To fix both: ${conflict.fix}; the next run publishes them`,
    });
    expect(byKey.get('docs/a/x/deep')).toMatchObject({
      action: 'blocked',
      blockedBy: { key: 'docs/a', parent: false },
      reason: expect.stringMatching(/^not published: its ancestor docs\/a \("DOCS\/A"\) is in conflict/),
    });
    // Its sibling is not affected.
    expect(byKey.get('docs/b')!.action).toBe('create');
    expect(summarize(plan)).toMatchObject({ conflict: 1, blocked: 2, create: 1, unchanged: 1 });

    // A subtree moved out of the root: every page's title is taken, by itself. The top one is the
    // conflict to fix (moving it back brings the rest), and no page below claims the other page's id.
    const alsoTaken: RemotePage = { id: '4343', title: 'docs/a/x', parentId: '4242', version: { number: 1 } };
    const moved = planSync({ desired, remote, rootId: '1', docSet: 'docs', elsewhere: [elsewhere, alsoTaken] });
    expect(moved.operations.find((op) => op.key === 'docs/a/x/deep')).toMatchObject({
      action: 'blocked',
      blockedBy: { key: 'docs/a', parent: false },
    });
    expect(moved.operations.find((op) => op.key === 'docs/a/x')).toMatchObject({
      action: 'blocked',
      pageId: undefined,
      conflict: undefined,
      blockedBy: { key: 'docs/a', parent: true },
    });
  });

  it('does not hold back the pages under a conflict that leaves a page to go under', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    // A human edit: the page stays, and so does the place of its children.
    const edited = remote.map((p) =>
      p.ownership!.value.key === 'docs/a' ? { ...p, version: { number: 5, message: 'a person' } } : p,
    );
    const plan = planSync({ desired, remote: edited, rootId: '1', docSet: 'docs' });
    expect(plan.operations.map((op) => op.action)).toEqual(['unchanged', 'conflict', 'unchanged', 'unchanged']);
    // A refused rename: the page keeps its old title, its children stay under it.
    const renamed = tree(base.map((p) => (p.key === 'docs/a' ? { ...p, title: 'Taken' } : p)));
    const taken: RemotePage = { id: '4242', title: 'Taken', parentId: '7', version: { number: 1 } };
    const rename = planSync({ desired: renamed, remote, rootId: '1', docSet: 'docs', elsewhere: [taken] });
    expect(rename.operations.map((op) => op.action)).toEqual(['unchanged', 'conflict', 'unchanged', 'unchanged']);
    // A page an interrupted run may have created: adoption is decided in the run, children wait for it.
    const leftover: RemotePage = { id: '77', title: 'DOCS/A', parentId: remote[0].id, version: { number: 1 } };
    const adopt = planSync({ desired, remote: [remote[0], leftover], rootId: '1', docSet: 'docs' });
    expect(adopt.operations.find((op) => op.key === 'docs/a')).toMatchObject({ action: 'conflict', adoptId: '77' });
    expect(adopt.operations.find((op) => op.key === 'docs/a/x')!.action).toBe('create');
  });

  it('a page another flag job publishes from its own folder is an other-run conflict; a page whose file moved is taken over', () => {
    const runbook = (key: string, file: string) => ({ key, source: { plugin: 'runbook', file } });
    // The first job's pages: services/a has orders and payments.
    const first = publishAll(
      tree([
        runbook('svc/orders', 'services/a/orders/catalog-info.yaml'),
        runbook('svc/payments', 'services/a/payments/catalog-info.yaml'),
      ]),
    );
    // The second job renders services/b, which has a payments service too.
    const second = tree([runbook('svc/payments', 'services/b/payments/catalog-info.yaml')]);
    const run = { rootId: '1', docSet: 'docs', partial: 'flags' as const, filesComparable: true };
    const shared = planSync({ ...run, desired: second, remote: first }).operations.find(
      (op) => op.key === 'svc/payments',
    )!;
    expect([shared.action, shared.conflict]).toEqual(['conflict', 'other-run']);
    for (const words of [
      'services/a/payments/catalog-info.yaml in services/a',
      '"SVC/ORDERS"',
      'publish services/a and services/b',
    ])
      expect(shared.reason).toContain(words);
    // Where services/a has nothing else left, the folder was renamed: the page records its new file.
    const moved = planSync({ ...run, desired: second, remote: first.slice(1) }).operations[0];
    expect([moved.action, moved.changes]).toEqual(['update', ['state']]);
  });

  it('a page of a file gone from the checkout is no sign of another job: a folder renamed as one of its services goes', () => {
    const runbook = (key: string, file: string) => ({ key, source: { plugin: 'runbook', file } });
    const before = publishAll(
      tree([
        runbook('svc/payments', 'services/a/payments/catalog-info.yaml'),
        runbook('svc/refunds', 'services/a/refunds/catalog-info.yaml'),
      ]),
    );
    // services/a is services/payments now, without its refunds service.
    const after = tree([runbook('svc/payments', 'services/payments/payments/catalog-info.yaml')]);
    const run = { rootId: '1', docSet: 'docs', partial: 'flags' as const, filesComparable: true };
    const goneSources = new Set(['services/a/payments/catalog-info.yaml', 'services/a/refunds/catalog-info.yaml']);
    const moved = planSync({ ...run, desired: after, remote: before, goneSources }).operations[0];
    expect([moved.action, moved.changes]).toEqual(['update', ['state']]);
    // While refunds' file is still there, another job may publish it: the conflict stands.
    const kept = new Set(['services/a/payments/catalog-info.yaml']);
    const shared = planSync({ ...run, desired: after, remote: before, goneSources: kept }).operations[0];
    expect([shared.action, shared.conflict]).toEqual(['conflict', 'other-run']);
  });

  it('offers adoption only for a version-1 page under the intended parent (an interrupted create)', () => {
    const desired = tree(base);
    const remote = publishAll(desired).filter((p) => p.ownership!.value.key !== 'docs/b');
    const orphanCreate: RemotePage = { id: '77', title: 'DOCS/B', parentId: remote[0].id, version: { number: 1 } };
    const op = planSync({ desired, remote: [...remote, orphanCreate], rootId: '1', docSet: 'docs' }).operations.find(
      (o) => o.key === 'docs/b',
    )!;
    expect([op.action, op.adoptId]).toEqual(['conflict', '77']);
  });

  it('reports orphans, archives them only with prune, children first, and never touches other doc sets', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    const other = published(tree([{ key: 'adr' }])[0], '1', {}, { set: 'adr' });
    const smaller = desired.filter((p) => !p.key.startsWith('docs/a'));
    const report = planSync({ desired: smaller, remote: [...remote, other], rootId: '1', docSet: 'docs' });
    expect(report.operations.filter((o) => o.action === 'orphan').map((o) => o.key)).toEqual(['docs/a/x', 'docs/a']);
    const prune = planSync({ desired: smaller, remote: [...remote, other], rootId: '1', docSet: 'docs', prune: true });
    expect(prune.operations.filter((o) => o.action === 'archive').map((o) => o.key)).toEqual(['docs/a/x', 'docs/a']);
    expect(prune.operations.some((o) => o.key === 'adr')).toBe(false);
  });

  it('keeps an orphan that has a page docgen does not own beneath it', () => {
    const desired = tree(base);
    const remote = publishAll(desired);
    const humanChild: RemotePage = { id: '999', title: 'Notes', parentId: remote[1].id, version: { number: 4 } };
    const plan = planSync({
      desired: desired.filter((p) => !p.key.startsWith('docs/a')),
      remote: [...remote, humanChild],
      rootId: '1',
      docSet: 'docs',
      prune: true,
    });
    const a = plan.operations.find((o) => o.key === 'docs/a')!;
    expect(a.action).toBe('orphan');
    expect(a.reason).toContain('Notes');
  });

  it('detects label and attachment changes from the recorded state', () => {
    const before = tree([
      {
        key: 'docs',
        labels: ['api'],
        attachments: [{ fileName: 'x.svg', mediaType: 'image/svg+xml', contentHash: 'a'.repeat(64) }],
      },
    ]);
    const after = tree([
      {
        key: 'docs',
        labels: ['api', 'v2'],
        attachments: [{ fileName: 'x.svg', mediaType: 'image/svg+xml', contentHash: 'b'.repeat(64) }],
      },
    ]);
    const op = planSync({ desired: after, remote: publishAll(before), rootId: '1', docSet: 'docs' }).operations[0];
    expect([op.action, op.changes]).toEqual(['update', ['labels', 'attachments']]);
  });
});

describe('planSync: a page whose key changed is taken over, not duplicated', () => {
  const spec = { plugin: 'openapi', file: 'spec.yaml' };
  const api = [
    { key: 'api/shop', title: 'Shop API', source: spec, markdown: 'The shop.' },
    { key: 'api/shop/tag/pet', parentKey: 'api/shop', title: 'Shop API: pet', source: spec, markdown: 'Pets.' },
    { key: 'api/shop/tag/store', parentKey: 'api/shop', title: 'Shop API: store', source: spec, markdown: 'Store.' },
    {
      key: 'api/shop/tag/store/orders',
      parentKey: 'api/shop/tag/store',
      title: 'Orders',
      source: spec,
      markdown: 'Orders.',
    },
  ];
  const plan = (after: typeof api, remote: RemotePage[]) =>
    planSync({ desired: tree(after), remote, rootId: '1', docSet: 'docs' }).operations;
  const idsOf = (remote: RemotePage[]) => new Map(remote.map((page) => [page.ownership!.value.key, page.id]));

  it('the same title under a new key (the config key renamed): the same pages, their property rewritten, no new version', () => {
    const remote = publishAll(tree(api));
    const ids = idsOf(remote);
    const ops = plan(
      api.map((p) => ({
        ...p,
        key: p.key.replace('api/shop', 'api/store'),
        parentKey: p.parentKey?.replace('api/shop', 'api/store'),
      })),
      remote,
    );
    expect(ops.map((o) => [o.action, o.key, o.pageId, o.changes, o.previousKey])).toEqual(
      api.map((p) => ['update', p.key.replace('api/shop', 'api/store'), ids.get(p.key), ['state'], p.key]),
    );
  });

  it('a renamed tag: its page is renamed in place, history kept, nothing orphaned', () => {
    const remote = publishAll(tree(api));
    const after = api.map((p) =>
      p.key === 'api/shop/tag/pet' ? { ...p, key: 'api/shop/tag/pets', title: 'Shop API: pets' } : p,
    );
    const ops = plan(after, remote);
    expect(
      ops.filter((o) => o.action !== 'unchanged').map((o) => [o.action, o.key, o.pageId, o.changes, o.previousKey]),
    ).toEqual([
      ['update', 'api/shop/tag/pets', idsOf(remote).get('api/shop/tag/pet'), ['state', 'title'], 'api/shop/tag/pet'],
    ]);
  });

  it('a renamed page and the pages under it (their keys changed with its key) are all taken over', () => {
    const remote = publishAll(tree(api));
    const ids = idsOf(remote);
    const after = api.map((p) =>
      p.key.startsWith('api/shop/tag/store')
        ? {
            ...p,
            key: p.key.replace('store', 'shop-front'),
            parentKey: p.parentKey.replace('store', 'shop-front'),
            title: `${p.title}!`,
          }
        : p,
    );
    const ops = plan(after, remote).filter((o) => o.action !== 'unchanged');
    expect(ops.map((o) => [o.key, o.pageId, o.previousKey])).toEqual([
      ['api/shop/tag/shop-front', ids.get('api/shop/tag/store'), 'api/shop/tag/store'],
      ['api/shop/tag/shop-front/orders', ids.get('api/shop/tag/store/orders'), 'api/shop/tag/store/orders'],
    ]);
    expect(ops.every((o) => o.action === 'update' && !o.changes.includes('parent'))).toBe(true);
  });

  it('when it cannot tell which page became which, or the page comes from another source: new pages and orphans, as before', () => {
    const remote = publishAll(tree(api));
    const two = api
      .filter((p) => p.parentKey !== 'api/shop/tag/store')
      .map((p) => (p.parentKey === 'api/shop' ? { ...p, key: `${p.key}-v2`, title: `${p.title} v2` } : p));
    expect(plan(two, remote).map((o) => [o.action, o.key])).toEqual([
      ['unchanged', 'api/shop'],
      ['create', 'api/shop/tag/pet-v2'],
      ['create', 'api/shop/tag/store-v2'],
      ['orphan', 'api/shop/tag/store/orders'],
      ['orphan', 'api/shop/tag/pet'],
      ['orphan', 'api/shop/tag/store'],
    ]);
    const otherFile = api.map((p) =>
      p.key === 'api/shop/tag/pet'
        ? { ...p, key: 'api/shop/tag/pets', title: 'Pets', source: { plugin: 'openapi', file: 'other.yaml' } }
        : p,
    );
    expect(
      plan(otherFile, remote)
        .filter((o) => o.action !== 'unchanged')
        .map((o) => [o.action, o.key]),
    ).toEqual([
      ['create', 'api/shop/tag/pets'],
      ['orphan', 'api/shop/tag/pet'],
    ]);
  });

  it('a renamed page a person edited is a conflict on that page, not a second page beside it', () => {
    const remote = publishAll(tree(api));
    const pet = remote.find((page) => page.ownership!.value.key === 'api/shop/tag/pet')!;
    pet.version = { number: 2, message: 'a note for on-call' };
    const after = api.map((p) =>
      p.key === 'api/shop/tag/pet' ? { ...p, key: 'api/shop/tag/pets', title: 'Shop API: pets' } : p,
    );
    const ops = plan(after, remote).filter((o) => o.action !== 'unchanged');
    expect(ops.map((o) => [o.action, o.conflict, o.key, o.pageId])).toEqual([
      ['conflict', 'edited', 'api/shop/tag/pets', pet.id],
    ]);
  });
});

describe('planSync: pages in the trash or the archive that hold a title', () => {
  const desired = tree(base);
  /** docgen's page for `key`, retired to the trash (or the archive), as the trash listing shows it. */
  const retired = (key: string, status: 'trashed' | 'archived', own: Partial<Ownership> = {}): RemotePage => ({
    ...published(
      desired.find((d) => d.key === key)!,
      '1',
      {},
      own,
    ),
    status,
  });
  const planWith = (held: RemotePage[], options: { onConflict?: 'overwrite'; remote?: RemotePage[] } = {}) =>
    planSync({
      desired,
      remote: options.remote ?? [],
      rootId: '1',
      docSet: 'docs',
      retired: held,
      onConflict: options.onConflict,
    });

  it('docgen pruned it from this root: restore, the same page, and the pages under it go under it', () => {
    const held = retired('docs/a', 'trashed', { pruned: { root: '1', at: '2026-01-01T00:00:00Z' } });
    const plan = planWith([held]);
    expect(plan.operations.find((o) => o.key === 'docs/a')).toMatchObject({
      action: 'restore',
      pageId: held.id,
      reason: 'docgen pruned it from this root',
    });
    expect(plan.operations.find((o) => o.key === 'docs/a/x')?.action).toBe('create');
    expect(summarize(plan)).toMatchObject({ create: 3, restore: 1 });
  });

  it('a person deleted it: the conflict with its fix, and the pages under it wait; --force restores it', () => {
    const held = retired('docs/a', 'trashed');
    const plan = planWith([held]);
    expect(plan.operations.find((o) => o.key === 'docs/a')).toMatchObject({
      action: 'conflict',
      conflict: 'deleted',
      pageId: held.id,
      reason: expect.stringContaining('a person deleted it (docgen did not prune it). Restore it in Confluence'),
      fix: expect.stringContaining('--force'),
    });
    expect(plan.operations.find((o) => o.key === 'docs/a/x')).toMatchObject({
      action: 'blocked',
      blockedBy: { key: 'docs/a', parent: true },
      reason: expect.stringContaining(`(its page ${held.id} is in the trash)`),
    });
    const forced = planWith([held], { onConflict: 'overwrite' });
    expect(forced.operations.find((o) => o.key === 'docs/a')).toMatchObject({ action: 'restore', overwrite: true });
  });

  it("pruned from under another root, archived, or not docgen's: a conflict saying which", () => {
    const elsewhere = retired('docs/a', 'trashed', { pruned: { root: '999', at: '2026-01-01T00:00:00Z' } });
    expect(planWith([elsewhere]).operations.find((o) => o.key === 'docs/a')).toMatchObject({
      conflict: 'deleted',
      reason: expect.stringContaining('docgen pruned it from under another root (page 999)'),
    });
    const archived = retired('docs/a', 'archived', { pruned: { root: '1', at: '2026-01-01T00:00:00Z' } });
    expect(planWith([archived]).operations.find((o) => o.key === 'docs/a')).toMatchObject({
      conflict: 'deleted',
      reason: expect.stringContaining('is in the archive'),
    });
    const theirs: RemotePage = { id: '77', title: 'DOCS/A', status: 'trashed', version: { number: 3 } };
    expect(planWith([theirs]).operations.find((o) => o.key === 'docs/a')).toMatchObject({
      conflict: 'title-taken',
      pageId: '77',
      reason: expect.stringContaining('page 77 in the trash, which docgen does not own, holds it'),
    });
    const ownOtherKey = retired('docs/a', 'trashed', { key: 'docs/old-a' });
    expect(planWith([ownOtherKey]).operations.find((o) => o.key === 'docs/a')!.reason).toContain(
      'in the trash, which this doc set published for another key ("docs/old-a"), holds it',
    );
    const anotherSet = retired('docs/a', 'trashed', { set: 'github.com/acme/other' });
    expect(planWith([anotherSet]).operations.find((o) => o.key === 'docs/a')!.reason).toContain(
      'in the trash, which another docgen doc set ("github.com/acme/other") published, holds it',
    );
  });

  it('the trash wins over the archive for one title, and a page docgen already has is not looked at', () => {
    const pruned = { pruned: { root: '1', at: '2026-01-01T00:00:00Z' } };
    const plan = planWith([retired('docs/a', 'archived', pruned), retired('docs/a', 'trashed', pruned)]);
    expect(plan.operations.find((o) => o.key === 'docs/a')?.action).toBe('restore');
    const current = planWith([retired('docs/a', 'trashed', pruned)], { remote: publishAll(desired) });
    expect(current.operations.every((o) => o.action === 'unchanged')).toBe(true);
  });
});

describe('desiredPages', () => {
  it('orders siblings by position, keeping tree order for the rest and parents first', () => {
    const pages = tree([
      { key: 'r' },
      { key: 'r/c', parentKey: 'r', position: 3 },
      { key: 'r/a', parentKey: 'r', position: 1 },
      { key: 'r/a/x', parentKey: 'r/a' },
      { key: 'r/z', parentKey: 'r' },
      { key: 'r/b', parentKey: 'r', position: 2 },
    ]);
    expect(pages.map((p) => p.key)).toEqual(['r', 'r/a', 'r/b', 'r/c', 'r/z', 'r/a/x']);
  });

  it('hashes title, parent, body, labels and attachments: any change shows, nothing else does', () => {
    const [a] = tree([{ key: 'x', labels: ['b', 'a'] }]);
    const [same] = tree([{ key: 'x', labels: ['a', 'b', 'a'] }]);
    const [retitled] = tree([{ key: 'x', labels: ['a', 'b'], title: 'Other' }]);
    expect(same.hash).toBe(a.hash);
    expect(retitled.hash).not.toBe(a.hash);
    expect(retitled.bodyHash).toBe(a.bodyHash);
  });
});

describe('desiredPages', () => {
  it('refuses a page Confluence would reject (a body over 5 MB) before anything is sent', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    let error: unknown;
    try {
      tree([{ key: 'small' }, { key: 'huge', storage: `<p>${big}</p>` }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'DG_PAGE_TOO_LARGE' });
    expect((error as Error).message).toBe('page "huge" is 5.0 MB of storage; Confluence rejects a page body over 5 MB');
    // Just under the limit passes.
    expect(tree([{ key: 'fits', storage: 'y'.repeat(5 * 1024 * 1024 - 100) }])).toHaveLength(1);
  });
});

describe('planSync: a doc set whose sources change, and runs of some of its sources', () => {
  const withSource = (key: string, plugin: string) => ({ key, source: { plugin, file: `${key}.src` } });
  const docs = [withSource('docs', 'openapi'), { ...withSource('docs/a', 'openapi'), parentKey: 'docs' }];
  const adr = [withSource('adr', 'adr'), { ...withSource('adr/0001', 'adr'), parentKey: 'adr' }];
  /** The pages of `pages` as a run of doc set `set` published them. */
  const publishedAs = (pages: DesiredPage[], set: string) =>
    publishAll(pages).map((page) => ({
      ...page,
      ownership: { ...page.ownership!, value: { ...page.ownership!.value, set } },
    }));

  it('a source added to the config: the pages published before are taken back and take the new name, with no write to their body', () => {
    const before = publishedAs(tree(docs), 'docs');
    const plan = planSync({ desired: tree([...docs, ...adr]), remote: before, rootId: '1', docSet: 'adr+docs' });
    expect(plan.docSet).toBe('adr+docs');
    const actions = plan.operations.map((op) => [op.key, op.action, op.changes.join('+')]);
    expect(actions.sort()).toEqual([
      ['adr', 'create', 'body+title+parent+labels+attachments+state'],
      ['adr/0001', 'create', 'body+title+parent+labels+attachments+state'],
      ['docs', 'update', 'state'],
      ['docs/a', 'update', 'state'],
    ]);
  });

  it('a source taken out of the config: its pages are orphans of the run (archived with prune)', () => {
    const before = publishedAs(tree([...docs, ...adr]), 'shop');
    const input = { desired: tree(docs), remote: before, rootId: '1', docSet: 'shop' };
    expect(
      planSync(input)
        .operations.filter((op) => op.action === 'orphan')
        .map((op) => op.key),
    ).toEqual(['adr/0001', 'adr']);
    const pruned = planSync({ ...input, prune: true }).operations.filter((op) => op.action === 'archive');
    expect(pruned.map((op) => op.key)).toEqual(['adr/0001', 'adr']);
  });

  it('pages under an earlier name are taken over by their keys, and nothing else of that name: it may have been another repository’s too', () => {
    // Before doc sets were named after their repository, two repositories under one parent could both be "api".
    const mine = publishedAs(tree([withSource('api/shop', 'openapi'), withSource('api/shop/old', 'openapi')]), 'api');
    const theirs = publishedAs(tree([withSource('api/billing', 'openapi')]), 'api');
    const plan = planSync({
      desired: tree([withSource('api/shop', 'openapi')]),
      remote: [...mine, ...theirs],
      rootId: '1',
      docSet: 'github.com/acme/shop',
      docSetNamed: true,
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+')])).toEqual([
      ['api/shop', 'update', 'state'],
    ]);
  });

  it('a set named `api` by confluence.docSet is not the `api` older runs made of their keys: of that, only its keys are taken over', () => {
    const mine = publishedAs(tree([withSource('api/shop', 'openapi')]), 'api');
    const theirs = publishedAs(tree([withSource('api/billing', 'openapi')]), 'api');
    const plan = planSync({
      desired: tree([withSource('api/shop', 'openapi')]),
      remote: [...mine, ...theirs],
      rootId: '1',
      docSet: 'api',
      docSetNamed: true,
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+')])).toEqual([
      ['api/shop', 'update', 'state'],
    ]);
    // And the other way: a run whose set is named after its keys never takes a named set's pages.
    const named = publishedAs(tree([withSource('api/billing', 'openapi')]), 'api');
    for (const page of named) page.ownership!.value.named = true;
    const keyed = planSync({
      desired: tree([withSource('api/shop', 'openapi')]),
      remote: named,
      rootId: '1',
      docSet: 'api',
      prune: true,
    });
    expect(keyed.operations.map((op) => [op.key, op.action])).toEqual([['api/shop', 'create']]);
  });

  it('a set named after its remote takes over its first commit’s pages, never another repository’s, and asks for that name only of such pages', () => {
    const namedAs = (set: string, key: string) =>
      publishedAs(tree([withSource(key, 'openapi')]), set).map((page) => ({
        ...page,
        ownership: { ...page.ownership!, value: { ...page.ownership!.value, named: true } },
      }));
    let asked = 0;
    const input = {
      desired: tree([withSource('api/shop', 'openapi'), withSource('api/billing', 'openapi')]),
      rootId: '1',
      docSet: 'github.com/acme/shop:apps/a',
      docSetNamed: true,
      // The name the repository's history gives (a walk of it in core): asked for, counted.
      docSetFirstCommitName: () => {
        asked += 1;
        return 'first-commit/3f2a1c94e0b7:apps/a';
      },
    };
    const mine = namedAs('first-commit/3f2a1c94e0b7:apps/a', 'api/shop');
    const theirs = namedAs('first-commit/0ac8f88d2e11:apps/a', 'api/billing');
    const plan = planSync({ ...input, remote: [...mine, ...theirs] });
    expect(plan.operations.map((op) => [op.key, op.action, op.conflict ?? op.changes.join('+')])).toEqual([
      ['api/shop', 'update', 'state'],
      ['api/billing', 'conflict', 'title-taken'],
    ]);
    expect(asked).toBeGreaterThan(0);
    // Pages of its own set and of another remote's: the history is not asked.
    asked = 0;
    const again = planSync({
      ...input,
      remote: [...namedAs(input.docSet, 'api/shop'), ...namedAs('github.com/acme/billing:apps/a', 'api/billing')],
    });
    expect(again.operations.map((op) => [op.key, op.action])).toEqual([
      ['api/shop', 'unchanged'],
      ['api/billing', 'conflict'],
    ]);
    expect(asked).toBe(0);
  });

  /** A plan meeting a first commit's page of its key, its own first commit's name found as `found` gives it. */
  const meetingFirstCommitPage = (found: NonNullable<Parameters<typeof planSync>[0]['docSetFirstCommitName']>) =>
    planSync({
      desired: tree([withSource('api/shop', 'openapi')]),
      remote: publishedAs(tree([withSource('api/shop', 'openapi')]), 'first-commit/3f2a1c94e0b7:apps/a').map((p) => ({
        ...p,
        ownership: { ...p.ownership!, value: { ...p.ownership!.value, named: true } },
      })),
      rootId: '1',
      docSet: 'github.com/acme/shop:apps/a',
      docSetNamed: true,
      docSetFirstCommitName: found,
    });

  it('a title held by a first commit’s page, met by a shallow clone with a remote, says to fetch the whole history', () => {
    const plan = meetingFirstCommitPage(() => ({ missing: 'shallow' }));
    expect(plan.operations[0]).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
    expect(plan.operations[0]!.fix).toContain('this clone is shallow: docgen cannot read its first commit');
    expect(plan.operations[0]!.fix).toContain('`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout');
    expect(plan.operations[0]!.fix).toContain('set `confluence.docSet: "first-commit/3f2a1c94e0b7:apps/a"`');
    expect(plan.operations[0]!.fix).not.toContain('started anew');
  });

  it('a title held by a first commit’s page, where git cannot read this repository’s first commit, says what git said and how to let it', () => {
    const plan = meetingFirstCommitPage(() => ({ missing: 'git', detail: 'git is not installed' }));
    expect(plan.operations[0]).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
    expect(plan.operations[0]!.fix).toContain('git could not read its first commit (git is not installed)');
    expect(plan.operations[0]!.fix).toContain('make git run here (install it, or put it on PATH)');
    expect(plan.operations[0]!.fix).not.toContain('started anew');
  });

  it('a title held by a first commit’s page, met by a rendered folder published outside its repository, says to publish from the repository', () => {
    const plan = meetingFirstCommitPage(() => ({ missing: 'outside' }));
    expect(plan.operations[0]).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
    expect(plan.operations[0]!.fix).toContain('this folder was published outside its repository');
    expect(plan.operations[0]!.fix).toContain('publish it once from the repository and docgen takes the pages over');
    expect(plan.operations[0]!.fix).toContain('set `confluence.docSet: "first-commit/3f2a1c94e0b7:apps/a"`');
    expect(plan.operations[0]!.fix).not.toContain('started anew');
  });

  it('a title held by a page an older docgen published under another key says how to take it over', () => {
    const old = publishedAs(tree([{ ...withSource('api/old-shop', 'openapi'), title: 'Shop API' }]), 'api');
    const plan = planSync({
      desired: tree([{ ...withSource('api/shop', 'openapi'), title: 'Shop API' }]),
      remote: old,
      rootId: '1',
      docSet: 'github.com/acme/shop',
      docSetNamed: true,
    });
    expect(plan.operations[0]).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
    expect(plan.operations[0]!.reason).toContain('which docgen published as doc set "api" (a name made of its keys');
    expect(plan.operations[0]!.fix).toContain('publish once with the old key');
  });

  it('a page an older docgen pruned from this root comes back when its source does, after the upgrade took the rest over', () => {
    const current = publishedAs(tree([withSource('docs', 'openapi')]), 'github.com/acme/shop').map((page) => ({
      ...page,
      ownership: { ...page.ownership!, value: { ...page.ownership!.value, named: true } },
    }));
    const [pruned] = publishedAs(tree([withSource('adr', 'adr')]), 'adr+docs').map((page) => ({
      ...page,
      status: 'trashed',
      ownership: {
        ...page.ownership!,
        value: { ...page.ownership!.value, pruned: { root: '1', at: '2026-11-01T00:00:00Z' } },
      },
    }));
    const plan = planSync({
      desired: tree([withSource('docs', 'openapi'), withSource('adr', 'adr')]),
      remote: current,
      retired: [pruned!],
      rootId: '1',
      docSet: 'github.com/acme/shop',
      docSetNamed: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['docs', 'unchanged'],
      ['adr', 'restore'],
    ]);
  });

  it('a flag run takes back from the trash, under its key, the page of its file the config’s run pruned (same title)', () => {
    const file = (path: string) => ({ plugin: 'openapi', file: path });
    const inTrash = (key: string, path: string) =>
      publishedAs(tree([{ ...withSource(key, 'openapi'), title: 'PAYMENTS API', source: file(path) }]), 'shop').map(
        (page) => ({
          ...page,
          status: 'trashed',
          ownership: { ...page.ownership!, value: { ...page.ownership!.value, pruned: { root: '1', at: 'then' } } },
        }),
      );
    const job = (retired: RemotePage[]) =>
      planSync({
        desired: tree([
          {
            ...withSource('api/acme-payments-api', 'openapi'),
            title: 'PAYMENTS API',
            source: file('payments/openapi.yaml'),
          },
        ]),
        remote: [],
        retired,
        rootId: '1',
        docSet: 'shop',
        partial: 'flags',
        filesComparable: true,
      }).operations.map((op) => op.action);
    expect(job(inTrash('api/payments', 'payments/openapi.yaml'))).toEqual(['restore']);
    // Another file's page of that title is not the job's to take.
    expect(job(inTrash('api/payments', 'billing/openapi.yaml'))).toEqual(['conflict']);
  });

  it('a page of this doc set for another key in the trash holds the title: the fix is not to restore it, which leaves it another key’s', () => {
    // The config's run pruned `api/billing` (spec taken out of the config and renamed in one change);
    // the job renders the renamed file. Restored, the page is still `api/billing` of another file, a
    // title conflict again; purged, the job creates its page.
    const [held] = publishedAs(
      tree([
        {
          ...withSource('api/billing', 'openapi'),
          title: 'BILLING API',
          source: { plugin: 'openapi', file: 'billing/api.yaml' },
        },
      ]),
      'shop',
    ).map((page) => ({
      ...page,
      status: 'trashed',
      ownership: { ...page.ownership!, value: { ...page.ownership!.value, pruned: { root: '1', at: 'then' } } },
    }));
    const plan = planSync({
      desired: tree([
        {
          ...withSource('api/acme-billing-api', 'openapi'),
          title: 'BILLING API',
          source: { plugin: 'openapi', file: 'billing/openapi.yaml' },
        },
      ]),
      remote: [],
      retired: [held!],
      rootId: '1',
      docSet: 'shop',
      partial: 'flags',
      filesComparable: true,
    });
    expect(plan.operations[0]).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
    expect(plan.operations[0]!.fix).not.toMatch(/restore/);
    expect(plan.operations[0]!.fix).toMatch(/^purge it from the trash/);
  });

  it('a flag run of a folder the config does not list leaves alone the config’s pages of the files in it', () => {
    // The config publishes `docs/adr` (key decisions); `docgen adr --dir docs --prune` renders the
    // same records from the folder above, under its own keys.
    const adrOf = (key: string, dir: string) => [
      { key, title: `${key} log`, source: { plugin: 'adr', file: dir } },
      {
        key: `${key}/1`,
        parentKey: key,
        title: `${key} 1`,
        source: { plugin: 'adr', file: `${dir}/0001-use-postgres.md` },
      },
    ];
    const configs = publishedAs(tree(adrOf('decisions', 'docs/adr')), 'shop');
    const plan = planSync({
      desired: tree([
        { key: 'adr', title: 'ADR log', source: { plugin: 'adr', file: 'docs' } },
        {
          key: 'adr/1',
          parentKey: 'adr',
          title: 'ADR 1',
          source: { plugin: 'adr', file: 'docs/adr/0001-use-postgres.md' },
        },
      ]),
      remote: configs,
      rootId: '1',
      docSet: 'shop',
      partial: 'flags',
      filesComparable: true,
      unlisted: true,
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['adr', 'create'],
      ['adr/1', 'create'],
    ]);
  });

  it('a run of the whole config leaves alone the pages a run of sources given by flags created', () => {
    const flagged = publishedAs(tree([withSource('api/orders', 'openapi')]), 'shop');
    flagged[0]!.ownership!.value.fromFlags = true;
    const mine = publishedAs(tree(docs), 'shop');
    const plan = planSync({
      desired: tree(docs),
      remote: [...mine, ...flagged],
      rootId: '1',
      docSet: 'shop',
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['docs', 'unchanged'],
      ['docs/a', 'unchanged'],
    ]);
  });

  it('a page a run of flags created becomes the config’s when its run publishes it (the mark cleared), also under a new key', () => {
    const flagged = publishedAs(
      tree([
        { ...withSource('api/acme-notifications', 'openapi'), title: 'Notifications', markdown: 'Notifications.' },
      ]),
      'shop',
    );
    const listed = publishedAs(tree([withSource('api/orders', 'openapi')]), 'shop');
    for (const page of [...flagged, ...listed]) page.ownership!.value.fromFlags = true;
    const plan = planSync({
      desired: tree([
        withSource('api/orders', 'openapi'),
        { ...withSource('api/notifications', 'openapi'), title: 'Notifications', markdown: 'Notifications.' },
      ]),
      remote: [...flagged, ...listed],
      rootId: '1',
      docSet: 'shop',
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+'), op.previousKey])).toEqual([
      ['api/orders', 'update', 'state', undefined],
      ['api/notifications', 'update', 'state', 'api/acme-notifications'],
    ]);
  });

  it('a flag run of a source the config does not list marks every page it publishes, the config’s it took over too', () => {
    const configs = publishedAs(tree([withSource('api/payments', 'openapi')]), 'shop');
    const plan = planSync({
      desired: tree([withSource('api/payments', 'openapi')]),
      remote: configs,
      rootId: '1',
      docSet: 'shop',
      partial: 'flags',
      unlisted: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+')])).toEqual([
      ['api/payments', 'update', 'state'],
    ]);
  });

  it('runs of flags whose pages share a top page (every runbook source’s `runbooks`) retire only pages of their own files', () => {
    const shared = [
      withSource('runbooks', 'runbook'),
      {
        ...withSource('runbooks/catalog', 'runbook'),
        parentKey: 'runbooks',
        source: { plugin: 'runbook', file: 'services/catalog' },
      },
      {
        ...withSource('runbooks/payments', 'runbook'),
        parentKey: 'runbooks',
        source: { plugin: 'runbook', file: 'services/payments' },
      },
    ];
    const remote = publishedAs(tree(shared), 'shop');
    // The index records the folder it lists (each job its own).
    const oneFolder = tree([{ ...shared[0]!, source: { plugin: 'runbook', file: 'services/payments' } }, shared[2]!]);
    // …also once this job was the last to write the index, which then records its folder.
    const lastWriter = remote.map((page) =>
      page.ownership!.value.key === 'runbooks'
        ? {
            ...page,
            ownership: {
              ...page.ownership!,
              value: { ...page.ownership!.value, source: { plugin: 'runbook', file: 'services/payments' } },
            },
          }
        : page,
    );
    for (const other of [remote, lastWriter])
      for (const filesComparable of [true, false]) {
        const plan = planSync({
          desired: oneFolder,
          remote: other,
          rootId: '1',
          docSet: 'shop',
          partial: 'flags',
          filesComparable,
          prune: true,
        });
        expect(plan.operations.some((op) => op.action === 'archive' || op.action === 'orphan')).toBe(false);
      }
    for (const filesComparable of [true, false]) {
      const plan = planSync({
        desired: oneFolder,
        remote,
        rootId: '1',
        docSet: 'shop',
        partial: 'flags',
        filesComparable,
        prune: true,
      });
      expect(plan.operations.some((op) => op.action === 'archive' || op.action === 'orphan')).toBe(false);
    }
    // A run of the config's runbook plugin does not retire a flag run's page under its top either.
    remote[2]!.ownership!.value.fromFlags = true;
    const plugins = planSync({
      desired: tree(shared.slice(0, 2)),
      remote,
      rootId: '1',
      docSet: 'shop',
      partial: 'plugins',
      prune: true,
    });
    expect(plugins.operations.some((op) => op.action === 'archive' || op.action === 'orphan')).toBe(false);
  });

  it('a flag run of listed and unlisted sources marks only the unlisted one’s pages', () => {
    const spec = {
      ...withSource('api/catalog', 'openapi'),
      source: { plugin: 'openapi', file: 'services/catalog/openapi.yaml' },
    };
    const routes = {
      ...withSource('api/catalog/routes', 'routes'),
      parentKey: 'api/catalog',
      source: { plugin: 'routes', file: 'services/catalog/src/server.ts' },
    };
    const remote = publishedAs(tree([spec, routes]), 'shop');
    const input = {
      desired: tree([spec, routes]),
      remote,
      rootId: '1',
      docSet: 'shop',
      partial: 'flags' as const,
      unlisted: true,
    };
    const plan = planSync({ ...input, listedFiles: ['services/catalog/openapi.yaml'] });
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+')])).toEqual([
      ['api/catalog', 'unchanged', ''],
      ['api/catalog/routes', 'update', 'state'],
    ]);
    // A runbook folder the config lists holds the file of a page a flag run of its parent folder renders.
    expect(planSync({ ...input, listedFiles: ['services/catalog'] }).operations.map((op) => op.action)).toEqual([
      'unchanged',
      'unchanged',
    ]);
  });

  it('an unlisted flag run does not overwrite a page the config publishes from another file: a conflict naming both files and the fix', () => {
    const adr = (key: string, file: string, title: string) => ({
      ...withSource(key, 'adr'),
      title,
      markdown: title,
      source: { plugin: 'adr', file },
    });
    const configs = [
      adr('adr', 'docs/adr', 'Architecture decisions'),
      { ...adr('adr/1', 'docs/adr/0001-use-postgres.md', 'ADR-0001: Use Postgres'), parentKey: 'adr' },
    ];
    const ops = [
      adr('adr', 'ops', 'Architecture decisions'),
      { ...adr('adr/1', 'ops/0001-use-vault.md', 'ADR-0001: Use Vault'), parentKey: 'adr' },
    ];
    const remote = publishedAs(tree(configs), 'shop');
    const run = { remote, rootId: '1', docSet: 'shop', partial: 'flags' as const, filesComparable: true };
    const plan = planSync({ ...run, desired: tree(ops), unlisted: true });
    expect(plan.operations.map((op) => [op.key, op.action, op.conflict])).toEqual([
      ['adr', 'conflict', 'other-source'],
      ['adr/1', 'conflict', 'other-source'],
    ]);
    const vault = plan.operations[1]!;
    expect(vault.pageId).toBe(remote[1]!.id);
    for (const words of [
      'adr/1',
      '"ADR-0001: Use Postgres"',
      'docs/adr/0001-use-postgres.md',
      'ops/0001-use-vault.md',
      'its own key',
      'in the config',
    ])
      expect(vault.reason).toContain(words);
    expect(vault.fix).toBeDefined();
    // Not for the same file (a spec moved out of the config into a job of its own is taken over, marked)…
    expect(planSync({ ...run, desired: tree(configs), unlisted: true }).operations.map((op) => op.action)).toEqual([
      'update',
      'update',
    ]);
    // …nor a run of the config's source, a run whose paths do not compare, or a page of a flag run.
    expect(planSync({ ...run, desired: tree(ops) }).operations.map((op) => op.action)).toEqual(['update', 'update']);
    expect(
      planSync({ ...run, filesComparable: false, desired: tree(ops), unlisted: true }).operations.map(
        (op) => op.action,
      ),
    ).toEqual(['update', 'update']);
    const flagged = remote.map((page) => ({
      ...page,
      ownership: { ...page.ownership!, value: { ...page.ownership!.value, fromFlags: true } },
    }));
    expect(
      planSync({ ...run, remote: flagged, desired: tree(ops), unlisted: true }).operations.map((op) => op.action),
    ).toEqual(['update', 'update']);
    // …nor a page with no file recorded.
    const unrecorded = remote.map((page) => ({
      ...page,
      ownership: { ...page.ownership!, value: { ...page.ownership!.value, source: { plugin: 'adr' } } },
    }));
    expect(
      planSync({ ...run, remote: unrecorded, desired: tree(ops), unlisted: true }).operations.map((op) => op.action),
    ).toEqual(['update', 'update']);
  });

  it('a page under a parent the tree does not have goes under the doc set’s page of that key, titled after it as a whole run titles it', () => {
    const pages = (routesTitle: string) => ({
      pages: [
        { key: 'api/catalog', title: 'Acme Catalog API', labels: [], markdown: 'API', attachments: [] },
        {
          key: 'api/catalog/routes',
          parentKey: 'api/catalog',
          title: routesTitle,
          labels: [],
          markdown: 'Routes',
          attachments: [],
        },
      ],
    });
    const remote = publishedAs(desiredPages(pages('Acme Catalog API: HTTP routes'), { converter }), 'shop');
    // `docgen api --routes services/catalog/src/server.ts`: the routes page alone, under the spec's page.
    const routesAlone = desiredPages(
      {
        pages: [
          {
            ...pages('Catalog: HTTP routes').pages[1]!,
            titleUnderOutsideParent: { prefix: '', words: 'HTTP routes' },
          },
        ],
        outsideParents: ['api/catalog'],
      },
      { converter },
    );
    const run = { desired: routesAlone, rootId: '1', docSet: 'shop', partial: 'flags' as const, filesComparable: true };
    const plan = planSync({ ...run, remote });
    expect(plan.operations.map((op) => [op.key, op.action, op.title])).toEqual([
      ['api/catalog/routes', 'unchanged', 'Acme Catalog API: HTTP routes'],
    ]);
    // Before the doc set has that page: under the managed root, with the title it was rendered with.
    const first = planSync({ ...run, remote: [] });
    expect(first.operations.map((op) => [op.action, op.title])).toEqual([['create', 'Catalog: HTTP routes']]);
    expect(first.outsideParents).toEqual({ 'api/catalog': '1' });
  });

  it('a parent a person renamed in Confluence does not title the page under it: the title stays the one docgen wrote', () => {
    const pages = [
      { key: 'api/catalog', title: 'Acme Catalog API', labels: [], markdown: 'API', attachments: [] },
      {
        key: 'api/catalog/routes',
        parentKey: 'api/catalog',
        title: 'Acme Catalog API: HTTP routes',
        labels: [],
        markdown: 'Routes',
        attachments: [],
      },
    ];
    const remote = publishedAs(desiredPages({ pages }, { converter }), 'shop');
    // A person's rename: a version docgen did not write. A run of the whole config says it is edited,
    // and titles the routes page from the parent it renders.
    remote[0] = { ...remote[0]!, title: 'Catalog API (v2)', version: { number: 2, message: '' } };
    const routesAlone = desiredPages(
      {
        pages: [
          {
            ...pages[1]!,
            title: 'Catalog: HTTP routes',
            titleUnderOutsideParent: { prefix: '', words: 'HTTP routes' },
          },
        ],
        outsideParents: ['api/catalog'],
      },
      { converter },
    );
    const run = { desired: routesAlone, rootId: '1', docSet: 'shop', partial: 'flags' as const, filesComparable: true };
    // Retitled after the person's title, a whole run would title it back, and the next such run again.
    expect(planSync({ ...run, remote }).operations.map((op) => [op.action, op.title])).toEqual([
      ['unchanged', 'Acme Catalog API: HTTP routes'],
    ]);
  });

  it('a flag run whose files do not compare (confluence.docSet, no remote) retires nothing it no longer renders: safe, not tidy', () => {
    const file = { plugin: 'openapi', file: 'services/payments/openapi.yaml' };
    const pages = [
      { ...withSource('api/payments', 'openapi'), source: file },
      { ...withSource('api/payments/tag/refunds', 'openapi'), parentKey: 'api/payments', source: file },
    ];
    const remote = publishedAs(tree(pages), 'acme');
    const plan = planSync({
      desired: tree(pages.slice(0, 1)),
      remote,
      rootId: '1',
      docSet: 'acme',
      partial: 'flags',
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([['api/payments', 'unchanged']]);
    // Where they compare (a set named after the folder it ran in), the gone tag's page is retired.
    const named = planSync({
      desired: tree(pages.slice(0, 1)),
      remote,
      rootId: '1',
      docSet: 'acme',
      partial: 'flags',
      filesComparable: true,
      prune: true,
    });
    expect(named.operations.map((op) => [op.key, op.action])).toEqual([
      ['api/payments', 'unchanged'],
      ['api/payments/tag/refunds', 'archive'],
    ]);
  });

  it('a flag run records a renamed spec’s file on its pages (docgen’s record only); a whole run leaves the record as it is', () => {
    const pages = (file: string) => [
      { ...withSource('api/payments', 'openapi'), source: { plugin: 'openapi', file } },
      {
        ...withSource('api/payments/tag/refunds', 'openapi'),
        parentKey: 'api/payments',
        source: { plugin: 'openapi', file },
      },
    ];
    const remote = publishedAs(tree(pages('payments/openapi.yaml')), 'acme');
    const renamed = tree(pages('payments/api.yaml'));
    const flags = planSync({
      desired: renamed,
      remote,
      rootId: '1',
      docSet: 'acme',
      partial: 'flags',
      filesComparable: true,
    });
    expect(flags.operations.map((op) => [op.key, op.action, op.changes.join()])).toEqual([
      ['api/payments', 'update', 'state'],
      ['api/payments/tag/refunds', 'update', 'state'],
    ]);
    // A whole run may run in another folder than the flag runs, its paths relative to it: the two would write in turn.
    const whole = planSync({ desired: renamed, remote, rootId: '1', docSet: 'acme' });
    expect(whole.operations.map((op) => op.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('a flag run of a folder retires the page of a file deleted from it, not one of a folder beside it', () => {
    const adr = (key: string, file: string) => ({ ...withSource(key, 'adr'), source: { plugin: 'adr', file } });
    const index = adr('adr', 'decisions');
    const pages = [
      index,
      { ...adr('adr/1', 'decisions/0001-use-postgres.md'), parentKey: 'adr' },
      { ...adr('adr/2', 'decisions/0002-use-kafka.md'), parentKey: 'adr' },
      { ...adr('adr/3', 'decisions-old/0003-use-mongo.md'), parentKey: 'adr' },
    ];
    const plan = planSync({
      desired: tree(pages.slice(0, 2)),
      remote: publishedAs(tree(pages), 'acme'),
      rootId: '1',
      docSet: 'acme',
      partial: 'flags',
      filesComparable: true,
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['adr', 'unchanged'],
      ['adr/1', 'unchanged'],
      ['adr/2', 'archive'],
    ]);
  });

  it('two named doc sets are never one, even with a page of the same key and title: a title conflict, as before', () => {
    const theirs = publishedAs(tree([withSource('adr', 'adr'), withSource('adr/0002', 'adr')]), 'github.com/acme/a');
    for (const page of theirs) page.ownership!.value.named = true;
    const plan = planSync({
      desired: tree([withSource('adr', 'adr')]),
      remote: theirs,
      rootId: '1',
      docSet: 'github.com/acme/b',
      docSetNamed: true,
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action, op.conflict])).toEqual([['adr', 'conflict', 'title-taken']]);
    expect(plan.operations[0]!.reason).toContain('another docgen doc set ("github.com/acme/a"');
  });

  it('a local set (an app’s folder, no remote) takes over its pages of an older docgen, never another folder’s: a title conflict', () => {
    const local = (pages: DesiredPage[], set: string, folder: string) =>
      publishedAs(pages, set).map((page) => ({
        ...page,
        ownership: { ...page.ownership!, value: { ...page.ownership!.value, local: folder } },
      }));
    const older = publishedAs(tree(docs), 'docs');
    const otherApp = local(tree([withSource('adr', 'adr')]), 'adr+docs', 'apps/b');
    const plan = planSync({
      desired: tree([...docs, ...adr]),
      remote: [...older, ...otherApp],
      rootId: '1',
      docSet: 'adr+docs',
      docSetLocal: 'apps/a',
      prune: true,
    });
    expect([plan.docSet, plan.docSetLocal]).toEqual(['adr+docs', 'apps/a']);
    expect(plan.operations.map((op) => [op.key, op.action, op.conflict ?? op.changes.join('+')])).toEqual([
      ['docs', 'update', 'state'],
      ['adr', 'conflict', 'title-taken'],
      ['docs/a', 'update', 'state'],
      ['adr/0001', 'blocked', ''],
    ]);
    const conflict = plan.operations.find((op) => op.key === 'adr')!;
    expect(conflict).toMatchObject({ otherDocSet: 'adr+docs (apps/b)' });
    expect(conflict.fix).toContain('the app in apps/b publishes this page under the same parent');
  });

  it('a run of some sources updates their pages under the whole doc set’s name and leaves the others alone', () => {
    const before = publishedAs(tree([...docs, ...adr]), 'adr+docs');
    const changed = tree(adr.map((page) => ({ ...page, markdown: `new body of ${page.key}` })));
    const plan = planSync({
      desired: changed,
      remote: before,
      rootId: '1',
      docSet: 'adr',
      partial: 'plugins',
      prune: true,
    });
    expect(plan.docSet).toBe('adr+docs');
    expect(plan.operations.map((op) => [op.key, op.action, op.changes.join('+')])).toEqual([
      ['adr', 'update', 'body'],
      ['adr/0001', 'update', 'body'],
    ]);
    // The same run, not partial, of a doc set of that name would have taken the other source's pages for gone.
    const whole = planSync({ desired: changed, remote: before, rootId: '1', docSet: 'adr+docs' });
    expect(whole.operations.filter((op) => op.action === 'orphan').map((op) => op.key)).toEqual(['docs/a', 'docs']);
  });

  it('a run of some sources retires a page of its own source that is gone, never one of another source', () => {
    const before = publishedAs(tree([...docs, ...adr]), 'adr+docs');
    const plan = planSync({
      desired: tree(adr.slice(0, 1)),
      remote: before,
      rootId: '1',
      docSet: 'adr',
      partial: 'plugins',
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['adr', 'unchanged'],
      ['adr/0001', 'orphan'],
    ]);
  });

  it('another repository’s doc set under the same parent stays apart: other keys, or the same key under another title', () => {
    const billing = publishedAs(tree([withSource('api/billing', 'openapi')]), 'api');
    const runbooks = publishedAs(
      tree([{ ...withSource('runbooks', 'runbook'), title: 'Billing: Runbooks' }]),
      'runbooks',
    );
    const ours = tree([withSource('api/shop', 'openapi'), withSource('runbooks', 'runbook')]);
    const plan = planSync({
      desired: ours,
      remote: [...billing, ...runbooks],
      rootId: '1',
      docSet: 'api+runbooks',
      prune: true,
    });
    expect(plan.operations.map((op) => [op.key, op.action])).toEqual([
      ['api/shop', 'create'],
      ['runbooks', 'create'],
    ]);
  });

  it('a title a run of some sources would take from a page of the doc set’s other sources is a conflict that says to publish them all', () => {
    const before = publishedAs(tree([...docs, ...adr]), 'adr+docs');
    const clash = tree([...adr, { ...withSource('adr/0002', 'adr'), parentKey: 'adr', title: 'DOCS/A' }]);
    const op = planSync({ desired: clash, remote: before, rootId: '1', docSet: 'adr', partial: 'plugins' })
      .operations[2];
    expect(op).toMatchObject({ key: 'adr/0002', action: 'conflict', conflict: 'title-taken' });
    expect(op.reason).toContain("which this doc set's other sources publish");
    expect(op.fix).toContain('docgen generate --publish');
  });
  it('a title a flag run of a source the config does not list would take from a config page: the fix is another title or key, or listing it', () => {
    const spec = (key: string, file: string) => ({
      ...withSource(key, 'openapi'),
      title: 'Payments API',
      source: { plugin: 'openapi', file },
    });
    const configs = publishedAs(tree([spec('api/payments', 'payments/openapi.yaml')]), 'shop');
    const input = {
      desired: tree([spec('api/billing', 'billing/openapi.yaml')]),
      remote: configs,
      rootId: '1',
      docSet: 'shop',
      partial: 'flags' as const,
      filesComparable: true,
    };
    const [op] = planSync({ ...input, unlisted: true }).operations;
    expect(op).toMatchObject({ key: 'api/billing', action: 'conflict', conflict: 'title-taken' });
    // Publishing the config's sources at once does not render this one: no help.
    expect(op!.fix).not.toContain('every source of the config');
    expect(op!.fix).toContain('title');
    expect(op!.fix).toContain('key');
    expect(op!.fix).toContain('list it in the config');
  });
});
