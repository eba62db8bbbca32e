/**
 * MDX's ESM blocks (Docusaurus, Nextra, Astro pages): `import Tabs from '@theme/Tabs';` and
 * `export const x = …` at the top level, up to the next blank line, as MDX reads them. They are
 * code for the site's build, not content: they become an `mdxjsEsm` node, which the converter leaves
 * out with a warning, instead of a paragraph of import statements on the page.
 *
 * Only what is unmistakably ESM counts: an `import` whose block has a `from '…'` (or is a bare
 * `import '…'`), an `export` of a declaration, a default or a list. Prose that starts with the word
 * ("import the file first") stays prose.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

const IMPORT = /^import[\s{*]/;
const IMPORT_SOURCE = /\bfrom\s*['"][^'"\n]+['"]|^import\s*['"][^'"\n]+['"]/m;
const EXPORT = /^export\s+(?:const|let|var|function|class|default|async)\b|^export\s*[{*]/;

function mdxEsm(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level !== 0 || state.blkIndent !== 0 || state.sCount[startLine] !== 0) return false;
  const start = state.bMarks[startLine]!;
  // This runs on every top-level block: only `import`/`export` lines are looked at further.
  if (!state.src.startsWith('import', start) && !state.src.startsWith('export', start)) return false;
  let end = startLine + 1;
  while (end < endLine && !state.isEmpty(end)) end += 1;
  const text = state.getLines(startLine, end, 0, false);
  const esm = IMPORT.test(text) ? IMPORT_SOURCE.test(text) : EXPORT.test(text);
  if (!esm) return false;
  if (silent) return true;
  const token = state.push('mdx_esm', '', 0);
  token.block = true;
  token.content = text.replace(/\n$/, '');
  token.map = [startLine, end];
  state.line = end;
  return true;
}

/**
 * Docusaurus' ```` ```mdx-code-block ```` fence: content that other tools (Prettier, GitHub) show as
 * code but Docusaurus renders, unwrapped, as the page's MDX (`<Tabs>` examples, admonitions in a
 * `<BrowserWindow>`). Its lines are read as the page's own; an unclosed one stays a code block.
 */
const MDX_CODE_BLOCK = /^(`{3,}|~{3,})[ \t]*mdx-code-block[ \t]*$/;

function mdxCodeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const first = state.src.charCodeAt(start);
  // This runs on every block: only fence lines are looked at further.
  if (first !== 0x60 /* ` */ && first !== 0x7e /* ~ */) return false;
  const fence = MDX_CODE_BLOCK.exec(state.src.slice(start, state.eMarks[startLine]!))?.[1];
  if (!fence) return false;
  let close = startLine + 1;
  for (; close < endLine; close += 1) {
    if (state.sCount[close]! - state.blkIndent >= 4) continue;
    const line = state.src.slice(state.bMarks[close]! + state.tShift[close]!, state.eMarks[close]!).trimEnd();
    if (line.length >= fence.length && line === fence[0]!.repeat(line.length)) break;
  }
  if (close >= endLine) return false;
  if (silent) return true;
  // Counted as a level, as a wrapper is (parse/nesting.ts bounds how deep they go).
  const { parentType, lineMax } = state;
  state.level += 1;
  state.lineMax = close;
  state.md.block.tokenize(state, startLine + 1, close);
  state.level -= 1;
  state.lineMax = lineMax;
  state.parentType = parentType;
  state.line = close + 1;
  return true;
}

/**
 * MDX's comments, `{/* prettier-ignore-start *\/}` (an expression holding only a comment, as
 * Storybook's docs write them around components): MDX shows nothing for them, so neither does the
 * page; a paragraph of only comments is left out. Braces holding anything else stay text.
 */
function mdxComment(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  // Cheap test first: this runs at every `{`.
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x2f || src.charCodeAt(pos + 2) !== 0x2a)
    return false;
  const close = src.indexOf('*/', pos + 3);
  if (close === -1) return false;
  let end = close + 2;
  while (end < state.posMax && /\s/.test(src[end]!)) end += 1;
  if (end >= state.posMax || src.charCodeAt(end) !== 0x7d) return false;
  end += 1;
  // One space where the comment stood between words, not two; none where it opens the text (a
  // table cell, list item or heading starting `{/* … */} text`), which would begin with a space.
  if (showsNothingBefore(state)) while (end < state.posMax && isSpaceOrTab(src.charCodeAt(end))) end += 1;
  else if (!silent && (end >= state.posMax || /\s/.test(src[end]!)))
    state.pending = state.pending.replace(/[ \t]+$/, '');
  // Written over lines, it leaves a token showing nothing, so the lines it spans are counted
  // (spanning-constructs.ts) and what follows it is not taken for text of the line it starts on.
  if (!silent && src.slice(pos, close).includes('\n')) state.push('mdx_comment', '', 0);
  state.pos = end;
  return true;
}

/** Nothing of the inline content is shown before this point: no text, only comments. */
function showsNothingBefore(state: StateInline): boolean {
  return state.pending === '' && state.tokens.every((token) => token.type === 'mdx_comment');
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

export function mdx(md: MarkdownIt): void {
  md.inline.ruler.before('text', 'mdx_comment', mdxComment);
  md.block.ruler.before('paragraph', 'mdx_esm', mdxEsm);
  md.block.ruler.before('fence', 'mdx_code_block', mdxCodeBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
