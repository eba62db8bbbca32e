import { docSetRepository, namedAfterFirstCommit, type FirstCommitMissing } from '@docgen/core';
import type { RemotePage } from './client/types.js';
import { planReorder, type Reorder } from './order.js';
import { judgeRetired, retiredMessage } from './retired.js';
import { desiredPageHash, markerHash, pageSetIdentity, setIdentity, setLabel } from './state.js';

/**
 * The plan: desired tree + what Confluence has under the managed root → operations.
 * Pure: no I/O, no clock, so every rule here is tested without a server.
 */
export interface DesiredAttachment {
  fileName: string;
  mediaType: string;
  hash: string;
  data?: Uint8Array;
  path?: string;
}

export interface DesiredPage {
  key: string;
  /** Final title, prefix included. */
  title: string;
  parentKey?: string;
  /** Storage XHTML to send. */
  storage: string;
  /** normalizeStorage(storage): what diffs show and the body hash covers. */
  normalized: string;
  bodyHash: string;
  labels: string[];
  attachments: DesiredAttachment[];
  /** pageHash over title, parent, body, labels, attachments. */
  hash: string;
  source?: { plugin: string; file?: string };
  /**
   * A page named after a parent the tree does not have (see `Page.titleUnderOutsideParent` in core):
   * the plan titles it `<titlePrefix><prefix><parent's title without titlePrefix>: <words>` from the
   * doc set's page of that key (see `titledUnderParents`).
   */
  titleUnderParent?: { titlePrefix: string; prefix: string; words: string };
  /**
   * A page with no parent in a run of some sources that goes under the root page of another
   * source's file when a run of the whole config has that source (see `Page.nestUnderSourceOf` in
   * core): the plan gives it the doc set's page made from that file as its parent (see `nestedUnderSources`).
   */
  underSourceOf?: string;
}

export type Action =
  | 'create'
  /** A page docgen pruned (or, with --force, one a person deleted) brought back from the trash. */
  | 'restore'
  | 'update'
  | 'rename'
  | 'move'
  | 'unchanged'
  | 'conflict'
  /** Not written because a page above it is in a conflict that leaves it no parent to go under. */
  | 'blocked'
  | 'orphan'
  | 'archive';
export type Change = 'body' | 'title' | 'parent' | 'labels' | 'attachments' | 'state';
export type ConflictPolicy = 'fail' | 'skip' | 'overwrite';

export interface Operation {
  action: Action;
  key: string;
  title: string;
  /** Existing page, when there is one. */
  pageId?: string;
  parentKey?: string;
  changes: Change[];
  /** Why: for conflicts, orphans and pages kept back. */
  reason?: string;
  /**
   * `edited`: a person edited docgen's page; `title-taken`: another page has the title;
   * `deleted`: docgen's page is in the trash or the archive, retired by a person;
   * `other-source`: the config's page of this key, which a flag run of another file would overwrite;
   * `other-run`: a page of this key that another flag run (another CI job) publishes from another file.
   */
  conflict?: 'edited' | 'title-taken' | 'deleted' | 'other-source' | 'other-run';
  /** For a title-taken conflict: the one thing to do that resolves it (and publishes the pages under it). */
  fix?: string;
  /**
   * For a title-taken conflict with docgen's page of this key in another doc set: that doc set. The
   * same page, published by a run that rendered other sources too (`docgen generate` after `docgen adr`).
   */
  otherDocSet?: string;
  /**
   * For a title-taken conflict with this doc set's page of another key, from sources this run does
   * not render: that key. Its fix is to publish every source at once, which only the config can
   * tell works (two of its sources may make the title), so a caller with the config may retell it.
   */
  takenByOtherSources?: string;
  /** For a blocked page: the page in conflict above it (its parent, or further up), and whether it is the parent. */
  blockedBy?: { key: string; title: string; parent: boolean };
  /** A conflict on a page docgen owns (its rename is refused): it stays, and its children go under it. */
  ownPage?: boolean;
  /** For a title-taken conflict: a page an interrupted run may have created; adopted only if its body matches. */
  adoptId?: string;
  /**
   * For an orphan --prune does not retire: the page that keeps it — a page a person put under it
   * (or further down), or a page of docgen's a person edited (`edited`: this page itself, or one below).
   */
  keptFor?: { id: string; title: string; edited?: boolean };
  /** The key docgen's page had before its source was renamed: the page is taken over, not retired. */
  previousKey?: string;
  /** A human edit that --force / onConflict: overwrite lets docgen replace. */
  overwrite?: boolean;
  /** Conflict left alone on purpose (onConflict: skip): reported, does not fail the run. */
  skipped?: boolean;
  desired?: DesiredPage;
  remote?: RemotePage;
}

export interface Plan {
  rootId: string;
  docSet: string;
  /** The doc set's name is an identity (see `Ownership.named`): written so on each page. */
  docSetNamed?: boolean;
  /** A local set's folder (see `Ownership.local`): written so on each page. */
  docSetLocal?: string;
  /** The doc set and its earlier names, as `setIdentity` writes them: whose pages in the trash the run restores. */
  docSets?: string[];
  /** The tree's `partial`, `unlisted` and `listedFiles`, for the `fromFlags` mark the run writes (see `fromFlagsMark`). */
  partial?: PlanInput['partial'];
  unlisted?: boolean;
  listedFiles?: string[];
  operations: Operation[];
  /** Parents the tree does not have (see `PageTree.outsideParents` in core) → the page its pages go under. */
  outsideParents?: Record<string, string>;
  /** Moves that put docgen's pages in tree order among their siblings, applied after the pages. */
  reorder: Reorder[];
}

export interface PlanInput {
  desired: DesiredPage[];
  /** Every current page under the root, as listed (owned or not). */
  remote: RemotePage[];
  rootId: string;
  docSet: string;
  /**
   * `docSet` is an identity (`confluence.docSet`, the repository's remote), not a name made of the
   * tree's top-level keys: no other set is ever taken for it under an earlier name but unnamed ones
   * and those of `docSetFormerNames`.
   */
  docSetNamed?: boolean;
  /**
   * The folder in its repository that the set is of (`PageTree.docSetFolder`). Where `docSet` is
   * named after its keys (no remote), recorded so (see `Ownership.local`): another folder's set is
   * never taken for this one. Where it is named after the remote, the local set of the same folder
   * is this one before the remote was added: its pages are taken over, another folder's never.
   */
  docSetLocal?: string;
  /**
   * Names this `named` set had before (`PageTree.docSetFormerNames` in core: the same repository's
   * and folder's, written another way by an older docgen, or before the repository had a remote):
   * their pages are this set's under an earlier name, taken over as unnamed ones are.
   */
  docSetFormerNames?: readonly string[];
  /**
   * The name this `named` set had before its repository had a remote (`PageTree.docSetFirstCommitName`
   * in core): a former name too, asked for only of a page of a set so named (`namedAfterFirstCommit`)
   * that would otherwise be taken over, as finding it walks the repository's whole history; or why
   * it is not known, which a title conflict with such a page tells.
   */
  docSetFirstCommitName?: () => string | FirstCommitMissing;
  /**
   * For a set the config names: the folders whose local sets it takes over, its config's own (the
   * app published so before it was named) and those gone from its repository (an app moved or
   * renamed), never another app's that is still there.
   */
  takenFolders?: ReadonlySet<string>;
  /**
   * The tree is some of a doc set's sources (see `PageTree.partial` in core): the run manages
   * those sources' pages only, and leaves the doc set's other pages as they are instead of
   * retiring them as gone.
   */
  partial?: 'plugins' | 'flags';
  /** See `PageTree.filesComparable` in core: a run of sources from flags matches its pages by file. */
  filesComparable?: boolean;
  /** See `PageTree.unlisted` in core: the run marks the pages it publishes `fromFlags`. */
  unlisted?: boolean;
  /** See `PageTree.withoutConfig` in core: a title conflict's fix says to add a config, not to set a key in it. */
  withoutConfig?: boolean;
  /** See `PageTree.listedFiles` in core: pages of these sources are not marked. */
  listedFiles?: string[];
  /** See `PageTree.inConfigFolders` in core: the config's pages of their files stay the config's. */
  inConfigFolders?: string[];
  /**
   * Source files docgen's pages record that the checkout a flag run was rendered in no longer has
   * (see `Publisher`'s `sourceRoot`): a page of such a file is no sign of another job that publishes
   * it (a file renamed in the same change as one of its pages is dropped: a spec's tag, a service).
   */
  goneSources?: ReadonlySet<string>;
  prune?: boolean;
  onConflict?: ConflictPolicy;
  /** Plan page moves for sibling order (false where the API cannot move pages: Data Center). */
  reorder?: boolean;
  /**
   * Pages elsewhere in the space (outside the managed root) with titles the plan would create or
   * rename pages to: `Publisher.plan` looks them up, since Confluence keeps titles unique per space.
   */
  elsewhere?: RemotePage[];
  /**
   * Pages in the trash (or the archive) that hold titles the plan would create: Confluence keeps
   * their titles reserved. `Publisher.plan` looks them up, for titles no current page has.
   */
  retired?: RemotePage[];
  /**
   * Ids of docgen's pages whose newer version differs from docgen's only by readers' inline-comment
   * markers (`Publisher.plan` reads such a page's body to tell): not a human edit.
   */
  commentedOnly?: ReadonlySet<string>;
  /**
   * Ids of docgen's pages a person edited whose body, without comment markers, is now the one the
   * tree has: the edit was merged into the source, as a conflict says to do. Not a conflict.
   */
  editInSource?: ReadonlySet<string>;
  /**
   * Ids of pages docgen does not own, at version 1 with the title of a page of the tree, whose body
   * is the one docgen writes for it (`Publisher.plan` reads them): what an interrupted run created,
   * which the run adopts. A candidate not in it is a title conflict that holds back the pages under
   * it, as the run would find. Without it, adoption is left to the run to decide.
   */
  adoptable?: ReadonlySet<string>;
}

