/**
 * Shapes of code every reader meets, whatever the framework: what a function returns, a `require()`
 * unwrapped from its interop helpers, the root of a call chain, a property of an object literal, calls in
 * the order they run, the comment above a registration, and modules loaded from a path computed at run time.
 */
import type {
  Node as TsNode,
  FunctionDeclaration,
  MethodDeclaration,
  CallExpression,
  ObjectLiteralExpression,
  PropertyAccessExpression,
} from 'ts-morph';
import { type TsMorph, commentBefore, isFunctionLike, shortText, isPathLiteral } from './syntax.js';
import type { Diagnostic } from '@docgen/core';

/** What a function (or a class's method or getter) returns: an arrow's expression body, or its own `return` statements' values (not its nested functions'). */
export function returnedBy(ts: TsMorph, fn: TsNode): TsNode[] {
  const returns = (node: TsNode) => isFunctionLike(ts, node) || ts.Node.isGetAccessorDeclaration(node);
  const body = returns(fn) ? (fn as FunctionDeclaration | MethodDeclaration).getBody() : undefined;
  if (!body) return [];
  if (!ts.Node.isBlock(body)) return [unwrap(ts, body)];
  return body
    .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
    .filter((statement) => statement.getFirstAncestor(returns) === fn)
    .flatMap((statement) => {
      const value = statement.getExpression();
      return value ? [unwrap(ts, value)] : [];
    });
}

/**
 * `await x`, `(x)`, `x as T`, `x satisfies T`, `x!` → `x`; and what compilers wrap around a value in
 * the CommonJS they emit: tsc's and Babel's `(0, express_1.Router)` (a call without `this`) and their
 * interop helpers, `__importDefault(require('./users'))`, `_interopRequireDefault(require('express'))`.
 */
export function unwrap(ts: TsMorph, node: TsNode): TsNode {
  let current = node;
  for (;;) {
    if (
      ts.Node.isAwaitExpression(current) ||
      ts.Node.isParenthesizedExpression(current) ||
      ts.Node.isAsExpression(current) ||
      ts.Node.isSatisfiesExpression(current) ||
      ts.Node.isNonNullExpression(current) ||
      ts.Node.isTypeAssertion(current)
    )
      current = current.getExpression();
    else if (
      ts.Node.isBinaryExpression(current) &&
      current.getOperatorToken().getKind() === ts.SyntaxKind.CommaToken &&
      current.getLeft().getText() === '0'
    )
      current = current.getRight();
    else if (
      ts.Node.isCallExpression(current) &&
      current.getArguments().length === 1 &&
      INTEROP_HELPERS.has(current.getExpression().getText())
    )
      current = current.getArguments()[0]!;
    else return current;
  }
}

/** The helpers tsc and Babel wrap a `require()` in for ES module interop. */
const INTEROP_HELPERS = new Set([
  '__importDefault',
  '__importStar',
  '_interopRequireDefault',
  '_interopRequireWildcard',
]);

/**
 * The object a chain of calls starts from: `app.get(…).post(…)` → `app`, for the chain's own
 * `methods`; the first call that is not one of them (`new Hono()`, `fastify()`) ends it.
 */
export function chainRoot(ts: TsMorph, node: TsNode, methods: Set<string>): TsNode {
  let current = unwrap(ts, node);
  while (ts.Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || !methods.has(callee.getName())) return current;
    current = unwrap(ts, callee.getExpression());
  }
  return current;
}

/** `x.method(…)` → its method's name, else undefined. */
export function methodOf(ts: TsMorph, call: CallExpression): string | undefined {
  const callee = call.getExpression();
  return ts.Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** A property's value in an object literal: `key: value`, `{ key }` (the name), or `key() {…}` (the method). */
export function property(ts: TsMorph, object: ObjectLiteralExpression, key: string): TsNode | undefined {
  const found = object.getProperty(key);
  if (!found) return undefined;
  if (ts.Node.isPropertyAssignment(found)) return found.getInitializer();
  if (ts.Node.isShorthandPropertyAssignment(found)) return found.getNameNode();
  if (ts.Node.isMethodDeclaration(found)) return found;
  return undefined;
}

/** Where the method of `x.method(…)` is written: the order registrations run in. */
export function nameStart(call: CallExpression): number {
  return (call.getExpression() as PropertyAccessExpression).getNameNode().getStart();
}

/**
 * The calls under `within` that `wanted` keeps, in the order they run: a chain
 * `app.register(a).register(b)` is nested outside-in, so each call is placed where its method's
 * name is written (`nameStart`), a plain call where it starts.
 */
export function callsInWrittenOrder(
  ts: TsMorph,
  within: TsNode,
  wanted: (call: CallExpression) => boolean,
): CallExpression[] {
  return within
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .filter(wanted)
    .map((call) => ({
      call,
      at: ts.Node.isPropertyAccessExpression(call.getExpression()) ? nameStart(call) : call.getStart(),
    }))
    .sort((a, b) => a.at - b.at)
    .map(({ call }) => call);
}

/**
 * The comment above a registration: above its statement, or, for a link of a chain
 * (`router\n  // Paginated.\n  .get(…)`), right above the link's `.`.
 */
export function registrationComment(ts: TsMorph, call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (ts.Node.isPropertyAccessExpression(callee)) {
    const dot = callee.getFirstChildByKind(ts.SyntaxKind.DotToken);
    const own = dot && commentBefore(dot);
    if (own) return own;
    // A later link of a chain: the statement's comment belongs to its first link.
    if (ts.Node.isCallExpression(unwrap(ts, callee.getExpression()))) return undefined;
  }
  return commentBefore(call.getFirstAncestorByKind(ts.SyntaxKind.ExpressionStatement) ?? call);
}

/**
 * The specifier of a module a value is loaded from where it is computed at run time: `require(path)`,
 * `import(path)`, `require(`./routes/${file}`).default`; undefined for anything else.
 */
export function computedLoad(ts: TsMorph, node: TsNode): TsNode | undefined {
  let value = unwrap(ts, node);
  if (ts.Node.isPropertyAccessExpression(value)) value = unwrap(ts, value.getExpression());
  if (!ts.Node.isCallExpression(value)) return undefined;
  const callee = value.getExpression();
  if (callee.getText() !== 'require' && callee.getKind() !== ts.SyntaxKind.ImportKeyword) return undefined;
  const [specifier] = value.getArguments();
  return specifier && !isPathLiteral(ts, specifier) ? specifier : undefined;
}

/**
 * The warning for a call that hands an app, router or instance to what a module required by a computed
 * path exports (`require(`./routes/${file}`)(app)`, as apps that load every file of a folder do): docgen
 * cannot tell which files run. Undefined for any other call.
 */
export function computedRequire(ts: TsMorph, call: CallExpression, handed: string): Diagnostic | undefined {
  const specifier = computedLoad(ts, call.getExpression());
  if (!specifier) return undefined;
  return {
    code: 'DG_ROUTES_PLUGIN_UNREAD',
    severity: 'warning',
    message: `${shortText(call)} hands ${handed} to a module required from a path computed at run time (${shortText(specifier)}): the routes those modules register are not read`,
    location: { file: call.getSourceFile().getFilePath(), line: call.getStartLineNumber() },
    hint: `require each routes module by a literal path (require('./routes/users')(${handed})), or from an index module that does`,
  };
}
