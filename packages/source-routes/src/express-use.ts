/**
 * `use()` on an Express app or router: middleware for what follows (everywhere or under a path), mounts
 * of routers, tables and handlers, and what such middleware answers before the routes it guards.
 */
import type { RouteReader } from './express.js';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { unsafeMethodStatuses } from './known-middleware.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, responseParameter } from './implicit.js';
import { answersItself, functionMountRoute, packageMountRoute } from './mounted-handlers.js';
import { conditionalName, runsFor, sentFor } from './scoped-middleware.js';
import { httpStatuses } from './answered-statuses.js';
import { unwrap } from './code-shapes.js';
import { expressStatusesIn, joinPaths, shortText } from './syntax.js';
import type { RouterDef, RouterRef, Scoped } from './express-model.js';
import { siteOf } from './express-scopes.js';
import {
  isComputedPath,
  flattened,
  isLoopValue,
  isPlainMiddleware,
  handedList,
  readsAsPath,
} from './express-arguments.js';
import { mountTargets } from './express-mount-targets.js';
import { warnUnreadModule, unfollowedMount, isUnreadMember, isUnreadHandedMember } from './express-unread.js';
import { tableMounts, handedMounts } from './express-tables.js';
import { middlewareSends, controllerRoute, statusesOf } from './express-route-rows.js';
import { answeredPaths, pathCheckRoute } from './path-checks.js';

export function use(
  reader: RouteReader,
  ref: RouterRef,
  call: CallExpression,
  def: RouterDef,
  routerLevel: Scoped[],
): void {
  const [first, ...others] = call.getArguments();
  // `app.use(['/v1', '/latest'], api)`: mounted at each path, as Express does.
  const listed =
    first && reader.ts.Node.isArrayLiteralExpression(unwrap(reader.ts, first)) ? reader.literals(first) : undefined;
  if (listed && others.length) {
    for (const path of listed) useAt(reader, ref, call, def, routerLevel, path, others);
    return;
  }
  const args = flattened(reader.ts, call.getArguments());
  const stated = reader.literal(args[0]);
  const hasPath = stated !== undefined;
  // `process.env.PREFIX!`, `cfg.prefix as string`: the path is what the assertion or cast holds.
  const path = args[0] && unwrap(reader.ts, args[0]);
  if (
    !hasPath &&
    args.length >= 2 &&
    (isComputedMountPath(reader, ref.file, path!) || isLoopValue(reader.ts, path!) || reader.isHandedPath(path!))
  ) {
    // `routes.forEach(({ path, router }) => app.use(path, router))` over a literal `const` table:
    // each element is read as the mount it makes.
    const mounts = tableMounts(reader, ref, call) ?? handedMounts(reader, call);
    if (mounts) {
      for (const mount of mounts)
        def.entries.push({
          kind: 'mount',
          mount: { ...mount, middleware: [...routerLevel, ...mount.middleware.map((name) => ({ name }))] },
        });
      return;
    }
    reader.warnings.push({
      code: 'DG_ROUTES_COMPUTED_MOUNT',
      severity: 'warning',
      message: `use(${shortText(args[0]!)}, …) mounts at a path computed at run time: the routes it mounts are not read`,
      location: { file: ref.file, line: call.getStartLineNumber() },
      hint: "mount with a literal path (app.use('/users', usersRouter)), or loop over a literal `const` table of { path: '/x', router } objects, so docgen can follow it",
    });
    return; // its routers are not shown at a path they are not served at
  }
  useAt(reader, ref, call, def, routerLevel, stated, hasPath ? args.slice(1) : args);
}

/**
 * Whether `use()`'s first argument is a path computed at run time (`cfg.prefix`, `` `/v${n}` ``) rather
 * than the first of its handlers, which property access reaches as often: a function of the project
 * (`router.use(authMiddleware.verify, audit)`), a router (`app.use(health.router, legacy.router)`) or
 * a package's value (`guards.requireStaff` of `import * as guards from '@acme/express-guards'`) unless
 * it reads as a path (`config.get('api.prefix')`, `settings.basePath`).
 */
