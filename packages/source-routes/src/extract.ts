/**
 * The routes an Express app serves, read from its TypeScript (or JavaScript) with ts-morph:
 * `express()` apps and `Router()`s, `app.get('/path', middleware…, handler)`,
 * `router.route('/path').get(…).post(…)`, `app.use('/prefix', router)` mounts followed across
 * relative imports, router-level `use(middleware)`. The code is read syntactically, so the
 * service needs no installed dependencies and no type check. An entry that bootstraps a NestJS
 * app is read by nest.ts instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve as resolvePath } from 'node:path';
import type {
  ArrowFunction,
  CallExpression,
  ClassDeclaration,
  ConstructorDeclaration,
  FunctionDeclaration,
  FunctionExpression,
  Identifier,
  MethodDeclaration,
  Node as TsNode,
  Project,
  PropertyAccessExpression,
  SourceFile,
} from 'ts-morph';
import { DocgenError, fixOptionHint, type Diagnostic, type OptionOrigin } from '@docgen/core';
import { unreadRegistrationWarnings } from './awilix.js';
import { knownMiddlewareStatuses, unsafeMethodStatuses } from './known-middleware.js';
import { tsoaAction, tsoaMiddleware, tsoaSuccessStatuses, type TsoaAction } from './tsoa.js';
import { AwilixExpressControllers, type ControllerRoute } from './awilix-express.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, responseParameter } from './implicit.js';
import type { Framework, Route } from './model.js';
import { FastifyReader, isFastifySource } from './fastify.js';
import {
  answeredStatuses,
  httpStatuses,
  answersItself,
  classConstant,
  classMembers,
  computedRequire,
  functionMountRoute,
  handedValue,
  isConst,
  madeClass,
  methodOf,
  Modules,
  packageMountRoute,
  property,
  keptIn,
  returnedBy,
  thisMember,
  unwrap,
  warningOfDefaults,
  withoutScopedMiddleware,
  type Handing,
  runsFor,
  sentFor,
  type ScopedUse,
  withSentStatuses,
} from './modules.js';
import { HonoReader, isHonoSource } from './hono.js';
import { InversifyReader, isInversifySource } from './inversify.js';
import { isKoaSource, KoaReader } from './koa.js';
import { isNestSource, NestReader } from './nest.js';
import { isRoutingControllersSource, RoutingControllersReader } from './routing-controllers.js';
import { appFiles, didYouMean } from './suggest.js';
import { missedSourceWarnings } from './workspaces.js';
import { newRunNotes, type RunNotes } from './run-notes.js';
import {
  commentBefore,
  constArray,
  EXPRESS_STATUS_SLOTS,
  expressStatusesIn,
  ImportResolver,
  isPathLiteral,
  joinPaths,
  literalArray,
  literalValue,
  loopOver,
  pathText,
  shortText,
  syntaxErrors,
  toOpenApiPath,
  type TsMorph,
  isFunctionLike,
  type FunctionNode,
} from './syntax.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

/** A router (or app) as one module declares it: its routes and mounts in registration order. */
interface RouterDef {
  entries: Array<
    | { kind: 'route'; route: Omit<Route, 'openapiPath'> }
    | { kind: 'mount'; mount: Mount }
    | { kind: 'served'; route: Route }
  >;
  /** The middleware its `use()` calls leave running for what is registered on it after them (`app.use(auth())`). */
  trailing?: Scoped[];
}
interface Mount {
  prefix: string;
  target: RouterRef;
  middleware: Scoped[];
  /** The call that mounts it (`app.use('/api', v1)`, `registerAdmin(app)`), for which mounts exclude each other. */
  at?: Site;
}
/** Where a call is written: its file and where it starts there. */
interface Site {
  file: string;
  start: number;
}
/** Express's `use()` middleware (`ScopedUse`), with the `use()` call that registers it, for what a framework registers on the app after it (routing-controllers' controllers). */
interface Scoped extends ScopedUse {
  at?: Site;
}
/** A router by the module that declares it and its name there. */
interface RouterRef {
  file: string;
  name: string;
  /**
   * Where the function starts whose parameter the name is (`function setupDev(app) {…}`, handed the
   * app): its calls on that name are the router's, not those on a module's `app` of the same name.
   */
  scope?: number;
  /**
   * For a member (`this.router`), where its class starts, when an instance names it
   * (`new UsersRoute().router`): the calls on `this.router` in other classes of its module are theirs.
   */
  owner?: number;
  /**
   * For a router handed to a function (`loadRoutes(app, '/api/v1')`), the call that hands it, the
   * function, and the handing that call is in: the function's other parameters
   * (`` app.use(`${prefix}/users`, users) ``) are what that call gives them (`handedValue`).
   */
  handed?: Handing;
  /**
   * Where a function of the module starts that closes over the router and takes other values
   * (`function mountRoutes(prefix) { app.use(prefix, api) }`): its calls on the router are read where
   * it is called (`mountRoutes('/api')`, the `handed` call), not where it is written.
   */
  closure?: number;
  /**
   * For a router a factory builds in a local (`function a() { const router = Router(); …; return router; }`),
   * where the factory starts: the calls on a `router` of another function of its module are that one's.
   */
  local?: number;
}
interface ModuleInfo {
  file: string;
  /** Local name → what it is: an app (`express()`) or a router (`Router()`). */
  declared: Map<string, 'app' | 'router'>;
  /** Local name → the module and exported name it is imported from. */
  imports: Map<string, { file: string; name: string }>;
  /** Exported name → local name. */
  exports: Map<string, string>;
  /** Functions that build and return a router (`function usersRouter() { const r = Router(); …; return r; }`) → that router's name. */
  factories: Map<string, string>;
  /**
   * Other names for a router: `export const usersRouter: Router = router`, and a router an
   * immediately invoked function builds (`const healthRouter = (() => { const router = Router(); …; return router; })()`).
   */
  aliases: Map<string, string>;
  /**
   * Names for a member of another value (`export const users = new UsersRoute().router`, and
   * `export default new UsersRoute().router` as `(default export)`) → that access: a router when
   * the value is an instance of a class of the project that keeps one there (`instanceRouter`).
   */
  members: Map<string, PropertyAccessExpression>;
  /** The modules whose every export this one exports too: `export * from './users'`, tsc's `__exportStar(require('./users'), exports)`. */
  stars: string[];
  /** `module.exports = function (app) {…}` / `export default function (app) {…}`: a function with no name. */
  defaultFunction?: FunctionLike;
  source: SourceFile;
}
type FunctionLike = FunctionDeclaration | FunctionExpression | ArrowFunction;

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
  const { mountedThrough, ...read } = result;
  return {
    ...read,
    warnings: [
      ...read.warnings,
      ...missedSourceWarnings(notes.missedSources),
      ...unreadRegistrationWarnings(notes.unreadRegistrations),
      ...duplicateRoutes(read.routes, read.framework, entry, mountedThrough),
    ],
  };
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
 * A second registration of a method and path the app already registers (`/users/:userId` after
 * `/users/:id` too: the same requests match), warned at the second, naming the first: the first
 * answers, so the second runs only if the first passes the request on; Fastify refuses to start.
 * Rows that stand for many paths (a package's, a function answering under a mount) are not routes here.
 */
function duplicateRoutes(
  routes: Route[],
  framework: Framework,
  entry: string,
  mountedThrough?: WeakMap<Route, Site[]>,
): Diagnostic[] {
  const first = new Map<string, Route>();
  const warnings: Diagnostic[] = [];
  for (const route of routes) {
    if (route.servedBy || route.inlineMount) continue;
    const key = `${route.method} ${route.path.replace(/:\w+/g, ':')}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, route);
      continue;
    }
    // One registration reached twice (a router mounted twice at a path) is no second handler, nor is
    // one of two branches of an `if` (`if (prod) app.get('*', index) else app.get('*', devProxy)`).
    if (earlier.file === route.file && earlier.line === route.line) continue;
    if (inExclusiveBranches(earlier, route, mountedThrough)) continue;
    const where = `${relative(dirname(entry), earlier.file) || basename(earlier.file)}:${earlier.line}`;
    const what = earlier.path === route.path ? 'it' : `${earlier.method} ${earlier.path}`;
    const outcome =
      framework === 'Fastify'
        ? 'and Fastify stops at startup with a duplicate route'
        : framework === 'NestJS'
          ? 'so this handler is never reached'
          : 'so this handler is reached only if that one calls next()';
    warnings.push({
      code: 'DG_ROUTES_DUPLICATE',
      severity: 'warning',
      message: `${route.method} ${route.path} is registered again: ${where} registers ${what} first, ${outcome}`,
      location: { file: route.file, line: route.line },
      hint: 'remove one of the two, or give this one another path',
    });
  }
  return warnings;
}

/**
 * Whether two registrations are ones of which only one runs: in the `then` and the `else` of one `if`
 * (or the two sides of a `?:`), in two cases of one `switch` that do not fall through into each other,
 * or one in a branch that returns (or throws) and the other after that `if`. Read on the
 * registrations, and on the mounts they are reached through (`if (v2) app.use('/api', v2) else
 * app.use('/api', v1)`: either router's `/users`).
 */
function inExclusiveBranches(a: Route, b: Route, mountedThrough?: WeakMap<Route, Site[]>): boolean {
  const tsMorph = createRequire(import.meta.url)('ts-morph') as TsMorph;
  const project = syntaxProject(tsMorph);
  const calls = new Map<string, CallExpression[]>();
  const callsIn = (file: string) => {
    let found = calls.get(file);
    if (!found) {
      found = project.addSourceFileAtPath(file).getDescendantsOfKind(tsMorph.SyntaxKind.CallExpression);
      calls.set(file, found);
    }
    return found;
  };
  // The registration: the call whose method (`.get(`) is written on the route's line.
  const registration = (route: Route) =>
    callsIn(route.file).find((call) => {
      const callee = call.getExpression();
      return (
        tsMorph.Node.isPropertyAccessExpression(callee) &&
        callee.getName().toUpperCase() === route.method &&
        callee.getNameNode().getStartLineNumber() === route.line
      );
    });
  const mountAt = (site: Site) => callsIn(site.file).find((call) => call.getStart() === site.start);
  const calledFor = (route: Route) =>
    [...(mountedThrough?.get(route) ?? []).map(mountAt), registration(route)].filter(
      (call): call is CallExpression => call !== undefined,
    );
  for (const one of calledFor(a))
    for (const other of calledFor(b)) {
      if (one === other || one.getSourceFile() !== other.getSourceFile()) continue;
      // In the order they are written: an early return is above what it skips.
      const [first, second] = one.getStart() <= other.getStart() ? [one, other] : [other, one];
      if (
        inAlternatives(tsMorph, first, second) ||
        inSeparateCases(tsMorph, first, second) ||
        afterEarlyExit(tsMorph, first, second)
      )
        return true;
    }
  return false;
}

/** Whether `node` is inside `outer`. */
function inside(outer: TsNode | undefined, node: TsNode): boolean {
  return !!outer && node.getStart() >= outer.getStart() && node.getEnd() <= outer.getEnd();
}

/** One in the `then` and the other in the `else` of an `if`, or on the two sides of a `cond ? x : y`. */
function inAlternatives(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  for (let scope = first.getParent(); scope; scope = scope.getParent()) {
    const sides = ts.Node.isIfStatement(scope)
      ? [scope.getThenStatement(), scope.getElseStatement()]
      : ts.Node.isConditionalExpression(scope)
        ? [scope.getWhenTrue(), scope.getWhenFalse()]
        : undefined;
    if (!sides) continue;
    const [yes, no] = sides;
    if ((inside(yes, first) && inside(no, second)) || (inside(no, first) && inside(yes, second))) return true;
  }
  return false;
}

/** In two cases of one `switch`, the first ending (or a case between them ending) in `break`, `return` or `throw`. */
function inSeparateCases(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  const clause = (node: TsNode) =>
    node.getParentWhile((parent) => !ts.Node.isCaseClause(parent) && !ts.Node.isDefaultClause(parent))?.getParent();
  const [from, to] = [clause(first), clause(second)];
  const block = from?.getParent();
  if (!from || !to || from === to || !block || !ts.Node.isCaseBlock(block) || to.getParent() !== block) return false;
  const clauses = block.getClauses();
  // Falling through runs the next case too: only a case that leaves the switch keeps them apart.
  return clauses
    .slice(clauses.indexOf(from as (typeof clauses)[number]), clauses.indexOf(to as (typeof clauses)[number]))
    .some((between) => {
      const statements = between.getStatements();
      const last = statements[statements.length - 1];
      return !!last && leaves(ts, last, true);
    });
}

/**
 * One in a branch of an `if` that always returns or throws (`if (prod) { app.get('*', index); return; }`),
 * the other after that `if` in the same function: the second is not reached when the first is.
 */
function afterEarlyExit(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  for (let scope = first.getParent(); scope; scope = scope.getParent()) {
    if (ts.Node.isFunctionLikeDeclaration(scope) || ts.Node.isSourceFile(scope)) return false;
    if (!ts.Node.isIfStatement(scope) || inside(scope, second)) continue;
    const branch = inside(scope.getThenStatement(), first) ? scope.getThenStatement() : scope.getElseStatement();
    if (branch && leaves(ts, branch, false) && second.getStart() > scope.getEnd() && sameFunction(ts, scope, second))
      return true;
  }
  return false;
}

/** Whether a statement always leaves: `return`, `throw` (`break` too in a switch), or a block ending so. */
function leaves(ts: TsMorph, statement: TsNode, inSwitch: boolean): boolean {
  if (ts.Node.isReturnStatement(statement) || ts.Node.isThrowStatement(statement)) return true;
  if (inSwitch && ts.Node.isBreakStatement(statement)) return true;
  if (!ts.Node.isBlock(statement)) return false;
  const statements = statement.getStatements();
  const last = statements[statements.length - 1];
  return !!last && leaves(ts, last, inSwitch);
}

/** Whether two nodes are in the same function (or both at the top of the module), not one in a nested one. */
function sameFunction(ts: TsMorph, a: TsNode, b: TsNode): boolean {
  const enclosing = (node: TsNode) =>
    node
      .getParentWhile((parent) => !ts.Node.isFunctionLikeDeclaration(parent) && !ts.Node.isSourceFile(parent))
      ?.getParent() ?? node.getSourceFile();
  return enclosing(a) === enclosing(b);
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
  for (const [, specifier] of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g)) {
    const file = specifier && imports.resolve(entry, specifier);
    const found = file && imported(readFileSync(file, 'utf8'));
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

/** A ts-morph project for reading files syntactically: no type check, no lib, no import resolution. */
function syntaxProject(tsMorph: TsMorph): Project {
  return new tsMorph.Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // Syntax only: no default library, no type roots, no import resolution by TypeScript (we follow imports).
    compilerOptions: { allowJs: true, noEmit: true, noLib: true, noResolve: true, types: [] },
  });
}

class RouteReader {
  private readonly project: Project;
  private readonly modules = new Map<string, ModuleInfo>();
  private readonly routers = new Map<string, RouterDef>();
  private readonly imports: ImportResolver;
  /** What a name stands for across modules, for paths held in `const`s (imported or `require()`d). */
  private readonly names: Modules;
  /** What the code does not say for sure (a mount whose path is computed at run time). */
  readonly warnings: Diagnostic[] = [];
  /** The mounts each route is reached through, outermost first: two routes whose mounts exclude each other are no duplicate. */
  readonly mountedThrough = new WeakMap<Route, Site[]>();
  /** The missing modules already warned about (`file:line:specifier`): every router of a module reads its calls. */
  private readonly warnedModules = new Set<string>();
  /** awilix-express's routers of controllers (`controller(UsersApi)`, `loadControllers('routes/*.js')`). */
  private readonly awilixControllers: AwilixExpressControllers;

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    private readonly ts: TsMorph,
    notes: RunNotes,
  ) {
    this.imports = new ImportResolver(ts, notes.missedSources);
    this.project = syntaxProject(ts);
    this.names = new Modules(ts, this.project, notes);
    this.awilixControllers = new AwilixExpressControllers(ts, this.names, (message, at, hint) =>
      this.warnings.push({
        code: 'DG_ROUTES_PLUGIN_UNREAD',
        severity: 'warning',
        message,
        location: { file: at.getSourceFile().getFilePath(), line: at.getStartLineNumber() },
        hint,
      }),
    );
  }

  /**
   * The string a path or prefix stands for: a literal, or a `const` of its module, imported or
   * `require()`d from another (`PATHS.users` too), as the other readers read it (`literalValue`).
   */
  private literal(node: TsNode | undefined): string | undefined {
    return literalValue(this.ts, node, this.constants);
  }
  private readonly constants = warningOfDefaults(
    (id) => this.names.constValue(id) ?? this.givenValue(id) ?? this.handedValue(id),
    this.warnings,
  );
  /** The routers whose calls are being read, innermost last: the functions they were handed to. */
  private readonly reading: RouterRef[] = [];

  /**
   * What a parameter of a function the router being read was handed to stands for: what the call
   * that handed it gives (`loadRoutes(app, '/api/v1')`, `{ prefix: '/api' }`), or the default
   * (`prefix = '/api'`); up the calls, for a value handed on (`loadRoutes(app, prefix)`).
   */
  private handedValue(node: Identifier | PropertyAccessExpression): TsNode | undefined {
    const value = handedValue(this.ts, this.reading[this.reading.length - 1]?.handed, node);
    return value === node ? undefined : value;
  }

  /**
   * A parameter of the function the router was handed to (or that closes over it) whose call hands it
   * a value computed at run time (`mountRoutes(process.env.PREFIX)` for `app.use(prefix, api)`):
   * a path, not a router or middleware.
   */
  private isHandedPath(node: TsNode): boolean {
    if (!this.ts.Node.isIdentifier(node)) return false;
    const value = this.handedValue(node);
    return !!value && isComputedPath(this.ts, unwrap(this.ts, value));
  }

  module(file: string): ModuleInfo {
    let info = this.modules.get(file);
    if (info) return info;
    const source = this.project.addSourceFileAtPath(file);
    syntaxErrors(this.project, source);
    info = {
      file,
      source,
      declared: new Map(),
      imports: new Map(),
      exports: new Map(),
      factories: new Map(),
      aliases: new Map(),
      members: new Map(),
      stars: [],
    };
    this.modules.set(file, info);
    readDeclarations(this.ts, this.imports, info);
    return info;
  }

  /**
   * Follow `name` from `file` through imports and exports (`import { x as y }`, `export { z as x }`,
   * `module.exports = …`) to the first module where `isHere` finds it; undefined when the chain
   * leaves the project or goes round in a circle.
   */
  private definition(
    file: string,
    name: string,
    isHere: (info: ModuleInfo, name: string) => boolean,
    seen = new Set<string>(),
  ): { info: ModuleInfo; name: string } | undefined {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const info = this.module(file);
    if (isHere(info, name)) return { info, name };
    const alias = info.aliases.get(name);
    if (alias !== undefined) return this.definition(file, alias, isHere, seen);
    const imported = info.imports.get(name);
    const exported = imported && this.exportOf(imported.file, imported.name);
    return exported ? this.definition(exported.file, exported.local, isHere, seen) : undefined;
  }

  /**
   * The module and local name a module exports `name` as: its own, or one of a module it exports
   * every export of (`export * from './users'`, a barrel); not a default through a star, as in ES modules.
   */
  private exportOf(file: string, name: string, seen = new Set<string>()): { file: string; local: string } | undefined {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const info = this.module(file);
    const local = info.exports.get(name);
    if (local !== undefined) return { file, local };
    if (name === 'default') return undefined;
    for (const star of info.stars) {
      const found = this.exportOf(star, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** Follow a local name through imports to the module and name that declare the router. */
  resolve(file: string, name: string): RouterRef | undefined {
    const found = this.definition(
      file,
      name,
      (info, local) => info.declared.has(local) || this.memberRouter(info, local) !== undefined,
    );
    if (!found) return undefined;
    return found.info.declared.has(found.name)
      ? { file: found.info.file, name: found.name }
      : this.memberRouter(found.info, found.name);
  }

  /** The router a name for an instance's member stands for: `export default new AccountsRoute().router`. */
  private memberRouter(info: ModuleInfo, name: string): RouterRef | undefined {
    const member = info.members.get(name);
    return member && this.instanceRouter(member);
  }

  /** The router a module exports under `name` (`default` for `module.exports = router`). */
  resolveExport(file: string, name: string): RouterRef | undefined {
    const exported = this.exportOf(file, name);
    return exported && this.resolve(exported.file, exported.local);
  }

  /**
   * Follow a called function's name to the router it builds and returns (`app.use('/x', usersRouter())`).
   * With the call, a factory that takes values is read as that call hands them: the routers and
   * prefixes `createApp(toolsRouter, usersRouter)` gives its parameters (`handedValue`).
   */
  resolveFactory(file: string, name: string, call?: CallExpression): RouterRef | undefined {
    const found = this.definition(file, name, (info, local) => info.factories.has(local));
    if (!found) return undefined;
    const routerName = found.info.factories.get(found.name)!;
    const built = functionIn(this.ts, found.info, found.name);
    const ref: RouterRef = {
      file: found.info.file,
      name: routerName,
      ...(built && declaresOwn(this.ts, built, routerName) ? { local: built.getStart() } : {}),
    };
    const fn = call && built;
    return fn && fn.getParameters().length
      ? { ...ref, handed: { call: call!, fn, outer: this.reading[this.reading.length - 1]?.handed } }
      : ref;
  }

  /**
   * When `name(…, router, …)` passes this router to a function of this project, the parameter it
   * arrives as: `function registerAdminRoutes(app: Express) { app.post(…) }` registers on `app`.
   */
  private registrar(ref: RouterRef, name: string, call: CallExpression, file = ref.file): RouterRef | undefined {
    const { ts } = this;
    const handed = call
      .getArguments()
      .map((arg, index) => ({ index, key: handedKey(ts, arg, ref.name) }))
      .find(({ key }) => key !== undefined);
    if (!handed) return undefined;
    const found = this.definition(file, name, (info, local) => functionIn(ts, info, local) !== undefined);
    const parameter = found && functionIn(ts, found.info, found.name)!.getParameters()[handed.index]?.getNameNode();
    // `loader({ app })` with `({ app }) => …`: the name the key is bound to.
    const local =
      parameter && handed.key && ts.Node.isObjectBindingPattern(parameter)
        ? parameter
            .getElements()
            .find((element) => (element.getPropertyNameNode()?.getText() ?? element.getName()) === handed.key)
            ?.getName()
        : parameter && !handed.key && ts.Node.isIdentifier(parameter)
          ? parameter.getText()
          : undefined;
    const fn = found && functionIn(ts, found.info, found.name)!;
    return fn && local
      ? { file: found.info.file, name: local, scope: fn.getStart(), handed: { call, fn, outer: ref.handed } }
      : undefined;
  }

  /** The routes and mounts registered on a router, in its module (calls on it elsewhere are rare). */
  router(ref: RouterRef): RouterDef {
    const key = refKey(this.ts, ref);
    let def = this.routers.get(key);
    if (!def) {
      def = { entries: [] };
      this.routers.set(key, def);
      this.readCalls(ref, def);
    }
    return def;
  }

  /**
   * The middleware a router's `use()` calls leave running for every path, for what is registered on it
   * afterwards; only those registered before `site` when given (`useExpressServer(app, …)`).
   */
  trailingMiddleware(ref: RouterRef, site?: Site): string[] {
    return (this.router(ref).trailing ?? [])
      .filter((use) => use.under === undefined)
      .filter((use) => !site || (use.at?.file === site.file && use.at.start < site.start))
      .map((use) => use.name);
  }

  /** The routes of a router mounted at `prefix`, under the middleware that runs first (`under`: paths from the root). */
  flatten(
    ref: RouterRef,
    prefix: string,
    middleware: Scoped[],
    path: Set<string>,
    out: Route[],
    via: Site[] = [],
  ): void {
    const key = refKey(this.ts, ref);
    if (path.has(key)) return; // a router mounted inside itself
    const inner = new Set(path).add(key);
    for (const entry of this.router(ref).entries) {
      if (entry.kind === 'route') {
        const full = joinPaths(prefix, entry.route.path);
        const sent = sentFor(middleware, full, entry.route.method);
        const route = {
          ...entry.route,
          path: full,
          openapiPath: toOpenApiPath(full),
          middleware: [...runsFor(middleware, full), ...entry.route.middleware],
          ...(sent.length ? { statuses: httpStatuses([...entry.route.statuses, ...sent]) } : {}),
        };
        out.push(route);
        this.mountedThrough.set(route, via);
      } else if (entry.kind === 'served') {
        const full = joinPaths(prefix, entry.route.path);
        // A package's statuses are not read; what it serves answers every method.
        const sent = entry.route.servedBy ? [] : sentFor(middleware, full, 'ALL');
        out.push({
          ...entry.route,
          path: full,
          openapiPath: full,
          middleware: [...runsFor(middleware, full), ...entry.route.middleware],
          ...(sent.length ? { statuses: httpStatuses([...entry.route.statuses, ...sent]) } : {}),
        });
      } else {
        const { mount } = entry;
        const scoped = mount.middleware.map((use) =>
          use.under === undefined ? use : { ...use, under: joinPaths(prefix, use.under) },
        );
        const through = mount.at ? [...via, mount.at] : via;
        this.flatten(mount.target, joinPaths(prefix, mount.prefix), [...middleware, ...scoped], inner, out, through);
      }
    }
  }

  private readCalls(ref: RouterRef, def: RouterDef): void {
    this.reading.push(ref);
    try {
      this.readCallsOf(ref, def);
    } finally {
      this.reading.pop();
    }
  }

  private readCallsOf(ref: RouterRef, def: RouterDef): void {
    const { ts } = this;
    const info = this.module(ref.file);
    const routerLevel: Scoped[] = [];
    def.trailing = routerLevel;
    // Registrations run in source order (router-level middleware applies to what follows), and a
    // chain `Router().use(a).use(b)` is visited outside-in: sort by where each method is written.
    const steps: Array<{ at: number; run: () => void }> = [];
    /**
     * What a function handed the app registers on it is mounted where the call is written; the
     * middleware it `use()`s there is the app's, so it runs for what the caller registers after the call too.
     */
    const mountCall = (at: TsNode, call: CallExpression, target: RouterRef) =>
      steps.push({
        at: at.getStart(),
        run: () => {
          def.entries.push({
            kind: 'mount',
            mount: { prefix: '', target, middleware: [...routerLevel], at: siteOf(call) },
          });
          routerLevel.push(...(this.router(target).trailing ?? []));
        },
      });
    const calls = info.source.getDescendantsOfKind(ts.SyntaxKind.CallExpression);
    // `function mountRoutes(prefix) { app.use(prefix, api) }`: read at each `mountRoutes('/api')`.
    const closures = new Map(
      calls.map((call) => [call, this.involves(call, ref.name) ? closureOf(ts, call, ref.name, calls) : undefined]),
    );
    for (const call of calls) {
      // Where the name is another function's parameter (`function setupDev(app) {…}` beside a module's
      // `app`), its calls there are that function's, read when the app is handed to it.
      if (parameterScope(ts, call, ref.name) !== ref.scope) continue;
      if (closures.get(call)?.getStart() !== ref.closure) continue;
      if (ref.local !== undefined && declaringFunction(ts, call, ref.name)?.getStart() !== ref.local) continue;
      if (
        ref.owner !== undefined &&
        call.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration)?.getStart() !== ref.owner
      )
        continue;
      // `(0, health_1.registerHealth)(app)`: how tsc calls an imported function.
      const callee = unwrap(ts, call.getExpression());
      // `registerAdminRoutes(app)`, `require('./routes')(app, passport)`: the routes that function
      // registers on its parameter are this app's.
      // `require('./loaders').default({ expressApp: app })`: the named export of a required module.
      const requiredExport =
        ts.Node.isPropertyAccessExpression(callee) && ts.Node.isCallExpression(callee.getExpression())
          ? callee.getName()
          : 'default';
      const loader = ts.Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
      const required = ts.Node.isCallExpression(loader) ? requiredFile(ts, this.imports, ref.file, loader) : undefined;
      if (required) {
        const exported = this.exportOf(required, requiredExport);
        const target = exported && this.registrar(ref, exported.local, call, exported.file);
        if (target) mountCall(callee, call, target);
        continue;
      }
      // `require(`./routes/${file}`)(app)` in a loop over a folder: modules docgen cannot name.
      const computed = this.hands(call, ref.name) ? computedRequire(ts, call, ref.name) : undefined;
      if (computed) {
        this.warnings.push(computed);
        continue;
      }
      // `require('./routes/missing')(app)`, `registerRoutes(app)` imported from a file that is not there.
      if (this.hands(call, ref.name) && (ts.Node.isCallExpression(loader) || ts.Node.isIdentifier(callee)))
        this.warnUnreadModule(loader);
      const closure = ts.Node.isIdentifier(callee) ? calledClosure(ts, callee, closures) : undefined;
      // A closure calling itself registers nothing new where it is already being read.
      if (closure && onTheWay(ref.handed, closure)) continue;
      if (closure) {
        const target: RouterRef = {
          ...ref,
          closure: closure.getStart(),
          handed: { call, fn: closure, outer: ref.handed },
        };
        mountCall(callee, call, target);
        continue;
      }
      if (ts.Node.isIdentifier(callee)) {
        const target = this.registrar(ref, callee.getText(), call);
        if (target) mountCall(callee, call, target);
        continue;
      }
      if (!ts.Node.isPropertyAccessExpression(callee)) continue;
      // `health_1.registerHealth(app)` (tsc's `registerHealth(app)`), `routes.register(app)`: a function
      // a module of the project bound whole exports.
      const whole = this.handedToModule(ref, call, callee);
      if (whole) {
        mountCall(callee, call, whole);
        continue;
      }
      // `emitter.emitInit('routes.before', { app })`: the app handed to a method of a value of the
      // project's, which may register routes docgen does not follow.
      if (
        this.hands(call, ref.name) &&
        routerNameOf(ts, callee.getExpression()) !== ref.name &&
        this.isProjectValue(callee.getExpression())
      )
        this.warnings.push({
          code: 'DG_ROUTES_PLUGIN_UNREAD',
          severity: 'warning',
          message: `${shortText(call)} hands ${ref.name} to a method docgen does not follow: the routes it may register are not read`,
          location: { file: ref.file, line: call.getStartLineNumber() },
          hint: 'register the routes where the app is (app.use(router)), or in a function the app is handed to (registerRoutes(app))',
        });
      const method = callee.getName();
      const at = callee.getNameNode().getStart();
      // `router.get('/x', …)`, `router.use(…)`, `Router().use(…)` on this router.
      if ((METHODS.has(method) || method === 'use') && routerNameOf(ts, callee.getExpression()) === ref.name) {
        const args = call.getArguments();
        // `app.get(['/about', '/about-us'], …)`: one route per path, as Express serves each.
        const paths = METHODS.has(method) && args.length >= 2 ? this.literals(args[0]!) : undefined;
        if (paths) {
          steps.push({
            at,
            run: () => {
              for (const path of paths)
                def.entries.push({ kind: 'route', route: this.route(call, method, path, args.slice(1), routerLevel) });
            },
          });
        } else if (METHODS.has(method) && args.length >= 2) {
          this.warnComputedPath(ref.file, call, args[0]!);
        } else if (method === 'use') {
          steps.push({ at, run: () => this.use(ref, call, def, routerLevel) });
        }
        continue;
      }
      // `router.route('/x').get(…).post(…)`: the outermost call of the chain reads it all.
      if (METHODS.has(method) && !isInnerChainCall(ts, call)) {
        const chain = routeChain(ts, call, (node) => this.literal(node));
        if (chain && chain.router === ref.name)
          steps.push({
            at: chain.at,
            run: () => {
              for (const link of chain.links)
                def.entries.push({
                  kind: 'route',
                  route: this.route(link.call, link.method, chain.path, link.call.getArguments(), routerLevel),
                });
            },
          });
      }
    }
    for (const step of steps.sort((a, b) => a.at - b.at)) step.run();
  }

  /**
   * Where a call of a function a module of the project exports, on the module bound whole
   * (`const health_1 = require('./health')`, `import * as health`), hands the router on: the
   * parameter the function registers on.
   */
  private handedToModule(
    ref: RouterRef,
    call: CallExpression,
    callee: PropertyAccessExpression,
  ): RouterRef | undefined {
    const { ts } = this;
    const object = unwrap(ts, callee.getExpression());
    if (!ts.Node.isIdentifier(object) || !this.hands(call, ref.name)) return undefined;
    const init = this.names.bindingOf(object)?.value;
    const file = (init && requiredFile(ts, this.imports, ref.file, init)) ?? this.names.namespaceFile(object);
    const exported = file ? this.exportOf(file, callee.getName()) : undefined;
    return exported && this.registrar(ref, exported.local, call, exported.file);
  }

  /** Whether a call is on the router (`app.use(…)`, `app.route('/x').get(…)`) or hands it on. */
  private involves(call: CallExpression, name: string): boolean {
    const callee = unwrap(this.ts, call.getExpression());
    if (this.ts.Node.isPropertyAccessExpression(callee) && routerNameOf(this.ts, callee.getExpression()) === name)
      return true;
    const chain = METHODS.has(methodOf(this.ts, call) ?? '')
      ? routeChain(this.ts, call, (node) => this.literal(node))
      : undefined;
    return chain?.router === name || this.hands(call, name);
  }

  /** Whether a call hands the router on (`registerAdmin(app)`, `loader({ app })`). */
  private hands(call: CallExpression, name: string): boolean {
    return call.getArguments().some((arg) => handedKey(this.ts, arg, name) !== undefined);
  }

  /**
   * Where a mount or a registrar loads a module of the project that has no file
   * (`app.use('/users', require('./routes/users'))`, `require('./routes')(app)`, or a name required or
   * imported from it): its routes cannot be read, so the run says so at the require or import (once).
   * True when it did.
   */
  private warnUnreadModule(node: TsNode): boolean {
    const found = this.unreadModule(node);
    if (!found) return false;
    const file = found.at.getSourceFile().getFilePath();
    const line = found.at.getStartLineNumber();
    const key = `${file}:${line}:${found.specifier}`;
    if (this.warnedModules.has(key)) return true;
    this.warnedModules.add(key);
    this.warnings.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message: `${found.shown}: no file of the project is found for '${found.specifier}', its routes are not read`,
      location: { file, line },
      hint: 'check the path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files), and that the file is in the checkout',
    });
    return true;
  }

  /** The require or import of a module of the project with no file that a mount argument or callee loads its value from. */
  private unreadModule(node: TsNode): { specifier: string; at: TsNode; shown: string } | undefined {
    const { ts } = this;
    let value = unwrap(ts, node);
    // `usersRouter()` (a factory), `require('./x').router`, `require('./x').default`: where the value comes from.
    if (
      ts.Node.isCallExpression(value) &&
      ts.Node.isIdentifier(value.getExpression()) &&
      this.names.loadedSpecifier(value) === undefined
    )
      value = value.getExpression();
    while (ts.Node.isPropertyAccessExpression(value)) value = unwrap(ts, value.getExpression());
    let specifier: string | undefined;
    let at: TsNode | undefined;
    if (ts.Node.isIdentifier(value)) {
      const source = value.getSourceFile();
      specifier = this.names.packageOf(value);
      const binding = this.names.bindingOf(value);
      at =
        binding?.value ??
        binding?.destructured?.from ??
        source.getImportDeclarations().find((declaration) => declaration.getModuleSpecifierValue() === specifier);
      if (specifier === undefined && binding?.destructured) {
        at = binding.destructured.from;
        specifier = this.names.loadedSpecifier(unwrap(ts, at));
      }
    } else {
      specifier = this.names.loadedSpecifier(value);
      at = value;
    }
    const from = node.getSourceFile().getFilePath();
    if (
      specifier === undefined ||
      !at ||
      !this.names.isProjects(from, specifier) ||
      this.names.resolve(from, specifier)
    )
      return undefined;
    return { specifier, at, shown: ts.Node.isIdentifier(value) ? value.getText() : shortText(value) };
  }

  /**
   * Whether a value is the project's: imported or required from a module of the project (`emitter`
   * from `./emitter`), or made by a function or class of it (`const hooks = createHooks()`); not a
   * package's (`passport`, `new ApolloServer()`) nor a global (`console`).
   */
  private isProjectValue(node: TsNode, depth = 0): boolean {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (depth > 8) return false;
    if (ts.Node.isNewExpression(value) || ts.Node.isCallExpression(value) || ts.Node.isPropertyAccessExpression(value))
      return this.names.loaded(value) !== undefined || this.isProjectValue(value.getExpression(), depth + 1);
    if (!ts.Node.isIdentifier(value)) return false;
    const specifier = this.names.packageOf(value);
    if (specifier !== undefined) return this.names.isProjects(value.getSourceFile().getFilePath(), specifier);
    const held = this.names.bindingOf(value)?.value;
    return (
      !!held &&
      (ts.Node.isCallExpression(held) || ts.Node.isNewExpression(held)) &&
      this.isProjectValue(held, depth + 1)
    );
  }

  /** Apps kept in a class member (`this.app = express()`) by the modules an entry imports. */
  importedClassApps(entry: string): RouterRef[] {
    const files = [...new Set([...this.module(entry).imports.values()].map((target) => target.file))];
    return files.flatMap((file) =>
      [...this.module(file).declared]
        .filter(([name, kind]) => kind === 'app' && name.startsWith('this.'))
        .map(([name]) => ({ file, name })),
    );
  }

  /** The apps an entry starts that are made elsewhere: `const app = require('./app'); app.listen(3000)`. */
  listenedApps(entry: string): RouterRef[] {
    const { ts } = this;
    const starts: RouterRef[] = [];
    for (const call of this.module(entry).source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen') continue;
      const target = callee.getExpression();
      // `const app = createApp(toolsRouter, usersRouter); app.listen(3000)`: an app a function of the project makes.
      const ref = ts.Node.isIdentifier(target)
        ? (this.resolve(entry, target.getText()) ?? this.heldFactoryRouter(entry, target))
        : undefined;
      if (ref && !starts.some((start) => start.file === ref.file && start.name === ref.name)) starts.push(ref);
    }
    return starts;
  }

  /** The paths a path argument states: a path, or a list of them (`['/about', '/about-us']`); undefined if any is computed. */
  private literals(node: TsNode): string[] | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (!ts.Node.isArrayLiteralExpression(value)) {
      const path = this.literal(node);
      return path === undefined ? undefined : [path];
    }
    const paths = value.getElements().map((element) => this.literal(element));
    return paths.length && paths.every((path) => path !== undefined) ? (paths as string[]) : undefined;
  }

  private use(ref: RouterRef, call: CallExpression, def: RouterDef, routerLevel: Scoped[]): void {
    const [first, ...others] = call.getArguments();
    // `app.use(['/v1', '/latest'], api)`: mounted at each path, as Express does.
    const listed =
      first && this.ts.Node.isArrayLiteralExpression(unwrap(this.ts, first)) ? this.literals(first) : undefined;
    if (listed && others.length) {
      for (const path of listed) this.useAt(ref, call, def, routerLevel, path, others);
      return;
    }
    const args = flattened(this.ts, call.getArguments());
    const stated = this.literal(args[0]);
    const hasPath = stated !== undefined;
    if (
      !hasPath &&
      args.length >= 2 &&
      (isComputedPath(this.ts, args[0]!) || isLoopValue(this.ts, args[0]!) || this.isHandedPath(args[0]!))
    ) {
      // `routes.forEach(({ path, router }) => app.use(path, router))` over a literal `const` table:
      // each element is read as the mount it makes.
      const mounts = this.tableMounts(ref, call) ?? this.handedMounts(call);
      if (mounts) {
        for (const mount of mounts)
          def.entries.push({
            kind: 'mount',
            mount: { ...mount, middleware: [...routerLevel, ...mount.middleware.map((name) => ({ name }))] },
          });
        return;
      }
      this.warnings.push({
        code: 'DG_ROUTES_COMPUTED_MOUNT',
        severity: 'warning',
        message: `use(${shortText(args[0]!)}, …) mounts at a path computed at run time: the routes it mounts are not read`,
        location: { file: ref.file, line: call.getStartLineNumber() },
        hint: "mount with a literal path (app.use('/users', usersRouter)), or loop over a literal `const` table of { path: '/x', router } objects, so docgen can follow it",
      });
      return; // its routers are not shown at a path they are not served at
    }
    this.useAt(ref, call, def, routerLevel, stated, hasPath ? args.slice(1) : args);
  }

  /** A `use()` at a path (or none: `undefined`) of its handlers: mounts, middleware, and what answers there. */
  private useAt(
    ref: RouterRef,
    call: CallExpression,
    def: RouterDef,
    routerLevel: Scoped[],
    stated: string | undefined,
    handlers: TsNode[],
  ): void {
    const hasPath = stated !== undefined;
    const prefix = stated ?? '';
    const rest = flattened(this.ts, handlers);
    const middleware: string[] = [];
    // The same, with what each sends before the routes after it run.
    const scopedHere: Scoped[] = [];
    let mounted = false;
    const handler = rest[rest.length - 1];
    // `app.use('/admin/*', sendHtml)`: a function of the project that answers every path under the mount (a row, below).
    const answering = hasPath && handler ? this.answeringFunction(handler) : undefined;
    for (const arg of rest) {
      if (answering && arg === handler) continue;
      const controllers = this.awilixControllers.routesOf(arg);
      if (controllers) {
        for (const each of controllers)
          def.entries.push({ kind: 'route', route: this.controllerRoute(each, prefix, routerLevel, middleware) });
        mounted = true;
        continue;
      }
      const targets = this.mountTargets(ref.file, arg);
      const target = targets[0];
      // A name from a file that is not there may be a router or middleware: warned about, and shown as written.
      const unread = !target && this.warnUnreadModule(arg);
      for (const each of targets)
        def.entries.push({
          kind: 'mount',
          mount: {
            prefix,
            target: each,
            middleware: [...routerLevel, ...scopedHere],
            at: siteOf(call),
          },
        });
      if (!target && this.isShownMiddleware(arg)) {
        const sent = this.middlewareSends(arg, isPlainMiddleware);
        const unsafe = unsafeMethodStatuses(this.ts, this.names, arg);
        const use: Scoped = {
          name: this.middlewareName(arg),
          ...(sent.length ? { statuses: sent } : {}),
          ...(unsafe.length ? { unsafeStatuses: unsafe } : {}),
        };
        if (prefix) {
          middleware.push(use.name);
          scopedHere.push(use);
        } else routerLevel.push({ ...use, at: siteOf(call) });
      }
      mounted ||= target !== undefined || unread;
    }
    const pkg =
      hasPath && !mounted && handler && !answering && !this.names.isBodyParser(handler)
        ? this.names.packageServing(handler)
        : undefined;
    if (pkg)
      def.entries.push({
        kind: 'served',
        route: packageMountRoute(call, prefix, handler!, pkg, [
          ...runsFor(routerLevel, joinPaths(prefix, '/*')),
          ...rest.slice(0, -1).map((arg) => shortText(arg)),
        ]),
      });
    else if (!mounted && answering)
      def.entries.push({
        kind: 'served',
        route: functionMountRoute(
          this.ts,
          call,
          prefix,
          handler!,
          answering,
          httpStatuses([
            ...expressStatusesIn(this.ts, answering, this.names.errorClassStatus),
            ...implicitStatusesIn(this.ts, answering, responseParameter(this.ts, answering, 1), EXPRESS_RESPONSE),
            // What the middleware before it sends (`app.use('/api', requireAuth)`), as for a route.
            ...sentFor([...routerLevel, ...scopedHere], joinPaths(prefix, '/*')),
          ]),
          [...runsFor(routerLevel, joinPaths(prefix, '/*')), ...middleware],
        ),
      });
    else if (!mounted && handler && handedList(this.ts, handler)) {
      const { owner, list } = handedList(this.ts, handler)!;
      this.warnings.push({
        code: 'DG_ROUTES_PLUGIN_UNREAD',
        severity: 'warning',
        message: `use(${shortText(call.getArguments()[0]!)}, ${shortText(handler)}) mounts the routers of the list ${owner} is handed (${list}), which docgen cannot follow to routers: their routes are not read`,
        location: { file: ref.file, line: call.getStartLineNumber() },
        hint: `hand ${owner} a literal list (or a \`const\` one) of instances of the project's route classes (new ${owner}([new UsersRoute()])), each keeping its router in a member (public router = Router())`,
      });
    } else if (!mounted && hasPath && handler && this.unfollowedMount(handler)) {
      const what = this.unfollowedMount(handler)!;
      this.warnings.push({
        code: 'DG_ROUTES_PLUGIN_UNREAD',
        severity: 'warning',
        message: `use(${shortText(call.getArguments()[0]!)}, ${shortText(handler)}) mounts ${what}, which docgen cannot follow to a router: the routes it serves under ${joinPaths(prefix, '/')} are not read`,
        location: { file: ref.file, line: call.getStartLineNumber() },
        hint: "mount a router docgen can follow: export it (or the function of the project that builds and returns it) from a module of the project and import it by a literal path (app.use('/api', makeRouter(deps)) with import { makeRouter } from './routes'); else list those routes in the service's OpenAPI spec",
      });
    } else if (!mounted && handler && (this.isUnreadMember(handler) || this.isUnreadHandedMember(handler)))
      this.warnings.push({
        code: 'DG_ROUTES_PLUGIN_UNREAD',
        severity: 'warning',
        message: `use(${hasPath ? `${shortText(call.getArguments()[0]!)}, …, ` : ''}${shortText(handler)}) mounts a value of the project docgen cannot follow to a router or a function: the routes it may serve are not read`,
        location: { file: ref.file, line: call.getStartLineNumber() },
        hint: "mount a router by a name docgen can follow (app.use('/users', usersRouter)), or one a class or module of the project holds (new UsersRouting().router, routes.router)",
      });
    // `app.use('/api', rateLimit(…))` runs before what is registered after it under `/api` too.
    routerLevel.push(...scopedHere.map((use) => ({ ...use, under: prefix })));
  }

  /**
   * What a `use()` at a path ends with when it is a value docgen cannot follow, though it may be a
   * router: a module required by a computed specifier (`require(process.env.ROUTES)(deps)`), a call
   * of a function only known at run time (a parameter no call hands a function docgen reads, a `let`,
   * the result of another call: `factory(deps)`), an element of a map (`routers[name]`), or a call of
   * a method of a value of the project docgen does not follow (`registry.lookup('users')`). Said as
   * the page would say it; undefined for anything else (a package's handler, middleware, a global).
   */
  private unfollowedMount(handler: TsNode, depth = 0): string | undefined {
    const { ts } = this;
    const value = unwrap(ts, handler);
    if (depth > 4) return undefined;
    if (ts.Node.isElementAccessExpression(value))
      return `an element of ${shortText(value.getExpression())} chosen at run time`;
    if (ts.Node.isPropertyAccessExpression(value)) {
      const owner = this.unfollowedMount(value.getExpression(), depth + 1);
      return owner && `a member of ${owner}`;
    }
    if (!ts.Node.isCallExpression(value)) return undefined;
    const callee = unwrap(ts, value.getExpression());
    const [specifier] = value.getArguments();
    if ((callee.getText() === 'require' || callee.getKind() === ts.SyntaxKind.ImportKeyword) && specifier)
      return isPathLiteral(ts, specifier)
        ? undefined
        : `a module loaded from a path computed at run time (${shortText(specifier)})`;
    if (ts.Node.isCallExpression(callee) || ts.Node.isElementAccessExpression(callee)) {
      const loaded = this.unfollowedMount(callee, depth + 1);
      return loaded && `what ${loaded} returns`;
    }
    // A function of the project that returns such a value (`return routers[name]`), where it returns nothing docgen follows.
    const fn = this.names.functionOf(callee);
    if (fn) {
      const returned = returnedBy(ts, fn).map((each) => this.unfollowedMount(each, depth + 1));
      return returned.length && returned.every((each) => each !== undefined)
        ? `what ${shortText(callee)}(…) returns (${returned[0]})`
        : undefined;
    }
    if (ts.Node.isPropertyAccessExpression(callee))
      return this.isProjectValue(callee.getExpression()) ? `what ${shortText(callee)}(…) returns` : undefined;
    if (!ts.Node.isIdentifier(callee)) return undefined;
    if (this.names.packageOf(callee) !== undefined) return undefined;
    const binding = this.names.bindingOf(callee);
    const declaration = binding?.declaration;
    if (!declaration) return undefined; // a global, or a name imported from a module docgen warns about elsewhere
    if (ts.Node.isParameterDeclaration(declaration))
      return `what ${callee.getText()}(…) returns, a function handed in as a parameter`;
    if (!isConst(ts, declaration) || (binding.value && !isFunctionLike(ts, binding.value)))
      return `what ${callee.getText()}(…) returns, a function only known at run time`;
    return undefined;
  }

  /**
   * The function a `use()` at a path ends with when it answers the request itself: written there
   * (`(req, res) => …`) or a function of the project by name (`sendHtml`) or property access
   * (`ctrl.handle`, `handlers.proxy`); not middleware that calls `next`.
   */
  private answeringFunction(handler: TsNode): TsNode | undefined {
    const fn = this.names.functionOf(handler);
    return fn && answersItself(this.ts, fn, 2) ? fn : undefined;
  }

  /**
   * A mount's last argument that is a member of a value of the project (`container.router`,
   * `app.locals.routes`) and neither a router nor a function docgen follows: it may mount routes.
   */
  private isUnreadMember(handler: TsNode): boolean {
    const { ts } = this;
    const value = unwrap(ts, handler);
    return (
      ts.Node.isPropertyAccessExpression(value) &&
      !thisMember(ts, value) &&
      this.names.functionOf(value) === undefined &&
      this.isProjectValue(value.getExpression())
    );
  }

  /**
   * Whether `use()` middleware is shown on the routes it runs for: a name (`requireAuth`) or a call
   * (`helmet()`, `cors({ origin })`), as NestJS and Hono show them; not body parsers
   * (`express.json()`, `bodyParser.urlencoded(…)`: on every row they say nothing) nor
   * `express.static(…)` (files, not a step before the routes), nor `require('./x')`.
   */
  private isShownMiddleware(arg: TsNode): boolean {
    const { ts } = this;
    if (ts.Node.isIdentifier(arg)) return !this.names.isParserOrFiles(arg);
    if (!ts.Node.isCallExpression(arg) || arg.getExpression().getText() === 'require') return false;
    return !this.names.isParserOrFiles(arg);
  }

  /**
   * The middleware a `use()` argument is, as written where it is chosen: for a parameter of the
   * function the router was handed to (`app.use('/api', guard, users)` in `mountRoutes(app, requireAuth)`),
   * what the call gives (`requireAuth`), else the argument as written.
   */
  private middlewareName(arg: TsNode): string {
    const value = this.ts.Node.isIdentifier(arg) ? this.handedValue(arg) : undefined;
    return shortText(value ?? arg);
  }

  /** The routers a mount argument stands for: the one it names, or each a loop over instances handed to a class mounts. */
  private mountTargets(file: string, arg: TsNode): RouterRef[] {
    const target = this.mountTarget(file, arg);
    return target ? [target] : (this.handedRouters(arg) ?? []);
  }

  /**
   * The routers a loop mounts over a list a class is handed (`new App([new UsersRoute(), new
   * AuthRoute()])` with `routes.forEach((route) => this.app.use('/', route.router))`, in the constructor
   * or a method it hands the list on to): typescript-express-starter's `class App`. Each element is
   * an instance of a class of the project (`new UsersRoute()`, tsyringe's `container.resolve(UsersRoute)`)
   * that keeps a router in the member read; undefined when any is not, or no call of the class is found.
   */
  private handedRouters(arg: TsNode): RouterRef[] | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    const loop = loopOver(ts, value);
    const key = loop?.key(value);
    if (!loop || !key) return undefined;
    const elements = this.handedElements(loop.at);
    const routers = elements?.map((element) => this.keptRouter(element, key));
    return routers?.length && routers.every((router) => router !== undefined) ? (routers as RouterRef[]) : undefined;
  }

  /**
   * The elements of the lists a method's or constructor's parameter is given (`givenValues`): an
   * array literal, or a `const` one (`const routes = [...]; new App(routes)`).
   */
  private handedElements(parameter: TsNode): TsNode[] | undefined {
    const { ts } = this;
    const elements: TsNode[] = [];
    for (const list of this.givenValues(parameter) ?? []) {
      const held = ts.Node.isIdentifier(list) ? this.names.bindingOf(list)?.declaration : undefined;
      const found = ts.Node.isArrayLiteralExpression(list)
        ? list.getElements()
        : held && ts.Node.isVariableDeclaration(held)
          ? constArray(ts, held)
          : undefined;
      if (!found) return undefined;
      elements.push(...found);
    }
    return elements.length ? elements : undefined;
  }

  /**
   * What a class's constructor or method parameter is given, at every call: where the class is made
   * (`new App([…])`, in any module read) or where its own code calls the method
   * (`this.initializeRoutes(routes, apiPrefix)`, followed to what the constructor is given; a key of an
   * options object, `appInit.controllers` with `new App({ controllers: [...] })`), and its default where
   * a call leaves it out (`apiPrefix = '/api/v1'`); undefined when it is no such parameter
   * (`classParameter`), no call is found, or one gives nothing.
   */
  private givenValues(parameter: TsNode, depth = 0): TsNode[] | undefined {
    const { ts } = this;
    const found = depth > 4 ? undefined : classParameter(ts, parameter);
    if (!found) return undefined;
    const { fn, cls, index } = found;
    const fallback = fn.getParameters()[index]!.getInitializer();
    const calls = ts.Node.isConstructorDeclaration(fn)
      ? this.project
          .getSourceFiles()
          .flatMap((source) => source.getDescendantsOfKind(ts.SyntaxKind.NewExpression))
          .filter((made) => this.classOf(made) === cls)
      : cls.getDescendantsOfKind(ts.SyntaxKind.CallExpression).filter((call) => {
          const member = thisMember(ts, call.getExpression());
          return member?.cls === cls && member.name === fn.getName();
        });
    const values: TsNode[] = [];
    for (const call of calls) {
      const given = call.getArguments()[index];
      const value = given ? unwrap(ts, given) : fallback;
      if (!value) return undefined;
      // `this.initializeRoutes(routes)` in the constructor: what the constructor is given.
      const key = ts.Node.isPropertyAccessExpression(value) ? value.getName() : undefined;
      const passedOn = classParameter(ts, value)
        ? this.givenValues(value, depth + 1)
        : key !== undefined && classParameter(ts, (value as PropertyAccessExpression).getExpression())
          ? this.givenValues((value as PropertyAccessExpression).getExpression(), depth + 1)?.map((options) =>
              ts.Node.isObjectLiteralExpression(options) ? property(ts, options, key) : undefined,
            )
          : [value];
      if (!passedOn || passedOn.some((each) => each === undefined)) return undefined;
      values.push(...(passedOn as TsNode[]).map((each) => unwrap(ts, each)));
    }
    return calls.length ? values : undefined;
  }

  /** The one value every call gives a class's parameter (`apiPrefix = '/api/v1'`), for a path it is mounted at. */
  private givenValue(parameter: TsNode): TsNode | undefined {
    const values = this.givenValues(parameter);
    const texts = new Set(values?.map((value) => this.literal(value)));
    return values?.length && texts.size === 1 && !texts.has(undefined) ? values[0] : undefined;
  }

  /** The class of the project an instance is made of: `new UsersRoute()`, tsyringe's `container.resolve(UsersRoute)`. */
  private classOf(instance: TsNode): ClassDeclaration | undefined {
    const { ts } = this;
    const made = madeClass(ts, instance);
    // `this.users.router` with `this.users = new UsersRoutes()`: an instance another class keeps.
    const value = unwrap(ts, instance);
    if (!made && ts.Node.isPropertyAccessExpression(value)) return this.names.instanceClassOf(value);
    const name = made && unwrap(ts, made);
    const cls = name && ts.Node.isIdentifier(name) ? this.names.follow(name)?.value : undefined;
    return cls && ts.Node.isClassDeclaration(cls) ? cls : undefined;
  }

  /** The router an instance of a class of the project keeps in member `key` (`this.router = Router()`). */
  private keptRouter(instance: TsNode, key: string): RouterRef | undefined {
    const cls = this.classOf(instance);
    return cls && this.classRouter(cls, key);
  }

  /**
   * The router a class of the project keeps in member `key`, where its methods register on `this.key`,
   * or one a method of its builds and returns (`this.router = this.buildRouter()`).
   */
  private classRouter(cls: ClassDeclaration, key: string, depth = 0): RouterRef | undefined {
    const file = cls.getSourceFile().getFilePath();
    const name = `this.${key}`;
    if (this.module(file).declared.has(name)) return { file, name, owner: cls.getStart() };
    const kept = depth < 4 ? keptIn(this.ts, cls, key) : undefined;
    return kept && this.methodRouter(kept, depth + 1);
  }

  /**
   * The router a method of a class of the project returns (`new UserController().getRouter()`,
   * `users.getRouter()` with `const users = new UserController()`, `this.getRouter()` in the class):
   * the one it keeps in a member (`return this.router`), or one it builds (`const router = Router(); …;
   * return router`).
   */
  private methodRouter(arg: TsNode, depth = 0): RouterRef | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    // `AppRoutes.routes`, `new Routes().routes`: a getter, read as a method called.
    const getter = ts.Node.isPropertyAccessExpression(value);
    const callee = getter ? value : ts.Node.isCallExpression(value) ? unwrap(ts, value.getExpression()) : undefined;
    if (!callee || !ts.Node.isPropertyAccessExpression(callee)) return undefined;
    let object = unwrap(ts, callee.getExpression());
    if (ts.Node.isIdentifier(object)) {
      const held = this.names.follow(object)?.value;
      if (held) object = unwrap(ts, held);
    }
    // `AppRoutes.routes` with `static get routes()`: the class itself.
    const isClass = ts.Node.isClassDeclaration(object);
    const cls: ClassDeclaration | undefined = isClass
      ? (object as ClassDeclaration)
      : object.getKind() === ts.SyntaxKind.ThisKeyword
        ? object.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration)
        : this.classOf(object);
    const name = callee.getName();
    const method = getter
      ? cls?.getGetAccessor((accessor) => accessor.getName() === name && accessor.isStatic() === isClass)
      : cls?.getInstanceMethod(name);
    if (!cls || !method) return undefined;
    const at = cls.getSourceFile().getFilePath();
    for (const returned of returnedBy(ts, method)) {
      const member = thisMember(ts, returned);
      const kept = member && this.classRouter(cls, member.name, depth);
      if (kept) return kept;
      const built = ts.Node.isIdentifier(returned) ? this.resolve(at, returned.getText()) : undefined;
      if (built && built.file === at) return built;
    }
    return undefined;
  }

  /** The router a mount argument names: `usersRouter`, `require('./users')`, `usersRouter()`. */
  private mountTarget(file: string, arg: TsNode): RouterRef | undefined {
    const { ts } = this;
    const factory =
      ts.Node.isCallExpression(arg) && ts.Node.isIdentifier(arg.getExpression())
        ? arg.getExpression().getText()
        : undefined;
    const required = requiredFile(ts, this.imports, file, arg);
    // `this.app.use('/admin', this.admin)`: a router the class keeps in another member.
    const member = thisMember(ts, arg);
    if (member) return this.resolve(file, `this.${member.name}`) ?? this.handedMember(member.cls, member.name);
    const instance =
      this.instanceRouter(arg) ??
      this.moduleMemberRouter(file, arg) ??
      this.methodRouter(arg) ??
      this.methodFactoryRouter(arg);
    if (instance) return instance;
    const handed = this.handedRouter(arg);
    if (handed) return handed;
    const injected = this.injectedRouter(arg);
    if (injected) return injected;
    // `app.use('/api', require('./api')(deps))`: the router the required module's default function builds.
    const loader = ts.Node.isCallExpression(arg)
      ? requiredFile(ts, this.imports, file, arg.getExpression())
      : undefined;
    const loaded = loader && this.exportOf(loader, 'default');
    if (loaded) return this.resolveFactory(loaded.file, loaded.local, arg as CallExpression);
    return ts.Node.isIdentifier(arg)
      ? (this.resolve(file, arg.getText()) ?? this.heldMethodRouter(arg) ?? this.heldFactoryRouter(file, arg))
      : required
        ? this.resolveExport(required, 'default')
        : factory
          ? this.resolveFactory(file, factory, arg as CallExpression)
          : undefined;
  }

  /** A route of an awilix-express controller mounted at `prefix`, after the middleware the router and the `use()` run. */
  private controllerRoute(
    route: ControllerRoute,
    prefix: string,
    routerLevel: Scoped[],
    middleware: string[],
  ): Omit<Route, 'openapiPath'> {
    const path = joinPaths(prefix, route.path);
    return {
      method: route.method,
      path,
      middleware: [...runsFor(routerLevel, path), ...middleware, ...route.middleware],
      ...(route.handler ? this.statusesOf(route.handler) : { statuses: [] }),
      summary: commentBefore(route.at) ?? (route.handler ? declarationComment(this.ts, route.handler) : undefined),
      file: route.at.getSourceFile().getFilePath(),
      line: route.at.getStartLineNumber(),
    };
  }

  /**
   * The router awilix hands a class or function it builds: `this.express.use(router)` in
   * `constructor({ router })` with `router: asFunction(makeRouter)` registered: the router the
   * factory builds and returns, as `app.use(makeRouter())` would mount it.
   */
  private injectedRouter(arg: TsNode): RouterRef | undefined {
    const factory = this.names.awilixFactory(arg);
    if (!factory) return undefined;
    const file = factory.getSourceFile().getFilePath();
    const named = this.ts.Node.isFunctionDeclaration(factory)
      ? factory.getName()
      : factory.getParentIfKind(this.ts.SyntaxKind.VariableDeclaration)?.getName();
    const byName = named ? this.resolveFactory(file, named) : undefined;
    if (byName) return byName;
    // `module.exports = ({ config }) => { const router = Router(); …; return router; }`: the module's default.
    const exported = this.exportOf(file, 'default');
    return exported && this.resolveFactory(file, exported.local);
  }

  /**
   * The router a parameter of the function the router being read was handed to stands for:
   * `app.use('/api/tools', toolsRouter)` in `mountRoutes(app, toolsRouter, usersRouter)`, the router
   * the call gives there (`mountRoutes(app, toolsRouter, usersRouter)` with `toolsRouter` imported
   * in the caller's module), or handed on from its own caller. Read at each call, so a function called
   * with different routers mounts each where that call's routers are.
   */
  private handedRouter(arg: TsNode): RouterRef | undefined {
    const { ts } = this;
    if (!ts.Node.isIdentifier(arg) && !ts.Node.isPropertyAccessExpression(arg)) return undefined;
    const value = this.handedValue(arg);
    return value && this.mountTarget(value.getSourceFile().getFilePath(), unwrap(ts, value));
  }

  /**
   * The router a class keeps in member `key` that its constructor is handed (`this.routes = routes`
   * with `const { routes } = options`, `this.routes = options.routes`, or a parameter property): the
   * router given where the class is made (`new Server({ port, routes: AppRoutes.routes })`), when every
   * call gives the same one.
   */
  private handedMember(cls: ClassDeclaration, key: string): RouterRef | undefined {
    const { ts } = this;
    const kept = keptIn(ts, cls, key);

    const value = kept ? unwrap(ts, kept) : undefined;
    let given: TsNode[] | undefined;
    if (!value) {
      const parameter = this.parameterProperty(cls, key);
      given = parameter && this.givenValues(parameter);
    } else if (classParameter(ts, value)) given = this.givenValues(value);
    else {
      // `options.routes`, or `routes` destructured from `options`: that key of the object each call gives.
      const access = ts.Node.isPropertyAccessExpression(value) ? value : undefined;
      const binding = ts.Node.isIdentifier(value) ? this.names.bindingOf(value) : undefined;
      const from = access?.getExpression() ?? binding?.destructured?.from;
      const property = access?.getName() ?? binding?.destructured?.key;
      const objects = from && property && classParameter(ts, from) ? this.givenValues(from) : undefined;
      given = objects
        ?.map((object) =>
          ts.Node.isObjectLiteralExpression(object) ? this.propertyValue(object, property!) : undefined,
        )
        .filter((each): each is TsNode => each !== undefined);
      if (given && objects && given.length !== objects.length) given = undefined;
    }
    const routers = given?.map((each) => this.mountTarget(each.getSourceFile().getFilePath(), each));
    const first = routers?.[0];
    return first && routers!.every((router) => router && refKey(this.ts, router) === refKey(this.ts, first))
      ? first
      : undefined;
  }

  /**
   * A mount's last argument that is a member its class's constructor is handed (`this.app.use(this.routes)`
   * with `this.routes = options.routes`) and that `handedMember` cannot follow to one router: it may mount routes.
   */
  private isUnreadHandedMember(handler: TsNode): boolean {
    const { ts } = this;
    const member = thisMember(ts, unwrap(ts, handler));
    if (!member || this.names.functionOf(handler) !== undefined) return false;
    const kept = keptIn(ts, member.cls, member.name);
    const value = kept && unwrap(ts, kept);
    if (!value) return this.parameterProperty(member.cls, member.name) !== undefined;
    const from = ts.Node.isPropertyAccessExpression(value)
      ? value.getExpression()
      : ts.Node.isIdentifier(value)
        ? (this.names.bindingOf(value)?.destructured?.from ?? value)
        : undefined;
    return !!from && classParameter(ts, from) !== undefined;
  }

  /** A constructor's parameter property named `key` (`constructor(private routes: Router)`), as `givenValues` reads one. */
  private parameterProperty(cls: ClassDeclaration, key: string): TsNode | undefined {
    return cls
      .getConstructors()
      .flatMap((constructor) => constructor.getParameters())
      .find((parameter) => parameter.isParameterProperty() && parameter.getName() === key)
      ?.getNameNode();
  }

  /** What an object literal gives under `key`: a property's value, or a shorthand's name. */
  private propertyValue(object: TsNode, key: string): TsNode | undefined {
    const { ts } = this;
    if (!ts.Node.isObjectLiteralExpression(object)) return undefined;
    const found = object.getProperty(key);
    if (found && ts.Node.isPropertyAssignment(found)) return found.getInitializer();
    if (found && ts.Node.isShorthandPropertyAssignment(found)) return found.getNameNode();
    return undefined;
  }

  /** `const router = this.getRouter(); app.use('/x', router)`: the router the method a `const` holds the result of returns. */
  private heldMethodRouter(id: TsNode): RouterRef | undefined {
    const held = this.ts.Node.isIdentifier(id) ? this.names.follow(id)?.value : undefined;
    return held && this.methodRouter(held);
  }

  /**
   * The router a `const` holds that a factory of the project built (`const generateRouter =
   * createGenerateRouter(deps.store)`, here or in the function the mount is in): the router it returns.
   */
  private heldFactoryRouter(file: string, id: Identifier): RouterRef | undefined {
    const { ts } = this;
    const held = this.names.bindingOf(id)?.value;
    const call = held && unwrap(ts, held);
    if (!call || !ts.Node.isCallExpression(call)) return undefined;
    return ts.Node.isIdentifier(call.getExpression())
      ? this.resolveFactory(file, call.getExpression().getText(), call)
      : this.methodFactoryRouter(call);
  }

  /**
   * `routers.create('v1')`: the router a method of the project's module or object builds and returns
   * (`import * as routers`, a required module, a `const` object literal, here or imported), read with
   * the values the call gives its parameters, as a function factory's (`resolveFactory`).
   */
  private methodFactoryRouter(arg: TsNode): RouterRef | undefined {
    const { ts } = this;
    const call = unwrap(ts, arg);
    if (!ts.Node.isCallExpression(call) || !ts.Node.isPropertyAccessExpression(unwrap(ts, call.getExpression())))
      return undefined;
    const fn = this.names.functionOf(call.getExpression());
    if (!fn || !isFunctionLike(ts, fn)) return undefined;
    const file = fn.getSourceFile().getFilePath();
    const info = this.module(file);
    const returned = returnedBy(ts, fn).find(
      (value) => ts.Node.isIdentifier(value) && info.declared.has(value.getText()),
    );
    if (!returned) return undefined;
    const name = returned.getText();
    const ref: RouterRef = { file, name, ...(declaresOwn(ts, fn, name) ? { local: fn.getStart() } : {}) };
    const handed = { call, fn: fn as FunctionNode, outer: this.reading[this.reading.length - 1]?.handed };
    return fn.getParameters().length ? { ...ref, handed } : ref;
  }

  /**
   * A router a module of the project exports, named by property access on the module: `routes.router`
   * with `const routes = require('./routes')` or `import * as routes from './routes'`, and
   * `require('./routes').router`.
   */
  private moduleMemberRouter(file: string, arg: TsNode): RouterRef | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    if (!ts.Node.isPropertyAccessExpression(value)) return undefined;
    const object = unwrap(ts, value.getExpression());
    const imported = ts.Node.isIdentifier(object) ? this.module(file).imports.get(object.getText()) : undefined;
    const loaded = ts.Node.isIdentifier(object)
      ? imported?.name === 'default'
        ? imported.file
        : this.names.namespaceFile(object)
      : requiredFile(ts, this.imports, file, object);
    return loaded ? this.resolveExport(loaded, value.getName()) : undefined;
  }

  /**
   * A router an instance of a class of the project keeps in a member (`new UserRouting().router`, or
   * `users.router` with `const users = new UserRouting()`): the class registers on `this.router`, as
   * the class-per-router layout does (`this.router = Router()` in the constructor, routes in a method).
   */
  private instanceRouter(arg: TsNode): RouterRef | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    if (!ts.Node.isPropertyAccessExpression(value)) return undefined;
    let object = unwrap(ts, value.getExpression());
    if (ts.Node.isIdentifier(object)) {
      const held = this.names.follow(object)?.value;
      if (held) object = unwrap(ts, held);
    }
    return this.keptRouter(object, value.getName());
  }

  /**
   * The mounts a loop over a route table makes (`table.forEach((r) => app.use(r.path, r.router))`,
   * `for (const { path, router } of table) app.use(path, router)`), when the table is a literal
   * `const` array (here or imported) of object literals with literal paths and routers docgen can
   * follow, and nothing adds to it; else undefined (the mount is warned about).
   */
  private tableMounts(
    ref: RouterRef,
    call: CallExpression,
  ): Array<Omit<Mount, 'middleware'> & { middleware: string[] }> | undefined {
    const { ts } = this;
    const [pathArg, ...rest] = call.getArguments();
    const loop = pathArg && loopOver(ts, pathArg);
    if (!loop) return undefined;
    const pathKey = loop.key(pathArg);
    // The router is the last argument from the table; names before it are middleware.
    const routerArg = rest[rest.length - 1];
    const routerKey = routerArg && loop.key(routerArg);
    if (!pathKey || !routerKey) return undefined;
    const middleware = rest.slice(0, -1);
    if (middleware.some((arg) => !ts.Node.isIdentifier(arg) || loop.key(arg))) return undefined;
    const found = this.definition(ref.file, loop.table, (info, name) => literalTable(ts, info, name) !== undefined);
    const elements = found && literalTable(ts, found.info, found.name);
    if (!found || !elements) return undefined;
    const mounts: Array<Omit<Mount, 'middleware'> & { middleware: string[] }> = [];
    const unread: TsNode[] = [];
    for (const written of elements) {
      // `[usersRoute, authRoute]`: each a `const` object literal, here or imported, or an instance of a route class.
      const element = this.tableElement(written);
      if (!element) return undefined;
      if (!ts.Node.isObjectLiteralExpression(element)) {
        const cls = this.classOf(element);
        const prefix = cls && this.literal(classConstant(ts, cls, pathKey));
        const target = this.keptRouter(element, routerKey);
        if (prefix === undefined || !target) unread.push(written);
        else mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
        continue;
      }
      const value = (key: string): TsNode | undefined => {
        const property = element.getProperty(key);
        if (property && ts.Node.isPropertyAssignment(property)) return property.getInitializer();
        if (property && ts.Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
        return undefined;
      };
      if (element.getProperties().some((property) => ts.Node.isSpreadAssignment(property))) return undefined;
      const path = value(pathKey);
      const router = value(routerKey);
      const target = router && this.mountTarget(element.getSourceFile().getFilePath(), router);
      const prefix = this.literal(path);
      if (prefix === undefined || !target) unread.push(written);
      else mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
    }
    // A table docgen can follow only in part: the elements it can are mounted, the others warned about.
    if (!mounts.length) return undefined;
    for (const element of unread) this.warnUnreadElement(call, element);
    return mounts;
  }

  /**
   * What an element of a route table is: an object literal, or one a `const` holds (here or imported:
   * `const usersRoute = { path: '/users', router }`), or an instance of a class of the project
   * (`new UsersRoute()`, or a name holding one); undefined for anything else.
   */
  private tableElement(written: TsNode): TsNode | undefined {
    const { ts } = this;
    let element = unwrap(ts, written);
    if (ts.Node.isIdentifier(element)) {
      const held = this.names.follow(element)?.value;
      if (!held) return undefined;
      element = unwrap(ts, held);
    }
    if (ts.Node.isObjectLiteralExpression(element)) return element;
    return this.classOf(element) ? element : undefined;
  }

  /** An element of a route table mounted in a loop whose path or router docgen cannot follow, where the others are mounted. */
  private warnUnreadElement(call: CallExpression, element: TsNode): void {
    this.warnings.push({
      code: 'DG_ROUTES_COMPUTED_MOUNT',
      severity: 'warning',
      message: `${shortText(element)}, mounted by use(${shortText(call.getArguments()[0]!)}, …), has a path computed at run time or a router docgen cannot follow: its routes are not read (the table's other elements are)`,
      location: { file: element.getSourceFile().getFilePath(), line: element.getStartLineNumber() },
      hint: "give it a literal path and a router docgen can follow ({ path: '/users', router: usersRouter }, a factory call, new UsersRoutes().router)",
    });
  }

  /**
   * The mounts a loop makes over the route classes a class is handed (`handedElements`) when each
   * states where it is mounted in a field (`routes.forEach((route) => this.app.use(route.path,
   * route.router))` with `public path = '/users'`); undefined when any does not.
   */
  private handedMounts(call: CallExpression): Array<Omit<Mount, 'middleware'> & { middleware: string[] }> | undefined {
    const { ts } = this;
    const [pathArg, ...rest] = call.getArguments();
    const loop = pathArg && loopOver(ts, pathArg);
    const routerArg = rest[rest.length - 1];
    const pathKey = loop?.key(pathArg!);
    const routerKey = routerArg && loop?.key(routerArg);
    const middleware = rest.slice(0, -1);
    if (!loop || !pathKey || !routerKey) return undefined;
    if (middleware.some((arg) => !ts.Node.isIdentifier(arg) || loop.key(arg))) return undefined;
    const mounts: Array<Omit<Mount, 'middleware'> & { middleware: string[] }> = [];
    for (const element of this.handedElements(loop.at) ?? []) {
      const cls = this.classOf(element);
      const prefix = cls && this.literal(classConstant(ts, cls, pathKey));
      const target = this.keptRouter(element, routerKey);
      if (prefix === undefined || !target) return undefined;
      mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
    }
    return mounts.length ? mounts : undefined;
  }

  /** A route registered at a path docgen cannot know (a variable, a regular expression, a list). */
  private warnComputedPath(file: string, call: CallExpression, path: TsNode): void {
    const method = (call.getExpression() as PropertyAccessExpression).getName();
    this.warnings.push({
      code: 'DG_ROUTES_COMPUTED_PATH',
      severity: 'warning',
      message: `${method}(${shortText(path)}, …) registers a route whose path is computed at run time: it is not read`,
      location: { file, line: call.getStartLineNumber() },
      hint: "register it with a literal path (app.get('/users/:id', …)) or a `const` holding one, so docgen can list it",
    });
  }

  /** What a handler answers with (`expressStatusesIn`, over the functions that answer for it), and what it computes. */
  private statusesOf(handler: TsNode): Pick<Route, 'statuses' | 'computedStatuses'> {
    return answeredStatuses(
      this.ts,
      this.names,
      handler,
      1,
      (fn) => expressStatusesIn(this.ts, fn, this.names.errorClassStatus),
      EXPRESS_STATUS_SLOTS,
      EXPRESS_RESPONSE,
    );
  }

  /**
   * A route's statuses with those its own middleware sends before the handler runs: `requireAuth`
   * answering `res.status(401)` (or `next(createError(403))`) where it does not call `next()`. Only
   * middleware of the project written as `(req, res, next)`, named at the route or made there by a
   * factory of the project (`requireRole('admin')`); a package's middleware is not read.
   */
  private withGuardStatuses(
    answered: Pick<Route, 'statuses' | 'computedStatuses'>,
    middleware: TsNode[],
    before: number[] = [],
    method?: string,
  ): Pick<Route, 'statuses' | 'computedStatuses'> {
    return withSentStatuses(answered, [
      ...before,
      ...middleware.flatMap((node) => this.middlewareSends(node, (count) => count >= 3, method)),
    ]);
  }

  /**
   * What a middleware function of the project sends rather than calling `next()` (`requireAuth`'s
   * `res.status(401)`): passed by name, or made by a factory of the project (`requireRole('admin')`
   * returning `(req, res, next) => …`: `Modules.madeMiddleware`); for a package's, what the table of
   * well-known middleware says it answers (`passport.authenticate('jwt')`: 401), else nothing.
   * `takesNext`: whether its parameter count makes it middleware where it is used; `method`: the route's.
   */
  private middlewareSends(node: TsNode, takesNext: (parameters: number) => boolean, method?: string): number[] {
    const { ts } = this;
    const value = unwrap(ts, node);
    const fns = ts.Node.isCallExpression(value)
      ? this.names.madeMiddleware(value)
      : ts.Node.isIdentifier(value) || ts.Node.isPropertyAccessExpression(value)
        ? [this.names.functionOf(value)]
        : [];
    const known = knownMiddlewareStatuses(ts, this.names, node, method);
    return [
      ...known,
      ...fns
        .filter((fn) => !!fn && takesNext(((fn as FunctionNode).getParameters?.() ?? []).length))
        .flatMap((fn) => this.statusesOf(fn!).statuses),
    ];
  }

  /** A tsoa controller method's statuses: tsoa's success status for it, and what it and its services raise. */
  private tsoaStatuses(action: TsoaAction): Pick<Route, 'statuses' | 'computedStatuses'> {
    const raised = this.statusesOf(action.method);
    const statuses = [...new Set([...tsoaSuccessStatuses(this.ts, action), ...raised.statuses])].sort((a, b) => a - b);
    return { ...raised, statuses };
  }

  private route(
    call: CallExpression,
    method: string,
    path: string,
    handlers: TsNode[],
    routerLevel: Scoped[],
  ): Omit<Route, 'openapiPath'> {
    const all = flattened(this.ts, handlers);
    // A body parser before the handler (`app.post('/login', jsonParser, …)`) says nothing of the route, as on `use()`.
    const middleware = all
      .slice(0, -1)
      .filter((node) => !this.names.isBodyParser(unwrap(this.ts, node)))
      .flatMap((node) => tsoaMiddleware(this.ts, this.names, node) ?? [shortText(node)]);
    const handler = all[all.length - 1];
    // A handler passed by name (`getUsers`, `usersController.list`): the function where it is written.
    const fn = handler && this.names.handlerOf(handler);
    // A route tsoa generated: the controller method its handler calls answers.
    const action = fn && tsoaAction(this.ts, this.names, fn);
    return {
      method: method.toUpperCase(),
      path,
      middleware: [...runsFor(routerLevel, joinPaths('', path)), ...middleware],
      ...this.withGuardStatuses(
        action ? this.tsoaStatuses(action) : handler ? this.statusesOf(fn ?? handler) : { statuses: [] },
        all.slice(0, -1),
        sentFor(routerLevel, joinPaths('', path), method),
        method,
      ),
      // tsoa's generated code is commented with its own warnings: the controller method's comment says what the route does.
      summary: action
        ? declarationComment(this.ts, action.method)
        : (commentBefore(call.getFirstAncestorByKind(this.ts.SyntaxKind.ExpressionStatement) ?? call) ??
          (fn && !inside(call, fn) ? declarationComment(this.ts, fn) : undefined)),
      file: call.getSourceFile().getFilePath(),
      // In a `.route()` chain, the line of the method (`.put(`), not of the chain's start.
      line: (call.getExpression() as PropertyAccessExpression).getNameNode().getStartLineNumber(),
    };
  }
}

