/**
 * Request bodies and responses: OpenAPI 3's `requestBody` and `content`, Swagger 2.0's `body` and
 * `formData` parameters made into a request body, each media type's schema and example (JSON
 * checked, XML named, form data encoded, a file's body), responses with their headers and links,
 * and a body on a method that gives it no meaning.
 */
import { stringifyYaml } from '@docgen/core';
import { isRef, type SpecPointer } from './load.js';
import type { ResponseLink, MediaContent, Operation, ResponseModel, ShownExample } from './model.js';
import { child, exampleAsData, stringifyExample, viewForDirection, type XmlExample } from './schemas.js';
import { brokenJsonExample } from './json-text.js';
import { brokenYamlExample } from './yaml-text.js';
import { type WalkContext, type Json, text, deref, isPlainObject, trackUse } from './walk.js';
import { firstReportAt, parameter } from './parameters.js';
import { namedExamples, type NamedExample } from './examples.js';
import { formPairs, formParts, isFileType } from './form-parts.js';
import { isBytesMediaType, mediaEssence, mediaKind } from './media-types.js';

/** Methods whose request body HTTP gives no defined meaning (RFC 9110), so OpenAPI says to avoid one. */
const METHODS_WITHOUT_BODY_SEMANTICS = new Set(['get', 'head', 'delete']);

/**
 * A request body on a GET, HEAD or DELETE: OpenAPI 3.0 supports a body only where HTTP defines its
 * meaning, 3.1 permits one there but says to avoid it, and proxies, caches and many HTTP clients
 * drop it. Some APIs read one all the same (Bitbucket's bulk DELETEs, Elasticsearch's GET
 * `_search`), so the body is documented and sent, and the reader told.
 */
