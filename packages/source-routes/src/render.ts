import { pageKey, pathFromRepository, type PageTree, type TemplateRenderer } from '@docgen/core';
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

export function renderRoutes(
  model: RoutesModel,
  templates: TemplateRenderer,
  options: RenderRoutesOptions = {},
): PageTree {
  // As the repository names it: a file outside the config's folder (`--routes` given from elsewhere)
  // from the repository holding the entry, not by climbing out of it.
  const shown = (file: string) => pathFromRepository(file, options.cwd ?? process.cwd(), model.entry);
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
