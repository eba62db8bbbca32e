/**
 * inversify-express-utils: an Express app whose routes are decorated controller classes
 * (`@controller('/users', auth)` with `@httpGet('/:id')` methods), registered when their modules load
 * and served by `new InversifyExpressServer(container, null, { rootPath: '/api' }).build()`.
 * The controllers are those of the modules the entry loads (inversify needs them imported, if only for
 * their side effects: `import './controllers/users'`), in the order the modules run.
 */
import type {
  ClassDeclaration,
  Decorator,
  MethodDeclaration,
  NewExpression,
  SourceFile,
  Node as TsNode,
} from 'ts-morph';
import type { Route } from './model.js';
import { EXPRESS_RESPONSE, implicitStatusesIn, returnedValues } from './implicit.js';
import { statusFields } from './answered-statuses.js';
import { ModuleReader } from './module-reader.js';
import { property, unwrap } from './code-shapes.js';
import {
  commentBefore,
  computedStatusesIn,
  expressStatusesIn,
  joinPaths,
  shortText,
  type StatusSlots,
  statusCodes,
  toOpenApiPath,
  type TsMorph,
  unwrapParentheses,
} from './syntax.js';

const PACKAGE = 'inversify-express-utils';

/** The route decorators and the method each serves (`httpMethod('get', …)` names its own). */
const ROUTE_DECORATORS: Record<string, string> = {
  httpGet: 'GET',
  httpPost: 'POST',
  httpPut: 'PUT',
  httpPatch: 'PATCH',
  httpDelete: 'DELETE',
  httpHead: 'HEAD',
  httpOptions: 'OPTIONS',
  all: 'ALL',
};

/** What `BaseHttpController`'s helpers answer with (`return this.notFound()`). */
const ACTION_RESULTS: Record<string, number> = {
  ok: 200,
  created: 201,
  badRequest: 400,
  notFound: 404,
  conflict: 409,
  internalServerError: 500,
  redirect: 302,
};

/** Where a controller states a status: `res.status(x)`, `this.statusCode(x)`, `this.json(content, x)`. */
const SLOTS: StatusSlots = { calls: { status: 0, sendStatus: 0, statusCode: 0, json: 1 } };

/** Whether a module's text uses inversify-express-utils. */
export function isInversifySource(text: string): boolean {
  return text.includes(PACKAGE);
}

export class InversifyReader extends ModuleReader {
  /**
   * The routes of the controllers the modules the entry loads declare, under the server's `rootPath`;
   * none when no module of them makes an `InversifyExpressServer`.
   */
  routes(entry: string): Route[] {
    const files = this.modules.evaluationOrder(entry).map((file) => this.modules.source(file));
    const servers = files.flatMap((source) => this.servers(source));
    if (!servers.length) return [];
    const root = this.rootPath(servers[0]!);
    return files.flatMap((source) => this.controllers(source)).flatMap((cls) => this.controllerRoutes(cls, root));
  }

