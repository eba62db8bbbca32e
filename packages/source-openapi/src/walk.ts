/**
 * What every part of the spec → model walk shares: the walk's state (WalkContext: the spec, its
 * dialect, the schema registry, what was reported once), the declared tags and a path item's
 * summary it carries, and the reads each part does of the spec: a `$ref` followed with the
 * `summary`/`description` beside it, a map that may be a `$ref` (`paths`, `components`), a string
 * or nothing, a schema's use by an operation. Apart so that the parts import it, not each other.
 */
import type { Diagnostic } from '@docgen/core';
import type { OpenAPIV2, OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import { isRef, type SpecPointer, type SpecSet } from './load.js';
import type { ApiModel, Dialect, ExternalDocs } from './model.js';
import { child, SchemaRegistry } from './schemas.js';

export type Json = Record<string, unknown>;
export type AnyDocument = OpenAPIV2.Document | OpenAPIV3.Document | OpenAPIV3_1.Document;

export interface WalkContext {
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

export interface DeclaredTag {
  name: string;
  description?: string;
  externalDocs?: ExternalDocs;
  summary?: string;
  parent?: string;
  kind?: string;
  at: SpecPointer;
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
export function mapAt(spec: SpecSet, value: unknown, at: SpecPointer): { map: Json; at: SpecPointer } | undefined {
  const { value: map, at: where } = isRef(value) ? deref(spec, value, at) : { value, at };
  return map && typeof map === 'object' && !Array.isArray(map) ? { map: map as Json, at: where } : undefined;
}

export function componentMap(spec: SpecSet, document: Json, key: string): { map: Json; at: SpecPointer } | undefined {
  const components = mapAt(spec, document.components, { file: spec.rootFile, pointer: '/components' });
  return components && mapAt(spec, components.map[key], child(components.at, key));
}

export function deref(spec: SpecSet, value: unknown, at: SpecPointer): { value: unknown; at: SpecPointer } {
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

/** What a path item (OpenAPI 3.x) says of all its operations: read once per path, not per operation. */
export interface PathItemAbout {
  summary?: string;
  description?: string;
  /** Its `servers`, which replace the spec's for its operations (undefined: none of its own). */
  servers?: ApiModel['servers'];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function isPlainObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Remember which operations use which named schemas (for "used by" lists). */
export function trackUse(context: WalkContext, schema: unknown, at: SpecPointer, anchor: string): void {
  if (!isRef(schema)) return;
  const id = context.schemas.refId(schema.$ref, at);
  let set = context.usedBy.get(id);
  if (!set) context.usedBy.set(id, (set = new Set()));
  set.add(anchor);
}
