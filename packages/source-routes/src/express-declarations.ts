/**
 * What one module of an Express app declares, read once per module: the apps and routers it makes
 * (`express()`, `Router()`, chains on them), what it imports and exports (ES modules, CommonJS,
 * tsc's emitted `require`s and re-exports), its router factories and tables of routes, and the name
 * a registration chain is called on. Apart from the reader (express.ts), which follows mounts across
 * the modules this reads.
 */
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { classMembers, thisMember } from './class-members.js';
import { returnedBy, unwrap } from './code-shapes.js';
import { ImportResolver, isPathLiteral, literalArray, pathText, type TsMorph } from './syntax.js';
import type { ModuleInfo, FunctionLike } from './express-model.js';

export const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

/** The elements of a route table a module declares (`literalArray`), for the Express reader's modules. */
export function literalTable(ts: TsMorph, info: ModuleInfo, name: string): TsNode[] | undefined {
  if (name !== DEFAULT_EXPORT) return literalArray(ts, info.source, name);
  // `module.exports = [ … ]` or `export default [ … ]`: a table with no name of its own.
  const exported = [
    ...info.source.getExportAssignments().map((assignment) => assignment.getExpression()),
    ...info.source
      .getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)
      .filter((assignment) => assignment.getLeft().getText().replace(/\s+/g, '') === 'module.exports')
      .map((assignment) => assignment.getRight()),
  ]
    .map((expression) => unwrap(ts, expression))
    .find((expression) => ts.Node.isArrayLiteralExpression(expression));
  const elements = exported && ts.Node.isArrayLiteralExpression(exported) ? exported.getElements() : undefined;
  return elements?.some((element) => ts.Node.isSpreadElement(element)) ? undefined : elements;
}

/** The function a module declares under `name` (`function name() {}`, `const name = () => {}`). */
export function functionIn(ts: TsMorph, info: ModuleInfo, name: string): FunctionLike | undefined {
  if (name === DEFAULT_EXPORT && info.defaultFunction) return info.defaultFunction;
  if (name.startsWith('exports.'))
    return [
      ...info.source.getDescendantsOfKind(ts.SyntaxKind.ArrowFunction),
      ...info.source.getDescendantsOfKind(ts.SyntaxKind.FunctionExpression),
    ].find((fn) => exportsAssigned(ts, fn) === name);
  const variable = info.source.getVariableDeclaration(name)?.getInitializer();
  return (
    info.source.getFunction(name) ??
    (variable && (ts.Node.isArrowFunction(variable) || ts.Node.isFunctionExpression(variable)) ? variable : undefined)
  );
}

