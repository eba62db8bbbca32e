/**
 * Which OpenAPI a spec is written in (Swagger 2.0, 3.0, 3.1, a release candidate read as its
 * release), what a file that is no OpenAPI is (AsyncAPI, Swagger 1.2, Postman), and what the whole
 * spec writes that its dialect does not mean: 3.0's `nullable` in 3.1, bare-name `$ref`s, `type:
 * String`, a `$dynamicAnchor` binding that is not followed. Read once per spec, before and beside
 * the walk of its paths.
 */
import { DocgenError, fixOptionHint, type Diagnostic, type OptionOrigin } from '@docgen/core';
import type { SpecPointer, SpecSet } from './load.js';
import type { Dialect } from './model.js';
import { child } from './schemas.js';
import type { WalkContext, Json } from './walk.js';

/**
 * A schema binding a generic's `$dynamicAnchor` is followed when the generic it `$ref`s holds the
 * `$dynamicRef` itself; one that holds it deeper, behind a `$ref` of its own, is read as the
 * generic alone, with its default. Say so where the binding is, naming the `$dynamicRef`.
 */
export function warnUnfollowedBindings(context: WalkContext): void {
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
export function warnPreRelease(spec: SpecSet, report: (diagnostic: Diagnostic) => void): void {
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

export function detectDialect(spec: SpecSet): Dialect {
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
 * OpenAPI 3.1 dropped 3.0's `nullable: true` for JSON Schema's `type: [T, 'null']`: validators and
 * generators that read 3.1 ignore it, so the field they build is not nullable. docgen honours it,
 * as the author meant, and says so once for the whole spec (a generated spec writes it on hundreds
 * of schemas), naming the first and how many.
 */
export function warnNullableIn31(context: WalkContext): void {
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
export const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'value', 'dataValue']);
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

export function warnShorthandRefs(context: WalkContext): void {
  for (const { ref, at, meant } of context.spec.shorthandRefs.values())
    context.report({
      code: 'DG_OPENAPI_REF_SHORTHAND',
      severity: 'warning',
      message: `$ref "${ref}" is a bare name, which a $ref reads as a file path (there is no such file): read as "${meant}"`,
      ...context.spec.where(at),
      hint: `write $ref: '${meant}': other tools look for a file named ${ref}`,
    });
}

/** `type: String`: read as `string` where only the case is wrong, said either way, at the line. */
export function reportUnknownType(
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
