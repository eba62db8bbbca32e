import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, posix, relative } from 'node:path';
import {
  createNodesFromFiles,
  DependencyType,
  logger,
  type CreateDependencies,
  type CreateNodesContextV2,
  type CreateNodesResult,
  type CreateNodesV2,
  type ProjectConfiguration,
  type RawProjectGraphDependency,
  type TargetConfiguration,
} from '@nx/devkit';
import { parse as parseYaml } from 'yaml';

/**
 * Nx plugin: every folder with a `docgen.config.{json,yaml,yml,js,mjs,ts}`, or a `package.json` with a
 * `docgen` key (which docgen reads when the folder has no config file), gets two inferred targets.
 *
 * - `docs` renders the folder's sources into its output folder. It is a pure function of the
 *   folder's files, so Nx caches it and `nx affected -t docs` regenerates only what changed.
 * - `docs-publish` syncs that output to Confluence. It talks to a server, so it is never cached.
 *
 * Inference only reads the config file (to find `out`, `templates` and the sources' paths); it
 * has no side effects.
 */
export interface DocgenNxPluginOptions {
  /** Name of the generate target (default `docs`). */
  targetName?: string;
  /** Name of the publish target (default `docs-publish`). */
  publishTargetName?: string;
  /** The generator command (default `docgen generate`: every source of the config), run with `--config <file> --out <dir>`. */
  command?: string;
}

/**
 * A docs target depends on the projects that hold what its config names outside its own project
 * (a shared spec in `libs/contracts`, an in-house plugin in `tools/flags-plugin`): its inputs see a
 * change there, but `nx affected` maps a changed file only to the project holding it and to that
 * project's dependents. These edges make the docs project one of them.
 */
export const createDependencies: CreateDependencies<DocgenNxPluginOptions> = (_options, context) => {
  const projects = Object.values(context.projects).filter((project) => project.name !== undefined);
  const dependencies = new Map<string, RawProjectGraphDependency>();
  for (const project of projects)
    for (const folder of externalInputFolders(project)) {
      const owner = deepestProjectHolding(projects, folder);
      if (!owner || owner === project.name) continue;
      const dependency: RawProjectGraphDependency = {
        source: project.name!,
        target: owner,
        type: DependencyType.implicit,
      };
      dependencies.set(`${project.name}\0${owner}`, dependency);
    }
  return [...dependencies.values()];
};

/** What docgen's targets of a project read outside it: their `{workspaceRoot}/…` inputs, as workspace paths. */
function externalInputFolders(project: ProjectConfiguration): string[] {
  const docgenTargets = Object.values(project.targets ?? {}).filter((target) =>
    target.metadata?.technologies?.includes('docgen'),
  );
  return docgenTargets
    .flatMap((target) => target.inputs ?? [])
    .filter((input): input is string => typeof input === 'string' && input.startsWith('{workspaceRoot}/'))
    .map((input) => input.slice('{workspaceRoot}/'.length).replace(/\/\*\*\/\*$/, ''));
}

/** The name of the project whose root holds `path` most closely (the root project holds everything else). */
function deepestProjectHolding(projects: ProjectConfiguration[], path: string): string | undefined {
  const holding = projects.filter(
    (project) => project.root === '.' || path === project.root || path.startsWith(`${project.root}/`),
  );
  return holding.sort((a, b) => (b.root === '.' ? 0 : b.root.length) - (a.root === '.' ? 0 : a.root.length))[0]?.name;
}

/** Every config file docgen reads (core's CONFIG_FILE_NAMES); a folder's comes before its package.json#docgen. */
const CONFIG_FILE_NAMES = [
  'docgen.config.json',
  'docgen.config.yaml',
  'docgen.config.yml',
  'docgen.config.js',
  'docgen.config.mjs',
  'docgen.config.ts',
];
const CONFIG_GLOB = `**/{${[...CONFIG_FILE_NAMES, 'package.json'].join(',')}}`;
const DEFAULT_OUT = 'docs-out';

