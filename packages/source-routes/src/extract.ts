/**
 * An entry file → the framework it is read as, and that reader's routes: routing-controllers,
 * NestJS, inversify-express-utils, Fastify, Koa, Hono (each in a module of its own), else Express
 * (express.ts), the apps a framework serves beside an Express or Koa app put in registration order;
 * then what every run warns of (an entry with no app, no route, a route registered twice). The
 * service needs no installed dependencies and no type check: the code is read syntactically.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { DocgenError, fixOptionHint, type Diagnostic, type OptionOrigin } from '@docgen/core';
import { unreadRegistrationWarnings } from './awilix.js';
import type { Framework, Route } from './model.js';
import { FastifyReader, isFastifySource } from './fastify.js';
import { withoutScopedMiddleware } from './scoped-middleware.js';
import { HonoReader, isHonoSource } from './hono.js';
import { InversifyReader, isInversifySource } from './inversify.js';
import { isKoaSource, KoaReader } from './koa.js';
import { isNestSource, NestReader } from './nest.js';
import { isRoutingControllersSource, RoutingControllersReader } from './routing-controllers.js';
import { appFiles, CREATES_APP, didYouMean } from './suggest.js';
import { missedSourceWarnings } from './workspaces.js';
import { newRunNotes, type RunNotes } from './run-notes.js';
import { ImportResolver, type TsMorph, syntaxProject } from './syntax.js';
import type { Site, RouterRef } from './express-model.js';
import { RouteReader } from './express.js';
import { duplicateRoutes } from './duplicate-routes.js';

export interface ExtractRoutesOptions {
  location?: Diagnostic['location'];
  /** Where the entry was given (`--routes`, or the config key and line), for the hint of a missing one. */
  origin?: OptionOrigin;
}

/** The routes `entry` serves, in matching order. */
export async function extractRouteList(entry: string, options: ExtractRoutesOptions = {}): Promise<Route[]> {
  return (await readRoutes(entry, options)).routes;
}

/** The routes `entry` serves, and the framework they were read as (a NestJS entry, else Express). */
export async function readRoutes(
  entry: string,
  options: ExtractRoutesOptions = {},
): Promise<{ framework: Framework; routes: Route[]; warnings: Diagnostic[] }> {
  if (!existsSync(entry) || !statSync(entry).isFile())
    throw new DocgenError({
      code: 'DG_ROUTES_NOT_FOUND',
      message: `entry file not found: ${entry}`,
      location: options.origin ? options.origin.location : options.location,
      hint: withSuggestions(
        fixOptionHint(
          options.origin,
          'entry',
          'the file that creates the Express, Fastify, Koa or Hono app (or a NestJS main.ts), e.g. src/server.ts',
        ),
        entry,
        options.origin,
      ),
    });
  if (!CODE_FILE.test(entry)) throw notCode(entry, options.origin);
  // What the run's readers meet and cannot read, said once a place after the run.
  const notes = newRunNotes();
  let result: ReturnType<typeof readFramework>;
  try {
    // Absolute, as every module docgen follows is named: a relative entry would be a second name for
    // the same module (and a Hono app's registrations there read twice).
    result = readFramework(resolvePath(entry), notes);
  } catch (error) {
    // An entry that makes no app: the files that do are likely what was meant.
    if (!(error instanceof DocgenError) || error.code !== 'DG_ROUTES_NO_APP') throw error;
    throw new DocgenError({ ...error.toJSON(), hint: withSuggestions(error.hint, entry, options.origin) });
  }
  const { mountedThrough, routerOnly, ...read } = result;
  return {
    ...read,
    warnings: [
      ...read.warnings,
      ...(routerOnly ? routerEntryWarning(entry, options.origin) : []),
      ...missedSourceWarnings(notes.missedSources),
      ...unreadRegistrationWarnings(notes.unreadRegistrations),
      ...duplicateRoutes(read.routes, read.framework, entry, mountedThrough),
    ],
  };
}

