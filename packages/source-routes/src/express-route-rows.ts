/**
 * The row of an Express route: its full path, its middleware as written, and the statuses its handler
 * and middleware answer with (tsoa's and awilix-express's controllers too).
 */
import type { RouteReader } from './express.js';
import type { CallExpression, Node as TsNode, PropertyAccessExpression } from 'ts-morph';
import { knownMiddlewareStatuses } from './known-middleware.js';
import { tsoaAction, tsoaMiddleware, tsoaSuccessStatuses, type TsoaAction } from './tsoa.js';
import { type ControllerRoute } from './awilix-express.js';
import { EXPRESS_RESPONSE } from './implicit.js';
import type { Route } from './model.js';
import { runsFor, sentFor, withSentStatuses } from './scoped-middleware.js';
import { answeredStatuses } from './answered-statuses.js';
import { sentPassingThrough } from './path-checks.js';
import { unwrap } from './code-shapes.js';
import {
  commentBefore,
  EXPRESS_STATUS_SLOTS,
  expressStatusesIn,
  joinPaths,
  shortText,
  type FunctionNode,
  inside,
} from './syntax.js';
import type { Scoped } from './express-model.js';
import { flattened, declarationComment } from './express-arguments.js';

/**
 * What a handler answers with (`expressStatusesIn`, over the functions that answer for it), and what it
 * computes; only in its `part` where only that runs for the route (`answeredStatuses`).
 */
export function statusesOf(
  reader: RouteReader,
  handler: TsNode,
  part?: TsNode,
): Pick<Route, 'statuses' | 'computedStatuses'> {
  return answeredStatuses(
    reader.ts,
    reader.names,
    handler,
    1,
    (fn) => expressStatusesIn(reader.ts, fn, reader.names.errorClassStatus),
    EXPRESS_STATUS_SLOTS,
    EXPRESS_RESPONSE,
    part,
  );
}

/**
 * A route's statuses with those its own middleware sends before the handler runs: `requireAuth`
 * answering `res.status(401)` (or `next(createError(403))`) where it does not call `next()`. Only
 * middleware of the project written as `(req, res, next)`, named at the route or made there by a
 * factory of the project (`requireRole('admin')`); a package's middleware is not read.
 */
export function withGuardStatuses(
  reader: RouteReader,
  answered: Pick<Route, 'statuses' | 'computedStatuses'>,
  middleware: TsNode[],
  before: number[] = [],
  method?: string,
): Pick<Route, 'statuses' | 'computedStatuses'> {
  return withSentStatuses(answered, [
    ...before,
    ...middleware.flatMap((node) => middlewareSends(reader, node, (count) => count >= 3, method)),
  ]);
}

/**
 * What a middleware function of the project sends rather than calling `next()` (`requireAuth`'s
 * `res.status(401)`): passed by name, or made by a factory of the project (`requireRole('admin')`
 * returning `(req, res, next) => …`: `Modules.madeMiddleware`); for a package's, what the table of
 * well-known middleware says it answers (`passport.authenticate('jwt')`: 401), else nothing.
 * `takesNext`: whether its parameter count makes it middleware where it is used; `method`: the route's.
 */
export function middlewareSends(
  reader: RouteReader,
  node: TsNode,
  takesNext: (parameters: number) => boolean,
  method?: string,
): number[] {
  const { ts } = reader;
  const value = unwrap(ts, node);
  const fns = ts.Node.isCallExpression(value)
    ? reader.names.madeMiddleware(value)
    : ts.Node.isIdentifier(value) || ts.Node.isPropertyAccessExpression(value)
      ? [reader.names.functionOf(value)]
      : [];
  const known = knownMiddlewareStatuses(ts, reader.names, node, method);
  return [
    ...known,
    ...fns
      .filter((fn) => !!fn && takesNext(((fn as FunctionNode).getParameters?.() ?? []).length))
      .flatMap((fn) => sentPassingThrough(ts, fn!, 2, (part) => statusesOf(reader, fn!, part).statuses)),
  ];
}

/** A tsoa controller method's statuses: tsoa's success status for it, and what it and its services raise. */
export function tsoaStatuses(reader: RouteReader, action: TsoaAction): Pick<Route, 'statuses' | 'computedStatuses'> {
  const raised = statusesOf(reader, action.method);
  const statuses = [...new Set([...tsoaSuccessStatuses(reader.ts, action), ...raised.statuses])].sort((a, b) => a - b);
  return { ...raised, statuses };
}

export function route(
  reader: RouteReader,
  call: CallExpression,
  method: string,
  path: string,
  handlers: TsNode[],
  routerLevel: Scoped[],
): Omit<Route, 'openapiPath'> {
  const all = flattened(reader.ts, handlers);
  // A body parser before the handler (`app.post('/login', jsonParser, …)`) says nothing of the route, as on `use()`.
  const middleware = all
    .slice(0, -1)
    .filter((node) => !reader.names.isBodyParser(unwrap(reader.ts, node)))
    .flatMap((node) => tsoaMiddleware(reader.ts, reader.names, node) ?? [shortText(node)]);
  const handler = all[all.length - 1];
  // A handler passed by name (`getUsers`, `usersController.list`): the function where it is written.
  const fn = handler && reader.names.handlerOf(handler);
  // A route tsoa generated: the controller method its handler calls answers.
  const action = fn && tsoaAction(reader.ts, reader.names, fn);
  return {
    method: method.toUpperCase(),
    path,
    middleware: [...runsFor(routerLevel, joinPaths('', path)), ...middleware],
    ...withGuardStatuses(
      reader,
      action ? tsoaStatuses(reader, action) : handler ? statusesOf(reader, fn ?? handler) : { statuses: [] },
      all.slice(0, -1),
      sentFor(routerLevel, joinPaths('', path), method),
      method,
    ),
    // tsoa's generated code is commented with its own warnings: the controller method's comment says what the route does.
    summary: action
      ? declarationComment(reader.ts, action.method)
      : (commentBefore(call.getFirstAncestorByKind(reader.ts.SyntaxKind.ExpressionStatement) ?? call) ??
        (fn && !inside(call, fn) ? declarationComment(reader.ts, fn) : undefined)),
    file: call.getSourceFile().getFilePath(),
    // In a `.route()` chain, the line of the method (`.put(`), not of the chain's start.
    line: (call.getExpression() as PropertyAccessExpression).getNameNode().getStartLineNumber(),
  };
}

/** A route of an awilix-express controller mounted at `prefix`, after the middleware the router and the `use()` run. */
export function controllerRoute(
  reader: RouteReader,
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
    ...(route.handler ? statusesOf(reader, route.handler) : { statuses: [] }),
    summary: commentBefore(route.at) ?? (route.handler ? declarationComment(reader.ts, route.handler) : undefined),
    file: route.at.getSourceFile().getFilePath(),
    line: route.at.getStartLineNumber(),
  };
}
