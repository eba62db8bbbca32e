/**
 * A multipart body's example as the parts it is sent as: each part's name, content type and
 * value, a file's part as a file. A JSON object shown for it misled: the body is no JSON.
 */
import type { FormPart, SchemaView, TypeExpr } from './model.js';
import type { Json } from './walk.js';

/**
 * A string that is a file's bytes: OpenAPI 3.0's `format: binary`, or 3.1's `contentMediaType`
 * naming a document that is not text (`image/png`, `application/octet-stream`).
 */
export function isFileType(type: TypeExpr): boolean {
  if (type.kind !== 'primitive') return false;
  if (type.format === 'binary') return true;
  const media = type.contentMediaType?.toLowerCase();
  return !!media && !/^text\/|[/+](json|xml)\b|^application\/(x-www-form-urlencoded|javascript|yaml)/.test(media);
}

export function contentMediaTypeOf(type: TypeExpr): string | undefined {
  return type.kind === 'primitive' ? type.contentMediaType : undefined;
}

/**
 * The parts a multipart example is sent as, in the example's order: a list of plain values is a
 * part per item and a list of files one part per file (as curl's `-F` sends them). Each part's
 * content type is the one its `encoding` declares, else OpenAPI's default: a file's
 * `contentMediaType` or `application/octet-stream`, `application/json` for an object or a list of
 * them, `text/plain` for the rest. Undefined when the example is not an object of fields.
 */
export function formParts(
  example: unknown,
  schema: SchemaView | undefined,
  declared: Record<string, string> | undefined,
): FormPart[] | undefined {
  if (!example || typeof example !== 'object' || Array.isArray(example)) return undefined;
  const fields = new Map((schema?.fields ?? []).filter((f) => f.depth === 0).map((f) => [f.name, f.type]));
  return Object.entries(example as Json).flatMap(([name, value]) =>
    fieldParts(name, value, fields.get(name), declared?.[name]),
  );
}

function fieldParts(name: string, value: unknown, type: TypeExpr | undefined, declared?: string): FormPart[] {
  const items = type?.kind === 'array' && type.items.kind === 'primitive' ? type.items : undefined;
  if ((items && isFileType(items)) || (type && isFileType(type))) {
    const contentType = declared ?? contentMediaTypeOf(items ?? type!) ?? 'application/octet-stream';
    return [{ name, contentType, file: true, ...(items && { repeated: true }) }];
  }
  const values = Array.isArray(value) && value.every(isPlain) ? value : [value];
  return values.map((item) => ({
    name,
    contentType: declared ?? (isPlain(item) ? 'text/plain' : 'application/json'),
    file: false,
    value: typeof item === 'string' ? item : JSON.stringify(item),
  }));
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
