/**
 * Paths a middleware answers itself, handing every other request on: @uswitch/koa-core's
 * `if (ctx.request.path !== '/metrics') return next(); ctx.body = await meters.print();`, or
 * `if (req.path === '/health') { res.send('ok'); return; } next();`, Hono's `if (c.req.path === '/health')
 * return c.body(null, 204);`. Each is a route of its own.
 */
import type { Node as TsNode, Statement } from 'ts-morph';
import { unwrap } from './code-shapes.js';
import type { Route } from './model.js';
import { commentBefore, toOpenApiPath, type TsMorph } from './syntax.js';

/** The path a middleware answers, and the `if` that tells it apart. */
export interface PathCheck {
  path: string;
  at: TsNode;
  /**
   * Whether the path is the request's whole path (`req.originalUrl`, `ctx.originalUrl`), not the one under
   * where the middleware is mounted (Express's `req.path`, `req.url`; Koa's `ctx.path` under koa-mount).
   */
  whole: boolean;
  /**
   * The branch that answers the path alone (`if (req.path === '/health') return res.sendStatus(204)`: its
   * `then`), for its statuses; undefined where the rest of the middleware answers it (`!== '/x'` then `next()`).
   */
  answer?: TsNode;
}

/**
 * The paths a middleware written as a function answers itself: an `if` among its first statements
 * comparing the request's path (`ctx.path`, `ctx.request.path`, `req.path`, `req.url`, `c.req.path`, …) with a literal,
 * which either answers and returns without calling `next` (`=== '/x'`), or calls `next` for every other
 * path (`!== '/x'`) with nothing after it calling `next`. `nextAt` is the `next` parameter's place
 * (Express's third, Koa's second).
 */
export function answeredPaths(ts: TsMorph, handler: TsNode, nextAt: number): PathCheck[] {
  const fn = unwrap(ts, handler);
  if (!ts.Node.isArrowFunction(fn) && !ts.Node.isFunctionExpression(fn) && !ts.Node.isFunctionDeclaration(fn))
    return [];
  const request = fn.getParameters()[0]?.getName();
  const next = fn.getParameters()[nextAt]?.getName();
  const body = fn.getBody();
  if (!request || !next || !body || !ts.Node.isBlock(body)) return [];
  const statements = body.getStatements();
  const found: PathCheck[] = [];
  for (const [index, statement] of statements.entries()) {
    if (!ts.Node.isIfStatement(statement) || statement.getElseStatement()) break;
    const test = pathTest(ts, statement.getExpression(), request);
    if (!test) break;
    const then = statement.getThenStatement();
    const rest = statements.slice(index + 1);
    const check = { path: test.path, at: statement, whole: test.whole };
    if (test.equal && !mentions(ts, then, next) && returns(ts, then)) found.push({ ...check, answer: then });
    else if (!test.equal && mentions(ts, then, next) && returns(ts, then) && rest.length)
      return rest.some((each) => mentions(ts, each, next)) ? found : [...found, check];
    else break;
  }
  return found;
}

/**
 * What a middleware sends for the requests it hands on, as `statuses` reads a part of it: only the parts
 * that run for the paths it does not answer itself (`passedThrough`), where it answers some; else all of it.
 * A `health` answering `/health` with 204 and `/down` with 503 sends neither on the routes after it.
 */
export function sentPassingThrough(
  ts: TsMorph,
  handler: TsNode,
  nextAt: number,
  statuses: (part?: TsNode) => number[],
): number[] {
  const parts = passedThrough(ts, handler, nextAt);
  return parts ? parts.flatMap((part) => statuses(part)) : statuses();
}

/**
 * The parts of a middleware that run for the paths it does not answer itself: the statements after its
 * `if (req.path === '/x') …` checks, or the `then` of its `!== '/x'` check that hands them on; undefined
 * where it answers no path.
 */
function passedThrough(ts: TsMorph, handler: TsNode, nextAt: number): TsNode[] | undefined {
  const checks = answeredPaths(ts, handler, nextAt);
  const last = checks.at(-1);
  if (!last) return undefined;
  if (!last.answer && ts.Node.isIfStatement(last.at)) return [last.at.getThenStatement()];
  // The checks are the function's first statements, one each (`answeredPaths`).
  const fn = unwrap(ts, handler);
  const body =
    ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn) || ts.Node.isFunctionDeclaration(fn)
      ? fn.getBody()
      : undefined;
  return body && ts.Node.isBlock(body) ? body.getStatements().slice(checks.length) : undefined;
}

/**
 * The row of a path a middleware `use()`d at `call` answers itself: every method, as the middleware does not
 * tell them apart, at the path (`path`: under the app's or router's prefix), with the comment above the `use()`.
 */
export function pathCheckRoute(
  ts: TsMorph,
  call: TsNode,
  path: string,
  statuses: number[],
  middleware: string[],
): Route {
  return {
    method: 'ALL',
    path,
    openapiPath: toOpenApiPath(path),
    middleware,
    statuses,
    summary:
      commentBefore(call.getFirstAncestorByKind(ts.SyntaxKind.ExpressionStatement) ?? call) ??
      'Answered by the middleware written here for this path; it hands other paths on',
    file: call.getSourceFile().getFilePath(),
    line: call.getStartLineNumber(),
  };
}

/**
 * `ctx.path === '/metrics'` (or `!==`, either way round): the path, whether the test is that it is the path,
 * and whether it is the request's whole path (`originalUrl`).
 */
function pathTest(
  ts: TsMorph,
  test: TsNode,
  request: string,
): { path: string; equal: boolean; whole: boolean } | undefined {
  if (!ts.Node.isBinaryExpression(test)) return undefined;
  const operator = test.getOperatorToken().getKind();
  const { SyntaxKind } = ts;
  const equal = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken;
  if (!equal && operator !== SyntaxKind.ExclamationEqualsEqualsToken && operator !== SyntaxKind.ExclamationEqualsToken)
    return undefined;
  const sides = [test.getLeft(), test.getRight()];
  const literal = sides.find((side) => ts.Node.isStringLiteral(side) || ts.Node.isNoSubstitutionTemplateLiteral(side));
  const other = sides.find((side) => side !== literal);
  const path = literal && (literal.getLiteralValue() as string);
  // Hono's `c.req.path` too (its `c.req.url` is the whole URL, with the host: never a path).
  const requestPath = new RegExp(`^${request}\\.(?:(?:request\\.)?(path|url|originalUrl)|req\\.(path))$`);
  const matched = other && requestPath.exec(other.getText());
  const property = matched && (matched[1] ?? matched[2]);
  return path?.startsWith('/') && property ? { path, equal, whole: property === 'originalUrl' } : undefined;
}

/** Whether a node uses a name (`next`). */
function mentions(ts: TsMorph, node: TsNode, name: string): boolean {
  return node.getDescendantsOfKind(ts.SyntaxKind.Identifier).some((id) => id.getText() === name);
}

/** Whether a branch ends by returning: `return next()`, or a block whose last statement returns. */
function returns(ts: TsMorph, branch: Statement): boolean {
  if (ts.Node.isReturnStatement(branch)) return true;
  return ts.Node.isBlock(branch) && ts.Node.isReturnStatement(branch.getStatements().at(-1));
}
