/** GFM tables → storage tables: the first row is the header row (`th`), alignment per column. */
import type { Table, TableCell, TableRow } from 'mdast';
import type { TableRowMeta } from '../parse/table-rows.js';
import type { State } from '../state.js';
import { type XNode, x } from '../xml.js';
import { withoutEdgeSpaces, wrapPhrasing } from '../phrasing.js';
import { HtmlBuilder, paragraphPieces } from './html.js';
import type { CellEntry } from '../cell-memo.js';

export function table(node: Table, state: State): XNode[] {
  const align = node.align ?? [];
  // GFM: the header row fixes the column count; extra cells are dropped, missing ones are empty.
  const columns = node.children[0]?.children.length ?? 0;
  const keyValue = isKeyValueTable(node);
  const tagOf = (rowIndex: number, column: number): 'th' | 'td' =>
    keyValue ? (column === 0 && columns > 1 ? 'th' : 'td') : rowIndex === 0 ? 'th' : 'td';
  const rows = node.children.slice(keyValue ? 1 : 0).map((row, rowIndex) => {
    warnExtraCells(row, state);
    const cells: XNode[] = [];
    for (let column = 0; column < columns; column += 1) {
      const cell = row.children[column];
      const tag = tagOf(rowIndex, column);
      cells.push(cell ? tableCell(cell, tag, align[column] ?? null, state) : x(tag));
    }
    return x('tr', {}, cells);
  });
  return [x('table', {}, [x('tbody', {}, rows)])];
}

/**
 * A table whose header row is empty (`| | |`, how Markdown writes a table of names and values,
 * as docgen's ADR, model and runbook pages do) and that has rows: Confluence would show the empty
 * header as a blank shaded row. Its rows are written as Confluence lays out page properties
 * instead, each row's first cell the header of that row.
 */
function isKeyValueTable(node: Table): boolean {
  const [header, ...body] = node.children;
  return body.length > 0 && header !== undefined && header.children.every(isEmptyCell);
}

/** A cell of no content: no nodes, or (one the cell memo knows) none when it was converted. */
function isEmptyCell(cell: TableCell): boolean {
  const known = (cell.data as { known?: CellEntry } | undefined)?.known;
  return known ? known.empty : cell.children.length === 0;
}

/** GitHub shows no cell past the header's count: the row's text is lost, so the author hears of it. */
function warnExtraCells(row: TableRow, state: State): void {
  const extra = (row.data as Partial<TableRowMeta> | undefined)?.extraCells;
  if (!extra) return;
  const cells = extra === 1 ? '1 cell' : `${extra} cells`;
  state.warn(
    `table row has ${cells} more than its header: left out, as GitHub does (write a | in a cell as \\|, in code too)`,
    row,
  );
}

/** Alignment goes on a paragraph inside the cell: both the Cloud and the Data Center editors keep it there. */
function tableCell(cell: TableCell, tag: 'th' | 'td', align: string | null, state: State): XNode {
  const known = (cell.data as { known?: CellEntry } | undefined)?.known;
  const pieces = known ? undefined : paragraphPieces(cell);
  if (pieces) return x(tag, {}, alignedParagraphs(cellBlocks(pieces, state), align));
  const content = withoutEdgeSpaces(
    known
      ? state.cellMemo!.reuse(known, state)
      : state.cellMemo
        ? state.cellMemo.convert(cell, state, () => state.all(cell))
        : state.all(cell),
  );
  if (!align || content.length === 0) return x(tag, {}, content);
  return x(tag, {}, [x('p', { style: `text-align: ${align};` }, content)]);
}

/**
 * A cell holding flow-level raw HTML (`Arguments: <ul><li>…</ul><br/><table>…</table>`, as docs
 * sites' tables write notes and lists in a cell): a Markdown cell is one line, so HTML is the only
 * way to put blocks in it. The cell is cut at those tags as a paragraph is (html.ts), and holds the
 * blocks and the paragraphs between them, which a storage cell may.
 */
function cellBlocks(pieces: NonNullable<ReturnType<typeof paragraphPieces>>, state: State): XNode[] {
  const builder = new HtmlBuilder(state, true);
  builder.appendPieces(pieces);
  return wrapPhrasing(builder.finish());
}

function alignedParagraphs(blocks: XNode[], align: string | null): XNode[] {
  if (!align) return blocks;
  return blocks.map((block) =>
    block.type === 'element' && block.name === 'p'
      ? x('p', { ...block.attributes, style: `text-align: ${align};` }, block.children)
      : block,
  );
}
