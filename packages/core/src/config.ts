import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closestName, DocgenError, type Diagnostic, type SourceLocation } from './diagnostics.js';
import { loadYamlParser, parseStructured, withoutByteOrderMark } from './structured-file.js';
import { loadSchemaValidator, validateAgainstSchema } from './schema-validation.js';

/**
 * docgen's configuration: which sources to render, where to write, how to publish.
 * Found as `docgen.config.{js,mjs,json,yaml,yml,ts}` or `package.json#docgen`, from the
 * working directory upwards, or named explicitly with `--config`.
 */
export interface SourceConfig {
  /** Built-in short name (`openapi`), an npm module name, or a path relative to the config file. */
  plugin: string;
  /** Options for the plugin, validated against its own schema. */
  options?: Record<string, unknown>;
  /** Page key of a page (from an earlier source) to put this source's root pages under. */
  parent?: string;
  /** Prepended to every title this source produces (titles are unique per Confluence space). */
  titlePrefix?: string;
  /** Labels added to every page of this source. */
  labels?: string[];
  /**
   * The website the source's own text was written for (`https://stripe.com`): relative links in
   * it that are neither pages nor attachments (`/docs/connect`) are made absolute against it.
   */
  linkBase?: string;
}

export interface ConfluenceConfig {
  url?: string;
  /** Cloud or Data Center, where the URL does not tell (a Data Center whose context path is `/wiki`). */
  flavor?: 'cloud' | 'data-center';
  spaceKey?: string;
  parentId?: string;
  parentTitle?: string;
  titlePrefix?: string;
  user?: string;
  onConflict?: 'fail' | 'overwrite' | 'skip';
  concurrency?: number;
  prune?: boolean;
  labels?: string[];
  /** Folder of the embedded sandbox used when no url is configured. */
  sandboxDir?: string;
  /**
   * The doc set's name, recorded on each page: pages of other doc sets under the same parent are
   * never retired or taken over. Defaults to the repository's remote and folder (see `docSetOf`).
   */
  docSet?: string;
}

export interface DocgenConfig {
  /** @deprecated Has no effect (a warning says so): docgen makes no page for the doc set as a whole. */
  title?: string;
  /** Output folder of rendered pages (relative to the config file). */
  out: string;
  /** Folder of template overrides: `<templates>/<plugin>/<name>.hbs` (relative to the config file). */
  templates: string;
  sources: SourceConfig[];
  confluence?: ConfluenceConfig;
}

export interface LoadedConfig {
  config: DocgenConfig;
  /** Absolute path of the file read, undefined for a config built in memory. */
  file?: string;
  /** Folder relative paths resolve against. */
  dir: string;
  /** Map a JSON pointer inside the config (e.g. `/sources/0/options/spec`) to file and line. */
  locate(pointer: string, key?: boolean): SourceLocation;
  /**
   * For sources given on the command line (`docgen api --openapi spec.yaml`), by source index: the
   * flag that gave each option (`{ spec: '--openapi' }`). Absent for sources the config lists.
   */
  sourceFlags?: ReadonlyArray<Readonly<Record<string, string>> | undefined>;
  /** What is wrong with the config but stops nothing: another config beside it that is ignored, a key without effect. */
  warnings?: Diagnostic[];
}

/** A source given by command-line flags: the flag that gave each of its options. */
export interface FlagSource extends SourceConfig {
  /** Option name → the flag it came from, e.g. `{ spec: '--openapi' }`. */
  flags: Record<string, string>;
}

/**
 * Where one option of a source was given, so a diagnostic sends the user to what they wrote:
 * the flag they typed, or the config key on its line. A hint that said "fix the config" for a
 * path typed as `--openapi` sent people to a file they never wrote it in.
 */
export interface OptionOrigin {
  /** As a hint names it: `--openapi`, or `docgen.config.yaml:12 sources[0].options.spec`. */
  name: string;
  /** The flag, for an option given on the command line. */
  flag?: string;
  /** The option's file and line, for one written in a config file. */
  location?: SourceLocation;
}

