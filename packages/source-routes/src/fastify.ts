/**
 * The routes a Fastify app serves, read syntactically like the Express ones: from the app
 * `fastify()` makes (or the plugin an entry default-exports, as fastify-cli runs `app.ts`) through
 * `app.get(path, [options], handler)` / `app.route({ method, url, handler })` and every plugin
 * `app.register(plugin, { prefix })` loads, nested to any depth: inline, local, imported,
 * `import('./x')`, `require('./x')`, wrapped in fastify-plugin's `fp(…)`. A plugin is a function
 * `(fastify, opts)`: the routes are the calls on its first parameter.
 */
import type {
  CallExpression,
  ClassDeclaration,
  Node as TsNode,
  ObjectLiteralExpression,
  PropertyAccessExpression,
  SourceFile,
} from 'ts-morph';
import { DocgenError } from '@docgen/core';
import type { Route } from './model.js';
import { fastifyConfigStatuses, fastifyHookStatuses, registeredPluginStatuses } from './known-middleware.js';
import {
  AUTOLOAD_DEFAULTS,
  autoloadedFiles,
  folderOf,
  isFolder,
  routeParamPrefix,
  type AutoloadOptions,
} from './autoload.js';
import { FASTIFY_RESPONSE } from './implicit.js';
import { isFunction, type Declaration, type FunctionNode } from './modules.js';
import { packageMountRoute } from './mounted-handlers.js';
import { withoutScopedMiddleware, withSentStatuses } from './scoped-middleware.js';
import { httpStatuses, answeredStatuses } from './answered-statuses.js';
import { ModuleReader } from './module-reader.js';
import { type Member } from './class-members.js';
import {
  callsInWrittenOrder,
  computedLoad,
  registrationComment,
  property,
  chainRoot,
  methodOf,
  unwrap,
  returnedBy,
} from './code-shapes.js';
import { type Handing } from './handing.js';
import {
  commentBefore,
  errorStatusesIn,
  isFunctionLike,
  isPathLiteral,
  joinPaths,
  joinStrictPaths,
  pathText,
  shortText,
  sensibleReplyStatus,
  type StatusSlots,
  statusCode,
  statusesIn,
  toOpenApiPath,
  type TsMorph,
} from './syntax.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
/** The calls on an instance that register something: chains of them return the instance. */
/**
 * Methods that return the instance they are called on: `withTypeProvider<…>()`, and Fastify's
 * chainable setters (`Fastify().addSchema(user).register(routes)`).
 */
const SAME_INSTANCE = [
  'withTypeProvider',
  'addSchema',
  'decorate',
  'decorateRequest',
  'decorateReply',
  'setErrorHandler',
  'setNotFoundHandler',
  'setValidatorCompiler',
  'setSerializerCompiler',
  'setReplySerializer',
  'addContentTypeParser',
];
/** The decorations a plugin scope makes: of the instance, and the request's and reply's (`decorateRequest('user', null)`). */
const DECORATIONS = new Set(['decorate', 'decorateRequest', 'decorateReply']);
const REGISTRATIONS = new Set([...METHODS, 'route', 'register', 'addHook', ...DECORATIONS]);
/**
 * What a chain of calls on an instance may go through and still be on it: registrations, and
 * `withTypeProvider<ZodTypeProvider>()`, which returns the same instance typed
 * (`app.withTypeProvider<ZodTypeProvider>().get(…)`, as fastify-type-provider-zod's docs write routes).
 */
const CHAINED = new Set([...REGISTRATIONS, ...SAME_INSTANCE]);
/** Route hooks that run before the handler: Fastify's middleware, shown in that column. */
const HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];
const AUTOLOAD = new Set(['@fastify/autoload', 'fastify-autoload']);
const PLUGIN_WRAPPERS = new Set(['fastify-plugin']);

