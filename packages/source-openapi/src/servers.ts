/**
 * The server the curl examples start from: the first one curl can send an HTTP request to. A spec
 * may list its WebSocket or broker endpoint too (`wss://ws.example.com`, `mqtt://…`), sometimes
 * first; an operation is an HTTP request, so those are passed over. A relative URL, or one that
 * starts with a variable (`{Endpoint}/v3`), is the API's own. The first server when none is HTTP.
 */
export function curlServer<T extends { url: string }>(servers: readonly T[] | undefined): T | undefined {
  return servers?.find((server) => speaksHttp(server.url)) ?? servers?.[0];
}

function speaksHttp(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}
