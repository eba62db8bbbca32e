/**
 * The routes a NestJS app serves, read syntactically like the Express ones: from
 * `NestFactory.create(AppModule)` (and `app.setGlobalPrefix('api')`) through each
 * `@Module({ imports, controllers })`, `RouterModule.register([{ path, module }])` prefixes
 * included, to every `@Controller('users')` class and its `@Get(':id')`-decorated methods.
 * Guards (`@UseGuards`) stand where Express has middleware; statuses are `@HttpCode`, else Nest's
 * default (201 for POST, 200 otherwise), or a `@Redirect`'s.
 */
import type {
  ArrayLiteralExpression,
  CallExpression,
  ClassDeclaration,
  ClassExpression,
  Decorator,
  MethodDeclaration,
  Node as TsNode,
  ObjectLiteralExpression,
  Project,
  PropertyAccessExpression,
  SourceFile,
} from 'ts-morph';
import type { Diagnostic } from '@docgen/core';
import type { RunNotes } from './run-notes.js';
import type { Route } from './model.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, responseParameter } from './implicit.js';
import { type Declaration, isConst, isFunction, Modules } from './modules.js';
import { packageMountRoute } from './mounted-handlers.js';
import { withoutScopedMiddleware } from './scoped-middleware.js';
import { httpStatuses, answeredStatuses } from './answered-statuses.js';
import { warningOfDefaults } from './module-reader.js';
import { nameStart, chainRoot, returnedBy, unwrap } from './code-shapes.js';
import {
  commentBefore,
  errorStatusesIn,
  computedStatusesIn,
  EXPRESS_STATUS_SLOTS,
  expressStatusesIn,
  isPathLiteral,
  joinPaths,
  pathText,
  literalValue,
  type Constants,
  shortText,
  statusCode,
  toOpenApiPath,
  type TsMorph,
  underPath,
} from './syntax.js';

/** The operators whose result is a boolean: a guard returning one can refuse. */
const BOOLEAN_OPERATORS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', '&&', '||', 'instanceof', 'in']);

/** Calls that answer a boolean (`roles.some(…)`, `user.roles.includes(role)`, `allowed.has(id)`). */
const BOOLEAN_METHODS = /\.(some|every|includes|has|startsWith|endsWith|test)$/;

/** Nest's route decorators → the method they serve. */
const ROUTE_DECORATORS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Options: 'OPTIONS',
  Head: 'HEAD',
  All: 'ALL',
  Search: 'SEARCH',
};

/** The methods of a Nest app that return it, so that calls chain: `app.setGlobalPrefix('api').enableVersioning(…)`. */
const APP_SETTERS = new Set([
  'setGlobalPrefix',
  'enableVersioning',
  'use',
  'enableCors',
  'enableShutdownHooks',
  'useGlobalGuards',
  'useGlobalPipes',
  'useGlobalInterceptors',
  'useGlobalFilters',
]);

