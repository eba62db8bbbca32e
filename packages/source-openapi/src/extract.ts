/**
 * Spec → model. One walker for all three dialects: Swagger 2.0 is normalized on the way in
 * (body/formData parameters become a request body, `produces` becomes response media types,
 * `host` + `basePath` + `schemes` become servers), so the rest of the code sees one shape.
 * This file is the walk's order: the spec-wide reads and checks, then each path item's
 * operations (operations.ts), then tags into pages; each part is a module of its own.
 */
import type { Diagnostic } from '@docgen/core';
import { isRef, type SpecPointer, type SpecSet } from './load.js';
import type { ApiModel, NamedSchema, Operation } from './model.js';
import { child, SchemaRegistry } from './schemas.js';
import { curlServer } from './servers.js';
import { type AnyDocument, type Json, mapAt, componentMap, type WalkContext, text } from './walk.js';
import {
  detectDialect,
  warnPreRelease,
  reportUnknownType,
  warnUnfollowedBindings,
  warnShorthandRefs,
  warnNullableIn31,
} from './dialect.js';
import { warnUnsafeUrls } from './unsafe-urls.js';
import { parameterizedHost, servers, serverUrls } from './spec-servers.js';
import { roleSchemes, warnIncompleteApiKeys, nameApiKeyVariables, securitySchemes } from './security.js';
import { declaredTags, groupByTag } from './tags.js';
import { pathItemOperations } from './paths.js';
import { curlBase } from './code-samples.js';
import { extractOperation } from './operations.js';

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
    summary: text(info.summary),
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
