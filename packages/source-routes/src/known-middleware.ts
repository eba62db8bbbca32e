/**
 * What well-known middleware of npm packages answers before the handler runs. A package's code is not
 * read (it is in node_modules, compiled, often dynamic), so a route behind `passport.authenticate('jwt')`
 * would list no 401: this table says it instead, for a handful of packages real apps use. A middleware is
 * matched by what it is imported as (the package and the export), never by a local name alone.
 *
 * Body parsers (`express.json()`, `express.urlencoded()`, `body-parser`, `koa-bodyparser`, `koa-body`) are
 * not in it: they answer 400 (bad JSON) and 413 (over the limit) on every route they guard, which says
 * nothing of one route, as the middleware column leaves them out for the same reason.
 */
import type { CallExpression, Identifier, Node as TsNode } from 'ts-morph';
import type { Modules } from './modules.js';
import { unwrap } from './code-shapes.js';
import type { TsMorph } from './syntax.js';

export interface KnownMiddleware {
  package: string;
  /** The exports that make it: `default` for the package itself (`rateLimit()`), else a named export or a member of the default (`passport.authenticate`). */
  exports: string[];
  /** What it answers before the handler runs (none: it only records, and the handler decides). */
  statuses: number[];
  /** An option that, written with a number, replaces those statuses (`rateLimit({ statusCode: 503 })`). */
  statusOption?: string;
  /** An option that, given, makes it redirect instead (302): passport's `failureRedirect`. */
  redirectOption?: string;
  /** It checks only requests that change state (CSRF protection): a GET route behind it is not answered. */
  unsafeMethodsOnly?: boolean;
  /** Where the package documents it. */
  doc: string;
}

export const KNOWN_MIDDLEWARE: readonly KnownMiddleware[] = [
  // "When authentication fails, an HTTP 401 Unauthorized response will be sent … the failureRedirect option … 302 Found"
  {
    package: 'passport',
    exports: ['authenticate'],
    statuses: [401],
    redirectOption: 'failureRedirect',
    doc: 'https://www.passportjs.org/concepts/authentication/middleware/',
  },
  // UnauthorizedError, `status: 401` (v7+ `expressjwt`; before v7 the package itself).
  {
    package: 'express-jwt',
    exports: ['expressjwt', 'default'],
    statuses: [401],
    doc: 'https://github.com/auth0/express-jwt#error-handling',
  },
  // `statusCode`: 429 unless given.
  {
    package: 'express-rate-limit',
    exports: ['default', 'rateLimit'],
    statuses: [429],
    statusOption: 'statusCode',
    doc: 'https://express-rate-limit.mintlify.app/reference/configuration#statuscode',
  },
  // Validation chains only record errors: the handler's `validationResult(req)` decides what to answer.
  {
    package: 'express-validator',
    exports: ['body', 'param', 'query', 'check', 'header', 'cookie', 'checkSchema', 'checkExact', 'oneOf'],
    statuses: [],
    doc: 'https://express-validator.github.io/docs/guides/getting-started',
  },
  // celebrate's `errors()` handler answers a CelebrateError with 400 (its `statusCode` option's default).
  { package: 'celebrate', exports: ['celebrate'], statuses: [400], doc: 'https://github.com/arb/celebrate#errorsopts' },
  // "API Validation Responses": 400 bad request, 401 security, 404 no such path, 415 unsupported media type.
  {
    package: 'express-openapi-validator',
    exports: ['middleware'],
    statuses: [400, 401, 404, 415],
    doc: 'https://cdimascio.github.io/express-openapi-validator-documentation/validation-curl',
  },
  // "the timeout error is passed to next() … .status == 503".
  {
    package: 'connect-timeout',
    exports: ['default'],
    statuses: [503],
    doc: 'https://expressjs.com/en/resources/middleware/timeout.html',
  },
  // A bad token: a 403 error with code EBADCSRFTOKEN.
  {
    package: 'csurf',
    exports: ['default'],
    statuses: [403],
    // `ignoreMethods` defaults to GET, HEAD, OPTIONS.
    unsafeMethodsOnly: true,
    doc: 'https://www.npmjs.com/package/csurf#ignoremethods',
  },
  // MulterError carries a `code` (LIMIT_FILE_SIZE…) and no status: the app's error handler decides.
  {
    package: 'multer',
    exports: ['default'],
    statuses: [],
    doc: 'https://github.com/expressjs/multer#error-handling',
  },
  { package: '@koa/multer', exports: ['default'], statuses: [], doc: 'https://github.com/koajs/multer#usage' },
  // A missing or invalid token: 401 (`ctx.throw(401, …)`).
  { package: 'koa-jwt', exports: ['default'], statuses: [401], doc: 'https://github.com/koajs/jwt#usage' },
  // Over the limit: 429 Too Many Requests.
  { package: 'koa-ratelimit', exports: ['default'], statuses: [429], doc: 'https://github.com/koajs/ratelimit#readme' },
  // A missing or invalid token: 401 Unauthorized.
  { package: 'hono/jwt', exports: ['jwt'], statuses: [401], doc: 'https://hono.dev/docs/middleware/builtin/jwt' },
  {
    package: 'hono/basic-auth',
    exports: ['basicAuth'],
    statuses: [401],
    doc: 'https://hono.dev/docs/middleware/builtin/basic-auth',
  },
  // No header or a wrong token: 401; a header not of the token's form: "a 400 error will be returned".
  {
    package: 'hono/bearer-auth',
    exports: ['bearerAuth'],
    statuses: [400, 401],
    doc: 'https://hono.dev/docs/middleware/builtin/bearer-auth',
  },
  // `statusCode`: defaults to 429.
  {
    package: 'hono-rate-limiter',
    exports: ['rateLimiter'],
    statuses: [429],
    statusOption: 'statusCode',
    doc: 'https://honohub.dev/docs/rate-limiter/configuration',
  },
  // A request from another origin: 403 Forbidden.
  // Only unsafe methods with a form content type are checked.
  {
    package: 'hono/csrf',
    exports: ['csrf'],
    statuses: [403],
    unsafeMethodsOnly: true,
    doc: 'https://hono.dev/docs/middleware/builtin/csrf',
  },
  // Over `maxSize`: 413 Payload Too Large, unless its `onError` answers.
  {
    package: 'hono/body-limit',
    exports: ['bodyLimit'],
    statuses: [413],
    doc: 'https://hono.dev/docs/middleware/builtin/body-limit',
  },
];