/** Declarations, imports and exports of a module. */
export function readDeclarations(ts: TsMorph, imports: ImportResolver, info: ModuleInfo): void {
  const { source, file } = info;
  // Anywhere in the module (a router built inside a factory function counts), chains included:
  // `const api = Router().use(tags).use(articles)`.
  for (const declaration of source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const init = declaration.getInitializer();
    const kind = init ? createdRouterKind(ts, chainRoot(ts, init)) : undefined;
    if (kind && !info.declared.has(declaration.getName())) info.declared.set(declaration.getName(), kind);
  }
  for (const declaration of source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const name = declaration.getName();
    const init = declaration.getInitializer();
    const value = init && unwrap(ts, init);
    const target = value && (ts.Node.isIdentifier(value) ? value.getText() : invokedReturn(ts, value));
    if (target && target !== name && !info.declared.has(name)) info.aliases.set(name, target);
    if (value && ts.Node.isPropertyAccessExpression(value) && !info.declared.has(name)) info.members.set(name, value);
  }
  // A class that keeps its app in a member (`this.app = express()` in the constructor, or
  // `app = express()` as a property): the TypeScript boilerplate's `class App`.
  for (const { kind, member } of classMembers(ts, source, (init) => {
    const created = createdRouterKind(ts, chainRoot(ts, init));
    return created && { kind: created };
  }))
    if (!info.declared.has(`this.${member.name}`)) info.declared.set(`this.${member.name}`, kind);
  for (const declaration of source.getImportDeclarations()) {
    const target = imports.resolve(file, declaration.getModuleSpecifierValue());
    if (!target) continue;
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) info.imports.set(defaultImport.getText(), { file: target, name: 'default' });
    for (const named of declaration.getNamedImports())
      info.imports.set(named.getAliasNode()?.getText() ?? named.getName(), { file: target, name: named.getName() });
  }
  readCommonJs(ts, imports, info);
  for (const fn of source.getFunctions()) {
    const name = fn.getName();
    if (name && fn.isExported()) info.exports.set(fn.isDefaultExport() ? 'default' : name, name);
    else if (!name && fn.isDefaultExport()) {
      info.defaultFunction = fn; // `export default function (app) {…}`
      info.exports.set('default', DEFAULT_EXPORT);
      defaultFactory(ts, info, fn);
    }
  }
  for (const fn of [
    ...source.getDescendantsOfKind(ts.SyntaxKind.FunctionDeclaration),
    ...source.getDescendantsOfKind(ts.SyntaxKind.ArrowFunction),
    ...source.getDescendantsOfKind(ts.SyntaxKind.FunctionExpression),
  ]) {
    const name = ts.Node.isFunctionDeclaration(fn)
      ? fn.getName()
      : (exportsAssigned(ts, fn) ?? fn.getFirstAncestorByKind(ts.SyntaxKind.VariableDeclaration)?.getName());
    const returned = fn
      .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
      .map((statement) => statement.getExpression())
      .find((expression) => expression && ts.Node.isIdentifier(expression) && info.declared.has(expression.getText()));
    if (name && returned && !info.factories.has(name)) info.factories.set(name, returned.getText());
  }
  for (const statement of source.getVariableStatements())
    if (statement.isExported())
      for (const declaration of statement.getDeclarations())
        info.exports.set(declaration.getName(), declaration.getName());
  for (const declaration of source.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const from = specifier === undefined ? undefined : imports.resolve(file, specifier);
    for (const named of declaration.getNamedExports()) {
      const exported = named.getAliasNode()?.getText() ?? named.getName();
      if (from) reExport(info, exported, { file: from, name: named.getName() });
      else info.exports.set(exported, named.getName());
    }
    // `export * from './users'`: a barrel.
    if (from && !declaration.getNamedExports().length && !declaration.getNamespaceExport()) info.stars.push(from);
  }
  for (const assignment of source.getExportAssignments()) {
    const expression = assignment.getExpression();
    if (ts.Node.isIdentifier(expression)) info.exports.set('default', expression.getText());
    else {
      // `export default Router().use('/api', api)`: a router with no name of its own.
      const kind = createdRouterKind(ts, chainRoot(ts, expression));
      if (kind) info.declared.set(DEFAULT_EXPORT, kind);
      // `export default [{ path, router }]`: a route table.
      if (kind || ts.Node.isArrayLiteralExpression(unwrap(ts, expression))) info.exports.set('default', DEFAULT_EXPORT);
      // `export default new AccountsRoute().router`: the router an instance keeps.
      const member = unwrap(ts, expression);
      if (!kind && ts.Node.isPropertyAccessExpression(member)) {
        info.members.set(DEFAULT_EXPORT, member);
        info.exports.set('default', DEFAULT_EXPORT);
      }
      // `export default (app: Router) => {…}`: a function the app is handed to, or that builds a router.
      const fn = unwrap(ts, expression);
      if (!kind && (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn))) {
        info.defaultFunction = fn;
        info.exports.set('default', DEFAULT_EXPORT);
        defaultFactory(ts, info, fn);
      }
    }
  }
}

/** `exports.x` for a function assigned to `exports.x` (or `module.exports.x`), the name it is kept under; else undefined. */
function exportsAssigned(ts: TsMorph, fn: TsNode): string | undefined {
  const parent = fn.getParent();
  if (!parent || !ts.Node.isBinaryExpression(parent) || parent.getRight() !== fn) return undefined;
  if (parent.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) return undefined;
  const named = /^(?:module\.)?exports\.(\w+)$/.exec(parent.getLeft().getText().replace(/\s+/g, ''))?.[1];
  return named && named !== 'default' ? `exports.${named}` : undefined;
}