export const createNodesV2: CreateNodesV2<DocgenNxPluginOptions> = [
  CONFIG_GLOB,
  (files, options, context) => {
    checkOptions(options, context.workspaceRoot);
    const configs = files.filter(
      (file) => basename(file) !== 'package.json' || configuresDocgen(context.workspaceRoot, file),
    );
    const owners = projectsOwning(context.workspaceRoot, configs);
    return createNodesFromFiles(
      (file, given, nodesContext) => inferDocsTargets(file, given, nodesContext, owners.get(file)!),
      [...owners.keys()],
      options ?? {},
      context,
    );
  },
];

/** The plugin's options (nx.json's `plugins[].options`), as `DocgenNxPluginOptions` names them. */
const OPTION_NAMES = ['targetName', 'publishTargetName', 'command'] as const;

/**
 * Options that are not the plugin's (`targetname`, `publishTarget`) would be ignored, and the
 * targets inferred under their defaults as if nothing were wrong: an error naming the key, where it
 * is in nx.json and the key meant, as docgen's own config validation reports an unknown key.
 */
function checkOptions(options: unknown, workspaceRoot: string): void {
  if (options === undefined || options === null) return;
  const where = (key?: string) => `nx.json${key ? lineOf(join(workspaceRoot, 'nx.json'), key) : ''}`;
  if (typeof options !== 'object' || Array.isArray(options))
    throw new Error(
      `invalid @docgen/nx-plugin options in ${where()}: "options" must be an object, e.g. { "targetName": "docs" }`,
    );
  const problems = Object.entries(options as Record<string, unknown>).flatMap(([key, value]) => {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      const meant = closestOption(key);
      return [`unknown key "${key}" (${where(key)}${meant ? `, did you mean "${meant}"?` : ''})`];
    }
    return typeof value === 'string' && value.trim() ? [] : [`"${key}" must be a non-empty string (${where(key)})`];
  });
  if (problems.length)
    throw new Error(
      `invalid @docgen/nx-plugin options: ${problems.join('; ')}. Allowed keys: ${OPTION_NAMES.join(', ')}`,
    );
}

/** `:12`, the line of nx.json where `"key"` is written (after the plugin's name), for the error; empty when not found. */
function lineOf(nxJson: string, key: string): string {
  let lines: string[];
  try {
    lines = readFileSync(nxJson, 'utf8').split(/\r?\n/);
  } catch {
    return '';
  }
  const plugin = Math.max(
    0,
    lines.findIndex((line) => line.includes('@docgen/nx-plugin')),
  );
  const index = lines.findIndex((line, i) => i >= plugin && line.includes(`"${key}"`));
  return index >= 0 ? `:${index + 1}` : '';
}

