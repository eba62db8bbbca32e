/**
 * routing-controllers: decorated controller classes (`@JsonController('/users')` with `@Get('/:id')`
 * methods) that `useExpressServer(app, { routePrefix: '/api', controllers: [UsersController] })` (or
 * `createExpressServer`, `useKoaServer`, `createKoaServer`) registers on an Express or Koa app. Its
 * decorators share NestJS's names (`@Controller`, `@Get`, `@HttpCode`), so an app is told apart by
 * the module it imports them from, and read here, not as NestJS.
 */
import { dirname, join, resolve } from 'node:path';
import { globFiles } from './glob.js';
import type {
  CallExpression,
  ClassDeclaration,
  Decorator,
  Identifier,
  MethodDeclaration,
  ObjectLiteralExpression,
  PropertyAccessExpression,
  ReturnStatement,
  SourceFile,
  Node as TsNode,
} from 'ts-morph';
import type { Route } from './model.js';
import { implicitStatusesIn, ROUTING_CONTROLLERS_RESPONSE } from './implicit.js';
import { ModuleReader } from './module-reader.js';
import { property, unwrap } from './code-shapes.js';
import {
  commentBefore,
  errorStatusesIn,
  isFunctionLike,
  joinPaths,
  shortText,
  statusCodes,
  toOpenApiPath,
  type TsMorph,
} from './syntax.js';

const PACKAGE = 'routing-controllers';

/** The calls that register the controllers, and the framework each serves them on. */
const SERVERS: Record<string, { framework: 'Express' | 'Koa'; optionsAt: number }> = {
  useExpressServer: { framework: 'Express', optionsAt: 1 },
  createExpressServer: { framework: 'Express', optionsAt: 0 },
  useKoaServer: { framework: 'Koa', optionsAt: 1 },
  createKoaServer: { framework: 'Koa', optionsAt: 0 },
};

/** The route decorators and the method each serves (`@Method('move', '/x')` names its own). */
const ROUTE_DECORATORS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  All: 'ALL',
};

