import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
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
  const folder = realpathSync(dirname(file));
  const home = realHome();
  let project: string | undefined;
  for (let at = folder; at !== home && dirname(at) !== at; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (PROJECT_FILES.some((name) => existsSync(join(at, name)))) project = at;
  }
  return project ?? folder;
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
