/**
 * Fastify's hooks and decorations: `addHook('preHandler', …)` and route hooks as the middleware of a route,
 * what they answer instead of passing the request on, `decorate(…)`'d names, the hooks fp(…) plugins share,
 * and registered plugins that guard every route (`@fastify/rate-limit`).
 */
import type { DecorationScope, FastifyReader, Hook } from './fastify.js';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { fastifyHookStatuses, registeredPluginStatuses } from './known-middleware.js';
import { isFunction, type Declaration, type FunctionNode } from './modules.js';
import { methodOf, unwrap } from './code-shapes.js';
import { isFunctionLike, isPathLiteral, pathText, shortText, type TsMorph } from './syntax.js';
import { statuses } from './fastify-route-options.js';
import { conditionalName, isConditional } from './scoped-middleware.js';

/**
 * `fastify.decorate('users', new UsersService())`, `decorateRequest('users', …)`: what the name stands
 * for in the scope it is made in. A placeholder (`decorateRequest('user', null)`, as Fastify asks
 * before a hook sets the value per request) stands for nothing: the hook's value is the one read.
 */
export function decorated(reader: FastifyReader, call: CallExpression, scope: DecorationScope): void {
  const [name, value] = call.getArguments();
  const key = name && reader.literal(name);
  if (!key || !value || isPlaceholder(reader.ts, value)) return;
  decorate(reader, scope, key, value);
}

/**
 * `fastify.addHook('onRequest', async (request) => { request.users = new UsersService(); })` (or a
 * hook named, here or imported): each value the hook sets on the request (or reply) it is handed is
 * a decoration of the plugin scope the hook is added in, as Fastify runs the hook for that scope's
 * routes (an `fp(…)` plugin's, for its parent's), so `request.users.find(id)` in a route there is
 * that value's `find`.
 */
export function assignedInHook(reader: FastifyReader, call: CallExpression, scope: DecorationScope): void {
  const { ts } = reader;
  const [, hook] = call.getArguments();
  const fn = hook && reader.modules.functionOf(hook);
  if (!fn || !isFunction(ts, fn)) return;
  const handed = (fn as FunctionNode)
    .getParameters()
    .slice(0, 2)
    .map((parameter) => parameter.getName());
  for (const assignment of fn.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    const target = assignment.getLeft();
    if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    if (!ts.Node.isPropertyAccessExpression(target) || !handed.includes(target.getExpression().getText())) continue;
    if (!isPlaceholder(ts, assignment.getRight())) decorate(reader, scope, target.getName(), assignment.getRight());
  }
}

export function decorate(reader: FastifyReader, scope: DecorationScope, key: string, value: TsNode): void {
  scope.own.set(key, [...(scope.own.get(key) ?? []), unwrap(reader.ts, value)]);
}

/**
 * The hooks the `fp(…)` plugins registered here add to this instance (and those they register in turn),
 * each with the `register()` calls that bring it in and the plugin scope they are made in
 * (`reader.registeredThrough`), for the conditions they are under.
 */
export function sharedHooks(
  reader: FastifyReader,
  calls: CallExpression[],
  path: Set<TsNode>,
  scope: DecorationScope,
  through: CallExpression[] = [],
): CallExpression[] {
  const { ts } = reader;
  return calls.flatMap((call) => {
    if (methodOf(ts, call) !== 'register') return [];
    const plugin = reader.plugin(call.getArguments()[0]);
    if (!plugin || plugin === 'autoload' || !plugin.wrapped || path.has(plugin.fn)) return [];
    const [instance] = plugin.fn.getParameters() as unknown as Declaration[];
    if (!instance) return [];
    const inner = new Set(path).add(plugin.fn);
    const own = reader.calls(instance, plugin.fn, inner);
    const registers = [...through, call];
    const hooks = own.filter((link) => methodOf(ts, link) === 'addHook');
    for (const hook of hooks)
      reader.registeredThrough.set(hook, [
        ...(reader.registeredThrough.get(hook) ?? []),
        { scope, through: registers },
      ]);
    return [...hooks, ...sharedHooks(reader, own, inner, scope, registers)];
  });
}

