/**
 * awilix-express's routers of controllers: `app.use(controller(UsersApi))` (one controller or a list)
 * and `app.use('/api', loadControllers('routes/*.js', { cwd: __dirname }))` (every controller the
 * files of a glob export). A controller is a class decorated with awilix-router-core's decorators
 * (`@route('/users')` on the class, `@route('/:id')` and `@GET()` on a method, `@before([auth])`), or a
 * builder (`createController(makeUsersApi).prefix('/users').get('/:id', 'find', { before: [auth] })`)
 * naming the methods of what its target (a class, or a factory returning an object) makes. awilix
 * builds the target per request, with the services it takes from the container.
 */
import type {
  CallExpression,
  ClassDeclaration,
  Decorator,
  MethodDeclaration,
  Node as TsNode,
  PropertyAccessExpression,
  PropertyDeclaration,
} from 'ts-morph';
import { folderOf } from './autoload.js';
import { globFiles, joinFolder } from './glob.js';
import type { Modules } from './modules.js';
import { property, unwrap } from './code-shapes.js';
import { isPathLiteral, pathText, shortText, type TsMorph } from './syntax.js';

/** The packages whose decorators and builders an awilix-express controller is written with. */
const PACKAGES = new Set(['awilix-express', 'awilix-router-core']);
/** Verb decorators and builder methods → the method they serve. */
const VERBS: Record<string, string> = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
  OPTIONS: 'OPTIONS',
  CONNECT: 'CONNECT',
  ALL: 'ALL',
};

/** One route of a controller: its method, its path under the router, its middleware, and the function that answers. */
export interface ControllerRoute {
  method: string;
  path: string;
  middleware: string[];
  handler?: TsNode;
  /** Where it is declared: the method (its decorators), or the builder's method name (`.get`). */
  at: TsNode;
}

/** Said where a controller (or the files of a glob) cannot be read. */
export type Warn = (message: string, at: TsNode, hint: string) => void;

export class AwilixExpressControllers {
  constructor(
    private readonly ts: TsMorph,
    private readonly modules: Modules,
    private readonly warn: Warn,
  ) {}

  /**
   * The routes of the router a `use()` argument makes, when it is `controller(…)` or
   * `loadControllers(…)` of awilix-express; undefined for anything else.
   */
  routesOf(node: TsNode): ControllerRoute[] | undefined {
    const { ts } = this;
    const call = unwrap(ts, node);
    if (!ts.Node.isCallExpression(call)) return undefined;
    const callee = unwrap(ts, call.getExpression());
    const name = ts.Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    if ((name !== 'controller' && name !== 'loadControllers') || !PACKAGES.has(this.packageOf(callee) ?? ''))
      return undefined;
    if (name === 'loadControllers') return this.loaded(call);
    const [given] = call.getArguments();
    const value = given && unwrap(ts, given);
    const list = value && ts.Node.isArrayLiteralExpression(value) ? value.getElements() : value ? [value] : [];
    return list.flatMap((each) => this.controllerRoutes(each, call));
  }

  /** `loadControllers('routes/*.js', { cwd: __dirname })`: the controllers every file of the glob exports. */
  private loaded(call: CallExpression): ControllerRoute[] {
    const { ts } = this;
    const [patternNode, optionsNode] = call.getArguments();
    const pattern = patternNode && isPathLiteral(ts, patternNode) ? pathText(patternNode) : undefined;
    const options = optionsNode && unwrap(ts, optionsNode);
    const cwdNode = options && ts.Node.isObjectLiteralExpression(options) ? property(ts, options, 'cwd') : undefined;
    const cwd =
      cwdNode &&
      folderOf(
        ts,
        cwdNode,
        (node) => (isPathLiteral(ts, node) ? pathText(node) : undefined),
        (id) => (ts.Node.isIdentifier(id) ? this.modules.follow(id)?.value : undefined),
      );
    if (pattern === undefined || cwd === undefined) {
      const from =
        pattern === undefined
          ? `a glob computed at run time (${patternNode ? shortText(patternNode) : 'none given'})`
          : cwdNode
            ? `a folder computed at run time (${shortText(cwdNode)})`
            : 'the working directory of the process (no cwd)';
      this.warn(
        `loadControllers(…) loads controllers from ${from}: their routes are not read`,
        call,
        "give a literal glob and the module's folder: loadControllers('routes/*.js', { cwd: __dirname })",
      );
      return [];
    }
    const files = globFiles(joinFolder(cwd, pattern));
    if (!files.length)
      this.warn(
        `loadControllers('${pattern}', …): no file under ${cwd} matches, so no controller is read`,
        call,
        'check the glob and its cwd: awilix-express loads the files that match it when the app starts',
      );
    return files.flatMap((file) => this.exportedControllers(file).flatMap((each) => this.controllerRoutes(each, call)));
  }