/** Whether a module's text uses routing-controllers. */
export function isRoutingControllersSource(text: string): boolean {
  return /['"]routing-controllers['"]/.test(text);
}

/** A server call: the framework it serves on, and its options (`routePrefix`, `controllers`). */
interface Server {
  call: CallExpression;
  framework: 'Express' | 'Koa';
  options?: ObjectLiteralExpression;
}

export class RoutingControllersReader extends ModuleReader {
  /** The framework the first server call of the modules the entry loads serves on; undefined with none. */
  framework(entry: string): 'Express' | 'Koa' | undefined {
    return this.servers(entry)[0]?.framework;
  }

  /** Where the first server call is written (`useExpressServer(app, …)`): the app's own routes before it come first. */
  serverSite(entry: string): { file: string; start: number } | undefined {
    const call = this.servers(entry)[0]?.call;
    return call && { file: call.getSourceFile().getFilePath(), start: call.getStart() };
  }

  /**
   * The apps a `createExpressServer(…)` / `createKoaServer(…)` call makes and a `const` keeps
   * (`const app = createExpressServer({ controllers })`), by module and name: what is registered on them
   * afterwards (`app.get('/health', …)`) is served after the controllers.
   */
  createdApps(entry: string): Array<{ file: string; name: string }> {
    const { ts } = this;
    return this.servers(entry).flatMap(({ call }) => {
      const callee = unwrap(ts, call.getExpression());
      const declaration = call.getParentIfKind(ts.SyntaxKind.VariableDeclaration);
      const name = declaration?.getNameNode();
      const creates = ts.Node.isIdentifier(callee) && this.modules.importedName(callee).startsWith('create');
      return creates && name && ts.Node.isIdentifier(name)
        ? [{ file: call.getSourceFile().getFilePath(), name: name.getText() }]
        : [];
    });
  }

  /** The routes of the controllers each server call registers, under its `routePrefix`. */
  routes(entry: string): Route[] {
    return this.servers(entry).flatMap((server) => {
      const prefix = this.routePrefix(server);
      const defaults = this.resultDefaults(server);
      return this.controllers(server, entry).flatMap((cls) => this.controllerRoutes(cls, prefix, defaults));
    });
  }

  private servers(entry: string): Server[] {
    const { ts } = this;
    const found: Server[] = [];
    for (const file of this.modules.evaluationOrder(entry))
      for (const call of this.modules.source(file).getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
        const callee = unwrap(ts, call.getExpression());
        // Under the name it is imported as: `import { createKoaServer as makeServer }` is still createKoaServer.
        const server = ts.Node.isIdentifier(callee) ? SERVERS[this.modules.importedName(callee)] : undefined;
        if (!server || !ts.Node.isIdentifier(callee) || this.modules.packageOf(callee) !== PACKAGE) continue;
        found.push({ call, framework: server.framework, options: this.options(call.getArguments()[server.optionsAt]) });
      }
    return found;
  }

  /**
   * The options object, written there, held by a `const` (`useExpressServer(app, routingOptions)`) or
   * by a static field of a class of the project (`createExpressServer(Server.RoutingControllersOptions)`).
   */
  private options(node: TsNode | undefined): ObjectLiteralExpression | undefined {
    const { ts } = this;
    const value = node && unwrap(ts, node);
    const held =
      value && ts.Node.isIdentifier(value)
        ? this.modules.follow(value)?.value
        : value && ts.Node.isPropertyAccessExpression(value)
          ? this.staticField(value)
          : value;
    const object = held && unwrap(ts, held);
    return object && ts.Node.isObjectLiteralExpression(object) ? object : undefined;
  }

  /** `Server.RoutingControllersOptions`: the value a class of the project states in that static field. */
  private staticField(access: PropertyAccessExpression): TsNode | undefined {
    const { ts } = this;
    const owner = unwrap(ts, access.getExpression());
    const cls = ts.Node.isIdentifier(owner) ? this.modules.follow(owner)?.value : undefined;
    return cls && ts.Node.isClassDeclaration(cls)
      ? cls.getStaticProperty(access.getName())?.getFirstChildByKind(ts.SyntaxKind.ObjectLiteralExpression)
      : undefined;
  }

  /**
   * What routing-controllers answers a method's undefined or null result with: an undefined one (a
   * bare `return`, or an end of the body reached without one) with `@OnUndefined`'s status, else the
   * server's `undefinedResultCode`, else a `NotFoundError`, 404; a null one with `@OnNull`'s, else the
   * server's `nullResultCode` (for any value docgen cannot tell is not null), else 204 (for a `null`
   * it returns). `@OnUndefined` / `@OnNull` written on a method are its statuses whatever it returns.
   */
  private resultStatuses(
    method: MethodDeclaration,
    given: (name: string) => number[],
    defaults: ResultDefaults,
  ): number[] {
    const { ts } = this;
    const [onUndefined, onNull] = [given('OnUndefined'), given('OnNull')];
    const undefinedResult = mayReturnUndefined(ts, method) ? orElse(defaults.undefinedResult, [NOT_FOUND]) : [];
    const nullResult = defaults.nullResult.length
      ? mayReturnNull(ts, method, false)
        ? defaults.nullResult
        : []
      : mayReturnNull(ts, method, true)
        ? [NO_CONTENT]
        : [];
    return [...orElse(onUndefined, undefinedResult), ...orElse(onNull, nullResult)];
  }

  /** Whether a method takes the response (`@Res()`, `@Ctx()`): it answers itself, so its result's defaults are not its statuses. */
  private answersItself(method: MethodDeclaration): boolean {
    return method
      .getParameters()
      .some((parameter) => parameter.getDecorators().some((decorator) => /^(Res|Ctx)$/.test(this.nameOf(decorator))));
  }

  /**
   * The server's `defaults: { undefinedResultCode: 204, nullResultCode: 404 }` (written there or in a
   * `const`): what a method without `@OnUndefined` / `@OnNull` answers an undefined or null result with.
   */
  private resultDefaults(server: Server): ResultDefaults {
    const { ts } = this;
    const node = server.options && property(ts, server.options, 'defaults');
    const held =
      node && ts.Node.isIdentifier(unwrap(ts, node))
        ? this.modules.follow(unwrap(ts, node) as Identifier)?.value
        : node;
    const defaults = held && unwrap(ts, held);
    if (!defaults || !ts.Node.isObjectLiteralExpression(defaults)) return { undefinedResult: [], nullResult: [] };
    const code = (key: string) => {
      const value = property(ts, defaults, key);
      return value ? statusCodes(ts, value) : [];
    };
    return { undefinedResult: code('undefinedResultCode'), nullResult: code('nullResultCode') };
  }

  private routePrefix(server: Server): string {
    const node = server.options && property(this.ts, server.options, 'routePrefix');
    if (!node) return '';
    return this.statedPrefix(
      node,
      'routePrefix',
      "write it as a literal or a const (useExpressServer(app, { routePrefix: '/api', … }))",
    );
  }

  /**
   * The controller classes a server call lists: classes named (here or imported), and the decorated
   * classes of the files a glob names (`__dirname + '/controllers/*.ts'`, `path.join(__dirname, 'controllers', '**', '*.js')`:
   * a `.js` pattern matches the `.ts` sources too).
   */
  private controllers(server: Server, entry: string): ClassDeclaration[] {
    const { ts } = this;
    const listed = server.options && property(ts, server.options, 'controllers');
    const list = listed && unwrap(ts, listed);
    // `glob.sync(path.join(__dirname, 'modules/**/*Controller.ts'))`: the files of one glob.
    const globbed = list && this.globCalled(list);
    if (globbed) return globbed;
    // No list: every controller whose module has run registers itself (`import './controllers/users'`).
    if (!list)
      return this.modules.evaluationOrder(entry).flatMap((file) => this.controllerClasses(this.modules.source(file)));
    const elements = this.listedControllers(list);
    if (!elements) {
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `the controllers ${shortText(list)} are computed at run time: their routes are not read`,
        list,
        'list the controller classes, or globs of their files, in an array (controllers: [UsersController])',
      );
      return [];
    }
    return elements.flatMap((element) => {
      const value = unwrap(ts, element);
      if (ts.Node.isIdentifier(value)) {
        const cls = this.modules.follow(value)?.value;
        if (cls && ts.Node.isClassDeclaration(cls)) return [cls];
      }
      const pattern = this.globOf(value);
      if (pattern !== undefined) return this.globClasses(pattern);
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `the controller ${shortText(value)} is not a class or a file glob docgen can follow: its routes are not read`,
        value,
        "name the class (controllers: [UsersController]) or a glob under __dirname (__dirname + '/controllers/*.ts')",
      );
      return [];
    });
  }

  /**
   * The entries of a `controllers` option, in order: an array's elements, with what its spreads hold
   * (`[...v1Controllers, HealthController]`, a `const` array here or imported), a `const` holding the
   * list, and the lists of an object of them (`{ v1: [UsersController], v2: [UsersV2Controller] }`);
   * undefined where a part is computed at run time (`[...controllersFor(env)]`).
   */
  private listedControllers(node: TsNode, depth = 0): TsNode[] | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (depth > 8) return undefined; // a list that holds itself
    if (ts.Node.isIdentifier(value)) {
      const held = this.modules.follow(value)?.value;
      const list = held && unwrap(ts, held);
      // A `const` list is read for what it holds; a class name (or a glob's `const`) is one entry.
      return list && (ts.Node.isArrayLiteralExpression(list) || ts.Node.isObjectLiteralExpression(list))
        ? this.listedControllers(list, depth + 1)
        : [value];
    }
    const parts: TsNode[][] = [];
    if (ts.Node.isArrayLiteralExpression(value))
      for (const element of value.getElements()) {
        const inner = ts.Node.isSpreadElement(element)
          ? this.listedControllers(element.getExpression(), depth + 1)
          : [element];
        if (!inner) return undefined;
        parts.push(inner);
      }
    else if (ts.Node.isObjectLiteralExpression(value))
      for (const member of value.getProperties()) {
        const held = ts.Node.isPropertyAssignment(member)
          ? member.getInitializer()
          : ts.Node.isShorthandPropertyAssignment(member)
            ? member.getNameNode()
            : ts.Node.isSpreadAssignment(member)
              ? member.getExpression()
              : undefined;
        const inner = held && this.listedControllers(held, depth + 1);
        if (!inner) return undefined;
        parts.push(inner);
      }
    else return undefined;
    return parts.flat();
  }

  /** The controller classes of the files a glob matches. */
  private globClasses(pattern: string): ClassDeclaration[] {
    return globFiles(pattern).flatMap((file) => this.controllerClasses(this.modules.source(file)));
  }

  /** The controllers of `glob.sync(pattern)` / `globSync(pattern)` (the glob package), undefined for any other value. */
  private globCalled(node: TsNode): ClassDeclaration[] | undefined {
    const { ts } = this;
    if (!ts.Node.isCallExpression(node) || !/^(?:\w+\.)?(?:sync|globSync)$/.test(node.getExpression().getText()))
      return undefined;
    const [first] = node.getArguments();
    const pattern = first && this.globOf(first);
    return pattern === undefined ? undefined : this.globClasses(pattern);
  }

  /**
   * The absolute glob a controllers entry names: `__dirname`, strings, templates and `+` of them, and
   * `path.join` / `path.resolve` of such parts; a relative one is from the module's directory.
   */
  private globOf(node: TsNode): string | undefined {
    const { ts } = this;
    const here = dirname(node.getSourceFile().getFilePath());
    const part = (value: TsNode): string | undefined => {
      const bare = unwrap(ts, value);
      if (ts.Node.isIdentifier(bare) && bare.getText() === '__dirname') return here;
      if (ts.Node.isTemplateExpression(bare)) {
        let text = bare.getHead().getLiteralText();
        for (const span of bare.getTemplateSpans()) {
          const inner = part(span.getExpression());
          if (inner === undefined) return undefined;
          text += inner + span.getLiteral().getLiteralText();
        }
        return text;
      }
      if (ts.Node.isBinaryExpression(bare) && bare.getOperatorToken().getText() === '+') {
        const [left, right] = [part(bare.getLeft()), part(bare.getRight())];
        return left === undefined || right === undefined ? undefined : left + right;
      }
      if (ts.Node.isCallExpression(bare) && /(?:^|\.)(?:join|resolve)$/.test(bare.getExpression().getText())) {
        const parts = bare.getArguments().map(part);
        return parts.every((each) => each !== undefined) ? join(...(parts as string[])) : undefined;
      }
      return this.literal(bare);
    };
    const pattern = part(node);
    return pattern === undefined ? undefined : resolve(here, pattern);
  }

  /** The classes of a module decorated `@JsonController(…)` or `@Controller(…)` from routing-controllers. */
  private controllerClasses(source: SourceFile): ClassDeclaration[] {
    return source.getClasses().filter((cls) => this.controllerDecorator(cls) !== undefined);
  }

  private controllerDecorator(cls: ClassDeclaration): Decorator | undefined {
    return this.decorator(cls.getDecorators(), 'JsonController') ?? this.decorator(cls.getDecorators(), 'Controller');
  }

  /** A decorator of the package under one of its names (`@Get`, `@HttpCode`), as imported. */
  private decorator(decorators: Decorator[], name: string): Decorator | undefined {
    return decorators.find((decorator) => this.isOurs(decorator) && this.nameOf(decorator) === name);
  }

  /** The package's name for a decorator, under whatever name it is imported (`Post as HttpPost`: `Post`). */
  private nameOf(decorator: Decorator): string {
    const name = decorator.getName();
    for (const declaration of decorator.getSourceFile().getImportDeclarations()) {
      if (declaration.getModuleSpecifierValue() !== PACKAGE) continue;
      const named = declaration
        .getNamedImports()
        .find((each) => (each.getAliasNode()?.getText() ?? each.getName()) === name);
      if (named) return named.getName();
    }
    return name;
  }

  private isOurs(decorator: Decorator): boolean {
    const callee = decorator.getCallExpression()?.getExpression();
    return !!callee && this.ts.Node.isIdentifier(callee) && this.modules.packageOf(callee) === PACKAGE;
  }

  private controllerRoutes(cls: ClassDeclaration, prefix: string, defaults: ResultDefaults): Route[] {
    const controller = this.controllerDecorator(cls);
    if (!controller) return [];
    const pathNode = controller.getArguments()[0];
    const path = pathNode ? this.literal(pathNode) : '';
    if (path === undefined) {
      const example = "@JsonController('/users')";
      this.warnComputedDecorator(controller, controller.getName(), shortText(pathNode!), 'controller', example);
      return [];
    }
    const base = joinPaths(prefix, path);
    const classMiddleware = this.middleware(cls.getDecorators());
    return cls.getMethods().flatMap((method) => this.methodRoutes(method, base, classMiddleware, defaults));
  }

  /** `@UseBefore(auth, limit)` and `@Authorized('admin')`, as written, in order. */
  private middleware(decorators: Decorator[]): string[] {
    return decorators
      .filter((decorator) => this.isOurs(decorator) && ['UseBefore', 'Authorized'].includes(this.nameOf(decorator)))
      .flatMap((decorator) =>
        this.nameOf(decorator) === 'UseBefore'
          ? decorator
              .getArguments()
              .filter((arg) => !this.modules.isBodyParser(unwrap(this.ts, arg)))
              .map((arg) => shortText(arg))
          : [shortText(decorator.getCallExpression()!)],
      );
  }

  private methodRoutes(
    method: MethodDeclaration,
    base: string,
    classMiddleware: string[],
    defaults: ResultDefaults,
  ): Route[] {
    const routes: Route[] = [];
    for (const decorator of method.getDecorators()) {
      const name = this.nameOf(decorator);
      const verb = ROUTE_DECORATORS[name] ?? (name === 'Method' ? name : undefined);
      if (!verb || !this.isOurs(decorator)) continue;
      const args = decorator.getArguments();
      const [pathNode] = verb === 'Method' ? args.slice(1) : args;
      const httpMethod = verb === 'Method' ? this.literal(args[0])?.toUpperCase() : verb;
      const path = pathNode && !this.ts.Node.isObjectLiteralExpression(pathNode) ? this.literal(pathNode) : '';
      if (path === undefined || !httpMethod) {
        const shown = args.map((arg) => shortText(arg)).join(', ');
        this.warnComputedDecorator(decorator, name, shown, 'route', "@Get('/:id')");
        continue;
      }
      const full = joinPaths(base, path);
      routes.push({
        method: httpMethod,
        path: full,
        openapiPath: toOpenApiPath(full),
        middleware: [...classMiddleware, ...this.middleware(method.getDecorators())],
        statuses: this.statuses(method, defaults),
        summary: commentBefore(method),
        file: method.getSourceFile().getFilePath(),
        line: decorator.getStartLineNumber(),
      });
    }
    return routes;
  }

  /**
   * What a method answers with: `@HttpCode(201)`, else 200 (routing-controllers' default for every
   * method, POST too); `@OnUndefined(204)` and `@OnNull(404)` beside it (else the server's
   * `defaults: { undefinedResultCode, nullResultCode }`, as routing-controllers falls back to them); `@Redirect(url)` 302; the
   * errors it throws (the package's `NotFoundError` 404, or the project's, as every reader reads them);
   * and what it sets on a `@Res()` it takes.
   */
  private statuses(method: MethodDeclaration, defaults: ResultDefaults): number[] {
    const { ts } = this;
    const decorators = method.getDecorators().filter((decorator) => this.isOurs(decorator));
    const given = (name: string) =>
      decorators
        .filter((decorator) => this.nameOf(decorator) === name)
        .flatMap((decorator) => (decorator.getArguments()[0] ? statusCodes(ts, decorator.getArguments()[0]!) : []));
    const redirect = decorators.some((decorator) => this.nameOf(decorator) === 'Redirect') ? [302] : [];
    const code = given('HttpCode');
    const body = method.getBody();
    const set = body ? [...this.setStatuses(body), ...this.contextErrors(method, body)] : [];
    // What routing-controllers sends for the result itself, where the method does not answer on its own
    // `@Res()` nor redirect or render (which send whatever it returns).
    const byResult =
      !this.answersItself(method) && !decorators.some((each) => /^(Redirect|Render)$/.test(this.nameOf(each)));
    const resultDefault = !byResult || returnsValue(ts, method) ? this.answersDefault(method, set) : false;
    const codes = [
      ...(code.length ? code : redirect.length ? redirect : resultDefault ? [200] : []),
      ...set,
      ...(byResult ? this.resultStatuses(method, given, defaults) : [...given('OnUndefined'), ...given('OnNull')]),
      ...(body ? errorStatusesIn(ts, body, this.modules.errorClassStatus) : []),
    ];
    return [...new Set(codes)].filter((each) => each >= 100 && each <= 599).sort((a, b) => a - b);
  }

  /**
   * Whether a method answers with routing-controllers' default status on some path: one that sets no
   * status, or one where a value is returned (or sent on its `@Res()`) with no status set on the way,
   * as `implicitStatusesIn` judges Express's and Koa's handlers. Where every return follows a status
   * (`res.status(204); return res.send()` on each path), the default is not invented.
   */
  private answersDefault(method: MethodDeclaration, set: number[]): boolean {
    if (!set.length) return true;
    const response = method
      .getParameters()
      .find((parameter) => parameter.getDecorators().some((decorator) => /^(Res|Ctx)$/.test(this.nameOf(decorator))))
      ?.getName();
    if (!response) return false;
    return implicitStatusesIn(this.ts, method, response, ROUTING_CONTROLLERS_RESPONSE).length > 0;
  }

  /**
   * The statuses Koa's context raises on the `@Ctx()` a method takes: `ctx.throw(404)`,
   * `ctx.throw(400, 'bad')`, `ctx.assert(user, 401)` (the status after the value asserted).
   */
  private contextErrors(method: MethodDeclaration, body: TsNode): number[] {
    const { ts } = this;
    const context = method
      .getParameters()
      .find((parameter) => parameter.getDecorators().some((decorator) => this.nameOf(decorator) === 'Ctx'));
    const name = context && ts.Node.isIdentifier(context.getNameNode()) ? context.getName() : undefined;
    if (!name) return [];
    return body.getDescendantsOfKind(ts.SyntaxKind.CallExpression).flatMap((call) => {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== name) return [];
      const at = KOA_CONTEXT_ERRORS[callee.getName()];
      const status = at === undefined ? undefined : call.getArguments()[at];
      return status ? this.statusesOf(status) : [];
    });
  }

  /** `res.status(201)` / Koa's `ctx.status = 201` in a method that takes the response. */
  private setStatuses(body: TsNode): number[] {
    const { ts } = this;
    const codes: number[] = [];
    for (const node of body.getDescendants()) {
      if (ts.Node.isCallExpression(node)) {
        const callee = node.getExpression();
        if (ts.Node.isPropertyAccessExpression(callee) && ['status', 'sendStatus'].includes(callee.getName()))
          codes.push(...(node.getArguments()[0] ? this.statusesOf(node.getArguments()[0]!) : []));
      } else if (
        ts.Node.isBinaryExpression(node) &&
        node.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken &&
        /\.status$/.test(node.getLeft().getText())
      )
        codes.push(...this.statusesOf(node.getRight()));
    }
    return codes;
  }

  /** The statuses a value may be (`statusCodes`), or the member of a numeric enum of the project it names (`StatusCode.OK`). */
  private statusesOf(node: TsNode): number[] {
    const codes = statusCodes(this.ts, node);
    const named = codes.length ? undefined : this.modules.statusOf(node);
    return named === undefined ? codes : [named];
  }
}

