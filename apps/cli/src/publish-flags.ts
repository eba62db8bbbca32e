import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import {
  closestName,
  configKeyOrigin,
  DocgenError,
  isDocgenError,
  type ConfluenceConfig,
  type Diagnostic,
  type LoadedConfig,
  type OptionOrigin,
  type PageTree,
} from '@docgen/core';
import { formatTable, terminalWidth } from './text-table.js';
import { warningJson, type WarningJson } from './warning-json.js';
import { warningBlocks } from './warning-groups.js';
import { runningSandbox } from './running-sandbox.js';
// Type-only: the publisher itself is imported lazily so `docgen --help` stays fast.
import type {
  ConfluenceApi,
  Flavor,
  Outcome,
  PageDiff,
  PlannedSync,
  PublishResult,
  PublisherConfig,
  SearchPage,
} from '@docgen/publisher';

/** The flavours `--confluence-flavor`, CONFLUENCE_FLAVOR and `confluence.flavor` take. */
const FLAVORS = ['cloud', 'data-center'] as const;

/**
 * Flags shared by `docgen publish` and every generator's `--publish`: where Confluence is and
 * how to sync. Secrets come only from flags or the environment, never from the config file.
 */
export const connectionFlags = {
  'confluence-url': Flags.string({
    summary:
      'Confluence site URL (https://acme.atlassian.net/wiki, the api.atlassian.com gateway, or a Data Center URL with its context path); env CONFLUENCE_URL. Without one, docgen uses the embedded sandbox.',
  }),
  'confluence-flavor': Flags.string({
    summary:
      'cloud or data-center, where the URL does not tell (a Data Center whose context path is /wiki); env CONFLUENCE_FLAVOR; default: *.atlassian.net and …/wiki are Cloud, the rest Data Center',
    options: [...FLAVORS],
  }),
  'confluence-space': Flags.string({ summary: 'Space key; env CONFLUENCE_SPACE_KEY (sandbox: DEV)' }),
  'confluence-user': Flags.string({
    summary: 'E-mail (Cloud) or username (Data Center) for Basic auth; env CONFLUENCE_USER or CONFLUENCE_EMAIL',
  }),
  'confluence-token': Flags.string({
    summary:
      'API token (with a user) or personal access token; prefer env CONFLUENCE_API_TOKEN (OAuth: CONFLUENCE_ACCESS_TOKEN)',
  }),
  verbose: Flags.boolean({
    summary: 'Trace every request (tokens redacted), and print every warning in full',
    default: false,
  }),
};

export const publishFlags = {
  ...connectionFlags,
  'confluence-parent': Flags.string({
    summary:
      'Id of the page to publish under (the managed root); env CONFLUENCE_PARENT_ID; default: the space homepage',
  }),
  'confluence-prefix': Flags.string({ summary: 'Prefix for every page title, e.g. "[API] "' }),
  'dry-run': Flags.boolean({
    summary:
      'Show the plan (create, restore, update, move, rename, archive, conflict, blocked; unchanged pages are counted, --verbose lists them) and write nothing',
    default: false,
  }),
  diff: Flags.boolean({ summary: 'With the plan, show a normalized diff of each changed page', default: false }),
  prune: Flags.boolean({
    summary: 'Move docgen-owned pages whose source is gone to the trash (restored if their source comes back)',
    default: false,
  }),
  force: Flags.boolean({
    summary: "Overwrite pages edited in Confluence since docgen wrote them; restore docgen's pages a person deleted",
    default: false,
  }),
  'on-conflict': Flags.string({
    summary: 'What to do with a page a human edited: fail (default), skip, overwrite',
    options: ['fail', 'skip', 'overwrite'],
  }),
  concurrency: Flags.integer({ summary: 'Pages written at once (default 4)', min: 1, max: 32 }),
};

export type ConnectionFlagValues = {
  'confluence-url'?: string;
  'confluence-flavor'?: string;
  'confluence-space'?: string;
  'confluence-user'?: string;
  'confluence-token'?: string;
  verbose?: boolean;
};

export type PublishFlagValues = ConnectionFlagValues & {
  'confluence-parent'?: string;
  'confluence-prefix'?: string;
  'dry-run'?: boolean;
  diff?: boolean;
  prune?: boolean;
  force?: boolean;
  'on-conflict'?: string;
  concurrency?: number;
  json?: boolean;
};

/** Where output goes: `info` for people (stderr when --json), `out` for the command's answer. */
export interface PublishLog {
  info(line: string): void;
  out?(line: string): void;
}

export interface RunPublishOptions {
  /** The `confluence` section of the docgen config, if any. */
  config?: ConfluenceConfig;
  /** Where the config's `confluence.url` is written (`docgen.config.yaml:8 confluence.url`), for its error. */
  urlOrigin?: OptionOrigin;
  /** Where the config names the managed root (`confluence.parentId`, else `parentTitle`), for the error when it is not there. */
  rootOrigin?: OptionOrigin;
  /** The config's folder (the current one without a config): the sandbox's data lives beside it. */
  configDir?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * For a run of some of the config's sources: what would stop a run of all of them (two sources
   * of one title). A conflict whose fix is that run says this instead, the fix that works.
   */
  wholeRunStop?: () => Promise<DocgenError | undefined>;
  /**
   * The config's own warnings (`LoadedConfig.warnings`: another config beside it, ignored), for
   * `docgen publish`; a generator command's `--publish` has reported them with its render.
   */
  configWarnings?: Diagnostic[];
}

