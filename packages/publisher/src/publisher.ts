import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import pLimit from 'p-limit';
import { contentHash, DocgenError, type Diagnostic, type PageTree, type SourceLocation } from '@docgen/core';
import { applyPlan, bodyHashWithoutComments, type Outcome } from './apply.js';
import { CloudApi } from './client/cloud.js';
import { resolveEndpoint, type Flavor } from './client/endpoint.js';
import type { ConfluenceApi, RemotePage, SpaceInfo } from './client/types.js';
import { parseConfluenceUrl } from './client/url.js';
import { assertSafeTransport, Transport, type Auth, type TransportOptions } from './client/transport.js';
import { V1Api } from './client/v1.js';
import { loadConverter, type Converter } from './converter.js';
import { desiredPages } from './desired.js';
import { pageDiff } from './diff.js';
import { recordedByOtherRuns } from './other-runs.js';
import {
  docSetFamily,
  planSync,
  summarize,
  type Action,
  type ConflictPolicy,
  type DesiredPage,
  type Operation,
  type Plan,
} from './plan.js';
import { Redactor } from './redact.js';
import { MARKER_ELEMENT, withoutCommentMarkers } from './comment-markers.js';
import { markerHash, pageHash, pageSetIdentity } from './state.js';

export interface ConnectionConfig {
  /** Site URL, gateway URL, or Data Center base URL with its context path. */
  url: string;
  /** Override flavor detection (`*.atlassian.net` and `…/wiki` are Cloud, the rest Data Center). */
  flavor?: Flavor;
  /** Go through api.atlassian.com (scoped tokens; implied by an OAuth access token on Cloud). */
  gateway?: boolean;
  /** E-mail (Cloud) or username (Data Center) for Basic auth. */
  user?: string;
  /** API token (with `user`) or personal access token (without). */
  token?: string;
  /** OAuth 2.0 access token (Bearer). */
  accessToken?: string;
  transport?: Omit<TransportOptions, 'auth' | 'redactor' | 'trace'>;
  /** Verbose trace of every request, redacted. */
  trace?: (line: string) => void;
}

export interface PublisherConfig extends ConnectionConfig {
  spaceKey: string;
  /** The managed root: pages without a parent go under it. Defaults to the space homepage. */
  parentId?: string;
  /** The managed root by title, when no `parentId` is given (one extra read). */
  parentTitle?: string;
  /**
   * Where `parentId` (or else `parentTitle`) was given, for the error when no such page is there:
   * `--confluence-parent`, `CONFLUENCE_PARENT_ID`, or the config key with its file and line.
   */
  rootFrom?: { from: string; location?: SourceLocation };
  titlePrefix?: string;
  labels?: string[];
  /**
   * The doc set this run manages under the root, an identity (see `Ownership.named`); else the
   * tree's (`PageTree.docSet`, which the CLI names after the repository), else a name made of the
   * tree's top-level key segments (`api`), of the tree's `docSetFolder` where it has one (a
   * repository with no remote: see `Ownership.local`).
   */
  docSet?: string;
  /**
   * The tree is some of the doc set's sources (a run of one plugin, or of a source given by a flag,
   * beside a config that has more): only their pages are managed; the others are left as they are.
   */
  partial?: PageTree['partial'];
  /**
   * The folder the tree's source paths start at, the checkout it was rendered in: a flag run asks
   * it which files docgen's pages record are gone (see `PlanInput.goneSources`).
   */
  sourceRoot?: string;
  /**
   * Where `docSet` is the config's name for the set: the config's repository and its folder there.
   * The set takes over the local sets (see `Ownership.local`) of that folder and of folders gone
   * from the repository (see `PlanInput.takenFolders`).
   */
  configPlace?: { root: string; folder: string };
  concurrency?: number;
  onConflict?: ConflictPolicy;
  /** Same as onConflict: overwrite. */
  force?: boolean;
  prune?: boolean;
  generator?: { name: string; version: string };
  converter?: Converter;
  onOutcome?: (outcome: Outcome) => void;
}

export interface PlannedSync {
  plan: Plan;
  desired: DesiredPage[];
  space: SpaceInfo;
  counts: Record<Action, number>;
}

/** What `--diff` shows of one page: its normalized body in Confluence against what docgen writes. */
export interface PageDiff {
  key: string;
  title: string;
  action: Action;
  diff: string;
}

