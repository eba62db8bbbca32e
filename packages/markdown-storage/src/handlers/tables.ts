/** GFM tables → storage tables: the first row is the header row (`th`), alignment per column. */
import type { Table, TableCell } from 'mdast';
import type { State } from '../state.js';
import { type XNode, x } from '../xml.js';

export function table(node: Table, state: State): XNode[] {
  const align = node.align ?? [];
  const rows = node.children.map((row, rowIndex) =>
    x(
      'tr',
      {},
      row.children.map((cell, column) => tableCell(cell, rowIndex === 0 ? 'th' : 'td', align[column] ?? null, state)),
    ),
  );
  return [x('table', {}, [x('tbody', {}, rows)])];
}

/** Alignment goes on a paragraph inside the cell: both the Cloud and the Data Center editors keep it there. */
function tableCell(cell: TableCell, tag: 'th' | 'td', align: string | null, state: State): XNode {
  const content = state.all(cell);
  if (!align) return x(tag, {}, content);
  return x(tag, {}, [x('p', { style: `text-align: ${align};` }, content)]);
}
