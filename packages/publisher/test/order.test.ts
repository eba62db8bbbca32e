import { describe, expect, it } from '@jest/globals';
import type { Page } from '@docgen/core';
import {
  desiredPages,
  fallbackNormalize,
  planSync,
  versionMessage,
  type Converter,
  type DesiredPage,
  type RemotePage,
} from '../src/index.js';
import { longestIncreasing } from '../src/order.js';

const converter: Converter = { toStorage: (md) => `<p>${md}</p>`, normalizeStorage: fallbackNormalize };

const desired = (keys: string[], positions: Record<string, number> = {}): DesiredPage[] =>
  desiredPages(
    {
      pages: [
        { key: 'docs', title: 'Docs', labels: [], markdown: 'root', attachments: [] },
        ...keys.map((key): Page => ({
          key: `docs/${key}`,
          parentKey: 'docs',
          title: key.toUpperCase(),
          labels: [],
          markdown: key,
          attachments: [],
          position: positions[key],
        })),
      ],
    },
    { converter },
  );

/** The pages live in Confluence in `liveOrder` (their positions), exactly as docgen wrote them. */
function live(pages: DesiredPage[], liveOrder: string[]): RemotePage[] {
  const ids = new Map(pages.map((p, i) => [p.key, String(1000 + i)]));
  return pages.map((page) => ({
    id: ids.get(page.key)!,
    title: page.title,
    parentId: page.parentKey ? ids.get(page.parentKey) : '1',
    version: { number: 1, message: versionMessage('create', page.hash) },
    labels: page.labels,
    position: page.parentKey ? liveOrder.indexOf(page.key.split('/')[1]!) : 0,
    ownership: {
      version: 1,
      value: {
        tool: 'docgen',
        schema: 1,
        set: 'docs',
        key: page.key,
        generator: 't',
        hash: page.hash,
        bodyHash: page.bodyHash,
        labels: page.labels,
        attachments: {},
        version: 1,
      },
    },
  }));
}

/** Apply the planned moves to a list, the way Confluence would, to check the result. */
function simulate(order: string[], moves: Array<{ key: string; position: string; targetKey?: string }>): string[] {
  const out = [...order];
  for (const move of moves) {
    const key = move.key.split('/')[1]!;
    out.splice(out.indexOf(key), 1);
    const target = move.targetKey!.split('/')[1]!;
    out.splice(out.indexOf(target) + (move.position === 'after' ? 1 : 0), 0, key);
  }
  return out;
}

describe('page order', () => {
  const plan = (wanted: DesiredPage[], remote: RemotePage[]) =>
    planSync({ desired: wanted, remote, rootId: '1', docSet: 'docs', reorder: true });

  it('plans no move when the live order is the wanted one', () => {
    const wanted = desired(['a', 'b', 'c', 'd']);
    expect(plan(wanted, live(wanted, ['a', 'b', 'c', 'd'])).reorder).toEqual([]);
    // Gaps and other siblings in between do not matter, only docgen's pages' relative order.
    expect(plan(wanted, live(wanted, ['x', 'a', 'y', 'b', 'c', 'd'])).reorder).toEqual([]);
  });

  it('moves the fewest pages: one page moved to the front is one move', () => {
    const wanted = desired(['a', 'b', 'c', 'd', 'e'], { e: 0 });
    const moves = plan(wanted, live(wanted, ['a', 'b', 'c', 'd', 'e'])).reorder;
    expect(moves).toEqual([{ key: 'docs/e', title: 'E', position: 'before', targetKey: 'docs/a' }]);
    expect(simulate(['a', 'b', 'c', 'd', 'e'], moves)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('a full reversal of n pages is n-1 moves and ends in the wanted order', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const positions = Object.fromEntries(keys.map((k, i) => [k, 10 - i]));
    const wanted = desired(keys, positions);
    const moves = plan(wanted, live(wanted, keys)).reorder;
    expect(moves).toHaveLength(keys.length - 1);
    expect(simulate(keys, moves)).toEqual([...keys].reverse());
  });

  it('a new page between existing siblings: created last, then one move', () => {
    const before = desired(['a', 'c']);
    const wanted = desired(['a', 'b', 'c']);
    const remote = live(before, ['a', 'c']);
    const result = plan(wanted, remote);
    expect(result.operations.find((o) => o.key === 'docs/b')?.action).toBe('create');
    expect(result.reorder).toHaveLength(1);
    expect(simulate(['a', 'c', 'b'], result.reorder)).toEqual(['a', 'b', 'c']);
  });

  it('leaves a parent alone when the server gives no positions, and plans nothing when asked not to', () => {
    const wanted = desired(['a', 'b'], { b: 0 });
    const remote = live(wanted, ['a', 'b']).map((p) => ({ ...p, position: undefined }));
    expect(plan(wanted, remote).reorder).toEqual([]);
    const noMoves = planSync({ desired: wanted, remote: live(wanted, ['a', 'b']), rootId: '1', docSet: 'docs' });
    expect(noMoves.reorder).toEqual([]);
  });

  it('longestIncreasing finds a longest run', () => {
    expect(longestIncreasing([3, 0, 1, 4, 2, 5])).toEqual([0, 1, 2, 5]);
    expect(longestIncreasing([])).toEqual([]);
    expect(longestIncreasing([4, 3, 2, 1])).toHaveLength(1);
  });
});
