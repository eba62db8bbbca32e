/**
 * Relations written as fields rather than in a status line: `Supersedes: ADR 3` lines, relation
 * sentences (`Supersedes ADR 0001.`) and MADR 2's `## Links` section. Apart from the field tables that
 * also read relation columns, which build on it.
 */
import type { StatusLink, InlineFields } from './records.js';
import { classifyStatus } from './status-words.js';
import { preamble } from './metadata-lines.js';

/**
 * A relation written as a field of its own under the title, as a bullet, a bold line or a table
 * row's key: `Supersedes`, `Superseded by` (`Superseded-by`), `Replaces`, `Replaced by`, `Amends`,
 * `Amended by`.
 */
export const RELATION_KEY = /^(super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)[-_ ]by)$/i;
export const RELATION_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?((?:super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)[-_ ]by))(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*?)\s*$/i;

/**
 * The decisions a relation field names, read as a status line's relation is (`Supersedes ADR-0014`,
 * `Superseded by [ADR 9](0009-….md)`); none for `—`, `none` or prose that names no decision.
 */
export function relationField(key: string, value: string, line: number): StatusLink[] {
  const words = key
    .toLowerCase()
    .replace(/[-_ ]by$/, ' by')
    .replace(/^replaces$/, 'supersedes');
  return classifyStatus([{ text: `${words} ${value}`, line }]).links;
}

/**
 * Relation fields on lines of their own under the title (`- Supersedes: ADR-0014`, `**Superseded
 * by:** [ADR 9](…)`): relations, as in a status line; a line that names only decisions leaves the
 * body, since the header shows them, and one with more to say (or none) stays as written.
 */
export function relationLines(lines: string[], top: number, drop: Set<number>, found: InlineFields): void {
  for (const i of preamble(lines, top)) {
    if (drop.has(i)) continue;
    // `- Superseded by [ADR 14](…)`, a bullet without a colon, or a sentence (`Supersedes ADR 0001.
    // Revises D1.`, its first sentence only): a relation when it names a decision as a link or "ADR
    // 14" (not "- Replaces 2 cron jobs", a summary's point).
    const field = RELATION_LINE.exec(lines[i]!);
    const written = field ? undefined : (RELATION_ITEM.exec(lines[i]!) ?? RELATION_SENTENCE.exec(lines[i]!));
    const named = written && firstSentence(written[2]!);
    const match = field ?? (written && namesDecision(named!) ? [written[0], written[1], named] : null);
    if (!match) continue;
    const links = relationField(match[1]!, match[2]!.replace(/\*\*|__/g, ''), i + 1);
    (found.relations ??= []).push(...links);
    // The whole line, not only the clause related: "; see the [diagram](…)" keeps it in the body.
    if (links.length && namesOnlyDecisions((field ?? written)![2]!.replace(/\*\*|__/g, ''))) drop.add(i);
  }
}

/** A line that starts with a relation, as a sentence: `Supersedes ADR 0001. Revises D1 / D2.` */
const RELATION_SENTENCE =
  /^\s{0,3}(?:\*\*|__)?(super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)\s+by)(?:\*\*|__)?\s+(.*?)\s*$/i;

/**
 * A line's first sentence or clause: what a relation sentence relates (`ADR 0001.` of `ADR 0001.
 * Revises D1.`, `[PostgreSQL](0000-….md);` of `…; see the [diagram](…)`). A stop inside a link (`[5. Use X](0005-x.md)`, as adr-tools titles links) ends none.
 */
function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '[' || char === '(') depth++;
    else if ((char === ']' || char === ')') && depth > 0) depth--;
    else if (depth === 0 && (char === ';' || (/[.!?]/.test(char) && /^\s+\p{Lu}/u.test(text.slice(i + 1)))))
      return text.slice(0, i + 1);
  }
  return text;
}

/** A decision named as a link or as "ADR 14" (`ADR-0014`, `ADR #14`). */
const NAMED_DECISION = /\]\(|\bADR[-\s#_]*\d+\b/i;

/**
 * Whether a relation sentence's object names decisions: as a link or "ADR 14", or by their numbers
 * alone (`Supersedes 0003`, `Replaced by #12`), but not a count of things (`Replaces 2 cron jobs`).
 */
function namesDecision(object: string): boolean {
  const numbers = object.replace(/[.!]\s*$/, '');
  return NAMED_DECISION.test(object) || (/\d/.test(numbers) && namesOnlyDecisions(numbers));
}

/** MADR 2's and log4brains' section of links to other decisions: `## Links`. */
const LINKS_HEADING = /^\s{0,3}##\s+(?:links|related decisions|related adrs)\s*#*\s*$/i;
const RELATION_ITEM =
  /^\s*[-*+]\s+(?:\*\*|__)?(super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)[-_ ]by)(?:\*\*|__)?\s*:?\s*(.*?)\s*$/i;

/**
 * The relations a `## Links` section lists (`- Supersedes [20200926-…](20200926-….md)`, as
 * log4brains writes them, MADR's `* Amended by [ADR-0005](…)`): relations as in a status line. The
 * section stays in the body as written.
 */
export function linksSection(lines: string[], fenced: Set<number>): StatusLink[] {
  const section = lines.findIndex((line, i) => !fenced.has(i) && LINKS_HEADING.test(line));
  if (section < 0) return [];
  const links: StatusLink[] = [];
  for (let i = section + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) {
    const match = fenced.has(i) ? null : RELATION_ITEM.exec(lines[i]!);
    if (match) links.push(...relationField(match[1]!, match[2]!.replace(/\*\*|__/g, ''), i + 1));
  }
  return links;
}

/**
 * Whether a relation field's value is nothing but the decisions it names (`ADR-0014`,
 * `[ADR 9](0009-x.md), ADR 10`): then the header says all of it. One with more to say
 * ("Unresolved portions of ADR-022 and ADR-023") stays in the body too.
 */
export function namesOnlyDecisions(value: string): boolean {
  return !value
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/[[\]]/g, ' ')
    .replace(/\bADR[-\s#_]*\d+\b/gi, ' ')
    .replace(/#?\b\d+\b/g, ' ')
    .replace(/\band\b|[,;&]/gi, ' ')
    .trim();
}
