/**
 * What a NestJS app's bootstrap function (main.ts) does to the app, for the NestJS reader (`NestReader`):
 * `setGlobalPrefix`, URI versioning, global middleware and guards, `SwaggerModule.setup`, and routes
 * registered on the adapter's Express or Fastify instance.
 */
import type { NestReader } from './nest.js';
import { literalProperty, propertyValue } from './nest-decorators.js';
import { requestMethod, pathTarget, MiddlewareTarget } from './nest-middleware.js';
import type { CallExpression, Node as TsNode, SourceFile } from 'ts-morph';
import type { Route } from './model.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, responseParameter } from './implicit.js';
import { type Declaration, isConst, isFunction } from './modules.js';
import { httpStatuses } from './answered-statuses.js';
import { chainRoot, unwrap } from './code-shapes.js';
import {
  commentBefore,
  expressStatusesIn,
  joinPaths,
  literalValue,
  shortText,
  toOpenApiPath,
  type TsMorph,
  type Constants,
  pathText,
  isPathLiteral,
} from './syntax.js';
import { refusedByGuards } from './nest-guards.js';
import { conditionalName } from './scoped-middleware.js';
import type { Diagnostic } from '@docgen/core';

/**
 * The guard class a global guard is made from where the app's container makes it: `await app.resolve(AuthGuard)`
 * or `app.get(RolesGuard)` (as @koalarx/nest gives them); any other argument as written.
 */
function resolvedGuard(ts: TsMorph, arg: TsNode): TsNode {
  const value = unwrap(ts, arg);
  if (!ts.Node.isCallExpression(value)) return arg;
  const callee = value.getExpression();
  const [guard, ...rest] = value.getArguments();
  const resolves = ts.Node.isPropertyAccessExpression(callee) && /^(resolve|get)$/.test(callee.getName());
  return resolves && guard && !rest.length && ts.Node.isIdentifier(guard) ? guard : arg;
}

/**
 * What the bootstrap function does to the app for every route: `app.use(helmet())` (or
 * `app.use('/admin', basicAuth)`, on the paths under it) and `app.useGlobalGuards(…)`, on the app
 * `NestFactory.create(…)` makes, in main.ts and in the functions of the project it hands the app
 * to (`setupSecurity(app)`), in the order they run.
 */
