import { DocgenError } from '@docgen/core';
import { parseConfluenceUrl } from './url.js';

export type Flavor = 'cloud' | 'datacenter';

/**
 * Where the REST APIs live. `base` is the site root every API path hangs off:
 *   https://acme.atlassian.net/wiki                         Cloud, site URL
 *   https://api.atlassian.com/ex/confluence/{cloudId}/wiki  Cloud, API gateway (scoped tokens, OAuth)
 *   https://confluence.acme.com/confluence                  Data Center with a context path
 */
export interface Endpoint {
  flavor: Flavor;
  base: string;
  /** v1 REST root (`…/rest/api`). */
  v1: string;
  /** v2 REST root (`…/api/v2`), Cloud only. */
  v2?: string;
  /**
   * Cloud taken from a `/wiki` path on a host of its own (a Cloud custom domain, or a Data Center
   * whose context path is `/wiki`), with no flavour given: the first answers may say it is not.
   */
  guessed?: boolean;
}

export interface EndpointOptions {
  flavor?: Flavor;
  /** Route Cloud traffic through api.atlassian.com (scoped API tokens and OAuth need it). */
  gateway?: boolean;
  fetch?: typeof fetch;
  /** Origin of the gateway; only tests change it. */
  gatewayOrigin?: string;
}

const GATEWAY = 'https://api.atlassian.com';

/** Turn whatever URL the user pasted into the API roots, discovering the cloud id when needed. */
export async function resolveEndpoint(input: string, options: EndpointOptions = {}): Promise<Endpoint> {
  const url = parseConfluenceUrl(input);
  if (url.username || url.password) {
    throw new DocgenError({
      code: 'DG_CONFLUENCE_URL',
      message: `the Confluence URL must not contain credentials (${url.protocol}//***@${url.host})`,
      hint: 'put the user in CONFLUENCE_USER and the token in CONFLUENCE_API_TOKEN, and give the URL without them',
    });
  }
  // People paste API URLs and page URLs (a page, a space, a tiny link, the dashboard); keep the site part.
  let path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/(rest\/api|api\/v2)(\/.*)?$/, '')
    .replace(/\/(spaces|display|pages|x)\/.*$/, '')
    .replace(/\/[\w-]+\.action$/, '');
  const gatewayOrigin = options.gatewayOrigin ?? GATEWAY;
  const gatewayMatch = /^\/ex\/confluence\/([^/]+)/.exec(path);
  if (url.origin === new URL(gatewayOrigin).origin && gatewayMatch) {
    return cloud(`${url.origin}/ex/confluence/${gatewayMatch[1]}/wiki`);
  }
  const isAtlassianNet = url.hostname.endsWith('.atlassian.net');
  const flavor: Flavor = options.flavor ?? (isAtlassianNet || path.endsWith('/wiki') ? 'cloud' : 'datacenter');
  if (flavor === 'datacenter') return { flavor, base: `${url.origin}${path}`, v1: `${url.origin}${path}/rest/api` };
  if (options.gateway) {
    const cloudId = await discoverCloudId(url.origin, options.fetch ?? globalThis.fetch);
    return cloud(`${gatewayOrigin}/ex/confluence/${cloudId}/wiki`);
  }
  if (!path.endsWith('/wiki')) path = isAtlassianNet ? '/wiki' : `${path}/wiki`;
  return { ...cloud(`${url.origin}${path}`), ...(options.flavor || isAtlassianNet ? {} : { guessed: true }) };
}

function cloud(base: string): Endpoint {
  return { flavor: 'cloud', base, v1: `${base}/rest/api`, v2: `${base}/api/v2` };
}

/** `GET https://{site}/_edge/tenant_info` answers `{"cloudId": "…"}` without authentication. */
export async function discoverCloudId(siteOrigin: string, fetchImpl: typeof fetch): Promise<string> {
  let body: { cloudId?: string } | undefined;
  try {
    const response = await fetchImpl(`${siteOrigin}/_edge/tenant_info`, { signal: AbortSignal.timeout(15_000) });
    if (response.ok) body = (await response.json()) as { cloudId?: string };
  } catch {
    body = undefined;
  }
  if (!body?.cloudId) {
    throw new DocgenError({
      code: 'DG_CONFLUENCE_CLOUD_ID',
      message: `could not discover the cloud id of ${siteOrigin} (GET /_edge/tenant_info)`,
      hint: 'pass the gateway URL yourself: https://api.atlassian.com/ex/confluence/<cloudId>',
    });
  }
  return body.cloudId;
}
