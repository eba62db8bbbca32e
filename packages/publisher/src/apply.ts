import { readFile } from 'node:fs/promises';
import { contentHash } from '@docgen/core';
import pLimit from 'p-limit';
import { ConfluenceError, UncertainWriteError } from './client/errors.js';
import { carryCommentMarkers, withoutCommentMarkers, type LostMarker } from './comment-markers.js';
import type { ConfluenceApi, OwnershipRecord, RemoteAttachment, RemotePage, SpaceInfo } from './client/types.js';
import type { Converter } from './converter.js';
import type { Reorder } from './order.js';
import { recordedByOtherRuns } from './other-runs.js';
import {
  RENAME_OR_ARCHIVE,
  type ConflictPolicy,
  type DesiredAttachment,
  type DesiredPage,
  type Operation,
  fromFlagsMark,
  type Plan,
} from './plan.js';
import { judgeRetired, refusedTitleMessage, retiredMessage } from './retired.js';
import {
  attachmentComment,
  attachmentHashes,
  commentHash,
  markerHash,
  OWNERSHIP_SCHEMA,
  pageSetIdentity,
  setIdentity,
  versionMessage,
  type Ownership,
} from './state.js';

export type OutcomeStatus =
  | 'created'
  | 'adopted'
  | 'updated'
  | 'unchanged'
  | 'conflict'
  | 'skipped'
  | 'failed'
  | 'orphan'
  | 'trashed'
  /** A page docgen pruned, brought back from the trash (same id, its history kept). */
  | 'restored';

export interface Outcome {
  key: string;
  title: string;
  action: Operation['action'];
  status: OutcomeStatus;
  pageId?: string;
  /** Page version after the run. */
  version?: number;
  /** For conflicts, orphans and failures: why, in words. */
  message?: string;
  /** For a page not published because a page above it is in conflict: that page's key. */
  blockedBy?: string;
  /** For a page not published because a page above it failed: that page's key (the highest one that failed itself). */
  failedAbove?: string;
  /**
   * Readers' inline comments whose highlighted text the update removed: written without their
   * marker, which Confluence answers by resolving the comment.
   */
  resolvedComments?: LostMarker[];
}

export interface ApplyOptions {
  api: ConfluenceApi;
  space: SpaceInfo;
  converter: Converter;
  docSet: string;
  /** The doc set's name is an identity, recorded so (see `Ownership.named`). */
  docSetNamed?: boolean;
  /** A local set's folder, recorded so (see `Ownership.local`). */
  docSetLocal?: string;
  /** `name@version`, recorded in each page's ownership property. */
  generator: string;
  concurrency?: number;
  prune?: boolean;
  /**
   * The policy the plan was made with, for a page of docgen's that a person deleted (in the trash,
   * holding its title) met only in the run: `overwrite` (`--force`) restores it too, not only one
   * docgen pruned itself; `skip` leaves it deleted and reports it without failing the run.
   */
  onConflict?: ConflictPolicy;
  /** The managed root; applyPlan sets it from the plan. */
  rootId?: string;
  /** The plan's `docSets`, `partial`, `unlisted` and `listedFiles`; applyPlan sets them. */
  docSets?: string[];
  partial?: Plan['partial'];
  unlisted?: boolean;
  listedFiles?: string[];
  onOutcome?: (outcome: Outcome) => void;
  /** Called after each page move that restores sibling order. */
  onMove?: (move: Reorder & { pageId: string }) => void;
}

/**
 * Carry out a plan: parents before children (a child waits for its parent's id), at most
 * `concurrency` pages in flight, the ownership property written last so an interrupted run is
 * recognised and repaired by the next one. Retiring orphans happens only after every page
 * succeeded.
 */
