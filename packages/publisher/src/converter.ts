/**
 * The bridge to @docgen/markdown-storage: `toStorage` for pages rendered without a
 * `.storage.xhtml`, and `normalizeStorage` for hashes and diffs. Loaded lazily so the CLI
 * starts fast; a caller may also inject its own pair (tests, other converters).
 */
export interface Converter {
  toStorage(markdown: string): string;
  /** A stable text form of a storage body: equal for bodies Confluence would render the same. */
  normalizeStorage(storage: string): string;
}

let loaded: Promise<Converter> | undefined;

export function loadConverter(): Promise<Converter> {
  loaded ??= (async () => {
    const mod = (await import('@docgen/markdown-storage')) as unknown as Partial<Converter>;
    return {
      toStorage: typeof mod.toStorage === 'function' ? mod.toStorage.bind(mod) : fallbackToStorage,
      normalizeStorage: typeof mod.normalizeStorage === 'function' ? mod.normalizeStorage.bind(mod) : fallbackNormalize,
    };
  })();
  return loaded;
}

/**
 * Used only when the converter package offers no normalizer: whitespace between tags and runs
 * of whitespace do not change what Confluence shows, and it rewrites both freely.
 */
export function fallbackNormalize(storage: string): string {
  return storage
    .replace(/\r\n?/g, '\n')
    .replace(/>\s+</g, '>\n<')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** Without the converter the Markdown is published as preformatted text, never as markup. */
function fallbackToStorage(markdown: string): string {
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<pre>${escaped}</pre>`;
}