/**
 * A module's unnamed default function that builds a router and returns it (`export default (deps) => {…}`,
 * `module.exports = function (deps) {…}`): a factory, mounted as `app.use('/api', require('./api')(deps))`.
 */
function defaultFactory(ts: TsMorph, info: ModuleInfo, fn: FunctionLike): void {
  const returned = returnedBy(ts, fn).find(
    (value) => ts.Node.isIdentifier(value) && info.declared.has(value.getText()),
  );
  if (returned && !info.factories.has(DEFAULT_EXPORT)) info.factories.set(DEFAULT_EXPORT, returned.getText());
}

/** `export { users } from './users'`: the name is the other module's export, under a local name of its own. */
function reExport(info: ModuleInfo, exported: string, from: { file: string; name: string }): void {
  const local = `(re-export) ${exported}`;
  info.imports.set(local, from);
  info.exports.set(exported, local);
}

/**
 * CommonJS: `const users = require('./users')`, `const { a, b: c } = require('./x')`,
 * `module.exports = router`, `module.exports = { a, b }`, `exports.router = router`.
 */
function readCommonJs(ts: TsMorph, imports: ImportResolver, info: ModuleInfo): void {
  for (const declaration of info.source.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)) {
    const target = requiredFile(ts, imports, info.file, declaration.getInitializer());
    if (!target) continue;
    const binding = declaration.getNameNode();
    if (ts.Node.isIdentifier(binding)) info.imports.set(binding.getText(), { file: target, name: 'default' });
    else if (ts.Node.isObjectBindingPattern(binding))
      for (const element of binding.getElements())
        info.imports.set(element.getName(), {
          file: target,
          name: element.getPropertyNameNode()?.getText() ?? element.getName(),
        });
  }
  for (const call of info.source.getDescendantsOfKind(ts.SyntaxKind.CallExpression))
    readEmittedReExport(ts, imports, info, call);
  for (const assignment of info.source.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    const left = assignment.getLeft().getText().replace(/\s+/g, '');
    const right = assignment.getRight();
    if (left === 'module.exports') {
      if (ts.Node.isIdentifier(right)) info.exports.set('default', right.getText());
      else if (ts.Node.isObjectLiteralExpression(right))
        for (const property of right.getProperties()) {
          if (ts.Node.isShorthandPropertyAssignment(property)) info.exports.set(property.getName(), property.getName());
          else if (ts.Node.isPropertyAssignment(property) && ts.Node.isIdentifier(property.getInitializer()!))
            info.exports.set(property.getName(), property.getInitializer()!.getText());
        }
      else if (createdRouterKind(ts, chainRoot(ts, right))) {
        info.declared.set(DEFAULT_EXPORT, createdRouterKind(ts, chainRoot(ts, right))!);
        info.exports.set('default', DEFAULT_EXPORT);
      } else if (ts.Node.isFunctionExpression(right) || ts.Node.isArrowFunction(right)) {
        info.defaultFunction = right;
        info.exports.set('default', DEFAULT_EXPORT);
        defaultFactory(ts, info, right); // `module.exports = (deps) => { const router = Router(); …; return router; }`
      } else if (ts.Node.isArrayLiteralExpression(right)) {
        info.exports.set('default', DEFAULT_EXPORT); // `module.exports = [{ path, router }]`: a route table
      }
    } else {
      const named = /^(?:module\.)?exports\.(\w+)$/.exec(left)?.[1];
      // `exports.users = users_1.users`: what another module exports.
      const member = named && ts.Node.isPropertyAccessExpression(right) ? right : undefined;
      const whole =
        member && ts.Node.isIdentifier(member.getExpression())
          ? info.imports.get(member.getExpression().getText())
          : undefined;
      if (whole?.name === 'default') reExport(info, named!, { file: whole.file, name: member!.getName() });
      if (named && ts.Node.isIdentifier(right)) info.exports.set(named, right.getText());
      // `exports.createUsersRouter = ({ db }) => {…}`: a function under the export's own name (`functionIn`).
      if (named && named !== 'default' && (ts.Node.isArrowFunction(right) || ts.Node.isFunctionExpression(right)))
        info.exports.set(named, `exports.${named}`);
      // `exports.ordersRouter = express.Router()`: tsc's `export const ordersRouter = express.Router()`.
      const kind = named && named !== 'default' ? createdRouterKind(ts, chainRoot(ts, right)) : undefined;
      if (kind) {
        info.declared.set(`exports.${named}`, kind);
        info.exports.set(named!, `exports.${named}`);
      }
    }
  }
}

