import { relative, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { formatDiagnostic, type Diagnostic, type FlagSource, type SourceConfig } from '@docgen/core';
import { DocgenCommand, withWarningsBefore } from './docgen-command.js';
import { pathFlag } from './paths.js';
import { expectLinkBase, linkBaseFlag } from './link-base.js';
import type { GenerateResult, Retell } from './generate.js';
import { publishFlags, type PublishFlagValues, type PublishReport } from './publish-flags.js';
import { warningJson, type WarningJson } from './warning-json.js';
import { warningBlocks } from './warning-groups.js';

/**
 * The publish flags matter to a generator command only with --publish: in its --help they are a
 * group of their own after the command's flags (alphabetically among them, the fourteen buried
 * --openapi and --out).
 */
const publishGroup = Object.fromEntries(
  Object.entries(publishFlags).map(([name, flag]) => [name, { ...flag, helpGroup: 'PUBLISH' }]),
) as typeof publishFlags;

/** Flags every generator command (`api`, `adr`, `generate`, …) shares, `--publish` included. */
export const generatorFlags = {
  out: pathFlag({
    summary:
      'Output folder, replaced on each run: a new one, or one docgen wrote (default: `out` from the config, else docs-out)',
    helpValue: '<dir>',
  }),
  config: pathFlag({
    summary: 'docgen config file (default: the nearest docgen.config.* or package.json#docgen)',
    helpValue: '<file>',
  }),
  storage: Flags.boolean({
    summary: 'Write Confluence storage XHTML beside each page (--no-storage: Markdown only)',
    default: true,
    allowNo: true,
  }),
  cache: Flags.boolean({
    summary: 'Reuse the storage XHTML of unchanged pages from the cache (--no-cache: convert every page)',
    default: true,
    allowNo: true,
  }),
  'cache-dir': pathFlag({
    summary: 'Storage cache folder (default: .docgen/cache/storage beside the config, else in the current folder)',
    helpValue: '<dir>',
  }),
  publish: Flags.boolean({
    summary: 'Publish the rendered folder afterwards (to the embedded sandbox when no Confluence URL is configured)',
    default: false,
  }),
  strict: Flags.boolean({
    summary: 'Exit 1 when the run warns (a route the spec does not describe, a broken link…); nothing is published',
    default: false,
  }),
  'link-base': linkBaseFlag,
  ...publishGroup,
};

type GeneratorFlagValues = PublishFlagValues & {
  out?: string;
  config?: string;
  storage: boolean;
  cache: boolean;
  'cache-dir'?: string;
  publish: boolean;
  strict: boolean;
  'link-base'?: string;
};

/**
 * A filter over the config's sources: those naming one of these built-in plugins, by short name
 * (`prisma`) or package (`@docgen/source-prisma`).
 */
export function usesPlugin(...names: string[]): (source: SourceConfig) => boolean {
  const accepted = new Set(names.flatMap((name) => [name, `@docgen/source-${name}`]));
  return (source) => accepted.has(source.plugin);
}

/**
 * The sources of a command whose input flag stands for one option of its plugin (`--prisma` for
 * `schema`): given, the one source it names (its diagnostics name the flag); else the config's
 * sources of that plugin.
 */
export function sourcesOfInputFlag(
  plugin: string,
  value: string | undefined,
  { option, flag }: { option: string; flag: string },
): Pick<SourceSelection, 'sources' | 'include'> {
  if (!value) return { sources: undefined, include: usesPlugin(plugin) };
  return {
    sources: [{ plugin, options: { [option]: resolve(value) }, flags: { [option]: flag } }],
    include: undefined,
  };
}

/** Which sources a command renders: its own from flags, or a filter over the config's. */
export interface SourceSelection {
  /** Sources from the command's flags, each naming the flag of each option (for its diagnostics). */
  sources?: FlagSource[];
  include?: (source: SourceConfig, index: number) => boolean;
  noSourcesHint: string;
  retell?: Retell;
}

/** What every generator command answers with `--json`. */
export interface GenerateSummary {
  ok: true;
  out: string;
  config?: string;
  pages: Array<{
    key: string;
    title: string;
    parentKey?: string;
    markdownFile: string;
    storageFile?: string;
    attachments: string[];
  }>;
  pageCount: number;
  storage: boolean;
  cache?: GenerateResult['cache'];
  warnings: WarningJson[];
  durationMs: number;
  /** With --publish: what the sync did. */
  publish?: PublishReport;
}

/**
 * Base of the generator commands: render the selected sources into the output folder, report,
 * and with `--publish` sync the folder — the same way for every plugin. A command only says
 * which sources it renders (`select`) and, optionally, one line about what it wrote (`describe`).
 */
export abstract class GeneratorCommand extends DocgenCommand {
  protected async generateAndPublish(flags: GeneratorFlagValues, selection: SourceSelection): Promise<GenerateSummary> {
    const { generate } = await import('./generate.js');
    const json = this.jsonEnabled();
    const result = await generate({
      config: flags.config,
      out: flags.out,
      sources: selection.sources,
      include: selection.include,
      linkBase: flags['link-base'] === undefined ? undefined : await expectLinkBase(flags['link-base']),
      noSourcesHint: selection.noSourcesHint,
      retell: selection.retell,
      storage: flags.storage,
      cache: flags.cache ? flags['cache-dir'] : false,
      log: json ? undefined : (line) => this.log(line),
    });
    const idle = flags.publish ? undefined : this.publishFlagsWithoutPublish(result.outDir);
    if (idle) result.warnings.push(idle);
    result.warnings.push(...flagsTurnedOff(flags));
    if (!json) this.report(result, flags.verbose ?? false);
    if (flags.strict && result.warnings.length) {
      const { DocgenError } = await import('@docgen/core');
      const [first] = result.warnings;
      // On stderr the warnings came above; with --json they go beside the error: what to fix.
      throw withWarningsBefore(
        new DocgenError({
          code: 'DG_STRICT',
          message: `${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} with --strict (the first: ${first!.message}); the pages are in ${result.outDir}${flags.publish ? ', not published' : ''}`,
          location: first!.location,
          hint: 'fix what the warnings say, or run without --strict',
        }),
        json ? result.warnings : [],
      );
    }
    const summary = summarize(result);
    if (!flags.publish) return summary;
    const { publishGenerated } = await import('./publish-generated.js');
    return { ...summary, publish: await publishGenerated(result, { ...flags, json }, (line) => this.log(line)) };
  }

  /**
   * Publish flags given without --publish do nothing: `docgen api … --dry-run` rendered, showed no
   * plan and said nothing, as if there were nothing to publish. A warning (not an error: a CI
   * script may pass them always and add --publish on one branch), naming the flags, never their
   * values (a token).
   */
  private publishFlagsWithoutPublish(outDir: string): Diagnostic | undefined {
    // --verbose also asks for the stack of an unexpected error: not idle without --publish.
    const given = Object.keys(publishFlags).filter(
      (name) =>
        name !== 'verbose' &&
        this.argv.some((arg) => arg === `--${name}` || arg === `--no-${name}` || arg.startsWith(`--${name}=`)),
    );
    if (!given.length) return undefined;
    const names = given.map((name) => `--${name}`).join(', ');
    return {
      code: 'DG_PUBLISH_FLAGS_UNUSED',
      severity: 'warning',
      message: `${names} ${given.length === 1 ? 'does' : 'do'} nothing without --publish: the pages were rendered, not published`,
      hint: `add --publish to sync them after rendering, or run \`${this.config.bin} publish ${relative(process.cwd(), outDir) || '.'}\` with ${given.length === 1 ? 'it' : 'them'}`,
    };
  }

  /** A few words on what was written, e.g. "4 decisions"; the default says which formats. */
  protected describe(result: GenerateResult): string {
    return result.storage ? 'Markdown and storage XHTML' : 'Markdown';
  }

  private report(result: GenerateResult, verbose: boolean): void {
    // Printed as errors are, whole lines: oclif's warn() wraps at 80 columns mid-word, which breaks a
    // file:line that CI logs and editors link to. A problem repeated at many places prints once.
    // --verbose prints each warning in full, with the lines of the source it points at.
    const blocks = warningBlocks(result.warnings, {
      verbose,
      limit: 20,
      format: verbose ? formatDiagnostic : warningLines,
    });
    for (const block of blocks) this.logToStderr(block);
    const cache = result.cache ? `, ${result.cache.hits} from cache` : '';
    // Every warning counted, the repeats printed once included.
    const count = result.warnings.length;
    const warned = count ? `, ${count} warning${count === 1 ? '' : 's'}` : '';
    this.log(
      `wrote ${result.tree.pages.length} page${result.tree.pages.length === 1 ? '' : 's'} (${this.describe(result)}${cache}) to ${result.outDir} in ${result.durationMs} ms${warned}`,
    );
  }
}

/**
 * Flags that another flag given with them turns off: `--cache-dir` with `--no-cache` or
 * `--no-storage` (nothing is cached). Ignored without a word, a CI job's cache was silently not
 * what it set. (`--link-base` with `--no-storage` is kept in manifest.json for the publish's conversion.)
 */
function flagsTurnedOff(flags: GeneratorFlagValues): Diagnostic[] {
  const unused = (flag: string, message: string, hint: string): Diagnostic => ({
    code: 'DG_FLAG_UNUSED',
    severity: 'warning',
    message: `${flag} does nothing with ${message}`,
    hint: `${hint}, or leave out ${flag}`,
  });
  const cacheDir = flags['cache-dir'];
  const warnings: Diagnostic[] = [];
  if (cacheDir !== undefined && !flags.storage)
    warnings.push(
      unused(
        '--cache-dir',
        '--no-storage: no storage XHTML was converted, so none was cached',
        'leave out --no-storage to write storage XHTML beside the Markdown',
      ),
    );
  else if (cacheDir !== undefined && !flags.cache)
    warnings.push(
      unused(
        '--cache-dir',
        '--no-cache: every page was converted, none read from or written to a cache',
        `leave out --no-cache to keep the storage XHTML of unchanged pages in ${cacheDir}`,
      ),
    );
  return warnings;
}

/** A warning as `formatDiagnostic` prints an error (code, file:line, message, hint), without its code frame: a summary. */
function warningLines(warning: Diagnostic): string {
  return formatDiagnostic({ ...warning, excerpt: undefined });
}

function summarize(result: GenerateResult): GenerateSummary {
  return {
    ok: true,
    out: result.outDir,
    config: result.config.file,
    pages: result.manifest.pages.map((page) => ({
      key: page.key,
      title: page.title,
      parentKey: page.parentKey,
      markdownFile: page.markdownFile,
      storageFile: page.storageFile,
      attachments: page.attachments.map((a) => a.fileName),
    })),
    pageCount: result.manifest.pages.length,
    storage: result.storage,
    cache: result.cache,
    warnings: result.warnings.map(warningJson),
    durationMs: result.durationMs,
  };
}