export interface PublishReport extends Omit<PublishResult, 'warnings'> {
  /** As every command's `--json` lists warnings: readers' comments an update resolved. */
  warnings: WarningJson[];
  target: string;
  sandbox: boolean;
  planned?: Array<{
    action: string;
    title: string;
    key: string;
    pageId?: string;
    changes: string[];
    reason?: string;
    /**
     * A conflict's kind: a human edit, a title another page of the space has, docgen's page
     * retired by a person (in the trash or the archive, holding its title), or the config's page of
     * a key that a flag run renders from another file.
     */
    conflict?: 'edited' | 'title-taken' | 'deleted' | 'other-source' | 'other-run';
    /** The key the page had before its source was renamed: docgen took the page over instead of making a new one. */
    previousKey?: string;
    /** For a title-taken or deleted conflict: what to do, which also publishes the pages blocked under it. */
    fix?: string;
    /** For a title-taken conflict: the doc set that published this page (same key) from other sources too. */
    otherDocSet?: string;
    /** For a title-taken conflict: the key of this doc set's page of another source that has the title. */
    takenByOtherSources?: string;
    /** For a page held back by a conflict above it: that page (its parent, or further up). */
    blockedBy?: { key: string; title: string; parent: boolean };
  }>;
  /** With --diff: each changed page's normalized body against Confluence's (for a restore, the version in the trash). */
  diffs?: PageDiff[];
}

const SANDBOX = { user: 'dev@example.com', token: 'sandbox-token', space: 'DEV' };

export interface Connection {
  url: string;
  /** Cloud or Data Center, when given (else the URL tells). */
  flavor?: Flavor;
  user?: string;
  token?: string;
  accessToken?: string;
  /** Where the URL was given (`--confluence-url`, `CONFLUENCE_URL`, `docgen.config.yaml:8 confluence.url`). */
  urlFrom?: string;
  /** Where the user, the token and the space key were given, for a hint about a wrong one. */
  from?: { user?: string; token?: string; space?: string };
  spaceKey?: string;
  sandbox?: { url: string; close(): Promise<void> };
  /** The embedded sandbox's data folder, when the connection is to it. */
  sandboxDir?: string;
  secrets: string[];
}

/** What a client signs in with: the same for `confluence check|spaces|get|search` as for a publish. */
function signInOf({ url, flavor, user, token, accessToken }: Connection) {
  return { url, flavor, user, token, accessToken };
}

/** The `confluence` section of the nearest docgen config (none: no section), as `publish` reads it. */
async function nearestConfluenceConfig(): Promise<RunPublishOptions> {
  const { loadConfig } = await import('@docgen/core');
  return publishOptions(await loadConfig({ cwd: process.cwd() }));
}

/** What a publish takes from a loaded config: its `confluence` section, where its keys are written, its folder. */
export function publishOptions(loaded: LoadedConfig): RunPublishOptions {
  const confluence = loaded.config.confluence;
  return {
    config: confluence,
    urlOrigin: configKeyOrigin(loaded, '/confluence/url'),
    rootOrigin: confluence?.parentId
      ? configKeyOrigin(loaded, '/confluence/parentId')
      : confluence?.parentTitle
        ? configKeyOrigin(loaded, '/confluence/parentTitle')
        : undefined,
    configDir: loaded.dir,
    cwd: process.cwd(),
  };
}

/**
 * For a run of some of a config's sources: what would stop a run of all of them (see
 * `RunPublishOptions.wholeRunStop`), rendered only when asked. None without a config file.
 */
export function wholeRunStopOf(config: LoadedConfig | undefined): RunPublishOptions['wholeRunStop'] {
  return config?.file
    ? () => import('./generate.js').then(({ wholeConfigClash }) => wholeConfigClash(config))
    : undefined;
}

/**
 * The managed root and where it was named, for the error when no such page is there: the flag,
 * else the variable, else the config's `parentId` (or its `parentTitle`) with its file and line.
 */
function managedRoot(
  flags: PublishFlagValues,
  env: NodeJS.ProcessEnv,
  options: RunPublishOptions,
): Pick<PublisherConfig, 'parentId' | 'parentTitle' | 'rootFrom'> {
  const { parentId, parentTitle } = options.config ?? {};
  const flag = flags['confluence-parent'];
  if (flag !== undefined) return { parentId: flag, parentTitle, rootFrom: { from: '--confluence-parent' } };
  const variable = fromEnv(env, 'CONFLUENCE_PARENT_ID');
  if (variable !== undefined) return { parentId: variable, parentTitle, rootFrom: { from: 'CONFLUENCE_PARENT_ID' } };
  const origin = options.rootOrigin;
  return { parentId, parentTitle, rootFrom: origin && { from: origin.name, location: origin.location } };
}

/**
 * The embedded sandbox's data folder: `confluence.sandboxDir`, else `.docgen/sandbox`, beside the
 * config, as the storage cache is. It followed the current folder, so a publish from a subfolder
 * of the project went to a new, empty sandbox (every page "created" again, at other ids).
 */
export function sandboxFolder(config: ConfluenceConfig | undefined, configDir: string): string {
  return resolve(configDir, config?.sandboxDir ?? '.docgen/sandbox');
}

/** The sandbox folder of the nearest docgen config from `cwd` (`docgen sandbox start` with no --data). */
export async function nearestSandboxFolder(cwd: string): Promise<string> {
  const { loadConfig } = await import('@docgen/core');
  const loaded = await loadConfig({ cwd });
  return sandboxFolder(loaded.config.confluence, loaded.dir);
}

/** An environment variable set to nothing (`export CONFLUENCE_USER=` in a CI file) is unset. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name] || undefined;
}

/** `--confluence-flavor`, else CONFLUENCE_FLAVOR (checked here: no flag parser sees it), else `confluence.flavor`. */
function flavorOf(flags: ConnectionFlagValues, env: NodeJS.ProcessEnv, config: ConfluenceConfig): Flavor | undefined {
  const fromVariable = fromEnv(env, 'CONFLUENCE_FLAVOR');
  if (fromVariable && !(FLAVORS as readonly string[]).includes(fromVariable)) {
    const meant = closestName(fromVariable.toLowerCase(), FLAVORS);
    throw new DocgenError({
      code: 'DG_CONFLUENCE_FLAVOR',
      message: `CONFLUENCE_FLAVOR=${fromVariable} is not a Confluence flavour: it is cloud or data-center`,
      hint: meant
        ? `did you mean CONFLUENCE_FLAVOR=${meant}?`
        : 'set CONFLUENCE_FLAVOR to cloud or data-center, or unset it to tell by the URL',
    });
  }
  const given = flags['confluence-flavor'] ?? fromVariable ?? config.flavor;
  return given === undefined ? undefined : given === 'data-center' ? 'datacenter' : 'cloud';
}

