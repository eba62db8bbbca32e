/**
 * What well-known middleware of npm packages answers before the handler, on small real apps: an Express
 * orders API (passport, express-jwt, express-rate-limit, express-validator, celebrate, multer,
 * connect-timeout, csurf), a Koa media API (koa-jwt, koa-ratelimit, @koa/multer) and a Hono notes API
 * (hono/jwt, hono/basic-auth, hono/bearer-auth, hono/csrf, hono/body-limit, hono-rate-limiter), and a Fastify
 * billing API (@fastify/jwt, @fastify/auth, @fastify/csrf-protection, @fastify/rate-limit).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { readRoutes } from '@docgen/source-routes';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const rows = async (entry: string) =>
  (await readRoutes(join(fixtures, entry))).routes.map((route) => [route.method, route.path, route.statuses]);

describe('statuses of well-known middleware', () => {
  it('Express: matched by the import, held in a const here or imported, with the options that change them', async () => {
    expect(await rows('express-packages/src/server.ts')).toEqual([
      // failureRedirect: passport redirects (302) instead of its 401; loginLimiter (imported) answers 429
      ['POST', '/login', [302, 429]],
      ['GET', '/me', [200, 401]], // passport.authenticate('jwt', { session: false })
      ['GET', '/orders', [200, 401]], // const requireJwt = expressjwt({ … })
      // express-validator's chains answer nothing themselves: the 400 is the handler's validationResult branch
      ['POST', '/orders', [201, 400, 401]],
      ['PUT', '/orders/:id', [200, 400]], // celebrate
      // multer's errors carry no status: the app's error handler decides, so nothing is added
      ['POST', '/orders/:id/receipt', [204]],
      ['GET', '/reports/export', [200, 503]], // connect-timeout 503; rateLimit({ statusCode: 503 })
      ['GET', '/settings', [200]], // csurf checks no GET (its ignoreMethods)
      ['POST', '/settings', [204, 403]],
      ['GET', '/account', [200]], // csurf use()d on the router: only what changes state
      ['DELETE', '/account', [204, 403]],
    ]);
  });

  it("Express: express-openapi-validator use()d app-wide answers what the spec's checks do", async () => {
    expect(await rows('express-packages/src/validated.ts')).toEqual([['GET', '/pets/:id', [200, 400, 401, 404, 415]]]);
  });

  it('Koa: koa-jwt use()d on the router is shown and answers 401 on the routes after it', async () => {
    const { routes } = await readRoutes(join(fixtures, 'koa-packages/src/server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware.length, route.statuses])).toEqual([
      ['GET', '/health', 0, [204]], // registered before the use()
      ['GET', '/media', 2, [200, 401, 429]], // koa-ratelimit held in a const
      ['POST', '/media', 2, [201, 401]], // @koa/multer: no status of its own
    ]);
  });

  it('Hono: built-in middleware at a matching pattern or on the route, and hono-rate-limiter', async () => {
    expect(await rows('hono-packages/src/index.ts')).toEqual([
      ['GET', '/api/notes', [200, 401, 429]], // jwt, rateLimiter; csrf checks unsafe methods only
      ['POST', '/api/notes', [201, 401, 403, 413, 429]], // csrf 403, bodyLimit 413
      ['GET', '/admin/stats', [200, 401]], // basicAuth
      ['POST', '/hooks/deploy', [204, 400, 401, 403]], // bearerAuth: 400 for a malformed header, 401
    ]);
  });

  it('does not take a local name for a package: a project function called rateLimit adds nothing of the table', async () => {
    const { routes } = await readRoutes(join(fixtures, 'express-packages/src/own-names.ts'));
    expect(routes.map((route) => [route.path, route.statuses])).toEqual([['/search', [200]]]);
  });

  it('Fastify: what the hooks of plugins answer, request.jwtVerify() in a hook, and a route config that turns on rate limiting', async () => {
    expect(await rows('fastify-packages/src/app.ts')).toEqual([
      ['GET', '/invoices', [200, 401]], // app.authenticate sends jwtVerify's error on: 401
      ['POST', '/invoices/:id/pay', [202, 401]], // app.auth([…]) of @fastify/auth
      ['POST', '/webhooks/stripe', [200, 403]], // verifyApiKey catches jwtVerify's error and answers its own 403
      ['POST', '/settings', [204, 403]], // app.csrfProtection
      ['POST', '/login', [200, 429]], // config.rateLimit, with the plugin registered global: false
      ['GET', '/status', [200]], // config: { rateLimit: false }
    ]);
  });

  it('Fastify: @fastify/rate-limit registered without global: false guards every route of the instance and its plugins', async () => {
    const { routes } = await readRoutes(join(fixtures, 'fastify-packages/src/public-api.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/health', ['rateLimit'], [200, 429]],
      ['GET', '/prices', ['rateLimit'], [200, 429]],
    ]);
  });
});
