/**
 * `externalDocs` objects, which the spec, a tag, an operation and a schema may each give: read
 * apart from the walk, since the schema registry reads a schema's too.
 */
import type { ExternalDocs } from './model.js';

/** An `externalDocs` object, when it gives a `url` (which OpenAPI requires of it). */
export function externalDocsOf(value: unknown): ExternalDocs | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { url, description } = value as { url?: unknown; description?: unknown };
  if (typeof url !== 'string' || !url.trim()) return undefined;
  return typeof description === 'string' && description.trim()
    ? { url: url.trim(), description: description.trim() }
    : { url: url.trim() };
}
