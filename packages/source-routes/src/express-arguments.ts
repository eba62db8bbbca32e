/**
 * What the arguments of `use()` and of a route registration are: handler lists (`[auth, limit]`),
 * plain middleware and error handlers, paths only known at run time (`route.path`, a loop's value), a
 * list handed to a class's constructor, and the comment above a handler passed by name. Apart as the
 * reader's questions about a single argument, asked from many places of it.
 */
import type { ClassDeclaration, ConstructorDeclaration, MethodDeclaration, Node as TsNode } from 'ts-morph';
import { thisMember } from './class-members.js';
import { unwrap } from './code-shapes.js';
import { commentBefore, loopOver, type TsMorph } from './syntax.js';

/**
 * Where a mount argument reads the elements of a list a class's constructor or method is handed
 * (`route.router` in `routes.forEach((route) => …)` with `constructor(routes: Routes[])`): the class and the list.
 */
export function handedList(ts: TsMorph, arg: TsNode): { owner: string; list: string } | undefined {
  const value = unwrap(ts, arg);
  const loop = loopOver(ts, value);
  if (!loop?.key(value)) return undefined;
  const cls = classParameter(ts, loop.at)?.cls;
  return cls ? { owner: cls.getName() ?? 'the class', list: loop.table } : undefined;
}

/**
 * The parameter of a class's constructor or method a value is: `routes` where it is written
 * (`constructor(routes: Routes[])`), or `this.routes` of a constructor's parameter property
 * (`constructor(private routes: Routes[])`) that the class never assigns again.
 */
export function classParameter(
  ts: TsMorph,
  node: TsNode,
): { fn: ConstructorDeclaration | MethodDeclaration; cls: ClassDeclaration; index: number } | undefined {
  const value = unwrap(ts, node);
  let fn: ConstructorDeclaration | MethodDeclaration | undefined;
  let name: string | undefined;
  const member = thisMember(ts, value);
  if (member) {
    name = member.name;
    const assigned = member.cls
      .getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)
      .some(
        (assignment) =>
          assignment.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken &&
          thisMember(ts, assignment.getLeft())?.name === name,
      );
    fn = assigned
      ? undefined
      : member.cls
          .getConstructors()
          .find((constructor) =>
            constructor
              .getParameters()
              .some((parameter) => parameter.isParameterProperty() && parameter.getName() === name),
          );
  } else if (ts.Node.isIdentifier(value)) {
    name = value.getText();
    fn = value.getFirstAncestor(
      (ancestor) =>
        (ts.Node.isConstructorDeclaration(ancestor) || ts.Node.isMethodDeclaration(ancestor)) &&
        ancestor.getParameters().some((parameter) => parameter.getName() === name),
    ) as ConstructorDeclaration | MethodDeclaration | undefined;
  }
  const cls = fn?.getParent();
  if (!fn || !cls || !ts.Node.isClassDeclaration(cls)) return undefined;
  return { fn, cls, index: fn.getParameters().findIndex((parameter) => parameter.getName() === name) };
}

/**
 * The comment above where a handler passed by name is declared (`// @desc Fetch all products` above
 * `const getProducts = asyncHandler(…)`, as proshop_mern's controllers write it): above its function,
 * its method, or the statement that holds it (`exports.getUsers = …`); not above a function that
 * returns it.
 */
export function declarationComment(ts: TsMorph, fn: TsNode): string | undefined {
  for (let node: TsNode | undefined = fn; node; node = node.getParent()) {
    if (
      ts.Node.isFunctionDeclaration(node) ||
      ts.Node.isMethodDeclaration(node) ||
      ts.Node.isPropertyDeclaration(node) ||
      ts.Node.isPropertyAssignment(node) ||
      ts.Node.isVariableStatement(node) ||
      ts.Node.isExpressionStatement(node)
    )
      return commentBefore(node);
    if (ts.Node.isBlock(node) || ts.Node.isSourceFile(node)) return undefined;
  }
  return undefined;
}

/** Handlers as Express reads them: a list among them (`[auth, limit]`) is its elements, in place. */
export function flattened(ts: TsMorph, handlers: TsNode[]): TsNode[] {
  return handlers.flatMap((handler) => {
    const value = unwrap(ts, handler);
    return ts.Node.isArrayLiteralExpression(value) ? flattened(ts, value.getElements()) : [handler];
  });
}

/**
 * `app.use(requireAuth)`: a `(req, res, next)` function; an error handler, `(err, req, res, next)`,
 * runs only when a route fails, and says nothing of what every route answers.
 */
export function isPlainMiddleware(count: number): boolean {
  return count === 3;
}

/** `route.path`, `` `/v${n}` ``, `base + '/x'`: a path only known at run time. */
export function isComputedPath(ts: TsMorph, node: TsNode): boolean {
  return (
    isConfigGetter(ts, node) ||
    ts.Node.isPropertyAccessExpression(node) ||
    ts.Node.isElementAccessExpression(node) ||
    ts.Node.isTemplateExpression(node) ||
    (ts.Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+')
  );
}

/**
 * A config getter's value (`config.get('api.prefix')` of node-config, nconf or convict,
 * `configService.get<string>('PREFIX')` of Nest's): a setting, which as `use()`'s first argument is its path.
 */
function isConfigGetter(ts: TsMorph, node: TsNode): boolean {
  if (!ts.Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  const [key] = node.getArguments();
  return (
    ts.Node.isPropertyAccessExpression(callee) &&
    /^get(OrThrow)?$/.test(callee.getName()) &&
    !!key &&
    ts.Node.isStringLiteral(key)
  );
}

/**
 * Whether a package's value reads as a path rather than as middleware: a config getter's, or a
 * property named like one (`settings.basePath`, `env.API_PREFIX`). A package's other values handed to
 * `use()` (`guards.requireStaff`) are middleware.
 */
export function readsAsPath(ts: TsMorph, node: TsNode): boolean {
  if (isConfigGetter(ts, node)) return true;
  return (
    ts.Node.isPropertyAccessExpression(node) &&
    /(path|prefix|url|uri|base|root|mount|route|endpoint)$/i.test(node.getName())
  );
}

/**
 * A name a loop gives each turn (`for (const { path, router } of table) app.use(path, router)`,
 * `table.forEach(({ path, route }) => …)`): a path only known at run time.
 */
export function isLoopValue(ts: TsMorph, node: TsNode): boolean {
  if (!ts.Node.isIdentifier(node)) return false;
  const name = node.getText();
  const binds = (bindings: TsNode | undefined) =>
    !!bindings &&
    (bindings.getText() === name ||
      bindings
        .getDescendantsOfKind(ts.SyntaxKind.Identifier)
        .some((id) => id.getText() === name && !ts.Node.isPropertyAccessExpression(id.getParent())));
  for (let scope: TsNode | undefined = node.getParent(); scope; scope = scope.getParent()) {
    if ((ts.Node.isForOfStatement(scope) || ts.Node.isForInStatement(scope)) && binds(scope.getInitializer()))
      return true;
    if (ts.Node.isArrowFunction(scope) || ts.Node.isFunctionExpression(scope)) {
      const call = scope.getParent();
      const callee = call && ts.Node.isCallExpression(call) ? call.getExpression() : undefined;
      const loops =
        callee && ts.Node.isPropertyAccessExpression(callee) && ['forEach', 'map'].includes(callee.getName());
      const parameter = scope.getParameters()[0];
      if (loops && parameter && binds(parameter.getNameNode())) return true;
      if (scope.getParameters().some((candidate) => binds(candidate.getNameNode()))) return false;
    }
  }
  return false;
}
