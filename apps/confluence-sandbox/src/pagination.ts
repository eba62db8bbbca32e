import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

type Query = Record<string, string | undefined>;

/** v2: `limit` 1–250 (default 25) and an opaque `cursor`; the next page goes in `Link` and `_links.next`. */
export function v2Page<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  items: T[],
  base: string,
): { results: T[]; _links: Record<string, string> } {
  const query = request.query as Query;
  const limit = parseLimit(query.limit, 25, 250);
  const offset = decodeCursor(query.cursor);
  const results = items.slice(offset, offset + limit);
  const links: Record<string, string> = { base };
  if (offset + limit < items.length) {
    const url = new URL(request.url, 'http://sandbox');
    url.searchParams.set('cursor', encodeCursor(offset + limit));
    url.searchParams.set('limit', String(limit));
    links.next = url.pathname + url.search;
    reply.header('Link', `<${links.next}>; rel="next", <${base}>; rel="base"`);
  }
  return { results, _links: links };
}

/** v1/DC: `start` and `limit`, the envelope `{results,start,limit,size,_links}`. */
export function v1Page<T, U = T>(
  request: FastifyRequest,
  items: T[],
  links: { base: string; context: string },
  maxLimit = 200,
  /** Shape only the items of the requested page (expansions cost reads per item). */
  shape: (item: T) => U = (item) => item as unknown as U,
): { results: U[]; start: number; limit: number; size: number; _links: Record<string, string> } {
  const query = request.query as Query;
  const limit = parseLimit(query.limit, 25, maxLimit);
  const start = query.start === undefined ? 0 : Number(query.start);
  if (!Number.isInteger(start) || start < 0)
    throw new ApiError(400, `start must be a non-negative integer, got '${query.start}'`);
  const results = items.slice(start, start + limit).map(shape);
  const url = new URL(request.url, 'http://sandbox');
  const self = links.base.replace(/\/wiki$/, '') + url.pathname + url.search;
  const out: Record<string, string> = { base: links.base, context: links.context, self };
  if (start + limit < items.length) {
    url.searchParams.set('start', String(start + limit));
    url.searchParams.set('limit', String(limit));
    out.next = url.pathname.slice(links.context.length) + url.search;
  }
  return { results, start, limit, size: results.length, _links: out };
}

function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ApiError(400, `limit must be a positive integer, got '${raw}'`);
  return Math.min(Math.max(n, 1), max);
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: number };
    if (Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new ApiError(400, `Invalid cursor '${cursor}'`);
}
