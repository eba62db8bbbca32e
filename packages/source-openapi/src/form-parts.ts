/**
 * How each field of a form body is sent, decided in one place: the page's table of a multipart
 * example's parts and curl's `-F` lines are both written from formParts, a form-urlencoded
 * body's text and curl's `--data-urlencode` lines both from formPairs, so the page and the curl
 * example never disagree.
 */
import type { FormPart, SchemaView, TypeExpr } from './model.js';
import { LIST_SEPARATORS } from './parameters.js';
import { isPlainObject, type Json } from './walk.js';
import { mediaEssence, mediaKind, type MediaKind } from './media-types.js';

/** Media types whose document is text: a string of one is no file. */
const TEXT_KINDS = new Set<MediaKind>(['text', 'json', 'xml', 'yaml', 'form']);

/**
 * A string that is a file's bytes: OpenAPI 3.0's `format: binary`, or 3.1's `contentMediaType`
 * naming a document that is not text (`image/png`, `application/octet-stream`). So is `format:
 * file`, what swagger2openapi made of a Swagger 2.0 `type: file` (`{ type: object, format: file }`
 * in Azure's converted specs).
 */
export function isFileType(type: TypeExpr): boolean {
  if (type.kind !== 'primitive') return false;
  if (type.format === 'binary' || type.format === 'file') return true;
  const media = type.contentMediaType;
  return !!media && !TEXT_KINDS.has(mediaKind(media)) && mediaEssence(media) !== 'application/javascript';
}

export function contentMediaTypeOf(type: TypeExpr): string | undefined {
  return type.kind === 'primitive' ? type.contentMediaType : undefined;
}

/** What a form body's `encoding` says of its fields, and whether their `style` applies to multipart parts. */
export interface FormEncoding {
  encoding?: Json;
  /**
   * OpenAPI 3.1 applies an encoding's `style` and `explode` to multipart/form-data (3.0 to
   * form-urlencoded bodies only); Swagger 2.0's `collectionFormat` applies to every form.
   */
  styledParts: boolean;
}

/**
 * The parts a multipart body is sent as: its example's fields in the example's order, then the
 * files the example leaves out (a file has no example value) and the required fields it leaves
 * out (their value unknown); with no example object, every field of the schema.
 *
 * Each field: a file (`format: binary`, a `contentMediaType` that is no text, Swagger 2.0's `type:
 * file`) is a file part; a list of files one part per file; a list of plain values a part per
 * item (or one part joined as its `collectionFormat` or 3.1 `style` says); anything else one part,
 * an object's as JSON. Its content type is the one its `encoding` declares, else OpenAPI's
 * default: a file's `contentMediaType` or `application/octet-stream`, `application/json` for an
 * object, `text/plain` for the rest.
 */
export function formParts(example: unknown, schema: SchemaView | undefined, how: FormEncoding): FormPart[] {
  // A union's variant fields are either's, not all sent together.
  const fields = new Map(
    (schema?.fields ?? []).filter((f) => f.depth === 0 && f.variant === undefined).map((f) => [f.name, f]),
  );
  const given = isPlainObject(example) ? example : undefined;
  const left = [...fields.values()].filter((f) => !given || !(f.name in given));
  const sent = given
    ? [...Object.keys(given), ...left.filter((f) => f.required || isFileField(f.type)).map((f) => f.name)]
    : left.map((f) => f.name);
  return sent.flatMap((name) => fieldParts(name, given?.[name], fields.get(name)?.type, fieldEncoding(how, name)));
}

/** The `encoding` entry of one field, without the `style` and `explode` that do not apply to it. */
function fieldEncoding({ encoding, styledParts }: FormEncoding, name: string): Json {
  const entry = isPlainObject(encoding?.[name]) ? (encoding![name] as Json) : {};
  if (styledParts) return entry;
  const { style: _style, explode: _explode, ...rest } = entry;
  return rest;
}

function fieldParts(name: string, value: unknown, type: TypeExpr | undefined, how: Json): FormPart[] {
  const declared = typeof how.contentType === 'string' ? how.contentType : undefined;
  const items = type?.kind === 'array' ? type.items : undefined;
  const file = items && isFileType(items) ? items : type && isFileType(type) ? type : undefined;
  if (file) {
    const contentType = declared ?? contentMediaTypeOf(file) ?? 'application/octet-stream';
    return [{ name, contentType, file: true, ...(items && { repeated: true }) }];
  }
  const part = (item: unknown): FormPart => ({
    name,
    contentType: declared ?? (isStructured(item, type) ? 'application/json' : 'text/plain'),
    file: false,
    ...(item !== undefined && { value: asText(item) }),
  });
  if (!Array.isArray(value) || !value.every(isPlain)) return [part(value)];
  const separator = listSeparator(how);
  return separator === undefined ? value.map(part) : [part(value.map(asText).join(separator))];
}

/** A field sent as JSON: an object or a list of them, or, its value unknown, a field the schema says is one. */
function isStructured(value: unknown, type: TypeExpr | undefined): boolean {
  if (value !== undefined) return !isPlain(value);
  return type?.kind === 'map' || (type?.kind === 'primitive' && type.name === 'object');
}

/**
 * A form body's fields as the `name=value` pairs it is sent as, in the example's order. A property
 * whose `encoding` says `style: deepObject` is sent in brackets (`address[city]=…`, a list's items
 * by index: `expand[0]=…`), as Stripe's whole API wants; a list repeats its name or is joined, as
 * its style or `collectionFormat` says. Anything else that is not a string or number is JSON.
 */
export function formPairs(value: Json, encoding?: Json): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const deep = (name: string, v: unknown): void => {
    if (v && typeof v === 'object') for (const [key, item] of Object.entries(v as Json)) deep(`${name}[${key}]`, item);
    else pairs.push([name, String(v)]);
  };
  for (const [name, v] of Object.entries(value)) {
    const how = (encoding?.[name] ?? {}) as Json;
    if (how.style === 'deepObject' && v && typeof v === 'object') deep(name, v);
    else if (Array.isArray(v)) {
      const separator = listSeparator(how);
      if (separator === undefined) for (const item of v) pairs.push([name, asText(item)]);
      else pairs.push([name, v.map(asText).join(separator)]);
    } else pairs.push([name, asText(v)]);
  }
  return pairs;
}

/**
 * What joins a form field's list items, or undefined when the field is repeated once per item:
 * OpenAPI 3's default `style: form` with `explode: true` repeats it (`tags=a&tags=b`), `explode:
 * false` joins with commas, `spaceDelimited` and `pipeDelimited` as they say; a Swagger 2.0
 * `formData` list as its `collectionFormat` says (default `csv`; `multi` repeats).
 */
function listSeparator(how: Json): string | undefined {
  if (typeof how.collectionFormat === 'string')
    return how.collectionFormat === 'multi' ? undefined : (LIST_SEPARATORS[how.collectionFormat] ?? ',');
  const style = String(how.style ?? 'form');
  if (style === 'form') return how.explode === false ? ',' : undefined;
  return LIST_SEPARATORS[style] ?? ',';
}

/** The file a form field is, itself or as a list's items. */
function isFileField(type: TypeExpr): boolean {
  return isFileType(type) || (type.kind === 'array' && isFileType(type.items));
}

/** A value as a form sends it: text as it is, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : value && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