/** Whether a file looks like a Nest app's entry (or a module or controller of one). */
export function isNestSource(text: string): boolean {
  return /\bNestFactory\s*\.\s*create\b|@Module\s*\(|@Controller\s*\(/.test(text);
}

/** A class as written, declared or an expression (`mixin(class implements CanActivate {…})`). */
type ClassLikeDeclaration = ClassDeclaration | ClassExpression;

interface ClassRef {
  file: string;
  declaration: ClassDeclaration;
}

export class NestReader {
  /** The app's files, parsed once, and its imports resolved (tsconfig paths, `#imports`). */
  private readonly modules: Modules;

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    private readonly ts: TsMorph,
    project: Project,
    notes: RunNotes,
  ) {
    this.modules = new Modules(ts, project, notes);
  }

  /** What the code does not say for sure (a global prefix computed at run time). */
  readonly warnings: Diagnostic[] = [];
  /** The values of `const`s imported or required from the project's modules, for `literalValue`. */
  private readonly constants: Constants = warningOfDefaults((node) => this.modules.constValue(node), this.warnings);
  private readonly literal: Literal = (node) => literalValue(this.ts, node, this.constants);
  /** The modules of the tree, in the order they are read: their `configure(consumer)` apply middleware. */
  private readonly visited: ClassRef[] = [];

  /** The routes of the app `entry` bootstraps, in the order Nest registers them. */
  routes(entry: string): Route[] {
    const source = this.source(entry);
    const bootstrap = this.bootstrapCalls(source);
    // What main.ts (or a function it hands the app to) sets on the app; without a
    // `NestFactory.create` to follow, every call of the entry.
    const onApp = bootstrap.calls ?? source.getDescendantsOfKind(this.ts.SyntaxKind.CallExpression);
    const { prefix, excluded, unknown } = globalPrefix(this.ts, onApp, this.constants);
    if (unknown)
      this.warnings.push({
        code: 'DG_ROUTES_PREFIX_UNKNOWN',
        severity: 'warning',
        message: `the global prefix ${unknown.text} is computed at run time: routes are shown without it`,
        location: unknown.location,
        hint: "write it as a literal or a const in this file (const globalPrefix = 'api')",
      });
    const versioning = uriVersioning(this.ts, onApp, this.literal);
    const roots = this.rootModules(source);
    const controllers = roots.length ? this.controllersOf(roots) : this.classesWith(source, 'Controller');
    const applied = this.visited.flatMap((module) => this.consumerMiddleware(module));
    const appGuards = this.visited.flatMap((module) => this.appGuards(module));
    const appGuardStatuses = appGuards.flatMap((guard) => guard.statuses);
    // What packages serve at a path (`SwaggerModule.setup('docs', app, document)`, `app.use('/dash', agendash(…))`)
    // is registered on the server when main.ts runs; the controllers' routes later, when the app starts listening.
    const routes: Route[] = bootstrap.served.flatMap((served) => this.servedRoutes(served, prefix));
    for (const { controller, modulePrefix } of controllers)
      for (const { route: own, versions } of this.controllerRoutes(controller, modulePrefix)) {
        // Middleware runs before guards: `consumer.apply(…)`'s names come first.
        const middleware = applied.filter((rule) => rule.appliesTo(controller.declaration, own.method, own.path));
        const unprefixed = excluded.some((target) => target.matches(controller.declaration, own.method, own.path));
        const global = prefix && !unprefixed ? prefix : '';
        // URI versioning puts `/v1` between the global prefix and the route; a version-neutral route has none.
        const segments = versioning
          ? [...new Set(versions ?? versioning.defaults)].map((version) => version && `${versioning.prefix}${version}`)
          : [];
        for (const segment of segments.length ? segments : ['']) {
          const path = joinPaths(joinPaths(global, segment), own.path);
          // `app.use(…)` in main.ts runs first (on the path it is served at), then the modules'
          // middleware, then `app.useGlobalGuards(…)`, then the controller's and the method's guards.
          const names = [
            ...bootstrap.uses.filter((use) => underPath(use.path, path)).flatMap((use) => use.names),
            ...middleware.flatMap((rule) => rule.names),
            ...bootstrap.guards,
            ...appGuards.map((guard) => guard.name),
            ...own.middleware,
          ];
          const statuses = httpStatuses([...own.statuses, ...bootstrap.guardStatuses, ...appGuardStatuses]);
          routes.push({ ...own, middleware: names, statuses, path, openapiPath: toOpenApiPath(path) });
        }
      }
    // A package's handler at a path the controllers serve under guards them (`app.use('/api', rateLimit(…))`): not a row.
    // Swagger's UI guards nothing, even at `/`.
    const kept = new Set(withoutScopedMiddleware(routes));
    return routes.filter((route) => kept.has(route) || route.servedBy === SWAGGER);
  }

  /**
   * The rows of what a package serves at a path in main.ts: `ALL /docs/*` for Swagger's UI, and
   * `GET /docs-json` and `GET /docs-yaml` for its document (real endpoints the app answers, shown as
   * the package's rows: not compared with the spec), not under the global prefix unless
   * `useGlobalPrefix: true` says so (nor is an `app.use()` path), with the `app.use()` middleware
   * registered before it.
   */
  private servedRoutes(served: ServedMount | InstanceRoute, globalPrefix: string): Route[] {
    if ('route' in served) {
      const { route } = served;
      const before = served.uses.filter((use) => underPath(use.path, route.path)).flatMap((use) => use.names);
      return [{ ...route, middleware: [...before, ...route.middleware] }];
    }
    const under = served.useGlobalPrefix ? globalPrefix : '';
    const base = joinPaths(under, served.path);
    const runsFor = (path: string) =>
      served.uses.filter((use) => underPath(use.path, path)).flatMap((use) => use.names);
    const route = packageMountRoute(served.call, base, served.handler, served.pkg, [
      ...runsFor(base),
      ...served.before,
    ]);
    if (served.pkg !== SWAGGER) return [route];
    const rows: Route[] = [];
    if (served.swagger?.ui !== false)
      rows.push({
        ...route,
        summary: `Served by \`SwaggerModule.setup\` (package \`${SWAGGER}\`): the Swagger UI; its routes are not read`,
      });
    for (const [format, url] of Object.entries(served.swagger?.documents ?? {})) {
      const path = joinPaths(under, url);
      rows.push({
        ...route,
        method: 'GET',
        path,
        openapiPath: path,
        middleware: runsFor(path),
        summary: `Served by \`SwaggerModule.setup\` (package \`${SWAGGER}\`): the OpenAPI document as ${format.toUpperCase()}`,
      });
    }
    return rows;
  }

  /**
   * What the bootstrap function does to the app for every route: `app.use(helmet())` (or
   * `app.use('/admin', basicAuth)`, on the paths under it) and `app.useGlobalGuards(…)`, on the app
   * `NestFactory.create(…)` makes, in main.ts and in the functions of the project it hands the app
   * to (`setupSecurity(app)`), in the order they run.
   */
  private bootstrapCalls(source: SourceFile): {
    uses: GlobalUse[];
    guards: string[];
    /** What `app.useGlobalGuards(…)`'s guards refuse a request with, on every controller route. */
    guardStatuses: number[];
    served: Array<ServedMount | InstanceRoute>;
    calls?: CallExpression[];
  } {
    const { ts } = this;
    const uses: GlobalUse[] = [];
    const guards: string[] = [];
    const guardStatuses: number[] = [];
    const served: Array<ServedMount | InstanceRoute> = [];
    const calls: CallExpression[] = [];
    const isCreate = (node: TsNode | undefined): boolean => {
      const call = node && unwrap(ts, node);
      return (
        !!call &&
        ts.Node.isCallExpression(call) &&
        /^NestFactory\s*\.\s*create\w*$/.test(call.getExpression().getText())
      );
    };
    const app: Declaration | undefined =
      source
        .getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)
        .find((declaration) => isCreate(declaration.getInitializer())) ?? this.thenParameter(source, isCreate);
    const visit = (scope: TsNode, target: Declaration, depth: number): void => {
      if (depth > 4) return;
      const written = scope
        .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
        .sort((a, b) => a.getStart() - b.getStart());
      for (const call of written) {
        const callee = call.getExpression();
        const args = call.getArguments();
        // `expressApp.get('/health', …)` with `const expressApp = app.getHttpAdapter().getInstance()`:
        // registered on the server as main.ts runs, outside the global prefix.
        const onInstance =
          ts.Node.isPropertyAccessExpression(callee) && this.isAdapterInstance(callee.getExpression(), target);
        if (onInstance && HTTP_METHODS.has(callee.getName()) && args.length >= 2) {
          const path = literalValue(ts, args[0], this.constants);
          if (path !== undefined)
            served.push({ route: this.instanceRoute(call, callee.getName(), path), uses: [...uses] });
          continue;
        }
        // `app.setGlobalPrefix('api').enableVersioning(…)`: Nest's setters return the app. `app.use(…)`
        // hands its arguments to the adapter's instance: `expressApp.use(…)` is the same.
        if (
          ts.Node.isPropertyAccessExpression(callee) &&
          (onInstance || this.isName(chainRoot(ts, callee.getExpression(), APP_SETTERS), target))
        ) {
          if (!onInstance) calls.push(call);
          if (callee.getName() === 'useGlobalGuards') {
            guards.push(...args.map((arg) => shortText(arg)));
            guardStatuses.push(...this.refusedByGuards(call.getSourceFile().getFilePath(), args));
          }
          if (callee.getName() !== 'use') continue;
          const path = literalValue(ts, args[0], this.constants);
          const handlers = path === undefined ? args : args.slice(1);
          // `app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec))`: a package serves the path, as in Express.
          const handler = handlers[handlers.length - 1];
          const pkg =
            path !== undefined && handler && !this.modules.isBodyParser(handler)
              ? this.modules.packageServing(handler)
              : undefined;
          if (pkg && handler)
            served.push({
              call,
              path: path!,
              handler,
              pkg,
              useGlobalPrefix: false,
              uses: [...uses],
              before: handlers.slice(0, -1).map((arg) => shortText(arg)),
            });
          const names = handlers.filter((arg) => !this.modules.isParserOrFiles(arg)).map((arg) => shortText(arg));
          uses.push({ path: path ?? '/', names });
          continue;
        }
        // `SwaggerModule.setup('docs', app, document)`: the Swagger UI, served beside the controllers.
        if (this.isSwaggerSetup(call) && args[1] && this.isName(args[1], target)) {
          const path = literalValue(ts, args[0], this.constants);
          if (path === undefined)
            this.warnAt(
              'DG_ROUTES_COMPUTED_MOUNT',
              `SwaggerModule.setup(${shortText(args[0] ?? call)}, …) serves the API docs at a path computed at run time: it is not listed`,
              call,
              "give the path as a literal or a const (SwaggerModule.setup('docs', app, document))",
            );
          else
            served.push({
              call,
              path,
              handler: call,
              pkg: SWAGGER,
              useGlobalPrefix: this.usesGlobalPrefix(args[3]),
              swagger: this.swaggerServes(path, args[3]),
              uses: [...uses],
              before: [],
            });
          setups.add(call);
          continue;
        }
        // `setupSecurity(app)`, `SwaggerConfig.setup(app)`, `new Docs().mount(app)`: what a function or
        // method of the project does to its parameter.
        const index = args.findIndex((arg) => this.isName(arg, target));
        if (index === -1) continue;
        const fn = this.modules.functionOf(callee);
        const parameter =
          fn && (isFunction(ts, fn) || ts.Node.isMethodDeclaration(fn)) ? fn.getParameters()[index] : undefined;
        if (fn && parameter && ts.Node.isIdentifier(parameter.getNameNode())) visit(fn, parameter, depth + 1);
      }
    };
    const setups = new Set<CallExpression>();
    if (app) visit(source, app, 0);
    // Also where main.ts makes no app of its own (`createApp()` from a module that does): its setup is not read.
    this.warnUnreachedSwagger(source, setups);
    return app ? { uses, guards, guardStatuses, served, calls } : { uses, guards, guardStatuses, served };
  }

  /** `NestFactory.create(AppModule).then((app) => …)`: the parameter the app arrives as. */
  private thenParameter(source: SourceFile, isCreate: (node: TsNode) => boolean): Declaration | undefined {
    const { ts } = this;
    for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'then') continue;
      if (!isCreate(callee.getExpression())) continue;
      const [callback] = call.getArguments();
      const fn = callback && unwrap(ts, callback);
      const parameter = fn && isFunction(ts, fn) ? fn.getParameters()[0] : undefined;
      if (parameter && ts.Node.isIdentifier(parameter.getNameNode())) return parameter;
    }
    return undefined;
  }

  /**
   * A `SwaggerModule.setup(…)` in main.ts or a module it imports that is not on the app as docgen
   * follows it (`SwaggerModule.setup('docs', this.app, …)` in a class given the app elsewhere): the
   * docs it serves are not listed, so the run says so at the call.
   */
  private warnUnreachedSwagger(entry: SourceFile, reached: Set<CallExpression>): void {
    const files = [
      entry,
      ...entry
        .getImportDeclarations()
        .map((declaration) => this.modules.resolve(entry.getFilePath(), declaration.getModuleSpecifierValue()))
        .filter((file): file is string => file !== undefined)
        .map((file) => this.source(file)),
    ];
    for (const file of new Set(files))
      for (const call of file.getDescendantsOfKind(this.ts.SyntaxKind.CallExpression))
        if (this.isSwaggerSetup(call) && !reached.has(call))
          this.warnAt(
            'DG_ROUTES_DOCS_UNREAD',
            `SwaggerModule.setup(${shortText(call.getArguments()[0] ?? call)}, …) is not called on the app main.ts creates as docgen follows it (main.ts, or a function or method main.ts hands the app to): the docs it serves are not listed`,
            call,
            'hand the app to the function or method that calls it (setupSwagger(app)), and call SwaggerModule.setup on that parameter',
          );
  }

  /**
   * What `SwaggerModule.setup(path, app, document, options)` serves besides its path: the UI unless
   * `ui: false` (or `swaggerUiEnabled: false`), and the document at `<path>-json` and `<path>-yaml`, or at
   * `jsonDocumentUrl` / `yamlDocumentUrl`, unless `raw: false` (or a list that leaves one out).
   */
  private swaggerServes(path: string, options: TsNode | undefined): SwaggerServes {
    const { ts } = this;
    let object = options && unwrap(ts, options);
    if (object && ts.Node.isIdentifier(object)) object = this.modules.follow(object)?.value;
    const option = (name: string) =>
      object && ts.Node.isObjectLiteralExpression(object) ? propertyValue(ts, object, name) : undefined;
    const ui = option('ui') ?? option('swaggerUiEnabled');
    const raw = option('raw') && unwrap(ts, option('raw')!);
    const documents: SwaggerServes['documents'] = {};
    for (const format of ['json', 'yaml'] as const) {
      const served =
        !raw ||
        (raw.getText() !== 'false' &&
          (!ts.Node.isArrayLiteralExpression(raw) ||
            raw.getElements().some((element) => literalValue(ts, element) === format)));
      const url = option(`${format}DocumentUrl`);
      const stated = url ? this.literal(url) : `${path}-${format}`;
      // A URL computed at run time is not known: left out, as a computed setup path is.
      if (served && stated !== undefined) documents[format] = stated;
    }
    return { ui: ui?.getText() !== 'false', documents };
  }

  /** `app.getHttpAdapter().getInstance()`, written there or held in a `const`: the Express (or Fastify) app under Nest's. */
  private isAdapterInstance(node: TsNode, target: Declaration): boolean {
    const { ts } = this;
    let value: TsNode | undefined = unwrap(ts, node);
    if (ts.Node.isIdentifier(value)) {
      const binding = this.modules.bindingOf(value);
      value = binding?.declaration && isConst(ts, binding.declaration) ? binding.value : undefined;
    }
    if (!value || !ts.Node.isCallExpression(value)) return false;
    const getInstance = value.getExpression();
    if (!ts.Node.isPropertyAccessExpression(getInstance) || getInstance.getName() !== 'getInstance') return false;
    const adapter = unwrap(ts, getInstance.getExpression());
    if (!ts.Node.isCallExpression(adapter)) return false;
    const getAdapter = adapter.getExpression();
    return (
      ts.Node.isPropertyAccessExpression(getAdapter) &&
      getAdapter.getName() === 'getHttpAdapter' &&
      this.isName(getAdapter.getExpression(), target)
    );
  }

  /**
   * What a handler that takes the response object (`@Res() res`) answers with, itself and through the
   * project's functions it hands `res` to (`answeredStatuses`); undefined for one that takes none.
   */
  private answered(method: MethodDeclaration, ok: number): Pick<Route, 'statuses' | 'computedStatuses'> | undefined {
    const decorator = responseDecorator(method);
    const parameter = decorator?.getParentIfKind(this.ts.SyntaxKind.Parameter);
    if (!parameter || !method.getBody()) return undefined;
    const at = method.getParameters().indexOf(parameter);
    return answeredStatuses(
      this.ts,
      this.modules,
      method,
      at,
      (fn) => expressStatusesIn(this.ts, fn, this.modules.errorClassStatus),
      EXPRESS_STATUS_SLOTS,
      { ...EXPRESS_RESPONSE, ok },
    );
  }

  /** A route registered on the adapter's instance (`expressApp.get('/health', (req, res) => …)`), as the Express reader reads one. */
  private instanceRoute(call: CallExpression, method: string, path: string): Route {
    const handlers = call.getArguments().slice(1);
    const handler = handlers[handlers.length - 1]!;
    const full = joinPaths('', path);
    return {
      method: method.toUpperCase(),
      path: full,
      openapiPath: toOpenApiPath(full),
      middleware: handlers.slice(0, -1).map((node) => shortText(node)),
      statuses: httpStatuses([
        ...expressStatusesIn(this.ts, handler, this.modules.errorClassStatus),
        ...implicitStatusesIn(this.ts, handler, responseParameter(this.ts, handler, 1), EXPRESS_RESPONSE),
      ]),
      summary: commentBefore(call.getFirstAncestorByKind(this.ts.SyntaxKind.ExpressionStatement) ?? call),
      file: call.getSourceFile().getFilePath(),
      line: call.getStartLineNumber(),
    };
  }

  /** `SwaggerModule.setup(…)`, `SwaggerModule` imported from `@nestjs/swagger`. */
  private isSwaggerSetup(call: CallExpression): boolean {
    const { ts } = this;
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'setup') return false;
    const module = unwrap(ts, callee.getExpression());
    // `@nestjs/swagger`, or a path into it (`@nestjs/swagger/dist`).
    const from = ts.Node.isIdentifier(module) ? this.modules.packageOf(module) : undefined;
    return from === SWAGGER || !!from?.startsWith(`${SWAGGER}/`);
  }

  /** Whether `SwaggerModule.setup`'s options (written there, or a `const` object) say `useGlobalPrefix: true`. */
  private usesGlobalPrefix(options: TsNode | undefined): boolean {
    const { ts } = this;
    let object = options && unwrap(ts, options);
    if (object && ts.Node.isIdentifier(object)) object = this.modules.follow(object)?.value;
    if (!object || !ts.Node.isObjectLiteralExpression(object)) return false;
    return propertyValue(ts, object, 'useGlobalPrefix')?.getText() === 'true';
  }

  /** Whether a node is the name `target` declares, in its scope. */
  private isName(node: TsNode, target: Declaration): boolean {
    const value = unwrap(this.ts, node);
    return this.ts.Node.isIdentifier(value) && this.modules.bindingOf(value)?.declaration === target;
  }

  private source(file: string): SourceFile {
    return this.modules.source(file);
  }

  /**
   * A module's `configure(consumer)`: each `consumer.apply(A, B).exclude(…).forRoutes(…)` as the
   * middleware names and the routes they apply to (controllers by class, paths by pattern, methods).
   * What is not stated (a computed target, the consumer handed on) is a warning.
   */
  private consumerMiddleware(module: ClassRef): MiddlewareRule[] {
    const { ts } = this;
    const configure = module.declaration.getMethod('configure');
    const consumer = configure?.getParameters()[0]?.getName();
    const body = configure?.getBody();
    if (!configure || !consumer || !body) return [];
    const rules: MiddlewareRule[] = [];
    for (const id of body.getDescendantsOfKind(ts.SyntaxKind.Identifier)) {
      if (id.getText() !== consumer) continue;
      const parent = id.getParent();
      if (ts.Node.isPropertyAccessExpression(parent) && parent.getExpression() === id && parent.getName() === 'apply')
        continue;
      this.warnAt(
        'DG_ROUTES_MIDDLEWARE_UNKNOWN',
        `${shortText(parent ?? id)}: middleware applied through ${consumer} this way is not read, so no route shows it`,
        id,
        `apply it in configure() itself: ${consumer}.apply(AuthMiddleware).forRoutes(UsersController)`,
      );
    }
    const forRoutes = body
      .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
      .filter((call) => {
        const callee = call.getExpression();
        return ts.Node.isPropertyAccessExpression(callee) && callee.getName() === 'forRoutes';
      })
      // In the order written: a chain's later links are its outer calls.
      .sort((a, b) => nameStart(a) - nameStart(b));
    for (const call of forRoutes) {
      const callee = call.getExpression() as PropertyAccessExpression;
      // Back along the chain: `.exclude(…)` links, then the `.apply(…)` they belong to.
      const excludes: TsNode[] = [];
      let link = callee.getExpression();
      let names: string[] | undefined;
      while (ts.Node.isCallExpression(link) && ts.Node.isPropertyAccessExpression(link.getExpression())) {
        const access = link.getExpression() as PropertyAccessExpression;
        if (access.getName() === 'exclude') excludes.push(...link.getArguments());
        else if (access.getName() === 'apply') {
          names = link.getArguments().map((argument) => shortText(argument));
          break;
        } else break;
        link = access.getExpression();
      }
      if (!names) continue;
      const targets = call.getArguments().flatMap((argument) => this.middlewareTargets(module.file, argument, true));
      const excluded = excludes.flatMap((argument) => this.middlewareTargets(module.file, argument, false));
      rules.push({
        names,
        appliesTo: (controller, method, path) =>
          targets.some((target) => target.matches(controller, method, path)) &&
          !excluded.some((target) => target.matches(controller, method, path)),
      });
    }
    return rules;
  }

  /** What a `forRoutes(…)` / `exclude(…)` argument matches: a controller class, `'cats/*'`, `{ path, method }`. */
  private middlewareTargets(file: string, argument: TsNode, controllers: boolean): MiddlewareTarget[] {
    const { ts } = this;
    if (isPathLiteral(ts, argument)) return [pathTarget(pathText(argument), undefined)];
    if (ts.Node.isObjectLiteralExpression(argument)) {
      const path = literalProperty(ts, argument, 'path');
      const method = requestMethod(ts, argument);
      if (path !== undefined) return [pathTarget(path, method === 'ALL' ? undefined : method)];
    }
    const found = controllers && ts.Node.isIdentifier(argument) ? this.findClass(file, argument.getText()) : undefined;
    if (found?.declaration.getDecorator('Controller'))
      return [{ matches: (controller) => controller === found.declaration }];
    this.warnAt(
      'DG_ROUTES_MIDDLEWARE_UNKNOWN',
      `${controllers ? 'forRoutes' : 'exclude'}(${shortText(argument)}) names routes docgen cannot read: ${
        controllers
          ? 'the middleware it applies is not shown on them'
          : 'the middleware may be shown on routes it excludes'
      }`,
      argument,
      "name a controller class, a literal path ('cats/*') or { path: 'cats', method: RequestMethod.GET }",
    );
    return [];
  }

  private warnAt(code: string, message: string, node: TsNode, hint: string): void {
    this.warnings.push({
      code,
      severity: 'warning',
      message,
      location: { file: node.getSourceFile().getFilePath(), line: node.getStartLineNumber() },
      hint,
    });
  }

  /**
   * A controller (any) or module (of the project) a `@Module` names that docgen cannot find: its
   * routes are not listed, so the run says so where it is named.
   */
  private unread(element: TsNode, kind: 'controller' | 'module', fromPackages: boolean): void {
    const { ts } = this;
    const name = ts.Node.isIdentifier(element)
      ? element
      : ts.Node.isCallExpression(element) && ts.Node.isPropertyAccessExpression(element.getExpression())
        ? (element.getExpression() as PropertyAccessExpression).getExpression()
        : undefined;
    if (!name || !ts.Node.isIdentifier(name)) {
      // `controllers: [...adminControllers]`, `controllers: [admin.UsersController]`: not followed.
      if (kind === 'controller')
        this.warnAt(
          'DG_ROUTES_PLUGIN_UNREAD',
          `controllers entry ${shortText(element)} is not read: its routes are not listed`,
          element,
          'list the controller classes by name in @Module({ controllers: [UsersController] })',
        );
      // `imports: [...modulesFor(env)]`: the modules it adds are not known.
      else if (ts.Node.isSpreadElement(element))
        this.warnAt(
          'DG_ROUTES_PLUGIN_UNREAD',
          `imports entry ${shortText(element)} is not read: the modules it adds, and their routes, are not listed`,
          element,
          'list the modules by name in @Module({ imports: [UsersModule] }), or spread a const array of them',
        );
      return;
    }
    const specifier = this.modules.packageOf(name);
    const from = element.getSourceFile().getFilePath();
    const projects = specifier !== undefined && this.modules.isProjects(from, specifier);
    if (!projects && !(fromPackages && specifier !== undefined)) return;
    this.warnAt(
      'DG_ROUTES_PLUGIN_UNREAD',
      projects
        ? `${kind} ${name.getText()} is imported from '${specifier}', which has no file docgen finds: its routes are not read`
        : `controller ${name.getText()} comes from the package '${specifier}': its routes are not read`,
      element,
      projects
        ? 'check the import path (relative, tsconfig paths) and that the file is in the checkout'
        : 'list its routes in the OpenAPI spec, or document them by hand',
    );
  }

  /**
   * The elements of a list a module states: an array literal, a `const` holding one (here or imported:
   * `RouterModule.register(routes)` with `const routes: Routes = [...]`), and the spreads in it of
   * such `const`s (`imports: [...featureModules]`); an element that is none of these is kept as written.
   */
  private listed(list: TsNode | undefined, depth = 0): TsNode[] {
    const { ts } = this;
    const array = list && this.arrayOf(list);
    if (!array || depth > 4) return [];
    return array.getElements().flatMap((element) => {
      if (!ts.Node.isSpreadElement(element)) return [element];
      return this.arrayOf(element.getExpression()) ? this.listed(element.getExpression(), depth + 1) : [element];
    });
  }

  /** The array literal a node is, or a `const` holds (`as const`, `: Routes` and imports followed). */
  private arrayOf(node: TsNode): ArrayLiteralExpression | undefined {
    const { ts } = this;
    let value: TsNode | undefined = unwrap(ts, node);
    if (ts.Node.isIdentifier(value)) {
      const binding = this.modules.follow(value);
      value = binding && isConst(ts, binding.declaration) && binding.value ? unwrap(ts, binding.value) : undefined;
    }
    return value && ts.Node.isArrayLiteralExpression(value) ? value : undefined;
  }

  /** `NestFactory.create(AppModule)`'s module; else the `@Module` classes the entry declares. */
  private rootModules(source: SourceFile): ClassRef[] {
    const { ts } = this;
    const file = source.getFilePath();
    for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      if (!/^NestFactory\s*\.\s*create$/.test(call.getExpression().getText())) continue;
      const [module] = call.getArguments();
      const found = module && ts.Node.isIdentifier(module) ? this.findClass(file, module.getText()) : undefined;
      if (found) return [found];
    }
    return this.classesWith(source, 'Module').map(({ controller }) => controller);
  }

  private classesWith(source: SourceFile, decorator: string): Array<{ controller: ClassRef; modulePrefix: string }> {
    return source
      .getClasses()
      .filter((declaration) => declaration.getDecorator(decorator))
      .map((declaration) => ({ controller: { file: source.getFilePath(), declaration }, modulePrefix: '' }));
  }

  /** Every controller of the module tree, depth first in `imports` order, each with its RouterModule prefix. */
  private controllersOf(roots: ClassRef[]): Array<{ controller: ClassRef; modulePrefix: string }> {
    const prefixes = new Map<ClassDeclaration, string>();
    const seen = new Set<ClassDeclaration>();
    const out: Array<{ controller: ClassRef; modulePrefix: string }> = [];
    const visit = (module: ClassRef): void => {
      if (seen.has(module.declaration)) return;
      seen.add(module.declaration);
      this.visited.push(module);
      const metadata = decoratorObject(this.ts, module.declaration.getDecorator('Module'));
      for (const element of this.listed(propertyOf(this.ts, metadata, 'imports'))) {
        const routerModule = this.routerModuleRoutes(element);
        if (routerModule) for (const [declaration, path] of routerModule) prefixes.set(declaration, path);
      }
      for (const element of this.listed(propertyOf(this.ts, metadata, 'controllers'))) {
        const controller = this.classOf(element.getSourceFile().getFilePath(), element);
        if (controller) out.push({ controller, modulePrefix: prefixes.get(module.declaration) ?? '' });
        else this.unread(element, 'controller', true);
      }
      for (const element of this.listed(propertyOf(this.ts, metadata, 'imports'))) {
        const imported = this.modulesOf(element.getSourceFile().getFilePath(), element);
        for (const found of imported) if (found.declaration.getDecorator('Module')) visit(found);
        if (!imported.length) this.unread(element, 'module', false);
      }
    };
    for (const root of roots) visit(root);
    return out;
  }

  /**
   * `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`: each
   * module's path prefix, children under their parent's.
   */
  private routerModuleRoutes(element: TsNode): Map<ClassDeclaration, string> | undefined {
    const { ts } = this;
    if (
      !ts.Node.isCallExpression(element) ||
      !/^RouterModule\s*\.\s*(register|forRoutes)$/.test(element.getExpression().getText())
    )
      return undefined;
    const prefixes = new Map<ClassDeclaration, string>();
    const walk = (list: TsNode | undefined, parent: string): void => {
      if (!list) return;
      if (!this.arrayOf(list)) {
        // `RouterModule.register(modules.map((module) => ({ path: 'v1', module })))`: built at run time.
        this.warnAt(
          'DG_ROUTES_PREFIX_UNKNOWN',
          `RouterModule routes ${shortText(list)} are built at run time: the paths they give modules are not read, and their routes are shown without them`,
          list,
          "list them as a literal (RouterModule.register([{ path: 'v1', module: UsersModule }])) or a const holding one",
        );
        return;
      }
      for (const item of this.listed(list)) {
        // A module class among the children takes its parent's path.
        const bare = ts.Node.isIdentifier(item) ? this.classOf(item.getSourceFile().getFilePath(), item) : undefined;
        if (bare) prefixes.set(bare.declaration, parent);
        if (!ts.Node.isObjectLiteralExpression(item)) continue;
        const path = literalProperty(ts, item, 'path') ?? '';
        const full = joinPaths(parent, path);
        const module = propertyValue(ts, item, 'module');
        const found = module && this.classOf(module.getSourceFile().getFilePath(), module);
        if (found) prefixes.set(found.declaration, full);
        walk(propertyValue(ts, item, 'children'), full);
      }
    };
    walk(element.getArguments()[0], '');
    return prefixes;
  }

  /** The class an `imports`/`controllers` element names: `UsersModule`, `forwardRef(() => X)`, `X.forRoot()`. */
  private classOf(file: string, element: TsNode): ClassRef | undefined {
    const { ts } = this;
    if (ts.Node.isIdentifier(element)) return this.findClass(file, element.getText());
    if (ts.Node.isCallExpression(element)) {
      const callee = element.getExpression();
      if (callee.getText() === 'forwardRef') {
        const [arrow] = element.getArguments();
        const body = arrow && ts.Node.isArrowFunction(arrow) ? arrow.getBody() : undefined;
        return body && ts.Node.isIdentifier(body) ? this.findClass(file, body.getText()) : undefined;
      }
      // `UsersModule.forRoot(…)`: a dynamic module keeps its class's own controllers.
      if (ts.Node.isPropertyAccessExpression(callee) && ts.Node.isIdentifier(callee.getExpression()))
        return this.findClass(file, callee.getExpression().getText());
    }
    return undefined;
  }

  /**
   * The modules an `imports` element may be: a class as `classOf` reads it, or a `const` of this
   * file that picks one at run time (`const uploader = driver === 'local' ? LocalModule : S3Module`):
   * then each it may pick, since any of them may serve.
   */
  private modulesOf(file: string, element: TsNode): ClassRef[] {
    const direct = this.classOf(file, element);
    if (direct) return [direct];
    const { ts } = this;
    if (!ts.Node.isIdentifier(element)) return [];
    const initializer = element.getSourceFile().getVariableDeclaration(element.getText())?.getInitializer();
    const branches: TsNode[] = [];
    const collect = (node: TsNode | undefined, depth: number): void => {
      if (!node || depth > 8) return;
      if (ts.Node.isConditionalExpression(node)) {
        collect(node.getWhenTrue(), depth + 1);
        collect(node.getWhenFalse(), depth + 1);
      } else if (ts.Node.isParenthesizedExpression(node)) collect(node.getExpression(), depth + 1);
      else branches.push(node);
    };
    collect(initializer, 0);
    return branches.flatMap((branch) => {
      const found = this.classOf(file, branch);
      return found ? [found] : [];
    });
  }

  /** Follow a class name through imports, barrels (`export * from`) and path aliases to its declaration. */
  private findClass(file: string, name: string, seen = new Set<string>()): ClassRef | undefined {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const source = this.source(file);
    const declaration = source.getClass(name);
    if (declaration) return { file, declaration };
    for (const declaration of source.getImportDeclarations()) {
      const named = declaration
        .getNamedImports()
        .find((item) => (item.getAliasNode()?.getText() ?? item.getName()) === name);
      const target = named && this.modules.resolve(file, declaration.getModuleSpecifierValue());
      if (target) return this.findClass(target, named.getName(), seen);
    }
    for (const declaration of source.getExportDeclarations()) {
      const specifier = declaration.getModuleSpecifierValue();
      const target = specifier && this.modules.resolve(file, specifier);
      if (!target) continue;
      const named = declaration.getNamedExports();
      if (!named.length) {
        const found = this.findClass(target, name, seen); // export * from './x'
        if (found) return found;
        continue;
      }
      const match = named.find((item) => (item.getAliasNode()?.getText() ?? item.getName()) === name);
      if (match) return this.findClass(target, match.getName(), seen);
    }
    return undefined;
  }

  /** Each route of a controller, with the versions it is served under (undefined: the app's default). */
  private controllerRoutes(
    { file, declaration }: ClassRef,
    modulePrefix: string,
  ): Array<{ route: Omit<Route, 'openapiPath'>; versions?: string[] }> {
    const { ts } = this;
    const controller = declaration.getDecorator('Controller');
    const prefixes = controller ? this.paths(controller, 'path') : [''];
    const options = decoratorObject(ts, controller);
    const controllerVersion = options && propertyValue(ts, options, 'version');
    const lineage = this.lineage({ file, declaration });
    const classGuards = lineage.flatMap((ancestor) => guards(ancestor.declaration.getDecorators()));
    const classGuardStatuses = lineage.flatMap((ancestor) =>
      this.guardStatuses(ancestor.file, ancestor.declaration.getDecorators()),
    );
    const routes: Array<{ route: Omit<Route, 'openapiPath'>; versions?: string[] }> = [];
    for (const { method, file } of this.handlers(lineage)) {
      const decorators = method.getDecorators();
      for (const decorator of decorators) {
        const verb = ROUTE_DECORATORS[decorator.getName()];
        if (!verb) continue;
        const methodVersion = decorators.find((item) => item.getName() === 'Version')?.getArguments()[0];
        const versionNode = methodVersion ?? controllerVersion;
        const versions = versionNode && versionsOf(ts, versionNode, this.literal);
        const paths = this.paths(decorator, undefined);
        const fallback = statuses(ts, verb, decorators);
        // Nest sets its status before the handler runs, so a `res.json(x)` of a `@Res()` handler sends it.
        const answered = this.answered(method, fallback[0]!);
        for (const prefix of prefixes)
          for (const path of paths)
            routes.push({
              route: {
                method: verb,
                path: joinPaths(joinPaths(modulePrefix, prefix), path),
                middleware: [...classGuards, ...guards(decorators)],
                statuses: httpStatuses([
                  ...withThrown(ts, method, this.modules, responseStatuses(ts, method, fallback, answered) ?? fallback),
                  ...classGuardStatuses,
                  ...this.guardStatuses(file, decorators),
                ]),
                ...computedStatuses(ts, method, answered),
                summary: commentBefore(method) ?? apiOperationSummary(ts, decorators),
                file,
                line: decorator.getStartLineNumber(),
              },
              versions,
            });
      }
    }
    return routes;
  }

  /**
   * What the guards of `@UseGuards(…)` answer a request they refuse with, before the handler runs:
   * `AuthGuard('jwt')` of `@nestjs/passport` (or a class that extends it) 401; a guard of the project
   * whose `canActivate` can return false 403 (Nest's ForbiddenException), and the exceptions it throws
   * (`throw new UnauthorizedException()`); also one a function of the project makes, Nest's mixins
   * (`RoleGuard(Role.Admin)` returning `mixin(RoleGuardMixin)`).
   */
  private guardStatuses(file: string, decorators: Decorator[]): number[] {
    const named = decorators.filter((decorator) => decorator.getName() === 'UseGuards');
    return this.refusedByGuards(
      file,
      named.flatMap((decorator) => decorator.getArguments()),
    );
  }

  /** What guards written in `file` (`RolesGuard`, `new ApiKeyGuard()`, `AuthGuard('jwt')`, `RoleGuard('admin')`) refuse a request with. */
  private refusedByGuards(file: string, guards: TsNode[]): number[] {
    const { ts } = this;
    return guards.flatMap((argument) => {
      const value = unwrap(ts, argument);
      const named = ts.Node.isNewExpression(value) ? value.getExpression() : value;
      if (this.isPassportGuard(named)) return [401];
      const guard = ts.Node.isIdentifier(named)
        ? this.findClass(file, named.getText())?.declaration
        : ts.Node.isCallExpression(named)
          ? this.guardMadeBy(named)
          : undefined;
      return guard ? this.refusedWith(guard) : [];
    });
  }

  /**
   * The guard class a function of the project makes and returns, as Nest's mixins do: `RoleGuard(Role.Admin)`
   * with `return mixin(RoleGuardMixin)` (a class declared in it, or a class expression in place). Undefined
   * for a package's function, or one whose returns make different classes.
   */
  private guardMadeBy(call: CallExpression): ClassLikeDeclaration | undefined {
    const { ts } = this;
    const fn = this.modules.functionOf(call.getExpression());
    const classes = new Set(fn ? returnedBy(ts, fn).map((value) => this.returnedClass(value)) : []);
    const [only] = classes;
    return classes.size === 1 ? only : undefined;
  }

  /** `mixin(X)`, `X`, `class implements CanActivate {…}`: the guard class a factory returns. */
  private returnedClass(node: TsNode): ClassLikeDeclaration | undefined {
    const { ts } = this;
    let value = unwrap(ts, node);
    if (ts.Node.isCallExpression(value) && value.getExpression().getText() === 'mixin' && value.getArguments()[0])
      value = unwrap(ts, value.getArguments()[0]!);
    if (ts.Node.isClassExpression(value) || ts.Node.isClassDeclaration(value)) return value;
    const held = ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : undefined;
    return held && (ts.Node.isClassDeclaration(held) || ts.Node.isClassExpression(held)) ? held : undefined;
  }

  /**
   * A module's global guards (Nest runs them after `useGlobalGuards`'s): `providers: [{ provide: APP_GUARD,
   * useClass: RolesGuard }]`, `useExisting: JwtAuthGuard` (a provider of its own, the same instance), and
   * `useFactory: (reflector) => new ThrottleGuard(reflector)` (the class it makes, where every return makes
   * the same one): each class's name and what it refuses a request with.
   */
  private appGuards(module: ClassRef): Array<{ name: string; statuses: number[] }> {
    const { ts } = this;
    const metadata = decoratorObject(ts, module.declaration.getDecorator('Module'));
    return this.listed(propertyOf(ts, metadata, 'providers')).flatMap((element) => {
      const provider = unwrap(ts, element);
      if (!ts.Node.isObjectLiteralExpression(provider)) return [];
      if (propertyValue(ts, provider, 'provide')?.getText() !== 'APP_GUARD') return [];
      const factory = propertyValue(ts, provider, 'useFactory');
      const guard =
        propertyValue(ts, provider, 'useClass') ??
        propertyValue(ts, provider, 'useExisting') ??
        (factory && this.madeByFactory(factory));
      if (!guard) return [];
      return [{ name: shortText(guard), statuses: this.refusedByGuards(module.file, [guard]) }];
    });
  }

  /** The class a provider's `useFactory` makes (`(reflector) => new ThrottleGuard(reflector)`), where every return makes the same one. */
  private madeByFactory(factory: TsNode): TsNode | undefined {
    const { ts } = this;
    const fn = this.modules.functionOf(factory) ?? unwrap(ts, factory);
    const made = returnedBy(ts, fn).map((value) =>
      ts.Node.isNewExpression(value) ? value.getExpression() : undefined,
    );
    const names = new Set(made.map((name) => name?.getText()));
    return names.size === 1 ? made[0] : undefined;
  }

  /** `AuthGuard('jwt')`, `AuthGuard` imported from `@nestjs/passport`: passport answers 401 when it cannot authenticate. */
  private isPassportGuard(node: TsNode): boolean {
    const { ts } = this;
    const callee = ts.Node.isCallExpression(node) ? node.getExpression() : undefined;
    return !!callee && ts.Node.isIdentifier(callee) && this.modules.packageOf(callee) === '@nestjs/passport';
  }

  /** A guard class's statuses: passport's 401 for `extends AuthGuard('jwt')`, then what its `canActivate` refuses with. */
  private refusedWith(guard: ClassLikeDeclaration): number[] {
    const { ts } = this;
    const base = guard.getExtends()?.getExpression();
    const inherited = base && this.isPassportGuard(base) ? [401] : [];
    const canActivate = guard.getMethod('canActivate');
    const body = canActivate?.getBody();
    if (!canActivate || !body) return inherited;
    const refused = canReturnFalse(ts, canActivate) ? [403] : [];
    return [...inherited, ...refused, ...errorStatusesIn(ts, body, this.modules.errorClassStatus)];
  }

  /** A route or controller decorator's paths; one computed at run time is a warning, at the decorator. */
  private paths(decorator: Decorator, objectKey: string | undefined): string[] {
    const { paths, unread } = decoratorPaths(this.ts, decorator, objectKey, this.literal);
    for (const node of unread)
      this.warnAt(
        'DG_ROUTES_COMPUTED_PATH',
        `@${decorator.getName()}(${shortText(node)}): a path computed at run time, so the routes under it are not read`,
        node,
        "write the path as a literal or a const (@Get(':id'), @Controller(ROUTES.users) with export const ROUTES = { users: 'users' })",
      );
    return paths;
  }

  /** The class and the classes it extends (`class UsersController extends BaseController<User>`), nearest first. */
  private lineage(start: ClassRef): ClassRef[] {
    const chain = [start];
    for (let current = start; chain.length < 16;) {
      const base = current.declaration.getExtends()?.getExpression();
      const found = base && this.ts.Node.isIdentifier(base) ? this.findClass(current.file, base.getText()) : undefined;
      if (!found || chain.some((known) => known.declaration === found.declaration)) break;
      chain.push(found);
      current = found;
    }
    return chain;
  }

  /** The methods Nest finds on a controller: its own, then those of its bases it does not override. */
  private handlers(lineage: ClassRef[]): Array<{ method: MethodDeclaration; file: string }> {
    const seen = new Set<string>();
    const out: Array<{ method: MethodDeclaration; file: string }> = [];
    for (const { file, declaration } of lineage)
      for (const method of declaration.getMethods()) {
        if (seen.has(method.getName())) continue;
        seen.add(method.getName());
        out.push({ method, file });
      }
    return out;
  }
}

