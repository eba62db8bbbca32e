import type { FastifyRequest } from 'fastify';
import type { SandboxConfig, SandboxUser } from './config.js';
import { permissionIn } from './config.js';
import type { FaultInjector } from './control/faults.js';
import type { RequestLog } from './control/request-log.js';
import { ApiError } from './errors.js';
import type { ContentRow, SpaceRow, Store } from './store/store.js';

/** Everything a route needs; one per running sandbox. */
export interface SandboxContext {
  store: Store;
  users: SandboxUser[];
  config: SandboxConfig;
  testMode: boolean;
  faults: FaultInjector;
  log: RequestLog;
  /** Set when the sandbox serves as a Data Center under this context path (`/wiki`) instead of Cloud. */
  dataCenterContextPath?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    sandboxUser?: SandboxUser;
    startedAt?: number;
    faultName?: string;
    /** A `drop` fault fired: handle the request, then cut the connection instead of answering. */
    dropAnswer?: boolean;
  }
}

/** Links as the caller sees them: Cloud bases under /wiki, Data Center at the root. */
export interface Links {
  origin: string;
  /** `_links.base`: `http://host/wiki` (Cloud) or `http://host` (DC). */
  base: string;
  /** `_links.context`: `/wiki` or ``. */
  context: string;
  /** Prefix of the REST API that served this request, e.g. `/wiki/rest/api`. */
  apiPrefix: string;
}

export function linksFor(request: FastifyRequest): Links {
  const host = request.headers.host ?? '127.0.0.1';
  const origin = `http://${host}`;
  const path = request.url;
  const cloud = path.startsWith('/wiki');
  const context = cloud ? '/wiki' : '';
  const apiPrefix = path.startsWith('/wiki/api/v2') ? '/wiki/api/v2' : `${context}/rest/api`;
  return { origin, base: origin + context, context, apiPrefix };
}

export function userOf(request: FastifyRequest): SandboxUser {
  if (!request.sandboxUser) throw new ApiError(401, 'This request requires authentication');
  return request.sandboxUser;
}

export function canRead(user: SandboxUser, space: SpaceRow): boolean {
  return permissionIn(user, space.key) !== 'none';
}

export function canWrite(user: SandboxUser, space: SpaceRow): boolean {
  return permissionIn(user, space.key) === 'write';
}

/** Space the user may read, or 404 (Confluence hides what you cannot see). */
export function readableSpace(
  ctx: SandboxContext,
  user: SandboxUser,
  space: SpaceRow | undefined,
  what: string,
): SpaceRow {
  if (!space || !canRead(user, space)) throw new ApiError(404, `No space found with ${what}`);
  return space;
}

export function writableSpace(
  ctx: SandboxContext,
  user: SandboxUser,
  space: SpaceRow | undefined,
  what: string,
): SpaceRow {
  const readable = readableSpace(ctx, user, space, what);
  if (!canWrite(user, readable)) {
    throw new ApiError(403, `User ${user.email} is not permitted to add or edit content in space ${readable.key}`);
  }
  return readable;
}

/** Content visible to the user (any of the given statuses), or 404. */
export function readableContent(
  ctx: SandboxContext,
  user: SandboxUser,
  id: string | number,
  options: { type?: 'page' | 'attachment'; statuses?: string[] } = {},
): ContentRow {
  const numeric = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : NaN;
  const row = Number.isFinite(numeric) ? ctx.store.content(numeric) : undefined;
  const statuses = options.statuses ?? ['current'];
  if (!row || (options.type && row.type !== options.type) || !statuses.includes(row.status)) {
    throw new ApiError(404, `No content found with id: ContentId{id=${id}}`);
  }
  const space = ctx.store.spaceById(row.space_id);
  if (!space || !canRead(user, space)) throw new ApiError(404, `No content found with id: ContentId{id=${id}}`);
  return row;
}

export function writableContent(
  ctx: SandboxContext,
  user: SandboxUser,
  id: string | number,
  options: { type?: 'page' | 'attachment'; statuses?: string[] } = {},
): ContentRow {
  const row = readableContent(ctx, user, id, options);
  const space = ctx.store.spaceById(row.space_id)!;
  if (!canWrite(user, space)) {
    throw new ApiError(403, `User ${user.email} is not permitted to edit content ${row.id} in space ${space.key}`);
  }
  return row;
}

export function parseId(value: string | undefined, what = 'id'): number {
  if (!value || !/^\d+$/.test(value)) throw new ApiError(400, `${what} must be a number, got '${value ?? ''}'`);
  return Number(value);
}