/** Flags, then environment, then config; with no URL at all, the embedded sandbox. */
export async function openConnection(
  flags: ConnectionFlagValues,
  options: RunPublishOptions = {},
): Promise<Connection> {
  const env = options.env ?? process.env;
  const config = options.config ?? {};
  // An empty CONFLUENCE_URL is unset: it had hidden the config's url, and the pages went to the
  // sandbox without a word. The same for every variable below.
  const envUrl = fromEnv(env, 'CONFLUENCE_URL');
  const url = flags['confluence-url'] ?? envUrl ?? config.url;
  const token = flags['confluence-token'] ?? fromEnv(env, 'CONFLUENCE_API_TOKEN');
  const accessToken = fromEnv(env, 'CONFLUENCE_ACCESS_TOKEN');
  const secrets = [token, accessToken].filter((s): s is string => Boolean(s));
  if (url) {
    // The publisher's check, so a URL from a flag, the environment or the config reads the same as
    // one given to its API; checked here, before a request or the sandbox, naming where it came from.
    const { assertSafeTransport, parseConfluenceUrl } = await import('@docgen/publisher');
    const fromConfig = !flags['confluence-url'] && !envUrl;
    const urlFrom = flags['confluence-url']
      ? '--confluence-url'
      : envUrl
        ? 'CONFLUENCE_URL'
        : (options.urlOrigin?.name ?? 'confluence.url in the config');
    const origin = { from: urlFrom, location: fromConfig ? options.urlOrigin?.location : undefined };
    parseConfluenceUrl(url, origin);
    // A token for plain http to another host is refused before any output or request, naming where the URL came from.
    const credential = token ?? accessToken;
    if (credential) assertSafeTransport(url, { kind: 'bearer', token: credential }, origin);
    return {
      url,
      urlFrom,
      flavor: flavorOf(flags, env, config),
      user:
        flags['confluence-user'] ?? fromEnv(env, 'CONFLUENCE_USER') ?? fromEnv(env, 'CONFLUENCE_EMAIL') ?? config.user,
      token,
      accessToken,
      spaceKey: flags['confluence-space'] ?? fromEnv(env, 'CONFLUENCE_SPACE_KEY') ?? config.spaceKey,
      secrets,
      from: {
        user: firstGiven([
          ['--confluence-user', flags['confluence-user']],
          ['CONFLUENCE_USER', fromEnv(env, 'CONFLUENCE_USER')],
          ['CONFLUENCE_EMAIL', fromEnv(env, 'CONFLUENCE_EMAIL')],
          ['confluence.user in the config', config.user],
        ]),
        token: firstGiven([
          ['--confluence-token', flags['confluence-token']],
          ['CONFLUENCE_API_TOKEN', fromEnv(env, 'CONFLUENCE_API_TOKEN')],
          ['CONFLUENCE_ACCESS_TOKEN', accessToken],
        ]),
        space: firstGiven([
          ['--confluence-space', flags['confluence-space']],
          ['CONFLUENCE_SPACE_KEY', fromEnv(env, 'CONFLUENCE_SPACE_KEY')],
          ['confluence.spaceKey in the config', config.spaceKey],
        ]),
      },
    };
  }
  const dataDir = sandboxFolder(config, options.configDir ?? options.cwd ?? process.cwd());
  // The sandbox's own recursive mkdir never returns where no folder can be made (/proc): fail fast.
  const { makeFolder } = await import('@docgen/core');
  await makeFolder(dataDir);
  const { startSandbox } = (await import('@docgen/confluence-sandbox')) as unknown as {
    startSandbox(options: {
      port?: number;
      dataDir?: string;
    }): Promise<{ url: string; port: number; close(): Promise<void> }>;
  };
  const sandbox = await startSandbox({ port: 0, dataDir });
  return {
    url: `${sandbox.url.replace(/\/$/, '')}/wiki`,
    user: SANDBOX.user,
    token: SANDBOX.token,
    spaceKey: flags['confluence-space'] ?? SANDBOX.space,
    sandbox,
    sandboxDir: dataDir,
    secrets: [SANDBOX.token],
  };
}

/**
 * Publishing writes, and no Confluence lets an anonymous caller write: without a token the first
 * request failed as a 401 (or, for a site out of reach, as a connection error that hid the real
 * problem). Say so before any request, with where each credential goes.
 */
function requireCredentials(connection: Connection): void {
  if (connection.sandbox || connection.token || connection.accessToken) return;
  throw new DocgenError({
    code: 'DG_CONFLUENCE_AUTH',
    message: `no Confluence token to publish to ${connection.url} (from ${connection.urlFrom ?? 'the config'})`,
    hint:
      'set CONFLUENCE_API_TOKEN (Cloud: an API token, with your e-mail in CONFLUENCE_EMAIL or confluence.user; ' +
      'Data Center: a personal access token), or CONFLUENCE_ACCESS_TOKEN for OAuth 2.0; --confluence-token works too. ' +
      'Tokens never go in the config file; without a URL docgen publishes to the embedded sandbox',
  });
}

/** Run `fn` with a connected client, closing the sandbox afterwards and redacting any error. */
export async function withConfluence<T>(
  flags: ConnectionFlagValues,
  log: PublishLog,
  fn: (api: ConfluenceApi, connection: Connection) => Promise<T>,
  options?: RunPublishOptions,
): Promise<T> {
  // `confluence check|spaces|get|search` take the site, user and space from the nearest config
  // too, as `publish` does: without it they checked the sandbox while publishing went elsewhere.
  const connection = await openConnection(flags, options ?? (await nearestConfluenceConfig()));
  try {
    const { connect } = await import('@docgen/publisher');
    const api = await connect({
      ...signInOf(connection),
      trace: flags.verbose ? (line) => log.info(`  ${line}`) : undefined,
    });
    return await fn(api, connection);
  } catch (error) {
    throw redactError(await retoldForConnection(error, connection), connection.secrets);
  } finally {
    await connection.sandbox?.close();
  }
}

/**
 * A paged Confluence listing (`confluence spaces`, `confluence search`) read until it holds `limit`
 * results or ends: the first `limit`, and the address of the page after them (none at its end).
 */
