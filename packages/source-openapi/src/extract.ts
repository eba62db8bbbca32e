import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  anchorSlug,
  DocgenError,
  fixOptionHint,
  inlineCode,
  isUnsafeUrl,
  type Diagnostic,
  type OptionOrigin,
} from '@docgen/core';
import type { OpenAPIV2, OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import { isRef, type SpecPointer, type SpecSet } from './load.js';
import { pathTemplates, splitOutsideTemplates, templateNames } from './path-template.js';
import {
  HTTP_METHODS,
  type ApiModel,
  type Callback,
  type CodeSample,
  type CurlPlaceholder,
  type ResponseLink,
  type ServerVariable,
  type Dialect,
  type MediaContent,
  type NamedSchema,
  type Operation,
  type Parameter,
  type ResponseModel,
  type SecurityRequirement,
  type SecurityScheme,
  type ShownExample,
  type TagGroup,
  type TypeExpr,
} from './model.js';
import { child, constraints, exampleAsData, SchemaRegistry, stringifyExample } from './schemas.js';
import { brokenJsonExample } from './json-text.js';
import { curlServer } from './servers.js';

/**
 * Spec → model. One walker for all three dialects: Swagger 2.0 is normalized on the way in
 * (body/formData parameters become a request body, `produces` becomes response media types,
 * `host` + `basePath` + `schemes` become servers), so the rest of the code sees one shape.
 */
type Json = Record<string, unknown>;
type AnyDocument = OpenAPIV2.Document | OpenAPIV3.Document | OpenAPIV3_1.Document;

export const OTHER_TAG = 'Other';

export interface ExtractApiOptions {
  /** Problems that lose nothing but the reader should know of (an `examples` written as a list). */
  report?: (diagnostic: Diagnostic) => void;
}

export function extractApi(spec: SpecSet, options: ExtractApiOptions = {}): ApiModel {
  const document = spec.root.value as AnyDocument & Json;
  const dialect = detectDialect(spec);
  const root: SpecPointer = { file: spec.rootFile, pointer: '' };
  const report = options.report ?? (() => undefined);
  warnPreRelease(spec, report);
  const schemas = new SchemaRegistry(spec, (types, at) => reportUnknownType(spec, report, types, at), report);
  // Components first, so their names are the plain ones when names collide.
  const components =
    dialect === 'swagger-2.0'
      ? mapAt(spec, document.definitions, child(root, 'definitions'))
      : componentMap(spec, document, 'schemas');
  /** Each alias's target (schema id) → the alias names, so the target's section names them. */
  const aliases = new Map<string, string[]>();
  if (components) {
    for (const [name, value] of Object.entries(components.map)) {
      const at = child(components.at, name);
      // An alias (`Pet: { $ref: Animal }`) is its target; a binding of a generic is a schema of its own.
      if (isRef(value) && !spec.bindingAt(at)) {
        const id = schemas.registerAlias(at, name);
        aliases.set(id, [...(aliases.get(id) ?? []), name]);
      } else {
        schemas.register(at, value as Json);
      }
    }
  }
  const info = (document.info ?? {}) as Json;
  // AutoRest's x-ms-parameterized-host extends Swagger 2.0's `host`; an OpenAPI 3 spec has `servers`.
  const serverList =
    (dialect === 'swagger-2.0' && parameterizedHost(spec, document, root)) || servers(document, dialect);
  const context: WalkContext = {
    spec,
    dialect,
    document,
    schemas,
    usedBy: new Map(),
    anchors: new Set(),
    operationIds: new Map(),
    report,
    // Every curl example starts from the first HTTP server: read once, not once per operation.
    curlBase: curlBase(curlServer(serverList)?.url),
    serverUrls: serverUrls(serverList),
    apiKeyVariables: new Map(),
    declaredTags: declaredTags(document, root),
    reportedOnce: new Set(),
    roleSchemes: roleSchemes(spec, document, dialect),
  };
  warnUnfollowedBindings(context);
  warnShorthandRefs(context);
  warnIncompleteApiKeys(context);
  if (dialect === 'openapi-3.1') warnNullableIn31(context);
  warnUnsafeUrls(context);
  nameApiKeyVariables(context);
  const operations: Operation[] = [];
  const operationAt = new Map<Operation, SpecPointer>();
  // Azure's AutoRest specs keep paths with a query string (`/?comp=list`), which `paths` may not
  // hold, under `x-ms-paths`: the queue storage spec has every operation there and `paths: {}`.
  const pathMaps = (['paths', 'x-ms-paths'] as const).flatMap(
    (key) => mapAt(spec, document[key], child(root, key)) ?? [],
  );
  for (const [mapPointer, path, rawItem] of pathMaps.flatMap(({ map, at }) =>
    Object.entries(map).map(([path, item]) => [at, path, item] as const),
  )) {
    if (path.startsWith('x-')) continue;
    const itemAt = child(mapPointer, path);
    const {
      parameters: pathParameters,
      operations: itemOperations,
      about,
    } = pathItemOperations(context, rawItem, itemAt, path);
    context.pathItemVia = isRef(rawItem) ? itemAt : undefined;
    for (const { method, operation, at: methodAt } of itemOperations) {
      const extracted = extractOperation(context, path, method, pathParameters, operation, methodAt, false, about);
      operations.push(extracted);
      operationAt.set(extracted, child(methodAt, 'tags', '0'));
    }
  }
  context.pathItemVia = undefined;
  const webhooks: Operation[] = [];
  const webhookMap = mapAt(spec, document.webhooks, child(root, 'webhooks'));
  for (const [name, rawItem] of Object.entries(webhookMap?.map ?? {})) {
    const {
      parameters: pathParameters,
      operations: itemOperations,
      about,
    } = pathItemOperations(context, rawItem, child(webhookMap!.at, name), name);
    for (const { method, operation, at: methodAt } of itemOperations)
      webhooks.push(extractOperation(context, name, method, pathParameters, operation, methodAt, true, about));
  }
  const title = typeof info.title === 'string' && info.title.trim() ? info.title.trim() : 'API';
  return {
    title,
    version: String(info.version ?? ''),
    dialect,
    specVersion: String((document as Json).openapi ?? (document as Json).swagger),
    description: text(info.description),
    termsOfService: text(info.termsOfService),
    contact: info.contact as ApiModel['contact'],
    license: info.license as ApiModel['license'],
    servers: serverList,
    securitySchemes: securitySchemes(spec, document, dialect),
    tags: groupByTag(context, operations, operationAt),
    webhooks,
    schemas: withAliases(schemas.namedSchemas(context.usedBy), aliases),
    operationCount: operations.length,
    ...(context.apiKeyVariables.size
      ? {
          apiKeyVariables: [...context.apiKeyVariables].map(([scheme, variable]) => ({ scheme, variable })),
        }
      : {}),
    file: spec.rootFile,
    files: [...spec.documents.keys()],
    externalDocs: (document as Json).externalDocs as ApiModel['externalDocs'],
  };
}

interface WalkContext {
  spec: SpecSet;
  dialect: Dialect;
  document: Json;
  schemas: SchemaRegistry;
  usedBy: Map<string, Set<string>>;
  anchors: Set<string>;
  report: (diagnostic: Diagnostic) => void;
  /** Each operationId where it is first declared (and the `$ref` that led there): a second declaration is reported. */
  operationIds: Map<string, { at: SpecPointer; label: string; via?: SpecPointer }>;
  /** The first server's URL as curl needs it (a protocol-relative `//host` gets `https:`). */
  curlBase: string;
  /** The spec's server URLs, one key: an operation that repeats them has no servers of its own. */
  serverUrls: string;
  /** Each API key scheme that is one of several in a requirement → the shell variable its curl examples read. */
  apiKeyVariables: Map<string, string>;
  /** The spec's `tags` list by name, case folded (OpenAPI 3.2 adds `summary`, `parent` and `kind`). */
  declaredTags: Map<string, DeclaredTag>;
  /** Declared schemes that are neither OAuth 2.0 nor OpenID Connect: what a requirement lists for one are roles, not scopes. */
  roleSchemes: Set<string>;
  /** Where the path item being walked was `$ref`'d from (its key under `paths`); undefined when written in place. */
  pathItemVia?: SpecPointer;
  /** What was already reported where (`code file#pointer`), for what a shared component says once. */
  reportedOnce: Set<string>;
}

interface DeclaredTag {
  name: string;
  description?: string;
  summary?: string;
  parent?: string;
  kind?: string;
  at: SpecPointer;
}

/** The spec's `tags` list, by name case folded; the first declaration of a name wins. */
function declaredTags(document: Json, root: SpecPointer): Map<string, DeclaredTag> {
  const tags = new Map<string, DeclaredTag>();
  if (!Array.isArray(document.tags)) return tags;
  (document.tags as Json[]).forEach((tag, index) => {
    if (!tag || typeof tag.name !== 'string' || tags.has(tag.name.toLowerCase())) return;
    tags.set(tag.name.toLowerCase(), {
      name: tag.name,
      description: text(tag.description),
      summary: text(tag.summary),
      parent: text(tag.parent),
      kind: text(tag.kind),
      at: child(root, 'tags', index),
    });
  });
  return tags;
}

/**
 * OpenAPI 3.2's `kind` says what a tag is for: `nav` (or none) groups operations into pages;
 * any other (`badge`, `audience`…) describes an operation, so it is shown on it as a label.
 */
function isNavigationTag(tag: DeclaredTag | undefined): boolean {
  return tag?.kind === undefined || tag.kind === 'nav';
}

function navigationAndLabels(context: WalkContext, names: string[]): Pick<Operation, 'tags' | 'labels'> {
  const labels: NonNullable<Operation['labels']> = [];
  const tags: string[] = [];
  for (const name of names) {
    const declared = context.declaredTags.get(name.toLowerCase());
    if (isNavigationTag(declared)) tags.push(name);
    else labels.push({ kind: declared!.kind!, name: declared!.summary ?? declared!.name });
  }
  return labels.length ? { tags, labels } : { tags };
}

/**
 * A schema binding a generic's `$dynamicAnchor` is followed when the generic it `$ref`s holds the
 * `$dynamicRef` itself; one that holds it deeper, behind a `$ref` of its own, is read as the
 * generic alone, with its default. Say so where the binding is, naming the `$dynamicRef`.
 */
function warnUnfollowedBindings(context: WalkContext): void {
  const { spec } = context;
  for (const { binding, name, dynamicRef } of spec.unfollowedBindings) {
    const where = spec.locate(dynamicRef);
    const file = dynamicRef.file === binding.file ? '' : `${where.file} `;
    const line = where.line ? `line ${where.line} ` : '';
    context.report({
      code: 'DG_OPENAPI_DYNAMIC_REF',
      severity: 'warning',
      message:
        `$dynamicAnchor "${name}" bound here is not followed to the $dynamicRef "#${name}" at ${file}${line}` +
        `(${where.pointer}): that one is reached through another $ref, so its schema is shown with its own "${name}"`,
      ...spec.where({ file: binding.file, pointer: `${binding.pointer}/$ref` }),
      hint: `bind "${name}" in a schema whose $ref names the schema holding the $dynamicRef, and $ref that binding`,
    });
  }
}

/** The suffix of an OpenAPI release candidate's version: `3.0.0-rc0` to `-rc2`, `3.1.0-rc1`. */
const PRE_RELEASE = /-rc\d*$/i;

/**
 * A spec that names a release candidate of OpenAPI (`openapi: 3.0.0-RC2`) is read as the release,
 * which the candidates became with few changes, and said: tools that check the version refuse it,
 * and what the release changed is read the release's way.
 */
function warnPreRelease(spec: SpecSet, report: (diagnostic: Diagnostic) => void): void {
  const version = (spec.root.value as Json).openapi;
  if (typeof version !== 'string' || !PRE_RELEASE.test(version)) return;
  const release = version.replace(PRE_RELEASE, '');
  report({
    code: 'DG_OPENAPI_VERSION',
    severity: 'warning',
    message: `openapi "${version}" is a release candidate of OpenAPI ${release}: read as ${release}`,
    ...spec.where({ file: spec.rootFile, pointer: '/openapi' }),
    hint: `write \`openapi: ${release}\`: the release is what tools read (many refuse a candidate's version), and where it differs from the candidate the spec is read the release's way`,
  });
}

function detectDialect(spec: SpecSet): Dialect {
  const document = spec.root.value as Json | null;
  const version = document && typeof document === 'object' ? (document.openapi ?? document.swagger) : undefined;
  if (typeof version === 'string' || typeof version === 'number') {
    const v = String(version);
    if (/^2(\.0)?$/.test(v)) return 'swagger-2.0';
    // A release candidate (`3.0.0-RC2`, as ReDoc's and widdershins' sample specs say) is read as its release.
    const release = v.replace(PRE_RELEASE, '');
    // `openapi: 3.0` unquoted in YAML is the number 3
    if (/^3(\.0(\.\d+)?)?$/.test(release)) return 'openapi-3.0';
    // 3.2 only adds to 3.1 (e.g. the QUERY method, tag parents); read it the 3.1 way
    if (/^3\.[12](\.\d+)?$/.test(release)) return 'openapi-3.1';
    throw new DocgenError({
      code: 'DG_OPENAPI_VERSION',
      message: `unsupported ${document!.openapi !== undefined ? 'openapi' : 'swagger'} version "${v}"`,
      ...spec.where({ file: spec.rootFile, pointer: document!.openapi !== undefined ? '/openapi' : '/swagger' }),
      hint: 'docgen reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2',
    });
  }
  const other = document && typeof document === 'object' ? otherFormat(document, spec.origin) : undefined;
  throw new DocgenError({
    code: 'DG_OPENAPI_NOT_A_SPEC',
    message: `${spec.display(spec.rootFile)} is not an OpenAPI document: ${other?.what ?? 'it has no "openapi" or "swagger" version field at the top level'}`,
    ...(other
      ? spec.where({ file: spec.rootFile, pointer: other.pointer })
      : { location: { file: spec.display(spec.rootFile), line: 1, pointer: '#' } }),
    hint:
      other?.hint ?? 'pass an OpenAPI 3.x file (with `openapi: 3.x.y`) or a Swagger 2.0 file (with `swagger: "2.0"`)',
  });
}

/**
 * What a file that is not OpenAPI is, when it says: an AsyncAPI document (message channels, not
 * HTTP operations), a Swagger 1.2 resource listing, or a Postman collection, each of which is
 * mistaken for a spec, so the error can name it and say what to do.
 */
function otherFormat(
  document: Json,
  origin: OptionOrigin | undefined,
): { what: string; pointer: string; hint: string } | undefined {
  if (document.asyncapi !== undefined)
    return {
      what: `it is an AsyncAPI ${String(document.asyncapi)} document, which describes message channels, not HTTP operations`,
      pointer: '/asyncapi',
      hint: `docgen documents HTTP APIs from OpenAPI 3.x or Swagger 2.0 files: ${fixOptionHint(origin, 'spec', 'an OpenAPI or Swagger file instead')}`,
    };
  if (document.swaggerVersion !== undefined)
    return {
      what: `it is a Swagger ${String(document.swaggerVersion)} resource listing, a format docgen does not read`,
      pointer: '/swaggerVersion',
      hint: 'convert it to Swagger 2.0 or OpenAPI 3 first (api-spec-converter does), then pass the converted file',
    };
  const info = document.info as Json | undefined;
  if (typeof info?._postman_id === 'string' || /postman/i.test(String(info?.schema ?? '')))
    return {
      what: 'it is a Postman collection, not an API description',
      pointer: '/info',
      hint: 'convert it to OpenAPI 3 first (postman-to-openapi does), then pass the converted file',
    };
  return undefined;
}

/**
 * A `$ref`'d component, with the `summary` and `description` written beside the `$ref` in place of
 * its own: OpenAPI 3.1's Reference Object overrides them, and a 3.0 author who writes one there
 * means the same, though 3.0 says to ignore it.
 */
/**
 * A map of the spec (`paths`, `webhooks`, `components.schemas`…) and where its entries are, through
 * the `$ref` it may be written as (`paths: { $ref: paths/index.yaml }`: OpenAPI has no place for
 * it, but bundlers resolve it, and split specs use it); undefined when there is no map.
 */
function mapAt(spec: SpecSet, value: unknown, at: SpecPointer): { map: Json; at: SpecPointer } | undefined {
  const { value: map, at: where } = isRef(value) ? deref(spec, value, at) : { value, at };
  return map && typeof map === 'object' && !Array.isArray(map) ? { map: map as Json, at: where } : undefined;
}

/**
 * One map of `components` (`schemas`, `securitySchemes`), either of them possibly a `$ref` to a
 * file: the whole `components: { $ref: components/index.yaml }`, as the luogu-api-docs spec is
 * split, or one map in it (`schemas: { $ref: schemas/index.yaml }`). Reading only what is written
 * inline lost a referenced file's security schemes, and with them every operation's credentials.
 */
/**
 * Named schemas, each with the component names that are aliases of it (`UserCreationParams: { $ref:
 * Pick_User… }`, as tsoa writes a TypeScript type alias): the alias is documented as its target,
 * and its name, the one the code uses, is said there instead of vanishing. One named as its target
 * is (a `$ref` to a file, `User: { $ref: User.yaml }`) is no other name.
 */
function withAliases(named: NamedSchema[], aliases: ReadonlyMap<string, string[]>): NamedSchema[] {
  return named.map((schema) => {
    const others = (aliases.get(schema.id) ?? []).filter((name) => name !== schema.name);
    return others.length ? { ...schema, aliases: others } : schema;
  });
}

function componentMap(spec: SpecSet, document: Json, key: string): { map: Json; at: SpecPointer } | undefined {
  const components = mapAt(spec, document.components, { file: spec.rootFile, pointer: '/components' });
  return components && mapAt(spec, components.map[key], child(components.at, key));
}

function deref(spec: SpecSet, value: unknown, at: SpecPointer): { value: unknown; at: SpecPointer } {
  if (!isRef(value)) return { value, at };
  const resolved = spec.resolve(value.$ref, at);
  const overrides = Object.fromEntries(
    (['summary', 'description'] as const).flatMap((key) =>
      typeof (value as Json)[key] === 'string' ? [[key, (value as Json)[key]]] : [],
    ),
  );
  const target = resolved.value;
  const overridden =
    Object.keys(overrides).length && target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Json), ...overrides }
      : target;
  return { value: overridden, at: resolved };
}

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
function pathItemOperations(
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

/** What a path item (OpenAPI 3.x) says of all its operations: read once per path, not per operation. */
interface PathItemAbout {
  summary?: string;
  description?: string;
  /** Its `servers`, which replace the spec's for its operations (undefined: none of its own). */
  servers?: ApiModel['servers'];
}

/**
 * A path item's `summary`, `description` and `servers` (`deref` has already put a `summary` or
 * `description` written beside its `$ref` over the item's; `servers` beside it win the same way).
 * Swagger 2.0 has none of them.
 */
function pathItemAbout(context: WalkContext, rawItem: unknown, item: unknown): PathItemAbout {
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
interface PathParameter {
  raw: Json;
  at: SpecPointer;
}

function pathItemParameters(spec: SpecSet, item: unknown, itemAt: SpecPointer): PathParameter[] {
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

function methodsOf(
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
  context.report({
    code: 'DG_OPENAPI_UNLISTED_METHOD',
    severity: 'warning',
    message: `"${method}" is no method a path item lists (NestJS writes one for a @Search() route): it is documented as ${method.toUpperCase()} ${path}, where most tools leave it out`,
    ...context.spec.where(at),
    hint: `OpenAPI 3.2 holds a method of its own under \`additionalOperations: { ${method.toUpperCase()}: … }\`; before 3.2 a path item has no place for it`,
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

// ---- operations ------------------------------------------------------------------------------

function extractOperation(
  context: WalkContext,
  path: string,
  method: string,
  pathParameters: PathParameter[],
  operation: Json,
  at: SpecPointer,
  webhook: boolean,
  about: PathItemAbout = {},
): Operation {
  const { spec, dialect } = context;
  if (typeof operation.operationId === 'string')
    checkOperationIdUnique(context, operation.operationId, child(at, 'operationId'), `${method.toUpperCase()} ${path}`);
  const rawParameters = mergeParameters(spec, pathParameters, operation, at);
  // Without an operationId, the anchor is the path as requested: `{id:[0-9]{3}}` reads `{id}`, so
  // the anchor does not spell out the constraint and stays when the spec drops it.
  const requested = withoutRouteConstraints(path, pathParameterNames(rawParameters.map(({ raw }) => raw)));
  const anchor = uniqueAnchor(
    context,
    typeof operation.operationId === 'string' ? operation.operationId : `${method} ${requested}`,
  );
  const parameters: Parameter[] = [];
  let requestBody: Operation['requestBody'];
  const formFields: Array<{ raw: Json; at: SpecPointer }> = [];
  const bodyParameters: Array<{ raw: Json; at: SpecPointer }> = [];
  for (const { raw, at: parameterAt } of rawParameters) {
    const where = raw.in;
    if (dialect === 'swagger-2.0' && where === 'body') {
      bodyParameters.push({ raw, at: parameterAt });
      continue;
    }
    if (dialect === 'swagger-2.0' && where === 'formData') {
      formFields.push({ raw, at: parameterAt });
      continue;
    }
    parameters.push(parameter(context, raw, parameterAt, anchor));
  }
  if (bodyParameters.length) requestBody = swaggerBody(context, operation, bodyParameters, anchor);
  if (formFields.length) requestBody = swaggerFormBody(context, operation, formFields, anchor);
  if (dialect !== 'swagger-2.0' && operation.requestBody) {
    const { value, at: bodyAt } = deref(spec, operation.requestBody, child(at, 'requestBody'));
    const body = (value ?? {}) as Json;
    const content = (body.content ?? {}) as Json;
    requestBody = {
      description: text(body.description),
      required: body.required === true,
      contents: contentMedia(context, content, child(bodyAt, 'content'), anchor),
    };
  }
  const bodyAt =
    dialect === 'swagger-2.0'
      ? (bodyParameters[0] ?? formFields[0])?.at
      : operation.requestBody
        ? child(at, 'requestBody')
        : undefined;
  if (bodyAt && !webhook) reportBodyWithoutSemantics(context, method, path, bodyAt);
  if (!webhook) {
    parameters.push(...undeclaredPathParameters(context, method, path, parameters, at));
    reportColonSegments(context, method, path, parameters, at);
  }
  const responses = extractResponses(context, operation, at, anchor);
  const callbacks = dialect === 'swagger-2.0' ? [] : extractCallbacks(context, operation, at);
  const security = requirements(operation.security ?? context.document.security, context.roleSchemes);
  const result: Operation = {
    anchor,
    method,
    verb: method.toUpperCase(),
    path,
    webhook,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    summary: text(operation.summary),
    description: text(operation.description),
    ...(about.summary && { pathSummary: about.summary }),
    ...(about.description && { pathDescription: about.description }),
    ...operationServers(context, operation, about),
    deprecated: operation.deprecated === true,
    ...navigationAndLabels(context, Array.isArray(operation.tags) ? operation.tags.map(String) : []),
    security: security.required,
    securityOptional: security.optional,
    parameters,
    requestBody,
    responses,
    codeSamples: codeSamples(context, operation, at),
    ...misplacedExamples(context, operation, at),
    callbacks,
    ...(paging(operation) && { paging: paging(operation) }),
    longRunning: operation['x-ms-long-running-operation'] === true,
    ...(operation['x-ms-long-running-operation'] === true && finalStateVia(operation, method)),
    pointer: `#${at.pointer}`,
  };
  if (!webhook) {
    const example = curl(context, result);
    result.curl = example.text;
    if (example.placeholders.length) result.curlPlaceholders = example.placeholders;
    if (example.variables.length) result.curlVariables = example.variables;
  }
  return result;
}

/**
 * An `examples` written on the operation object, where OpenAPI has no place for it (hellosign's
 * specs keep whole requests there, `{ body, query, … }`, for their SDK generator): warning
 * DG_OPENAPI_OPERATION_EXAMPLES at it, saying where examples belong. They are still shown, as
 * written, so nothing the writer meant is lost; docgen does not guess whether each is a request's
 * or a response's, so neither the bodies nor the curl example use them. Each entry may be an
 * Example object (a `$ref`, a `value`, an `externalValue`, read as a body's are) or the data itself;
 * a list is read as entries named by their position.
 */
function misplacedExamples(
  context: WalkContext,
  operation: Json,
  at: SpecPointer,
): Pick<Operation, 'operationExamples'> {
  const examples = operation.examples;
  if (examples === undefined) return {};
  const examplesAt = child(at, 'examples');
  context.report({
    code: 'DG_OPENAPI_OPERATION_EXAMPLES',
    severity: 'warning',
    message:
      '`examples` is written on the operation, where OpenAPI has no place for it, so most tools ignore it; docgen shows the examples as written, under "Examples (written on the operation)", and neither the bodies nor the curl example use them',
    ...context.spec.where(examplesAt),
    hint: "move each example to what it is an example of: `requestBody.content.<media type>.examples` for a request body, `responses.<status>.content.<media type>.examples` for a response, a parameter's `examples` for its value",
  });
  if (!examples || typeof examples !== 'object') return {};
  const entries = Array.isArray(examples)
    ? examples.map((entry, index) => [String(index), entry] as const)
    : Object.entries(examples as Json);
  const shown = entries.flatMap(([name, entry]): ShownExample[] => {
    const { value: found, at: entryAt } = deref(context.spec, entry, child(examplesAt, name));
    const isExampleObject =
      isPlainObject(found) && [...EXAMPLE_VALUE_KEYS, 'externalValue'].some((key) => found[key] !== undefined);
    // Not an Example object: the entry is the example's data.
    const example = isExampleObject
      ? exampleEntry(context, name, found, entryAt, 'the example is left out')
      : { name, value: found };
    if (!example) return [];
    if (example.url !== undefined) return [{ name, summary: example.summary, url: example.url, language: 'text' }];
    const { text, language } = example.file
      ? fileBody(example.value as string, 'text/plain', example.file.language)
      : typeof example.value === 'string'
        ? { text: example.value, language: 'text' }
        : { text: stringifyExample(example.value), language: 'json' };
    return text === undefined ? [] : [{ name, summary: example.summary, example: text, language }];
  });
  return shown.length ? { operationExamples: shown } : {};
}

/** Callbacks: a map of names to path-item-like maps keyed by runtime expressions. */
/**
 * Azure's `x-ms-pageable`: the items in `itemName` (default `value`), the next page's URL in
 * `nextLinkName`; a `nextLinkName: null` is a list that comes whole, so no paging to tell of.
 */
function paging(operation: Json): Operation['paging'] {
  const pageable = operation['x-ms-pageable'] as Json | undefined;
  if (!pageable || typeof pageable !== 'object' || typeof pageable.nextLinkName !== 'string') return undefined;
  return {
    itemName: typeof pageable.itemName === 'string' ? pageable.itemName : 'value',
    nextLinkName: pageable.nextLinkName,
  };
}

/**
 * Where a long-running operation's result is read once polling ends: the spec's
 * `x-ms-long-running-operation-options.final-state-via`, else what AutoRest's runtime does for a
 * PUT (a GET of the operation's own URL) or a POST (a GET of the `Location` URL). Other methods
 * have no documented default, so nothing is said of them.
 */
function finalStateVia(operation: Json, method: string): Pick<Operation, 'finalStateVia'> {
  const options = operation['x-ms-long-running-operation-options'] as Json | undefined;
  const stated = options && typeof options === 'object' ? options['final-state-via'] : undefined;
  if (typeof stated === 'string' && stated) return { finalStateVia: { value: stated, stated: true } };
  const byDefault = LONG_RUNNING_DEFAULTS[method.toLowerCase()];
  return byDefault ? { finalStateVia: { value: byDefault, stated: false } } : {};
}

const LONG_RUNNING_DEFAULTS: Record<string, string> = { put: 'original-uri', post: 'location' };

function extractCallbacks(context: WalkContext, operation: Json, at: SpecPointer): Callback[] {
  const raw = operation.callbacks;
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Json).map(([name, value]) => {
    const { value: callback, at: callbackAt } = deref(context.spec, value, child(at, 'callbacks', name));
    const requests: Operation[] = [];
    for (const [expression, itemRaw] of Object.entries((callback ?? {}) as Json)) {
      if (expression.startsWith('x-')) continue;
      const { value: item, at: itemAt } = deref(context.spec, itemRaw, child(callbackAt, expression));
      const about = pathItemAbout(context, itemRaw, item);
      for (const { method, operation: request, at: methodAt } of methodsOf(context, item, itemAt, expression))
        requests.push(
          extractOperation(
            context,
            expression,
            method,
            pathItemParameters(context.spec, item, itemAt),
            request,
            methodAt,
            true,
            about,
          ),
        );
    }
    return { name, requests };
  });
}

function uniqueAnchor(context: WalkContext, base: string): string {
  const slug = `op-${anchorSlug(base)}`;
  let anchor = slug;
  for (let n = 2; context.anchors.has(anchor); n++) anchor = `${slug}-${n}`;
  context.anchors.add(anchor);
  return anchor;
}

/** Path-level parameters, overridden by operation-level ones with the same name and location. */
/** Where an API key may travel; one that says none (or another) is taken for a header, as most are. */
const API_KEY_PLACES = new Set(['header', 'query', 'cookie']);

/**
 * An API key scheme that does not say its `name`, or where it is sent (`in`), as OpenAPI requires
 * (hellosign's fixtures write a bare `{ type: apiKey }`): reported at the scheme, which the page
 * shows as it can: unnamed ones are not sent by the curl examples, placeless ones as a header.
 */
function warnIncompleteApiKeys(context: WalkContext): void {
  const declared = declaredSchemes(context.spec, context.document, context.dialect);
  for (const name of Object.keys(declared?.map ?? {})) {
    const definition = securityDefinition(context, name);
    if (definition?.type !== 'apiKey') continue;
    const named = typeof definition.name === 'string' && !!definition.name;
    const placed = API_KEY_PLACES.has(String(definition.in));
    if (named && placed) continue;
    const missing = [named ? '' : '`name`', placed ? '' : '`in`'].filter(Boolean).join(' and ');
    context.report({
      code: 'DG_OPENAPI_SECURITY_SCHEME',
      severity: 'warning',
      message: `API key scheme "${name}" has no ${missing}: ${named ? 'its curl examples send it as a header' : 'its curl examples cannot send it'}`,
      ...context.spec.where(child(declared!.at, name)),
      hint: 'give it `name` (the header, query parameter or cookie that carries the key) and `in` (header, query or cookie)',
    });
  }
}

/** Each bare-name `$ref` (`$ref: Product`) read as the definition it meant: at its line, once. */
/**
 * Where a spec gives a URL the page shows as a link: its terms of service, its contact's and
 * license's URLs, every external docs' (the spec's, a tag's, an operation's, a schema's), every
 * server's. Matched on the keys that lead to the value, the last one first.
 */
const LINKED_URLS: Array<Array<string | RegExp>> = [
  ['info', 'termsOfService'],
  ['info', /^(?:contact|license)$/, 'url'],
  ['externalDocs', 'url'],
  ['servers', /^\d+$/, 'url'],
];
/** The keys a linked URL is the value of (`url`, `termsOfService`): every other string is passed by at once. */
const LINKED_URL_KEYS = new Set(LINKED_URLS.map((path) => path[path.length - 1]));

/**
 * A `javascript:`, `data:`, `vbscript:` or `file:` URL where the page links (a contact, a license,
 * external docs, a server) is shown as text, never a link, as Confluence would drop its URL: said
 * at its line, in whichever file of the spec writes it, so the author can give the page it means.
 */
function warnUnsafeUrls(context: WalkContext): void {
  for (const [file, document] of context.spec.documents) {
    eachString(document.value, [], (keys, value) => {
      if (!LINKED_URL_KEYS.has(keys[keys.length - 1]!) || !isUnsafeUrl(value)) return;
      if (!LINKED_URLS.some((path) => endsWith(keys, path))) return;
      const at = child({ file, pointer: '' }, ...keys);
      context.report({
        code: 'DG_OPENAPI_UNSAFE_URL',
        severity: 'warning',
        message: `${keys.join('.')} is ${value.slice(0, 60)}, a URL that runs a script or carries its own content: shown as text, not a link`,
        location: context.spec.locate(at),
        hint: 'give the http(s) page it stands for',
      });
    });
  }
}

/**
 * Calls `visit` with the keys to each string under `value` (arrays' indexes as strings), examples
 * and extensions left out. `keys` is one array pushed and popped along the walk, valid only during
 * the call: a copy per node was a 2 MB spec's ~200,000 arrays for the few strings that matter.
 */
function eachString(value: unknown, keys: string[], visit: (keys: string[], value: string) => void): void {
  if (typeof value === 'string') visit(keys, value);
  if (!value || typeof value !== 'object') return;
  const members = value as Record<string, unknown>;
  for (const key of Object.keys(members)) {
    if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
    keys.push(key);
    eachString(members[key], keys, visit);
    keys.pop();
  }
}

/** Whether the last keys of `keys` are `path`'s. */
function endsWith(keys: string[], path: Array<string | RegExp>): boolean {
  if (keys.length < path.length) return false;
  const tail = keys.slice(-path.length);
  return path.every((key, index) => (typeof key === 'string' ? key === tail[index] : key.test(tail[index]!)));
}

/**
 * OpenAPI 3.1 dropped 3.0's `nullable: true` for JSON Schema's `type: [T, 'null']`: validators and
 * generators that read 3.1 ignore it, so the field they build is not nullable. docgen honours it,
 * as the author meant, and says so once for the whole spec (a generated spec writes it on hundreds
 * of schemas), naming the first and how many.
 */
function warnNullableIn31(context: WalkContext): void {
  const found: SpecPointer[] = [];
  for (const [file, document] of context.spec.documents)
    collectNullable(document.value, { file, pointer: '' }, undefined, found);
  if (!found.length) return;
  const others = found.length - 1;
  context.report({
    code: 'DG_OPENAPI_NULLABLE',
    severity: 'warning',
    message: `\`nullable: true\` is OpenAPI 3.0's, which 3.1 no longer reads (tools that read 3.1 ignore it): docgen honours it here${others ? ` and in ${others} other schema${others === 1 ? '' : 's'}` : ''}`,
    ...context.spec.where(found[0]!),
    hint: "in OpenAPI 3.1 write the type with null instead: `type: [string, 'null']` for `type: string, nullable: true` (a `$ref` or composite: `oneOf: [{ $ref: … }, { type: 'null' }]`); a file that 3.0 documents share cannot say both, so there leave the field optional instead, or keep `nullable` (docgen reads it)",
  });
}

/** Keys whose value is data, not schemas: a `nullable` inside them is no keyword. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'value', 'dataValue']);
/** Keys whose value maps names to schemas: a key `nullable` there names a property. */
const NAME_MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
]);

/** Every `nullable: true` written as a keyword under `value`, in document order. */
function collectNullable(value: unknown, at: SpecPointer, key: string | undefined, found: SpecPointer[]): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectNullable(item, child(at, index), undefined, found));
    return;
  }
  const inNameMap = key !== undefined && NAME_MAP_KEYS.has(key);
  for (const [name, member] of Object.entries(value as Json)) {
    if (!inNameMap && name === 'nullable' && member === true) found.push(child(at, name));
    if (!inNameMap && (DATA_KEYS.has(name) || name.startsWith('x-'))) continue;
    collectNullable(member, child(at, name), inNameMap ? undefined : name, found);
  }
}