/**
 * Where a mount argument reads the elements of a list a class's constructor or method is handed
 * (`route.router` in `routes.forEach((route) => …)` with `constructor(routes: Routes[])`): the class and the list.
 */
function handedList(ts: TsMorph, arg: TsNode): { owner: string; list: string } | undefined {
  const value = unwrap(ts, arg);
  const loop = loopOver(ts, value);
  if (!loop?.key(value)) return undefined;
  const cls = classParameter(ts, loop.at)?.cls;
  return cls ? { owner: cls.getName() ?? 'the class', list: loop.table } : undefined;
}

/**
 * The parameter of a class's constructor or method a value is: `routes` where it is written
 * (`constructor(routes: Routes[])`), or `this.routes` of a constructor's parameter property
 * (`constructor(private routes: Routes[])`) that the class never assigns again.
 */
function classParameter(
  ts: TsMorph,
  node: TsNode,
): { fn: ConstructorDeclaration | MethodDeclaration; cls: ClassDeclaration; index: number } | undefined {
  const value = unwrap(ts, node);
  let fn: ConstructorDeclaration | MethodDeclaration | undefined;
  let name: string | undefined;
  const member = thisMember(ts, value);
  if (member) {
    name = member.name;
    const assigned = member.cls
      .getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)
      .some(
        (assignment) =>
          assignment.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken &&
          thisMember(ts, assignment.getLeft())?.name === name,
      );
    fn = assigned
      ? undefined
      : member.cls
          .getConstructors()
          .find((constructor) =>
            constructor
              .getParameters()
              .some((parameter) => parameter.isParameterProperty() && parameter.getName() === name),
          );
  } else if (ts.Node.isIdentifier(value)) {
    name = value.getText();
    fn = value.getFirstAncestor(
      (ancestor) =>
        (ts.Node.isConstructorDeclaration(ancestor) || ts.Node.isMethodDeclaration(ancestor)) &&
        ancestor.getParameters().some((parameter) => parameter.getName() === name),
    ) as ConstructorDeclaration | MethodDeclaration | undefined;
  }
  const cls = fn?.getParent();
  if (!fn || !cls || !ts.Node.isClassDeclaration(cls)) return undefined;
  return { fn, cls, index: fn.getParameters().findIndex((parameter) => parameter.getName() === name) };
}