/**
 * A barrel as tsc emits it: `__exportStar(require("./admin"), exports)` (`export * from './admin'`) and
 * `Object.defineProperty(exports, "users", { enumerable: true, get: function () { return users_1.users; } })`
 * (`export { users } from './users'`).
 */
function readEmittedReExport(ts: TsMorph, imports: ImportResolver, info: ModuleInfo, call: CallExpression): void {
  const callee = call.getExpression().getText();
  const [first, second, third] = call.getArguments();
  if (callee === '__exportStar' && first && second?.getText() === 'exports') {
    const from = requiredFile(ts, imports, info.file, first);
    if (from) info.stars.push(from);
    return;
  }
  if (callee !== 'Object.defineProperty' || first?.getText() !== 'exports' || !second || !third) return;
  if (!ts.Node.isStringLiteral(second) || !ts.Node.isObjectLiteralExpression(third)) return;
  const getter = third.getProperty('get');
  const fn = getter && ts.Node.isPropertyAssignment(getter) ? getter.getInitializer() : undefined;
  const [returned] = fn ? returnedBy(ts, fn) : [];
  const member = returned && unwrap(ts, returned);
  if (!member || !ts.Node.isPropertyAccessExpression(member)) return;
  const whole = info.imports.get(member.getExpression().getText());
  if (whole?.name === 'default') reExport(info, second.getLiteralValue(), { file: whole.file, name: member.getName() });
}

/** The file a `require('./x')` call names, when it is one of this project's. */
export function requiredFile(
  ts: TsMorph,
  imports: ImportResolver,
  from: string,
  node: TsNode | undefined,
): string | undefined {
  // `__importDefault(require('./users'))`: tsc's `import users from './users'`.
  node = node && unwrap(ts, node);
  if (!node || !ts.Node.isCallExpression(node) || node.getExpression().getText() !== 'require') return undefined;
  const [specifier] = node.getArguments();
  if (!specifier || !isPathLiteral(ts, specifier)) return undefined;
  const path = pathText(specifier);
  return imports.resolve(from, path);
}

/** `(() => { …; return router; })()`: the name the immediately invoked function returns. */
function invokedReturn(ts: TsMorph, node: TsNode): string | undefined {
  if (!ts.Node.isCallExpression(node) || node.getArguments().length) return undefined;
  const fn = unwrap(ts, node.getExpression());
  if (!ts.Node.isArrowFunction(fn) && !ts.Node.isFunctionExpression(fn)) return undefined;
  const returned = returnedBy(ts, fn).find((value) => ts.Node.isIdentifier(value));
  return returned?.getText();
}

/** The local name given to a router that is only default-exported. */
const DEFAULT_EXPORT = '(default export)';

/**
 * The start of a registration chain: `Router().use(a).get('/x', h)` → `Router()`,
 * `app.use(a)` → `app`. A `.route('/x')` link stops it (route chains are read on their own).
 */
function chainRoot(ts: TsMorph, node: TsNode): TsNode {
  let current = node;
  for (;;) {
    if (!ts.Node.isCallExpression(current)) return current;
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) return current;
    const name = callee.getName();
    if (!METHODS.has(name) && name !== 'use') return current;
    current = callee.getExpression();
  }
}

/**
 * `express()` → app, `Router()` / `express.Router()` → router, else undefined; also as compilers emit
 * them: `(0, express_1.default)()`, `(0, express_1.Router)()`.
 */
