import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from './config.js';

/**
 * The doc set a run publishes (`name`): the name docgen's property records on each page, which keeps
 * the pages of one repository apart from another's under the same Confluence parent (a run retires,
 * renames or takes over only pages of its own doc set). `confluence.docSet` when the config names
 * one (`explicit`); else the repository's `origin` remote with the config's folder in it, or, for
 * sources given by flags (or with no config), the folder docgen runs in: `github.com/acme/shop`,
 * `github.com/acme/shop:services/billing`. The same for every clone, wherever it is checked out.
 * No name when there is no such remote: the publisher then names the set after the tree's
 * top-level keys (`api`), as docgen always did, and keeps it apart as the set of the `folder`
 * the manifest records (the local kind of ADR 11: two apps of one repository are two sets).
 *
 * Not a package's or a folder's name: two repositories' `backend` packages, or two checkouts in
 * a folder called `build`, would be one doc set and trash each other's pages. A flag run is named
 * after the folder it runs in, where the paths of its sources' files start: two services' jobs of
 * one monorepo, each run in its service's folder with `--openapi openapi.yaml`, are two doc sets.
 *
 * `folder`: the folder in its repository (`''` for its root) that a set the config does not name is
 * named after, with or without a remote: the manifest records it, so that `docgen publish` names the
 * set from the remote the repository has then (see `renderedDocSetName`), and without one publishes
 * it as that folder's set. None where
 * `confluence.docSet` names the set, outside a repository, and, for a set with a remote, where the
 * output folder `outDir` is in no repository or another one than the set's (a publish could not find
 * the set's remote there); for one without, where `outDir` is in a repository with a remote.
 */
export function docSetOf(
  config: LoadedConfig,
  cwd: string,
  outDir: string,
  options: { flags?: boolean } = {},
): { name?: string; explicit: boolean; folder?: string } {
  const named = config.config.confluence?.docSet?.trim();
  if (named) return { name: named, explicit: true };
  const place = docSetPlace(config, cwd, options);
  if (!place) return { explicit: false };
  const folder = publishFindsSet(place.repository, resolve(outDir)) ? place.folder : undefined;
  return { name: remoteDocSetName(place.repository, place.folder), explicit: false, folder };
}

/**
 * The doc set of a rendered folder, named where it is published: after the `origin` remote of the
 * repository the folder is in now, with the folder the manifest records (`docSetOf`). The
 * remote is not what it was when the folder was rendered where a remote was added or changed since,
 * or where Nx replays the folder from its cache, which another clone or fork may have filled (the
 * remote is no input of its: CI puts a rotating token in it). Undefined without a remote (the set
 * is named after its keys); `recorded` where the folder is in no repository (an artifact copied out
 * of its checkout), as docgen named it then.
 */
export function renderedDocSetName(
  renderedDir: string,
  folder: string,
  recorded: string | undefined,
): string | undefined {
  const repository = gitRepository(resolve(renderedDir));
  return repository ? remoteDocSetName(repository, folder) : recorded;
}

/**
 * Whether a publish of the output folder names the set again from the folder the manifest records
 * (see `renderedDocSetName`): in the set's own repository; or, for a set with no remote, where no
 * other repository's remote would name it (an `--out` outside the repository). Without a remote the
 * folder is what keeps the set apart (ADR 11, the local kind): a render outside the repository
 * without it would be another set, a title conflict with the app's own pages.
 */
function publishFindsSet(repository: GitRepository, outDir: string): boolean {
  const outRoot = repositoryRoot(outDir);
  // Of the output folder's repository only its root, for a set with a remote: its remote is no matter.
  if (outRoot === repository.root) return true;
  return repository.origin === undefined && (outRoot === undefined || gitRepository(outRoot)?.origin === undefined);
}

/** The root of the git repository `dir` is in, and `dir`'s folder there (`''` for its root); undefined outside one. */
export function repositoryFolderOf(dir: string): { root: string; folder: string } | undefined {
  const root = repositoryRoot(resolve(dir));
  return root === undefined ? undefined : { root, folder: folderIn(root, resolve(dir)) };
}

/** `dir`'s path in the repository at `root`, with `/` on every system (`''` for the root itself). */
function folderIn(root: string, dir: string): string {
  return relative(root, dir).split(sep).join('/');
}

interface GitRepository {
  root: string;
  /** Its `origin` remote, as `repositoryIdentity` writes it; undefined without one. */
  origin?: string;
}