/**
 * The comment above where a handler passed by name is declared (`// @desc Fetch all products` above
 * `const getProducts = asyncHandler(…)`, as proshop_mern's controllers write it): above its function,
 * its method, or the statement that holds it (`exports.getUsers = …`); not above a function that
 * returns it.
 */
function declarationComment(ts: TsMorph, fn: TsNode): string | undefined {
  for (let node: TsNode | undefined = fn; node; node = node.getParent()) {
    if (
      ts.Node.isFunctionDeclaration(node) ||
      ts.Node.isMethodDeclaration(node) ||
      ts.Node.isPropertyDeclaration(node) ||
      ts.Node.isPropertyAssignment(node) ||
      ts.Node.isVariableStatement(node) ||
      ts.Node.isExpressionStatement(node)
    )
      return commentBefore(node);
    if (ts.Node.isBlock(node) || ts.Node.isSourceFile(node)) return undefined;
  }
  return undefined;
}

/** Handlers as Express reads them: a list among them (`[auth, limit]`) is its elements, in place. */
function flattened(ts: TsMorph, handlers: TsNode[]): TsNode[] {
  return handlers.flatMap((handler) => {
    const value = unwrap(ts, handler);
    return ts.Node.isArrayLiteralExpression(value) ? flattened(ts, value.getElements()) : [handler];
  });
}

