import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileBoundary, pageKey, type PageTree, type TemplateRenderer } from '@docgen/core';
import { comparedRoutes } from './compare.js';
import type { RoutesModel } from './model.js';
import { readableName } from './names.js';

/** One page per app: its routes in matching order, and the comparison with its spec. */
export interface RenderRoutesOptions {
  title?: string;
  key?: string;
  /** Key of the page to nest under. */
  parent?: string;
  labels?: string[];
  /** Folder that file paths on the page are shown relative to (the config's folder). */
  cwd?: string;
}

/**
 * The repository (or project) folder holding `entry`, written as `entry` is: core's boundary is a
 * real path, which a symbolic link on the way (macOS's /var → /private/var) would set apart.
 */
function repositoryOf(entry: string): string {
  const folder = dirname(entry);
  return resolve(folder, relative(realpathSync(folder), fileBoundary(entry).folder));
}

export function renderRoutes(
  model: RoutesModel,
  templates: TemplateRenderer,
  options: RenderRoutesOptions = {},
): PageTree {
  // As the repository names it, from the config's folder; a file outside that folder (`--routes`
  // given from elsewhere, a CI runner's checkout) from the repository (or project) holding the
  // entry, not by climbing out of it (`../../../home/runner/…` says where the run happened).
  let repository: string | undefined;
  const shown = (file: string) => {
    const fromCwd = relative(options.cwd ?? process.cwd(), file);
    if (!fromCwd.startsWith('..') && !isAbsolute(fromCwd)) return fromCwd || file;
    repository ??= repositoryOf(model.entry);
    return relative(repository, file) || file;
  };
  const everywhere = sharedMiddleware(model.routes);
  const view = (route: RoutesModel['routes'][number]) => ({
    ...route,
    middleware: route.middleware.slice(everywhere.length),
    defined: `${shown(route.file)}:${route.line}`,
  });
  const comparison = model.comparison && {
    ...model.comparison,
    spec: shown(model.comparison.spec),
    undocumented: model.comparison.undocumented.map(view),
    agree: !model.comparison.undocumented.length && !model.comparison.unserved.length,
    // Rows a package serves (`/docs/*`), or a function written in a mount answers, are not compared: their routes are not known.
    compared: comparedRoutes(model.routes).length,
  };
  return {
    pages: [
      {
        key: keyOf(model, options),
        parentKey: options.parent,
        // Under another page (its API reference), named after it: "Acme Catalog API: HTTP routes";
        // alone, after the service as a person names it: "Catalog: HTTP routes".
        title: options.title ?? `${readableName(model.service)}: HTTP routes`,
        ...(options.title ? {} : { titleUnderParent: 'HTTP routes' }),
        labels: ['http-routes', ...(options.labels ?? [])],
        attachments: [],
        position: 0,
        source: { plugin: 'routes', file: model.entry },
        // With no parent: under the API reference of the spec it is compared with, when the run has one.
        ...(!options.parent && model.comparison ? { nestUnderSourceOf: model.comparison.spec } : {}),
        markdown: templates.render('routes', {
          service: model.service,
          entry: shown(model.entry),
          framework: model.framework,
          routes: model.routes.map(view),
          everywhere,
          comparison,
        }),
      },
    ],
  };
}

/** `key` as given (each segment made key-safe), else `<parent>/routes`, else `routes/<service>`. */
function keyOf(model: RoutesModel, options: RenderRoutesOptions): string {
  if (options.key) return pageKey(...options.key.split('/'));
  return options.parent ? `${options.parent}/routes` : pageKey('routes', model.service);
}

/**
 * The middleware every route passes through first (`helmet()`, `requestId`: app-wide `use()`), in
 * order: said once above the table rather than on every row. Not for a single route.
 */
function sharedMiddleware(routes: RoutesModel['routes']): string[] {
  if (routes.length < 2) return [];
  const [first, ...rest] = routes.map((route) => route.middleware);
  let length = 0;
  while (length < first!.length && rest.every((middleware) => middleware[length] === first![length])) length++;
  return first!.slice(0, length);
}
