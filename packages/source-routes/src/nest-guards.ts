/**
 * What NestJS guards answer a request they refuse with: `@UseGuards(…)` classes, instances and mixins,
 * passport's `AuthGuard`, and a module's global guards (`APP_GUARD`).
 */
import type { NestReader } from './nest.js';
import type { CallExpression, Decorator, MethodDeclaration, Node as TsNode } from 'ts-morph';
import { returnedBy, unwrap } from './code-shapes.js';
import { errorStatusesIn, shortText, type TsMorph } from './syntax.js';
import { listed, findClass, type ClassRef, type ClassLikeDeclaration } from './nest-module-tree.js';
import { decoratorObject, propertyOf, propertyValue } from './nest-decorators.js';

/**
 * What the guards of `@UseGuards(…)` answer a request they refuse with, before the handler runs:
 * `AuthGuard('jwt')` of `@nestjs/passport` (or a class that extends it) 401; a guard of the project
 * whose `canActivate` can return false 403 (Nest's ForbiddenException), and the exceptions it throws
 * (`throw new UnauthorizedException()`); also one a function of the project makes, Nest's mixins
 * (`RoleGuard(Role.Admin)` returning `mixin(RoleGuardMixin)`).
 */
export function guardStatuses(reader: NestReader, file: string, decorators: Decorator[]): number[] {
  const named = decorators.filter((decorator) => decorator.getName() === 'UseGuards');
  return refusedByGuards(
    reader,
    file,
    named.flatMap((decorator) => decorator.getArguments()),
  );
}

/** What guards written in `file` (`RolesGuard`, `new ApiKeyGuard()`, `AuthGuard('jwt')`, `RoleGuard('admin')`) refuse a request with. */
export function refusedByGuards(reader: NestReader, file: string, guards: TsNode[]): number[] {
  return guards.flatMap((argument) => refusedByGuard(reader, argument, guardClass(reader, file, argument)));
}

/** What a guard refuses a request with: passport's `AuthGuard('jwt')` 401, else what its class `cls` refuses. */
function refusedByGuard(reader: NestReader, argument: TsNode, cls: ClassLikeDeclaration | undefined): number[] {
  if (isPassportGuard(reader, guardName(reader.ts, argument))) return [401];
  return cls ? refusedWith(reader, cls) : [];
}

/**
 * The class of a guard written in `file`: of the project by its name (`RolesGuard`, `new ApiKeyGuard()`),
 * or the mixin a function of the project makes (`RoleGuard('admin')`: `guardMadeBy`); undefined for another.
 */
function guardClass(reader: NestReader, file: string, argument: TsNode): ClassLikeDeclaration | undefined {
  const { ts } = reader;
  const named = guardName(ts, argument);
  if (ts.Node.isIdentifier(named)) return findClass(reader, file, named.getText())?.declaration;
  return ts.Node.isCallExpression(named) ? guardMadeBy(reader, named) : undefined;
}

/** A guard as named: the class of `new ApiKeyGuard()`, else the argument itself (`RolesGuard`, `AuthGuard('jwt')`). */
function guardName(ts: TsMorph, argument: TsNode): TsNode {
  const value = unwrap(ts, argument);
  return ts.Node.isNewExpression(value) ? value.getExpression() : value;
}

/**
 * The guard class a function of the project makes and returns, as Nest's mixins do: `RoleGuard(Role.Admin)`
 * with `return mixin(RoleGuardMixin)` (a class declared in it, or a class expression in place). Undefined
 * for a package's function, or one whose returns make different classes.
 */
export function guardMadeBy(reader: NestReader, call: CallExpression): ClassLikeDeclaration | undefined {
  const { ts } = reader;
  const fn = reader.modules.functionOf(call.getExpression());
  const classes = new Set(fn ? returnedBy(ts, fn).map((value) => returnedClass(reader, value)) : []);
  const [only] = classes;
  return classes.size === 1 ? only : undefined;
}

/** `mixin(X)`, `X`, `class implements CanActivate {…}`: the guard class a factory returns. */
export function returnedClass(reader: NestReader, node: TsNode): ClassLikeDeclaration | undefined {
  const { ts } = reader;
  let value = unwrap(ts, node);
  if (ts.Node.isCallExpression(value) && value.getExpression().getText() === 'mixin' && value.getArguments()[0])
    value = unwrap(ts, value.getArguments()[0]!);
  if (ts.Node.isClassExpression(value) || ts.Node.isClassDeclaration(value)) return value;
  const held = ts.Node.isIdentifier(value) ? reader.modules.follow(value)?.value : undefined;
  return held && (ts.Node.isClassDeclaration(held) || ts.Node.isClassExpression(held)) ? held : undefined;
}

