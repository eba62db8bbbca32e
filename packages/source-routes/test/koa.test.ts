/**
 * The Koa reader on real code: the fixture blog (an app made in app.ts and started in server.ts,
 * routers across modules with prefixes, nested with `use('/articles', …routes())`, a chain, a
 * named route, `del`, a list of paths, koa-router in CommonJS with `router.prefix()`), and the
 * warnings of what the code does not say.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { readRoutes } from '@docgen/source-routes';

const src = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'koa-app', 'src');
const at = (file: string, line: number) => `${file}:${line}`;

describe('readRoutes on a Koa app', () => {
  it('follows the app server.ts starts to every router it mounts, nested routers and prefixes included', async () => {
    const { framework, routes, warnings } = await readRoutes(join(src, 'server.ts'));
    expect(framework).toBe('Koa');
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        at(route.file.slice(src.length + 1), route.line),
      ]),
    ).toEqual([
      ['GET', '/health', [], [204], at('routes/health.ts', 6)],
      // requireAuth's ctx.throw(401): named at the route, or use()d before the routes after it
      ['GET', '/api/me', ['requireAuth'], [200, 401], at('routes/api.ts', 9)], // registered before api.use(requireAuth)
      ['GET', '/api/articles', ['requireAuth'], [200, 401], at('routes/articles.ts', 9)], // a named route
      // requireRole('editor') is a factory's call: what the function it makes answers, ctx.throw(403)
      [
        'POST',
        '/api/articles',
        ['requireAuth', "requireRole('editor')"],
        [201, 401, 403],
        at('routes/articles.ts', 12),
      ],
      ['GET', '/api/articles/:slug', ['requireAuth'], [401, 404], at('routes/articles.ts', 16)], // ctx.throw(404)
      [
        'DELETE',
        '/api/articles/:slug',
        ['requireAuth', "requireRole('admin')"],
        [204, 401, 403],
        at('routes/articles.ts', 21),
      ],
      ['GET', '/api/users', ['requireAuth'], [200, 401], at('routes/users.js', 6)], // router.prefix('/users')
      ['PUT', '/api/users/:id', ['requireAuth'], [200, 401], at('routes/users.js', 9)],
      ['PUT', '/api/users/:id/profile', ['requireAuth'], [200, 401], at('routes/users.js', 9)],
    ]);
    expect(routes.map((route) => route.summary)).toEqual([
      'Liveness probe for the load balancer.',
      'Who is signed in.',
      'Paginated articles, newest first.', // the comment above a link of the chain
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', { file: join(src, 'routes', 'articles.ts'), line: 23 }],
    ]);
  });

  it("counts what the app's and a router's middleware answers instead of calling next(): use()d, at a path, or named at the route, made by a factory of the project too (ctx.throw(401), ctx.assert(x, 403), ctx.status = 429); not an error handler's", async () => {
    const guards = join(dirname(src), '..', 'koa-guards', 'src');
    const { routes, warnings } = await readRoutes(join(guards, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      // errorHandler (await next() in a try) and jwtErrors (next().catch(…)) answer for the errors of the routes after them
      ['GET', '/api/health', ['errorHandler', 'jwtErrors'], [200]],
      ['POST', '/api/login', ['errorHandler', 'jwtErrors', 'loginLimit'], [200, 429]], // ctx.status = 429; return
      // api.use('/webhooks', requireApiKey('x-webhook-key')): the factory's named inner checkApiKey sets 401
      ['POST', '/api/webhooks/billing', ['errorHandler', 'jwtErrors', "requireApiKey('x-webhook-key')"], [202, 401]],
      ['GET', '/api/me', ['errorHandler', 'jwtErrors', 'requireAuth'], [200, 401]], // api.use(requireAuth)
      // requirePermission('reports:read') at the route returns async (ctx, next) => … ctx.throw(403)
      [
        'GET',
        '/api/reports',
        ['errorHandler', 'jwtErrors', 'requireAuth', "requirePermission('reports:read')"],
        [200, 401, 403],
      ],
      // api.use('/admin', adminsOnly): ctx.assert(ctx.state.user?.admin, 403) under /admin
      ['GET', '/api/admin/users', ['errorHandler', 'jwtErrors', 'requireAuth', 'adminsOnly'], [200, 401, 403]],
      ['DELETE', '/api/admin/users/:id', ['errorHandler', 'jwtErrors', 'requireAuth', 'adminsOnly'], [204, 401, 403]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns of a computed router prefix and a computed mount, and reads an entry that only exports a router', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'routes.js'),
      [
        "const Router = require('@koa/router');",
        'const nested = Router();',
        "nested.get('/leaf', (ctx) => { ctx.status = 202; });",
        'const router = new Router({ prefix: process.env.PREFIX });',
        "router.get('/a', (ctx) => { ctx.body = 'a'; }).post('/b', (ctx) => { ctx.body = 'b'; });",
        'router.use(config.path, nested.routes());',
        "router.use('/n', nested.routes());",
        'exports.router = router;',
      ].join('\n'),
    );
    const { framework, routes, warnings } = await readRoutes(join(dir, 'routes.js'));
    expect(framework).toBe('Koa');
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['GET', '/a', [200], 5],
      ['POST', '/b', [200], 5],
      ['GET', '/n/leaf', [202], 3],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_PREFIX_UNKNOWN', 4],
      ['DG_ROUTES_COMPUTED_MOUNT', 6],
    ]);
  });

  it("reads use()'s first argument reached by property access as middleware, not a computed path: a function of the project (auth.verify) before a router's routes()", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import Router from '@koa/router';",
        "import { auth } from './auth';",
        'const users = new Router();',
        "users.get('/users', (ctx) => { ctx.body = []; });",
        'const router = new Router();',
        'router.use(auth.verify, users.routes());',
        'export default router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      [
        'export const auth = {',
        '  async verify(ctx, next) {',
        '    if (!ctx.headers.authorization) { ctx.status = 401; return; }',
        '    await next();',
        '  },',
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'routes.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/users', ['auth.verify'], [200, 401]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns of a computed mount path behind a non-null assertion or a cast (process.env.PREFIX!, cfg.path as string), rather than mounting at the parent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import Router from '@koa/router';",
        "import { cfg } from './config';",
        'const nested = new Router();',
        "nested.get('/leaf', (ctx) => { ctx.status = 202; });",
        'const router = new Router();',
        "router.get('/a', (ctx) => { ctx.body = 'a'; });",
        'router.use(process.env.PREFIX!, nested.routes());',
        'router.use(cfg.path as string, nested.routes());',
        'export default router;',
      ].join('\n'),
    );
    await writeFile(join(dir, 'config.ts'), 'export const cfg = { path: process.env.NESTED };');
    const { routes, warnings } = await readRoutes(join(dir, 'routes.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/a']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        7,
        'use(process.env.PREFIX!, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        8,
        'use(cfg.path as string, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
    ]);
  });

  it("koa-mount: a sub-app (local or required) or a router under its path, a package's handler as one row; a computed or unreadable mount is a warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import mount from 'koa-mount';",
        "import serve from 'koa-static';",
        "import Router from '@koa/router';",
        "import { createLegacy } from './legacy';",
        'const app = new Koa();',
        'const v1 = new Koa();',
        'const router = new Router();',
        "router.get('/users', (ctx) => { ctx.body = []; });",
        'v1.use(requireAuth);',
        'v1.use(router.routes());',
        "app.use(mount('/v1', v1));",
        "app.use(mount('/v2', require('./v2')));",
        "app.use(mount('/static', serve('public')));",
        'app.use(mount(process.env.BASE!, v1));',
        "app.use(mount('/legacy', createLegacy()));",
        "app.use(mount('/health', async (ctx) => { ctx.status = 204; })); // answers every path under it: a row",
        "app.use(mount('/guarded', requireAuth)); // calls next: middleware, no row",
        "router.use('/ping', limiter, async (ctx) => { ctx.status = 204; }); // on a router too",
        'async function requireAuth(_ctx: unknown, next: () => Promise<void>) {',
        '  await next();',
        '}',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'v2.js'),
      [
        "const Koa = require('koa');",
        "const Router = require('@koa/router');",
        "const router = new Router({ prefix: '/items' });",
        "router.post('/', (ctx) => { ctx.status = 201; });",
        'const app = new Koa();',
        'app.use(router.routes());',
        'module.exports = app;',
      ].join('\n'),
    );
    await writeFile(join(dir, 'legacy.ts'), "export function createLegacy() {\n  return require('./old');\n}\n");
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/v1/users', ['requireAuth'], [200], 9],
      ['ALL', '/v1/ping/*', ['requireAuth', 'limiter'], [204], 19],
      ['POST', '/v2/items', [], [201], 4],
      ['ALL', '/static/*', [], [], 14], // koa-static's: a row, its files are not read
      ['ALL', '/health/*', [], [204], 17],
    ]);
    expect(routes[4]!.summary).toBe(
      'Answered by the function written here, for every path under it: its routes are not read',
    );
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 15],
      ['DG_ROUTES_COMPUTED_MOUNT', 16],
    ]);
  });

  it('an app with no router: its function that never calls next answers every path, one that does is middleware; an entry with neither app nor router', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        'const app = new Koa();',
        'app.use(async (ctx, next) => { await next(); ctx.set("x-time", "1"); });',
        "app.use(async (ctx) => { ctx.body = 'hi'; });",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['ALL', '/*', [], [200], 4],
    ]);
    expect(warnings).toEqual([]);
    await writeFile(
      join(dir, 'logs.ts'),
      "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => { console.log(ctx.path); await next(); });\n",
    );
    expect((await readRoutes(join(dir, 'logs.ts'))).warnings.map((warning) => warning.code)).toEqual([
      'DG_ROUTES_NONE',
    ]);
    await writeFile(join(dir, 'types.ts'), "import type { Context } from 'koa';\nexport type C = Context;\n");
    expect(await docgenFailure(readRoutes(join(dir, 'types.ts')))).toMatchObject({ code: 'DG_ROUTES_NO_APP' });
  });

  it('reads a path middleware answers itself before handing the rest on as a row; not one that falls through to next', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/users', (ctx) => { ctx.body = []; });",
        'app.use(async (ctx, next) => {',
        "  if (ctx.path === '/metrics') { ctx.body = 'up 1'; return; }",
        '  await next();',
        '});',
        "app.use(async (ctx, next) => { if (ctx.request.path !== '/ready') return next(); ctx.status = 503; });",
        "app.use(async (ctx, next) => { if (ctx.path === '/trace') { ctx.set('x-trace', '1'); } await next(); });",
        "app.use(async (ctx, next) => { if (ctx.url !== '/late') return next(); await next(); });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['ALL', '/metrics', [200], 6],
      ['ALL', '/ready', [503], 10],
      ['GET', '/users', [200], 5],
    ]);
    expect(warnings).toEqual([]);
  });

  it('gives each path one middleware answers the statuses of its own branch, not those of the other paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        'const app = new Koa();',
        'app.use(async (ctx, next) => {',
        "  if (ctx.path === '/health') {",
        '    ctx.status = 204;',
        '    return;',
        '  }',
        "  if (ctx.path === '/metrics') {",
        '    ctx.assert(ctx.query.token, 401);',
        '    ctx.body = await metrics();',
        '    return;',
        '  }',
        '  await next();',
        '});',
        'app.use((ctx) => {',
        "  ctx.body = 'home';",
        '});',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses]).slice(0, 2)).toEqual([
      ['ALL', '/health', [204]],
      ['ALL', '/metrics', [200, 401]],
    ]);
  });

  it('gives the routes a named middleware passes through only what it sends outside the paths it answers itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        'async function health(ctx, next) {',
        "  if (ctx.path === '/health') {",
        '    ctx.status = 204;',
        '    return;',
        '  }',
        "  if (ctx.path === '/down') {",
        '    ctx.status = 503;',
        '    return;',
        '  }',
        "  ctx.assert(ctx.get('x-request-id'), 400);",
        '  await next();',
        '}',
        'app.use(health);',
        "router.get('/items', (ctx) => { ctx.body = []; });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['ALL', '/health', [], [204]],
      ['ALL', '/down', [], [503]],
      ['GET', '/items', ['health'], [200, 400]],
    ]);
  });

  it("reads a path middleware checks as the path Koa gives it: a router's prefix is in ctx.path, a koa-mount's is not, ctx.originalUrl is whole", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import mount from 'koa-mount';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const v1 = new Koa();',
        "const api = new Router({ prefix: '/api' });",
        "api.use(async (ctx, next) => { if (ctx.path !== '/api/ping') return next(); ctx.body = 'pong'; });",
        "api.get('/users', (ctx) => { ctx.body = []; });",
        "v1.use(async (ctx, next) => { if (ctx.path !== '/status') return next(); ctx.body = 'ok'; });",
        "v1.use(async (ctx, next) => { if (ctx.originalUrl !== '/v1/version') return next(); ctx.body = '1.0'; });",
        "app.use(mount('/v1', v1));",
        'app.use(api.routes());',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['ALL', '/v1/status', 9],
      ['ALL', '/v1/version', 10],
      ['ALL', '/api/ping', 7],
      ['GET', '/api/users', 8],
    ]);
  });

  it("runs a router's path-scoped middleware for the paths a middleware checks, under a prefix and a koa-mount, as for its routes", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import mount from 'koa-mount';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const v1 = new Koa();',
        "const api = new Router({ prefix: '/api' });",
        "api.use('/admin', requireAdmin);",
        "api.use(async (ctx, next) => { if (ctx.path === '/api/admin/stats') { ctx.body = {}; return; } await next(); });",
        "api.use(async (ctx, next) => { if (ctx.originalUrl === '/v1/api/admin/health') { ctx.body = {}; return; } await next(); });",
        "api.use(async (ctx, next) => { if (ctx.path === '/api/status') { ctx.body = {}; return; } await next(); });",
        "api.get('/admin/users', (ctx) => { ctx.body = []; });",
        'v1.use(api.routes());',
        "app.use(mount('/v1', v1));",
        'async function requireAdmin(ctx, next) { if (!ctx.state.admin) ctx.throw(403); await next(); }',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    // Koa's paths are read from the app's root as they are registered (unlike Express's routers,
    // flattened later): `/admin` of the router is `/v1/api/admin` for every row, checked paths too.
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['ALL', '/v1/api/admin/stats', ['requireAdmin'], [200, 403]],
      ['ALL', '/v1/api/admin/health', ['requireAdmin'], [200, 403]],
      ['ALL', '/v1/api/status', [], [200]],
      ['GET', '/v1/api/admin/users', ['requireAdmin'], [200, 403]],
    ]);
  });

  it("runs middleware koa-mount mounts at a path (mount('/admin', requireAdmin)) for the routes under it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import mount from 'koa-mount';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        "app.use(mount('/admin', requireAdmin));",
        "router.get('/admin/users', (ctx) => { ctx.body = []; });",
        "router.get('/articles', (ctx) => { ctx.body = []; });",
        'app.use(router.routes());',
        'async function requireAdmin(ctx, next) {',
        '  if (!ctx.state.user?.admin) ctx.throw(403);',
        '  await next();',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    // Before: no middleware and no 403 on /admin/users: the mounted function was passed over.
    expect(warnings).toEqual([]);
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/admin/users', ['requireAdmin'], [200, 403]],
      ['GET', '/articles', [], [200]],
    ]);
  });

  it('names middleware use()d under an if or its else with the condition (when …, unless …)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { requireAuth, openAccess, requestLog } from './auth';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/users', (ctx) => { ctx.body = []; });",
        "if (process.env.NODE_ENV === 'development') app.use(requestLog);",
        'if (process.env.AUTH) {',
        '  app.use(requireAuth);',
        '} else {',
        '  app.use(openAccess);',
        '}',
        'app.use(router.routes());',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      [
        'export const requireAuth = async (_ctx, next) => next();',
        'export const openAccess = async (_ctx, next) => next();',
        'export const requestLog = async (_ctx, next) => next();',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      [
        'GET',
        '/users',
        [
          "requestLog (when process.env.NODE_ENV === 'development')",
          'requireAuth (when process.env.AUTH)',
          'openAccess (unless process.env.AUTH)',
        ],
      ],
    ]);
  });

  it('reads paths held in a const of the module or imported from another, templates and sums over them; an imported let stays a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(join(dir, 'config.ts'), "export const BASE = '/x';\nexport let LATER = '/z';\n");
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import Router from 'koa-router';",
        "import { BASE, LATER } from './config';",
        "const V1 = '/api/v1';",
        'const nested = new Router();',
        "nested.get('/leaf', (ctx) => { ctx.body = 'leaf'; });",
        'export const router = new Router();',
        'router.get(`${V1}/search`, (ctx) => { ctx.body = []; });',
        "router.post(V1 + '/items', (ctx) => { ctx.status = 201; });",
        'router.use(V1, nested.routes());',
        'router.get(`${BASE}/y`, (ctx) => { ctx.body = 1; });',
        'router.get(`${LATER}/y`, (ctx) => { ctx.body = 1; });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'routes.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['GET', '/api/v1/search', [200], 7],
      ['POST', '/api/v1/items', [201], 8],
      ['GET', '/api/v1/leaf', [200], 5],
      ['GET', '/x/y', [200], 10],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 11],
    ]);
  });

  it('reads an app a class keeps in a member (this.app = new Koa(), or a property), mounted in its methods', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import Router from '@koa/router';",
        'const router = new Router();',
        "router.get('/pets', (ctx) => { ctx.body = []; });",
        'export default router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import router from './routes';",
        'class Server {',
        '  public app: Koa;',
        '  constructor() {',
        '    this.app = new Koa();',
        '    this.mount();',
        '  }',
        '  private mount = (): void => {',
        '    this.app.use(router.routes()).use(router.allowedMethods());',
        '  };',
        '}',
        'class Admin {',
        '  admin = new Koa();',
        '  constructor() { this.admin.use(router.routes()); }',
        '}',
        'class Other {',
        '  app = { use: (x: unknown) => x };',
        '  start() { this.app.use(router.routes()); }',
        '}',
        'export default Server;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/pets', 3],
      ['GET', '/pets', 3],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a router prefix held in a const loaded with require()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(join(dir, 'config.js'), "module.exports = { API: '/api' };\n");
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "const { API } = require('./config');",
        'const app = new Koa();',
        'const router = new Router({ prefix: API });',
        "router.get('/items', (ctx) => { ctx.body = []; });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([['GET', '/api/items', 6]]);
    expect(warnings).toEqual([]);
  });

  it("reads koa-router's register(path, methods, middleware): a route per method, its middleware and statuses; warns of methods computed at run time", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-register-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import Router from 'koa-router';",
        "import { auth } from './auth';",
        'const app = new Koa();',
        "const router = new Router({ prefix: '/api' });",
        '// Read or replace a setting',
        "router.register('/settings/:key', ['GET', 'put'], [auth, async (ctx) => {",
        "  if (!ctx.params.key) ctx.throw(404, 'no such setting');",
        '  ctx.body = {};',
        '}]);',
        "router.register(['/health', '/ping'], ['HEAD'], (ctx) => { ctx.status = 204; });",
        'const methods = process.env.METHODS!.split(",");',
        "router.register('/debug', methods, (ctx) => { ctx.body = 'ok'; });",
        "router.get('/users', (ctx) => { ctx.body = []; });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      'export const auth = async (ctx: unknown, next: () => Promise<void>) => next();\n',
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(
      routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.summary, route.line]),
    ).toEqual([
      ['GET', '/api/settings/:key', ['auth'], [200, 404], 'Read or replace a setting', 7],
      ['PUT', '/api/settings/:key', ['auth'], [200, 404], 'Read or replace a setting', 7],
      ['HEAD', '/api/health', [], [204], undefined, 11],
      ['HEAD', '/api/ping', [], [204], undefined, 11],
      ['GET', '/api/users', [], [200], undefined, 14],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 13],
    ]);
    expect(warnings[0]!.message).toContain("register('/debug', methods, …)");
  });

  it('warns at the mount of a router or app imported from a module of the project that has no file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import mount from 'koa-mount';",
        "import serve from 'koa-static';",
        "import users from './routes/users';",
        "import { admin } from '#admin';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/ok', (ctx) => { ctx.body = 'ok'; });",
        'app.use(router.routes());',
        'app.use(users.routes()).use(users.allowedMethods());',
        "app.use(mount('/admin', admin));",
        "app.use(mount('/v2', require('./v2')));",
        "app.use(mount('/static', serve('public')));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.servedBy])).toEqual([
      ['GET', '/ok', undefined],
      ['ALL', '/static/*', 'koa-static'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        11,
        "users.routes(): no file of the project is found for './routes/users', its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        12,
        "mount('/admin', admin): no file of the project is found for '#admin', its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        13,
        "mount('/v2', require('./v2')): no file of the project is found for './v2', its routes are not read",
      ],
    ]);
  });

  it('follows the app into the functions of the project it is handed to (router(app), require(…)(app)), and an entry that runs the module making it (giserman001/study-node)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await mkdir(join(dir, 'config'));
    await mkdir(join(dir, 'router'));
    await writeFile(join(dir, 'app.js'), "const start = require('./config/koa.js');\nstart();");
    await writeFile(
      join(dir, 'config', 'koa.js'),
      [
        "const Koa = require('koa');",
        "const bodyParser = require('koa-bodyparser');",
        "const router = require('../router');",
        "const setSPApath = require('../router/spa');",
        'const app = new Koa();',
        'module.exports = () => {',
        '  app.use(bodyParser());',
        '  router(app); // the routes',
        '  setSPApath(app);',
        "  require('../router/admin')(app, { secret: 'x' });",
        "  require('../router/missing')(app);",
        '  app.listen(3000);',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'router', 'index.js'),
      [
        "const Router = require('koa-router');",
        "const api = new Router({ prefix: '/api' });",
        "api.get('/users', async (ctx) => { ctx.status = 200; });",
        'module.exports = (app) => {',
        '  app.use(api.routes()).use(api.allowedMethods());',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'router', 'spa.js'),
      [
        "const Router = require('koa-router');",
        'const router = new Router();',
        'module.exports = (app) => {',
        "  router.get('/app/*', async (ctx) => { ctx.type = 'html'; });",
        '  app.use(router.routes());',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'router', 'admin.js'),
      [
        "const Router = require('@koa/router');",
        "const admin = new Router({ prefix: '/admin' });",
        "admin.del('/cache', async (ctx) => { ctx.status = 204; });",
        'module.exports = function (server, options) {',
        '  server.use(requireAdmin);',
        '  server.use(admin.routes());',
        '};',
      ].join('\n'),
    );
    const expected = [
      ['GET', '/api/users', [], [200], 'router/index.js:3'],
      ['GET', '/app/*', [], [], 'router/spa.js:4'],
      ['DELETE', '/admin/cache', ['requireAdmin'], [204], 'router/admin.js:3'],
    ];
    for (const entry of ['app.js', join('config', 'koa.js')]) {
      const { framework, routes, warnings } = await readRoutes(join(dir, entry));
      expect(framework).toBe('Koa');
      expect(
        routes.map((route) => [
          route.method,
          route.path,
          route.middleware,
          route.statuses,
          at(route.file.slice(dir.length + 1), route.line),
        ]),
      ).toEqual(expected);
      expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
        [
          'DG_ROUTES_PLUGIN_UNREAD',
          11,
          "require('../router/missing'): no file of the project is found for '../router/missing', its routes are not read",
        ],
      ]);
    }
  });

  it('shows middleware a router use()s at a path on the routes registered after it under that path, nested routers too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { requireAdmin, audit } from './auth';",
        'const app = new Koa();',
        "const router = new Router({ prefix: '/api' });",
        'const reports = new Router();',
        "reports.get('/monthly', (ctx) => { ctx.body = []; });",
        "router.get('/admin/early', (ctx) => { ctx.body = 'before the use()'; });",
        "router.use('/admin', requireAdmin);",
        "router.get('/admin/stats', (ctx) => { ctx.body = {}; });",
        "router.get('/public', (ctx) => { ctx.body = 'ok'; });",
        "router.use('/admin/reports', audit, reports.routes());",
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      'export const requireAdmin = async (_ctx, next) => next();\nexport const audit = requireAdmin;',
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/api/admin/early', []],
      ['GET', '/api/admin/stats', ['requireAdmin']],
      ['GET', '/api/public', []],
      ['GET', '/api/admin/reports/monthly', ['requireAdmin', 'audit']],
    ]);
    expect(warnings).toEqual([]);
  });

  it('lists a function of the project reached by property access in a mount (router.use, koa-mount) as one row, as one written there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import mount from 'koa-mount';",
        "import * as handlers from './handlers';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.use('/proxy', handlers.proxy);",
        "router.get('/ping', (ctx) => { ctx.body = 'pong'; });",
        'app.use(router.routes());',
        "app.use(mount('/health', handlers.health));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'handlers.ts'),
      [
        'export const proxy = (ctx) => { ctx.status = 502; };',
        "export function health(ctx) { ctx.status = 200; ctx.body = 'ok'; }",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses, r.inlineMount, r.line])).toEqual([
      ['ALL', '/proxy/*', [502], true, 7],
      ['GET', '/ping', [200], undefined, 8],
      ['ALL', '/health/*', [200], true, 10],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the statuses of a handler passed by name, as the Express reader does: imported, through asyncHandler / catchAsync, bound, a class method, this.controller.x', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import asyncHandler from './async-handler';",
        "import { list, create } from './controllers';",
        "import * as users from './users.controller';",
        "import { OrdersRoutes } from './orders.routes';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/items', asyncHandler(list));",
        "router.post('/items', create);",
        "router.delete('/users/:id', users.remove);",
        'app.use(router.routes());',
        'app.use(new OrdersRoutes().router.routes());',
      ].join('\n'),
    );
    await writeFile(join(dir, 'async-handler.ts'), 'export default (fn) => (ctx, next) => fn(ctx, next);');
    await mkdir(join(dir, 'controllers'), { recursive: true });
    await writeFile(join(dir, 'controllers', 'index.ts'), "export * from './items';");
    await writeFile(
      join(dir, 'controllers', 'items.ts'),
      [
        'export async function list(ctx) { ctx.status = 206; }',
        "export const create = catchAsync(async (ctx) => { ctx.status = 201; ctx.throw(409, 'taken'); });",
        'function catchAsync(fn) { return fn; }',
      ].join('\n'),
    );
    await writeFile(join(dir, 'users.controller.ts'), 'export const remove = async (ctx) => { ctx.status = 204; };');
    await writeFile(
      join(dir, 'orders.routes.ts'),
      [
        "import Router from '@koa/router';",
        'class OrdersController {',
        '  async show(ctx) { ctx.throw(404); }',
        '  async cancel(ctx) { ctx.status = 202; }',
        '}',
        'export class OrdersRoutes {',
        "  router = new Router({ prefix: '/orders' });",
        '  controller = new OrdersController();',
        '  constructor() {',
        "    this.router.get('/:id', this.controller.show);",
        "    this.router.post('/:id/cancel', this.controller.cancel.bind(this.controller));",
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/items', [206]], // asyncHandler(list): an imported function declaration, through a barrel
      ['POST', '/items', [201, 409]], // const create = catchAsync(async (ctx) => …)
      ['DELETE', '/users/:id', [204]], // users.remove of import * as users
      ['GET', '/orders/:id', [404]], // this.controller.show with controller = new OrdersController()
      ['POST', '/orders/:id/cancel', [202]], // .bind(this.controller)
    ]);
    expect(warnings).toEqual([]);
  });

  it('says a status computed at run time is computed (ctx.status = err.status || 500, ctx.throw(err.status)), a message thrown is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/a', (ctx) => { try { ctx.body = 1; } catch (err) { ctx.status = err.status || 500; } });",
        "router.get('/b', (ctx) => { ctx.throw(ctx.state.code, 'no'); });",
        "router.get('/c', (ctx) => { ctx.throw('Not allowed'); });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.path, r.statuses, r.computedStatuses])).toEqual([
      ['/a', [500], ['err.status']],
      ['/b', [], ['ctx.state.code']],
      ['/c', [], undefined],
    ]);
  });

  it('mounts a router whose routes() a module exports (export default router.routes(); router.use(statusRoutes)), as elishaterada/node-koa-mongo-starter does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "import Koa from 'koa';",
        "import routes from './routes';",
        'const app = new Koa();',
        'app.use(routes.routes());',
        'app.listen(3001);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.js'),
      [
        "import Router from 'koa-router';",
        "import statusRoutes from './status';",
        'const router = new Router();',
        'router.use(statusRoutes);',
        "router.post('/auth/login', (ctx) => { ctx.status = 201; });",
        'export default router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'status.js'),
      [
        "import Router from 'koa-router';",
        'const router = new Router();',
        "router.get('/status', (ctx) => { ctx.status = 200; });",
        'export default router.routes();',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['GET', '/status', [], [200]],
      ['POST', '/auth/login', [], [201]], // statusRoutes is a router, not middleware of the routes after it
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the statuses of the errors a handler throws (throw new ApiError(404, …), new AppError(message, 409)), which Koa answers with', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/a', (ctx) => { if (!ctx.state.user) throw new ApiError(404, 'No such user'); ctx.status = 200; });",
        "router.post('/b', (ctx) => { throw new AppError('Taken', 409); });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.path, r.statuses])).toEqual([
      ['/a', [200, 404]],
      ['/b', [409]],
    ]);
  });

  it("reads the status each call hands a response helper (an argument, a status name, the parameter's default), and a computed one as the caller writes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import Koa, { type Context } from 'koa';",
        "import Router from '@koa/router';",
        'function respond(ctx: Context, body: unknown, status = 200) {',
        '  ctx.status = status;',
        '  ctx.body = body;',
        '}',
        'const router = new Router();',
        "router.post('/users', (ctx) => respond(ctx, {}, 201));",
        "router.get('/users', (ctx) => respond(ctx, []));",
        "router.put('/users/:id', (ctx) => respond(ctx, {}, ctx.state.status));",
        'const app = new Koa();',
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['POST', '/users', [201], undefined],
      ['GET', '/users', [200], undefined], // the parameter's default
      ['PUT', '/users/:id', [], ['ctx.state.status']],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts under a prefix a function is handed the router with (an argument, the default), under each prefix its calls give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import Router from '@koa/router';",
        'export const users = new Router();',
        "users.get('/', (ctx) => {",
        '  ctx.body = [];',
        '});',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import type Router from '@koa/router';",
        "import { users } from './users';",
        'export function registerRoutes(router: Router, prefix: string) {',
        '  router.use(`${prefix}/users`, users.routes());',
        '}',
        "export function registerAdmin(router: Router, prefix = '/admin') {",
        '  router.use(prefix, users.routes());',
        '}',
        'export function registerUnknown(router: Router, prefix: string) {',
        '  router.use(`${prefix}/unknown`, users.routes());',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { registerAdmin, registerRoutes, registerUnknown } from './routes';",
        'const router = new Router();',
        "registerRoutes(router, '/api/v1');",
        "registerRoutes(router, '/api/v2');",
        'registerAdmin(router);',
        'registerUnknown(router, process.env.PREFIX);',
        'const app = new Koa();',
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => route.path)).toEqual([
      '/api/v1/users',
      '/api/v2/users',
      '/admin', // registerAdmin(router): prefix = '/admin'
    ]);
    // A value only known at run time (process.env.PREFIX) is still a computed mount, where it is used.
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', { file: join(dir, 'routes.ts'), line: 10 }],
    ]);
  });

  it('warns at a use() that mounts routers found at run time under their own paths (router.use(obj.path, obj.router.routes()) over a folder read with readdirSync), as RedrockTeam/morning-punch-backend does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await mkdir(join(dir, 'routes'));
    await writeFile(
      join(dir, 'routes', 'index.ts'),
      [
        "import * as fs from 'fs';",
        "import * as path from 'path';",
        "import * as KoaRouter from 'koa-router';",
        'const router = new KoaRouter();',
        'const load = async () => {',
        '  const list: any[] = [];',
        '  for (const file of fs.readdirSync(__dirname))',
        "    if (file !== 'index.ts') list.push((await import(path.resolve(__dirname, file))).default);",
        '  return list;',
        '};',
        'load().then((found) =>',
        '  found.forEach((obj) => {',
        '    router.use(obj.path, obj.router.routes(), obj.router.allowedMethods());',
        '  }),',
        ');',
        "router.get('/ping', (ctx) => { ctx.body = 'pong'; });",
        'export default router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import * as Koa from 'koa';",
        "import router from './routes/index';",
        'const app = new Koa();',
        'app.use(router.routes());',
        'app.listen(8080);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/ping']]);
    expect(warnings.map((warning) => [warning.code, warning.location, warning.message])).toEqual([
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        { file: join(dir, 'routes', 'index.ts'), line: 13 },
        'use(obj.path, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
    ]);
  });

  it("reads modules required by bare name from the folder the package's scripts set NODE_PATH to, and handlers a required module's member names (koa-knex-realworld-example)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    const files: Record<string, string[]> = {
      'package.json': [
        JSON.stringify({
          scripts: { start: 'cross-env NODE_PATH=src node src/bin/server' },
          dependencies: { config: '^3.0.0', koa: '^2.6.2', 'koa-router': '^7.4.0' },
        }),
      ],
      'src/app.js': [
        "const Koa = require('koa');",
        "const routes = require('routes');", // src/routes/index.js, through NODE_PATH
        "const config = require('config');", // a dependency: the package, though src/config exists
        'const app = new Koa();',
        'app.use(routes.routes());',
        'module.exports = app;',
      ],
      'src/config/index.js': ['module.exports = {};'],
      'src/routes/index.js': [
        "const Router = require('koa-router');",
        "const ctrl = require('controllers').articles;",
        'const router = new Router();',
        "router.get('/articles', ctrl.get);",
        "router.get('/articles/:slug/comments', ctrl.comments.get);",
        'module.exports = router;',
      ],
      'src/controllers/index.js': ["const articles = require('./articles');", 'module.exports = { articles };'],
      'src/controllers/articles.js': [
        "const comments = require('./comments');",
        'module.exports = {',
        '  async get(ctx) { if (!ctx.query.ok) ctx.throw(422); ctx.body = { articles: [] }; },',
        '  comments,',
        '};',
      ],
      'src/controllers/comments.js': ['module.exports = { async get(ctx) { ctx.body = { comments: [] }; } };'],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/articles', [200, 422]],
      ['GET', '/articles/:slug/comments', [200]],
    ]);
    expect(warnings).toEqual([]);
  });
  it('reads a router a factory of the project makes, mounted twice with different values, each with the values its call gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import { versioned } from './versioned';",
        'const app = new Koa();',
        "app.use(versioned('v1').routes());",
        "app.use(versioned('v2').routes());",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'versioned.ts'),
      [
        "import Router from '@koa/router';",
        'export function versioned(version: string) {',
        '  const router = new Router({ prefix: `/${version}` });',
        "  router.get('/items', (ctx) => { ctx.body = []; });",
        '  return router;',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/v1/items'],
      ['GET', '/v2/items'],
    ]);
    expect(warnings).toEqual([]);
  });
  it('reads a router a method of the project makes (routers.create(…) of a namespace import), with the values its call gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-koa-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import Koa from 'koa';",
        "import * as routers from './routers';",
        'const app = new Koa();',
        "app.use(routers.create('v1').routes());",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routers.ts'),
      [
        "import Router from '@koa/router';",
        'export function create(version: string) {',
        '  const router = new Router({ prefix: `/${version}` });',
        "  router.get('/items', (ctx) => { ctx.status = 200; });",
        '  return router;',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['GET', '/v1/items', [200]]]);
    expect(warnings).toEqual([]);
  });
});