/** Where option `option` of source `index` was given: a flag, or a config key with its file and line. */
export function optionOrigin(config: LoadedConfig, index: number, option: string): OptionOrigin {
  const flags = config.sourceFlags?.[index];
  const flag = flags?.[option];
  if (flag) return { name: flag, flag };
  // A source from flags is in no file, even where a config gave the rest (templates, out).
  if (flags) return { name: `sources[${index}].options.${option}` };
  return configKeyOrigin(config, `/sources/${index}/options/${option}`);
}

/**
 * Where a key of the config is written: `docgen.config.yaml:8 confluence.url`, with its file and
 * line. A key the config leaves out (a default) is located at the nearest key it has: where to add it.
 */
export function configKeyOrigin(config: LoadedConfig, pointer: string): OptionOrigin {
  const key = pointer
    .split('/')
    .slice(1)
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : `${index ? '.' : ''}${segment}`))
    .join('');
  if (!config.file) return { name: key };
  const location = config.locate(pointer);
  return {
    name: `${basename(config.file)}${location.line ? `:${location.line}` : ''} ${keyAsWritten(config.file, key)}`,
    location,
  };
}

/**
 * The key of its file whose value the config is: `docgen` in package.json; none for a config file
 * of its own (or a config built in memory).
 */
function enclosingKey(file: string | undefined): string | undefined {
  return file && basename(file) === 'package.json' ? 'docgen' : undefined;
}

/** A pointer into the config (`/sources/0`) as one into its file: `/docgen/sources/0` in package.json. */
function pointerInFile(file: string | undefined, pointer: string): string {
  const enclosing = enclosingKey(file);
  return enclosing ? `/${enclosing}${pointer}` : pointer;
}

/**
 * A config key (`sources[0].options`) as its file writes it: `docgen.sources[0].options` in
 * package.json, where the config is the `docgen` key's value.
 */
export function keyAsWritten(file: string | undefined, key: string): string {
  const enclosing = enclosingKey(file);
  if (!enclosing) return key;
  return key ? `${enclosing}${key.startsWith('[') ? '' : '.'}${key}` : enclosing;
}

/**
 * The next step for a wrong option value, where it was given: `pass --dir <what>` for a flag
 * (paths relative to the current folder), `set docgen.config.yaml:4 sources[0].options.dir to
 * <what>` for the config (paths relative to its folder). Without an origin (a plugin's own
 * function called directly), the option alone: `` set `dir` to <what> ``.
 */
export function fixOptionHint(origin: OptionOrigin | undefined, option: string, what: string): string {
  if (origin?.flag) return `pass ${origin.flag} ${what}, relative to the current folder`;
  if (origin?.location?.file) return `set ${origin.name} to ${what}, relative to ${dirname(origin.location.file)}`;
  return `set \`${origin?.name ?? option}\` to ${what}`;
}

/**
 * `hint`, and the path meant where the `missing` one is a letter or two off a file or folder beside
 * it (`openapi.yml` beside `openapi.yaml`, `docs/adrs` beside `docs/adr`): "…; did you mean
 * openapi.yaml?", from where the option's paths are read (the current folder for a flag, the
 * config's folder for the config). A misspelt path is the likeliest wrong one; a path that is
 * there (a file where a folder is wanted) gets the hint alone.
 */
export function withPathMeant(hint: string, missing: string, origin: OptionOrigin | undefined): string {
  const meant = nearbyPath(missing);
  if (!meant) return hint;
  return `${hint}; did you mean ${relative(optionBase(origin), meant)}?`;
}

/**
 * For a file given where its folder is wanted (`--dir docs/adr/0001-use-postgres.md`, a service's
 * catalog-info.yaml): pass the folder holding it, as the option's paths are read.
 */
export function folderOfFileHint(origin: OptionOrigin | undefined, option: string, file: string): string {
  const folder = relative(optionBase(origin), dirname(resolve(file))) || '.';
  return fixOptionHint(origin, option, `${folder} (the folder holding ${basename(file)})`);
}

