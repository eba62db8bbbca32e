/**
 * Where a decision says its date and the day it was created: front matter, a `Date:` field or line,
 * a date alone under the title, a `## Date` section, a created row or column of a table. What a date
 * is read as is dates'.
 */
import type { InlineFields } from './records.js';
import { DATE_ALONE, startsWithDate, CREATED_KEY } from './dates.js';
import type { FrontMatter } from './front-matter.js';
import { preamble, metaLine } from './metadata-lines.js';
import {
  columnTables,
  takeColumns,
  fieldTableLines,
  TABLE_ROW,
  TABLE_SEPARATOR,
  rowCells,
  cellText,
  dropEmptiedTables,
} from './field-tables.js';

export function findDate(
  lines: string[],
  titleIndex: number,
  front: FrontMatter,
  drop: Set<number>,
  inline: InlineFields,
  fenced: Set<number>,
): { text: string; line: number } | undefined {
  const key = 'date' in front.value ? 'date' : 'Date';
  const value = front.value[key];
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), line: front.lineOf(key) };
  if (typeof value === 'string' || typeof value === 'number') return { text: String(value), line: front.lineOf(key) };
  if (inline.date) return inline.date.text ? inline.date : undefined;
  const top = titleIndex >= 0 ? titleIndex : front.end - 1;
  for (const i of preamble(lines, top)) {
    const match = metaLine(lines[i]!);
    if (match && match[1]!.toLowerCase() === 'date') {
      drop.add(i);
      return match[2] ? { text: match[2], line: i + 1 } : undefined;
    }
  }
  return dateLine(lines, top, drop, fenced) ?? dateSection(lines, top, fenced);
}

/**
 * A date written alone as the first paragraph under the title, with no key (`` `2021-04-12` ``,
 * as some logs head their decisions): the decision's date, taken out of the body for the header.
 */
function dateLine(
  lines: string[],
  top: number,
  drop: Set<number>,
  fenced: Set<number>,
): { text: string; line: number } | undefined {
  const first = preamble(lines, top).find((i) => !drop.has(i) && lines[i]!.trim());
  const match = first === undefined || fenced.has(first) ? undefined : DATE_ALONE.exec(lines[first]!.trim());
  if (!match || lines[first! + 1]?.trim()) return undefined; // a paragraph of more lines is prose
  drop.add(first!);
  return { text: match[2]!, line: first! + 1 };
}

/** A date section's heading, as some templates write it: `## Date`, `## Datum`, `## Fecha`, `## 日付`. */
const DATE_HEADING = /^\s{0,3}##\s+(?:date|datum|fecha|日付)\s*#*\s*$/i;

/**
 * The date a `## Date` section gives (`## Datum` then `2026-06-05`), when its first line starts with
 * one; the section stays in the body, as a `## Status` section does.
 */
function dateSection(lines: string[], top: number, fenced: Set<number>): { text: string; line: number } | undefined {
  const section = lines.findIndex((line, i) => i > top && !fenced.has(i) && DATE_HEADING.test(line));
  if (section < 0) return undefined;
  const first = lines.findIndex((line, i) => i > section && !!line.trim());
  const text = first >= 0 ? lines[first]!.trim() : '';
  return startsWithDate(text) ? { text, line: first + 1 } : undefined;
}

/** `- **Created:** 2021-03-05`, `Date created: 2021-03-05`: the day the record was written. */
const CREATED_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:date[ _-]created|created)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*?)\s*$/i;

/**
 * The date a created field gives, read only when nothing else dates the decision: in front matter
 * (`created: 2021-03-05`, `date-created:`), a row of the table of fields (`| Created | 2021-03-05 |`,
 * its row then leaving the table as a Date row does), a column of a table of fields by columns
 * (`| Status | Created |`, then its row of values), or a `Created:` line under the title
 * (straw-hat-team/adr lists `- **Created:** 2021-03-05` with its other fields), which then leaves
 * the body, as a `Date:` line does. A value that is no date ("by the platform team") stays.
 */
export function createdDate(
  lines: string[],
  top: number,
  front: FrontMatter,
  drop: Set<number>,
  fenced: Set<number>,
  columnTable?: number,
): { text: string; line: number } | undefined {
  for (const [key, value] of Object.entries(front.value)) {
    if (!CREATED_KEY.test(key)) continue;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (startsWithDate(text)) return { text, line: front.lineOf(key) };
  }
  return (
    createdRow(lines, top, drop) ??
    createdColumn(lines, top, drop, columnTable) ??
    createdLine(lines, top, drop, fenced)
  );
}

/**
 * `| Status | Created | Author(s) |` and its row of values, a table of fields by columns: a created
 * column whose value starts with a date leaves the table, as a Date column does.
 */
function createdColumn(
  lines: string[],
  top: number,
  drop: Set<number>,
  columnTable: number | undefined,
): { text: string; line: number } | undefined {
  for (const table of columnTables(lines, top, drop, columnTable)) {
    const column = table.names.findIndex((name, k) => CREATED_KEY.test(name) && startsWithDate(table.cells[k] ?? ''));
    if (column < 0) continue;
    takeColumns(lines, table.header, new Set([column]), drop);
    return { text: table.cells[column]!, line: table.line };
  }
  return undefined;
}

/** `| Created | 2021-03-05 |` in the table of fields: its row leaves the table (a header row stays, as the table's header). */
function createdRow(lines: string[], top: number, drop: Set<number>): { text: string; line: number } | undefined {
  const rows = fieldTableLines(lines, top).filter((i) => !drop.has(i));
  for (const i of rows) {
    if (!TABLE_ROW.test(lines[i]!) || TABLE_SEPARATOR.test(lines[i]!)) continue;
    const cells = rowCells(lines[i]!).map(cellText);
    if (cells.length !== 2 || !CREATED_KEY.test(cells[0]!) || !startsWithDate(cells[1]!)) continue;
    if (TABLE_ROW.test(lines[i - 1] ?? '')) drop.add(i);
    dropEmptiedTables(lines, rows, drop);
    return { text: cells[1]!, line: i + 1 };
  }
  return undefined;
}

/** A `Created:` line under the title: it leaves the body. */
function createdLine(
  lines: string[],
  top: number,
  drop: Set<number>,
  fenced: Set<number>,
): { text: string; line: number } | undefined {
  for (const i of preamble(lines, top)) {
    const value = drop.has(i) || fenced.has(i) ? undefined : CREATED_LINE.exec(lines[i]!)?.[1];
    if (value === undefined || !startsWithDate(value)) continue;
    drop.add(i);
    return { text: value, line: i + 1 };
  }
  return undefined;
}