/**
 * `app.use(requireAuth)`: a `(req, res, next)` function; an error handler, `(err, req, res, next)`,
 * runs only when a route fails, and says nothing of what every route answers.
 */
function isPlainMiddleware(count: number): boolean {
  return count === 3;
}

/** `route.path`, `` `/v${n}` ``, `base + '/x'`: a path only known at run time. */
function isComputedPath(ts: TsMorph, node: TsNode): boolean {
  return (
    ts.Node.isPropertyAccessExpression(node) ||
    ts.Node.isElementAccessExpression(node) ||
    ts.Node.isTemplateExpression(node) ||
    (ts.Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+')
  );
}

/**
 * A name a loop gives each turn (`for (const { path, router } of table) app.use(path, router)`,
 * `table.forEach(({ path, route }) => …)`): a path only known at run time.
 */
function isLoopValue(ts: TsMorph, node: TsNode): boolean {
  if (!ts.Node.isIdentifier(node)) return false;
  const name = node.getText();
  const binds = (bindings: TsNode | undefined) =>
    !!bindings &&
    (bindings.getText() === name ||
      bindings
        .getDescendantsOfKind(ts.SyntaxKind.Identifier)
        .some((id) => id.getText() === name && !ts.Node.isPropertyAccessExpression(id.getParent())));
  for (let scope: TsNode | undefined = node.getParent(); scope; scope = scope.getParent()) {
    if ((ts.Node.isForOfStatement(scope) || ts.Node.isForInStatement(scope)) && binds(scope.getInitializer()))
      return true;
    if (ts.Node.isArrowFunction(scope) || ts.Node.isFunctionExpression(scope)) {
      const call = scope.getParent();
      const callee = call && ts.Node.isCallExpression(call) ? call.getExpression() : undefined;
      const loops =
        callee && ts.Node.isPropertyAccessExpression(callee) && ['forEach', 'map'].includes(callee.getName());
      const parameter = scope.getParameters()[0];
      if (loops && parameter && binds(parameter.getNameNode())) return true;
      if (scope.getParameters().some((candidate) => binds(candidate.getNameNode()))) return false;
    }
  }
  return false;
}

/** The elements of a route table a module declares (`literalArray`), for the Express reader's modules. */
function literalTable(ts: TsMorph, info: ModuleInfo, name: string): TsNode[] | undefined {
  if (name !== DEFAULT_EXPORT) return literalArray(ts, info.source, name);
  // `module.exports = [ … ]` or `export default [ … ]`: a table with no name of its own.
  const exported = [
    ...info.source.getExportAssignments().map((assignment) => assignment.getExpression()),
    ...info.source
      .getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)
      .filter((assignment) => assignment.getLeft().getText().replace(/\s+/g, '') === 'module.exports')
      .map((assignment) => assignment.getRight()),
  ]
    .map((expression) => unwrap(ts, expression))
    .find((expression) => ts.Node.isArrayLiteralExpression(expression));
  const elements = exported && ts.Node.isArrayLiteralExpression(exported) ? exported.getElements() : undefined;
  return elements?.some((element) => ts.Node.isSpreadElement(element)) ? undefined : elements;
}