/**
 * A page whose title a desired page cannot take; `outside` when it is not under the managed root,
 * `otherRoot` when it is a page of this doc set in the tree docgen publishes under that page.
 */
type TakenTitle = RemotePage & { outside?: boolean; otherRoot?: string; otherSources?: boolean };

export function planSync(input: PlanInput): Plan {
  const { remote, rootId } = input;
  const family = docSetFamily(input);
  const docSet = family.name;
  const self = family.self;
  const flagRun = flagRunOf(input);
  const set: RunSet = {
    docSet,
    self,
    ...(family.local !== undefined && { local: family.local }),
    ...(flagRun && { flagRun }),
    ...(input.docSetFirstCommitName && { firstCommitName: input.docSetFirstCommitName }),
  };
  const policy = input.onConflict ?? 'fail';
  const otherRoots = otherTreeRoots(remote, rootId, family.members);
  const desiredKeys = new Set(input.desired.map((page) => page.key));
  const setOf = (page: RemotePage) => (otherRoots.has(page.id) ? undefined : pageSetIdentity(page));
  const byId = (a: RemotePage, b: RemotePage) => Number(a.id) - Number(b.id);
  const ours = remote.filter((page) => setOf(page) === self);
  const ownedByKey = new Map<string, RemotePage>();
  const duplicates: RemotePage[] = [];
  for (const page of [...ours].sort(byId)) {
    const key = page.ownership!.value.key;
    if (ownedByKey.has(key)) duplicates.push(page);
    else ownedByKey.set(key, page);
  }
  // A page of an earlier name of this doc set (see docSetFamily) is taken over by its key; its
  // others are not this run's: the name may have been another repository's too.
  for (const page of remote.filter((p) => setOf(p) !== self && family.members.has(setOf(p) ?? '')).sort(byId)) {
    const key = page.ownership!.value.key;
    if (!desiredKeys.has(key) || ownedByKey.has(key)) continue;
    ownedByKey.set(key, page);
    ours.push(page);
  }
  const desired = titledUnderParents(nestedUnderSources(input.desired, ours), ownedByKey);
  const oursIds = new Set(ours.map((page) => page.id));
  // What the run retires, or takes over for a new key, when the tree no longer has a page's key:
  // its doc set's pages; of a run of some sources, only those of its sources.
  // A flag run's pages are those of its files, where their paths compare; never those under its top
  // page, which another run may render too (every runbook source's `runbooks`), and whose record
  // says only which run wrote it last.
  const ofItsSources = renderedSources(desired, {
    byFile: input.partial === 'flags' && input.filesComparable === true,
    byTop: input.partial !== 'flags',
  });
  // What a run may take over for a new key: its doc set's pages (of a run of some sources, those of its sources).
  const mayRekey = (page: RemotePage) => pageSetIdentity(page) === self && (!input.partial || ofItsSources(page));
  // What it may retire: the same, but a whole run leaves alone the pages a run of sources given by
  // flags created (maybe none of its sources), unless it takes them over; and a flag run of sources
  // the config does not list leaves alone the config's pages of those sources' files (`docgen adr
  // --dir docs` beside the config's `docs/adr`), which the config's run still publishes or retires.
  const inScope = (page: RemotePage) =>
    mayRekey(page) &&
    (input.partial === 'flags' ? !configsPageOfUnlisted(input, page) : !page.ownership!.value.fromFlags);
  const notOursByTitle = new Map<string, TakenTitle>();
  for (const page of remote) {
    if (otherRoots.has(page.id)) notOursByTitle.set(fold(page.title), { ...page, otherRoot: otherRoots.get(page.id) });
    else if (!oursIds.has(page.id)) notOursByTitle.set(fold(page.title), page);
    else if (!desiredKeys.has(page.ownership!.value.key) && !inScope(page))
      notOursByTitle.set(fold(page.title), { ...page, otherSources: true });
  }
  const underRoot = new Set(remote.map((page) => page.id));
  for (const page of input.elsewhere ?? []) {
    // Outside the root, even a page of this doc set is not one the plan manages: its title is taken.
    if (!underRoot.has(page.id) && !notOursByTitle.has(fold(page.title)))
      notOursByTitle.set(fold(page.title), { ...page, outside: true });
  }

  const retiredByTitle = new Map<string, RemotePage>();
  for (const page of input.retired ?? []) {
    // The trash before the archive: a page in the trash is the one a restore can bring back.
    const other = retiredByTitle.get(fold(page.title));
    if (!other || (other.status === 'archived' && page.status !== 'archived'))
      retiredByTitle.set(fold(page.title), page);
  }

  const rekeyed = matchRekeyed(
    desired.filter((page) => !ownedByKey.has(page.key)),
    ours.filter((page) => !desiredKeys.has(page.ownership!.value.key) && mayRekey(page)),
    ownedByKey,
    { rootId, ours },
  );
  for (const [key, page] of rekeyed) ownedByKey.set(key, page);
  // A parent the tree does not have (a run of some sources): the doc set's page of that key, else
  // the managed root, where a whole run's next publish moves them from.
  const outsideParents = new Map(
    desired
      .filter((page) => page.parentKey !== undefined && !desiredKeys.has(page.parentKey))
      .map((page) => [page.parentKey!, ownedByKey.get(page.parentKey!)?.id ?? rootId]),
  );
  const otherRuns = otherFlagRunsPages(input, ours, { desiredKeys, inScope, rekeyed });
  // The page the run adopts for a key (the identical page an interrupted run left, see
  // `PlanInput.adoptable`; only where its body was read): the parent of the pages under it, as an
  // owned page is. Planned parents first, so known before their children's operations are built.
  const adoptedByKey = new Map<string, string>();
  const operations: Operation[] = [];
  for (const page of desired) {
    const owned = ownedByKey.get(page.key);
    const parentKey = page.parentKey;
    const wantedParentId =
      parentKey === undefined
        ? rootId
        : (outsideParents.get(parentKey) ?? ownedByKey.get(parentKey)?.id ?? adoptedByKey.get(parentKey));
    const retired = notOursByTitle.has(fold(page.title)) ? undefined : retiredByTitle.get(fold(page.title));
    const operation = owned
      ? planOwned(page, owned, { rootId, set, wantedParentId, otherRuns }, policy, notOursByTitle, input)
      : retired
        ? planRetired(page, retired, { rootId, family: family.members, policy, takeOver: mayRekey(retired) })
        : planNew(page, wantedParentId, notOursByTitle, set, {
            unlisted: unlistedSource(input, page),
            adoptable: input.adoptable,
          });
    if (operation.adoptId !== undefined && input.adoptable?.has(operation.adoptId))
      adoptedByKey.set(page.key, operation.adoptId);
    operations.push(operation);
  }

  blockChildrenOfConflicts(operations);

  const takenOver = new Set([...rekeyed.values()].map((page) => page.id));
  const retiring = [
    ...ours.filter((page) => !desiredKeys.has(page.ownership!.value.key) && !takenOver.has(page.id) && inScope(page)),
    ...duplicates.filter((d) => desiredKeys.has(d.ownership!.value.key)),
  ];
  const retiringIds = new Set(retiring.map((page) => page.id));
  const keptIds = new Set(remote.filter((page) => !retiringIds.has(page.id)).map((page) => page.id));
  // Retiring pages kept for a page that stays under them (children first, so a kept page keeps the
  // pages above it too: trashing one would move the kept pages out from where they are) → that page.
  const keptFor = new Map<string, Operation['keptFor'] & {}>();
  for (const page of orderChildrenFirst(retiring, remote)) {
    const value = page.ownership!.value;
    const keptChild = remote.find(
      (other) =>
        other.parentId === page.id &&
        (keptFor.has(other.id) || (keptIds.has(other.id) && !isMovingAway(other, desired, ownedByKey, family.members))),
    );
    // A person's edit is kept like a person's page (the trash is no place for it), unless --force.
    const edited = policy !== 'overwrite' && editedByPerson(page, input.commentedOnly);
    const foreign = keptChild
      ? (keptFor.get(keptChild.id) ?? { id: keptChild.id, title: keptChild.title })
      : edited
        ? { id: page.id, title: page.title, edited: true }
        : undefined;
    if (foreign) keptFor.set(page.id, foreign);
    const duplicate = desiredKeys.has(value.key);
    operations.push({
      action: input.prune && !foreign ? 'archive' : 'orphan',
      key: value.key,
      title: page.title,
      pageId: page.id,
      changes: [],
      ...(foreign ? { keptFor: foreign } : {}),
      reason: foreign
        ? keptReason(page, foreign, keptChild)
        : duplicate
          ? 'a second page claims the same key (left by an interrupted run)'
          : 'its source is gone',
      remote: page,
    });
  }
  return {
    rootId,
    docSet,
    ...(input.docSetNamed ? { docSetNamed: true } : {}),
    ...(family.local !== undefined ? { docSetLocal: family.local } : {}),
    docSets: [...family.members],
    ...(input.partial ? { partial: input.partial } : {}),
    ...(input.unlisted ? { unlisted: true } : {}),
    ...(input.listedFiles?.length ? { listedFiles: input.listedFiles } : {}),
    operations,
    ...(outsideParents.size ? { outsideParents: Object.fromEntries(outsideParents) } : {}),
    reorder: input.reorder ? planReorder(operations, rootId) : [],
  };
}