export async function firstResults<T>(
  limit: number,
  readPage: (next: string | undefined) => Promise<SearchPage<T>>,
): Promise<SearchPage<T>> {
  const results: T[] = [];
  let next: string | undefined;
  do {
    const page = await readPage(next);
    results.push(...page.results);
    next = page.next;
  } while (next && results.length < limit);
  return { results: results.slice(0, limit), next };
}

/**
 * Publish a rendered folder (manifest.json + pages) to Confluence: what `docgen publish` does,
 * and what a generator command calls for `--publish`.
 */
export async function runPublish(
  renderedDir: string,
  flags: PublishFlagValues,
  log: PublishLog,
  options: RunPublishOptions = {},
): Promise<PublishReport> {
  const { readRenderedTree, repositoryFolderOf } = await import('@docgen/core');
  // The set's repository may not name it (DG_DOC_SET_GIT): told once a run, with the publish's warnings.
  const repositoryWarnings: Diagnostic[] = [];
  const { manifest, tree } = await readRenderedTree(renderedDir, { report: (d) => repositoryWarnings.push(d) });
  const conversionWarnings = await import('./generate.js').then(({ convertForPublish }) => convertForPublish(tree));
  const env = options.env ?? process.env;
  const config = options.config ?? {};
  const connection = await openConnection(flags, options);
  const started = Date.now();
  try {
    requireCredentials(connection);
    const { Publisher } = await import('@docgen/publisher');
    const spaceKey = connection.spaceKey;
    if (!spaceKey) {
      throw new DocgenError({
        code: 'DG_CONFLUENCE_SPACE',
        message: 'no Confluence space given',
        hint: 'pass --confluence-space, set CONFLUENCE_SPACE_KEY, or write confluence.spaceKey in the docgen config: the space key (DOCS, not its name); `docgen confluence spaces` lists the keys the account can see',
      });
    }
    const progress = createProgress(tree.pages.length, log, Boolean(flags.json));
    const onConflict = (flags['on-conflict'] ?? config.onConflict) as PublisherConfig['onConflict'];
    const publisher = new Publisher({
      ...signInOf(connection),
      spaceKey,
      ...managedRoot(flags, env, options),
      titlePrefix: flags['confluence-prefix'] ?? config.titlePrefix,
      // The config's name for the doc set, over the folder's (a folder rendered before it was set).
      docSet: config.docSet,
      sourceRoot: checkoutOf(tree, process.cwd()),
      // The config's name for the set takes over its app's pages published before it was named.
      configPlace: config.docSet && options.configDir ? repositoryFolderOf(options.configDir) : undefined,
      labels: config.labels,
      concurrency: flags.concurrency ?? config.concurrency,
      onConflict,
      force: flags.force,
      prune: flags.prune ?? config.prune,
      generator: manifest.generator,
      trace: flags.verbose ? (line) => progress.trace(line) : undefined,
      onOutcome: (outcome) => progress.tick(outcome),
    });
    const target = connection.sandbox
      ? `embedded sandbox, space ${spaceKey}`
      : `${redact(connection.url, connection.secrets)}, space ${spaceKey}`;
    const pages = `${tree.pages.length} page${tree.pages.length === 1 ? '' : 's'}`;
    log.info(`${flags['dry-run'] ? 'Planning' : 'Publishing'} ${pages} from ${renderedDir} to ${target}`);
    const planned = await publisher.plan(tree);
    await retellWholeRunFixes(planned, options.wholeRunStop);
    const dryRun = Boolean(flags['dry-run']);
    const diffs = flags.diff ? await publisher.diffs(planned) : undefined;
    if (dryRun || flags.diff) {
      log.info(rootLine(planned));
      const width = terminalWidth(flags.json ? process.stderr : process.stdout);
      log.info(planTable(planned, { all: Boolean(flags.verbose), width }));
      for (const d of diffs ?? []) log.info(`\n${diffHeading(d, planned)}${d.diff}`);
    }
    const result = await publisher.publish(tree, { dryRun, planned });
    result.warnings.unshift(...(options.configWarnings ?? []), ...repositoryWarnings, ...conversionWarnings);
    progress.done();
    result.durationMs = Date.now() - started;
    for (const line of outcomeLines(result.outcomes)) log.info(line);
    // Warnings on stderr, as every command prints them (stdout is the run's report), as the progress bar is.
    for (const block of warningBlocks(result.warnings, { verbose: flags.verbose })) process.stderr.write(`${block}\n`);
    log.info(summaryLine(result, planned.plan.operations.filter((op) => op.adoptId).length));
    for (const line of orphanLines(planned)) log.info(line);
    if (dryRun && hasWork(planned))
      log.info('Nothing was written (--dry-run): run it without --dry-run to apply this plan.');
    if (connection.sandboxDir && !dryRun) {
      const rootKey = tree.pages.find((p) => p.parentKey === undefined)?.key;
      const rootPage = result.outcomes.find((o) => o.key === rootKey)?.pageId;
      const page = rootPage ? `/ui/pages/${rootPage}` : '/';
      const running = runningSandbox(connection.sandboxDir);
      if (running)
        log.info(`Preview: open ${running.url}${page} (space ${spaceKey}; the sandbox running on this folder).`);
      else {
        const start = await sandboxStartCommand(connection.sandboxDir, options.cwd);
        log.info(
          `Preview: run \`${start}\` and open http://127.0.0.1:8090${page} (space ${spaceKey}; the URL it prints if you pick another port).`,
        );
      }
    }
    return {
      ...result,
      warnings: result.warnings.map(warningJson),
      target,
      sandbox: Boolean(connection.sandbox),
      planned: planned.plan.operations.map((op) => ({
        action: op.action,
        title: op.title,
        key: op.key,
        pageId: op.pageId,
        changes: op.changes,
        reason: op.reason,
        ...(op.conflict ? { conflict: op.conflict } : {}),
        ...(op.fix ? { fix: op.fix } : {}),
        ...(op.otherDocSet !== undefined ? { otherDocSet: op.otherDocSet } : {}),
        ...(op.takenByOtherSources !== undefined ? { takenByOtherSources: op.takenByOtherSources } : {}),
        ...(op.blockedBy ? { blockedBy: op.blockedBy } : {}),
        ...(op.previousKey !== undefined ? { previousKey: op.previousKey } : {}),
        ...(op.keptFor ? { keptFor: op.keptFor } : {}),
      })),
      diffs,
    };
  } catch (error) {
    throw redactError(await retoldForConnection(error, connection), connection.secrets);
  } finally {
    await connection.sandbox?.close();
  }
}

