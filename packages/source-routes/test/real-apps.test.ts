/**
 * The readers on the shapes of published starters (each fixture's README names the package and
 * version it was trimmed from): what a user of that starter gets on the routes page.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { readRoutes } from '@docgen/source-routes';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('readRoutes on typescript-express-starter 11', () => {
  const src = join(fixtures, 'ts-express-starter', 'src');

  const at = (route: { file: string; line: number }) => `${route.file.slice(src.length + 1)}:${route.line}`;

  it('mounts each route class tsyringe resolves at apiPrefix + route.path', async () => {
    const { routes, warnings } = await readRoutes(join(src, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, at(route)])).toEqual([
      ['POST', '/api/v1/auth/signup', 'routes/auth.route.ts:23'],
      ['POST', '/api/v1/auth/login', 'routes/auth.route.ts:24'],
      ['POST', '/api/v1/auth/logout', 'routes/auth.route.ts:25'],
      ['GET', '/api/v1/users', 'routes/users.route.ts:23'],
      ['GET', '/api/v1/users/:id', 'routes/users.route.ts:24'],
      ['POST', '/api/v1/users', 'routes/users.route.ts:25'],
      ['PUT', '/api/v1/users/:id', 'routes/users.route.ts:26'],
      ['DELETE', '/api/v1/users/:id', 'routes/users.route.ts:27'],
    ]);
    expect(warnings).toEqual([]);
  });
});