/** `{ path, method: RequestMethod.GET }` → `GET`. */
function requestMethod(ts: TsMorph, object: ObjectLiteralExpression): string | undefined {
  return propertyValue(ts, object, 'method')
    ?.getText()
    .match(/(?:^|\.)(\w+)$/)?.[1];
}

/** The package Nest's Swagger UI comes from. */
const SWAGGER = '@nestjs/swagger';

/**
 * What a package serves at a path in main.ts: `SwaggerModule.setup('docs', app, document)`, or
 * `app.use('/dash', basicAuth, agendash(agenda))` (`before`: the handlers written before the package's).
 */
interface ServedMount {
  call: CallExpression;
  path: string;
  handler: TsNode;
  pkg: string;
  /** Swagger's `useGlobalPrefix: true`: its path is under the global prefix (it is not by default). */
  useGlobalPrefix: boolean;
  /** For Swagger: whether it serves its UI, and where its documents. */
  swagger?: SwaggerServes;
  /** The `app.use()` middleware registered before it (on the paths under their own). */
  uses: GlobalUse[];
  before: string[];
}

/** What `SwaggerModule.setup` serves: its UI (at its path), and its document's URLs by format (before a global prefix). */
interface SwaggerServes {
  ui: boolean;
  documents: Partial<Record<'json' | 'yaml', string>>;
}

