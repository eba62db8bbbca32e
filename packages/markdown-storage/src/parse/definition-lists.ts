/**
 * Definition lists, as Python-Markdown's `def_list` (MkDocs), PHP Markdown Extra, pandoc and
 * kramdown write them:
 *
 *     Term                          the paragraph right before (a blank line between is allowed)
 *     :   Its definition, any       `:` and 1–3 spaces, then the content; more lines indented
 *         Markdown, indented 4.     4 spaces (an admonition, code, a list) belong to it
 *
 * Read as a raw `<dl>` is (handlers/html.ts): the term a bold line, each definition a quote under
 * it. Without the rule the definition's indented lines would be a code block and its first line a
 * paragraph starting with a colon. A line starting `: ` with no paragraph before it stays text.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { isBlankLine } from './block-state.js';

/** `:` then 1–3 spaces or a tab, then content. */
const MARKER = /^:(?: {1,3}|\t)(?=\S)/;

/** The term: the paragraph (or a definition of it, for a second one) just before, at this level. */
function termBefore(state: StateBlock, startLine: number): boolean {
  const last = state.tokens[state.tokens.length - 1];
  if (!last || last.level !== state.level) return false;
  let endOfLast: number | undefined;
  if (last.type === 'blockquote_close') endOfLast = (last.meta as { definitionEnd?: number } | null)?.definitionEnd;
  else if (last.type === 'paragraph_close') {
    const open = state.tokens[state.tokens.length - 3];
    if (open?.type === 'paragraph_open' && !open.hidden) endOfLast = open.map?.[1];
  }
  if (endOfLast === undefined) return false;
  // At most one blank line between the term (or the definition before) and the definition.
  const gap = startLine - endOfLast;
  return gap === 0 || (gap === 1 && isBlankLine(state, startLine - 1));
}

function definition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(start) !== 0x3a /* : */) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const marker = MARKER.exec(state.src.slice(start, Math.min(start + 5, state.eMarks[startLine]!)));
  if (!marker) return false;
  // Interrupting a paragraph (`Term` / `:   Definition`), that paragraph is the term.
  if (silent) return true;
  if (!termBefore(state, startLine)) return false;

  const indent = state.blkIndent + 4;
  let end = startLine + 1;
  let blank = false;
  for (let line = startLine + 1; line < endLine; line += 1) {
    if (isBlankLine(state, line)) {
      blank = true;
      continue;
    }
    // Indented lines belong to the definition; so does a lazy line right under its text.
    const lazy = !blank && state.src.charCodeAt(state.bMarks[line]! + state.tShift[line]!) !== 0x3a;
    if (state.sCount[line]! < indent && !lazy) break;
    if (
      state.sCount[line]! < indent &&
      state.md.block.ruler.getRules('paragraph').some((rule) => rule(state, line, endLine, true))
    )
      break;
    blank = false;
    end = line + 1;
  }

  const term = state.tokens[state.tokens.length - 3];
  if (term?.type === 'paragraph_open') term.meta = { ...(term.meta as object | null), tabLabel: true };

  const open = state.push('blockquote_open', 'blockquote', 1);
  open.map = [startLine, end];
  open.markup = ':';
  // The definition's first line starts after the marker, at its content column.
  const oldShift = state.tShift[startLine]!;
  const oldCount = state.sCount[startLine]!;
  const oldIndent = state.blkIndent;
  const oldParent = state.parentType;
  state.tShift[startLine] = start + marker[0].length - state.bMarks[startLine]!;
  state.sCount[startLine] = indent;
  state.blkIndent = indent;
  state.parentType = 'blockquote';
  state.md.block.tokenize(state, startLine, end);
  state.tShift[startLine] = oldShift;
  state.sCount[startLine] = oldCount;
  state.blkIndent = oldIndent;
  state.parentType = oldParent;
  const close = state.push('blockquote_close', 'blockquote', -1);
  close.meta = { definitionEnd: lastContentLine(state, startLine, end) + 1 };
  state.line = end;
  return true;
}

/** The definition's last non-blank line (its range may end in blank lines). */
function lastContentLine(state: StateBlock, from: number, to: number): number {
  let line = to - 1;
  while (line > from && isBlankLine(state, line)) line -= 1;
  return line;
}

export function definitionLists(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'definition_list', definition, { alt: ['paragraph'] });
}
