/**
 * Path items and their paths: a path item's operations (dereferenced, methods OpenAPI does not
 * list, what is written beside its `$ref`), its summary, servers and parameters merged into each
 * operation's, operationIds declared twice or reached through one item `$ref`'d from two paths; and
 * the path's template: its `{name}`s, route constraints (`{id:int}`), `:name` segments, and path
 * parameters the template writes but no parameter declares.
 */
import { closestName } from '@docgen/core';
import { isRef, type SpecPointer, type SpecSet } from './load.js';
import { splitOutsideTemplates, templateNames } from './path-template.js';
import { HTTP_METHODS, type Parameter } from './model.js';
import { child } from './schemas.js';
import { type WalkContext, type Json, type PathItemAbout, deref, text } from './walk.js';
import { serverList } from './spec-servers.js';

/**
 * A path item's operations, each dereferenced: the spec's grammar has no `$ref` on an operation,
 * but split specs (DigitalOcean's: `get: { $ref: resources/…/list.yml }`) keep every operation
 * in a file of its own, and the bundlers and renderers they are written for follow it.
 */
/**
 * A path item, its parameters and its operations. One written as a `$ref` with operations or
 * `parameters` beside it (`/users: { $ref: paths/users.yaml, post: …, parameters: […] }`) has
 * both: OpenAPI leaves such a merge undefined, but tools merge them, and reading only the `$ref`
 * lost what is beside it without a word. Where both write one method, or one parameter (name and
 * `in`), the one beside the `$ref` is shown (as a `summary` beside it wins) and the other is
 * reported.
 */
export function pathItemOperations(
  context: WalkContext,
  rawItem: unknown,
  itemAt: SpecPointer,
  path: string,
): {
  parameters: PathParameter[];
  operations: Array<{ method: string; operation: Json; at: SpecPointer }>;
  about: PathItemAbout;
} {
  const { spec } = context;
  const { value: item, at } = deref(spec, rawItem, itemAt);
  const operations = methodsOf(context, item, at, path);
  const parameters = pathItemParameters(spec, item, at);
  const about = pathItemAbout(context, rawItem, item);
  if (isRef(rawItem)) mergeBesideParameters(context, parameters, pathItemParameters(spec, rawItem, itemAt), path);
  const besides = isRef(rawItem) ? methodsOf(context, rawItem, itemAt, path) : [];
  if (!besides.length) return { parameters, operations, about };
  for (const beside of besides) {
    const index = operations.findIndex((candidate) => candidate.method === beside.method);
    if (index === -1) {
      operations.push(beside);
      continue;
    }
    const replaced = spec.locate(operations[index]!.at, true);
    context.report({
      code: 'DG_OPENAPI_PATH_ITEM_REF',
      severity: 'warning',
      message: `${beside.method.toUpperCase()} ${path} is written both beside the path item's $ref and in ${replaced.file}${replaced.line ? `:${replaced.line}` : ''}: the one beside the $ref is shown, the other is left out`,
      ...spec.where(beside.at, true),
      hint: 'keep one of them: OpenAPI leaves a path item that names an operation twice undefined, and tools differ on which wins',
    });
    operations[index] = beside;
  }
  // In the methods' own order, wherever each was written.
  const order = (method: string) => (HTTP_METHODS as readonly string[]).indexOf(method);
  operations.sort(
    (a, b) => (order(a.method) === -1 ? 99 : order(a.method)) - (order(b.method) === -1 ? 99 : order(b.method)),
  );
  return { parameters, operations, about };
}

/**
 * A path item's `summary`, `description` and `servers` (`deref` has already put a `summary` or
 * `description` written beside its `$ref` over the item's; `servers` beside it win the same way).
 * Swagger 2.0 has none of them.
 */
export function pathItemAbout(context: WalkContext, rawItem: unknown, item: unknown): PathItemAbout {
  if (context.dialect === 'swagger-2.0' || !item || typeof item !== 'object') return {};
  const own = item as Json;
  const beside = isRef(rawItem) ? (rawItem as Json).servers : undefined;
  return {
    summary: text(own.summary),
    description: text(own.description),
    servers: serverList(beside ?? own.servers),
  };
}

/** A parameter written on a path item, for each of its operations: dereferenced, with where it is. */
export interface PathParameter {
  raw: Json;
  at: SpecPointer;
}

export function pathItemParameters(spec: SpecSet, item: unknown, itemAt: SpecPointer): PathParameter[] {
  const list = item && typeof item === 'object' ? (item as Json).parameters : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((entry, i) => {
    const { value, at } = deref(spec, entry, child(itemAt, 'parameters', i));
    return { raw: (value ?? {}) as Json, at };
  });
}

const parameterKey = (raw: Json): string => `${String(raw.in)}:${String(raw.name)}`;