/** Koa's context methods that raise an HTTP error, and the argument that is its status. */
const KOA_CONTEXT_ERRORS: Record<string, number> = { throw: 0, assert: 1 };
/** routing-controllers' answers to an undefined result (a `NotFoundError`) and to a null one, where nothing says otherwise. */
const NOT_FOUND = 404;
const NO_CONTENT = 204;

/** The statuses a server answers an undefined or null result with, where a method says none (`defaults`). */
interface ResultDefaults {
  undefinedResult: number[];
  nullResult: number[];
}

/** A method's own statuses, else the server's default for them. */
function orElse(own: number[], fallback: number[]): number[] {
  return own.length ? own : fallback;
}

/** A method's own `return` statements (not those of the functions inside it). */
function ownReturns(ts: TsMorph, method: MethodDeclaration): ReturnStatement[] {
  return method
    .getDescendantsOfKind(ts.SyntaxKind.ReturnStatement)
    .filter(
      (statement) => statement.getFirstAncestor((node) => isFunctionLike(ts, node) || node === method) === method,
    );
}

/**
 * Whether a method may end with no value, which routing-controllers answers with `undefinedResultCode`:
 * a bare `return;` or `return undefined`, or a way to the end of its body that neither returns nor throws.
 */
function mayReturnUndefined(ts: TsMorph, method: MethodDeclaration): boolean {
  const body = method.getBody();
  if (!body || !ts.Node.isBlock(body)) return false;
  const bare = ownReturns(ts, method).some((statement) => {
    const value = statement.getExpression();
    return !value || value.getText() === 'undefined';
  });
  return bare || !leaves(ts, body);
}

