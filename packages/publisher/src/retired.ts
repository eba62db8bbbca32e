import type { RemotePage } from './client/types.js';
import { pageSetIdentity, setLabel } from './state.js';

/**
 * A page in the trash or the archive keeps its title reserved, so docgen cannot create a page of
 * that title: what to do about it. Pure, so the plan (which finds such pages before anything is
 * written) and the run (which meets them when a create is refused) decide alike.
 */
export type RetiredVerdict =
  /** docgen's own page, back from the trash; `forced` when only --force lets docgen restore it. */
  | { restore: true; forced: boolean; reason: string }
  /** Not docgen's to take back: `deleted` when it is docgen's page that a person retired. */
  | { restore: false; deleted: boolean; why: string; fix: string };

export interface RetiredContext {
  /** The run's doc set and its earlier names, as `setIdentity` writes them (see `docSetFamily`). */
  docSets: ReadonlySet<string>;
  /** The key of the desired page that wants the title. */
  key: string;
  /** The managed root: a prune mark from another root is not this run's to undo. */
  rootId: string;
  /** --force / onConflict: overwrite: a page a person deleted is restored too. */
  restoreDeleted: boolean;
  /**
   * The page is one the run may take over for a new key, as it would a current page of the same
   * title (see `matchRekeyed`): a spec moved from the config into a job of its own, whose pages the
   * config's run pruned before the job's first run. Only a page docgen pruned from this root.
   */
  takeOver?: boolean;
}

export function judgeRetired(held: RemotePage, context: RetiredContext): RetiredVerdict {
  const owner = held.ownership?.value;
  // A page of another key is this run's only when docgen pruned it from here and the run may take it over.
  const ownKey = owner?.key === context.key || (context.takeOver && owner?.pruned?.root === context.rootId);
  if (!owner || !context.docSets.has(pageSetIdentity(held)!) || !ownKey) {
    return { restore: false, deleted: false, ...heldByOthers(held, context.docSets) };
  }
  if (held.status === 'archived') return { restore: false, deleted: true, ...ownPageArchived(held) };
  const prunedFrom = owner.pruned?.root;
  if (prunedFrom === context.rootId) {
    return { restore: true, forced: false, reason: 'docgen pruned it from this root' };
  }
  if (context.restoreDeleted) {
    const byWhom = prunedFrom ? `docgen pruned it from under another root (page ${prunedFrom})` : 'a person deleted it';
    return { restore: true, forced: true, reason: `${byWhom}; --force restores it` };
  }
  return {
    restore: false,
    deleted: true,
    why: `docgen's page ${held.id} ("${held.title}") is in the trash and holds its title: ${whoRetired(prunedFrom)}`,
    fix:
      'restore it in Confluence (docgen takes it back by its key), purge it from the trash to have docgen create it anew, ' +
      'or run with --force to have docgen restore it',
  };
}

/** One sentence for a conflict: what happened, then what to do. */
export function retiredMessage(verdict: { why: string; fix: string }): string {
  return `${verdict.why}. ${verdict.fix[0]!.toUpperCase()}${verdict.fix.slice(1)}`;
}

/**
 * A create refused for its title while no current page has it, as the run meets it: the
 * refusal, then whose page holds the title (if the lookup could read it) and what to do.
 */
export function refusedTitleMessage(title: string, refusal: string, held: RemotePage | undefined): string {
  const { fix } = heldByOthers(held);
  return (
    `Confluence refuses the title "${title}" (${refusal}), but no current page of the space has it: ` +
    retiredMessage({ why: heldWhere(held), fix })
  );
}

function whoRetired(prunedFrom: string | undefined): string {
  return prunedFrom
    ? `docgen pruned it from under another root (page ${prunedFrom})`
    : 'a person deleted it (docgen did not prune it)';
}

function heldWhere(held: RemotePage | undefined, docSets?: ReadonlySet<string>): string {
  if (!held) return 'a page in the trash or the archive holds it';
  const value = held.ownership?.value;
  const whose = !value
    ? 'which docgen does not own'
    : docSets?.has(pageSetIdentity(held)!)
      ? `which this doc set published for another key ("${value.key}")`
      : `which another docgen doc set ("${setLabel(value)}") published`;
  return `page ${held.id} in the ${held.status === 'archived' ? 'archive' : 'trash'}, ${whose}, holds it`;
}

/** Someone else's page in the trash or the archive holds the title. */
function heldByOthers(held: RemotePage | undefined, docSets?: ReadonlySet<string>): { why: string; fix: string } {
  const why = `no current page of the space has the title${held ? ` "${held.title}"` : ''}, but ${heldWhere(held, docSets)}`;
  // This doc set's page of another key, restored, is still that key's: its title stays taken.
  if (held?.ownership && docSets?.has(pageSetIdentity(held)!))
    return {
      why,
      fix: `${held.status === 'archived' ? 'delete and purge it' : 'purge it from the trash'} to have docgen create this page anew, or give docgen's page another title`,
    };
  return {
    why,
    fix:
      'restore that page (a page docgen published is taken back once it is under the managed root again), ' +
      "purge it from the trash, or give docgen's page another title",
  };
}

/** Cloud's REST API cannot restore from the archive: a person has to (docgen itself prunes to the trash; older versions archived). */
function ownPageArchived(held: RemotePage): { why: string; fix: string } {
  const who = held.ownership?.value.pruned ? 'docgen archived it (--prune)' : 'a person archived it';
  return {
    why: `docgen's page ${held.id} ("${held.title}") is in the archive and holds its title: ${who}, and the API has no restore from the archive`,
    fix: 'restore it in Confluence (docgen takes it back by its key), or delete and purge it to have docgen create it anew',
  };
}