/** The option a misspelt key meant: within two edits (case aside), else one it begins (`publishTarget`). */
function closestOption(key: string): string | undefined {
  const lower = key.toLowerCase();
  const nearest = OPTION_NAMES.map((name) => ({ name, edits: editDistance(lower, name.toLowerCase()) })).sort(
    (a, b) => a.edits - b.edits,
  )[0]!;
  if (nearest.edits <= 2) return nearest.name;
  return OPTION_NAMES.find((name) => lower.length >= 4 && name.toLowerCase().startsWith(lower));
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Each config → the root of the project whose docs it renders. A config in a subfolder of a
 * project (`apps/api/docs/docgen.config.yaml`, under `apps/api/project.json`) is that project's:
 * made a project of its own, it would take the subfolder's files from the project that holds them
 * (Nx gives a file to the deepest project), and its target would not run when they change. A
 * project has one docgen config: its own folder's, else the shallowest below it; the others are
 * left out, with a warning that says which.
 */
function projectsOwning(workspaceRoot: string, configs: string[]): Map<string, string> {
  const byProject = new Map<string, string[]>();
  for (const config of configs) {
    const folder = dirname(config);
    // A folder that is a project itself (its package.json, a project.json) keeps its config's targets.
    const root = isProject(workspaceRoot, folder) ? folder : (enclosingProject(workspaceRoot, folder) ?? folder);
    byProject.set(root, [...(byProject.get(root) ?? []), config]);
  }
  const owners = new Map<string, string>();
  for (const [root, found] of byProject) {
    const [chosen, ...others] = [...found].sort(
      (a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b),
    );
    owners.set(chosen!, root);
    if (others.length)
      logger.warn(
        `@docgen/nx-plugin: project ${root} has more than one docgen config; its docs target renders ${chosen}, not ${others.join(', ')}. ` +
          'Move their sources into one config, or give each folder a project.json of its own to make it a project.',
      );
  }
  return owners;
}

/**
 * The nearest folder above `folder` (not the workspace root, nor `folder` itself) that is an Nx
 * project: it has a project.json or a package.json. Undefined when none is.
 */
function enclosingProject(workspaceRoot: string, folder: string): string | undefined {
  for (let parent = posix.dirname(folder); parent !== '.'; parent = posix.dirname(parent))
    if (isProject(workspaceRoot, parent)) return parent;
  return undefined;
}

/** Whether a folder is an Nx project: it has a project.json or a package.json. */
function isProject(workspaceRoot: string, folder: string): boolean {
  return ['project.json', 'package.json'].some((name) => existsSync(join(workspaceRoot, folder, name)));
}

/**
 * A package.json docgen would read its config from: one with a `docgen` object, in a folder
 * without a config file of its own (that one wins, and has its own target). Every package.json
 * of the workspace is matched, so the text is searched for the key before anything is parsed.
 */
function configuresDocgen(workspaceRoot: string, packageJson: string): boolean {
  const folder = join(workspaceRoot, dirname(packageJson));
  if (CONFIG_FILE_NAMES.some((name) => existsSync(join(folder, name)))) return false;
  const docgen = readPackageJsonConfig(join(workspaceRoot, packageJson));
  return docgen !== undefined;
}

/** The `docgen` object of a package.json; undefined without one (or when the file does not parse). */
function readPackageJsonConfig(file: string): DocgenConfigFacts | undefined {
  try {
    const text = readJsonText(file);
    if (!text.includes('"docgen"')) return undefined;
    const docgen = (JSON.parse(text) as { docgen?: unknown }).docgen;
    return docgen && typeof docgen === 'object' && !Array.isArray(docgen) ? (docgen as DocgenConfigFacts) : undefined;
  } catch {
    return undefined; // not valid JSON: Nx itself reports it
  }
}

/**
 * The targets of one config, on the project at `projectRoot`: the config's folder, or the project
 * that holds it. The command runs in the config's folder, as docgen reads the config's paths
 * from there.
 */
function inferDocsTargets(
  configFile: string,
  options: DocgenNxPluginOptions | undefined,
  context: CreateNodesContextV2,
  projectRoot: string,
): CreateNodesResult {
  const configDir = dirname(configFile);
  const config = readConfig(join(context.workspaceRoot, configFile));
  const out = typeof config?.out === 'string' ? config.out.replace(/^\.\//, '').replace(/\/$/, '') : DEFAULT_OUT;
  const outInWorkspace = workspacePath(context.workspaceRoot, configDir, out);
  const outInProject = insideProject(projectRoot, outInWorkspace);
  // docgen's cache (`.docgen/`) is beside the config: `docs/.docgen` for a config in `docs/`.
  const cacheInProject = insideProject(projectRoot, posix.join(configDir, '.docgen')) ?? '.docgen';
  // A project's own target of that name (a `docs` script running typedoc) would win over the
  // inferred one, and the publish target would publish what typedoc wrote: docgen's go by its name.
  const own = ownTargets(context.workspaceRoot, projectRoot);
  const generate = freeTargetName(options?.targetName ?? 'docs', 'docgen', own);
  // Renamed, docgen's publish target goes by its name too: `docgen-publish` after `docgen`.
  const publishWanted = options?.publishTargetName ?? (generate === 'docgen' ? 'docgen-publish' : 'docs-publish');
  const publish = freeTargetName(publishWanted, 'docgen-publish', own);
  if (!generate || !publish) return {};
  const command = options?.command ?? 'docgen generate';
  const configName = basename(configFile);

  const docsTarget: TargetConfiguration = {
    executor: 'nx:run-commands',
    options: { command: `${command} --config ${configName} --out ${shellWord(out)}`, cwd: configDir },
    cache: true,
    // The output folder and docgen's own cache are results, not inputs. What the config names
    // outside the project (a shared spec, the workspace's templates) is an input too: without it
    // a change there replayed the old pages from the cache.
    inputs: [
      '{projectRoot}/**/*',
      ...(outInProject !== undefined ? [`!{projectRoot}/${outInProject}/**/*`] : []),
      `!{projectRoot}/${cacheInProject}/**/*`,
      ...externalInputs(context.workspaceRoot, configDir, projectRoot, config),
      // A routes source follows the code's imports into the workspace libraries it mounts routers
      // from (Nx makes those its dependencies): their files make the routes page too.
      ...(readsImportedCode(config) ? ['^{projectRoot}/**/*'] : []),
      // docgen itself: an upgrade renders differently, and must not replay pages the old one cached.
      { runtime: `${docgenBinary(command)} --version` },
    ],
    outputs: [outInProject !== undefined ? `{projectRoot}/${outInProject}` : `{workspaceRoot}/${outInWorkspace}`],
    metadata: {
      description: `Render this project’s documentation with docgen${configDir === projectRoot ? '' : ` (${configFile})`}${renamedNote(options?.targetName ?? 'docs', generate, own)}`,
      technologies: ['docgen'],
    },
  };
  const publishTarget: TargetConfiguration = {
    executor: 'nx:run-commands',
    // The docgen that rendered the folder publishes it (`command: npx docgen generate` → `npx docgen publish`).
    options: { command: `${docgenBinary(command)} publish ${shellWord(out)}`, cwd: configDir },
    dependsOn: [generate],
    cache: false,
    metadata: {
      description: `Publish the rendered documentation to Confluence${renamedNote(publishWanted, publish, own)}`,
      technologies: ['docgen'],
    },
  };
  const targets = { [generate]: docsTarget, [publish]: publishTarget };
  const name = projectName(context.workspaceRoot, projectRoot);
  // No `name` key at all where Nx names the project: a key set to undefined would unname it when merged in process.
  return { projects: { [projectRoot]: name === undefined ? { targets } : { name, targets } } };
}

/**
 * The targets a project defines itself that run something other than docgen, by name, with what
 * they run: project.json's and package.json's `nx.targets` (with their own executor or command),
 * and package.json's scripts, which Nx makes targets of. A target that only adds to docgen's
 * (`"docs": { "inputs": [...] }`, as this README suggests) or runs docgen is docgen's own.
 */
function ownTargets(workspaceRoot: string, projectRoot: string): Map<string, string> {
  const own = new Map<string, string>();
  const project = readJson(join(workspaceRoot, projectRoot, 'project.json')) as { targets?: unknown } | undefined;
  const manifest = readJson(join(workspaceRoot, projectRoot, 'package.json')) as
    { scripts?: unknown; nx?: { targets?: unknown } } | undefined;
  for (const targets of [project?.targets, manifest?.nx?.targets]) {
    if (!targets || typeof targets !== 'object') continue;
    for (const [name, target] of Object.entries(targets as Record<string, unknown>)) {
      const runs = otherThanDocgen(target);
      if (runs) own.set(name, runs);
    }
  }
  if (manifest?.scripts && typeof manifest.scripts === 'object')
    for (const [name, script] of Object.entries(manifest.scripts as Record<string, unknown>))
      if (typeof script === 'string' && !DOCGEN_COMMAND.test(script) && !own.has(name)) own.set(name, script);
  return own;
}

const DOCGEN_COMMAND = /\bdocgen\b/;

/** What a target of project.json runs, when it is not docgen: its executor, else its command; undefined for docgen's own. */
function otherThanDocgen(target: unknown): string | undefined {
  if (!target || typeof target !== 'object') return undefined;
  const { executor, command, options } = target as { executor?: unknown; command?: unknown; options?: unknown };
  const given = options && typeof options === 'object' ? (options as { command?: unknown; commands?: unknown }) : {};
  const commands = [command, given.command, ...(Array.isArray(given.commands) ? given.commands : [given.commands])]
    .map((entry) => (entry && typeof entry === 'object' ? (entry as { command?: unknown }).command : entry))
    .filter((entry): entry is string => typeof entry === 'string');
  if (typeof executor === 'string' && executor !== 'nx:run-commands') return executor;
  if (commands.length && !commands.some((entry) => DOCGEN_COMMAND.test(entry))) return commands.join(' && ');
  return undefined;
}

/** `wanted` when the project does not define it otherwise, else `fallback`; undefined when both are taken. */
function freeTargetName(wanted: string, fallback: string, own: Map<string, string>): string | undefined {
  if (!own.has(wanted)) return wanted;
  return own.has(fallback) ? undefined : fallback;
}

/** ` (its own "docs" target runs typedoc src)`, for a target inferred under its other name. */
function renamedNote(wanted: string, name: string, own: Map<string, string>): string {
  return wanted === name ? '' : ` (the project's own "${wanted}" target runs ${own.get(wanted)})`;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readJsonText(file)) as unknown;
  } catch {
    return undefined; // missing, or not JSON: Nx itself reports a broken manifest
  }
}

