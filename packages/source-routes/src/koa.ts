/**
 * The routes a Koa app serves through `@koa/router` (or the older `koa-router`), read
 * syntactically: routers made with `new Router({ prefix })`, their `router.get(…)` registrations
 * (chained or not), `router.prefix('/x')`, routers nested with `router.use('/nested',
 * other.routes())`, and the routers an app mounts with `app.use(router.routes())`, followed across
 * imports. Koa itself has no routes: an app without a router serves none that can be listed.
 */
import type { CallExpression, Node as TsNode, PropertyAccessExpression, SourceFile } from 'ts-morph';
import { DocgenError } from '@docgen/core';
import type { Route } from './model.js';
import { isComputedPath, readsAsPath } from './express-arguments.js';
import { isKnownMiddleware } from './known-middleware.js';
import { KOA_RESPONSE } from './implicit.js';
import { type Declaration, type FunctionNode, isFunction } from './modules.js';
import { answersItself, functionMountRoute, packageMountRoute } from './mounted-handlers.js';
import { answeredPaths, pathCheckRoute, sentPassingThrough } from './path-checks.js';
import {
  conditionalName,
  withoutScopedMiddleware,
  runsFor,
  sentFor,
  withSentStatuses,
  type ScopedUse,
} from './scoped-middleware.js';
import { httpStatuses } from './answered-statuses.js';
import { ModuleReader } from './module-reader.js';
import { type Member } from './class-members.js';
import {
  callsInWrittenOrder,
  registrationComment,
  property,
  chainRoot,
  methodOf,
  unwrap,
  returnedBy,
} from './code-shapes.js';
import { type Handing } from './handing.js';
import {
  errorStatusesIn,
  isFunctionLike,
  isPathLiteral,
  joinPaths,
  shortText,
  type StatusSlots,
  statusCodes,
  toOpenApiPath,
  type TsMorph,
} from './syntax.js';

/** `router.del` is koa-router's alias of `delete`. */
const METHODS: Record<string, string> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};
/** The calls that return the router or app, so chains of them register on it. */
const CHAIN = new Set([...Object.keys(METHODS), 'use', 'prefix', 'param', 'redirect']);
/** The calls that register on the router: the chainable ones and `register(path, methods, middleware)`, which returns the route. */
const REGISTRATIONS = new Set([...CHAIN, 'register']);
const ROUTER_PACKAGES = new Set(['@koa/router', 'koa-router']);

