import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from './config.js';
import type { Diagnostic } from './diagnostics.js';
import type { FirstCommitMissing } from './page-tree.js';

/**
 * The doc set a run publishes (`name`): the name docgen's property records on each page, which keeps
 * the pages of one repository apart from another's under the same Confluence parent (a run retires,
 * renames or takes over only pages of its own doc set). `confluence.docSet` when the config names
 * one (`explicit`); else the repository's `origin` remote with the config's folder in it, or, for
 * sources given by flags (or with no config), the folder docgen runs in: `github.com/acme/shop`,
 * `github.com/acme/shop:services/billing`. The same for every clone, wherever it is checked out.
 * Without a remote, its first commit stands for it (`first-commit/3f2a1c94e0b7:apps/a`, see
 * `firstCommitName`): two such repositories are two sets. `formerNames`: the names the same set had
 * before (see `GitRepository.formerNames`), whose pages the publisher takes over; and, for a set
 * named after its remote, `firstCommitName`: its name before the repository had one, found when asked.
 * No name with neither a remote nor a commit: the publisher then names the set after the tree's
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
 * set from the remote the repository has then (see `renderedDocSet`), and without one publishes
 * it as that folder's set. None where
 * `confluence.docSet` names the set, outside a repository, and, for a set with a remote, where the
 * output folder `outDir` is in no repository or another one than the set's (a publish could not find
 * the set's remote there); for one without, where `outDir` is in a repository with a remote.
 */
export function docSetOf(
  config: LoadedConfig,
  cwd: string,
  outDir: string,
  options: { flags?: boolean; report?: Report } = {},
): { explicit: boolean; folder?: string } & RepositoryDocSet {
  const named = config.config.confluence?.docSet?.trim();
  if (named) return { name: named, explicit: true };
  const place = docSetPlace(config, cwd, options);
  if (!place) return { explicit: false };
  const folder = publishFindsSet(place.repository, resolve(outDir)) ? place.folder : undefined;
  return { ...repositoryDocSet(place.repository, place.folder), explicit: false, folder };
}

/**
 * The doc set of a rendered folder, named where it is published: after the `origin` remote of the
 * repository the folder is in now (or its first commit), with the folder the manifest records
 * (`docSetOf`), and the names it had before. The
 * remote is not what it was when the folder was rendered where a remote was added or changed since,
 * or where Nx replays the folder from its cache, which another clone or fork may have filled (the
 * remote is no input of its: CI puts a rotating token in it). No name without a remote or a commit
 * (the set is named after its keys); `recorded` where the folder is in no repository (an artifact
 * copied out of its checkout), as docgen named it then, its first commit's name not known there.
 */
export function renderedDocSet(
  renderedDir: string,
  folder: string,
  recorded: { name?: string; formerNames?: string[] },
  report?: Report,
): RepositoryDocSet {
  const repository = gitRepository(resolve(renderedDir), report);
  if (repository) return repositoryDocSet(repository, folder);
  // A set named after its remote had a first commit's name before: no repository here to ask it of.
  const outside = recorded.name !== undefined && !namedAfterFirstCommit(recorded.name);
  return outside ? { ...recorded, firstCommitName: () => ({ missing: 'outside' }) } : recorded;
}

/**
 * Whether a publish of the output folder names the set again from the folder the manifest records
 * (see `renderedDocSet`): in the set's own repository; or, for a set with no remote, where no
 * other repository's remote would name it (an `--out` outside the repository). Without a remote the
 * folder is what keeps the set apart (ADR 11, the local kind): a render outside the repository
 * without it would be another set, a title conflict with the app's own pages.
 */
function publishFindsSet(repository: GitRepository, outDir: string): boolean {
  const outRoot = repositoryRoot(outDir);
  // Of the output folder's repository only its root, for a set with a name: its name is no matter.
  if (outRoot === repository.root) return true;
  return repository.name === undefined && (outRoot === undefined || gitRepository(outRoot)?.name === undefined);
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
  /**
   * The name its doc sets are named after: its `origin` remote, as `repositoryIdentity` writes it;
   * without one, its first commit (`firstCommitName`); undefined for a repository with neither.
   */
  name?: string;
  /** The names an older docgen gave its remote, other than `name`. */
  formerNames: string[];
  /**
   * Where it has a remote, the name it had before (its first commit's), found at the first ask and
   * kept: a walk of its whole history, half a second in one of 200,000 commits, which a publish
   * needs only for a page recorded under such a name (see `docSetFirstCommitName` in `PageTree`).
   */
  firstCommit?: () => string | FirstCommitMissing;
}

