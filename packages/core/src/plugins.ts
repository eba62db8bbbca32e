import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixOptionHint, keyAsWritten, optionOrigin, type LoadedConfig, type SourceConfig } from './config.js';
import { closestName, DocgenError, isDocgenError, type Diagnostic } from './diagnostics.js';
import { missingParentHint, validatePageTree, type Page, type PageTree } from './page-tree.js';
import type { DocumentSource } from './plugin.js';
import { createTemplateRenderer, loadTemplateEngine, unusedTemplateOverrides } from './render.js';
import { loadSchemaValidator, validateAgainstSchema } from './schema-validation.js';

/**
 * Plugin loading: a source names its plugin by a built-in short name, an npm module name, or a
 * path relative to the config file. The module's default export (or named `source`) must
 * implement DocumentSource. Nothing in docgen needs to know an in-house plugin in advance.
 */
export const BUILTIN_PLUGINS: Readonly<Record<string, string>> = {
  openapi: '@docgen/source-openapi',
  routes: '@docgen/source-routes',
  prisma: '@docgen/source-prisma',
  runbook: '@docgen/source-runbook',
  adr: '@docgen/source-adr',
};

export interface LoadedPlugin {
  source: DocumentSource<Record<string, unknown>, unknown>;
  /** Where the module was resolved from (a file path or the module name). */
  resolvedFrom: string;
}

const loaded = new Map<string, LoadedPlugin>();

/**
 * Plugins the running program carries itself, by module name: the bundled CLI hands over its
 * built-in plugins, so they share its @docgen/core rather than loading a second copy of it. One is
 * used where the config's plugin resolves to docgen's own install of that module; a project's own,
 * different install of it is imported as always.
 */
const carried = new Map<string, () => Promise<unknown>>();

export function carryPlugins(imports: Record<string, () => Promise<unknown>>): void {
  for (const [specifier, load] of Object.entries(imports)) carried.set(specifier, load);
}

/** Whether `target` (a file URL) is the module docgen itself resolves `specifier` to. */
function isOwnInstall(specifier: string, target: string): boolean {
  try {
    const own = createRequire(import.meta.url).resolve(specifier);
    return realpathSync(own) === realpathSync(fileURLToPath(target));
  } catch {
    return false;
  }
}

/** Resolve and import a plugin. `fromDir` is the config file's folder. */
export async function loadPlugin(
  spec: string,
  fromDir: string,
  location?: Diagnostic['location'],
): Promise<LoadedPlugin> {
  const specifier = BUILTIN_PLUGINS[spec] ?? spec;
  const target = resolvePluginSpecifier(specifier, fromDir, spec, location);
  const cached = loaded.get(target);
  if (cached) return cached;
  let module: Record<string, unknown>;
  try {
    const carry = carried.get(specifier);
    module = (await (carry && isOwnInstall(specifier, target) ? carry() : import(target))) as Record<string, unknown>;
  } catch (error) {
    throw new DocgenError(
      {
        code: 'DG_PLUGIN_LOAD',
        message: `plugin "${spec}" failed to load: ${(error as Error).message}`,
        location,
        hint:
          // Node 20 does not know `.ts`; Node 22.6+ strips types, but never under node_modules.
          ['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING'].includes(
            (error as NodeJS.ErrnoException).code ?? '',
          )
            ? `compile the plugin to JavaScript (tsc) and point its package.json "main" at the built file (dist/index.js): Node ${process.version} does not run a package's TypeScript`
            : (missingImportHint(error) ?? 'build the plugin package (its main file must exist) and check its imports'),
      },
      { cause: error },
    );
  }
  const source = pickSource(module);
  if (!source) {
    throw new DocgenError({
      code: 'DG_PLUGIN_SHAPE',
      message: `plugin "${spec}" does not export a DocumentSource`,
      location,
      hint: 'export default (or export const source =) an object with name, optionsSchema, extract() and render()',
    });
  }
  const result = { source, resolvedFrom: target };
  loaded.set(target, result);
  return result;
}

