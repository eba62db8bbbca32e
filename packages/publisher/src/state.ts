import { contentHash } from '@docgen/core';

/**
 * Ownership: how docgen knows a page is its own. Each managed page carries one content
 * property, `docgen`, holding the page key (identity across renames), the doc set it belongs
 * to (so two generators sharing a parent never prune each other), provenance, the hashes of what
 * docgen wrote, and the page version docgen's last write produced (so a human edit shows up as a
 * newer version).
 */
export const OWNERSHIP_PROPERTY = 'docgen';
export const OWNERSHIP_SCHEMA = 1;

export interface Ownership {
  tool: 'docgen';
  schema: number;
  /** The doc set: pages of other sets under the same root are not this run's business. */
  set: string;
  /**
   * The set's name is an identity (`confluence.docSet`, the repository's remote): another run never
   * takes its pages for its own under an earlier name, as it may a set named after its top-level
   * keys (`api`), which two repositories could share.
   */
  named?: boolean;
  /**
   * A set named after its keys in a repository with no remote (ADR 11, the local kind): the folder
   * of the config (or, for sources given by flags, the one docgen ran in) in the repository, `''`
   * for its root. Two apps of one repository are two sets, even with the same keys: a page of the
   * same key is a title conflict, not a page each run rewrites in turn. Absent on pages of a set
   * named after its keys alone (an older docgen's, or a tree rendered outside its repository).
   */
  local?: string;
  /**
   * Published by a run of sources given by flags that the config does not list (see `fromFlagsMark`):
   * a run of the config leaves it alone instead of retiring it as gone.
   */
  fromFlags?: boolean;
  key: string;
  source?: { plugin: string; file?: string };
  /** `name@version` of the generator that rendered the page. */
  generator: string;
  /** Hash of everything docgen controls on the page (see `pageHash`). */
  hash: string;
  bodyHash: string;
  labels: string[];
  /** fileName → SHA-256 of the bytes docgen uploaded. */
  attachments: Record<string, string>;
  /** The page version number docgen's last write produced. */
  version: number;
  /**
   * The managed root the page was published under: a tree docgen publishes under a page inside
   * another managed root is that tree's, not the outer root's (absent on pages written before).
   */
  root?: string;
  /**
   * Written just before `--prune` retires the page: docgen itself took it away, from under this
   * managed root. A page in the trash without it was deleted by a person, and is not brought back
   * behind their back.
   */
  pruned?: { root: string; at: string };
}

/**
 * A doc set as runs tell sets apart: its name, whether it is `named`, and a local set's folder. A
 * set named `api` by `confluence.docSet` and the `api` an older run made of its keys are two sets:
 * the second may be another repository's too; so are the `api` of two apps' folders.
 */
export function setIdentity(set: string, named: boolean | undefined, local?: string): string {
  // Both as JSON: a folder's characters cannot run into the name's.
  if (!named && local !== undefined) return `local:${JSON.stringify([local, set])}`;
  return `${named ? 'named' : 'keys'}:${set}`;
}

/** The doc set a page of docgen's belongs to, as `setIdentity` writes it; undefined for a page docgen does not own. */
export function pageSetIdentity(page: {
  ownership?: { value: Pick<Ownership, 'set' | 'named' | 'local'> };
}): string | undefined {
  const value = page.ownership?.value;
  return value && setIdentity(value.set, value.named, value.local);
}

/** A doc set as messages name it: a local set with its folder, `api (apps/a)`. */
export function setLabel(value: Pick<Ownership, 'set' | 'named' | 'local'>): string {
  if (value.named || value.local === undefined) return value.set;
  return `${value.set} (${value.local || 'repository root'})`;
}

export function parseOwnership(value: unknown): Ownership | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<Ownership>;
  if (v.tool !== 'docgen' || typeof v.key !== 'string' || typeof v.version !== 'number') return undefined;
  return {
    tool: 'docgen',
    schema: v.schema ?? OWNERSHIP_SCHEMA,
    set: typeof v.set === 'string' ? v.set : '',
    ...(v.named === true ? { named: true } : {}),
    ...(typeof v.local === 'string' && v.named !== true ? { local: v.local } : {}),
    ...(v.fromFlags === true ? { fromFlags: true } : {}),
    key: v.key,
    source: v.source,
    generator: v.generator ?? '',
    hash: v.hash ?? '',
    bodyHash: v.bodyHash ?? '',
    labels: Array.isArray(v.labels) ? v.labels : [],
    attachments: v.attachments && typeof v.attachments === 'object' ? v.attachments : {},
    version: v.version,
    ...(typeof v.root === 'string' ? { root: v.root } : {}),
    ...(isPruneMark(v.pruned) ? { pruned: v.pruned } : {}),
  };
}

function isPruneMark(value: unknown): value is Ownership['pruned'] {
  return !!value && typeof (value as { root?: unknown }).root === 'string';
}

export interface HashInput {
  title: string;
  parentKey?: string;
  bodyHash: string;
  labels: string[];
  attachments: Record<string, string>;
}

/** One hash over everything a no-op run must leave alone: normalized body, title, parent, labels, attachments. */
export function pageHash(input: HashInput): string {
  const attachments = Object.keys(input.attachments)
    .sort()
    .map((name) => [name, input.attachments[name]]);
  return contentHash(
    JSON.stringify({
      title: input.title,
      parent: input.parentKey ?? null,
      body: input.bodyHash,
      labels: [...new Set(input.labels)].sort(),
      attachments,
    }),
  );
}

/** A page's attachments by file name → the hash of their bytes: what docgen records and `pageHash` takes. */
export function attachmentHashes(
  attachments: ReadonlyArray<{ fileName: string; hash: string }>,
): Record<string, string> {
  return Object.fromEntries(attachments.map((a) => [a.fileName, a.hash]));
}

/**
 * `pageHash` of a page as docgen wants it, its attachments as a list: hashed again whenever the plan
 * gives the page another title or parent, which the hash covers.
 */
export function desiredPageHash(
  page: Omit<HashInput, 'attachments'> & { attachments: ReadonlyArray<{ fileName: string; hash: string }> },
): string {
  const { title, parentKey, bodyHash, labels } = page;
  return pageHash({ title, parentKey, bodyHash, labels, attachments: attachmentHashes(page.attachments) });
}

/**
 * The version message of every page version docgen writes: `docgen: <what> [h:<hash16>]`.
 * It lets a later run recognise its own write even when the run died before recording it in
 * the property (the property is written last), so that is repaired, not reported as a human edit.
 */
export function versionMessage(what: string, hash: string): string {
  return `docgen: ${what} [h:${hash.slice(0, 16)}]`;
}

/** The hash prefix a docgen version message carries, if the message is docgen's. */
export function markerHash(message: string | undefined): string | undefined {
  return message ? /^docgen: .*\[h:([0-9a-f]{16})\]$/.exec(message)?.[1] : undefined;
}

/** Attachment comments carry the bytes' hash, so unchanged files are never uploaded again. */
export function attachmentComment(hash: string): string {
  return `docgen sha256:${hash}`;
}

export function commentHash(comment: string | undefined): string | undefined {
  return comment ? /sha256:([0-9a-f]{64})/.exec(comment)?.[1] : undefined;
}