  /** What a file exports that is a controller (a decorated class, or a builder), as awilix-express finds them. */
  private exportedControllers(file: string): TsNode[] {
    const { ts } = this;
    const names = [...this.modules.source(file).getExportedDeclarations().keys(), 'default'];
    const values = names.flatMap((name) => this.modules.exported(file, name)?.value ?? []);
    return [...new Set(values)].filter(
      (value) =>
        (ts.Node.isClassDeclaration(value) && this.routeDecorators(value).length > 0) ||
        this.builderCall(value) !== undefined,
    );
  }

  /** The routes of one controller: a decorated class, or a builder chain; a value docgen cannot follow is warned about. */
  private controllerRoutes(node: TsNode, site: CallExpression): ControllerRoute[] {
    const { ts } = this;
    let value: TsNode | undefined = unwrap(ts, node);
    if (ts.Node.isIdentifier(value)) value = this.modules.follow(value)?.value;
    else if (ts.Node.isPropertyAccessExpression(value)) {
      const file = this.modules.loaded(unwrap(ts, value.getExpression()));
      value = file ? this.modules.exported(file, value.getName())?.value : undefined;
    }
    if (value && ts.Node.isClassDeclaration(value)) return this.classRoutes(value);
    const builder = value && this.builderCall(value);
    if (builder) return this.builderRoutes(builder);
    this.warn(
      `${shortText(site)}: ${shortText(node)} is not a controller docgen can follow (a class with @route decorators, or createController(…)): its routes are not read`,
      site,
      'name the controller class or builder as exported from a module of the project',
    );
    return [];
  }

  /**
   * A decorated class's routes: each method with a verb decorator (`@GET()`, `@verbs([…])`), at the
   * class's `@route` paths and the method's, after the class's and the method's `@before` middleware.
   */
  private classRoutes(cls: ClassDeclaration): ControllerRoute[] {
    const decorators = cls.getDecorators();
    const root = { paths: this.ownPaths(decorators), verbs: [], before: this.before(decorators) };
    return rolledUp(
      root,
      this.handlers(cls).map(({ member, handler }) => {
        const own = member.getDecorators();
        return {
          config: { paths: this.ownPaths(own), verbs: this.verbs(own), before: this.before(own) },
          handler,
          at: member,
        };
      }),
    );
  }

  /** A class's methods, and its fields holding a function (`public find = async (req, res) => {…}`), with their decorators. */
  private handlers(cls: ClassDeclaration): Array<{ member: MethodDeclaration | PropertyDeclaration; handler: TsNode }> {
    const { ts } = this;
    const fields = cls.getProperties().flatMap((field) => {
      const init = field.getInitializer();
      const fn = init && unwrap(ts, init);
      return fn && (ts.Node.isArrowFunction(fn) || ts.Node.isFunctionExpression(fn))
        ? [{ member: field, handler: fn }]
        : [];
    });
    const methods = cls.getMethods().map((method) => ({ member: method, handler: method as TsNode }));
    // In the order written, as awilix-express registers them.
    return [...methods, ...fields].sort((a, b) => a.member.getStart() - b.member.getStart());
  }