function resolvePluginSpecifier(
  specifier: string,
  fromDir: string,
  spec: string,
  location?: Diagnostic['location'],
): string {
  const relative = specifier.startsWith('.') || isAbsolute(specifier);
  if (relative) {
    const path = resolve(fromDir, specifier);
    if (!existsSync(path)) {
      throw new DocgenError({
        code: 'DG_PLUGIN_NOT_FOUND',
        message: `plugin "${spec}" not found: ${path} does not exist`,
        location,
        hint: 'paths to plugins are relative to the config file',
      });
    }
    if (statSync(path).isDirectory()) return pathToFileURL(createRequire(join(path, 'noop.js')).resolve(path)).href;
    return pathToFileURL(path).href;
  }
  // A module name: prefer the user's project (config folder upwards), then docgen's own install.
  const bases = [join(fromDir, 'noop.js'), join(process.cwd(), 'noop.js'), import.meta.url];
  for (const base of bases) {
    try {
      return pathToFileURL(createRequire(base).resolve(specifier)).href;
    } catch {
      // try the next base
    }
  }
  const unbuilt = installedPackageDir(specifier, bases);
  if (unbuilt) {
    // Installed (an npm workspace's link to its folder, say) but its entry point is not there: a
    // plugin written in TypeScript and not built yet. "npm install it" would send the user astray.
    throw new DocgenError({
      code: 'DG_PLUGIN_NOT_BUILT',
      message: `plugin "${spec}" is installed at ${unbuilt} but the file its package.json "main" (or "exports") names does not exist`,
      location,
      // Its own folder, where its build script is: a workspace's link resolved.
      hint: `build it (npm run build in ${realpathSync(unbuilt)}), or point "main" at its JavaScript entry point`,
    });
  }
  const builtin = Object.entries(BUILTIN_PLUGINS).find(([, module]) => module === specifier)?.[0];
  const meant = builtin ? undefined : builtinMeant(spec);
  throw new DocgenError({
    code: 'DG_PLUGIN_NOT_FOUND',
    message: `plugin "${spec}" not found${builtin ? ` (built-in "${builtin}" is ${specifier}, which is not installed)` : ''}`,
    location,
    hint: builtin
      ? `install it: npm install ${specifier}`
      : meant
        ? `did you mean the built-in "${meant}"? write plugin: ${meant}`
        : `install it (npm install ${specifier}), use a path like ./plugins/my-plugin, or one of: ${Object.keys(BUILTIN_PLUGINS).join(', ')}`,
  });
}

/**
 * A package the plugin imports that Node does not find from the plugin's folder (`@docgen/core` in
 * a project that has not installed docgen): installing it is the fix, not building the plugin.
 */
function missingImportHint(error: unknown): string | undefined {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
  if (!name) return undefined;
  const install = name.startsWith('@docgen/')
    ? 'install docgen in the project (npm install --save-dev @docgen/cli brings @docgen/core; see the README, "Use it on your code")'
    : `install it in the project (npm install ${name})`;
  return `the plugin imports ${name}, which is not installed where it can import it (in a node_modules folder above the plugin): ${install}`;
}

/** The folder of `specifier`'s package where Node would look for it from one of `bases`, if one has a package.json. */
function installedPackageDir(specifier: string, bases: string[]): string | undefined {
  for (const base of bases) {
    const folders = createRequire(base).resolve.paths(specifier) ?? [];
    const found = folders.map((folder) => join(folder, specifier)).find((dir) => existsSync(join(dir, 'package.json')));
    if (found) return found;
  }
  return undefined;
}

/**
 * The built-in plugin a name not found was probably meant as (`openpi`, `OpenAPI`, `prisma-schema`,
 * `adrs`): saying so beats "npm install prisma-schema", which installs whatever has that name.
 */
function builtinMeant(spec: string): string | undefined {
  const names = Object.keys(BUILTIN_PLUGINS);
  const words = spec.toLowerCase().split(/[^a-z0-9]+/);
  return closestName(spec, names) ?? names.find((name) => words.includes(name));
}

function pickSource(module: Record<string, unknown>): DocumentSource<Record<string, unknown>, unknown> | undefined {
  const candidates = [module.default, module.source, (module.default as Record<string, unknown> | undefined)?.default];
  return candidates.find(isDocumentSource);
}

export function isDocumentSource(value: unknown): value is DocumentSource<Record<string, unknown>, unknown> {
  const candidate = value as Partial<DocumentSource> | undefined;
  return (
    !!candidate &&
    typeof candidate === 'object' &&
    typeof candidate.name === 'string' &&
    typeof candidate.extract === 'function' &&
    typeof candidate.render === 'function' &&
    !!candidate.optionsSchema &&
    typeof candidate.optionsSchema === 'object'
  );
}