/** The folder an option's paths are read from: the config file's, or the current one for a flag. */
function optionBase(origin: OptionOrigin | undefined): string {
  return origin?.location?.file && !origin.flag ? dirname(origin.location.file) : process.cwd();
}

/**
 * The path of the file or folder beside `missing`, a path that is not there, whose name is a
 * letter or two off its name (`openapi.yaml` for `openapi.yml`); or, where a folder on the way is
 * not there, the path through the folder a letter or two off it (`docs/adr` for `doc/adr`, adr-tools'
 * folder in a project that keeps `docs/`). None for a path that is there.
 */
export function nearbyPath(missing: string): string | undefined {
  if (existsSync(missing)) return undefined;
  const path = resolve(missing);
  const beside = nearbyName(path);
  if (beside) return beside;
  const folder = dirname(path);
  if (folder === path || existsSync(folder)) return undefined;
  const meantFolder = nearbyPath(folder);
  if (!meantFolder) return undefined;
  const through = join(meantFolder, basename(path));
  return existsSync(through) ? through : nearbyName(through);
}

/** The entry of `path`'s folder whose name is a letter or two off `path`'s name. */
function nearbyName(path: string): string | undefined {
  const folder = dirname(path);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const meant = closestName(basename(path), names);
  return meant ? join(folder, meant) : undefined;
}

export const CONFIG_FILE_NAMES = [
  'docgen.config.js',
  'docgen.config.mjs',
  'docgen.config.json',
  'docgen.config.yaml',
  'docgen.config.yml',
  'docgen.config.ts',
] as const;

const stringArray = { type: 'array', items: { type: 'string' } };

/** The JSON schema of the config file (draft 2020-12). Exported for editors and docs. */
export const configSchema: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'docgen configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: {
      type: 'string',
      deprecated: true,
      description: 'Deprecated, has no effect: use confluence.parentTitle to publish under a page of that title',
    },
    out: { type: 'string', default: 'docs-out', description: 'Output folder, relative to the config file' },
    templates: {
      type: 'string',
      default: 'templates',
      description: 'Template overrides folder: <templates>/<plugin>/<name>.hbs',
    },
    sources: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['plugin'],
        properties: {
          plugin: { type: 'string', minLength: 1, description: 'openapi, an npm module name, or ./path/to/plugin' },
          options: { type: 'object', default: {} },
          parent: { type: 'string', minLength: 1 },
          titlePrefix: { type: 'string' },
          labels: stringArray,
          linkBase: {
            type: 'string',
            pattern: '^https?://[^/?#\\s]+',
            description: 'URL that relative links in the source text resolve against, e.g. https://stripe.com',
          },
        },
      },
    },
    confluence: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // Checked where it is used, by the publisher (DG_CONFLUENCE_URL), as a flag's or CONFLUENCE_URL's is.
        url: { type: 'string', description: 'Confluence site URL, e.g. https://acme.atlassian.net/wiki' },
        flavor: { enum: ['cloud', 'data-center'] },
        spaceKey: { type: 'string', minLength: 1 },
        parentId: { type: ['string', 'integer'] },
        parentTitle: { type: 'string' },
        titlePrefix: { type: 'string' },
        user: { type: 'string' },
        onConflict: { enum: ['fail', 'overwrite', 'skip'] },
        concurrency: { type: 'integer', minimum: 1, maximum: 32 },
        prune: { type: 'boolean' },
        labels: stringArray,
        sandboxDir: { type: 'string' },
        docSet: { type: 'string', minLength: 1, pattern: '\\S' },
      },
    },
  },
};

const SECRET_KEYS = /^(token|apiToken|api_token|password|accessToken|pat|secret)$/i;

/** Search `from` and its ancestors for a config file; undefined when there is none. */
export function findConfigFile(from: string): string | undefined {
  return nearestConfigs(from)?.files[0];
}

/**
 * A folder's configs, the one read first: `docgen.config.*` in `CONFIG_FILE_NAMES` order, then
 * package.json#docgen; with the texts the search read (package.json's), so a load reads each once.
 */