function warnShorthandRefs(context: WalkContext): void {
  for (const { ref, at, meant } of context.spec.shorthandRefs.values())
    context.report({
      code: 'DG_OPENAPI_REF_SHORTHAND',
      severity: 'warning',
      message: `$ref "${ref}" is a bare name, which a $ref reads as a file path (there is no such file): read as "${meant}"`,
      ...context.spec.where(at),
      hint: `write $ref: '${meant}': other tools look for a file named ${ref}`,
    });
}

/**
 * OpenAPI requires operationIds to be unique: links (`operationId: getUser`) and generated clients
 * name operations by them. Both operations are documented; the second is reported, with the first.
 */
function checkOperationIdUnique(context: WalkContext, operationId: string, at: SpecPointer, label: string): void {
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

/** `type: String`: read as `string` where only the case is wrong, said either way, at the line. */
function reportUnknownType(
  spec: SpecSet,
  report: (diagnostic: Diagnostic) => void,
  types: string[],
  at: SpecPointer,
): void {
  const meant = types.map((type) => type.toLowerCase()).filter((type) => JSON_SCHEMA_TYPES.includes(type));
  report({
    code: 'DG_OPENAPI_TYPE',
    severity: 'warning',
    message: `type ${types.map((type) => `"${type}"`).join(', ')} is not a JSON Schema type${meant.length === types.length ? `: read as ${meant.map((type) => `"${type}"`).join(', ')}` : ''}`,
    ...spec.where(at),
    hint: meant.length
      ? `write the type in lower case (${meant.map((type) => `\`${type}\``).join(', ')}): other tools match it case by case`
      : `use one of ${JSON_SCHEMA_TYPES.map((type) => `\`${type}\``).join(', ')} (a date is \`type: string\` with \`format: date\`)`,
  });
}

