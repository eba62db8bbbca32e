import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { closestName, DocgenError, type SourceLocation } from './diagnostics.js';

/**
 * JSON Schema validation with errors a user can act on: the offending key in dotted form
 * (`sources[0].options.spec`), where it is (file:line when the caller can locate a pointer),
 * and what would have been accepted.
 */
export interface ValidationTarget {
  /** What is being validated, for the message: `docgen config`, `options of plugin "openapi"`. */
  what: string;
  /** Prefix of every reported key (e.g. `sources[0].options`). */
  keyPrefix?: string;
  /** Map a JSON pointer (relative to the validated value) to a location; `key` asks for the key's position. */
  locate?: (pointer: string, key?: boolean) => SourceLocation | undefined;
  /** Code of the thrown DocgenError. */
  code?: string;
  /**
   * Check the schema itself against JSON Schema 2020-12 first: for schemas from outside docgen (an
   * in-house plugin's options schema). docgen's own schemas are checked by its tests instead, which
   * spares every run compiling the meta-schema (~80 ms of a cold start).
   */
  checkSchema?: boolean;
}

type AjvModule = typeof import('ajv/dist/2020.js');
let Ajv: AjvModule['Ajv2020'] | undefined;
let ajv: Ajv2020Type | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
let precompiled: Record<string, ValidateFunction> | undefined;

/**
 * How docgen's Ajv validates (also what `tools/precompile-validators.js` compiles with): every
 * error at once, defaults filled in, and `strict: false` so plugin authors may use annotations
 * Ajv does not know (e.g. `markdownDescription`).
 */
export const SCHEMA_VALIDATOR_OPTIONS = { allErrors: true, strict: false, useDefaults: true, validateSchema: false };

/**
 * Get ready to validate against `schemas` (default: any schema). `validateAgainstSchema` is
 * synchronous; async callers (config loading, plugin runs) call this first, so docgen's own
 * schemas use their validators compiled at build time, and Ajv itself (a chunk of its own in the
 * CLI's bundle) is loaded only for a schema that has none, such as an in-house plugin's.
 */
export async function loadSchemaValidator(schemas?: Array<Record<string, unknown>>): Promise<void> {
  precompiled ??= (await import('./precompiled-validators.js')).validators;
  if (Ajv || schemas?.every((schema) => precompiledValidator(schema))) return;
  const module = await import('ajv/dist/2020.js');
  // Node finds the CommonJS module's named exports; a bundler may offer only its default (the class).
  Ajv ??= module.Ajv2020 ?? module.default;
}

/** The build's validator for `schema`, found by its JSON once and then kept with the schema object. */
function precompiledValidator(schema: Record<string, unknown>): ValidateFunction | undefined {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiled?.[JSON.stringify(schema)];
    if (validate) compiled.set(schema, validate);
  }
  return validate;
}