interface FolderConfigs {
  files: string[];
  texts: ReadonlyMap<string, string>;
}

/** The configs of the nearest folder from `from` upwards that has any; undefined when none has. */
function nearestConfigs(from: string): FolderConfigs | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const configs = configsIn(dir);
    if (configs.files.length) return configs;
    if (dirname(dir) === dir) return undefined;
  }
}

function configsIn(dir: string): FolderConfigs {
  const files = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((candidate) => existsSync(candidate));
  const pkg = join(dir, 'package.json');
  const text = packageJsonWithDocgen(pkg);
  return text === undefined ? { files, texts: new Map() } : { files: [...files, pkg], texts: new Map([[pkg, text]]) };
}

/** The text of the package.json at `pkg` where it has a `docgen` key. */
function packageJsonWithDocgen(pkg: string): string | undefined {
  if (!existsSync(pkg)) return undefined;
  try {
    const text = requireText(pkg);
    return (JSON.parse(text) as Record<string, unknown>).docgen === undefined ? undefined : text;
  } catch {
    return undefined; // an unreadable package.json is not ours to judge here
  }
}

/**
 * The configs beside the one `used` that are not read (package.json#docgen beside a
 * docgen.config.yaml): whoever edits the other sees no effect, with no word why.
 */
function shadowedConfigs(used: string, ignored: string[]): Diagnostic[] {
  if (!ignored.length) return [];
  const named = (path: string) =>
    basename(path) === 'package.json' ? 'the "docgen" key of package.json' : basename(path);
  const count = ignored.length === 1 ? 'two' : String(ignored.length + 1);
  return [
    {
      code: 'DG_CONFIG_SHADOWED',
      severity: 'warning',
      message: `${count} docgen configs in ${dirname(used)}: ${basename(used)} is used, ${ignored.map(named).join(' and ')} ${ignored.length === 1 ? 'is' : 'are'} ignored`,
      location: { file: ignored[0] },
      hint: `keep one: move what ${ignored.map(named).join(' and ')} ${ignored.length === 1 ? 'says' : 'say'} into ${basename(used)}, and remove ${ignored.length === 1 ? 'it' : 'them'}`,
    },
  ];
}

function requireText(file: string): string {
  // A small synchronous read for the upward search; package.json files are tiny. A byte order mark
  // (a Windows editor's) is no JSON, but npm and Node read past it: so does the search.
  return withoutByteOrderMark(readFileSync(file, 'utf8'));
}

/**
 * Load and validate the config. `explicit` is a path given by the user (`--config`); otherwise
 * the nearest config from `cwd` upwards is used, and with none an empty config rooted at `cwd`.
 */
export async function loadConfig(options: { cwd?: string; explicit?: string } = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  // A config named with --config is the one meant: others beside it are no surprise.
  if (options.explicit) return loadConfigFile(existingConfigFile(resolve(cwd, options.explicit)));
  const found = nearestConfigs(cwd);
  await loadSchemaValidator([configSchema]);
  if (!found) return configFromObject({}, { dir: cwd });
  const [file, ...ignored] = found.files as [string, ...string[]];
  const loaded = await loadConfigText(file, found.texts.get(file));
  return { ...loaded, warnings: [...shadowedConfigs(file, ignored), ...(loaded.warnings ?? [])] };
}

/** The config file `--config` names, which must exist. */
function existingConfigFile(file: string): string {
  if (existsSync(file)) return file;
  throw new DocgenError({
    code: 'DG_CONFIG_NOT_FOUND',
    message: `config file ${file} does not exist`,
    location: { file },
    hint: withPathMeant('create it, or pass the path of an existing docgen.config.yaml with --config', file, {
      name: '--config',
      flag: '--config',
    }),
  });
}

