import { Flags } from '@oclif/core';

/**
 * `--link-base`: the website a source's own text was written for. Its relative links that are
 * neither pages of the tree nor attachments (`/docs/connect` in Stripe's spec) are made absolute
 * against it; without it they stay relative, and Confluence would resolve them against itself.
 */
export const linkBaseFlag = Flags.string({
  summary:
    "Website the sources' own text links into (e.g. https://stripe.com): its relative links that are neither pages nor attachments (/docs/connect) point there",
  helpValue: '<url>',
});

/** The flag's value as a URL: a site's http(s) URL, or a usage error saying how to write one. */
export async function expectLinkBase(value: string): Promise<string> {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // not a URL at all (no scheme)
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href;
  const { DocgenError } = await import('@docgen/core');
  const host = /^[\w.-]+\.[a-z]{2,}(?:[/:]|$)/i.test(value) ? value : 'docs.example.com';
  throw new DocgenError({
    code: 'DG_USAGE',
    message: `--link-base "${value}" is not an http(s) URL`,
    hint: `give the site's whole URL with its scheme, e.g. --link-base https://${host}`,
  });
}

/** `href` made absolute against `base`; undefined when the two do not make a URL. */
export function absoluteLink(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
