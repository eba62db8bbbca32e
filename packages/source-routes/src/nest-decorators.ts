/**
 * What a NestJS route's decorators say: its paths, `@HttpCode`/`@Redirect` statuses, `@Res()` responses,
 * `@ApiOperation`'s summary, and the object literals they are given.
 */
import type { Decorator, MethodDeclaration, ObjectLiteralExpression, Node as TsNode } from 'ts-morph';
import type { Literal } from './nest-bootstrap.js';
import { errorStatusesIn, pathText, isPathLiteral, statusCode, type TsMorph, computedStatusesIn } from './syntax.js';
import type { Modules } from './modules.js';
import type { Route } from './model.js';

/**
 * The paths a decorator gives: none → `['']`, `'users'`, `['a', 'b']`, a `const` (`ROUTES.USERS`),
 * or (for `@Controller`) an options object's `path`; `unread`: those not known from the code.
 */
export function decoratorPaths(
  ts: TsMorph,
  decorator: Decorator,
  objectKey: string | undefined,
  literal: Literal,
): { paths: string[]; unread: TsNode[] } {
  const [argument] = decorator.getArguments();
  if (!argument) return { paths: [''], unread: [] };
  let value: TsNode | undefined = argument;
  if (objectKey && ts.Node.isObjectLiteralExpression(argument)) value = propertyValue(ts, argument, objectKey);
  if (!value) return { paths: [''], unread: [] };
  const items = ts.Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
  const paths: string[] = [];
  const unread: TsNode[] = [];
  for (const item of items) {
    const path = literal(item);
    if (path === undefined) unread.push(item);
    else paths.push(path);
  }
  return { paths, unread };
}

/** `@HttpCode(204)` or `@HttpCode(HttpStatus.NO_CONTENT)`; `@Redirect(url, 301)`; else Nest's default. */
export function statuses(ts: TsMorph, verb: string, decorators: Decorator[]): number[] {
  for (const decorator of decorators) {
    const name = decorator.getName();
    if (name !== 'HttpCode' && name !== 'Redirect') continue;
    const argument = decorator.getArguments()[name === 'HttpCode' ? 0 : 1];
    const code = argument ? statusCode(ts, argument) : name === 'Redirect' ? 302 : undefined;
    if (code) return [code];
  }
  return [verb === 'POST' ? 201 : 200];
}

/**
 * The statuses of the exceptions the method throws (`throw new NotFoundException()`), and those of the
 * project's services it calls (`return this.usersService.findOne(id)`, one call deep), added.
 */
export function withThrown(ts: TsMorph, method: MethodDeclaration, modules: Modules, codes: number[]): number[] {
  const body = method.getBody();
  const thrown = body
    ? [...errorStatusesIn(ts, body, modules.errorClassStatus), ...modules.serviceErrorStatuses(method)]
    : [];
  return thrown.length ? [...new Set([...codes, ...thrown])].sort((a, b) => a - b) : codes;
}

/** `@ApiOperation({ summary: 'List users' })` from @nestjs/swagger. */
export function apiOperationSummary(ts: TsMorph, decorators: Decorator[]): string | undefined {
  const operation = decorators.find((decorator) => decorator.getName() === 'ApiOperation');
  const options = decoratorObject(ts, operation);
  // `title`: what @nestjs/swagger before 4 called the summary.
  return (
    options &&
    (literalProperty(ts, options, 'summary') ??
      literalProperty(ts, options, 'title') ??
      literalProperty(ts, options, 'description'))
  );
}

export function decoratorObject(ts: TsMorph, decorator: Decorator | undefined): ObjectLiteralExpression | undefined {
  const [argument] = decorator?.getArguments() ?? [];
  return argument && ts.Node.isObjectLiteralExpression(argument) ? argument : undefined;
}

export function propertyValue(ts: TsMorph, object: ObjectLiteralExpression, name: string): TsNode | undefined {
  const property = object.getProperty(name);
  if (property && ts.Node.isPropertyAssignment(property)) return property.getInitializer();
  if (property && ts.Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

export function literalProperty(ts: TsMorph, object: ObjectLiteralExpression, name: string): string | undefined {
  const value = propertyValue(ts, object, name);
  return value && isPathLiteral(ts, value) ? pathText(value) : undefined;
}

export function propertyOf(ts: TsMorph, object: ObjectLiteralExpression | undefined, name: string): TsNode | undefined {
  return object && propertyValue(ts, object, name);
}

/** The `@Res()` (or `@Response()`) decorator of a method's parameter, if it takes the response object. */
export function responseDecorator(method: MethodDeclaration): Decorator | undefined {
  return method
    .getParameters()
    .flatMap((parameter) => parameter.getDecorators())
    .find((decorator) => ['Res', 'Response'].includes(decorator.getName()));
}

/**
 * A handler that takes the response object (`@Res() res`) sends what it, and the helpers it hands
 * the response to (`handleError(res, error)`), set (`answered`): `res.status(HttpStatus.NOT_FOUND)`;
 * with `@Res({ passthrough: true })` Nest still sends its own status when the handler sets none, so
 * `fallback` (the decorators') is kept beside them. Undefined when it takes none, or sets no status.
 */
export function responseStatuses(
  ts: TsMorph,
  method: MethodDeclaration,
  fallback: number[],
  answered: Pick<Route, 'statuses' | 'computedStatuses'> | undefined,
): number[] | undefined {
  const set = answered?.statuses ?? [];
  // `res.status(result.code)`: the handler sets the status, if not one docgen knows, so Nest's default is not it.
  if (!answered || (!set.length && !answered.computedStatuses?.length)) return undefined;
  const options = decoratorObject(ts, responseDecorator(method));
  const passthrough = options && propertyValue(ts, options, 'passthrough')?.getText() === 'true';
  return passthrough ? [...new Set([...fallback, ...set])].sort((a, b) => a - b) : set;
}

/**
 * The statuses a method computes at run time, as written: those of the exceptions it throws
 * (`new HttpException(body, err.status)`, or where the project's own class takes it: `modules`), and,
 * for a handler that takes the response object, what it and the helpers it hands it to set on it
 * (`res.status(result.code)`: `answered`).
 */
export function computedStatuses(
  ts: TsMorph,
  method: MethodDeclaration,
  modules: Modules,
  answered: Pick<Route, 'statuses' | 'computedStatuses'> | undefined,
): Pick<Route, 'computedStatuses'> {
  const body = method.getBody();
  const computed = answered
    ? (answered.computedStatuses ?? [])
    : body
      ? computedStatusesIn(ts, body, { calls: {} }, modules.errorClassStatus)
      : [];
  return computed.length ? { computedStatuses: computed } : {};
}