/** The function a module declares under `name` (`function name() {}`, `const name = () => {}`). */
function functionIn(ts: TsMorph, info: ModuleInfo, name: string): FunctionLike | undefined {
  if (name === DEFAULT_EXPORT && info.defaultFunction) return info.defaultFunction;
  if (name.startsWith('exports.'))
    return [
      ...info.source.getDescendantsOfKind(ts.SyntaxKind.ArrowFunction),
      ...info.source.getDescendantsOfKind(ts.SyntaxKind.FunctionExpression),
    ].find((fn) => exportsAssigned(ts, fn) === name);
  const variable = info.source.getVariableDeclaration(name)?.getInitializer();
  return (
    info.source.getFunction(name) ??
    (variable && (ts.Node.isArrowFunction(variable) || ts.Node.isFunctionExpression(variable)) ? variable : undefined)
  );
}

/** Declarations, imports and exports of a module. */
function readDeclarations(ts: TsMorph, imports: ImportResolver, info: ModuleInfo): void {
  const { source, file } = info;
  // Anywhere in the module (a router built inside a factory function counts), chains included:
  // `const api = Router().use(tags).use(articles)`.
  for (const declaration of source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const init = declaration.getInitializer();
    const kind = init ? createdRouterKind(ts, chainRoot(ts, init)) : undefined;
    if (kind && !info.declared.has(declaration.getName())) info.declared.set(declaration.getName(), kind);
  }
  for (const declaration of source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const name = declaration.getName();
    const init = declaration.getInitializer();
    const value = init && unwrap(ts, init);
    const target = value && (ts.Node.isIdentifier(value) ? value.getText() : invokedReturn(ts, value));
    if (target && target !== name && !info.declared.has(name)) info.aliases.set(name, target);
    if (value && ts.Node.isPropertyAccessExpression(value) && !info.declared.has(name)) info.members.set(name, value);
  }
  // A class that keeps its app in a member (`this.app = express()` in the constructor, or
  // `app = express()` as a property): the TypeScript boilerplate's `class App`.
  for (const { kind, member } of classMembers(ts, source, (init) => {
    const created = createdRouterKind(ts, chainRoot(ts, init));
    return created && { kind: created };
  }))
    if (!info.declared.has(`this.${member.name}`)) info.declared.set(`this.${member.name}`, kind);
  for (const declaration of source.getImportDeclarations()) {
    const target = imports.resolve(file, declaration.getModuleSpecifierValue());
    if (!target) continue;
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) info.imports.set(defaultImport.getText(), { file: target, name: 'default' });
    for (const named of declaration.getNamedImports())
      info.imports.set(named.getAliasNode()?.getText() ?? named.getName(), { file: target, name: named.getName() });
  }
  readCommonJs(ts, imports, info);
  for (const fn of source.getFunctions()) {
    const name = fn.getName();
    if (name && fn.isExported()) info.exports.set(fn.isDefaultExport() ? 'default' : name, name);
    else if (!name && fn.isDefaultExport()) {
      info.defaultFunction = fn; // `export default function (app) {…}`
      info.exports.set('default', DEFAULT_EXPORT);
      defaultFactory(ts, info, fn);
    }
  }
  for (const fn of [
    ...source.getDescendantsOfKind(ts.SyntaxKind.FunctionDeclaration),
    ...source.getDescendantsOfKind(ts.SyntaxKind.ArrowFunction),
    ...source.getDescendantsOfKind(ts.SyntaxKind.FunctionExpression),
  ]) {
    const name = ts.Node.isFunctionDeclaration(fn)
      ? fn.getName()
      : (exportsAssigned(ts, fn) ?? fn.getFirstAncestorByKind(ts.SyntaxKind.VariableDeclaration)?.getName());
    const returned = fn
      .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
      .map((statement) => statement.getExpression())
      .find((expression) => expression && ts.Node.isIdentifier(expression) && info.declared.has(expression.getText()));
    if (name && returned && !info.factories.has(name)) info.factories.set(name, returned.getText());
  }
  for (const statement of source.getVariableStatements())
    if (statement.isExported())
      for (const declaration of statement.getDeclarations())
        info.exports.set(declaration.getName(), declaration.getName());
  for (const declaration of source.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const from = specifier === undefined ? undefined : imports.resolve(file, specifier);
    for (const named of declaration.getNamedExports()) {
      const exported = named.getAliasNode()?.getText() ?? named.getName();
      if (from) reExport(info, exported, { file: from, name: named.getName() });
      else info.exports.set(exported, named.getName());
    }
    // `export * from './users'`: a barrel.
    if (from && !declaration.getNamedExports().length && !declaration.getNamespaceExport()) info.stars.push(from);
  }
  for (const assignment of source.getExportAssignments()) {
    const expression = assignment.getExpression();
    if (ts.Node.isIdentifier(expression)) info.exports.set('default', expression.getText());
    else {
      // `export default Router().use('/api', api)`: a router with no name of its own.
      const kind = createdRouterKind(ts, chainRoot(ts, expression));
      if (kind) info.declared.set(DEFAULT_EXPORT, kind);
      // `export default [{ path, router }]`: a route table.
      if (kind || ts.Node.isArrayLiteralExpression(unwrap(ts, expression))) info.exports.set('default', DEFAULT_EXPORT);
      // `export default new AccountsRoute().router`: the router an instance keeps.
      const member = unwrap(ts, expression);
      if (!kind && ts.Node.isPropertyAccessExpression(member)) {
        info.members.set(DEFAULT_EXPORT, member);
        info.exports.set('default', DEFAULT_EXPORT);
      }
      // `export default (app: Router) => {…}`: a function the app is handed to, or that builds a router.
      const fn = unwrap(ts, expression);
      if (!kind && (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn))) {
        info.defaultFunction = fn;
        info.exports.set('default', DEFAULT_EXPORT);
        defaultFactory(ts, info, fn);
      }
    }
  }
}