export function bootstrapCalls(
  reader: NestReader,
  source: SourceFile,
): {
  uses: GlobalUse[];
  guards: string[];
  /** What `app.useGlobalGuards(…)`'s guards refuse a request with, on every controller route. */
  guardStatuses: number[];
  /** `app.useGlobalPipes(…)`'s pipes, in the order given. */
  pipes: TsNode[];
  served: Array<ServedMount | InstanceRoute>;
  calls?: CallExpression[];
} {
  const { ts } = reader;
  const uses: GlobalUse[] = [];
  const guards: string[] = [];
  const guardStatuses: number[] = [];
  const pipes: TsNode[] = [];
  const served: Array<ServedMount | InstanceRoute> = [];
  const calls: CallExpression[] = [];
  const isCreate = (node: TsNode | undefined): boolean => {
    const call = node && unwrap(ts, node);
    return (
      !!call && ts.Node.isCallExpression(call) && /^NestFactory\s*\.\s*create\w*$/.test(call.getExpression().getText())
    );
  };
  const app: Declaration | undefined =
    source
      .getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)
      .find((declaration) => isCreate(declaration.getInitializer())) ?? thenParameter(reader, source, isCreate);
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
        ts.Node.isPropertyAccessExpression(callee) && isAdapterInstance(reader, callee.getExpression(), target);
      if (onInstance && HTTP_METHODS.has(callee.getName()) && args.length >= 2) {
        const path = literalValue(ts, args[0], reader.constants);
        if (path !== undefined)
          served.push({ route: instanceRoute(reader, call, callee.getName(), path), uses: [...uses] });
        continue;
      }
      // `app.setGlobalPrefix('api').enableVersioning(…)`: Nest's setters return the app. `app.use(…)`
      // hands its arguments to the adapter's instance: `expressApp.use(…)` is the same.
      if (
        ts.Node.isPropertyAccessExpression(callee) &&
        (onInstance || isName(reader, chainRoot(ts, callee.getExpression(), APP_SETTERS), target))
      ) {
        if (!onInstance) calls.push(call);
        if (callee.getName() === 'useGlobalGuards') {
          const given = args.map((arg) => resolvedGuard(ts, arg));
          guards.push(...given.map((arg) => shortText(arg)));
          guardStatuses.push(...refusedByGuards(reader, call.getSourceFile().getFilePath(), given));
        }
        if (callee.getName() === 'useGlobalPipes') pipes.push(...args);
        if (callee.getName() !== 'use') continue;
        const path = literalValue(ts, args[0], reader.constants);
        const handlers = path === undefined ? args : args.slice(1);
        // `app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec))`: a package serves the path, as in Express.
        const handler = handlers[handlers.length - 1];
        const pkg =
          path !== undefined && handler && !reader.modules.isBodyParser(handler)
            ? reader.modules.packageServing(handler)
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
        const names = handlers
          .filter((arg) => !reader.modules.isParserOrFiles(arg))
          .map((arg) => conditionalName(ts, call, shortText(arg)));
        uses.push({ path: path ?? '/', names });
        continue;
      }
      // `SwaggerModule.setup('docs', app, document)`: the Swagger UI, served beside the controllers.
      if (isSwaggerSetup(reader, call) && args[1] && isName(reader, args[1], target)) {
        const path = literalValue(ts, args[0], reader.constants);
        if (path === undefined)
          reader.warnAt(
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
            useGlobalPrefix: usesGlobalPrefix(reader, args[3]),
            swagger: swaggerServes(reader, path, args[3]),
            uses: [...uses],
            before: [],
          });
        setups.add(call);
        continue;
      }
      // `setupSecurity(app)`, `SwaggerConfig.setup(app)`, `new Docs().mount(app)`: what a function or
      // method of the project does to its parameter.
      const index = args.findIndex((arg) => isName(reader, arg, target));
      if (index === -1) continue;
      const fn = reader.modules.functionOf(callee);
      const parameter =
        fn && (isFunction(ts, fn) || ts.Node.isMethodDeclaration(fn)) ? fn.getParameters()[index] : undefined;
      if (fn && parameter && ts.Node.isIdentifier(parameter.getNameNode())) visit(fn, parameter, depth + 1);
    }
  };
  const setups = new Set<CallExpression>();
  if (app) visit(source, app, 0);
  // Also where main.ts makes no app of its own (`createApp()` from a module that does): its setup is not read.
  warnUnreachedSwagger(reader, source, setups);
  return app ? { uses, guards, guardStatuses, pipes, served, calls } : { uses, guards, guardStatuses, pipes, served };
}