/** Read one config file of any supported kind. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  return loadConfigText(file);
}

/** Read one config file; `text`, where given, is its text already read. */
async function loadConfigText(file: string, text?: string): Promise<LoadedConfig> {
  await loadSchemaValidator([configSchema]);
  const ext = extname(file).toLowerCase();
  const dir = dirname(file);
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
    return loadModuleConfig(file, true);
  }
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return loadModuleConfig(file, false);
  text ??= await readFile(file, 'utf8');
  if (ext !== '.json') await loadYamlParser();
  const document = parseStructured(text, file, ext === '.json' ? 'json' : 'yaml', 'DG_CONFIG_SYNTAX');
  const enclosing = enclosingKey(file);
  let value = enclosing ? (document.value as Record<string, unknown> | null)?.[enclosing] : document.value;
  if (value === null || value === undefined) value = {};
  return configFromObject(value, {
    file,
    dir,
    locate: (pointer, key) => document.locate(pointerInFile(file, pointer), key),
  });
}

async function loadModuleConfig(file: string, typescript: boolean): Promise<LoadedConfig> {
  let exported: unknown;
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    exported = module.default ?? module;
  } catch (error) {
    if (typescript) {
      throw new DocgenError(
        {
          code: 'DG_CONFIG_TS',
          message: `cannot load ${basename(file)}: this Node.js (${process.version}) cannot run TypeScript files directly`,
          location: { file },
          hint: 'rename it to docgen.config.mjs (and drop the type annotations), or use docgen.config.yaml / .json',
        },
        { cause: error },
      );
    }
    const syntax = error instanceof SyntaxError;
    throw new DocgenError(
      {
        code: 'DG_CONFIG_LOAD',
        message: `cannot load ${basename(file)}: ${(error as Error).message}`,
        location: { file, ...stackLine(error, file) },
        hint: syntax ? 'fix the JavaScript syntax error' : 'fix the error the config module throws when imported',
      },
      { cause: error },
    );
  }
  if (typeof exported === 'function') exported = await (exported as () => unknown)();
  return configFromObject(exported, { file, dir: dirname(file) });
}

