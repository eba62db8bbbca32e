/**
 * The routes a Hono app serves, read syntactically: apps made with `new Hono()` (and
 * `.basePath('/api')`), `app.get(path, middleware…, handler)` chained or not (a link without a
 * path serves the path before it, as Hono does), `app.on(methods, paths, …)`, sub-apps mounted
 * with `app.route('/prefix', sub)` across modules, and `app.use(path, middleware)` applied to the
 * routes it matches that are registered after it.
 */
import type {
  CallExpression,
  Node as TsNode,
  ObjectLiteralExpression,
  PropertyAccessExpression,
  SourceFile,
} from 'ts-morph';
import { DocgenError } from '@docgen/core';
import type { Route } from './model.js';
import { changesState, unsafeMethodStatuses } from './known-middleware.js';
import { HONO_RESPONSE } from './implicit.js';
import { type Declaration, type FunctionNode, isFunction } from './modules.js';
import { packageMountRoute } from './mounted-handlers.js';
import { conditionalName, withoutScopedMiddleware } from './scoped-middleware.js';
import { httpStatuses } from './answered-statuses.js';
import { sentPassingThrough } from './path-checks.js';
import { ModuleReader } from './module-reader.js';
import { type Member } from './class-members.js';
import {
  callsInWrittenOrder,
  computedLoad,
  registrationComment,
  property,
  chainRoot,
  methodOf,
  returnedBy,
  unwrap,
} from './code-shapes.js';
import { type Handing } from './handing.js';
import {
  type Constants,
  errorStatusesIn,
  isPathLiteral,
  joinPaths,
  joinStrictPaths,
  literalValue,
  loopOver,
  pathText,
  shortText,
  type StatusSlots,
  statusCodes,
  initStatus,
  toOpenApiPath,
  type TsMorph,
} from './syntax.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'all']);
/** The calls that return the app, so chains of them register on it. */
const CHAIN = new Set([...METHODS, 'on', 'use', 'route', 'mount', 'basePath', 'onError', 'notFound', 'openapi']);
/** The packages whose validator middleware answers 400 on bad input: `hono/validator`, `@hono/zod-validator`, `@hono/valibot-validator`, … */
const VALIDATOR_PACKAGE = /^(?:hono\/validator|@hono\/[\w.-]+-validator)$/;
/** Context methods whose second argument is the status: `c.json(body, 201)`. */
const WITH_STATUS = new Set(['json', 'text', 'body', 'html', 'newResponse']);