/**
 * A JSON file's text past a byte order mark (a Windows editor's), as npm, Node and docgen's own
 * config loader read a package.json. Nx's JSON reader stops at the mark, but reads no package.json
 * outside the workspaces, where a docgen config may be: this plugin does, and finds what docgen would.
 */
function readJsonText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** A path as one word of a shell command: as it is when it is plain, else single-quoted (`'docs out'`). */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * The docgen the target runs (`npx docgen` of `npx docgen generate`, of `node tools/docgen.js api`):
 * the words before its generator command, to ask its version and to publish with.
 */
function docgenBinary(command: string): string {
  return command.replace(/\s+(generate|api|adr|schema|runbook)(\s.*)?$/, '');
}

interface DocgenConfigFacts {
  out?: unknown;
  templates?: unknown;
  sources?: unknown;
}

/** A JSON or YAML config, or package.json#docgen; a JS or TS config is not read (inference must not execute code). */
function readConfig(file: string): DocgenConfigFacts | undefined {
  if (basename(file) === 'package.json') return readPackageJsonConfig(file);
  if (!/\.(json|ya?ml)$/.test(file) || !existsSync(file)) return undefined;
  try {
    const config = parseYaml(readFileSync(file, 'utf8')) as unknown;
    return config && typeof config === 'object' ? (config as DocgenConfigFacts) : undefined;
  } catch {
    return undefined; // an invalid config is reported by the docs target itself, with its line
  }
}

