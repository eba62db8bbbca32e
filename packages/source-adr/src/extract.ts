/**
 * The run over an ADR folder: lists it and its categories (folders.ts), reads each decision file
 * (parse-adr.ts), then relates the decisions by their status links, within a folder and across
 * folders, numbers log4brains' dated records and reads the folder's local dates (dates.ts). What
 * one file says is the modules' beside it; README's "Layout" lists them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  DocgenError,
  fixOptionHint,
  withPathMeant,
  folderOfFileHint,
  type Diagnostic,
  type OptionOrigin,
  type SourceLocation,
} from '@docgen/core';
import type { AdrCategory, AdrModel, AdrRecord, AdrRelation, SitePageNames } from './model.js';
import type { StatusLink, ParsedAdr } from './records.js';
import {
  translationsApart,
  languageOf,
  numberByDate,
  datedName,
  seriesOf,
  inDecisionFolder,
  numberPrefix,
  namedLikeDecision,
} from './file-names.js';
import { readLocalDates } from './dates.js';
import { quotedStatus, REPLACEABLE } from './status-words.js';
import {
  sitePageNamesOfFile,
  slugResolver,
  linkedFileName,
  linkedPath,
  siteLinkTarget,
  slugNamesNone,
  elsewhere,
  missingLink,
} from './links.js';
import { listFolders, once, decisionFilesBelow, cachedBy, type Folders, mentionsStatus } from './folders.js';
import { fencedLines } from './metadata-lines.js';
import { parseAdr, decisionLog, decisionLogWarning } from './parse-adr.js';

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

/** A status link of `record` to a Markdown file of another folder, resolved once every folder is read. */
interface CrossLink {
  record: AdrRecord;
  /** The record's status line says a part of it only is replaced: a "Superseded by" leaves its status. */
  partly?: boolean;
  link: StatusLink & { target: string };
  /** The linked file's absolute path. */
  path: string;
}

export function extractAdrs(given: string, options: ExtractAdrOptions = {}): AdrModel {
  // A folder given relative to the current one, read as an absolute path: links resolve to absolute
  // paths (linkedPath), and a record's file must be one of them to be found by its link.
  const dir = resolve(given);
  const report = options.report ?? (() => undefined);
  const location = options.origin ? options.origin.location : options.location;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DocgenError({
      code: 'DG_ADR_DIR',
      message: `ADR folder ${given} ${existsSync(dir) ? 'is not a folder' : 'does not exist'}`,
      location,
      hint: existsSync(dir)
        ? folderOfFileHint(options.origin, 'dir', given)
        : withPathMeant(
            `${fixOptionHint(options.origin, 'dir', 'the folder of your ADR Markdown files')} (adr-tools: doc/adr, MADR: docs/decisions)`,
            given,
            options.origin,
          ),
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
  // A folder none of whose files is named like a decision, above one whose files are (`docs` above
  // `docs/decisions`): its pages are the project's docs, not decisions without their numbers.
  const decisionsFolder = once(() =>
    folders.decisionFiles(dir).some(namedLikeDecision) ? undefined : decisionsBelow(folders, dir),
  );
  const parsed = files.flatMap((name) =>
    parseOrSkip(dir, name, report, {
      decisionsFolder: inDecisionFolder(name) ? () => undefined : decisionsFolder,
      given,
    }),
  );
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
        : `no ADR files in ${dir} (looked for *.md and *.markdown files, and folders of one decision each holding a README.md)`,
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
        message: `ADR ${record.label} is superseded by ADR ${record.supersededBy.map((number) => byNumber.get(number)!.record.label).join(', ')} but its status says ${quotedStatus(record)}`,
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
function parseOrSkip(
  dir: string,
  name: string,
  report: (diagnostic: Diagnostic) => void,
  context: { decisionsFolder: () => string | undefined; given?: { origin?: OptionOrigin } },
): ParsedAdr[] {
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
    const decisions = unnumbered && !namedLikeDecision(basename(file)) ? context.decisionsFolder() : undefined;
    if (decisions) {
      report(skippedAboveDecisions(file, mentionsStatus(text), decisions, context.given?.origin));
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

/** The nearest folder below `dir` (two levels at most: `docs/decisions`, `doc/architecture/decisions`) that holds decisions. */
function decisionsBelow(folders: Folders, dir: string, depth = 2): string | undefined {
  const below = folders.subfolders(dir).map((name) => join(dir, name));
  return (
    below.find((folder) => folders.holdsDecisions(folder)) ??
    (depth > 1 ? below.map((folder) => decisionsBelow(folders, folder, depth - 1)).find(Boolean) : undefined)
  );
}

/**
 * A page of a docs folder given as the ADR folder (`--dir docs`, `docs/architecture.md` with a
 * `## Status` of prose): no file beside it is named like a decision and a folder below holds
 * decisions, so it is the project's page, not a decision without its number. Skipped, and the
 * warning names the folder the decisions are in, as the option to write.
 */
function skippedAboveDecisions(
  file: string,
  hasStatus: boolean,
  decisions: string,
  origin: OptionOrigin | undefined,
): Diagnostic {
  // From where the option's paths are read: the current folder for a flag, the config's folder for the config.
  const base = origin?.location?.file && !origin.flag ? dirname(origin.location.file) : process.cwd();
  const meant = relative(base, decisions).split('\\').join('/') || '.';
  return {
    code: 'DG_ADR_SKIPPED',
    severity: 'warning',
    message: `${basename(file)} has ${hasStatus ? 'a status but ' : ''}no ADR number, and no file beside it is named like a decision: not a decision, skipped`,
    location: { file, line: 1 },
    hint: `did you mean ${origin?.flag ? `${origin.flag} ${meant}` : `dir: ${meant}`}? To publish the decisions there alone, ${fixOptionHint(origin, 'dir', meant)}; if ${basename(file)} is a decision, number it (0001-${basename(file)})`,
  };
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
      message: `${labelOf(record)} is superseded by ${record.elsewhere!.supersededBy!.map((file) => labelOf(byFile.get(file)!)).join(', ')} but its status says ${quotedStatus(record)}`,
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
