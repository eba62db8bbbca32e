import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from './auth.js';
import { registerDownloads, registerV1 } from './api/v1.js';
import { registerV2 } from './api/v2.js';
import type { SandboxContext } from './context.js';
import { registerControl } from './control/routes.js';
import { ApiError, errorBody, familyOf, reasonPhrase } from './errors.js';
import { registerUi } from './ui/routes.js';

/** Confluence refuses request bodies over 5 MB with 413. */
const BODY_LIMIT = 5 * 1024 * 1024;
/** Attachments can be much larger than JSON bodies. */
const ATTACHMENT_LIMIT = 100 * 1024 * 1024;

export async function buildServer(ctx: SandboxContext, reseed: () => void): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: false,
    forceCloseConnections: true,
    rewriteUrl: (request) => siteUrl(ctx, request),
  });
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_LIMIT, files: 50 } });

  // Some clients send JSON bodies as text/plain or without a type on DELETE; accept empty bodies.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.startedAt = performance.now();
    // A Data Center has no Cloud API: under its context path, /wiki/api/v2 is a page it does not have.
    if (ctx.dataCenterContextPath && familyOf(request.url) === 'v2') {
      const path = request.url.split('?')[0]!;
      return reply.code(404).type('text/html;charset=utf-8').send(notFoundPage(request.method, path));
    }
    // Faults target the REST API only; the preview UI and /__sandbox stay reachable.
    if (!ctx.testMode || familyOf(request.url) === 'other') return;
    await applyFaults(ctx, request, reply);
  });

  app.addHook('preHandler', async (request) => {
    if (familyOf(request.url) !== 'other') request.sandboxUser = authenticate(request, ctx.users);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.dropAnswer) return payload;
    // The request was carried out (its write landed); the client gets no answer, as when a
    // connection dies on the way back. Logged with the status it would have had.
    logRequest(ctx, request, reply.statusCode);
    resetConnection(request);
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/__sandbox') || request.dropAnswer) return;
    logRequest(ctx, request, reply.statusCode);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const family = familyOf(request.url);
    if (error instanceof ApiError) {
      reply.headers(error.headers);
      return reply.code(error.status).send(errorBody(family, error.status, error.message));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is too large: the limit is 5 MB'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `Unsupported media type: ${request.headers['content-type'] ?? '(none)'}`
          : status === 500
            ? `Internal sandbox error: ${error.message}`
            : error.message;
    if (status === 500) console.error(error);
    return reply.code(status).send(errorBody(family, status, message));
  });

  app.setNotFoundHandler((request, reply) => {
    const family = familyOf(request.url);
    const path = request.url.split('?')[0]!;
    // Outside Confluence's APIs (a context path Confluence is not under, a mistyped URL) the answer
    // is the servlet container's HTML page, as Tomcat gives; an unknown REST path is Jersey's JSON.
    if (family === 'other')
      return reply.code(404).type('text/html;charset=utf-8').send(notFoundPage(request.method, path));
    return reply.code(404).send(errorBody(family, 404, family === 'v2' ? reasonPhrase(404) : `null for uri: ${path}`));
  });

  registerV2(app, ctx);
  registerV1(app, ctx, '/wiki/rest/api');
  registerV1(app, ctx, '/rest/api');
  registerDownloads(app, ctx);
  if (ctx.testMode) registerControl(app, ctx, reseed);
  registerUi(app, ctx);
  return app;
}

/** Tomcat's page for a path no web application serves. */
function notFoundPage(method: string, path: string): string {
  const escaped = path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body>' +
    `<h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p>` +
    `<p><b>Message</b> No route ${method} ${escaped}</p>` +
    '<p><b>Description</b> The origin server did not find a current representation for the target resource.</p>' +
    '</body></html>'
  );
}

/**
 * Atlassian's API gateway (`https://api.atlassian.com/ex/confluence/{cloudId}/wiki/…`, the URL scoped
 * tokens and OAuth need) hands requests to the site unchanged: its answers are the site's, their
 * `_links` relative to the site (`/wiki/api/v2/…?cursor=…`), not to the gateway. The sandbox serves
 * that prefix as the site too, so a client's gateway paths and link handling are tested.
 */
function gatewayToSite(url: string): string {
  return url.replace(/^\/ex\/confluence\/[^/?]+(?=\/wiki(?:[/?]|$))/, '');
}

/**
 * The path the sandbox serves a request as. A Data Center under a context path (`/wiki`) serves
 * its REST API there: `/wiki/rest/api/…` is Data Center's `/rest/api/…`, not Cloud's v1.
 */
function siteUrl(ctx: SandboxContext, request: { url?: string }): string {
  const url = gatewayToSite(request.url ?? '/');
  const context = ctx.dataCenterContextPath;
  if (!context || !url.startsWith(`${context}/`)) return url;
  const inner = url.slice(context.length);
  return familyOf(inner) === 'v1' ? inner : url;
}

function logRequest(ctx: SandboxContext, request: FastifyRequest, status: number): void {
  // The path the client sent (a gateway path as such), not the one the sandbox served it as.
  const [path = '', query = ''] = request.originalUrl.split('?', 2);
  ctx.log.add({
    method: request.method,
    path,
    query,
    status,
    durationMs: Math.round((performance.now() - (request.startedAt ?? performance.now())) * 100) / 100,
    ...(request.faultName ? { fault: request.faultName } : {}),
  });
}

/** RST rather than FIN where the runtime can (Node >= 16.17), so clients see ECONNRESET. */
function resetConnection(request: FastifyRequest): void {
  if (typeof request.raw.socket.resetAndDestroy === 'function') request.raw.socket.resetAndDestroy();
  else request.raw.socket.destroy();
}

/** Apply the rules that fire for this request; may answer it, delay it, or cut the connection. */
async function applyFaults(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = request.url.split('?', 1)[0]!;
  for (const rule of ctx.faults.fire(request.method, path)) {
    request.faultName = `${rule.id}:${rule.fault}`;
    switch (rule.fault) {
      case 'latency':
        await sleep(rule.latencyMs ?? 0);
        break;
      case 'headers':
        reply.headers(rule.headers ?? {});
        break;
      case 'reset':
        logRequest(ctx, request, 0);
        reply.hijack();
        resetConnection(request);
        return;
      case 'drop':
        request.dropAnswer = true;
        break;
      case 'race': {
        const id = /\/(?:pages|content)\/(\d+)/.exec(path)?.[1];
        if (id) ctx.store.simulateConcurrentEdit(Number(id));
        break;
      }
      case 'status': {
        const status = rule.status!;
        const retryAfter = rule.retryAfter ?? (status === 429 || status === 503 ? 1 : undefined);
        if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
        if (rule.headers) reply.headers(rule.headers);
        if (status === 429) {
          reply.header('X-RateLimit-Limit', '100');
          reply.header('X-RateLimit-Remaining', '0');
          reply.header('X-RateLimit-NearLimit', 'true');
        }
        const message =
          rule.message ??
          (status === 429 ? 'Rate limit exceeded' : `${reasonPhrase(status)} (sandbox fault ${rule.id})`);
        await reply.code(status).send(errorBody(familyOf(path), status, message));
        return;
      }
    }
  }
}