function isComputedMountPath(reader: RouteReader, file: string, arg: TsNode): boolean {
  return (
    isComputedPath(reader.ts, arg) &&
    !reader.names.functionOf(arg) &&
    !mountTargets(reader, file, arg).length &&
    !(reader.names.packageServing(arg) && !readsAsPath(reader.ts, arg))
  );
}

/** A `use()` at a path (or none: `undefined`) of its handlers: mounts, middleware, and what answers there. */
export function useAt(
  reader: RouteReader,
  ref: RouterRef,
  call: CallExpression,
  def: RouterDef,
  routerLevel: Scoped[],
  stated: string | undefined,
  handlers: TsNode[],
): void {
  const hasPath = stated !== undefined;
  const prefix = stated ?? '';
  const rest = flattened(reader.ts, handlers);
  const middleware: string[] = [];
  // The same, with what each sends before the routes after it run.
  const scopedHere: Scoped[] = [];
  let mounted = false;
  const handler = rest[rest.length - 1];
  // `app.use('/admin/*', sendHtml)`: a function of the project that answers every path under the mount (a row, below);
  // with no path (`app.use((req, res) => res.status(404).send())`) every path, as `app.use('*', …)`.
  const answering = handler ? answeringFunction(reader, handler) : undefined;
  for (const arg of rest) {
    if (answering && arg === handler) continue;
    const controllers = reader.awilixControllers.routesOf(arg);
    if (controllers) {
      for (const each of controllers)
        def.entries.push({ kind: 'route', route: controllerRoute(reader, each, prefix, routerLevel, middleware) });
      mounted = true;
      continue;
    }
    const targets = mountTargets(reader, ref.file, arg);
    const target = targets[0];
    // A name from a file that is not there may be a router or middleware: warned about, and shown as written.
    const unread = !target && warnUnreadModule(reader, arg);
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
    // `app.use((req, res, next) => { if (req.path === '/health') return res.send('ok'); next(); })`: its paths are rows.
    if (!hasPath && !target) def.entries.push(...pathCheckRows(reader, call, arg, routerLevel));
    if (!target && isShownMiddleware(reader, arg)) {
      const sent = middlewareSends(reader, arg, isPlainMiddleware);
      const unsafe = unsafeMethodStatuses(reader.ts, reader.names, arg);
      const use: Scoped = {
        name: conditionalName(reader.ts, call, middlewareName(reader, arg)),
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
    hasPath && !mounted && handler && !answering && !reader.names.isBodyParser(handler)
      ? reader.names.packageServing(handler)
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
        reader.ts,
        call,
        prefix,
        handler!,
        answering,
        httpStatuses([
          ...expressStatusesIn(reader.ts, answering, reader.names.errorClassStatus),
          ...implicitStatusesIn(reader.ts, answering, responseParameter(reader.ts, answering, 1), EXPRESS_RESPONSE),
          // What the middleware before it sends (`app.use('/api', requireAuth)`), as for a route.
          ...sentFor([...routerLevel, ...scopedHere], joinPaths(prefix, '/*')),
        ]),
        [...runsFor(routerLevel, joinPaths(prefix, '/*')), ...middleware],
      ),
    });
  else if (!mounted && handler && handedList(reader.ts, handler)) {
    const { owner, list } = handedList(reader.ts, handler)!;
    reader.warnings.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message: `use(${shortText(call.getArguments()[0]!)}, ${shortText(handler)}) mounts the routers of the list ${owner} is handed (${list}), which docgen cannot follow to routers: their routes are not read`,
      location: { file: ref.file, line: call.getStartLineNumber() },
      hint: `hand ${owner} a literal list (or a \`const\` one) of instances of the project's route classes (new ${owner}([new UsersRoute()])), each keeping its router in a member (public router = Router())`,
    });
  } else if (!mounted && hasPath && handler && unfollowedMount(reader, handler)) {
    const what = unfollowedMount(reader, handler)!;
    reader.warnings.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message: `use(${shortText(call.getArguments()[0]!)}, ${shortText(handler)}) mounts ${what}, which docgen cannot follow to a router: the routes it serves under ${joinPaths(prefix, '/')} are not read`,
      location: { file: ref.file, line: call.getStartLineNumber() },
      hint: "mount a router docgen can follow: export it (or the function of the project that builds and returns it) from a module of the project and import it by a literal path (app.use('/api', makeRouter(deps)) with import { makeRouter } from './routes'); else list those routes in the service's OpenAPI spec",
    });
  } else if (!mounted && handler && (isUnreadMember(reader, handler) || isUnreadHandedMember(reader, handler)))
    reader.warnings.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message: `use(${hasPath ? `${shortText(call.getArguments()[0]!)}, …, ` : ''}${shortText(handler)}) mounts a value of the project docgen cannot follow to a router or a function: the routes it may serve are not read`,
      location: { file: ref.file, line: call.getStartLineNumber() },
      hint: "mount a router by a name docgen can follow (app.use('/users', usersRouter)), or one a class or module of the project holds (new UsersRouting().router, routes.router)",
    });
  // `app.use('/api', rateLimit(…))` runs before what is registered after it under `/api` too.
  routerLevel.push(...scopedHere.map((use) => ({ ...use, under: prefix })));
}

