/**
 * A Fastify route as registered: `app.get(path, [options], handler)`, `app.route({ method, url, handler })`,
 * its full path, hooks, `schema.summary` and `schema.response` statuses, and what its handler answers with.
 */
import type { Context, DecorationScope, FastifyReader, Hook } from './fastify.js';
import type { CallExpression, Node as TsNode, ObjectLiteralExpression } from 'ts-morph';
import type { Route } from './model.js';
import { fastifyConfigStatuses } from './known-middleware.js';
import { FASTIFY_RESPONSE } from './implicit.js';
import { isFunction, type FunctionNode } from './modules.js';
import { httpStatuses, answeredStatuses } from './answered-statuses.js';
import { registrationComment, property, methodOf } from './code-shapes.js';
import {
  commentBefore,
  errorStatusesIn,
  isPathLiteral,
  joinStrictPaths,
  pathText,
  shortText,
  sensibleReplyStatus,
  statusCode,
  statusesIn,
  toOpenApiPath,
  type StatusSlots,
} from './syntax.js';

/** `app.get('/x', handler)`, `app.get('/x', { schema, preHandler }, handler)`, `app.get('/x', { handler })`. */
export function shorthand(
  reader: FastifyReader,
  call: CallExpression,
  method: string,
  { prefix, scope }: Context,
  middleware: Hook[],
  out: Route[],
): void {
  const args = call.getArguments();
  const [path, second] = args;
  const at = reader.literal(path);
  if (!path || at === undefined) {
    if (path) computedPath(reader, call, path);
    return;
  }
  const inline = second && reader.object(second);
  const options = args.length >= 3 || (inline && property(reader.ts, inline, 'handler')) ? inline : undefined;
  const handler = args.length >= 3 ? args[args.length - 1] : options ? property(reader.ts, options, 'handler') : second;
  add(reader, call, [method.toUpperCase()], joinStrictPaths(prefix, at), options, handler, scope, middleware, out);
}

/** `app.route({ method: ['GET', 'HEAD'], url: '/x', schema, handler })`. */
export function routeOptions(
  reader: FastifyReader,
  call: CallExpression,
  { prefix, scope }: Context,
  middleware: Hook[],
  out: Route[],
): void {
  const [arg] = call.getArguments();
  const options = arg && reader.object(arg);
  if (!options) {
    if (arg) computedPath(reader, call, arg);
    return;
  }
  routeFrom(reader, call, options, prefix, scope, middleware, out);
}

