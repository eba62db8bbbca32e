/**
 * The packages of the repository's own workspaces, for an import by package name
 * (`import { makeRouter } from '@acme/shared-routes'`): in an npm, Yarn or pnpm workspace the name
 * is the project's code, linked into node_modules (or about to be), not a package of the registry.
 * Read without installing anything: the workspace globs of the root package.json (or
 * pnpm-workspace.yaml) name the folders; a node_modules link that leads out of node_modules says the same.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { foldersUp } from './folders-up.js';
import type { Diagnostic } from '@docgen/core';

/** What a package's manifest says of where its code is. */
interface Manifest {
  name?: unknown;
  source?: unknown;
  exports?: unknown;
  module?: unknown;
  main?: unknown;
  types?: unknown;
  typings?: unknown;
  workspaces?: unknown;
}

/** The folders compilers write to, whose sources are under `src/` beside them. */
const BUILD_FOLDERS = /^(?:\.\/)?(?:dist|lib|build|out)\//;

export class WorkspacePackages {
  /** A folder → the workspace packages (name → folder) of the repository it is in, read once per folder. */
  private readonly byFolder = new Map<string, Map<string, string> | undefined>();
  /** A folder and a package name → the workspace folder its node_modules link leads to, looked up once. */
  private readonly links = new Map<string, string | undefined>();

  /** `missed`: the run's list of the workspace packages whose source it does not find (`missedSourceWarnings`). */
  constructor(private readonly missed: MissedSource[]) {}

  /**
   * The source file a package specifier names where the package is one of the workspace's
   * (`@acme/shared-routes`, `@acme/shared-routes/users`), found with `sourceFile`; undefined for
   * any other package.
   */
  resolve(from: string, specifier: string, sourceFile: (base: string) => string | undefined): string | undefined {
    const name = packageName(specifier);
    if (specifier.startsWith('node:')) return undefined;
    const folder = this.linked(dirname(from), name) ?? this.packages(dirname(from))?.get(name);
    if (!folder) return undefined;
    const subpath = specifier.slice(name.length).replace(/^\//, '');
    const looked: string[] = [];
    const trying = (base: string) => {
      looked.push(base);
      return sourceFile(base);
    };
    const file = subpath ? subpathSource(folder, subpath, trying) : entrySource(folder, trying);
    if (!file) this.missed.push({ from, specifier, folder, looked });
    return file;
  }

  private linked(dir: string, name: string): string | undefined {
    const key = `${dir}\0${name}`;
    if (!this.links.has(key)) this.links.set(key, linkedWorkspace(dir, name));
    return this.links.get(key);
  }

  /** The workspace packages of the nearest package.json (or pnpm-workspace.yaml) above `dir` that declares workspaces. */
  private packages(dir: string): Map<string, string> | undefined {
    if (this.byFolder.has(dir)) return this.byFolder.get(dir);
    const patterns = workspacePatterns(dir);
    const found = patterns ? packagesIn(dir, patterns) : dir === dirname(dir) ? undefined : this.packages(dirname(dir));
    this.byFolder.set(dir, found);
    return found;
  }
}

/** A workspace package imported by name whose source docgen does not find: where it was imported, and where docgen looked. */
export interface MissedSource {
  from: string;
  specifier: string;
  folder: string;
  /** The paths tried, each with the extensions and index files a module may have. */
  looked: string[];
}

/**
 * A warning for each workspace package a run imported whose source docgen does not find
 * (`DG_ROUTES_PLUGIN_UNREAD`): it is read as a package of the registry would be (a row of the page,
 * or nothing), which is wrong for the project's own code, so the run says so. The readers of a run
 * each resolve imports with resolvers of their own, all adding to the one list the run hands them;
 * a package whose source is missing is a fact of the repository, said once for the run, at the
 * first import of it, whichever reader met it.
 */
export function missedSourceWarnings(misses: MissedSource[]): Diagnostic[] {
  const said = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const miss of misses) {
    const name = miss.specifier;
    if (said.has(name)) continue;
    said.add(name);
    const root = commonFolder(dirname(miss.from), miss.folder);
    const shown = (path: string) => relative(root, path) || '.';
    warnings.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message: `${name} is a package of the repository's workspaces (${shown(miss.folder)}), but docgen finds no source for it (looked for ${[...new Set(miss.looked.map((base) => shown(base.replace(/\.(?:[cm]?js|jsx)$/, ''))))].join(', ')}, as .ts, .tsx, .mts, .js or .mjs): what it exports is read as an installed package's, its routes are not read`,
      location: { file: miss.from, line: importLine(miss.from, name) },
      hint: `give ${shown(join(miss.folder, 'package.json'))} a "source" (or "exports"/"main") naming its TypeScript entry, or add src/index.ts`,
    });
  }
  return warnings;
}

/** The folder two paths share, for paths shown from where both are. */
function commonFolder(a: string, b: string): string {
  const left = a.split(sep);
  const right = b.split(sep);
  let at = 0;
  while (at < left.length && at < right.length && left[at] === right[at]) at++;
  return left.slice(0, at).join(sep) || sep;
}