/**
 * An entry that makes no app but exports a router (`src/routes/invoices.ts`): its routes are read
 * from the router's root, `/widgets`, while the package's app serves them under its mount,
 * `/api/v1/widgets`. Said where the package has a file that makes an app: the entry meant.
 */
function routerEntryWarning(entry: string, origin: OptionOrigin | undefined): Diagnostic[] {
  const hint = withSuggestions(undefined, entry, origin);
  if (!hint) return [];
  return [
    {
      code: 'DG_ROUTES_ROUTER_ENTRY',
      severity: 'warning',
      message: `${entry} makes no app, only a router: its routes are shown from the router's root, not at the paths the app serves them under`,
      location: { file: entry },
      hint: `give the file that creates the app, for the paths it serves: ${hint}`,
    },
  ];
}

/** What ts-morph reads as code: anything else (a spec, a package.json) it reported as a syntax error. */
const CODE_FILE = /\.[cm]?[jt]sx?$/i;

/**
 * An entry that is no code: `--routes openapi.yaml` was "cannot read openapi.yaml: ';' expected",
 * with a hint to fix a syntax error in a spec that has none. The app's files, and where a spec goes.
 */
function notCode(entry: string, origin: OptionOrigin | undefined): DocgenError {
  const spec = /\.(ya?ml|json)$/i.test(entry)
    ? ` (the spec goes in ${origin?.flag ? '--openapi' : 'options.openapi'})`
    : '';
  return new DocgenError({
    code: 'DG_ROUTES_NOT_CODE',
    message: `entry ${basename(entry)} is not a JavaScript or TypeScript file: routes are read from the code that creates the app`,
    location: origin?.location ?? { file: entry },
    hint: withSuggestions(
      `${fixOptionHint(origin, 'entry', 'the file that creates the Express, Fastify, Koa or Hono app (or a NestJS main.ts), e.g. src/server.ts')}${spec}`,
      entry,
      origin,
    ),
  });
}

/**
 * A hint with the files of the entry's package that create an app added, Prisma-style: "…; did you
 * mean src/server.ts?", their paths from where the entry was given (the current folder for a flag,
 * the config file's folder for a config key).
 */
function withSuggestions(
  hint: string | undefined,
  entry: string,
  origin: OptionOrigin | undefined,
): string | undefined {
  const base = origin?.location?.file && !origin.flag ? dirname(resolvePath(origin.location.file)) : process.cwd();
  const suggestion = didYouMean(appFiles(resolvePath(entry), resolvePath(entry)), base);
  if (!suggestion) return hint;
  return hint ? `${hint}; ${suggestion}` : suggestion;
}

