/**
 * TeX math as GitHub, remark-math and pandoc write it: `$…$` and `$$…$$` in a line, and a `$$`
 * block (`$$` lines around the TeX, or `$$ TeX $$` on one line). Confluence has no math of its own,
 * so what matters is that the TeX reaches the page as written: without this, Markdown reads it as
 * Markdown (`\,` an escaped comma, `a_1 * b_1` emphasis, `\\` one backslash).
 *
 * Inline math follows pandoc's rules, which keep prices apart: the opening `$` is followed by a
 * non-space, the closing one preceded by a non-space and not followed by a digit (`$5 and $10` is
 * text). Tighter still, since a dollar misread as math would swallow the Markdown after it (found
 * on real READMEs: `[$http service](…/$http)`, `_$data_: see [$data …](#…)`): the closing `$` is
 * followed by no letter either, `${` opens a template or shell variable, not math, and math never
 * holds a link's `](` or a backtick (`$`x`$` is GitHub's other inline form, left to code spans).
 * Display blocks do not interrupt a paragraph, and an unclosed `$$` stays text.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { lineText } from './block-state.js';

/** mdast-util-math's nodes: `math` (a display block) and `inlineMath` (with the `$` or `$$` written). */
export interface Math {
  type: 'math';
  value: string;
}
export interface InlineMath {
  type: 'inlineMath';
  value: string;
  data: { markup: string };
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** ASCII letters and digits: a `$` right before one does not close math (`$5`, `$data`). */
function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/**
 * Past these offsets of an inline run there is no closing `$` / `$$` (found by an earlier scan):
 * later openers fail at once, so a paragraph of lone dollars costs one scan, not one per dollar.
 */
const noCloserFrom = new WeakMap<StateInline, { single: number; double: number }>();

/** Offset of the `$` (or `$$`) closing math whose content starts at `from`, or -1. */
function closer(state: StateInline, from: number, double: boolean): number {
  const { src, posMax } = state;
  const kind = double ? 'double' : 'single';
  let known = noCloserFrom.get(state);
  if (known && from >= known[kind]) return -1;
  for (let index = src.indexOf('$', from); index !== -1 && index < posMax; index = src.indexOf('$', index + 1)) {
    const before = src.charCodeAt(index - 1);
    if (before === BACKSLASH) continue;
    if (double) {
      if (src.charCodeAt(index + 1) === DOLLAR) return index;
      continue;
    }
    if (isSpace(before) || isAlphanumeric(src.charCodeAt(index + 1))) continue;
    return index;
  }
  if (!known) noCloserFrom.set(state, (known = { single: Infinity, double: Infinity }));
  known[kind] = Math.min(from, known[kind]);
  return -1;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const double = src.charCodeAt(pos + 1) === DOLLAR;
  const start = pos + (double ? 2 : 1);
  const first = src.charCodeAt(start);
  if (start >= state.posMax || isSpace(first) || (!double && (first === DOLLAR || first === OPEN_BRACE))) return false;
  const end = closer(state, start, double);
  if (end === -1) return false;
  const content = src.slice(start, end);
  if (content.includes('`') || content.includes('](') || !content.trim()) return false;
  if (!silent) {
    const token = state.push('math_inline', 'code', 0);
    token.markup = double ? '$$' : '$';
    token.content = content.replace(/\n/g, ' '); // as in a code span: a line ending is a space
  }
  state.pos = end + (double ? 2 : 1);
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const at = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(at) !== DOLLAR || state.src.charCodeAt(at + 1) !== DOLLAR) return false;
  const opening = lineText(state, startLine).trimEnd();
  const rest = opening.slice(2);
  let closeLine = startLine;
  let content: string;
  if (rest.length > 2 && rest.endsWith('$$')) {
    content = rest.slice(0, -2);
  } else {
    if (rest.includes('$')) return false;
    closeLine = startLine + 1;
    const body: string[] = rest.trim() ? [rest] : [];
    for (; closeLine < endLine; closeLine += 1) {
      // A blank line or a line less indented than the block ends it without a closing `$$`.
      if (state.isEmpty(closeLine) || state.sCount[closeLine]! < state.blkIndent) return false;
      const text = lineText(state, closeLine).trimEnd();
      if (text.endsWith('$$')) {
        body.push(text.slice(0, -2));
        break;
      }
      body.push(text);
    }
    if (closeLine >= endLine) return false;
    content = body.join('\n');
  }
  if (!content.trim()) return false;
  if (silent) return true;
  const token = state.push('math_block', 'code', 0);
  token.block = true;
  token.markup = '$$';
  token.content = content.trim();
  token.map = [startLine, closeLine + 1];
  state.line = closeLine + 1;
  return true;
}

export function math(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('fence', 'math_block', mathBlock, { alt: [] });
}