export function reportBodyWithoutSemantics(context: WalkContext, method: string, path: string, at: SpecPointer): void {
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
export function swaggerBody(
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
  const synthetic = objectOfFields(parameters, bodyParameterField);
  return {
    required: synthetic.required.length > 0,
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

export function swaggerFormBody(
  context: WalkContext,
  operation: Json,
  fields: Array<{ raw: Json; at: SpecPointer }>,
  anchor: string,
): NonNullable<Operation['requestBody']> {
  const consumes = (operation.consumes ?? context.document.consumes) as string[] | undefined;
  const hasFile = fields.some(({ raw }) => raw.type === 'file');
  const mediaType =
    consumes?.find((t) => mediaKind(t) === 'multipart' || mediaKind(t) === 'form') ??
    (hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded');
  const synthetic = objectOfFields(fields, formField);
  // A list field travels as its collectionFormat says (csv unless told): kept for the example's encoding.
  const encoding: Json = {};
  for (const { raw } of fields) {
    if (raw.type === 'array') encoding[String(raw.name)] = { collectionFormat: String(raw.collectionFormat ?? 'csv') };
  }
  const at = fields[0]!.at;
  const body = media(context, mediaType, synthetic, at, { encoding }, undefined, anchor);
  return { required: synthetic.required.length > 0, contents: [body] };
}

/** A form parameter as a field of the form's object: its schema keywords, a file as binary data. */
function formField(raw: Json): Json {
  const { name: _n, in: _i, required: _r, ...schema } = raw;
  return raw.type === 'file' ? { ...schema, type: 'string', format: 'binary' } : schema;
}

/**
 * Swagger 2.0 parameters that together make one object (swag's several body parameters, a form's
 * fields) as that object's schema: each a property under its name, as `field` makes it, required
 * where the parameter is.
 */
function objectOfFields(
  parameters: Array<{ raw: Json }>,
  field: (raw: Json) => Json,
): { type: 'object'; properties: Json; required: string[] } {
  const properties: Json = {};
  const required: string[] = [];
  for (const { raw } of parameters) {
    properties[String(raw.name)] = field(raw);
    if (raw.required === true) required.push(String(raw.name));
  }
  return { type: 'object', properties, required };
}

export function extractResponses(
  context: WalkContext,
  operation: Json,
  at: SpecPointer,
  anchor: string,
): ResponseModel[] {
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
      const content = (response.content ?? {}) as Json;
      contents = contentMedia(context, content, child(responseAt, 'content'), anchor, `response ${status}`);
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

/**
 * The media types of an OpenAPI 3 `content` map (request body or response), each dereferenced;
 * `label` says whose it is, for a report.
 */
export function contentMedia(
  context: WalkContext,
  content: Json,
  contentAt: SpecPointer,
  anchor: string,
  label: string,
): MediaContent[] {
  const strays = Object.keys(content).filter((key) =>
    isStrayExample(context, content[key], child(contentAt, key), key),
  );
  const entries = Object.entries(content).filter(([key]) => !strays.includes(key));
  const fields = strays.length ? strayFields(context, content, contentAt, strays, entries) : undefined;
  if (strays.length) reportStrayExamples(context, contentAt, label, strays, fields && entries[0]![0]);
  return entries.map(([mediaType, raw]) => {
    const entry = deref(context.spec, raw, child(contentAt, mediaType));
    const value = (fields ? { ...(entry.value as Json), example: fields } : entry.value) as Json;
    // OpenAPI 3.2: a streamed body (JSON Lines, server-sent events) describes each item instead.
    if (value?.schema === undefined && value?.itemSchema !== undefined) {
      const item = media(context, mediaType, value.itemSchema, child(entry.at, 'itemSchema'), value, entry.at, anchor);
      return { ...item, stream: true };
    }
    return media(context, mediaType, value?.schema, child(entry.at, 'schema'), value, entry.at, anchor);
  });
}

/**
 * A `content` entry keyed by no media type (`code`, `message`) that has no schema: a field's
 * example where a body's belongs, as swagger2openapi converts a Swagger 2.0 response's `examples`
 * written per field (APIs.guru's Akeneo, vRNI, Budget Insight specs). Shown, it read "Content type
 * `code`" with `401` as its example. One with a schema says what a body is, and stays.
 */
function isStrayExample(context: WalkContext, raw: unknown, at: SpecPointer, key: string): boolean {
  if (key.includes('/')) return false;
  const entry = deref(context.spec, raw, at).value as Json | undefined;
  return isPlainObject(entry) && entry.schema === undefined && entry.itemSchema === undefined;
}

/**
 * Stray examples as the fields of the one body's example, as the Swagger 2.0 spec they were
 * converted from meant them (`examples: { code: 401, message: … }`, written without the media type
 * around them): only where one media type is left, with no example of its own, and each stray has
 * a value written in it.
 */
function strayFields(
  context: WalkContext,
  content: Json,
  at: SpecPointer,
  strays: string[],
  entries: Array<[string, unknown]>,
): Json | undefined {
  if (entries.length !== 1) return undefined;
  const [mediaType, raw] = entries[0]!;
  const body = deref(context.spec, raw, child(at, mediaType)).value as Json | undefined;
  if (mediaKind(mediaType) !== 'json' || body?.example !== undefined || body?.examples !== undefined) return undefined;
  const values = strays.map((key) => strayValue(deref(context.spec, content[key], child(at, key)).value as Json));
  if (values.some((value) => value === undefined)) return undefined;
  return Object.fromEntries(strays.map((key, index) => [key, values[index]]));
}

/** The value a stray entry gives: its `example`, else its first `examples` entry's `value` written in place. */
function strayValue(entry: Json): unknown {
  if (entry.example !== undefined) return entry.example;
  const first = isPlainObject(entry.examples) ? Object.values(entry.examples)[0] : undefined;
  return isPlainObject(first) && !isRef(first) ? first.value : undefined;
}

/** Stray examples in a `content` map, reported once where the map is written (a component response is used by many operations). */
function reportStrayExamples(
  context: WalkContext,
  at: SpecPointer,
  label: string,
  keys: string[],
  readInto: string | undefined,
): void {
  if (!firstReportAt(context, 'DG_OPENAPI_MEDIA_TYPE', at)) return;
  const named = keys.map((key) => `\`${key}\``).join(', ');
  const [are, have, they, fields] =
    keys.length > 1 ? ['are', 'have', 'they are', 'fields'] : ['is', 'has', 'it is', 'field'];
  const fate = readInto ? `read as the ${fields} of the \`${readInto}\` example` : 'left out';
  context.report({
    code: 'DG_OPENAPI_MEDIA_TYPE',
    severity: 'warning',
    message: `${label} has \`content\` keyed by ${named}, which ${are} no media type${keys.length > 1 ? 's' : ''} (\`type/subtype\`) and ${have} no schema: ${they} ${fate}`,
    ...context.spec.where(at),
    hint: 'write the example of the whole body under its media type (`application/json: { example: { code: 401, message: … } }`); `content` is keyed by media type only',
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
  reportBrokenYamlExamples(context, mediaType, holder, holderAt, named);
  // An example kept at a web address is linked to, not fetched, and stands in for a generated one.
  const exampleUrl = named[0]?.url;
  // One kept in a text file is shown as that text.
  const file = named[0]?.file;
  let generated = false;
  let assembled = false;
  let exampleNote: string | undefined;
  // An object's example written as JSON text (swagger-jsdoc's `example: '{"a":1}'`) is that data.
  const resolvedSchema = (isRef(schema) ? context.spec.resolve(schema.$ref, schemaAt).value : schema) as
    Json | undefined;
  const xmlOf = xmlWriter(context, schema, schemaAt);
  const asSent = (value: unknown) =>
    xmlBody(mediaKind(mediaType) === 'json' ? exampleAsData(value, resolvedSchema) : value, mediaType, xmlOf);
  // A response is what a client receives (under /responses/); anything else is what it sends.
  const direction = /\/responses\//.test(schemaAt.pointer) ? 'response' : 'request';
  if (example === undefined && exampleUrl === undefined && schema) {
    const built = schemas.exampleFor(schema, schemaAt, direction);
    example = built.value;
    ({ exampleGenerated: generated, exampleAssembled: assembled } = schemas.exampleOrigin(built, schema, schemaAt));
    // An XML body whose root element (or root array's items) the schema does not name has no
    // example docgen can write, and says so; a plain string (`type: string`'s "string") is no XML
    // body: only a schema's XML text is.
    if (isXml(mediaType) && example !== undefined && typeof example !== 'string') {
      const xml = xmlOf(example);
      if ('unnamed' in xml)
        [example, generated, assembled, exampleNote] = [undefined, false, false, UNNAMED_XML[xml.unnamed]];
    } else if (isXml(mediaType) && !(typeof example === 'string' && /^\s*</.test(example))) {
      [example, generated, assembled] = [undefined, false, false];
    }
  }
  // The spec's own example written as data is no XML body either where no schema names its root
  // element: shown, it was the JSON of that data (and curl sent that JSON as XML); it is said, as
  // for a generated one.
  const unwritable = !generated && !assembled && isXml(mediaType) ? unwritableXml(example, schema, xmlOf) : undefined;
  if (unwritable) [example, exampleNote] = [undefined, unwritable];
  const view = schema ? viewForDirection(schemas.view(schema, schemaAt), direction) : undefined;
  // A file's bytes have no example docgen could write: not `<binary>`, nor the JSON of an object
  // schema (Google's media uploads), which read as the body to send.
  if ((generated || assembled) && (isBytesMediaType(mediaType) || (view && isFileType(view.type))))
    [example, generated, assembled, exampleNote] = [undefined, false, false, BYTES_NOTE];
  const encoding = holder?.encoding as Json | undefined;
  const body = file
    ? fileBody(example as string, mediaType, file.language)
    : exampleBody(asSent(example), mediaType, encoding);
  // A multipart example is shown as the parts it is sent as, not as the JSON it is written in; the
  // curl example sends those same parts (or, with no example, each field of the schema).
  const multipart = mediaKind(mediaType) === 'multipart';
  const how = { encoding, styledParts: context.dialect !== 'openapi-3.0' };
  const partsOf = (value: unknown) => (multipart && isPlainObject(value) ? formParts(value, view, how) : undefined);
  const exampleParts = file ? undefined : partsOf(example);
  const sentParts = multipart ? (exampleParts ?? formParts(undefined, view, how)) : undefined;
  // A form-urlencoded body's fields as curl's `--data-urlencode` sends them, decided as its text is.
  const sentFields =
    mediaKind(mediaType) === 'form' && !file && isPlainObject(example) ? formPairs(example, encoding) : undefined;
  return {
    mediaType,
    schema: view,
    example: body.text,
    exampleLanguage: body.language,
    exampleGenerated: generated,
    exampleAssembled: assembled,
    ...(exampleUrl !== undefined && { exampleUrl }),
    ...(exampleNote && { exampleNote }),
    ...(exampleParts && { exampleParts }),
    ...(sentParts && { sentParts }),
    ...(sentFields && { sentFields }),
    ...(named.length > 1 && {
      exampleName: named[0]!.name,
      exampleSummary: named[0]!.summary,
      moreExamples: named.slice(1).flatMap(({ name, summary, value, url, file }): ShownExample[] => {
        if (url !== undefined) return [{ name, summary, url, language: 'text' }];
        const { text, language } = file
          ? fileBody(value as string, mediaType, file.language)
          : exampleBody(asSent(value), mediaType, encoding);
        const parts = file ? undefined : partsOf(value);
        return text === undefined ? [] : [{ name, summary, example: text, language, ...(parts && { parts }) }];
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
  if (mediaKind(mediaType) !== 'json' || !holderAt) return;
  const resolved = (isRef(schema) ? context.spec.resolve(schema.$ref, schemaAt).value : schema) as Json | undefined;
  const type = resolved?.type;
  if (type === 'string' || (Array.isArray(type) && type.includes('string'))) return;
  for (const { value, at } of writtenExamples(holder, holderAt, named)) {
    const warning = brokenJsonExample(value, () => context.spec.where(at));
    if (warning) context.report(warning);
  }
}

/**
 * A YAML body's examples written as YAML text that does not parse: each said, where it is written.
 * A string is the body as it is sent (never quoted, whatever the schema says), so each is checked.
 */
function reportBrokenYamlExamples(
  context: WalkContext,
  mediaType: string,
  holder: Json | undefined,
  holderAt: SpecPointer | undefined,
  named: NamedExample[],
): void {
  if (mediaKind(mediaType) !== 'yaml' || !holderAt) return;
  for (const { value, at } of writtenExamples(holder, holderAt, named)) {
    const warning = brokenYamlExample(value, () => context.spec.where(at));
    if (warning) context.report(warning);
  }
}

/** A media type's examples written in the spec itself (`example`, each of `examples`), not kept in files. */
function writtenExamples(
  holder: Json | undefined,
  holderAt: SpecPointer,
  named: NamedExample[],
): Array<{ value: unknown; at: SpecPointer }> {
  return [
    ...(holder?.example !== undefined ? [{ value: holder.example, at: child(holderAt, 'example') }] : []),
    ...named.flatMap(({ value, at, file }) => (at && !file ? [{ value, at }] : [])),
  ];
}

/**
 * A media type's examples as the XML its schema describes, each written once: whether one can be
 * written is asked before it is shown, and a large generated body is costly to write twice.
 */
function xmlWriter(context: WalkContext, schema: unknown, at: SpecPointer): (example: unknown) => XmlExample {
  const written = new Map<unknown, XmlExample>();
  return (example) => {
    let xml = written.get(example);
    if (!xml) written.set(example, (xml = context.schemas.xmlExample(example, schema, at)));
    return xml;
  };
}

/**
 * An XML body's example written as data (the schema's `example`, one generated from it, or the
 * media type's own as an object) is serialized as the XML the schema's `xml` objects describe;
 * a string is the spec's own XML, kept as written.
 */
function xmlBody(example: unknown, mediaType: string, xmlOf: (example: unknown) => XmlExample): unknown {
  if (!isXml(mediaType) || example === undefined || typeof example === 'string') return example;
  const xml = xmlOf(example);
  // With no name for its root there is no XML to write: the JSON of the data is no XML body.
  return 'xml' in xml ? xml.xml : undefined;
}

/**
 * Why an XML body's example written as data cannot be written as XML: its schema names no element
 * for it, or there is no schema to; undefined for text, and for data a schema names.
 */
function unwritableXml(example: unknown, schema: unknown, xmlOf: (example: unknown) => XmlExample): string | undefined {
  if (example === undefined || typeof example === 'string') return undefined;
  if (schema === undefined) return SCHEMALESS_XML;
  const xml = xmlOf(example);
  return 'unnamed' in xml ? UNNAMED_XML[xml.unnamed] : undefined;
}

/** Why a body of a file's bytes gets no generated example. */
const BYTES_NOTE = "No example: the body is a file's own bytes, sent as they are.";

/** Why an XML body gets no generated example, for the reader who expected one. */
const UNNAMED_XML = {
  root: 'No example: XML needs a name for the root element, and this schema gives none (an `xml.name`, or a `$ref` to a named schema, would).',
  wrapper:
    'No example: this array is `wrapped`, and XML needs a name for its wrapping element, which this schema does not give (an `xml.name` beside `wrapped`, or a `$ref` to a named schema, would).',
  items:
    "No example: XML needs a name for this array's items, and this schema gives none (an `xml.name` on `items`, or `items` that `$ref` a named schema, would).",
};

/** Why an XML body with no schema gets no example from one written as data (its JSON is no XML). */
const SCHEMALESS_XML =
  'No example: this XML body has no schema to name its elements, and its example is written as data, not as XML (an example written as XML text, or a schema with an `xml.name`, would).';

function isXml(mediaType: string): boolean {
  return mediaKind(mediaType) === 'xml';
}

/**
 * An example as shown: a string is the body as written; data is YAML under a YAML media type, and
 * JSON under any other, whatever it says.
 */
function exampleBody(example: unknown, mediaType: string, encoding?: Json): { text?: string; language: string } {
  if (mediaKind(mediaType) === 'yaml' && example !== undefined && typeof example !== 'string')
    return { text: stringifyYaml(example), language: 'yaml' };
  const json = mediaKind(mediaType) === 'json';
  const form = mediaKind(mediaType) === 'form' && example && typeof example === 'object';
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
  const kind = mediaKind(mediaType);
  if (kind === 'xml' || kind === 'yaml') return kind;
  if (/csv/.test(mediaEssence(mediaType))) return 'csv';
  return 'text';
}

/**
 * An example kept in a file that is not YAML or JSON (`externalValue: examples/dog.txt`): the
 * text as the file holds it, under a JSON media type too (never quoted as a JSON string, never
 * reformatted); its language is what the file's name says, else the media type's, a JSON media
 * type's only when the text is JSON.
 */
export function fileBody(text: string, mediaType: string, named?: string): { text: string; language: string } {
  if (named) return { text, language: named };
  if (mediaKind(mediaType) !== 'json') return { text, language: mediaLanguage(mediaType) };
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

/** A form body as it travels: its fields' pairs (as formPairs decides them), URL-encoded. */
function formEncode(value: Json, encoding?: Json): string {
  const params = new URLSearchParams(formPairs(value, encoding));
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