/** The routes an entry file serves, read by the reader of its framework, and what that reader warns of. */
function readFramework(
  entry: string,
  notes: RunNotes,
): {
  framework: Framework;
  routes: Route[];
  warnings: Diagnostic[];
  /** Express: the mounts each route is reached through (`RouteReader.mountedThrough`). */
  mountedThrough?: WeakMap<Route, Site[]>;
  /** Express: the entry makes no app, and its routes are read from the routers it exports. */
  routerOnly?: boolean;
} {
  // require, not import(): ts-morph is CommonJS around a 9 MB TypeScript, and import() would first
  // scan all of it for named exports (~0.15 s).
  const tsMorph = createRequire(import.meta.url)('ts-morph') as TsMorph;
  const text = readFileSync(entry, 'utf8');
  const framework = frameworkOf(tsMorph, entry, text, notes);
  const controllers =
    framework === ROUTING_CONTROLLERS
      ? new RoutingControllersReader(tsMorph, syntaxProject(tsMorph), notes)
      : undefined;
  const served = controllers?.framework(entry);
  if (controllers && served) {
    // Decorated controllers (`@JsonController`, `@Get`) that useExpressServer / useKoaServer registers,
    // where it is called among the Express app's own routes (`app.get('/health', …)`).
    const site = controllers.serverSite(entry);
    const own =
      served === 'Express'
        ? expressAppRoutes(tsMorph, entry, notes, site, controllers.createdApps(entry))
        : koaAppRoutes(tsMorph, entry, notes, site);
    // `createKoaServer(…)` registers the controllers as it makes the app: all the app's own routes come after.
    const created = served === 'Koa' && controllers.createdApps(entry).length > 0;
    const before = (route: Route) => {
      if (created) return false;
      const at = own?.mountedThrough.get(route)?.[0];
      if (at) return at.file === site?.file && at.start < site.start;
      return route.file === site?.file && route.line <= lineOf(site.file, site.start);
    };
    const routes = [
      ...(own?.routes.filter(before) ?? []),
      // `app.use(helmet())` before `useExpressServer(app, …)` runs before every controller.
      ...controllers
        .routes(entry)
        .map((route) => ({ ...route, middleware: [...(own?.before ?? []), ...route.middleware] })),
      ...(own?.routes.filter((route) => !before(route)) ?? []),
    ];
    return {
      framework: served,
      routes,
      warnings: [...controllers.warnings, ...(own?.warnings ?? []), ...noRoutes(routes, entry, served)],
      mountedThrough: own?.mountedThrough,
    };
  }
  if (framework === 'NestJS') {
    const reader = new NestReader(tsMorph, syntaxProject(tsMorph), notes);
    const routes = reader.routes(entry);
    return { framework: 'NestJS', routes, warnings: [...reader.warnings, ...noRoutes(routes, entry, 'NestJS')] };
  }
  const inversify = framework === INVERSIFY ? new InversifyReader(tsMorph, syntaxProject(tsMorph), notes) : undefined;
  if (inversify?.serves(entry)) {
    // Express underneath: decorated controllers (`@controller`, `@httpGet`) the server registers,
    // between what `setConfig((app) => …)` registers on the app first and `setErrorConfig` last.
    const controllers = inversify.routes(entry);
    const express = new RouteReader(tsMorph, notes);
    // What setConfig's use() calls leave running (`app.use(auth())`) runs before every controller too.
    const first: string[] = [];
    const configured = (after: boolean) => {
      const out: Route[] = [];
      for (const config of inversify.configFunctions(entry).filter((each) => each.after === after)) {
        const ref = { file: config.fn.getSourceFile().getFilePath(), name: config.app, scope: config.fn.getStart() };
        express.flatten(ref, '', [], new Set(), out);
        if (!after) first.push(...express.trailingMiddleware(ref));
      }
      return withoutScopedMiddleware(out);
    };
    const before = configured(false);
    const guarded = (routes: Route[]) =>
      routes.map((route) => ({ ...route, middleware: [...first, ...route.middleware] }));
    const routes = [...before, ...guarded(controllers), ...guarded(configured(true))];
    return {
      framework: 'Express',
      routes,
      warnings: [...inversify.warnings, ...express.warnings, ...noRoutes(routes, entry, 'Express')],
      mountedThrough: express.mountedThrough,
    };
  }
  if (framework === 'Fastify' || framework === 'Koa' || framework === 'Hono') {
    const Reader = framework === 'Fastify' ? FastifyReader : framework === 'Koa' ? KoaReader : HonoReader;
    const reader = new Reader(tsMorph, syntaxProject(tsMorph), notes);
    const routes = reader.routes(entry);
    return { framework, routes, warnings: [...reader.warnings, ...noRoutes(routes, entry, framework)] };
  }
  const reader = new RouteReader(tsMorph, notes);
  const app = reader.module(entry);
  const roots = [...app.declared].filter(([, kind]) => kind === 'app').map(([name]) => name);
  const exported = [...app.exports.values()].filter((name) => app.declared.has(name));
  const starts: RouterRef[] = (roots.length ? roots : exported).map((name) => ({ file: entry, name }));
  // `const app = require('./app'); app.listen(3000)`: the app is made elsewhere.
  if (!starts.length) starts.push(...reader.listenedApps(entry));
  // `import app from './app'` where app.ts keeps it in a class (`export default new App().app`).
  if (!starts.length) starts.push(...reader.importedClassApps(entry));
  if (!starts.length) throw noApp(entry, text);
  const routes: Route[] = [];
  for (const start of starts) reader.flatten(start, '', [], new Set(), routes);
  return {
    framework: 'Express',
    routes: withoutScopedMiddleware(routes),
    warnings: [...reader.warnings, ...noRoutes(routes, entry, 'Express')],
    mountedThrough: reader.mountedThrough,
    ...(!roots.length && exported.length ? { routerOnly: true } : {}),
  };
}

