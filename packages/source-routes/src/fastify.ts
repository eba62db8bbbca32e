/**
 * The routes a Fastify app serves, read syntactically like the Express ones: from the app
 * `fastify()` makes (or the plugin an entry default-exports, as fastify-cli runs `app.ts`) through
 * `app.get(path, [options], handler)` / `app.route({ method, url, handler })` and every plugin
 * `app.register(plugin, { prefix })` loads, nested to any depth: inline, local, imported,
 * `import('./x')`, `require('./x')`, wrapped in fastify-plugin's `fp(…)`. A plugin is a function
 * `(fastify, opts)`: the routes are the calls on its first parameter. The FastifyReader walks the
 * app and its plugins; it hands `register()` to fastify-register, a route's registration to
 * fastify-route-options, hooks and decorations to fastify-hooks, and which instance a call is on to
 * fastify-instances.
 */
import type { CallExpression, Node as TsNode, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { DocgenError } from '@docgen/core';
import type { Route } from './model.js';
import { isFunction, type Declaration, type FunctionNode } from './modules.js';
import { withoutScopedMiddleware, withSentStatuses } from './scoped-middleware.js';
import { httpStatuses } from './answered-statuses.js';
import { ModuleReader } from './module-reader.js';
import { type Member } from './class-members.js';
import { callsInWrittenOrder, property, methodOf, unwrap, returnedBy } from './code-shapes.js';
import { type Handing } from './handing.js';
import { shortText } from './syntax.js';
import { handedAt, keptOn, classOf, classMethod, isOn, isOwn } from './fastify-instances.js';
import {
  decorated,
  assignedInHook,
  sharedHooks,
  guardsEveryRoute,
  addedHook,
  hookSends,
  HOOKS,
} from './fastify-hooks.js';
import { shorthand, routeOptions, statuses, type RouteSite } from './fastify-route-options.js';
import { register } from './fastify-register.js';

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
export const CHAINED = new Set([...REGISTRATIONS, ...SAME_INSTANCE]);
const AUTOLOAD = new Set(['@fastify/autoload', 'fastify-autoload']);
const PLUGIN_WRAPPERS = new Set(['fastify-plugin']);

/** Whether an entry imports Fastify (or a Fastify plugin package, as fastify-cli's `app.js` does). */
export function isFastifySource(text: string): boolean {
  return /(?:\bfrom\s+|\brequire\(\s*)['"](?:fastify|fastify-plugin|@fastify\/[\w.-]+)['"]/.test(text);
}

/** An instance routes are registered on: the app's `const`, a plugin's first parameter, or a class member (`this.app`). */
export type Instance = Declaration | Member;

export interface Context {
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
export interface DecorationScope {
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
export interface Hook {
  name: string;
  node: TsNode;
}

export class FastifyReader extends ModuleReader {
  /** `this.app = app` assignments already warned about. */
  readonly kept = new Set<TsNode>();
  protected override readonly sameInstance = new Set(SAME_INSTANCE);
  /**
   * Routes whose statuses wait for the whole app to be read: a plugin registered after a route (or in
   * a plugin read later) may decorate what its handler calls, as Fastify loads every plugin before serving.
   */
  readonly pending: PendingStatuses[] = [];
  /**
   * For a hook an `fp(…)` plugin adds to its parent, each time it is brought in: the `register()` calls that
   * do, outermost first, and the plugin scope the outermost is made in (whose routes, and its plugins', it runs for).
   */
  readonly registeredThrough = new WeakMap<
    CallExpression,
    Array<{ scope: DecorationScope; through: CallExpression[] }>
  >();

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
            body ? statuses(this, body) : { statuses: [] },
            hooks.flatMap((hook) => hookSends(this, hook)),
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
        ...calls.filter((call) => methodOf(ts, call) === 'addHook' || guardsEveryRoute(this, call)),
        ...sharedHooks(this, calls, path, context.scope),
      ]),
    ];
    const hooks = hookCalls.flatMap((call) => addedHook(this, call, context.scope));
    for (const call of calls) {
      const method = methodOf(ts, call)!;
      if (method === 'addHook') assignedInHook(this, call, context.scope);
      else if (DECORATIONS.has(method)) decorated(this, call, context.scope);
      else if (method === 'register') register(this, call, context, hookCalls, out, path);
      else if (method === 'route') routeOptions(this, call, context, hooks, out);
      else shorthand(this, call, method, context, hooks, out);
    }
  }

  /**
   * The registration calls on an instance within a function (or module), in the order they are
   * written, with those of the helpers it is handed to (`registerRoutes(fastify)`) where it is handed.
   */
  calls(instance: Instance, within: TsNode, path: Set<TsNode>): CallExpression[] {
    const { ts } = this;
    keptOn(this, instance, within);
    return callsInWrittenOrder(
      ts,
      within,
      (call) =>
        (REGISTRATIONS.has(methodOf(ts, call) ?? '') && isOn(this, call, instance)) ||
        handedAt(this, call, instance) >= 0,
    ).flatMap((call) => {
      const index = handedAt(this, call, instance);
      if (index < 0) return [call];
      const helper = this.helper(call, index);
      const parameter = helper?.getParameters()[index] as Declaration | undefined;
      if (!helper || !parameter || path.has(helper)) return [];
      return this.calls(parameter, helper, new Set(path).add(helper));
    });
  }

  /** The function of the project a call hands the instance to; one that cannot be read is a warning. */
  private helper(call: CallExpression, index: number): FunctionNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (this.handsToComputedRequire(call, index)) return undefined;
    if (ts.Node.isPropertyAccessExpression(callee)) {
      const method = this.method(callee.getExpression(), callee.getName());
      if (method) return method;
      if (isOwn(this, callee.getExpression()))
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
   * The method `receiver.name(…)` calls, when the project states it: a class's (on `new Routes()`, a
   * `const` made with `new`, the class itself for a static method, `this`; inherited ones too), an
   * object literal's, or a function a namespace import (`import * as routes from './routes'`) names.
   */
  private method(receiver: TsNode, name: string): FunctionNode | undefined {
    const { ts } = this;
    const value = unwrap(ts, receiver);
    const cls = classOf(this, value);
    if (cls) return classMethod(this, cls, name);
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

  readPlugin(
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

  /**
   * What `register` is given, as a function to read: inline, by name, imported, loaded, wrapped in
   * `fp(…)`, or made by a function of the project that returns it (`plugin('users')`: `made`).
   */
  plugin(
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

  /**
   * The route options a file autoload loads exports instead of a plugin: an object with a `method`
   * (`export default { method: 'GET', url: '/', handler }`, `module.exports = {…}`, or a `const` it
   * names), with the statement that exports it, whose comment and line are the route's. A list of
   * them is warned about: autoload loads one route's options, not a list, and skips the file.
   */
  routeObject(content: TsNode, file: string): { site: RouteSite; options: ObjectLiteralExpression } | undefined {
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

  /** `preHandler: [fastify.authenticate, requireRole('admin')]`, `onRequest: rateLimit` → each, by name as written. */
  hooks(options: ObjectLiteralExpression): Hook[] {
    const { ts } = this;
    return HOOKS.flatMap((hook) => {
      const value = property(ts, options, hook);
      if (!value) return [];
      const nodes = ts.Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
      return nodes.map((node) => ({ name: shortText(node), node }));
    });
  }

  /** An object literal, written inline or held by a `const` (`{ schema }`, `const opts = {…}`). */
  object(node: TsNode): ObjectLiteralExpression | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (ts.Node.isObjectLiteralExpression(value)) return value;
    const held = ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : undefined;
    return held && ts.Node.isObjectLiteralExpression(held) ? held : undefined;
  }
}

function rootScope(): DecorationScope {
  return { own: new Map() };
}

/** What `name` was decorated with in the nearest scope, from a route's own up to the app's, that decorates it. */
function visibleDecorations(scope: DecorationScope, name: string): TsNode[] {
  for (let at: DecorationScope | undefined = scope; at; at = at.parent) {
    const values = at.own.get(name);
    if (values?.length) return values;
  }
  return [];
}