/**
 * A title this doc set's other sources hold is fixed by publishing every source at once, unless two
 * of the config's sources make that title: then that run stops at the clash (DG_TREE_DUPLICATE_TITLE),
 * and the fix that works is the clash's own, said here, in the conflict and the pages held under it.
 */
async function retellWholeRunFixes(
  planned: PlannedSync,
  wholeRunStop: RunPublishOptions['wholeRunStop'],
): Promise<void> {
  const operations = planned.plan.operations;
  const told = operations.filter((op) => op.takenByOtherSources !== undefined && op.fix);
  if (!told.length || !wholeRunStop) return;
  const clash = await wholeRunStop();
  if (!clash) return;
  const where = clash.location?.file
    ? ` (${basename(clash.location.file)}${clash.location.line ? `:${clash.location.line}` : ''})`
    : '';
  const fix = `the config's sources clash, which stops a run of every source too: ${clash.message}${where}${clash.hint ? `; ${clash.hint}` : ''}`;
  for (const old of new Set(told.map((op) => op.fix!))) {
    for (const op of operations) {
      if (op.fix === old) op.fix = fix;
      if (op.reason?.includes(old)) op.reason = op.reason.replace(old, fix);
    }
  }
}

/**
 * The folder a flag run's source paths start at (see `PublisherConfig.sourceRoot`): the one docgen
 * runs in, where every file the tree was rendered from is (the checkout it was rendered in, also for
 * `docgen publish <folder>` there); else unknown, and no recorded file is taken for gone.
 */
function checkoutOf(tree: PageTree, cwd: string): string | undefined {
  if (tree.partial !== 'flags' || !tree.filesComparable) return undefined;
  const files = tree.pages.map((page) => page.source?.file).filter((file) => file !== undefined);
  return files.length > 0 && files.every((file) => existsSync(resolve(cwd, file))) ? cwd : undefined;
}

/**
 * How to start the sandbox just published to: plain `docgen sandbox start` when, run from here, it
 * finds that folder itself (the same config), else with `--data` (`npm run demo` from the repository root).
 */
async function sandboxStartCommand(dataDir: string, cwd: string | undefined): Promise<string> {
  const here = cwd ?? process.cwd();
  // `npx`: docgen is a project's dev dependency, on the PATH of its npm scripts but not of a shell.
  if ((await nearestSandboxFolder(here)) === dataDir) return 'npx docgen sandbox start';
  return `npx docgen sandbox start --data ${relativeToCwd(dataDir, here)}`;
}

/** Where the pages go, said once above the plan: the page everything is published under. */
function rootLine(planned: PlannedSync): string {
  const { rootId } = planned.plan;
  return rootId === planned.space.homepageId
    ? `Managed root: page ${rootId}, the space's homepage (--confluence-parent publishes under another page)`
    : `Managed root: page ${rootId}`;
}

/**
 * The pages the run left as they are, or failed, one line each, with their reason. The pages a
 * conflict held back (those under it), or that a failed page left without a parent, share its
 * reason: they are listed under one line after it, not each with that reason again (--json keeps
 * each one's message).
 */
function outcomeLines(outcomes: Outcome[]): string[] {
  const heldBack = new Map<string, Outcome[]>();
  const causeOf = (outcome: Outcome) =>
    outcome.status === 'skipped' ? outcome.blockedBy : outcome.status === 'failed' ? outcome.failedAbove : undefined;
  for (const outcome of outcomes) {
    const cause = causeOf(outcome);
    if (cause !== undefined) heldBack.set(cause, [...(heldBack.get(cause) ?? []), outcome]);
  }
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (!DETAILED.has(outcome.status) || causeOf(outcome) !== undefined) continue;
    lines.push(
      `${outcome.status.padEnd(9)} ${outcome.title}${outcome.pageId ? ` (${outcome.pageId})` : ''}: ${outcome.message ?? ''}`,
    );
    const held = heldBack.get(outcome.key);
    if (held) lines.push(...heldBackLines(outcome, held));
    heldBack.delete(outcome.key);
  }
  // A cause not itself among the outcomes (none met in practice): its pages still listed.
  for (const [key, held] of heldBack) lines.push(...heldBackLines({ title: key }, held));
  return lines;
}

function heldBackLines(cause: Pick<Outcome, 'title'>, held: Outcome[]): string[] {
  const pages = held.length === 1 ? '1 page' : `${held.length} pages`;
  const head =
    held[0].status === 'failed'
      ? `${'failed'.padEnd(9)} ${pages} under "${cause.title}" not published: it failed above; the next run publishes them:`
      : `${'skipped'.padEnd(9)} ${pages} under "${cause.title}" (its conflict above); resolving it publishes them on the next run:`;
  return [head, ...held.map((outcome) => `${' '.repeat(12)}${outcome.title}`)];
}

/**
 * Above a conflict's diff, what it is: the page a person edited, its `-` lines the page as they left
 * it, its `+` lines what docgen would write over it (with --force). Other diffs need no heading.
 */
function diffHeading(diff: PageDiff, planned: PlannedSync): string {
  if (diff.action !== 'conflict') return '';
  const op = planned.plan.operations.find((o) => o.key === diff.key);
  return (
    `conflict: ${diff.title}${op?.reason ? ` — ${op.reason}` : ''}\n` +
    "  - lines: the page in Confluence now, with the person's edit; + lines: what docgen would write over it\n"
  );
}

/**
 * An orphan is kept on purpose (docgen deletes nothing unasked): say once how to retire it. A page
 * kept for a page a person put under it is not one --prune retires: say what keeps it instead.
 */
