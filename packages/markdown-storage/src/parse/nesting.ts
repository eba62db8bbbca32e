/**
 * Keep the text of absurdly deep nesting (`>>>>…` three thousand times). markdown-it drops every
 * line below its nesting limit; here, below NESTING_LIMIT levels the remaining lines become one
 * plain paragraph instead, so nothing is lost and the recursion stays shallow. (The converter
 * flattens deep trees further; see depth.ts.)
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** Below markdown-it's own limit (100), which would otherwise drop the lines first. */
const NESTING_LIMIT = 64;

function flatten(state: StateBlock, startLine: number, endLine: number): void {
  let line = startLine;
  while (line < endLine && (state.isEmpty(line) || state.sCount[line]! >= state.blkIndent)) line += 1;
  const text = state.getLines(startLine, line, state.blkIndent, false).trim();
  if (text) {
    state.push('paragraph_open', 'p', 1).map = [startLine, line];
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = [startLine, line];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  state.line = line;
}

export function boundedNesting(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= NESTING_LIMIT) flatten(state, startLine, endLine);
    else tokenize(state, startLine, endLine);
  };
}