/** Whether an entry imports Hono (or a Hono adapter such as `@hono/node-server`). */
export function isHonoSource(text: string): boolean {
  return /(?:\bfrom\s+|\brequire\(\s*)['"](?:hono|@hono\/[\w.-]+)(?:\/[\w./-]+)?['"]/.test(text);
}

/** An app: the name it is declared under, where it is made, and its base path. */
interface App {
  declaration?: Declaration;
  /** For an app a class keeps (`this.app = new Hono()`): the member its methods register on. */
  member?: Member;
  creation: TsNode;
  base: string;
  /** For an app a function of the project makes (`createRouter()`): the app that function makes and returns. */
  factory?: App;
  /** And the call that makes it (`versioned('v1')`), whose arguments its parameters are while it is read. */
  made?: Handing;
}

/** A `use()` seen so far: its path pattern, the middleware names, and what its validators and middleware of the project answer with before the routes. */
interface Use {
  pattern: string;
  names: string[];
  statuses: number[];
  /** What it answers only to requests that change state (`csrf()`'s 403): not on a GET route. */
  unsafeStatuses: number[];
}

export class HonoReader extends ModuleReader {
  /** `basePath(x)` calls already warned about. */
  private readonly computedBases = new Set<TsNode>();
  /** The project's modules the entry loads, in the order they run (a module after those it imports). */
  private loaded: string[] = [];
  /** The app factories being followed (a factory that calls itself ends here). */
  private readonly making = new Set<TsNode>();

  /** The routes of the app the entry makes or serves, in the order Hono matches them. */
  routes(entry: string): Route[] {
    const source = this.modules.source(entry);
    const starts = this.roots(source);
    if (!starts.length)
      throw new DocgenError({
        code: 'DG_ROUTES_NO_APP',
        message: `no Hono app in ${entry}`,
        location: { file: entry },
        hint: 'the entry must create the app (`const app = new Hono()`), export it, or serve it (`serve({ fetch: app.fetch })`)',
      });
    this.loaded = this.modules.evaluationOrder(entry);
    const routes: Route[] = [];
    for (const start of starts) this.read(start, '', [], new Set(), routes);
    return withoutScopedMiddleware(routes);
  }

  /** The declaration a name refers to: in its scope, else the one it is imported as (`import { app } from './app'`). */
  private declarationOf(id: TsNode): Declaration | undefined {
    if (!this.ts.Node.isIdentifier(id)) return undefined;
    const local = this.modules.bindingOf(id);
    return local ? local.declaration : this.modules.follow(id)?.declaration;
  }

  /** The entry's apps that no other app of it mounts; else the app it serves or exports, made elsewhere. */
  private roots(source: SourceFile): App[] {
    const { ts } = this;
    const apps = this.apps(source);
    const mounted = new Set(
      source
        .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
        .filter((call) => methodOf(ts, call) === 'route')
        .map((call) => this.appOf(call.getArguments()[1])?.creation),
    );
    const own = apps.filter((app) => !mounted.has(app.creation));
    if (own.length) return own;
    // `serve({ fetch: app.fetch })`, `export default app`, `export default { fetch: app.fetch }`.
    const served = [
      ...source
        .getDescendantsOfKind(ts.SyntaxKind.PropertyAccessExpression)
        .filter((access) => access.getName() === 'fetch')
        .map((access) => access.getExpression()),
      ...source.getExportAssignments().map((assignment) => assignment.getExpression()),
    ];
    const found = served.map((node) => this.appOf(node)).filter((app): app is App => !!app);
    return [...new Map(found.map((app) => [app.creation, app])).values()];
  }

  /** `new Hono()` (also `.basePath('/api')` and chains) declared anywhere in a module, or kept in a class member. */
  private apps(source: SourceFile): App[] {
    const made = (init: TsNode) => this.created(init);
    return [...this.declared(source, made), ...this.members(source, made)];
  }

  /** An app made by this expression: `new Hono()`, `new Hono().basePath('/api').get(…)`, `createRouter()`. */
  private created(node: TsNode): App | undefined {
    const { ts } = this;
    const root = chainRoot(ts, node, CHAIN);
    if (ts.Node.isCallExpression(root)) {
      const factory = this.factoryApp(root);
      const fn = factory && this.calledFunction(root);
      const made = fn ? { call: root, fn, outer: this.handing } : undefined;
      return (
        factory && {
          creation: root,
          base: joinPaths(factory.base, basePathOf(ts, node, this.constants)),
          factory,
          made,
        }
      );
    }
    if (!ts.Node.isNewExpression(root)) return undefined;
    const callee = root.getExpression();
    const from = ts.Node.isIdentifier(callee) ? this.modules.packageOf(callee) : undefined;
    if (!from || !/^(?:hono(?:\/|$)|@hono\/zod-openapi$)/.test(from)) return undefined;
    return { creation: root, base: basePathOf(ts, node, this.constants) };
  }

  /**
   * `createRouter()`, `createApp()`: the app a function of the project makes and returns
   * (`return new Hono({ strict: false })`, or `const app = createRouter(); app.use(…); return app`).
   */
  private factoryApp(call: CallExpression): App | undefined {
    const { ts } = this;
    const fn = this.calledFunction(call);
    if (!fn || this.making.has(fn)) return undefined;
    this.making.add(fn);
    try {
      for (const returned of returnedBy(ts, fn)) {
        const app = this.appOf(returned);
        if (app) return app;
      }
      return undefined;
    } finally {
      this.making.delete(fn);
    }
  }

  /** The app a value is, made here or followed through its name and imports. */
  private appOf(node: TsNode | undefined, depth = 0): App | undefined {
    const { ts } = this;
    if (!node || depth > 8) return undefined;
    const value = unwrap(ts, node);
    const made = this.created(value);
    if (made) return made;
    // `this.app`, `new AuthorsRoutes().app`: an app a class keeps in a member.
    if (!ts.Node.isIdentifier(value)) return this.keptInstance(value, (source) => this.apps(source), CHAIN);
    const binding = this.modules.follow(value);
    const app = binding?.value && this.created(binding.value);
    if (app) return { ...app, declaration: binding.declaration };
    // `const v1 = api.basePath('/v1')`: a clone that shares `api`'s routes, so mounting it mounts `api`.
    const root = binding?.value && chainRoot(ts, binding.value, CHAIN);
    return root && root !== binding.value && ts.Node.isIdentifier(root) ? this.appOf(root, depth + 1) : undefined;
  }

  /** An app's registrations in the order they are written; a mounted sub-app's where it is mounted. */
  private read(app: App, prefix: string, uses: Use[], path: Set<TsNode>, out: Route[], mountedIn?: string): Use[] {
    if (path.has(app.creation)) return uses; // an app mounted in itself
    const inner = new Set(path).add(app.creation);
    // An app a function makes: what the function registers on it runs first (`createApp()`'s `use(logger())`).
    // Read with the factory's parameters as the call gives them: `versioned('one')` and `versioned('two')` each their own.
    const before = app.factory
      ? this.whileHanded(app.made ?? this.handing, () => this.read(app.factory!, prefix, uses, inner, out))
      : uses;
    const { ts } = this;
    const source = app.creation.getSourceFile();
    const made =
      app.declaration && this.ts.Node.isVariableDeclaration(app.declaration) && app.declaration.getInitializer();
    if (made) this.basePaths(made); // a computed base path of the app itself is a warning
    // Its own module's registrations, and, for an app with a name, those of the modules the entry
    // loads that import it (`import { app } from './app'; app.get(…)`), in the order they run; for a
    // sub-app, those that run before the module that mounts it (`route()` copies its routes then).
    const own = source.getFilePath();
    const until = mountedIn === undefined ? -1 : this.loaded.indexOf(mountedIn);
    const files = app.declaration
      ? [...new Set([...this.loaded, own])].filter((file, index) => file === own || until === -1 || index < until)
      : [own];
    const derived = new Map<Declaration, string>();
    const calls = files.flatMap((file) => {
      const module = this.modules.source(file);
      if (file !== own && !module.getImportDeclarations().length && !/\brequire\s*\(/.test(module.getFullText()))
        return [];
      return this.callsOn(app, module, module, derived, new Set());
    });
    const seen = [...before];
    let current = '/'; // Hono's current path: a method called without one serves it
    for (const { call, handing } of calls) {
      // In a function the app is handed to (`loadRoutes(app, '/api')`), its parameters are what the call gives;
      // in the factory that makes the app (`versioned('v1')`), what the call that makes it gives.
      this.whileHanded(handing ?? this.handing, () => {
        const method = methodOf(ts, call)!;
        const args = call.getArguments();
        const base = joinPaths(prefix, this.baseOf(call, app, derived));
        if (method === 'use') this.use(call, base, seen, out);
        else if (method === 'route') this.mount(call, base, seen, inner, out);
        else if (method === 'mount') this.packageMount(call, base, args[0], args[1], seen, out);
        else if (method === 'openapi') this.openapi(call, base, seen, out);
        else if (method === 'on') {
          const methods = literals(ts, args[0]).map((name) => name.toUpperCase());
          for (const routePath of this.paths(call, args[1]))
            this.add(call, methods, base, routePath, args.slice(2), seen, out);
        } else if (METHODS.has(method)) {
          const hasPath = this.isPath(args);
          const routePaths = hasPath ? this.paths(call, args[0]) : [current];
          if (hasPath && routePaths.length) current = routePaths[routePaths.length - 1]!;
          for (const routePath of routePaths)
            this.add(call, [method.toUpperCase()], base, routePath, hasPath ? args.slice(1) : args, seen, out);
        }
      });
    }
    return seen;
  }

  /**
   * The registrations on an app within a module or function, in the order they are written, with
   * those of the helpers of the project it is handed to (`createRoutes(app)` with `export function
   * createRoutes(app: Hono) {…}`) where it is handed, on the helper's parameter (under the base path
   * of the name handed). `derived` gathers the names the app goes by, with their base paths.
   */
  private callsOn(
    app: App,
    module: SourceFile,
    within: TsNode,
    derived: Map<Declaration, string>,
    helpers: Set<TsNode>,
    handing?: Handing,
  ): Array<{ call: CallExpression; handing?: Handing }> {
    const { ts } = this;
    const names = this.derived(app, module);
    for (const [declaration, base] of names) derived.set(declaration, base);
    return callsInWrittenOrder(
      ts,
      within,
      (call) => (CHAIN.has(methodOf(ts, call) ?? '') && this.isOn(call, app, names)) || !!this.handed(call, names),
    ).flatMap((call) => {
      const handed = this.handed(call, names);
      if (!handed) return [{ call, handing }];
      const helper = this.helper(call, handed.index);
      const parameter = helper?.getParameters()[handed.index];
      if (!helper || !parameter || helpers.has(helper)) return [];
      const inHelper: App = { declaration: parameter, creation: app.creation, base: handed.base };
      return this.callsOn(inHelper, helper.getSourceFile(), helper, derived, new Set(helpers).add(helper), {
        call,
        fn: helper,
        outer: handing,
      });
    });
  }

  /** Where a call hands the app to a function (`createRoutes(app)`): the argument's index and the base path of the name handed. */
  private handed(call: CallExpression, names: Map<Declaration, string>): { index: number; base: string } | undefined {
    const { ts } = this;
    // Methods (`app.route(…)`, `api.mount(…)`) are the app's or another object's: not a helper of the project.
    if (ts.Node.isPropertyAccessExpression(call.getExpression())) return undefined;
    const index = call.getArguments().findIndex((arg) => {
      const declaration = this.declarationOf(unwrap(ts, arg));
      return !!declaration && names.has(declaration);
    });
    if (index < 0) return undefined;
    return { index, base: names.get(this.declarationOf(unwrap(ts, call.getArguments()[index]!))!)! };
  }

  /** The function of the project a call hands the app to (`createRoutes(app)`, `require('./routes')(app)`); one whose module has no file is a warning. */
  private helper(call: CallExpression, index: number): FunctionNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (this.handsToComputedRequire(call, index)) return undefined;
    const missing = this.missing(callee);
    if (missing) {
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${shortText(call)}: no file of the project is found for '${missing}', the routes it registers are not read`,
        call,
        this.missingHint(callee, missing),
      );
      return undefined;
    }
    const value = this.modules.calleeValue(callee);
    return value && isFunction(ts, value) ? value : undefined;
  }

  /** Whether a method call starts with a path (`app.get('/x', h)`), or not (`app.get('/x', h).post(h2)`'s `post`). */
  private isPath(args: TsNode[]): boolean {
    const { ts } = this;
    const [first] = args;
    if (!first) return false;
    if (isPathLiteral(ts, first) || ts.Node.isArrayLiteralExpression(first)) return true;
    const value = unwrap(ts, first);
    if (isFunction(ts, value) || ts.Node.isCallExpression(value)) return false;
    if (ts.Node.isIdentifier(value)) {
      const held = this.modules.follow(value)?.value;
      return !!held && !isFunction(ts, held) && !ts.Node.isCallExpression(held);
    }
    // `app.get(paths.users, handler)`: a computed path; `app.post(handlers.create)`: a handler.
    return args.length >= 2;
  }

  /**
   * The names an app goes by in its module, with the base path of each: its own, and those a
   * `basePath()` (or any link of a chain) derives from it (`const v1 = app.basePath('/v1')`), which
   * register on the same app under the combined base path, as Hono's clones share its routes.
   */
  private derived(app: App, source: SourceFile): Map<Declaration, string> {
    const { ts } = this;
    const names = new Map<Declaration, string>();
    if (app.declaration) names.set(app.declaration, app.base);
    const candidates = source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration);
    for (let grown = true; grown;) {
      grown = false;
      for (const declaration of candidates) {
        const init = declaration.getInitializer();
        if (names.has(declaration) || !init) continue;
        const root = chainRoot(ts, init, CHAIN);
        if (root === unwrap(ts, init) || !ts.Node.isIdentifier(root)) continue;
        const parent = this.declarationOf(root);
        const base = parent && names.get(parent);
        if (base === undefined) continue;
        names.set(declaration, joinPaths(base, this.basePaths(init)));
        grown = true;
      }
    }
    return names;
  }

  /** Whether `call` is made on this app: through its name (or one derived from it), or on the chain that makes it. */
  private isOn(call: CallExpression, app: App, names: Map<Declaration, string>): boolean {
    const { ts } = this;
    const root = chainRoot(ts, (call.getExpression() as PropertyAccessExpression).getExpression(), CHAIN);
    if (root === app.creation || this.refersTo(root, app.member)) return true;
    const declaration = this.declarationOf(root);
    return !!declaration && names.has(declaration);
  }

  /** The base path a call registers under: its receiver's (the app's, a derived name's) and the chain's `basePath()` links before it. */
  private baseOf(call: CallExpression, app: App, names: Map<Declaration, string>): string {
    const { ts } = this;
    const receiver = (call.getExpression() as PropertyAccessExpression).getExpression();
    const root = chainRoot(ts, receiver, CHAIN);
    const declaration = this.declarationOf(root);
    const own = root === app.creation ? '' : ((declaration && names.get(declaration)) ?? app.base);
    return joinPaths(own, this.basePaths(receiver));
  }

  /** The base paths of a chain (`x.basePath('/api').basePath('/v1')` → `/api/v1`); a computed one is a warning. */
  private basePaths(node: TsNode): string {
    const { ts } = this;
    for (const call of basePathCalls(ts, node)) {
      const [arg] = call.getArguments();
      if (arg && this.literal(arg) === undefined && !this.computedBases.has(call)) {
        this.computedBases.add(call);
        this.warn(
          'DG_ROUTES_PREFIX_UNKNOWN',
          `basePath(${shortText(arg)}) is computed at run time: the routes under it are shown without it`,
          call,
          "give the base path as a literal (app.basePath('/v1')) so docgen can read it",
        );
      }
    }
    return basePathOf(ts, node, this.constants);
  }

  /** A route's path (or list of paths) as written; a computed one is a warning. */
  private paths(call: CallExpression, node: TsNode | undefined): string[] {
    const { ts } = this;
    if (!node) return [];
    const nodes = ts.Node.isArrayLiteralExpression(node) ? node.getElements() : [node];
    return nodes.flatMap((element) => {
      const stated = this.literal(element);
      if (stated !== undefined) return [stated];
      this.warn(
        'DG_ROUTES_COMPUTED_PATH',
        `${methodOf(ts, call)}(${shortText(element)}, …) registers a route whose path is computed at run time: it is not read`,
        call,
        "register it with a literal path (app.get('/users/:id', …)) so docgen can read it",
      );
      return [];
    });
  }

  /**
   * `@hono/zod-openapi`'s `app.openapi(createRoute({ method: 'get', path: '/tasks/{id}' }), handler)`, the
   * route config inline, in a `const` or imported (`routes.list` of `import * as routes`): the route it states,
   * served as `/tasks/:id`.
   */
  private openapi(call: CallExpression, base: string, seen: Use[], out: Route[]): void {
    const { ts } = this;
    const [config, ...handlers] = call.getArguments();
    const options = config && this.routeConfig(config);
    const method = options && this.literal(property(ts, options, 'method'));
    const path = options && this.literal(property(ts, options, 'path'));
    if (!method || path === undefined) {
      if (config)
        this.warn(
          'DG_ROUTES_COMPUTED_PATH',
          `openapi(${shortText(config)}, …) registers a route whose method or path docgen cannot read: it is not read`,
          call,
          "give the route as createRoute({ method: 'get', path: '/users/{id}', … }), inline, in a const or exported by a module of the project",
        );
      return;
    }
    this.add(call, [method.toUpperCase()], base, path.replace(/\{(\w+)\}/g, ':$1'), handlers, seen, out);
  }

  /** The object a route config stands for: `createRoute({ … })` (or the object itself), by name or imported. */
  private routeConfig(node: TsNode, depth = 0): ObjectLiteralExpression | undefined {
    const { ts } = this;
    if (depth > 8) return undefined;
    const value = unwrap(ts, node);
    if (ts.Node.isObjectLiteralExpression(value)) return value;
    if (ts.Node.isCallExpression(value) && /\bcreateRoute$/.test(value.getExpression().getText())) {
      const [arg] = value.getArguments();
      return arg && this.routeConfig(arg, depth + 1);
    }
    if (ts.Node.isIdentifier(value)) {
      const held = this.modules.follow(value)?.value;
      return held && this.routeConfig(held, depth + 1);
    }
    if (ts.Node.isPropertyAccessExpression(value)) {
      const namespace = unwrap(ts, value.getExpression());
      const file = ts.Node.isIdentifier(namespace) ? this.modules.namespaceFile(namespace) : undefined;
      const held = file && this.modules.exported(file, value.getName())?.value;
      return held ? this.routeConfig(held, depth + 1) : undefined;
    }
    return undefined;
  }

  /** `app.use('/api/*', jwt({ secret }))`: middleware by name, for the routes registered after it that it matches. */
  private use(call: CallExpression, base: string, seen: Use[], out: Route[]): void {
    const { ts } = this;
    const args = call.getArguments();
    const stated = args[0] && this.literal(args[0]);
    const hasPath = stated !== undefined;
    const handlers = hasPath ? args.slice(1) : args;
    const names = handlers
      .filter(
        (arg) =>
          ts.Node.isIdentifier(arg) ||
          ts.Node.isCallExpression(arg) ||
          // `auth.verify`: middleware of the project, or a package's, reached by property access.
          (ts.Node.isPropertyAccessExpression(arg) &&
            (this.modules.functionOf(arg) !== undefined || this.modules.packageServing(arg) !== undefined)),
      )
      .map((arg) => conditionalName(ts, call, shortText(arg)));
    // `app.use('/trpc/*', trpcServer(…))`: a package's handler serves what is under the pattern.
    if (stated !== undefined && /^\/[^*]*\/\*$/.test(stated))
      this.packageMount(call, base, args[0], handlers[handlers.length - 1], seen, out, handlers.slice(0, -1));
    const statuses = handlers.flatMap((node) => this.sentBefore(node));
    const unsafeStatuses = handlers.flatMap((node) => unsafeMethodStatuses(ts, this.modules, node));
    seen.push({ pattern: joinPaths(base, stated ?? '*'), names, statuses, unsafeStatuses });
  }

  /**
   * A package's handler at a path (`app.mount('/graphql', graphqlServer(…))`, `app.route('/auth',
   * auth)`, `app.use('/static/*', serveStatic(…))`): one row, its routes not read. Other
   * handlers (another framework's app of the project) are not read.
   */
  private packageMount(
    call: CallExpression,
    base: string,
    at: TsNode | undefined,
    handler: TsNode | undefined,
    seen: Use[],
    out: Route[],
    before: TsNode[] = [],
  ): boolean {
    const stated = at && this.literal(at);
    const pkg = handler && this.modules.packageServing(unwrap(this.ts, handler));
    if (stated === undefined || !pkg) return false;
    const prefix = joinPaths(base, stated.replace(/\/\*$/, ''));
    const middleware = [
      ...seen.filter((use) => matches(use.pattern, `${prefix}/`)).flatMap((use) => use.names),
      ...before.map((node) => shortText(node)),
    ];
    out.push(packageMountRoute(call, prefix, handler, pkg, middleware));
    return true;
  }

  /**
   * `app.route('/users', users)`: the sub-app's routes under the prefix; in a loop over a literal
   * `const` table (`routes.forEach((route) => app.route('/', route))`, `for (const r of routes)
   * app.route(r.path, r.app)`), each element's. A sub-app docgen cannot follow is a warning.
   */
  private mount(call: CallExpression, base: string, seen: Use[], path: Set<TsNode>, out: Route[]): void {
    const [prefix, sub] = call.getArguments();
    if (!prefix || !sub) return;
    for (const [at, target] of this.table(prefix, sub) ?? [[prefix, sub]]) {
      const app = this.appOf(target);
      const stated = this.literal(at);
      if (app && stated !== undefined) {
        this.read(app, joinPaths(base, stated), seen, path, out, call.getSourceFile().getFilePath());
        continue;
      }
      if (!app && this.packageMount(call, base, at, target, seen, out)) continue;
      const loaded = app ? undefined : this.computedSubApp(target);
      if (loaded) {
        this.warn(
          'DG_ROUTES_PLUGIN_UNREAD',
          `route(${shortText(at)}, ${shortText(target)}) mounts a sub-app loaded from a path computed at run time (${shortText(loaded.specifier)}${loaded.line === call.getStartLineNumber() ? '' : `, line ${loaded.line}`}): its routes are not read`,
          call,
          "import each sub-app by a literal path (app.route('/users', users) with import users from './routes/users'), or from an index module that does",
        );
        continue;
      }
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        app
          ? `route(${shortText(at)}, …) mounts at a path computed at run time: the routes it mounts are not read`
          : `route(${shortText(at)}, ${shortText(target)}) mounts a sub-app docgen cannot follow: its routes are not read`,
        call,
        app
          ? "mount with a literal path (app.route('/users', users)) so docgen can follow it"
          : "mount a Hono app of the project by name (app.route('/users', users)), or loop over a literal `const` array of them",
      );
    }
  }

  /**
   * Where a mounted sub-app is loaded from a path computed at run time: `require(`./routes/${name}`)`,
   * `(await import(path)).default`, written in the mount or held in a name (`const users = require(file).default`),
   * with the line it is loaded at.
   */
  private computedSubApp(target: TsNode): { specifier: TsNode; line: number } | undefined {
    const { ts } = this;
    let value = unwrap(ts, target);
    if (ts.Node.isIdentifier(value)) {
      const held = this.modules.bindingOf(value)?.value;
      if (!held) return undefined;
      value = held;
    }
    const specifier = computedLoad(ts, value);
    return specifier && { specifier, line: specifier.getStartLineNumber() };
  }

  /** The (path, sub-app) pairs a loop over a literal `const` table mounts; undefined outside such a loop. */
  private table(prefix: TsNode, sub: TsNode): Array<[TsNode, TsNode]> | undefined {
    const { ts } = this;
    const loop = loopOver(ts, sub);
    const elements = loop && ts.Node.isIdentifier(loop.at) ? this.modules.tableOf(loop.at) : undefined;
    if (!loop || !elements) return undefined;
    // What `route()` is given for an element: the element, a key of it, or the same literal path for each.
    const field = (element: TsNode, arg: TsNode): TsNode => {
      if (loop.element(arg)) return element;
      const key = loop.key(arg);
      const object = unwrap(ts, element);
      const found =
        key !== undefined && ts.Node.isObjectLiteralExpression(object) ? property(ts, object, key) : undefined;
      return found ?? arg;
    };
    return elements.map((element) => [field(element, prefix), field(element, sub)]);
  }

  private add(
    call: CallExpression,
    methods: string[],
    base: string,
    routePath: string,
    handlers: TsNode[],
    seen: Use[],
    out: Route[],
  ): void {
    const { ts } = this;
    const full = joinStrictPaths(base, routePath);
    const matching = seen.filter((use) => matches(use.pattern, full));
    const middleware = [
      ...matching.flatMap((use) => use.names),
      ...handlers.slice(0, -1).map((node) => shortText(node)),
    ];
    const handler = handlers[handlers.length - 1];
    const answered = handler ? this.statuses(handler) : { statuses: [] };
    // A validator or middleware `use()`d at a pattern the route matches (`app.use('/api/*', zValidator('header', …))`)
    // runs first, as its own do; CSRF protection only for a method that changes state.
    const validated = (method: string) => [
      ...matching.flatMap((use) => [...use.statuses, ...(changesState(method) ? use.unsafeStatuses : [])]),
      ...handlers.slice(0, -1).flatMap((node) => this.sentBefore(node, method)),
    ];
    for (const method of methods)
      out.push({
        method,
        path: full,
        // Hono writes a parameter's pattern in braces: `/:id{[0-9]+}` is `{id}`.
        openapiPath: toOpenApiPath(full.replace(/:(\w+)\{[^/]*\}/g, ':$1')),
        middleware,
        ...answered,
        statuses: httpStatuses([...answered.statuses, ...validated(method)]),
        summary: registrationComment(ts, call),
        ...this.registeredAt(call),
      });
  }

  /** What middleware answers before the handler runs: a validator's 400 (and its hook's), or what middleware of the project sends instead of calling `next()` (`requireSession`'s `HTTPException(401)`). */
  private sentBefore(node: TsNode, method?: string): number[] {
    return [
      ...this.validatorStatuses(node),
      ...this.middlewareSends(node, (fn) => this.sentPassingThrough(fn), method),
    ];
  }

  /** What a middleware sends for the requests it hands on: not what it answers the paths it answers itself with (`c.req.path === '/health'`). */
  private sentPassingThrough(fn: TsNode): number[] {
    return sentPassingThrough(this.ts, fn, 1, (part) => this.statuses(fn, part).statuses);
  }

  /**
   * What a validator middleware of the route answers before the handler runs: `zValidator('json', schema)`
   * (any `@hono/*-validator`) or `validator('form', fn)` of `hono/validator`, written in place or held in a
   * `const` (here or imported), answers 400 to a body it cannot parse or a value that fails; and what a
   * function it is given sends instead (the hook `(result, c) => c.json(…, 422)`, the validation function's `c.text(…, 400)`).
   */
  private validatorStatuses(node: TsNode): number[] {
    const { ts } = this;
    let value = unwrap(ts, node);
    if (ts.Node.isIdentifier(value)) value = unwrap(ts, this.modules.follow(value)?.value ?? value);
    if (!ts.Node.isCallExpression(value)) return [];
    const callee = value.getExpression();
    const pkg = ts.Node.isIdentifier(callee) ? this.modules.packageOf(callee) : undefined;
    if (!pkg || !VALIDATOR_PACKAGE.test(pkg)) return [];
    // The hook written in place or held in a `const` the routes share (`const onInvalid = (result, c) => …`).
    const given = value
      .getArguments()
      .map((arg) => unwrap(ts, arg))
      .map((arg) => (ts.Node.isIdentifier(arg) ? unwrap(ts, this.modules.follow(arg)?.value ?? arg) : arg))
      .filter((arg) => isFunction(ts, arg));
    return [400, ...given.flatMap((fn) => this.literalStatuses(fn))];
  }

  /** What a handler answers with a literal: `c.json(body, 201)`, `c.body(null, 204)`, `c.status(201)`, `c.notFound()`, `new HTTPException(401)`; and what it computes. */
  private statuses(handler: TsNode, part?: TsNode): Pick<Route, 'statuses' | 'computedStatuses'> {
    return this.handlerStatuses(handler, (each) => this.literalStatuses(each), HONO_STATUS_SLOTS, HONO_RESPONSE, part);
  }

  private literalStatuses(fn: TsNode): number[] {
    const { ts } = this;
    const codes: number[] = [];
    for (const call of fn.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const method = methodOf(ts, call);
      const args = call.getArguments();
      const given = method && WITH_STATUS.has(method) ? initStatus(ts, args[1]) : undefined;
      if (given) codes.push(...statusCodes(ts, given));
      else if (method === 'status' && args[0]) codes.push(...statusCodes(ts, args[0]));
      else if (method === 'redirect') codes.push(...(args[1] ? statusCodes(ts, args[1]) : [302]));
      else if (method === 'notFound' && !args.length) codes.push(404);
    }
    for (const created of fn.getDescendantsOfKind(ts.SyntaxKind.NewExpression)) {
      const [first] = created.getArguments();
      if (created.getExpression().getText() === 'HTTPException' && first) codes.push(...statusCodes(ts, first));
    }
    // The errors of the project's classes it throws (`throw new NotFoundError()`), which app.onError answers with their status.
    const thrown = errorStatusesIn(ts, fn, this.modules.errorClassStatus);
    return [...codes, ...thrown];
  }
}

/** Where a Hono handler states a status: `c.status(x)`, the second argument of `c.json(body, x)` and its kin, `c.redirect(url, x)`. */
const HONO_STATUS_SLOTS: StatusSlots = {
  calls: { status: 0, redirect: 1, ...Object.fromEntries([...WITH_STATUS].map((method) => [method, 1])) },
};

/** `new Hono().basePath('/api').basePath('/v1')` → `/api/v1`: the base paths of the chain that makes an app. */
function basePathOf(ts: TsMorph, node: TsNode, imported?: Constants): string {
  return basePathCalls(ts, node)
    .map((call) => literalValue(ts, call.getArguments()[0], imported))
    .filter((value): value is string => value !== undefined)
    .reduce((joined, value) => joinPaths(joined, value), '');
}

/** The `basePath(…)` links of a chain, first first. */
function basePathCalls(ts: TsMorph, node: TsNode): CallExpression[] {
  const calls: CallExpression[] = [];
  let current = unwrap(ts, node);
  while (ts.Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) break;
    if (callee.getName() === 'basePath') calls.unshift(current);
    current = unwrap(ts, callee.getExpression());
  }
  return calls;
}

/** `'GET'` or `['PUT', 'DELETE']` → the literals. */
function literals(ts: TsMorph, node: TsNode | undefined): string[] {
  if (!node) return [];
  const nodes = ts.Node.isArrayLiteralExpression(node) ? node.getElements() : [node];
  return nodes.filter((element) => isPathLiteral(ts, element)).map(pathText);
}

/** Whether a `use()` pattern (`*`, `/api/*`, `/admin`) matches a route path, as Hono's router does for literals. */
function matches(pattern: string, path: string): boolean {
  if (pattern === '/*' || pattern === '*') return true;
  if (pattern.endsWith('/*')) {
    const head = pattern.slice(0, -2);
    return path === head || path.startsWith(`${head}/`);
  }
  return pattern === path;
}
