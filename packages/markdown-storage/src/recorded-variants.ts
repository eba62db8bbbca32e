/**
 * Converted Markdown kept for reuse, as the block memo (parts.ts) and the cell memo (cell-memo.ts)
 * keep it: a few versions per Markdown (its links may resolve differently from different pages),
 * each reused only where the resolver calls it recorded still get the same answers, all within a
 * budget of characters.
 */
import type { ToStorageOptions } from './options.js';
import { holds, type Recording } from './state.js';

/** Versions of one Markdown kept (its links resolve differently from different pages). */
const MAX_VARIANTS = 4;

export class RecordedVariants<Entry extends Recording> {
  private readonly entries = new Map<string, Entry[]>();
  private size = 0;
  /** Versions found (for tests and benches). */
  hits = 0;

  /** `budget`: characters of Markdown and storage kept (about twice that in bytes). */
  constructor(private readonly budget: number) {}

  /** The first version of `key` that `fits` and whose recorded resolver calls answer the same now. */
  find(key: string, options: ToStorageOptions, fits: (entry: Entry) => boolean): Entry | undefined {
    const entry = this.entries
      .get(key)
      ?.find((candidate) => fits(candidate) && candidate.resolutions.every((resolution) => holds(resolution, options)));
    if (entry) this.hits += 1;
    return entry;
  }

  /** Keep a version of `key` (of `storage` characters) if the budget allows; whether it is the first kept. */
  add(key: string, entry: Entry, storage: string): 'first' | 'more' | 'not kept' {
    const cost = key.length + storage.length;
    const variants = this.entries.get(key) ?? [];
    if (this.size + cost > this.budget || variants.length >= MAX_VARIANTS) return 'not kept';
    this.size += cost;
    variants.push(entry);
    this.entries.set(key, variants);
    return variants.length === 1 ? 'first' : 'more';
  }
}
