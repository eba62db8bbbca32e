/**
 * The routes a NestJS app serves, read syntactically like the Express ones: from
 * `NestFactory.create(AppModule)` (and `app.setGlobalPrefix('api')`) through each
 * `@Module({ imports, controllers })`, `RouterModule.register([{ path, module }])` prefixes
 * included, to every `@Controller('users')` class and its `@Get(':id')`-decorated methods.
 * Guards (`@UseGuards`) stand where Express has middleware; statuses are `@HttpCode`, else Nest's
 * default (201 for POST, 200 otherwise), or a `@Redirect`'s. The NestReader walks the app and a
 * controller's routes; it hands main.ts to nest-bootstrap, the module tree to nest-module-tree,
 * `configure(consumer)` to nest-middleware and guards to nest-guards; decorators are nest-decorators'.
 */
import type { Decorator, MethodDeclaration, Node as TsNode, Project, SourceFile } from 'ts-morph';
import type { Diagnostic } from '@docgen/core';
import type { RunNotes } from './run-notes.js';
import type { Route } from './model.js';
import { EXPRESS_RESPONSE } from './implicit.js';
import { Modules } from './modules.js';
import { packageMountRoute } from './mounted-handlers.js';
import { withoutScopedMiddleware } from './scoped-middleware.js';
import { httpStatuses, answeredStatuses } from './answered-statuses.js';
import { warningOfDefaults } from './module-reader.js';
import {
  commentBefore,
  EXPRESS_STATUS_SLOTS,
  expressStatusesIn,
  joinPaths,
  literalValue,
  type Constants,
  shortText,
  toOpenApiPath,
  type TsMorph,
  underPath,
} from './syntax.js';
import {
  bootstrapCalls,
  globalPrefix,
  SWAGGER,
  uriVersioning,
  versionsOf,
  type InstanceRoute,
  type Literal,
  type ServedMount,
} from './nest-bootstrap.js';
import { consumerMiddleware } from './nest-middleware.js';
import { rootModules, classesWith, controllersOf, findClass, type ClassRef } from './nest-module-tree.js';
import { guardStatuses, moduleAppGuards, guards, metadataSet, type PassingMetadata } from './nest-guards.js';
import { moduleAppPipes, pipeStatuses } from './nest-pipes.js';
import {
  apiOperationSummary,
  computedStatuses,
  decoratorObject,
  decoratorPaths,
  propertyValue,
  responseDecorator,
  responseStatuses,
  statuses,
  withThrown,
} from './nest-decorators.js';

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

