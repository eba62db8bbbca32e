/**
 * Which router a name stands for where a call is written: a function's parameter (`function
 * setupDev(app)`), a value handed on through calls (`loadRoutes(app, '/api')`), a closure over the
 * module's router called with values of its own (`mountRoutes('/api')`), and the key a router is
 * read under. Apart because it reads bindings and scopes, not Express's API.
 */
import type { CallExpression, Identifier, Node as TsNode } from 'ts-morph';
import type { Handing } from './handing.js';
import { type TsMorph, isFunctionLike, inside } from './syntax.js';
import type { RouterRef, FunctionLike, Site } from './express-model.js';

/**
 * How a call hands a router on: as the argument itself (`registerAdmin(app)`: `''`), or under a key of
 * an object literal (`loader({ app })`, `loader({ app: expressApp })`: `'app'`); undefined if not at all.
 */
export function handedKey(ts: TsMorph, arg: TsNode, name: string): string | undefined {
  if (ts.Node.isIdentifier(arg)) return arg.getText() === name ? '' : undefined;
  if (!ts.Node.isObjectLiteralExpression(arg)) return undefined;
  for (const property of arg.getProperties()) {
    if (ts.Node.isShorthandPropertyAssignment(property) && property.getName() === name) return name;
    if (ts.Node.isPropertyAssignment(property) && property.getInitializer()?.getText() === name)
      return property.getName();
  }
  return undefined;
}

/** A router's key among those read: its file, name and scope. */
export function refKey(ts: TsMorph, ref: RouterRef): string {
  const closure = ref.closure === undefined ? '' : `%${ref.closure}`;
  const local = ref.local === undefined ? '' : `~${ref.local}`;
  return `${ref.file}#${ref.name}${ref.scope === undefined ? '' : `@${ref.scope}`}${ref.owner === undefined ? '' : `^${ref.owner}`}${closure}${local}${handedKeyOf(ts, ref)}`;
}

/**
 * For a router handed to functions one of which takes more (`loadRoutes(app, prefix)`), the calls
 * that hand it on the way: each call may give other values, so each is read on its own.
 */
function handedKeyOf(ts: TsMorph, ref: RouterRef): string {
  let key = '';
  let takesMore = false;
  for (let at = ref.handed; at; at = at.outer) {
    key += `~${at.call.getSourceFile().getFilePath()}:${at.call.getStart()}`;
    // `(app, prefix)`, or `({ app, prefix })`: more names than the router's; a closure's
    // (`mountRoutes(prefix)`) are all more.
    const names = at.fn.getParameters().flatMap((parameter) => bindingNames(ts, parameter.getNameNode()));
    // A factory's (`createApp(toolsRouter)`, the router made inside) are all more too.
    const own = at === ref.handed && (ref.closure !== undefined || !names.includes(ref.name));
    takesMore ||= names.length > (own ? 0 : 1);
  }
  return takesMore ? key : '';
}

/**
 * The function of the module a call on the router `name` is written in that closes over the router
 * and takes values of its own, and that the module calls by name (`function mountRoutes(prefix) {
 * app.use(prefix, api) }` with `mountRoutes('/api')`): what it registers is read at each call, with
 * the values that call gives. Undefined where the call runs where it is written, or the function is
 * not called in the module (its parameters are then computed at run time, as before).
 */
export function closureOf(
  ts: TsMorph,
  call: CallExpression,
  name: string,
  calls: CallExpression[],
): FunctionLike | undefined {
  for (let scope: TsNode | undefined = call.getParent(); scope; scope = scope.getParent()) {
    if (!isFunctionLike(ts, scope) && !ts.Node.isConstructorDeclaration(scope)) continue;
    // The router is this function's own parameter: a registrar, read as such.
    if (scope.getParameters().some((parameter) => bindingNames(ts, parameter.getNameNode()).includes(name)))
      return undefined;
    // The router is made in this function (`function docsRouter(title) { const docs = Router(); … }`):
    // a factory, read where it is mounted, not a closure over the module's router.
    if (declaresOwn(ts, scope, name)) return undefined;
    const own = functionName(ts, scope);
    if (
      own &&
      scope.getParameters().length > 0 &&
      !ts.Node.isMethodDeclaration(scope) &&
      !ts.Node.isConstructorDeclaration(scope) &&
      calls.some((each) => each.getExpression().getText() === own && !inside(scope, each))
    )
      return scope as FunctionLike;
  }
  return undefined;
}

