/**
 * Top-level blocks the block phase need not parse: their Markdown was converted before in the
 * batch (parts.ts' memo), and its output is what this page will use.
 *
 * Reference pages repeat whole blocks (45 % of bitbucket's Markdown), and the block phase used to
 * parse each repeat only for the memo to throw its tokens away. This rule, tried first at each
 * top-level line, recognises a known block by its first line and its text, and emits one
 * `known_block` token for all its lines. It fires only where the same text must parse to the same
 * single block: at the top level, after a blank line (nothing before can reach into it: lazy lines,
 * a definition's term), for kinds that end where their text ends (paragraphs, tables, headings,
 * closed fences: `KnownBlocks` indexes only those), followed by a blank line or the end (nothing
 * after can extend it), and not followed by a definition (`: …`), which would make it a term.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText } from './block-state.js';

export interface KnownBlock {
  /** The block's Markdown, as the block phase sees it (line ends normalized), ending with a line end. */
  key: string;
  /** How many lines it spans. */
  lines: number;
  /** Carried to the token (the memo's entry). */
  meta: unknown;
}

/**
 * What a page's block phase may skip, found by the lines of `src` from `from` to the next blank
 * line (`chunkEnd`, the start of that line, or the end): a known block starts with them.
 */
export interface KnownBlocks {
  at(src: string, from: number, chunkEnd: number): KnownBlock | undefined;
}

/** Where the lines from `start` up to the first blank one end in `text` (that line's start), or its length. */
export function firstChunkEnd(text: string, start = 0): number {
  BLANK_LINE.lastIndex = start;
  const blank = BLANK_LINE.exec(text);
  return blank ? blank.index + 1 : text.length;
}

/** A line end followed by a blank line (markdown-it's `isEmpty`: spaces and tabs only). */
const BLANK_LINE = /\n[ \t]*(?:\n|$)/g;

/** markdown-it's environment, with the known blocks of the batch when the page is converted block by block. */
interface Env {
  knownBlocks?: KnownBlocks;
}

export const KNOWN_BLOCK = 'known_block';

/** A definition's marker (`: text`), which turns the paragraph before it, even past one blank line, into a term. */
const DEFINITION_START = /^ {0,3}:/;

function knownBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const known = (state.env as Env).knownBlocks;
  if (!known || silent || state.level !== 0 || state.blkIndent !== 0) return false;
  if (startLine === 0 || !state.isEmpty(startLine - 1)) return false;
  let blank = startLine + 1;
  while (blank < endLine && !state.isEmpty(blank)) blank += 1;
  const chunkEnd = blank < endLine ? state.bMarks[blank]! : state.src.length;
  const found = known.at(state.src, state.bMarks[startLine]!, chunkEnd);
  if (!found) return false;
  const after = startLine + found.lines;
  if (after > endLine || (after < endLine && !state.isEmpty(after))) return false;
  if (after + 1 < endLine && DEFINITION_START.test(lineText(state, after + 1))) return false;
  const token = state.push(KNOWN_BLOCK, '', 0);
  token.map = [startLine, after];
  token.meta = found.meta;
  token.block = true;
  state.line = after;
  return true;
}

/** The rule, first of the block chain (it only ever fires with `env.knownBlocks` set). */
export function knownBlocks(md: MarkdownIt): void {
  md.block.ruler.before('front_matter', KNOWN_BLOCK, knownBlock);
}

/** Whether a block's Markdown may be indexed as known: it cannot be the start of a definition. */
export function mayBeKnown(key: string): boolean {
  return key.endsWith('\n') && !DEFINITION_START.test(key);
}
