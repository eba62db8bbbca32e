/**
 * How decisions write dates, and what they are read as: ISO dates and the local forms
 * (`2016.02.12`, `12/02/2016`, `2026年3月29日`), a folder's day/month or month/day dates read by the
 * evidence there is (the dates themselves, the folder's others, the file's language), and the keys of
 * a created date. Apart because the status reader, the field tables and the front matter all know a
 * date when they see one.
 */
import { basename } from 'node:path';
import type { Diagnostic } from '@docgen/core';
import type { ParsedAdr } from './records.js';
import { languageOf } from './file-names.js';

/** Dates in a status line (`Superseded by 0080, 2026-09-10`, `… 2016.03.01`): not ADR numbers. */
export const DATES = /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;

/**
 * A Date line that holds no digit is still its template's placeholder (`{DATE_YESTERDAY}`, as
 * log4brains' starter files leave it, `YYYY-MM-DD`, `[date]`): no date, with a warning at its line;
 * the file name's date, when it has one, dates the decision instead.
 */
export function datedOrPlaceholder(
  found: { text: string; line: number } | undefined,
  context: { file: string; fileName: string; nameDate: string | undefined; report: (diagnostic: Diagnostic) => void },
): { text: string; line: number } | undefined {
  if (!found || /\d/.test(found.text)) return found;
  context.report({
    code: 'DG_ADR_PLACEHOLDER',
    severity: 'warning',
    message: `${context.fileName}'s date "${found.text}" is its template's placeholder: ${context.nameDate ? `dated ${context.nameDate} by its file name` : 'shown with no date'}`,
    location: { file: context.file, line: found.line },
    hint: `write the day it was decided, as an ISO 8601 date: ${context.nameDate ? `"Date: ${context.nameDate}"` : 'e.g. "Date: 2024-03-01"'}`,
  });
  return undefined;
}

/** A date alone, perhaps in code or emphasis: `2021-04-12`, `` `2021-04-12` ``, `_2021-04-12_`. */
export const DATE_ALONE = new RegExp(String.raw`^([\`*_]*)(${DATES.source})\1$`);

/**
 * A date as the header shows it, without what a template or a line end leaves beside it: a format
 * hint (`2021-01-06 (yyyy-mm-dd)`), a line break (`2024-02-03<br />`, a trailing `\`), code marks.
 */