/** A doc set's name in its repository (see `repositoryDocSet`). */
interface RepositoryDocSet {
  name?: string;
  formerNames?: string[];
  firstCommitName?: () => string | FirstCommitMissing;
}

/** The repository a doc set the config does not name is in, and its folder there (see `docSetOf`). */
function docSetPlace(
  config: LoadedConfig,
  cwd: string,
  options: { flags?: boolean; report?: Report },
): { repository: GitRepository; folder: string } | undefined {
  const from = config.file && !options.flags ? config.dir : resolve(cwd);
  const repository = gitRepository(from, options.report);
  return repository && { repository, folder: folderIn(repository.root, from) };
}

/**
 * `github.com/acme/shop:services/billing`, and the names the same folder's set had before (see
 * `GitRepository.formerNames` and `firstCommit`); no name for a repository with neither a remote nor a commit.
 */
function repositoryDocSet(repository: GitRepository, folder: string): RepositoryDocSet {
  if (repository.name === undefined) return {};
  const inFolder = (name: string) => (folder ? `${name}:${folder}` : name);
  const formerNames = repository.formerNames.map(inFolder);
  const { firstCommit } = repository;
  return {
    name: inFolder(repository.name),
    ...(formerNames.length > 0 && { formerNames }),
    ...(firstCommit && { firstCommitName: () => mapName(firstCommit(), inFolder) }),
  };
}

function mapName<T>(value: string | T, map: (name: string) => string): string | T {
  return typeof value === 'string' ? map(value) : value;
}

/**
 * A doc set name as `repositoryDocSet` writes it, read back: the repository (`host/owner/name`) and
 * the folder in it (`''` for its root). Undefined for a name with no `/` before its folder: a set
 * named after its keys (`api`, `api+adr`: a repository with neither a remote nor a commit) or a `confluence.docSet`
 * of one word.
 */
export function docSetRepository(name: string): { repository: string; folder: string } | undefined {
  const match = /^([^/]*\/[^:]*)(?::(.+))?$/.exec(name);
  return match ? { repository: match[1]!, folder: match[2] ?? '' } : undefined;
}

type Report = (diagnostic: Diagnostic) => void;

/**
 * The repository `from` is in (see `repositoryRoot`), with its name (see `GitRepository.name`).
 * Where it has no remote and its first commit is not known, `report` is told (see `localKindWarning`).
 */
function gitRepository(from: string, report?: Report): GitRepository | undefined {
  const root = repositoryRoot(from);
  if (root === undefined) return undefined;
  const gitDir = gitDirOf(join(root, '.git'));
  const commonDir = gitCommonDir(gitDir);
  const origin = originRemote(join(commonDir, 'config'));
  if (origin === undefined) {
    const first = firstCommitOf(gitDir, commonDir);
    if (typeof first.found !== 'string' && report && !first.reported) report(localKindWarning(root, first.found));
    first.reported ||= report !== undefined;
    return { root, name: nameOnly(first.found), formerNames: [] };
  }
  const formerNames = origin.formerNames.filter((name) => name !== origin.name);
  // A repository given a remote after its first publishes: the same app's set before it.
  return { root, name: origin.name, formerNames, firstCommit: once(() => firstCommitOf(gitDir, commonDir).found) };
}

/**
 * A repository with no remote whose first commit git cannot give: its doc set falls back to its
 * folder's (the local kind), so the same app published from a container without git and from the
 * host would be two sets. (docgen names the git folder itself, `GIT_DIR`, so git's "dubious
 * ownership" check does not stop it.)
 */
function localKindWarning(root: string, why: FirstCommitMissing): Diagnostic {
  const cause = {
    shallow: ['the clone is shallow', 'fetch its whole history once (`git fetch --unshallow`)'],
    unborn: ['it has no commit yet', 'commit once (its pages are then taken over as the first commit’s set)'],
    git: [
      `git could not read it (${why.detail ?? 'git failed'})`,
      `make git run here (install it, or put it on PATH) for ${root}, or set \`confluence.docSet\` to name the set the same everywhere`,
    ],
    outside: ['it is no repository', 'publish from the repository'],
  }[why.missing];
  return {
    code: 'DG_DOC_SET_GIT',
    severity: 'warning',
    message: `docgen cannot read the first commit of ${root}, which names the doc set of a repository with no remote: ${cause[0]}; the pages are published as the set of their folder, which a checkout elsewhere would publish as another`,
    hint: `${cause[1]}, or set \`confluence.docSet\` in the config`,
  };
}