/** One source's pages, and the name its plugin goes by (which config may call by a path or module name). */
export interface SourceResult extends PageTree {
  /** The plugin's `DocumentSource.name`: its templates folder is `<templates>/<plugin>/`. */
  plugin: string;
}

export interface RunSourceOptions {
  /** Collects warnings; errors are thrown. */
  report?: (diagnostic: Diagnostic) => void;
}

/** Load, validate options, extract, render: one configured source → its pages. */
export async function runSource(
  config: LoadedConfig,
  index: number,
  options: RunSourceOptions = {},
): Promise<SourceResult> {
  const entry: SourceConfig = config.config.sources[index]!;
  const pointer = `/sources/${index}`;
  // A source from flags (`docgen api --openapi …`) is written in no file: no `#/sources/0/plugin` to show.
  const pluginLocation = config.sourceFlags?.[index] ? undefined : config.locate(`${pointer}/plugin`);
  const { source } = await loadPlugin(entry.plugin, config.dir, pluginLocation);
  const pluginOptions = structuredClone(entry.options ?? {});
  const builtin = Object.values(BUILTIN_PLUGINS).includes(BUILTIN_PLUGINS[entry.plugin] ?? entry.plugin);
  // An in-house plugin may validate with core's validateAgainstSchema itself: Ajv is ready for it.
  await Promise.all([loadSchemaValidator(builtin ? [source.optionsSchema] : undefined), loadTemplateEngine()]);
  validateAgainstSchema(source.optionsSchema, pluginOptions, {
    what: `options of plugin "${entry.plugin}"`,
    // As the user wrote it: `docgen.sources[0].options` in package.json; a source from flags is in no file.
    keyPrefix: config.sourceFlags?.[index]
      ? `sources[${index}].options`
      : keyAsWritten(config.file, `sources[${index}].options`),
    locate: (optionPointer, key) => config.locate(`${pointer}/options${optionPointer}`, key),
    code: 'DG_PLUGIN_OPTIONS',
    checkSchema: !builtin,
  });
  const report = options.report ?? (() => undefined);
  const origin = (option: string) => optionOrigin(config, index, option);
  const context = {
    options: pluginOptions,
    cwd: config.dir,
    configFile: config.file,
    origin,
    report,
    parent: entry.parent,
  };
  const failed = (error: unknown) => pluginFailure(missingPathAtConfigLine(error, config, index, pluginOptions));
  const pluginFailure = (error: unknown) => ownErrorOfPlugin(error, entry.plugin, pluginLocation);
  const model = await Promise.resolve()
    .then(() => source.extract(context))
    .catch((error: unknown) => {
      throw failed(error);
    });
  const overridesDir = join(resolve(config.dir, config.config.templates), source.name);
  const templates = createTemplateRenderer({ defaultsDir: source.templatesDir, overridesDir });
  for (const unused of unusedTemplateOverrides({ defaultsDir: source.templatesDir, overridesDir, plugin: source.name }))
    report(unused);
  const tree = await Promise.resolve()
    .then(() => source.render(model, { ...context, templates }))
    .catch((error: unknown) => {
      throw pluginFailure(error);
    });
  for (const unknown of templates.unknownFields(source.name)) report(unknown);
  return { ...decorate(tree, entry, source.name), plugin: source.name };
}

/**
 * A plugin reports a missing file where it looked (its own DG_*_NOT_FOUND, whose hint may name its
 * command's flag, or a bare ENOENT), or at the config file without a line. When a source option
 * named that path, the mistake is on that line of the config: the error points there.
 */