  /**
   * The functions the server is configured with, which register on the Express app itself: those
   * `server.setConfig((app) => …)` runs before the controllers are registered (`before`), and those
   * `setErrorConfig((app) => …)` runs after them; each with the name of its app parameter, for the
   * Express reader. Written there or named (`setConfig(configure)`, here or imported).
   */
  configFunctions(entry: string): Array<{ fn: TsNode; app: string; after: boolean }> {
    const { ts } = this;
    const found: Array<{ fn: TsNode; app: string; after: boolean }> = [];
    for (const file of this.modules.evaluationOrder(entry)) {
      const source = this.modules.source(file);
      if (!this.servers(source).length) continue;
      for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
        const callee = call.getExpression();
        const method = ts.Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
        if (method !== 'setConfig' && method !== 'setErrorConfig') continue;
        const [given] = call.getArguments();
        const fn = given && this.modules.functionOf(given);
        const parameter =
          fn && (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn) || ts.Node.isFunctionDeclaration(fn))
            ? fn.getParameters()[0]?.getNameNode()
            : undefined;
        if (fn && parameter && ts.Node.isIdentifier(parameter))
          found.push({ fn, app: parameter.getText(), after: method === 'setErrorConfig' });
      }
    }
    return found;
  }

  /** Whether the modules the entry loads make an `InversifyExpressServer` (its routes are then read here). */
  serves(entry: string): boolean {
    return this.modules.evaluationOrder(entry).some((file) => this.servers(this.modules.source(file)).length > 0);
  }

  private servers(source: SourceFile): NewExpression[] {
    const { ts } = this;
    return source.getDescendantsOfKind(ts.SyntaxKind.NewExpression).filter((made) => {
      const callee = made.getExpression();
      return ts.Node.isIdentifier(callee) && this.modules.packageOf(callee) === PACKAGE;
    });
  }

  /** `new InversifyExpressServer(container, null, { rootPath: '/api' })`: the prefix of every controller. */
  private rootPath(server: NewExpression): string {
    const { ts } = this;
    const options = server.getArguments()[2];
    const object = options && unwrap(ts, options);
    const root = object && ts.Node.isObjectLiteralExpression(object) ? property(ts, object, 'rootPath') : undefined;
    if (!root) return '';
    return this.statedPrefix(
      root,
      'rootPath',
      "write it as a literal or a const (new InversifyExpressServer(container, null, { rootPath: '/api' }))",
    );
  }

  /** The classes of a module decorated `@controller(…)` from inversify-express-utils. */
  private controllers(source: SourceFile): ClassDeclaration[] {
    return source.getClasses().filter((cls) => this.decorator(cls.getDecorators(), 'controller') !== undefined);
  }

  /** A decorator of the package under one of its names (`@controller`, `@httpGet`), as imported. */
  private decorator(decorators: Decorator[], name: string): Decorator | undefined {
    return decorators.find((decorator) => {
      const callee = decorator.getCallExpression()?.getExpression();
      return (
        decorator.getName() === name &&
        !!callee &&
        this.ts.Node.isIdentifier(callee) &&
        this.modules.packageOf(callee) === PACKAGE
      );
    });
  }

  private controllerRoutes(cls: ClassDeclaration, root: string): Route[] {
    const controller = this.decorator(cls.getDecorators(), 'controller')!;
    const [pathNode, ...guards] = controller.getArguments();
    const path = pathNode ? this.literal(pathNode) : '';
    if (path === undefined) {
      this.warnComputedDecorator(controller, 'controller', shortText(pathNode!), 'controller', "@controller('/users')");
      return [];
    }
    const base = joinPaths(root, path);
    const classMiddleware = guards.map((node) => shortText(node));
    return cls.getMethods().flatMap((method) => this.methodRoutes(method, base, classMiddleware));
  }

  private methodRoutes(method: MethodDeclaration, base: string, classMiddleware: string[]): Route[] {
    const routes: Route[] = [];
    for (const decorator of method.getDecorators()) {
      const name = decorator.getName();
      const verb = ROUTE_DECORATORS[name] ?? (name === 'httpMethod' ? 'httpMethod' : undefined);
      if (!verb || !this.decorator([decorator], name)) continue;
      const args = decorator.getArguments();
      const [methodNode, ...afterMethod] = verb === 'httpMethod' ? args : [undefined, ...args];
      const httpMethod = verb === 'httpMethod' ? this.literal(methodNode)?.toUpperCase() : verb;
      const [pathNode, ...middleware] = afterMethod as TsNode[];
      const path = pathNode ? this.literal(pathNode) : '';
      if (path === undefined || !httpMethod) {
        const shown = args.map((arg) => shortText(arg)).join(', ');
        this.warnComputedDecorator(decorator, name, shown, 'route', "@httpGet('/:id')");
        continue;
      }
      const full = joinPaths(base, path);
      routes.push({
        method: httpMethod,
        path: full,
        openapiPath: toOpenApiPath(full),
        middleware: [...classMiddleware, ...middleware.map((node) => shortText(node))],
        ...this.statuses(method),
        summary: commentBefore(method),
        file: method.getSourceFile().getFilePath(),
        line: decorator.getStartLineNumber(),
      });
    }
    return routes;
  }

  /**
   * What a controller method answers with: what it sets on the response (`res.status(201)`), the errors
   * it and the services it calls throw, and `BaseHttpController`'s results (`this.created(…)` 201, `this.notFound()` 404,
   * `this.statusCode(204)`, `this.json(body, 202)`); and what it computes at run time.
   */
  private statuses(method: MethodDeclaration): Pick<Route, 'statuses' | 'computedStatuses'> {
    const { ts } = this;
    const body = method.getBody();
    if (!body) return { statuses: [] };
    // Those of the errors the project's services it calls raise too (`this.users.find(id)`), as in every framework.
    const codes = [
      ...expressStatusesIn(ts, body, this.modules.errorClassStatus),
      ...this.modules.serviceErrorStatuses(method),
    ];
    // What it sends with no status set: `res.json(x)` on the `@response()` it takes, or a value it
    // returns that is no result of BaseHttpController's (`return users`), which the package sends as a 200.
    const response = method.getParameters().find((parameter) => parameter.getDecorator('response'));
    codes.push(...implicitStatusesIn(ts, method, response?.getName(), EXPRESS_RESPONSE));
    if (returnedValues(ts, method, response?.getName()).some((value) => !isActionResult(ts, value))) codes.push(200);
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getExpression().getKind() !== ts.SyntaxKind.ThisKeyword)
        continue;
      const name = callee.getName();
      const [first, second] = call.getArguments();
      if (ACTION_RESULTS[name] !== undefined) codes.push(ACTION_RESULTS[name]!);
      else if (name === 'statusCode' && first) codes.push(...statusCodes(ts, first));
      else if (name === 'json') codes.push(...(second ? statusCodes(ts, second) : [200]));
    }
    return statusFields(codes, computedStatusesIn(ts, body, SLOTS, this.modules.errorClassStatus));
  }
}

/** `this.ok(…)`, `await this.json(x, 202)`: a result of BaseHttpController's, whose status is read as such. */
function isActionResult(ts: TsMorph, value: TsNode): boolean {
  let current = unwrapParentheses(ts, value);
  if (ts.Node.isAwaitExpression(current)) current = unwrapParentheses(ts, current.getExpression());
  if (!ts.Node.isCallExpression(current)) return false;
  const callee = current.getExpression();
  return ts.Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === ts.SyntaxKind.ThisKeyword;
}
