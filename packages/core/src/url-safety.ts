/**
 * Whether a URL is safe to write into a page as a link. Its own subpath export
 * (`@docgen/core/url-safety`) with no imports, so markdown-storage's conversion workers load this
 * and nothing else of core.
 */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Schemes that run code (`javascript:`, `vbscript:`) or smuggle content (`data:`, `file:`): a link
 * with one is never written; Confluence would drop its URL anyway and keep the text.
 */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);

/**
 * The URL's scheme, lower case, as a browser reads it: browsers ignore whitespace and control
 * characters inside a scheme (`java\tscript:`, ` javascript:`), so they are taken out first.
 */
function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  return SCHEME.exec(url.replace(/[\s\u0000-\u001F]/g, ''))?.[1]?.toLowerCase();
}

/** A URL whose scheme runs code or smuggles content: show it as text, never as a link. */
export function isUnsafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && UNSAFE_SCHEMES.has(scheme);
}