/** Whether an entry imports Fastify (or a Fastify plugin package, as fastify-cli's `app.js` does). */
export function isFastifySource(text: string): boolean {
  return /(?:\bfrom\s+|\brequire\(\s*)['"](?:fastify|fastify-plugin|@fastify\/[\w.-]+)['"]/.test(text);
}

/** An instance routes are registered on: the app's `const`, a plugin's first parameter, or a class member (`this.app`). */
type Instance = Declaration | Member;

interface Context {
  instance: Instance;
  /** Where its registrations are written: the app's file, or the plugin function. */
  within: TsNode;
  prefix: string;
  scope: DecorationScope;
}

/**
 * One of Fastify's plugin contexts, for what its `decorate('name', value)` calls make: an encapsulated
 * plugin gets a scope of its own, which sees its parent's decorations but not its siblings'; a plugin
 * wrapped in fastify-plugin (or loaded by autoload with `encapsulate: false`) decorates its parent's.
 */
interface DecorationScope {
  parent?: DecorationScope;
  own: Map<string, TsNode[]>;
}

/** A route whose statuses are read once every plugin has been read, when its scope's decorations are all known. */
interface PendingStatuses {
  route: Route;
  body?: TsNode;
  /** The hooks that run before its handler, whose answers are its statuses too. */
  hooks: TsNode[];
  scope: DecorationScope;
}

/** A hook that runs before a route's handler (`onRequest`, `preHandler`…): as written, and the value it is. */
interface Hook {
  name: string;
  node: TsNode;
}

/** A response schema's key that names one status: `200`, `'404'` (not a range, `'2xx'`, nor `default`). */
const STATUS_KEY = /^[1-5]\d\d$/;

export class FastifyReader extends ModuleReader {
  /** `this.app = app` assignments already warned about. */
  private readonly kept = new Set<TsNode>();
  protected override readonly sameInstance = new Set(SAME_INSTANCE);
  /**
   * Routes whose statuses wait for the whole app to be read: a plugin registered after a route (or in
   * a plugin read later) may decorate what its handler calls, as Fastify loads every plugin before serving.
   */
  private readonly pending: PendingStatuses[] = [];

  /** The routes of the app `entry` makes (or the plugin it exports), in the order they are written. */
  routes(entry: string): Route[] {
    const source = this.modules.source(entry);
    const routes: Route[] = [];
    // `const app = Fastify()`, or `this.app = Fastify()` in a class, whose methods register on `this.app`.
    const kept = this.members(source, (init) => (this.createsApp(unwrap(this.ts, init)) ? {} : undefined));
    const apps: Instance[] = [...this.apps(source, source), ...kept.map(({ member }) => member)];
    // Each app on its own; an app a function of the project makes, first as the function makes it, then
    // as the entry goes on registering on it (`const fastify = createServer(); fastify.register(AutoLoad, …)`).
    const starts = apps.length ? apps.map((app) => [app]) : this.startedApps(source);
    for (const group of starts) {
      const scope = rootScope();
      for (const instance of group)
        this.read(
          { instance, within: 'cls' in instance ? instance.cls : instance.getSourceFile(), prefix: '', scope },
          [],
          routes,
        );
    }
    if (starts.length) return this.withStatuses(routes);
    // fastify-cli's `app.ts`: `export default async function (fastify, opts) {…}`, run by `fastify start`.
    const plugin = this.plugin(this.modules.exported(entry, 'default')?.value);
    if (plugin && plugin !== 'autoload') {
      this.readPlugin(plugin.fn, '', rootScope(), [], routes);
      return this.withStatuses(routes);
    }
    throw new DocgenError({
      code: 'DG_ROUTES_NO_APP',
      message: `no Fastify app, and no plugin exported, in ${entry}`,
      location: { file: entry },
      hint: 'the entry must create the app (`const app = Fastify()`) or default-export a plugin (`export default async function (fastify) {…}`)',
    });
  }

  /** The routes read, with the statuses of their handlers, each read with the decorations its plugin scope sees. */
  private withStatuses(routes: Route[]): Route[] {
    for (const { route, body, hooks, scope } of this.pending.splice(0)) {
      const declared = route.statuses;
      const answered = this.modules.withDecorations(
        (name) => visibleDecorations(scope, name),
        () =>
          withSentStatuses(
            body ? this.statuses(body) : { statuses: [] },
            hooks.flatMap((hook) => this.hookSends(hook)),
          ),
      );
      // The schema's response codes stand beside what the handler sends.
      Object.assign(route, answered, { statuses: httpStatuses([...declared, ...answered.statuses]) });
    }
    return withoutScopedMiddleware(routes);
  }

  /** `const app = Fastify({ logger: true })` (also `.withTypeProvider<…>()`) anywhere in `within`. */
  private apps(source: SourceFile, within: TsNode): Declaration[] {
    const { ts } = this;
    return within.getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration).filter((declaration) => {
      const init = declaration.getInitializer();
      return declaration.getSourceFile() === source && init !== undefined && this.createsApp(unwrap(ts, init));
    });
  }

  private createsApp(node: TsNode): boolean {
    const { ts } = this;
    if (!ts.Node.isCallExpression(node)) return false;
    const callee = node.getExpression();
    // `Fastify().withTypeProvider<…>()`, `Fastify().addSchema(user).register(routes, { prefix })`: still the app.
    if (ts.Node.isPropertyAccessExpression(callee) && CHAINED.has(callee.getName()))
      return this.createsApp(unwrap(ts, callee.getExpression()));
    if (/^require\(\s*['"]fastify['"]\s*\)$/.test(callee.getText())) return true;
    return ts.Node.isIdentifier(callee) && this.modules.packageOf(callee) === 'fastify';
  }

  /**
   * `const app = await buildApp(); app.listen(…)`: the app a function of the project makes, with the
   * name the entry keeps it in (registered on after the function made it: `app.register(AutoLoad, …)`).
   */
  private startedApps(source: SourceFile): Declaration[][] {
    const { ts } = this;
    const found = new Map<TsNode, Declaration[]>();
    for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen') continue;
      const target = callee.getExpression();
      const binding = ts.Node.isIdentifier(target) ? this.modules.bindingOf(target) : undefined;
      const declaration = binding?.declaration;
      const made = binding?.value;
      const factory = made && ts.Node.isCallExpression(made) ? made.getExpression() : undefined;
      const fn = factory && ts.Node.isIdentifier(factory) ? this.modules.follow(factory)?.value : undefined;
      if (!fn || !declaration || !isFunction(ts, fn) || found.has(declaration)) continue;
      const inner = this.apps(fn.getSourceFile(), fn);
      const kept = ts.Node.isVariableDeclaration(declaration) ? [declaration] : [];
      if (inner.length) found.set(declaration, [...inner, ...kept]);
    }
    return [...found.values()];
  }

  /** The registrations on one instance, in the order they are written; plugins are read where they are registered. */
  private read(context: Context, inherited: CallExpression[], out: Route[], path = new Set<TsNode>()): void {
    const { ts } = this;
    const calls = this.calls(context.instance, context.within, path);
    // `fastify.addHook('onRequest', authenticate)` applies to every route of the plugin and of the
    // plugins it registers, wherever it is written: Fastify attaches hooks once the plugin has loaded.
    // An `fp(…)` plugin's hooks are its parent's: they follow the parent's own.
    const hookCalls = [
      ...new Set([
        ...inherited,
        ...calls.filter((call) => methodOf(ts, call) === 'addHook' || this.guardsEveryRoute(call)),
        ...this.sharedHooks(calls, path),
      ]),
    ];
    const hooks = hookCalls.flatMap((call) => this.addedHook(call));
    for (const call of calls) {
      const method = methodOf(ts, call)!;
      if (method === 'addHook') this.assignedInHook(call, context.scope);
      else if (DECORATIONS.has(method)) this.decorated(call, context.scope);
      else if (method === 'register') this.register(call, context, hookCalls, out, path);
      else if (method === 'route') this.routeOptions(call, context, hooks, out);
      else this.shorthand(call, method, context, hooks, out);
    }
  }

  /**
   * `fastify.decorate('users', new UsersService())`, `decorateRequest('users', …)`: what the name stands
   * for in the scope it is made in. A placeholder (`decorateRequest('user', null)`, as Fastify asks
   * before a hook sets the value per request) stands for nothing: the hook's value is the one read.
   */
  private decorated(call: CallExpression, scope: DecorationScope): void {
    const [name, value] = call.getArguments();
    const key = name && this.literal(name);
    if (!key || !value || isPlaceholder(this.ts, value)) return;
    this.decorate(scope, key, value);
  }

  /**
   * `fastify.addHook('onRequest', async (request) => { request.users = new UsersService(); })` (or a
   * hook named, here or imported): each value the hook sets on the request (or reply) it is handed is
   * a decoration of the plugin scope the hook is added in, as Fastify runs the hook for that scope's
   * routes (an `fp(…)` plugin's, for its parent's), so `request.users.find(id)` in a route there is
   * that value's `find`.
   */
  private assignedInHook(call: CallExpression, scope: DecorationScope): void {
    const { ts } = this;
    const [, hook] = call.getArguments();
    const fn = hook && this.modules.functionOf(hook);
    if (!fn || !isFunction(ts, fn)) return;
    const handed = (fn as FunctionNode)
      .getParameters()
      .slice(0, 2)
      .map((parameter) => parameter.getName());
    for (const assignment of fn.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      const target = assignment.getLeft();
      if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
      if (!ts.Node.isPropertyAccessExpression(target) || !handed.includes(target.getExpression().getText())) continue;
      if (!isPlaceholder(ts, assignment.getRight())) this.decorate(scope, target.getName(), assignment.getRight());
    }
  }

  private decorate(scope: DecorationScope, key: string, value: TsNode): void {
    scope.own.set(key, [...(scope.own.get(key) ?? []), unwrap(this.ts, value)]);
  }

  /**
   * The registration calls on an instance within a function (or module), in the order they are
   * written, with those of the helpers it is handed to (`registerRoutes(fastify)`) where it is handed.
   */
  private calls(instance: Instance, within: TsNode, path: Set<TsNode>): CallExpression[] {
    const { ts } = this;
    this.keptOn(instance, within);
    return callsInWrittenOrder(
      ts,
      within,
      (call) =>
        (REGISTRATIONS.has(methodOf(ts, call) ?? '') && this.isOn(call, instance)) ||
        this.handedAt(call, instance) >= 0,
    ).flatMap((call) => {
      const index = this.handedAt(call, instance);
      if (index < 0) return [call];
      const helper = this.helper(call, index);
      const parameter = helper?.getParameters()[index] as Declaration | undefined;
      if (!helper || !parameter || path.has(helper)) return [];
      return this.calls(parameter, helper, new Set(path).add(helper));
    });
  }

  /**
   * Where a call hands the instance to a function (`registerRoutes(app)`, `require('./routes')(app)`)
   * or to a method (`new Routes().register(app)`, `registry.mount(app)`): its argument's index, else -1.
   */
  private handedAt(call: CallExpression, instance: Instance): number {
    const { ts } = this;
    const callee = call.getExpression();
    if (ts.Node.isPropertyAccessExpression(callee)) {
      // The instance's own methods (`app.register(…)`, `app.decorate('app', app)`) are Fastify's.
      const root = chainRoot(ts, callee.getExpression(), CHAINED);
      if (this.refersTo(root, instance)) return -1;
    }
    return call.getArguments().findIndex((arg) => this.refersTo(arg, instance));
  }

  /** The function of the project a call hands the instance to; one that cannot be read is a warning. */
  private helper(call: CallExpression, index: number): FunctionNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (this.handsToComputedRequire(call, index)) return undefined;
    if (ts.Node.isPropertyAccessExpression(callee)) {
      const method = this.method(callee.getExpression(), callee.getName());
      if (method) return method;
      if (this.isOwn(callee.getExpression()))
        this.warn(
          'DG_ROUTES_PLUGIN_UNREAD',
          `${shortText(call)} hands the instance (argument ${index + 1}) to a method docgen cannot follow: the routes it registers are not read`,
          call,
          'register the routes in a plugin (app.register(routes)), or in a class method called on `new Routes()` or on a `const` made with `new`',
        );
      return undefined;
    }
    const loaded = this.modules.loaded(callee);
    const value = this.modules.calleeValue(callee);
    if (value && isFunction(ts, value)) return value;
    if (loaded || (ts.Node.isIdentifier(callee) && this.isProjects(callee)))
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${shortText(call)} hands the instance (argument ${index + 1}) to what is not a function docgen can read: the routes it registers are not read`,
        call,
        'export the helper as a function: export function routes(app: FastifyInstance) {…}',
      );
    return undefined;
  }

  /**
   * `this.app = app`: the instance kept on an object, for other methods to register on; those
   * registrations are not followed, so the assignment is a warning (once).
   */
  private keptOn(instance: Instance, within: TsNode): void {
    const { ts } = this;
    for (const assignment of within.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      const right = unwrap(ts, assignment.getRight());
      if (
        assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken ||
        !ts.Node.isPropertyAccessExpression(assignment.getLeft()) ||
        assignment.getLeft().getText().replace(/\s+/g, '').startsWith('module.exports') ||
        !this.refersTo(right, instance) ||
        this.kept.has(assignment)
      )
        continue;
      this.kept.add(assignment);
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${shortText(assignment)} keeps the instance for later: the routes registered through ${shortText(assignment.getLeft())} are not read`,
        assignment,
        'register the routes on the instance where it is handed (register(app) { app.get(…) }), or in a plugin',
      );
    }
  }

  /**
   * The method `receiver.name(…)` calls, when the project states it: a class's (on `new Routes()`, a
   * `const` made with `new`, the class itself for a static method, `this`; inherited ones too), an
   * object literal's, or a function a namespace import (`import * as routes from './routes'`) names.
   */
  private method(receiver: TsNode, name: string): FunctionNode | undefined {
    const { ts } = this;
    const value = unwrap(ts, receiver);
    const cls = this.classOf(value);
    if (cls) return this.classMethod(cls, name);
    let held: TsNode | undefined;
    if (ts.Node.isIdentifier(value)) {
      const file = this.modules.namespaceFile(value);
      held = file ? this.modules.exported(file, name)?.value : this.modules.follow(value)?.value;
      if (file) return held && isFunction(ts, held) ? held : undefined;
    }
    const object = held && ts.Node.isObjectLiteralExpression(held) ? held : undefined;
    const found = object && property(ts, object, name);
    const fn = found && unwrap(ts, found);
    return fn && (isFunction(ts, fn) || ts.Node.isMethodDeclaration(fn)) ? (fn as FunctionNode) : undefined;
  }

  /** The class a value is an instance of (or is): `new Routes()`, `registry` (`= new Registry()`), `Routes`, `this`. */
  private classOf(node: TsNode | undefined, depth = 0): ClassDeclaration | undefined {
    const { ts } = this;
    if (!node || depth > 8) return undefined;
    const value = unwrap(ts, node);
    if (ts.Node.isClassDeclaration(value)) return value;
    if (value.getKind() === ts.SyntaxKind.ThisKeyword)
      return value.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration);
    if (ts.Node.isNewExpression(value)) return this.classOf(value.getExpression(), depth + 1);
    if (!ts.Node.isIdentifier(value)) return undefined;
    const local = value
      .getSourceFile()
      .getClasses()
      .find((candidate) => candidate.getName() === value.getText());
    if (local && !this.modules.bindingOf(value)) return local;
    const held = this.modules.follow(value)?.value;
    return held && (ts.Node.isNewExpression(held) || ts.Node.isClassDeclaration(held) || ts.Node.isIdentifier(held))
      ? this.classOf(held, depth + 1)
      : undefined;
  }

  /** A class's method (or arrow-function property) by name, its own or inherited (`extends Base`). */
  private classMethod(cls: ClassDeclaration, name: string, depth = 0): FunctionNode | undefined {
    const { ts } = this;
    for (const member of cls.getMembers()) {
      if (ts.Node.isMethodDeclaration(member) && member.getName() === name && member.getBody())
        return member as unknown as FunctionNode;
      const init =
        ts.Node.isPropertyDeclaration(member) && member.getName() === name ? member.getInitializer() : undefined;
      if (init && isFunction(ts, unwrap(ts, init))) return unwrap(ts, init) as FunctionNode;
    }
    const base = cls.getExtends()?.getExpression();
    const parent = depth < 8 && base ? this.classOf(base) : undefined;
    return parent ? this.classMethod(parent, name, depth + 1) : undefined;
  }

  /**
   * Whether a value is the project's own (a `const`, a parameter, `this`, a class, or a name imported
   * from the project), not a package's (`Sentry`) or a global (`console`): handing the instance to
   * one of its methods that docgen cannot follow is worth a warning.
   */
  private isOwn(node: TsNode, depth = 0): boolean {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (depth > 8) return false;
    if (value.getKind() === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.Node.isNewExpression(value) || ts.Node.isCallExpression(value) || ts.Node.isPropertyAccessExpression(value))
      return this.modules.loaded(value) !== undefined || this.isOwn(value.getExpression(), depth + 1);
    if (!ts.Node.isIdentifier(value)) return false;
    const specifier = this.modules.packageOf(value);
    if (specifier !== undefined)
      return this.modules.resolve(value.getSourceFile().getFilePath(), specifier) !== undefined;
    const binding = this.modules.bindingOf(value);
    if (binding)
      return !binding.value || this.isOwn(binding.value, depth + 1) || !ts.Node.isCallExpression(binding.value);
    return value
      .getSourceFile()
      .getClasses()
      .some((candidate) => candidate.getName() === value.getText());
  }

  /** The hooks the `fp(…)` plugins registered here add to this instance (and those they register in turn). */
  private sharedHooks(calls: CallExpression[], path: Set<TsNode>): CallExpression[] {
    const { ts } = this;
    return calls.flatMap((call) => {
      if (methodOf(ts, call) !== 'register') return [];
      const plugin = this.plugin(call.getArguments()[0]);
      if (!plugin || plugin === 'autoload' || !plugin.wrapped || path.has(plugin.fn)) return [];
      const [instance] = plugin.fn.getParameters() as unknown as Declaration[];
      if (!instance) return [];
      const inner = new Set(path).add(plugin.fn);
      const own = this.calls(instance, plugin.fn, inner);
      return [...own.filter((link) => methodOf(ts, link) === 'addHook'), ...this.sharedHooks(own, inner)];
    });
  }

  /** A registered plugin that guards every route of the instance (`app.register(rateLimit, { max: 100 })`), as a hook does. */
  private guardsEveryRoute(call: CallExpression): boolean {
    return (
      methodOf(this.ts, call) === 'register' && registeredPluginStatuses(this.ts, this.modules, call) !== undefined
    );
  }

  /**
   * `addHook('preHandler', fastify.authenticate)` → `fastify.authenticate`; other hooks (onSend, onError…) are not
   * middleware. A plugin that guards every route is one too, shown by its name (`rateLimit`).
   */
  private addedHook(call: CallExpression): Hook[] {
    if (this.guardsEveryRoute(call)) return [{ name: shortText(call.getArguments()[0]!), node: call }];
    if (methodOf(this.ts, call) !== 'addHook') return [];
    const [name, hook] = call.getArguments();
    const known = name && isPathLiteral(this.ts, name) && HOOKS.includes(pathText(name));
    return known && hook ? [{ name: shortText(hook), node: hook }] : [];
  }

  /**
   * What a hook of the project answers instead of passing the request on: `reply.code(401).send(…)`,
   * `reply.status(403)`, `throw fastify.httpErrors.unauthorized()`, `reply.forbidden()`, its errors
   * (inline, by name, a decoration, `fastify.authenticate`, or made by a factory of the project,
   * `requireRole('admin')` returning `async (request, reply) => …`: `Modules.madeMiddleware`), and what a
   * well-known plugin answers (`fastify.auth([…])` 401, `request.jwtVerify()` in it 401). Not the
   * status of what it only sends (`reply.send(err)`: the error's, which docgen cannot tell).
   */
  private hookSends(hook: TsNode): number[] {
    const { ts } = this;
    const value = unwrap(ts, hook);
    const registered = ts.Node.isCallExpression(value) && registeredPluginStatuses(ts, this.modules, value);
    if (registered) return registered;
    const fns = isFunctionLike(ts, value)
      ? [value]
      : ts.Node.isIdentifier(value)
        ? [this.modules.functionOf(value)]
        : ts.Node.isPropertyAccessExpression(value)
          ? [this.modules.functionOf(value) ?? this.modules.decoratedFunction(value)]
          : ts.Node.isCallExpression(value)
            ? this.modules.madeMiddleware(value)
            : [];
    const own = fns.filter((fn): fn is TsNode => fn !== undefined);
    // A plugin's hook (`fastify.csrfProtection`), or what a hook of the project calls of one (`request.jwtVerify()`).
    const plugins = fastifyHookStatuses(ts, this.modules, hook, own);
    return [...plugins, ...own.flatMap((fn) => this.statuses(fn, false).statuses)];
  }

  /** Whether `call` is made on `instance` (`app.get(…)`, `app.register(a).get(…)`), not on a name that shadows it. */
  private isOn(call: CallExpression, instance: Instance): boolean {
    const { ts } = this;
    const root = chainRoot(ts, (call.getExpression() as PropertyAccessExpression).getExpression(), CHAINED);
    if (this.refersTo(root, instance)) return true;
    // A registration chained on the call that makes the app: `const app = Fastify().register(routes)`.
    const init =
      !('cls' in instance) && ts.Node.isVariableDeclaration(instance) ? instance.getInitializer() : undefined;
    return !!init && ts.Node.isCallExpression(root) && chainRoot(ts, unwrap(ts, init), CHAINED) === root;
  }

  private readPlugin(
    fn: FunctionNode,
    prefix: string,
    scope: DecorationScope,
    middleware: CallExpression[],
    out: Route[],
    path = new Set<TsNode>(),
  ): void {
    if (path.has(fn)) return; // a plugin that registers itself
    const [instance] = fn.getParameters() as unknown as Declaration[];
    if (instance) this.read({ instance, within: fn, prefix, scope }, middleware, out, new Set(path).add(fn));
  }

  /** `app.register(plugin, { prefix: '/v1' })`: the plugin's routes under the prefix. */
  private register(
    call: CallExpression,
    { prefix, scope }: Context,
    middleware: CallExpression[],
    out: Route[],
    path: Set<TsNode>,
  ): void {
    const [pluginArg, optionsArg] = call.getArguments();
    const plugin = this.plugin(pluginArg);
    // In a chain (`server.register(cors).register(autoLoad, …)`), the line of its own `.register`.
    const location = this.registeredAt(call);
    if (plugin === 'autoload') {
      this.autoload(call, pluginArg!, optionsArg, prefix, scope, middleware, out, path);
      return;
    }
    // `register(require(path.join(__dirname, 'routes', file)))` in a loop over a folder: modules docgen cannot name.
    const computed = !plugin && pluginArg ? computedLoad(this.ts, pluginArg) : undefined;
    if (computed) {
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `register(${shortText(pluginArg!)}) loads a plugin from a path computed at run time (${shortText(computed)}): the routes it registers are not read`,
        location,
        "register each plugin by a literal path (app.register(require('./routes/users'))), or load the folder with @fastify/autoload",
      );
      return;
    }
    // `register(useMocks ? mockRoutes : routes)`: which plugin is served is decided at run time.
    const chosen = !plugin && pluginArg ? chosenAtRunTime(this.ts, pluginArg) : undefined;
    if (chosen) {
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `register(${shortText(pluginArg!)}) registers a plugin chosen at run time (${shortText(chosen)}): the routes it registers are not read`,
        location,
        'register each plugin in its own call (if (useMocks) app.register(mockRoutes); else app.register(routes)): docgen reads both',
      );
      return;
    }
    if (!plugin && pluginArg && this.packagePlugin(call, pluginArg, optionsArg, prefix, middleware, out)) return;
    if (!plugin) {
      const missing = pluginArg && this.isProjects(pluginArg) ? this.missing(pluginArg) : undefined;
      if (pluginArg && this.isProjects(pluginArg))
        this.warn(
          'DG_ROUTES_PLUGIN_UNREAD',
          missing
            ? `register(${shortText(pluginArg)}): no file of the project is found for '${missing}', its routes are not read`
            : `register(${shortText(pluginArg)}): the plugin is not a function docgen can read, its routes are not read`,
          location,
          missing
            ? 'check the import path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files)'
            : 'export the plugin as a function: export default async function (fastify) {…}',
        );
      return;
    }
    const options = optionsArg && this.object(optionsArg);
    const prefixNode = options && property(this.ts, options, 'prefix');
    const own = prefixNode && this.literal(prefixNode);
    if (prefixNode && own === undefined) {
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `register(…, { prefix: ${shortText(prefixNode)} }) mounts at a prefix computed at run time: the routes it registers are not read`,
        location,
        "register with a literal prefix ({ prefix: '/users' }) so docgen can follow it",
      );
      return;
    }
    // fastify-plugin shares its parent's context: Fastify ignores a `prefix` given to it.
    if (plugin.wrapped && own)
      this.warn(
        'DG_ROUTES_PREFIX_IGNORED',
        `register(…, { prefix: '${own}' }): the plugin is wrapped in fastify-plugin, so Fastify ignores the prefix; its routes are shown without it`,
        location,
        'drop fastify-plugin from route plugins (it is for decorators and hooks), or move the prefix into the routes',
      );
    // Wrapped, it shares its parent's context, decorations included; else it is a scope of its own.
    const read = () =>
      plugin.wrapped
        ? this.readPlugin(plugin.fn, prefix, scope, middleware, out, path)
        : this.readPlugin(plugin.fn, joinPaths(prefix, own ?? ''), childScope(scope), middleware, out, path);
    // A plugin a project function makes (`register(plugin('users'))`) is read with the values that call gives.
    if (plugin.made) this.whileHanded(plugin.made, read);
    else read();
  }

  /**
   * `app.register(autoload, { dir: join(__dirname, 'routes'), options: { prefix: '/api' } })`: every
   * plugin file of the folder, as @fastify/autoload registers them (`autoload.ts`), each under the
   * prefix of its folders, its own `autoPrefix` or `prefixOverride`, after `options.prefix`. What the
   * registration computes at run time (the folder, a filter function) is a warning.
   */
  private autoload(
    call: CallExpression,
    pluginArg: TsNode,
    optionsArg: TsNode | undefined,
    prefix: string,
    scope: DecorationScope,
    middleware: CallExpression[],
    out: Route[],
    path: Set<TsNode>,
  ): void {
    const { ts } = this;
    const location = this.registeredAt(call);
    const registered = `register(${shortText(pluginArg)})`;
    const options = optionsArg && this.object(optionsArg);
    const dirNode = options && property(ts, options, 'dir');
    const dir =
      dirNode &&
      folderOf(
        ts,
        dirNode,
        (node) => this.literal(node),
        (id) => (ts.Node.isIdentifier(id) ? this.modules.follow(id)?.value : undefined),
      );
    if (!options || !dirNode || dir === undefined) {
      this.warn(
        'DG_ROUTES_AUTOLOAD',
        `${registered} loads plugins from a folder computed at run time${dirNode ? ` (${shortText(dirNode)})` : ''}: the routes it loads are not read`,
        location,
        "name the folder from the module's own: { dir: join(__dirname, 'routes') }",
      );
      return;
    }
    if (!isFolder(dir)) {
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${registered}: no folder ${dir}, the routes it loads are not read`,
        location,
        'check the dir option: autoload fails at start on a folder that does not exist',
      );
      return;
    }
    const read = this.autoloadOptions(options, registered, location);
    if (!read) return;
    // Autoload shares its parent's context (as fastify-plugin does): a `prefix` beside `dir` is ignored.
    const ignored = this.literal(property(ts, options, 'prefix'));
    if (ignored)
      this.warn(
        'DG_ROUTES_PREFIX_IGNORED',
        `${registered}, { prefix: '${ignored}' }: Fastify ignores a prefix given to autoload itself; its routes are shown without it`,
        location,
        "give the plugins' prefix in autoload's options: { dir, options: { prefix: '/api' } }",
      );
    const { files, refused } = autoloadedFiles(dir, read.options);
    for (const folder of refused)
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${registered}: ${folder} has a package.json but no index file, which autoload refuses to load: its routes are not read`,
        location,
        'rename its main file to index.ts (or .js), as autoload asks',
      );
    for (const { file, prefix: folders, hooks } of files)
      this.autoloaded(
        file,
        folders,
        read,
        prefix,
        scope,
        [...middleware, ...this.autohooks(hooks, path)],
        out,
        path,
        location,
      );
  }

  /** Autoload's options as the registration states them; undefined (warned) where `options.prefix` is computed. */
  private autoloadOptions(
    options: ObjectLiteralExpression,
    registered: string,
    location: { file: string; line: number },
  ): { options: AutoloadOptions; prefix: string; encapsulate: boolean } | undefined {
    const { ts } = this;
    const read: AutoloadOptions = { ...AUTOLOAD_DEFAULTS };
    const computed: string[] = [];
    const pattern = (key: 'indexPattern' | 'autoHooksPattern' | 'ignorePattern') => {
      const node = property(ts, options, key);
      if (!node) return;
      const value = this.regExp(node) ?? this.literal(node);
      if (value === undefined) computed.push(key);
      else read[key] = typeof value === 'string' ? new RegExp(value) : value;
    };
    const filter = (key: 'matchFilter' | 'ignoreFilter') => {
      const node = property(ts, options, key);
      if (!node) return;
      const value = this.regExp(node) ?? this.literal(node);
      if (value === undefined) computed.push(key);
      else read[key] = value;
    };
    pattern('indexPattern');
    pattern('autoHooksPattern');
    pattern('ignorePattern');
    filter('matchFilter');
    filter('ignoreFilter');
    const flag = (key: string) => {
      const node = property(ts, options, key);
      const kind = node && unwrap(ts, node).getKind();
      return kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
    };
    const dirNames = property(ts, options, 'dirNameRoutePrefix');
    if (dirNames && flag('dirNameRoutePrefix') === undefined) computed.push('dirNameRoutePrefix');
    read.dirNameRoutePrefix = flag('dirNameRoutePrefix') ?? true;
    read.routeParams = flag('routeParams') ?? false;
    read.autoHooks = flag('autoHooks') ?? false;
    read.cascadeHooks = flag('cascadeHooks') ?? false;
    read.overwriteHooks = flag('overwriteHooks') ?? false;
    const depthNode = property(ts, options, 'maxDepth');
    const depth = depthNode && unwrap(ts, depthNode);
    if (depth && ts.Node.isNumericLiteral(depth)) read.maxDepth = Number(depth.getLiteralValue());
    else if (depth) computed.push('maxDepth');
    if (computed.length)
      this.warn(
        'DG_ROUTES_AUTOLOAD',
        `${registered}: ${computed.map((key) => `\`${key}\``).join(', ')} computed at run time: the folder is read without ${computed.length > 1 ? 'them' : 'it'} (every file, folder names as prefixes), and may show plugins autoload leaves out`,
        location,
        'write the option as a literal (a RegExp, a string, true or false) so docgen applies it',
      );
    // `options: { prefix: '/api' }` is handed to every plugin; `options: opts` (fastify-cli's template) hands on the parent's.
    const given = property(ts, options, 'options');
    const pluginOptions = given && this.object(given);
    const prefixNode = pluginOptions && property(ts, pluginOptions, 'prefix');
    const prefix = prefixNode ? this.literal(prefixNode) : '';
    if (prefix === undefined) {
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `${registered}, { options: { prefix: ${shortText(prefixNode!)} } } mounts at a prefix computed at run time: the routes it loads are not read`,
        location,
        "give a literal prefix ({ options: { prefix: '/api' } }) so docgen can follow it",
      );
      return undefined;
    }
    return { options: read, prefix: prefix.replace(/\/$/, ''), encapsulate: flag('encapsulate') ?? true };
  }

  /** A regular expression literal (`/^.*\.spec\.ts$/`), also held in a `const`. */
  private regExp(node: TsNode): RegExp | undefined {
    const { ts } = this;
    let value = unwrap(ts, node);
    if (ts.Node.isIdentifier(value)) value = this.modules.follow(value)?.value ?? value;
    if (!ts.Node.isRegularExpressionLiteral(value)) return undefined;
    const text = value.getText();
    const end = text.lastIndexOf('/');
    try {
      return new RegExp(text.slice(1, end), text.slice(end + 1));
    } catch {
      return undefined;
    }
  }

  /**
   * The hooks autohooks files add (`fastify.addHook('onRequest', fastify.authenticate)` in the plugin
   * each default-exports), which autoload registers before the plugins of their folder, in their context.
   */
  private autohooks(files: string[], path: Set<TsNode>): CallExpression[] {
    const { ts } = this;
    return files.flatMap((file) => {
      const plugin = this.plugin(this.modules.exported(file, 'default')?.value);
      if (!plugin || plugin === 'autoload' || path.has(plugin.fn)) return [];
      const [instance] = plugin.fn.getParameters() as unknown as Declaration[];
      if (!instance) return [];
      const inner = new Set(path).add(plugin.fn);
      return this.calls(instance, plugin.fn, inner).filter((call) => methodOf(ts, call) === 'addHook');
    });
  }

  /**
   * One file autoload loads: its default export (or `module.exports`) read as a plugin under the
   * prefix autoload gives it: `prefixOverride`, else `options.prefix` + (`autoPrefix` or the folders);
   * or, where it exports one route's options (`export default { method: 'GET', url: '/', handler }`),
   * that route under the same prefix, as autoload registers it. A file that says `autoload = false`,
   * or exports neither, is skipped, as autoload skips it.
   */
  private autoloaded(
    file: string,
    folders: string,
    read: { options: AutoloadOptions; prefix: string; encapsulate: boolean },
    prefix: string,
    scope: DecorationScope,
    middleware: CallExpression[],
    out: Route[],
    path: Set<TsNode>,
    location: { file: string; line: number },
  ): void {
    const exported = (name: string) => this.modules.exported(file, name)?.value;
    const content = exported('default');
    const routeObject = content && this.routeObject(content, file);
    const plugin = routeObject ? undefined : this.plugin(content);
    if (!routeObject && (!plugin || plugin === 'autoload')) return;
    const own = (key: string) =>
      exported(key) ?? (plugin && plugin !== 'autoload' ? this.assignedOn(plugin.fn, key) : undefined);
    const off = own('autoload');
    if (off && unwrap(this.ts, off).getKind() === this.ts.SyntaxKind.FalseKeyword) return;
    const overrideNode = own('prefixOverride');
    const autoPrefixNode = own('autoPrefix');
    const override = overrideNode && this.literal(overrideNode);
    const ownPrefix = autoPrefixNode && this.literal(autoPrefixNode);
    if ((overrideNode && override === undefined) || (autoPrefixNode && ownPrefix === undefined)) {
      this.warn(
        'DG_ROUTES_COMPUTED_MOUNT',
        `${file}: its ${overrideNode ? 'prefixOverride' : 'autoPrefix'} is computed at run time: the routes autoload loads from it are not read`,
        location,
        "export the prefix as a literal (export const autoPrefix = '/users')",
      );
      return;
    }
    const composed = override !== undefined ? override : read.prefix + (ownPrefix || folders).replace(/\/+/g, '/');
    const served = read.options.routeParams ? routeParamPrefix(composed) : composed;
    // `encapsulate: false` and fastify-plugin share the parent's context: Fastify ignores the prefix.
    const wrapped = !!plugin && plugin !== 'autoload' && plugin.wrapped;
    const shared = wrapped || !read.encapsulate;
    const under = shared ? prefix : joinPaths(prefix, served);
    const before = out.length;
    if (routeObject) {
      // Autoload wraps the options in a plugin of its own that calls `fastify.route(options)`.
      const hooks = middleware.flatMap((hook) => this.addedHook(hook));
      this.routeFrom(routeObject.site, routeObject.options, under, scope, hooks, out);
    } else if (plugin && plugin !== 'autoload') {
      const load = () => this.readPlugin(plugin.fn, under, shared ? scope : childScope(scope), middleware, out, path);
      if (plugin.made) this.whileHanded(plugin.made, load);
      else load();
    }
    if (shared && served && out.length > before)
      this.warn(
        'DG_ROUTES_PREFIX_IGNORED',
        `${file}: autoload gives it the prefix '${served}', which Fastify ignores (${wrapped ? 'the plugin is wrapped in fastify-plugin' : 'encapsulate: false'}); its routes are shown without it`,
        location,
        'drop fastify-plugin from route plugins (it is for decorators and hooks)',
      );
  }

  /** `plugin.autoPrefix = '/users'` (or `module.exports.autoPrefix`) written on the plugin function's name. */
  private assignedOn(fn: FunctionNode, key: string): TsNode | undefined {
    const { ts } = this;
    const name = ts.Node.isFunctionDeclaration(fn)
      ? fn.getName()
      : fn.getParentIfKind(ts.SyntaxKind.VariableDeclaration)?.getName();
    if (!name) return undefined;
    for (const assignment of fn.getSourceFile().getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      const left = assignment.getLeft().getText().replace(/\s+/g, '');
      if (assignment.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken && left === `${name}.${key}`)
        return assignment.getRight();
    }
    return undefined;
  }

  /**
   * A package's plugin registered under a literal `prefix` (`@fastify/static`) or `routePrefix`
   * (`@fastify/swagger-ui`): one row for what it serves there, its routes not read. Without one
   * (`register(cors)`), it serves nothing of its own to list.
   */
  private packagePlugin(
    call: CallExpression,
    pluginArg: TsNode,
    optionsArg: TsNode | undefined,
    prefix: string,
    middleware: CallExpression[],
    out: Route[],
  ): boolean {
    const pkg = this.modules.packageServing(unwrap(this.ts, pluginArg));
    const options = optionsArg && this.object(optionsArg);
    const at = options && (property(this.ts, options, 'prefix') ?? property(this.ts, options, 'routePrefix'));
    const own = at && this.literal(at);
    if (!pkg || !own) return false;
    const hooks = middleware.flatMap((hook) => this.addedHook(hook)).map((hook) => hook.name);
    out.push(packageMountRoute(call, joinPaths(prefix, own.replace(/\/+$/, '')), pluginArg, pkg, hooks));
    return true;
  }

  /**
   * What `register` is given, as a function to read: inline, by name, imported, loaded, wrapped in
   * `fp(…)`, or made by a function of the project that returns it (`plugin('users')`: `made`).
   */
  private plugin(
    node: TsNode | undefined,
    wrapped = false,
    depth = 0,
  ): { fn: FunctionNode; wrapped: boolean; made?: Handing } | 'autoload' | undefined {
    const { ts } = this;
    if (!node || depth > 8) return undefined;
    const value = unwrap(ts, node);
    if (isFunction(ts, value)) return { fn: value, wrapped };
    if (ts.Node.isIdentifier(value)) {
      if (AUTOLOAD.has(this.modules.packageOf(value) ?? '')) return 'autoload';
      return this.plugin(this.modules.follow(value)?.value, wrapped, depth + 1);
    }
    // `require('./routes').default`, `(await import('./routes')).usersRoutes`
    if (ts.Node.isPropertyAccessExpression(value)) {
      const file = this.modules.loaded(unwrap(ts, value.getExpression()));
      return file ? this.plugin(this.modules.exported(file, value.getName())?.value, wrapped, depth + 1) : undefined;
    }
    if (!ts.Node.isCallExpression(value)) return undefined;
    // `app.register(import('@fastify/autoload'), { dir })`, as fastify's own examples load it.
    if (AUTOLOAD.has(this.modules.loadedSpecifier(value) ?? '')) return 'autoload';
    const loaded = this.modules.loaded(value); // `import('./routes/users.js')`, `require('./routes/users')`
    if (loaded) return this.plugin(this.modules.exported(loaded, 'default')?.value, wrapped, depth + 1);
    const callee = value.getExpression();
    if (ts.Node.isIdentifier(callee) && PLUGIN_WRAPPERS.has(this.modules.packageOf(callee) ?? ''))
      return this.plugin(value.getArguments()[0], true, depth + 1);
    return this.madePlugin(value, wrapped, depth);
  }

  /**
   * `plugin('users')` (or `plugins.make('users')`, a method of the project's module or object), where `plugin` is a function of the project that returns the plugin
   * (`function plugin(name) { return async (app) => { app.get(`/${name}`, …) } }`): the plugin it
   * returns, read with the values that call gives the function's parameters, each call its own.
   */
  private madePlugin(
    call: CallExpression,
    wrapped: boolean,
    depth: number,
  ): { fn: FunctionNode; wrapped: boolean; made?: Handing } | undefined {
    const fn = this.calledFunction(call);
    if (!fn) return undefined;
    const made: Handing = { call, fn, outer: this.handing };
    for (const returned of returnedBy(this.ts, fn)) {
      // Read while handed this call, so a factory's call inside `fn` (`return plugin(name)`) hands on its values.
      const plugin = this.whileHanded(made, () => this.plugin(returned, wrapped, depth + 1));
      if (plugin && plugin !== 'autoload') return { ...plugin, made: plugin.made ?? made };
    }
    return undefined;
  }

  /** `app.get('/x', handler)`, `app.get('/x', { schema, preHandler }, handler)`, `app.get('/x', { handler })`. */
  private shorthand(
    call: CallExpression,
    method: string,
    { prefix, scope }: Context,
    middleware: Hook[],
    out: Route[],
  ): void {
    const args = call.getArguments();
    const [path, second] = args;
    const at = this.literal(path);
    if (!path || at === undefined) {
      if (path) this.computedPath(call, path);
      return;
    }
    const inline = second && this.object(second);
    const options = args.length >= 3 || (inline && property(this.ts, inline, 'handler')) ? inline : undefined;
    const handler = args.length >= 3 ? args[args.length - 1] : options ? property(this.ts, options, 'handler') : second;
    this.add(call, [method.toUpperCase()], joinStrictPaths(prefix, at), options, handler, scope, middleware, out);
  }

  /** `app.route({ method: ['GET', 'HEAD'], url: '/x', schema, handler })`. */
  private routeOptions(call: CallExpression, { prefix, scope }: Context, middleware: Hook[], out: Route[]): void {
    const [arg] = call.getArguments();
    const options = arg && this.object(arg);
    if (!options) {
      if (arg) this.computedPath(call, arg);
      return;
    }
    this.routeFrom(call, options, prefix, scope, middleware, out);
  }

  /** The route a `route()` call's options, or a file autoload loads, state: `{ method, url | path, handler }`. */
  private routeFrom(
    site: RouteSite,
    options: ObjectLiteralExpression,
    prefix: string,
    scope: DecorationScope,
    middleware: Hook[],
    out: Route[],
  ): void {
    const { ts } = this;
    const url = property(ts, options, 'url') ?? property(ts, options, 'path');
    const at = this.literal(url);
    if (!url || at === undefined) {
      if (ts.Node.isCallExpression(site)) this.computedPath(site, url ?? options);
      else
        this.warn(
          'DG_ROUTES_COMPUTED_PATH',
          `${site.getSourceFile().getFilePath()}: the route options it exports have a url computed at run time${url ? ` (${shortText(url)})` : ''}: the route is not read`,
          { file: site.getSourceFile().getFilePath(), line: options.getStartLineNumber() },
          "give the route a literal url: export default { method: 'GET', url: '/', handler }",
        );
      return;
    }
    const method = property(ts, options, 'method');
    const list = method && ts.Node.isArrayLiteralExpression(method) ? method.getElements() : method ? [method] : [];
    const methods = list.filter((node) => isPathLiteral(ts, node)).map((node) => pathText(node).toUpperCase());
    const handler = property(ts, options, 'handler');
    this.add(site, methods, joinStrictPaths(prefix, at), options, handler, scope, middleware, out);
  }

  /**
   * The route options a file autoload loads exports instead of a plugin: an object with a `method`
   * (`export default { method: 'GET', url: '/', handler }`, `module.exports = {…}`, or a `const` it
   * names), with the statement that exports it, whose comment and line are the route's. A list of
   * them is warned about: autoload loads one route's options, not a list, and skips the file.
   */
  private routeObject(
    content: TsNode,
    file: string,
  ): { site: RouteSite; options: ObjectLiteralExpression } | undefined {
    const { ts } = this;
    const options = this.object(content);
    if (options && property(ts, options, 'method')) return { site: options, options };
    const value = unwrap(ts, content);
    const held = ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : value;
    const list = held && ts.Node.isArrayLiteralExpression(held) ? held.getElements() : [];
    const isRoute = (element: TsNode) => {
      const object = this.object(element);
      return !!object && property(ts, object, 'method') !== undefined;
    };
    if (list.some(isRoute))
      this.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        `${file} exports a list of route options, which autoload does not load (it loads a plugin, or one route's options): its routes are not served`,
        { file, line: held!.getStartLineNumber() },
        'export a plugin that registers them (export default async function (fastify) { for (const route of routes) fastify.route(route) }), or one route per file',
      );
    return undefined;
  }

  /**
   * What a handler answers with a literal: `reply.code(201)`, `reply.status(204)`, and
   * `reply.redirect(url)` (302, or the code given beside the URL: `redirect(url, 301)` in Fastify 5,
   * `redirect(301, url)` before).
   */
  private statuses(body: TsNode, sendsDefault = true): Pick<Route, 'statuses' | 'computedStatuses'> {
    return answeredStatuses(
      this.ts,
      this.modules,
      body,
      1,
      (each) => this.literalStatuses(each),
      FASTIFY_STATUS_SLOTS,
      sendsDefault ? FASTIFY_RESPONSE : undefined,
    );
  }

  private literalStatuses(body: TsNode): number[] {
    const { ts } = this;
    // What it sets, and the errors it throws (`throw new AppError('Not found', 404)`), which Fastify answers with their status.
    const codes = [
      ...statusesIn(ts, body, ['code', 'status']),
      ...errorStatusesIn(ts, body, this.modules.errorClassStatus),
    ];
    // @fastify/sensible's `reply.notFound()`, `reply.badRequest('…')` on the reply the handler takes.
    const reply = isFunction(ts, body) ? (body as FunctionNode).getParameters()[1]?.getName() : undefined;
    for (const call of reply ? body.getDescendantsOfKind(ts.SyntaxKind.CallExpression) : []) {
      const sent = sensibleReplyStatus(ts, call, reply!);
      if (sent !== undefined) codes.push(sent);
    }
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      if (methodOf(ts, call) !== 'redirect') continue;
      const given = call.getArguments().find((arg) => ts.Node.isNumericLiteral(arg));
      codes.push(given ? (statusCode(ts, given) ?? 302) : 302);
    }
    return codes;
  }

  private add(
    site: RouteSite,
    methods: string[],
    path: string,
    options: ObjectLiteralExpression | undefined,
    handler: TsNode | undefined,
    scope: DecorationScope,
    middleware: Hook[],
    out: Route[],
  ): void {
    const body = handler && this.routeHandler(handler);
    const hooks = [...middleware, ...(options ? this.hooks(options) : [])];
    const summary = this.siteComment(site) ?? (options && this.schemaSummary(options));
    // The schema's response codes, and what a plugin the route's `config` turns on answers (`config.rateLimit`: 429).
    const config = options && property(this.ts, options, 'config');
    const declared = [
      ...(options ? this.schemaStatuses(options) : []),
      ...fastifyConfigStatuses(this.ts, this.modules, config && this.object(config)),
    ];
    for (const method of methods) {
      const route: Route = {
        method,
        path,
        openapiPath: toOpenApiPath(path),
        middleware: hooks.map((hook) => hook.name),
        statuses: [...declared],
        summary,
        ...this.siteAt(site),
      };
      out.push(route);
      if (body || hooks.length) this.pending.push({ route, body, hooks: hooks.map((hook) => hook.node), scope });
    }
  }

  /** The comment above a registration, or above the statement that exports a file's route options. */
  private siteComment(site: RouteSite): string | undefined {
    const { ts } = this;
    if (ts.Node.isCallExpression(site)) return registrationComment(ts, site);
    const statement = site.getFirstAncestor(
      (node) => ts.Node.isStatement(node) && ts.Node.isSourceFile(node.getParent()),
    );
    return statement && commentBefore(statement);
  }

  /** Where a route is registered: the call's method name, or the route options' object. */
  private siteAt(site: RouteSite): { file: string; line: number } {
    return this.ts.Node.isCallExpression(site)
      ? this.registeredAt(site)
      : { file: site.getSourceFile().getFilePath(), line: site.getStartLineNumber() };
  }

  /** A route's `schema.summary`, else its `schema.description` (what @fastify/swagger shows). */
  private schemaSummary(options: ObjectLiteralExpression): string | undefined {
    const schemaNode = property(this.ts, options, 'schema');
    const schema = schemaNode && this.object(schemaNode);
    for (const key of ['summary', 'description']) {
      const text = schema && this.literal(property(this.ts, schema, key));
      if (text) return text.replace(/\s+/g, ' ').trim();
    }
    return undefined;
  }

  /**
   * The statuses a route's `schema.response` declares (`{ 200: user, 404: notFound }`, the schema or its
   * `response` held in a `const`, here or imported): Fastify serializes the reply by the schema of the
   * code sent, so each is a status the route answers with. Ranges (`'2xx'`) and `default` name no one status.
   */
  private schemaStatuses(options: ObjectLiteralExpression): number[] {
    const { ts } = this;
    const schemaNode = property(ts, options, 'schema');
    const schema = schemaNode && this.object(schemaNode);
    const responseNode = schema && property(ts, schema, 'response');
    const response = responseNode && this.object(responseNode);
    return response ? httpStatuses(this.responseKeys(response)) : [];
  }

  /** The statuses a response schema's keys name, with those of the objects it spreads (`{ ...errorResponses, 200: user }`). */
  private responseKeys(response: ObjectLiteralExpression, depth = 0): number[] {
    const { ts } = this;
    return response.getProperties().flatMap((entry) => {
      if (ts.Node.isSpreadAssignment(entry)) {
        const spread = depth < 4 ? this.object(entry.getExpression()) : undefined;
        return spread ? this.responseKeys(spread, depth + 1) : [];
      }
      const name = this.statusKey(entry);
      return name !== undefined && STATUS_KEY.test(name) ? [Number(name)] : [];
    });
  }

  /** The key of a response schema's entry as written: `200`, `'404'`, or a status name, `[StatusCodes.OK]`. */
  private statusKey(entry: TsNode): string | undefined {
    const { ts } = this;
    if (!ts.Node.isPropertyAssignment(entry)) return undefined;
    const key = entry.getNameNode();
    if (ts.Node.isComputedPropertyName(key)) {
      const code = statusCode(ts, key.getExpression());
      return code === undefined ? undefined : String(code);
    }
    return ts.Node.isStringLiteral(key) || ts.Node.isNumericLiteral(key) ? key.getLiteralText() : undefined;
  }

  /** `preHandler: [fastify.authenticate, requireRole('admin')]`, `onRequest: rateLimit` → each, by name as written. */
  private hooks(options: ObjectLiteralExpression): Hook[] {
    const { ts } = this;
    return HOOKS.flatMap((hook) => {
      const value = property(ts, options, hook);
      if (!value) return [];
      const nodes = ts.Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
      return nodes.map((node) => ({ name: shortText(node), node }));
    });
  }

  /** An object literal, written inline or held by a `const` (`{ schema }`, `const opts = {…}`). */
  private object(node: TsNode): ObjectLiteralExpression | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (ts.Node.isObjectLiteralExpression(value)) return value;
    const held = ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : undefined;
    return held && ts.Node.isObjectLiteralExpression(held) ? held : undefined;
  }

  private computedPath(call: CallExpression, node: TsNode): void {
    this.warn(
      'DG_ROUTES_COMPUTED_PATH',
      `${methodOf(this.ts, call)}(${shortText(node)}, …) registers a route whose path is computed at run time: it is not read`,
      { file: call.getSourceFile().getFilePath(), line: call.getStartLineNumber() },
      "register it with a literal path (app.get('/users/:id', …)) so docgen can read it",
    );
  }
}