/** Whether an entry imports Koa or its router. */
export function isKoaSource(text: string): boolean {
  return /(?:\bfrom\s+|\brequire\(\s*)['"](?:koa|@koa\/router|koa-router)['"]/.test(text);
}

/**
 * The middleware `use()`d so far on an app or router: one runs for every route after it, and one
 * `use()`d at a path (`router.use('/admin', requireAdmin)`) for those under that path (from the root).
 */
type Uses = ScopedUse[];

/** An app or a router: the name it is declared under, and where it is made (a chain may start there). */
interface Instance {
  kind: 'app' | 'router';
  declaration?: Declaration;
  /** For one a class keeps (`this.app = new Koa()`): the member its methods register on. */
  member?: Member;
  creation: TsNode;
  /** For a router a function of the project makes (`versioned('v1')`): the call, whose arguments its parameters are. */
  made?: Handing;
}

export class KoaReader extends ModuleReader {
  /** The `use()` calls each route is mounted through, outermost first (`app.use(api.routes())`): where the app registers it. */
  readonly mountedThrough = new WeakMap<Route, Array<{ file: string; start: number }>>();
  /** The `use()` calls of the mount being read, outermost first. */
  private readonly mounts: Array<{ file: string; start: number }> = [];
  /**
   * The path koa-mount takes off `ctx.path` for what is read now (`mount('/v1', v1)`: `/v1`); a router's
   * prefix stays in it, so a middleware's `ctx.path === '/api/ping'` under `new Router({ prefix: '/api' })` is whole.
   */
  private mountedUnder = '';

  /** The routes of the app the entry makes (or starts, or the routers it exports), in matching order. */
  routes(entry: string): Route[] {
    const source = this.modules.source(entry);
    // An app another one mounts with koa-mount is read where it is mounted.
    const mounted = new Set(
      source
        .getDescendantsOfKind(this.ts.SyntaxKind.CallExpression)
        .map((call) => this.kaMount(call)?.instance?.creation)
        .filter(Boolean),
    );
    const apps = this.instances(source).filter(
      (instance) => instance.kind === 'app' && !mounted.has(instance.creation),
    );
    const starts = apps.length ? apps : this.startedApps(source);
    if (!starts.length) starts.push(...this.exportedRouters(entry));
    // `const start = require('./config/koa'); start()`: the app is made in a module the entry runs.
    if (!starts.length) starts.push(...this.loadedApps(source));
    if (!starts.length)
      throw new DocgenError({
        code: 'DG_ROUTES_NO_APP',
        message: `no Koa app or router in ${entry}`,
        location: { file: entry },
        hint: 'the entry must create the app (`const app = new Koa()`) or export a router (`export const router = new Router()`)',
      });
    const routes: Route[] = [];
    for (const start of starts) this.read(start, '', [], new Set(), routes);
    return withoutScopedMiddleware(routes);
  }

  /** `new Koa()` and `new Router({ prefix })` (or `Router()`) declared anywhere in a module, or kept in a class member. */
  private instances(source: SourceFile): Instance[] {
    const made = (init: TsNode) => this.instanceOf(init);
    return [...this.declared(source, made), ...this.members(source, made)];
  }

  /** What a value is, when it is made (or chained on) here: `new Router().get(…)` is a router. */
  private instanceOf(node: TsNode): Instance | undefined {
    const { ts } = this;
    const root = chainRoot(ts, node, CHAIN);
    if (!ts.Node.isNewExpression(root) && !ts.Node.isCallExpression(root)) return undefined;
    const callee = root.getExpression();
    const text = callee.getText();
    const required = /^require\(\s*['"]([^'"]+)['"]\s*\)(?:\.default)?$/.exec(text)?.[1];
    const from = required ?? (ts.Node.isIdentifier(callee) ? this.modules.packageOf(callee) : undefined);
    if (from === 'koa' && ts.Node.isNewExpression(root)) return { kind: 'app', creation: root };
    // routing-controllers' `createKoaServer({ controllers })` makes a Koa app (its controllers are read by routing-controllers.ts).
    if (
      from === 'routing-controllers' &&
      ts.Node.isIdentifier(callee) &&
      this.modules.importedName(callee) === 'createKoaServer' &&
      ts.Node.isCallExpression(root)
    )
      return { kind: 'app', creation: root };
    if (from && ROUTER_PACKAGES.has(from)) return { kind: 'router', creation: root };
    return undefined;
  }

  /** `import app from './app'; app.listen(3000)`: the app is made elsewhere. */
  private startedApps(source: SourceFile): Instance[] {
    const { ts } = this;
    return source.getDescendantsOfKind(ts.SyntaxKind.CallExpression).flatMap((call) => {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen') return [];
      const target = unwrap(ts, callee.getExpression());
      const instance = ts.Node.isIdentifier(target) ? this.instanceNamed(target) : undefined;
      return instance ? [instance] : [];
    });
  }

  /** The Koa apps made in the modules of the project an entry imports or requires. */
  private loadedApps(source: SourceFile): Instance[] {
    const { ts } = this;
    const from = source.getFilePath();
    const specifiers = [
      ...source.getImportDeclarations().map((declaration) => declaration.getModuleSpecifierValue()),
      ...source
        .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
        .map((call) => this.modules.loadedSpecifier(call))
        .filter((specifier): specifier is string => specifier !== undefined),
    ];
    const files = [...new Set(specifiers.map((specifier) => this.modules.resolve(from, specifier)))];
    return files.flatMap((file) =>
      file ? this.instances(this.modules.source(file)).filter((instance) => instance.kind === 'app') : [],
    );
  }

  /** The routers of an entry that is a routes module rather than an app: those no other router there mounts. */
  private exportedRouters(entry: string): Instance[] {
    const { ts } = this;
    const source = this.modules.source(entry);
    const mounted = new Set(
      source
        .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
        .map((call) => this.mountedRouter(call)?.declaration)
        .filter(Boolean),
    );
    return this.instances(source).filter(
      (instance) => instance.kind === 'router' && !mounted.has(instance.declaration),
    );
  }

  /** What a name stands for, followed through imports, when it is an app or a router. */
  private instanceNamed(id: TsNode): Instance | undefined {
    if (!this.ts.Node.isIdentifier(id)) return undefined;
    const binding = this.modules.follow(id);
    const instance = binding?.value && this.instanceOf(binding.value);
    return instance && { ...instance, declaration: binding.declaration };
  }

  /** An app's or router's registrations, in the order they are written; nested routers where they are mounted. */
  private read(instance: Instance, prefix: string, middleware: Uses, path: Set<TsNode>, out: Route[]): void {
    // A router a factory makes is read with the values the call that makes it gives (`versioned('v1')`).
    if (instance.made && instance.made !== this.handing) {
      const made = instance.made;
      this.whileHanded(made, () => this.read({ ...instance, made: undefined }, prefix, middleware, path, out));
      return;
    }
    if (path.has(instance.creation)) return; // a router nested in itself
    const inner = new Set(path).add(instance.creation);
    const { ts } = this;
    const calls = this.callsOn(instance, instance.creation.getSourceFile(), new Set());
    // The router's prefix (`new Router({ prefix })`, or `router.prefix('/x')`, which koa-router applies to every route).
    const own = instance.kind === 'router' ? this.routerPrefix(instance, calls) : '';
    const base = joinPaths(prefix, own);
    const routerLevel = [...middleware];
    for (const { call, handing } of calls) {
      const method = methodOf(ts, call)!;
      // In a function the app is handed to (`loadRoutes(app, '/api')`), its parameters are what the call gives.
      this.whileHanded(handing ?? this.handing, () => {
        if (method === 'use') this.use(call, base, routerLevel, inner, out);
        else if (METHODS[method]) this.route(call, METHODS[method]!, base, routerLevel, out);
        else if (method === 'register' && instance.kind === 'router') this.registered(call, base, routerLevel, out);
      });
    }
  }

  /**
   * The registrations on an app or router within a module or function, in the order they are written,
   * with those of the helpers it is handed to (`router(app)` with `module.exports = (app) => {…}`,
   * `require('./routes')(app)`) where it is handed, on the helper's parameter.
   */
  private callsOn(
    instance: Instance,
    within: TsNode,
    path: Set<TsNode>,
    handing?: Handing,
  ): Array<{ call: CallExpression; handing?: Handing }> {
    const { ts } = this;
    return callsInWrittenOrder(
      ts,
      within,
      (call) =>
        (REGISTRATIONS.has(methodOf(ts, call) ?? '') && this.isOn(call, instance)) ||
        this.handedAt(call, instance) >= 0,
    ).flatMap((call) => {
      const index = this.handedAt(call, instance);
      if (index < 0) return [{ call, handing }];
      const helper = this.helper(call, index);
      const parameter = helper?.getParameters()[index];
      if (!helper || !parameter || path.has(helper)) return [];
      const handed: Instance = { ...instance, declaration: parameter as Declaration, member: undefined };
      return this.callsOn(handed, helper, new Set(path).add(helper), { call, fn: helper, outer: handing });
    });
  }

  /** Where a call hands the app or router to a function (`router(app)`): its argument's index, else -1. */
  private handedAt(call: CallExpression, instance: Instance): number {
    const { ts } = this;
    const callee = call.getExpression();
    // Its own methods (`app.use(…)`) are Koa's; `mount('/v1', app)` is read as a mount.
    if (ts.Node.isPropertyAccessExpression(callee) || this.kaMount(call)) return -1;
    return call.getArguments().findIndex((arg) => this.refersTo(arg, instance.member ?? instance.declaration));
  }

  /**
   * The function of the project a call hands the instance to (`router(app)`, `require('./routes')(app)`);
   * one whose module has no file is a warning, as a mount of it is.
   */
  private helper(call: CallExpression, index: number): FunctionNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (this.handsToComputedRequire(call, index)) return undefined;
    if (this.unread(call, callee, callee)) return undefined;
    const value = this.modules.calleeValue(callee);
    return value && isFunction(ts, value) ? value : undefined;
  }

  /** Whether `call` is made on this app or router: through its name, or on the chain that makes it. */
  private isOn(call: CallExpression, instance: Instance): boolean {
    const { ts } = this;
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) return false;
    const root = chainRoot(ts, callee.getExpression(), CHAIN);
    return root === instance.creation || this.refersTo(root, instance.member ?? instance.declaration);
  }

  private routerPrefix(instance: Instance, calls: Array<{ call: CallExpression; handing?: Handing }>): string {
    const { ts } = this;
    const set = calls.filter(({ call }) => methodOf(ts, call) === 'prefix').pop();
    if (set) {
      const [value] = set.call.getArguments();
      return this.whileHanded(set.handing, () => this.literal(value) ?? this.computed(set.call, value));
    }
    const [options] =
      ts.Node.isNewExpression(instance.creation) || ts.Node.isCallExpression(instance.creation)
        ? (instance.creation.getArguments() as TsNode[])
        : [];
    const object = options && unwrap(ts, options);
    const prefix = object && ts.Node.isObjectLiteralExpression(object) ? property(ts, object, 'prefix') : undefined;
    return prefix ? (this.literal(prefix) ?? this.computed(instance.creation, prefix)) : '';
  }

  /** A prefix only known at run time: warned, and the routes shown without it. */
  private computed(at: TsNode, node: TsNode | undefined): string {
    this.warn(
      'DG_ROUTES_PREFIX_UNKNOWN',
      `the router prefix ${node ? shortText(node) : ''} is computed at run time: its routes are shown without it`,
      at,
      "write it as a literal or a const in this file (new Router({ prefix: '/api' }))",
    );
    return '';
  }

  /** `router.use(mw)`, `router.use('/nested', other.routes(), other.allowedMethods())`, `app.use(router.routes())`. */
  private use(call: CallExpression, prefix: string, routerLevel: Uses, path: Set<TsNode>, out: Route[]): void {
    const { ts } = this;
    const args = call.getArguments();
    const [first] = args;
    const stated = first && this.literal(first);
    const hasPath = stated !== undefined;
    const rest = hasPath ? args.slice(1) : args;
    const routers = rest.map((arg) => this.mountedRouter(arg));
    // `router.use(obj.path, obj.router.routes())` over routers found at run time (a folder's files) mounts
    // a router too, though docgen cannot tell which: its `.routes()` says so.
    const mountsRouter = routers.some(Boolean) || rest.some((arg) => isRoutesCall(ts, arg));
    if (!hasPath && first && mountsRouter && this.isComputedMountPath(first)) {
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `use(${shortText(first)}, …) mounts at a path computed at run time: the routes it mounts are not read`,
        call,
        "mount with a literal path (router.use('/users', users.routes())) so docgen can follow it",
      );
      return;
    }
    const mount = stated ?? '';
    const local: Uses = [];
    // `router.use('/health', (ctx) => { … })`: a function that never calls `next` answers every path under it;
    // with no path (`app.use(async (ctx) => { ctx.body = … })`, an app with no router) every path.
    const last = rest[rest.length - 1];
    const fn = last && !routers[rest.length - 1] ? this.handlerFunction(last) : undefined;
    const answering = fn && answersItself(ts, fn, 1) ? fn : undefined;
    rest.forEach((arg, index) => {
      if (answering && arg === last) {
        const at = joinPaths(prefix, mount);
        out.push(
          this.mountedAt(
            functionMountRoute(
              ts,
              call,
              at,
              arg,
              answering,
              httpStatuses([
                ...this.statuses(answering).statuses,
                ...sentFor([...routerLevel, ...local], joinPaths(at, '/*')),
              ]),
              runsFor([...routerLevel, ...local], joinPaths(at, '/*')),
            ),
          ),
        );
        return;
      }
      const router = routers[index];
      // `app.use(async (ctx, next) => { if (ctx.path !== '/metrics') return next(); … })`: rows of the paths it answers.
      if (!hasPath && !router) this.readPathChecks(call, arg, [...routerLevel, ...local], out);
      const mounted = router ? undefined : this.kaMount(arg);
      if (router || mounted) {
        this.mounts.push({ file: call.getSourceFile().getFilePath(), start: call.getStart() });
        if (router) this.read(router, joinPaths(prefix, mount), [...routerLevel, ...local], path, out);
        else {
          const under = this.readMount(mounted!, joinPaths(prefix, mount), [...routerLevel, ...local], path, out);
          // `mount('/admin', requireAdmin)`: middleware that runs for what is registered after it under its path.
          if (under !== undefined) routerLevel.push({ ...this.scopedUse(call, mounted!.target), under });
        }
        this.mounts.pop();
      } else if (this.isShownMiddleware(arg)) (hasPath ? local : routerLevel).push(this.scopedUse(call, arg));
      else this.unread(call, this.routesOf(arg), arg);
    });
    // `router.use('/admin', requireAdmin)` runs before the routes registered after it under `/admin` too.
    if (hasPath) routerLevel.push(...local.map((use) => ({ ...use, under: joinPaths(prefix, mount) })));
  }

  /**
   * Named middleware, as the Express reader shows it, and what a factory of the project makes
   * (`requireApiKey('x-webhook-key')`) and well-known middleware of a package (`jwt({ secret })` of koa-jwt);
   * other packages' (`bodyParser()`) and inline functions are left out.
   */
  private isShownMiddleware(arg: TsNode): boolean {
    const { ts } = this;
    return (
      ts.Node.isIdentifier(arg) ||
      this.isProjectMember(arg) ||
      this.madeByProject(arg) ||
      isKnownMiddleware(ts, this.modules, arg)
    );
  }

  /**
   * The paths a middleware `use()`d with no path answers itself (`answeredPaths`): a row each, as `ctx.path` is
   * there, under a koa-mount's path (`mountedUnder`) but with a router's prefix in it; `ctx.originalUrl` as it is.
   */
  private readPathChecks(call: CallExpression, arg: TsNode, middleware: Uses, out: Route[]): void {
    const fn = this.handlerFunction(arg);
    for (const check of fn ? answeredPaths(this.ts, fn, 1) : []) {
      const path = check.whole ? check.path : joinPaths(this.mountedUnder, check.path);
      const statuses = httpStatuses([...this.statuses(fn!, check.answer).statuses, ...sentFor(middleware, path)]);
      out.push(this.mountedAt(pathCheckRoute(this.ts, call, path, statuses, runsFor(middleware, path))));
    }
  }

  /**
   * `mount('/v1', subApp)` / `mount(router.routes())` (koa-mount): the path and the app or router
   * it mounts (undefined when it is neither, such as `mount('/static', serve('public'))`).
   */
  private kaMount(
    node: TsNode,
  ): { call: CallExpression; path?: TsNode; target: TsNode; instance?: Instance } | undefined {
    const { ts } = this;
    const call = unwrap(ts, node);
    if (!ts.Node.isCallExpression(call)) return undefined;
    const callee = call.getExpression();
    const from = /^require\(\s*['"]koa-mount['"]\s*\)$/.test(callee.getText())
      ? 'koa-mount'
      : ts.Node.isIdentifier(callee)
        ? this.modules.packageOf(callee)
        : undefined;
    if (from !== 'koa-mount') return undefined;
    const args = call.getArguments();
    const [path, target] = args.length >= 2 ? args : [undefined, args[0]];
    if (!target) return undefined;
    const value = unwrap(ts, target);
    const loaded = this.modules.loaded(value);
    const instance =
      this.mountedRouter(value) ??
      this.instanceOf(value) ??
      this.instanceNamed(value) ??
      (loaded ? this.exportedInstance(loaded) : undefined);
    return { call, path, target, instance };
  }

  /** What `require('./v1')` gives when it is an app or router: its default export. */
  private exportedInstance(file: string): Instance | undefined {
    const binding = this.modules.exported(file, 'default');
    const instance = binding?.value && this.instanceOf(binding.value);
    return instance && { ...instance, declaration: binding.declaration };
  }

  /**
   * A koa-mount mount: the app or router under its path; what cannot be read is a warning. Returns the
   * path a middleware it mounts (one that passes requests on, shown as `use()`d middleware is) runs under.
   */
  private readMount(
    mounted: { call: CallExpression; path?: TsNode; target: TsNode; instance?: Instance },
    prefix: string,
    middleware: Uses,
    path: Set<TsNode>,
    out: Route[],
  ): string | undefined {
    const { ts } = this;
    const { call, instance } = mounted;
    const at = mounted.path ? this.literal(mounted.path) : '';
    if (at === undefined) {
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `mount(${shortText(mounted.path!)}, …) mounts at a path computed at run time: the routes it mounts are not read`,
        call,
        "mount with a literal path (app.use(mount('/v1', v1))) so docgen can follow it",
      );
      return undefined;
    }
    if (instance) {
      const outer = this.mountedUnder;
      this.mountedUnder = joinPaths(prefix, at);
      this.read(instance, joinPaths(prefix, at), middleware, path, out);
      this.mountedUnder = outer;
      return undefined;
    }
    if (this.unread(call, mounted.target, call)) return undefined;
    // A package's handler (`serve('public')`, `graphqlHTTP(…)`) serves everything under the path: one row.
    const pkg = this.modules.packageServing(unwrap(ts, mounted.target));
    if (pkg) {
      const under = joinPaths(prefix, at);
      out.push(packageMountRoute(call, under, mounted.target, pkg, runsFor(middleware, joinPaths(under, '/*'))));
      return undefined;
    }
    // `mount('/health', async (ctx) => { ctx.body = 'ok'; })`: a function that answers every path under it.
    const fn = this.handlerFunction(mounted.target);
    if (fn && answersItself(ts, fn, 1)) {
      const under = joinPaths(prefix, at);
      const names = runsFor(middleware, joinPaths(under, '/*'));
      const statuses = httpStatuses([...this.statuses(fn).statuses, ...sentFor(middleware, joinPaths(under, '/*'))]);
      out.push(functionMountRoute(ts, call, under, mounted.target, fn, statuses, names));
      return undefined;
    }
    // Middleware that calls `next` serves no routes to list, it runs for those under its path; a value of the
    // project's that is not an app is unread.
    const projects = this.isProjectValue(unwrap(ts, mounted.target));
    if (projects)
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `mount(…, ${shortText(mounted.target)}) mounts what docgen cannot read as a Koa app or router: the routes it serves are not read`,
        call,
        'mount a Koa app (new Koa()) or a router (router.routes()) made in the project, so docgen can follow it',
      );
    return !projects && this.isShownMiddleware(mounted.target) ? joinPaths(prefix, at) : undefined;
  }

  /** Whether a mounted value is the project's own and not a function: `require('./v1')`, `createApi()`, a `const` holding either. */
  private isProjectValue(value: TsNode, depth = 0): boolean {
    const { ts } = this;
    if (depth > 4) return false;
    if (this.modules.loaded(value) !== undefined) return true;
    if (ts.Node.isIdentifier(value)) {
      const held = this.modules.follow(value)?.value;
      return (
        !!held && !isFunction(ts, held) && (!ts.Node.isCallExpression(held) || this.isProjectValue(held, depth + 1))
      );
    }
    if (!ts.Node.isCallExpression(value)) return false;
    const callee = value.getExpression();
    if (!ts.Node.isIdentifier(callee)) return false;
    const from = this.modules.packageOf(callee);
    return from === undefined || this.modules.resolve(callee.getSourceFile().getFilePath(), from) !== undefined;
  }

  /** `router.routes()` / `router.middleware()` → `router`, as written. */
  private routesOf(arg: TsNode): TsNode | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    if (!ts.Node.isCallExpression(value) || !['routes', 'middleware'].includes(methodOf(ts, value) ?? ''))
      return undefined;
    return unwrap(ts, (value.getExpression() as PropertyAccessExpression).getExpression());
  }

  /** A router or app mounted from a module of the project that has no file docgen finds: warned at the mount. */
  private unread(call: CallExpression, node: TsNode | undefined, shown: TsNode): boolean {
    const missing = node && this.missing(node);
    if (!node || !missing) return false;
    this.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `${shortText(shown)}: no file of the project is found for '${missing}', its routes are not read`,
      call,
      this.missingHint(node, missing),
    );
    return true;
  }

  /**
   * `router.routes()` / `router.middleware()` → that router; also through a name that holds it
   * (`router.use(statusRouter)` with `export default router.routes()` in the module it is imported from).
   */
  private mountedRouter(arg: TsNode, depth = 0): Instance | undefined {
    const { ts } = this;
    const value = unwrap(ts, arg);
    if (ts.Node.isIdentifier(value) && depth < 4) {
      const held = this.modules.follow(value)?.value;
      return held && held !== value && this.routesOf(held) ? this.mountedRouter(held, depth + 1) : undefined;
    }
    const target = this.routesOf(arg);
    if (!target) return undefined;
    const made = this.instanceOf(target) ?? this.factoryRouter(target);
    // `this.router.routes()`, `new OrdersRoutes().router.routes()`: a router a class keeps in a member.
    return made ?? this.instanceNamed(target) ?? this.keptInstance(target, (source) => this.instances(source), CHAIN);
  }

  /**
   * `versioned('v1').routes()` (or `routers.create('v1').routes()`, a method of the project's module or
   * object): the router a function of the project makes and returns, read with the
   * values that call gives its parameters (`new Router({ prefix: `/${version}` })`), each call its own.
   */
  private factoryRouter(target: TsNode): Instance | undefined {
    const { ts } = this;
    if (!ts.Node.isCallExpression(target)) return undefined;
    const fn = this.calledFunction(target);
    if (!fn) return undefined;
    for (const returned of returnedBy(ts, fn)) {
      const value = unwrap(ts, returned);
      const instance = this.instanceOf(value) ?? this.instanceNamed(value);
      if (instance) return { ...instance, made: { call: target, fn, outer: this.handing } };
    }
    return undefined;
  }

  /** `router.get('/x', mw…, handler)`, a named route `router.get('name', '/x', handler)`, or a list of paths. */
  private route(call: CallExpression, method: string, prefix: string, routerLevel: Uses, out: Route[]): void {
    const { ts } = this;
    let args = call.getArguments();
    if (args.length >= 3 && isPathLiteral(ts, args[0]!) && isPathLiteral(ts, args[1]!)) args = args.slice(1);
    const [first] = args;
    if (!first || args.length < 2) return;
    this.routesAt(call, method, first, args.slice(1), prefix, routerLevel, out);
  }

  /**
   * koa-router's `router.register('/users/:id', ['GET', 'PUT'], [auth, handler])`, which its `get()`
   * and friends call: a route for each method listed, with the middleware (a function, or a list whose
   * last is the handler). A method list that is no literal array of strings is warned at the call, as
   * a computed path is: the routes it registers are not known.
   */
  private registered(call: CallExpression, prefix: string, routerLevel: Uses, out: Route[]): void {
    const { ts } = this;
    const [path, methods, middleware] = call.getArguments();
    if (!path || !methods || !middleware) return;
    const listed = unwrap(ts, methods);
    const names = ts.Node.isArrayLiteralExpression(listed)
      ? listed.getElements().map((element) => this.literal(element)?.toUpperCase())
      : [undefined];
    if (names.some((name) => name === undefined)) {
      this.warn(
        'DG_ROUTES_COMPUTED_PATH',
        `register(${shortText(path)}, ${shortText(methods)}, …) registers routes whose methods are computed at run time: they are not read`,
        call,
        "list the methods in the call (router.register('/users', ['GET'], handler)) or use router.get(…) so docgen can read them",
      );
      return;
    }
    const given = unwrap(ts, middleware);
    const handlers = ts.Node.isArrayLiteralExpression(given) ? given.getElements() : [given];
    if (!handlers.length) return;
    for (const name of new Set(names as string[]))
      this.routesAt(call, name === 'DEL' ? 'DELETE' : name, path, handlers, prefix, routerLevel, out);
  }

  /** The routes a registration makes: one per path (a path, or a list of them), with its middleware and handler. */
  private routesAt(
    call: CallExpression,
    method: string,
    first: TsNode,
    handlers: TsNode[],
    prefix: string,
    routerLevel: Uses,
    out: Route[],
  ): void {
    const { ts } = this;
    const paths = ts.Node.isArrayLiteralExpression(first) ? first.getElements() : [first];
    const handler = handlers[handlers.length - 1]!;
    for (const node of paths) {
      const stated = this.literal(node);
      if (stated === undefined) {
        this.warn(
          'DG_ROUTES_COMPUTED_PATH',
          `${methodOf(ts, call)}(${shortText(node)}, …) registers a route whose path is computed at run time: it is not read`,
          call,
          "register it with a literal path (router.get('/users/:id', …)) so docgen can read it",
        );
        continue;
      }
      const full = joinPaths(prefix, stated);
      out.push(
        this.mountedAt({
          method,
          path: full,
          openapiPath: toOpenApiPath(full),
          middleware: [...runsFor(routerLevel, full), ...handlers.slice(0, -1).map(shortText)],
          ...withSentStatuses(this.statuses(handler), [
            ...sentFor(routerLevel, full),
            ...handlers.slice(0, -1).flatMap((each) => this.middlewareSends(each, (fn) => this.sentPassingThrough(fn))),
          ]),
          summary: registrationComment(ts, call),
          ...this.registeredAt(call),
        }),
      );
    }
  }

  /** A route, noted with the `use()` calls it is mounted through (`mountedThrough`). */
  private mountedAt(route: Route): Route {
    if (this.mounts.length) this.mountedThrough.set(route, [...this.mounts]);
    return route;
  }

  /**
   * The names of the middleware the entry's app `use()`s before `site` (`app.use(requestLogger)` before
   * `useKoaServer(app, …)`): they run before the routes registered there.
   */
  middlewareBefore(entry: string, site: { file: string; start: number }): string[] {
    const { ts } = this;
    const apps = this.instances(this.modules.source(entry)).filter((instance) => instance.kind === 'app');
    return apps.flatMap((app) =>
      this.callsOn(app, app.creation.getSourceFile(), new Set())
        .filter(({ call }) => methodOf(ts, call) === 'use')
        .filter(({ call }) => call.getSourceFile().getFilePath() === site.file && call.getStart() < site.start)
        .flatMap(({ call }) => call.getArguments())
        .filter((arg) => ts.Node.isIdentifier(arg) && !this.mountedRouter(arg) && !this.kaMount(arg))
        .map((arg) => arg.getText()),
    );
  }

  /** Named (or factory-made) middleware `use()`d on the app or router, with what it answers rather than calling `next()`. */
  private scopedUse(call: CallExpression, arg: TsNode): ScopedUse {
    const statuses = this.middlewareSends(arg, (fn) => this.sentPassingThrough(fn));
    return { name: conditionalName(this.ts, call, shortText(arg)), ...(statuses.length ? { statuses } : {}) };
  }

  /** What a middleware sends for the requests it hands on: not what it answers the paths it answers itself with. */
  private sentPassingThrough(fn: TsNode): number[] {
    return sentPassingThrough(this.ts, fn, 1, (part) => this.statuses(fn, part).statuses);
  }

  /**
   * Whether `use()`'s first argument is a path computed at run time (`cfg.path`, and `process.env.PREFIX!` or
   * `cfg.path as string`: what the assertion or cast holds) rather than the first of its handlers, which property
   * access reaches as often: a function of the project (`auth.verify`), a router, or a package's value.
   */
  private isComputedMountPath(first: TsNode): boolean {
    const value = unwrap(this.ts, first);
    return (
      isComputedPath(this.ts, value) &&
      !this.modules.functionOf(value) &&
      !this.mountedRouter(value) &&
      !(this.modules.packageServing(value) && !readsAsPath(this.ts, value))
    );
  }

  /** Middleware of the project reached by property access (`auth.verify`), shown as named middleware is. */
  private isProjectMember(arg: TsNode): boolean {
    return this.ts.Node.isPropertyAccessExpression(arg) && this.modules.functionOf(arg) !== undefined;
  }

  /** A call of a factory of the project that makes middleware (`requirePermission('reports:read')`). */
  private madeByProject(arg: TsNode): boolean {
    const value = unwrap(this.ts, arg);
    return this.ts.Node.isCallExpression(value) && this.modules.madeMiddleware(value).length > 0;
  }

  /** What a handler sets with a literal (`ctx.status = 201`, `ctx.throw(404)`), and what it computes (`ctx.status = err.status`). */
  private statuses(handler: TsNode, part?: TsNode): Pick<Route, 'statuses' | 'computedStatuses'> {
    return this.handlerStatuses(handler, (each) => this.literalStatuses(each), KOA_STATUS_SLOTS, KOA_RESPONSE, part);
  }

  private literalStatuses(fn: TsNode): number[] {
    const { ts } = this;
    const codes: number[] = [];
    for (const assignment of fn.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      const left = assignment.getLeft();
      if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
      if (ts.Node.isPropertyAccessExpression(left) && left.getName() === 'status')
        codes.push(...statusCodes(ts, assignment.getRight()));
    }
    // `ctx.assert(user, 401)`: Koa throws the status after the value asserted, on the context the handler
    // takes (`fn` may be a branch of it: a middleware's `if (ctx.path === '/metrics') …`).
    const handler = isFunctionLike(ts, fn) ? fn : fn.getFirstAncestor((node) => isFunctionLike(ts, node));
    const context = handler && isFunctionLike(ts, handler) ? handler.getParameters()[0]?.getName() : undefined;
    for (const call of fn.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const method = methodOf(ts, call);
      if (method === 'throw' && call.getArguments()[0]) codes.push(...statusCodes(ts, call.getArguments()[0]!));
      const receiver = call.getExpression();
      if (
        method === 'assert' &&
        call.getArguments()[1] &&
        context &&
        ts.Node.isPropertyAccessExpression(receiver) &&
        receiver.getExpression().getText() === context
      )
        codes.push(...statusCodes(ts, call.getArguments()[1]!));
    }
    // The errors it throws with a status (`throw new ApiError(404, …)`), which Koa answers with their `status`.
    return [...codes, ...errorStatusesIn(ts, fn, this.modules.errorClassStatus)];
  }
}

/** Where a Koa handler states a status: `ctx.status = x`, `ctx.throw(x, …)`. */
const KOA_STATUS_SLOTS: StatusSlots = { calls: { throw: 0 }, assigned: ['status'] };

/** `users.routes()`, `obj.router.middleware()`: koa-router's middleware of a router, what a `use()` mounts it with. */
function isRoutesCall(ts: TsMorph, node: TsNode): boolean {
  const call = unwrap(ts, node);
  const callee = ts.Node.isCallExpression(call) ? call.getExpression() : undefined;
  return !!callee && ts.Node.isPropertyAccessExpression(callee) && ['routes', 'middleware'].includes(callee.getName());
}