function createdRouterKind(ts: TsMorph, node: TsNode): 'app' | 'router' | undefined {
  return ts.Node.isCallExpression(node) ? routerKind(unwrap(ts, node.getExpression()).getText()) : undefined;
}

/** Which router a registration is made on: a name, or the declaration a `Router()` chain starts. */
export function routerNameOf(ts: TsMorph, target: TsNode): string | undefined {
  const root = chainRoot(ts, target);
  if (ts.Node.isIdentifier(root)) return root.getText();
  // `this.app.get(…)` in a class that keeps its app in a member: the member is its name.
  const member = thisMember(ts, root);
  if (member) return `this.${member.name}`;
  // `exports.ordersRouter.post(…)`: tsc's `ordersRouter.post(…)` for an exported `const`.
  const exported = exportsMember(root);
  if (exported) return exported;
  if (!createdRouterKind(ts, root)) return undefined;
  const declaration = root.getFirstAncestorByKind(ts.SyntaxKind.VariableDeclaration);
  const init = declaration?.getInitializer();
  if (declaration && init && chainRoot(ts, init) === root) return declaration.getName();
  const assignment = root.getFirstAncestorByKind(ts.SyntaxKind.ExportAssignment);
  if (assignment && chainRoot(ts, assignment.getExpression()) === root) return DEFAULT_EXPORT;
  // `module.exports = Router().get(…)`
  const commonJs = root.getFirstAncestorByKind(ts.SyntaxKind.BinaryExpression);
  if (
    commonJs &&
    commonJs.getLeft().getText().replace(/\s+/g, '') === 'module.exports' &&
    chainRoot(ts, commonJs.getRight()) === root
  )
    return DEFAULT_EXPORT;
  return undefined;
}

/** `exports.x` / `module.exports.x` → `exports.x`: the name a router assigned there is declared under. */
function exportsMember(node: TsNode): string | undefined {
  const name = /^(?:module\.)?exports\.(\w+)$/.exec(node.getText().replace(/\s+/g, ''))?.[1];
  return name && name !== 'default' ? `exports.${name}` : undefined;
}

function routerKind(callee: string): 'app' | 'router' | undefined {
  if (callee === 'express' || /^require\(\s*['"]express['"]\s*\)$/.test(callee)) return 'app';
  // `express_1.default()`: tsc names a module's binding after it (`express_1`), Babel `_express`.
  if (/^(?:express_\d+|_express)\.default$/.test(callee)) return 'app';
  // `Router`, `express.Router`, `require('express').Router`
  if (/(?:^|\.)Router$/.test(callee)) return 'router';
  return undefined;
}

/** In `r.route('/x').get(a).post(b)`, the `.get(a)` call is inside the chain; `.post(b)` is the outermost. */
export function isInnerChainCall(ts: TsMorph, call: CallExpression): boolean {
  const parent = call.getParent();
  return !!parent && ts.Node.isPropertyAccessExpression(parent) && parent.getExpression() === call;
}

/** `r.route('/x').get(a).post(b)` → router `r`, path `/x`, links `get(a)`, `post(b)` in order. */
export function routeChain(
  ts: TsMorph,
  outer: CallExpression,
  literal: (node: TsNode) => string | undefined,
): { router: string; path: string; at: number; links: Array<{ method: string; call: CallExpression }> } | undefined {
  const links: Array<{ method: string; call: CallExpression }> = [];
  let current: TsNode = outer;
  while (ts.Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.getName();
    const object = callee.getExpression();
    if (method === 'route' && ts.Node.isIdentifier(object)) {
      const [pathArg] = current.getArguments();
      const path = pathArg && literal(pathArg);
      if (path === undefined || !links.length) return undefined;
      return {
        router: object.getText(),
        path,
        at: callee.getNameNode().getStart(),
        links: links.reverse(),
      };
    }
    if (!METHODS.has(method)) return undefined;
    links.push({ method, call: current });
    current = object;
  }
  return undefined;
}
