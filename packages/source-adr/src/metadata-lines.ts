/**
 * Where a decision's metadata stands in its Markdown: the lines between the title and the first
 * section, a `## Metadata` section, callouts, fenced code (which holds none), and how a metadata line
 * is keyed (`**Status:** Accepted`, `Statut :`, `Date - 2025-03-01`). Apart because every field
 * reader asks it where to look.
 */

// The key ends at a colon (a full-width one too, `状态：`, as Chinese and Japanese text writes it),
// or at a dash set apart by spaces (`**Status** — Accepted`, `Date - 2025-03-01`).
const META_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(status|state|statut|estado|situação|stato|stav|tila|durum|статус|状态|狀態|状態|ステータス|상태|date|datum|fecha|data|дата|tarih|日期|日付|날짜)(?:\*\*|__)?(?:\s*[:：]|\s+[—–-](?=\s))(?:\*\*|__)?\s*(.*?)\s*$/iu;

/** The keys of status and date lines in other languages (`Statut :`, `Estado:`, `Статус:`, `状态：`; `Datum:`, `Fecha:`, `Дата:`, `日期:`), by what they say. */
const META_KEYS: Record<string, 'status' | 'date'> = {
  statut: 'status',
  estado: 'status',
  situação: 'status',
  stato: 'status',
  stav: 'status',
  tila: 'status',
  durum: 'status',
  статус: 'status',
  datum: 'date',
  fecha: 'date',
  data: 'date',
  дата: 'date',
  tarih: 'date',
  // Chinese (`日期:`, as the npm adr CLI's template writes it), Japanese and Korean.
  状态: 'status',
  狀態: 'status',
  状態: 'status',
  ステータス: 'status',
  상태: 'status',
  日期: 'date',
  日付: 'date',
  날짜: 'date',
};

/**
 * A metadata line whose key is in single emphasis, as some logs write it with an emoji:
 * `_Status: ✅ Accepted_` (the whole line), `*Status:* ✅ Accepted`, `_Date_: 2021-03-05`.
 */
const EMPHASISED_META_LINE =
  /^(\s*(?:[-*+]\s+)?)([*_])(?![*_\s])(status|state|date)(?:\2\s*:(.*)|\s*:\2(.*)|\s*:(.*?)\2\s*)$/i;

/** A metadata line's key and value, its key in bold, in single emphasis or plain: `status`, `Accepted`. */
export function metaLine(written: string): RegExpMatchArray | null {
  // `📆 Date: 2024-05-06`, `🚦 Status: Accepted`: an emoji before the key says nothing more.
  const line = written.replace(/^(\s*(?:[-*+]\s+)?)(?:[\p{Extended_Pictographic}\uFE0F\u200D]\s*)+(?=\p{L})/u, '$1');
  const emphasised = EMPHASISED_META_LINE.exec(line);
  const value = emphasised && (emphasised[4] ?? emphasised[5] ?? emphasised[6]);
  const match = (emphasised ? `${emphasised[1]}${emphasised[3]}:${value}` : line).match(META_LINE);
  // `* Date: 2024-03-01 <!-- optional -->`, as MADR's template marks its optional lines: no part of the value.
  if (match) match[2] = match[2]!.replace(/\s*<!--.*?-->/g, '').trim();
  const key = match && META_KEYS[match[1]!.toLowerCase()];
  if (!match || !key) return match;
  // A date key of another language names a date only when a date follows (`Data: 2024-03-05`, not
  // `Data: kept in S3`).
  if (key === 'date' && !/^\d/.test(match[2]!)) return null;
  match[1] = key;
  return match;
}

/** Metadata lines sit between the title and the first `##` section. */
export function preamble(lines: string[], titleIndex: number): number[] {
  const out: number[] = [];
  for (let i = titleIndex + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) out.push(i);
  // `## Metadata` (mariushart/adr: `- Status: Accepted`, `- Date: …` under it) holds the same lines.
  const section = lines.findIndex((line, i) => i > titleIndex && METADATA_HEADING.test(line));
  if (section >= 0) for (let i = section + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) out.push(i);
  return out;
}

/**
 * A template's placeholder left as a field's value: `{UPDATE_DATE}`, `{DECIDERS}`, as the adrs CLI's
 * templates write them. The whole value: among other words (`/users/{USER_ID}/orders`) it is text.
 */