export interface PublishResult {
  ok: boolean;
  dryRun: boolean;
  space: string;
  rootId: string;
  counts: {
    created: number;
    updated: number;
    /** Of those updated, pages whose only write was docgen's record (a new doc set name, a root): no page version. */
    recordOnly: number;
    /** docgen's pages brought back from the trash (the plan's `restore`). */
    restored: number;
    unchanged: number;
    conflicts: number;
    skipped: number;
    orphans: number;
    archived: number;
    failed: number;
    /** Pages moved among their siblings to restore tree order. */
    reordered: number;
  };
  plan: Record<Action, number>;
  outcomes: Outcome[];
  /** What a person should know though nothing failed: readers' comments an update resolved (`DG_COMMENT_RESOLVED`). */
  warnings: Diagnostic[];
  requests: { reads: number; writes: number; retries: number; rateLimited: number };
  durationMs: number;
}

export function authFrom(config: Pick<ConnectionConfig, 'user' | 'token' | 'accessToken'>): Auth {
  if (config.accessToken) return { kind: 'bearer', token: config.accessToken };
  if (config.token && config.user) return { kind: 'basic', user: config.user, token: config.token };
  if (config.token) return { kind: 'bearer', token: config.token };
  return { kind: 'none' };
}

/** Open a client for the configured site: endpoint discovery, auth, one transport. */
export async function connect(config: ConnectionConfig): Promise<ConfluenceApi> {
  const auth = authFrom(config);
  const redactor = new Redactor([config.token, config.accessToken]);
  if (!config.url) {
    throw new DocgenError({
      code: 'DG_CONFLUENCE_URL',
      message: 'no Confluence URL configured',
      hint: 'set --confluence-url or CONFLUENCE_URL',
    });
  }
  // Checked here, before anything reads it, for callers of this API (the CLI checks it first).
  parseConfluenceUrl(config.url, { redact: (text) => redactor.redact(text) });
  assertSafeTransport(config.url, auth);
  const endpoint = await resolveEndpoint(config.url, {
    flavor: config.flavor,
    gateway: config.gateway ?? (config.accessToken !== undefined && /\.atlassian\.net$/.test(safeHost(config.url))),
    fetch: config.transport?.fetch,
  });
  assertSafeTransport(endpoint.base, auth);
  const transport = new Transport({ ...config.transport, auth, redactor, trace: config.trace });
  return endpoint.flavor === 'cloud' ? new CloudApi(endpoint, transport) : new V1Api(endpoint, transport);
}

/**
 * The files docgen's pages under the root record that are no longer in the checkout a flag run was
 * rendered in (renamed, moved or deleted in this change): no job publishes from them now. Only
 * where the tree's paths compare and the folder they start at is known; else none.
 */
function goneSources(remote: RemotePage[], tree: PageTree, sourceRoot: string | undefined): Set<string> {
  const gone = new Set<string>();
  if (sourceRoot === undefined || tree.partial !== 'flags' || !tree.filesComparable) return gone;
  for (const page of remote) {
    const file = page.ownership?.value.source?.file;
    if (file !== undefined && !isAbsolute(file) && !existsSync(resolve(sourceRoot, file))) gone.add(file);
  }
  return gone;
}

/**
 * The folders of local sets (see `Ownership.local`) a set the config names takes over: the config's
 * own, and those of the pages' local sets that are gone from the config's repository.
 */
function takenFolders(pages: RemotePage[], place: PublisherConfig['configPlace']): Set<string> {
  const taken = new Set<string>();
  if (place === undefined) return taken;
  taken.add(place.folder);
  for (const page of pages) {
    const folder = page.ownership?.value.local;
    if (folder !== undefined && !existsSync(resolve(place.root, folder))) taken.add(folder);
  }
  return taken;
}

/**
 * `new Publisher(config).publish(tree)`: make the managed part of a Confluence space match a
 * page tree, with the fewest requests, no duplicates, and no human edit lost.
 */
export class Publisher {
  private api?: ConfluenceApi;

  constructor(private readonly config: PublisherConfig) {}

  async client(): Promise<ConfluenceApi> {
    this.api ??= await connect(this.config);
    return this.api;
  }

