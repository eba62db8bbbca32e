import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { withWarningsBefore } from './docgen-command.js';
import { configNearbyHint, expectConfigFile } from './paths.js';
import { absoluteLink } from './link-base.js';
import { ConversionSources } from './conversion-source.js';
import { declaredAnchorNames, missingAnchor, type DeclaredAnchors } from './missing-anchor.js';
import { pageLinksOfTree, type LinkedPage } from './page-links.js';
// Type-only imports: the packages themselves load inside generate(), so `docgen --help` stays fast.
import type {
  Diagnostic,
  DocgenError,
  FlagSource,
  LoadedConfig,
  Manifest,
  Page,
  PageTree,
  SourceConfig,
} from '@docgen/core';

/**
 * The generator pipeline every generator command shares:
 *
 *   config → plugins (extract → render) → page tree → storage XHTML → rendered folder
 *
 * A command decides which sources to run (`include`) or adds its own from flags
 * (`docgen api --openapi spec.yaml`); everything else (templates, titles, output, conversion,
 * atomic write) is the same for every plugin. `--publish` runs after this, on the folder.
 */
export interface GenerateOptions {
  /** `--config`: explicit config file; else the nearest docgen.config.* from `cwd` upwards. */
  config?: string;
  /** `--out`: output folder (relative to cwd); default: the config's `out` (relative to the config file). */
  out?: string;
  cwd?: string;
  /** Sources given on the command line, with the flag of each option; they replace the config's sources. */
  sources?: FlagSource[];
  /** `--link-base`: the `linkBase` of every page whose source sets none. */
  linkBase?: string;
  /** Which configured sources to run (e.g. only `openapi` for `docgen api`). */
  include?: (source: SourceConfig, index: number) => boolean;
  /** What to say when nothing is selected (the command knows the flag to suggest). */
  noSourcesHint?: string;
  /**
   * A command's own word on a source's warning, from the config as it lists its sources (before
   * flags replace them): what only the command knows it was asked (`docgen adr --dir`).
   */
  retell?: Retell;
  /** Fill `storage` with Confluence storage XHTML when the converter is installed (default true). */
  storage?: boolean;
  /** Progress lines for people. */
  log?: (line: string) => void;
  /**
   * Cache of storage XHTML by content (`--cache-dir`; default `.docgen/cache/storage/` beside the
   * config, or in `cwd` without one); `false` (`--no-cache`) converts every page.
   */
  cache?: string | false;
}

export type Retell = (warning: Diagnostic, configured: LoadedConfig) => Diagnostic;

export interface GenerateResult {
  outDir: string;
  config: LoadedConfig;
  /** The config as written, when this run rendered some of its sources (by plugin or by flags). */
  wholeConfig?: LoadedConfig;
  tree: PageTree;
  manifest: Manifest;
  /** Storage XHTML was written beside each page. */
  storage: boolean;
  /** Pages whose storage came from the cache (hits) or was converted (misses); absent with no cache. */
  cache?: StorageCacheStats;
  warnings: Diagnostic[];
  durationMs: number;
}

/** Recorded in manifest.json: which docgen wrote the folder. */
export const GENERATOR = {
  name: 'docgen',
  version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version,
};

/**
 * The built-in plugins, imported from here: in the bundled CLI each is a chunk of the bundle that
 * shares its @docgen/core, instead of a second copy of core loaded beside it (core's loadPlugin).
 * The specifiers are written out (not taken from core's BUILTIN_PLUGINS) so the bundler sees them.
 */
const BUILTIN_PLUGIN_IMPORTS = {
  '@docgen/source-openapi': () => import('@docgen/source-openapi'),
  '@docgen/source-routes': () => import('@docgen/source-routes'),
  '@docgen/source-prisma': () => import('@docgen/source-prisma'),
  '@docgen/source-runbook': () => import('@docgen/source-runbook'),
  '@docgen/source-adr': () => import('@docgen/source-adr'),
};

