import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  codeFrame,
  DocgenError,
  fixOptionHint,
  parseStructured,
  type Diagnostic,
  type OptionOrigin,
  type SourceLocation,
} from '@docgen/core';
import {
  ADR_STATUSES,
  type AdrCategory,
  type AdrModel,
  type AdrRecord,
  type AdrRelation,
  type AdrStatus,
  type SitePageNames,
} from './model.js';

/**
 * ADR folder → AdrModel. Reads the two formats found in the wild:
 *
 *   adr-tools / Nygard            MADR
 *   # 1. Record decisions         ---                      (or)  # Use PostgreSQL
 *   Date: 2024-01-02              status: accepted               * Status: accepted
 *   ## Status                     date: 2024-01-02               * Date: 2024-01-02
 *   Accepted                      ---
 *   Supersedes [1. …](0001-….md)  # Use PostgreSQL
 *
 * The number comes from the file name (`0005-…md`), else from the heading (`# 5. …`, `# ADR-5: …`).
 * A "Superseded by" / "Supersedes" link (or plain "ADR 5") becomes a relation, recorded on both
 * ADRs. Fatal problems throw DocgenError with file:line; the rest go to `report`.
 */
export interface ExtractAdrOptions {
  report?: (diagnostic: Diagnostic) => void;
  /** Where the `dir` option was written (the config file and line), for a missing folder. */
  location?: SourceLocation;
  /** Where the folder was given (`--dir`, or the config key), for the hint of a missing folder. */
  origin?: OptionOrigin;
}

/**
 * Files in an ADR folder that are not decisions: a README or index (`000-index.md` too, numbered to
 * sort first, as DependencyTrack/hyades keeps it), and templates, however named
 * (MADR ships `adr-template.md`, `adr-template-minimal.md`, `adr-template-bare.md`; others keep
 * `0000-template.md`, `0000-adr-template.md` or `adr000-template.md` so it sorts first, or a
 * second one, `adr-short-template.md`). A decision about templates has a number first.
 */
const NOT_DECISIONS =
  /^(?:(?:0+[-_])?(?:readme|index)|_.*|(?:adr[-_ ]?)?(?:0+[-_ ])?(?:adr[-_ ]?)?template\b.*|[a-z][a-z-_]*[-_]template)\.(?:md|markdown)$/i;

/**
 * Words people use for the known statuses (English, and the stems of a few other languages'),
 * and the lifecycle of EIPs and PEPs, which some ADR logs follow (decentraland/adr: Draft, Review,
 * Last Call, Final, Living, Stagnant, Withdrawn): a stalled or deferred proposal is still one, a
 * withdrawn one is rejected by its author.
 */
const SYNONYMS: Record<string, AdrStatus> = {
  draft: 'proposed',
  proposal: 'proposed',
  open: 'proposed',
  review: 'proposed',
  reviewing: 'proposed',
  stagnant: 'proposed',
  deferred: 'proposed',
  approved: 'accepted',
  final: 'accepted',
  living: 'accepted',
  active: 'accepted',
  declined: 'rejected',
  withdrawn: 'rejected',
  obsolete: 'deprecated',
  replaced: 'superseded',
};
/** Beginnings of status words: `accepte` (fr), `aceit` (pt), `acept` (es), `akzept` (de), `geaccept` (nl), `propos`, `propuest`, `rechaz`, `rejet`… */
const STEMS: Array<[RegExp, AdrStatus]> = [
  // …and, read without accents, Polish (`zaakceptowane`, `przyjęte`), the Scandinavian languages
  // (`akseptert`, `godkjent`, `godkänd`, `beslutad`), Turkish (`kabul`), Finnish (`hyväksytty`) and Czech (`schváleno`).
  [
    /^(accept|acept|aceit|accett|angenommen|akzept|genehmigt|geaccept|aprobad|aprovad|approvat|zaakceptowan|przyjet|zatwierdzon|aksept|godkjen|godkend|godkand|beslut|kabul|hyvaksytty|prijat|schvalen)/,
    'accepted',
  ],
  [
    /^(propos|propuest|vorgeschlagen|entwurf|voorgesteld|proponowan|zaproponowan|foresla|onerildi|ehdotettu|navrzen|in$|under$|last$)/,
    'proposed',
  ],
  [
    /^(reject|rejet|rechaz|rejeit|rifiut|abgelehnt|afgewez|odrzucon|avvis|avsla|afvist|reddedildi|hylatty|zamitnut)/,
    'rejected',
  ],
  [/^(deprec|obsolet|desuso|veraltet|przestarza|utfas|foraldrad|foraeldet)/, 'deprecated'],
  [
    /^(supersed|superced|remplac|substitu|sustitu|sostitu|reemplaz|ersetzt|abgelost|vervang|zastapion|erstatt|ersatt)/,
    'superseded',
  ],
];

function statusOf(word: string): AdrStatus | undefined {
  if ((ADR_STATUSES as readonly string[]).includes(word)) return word as AdrStatus;
  return SYNONYMS[word] ?? STEMS.find(([stem]) => stem.test(word))?.[1];
}

/**
 * Status words of Japanese, Chinese and Korean ADR logs, which a Latin stem cannot read
 * (`採用済み`, `提案`, `已接受`, `已废弃`, `승인`): the word the status line starts with.
 */
const CJK_STATUSES: Array<[RegExp, AdrStatus]> = [
  [/^(?:採用|承認|受理|決定|已接受|接受|已采纳|采纳|已批准|批准|승인|채택|수락|결정)/u, 'accepted'],
  [/^(?:提案|検討中|審議中|草案|下書き|提议|建议|草稿|讨论中|제안|검토\s*중|초안)/u, 'proposed'],
  [/^(?:却下|不採用|已拒绝|拒绝|驳回|거부|기각|반려)/u, 'rejected'],
  [/^(?:廃止|非推奨|已废弃|废弃|弃用|已弃用|폐기|사용\s*중단)/u, 'deprecated'],
  [/^(?:置換|置き換え|代替済|已取代|被取代|已替代|대체)/u, 'superseded'],
  // Russian and Ukrainian (`Принято`, `Прийнято`, `Утверждено`, `Отклонено`, `Заменено`…).
  [/^(?:принят|утвержд[её]н|одобрен|согласован|прийнят|затверджен|схвален|погоджен)/iu, 'accepted'],
  [/^(?:предложен|черновик|на\s+рассмотрении|обсужда|запропонован|пропозиц|чернетк|на\s+розгляді)/iu, 'proposed'],
  [/^(?:отклон[её]н|отвергнут|відхилен)/iu, 'rejected'],
  [/^(?:устар|не\s+используется|застар|не\s+використову)/iu, 'deprecated'],
  [/^(?:замен[её]н|замещ[её]н|заміщен|замінен)/iu, 'superseded'],
];

function cjkStatus(text: string): AdrStatus | undefined {
  return CJK_STATUSES.find(([word]) => word.test(text))?.[1];
}

/** `採用 (Accepted)`: a known status word in brackets after one in another script. */
function statusInBrackets(text: string): AdrStatus | undefined {
  const word = /\(([A-Za-z]+)\)/.exec(text)?.[1]?.toLowerCase();
  return word ? statusOf(word) : undefined;
}

/**
 * "Superseded by" as ADR logs write it ("Replaced by" too, and "Superceded by", as adr-tools spells it), in English and a few other languages (`Abgelöst durch`,
 * `Reemplazado por`, `Remplacé par`…), read without accents.
 */
const SUPERSEDED_BY =
  /^(?:(?:super[sc]eded|replaced)\s+by|(?:abgel(?:oe|o)st|ersetzt)\s+durch|(?:reemplazad|sustituid|substituid)[oa]\s+por|remplacee?\s+par|sostituit[oa]\s+da|vervangen\s+door)\b/i;

/**
 * A Markdown link's destination: `<0007 use postgres.md>` in angle brackets (how a file name with
 * spaces is linked), else a run without spaces (`0007-use-postgres.md`, `0007%20use%20postgres.md`).
 */
const LINK_DESTINATION = String.raw`(?:<([^>\n]+)>|([^)\s<>]+))`;
/** Every link's destination in a line, its title (`"…"`) aside. */
const LINK_TARGETS = new RegExp(String.raw`\]\(\s*${LINK_DESTINATION}(?:\s+"[^"]*")?\s*\)`, 'g');

/** Dates in a status line (`Superseded by 0080, 2026-09-10`, `… 2016.03.01`): not ADR numbers. */
const DATES = /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;

interface StatusLink {
  relation: AdrRelation;
  /** A file link target, or an ADR number written as text ("ADR 5"). */
  target: string | number;
  line: number;
  /**
   * A front matter's value (`superseded_by: 9`). A number in a line's text (`Superseded by ADR-0008`,
   * `Replaced by #12`) that the folder does not hold may name a decision kept elsewhere, or removed,
   * so it is a warning; a front matter's field names one of this folder, so it is an error.
   */
  inFrontMatter?: true;
  /**
   * The front-matter key of a value that names a decision by its slug (`superseded_by: use-rest`):
   * the file name without its number, or the title's slug. One that names none is a warning.
   */
  slugKey?: string;
}

interface ParsedAdr {
  record: AdrRecord;
  /** Line of the title heading (1-based). */
  line: number;
  /** Line the date is written at (1-based), when a line of the file gives it. */
  dateLine?: number;
  links: StatusLink[];
  /** The file is written in a language whose dates are day first (`## Kontext`, `Akzeptiert`): 07.08.2026 is 7 August. */
  dayFirstLanguage: boolean;
  /** Its status line says a part of it only is replaced (`Accepted (superseded by ADR 10 for secrets)`): it stands. */
  partlySuperseded?: boolean;
}

/** A status link of `record` to a Markdown file of another folder, resolved once every folder is read. */
interface CrossLink {
  record: AdrRecord;
  /** The record's status line says a part of it only is replaced: a "Superseded by" leaves its status. */
  partly?: boolean;
  link: StatusLink & { target: string };
  /** The linked file's absolute path. */
  path: string;
}

export function extractAdrs(dir: string, options: ExtractAdrOptions = {}): AdrModel {
  const report = options.report ?? (() => undefined);
  const location = options.origin ? options.origin.location : options.location;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DocgenError({
      code: 'DG_ADR_DIR',
      message: `ADR folder ${dir} ${existsSync(dir) ? 'is not a folder' : 'does not exist'}`,
      location,
      hint: `${fixOptionHint(options.origin, 'dir', 'the folder of your ADR Markdown files')} (adr-tools: doc/adr, MADR: docs/decisions)`,
    });
  }
  const crossLinks: CrossLink[] = [];
  const folders = listFolders();
  const site: SiteFiles = {
    files: once(() => decisionFilesBelow(folders, dir)),
    names: cachedBy(sitePageNamesOfFile),
  };
  const categories = folders.subfolders(dir).flatMap((sub) => categoryAt(folders, dir, sub, report, crossLinks, site));
  const model = readFolder(folders, dir, report, crossLinks, site, categories.length > 0, {
    location,
    origin: options.origin,
  });
  linkAcrossFolders(crossLinks, [model, ...categories], report);
  return categories.length ? { ...model, categories } : model;
}