export async function applyPlan(plan: Plan, givenOptions: ApplyOptions): Promise<Outcome[]> {
  const options: ApplyOptions = {
    ...givenOptions,
    rootId: plan.rootId,
    docSets: plan.docSets,
    partial: plan.partial,
    unlisted: plan.unlisted,
    listedFiles: plan.listedFiles,
  };
  const createdSignals = new Map<Operation, () => void>();
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const ids = new Map<string, Promise<string | undefined>>();
  const settle = new Map<string, (id: string | undefined) => void>();
  const pageOps = await freeHandedOverTitles(
    plan.operations.filter((op) => op.action !== 'orphan' && op.action !== 'archive'),
    options,
  );
  for (const op of pageOps) ids.set(op.key, new Promise((resolve) => settle.set(op.key, resolve)));

  const outcomes: Outcome[] = [];
  const report = (outcome: Outcome): Outcome => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
    return outcome;
  };

  // New siblings are created one after the other, in tree order: Confluence appends a new child
  // at the end, so that is what gives them their order. Everything else runs in parallel.
  const posted = new Map<string, Promise<void>>();
  const lastCreate = new Map<string, Promise<void>>();
  for (const op of pageOps) {
    if (op.action !== 'create') continue;
    const parent = op.parentKey ?? '';
    posted.set(op.key, lastCreate.get(parent) ?? Promise.resolve());
    let done!: () => void;
    lastCreate.set(parent, new Promise<void>((resolve) => (done = resolve)));
    createdSignals.set(op, done);
  }

  const outcomeByKey = new Map<string, Outcome>();
  await Promise.all(
    pageOps.map(async (op) => {
      const parentId =
        op.parentKey === undefined
          ? plan.rootId
          : (plan.outsideParents?.[op.parentKey] ?? (await ids.get(op.parentKey)));
      let outcome: Outcome;
      const signal = createdSignals.get(op);
      try {
        if (op.action === 'blocked') {
          outcome = blockedOutcome(op);
        } else if (parentId === undefined) {
          outcome = withoutParent(op, outcomeByKey);
        } else {
          // Wait for the previous new sibling outside the concurrency limit (no slot held while waiting).
          await posted.get(op.key);
          outcome = await limit(() => runOperation(op, parentId, options, signal));
        }
      } finally {
        signal?.();
      }
      outcomeByKey.set(op.key, outcome);
      settle.get(op.key)!(outcome.pageId);
      report(outcome);
    }),
  );

  // A page that failed or met a human edit during the run is left where it is.
  const untouchable = new Set(
    outcomes.filter((o) => o.status === 'failed' || o.status === 'conflict').map((o) => o.key),
  );
  await reorderPages(
    { ...plan, reorder: plan.reorder.filter((move) => !untouchable.has(move.key)) },
    ids,
    options,
    report,
  );

  const failed = outcomes.some((o) => o.status === 'failed' || o.status === 'conflict');
  for (const op of plan.operations.filter((o) => o.action === 'orphan' || o.action === 'archive')) {
    const base = { key: op.key, title: op.title, action: op.action, pageId: op.pageId };
    if (op.action === 'orphan' || !options.prune) {
      report({ ...base, status: 'orphan', message: op.reason });
    } else if (failed) {
      report({ ...base, status: 'orphan', message: 'not retired: other pages of this run failed' });
    } else {
      try {
        await retirePage(op, plan.rootId, options);
        report({ ...base, status: 'trashed' });
      } catch (error) {
        report({ ...base, status: 'failed', message: messageOf(error) });
      }
    }
  }
  return outcomes;
}

/**
 * Titles this run hands from one of its pages to another (two pages swap titles; a page is renamed
 * and a new page takes its old title): Confluence refuses a title another page still has, and in
 * a swap each page waits for the other's. So, before anything else, each page giving its title up
 * to another page of the run is renamed to a title of its own (one version, marked as docgen's);
 * its own operation then gives it its new title. Returns the operations, those pages' updated.
 */
async function freeHandedOverTitles(operations: Operation[], options: ApplyOptions): Promise<Operation[]> {
  const wantedBy = new Map(
    operations
      .filter((op) => op.desired && op.action !== 'blocked' && op.action !== 'conflict')
      .map((op) => [foldTitle(op.desired!.title), op]),
  );
  const givingUp = (op: Operation) => {
    const taker = op.remote && wantedBy.get(foldTitle(op.remote.title));
    return taker !== undefined && taker !== op && op.pageId !== undefined && op.changes.includes('title');
  };
  const out: Operation[] = [];
  for (const op of operations) {
    if (!givingUp(op)) {
      out.push(op);
      continue;
    }
    try {
      const live = await options.api.getPage(op.pageId!, { body: true });
      const aside = await options.api.updatePage(op.pageId!, {
        title: `${live.title} (renaming, docgen ${op.pageId})`.slice(0, 255),
        parentId: live.parentId ?? op.remote!.parentId!,
        body: live.body ?? '',
        message: versionMessage('title', NO_HASH),
        // The version the plan read: a person's edit since is a 409 here, met again by the page's own write.
        version: op.remote!.version.number + 1,
      });
      out.push({ ...op, remote: { ...op.remote!, title: aside.title, version: aside.version } });
    } catch {
      out.push(op); // its own write says what is wrong, if anything still is
    }
  }
  return out;
}

function foldTitle(title: string): string {
  return title.trim().toLowerCase();
}

/** A page the plan held back: a page above it is in a conflict that leaves it nowhere to go. */
function blockedOutcome(op: Operation): Outcome {
  return {
    key: op.key,
    title: op.title,
    action: op.action,
    status: 'skipped',
    pageId: op.pageId,
    message: op.reason,
    blockedBy: op.blockedBy?.key,
  };
}