/**
 * The first commits found in this process, by git folder and HEAD's commit: `generate --publish`
 * reads the repository twice (the run's set, then the rendered folder's), and walks its history
 * once; and where it could not, warns once (`reported`).
 */
const firstCommits = new Map<string, { found: string | FirstCommitMissing; reported?: boolean }>();

/** `firstCommitName`, walked once per git folder and HEAD's commit (see `firstCommits`). */
function firstCommitOf(gitDir: string, commonDir: string): { found: string | FirstCommitMissing; reported?: boolean } {
  const key = `${gitDir}\n${headOf(gitDir, commonDir)}`;
  const first = firstCommits.get(key) ?? { found: firstCommitName(gitDir, commonDir) };
  firstCommits.set(key, first);
  return first;
}

/**
 * HEAD's commit, read from the git folder as git writes it (its branch's loose ref, else
 * `packed-refs`), without running git; HEAD's own text where its branch has no commit yet.
 */
function headOf(gitDir: string, commonDir: string): string {
  const head = textOf(join(gitDir, 'HEAD'));
  const branch = /^ref:\s*(\S+)/.exec(head)?.[1];
  if (!branch) return head;
  const packed = textOf(join(commonDir, 'packed-refs'))
    .split('\n')
    .find((line) => line.endsWith(` ${branch}`));
  return textOf(join(commonDir, branch)) || packed?.split(' ')[0] || head;
}