export function writtenDate(text: string): string | undefined {
  const date = text
    .replace(/\s*(?:<br\s*\/?>|\\)\s*$/i, '')
    // A timestamp (`2026-06-10T01:30:00+03:00`, `2026-06-11 10:59`): its day, as written there.
    .replace(/^(\d{4}-\d{2}-\d{2})(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i, '$1')
    .replace(/\s*\(\s*(?:[ymd]{1,4}[-/. ]?){3}\s*\)\s*$/i, '')
    .replace(/^`(.*)`$/, '$1')
    .trim();
  return date || undefined;
}

/** Whether a text starts with a date: `2026-06-05`, `2016.02.12`, `12/02/2016`, `2026年3月29日`. */
export function startsWithDate(text: string): boolean {
  return /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/.test(text) || CJK_DATE.test(text);
}
/** A created field's name, in front matter or a table's row: `created`, `date-created`, `dateCreated`, `created_at`. */
export const CREATED_KEY = /^(?:created|date[ _-]?created|created[ _-]?(?:at|on))$/i;

/** A date as Japanese, Chinese and Korean write it, `2026年3月29日`, `2026년 3월 29일`: one way only. */
const CJK_DATE = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$/u;

/** A date with the year first, `2016.02.12` or `2016/2/12`: year, month, day, one way only. */
const YEAR_FIRST_DATE = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;
/**
 * A date with the year last, `12/02/2016`, `12.02.2016`, `12/02/16`, `04-23-2024`: day and month in
 * the author's order (with dashes, only a four-digit year: `24-03-01` may be year first).
 */
const YEAR_LAST_DATE = /^(\d{1,2})([/.]|-(?=\d{1,2}-\d{4}$))(\d{1,2})\2(\d{4}|\d{2})$/;

/**
 * adr-tools dates are written as the author's locale had them. Year first (`2016.02.12`) reads
 * one way: shown as an ISO date. Year last (`12/02/2016`, `12.02.2016`, `12/02/16`) is day/month or
 * month/day; each is read by the evidence there is, in this order:
 *
 * 1. the date itself, when only one order is a day of the calendar (`25.02.2016`, `02/25/2016`);
 * 2. the folder's other dates, when every one that reads one way only reads in the same order;
 * 3. the file's language, when it writes dates day first (German, French, Spanish…; English is
 *    either, as the UK and the US write it).
 *
 * Dates nothing decides stay as written, with one warning for the folder at the first one's line.
 */
export function readLocalDates(parsed: ParsedAdr[], report: (diagnostic: Diagnostic) => void): void {
  for (const adr of parsed) {
    const day = oneWayDay(adr.record.date ?? '');
    if (day && isDay(...day)) adr.record.date = isoDate(...day);
  }
  for (const adr of parsed) readMonthName(adr, report);
  for (const adr of parsed) reportNoDay(adr, report);
  const dated = parsed.flatMap((adr) => {
    const match = YEAR_LAST_DATE.exec(adr.record.date ?? '');
    if (!match) return [];
    const [first, second, year] = [Number(match[1]), Number(match[3]), fullYear(match[4]!)];
    // 05/05/2016 reads the same either way: one reading, and no order.
    const dayFirst = isDay(year, second, first) ? isoDate(year, second, first) : undefined;
    const monthFirst = isDay(year, first, second) && first !== second ? isoDate(year, first, second) : undefined;
    return [{ adr, first, second, year, dayFirst, monthFirst }];
  });
  if (!dated.length) return;
  // The order the folder's one-way dates are written in, when they agree (a day above 12 says it).
  const orders = new Set(
    dated.flatMap(({ first, second, dayFirst, monthFirst }) =>
      first === second || !dayFirst === !monthFirst ? [] : [dayFirst ? 'day' : 'month'],
    ),
  );
  const folderOrder = orders.size === 1 ? [...orders][0] : undefined;
  const undecided: typeof dated = [];
  for (const entry of dated) {
    const { adr, dayFirst, monthFirst } = entry;
    const order = !dayFirst || !monthFirst ? undefined : (folderOrder ?? (adr.dayFirstLanguage ? 'day' : undefined));
    const reading = !monthFirst ? dayFirst : !dayFirst ? monthFirst : order === 'day' ? dayFirst : order && monthFirst;
    if (reading) adr.record.date = reading;
    else undecided.push(entry);
  }
  if (!undecided.length) return;
  const { adr, dayFirst, monthFirst } = undecided[0]!;
  const shown = undecided.slice(0, 3).map((entry) => entry.adr.record.date);
  const many = undecided.length > 1;
  const why =
    dayFirst || monthFirst
      ? `read${many ? '' : 's'} as day/month and as month/day alike${orders.size > 1 ? ", and the folder's other dates are written both ways" : ''}`
      : `${many ? 'are' : 'is'} no day of the calendar either way`;
  report({
    code: 'DG_ADR_DATE',
    severity: 'warning',
    message: `the date${many ? 's' : ''} of ${undecided.length} ADR${many ? 's' : ''} in this folder (${shown.join(', ')}${undecided.length > 3 ? ', …' : ''}) ${why}: shown as written`,
    location: { file: adr.record.file, line: adr.dateLine },
    hint: `write them as ISO 8601 dates (year-month-day), which read one way${dayFirst || monthFirst ? `: ${adr.record.date} is ${[dayFirst, monthFirst].filter(Boolean).join(' or ')}` : ''}`,
  });
}

/** The year, month and day of a date that reads one way only, with its year first: `2026年3月29日`, `2016.02.12`. */
function oneWayDay(date: string): [year: number, month: number, day: number] | undefined {
  const cjk = CJK_DATE.exec(date);
  if (cjk) return [Number(cjk[1]), Number(cjk[2]), Number(cjk[3])];
  const match = YEAR_FIRST_DATE.exec(date);
  return match ? [Number(match[1]), Number(match[3]), Number(match[4])] : undefined;
}

/** English months, by the three letters that start their names. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** `Tuesday, ` before a date written out: the weekday says nothing the date does not. */
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
/** `12 March 2024`, `3rd May 2024`, `18-Jul-2024`: the day before the month's name. */
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY}${DAY}[\s-]+${MONTH}[\s-]+(\d{4})$`, 'i');
/** `March 14, 2024`, `Apr 2 2024`: the month's name before the day. */
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+${DAY},?\s+(\d{4})$`, 'i');

/**
 * A date written with its month's name (`12 March 2024`, `March 14, 2024`, `Tuesday, 11 June
 * 2024`), as Nygard-style decisions are often dated by hand: one way only, so shown as an ISO
 * date, as the folder's others are. One that is no day of the calendar (`31 February 2024`) is
 * shown as written, and said.
 */