/**
 * What the well-known middleware a route argument or `use()` argument is (`passport.authenticate('jwt')`,
 * `limiter` held in a `const limiter = rateLimit({…})`, here or imported) answers to a request of `method`,
 * for the options it is given. CSRF protection answers only methods that change state: with no method
 * (a `use()`, before the routes it runs for are known) it is left to `unsafeMethodStatuses`. Nothing for
 * anything else (the project's own middleware, an unknown package's).
 */
export function knownMiddlewareStatuses(ts: TsMorph, modules: Modules, node: TsNode, method?: string): number[] {
  const known = knownMiddleware(ts, modules, node);
  if (!known) return [];
  const answers = !known.row.unsafeMethodsOnly || (method !== undefined && changesState(method));
  return answers ? statusesFor(ts, known.row, known.call) : [];
}

/** What well-known middleware that checks only requests changing state answers them (`csrf()`: 403), for a `use()` to keep until it meets a route's method. */
export function unsafeMethodStatuses(ts: TsMorph, modules: Modules, node: TsNode): number[] {
  const known = knownMiddleware(ts, modules, node);
  return known?.row.unsafeMethodsOnly ? statusesFor(ts, known.row, known.call) : [];
}

/** Whether a node is a well-known middleware of the table (shown on the routes it guards even as a package's call). */
export function isKnownMiddleware(ts: TsMorph, modules: Modules, node: TsNode): boolean {
  return knownMiddleware(ts, modules, node) !== undefined;
}

/** Whether CSRF protection checks requests of a method: not GET, HEAD, OPTIONS (nor TRACE); `ALL` includes POST. */
export function changesState(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method.toUpperCase());
}

/** The row of the table a node is, and the call that makes it. */
function knownMiddleware(
  ts: TsMorph,
  modules: Modules,
  node: TsNode,
): { row: KnownMiddleware; call: CallExpression } | undefined {
  let value = unwrap(ts, node);
  if (ts.Node.isIdentifier(value)) value = unwrap(ts, modules.follow(value)?.value ?? value);
  if (!ts.Node.isCallExpression(value)) return undefined;
  const made = importedFactory(ts, modules, value);
  const row = made && KNOWN_MIDDLEWARE.find((each) => each.package === made.from && each.exports.includes(made.name));
  return row && { row, call: value };
}

