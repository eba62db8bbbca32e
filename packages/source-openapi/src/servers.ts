/**
 * The server the curl examples start from: the first one curl can send an HTTP request to. A spec
 * may list its WebSocket or broker endpoint too (`wss://ws.example.com`, `mqtt://…`), sometimes
 * first; an operation is an HTTP request, so those are passed over. A relative URL, or one that
 * starts with a variable (`{Endpoint}/v3`), is the API's own. The first server when none is HTTP;
 * its `https://` twin when it is `http://` and the spec lists both.
 */
export function curlServer<T extends { url: string }>(servers: readonly T[] | undefined): T | undefined {
  const first = servers?.find((server) => speaksHttp(server.url)) ?? servers?.[0];
  return (first && servers && encrypted(first, servers)) ?? first;
}

/**
 * The `https://` server at the same address as an `http://` one, if listed: AWS's specs list
 * each endpoint over http first, and a curl example from it would send the credentials in the clear.
 */
function encrypted<T extends { url: string }>(server: T, servers: readonly T[]): T | undefined {
  const plain = /^http:\/\//i.exec(server.url.trim());
  if (!plain) return undefined;
  const secure = `https://${server.url.trim().slice(plain[0].length)}`;
  return servers.find((other) => other.url.trim().toLowerCase() === secure.toLowerCase());
}

/**
 * The part of a server URL's host name written in capitals (GitHub Enterprise Server's
 * `http://HOSTNAME/api/v3`, `https://YOUR_DOMAIN.zendesk.com`): a placeholder for your own host, as
 * host names are written in lower case. Undefined when there is none, or the host is a `{variable}`.
 */
export function placeholderHost(url: string | undefined): string | undefined {
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@?#]*@)?([^/:?#]+)/i.exec(url?.trim() ?? '')?.[1];
  return host?.split('.').find((label) => /^[A-Z0-9_-]+$/.test(label) && /[A-Z].*[A-Z]/.test(label));
}

function speaksHttp(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}