/** The routes of the Express apps an entry declares (`const app = express()`), or routing-controllers makes (`created`); none with none. */
function expressAppRoutes(
  tsMorph: TsMorph,
  entry: string,
  notes: RunNotes,
  site?: Site,
  created: RouterRef[] = [],
): { routes: Route[]; warnings: Diagnostic[]; mountedThrough: WeakMap<Route, Site[]>; before: string[] } {
  const reader = new RouteReader(tsMorph, notes);
  const app = reader.module(entry);
  const routes: Route[] = [];
  const before: string[] = [];
  const apps = [...app.declared].filter(([, kind]) => kind === 'app').map(([name]) => ({ file: entry, name }));
  // An app routing-controllers makes (`const app = createExpressServer(…)`), here or in a module the entry loads.
  for (const ref of created) {
    reader.module(ref.file);
    if (!apps.some((each) => each.file === ref.file && each.name === ref.name)) apps.push(ref);
  }
  for (const ref of apps) {
    reader.flatten(ref, '', [], new Set(), routes);
    before.push(...reader.trailingMiddleware(ref, site));
  }
  return {
    routes: withoutScopedMiddleware(routes),
    warnings: reader.warnings,
    mountedThrough: reader.mountedThrough,
    before,
  };
}

/**
 * The routes of the Koa app an entry makes beside `useKoaServer(app, …)` (`app.use(router.routes())`
 * with a koa-router of its own), none when it makes no Koa app docgen finds (`createKoaServer` alone).
 */
function koaAppRoutes(
  tsMorph: TsMorph,
  entry: string,
  notes: RunNotes,
  site: Site | undefined,
): { routes: Route[]; warnings: Diagnostic[]; mountedThrough: WeakMap<Route, Site[]>; before: string[] } {
  const reader = new KoaReader(tsMorph, syntaxProject(tsMorph), notes);
  let routes: Route[] = [];
  try {
    routes = reader.routes(entry);
  } catch (error) {
    if (!(error instanceof DocgenError) || error.code !== 'DG_ROUTES_NO_APP') throw error;
  }
  // Where each route's router is mounted on the app (`app.use(users.routes())` before `useKoaServer`, its routes
  // written in another module), and the middleware the app uses before the controllers.
  const before = site ? reader.middlewareBefore(entry, site) : [];
  return { routes, warnings: reader.warnings, mountedThrough: reader.mountedThrough, before };
}

/** The line an offset of a file is on. */
function lineOf(file: string, start: number): number {
  return readFileSync(file, 'utf8').slice(0, start).split('\n').length;
}

/**
 * The framework an entry is read as, from the packages it imports: NestJS, Fastify, Koa, Hono, else Express.
 * A server.ts that only starts an app made elsewhere (`import { buildApp } from './app'`) and names
 * no framework is read as the one its project imports name, one import away.
 */