  /** Read the remote side and work out what to do. Reads only. */
  async plan(tree: PageTree): Promise<PlannedSync> {
    const api = await this.client();
    const converter = this.config.converter ?? (await loadConverter());
    const desired = desiredPages(tree, { converter, titlePrefix: this.config.titlePrefix, labels: this.config.labels });
    const space = await api.getSpace(this.config.spaceKey);
    let rootId = this.config.parentId ?? space.homepageId;
    if (!this.config.parentId && this.config.parentTitle) {
      const root = await api.findByTitle(space, this.config.parentTitle);
      if (!root) {
        const from = this.config.rootFrom;
        throw new DocgenError({
          code: 'DG_CONFLUENCE_ROOT',
          message: `no page titled "${this.config.parentTitle}" in space ${space.key} to publish under${from ? ` (${from.from})` : ''}`,
          location: from?.location,
          hint: `create it first, fix ${from?.from ?? 'confluence.parentTitle'}, or give confluence.parentId instead`,
        });
      }
      rootId = root.id;
    }
    if (!rootId) {
      throw new DocgenError({
        code: 'DG_CONFLUENCE_ROOT',
        message: `space ${space.key} has no homepage to publish under`,
        hint: 'set --confluence-parent to the id of the page docgen should publish under',
      });
    }
    if (this.config.parentId) await this.checkRoot(api, rootId);
    const remote = await api.listUnder(rootId);
    // A title no page under the root has may still be taken elsewhere in the space, which would
    // fail its create or rename with a 400 halfway through the run: ask, for those titles only
    // (none on a re-run of an unchanged tree).
    const newTitles = titlesNotUnder(desired, remote);
    const elsewhere = newTitles.length ? await api.findTitles(space, newTitles) : [];
    // A page found under the root that its listing did not have was created since (another docgen
    // run at work): it is under the root, where the plan may take or adopt it, not a title elsewhere.
    remote.push(...elsewhere.filter((page) => page.ancestorIds?.includes(rootId)));
    // A title no current page has may be held by a page in the trash (or the archive): docgen's
    // own pruned page to restore, or a page a person deleted. Found now, the dry run shows it.
    const freeTitles = titlesNotHeld(newTitles, elsewhere);
    const retired = freeTitles.length ? await api.findRetiredTitles(space, freeTitles) : [];
    // First: a page another run records meanwhile is docgen's for everything the plan asks after.
    const reads = { api, concurrency: this.config.concurrency, bodies: new Map<string, string>() };
    const adoptable = await identicalLeftovers(reads, converter, remote, { desired, rootId });
    const docSet = this.config.docSet ?? tree.docSet ?? defaultDocSet(tree);
    const docSetNamed = (this.config.docSet ?? tree.docSet) !== undefined;
    // The folder it was rendered from: named after its keys (no remote), a set of that folder (ADR 11);
    // named after the remote, the same app as that folder's set before the remote was added.
    const docSetLocal = tree.docSetFolder;
    // The tree's earlier names are of the name it gives, not of one the publisher is given.
    const docSetFormerNames = this.config.docSet === undefined ? tree.docSetFormerNames : undefined;
    const docSetFirstCommitName = this.config.docSet === undefined ? tree.docSetFirstCommitName : undefined;
    const partial = this.config.partial ?? tree.partial;
    // The plan finds the same family from the same input; the comment check needs its members first.
    const taken = takenFolders([...remote, ...retired], this.config.configPlace);
    const family = docSetFamily({
      desired,
      remote,
      rootId,
      docSet,
      docSetNamed,
      docSetLocal,
      docSetFormerNames,
      docSetFirstCommitName,
      takenFolders: taken,
      partial,
      retired,
    });
    const { commentedOnly, editInSource } = await pagesOnlyCommented(reads, converter, remote, {
      docSets: family.members,
      rootId,
      desired,
    });
    const plan = planSync({
      desired,
      adoptable,
      remote,
      rootId,
      docSet,
      docSetNamed,
      docSetLocal,
      docSetFormerNames,
      docSetFirstCommitName,
      takenFolders: taken,
      partial,
      filesComparable: tree.filesComparable,
      unlisted: tree.unlisted,
      withoutConfig: tree.withoutConfig,
      listedFiles: tree.listedFiles,
      inConfigFolders: tree.inConfigFolders,
      goneSources: goneSources(remote, tree, this.config.sourceRoot),
      commentedOnly,
      editInSource,
      prune: this.config.prune,
      onConflict: this.conflictPolicy,
      reorder: api.canMovePages,
      elsewhere,
      retired,
    });
    const planned = { plan, desired, space, counts: summarize(plan) };
    bodiesReadByPlan.set(planned, reads.bodies);
    return planned;
  }