/** The route a `route()` call's options, or a file autoload loads, state: `{ method, url | path, handler }`. */
export function routeFrom(
  reader: FastifyReader,
  site: RouteSite,
  options: ObjectLiteralExpression,
  prefix: string,
  scope: DecorationScope,
  middleware: Hook[],
  out: Route[],
): void {
  const { ts } = reader;
  const url = property(ts, options, 'url') ?? property(ts, options, 'path');
  const at = reader.literal(url);
  if (!url || at === undefined) {
    if (ts.Node.isCallExpression(site)) computedPath(reader, site, url ?? options);
    else
      reader.warn(
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
  add(reader, site, methods, joinStrictPaths(prefix, at), options, handler, scope, middleware, out);
}

export function add(
  reader: FastifyReader,
  site: RouteSite,
  methods: string[],
  path: string,
  options: ObjectLiteralExpression | undefined,
  handler: TsNode | undefined,
  scope: DecorationScope,
  middleware: Hook[],
  out: Route[],
): void {
  const body = handler && reader.routeHandler(handler);
  const hooks = [...middleware, ...(options ? reader.hooks(options) : [])];
  const summary = siteComment(reader, site) ?? (options && schemaSummary(reader, options));
  // The schema's response codes, and what a plugin the route's `config` turns on answers (`config.rateLimit`: 429).
  const config = options && property(reader.ts, options, 'config');
  const declared = [
    ...(options ? schemaStatuses(reader, options) : []),
    ...(options ? validationStatuses(reader, options) : []),
    ...fastifyConfigStatuses(reader.ts, reader.modules, config && reader.object(config)),
  ];
  for (const method of methods) {
    const route: Route = {
      method,
      path,
      openapiPath: toOpenApiPath(path),
      middleware: hooks.map((hook) => hook.name),
      statuses: [...declared],
      summary,
      ...siteAt(reader, site),
    };
    out.push(route);
    if (body || hooks.length) reader.pending.push({ route, body, hooks: hooks.map((hook) => hook.node), scope });
  }
}

/** The comment above a registration, or above the statement that exports a file's route options. */
export function siteComment(reader: FastifyReader, site: RouteSite): string | undefined {
  const { ts } = reader;
  if (ts.Node.isCallExpression(site)) return registrationComment(ts, site);
  const statement = site.getFirstAncestor(
    (node) => ts.Node.isStatement(node) && ts.Node.isSourceFile(node.getParent()),
  );
  return statement && commentBefore(statement);
}

/** Where a route is registered: the call's method name, or the route options' object. */
export function siteAt(reader: FastifyReader, site: RouteSite): { file: string; line: number } {
  return reader.ts.Node.isCallExpression(site)
    ? reader.registeredAt(site)
    : { file: site.getSourceFile().getFilePath(), line: site.getStartLineNumber() };
}

/** A route's `schema.summary`, else its `schema.description` (what @fastify/swagger shows). */
export function schemaSummary(reader: FastifyReader, options: ObjectLiteralExpression): string | undefined {
  const schemaNode = property(reader.ts, options, 'schema');
  const schema = schemaNode && reader.object(schemaNode);
  for (const key of ['summary', 'description']) {
    const text = schema && reader.literal(property(reader.ts, schema, key));
    if (text) return text.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * The statuses a route's `schema.response` declares (`{ 200: user, 404: notFound }`, the schema or its
 * `response` held in a `const`, here or imported): Fastify serializes the reply by the schema of the
 * code sent, so each is a status the route answers with. Ranges (`'2xx'`) and `default` name no one status.
 */
export function schemaStatuses(reader: FastifyReader, options: ObjectLiteralExpression): number[] {
  const { ts } = reader;
  const schemaNode = property(ts, options, 'schema');
  const schema = schemaNode && reader.object(schemaNode);
  const responseNode = schema && property(ts, schema, 'response');
  const response = responseNode && reader.object(responseNode);
  return response ? httpStatuses(responseKeys(reader, response)) : [];
}

/** The parts of a request a route's schema validates. */
const VALIDATED = ['body', 'querystring', 'query', 'params', 'headers'];

/**
 * Fastify's 400 where a route's schema validates the request (`body`, `querystring`, `params`,
 * `headers`): a request that fails is answered before the handler runs; not with
 * `attachValidation: true`, which hands the error to the handler to answer.
 */
export function validationStatuses(reader: FastifyReader, options: ObjectLiteralExpression): number[] {
  const { ts } = reader;
  if (property(ts, options, 'attachValidation')?.getText() === 'true') return [];
  const schemaNode = property(ts, options, 'schema');
  const schema = schemaNode && reader.object(schemaNode);
  return schema && VALIDATED.some((key) => property(ts, schema, key)) ? [400] : [];
}

/** The statuses a response schema's keys name, with those of the objects it spreads (`{ ...errorResponses, 200: user }`). */
export function responseKeys(reader: FastifyReader, response: ObjectLiteralExpression, depth = 0): number[] {
  const { ts } = reader;
  return response.getProperties().flatMap((entry) => {
    if (ts.Node.isSpreadAssignment(entry)) {
      const spread = depth < 4 ? reader.object(entry.getExpression()) : undefined;
      return spread ? responseKeys(reader, spread, depth + 1) : [];
    }
    const name = statusKey(reader, entry);
    return name !== undefined && STATUS_KEY.test(name) ? [Number(name)] : [];
  });
}

/** The key of a response schema's entry as written: `200`, `'404'`, or a status name, `[StatusCodes.OK]`. */
export function statusKey(reader: FastifyReader, entry: TsNode): string | undefined {
  const { ts } = reader;
  if (!ts.Node.isPropertyAssignment(entry)) return undefined;
  const key = entry.getNameNode();
  if (ts.Node.isComputedPropertyName(key)) {
    const code = statusCode(ts, key.getExpression());
    return code === undefined ? undefined : String(code);
  }
  return ts.Node.isStringLiteral(key) || ts.Node.isNumericLiteral(key) ? key.getLiteralText() : undefined;
}

/**
 * What a handler answers with a literal: `reply.code(201)`, `reply.status(204)`, and
 * `reply.redirect(url)` (302, or the code given beside the URL: `redirect(url, 301)` in Fastify 5,
 * `redirect(301, url)` before).
 */
export function statuses(
  reader: FastifyReader,
  body: TsNode,
  sendsDefault = true,
): Pick<Route, 'statuses' | 'computedStatuses'> {
  return answeredStatuses(
    reader.ts,
    reader.modules,
    body,
    1,
    (each) => literalStatuses(reader, each),
    FASTIFY_STATUS_SLOTS,
    sendsDefault ? FASTIFY_RESPONSE : undefined,
  );
}

export function literalStatuses(reader: FastifyReader, body: TsNode): number[] {
  const { ts } = reader;
  // What it sets, and the errors it throws (`throw new AppError('Not found', 404)`), which Fastify answers with their status.
  const codes = [
    ...statusesIn(ts, body, ['code', 'status']),
    ...errorStatusesIn(ts, body, reader.modules.errorClassStatus),
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

export function computedPath(reader: FastifyReader, call: CallExpression, node: TsNode): void {
  reader.warn(
    'DG_ROUTES_COMPUTED_PATH',
    `${methodOf(reader.ts, call)}(${shortText(node)}, …) registers a route whose path is computed at run time: it is not read`,
    { file: call.getSourceFile().getFilePath(), line: call.getStartLineNumber() },
    "register it with a literal path (app.get('/users/:id', …)) so docgen can read it",
  );
}

/** A response schema's key that names one status: `200`, `'404'` (not a range, `'2xx'`, nor `default`). */
const STATUS_KEY = /^[1-5]\d\d$/;

/** Where a Fastify handler states a status: `reply.code(x)`, `reply.status(x)`. */
const FASTIFY_STATUS_SLOTS: StatusSlots = { calls: { code: 0, status: 0 } };

/** What registers a route: a call (`app.get(…)`, `app.route({…})`), or the options object a file autoload loads exports. */
export type RouteSite = CallExpression | ObjectLiteralExpression;