/** `exports.x` for a function assigned to `exports.x` (or `module.exports.x`), the name it is kept under; else undefined. */
function exportsAssigned(ts: TsMorph, fn: TsNode): string | undefined {
  const parent = fn.getParent();
  if (!parent || !ts.Node.isBinaryExpression(parent) || parent.getRight() !== fn) return undefined;
  if (parent.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) return undefined;
  const named = /^(?:module\.)?exports\.(\w+)$/.exec(parent.getLeft().getText().replace(/\s+/g, ''))?.[1];
  return named && named !== 'default' ? `exports.${named}` : undefined;
}

/**
 * A module's unnamed default function that builds a router and returns it (`export default (deps) => {…}`,
 * `module.exports = function (deps) {…}`): a factory, mounted as `app.use('/api', require('./api')(deps))`.
 */
function defaultFactory(ts: TsMorph, info: ModuleInfo, fn: FunctionLike): void {
  const returned = returnedBy(ts, fn).find(
    (value) => ts.Node.isIdentifier(value) && info.declared.has(value.getText()),
  );
  if (returned && !info.factories.has(DEFAULT_EXPORT)) info.factories.set(DEFAULT_EXPORT, returned.getText());
}

/** `export { users } from './users'`: the name is the other module's export, under a local name of its own. */
function reExport(info: ModuleInfo, exported: string, from: { file: string; name: string }): void {
  const local = `(re-export) ${exported}`;
  info.imports.set(local, from);
  info.exports.set(exported, local);
}

