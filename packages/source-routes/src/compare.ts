/**
 * Routes against the service's OpenAPI spec: what the code serves that the spec does not
 * describe, and what the spec describes that no route serves. Spec paths are relative to the
 * servers' base paths (`https://api.example.com/catalog/v3` → `/catalog/v3`), and parameter names
 * may differ between the two (`{id}` and `:productId` match).
 */
import { escapePointer, type OptionOrigin } from '@docgen/core';
import { extractApi, loadSpec, pathShape, type SpecSet } from '@docgen/source-openapi';
import type { Comparison, Route } from './model.js';

export async function compareWithSpec(routes: Route[], specFile: string, origin?: OptionOrigin): Promise<Comparison> {
  const spec = await loadSpec(specFile, { origin });
  const api = extractApi(spec);
  const basePaths = [...new Set(api.servers.map((server) => basePath(server.url)))];
  if (!basePaths.length) basePaths.push('');
  const operations = api.tags.flatMap((tag) => tag.operations).filter((operation) => !operation.webhook);
  const unique = [
    ...new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, operation])).values(),
  ];
  const served = new Set<string>();
  const undocumented: Route[] = [];
  // What a package serves (`/docs/*`: swagger-ui) is neither described nor missing: its routes are unknown.
  const packageMounts = routes.filter((route) => route.servedBy).map((route) => route.path.replace(/\/\*$/, ''));
  for (const route of comparedRoutes(routes)) {
    const path = pathShape(route.openapiPath);
    const matches = unique.filter(
      (operation) =>
        (route.method === 'ALL' || operation.method.toUpperCase() === route.method) &&
        basePaths.some((base) => pathShape(`${base}${operation.path}`) === path),
    );
    for (const operation of matches) served.add(`${operation.method} ${operation.path}`);
    if (!matches.length) undocumented.push(route);
  }
  return {
    spec: specFile,
    basePaths,
    undocumented,
    unserved: unique
      .filter((operation) => !served.has(`${operation.method} ${operation.path}`))
      .filter(
        (operation) =>
          !packageMounts.some((prefix) =>
            basePaths.some((base) => `${base}${operation.path}/`.startsWith(`${prefix}/`)),
          ),
      )
      .map((operation) => ({
        method: operation.method.toUpperCase(),
        path: operation.path,
        operationId: operation.operationId,
        line: operationLine(spec, operation.path, operation.method),
      })),
    matched: comparedRoutes(routes).length - undocumented.length,
  };
}

/**
 * The routes compared with the spec: not the rows whose routes are not known (what a package
 * serves, `/docs/*`, and what a function written in a mount answers, `app.use('/legacy', (req, res) => …)`).
 */
export function comparedRoutes<T extends Route>(routes: T[]): T[] {
  return routes.filter((route) => !route.servedBy && !route.inlineMount);
}

/**
 * The line of an operation in the spec's own file, for a warning to point at; the line of its path
 * when the path's operations are in a file of their own (`$ref: paths/orders.yaml`).
 */
function operationLine(spec: SpecSet, path: string, method: string): number | undefined {
  return spec.locate({ file: spec.rootFile, pointer: `/paths/${escapePointer(path)}/${method}` }, true).line;
}

/** The path of a server URL, without a trailing slash (`/` and absent → ''). */
function basePath(url: string): string {
  try {
    return new URL(url, 'http://server.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
