/**
 * tsoa's generated Express routes (`RegisterRoutes(app)` in the `routes.ts` tsoa writes from decorated
 * controllers). Each route's handler is generated code that makes the controller and calls one of its
 * methods through tsoa's runtime (`templateService.apiHandler({ methodName: 'list', controller,
 * successStatus })`, or `controller.list.apply(controller, args)` with `promiseHandler(…)` before tsoa 6),
 * and its middleware is what the controller's `@Middlewares(…)` decorators name
 * (`...(fetchMiddlewares<RequestHandler>(UsersController.prototype.list))`). Read as generated, the
 * routes would show that plumbing; read here, they show the controller method's statuses and middleware.
 */
import type { ClassDeclaration, MethodDeclaration, Node as TsNode } from 'ts-morph';
import type { Modules } from './modules.js';
import { madeClass } from './class-members.js';
import { property, unwrap } from './code-shapes.js';
import { shortText, statusCodes, type TsMorph } from './syntax.js';

/** The controller method a generated handler calls, and the status tsoa is told it answers with. */
export interface TsoaAction {
  method: MethodDeclaration;
  /** `successStatus: 201` (from `@SuccessResponse('201')`); empty where the generated code says none. */
  successStatus: number[];
}

/**
 * The controller method a handler tsoa generated calls: `apiHandler({ methodName: 'list', controller })`
 * (tsoa 6) or `controller.list.apply(controller, …)` (before), with `const controller = new
 * UsersController()` (or an IoC container's `container.get(UsersController)`) in the handler; undefined
 * for any other handler.
 */
export function tsoaAction(ts: TsMorph, modules: Modules, handler: TsNode): TsoaAction | undefined {
  for (const call of handler.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee)) continue;
    if (callee.getName() === 'apiHandler') {
      const [options] = call.getArguments();
      const object = options && unwrap(ts, options);
      if (!object || !ts.Node.isObjectLiteralExpression(object)) continue;
      const name = property(ts, object, 'methodName');
      const controller = property(ts, object, 'controller');
      const method =
        name && ts.Node.isStringLiteral(unwrap(ts, name)) && controller
          ? controllerMethod(
              ts,
              modules,
              controller,
              (unwrap(ts, name) as TsNode & { getLiteralText(): string }).getLiteralText(),
            )
          : undefined;
      const success = property(ts, object, 'successStatus');
      if (method) return { method, successStatus: success ? statusCodes(ts, unwrap(ts, success)) : [] };
    }
    // `controller.list.apply(controller, validatedArgs)`, then `promiseHandler(controller, promise, response, 201, next)`.
    const invoked = callee.getExpression();
    if (callee.getName() === 'apply' && ts.Node.isPropertyAccessExpression(invoked)) {
      const method = controllerMethod(ts, modules, invoked.getExpression(), invoked.getName());
      if (method) return { method, successStatus: promisedStatus(ts, handler) };
    }
  }
  return undefined;
}

/** `successStatus` as the older generated code hands it on: `promiseHandler(controller, promise, response, 201, next)`. */
function promisedStatus(ts: TsMorph, handler: TsNode): number[] {
  const call = handler
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .find((each) => /(?:^|\.)promiseHandler$/.test(each.getExpression().getText()));
  const status = call?.getArguments()[3];
  return status ? statusCodes(ts, unwrap(ts, status)) : [];
}

/** The method `name` of the class a handler's `controller` is made of (`const controller = new UsersController()`). */
function controllerMethod(ts: TsMorph, modules: Modules, node: TsNode, name: string): MethodDeclaration | undefined {
  const value = unwrap(ts, node);
  const made = ts.Node.isIdentifier(value) ? modules.follow(value)?.value : value;
  const cls = made && classOf(ts, modules, madeClass(ts, unwrap(ts, made)));
  return cls?.getMethod(name);
}

function classOf(ts: TsMorph, modules: Modules, node: TsNode | undefined): ClassDeclaration | undefined {
  const value = node && unwrap(ts, node);
  const held = value && ts.Node.isIdentifier(value) ? modules.follow(value)?.value : value;
  return held && ts.Node.isClassDeclaration(held) ? held : undefined;
}

/**
 * The statuses tsoa answers a controller method with: `successStatus`, else what the method sets with
 * `this.setStatus(201)`, else 200 where it returns a value and 204 where it returns none (tsoa's
 * defaults); the errors it raises are counted by the caller, as for any handler.
 */
export function tsoaSuccessStatuses(ts: TsMorph, action: TsoaAction): number[] {
  const { method, successStatus } = action;
  const set = method
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .filter((call) => /^this\.setStatus$/.test(call.getExpression().getText()))
    .flatMap((call) => (call.getArguments()[0] ? statusCodes(ts, unwrap(ts, call.getArguments()[0]!)) : []));
  if (successStatus.length || set.length) return [...successStatus, ...set];
  const returnsValue = method
    .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
    .some(
      (statement) =>
        statement.getFirstAncestorByKind(ts.SyntaxKind.MethodDeclaration) === method && statement.getExpression(),
    );
  return [returnsValue ? 200 : 204];
}

/**
 * The middleware a generated route spreads from tsoa's runtime, `...(fetchMiddlewares(UsersController))`
 * or `...(fetchMiddlewares(UsersController.prototype.list))`: the arguments of the class's or method's
 * `@Middlewares(auth, limit)`, as written (none where it has none); undefined for any other argument.
 */
export function tsoaMiddleware(ts: TsMorph, modules: Modules, node: TsNode): string[] | undefined {
  if (!ts.Node.isSpreadElement(node)) return undefined;
  const call = unwrap(ts, node.getExpression());
  if (!ts.Node.isCallExpression(call) || !/(?:^|\.)fetchMiddlewares$/.test(call.getExpression().getText()))
    return undefined;
  const [target] = call.getArguments();
  const decorated = target && decoratedBy(ts, modules, unwrap(ts, target));
  return (decorated?.getDecorators() ?? [])
    .filter((decorator) => decorator.getName() === 'Middlewares')
    .flatMap((decorator) => decorator.getArguments().map((arg) => shortText(arg)));
}

/** `UsersController` → its class; `UsersController.prototype.list` → that method. */
function decoratedBy(ts: TsMorph, modules: Modules, node: TsNode): ClassDeclaration | MethodDeclaration | undefined {
  if (ts.Node.isIdentifier(node)) return classOf(ts, modules, node);
  if (!ts.Node.isPropertyAccessExpression(node)) return undefined;
  const prototype = node.getExpression();
  if (!ts.Node.isPropertyAccessExpression(prototype) || prototype.getName() !== 'prototype') return undefined;
  return classOf(ts, modules, prototype.getExpression())?.getMethod(node.getName());
}
