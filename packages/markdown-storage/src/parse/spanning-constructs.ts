/**
 * Inline constructs that span lines without a line break token: a code span, a reference label,
 * a link's destination or title, an image's alt, math, a tag. markdown-it gives inline tokens no
 * position, and to-mdast.ts counts a node's line from the break tokens before it; after such a
 * construct that count is short. Its last token gets `end`, where the construct ends in the
 * block's inline content, and to-mdast.ts recounts the line there.
 *
 * The rules are wrapped rather than every token marked: a construct is looked at only where it
 * matched, and only its own characters are read (marking each token cost ~3% of the parse).
 */
import type MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import { ruleEntries } from './ruler-entries.js';

/** An inline token that ends a construct spanning lines, and where that construct ends. */
export type SpanningToken = Token & { end?: number };

/** Rules whose line breaks are tokens of their own, or that never span lines (delimiter runs, entities). */
const COUNTED = new Set([
  'text',
  'newline',
  'escape',
  'entity',
  'linkify',
  'emphasis',
  'strikethrough',
  'highlight',
  'insert',
]);

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Mark the constructs of every inline rule (install after the plugins that add rules). */
export function spanningConstructs(md: MarkdownIt): void {
  for (const { name, fn, alt } of [...ruleEntries<InlineRule>(md.inline.ruler)])
    if (!COUNTED.has(name)) md.inline.ruler.at(name, markingSpans(fn), { alt });
}

function markingSpans(rule: InlineRule): InlineRule {
  return (state, silent) => {
    const start = state.pos;
    const pushed = state.tokens.length;
    if (!rule(state, silent)) return false;
    if (!silent && state.tokens.length > pushed && spansLines(state.src, start, state.pos))
      (state.tokens[state.tokens.length - 1] as SpanningToken).end = state.pos;
    return true;
  };
}

function spansLines(source: string, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if (source.charCodeAt(at) === 0x0a) return true;
  return false;
}
