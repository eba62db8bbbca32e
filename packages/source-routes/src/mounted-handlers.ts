/**
 * A handler mounted where a router would be (a package's, `app.use('/dash', agendash(agenda))`, or the
 * project's, `app.use('/legacy', (req, res) => …)`): whether it answers itself, and the row that stands for
 * every method under its path.
 */
import type { Node as TsNode } from 'ts-morph';
import { unwrap } from './code-shapes.js';
import type { Route } from './model.js';
import { joinPaths, shortText, type TsMorph, commentBefore } from './syntax.js';

/**
 * The row of a package's handler or plugin mounted at a path (`app.use('/dash', agendash(agenda))`):
 * every method under the path, served by routes docgen cannot read.
 */
export function packageMountRoute(
  call: TsNode,
  prefix: string,
  handler: TsNode,
  pkg: string,
  middleware: string[],
): Route {
  const path = joinPaths(prefix, '/*');
  return {
    method: 'ALL',
    path,
    openapiPath: path,
    middleware,
    statuses: [],
    servedBy: pkg,
    summary: `Served by \`${shortText(handler)}\` (package \`${pkg}\`): its routes are not read`,
    file: call.getSourceFile().getFilePath(),
    line: call.getStartLineNumber(),
  };
}

/**
 * Whether a function mounted at a path answers the request itself, as a route handler does: it takes
 * no `next` (the parameter at `nextAt`: Express's third, Koa's second) or never uses it. One that
 * calls `next` is middleware, and one with more parameters (Express's error handlers) is not a handler.
 */
export function answersItself(ts: TsMorph, handler: TsNode, nextAt: number): boolean {
  const fn = unwrap(ts, handler);
  if (
    !ts.Node.isArrowFunction(fn) &&
    !ts.Node.isFunctionExpression(fn) &&
    !ts.Node.isFunctionDeclaration(fn) &&
    !ts.Node.isMethodDeclaration(fn)
  )
    return false;
  const parameters = fn.getParameters();
  const body = fn.getBody();
  if (parameters.length > nextAt + 1 || !body) return false;
  const next = parameters[nextAt]?.getName();
  return next === undefined || !body.getDescendantsOfKind(ts.SyntaxKind.Identifier).some((id) => id.getText() === next);
}

/**
 * The row of a function of the project that answers under a mount (`app.use('/legacy', auth, (req, res) => …)`,
 * `app.use('/admin/*', sendHtml)`, Koa's `mount('/health', (ctx) => …)`): it answers every path under the
 * prefix, as a package's handler would (`ALL /legacy/*`), with the statuses it sets.
 */
export function functionMountRoute(
  ts: TsMorph,
  call: TsNode,
  prefix: string,
  handler: TsNode,
  fn: TsNode,
  statuses: number[],
  middleware: string[],
): Route {
  // `app.use('*', …)` (Express 4) already names every path.
  const path = /\*$/.test(prefix) ? joinPaths(prefix, '') : joinPaths(prefix, '/*');
  return {
    method: 'ALL',
    path,
    openapiPath: path,
    middleware,
    statuses,
    inlineMount: true,
    summary:
      commentBefore(call.getFirstAncestorByKind(ts.SyntaxKind.ExpressionStatement) ?? call) ??
      (fn === unwrap(ts, handler)
        ? 'Answered by the function written here, for every path under it: its routes are not read'
        : `Answered by \`${shortText(handler)}\`, for every path under it: its routes are not read`),
    file: call.getSourceFile().getFilePath(),
    line: call.getStartLineNumber(),
  };
}