function compile(schema: Record<string, unknown>, target: ValidationTarget): ValidateFunction {
  let validate = target.checkSchema ? compiled.get(schema) : precompiledValidator(schema);
  if (!validate) {
    // Ajv is loaded on first use: every command imports @docgen/core and `docgen --help` must stay fast.
    Ajv ??= (createRequire(import.meta.url)('ajv/dist/2020.js') as AjvModule).Ajv2020;
    ajv ??= new Ajv(SCHEMA_VALIDATOR_OPTIONS);
    if (target.checkSchema && !ajv.validateSchema(schema)) {
      throw new DocgenError({
        code: 'DG_SCHEMA_INVALID',
        message: `the schema for ${target.what} is not valid JSON Schema: ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}`,
        hint: 'fix the schema where it is defined (JSON Schema 2020-12, https://json-schema.org/draft/2020-12)',
      });
    }
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validate `value` in place (defaults from the schema are filled in); throw a DocgenError on the first problems. */
export function validateAgainstSchema(schema: Record<string, unknown>, value: unknown, target: ValidationTarget): void {
  const validate = compile(schema, target);
  if (validate(value)) return;
  const errors = simplify(validate.errors ?? []);
  const first = errors[0]!;
  const where = (error: ErrorObject) => {
    const pointer =
      error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${escapePointer(String(error.params.additionalProperty))}`
        : error.instancePath;
    return target.locate?.(pointer, error.keyword === 'additionalProperties');
  };
  const lines = errors.slice(0, 8).map((error) => {
    const location = where(error);
    return `${describe(error, target.keyPrefix)}${location?.line ? ` (line ${location.line})` : ''}`;
  });
  const more = errors.length > 8 ? `\n  … and ${errors.length - 8} more` : '';
  throw new DocgenError({
    code: target.code ?? 'DG_CONFIG_INVALID',
    message:
      errors.length === 1
        ? `invalid ${target.what}: ${lines[0]}`
        : `invalid ${target.what}:\n  - ${lines.join('\n  - ')}${more}`,
    location: where(first),
    hint: hintFor(first, schema, errors) ?? shapeHint(first, value) ?? valueHint(first, value),
  });
}

/**
 * For a value of the wrong shape, what to write instead, with the author's own value: a list where
 * one value was written (`dependsOn: resource:db` → `dependsOn: [resource:db]`), one value where a
 * list was (`owner: [team-a]` → `owner: team-a`). Undefined for other mistakes.
 */
function shapeHint(error: ErrorObject, root: unknown): string | undefined {
  if (error.keyword !== 'type') return undefined;
  const key = unescapePointer(error.instancePath.split('/').pop() ?? '');
  if (!key || /^\d+$/.test(key)) return undefined;
  const written = valueAt(root, error.instancePath);
  const expected = String(error.params.type);
  const scalar = typeof written === 'string' || typeof written === 'number' || typeof written === 'boolean';
  // `spec:` or `owner:` with nothing after it: YAML reads null.
  if (written === null)
    return expected === 'object' || expected === 'array'
      ? `${key} is empty: write its ${expected === 'object' ? 'keys' : 'items'} under it, indented, or remove the line`
      : `${key} is empty: write its value after "${key}:", or remove the line`;
  if (expected === 'array' && scalar) return `write a list, even of one: ${key}: [${String(written)}]`;
  // `sources:` then `plugin: openapi` under it, without the `- `: one item written as the list's keys.
  if (expected === 'array' && written && typeof written === 'object' && !Array.isArray(written)) {
    const [first] = Object.entries(written);
    const item = first && typeof first[1] !== 'object' ? `"- ${first[0]}: ${String(first[1])}"` : '"- …"';
    return `${key} holds a list, not keys and values: start each item with "- " on a line of its own under it (${item}, the rest of the item indented under that), or in JSON write [ { … } ]`;
  }
  if ((expected === 'string' || expected === 'number') && Array.isArray(written))
    return written.length === 1 && (typeof written[0] === 'string' || typeof written[0] === 'number')
      ? `${key} takes one value, not a list: ${key}: ${String(written[0])}`
      : `${key} takes one value, not a list`;
  if (expected === 'object' && scalar) return `${key} holds keys and values, one per line under it (name: value)`;
  // YAML reads `12345` and `true` as a number and a boolean: quoted, they are the text meant.
  if (expected === 'string' && (typeof written === 'number' || typeof written === 'boolean'))
    return `quote it, as YAML reads it as a ${typeof written}: ${key}: "${String(written)}"`;
  return undefined;
}

/**
 * For a value the schema does not allow, the value to write, as the key is written: the allowed
 * one it is a slip of (`onConflict: Skip` → `skip`), else the first allowed; a number past its
 * bound, the bound. Undefined for other mistakes.
 */
function valueHint(error: ErrorObject, root: unknown): string | undefined {
  const key = unescapePointer(error.instancePath.split('/').pop() ?? '');
  if (!key || /^\d+$/.test(key)) return undefined;
  const params = error.params as { allowedValues?: unknown[]; limit?: number };
  if (error.keyword === 'enum' && params.allowedValues?.every((allowed) => typeof allowed === 'string')) {
    const allowed = params.allowedValues as string[];
    const written = valueAt(root, error.instancePath);
    const meant = typeof written === 'string' ? closestName(written, allowed) : undefined;
    return meant
      ? `did you mean "${meant}"? write ${key}: ${meant}`
      : `write one of the values listed, e.g. ${key}: ${allowed[0]}`;
  }
  if (error.keyword === 'maximum') return `write at most ${params.limit}: ${key}: ${params.limit}`;
  if (error.keyword === 'minimum') return `write at least ${params.limit}: ${key}: ${params.limit}`;
  return undefined;
}

/** The value at a JSON pointer of `root` (`/spec/owner`), or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Ajv reports every failed branch of a oneOf/anyOf; keep the most specific errors per location. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword));
  const list = concrete.length ? concrete : errors;
  const seen = new Set<string>();
  return list.filter((error) => {
    const id = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function escapePointer(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment; // most keys
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/paths/~1pets` → `['paths', '/pets']`; the empty pointer (the whole document) → `[]`. */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapePointer);
}

/** `/sources/0/options` → `sources[0].options` */
export function pointerToKey(pointer: string, prefix = ''): string {
  let key = prefix;
  for (const segment of pointerSegments(pointer)) {
    if (/^\d+$/.test(segment)) key += `[${segment}]`;
    else key += key ? `.${segment}` : segment;
  }
  return key;
}

function describe(error: ErrorObject, prefix?: string): string {
  const key = pointerToKey(error.instancePath, prefix);
  const subject = key ? `"${key}"` : 'the value';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${pointerToKey(`${error.instancePath}/${escapePointer(String(params.additionalProperty))}`, prefix)}"`;
    case 'required':
      return `missing required key "${pointerToKey(`${error.instancePath}/${escapePointer(String(params.missingProperty))}`, prefix)}"`;
    case 'type':
      return `${subject} must be ${article(String(params.type))}`;
    case 'enum':
      return `${subject} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${subject} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  const list = type.split(',');
  const one = (t: string) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`);
  return list.map(one).join(' or ');
}

function hintFor(error: ErrorObject, schema: Record<string, unknown>, errors: ErrorObject[]): string | undefined {
  // A misspelt key is both unknown and, when required, missing: "add the missing key" misled, as
  // the key is there, one letter off. Renaming it is the fix for either error.
  const rename = misspeltKeyAt(error.instancePath, schema, errors);
  if (error.keyword === 'additionalProperties') {
    const allowed = Object.keys(subSchemaAt(schema, error.schemaPath)?.properties ?? {});
    if (!allowed.length) return 'remove the key';
    return `${rename ? `${rename}; ` : ''}allowed keys here: ${allowed.join(', ')}`;
  }
  if (error.keyword === 'required') return rename ?? 'add the missing key';
  return undefined;
}

/** `rename "plugn" to "plugin"` for an unknown key at `instancePath` that is a slip of an allowed one. */
function misspeltKeyAt(
  instancePath: string,
  schema: Record<string, unknown>,
  errors: ErrorObject[],
): string | undefined {
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' || error.instancePath !== instancePath) continue;
    const key = String(error.params.additionalProperty);
    const allowed = Object.keys(subSchemaAt(schema, error.schemaPath)?.properties ?? {});
    // One slip per three letters, at most two: `url` is not a slip of `user`, `optoins` is of `options`.
    const meant = closestName(key, allowed, Math.max(1, Math.min(2, Math.floor(key.length / 3))));
    if (meant) return `rename "${key}" to "${meant}"`;
  }
  return undefined;
}

/** The schema object that owns the failing keyword, e.g. `#/properties/sources/items/additionalProperties` → items. */
function subSchemaAt(
  schema: Record<string, unknown>,
  schemaPath: string,
): { properties?: Record<string, unknown> } | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1).map(unescapePointer);
  let node: unknown = schema;
  for (const segment of segments) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node as { properties?: Record<string, unknown> } | undefined;
}
