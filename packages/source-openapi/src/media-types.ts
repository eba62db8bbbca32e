/**
 * What a body's media type says of how it is written, decided in one place for the page and the
 * curl example. Media types are case-insensitive and may carry parameters (RFC 9110 §8.3.1):
 * `Application/Json; charset=UTF-8` is JSON as `application/json` is.
 */

/**
 * The kinds of body docgen writes differently. A file's bytes are no kind of their own: an SVG is
 * XML and a file alike, so `isBytesMediaType` says which bodies are files.
 */
export type MediaKind = 'json' | 'xml' | 'yaml' | 'form' | 'multipart' | 'text' | 'any' | 'other';

/** A media type's `type/subtype`, lower case, without its parameters (`; charset=utf-8`). */
export function mediaEssence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/**
 * The kind of body a media type names. JSON: `application/json`, a `+json` suffix
 * (`application/problem+json`, `application/vnd.api+json`) and any subtype naming JSON
 * (`application/x-amz-json-1.1`, `application/x-ndjson`); XML and YAML likewise. `multipart/*` is
 * a form of parts, and so is `application/form-data`, no registered type, which Mastodon's spec
 * writes for the `multipart/form-data` its API reads.
 */
export function mediaKind(mediaType: string): MediaKind {
  const essence = mediaEssence(mediaType);
  const subtype = essence.slice(essence.indexOf('/') + 1);
  if (essence === '*/*') return 'any';
  if (/json/.test(subtype)) return 'json';
  if (/(^|[+.-])xml$/.test(subtype)) return 'xml';
  if (/yaml/.test(subtype)) return 'yaml';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence.startsWith('multipart/') || essence === 'application/form-data') return 'multipart';
  if (essence.startsWith('text/')) return 'text';
  return 'other';
}

const BYTES = /^(application\/(octet-stream|pdf|zip|gzip)|image\/|audio\/|video\/)/;

/**
 * A media type whose body is a file's bytes, never text: `application/octet-stream`, a PDF, an
 * archive, an image (an SVG too: its XML is a file uploaded as it is), audio, video, or the range
 * of every media type (GitHub's release assets take any file so).
 */
export function isBytesMediaType(mediaType: string): boolean {
  const essence = mediaEssence(mediaType);
  return essence === '*/*' || BYTES.test(essence);
}

/**
 * The `Content-Type` a request with this body is sent with: the media type as written, but for
 * the range of every media type, which names no type (a file's bytes are sent as curl's `--data-binary` file is),
 * and `application/form-data`, which a server does not read as the multipart form it means.
 */
export function contentTypeSent(mediaType: string): string {
  const essence = mediaEssence(mediaType);
  if (essence === '*/*') return 'application/octet-stream';
  if (essence === 'application/form-data') return 'multipart/form-data';
  return mediaType;
}

/**
 * Text that may name a YAML media type: a spec whose YAML bodies need the YAML writer, which is
 * loaded only then (`docgen --help` stays fast). Any "yaml", as `mediaKind` reads any subtype with
 * it as YAML (`text/vnd.yaml`; a JSON spec may also write `application\/x-yaml`).
 */
export const YAML_MEDIA_TYPE = /yaml/i;
