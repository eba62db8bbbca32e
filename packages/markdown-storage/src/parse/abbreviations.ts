/**
 * Abbreviation definitions (Python-Markdown's abbr, used by Material for MkDocs; markdown-it-abbr):
 * `*[HTML]: Hyper Text Markup Language`, each on a line of its own. The site shows the expansion
 * as a tooltip over every "HTML" of the page; Confluence has no tooltips, so the definitions are
 * left out as link reference definitions are, instead of showing as a paragraph of syntax.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText } from './block-state.js';

const DEFINITION = /^\*\[[^\]\n]+\]:[ \t]/;

function abbreviationDefinitions(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  // Only lines starting with `*[` are looked at further: this runs on every block.
  if (state.src.charCodeAt(start) !== 0x2a /* * */ || state.src.charCodeAt(start + 1) !== 0x5b /* [ */) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4 || !DEFINITION.test(lineText(state, startLine))) return false;
  if (silent) return true;
  let line = startLine + 1;
  while (line < endLine && state.sCount[line]! - state.blkIndent < 4 && DEFINITION.test(lineText(state, line)))
    line += 1;
  state.line = line;
  return true;
}

export function abbreviations(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'abbreviation_definitions', abbreviationDefinitions, {
    alt: ['paragraph'],
  });
}