/** Whether a source of the config reads code by following its imports (the routes plugin), into other projects too. */
function readsImportedCode(config: DocgenConfigFacts | undefined): boolean {
  const sources: unknown[] = Array.isArray(config?.sources) ? config.sources : [];
  return sources.some((source) => (source as { plugin?: unknown } | null)?.plugin === 'routes');
}

/** The built-in plugins' options that name files or folders (docs/configuration.md). */
const PATH_OPTIONS = ['spec', 'openapi', 'schema', 'dir', 'entry'];

/**
 * Inputs for what the config (in `configDir`) names outside its project: the templates folder, each source's
 * spec, schema, ADR or catalog folder, and the folder of a routes entry (its route files are
 * imported from there). What lies inside the project is already `{projectRoot}/**\/*`.
 */
function externalInputs(
  workspaceRoot: string,
  configDir: string,
  projectRoot: string,
  config: DocgenConfigFacts | undefined,
): string[] {
  const named: Array<{ path: string; option?: string }> = [];
  if (typeof config?.templates === 'string')
    for (const folder of templateFolders(config.templates, config.sources))
      named.push({ path: folder, option: 'templates' });
  for (const source of Array.isArray(config?.sources) ? config.sources : []) {
    const { plugin, options } = (source ?? {}) as { plugin?: unknown; options?: Record<string, unknown> };
    if (typeof plugin === 'string' && /^\.\.?\//.test(plugin)) named.push({ path: plugin });
    const folder = typeof plugin === 'string' ? workspacePluginFolder(workspaceRoot, configDir, plugin) : undefined;
    if (folder !== undefined)
      named.push({ path: relative(join(workspaceRoot, configDir), join(workspaceRoot, folder)) });
    for (const option of PATH_OPTIONS)
      if (typeof options?.[option] === 'string') named.push({ path: options[option] as string, option });
  }
  for (const { path, option } of [...named])
    if (option === 'spec' || option === 'openapi')
      for (const referenced of referencedFiles(join(workspaceRoot, configDir, path)))
        named.push({ path: relative(join(workspaceRoot, configDir), referenced) });
  const inputs = new Set<string>();
  for (const { path, option } of named) {
    // Paths are the config's, from its folder; inside the project they are inputs already.
    const inWorkspace = workspacePath(workspaceRoot, configDir, path);
    if (inWorkspace.startsWith('..') || heldByProject(workspaceRoot, projectRoot, inWorkspace)) continue;
    if (option === 'entry') inputs.add(`{workspaceRoot}/${posix.dirname(inWorkspace)}/**/*`);
    else if (option === 'templates' || isFolder(join(workspaceRoot, inWorkspace)))
      inputs.add(`{workspaceRoot}/${inWorkspace}/**/*`);
    else inputs.add(`{workspaceRoot}/${inWorkspace}`);
  }
  return [...inputs];
}

/**
 * The folders of `templates` a config's sources read: `<templates>/<plugin name>/` each (core's
 * plugins.ts), so a workspace's templates folder shared by many configs is an input of each only
 * for its own plugins. An in-house plugin's name is in its code, which inference does not load:
 * with one, the whole folder.
 */
function templateFolders(templates: string, sources: unknown): string[] {
  const plugins = (Array.isArray(sources) ? sources : []).map(
    (source) => (source as { plugin?: unknown } | null)?.plugin,
  );
  if (!plugins.every((plugin) => typeof plugin === 'string' && BUILTIN_PLUGIN_NAMES.includes(plugin)))
    return [templates];
  return [...new Set(plugins as string[])].map((plugin) => posix.join(templates, plugin));
}

/**
 * docgen's built-in plugins by their short names: core's BUILTIN_PLUGINS, copied because inference
 * must not load core; a test fails when the two differ. Their code is docgen's, an input by its version.
 */
const BUILTIN_PLUGIN_NAMES = ['openapi', 'routes', 'prisma', 'runbook', 'adr'];

/**
 * The workspace folder of an in-house plugin the config names by its module name (`plugin:
 * my-company-docgen-features`), found where docgen finds it, in the `node_modules` from the
 * config's folder up, when that is a link to a folder of this workspace (an npm workspace's
 * package): its templates and code make the pages as much as the project's files do. Undefined
 * for a path (an input already), a built-in, and a module installed from the registry (its
 * version is in the lock file, outside any project).
 */
function workspacePluginFolder(workspaceRoot: string, configDir: string, plugin: string): string | undefined {
  if (/^\.\.?\//.test(plugin) || isAbsolute(plugin) || BUILTIN_PLUGIN_NAMES.includes(plugin)) return undefined;
  if (plugin.startsWith('@docgen/')) return undefined;
  const lookups = createRequire(join(workspaceRoot, configDir, 'noop.js')).resolve.paths(plugin) ?? [];
  const installed = lookups.map((folder) => join(folder, plugin)).find((dir) => existsSync(join(dir, 'package.json')));
  if (installed === undefined) return undefined;
  const folder = relative(realpathSync(workspaceRoot), realpathSync(installed)).split('\\').join('/');
  const outside = folder.startsWith('..') || isAbsolute(folder) || folder.split('/').includes('node_modules');
  return outside ? undefined : folder;
}

/** Enough to follow a multi-file spec; a larger web of $refs stops there (inference must stay fast). */
const MAX_REFERENCED_FILES = 500;
const REF_TO_FILE = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}]+)/g;

