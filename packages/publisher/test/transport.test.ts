import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  assertSafeTransport,
  ConfluenceError,
  connect,
  Redactor,
  resolveEndpoint,
  SignInRefusedError,
  Transport,
  UncertainWriteError,
  parseRetryAfter,
  parseConfluenceUrl,
} from '../src/index.js';

/** A real HTTP server on loopback whose answers a test scripts request by request. */
async function scripted(
  handler: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<{ url: string; server: Server; hits: () => number }> {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, n++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits: () => n };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const auth = { kind: 'basic' as const, user: 'me@example.com', token: 'TOKEN-abcdef-123456' };

describe('Transport', () => {
  it('waits out Retry-After on 429, for every request in flight', async () => {
    const s = await scripted((_req, res, n) => {
      if (n === 0) {
        res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' });
        res.end('{"message":"Rate limit exceeded"}');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 1 });
    const started = Date.now();
    const response = await transport.request({ method: 'GET', url: `${s.url}/x`, what: 'x' });
    expect(response.body).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(transport.stats).toMatchObject({ reads: 2, retries: 1, rateLimited: 1 });
  });

  it('waits out a 429 storm longer than its retries, for as long as the rate-limit window lasts', async () => {
    let limitedFor = 12;
    const s = await scripted((_req, res) => {
      if (limitedFor-- > 0) {
        res.writeHead(429, { 'Retry-After': '0.02', 'Content-Type': 'application/json' });
        return res.end('{"message":"Rate limit exceeded"}');
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 1, retries: 3 });
    const response = await transport.request({ method: 'POST', url: `${s.url}/x`, json: {}, what: 'x' });
    expect(response.body).toEqual({ ok: true });
    expect(transport.stats).toMatchObject({ writes: 13, retries: 12, rateLimited: 12 });

    limitedFor = Infinity;
    const short = new Transport({ auth, baseDelayMs: 1, rateLimitWindowMs: 200 });
    const started = Date.now();
    const refused = short.request({ method: 'GET', url: `${s.url}/x`, what: 'page 7' });
    await expect(refused).rejects.toMatchObject({ code: 'DG_CONFLUENCE_RATE_LIMIT', status: 429 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a Retry-After of 0 (or a date already past) in a 429 storm backs off instead of asking again at once', async () => {
    const s = await scripted((_req, res) => {
      res.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' });
      res.end('{"message":"Rate limit exceeded"}');
    });
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 100, rateLimitWindowMs: 1000 });
    await expect(transport.request({ method: 'GET', url: `${s.url}/x`, what: 'x' })).rejects.toMatchObject({
      status: 429,
    });
    expect(s.hits()).toBeLessThan(10);
  });

  it('retries idempotent requests through connection resets and 5xx', async () => {
    const s = await scripted((req, res, n) => {
      if (n === 0) return req.socket.destroy();
      if (n === 1) {
        res.writeHead(502);
        return res.end('bad gateway');
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"done":1}');
    });
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 1 });
    expect((await transport.request({ method: 'PUT', url: `${s.url}/p`, json: {}, what: 'p' })).body).toEqual({
      done: 1,
    });
    expect(s.hits()).toBe(3);
  });

  it('never repeats a create blindly: a reset POST is an UncertainWriteError', async () => {
    const s = await scripted((req) => req.socket.destroy());
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 1 });
    await expect(
      transport.request({ method: 'POST', url: `${s.url}/pages`, json: {}, idempotent: false, what: 'new page' }),
    ).rejects.toBeInstanceOf(UncertainWriteError);
    expect(s.hits()).toBe(1);
  });

  it('retries a POST that was answered 429 (not processed)', async () => {
    const s = await scripted((_req, res, n) => {
      res.writeHead(n === 0 ? 429 : 200, { 'Retry-After': '0', 'Content-Type': 'application/json' });
      res.end('{}');
    });
    servers.push(s.server);
    const transport = new Transport({ auth, baseDelayMs: 1 });
    await transport.request({ method: 'POST', url: `${s.url}/pages`, json: {}, idempotent: false, what: 'new page' });
    expect(s.hits()).toBe(2);
  });

  it("turns errors into words with the status and Atlassian's message, never the token", async () => {
    const s = await scripted((req, res) => {
      res.writeHead(req.url?.startsWith('/403') ? 403 : 401, { 'Content-Type': 'application/json' });
      // A server that echoes the credentials back must not leak them either.
      res.end(
        JSON.stringify({
          statusCode: 401,
          message: `Bad credentials: ${req.headers.authorization}`,
          reason: 'Unauthorized',
        }),
      );
    });
    servers.push(s.server);
    const lines: string[] = [];
    const transport = new Transport({ auth, trace: (l) => lines.push(l) });
    const error = (await transport
      .request({ method: 'GET', url: `${s.url}/401`, what: 'the current user' })
      .catch((e) => e)) as ConfluenceError;
    expect(error).toBeInstanceOf(ConfluenceError);
    // No reason given: not a refusal whose own hint a caller keeps.
    expect(error).not.toBeInstanceOf(SignInRefusedError);
    expect(error.code).toBe('DG_CONFLUENCE_AUTH');
    expect(error.message).toMatch(/^authentication failed: GET \/401 answered 401 — Bad credentials: Basic \*\*\*/);
    const forbidden = (await transport
      .request({ method: 'POST', url: `${s.url}/403`, json: {}, what: 'space DEV' })
      .catch((e) => e)) as ConfluenceError;
    expect(forbidden.code).toBe('DG_CONFLUENCE_PERMISSION');
    expect(forbidden.message).toContain('"add/edit" permission for space DEV');
    const basic = Buffer.from(`${auth.user}:${auth.token}`).toString('base64');
    for (const text of [error.message, forbidden.message, ...lines]) {
      expect(text).not.toContain(auth.token);
      expect(text).not.toContain(basic);
    }
  });

  it('holds requests while X-RateLimit-Remaining is 0 until the reset time', async () => {
    const reset = new Date(Date.now() + 800).toISOString();
    const s = await scripted((_req, res, n) => {
      res.writeHead(200, n === 0 ? { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset } : {});
      res.end();
    });
    servers.push(s.server);
    const transport = new Transport({ auth });
    await transport.request({ method: 'GET', url: `${s.url}/a`, what: 'a' });
    const started = Date.now();
    await transport.request({ method: 'GET', url: `${s.url}/b`, what: 'b' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('holds requests until the reset time by Confluence’s clock (its Date header), not this machine’s, an hour behind', async () => {
    // Confluence's time, to the second as its Date header gives it; its reset comes 1.5 s later.
    const serverTime = new Date(Math.floor((Date.now() + 60 * 60 * 1000) / 1000) * 1000);
    const reset = new Date(serverTime.getTime() + 1500).toISOString();
    const s = await scripted((_req, res, n) => {
      res.sendDate = false;
      res.writeHead(200, {
        Date: serverTime.toUTCString(),
        ...(n === 0 ? { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset } : {}),
      });
      res.end();
    });
    servers.push(s.server);
    const transport = new Transport({ auth, maxRetryAfterMs: 4000 });
    await transport.request({ method: 'GET', url: `${s.url}/a`, what: 'a' });
    const started = Date.now();
    await transport.request({ method: 'GET', url: `${s.url}/b`, what: 'b' });
    // The 1.5 s Confluence asked for, not the hour (cut to the longest wait) by this machine's clock.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  // A single sign-on gateway in front of Data Center (Okta, a SAML plugin, a corporate proxy)
  // answers a REST call it does not let through with a redirect to its login page: 200, HTML.
  // md2conf#21 and confluence-markdown-exporter#162 met it as a JSON decode error.
  it('a login page where JSON belongs (a sign-on redirect) is an error naming it, not an empty answer', async () => {
    const s = await scripted((req, res) => {
      if (!req.url?.startsWith('/sso/')) {
        res.writeHead(302, { Location: '/sso/login?SAMLRequest=fZJdT8IwFIb%2F' });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
      res.end(
        '<!DOCTYPE html>\n<html><head><title>Sign In - Acme SSO</title></head><body><form>…</form></body></html>',
      );
    });
    servers.push(s.server);
    const api = await connect({ url: s.url, flavor: 'datacenter', token: 'pat-123' });
    const error = (await api.getSpace('DEV').catch((e) => e)) as ConfluenceError;
    expect(error).toBeInstanceOf(ConfluenceError);
    expect(error.code).toBe('DG_CONFLUENCE_NOT_JSON');
    expect(error.message).toBe(
      `not an answer of Confluence's REST API: GET /rest/api/space/DEV (space DEV) answered 200 with text/html — "Sign In - Acme SSO", after a redirect to ${s.url}/sso/login`,
    );
    expect(error.hint).toMatch(/single sign-on/);
  });

  it("a proxy's HTML error page is quoted by its title, not as markup", async () => {
    const s = await scripted((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(
        '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
      );
    });
    servers.push(s.server);
    const transport = new Transport({ auth, retries: 0 });
    const error = (await transport
      .request({ method: 'GET', url: `${s.url}/rest/api/content/1`, what: 'page 1' })
      .catch((e) => e)) as ConfluenceError;
    expect(error.message).toBe(
      'Confluence failed to answer for page 1: GET /rest/api/content/1 answered 502 — 502 Bad Gateway',
    );
    expect(error.atlassianMessage).toBe('502 Bad Gateway');
  });

  // Confluence refuses some ways of signing in with 403, not 401: a Cloud API token sent as a bearer
  // token (atlassian-python-api#1199, langchain#7531), Basic auth on a Data Center that turned it off
  // (alfred-confluence#24; a Tomcat page from the API Token Authentication app, mindsdb#12228), an
  // account with no Confluence on the site (mark#493). None is a space permission to ask for.
  it('a 403 about how the caller signed in is an authentication error saying what to give instead', async () => {
    const answers: Record<string, [string, string]> = {
      '/cloud-bearer': ['application/json', '{"error": "Failed to parse Connect Session Auth Token"}'],
      '/dc-basic-off': [
        'application/json',
        '{"statusCode":403,"message":"Basic Authentication has been disabled on this instance.","reason":"Forbidden"}',
      ],
      '/dc-token-app': [
        'text/html;charset=utf-8',
        '<!doctype html><html lang="en"><head><title>HTTP Status 403 – Forbidden</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;}</style></head><body><h1>HTTP Status 403 – Forbidden</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> Basic Auth with password is disabled by the API Token Authentication app</p><p><b>Description</b> The server understood the request but refuses to authorize it.</p><hr class="line" /><h3>Apache Tomcat/9.0.91</h3></body></html>',
      ],
      '/no-confluence': [
        'application/json',
        '{"message":"Current user not permitted to use Confluence","statusCode":403}',
      ],
      '/no-permission': [
        'application/json',
        '{"statusCode":403,"message":"Could not create content with type page","reason":"Forbidden"}',
      ],
    };
    const s = await scripted((req, res) => {
      const [type, body] = answers[req.url!]!;
      res.writeHead(403, { 'Content-Type': type });
      res.end(body);
    });
    servers.push(s.server);
    const transport = new Transport({ auth });
    const refusal = async (path: string) => {
      const error = (await transport
        .request({ method: 'POST', url: `${s.url}${path}`, json: {}, what: 'space DEV' })
        .catch((e) => e)) as ConfluenceError;
      const signInRefused = error instanceof SignInRefusedError;
      return { code: error.code, message: error.message, hint: error.hint, signInRefused };
    };
    expect(await refusal('/cloud-bearer')).toEqual({
      code: 'DG_CONFLUENCE_AUTH',
      message: 'authentication refused: POST /cloud-bearer answered 403 — Failed to parse Connect Session Auth Token',
      hint: expect.stringMatching(/^Confluence Cloud takes an API token with the e-mail of its account/),
      signInRefused: true,
    });
    expect(await refusal('/dc-basic-off')).toMatchObject({
      code: 'DG_CONFLUENCE_AUTH',
      message:
        'authentication refused: POST /dc-basic-off answered 403 — Basic Authentication has been disabled on this instance.',
      hint: expect.stringMatching(/^this Data Center refuses a user name with a password or token/),
    });
    expect(await refusal('/dc-token-app')).toMatchObject({
      code: 'DG_CONFLUENCE_AUTH',
      message:
        'authentication refused: POST /dc-token-app answered 403 — HTTP Status 403 – Forbidden: Basic Auth with password is disabled by the API Token Authentication app',
      hint: expect.stringMatching(/^this Data Center refuses a user name with a password or token/),
    });
    expect(await refusal('/no-confluence')).toMatchObject({
      code: 'DG_CONFLUENCE_AUTH',
      hint: expect.stringMatching(/^the account has no access to Confluence on this site/),
      signInRefused: true,
    });
    expect(await refusal('/no-permission')).toMatchObject({
      code: 'DG_CONFLUENCE_PERMISSION',
      message: expect.stringContaining('"add/edit" permission for space DEV'),
      signInRefused: false,
    });
  });

  // A Data Center personal access token works as a bearer token only: sent with a user name (Basic
  // auth) it is a wrong password, and Tomcat says so (markdown-confluence#621, confluence-mcp#6).
  it('a Data Center refusing Basic auth says a personal access token goes without the user name', async () => {
    const s = await scripted((_req, res) => {
      res.writeHead(401, { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED', 'Content-Type': 'text/html;charset=utf-8' });
      res.end(
        '<!doctype html><html lang="en"><head><title>HTTP Status 401 – Unauthorized</title></head><body><h1>HTTP Status 401 – Unauthorized</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</p><p><b>Description</b> The request has not been applied to the target resource because it lacks valid authentication credentials for that resource.</p><hr class="line" /><h3>Apache Tomcat/9.0.82</h3></body></html>',
      );
    });
    servers.push(s.server);
    const error = (await new Transport({ auth })
      .request({ method: 'GET', url: `${s.url}/rest/api/space/DEV`, what: 'space DEV' })
      .catch((e) => e)) as ConfluenceError;
    expect(error.code).toBe('DG_CONFLUENCE_AUTH');
    expect(error.message).toBe(
      'authentication refused: the user name and password or token were refused (Basic auth): GET /rest/api/space/DEV answered 401 — HTTP Status 401 – Unauthorized: Basic Authentication Failure - Reason : AUTHENTICATED_FAILED',
    );
    expect(error.hint).toMatch(/^a Data Center personal access token goes alone/);
    // What the CLI tells from a refusal in general, to keep this hint: the class, not the message's words.
    expect(error).toBeInstanceOf(SignInRefusedError);
  });

  // After too many failed logins Data Center wants a CAPTCHA answered in a browser; until then every
  // REST call with the right credentials is refused, and says so only in a header (Atlassian KB
  // "AUTHENTICATION_DENIED error when accessing Confluence content via REST API call").
  it('a sign-in locked behind a CAPTCHA says so, and how to unlock it', async () => {
    const s = await scripted((_req, res) => {
      res.writeHead(401, {
        'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
        'WWW-Authenticate': 'OAuth realm="https%3A%2F%2Fconfluence.acme.com"',
        'Content-Type': 'text/html;charset=utf-8',
      });
      res.end('<html><head><title>Unauthorized (401)</title></head><body>Unauthorized (401)</body></html>');
    });
    servers.push(s.server);
    const error = (await new Transport({ auth })
      .request({ method: 'GET', url: `${s.url}/rest/api/space/DEV`, what: 'space DEV' })
      .catch((e) => e)) as ConfluenceError;
    expect(error.code).toBe('DG_CONFLUENCE_AUTH');
    expect(error.message).toBe(
      'authentication refused: the account must answer a CAPTCHA first (too many failed logins): GET /rest/api/space/DEV answered 401 — Unauthorized (401)',
    );
    expect(error.hint).toMatch(/^sign in to Confluence once in a browser as this account/);
    expect(error).toBeInstanceOf(SignInRefusedError);
  });

  // Data Center's rate limiter sends its headers on every answer, with no reset time: `retry-after`
  // is how long until new tokens, 0 while some are left (Confluence DC docs, "Rate limiting: HTTP
  // headers"). An answer spending the last token says when the next request will be let through.
  it("holds requests after Data Center's last token until its retry-after, without a 429 first", async () => {
    const s = await scripted((_req, res, n) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-RateLimit-Limit': '20',
        'X-RateLimit-Remaining': n === 0 ? '0' : '19',
        'X-RateLimit-Interval-Seconds': '1',
        'X-RateLimit-FillRate': '1',
        'Retry-After': n === 0 ? '1' : '0',
      });
      res.end('{}');
    });
    servers.push(s.server);
    const transport = new Transport({ auth });
    await transport.request({ method: 'GET', url: `${s.url}/a`, what: 'a' });
    const started = Date.now();
    await transport.request({ method: 'GET', url: `${s.url}/b`, what: 'b' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await transport.request({ method: 'GET', url: `${s.url}/c`, what: 'c' });
  });

  // Cloud answers some endpoints for some accounts with a limit of 0 and a Retry-After of Long.MAX
  // (community.atlassian.com "Rate limit/ Retry-After header value too large", 2025): no wait helps.
  it('a 429 asking for a wait longer than docgen waits fails at once and says so, not "retries exhausted"', async () => {
    const s = await scripted((_req, res) => {
      res.writeHead(429, {
        'Content-Type': 'application/json',
        'X-RateLimit-Limit': '0',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-FillRate': '0',
        'X-RateLimit-Interval-Seconds': '1',
        'Retry-After': '9223372036854775807',
      });
      res.end('{"message":"Rate limit exceeded"}');
    });
    servers.push(s.server);
    const started = Date.now();
    const error = (await new Transport({ auth })
      .request({
        method: 'GET',
        url: `${s.url}/wiki/rest/api/content/1/child/attachment`,
        what: 'attachments of page 1',
      })
      .catch((e) => e)) as ConfluenceError;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(s.hits()).toBe(1);
    expect(error.code).toBe('DG_CONFLUENCE_RATE_LIMIT');
    expect(error.message).toBe(
      'rate limited by Confluence, which allows this account no requests here (X-RateLimit-Limit: 0): GET /wiki/rest/api/content/1/child/attachment answered 429 — Rate limit exceeded',
    );
    expect(error.hint).toMatch(/^waiting does not help/);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    // A date is compared with the time given: Confluence's, where its Date header said.
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:05 GMT', Date.parse('Sun, 29 Nov 2026 12:00:00 GMT'))).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('endpoints and safety', () => {
  it('understands site URLs, pasted API URLs, gateway URLs and Data Center context paths', async () => {
    expect(await resolveEndpoint('https://acme.atlassian.net')).toMatchObject({
      flavor: 'cloud',
      v2: 'https://acme.atlassian.net/wiki/api/v2',
      v1: 'https://acme.atlassian.net/wiki/rest/api',
    });
    expect(await resolveEndpoint('https://acme.atlassian.net/wiki/rest/api/')).toMatchObject({
      base: 'https://acme.atlassian.net/wiki',
    });
    expect(await resolveEndpoint('https://acme.atlassian.net/wiki/spaces/DOCS/pages/123/Title')).toMatchObject({
      base: 'https://acme.atlassian.net/wiki',
    });
    expect(await resolveEndpoint('https://api.atlassian.com/ex/confluence/abc-123')).toMatchObject({
      flavor: 'cloud',
      v2: 'https://api.atlassian.com/ex/confluence/abc-123/wiki/api/v2',
    });
    expect(await resolveEndpoint('https://confluence.acme.com/confluence/')).toEqual({
      flavor: 'datacenter',
      base: 'https://confluence.acme.com/confluence',
      v1: 'https://confluence.acme.com/confluence/rest/api',
    });
    // What a Data Center user copies from the address bar: a page's tiny link ("Share"), the
    // dashboard, a page or space action, a page under /spaces.
    for (const pasted of [
      'https://confluence.acme.com/confluence/x/AbCdEf',
      'https://confluence.acme.com/confluence/dashboard.action#all-updates',
      'https://confluence.acme.com/confluence/pages/viewpage.action?pageId=123',
      'https://confluence.acme.com/confluence/spaces/viewspace.action?key=DOCS',
      'https://confluence.acme.com/confluence/display/DOCS/Home',
    ]) {
      expect([pasted, (await resolveEndpoint(pasted)).base]).toEqual([
        pasted,
        'https://confluence.acme.com/confluence',
      ]);
    }
  });

  it('discovers the cloud id through /_edge/tenant_info for the gateway', async () => {
    const s = await scripted((req, res) => {
      res.writeHead(req.url === '/_edge/tenant_info' ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ cloudId: 'c0ffee-42' }));
    });
    servers.push(s.server);
    const endpoint = await resolveEndpoint(`${s.url}/wiki`, {
      flavor: 'cloud',
      gateway: true,
      gatewayOrigin: 'https://api.atlassian.com',
    });
    expect(endpoint.v2).toBe('https://api.atlassian.com/ex/confluence/c0ffee-42/wiki/api/v2');
  });

  it('refuses credentials over plain http except to this machine', () => {
    expect(() => assertSafeTransport('http://confluence.acme.com', auth)).toThrow(
      /refusing to send credentials over http/,
    );
    for (const local of ['http://localhost:8090', 'http://127.0.0.1:1', 'http://[::1]:8090'])
      expect(() => assertSafeTransport(local, auth)).not.toThrow();
    expect(() => assertSafeTransport('https://confluence.acme.com', auth)).not.toThrow();
  });

  it('redacts tokens and any Authorization value', () => {
    const redactor = new Redactor(['super-secret-token']);
    expect(redactor.redact('token=super-secret-token; Authorization: Bearer abcdefghijkl')).toBe(
      'token=***; Authorization: Bearer ***',
    );
  });
});

describe('a Confluence URL that does not parse, given to the API (the CLI checks it first)', () => {
  const token = 'tok-SECRET-1234';
  it.each(['acme.atlassian.net/wiki', 'https://me:tok-SECRET-1234@acme atlassian.net/wiki', 'http//localhost:8090'])(
    'connect(%j) throws DG_CONFLUENCE_URL with an example, not a TypeError, and no token',
    async (url) => {
      const error = await connect({ url, user: 'me@acme.com', token }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'DG_CONFLUENCE_URL' });
      expect((error as Error).message).toMatch(/is not an http\(s\) URL$/);
      expect(JSON.stringify(error)).not.toContain(token);
      expect((error as Error).message).not.toContain(token);
      expect((error as { hint: string }).hint).toMatch(/https:\/\/acme\.atlassian\.net\/wiki/);
    },
  );

  it('is the one check of the URL, exported: a scheme left out, where it came from, and its line', () => {
    const failure = (url: string, options?: Parameters<typeof parseConfluenceUrl>[1]) => {
      try {
        parseConfluenceUrl(url, options);
      } catch (error) {
        return (error as { toJSON(): unknown }).toJSON();
      }
      throw new Error(`${url} was accepted`);
    };
    // `localhost:8090` parses, as a URL of scheme "localhost:": no Confluence site.
    expect(failure('localhost:8090/wiki', { from: '--confluence-url' })).toMatchObject({
      code: 'DG_CONFLUENCE_URL',
      message: '"localhost:8090/wiki" is not an http(s) URL (from --confluence-url)',
      hint: 'did you mean http://localhost:8090/wiki? Give the whole URL, with its scheme',
    });
    const location = { file: '/repo/docgen.config.yaml', line: 3 };
    expect(failure('confluence', { from: 'docgen.config.yaml:3 confluence.url', location })).toMatchObject({
      message: '"confluence" is not an http(s) URL (from docgen.config.yaml:3 confluence.url)',
      location,
      hint: 'set docgen.config.yaml:3 confluence.url to the site URL, e.g. https://acme.atlassian.net/wiki or https://confluence.acme.com',
    });
    // A query is where tokens get pasted: neither the message nor the suggestion repeats it.
    expect(JSON.stringify(failure(`acme.atlassian.net/wiki?token=${token}`))).not.toContain(token);
    expect(parseConfluenceUrl('https://acme.atlassian.net/wiki').host).toBe('acme.atlassian.net');
  });

  it('assertSafeTransport says the same', () => {
    expect(() => assertSafeTransport('not a url', { kind: 'bearer', token })).toThrow(
      expect.objectContaining({ code: 'DG_CONFLUENCE_URL' }),
    );
  });
});