  /**
   * Normalized diffs of each page the plan would change (one body read per changed page): an
   * update against the live page, a restore against the version in the trash it brings back.
   */
  async diffs(planned: PlannedSync): Promise<PageDiff[]> {
    const api = await this.client();
    const converter = this.config.converter ?? (await loadConverter());
    const readByPlan = bodiesReadByPlan.get(planned);
    const diffs = await boundedAll(planned.plan.operations.filter(isDiffed), this.config.concurrency, async (op) => {
      const retired = retiredStatus(op.remote);
      // The plan read the live body of each page it had to judge (none in the trash): not read again.
      const live = retired ? undefined : readByPlan?.get(op.pageId ?? '');
      const remoteBody = op.pageId
        ? (live ?? (await api.getPage(op.pageId, { body: true, status: retired })).body ?? '')
        : '';
      return diffOf(op, remoteBody, retired, converter);
    });
    return diffs.filter((diff): diff is PageDiff => diff !== undefined);
  }

  async publish(tree: PageTree, options: { dryRun?: boolean; planned?: PlannedSync } = {}): Promise<PublishResult> {
    const started = Date.now();
    const api = await this.client();
    const planned = options.planned ?? (await this.plan(tree));
    const converter = this.config.converter ?? (await loadConverter());
    let outcomes: Outcome[] = [];
    let moved = 0;
    if (!options.dryRun) {
      outcomes = await applyPlan(planned.plan, {
        api,
        space: planned.space,
        converter,
        docSet: planned.plan.docSet,
        docSetNamed: planned.plan.docSetNamed,
        docSetLocal: planned.plan.docSetLocal,
        generator: this.config.generator ? `${this.config.generator.name}@${this.config.generator.version}` : 'docgen',
        concurrency: this.config.concurrency,
        prune: this.config.prune,
        onConflict: this.conflictPolicy,
        onOutcome: this.config.onOutcome,
        onMove: () => moved++,
      });
    }
    const count = (...statuses: Outcome['status'][]) => outcomes.filter((o) => statuses.includes(o.status)).length;
    const counts = {
      created: count('created', 'adopted'),
      updated: count('updated'),
      recordOnly: recordOnlyUpdates(outcomes, planned.plan),
      restored: count('restored'),
      unchanged: count('unchanged'),
      conflicts: count('conflict'),
      skipped: count('skipped'),
      orphans: count('orphan'),
      archived: count('trashed'),
      failed: count('failed'),
      reordered: moved,
    };
    const plannedConflicts = planned.plan.operations.filter(
      (op) => op.action === 'conflict' && !op.skipped && !op.adoptId,
    ).length;
    return {
      ok: options.dryRun ? plannedConflicts === 0 : counts.failed === 0 && counts.conflicts === 0,
      dryRun: Boolean(options.dryRun),
      space: planned.space.key,
      rootId: planned.plan.rootId,
      counts,
      plan: planned.counts,
      outcomes,
      warnings: [...commentWarnings(outcomes, planned), ...deprecationWarnings(api.transport)],
      requests: { ...api.transport.stats },
      durationMs: Date.now() - started,
    };
  }

  /** How conflicts are met, in the plan and in the run alike: `--force` is `overwrite`. */
  private get conflictPolicy(): ConflictPolicy | undefined {
    return this.config.force ? 'overwrite' : this.config.onConflict;
  }

  private async checkRoot(api: ConfluenceApi, rootId: string): Promise<void> {
    let root: RemotePage;
    try {
      root = await api.getPage(rootId);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 404) throw error;
      const from = this.config.rootFrom;
      throw new DocgenError(
        {
          code: 'DG_CONFLUENCE_ROOT',
          message: `parent page ${rootId}${from ? ` (${from.from})` : ''} not found (or the user may not view it)`,
          location: from?.location,
          hint: `check ${from?.from ?? '--confluence-parent / CONFLUENCE_PARENT_ID'}: the numeric id in the page URL`,
        },
        { cause: error },
      );
    }
    // Cloud's v2 read answers for a page in the trash or the archive too; publishing under it
    // would plan every page as a "title taken elsewhere" conflict (they are where it is).
    if (root.status && root.status !== 'current') {
      throw new DocgenError({
        code: 'DG_CONFLUENCE_ROOT',
        message: `parent page ${rootId} ("${root.title}") is ${root.status === 'trashed' ? 'in the trash' : root.status}, not a page to publish under`,
        location: this.config.rootFrom?.location,
        hint: `restore it in Confluence, or point ${this.config.rootFrom?.from ?? '--confluence-parent / CONFLUENCE_PARENT_ID'} at the page docgen should publish under`,
      });
    }
  }
}