/** A route main.ts registers on the adapter's instance, with the `app.use()` middleware registered before it. */
interface InstanceRoute {
  route: Route;
  uses: GlobalUse[];
}

/** The methods of an Express (or Fastify) instance that register a route. */
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

/** `app.use('/admin', basicAuth)` in main.ts: the middleware, and the path it runs under (`/`: every route). */
interface GlobalUse {
  path: string;
  names: string[];
}

/** What a `forRoutes(…)` or `exclude(…)` argument matches. */
interface MiddlewareTarget {
  matches(controller: ClassDeclaration, method: string, path: string): boolean;
}

/** One `consumer.apply(…).exclude(…).forRoutes(…)`: the middleware names, and the routes they apply to. */
interface MiddlewareRule {
  names: string[];
  appliesTo(controller: ClassDeclaration, method: string, path: string): boolean;
}

/**
 * A route pattern of `forRoutes('cats/*')` / `{ path: 'cats/:id', method: RequestMethod.GET }`: the
 * whole path (before the global prefix and versions, which Nest adds itself), `*` (also `(.*)`,
 * `*splat` and `{*splat}`) matching anything and `:param` a segment; a method of `ALL` (or none)
 * matches every method.
 */
function pathTarget(pattern: string, method: string | undefined): MiddlewareTarget {
  const normalize = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}`;
  const source = normalize(pattern)
    .split(/(\/?\{\*\w*\}|\(\.\*\)|(?<=\/)\*\w+|\*|:\w+)/)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      if (part.startsWith(':')) return '[^/]+';
      return part.startsWith('/{') ? '(?:/.*)?' : '.*';
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return {
    matches: (_controller, routeMethod, path) =>
      (!method || method === routeMethod || routeMethod === 'ALL') && regex.test(normalize(path)),
  };
}

/**
 * The statuses a method computes at run time, as written: those of the exceptions it throws
 * (`new HttpException(body, err.status)`), and, for a handler that takes the response object, what
 * it and the helpers it hands it to set on it (`res.status(result.code)`: `answered`).
 */
function computedStatuses(
  ts: TsMorph,
  method: MethodDeclaration,
  answered: Pick<Route, 'statuses' | 'computedStatuses'> | undefined,
): Pick<Route, 'computedStatuses'> {
  const body = method.getBody();
  const computed = answered
    ? (answered.computedStatuses ?? [])
    : body
      ? computedStatusesIn(ts, body, { calls: {} })
      : [];
  return computed.length ? { computedStatuses: computed } : {};
}

/**
 * A handler that takes the response object (`@Res() res`) sends what it, and the helpers it hands
 * the response to (`handleError(res, error)`), set (`answered`): `res.status(HttpStatus.NOT_FOUND)`;
 * with `@Res({ passthrough: true })` Nest still sends its own status when the handler sets none, so
 * `fallback` (the decorators') is kept beside them. Undefined when it takes none, or sets no status.
 */
function responseStatuses(
  ts: TsMorph,
  method: MethodDeclaration,
  fallback: number[],
  answered: Pick<Route, 'statuses' | 'computedStatuses'> | undefined,
): number[] | undefined {
  const set = answered?.statuses ?? [];
  // `res.status(result.code)`: the handler sets the status, if not one docgen knows, so Nest's default is not it.
  if (!answered || (!set.length && !answered.computedStatuses?.length)) return undefined;
  const options = decoratorObject(ts, responseDecorator(method));
  const passthrough = options && propertyValue(ts, options, 'passthrough')?.getText() === 'true';
  return passthrough ? [...new Set([...fallback, ...set])].sort((a, b) => a - b) : set;
}

/** The `@Res()` (or `@Response()`) decorator of a method's parameter, if it takes the response object. */
function responseDecorator(method: MethodDeclaration): Decorator | undefined {
  return method
    .getParameters()
    .flatMap((parameter) => parameter.getDecorators())
    .find((decorator) => ['Res', 'Response'].includes(decorator.getName()));
}

/**
 * `app.setGlobalPrefix('api', { exclude: ['health'] })` in the entry; the prefix may be a `const`
 * (Nx's generated `main.ts`). `unknown`: the call whose prefix is not known from the code.
 */
function globalPrefix(
  ts: TsMorph,
  calls: CallExpression[],
  imported: Constants,
): { prefix: string; excluded: MiddlewareTarget[]; unknown?: { text: string; location: Diagnostic['location'] } } {
  for (const call of calls) {
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'setGlobalPrefix') continue;
    const [prefixNode, options] = call.getArguments();
    const prefix = literalValue(ts, prefixNode, imported);
    if (prefix === undefined)
      return {
        prefix: '',
        excluded: [],
        unknown: {
          text: shortText(prefixNode ?? call),
          location: { file: call.getSourceFile().getFilePath(), line: call.getStartLineNumber() },
        },
      };
    // Nest matches `exclude` as it matches `forRoutes`: a path pattern ('auth/(.*)'), for one method or all.
    const excluded: MiddlewareTarget[] = [];
    const exclude =
      options && ts.Node.isObjectLiteralExpression(options) ? propertyValue(ts, options, 'exclude') : undefined;
    if (exclude && ts.Node.isArrayLiteralExpression(exclude))
      for (const item of exclude.getElements()) {
        const object = ts.Node.isObjectLiteralExpression(item) ? item : undefined;
        const path = object ? literalProperty(ts, object, 'path') : literalValue(ts, item, imported);
        const method = object && requestMethod(ts, object);
        if (path !== undefined) excluded.push(pathTarget(path, method === 'ALL' ? undefined : method));
      }
    return { prefix, excluded };
  }
  return { prefix: '', excluded: [] };
}

/**
 * `app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1', prefix: 'v' })`: the
 * segment prefix and the default versions. Other kinds of versioning leave paths alone.
 */