/**
 * A page whose parent has no page id after the run: say what happened to the parent. A parent in
 * conflict (met during the run, or itself held back) holds its children back with it; a parent
 * that failed fails them, and the next run publishes both.
 */
function withoutParent(op: Operation, outcomes: Map<string, Outcome>): Outcome {
  const base = { key: op.key, title: op.title, action: op.action, pageId: op.pageId };
  const parent = outcomes.get(op.parentKey!);
  const name = (o: Outcome | undefined, key: string) => `${key} ("${o?.title ?? key}")`;
  if (parent?.status === 'conflict' || parent?.status === 'skipped') {
    const cause = parent.blockedBy ? outcomes.get(parent.blockedBy) : parent;
    const causeKey = parent.blockedBy ?? parent.key;
    return {
      ...base,
      status: 'skipped',
      blockedBy: causeKey,
      message:
        `not published: its ${causeKey === op.parentKey ? 'parent' : 'ancestor'} ${name(cause, causeKey)} is in conflict` +
        `${cause?.message ? ` (${cause.message})` : ''}; resolving that publishes both on the next run`,
    };
  }
  // The parent's own reason, unless it is itself "its parent … failed" (said once, on the parent).
  const why = parent?.message && !parent.message.startsWith('not published:') ? ` (${parent.message})` : '';
  return {
    ...base,
    status: 'failed',
    failedAbove: parent?.failedAbove ?? op.parentKey,
    message: `not published: its parent ${name(parent, op.parentKey!)} failed${why}; the next run publishes both`,
  };
}

/**
 * Sibling order, once every page exists: the planned moves one after the other (each is placed
 * relative to a page placed before it). A move whose page or target did not make it is skipped;
 * a failed move is reported on its page and the next run tries again.
 */
async function reorderPages(
  plan: Plan,
  ids: Map<string, Promise<string | undefined>>,
  options: ApplyOptions,
  report: (outcome: Outcome) => Outcome,
): Promise<void> {
  for (const move of plan.reorder) {
    const pageId = await ids.get(move.key);
    const targetId = move.targetId ?? (move.targetKey === undefined ? undefined : await ids.get(move.targetKey));
    if (!pageId || !targetId) continue;
    try {
      await options.api.movePage(pageId, move.position, targetId);
      options.onMove?.({ ...move, pageId });
    } catch (error) {
      report({
        key: move.key,
        title: move.title,
        action: 'move',
        status: 'failed',
        pageId,
        message: `could not put it ${move.position} page ${targetId}: ${messageOf(error)}`,
      });
    }
  }
}

async function runOperation(
  op: Operation,
  parentId: string,
  options: ApplyOptions,
  onPosted?: () => void,
): Promise<Outcome> {
  const base = { key: op.key, title: op.title, action: op.action, pageId: op.pageId };
  try {
    switch (op.action) {
      case 'unchanged':
        return { ...base, status: 'unchanged', version: op.remote?.version.number };
      case 'create':
        return await createPage(op, parentId, options, onPosted);
      case 'restore':
        return await restorePlanned(op, parentId, options, onPosted);
      case 'conflict':
        if (op.adoptId) {
          const adopted = await tryAdopt(op.adoptId, op.desired!, parentId, options);
          if (adopted?.ours) return await continueOwn(op, adopted.page, parentId, options, 'unchanged');
          if (adopted) return await finish(op, adopted.page, parentId, options, { status: 'adopted', fresh: false });
        }
        return {
          ...base,
          status: op.skipped ? 'skipped' : 'conflict',
          // A page the plan found identical (its reason says it is adopted) changed since: a person's page after all.
          message: op.adoptId
            ? `the title is used by page ${op.adoptId}, which docgen does not own: ${op.fix}`
            : op.reason,
          pageId: op.conflict === 'edited' || op.ownPage ? op.pageId : undefined,
        };
      default:
        return await updatePage(op, parentId, options);
    }
  } catch (error) {
    if (error instanceof ConflictDuringRun) {
      const skipped = error.deletedByPerson && options.onConflict === 'skip';
      return { ...base, status: skipped ? 'skipped' : 'conflict', message: error.message, pageId: op.pageId };
    }
    return {
      ...base,
      status: 'failed',
      message: messageOf(error),
      pageId: base.pageId ?? (error as { pageId?: string }).pageId,
    };
  }
}

class ConflictDuringRun extends Error {
  /** A person retired docgen's own page: `onConflict: skip` reports it without failing. */
  constructor(
    message: string,
    readonly deletedByPerson = false,
  ) {
    super(message);
  }
}

