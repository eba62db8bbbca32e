import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { DocgenCommand } from '../docgen-command.js';
import type { GenerateResult } from '../generate.js';
import { publishFlags, type PublishReport } from '../publish-flags.js';

export interface AdrSummary {
  ok: true;
  out: string;
  config?: string;
  pages: Array<{ key: string; title: string; parentKey?: string; markdownFile: string; storageFile?: string }>;
  pageCount: number;
  storage: boolean;
  cache?: { dir: string; hits: number; misses: number };
  warnings: Array<{ code: string; message: string; file?: string; line?: number }>;
  durationMs: number;
  /** With --publish: what the sync did. */
  publish?: PublishReport;
}

export default class Adr extends DocgenCommand {
  static override summary = 'Render architecture decision records into an ADR log with one page per decision';
  static override description = `Reads a folder of ADR Markdown files (adr-tools/Nygard or MADR), and writes to the output folder an "Architecture decision records" page (number, title, status, date, superseded-by) with one child page per decision: manifest.json, one .md per page and, with the converter installed, one .storage.xhtml per page. Links between ADR files become links between the pages.

Without --dir, renders every \`adr\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> adr --dir docs/adr --out docs-out',
    '<%= config.bin %> adr --config docs/docgen.config.yaml --publish',
    '<%= config.bin %> adr --dir doc/adr --json',
  ];

  static override flags = {
    dir: Flags.string({ summary: 'Folder of ADR Markdown files (replaces the config sources)', helpValue: '<folder>' }),
    out: Flags.string({ summary: 'Output folder (default: `out` from the config, else docs-out)', helpValue: '<dir>' }),
    config: Flags.string({
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
    'cache-dir': Flags.string({
      summary: 'Storage cache folder (default: .docgen/cache/storage beside the config, else in the current folder)',
      helpValue: '<dir>',
    }),
    publish: Flags.boolean({
      summary: 'Publish the rendered folder afterwards (to the embedded sandbox when no Confluence URL is configured)',
      default: false,
    }),
    ...publishFlags,
  };

  async run(): Promise<AdrSummary> {
    const { flags } = await this.parse(Adr);
    const { generate } = await import('../generate.js');
    const json = this.jsonEnabled();
    const result = await generate({
      config: flags.config,
      out: flags.out,
      sources: flags.dir ? [{ plugin: 'adr', options: { dir: resolve(flags.dir) } }] : undefined,
      include: flags.dir ? undefined : (source) => source.plugin === 'adr' || source.plugin === '@docgen/source-adr',
      noSourcesHint:
        'pass --dir <folder>, or add `sources: [{ plugin: adr, options: { dir: docs/adr } }]` to the config',
      storage: flags.storage,
      cache: flags.cache ? flags['cache-dir'] : false,
      log: json ? undefined : (line) => this.log(line),
    });
    if (!json) this.report(result);
    const summary = summarize(result);
    if (!flags.publish) return summary;
    const { publishGenerated } = await import('../publish-generated.js');
    return { ...summary, publish: await publishGenerated(result, { ...flags, json }, (line) => this.log(line)) };
  }

  private report(result: GenerateResult): void {
    for (const warning of result.warnings.slice(0, 20)) {
      const where = warning.location?.file
        ? `${warning.location.file}${warning.location.line ? `:${warning.location.line}` : ''}: `
        : '';
      this.warn(`${where}${warning.message}${warning.hint ? ` (${warning.hint})` : ''}`);
    }
    if (result.warnings.length > 20) this.warn(`… and ${result.warnings.length - 20} more warnings`);
    const decisions = result.tree.pages.filter(
      (page) => page.parentKey !== undefined && page.source?.plugin === 'adr',
    ).length;
    this.log(
      `wrote ${result.tree.pages.length} pages (${decisions} decisions) to ${result.outDir} in ${result.durationMs} ms`,
    );
  }
}

function summarize(result: GenerateResult): AdrSummary {
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
    })),
    pageCount: result.manifest.pages.length,
    storage: result.storage,
    cache: result.cache,
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      file: w.location?.file,
      line: w.location?.line,
    })),
    durationMs: result.durationMs,
  };
}