/** `NestFactory.create(AppModule).then((app) => …)`: the parameter the app arrives as. */
export function thenParameter(
  reader: NestReader,
  source: SourceFile,
  isCreate: (node: TsNode) => boolean,
): Declaration | undefined {
  const { ts } = reader;
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
export function warnUnreachedSwagger(reader: NestReader, entry: SourceFile, reached: Set<CallExpression>): void {
  const files = [
    entry,
    ...entry
      .getImportDeclarations()
      .map((declaration) => reader.modules.resolve(entry.getFilePath(), declaration.getModuleSpecifierValue()))
      .filter((file): file is string => file !== undefined)
      .map((file) => reader.source(file)),
  ];
  for (const file of new Set(files))
    for (const call of file.getDescendantsOfKind(reader.ts.SyntaxKind.CallExpression))
      if (isSwaggerSetup(reader, call) && !reached.has(call))
        reader.warnAt(
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
export function swaggerServes(reader: NestReader, path: string, options: TsNode | undefined): SwaggerServes {
  const { ts } = reader;
  let object = options && unwrap(ts, options);
  if (object && ts.Node.isIdentifier(object)) object = reader.modules.follow(object)?.value;
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
    const stated = url ? reader.literal(url) : `${path}-${format}`;
    // A URL computed at run time is not known: left out, as a computed setup path is.
    if (served && stated !== undefined) documents[format] = stated;
  }
  return { ui: ui?.getText() !== 'false', documents };
}

/** `app.getHttpAdapter().getInstance()`, written there or held in a `const`: the Express (or Fastify) app under Nest's. */
export function isAdapterInstance(reader: NestReader, node: TsNode, target: Declaration): boolean {
  const { ts } = reader;
  let value: TsNode | undefined = unwrap(ts, node);
  if (ts.Node.isIdentifier(value)) {
    const binding = reader.modules.bindingOf(value);
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
    isName(reader, getAdapter.getExpression(), target)
  );
}

/** A route registered on the adapter's instance (`expressApp.get('/health', (req, res) => …)`), as the Express reader reads one. */
export function instanceRoute(reader: NestReader, call: CallExpression, method: string, path: string): Route {
  const handlers = call.getArguments().slice(1);
  const handler = handlers[handlers.length - 1]!;
  const full = joinPaths('', path);
  return {
    method: method.toUpperCase(),
    path: full,
    openapiPath: toOpenApiPath(full),
    middleware: handlers.slice(0, -1).map((node) => shortText(node)),
    statuses: httpStatuses([
      ...expressStatusesIn(reader.ts, handler, reader.modules.errorClassStatus),
      ...implicitStatusesIn(reader.ts, handler, responseParameter(reader.ts, handler, 1), EXPRESS_RESPONSE),
    ]),
    summary: commentBefore(call.getFirstAncestorByKind(reader.ts.SyntaxKind.ExpressionStatement) ?? call),
    file: call.getSourceFile().getFilePath(),
    line: call.getStartLineNumber(),
  };
}

/** `SwaggerModule.setup(…)`, `SwaggerModule` imported from `@nestjs/swagger`. */
export function isSwaggerSetup(reader: NestReader, call: CallExpression): boolean {
  const { ts } = reader;
  const callee = call.getExpression();
  if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'setup') return false;
  const module = unwrap(ts, callee.getExpression());
  // `@nestjs/swagger`, or a path into it (`@nestjs/swagger/dist`).
  const from = ts.Node.isIdentifier(module) ? reader.modules.packageOf(module) : undefined;
  return from === SWAGGER || !!from?.startsWith(`${SWAGGER}/`);
}

/** Whether `SwaggerModule.setup`'s options (written there, or a `const` object) say `useGlobalPrefix: true`. */
export function usesGlobalPrefix(reader: NestReader, options: TsNode | undefined): boolean {
  const { ts } = reader;
  let object = options && unwrap(ts, options);
  if (object && ts.Node.isIdentifier(object)) object = reader.modules.follow(object)?.value;
  if (!object || !ts.Node.isObjectLiteralExpression(object)) return false;
  return propertyValue(ts, object, 'useGlobalPrefix')?.getText() === 'true';
}

/** Whether a node is the name `target` declares, in its scope. */
export function isName(reader: NestReader, node: TsNode, target: Declaration): boolean {
  const value = unwrap(reader.ts, node);
  return reader.ts.Node.isIdentifier(value) && reader.modules.bindingOf(value)?.declaration === target;
}

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

/** The package Nest's Swagger UI comes from. */
export const SWAGGER = '@nestjs/swagger';

/**
 * What a package serves at a path in main.ts: `SwaggerModule.setup('docs', app, document)`, or
 * `app.use('/dash', basicAuth, agendash(agenda))` (`before`: the handlers written before the package's).
 */
export interface ServedMount {
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
export interface SwaggerServes {
  ui: boolean;
  documents: Partial<Record<'json' | 'yaml', string>>;
}

/** A route main.ts registers on the adapter's instance, with the `app.use()` middleware registered before it. */
export interface InstanceRoute {
  route: Route;
  uses: GlobalUse[];
}

/** The methods of an Express (or Fastify) instance that register a route. */
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

/** `app.use('/admin', basicAuth)` in main.ts: the middleware, and the path it runs under (`/`: every route). */
export interface GlobalUse {
  path: string;
  names: string[];
}

/**
 * `app.setGlobalPrefix('api', { exclude: ['health'] })` in the entry; the prefix may be a `const`
 * (Nx's generated `main.ts`). `unknown`: the call whose prefix is not known from the code.
 */
export function globalPrefix(
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
export function uriVersioning(
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
export function versionsOf(ts: TsMorph, node: TsNode, literal: Literal): string[] | undefined {
  if (/\bVERSION_NEUTRAL$/.test(node.getText())) return [''];
  if (ts.Node.isArrayLiteralExpression(node)) {
    const items = node.getElements().map((item) => versionsOf(ts, item, literal));
    return items.every((item) => item?.length === 1) ? items.map((item) => item![0]!) : undefined;
  }
  const value = literal(node);
  return value === undefined ? undefined : [value];
}

/** A path or version as the code states it: a literal, or a `const` (`literalValue`). */
export type Literal = (node: TsNode) => string | undefined;