async function createPage(
  op: Operation,
  parentId: string,
  options: ApplyOptions,
  onPosted?: () => void,
): Promise<Outcome> {
  const desired = op.desired!;
  const write = { title: desired.title, parentId, body: desired.storage };
  // Where the API takes them with the create (v1 `metadata`), the labels go along, and so does
  // docgen's property when nothing else is to follow (the property is the commit marker, so with
  // attachments still to upload it is written last, as always). A new page is version 1.
  const extras = {
    labels: desired.labels,
    ownership: desired.attachments.length === 0 ? ownershipOf(desired, options, 1, undefined) : undefined,
  };
  let page: RemotePage | undefined;
  let status: OutcomeStatus = 'created';
  for (let attempt = 0; !page; attempt++) {
    let uncertain: unknown;
    try {
      page = await options.api.createPage(options.space, write, extras);
      break;
    } catch (error) {
      if (!(error instanceof UncertainWriteError) && !isTitleTaken(error)) throw error;
      uncertain = error;
    }
    // Did an earlier attempt (or an interrupted run) create it after all? Look before creating again.
    const found = await options.api.findByTitle(options.space, desired.title);
    if (found) {
      // What the plan meant to do is done: created (or, where it meant to restore it, restored).
      const done: OutcomeStatus = op.action === 'restore' ? 'restored' : 'created';
      // Ours already: an earlier attempt landed, or the search index had not caught up.
      if (isOwnPage(found, desired, options)) return await continueOwn(op, found, parentId, options, done);
      const adopted = await tryAdopt(found.id, desired, parentId, options);
      // Another docgen run (a second CI job) recorded it as its own in the meantime.
      if (adopted?.ours) return await continueOwn(op, adopted.page, parentId, options, done);
      if (adopted) {
        page = adopted.page;
        status = 'adopted';
        break;
      }
      // Another docgen run that renders this key too (each runbook folder's job renders the index)
      // has just created it, and records it as its own a moment later.
      const recorded = await recordedByAnotherRun(found, desired, parentId, options);
      if (recorded) return await continueOwn(op, recorded, parentId, options, done);
      throw new ConflictDuringRun(
        `the title "${desired.title}" is used by page ${found.id}, which docgen does not own: ${RENAME_OR_ARCHIVE}`,
      );
    }
    // Refused for its title, yet no current page has it: the trash or the archive holds it, and
    // asking again changes nothing. It may be docgen's own page, to bring back.
    if (isTitleTaken(uncertain)) return await takeBackRetired(op, parentId, options, uncertain);
    if (attempt >= MAX_UNCERTAIN_ATTEMPTS) throw uncertain;
  }
  // The page exists: the next new sibling may be created now, while this one is finished.
  onPosted?.();
  if (status === 'created' && createdComplete(page, desired, extras.ownership)) {
    return { key: op.key, title: desired.title, action: op.action, status, pageId: page.id, version: 1 };
  }
  try {
    return await finish(op, page, parentId, options, { status, fresh: status === 'created' });
  } catch (error) {
    // Its children can still go under it; the next run completes what is missing here.
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { pageId: page.id });
  }
}

/**
 * `--prune` marks the page in its property first (one write), so that a later run whose tree has
 * the page again can tell docgen's own retirement from a person's delete and restore it silently.
 */
async function retirePage(op: Operation, rootId: string, options: ApplyOptions): Promise<void> {
  const record = op.remote?.ownership;
  if (!record) return options.api.retire(op.pageId!);
  const pruned = { root: rootId, at: new Date().toISOString() };
  let marked: OwnershipRecord;
  try {
    marked = await options.api.writeOwnership(op.pageId!, { ...record.value, pruned }, record);
  } catch (error) {
    const mark = await markedByAnotherRun(op.pageId!, rootId, error, options);
    if (mark === 'retired') return;
    if (!mark) throw error;
    marked = mark;
  }
  try {
    await options.api.retire(op.pageId!);
  } catch (error) {
    // Still current: take the mark back, or a later delete by a person would pass for docgen's own.
    await options.api.writeOwnership(op.pageId!, record.value, marked).catch(() => undefined);
    throw error;
  }
}

/**
 * The prune mark could not be written (404, 409): another docgen run pruning the same page at once
 * (two CI jobs) got there first. `retired` when the page is no longer current (that run trashed it);
 * that run's mark when it marked the page for this root and has yet to trash it; else undefined.
 */
