/**
 * What a decision's file name says, before its text is read: whether it is a decision at all (not a
 * README, an index or a template), its number (`0007-…`, `adr-007-…`, a series' `ADR-STORAGE-0007-…`),
 * the day it starts with (log4brains' `20200925-…`), its language (`0004-x-de.md`), and a title for
 * a decision that has none. Apart because folders, links and the file reader all name files alike.
 */
import type { AdrRecord } from './model.js';

/**
 * Files in an ADR folder that are not decisions: a README or index (`000-index.md` too, numbered to
 * sort first, as DependencyTrack/hyades keeps it), and templates, however named
 * (MADR ships `adr-template.md`, `adr-template-minimal.md`, `adr-template-bare.md`; others keep
 * `0000-template.md`, `0000-adr-template.md` or `adr000-template.md` so it sorts first, or a
 * second one, `adr-short-template.md`). A decision about templates has a number first.
 */
export const NOT_DECISIONS =
  /^(?:(?:0+[-_])?(?:readme|index)|_.*|(?:adr[-_ ]?)?(?:0+[-_ ])?(?:adr[-_ ]?)?template\b.*|[a-z][a-z-_]*[-_]template)\.(?:md|markdown)$/i;

/** The file that holds a decision kept in a folder of its own (`_index.md` in a Hugo page bundle). */
export const FOLDER_DECISION_FILE = /^_?(?:readme|index)\.(?:md|markdown)$/i;

/** Whether a decision's path in its folder is a decision folder's README (`0002/README.md`). */
export function inDecisionFolder(name: string): boolean {
  return name.includes('/');
}

/**
 * The name a decision is numbered, dated and titled by: its file's, or its folder's for a decision
 * kept in a folder of its own (`0002/README.md` → `0002.md`, `0003-use-rest/README.md` →
 * `0003-use-rest.md`).
 */
export function namingName(name: string): string {
  return inDecisionFolder(name) ? `${name.slice(0, name.indexOf('/'))}.md` : name;
}

/** A file name's language code after its decision's name: `de` in `0004-x-de.md`, `pt-BR` in `0005-x.pt-BR.md`. */
const LANGUAGE_SUFFIX = /^(.*)[-_.]([a-z]{2}(?:[-_][A-Z]{2})?)\.(?:md|markdown)$/;

/**
 * A translation of a decision kept beside it (`0004-x-de.md` by `0004-x.md`, as
 * StefanMoCoAt/Meldestelle keeps German and English side by side) is not a second ADR 4. A
 * translation alone (no `0008-x.md` beside `0008-x-de.md`) is the decision.
 */
export function translationsApart(names: string[]): { decisions: string[]; translations: string[] } {
  const stems = new Set(names.map((name) => name.replace(/\.(?:md|markdown)$/i, '')));
  // log4brains' records of one day (`20200925-use-react.md`, `20200925-use-react-js.md`) are two decisions.
  const translations = names.filter((name) => !datedName(name) && stems.has(LANGUAGE_SUFFIX.exec(name)?.[1] ?? ''));
  return { decisions: names.filter((name) => !translations.includes(name)), translations };
}

export function languageOf(name: string): string {
  return LANGUAGE_SUFFIX.exec(name)?.[2] ?? '';
}

/**
 * The number a file name starts with, without its zeros: `0007-…`, `adr-007-…`, `ADR005-…` (as
 * some teams name them), with spaces too (`0007 use postgres.md`, `ADR 12 - title.md`, as files
 * made outside adr-tools are named), log4brains' `20200925-…` (a date, read as such by
 * `datedName`). The one reading of a number prefix, for a folder's files, the number after a date
 * and categories alike.
 */
export function numberPrefix(name: string): string | undefined {
  return /^(?:adr[-_ ]?)?0*(\d+)(?=[-_. ])/i.exec(name)?.[1];
}

/**
 * A decision numbered within a series its name gives (`ADR-STORAGE-0007-metadata-first.md`, as logs
 * that number each area apart name them): its number (`7`) and the label it is shown with
 * (`STORAGE-0007`). The series starts with a letter: `adr-007-…` is numbered as any file is.
 */