/**
 * The parameters written beside a path item's `$ref` into those of the item it names: one
 * beside the `$ref` replaces the item's of the same name and `in` (reported), the others are added.
 */
function mergeBesideParameters(
  context: WalkContext,
  parameters: PathParameter[],
  besides: PathParameter[],
  path: string,
): void {
  for (const beside of besides) {
    const index = parameters.findIndex((candidate) => parameterKey(candidate.raw) === parameterKey(beside.raw));
    if (index === -1) {
      parameters.push(beside);
      continue;
    }
    const replaced = context.spec.locate(parameters[index]!.at, true);
    context.report({
      code: 'DG_OPENAPI_PATH_ITEM_REF',
      severity: 'warning',
      message: `parameter "${String(beside.raw.name)}" (in ${String(beside.raw.in)}) of ${path} is written both beside the path item's $ref and in ${replaced.file}${replaced.line ? `:${replaced.line}` : ''}: the one beside the $ref is used, the other is left out`,
      ...context.spec.where(beside.at, true),
      hint: 'keep one of them: OpenAPI leaves a path item that names a parameter twice undefined, and tools differ on which wins',
    });
    parameters[index] = beside;
  }
}

export function methodsOf(
  context: WalkContext,
  item: unknown,
  at: SpecPointer,
  path: string,
): Array<{ method: string; operation: Json; at: SpecPointer }> {
  const result: Array<{ method: string; operation: Json; at: SpecPointer }> = [];
  if (!item || typeof item !== 'object') return result;
  const add = (method: string, raw: unknown, rawAt: SpecPointer) => {
    if (!raw || typeof raw !== 'object') return;
    const { value, at: operationAt } = deref(context.spec, raw, rawAt);
    if (value && typeof value === 'object' && !Array.isArray(value))
      result.push({ method, operation: value as Json, at: operationAt });
  };
  for (const method of HTTP_METHODS) add(method, (item as Json)[method], child(at, method));
  // OpenAPI 3.2: methods of its own (`additionalOperations: { SUBSCRIBE: … }`), named as sent.
  const additional = (item as Json).additionalOperations;
  if (additional && typeof additional === 'object' && !Array.isArray(additional))
    for (const [method, raw] of Object.entries(additional as Json))
      add(method, raw, child(at, 'additionalOperations', method));
  for (const method of unlistedMethods(item as Json)) {
    reportUnlistedMethod(context, method, path, child(at, method));
    add(method, (item as Json)[method], child(at, method));
  }
  return result;
}

/** What a path item holds besides its operations (OpenAPI 3.x and Swagger 2.0). */
const PATH_ITEM_FIELDS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', 'additionalOperations']);

/**
 * Operations a path item holds under a method name OpenAPI does not list, such as `search`, which
 * NestJS writes for a @Search() route (and for @All() among the others): a key that is a word, not
 * a field of a path item nor an extension, whose value is an operation (it has `responses` or an
 * `operationId`). Most tools leave them out without a word; they are documented, and reported.
 */
function unlistedMethods(item: Json): string[] {
  return Object.keys(item).filter((key) => {
    if (PATH_ITEM_FIELDS.has(key) || key.startsWith('x-') || (HTTP_METHODS as readonly string[]).includes(key))
      return false;
    const value = item[key] as Json | undefined;
    const operation = !!value && typeof value === 'object' && !Array.isArray(value);
    return /^[A-Za-z]+$/.test(key) && operation && (value.responses !== undefined || value.operationId !== undefined);
  });
}

function reportUnlistedMethod(context: WalkContext, method: string, path: string, at: SpecPointer): void {
  // `gett`, `psot`: a slip, not a method of its own (one letter off for short names, as `get` is from many words).
  const meant = closestName(method.toLowerCase(), HTTP_METHODS, method.length <= 4 ? 1 : 2);
  if (meant) {
    context.report({
      code: 'DG_OPENAPI_UNLISTED_METHOD',
      severity: 'warning',
      message: `"${method}" is no method a path item lists: it is documented as ${method.toUpperCase()} ${path}`,
      ...context.spec.where(at),
      hint: `did you mean ${meant}? rename "${method}" to "${meant}"`,
    });
    return;
  }
  context.report({
    code: 'DG_OPENAPI_UNLISTED_METHOD',
    severity: 'warning',
    message: `"${method}" is no method a path item lists (NestJS writes one for a @Search() route): it is documented as ${method.toUpperCase()} ${path}, where most tools leave it out`,
    ...context.spec.where(at),
    hint: `OpenAPI 3.2 holds a method of its own under \`additionalOperations: { ${method.toUpperCase()}: … }\`; before 3.2 a path item has no place for it`,
  });
}