function missingPathAtConfigLine(
  error: unknown,
  config: LoadedConfig,
  index: number,
  options: Record<string, unknown>,
): unknown {
  // Options from flags (docgen api --openapi): the plugin's hint names the flag already.
  if (!config.file || config.sourceFlags?.[index]) return error;
  const missingOption = (matches: (path: string) => boolean) =>
    Object.keys(options).find((name) => {
      const value = options[name];
      if (typeof value !== 'string') return false;
      const path = resolve(config.dir, value);
      return matches(path) && !existsSync(path);
    });
  const at = (option: string) => config.locate(`/sources/${index}/options/${option}`);
  const relativeTo = (option: string) =>
    fixOptionHint(optionOrigin(config, index, option), option, 'a path that exists');
  if (isDocgenError(error)) {
    const { file, line } = error.location ?? {};
    if (file === undefined || line !== undefined) return error;
    // At the config, without a line: the option whose path the message names.
    if (resolve(config.dir, file) === config.file) {
      const option = missingOption((path) => error.message.includes(path));
      return option ? new DocgenError({ ...error.toJSON(), location: at(option) }, { cause: error }) : error;
    }
    const option = missingOption((path) => path === resolve(config.dir, file));
    if (!option) return error;
    // A plugin that was told where the option was given (ExtractContext.origin) names it already.
    const named = error.hint?.includes(optionOrigin(config, index, option).name);
    return new DocgenError(
      { ...error.toJSON(), location: at(option), hint: named ? error.hint : relativeTo(option) },
      { cause: error },
    );
  }
  const system = error as NodeJS.ErrnoException;
  if (system?.code !== 'ENOENT' || typeof system.path !== 'string') return error;
  const missing = resolve(config.dir, system.path);
  const option = missingOption((path) => path === missing);
  if (!option) return error;
  return new DocgenError(
    {
      code: 'DG_SOURCE_FILE_NOT_FOUND',
      message: `sources[${index}].options.${option} names ${missing}, which does not exist`,
      location: at(option),
      hint: relativeTo(option),
    },
    { cause: error },
  );
}

/**
 * An error a plugin threw itself (not a DocgenError, not a file-system error the CLI explains):
 * alone it said "Error: cannot read the catalog", naming neither the plugin nor where it threw.
 */
function ownErrorOfPlugin(error: unknown, plugin: string, location: Diagnostic['location']): unknown {
  const plain = error as Partial<NodeJS.ErrnoException>;
  if (isDocgenError(error) || typeof plain?.message !== 'string' || typeof plain.syscall === 'string') return error;
  const where = firstStackFrame(plain.stack);
  return new DocgenError(
    {
      code: 'DG_PLUGIN_FAILED',
      message: `plugin "${plugin}" failed: ${plain.message}${where ? ` (at ${where})` : ''}`,
      location,
      hint: "the plugin threw this itself: fix what it says, or report it to the plugin's authors with the config that caused it",
    },
    { cause: error },
  );
}

/** `file:line:column` of the innermost frame of a stack trace, with a file URL as a path. */
function firstStackFrame(stack: string | undefined): string | undefined {
  const frame = stack?.split('\n').find((line) => /^\s+at /.test(line));
  const [, file, position] = frame?.match(/\(?((?:file:\/\/)?[^\s()]+?)(:\d+:\d+)\)?$/) ?? [];
  if (!file) return undefined;
  return `${file.startsWith('file://') ? fileURLToPath(file) : file}${position}`;
}

function clash(
  config: LoadedConfig,
  kind: 'key' | 'title',
  value: string,
  [first, second]: [number, number],
  sharedTitle?: string,
): DocgenError {
  // Two sources of one plugin (two ADR folders) share their titles as well as their keys: a new key
  // alone would only move the run on to the title clash.
  const titlesToo = sharedTitle
    ? `, and a \`titlePrefix\` beside \`plugin:\`: their pages share titles too ("${sharedTitle}"), and Confluence titles are unique per space`
    : '';
  return new DocgenError({
    code: kind === 'key' ? 'DG_TREE_DUPLICATE_KEY' : 'DG_TREE_DUPLICATE_TITLE',
    message: `sources[${first}] and sources[${second}] both produce a page with the ${kind} "${value}"`,
    location: config.locate(`/sources/${second}`),
    hint:
      kind === 'key'
        ? `give one of them its own key option (e.g. \`options: { key: billing }\` for openapi), so their pages stay apart${titlesToo}`
        : 'set `titlePrefix` on one of the sources (Confluence titles are unique per space)',
  });
}

/** A title of a page of source `second` that a page of source `first` has too. */
function titleShared(made: { page: Page; index: number }[], first: number, second: number): string | undefined {
  const titles = new Set(
    made.filter(({ index }) => index === first).map(({ page }) => page.title.trim().toLowerCase()),
  );
  return made.find(({ page, index }) => index === second && titles.has(page.title.trim().toLowerCase()))?.page.title;
}

/** Apply the source's title prefix, labels, parent, link base and provenance. */
function decorate(tree: PageTree, entry: SourceConfig, plugin: string): PageTree {
  const keys = new Set(tree.pages.map((page) => page.key));
  const pages = tree.pages.map((page): Page => {
    const root = page.parentKey === undefined || !keys.has(page.parentKey);
    return {
      ...page,
      title: entry.titlePrefix ? `${entry.titlePrefix}${page.title}` : page.title,
      labels: [...new Set([...page.labels, ...(entry.labels ?? [])])],
      parentKey: root && entry.parent ? entry.parent : page.parentKey,
      source: page.source ?? { plugin },
      ...(entry.linkBase ? { linkBase: entry.linkBase } : {}),
    };
  });
  return { pages };
}