function uriVersioning(
  ts: TsMorph,
  calls: CallExpression[],
  literal: Literal,
): { prefix: string; defaults: string[] } | undefined {
  for (const call of calls) {
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'enableVersioning') continue;
    const [options] = call.getArguments();
    // `app.enableVersioning()`: Nest's default is URI versioning, with no default version.
    if (!options) return { prefix: 'v', defaults: [] };
    if (!ts.Node.isObjectLiteralExpression(options)) return undefined;
    if (!/\bURI$/.test(propertyValue(ts, options, 'type')?.getText() ?? '')) return undefined;
    const prefixNode = propertyValue(ts, options, 'prefix');
    const prefix =
      prefixNode?.getText() === 'false' ? '' : prefixNode && isPathLiteral(ts, prefixNode) ? pathText(prefixNode) : 'v';
    const defaultVersion = propertyValue(ts, options, 'defaultVersion');
    return { prefix, defaults: defaultVersion ? (versionsOf(ts, defaultVersion, literal) ?? []) : [] };
  }
  return undefined;
}

/**
 * `'1'`, `['1', '2']`, `VERSION_NEUTRAL` (`''`: served with no version segment, also beside others in a
 * list: `[VERSION_NEUTRAL, '1']`); undefined when not literal.
 */
function versionsOf(ts: TsMorph, node: TsNode, literal: Literal): string[] | undefined {
  if (/\bVERSION_NEUTRAL$/.test(node.getText())) return [''];
  if (ts.Node.isArrayLiteralExpression(node)) {
    const items = node.getElements().map((item) => versionsOf(ts, item, literal));
    return items.every((item) => item?.length === 1) ? items.map((item) => item![0]!) : undefined;
  }
  const value = literal(node);
  return value === undefined ? undefined : [value];
}