/**
 * CommonJS: `const users = require('./users')`, `const { a, b: c } = require('./x')`,
 * `module.exports = router`, `module.exports = { a, b }`, `exports.router = router`.
 */
function readCommonJs(ts: TsMorph, imports: ImportResolver, info: ModuleInfo): void {
  for (const declaration of info.source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const target = requiredFile(ts, imports, info.file, declaration.getInitializer());
    if (!target) continue;
    const binding = declaration.getNameNode();
    if (ts.Node.isIdentifier(binding)) info.imports.set(binding.getText(), { file: target, name: 'default' });
    else if (ts.Node.isObjectBindingPattern(binding))
      for (const element of binding.getElements())
        info.imports.set(element.getName(), {
          file: target,
          name: element.getPropertyNameNode()?.getText() ?? element.getName(),
        });
  }
  for (const call of info.source.getDescendantsOfKind(ts.SyntaxKind.CallExpression))
    readEmittedReExport(ts, imports, info, call);
  for (const assignment of info.source.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    const left = assignment.getLeft().getText().replace(/\s+/g, '');
    const right = assignment.getRight();
    if (left === 'module.exports') {
      if (ts.Node.isIdentifier(right)) info.exports.set('default', right.getText());
      else if (ts.Node.isObjectLiteralExpression(right))
        for (const property of right.getProperties()) {
          if (ts.Node.isShorthandPropertyAssignment(property)) info.exports.set(property.getName(), property.getName());
          else if (ts.Node.isPropertyAssignment(property) && ts.Node.isIdentifier(property.getInitializer()!))
            info.exports.set(property.getName(), property.getInitializer()!.getText());
        }
      else if (createdRouterKind(ts, chainRoot(ts, right))) {
        info.declared.set(DEFAULT_EXPORT, createdRouterKind(ts, chainRoot(ts, right))!);
        info.exports.set('default', DEFAULT_EXPORT);
      } else if (ts.Node.isFunctionExpression(right) || ts.Node.isArrowFunction(right)) {
        info.defaultFunction = right;
        info.exports.set('default', DEFAULT_EXPORT);
        defaultFactory(ts, info, right); // `module.exports = (deps) => { const router = Router(); …; return router; }`
      } else if (ts.Node.isArrayLiteralExpression(right)) {
        info.exports.set('default', DEFAULT_EXPORT); // `module.exports = [{ path, router }]`: a route table
      }
    } else {
      const named = /^(?:module\.)?exports\.(\w+)$/.exec(left)?.[1];
      // `exports.users = users_1.users`: what another module exports.
      const member = named && ts.Node.isPropertyAccessExpression(right) ? right : undefined;
      const whole =
        member && ts.Node.isIdentifier(member.getExpression())
          ? info.imports.get(member.getExpression().getText())
          : undefined;
      if (whole?.name === 'default') reExport(info, named!, { file: whole.file, name: member!.getName() });
      if (named && ts.Node.isIdentifier(right)) info.exports.set(named, right.getText());
      // `exports.createUsersRouter = ({ db }) => {…}`: a function under the export's own name (`functionIn`).
      if (named && named !== 'default' && (ts.Node.isArrowFunction(right) || ts.Node.isFunctionExpression(right)))
        info.exports.set(named, `exports.${named}`);
      // `exports.ordersRouter = express.Router()`: tsc's `export const ordersRouter = express.Router()`.
      const kind = named && named !== 'default' ? createdRouterKind(ts, chainRoot(ts, right)) : undefined;
      if (kind) {
        info.declared.set(`exports.${named}`, kind);
        info.exports.set(named!, `exports.${named}`);
      }
    }
  }
}

/**
 * A barrel as tsc emits it: `__exportStar(require("./admin"), exports)` (`export * from './admin'`) and
 * `Object.defineProperty(exports, "users", { enumerable: true, get: function () { return users_1.users; } })`
 * (`export { users } from './users'`).
 */
function readEmittedReExport(ts: TsMorph, imports: ImportResolver, info: ModuleInfo, call: CallExpression): void {
  const callee = call.getExpression().getText();
  const [first, second, third] = call.getArguments();
  if (callee === '__exportStar' && first && second?.getText() === 'exports') {
    const from = requiredFile(ts, imports, info.file, first);
    if (from) info.stars.push(from);
    return;
  }
  if (callee !== 'Object.defineProperty' || first?.getText() !== 'exports' || !second || !third) return;
  if (!ts.Node.isStringLiteral(second) || !ts.Node.isObjectLiteralExpression(third)) return;
  const getter = third.getProperty('get');
  const fn = getter && ts.Node.isPropertyAssignment(getter) ? getter.getInitializer() : undefined;
  const [returned] = fn ? returnedBy(ts, fn) : [];
  const member = returned && unwrap(ts, returned);
  if (!member || !ts.Node.isPropertyAccessExpression(member)) return;
  const whole = info.imports.get(member.getExpression().getText());
  if (whole?.name === 'default') reExport(info, second.getLiteralValue(), { file: whole.file, name: member.getName() });
}

