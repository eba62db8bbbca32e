import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

/**
 * Where files an author's text points at may be read from, for a file of theirs (an ADR, a
 * catalog file): the git repository holding it (its nearest folder with a `.git`), else its own
 * folder. What such a link or substitution reads is published to Confluence, and CI runs docgen on
 * what a pull request's files say: a path that climbs out of the repository
 * (`../../../../home/runner/.npmrc`), or a symbolic link that points out of it, must not be read.
 */
export function readableBoundary(file: string): string {
  const folder = realpathSync(dirname(file));
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return folder;
  }
}

/** Whether `path` (an existing file; its links followed) lies inside `folder`. */
export function isReadableFrom(folder: string, path: string): boolean {
  const rel = relative(folder, realpathSync(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
