/**
 * Which Fastify instance a call is made on, for the Fastify reader (`FastifyReader`): calls on the app or
 * a plugin's parameter, the helpers and methods it is handed to (`registerRoutes(fastify)`), and instances
 * kept on an object (`this.app = app`), which are warned about.
 */
import { CHAINED, type FastifyReader, type Instance } from './fastify.js';
import type { CallExpression, ClassDeclaration, Node as TsNode, PropertyAccessExpression } from 'ts-morph';
import { isFunction, type FunctionNode } from './modules.js';
import { chainRoot, unwrap } from './code-shapes.js';
import { shortText } from './syntax.js';

/**
 * Where a call hands the instance to a function (`registerRoutes(app)`, `require('./routes')(app)`)
 * or to a method (`new Routes().register(app)`, `registry.mount(app)`): its argument's index, else -1.
 */
export function handedAt(reader: FastifyReader, call: CallExpression, instance: Instance): number {
  const { ts } = reader;
  const callee = call.getExpression();
  if (ts.Node.isPropertyAccessExpression(callee)) {
    // The instance's own methods (`app.register(…)`, `app.decorate('app', app)`) are Fastify's.
    const root = chainRoot(ts, callee.getExpression(), CHAINED);
    if (reader.refersTo(root, instance)) return -1;
  }
  return call.getArguments().findIndex((arg) => reader.refersTo(arg, instance));
}

/**
 * `this.app = app`: the instance kept on an object, for other methods to register on; those
 * registrations are not followed, so the assignment is a warning (once).
 */
export function keptOn(reader: FastifyReader, instance: Instance, within: TsNode): void {
  const { ts } = reader;
  for (const assignment of within.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    const right = unwrap(ts, assignment.getRight());
    if (
      assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken ||
      !ts.Node.isPropertyAccessExpression(assignment.getLeft()) ||
      assignment.getLeft().getText().replace(/\s+/g, '').startsWith('module.exports') ||
      !reader.refersTo(right, instance) ||
      reader.kept.has(assignment)
    )
      continue;
    reader.kept.add(assignment);
    reader.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `${shortText(assignment)} keeps the instance for later: the routes registered through ${shortText(assignment.getLeft())} are not read`,
      assignment,
      'register the routes on the instance where it is handed (register(app) { app.get(…) }), or in a plugin',
    );
  }
}

/** The class a value is an instance of (or is): `new Routes()`, `registry` (`= new Registry()`), `Routes`, `this`. */
export function classOf(reader: FastifyReader, node: TsNode | undefined, depth = 0): ClassDeclaration | undefined {
  const { ts } = reader;
  if (!node || depth > 8) return undefined;
  const value = unwrap(ts, node);
  if (ts.Node.isClassDeclaration(value)) return value;
  if (value.getKind() === ts.SyntaxKind.ThisKeyword)
    return value.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration);
  if (ts.Node.isNewExpression(value)) return classOf(reader, value.getExpression(), depth + 1);
  if (!ts.Node.isIdentifier(value)) return undefined;
  const local = value
    .getSourceFile()
    .getClasses()
    .find((candidate) => candidate.getName() === value.getText());
  if (local && !reader.modules.bindingOf(value)) return local;
  const held = reader.modules.follow(value)?.value;
  return held && (ts.Node.isNewExpression(held) || ts.Node.isClassDeclaration(held) || ts.Node.isIdentifier(held))
    ? classOf(reader, held, depth + 1)
    : undefined;
}

/** A class's method (or arrow-function property) by name, its own or inherited (`extends Base`). */
export function classMethod(
  reader: FastifyReader,
  cls: ClassDeclaration,
  name: string,
  depth = 0,
): FunctionNode | undefined {
  const { ts } = reader;
  for (const member of cls.getMembers()) {
    if (ts.Node.isMethodDeclaration(member) && member.getName() === name && member.getBody())
      return member as unknown as FunctionNode;
    const init =
      ts.Node.isPropertyDeclaration(member) && member.getName() === name ? member.getInitializer() : undefined;
    if (init && isFunction(ts, unwrap(ts, init))) return unwrap(ts, init) as FunctionNode;
  }
  const base = cls.getExtends()?.getExpression();
  const parent = depth < 8 && base ? classOf(reader, base) : undefined;
  return parent ? classMethod(reader, parent, name, depth + 1) : undefined;
}

/** Whether `call` is made on `instance` (`app.get(…)`, `app.register(a).get(…)`), not on a name that shadows it. */
export function isOn(reader: FastifyReader, call: CallExpression, instance: Instance): boolean {
  const { ts } = reader;
  const root = chainRoot(ts, (call.getExpression() as PropertyAccessExpression).getExpression(), CHAINED);
  if (reader.refersTo(root, instance)) return true;
  // A registration chained on the call that makes the app: `const app = Fastify().register(routes)`.
  const init = !('cls' in instance) && ts.Node.isVariableDeclaration(instance) ? instance.getInitializer() : undefined;
  return !!init && ts.Node.isCallExpression(root) && chainRoot(ts, unwrap(ts, init), CHAINED) === root;
}

/**
 * Whether a value is the project's own (a `const`, a parameter, `this`, a class, or a name imported
 * from the project), not a package's (`Sentry`) or a global (`console`): handing the instance to
 * one of its methods that docgen cannot follow is worth a warning.
 */
export function isOwn(reader: FastifyReader, node: TsNode, depth = 0): boolean {
  const { ts } = reader;
  const value = unwrap(ts, node);
  if (depth > 8) return false;
  if (value.getKind() === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.Node.isNewExpression(value) || ts.Node.isCallExpression(value) || ts.Node.isPropertyAccessExpression(value))
    return reader.modules.loaded(value) !== undefined || isOwn(reader, value.getExpression(), depth + 1);
  if (!ts.Node.isIdentifier(value)) return false;
  const specifier = reader.modules.packageOf(value);
  if (specifier !== undefined)
    return reader.modules.resolve(value.getSourceFile().getFilePath(), specifier) !== undefined;
  const binding = reader.modules.bindingOf(value);
  if (binding)
    return !binding.value || isOwn(reader, binding.value, depth + 1) || !ts.Node.isCallExpression(binding.value);
  return value
    .getSourceFile()
    .getClasses()
    .some((candidate) => candidate.getName() === value.getText());
}