function orphanLines(planned: PlannedSync): string[] {
  const orphans = planned.plan.operations.filter((op) => op.action === 'orphan');
  const kept = orphans.filter((op) => op.keptFor && !op.keptFor.edited).length;
  const edited = orphans.filter((op) => op.keptFor?.edited).length;
  const retirable = orphans.length - kept - edited;
  const pages = (n: number) =>
    `${n} page${n === 1 ? '' : 's'} of docgen's no longer in the tree stay${n === 1 ? 's' : ''}`;
  const it = (n: number) => (n === 1 ? 'it' : 'them');
  return [
    ...(retirable > 0
      ? [
          `${pages(retirable)} in Confluence: --prune moves ${it(retirable)} to the trash (a page whose source comes back is restored).`,
        ]
      : []),
    ...(kept > 0
      ? [
          `${pages(kept)} in Confluence, kept for the pages people added under ${it(kept)}: move or delete those, and --prune retires ${it(kept)}.`,
        ]
      : []),
    ...(edited > 0
      ? [
          `${pages(edited)} in Confluence, kept for what people edited in or under ${it(edited)}: --prune --force retires ${it(edited)} all the same.`,
        ]
      : []),
  ];
}

function hasWork(planned: PlannedSync): boolean {
  const quiet = new Set(['unchanged', 'conflict', 'blocked', 'orphan']);
  return planned.plan.reorder.length > 0 || planned.plan.operations.some((op) => !quiet.has(op.action));
}

/** A DocgenError that says why a publish did not fully succeed, for exit code 1. */
export function publishFailure(report: PublishReport): DocgenError | undefined {
  if (report.ok) return undefined;
  const { conflicts, failed } = report.counts;
  const plannedConflicts = report.planned?.filter((p) => p.action === 'conflict').length ?? 0;
  // A dry run has its plan only; a run, what happened: a planned conflict may end otherwise (a page
  // an interrupted run created is adopted, or fails again), and is then no conflict.
  const conflicted = report.dryRun ? plannedConflicts : conflicts;
  const parts = [];
  if (conflicted) parts.push(`${conflicted} conflict${conflicted === 1 ? '' : 's'}`);
  if (failed) parts.push(`${failed} failed page${failed === 1 ? '' : 's'}`);
  return new DocgenError({
    code: conflicted ? 'DG_PUBLISH_CONFLICT' : 'DG_PUBLISH_FAILED',
    // A dry run left nothing incomplete: it says what the publish would do.
    message: report.dryRun
      ? `the publish would be incomplete: ${parts.join(', ')} (nothing was written: --dry-run)`
      : `publish incomplete: ${parts.join(', ')}`,
    hint: conflicted ? conflictHint(report) : 'fix the errors above and re-run; docgen picks up where it stopped',
  });
}

/**
 * What to do about the run's conflicts: a human edit is merged or overwritten, but a title another
 * page of the space has is not fixed by --force (Confluence refuses the title): the title changes.
 */
function conflictHint(report: PublishReport): string {
  const kinds = new Set(report.planned?.filter((p) => p.action === 'conflict').map((p) => p.conflict));
  const edited = `pages edited in Confluence ${report.dryRun ? 'would be' : 'were'} left as they are; merge the edit into the source, or re-run with --force (or --on-conflict skip)`;
  const taken =
    'a title docgen wants is another page’s in this space: give docgen’s pages their own titles with confluence.titlePrefix ' +
    '(--confluence-prefix), a source’s titlePrefix or its plugin’s title option, or rename the other page';
  const deleted =
    'a page of docgen’s is in the trash or the archive, where a person put it: restore it in Confluence, purge it, ' +
    'or re-run with --force to have docgen restore it from the trash';
  const otherSource =
    'a source given by flags renders a key the config’s sources publish from another file: list that source in the config ' +
    'with its own key (options.key), or give the config’s source one (each conflict above names the two files)';
  const otherRun =
    'another run of sources given by flags (another CI job) publishes a page of the same key from another folder, with its own content: ' +
    'publish both folders from one config source, or give each run its own parent page (each conflict above names the two folders)';
  // Conflicts met only during the run (a title taken or retired between plan and apply, an edit)
  // were not in the plan: their own messages say what happened and what to do.
  if (kinds.size === 0) return `each conflict above says what happened and what to do (${edited})`;
  const hints = [];
  if (kinds.has('title-taken')) hints.push(takenByAnotherRun(report) ?? taken);
  if (kinds.has('deleted')) hints.push(deleted);
  if (kinds.has('edited')) hints.push(edited);
  if (kinds.has('other-source')) hints.push(otherSource);
  if (kinds.has('other-run')) hints.push(otherRun);
  return hints.join('; ');
}

/**
 * Where every taken title is docgen's own page of the same key in another doc set: the same pages,
 * published by a run of other sources (`docgen generate` of the config, then `docgen adr` of a part).
 * A title prefix would publish them twice: the plan's one fix (publish them as they were) is the hint.
 */
function takenByAnotherRun(report: PublishReport): string | undefined {
  const taken = report.planned?.filter((p) => p.conflict === 'title-taken') ?? [];
  const fixes = new Set(taken.map((p) => (p.otherDocSet === undefined ? undefined : p.fix)));
  if (fixes.size === 1 && !fixes.has(undefined))
    return `docgen's pages of these titles were published by another run: ${[...fixes][0]}`;
  // This doc set's pages of its other sources: their fix (a run of every source, or the config's clash).
  const ofOtherSources = new Set(taken.map((p) => (p.takenByOtherSources === undefined ? undefined : p.fix)));
  if (ofOtherSources.size !== 1 || ofOtherSources.has(undefined)) return undefined;
  return `docgen's pages of these titles are this doc set's, from its other sources: ${[...ofOtherSources][0]}`;
}