/**
 * A page named after a parent this run does not render (a routes page under its spec's API
 * reference, in `docgen api --routes …` of a source the config nests there) takes its title from
 * the doc set's page of that key, as a run that renders both titles it; else the title it has.
 */
function titledUnderParents(desired: DesiredPage[], ownedByKey: ReadonlyMap<string, RemotePage>): DesiredPage[] {
  return desired.map((page) => {
    const under = page.titleUnderParent;
    const parent = page.parentKey === undefined ? undefined : ownedByKey.get(page.parentKey);
    if (!under || !parent || !parent.title.startsWith(under.titlePrefix)) return page;
    // A title a person gave the parent is not the one a whole run titles this page from: keep the
    // title docgen gave it, or each run of the two would retitle it back.
    const title = titleIsDocgens(parent)
      ? `${under.titlePrefix}${under.prefix}${parent.title.slice(under.titlePrefix.length)}: ${under.words}`
      : keptTitleUnder(ownedByKey.get(page.key), under);
    return title === undefined ? page : rehashed(page, { title });
  });
}

/**
 * A page of a run of some sources that a whole run puts under the root page of another source's file
 * (a routes page under the API reference of the spec its `openapi` option names, in `docgen api
 * --routes …`): under the doc set's page made from that file whose parent is not, a page of the
 * config's sources (not a flag run's, which a whole run does not render). Else it stays a root.
 */
function nestedUnderSources(desired: DesiredPage[], ours: RemotePage[]): DesiredPage[] {
  return desired.map((page) => {
    const file = page.underSourceOf;
    if (file === undefined || page.parentKey !== undefined) return page;
    const made = ours.filter(
      (other) => other.ownership!.value.source?.file === file && !other.ownership!.value.fromFlags,
    );
    const ids = new Set(made.map((other) => other.id));
    const root = made.find((other) => !ids.has(other.parentId ?? ''));
    return root ? rehashed(page, { parentKey: root.ownership!.value.key }) : page;
  });
}

/** The page with the title or parent the plan gives it, and its hash over them anew. */
function rehashed(page: DesiredPage, change: Partial<Pick<DesiredPage, 'title' | 'parentKey'>>): DesiredPage {
  const changed = { ...page, ...change };
  return { ...changed, hash: desiredPageHash(changed) };
}

/** The page's live version, so its title, is one docgen wrote (recorded, or marked in its version message). */
function titleIsDocgens(page: RemotePage): boolean {
  return page.version.number === page.ownership!.value.version || markerHash(page.version.message) !== undefined;
}

/** The title docgen gave the page under its parent, where it has one of that form. */
function keptTitleUnder(
  owned: RemotePage | undefined,
  under: NonNullable<DesiredPage['titleUnderParent']>,
): string | undefined {
  const title = owned?.title;
  return title?.startsWith(`${under.titlePrefix}${under.prefix}`) && title.endsWith(`: ${under.words}`)
    ? title
    : undefined;
}

/** The doc set a run writes, its identity (see `setIdentity`), and those of its earlier names (see `docSetFamily`). */
export interface DocSetFamily {
  name: string;
  /** The folder of a local set (see `Ownership.local`). */
  local?: string;
  self: string;
  members: ReadonlySet<string>;
}

/**
 * The earlier names of this run's doc set. docgen named a doc set after the top-level keys a run
 * rendered (`adr+api`), so the name changed when a source was added or taken out, and a run of
 * some sources (`docgen adr`) had a name of its own; now a set has a name that stays (see
 * `docSetOf` in core), and the pages published before carry the old one. A set named so (not
 * `named`) that owns a page under this root with the key and the title of a page of this tree is
 * this doc set under an earlier name: its pages with this tree's keys are taken over and take the
 * run's name (a property write). A `named` set is never one: two repositories' sets stay apart even
 * where both publish a page of the same key and title (a title conflict, as it should be).
 * A local set (of a folder of a repository with no remote) takes an earlier name's pages so too,
 * those of its own folder and those an older docgen recorded with no folder, never another
 * folder's: two apps of one repository are two sets. So does the set its folder is named after
 * once the repository has a remote: the local set of its folder is the same app's. A `named` set
 * of one of `docSetFormerNames` is this one too: the same repository and folder, named otherwise before.
 * A run of some sources with no name of its own writes the name of the whole doc set it is a part
 * of: the family's set with all of its top-level keys and more.
 */
export function docSetFamily(
  input: Pick<
    PlanInput,
    | 'desired'
    | 'remote'
    | 'rootId'
    | 'docSet'
    | 'docSetNamed'
    | 'docSetLocal'
    | 'docSetFormerNames'
    | 'docSetFirstCommitName'
    | 'takenFolders'
    | 'partial'
    | 'retired'
  >,
): DocSetFamily {
  const local = input.docSetNamed ? undefined : input.docSetLocal;
  const ownSelf = setIdentity(input.docSet, input.docSetNamed, local);
  const formerName = formerNameTest(input);
  const titles = new Map(input.desired.map((page) => [page.key, fold(page.title)]));
  const claimed = new Map<string, { set: string; count: number }>();
  // Current pages, and pages the older docgen pruned from this root (a source put back restores them).
  const pruned = (input.retired ?? []).filter((page) => page.ownership?.value.pruned?.root === input.rootId);
  for (const page of [...input.remote, ...pruned]) {
    const value = page.ownership?.value;
    const identity = pageSetIdentity(page);
    if (!value || identity === ownSelf) continue;
    // A page recorded under another managed root is that tree's, whatever its set.
    if (value.root !== undefined && value.root !== input.rootId) continue;
    if (titles.get(value.key) !== fold(page.title)) continue;
    // Last: a former name may be asked of the repository's history.
    if (value.named ? !formerName(value.set) : value.local !== undefined && !takesLocalSet(value.local, input))
      continue;
    const seen = claimed.get(identity!) ?? { set: value.set, count: 0 };
    claimed.set(identity!, { ...seen, count: seen.count + 1 });
  }
  const name = input.partial && !input.docSetNamed ? wholeSetName(input.docSet, [...claimed.values()]) : input.docSet;
  const self = setIdentity(name, input.docSetNamed, local);
  return { name, ...(local !== undefined && { local }), self, members: new Set([ownSelf, self, ...claimed.keys()]) };
}

