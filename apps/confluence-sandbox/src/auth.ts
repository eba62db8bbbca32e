import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { SandboxUser } from './config.js';
import { ApiError } from './errors.js';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Basic base64(email:token) as Cloud API tokens use it, or Bearer <token> as a Data Center
 * PAT / OAuth token. Missing or wrong credentials → 401 (Confluence never says which part was wrong).
 */
export function authenticate(request: FastifyRequest, users: SandboxUser[]): SandboxUser {
  const header = request.headers.authorization;
  if (!header)
    throw new ApiError(401, 'This request requires authentication', { 'WWW-Authenticate': 'Basic realm="Confluence"' });
  const [scheme, credentials = ''] = header.split(/\s+/, 2);
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const email = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase() && same(u.token, secret));
    if (colon > 0 && user) return user;
  } else if (/^bearer$/i.test(scheme ?? '')) {
    const user = users.find((u) => same(u.token, credentials));
    if (user) return user;
  }
  throw new ApiError(401, 'Client must be authenticated to access this resource.', {
    'WWW-Authenticate': 'Basic realm="Confluence"',
  });
}