/**
 * Every configured source (or those `include` keeps), in config order, merged into one tree.
 * The result is validated: unique keys and titles, parents that exist.
 */
export async function generatePageTree(
  config: LoadedConfig,
  options: RunSourceOptions & { include?: (source: SourceConfig, index: number) => boolean } = {},
): Promise<PageTree> {
  const made: { page: Page; index: number }[] = [];
  const pluginNames = new Map<string, string>();
  const report = onceEach(options.report);
  for (let index = 0; index < config.config.sources.length; index++) {
    if (options.include && !options.include(config.config.sources[index]!, index)) continue;
    const tree = await runSource(config, index, { ...options, report });
    pluginNames.set(config.config.sources[index]!.plugin, tree.plugin);
    made.push(...tree.pages.map((page) => ({ page, index })));
  }
  // Sources from flags are some of the config's too (`docgen api --routes …` of a listed routes source).
  const outsideParents = placeUnderSourceParents(config, made, Boolean(options.include || config.sourceFlags));
  // A run of some sources (`docgen api`) does not know every plugin's name: only a whole run checks.
  if (!options.include) for (const warning of misnamedTemplateFolders(config, pluginNames)) report?.(warning);
  const nested = nestUnderSources(
    made.map(({ page }) => page),
    Boolean(options.include || config.sourceFlags),
  );
  const pages = titleUnderParents(
    nested,
    (at) => config.config.sources[made[at]!.index]!.titlePrefix ?? '',
    new Set(outsideParents),
  );
  // Checked once every page has its place and title: a title made from its parent's may clash too.
  checkClashes(
    config,
    pages.map((page, at) => ({ page, index: made[at]!.index })),
  );
  const tree = { pages, ...(outsideParents.length ? { outsideParents } : {}) };
  validatePageTree(tree);
  return tree;
}

/**
 * A source's `parent` that no page of the run has. In a run of some sources (`docgen adr` of a
 * config whose ADR log goes under `api/orders`, `docgen api --routes` of a routes source under
 * `api/catalog`), the parent's source is not rendered: its root pages keep that parent, a page
 * outside the tree (`PageTree.outsideParents`, returned), which the publisher finds among the doc
 * set's pages, so that such a run and a whole run put them in one place. In a whole run it is a
 * mistake, said at the `parent` line of the config, with the key meant.
 */
function placeUnderSourceParents(
  config: LoadedConfig,
  made: { page: Page; index: number }[],
  partial: boolean,
): string[] {
  const keys = new Set(made.map(({ page }) => page.key));
  const outside = new Set<string>();
  for (const entry of made) {
    const parent = config.config.sources[entry.index]!.parent;
    if (parent === undefined || keys.has(parent) || entry.page.parentKey !== parent) continue;
    if (partial) {
      outside.add(parent);
      continue;
    }
    throw new DocgenError({
      code: 'DG_TREE_PARENT',
      message: `page "${entry.page.key}" names parent "${parent}", which is not in the tree`,
      location: config.locate(`/sources/${entry.index}/parent`),
      hint: missingParentHint(
        parent,
        made.map(({ page }) => page),
      ),
    });
  }
  return [...outside];
}

/** Two sources clashing is a config problem: say which source, where, and how to separate them. */
function checkClashes(config: LoadedConfig, made: { page: Page; index: number }[]): void {
  const owners = new Map<string, number>();
  for (const { page, index } of made)
    for (const [kind, id] of [
      ['key', page.key],
      ['title', page.title.trim().toLowerCase()],
    ] as const) {
      const owner = owners.get(`${kind}:${id}`);
      if (owner !== undefined && owner !== index)
        throw kind === 'key'
          ? clash(config, kind, page.key, [owner, index], titleShared(made, owner, index))
          : clash(config, kind, page.title, [owner, index]);
      owners.set(`${kind}:${id}`, index);
    }
}

/**
 * Pages that asked to go under another source's pages (`Page.nestUnderSourceOf`, a routes page
 * under its spec's API reference) and have no parent: under the root page of the source made from
 * that file, when the run has it. The field is dropped, but in a run of some sources (`partial`)
 * that does not have that source: the publisher finds that page among the doc set's.
 */
