import { DocgenError } from '@docgen/core';

/**
 * Parse the Confluence URL a caller gave, or fail with docgen's own error (never Node's bare
 * `TypeError: Invalid URL`). Every entry that reads the URL starts here, so API callers get the
 * same message the CLI gives. The URL is echoed without its user part and query, where people
 * paste tokens; `redact` masks any other known secret.
 */
export function parseConfluenceUrl(input: string, redact: (text: string) => string = (text) => text): URL {
  try {
    return new URL(input);
  } catch {
    throw new DocgenError({
      code: 'DG_CONFLUENCE_URL',
      message: `"${redact(withoutSecrets(input))}" is not a URL`,
      hint: 'set --confluence-url (or CONFLUENCE_URL) to e.g. https://acme.atlassian.net/wiki or https://confluence.acme.com',
    });
  }
}

function withoutSecrets(input: string): string {
  return input.replace(/^([^/]*\/\/)?[^/@]*@/, '$1***@').replace(/[?#].*$/, '?…');
}
