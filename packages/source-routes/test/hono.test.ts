/**
 * The Hono reader on real code: the fixture (an app served by @hono/node-server, a sub-app with a
 * base path mounting RPC-style chained sub-apps from other modules, `use()` patterns, `on()`,
 * regex parameters), and an app that is only exported, as Bun and Workers run it.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { readRoutes } from '@docgen/source-routes';

const src = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hono-app', 'src');
const at = (file: string, line: number) => `${file}:${line}`;

describe('readRoutes on a Hono app', () => {
  it('counts the 400 a validator middleware answers bad input with, and what its hook or validation function sends', async () => {
    const entry = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hono-validators', 'src', 'index.ts');
    const { routes, warnings } = await readRoutes(entry);
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/todos', [200, 400]], // zValidator('query', …)
      ['POST', '/todos', [201, 400]],
      ['PUT', '/todos/:id', [200, 400, 422]], // an imported const, whose hook answers 422
      ['PATCH', '/todos/:id', [204, 400]], // vValidator
      ['DELETE', '/todos/:id', [204, 400, 404]], // a hook held in a const
      ['POST', '/todos/import', [201, 400, 415]], // hono/validator's validator('form', fn)
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts a validator use()d at a pattern (zValidator('header', …) on '*', a const on '/items', validator(…) on '/uploads/*') on the routes it matches, as a route's own, and what named middleware sends instead of calling next() (not an error boundary's)", async () => {
    const entry = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hono-validators', 'src', 'mounted.ts');
    const { routes, warnings } = await readRoutes(entry);
    expect(routes.map((route) => [route.method, route.path, route.middleware.length, route.statuses])).toEqual([
      // errorBoundary wraps next() in a try: the 500 is what the routes throw, none of its own
      ['GET', '/api/items', 3, [200, 400, 422]], // paging's hook answers 422
      ['POST', '/api/items', 4, [201, 400, 422]], // use() matches every method
      ['GET', '/api/items/:id', 2, [200, 400]], // '/items' is that path only
      // the validation function's c.text(…, 411); requireApiKey, named at the route: c.json(…, 401)
      ['PUT', '/api/uploads/:name', 4, [204, 400, 401, 411]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the app it serves, sub-apps mounted with route() under base paths, and use() by the paths it matches, with what middleware of the project (named, or made by a factory) answers', async () => {
    const { framework, routes, warnings } = await readRoutes(join(src, 'index.ts'));
    expect(framework).toBe('Hono');
    const session = ['logger()', 'cors()', 'requireSession'];
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        at(route.file.slice(src.length + 1), route.line),
      ]),
    ).toEqual([
      ['GET', '/health', ['logger()'], [204], at('index.ts', 15)],
      // api.use('/bookings/*', requireSession): its throw new HTTPException(401)
      ['GET', '/api/bookings', session, [200, 401], at('routes/bookings.ts', 7)],
      ['POST', '/api/bookings', session, [201, 401], at('routes/bookings.ts', 8)],
      ['GET', '/api/bookings/:id{[0-9]+}', session, [401, 404], at('routes/bookings.ts', 9)], // HTTPException
      ['DELETE', '/api/bookings/:id{[0-9]+}', session, [204, 401], at('routes/bookings.ts', 12)], // no path: the one before
      ['GET', '/api/rooms', ['logger()', 'cors()'], [200], at('routes/rooms.ts', 6)],
      ['GET', '/api/rooms/:roomId/availability', ['logger()', 'cors()'], [200], at('routes/rooms.ts', 8)], // on()
      ['HEAD', '/api/rooms/:roomId/availability', ['logger()', 'cors()'], [200], at('routes/rooms.ts', 8)],
      ['PUT', '/api/rooms/:roomId', ['logger()', 'cors()', 'requireStaff'], [200], at('routes/rooms.ts', 9)],
      // api.use('/admin/*', requireRole('admin')): the factory's createMiddleware(…) answers c.json(…, 403)
      [
        'GET',
        '/api/admin/reports',
        ['logger()', 'cors()', "requireRole('admin')"],
        [200, 403],
        at('routes/admin.ts', 6),
      ],
      // throttle(1), named at the route, returns a (c, next) function that throws HTTPException(429)
      [
        'POST',
        '/api/admin/reindex',
        ['logger()', 'cors()', "requireRole('admin')", 'throttle(1)'],
        [202, 403, 429],
        at('routes/admin.ts', 7),
      ],
    ]);
    expect(routes[3]!.openapiPath).toBe('/api/bookings/{id}');
    expect(routes.map((route) => route.summary)).toEqual([
      'Liveness probe for the load balancer.',
      'Bookings of the signed-in guest.', // above a link of the chain
      undefined,
      undefined,
      undefined,
      undefined,
      'Availability, by day.',
      'Availability, by day.',
      undefined,
      undefined,
      undefined,
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', { file: join(src, 'routes', 'rooms.ts'), line: 11 }],
    ]);
  });

  it('shows use() middleware of the project reached by property access (auth.verify) by name, as a named one, beside what it answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Hono } from 'hono';",
        "import { auth } from './auth';",
        'const app = new Hono();',
        'app.use(auth.verify);',
        "app.use('/admin/*', auth.staffOnly);",
        "app.get('/users', (c) => c.json([]));",
        "app.get('/admin/stats', (c) => c.json({}));",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      [
        "import type { Context, Next } from 'hono';",
        'export const auth = {',
        "  async verify(c: Context, next: Next) { if (!c.req.header('authorization')) return c.text('no', 401); await next(); },",
        "  async staffOnly(c: Context, next: Next) { if (!c.get('staff')) return c.text('no', 403); await next(); },",
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/users', ['auth.verify'], [200, 401]],
      ['GET', '/admin/stats', ['auth.verify', 'auth.staffOnly'], [200, 401, 403]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('gives the routes a middleware passes through only what it sends outside the paths it answers itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Hono } from 'hono';",
        "import type { Context, Next } from 'hono';",
        'const app = new Hono();',
        'async function health(c: Context, next: Next) {',
        "  if (c.req.path === '/health') return c.body(null, 204);",
        "  if (c.req.path === '/down') {",
        "    return c.text('maintenance', 503);",
        '  }',
        "  if (!c.req.header('x-request-id')) return c.text('no request id', 400);",
        '  await next();',
        '}',
        'app.use(health);',
        "app.get('/items', (c) => c.json([]));",
        "app.post('/items', (c) => c.json({}, 201));",
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    // Before: 204 and 503, the statuses of /health and /down, on every route.
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/items', ['health'], [200, 400]],
      ['POST', '/items', ['health'], [201, 400]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('names middleware use()d under an if with the condition', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { logger } from 'hono/logger';",
        'const app = new Hono();',
        'const debug = process.env.DEBUG === "1";',
        'if (debug) app.use(logger());',
        "app.get('/users', (c) => c.json([]));",
        'export default app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/users', ['logger() (when debug)']],
    ]);
  });

  it('an app that is only exported (Bun, Workers), made elsewhere; a computed mount; no app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Hono } from 'hono';",
        "import { admin } from './admin';",
        "export const app = new Hono().basePath('/v1');",
        "app.get('/items', (c) => c.json([])).post((c) => c.json({}, 201));",
        "app.route('/admin', admin);",
        'app.route(process.env.MOUNT!, admin);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'admin.ts'),
      "import { Hono } from 'hono';\nexport const admin = new Hono();\nadmin.delete('/cache', (c) => c.redirect('/'));\n",
    );
    await writeFile(join(dir, 'worker.ts'), "import { app } from './app';\nexport default app;\n");
    const { framework, routes, warnings } = await readRoutes(join(dir, 'worker.ts'));
    expect(framework).toBe('Hono');
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['GET', '/v1/items', [200], 4],
      ['POST', '/v1/items', [201], 4],
      ['DELETE', '/v1/admin/cache', [302], 3],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 6],
    ]);
    await writeFile(join(dir, 'types.ts'), "import type { Context } from 'hono';\nexport type C = Context;\n");
    expect(await docgenFailure(readRoutes(join(dir, 'types.ts')))).toMatchObject({ code: 'DG_ROUTES_NO_APP' });
  });
  it('routes registered on the app from other modules the entry loads (for their side effects too), in the order they run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Hono } from 'hono';",
        "import { logger } from 'hono/logger';",
        "import { sub } from './sub';",
        'export const app = new Hono();',
        'app.use(logger());',
        "app.get('/health', (c) => c.text('ok'));",
        "app.route('/sub', sub);",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'sub.ts'),
      "import { Hono } from 'hono';\nexport const sub = new Hono();\nsub.get('/a', (c) => c.text('a'));\n",
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { app } from './app';",
        "import { sub } from './sub';",
        "const v1 = app.basePath('/v1');",
        '// Users, newest first.',
        "v1.get('/users', (c) => c.json([]));",
        "app.post('/login', (c) => c.json({}, 201));",
        "sub.get('/late', (c) => c.text('b')); // after route() copied sub's routes: not served",
      ].join('\n'),
    );
    await writeFile(join(dir, 'unused.ts'), "import { app } from './app';\napp.get('/never', (c) => c.text(''));\n");
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { serve } from '@hono/node-server';",
        "import { app } from './app';",
        "import './routes';",
        'serve({ fetch: app.fetch });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        at(route.file.slice(dir.length + 1), route.line),
      ]),
    ).toEqual([
      ['GET', '/health', ['logger()'], [200], at('app.ts', 6)],
      ['GET', '/sub/a', ['logger()'], [200], at('sub.ts', 3)],
      ['GET', '/v1/users', ['logger()'], [200], at('routes.ts', 5)],
      ['POST', '/login', ['logger()'], [201], at('routes.ts', 6)],
    ]);
    expect(routes[2]!.summary).toBe('Users, newest first.');
    expect(warnings).toEqual([]);
  });

  it('basePath() kept in another name, derived again, or in a chain: its routes under the combined base path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { serve } from '@hono/node-server';",
        "const app = new Hono().basePath('/api');",
        "const v1 = app.basePath('/v1');",
        "v1.use('/admin/*', requireAdmin);",
        "v1.get('/users', (c) => c.json([]));",
        "const admin = v1.basePath('/admin');",
        "admin.delete('/cache', (c) => c.body(null, 204));",
        "app.basePath('/v2').get('/users', (c) => c.json([])).post('/users', (c) => c.json({}, 201));",
        "app.get('/health', (c) => c.text('ok'));",
        'const v3 = new Hono().basePath(`/${process.env.VERSION}`);',
        "v3.get('/users', (c) => c.json([]));",
        'const root = new Hono();',
        'const legacy = new Hono();',
        "const old = legacy.basePath('/old');",
        "old.get('/users', (c) => c.json([]));",
        "root.route('/', old);",
        'async function requireAdmin(_c: unknown, next: () => Promise<void>) {',
        '  await next();',
        '}',
        'serve({ fetch: app.fetch });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/api/v1/users', [], [200], 6],
      ['DELETE', '/api/v1/admin/cache', ['requireAdmin'], [204], 8],
      ['GET', '/api/v2/users', [], [200], 9],
      ['POST', '/api/v2/users', [], [201], 9],
      ['GET', '/api/health', [], [200], 10],
      ['GET', '/users', [], [200], 12],
      ['GET', '/old/users', [], [200], 16], // mounting a clone mounts the app it derives from
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_PREFIX_UNKNOWN', 11],
    ]);
  });

  it('reads paths, mounts and base paths held in a const of the module, and templates over them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "const BASE = '/api';",
        "const USERS = '/users';",
        'const users = new Hono();',
        "users.get('/', (c) => c.json([]));",
        'const app = new Hono().basePath(BASE);',
        'app.get(`${USERS}/:id`, (c) => c.json({}));',
        'app.route(`/v1${USERS}`, users);',
        'app.get(`/x/${Math.random()}`, (c) => c.json({}));',
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/api/users/:id', 7],
      ['GET', '/api/v1/users', 5],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ROUTES_COMPUTED_PATH', 9]]);
  });

  it('follows apps made by a function of the project (createApp(), createRouter()), what the function registers first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    const files: Record<string, string[]> = {
      'factory.ts': [
        "import { Hono } from 'hono';",
        "import { logger } from 'hono/logger';",
        'export function makeRouter() {',
        '  return new Hono({ strict: false });',
        '}',
        'export default function makeApp() {',
        '  const app = makeRouter();',
        "  app.use('*', logger());",
        "  app.get('/ping', (c) => c.text('pong'));",
        '  return app;',
        '}',
      ],
      'books.ts': [
        "import { makeRouter } from './factory';",
        "const books = makeRouter().get('/books', (c) => c.json([])).post('/books', (c) => c.json({}, 201));",
        'export default books;',
      ],
      'index.ts': [
        "import { serve } from '@hono/node-server';",
        "import makeApp from './factory';",
        "import books from './books';",
        'const app = makeApp();',
        "app.route('/v1', books);",
        'serve({ fetch: app.fetch });',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(
      routes.map((route) => [route.method, route.path, route.middleware, route.file.slice(dir.length + 1), route.line]),
    ).toEqual([
      ['GET', '/ping', ['logger()'], 'factory.ts', 9],
      ['GET', '/v1/books', ['logger()'], 'books.ts', 2],
      ['POST', '/v1/books', ['logger()'], 'books.ts', 2],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads @hono/zod-openapi's openapi(route, handler): the route config inline, in a const or a namespace import's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    const files: Record<string, string[]> = {
      'notes.routes.ts': [
        "import { createRoute } from '@hono/zod-openapi';",
        "export const list = createRoute({ method: 'get', path: '/notes', responses: {} });",
        "export const one = createRoute({ method: 'get', path: '/notes/{id}', responses: {} });",
      ],
      'index.ts': [
        "import { OpenAPIHono, createRoute } from '@hono/zod-openapi';",
        "import * as routes from './notes.routes';",
        "const remove = createRoute({ method: 'delete', path: '/notes/{id}', responses: {} });",
        'const app = new OpenAPIHono()',
        '  .openapi(routes.list, (c) => c.json([]))',
        '  .openapi(routes.one, (c) => c.json({}))',
        '  .openapi(remove, (c) => c.body(null, 204))',
        "  .openapi(createRoute({ method: 'post', path: '/notes', responses: {} }), (c) => c.json({}, 201));",
        'app.openapi(pick(), (c) => c.json({}));',
        'export default app;',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.openapiPath, route.statuses, route.line])).toEqual([
      ['GET', '/notes', '/notes', [200], 5],
      ['GET', '/notes/:id', '/notes/{id}', [200], 6],
      ['DELETE', '/notes/:id', '/notes/{id}', [204], 7],
      ['POST', '/notes', '/notes', [201], 8],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ROUTES_COMPUTED_PATH', 9]]);
  });

  it('mounts the sub-apps of a literal const table looped over; a sub-app it cannot follow is a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    const files: Record<string, string[]> = {
      'subs.ts': [
        "import { Hono } from 'hono';",
        "export const a = new Hono().get('/a', (c) => c.text('a'));",
        "export const b = new Hono().get('/b', (c) => c.text('b'));",
        "export const c = new Hono().get('/c', (c) => c.text('c'));",
        'export const tables = [',
        "  { path: '/x', app: b },",
        "  { path: '/y', app: c },",
        '] as const;',
      ],
      'index.ts': [
        "import { Hono } from 'hono';",
        "import { a, tables } from './subs';",
        'const app = new Hono();',
        'const apps = [a];',
        "apps.forEach((sub) => app.route('/', sub));",
        'for (const { path, app: sub } of tables) app.route(path, sub);',
        "app.route('/z', makeSub());",
        'const built = [a].map((sub) => sub);',
        "built.forEach((sub) => app.route('/w', sub));",
        'export default app;',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/a', 2],
      ['GET', '/x/b', 3],
      ['GET', '/y/c', 4],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 7],
      ['DG_ROUTES_COMPUTED_MOUNT', 9],
    ]);
  });

  it('reads a base path and a route table loaded with require() (module.exports = [ … ])', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(join(dir, 'config.ts'), "export const BASE = '/api';\n");
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Hono } from 'hono';",
        "const books = new Hono().get('/books', (c) => c.json([]));",
        "const authors = new Hono().get('/authors', (c) => c.json([]));",
        'module.exports = [books, authors];',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Hono } from 'hono';",
        "const { BASE } = require('./config');",
        "const routes = require('./routes');",
        'const app = new Hono().basePath(BASE);',
        "routes.forEach((route) => app.route('/', route));",
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, basename(route.file), route.line])).toEqual([
      ['GET', '/api/books', 'routes.ts', 2],
      ['GET', '/api/authors', 'routes.ts', 3],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads paths, mounts and base paths held in a const imported from another module (through a barrel, built from other consts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(join(dir, 'base.ts'), "export const ROOT = '/api';\n");
    await writeFile(
      join(dir, 'paths.ts'),
      ["import { ROOT } from './base';", 'export const API = `${ROOT}/v1`;', "export const USERS = '/users';"].join(
        '\n',
      ),
    );
    await writeFile(join(dir, 'config.ts'), "export * from './paths';\nexport let LATER = '/later';\n");
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { API, USERS, LATER } from './config';",
        'const users = new Hono();',
        "users.get(API + '/me', (c) => c.json({}));",
        'const app = new Hono().basePath(API);',
        'app.route(USERS, users);',
        'app.get(`${USERS}/count`, (c) => c.json(0));',
        'app.get(LATER, (c) => c.json(0));',
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/api/v1/users/api/v1/me', 4],
      ['GET', '/api/v1/users/count', 7],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 8], // an imported `let`
    ]);
  });

  it('reads an app a class keeps in a member (this.app = new Hono(), or a property), with the calls on this.app in its methods', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Hono } from 'hono';",
        'const users = new Hono();',
        "users.get('/:id', (c) => c.json({}));",
        'export default users;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import users from './users';",
        'const auth = async (_c: unknown, next: () => Promise<void>) => next();',
        'export class Server {',
        '  private app: Hono;',
        '  constructor() {',
        '    this.app = new Hono();',
        '    this.routes();',
        '  }',
        '  private routes(): void {',
        "    this.app.use('/admin/*', auth);",
        "    this.app.get('/health', (c) => c.text('ok'));",
        "    this.app.route('/users', users);",
        "    this.app.get('/admin/stats', (c) => c.json({}, 201));",
        '  }',
        '}',
        'class Admin {',
        "  admin = new Hono().basePath('/internal');",
        "  mount = () => this.admin.get('/ping', (c) => c.text('pong'));",
        '}',
        'class Other {',
        '  app = { get: (path: string, handler: unknown) => handler };',
        "  start() { this.app.get('/not-hono', () => 1); }",
        '}',
        'export { Admin, Other };',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/health', [], [200], 12],
      ['GET', '/users/:id', [], [200], 3],
      ['GET', '/admin/stats', ['auth'], [201], 14],
      ['GET', '/internal/ping', [], [200], 19],
    ]);
    expect(warnings).toEqual([]);
  });

  it("lists a package's handler mounted at a path (use() with a pattern, mount(), route()) as one row served by it, unless it guards listed routes", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { cors } from 'hono/cors';",
        "import { serveStatic } from '@hono/node-server/serve-static';",
        "import { trpcServer } from '@hono/trpc-server';",
        "import { graphqlServer } from '@hono/graphql-server';",
        "import { auth } from 'some-auth/hono';",
        'const app = new Hono();',
        "app.use('/api/*', cors());",
        "app.get('/api/users', (c) => c.json([]));",
        "app.use('/trpc/*', trpcServer({ router: {} }));",
        "app.use('/static/*', serveStatic({ root: './' }));",
        "app.mount('/graphql', graphqlServer({ schema: {} }));",
        "app.route('/auth', auth);",
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.servedBy, r.line])).toEqual([
      ['GET', '/api/users', ['cors()'], undefined, 9],
      ['ALL', '/trpc/*', [], '@hono/trpc-server', 10],
      ['ALL', '/static/*', [], '@hono/node-server', 11],
      ['ALL', '/graphql/*', [], '@hono/graphql-server', 12],
      ['ALL', '/auth/*', [], 'some-auth', 13],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns at a sub-app or registrar loaded from a path computed at run time (require(`./routes/${name}`), import(path)), naming the path, and reads the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { Hono } from 'hono';",
        "import { readdirSync } from 'node:fs';",
        'const app = new Hono();',
        'const name = process.env.MODULE!;',
        'const users = require(`./routes/${name}`).default;',
        "app.route('/users', users);",
        "app.route('/admin', require('./routes/' + name));",
        "for (const file of readdirSync('./routes')) require(`./routes/${file}`)(app);",
        'const billing = (await import(`./routes/${name}.js`)).default;',
        "app.route('/billing', billing);",
        "app.get('/health', (c) => c.text('ok'));",
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/health']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        8,
        'require(`./routes/${file}`)(app) hands app to a module required from a path computed at run time (`./routes/${file}`): the routes those modules register are not read',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        6,
        "route('/users', users) mounts a sub-app loaded from a path computed at run time (`./routes/${name}`, line 5): its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        7,
        "route('/admin', require('./routes/' + name)) mounts a sub-app loaded from a path computed at run time ('./routes/' + name): its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        10,
        "route('/billing', billing) mounts a sub-app loaded from a path computed at run time (`./routes/${name}.js`, line 9): its routes are not read",
      ],
    ]);
  });

  it('follows the app into the functions of the project it is handed to (createRoutes(app)), under the base path of the name handed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { logger } from 'hono/logger';",
        "import { serveStatic } from 'hono/bun';",
        "import { createRoutes } from './routes';",
        "import { registerAdmin } from './missing';",
        'const app = new Hono();',
        "app.use('*', logger());",
        "const api = app.basePath('/api');",
        'const routes = createRoutes(api);',
        'registerAdmin(app);',
        "app.get('*', serveStatic({ root: './dist' }));",
        'export default app;',
        'export type AppType = typeof routes;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Hono } from 'hono';",
        'export function createRoutes(app: Hono) {',
        "  const v2 = app.basePath('/v2');",
        "  v2.delete('/cache', (c) => c.body(null, 204));",
        "  return app.get('/health', (c) => c.text('ok')).route('/jobs', new Hono().post('/', (c) => c.json({}, 202)));",
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, at(basename(r.file), r.line)])).toEqual([
      ['DELETE', '/api/v2/cache', ['logger()'], [204], 'routes.ts:4'],
      ['GET', '/api/health', ['logger()'], [200], 'routes.ts:5'],
      ['POST', '/api/jobs', ['logger()'], [202], 'routes.ts:5'],
      ['GET', '/*', ['logger()'], [], 'index.ts:11'],
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        10,
        "registerAdmin(app): no file of the project is found for './missing', the routes it registers are not read",
      ],
    ]);
  });

  it('reads the statuses of a handler passed by name, as the Express reader does: imported, through a wrapper, bound, this.controller.x', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { withErrors } from './with-errors';",
        "import * as books from './books.controller';",
        "import { AuthorsRoutes } from './authors.routes';",
        'const app = new Hono();',
        "app.get('/books', withErrors(books.list));",
        "app.post('/books', books.create);",
        "app.route('/authors', new AuthorsRoutes().app);",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(join(dir, 'with-errors.ts'), 'export const withErrors = (fn) => async (c) => fn(c);');
    await writeFile(
      join(dir, 'books.controller.ts'),
      [
        "import { HTTPException } from 'hono/http-exception';",
        'export async function list(c) { return c.json([], 200); }',
        'const wrap = (fn) => fn;',
        'export const create = wrap(async (c) => { if (!c.req) throw new HTTPException(422); return c.json({}, 201); });',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'authors.routes.ts'),
      [
        "import { Hono } from 'hono';",
        'class AuthorsController {',
        '  show(c) { return c.notFound(); }',
        '  remove = (c) => c.body(null, 204);',
        '}',
        'export class AuthorsRoutes {',
        '  app = new Hono();',
        '  private controller = new AuthorsController();',
        '  constructor() {',
        "    this.app.get('/:id', this.controller.show.bind(this.controller));",
        "    this.app.delete('/:id', this.controller.remove);",
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/books', [200]],
      ['POST', '/books', [201, 422]],
      ['GET', '/authors/:id', [404]],
      ['DELETE', '/authors/:id', [204]],
    ]);
  });

  it('says a status computed at run time is computed (c.json(body, result.status), new HTTPException(err.status))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { HTTPException } from 'hono/http-exception';",
        'const app = new Hono();',
        "app.get('/a', (c) => c.json({}, result.status));",
        "app.get('/b', (c) => { throw new HTTPException(err.status ?? 500); });",
        "app.get('/c', (c) => c.json({}, 200));",
        'export default app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((r) => [r.path, r.statuses, r.computedStatuses])).toEqual([
      ['/a', [], ['result.status']],
      ['/b', [500], ['err.status']],
      ['/c', [200], undefined],
    ]);
  });

  it("keeps a route path's trailing slash, which Hono's strict routing serves apart, and reads the statuses of the project's helpers a handler hands c to (primateam/backend)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.js'),
      [
        "import { Hono } from 'hono';",
        "import { teams } from './teams.js';",
        "import { sendError } from './response.js';",
        'const app = new Hono();',
        'const users = new Hono();',
        "users.get('/', (c) => c.json([]));",
        "users.get('/:user_id/', (c) => c.json({}, 200));",
        "users.delete('/:user_id', (c) => { try { return c.body(null, 204); } catch (err) { return sendError(c, err); } });",
        "app.route('/v1/users', users);",
        "app.post('/v1/teams', teams.create);",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'response.js'),
      [
        'export function sendError(c, error) {',
        '  const statusCode = error.statusCode || 500;',
        '  return c.json({ success: false }, statusCode);',
        '}',
        'export const created = (c, data) => c.json(data, 201);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'teams.js'),
      [
        "import { created } from './response.js';",
        'export const teams = { async create(c) { if (!c.req) return c.json({}, 400); return created(c, {}); } };',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'index.js'));
    expect(routes.map((r) => [r.method, r.path, r.openapiPath, r.statuses, r.computedStatuses])).toEqual([
      ['GET', '/v1/users', '/v1/users', [200], undefined],
      ['GET', '/v1/users/:user_id/', '/v1/users/{user_id}/', [200], undefined], // only /v1/users/1/ is served
      ['DELETE', '/v1/users/:user_id', '/v1/users/{user_id}', [204, 500], ['error.statusCode']], // sendError(c, err)
      ['POST', '/v1/teams', '/v1/teams', [201, 400], undefined], // created(c, {})
    ]);
  });

  it("reads the status each call hands a response helper (an argument, a status name, the parameter's default), and a computed one as the caller writes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono, type Context } from 'hono';",
        "import { StatusCodes } from 'http-status-codes';",
        'const ok = (c: Context, body: unknown, status: 200 | 201 | 202 = 200) => c.json(body, status);',
        'const app = new Hono();',
        "app.post('/users', (c) => ok(c, {}, StatusCodes.CREATED));",
        "app.get('/users', (c) => ok(c, []));",
        "app.put('/users/:id', (c) => ok(c, {}, c.get('status')));",
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['POST', '/users', [201], undefined],
      ['GET', '/users', [200], undefined], // the parameter's default
      ['PUT', '/users/:id', [], ["c.get('status')"]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts under a prefix a function is handed (an argument, a destructured default, handed on), under each prefix its calls give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'users.ts'),
      ["import { Hono } from 'hono';", 'export const users = new Hono();', "users.get('/', (c) => c.json([]));"].join(
        '\n',
      ),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import type { Hono } from 'hono';",
        "import { users } from './users';",
        'export function loadRoutes(app: Hono, prefix: string) {',
        '  app.route(`${prefix}/users`, users);',
        '}',
        "export function loadAdmin(app: Hono, { prefix = '/admin' }: { prefix?: string } = {}) {",
        '  app.route(prefix, users);',
        '}',
        'export function setup(app: Hono, base: string) {',
        "  loadRoutes(app, base + '/v3');",
        '}',
        'export function loadUnknown(app: Hono, prefix: string) {',
        '  app.route(`${prefix}/unknown`, users);',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { loadAdmin, loadRoutes, loadUnknown, setup } from './routes';",
        'const app = new Hono();',
        "loadRoutes(app, '/api/v1');",
        "loadRoutes(app, '/api/v2');",
        'loadAdmin(app, {});',
        "setup(app, '/api');",
        'loadUnknown(app, process.env.PREFIX);',
        'export default app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => route.path)).toEqual([
      '/api/v1/users',
      '/api/v2/users',
      '/admin', // loadAdmin(app, {}): { prefix = '/admin' }
      '/api/v3/users', // setup(app, '/api') hands base + '/v3' on
    ]);
    // A value only known at run time (process.env.PREFIX) is still a computed mount, where it is used.
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', { file: join(dir, 'routes.ts'), line: 13 }],
    ]);
  });

  it("reads the status of the project's error classes a handler throws (extends HTTPException with super(404)), across modules", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-errors-'));
    await writeFile(
      join(dir, 'errors.ts'),
      [
        "import { HTTPException } from 'hono/http-exception';",
        'export class NotFound extends HTTPException {',
        '  constructor(what: string) {',
        '    super(404, { message: `${what} not found` });',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { NotFound } from './errors';",
        'const app = new Hono();',
        "app.get('/rooms/:id', (c) => {",
        "  if (!c.req.param('id')) throw new NotFound('room');",
        '  return c.json({});',
        '});',
        'export default app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/rooms/:id', [200, 404]],
    ]);
  });
  it('reads an app a factory of the project makes, mounted twice with different values, each with the values its call gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { versioned } from './versioned';",
        'const app = new Hono();',
        "app.route('/v1', versioned('one'));",
        "app.route('/v2', versioned('two'));",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'versioned.ts'),
      [
        "import { Hono } from 'hono';",
        'export function versioned(name: string) {',
        '  const sub = new Hono();',
        '  sub.get(`/${name}`, (c) => c.json([]));',
        '  return sub;',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/v1/one'],
      ['GET', '/v2/two'],
    ]);
    expect(warnings).toEqual([]);
  });
  it('reads an app a method of a const object of the project makes (apps.create(…)), with the values its call gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import { apps } from './apps';",
        'const app = new Hono();',
        "app.route('/v1', apps.create('items'));",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'apps.ts'),
      [
        "import { Hono } from 'hono';",
        'export const apps = {',
        '  create(name: string) {',
        '    const sub = new Hono();',
        '    sub.get(`/${name}`, (c) => c.json([], 200));',
        '    return sub;',
        '  },',
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['GET', '/v1/items', [200]]]);
    expect(warnings).toEqual([]);
  });

  it('reads an entry given as a path relative to the working directory once, as ut-code/events-manager exports its app (each route was listed twice)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-'));
    await mkdir(join(dir, 'routes'));
    await writeFile(
      join(dir, 'routes', 'events.ts'),
      [
        "import { Hono } from 'hono';",
        "const route = new Hono().get('/', (c) => c.json([])).post('/', (c) => c.json({}, 201));",
        'export default route;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Hono } from 'hono';",
        "import events from './routes/events.ts';",
        "const app = new Hono().basePath('/api').route('/events', events);",
        "app.get('/health', (c) => c.text('ok'));",
        'export default app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(relative(process.cwd(), join(dir, 'index.ts')));
    expect(routes.map((route) => [route.method, route.path, route.file])).toEqual([
      ['GET', '/api/events', join(dir, 'routes', 'events.ts')],
      ['POST', '/api/events', join(dir, 'routes', 'events.ts')],
      ['GET', '/api/health', join(dir, 'index.ts')],
    ]);
  });
});