/** Whether every way through a statement ends in a `return` or a `throw`. */
function leaves(ts: TsMorph, statement: TsNode): boolean {
  if (ts.Node.isReturnStatement(statement) || ts.Node.isThrowStatement(statement)) return true;
  if (ts.Node.isBlock(statement)) {
    const last = statement.getStatements().at(-1);
    return last !== undefined && leaves(ts, last);
  }
  if (ts.Node.isIfStatement(statement)) {
    const otherwise = statement.getElseStatement();
    return otherwise !== undefined && leaves(ts, statement.getThenStatement()) && leaves(ts, otherwise);
  }
  if (ts.Node.isTryStatement(statement)) {
    const handler = statement.getCatchClause()?.getBlock();
    return leaves(ts, statement.getTryBlock()) && (handler === undefined || leaves(ts, handler));
  }
  return false;
}

/** Whether a method returns a value on some way through it (a `return` with one that is not `undefined`). */
function returnsValue(ts: TsMorph, method: MethodDeclaration): boolean {
  return ownReturns(ts, method).some((statement) => {
    const value = statement.getExpression();
    return value !== undefined && value.getText() !== 'undefined';
  });
}

/**
 * Whether a method may return null, which routing-controllers answers with `nullResultCode` (else 204):
 * a `null` it returns, or, unless `writtenOnly`, a value docgen cannot tell is not null (`return
 * this.users.findOne(id)`, as an ORM's lookup gives null for a missing row); not an object, array,
 * string, number or `new` it writes.
 */