function nestUnderSources(pages: Page[], partial: boolean): Page[] {
  return pages.map(({ nestUnderSourceOf: file, ...page }) => {
    if (file === undefined || page.parentKey !== undefined) return page;
    const made = pages.filter((other) => other.source?.file === file && other.key !== page.key);
    const keys = new Set(made.map((other) => other.key));
    const root = made.find((other) => other.parentKey === undefined || !keys.has(other.parentKey));
    if (root) return { ...page, parentKey: root.key };
    return partial && made.length === 0 ? { ...page, nestUnderSourceOf: file } : page;
  });
}

/**
 * Pages named after their parent (`Page.titleUnderParent`) that have one: `<prefix><parent's title>:
 * <words>`, the parent's title as it is itself named (a chain is followed up). The field is dropped
 * either way. `prefixOf(at)` is the `titlePrefix` of the source of `pages[at]`.
 */
function titleUnderParents(pages: Page[], prefixOf: (at: number) => string, outside: ReadonlySet<string>): Page[] {
  const byKey = new Map(pages.map((page, at) => [page.key, at]));
  const titles = new Map<number, string>();
  const titleOf = (at: number, seen: Set<number>): string => {
    const known = titles.get(at);
    if (known !== undefined) return known;
    const page = pages[at]!;
    const parent = page.parentKey === undefined ? undefined : byKey.get(page.parentKey);
    // A cycle is validatePageTree's to report: its pages keep their own titles meanwhile.
    const title =
      page.titleUnderParent === undefined || parent === undefined || seen.has(parent)
        ? page.title
        : `${prefixOf(at)}${titleOf(parent, seen.add(at))}: ${page.titleUnderParent}`;
    titles.set(at, title);
    return title;
  };
  // Under a parent the run does not render, the publisher titles it from that page (see `titleUnderOutsideParent`).
  const fromOutside = (page: Page, at: number) =>
    page.titleUnderParent !== undefined &&
    (page.parentKey === undefined ? page.nestUnderSourceOf !== undefined : outside.has(page.parentKey))
      ? { titleUnderOutsideParent: { prefix: prefixOf(at), words: page.titleUnderParent } }
      : {};
  return pages.map(({ titleUnderParent: _words, ...page }, at) => ({
    ...page,
    title: titleOf(at, new Set()),
    ...fromOutside(pages[at]!, at),
  }));
}

/**
 * A reporter that passes each warning on once: sources of one plugin share its templates, so a
 * template override's problem (DG_TEMPLATE_FIELD, DG_TEMPLATE_UNUSED) would be said once a source.
 */
function onceEach(report: RunSourceOptions['report']): RunSourceOptions['report'] {
  if (!report) return undefined;
  const said = new Set<string>();
  return (diagnostic) => {
    const key = JSON.stringify([diagnostic.code, diagnostic.location, diagnostic.message]);
    if (said.has(key)) return;
    said.add(key);
    report(diagnostic);
  };
}

/**
 * Folders of the templates folder that look meant for a plugin but are not named as it is
 * (`templates/adrs/`, `templates/@acme/docgen-flags/` for a plugin named `flags`): none of their
 * templates is read. A folder that resembles no plugin is someone else's (an app's e-mail
 * templates in `templates/mail/`) and is left alone.
 */
function misnamedTemplateFolders(config: LoadedConfig, pluginNames: Map<string, string>): Diagnostic[] {
  const root = resolve(config.dir, config.config.templates);
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const names = new Set(pluginNames.values());
  const problems: Diagnostic[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || names.has(entry.name)) continue;
    const bySpec = [...pluginNames].find(([spec]) => spec === entry.name || spec.startsWith(`${entry.name}/`));
    const meant =
      bySpec?.[1] ??
      closestName(entry.name, names) ??
      [...names].find((name) => entry.name.toLowerCase().includes(name.toLowerCase()));
    if (!meant) continue;
    problems.push({
      code: 'DG_TEMPLATE_UNUSED',
      severity: 'warning',
      message: `templates folder ${entry.name}/ is named after no plugin of this run: none of its templates is used`,
      location: { file: join(root, entry.name) },
      hint: `rename it to ${meant}/: overrides go in <templates>/<plugin name>/, and this run's plugins are ${[...names].join(', ')}`,
    });
  }
  return problems;
}
