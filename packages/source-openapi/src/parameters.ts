/**
 * One parameter (path, query, header, cookie) → the model: its schema or `content`, its example,
 * allowed values, and how a list or object is written in a query or header (`style`, `explode`,
 * Swagger 2.0's `collectionFormat`); a path parameter not marked required. Also a response
 * header's, which is written as a parameter.
 */
import { closestName } from '@docgen/core';
import { isRef, type SpecPointer } from './load.js';
import type { Dialect, Parameter } from './model.js';
import { child, constraints, distinctValues, listExample } from './schemas.js';
import { type WalkContext, type Json, trackUse, text, isPlainObject } from './walk.js';
import { namedExamples, type NamedExample } from './examples.js';

/**
 * A parameter, or a response's header (`ofResponse`: its status, the header read as a parameter
 * `in: header` named by its key).
 */
export function parameter(
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
  if (ofResponse === undefined) warnUnknownPlace(context, raw, at);
  const ignored = isIgnoredHeader(context, raw, ofResponse);
  if (ignored) warnIgnoredHeader(context, raw, at, ofResponse);
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
    description: text(raw.description) ?? text(schemas.usedDescription(schema, schemaAt)),
    type: schema ? schemas.typeOf(schema, schemaAt) : { kind: 'primitive', name: 'string' },
    constraints: resolved ? constraints(resolved) : [],
    example: example === undefined ? undefined : asText(example),
    ...(own?.summary !== undefined && example !== undefined && { exampleSummary: own.summary }),
    ...(own?.others && example !== undefined && moreExamples(own.others, example)),
    ...(exampleUrl !== undefined && { exampleUrl }),
    ...(example === undefined && sent !== undefined && { sample: asText(sent) }),
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
    ...(ignored && { ignored }),
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
export function firstReportAt(context: WalkContext, code: string, at: SpecPointer): boolean {
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
  // `requried: true`: the key is there, misspelt; renaming it is the fix, not adding another.
  const misspelt =
    raw.required === undefined
      ? Object.keys(raw).find((key) => key !== 'required' && closestName(key, ['required']) !== undefined)
      : undefined;
  const written = misspelt
    ? `has "${misspelt}", not \`required\``
    : raw.required === undefined
      ? 'has no `required`'
      : `says \`required: ${JSON.stringify(raw.required)}\``;
  context.report({
    code: 'DG_OPENAPI_PATH_PARAMETER_REQUIRED',
    severity: 'warning',
    message: `${label} ${written}, and the spec requires \`required: true\` on every path parameter: it is shown as required`,
    ...context.spec.where(misspelt ? child(at, misspelt) : raw.required === undefined ? at : child(at, 'required')),
    hint: misspelt
      ? `did you mean required? rename "${misspelt}" to "required"`
      : 'add `required: true` to it (a path cannot be requested without its parameters; for an optional part, declare a second path without it)',
  });
}

/**
 * Each header OpenAPI 3 ignores as a parameter, by its name in lower case: as the spec writes it
 * (`header`), where OpenAPI takes it from instead (`from`, the parameters table's note), what says it
 * and the hint to write it there (the warning), and whether the curl example sends it all the same
 * (see operations' withCredentialsSent). Swagger 2.0 has no such rule: its `Authorization` header
 * parameters (where a spec has no security definitions) are sent as written.
 */
const IGNORED_HEADERS: Record<string, { header: string; from: string; why: string; hint: string; sent?: string }> = {
  'content-type': {
    header: 'Content-Type',
    from: "the request body's media type",
    why: "a request's `Content-Type` is its body's media type",
    hint: 'give the operation a `requestBody` whose `content` is keyed by the media type it sends',
  },
  accept: {
    header: 'Accept',
    from: "the responses' media types",
    why: 'the `Accept` a client sends is one of the media types its responses list',
    hint: "key each response's `content` by the media type it returns",
  },
  authorization: {
    header: 'Authorization',
    from: 'the security schemes',
    why: 'the `Authorization` a request sends is what its security schemes say',
    hint: "describe the credentials as a security scheme (`components.securitySchemes`, e.g. `{ type: http, scheme: bearer }`) that the operation's `security` lists",
    // The only word on the credentials an operation without a security requirement has.
    sent: 'sends it only where it is required and the operation has no security requirement',
  },
};

/** A response's `Content-Type`, which OpenAPI 3 ignores as one of its headers: as `IGNORED_HEADERS`' entries. */
const IGNORED_RESPONSE_HEADER = {
  header: 'Content-Type',
  from: "the response's media types",
  why: "a response's `Content-Type` is its media type",
  hint: "key the response's `content` by the media type it returns",
};

/**
 * Where OpenAPI 3 takes a header it ignores from instead, for the parameters table's note: the
 * header as the spec writes it, and the part of the spec that says it.
 */
export function ignoredHeaderSource(name: string, ofResponse: boolean): { header: string; from: string } {
  return ofResponse
    ? IGNORED_RESPONSE_HEADER
    : (IGNORED_HEADERS[name.toLowerCase()] ?? { header: name, from: 'elsewhere in the spec' });
}

/**
 * A header OpenAPI 3 says SHALL be ignored: a parameter named `Accept`, `Content-Type` or
 * `Authorization`, or a response's header named `Content-Type` (any case).
 */
function isIgnoredHeader(context: WalkContext, raw: Json, ofResponse: string | undefined): boolean {
  if (context.dialect === 'swagger-2.0' || raw.in !== 'header') return false;
  const name = String(raw.name ?? '').toLowerCase();
  return ofResponse === undefined ? name in IGNORED_HEADERS : name === 'content-type';
}

/**
 * A header OpenAPI 3 says SHALL be ignored (Twitter's required `Content-Type: multipart/form-data`
 * parameter on operations without a body, a response's `Content-Type` header): reported once where
 * it is written, with where the spec says that header instead.
 */
function warnIgnoredHeader(context: WalkContext, raw: Json, at: SpecPointer, ofResponse: string | undefined): void {
  if (!firstReportAt(context, 'DG_OPENAPI_HEADER_PARAMETER_IGNORED', at)) return;
  const name = String(raw.name);
  const { why, hint, sent } =
    ofResponse === undefined
      ? { sent: 'does not send it', ...IGNORED_HEADERS[name.toLowerCase()]! }
      : { ...IGNORED_RESPONSE_HEADER, sent: undefined };
  const what = ofResponse === undefined ? `header parameter "${name}"` : `header "${name}" of response ${ofResponse}`;
  // A default or enum names the media type meant: the hint writes its key.
  const value = allowedValue(isPlainObject(raw.schema) ? raw.schema : undefined);
  const key = name.toLowerCase() === 'content-type' && typeof value === 'string' ? ` (\`${value}:\`)` : '';
  context.report({
    code: 'DG_OPENAPI_HEADER_PARAMETER_IGNORED',
    severity: 'warning',
    // A response's header is never sent: the table's note is all it changes.
    message: `${what} is one OpenAPI 3 says to ignore (${why}): it is listed with that note${sent ? `, and the curl example ${sent}` : ''}`,
    ...context.spec.where(at),
    hint: `remove it, and ${hint}${key}`,
  });
}

/** Where a parameter may go, by dialect (Swagger 2.0's `body` and `formData` are read as its request body). */
const PLACES = {
  'swagger-2.0': ['path', 'query', 'header'],
  openapi: ['path', 'query', 'header', 'cookie'],
} as const;

/**
 * A parameter `in` a place no client sends it (`in: querry`): shown as written, and reported once
 * where it is written, with the place meant; a tool that validates the spec would refuse it.
 */
function warnUnknownPlace(context: WalkContext, raw: Json, at: SpecPointer): void {
  const places: readonly string[] = PLACES[context.dialect === 'swagger-2.0' ? 'swagger-2.0' : 'openapi'];
  // OpenAPI 3.2's `querystring` (the whole query string as one parameter) is a place too.
  if (raw.in === undefined || places.includes(String(raw.in)) || raw.in === 'querystring') return;
  if (!firstReportAt(context, 'DG_OPENAPI_PARAMETER_IN', at)) return;
  const meant = closestName(String(raw.in), places);
  context.report({
    code: 'DG_OPENAPI_PARAMETER_IN',
    severity: 'warning',
    message: `parameter "${String(raw.name ?? '')}" is \`in: ${String(raw.in)}\`, which is no place a parameter goes (${places.join(', ')}): it is shown as written`,
    ...context.spec.where(child(at, 'in')),
    hint: meant ? `did you mean ${meant}? write \`in: ${meant}\`` : `write \`in:\` one of ${places.join(', ')}`,
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
 * web address is kept as a link; with the named examples after it (`others`). Undefined when it
 * has none.
 */
function parameterExample(
  context: WalkContext,
  holder: Json,
  at: SpecPointer,
): { value: unknown; url?: string; summary?: string; others?: NamedExample[] } | undefined {
  if (holder.example !== undefined) return { value: holder.example };
  const [first, ...others] = namedExamples(context, holder.examples, child(at, 'examples'), PARAMETER_INSTEAD);
  if (!first) return undefined;
  const summary = first.summary?.trim() || undefined;
  if (first.url !== undefined) return { value: undefined, url: first.url };
  return {
    value: first.file && typeof first.value === 'string' ? fileValue(first.value) : first.value,
    summary,
    others,
  };
}

/** How many of a parameter's other named examples are shown: Azure's give one per operation scenario. */
const MORE_EXAMPLES = 3;

/**
 * A parameter's named examples after the first, those with a value of their own (distinct, and
 * not the first's), as text. Azure's converted specs repeat one `api-version` under every scenario
 * name: those collapse to the one example.
 */
function moreExamples(
  others: NamedExample[],
  first: unknown,
): Pick<Parameter, 'moreExamples' | 'moreExamplesLeft'> | undefined {
  const seen = new Set([asText(first)]);
  const found: Array<{ value: string; summary?: string }> = [];
  for (const named of others) {
    if (named.url !== undefined || named.value === undefined) continue;
    const value = asText(named.file && typeof named.value === 'string' ? fileValue(named.value) : named.value);
    if (seen.has(value)) continue;
    seen.add(value);
    found.push({ value, ...(named.summary?.trim() && { summary: named.summary.trim() }) });
  }
  if (!found.length) return undefined;
  const left = found.length - MORE_EXAMPLES;
  return { moreExamples: found.slice(0, MORE_EXAMPLES), ...(left > 0 && { moreExamplesLeft: left }) };
}

/** A file's text as the value sent: its last line break is the file's, not the value's. */
function fileValue(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** A value as a parameter carries it: text as it is, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What the warning says becomes of a parameter's example whose `externalValue` cannot be read. */
const PARAMETER_INSTEAD = "the parameter's next example is shown instead, else its schema's, if any";

/**
 * A value a parameter's schema allows, for a curl example when the spec gives none: its `default`,
 * else its first `enum` value; for a list, items so chosen, as many as a generated body's list
 * holds (`minItems`, at most `maxItems`, different under `uniqueItems`). The OpenAPI Generator
 * petstore's required `status` list, whose items default to `available`, is sent as
 * `status=available`, not as a `<status>` to replace.
 */
function allowedValue(s: Json | undefined): unknown {
  if (!s || typeof s !== 'object') return undefined;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const items = s.items;
  if (!isPlainObject(items) || isRef(items)) return undefined;
  const item = allowedValue(items);
  return item === undefined ? undefined : listExample(s, item, (count) => distinctValues(item, items, count));
}

/**
 * How an object example travels in the query string (OpenAPI 3): `style: form` exploded, its
 * default, sends each property as a parameter of its own (`color=red&size=3`); `deepObject` names
 * each in brackets (`filter[color]=red`); unexploded, the parameter holds the keys and values
 * joined (`filter=color,red,size,3`).
 */
function queryObject(raw: Json, example: Json): string[] {
  const entries = Object.entries(example).map(([key, value]) => [key, asText(value)]);
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
export const LIST_SEPARATORS: Record<string, string> = {
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
