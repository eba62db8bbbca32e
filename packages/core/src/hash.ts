import { createHash } from 'node:crypto';

/** Hex SHA-256 of text or bytes: the content hash docgen stores for pages and attachments. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
