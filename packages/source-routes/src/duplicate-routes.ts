/**
 * A method and path registered twice (`DG_ROUTES_DUPLICATE`), whatever the framework: warned at
 * the second, unless the two are the same registration reached twice or ones of which only one runs
 * (the two branches of an `if`, two cases of a `switch`, after an early return). Apart because it
 * reads the routes every reader returns, after the run.
 */
import { createRequire } from 'node:module';
import { basename, dirname, relative } from 'node:path';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import type { Diagnostic } from '@docgen/core';
import type { Framework, Route } from './model.js';
import { type TsMorph, syntaxProject, inside } from './syntax.js';
import type { Site } from './express-model.js';

/**
 * A second registration of a method and path the app already registers (`/users/:userId` after
 * `/users/:id` too: the same requests match), warned at the second, naming the first: the first
 * answers, so the second runs only if the first passes the request on; Fastify refuses to start.
 * Rows that stand for many paths (a package's, a function answering under a mount) are not routes here.
 */
export function duplicateRoutes(
  routes: Route[],
  framework: Framework,
  entry: string,
  mountedThrough?: WeakMap<Route, Site[]>,
): Diagnostic[] {
  const first = new Map<string, Route>();
  const warnings: Diagnostic[] = [];
  for (const route of routes) {
    if (route.servedBy || route.inlineMount) continue;
    const key = `${route.method} ${route.path.replace(/:\w+/g, ':')}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, route);
      continue;
    }
    // One registration reached twice (a router mounted twice at a path) is no second handler, nor is
    // one of two branches of an `if` (`if (prod) app.get('*', index) else app.get('*', devProxy)`).
    if (earlier.file === route.file && earlier.line === route.line) continue;
    if (inExclusiveBranches(earlier, route, mountedThrough)) continue;
    const where = `${relative(dirname(entry), earlier.file) || basename(earlier.file)}:${earlier.line}`;
    const what = earlier.path === route.path ? 'it' : `${earlier.method} ${earlier.path}`;
    const outcome =
      framework === 'Fastify'
        ? 'and Fastify stops at startup with a duplicate route'
        : framework === 'NestJS'
          ? 'so this handler is never reached'
          : 'so this handler is reached only if that one calls next()';
    warnings.push({
      code: 'DG_ROUTES_DUPLICATE',
      severity: 'warning',
      message: `${route.method} ${route.path} is registered again: ${where} registers ${what} first, ${outcome}`,
      location: { file: route.file, line: route.line },
      hint: 'remove one of the two, or give this one another path',
    });
  }
  return warnings;
}

/**
 * Whether two registrations are ones of which only one runs: in the `then` and the `else` of one `if`
 * (or the two sides of a `?:`), in two cases of one `switch` that do not fall through into each other,
 * or one in a branch that returns (or throws) and the other after that `if`. Read on the
 * registrations, and on the mounts they are reached through (`if (v2) app.use('/api', v2) else
 * app.use('/api', v1)`: either router's `/users`).
 */
function inExclusiveBranches(a: Route, b: Route, mountedThrough?: WeakMap<Route, Site[]>): boolean {
  const tsMorph = createRequire(import.meta.url)('ts-morph') as TsMorph;
  const project = syntaxProject(tsMorph);
  const calls = new Map<string, CallExpression[]>();
  const callsIn = (file: string) => {
    let found = calls.get(file);
    if (!found) {
      found = project.addSourceFileAtPath(file).getDescendantsOfKind(tsMorph.SyntaxKind.CallExpression);
      calls.set(file, found);
    }
    return found;
  };
  // The registration: the call whose method (`.get(`) is written on the route's line.
  const registration = (route: Route) =>
    callsIn(route.file).find((call) => {
      const callee = call.getExpression();
      return (
        tsMorph.Node.isPropertyAccessExpression(callee) &&
        callee.getName().toUpperCase() === route.method &&
        callee.getNameNode().getStartLineNumber() === route.line
      );
    });
  const mountAt = (site: Site) => callsIn(site.file).find((call) => call.getStart() === site.start);
  const calledFor = (route: Route) =>
    [...(mountedThrough?.get(route) ?? []).map(mountAt), registration(route)].filter(
      (call): call is CallExpression => call !== undefined,
    );
  for (const one of calledFor(a))
    for (const other of calledFor(b)) {
      if (one === other || one.getSourceFile() !== other.getSourceFile()) continue;
      // In the order they are written: an early return is above what it skips.
      const [first, second] = one.getStart() <= other.getStart() ? [one, other] : [other, one];
      if (
        inAlternatives(tsMorph, first, second) ||
        inSeparateCases(tsMorph, first, second) ||
        afterEarlyExit(tsMorph, first, second)
      )
        return true;
    }
  return false;
}

/** One in the `then` and the other in the `else` of an `if`, or on the two sides of a `cond ? x : y`. */
function inAlternatives(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  for (let scope = first.getParent(); scope; scope = scope.getParent()) {
    const sides = ts.Node.isIfStatement(scope)
      ? [scope.getThenStatement(), scope.getElseStatement()]
      : ts.Node.isConditionalExpression(scope)
        ? [scope.getWhenTrue(), scope.getWhenFalse()]
        : undefined;
    if (!sides) continue;
    const [yes, no] = sides;
    if ((inside(yes, first) && inside(no, second)) || (inside(no, first) && inside(yes, second))) return true;
  }
  return false;
}

/** In two cases of one `switch`, the first ending (or a case between them ending) in `break`, `return` or `throw`. */
function inSeparateCases(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  const clause = (node: TsNode) =>
    node.getParentWhile((parent) => !ts.Node.isCaseClause(parent) && !ts.Node.isDefaultClause(parent))?.getParent();
  const [from, to] = [clause(first), clause(second)];
  const block = from?.getParent();
  if (!from || !to || from === to || !block || !ts.Node.isCaseBlock(block) || to.getParent() !== block) return false;
  const clauses = block.getClauses();
  // Falling through runs the next case too: only a case that leaves the switch keeps them apart.
  return clauses
    .slice(clauses.indexOf(from as (typeof clauses)[number]), clauses.indexOf(to as (typeof clauses)[number]))
    .some((between) => {
      const statements = between.getStatements();
      const last = statements[statements.length - 1];
      return !!last && leaves(ts, last, true);
    });
}

/**
 * One in a branch of an `if` that always returns or throws (`if (prod) { app.get('*', index); return; }`),
 * the other after that `if` in the same function: the second is not reached when the first is.
 */
function afterEarlyExit(ts: TsMorph, first: TsNode, second: TsNode): boolean {
  for (let scope = first.getParent(); scope; scope = scope.getParent()) {
    if (ts.Node.isFunctionLikeDeclaration(scope) || ts.Node.isSourceFile(scope)) return false;
    if (!ts.Node.isIfStatement(scope) || inside(scope, second)) continue;
    const branch = inside(scope.getThenStatement(), first) ? scope.getThenStatement() : scope.getElseStatement();
    if (branch && leaves(ts, branch, false) && second.getStart() > scope.getEnd() && sameFunction(ts, scope, second))
      return true;
  }
  return false;
}

/** Whether a statement always leaves: `return`, `throw` (`break` too in a switch), or a block ending so. */
function leaves(ts: TsMorph, statement: TsNode, inSwitch: boolean): boolean {
  if (ts.Node.isReturnStatement(statement) || ts.Node.isThrowStatement(statement)) return true;
  if (inSwitch && ts.Node.isBreakStatement(statement)) return true;
  if (!ts.Node.isBlock(statement)) return false;
  const statements = statement.getStatements();
  const last = statements[statements.length - 1];
  return !!last && leaves(ts, last, inSwitch);
}

/** Whether two nodes are in the same function (or both at the top of the module), not one in a nested one. */
function sameFunction(ts: TsMorph, a: TsNode, b: TsNode): boolean {
  const enclosing = (node: TsNode) =>
    node
      .getParentWhile((parent) => !ts.Node.isFunctionLikeDeclaration(parent) && !ts.Node.isSourceFile(parent))
      ?.getParent() ?? node.getSourceFile();
  return enclosing(a) === enclosing(b);
}
