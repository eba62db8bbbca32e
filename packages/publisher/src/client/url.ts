import { DocgenError, type SourceLocation } from '@docgen/core';

export interface ConfluenceUrlOptions {
  /**
   * Where the URL was given, named in the message and the hint: `--confluence-url`,
   * `CONFLUENCE_URL`, or the config key (`docgen.config.yaml:8 confluence.url`).
   */
  from?: string;
  /** Where a URL from a config file is written (file and line). */
  location?: SourceLocation;
  /** Masks known secrets in the echoed URL. */
  redact?: (text: string) => string;
}

/**
 * Parse the Confluence URL a caller gave, or fail with docgen's own DG_CONFLUENCE_URL (never Node's
 * bare `TypeError: Invalid URL`). The one check of the URL: the CLI (a flag, the environment, the
 * config) and every entry of this API start here, so each gets the same message: what is wrong,
 * where it came from, and the URL to give instead. A URL must be http(s): `localhost:8090` parses,
 * as scheme "localhost:". The URL is echoed without its user part and query, where people paste
 * tokens; `redact` masks any other known secret.
 */
export function parseConfluenceUrl(input: string, options: ConfluenceUrlOptions = {}): URL {
  const parsed = parsedUrl(input);
  if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:') return parsed;
  const shown = (options.redact ?? ((text: string) => text))(withoutSecrets(input));
  const withScheme = schemeAdded(input.replace(/[?#].*$/, ''));
  throw new DocgenError({
    code: 'DG_CONFLUENCE_URL',
    message: `"${shown}" is not an http(s) URL${options.from ? ` (from ${options.from})` : ''}`,
    location: options.location,
    hint: withScheme
      ? `did you mean ${withScheme}? Give the whole URL, with its scheme`
      : `set ${options.from ?? '--confluence-url (or CONFLUENCE_URL)'} to the site URL, e.g. https://acme.atlassian.net/wiki or https://confluence.acme.com`,
  });
}

function parsedUrl(input: string): URL | undefined {
  try {
    return new URL(input);
  } catch {
    return undefined; // no scheme, or not a URL at all
  }
}

/** `acme.atlassian.net/wiki` and `localhost:8090` are a site without its scheme: the URL they mean. */
function schemeAdded(input: string): string | undefined {
  if (/^localhost(?::\d+)?(?:\/|$)/i.test(input)) return `http://${input}`;
  if (/^[\w.-]+\.[a-z]{2,}(?::\d+)?(?:\/|$)/i.test(input)) return `https://${input}`;
  return undefined;
}

function withoutSecrets(input: string): string {
  return input.replace(/^([^/]*\/\/)?[^/@]*@/, '$1***@').replace(/[?#].*$/, '?…');
}