/** The repository a doc set the config does not name is in, and its folder there (see `docSetOf`). */
function docSetPlace(
  config: LoadedConfig,
  cwd: string,
  options: { flags?: boolean },
): { repository: GitRepository; folder: string } | undefined {
  const from = config.file && !options.flags ? config.dir : resolve(cwd);
  const repository = gitRepository(from);
  return repository && { repository, folder: folderIn(repository.root, from) };
}

/** `github.com/acme/shop:services/billing`; undefined for a repository without a remote. */
function remoteDocSetName(repository: GitRepository, folder: string): string | undefined {
  if (repository.origin === undefined) return undefined;
  return folder ? `${repository.origin}:${folder}` : repository.origin;
}

/**
 * A doc set name as `remoteDocSetName` writes it, read back: the repository (`host/owner/name`) and
 * the folder in it (`''` for its root). Undefined for a name with no `/` before its folder: a set
 * named after its keys (`api`, `api+adr`: a repository without a remote) or a `confluence.docSet`
 * of one word.
 */
export function docSetRepository(name: string): { repository: string; folder: string } | undefined {
  const match = /^([^/]*\/[^:]*)(?::(.+))?$/.exec(name);
  return match ? { repository: match[1]!, folder: match[2] ?? '' } : undefined;
}

/** The repository `from` is in (see `repositoryRoot`), with its `origin` if it has one. */
function gitRepository(from: string): GitRepository | undefined {
  const root = repositoryRoot(from);
  if (root === undefined) return undefined;
  const origin = originRemote(gitConfigFile(join(root, '.git')));
  return origin === undefined ? { root } : { root, origin };
}

/** The folder of the nearest `.git` at or above `from`. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The config file of a `.git`: in it, or, where `.git` is a file (a worktree, a submodule), in the
 * folder it names; a worktree's remotes are its main repository's (`commondir`).
 */
function gitConfigFile(git: string): string {
  if (!statSync(git).isFile()) return join(git, 'config');
  const named = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(readFileSync(git, 'utf8'))?.[1];
  if (!named) return join(git, 'config');
  const gitDir = resolve(dirname(git), named);
  const common = join(gitDir, 'commondir');
  const base = existsSync(common) ? resolve(gitDir, readFileSync(common, 'utf8').trim()) : gitDir;
  return join(base, 'config');
}

/** The `origin` remote's URL in a git config file, as `repositoryIdentity` writes it. */
function originRemote(configFile: string): string | undefined {
  if (!existsSync(configFile)) return undefined;
  let inOrigin = false;
  for (const line of readFileSync(configFile, 'utf8').split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line)?.[1];
    if (section !== undefined) inOrigin = /^remote\s+"origin"$/.test(section);
    const url = inOrigin ? /^\s*url\s*=\s*(.+?)\s*$/.exec(line)?.[1] : undefined;
    if (url) return repositoryIdentity(url.replace(/^"(.*)"$/, '$1').trim());
  }
  return undefined;
}

/**
 * A remote's URL as host and path, the same for its HTTPS and SSH forms and without credentials
 * (CI systems put a token in it): `https://ci:TOKEN@github.com/acme/shop.git` and
 * `git@github.com:acme/shop.git` are both `github.com/acme/shop`; Bitbucket Data Center's
 * `https://bitbucket.acme.com/scm/plat/shop.git` and `ssh://git@bitbucket.acme.com:7999/plat/shop.git`
 * are both `bitbucket.acme.com/plat/shop`. Undefined for a local path.
 */
export function repositoryIdentity(url: string): string | undefined {
  const where = scpLike(url) ?? parsedUrl(url);
  if (!where) return undefined;
  const path = where.path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/^scm\//, '');
  // A host of one letter is a Windows drive (`C:\repos\shop`); an `@` left is a credential's.
  if (!/^[a-z0-9][a-z0-9.-]+$/i.test(where.host) || !path || /[@\\]/.test(path)) return undefined;
  return `${where.host}/${path}`.toLowerCase();
}

/** `git@github.com:acme/shop.git` or `github.com:acme/shop.git`: SSH's short form, with no scheme. */
function scpLike(url: string): { host: string; path: string } | undefined {
  if (url.includes('://')) return undefined;
  const match = /^(?:.*@)?([^@:/\s]+):(?!\/)(.+)$/.exec(url);
  return match ? { host: match[1]!, path: match[2]! } : undefined;
}

function parsedUrl(url: string): { host: string; path: string } | undefined {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname, path: decodeURIComponent(parsed.pathname) };
  } catch {
    return undefined;
  }
}