async function markedByAnotherRun(
  pageId: string,
  rootId: string,
  error: unknown,
  options: ApplyOptions,
): Promise<'retired' | OwnershipRecord | undefined> {
  if (!(error instanceof ConfluenceError) || (error.status !== 404 && error.status !== 409)) return undefined;
  try {
    const page = await options.api.getPage(pageId);
    if (page.status && page.status !== 'current') return 'retired';
  } catch (readError) {
    if (readError instanceof ConfluenceError && readError.status === 404) return 'retired';
    throw readError;
  }
  const live = await options.api.readOwnership(pageId);
  return live?.value.pruned?.root === rootId ? live : undefined;
}

/**
 * A create refused because a page in the trash or the archive holds the title (one the plan did
 * not see: retired between plan and apply, or a trash the plan could not list). docgen's own page
 * that docgen pruned from this root comes back; one a person deleted only with `--force`; an
 * archived one has no restore in the API; anyone else's is a conflict.
 */
async function takeBackRetired(
  op: Operation,
  parentId: string,
  options: ApplyOptions,
  refusal: unknown,
): Promise<Outcome> {
  const desired = op.desired!;
  const held = await findRetired(desired.title, options);
  if (!held) throw new ConflictDuringRun(refusedTitleMessage(desired.title, messageOf(refusal), held));
  const verdict = judgeRetired(held, {
    docSets: new Set(options.docSets ?? [setIdentity(options.docSet, options.docSetNamed, options.docSetLocal)]),
    key: desired.key,
    rootId: options.rootId!,
    restoreDeleted: options.onConflict === 'overwrite',
  });
  if (!verdict.restore) {
    throw new ConflictDuringRun(
      verdict.deleted ? retiredMessage(verdict) : refusedTitleMessage(desired.title, messageOf(refusal), held),
      verdict.deleted,
    );
  }
  return restorePage(op, held, parentId, options);
}

/**
 * A restore the plan found: the page is brought back from the trash. If it is no longer there as
 * planned (purged, or restored by a person, between plan and apply), the page is created instead,
 * which looks before it writes and so takes back a restored page rather than duplicating it.
 */
async function restorePlanned(
  op: Operation,
  parentId: string,
  options: ApplyOptions,
  onPosted?: () => void,
): Promise<Outcome> {
  try {
    return await restorePage(op, op.remote!, parentId, options);
  } catch (error) {
    if (!(error instanceof ConfluenceError) || (error.status !== 404 && error.status !== 409)) throw error;
    return createPage({ ...op, pageId: undefined, remote: undefined }, parentId, options, onPosted);
  }
}

/**
 * The page in the trash or the archive holding a title. A server that will not list its trash
 * (an older Data Center, a permission) leaves the refusal as it is: a conflict that says what
 * to do, never a failure of its own.
 */
async function findRetired(title: string, options: ApplyOptions): Promise<RemotePage | undefined> {
  try {
    return await options.api.findRetiredByTitle(options.space, title);
  } catch (error) {
    if (error instanceof ConfluenceError) return undefined;
    throw error;
  }
}

/**
 * Restore from the trash: a PUT with `status: current` and the next version. Confluence may
 * restore the status only ("page contents will not be updated"), so the page is read back and
 * written again when its title, parent or body is not yet the desired one. Readers' comments on
 * the version in the trash are carried over like an update's (one read of that body first).
 */
async function restorePage(op: Operation, held: RemotePage, parentId: string, options: ApplyOptions): Promise<Outcome> {
  const desired = op.desired!;
  const trashed = await options.api.getPage(held.id, { body: true, status: held.status ?? 'trashed' });
  const comments = carryCommentMarkers(trashed.body ?? '', desired.storage);
  const write = {
    title: desired.title,
    parentId,
    body: comments.body,
    message: versionMessage('restore', desired.hash),
  };
  // The restore may bring the status back and nothing else (Cloud v2), so its version is marked
  // with the hash of the content it surely has, the page's in the trash: a run that stops before
  // the content is written is then repaired by the next one, not taken for already written.
  const restoring = { ...write, message: versionMessage('restore', held.ownership?.value.hash ?? NO_HASH) };
  await options.api.updatePage(held.id, { ...restoring, version: held.version.number + 1 });
  let page = await options.api.getPage(held.id, { body: true });
  if (page.title !== desired.title || page.parentId !== parentId || !isDocgensBody(page.body, desired, options)) {
    page = await options.api.updatePage(held.id, { ...write, version: page.version.number + 1 });
  }
  const restored = { ...page, ownership: held.ownership, labels: held.labels };
  const outcome = await finish({ ...op, pageId: held.id, changes: ['body', 'state'] }, restored, parentId, options, {
    status: 'restored',
    fresh: false,
  });
  return comments.lost.length ? { ...outcome, resolvedComments: comments.lost } : outcome;
}

/** The body docgen would write, once readers' comment markers are left out (they are not docgen's). */
function isDocgensBody(body: string | undefined, desired: DesiredPage, options: ApplyOptions): boolean {
  return bodyHashWithoutComments(body ?? '', options.converter) === desired.bodyHash;
}