const JSON_SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** The path item's parameters, then the operation's: one of the same name and `in` wins. */
function mergeParameters(
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
 * A parameter, or a response's header (`ofResponse`: its status, the header read as a parameter
 * `in: header` named by its key).
 */
function parameter(
  context: WalkContext,
  raw: Json,
  at: SpecPointer,
  operationAnchor: string,
  ofResponse?: string,
): Parameter {
  const { schemas, dialect } = context;
  // Swagger 2.0 non-body parameters carry their type inline; 3.x has `schema` (or `content`).
  let schema: unknown = raw.schema;
  let schemaAt = child(at, 'schema');
  const label =
    ofResponse === undefined
      ? `parameter "${String(raw.name ?? '')}" (in ${String(raw.in ?? 'query')})`
      : `header "${String(raw.name ?? '')}" of response ${ofResponse}`;
  if (ofResponse === undefined) warnPathParameterNotRequired(context, raw, at, label);
  const media = dialect === 'swagger-2.0' ? undefined : parameterMedia(context, raw, at, label);
  if (dialect === 'swagger-2.0') {
    schema = raw;
    schemaAt = at;
  } else if (!schema && media) {
    schema = media.holder.schema;
    schemaAt = child(media.at, 'schema');
  }
  trackUse(context, schema, schemaAt, operationAnchor);
  const resolved = (isRef(schema) ? context.spec.resolve(schema.$ref, schemaAt).value : schema) as Json | undefined;
  // A parameter written with `content` carries its examples in the media type, as a body does.
  const own =
    parameterExample(context, raw, at) ?? (media ? parameterExample(context, media.holder, media.at) : undefined);
  const schemaExample =
    resolved?.example ??
    // OpenAPI 3.1's schemas list theirs (`examples: [[a, b]]`), as JSON Schema does.
    (Array.isArray(resolved?.examples) ? resolved.examples[0] : undefined) ??
    raw['x-example'];
  // A parameter's own example kept at a web address is shown as that link, as a body's is.
  const exampleUrl = own?.url;
  const example = own?.value ?? (exampleUrl === undefined ? schemaExample : undefined);
  // What the curl example sends when the spec gives no example (or only a link): a value the schema allows.
  const sent = example ?? (exampleUrl === undefined ? undefined : schemaExample) ?? allowedValue(resolved);
  // A `content` parameter's value is written in its media type (JSON, as a whole), never by `style`.
  const styled = !media || raw.schema !== undefined;
  return {
    name: String(raw.name ?? ''),
    in: String(raw.in ?? 'query') as Parameter['in'],
    required: raw.required === true || raw.in === 'path',
    deprecated: raw.deprecated === true,
    description: text(raw.description),
    type: schema ? schemas.typeOf(schema, schemaAt) : { kind: 'primitive', name: 'string' },
    constraints: resolved ? constraints(resolved) : [],
    example: example === undefined ? undefined : typeof example === 'string' ? example : JSON.stringify(example),
    ...(exampleUrl !== undefined && { exampleUrl }),
    ...(example === undefined &&
      sent !== undefined && { sample: typeof sent === 'string' ? sent : JSON.stringify(sent) }),
    ...(onlyValue(resolved) !== undefined && { constant: onlyValue(resolved) }),
    ...(media && { mediaType: media.mediaType }),
    exampleList:
      !Array.isArray(sent) || !styled
        ? undefined
        : raw.in === 'query'
          ? queryList(raw, sent, dialect)
          : raw.in === 'header'
            ? headerList(raw, sent, dialect)
            : undefined,
    ...(raw.in === 'query' && styled && isPlainObject(example) ? { exampleQuery: queryObject(raw, example) } : {}),
  };
}

