/**
 * Code spans that a look-ahead made text (markdown-it#1201). Once one backtick run finds no closing
 * run up to the end of the inline content, markdown-it's `backticks` rule notes it
 * (`backticksScanned`) and writes every later run of that length as text without looking. That is
 * right only for runs after the one that noted it; but a `[` is looked ahead to its `]` before its
 * text is parsed, so the look-ahead may meet a lone backtick first, and the code span before it is
 * then written as text: `` [Added `inclusive` option to `areIntervalsOverlapping](…) `` (date-fns'
 * CHANGELOG) showed its backticks. The note is kept here only for the runs after where it was made.
 */
import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import { ruleEntries } from './ruler-entries.js';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** markdown-it's cache of backtick runs (not in its typings), and where its "no closer" note was made. */
interface BacktickCache {
  backticks: Record<number, number>;
  backticksScanned: boolean;
  backticksScannedFrom?: number;
}

export function codeSpansAfterLookahead(md: MarkdownIt): void {
  const entry = ruleEntries<InlineRule>(md.inline.ruler).find(({ name }) => name === 'backticks');
  if (!entry) return;
  const backticks = entry.fn;
  md.inline.ruler.at(
    'backticks',
    (state, silent) => {
      const cache = state as unknown as BacktickCache;
      const start = state.pos;
      if (cache.backticksScanned && start < (cache.backticksScannedFrom ?? 0)) {
        cache.backticksScanned = false;
        cache.backticks = {};
      }
      const scanned = cache.backticksScanned;
      const matched = backticks(state, silent);
      if (!scanned && cache.backticksScanned) cache.backticksScannedFrom = start;
      return matched;
    },
    { alt: entry.alt },
  );
}