/** A path or version as the code states it: a literal, or a `const` (`literalValue`). */
type Literal = (node: TsNode) => string | undefined;

/**
 * The paths a decorator gives: none → `['']`, `'users'`, `['a', 'b']`, a `const` (`ROUTES.USERS`),
 * or (for `@Controller`) an options object's `path`; `unread`: those not known from the code.
 */
function decoratorPaths(
  ts: TsMorph,
  decorator: Decorator,
  objectKey: string | undefined,
  literal: Literal,
): { paths: string[]; unread: TsNode[] } {
  const [argument] = decorator.getArguments();
  if (!argument) return { paths: [''], unread: [] };
  let value: TsNode | undefined = argument;
  if (objectKey && ts.Node.isObjectLiteralExpression(argument)) value = propertyValue(ts, argument, objectKey);
  if (!value) return { paths: [''], unread: [] };
  const items = ts.Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
  const paths: string[] = [];
  const unread: TsNode[] = [];
  for (const item of items) {
    const path = literal(item);
    if (path === undefined) unread.push(item);
    else paths.push(path);
  }
  return { paths, unread };
}

/** `@UseGuards(AuthGuard('jwt'), RolesGuard)` → `AuthGuard('jwt')`, `RolesGuard`. */
function guards(decorators: Decorator[]): string[] {
  return decorators
    .filter((decorator) => decorator.getName() === 'UseGuards')
    .flatMap((decorator) => decorator.getArguments().map((argument) => shortText(argument)));
}