export function summaryLine(result: PublishResult, adopting = 0): string {
  const c = result.counts;
  // A page the plan found identical to docgen's is counted a `conflict` in --json's plan (its stable
  // action), and shown as what the run does with it: an adoption, as its row in the table says.
  const planned = { ...result.plan, conflict: result.plan.conflict - adopting, adopt: adopting };
  const head = result.dryRun
    ? `Plan: ${
        Object.entries(planned)
          .filter(([, n]) => n > 0)
          .map(([action, n]) => `${n} ${action}`)
          .join(', ') || 'nothing to do'
      }`
    : `Done: ${c.created} created, ${c.updated} updated${recordOnlyNote(c)}, ${c.restored ? `${c.restored} restored, ` : ''}${c.unchanged} unchanged, ${c.conflicts} conflict${c.conflicts === 1 ? '' : 's'}` +
      `${c.skipped ? `, ${c.skipped} skipped` : ''}${c.orphans ? `, ${c.orphans} orphaned` : ''}${c.archived ? `, ${c.archived} trashed` : ''}${c.failed ? `, ${c.failed} failed` : ''}`;
  const r = result.requests;
  return `${head} — ${r.reads + r.writes} requests (${r.reads} reads, ${r.writes} writes${r.retries ? `, ${r.retries} retried` : ''}) in ${(result.durationMs / 1000).toFixed(1)} s`;
}

/** Updates that wrote only docgen's record are no page version: said, so a count of them does not alarm. */
function recordOnlyNote(counts: PublishResult['counts']): string {
  if (!counts.recordOnly) return '';
  const which =
    counts.recordOnly === counts.updated ? 'docgen’s record only' : `${counts.recordOnly} of them docgen’s record only`;
  return ` (${which}, no new page version)`;
}

/**
 * The plan as a table a first-time reader can follow: pages in tree order, titles indented under
 * their parents, and in words what happens to each (a new page says where it goes). Unchanged
 * pages are counted, not listed, unless `all` (--verbose): a re-run is then a short list.
 */
export function planTable(planned: PlannedSync, options: { all?: boolean; width?: number } = {}): string {
  const operations = treeOrder(planned.plan.operations);
  const titles = new Map(planned.plan.operations.map((op) => [op.key, op.title]));
  const under = (parentKey: string | undefined) =>
    parentKey === undefined ? 'the managed root' : `"${titles.get(parentKey) ?? parentKey}"`;
  const shown = operations.filter(({ op }) => options.all || op.action !== 'unchanged');
  const rows = shown.map(({ op, depth }) => [
    // The plan's `archive` (a stable --json value) retires the page to the trash, on every dialect;
    // a `conflict` with a page the plan found identical to docgen's is adopted by the run.
    op.action === 'archive' ? 'trash' : op.adoptId ? 'adopt' : op.action,
    `${'  '.repeat(depth)}${op.title}`,
    op.pageId ?? '-',
    detailOf(op, under),
  ]);
  // Sibling re-ordering is planned separately (after the pages); show it as rows of its own.
  for (const move of planned.plan.reorder) {
    rows.push([
      'move',
      move.title,
      planned.plan.operations.find((op) => op.key === move.key)?.pageId ?? '-',
      `${move.position} ${move.targetKey ? under(move.targetKey) : 'the managed root'}`,
    ]);
  }
  const hidden = operations.length - shown.length;
  const note = hidden ? `${hidden} unchanged page${hidden === 1 ? '' : 's'} not listed (--verbose lists them)` : '';
  if (rows.length === 0) return note;
  // A long title or detail wraps within its column at the terminal's width: capped at 60 and
  // overflowing, it pushed the page id and the detail of its row out of line with the others.
  // The action and the page id are never broken.
  const table = formatTable(['ACTION', 'TITLE', 'PAGE', 'DETAIL'], rows, {
    width: options.width,
    wraps: [false, true, false, true],
  });
  return [table, ...(note ? [note] : [])].join('\n');
}

type PlannedOperation = PlannedSync['plan']['operations'][number];

/** What happens to a page, in words: where a new or moved page goes, what changes on the others. */
function detailOf(op: PlannedOperation, under: (parentKey: string | undefined) => string): string {
  // The conflict's reason and fix are on its own row: a page it holds back names it, not the whole text again (--json has it).
  if (op.action === 'blocked' && op.blockedBy)
    return `held back: its ${op.blockedBy.parent ? 'parent' : 'ancestor'} "${op.blockedBy.title}" is in conflict (above); resolving it publishes this page`;
  if (op.action === 'conflict' || op.action === 'blocked' || op.action === 'orphan' || op.action === 'archive')
    return op.reason ?? '';
  if (op.action === 'restore')
    return `back from the trash under ${under(op.parentKey)}: ${op.reason ?? 'docgen pruned it'}`;
  if (op.action === 'create') {
    const files = op.desired?.attachments.length ?? 0;
    return `new page under ${under(op.parentKey)}${files ? `, ${files} attachment${files === 1 ? '' : 's'}` : ''}`;
  }
  const changes = op.changes
    .filter((change) => change !== 'state')
    .map((change) =>
      change === 'parent'
        ? `moved under ${under(op.parentKey)}`
        : change === 'title' && op.remote
          ? `renamed from "${op.remote.title}"`
          : change,
    );
  // A page taken over from its old key: say so, or a plain "update" would hide why nothing new appears.
  if (op.previousKey !== undefined) changes.unshift(`taken over from key ${op.previousKey}`);
  // Only docgen's property is written (a run that died before it, a managed root to record): say so.
  if (changes.length === 0 && op.changes.includes('state')) return "docgen's record of it only, no new version";
  return changes.join(', ');
}

/** Pages in tree order (each parent, then its pages), with their depth; pages being retired last. */
function treeOrder(operations: PlannedOperation[]): Array<{ op: PlannedOperation; depth: number }> {
  const pages = operations.filter((op) => op.action !== 'orphan' && op.action !== 'archive');
  const keys = new Set(pages.map((op) => op.key));
  const children = new Map<string | undefined, PlannedOperation[]>();
  for (const op of pages) {
    const parent = op.parentKey !== undefined && keys.has(op.parentKey) ? op.parentKey : undefined;
    children.set(parent, [...(children.get(parent) ?? []), op]);
  }
  const out: Array<{ op: PlannedOperation; depth: number }> = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const op of children.get(parent) ?? []) {
      out.push({ op, depth });
      if (depth < 100) walk(op.key, depth + 1);
    }
  };
  walk(undefined, 0);
  const placed = new Set(out.map(({ op }) => op));
  for (const op of operations) if (!placed.has(op)) out.push({ op, depth: 0 });
  return out;
}