/** The statuses a row answers with, for the options the call gives. */
function statusesFor(ts: TsMorph, row: KnownMiddleware, call: CallExpression): number[] {
  const options = call.getArguments().find((arg) => ts.Node.isObjectLiteralExpression(arg));
  const option = (name: string) =>
    options && ts.Node.isObjectLiteralExpression(options) ? options.getProperty(name) : undefined;
  if (row.redirectOption && option(row.redirectOption)) return [302];
  const given = row.statusOption ? option(row.statusOption) : undefined;
  const initializer = given && ts.Node.isPropertyAssignment(given) ? given.getInitializer() : undefined;
  if (initializer && ts.Node.isNumericLiteral(initializer)) return [Number(initializer.getLiteralValue())];
  return row.statuses;
}

/**
 * The package and export a call's function is imported as: `rateLimit(…)` of `import rateLimit from
 * 'express-rate-limit'` (`default`), `expressjwt(…)` of `import { expressjwt }` or `const { expressjwt } =
 * require(…)`, `passport.authenticate(…)` of the default import (`authenticate`).
 */
function importedFactory(
  ts: TsMorph,
  modules: Modules,
  call: CallExpression,
): { from: string; name: string } | undefined {
  const callee = unwrap(ts, call.getExpression());
  if (ts.Node.isIdentifier(callee)) {
    const from = modules.loadedFrom(callee);
    return from
      ? { from, name: isWholeModule(ts, modules, callee) ? 'default' : modules.importedName(callee) }
      : undefined;
  }
  if (!ts.Node.isPropertyAccessExpression(callee)) return undefined;
  const object = unwrap(ts, callee.getExpression());
  if (!ts.Node.isIdentifier(object) || !isWholeModule(ts, modules, object)) return undefined;
  const from = modules.packageOf(object);
  return from ? { from, name: callee.getName() } : undefined;
}

/** Whether a name holds the module itself: a default or namespace import, or a whole `require(…)`. */
function isWholeModule(ts: TsMorph, modules: Modules, id: Identifier): boolean {
  const name = id.getText();
  for (const declaration of id.getSourceFile().getImportDeclarations()) {
    if (declaration.getDefaultImport()?.getText() === name) return true;
    if (declaration.getNamespaceImport()?.getText() === name) return true;
    if (declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === name))
      return false;
  }
  const value = modules.bindingOf(id)?.value;
  return !!value && ts.Node.isCallExpression(value) && value.getExpression().getText() === 'require';
}

/**
 * Fastify plugins answer through what they decorate the instance or request with once registered
 * (`fastify.auth([…])`, `request.jwtVerify()`), so they are matched by the project loading the package
 * and the decoration's name.
 */
export interface KnownFastifyPlugin {
  package: string;
  /** The decoration: a hook written as `fastify.csrfProtection` or `fastify.auth([…])`, or a request method a hook calls (`jwtVerify`). */
  decoration: string;
  /** Whether the decoration is a method of the request a hook calls, rather than the hook itself. */
  onRequest?: boolean;
  /** A key of a route's `config` that turns it on for that route (`config: { rateLimit: { max: 5 } }`). */
  routeConfig?: string;
  /** Registered, it guards every route of the instance it is registered on, unless given `global: false`. */
  global?: boolean;
  statuses: number[];
  doc: string;
}

export const KNOWN_FASTIFY_PLUGINS: readonly KnownFastifyPlugin[] = [
  // Its errors (no header, a malformed or expired token) are 401s, FST_JWT_*.
  {
    package: '@fastify/jwt',
    decoration: 'jwtVerify',
    onRequest: true,
    statuses: [401],
    doc: 'https://github.com/fastify/fastify-jwt#usage',
  },
  // Every strategy failing: 401 unless the last one set a status of its own.
  {
    package: '@fastify/auth',
    decoration: 'auth',
    statuses: [401],
    doc: 'https://github.com/fastify/fastify-auth#usage',
  },
  // A bad or missing token: 403 (FST_CSRF_INVALID_TOKEN).
  {
    package: '@fastify/csrf-protection',
    decoration: 'csrfProtection',
    statuses: [403],
    doc: 'https://github.com/fastify/csrf-protection#usage',
  },
  // Over the limit: 429 (`statusCode` of its error); `fastify.rateLimit()` as a hook, or a route's `config.rateLimit`.
  {
    package: '@fastify/rate-limit',
    decoration: 'rateLimit',
    routeConfig: 'rateLimit',
    global: true,
    statuses: [429],
    doc: 'https://github.com/fastify/fastify-rate-limit#usage',
  },
];