/**
 * Whether a `named` set is this `named` one under a name it had before: one of `docSetFormerNames`,
 * or its first commit's (`docSetFirstCommitName`), asked for only of a set named after a first commit.
 */
function formerNameTest(
  input: Pick<PlanInput, 'docSetNamed' | 'docSetFormerNames' | 'docSetFirstCommitName'>,
): (set: string) => boolean {
  if (!input.docSetNamed) return () => false;
  const formerNames = new Set(input.docSetFormerNames);
  return (set) => formerNames.has(set) || (namedAfterFirstCommit(set) && set === input.docSetFirstCommitName?.());
}

/**
 * Whether the run's set is the local set of `folder` under another name: the same folder's (named
 * after the remote added since), or, for a set the config names, one of `takenFolders`: a person
 * names the set so to keep the pages of the app, also where its folder was renamed.
 */
function takesLocalSet(
  folder: string,
  input: Pick<PlanInput, 'docSetNamed' | 'docSetLocal' | 'takenFolders'>,
): boolean {
  if (folder === input.docSetLocal) return true;
  return input.docSetNamed === true && input.takenFolders?.has(folder) === true;
}

/** Of the sets claimed, the one with all of `docSet`'s top-level keys and more that claims most pages; else `docSet`. */
function wholeSetName(docSet: string, claimed: Array<{ set: string; count: number }>): string {
  const keys = docSet.split('+');
  let name = docSet;
  let most = 0;
  for (const { set, count } of claimed) {
    const whole = new Set(set.split('+'));
    if (whole.size > keys.length && keys.every((key) => whole.has(key)) && count > most) {
      name = set;
      most = count;
    }
  }
  return name;
}

/** A page of the config's (not marked `fromFlags`) from a file of a source this run has that the config does not list. */
function configsPageOfUnlisted(run: Pick<PlanInput, 'unlisted' | 'listedFiles'>, page: RemotePage): boolean {
  const value = page.ownership!.value;
  return Boolean(run.unlisted) && !value.fromFlags && fromFlagsMark(run, undefined, value.source?.file);
}

/** The page is of a source given by flags that the config does not list (one `fromFlagsMark` marks). */
function unlistedSource(run: Pick<PlanInput, 'unlisted' | 'listedFiles'>, page: DesiredPage): boolean {
  return Boolean(run.unlisted) && fromFlagsMark(run, undefined, page.source?.file);
}

/**
 * The `fromFlags` mark a run writes on a page it publishes: set by a run of sources given by flags
 * that the config does not list (its pages are none of the config's, which a run of the config
 * must leave alone); as it was, by a flag run of sources the config lists; cleared by a run of the
 * config's sources, whose page it now is.
 */
export function fromFlagsMark(
  run: Pick<PlanInput, 'partial' | 'unlisted' | 'listedFiles'>,
  recorded: { fromFlags?: boolean } | undefined,
  file: string | undefined,
): boolean {
  // In a run of both, a page of a source the config lists (its file, or a file in its folder) is not marked.
  const listed = file !== undefined && (run.listedFiles ?? []).some((path) => atOrUnder(file, path));
  if (run.unlisted && !listed) return true;
  return run.partial === 'flags' && Boolean(recorded?.fromFlags);
}

/** Whether a path (a file's, or a page key) is `base` itself or inside it (`docs/adr/1.md` in `docs/adr`). */
function atOrUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/**
 * Pages of the sources a tree was rendered from: of a plugin it rendered, and (`byTop`) under a
 * top-level page it rendered, or (`byFile`) from a file it rendered or a file in a folder it
 * rendered, which finds a page whose key changed with its source's name. `byFile` only where paths
 * compare (`filesComparable`): a file's path is relative to where docgen ran, so two folders'
 * `openapi.yaml` are one path.
 */
function renderedSources(
  desired: DesiredPage[],
  { byFile, byTop }: { byFile: boolean; byTop: boolean },
): (page: RemotePage) => boolean {
  const keys = new Set(desired.map((page) => page.key));
  const tops = desired.filter((page) => page.parentKey === undefined || !keys.has(page.parentKey));
  const plugins = new Set(desired.map((page) => page.source?.plugin));
  const files = new Set(desired.map((page) => page.source?.file).filter((file) => file !== undefined));
  // A folder's source records the folder on its index page (`docgen adr --dir decisions`): a page of
  // a file in it is the run's too, also once that file is deleted, when it is to be retired.
  const inRenderedFolder = (file: string) => [...files].some((folder) => file.startsWith(`${folder}/`));
  return (page) => {
    const source = page.ownership?.value.source;
    if (!source || !plugins.has(source.plugin)) return false;
    const key = page.ownership!.value.key;
    return (
      (byFile && source.file !== undefined && (files.has(source.file) || inRenderedFolder(source.file))) ||
      (byTop && tops.some((top) => atOrUnder(key, top.key)))
    );
  };
}

/**
 * Pages of this doc set under the managed root that belong to another tree docgen publishes
 * under a page inside it (a team's own docs, a staging copy) → that page's id. Not this run's to
 * move, rename, take or prune. Such a page records its managed root, and is still under it; a page
 * written before docgen recorded roots is another tree's when a page not of this doc set (a
 * person's page, say) stands between it and the managed root.
 */
function otherTreeRoots(remote: RemotePage[], rootId: string, docSets: ReadonlySet<string>): Map<string, string> {
  const byId = new Map(remote.map((page) => [page.id, page]));
  const above = (page: RemotePage): RemotePage[] => {
    const chain: RemotePage[] = [];
    for (let p = byId.get(page.parentId ?? ''); p && chain.length < 1000; p = byId.get(p.parentId ?? '')) chain.push(p);
    return chain;
  };
  const found = new Map<string, string>();
  for (const page of remote) {
    const value = page.ownership?.value;
    if (!value || !docSets.has(pageSetIdentity(page)!)) continue;
    const chain = above(page);
    const other =
      value.root !== undefined
        ? value.root !== rootId && chain.some((p) => p.id === value.root)
          ? value.root
          : undefined
        : chain.find((p) => !docSets.has(pageSetIdentity(p) ?? ''))?.id;
    if (other !== undefined) found.set(page.id, other);
  }
  return found;
}

/** A newer version than docgen recorded, not docgen's own (no marker) nor only readers' comments. */
function editedByPerson(page: RemotePage, commentedOnly: ReadonlySet<string> = new Set()): boolean {
  const recorded = page.ownership!.value.version;
  return page.version.number !== recorded && !markerHash(page.version.message) && !commentedOnly.has(page.id);
}

/** Why a page whose source is gone stays: the page that keeps it, and where that page is. */
function keptReason(page: RemotePage, keeper: NonNullable<Operation['keptFor']>, child?: RemotePage): string {
  if (keeper.id === page.id)
    return `kept: edited in Confluence since docgen wrote it (version ${page.version.number}, docgen wrote ${page.ownership!.value.version}); --force retires it`;
  const under = child && child.id !== keeper.id ? ` (under "${child.title}")` : '';
  const what = keeper.edited ? ', edited in Confluence,' : '';
  return `kept: "${keeper.title}" (${keeper.id})${what} lives under it${under} and docgen will not retire it`;
}

