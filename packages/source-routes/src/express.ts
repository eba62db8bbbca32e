/**
 * The routes an Express app serves, read from its TypeScript (or JavaScript) with ts-morph:
 * `express()` apps and `Router()`s, `app.get('/path', middleware…, handler)`,
 * `router.route('/path').get(…).post(…)`, `app.use('/prefix', router)` mounts followed across
 * relative imports, router-level `use(middleware)` and the statuses handlers and middleware answer
 * with. One RouteReader per run: it keeps the modules and routers read and walks their calls; what a
 * module declares is express-declarations', which router a name stands for express-scopes', what an
 * argument is express-arguments'. The reader hands the rest to functions that take it: `use()` to
 * express-use, which router a mount names to express-mount-targets, route tables to express-tables, a
 * route's row and statuses to express-route-rows, and what it cannot follow to express-unread.
 */
import type { CallExpression, Identifier, Node as TsNode, Project, PropertyAccessExpression } from 'ts-morph';
import type { Diagnostic } from '@docgen/core';
import { AwilixExpressControllers } from './awilix-express.js';
import type { Route } from './model.js';
import { Modules } from './modules.js';
import { rootedAt, runsFor, sentFor } from './scoped-middleware.js';
import { httpStatuses } from './answered-statuses.js';
import { warningOfDefaults } from './module-reader.js';
import { computedRequire, methodOf, unwrap } from './code-shapes.js';
import { handedValue } from './handing.js';
import type { RunNotes } from './run-notes.js';
import {
  ImportResolver,
  joinPaths,
  literalValue,
  shortText,
  syntaxErrors,
  toOpenApiPath,
  underPath,
  type TsMorph,
  syntaxProject,
} from './syntax.js';
import type { ModuleInfo, RouterDef, Site, RouterRef, Scoped } from './express-model.js';
import {
  readDeclarations,
  functionIn,
  requiredFile,
  routerNameOf,
  METHODS,
  isInnerChainCall,
  routeChain,
} from './express-declarations.js';
import {
  declaresOwn,
  handedKey,
  refKey,
  siteOf,
  closureOf,
  parameterScope,
  declaringFunction,
  calledClosure,
  onTheWay,
} from './express-scopes.js';
import { isComputedPath } from './express-arguments.js';
import { givenValue, heldFactoryRouter, instanceRouter } from './express-mount-targets.js';
import { warnUnreadModule, isProjectValue, warnComputedPath } from './express-unread.js';
import { route } from './express-route-rows.js';
import { use } from './express-use.js';

/**
 * One per run. The members that are not private are what the functions it hands work to read (express-use,
 * express-mount-targets, express-tables, express-route-rows, express-unread); the class is not exported from
 * the package.
 */
export class RouteReader {
  readonly project: Project;
  private readonly modules = new Map<string, ModuleInfo>();
  private readonly routers = new Map<string, RouterDef>();
  readonly imports: ImportResolver;
  /** What a name stands for across modules, for paths held in `const`s (imported or `require()`d). */
  readonly names: Modules;
  /** What the code does not say for sure (a mount whose path is computed at run time). */
  readonly warnings: Diagnostic[] = [];
  /** The mounts each route is reached through, outermost first: two routes whose mounts exclude each other are no duplicate. */
  readonly mountedThrough = new WeakMap<Route, Site[]>();
  /** The missing modules already warned about (`file:line:specifier`): every router of a module reads its calls. */
  readonly warnedModules = new Set<string>();
  /** awilix-express's routers of controllers (`controller(UsersApi)`, `loadControllers('routes/*.js')`). */
  readonly awilixControllers: AwilixExpressControllers;

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    public readonly ts: TsMorph,
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
  literal(node: TsNode | undefined): string | undefined {
    return literalValue(this.ts, node, this.constants);
  }
  private readonly constants = warningOfDefaults(
    (id) => this.names.constValue(id) ?? givenValue(this, id) ?? this.handedValue(id),
    this.warnings,
  );
  /** The routers whose calls are being read, innermost last: the functions they were handed to. */
  readonly reading: RouterRef[] = [];

  /**
   * What a parameter of a function the router being read was handed to stands for: what the call
   * that handed it gives (`loadRoutes(app, '/api/v1')`, `{ prefix: '/api' }`), or the default
   * (`prefix = '/api'`); up the calls, for a value handed on (`loadRoutes(app, prefix)`).
   */
  handedValue(node: Identifier | PropertyAccessExpression): TsNode | undefined {
    const value = handedValue(this.ts, this.reading[this.reading.length - 1]?.handed, node);
    return value === node ? undefined : value;
  }

