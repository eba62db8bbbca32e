/**
 * A module's `configure(consumer)`: the middleware `consumer.apply(…).exclude(…).forRoutes(…)` applies,
 * and the routes each rule matches (controller classes, path patterns, `{ path, method }`).
 */
import type { NestReader } from './nest.js';
import { literalProperty, propertyValue } from './nest-decorators.js';
import type { Node as TsNode, PropertyAccessExpression, ClassDeclaration, ObjectLiteralExpression } from 'ts-morph';
import { nameStart } from './code-shapes.js';
import { isPathLiteral, pathText, shortText, type TsMorph } from './syntax.js';
import { findClass, type ClassRef } from './nest-module-tree.js';

/**
 * A module's `configure(consumer)`: each `consumer.apply(A, B).exclude(…).forRoutes(…)` as the
 * middleware names and the routes they apply to (controllers by class, paths by pattern, methods).
 * What is not stated (a computed target, the consumer handed on) is a warning.
 */
export function consumerMiddleware(reader: NestReader, module: ClassRef): MiddlewareRule[] {
  const { ts } = reader;
  const configure = module.declaration.getMethod('configure');
  const consumer = configure?.getParameters()[0]?.getName();
  const body = configure?.getBody();
  if (!configure || !consumer || !body) return [];
  const rules: MiddlewareRule[] = [];
  for (const id of body.getDescendantsOfKind(ts.SyntaxKind.Identifier)) {
    if (id.getText() !== consumer) continue;
    const parent = id.getParent();
    if (ts.Node.isPropertyAccessExpression(parent) && parent.getExpression() === id && parent.getName() === 'apply')
      continue;
    reader.warnAt(
      'DG_ROUTES_MIDDLEWARE_UNKNOWN',
      `${shortText(parent ?? id)}: middleware applied through ${consumer} this way is not read, so no route shows it`,
      id,
      `apply it in configure() itself: ${consumer}.apply(AuthMiddleware).forRoutes(UsersController)`,
    );
  }
  const forRoutes = body
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .filter((call) => {
      const callee = call.getExpression();
      return ts.Node.isPropertyAccessExpression(callee) && callee.getName() === 'forRoutes';
    })
    // In the order written: a chain's later links are its outer calls.
    .sort((a, b) => nameStart(a) - nameStart(b));
  for (const call of forRoutes) {
    const callee = call.getExpression() as PropertyAccessExpression;
    // Back along the chain: `.exclude(…)` links, then the `.apply(…)` they belong to.
    const excludes: TsNode[] = [];
    let link = callee.getExpression();
    let names: string[] | undefined;
    while (ts.Node.isCallExpression(link) && ts.Node.isPropertyAccessExpression(link.getExpression())) {
      const access = link.getExpression() as PropertyAccessExpression;
      if (access.getName() === 'exclude') excludes.push(...link.getArguments());
      else if (access.getName() === 'apply') {
        names = link.getArguments().map((argument) => shortText(argument));
        break;
      } else break;
      link = access.getExpression();
    }
    if (!names) continue;
    const targets = call.getArguments().flatMap((argument) => middlewareTargets(reader, module.file, argument, true));
    const excluded = excludes.flatMap((argument) => middlewareTargets(reader, module.file, argument, false));
    rules.push({
      names,
      appliesTo: (controller, method, path) =>
        targets.some((target) => target.matches(controller, method, path)) &&
        !excluded.some((target) => target.matches(controller, method, path)),
    });
  }
  return rules;
}

/** What a `forRoutes(…)` / `exclude(…)` argument matches: a controller class, `'cats/*'`, `{ path, method }`. */
export function middlewareTargets(
  reader: NestReader,
  file: string,
  argument: TsNode,
  controllers: boolean,
): MiddlewareTarget[] {
  const { ts } = reader;
  if (isPathLiteral(ts, argument)) return [pathTarget(pathText(argument), undefined)];
  if (ts.Node.isObjectLiteralExpression(argument)) {
    const path = literalProperty(ts, argument, 'path');
    const method = requestMethod(ts, argument);
    if (path !== undefined) return [pathTarget(path, method === 'ALL' ? undefined : method)];
  }
  const found = controllers && ts.Node.isIdentifier(argument) ? findClass(reader, file, argument.getText()) : undefined;
  if (found?.declaration.getDecorator('Controller'))
    return [{ matches: (controller) => controller === found.declaration }];
  reader.warnAt(
    'DG_ROUTES_MIDDLEWARE_UNKNOWN',
    `${controllers ? 'forRoutes' : 'exclude'}(${shortText(argument)}) names routes docgen cannot read: ${
      controllers
        ? 'the middleware it applies is not shown on them'
        : 'the middleware may be shown on routes it excludes'
    }`,
    argument,
    "name a controller class, a literal path ('cats/*') or { path: 'cats', method: RequestMethod.GET }",
  );
  return [];
}

/** What a `forRoutes(…)` or `exclude(…)` argument matches. */
export interface MiddlewareTarget {
  matches(controller: ClassDeclaration, method: string, path: string): boolean;
}

/** One `consumer.apply(…).exclude(…).forRoutes(…)`: the middleware names, and the routes they apply to. */
interface MiddlewareRule {
  names: string[];
  appliesTo(controller: ClassDeclaration, method: string, path: string): boolean;
}

/**
 * A route pattern of `forRoutes('cats/*')` / `{ path: 'cats/:id', method: RequestMethod.GET }`: the
 * whole path (before the global prefix and versions, which Nest adds itself), `*` (also `(.*)`,
 * `*splat` and `{*splat}`) matching anything and `:param` a segment; a method of `ALL` (or none)
 * matches every method.
 */
export function pathTarget(pattern: string, method: string | undefined): MiddlewareTarget {
  const normalize = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}`;
  const source = normalize(pattern)
    .split(/(\/?\{\*\w*\}|\(\.\*\)|(?<=\/)\*\w+|\*|:\w+)/)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      if (part.startsWith(':')) return '[^/]+';
      return part.startsWith('/{') ? '(?:/.*)?' : '.*';
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return {
    matches: (_controller, routeMethod, path) =>
      (!method || method === routeMethod || routeMethod === 'ALL') && regex.test(normalize(path)),
  };
}

/** `{ path, method: RequestMethod.GET }` → `GET`. */
export function requestMethod(ts: TsMorph, object: ObjectLiteralExpression): string | undefined {
  return propertyValue(ts, object, 'method')
    ?.getText()
    .match(/(?:^|\.)(\w+)$/)?.[1];
}