/**
 * The files a spec's `$ref`s reach, from file to file (a shared `../common.yaml` beside the
 * project is an input of its docs). Read as text: inference must not fail on a spec docgen itself
 * will report, and a URL or a local `#/…` pointer is no file.
 */
function referencedFiles(spec: string): string[] {
  const seen = new Set<string>([spec]);
  const queue = [spec];
  while (queue.length && seen.size < MAX_REFERENCED_FILES) {
    const file = queue.shift() as string;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [, target] of text.matchAll(REF_TO_FILE)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, urn:
      const referenced = join(dirname(file), decodeURIComponent(target));
      if (!seen.has(referenced) && existsSync(referenced)) {
        seen.add(referenced);
        queue.push(referenced);
      }
    }
  }
  seen.delete(spec);
  return [...seen];
}

/** A path from the config (relative to its folder, or absolute) as a path from the workspace root. */
function workspacePath(workspaceRoot: string, projectRoot: string, path: string): string {
  const fromRoot = isAbsolute(path)
    ? relative(workspaceRoot, path).split('\\').join('/')
    : posix.join(projectRoot, path);
  return posix.normalize(fromRoot).replace(/\/$/, '');
}

/** The path relative to the project root when it lies inside the project, else undefined. */
function insideProject(projectRoot: string, inWorkspace: string): string | undefined {
  if (projectRoot === '.') return inWorkspace.startsWith('..') ? undefined : inWorkspace;
  return inWorkspace.startsWith(`${projectRoot}/`) ? inWorkspace.slice(projectRoot.length + 1) : undefined;
}

