import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * What `docgen api` must write for a spec, counted from the spec itself, independently of docgen's
 * extractor, and looked up in the Markdown it wrote: every operation exactly once, every referenced
 * schema. Shared by the CLI's tests and the sweep over a folder of real specs
 * (tools/bench/openapi/sweep.mjs).
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking arbitrary spec JSON
type Json = Record<string, any>;

export function readSpec(file: string): Json {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

/** Follow a path-item `$ref` (possibly to another file) the simple way. */
function pathItem(file: string, item: Json): Json {
  if (typeof item?.$ref !== 'string') return item;
  const [path, fragment = ''] = item.$ref.split('#');
  const target = path ? resolve(dirname(file), path) : file;
  let value: Json = readSpec(target);
  for (const segment of fragment.split('/').filter(Boolean))
    value = value[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')];
  return value;
}

/** `METHOD /path` of every operation, straight from the spec (`paths`, and Azure's `x-ms-paths`). */
export function specOperations(file: string): string[] {
  const spec = readSpec(file);
  const out: string[] = [];
  for (const key of ['paths', 'x-ms-paths'])
    for (const [path, raw] of Object.entries<Json>(spec[key] ?? {})) {
      const item = pathItem(file, raw);
      for (const method of METHODS) if (item?.[method]) out.push(`${method.toUpperCase()} ${path}`);
    }
  return out;
}

/** `METHOD name` of every webhook (OpenAPI 3.1): Adyen names theirs `/ACCOUNT_CLOSED`, like a path. */
export function specWebhooks(file: string): string[] {
  const spec = readSpec(file);
  return Object.entries<Json>(spec.webhooks ?? {}).flatMap(([name, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${name}`),
  );
}

/** Names of the component schemas the spec references with `$ref`. */
export function referencedSchemas(file: string): Set<string> {
  const names = new Set<string>();
  JSON.stringify(readSpec(file), (key, value) => {
    if (key === '$ref' && typeof value === 'string') {
      const match = value.match(/^#\/(?:components\/schemas|definitions)\/([^/]+)$/);
      if (match) names.add(decodeURIComponent(match[1]!).replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    return value;
  });
  return names;
}

const unescape = (text: string) => text.replace(/\\([\\`*_[\]<>|#])/g, '$1');

/** The text of every heading of `level` (`##`) in the Markdown pages of folder `out`. */
export function headings(out: string, level: string): string[] {
  const result: string[] = [];
  for (const file of readdirSync(out).filter((f) => f.endsWith('.md'))) {
    for (const line of readFileSync(join(out, file), 'utf8').split('\n')) {
      if (line.startsWith(`${level} `)) result.push(unescape(line.slice(level.length + 1)));
    }
  }
  return result;
}

/** The operation headings (`## GET /pets`) of the pages in `out`. */
export function operationHeadings(out: string): string[] {
  return headings(out, '##').filter((h) => /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) \//.test(h));
}