const UPPER_CASE_PLACEHOLDER = /^\{[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\}$/;

/** A field line of any key: `* Updated Date: …`, `**Reviewers:** …`, `- Tags: …`. */
const ANY_FIELD_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(\p{L}[\p{L}\p{N} _-]{0,40}?)(?:\*\*|__)?\s*[:：](?:\*\*|__)?\s*(.*?)\s*$/u;

/**
 * The metadata lines (outside code) whose value is still their template's `{UPPER_CASE}` placeholder
 * and nothing else (`* Updated Date: {UPDATE_DATE}`): their key, the placeholder, and their 1-based line. Status and
 * date lines are left to their own readers, which say so already; a placeholder in a comment or in code is no value.
 */
export function placeholderFields(
  lines: string[],
  top: number,
  drop: Set<number>,
  fenced: Set<number>,
): Array<{ key: string; placeholder: string; line: number }> {
  return preamble(lines, top).flatMap((i) => {
    if (drop.has(i) || fenced.has(i) || metaLine(lines[i]!)) return [];
    // `{DATABASE_URL}` in code is what the decision is about, no placeholder.
    const field = ANY_FIELD_LINE.exec(lines[i]!.replace(/\s*<!--.*?-->|`[^`]*`/g, ''));
    const placeholder = field && UPPER_CASE_PLACEHOLDER.exec(field[2]!)?.[0];
    return placeholder ? [{ key: field[1]!.trim(), placeholder, line: i + 1 }] : [];
  });
}

/** A section of metadata lines, as some templates head them: `## Metadata`, `## Metadaten`. */
const METADATA_HEADING = /^\s{0,3}#{2,3}\s+(?:metadata|metadaten|métadonnées|metadatos|metadados)\s*#*\s*$/i;

/**
 * A callout whose lines were all fields the header shows (`> [!NOTE]`, then `> **Status:** Accepted`,
 * `> **Date:** …`) goes with them, rather than stand empty at the top of the body.
 */
export function dropEmptiedCallouts(lines: string[], drop: Set<number>): void {
  lines.forEach((line, i) => {
    if (drop.has(i) || !/^\s{0,3}>\s*\[![A-Za-z]+\]\s*$/.test(line)) return;
    let end = i + 1;
    while (end < lines.length && /^\s{0,3}>/.test(lines[end]!)) end++;
    const inside = Array.from({ length: end - i - 1 }, (_, k) => i + 1 + k);
    if (inside.length && inside.every((j) => drop.has(j) || !lines[j]!.replace(/^\s{0,3}>/, '').trim())) {
      for (let j = i; j < end; j++) drop.add(j);
    }
  });
}

/**
 * A `## Metadata` section whose every line went to the header: its heading goes too, rather than
 * stand over nothing.
 */
export function dropEmptiedMetadataSection(lines: string[], drop: Set<number>): void {
  const section = lines.findIndex((line, i) => !drop.has(i) && METADATA_HEADING.test(line));
  if (section < 0) return;
  let i = section + 1;
  for (; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) if (!drop.has(i) && lines[i]!.trim()) return;
  for (let j = section; j < i; j++) drop.add(j);
}

/**
 * The 0-based lines inside fenced code blocks, their fences included: an example there (an ADR
 * about the ADR template shows `# 1. Title` and `## Status`) is not the file's own title or status.
 */
export function fencedLines(lines: string[]): Set<number> {
  const fenced = new Set<number>();
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = line.match(/^\s{0,3}(`{3,}|~{3,})/)?.[1];
    const closes = fence && marker && marker[0] === fence[0] && marker.length >= fence.length;
    if (fence || marker) fenced.add(i);
    if (closes) fence = undefined;
    else if (!fence && marker) fence = marker;
  });
  return fenced;
}

/** A line that carries on the paragraph above it (not blank, not a list item, heading, table, quote or metadata line). */
export function isContinuation(line: string): boolean {
  return !!line.trim() && !/^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>)/.test(line) && !metaLine(line) && !FIELD_START.test(line);
}

/**
 * A line that starts a field of its own (`**Deciders:** team`, `Superseded by: none`), as
 * metadata lines follow one another without bullets: not the status sentence wrapping.
 */
export const FIELD_START = /^\s*(?:(?:\*\*|__)[^*_\n]{1,40}?(?:\*\*|__)?\s*:|[A-Z][A-Za-z -]{0,30}:(?:\s|$))/;