/**
 * The media type entry of a parameter (or header) written with `content`, and where it is.
 * Undefined when there is none. OpenAPI says `content` MUST hold exactly one media type, as a
 * value is written one way: with several, the first is read and the rest are reported.
 */
function parameterMedia(
  context: WalkContext,
  raw: Json,
  at: SpecPointer,
  label: string,
): { mediaType: string; holder: Json; at: SpecPointer } | undefined {
  if (!isPlainObject(raw.content)) return undefined;
  const mediaTypes = Object.keys(raw.content);
  const [mediaType] = mediaTypes;
  const entry = mediaType === undefined ? undefined : raw.content[mediaType];
  if (!mediaType || !isPlainObject(entry)) return undefined;
  if (mediaTypes.length > 1) reportSeveralMediaTypes(context, child(at, 'content'), label, mediaTypes);
  return { mediaType, holder: entry, at: child(at, 'content', mediaType) };
}

/**
 * Whether `code` is yet to be reported at `at`: a component's parameter is read for every
 * operation that uses it, and what is wrong with it is said once, where it is written.
 */
function firstReportAt(context: WalkContext, code: string, at: SpecPointer): boolean {
  const id = `${code} ${at.file}#${at.pointer}`;
  if (context.reportedOnce.has(id)) return false;
  context.reportedOnce.add(id);
  return true;
}

/**
 * A path parameter written without `required: true`, which OpenAPI and Swagger 2.0 both demand of
 * it (a path cannot be requested without it): it is shown as required all the same, and reported
 * once where it is written.
 */
function warnPathParameterNotRequired(context: WalkContext, raw: Json, at: SpecPointer, label: string): void {
  if (raw.in !== 'path' || raw.required === true) return;
  if (!firstReportAt(context, 'DG_OPENAPI_PATH_PARAMETER_REQUIRED', at)) return;
  const written =
    raw.required === undefined ? 'has no `required`' : `says \`required: ${JSON.stringify(raw.required)}\``;
  context.report({
    code: 'DG_OPENAPI_PATH_PARAMETER_REQUIRED',
    severity: 'warning',
    message: `${label} ${written}, and the spec requires \`required: true\` on every path parameter: it is shown as required`,
    ...context.spec.where(raw.required === undefined ? at : child(at, 'required')),
    hint: 'add `required: true` to it (a path cannot be requested without its parameters; for an optional part, declare a second path without it)',
  });
}

/**
 * A parameter's `content` of several media types, at the `content` key: once, though a
 * component's parameter is read for every operation that uses it.
 */
function reportSeveralMediaTypes(context: WalkContext, at: SpecPointer, label: string, mediaTypes: string[]): void {
  if (!firstReportAt(context, 'DG_OPENAPI_PARAMETER_CONTENT', at)) return;
  const [first, ...others] = mediaTypes.map((mediaType) => `\`${mediaType}\``);
  context.report({
    code: 'DG_OPENAPI_PARAMETER_CONTENT',
    severity: 'warning',
    message: `${label} has ${mediaTypes.length} media types under \`content\` (${[first, ...others].join(', ')}), and OpenAPI allows exactly one: the first, ${first}, is documented; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} left out`,
    ...context.spec.where(at),
    hint: `keep the one media type its value is written in under \`content\` (a value is serialized one way), or give it a \`schema\` instead of \`content\`; say in its \`description\` if other forms are accepted`,
  });
}

/**
 * The example a parameter (or the media type of its `content`) gives: its `example`, else its
 * first named example (`examples: { x: { value | externalValue } }`), read as a body's are: a file
 * beside the spec is read (a text file's text, its last line break dropped, as the value sent), a
 * web address is kept as a link. Undefined when it has none.
 */
function parameterExample(
  context: WalkContext,
  holder: Json,
  at: SpecPointer,
): { value: unknown; url?: string } | undefined {
  if (holder.example !== undefined) return { value: holder.example };
  const [first] = namedExamples(context, holder.examples, child(at, 'examples'), PARAMETER_INSTEAD);
  if (!first) return undefined;
  if (first.file && typeof first.value === 'string') return { value: first.value.replace(/\r?\n$/, '') };
  return first.url === undefined ? { value: first.value } : { value: undefined, url: first.url };
}

/** What the warning says becomes of a parameter's example whose `externalValue` cannot be read. */
const PARAMETER_INSTEAD = "the parameter's next example is shown instead, else its schema's, if any";

/**
 * A value a parameter's schema allows, for a curl example when the spec gives none: its `default`,
 * else its first `enum` value; for a list, one item so chosen (the OpenAPI Generator petstore's
 * required `status` list, whose items default to `available`, is sent as `status=available`,
 * not as a `<status>` to replace).
 */
function allowedValue(s: Json | undefined): unknown {
  if (!s || typeof s !== 'object') return undefined;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const items = s.items;
  if (!items || typeof items !== 'object' || Array.isArray(items) || isRef(items)) return undefined;
  const item = allowedValue(items as Json);
  return item === undefined ? undefined : [item];
}

function isPlainObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * How an object example travels in the query string (OpenAPI 3): `style: form` exploded, its
 * default, sends each property as a parameter of its own (`color=red&size=3`); `deepObject` names
 * each in brackets (`filter[color]=red`); unexploded, the parameter holds the keys and values
 * joined (`filter=color,red,size,3`).
 */
function queryObject(raw: Json, example: Json): string[] {
  const entries = Object.entries(example).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
  const name = encodeURIComponent(String(raw.name ?? ''));
  const style = String(raw.style ?? 'form');
  if (style === 'deepObject')
    return entries.map(([key, value]) => `${name}[${encodeURIComponent(key!)}]=${encodeURIComponent(value!)}`);
  if (style === 'form' && raw.explode !== false)
    return entries.map(([key, value]) => `${encodeURIComponent(key!)}=${encodeURIComponent(value!)}`);
  // The delimiter is written as a list's is (`range=from,1,to,9`), whitespace encoded.
  const delimiter = LIST_SEPARATORS[style] ?? ',';
  const separator = /\s/.test(delimiter) ? encodeURIComponent(delimiter) : delimiter;
  return [
    `${name}=${entries
      .flat()
      .map((part) => encodeURIComponent(part!))
      .join(separator)}`,
  ];
}

/** Swagger 2.0's `collectionFormat` and OpenAPI 3's `style`: what joins a list's items, if anything. */
const LIST_SEPARATORS: Record<string, string> = {
  csv: ',',
  ssv: ' ',
  tsv: '\t',
  pipes: '|',
  spaceDelimited: ' ',
  pipeDelimited: '|',
};

/** The one value a schema allows (`enum: [2024-01-01]`, `const`), as sent; else undefined. */
function onlyValue(schema: Json | undefined): string | undefined {
  const value = Array.isArray(schema?.enum) && schema.enum.length === 1 ? schema.enum[0] : schema?.const;
  return value === undefined || value === null || typeof value === 'object' ? undefined : String(value);
}

/**
 * How a list example travels in the query string. OpenAPI 3's default, `style: form` with
 * `explode: true`, repeats the parameter (`?id=1&id=2`) and `explode: false` joins with commas;
 * Swagger 2.0's default `csv` joins with commas and `multi` repeats.
 */
function queryList(raw: Json, example: unknown[], dialect: Dialect): NonNullable<Parameter['exampleList']> {
  const items = example.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  if (dialect === 'swagger-2.0') {
    const format = String(raw.collectionFormat ?? 'csv');
    return { items, separator: format === 'multi' ? undefined : (LIST_SEPARATORS[format] ?? ',') };
  }
  const style = String(raw.style ?? 'form');
  if (style === 'form') return { items, separator: raw.explode === false ? ',' : undefined };
  return { items, separator: LIST_SEPARATORS[style] ?? ',' };
}

/**
 * How a list example travels in a header: OpenAPI 3's only header style, `simple`, joins its items
 * with commas (`X-Ids: 1,2`); Swagger 2.0 as its `collectionFormat` says (default `csv`).
 */
function headerList(raw: Json, example: unknown[], dialect: Dialect): NonNullable<Parameter['exampleList']> {
  const items = example.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  const format = dialect === 'swagger-2.0' ? String(raw.collectionFormat ?? 'csv') : 'csv';
  return { items, separator: LIST_SEPARATORS[format] ?? ',' };
}

/**
 * A `{name}` in an operation's path that no `in: path` parameter declares (NestJS leaves out the
 * one a handler reads without @Param; a split spec renames it: `/delete/{id}` with a parameter
 * `pid`). The reader still has to fill it, so each gets a row of its own (a required string, as
 * every path parameter is, saying it is not declared), and it is reported, naming a declared
 * path parameter the path does not use when there is one to rename.
 */
