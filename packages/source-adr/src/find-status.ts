/**
 * Where a decision says its status, in the order they count: front matter, a field under the title,
 * a `Status:` line (or a `**Status**` label over the list of its choices), a `## Status` section,
 * else a first paragraph that is a status. What the words mean is status-words'.
 */
import type { InlineFields } from './records.js';
import {
  statusChoices,
  RELATION_AT_START,
  STATUS_HEADING,
  STATUS_SUBHEADING,
  isStatusLine,
  withoutEmphasis,
} from './status-words.js';
import type { FrontMatter } from './front-matter.js';
import { preamble, metaLine, isContinuation, FIELD_START } from './metadata-lines.js';
import { RELATION_LINE } from './relation-lines.js';

interface StatusSource {
  lines: Array<{ text: string; line: number }>;
  /** The 0-based lines a status line (and its wrapped sentence) took out of the body. */
  taken?: number[];
}

export function findStatus(
  lines: string[],
  titleIndex: number,
  front: FrontMatter,
  drop: Set<number>,
  inline: InlineFields,
  fenced: Set<number>,
): StatusSource | undefined {
  for (const key of ['status', 'Status']) {
    const value = front.value[key];
    if (typeof value === 'string' || typeof value === 'number')
      return { lines: [{ text: String(value), line: front.lineOf(key) }] };
  }
  if (inline.status) return { lines: [inline.status] };
  // Without a title heading (the title in front matter, or none), the metadata follows the front matter.
  const top = titleIndex >= 0 ? titleIndex : front.end - 1;
  for (const i of preamble(lines, top)) {
    const match = metaLine(lines[i]!);
    // `Status:` (or a bold `**Status**`) over a list of the statuses, the one that holds marked; a
    // list of another kind (a history: `- Proposed 2024-01-02`) stays the body's.
    const list = (match ? !match[2] : STATUS_LABEL.test(lines[i]!)) ? listBelow(lines, i) : [];
    const items = list.map((item) => ({ text: lines[item]!.trim().replace(/^[-*+]\s+/, ''), line: item + 1 }));
    if (items.length && (!match || match[1]!.toLowerCase() !== 'date') && statusChoices(items)) {
      for (const item of [i, ...list]) drop.add(item);
      return { lines: items };
    }
    // `- **State:** Approved`, as straw-hat-team/adr heads its decisions, says the status too.
    if (match && match[1]!.toLowerCase() !== 'date') {
      drop.add(i);
      // A status sentence may wrap: its paragraph's next lines are part of it, not of the body. One
      // that starts with a relation (`Superseded by [ADR 14](…)` under `Status: Accepted`) is a
      // clause of its own.
      const parts = [{ text: match[2]!, line: i + 1 }];
      const taken = [i];
      for (let next = i + 1; next < lines.length && isContinuation(lines[next]!); next++) {
        drop.add(next);
        taken.push(next);
        // A template's comment under the line (`<!-- [proposed | rejected | …] -->`, as the adrs CLI's
        // MADR template keeps the choices) is a hint, no part of the status chosen above it.
        const text = lines[next]!.replace(/<!--.*?-->/g, '').trim();
        if (!text) continue;
        if (RELATION_AT_START.test(text)) parts.push({ text, line: next + 1 });
        else parts[parts.length - 1]!.text += ` ${text}`;
      }
      return { lines: parts, taken };
    }
  }
  // adr-tools: a "## Status" section; every non-blank line of it counts ("Accepted", "Supersedes […](…)").
  const heading = statusHeading(lines, top, fenced);
  const section = lines.findIndex((line, i) => i > top && !fenced.has(i) && heading.test(line));
  if (section < 0) return statusParagraph(lines, top, drop, fenced);
  const out: StatusSource['lines'] = [];
  // `## Status: Superseded`: the status is in the heading itself.
  const inHeading = heading.exec(lines[section]!)?.[1]?.trim();
  if (inHeading) out.push({ text: inHeading, line: section + 1 });
  for (let i = section + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) {
    const text = sectionStatusText(lines[i]!, out.length > 0);
    if (text) out.push({ text, line: i + 1 });
  }
  return out.length ? { lines: out } : undefined;
}

/**
 * The heading of the status section: `## Status`, or `### Status` in a decision whose sections are
 * all level 3 (`# Title`, `### Status`, `### Context`); where a level-2 section stands, a `### Status`
 * is a part of it (a rollout's status), not the decision's.
 */
function statusHeading(lines: string[], top: number, fenced: Set<number>): RegExp {
  const outside = (i: number) => i > top && !fenced.has(i);
  if (lines.some((line, i) => outside(i) && STATUS_HEADING.test(line))) return STATUS_HEADING;
  return lines.some((line, i) => outside(i) && /^\s{0,3}##\s/.test(line)) ? STATUS_HEADING : STATUS_SUBHEADING;
}

/** A status key alone on its line, in bold and without a colon: `**Status**`. */
const STATUS_LABEL = /^\s*(?:\*\*|__)status(?:\*\*|__)\s*$/i;

/** The 0-based lines of the list right below line `at` (a blank line between them), or none. */
function listBelow(lines: string[], at: number): number[] {
  let i = at + 1;
  if (!lines[i]?.trim()) i++;
  const items: number[] = [];
  for (; i < lines.length && /^\s*[-*+]\s+\S/.test(lines[i]!); i++) items.push(i);
  return items;
}

/**
 * What a line of a `## Status` section says of the status: the line (`Accepted`, `Supersedes […](…)`),
 * or the value of its `Status:` key (`Status: Accepted ✅`); nothing for a field of another kind after
 * the status (`Implementation: Adopted ✅`, `Date: …`), which the section keeps as written.
 */
function sectionStatusText(line: string, statusFound: boolean): string | undefined {
  const text = line.trim().replace(/^[-*+]\s+/, '');
  if (!text) return undefined;
  const meta = metaLine(line);
  if (meta) return meta[1]!.toLowerCase() === 'date' ? undefined : meta[2];
  const otherField =
    statusFound && FIELD_START.test(text) && !RELATION_LINE.test(text) && !RELATION_AT_START.test(text);
  return otherField ? undefined : text;
}

/**
 * A status written as the first paragraph under the title, with no key, heading or list (`Accepted`,
 * `Proposed — 2021-03-01`, `Accepted on 2024-03-01`, `Accepted, superseded by [ADR 5](…)`), as
 * some logs head their decisions; its next lines may relate decisions (`Superseded by [ADR 5](…)`).
 * Read only when unambiguous: the paragraph starts with a known status word that stands alone or
 * is followed by a date or a relation, so that prose ("Accepted practice is…", "Open source
 * libraries…", "In short, …") stays in the body.
 */
function statusParagraph(
  lines: string[],
  top: number,
  drop: Set<number>,
  fenced: Set<number>,
): StatusSource | undefined {
  // A `Date:` line may come first; it is the date's, read later.
  const first = preamble(lines, top).find((i) => !drop.has(i) && lines[i]!.trim() && !metaLine(lines[i]!));
  if (first === undefined || fenced.has(first) || !isStatusLine(lines[first]!.trim())) return undefined;
  const parts = [{ text: withoutEmphasis(lines[first]!.trim()), line: first + 1 }];
  let next = first + 1;
  for (; next < lines.length && lines[next]!.trim() && !drop.has(next) && !metaLine(lines[next]!); next++) {
    if (!RELATION_AT_START.test(lines[next]!.trim())) return undefined; // more prose: a paragraph of the body
    parts.push({ text: lines[next]!.trim(), line: next + 1 });
  }
  for (let i = first; i < next; i++) drop.add(i);
  return { lines: parts };
}