/**
 * OpenAPI requires operationIds to be unique: links (`operationId: getUser`) and generated clients
 * name operations by them. Both operations are documented; the second is reported, with the first.
 */
export function checkOperationIdUnique(
  context: WalkContext,
  operationId: string,
  at: SpecPointer,
  label: string,
): void {
  const first = context.operationIds.get(operationId);
  if (!first) {
    context.operationIds.set(operationId, { at, label, via: context.pathItemVia });
    return;
  }
  if (first.at.file === at.file && first.at.pointer === at.pointer && first.via && context.pathItemVia) {
    reportSharedPathItem(context, operationId, first as Required<typeof first>, label, context.pathItemVia);
    return;
  }
  const firstLine = context.spec.where(first.at).location.line;
  context.report({
    code: 'DG_OPENAPI_DUPLICATE_OPERATION_ID',
    severity: 'warning',
    message: `operationId "${operationId}" of ${label} is also the operationId of ${first.label}${firstLine ? ` (line ${firstLine})` : ''}: operationIds must be unique, and a link to it can only lead to the first`,
    ...context.spec.where(at),
    hint: 'give each operation an operationId of its own',
  });
}

/**
 * One path item `$ref`'d from two paths (`/users/{id}` and `/v2/users/{id}` naming one file): its
 * operations are documented under both, and its operationIds name two operations. The fix is at
 * the second `$ref`, not in the file both lead to, so that is where the warning points.
 */
function reportSharedPathItem(
  context: WalkContext,
  operationId: string,
  first: { at: SpecPointer; label: string; via: SpecPointer },
  label: string,
  via: SpecPointer,
): void {
  const { spec } = context;
  const firstRef = spec.locate(child(first.via, '$ref'));
  context.report({
    code: 'DG_OPENAPI_DUPLICATE_OPERATION_ID',
    severity: 'warning',
    message: `${label} and ${first.label} are one path item (${spec.display(first.at.file)}), $ref'd from both paths: its operationId "${operationId}" names two operations, and a link to it can only lead to the first`,
    ...spec.where(child(via, '$ref')),
    hint: `if one path is an alias of the other, drop it; else give it a path item of its own with another operationId (the first $ref is at ${firstRef.file}${firstRef.line ? `:${firstRef.line}` : ''})`,
  });
}

/** The path item's parameters, then the operation's: one of the same name and `in` wins. */
export function mergeParameters(
  spec: SpecSet,
  pathParameters: PathParameter[],
  operation: Json,
  at: SpecPointer,
): PathParameter[] {
  const merged = new Map<string, PathParameter>();
  for (const parameter of pathParameters) merged.set(parameterKey(parameter.raw), parameter);
  for (const parameter of pathItemParameters(spec, operation, at)) merged.set(parameterKey(parameter.raw), parameter);
  return [...merged.values()];
}

/**
 * A `{name}` in an operation's path that no `in: path` parameter declares (NestJS leaves out the
 * one a handler reads without @Param; a split spec renames it: `/delete/{id}` with a parameter
 * `pid`). The reader still has to fill it, so each gets a row of its own (a required string, as
 * every path parameter is, saying it is not declared), and it is reported, naming a declared
 * path parameter the path does not use when there is one to rename.
 */
export function undeclaredPathParameters(
  context: WalkContext,
  method: string,
  path: string,
  parameters: Parameter[],
  at: SpecPointer,
): Parameter[] {
  const [template] = splitOutsideTemplates(path, '?#');
  const written = [...new Set(templateNames(template))];
  const declared = pathParameterNames(parameters);
  const constrained = routeConstraints(written, declared);
  if (constrained.length) reportRouteConstraints(context, method, path, constrained, at);
  // `{id:[0-9]+}` is the declared `id`, constrained as a router writes it.
  const named = written.map((name) => constrained.find((c) => c.written === name)?.name ?? name);
  const undeclared = named.filter((name) => !declared.includes(name));
  if (!undeclared.length) return [];
  const unused = declared.filter((name) => !named.includes(name));
  const list = undeclared.map((name) => `{${name}}`).join(', ');
  context.report({
    code: 'DG_OPENAPI_PATH_PARAMETER',
    severity: 'warning',
    message: `${method.toUpperCase()} ${path}: no path parameter declares ${list}: the parameters table lists ${undeclared.length === 1 ? 'it as a required string' : 'them as required strings'} "not declared in the spec"`,
    ...context.spec.where(at),
    hint:
      unused.length === 1 && undeclared.length === 1
        ? `the path says {${undeclared[0]}} and its path parameter is named "${unused[0]}": rename one of them`
        : `declare ${undeclared.length === 1 ? 'it' : 'each'} under the operation's or the path's \`parameters\`: { name: ${undeclared[0]}, in: path, required: true, schema: { type: string } }`,
  });
  return undeclared.map(undeclaredPathParameter);
}