/**
 * docgen's pages with a newer version docgen did not write (no marker in its version message)
 * whose body, without readers' comment markers, is still the one docgen recorded: a version that
 * only added inline comments, which the plan does not count as a human edit. Confluence adds no
 * version for a comment, so this finds nothing there; a server that did would otherwise turn every
 * comment into a conflict. One body read per page that would be a conflict, none on other runs;
 * the bodies read are kept in `reads` for `diffs`, which would read the same pages again. Also those whose
 * body is the one the tree has now (`editInSource`): a person's edit merged into the source.
 */
async function pagesOnlyCommented(
  reads: BodyReads,
  converter: Converter,
  remote: RemotePage[],
  tree: { docSets: ReadonlySet<string>; rootId: string; desired: DesiredPage[] },
): Promise<{ commentedOnly: Set<string>; editInSource: Set<string> }> {
  const suspects = remote.filter((page) => {
    const owner = page.ownership?.value;
    return (
      owner !== undefined &&
      tree.docSets.has(pageSetIdentity(page)!) &&
      // A page of a tree published under a page inside this root is that tree's: not this plan's to read.
      (owner.root === undefined || owner.root === tree.rootId) &&
      owner.version !== page.version.number &&
      !markerHash(page.version.message)
    );
  });
  const wanted = new Map(tree.desired.map((page) => [page.key, page]));
  const found = new Set<string>();
  const editInSource = new Set<string>();
  const bodies = await liveBodies(reads, suspects);
  for (const page of suspects) {
    const body = bodies.get(page.id)!;
    const liveHash = bodyHashWithoutComments(body, converter);
    // The whole edit in the source: its body, and its title too (a person's rename is an edit the body does not show).
    const desired = wanted.get(page.ownership!.value.key);
    if (liveHash === desired?.bodyHash && page.title === desired.title) editInSource.add(page.id);
    // Only markers: the body docgen recorded, and the title docgen wrote (a person's rename in the
    // same version is an edit; a title the source has changed since is docgen's to write).
    else if (
      body.includes(MARKER_ELEMENT) &&
      liveHash === page.ownership!.value.bodyHash &&
      titleDocgenWrote(page, remote, desired)
    )
      found.add(page.id);
  }
  return { commentedOnly: found, editInSource };
}

/**
 * Pages docgen does not own, at version 1 with the title of a page of the tree, whose body is the
 * one docgen writes for that page: what a run created before it died, short of recording it, which
 * the run adopts (see `tryAdopt`). Read now, so the plan and a dry run say what the run will do:
 * adopt such a page, or, for any other, meet a title conflict that holds back the pages under it.
 * One body read per such page, kept in `reads` (for `diffs`, which shows the conflict's body); none
 * on a run without one. Such a page with another body under the
 * root or a page of docgen's may be another docgen run's still at work (the same job's earlier
 * pipeline, whose record comes a moment after the create): recorded within the waits, it takes its
 * record into `remote`, so the plan treats it as docgen's page it is (updated, not a conflict).
 */
async function identicalLeftovers(
  reads: BodyReads,
  converter: Converter,
  remote: RemotePage[],
  { desired, rootId }: { desired: DesiredPage[]; rootId: string },
): Promise<Set<string>> {
  const byTitle = new Map(desired.map((page) => [page.title.trim().toLowerCase(), page]));
  const docgens = new Set([rootId, ...remote.filter((page) => page.ownership).map((page) => page.id)]);
  const identical = new Set<string>();
  const unrecorded: RemotePage[] = [];
  const leftovers = remote.filter(
    (page) => byTitle.has(page.title.trim().toLowerCase()) && !page.ownership && page.version.number === 1,
  );
  const bodies = await liveBodies(reads, leftovers);
  for (const page of leftovers) {
    const wanted = byTitle.get(page.title.trim().toLowerCase())!;
    const body = bodies.get(page.id)!;
    // Its title as docgen gives it, too: the run adopts no page whose title is in another case (see `tryAdopt`).
    if (page.title === wanted.title && bodyHashWithoutComments(body, converter) === wanted.bodyHash)
      identical.add(page.id);
    else if (docgens.has(page.parentId ?? '')) unrecorded.push(page);
  }
  await takeRecordsOfOtherRuns(reads, unrecorded);
  return identical;
}