/** The file a `require('./x')` call names, when it is one of this project's. */
function requiredFile(
  ts: TsMorph,
  imports: ImportResolver,
  from: string,
  node: TsNode | undefined,
): string | undefined {
  // `__importDefault(require('./users'))`: tsc's `import users from './users'`.
  node = node && unwrap(ts, node);
  if (!node || !ts.Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return undefined;
  const [specifier] = node.getArguments();
  if (!specifier || !isPathLiteral(ts, specifier)) return undefined;
  const path = pathText(specifier);
  return imports.resolve(from, path);
}

/**
 * How a call hands a router on: as the argument itself (`registerAdmin(app)`: `''`), or under a key of
 * an object literal (`loader({ app })`, `loader({ app: expressApp })`: `'app'`); undefined if not at all.
 */
function handedKey(ts: TsMorph, arg: TsNode, name: string): string | undefined {
  if (ts.Node.isIdentifier(arg)) return arg.getText() === name ? '' : undefined;
  if (!ts.Node.isObjectLiteralExpression(arg)) return undefined;
  for (const property of arg.getProperties()) {
    if (ts.Node.isShorthandPropertyAssignment(property) && property.getName() === name) return name;
    if (ts.Node.isPropertyAssignment(property) && property.getInitializer()?.getText() === name)
      return property.getName();
  }
  return undefined;
}

/** `(() => { …; return router; })()`: the name the immediately invoked function returns. */
function invokedReturn(ts: TsMorph, node: TsNode): string | undefined {
  if (!ts.Node.isCallExpression(node) || node.getArguments().length) return undefined;
  const fn = unwrap(ts, node.getExpression());
  if (!ts.Node.isArrowFunction(fn) && !ts.Node.isFunctionExpression(fn)) return undefined;
  const returned = returnedBy(ts, fn).find((value) => ts.Node.isIdentifier(value));
  return returned?.getText();
}

/** A router's key among those read: its file, name and scope. */
function refKey(ts: TsMorph, ref: RouterRef): string {
  const closure = ref.closure === undefined ? '' : `%${ref.closure}`;
  const local = ref.local === undefined ? '' : `~${ref.local}`;
  return `${ref.file}#${ref.name}${ref.scope === undefined ? '' : `@${ref.scope}`}${ref.owner === undefined ? '' : `^${ref.owner}`}${closure}${local}${handedKeyOf(ts, ref)}`;
}

/**
 * For a router handed to functions one of which takes more (`loadRoutes(app, prefix)`), the calls
 * that hand it on the way: each call may give other values, so each is read on its own.
 */
function handedKeyOf(ts: TsMorph, ref: RouterRef): string {
  let key = '';
  let takesMore = false;
  for (let at = ref.handed; at; at = at.outer) {
    key += `~${at.call.getSourceFile().getFilePath()}:${at.call.getStart()}`;
    // `(app, prefix)`, or `({ app, prefix })`: more names than the router's; a closure's
    // (`mountRoutes(prefix)`) are all more.
    const names = at.fn.getParameters().flatMap((parameter) => bindingNames(ts, parameter.getNameNode()));
    // A factory's (`createApp(toolsRouter)`, the router made inside) are all more too.
    const own = at === ref.handed && (ref.closure !== undefined || !names.includes(ref.name));
    takesMore ||= names.length > (own ? 0 : 1);
  }
  return takesMore ? key : '';
}

/**
 * The function of the module a call on the router `name` is written in that closes over the router
 * and takes values of its own, and that the module calls by name (`function mountRoutes(prefix) {
 * app.use(prefix, api) }` with `mountRoutes('/api')`): what it registers is read at each call, with
 * the values that call gives. Undefined where the call runs where it is written, or the function is
 * not called in the module (its parameters are then computed at run time, as before).
 */
function closureOf(ts: TsMorph, call: CallExpression, name: string, calls: CallExpression[]): FunctionLike | undefined {
  for (let scope: TsNode | undefined = call.getParent(); scope; scope = scope.getParent()) {
    if (!isFunctionLike(ts, scope) && !ts.Node.isConstructorDeclaration(scope)) continue;
    // The router is this function's own parameter: a registrar, read as such.
    if (scope.getParameters().some((parameter) => bindingNames(ts, parameter.getNameNode()).includes(name)))
      return undefined;
    // The router is made in this function (`function docsRouter(title) { const docs = Router(); … }`):
    // a factory, read where it is mounted, not a closure over the module's router.
    if (declaresOwn(ts, scope, name)) return undefined;
    const own = functionName(ts, scope);
    if (
      own &&
      scope.getParameters().length > 0 &&
      !ts.Node.isMethodDeclaration(scope) &&
      !ts.Node.isConstructorDeclaration(scope) &&
      calls.some((each) => each.getExpression().getText() === own && !inside(scope, each))
    )
      return scope as FunctionLike;
  }
  return undefined;
}

/** Whether function `scope` declares a variable `name` of its own (not one of a function nested in it). */
/** The innermost function around `node` that declares `name` itself (a local of its own), if any. */
function declaringFunction(ts: TsMorph, node: TsNode, name: string): TsNode | undefined {
  return node.getFirstAncestor((scope) => isFunctionLike(ts, scope) && declaresOwn(ts, scope, name));
}

function declaresOwn(ts: TsMorph, scope: TsNode, name: string): boolean {
  return scope
    .getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)
    .some(
      (declaration) =>
        declaration.getName() === name &&
        declaration
          .getParentWhile((parent) => !isFunctionLike(ts, parent) && !ts.Node.isConstructorDeclaration(parent))
          ?.getParent() === scope,
    );
}

/** The function a call by name calls, where it is one of the module's closures over the router. */
function calledClosure(
  ts: TsMorph,
  callee: Identifier,
  closures: Map<CallExpression, FunctionLike | undefined>,
): FunctionLike | undefined {
  for (const fn of closures.values()) if (fn && functionName(ts, fn) === callee.getText()) return fn;
  return undefined;
}

/** Whether `fn` is already on the way to a handing: a function calling itself. */
function onTheWay(handing: Handing | undefined, fn: TsNode): boolean {
  for (let at = handing; at; at = at.outer) if (at.fn === fn) return true;
  return false;
}

/** A function's own name: `function mountRoutes(…)`, `const mountRoutes = (…) => …`. */
function functionName(ts: TsMorph, fn: TsNode): string | undefined {
  if (ts.Node.isFunctionDeclaration(fn)) return fn.getName();
  const parent = fn.getParent();
  if (
    (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn)) &&
    parent &&
    ts.Node.isVariableDeclaration(parent)
  )
    return parent.getName();
  return undefined;
}

/**
 * Where the function starts whose parameter `name` is at `node` (`function setupDev(app) {…}`,
 * `({ app }) => …`); undefined where it is the module's or a block's own (`const app = express()`).
 */
function parameterScope(ts: TsMorph, node: TsNode, name: string): number | undefined {
  for (let scope: TsNode | undefined = node; scope; scope = scope.getParent()) {
    if (isFunctionLike(ts, scope) || ts.Node.isConstructorDeclaration(scope)) {
      const binds = scope.getParameters().some((parameter) => bindingNames(ts, parameter.getNameNode()).includes(name));
      if (binds) return scope.getStart();
    }
    if ((ts.Node.isBlock(scope) || ts.Node.isSourceFile(scope)) && declaresName(ts, scope.getStatements(), name))
      return undefined;
  }
  return undefined;
}

/** The names a parameter or variable binds: `app`, or those of a pattern (`{ app, router: r }`: `app`, `r`). */
function bindingNames(ts: TsMorph, node: TsNode): string[] {
  if (ts.Node.isIdentifier(node)) return [node.getText()];
  if (ts.Node.isObjectBindingPattern(node) || ts.Node.isArrayBindingPattern(node))
    return node
      .getElements()
      .flatMap((element) => (ts.Node.isBindingElement(element) ? bindingNames(ts, element.getNameNode()) : []));
  return [];
}

/** Whether statements declare `name` (a variable or a function). */
function declaresName(ts: TsMorph, statements: TsNode[], name: string): boolean {
  return statements.some(
    (statement) =>
      (ts.Node.isFunctionDeclaration(statement) && statement.getName() === name) ||
      (ts.Node.isVariableStatement(statement) &&
        statement.getDeclarations().some((declaration) => bindingNames(ts, declaration.getNameNode()).includes(name))),
  );
}

/** Where a call is written. */
function siteOf(call: CallExpression): Site {
  return { file: call.getSourceFile().getFilePath(), start: call.getStart() };
}

/** The local name given to a router that is only default-exported. */
const DEFAULT_EXPORT = '(default export)';

/**
 * The start of a registration chain: `Router().use(a).get('/x', h)` → `Router()`,
 * `app.use(a)` → `app`. A `.route('/x')` link stops it (route chains are read on their own).
 */
function chainRoot(ts: TsMorph, node: TsNode): TsNode {
  let current = node;
  for (;;) {
    if (!ts.Node.isCallExpression(current)) return current;
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) return current;
    const name = callee.getName();
    if (!METHODS.has(name) && name !== 'use') return current;
    current = callee.getExpression();
  }
}

/**
 * `express()` → app, `Router()` / `express.Router()` → router, else undefined; also as compilers emit
 * them: `(0, express_1.default)()`, `(0, express_1.Router)()`.
 */
function createdRouterKind(ts: TsMorph, node: TsNode): 'app' | 'router' | undefined {
  return ts.Node.isCallExpression(node) ? routerKind(unwrap(ts, node.getExpression()).getText()) : undefined;
}

/** Which router a registration is made on: a name, or the declaration a `Router()` chain starts. */
function routerNameOf(ts: TsMorph, target: TsNode): string | undefined {
  const root = chainRoot(ts, target);
  if (ts.Node.isIdentifier(root)) return root.getText();
  // `this.app.get(…)` in a class that keeps its app in a member: the member is its name.
  const member = thisMember(ts, root);
  if (member) return `this.${member.name}`;
  // `exports.ordersRouter.post(…)`: tsc's `ordersRouter.post(…)` for an exported `const`.
  const exported = exportsMember(root);
  if (exported) return exported;
  if (!createdRouterKind(ts, root)) return undefined;
  const declaration = root.getFirstAncestorByKind(ts.SyntaxKind.VariableDeclaration);
  const init = declaration?.getInitializer();
  if (declaration && init && chainRoot(ts, init) === root) return declaration.getName();
  const assignment = root.getFirstAncestorByKind(ts.SyntaxKind.ExportAssignment);
  if (assignment && chainRoot(ts, assignment.getExpression()) === root) return DEFAULT_EXPORT;
  // `module.exports = Router().get(…)`
  const commonJs = root.getFirstAncestorByKind(ts.SyntaxKind.BinaryExpression);
  if (
    commonJs &&
    commonJs.getLeft().getText().replace(/\s+/g, '') === 'module.exports' &&
    chainRoot(ts, commonJs.getRight()) === root
  )
    return DEFAULT_EXPORT;
  return undefined;
}

/** `exports.x` / `module.exports.x` → `exports.x`: the name a router assigned there is declared under. */
function exportsMember(node: TsNode): string | undefined {
  const name = /^(?:module\.)?exports\.(\w+)$/.exec(node.getText().replace(/\s+/g, ''))?.[1];
  return name && name !== 'default' ? `exports.${name}` : undefined;
}

function routerKind(callee: string): 'app' | 'router' | undefined {
  if (callee === 'express' || /^require\(\s*['"]express['"]\s*\)$/.test(callee)) return 'app';
  // `express_1.default()`: tsc names a module's binding after it (`express_1`), Babel `_express`.
  if (/^(?:express_\d+|_express)\.default$/.test(callee)) return 'app';
  // `Router`, `express.Router`, `require('express').Router`
  if (/(?:^|\.)Router$/.test(callee)) return 'router';
  return undefined;
}

/** In `r.route('/x').get(a).post(b)`, the `.get(a)` call is inside the chain; `.post(b)` is the outermost. */
function isInnerChainCall(ts: TsMorph, call: CallExpression): boolean {
  const parent = call.getParent();
  return !!parent && ts.Node.isPropertyAccessExpression(parent) && parent.getExpression() === call;
}

/** `r.route('/x').get(a).post(b)` → router `r`, path `/x`, links `get(a)`, `post(b)` in order. */
function routeChain(
  ts: TsMorph,
  outer: CallExpression,
  literal: (node: TsNode) => string | undefined,
): { router: string; path: string; at: number; links: Array<{ method: string; call: CallExpression }> } | undefined {
  const links: Array<{ method: string; call: CallExpression }> = [];
  let current: TsNode = outer;
  while (ts.Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.getName();
    const object = callee.getExpression();
    if (method === 'route' && ts.Node.isIdentifier(object)) {
      const [pathArg] = current.getArguments();
      const path = pathArg && literal(pathArg);
      if (path === undefined || !links.length) return undefined;
      return {
        router: object.getText(),
        path,
        at: callee.getNameNode().getStart(),
        links: links.reverse(),
      };
    }
    if (!METHODS.has(method)) return undefined;
    links.push({ method, call: current });
    current = object;
  }
  return undefined;
}

/**
 * The service's name: its Nx `project.json` or `package.json` `name` (whichever is nearer) without
 * the scope, else the folder above `src/`. In an Nx workspace an app often has no package.json of
 * its own, and the root one names the workspace.
 */
export function serviceName(entry: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const project = nameIn(join(dir, 'project.json'));
    if (project) return project;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = nameIn(manifest);
      if (name) return name;
      break; // the package's own package.json names nothing: its folder does
    }
  }
  const dir = dirname(entry);
  return basename(basename(dir) === 'src' ? dirname(dir) : dir);
}

/** The `name` of a JSON manifest, without its npm scope; undefined when absent or unreadable. */
function nameIn(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name.replace(/^@[^/]+\//, '') : undefined;
  } catch {
    return undefined; // an unreadable manifest names nothing
  }
}