/**
 * A live body's hash as docgen records its own (`bodyHash`), readers' comment markers left out:
 * a comment is not an edit, so a commented page still hashes as the body docgen wrote.
 */
export function bodyHashWithoutComments(body: string, converter: Converter): string {
  return contentHash(converter.normalizeStorage(withoutCommentMarkers(body)));
}

/** The create stored everything (labels and docgen's property, as sent): nothing left to write. */
function createdComplete(page: RemotePage, desired: DesiredPage, sent: Ownership | undefined): boolean {
  const stored = page.ownership?.value;
  return (
    sent !== undefined &&
    page.version.number === 1 &&
    stored?.key === desired.key &&
    stored.hash === desired.hash &&
    stored.set === sent.set &&
    desired.labels.every((label) => page.labels?.includes(label))
  );
}

/**
 * An unowned page is adopted only when it is exactly what docgen would have created:
 * version 1, under the intended parent, identical normalized body. That is the trace of a run
 * that died between creating a page and recording its ownership; anything else is a human's.
 * Readers may have commented on it since (a comment is no version): their markers are not an edit,
 * and adopting writes no body, so the comments stay as they are.
 */
async function tryAdopt(
  pageId: string,
  desired: DesiredPage,
  parentId: string,
  options: ApplyOptions,
): Promise<{ page: RemotePage; ours?: boolean } | undefined> {
  const page = await options.api.getPage(pageId, { body: true });
  const existing = page.ownership ?? (await options.api.readOwnership(pageId));
  // Another docgen run (two CI jobs at once) finished the page after this run looked: its own page.
  const owned = { ...page, ownership: existing };
  if (existing && isOwnPage(owned, desired, options)) return { page: owned, ours: true };
  if (page.version.number !== 1 || page.parentId !== parentId || page.title !== desired.title) return undefined;
  if (existing) return undefined;
  return isDocgensBody(page.body, desired, options) ? { page } : undefined;
}

/**
 * A page with this title, under this parent, at version 1 and with no record yet: another docgen run
 * may be between its create and its record (written after the attachments), if it created the page
 * just now (see `recordedByOtherRuns`). The page, once it is recorded as this doc set's page of this
 * key; undefined if it stays unrecorded, is old, or is another's.
 */
async function recordedByAnotherRun(
  found: RemotePage,
  desired: DesiredPage,
  parentId: string,
  options: ApplyOptions,
): Promise<RemotePage | undefined> {
  const recorded = await recordedByOtherRuns(
    [found],
    async () => {
      const page = await options.api.getPage(found.id);
      if (page.version.number !== 1 || page.parentId !== parentId || page.title !== desired.title) return undefined;
      return { ...page, ownership: page.ownership ?? (await options.api.readOwnership(found.id)) };
    },
    { serverNow: options.api.transport.serverNow() },
  );
  const page = recorded.get(found.id);
  return page && isOwnPage(page, desired, options) ? page : undefined;
}

/** The page carries docgen's property for this doc set and this page's key. */
function isOwnPage(page: RemotePage, desired: DesiredPage, options: ApplyOptions): boolean {
  const owner = page.ownership?.value;
  return (
    owner !== undefined &&
    pageSetIdentity(page) === setIdentity(options.docSet, options.docSetNamed, options.docSetLocal) &&
    owner.key === desired.key
  );
}

/**
 * A page found to be docgen's own where this run expected to create or adopt it (an earlier
 * attempt landed, or another run made it): left alone when it is as docgen recorded it, else
 * brought up to date like any page of docgen's.
 */
async function continueOwn(
  op: Operation,
  found: RemotePage,
  parentId: string,
  options: ApplyOptions,
  status: OutcomeStatus,
): Promise<Outcome> {
  const owner = found.ownership!.value;
  const desired = op.desired!;
  if (owner.version === found.version.number && owner.hash === desired.hash && found.parentId === parentId) {
    return { key: op.key, title: desired.title, action: op.action, status, pageId: found.id, version: owner.version };
  }
  const changes: Operation['changes'] =
    owner.hash === desired.hash && found.parentId === parentId ? ['state'] : ['body', 'state'];
  return await updatePage({ ...op, action: 'update', pageId: found.id, remote: found, changes }, parentId, options);
}