function rootScope(): DecorationScope {
  return { own: new Map() };
}

/** `null`, `undefined`: what a decoration is declared with before a hook sets it. */
function isPlaceholder(ts: TsMorph, node: TsNode): boolean {
  const value = unwrap(ts, node);
  return value.getKind() === ts.SyntaxKind.NullKeyword || value.getText() === 'undefined';
}

function childScope(parent: DecorationScope): DecorationScope {
  return { parent, own: new Map() };
}

/** What `name` was decorated with in the nearest scope, from a route's own up to the app's, that decorates it. */
function visibleDecorations(scope: DecorationScope, name: string): TsNode[] {
  for (let at: DecorationScope | undefined = scope; at; at = at.parent) {
    const values = at.own.get(name);
    if (values?.length) return values;
  }
  return [];
}

/** What registers a route: a call (`app.get(…)`, `app.route({…})`), or the options object a file autoload loads exports. */
type RouteSite = CallExpression | ObjectLiteralExpression;

/** Where a Fastify handler states a status: `reply.code(x)`, `reply.status(x)`. */
const FASTIFY_STATUS_SLOTS: StatusSlots = { calls: { code: 0, status: 0 } };

/**
 * The choice in a plugin argument picked at run time (`cond ? a : b`, `a || b`, `a ?? b`, also
 * awaited, in parentheses or under `as`), which no single plugin stands for.
 */
function chosenAtRunTime(ts: TsMorph, node: TsNode): TsNode | undefined {
  const value = unwrap(ts, node);
  if (ts.Node.isConditionalExpression(value)) return value.getCondition();
  if (ts.Node.isBinaryExpression(value) && ['||', '??'].includes(value.getOperatorToken().getText())) return value;
  return undefined;
}