/**
 * What a Fastify hook of a plugin answers: `fastify.csrfProtection`, `fastify.auth([…])`,
 * `fastify.rateLimit()`, where the project loads the plugin; and, for a hook function of the project,
 * what the request methods it calls answer (`await request.jwtVerify()`: 401), unless it catches their
 * error and answers otherwise.
 */
export function fastifyHookStatuses(ts: TsMorph, modules: Modules, hook: TsNode, fns: TsNode[]): number[] {
  const value = unwrap(ts, hook);
  const named = ts.Node.isCallExpression(value) ? unwrap(ts, value.getExpression()) : value;
  const file = hook.getSourceFile().getFilePath();
  const loaded = (plugin: KnownFastifyPlugin) => modules.projectLoads(file, plugin.package);
  const decoration = ts.Node.isPropertyAccessExpression(named)
    ? KNOWN_FASTIFY_PLUGINS.find(
        (plugin) => !plugin.onRequest && plugin.decoration === named.getName() && loaded(plugin),
      )
    : undefined;
  const called = KNOWN_FASTIFY_PLUGINS.filter(
    (plugin) => plugin.onRequest && fns.some((fn) => callsUncaught(ts, fn, plugin.decoration)) && loaded(plugin),
  );
  return [...(decoration?.statuses ?? []), ...called.flatMap((plugin) => plugin.statuses)];
}

/**
 * What a plugin registered to guard every route answers: `app.register(rateLimit, { max: 100 })` of
 * @fastify/rate-limit (not with `global: false`); undefined for any other `register()`.
 */
export function registeredPluginStatuses(ts: TsMorph, modules: Modules, call: CallExpression): number[] | undefined {
  const [plugin, options] = call.getArguments().map((arg) => unwrap(ts, arg));
  const from = plugin && ts.Node.isIdentifier(plugin) ? modules.loadedFrom(plugin) : undefined;
  const row = KNOWN_FASTIFY_PLUGINS.find((each) => each.global && each.package === from);
  const global = options && ts.Node.isObjectLiteralExpression(options) ? options.getProperty('global') : undefined;
  const off =
    global && ts.Node.isPropertyAssignment(global) && global.getInitializer()?.getKind() === ts.SyntaxKind.FalseKeyword;
  return row && !off ? row.statuses : undefined;
}

/** What a route's `config` turns on: `config: { rateLimit: { max: 5 } }` (not `rateLimit: false`), where the project loads the plugin. */
export function fastifyConfigStatuses(ts: TsMorph, modules: Modules, config: TsNode | undefined): number[] {
  if (!config || !ts.Node.isObjectLiteralExpression(config)) return [];
  return KNOWN_FASTIFY_PLUGINS.filter((plugin) => {
    const given = plugin.routeConfig ? config.getProperty(plugin.routeConfig) : undefined;
    const initializer = given && ts.Node.isPropertyAssignment(given) ? given.getInitializer() : undefined;
    const on = !!given && initializer?.getKind() !== ts.SyntaxKind.FalseKeyword;
    return on && modules.projectLoads(config.getSourceFile().getFilePath(), plugin.package);
  }).flatMap((plugin) => plugin.statuses);
}

/**
 * Whether a function calls `x.method()` where its error reaches Fastify: not in a `try` whose `catch`
 * answers on its own (`reply.code(403)`), but in one that passes the error on (`reply.send(err)`, `throw err`).
 */
function callsUncaught(ts: TsMorph, fn: TsNode, method: string): boolean {
  return fn.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== method) return false;
    const tried = call.getFirstAncestor((node) => ts.Node.isTryStatement(node) || node === fn);
    if (!tried || !ts.Node.isTryStatement(tried) || !tried.getTryBlock().containsRange(call.getPos(), call.getEnd()))
      return true;
    const caught = tried.getCatchClause();
    const name = caught?.getVariableDeclaration()?.getName();
    return !!caught && !!name && passesOn(ts, caught.getBlock(), name);
  });
}

/** Whether a `catch` block sends or throws the error it caught (`reply.send(err)`, `throw err`). */
function passesOn(ts: TsMorph, block: TsNode, name: string): boolean {
  const thrown = block
    .getDescendantsOfKind(ts.SyntaxKind.ThrowStatement)
    .some((statement) => statement.getExpression()?.getText() === name);
  const sent = block.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    const [first] = call.getArguments();
    return ts.Node.isPropertyAccessExpression(callee) && callee.getName() === 'send' && first?.getText() === name;
  });
  return thrown || sent;
}