/** A registered plugin that guards every route of the instance (`app.register(rateLimit, { max: 100 })`), as a hook does. */
export function guardsEveryRoute(reader: FastifyReader, call: CallExpression): boolean {
  return (
    methodOf(reader.ts, call) === 'register' && registeredPluginStatuses(reader.ts, reader.modules, call) !== undefined
  );
}

/**
 * `addHook('preHandler', fastify.authenticate)` → `fastify.authenticate`; other hooks (onSend, onError…) are not
 * middleware. A plugin that guards every route is one too, shown by its name (`rateLimit`). Either added under
 * an `if` (or its `else`) is named with the condition, as Express's `use()` middleware is (`conditionalName`),
 * for the routes of `scope`.
 */
export function addedHook(reader: FastifyReader, call: CallExpression, scope: DecorationScope): Hook[] {
  const through = registrationsReaching(reader, call, scope);
  const named = (node: TsNode) => conditionalName(reader.ts, call, shortText(node), through);
  if (guardsEveryRoute(reader, call)) return [{ name: named(call.getArguments()[0]!), node: call }];
  if (methodOf(reader.ts, call) !== 'addHook') return [];
  const [name, hook] = call.getArguments();
  const known = name && isPathLiteral(reader.ts, name) && HOOKS.includes(pathText(name));
  return known && hook ? [{ name: named(hook), node: hook }] : [];
}

/**
 * The chains of `register()` calls that bring an `fp(…)` plugin's hook to the routes of `scope`: each made
 * in that scope or one around it. Registered more than once, the hook runs for sure if one registration is
 * under no condition, whatever the others' are: that one names it; else it runs when any of them does,
 * and each one's conditions name it.
 */
function registrationsReaching(
  reader: FastifyReader,
  hook: CallExpression,
  scope: DecorationScope,
): CallExpression[][] {
  const reaching = (reader.registeredThrough.get(hook) ?? []).filter((each) => encloses(each.scope, scope));
  const unconditional = reaching.find(({ through }) => !isConditional(reader.ts, through));
  return unconditional ? [unconditional.through] : reaching.map(({ through }) => through);
}

/** Whether `outer` is `scope` or a plugin scope around it. */
function encloses(outer: DecorationScope, scope: DecorationScope | undefined): boolean {
  for (let at = scope; at; at = at.parent) if (at === outer) return true;
  return false;
}

/**
 * What a hook of the project answers instead of passing the request on: `reply.code(401).send(…)`,
 * `reply.status(403)`, `throw fastify.httpErrors.unauthorized()`, `reply.forbidden()`, its errors
 * (inline, by name, a decoration, `fastify.authenticate`, or made by a factory of the project,
 * `requireRole('admin')` returning `async (request, reply) => …`: `Modules.madeMiddleware`), and what a
 * well-known plugin answers (`fastify.auth([…])` 401, `request.jwtVerify()` in it 401). Not the
 * status of what it only sends (`reply.send(err)`: the error's, which docgen cannot tell).
 */
export function hookSends(reader: FastifyReader, hook: TsNode): number[] {
  const { ts } = reader;
  const value = unwrap(ts, hook);
  const registered = ts.Node.isCallExpression(value) && registeredPluginStatuses(ts, reader.modules, value);
  if (registered) return registered;
  const fns = isFunctionLike(ts, value)
    ? [value]
    : ts.Node.isIdentifier(value)
      ? [reader.modules.functionOf(value)]
      : ts.Node.isPropertyAccessExpression(value)
        ? [reader.modules.functionOf(value) ?? reader.modules.decoratedFunction(value)]
        : ts.Node.isCallExpression(value)
          ? reader.modules.madeMiddleware(value)
          : [];
  const own = fns.filter((fn): fn is TsNode => fn !== undefined);
  // A plugin's hook (`fastify.csrfProtection`), or what a hook of the project calls of one (`request.jwtVerify()`).
  const plugins = fastifyHookStatuses(ts, reader.modules, hook, own);
  return [...plugins, ...own.flatMap((fn) => statuses(reader, fn, false).statuses)];
}

/** Route hooks that run before the handler: Fastify's middleware, shown in that column. */
export const HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

/** `null`, `undefined`: what a decoration is declared with before a hook sets it. */
function isPlaceholder(ts: TsMorph, node: TsNode): boolean {
  const value = unwrap(ts, node);
  return value.getKind() === ts.SyntaxKind.NullKeyword || value.getText() === 'undefined';
}
