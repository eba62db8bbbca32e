/**
 * Where a wrong `entry` should have pointed: the files of the package that create an app, for a
 * "did you mean src/server.ts?" beside the error. An entry path is often a guess (`src/index.ts`
 * where the app is made in `src/server.ts`, or a path from before a move); the files that call
 * `express()`, `new Koa()`, `Fastify()`, `new Hono()` or `NestFactory.create` are what it should name.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { editDistance } from '@docgen/core';
import { ProjectFiles } from './project-files.js';
import { foldersUp } from './folders-up.js';

/** What a file that makes an app says: each framework's constructor, as apps write them. */
export const CREATES_APP =
  /\bexpress\s*\(\s*\)|\bnew\s+Koa\s*\(|\bFastify\s*\(|\bfastify\s*\(\s*[{)]|require\(\s*['"]fastify['"]\s*\)\s*\(|\bnew\s+Hono\s*(?:<[^>]*>)?\s*\(|\bNestFactory\s*\.\s*create\b/;

/** Names an entry is usually given, nearer the top of the list the likelier. */
const ENTRY_NAMES = ['main', 'server', 'app', 'index'];

/** How many files a hint names: more is a list to read, not a suggestion. */
const MAX_SUGGESTIONS = 3;

/**
 * The files of the package an entry path is in (or would be in) that create an app, likeliest first:
 * the file names nearest the entry's (`sever.ts` for `server.ts`), then the usual entry names, then the
 * shallowest; not `except`.
 */
export function appFiles(entry: string, except?: string): string[] {
  const existing = nearestExisting(entry);
  if (!existing) return [];
  const probe = statSync(existing).isDirectory() ? `${existing}${sep}_` : existing;
  const found = new ProjectFiles().mentioning(probe, CREATES_APP).filter((file) => file !== except);
  const wanted = stem(entry);
  const rank = (file: string) => {
    const name = stem(file);
    const usual = ENTRY_NAMES.indexOf(name);
    return [Math.min(editDistance(name, wanted), 3), usual === -1 ? ENTRY_NAMES.length : usual, file.split(sep).length];
  };
  return found
    .map((file) => ({ file, rank: rank(file) }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || a.file.localeCompare(b.file))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ file }) => file);
}

/** "did you mean src/server.ts?" (or "src/server.ts or src/app.ts"), paths from `base`; empty with none. */
export function didYouMean(files: string[], base: string): string {
  if (!files.length) return '';
  const shown = files.map((file) => relative(base, file) || basename(file));
  const listed = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return `did you mean ${listed}?`;
}

/** The entry, or the nearest folder above it that exists (a mistyped folder still has a package around it). */
function nearestExisting(path: string): string | undefined {
  for (const at of foldersUp(path)) if (existsSync(at)) return at;
  return undefined;
}

function stem(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '');
}

function compareRanks(a: number[], b: number[]): number {
  for (let at = 0; at < a.length; at++) if (a[at] !== b[at]) return a[at]! - b[at]!;
  return 0;
}