/** Whether a file looks like a Nest app's entry (or a module or controller of one). */
export function isNestSource(text: string): boolean {
  return /\bNestFactory\s*\.\s*create\b|@Module\s*\(|@Controller\s*\(/.test(text);
}

/** The metadata keys a route's decorators set (`@Public()`), on its handler and on its class (and the classes it extends). */
interface Marked {
  handler: string[];
  class: string[];
}

/** Whether a global guard lets a route through: its key set where the guard reads it. */
function passes(passing: PassingMetadata | undefined, marked: Marked): boolean {
  if (!passing) return false;
  return (
    (passing.handler && marked.handler.includes(passing.key)) || (passing.class && marked.class.includes(passing.key))
  );
}

export class NestReader {
  /** The app's files, parsed once, and its imports resolved (tsconfig paths, `#imports`). */
  readonly modules: Modules;

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    public readonly ts: TsMorph,
    project: Project,
    notes: RunNotes,
  ) {
    this.modules = new Modules(ts, project, notes);
  }

  /** What the code does not say for sure (a global prefix computed at run time). */
  readonly warnings: Diagnostic[] = [];
  /** The values of `const`s imported or required from the project's modules, for `literalValue`. */
  readonly constants: Constants = warningOfDefaults((node) => this.modules.constValue(node), this.warnings);
  readonly literal: Literal = (node) => literalValue(this.ts, node, this.constants);
  /** The modules of the tree, in the order they are read: their `configure(consumer)` apply middleware. */
  readonly visited: ClassRef[] = [];

  /** The routes of the app `entry` bootstraps, in the order Nest registers them. */
  routes(entry: string): Route[] {
    const source = this.source(entry);
    const bootstrap = bootstrapCalls(this, source);
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
    const roots = rootModules(this, source);
    const controllers = roots.length ? controllersOf(this, roots) : classesWith(source, 'Controller');
    const applied = this.visited.flatMap((module) => consumerMiddleware(this, module));
    const appGuards = this.visited.flatMap((module) => moduleAppGuards(this, module));
    // A global guard lets the routes its key marks through (`@Public()`): it refuses nothing there.
    const appGuardStatuses = (marked: Marked) =>
      appGuards.flatMap((guard) => (passes(guard.passes, marked) ? [] : guard.statuses));
    // The app's pipes, as Nest runs them: `useGlobalPipes`'s, then the modules' `APP_PIPE`s.
    const appPipes = [...bootstrap.pipes, ...this.visited.flatMap((module) => moduleAppPipes(this, module))];
    // What packages serve at a path (`SwaggerModule.setup('docs', app, document)`, `app.use('/dash', agendash(…))`)
    // is registered on the server when main.ts runs; the controllers' routes later, when the app starts listening.
    const routes: Route[] = bootstrap.served.flatMap((served) => this.servedRoutes(served, prefix));
    for (const { controller, modulePrefix } of controllers)
      for (const { route: own, versions, marked } of this.controllerRoutes(controller, modulePrefix, appPipes)) {
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
          const statuses = httpStatuses([...own.statuses, ...bootstrap.guardStatuses, ...appGuardStatuses(marked)]);
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

  source(file: string): SourceFile {
    return this.modules.source(file);
  }

  warnAt(code: string, message: string, node: TsNode, hint: string): void {
    this.warnings.push({
      code,
      severity: 'warning',
      message,
      location: { file: node.getSourceFile().getFilePath(), line: node.getStartLineNumber() },
      hint,
    });
  }

  /** Each route of a controller, with the versions it is served under (undefined: the app's default). */
  private controllerRoutes(
    { file, declaration }: ClassRef,
    modulePrefix: string,
    appPipes: TsNode[],
  ): Array<{ route: Omit<Route, 'openapiPath'>; versions?: string[]; marked: Marked }> {
    const { ts } = this;
    const controller = declaration.getDecorator('Controller');
    const prefixes = controller ? this.paths(controller, 'path') : [''];
    const options = decoratorObject(ts, controller);
    const controllerVersion = options && propertyValue(ts, options, 'version');
    const lineage = this.lineage({ file, declaration });
    const classGuards = lineage.flatMap((ancestor) => guards(ancestor.declaration.getDecorators()));
    const classGuardStatuses = lineage.flatMap((ancestor) =>
      guardStatuses(this, ancestor.file, ancestor.declaration.getDecorators()),
    );
    const classDecorators = lineage.flatMap((ancestor) => ancestor.declaration.getDecorators());
    const routes: Array<{ route: Omit<Route, 'openapiPath'>; versions?: string[]; marked: Marked }> = [];
    const classMarked = metadataSet(this, classDecorators);
    for (const { method, file } of this.handlers(lineage)) {
      const decorators = method.getDecorators();
      // The metadata its decorators set (`@Public()`), which a global guard may let through.
      const marked = { class: classMarked, handler: metadataSet(this, decorators) };
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
                  ...guardStatuses(this, file, decorators),
                  ...pipeStatuses(this, file, method, classDecorators, appPipes),
                ]),
                ...computedStatuses(ts, method, this.modules, answered),
                summary: commentBefore(method) ?? apiOperationSummary(ts, decorators),
                file,
                line: decorator.getStartLineNumber(),
              },
              versions,
              marked,
            });
      }
    }
    return routes;
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
      const found = base && this.ts.Node.isIdentifier(base) ? findClass(this, current.file, base.getText()) : undefined;
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