function readMonthName(adr: ParsedAdr, report: (diagnostic: Diagnostic) => void): void {
  const written = adr.record.date ?? '';
  const dayFirst = DAY_MONTH_YEAR.exec(written);
  const monthFirst = dayFirst ? undefined : MONTH_DAY_YEAR.exec(written);
  if (!dayFirst && !monthFirst) return;
  const [day, month, year] = dayFirst
    ? [Number(dayFirst[1]), dayFirst[2]!, Number(dayFirst[3])]
    : [Number(monthFirst![2]), monthFirst![1]!, Number(monthFirst![3])];
  const monthNumber = MONTHS.indexOf(month.toLowerCase()) + 1;
  if (isDay(year, monthNumber, day)) {
    adr.record.date = isoDate(year, monthNumber, day);
    return;
  }
  report(noDayWarning(adr, 'write the day it was decided as an ISO 8601 date, year-month-day'));
}

/** Warning `DG_ADR_DATE` for a decision whose date is no day of the calendar, shown as written. */
function noDayWarning(adr: ParsedAdr, hint: string): Diagnostic {
  return {
    code: 'DG_ADR_DATE',
    severity: 'warning',
    message: `${basename(adr.record.file)}'s date ${adr.record.date} is no day of the calendar: shown as written`,
    location: { file: adr.record.file, line: adr.dateLine },
    hint,
  };
}

/** A year-first date in any separator (`2024-13-45`, `2016.02.30`): read one way, so one that is no day is a typo. */
const ANY_YEAR_FIRST_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

/**
 * A year-first date that is no day of the calendar (month 13, 30 February, year-day-month
 * `2024-31-01`) is shown as written, as it was before, but said: the log would show it as if it
 * were a date.
 */
function reportNoDay(adr: ParsedAdr, report: (diagnostic: Diagnostic) => void): void {
  const match = ANY_YEAR_FIRST_DATE.exec(adr.record.date ?? '');
  if (!match) return;
  const [year, month, day] = [match[1], match[3], match[4]].map(Number) as [number, number, number];
  if (isDay(year, month, day)) return;
  const swapped = isDay(year, day, month) ? `: did you mean ${isoDate(year, day, month)}?` : '';
  report(
    noDayWarning(adr, `write the day it was decided as an ISO 8601 date, year-month-day (month 01 to 12)${swapped}`),
  );
}

/**
 * Section headings and status words of the languages whose dates are written day first, as their
 * ADR logs write them (`## Kontext`, `## Entscheidung`, `Akzeptiert`; `## Contexte`, `## Décision`;
 * `## Contexto`, `## Decisión`; `## Contesto`; `## Besluit`; `## Контекст`…). English ones are not
 * evidence: the UK writes 07.08.2026 day first, the US month first.
 */
const DAY_FIRST_WORDS = new Set([
  ...['kontext', 'entscheidung', 'konsequenzen', 'begründung', 'hintergrund', 'problemstellung', 'alternativen'],
  ...['akzeptiert', 'angenommen', 'vorgeschlagen', 'abgelehnt', 'veraltet', 'ersetzt', 'entwurf'],
  ...['contexte', 'décision', 'conséquences', 'statut', 'accepté', 'proposé', 'rejeté'],
  ...['contexto', 'decisión', 'decisão', 'consecuencias', 'consequências', 'estado', 'aceptado', 'aceito'],
  ...['contesto', 'decisione', 'conseguenze', 'stato', 'accettato', 'proposto'],
  ...['besluit', 'beslissing', 'gevolgen', 'achtergrond', 'geaccepteerd', 'voorgesteld'],
  ...['kontekst', 'decyzja', 'konsekwencje', 'beslut', 'beslutning', 'konsekvenser', 'bakgrund'],
  ...['контекст', 'решение', 'последствия', 'статус', 'принято', 'предложено'],
]);

/** Codes of languages whose dates are written day first, as a translation's file name ends (`0004-x-de.md`). */
const DAY_FIRST_LANGUAGES = new Set([
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'ru',
  'pl',
  'sv',
  'da',
  'nb',
  'cs',
  'fi',
  'tr',
]);

/** Whether the file is written in a language whose dates are day first: its file name (`-de.md`), headings or status word say. */
export function writesDayFirst(lines: string[], fileName: string, statusWord: string | undefined): boolean {
  // `-db.md`, `-ui.md` end in two letters too: only a language's code counts.
  if (DAY_FIRST_LANGUAGES.has(languageOf(fileName).slice(0, 2).toLowerCase())) return true;
  const words = lines.flatMap((line) => /^\s{0,3}#{2,3}\s+([\p{L}\p{M}]+)/u.exec(line)?.[1] ?? []);
  return [...words, statusWord ?? ''].some((word) => DAY_FIRST_WORDS.has(word.normalize('NFC').toLowerCase()));
}

/** `16` is 2016: ADRs are younger than the century (Nygard named them in 2011). */
function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether month/day of year is a day of the calendar (not 31/02). */
function isDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