/** A source of the config renders a folder (`services`) holding a flag's input (`services/catalog`). */
function inFolder(folder: string, input: string): boolean {
  return input.startsWith(folder + sep);
}

/** The inputs of sources from flags (their first flag's path), as the manifest writes a page's file. */
function inputFiles(sources: FlagSource[], cwd: string): string[] {
  return sources
    .map((source) => source.options?.[Object.keys(source.flags)[0] ?? ''])
    .filter((path): path is string => typeof path === 'string')
    .map((path) => relative(process.cwd(), resolve(cwd, path)).split(sep).join('/'));
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const core = await import('@docgen/core');
  core.carryPlugins(BUILTIN_PLUGIN_IMPORTS);
  expectConfigFile(options.config && resolve(cwd, options.config));
  let config = await core.loadConfig({ cwd, explicit: options.config });
  const configured = config.config.sources.length;
  // Sources from flags that the config lists, and whether some are not (their pages are marked as
  // a flag run's); the listed ones by their input's path as the manifest writes a page's file.
  const loaded = config;
  const listed = (options.sources ?? []).filter((source) => core.configuredSourceOf(loaded, source));
  const unlisted = listed.length < (options.sources?.length ?? 0);
  const listedFiles = inputFiles(listed, cwd);
  // Unlisted ones in a folder a source of the config renders with the same plugin (see `PageTree.inConfigFolders`).
  const inConfigFolders = inputFiles(
    (options.sources ?? []).filter(
      (source) => !listed.includes(source) && core.configuredSourceOf(loaded, source, inFolder),
    ),
    cwd,
  );
  if (options.sources) {
    // Sources from flags replace the configured ones; templates, out and confluence still apply.
    config = core.configWithFlagSources(config, options.sources);
  }
  const selected = config.config.sources.filter((source, index) => !options.include || options.include(source, index));
  if (!selected.length) {
    const misnamed = options.include && misnamedSource(config, options.include, core);
    if (misnamed) throw misnamed;
    throw new core.DocgenError({
      code: 'DG_NO_SOURCES',
      message: config.file
        ? `${basename(config.file)} has no source for this command`
        : `no docgen config in ${cwd} or a folder above it, and no input given`,
      location: config.file ? { file: config.file } : undefined,
      // The hints say "add … to the config": on a first run there is none yet to add to.
      hint: config.file
        ? inConfigsFormat(options.noSourcesHint ?? 'add a source to the config file', config.file)
        : noConfigHint(cwd, options.noSourcesHint ?? 'add a source to the config file'),
    });
  }
  // Before rendering: a folder that is not docgen's to replace is a mistake found in no time.
  const outDir = options.out ? resolve(cwd, options.out) : resolve(config.dir, config.config.out);
  // Named by --out, or by the config's `out` (at its line); with no config, --out is the way to name one.
  const outOrigin =
    options.out !== undefined || !config.file ? { name: '--out', flag: '--out' } : core.configKeyOrigin(config, '/out');
  core.checkOutputFolder(outDir, outOrigin);
  // The config's own (another config beside it, ignored) come first: they may explain the rest.
  const warnings: Diagnostic[] = [...(loaded.warnings ?? [])];
  const report = (diagnostic: Diagnostic) => warnings.push(options.retell?.(diagnostic, loaded) ?? diagnostic);
  const tree = await core
    .generatePageTree(config, { include: options.include, report })
    .catch((error: unknown) => Promise.reject(withWarningsBefore(error, warnings)));
  // The doc set's name, and whether this is some of its sources: a source from a flag is always
  // one of several a doc set may have (other commands, other CI jobs run in the same folder).
  const docSet = core.docSetOf(config, cwd, outDir, { flags: Boolean(options.sources), report });
  tree.docSet = docSet.name;
  // The remote is no input of a cached render: a publish names the set from its folder again.
  tree.docSetFolder = docSet.folder;
  if (docSet.formerNames) tree.docSetFormerNames = docSet.formerNames;
  if (docSet.firstCommitName) tree.docSetFirstCommitName = docSet.firstCommitName;
  if (options.sources) {
    tree.partial = 'flags';
    if (unlisted) tree.unlisted = true;
    if (!config.file) tree.withoutConfig = true;
    if (unlisted && listedFiles.length) tree.listedFiles = listedFiles;
    if (unlisted && inConfigFolders.length) tree.inConfigFolders = inConfigFolders;
    // Named after the folder it ran in (not by confluence.docSet), or with no name the set of that
    // folder (the local kind, ADR 11): its files' paths compare.
    if (!docSet.explicit && (docSet.name !== undefined || docSet.folder !== undefined)) tree.filesComparable = true;
  } else if (selected.length < configured) tree.partial = 'plugins';
  // --link-base: for every page whose source names no site of its own
  if (options.linkBase) for (const page of tree.pages) page.linkBase ??= options.linkBase;
  options.log?.(
    `rendered ${tree.pages.length} page${tree.pages.length === 1 ? '' : 's'} from ${selected.length} source${selected.length === 1 ? '' : 's'}`,
  );
  const cacheDir =
    options.cache === false
      ? undefined
      : resolve(cwd, options.cache ?? join(config.dir, '.docgen', 'cache', 'storage'));
  if (cacheDir && options.cache === undefined) await keepOutOfGit(join(config.dir, '.docgen'));
  const converted = options.storage === false ? undefined : await convertToStorage(tree, warnings, cacheDir);
  const storage = converted !== undefined;
  if (converted?.cache)
    options.log?.(
      `storage: ${converted.cache.hits} page${converted.cache.hits === 1 ? '' : 's'} from cache, ${converted.cache.misses} converted`,
    );
  const manifest = await core.writeRenderedTree(outDir, tree, GENERATOR);
  return {
    outDir,
    config,
    ...(tree.partial ? { wholeConfig: loaded } : {}),
    tree,
    manifest,
    storage,
    cache: converted?.cache,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * What stops a run of every source of the config before it publishes: two sources making the same
 * title or key. Rendered only when a run of some sources is told to publish them all at once.
 */
export async function wholeConfigClash(config: LoadedConfig): Promise<DocgenError | undefined> {
  const core = await import('@docgen/core');
  core.carryPlugins(BUILTIN_PLUGIN_IMPORTS);
  try {
    await core.generatePageTree(config, { report: () => {} });
    return undefined;
  } catch (error) {
    const clash = core.isDocgenError(error) && /^DG_TREE_DUPLICATE_(TITLE|KEY)$/.test(error.code);
    return clash ? error : undefined;
  }
}

/**
 * A source of the config whose plugin is a slip of a built-in one this command renders (`plugin:
 * adrs` for `docgen adr`): the run had "no source for this command", and its hint to add one led to
 * a second source beside the misnamed one.
 */
function misnamedSource(
  config: LoadedConfig,
  include: NonNullable<GenerateOptions['include']>,
  core: Pick<typeof import('@docgen/core'), 'BUILTIN_PLUGINS' | 'closestName' | 'DocgenError'>,
): DocgenError | undefined {
  const builtins = Object.keys(core.BUILTIN_PLUGINS);
  for (const [index, source] of config.config.sources.entries()) {
    const meant = core.closestName(source.plugin, builtins);
    if (!meant || !include({ ...source, plugin: meant }, index)) continue;
    return new core.DocgenError({
      code: 'DG_PLUGIN_NOT_FOUND',
      message: `sources[${index}] names plugin "${source.plugin}", which docgen does not have: this command has no source to render`,
      location: config.locate(`/sources/${index}/plugin`),
      hint: `did you mean the built-in "${meant}"? write plugin: ${meant}`,
    });
  }
  return undefined;
}

/**
 * The commands' hints write the source to add as YAML (`sources: [{ plugin: prisma, options: {
 * schema: prisma/schema.prisma } }]`): pasted into package.json, that is no JSON and breaks the
 * file. There, the source as JSON, and where it goes.
 */
function inConfigsFormat(hint: string, configFile: string): string {
  if (basename(configFile) !== 'package.json') return hint;
  return hint
    .replace(/`sources: \[(\{.*?\})\]`/g, (_, source: string) => `\`${source.replace(/[\w@][\w./@-]*/g, '"$&"')}\``)
    .replace(/to the config( file)?\b/g, 'to "sources" in the "docgen" object of package.json');
}

/** No config here or above: one in a subfolder, or named almost right, is what to use; else create one. */
function noConfigHint(cwd: string, sourcesHint: string): string {
  const nearby = configNearbyHint(cwd);
  return nearby
    ? `${nearby}; or ${sourcesHint}`
    : `${sourcesHint}; there is no config yet: create docgen.config.yaml in ${cwd}`;
}

/**
 * docgen's own folder beside the config holds a cache, never a source: a `.gitignore` of `*` in it
 * (as pytest and ruff do) keeps it out of `git status`, and so out of `nx affected`, which counts
 * untracked files as changes (every documented project was "affected" after one run).
 */
async function keepOutOfGit(dir: string): Promise<void> {
  const ignore = join(dir, '.gitignore');
  try {
    const { makeFolder } = await import('@docgen/core'); // mkdir -p that fails fast under /proc
    await makeFolder(dir);
    await writeFile(ignore, '# created by docgen: this folder is a cache\n*\n', { flag: 'wx' });
  } catch {
    // already there (or a read-only checkout): nothing to do, the cache itself reports real problems
  }
}

/** `decodeURI`, but a malformed escape (`%zz`) leaves the link as written instead of failing the run. */
function decodeLink(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

interface StorageResult {
  storage: string;
  attachments?: string[];
  pageLinks?: string[];
  warnings?: string[];
}

interface ConverterOptions {
  resolvePageTitle?(href: string): string | undefined;
  resolveAttachment?(src: string): string | undefined;
  resolveAnchor?(href: string, fragment: string): string | undefined;
  resolveMissingAnchor?(href: string, fragment: string): string | undefined;
  resolveLink?(href: string): string | undefined;
}

interface Converter {
  toStorage(markdown: string, options: ConverterOptions): string;
  convertMarkdown?(markdown: string, options: ConverterOptions): StorageResult;
  convertMarkdownBatch?(inputs: Array<{ markdown: string; options: ConverterOptions }>): Promise<StorageResult[]>;
  converterFingerprint?(): string;
  pageAnchors?(markdown: string): Map<string, string>;
}

/**
 * Fill in the storage of a rendered folder's pages written without it (`--no-storage`) for a publish,
 * as the render would have: links between pages to their titles, links into the source's site
 * absolute against its `linkBase`. The publisher's own conversion of the Markdown knows neither.
 */
export async function convertForPublish(tree: PageTree): Promise<Diagnostic[]> {
  const warnings: Diagnostic[] = [];
  if (tree.pages.some((page) => page.storage === undefined)) await convertToStorage(tree, warnings, undefined);
  return warnings;
}

/**
 * Fill `page.storage` with the converter, if it is installed. Relative `.md` links between pages
 * of the tree (or `./other`, without it) become links to the target page's title; images that are attachments of the page
 * become attachment references. Whole pages are converted (the converter sections long ones
 * itself), in parallel, and pages whose inputs are unchanged come from the cache.
 */
async function convertToStorage(
  tree: PageTree,
  warnings: Diagnostic[],
  cacheDir: string | undefined,
): Promise<{ cache?: StorageCacheStats } | undefined> {
  let converter: Converter;
  try {
    converter = (await import('@docgen/markdown-storage')) as unknown as Converter;
  } catch {
    return undefined;
  }
  if (typeof converter.toStorage !== 'function') return undefined;
  const core = await import('@docgen/core');
  const { pageFileStem } = core;
  const titleByFile = new Map(tree.pages.map((page) => [`${pageFileStem(page.key)}.md`, page.title]));
  const linkedPage = pageLinksOfTree(
    tree.pages.map((page) => page.key),
    pageFileStem,
  );
  const linkAnchors = crossPageAnchors(tree, pageFileStem, linkedPage, converter);
  const titles = [...titleByFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const titlesNamedOn = titlesNamedBy(titles, linkedPage);
  const cache =
    cacheDir && converter.converterFingerprint
      ? new StorageCache(cacheDir, converter.converterFingerprint())
      : undefined;

  // Pages of a folder rendered with storage keep theirs (see `convertForPublish`); links resolve against all.
  const jobs = await Promise.all(
    tree.pages
      .filter((page) => page.storage === undefined)
      .map(async (page) => {
        const attachments = [...new Set(page.attachments.map((a) => a.fileName))].sort();
        // `./other.md`, or `./other` as a docs site links it unless the page attaches a file of that name.
        const linkedFile = (href: string) =>
          linkedPage(page.key, decodeLink(href), (name) => attachments.includes(normalizedPath(name)));
        const withLinkedFile = <T>(href: string, answer: (file: string) => T) => {
          const file = linkedFile(href);
          return file === undefined ? undefined : answer(file);
        };
        const options: ConverterOptions = {
          resolvePageTitle: (href) => withLinkedFile(href, (file) => titleByFile.get(file)),
          resolveAnchor: (href, fragment) => withLinkedFile(href, (file) => linkAnchors.resolve(file, fragment)),
          resolveMissingAnchor: (href, fragment) => withLinkedFile(href, (file) => linkAnchors.missing(file, fragment)),
          resolveAttachment: (src) => {
            const name = decodeLink(src).replace(/^\.\//, '');
            return attachments.includes(name) ? name : undefined;
          },
          ...(page.linkBase ? { resolveLink: (href: string) => absoluteLink(href, page.linkBase!) } : {}),
        };
        // Everything the output depends on: the resolvers' answers follow from titles and attachments.
        const links = cache && linkTargetsIn(page.markdown); // read once, for both parts of the key
        const key = cache?.key({
          markdown: page.markdown,
          resolverInputs: {
            titles: titlesNamedOn(page, links!),
            attachments,
            anchors: linkAnchors.linkedFrom(page, links!),
            ...(page.linkBase ? { linkBase: page.linkBase } : {}),
          },
        });
        const cached = key ? await cache!.read(key) : undefined;
        return { page, options, key, result: cached };
      }),
  );
  const missing = jobs.filter((job) => !job.result);
  const convertHere = () =>
    missing.map(
      ({ page, options }) =>
        converter.convertMarkdown?.(page.markdown, options) ?? { storage: converter.toStorage(page.markdown, options) },
    );
  // Worker threads when the converter has them; if a worker fails (out of memory, say), the
  // pages are converted here instead, where a real conversion error surfaces as it always did.
  const results = converter.convertMarkdownBatch
    ? await converter
        .convertMarkdownBatch(missing.map(({ page, options }) => ({ markdown: page.markdown, options })))
        .catch(convertHere)
    : convertHere();
  await Promise.all(
    missing.map(async (job, index) => {
      job.result = results[index]!;
      if (job.key) await cache!.write(job.key, job.result);
    }),
  );
  const sources = new ConversionSources(core);
  for (const { page, result } of jobs) {
    page.storage = result!.storage.replace(/\n+$/, '');
    for (const warning of result!.warnings ?? []) warnings.push(pageConversionWarning(page, warning, sources, core));
  }
  return { cache: cache ? { dir: cache.dir, hits: jobs.length - missing.length, misses: missing.length } : undefined };
}

/**
 * A converter warning ("line 12: …" of a page's Markdown) where its text was written: an author's
 * own file and line when the page embeds it (an ADR's body), else the place in the page's source
 * file the text came from (a spec's description), with the page and its line as context; failing
 * both, the page and its line.
 */
function pageConversionWarning(
  page: Page,
  warning: string,
  sources: ConversionSources,
  core: Pick<typeof import('@docgen/core'), 'sourceOfPageLine' | 'nearbyPath'>,
): Diagnostic {
  const line = /^line (\d+): /.exec(warning);
  const pageLine = line ? Number(line[1]) : undefined;
  // The page (and its line) say where, not what: the same dead link on two pages is one
  // problem at two places, and prints once with the other places listed.
  const rest = line ? warning.slice(line[0].length) : warning;
  const placeInMessage = { rest, place: line ? `${page.key} line ${line[1]}` : page.key };
  const common = { code: 'DG_CONVERT', severity: 'warning' as const, placeInMessage };
  const embedded = pageLine === undefined ? undefined : core.sourceOfPageLine(page, pageLine);
  if (embedded) {
    const hint = misspeltLinkHint(rest, embedded.file, core.nearbyPath);
    return { ...common, message: `${page.key}: ${rest}`, location: embedded, ...(hint ? { hint } : {}) };
  }
  const written = sources.locate(page, pageLine, rest);
  if (!written) return { ...common, message: `${page.key}: ${warning}` };
  const onPage = pageLine === undefined ? `page ${page.key}` : `page ${page.key}, line ${pageLine}`;
  const places = written.places > 1 ? `; place ${written.place} of ${written.places} with this text` : '';
  const hint = DEAD_ANCHOR.test(rest) ? DEAD_ANCHOR_HINT : undefined;
  return {
    ...common,
    message: `${rest} (${onPage}${places})`,
    location: written.location,
    excerpt: written.excerpt,
    ...(hint ? { hint } : {}),
  };
}

/**
 * A relative link in a file's Markdown (an ADR's, runbook.md's) to a file that is not there, a letter
 * or two off one beside it (`0001-record-decision.md` for `…-decisions.md`): the file meant.
 */
function misspeltLinkHint(
  warning: string,
  file: string | undefined,
  nearbyPath: (missing: string) => string | undefined,
): string | undefined {
  const target = /^link to ([^\s#]+)\S* is relative but neither a page of this tree nor an attachment/.exec(
    warning,
  )?.[1];
  if (!target || !file) return undefined;
  let path: string;
  try {
    path = resolve(dirname(file), decodeURI(target));
  } catch {
    return undefined; // a malformed %-escape names no file
  }
  const meant = nearbyPath(path);
  return meant ? `did you mean ${relative(dirname(file), meant)}? no file ${target} is there` : undefined;
}

/**
 * A `#fragment` in a spec's or schema's text usually names a section of the site it was written for
 * (Jira's `#structure`), which the generated page, made of the template's headings, does not have.
 */
const DEAD_ANCHOR = /^link to #\S+: no heading or anchor with that name on this page$/;
const DEAD_ANCHOR_HINT =
  "link the section's full URL instead (the generated page has only its template's headings), or drop the link";

/** What the storage cache saved in one run, for the summary line and `--json`. */
export interface StorageCacheStats {
  dir: string;
  /** Pages whose storage came from the cache. */
  hits: number;
  /** Pages converted (and then stored). */
  misses: number;
}

/** Bumped when the entry format changes. */
const FORMAT = 1;

/**
 * Content-addressed cache of storage XHTML for the generator pipeline: an entry is named by the
 * sha256 of everything the conversion depends on (the converter's fingerprint, its options, the
 * page's Markdown, the resolvers' inputs), so an unchanged page in CI costs a file read and a
 * changed converter or page simply misses. Entries are written atomically (temp file + rename);
 * an unreadable or corrupt entry is a miss, and a failed write only loses the saving.
 */
export class StorageCache {
  constructor(
    readonly dir: string,
    private readonly converter: string,
  ) {}

  key(inputs: { markdown: string; options?: unknown; resolverInputs: unknown }): string {
    return createHash('sha256')
      .update(JSON.stringify([FORMAT, this.converter, inputs.options ?? {}, inputs.resolverInputs]))
      .update('\0')
      .update(inputs.markdown)
      .digest('hex');
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The converter's result stored under `key`; an unreadable or malformed entry is a miss. */
  async read(key: string): Promise<StorageResult | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(key), 'utf8')) as Partial<StorageResult> & { key?: string };
      const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
      if (
        entry.key !== key ||
        typeof entry.storage !== 'string' ||
        !strings(entry.warnings ?? []) ||
        !strings(entry.attachments ?? []) ||
        !strings(entry.pageLinks ?? [])
      )
        return undefined;
      return {
        storage: entry.storage,
        attachments: entry.attachments,
        pageLinks: entry.pageLinks,
        warnings: entry.warnings,
      };
    } catch {
      return undefined;
    }
  }

  async write(key: string, result: StorageResult): Promise<void> {
    const file = this.file(key);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      // Node's recursive mkdir never returns on a file system that refuses folders (/proc); this fails.
      const { makeFolder } = await import('@docgen/core');
      await makeFolder(join(this.dir, key.slice(0, 2)));
      await writeFile(temporary, JSON.stringify({ key, ...result }));
      await rename(temporary, file);
    } catch {
      // A read-only or full disk only costs the next run a conversion.
    }
  }
}

/** A (decoded) relative path as the page's attachments are named (`./a`, `a`, `./x/../a` → `a`). */
function normalizedPath(path: string): string {
  return posix.normalize(path).replace(/^(\.\/)+/, '');
}

/** What ends a link's target in any of its forms, before or after it. */
const ENDS_NAME = /[\s()<>"'`[\]|#?=]/;
const FILE_NAMED = /^[^\s()<>"'`[\]|#?=]+\.md$/;
/** The target of an inline link, a link definition or an HTML `href`: one without `.md` (`./routing`) too. */
const LINK_TARGET = /(?:\]\(\s*<?|\]:[ \t]+<?|\bhref\s*=\s*["']?)([^\s()<>"'`[\]|#?=]+)/gi;

/** A link's target as LINK_TARGET reads it. */
interface LinkTarget {
  target: string;
  /** A `#fragment` follows it. */
  fragment: boolean;
}

/** The targets of a page's links in every form LINK_TARGET reads, each with whether a `#fragment` follows it. */
function linkTargetsIn(markdown: string): LinkTarget[] {
  return [...markdown.matchAll(LINK_TARGET)].map((match) => ({
    target: match[1]!,
    fragment: markdown[match.index + match[0].length] === '#',
  }));
}

/**
 * Every name ending in `.md` the text holds. Found from each `.md` backwards: a regular expression
 * scanning forwards from every character took ~80 ms on bitbucket's 2 MB of pages, this ~5 ms.
 */
function namesOfMarkdownFiles(text: string): string[] {
  const names: string[] = [];
  for (let at = text.indexOf('.md'); at !== -1; at = text.indexOf('.md', at + 3)) {
    if (/\w/.test(text[at + 3] ?? '')) continue; // `.mdx`, `.mdown`
    let start = at;
    while (start > 0 && !ENDS_NAME.test(text[start - 1]!)) start -= 1;
    if (start < at) names.push(text.slice(start, at + 3));
  }
  return names;
}

/**
 * The `[file, title]` pairs a page's conversion can ask for, for its cache key: those of the pages
 * whose file it names (`other.md`, in any link form, percent-encoded or not). A wikilink
 * (`[[Page]]`) names a page without its extension, so a page with one depends on every title.
 * Naming more than it links to only costs a cache miss; so a page whose links lead elsewhere is
 * not converted again when another page is renamed.
 */
function titlesNamedBy(
  titles: Array<[string, string]>,
  linkedPage: LinkedPage,
): (page: Pick<Page, 'key' | 'markdown'>, links: LinkTarget[]) => Array<[string, string]> {
  // A page file with a character that ends a name here (an in-house plugin's key "my page") could be
  // linked without being found: every page then depends on every title, as before.
  if (titles.some(([file]) => !FILE_NAMED.test(file))) return () => titles;
  return ({ key, markdown }, links) => {
    if (markdown.includes('[[')) return titles;
    // Linked without `.md` (`./routing`) too: whether the page attaches a file of that name is in the key already.
    const targets = [...namesOfMarkdownFiles(markdown), ...links.map((link) => link.target)];
    const named = new Set(targets.map((target) => linkedPage(key, decodeLink(target), () => false)));
    return titles.filter(([file]) => named.has(file));
  };
}

/**
 * Links to a heading of another page (`./other.md#getting-started`) must land on Confluence's
 * anchor for that heading ("GettingStarted"), which only the target page's headings can tell.
 * A fragment naming an explicit `::anchor[…]` of the target stays as written. Anchors are
 * computed once per target page, and a page's cache key includes the anchors of the pages it
 * links into, so renaming a heading there re-converts the links here.
 */
function crossPageAnchors(
  tree: PageTree,
  fileStem: (key: string) => string,
  linkedPage: LinkedPage,
  converter: Converter,
) {
  const markdownByFile = new Map(tree.pages.map((page) => [`${fileStem(page.key)}.md`, page.markdown]));
  const targetsByFile = new Map<string, LinkTargets>();
  const targetsOf = (file: string): LinkTargets => {
    let targets = targetsByFile.get(file);
    if (!targets) targetsByFile.set(file, (targets = linkTargets(markdownByFile.get(file), converter)));
    return targets;
  };
  return {
    resolve(file: string, fragment: string): string | undefined {
      const { anchors, declared } = targetsOf(file);
      return declared.explicit.has(fragment) ? undefined : anchors?.get(fragment);
    },
    /** For a fragment `resolve` left as written: '' or the name meant when that page has no such heading. */
    missing(file: string, fragment: string): string | undefined {
      const { anchors, declared } = targetsOf(file);
      return anchors && missingAnchor(fragment, anchors, declared.all);
    },
    /**
     * `[file, anchors, declared names]` of every page a page's links (`linkTargetsIn` of its Markdown)
     * lead into with a fragment, for cache keys.
     */
    linkedFrom({ key }: Pick<Page, 'key'>, links: LinkTarget[]): Array<[string, Array<[string, string]>, string[]]> {
      // Every link form the converter resolves: a definition (`[r]: ./other#a`), `<./other.md#a>`, an HTML href.
      const files = new Set(
        links
          .filter((link) => link.fragment)
          .map((link) => linkedPage(key, decodeLink(link.target), () => false))
          .filter((file): file is string => file !== undefined),
      );
      // The declared anchors too: whether a link to one is warned about depends on them.
      return [...files].sort().map((file) => {
        const { anchors, declared } = targetsOf(file);
        return [file, [...(anchors ?? [])], [...declared.all].sort()];
      });
    },
  };
}

/** What a link from another page can name on a page. */
interface LinkTargets {
  /** Its headings' Confluence anchors; undefined for a file that is no page, or a converter with no `pageAnchors`. */
  anchors: Map<string, string> | undefined;
  declared: DeclaredAnchors;
}

function linkTargets(markdown: string | undefined, converter: Converter): LinkTargets {
  return {
    anchors: markdown === undefined ? undefined : converter.pageAnchors?.(markdown),
    declared: declaredAnchorNames(markdown ?? ''),
  };
}