/** The rows of the paths a middleware `use()`d with no path answers itself (`answeredPaths`), before it hands the rest on. */
function pathCheckRows(
  reader: RouteReader,
  call: CallExpression,
  arg: TsNode,
  routerLevel: Scoped[],
): RouterDef['entries'] {
  const fn = reader.names.functionOf(arg);
  return (fn ? answeredPaths(reader.ts, fn, 2) : []).map(({ path, whole, answer }) => {
    // `req.originalUrl` is the whole path: the router's middleware is matched with it where the router is
    // mounted (`flatten`); `req.path` and `req.url` are under that mount, as the router's own paths.
    const before = whole ? [] : routerLevel;
    const route = pathCheckRoute(
      reader.ts,
      call,
      path,
      httpStatuses([...statusesOf(reader, fn!, answer).statuses, ...sentFor(before, path)]),
      runsFor(before, path),
    );
    return whole ? { kind: 'route', route, whole, before: [...routerLevel] } : { kind: 'route', route };
  });
}

/**
 * The function a `use()` at a path ends with when it answers the request itself: written there
 * (`(req, res) => …`) or a function of the project by name (`sendHtml`) or property access
 * (`ctrl.handle`, `handlers.proxy`); not middleware that calls `next`.
 */
export function answeringFunction(reader: RouteReader, handler: TsNode): TsNode | undefined {
  const fn = reader.names.functionOf(handler);
  return fn && answersItself(reader.ts, fn, 2) ? fn : undefined;
}

/**
 * Whether `use()` middleware is shown on the routes it runs for: a name (`requireAuth`) or a call
 * (`helmet()`, `cors({ origin })`), as NestJS and Hono show them; not body parsers
 * (`express.json()`, `bodyParser.urlencoded(…)`: on every row they say nothing) nor
 * `express.static(…)` (files, not a step before the routes), nor `require('./x')`.
 */
export function isShownMiddleware(reader: RouteReader, arg: TsNode): boolean {
  const { ts } = reader;
  if (ts.Node.isIdentifier(arg)) return !reader.names.isParserOrFiles(arg);
  // `authMiddleware.verify`, `guards.requireStaff`: a function of the project's, or a package's.
  if (ts.Node.isPropertyAccessExpression(arg))
    return !!reader.names.functionOf(arg) || !!reader.names.packageServing(arg);
  if (!ts.Node.isCallExpression(arg) || arg.getExpression().getText() === 'require') return false;
  return !reader.names.isParserOrFiles(arg);
}

/**
 * The middleware a `use()` argument is, as written where it is chosen: for a parameter of the
 * function the router was handed to (`app.use('/api', guard, users)` in `mountRoutes(app, requireAuth)`),
 * what the call gives (`requireAuth`), else the argument as written.
 */
export function middlewareName(reader: RouteReader, arg: TsNode): string {
  const value = reader.ts.Node.isIdentifier(arg) ? reader.handedValue(arg) : undefined;
  return shortText(value ?? arg);
}