  /** The decorators of the class that make it a controller: `@route` or a verb on it or its methods. */
  private routeDecorators(cls: ClassDeclaration): Decorator[] {
    return [cls, ...this.handlers(cls).map(({ member }) => member)]
      .flatMap((each) => each.getDecorators())
      .filter((decorator) => {
        const name = this.decoratorName(decorator);
        return name === 'route' || (name !== undefined && name in VERBS);
      });
  }

  /** The paths of `@route('/a')` decorators (several: each), in the order they are written. */
  private ownPaths(decorators: Decorator[]): string[] {
    return decorators
      .filter((decorator) => this.decoratorName(decorator) === 'route')
      .flatMap((decorator) => decorator.getArguments().slice(0, 1))
      .filter((arg) => isPathLiteral(this.ts, arg))
      .map((arg) => pathText(arg));
  }

  /** The methods the verb decorators name: `@GET()`, `@verbs([HttpVerbs.POST, HttpVerbs.PUT])`. */
  private verbs(decorators: Decorator[]): string[] {
    return decorators.flatMap((decorator) => {
      const name = this.decoratorName(decorator);
      if (name && VERBS[name]) return [VERBS[name]];
      if (name !== 'verbs') return [];
      const [list] = decorator.getArguments();
      return list ? verbList(this.ts, list) : [];
    });
  }

  /** `@before([auth, limit])`, `@before(auth)`: their middleware as written. */
  private before(decorators: Decorator[]): string[] {
    return decorators
      .filter((decorator) => this.decoratorName(decorator) === 'before')
      .flatMap((decorator) => middlewareList(this.ts, decorator.getArguments()[0]));
  }

  /** A decorator's name where it is awilix-express's (or awilix-router-core's), else undefined. */
  private decoratorName(decorator: Decorator): string | undefined {
    const { ts } = this;
    const expression = decorator.getCallExpression()?.getExpression() ?? decorator.getExpression();
    const root = ts.Node.isPropertyAccessExpression(expression) ? expression.getExpression() : expression;
    if (!ts.Node.isIdentifier(root) || !PACKAGES.has(this.packageOf(root) ?? '')) return undefined;
    return ts.Node.isPropertyAccessExpression(expression) ? expression.getName() : decorator.getName();
  }

  /** The outermost call of a `createController(…)` chain, where a value is one. */
  private builderCall(value: TsNode): CallExpression | undefined {
    const { ts } = this;
    let at = unwrap(ts, value);
    while (ts.Node.isCallExpression(at)) {
      const callee = unwrap(ts, at.getExpression());
      if (ts.Node.isPropertyAccessExpression(callee)) at = unwrap(ts, callee.getExpression());
      else
        return ts.Node.isIdentifier(callee) &&
          callee.getText() === 'createController' &&
          PACKAGES.has(this.packageOf(callee) ?? '')
          ? (unwrap(ts, value) as CallExpression)
          : undefined;
    }
    return undefined;
  }