/** The line of the first import or require of a specifier in a file (quoted as written). */
function importLine(file: string, specifier: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // the file was read moments ago; gone now, it is said without a line
  }
  const lines = text.split('\n');
  const at = lines.findIndex(
    (line) => line.includes(`'${specifier}'`) || line.includes(`"${specifier}"`) || line.includes(`\`${specifier}\``),
  );
  return at === -1 ? undefined : at + 1;
}

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The folder a `node_modules/<name>` above `dir` links to, where that is outside any node_modules
 * (a workspace's link, as npm, Yarn and pnpm make them); undefined for an installed package.
 */
function linkedWorkspace(dir: string, name: string): string | undefined {
  for (const current of foldersUp(dir)) {
    const link = join(current, 'node_modules', name);
    if (existsSync(link)) {
      if (!lstatSync(link).isSymbolicLink()) return undefined;
      const target = realpathSync(link);
      return target.split(sep).includes('node_modules') ? undefined : target;
    }
  }
  return undefined;
}

/** The workspace globs `dir` declares: package.json's `workspaces` (a list, or Yarn's `{ packages }`), or pnpm-workspace.yaml's `packages`. */
function workspacePatterns(dir: string): string[] | undefined {
  const manifest = readManifest(join(dir, 'package.json'));
  const declared = manifest?.workspaces;
  const list = Array.isArray(declared)
    ? declared
    : declared && typeof declared === 'object'
      ? (declared as { packages?: unknown }).packages
      : undefined;
  if (Array.isArray(list)) return list.filter((each): each is string => typeof each === 'string');
  const pnpm = join(dir, 'pnpm-workspace.yaml');
  if (!existsSync(pnpm)) return undefined;
  // Its `packages:` list, one `- 'glob'` a line: all pnpm reads from it for this.
  const lines = readFileSync(pnpm, 'utf8').split('\n');
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start === -1) return [];
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line);
    if (!item) break;
    patterns.push(item[1]!);
  }
  return patterns;
}

/** Each folder the globs match that holds a named package.json: name → folder (`!` exclusions honoured). */
function packagesIn(root: string, patterns: string[]): Map<string, string> {
  const excluded = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => matchFolders(root, p.slice(1))));
  const found = new Map<string, string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!')))
    for (const folder of matchFolders(root, pattern)) {
      const name = readManifest(join(folder, 'package.json'))?.name;
      if (typeof name === 'string' && !excluded.has(folder) && !found.has(name)) found.set(name, folder);
    }
  return found;
}

/** The folders a workspace glob names: `packages/*` (one level), `packages/**` (any depth), or a folder as written. */
function matchFolders(root: string, pattern: string): string[] {
  let folders = [root];
  for (const part of pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/')) {
    if (part === '**') folders = folders.flatMap((folder) => [folder, ...subfolders(folder, 4)]);
    else if (part.includes('*')) {
      const matcher = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      folders = folders.flatMap((folder) =>
        subfolders(folder, 1).filter((sub) => matcher.test(sub.slice(folder.length + 1))),
      );
    } else folders = folders.map((folder) => join(folder, part)).filter((folder) => existsSync(folder));
  }
  return folders;
}

/** The folders under `dir`, `depth` levels down, node_modules and hidden ones left out. */
function subfolders(dir: string, depth: number): string[] {
  if (depth === 0 || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name))
    .flatMap((folder) => [folder, ...(depth > 1 ? subfolders(folder, depth - 1) : [])]);
}

/**
 * The file a workspace package's name leads to, as its source: the manifest's `source`, `exports`,
 * `module`, `main` or `types`, each read where the TypeScript it was built from is (`dist/index.js`
 * → `src/index.ts`) before where it points, else `src/index` or `index`.
 */
function entrySource(folder: string, sourceFile: (base: string) => string | undefined): string | undefined {
  const manifest = readManifest(join(folder, 'package.json')) ?? {};
  const exported = conditional(
    manifest.exports && typeof manifest.exports === 'object' && '.' in manifest.exports
      ? (manifest.exports as Record<string, unknown>)['.']
      : manifest.exports,
  );
  const targets = [manifest.source, exported, manifest.module, manifest.main, manifest.types, manifest.typings].filter(
    (target): target is string => typeof target === 'string',
  );
  for (const target of targets) {
    const written = target.replace(/\.d\.[cm]?ts$/, '.ts');
    const file =
      (BUILD_FOLDERS.test(written) ? sourceFile(join(folder, written.replace(BUILD_FOLDERS, 'src/'))) : undefined) ??
      sourceFile(join(folder, written));
    if (file) return file;
  }
  return sourceFile(join(folder, 'src', 'index')) ?? sourceFile(join(folder, 'index'));
}

/** `@acme/shared-routes/users`: the module under the package's `src/`, else its folder. */
function subpathSource(
  folder: string,
  subpath: string,
  sourceFile: (base: string) => string | undefined,
): string | undefined {
  const written = subpath.replace(BUILD_FOLDERS, '');
  return sourceFile(join(folder, 'src', written)) ?? sourceFile(join(folder, subpath));
}

/** An `exports` target, or the first of its conditions that leads to source. */
function conditional(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (!target || typeof target !== 'object') return undefined;
  const conditions = target as Record<string, unknown>;
  for (const key of ['source', 'development', 'import', 'node', 'require', 'default', 'types']) {
    const found = conditional(conditions[key]);
    if (found) return found;
  }
  return undefined;
}

function readManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined; // an unreadable package.json names no package
  }
}