async function updatePage(op: Operation, parentId: string, options: ApplyOptions): Promise<Outcome> {
  const desired = op.desired!;
  let page = op.remote!;
  let resolvedComments: LostMarker[] = [];
  const needsWrite = op.overwrite || op.changes.some((c) => c === 'body' || c === 'title' || c === 'parent');
  if (needsWrite && onlyItsParentChanges(op) && options.api.canMovePages) {
    // A page moved by a person (or given another parent in the tree): a move is not a page version,
    // so no history entry and no notification for a page whose content did not change.
    await options.api.movePage(page.id, 'append', parentId);
    page = { ...page, parentId };
  } else if (needsWrite) {
    const comments = await withReadersComments(page.id, desired.storage, options);
    resolvedComments = comments.lost;
    const write = {
      title: desired.title,
      parentId,
      body: comments.body,
      message: versionMessage(
        op.overwrite ? 'overwrite' : op.changes.filter((c) => c !== 'state').join('+') || 'update',
        desired.hash,
      ),
    };
    try {
      page = await options.api.updatePage(page.id, { ...write, version: page.version.number + 1 });
    } catch (error) {
      if (!(error instanceof ConfluenceError) || error.status !== 409) throw error;
      // Someone wrote in between (or our own retried PUT already landed): re-read and decide. The
      // re-read takes the body too: a reader may have commented since the first read.
      const live = await options.api.getPage(page.id, { body: true });
      const marker = markerHash(live.version.message);
      if (marker === desired.hash.slice(0, 16))
        page = { ...page, version: live.version, title: desired.title, parentId };
      else if (marker) {
        const again = carryCommentMarkers(live.body ?? '', desired.storage);
        resolvedComments = again.lost;
        page = await options.api.updatePage(page.id, { ...write, body: again.body, version: live.version.number + 1 });
      } else
        throw new ConflictDuringRun(
          `page ${page.id} was edited in Confluence while docgen was writing it (now version ${live.version.number})`,
        );
    }
  }
  const outcome = await finish(
    op,
    { ...page, ownership: op.remote?.ownership, labels: op.remote?.labels },
    parentId,
    options,
    { status: 'updated', fresh: false },
  );
  return resolvedComments.length ? { ...outcome, resolvedComments } : outcome;
}

/**
 * The body to write, with the inline-comment markers readers left on the live page carried over
 * (one read of the live body: a PUT replaces the body, whatever the change, so every write needs
 * it). Markers are not a version in Confluence, so they never make a page look edited or changed;
 * they only have to survive docgen's own writes.
 */
async function withReadersComments(
  pageId: string,
  storage: string,
  options: ApplyOptions,
): Promise<{ body: string; lost: LostMarker[] }> {
  const live = await options.api.getPage(pageId, { body: true });
  return carryCommentMarkers(live.body ?? '', storage);
}

/** The page is right but for where it is: a move puts it there (where the API can move pages). */
function onlyItsParentChanges(op: Operation): boolean {
  return !op.overwrite && op.changes.includes('parent') && op.changes.every((c) => c === 'parent' || c === 'state');
}

/** Labels, attachments, then the ownership property: the commit marker of a page's update. */
async function finish(
  op: Operation,
  page: RemotePage,
  _parentId: string,
  options: ApplyOptions,
  how: { status: OutcomeStatus; fresh: boolean },
): Promise<Outcome> {
  const desired = op.desired!;
  const recorded = page.ownership?.value;
  const reconcile = how.fresh || how.status === 'adopted' || op.changes.includes('state') || op.overwrite;

  // Labels and attachments are independent of each other; the property must wait for both.
  let uploaded = 0;
  await Promise.all([
    (async () => {
      if (!reconcile && !op.changes.includes('labels')) return;
      const live = page.labels ?? (how.fresh ? [] : undefined);
      const missing = live ? desired.labels.filter((l) => !live.includes(l)) : desired.labels;
      await options.api.addLabels(page.id, missing);
      // Only labels docgen itself added are ever removed; a human's labels stay.
      for (const old of recorded?.labels ?? []) {
        if (!desired.labels.includes(old) && (!live || live.includes(old))) await options.api.removeLabel(page.id, old);
      }
    })(),
    (async () => {
      if (!reconcile && !op.changes.includes('attachments')) return;
      // A page with no attachments now and none recorded needs no listing (a new page has none).
      const hadSome = Object.keys(recorded?.attachments ?? {}).length > 0 || (!how.fresh && !recorded);
      if (desired.attachments.length === 0 && (how.fresh || !hadSome)) return;
      uploaded = await syncAttachments(page.id, desired.attachments, how.fresh ? [] : undefined, options);
    })(),
  ]);

  // Some Confluence versions count an attachment upload as a page version; record the version
  // the page has after docgen's own writes, so that is not mistaken for a human edit next time.
  let version = page.version.number;
  if (uploaded > 0) version = Math.max(version, (await options.api.getPage(page.id)).version.number);

  const value = ownershipOf(desired, options, version, how.fresh ? undefined : recorded);
  let existing: OwnershipRecord | undefined = page.ownership;
  if (!existing && !how.fresh) existing = await options.api.readOwnership(page.id);
  await recordOwnership(page.id, value, existing, options);
  return { key: op.key, title: desired.title, action: op.action, status: how.status, pageId: page.id, version };
}