  /**
   * A builder's routes: `createController(target)` then `.prefix('/users')` and `.before([auth])` (for
   * every route of the builder, wherever written), and `.get('/:id', 'find', { before: [limit] })` (or
   * `.verbs([HttpVerbs.GET], '/:id', 'find')`), each the method `find` of what `target` makes; calls
   * naming one method add to its paths and verbs, as awilix-router-core keeps one config a method.
   */
  private builderRoutes(outer: CallExpression): ControllerRoute[] {
    const { ts } = this;
    const calls: CallExpression[] = [];
    for (let at: TsNode = outer; ts.Node.isCallExpression(at);) {
      calls.unshift(at);
      const callee = unwrap(ts, at.getExpression());
      at = ts.Node.isPropertyAccessExpression(callee) ? unwrap(ts, callee.getExpression()) : callee;
    }
    const [create, ...links] = calls;
    const target = create?.getArguments()[0];
    const root: RouteConfig = { paths: [], verbs: [], before: [] };
    const methods = new Map<string, { config: RouteConfig; handler?: TsNode; at: TsNode }>();
    for (const link of links) {
      const access = unwrap(ts, link.getExpression()) as PropertyAccessExpression;
      const name = access.getName();
      const args = link.getArguments();
      if (name === 'prefix' && args[0] && isPathLiteral(ts, args[0])) root.paths.push(pathText(args[0]));
      else if (name === 'before') root.before.push(...middlewareList(ts, args[0]));
      else {
        const verbs = name === 'verbs' ? verbList(ts, args[0]) : VERBS[name.toUpperCase()] ? [name.toUpperCase()] : [];
        const [path, method, options] = name === 'verbs' ? args.slice(1) : args;
        const key = method && isPathLiteral(ts, method) ? pathText(method) : undefined;
        if (!verbs.length || !path || !isPathLiteral(ts, path) || key === undefined) continue;
        // In the chain, the line of its own method (`.get(`), not of the chain's start.
        const entry = methods.get(key) ?? {
          config: { paths: [], verbs: [], before: [] },
          handler: target && this.modules.memberMadeBy(target, key),
          at: access.getNameNode(),
        };
        const own = options && unwrap(ts, options);
        const before = own && ts.Node.isObjectLiteralExpression(own) ? property(ts, own, 'before') : undefined;
        entry.config.paths.push(pathText(path));
        entry.config.verbs.push(...verbs);
        entry.config.before.push(...middlewareList(ts, before));
        methods.set(key, entry);
      }
    }
    return rolledUp(root, [...methods.values()]);
  }

  /** The package a name is imported or `require()`d (and destructured) from. */
  private packageOf(node: TsNode): string | undefined {
    const { ts } = this;
    const root = ts.Node.isPropertyAccessExpression(node) ? unwrap(ts, node.getExpression()) : node;
    return ts.Node.isIdentifier(root) ? this.modules.loadedFrom(root) : undefined;
  }
}

/** What awilix-router-core keeps for a controller (its root) or one of its methods. */
interface RouteConfig {
  paths: string[];
  verbs: string[];
  before: string[];
}

/**
 * The routes of a controller as awilix-router-core rolls its configs up: each method's paths after
 * each of the root's, joined as strings (`'/users' + ':id'` is `/users:id`, as Express then matches
 * it), the root's alone where the method states none (and the method's where the root states none),
 * for each of its verbs, after the root's middleware and its own. A method with no path anywhere is
 * registered nowhere.
 */
function rolledUp(
  root: RouteConfig,
  methods: Array<{ config: RouteConfig; handler?: TsNode; at: TsNode }>,
): ControllerRoute[] {
  return methods.flatMap(({ config, handler, at }) => {
    const paths = !root.paths.length
      ? config.paths
      : !config.paths.length
        ? root.paths
        : root.paths.flatMap((prefix) => config.paths.map((path) => prefix + path));
    const middleware = [...root.before, ...config.before];
    const verbs = [...new Set(config.verbs)];
    return [...new Set(paths)].flatMap((path) => verbs.map((method) => ({ method, path, middleware, handler, at })));
  });
}

/** `[HttpVerbs.POST, 'PUT']` → `['POST', 'PUT']`. */
function verbList(ts: TsMorph, node: TsNode | undefined): string[] {
  const value = node && unwrap(ts, node);
  const elements = value && ts.Node.isArrayLiteralExpression(value) ? value.getElements() : value ? [value] : [];
  return elements
    .map((element) => (isPathLiteral(ts, element) ? pathText(element) : element.getText().split('.').pop()!))
    .map((verb) => verb.toUpperCase())
    .filter((verb) => verb in VERBS);
}

/** Middleware as written: `[auth, limit()]` → both, `auth` → one, nothing → none. */
function middlewareList(ts: TsMorph, node: TsNode | undefined): string[] {
  const value = node && unwrap(ts, node);
  if (!value) return [];
  return ts.Node.isArrayLiteralExpression(value) ? value.getElements().map(shortText) : [shortText(value)];
}
