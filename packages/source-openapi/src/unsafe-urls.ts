/**
 * A `javascript:`, `data:`, `vbscript:` or `file:` URL where a page links (terms of service,
 * contact, license, external docs, servers), found in every file of the spec. Apart because it reads
 * the spec's documents as plain data, key by key, not the walk's model.
 */
import { isUnsafeUrl } from '@docgen/core';
import { child } from './schemas.js';
import type { WalkContext } from './walk.js';
import { DATA_KEYS } from './dialect.js';

/** Each bare-name `$ref` (`$ref: Product`) read as the definition it meant: at its line, once. */
/**
 * Where a spec gives a URL the page shows as a link: its terms of service, its contact's and
 * license's URLs, every external docs' (the spec's, a tag's, an operation's, a schema's), every
 * server's. Matched on the keys that lead to the value, the last one first.
 */
const LINKED_URLS: Array<Array<string | RegExp>> = [
  ['info', 'termsOfService'],
  ['info', /^(?:contact|license)$/, 'url'],
  ['externalDocs', 'url'],
  ['servers', /^\d+$/, 'url'],
];
/** The keys a linked URL is the value of (`url`, `termsOfService`): every other string is passed by at once. */
const LINKED_URL_KEYS = new Set(LINKED_URLS.map((path) => path[path.length - 1]));

/**
 * A `javascript:`, `data:`, `vbscript:` or `file:` URL where the page links (a contact, a license,
 * external docs, a server) is shown as text, never a link, as Confluence would drop its URL: said
 * at its line, in whichever file of the spec writes it, so the author can give the page it means.
 */
export function warnUnsafeUrls(context: WalkContext): void {
  for (const [file, document] of context.spec.documents) {
    eachString(document.value, [], (keys, value) => {
      if (!LINKED_URL_KEYS.has(keys[keys.length - 1]!) || !isUnsafeUrl(value)) return;
      if (!LINKED_URLS.some((path) => endsWith(keys, path))) return;
      const at = child({ file, pointer: '' }, ...keys);
      context.report({
        code: 'DG_OPENAPI_UNSAFE_URL',
        severity: 'warning',
        message: `${keys.join('.')} is ${value.slice(0, 60)}, a URL that runs a script or carries its own content: shown as text, not a link`,
        location: context.spec.locate(at),
        hint: 'give the http(s) page it stands for',
      });
    });
  }
}

/**
 * Calls `visit` with the keys to each string under `value` (arrays' indexes as strings), examples
 * and extensions left out. `keys` is one array pushed and popped along the walk, valid only during
 * the call: a copy per node was a 2 MB spec's ~200,000 arrays for the few strings that matter.
 */
function eachString(value: unknown, keys: string[], visit: (keys: string[], value: string) => void): void {
  if (typeof value === 'string') visit(keys, value);
  if (!value || typeof value !== 'object') return;
  const members = value as Record<string, unknown>;
  for (const key of Object.keys(members)) {
    if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
    keys.push(key);
    eachString(members[key], keys, visit);
    keys.pop();
  }
}

/** Whether the last keys of `keys` are `path`'s. */
function endsWith(keys: string[], path: Array<string | RegExp>): boolean {
  if (keys.length < path.length) return false;
  const tail = keys.slice(-path.length);
  return path.every((key, index) => (typeof key === 'string' ? key === tail[index] : key.test(tail[index]!)));
}