function mayReturnNull(ts: TsMorph, method: MethodDeclaration, writtenOnly: boolean): boolean {
  return ownReturns(ts, method).some((statement) => {
    const value = statement.getExpression();
    return value !== undefined && mayBeNull(ts, value, writtenOnly);
  });
}

function mayBeNull(ts: TsMorph, node: TsNode, writtenOnly: boolean): boolean {
  const value = unwrap(ts, node);
  if (ts.Node.isConditionalExpression(value))
    return mayBeNull(ts, value.getWhenTrue(), writtenOnly) || mayBeNull(ts, value.getWhenFalse(), writtenOnly);
  if (ts.Node.isBinaryExpression(value) && ['??', '||'].includes(value.getOperatorToken().getText()))
    return mayBeNull(ts, value.getRight(), writtenOnly);
  if (value.getKind() === ts.SyntaxKind.NullKeyword) return true;
  if (writtenOnly) return false;
  return !(
    ts.Node.isObjectLiteralExpression(value) ||
    ts.Node.isArrayLiteralExpression(value) ||
    ts.Node.isStringLiteral(value) ||
    ts.Node.isNoSubstitutionTemplateLiteral(value) ||
    ts.Node.isTemplateExpression(value) ||
    ts.Node.isNumericLiteral(value) ||
    ts.Node.isNewExpression(value) ||
    value.getKind() === ts.SyntaxKind.TrueKeyword ||
    value.getKind() === ts.SyntaxKind.FalseKeyword ||
    value.getText() === 'undefined'
  );
}