/**
 * A path segment written as Express and its kin write a parameter (`/articles/:slug`, as
 * protoc-gen-openapi copies it from an HTTP rule): OpenAPI reads it as the literal text `:slug`, so
 * it is documented (and sent by curl) as written, and said. Only a whole segment: a colon after a
 * template or a name (`/{name}:cancel`, Google's custom methods) is OpenAPI's own.
 */
export function reportColonSegments(
  context: WalkContext,
  method: string,
  path: string,
  parameters: Parameter[],
  at: SpecPointer,
): void {
  const [template] = splitOutsideTemplates(path, '?#');
  const names = template
    .split('/')
    .map((segment) => /^:([A-Za-z_]\w*)$/.exec(segment)?.[1])
    .filter((name): name is string => name !== undefined);
  if (!names.length) return;
  const templated = template.replace(/\/:([A-Za-z_]\w*)(?=\/|$)/g, '/{$1}');
  const elsewhere = parameters.find((p) => names.includes(p.name) && p.in !== 'path');
  context.report({
    code: 'DG_OPENAPI_PATH_TEMPLATE',
    severity: 'warning',
    message: `${method.toUpperCase()} ${path}: ${names.map((name) => `":${name}"`).join(', ')} is a path parameter as Express writes it; OpenAPI reads it as literal text, so it is documented as written`,
    ...context.spec.where(at),
    hint: `write the path as \`${templated}\` and declare ${names.length === 1 ? 'its parameter' : 'each parameter'} \`in: path\`, \`required: true\`${elsewhere ? ` (\`${elsewhere.name}\` is declared \`in: ${elsewhere.in}\` here)` : ''}`,
  });
}

/**
 * Templates that carry a router's constraint after the name (`{role-id:[4-9]}` as Slim and
 * FastRoute write one, gorilla/mux's `{id:[0-9]+}`, ASP.NET's `{id:int}`), which swagger-php and
 * kin copy into the path: the parameter is the declared one before the colon.
 */
function routeConstraints(
  written: string[],
  declared: string[],
): Array<{ written: string; name: string; constraint: string }> {
  return written.flatMap((template) => {
    const [, name = '', constraint = ''] = /^([^:]+):(.+)$/.exec(template) ?? [];
    return declared.includes(name) && !declared.includes(template) ? [{ written: template, name, constraint }] : [];
  });
}

/** The names of the parameters declared `in: path`. */
export function pathParameterNames(parameters: Array<{ name?: unknown; in?: unknown }>): string[] {
  return parameters.filter((p) => p.in === 'path').map((p) => String(p.name));
}

/**
 * The path curl requests: a template carrying a router's constraint (`{role-id:[4-9]}`) is the
 * declared parameter's placeholder (`{role-id}`), for the reader to replace as any other. The
 * constraint is no part of the URL; left in, the reader would replace `{role-id:[4-9]}` whole or
 * send it. The heading keeps the spec's own path.
 */
export function withoutRouteConstraints(path: string, declared: string[]): string {
  const written = templateNames(path);
  let result = path;
  for (const { written: template, name } of routeConstraints(written, declared))
    result = result.replace(`{${template}}`, `{${name}}`);
  return result;
}

function reportRouteConstraints(
  context: WalkContext,
  method: string,
  path: string,
  constrained: Array<{ written: string; name: string; constraint: string }>,
  at: SpecPointer,
): void {
  const list = constrained.map((c) => `{${c.written}}`).join(', ');
  context.report({
    code: 'DG_OPENAPI_PATH_TEMPLATE',
    severity: 'warning',
    message: `${method.toUpperCase()} ${path}: ${list} ${constrained.length === 1 ? 'holds a route constraint' : 'hold route constraints'} (${constrained.map((c) => `\`${c.constraint}\``).join(', ')}) as a router writes ${constrained.length === 1 ? 'it' : 'them'}, which OpenAPI does not read: documented as the path parameter ${constrained.map((c) => `"${c.name}"`).join(', ')}`,
    ...context.spec.where(at),
    hint: `write ${constrained.map((c) => `\`{${c.name}}\``).join(', ')} in the path, and say what the constraint allows in the parameter's schema (\`pattern\`, \`minimum\`/\`maximum\`, \`enum\`)`,
  });
}

/** The row of a path parameter the spec does not declare: all a path says of it is that it is required. */
function undeclaredPathParameter(name: string): Parameter {
  return {
    name,
    in: 'path',
    required: true,
    deprecated: false,
    description: 'Not declared in the spec: the path names it, no parameter describes it.',
    type: { kind: 'primitive', name: 'string' },
    constraints: [],
  };
}