function undeclaredPathParameters(
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
function reportColonSegments(
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
function pathParameterNames(parameters: Array<{ name?: unknown; in?: unknown }>): string[] {
  return parameters.filter((p) => p.in === 'path').map((p) => String(p.name));
}

/**
 * The path curl requests: a template carrying a router's constraint (`{role-id:[4-9]}`) is the
 * declared parameter's placeholder (`{role-id}`), for the reader to replace as any other. The
 * constraint is no part of the URL; left in, the reader would replace `{role-id:[4-9]}` whole or
 * send it. The heading keeps the spec's own path.
 */
function withoutRouteConstraints(path: string, declared: string[]): string {
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

/** Methods whose request body HTTP gives no defined meaning (RFC 9110), so OpenAPI says to avoid one. */
const METHODS_WITHOUT_BODY_SEMANTICS = new Set(['get', 'head', 'delete']);

/**
 * A request body on a GET, HEAD or DELETE: OpenAPI 3.0 supports a body only where HTTP defines its
 * meaning, 3.1 permits one there but says to avoid it, and proxies, caches and many HTTP clients
 * drop it. Some APIs read one all the same (Bitbucket's bulk DELETEs, Elasticsearch's GET
 * `_search`), so the body is documented and sent, and the reader told.
 */
function reportBodyWithoutSemantics(context: WalkContext, method: string, path: string, at: SpecPointer): void {
  if (!METHODS_WITHOUT_BODY_SEMANTICS.has(method)) return;
  const verb = method.toUpperCase();
  context.report({
    code: 'DG_OPENAPI_BODY_METHOD',
    severity: 'warning',
    message: `${verb} ${path} has a request body, which HTTP gives no defined meaning on a ${verb} (proxies and clients may drop it): it is documented, and the curl example sends it`,
    ...context.spec.where(at),
    hint: `if the API reads it, keep it and say so in the operation's description; otherwise send its data as query parameters, or use POST (or OpenAPI 3.2's QUERY method) for a request that needs a body`,
  });
}

/**
 * A Swagger 2.0 operation's `in: body` parameter as its request body. Swagger allows one; swag (the
 * Go generator) writes one per field when the code says `@Param name body string`, meaning the
 * fields of one JSON object. Several are documented as that object, each a field under its
 * parameter's name (none is dropped), and reported (DG_OPENAPI_BODY_PARAMETERS).
 */
function swaggerBody(
  context: WalkContext,
  operation: Json,
  parameters: Array<{ raw: Json; at: SpecPointer }>,
  anchor: string,
): NonNullable<Operation['requestBody']> {
  const mediaTypes = (operation.consumes ?? context.document.consumes ?? ['application/json']) as string[];
  const [first] = parameters;
  if (parameters.length === 1) {
    const { raw, at } = first!;
    return {
      description: text(raw.description),
      required: raw.required === true,
      contents: mediaTypes.map((mediaType) =>
        media(context, mediaType, raw.schema, child(at, 'schema'), raw, at, anchor),
      ),
    };
  }
  reportBodyParameters(context, parameters);
  const properties: Json = {};
  const required: string[] = [];
  for (const { raw } of parameters) {
    properties[String(raw.name)] = bodyParameterField(raw);
    if (raw.required === true) required.push(String(raw.name));
  }
  const synthetic = { type: 'object', properties, required };
  return {
    required: required.length > 0,
    contents: mediaTypes.map((mediaType) =>
      media(context, mediaType, synthetic, first!.at, undefined, undefined, anchor),
    ),
  };
}

/** What swag writes beside a body parameter's `schema` (`maxLength`, `enum`…) that belongs in it. */
const FIELD_KEYWORDS = [
  'description',
  'default',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
];

/**
 * One of several body parameters as a field of the object they make up: its schema, with what
 * swag writes beside it (its description, `maxLength`, `enum`, `default`…) moved in where the
 * schema does not say so itself, so no constraint is lost.
 */
function bodyParameterField(raw: Json): Json {
  const field: Json = { ...((raw.schema ?? {}) as Json) };
  for (const keyword of FIELD_KEYWORDS)
    if (raw[keyword] !== undefined && field[keyword] === undefined) field[keyword] = raw[keyword];
  return field;
}

function reportBodyParameters(context: WalkContext, parameters: Array<{ raw: Json; at: SpecPointer }>): void {
  const names = parameters.map(({ raw }) => `\`${String(raw.name)}\``).join(', ');
  context.report({
    code: 'DG_OPENAPI_BODY_PARAMETERS',
    severity: 'warning',
    message: `the operation has ${parameters.length} body parameters (${names}), and Swagger 2.0 allows one: they are documented as the fields of one JSON object body`,
    ...context.spec.where(parameters[1]!.at),
    hint: 'declare one body parameter whose schema is an object with these properties (with swag: one @Param of a struct type), or make them formData parameters if they are sent as a form',
  });
}

function swaggerFormBody(
  context: WalkContext,
  operation: Json,
  fields: Array<{ raw: Json; at: SpecPointer }>,
  anchor: string,
): NonNullable<Operation['requestBody']> {
  const consumes = (operation.consumes ?? context.document.consumes) as string[] | undefined;
  const hasFile = fields.some(({ raw }) => raw.type === 'file');
  const mediaType =
    consumes?.find((t) => t.startsWith('multipart/') || t === 'application/x-www-form-urlencoded') ??
    (hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded');
  const properties: Json = {};
  const required: string[] = [];
  // A list field travels as its collectionFormat says (csv unless told): kept for the example's encoding.
  const encoding: Json = {};
  for (const { raw } of fields) {
    const { name: _n, in: _i, required: isRequired, ...schema } = raw;
    properties[String(raw.name)] = raw.type === 'file' ? { ...schema, type: 'string', format: 'binary' } : schema;
    if (isRequired === true) required.push(String(raw.name));
    if (raw.type === 'array') encoding[String(raw.name)] = { collectionFormat: String(raw.collectionFormat ?? 'csv') };
  }
  const synthetic = { type: 'object', properties, required };
  const at = fields[0]!.at;
  const body = media(context, mediaType, synthetic, at, { encoding }, undefined, anchor);
  return { required: required.length > 0, contents: [body] };
}

function extractResponses(context: WalkContext, operation: Json, at: SpecPointer, anchor: string): ResponseModel[] {
  const { spec, dialect } = context;
  const responses: ResponseModel[] = [];
  for (const [status, raw] of Object.entries((operation.responses ?? {}) as Json)) {
    if (status.startsWith('x-')) continue;
    const { value, at: responseAt } = deref(spec, raw, child(at, 'responses', status));
    const response = (value ?? {}) as Json;
    const headers = Object.entries((response.headers ?? {}) as Json).map(([name, h]) => {
      const header = deref(spec, h, child(responseAt, 'headers', name));
      return parameter(context, { ...(header.value as Json), name, in: 'header' }, header.at, anchor, status);
    });
    let contents: MediaContent[];
    if (dialect === 'swagger-2.0') {
      const produces = (operation.produces ?? context.document.produces ?? ['application/json']) as string[];
      // A map keyed by media type; anything else (a string, a list) names no media type.
      const examples = isPlainObject(response.examples) ? response.examples : {};
      // With no schema, a response's `examples` still show its body: one per media type they name.
      // With one, each media type it is produced as, and any other an example is given for
      // (`produces` left at its default while `examples` names `text/csv`): an example is not lost.
      const mediaTypes = response.schema
        ? [...new Set([...produces, ...Object.keys(examples).filter((key) => !key.startsWith('x-'))])]
        : Object.keys(examples);
      contents = mediaTypes.map((mediaType) =>
        media(
          context,
          mediaType,
          response.schema,
          child(responseAt, 'schema'),
          { example: examples[mediaType] },
          undefined,
          anchor,
        ),
      );
    } else {
      contents = contentMedia(context, (response.content ?? {}) as Json, child(responseAt, 'content'), anchor);
    }
    const links = responseLinks(context, response.links, child(responseAt, 'links'));
    responses.push({
      status,
      description: text(response.description),
      headers,
      contents,
      ...(links.length && { links }),
    });
  }
  return responses;
}

/** A response's `links` (OpenAPI 3): the operations its values lead to, and which values fill which parameters. */
function responseLinks(context: WalkContext, raw: unknown, at: SpecPointer): ResponseLink[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Json).map(([name, entry]) => {
    const link = (deref(context.spec, entry, child(at, name)).value ?? {}) as Json;
    const parameters = Object.entries((link.parameters ?? {}) as Json).map(
      ([parameter, value]) => `${parameter} = ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
    return {
      name,
      operationId: typeof link.operationId === 'string' ? link.operationId : undefined,
      operationRef: typeof link.operationRef === 'string' ? link.operationRef : undefined,
      parameters,
      description: text(link.description),
    };
  });
}

/** The media types of an OpenAPI 3 `content` map (request body or response), each dereferenced. */
function contentMedia(context: WalkContext, content: Json, contentAt: SpecPointer, anchor: string) {
  return Object.entries(content).map(([mediaType, raw]) => {
    const entry = deref(context.spec, raw, child(contentAt, mediaType));
    const value = entry.value as Json;
    // OpenAPI 3.2: a streamed body (JSON Lines, server-sent events) describes each item instead.
    if (value?.schema === undefined && value?.itemSchema !== undefined) {
      const item = media(context, mediaType, value.itemSchema, child(entry.at, 'itemSchema'), value, entry.at, anchor);
      return { ...item, stream: true };
    }
    return media(context, mediaType, value?.schema, child(entry.at, 'schema'), value, entry.at, anchor);
  });
}

/** A media type entry: its schema as a table, and an example (the spec's own, else generated). */
function media(
  context: WalkContext,
  mediaType: string,
  schema: unknown,
  schemaAt: SpecPointer,
  holder: Json | undefined,
  holderAt: SpecPointer | undefined,
  operationAnchor: string,
): MediaContent {
  const { schemas } = context;
  trackUse(context, schema, schemaAt, operationAnchor);
  let example: unknown = holder?.example ?? undefined;
  // `examples`: each named one is shown, under its name, when there are several.
  const named =
    example === undefined && holderAt ? namedExamples(context, holder?.examples, child(holderAt, 'examples')) : [];
  if (named.length) example = named[0]!.value;
  reportBrokenJsonExamples(context, mediaType, schema, schemaAt, holder, holderAt, named);
  // An example kept at a web address is linked to, not fetched, and stands in for a generated one.
  const exampleUrl = named[0]?.url;
  // One kept in a text file is shown as that text.
  const file = named[0]?.file;
  let generated = false;
  let exampleNote: string | undefined;
  // An object's example written as JSON text (swagger-jsdoc's `example: '{"a":1}'`) is that data.
  const resolvedSchema = (isRef(schema) ? context.spec.resolve(schema.$ref, schemaAt).value : schema) as
    Json | undefined;
  const asSent = (value: unknown) =>
    xmlBody(
      context,
      /json/.test(mediaType) ? exampleAsData(value, resolvedSchema) : value,
      mediaType,
      schema,
      schemaAt,
    );
  if (example === undefined && exampleUrl === undefined && schema) {
    // A response is what a client receives (under /responses/); anything else is what it sends.
    example = schemas.exampleFor(schema, schemaAt, /\/responses\//.test(schemaAt.pointer) ? 'response' : 'request');
    generated = example !== undefined && !schemas.hasOwnExample(schema, schemaAt);
    // An XML body whose root element (or root array's items) the schema does not name has no
    // example docgen can write, and says so; a plain string (`type: string`'s "string") is no XML
    // body: only a schema's XML text is.
    if (isXml(mediaType) && example !== undefined && typeof example !== 'string') {
      const xml = schemas.xmlExample(example, schema, schemaAt);
      if ('unnamed' in xml) [example, generated, exampleNote] = [undefined, false, UNNAMED_XML[xml.unnamed]];
    } else if (isXml(mediaType) && !(typeof example === 'string' && /^\s*</.test(example))) {
      [example, generated] = [undefined, false];
    }
  }
  const encoding = holder?.encoding as Json | undefined;
  const body = file
    ? fileBody(example as string, mediaType, file.language)
    : exampleBody(asSent(example), mediaType, encoding);
  return {
    mediaType,
    schema: schema ? schemas.view(schema, schemaAt) : undefined,
    example: body.text,
    exampleLanguage: body.language,
    exampleGenerated: generated,
    ...(exampleUrl !== undefined && { exampleUrl }),
    ...(exampleNote && { exampleNote }),
    ...(named.length > 1 && {
      exampleName: named[0]!.name,
      exampleSummary: named[0]!.summary,
      moreExamples: named.slice(1).flatMap(({ name, summary, value, url, file }): ShownExample[] => {
        if (url !== undefined) return [{ name, summary, url, language: 'text' }];
        const { text, language } = file
          ? fileBody(value as string, mediaType, file.language)
          : exampleBody(asSent(value), mediaType, encoding);
        return text === undefined ? [] : [{ name, summary, example: text, language }];
      }),
    }),
  };
}

/**
 * A JSON body's examples written as JSON text (`example: '{"id": 1}'`) that does not parse: each
 * said, where it is written. Not where the body is a string (text opening with `[` is a string
 * like any other there).
 */
function reportBrokenJsonExamples(
  context: WalkContext,
  mediaType: string,
  schema: unknown,
  schemaAt: SpecPointer,
  holder: Json | undefined,
  holderAt: SpecPointer | undefined,
  named: NamedExample[],
): void {
  if (!/json/.test(mediaType) || !holderAt) return;
  const resolved = (isRef(schema) ? context.spec.resolve(schema.$ref, schemaAt).value : schema) as Json | undefined;
  const type = resolved?.type;
  if (type === 'string' || (Array.isArray(type) && type.includes('string'))) return;
  const written = [
    ...(holder?.example !== undefined ? [{ value: holder.example, at: child(holderAt, 'example') }] : []),
    ...named.flatMap(({ value, at, file }) => (at && !file ? [{ value, at }] : [])),
  ];
  for (const { value, at } of written) {
    const warning = brokenJsonExample(value, () => context.spec.where(at));
    if (warning) context.report(warning);
  }
}

/**
 * An XML body's example written as data (the schema's `example`, one generated from it, or the
 * media type's own as an object) is serialized as the XML the schema's `xml` objects describe;
 * a string is the spec's own XML, kept as written.
 */
function xmlBody(context: WalkContext, example: unknown, mediaType: string, schema: unknown, at: SpecPointer): unknown {
  if (!isXml(mediaType) || example === undefined || typeof example === 'string') return example;
  const xml = context.schemas.xmlExample(example, schema, at);
  return 'xml' in xml ? xml.xml : example;
}

/** Why an XML body gets no generated example, for the reader who expected one. */
const UNNAMED_XML = {
  root: 'No example: XML needs a name for the root element, and this schema gives none (an `xml.name`, or a `$ref` to a named schema, would).',
  wrapper:
    'No example: this array is `wrapped`, and XML needs a name for its wrapping element, which this schema does not give (an `xml.name` beside `wrapped`, or a `$ref` to a named schema, would).',
  items:
    "No example: XML needs a name for this array's items, and this schema gives none (an `xml.name` on `items`, or `items` that `$ref` a named schema, would).",
};

function isXml(mediaType: string): boolean {
  return /[/+]xml\b/.test(mediaType);
}

/** An example as shown: a string is the body as written; anything else is JSON, whatever the media type says. */
function exampleBody(example: unknown, mediaType: string, encoding?: Json): { text?: string; language: string } {
  const json = /json/.test(mediaType);
  const form = mediaType === 'application/x-www-form-urlencoded' && example && typeof example === 'object';
  const verbatim = typeof example === 'string' && !json;
  const text = form
    ? formEncode(example as Json, encoding)
    : verbatim
      ? (example as string)
      : stringifyExample(example);
  return { text, language: json || (!form && !verbatim) ? 'json' : mediaLanguage(mediaType) };
}

/** The code block language of a body that is not JSON, from its media type. */
function mediaLanguage(mediaType: string): string {
  if (/xml/.test(mediaType)) return 'xml';
  if (/yaml/.test(mediaType)) return 'yaml';
  if (/csv/.test(mediaType)) return 'csv';
  return 'text';
}

/**
 * An example kept in a file that is not YAML or JSON (`externalValue: examples/dog.txt`): the
 * text as the file holds it, under a JSON media type too (never quoted as a JSON string, never
 * reformatted); its language is what the file's name says, else the media type's, a JSON media
 * type's only when the text is JSON.
 */
function fileBody(text: string, mediaType: string, named?: string): { text: string; language: string } {
  if (named) return { text, language: named };
  if (!/json/.test(mediaType)) return { text, language: mediaLanguage(mediaType) };
  return { text, language: parsesAsJson(text) ? 'json' : 'text' };
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What joins a form field's list items, or undefined when the field is repeated once per item:
 * OpenAPI 3's default `style: form` with `explode: true` repeats it (`tags=a&tags=b`), `explode:
 * false` joins with commas, `spaceDelimited` and `pipeDelimited` as they say; a Swagger 2.0
 * `formData` list as its `collectionFormat` says (default `csv`; `multi` repeats).
 */
function formListSeparator(how: Json): string | undefined {
  if (typeof how.collectionFormat === 'string')
    return how.collectionFormat === 'multi' ? undefined : (LIST_SEPARATORS[how.collectionFormat] ?? ',');
  const style = String(how.style ?? 'form');
  if (style === 'form') return how.explode === false ? ',' : undefined;
  return LIST_SEPARATORS[style] ?? ',';
}

/**
 * A form body as it travels. A property whose `encoding` says `style: deepObject` is sent in
 * brackets (`address[city]=…`, a list's items by index: `expand[0]=…`), as Stripe's whole API
 * wants; a list whose style is an exploded `form` repeats its name. Anything else that is not a
 * string or number is sent as JSON.
 */
function formEncode(value: Json, encoding?: Json): string {
  const params = new URLSearchParams();
  const deep = (name: string, v: unknown): void => {
    if (v && typeof v === 'object') for (const [key, item] of Object.entries(v as Json)) deep(`${name}[${key}]`, item);
    else params.append(name, String(v));
  };
  const asText = (item: unknown) => (item && typeof item === 'object' ? JSON.stringify(item) : String(item));
  for (const [name, v] of Object.entries(value)) {
    const how = (encoding?.[name] ?? {}) as Json;
    if (how.style === 'deepObject' && v && typeof v === 'object') deep(name, v);
    else if (Array.isArray(v)) {
      const separator = formListSeparator(how);
      if (separator === undefined) for (const item of v) params.append(name, asText(item));
      else params.append(name, v.map(asText).join(separator));
    } else params.append(name, asText(v));
  }
  // Brackets in a name are read as written (`address[city]`): no need to hide them as %5B…%5D.
  return params
    .toString()
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      return pair.slice(0, at).replace(/%5B/g, '[').replace(/%5D/g, ']') + pair.slice(at);
    })
    .join('&');
}

/** `examples` of a media type or parameter: a map of Example objects (maybe `$ref`s), in order. */
function namedExamples(
  context: WalkContext,
  examples: unknown,
  at: SpecPointer,
  instead: string = GENERATED_INSTEAD,
): NamedExample[] {
  if (Array.isArray(examples)) {
    // OpenAPI's `examples` here is a map of named Example objects; a list is a common slip.
    context.report({
      code: 'DG_OPENAPI_EXAMPLES_LIST',
      severity: 'warning',
      message:
        '`examples` is a list here; OpenAPI wants a map of named examples ({ name: { value: … } }), so it is not shown',
      ...context.spec.where(at),
      hint: 'write `examples: { first: { value: … } }`, or a single `example: …`',
    });
    return [];
  }
  if (!examples || typeof examples !== 'object') return [];
  return Object.entries(examples as Json).flatMap(([name, entry]) => {
    const { value, at: exampleAt } = deref(context.spec, entry, child(at, name));
    const example = exampleEntry(context, name, value, exampleAt, instead);
    return example ? [example] : [];
  });
}

/** What the warning says becomes of a body's example whose `externalValue` cannot be read. */
const GENERATED_INSTEAD = 'the example is generated from the schema instead';

/**
 * One Example object: its value (OpenAPI 3.2's `dataValue` or `serializedValue` where 3.1 has
 * `value`), or what its `externalValue` names. Undefined when it has neither, or the file cannot be read.
 */
function exampleEntry(
  context: WalkContext,
  name: string,
  found: unknown,
  at: SpecPointer,
  instead: string,
): NamedExample | undefined {
  const example = found as Json | undefined;
  // (`null` is a value: GitHub's examples show a `null` body.)
  const key = EXAMPLE_VALUE_KEYS.find((k) => example?.[k] !== undefined);
  const summary = typeof example?.summary === 'string' ? example.summary : undefined;
  if (key === undefined) {
    if (typeof example?.externalValue !== 'string') return undefined;
    const external = externalExample(context, example.externalValue, child(at, 'externalValue'), instead);
    return external && { name, summary, ...external };
  }
  return { name, summary, value: exampleValue(context, example![key], child(at, key)), at: child(at, key) };
}

// OpenAPI 3.2 names the value `dataValue` (the data) or `serializedValue` (the body as sent).
const EXAMPLE_VALUE_KEYS = ['value', 'dataValue', 'serializedValue'] as const;

/**
 * A named example: its value, or the web address it is kept at (`externalValue: https://…`).
 * `file`: the value is the text of a file that is not YAML or JSON (`externalValue: dog.txt`),
 * shown and sent as written, never as a JSON string; `language` is what its name says it holds.
 */
interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
  /** Where its value is written, when it is written in the spec. */
  at?: SpecPointer;
  url?: string;
  file?: { language?: string };
}

/**
 * An Example object's `externalValue`. A web address is not fetched (docgen reads nothing over
 * the network): the example is that link. A relative path or `file:` URL names a file beside the
 * spec, read now as `value: { $ref }` files are: YAML or JSON as data, anything else (XML, CSV,
 * plain text) as the text it is. One that cannot be read is left out, so the example is made as
 * if it were not there (`instead` says how), with warning DG_OPENAPI_EXAMPLE_EXTERNAL.
 */
function externalExample(
  context: WalkContext,
  externalValue: string,
  at: SpecPointer,
  instead: string,
): Omit<NamedExample, 'name' | 'summary'> | undefined {
  if (/^https?:\/\//i.test(externalValue)) return { value: undefined, url: externalValue };
  try {
    const path = externalPath(externalValue, at.file);
    const extension = /\.([a-z0-9]+)$/i.exec(path.split('#')[0]!)?.[1]?.toLowerCase();
    if (extension === 'json' || extension === 'yaml' || extension === 'yml')
      return { value: context.spec.resolveData(path, at) };
    return { value: context.spec.resolveText(path, at), file: { language: FILE_LANGUAGES[extension ?? ''] } };
  } catch (error) {
    context.report({
      code: 'DG_OPENAPI_EXAMPLE_EXTERNAL',
      severity: 'warning',
      message: `example externalValue "${externalValue}" could not be read (${error instanceof Error ? error.message : String(error)}): ${instead}`,
      ...context.spec.where(at),
      hint: 'point externalValue at a file beside the spec (a path relative to the file it is written in, or a file: URL), or an http(s) URL to link to',
    });
    return undefined;
  }
}

/**
 * The code block language a file's extension names, for an example kept in a file that is not
 * YAML or JSON. `.txt` and the unknown name none: the media type and the text then decide.
 */
const FILE_LANGUAGES: Record<string, string> = {
  xml: 'xml',
  csv: 'csv',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  graphql: 'graphql',
  gql: 'graphql',
  sql: 'sql',
};

/** An `externalValue` as a path the loader reads: a `file:` URL as the file it names, a relative path as written. */
function externalPath(externalValue: string, from: string): string {
  if (!/^file:/i.test(externalValue)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(externalValue))
      throw new Error('docgen reads only files and links to http(s) URLs');
    return externalValue;
  }
  return fileURLToPath(new URL(externalValue, pathToFileURL(from)));
}

/**
 * An example's value kept in a file of its own (`value: { $ref: examples/pet.json }`, as
 * hellosign's generator fixtures write them): OpenAPI reads `value` as literal data, but bundlers
 * (Redocly's, swagger-cli's) put the file's data there, which is what the writer meant; the body
 * shown and sent by curl is that data, not `{"$ref": …}`. Example values are data to the loader,
 * so the file is read now, like a code sample's; one that cannot be read leaves the value as
 * written, with warning DG_OPENAPI_EXAMPLE_REF.
 */
function exampleValue(context: WalkContext, value: unknown, at: SpecPointer): unknown {
  if (!isRef(value) || Object.keys(value).length !== 1) return value;
  try {
    return context.spec.resolveData(value.$ref, at);
  } catch (error) {
    context.report({
      code: 'DG_OPENAPI_EXAMPLE_REF',
      severity: 'warning',
      message: `example value $ref "${value.$ref}" could not be read (${error instanceof Error ? error.message : String(error)}): the example is shown as written`,
      ...context.spec.where(child(at, '$ref')),
      hint: 'point it at a YAML or JSON file holding the example (its path is relative to the file the $ref is written in)',
    });
    return value;
  }
}

/** Remember which operations use which named schemas (for "used by" lists). */
function trackUse(context: WalkContext, schema: unknown, at: SpecPointer, anchor: string): void {
  if (!isRef(schema)) return;
  const id = context.schemas.refId(schema.$ref, at);
  let set = context.usedBy.get(id);
  if (!set) context.usedBy.set(id, (set = new Set()));
  set.add(anchor);
}

/**
 * The declared schemes whose requirement lists are roles (OpenAPI 3.1: "a list of role names" for
 * any scheme but OAuth 2.0 and OpenID Connect, whose lists are scopes).
 */
function roleSchemes(spec: SpecSet, document: Json, dialect: Dialect): Set<string> {
  const declared = declaredSchemes(spec, document, dialect)?.map ?? {};
  return new Set(
    Object.entries(declared)
      .filter(([, scheme]) => {
        const type = (scheme as Json | undefined)?.type;
        return typeof type === 'string' && type !== 'oauth2' && type !== 'openIdConnect';
      })
      .map(([name]) => name),
  );
}

function requirements(
  security: unknown,
  roleSchemes: ReadonlySet<string>,
): { required?: SecurityRequirement[]; optional: boolean } {
  if (!Array.isArray(security)) return { optional: false };
  const alternatives = security.filter((s) => s && typeof s === 'object' && Object.keys(s).length > 0);
  const optional = security.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0);
  if (!alternatives.length) return { optional };
  return {
    required: alternatives.map((s: Record<string, string[]>) => ({
      schemes: Object.entries(s).map(([name, listed]) => {
        const scopes = Array.isArray(listed) ? listed.map(String) : [];
        return { name, scopes, ...(scopes.length && roleSchemes.has(name) ? { roles: true } : {}) };
      }),
    })),
    optional,
  };
}

// ---- the document around the operations ------------------------------------------------------

function servers(document: Json, dialect: Dialect): ApiModel['servers'] {
  if (dialect === 'swagger-2.0') {
    if (!document.host) return document.basePath ? [{ url: String(document.basePath) }] : [];
    const schemes =
      Array.isArray(document.schemes) && document.schemes.length ? (document.schemes as string[]) : ['https'];
    return schemes.map((scheme) => ({ url: `${scheme}://${String(document.host)}${String(document.basePath ?? '')}` }));
  }
  return serverList(document.servers) ?? [];
}

/**
 * An operation's own `servers` (OpenAPI 3.x), else its path item's: these replace the spec's for
 * it, so its curl example starts from the first of them. None when it has none of its own.
 */
function operationServers(
  context: WalkContext,
  operation: Json,
  about: PathItemAbout,
): Pick<Operation, 'servers'> | undefined {
  const own = context.dialect === 'swagger-2.0' ? undefined : serverList(operation.servers);
  const servers = own ?? about.servers;
  // Generated specs repeat the spec's servers on every operation: nothing to tell the reader there.
  return servers && serverUrls(servers) !== context.serverUrls ? { servers } : undefined;
}

function serverUrls(servers: ApiModel['servers']): string {
  return servers.map((server) => server.url).join('\n');
}

/** A `servers` list as the model holds it, variables filled with their defaults; undefined if it is no (or an empty) list. */
function serverList(list: unknown): ApiModel['servers'] | undefined {
  if (!Array.isArray(list) || !list.length) return undefined;
  return (list as Json[])
    .filter((server) => server && typeof server === 'object')
    .map((server) => {
      const variables = serverVariables(server.variables);
      return {
        url: substituteVariables(String(server.url ?? '/'), server.variables as Json | undefined),
        description: text(server.description),
        ...(variables.length && { variables }),
      };
    });
}

/**
 * Azure AutoRest's `x-ms-parameterized-host` stands for Swagger 2.0's `host`: a `hostTemplate`
 * whose `{parameters}` are filled per client (`{accountName}.{adlaJobDnsSuffix}`, or a whole
 * `{Endpoint}` that brings its own scheme), each one a server variable here, with the default and
 * description its parameter gives. `useSchemePrefix` (default true) puts each of the spec's
 * `schemes` in front. Its `positionInOperation` orders a generated SDK method's arguments, nothing
 * a request carries, so it changes nothing here.
 */
function parameterizedHost(spec: SpecSet, document: Json, root: SpecPointer): ApiModel['servers'] | undefined {
  const host = document['x-ms-parameterized-host'] as Json | undefined;
  if (!host || typeof host !== 'object' || typeof host.hostTemplate !== 'string') return undefined;
  const hostAt = child(root, 'x-ms-parameterized-host');
  const parameters = (Array.isArray(host.parameters) ? host.parameters : [])
    .map((raw, index) => deref(spec, raw, child(hostAt, 'parameters', index)).value as Json | undefined)
    .filter((parameter): parameter is Json => typeof parameter?.name === 'string');
  const variables: Json = Object.fromEntries(
    parameters.map((p) => [p.name, { default: p.default, enum: p.enum, description: p.description }]),
  );
  const basePath = typeof document.basePath === 'string' ? document.basePath : '';
  const template = `${basePath.startsWith('/') ? host.hostTemplate.replace(/\/+$/, '') : host.hostTemplate}${basePath}`;
  const schemes = Array.isArray(document.schemes) && document.schemes.length ? document.schemes.map(String) : ['https'];
  const urls = host.useSchemePrefix === false ? [template] : schemes.map((scheme) => `${scheme}://${template}`);
  const serverVariableList = serverVariables(variables);
  return urls.map((url) => ({
    url: substituteVariables(url, variables),
    ...(serverVariableList.length && { variables: serverVariableList }),
  }));
}

/** A server's `variables`: each with its default, the values it may take and what it is. */
function serverVariables(raw: unknown): ServerVariable[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Json).map(([name, value]) => {
    const variable = (value ?? {}) as Json;
    return {
      name,
      default: variable.default === undefined ? undefined : String(variable.default),
      values: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
      description: text(variable.description),
    };
  });
}

function substituteVariables(url: string, variables: Json | undefined): string {
  if (!variables) return url;
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name] as Json | undefined;
    return variable && variable.default !== undefined ? String(variable.default) : whole;
  });
}

/** The security schemes the spec declares (Swagger 2.0's `securityDefinitions`), through a `$ref` the map may be written as. */
function declaredSchemes(spec: SpecSet, document: Json, dialect: Dialect): { map: Json; at: SpecPointer } | undefined {
  const root: SpecPointer = { file: spec.rootFile, pointer: '' };
  return dialect === 'swagger-2.0'
    ? mapAt(spec, document.securityDefinitions, child(root, 'securityDefinitions'))
    : componentMap(spec, document, 'securitySchemes');
}

function securitySchemes(spec: SpecSet, document: Json, dialect: Dialect): SecurityScheme[] {
  const declared = declaredSchemes(spec, document, dialect);
  return Object.entries(declared?.map ?? {}).map(([name, raw]) => {
    // A scheme may be a `$ref` to a file of its own (Redocly's openapi-starter keeps each so).
    const s = (deref(spec, raw, child(declared!.at, name)).value ?? {}) as Json;
    const scheme: SecurityScheme = {
      name,
      type: String(s.type ?? ''),
      description: text(s.description),
      summary: summarizeScheme(s),
    };
    if (s.type === 'oauth2') scheme.oauth = oauthFlows(s);
    return scheme;
  });
}

/** An OAuth 2.0 scheme's flows (3.x `flows`, or Swagger 2.0's single `flow`) and their scopes, each scope once. */
function oauthFlows(s: Json): NonNullable<SecurityScheme['oauth']> {
  const raw: Array<[string, Json]> =
    s.flows && typeof s.flows === 'object'
      ? Object.entries(s.flows as Json).map(([flow, value]) => [flow, (value ?? {}) as Json])
      : s.flow
        ? [[String(s.flow), s]]
        : [];
  const scopes = new Map<string, string | undefined>();
  const flows = raw.map(([flow, value]) => {
    for (const [name, description] of Object.entries((value.scopes ?? {}) as Json))
      if (!scopes.has(name) || !scopes.get(name)) scopes.set(name, text(description));
    return {
      flow,
      authorizationUrl: text(value.authorizationUrl),
      tokenUrl: text(value.tokenUrl),
      refreshUrl: text(value.refreshUrl),
    };
  });
  return { flows, scopes: [...scopes].map(([name, description]) => ({ name, description })) };
}

function summarizeScheme(s: Json): string {
  switch (s.type) {
    case 'http': {
      const scheme = String(s.scheme ?? '').toLowerCase();
      if (scheme === 'bearer')
        return `HTTP bearer token${s.bearerFormat ? ` (${String(s.bearerFormat)})` : ''}: \`Authorization: Bearer <token>\``;
      if (scheme === 'basic') return 'HTTP basic: `Authorization: Basic <base64 user:password>`';
      return `HTTP ${scheme}`;
    }
    case 'basic':
      return 'HTTP basic: `Authorization: Basic <base64 user:password>`';
    case 'apiKey': {
      if (typeof s.name !== 'string' || !s.name) return 'API key (the spec does not name it)';
      return `API key in ${API_KEY_PLACES.has(String(s.in)) ? String(s.in) : 'header'} ${inlineCode(s.name)}`;
    }
    case 'oauth2': {
      const flows = s.flows && typeof s.flows === 'object' ? Object.keys(s.flows) : s.flow ? [String(s.flow)] : [];
      return `OAuth 2.0${flows.length ? ` (${flows.join(', ')})` : ''}`;
    }
    case 'openIdConnect':
      return `OpenID Connect${s.openIdConnectUrl ? ` (${String(s.openIdConnectUrl)})` : ''}`;
    case 'mutualTLS':
      return 'Mutual TLS (client certificate)';
    default:
      return String(s.type ?? 'unknown');
  }
}

/**
 * One page per tag. Tags that differ only by case (`Pets` on one operation, `pets` on another) are
 * one tag written two ways: they share a page named as the spec's `tags` list declares it (else as
 * first used), and the run says so at the first operation that spells it differently. Two pages
 * "Pets" and "pets" would read as a mistake, and Confluence titles collide regardless of case.
 */
function groupByTag(
  context: WalkContext,
  operations: Operation[],
  operationAt: Map<Operation, SpecPointer>,
): TagGroup[] {
  const groups = new Map<string, TagGroup & { listed?: boolean }>();
  const slugs = new Set<string>();
  const reported = new Set<string>();
  const group = (name: string, description?: string) => {
    const folded = name.toLowerCase();
    let existing = groups.get(folded);
    if (!existing) {
      const base = anchorSlug(name);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      existing = { name, description, slug, operations: [] };
      groups.set(folded, existing);
    } else if (existing.description === undefined) existing.description = description;
    return existing;
  };
  for (const tag of context.declaredTags.values())
    if (isNavigationTag(tag)) {
      const declared = group(tag.name, tag.description);
      if (tag.summary !== undefined) declared.displayName = tag.summary;
    }
  for (const operation of operations) {
    const name = operation.tags[0] ?? OTHER_TAG;
    const target = group(name);
    target.operations.push(operation);
    if (operation.tags[0] !== undefined && target.name !== name && !reported.has(name)) {
      reported.add(name);
      const at = operationAt.get(operation);
      context.report({
        code: 'DG_OPENAPI_TAG_CASE',
        severity: 'warning',
        message: `tag "${name}" differs from "${target.name}" only by case; its operations are listed on the "${target.name}" page`,
        ...(at ? context.spec.where(at) : {}),
        hint: `spell the tag "${target.name}" everywhere`,
      });
    }
  }
  // A tag only ever listed second still gets its page, of links to where its operations live.
  for (const operation of operations) for (const name of operation.tags.slice(1)) group(name).listed = true;
  nestTags(context, groups);
  // Declared tags no operation uses are dropped: a page with no operations helps no one. A parent
  // whose sub-tags have operations stays: their pages hang under its page.
  const used = new Set<string>();
  for (const g of groups.values())
    if (g.operations.length > 0 || g.listed)
      for (
        let at: TagGroup | undefined = g;
        at && !used.has(at.name);
        at = at.parent ? groups.get(at.parent.toLowerCase()) : undefined
      )
        used.add(at.name);
  return [...groups.values()].filter((g) => used.has(g.name)).map(({ listed: _, ...tag }) => tag);
}

/**
 * OpenAPI 3.2's `parent`: a tag's page goes under its parent tag's. A parent that is not a
 * declared navigation tag, or that leads back to the tag, is reported and the tag stays on top.
 */
function nestTags(context: WalkContext, groups: Map<string, TagGroup>): void {
  for (const tag of context.declaredTags.values()) {
    const group = groups.get(tag.name.toLowerCase());
    if (!group || tag.parent === undefined) continue;
    const parent = groups.get(tag.parent.toLowerCase());
    const problem =
      !parent || !isNavigationTag(context.declaredTags.get(tag.parent.toLowerCase()))
        ? `is not a navigation tag declared in \`tags\``
        : leadsBackTo(context, parent.name, group.name)
          ? `leads back to "${tag.name}" (a cycle)`
          : undefined;
    if (problem === undefined) {
      group.parent = parent!.name;
      continue;
    }
    context.report({
      code: 'DG_OPENAPI_TAG_PARENT',
      severity: 'warning',
      message: `tag "${tag.name}" has parent "${tag.parent}", which ${problem}; its page is placed at the top level`,
      ...context.spec.where(child(tag.at, 'parent')),
      hint: 'name a tag of the `tags` list (kind `nav` or none) that is not nested under this one',
    });
  }
}

/** Whether following `parent`s from tag `name` reaches tag `target`. */
function leadsBackTo(context: WalkContext, name: string, target: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = name; at !== undefined; at = context.declaredTags.get(at.toLowerCase())?.parent) {
    if (at.toLowerCase() === target.toLowerCase()) return true;
    if (seen.has(at.toLowerCase())) return false;
    seen.add(at.toLowerCase());
  }
  return false;
}

// ---- code samples ------------------------------------------------------------------------------

/**
 * ReDoc's `x-codeSamples` (or the older `x-code-samples`): `{ lang, label?, source }` each. An
 * entry may be a `$ref` to a YAML or JSON file holding one (DigitalOcean keeps each sample in a
 * file of its own), and so may the whole list (`x-codeSamples: { $ref: code_samples/list.yaml }`,
 * its entries' `$ref`s then relative to that file), read now: the only `$ref`s in a vendor
 * extension docgen follows. One it cannot read (missing, not YAML or JSON, no `source`) is left
 * out with a warning at the `$ref`.
 */
function codeSamples(context: WalkContext, operation: Json, at: SpecPointer): CodeSample[] {
  const key = operation['x-codeSamples'] != null ? 'x-codeSamples' : 'x-code-samples';
  let raw = operation[key];
  let listAt = child(at, key);
  if (isRef(raw)) {
    const ref = raw.$ref;
    const skip = codeSampleSkipper(context, ref, child(listAt, '$ref'));
    try {
      const list = context.spec.resolveDataAt(ref, at);
      if (!Array.isArray(list.value)) {
        return skip(
          isCodeSample(list.value)
            ? 'it holds one sample, not a list of them: make the $ref an entry of the list (`- $ref: …`)'
            : 'what it names is not a list of samples',
        );
      }
      raw = list.value;
      listAt = list;
    } catch (error) {
      return skip((error as Error).message);
    }
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown, index) => {
    let sample = (entry ?? {}) as Json;
    if (isRef(sample)) {
      const skip = codeSampleSkipper(context, sample.$ref as string, child(listAt, index, '$ref'));
      let target: unknown;
      try {
        target = context.spec.resolveData(sample.$ref as string, listAt);
      } catch (error) {
        return skip((error as Error).message);
      }
      if (!isCodeSample(target)) return skip('what it names has no `source`');
      // Keys written beside the `$ref` (a `label`) win over the file's.
      const { $ref: _ref, ...beside } = sample;
      sample = { ...target, ...beside };
    }
    // The source itself may be a file's text (`source: { $ref: code_samples/echo/post.cs }`).
    if (isRef(sample.source)) {
      const ref = sample.source.$ref;
      try {
        sample = { ...sample, source: context.spec.resolveText(ref, listAt) };
      } catch (error) {
        const skip = codeSampleSkipper(
          context,
          ref,
          child(listAt, index, 'source', '$ref'),
          'point it at the file of code',
        );
        return skip((error as Error).message);
      }
    }
    const { lang, label, source } = sample;
    if (typeof source !== 'string' || !source.trim()) return [];
    const language =
      typeof lang === 'string'
        ? lang
            .trim()
            .toLowerCase()
            .split(/\s/)[0]!
            .replace(/[^\w#+.-]/g, '')
        : '';
    const name = typeof label === 'string' && label.trim() ? label.trim() : typeof lang === 'string' ? lang.trim() : '';
    return [{ label: name || 'Sample', language: language || undefined, source }];
  });
}

/** An object with a `source` string: one code sample. */
function isCodeSample(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).source === 'string';
}

/** Leaves a code sample (or a list of them) out, with warning DG_OPENAPI_CODE_SAMPLE at its `$ref`. */
function codeSampleSkipper(
  context: WalkContext,
  ref: string,
  refAt: SpecPointer,
  hint = 'point it at a YAML or JSON file holding `lang:` and `source:` (or a list of such samples)',
): (why: string) => CodeSample[] {
  return (why) => {
    context.report({
      code: 'DG_OPENAPI_CODE_SAMPLE',
      severity: 'warning',
      message: `code sample $ref "${ref}" is left out: ${why}`,
      ...context.spec.where(refAt),
      hint: `${hint} (its path is relative to the file the $ref is written in)`,
    });
    return [];
  };
}

// ---- curl --------------------------------------------------------------------------------------

/** A curl example, and what in it the reader must replace or set, as it wrote them. */
interface CurlExample {
  text: string;
  placeholders: CurlPlaceholder[];
  /** The shell variables it reads (`BASE_URL`, `TOKEN`, `API_KEY`…), in the order it first reads them. */
  variables: string[];
}

function curl(context: WalkContext, operation: Operation): CurlExample {
  // An operation's own (or its path item's) servers replace the spec's.
  const base = operation.servers ? curlBase(curlServer(operation.servers)?.url) : context.curlBase;
  // An x-ms-paths key carries its own query string (`/?comp=list`): its parameters are sent already.
  // A `#fragment` is never sent: aws2openapi's `/#X-Amz-Target=…` paths only tell operations apart
  // (the target travels as a header parameter); a query after it would be lost in the fragment too.
  const [writtenPath] = splitOutsideTemplates(operation.path, '#');
  const requestPath = withoutRouteConstraints(writtenPath, pathParameterNames(operation.parameters));
  const [pathOnly, pathQuery] = splitOutsideTemplates(requestPath, '?');
  const inPath = new Set((pathQuery ?? '').split('&').map((pair) => pair.split('=')[0]));
  const placeholders: CurlPlaceholder[] = [
    ...pathTemplates(base).map((text) => ({ in: 'server' as const, text })),
    ...pathTemplates(pathOnly).map((text) => ({ in: 'path' as const, text })),
    ...(pathQuery ?? '')
      .split('&')
      .filter((pair) => pair.includes('{'))
      .map((text) => ({ in: 'query' as const, text })),
  ];
  const placeholder = (where: CurlPlaceholder['in'], text: string): string => {
    placeholders.push({ in: where, text });
    return text;
  };
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.required && !inPath.has(p.name))
    .flatMap((p) => {
      const name = encodeURIComponent(p.name);
      if (p.exampleQuery) return p.exampleQuery;
      const list = p.exampleList;
      if (!list) {
        const value = p.example ?? p.sample ?? p.constant;
        if (value === undefined) return [placeholder('query', `${name}=${queryPlaceholder(p.name)}`)];
        return [`${name}=${encodeURIComponent(value)}`];
      }
      if (list.separator === undefined) return list.items.map((item) => `${name}=${encodeURIComponent(item)}`);
      // The delimiter itself is written as OpenAPI's examples write it (`id=1,2`, `id=1|2`, `id=1%202`).
      const separator = /\s/.test(list.separator) ? encodeURIComponent(list.separator) : list.separator;
      return [`${name}=${list.items.map(encodeURIComponent).join(separator)}`];
    });
  const headers: string[] = [];
  /** `name=value` pairs, sent in one `--cookie` (a repeated one may replace the first). */
  const cookies = operation.parameters
    .filter((p) => p.in === 'cookie' && p.required)
    .map((p) => {
      const value = p.example ?? p.sample ?? p.constant;
      return value === undefined ? placeholder('cookie', `${p.name}={${p.name}}`) : `${p.name}=${value}`;
    });
  // Every scheme of the first alternative: a requirement that names two (Alpaca's key id and
  // secret, each a header of its own) needs both, or the request is refused.
  const credentials = curlCredentials(context, operation.security?.[0]?.schemes ?? []);
  query.push(...credentials.query);
  headers.push(...credentials.headers);
  cookies.unshift(...credentials.cookies);
  const body = operation.requestBody?.contents[0];
  const accept = operation.responses.find((r) => /^2/.test(r.status))?.contents[0]?.mediaType;
  const sent = headersSent(credentials, !!body, !!accept && accept !== '*/*');
  for (const p of operation.parameters.filter((p) => p.in === 'header' && p.required)) {
    // An `Authorization`, `Content-Type` or `Accept` header parameter (OpenAPI 3 says to ignore
    // one) is sent once, as the security scheme, body or response says, not a second time.
    if (sent.has(p.name.toLowerCase())) continue;
    const value =
      (p.exampleList ? p.exampleList.items.join(p.exampleList.separator ?? ',') : (p.example ?? p.sample)) ??
      p.constant;
    // No value to send: a `{placeholder}`, written as a path or query parameter's is.
    const line = value === undefined ? placeholder('header', `${p.name}: {${p.name}}`) : `${p.name}: ${value}`;
    headers.push(`-H '${shellSafe(line)}'`);
  }
  if (cookies.length) headers.push(`--cookie ${shellQuoted(cookies.join('; '), credentials.variables)}`);
  if (body) headers.push(`-H 'Content-Type: ${body.mediaType}'`);
  if (accept && accept !== '*/*') headers.push(`-H 'Accept: ${accept}'`);
  const url = `${base}${requestPath}${query.length ? `${pathQuery === undefined ? '?' : '&'}${query.join('&')}` : ''}`;
  // curl reads `{a,b}` and `[1-9]` in a URL as globs: `/pets/{petId}` would quietly request
  // `/pets/petId`. With --globoff a placeholder left unreplaced fails visibly instead. (Path
  // parameters stay placeholders, not examples: a pasted DELETE must not hit a real resource.)
  const globoff = /[{}[\]]/.test(url) ? ' --globoff' : '';
  const lines = [
    `curl${globoff} ${methodFlag(operation.verb, !!body)} ${shellQuoted(url, credentials.variables)}`,
    ...headers,
  ];
  if (body) {
    if (/json/.test(body.mediaType) && body.example) lines.push(`-d '${shellSafe(compactJson(body.example))}'`);
    else if (/multipart/.test(body.mediaType)) {
      // Each part's value from the body's example (its own, or made from the schema), a file's as a file.
      const values = exampleObject(body.example);
      for (const field of body.schema?.fields.filter((f) => f.depth === 0) ?? []) {
        const value = values?.[field.name];
        // A list of files or of plain values is a part per item, each under the field's name
        // (`-F 'files=@file'`, `-F 'tags=a' -F 'tags=b'`), as form tools send it: not one JSON part.
        const items =
          field.type.kind === 'array' && field.type.items.kind === 'primitive' ? field.type.items : undefined;
        if (items && isFileType(items)) lines.push(`-F '${field.name}=@file'`);
        else if (items && Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
          for (const item of value) lines.push(`-F '${field.name}=${shellSafe(partValue(item))}'`);
        else lines.push(`-F '${field.name}=${isFileType(field.type) ? '@file' : shellSafe(partValue(value))}'`);
      }
    } else if (isFileUpload(body)) lines.push(`--data-binary '@file'`);
    else if (body.example) lines.push(`--data-raw '${shellSafe(body.example)}'`);
  }
  // In the order the example writes them: the URL's, then the headers', then the cookie's.
  const order: Array<CurlPlaceholder['in']> = ['server', 'path', 'query', 'header', 'cookie'];
  placeholders.sort((a, b) => order.indexOf(a.in) - order.indexOf(b.in));
  const variables = [...(base.startsWith('$BASE_URL') ? ['BASE_URL'] : []), ...credentials.variables];
  return { text: lines.join(' \\\n  '), placeholders, variables };
}

/**
 * How curl is told the method: `-X GET`, but `--head` for HEAD. With `-X HEAD` curl still waits
 * for the body the headers announce, which never comes, so the pasted example hangs (curl warns
 * "Consider using -I/--head instead").
 *
 * A HEAD with a body (DG_OPENAPI_BODY_METHOD) cannot use `--head`: curl refuses `--head` with
 * `-d` ("You can only select one HTTP request method!"). It is sent with `-X HEAD` and the body, as
 * such an API needs, and `--max-time 10` ends the wait for a body that never comes.
 * A GET or DELETE with a body needs nothing more: `-X GET -d …` sends the body with that method.
 */
function methodFlag(verb: string, body: boolean): string {
  if (verb !== 'HEAD') return `-X ${verb}`;
  return body ? '-X HEAD --max-time 10' : '--head';
}

/**
 * What a required query parameter with no value to send is shown as: `{status}`, a placeholder
 * written as a path parameter's is (the example then passes `--globoff`, and the overview says to
 * replace it), readable where the percent-encoded `%3Cstatus%3E` was not. Only what would end the
 * value or the query (`&`, `#`, `%`, `+`, a space) is encoded in its name.
 */
function queryPlaceholder(name: string): string {
  return `{${name.replace(/[&#%+\s]/g, (character) => encodeURIComponent(character))}}`;
}

/** A body's example as an object of its fields, when it is one (a multipart body's is JSON). */
function exampleObject(example: string | undefined): Json | undefined {
  try {
    const value: unknown = example === undefined ? undefined : JSON.parse(example);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** A multipart part's value as curl's -F sends it: text as it is, anything else as JSON, `…` when unknown. */
function partValue(value: unknown): string {
  if (value === undefined) return '…';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A string that is a file's bytes: OpenAPI 3.0's `format: binary`, or 3.1's `contentMediaType`
 * naming a document that is not text (`image/png`, `application/octet-stream`).
 */
function isFileType(type: TypeExpr): boolean {
  if (type.kind !== 'primitive') return false;
  if (type.format === 'binary') return true;
  const media = type.contentMediaType?.toLowerCase();
  return !!media && !/^text\/|[/+](json|xml)\b|^application\/(x-www-form-urlencoded|javascript|yaml)/.test(media);
}

/** A body that is a file's bytes (`format: binary`, or a media type that is never text): curl sends a file. */
function isFileUpload(body: MediaContent): boolean {
  return (
    (body.schema !== undefined && isFileType(body.schema.type)) ||
    /^(application\/(octet-stream|pdf|zip|gzip)|image\/|audio\/|video\/)/.test(body.mediaType)
  );
}

/**
 * The first server's URL as curl needs it: a protocol-relative `//host` gets `https:`; a relative
 * one (`/api/v3`, or no server at all: OpenAPI's default is `/`) is served from wherever the spec
 * is, which the spec does not say, so the example starts from `$BASE_URL` for the reader to set.
 */
/** The headers (lower case) a curl example sends of its own: the credentials', `Content-Type` with a body, `Accept`. */
function headersSent(credentials: CurlCredentials, body: boolean, accept: boolean): Set<string> {
  const sent = new Set<string>();
  for (const flag of credentials.headers) {
    const header = /^-H ["']([^:"']+):/.exec(flag)?.[1];
    if (header) sent.add(header.toLowerCase());
    // `-u user:password`, `--digest -u …`: curl writes the Authorization header.
    else if (/(?:^|\s)-u\s/.test(flag)) sent.add('authorization');
  }
  if (body) sent.add('content-type');
  if (accept) sent.add('accept');
  return sent;
}

function curlBase(url = ''): string {
  const base = url.replace(/^\/\//, 'https://').replace(/\/+$/, '');
  // A URL that starts with a variable (`{Endpoint}/text/analytics/v3.0`, Azure's) has it stand for
  // the scheme and host: the reader replaces it, as a path parameter's placeholder.
  return /^([a-z][a-z0-9+.-]*:\/\/|\{[^}/]+\})/i.test(base) ? base : `$BASE_URL${base}`;
}

/**
 * Single-quoted; double-quoted only when it carries one of `variables` or $BASE_URL, so the shell
 * expands those (and nothing else).
 */
function shellQuoted(text: string, variables: ReadonlySet<string>): string {
  const names = ['BASE_URL', ...variables].join('|');
  const variable = new RegExp(`\\$(${names})(?![A-Za-z0-9_])`);
  if (!variable.test(text)) return `'${shellSafe(text)}'`;
  const otherDollar = new RegExp(`\\$(?!(${names})(?![A-Za-z0-9_]))`, 'g');
  return `"${text.replace(/[\\"`]/g, '\\$&').replace(otherDollar, '\\$')}"`;
}

interface CurlCredentials {
  query: string[];
  headers: string[];
  cookies: string[];
  /** The shell variables they read (`API_KEY`, `TOKEN`…). */
  variables: Set<string>;
}

/**
 * How curl sends each scheme of one security requirement, from shell variables the overview lists
 * (an API key `$API_KEY`, a token `$TOKEN`, a client certificate `$CLIENT_CERT`…).
 */
function curlCredentials(context: WalkContext, schemes: Array<{ name: string }>): CurlCredentials {
  const credentials: CurlCredentials = { query: [], headers: [], cookies: [], variables: new Set() };
  const definitions = schemes.flatMap(({ name }) => {
    const definition = securityDefinition(context, name);
    return definition ? [{ name, definition }] : [];
  });
  const send = (flag: string, variables: string[]): void => {
    if (!credentials.headers.includes(flag)) credentials.headers.push(flag);
    for (const variable of variables) credentials.variables.add(variable);
  };
  for (const { name, definition } of definitions) {
    const type = String(definition.type);
    const httpScheme = type === 'http' ? String(definition.scheme ?? '').toLowerCase() : '';
    if (type === 'apiKey') {
      // A key the spec does not name cannot be sent (reported by warnIncompleteApiKeys).
      if (typeof definition.name !== 'string' || !definition.name) continue;
      const variable = context.apiKeyVariables.get(name) ?? 'API_KEY';
      credentials.variables.add(variable);
      const keyName = definition.name;
      if (definition.in === 'query') credentials.query.push(`${encodeURIComponent(keyName)}=$${variable}`);
      else if (definition.in === 'cookie') credentials.cookies.push(`${keyName}=$${variable}`);
      else credentials.headers.push(`-H "${keyName}: $${variable}"`);
    } else if (type === 'basic' || httpScheme === 'basic') send(`-u "$USERNAME:$PASSWORD"`, ['USERNAME', 'PASSWORD']);
    else if (httpScheme === 'digest') send(`--digest -u "$USERNAME:$PASSWORD"`, ['USERNAME', 'PASSWORD']);
    // A client certificate is no header: curl presents it in the TLS handshake.
    else if (type === 'mutualTLS') send(`--cert "$CLIENT_CERT" --key "$CLIENT_KEY"`, ['CLIENT_CERT', 'CLIENT_KEY']);
    // An HTTP scheme other than bearer is named as the spec names it (`Authorization: Token $TOKEN`).
    else if (httpScheme && httpScheme !== 'bearer' && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(String(definition.scheme)))
      send(`-H "Authorization: ${String(definition.scheme).replace(/[$`"\\]/g, '\\$&')} $TOKEN"`, ['TOKEN']);
    // OAuth 2.0, OpenID Connect and bearer tokens travel the same way.
    else send(`-H "Authorization: Bearer $TOKEN"`, ['TOKEN']);
  }
  return credentials;
}

/**
 * Where a requirement names several API keys (Alpaca's key id and secret), one $API_KEY cannot
 * stand for both: every API key of the spec then gets a variable named after its scheme, in the
 * shell's style (`apiSecret` → `API_SECRET`, `app-id` → `APP_ID`), each its own.
 */
function nameApiKeyVariables(context: WalkContext): void {
  const isApiKey = (name: string): boolean => securityDefinition(context, name)?.type === 'apiKey';
  const severalKeys = securityRequirements(context.document).some(
    (requirement) => Object.keys(requirement).filter(isApiKey).length > 1,
  );
  if (!severalKeys) return;
  const declared = declaredSchemes(context.spec, context.document, context.dialect)?.map;
  const taken = new Set(RESERVED_VARIABLES);
  for (const scheme of Object.keys(declared ?? {}).filter(isApiKey)) {
    const base =
      scheme
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toUpperCase() || 'API_KEY';
    const named = /^[0-9]/.test(base) ? `KEY_${base}` : base;
    let variable = named;
    for (let n = 2; taken.has(variable); n++) variable = `${named}_${n}`;
    taken.add(variable);
    context.apiKeyVariables.set(scheme, variable);
  }
}

/** Every security requirement the spec writes: the top level's and each operation's. */
function securityRequirements(document: Json): Json[] {
  const lists = [document.security];
  for (const key of ['paths', 'x-ms-paths', 'webhooks'])
    for (const item of Object.values((document[key] ?? {}) as Json))
      if (item && typeof item === 'object')
        for (const operation of Object.values(item as Json))
          if (operation && typeof operation === 'object') lists.push((operation as Json).security);
  return lists.flatMap((list) =>
    Array.isArray(list) ? list.filter((entry): entry is Json => !!entry && typeof entry === 'object') : [],
  );
}

/** The variables curl examples read for other things: an API key's own variable never takes one. */
const RESERVED_VARIABLES = ['BASE_URL', 'TOKEN', 'USERNAME', 'PASSWORD', 'CLIENT_CERT', 'CLIENT_KEY'];

function securityDefinition(context: WalkContext, name: string): Json | undefined {
  const declared = declaredSchemes(context.spec, context.document, context.dialect);
  const value = declared?.map[name];
  return isRef(value)
    ? (context.spec.resolve(value.$ref, child(declared!.at, name)).value as Json)
    : (value as Json | undefined);
}

function compactJson(text: string): string {
  try {
    const compact = JSON.stringify(JSON.parse(text));
    return compact.length <= 200 ? compact : text;
  } catch {
    return text;
  }
}

function shellSafe(value: string): string {
  return value.replace(/'/g, `'\\''`);
}

export function relativeToCwd(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