  /**
   * A parameter of the function the router was handed to (or that closes over it) whose call hands it
   * a value computed at run time (`mountRoutes(process.env.PREFIX)` for `app.use(prefix, api)`):
   * a path, not a router or middleware.
   */
  isHandedPath(node: TsNode): boolean {
    if (!this.ts.Node.isIdentifier(node)) return false;
    const value = this.handedValue(node);
    return !!value && isComputedPath(this.ts, unwrap(this.ts, value));
  }

  module(file: string): ModuleInfo {
    let info = this.modules.get(file);
    if (info) return info;
    const source = this.project.addSourceFileAtPath(file);
    syntaxErrors(this.ts, source);
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
  definition(
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
  exportOf(file: string, name: string, seen = new Set<string>()): { file: string; local: string } | undefined {
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
    return member && instanceRouter(this, member);
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
      // A `req.originalUrl` path not under this mount (`/api/v1/x` of a router also mounted at `/other`) never reaches it here.
      if (entry.kind === 'route' && entry.whole && !underPath(prefix, entry.route.path)) continue;
      if (entry.kind === 'route') {
        const full = entry.whole ? entry.route.path : joinPaths(prefix, entry.route.path);
        const runs = entry.before ? [...middleware, ...rootedAt(prefix, entry.before)] : middleware;
        const sent = sentFor(runs, full, entry.route.method);
        const route = {
          ...entry.route,
          path: full,
          openapiPath: toOpenApiPath(full),
          middleware: [...runsFor(runs, full), ...entry.route.middleware],
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
        const scoped = rootedAt(prefix, mount.middleware);
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
    // An app made elsewhere that the entry registers on: what was registered where it was made runs first.
    if (ref.made) {
      def.entries.push({ kind: 'mount', mount: { prefix: '', target: ref.made, middleware: [] } });
      routerLevel.push(...(this.router(ref.made).trailing ?? []));
    }
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
        warnUnreadModule(this, loader);
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
        isProjectValue(this, callee.getExpression())
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
                def.entries.push({ kind: 'route', route: route(this, call, method, path, args.slice(1), routerLevel) });
            },
          });
        } else if (METHODS.has(method) && args.length >= 2) {
          warnComputedPath(this, ref.file, call, args[0]!);
        } else if (method === 'use') {
          steps.push({ at, run: () => use(this, ref, call, def, routerLevel) });
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
              // `.route('/x').all(requireUser).get(…)`: an `all` ahead of other methods runs before
              // each of them and calls next() (or they would never answer): their middleware, not a route.
              let before: TsNode[] = [];
              chain.links.forEach((link, index) => {
                const args = link.call.getArguments();
                if (link.method === 'all' && index < chain.links.length - 1) before = [...before, ...args];
                else
                  def.entries.push({
                    kind: 'route',
                    route: route(this, link.call, link.method, chain.path, [...before, ...args], routerLevel),
                  });
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
      const made = ts.Node.isIdentifier(target)
        ? (this.resolve(entry, target.getText()) ?? heldFactoryRouter(this, entry, target))
        : undefined;
      // What the entry registers on it itself (`app.post('/mcp', …)`) comes after what was registered where it was made.
      const ref =
        made && this.registersOn(entry, target.getText()) ? { file: entry, name: target.getText(), made } : made;
      if (ref && !starts.some((start) => start.file === ref.file && start.name === ref.name)) starts.push(ref);
    }
    return starts;
  }

  /** Whether a module registers routes or middleware on a name itself (`app.post(…)`, `app.use(…)`, `app.route(…)`). */
  private registersOn(file: string, name: string): boolean {
    const { ts } = this;
    return this.module(file)
      .source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)
      .some((call) => {
        const callee = call.getExpression();
        return (
          ts.Node.isPropertyAccessExpression(callee) &&
          callee.getExpression().getText() === name &&
          (METHODS.has(callee.getName()) || callee.getName() === 'use' || callee.getName() === 'route')
        );
      });
  }

  /** The paths a path argument states: a path, or a list of them (`['/about', '/about-us']`); undefined if any is computed. */
  literals(node: TsNode): string[] | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (!ts.Node.isArrayLiteralExpression(value)) {
      const path = this.literal(node);
      return path === undefined ? undefined : [path];
    }
    const paths = value.getElements().map((element) => this.literal(element));
    return paths.length && paths.every((path) => path !== undefined) ? (paths as string[]) : undefined;
  }
}
