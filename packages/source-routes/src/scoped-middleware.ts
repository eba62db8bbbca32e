/**
 * Middleware `use()`d on an app or router, everywhere or under a path: which of it runs for a route, and
 * what it answers before the handler does (`requireAuth`'s 401).
 */
import { httpStatuses } from './answered-statuses.js';
import { changesState } from './known-middleware.js';
import type { Route } from './model.js';
import type { Node as TsNode } from 'ts-morph';
import { joinPaths, shortText, underPath, type TsMorph, type FunctionNode } from './syntax.js';

/**
 * Middleware a `use()` runs for what is registered after it: everywhere on its app or router, or only
 * under a path of it (`app.use('/api', rateLimit(…))`, `router.use('/admin', adminsOnly)`: `under` that path).
 */
export interface ScopedUse {
  name: string;
  under?: string;
  /** What it answers before the routes after it run (`requireAuth`'s 401), for middleware of the project. */
  statuses?: number[];
  /** What it answers only to requests that change state (`csrf()`'s 403): not on a GET route. */
  unsafeStatuses?: number[];
}

/**
 * A `use()`d middleware's name with the conditions the `use()` is under in the function (or module) that sets
 * the app up: `if (EnvVars.NodeEnv === NodeEnvs.DEV) app.use(morgan('dev'))` runs it in development only, so it
 * is `morgan('dev') (when EnvVars.NodeEnv === NodeEnvs.DEV)`, and one in the `else` is `(unless …)`, not a step
 * every request takes. The same name is the model's and the page's.
 */
export function conditionalName(ts: TsMorph, use: TsNode, name: string, through: TsNode[][] = []): string {
  // `through`: each chain of calls that brings `use` in, outermost first (Fastify's `if (x) app.register(fp(plugin))`);
  // brought in by several, it runs when any one of them does: `(when a or when b)`.
  const chains = through.length ? through : [[]];
  const alternatives = chains.map((calls) => [...calls, use].flatMap((node) => conditionsOf(ts, node)).join(', '));
  if (alternatives.some((conditions) => !conditions)) return name;
  return `${name} (${[...new Set(alternatives)].join(' or ')})`;
}

/** Whether any of `nodes` runs only under a condition (`if`, `? :`, `&&`/`||`) in its function. */
export function isConditional(ts: TsMorph, nodes: TsNode[]): boolean {
  return nodes.some((node) => conditionsOf(ts, node).length > 0);
}

/** The conditions a node runs under, outermost first: `if`/`else`, `? :` and `&&`/`||`, up to its function. */
function conditionsOf(ts: TsMorph, node: TsNode): string[] {
  const found: string[] = [];
  let child = node;
  for (
    let parent = node.getParent();
    parent && !ts.Node.isFunctionLikeDeclaration(parent);
    parent = parent.getParent()
  ) {
    const condition = conditionHolding(ts, parent, child);
    if (condition) found.unshift(condition);
    child = parent;
  }
  return found;
}

/** `when x` where `child` runs only if `x` holds in `parent`, `unless x` where only if it does not. */
function conditionHolding(ts: TsMorph, parent: TsNode, child: TsNode): string | undefined {
  if (ts.Node.isIfStatement(parent) && child !== parent.getExpression())
    return `${child === parent.getThenStatement() ? 'when' : 'unless'} ${shortText(parent.getExpression())}`;
  if (ts.Node.isConditionalExpression(parent) && child !== parent.getCondition())
    return `${child === parent.getWhenTrue() ? 'when' : 'unless'} ${shortText(parent.getCondition())}`;
  if (ts.Node.isBinaryExpression(parent) && child === parent.getRight()) {
    const operator = parent.getOperatorToken().getKind();
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return `when ${shortText(parent.getLeft())}`;
    if (operator === ts.SyntaxKind.BarBarToken) return `unless ${shortText(parent.getLeft())}`;
  }
  return undefined;
}

/** Middleware `use()`d under paths of a router mounted at `prefix`, under the paths from the app's root. */
export function rootedAt<T extends ScopedUse>(prefix: string, middleware: T[]): T[] {
  return middleware.map((use) => (use.under === undefined ? use : { ...use, under: joinPaths(prefix, use.under) }));
}

/** The names of the middleware that runs for a path: what runs everywhere, and what runs under a path it is under. */
export function runsFor(middleware: ScopedUse[], path: string): string[] {
  return middleware.filter((use) => use.under === undefined || underPath(use.under, path)).map((use) => use.name);
}

/** What the `use()` middleware that runs for a path sends before the route (`requireAuth`'s 401), to a request of `method`. */
export function sentFor(middleware: ScopedUse[], path: string, method?: string): number[] {
  return middleware
    .filter((use) => use.under === undefined || underPath(use.under, path))
    .flatMap((use) => [
      ...(use.statuses ?? []),
      ...(method !== undefined && changesState(method) ? (use.unsafeStatuses ?? []) : []),
    ]);
}

/** Whether middleware calls its `next` inside a `try` or chains `.catch` on it: an error handler of what runs after it. */
export function catchesDownstream(ts: TsMorph, fn: FunctionNode): boolean {
  const next = fn.getParameters()[1]?.getName();
  return fn.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => {
    if (call.getExpression().getText() !== next) return false;
    const tried = call.getFirstAncestor((node) => ts.Node.isTryStatement(node) || node === fn);
    const inTry =
      !!tried && ts.Node.isTryStatement(tried) && tried.getTryBlock().containsRange(call.getPos(), call.getEnd());
    const parent = call.getParent();
    return inTry || (ts.Node.isPropertyAccessExpression(parent) && parent.getName() === 'catch');
  });
}

/** A route's statuses with those its middleware (or guards, hooks) answers before the handler runs (`requireAuth`'s 401). */
export function withSentStatuses(
  answered: Pick<Route, 'statuses' | 'computedStatuses'>,
  sent: number[],
): Pick<Route, 'statuses' | 'computedStatuses'> {
  return sent.length ? { ...answered, statuses: httpStatuses([...answered.statuses, ...sent]) } : answered;
}

/**
 * Routes less the package mounts that only guard routes the app serves under the same path
 * (`app.use('/api', rateLimit(…))` before `app.use('/api', api)`): a package mount is a row of
 * its own only where no route is listed under its path after it (`/dash`: agendash's; the files
 * `express.static` serves under `/admin` after `app.get('/admin', …)`, which it guards not, and
 * before a function answering `/admin/*`, which is no route of its own to guard).
 */
export function withoutScopedMiddleware(routes: Route[]): Route[] {
  return routes.filter((route, index) => {
    if (!route.servedBy) return true;
    // As the middleware is matched (`underPath`): `/users/:id` guards `/users/:userId/posts` too.
    return !routes
      .slice(index + 1)
      .some((other) => !other.servedBy && !other.inlineMount && underPath(route.path, other.path));
  });
}
