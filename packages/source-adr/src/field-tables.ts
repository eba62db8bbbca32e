/**
 * Fields written as a Markdown table, above the title or under it: a table of rows (`| Status |
 * Accepted |`) or of columns (`| Status | Date |` over one row), the fields it gives and the rows or
 * columns that leave it for the page's header. Apart because tables are read cell by cell, not line by
 * line.
 */
import type { InlineFields } from './records.js';
import { CREATED_KEY, startsWithDate } from './dates.js';
import { preamble } from './metadata-lines.js';
import { RELATION_KEY, relationField, namesOnlyDecisions } from './relation-lines.js';

/**
 * The lines of a table right above the title heading (blank lines between), as some templates head
 * a decision with its fields: `| date | writer | status |` and its row of values, then `# ADR: …`
 * (vinicinbgs/architectural-decision-records), or `| Status | Accepted |` rows. Empty when the
 * title is no heading or has no table above it.
 */
export function tableAboveTitle(lines: string[], titleIndex: number): number[] {
  if (titleIndex < 0 || !/^\s{0,3}#\s/.test(lines[titleIndex] ?? '')) return [];
  let end = titleIndex - 1;
  while (end >= 0 && !lines[end]!.trim()) end--;
  let start = end;
  while (start >= 0 && TABLE_ROW.test(lines[start]!)) start--;
  return Array.from({ length: end - start }, (_, k) => start + 1 + k);
}

/** Where a table of fields may stand: right above the title, or among the metadata lines under it. */
export function fieldTableLines(lines: string[], titleIndex: number): number[] {
  return [...tableAboveTitle(lines, titleIndex), ...preamble(lines, titleIndex)];
}

export const TABLE_ROW = /^\s{0,3}\|.*\|\s*$/;
export const TABLE_SEPARATOR = /^\s{0,3}\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?\|?\s*$/;

/** The names a table of fields heads its columns with: a header row of them is a row of names, not a field and its value. */
const COLUMN_NAMES =
  /^(?:status|date|authors?|author\(s\)|deciders|decision[- ]makers|owners?|reviewers?|consulted|informed|created|updated|last updated|id|adr|title|version)$/;

/** A table cell's text, without bold markers: `**Status**` → `Status`. */
export function cellText(cell: string): string {
  return cell.replace(/\*\*|__/g, '').trim();
}

/** A table row's cells: `| a | b |` → [` a `, ` b `]. */
export function rowCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/**
 * A table of fields whose columns are the fields, one row of values under them, as
 * DependencyTrack/hyades heads its decisions (`| Status | Date | Author(s) |`, then `| Proposed |
 * 2025-01-07 | @nscuro |`): the status and the date go to the header and their columns leave the
 * table, as do relation columns that name only decisions; a table left with no column goes. A
 * table of more rows (a history of statuses) is the body's. A `Created` column is read last, by
 * `createdColumn`, as every created field is.
 */
export function tableColumns(lines: string[], top: number, drop: Set<number>, found: InlineFields): void {
  for (const table of columnTables(lines, top, drop)) {
    const { names, cells, line } = table;
    if (!names.some((name) => name === 'status' || name === 'date')) continue;
    const taken = new Set<number>();
    names.forEach((name, column) => {
      const value = cells[column] ?? '';
      if ((name === 'status' || name === 'date') && !found[name] && value) {
        found[name] = { text: value, line };
        taken.add(column);
      } else if (RELATION_KEY.test(name)) {
        const links = relationField(name, value, line);
        (found.relations ??= []).push(...links);
        if (links.length && namesOnlyDecisions(value)) taken.add(column);
      }
    });
    if (!taken.size) continue;
    takeColumns(lines, table.header, taken, drop);
    found.columnTable = table.header;
    return;
  }
}

/** A table of fields by columns: its header's 0-based line, its column names (lower case), its one row's cells and 1-based line. */
interface ColumnTable {
  header: number;
  names: string[];
  cells: string[];
  line: number;
}

/**
 * The tables of fields by columns among the metadata lines: a header row of at least two field
 * names (`| Status | Created | Author(s) |`), a separator, and one row of values, no more.
 */
export function columnTables(lines: string[], top: number, drop: Set<number>, known?: number): ColumnTable[] {
  return fieldTableLines(lines, top).flatMap((i) => {
    if (drop.has(i) || !TABLE_ROW.test(lines[i]!) || TABLE_SEPARATOR.test(lines[i]!)) return [];
    const [separator, values, after] = [lines[i + 1] ?? '', lines[i + 2] ?? '', lines[i + 3] ?? ''];
    if (!TABLE_SEPARATOR.test(separator) || !TABLE_ROW.test(values) || TABLE_ROW.test(after)) return [];
    const names = rowCells(lines[i]!).map((cell) => cellText(cell).toLowerCase());
    const fieldNames = names.filter(
      (name) => COLUMN_NAMES.test(name) || RELATION_KEY.test(name) || CREATED_KEY.test(name),
    );
    if (fieldNames.length < 2 && i !== known) return [];
    return [{ header: i, names, cells: rowCells(values).map(cellText), line: i + 3 }];
  });
}

/** The columns `taken` leave the table headed at `header` (0-based); a table left with no column goes. */
export function takeColumns(lines: string[], header: number, taken: Set<number>, drop: Set<number>): void {
  const rows = [header, header + 1, header + 2];
  const kept = (line: string) => rowCells(line).filter((_, column) => !taken.has(column));
  if (kept(lines[header]!).length === 0) rows.forEach((row) => drop.add(row));
  else for (const row of rows) lines[row] = `|${kept(lines[row]!).join('|')}|`;
}

/**
 * A table of fields under the title (`| Status | Accepted |`, `| Date | 2026-09-11 |`): the status
 * and the date go to the header and their rows leave the table; other rows stay, and a table left
 * with no row goes. A field in the header row is read but stays, as the table's header.
 */
export function tableFields(lines: string[], titleIndex: number, drop: Set<number>, found: InlineFields): void {
  const rows = fieldTableLines(lines, titleIndex).filter((i) => !drop.has(i));
  for (const i of rows) {
    if (!TABLE_ROW.test(lines[i]!) || TABLE_SEPARATOR.test(lines[i]!)) continue;
    const cells = lines[i]!.trim().slice(1, -1).split('|');
    const key = cells[0]!
      .replace(/\*\*|__/g, '')
      .trim()
      .toLowerCase();
    if (cells.length === 2 && RELATION_KEY.test(key)) {
      // `| Supersedes | ADR-022 |`: a relation; its row leaves the table when it names a decision.
      const links = relationField(key, cells[1]!.replace(/\*\*|__/g, '').trim(), i + 1);
      (found.relations ??= []).push(...links);
      if (links.length && namesOnlyDecisions(cells[1]!) && TABLE_ROW.test(lines[i - 1] ?? '')) drop.add(i);
      continue;
    }
    if (cells.length !== 2 || (key !== 'status' && key !== 'date') || found[key]) continue;
    found[key] = { text: cells[1]!.trim(), line: i + 1 };
    // The row under a separator or another row is data; the first row is the table's header.
    if (TABLE_ROW.test(lines[i - 1] ?? '')) drop.add(i);
  }
  for (const table of tablesAt(lines, rows))
    if (isMetadataTable(lines, table, found)) takeMetadataTable(lines, table, drop, found);
  dropEmptiedTables(lines, rows, drop);
}

/** The tables among `rows` (0-based lines), each as its lines, header first. */
function tablesAt(lines: string[], rows: number[]): number[][] {
  const tables: number[][] = [];
  for (const i of rows) {
    if (!TABLE_ROW.test(lines[i]!)) continue;
    const last = tables.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else tables.push([i]);
  }
  return tables;
}

/**
 * A two-column table of the decision's metadata, a key and its value a row (`| Status | Accepted |`,
 * `| Date | … |`, `| Deciders | … |`, perhaps under `| Field | Value |`), as several templates head a
 * decision: one whose rows are all two cells and one of which gave the status or the date.
 */
function isMetadataTable(lines: string[], table: number[], found: InlineFields): boolean {
  const read = [found.status?.line, found.date?.line].filter((line): line is number => line !== undefined);
  // `| Status | Created |` over a row of values is a table of fields by columns, `tableColumns`' own.
  const byColumns = rowCells(lines[table[0]!]!)
    .map((cell) => cellText(cell).toLowerCase())
    .every((name) => COLUMN_NAMES.test(name) || CREATED_KEY.test(name) || RELATION_KEY.test(name));
  return (
    !byColumns &&
    found.columnTable !== table[0] &&
    table.some((i) => read.includes(i + 1)) &&
    table.every((i) => TABLE_SEPARATOR.test(lines[i]!) || rowCells(lines[i]!).length === 2)
  );
}

/** The names a metadata table heads its two columns with: a header row of them names no field. */
const METADATA_COLUMNS = /^(?:|fields?|values?|keys?|propert(?:y|ies)|attributes?|metadata|name|details?)$/i;

/**
 * A metadata table leaves the body whole, its header row too (`| Status | Proposed |` heads some):
 * what its rows say is the header's, so none is left with a broken header. Rows other than the status,
 * the date and relations naming decisions are shown in the header as written (`Deciders`); a
 * `Created` row with no Date row beside it is left to `createdRow`, as it may date the decision.
 */
function takeMetadataTable(lines: string[], table: number[], drop: Set<number>, found: InlineFields): void {
  for (const i of table) {
    const [key = '', value = ''] = rowCells(lines[i]!).map(cellText);
    // Beside a Date row, a Created row is the day it was written, shown as a field as front matter's is.
    if (CREATED_KEY.test(key) && startsWithDate(value) && !found.date) continue;
    drop.add(i);
    const namesColumns = i === table[0] && METADATA_COLUMNS.test(key) && METADATA_COLUMNS.test(value);
    const inHeaderAlready =
      /^(?:status|date)$/i.test(key) || (RELATION_KEY.test(key.toLowerCase()) && namesOnlyDecisions(value));
    if (value && !TABLE_SEPARATOR.test(lines[i]!) && !namesColumns && !inHeaderAlready)
      (found.fields ??= []).push({ label: key, value });
  }
}

/** A table (among `rows`) whose every data row was taken: its header and separator go too. */
export function dropEmptiedTables(lines: string[], rows: number[], drop: Set<number>): void {
  for (const i of rows) {
    if (!TABLE_SEPARATOR.test(lines[i]!) || !TABLE_ROW.test(lines[i - 1] ?? '')) continue;
    let end = i + 1;
    while (end < lines.length && TABLE_ROW.test(lines[end]!)) end++;
    const data = Array.from({ length: end - i - 1 }, (_, k) => i + 1 + k);
    if (data.length && data.every((row) => drop.has(row))) {
      drop.add(i);
      drop.add(i - 1);
    }
  }
}
