import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSource, type Diagnostic, type OptionOrigin } from '@docgen/core';
import { compareWithSpec } from './compare.js';
import { readRoutes } from './extract.js';
import { serviceName } from './names.js';
import type { RoutesModel } from './model.js';
import { renderRoutes } from './render.js';

export interface RoutesOptions {
  /** The file that creates the Express, Fastify, Koa or Hono app (or exports a router), or calls `NestFactory.create`, relative to the config file. */
  entry: string;
  /** The service's OpenAPI spec, to report routes it does not describe and operations nothing serves. */
  openapi?: string;
  /** Default "<parent page's title>: HTTP routes" under a page, else "<Service>: HTTP routes". */
  title?: string;
  /** Page key; default `<parent>/routes`, else `routes/<service>`. */
  key?: string;
  /**
   * Deprecated: the source's own `parent` (beside `plugin:`) does the same, for any plugin. Still
   * read, with a warning: the page and its key are the same either way.
   */
  parent?: string;
  labels?: string[];
}

export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['entry'],
  properties: {
    entry: {
      type: 'string',
      minLength: 1,
      description:
        'The file that creates the Express, Fastify, Koa or Hono app (or exports a router), e.g. src/server.ts, or a NestJS app’s main.ts',
    },
    openapi: { type: 'string', minLength: 1, description: 'The OpenAPI spec of the same service, to compare with' },
    title: {
      type: 'string',
      minLength: 1,
      description:
        'Page title (default "<parent page’s title>: HTTP routes" under a page, else "<Service>: HTTP routes")',
    },
    key: {
      type: 'string',
      pattern: '^[a-z0-9._/-]+$',
      description: 'Stable page key (default <parent>/routes or routes/<service>)',
    },
    parent: {
      type: 'string',
      pattern: '^[a-z0-9._/-]+$',
      description:
        "Deprecated: write `parent` beside `plugin: routes` instead (same page, same key). Key of the page to nest under, e.g. an openapi source's overview, api/<its key>",
    },
    labels: { type: 'array', items: { type: 'string', pattern: '^[^\\s]+$' } },
  },
} as const;

/** The routes source plugin: an Express, NestJS, Fastify, Koa or Hono app's code → its route table, checked against its spec. */
export const source = defineSource<RoutesOptions, RoutesModel>({
  name: 'routes',
  description:
    'The HTTP routes an Express, NestJS, Fastify, Koa or Hono app serves, read from its TypeScript, and where they disagree with its OpenAPI spec',
  optionsSchema: optionsSchema as unknown as Record<string, unknown>,
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  async extract({ options, cwd, origin, report, parent }) {
    if (options.parent !== undefined) report(deprecatedParent(options.parent, parent, origin('parent')));
    const entry = resolve(cwd, options.entry);
    const { framework, routes, warnings } = await readRoutes(entry, { origin: origin('entry') });
    for (const warning of warnings) report(warning);
    const model: RoutesModel = { service: serviceName(entry), entry, framework, routes };
    if (options.openapi) {
      model.comparison = await compareWithSpec(routes, resolve(cwd, options.openapi), origin('openapi'));
      const spec = specName(options.openapi);
      for (const route of model.comparison.undocumented)
        report({
          code: 'DG_ROUTE_UNDOCUMENTED',
          severity: 'warning',
          message: `${route.method} ${route.path} is served but ${spec} does not describe it`,
          location: { file: route.file, line: route.line },
          hint: 'add the operation to the spec, or remove the route',
        });
      for (const operation of model.comparison.unserved)
        report({
          code: 'DG_ROUTE_UNSERVED',
          severity: 'warning',
          message: `${operation.method} ${operation.path}${operation.operationId ? ` (${operation.operationId})` : ''} is in ${spec} but no route serves it`,
          location: { file: model.comparison.spec, line: operation.line },
          hint: 'implement it, or mark it in the spec as not yet served',
        });
    }
    return model;
  },
  render(model, { options, templates, cwd, parent }) {
    // The source's `parent` wins over the deprecated option (deprecatedParent says so when they differ).
    return renderRoutes(model, templates, { ...options, parent: parent ?? options.parent, cwd });
  },
});

/**
 * The spec as the warnings name it: as the config writes it, or, given by a flag (which arrives as
 * an absolute path), from the current folder, as it was typed, not a CI runner's whole path.
 */
function specName(openapi: string): string {
  return isAbsolute(openapi) ? relative(process.cwd(), openapi) || openapi : openapi;
}

/**
 * `options.parent`, from before every source had a `parent` of its own: the same setting one
 * level up. Moving it keeps the page where it is and its key (`<parent>/routes`).
 */
function deprecatedParent(option: string, sourceParent: string | undefined, at: OptionOrigin): Diagnostic {
  const differs = sourceParent !== undefined && sourceParent !== option;
  return {
    code: 'DG_ROUTES_PARENT_OPTION',
    severity: 'warning',
    message: differs
      ? `${at.name}: "${option}" is ignored: the source's own parent "${sourceParent}" is used`
      : `${at.name} is deprecated: write parent beside plugin: routes instead`,
    location: at.location,
    hint: differs
      ? 'remove options.parent: the source-level parent places the page and makes its key'
      : `move "parent: ${option}" up one level, next to "plugin: routes": the page stays under ${option} with the same key`,
  };
}

export default source;
export { extractRouteList, readRoutes, type ExtractRoutesOptions } from './extract.js';
export { serviceName } from './names.js';
export { joinPaths, toOpenApiPath } from './syntax.js';
export { compareWithSpec } from './compare.js';
export { renderRoutes, type RenderRoutesOptions } from './render.js';
export type * from './model.js';
