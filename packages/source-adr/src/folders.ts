/**
 * The ADR folder's tree as one run lists it: each folder read once, its decision files (by name) and
 * decision folders (`0001-use-rest/README.md`), its subfolders, and whether it holds decisions (then
 * it is a category). Apart because it is the only part that lists the file system.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import {
  translationsApart,
  numberPrefix,
  NOT_DECISIONS,
  FOLDER_DECISION_FILE,
  NAME_DATE,
  namedLikeDecision,
  nameDate,
  numberAfterDate,
} from './file-names.js';
import { STATUS_HEADING } from './status-words.js';

/**
 * The ADR folder's tree as one run reads it: each folder is listed once, and what a listing says
 * (its decision files, its decision folders, whether it holds decisions) is worked out once, however
 * many times reading the folder, its parent's categories and site links ask. Made for each run, so
 * a later run sees the files as they are then.
 */
export interface Folders {
  entries(dir: string): Dirent[];
  decisionFiles(dir: string): string[];
  decisionFolders(dir: string): string[];
  subfolders(dir: string): string[];
  holdsDecisions(dir: string): boolean;
}

export function listFolders(): Folders {
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
export function cachedBy<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** `make`'s value, made the first time it is asked for. */
export function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/**
 * The files of the ADR folder and of its categories that may be decisions, absolute paths, as
 * `categoryAt` finds them: what a site-style link (`./0005-use-postgres`) may name.
 */
export function decisionFilesBelow(folders: Folders, root: string, sub = ''): string[] {
  const dir = join(root, sub);
  const own = translationsApart(folders.decisionFiles(dir)).decisions;
  const nested = folders
    .subfolders(dir)
    .flatMap((inner) => decisionFilesBelow(folders, root, sub ? `${sub}/${inner}` : inner));
  // A subfolder's files are read where categoryAt reads it: where it holds decisions.
  const read = !sub || folders.holdsDecisions(dir);
  return [...(read ? own.map((name) => join(dir, name)) : []), ...nested];
}

/** Whether a file says a status anywhere a decision does: a status line or table row, a `## Status` section, front matter. */
export function mentionsStatus(text: string): boolean {
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
  const fileNumbers = new Set(folders.decisionFiles(dir).map(numberedAs));
  return folders.subfolders(dir).flatMap((name) => {
    if (fileNumbers.has(numberedAs(`${name}.md`))) return [];
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

/**
 * What a name numbers its decision by, to tell a decision's material from another decision: its
 * number (`0001`), or, for a dated name, its date and any number after it (`ADR-2023-02-…/` and
 * `ADR-2023-09-….md` are two decisions, though numberPrefix reads 2023 in both).
 */
function numberedAs(name: string): string | undefined {
  const date = nameDate(name);
  return date === undefined ? numberPrefix(name) : `${date} ${numberAfterDate(name) ?? ''}`;
}

/** A `- **State:** Draft` line, as straw-hat-team/adr states its decisions' status. */
const STATE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?state(?:\*\*|__)?\s*:/im;

/** Subfolders, by name, but not hidden ones (`.git`), `_drafts`-like ones or dependencies. */
function subfolders(entries: Dirent[]): string[] {
  return entries
    .filter((entry) => !/^[._]/.test(entry.name) && entry.name !== 'node_modules')
    .filter((entry) => entry.isDirectory() && !/\.(md|markdown)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Whether a folder holds decisions of its own: a file named like one (`0001-…`, `adr-001-…`,
 * `20200925-…`), or a decision kept in a folder (`0001-use-rest/README.md`). Such a folder is a
 * category, not a decision.
 */
function holdsDecisions(folders: Folders, dir: string): boolean {
  return folders.decisionFiles(dir).some(namedLikeDecision) || folders.decisionFolders(dir).length > 0;
}