/**
 * Live bodies the plan reads, kept by page id (`bodies`): a page read once is not read again, by a
 * later step of the plan or by `diffs`. `concurrency` at a time, as the run's writes go.
 */
interface BodyReads {
  api: ConfluenceApi;
  concurrency?: number;
  bodies: Map<string, string>;
}

/** The live body of each page, read where `reads` has it not yet: the whole of `reads.bodies`. */
async function liveBodies(reads: BodyReads, pages: RemotePage[]): Promise<Map<string, string>> {
  const unread = pages.filter((page) => !reads.bodies.has(page.id));
  const read = await boundedAll(unread, reads.concurrency, async (page) => {
    return (await reads.api.getPage(page.id, { body: true })).body ?? '';
  });
  unread.forEach((page, i) => reads.bodies.set(page.id, read[i]));
  return reads.bodies;
}

/** `read` of each item, `concurrency` at a time (the publisher's default: 4), answers in the items' order. */
function boundedAll<T, R>(items: T[], concurrency: number | undefined, read: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency ?? 4));
  return Promise.all(items.map((item) => limit(() => read(item))));
}

/** Each page's record, where the run that just created it writes it within the waits (see `recordedByOtherRuns`): put on the page as listed. */
async function takeRecordsOfOtherRuns(reads: BodyReads, pages: RemotePage[]): Promise<void> {
  const recorded = await recordedByOtherRuns(
    pages,
    async (page) => ({ ...page, ownership: await reads.api.readOwnership(page.id) }),
    { serverNow: reads.api.transport.serverNow(), concurrency: reads.concurrency },
  );
  for (const page of pages) page.ownership = recorded.get(page.id)?.ownership ?? page.ownership;
}

/**
 * The page's live title is the one docgen last wrote: its recorded hash (see `pageHash`) is of this
 * title, with the recorded body, labels and attachments, under the parent it is under (or the one the
 * tree gives it: a page whose parent was not published yet went under the managed root).
 */
function titleDocgenWrote(page: RemotePage, remote: RemotePage[], desired: DesiredPage | undefined): boolean {
  const state = page.ownership!.value;
  const liveParentKey = remote.find((other) => other.id === page.parentId)?.ownership?.value.key;
  return [liveParentKey, desired?.parentKey].some(
    (parentKey) =>
      pageHash({
        title: page.title,
        parentKey,
        bodyHash: state.bodyHash,
        labels: state.labels,
        attachments: state.attachments,
      }) === state.hash,
  );
}

/** Live bodies `plan` read (pages a person may have edited, pages a run may have left), so `diffs` of the same plan reads them no second time. */
const bodiesReadByPlan = new WeakMap<PlannedSync, Map<string, string>>();