/** A small file's text, trimmed; `''` where it cannot be read. */
function textOf(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/** `find`, run at the first call only. */
function once<T>(find: () => T): () => T {
  let found: { value: T } | undefined;
  return () => (found ??= { value: find() }).value;
}

const FIRST_COMMIT = 'first-commit/';

/** Whether doc set `name` is a repository's with no remote, named after its first commit (see `firstCommitName`). */
export function namedAfterFirstCommit(name: string): boolean {
  return name.startsWith(FIRST_COMMIT);
}

/**
 * A repository with no remote named after its first commit (`first-commit/3f2a1c94e0b7`, of the
 * first parents from `HEAD`: a history merged in later does not change it): the same in each clone
 * of it, and another repository's even where both have the same folders and sources (ADR 11).
 * Else why it is not known (see `FirstCommitMissing`): with no commit yet nothing tells two such
 * repositories apart (the local kind); a shallow clone's first commit is the last one fetched.
 */
function firstCommitName(gitDir: string, commonDir: string): string | FirstCommitMissing {
  if (existsSync(join(commonDir, 'shallow'))) return { missing: 'shallow' };
  // This repository's: not one a hook's GIT_DIR names, nor one above a `.git` git does not take for one.
  const { GIT_WORK_TREE: _workTree, GIT_COMMON_DIR: _common, ...env } = process.env;
  try {
    const first = execFileSync('git', ['rev-list', '--max-parents=0', '--first-parent', 'HEAD'], {
      cwd: gitDir,
      env: { ...env, GIT_DIR: gitDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    return /^[0-9a-f]{40,64}$/.test(first) ? `${FIRST_COMMIT}${first.slice(0, 12)}` : { missing: 'unborn' };
  } catch (error) {
    // Git words an unborn HEAD differently by version (a usage text, an unknown revision): read it.
    if (!/^[0-9a-f]{40,64}$/.test(headOf(gitDir, commonDir))) return { missing: 'unborn' };
    return gitFailure(error as NodeJS.ErrnoException & { stderr?: string });
  }
}

/** Why `git rev-list HEAD` failed where HEAD has a commit: git not installed, or refusing the repository. */
function gitFailure(error: NodeJS.ErrnoException & { stderr?: string }): FirstCommitMissing {
  if (error.code === 'ENOENT') return { missing: 'git', detail: 'git is not installed' };
  const said = (error.stderr ?? '').trim();
  return { missing: 'git', detail: said.split('\n')[0] || error.message };
}

function nameOnly(found: string | FirstCommitMissing): string | undefined {
  return typeof found === 'string' ? found : undefined;
}

/** The folder of the nearest `.git` at or above `from`. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The git folder of a `.git`: it, or, where `.git` is a file (a worktree, a submodule), the folder it names. */
function gitDirOf(git: string): string {
  if (!statSync(git).isFile()) return git;
  const named = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(readFileSync(git, 'utf8'))?.[1];
  return named ? resolve(dirname(git), named) : git;
}

/** The folder of a git folder's config file: a worktree's remotes (and `shallow`) are its main repository's (`commondir`). */
function gitCommonDir(gitDir: string): string {
  const common = join(gitDir, 'commondir');
  return existsSync(common) ? resolve(gitDir, readFileSync(common, 'utf8').trim()) : gitDir;
}

/** The `origin` remote's URL in a git config file, as `repositoryIdentity` writes it (see `remoteNames`). */
function originRemote(configFile: string): { name: string; formerNames: string[] } | undefined {
  if (!existsSync(configFile)) return undefined;
  let inOrigin = false;
  for (const line of readFileSync(configFile, 'utf8').split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line)?.[1];
    if (section !== undefined) inOrigin = /^remote\s+"origin"$/.test(section);
    const url = inOrigin ? /^\s*url\s*=\s*(.+?)\s*$/.exec(line)?.[1] : undefined;
    if (url) return remoteNames(url.replace(/^"(.*)"$/, '$1').trim());
  }
  return undefined;
}

/**
 * A remote's name (see `repositoryIdentity`), and the names an older docgen gave it where they were
 * others (`formerNames`): its HTTPS and SSH forms were two names on some hosts. Those of the forms
 * this clone does not use too, where the name tells them (Azure DevOps's, see
 * `azureDevOpsOlderNames`): a set recorded from a developer's SSH clone is CI's over HTTPS. A
 * Bitbucket Data Center's context path is in its HTTPS form only, and its SSH form's older name is
 * the name itself. Undefined for a local path.
 */
function remoteNames(url: string): { name: string; formerNames: string[] } | undefined {
  const written = writtenRemote(url);
  if (!written) return undefined;
  const name = sameForEachForm(written);
  const azure = azureDevOpsParts(written.host, written.path);
  const older = [`${written.host}/${written.path}`, ...(azure ? azureDevOpsOlderNames(azure) : [])];
  return { name, formerNames: [...new Set(older)].filter((former) => former !== name) };
}

/**
 * A remote's URL as host and path, the same for its HTTPS and SSH forms and without credentials
 * (CI systems put a token in it): `https://ci:TOKEN@github.com/acme/shop.git` and
 * `git@github.com:acme/shop.git` are both `github.com/acme/shop`; Bitbucket Data Center's
 * `https://bitbucket.acme.com/scm/plat/shop.git` (also under a context path,
 * `https://bitbucket.acme.com/bitbucket/scm/plat/shop.git`) and
 * `ssh://git@bitbucket.acme.com:7999/plat/shop.git` are all `bitbucket.acme.com/plat/shop` (the host
 * is part of the name: `https://acme.com/bitbucket/scm/plat/shop.git` is `acme.com/plat/shop`);
 * Azure DevOps's `https://dev.azure.com/acme/shop/_git/web` and
 * `git@ssh.dev.azure.com:v3/acme/shop/web` are both `dev.azure.com/acme/shop/web`. Undefined for a
 * local path.
 */
export function repositoryIdentity(url: string): string | undefined {
  const written = writtenRemote(url);
  return written && sameForEachForm(written);
}

/** A remote's host and path as docgen named a repository before `sameForEachForm`, lower case. */
function writtenRemote(url: string): { host: string; path: string } | undefined {
  const where = scpLike(url) ?? parsedUrl(url);
  if (!where) return undefined;
  const path = where.path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/^scm\//, '');
  // A host of one letter is a Windows drive (`C:\repos\shop`); an `@` left is a credential's.
  if (!/^[a-z0-9][a-z0-9.-]+$/i.test(where.host) || !path || /[@\\]/.test(path)) return undefined;
  return { host: where.host.toLowerCase(), path: path.toLowerCase() };
}

/**
 * `host/path` as a repository's SSH form writes it, where its HTTPS form writes it otherwise:
 * Azure DevOps (see `azureDevOpsParts`), and Bitbucket Data Center served under a context path
 * (see `bitbucketServerPath`).
 */
function sameForEachForm({ host, path }: { host: string; path: string }): string {
  const azure = azureDevOpsParts(host, path);
  if (azure) return `dev.azure.com/${azure.join('/')}`;
  return `${host}/${bitbucketServerPath(host, path) ?? path}`;
}

/**
 * Hosts that are not a Bitbucket Data Center: the public services, and servers named as GitHub
 * Enterprise's or GitLab's (`github.acme.com`, `gitlab.acme.com`). GitLab nests groups, so a group
 * `scm` there (`gitlab.com/acme/platform/scm/infra/shop`) is part of the repository's name.
 */
const NOT_BITBUCKET_SERVER =
  /^(?:bitbucket\.org|codeberg\.org|gitea\.com|(?:.+\.)?sr\.ht)$|(?:^|\.)(?:github|gitlab)(?:\.|$)/;

/**
 * `project/repository` of a Bitbucket Data Center HTTPS remote under a context path
 * (`/bitbucket/scm/plat/shop`, the context of any segments), as its SSH form writes it, with
 * neither the context nor `scm`. Only where that is all the path can be: `scm/` followed by exactly
 * a project key (a letter, then letters, digits and `_`, as Bitbucket allows them) or a user's
 * `~name`, and the repository, on a host not known for another kind (`NOT_BITBUCKET_SERVER`).
 * Any other path is the repository's name as written: two repositories must never share one. (A
 * leading `scm/`, with no context, is dropped on every host, as docgen always did: `writtenRemote`.)
 */
function bitbucketServerPath(host: string, path: string): string | undefined {
  if (NOT_BITBUCKET_SERVER.test(host)) return undefined;
  return /^.+\/scm\/((?:~[^/]+|[a-z][a-z0-9_]*)\/[^/]+)$/.exec(path)?.[1];
}

/**
 * Organization, project and repository of an Azure DevOps remote: `dev.azure.com/acme/shop/_git/web`
 * (a repository named as its project: `acme/_git/shop`), the older `acme.visualstudio.com/shop/_git/web`
 * (with or without `DefaultCollection/`), and SSH's `ssh.dev.azure.com/v3/acme/shop/web` (or
 * `vs-ssh.visualstudio.com`). Undefined for another host. SSH writes a space `%20`, as HTTPS does.
 */
function azureDevOpsParts(host: string, path: string): string[] | undefined {
  const parts =
    host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com'
      ? /^v3\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path)?.slice(1)
      : azureHttpsParts(host, path);
  return parts?.map(safelyDecoded);
}

/**
 * The names an older docgen gave each form of an Azure DevOps remote (`writtenRemote`'s `host/path`):
 * HTTPS on dev.azure.com and visualstudio.com (with and without `DefaultCollection/`; `_git/shop`
 * for a repository named as its project), decoded; SSH on ssh.dev.azure.com and
 * vs-ssh.visualstudio.com, as its short form writes a space (`%20`) and decoded as in an `ssh://` URL.
 */
function azureDevOpsOlderNames(parts: string[]): string[] {
  const [org, project, repository] = parts;
  const inOrg = [`${project}/_git/${repository}`, ...(project === repository ? [`_git/${repository}`] : [])];
  const ssh = [parts, parts.map((part) => encodeURIComponent(part).toLowerCase())].map((p) => `v3/${p.join('/')}`);
  return [
    ...inOrg.map((path) => `dev.azure.com/${org}/${path}`),
    ...inOrg.flatMap((path) => [
      `${org}.visualstudio.com/${path}`,
      `${org}.visualstudio.com/defaultcollection/${path}`,
    ]),
    ...ssh.flatMap((path) => [`ssh.dev.azure.com/${path}`, `vs-ssh.visualstudio.com/${path}`]),
  ];
}

/** Organization, project and repository of an Azure DevOps HTTPS remote (see `azureDevOpsParts`). */
function azureHttpsParts(host: string, path: string): string[] | undefined {
  const [org, inOrg] =
    host === 'dev.azure.com'
      ? [path.split('/')[0], path.slice(path.indexOf('/') + 1)]
      : [/^([^.]+)\.visualstudio\.com$/.exec(host)?.[1], path.replace(/^defaultcollection\//, '')];
  const match = org ? /^(?:([^/]+)\/)?_git\/([^/]+)$/.exec(inOrg) : null;
  return org && match ? [org, match[1] ?? match[2]!, match[2]!] : undefined;
}

function safelyDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