function frameworkOf(
  tsMorph: TsMorph,
  entry: string,
  text: string,
  notes: RunNotes,
): Framework | typeof INVERSIFY | typeof ROUTING_CONTROLLERS {
  // Before NestJS: its decorators share Nest's names (`@Controller`).
  if (isRoutingControllersSource(text)) return ROUTING_CONTROLLERS;
  if (isNestSource(text)) return 'NestJS';
  const imported = (source: string): Framework | typeof INVERSIFY | typeof ROUTING_CONTROLLERS | undefined =>
    isRoutingControllersSource(source)
      ? ROUTING_CONTROLLERS
      : isInversifySource(source)
        ? INVERSIFY
        : isFastifySource(source)
          ? 'Fastify'
          : isKoaSource(source)
            ? 'Koa'
            : isHonoSource(source)
              ? 'Hono'
              : undefined;
  const own = imported(text);
  if (own) return own;
  if (/['"]express['"]/.test(text)) return 'Express';
  const imports = new ImportResolver(tsMorph, notes.missedSources);
  const texts = [...text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g)].flatMap(
    ([, specifier]) => {
      const file = specifier && imports.resolve(entry, specifier);
      return file ? [readFileSync(file, 'utf8')] : [];
    },
  );
  // The module that makes the app names the framework first (`createMcpExpressApp()` making `express()`),
  // before one that only imports a package (the MCP SDK's transport, built on `@hono/node-server`).
  const maker = texts.find((source) => CREATES_APP.test(source));
  const made = maker && (imported(maker) ?? (/['"]express['"]/.test(maker) ? 'Express' : undefined));
  if (made) return made;
  for (const source of texts) {
    const found = imported(source);
    if (found) return found;
  }
  return 'Express';
}

/**
 * The frameworks docgen does not read, by the package an entry imports them from: an entry that makes
 * one is told so, rather than that it makes no Express app.
 */
const UNREAD_FRAMEWORKS: Record<string, string> = {
  elysia: 'Elysia',
  '@hapi/hapi': 'hapi',
  restify: 'restify',
  h3: 'h3',
  '@adonisjs/core': 'AdonisJS',
  'itty-router': 'itty-router',
  '@tinyhttp/app': 'tinyhttp',
};

/** The error for an entry with no app docgen reads: an app of a framework it does not read is named as such. */
function noApp(entry: string, text: string): DocgenError {
  const specifier = [...text.matchAll(/(?:\bfrom\s+|\brequire\(\s*)['"]([^'"]+)['"]/g)]
    .map(([, each]) => each)
    .find((each) => each !== undefined && each in UNREAD_FRAMEWORKS);
  const unread = specifier && UNREAD_FRAMEWORKS[specifier];
  if (unread)
    return new DocgenError({
      code: 'DG_ROUTES_NO_APP',
      message: `${entry} makes an app with ${unread} (imported from '${specifier}'), which docgen does not read: it reads Express (with inversify-express-utils, routing-controllers or awilix-express), NestJS, Fastify, Koa and Hono apps`,
      location: { file: entry },
      hint: `document the ${unread} service's routes from its OpenAPI spec (an openapi source) instead, or give the entry of an app in a framework docgen reads`,
    });
  return new DocgenError({
    code: 'DG_ROUTES_NO_APP',
    message: `no Express app or router, and no NestJS app, in ${entry}`,
    location: { file: entry },
    hint: 'the entry must create the app (`const app = express()`, `NestFactory.create(AppModule)`) or export a router (`export const router = Router()`)',
  });
}

/** What an entry is read as when it serves inversify-express-utils' decorated controllers (an Express app). */
const INVERSIFY = 'inversify-express-utils';
/** What an entry is read as when routing-controllers serves its decorated controllers (on Express or Koa). */
const ROUTING_CONTROLLERS = 'routing-controllers';

/** An app with no route found is said so: the page would otherwise read as a service that serves nothing. */
function noRoutes(routes: Route[], entry: string, framework: Framework): Diagnostic[] {
  if (routes.length) return [];
  return [
    {
      code: 'DG_ROUTES_NONE',
      severity: 'warning',
      message: `no ${framework} route found from ${entry}`,
      location: { file: entry },
      hint:
        framework === 'NestJS'
          ? 'the root module (NestFactory.create) must list, or import modules that list, controllers with route decorators'
          : framework === 'Fastify'
            ? 'routes are read from the app and the plugins it registers (app.register(plugin), and the folders @fastify/autoload loads)'
            : framework === 'Koa'
              ? 'routes are read from the routers the app mounts (app.use(router.routes())), made with @koa/router or koa-router'
              : framework === 'Hono'
                ? "routes are read from the app and the sub-apps it mounts (app.route('/x', sub)), with literal paths"
                : 'routes with paths computed at run time (or mounted from a table built at run time) are not read: register them with literal paths, or mount them from a literal const table',
    },
  ];
}