/**
 * Write docgen's property. A 409 means it changed since it was read: another docgen run writing
 * the same page at once (two CI jobs). If that run recorded the same content, there is nothing
 * left to write; otherwise this run's record is written over the fresh one.
 */
async function recordOwnership(
  pageId: string,
  value: Ownership,
  existing: OwnershipRecord | undefined,
  options: ApplyOptions,
): Promise<void> {
  try {
    await options.api.writeOwnership(pageId, value, existing);
  } catch (error) {
    if (!(error instanceof ConfluenceError) || error.status !== 409) throw error;
    const live = await options.api.readOwnership(pageId);
    const recorded = live?.value;
    const same =
      recorded?.set === value.set &&
      recorded.local === value.local &&
      recorded.key === value.key &&
      recorded.hash === value.hash &&
      recorded.version >= value.version;
    if (!same) await options.api.writeOwnership(pageId, value, live);
  }
}

/** docgen's property for a page as written at `version`; `recorded`: what it had (none for a page created now). */
function ownershipOf(
  desired: DesiredPage,
  options: ApplyOptions,
  version: number,
  recorded: Ownership | undefined,
): Ownership {
  const fromFlags = fromFlagsMark(options, recorded, desired.source?.file);
  return {
    tool: 'docgen',
    schema: OWNERSHIP_SCHEMA,
    set: options.docSet,
    ...(options.docSetNamed ? { named: true } : {}),
    ...(!options.docSetNamed && options.docSetLocal !== undefined ? { local: options.docSetLocal } : {}),
    ...(fromFlags ? { fromFlags: true } : {}),
    key: desired.key,
    source: desired.source,
    generator: options.generator,
    hash: desired.hash,
    bodyHash: desired.bodyHash,
    labels: desired.labels,
    attachments: attachmentHashes(desired.attachments),
    version,
    ...(options.rootId !== undefined ? { root: options.rootId } : {}),
  };
}

/**
 * Upload what differs from the hash in each attachment's comment, then trash the files docgen
 * uploaded earlier that the page no longer has (recognised by docgen's hash comment: a file a
 * human uploaded, or re-uploaded over docgen's, is never deleted). Returns the number of writes.
 */
async function syncAttachments(
  pageId: string,
  wanted: DesiredAttachment[],
  known: RemoteAttachment[] | undefined,
  options: ApplyOptions,
): Promise<number> {
  let remote = known ?? (await options.api.listAttachments(pageId));
  let uploaded = 0;
  for (const attachment of wanted) {
    const existing = remote.find((r) => r.fileName === attachment.fileName);
    if (existing && commentHash(existing.comment) === attachment.hash) continue;
    const file = {
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      data: attachment.data ?? new Uint8Array(await readFile(attachment.path!)),
      comment: attachmentComment(attachment.hash),
    };
    let target = existing;
    for (let attempt = 0; ; attempt++) {
      try {
        await options.api.uploadAttachment(pageId, file, target);
        uploaded++;
        break;
      } catch (error) {
        const alreadyThere =
          error instanceof ConfluenceError &&
          error.status === 400 &&
          /already exists|same file name/i.test(error.message);
        if ((!(error instanceof UncertainWriteError) && !alreadyThere) || attempt >= MAX_UNCERTAIN_ATTEMPTS)
          throw error;
        // Find out what the failed upload left behind before trying again: never a second file.
        remote = await options.api.listAttachments(pageId);
        target = remote.find((r) => r.fileName === attachment.fileName);
        if (target && commentHash(target.comment) === attachment.hash) {
          uploaded++;
          break;
        }
      }
    }
  }
  const wantedNames = new Set(wanted.map((a) => a.fileName.toLowerCase()));
  for (const stale of remote.filter((r) => !wantedNames.has(r.fileName.toLowerCase()) && commentHash(r.comment))) {
    await options.api.deleteAttachment(pageId, stale);
    uploaded++;
  }
  return uploaded;
}

/** The hash in a version message when no hash of the content is known: matches no page. */
const NO_HASH = '0'.repeat(64);

/** How often a write whose outcome was unknown is looked up and tried again. */
const MAX_UNCERTAIN_ATTEMPTS = 8;

function isTitleTaken(error: unknown): boolean {
  return (
    error instanceof ConfluenceError &&
    error.status === 400 &&
    /already exists/i.test(error.atlassianMessage ?? error.message)
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
