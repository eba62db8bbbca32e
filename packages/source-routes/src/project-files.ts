/**
 * The source files of the package a file belongs to, for the questions no import answers: which
 * class implements an interface a service is typed as, which module provides a dependency injection
 * token. The code that asks imports the interface or the token, never the class that runs, so the
 * answer is looked for in every source file of the package (not its tests, whose mocks implement the
 * same interfaces but serve nothing). Files are listed once per package and their text read once;
 * only those whose text mentions what is asked for are parsed.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { foldersUp } from './folders-up.js';

/** Folders that hold no source of the running service: dependencies, build output, tests. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'test', 'tests', 'e2e']);

/** Source files a service runs, not its declarations or tests (`users.service.spec.ts`). */
const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const NOT_SOURCE = /\.d\.[cm]?ts$|\.(?:spec|test|e2e-spec)\.[cm]?[jt]sx?$/;

/** More than this many files is not one service's package: the scan stops rather than read a whole disk. */
const MAX_FILES = 5000;

export class ProjectFiles {
  private readonly listed = new Map<string, string[]>();
  private readonly texts = new Map<string, string>();
  private readonly packages = new Map<string, string>();

  /** The source files of the package `file` is in (its nearest package.json's folder, else its own folder) whose text matches. */
  mentioning(file: string, pattern: RegExp): string[] {
    return this.filesOf(this.packageOf(file)).filter((candidate) => pattern.test(this.text(candidate)));
  }

  /**
   * The folder of the package a file is part of: its nearest package.json's, else its own. Asked at
   * every member access docgen follows no other way (`fastify.users`), so looked up once a folder.
   */
  packageOf(file: string): string {
    const dir = dirname(file);
    let found = this.packages.get(dir);
    if (found === undefined) {
      found = packageFolderOf(dir);
      this.packages.set(dir, found);
    }
    return found;
  }

  private filesOf(root: string): string[] {
    let files = this.listed.get(root);
    if (!files) {
      files = [];
      collectSources(root, files);
      this.listed.set(root, files);
    }
    return files;
  }

  private text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = ''; // a file gone or unreadable mentions nothing
      }
      this.texts.set(file, text);
    }
    return text;
  }
}

/** The folder of the nearest package.json above `dir` (the package it is part of), else `dir`. */
function packageFolderOf(dir: string): string {
  for (const at of foldersUp(dir)) if (existsSync(join(at, 'package.json'))) return at;
  return dir;
}

function collectSources(dir: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder holds nothing docgen can read
  }
  for (const entry of entries) {
    if (into.length >= MAX_FILES) return;
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // `__tests__`, `__mocks__`, `__factories__`: the test runners' folders, by their convention.
      if (!SKIPPED_FOLDERS.has(entry.name) && !/^__.+__$/.test(entry.name)) collectSources(path, into);
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !NOT_SOURCE.test(entry.name)) into.push(path);
  }
}