/** A highlight as a warning quotes it: whole when short, else its start (a highlight may be a whole paragraph). */
function quoted(text: string, limit = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1).trimEnd()}…`;
}

/**
 * One warning per reader's comment an update resolved: its highlighted text is gone from where it
 * was (the same words elsewhere are not its place, ADR 10), so the body went out without its marker. Where the page came from (the source file) is where to
 * look; the comment itself stays in Confluence, under the page's resolved comments.
 */
function commentWarnings(outcomes: Outcome[], planned: PlannedSync): Diagnostic[] {
  const sources = new Map(planned.desired.map((page) => [page.key, page.source?.file]));
  return outcomes.flatMap((outcome) =>
    (outcome.resolvedComments ?? []).map((comment) => {
      const file = sources.get(outcome.key);
      return {
        code: 'DG_COMMENT_RESOLVED',
        severity: 'warning' as const,
        message:
          `page "${outcome.title}"${outcome.pageId ? ` (${outcome.pageId})` : ''}: ` +
          (comment.text
            ? `the text "${quoted(comment.text)}" a reader commented on is no longer where it was on the page`
            : "a reader's comment had no text left on the page (it was deleted in the editor)") +
          ', so Confluence resolved the comment',
        ...(file ? { location: { file } } : {}),
        hint: "the comment is under the page's resolved comments in Confluence: reopen or answer it there",
      };
    }),
  );
}

/** Endpoints Confluence said it will remove (`Warning: 299`): a warning each, while they still work. */
function deprecationWarnings(transport: Transport): Diagnostic[] {
  return [...transport.deprecated].map(([endpoint, notice]) => ({
    code: 'DG_CONFLUENCE_DEPRECATED',
    severity: 'warning' as const,
    message: `Confluence marks ${endpoint} deprecated: "${notice}"`,
    hint: 'this publish worked; report it to docgen (with this message) so that it moves to the replacement before Atlassian removes the endpoint',
  }));
}

/** The plan's actions whose page body `--diff` shows: what a create, a restore or an update writes, and what a conflict would. */
const DIFFED = new Set<Action>(['create', 'restore', 'update', 'conflict']);

/** An operation whose page body `--diff` shows: an update only where it writes the body. */
function isDiffed(op: Operation): op is Operation & { desired: DesiredPage } {
  return Boolean(op.desired) && DIFFED.has(op.action) && (op.action !== 'update' || op.changes.includes('body'));
}

/** The page's diff (`remoteBody`: what Confluence has, '' for a new page), none where nothing differs. */
function diffOf(
  op: Operation & { desired: DesiredPage },
  remoteBody: string,
  retired: string | undefined,
  converter: Converter,
): PageDiff | undefined {
  // Readers' comment markers are carried over by the write, not changed by it: not in the diff.
  const before = remoteBody ? converter.normalizeStorage(withoutCommentMarkers(remoteBody)) : '';
  const retitled = retitledByPerson(op);
  if (contentHash(before) === op.desired.bodyHash && !retitled) return undefined;
  const where = remoteWhere(op, retired);
  // A person's new title is part of their edit: shown above the body, as the body's change is.
  // A new page has no remote title: only a retitled page (which has one) shows titles.
  const titled = (title: string | undefined, body: string) => (retitled ? `title: ${title}\n${body}` : body);
  return {
    key: op.key,
    title: op.title,
    action: op.action,
    diff: pageDiff(op.title, titled(op.remote?.title, before), titled(op.title, op.desired.normalized), where),
  };
}

/** The status of a page in the trash or the archive (read only when asked for by it), else undefined. */
function retiredStatus(page: RemotePage | undefined): string | undefined {
  return page?.status && page.status !== 'current' ? page.status : undefined;
}

/** A page a person edited whose title they changed too (or alone): docgen's would put its own back. */
function retitledByPerson(op: Operation): boolean {
  return op.conflict === 'edited' && op.remote !== undefined && op.remote.title !== op.title;
}

/** Which Confluence version a diff's left side is, when it is not simply docgen's last write: a retired page's, or a person's edit. */
function remoteWhere(op: Operation, retired: string | undefined): string | undefined {
  if (!op.remote) return undefined;
  if (retired) return `${retiredWhere(retired)}, version ${op.remote.version.number}`;
  return op.conflict === 'edited' ? `edited in Confluence, version ${op.remote.version.number}` : undefined;
}

function retiredWhere(status: string): string {
  return status === 'trashed' ? 'in the trash' : status === 'archived' ? 'in the archive' : status;
}

/** The titles of desired pages that no page under the managed root has (compared as Confluence does). */
function titlesNotUnder(desired: DesiredPage[], remote: RemotePage[]): string[] {
  const there = new Set(remote.map((page) => page.title.trim().toLowerCase()));
  return desired.map((page) => page.title).filter((title) => !there.has(title.trim().toLowerCase()));
}

/** The titles that none of these pages has (compared as Confluence does). */
function titlesNotHeld(titles: string[], pages: RemotePage[]): string[] {
  const held = new Set(pages.map((page) => page.title.trim().toLowerCase()));
  return titles.filter((title) => !held.has(title.trim().toLowerCase()));
}

/** Pages updated whose plan changed docgen's property alone (see `PublishResult.counts.recordOnly`). */
function recordOnlyUpdates(outcomes: Outcome[], plan: Plan): number {
  const recordOnly = new Set(
    plan.operations.filter((op) => op.changes.length > 0 && op.changes.every((c) => c === 'state')).map((op) => op.key),
  );
  return outcomes.filter((o) => o.status === 'updated' && recordOnly.has(o.key)).length;
}

/** The doc set a tree manages with no name given: its top-level key segments (`api`, `adr+runbooks`). */
export function defaultDocSet(tree: PageTree): string {
  const segments = new Set(tree.pages.filter((p) => p.parentKey === undefined).map((p) => p.key.split('/')[0]));
  return [...segments].sort().join('+') || 'docgen';
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
