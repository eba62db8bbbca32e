/**
 * Class members as the readers follow them: `this.app` in a method, a field a class states once
 * (`public path = '/users'`), what a class keeps in a member, its methods, and the class a dependency
 * injection container makes (`container.resolve(X)`).
 */
import type { ClassDeclaration, Node as TsNode, PropertyAccessExpression, SourceFile, CallExpression } from 'ts-morph';
import { unwrap } from './code-shapes.js';
import type { TsMorph } from './syntax.js';

/** A class member, as `this.name` in its methods. */
export interface Member {
  cls: ClassDeclaration;
  name: string;
}

/** `this.app` in a class's method (an arrow-function property too): the class and the member. */
export function thisMember(ts: TsMorph, node: TsNode): Member | undefined {
  const value = unwrap(ts, node);
  if (!ts.Node.isPropertyAccessExpression(value) || value.getExpression().getKind() !== ts.SyntaxKind.ThisKeyword)
    return undefined;
  const cls = value.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration);
  return cls && { cls, name: value.getName() };
}

/**
 * The value of `this.key` when its class states it once, as a field's initializer (`public path =
 * '/users'`, as the class-per-router layout of typescript-express-starter writes it) that no code of
 * the class assigns again; else undefined: a field it sets at run time is no constant.
 */
export function constantField(ts: TsMorph, access: PropertyAccessExpression): TsNode | undefined {
  const member = thisMember(ts, access);
  return member && classConstant(ts, member.cls, member.name);
}

/** What a class's field `key` is initialized to, when no code of the class assigns it again (`public path = '/users'`). */
export function classConstant(ts: TsMorph, cls: ClassDeclaration, key: string): TsNode | undefined {
  const field = cls.getInstanceProperty(key);
  const value = field && ts.Node.isPropertyDeclaration(field) ? field.getInitializer() : undefined;
  return value && !assignedInClass(ts, cls, key) ? unwrap(ts, value) : undefined;
}

/**
 * What a module's classes keep in members that `made` recognises (`public app = new Koa()` as a
 * property, `this.app = express()` in the constructor or a method), with the class and the member.
 */
export function classMembers<T extends object>(
  ts: TsMorph,
  source: SourceFile,
  made: (init: TsNode) => T | undefined,
): Array<T & { member: Member }> {
  const found: Array<T & { member: Member }> = [];
  for (const cls of source.getDescendantsOfKind(ts.SyntaxKind.ClassDeclaration)) {
    for (const member of cls.getProperties()) {
      const init = member.getInitializer();
      const value = init && made(init);
      if (value) found.push({ ...value, member: { cls, name: member.getName() } });
    }
    for (const assignment of cls.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      const member = thisMember(ts, assignment.getLeft());
      if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken || member?.cls !== cls) continue;
      const value = made(assignment.getRight());
      if (value) found.push({ ...value, member });
    }
  }
  return found;
}

/**
 * The class an expression makes an instance of, as written: `X` of `new X()`, of a dependency
 * injection container's `container.resolve(X)` (tsyringe, as typescript-express-starter resolves its
 * routes and controllers) or `container.get<X>(TYPES.X)` (inversify), and of awilix's `asClass(X)` and
 * `container.build(X)`; else undefined.
 */
export function madeClass(ts: TsMorph, node: TsNode): TsNode | undefined {
  const value = unwrap(ts, node);
  if (ts.Node.isNewExpression(value)) return value.getExpression();
  // A class's own name, as awilix's older API and `loadModules` register a class (`awilix.ts`): an instance, made on demand.
  const parent = value.getParent();
  if (ts.Node.isIdentifier(value) && parent && ts.Node.isClassDeclaration(parent) && parent.getNameNode() === value)
    return value;
  const callee = ts.Node.isCallExpression(value) ? value.getExpression() : undefined;
  // awilix's `asClass(UsersService)` (`.singleton()` looked through where it is registered): an instance, made on demand.
  const named = callee && (ts.Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText());
  if (named === 'asClass') return (value as CallExpression).getArguments()[0];
  if (!callee || !ts.Node.isPropertyAccessExpression(callee) || !/container$/i.test(callee.getExpression().getText()))
    return undefined;
  const call = value as CallExpression;
  // awilix's `container.build(X)` makes an instance of X as it would a registered class.
  if (callee.getName() === 'resolve' || callee.getName() === 'build') return call.getArguments()[0];
  // inversify's `container.get<UsersRoutes>(TYPES.UsersRoutes)`: the class is the type asked for (bound to it by symbol).
  const [type] = call.getTypeArguments();
  return callee.getName() === 'get' && type && ts.Node.isTypeReference(type) ? type.getTypeName() : undefined;
}

/** A class's method (or arrow-function property) under `key`: a static one for `Class.key`, else an instance's. */
export function classMember(ts: TsMorph, cls: ClassDeclaration, key: string, isStatic: boolean): TsNode | undefined {
  const method = isStatic ? cls.getStaticMethod(key) : cls.getInstanceMethod(key);
  if (method) return method;
  const field = isStatic ? cls.getStaticProperty(key) : cls.getInstanceProperty(key);
  return field && ts.Node.isPropertyDeclaration(field) ? field.getInitializer() : undefined;
}

/** What a class keeps in member `key`: a property's initializer, else what its own code first assigns to `this.key`. */
export function keptIn(ts: TsMorph, cls: ClassDeclaration, key: string): TsNode | undefined {
  const property = cls.getInstanceProperty(key);
  const init = property && ts.Node.isPropertyDeclaration(property) ? property.getInitializer() : undefined;
  return init ?? assignedInClass(ts, cls, key);
}

/** What a class's own code assigns to `this.key` (`this.audit = new AuditController()` in its constructor), the first such. */
export function assignedInClass(ts: TsMorph, cls: ClassDeclaration, key: string): TsNode | undefined {
  return assignmentsIn(ts, cls).get(key);
}

/**
 * A class → what its own code first assigns to each `this.key`, read once: the readers ask of each
 * member a handler calls (`this.service.find`), and a large service class has thousands of nodes.
 */
const classAssignments = new WeakMap<ClassDeclaration, Map<string, TsNode>>();

function assignmentsIn(ts: TsMorph, cls: ClassDeclaration): Map<string, TsNode> {
  let assigned = classAssignments.get(cls);
  if (assigned) return assigned;
  assigned = new Map();
  for (const assignment of cls.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    const member = thisMember(ts, assignment.getLeft());
    if (member?.cls === cls && !assigned.has(member.name)) assigned.set(member.name, assignment.getRight());
  }
  classAssignments.set(cls, assigned);
  return assigned;
}
