import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { DocgenCommand } from '../docgen-command.js';
import type { GenerateResult } from '../generate.js';
import { publishFlags, type PublishReport } from '../publish-flags.js';

export interface ApiSummary {
  ok: true;
  out: string;
  config?: string;
  pages: Array<{ key: string; title: string; parentKey?: string; markdownFile: string; storageFile?: string; attachments: string[] }>;
  pageCount: number;
  storage: boolean;
  /** Storage pages taken from the cache (hits) or converted (misses); absent with --no-cache. */
  cache?: { dir: string; hits: number; misses: number };
  warnings: Array<{ code: string; message: string }>;
  durationMs: number;
  /** With --publish: what the sync did. */
  publish?: PublishReport;
}

export default class Api extends DocgenCommand {
  static override summary = 'Render an API reference (OpenAPI 3.0/3.1, Swagger 2.0) into a page tree';
  static override description = `Reads the spec (YAML or JSON, with $refs across local files), and writes to the output folder an overview page with one child page per tag, a webhooks page and a schemas page: manifest.json, one .md per page and, with the converter installed, one .storage.xhtml per page.

Without --openapi, renders every \`openapi\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> api --openapi openapi.yaml --out docs-out',
    '<%= config.bin %> api --config examples/acme-shop/docgen.config.yaml',
    '<%= config.bin %> api --openapi specs/petstore.json --json',
    '<%= config.bin %> api --openapi openapi.yaml --publish --confluence-space DOCS',
  ];

  static override flags = {
    openapi: Flags.string({ summary: 'OpenAPI or Swagger file to render (replaces the config sources)', helpValue: '<file>' }),
    out: Flags.string({ summary: 'Output folder (default: `out` from the config, else docs-out)', helpValue: '<dir>' }),
    config: Flags.string({ summary: 'docgen config file (default: the nearest docgen.config.* or package.json#docgen)', helpValue: '<file>' }),
    storage: Flags.boolean({ summary: 'Write Confluence storage XHTML beside each page (--no-storage: Markdown only)', default: true, allowNo: true }),
    cache: Flags.boolean({ summary: 'Reuse the storage XHTML of unchanged pages from the cache (--no-cache: convert every page)', default: true, allowNo: true }),
    'cache-dir': Flags.string({ summary: 'Storage cache folder (default: .docgen/cache/storage beside the config, else in the current folder)', helpValue: '<dir>' }),
    publish: Flags.boolean({ summary: 'Publish the rendered folder afterwards (to the embedded sandbox when no Confluence URL is configured)', default: false }),
    ...publishFlags,
  };

  async run(): Promise<ApiSummary> {
    const { flags } = await this.parse(Api);
    const { generate } = await import('../generate.js');
    const json = this.jsonEnabled();
    const result = await generate({
      config: flags.config,
      out: flags.out,
      sources: flags.openapi ? [{ plugin: 'openapi', options: { spec: resolve(flags.openapi) } }] : undefined,
      include: flags.openapi ? undefined : (source) => source.plugin === 'openapi' || source.plugin === '@docgen/source-openapi',
      noSourcesHint: 'pass --openapi <file>, or add `sources: [{ plugin: openapi, options: { spec: openapi.yaml } }]` to the config',
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
    for (const warning of result.warnings.slice(0, 20)) this.warn(warning.message);
    if (result.warnings.length > 20) this.warn(`… and ${result.warnings.length - 20} more warnings`);
    const files = result.storage ? 'Markdown and storage XHTML' : 'Markdown';
    this.log(`wrote ${result.tree.pages.length} pages (${files}) to ${result.outDir} in ${result.durationMs} ms`);
  }
}

function summarize(result: GenerateResult): ApiSummary {
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
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
    durationMs: result.durationMs,
  };
}