/** What a site-style link may name: the decision files below the ADR folder, and the names their front matter gives their pages. */
interface SiteFiles {
  files: () => readonly string[];
  names: (file: string) => SitePageNames | undefined;
}

/**
 * The ADR folder's tree as one run reads it: each folder is listed once, and what a listing says
 * (its decision files, its decision folders, whether it holds decisions) is worked out once, however
 * many times reading the folder, its parent's categories and site links ask. Made for each run, so
 * a later run sees the files as they are then.
 */
interface Folders {
  entries(dir: string): Dirent[];
  decisionFiles(dir: string): string[];
  decisionFolders(dir: string): string[];
  subfolders(dir: string): string[];
  holdsDecisions(dir: string): boolean;
}

function listFolders(): Folders {
  const entries = cachedBy((dir) => readdirSync(dir, { withFileTypes: true }));
  const folders: Folders = {
    entries,
    decisionFiles: cachedBy((dir) => decisionFiles(dir, entries(dir))),
    decisionFolders: cachedBy((dir) => decisionFolders(folders, dir)),
    subfolders: cachedBy((dir) => subfolders(entries(dir))),
    holdsDecisions: cachedBy((dir) => holdsDecisions(folders, dir)),
  };
  return folders;
}

/** `make`'s value for each key, made the first time that key is asked for. */
function cachedBy<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** `make`'s value, made the first time it is asked for. */
function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/**
 * The files of the ADR folder and of its categories that may be decisions, absolute paths, as
 * `categoryAt` finds them: what a site-style link (`./0005-use-postgres`) may name.
 */
function decisionFilesBelow(folders: Folders, root: string, sub = ''): string[] {
  const dir = join(root, sub);
  const own = translationsApart(folders.decisionFiles(dir)).decisions;
  const nested = folders
    .subfolders(dir)
    .flatMap((inner) => decisionFilesBelow(folders, root, sub ? `${sub}/${inner}` : inner));
  const read = !sub || own.some((name) => numberPrefix(name) !== undefined);
  return [...(read ? own.map((name) => join(dir, name)) : []), ...nested];
}

/**
 * One folder's decisions, related among themselves; links to other folders' go to `crossLinks`.
 * `site` has every folder's decision files, for site-style links (`./0005-use-postgres`).
 */
function readFolder(
  folders: Folders,
  dir: string,
  report: (diagnostic: Diagnostic) => void,
  crossLinks: CrossLink[],
  site: SiteFiles,
  hasCategories: boolean,
  given?: { location?: SourceLocation; origin?: OptionOrigin },
): AdrModel {
  const { decisions: ownFiles, translations } = translationsApart(folders.decisionFiles(dir));
  const files = [...ownFiles, ...folders.decisionFolders(dir)];
  if (translations.length)
    report({
      code: 'DG_ADR_TRANSLATION',
      severity: 'warning',
      message: `${translations.length} decision${translations.length > 1 ? 's have a translation' : ' has a translation'} beside ${translations.length > 1 ? 'them' : 'it'} (${translations.slice(0, 3).join(', ')}${translations.length > 3 ? ', …' : ''}): each page shows the original, not its translation`,
      location: { file: join(dir, translations[0]!) },
      hint: `keep the translations in a folder of their own (${[...new Set(translations.map((name) => `${languageOf(name)}/`))].join(', ')} beside the decisions): each is then a log of its own`,
    });
  const parsed = files.flatMap((name) => parseOrSkip(dir, name, report));
  numberByDate(parsed.map((adr) => adr.record));
  readLocalDates(parsed, report);

  const byNumber = new Map<number, ParsedAdr>();
  const numbered = parsed.filter((adr) => !datedName(adr.record.fileName));
  const nextFree = Math.max(0, ...numbered.map((adr) => adr.record.number)) + 1;
  for (const adr of parsed) {
    const first = byNumber.get(adr.record.number);
    if (first) {
      // `ADR-IDENTITY-0007-…` beside `ADR-STORAGE-0007-…`: two series, each numbered apart.
      const series = [adr, first].map((one) => seriesOf(one.record.fileName)?.label.replace(/-\d+$/, ''));
      throw new DocgenError({
        code: 'DG_ADR_DUPLICATE',
        message: `${adr.record.fileName} and ${first.record.fileName} are both ADR ${adr.record.number}${series[0] && series[1] && series[0] !== series[1] ? `: their series (${series[1]}, ${series[0]}) are numbered apart, and one folder's decisions are one series` : ''}`,
        location: { file: adr.record.file, line: adr.line },
        hint:
          series[0] && series[1] && series[0] !== series[1]
            ? `keep each series in a folder of its own (${series[1].toLowerCase()}/, ${series[0].toLowerCase()}/): each is then a log of its own, with its own numbers`
            : `give one of them the next free number (${nextFree}) in its file name and heading; numbers identify the pages`,
      });
    }
    byNumber.set(adr.record.number, adr);
  }
  if (!parsed.length && !hasCategories) {
    report({
      code: 'DG_ADR_EMPTY',
      severity: 'warning',
      // Markdown files all skipped (notes, a README) are not "no files": the message said there were none.
      message: files.length
        ? `no decisions in ${dir}: its ${files.length === 1 ? 'Markdown file was' : `${files.length} Markdown files were`} skipped as not decisions (DG_ADR_SKIPPED says why)`
        : `no ADR files (*.md) in ${dir}`,
      location: given?.location ?? { file: dir },
      hint: `the ADR log page is rendered empty: if the decisions are elsewhere, ${fixOptionHint(given?.origin, 'dir', 'their folder')}`,
    });
  }

  const byFile = new Map(parsed.map((adr) => [adr.record.fileName, adr]));
  // A decision kept in a folder of its own is linked by its README or by its folder (`../0002/`).
  const byPath = new Map(
    parsed.flatMap((adr) => [
      [resolve(adr.record.file), adr] as const,
      ...(inDecisionFolder(adr.record.fileName) ? [[resolve(dirname(adr.record.file)), adr] as const] : []),
    ]),
  );
  // "Superseded by 20201016" names a log4brains record by its date, when that day has one.
  const byDay = new Map<number, ParsedAdr[]>();
  for (const adr of parsed.filter((adr) => datedName(adr.record.fileName)))
    byDay.set(Number(adr.record.label), [...(byDay.get(Number(adr.record.label)) ?? []), adr]);
  const byDate = (day: number) => (byDay.get(day)?.length === 1 ? byDay.get(day)![0] : undefined);
  const bySlug = slugResolver(parsed);
  // Decisions that name their successor themselves (a front-matter `superseded_by`, a field or a `## Links` item).
  const namingSuccessor = new Set<AdrRecord>();
  for (const adr of parsed) {
    for (const link of adr.links) {
      let target =
        typeof link.target === 'number'
          ? (byNumber.get(link.target) ?? byDate(link.target))
          : (byFile.get(linkedFileName(link.target, adr.record.file, dir) ?? '') ??
            byPath.get(linkedPath(link.target, adr.record.file) ?? ''));
      // A front matter's slug (`superseded_by: use-rest`): this folder's decision named so, by file or title.
      if (!target && link.slugKey) target = bySlug(link.target as string);
      // A site's link, without `.md` (`./0005-use-postgres`, `/docs/adr/0005-use-postgres/`): the
      // one decision file it names, in this folder or another.
      const sitePath =
        !target && typeof link.target === 'string' ? siteLinkTarget(link.target, site.files(), site.names) : undefined;
      if (sitePath && resolve(dirname(sitePath)) === resolve(dir)) target = byFile.get(basename(sitePath));
      else if (sitePath) {
        crossLinks.push({
          record: adr.record,
          link: { ...link, target: link.target as string },
          path: sitePath,
          partly: adr.partlySuperseded,
        });
        continue;
      }
      // A front matter's slug that names no decision here nor elsewhere: a warning, as before slugs were read.
      if (!target && link.slugKey) {
        report(slugNamesNone(adr, link));
        continue;
      }
      // A decision of another subfolder (`../backend/0005-….md`), MADR's category logs: related
      // once every folder is read.
      if (!target && typeof link.target === 'string' && elsewhere(link.target, adr.record.file)) {
        const path = linkedPath(link.target, adr.record.file)!;
        crossLinks.push({
          record: adr.record,
          link: { ...link, target: link.target },
          path,
          partly: adr.partlySuperseded,
        });
        continue;
      }
      // A decision of another repository or site (`Superseded by [ADR 5](https://…)`): its own log's.
      if (!target && typeof link.target === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(link.target)) {
        report({
          code: 'DG_ADR_LINK',
          severity: 'warning',
          message: `ADR ${adr.record.label} relates ${link.target}, a decision elsewhere: shown as written, not as a relation`,
          location: { file: adr.record.file, line: link.line },
          hint: 'link the file of a decision in this folder to relate the two here',
        });
        continue;
      }
      if (!target && (link.relation === 'amends' || link.relation === 'amendedBy')) {
        report({ ...missingLink(adr, link, files).toJSON(), severity: 'warning' });
        continue;
      }
      if (!target && typeof link.target === 'number' && !link.inFrontMatter) {
        report({
          ...missingLink(adr, link, files).toJSON(),
          severity: 'warning',
          hint: `write the number of an ADR of this folder (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}), or link the decision where it is kept; it is not shown as a relation`,
        });
        continue;
      }
      if (!target) throw missingLink(adr, link, files);
      if (target === adr) continue;
      if (link.relation === 'supersededBy' && !adr.partlySuperseded) namingSuccessor.add(adr.record);
      // `from` is changed by `to`: superseded (replaced) or amended (changed in part).
      const reversed = link.relation === 'supersededBy' || link.relation === 'amendedBy';
      const [from, to] = reversed ? [adr.record, target.record] : [target.record, adr.record];
      if (link.relation === 'supersededBy' || link.relation === 'supersedes') {
        from.supersededBy.push(to.number);
        to.supersedes.push(from.number);
      } else {
        from.amendedBy.push(to.number);
        to.amends.push(from.number);
      }
    }
  }
  const records = parsed.map(({ record }) => record).sort((a, b) => a.number - b.number);
  for (const record of records) {
    record.supersededBy = [...new Set(record.supersededBy)].sort((a, b) => a - b);
    record.supersedes = [...new Set(record.supersedes)].sort((a, b) => a - b);
    record.amends = [...new Set(record.amends)].sort((a, b) => a - b);
    record.amendedBy = [...new Set(record.amendedBy)].sort((a, b) => a - b);
    if (namingSuccessor.has(record)) showSuperseded(record);
    // "Superseded by" is the status whatever else the file says, once another ADR replaces it.
    if (
      record.supersededBy.length &&
      record.status !== 'superseded' &&
      record.status !== 'deprecated' &&
      record.status !== 'rejected'
    ) {
      report({
        code: 'DG_ADR_SUPERSEDED_STATUS',
        severity: 'warning',
        message: `ADR ${record.label} is superseded by ADR ${record.supersededBy.map((number) => byNumber.get(number)!.record.label).join(', ')} but its status says "${record.statusText || 'nothing'}"`,
        location: { file: record.file, line: record.statusLine },
        // The link as written in its file: a decision folder's README (`0001/README.md`) links `../0002/README.md`.
        hint: `set its status to "Superseded by [ADR ${byNumber.get(record.supersededBy[0]!)!.record.label}](${relative(dirname(record.file), byNumber.get(record.supersededBy[0]!)!.record.file).split('\\').join('/')})"`,
      });
    }
  }
  return { dir, records };
}

