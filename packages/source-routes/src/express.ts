/**
 * The routes an Express app serves, read from its TypeScript (or JavaScript) with ts-morph:
 * `express()` apps and `Router()`s, `app.get('/path', middleware…, handler)`,
 * `router.route('/path').get(…).post(…)`, `app.use('/prefix', router)` mounts followed across
 * relative imports, router-level `use(middleware)` and the statuses handlers and middleware answer
 * with. One RouteReader per run; what a module declares is express-declarations', which router a name
 * stands for express-scopes', what an argument is express-arguments'.
 */
import type {
  CallExpression,
  ClassDeclaration,
  Identifier,
  Node as TsNode,
  Project,
  PropertyAccessExpression,
} from 'ts-morph';
import type { Diagnostic } from '@docgen/core';
import { knownMiddlewareStatuses, unsafeMethodStatuses } from './known-middleware.js';
import { tsoaAction, tsoaMiddleware, tsoaSuccessStatuses, type TsoaAction } from './tsoa.js';
import { AwilixExpressControllers, type ControllerRoute } from './awilix-express.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, responseParameter } from './implicit.js';
import type { Route } from './model.js';
import { isConst, Modules } from './modules.js';
import { answersItself, functionMountRoute, packageMountRoute } from './mounted-handlers.js';
import { runsFor, sentFor, withSentStatuses } from './scoped-middleware.js';
import { httpStatuses, answeredStatuses } from './answered-statuses.js';
import { warningOfDefaults } from './module-reader.js';
import { keptIn, madeClass, classConstant, thisMember } from './class-members.js';
import { computedRequire, property, methodOf, returnedBy, unwrap } from './code-shapes.js';
import { handedValue } from './handing.js';
import type { RunNotes } from './run-notes.js';
import {
  commentBefore,
  constArray,
  EXPRESS_STATUS_SLOTS,
  expressStatusesIn,
  ImportResolver,
  isPathLiteral,
  joinPaths,
  literalValue,
  loopOver,
  shortText,
  syntaxErrors,
  toOpenApiPath,
  type TsMorph,
  isFunctionLike,
  type FunctionNode,
  syntaxProject,
  inside,
} from './syntax.js';
import type { ModuleInfo, RouterDef, Site, RouterRef, Scoped, Mount } from './express-model.js';
import {
  readDeclarations,
  functionIn,
  requiredFile,
  routerNameOf,
  METHODS,
  isInnerChainCall,
  routeChain,
  literalTable,
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
import {
  isComputedPath,
  flattened,
  isLoopValue,
  isPlainMiddleware,
  handedList,
  classParameter,
  declarationComment,
} from './express-arguments.js';

export class RouteReader {
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