export function seriesOf(name: string): { number: string; label: string } | undefined {
  // Series numbers are padded (`0007`, `012`): `adr-use-2-queues.md` is a slug, not series "use".
  const match = /^adr[-_]([a-z][a-z-]*?)[-_](0*(\d+))(?=[-_. ])/i.exec(name);
  if (match && match[2]!.length < 3) return undefined;
  return match ? { number: match[3]!, label: `${match[1]!.toUpperCase()}-${match[2]!}` } : undefined;
}

/** A heading's series before its number: `ADR-STORAGE-` of `ADR-STORAGE-0007 – Title`. */
export const SERIES_HEADING = /^ADR[-_][A-Z][A-Z0-9]*(?:[-_][A-Z][A-Z0-9]*)*[-_](?=\d{3})/;

/**
 * A day at the start of a file name: `20200925-` (log4brains), `2022-12-05_` or `2024_01_20-` (its
 * parts apart alike, dashes or underscores), after `ADR-` too; or a month, dashed (`ADR-2022-11-`,
 * as Azure/azure-service-operator names its decisions).
 */
export const NAME_DATE =
  /^(?:adr[-_]?)?((?:19|20)\d\d)(?:([-_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])|-(0[1-9]|1[0-2]))[-_]/i;

/** A file name's date: year, month and, unless it names a month only, day. */
function nameDateParts(fileName: string): { year: string; month: string; day?: string } | undefined {
  const match = NAME_DATE.exec(fileName);
  if (!match) return undefined;
  return match[5] ? { year: match[1]!, month: match[5] } : { year: match[1]!, month: match[3]!, day: match[4]! };
}

/** The number after a date in a file name: `2022-12-05_002-…` (cardano-ledger, hydra). */
export function numberAfterDate(fileName: string): string | undefined {
  const date = NAME_DATE.exec(fileName);
  return date ? numberPrefix(fileName.slice(date[0].length)) : undefined;
}

/** The date a file name starts with, `YYYY-MM-DD`, or `YYYY-MM` for a month. */
export function nameDate(fileName: string): string | undefined {
  const date = nameDateParts(fileName);
  return date && [date.year, date.month, date.day].filter(Boolean).join('-');
}

/**
 * `20200925-…md`, `2023-01-15-…md`, `ADR-2022-11-…md`: a record named by the day (or month) it was
 * written, with no number after the date (log4brains names them so).
 */
export function datedName(fileName: string): { year: string; month: string; day?: string } | undefined {
  return numberAfterDate(fileName) ? undefined : nameDateParts(fileName);
}

/**
 * log4brains records are identified by their file name, and two may share a day: each is
 * numbered by its date and its place in the day, by file name (`2020092500`, `2020092501`), so
 * that relations between numbers stay between the right two; the page is keyed by the file name.
 */
export function numberByDate(records: AdrRecord[]): void {
  const places = new Map<string, number>();
  for (const record of records) {
    if (!datedName(record.fileName)) continue;
    const place = places.get(record.label) ?? 0;
    places.set(record.label, place + 1);
    // A month (`202211`) sorts before its days (`20221105`).
    record.number = Number(record.label.padEnd(8, '0')) * 100 + place;
  }
}

/** Whether a file name numbers or dates its decision (`0007-…`, `adr-007-…`, `20200925-…`): then it may title it too. */
export function fileNamed(fileName: string): boolean {
  return numberPrefix(fileName) !== undefined || NAME_DATE.test(fileName);
}

/**
 * Whether a file's name numbers or dates it as a decision (`0007-…`, `adr-007-…`, `20200925-…`,
 * `2024-03-01-…`, `ADR-2022-11-…`, `ADR-STORAGE-0007-…`): what makes its folder one of decisions,
 * and a page beside none of them no decision.
 */
export function namedLikeDecision(name: string): boolean {
  return fileNamed(name) || seriesOf(name) !== undefined;
}

/** `0007-release-process.md` → `Release process`: what a decision with no title is about. */
export function titleFromFileName(fileName: string): string {
  const words = fileName
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(NAME_DATE, '')
    .replace(/^(?:adr[-_ ]?)?\d+[-_. ]*/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : fileName;
}