/**
 * Pages of this doc set whose key the tree no longer has, each taken over by a new page of the
 * tree instead of being left beside it: a key changes when its source is renamed (an OpenAPI tag, a
 * Prisma model, an ADR's file) or the config's `key` is, and the page should keep its id, history,
 * links, watchers and readers' comments rather than become a duplicate. The rules, surest first:
 * - the same title: Confluence keeps titles unique per space, so a new page could not take it anyway;
 * - under one parent, from one source file, the same key relative to the parent's key (the pages
 *   under a renamed page: `api/shop/tag/pets` → `api/store/tag/pets`);
 * - under one parent, from one source file, the only page gone and the only page new whose keys
 *   differ in their last segment alone (`…/tag/pet` → `…/tag/pets`).
 * Anything less certain stays a new page and an orphan. Returns new key → the page that takes it.
 */
function matchRekeyed(
  fresh: DesiredPage[],
  gone: RemotePage[],
  ownedByKey: ReadonlyMap<string, RemotePage>,
  context: { rootId: string; ours: RemotePage[] },
): Map<string, RemotePage> {
  const taken = new Map<string, RemotePage>();
  const goneByTitle = new Map(gone.map((page) => [fold(page.title), page]));
  for (const page of fresh) {
    const holder = goneByTitle.get(fold(page.title));
    if (holder) taken.set(page.key, holder);
  }
  const oursById = new Map(context.ours.map((page) => [page.id, page]));
  // A parent taken over first gives the pages under it a parent id to be matched under: a few passes.
  for (let pass = 0; pass < 8; pass++) {
    const groups = groupBySiblinghood(
      fresh,
      gone,
      taken,
      (parentKey) =>
        parentKey === undefined ? context.rootId : (ownedByKey.get(parentKey) ?? taken.get(parentKey))?.id,
      (parentId) => oursById.get(parentId)?.ownership?.value.key,
    );
    let matched = 0;
    for (const { fresh: news, gone: olds } of groups.values()) {
      if (news.length === 1 && olds.length === 1) {
        taken.set(news[0].key, olds[0].page);
        matched++;
        continue;
      }
      for (const page of news) {
        const same = olds.filter((old) => old.relative === page.relative);
        if (same.length !== 1) continue;
        taken.set(page.key, same[0].page);
        matched++;
      }
    }
    if (matched === 0) break;
  }
  return taken;
}

type Relative<T> = { page: T; relative: string };

/**
 * The new pages and the gone ones not yet matched, grouped by parent page, source (plugin and file:
 * a page of another source is never another's rename) and the key's family relative to the parent's
 * key (that key without its last segment).
 */
function groupBySiblinghood(
  fresh: DesiredPage[],
  gone: RemotePage[],
  taken: ReadonlyMap<string, RemotePage>,
  parentIdOf: (parentKey: string | undefined) => string | undefined,
  keyOfPage: (pageId: string) => string | undefined,
): Map<string, { fresh: Array<Relative<DesiredPage> & { key: string }>; gone: Array<Relative<RemotePage>> }> {
  const used = new Set([...taken.values()].map((page) => page.id));
  const groups = new Map<
    string,
    { fresh: Array<Relative<DesiredPage> & { key: string }>; gone: Array<Relative<RemotePage>> }
  >();
  const groupOf = (parentId: string, source: DesiredPage['source'], relative: string) => {
    const id = JSON.stringify([parentId, source?.plugin ?? '', source?.file ?? '', keyFamily(relative)]);
    if (!groups.has(id)) groups.set(id, { fresh: [], gone: [] });
    return groups.get(id)!;
  };
  for (const page of fresh) {
    const parentId = parentIdOf(page.parentKey);
    if (taken.has(page.key) || parentId === undefined) continue;
    const relative = relativeKey(page.key, page.parentKey);
    groupOf(parentId, page.source, relative).fresh.push({ page, relative, key: page.key });
  }
  for (const page of gone) {
    const value = page.ownership!.value;
    if (used.has(page.id) || !page.parentId) continue;
    const relative = relativeKey(value.key, keyOfPage(page.parentId));
    groupOf(page.parentId, value.source, relative).gone.push({ page, relative });
  }
  return groups;
}

/** A key below its parent's (`api/shop/tag/pets` under `api/shop`: `tag/pets`); the whole key otherwise. */
function relativeKey(key: string, parentKey: string | undefined): string {
  return parentKey !== undefined && key.startsWith(`${parentKey}/`) ? key.slice(parentKey.length + 1) : key;
}