/** Outcomes said once the run is done, with why: the progress lines leave them out. */
const DETAILED = new Set<Outcome['status']>(['conflict', 'failed', 'orphan', 'skipped']);

/** A bar on an interactive terminal, plain lines in CI and pipes. */
function createProgress(total: number, log: PublishLog, quiet: boolean) {
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / Math.max(1, total)) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`);
  };
  return {
    tick(outcome: Outcome) {
      if (outcome.status !== 'orphan' && outcome.status !== 'trashed') done++;
      if (tty && !quiet) draw();
      else if (!quiet && outcome.status !== 'unchanged' && !DETAILED.has(outcome.status)) {
        log.info(`${outcome.status.padEnd(9)} ${outcome.title}${outcome.pageId ? ` (${outcome.pageId})` : ''}`);
      }
    },
    trace(line: string) {
      if (tty && !quiet) process.stderr.write('\r\x1b[K');
      log.info(`  ${line}`);
    },
    done() {
      if (tty && !quiet && done > 0) process.stderr.write('\n');
    },
  };
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('***');
  return out.replace(/\/\/[^/@\s]+@/g, '//***@');
}

/** The name of the first of these that has a value: where a setting came from. */
function firstGiven(candidates: Array<[name: string, value: string | undefined]>): string | undefined {
  return candidates.find(([, value]) => value)?.[0];
}

/**
 * A rejected token or an unknown space, told with where the user gave them: the publisher's hint
 * names the usual places (CONFLUENCE_USER and CONFLUENCE_API_TOKEN, --confluence-space), which
 * sent someone who passed --confluence-token, or set CONFLUENCE_SPACE_KEY, to check the wrong one.
 */
async function retoldForConnection(error: unknown, connection: Connection): Promise<unknown> {
  if (!isDocgenError(error)) return error;
  if (connection.sandbox) {
    // The embedded sandbox has one space: a key meant for the real site (--confluence-space DOCS) is not in it.
    if (
      error.code === 'DG_CONFLUENCE_NOT_FOUND' &&
      connection.spaceKey &&
      isAboutSpace(error.message, connection.spaceKey)
    )
      Object.assign(error, {
        hint: `the embedded sandbox has the space ${SANDBOX.space}: leave out ${connection.from?.space ?? '--confluence-space'} to publish there, or give your site's URL (--confluence-url, CONFLUENCE_URL or confluence.url) to publish to its ${connection.spaceKey}`,
      });
    return error;
  }
  const { from = {}, spaceKey } = connection;
  const status = (error as { status?: number }).status;
  let hint: string | undefined;
  if (error.code === 'DG_CONFLUENCE_AUTH' && status === 401 && from.token && !(await signInRefused(error))) {
    const given = from.user && from.token !== 'CONFLUENCE_ACCESS_TOKEN' ? `${from.user} and ${from.token}` : from.token;
    hint = `check ${given} (Cloud: your Atlassian e-mail and an API token; Data Center: a personal access token); scoped tokens need the api.atlassian.com gateway URL${isThisMachine(connection.url) ? '; a docgen sandbox takes the users and tokens `docgen sandbox start` prints (by default dev@example.com)' : ''}`;
  } else if (error.code === 'DG_CONFLUENCE_NOT_FOUND' && spaceKey && isAboutSpace(error.message, spaceKey)) {
    hint = `check ${from.space ?? '--confluence-space'} (the space key, e.g. DOCS, not its name) and that the account can view the space; \`docgen confluence spaces\` lists the keys it can see`;
  } else if (error.code === 'DG_CONFLUENCE_CONNECT') {
    hint = unreachableHint(error.message, connection);
  } else if (error.code === 'DG_CONFLUENCE_URL' && status === 404 && error.hint) {
    // No REST API at the URL: name where the URL came from.
    const given = `${connection.urlFrom ?? 'the Confluence URL'} (${redact(connection.url, connection.secrets)})`;
    hint = error.hint.replace(/check the Confluence URL/, `check ${given}`);
  }
  if (hint) Object.assign(error, { hint });
  return error;
}

/**
 * A refusal Confluence explained (a CAPTCHA to answer, Basic auth turned off): it keeps its own fix.
 * Asked only of a 401, which the publisher (loaded by then) answered.
 */
async function signInRefused(error: DocgenError): Promise<boolean> {
  const { SignInRefusedError } = await import('@docgen/publisher');
  return error instanceof SignInRefusedError;
}

/**
 * Where the URL nothing answers at came from; a port of this machine that refuses the connection
 * is most likely a `docgen sandbox start` that is not running, or runs on another port.
 */
function unreachableHint(message: string, connection: Connection): string {
  const url = redact(connection.url, connection.secrets);
  const hint = `check ${connection.urlFrom ?? 'the Confluence URL'} (${url}) and that the server is reachable from here`;
  if (!isThisMachine(connection.url) || !message.includes('ECONNREFUSED')) return hint;
  const { host, port, protocol } = new URL(connection.url);
  return `${hint}; nothing answers on ${host}: if it is a docgen sandbox, start it (\`docgen sandbox start --port ${port || (protocol === 'https:' ? 443 : 80)}\`) or give the port it prints`;
}

/** A site on this machine: most likely a `docgen sandbox start` (a real Confluence rarely runs on a laptop). */
function isThisMachine(url: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
}

/** Cloud says `no space with key "DOCS"`, Data Center `space DOCS not found`. */
function isAboutSpace(message: string, key: string): boolean {
  return message.includes(`space with key "${key}"`) || message.includes(`space ${key} not found`);
}

function redactError(error: unknown, secrets: string[]): unknown {
  if (error instanceof Error) {
    error.message = redact(error.message, secrets);
    if (isDocgenError(error) && (error as { hint?: string }).hint) {
      (error as { hint?: string }).hint = redact((error as { hint: string }).hint, secrets);
    }
    if (error.stack) error.stack = redact(error.stack, secrets);
  }
  return error;
}

function relativeToCwd(path: string, cwd?: string): string {
  const base = resolve(cwd ?? process.cwd());
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}