/** The innermost function around `node` that declares `name` itself (a local of its own), if any. */
export function declaringFunction(ts: TsMorph, node: TsNode, name: string): TsNode | undefined {
  return node.getFirstAncestor((scope) => isFunctionLike(ts, scope) && declaresOwn(ts, scope, name));
}

/** Whether function `scope` declares a variable `name` of its own (not one of a function nested in it). */
export function declaresOwn(ts: TsMorph, scope: TsNode, name: string): boolean {
  return scope
    .getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)
    .some(
      (declaration) =>
        declaration.getName() === name &&
        declaration
          .getParentWhile((parent) => !isFunctionLike(ts, parent) && !ts.Node.isConstructorDeclaration(parent))
          ?.getParent() === scope,
    );
}

/** The function a call by name calls, where it is one of the module's closures over the router. */
export function calledClosure(
  ts: TsMorph,
  callee: Identifier,
  closures: Map<CallExpression, FunctionLike | undefined>,
): FunctionLike | undefined {
  for (const fn of closures.values()) if (fn && functionName(ts, fn) === callee.getText()) return fn;
  return undefined;
}

/** Whether `fn` is already on the way to a handing: a function calling itself. */
export function onTheWay(handing: Handing | undefined, fn: TsNode): boolean {
  for (let at = handing; at; at = at.outer) if (at.fn === fn) return true;
  return false;
}

/** A function's own name: `function mountRoutes(…)`, `const mountRoutes = (…) => …`. */
function functionName(ts: TsMorph, fn: TsNode): string | undefined {
  if (ts.Node.isFunctionDeclaration(fn)) return fn.getName();
  const parent = fn.getParent();
  if (
    (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn)) &&
    parent &&
    ts.Node.isVariableDeclaration(parent)
  )
    return parent.getName();
  return undefined;
}

/**
 * Where the function starts whose parameter `name` is at `node` (`function setupDev(app) {…}`,
 * `({ app }) => …`); undefined where it is the module's or a block's own (`const app = express()`).
 */
export function parameterScope(ts: TsMorph, node: TsNode, name: string): number | undefined {
  for (let scope: TsNode | undefined = node; scope; scope = scope.getParent()) {
    if (isFunctionLike(ts, scope) || ts.Node.isConstructorDeclaration(scope)) {
      const binds = scope.getParameters().some((parameter) => bindingNames(ts, parameter.getNameNode()).includes(name));
      if (binds) return scope.getStart();
    }
    if ((ts.Node.isBlock(scope) || ts.Node.isSourceFile(scope)) && declaresName(ts, scope.getStatements(), name))
      return undefined;
  }
  return undefined;
}

/** The names a parameter or variable binds: `app`, or those of a pattern (`{ app, router: r }`: `app`, `r`). */
function bindingNames(ts: TsMorph, node: TsNode): string[] {
  if (ts.Node.isIdentifier(node)) return [node.getText()];
  if (ts.Node.isObjectBindingPattern(node) || ts.Node.isArrayBindingPattern(node))
    return node
      .getElements()
      .flatMap((element) => (ts.Node.isBindingElement(element) ? bindingNames(ts, element.getNameNode()) : []));
  return [];
}

/** Whether statements declare `name` (a variable or a function). */
function declaresName(ts: TsMorph, statements: TsNode[], name: string): boolean {
  return statements.some(
    (statement) =>
      (ts.Node.isFunctionDeclaration(statement) && statement.getName() === name) ||
      (ts.Node.isVariableStatement(statement) &&
        statement.getDeclarations().some((declaration) => bindingNames(ts, declaration.getNameNode()).includes(name))),
  );
}

/** Where a call is written. */
export function siteOf(call: CallExpression): Site {
  return { file: call.getSourceFile().getFilePath(), start: call.getStart() };
}
