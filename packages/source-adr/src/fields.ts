/**
 * The fields under a decision's title, however written: `* Status: …` and `**Date:** …` lines (several
 * on one line too), relation lines and tables of fields, gathered into one `InlineFields`. The entry to
 * the field readers (metadata-lines, relation-lines, field-tables).
 */
import type { InlineFields } from './records.js';
import { preamble } from './metadata-lines.js';
import { relationLines } from './relation-lines.js';
import { tableColumns, tableFields } from './field-tables.js';

/** `**Status:** Accepted`, `**Status** — Accepted` and the like: one field of a metadata line. */
const FIELD = /^\s*(?:\*\*|__)?([A-Za-z][\w -]*?)(?:\*\*|__)?(?:\s*:|\s+[—–-](?=\s))(?:\*\*|__)?\s*(.*?)\s*$/;

/**
 * Where one field of a metadata line ends and the next starts: a `|`, `·` or `•` between them
 * (`**Status:** Accepted · **Date:** 2026-10-04`), or only spaces before a bold key
 * (`**Status:** accepted **Date:** 2026-07-17 **Deciders:** architect`).
 */
const FIELD_SEPARATOR = /\s+[|·•]\s+|\s+(?=(?:\*\*|__)[A-Za-z][\w -]{0,40}?(?::(?:\*\*|__)|(?:\*\*|__)\s*:))/;

/**
 * Status and date written on one line under the title, `|` apart, perhaps quoted:
 * `**Status:** Accepted | **Date:** 2026-07-13 | **Owner:** Architecture Office`, or
 * `> **Status:** Accepted`. The status and the date go to the page header; the other fields stay
 * in the body, on the same line, as they were written apart, so nothing the author wrote is lost.
 */
export function inlineFields(lines: string[], top: number, drop: Set<number>): InlineFields {
  const found: InlineFields = {};
  for (const i of preamble(lines, top)) {
    const quote = /^\s{0,3}>\s?/.exec(lines[i]!)?.[0] ?? '';
    const parts = fieldParts(lines[i]!.slice(quote.length));
    // A plain `Status: x` line alone is the metadata lines' own (a status there may wrap).
    if (!quote && parts.length < 2) continue;
    const fields = parts.map(({ part, separator }) => ({ part, separator, match: FIELD.exec(part) }));
    if (fields.some(({ match }) => !match)) continue;
    const known = fields.filter(({ match }) => /^(status|date)$/i.test(match![1]!));
    if (!known.length || known.some(({ match }) => found[match![1]!.toLowerCase() as 'status' | 'date'])) continue;
    for (const { match } of known)
      found[match![1]!.toLowerCase() as 'status' | 'date'] = { text: match![2]!.replace(/\*\*|__/g, ''), line: i + 1 };
    const rest = fields.filter((field) => !known.includes(field));
    if (rest.length)
      lines[i] = `${quote}${rest.map(({ part, separator }, k) => (k ? separator : '') + part.trim()).join('')}`;
    else drop.add(i);
  }
  tableColumns(lines, top, drop, found);
  tableFields(lines, top, drop, found);
  relationLines(lines, top, drop, found);
  return found;
}

/**
 * A metadata line's fields, each with the separator written before it (` | `, ` · `, or a space
 * before a bold key), so that the fields left in the body are joined as the author wrote them.
 * A line that does not start with a field is one part: prose is never split.
 */
function fieldParts(line: string): Array<{ part: string; separator: string }> {
  if (!FIELD.test(line.split(FIELD_SEPARATOR)[0] ?? '')) return [{ part: line, separator: '' }];
  const parts: Array<{ part: string; separator: string }> = [];
  let rest = line;
  let separator = '';
  for (let match = FIELD_SEPARATOR.exec(rest); match; match = FIELD_SEPARATOR.exec(rest)) {
    parts.push({ part: rest.slice(0, match.index), separator });
    separator = match[0].trim() ? match[0] : ' ';
    rest = rest.slice(match.index + match[0].length);
  }
  return [...parts, { part: rest, separator }];
}