/**
 * A file of the folder → its decision; or nothing, with a warning, for a note that is no decision
 * (`overview.md` with a diagram of the log, as mariushart/adr keeps one): no number in its name or
 * heading, and no status. One that has a status is a decision without its number: an error.
 */
function parseOrSkip(dir: string, name: string, report: (diagnostic: Diagnostic) => void): ParsedAdr[] {
  const file = join(dir, name);
  const text = readFileSync(file, 'utf8');
  try {
    return [parseAdr(file, text, report, name)];
  } catch (error) {
    const unnumbered = error instanceof DocgenError && ['DG_ADR_NUMBER', 'DG_ADR_TITLE'].includes(error.code);
    // A folder named by a slug, whose README says a status but no number (`use-rest/README.md`):
    // skipped with a warning, as such a folder was before decision folders were read.
    if (unnumbered && error.code === 'DG_ADR_NUMBER' && inDecisionFolder(name)) {
      report({ ...error.toJSON(), severity: 'warning', message: `${error.message}: skipped` });
      return [];
    }
    // A decision log named as one (`decision-log.md`), its decisions numbered in it: nothing to number
    // it by, so it is skipped, with how to split it, rather than stop the run.
    const lines = text.split(/\r?\n/);
    const logged = unnumbered && error.code === 'DG_ADR_NUMBER' && decisionLog(lines, fencedLines(lines));
    if (logged && logged.length >= 2) {
      report(decisionLogWarning(file, basename(file), logged, 'skipped'));
      return [];
    }
    if (!unnumbered || numberPrefix(basename(file)) !== undefined || mentionsStatus(text)) throw error;
    report({
      code: 'DG_ADR_SKIPPED',
      severity: 'warning',
      message: `${basename(file)} has no ADR number and no status: not a decision, skipped`,
      location: { file, line: 1 },
      hint: `if it is a decision, number it (e.g. 0005-${basename(file)}) and give it a status; if it is a note about the log, name it README.md or keep it outside the ADR folder`,
    });
    return [];
  }
}

/** Whether a file says a status anywhere a decision does: a status line or table row, a `## Status` section, front matter. */
function mentionsStatus(text: string): boolean {
  return text
    .split(/\r?\n/)
    .some(
      (line) =>
        STATUS_HEADING.test(line) ||
        /^\s*(?:[-*+>]\s+)?(?:\*\*|__|[*_](?=s))?status(?:\*\*|__|[*_])?\s*:/i.test(line) ||
        /^\s*\|\s*(?:\*\*|__)?status(?:\*\*|__)?\s*\|/i.test(line),
    );
}

/** The Markdown files of a folder (`dir`, listed as `entries`) that may be decisions (not a README, an index or a template), by name. */
function decisionFiles(dir: string, entries: Dirent[]): string[] {
  return entries
    .filter((entry) => /\.(md|markdown)$/i.test(entry.name) && !NOT_DECISIONS.test(entry.name))
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && statSync(join(dir, entry.name)).isFile()))
    .map((entry) => entry.name)
    .sort();
}

/** The file that holds a decision kept in a folder of its own. */
const FOLDER_DECISION_FILE = /^(?:readme|index)\.(?:md|markdown)$/i;

/**
 * Decisions kept each in a folder of its own (`0002/README.md`, `0003-use-rest/README.md`, as
 * straw-hat-team/adr keeps `adrs/<number>/README.md` beside its diagrams), by their path in `dir`.
 * A folder named by a number is one; a folder named by a slug is one when its README says a
 * status, as a decision does (a folder of notes or diagrams with a README is not). A folder that
 * holds numbered decision files is a category, not a decision; nor is a folder named by the number
 * of a decision file beside it (`0001/` by `0001-design-tokens.md`, as jaegertracing/jaeger-ui keeps
 * a decision's plans and audits): it is that decision's material.
 */
function decisionFolders(folders: Folders, dir: string): string[] {
  const fileNumbers = new Set(folders.decisionFiles(dir).map(numberPrefix));
  return folders.subfolders(dir).flatMap((name) => {
    if (fileNumbers.has(numberPrefix(`${name}.md`))) return [];
    const folder = join(dir, name);
    const file = folders
      .entries(folder)
      .map((entry) => entry.name)
      .find((entry) => FOLDER_DECISION_FILE.test(entry));
    if (!file || !statSync(join(folder, file)).isFile()) return [];
    if (folders.holdsDecisions(folder)) return [];
    const numbered = numberPrefix(`${name}.md`) !== undefined || NAME_DATE.test(name);
    const text = readFileSync(join(folder, file), 'utf8');
    return numbered || mentionsStatus(text) || STATE_LINE.test(text) ? [`${name}/${file}`] : [];
  });
}

/** A `- **State:** Draft` line, as straw-hat-team/adr states its decisions' status. */
const STATE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?state(?:\*\*|__)?\s*:/im;

/** Whether a decision's path in its folder is a decision folder's README (`0002/README.md`). */
function inDecisionFolder(name: string): boolean {
  return name.includes('/');
}

/**
 * The name a decision is numbered, dated and titled by: its file's, or its folder's for a decision
 * kept in a folder of its own (`0002/README.md` → `0002.md`, `0003-use-rest/README.md` →
 * `0003-use-rest.md`).
 */
function namingName(name: string): string {
  return inDecisionFolder(name) ? `${name.slice(0, name.indexOf('/'))}.md` : name;
}

/** A file name's language code after its decision's name: `de` in `0004-x-de.md`, `pt-BR` in `0005-x.pt-BR.md`. */
const LANGUAGE_SUFFIX = /^(.*)[-_.]([a-z]{2}(?:[-_][A-Z]{2})?)\.(?:md|markdown)$/;

/**
 * A translation of a decision kept beside it (`0004-x-de.md` by `0004-x.md`, as
 * StefanMoCoAt/Meldestelle keeps German and English side by side) is not a second ADR 4. A
 * translation alone (no `0008-x.md` beside `0008-x-de.md`) is the decision.
 */
function translationsApart(names: string[]): { decisions: string[]; translations: string[] } {
  const stems = new Set(names.map((name) => name.replace(/\.(?:md|markdown)$/i, '')));
  // log4brains' records of one day (`20200925-use-react.md`, `20200925-use-react-js.md`) are two decisions.
  const translations = names.filter((name) => !datedName(name) && stems.has(LANGUAGE_SUFFIX.exec(name)?.[1] ?? ''));
  return { decisions: names.filter((name) => !translations.includes(name)), translations };
}

function languageOf(name: string): string {
  return LANGUAGE_SUFFIX.exec(name)?.[2] ?? '';
}

/** Subfolders, by name, but not hidden ones (`.git`), `_drafts`-like ones or dependencies. */
function subfolders(entries: Dirent[]): string[] {
  return entries
    .filter((entry) => !/^[._]/.test(entry.name) && entry.name !== 'node_modules')
    .filter((entry) => entry.isDirectory() && !/\.(md|markdown)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The number a file name starts with, without its zeros: `0007-…`, `adr-007-…`, `ADR005-…` (as
 * some teams name them), with spaces too (`0007 use postgres.md`, `ADR 12 - title.md`, as files
 * made outside adr-tools are named), log4brains' `20200925-…` (a date, read as such by
 * `datedName`). The one reading of a number prefix, for a folder's files, the number after a date
 * and categories alike.
 */
function numberPrefix(name: string): string | undefined {
  return /^(?:adr[-_ ]?)?0*(\d+)(?=[-_. ])/i.exec(name)?.[1];
}

/**
 * A decision numbered within a series its name gives (`ADR-STORAGE-0007-metadata-first.md`, as logs
 * that number each area apart name them): its number (`7`) and the label it is shown with
 * (`STORAGE-0007`). The series starts with a letter: `adr-007-…` is numbered as any file is.
 */
function seriesOf(name: string): { number: string; label: string } | undefined {
  // Series numbers are padded (`0007`, `012`): `adr-use-2-queues.md` is a slug, not series "use".
  const match = /^adr[-_]([a-z][a-z-]*?)[-_](0*(\d+))(?=[-_. ])/i.exec(name);
  if (match && match[2]!.length < 3) return undefined;
  return match ? { number: match[3]!, label: `${match[1]!.toUpperCase()}-${match[2]!}` } : undefined;
}

/** A heading's series before its number: `ADR-STORAGE-` of `ADR-STORAGE-0007 – Title`. */
const SERIES_HEADING = /^ADR[-_][A-Z][A-Z0-9]*(?:[-_][A-Z][A-Z0-9]*)*[-_](?=\d{3})/;

/**
 * Whether a folder holds decisions of its own: a file named like one (`0001-…`, `adr-001-…`), or a
 * decision kept in a folder (`0001-use-rest/README.md`). Such a folder is a category, not a decision.
 */
function holdsDecisions(folders: Folders, dir: string): boolean {
  return (
    folders.decisionFiles(dir).some((name) => numberPrefix(name) !== undefined || seriesOf(name) !== undefined) ||
    folders.decisionFolders(dir).length > 0
  );
}

/**
 * A subfolder holding decisions (a file named `0001-…` or `adr-001-…`, or decision folders only:
 * `backend/0001-use-rest/README.md`) is a category, read as an ADR folder of its own (MADR's
 * subfolders with local IDs; global ones work alike). Its own subfolders are categories beside it
 * (`backend/payments`). A folder of diagrams or notes, with no decision, is none, as before
 * categories were read.
 */
function categoryAt(
  folders: Folders,
  root: string,
  sub: string,
  report: (diagnostic: Diagnostic) => void,
  crossLinks: CrossLink[],
  site: SiteFiles,
): AdrCategory[] {
  const dir = join(root, sub);
  const nested = folders
    .subfolders(dir)
    .flatMap((inner) => categoryAt(folders, root, `${sub}/${inner}`, report, crossLinks, site));
  if (!folders.holdsDecisions(dir)) return nested;
  return [{ ...readFolder(folders, dir, report, crossLinks, site, false), name: sub }, ...nested];
}

/**
 * Status links between folders (`Superseded by [ADR 1](../backend/0001-….md)`) → relations on both
 * decisions, by file (each folder numbers its own), as `readFolder` records them within a folder.
 * A link to a file that is no decision of the ADR folder (a README, a folder not read) is a
 * warning: shown as written.
 */
function linkAcrossFolders(
  crossLinks: CrossLink[],
  folders: Array<AdrModel & { name?: string }>,
  report: (diagnostic: Diagnostic) => void,
): void {
  const byFile = new Map(folders.flatMap((folder) => folder.records.map((record) => [record.file, record] as const)));
  const folderOf = new Map(folders.flatMap((folder) => folder.records.map((record) => [record, folder.name] as const)));
  // `ADR 1 (backend)`: the folder tells two ADR 1s apart.
  const labelOf = (record: AdrRecord) =>
    `ADR ${record.label}${folderOf.get(record) ? ` (${folderOf.get(record)})` : ''}`;
  for (const { record, link, path, partly } of crossLinks) {
    const target = byFile.get(path);
    if (target && link.relation === 'supersededBy' && !partly) showSuperseded(record);
    if (!target) {
      report({
        code: 'DG_ADR_LINK',
        severity: 'warning',
        message: `${labelOf(record)} links ${link.target}, which is not a decision of this ADR folder: shown as written, not as a relation`,
        location: { file: record.file, line: link.line },
        hint: 'link to a decision file of the ADR folder or one of its subfolders, or remove the link',
      });
      continue;
    }
    // `from` is changed by `to`: superseded (replaced) or amended (changed in part).
    const reversed = link.relation === 'supersededBy' || link.relation === 'amendedBy';
    const [from, to] = reversed ? [record, target] : [target, record];
    const replaced = link.relation === 'supersededBy' || link.relation === 'supersedes';
    relateElsewhere(from, replaced ? 'supersededBy' : 'amendedBy', to.file);
    relateElsewhere(to, replaced ? 'supersedes' : 'amends', from.file);
  }
  for (const record of byFile.values()) {
    const by = record.elsewhere?.supersededBy?.[0];
    // Superseded within its folder too: `readFolder` has said so already.
    if (!by || record.supersededBy.length || ['superseded', 'deprecated', 'rejected'].includes(record.status)) continue;
    const replacing = byFile.get(by)!;
    report({
      code: 'DG_ADR_SUPERSEDED_STATUS',
      severity: 'warning',
      message: `${labelOf(record)} is superseded by ${record.elsewhere!.supersededBy!.map((file) => labelOf(byFile.get(file)!)).join(', ')} but its status says "${record.statusText || 'nothing'}"`,
      location: { file: record.file, line: record.statusLine },
      hint: `set its status to "Superseded by [${labelOf(replacing)}](${relative(dirname(record.file), replacing.file).split('\\').join('/')})"`,
    });
  }
}

/**
 * A decision that names its successor (`status: accepted` with `superseded_by: 12`, as a file
 * edited by hand keeps both) is superseded, whatever else its status says: the log shows where it
 * stands now. One only another decision says it replaces keeps its status, with a warning.
 */
function showSuperseded(record: AdrRecord): void {
  if (!REPLACEABLE.has(record.status)) return;
  record.status = 'superseded';
  delete record.statusWord;
}

/** Records that `record` relates to the decision of another folder at `file`, once, in path order. */
function relateElsewhere(record: AdrRecord, relation: AdrRelation, file: string): void {
  const elsewhere = (record.elsewhere ??= {});
  elsewhere[relation] = [...new Set([...(elsewhere[relation] ?? []), file])].sort();
}

/** A day at the start of a file name: `20200925-` (log4brains) or `2022-12-05_`. */
const NAME_DATE = /^((?:19|20)\d\d)(-?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])[-_]/;

