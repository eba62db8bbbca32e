/**
 * GFM tables: a body row with more cells than the header loses the extra ones (GitHub shows
 * none of them), and in real READMEs that is mostly a `|` written unescaped in a code span
 * (`` `|` — piping ``) or two rows run into one line. markdown-it cuts the row without a trace;
 * here the row's `tr_open` token gets `meta.extraCells`, so the converter can say which line lost text.
 */
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { ruleEntries } from './ruler-entries.js';

export interface TableRowMeta {
  /** How many cells of text the row has beyond the header's. */
  extraCells: number;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * How many cells holding text a table line has past the first `columns`, split as markdown-it's
 * table rule splits them (`\\|` does not split). A scan, not a split: generated pages have
 * thousands of rows, nearly all of them within their header.
 */
function textCellsPast(line: string, columns: number): number {
  let start = line.startsWith('|') ? 1 : 0;
  let cell = 0;
  let extra = 0;
  for (let pipe = line.indexOf('|', start); ; pipe = line.indexOf('|', pipe + 1)) {
    if (pipe > 0 && line.charCodeAt(pipe - 1) === 0x5c /* \\ */) continue;
    const end = pipe === -1 ? line.length : pipe;
    // An empty cell past the header (`| a | b |  |`, or the space after the closing pipe) loses nothing.
    if (cell >= columns && line.slice(start, end).trim()) extra += 1;
    if (pipe === -1) return extra;
    cell += 1;
    start = pipe + 1;
  }
}

function markExtraCells(state: StateBlock, tokens: Token[]): void {
  const headerEnd = tokens.findIndex((token) => token.type === 'tr_close');
  const header = tokens.slice(0, headerEnd).filter((token) => token.type === 'th_open').length;
  for (const token of tokens) {
    if (token.type !== 'tr_open' || !token.map || token.map[0] === tokens[0]!.map?.[0]) continue;
    const line = token.map[0];
    const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
    const extra = textCellsPast(text.trim(), header);
    if (extra > 0) token.meta = { extraCells: extra } satisfies TableRowMeta;
  }
}

export function tableRowCells(md: MarkdownIt): void {
  const entry = ruleEntries<BlockRule>(md.block.ruler).find((rule) => rule.name === 'table')!;
  const table = entry.fn;
  const wrapped: BlockRule = (state, startLine, endLine, silent) => {
    const from = state.tokens.length;
    if (!table(state, startLine, endLine, silent)) return false;
    if (!silent) markExtraCells(state, state.tokens.slice(from));
    return true;
  };
  // The chains the table rule ends (a table interrupts a paragraph) stay as they were.
  md.block.ruler.at('table', wrapped, { alt: entry.alt });
}
