import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from './config.js';

/** What marks a project's folder when there is no git repository (a copy of it, a Docker build). */
const PROJECT_FILES = ['package.json', ...CONFIG_FILE_NAMES];

/**
 * Where files an author's text points at may be read from, for a file of theirs (an ADR, a catalog
 * file, a spec): the git repository holding it (its nearest folder with a `.git`); without one, the
 * outermost folder above it that holds a `package.json` or a docgen config (a project copied out
 * of its repository); else its own folder. Never the home folder or above it, where `~/.npmrc` and
 * `~/.ssh` live (a dotfiles repository in the home folder included). What such a link, `$ref` or
 * substitution reads is published to Confluence, and CI runs docgen on what a pull request's files
 * say: a path that climbs out (`../../../../home/runner/.npmrc`), or a symbolic link that points
 * out, must not be read.
 */
export function readableBoundary(file: string): string {
  return fileBoundary(file).folder;
}

/**
 * `readableBoundary`'s folder, and which kind of folder it is, for a message to say which limit
 * was applied: `repository` (a git repository), `project` (no repository: the outermost folder
 * with a package.json or docgen config), `folder` (neither: the file's own folder).
 * `belowHome` when the search stopped at the home folder, which it never goes above.
 */
export interface FileBoundary {
  folder: string;
  kind: 'repository' | 'project' | 'folder';
  belowHome: boolean;
}

export function fileBoundary(file: string): FileBoundary {
  const folder = realpathSync(dirname(file));
  const home = realHome();
  let project: string | undefined;
  let at = folder;
  for (; at !== home && dirname(at) !== at; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return { folder: at, kind: 'repository', belowHome: false };
    if (PROJECT_FILES.some((name) => existsSync(join(at, name)))) project = at;
  }
  const belowHome = at === home;
  return project ? { folder: project, kind: 'project', belowHome } : { folder, kind: 'folder', belowHome };
}

/** Whether `path` (an existing file; its links followed) lies inside `folder`. */
export function isReadableFrom(folder: string, path: string): boolean {
  const rel = relative(folder, realpathSync(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function realHome(): string | undefined {
  try {
    return realpathSync(homedir());
  } catch {
    return undefined;
  }
}

/**
 * A file as a page names it: from `cwd` (the config's folder); a file outside it (an input given
 * from elsewhere, a CI runner's checkout) from the repository (or project) holding `anchor` (the
 * input), not by climbing out of `cwd`: `../../../home/runner/…` says where the run happened, not
 * where the file is kept.
 */
export function pathFromRepository(file: string, cwd: string, anchor = file): string {
  const fromCwd = relative(cwd, file);
  if (!fromCwd.startsWith('..') && !isAbsolute(fromCwd)) return fromCwd || file;
  // The boundary is a real path; written as `anchor` is, a symbolic link on the way (macOS's
  // /var → /private/var) does not set the two apart.
  const folder = dirname(anchor);
  const repository = resolve(folder, relative(realpathSync(folder), fileBoundary(anchor).folder));
  return relative(repository, file) || file;
}