/** The number after a date in a file name: `2022-12-05_002-…` (cardano-ledger, hydra). */
function numberAfterDate(fileName: string): string | undefined {
  const date = NAME_DATE.exec(fileName);
  return date ? numberPrefix(fileName.slice(date[0].length)) : undefined;
}

/** The date a file name starts with, `YYYY-MM-DD`. */
function nameDate(fileName: string): string | undefined {
  const match = NAME_DATE.exec(fileName);
  return match ? `${match[1]}-${match[3]}-${match[4]}` : undefined;
}

/**
 * `20200925-…md`, `2023-01-15-…md`: a record named by the day it was written, with no number
 * after the date (log4brains names them so).
 */
function datedName(fileName: string): { year: string; month: string; day: string } | undefined {
  const match = NAME_DATE.exec(fileName);
  return match && !numberAfterDate(fileName) ? { year: match[1]!, month: match[3]!, day: match[4]! } : undefined;
}

/**
 * log4brains records are identified by their file name, and two may share a day: each is
 * numbered by its date and its place in the day, by file name (`2020092500`, `2020092501`), so
 * that relations between numbers stay between the right two; the page is keyed by the file name.
 */
function numberByDate(records: AdrRecord[]): void {
  const places = new Map<string, number>();
  for (const record of records) {
    if (!datedName(record.fileName)) continue;
    const place = places.get(record.label) ?? 0;
    places.set(record.label, place + 1);
    record.number = Number(record.label) * 100 + place;
  }
}

/** Whether a relative link points at a Markdown file that exists outside the linking file's folder. */
function elsewhere(href: string, fromFile: string): boolean {
  const target = linkedPath(href, fromFile);
  return !!target && dirname(target) !== dirname(fromFile) && /\.(?:md|markdown)$/i.test(target) && existsSync(target);
}

