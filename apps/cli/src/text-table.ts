/**
 * A plain-text table whose columns line up however long a cell is: cells of the columns that may
 * wrap are wrapped at spaces to fit `width` (the terminal's), and the others are never broken.
 * Without a width (output to a file or a CI log) nothing wraps: one line a row, still aligned.
 */
export interface TableOptions {
  /** Characters a line may take; undefined: no limit. */
  width?: number;
  /** By column: whether its cells may wrap onto more lines. */
  wraps: boolean[];
}

const GAP = '  ';
/** Narrower than this, a wrapping column would be mostly broken words: the line overflows instead. */
const MIN_WRAPPED = 16;

export function formatTable(header: string[], rows: string[][], options: TableOptions): string {
  const natural = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const widths = fitWidths(natural, options);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join(GAP)
      .trimEnd();
  const lines = [header, ...rows].flatMap((row) => {
    const wrapped = row.map((cell, i) => (options.wraps[i] ? wrapCell(cell, widths[i]!) : [cell]));
    const height = Math.max(...wrapped.map((cell) => cell.length));
    return Array.from({ length: height }, (_, n) => line(wrapped.map((cell) => cell[n] ?? '')));
  });
  return lines.join('\n');
}

/**
 * Each column's width: its longest cell if the table fits, else the room left by the columns that
 * never wrap, shared among those that may, each kept whole when it is narrower than its share.
 */
function fitWidths(natural: number[], { width, wraps }: TableOptions): number[] {
  const total = natural.reduce((sum, w) => sum + w, 0) + GAP.length * (natural.length - 1);
  if (width === undefined || total <= width) return natural;
  const fixed = natural.reduce((sum, w, i) => (wraps[i] ? sum : sum + w), 0);
  let room = width - fixed - GAP.length * (natural.length - 1);
  const widths = [...natural];
  // Narrowest first: a short column keeps its width and leaves the rest to the long ones.
  const wrapping = natural.map((w, i) => ({ w, i })).filter(({ i }) => wraps[i]);
  wrapping.sort((a, b) => a.w - b.w);
  wrapping.forEach(({ w, i }, n) => {
    const share = Math.floor(room / (wrapping.length - n));
    widths[i] = Math.min(w, Math.max(MIN_WRAPPED, share));
    room -= widths[i]!;
  });
  return widths;
}

/**
 * A cell's lines of at most `width` characters, broken at spaces (a word longer than a line is cut);
 * continuation lines keep the cell's leading indent (a page's depth in the tree).
 */
export function wrapCell(cell: string, width: number): string[] {
  if (cell.length <= width) return [cell];
  const indent = /^ */.exec(cell)![0];
  const room = Math.max(1, width - indent.length);
  const lines: string[] = [];
  let current = '';
  for (const word of cell.slice(indent.length).split(/ +/)) {
    for (const piece of cutWord(word, room)) {
      if (current && current.length + 1 + piece.length > room) {
        lines.push(current);
        current = piece;
      } else {
        current = current ? `${current} ${piece}` : piece;
      }
    }
  }
  if (current) lines.push(current);
  return lines.map((text) => indent + text);
}

function cutWord(word: string, room: number): string[] {
  const pieces = [];
  for (let start = 0; start < word.length; start += room) pieces.push(word.slice(start, start + room));
  return pieces.length ? pieces : [''];
}

/**
 * The width of the terminal `stream` writes to; not a terminal (a file, a pipe, a CI log): `COLUMNS`
 * if set, else none, so nothing is wrapped where no one reads at a fixed width.
 */
export function terminalWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