/**
 * Whether a guard's `canActivate` can answer false, which Nest turns into 403: it returns `false`, a
 * negation, a comparison (`return user.role === 'admin'`) or a boolean method's call (`roles.some(…)`), or
 * anything typed boolean (by the checker, or by `canActivate`'s declared return type). Returns of the
 * functions inside it (`roles.some((role) => …)`) are theirs; `return true` and `super.canActivate(…)` are not.
 */
function canReturnFalse(ts: TsMorph, canActivate: MethodDeclaration): boolean {
  // `canActivate(…): boolean | Promise<boolean>`: what it returns, other than `true`, may be false.
  const declaredBoolean = /\bboolean\b/.test(canActivate.getReturnTypeNode()?.getText() ?? '');
  return canActivate
    .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
    .filter(
      (statement) => statement.getFirstAncestor((node) => ts.Node.isFunctionLikeDeclaration(node)) === canActivate,
    )
    .some((statement) => {
      const value = statement.getExpression();
      if (!value) return false;
      const returned = unwrap(ts, ts.Node.isAwaitExpression(value) ? value.getExpression() : value);
      if (returned.getKind() === ts.SyntaxKind.FalseKeyword) return true;
      if (returned.getKind() === ts.SyntaxKind.TrueKeyword || returned.getText().startsWith('super.')) return false;
      if (ts.Node.isPrefixUnaryExpression(returned) && returned.getOperatorToken() === ts.SyntaxKind.ExclamationToken)
        return true;
      if (ts.Node.isBinaryExpression(returned) && BOOLEAN_OPERATORS.has(returned.getOperatorToken().getText()))
        return true;
      if (ts.Node.isCallExpression(returned) && BOOLEAN_METHODS.test(returned.getExpression().getText())) return true;
      return declaredBoolean || /^(Promise<)?boolean>?$/.test(returned.getType().getText());
    });
}

