import type { MovePosition } from './client/types.js';
import type { Operation } from './plan.js';

/**
 * Page order. Confluence keeps a position per page among its siblings; docgen wants each
 * parent's pages in tree order (`Page.position` first, then the tree's order). Only the
 * relative order of docgen's own pages matters: pages docgen does not manage stay where a
 * human put them. Pure, like the plan.
 */
export interface Reorder {
  key: string;
  title: string;
  position: MovePosition;
  /** The sibling to go before/after, or the parent to `append` to (a key, or the managed root). */
  targetKey?: string;
  /** With `append` and no `targetKey`: the managed root's id. */
  targetId?: string;
}

type Rank = { kind: 'known'; value: number; id: number } | { kind: 'created'; seq: number } | { kind: 'unknown' };

/**
 * The fewest moves that put each parent's docgen pages in the wanted order. Pages are ranked by
 * where they are now (existing: their live position; new pages: after every existing one, in
 * creation order, which is tree order; pages that change parent: unknown). The longest run already
 * in wanted order (a longest increasing subsequence) stays; every other page moves once, right
 * after its wanted predecessor (the first one goes before the first page that stays). A parent
 * whose live order cannot be read (no positions) is left alone.
 */
export function planReorder(operations: Operation[], rootId: string): Reorder[] {
  const groups = new Map<string | undefined, Operation[]>();
  for (const op of operations) {
    if (!op.desired || op.action === 'orphan' || op.action === 'archive') continue;
    // A page in conflict is left exactly as it is: not moved, not a target; nor is one blocked by it.
    if (op.action === 'conflict' || op.action === 'blocked') continue;
    groups.set(op.parentKey, [...(groups.get(op.parentKey) ?? []), op]);
  }
  const moves: Reorder[] = [];
  for (const [parentKey, members] of groups) {
    if (members.length < 2) continue;
    const ranks = members.map((op, i) => rankOf(op, i));
    // Pages that exist and stay put but whose position is unreadable: order unknown, hands off.
    if (ranks.some((rank, i) => rank.kind === 'unknown' && !members[i]!.changes.includes('parent'))) continue;
    const known = members
      .map((op, wanted) => ({ wanted, rank: ranks[wanted]! }))
      .filter((m) => m.rank.kind !== 'unknown')
      .sort((a, b) => compareRanks(a.rank, b.rank));
    const stays = new Set(longestIncreasing(known.map((m) => m.wanted)));
    if (stays.size === members.length) continue;
    const firstStaying = members.findIndex((_, i) => stays.has(i));
    members.forEach((op, i) => {
      if (stays.has(i)) return;
      const base = { key: op.key, title: op.title };
      if (i > 0) moves.push({ ...base, position: 'after', targetKey: members[i - 1]!.key });
      else if (firstStaying >= 0) moves.push({ ...base, position: 'before', targetKey: members[firstStaying]!.key });
      else
        moves.push({
          ...base,
          position: 'append',
          ...(parentKey === undefined ? { targetId: rootId } : { targetKey: parentKey }),
        });
    });
  }
  return moves;
}

/** New siblings are created one after the other in wanted order, so `index` is their creation order. */
function rankOf(op: Operation, index: number): Rank {
  if (op.action === 'create') return { kind: 'created', seq: index };
  if (op.changes.includes('parent')) return { kind: 'unknown' };
  const position = op.remote?.position;
  if (typeof position !== 'number') return { kind: 'unknown' };
  return { kind: 'known', value: position, id: Number(op.pageId ?? 0) };
}

function compareRanks(a: Rank, b: Rank): number {
  if (a.kind === 'known' && b.kind === 'known') return a.value - b.value || a.id - b.id;
  if (a.kind === 'created' && b.kind === 'created') return a.seq - b.seq;
  return a.kind === 'known' ? -1 : 1;
}

/** Values of one longest strictly increasing subsequence (O(n log n), patience sorting). */
export function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  const out: number[] = [];
  for (let i = tails.length ? tailIndex[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.unshift(values[i]!);
  return out;
}