/** A key without its last segment: the pages a source renders side by side share it. */
function keyFamily(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

function planOwned(
  page: DesiredPage,
  owned: RemotePage,
  {
    rootId,
    set,
    wantedParentId,
    otherRuns = [],
  }: {
    rootId: string;
    set: RunSet;
    wantedParentId: string | undefined;
    otherRuns?: RemotePage[];
  },
  policy: ConflictPolicy,
  notOursByTitle: Map<string, TakenTitle>,
  run: Pick<
    PlanInput,
    'commentedOnly' | 'editInSource' | 'partial' | 'filesComparable' | 'unlisted' | 'listedFiles'
  > = {},
): Operation {
  const { commentedOnly = new Set(), editInSource = new Set() } = run;
  const state = owned.ownership!.value;
  const base = {
    key: page.key,
    title: page.title,
    pageId: owned.id,
    parentKey: page.parentKey,
    desired: page,
    remote: owned,
  };
  const claimed = claimedByConfig(page, owned, run);
  if (claimed)
    return {
      ...base,
      action: 'conflict',
      conflict: 'other-source',
      ownPage: true,
      changes: [],
      fix: claimed.fix,
      reason: `${claimed.why}: ${claimed.fix}`,
    };
  const shared = sharedWithAnotherRun(page, owned, otherRuns);
  if (shared)
    return {
      ...base,
      action: 'conflict',
      conflict: 'other-run',
      ownPage: true,
      changes: [],
      fix: shared.fix,
      reason: `${shared.why}: ${shared.fix}`,
    };
  const changes: Change[] = [];
  let recordedHash = state.hash;
  let stale = false;
  let merged = false;
  let overwrite: { reason: string } | undefined;
  if (owned.version.number !== state.version) {
    const marker = markerHash(owned.version.message);
    if (!marker && editInSource.has(owned.id)) {
      // The person's edit is in the source now: the live body is the one to write, so only docgen's record changes.
      merged = true;
    } else if (!marker && commentedOnly.has(owned.id)) {
      // A version that only added readers' comment markers: the body is docgen's, as recorded.
      stale = true;
      recordedHash = state.hash;
    } else if (!marker) {
      const reason = `edited in Confluence since docgen wrote it (version ${owned.version.number}, docgen wrote ${state.version})`;
      if (policy !== 'overwrite') {
        return { ...base, action: 'conflict', conflict: 'edited', changes: [], reason, skipped: policy === 'skip' };
      }
      overwrite = { reason };
    } else {
      // docgen wrote the live version but did not get to record it: repair, do not report.
      stale = true;
      recordedHash = marker;
    }
  }
  if (overwrite) {
    changes.push('body', 'state');
  } else if (stale) {
    if (!page.hash.startsWith(recordedHash)) changes.push('body');
    changes.push('state');
  } else {
    if (merged) changes.push('state');
    else if (state.bodyHash !== page.bodyHash) changes.push('body');
    if (!sameSet(state.labels, page.labels) || (owned.labels && page.labels.some((l) => !owned.labels!.includes(l))))
      changes.push('labels');
    if (!sameAttachments(state.attachments, page.attachments)) changes.push('attachments');
  }
  // A prune mark on a current page: a run died between marking the page and retiring it. Left,
  // it would make a later delete by a person look like docgen's own prune (restored unasked).
  if (state.pruned && !changes.includes('state')) changes.push('state');
  // The managed root it belongs to, recorded (written before docgen recorded it, or under another root).
  if (state.root !== rootId && !changes.includes('state')) changes.push('state');
  // A page of an earlier name of this doc set (see docSetFamily): its property takes this run's name.
  if (pageSetIdentity(owned) !== set.self && !changes.includes('state')) changes.push('state');
  // The flag run's mark, set or cleared (see fromFlagsMark).
  if (Boolean(state.fromFlags) !== fromFlagsMark(run, state, page.source?.file) && !changes.includes('state'))
    changes.push('state');
  // A flag run finds its pages by their file (see renderedSources): a page of a renamed spec records
  // the new name, or a later run would neither retire nor take over that page when its tag goes.
  // Only there: a whole run may record paths from another folder, and the two would write in turn.
  if (
    run.partial === 'flags' &&
    run.filesComparable &&
    state.source?.file !== page.source?.file &&
    !changes.includes('state')
  )
    changes.push('state');
  // A page taken over from a key the tree no longer has (see matchRekeyed): its property moves to the new key.
  const previousKey = state.key === page.key ? undefined : state.key;
  if (previousKey !== undefined && !changes.includes('state')) changes.push('state');
  if (owned.title !== page.title) {
    // Renamed to a title another page of the space has: Confluence refuses the write (a 400 that
    // failed the run halfway). Known from the listing, it is a conflict the plan shows.
    const taken = fold(owned.title) === fold(page.title) ? undefined : notOursByTitle.get(fold(page.title));
    if (taken) {
      const { why, fix } = titleTaken(taken, set, page.key, unlistedSource(run, page));
      return {
        ...base,
        action: 'conflict',
        conflict: 'title-taken',
        ownPage: true,
        changes: [],
        fix,
        reason: `cannot rename it from "${owned.title}": ${why}: ${fix}`,
      };
    }
    changes.push('title');
  }
  if (wantedParentId === undefined || owned.parentId !== wantedParentId) changes.push('parent');
  return {
    ...base,
    action: actionFor(changes),
    changes,
    ...(previousKey !== undefined ? { previousKey } : {}),
    ...(overwrite ? { overwrite: true, reason: overwrite.reason } : {}),
  };
}

/**
 * The config's page of this key, which a flag run of a source the config does not list renders from
 * another file (`docgen adr --dir ops` beside the config's `docs/adr`: both render `adr/1`). Written,
 * the config's page would take the other file's content and title, and each run of either would
 * write it back: a new version on every merge. Only where paths compare (`filesComparable`), and
 * not for the same file: a source moved out of the config into a job of its own takes its page over.
 */
function claimedByConfig(
  page: DesiredPage,
  owned: RemotePage,
  run: Pick<PlanInput, 'partial' | 'filesComparable' | 'unlisted' | 'listedFiles' | 'inConfigFolders'>,
): { why: string; fix: string } | undefined {
  const state = owned.ownership!.value;
  const recorded = state.source?.file;
  const file = page.source?.file;
  if (run.partial !== 'flags' || !run.filesComparable || state.fromFlags) return undefined;
  // A page of a source the config lists (in a run of listed and unlisted ones) is the config's own.
  if (!fromFlagsMark(run, state, file)) return undefined;
  if (recorded !== undefined && recorded === file) return sameFileInConfigFolder(page, owned, run);
  if (recorded === undefined || file === undefined) return undefined;
  return {
    why:
      `key "${page.key}" is page "${owned.title}" (${owned.id}), which the config's source publishes from ${recorded}; ` +
      `this run renders that key from ${file}, a source the config does not list, and would overwrite the page`,
    // A run of flags has no key of its own to give: only the config can set one (`options.key`).
    fix: `list the source of ${file} in the config with its own key (its \`options.key\`) and publish it from there, or give the config's source its own key`,
  };
}

/**
 * The config's page of a file this run renders from a folder inside one the config renders
 * (`docgen runbook --dir services/catalog` beside the config's `services`): not a source moved out of
 * the config, whose page the run takes over, but the same page made twice, each run with its own
 * content (a runbook's links to the services beside it), which the two runs would write in turn.
 */
function sameFileInConfigFolder(
  page: DesiredPage,
  owned: RemotePage,
  run: Pick<PlanInput, 'inConfigFolders'>,
): { why: string; fix: string } | undefined {
  const file = page.source?.file;
  const folder = run.inConfigFolders?.find((path) => file !== undefined && atOrUnder(file, path));
  if (folder === undefined) return undefined;
  return {
    why:
      `key "${page.key}" is page "${owned.title}" (${owned.id}), which the config's source publishes from ${file}; ` +
      `this run renders it from ${folder}, a folder of that source's that the config does not list, and would overwrite the page`,
    fix: `publish ${folder} with the config's run, or give this run's pages their own key by listing ${folder} in the config with its own \`key\``,
  };
}

/**
 * Pages of this doc set that another run of sources given by flags publishes (another CI job run in
 * the same folder): not rendered by this run, nor its to retire or take over. Only where paths
 * compare (`filesComparable`), so that their recorded files tell the runs apart; and not of a file
 * gone from the checkout (`goneSources`), which no job publishes any more.
 */
function otherFlagRunsPages(
  input: Pick<PlanInput, 'partial' | 'filesComparable' | 'goneSources'>,
  ours: RemotePage[],
  run: {
    desiredKeys: ReadonlySet<string>;
    inScope: (page: RemotePage) => boolean;
    rekeyed: ReadonlyMap<string, RemotePage>;
  },
): RemotePage[] {
  if (input.partial !== 'flags' || !input.filesComparable) return [];
  const takenOver = new Set([...run.rekeyed.values()].map((page) => page.id));
  const gone = (page: RemotePage) => input.goneSources?.has(page.ownership!.value.source?.file ?? '') === true;
  return ours.filter(
    (page) =>
      !run.desiredKeys.has(page.ownership!.value.key) && !run.inScope(page) && !takenOver.has(page.id) && !gone(page),
  );
}

/**
 * A page this flag run renders from another file than the one its record names, while pages of
 * that file's folder (where it leaves this run's paths, see `divergingPath`) that this run does not
 * render are still there: another job publishes it too (each runbook folder's job renders the
 * `runbooks` index, listing only its own services, and a service of a name both folders have).
 * Written, the page would take this run's content, and the other job's next run would write its
 * own back: a new page version on every merge. Where no such page is left, the file was renamed
 * (or its folder moved), and the page takes the new name as before.
 */
function sharedWithAnotherRun(
  page: DesiredPage,
  owned: RemotePage,
  otherRuns: RemotePage[],
): { why: string; fix: string } | undefined {
  const recorded = owned.ownership!.value.source;
  const file = page.source?.file;
  if (recorded?.file === undefined || file === undefined || recorded.file === file) return undefined;
  const folder = divergingPath(recorded.file, file);
  const ours = divergingPath(file, recorded.file);
  const theirs = otherRuns.filter((other) => {
    const source = other.ownership!.value.source;
    return source?.plugin === recorded.plugin && source.file !== undefined && atOrUnder(source.file, folder);
  });
  if (theirs.length === 0) return undefined;
  const named = theirs
    .slice(0, 3)
    .map((other) => `"${other.title}"`)
    .join(', ');
  const more = theirs.length > 3 ? ` and ${theirs.length - 3} more` : '';
  return {
    why:
      `key "${page.key}" is page "${owned.title}" (${owned.id}), which another run publishes from ${recorded.file}` +
      `${folder === recorded.file ? '' : ` in ${folder}`} ` +
      `with pages this run does not render (${named}${more}); this run renders that key from ${file}, ` +
      'and the two runs would rewrite the page in turn',
    fix:
      `publish ${folder} and ${ours} from one run (a config source whose folder holds both, \`docgen generate --publish\`), ` +
      `or give each run its own parent page (--confluence-parent); if no run publishes ${folder} any more, delete its pages`,
  };
}

/**
 * Where a recorded path leaves the path this run renders: their common folder and one step more on the
 * recorded side (`services/a` for `services/a/payments/catalog-info.yaml` against
 * `services/b/payments/catalog-info.yaml`): the folder another job renders, with the page's file in it.
 */
function divergingPath(recorded: string, file: string): string {
  const theirs = recorded.split('/');
  const ours = file.split('/');
  let common = 0;
  while (common < theirs.length - 1 && theirs[common] === ours[common]) common++;
  return theirs.slice(0, common + 1).join('/');
}

function planNew(
  page: DesiredPage,
  wantedParentId: string | undefined,
  notOursByTitle: Map<string, TakenTitle>,
  set: RunSet,
  { unlisted, adoptable }: { unlisted: boolean; adoptable?: ReadonlySet<string> },
): Operation {
  const base = { key: page.key, title: page.title, parentKey: page.parentKey, desired: page };
  const taken = notOursByTitle.get(fold(page.title));
  if (taken) {
    // Where the body was read (see `PlanInput.adoptable`), only the identical page is offered for adoption.
    const mayBeOurs =
      !taken.outside &&
      !taken.ownership &&
      taken.version.number === 1 &&
      wantedParentId !== undefined &&
      taken.parentId === wantedParentId &&
      adoptable?.has(taken.id) !== false;
    const { why, fix, otherDocSet, takenByOtherSources } = titleTaken(taken, set, page.key, unlisted);
    // Read and identical: no conflict to fix, an adoption (the fix stays for a page changed before the run reads it again).
    const reason =
      mayBeOurs && adoptable
        ? `the identical page an interrupted run left: docgen records it as its own, no new version`
        : `${why}${mayBeOurs ? ' (adopted only if it is the identical page an interrupted run created)' : ''}: ${fix}`;
    return {
      ...base,
      action: 'conflict',
      conflict: 'title-taken',
      pageId: taken.id,
      changes: [],
      remote: taken,
      adoptId: mayBeOurs ? taken.id : undefined,
      fix,
      ...(otherDocSet !== undefined ? { otherDocSet } : {}),
      ...(takenByOtherSources !== undefined ? { takenByOtherSources } : {}),
      reason,
    };
  }
  return { ...base, action: 'create', changes: ['body', 'title', 'parent', 'labels', 'attachments', 'state'] };
}

/**
 * A new page whose title a page in the trash or the archive holds: docgen's own page comes back
 * (`restore`); otherwise the conflict the run would meet, shown before anything is written.
 */
function planRetired(
  page: DesiredPage,
  held: RemotePage,
  context: { rootId: string; family: ReadonlySet<string>; policy: ConflictPolicy; takeOver: boolean },
): Operation {
  const base = { key: page.key, title: page.title, parentKey: page.parentKey, desired: page, pageId: held.id };
  const verdict = judgeRetired(held, {
    docSets: context.family,
    key: page.key,
    rootId: context.rootId,
    restoreDeleted: context.policy === 'overwrite',
    takeOver: context.takeOver,
  });
  if (verdict.restore) {
    return {
      ...base,
      action: 'restore',
      changes: ['body', 'title', 'parent', 'labels', 'attachments', 'state'],
      reason: verdict.reason,
      remote: held,
      ...(verdict.forced ? { overwrite: true } : {}),
    };
  }
  return {
    ...base,
    action: 'conflict',
    conflict: verdict.deleted ? 'deleted' : 'title-taken',
    changes: [],
    remote: held,
    fix: verdict.fix,
    reason: retiredMessage(verdict),
    // A person deleting docgen's page is a human edit like any other: `skip` leaves it deleted.
    ...(verdict.deleted && context.policy === 'skip' ? { skipped: true } : {}),
  };
}

/** What to do about a page docgen does not own that has the title docgen's page wants. */
export const RENAME_OR_ARCHIVE =
  "rename one of the two (docgen's with a titlePrefix or its source's title, or that page in Confluence), or archive that page if docgen's is to replace it";

/**
 * Whose page has the title, where it is (outside the managed root: Confluence titles are unique per
 * space), and what to do about it, which depends on whose page it is.
 */
function titleTaken(
  taken: TakenTitle,
  run: RunSet,
  key: string,
  unlisted: boolean,
): { why: string; fix: string; otherDocSet?: string; takenByOtherSources?: string } {
  const where = taken.path?.length ? ` (under ${taken.path.map((title) => `"${title}"`).join(' › ')})` : '';
  const page = `the title is used by page ${taken.id}${taken.outside ? `${where}, outside the managed root` : ''}`;
  const { docSet, self } = run;
  const set = taken.ownership?.value.set;
  if (taken.otherRoot !== undefined)
    return {
      why: `the title is used by page ${taken.id}${where}, which docgen published for this doc set under page ${taken.otherRoot}, inside the managed root`,
      fix: `publish this tree there (--confluence-parent ${taken.otherRoot}), give one of the two a title prefix (titlePrefix), or move that page out from under page ${taken.otherRoot} and docgen takes it back`,
    };
  if (taken.otherSources && taken.ownership!.value.fromFlags)
    return {
      why: `${page}, which a run of sources given by flags published (its key is "${taken.ownership!.value.key}")`,
      fix: `publish that source from the config with that page's key ("${taken.ownership!.value.key}") once, so docgen takes the page over, or delete that page`,
    };
  // A source given by flags that the config does not list: a run of the config's sources does not render it.
  if (taken.otherSources && unlisted)
    return {
      why: `${page}, which this doc set's other sources publish (its key is "${taken.ownership!.value.key}")`,
      fix: "give this run's pages a title prefix (--confluence-prefix), or list it in the config with a title, titlePrefix or key of its own (`options.title`, `titlePrefix`, `options.key`) and publish it from there",
    };
  if (taken.otherSources)
    return {
      why: `${page}, which this doc set's other sources publish (its key is "${taken.ownership!.value.key}")`,
      fix: 'publish every source of the config at once (`docgen generate --publish`), or rename one of the two',
      takenByOtherSources: taken.ownership!.value.key,
    };
  if (taken.outside && pageSetIdentity(taken) === self)
    return {
      why: `${page}, which docgen published for this doc set under another root`,
      fix: `move it under the managed root and docgen takes it back (its key is "${taken.ownership!.value.key}"), or archive it`,
    };
  if (set !== undefined && taken.ownership!.value.key === key) {
    const other = setLabel(taken.ownership!.value);
    const otherFolder = taken.ownership!.value.local;
    return {
      why: `${page}, this page as another docgen doc set ("${other}"; this run's is "${setLabel({ set: docSet, local: run.local })}") publishes it`,
      fix:
        otherFolder !== undefined && otherFolder !== run.local
          ? otherFolderFix(otherFolder)
          : renderedWithMore(set, docSet)
            ? `publish these pages as they were published, from every source of doc set "${set}" at once (\`docgen generate --publish\` of the config), not from a run of some of them`
            : sameDocumentationFix(set, run),
      otherDocSet: other,
    };
  }
  if (set !== undefined && !taken.ownership!.value.named && taken.ownership!.value.local === undefined)
    return {
      // A set named after its keys, by an older docgen: this repository's page under another key, or another's.
      why: `${page}, which docgen published as doc set "${set}" (a name made of its keys, before doc sets were named after their repository) under key "${taken.ownership!.value.key}"`,
      fix: "if it is this repository's page from before a source's key changed, publish once with the old key (docgen then takes it over) or delete that page; else give one of the two a title prefix (titlePrefix)",
    };
  if (set !== undefined)
    return {
      why: `${page}, which another docgen doc set ("${setLabel(taken.ownership!.value)}") owns`,
      fix: 'give one of the two a title prefix (titlePrefix)',
    };
  return {
    why: `${page}, which docgen does not own`,
    fix: RENAME_OR_ARCHIVE,
  };
}

/**
 * This run's doc set, as its title conflicts name it; `flagRun` where it is a run of sources given
 * by flags, named after the folder it ran in (ADR 11), with or without a config file.
 */
interface RunSet {
  docSet: string;
  /** The folder of a local set (see `Ownership.local`). */
  local?: string;
  self: string;
  flagRun?: { withoutConfig: boolean };
  /** Its name before its repository had a remote, or why it is not known (`PlanInput.docSetFirstCommitName`). */
  firstCommitName?: () => string | FirstCommitMissing;
}

function flagRunOf(input: PlanInput): RunSet['flagRun'] {
  return input.partial === 'flags' && input.filesComparable
    ? { withoutConfig: input.withoutConfig === true }
    : undefined;
}

/**
 * The fix of a title taken by another doc set's page of the same key, which may be this same
 * documentation: a flag run is named after the folder it runs in, so one run elsewhere in the same
 * repository is another set; the folder it ran in before is named, and a config only where the run has one.
 */
function sameDocumentationFix(other: string, run: RunSet): string {
  const name = `\`confluence.docSet: "${other}"\``;
  const folder = run.flagRun && earlierFolder(other, run.docSet);
  if (run.flagRun && folder !== undefined) {
    const config = run.flagRun.withoutConfig ? `add a docgen config with ${name}` : `set ${name} in its config`;
    return (
      `if both are the same documentation (a run of sources given by flags is named after the folder it runs in), ` +
      `run it in the folder it ran in before (${folder}), or ${config} to publish it as that doc set from any folder; ` +
      'else give one of the two a title prefix (titlePrefix)'
    );
  }
  const { why, first } = namedAfterFirstCommit(other)
    ? firstCommitConflict(run.firstCommitName?.())
    : {
        why: "a source given by a flag is named after the folder docgen runs in: run it in the config's folder; or the repository moved, or this is a clone of another remote",
      };
  const fix = `${first ? `${first}, or ` : ''}set ${name} in the config to publish it as that doc set`;
  return `if both are the same documentation (${why}), ${fix}; else give one of the two a title prefix (titlePrefix)`;
}

/**
 * Why this run's set may be a set named after a first commit (see `namedAfterFirstCommit`) without
 * taking its pages over, and the step that would, before `confluence.docSet`: where the first commit
 * is known, another; else what kept it from being read.
 */
function firstCommitConflict(found: string | FirstCommitMissing | undefined): { why: string; first?: string } {
  if (typeof found === 'object' && found.missing === 'shallow')
    return {
      why: 'a repository with no remote is named after its first commit, and this clone is shallow: docgen cannot read its first commit',
      first:
        'fetch its whole history once (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout) and docgen takes the pages over',
    };
  if (typeof found === 'object' && found.missing === 'git')
    return {
      why: `a repository with no remote is named after its first commit, and git could not read its first commit (${found.detail ?? 'git failed'})`,
      first: 'make git run here (install it, or put it on PATH) and docgen takes the pages over',
    };
  if (typeof found === 'object' && found.missing === 'outside')
    return {
      why: 'a repository with no remote is named after its first commit, and this folder was published outside its repository: docgen cannot read its first commit',
      first: 'publish it once from the repository and docgen takes the pages over',
    };
  return {
    why: 'a repository with no remote is named after its first commit: this one was started anew, or copied without its history',
  };
}

/**
 * The fix of a title taken by the page of the same key of a local set of another folder: another
 * app of this repository (with no remote) publishes that page under the same parent.
 */
function otherFolderFix(folder: string): string {
  const where = folder ? `the app in ${folder}` : 'the app at the root of this repository';
  return (
    `${where} publishes this page under the same parent (a repository with no remote: each folder is its own doc set); ` +
    'if both are the same documentation, publish it from one of the two; ' +
    `if this app moved from ${folder || 'the root of this repository'}, set \`confluence.docSet\` in its config (a name of its own) and it takes over that folder's pages; ` +
    'else give one of the two a title prefix (titlePrefix) or a parent page of its own'
  );
}

/** Where doc set `other` of the same repository as `docSet` ran (`github.com/acme/shop:services` → `services`); undefined for another repository's. */
function earlierFolder(other: string, docSet: string): string | undefined {
  const earlier = docSetRepository(other);
  if (earlier === undefined || earlier.repository !== docSetRepository(docSet)?.repository) return undefined;
  return earlier.folder ? `${earlier.folder} in its repository` : 'the root of its repository';
}

/** Doc set `other` has every top-level key of `docSet`, and more: a run of more sources (a whole config). */
function renderedWithMore(other: string, docSet: string): boolean {
  const keys = new Set(other.split('+'));
  return keys.size > 1 && docSet.split('+').every((key) => keys.has(key));
}

/**
 * A page whose title is taken is not written, so the pages under it have no parent to go under:
 * they are `blocked`, naming the conflict above them and its fix, instead of each failing in the
 * run as "parent not published". Not for conflicts whose page exists (a human edit, a refused
 * rename): their children go under them as usual; nor for a possible adoption, decided in the run.
 */
function blockChildrenOfConflicts(operations: Operation[]): void {
  const byKey = new Map(operations.map((op) => [op.key, op]));
  const cause = new Map<string, Operation | undefined>();
  const blockingAbove = (op: Operation, depth = 0): Operation | undefined => {
    if (op.parentKey === undefined || depth > 1000) return undefined;
    if (cause.has(op.key)) return cause.get(op.key);
    const parent = byKey.get(op.parentKey);
    // The conflict highest up is the one to name: the pages under it, conflicts or not, wait for it.
    const found = parent && (blockingAbove(parent, depth + 1) ?? (holdsBackChildren(parent) ? parent : undefined));
    cause.set(op.key, found);
    return found;
  };
  operations.forEach((op, i) => {
    const conflict = blockingAbove(op);
    if (!conflict) return;
    const parent = conflict.key === op.parentKey;
    operations[i] = {
      ...op,
      action: 'blocked',
      // Not the page with the title, if this page was a conflict itself: only a page of its own.
      pageId: op.action === 'conflict' ? undefined : op.pageId,
      conflict: undefined,
      fix: undefined,
      adoptId: undefined,
      changes: [],
      blockedBy: { key: conflict.key, title: conflict.title, parent },
      reason:
        `not published: its ${parent ? 'parent' : 'ancestor'} ${conflict.key} ("${conflict.title}") is in conflict ` +
        `(${holderOf(conflict)}). To fix both: ${conflict.fix}; the next run publishes them`,
    };
  });
}

/**
 * A conflict whose children wait for it: one that leaves no page to go under, or a page another flag
 * job publishes (`other-run`): it keeps that job's content, which does not list this run's pages,
 * and the fix (one config, or a parent page of each run's own) would find them in the wrong place.
 */
function holdsBackChildren(op: Operation): boolean {
  return leavesNoPage(op) || (op.action === 'conflict' && op.conflict === 'other-run');
}

/** Where the page with the conflicting title is, in a few words. */
function holderOf(conflict: Operation): string {
  if (conflict.conflict === 'other-run') return `another run publishes its page ${conflict.pageId}`;
  if (conflict.conflict !== 'deleted') return `the title is used by page ${conflict.pageId}`;
  return `its page ${conflict.pageId} is in the ${conflict.remote?.status === 'archived' ? 'archive' : 'trash'}`;
}

/** A conflict that leaves no page behind for children to go under. */
function leavesNoPage(op: Operation): boolean {
  return (
    op.action === 'conflict' &&
    (op.conflict === 'title-taken' || op.conflict === 'deleted') &&
    !op.ownPage &&
    !op.adoptId
  );
}

function actionFor(changes: Change[]): Action {
  if (changes.some((c) => c === 'body' || c === 'labels' || c === 'attachments' || c === 'state')) return 'update';
  if (changes.includes('title')) return 'rename';
  if (changes.includes('parent')) return 'move';
  return 'unchanged';
}

/** A page of this set that the run re-parents elsewhere does not pin its old parent. */
function isMovingAway(
  page: RemotePage,
  desired: DesiredPage[],
  ownedByKey: Map<string, RemotePage>,
  docSets: ReadonlySet<string>,
): boolean {
  const value = page.ownership?.value;
  if (!value || !docSets.has(pageSetIdentity(page)!)) return false;
  const target = desired.find((d) => d.key === value.key);
  if (!target) return true; // retiring itself
  const newParent = target.parentKey === undefined ? undefined : ownedByKey.get(target.parentKey)?.id;
  return newParent !== page.parentId;
}

function orderChildrenFirst(pages: RemotePage[], all: RemotePage[]): RemotePage[] {
  const byId = new Map(all.map((page) => [page.id, page]));
  const depth = (page: RemotePage): number => {
    let d = 0;
    for (let p = page; p.parentId && byId.has(p.parentId) && d < 1000; p = byId.get(p.parentId)!) d++;
    return d;
  };
  return [...pages].sort((a, b) => depth(b) - depth(a));
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function sameAttachments(recorded: Record<string, string>, wanted: DesiredAttachment[]): boolean {
  return Object.keys(recorded).length === wanted.length && wanted.every((a) => recorded[a.fileName] === a.hash);
}

function fold(title: string): string {
  return title.trim().toLowerCase();
}

export function summarize(plan: Plan): Record<Action, number> {
  const counts: Record<Action, number> = {
    create: 0,
    restore: 0,
    update: 0,
    rename: 0,
    move: 0,
    unchanged: 0,
    conflict: 0,
    blocked: 0,
    orphan: 0,
    archive: 0,
  };
  for (const op of plan.operations) counts[op.action]++;
  return counts;
}