/**
 * Whether Nx counts `inWorkspace` among the project's own files, which `{projectRoot}/**\/*`
 * hashes: it lies inside the project and in no project nested in it (Nx gives a file to the
 * deepest project holding it). The workspace's root project (its package.json) holds only what
 * no other project does: its config naming `tools/flags-plugin` or `apps/orders/openapi.yaml`
 * needs them as inputs as much as a project's config naming `../../libs/contracts` does.
 */
function heldByProject(workspaceRoot: string, projectRoot: string, inWorkspace: string): boolean {
  const inside = insideProject(projectRoot, inWorkspace);
  if (inside === undefined) return false;
  const top = projectRoot === '.' ? '' : `${projectRoot}/`;
  for (let folder = posix.dirname(inside); folder !== '.'; folder = posix.dirname(folder))
    if (isProject(workspaceRoot, `${top}${folder}`)) return false;
  return !(isFolder(join(workspaceRoot, inWorkspace)) && inside !== '' && isProject(workspaceRoot, inWorkspace));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The project's name, as Nx names it, or undefined where Nx's own project.json inference does.
 * Nx's package.json inference names only the package.json files of the npm workspaces (`nx.name`, else
 * `name`, else the folder's last segment in lower case); another folder's package.json (a
 * `tools/docs` outside the workspaces, one without a `name`) makes no project, and a project docgen
 * infers there would have no name: Nx then stops with "The projects in the following directories
 * have no name provided". So a package.json folder is named by that same rule here, which agrees
 * with Nx's where Nx names it too. A folder with neither file is named by its path.
 */
function projectName(workspaceRoot: string, projectRoot: string): string | undefined {
  // project.json names its project itself (its inference runs last); one without a name is Nx's own error.
  if (existsSync(join(workspaceRoot, projectRoot, 'project.json'))) return undefined;
  const manifest = join(workspaceRoot, projectRoot, 'package.json');
  return (existsSync(manifest) && packageProjectName(manifest, projectRoot)) || folderName(workspaceRoot, projectRoot);
}

/** What Nx's package.json inference names a package's project: `nx.name`, else `name`, else the folder's last segment in lower case. */
function packageProjectName(manifest: string, projectRoot: string): string | undefined {
  const json = readJson(manifest) as { name?: unknown; nx?: { name?: unknown } } | undefined;
  if (!json) return undefined; // not JSON: Nx itself reports the broken manifest
  const named = [json.nx?.name, json.name].find((name): name is string => typeof name === 'string' && name !== '');
  if (named) return named;
  return projectRoot === '.' ? undefined : posix.basename(projectRoot).toLowerCase();
}

/** The workspace's folder name for its root project, else the project folder's path (`tools-docs`). */
function folderName(workspaceRoot: string, projectRoot: string): string {
  return projectRoot === '.' ? basename(workspaceRoot) : projectRoot.replace(/[\\/]/g, '-');
}