/** The absolute path a relative link of `fromFile` points to; undefined for a URL or an anchor. */
export function linkedPath(href: string, fromFile: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  let path = href.split('#')[0]!.split('?')[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  return resolve(dirname(fromFile), path);
}

/**
 * The page name a site-style link gives, as Docusaurus and MkDocs sites link decisions, without
 * `.md`: `0005-use-postgres` in `./0005-use-postgres`, `../decisions/0005-use-postgres/`,
 * `/docs/adr/0005-use-postgres`, `0005-use-postgres/index.html`, and a file linked from the
 * repository's root (`/docs/adr/0005-use-postgres.md`). Undefined for a URL, an anchor, a relative
 * link to a Markdown file (read as a file link), or one that names no page (`./`, `..`).
 */
export function siteLinkName(href: string): string | undefined {
  return sitePath(href)?.at(-1);
}

/**
 * The path of the page a site-style link names, as segments (`['docs', 'adr', 'my-slug']` for
 * `/docs/adr/my-slug/`; `['my-id']` for `./my-id`), `.` and `..` left out; undefined as for
 * `siteLinkName`.
 */
function sitePath(href: string): string[] | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  let path = href.split('#')[0]!.split('?')[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  // `/docs/adr/0037-x.md`, from the repository's root as GitHub reads it: named as the site's are.
  if (/\.(?:md|markdown)$/i.test(path) && !path.startsWith('/')) return undefined;
  const segments = path
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(/\/+$/, '')
    .replace(/(?:^|\/)index(?:\.html?)?$/i, '')
    .replace(/\.html?$/i, '')
    .split('/');
  const last = segments.at(-1);
  if (!last || last === '.' || last === '..') return undefined;
  return segments.filter((segment) => segment && segment !== '.' && segment !== '..');
}

/**
 * The one decision file (of `files`, absolute paths) a site-style link names: by its file name
 * without `.md`, else by that name without its number (`use-postgres` for `0005-use-postgres.md`,
 * as Docusaurus drops number prefixes from its URLs). Undefined when none or several match: two
 * folders' `0001-use-x.md` are left as written rather than guessed.
 */
export function siteLinkTarget(
  href: string,
  files: readonly string[],
  namesOf: (file: string) => SitePageNames | undefined = () => undefined,
): string | undefined {
  const path = sitePath(href);
  const name = path?.at(-1);
  if (!path || !name) return undefined;
  const stem = (file: string) => basename(file).replace(/\.(?:md|markdown)$/i, '');
  const only = (matches: string[]) => (matches.length === 1 ? matches[0] : undefined);
  const exact = files.filter((file) => stem(file) === name);
  if (exact.length) return only(exact);
  // Docusaurus' front matter renames the page: `id: my-id` (`./my-id`), `slug: /adr/my-slug` (`/docs/adr/my-slug`).
  const renamed = files.filter((file) => namedBySite(path, namesOf(file)));
  if (renamed.length) return only(renamed);
  // `/adr/ADR-52`: a site that serves each decision at its number (decentraland/adr).
  const number = /^adr[-_ ]?0*(\d+)$/i.exec(name)?.[1];
  const numbered = number ? files.filter((file) => numberPrefix(basename(file)) === number) : [];
  if (numbered.length) return only(numbered);
  return only(files.filter((file) => stem(file).replace(DOCUSAURUS_NUMBER_PREFIX, '') === name));
}

/**
 * Whether a link's path names the page its front matter names: its last segment is the `id`, or
 * it and the `slug` end alike, the shorter one being the other's end (`/docs/adr/my-slug` and
 * `./my-slug` both name `slug: /adr/my-slug`, as the site serves it under its docs path).
 */
function namedBySite(path: string[], names: SitePageNames | undefined): boolean {
  if (!names) return false;
  if (names.id && path.at(-1) === names.id.split('/').pop()) return true;
  const slug = names.slug?.split('/').filter((segment) => segment && segment !== '.');
  if (!slug?.length) return false;
  const [shorter, longer] = slug.length <= path.length ? [slug, path] : [path, slug];
  return shorter.every((segment, i) => segment === longer[longer.length - shorter.length + i]);
}

/** The `id` and `slug` a decision's front matter gives its site's page; undefined without either. */
function sitePageNames(front: Record<string, unknown>): SitePageNames | undefined {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  const [id, slug] = [text(front.id), text(front.slug)];
  return id || slug ? { ...(id ? { id } : {}), ...(slug ? { slug } : {}) } : undefined;
}

/**
 * The site names of a decision file, from its front matter alone (a link may name a decision of a
 * folder not read yet); none when it has no front matter or one parseAdr will report.
 */
function sitePageNamesOfFile(file: string): SitePageNames | undefined {
  try {
    return sitePageNames(frontMatter(file, readFileSync(file, 'utf8').split(/\r?\n/), new Set()).value);
  } catch {
    return undefined;
  }
}

/** The number prefix Docusaurus drops from a doc's id and URL: `0005-`, `01_`, `2. `. */
const DOCUSAURUS_NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;

/** The file name inside `dir` a relative link points to, or undefined when it leaves the folder. */
export function linkedFileName(href: string, fromFile: string, dir: string): string | undefined {
  const target = linkedPath(href, fromFile);
  if (!target) return undefined;
  const inside = relative(dir, target);
  return inside && !inside.includes('/') && !inside.includes('\\') && !inside.startsWith('..') ? inside : undefined;
}

function missingLink(adr: ParsedAdr, link: StatusLink, files: string[]): DocgenError {
  const what = typeof link.target === 'number' ? `ADR ${link.target}` : link.target;
  const verb = {
    supersededBy: 'is superseded by',
    supersedes: 'supersedes',
    amendedBy: 'is amended by',
    amends: 'amends',
  }[link.relation];
  return new DocgenError({
    code: 'DG_ADR_LINK',
    message: `ADR ${adr.record.label} says it ${verb} ${what}, which is not an ADR in this folder`,
    location: { file: adr.record.file, line: link.line },
    excerpt: codeFrame(readFileSync(adr.record.file, 'utf8'), link.line),
    hint: `link to one of the ADR files (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}), or remove the link`,
  });
}

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

/** How many level-1 headings a file has outside code and front matter. */
function levelOneHeadings(lines: string[], fenced: Set<number>, drop: Set<number>): number {
  return lines.filter((line, i) => !drop.has(i) && !fenced.has(i) && /^\s{0,3}#\s+\S/.test(line)).length;
}

/** Whether a file name numbers or dates its decision (`0007-…`, `adr-007-…`, `20200925-…`): then it may title it too. */
function fileNamed(fileName: string): boolean {
  return numberPrefix(fileName) !== undefined || NAME_DATE.test(fileName);
}

/** `0007-release-process.md` → `Release process`: what a decision with no title is about. */
function titleFromFileName(fileName: string): string {
  const words = fileName
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(NAME_DATE, '')
    .replace(/^(?:adr[-_ ]?)?\d+[-_. ]*/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : fileName;
}

/**
 * A title still the template's: MADR's placeholders, a template's own name (`# ADR Template`, as
 * island-is/handbook's 0007-api-catalog-webframework.md was titled), `<short title of the
 * decision>`, `ADR-XXXX: …` (Altinn's template) or log4brains' `# Title`.
 */
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

  // The title: the first level-1 ATX heading outside code fences (or `title:` in front matter).
  const fenced = fencedLines(lines);
  const titleIndex = lines.findIndex((line, i) => !drop.has(i) && !fenced.has(i) && /^\s{0,3}#\s+\S/.test(line));
  const heading =
    titleIndex >= 0
      ? lines[titleIndex]!.replace(/^\s{0,3}#\s+/, '')
          .replace(/\s+#+\s*$/, '')
          .trim()
      : undefined;
  const frontTitle = typeof front.value.title === 'string' ? front.value.title.trim() : undefined;
  // `# ADR-STORAGE-0007 – Title`: numbered within a series, read as `# ADR-0007 – Title` is.
  const headingParts = (heading ?? frontTitle)
    ?.replace(SERIES_HEADING, 'ADR-')
    .match(/^(?:ADR[-\s]*0*(\d+)(?:\s*[.:)\-–—·•|])?|0*(\d+)\s*[.:)\-–—·•|])\s+(.+)$/i);
  let title = (headingParts?.[3] ?? heading ?? frontTitle)?.trim();
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
    (dated ? `${dated.year}${dated.month}${dated.day}` : (numberPrefix(named) ?? series?.number));
  // `# 26 Managed Prometheus` (ministryofjustice/cloud-platform): the file's number, written without
  // a stop, is the number and not the title's first word, when a capitalised title follows it.
  const bareNumber =
    !headingParts && fileNumber ? new RegExp(`^0*${Number(fileNumber)}\\s+(?=\\p{Lu})`, 'u') : undefined;
  const numbered = bareNumber?.exec(title);
  if (numbered) title = title.slice(numbered[0].length);
  title = plainTitle(title);
  if (isPlaceholderTitle(title)) {
    report({
      code: 'DG_ADR_PLACEHOLDER',
      severity: 'warning',
      message: `${fileName} is titled with the ADR template's placeholder "${title}"`,
      location: { file, line },
      hint: "write the decision's own title (and fill in or remove the rest of the template), or remove the file if it is no decision yet",
    });
  }
  const headingNumber = headingParts?.[1] ?? headingParts?.[2];
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
    report({
      code: 'DG_ADR_STATUS',
      severity: 'warning',
      message: `ADR ${number} (${fileName}) has no status`,
      location: { file, line },
      hint: front.end
        ? 'add "status: accepted" (or proposed, rejected…) to its front matter'
        : 'add a "## Status" section or a "- Status: accepted" line',
    });
  } else if (classified.status === 'unknown') {
    report({
      code: 'DG_ADR_STATUS',
      severity: 'warning',
      message: `ADR ${number} (${fileName}) has an unknown status "${classified.text}"`,
      location: { file, line: status.lines[0]?.line ?? line },
      hint: `use one of: ${ADR_STATUSES.join(', ')} (it is shown as written, in grey)`,
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
      statusLine: statusLines[0]?.line ?? line,
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

interface FrontMatter {
  /** The decision's file, where the front matter's lines are. */
  file: string;
  value: Record<string, unknown>;
  /** 1-based line of the closing `---` (0 without front matter): the body starts after it. */
  end: number;
  line: number;
  lineOf(key: string): number;
}

function frontMatter(file: string, lines: string[], drop: Set<number>): FrontMatter {
  const none: FrontMatter = { file, value: {}, end: 0, line: 0, lineOf: () => 1 };
  const open = afterLeadingComments(lines);
  if (lines[open]?.trim() !== '---') return none;
  const close = lines.findIndex((line, i) => i > open && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    throw new DocgenError({
      code: 'DG_ADR_FRONT_MATTER',
      message: `${basename(file)} opens front matter with --- but never closes it`,
      location: { file, line: open + 1 },
      hint: 'end the front matter with a line of ---',
    });
  }
  for (let i = 0; i <= close; i++) drop.add(i);
  // Leading blank lines keep YAML line numbers equal to the file's; excerpts quote the file.
  const document = parseStructured(
    `${'\n'.repeat(open + 1)}${lines.slice(open + 1, close).join('\n')}`,
    file,
    'yaml',
    'DG_ADR_FRONT_MATTER',
    lines.join('\n'),
  );
  const value =
    document.value && typeof document.value === 'object' && !Array.isArray(document.value)
      ? (document.value as Record<string, unknown>)
      : {};
  return {
    file,
    value,
    end: close + 1,
    line: open + 1,
    lineOf: (key) => document.locate(`/${key}`, true).line ?? 1,
  };
}

/**
 * The 0-based line after the comments and blank lines a file opens with: a licence comment
 * (`<!-- SPDX-License-Identifier: CC-BY-4.0 -->`, as REUSE-licensed projects head their MADR files)
 * or a `[//]: # (…)` note may stand before the front matter, as static-site generators read it.
 */
function afterLeadingComments(lines: string[]): number {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.trim();
    if (!line || /^\[\/\/\]:\s*#\s*(?:\(.*\)|".*"|'.*')$/.test(line)) i++;
    else if (line.startsWith('<!--')) {
      const end = lines.findIndex((text, j) => j >= i && text.includes('-->', j === i ? 4 : 0));
      if (end < 0) return i;
      i = end + 1;
    } else return i;
  }
  return i;
}

/**
 * Front-matter keys a reader is meant to see, by the label the page gives them: MADR's people
 * (3.0 `deciders`, 4.0 `decision-makers`, `consulted`, `informed`) and a one-line `description`
 * (Backstage's ADRs). Other keys (`id`, `slug`, `tags`) are a site generator's, not the decision's.
 */
const SHOWN_FIELDS: Record<string, string> = {
  deciders: 'Deciders',
  'decision-makers': 'Decision makers',
  consulted: 'Consulted',
  informed: 'Informed',
  description: 'Description',
  // When the record was last edited (MADR templates and log4brains write one of these): dropped
  // with the front matter before, it is the author's and a reader's "is this still current?".
  updated: 'Updated',
  'last-updated': 'Updated',
  last_updated: 'Updated',
  lastupdated: 'Updated',
  'last-modified': 'Updated',
  last_modified: 'Updated',
  lastmodified: 'Updated',
};

/**
 * The front matter's fields for readers, in its order: a text, a number, a date, or a list of them
 * (`[Ana, Ben]` → `Ana, Ben`); empty ones left out. A created field (`created: 2021-03-04`) is one
 * when `showsCreated` says so: when it does not date the decision already.
 */
function frontMatterFields(
  value: Record<string, unknown>,
  showsCreated: (key: string) => boolean,
): Array<{ label: string; value: string }> {
  return Object.entries(value).flatMap(([key, field]) => {
    const label = CREATED_KEY.test(key) ? (showsCreated(key) ? 'Created' : undefined) : SHOWN_FIELDS[key.toLowerCase()];
    // `created: 2026-06-01T09:00:00Z`, `updated: …`: a day, as the decision's date is shown.
    const day = label === 'Created' || label === 'Updated' ? (text: string) => writtenDate(text) ?? text : String;
    const items = (Array.isArray(field) ? field : [field]).flatMap((item) =>
      // `{list everyone involved in the decision}`: MADR's placeholder, left unfilled, says nothing.
      (typeof item === 'string' && item.trim() && !/^\{[^{}]*\s[^{}]*\}$/.test(item.trim())) || typeof item === 'number'
        ? [day(String(item).trim())]
        : item instanceof Date
          ? [item.toISOString().slice(0, 10)]
          : [],
    );
    return label && items.length ? [{ label, value: items.join(', ') }] : [];
  });
}

/**
 * Front-matter keys that relate decisions, as ADR tools and templates write them
 * (`supersedes: [ADR-0003]`, `superseded_by: 0007`, `superseded-by: 0007-x.md`, `supersededBy`,
 * `replaces`, `amends`, `amended-by`), by the relation each says; compared without case, `-` or `_`.
 */
const FRONT_MATTER_RELATIONS: Record<string, AdrRelation> = {
  supersedes: 'supersedes',
  replaces: 'supersedes',
  supersededby: 'supersededBy',
  replacedby: 'supersededBy',
  amends: 'amends',
  amendedby: 'amendedBy',
};

/** What a front matter writes for "none": an empty value, a dash, `none`, `n/a`. */
const NO_DECISION = /^(?:|[-–—~]|none|null|n\/?a|nothing)$/i;

/**
 * The relations a front matter states (a number, `ADR-0005`, a file name or a Markdown link, or a
 * list of them), each at its line, to be resolved as a status line's are. A value that names no
 * decision in any of those ways is a warning at its line, not a relation.
 */
function frontMatterLinks(
  front: FrontMatter,
  fileName: string,
  report: (diagnostic: Diagnostic) => void,
): StatusLink[] {
  const links: StatusLink[] = [];
  for (const [key, value] of Object.entries(front.value)) {
    const relation =
      FRONT_MATTER_RELATIONS[
        key
          .toLowerCase()
          .replace(/[-_\s]/g, '')
          .replace('superced', 'supersed')
      ];
    if (!relation) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const line = front.lineOf(Array.isArray(value) ? `${key}/${index}` : key);
      if (item === null || item === undefined) return;
      const text = String(item).trim();
      if (NO_DECISION.test(text)) return;
      const target = frontMatterTarget(text);
      if (target !== undefined) links.push({ relation, target, line, inFrontMatter: true });
      else if (SLUG.test(text)) links.push({ relation, target: text, line, slugKey: key });
      else
        report({
          code: 'DG_ADR_LINK',
          severity: 'warning',
          message: `${fileName}'s front matter says ${key}: "${text}", which names no decision: not shown as a relation`,
          location: { file: front.file, line },
          hint: `write the decision's number (${key}: 5, or ADR-0005) or its file name (${key}: 0005-….md)`,
        });
    });
  }
  return links;
}

/** `5`, `0005`, `ADR-0005`, `#5` → 5; `0005-x.md`, `[ADR 5](0005-x.md)` → the file linked. */
function frontMatterTarget(text: string): string | number | undefined {
  const link = new RegExp(String.raw`^\[[^\]]*\]\(\s*${LINK_DESTINATION}\s*\)$`).exec(text);
  if (link) return link[1] ?? link[2];
  const number = /^(?:ADR[-\s_#]*)?#?0*(\d+)$/i.exec(text)?.[1];
  if (number !== undefined) return Number(number);
  if (/\.(?:md|markdown)(?:#.*)?$/i.test(text)) return text;
  // A decision's file name without `.md`, or its site's path (`0003-use-rest`,
  // `/docs/adr/0003-use-rest/`): resolved as a site's link is.
  return SITE_NAME.test(text) ? text : undefined;
}

/** A decision's slug, as a front matter may name it: words joined by `-`, `_` or `.`, no space (`use-rest`). */
const SLUG = /^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u;

/** `Use PostgreSQL for orders` → `use-postgresql-for-orders`: a title as a slug, as sites and tools make them. */
function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The folder's decision a slug names (`use-rest`), compared as slugs: the one whose name without its
 * number (the file's, or a decision folder's) is it, else the one whose title's slug is it, as a
 * name is what a slug is made from first; none when several are.
 */
function slugResolver(parsed: ParsedAdr[]): (slug: string) => ParsedAdr | undefined {
  const nameSlugs = (adr: ParsedAdr) => {
    const stem = namingName(adr.record.fileName).replace(/\.(?:md|markdown)$/i, '');
    return [stem, stem.replace(NAME_DATE, '').replace(DOCUSAURUS_NUMBER_PREFIX, '')].map(slugOf);
  };
  const only = (matches: ParsedAdr[]) => (matches.length === 1 ? matches[0] : undefined);
  return (slug) => {
    const wanted = slugOf(slug);
    const byName = parsed.filter((adr) => nameSlugs(adr).includes(wanted));
    if (byName.length) return only(byName);
    return only(parsed.filter((adr) => slugOf(adr.record.title) === wanted));
  };
}

/** The warning for a front matter's slug that names no decision: at its line, with what to write. */
function slugNamesNone(adr: ParsedAdr, link: StatusLink): Diagnostic {
  return {
    code: 'DG_ADR_LINK',
    severity: 'warning',
    message: `${adr.record.fileName}'s front matter says ${link.slugKey}: "${link.target}", which names no decision: not shown as a relation`,
    location: { file: adr.record.file, line: link.line },
    hint: `write the decision's number (${link.slugKey}: 5, or ADR-0005), its file name (${link.slugKey}: 0005-….md) or its slug (the file name without its number, or the title's slug)`,
  };
}

/** A numbered name, perhaps under folders, with no space: `0003-use-rest`, `../adr/adr-003-x/`. */
const SITE_NAME = /^(?:\.{0,2}\/|\/)?(?:[\w.-]+\/)*(?:adr[-_]?)?\d+[-_][\w.-]+\/?$/i;

interface StatusSource {
  lines: Array<{ text: string; line: number }>;
  /** The 0-based lines a status line (and its wrapped sentence) took out of the body. */
  taken?: number[];
}

/** A status section's heading, in the languages ADRs are written in: `## Status`, `## Statut`, `## ステータス`… */
const STATUS_HEADING =
  /^\s{0,3}##\s+(?:status|statut|estado|stato|stav|tila|durum|статус|状態|ステータス|状态|狀態|상태)\s*(?::\s*(.*?))?\s*#*\s*$/iu;

// The key ends at a colon, or at a dash set apart by spaces (`**Status** — Accepted`, `Date - 2025-03-01`).
const META_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(status|state|statut|estado|situação|stato|stav|tila|durum|статус|date|datum|fecha|data|дата|tarih)(?:\*\*|__)?(?:\s*:|\s+[—–-](?=\s))(?:\*\*|__)?\s*(.*?)\s*$/iu;

/** The keys of status and date lines in other languages (`Statut :`, `Estado:`, `Статус:`; `Datum:`, `Fecha:`, `Дата:`), by what they say. */
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
};

/**
 * A metadata line whose key is in single emphasis, as some logs write it with an emoji:
 * `_Status: ✅ Accepted_` (the whole line), `*Status:* ✅ Accepted`, `_Date_: 2021-03-05`.
 */
const EMPHASISED_META_LINE =
  /^(\s*(?:[-*+]\s+)?)([*_])(?![*_\s])(status|state|date)(?:\2\s*:(.*)|\s*:\2(.*)|\s*:(.*?)\2\s*)$/i;

/** A metadata line's key and value, its key in bold, in single emphasis or plain: `status`, `Accepted`. */
function metaLine(written: string): RegExpMatchArray | null {
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

/**
 * The lines of a table right above the title heading (blank lines between), as some templates head
 * a decision with its fields: `| date | writer | status |` and its row of values, then `# ADR: …`
 * (vinicinbgs/architectural-decision-records), or `| Status | Accepted |` rows. Empty when the
 * title is no heading or has no table above it.
 */
function tableAboveTitle(lines: string[], titleIndex: number): number[] {
  if (titleIndex < 0 || !/^\s{0,3}#\s/.test(lines[titleIndex] ?? '')) return [];
  let end = titleIndex - 1;
  while (end >= 0 && !lines[end]!.trim()) end--;
  let start = end;
  while (start >= 0 && TABLE_ROW.test(lines[start]!)) start--;
  return Array.from({ length: end - start }, (_, k) => start + 1 + k);
}

/** Where a table of fields may stand: right above the title, or among the metadata lines under it. */
function fieldTableLines(lines: string[], titleIndex: number): number[] {
  return [...tableAboveTitle(lines, titleIndex), ...preamble(lines, titleIndex)];
}

/** Metadata lines sit between the title and the first `##` section. */
function preamble(lines: string[], titleIndex: number): number[] {
  const out: number[] = [];
  for (let i = titleIndex + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) out.push(i);
  // `## Metadata` (mariushart/adr: `- Status: Accepted`, `- Date: …` under it) holds the same lines.
  const section = lines.findIndex((line, i) => i > titleIndex && METADATA_HEADING.test(line));
  if (section >= 0) for (let i = section + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) out.push(i);
  return out;
}

/** A section of metadata lines, as some templates head them: `## Metadata`, `## Metadaten`. */
const METADATA_HEADING = /^\s{0,3}#{2,3}\s+(?:metadata|metadaten|métadonnées|metadatos|metadados)\s*#*\s*$/i;

/**
 * A `## Metadata` section whose every line went to the header: its heading goes too, rather than
 * stand over nothing.
 */
/**
 * A callout whose lines were all fields the header shows (`> [!NOTE]`, then `> **Status:** Accepted`,
 * `> **Date:** …`) goes with them, rather than stand empty at the top of the body.
 */
function dropEmptiedCallouts(lines: string[], drop: Set<number>): void {
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

function dropEmptiedMetadataSection(lines: string[], drop: Set<number>): void {
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
function fencedLines(lines: string[]): Set<number> {
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

function findStatus(
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
        const text = lines[next]!.trim();
        if (RELATION_AT_START.test(text)) parts.push({ text, line: next + 1 });
        else parts[parts.length - 1]!.text += ` ${text}`;
      }
      return { lines: parts, taken };
    }
  }
  // adr-tools: a "## Status" section; every non-blank line of it counts ("Accepted", "Supersedes […](…)").
  const section = lines.findIndex((line, i) => i > top && !fenced.has(i) && STATUS_HEADING.test(line));
  if (section < 0) return statusParagraph(lines, top, drop, fenced);
  const out: StatusSource['lines'] = [];
  // `## Status: Superseded`: the status is in the heading itself.
  const inHeading = STATUS_HEADING.exec(lines[section]!)?.[1]?.trim();
  if (inHeading) out.push({ text: inHeading, line: section + 1 });
  for (let i = section + 1; i < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[i]!); i++) {
    const text = sectionStatusText(lines[i]!, out.length > 0);
    if (text) out.push({ text, line: i + 1 });
  }
  return out.length ? { lines: out } : undefined;
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
function decisionLog(lines: string[], fenced: Set<number>): Array<{ number: number; title: string; line: number }> {
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
function decisionLogWarning(
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

/**
 * A status still written as its template offers it: every choice `|` apart (`[proposed | rejected |
 * accepted | deprecated | … | superseded by [ADR-0005](…)]`, `{proposed | rejected | …}`, as MADR's
 * templates write it), or one choice a line of a `## Status` section (`- [ ] Proposed`, `- [x]
 * Accepted`). The author may have marked the one that holds: `[x] Accepted`, `**Accepted**` among
 * plain ones, `Accepted ✅`, or every other one struck (`~~Proposed~~`). Returns the marked choice,
 * or the choices as written when none is marked; undefined when the status is no list of choices.
 */
function statusChoices(
  lines: Array<{ text: string; line: number }>,
): { marked: { text: string; line: number } } | { unmarked: string } | undefined {
  const choices =
    lines.length === 1 ? lines[0]!.text.split(/\s*\|\s*/).map((text) => ({ text, line: lines[0]!.line })) : lines;
  const read = choices.map((choice) => ({ ...choice, ...choiceMark(choice.text) }));
  const words = read.filter((choice) => /^[[{(]?\s*\p{L}/u.test(choice.word));
  const known = words.filter((choice) => statusOf(/\p{L}+/u.exec(choice.word)![0].toLowerCase()) !== undefined);
  // `- [x] Accepted` alone is as marked as among others.
  const checkboxes = read.every((choice) => choice.checkbox) && (read.length >= 2 || read[0]!.mark === 'marked');
  // A history of statuses (`Proposed`, then `Accepted`, then `Superseded by [ADR 5](…)`) is no list
  // of choices: on lines of their own, choices are status words only.
  const bare =
    lines.length === 1 ||
    (known.length === read.length && read.every((choice) => /^\p{L}+(?:\s\p{L}+)?$/u.test(choice.word)));
  if (!checkboxes && (known.length < 3 || !bare)) return undefined;
  const marked = read.filter((choice) => choice.mark === 'marked');
  if (marked.length === 1) return { marked: { text: marked[0]!.word, line: marked[0]!.line } };
  const standing = read.filter((choice) => choice.mark !== 'struck');
  if (!marked.length && standing.length === 1 && standing.length < read.length)
    return { marked: { text: standing[0]!.word, line: standing[0]!.line } };
  const written = lines.map((part) => part.text).join(lines.length === 1 ? ' ' : '; ');
  return { unmarked: written.replace(/\s*<!--.*?-->\s*/g, ' ').trim() };
}

/** The ticks that mark a status among its choices (`Accepted ✅`, `☑ Accepted`). */
const TICK = /^[✅✔☑✓]\uFE0F?\s*|\s*[✅✔☑✓]\uFE0F?$/u;

/** One choice of a list of statuses: its word, and how the author marked it, if at all. */
function choiceMark(text: string): { word: string; mark?: 'marked' | 'struck'; checkbox?: boolean } {
  const checkbox = /^\[([ xX])\]\s*(.*)$/.exec(text.trim());
  if (checkbox) return { word: checkbox[2]!, mark: checkbox[1] === ' ' ? undefined : 'marked', checkbox: true };
  const bold = /^(\*\*|__)(.+)\1$/.exec(text.trim());
  if (bold) return { word: bold[2]!.trim(), mark: 'marked' };
  const struck = /^~~(.+)~~$/.exec(text.trim());
  if (struck) return { word: struck[1]!.trim(), mark: 'struck' };
  if (TICK.test(text.trim())) return { word: text.trim().replace(TICK, ''), mark: 'marked' };
  return { word: text.trim() };
}

/** The words a status line may hold beside its status word, its dates and its relations, that say nothing more. */
const STATUS_LINE_WORDS = new Set([
  'on',
  'since',
  'am',
  'le',
  'el',
  'and',
  'by',
  'in',
  'part',
  'partially',
  'partly',
  'see',
]);

/**
 * Whether a status line holds prose beyond its status word, dates and relation clauses, which the
 * header shows: two words more or else (`Accepted (the daily budget is amended by …: now per week)`).
 */
function saysMoreThanStatus(text: string): boolean {
  const words = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, ' ')
    // "this ADR is superseded by …" says no more than "superseded by …".
    .replace(
      new RegExp(
        String.raw`(?:\b(?:this|the)\s+(?:decision|adr|record|proposal)|\bit)${SUBJECT_RELATION.source}`,
        'gi',
      ),
      ' ',
    )
    .replace(new RegExp(`${RELATION_START}[^.;,()]*`, 'gi'), ' ')
    .replace(DATES, ' ')
    .replace(/\bADR[-\s#_]*\d+\b/gi, ' ')
    .replace(/[\p{P}\p{S}\p{N}]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word && !STATUS_LINE_WORDS.has(word.toLowerCase()));
  return words.length > 2;
}

/** A status phrase that two words make, where the first alone says nothing (`In review`, `Last call`). */
const TWO_WORD_STATUS =
  /^(?:in\s+(?:review|progress|discussion)|under\s+(?:review|discussion|consideration)|last\s+call)\b/i;

/** `_Accepted_`, `*Accepted* (2021-03-01)`: the word without its emphasis, as a status line reads it. */
function withoutEmphasis(line: string): string {
  return line.replace(/^([*_])(?![*_])(.+?)\1(?=\W|$)/, '$2');
}

/** Whether a line says a known status and nothing but its date or relations: `Accepted`, `Proposed — 2021-03-01`. */
function isStatusLine(line: string): boolean {
  const plain = withoutEmphasis(line)
    .replace(/\*\*|__|`/g, '')
    .replace(/^(?:[\p{Extended_Pictographic}\uFE0F\u200D]|\s)+/u, '');
  const phrase = TWO_WORD_STATUS.exec(plain)?.[0] ?? /^\p{L}+/u.exec(plain)?.[0];
  if (!phrase) return false;
  const word = phrase
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const known = TWO_WORD_STATUS.test(phrase) || (!/^(?:in|under|last)$/.test(word) && statusOf(word) !== undefined);
  return known && AFTER_STATUS_WORD.test(plain.slice(phrase.length));
}

type InlineFields = Partial<Record<'status' | 'date', { text: string; line: number }>> & {
  /** Relations written as fields under the title (`- Supersedes: ADR-0014`, `| Supersedes | ADR-3 |`). */
  relations?: StatusLink[];
  /** The other rows of a metadata table (`| Deciders | Ana, Bo |`), shown in the header as written. */
  fields?: Array<{ label: string; value: string }>;
  /**
   * The 0-based header line of a table of fields by columns that lost columns to the header: what
   * is left of it (`| Created | Author(s) |`) is a table of fields still, whatever its columns.
   */
  columnTable?: number;
};

/**
 * A relation written as a field of its own under the title, as a bullet, a bold line or a table
 * row's key: `Supersedes`, `Superseded by` (`Superseded-by`), `Replaces`, `Replaced by`, `Amends`,
 * `Amended by`.
 */
const RELATION_KEY = /^(super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)[-_ ]by)$/i;
const RELATION_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?((?:super[sc]edes|replaces|amends|(?:super[sc]eded|replaced|amended)[-_ ]by))(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*?)\s*$/i;

/**
 * The decisions a relation field names, read as a status line's relation is (`Supersedes ADR-0014`,
 * `Superseded by [ADR 9](0009-….md)`); none for `—`, `none` or prose that names no decision.
 */
function relationField(key: string, value: string, line: number): StatusLink[] {
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
function relationLines(lines: string[], top: number, drop: Set<number>, found: InlineFields): void {
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
function linksSection(lines: string[], fenced: Set<number>): StatusLink[] {
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
function namesOnlyDecisions(value: string): boolean {
  return !value
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/[[\]]/g, ' ')
    .replace(/\bADR[-\s#_]*\d+\b/gi, ' ')
    .replace(/#?\b\d+\b/g, ' ')
    .replace(/\band\b|[,;&]/gi, ' ')
    .trim();
}

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
function inlineFields(lines: string[], top: number, drop: Set<number>): InlineFields {
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

const TABLE_ROW = /^\s{0,3}\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s{0,3}\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?\|?\s*$/;

/** The names a table of fields heads its columns with: a header row of them is a row of names, not a field and its value. */
const COLUMN_NAMES =
  /^(?:status|date|authors?|author\(s\)|deciders|decision[- ]makers|owners?|reviewers?|consulted|informed|created|updated|last updated|id|adr|title|version)$/;

/** A table cell's text, without bold markers: `**Status**` → `Status`. */
function cellText(cell: string): string {
  return cell.replace(/\*\*|__/g, '').trim();
}

/** A table row's cells: `| a | b |` → [` a `, ` b `]. */
function rowCells(line: string): string[] {
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
function tableColumns(lines: string[], top: number, drop: Set<number>, found: InlineFields): void {
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
function columnTables(lines: string[], top: number, drop: Set<number>, known?: number): ColumnTable[] {
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
function takeColumns(lines: string[], header: number, taken: Set<number>, drop: Set<number>): void {
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
function tableFields(lines: string[], titleIndex: number, drop: Set<number>, found: InlineFields): void {
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
function dropEmptiedTables(lines: string[], rows: number[], drop: Set<number>): void {
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

/** A line that carries on the paragraph above it (not blank, not a list item, heading, table, quote or metadata line). */
function isContinuation(line: string): boolean {
  return !!line.trim() && !/^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>)/.test(line) && !metaLine(line) && !FIELD_START.test(line);
}

/**
 * A line that starts a field of its own (`**Deciders:** team`, `Superseded by: none`), as
 * metadata lines follow one another without bullets: not the status sentence wrapping.
 */
const FIELD_START = /^\s*(?:(?:\*\*|__)[^*_\n]{1,40}?(?:\*\*|__)?\s*:|[A-Z][A-Za-z -]{0,30}:(?:\s|$))/;

function findDate(
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
 * A Date line that holds no digit is still its template's placeholder (`{DATE_YESTERDAY}`, as
 * log4brains' starter files leave it, `YYYY-MM-DD`, `[date]`): no date, with a warning at its line;
 * the file name's date, when it has one, dates the decision instead.
 */
function datedOrPlaceholder(
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
const DATE_ALONE = new RegExp(String.raw`^([\`*_]*)(${DATES.source})\1$`);

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

/**
 * A date as the header shows it, without what a template or a line end leaves beside it: a format
 * hint (`2021-01-06 (yyyy-mm-dd)`), a line break (`2024-02-03<br />`, a trailing `\`), code marks.
 */
function writtenDate(text: string): string | undefined {
  const date = text
    .replace(/\s*(?:<br\s*\/?>|\\)\s*$/i, '')
    // A timestamp (`2026-06-10T01:30:00+03:00`, `2026-06-11 10:59`): its day, as written there.
    .replace(/^(\d{4}-\d{2}-\d{2})(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i, '$1')
    .replace(/\s*\(\s*(?:[ymd]{1,4}[-/. ]?){3}\s*\)\s*$/i, '')
    .replace(/^`(.*)`$/, '$1')
    .trim();
  return date || undefined;
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

/** Whether a text starts with a date: `2026-06-05`, `2016.02.12`, `12/02/2016`, `2026年3月29日`. */
function startsWithDate(text: string): boolean {
  return /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/.test(text) || CJK_DATE.test(text);
}

/** `- **Created:** 2021-03-05`, `Date created: 2021-03-05`: the day the record was written. */
const CREATED_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:date[ _-]created|created)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*?)\s*$/i;
/** A created field's name, in front matter or a table's row: `created`, `date-created`, `dateCreated`, `created_at`. */
const CREATED_KEY = /^(?:created|date[ _-]?created|created[ _-]?(?:at|on))$/i;

/**
 * The date a created field gives, read only when nothing else dates the decision: in front matter
 * (`created: 2021-03-05`, `date-created:`), a row of the table of fields (`| Created | 2021-03-05 |`,
 * its row then leaving the table as a Date row does), a column of a table of fields by columns
 * (`| Status | Created |`, then its row of values), or a `Created:` line under the title
 * (straw-hat-team/adr lists `- **Created:** 2021-03-05` with its other fields), which then leaves
 * the body, as a `Date:` line does. A value that is no date ("by the platform team") stays.
 */
function createdDate(
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
function readLocalDates(parsed: ParsedAdr[], report: (diagnostic: Diagnostic) => void): void {
  for (const adr of parsed) {
    const cjk = CJK_DATE.exec(adr.record.date ?? '');
    if (cjk && isDay(Number(cjk[1]), Number(cjk[2]), Number(cjk[3])))
      adr.record.date = isoDate(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
  }
  for (const adr of parsed) {
    const match = YEAR_FIRST_DATE.exec(adr.record.date ?? '');
    if (!match) continue;
    const [year, month, day] = [match[1], match[3], match[4]].map(Number) as [number, number, number];
    if (isDay(year, month, day)) adr.record.date = isoDate(year, month, day);
  }
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
function writesDayFirst(lines: string[], fileName: string, statusWord: string | undefined): boolean {
  // `-db.md`, `-ui.md` end in two letters too: only a language's code counts.
  if (DAY_FIRST_LANGUAGES.has(languageOf(fileName).slice(0, 2).toLowerCase())) return true;
  const words = lines.flatMap((line) => /^\s{0,3}#{2,3}\s+([\p{L}\p{M}]+)/u.exec(line)?.[1] ?? []);
  return [...words, statusWord ?? ''].some((word) => DAY_FIRST_WORDS.has(word.normalize('NFC').toLowerCase()));
}

/** `16` is 2016: ADRs are younger than the century (Nygard named them in 2011). */
function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether month/day of year is a day of the calendar (not 31/02). */
function isDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The statuses a "Superseded by" says the decision has left: it was proposed or accepted (or said
 * in words docgen does not know), and is replaced now. A rejected or deprecated decision stays so.
 */
const REPLACEABLE = new Set<AdrStatus>(['proposed', 'accepted', 'unknown']);

/** Status lines → the status, how it was written, and its supersede links. */
export function classifyStatus(written: Array<{ text: string; line: number }>): {
  status: AdrStatus;
  text: string;
  links: StatusLink[];
  /** A date on the line that gives the status (`Accepted on 2024-03-01`, `Akzeptiert am 07.08.2026`). */
  date?: { text: string; line: number };
  /** The word that gives the status as written, when it is not the status's name (`Approved`, `Akzeptiert`). */
  word?: string;
  /** The status line says another decision replaces a part of this one only: it stands, amended. */
  partly?: boolean;
} {
  let status: AdrStatus | undefined;
  let date: { text: string; line: number } | undefined;
  let word: string | undefined;
  let partly = false;
  const links: StatusLink[] = [];
  // `~~Accepted~~ Superseded by [ADR 1](…)`: a status struck through is no longer the decision's.
  const lines = written
    .map(({ text, line }) => ({ text: text.replace(/~~[^~]+~~\s*/g, ''), line }))
    .filter(({ text }) => text.trim());
  const texts = lines.map(({ text }) => text.replace(/\*\*|__|`/g, '').trim());
  // The first status read is the decision's: a history's latest entry is read first.
  for (const { text, line, ofPart } of relationSentencesApart(latestEntryFirst(lines))) {
    const written = text.replace(/\*\*|__|`/g, '').trim();
    // `✅ Accepted`, `🤔 Proposed` (ministryofjustice/cloud-platform): the word after the emoji is the status.
    let plain = written.replace(/^(?:[\p{Extended_Pictographic}\uFE0F\u200D]|\s)+/u, '');
    const relation = SUPERSEDED_BY.test(plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
      ? 'supersededBy'
      : /^super[sc]edes\b/i.test(plain)
        ? 'supersedes'
        : /^amended\s+by\b/i.test(plain)
          ? 'amendedBy'
          : /^amends\b/i.test(plain)
            ? 'amends'
            : undefined;
    if (relation) {
      const targets = [...plain.matchAll(LINK_TARGETS)].map((m) => (m[1] ?? m[2])!);
      // "Amends" lines are prose more often than not ("Amends 2 sections of …"): only a link or
      // "ADR 10" names a decision there; a bare number does in a supersede line.
      const amend = relation === 'amends' || relation === 'amendedBy';
      const numbers = targets.length
        ? []
        : [...plain.replace(DATES, ' ').matchAll(/\bADR[-\s#]*0*(\d+)\b|(?:^|\s)#?0*(\d+)\b/gi)]
            .filter((m) => !amend || m[1] !== undefined)
            .map((m) => Number(m[1] ?? m[2]));
      // "Superseded by ADR 0010 for secret management", "Supersedes ADR 0006 (partially …)": one
      // part replaced, which is what an amendment is; the decision stands.
      const unlinked = plain.replace(/\[[^\]]*\]\([^)]*\)/g, ' ');
      // "the `enabled` flag is superseded by ADR 43": a part of it, named before the relation.
      const part =
        !amend && (!!ofPart || PART_ONLY.test(unlinked) || (relation === 'supersededBy' && /\bfor\b/i.test(unlinked)));
      if (part && relation === 'supersededBy') partly = true;
      const related = part ? (relation === 'supersededBy' ? 'amendedBy' : 'amends') : relation;
      // `Accepted` then `Superseded by [ADR 12](…)` (`Accepted, superseded by 0012`): the decision
      // was accepted, and is replaced now; the log shows where it stands, as adr-tools' `-s` leaves it.
      // Replaced by something that is no decision ("by the TF-state model"), it keeps its status.
      const named = targets.length + numbers.length > 0;
      if (related === 'supersededBy' && (!status || (REPLACEABLE.has(status) && named))) {
        status = 'superseded';
        word = writtenWord(plain);
      }
      for (const target of [...targets, ...numbers]) links.push({ relation: related, target, line });
      continue;
    }
    // `[Accepted](https://…/pull/1049)`, as Adyen's logs link the status to the pull request that
    // decided it: the link's text is the status.
    const statusLink = /^\[([^\]]+)\]\([^)]*\)/.exec(plain);
    if (statusLink && statusOf(statusLink[1]!.toLowerCase().match(/^[a-z]+/)?.[0] ?? ''))
      plain = statusLink[1]! + plain.slice(statusLink[0].length);
    const first = plain
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/^[a-z]+/)?.[0];
    const known = status;
    if (!status && first) status = statusOf(first) ?? statusInBrackets(plain);
    if (!status && !first) status = statusInBrackets(plain) ?? cjkStatus(plain); // `採用 (Accepted)`, `採用済み`
    if (!status && first && !/^(amends|amended|clarifies|clarified|see|related)$/.test(first)) status = 'unknown';
    if (status && !known) word = writtenWord(plain);
    // The day the status was reached, on its own line (not a "Superseded by" line's, another decision's day).
    const day = status && !date ? plain.match(DATES)?.[0] : undefined;
    if (day) date = { text: day, line };
  }
  // "Accepted", "ACCEPTED": the status's own name, shown as the status.
  const own = word && word.toLowerCase() !== status;
  return {
    status: status ?? 'unknown',
    text: texts.join('; '),
    links,
    ...(date ? { date } : {}),
    ...(own && status !== 'unknown' ? { word } : {}),
    ...(partly ? { partly } : {}),
  };
}

/**
 * A status section kept as a history, a dated status a line (`- 2025-01-02 Proposed`, `- Accepted
 * on 2025-02-10`, `| 2026-03-01 | Deprecated |`), or two or more statuses a line each: the status
 * now is the latest entry, by date where every entry gives a year-first one, else the last line.
 * That entry is moved first, as it is the one the status is read from; the other lines, relations
 * included, follow as written (the page keeps the whole history).
 */
function latestEntryFirst(lines: Array<{ text: string; line: number }>): Array<{ text: string; line: number }> {
  const entries = lines.flatMap((written) => {
    const entry = historyEntry(written.text);
    return entry ? [{ written, ...entry }] : [];
  });
  if (entries.length < 2) return lines;
  const dated = entries.every((entry) => entry.day !== undefined);
  const latest = dated
    ? entries.reduce((latest, entry) => (entry.day! >= latest.day! ? entry : latest))
    : entries[entries.length - 1]!;
  return [{ text: latest.text, line: latest.written.line }, ...lines.filter((written) => written !== latest.written)];
}

/** A year-first date (`2025-01-02`, `2025/1/2`) as a key that sorts by day. */
const YEAR_FIRST = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;

/**
 * One line of a status history: its status word first (`2025-01-02 Proposed` → `Proposed
 * 2025-01-02`, a table row's cells likewise), and its day when written year first. Undefined for
 * a line that starts with no known status, a relation line among them.
 */
function historyEntry(line: string): { text: string; day?: string } | undefined {
  const cells = /^\s*\|/.test(line) ? line.split('|').map((cell) => cell.trim()) : [line.trim()];
  const parts = cells
    .flatMap((cell) => cell.split(new RegExp(`^(${DATES.source})\\s*[-–—:,]?\\s*`)))
    .map((part) => part?.replace(/\*\*|__|`/g, '').trim())
    .filter((part): part is string => !!part);
  const worded = parts.find((part) => statusOf(/^\p{L}+/u.exec(part)?.[0].toLowerCase() ?? '') !== undefined);
  // "Superseded by …" is read as the relation it is, wherever it stands.
  if (!worded || RELATION_AT_START.test(worded)) return undefined;
  const text = [worded, ...parts.filter((part) => part !== worded)].join(' ');
  const day = YEAR_FIRST.exec(text);
  return { text, ...(day ? { day: isoDate(Number(day[1]), Number(day[2]), Number(day[3])) } : {}) };
}

/**
 * A supersede clause that replaces one part of a decision only: "partially", "partly", "in part";
 * a "Superseded by" also says so by what it is replaced "for" (`Superseded by ADR 0010 for secret
 * management`), where "Supersedes ADR 9 for staged conversion" names what ADR 9 was about.
 */
const PART_ONLY = /\b(?:partially|partly|in\s+part)\b/i;

/** The words a relation clause starts with. */
const RELATION_START = String.raw`(?:\*\*|__)?(?:super[sc]edes|(?:super[sc]eded|replaced|amended)\s+by|amends)\b`;
const RELATION_AT_START = new RegExp(`^${RELATION_START}`, 'i');

/**
 * What may follow the status word of a status paragraph: nothing (or a stop), or a date after a
 * dash, colon, comma, stop, bracket or "on"/"since" (`Proposed — 2021-03-01`, `Accepted (2024-03-01)`),
 * or a relation clause after one (`Accepted, superseded by 0012`, `Accepted. Supersedes ADR 3`).
 */
const AFTER_STATUS_WORD = new RegExp(
  String.raw`^(?:[.!]?$|\s*(?:[-–—:,;.|/·(]|\s(?:on|since|am|le|el)\s)\s*(?:${DATES.source}|${RELATION_START}))`,
  'i',
);

/**
 * Where a status line's next relation starts: after a sentence (`Accepted on 2026-09-06. Supersedes
 * [ADR 0009](…)`), a comma or semicolon (`accepted, supersedes [28535 - …](…)`, Normation/rudder;
 * `Superseded by [5](…), amended by [7](…)`), a bracket (`Accepted (supersedes ADR-009)`) or an
 * "and" (`Superseded by [5](…) and amended by [7](…)`). A list after one relation word (`Supersedes
 * ADR-3, ADR-4`) is not split: no relation word follows its commas.
 */
const RELATION_CLAUSE = new RegExp(String.raw`(?:(?<=[.,;·])\s+|(?<=\()\s*|\s+and\s+)(?=${RELATION_START})`, 'i');

/**
 * A later clause of a status line that relates another decision is read as a line of its own,
 * with its own relation word; the status and its date stay the first clause's.
 */
function relationSentencesApart(
  lines: Array<{ text: string; line: number }>,
): Array<{ text: string; line: number; ofPart?: boolean }> {
  return lines.flatMap(({ text, line }) =>
    text.split(RELATION_CLAUSE).flatMap((clause) => {
      const parts = clause.split(SUBJECT_RELATION);
      return parts.map((part, index) => ({
        text: part,
        line,
        ...(index > 0 && !WHOLE_DECISION.test(parts[index - 1]!) ? { ofPart: true } : {}),
      }));
    }),
  );
}

/**
 * A relation said of a subject within a status line: "the daily budget is amended by [ADR-0036](…)",
 * "the `enabled` flag is superseded by [ADR-0043](…)". The clause it starts is read as a relation of
 * its own; what came before it names the subject.
 */
const SUBJECT_RELATION = new RegExp(
  String.raw`\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?=(?:super[sc]eded|replaced|amended)\s+by\b)`,
  'i',
);

/** A subject that is the decision itself ("this ADR is superseded by …"), not a part of it. */
const WHOLE_DECISION = /(?:^|\W)(?:(?:this|the)\s+(?:decision|adr|record|proposal)|it)\s*$/i;

/**
 * The status word a line starts with, as written (`Akzeptiert`, `採用`), with the word after an
 * `in`, `under` or `last` that is nothing alone (`In review`, `under discussion`, `Last Call`).
 */
function writtenWord(plain: string): string | undefined {
  return /^(?:(?:in|under|last)\s+)?[\p{L}\p{M}]+/iu.exec(plain.normalize('NFC'))?.[0];
}