function stackLine(error: unknown, file: string): { line?: number } {
  const match = String((error as Error)?.stack ?? '').match(
    new RegExp(`${escapeRegExp(pathToFileURL(file).href)}:(\\d+)`),
  );
  return match ? { line: Number(match[1]) } : {};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Validate a config object (from a file or built in memory, e.g. by `docgen api --openapi`). */
export function configFromObject(
  value: unknown,
  origin: { file?: string; dir: string; locate?: (pointer: string, key?: boolean) => SourceLocation | undefined },
): LoadedConfig {
  const locate = (pointer: string, key?: boolean): SourceLocation => {
    const inFile = pointerInFile(origin.file, pointer);
    return { file: origin.file, ...(origin.locate?.(pointer, key) ?? {}), pointer: inFile ? `#${inFile}` : undefined };
  };
  rejectSecrets(value, locate, origin.file);
  rejectPluginNameKeys(value, locate, origin.file);
  const config = structuredClone(value) as DocgenConfig;
  validateAgainstSchema(configSchema, config, {
    what: `docgen config${origin.file ? ` in ${basename(origin.file)}` : ''}`,
    keyPrefix: enclosingKey(origin.file),
    locate,
    code: 'DG_CONFIG_INVALID',
  });
  if (typeof config.confluence?.parentId === 'number') config.confluence.parentId = String(config.confluence.parentId);
  return {
    config,
    file: origin.file,
    dir: origin.dir,
    locate,
    warnings: keysWithoutEffect(config, origin.file, locate),
  };
}

/**
 * `title` was in the schema and the docs ("title of the documentation set") but nothing read it. It
 * stays allowed (an unknown key is an error, and configs have it), with a warning at its line.
 */
function keysWithoutEffect(
  config: DocgenConfig,
  file: string | undefined,
  locate: (pointer: string, key?: boolean) => SourceLocation,
): Diagnostic[] {
  if (config.title === undefined) return [];
  return [
    {
      code: 'DG_CONFIG_NO_EFFECT',
      severity: 'warning',
      message: `"${keyAsWritten(file, 'title')}" has no effect: docgen makes no page for the doc set as a whole`,
      location: locate('/title', true),
      hint: 'remove it; to publish the pages under a page of that title, set confluence.parentTitle to it (the page must exist), or give their titles a prefix with confluence.titlePrefix',
    },
  ];
}

/**
 * The config with its sources replaced by those given on the command line: templates, out and
 * confluence still come from the config, but nothing about the sources points into it (a missing
 * `--openapi` file had been reported at line 6 of a config listing an ADR folder there).
 */
export function configWithFlagSources(config: LoadedConfig, sources: FlagSource[]): LoadedConfig {
  const fromFlags = configFromObject(
    { ...config.config, sources: sources.map((source) => withConfiguredSettings(config, source)) },
    {
      file: config.file,
      dir: config.dir,
      locate: (pointer, key) => (pointer.startsWith('/sources') ? undefined : config.locate(pointer, key)),
    },
  );
  const locate = (pointer: string, key?: boolean): SourceLocation =>
    pointer.startsWith('/sources') ? { pointer: `#${pointer}` } : fromFlags.locate(pointer, key);
  return { ...fromFlags, locate, sourceFlags: sources.map((source) => source.flags) };
}

/**
 * A source from flags, with what the config says of the same input: `docgen api --openapi
 * billing.yaml` where the config lists billing.yaml with `key: billing` and a title prefix renders
 * the pages the config does (same keys, same titles), where it had rendered a second set under the
 * title's slug, which a publish then met as a title taken by the first. The same input is the same
 * plugin with the file of the first flag (`spec`, `entry`, `schema`, `dir`); the flags' options win.
 */
function withConfiguredSettings(config: LoadedConfig, { flags, ...source }: FlagSource): SourceConfig {
  const configured = configuredSourceOf(config, { flags, ...source });
  if (!configured) return source;
  rejectOtherPairing(config, configured, { flags, ...source });
  // The input as the config names it: the same input (see `sameInput`), and the pages say "from prisma/schema.prisma" alike.
  const [input] = Object.keys(flags);
  const asConfigured = input === undefined ? {} : { [input]: configured.options?.[input] };
  return { ...configured, options: { ...configured.options, ...source.options, ...asConfigured } };
}

/**
 * A flag naming another file than the config pairs with the same input: `docgen api --openapi
 * orders.yaml --routes catalog/server.ts` where the config compares catalog's routes with
 * catalog.yaml. The flag winning compared them with the wrong spec, silently (a page of warnings
 * about another service's operations), and a publish put that on the config's routes page.
 */
function rejectOtherPairing(config: LoadedConfig, configured: SourceConfig, { flags, ...source }: FlagSource): void {
  const [input, ...paired] = Object.keys(flags);
  for (const option of paired) {
    const given = source.options?.[option];
    const configuredPath = configured.options?.[option];
    if (typeof given !== 'string' || typeof configuredPath !== 'string') continue;
    if (resolve(config.dir, configuredPath) === resolve(given)) continue;
    const origin = configKeyOrigin(config, `/sources/${config.config.sources.indexOf(configured)}/options/${option}`);
    const shown = (path: string) => relative(process.cwd(), resolve(path)) || '.';
    throw new DocgenError({
      code: 'DG_FLAG_CONFLICTS_CONFIG',
      message: `the config pairs ${flags[input!]} ${shown(source.options![input!] as string)} with ${configuredPath}, not with ${flags[option]} ${shown(given)}: its ${source.plugin} page would be compared with a ${option === 'openapi' ? 'spec' : 'file'} the config does not compare it with`,
      location: origin.location,
      hint: `pass ${flags[option]} ${shown(resolve(config.dir, configuredPath))} (or leave ${flags[option]} out: the config's is used), or set ${origin.name} to ${relative(config.dir, resolve(given))} if the app serves that spec now`,
    });
  }
}

/**
 * The config's source of the same input as a source from flags (see `withConfiguredSettings`), if it
 * lists one: the same plugin, with a path in the first flag's option that `matches` the flag's (both
 * absolute). Another `matches` asks another question of the same source: its folder holding the input.
 */
export function configuredSourceOf(
  config: LoadedConfig,
  { flags, ...source }: FlagSource,
  matches: (configured: string, given: string) => boolean = sameInput,
): SourceConfig | undefined {
  const [option] = Object.keys(flags);
  const given = option === undefined ? undefined : source.options?.[option];
  if (typeof given !== 'string') return undefined;
  return config.config.sources.find((candidate) => {
    const path = candidate.options?.[option!];
    return (
      candidate.plugin === source.plugin &&
      typeof path === 'string' &&
      matches(resolve(config.dir, path), resolve(given))
    );
  });
}

/**
 * Two paths name the same input when they are equal, or when one is a folder whose only file of the
 * other's extension is the other: `docgen schema --prisma prisma` where the config lists
 * prisma/schema.prisma (rendered with the defaults, it retitled the config's pages, which the
 * config's run then retitled back).
 */
function sameInput(a: string, b: string): boolean {
  if (a === b) return true;
  const aIsFolder = isFolder(a);
  if (aIsFolder === isFolder(b)) return false;
  const [folder, file] = aIsFolder ? [a, b] : [b, a];
  if (!file.startsWith(folder + sep) || !extname(file)) return false;
  return filesEndingIn(folder, extname(file), 2).join() === file;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Up to `most` files under `folder` ending in `extension`, not looking in node_modules or hidden folders. */
function filesEndingIn(folder: string, extension: string, most: number): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= most) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      else if (entry.isFile() && entry.name.endsWith(extension)) found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** The option each built-in plugin's input goes in: what `- openapi: spec.yaml` meant. */
const INPUT_OPTIONS: Readonly<Record<string, string>> = {
  openapi: 'spec',
  routes: 'entry',
  prisma: 'schema',
  runbook: 'dir',
  adr: 'dir',
};

/**
 * A source written as `- openapi: spec.yaml`, the plugin as its key (as other tools list their
 * inputs): the schema alone says "missing key plugin, unknown key openapi; add the missing key".
 * Say how docgen writes that source instead.
 */
function rejectPluginNameKeys(
  value: unknown,
  locate: (pointer: string, key?: boolean) => SourceLocation,
  file: string | undefined,
): void {
  const sources = (value as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return;
  sources.forEach((source: unknown, index) => {
    if (!source || typeof source !== 'object' || 'plugin' in source) return;
    const plugin = Object.keys(source).find((key) => Object.hasOwn(INPUT_OPTIONS, key));
    if (!plugin) return;
    const input = (source as Record<string, unknown>)[plugin];
    throw new DocgenError({
      code: 'DG_CONFIG_INVALID',
      message: `${keyAsWritten(file, `sources[${index}]`)} names its plugin as a key ("${plugin}:"): a source is a plugin and its options`,
      location: locate(`/sources/${index}/${plugin}`, true),
      hint: `write "- plugin: ${plugin}" with "options: { ${INPUT_OPTIONS[plugin]}: ${typeof input === 'string' ? input : '…'} }" on the next line, indented under it`,
    });
  });
}

/** Tokens in a committed file leak; say where they belong instead. */
function rejectSecrets(
  value: unknown,
  locate: (pointer: string, key?: boolean) => SourceLocation,
  file: string | undefined,
): void {
  const confluence = (value as { confluence?: Record<string, unknown> } | null)?.confluence;
  if (!confluence || typeof confluence !== 'object') return;
  for (const key of Object.keys(confluence)) {
    if (SECRET_KEYS.test(key)) {
      throw new DocgenError({
        code: 'DG_CONFIG_SECRET',
        message: `"${keyAsWritten(file, `confluence.${key}`)}" must not be in the config file: secrets are read only from the environment or flags`,
        location: locate(`/confluence/${key}`, true),
        hint: 'remove it and set CONFLUENCE_API_TOKEN (or CONFLUENCE_ACCESS_TOKEN) in the environment, or pass --confluence-token',
      });
    }
  }
}
