/**
 * One decision file → its record and the status links still to resolve (`parseAdr`, public): its
 * title, number, status, dates, fields and body, from the readers beside it; and a file that logs
 * several decisions (`## ADR-1: …` sections), which is not one. The folder it is in is extract.ts'.
 */
import { basename } from 'node:path';
import { closestName, DocgenError, type Diagnostic } from '@docgen/core';
import { ADR_STATUSES } from './model.js';
import type { ParsedAdr } from './records.js';
import {
  namingName,
  SERIES_HEADING,
  titleFromFileName,
  fileNamed,
  datedName,
  seriesOf,
  numberAfterDate,
  numberPrefix,
  inDecisionFolder,
  nameDate,
} from './file-names.js';
import { datedOrPlaceholder, writtenDate, writesDayFirst } from './dates.js';
import { statusChoices, classifyStatus, quotedHistoryLine, quotedStatus, saysMoreThanStatus } from './status-words.js';
import { frontMatter, frontMatterFields, frontMatterLinks } from './front-matter.js';
import { sitePageNames, slugOf } from './links.js';
import {
  fencedLines,
  dropEmptiedMetadataSection,
  dropEmptiedCallouts,
  metaLine,
  placeholderFields,
} from './metadata-lines.js';
import { linksSection } from './relation-lines.js';
import { tableAboveTitle } from './field-tables.js';
import { inlineFields } from './fields.js';
import { findStatus } from './find-status.js';
import { findDate, createdDate } from './find-date.js';

/**
 * MADR's placeholder titles (2.x `[…]`, 3.0 `{…}`, 4.0): a decision copied from the template and
 * never titled, its page a copy of the template's (simnova/ownercommunity's 0008-white-label.md).
 */
const PLACEHOLDER_TITLES = new Set([
  'short title of solved problem and solution',
  'short title, representative of solved problem and found solution',
]);

/**
 * The sections ADR templates give a decision (MADR's, Nygard's, and a few languages'): a file that
 * opens with one of them has no title heading of its own.
 */
const SECTION_HEADINGS = new Set([
  ...['context', 'context and problem statement', 'problem statement', 'background', 'summary'],
  ...['status', 'decision', 'decision outcome', 'considered options', 'decision drivers', 'consequences'],
  ...['kontext', 'contexto', 'contexte', 'contesto', 'entscheidung', 'décision', 'decisión'],
]);

/**
 * A title written as a setext heading (`Use Kafka` over a line of `=`), as pandoc and older
 * Markdown write one, rewritten as the ATX heading it is (`# Use Kafka`), its underline left blank
 * so that every line keeps its number: the title, and the metadata under it, are then read alike.
 * Only when it comes before any `# ` heading, and is a paragraph of one line (a blank line, or the
 * front matter, above it). A file with no level-1 heading whose first heading is underlined with
 * `-` is titled by it too, unless it is a section's name (`Status`): its author wrote the title at
 * level 2, as the sections under it are.
 */
