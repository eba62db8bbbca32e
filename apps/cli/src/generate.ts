import { readFileSync } from 'node:fs';
import { basename, posix, resolve } from 'node:path';
// Type-only imports: the packages themselves load inside generate(), so `docgen --help` stays fast.
import type { Diagnostic, LoadedConfig, Manifest, PageTree, SourceConfig } from '@docgen/core';

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
  /** Sources given on the command line; they replace the config's sources. */
  sources?: SourceConfig[];
  /** Which configured sources to run (e.g. only `openapi` for `docgen api`). */
  include?: (source: SourceConfig, index: number) => boolean;
  /** What to say when nothing is selected (the command knows the flag to suggest). */
  noSourcesHint?: string;
  /** Fill `storage` with Confluence storage XHTML when the converter is installed (default true). */
  storage?: boolean;
  /** Progress lines for people. */
  log?: (line: string) => void;
}

export interface GenerateResult {
  outDir: string;
  config: LoadedConfig;
  tree: PageTree;
  manifest: Manifest;
  /** Storage XHTML was written beside each page. */
  storage: boolean;
  warnings: Diagnostic[];
  durationMs: number;
}

/** Recorded in manifest.json: which docgen wrote the folder. */
export const GENERATOR = { name: 'docgen', version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version };

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const core = await import('@docgen/core');
  let config = await core.loadConfig({ cwd, explicit: options.config });
  if (options.sources) {
    // Sources from flags replace the configured ones; templates, out and confluence still apply.
    config = core.configFromObject({ ...config.config, sources: options.sources }, { file: config.file, dir: config.dir, locate: config.locate });
  }
  const selected = config.config.sources.filter((source, index) => !options.include || options.include(source, index));
  if (!selected.length) {
    throw new core.DocgenError({
      code: 'DG_NO_SOURCES',
      message: config.file ? `${basename(config.file)} has no source for this command` : 'no docgen config found and no input given',
      location: config.file ? { file: config.file } : undefined,
      hint: options.noSourcesHint ?? 'add a source to the config file',
    });
  }
  const warnings: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic) => warnings.push(diagnostic);
  const tree = await core.generatePageTree(config, { include: options.include, report });
  options.log?.(`rendered ${tree.pages.length} pages from ${selected.length} source${selected.length === 1 ? '' : 's'}`);
  const storage = options.storage !== false && (await convertToStorage(tree, warnings));
  const outDir = options.out ? resolve(cwd, options.out) : resolve(config.dir, config.config.out);
  const manifest = await core.writeRenderedTree(outDir, tree, GENERATOR);
  return { outDir, config, tree, manifest, storage, warnings, durationMs: Math.round(performance.now() - started) };
}

const ANCHOR_LINE = /^::anchor\[([^\]\n]+)\]$/gm;
const SECTION_THRESHOLD = 32 * 1024;

/**
 * Large generated pages (an API tag with a hundred operations) are converted section by section,
 * split before each top-level `::anchor[…]` line outside code: the storage XHTML is the same
 * (sections are independent blocks), while the parser's working set stays small; converting a
 * 500 kB page in one piece costs several times the memory and time. Pages with footnotes or
 * reference-style link definitions are kept whole, since those reach across sections.
 */
export function splitSections(markdown: string): string[] {
  if (markdown.length < SECTION_THRESHOLD || /^\[\^[^\]]+\]:|^ {0,3}\[[^\]]+\]:\s/m.test(markdown)) return [markdown];
  const sections: string[] = [];
  let start = 0;
  let fence: string | undefined;
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const marker = line.match(/^ {0,3}(`{3,}|~{3,})/)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else if (line.startsWith('::anchor[') && offset > start) {
      sections.push(markdown.slice(start, offset));
      start = offset;
    }
    offset += line.length + 1;
  }
  sections.push(markdown.slice(start));
  return sections;
}

interface Converter {
  toStorage(markdown: string, options: ConverterOptions): string | { storage: string; warnings?: string[] };
  convertMarkdown?(markdown: string, options: ConverterOptions): { storage: string; warnings?: string[] };
}

interface ConverterOptions {
  resolvePageTitle?(href: string): string | undefined;
  resolveAttachment?(src: string): string | undefined;
}

/**
 * Fill `page.storage` with the converter, if it is installed. Relative `.md` links between pages
 * of the tree become links to the target page's title; images that are attachments of the page
 * become attachment references.
 */
async function convertToStorage(tree: PageTree, warnings: Diagnostic[]): Promise<boolean> {
  let converter: Converter;
  try {
    converter = (await import('@docgen/markdown-storage')) as unknown as Converter;
  } catch {
    return false;
  }
  if (typeof converter.toStorage !== 'function' && typeof converter.convertMarkdown !== 'function') return false;
  const { pageFileStem } = await import('@docgen/core');
  const titleByFile = new Map(tree.pages.map((page) => [`${pageFileStem(page.key)}.md`, page.title]));
  for (const page of tree.pages) {
    const attachments = new Set(page.attachments.map((a) => a.fileName));
    const options: ConverterOptions = {
      resolvePageTitle: (href) => titleByFile.get(posix.normalize(decodeURI(href)).replace(/^(\.\/)+/, '')),
      resolveAttachment: (src) => {
        const name = decodeURI(src).replace(/^\.\//, '');
        return attachments.has(name) ? name : undefined;
      },
    };
    const sections = splitSections(page.markdown);
    const declared = new Set(sections.flatMap((section) => [...section.matchAll(ANCHOR_LINE)].map((m) => m[1]!)));
    const storage: string[] = [];
    for (const section of sections) {
      const result = converter.convertMarkdown ? converter.convertMarkdown(section, options) : converter.toStorage(section, options);
      storage.push(typeof result === 'string' ? result : result.storage);
      for (const warning of typeof result === 'string' ? [] : (result.warnings ?? [])) {
        // A link to an anchor declared in another section of the same page is fine.
        const anchor = warning.match(/link to #(\S+?):/)?.[1];
        if (sections.length > 1 && anchor && declared.has(anchor)) continue;
        warnings.push({ code: 'DG_CONVERT', severity: 'warning', message: `${page.key}: ${warning}` });
      }
    }
    page.storage = storage.map((part) => part.replace(/\n+$/, '')).join('\n');
  }
  return true;
}