/**
 * A module's global guards (Nest runs them after `useGlobalGuards`'s): `providers: [{ provide: APP_GUARD,
 * useClass: RolesGuard }]`, `useExisting: JwtAuthGuard` (a provider of its own, the same instance), and
 * `useFactory: (reflector) => new ThrottleGuard(reflector)` (the class it makes, where every return makes
 * the same one): each class's name and what it refuses a request with.
 */
export function moduleAppGuards(
  reader: NestReader,
  module: ClassRef,
): Array<{ name: string; statuses: number[]; passes?: PassingMetadata }> {
  const { ts } = reader;
  const metadata = decoratorObject(ts, module.declaration.getDecorator('Module'));
  return listed(reader, propertyOf(ts, metadata, 'providers')).flatMap((element) => {
    const provider = unwrap(ts, element);
    if (!ts.Node.isObjectLiteralExpression(provider)) return [];
    if (propertyValue(ts, provider, 'provide')?.getText() !== 'APP_GUARD') return [];
    const factory = propertyValue(ts, provider, 'useFactory');
    const guard =
      propertyValue(ts, provider, 'useClass') ??
      propertyValue(ts, provider, 'useExisting') ??
      (factory && madeByFactory(reader, factory));
    if (!guard) return [];
    const cls = guardClass(reader, module.file, guard);
    const passes = cls && passingMetadata(reader, cls);
    return [
      {
        name: shortText(guard),
        statuses: refusedByGuard(reader, guard, cls),
        ...(passes === undefined ? {} : { passes }),
      },
    ];
  });
}

/**
 * A metadata key a guard lets a request through for, and whose metadata it reads: the handler's
 * (`context.getHandler()`), its class's (`context.getClass()`), or both (`getAllAndOverride(KEY, [context.getHandler(),
 * context.getClass()])`, or targets docgen does not read). A `@Public()` on the class passes a guard that reads the handler's alone nowhere.
 */
export interface PassingMetadata {
  key: string;
  handler: boolean;
  class: boolean;
}

/**
 * The metadata key a guard lets a request through for, before it refuses anything: `if (isPublic) return true`
 * with `const isPublic = this.reflector.get(IS_PUBLIC_KEY, context.getHandler())` (or `getAllAndOverride`),
 * as NestJS's recipe for a global guard with `@Public()` routes writes it; undefined for a guard without one.
 */
export function passingMetadata(reader: NestReader, guard: ClassLikeDeclaration): PassingMetadata | undefined {
  const { ts } = reader;
  const body = guard.getMethod('canActivate')?.getBody();
  if (!body || !ts.Node.isBlock(body)) return undefined;
  for (const statement of body.getStatements()) {
    if (!ts.Node.isIfStatement(statement) || !returnsTrue(ts, statement.getThenStatement())) continue;
    let condition = unwrap(ts, statement.getExpression());
    if (ts.Node.isIdentifier(condition)) {
      const held = body.getVariableDeclaration(condition.getText())?.getInitializer();
      if (held) condition = unwrap(ts, held);
    }
    const callee = ts.Node.isCallExpression(condition) ? condition.getExpression() : undefined;
    const [key, targets] = ts.Node.isCallExpression(condition) ? condition.getArguments() : [];
    if (callee && key && ts.Node.isPropertyAccessExpression(callee) && REFLECTOR_READS.test(callee.getName()))
      return { key: metadataKey(reader, key), ...readTargets(targets) };
  }
  return undefined;
}