function setextTitleAsAtx(lines: string[], fenced: Set<number>, drop: Set<number>): void {
  const index = lines.findIndex(
    (line, i) =>
      !drop.has(i) && !fenced.has(i) && (/^\s{0,3}#\s+\S/.test(line) || isSetextTitle(lines, i, fenced, drop)),
  );
  const title = index < 0 ? levelTwoTitle(lines, fenced, drop) : index;
  if (title === undefined || /^\s{0,3}#\s/.test(lines[title]!)) return;
  lines[title] = `# ${lines[title]!.trim()}`;
  lines[title + 1] = '';
}

/** The first heading of a file, when it is underlined with `-` and is no section's name (`Context`). */
function levelTwoTitle(lines: string[], fenced: Set<number>, drop: Set<number>): number | undefined {
  const index = lines.findIndex(
    (line, i) =>
      !drop.has(i) && !fenced.has(i) && (/^\s{0,3}#{1,6}\s+\S/.test(line) || isSetextSection(lines, i, fenced, drop)),
  );
  if (index < 0 || /^\s{0,3}#/.test(lines[index]!)) return undefined;
  return SECTION_HEADINGS.has(lines[index]!.trim().toLowerCase().replace(/[:.]$/, '')) ? undefined : index;
}

/** Whether line `i` is the text of a setext level-1 heading: one line of text, underlined with `=`. */
function isSetextTitle(lines: string[], i: number, fenced: Set<number>, drop: Set<number>): boolean {
  const underline = lines[i + 1];
  return (
    underline !== undefined &&
    /^\s{0,3}=+\s*$/.test(underline) &&
    !fenced.has(i + 1) &&
    isHeadingText(lines, i, fenced, drop)
  );
}

/**
 * Sections written as setext level-2 headings (`Status` over a line of `-`), as pandoc and older
 * Markdown write them, rewritten as the ATX headings they are (`## Status`), their underline left
 * blank so that every line keeps its number: the status and date sections are then found as `##`
 * ones are. Only a one-line paragraph over two or more `-`: a `---` after a blank line is a rule.
 */
function setextSectionsAsAtx(lines: string[], fenced: Set<number>, drop: Set<number>): void {
  for (let i = 0; i < lines.length - 1; i++) {
    if (!isSetextSection(lines, i, fenced, drop)) continue;
    lines[i] = `## ${lines[i]!.trim()}`;
    lines[i + 1] = '';
  }
}

/** Whether line `i` is the text of a setext level-2 heading: one line of text over two or more `-`. */
function isSetextSection(lines: string[], i: number, fenced: Set<number>, drop: Set<number>): boolean {
  const underline = lines[i + 1];
  return (
    underline !== undefined &&
    !drop.has(i) &&
    !drop.has(i + 1) &&
    !fenced.has(i + 1) &&
    /^\s{0,3}-{2,}\s*$/.test(underline) &&
    isHeadingText(lines, i, fenced, drop) &&
    !/^\s{0,3}#/.test(lines[i]!)
  );
}

/** Whether line `i` can be a setext heading's text: one line of text, after a blank line or none. */
function isHeadingText(lines: string[], i: number, fenced: Set<number>, drop: Set<number>): boolean {
  return (
    !fenced.has(i) &&
    /^\s{0,3}\S/.test(lines[i]!) &&
    // A bullet, a quote, a table row or a fence is no heading's text; `7. Choose a queue` over `===`
    // is a numbered title, as `# 7. Choose a queue` is, whatever a strict reader makes of it.
    !/^\s{0,3}(?:[>|]|[-*+]\s|```|~~~|<)/.test(lines[i]!) &&
    (i === 0 || !lines[i - 1]!.trim() || drop.has(i - 1))
  );
}

/** How many level-1 headings a file has outside code and front matter. */
function levelOneHeadings(lines: string[], fenced: Set<number>, drop: Set<number>): number {
  return lines.filter((line, i) => !drop.has(i) && !fenced.has(i) && /^\s{0,3}#\s+\S/.test(line)).length;
}

/**
 * A title heading's text without its inline Markdown (`` Use `WebView` for summaries ``, `Adopt
 * **pnpm**`, `Use [Nx](https://nx.dev)`): a Confluence page title is plain text, where code marks,
 * emphasis and link syntax would show as written, and the log escapes them to show the same.
 */
function plainTitle(title: string): string {
  // Code spans are taken as written (`__init__` keeps its underscores); the text between them loses its marks.
  return title
    .split(/(`+)(.+?)\1/)
    .map((part, index) => {
      if (index % 3 === 1) return '';
      if (index % 3 === 2) return part.trim();
      // An escaped mark (`\*`) is the character itself, kept apart from the marks until the end.
      const escaped: string[] = [];
      return part
        .replace(/\\([\\`*_[\]#<>!-])/g, (_, mark: string) => `\uE000${escaped.push(mark) - 1}\uE000`)
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/g, '$2')
        .replace(/\uE000(\d+)\uE000/g, (_, index: string) => escaped[Number(index)]!);
    })
    .join('');
}

/**
 * A title still the template's: MADR's placeholders, a template's own name (`# ADR Template`, as
 * island-is/handbook's 0007-api-catalog-webframework.md was titled), `<short title of the
 * decision>`, `ADR-XXXX: …` (Altinn's template) or log4brains' `# Title`.
 */
function isPlaceholderTitle(title: string): boolean {
  return (
    PLACEHOLDER_TITLES.has(title.replace(/^[[{]|[\]}]$/g, '').toLowerCase()) ||
    /^(?:(?:adr|madr|decision(?: record)?)\s+)?template$|^title$/i.test(title.trim()) ||
    /[[{<]\s*short title\b/i.test(title) ||
    /\bADR[-\s]?X{3,4}\b/.test(title)
  );
}

/** One file → its record and the status links still to resolve. */
export function parseAdr(
  file: string,
  text: string,
  report: (diagnostic: Diagnostic) => void = () => undefined,
  name: string = basename(file),
): ParsedAdr {
  // `name` is the decision's path in its folder: its file's name, or a decision folder's README
  // (`0002/README.md`), whose folder names it as a file would (`0002.md`).
  const fileName = name;
  const named = namingName(name);
  const lines = text.split(/\r?\n/);
  const drop = new Set<number>(); // 0-based lines that are metadata, not body
  const front = frontMatter(file, lines, drop);

  // The title: the first level-1 heading outside code fences (or `title:` in front matter).
  const fenced = fencedLines(lines);
  setextTitleAsAtx(lines, fenced, drop);
  setextSectionsAsAtx(lines, fenced, drop);
  const titleIndex = lines.findIndex((line, i) => !drop.has(i) && !fenced.has(i) && /^\s{0,3}#\s+\S/.test(line));
  const heading =
    titleIndex >= 0
      ? lines[titleIndex]!.replace(/^\s{0,3}#\s+/, '')
          .replace(/\s+#+\s*$/, '')
          .trim()
      : undefined;
  const frontTitle = typeof front.value.title === 'string' ? front.value.title.trim() : undefined;
  // `# ADR-STORAGE-0007 – Title`: numbered within a series, read as `# ADR-0007 – Title` is.
  const headingParts = (heading ?? frontTitle)?.replace(SERIES_HEADING, 'ADR-').match(NUMBERED_HEADING);
  let title = (headingParts?.[5] ?? heading ?? frontTitle)?.trim();
  const line = titleIndex >= 0 ? titleIndex + 1 : front.line || 1;
  // `# Context and Problem Statement` first (s3gw's 0007-release-process.md): a section of the
  // decision, kept in its body, and no title; the front matter's or the file name's is. So is any
  // first heading of a file titled in front matter whose sections are level-1 headings (`# Abstract`,
  // `# Need`, as decentraland/adr's site writes them): its page is titled from front matter.
  const sectionFirst =
    !!heading &&
    !headingParts &&
    (SECTION_HEADINGS.has(heading.toLowerCase().replace(/[:.]$/, '')) ||
      (!!frontTitle && levelOneHeadings(lines, fenced, drop) > 1));
  if (sectionFirst) title = frontTitle ?? titleFromFileName(named);
  // Titled in front matter, as a site titles its pages, the file needs no title heading.
  if (sectionFirst && !frontTitle) {
    report({
      code: 'DG_ADR_TITLE',
      severity: 'warning',
      message: `${fileName} starts with the section "${heading}", not a title: titled "${title}" from its file name`,
      location: { file, line },
      hint: `write the decision's title as the first heading, above its sections: "# ${title}"`,
    });
  }
  // No title at all (DependencyTrack/hyades' decisions start with their table of fields, the
  // site's navigation titling them): a numbered file is titled from its name, as a site would.
  const untitled = !title && !sectionFirst && fileNamed(named);
  if (untitled) {
    title = titleFromFileName(named);
    report({
      code: 'DG_ADR_TITLE',
      severity: 'warning',
      message: `${fileName} has no title heading: titled "${title}" from its file name`,
      location: { file, line },
      hint: `write the decision's title as its first heading: "# ${title}"`,
    });
  }
  if (!title) {
    throw new DocgenError({
      code: 'DG_ADR_TITLE',
      message: `${fileName} has no title`,
      location: { file, line: front.end + 1 },
      hint: 'start the decision with a level-1 heading, e.g. "# 5. Use PostgreSQL for orders" (adr-tools) or "# Use PostgreSQL for orders" (MADR)',
    });
  }
  if (titleIndex >= 0 && !sectionFirst) drop.add(titleIndex);

  // `0005-…`, `adr-005-…`, `2022-12-05_005-…`; a record named by its date alone is numbered by it.
  const dated = datedName(named);
  const series = seriesOf(named);
  const fileNumber =
    numberAfterDate(named) ??
    (dated ? `${dated.year}${dated.month}${dated.day ?? ''}` : (numberPrefix(named) ?? series?.number));
  // `# 26 Managed Prometheus` (ministryofjustice/cloud-platform): the file's number, written without
  // a stop, is the number and not the title's first word, when a capitalised title follows it.
  const bareNumber =
    !headingParts && fileNumber ? new RegExp(`^0*${Number(fileNumber)}\\s+(?=\\p{Lu})`, 'u') : undefined;
  const numbered = bareNumber?.exec(title);
  if (numbered) title = title.slice(numbered[0].length);
  title = withoutNameDate(plainTitle(title), dated && nameDate(named));
  if (isPlaceholderTitle(title)) {
    report({
      code: 'DG_ADR_PLACEHOLDER',
      severity: 'warning',
      message: `${fileName} is titled with the ADR template's placeholder "${title}"`,
      location: { file, line },
      hint: "write the decision's own title (and fill in or remove the rest of the template), or remove the file if it is no decision yet",
    });
  }
  const headingNumber = headingParts?.slice(1, 5).find((part) => part !== undefined);
  if (fileNumber && headingNumber && Number(fileNumber) !== Number(headingNumber)) {
    report({
      code: 'DG_ADR_NUMBER_MISMATCH',
      severity: 'warning',
      message: `${fileName} is numbered ${Number(fileNumber)} by its file name but ${Number(headingNumber)} by its heading; using ${Number(fileNumber)}`,
      location: { file, line },
      hint: 'make the heading and the file name agree',
    });
  }
  const number = Number(fileNumber ?? headingNumber ?? Number.NaN);
  if (!Number.isSafeInteger(number)) {
    throw new DocgenError({
      code: 'DG_ADR_NUMBER',
      message: `${fileName} has no ADR number`,
      location: { file, line },
      hint: inDecisionFolder(name)
        ? `name the folder with its number first (e.g. 0005-${name.slice(0, name.indexOf('/'))}/) or number the heading ("# 5. ${title}")`
        : `name the file with its number first (e.g. 0005-${fileName}) or number the heading ("# 5. ${title}")`,
    });
  }

  // Without a title heading, the metadata follows the front matter (or starts the file).
  const inline = inlineFields(lines, titleIndex >= 0 ? titleIndex : front.end - 1, drop);
  const status = findStatus(lines, titleIndex, front, drop, inline, fenced);
  // A date the file name starts with is the record's when no Date line says otherwise.
  const written = datedOrPlaceholder(findDate(lines, titleIndex, front, drop, inline, fenced), {
    file,
    fileName,
    nameDate: nameDate(named),
    report,
  });
  const site = sitePageNames(front.value);
  // A list of choices with the one that holds marked says that one; with none marked, no status.
  const choice = status && statusChoices(status.lines);
  const choices = choice && 'unmarked' in choice ? choice.unmarked : undefined;
  const statusLines = choice && 'marked' in choice ? [choice.marked] : (status?.lines ?? []);
  const classified = choices ? { status: 'unknown' as const, text: '', links: [] } : classifyStatus(statusLines);
  // A history's latest entry decides the status: warnings point at it, the history quoted as written.
  const latest = 'latest' in classified ? classified.latest : undefined;
  const statusHistory = latest && {
    latest: quotedHistoryLine(latest.text) ?? latest.text.trim(),
    entries: statusLines.flatMap(({ text }) => quotedHistoryLine(text) ?? []).join('; '),
  };
  // A date in the status line ("Accepted on 2024-03-01") is the decision's when nothing else dates
  // it; a `Created:` field (straw-hat-team/adr) when not even that does.
  const dateSource =
    written ??
    (nameDate(named)
      ? undefined
      : (classified.date ??
        createdDate(lines, titleIndex >= 0 ? titleIndex : front.end - 1, front, drop, fenced, inline.columnTable)));
  const date = (dateSource && writtenDate(dateSource.text)) ?? nameDate(named);
  // A front matter's created field that does not date the decision (a `date:` beside it, the day it
  // was decided) is the day it was written: shown beside the date, as a `Created:` line beside a
  // `Date:` line stays in the body, rather than dropped with the front matter.
  const fields = [
    ...frontMatterFields(front.value, (key) => !(front.end && dateSource?.line === front.lineOf(key))),
    ...(inline.fields ?? []),
  ];
  // Several decisions under numbered headings, each with its status: a decision log, not one decision.
  const logged = status ? [] : decisionLog(lines, fenced);
  if (status && choices) {
    report({
      code: 'DG_ADR_PLACEHOLDER',
      severity: 'warning',
      message: `ADR ${number} (${fileName})'s status is still its template's list of choices "${choices}": shown as unknown`,
      location: { file, line: status.lines[0]?.line ?? line },
      hint:
        front.end && status.lines[0]?.line === front.lineOf('status')
          ? 'keep the one that holds: "status: accepted" (or proposed, rejected…)'
          : status.lines.length > 1
            ? 'mark the one that holds ("- [x] Accepted") or keep only it'
            : 'keep the one that holds: "Status: accepted" (or proposed, rejected…)',
    });
  } else if (!status && logged.length >= 2) {
    report(decisionLogWarning(file, fileName, logged, 'shown as one page, with no status of its own'));
  } else if (!status) {
    const misspelt = misspeltStatusHeading(lines, fenced);
    report({
      code: 'DG_ADR_STATUS',
      severity: 'warning',
      message: `ADR ${number} (${fileName}) has no status${misspelt ? `: its heading "${misspelt.text}" is no status section` : ''}`,
      location: { file, line: misspelt?.line ?? line },
      hint: misspelt
        ? `did you mean "${misspelt.meant}"? rename the heading`
        : front.end
          ? 'add "status: accepted" (or proposed, rejected…) to its front matter'
          : 'add a "## Status" section or a "- Status: accepted" line',
    });
  } else if (classified.status === 'unknown') {
    report({
      code: 'DG_ADR_STATUS',
      severity: 'warning',
      message: `ADR ${number} (${fileName}) has an unknown status ${quotedStatus({ statusText: classified.text, statusHistory })}`,
      location: { file, line: latest?.line ?? status.lines[0]?.line ?? line },
      hint: `use one of: ${ADR_STATUSES.join(', ')} (it is shown as written, in grey)`,
    });
  }

  // `* Updated Date: {UPDATE_DATE}`: a field the template left unfilled shows as written, so say so.
  for (const field of placeholderFields(lines, titleIndex >= 0 ? titleIndex : front.end - 1, drop, fenced)) {
    report({
      code: 'DG_ADR_PLACEHOLDER',
      severity: 'warning',
      message: `${fileName}'s "${field.key}" is still its template's placeholder "${field.placeholder}"`,
      location: { file, line: field.line },
      hint: 'fill it in, or remove the line',
    });
  }

  // A status line that says more than the header shows ("Accepted (the daily budget is amended by
  // [ADR-0036](…): now per week)") stays in the body too, rather than lose what it says.
  if (status?.taken && saysMoreThanStatus(status.lines.map(({ text }) => text).join(' ')))
    for (const i of status.taken) drop.delete(i);
  dropEmptiedMetadataSection(lines, drop);
  dropEmptiedCallouts(lines, drop);
  const bodyStart = titleIndex >= 0 ? (sectionFirst ? titleIndex - 1 : titleIndex) : front.end - 1;
  // What is left of a table of fields above the title (its other columns or rows) opens the body.
  const above = new Set(tableAboveTitle(lines, titleIndex));
  const kept = lines.flatMap((_, i) => (!drop.has(i) && (i > bodyStart || above.has(i)) ? [i] : []));
  const joined = kept.map((i) => lines[i]).join('\n');
  const leading = joined.match(/^\s*\n/)?.[0] ?? ''; // blank lines before the body starts
  const body = joined.slice(leading.length).replace(/\s+$/, '');
  const first = leading.split('\n').length - 1;
  const bodyLines = kept.slice(first, first + body.split('\n').length).map((i) => i + 1);
  return {
    line,
    dateLine: dateSource?.line,
    links: [
      ...classified.links,
      ...(inline.relations ?? []),
      ...linksSection(lines, fenced),
      ...frontMatterLinks(front, fileName, report),
    ],
    dayFirstLanguage: writesDayFirst(lines, named, classified.word),
    ...(classified.partly ? { partlySuperseded: true } : {}),
    record: {
      number,
      id: dated ? named.replace(/\.(?:md|markdown)$/i, '') : String(number),
      label: series ? series.label : String(number),
      title,
      status: classified.status,
      statusText: classified.text,
      ...(classified.word ? { statusWord: classified.word } : {}),
      statusLine: latest?.line ?? statusLines[0]?.line ?? line,
      ...(statusHistory ? { statusHistory } : {}),
      date,
      ...(fields.length ? { fields } : {}),
      ...(site ? { site } : {}),
      file,
      fileName,
      body: body.trim() ? `${body}\n` : '',
      bodyLines: body.trim() ? bodyLines : [],
      supersededBy: [],
      supersedes: [],
      amends: [],
      amendedBy: [],
    },
  };
}

/**
 * `2022-11: Resource Import` in `ADR-2022-11-Resource-Import.md`: the date its file name gives,
 * which the page is numbered by already, is no part of the title.
 */
function withoutNameDate(title: string, date: string | undefined | false): string {
  if (!date || !title.startsWith(date)) return title;
  const rest = /^[:.\s\-–—|]+(\S.*)$/.exec(title.slice(date.length));
  return rest ? rest[1]! : title;
}

/**
 * A title heading that starts with the decision's number, as logs write it: `5. Title`, `ADR-0005:
 * Title`, `ADR #8: Title`, `[ADR-0004] Title`, and, after a stop or a dash only, `AD-0012: Title`,
 * `Decision 15 - Title`, `Architecture Decision Record 10: Title` (`Decision 2FA for admins` is a
 * title). The number is one of groups 1 to 4, the title group 5.
 */
const NUMBERED_HEADING = new RegExp(
  String.raw`^(?:\[\s*(?:ADR|AD)[-\s#]*0*(\d+)\s*\](?:\s*[.:\-–—·•|])?|ADR[-\s#]*0*(\d+)(?:\s*[.:)\-–—·•|])?|(?:AD|(?:Architecture\s+)?Decision(?:\s+Record)?)[-\s#]*0*(\d+)\s*[.:)\-–—·•|]|0*(\d+)\s*[.:)\-–—·•|])\s+(.+)$`,
  'i',
);

/**
 * A decision of a decision log, a file that keeps several (`## 1. Run services on Kubernetes`, then
 * its own `Status: Accepted`): a numbered level-2 heading (`## 2. …`, `## ADR-2: …`, `## 2 - …`).
 */
const LOGGED_DECISION = /^\s{0,3}##\s+(?:ADR[-\s]?)?0*(\d+)(?:\.|:|\s[-–—:])\s*(\S.*?)\s*#*\s*$/i;

/**
 * The decisions of a file that keeps several under numbered `##` headings, each saying its status
 * (a `Status:` line or a `### Status` section): empty for a decision whose sections are numbered
 * (`## 1. Option A` among its options says no status).
 */
/**
 * A heading a letter or two off "Status" (`## Stauts`, `## Satus`), outside code, whose first line
 * is a status (`Accepted`; not a "## States" section): the status is under it, read as a section of
 * the decision. Its line, text, and the heading meant.
 */
function misspeltStatusHeading(
  lines: string[],
  fenced: Set<number>,
): { line: number; text: string; meant: string } | undefined {
  for (const [index, text] of lines.entries()) {
    const heading = /^(#{1,6})\s+([A-Za-z]+)\s*:?\s*$/.exec(text);
    if (!heading || fenced.has(index) || heading[2]!.toLowerCase() === 'status') continue;
    if (!closestName(heading[2]!.toLowerCase(), ['status'])) continue;
    const next = lines.slice(index + 1).findIndex((line) => line.trim() !== '');
    const first = next === -1 ? undefined : { text: lines[index + 1 + next]!.trim(), line: index + 2 + next };
    if (first && classifyStatus([first]).status !== 'unknown')
      return { line: index + 1, text: text.trim(), meant: `${heading[1]} Status` };
  }
  return undefined;
}

export function decisionLog(
  lines: string[],
  fenced: Set<number>,
): Array<{ number: number; title: string; line: number }> {
  const headings = lines.flatMap((text, i) => {
    const match = fenced.has(i) ? null : LOGGED_DECISION.exec(text);
    return match ? [{ number: Number(match[1]), title: plainTitle(match[2]!), line: i + 1 }] : [];
  });
  const saysStatus = (from: number) => {
    for (let i = from; i < lines.length && !/^\s{0,3}#{1,2}\s/.test(lines[i]!); i++) {
      const meta = !fenced.has(i) && metaLine(lines[i]!);
      if ((meta && meta[1]!.toLowerCase() !== 'date') || /^\s{0,3}###\s+status\b/i.test(lines[i]!)) return true;
    }
    return false;
  };
  return headings.every((heading) => saysStatus(heading.line)) ? headings : [];
}

/**
 * A decision log is shown as one page, as written, with this warning: its decisions are read as one
 * each only from files of their own (see the README's "A file of several decisions").
 */
export function decisionLogWarning(
  file: string,
  fileName: string,
  decisions: Array<{ number: number; title: string; line: number }>,
  outcome: string,
): Diagnostic {
  const headings = decisions.map(({ number, title }) => `"## ${number}. ${title}"`);
  const files = decisions.map(
    ({ number, title }) => `${String(number).padStart(4, '0')}-${slugOf(title.replace(/['’]/g, ''))}.md`,
  );
  return {
    code: 'DG_ADR_DECISION_LOG',
    severity: 'warning',
    message: `${fileName} keeps ${decisions.length} decisions (${headings.slice(0, 3).join(', ')}${decisions.length > 3 ? ', …' : ''}): ${outcome}`,
    location: { file, line: decisions[0]!.line },
    hint: `keep each decision in a file of its own, its heading the title ("# ${decisions[0]!.number}. ${decisions[0]!.title}") and its Status: line under it: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`,
  };
}