/** `@HttpCode(204)` or `@HttpCode(HttpStatus.NO_CONTENT)`; `@Redirect(url, 301)`; else Nest's default. */
function statuses(ts: TsMorph, verb: string, decorators: Decorator[]): number[] {
  for (const decorator of decorators) {
    const name = decorator.getName();
    if (name !== 'HttpCode' && name !== 'Redirect') continue;
    const argument = decorator.getArguments()[name === 'HttpCode' ? 0 : 1];
    const code = argument ? statusCode(ts, argument) : name === 'Redirect' ? 302 : undefined;
    if (code) return [code];
  }
  return [verb === 'POST' ? 201 : 200];
}

/**
 * The statuses of the exceptions the method throws (`throw new NotFoundException()`), and those of the
 * project's services it calls (`return this.usersService.findOne(id)`, one call deep), added.
 */
function withThrown(ts: TsMorph, method: MethodDeclaration, modules: Modules, codes: number[]): number[] {
  const body = method.getBody();
  const thrown = body
    ? [...errorStatusesIn(ts, body, modules.errorClassStatus), ...modules.serviceErrorStatuses(method)]
    : [];
  return thrown.length ? [...new Set([...codes, ...thrown])].sort((a, b) => a - b) : codes;
}

/** `@ApiOperation({ summary: 'List users' })` from @nestjs/swagger. */
function apiOperationSummary(ts: TsMorph, decorators: Decorator[]): string | undefined {
  const operation = decorators.find((decorator) => decorator.getName() === 'ApiOperation');
  const options = decoratorObject(ts, operation);
  // `title`: what @nestjs/swagger before 4 called the summary.
  return (
    options &&
    (literalProperty(ts, options, 'summary') ??
      literalProperty(ts, options, 'title') ??
      literalProperty(ts, options, 'description'))
  );
}

function decoratorObject(ts: TsMorph, decorator: Decorator | undefined): ObjectLiteralExpression | undefined {
  const [argument] = decorator?.getArguments() ?? [];
  return argument && ts.Node.isObjectLiteralExpression(argument) ? argument : undefined;
}

function propertyValue(ts: TsMorph, object: ObjectLiteralExpression, name: string): TsNode | undefined {
  const property = object.getProperty(name);
  if (property && ts.Node.isPropertyAssignment(property)) return property.getInitializer();
  if (property && ts.Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

function literalProperty(ts: TsMorph, object: ObjectLiteralExpression, name: string): string | undefined {
  const value = propertyValue(ts, object, name);
  return value && isPathLiteral(ts, value) ? pathText(value) : undefined;
}

function propertyOf(ts: TsMorph, object: ObjectLiteralExpression | undefined, name: string): TsNode | undefined {
  return object && propertyValue(ts, object, name);
}