/** Whose metadata a Reflector read names: `context.getHandler()`, `context.getClass()`, a list of them; both where it names neither. */
function readTargets(targets: TsNode | undefined): { handler: boolean; class: boolean } {
  const text = targets?.getText() ?? '';
  const handler = /\bgetHandler\s*\(/.test(text);
  const cls = /\bgetClass\s*\(/.test(text);
  return handler || cls ? { handler, class: cls } : { handler: true, class: true };
}

/** Reflector's methods that read a handler's (and its class's) metadata. */
const REFLECTOR_READS = /^(get|getAllAndOverride|getAllAndMerge)$/;

/** `return true`, alone or as a block's only statement. */
function returnsTrue(ts: TsMorph, statement: TsNode): boolean {
  const [only, ...rest] = ts.Node.isBlock(statement) ? statement.getStatements() : [statement];
  return !rest.length && !!only && ts.Node.isReturnStatement(only) && only.getExpression()?.getText() === 'true';
}

/**
 * The metadata keys a route's decorators set to true: `@SetMetadata(IS_PUBLIC_KEY, true)`, or a decorator
 * of the project that returns it (`export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`).
 */
export function metadataSet(reader: NestReader, decorators: Decorator[]): string[] {
  const { ts } = reader;
  return decorators.flatMap((decorator) => {
    const call = decorator.getCallExpression();
    if (!call) return [];
    const fn =
      call.getExpression().getText() === 'SetMetadata' ? undefined : reader.modules.functionOf(call.getExpression());
    const made = fn ? returnedBy(ts, fn) : [call];
    return made.flatMap((value) => {
      const [key, setTo] =
        ts.Node.isCallExpression(value) && value.getExpression().getText() === 'SetMetadata'
          ? value.getArguments()
          : [];
      return key && setTo?.getText() === 'true' ? [metadataKey(reader, key)] : [];
    });
  });
}

/** A metadata key as both sides name it: its value where docgen reads it (`'isPublic'`), else as written. */
function metadataKey(reader: NestReader, key: TsNode): string {
  return reader.literal(key) ?? key.getText();
}

/** The class a provider's `useFactory` makes (`(reflector) => new ThrottleGuard(reflector)`), where every return makes the same one. */
export function madeByFactory(reader: NestReader, factory: TsNode): TsNode | undefined {
  const { ts } = reader;
  const fn = reader.modules.functionOf(factory) ?? unwrap(ts, factory);
  const made = returnedBy(ts, fn).map((value) => (ts.Node.isNewExpression(value) ? value.getExpression() : undefined));
  const names = new Set(made.map((name) => name?.getText()));
  return names.size === 1 ? made[0] : undefined;
}

/** `AuthGuard('jwt')`, `AuthGuard` imported from `@nestjs/passport`: passport answers 401 when it cannot authenticate. */
export function isPassportGuard(reader: NestReader, node: TsNode): boolean {
  const { ts } = reader;
  const callee = ts.Node.isCallExpression(node) ? node.getExpression() : undefined;
  return !!callee && ts.Node.isIdentifier(callee) && reader.modules.packageOf(callee) === '@nestjs/passport';
}

/** A guard class's statuses: passport's 401 for `extends AuthGuard('jwt')`, then what its `canActivate` refuses with. */
export function refusedWith(reader: NestReader, guard: ClassLikeDeclaration): number[] {
  const { ts } = reader;
  const base = guard.getExtends()?.getExpression();
  const inherited = base && isPassportGuard(reader, base) ? [401] : [];
  const canActivate = guard.getMethod('canActivate');
  const body = canActivate?.getBody();
  if (!canActivate || !body) return inherited;
  const refused = canReturnFalse(ts, canActivate) ? [403] : [];
  return [...inherited, ...refused, ...errorStatusesIn(ts, body, reader.modules.errorClassStatus)];
}

/** The operators whose result is a boolean: a guard returning one can refuse. */
export const BOOLEAN_OPERATORS = new Set([
  '===',
  '!==',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '&&',
  '||',
  'instanceof',
  'in',
]);

/** Calls that answer a boolean (`roles.some(…)`, `user.roles.includes(role)`, `allowed.has(id)`). */
export const BOOLEAN_METHODS = /\.(some|every|includes|has|startsWith|endsWith|test)$/;

/** `@UseGuards(AuthGuard('jwt'), RolesGuard)` → `AuthGuard('jwt')`, `RolesGuard`. */
export function guards(decorators: Decorator[]): string[] {
  return decorators
    .filter((decorator) => decorator.getName() === 'UseGuards')
    .flatMap((decorator) => decorator.getArguments().map((argument) => shortText(argument)));
}

/**
 * Whether a guard's `canActivate` can answer false, which Nest turns into 403: it returns `false`, a
 * negation, a comparison (`return user.role === 'admin'`) or a boolean method's call (`roles.some(…)`), or
 * anything typed boolean (by the checker, or by `canActivate`'s declared return type). Returns of the
 * functions inside it (`roles.some((role) => …)`) are theirs; `return true` and `super.canActivate(…)` are not.
 */
function canReturnFalse(ts: TsMorph, canActivate: MethodDeclaration): boolean {
  // `canActivate(…): boolean | Promise<boolean>`: what it returns, other than `true`, may be false.
  const declaredBoolean = /\bboolean\b/.test(canActivate.getReturnTypeNode()?.getText() ?? '');
  return canActivate
    .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
    .filter(
      (statement) => statement.getFirstAncestor((node) => ts.Node.isFunctionLikeDeclaration(node)) === canActivate,
    )
    .some((statement) => {
      const value = statement.getExpression();
      if (!value) return false;
      const returned = unwrap(ts, ts.Node.isAwaitExpression(value) ? value.getExpression() : value);
      if (returned.getKind() === ts.SyntaxKind.FalseKeyword) return true;
      if (returned.getKind() === ts.SyntaxKind.TrueKeyword || returned.getText().startsWith('super.')) return false;
      if (ts.Node.isPrefixUnaryExpression(returned) && returned.getOperatorToken() === ts.SyntaxKind.ExclamationToken)
        return true;
      if (ts.Node.isBinaryExpression(returned) && BOOLEAN_OPERATORS.has(returned.getOperatorToken().getText()))
        return true;
      if (ts.Node.isCallExpression(returned) && BOOLEAN_METHODS.test(returned.getExpression().getText())) return true;
      return declaredBoolean || /^(Promise<)?boolean>?$/.test(returned.getType().getText());
    });
}
