/**
 * The Fastify reader on real code: the fixture app (plugins inline, local, imported, loaded with
 * `import()` and `require()`, wrapped in fastify-plugin, nested under composed prefixes; route
 * options with schemas and hooks; autoload), and the other shapes an entry takes.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer } from '@docgen/core';
import { docgenFailure } from '@docgen/test-support';
import source, { readRoutes, renderRoutes, serviceName } from '@docgen/source-routes';

const app = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fastify-app');
const src = join(app, 'src');
const at = (file: string, line: number) => `${file}:${line}`;

describe('readRoutes on a Fastify app', () => {
  it('reads the app, every plugin it registers and their prefixes, in the order they are written', async () => {
    const { framework, routes } = await readRoutes(join(src, 'server.ts'));
    expect(framework).toBe('Fastify');
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        at(route.file.slice(src.length + 1), route.line),
      ]),
    ).toEqual([
      ['POST', '/session', [], [201], at('plugins/auth.ts', 10)], // fp(…): the prefix is ignored
      ['GET', '/health', [], [204], at('server.ts', 16)],
      ['GET', '/api/v1/items', [], [200, 400], at('routes/items.ts', 5)], // its querystring schema: Fastify's 400
      ['GET', '/api/v1/items/:id', [], [200, 404], at('routes/items.ts', 8)],
      ['POST', '/api/v1/items', ['fastify.authenticate'], [201, 400, 401], at('routes/items.ts', 13)], // its hook's reply.code(401)
      ['DELETE', '/api/v1/items/:id', ['fastify.authenticate'], [204, 401], at('routes/items.ts', 18)], // handler by name
      ['GET', '/api/v1/items/:id/stock', [], [200], at('routes/items.ts', 25)],
      ['PUT', '/api/v1/items/:id/stock/:warehouse', [], [204], at('routes/items.ts', 26)],
      ['POST', '/api/v1/orders', ['fastify.authenticate'], [201, 401], at('routes/orders.ts', 8)], // addHook
      ['GET', '/api/v1/orders/:orderId', ['fastify.authenticate'], [200, 401], at('routes/orders.ts', 17)],
      ['GET', '/api/v1/version', [], [200], at('server.ts', 24)], // route({ method: [GET, HEAD] })
      ['HEAD', '/api/v1/version', [], [200], at('server.ts', 24)],
      ['GET', '/admin/users', [], [200], at('routes/admin/users.js', 4)], // CommonJS, require('./users')
      ['DELETE', '/admin/users/:userId', [], [204], at('routes/admin/users.js', 5)],
      ['GET', '/admin/stats', [], [200], at('routes/admin/index.js', 7)],
      // @fastify/autoload over modules/, under its options.prefix: a file at the top, a folder's index
      // (its other module is not loaded), a file's autoPrefix instead of its folder (autohooks.ts is no plugin).
      ['GET', '/api/v1/catalog', [], [200], at('modules/catalog.ts', 5)],
      ['GET', '/api/v1/reviews/:reviewId', [], [200], at('modules/reviews/index.ts', 6)],
      ['POST', '/api/v1/reviews', [], [201], at('modules/reviews/index.ts', 10)],
      ['GET', '/api/v1/rates', [], [200], at('modules/shipping/rates.ts', 4)],
      ['GET', '/api/v1/rates/:zone', [], [200], at('modules/shipping/rates.ts', 5)],
    ]);
    expect(routes.map((route) => route.summary)).toEqual([
      'Exchange credentials for a session token.',
      'Liveness probe for the load balancer.',
      'List the items in stock', // schema.summary, from another module
      'One item by id.',
      'Create an item. Needs a staff token.', // schema.description
      undefined,
      'Stock level of one item, per warehouse.',
      undefined,
      undefined,
      undefined,
      'Build and version of the API',
      'Build and version of the API',
      undefined,
      undefined,
      'Counts for the dashboard.',
      'The catalog, as the storefront shows it.',
      'One review of an item.',
      undefined,
      undefined,
      undefined,
    ]);
    expect(routes[7]!.openapiPath).toBe('/api/v1/items/{id}/stock/{warehouse}');
    expect(serviceName(join(src, 'server.ts'))).toBe('inventory');
  });

  it('warns of what it cannot follow: a computed path, a prefix fastify-plugin ignores', async () => {
    const { warnings } = await readRoutes(join(src, 'server.ts'));
    expect(warnings.map((warning) => [warning.code, warning.location, warning.severity])).toEqual([
      ['DG_ROUTES_PREFIX_IGNORED', { file: join(src, 'server.ts'), line: 13 }, 'warning'],
      ['DG_ROUTES_COMPUTED_PATH', { file: join(src, 'routes', 'orders.ts'), line: 19 }, 'warning'],
    ]);
  });

  it("counts what a route's hooks answer instead of passing the request on (addHook in its plugin, a decoration such as fastify.authenticate, the route's onRequest / preHandler, one a factory of the project makes): reply.code(401), reply.status(403), fastify.httpErrors.forbidden()", async () => {
    const hooks = join(dirname(app), 'fastify-hooks', 'src');
    const { routes, warnings } = await readRoutes(join(hooks, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware.length, route.statuses])).toEqual([
      ['GET', '/orders', 0, [200]],
      // onRequest: [fastify.authenticate] (the fp plugin's decoration: reply.code(401)), an inline preHandler's
      // throw fastify.httpErrors.forbidden(…)
      ['POST', '/orders', 2, [201, 401, 403]],
      // hooks made by factories of the project: requireTenant()'s named inner checkTenant (400), requireScope(…)'s
      // returned function expression (403)
      ['GET', '/orders/:id/invoice', 3, [200, 400, 401, 403]],
      ['DELETE', '/orders/:id', 2, [204, 401, 428]], // route({ preHandler: (request, reply, done) => … reply.code(428) })
      // addHook('onRequest', fastify.authenticate) and addHook('preHandler', adminsOnly): reply.status(403)
      ['GET', '/admin/stats', 2, [200, 401, 403]],
      ['DELETE', '/admin/cache', 2, [204, 401, 403]],
      ['GET', '/health', 0, [200]], // the plugins' hooks guard their own routes only
    ]);
    expect(warnings).toEqual([]);
  });

  it('renders the page naming Fastify', async () => {
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const { framework, routes } = await readRoutes(join(src, 'server.ts'));
    const [page] = renderRoutes({ service: 'inventory', entry: join(src, 'server.ts'), framework, routes }, templates, {
      cwd: app,
    }).pages;
    expect(page!.markdown).toContain('20 routes, in the order Fastify registers them.');
    expect(page!.markdown).toContain(
      '| POST | `/api/v1/items` | `fastify.authenticate` | 201, 400, 401 | `src/routes/items.ts:13` | Create an item. Needs a staff token. |',
    );
  });
});

describe('readRoutes: the other shapes of a Fastify entry', () => {
  async function project(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }

  it("CommonJS: require('fastify')(), register(require('./x')) and a prefix held in a const", async () => {
    const dir = await project({
      'server.js': [
        "const fastify = require('fastify')({ logger: true });",
        "const prefix = '/v2';",
        "fastify.register(require('./users'), { prefix });",
        "fastify.register(require('./users').admin, { prefix: '/admin' });",
        'fastify.listen({ port: 3000 });',
      ].join('\n'),
      'users.js': [
        'module.exports = async function (app) {',
        "  app.get('/users', async () => []);",
        '};',
        'module.exports.admin = async (app) => {',
        "  app.post('/users/:id/ban', async (req, reply) => reply.code(202).send());",
        '};',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['GET', '/v2/users', [200], 2],
      ['POST', '/admin/users/:id/ban', [202], 5],
    ]);
    expect(warnings).toEqual([]);
  });

  it("fastify-cli's app.ts: a default-exported plugin whose autoload folders are read; a computed folder is warned", async () => {
    const dir = await project({
      'app.ts': [
        "import { join } from 'node:path';",
        "import AutoLoad from '@fastify/autoload';",
        "import type { FastifyPluginAsync } from 'fastify';",
        'const app: FastifyPluginAsync = async (fastify, opts) => {',
        "  void fastify.register(AutoLoad, { dir: join(__dirname, 'plugins'), options: opts });",
        '  fastify',
        '    .register(AutoLoad, { dir: process.env.HOOKS_DIR })',
        "    .register(AutoLoad, { dir: join(__dirname, 'routes'), options: opts });",
        '};',
        'export default app;',
      ].join('\n'),
      // fastify-cli's template: a plugin for decorators (no routes), a root route and a folder's index.
      'plugins/sensible.ts': [
        "import fp from 'fastify-plugin';",
        "export default fp(async (fastify) => { fastify.decorate('someSupport', () => 'hugs'); });",
      ].join('\n'),
      'routes/root.ts': [
        "import type { FastifyPluginAsync } from 'fastify';",
        'const root: FastifyPluginAsync = async (fastify, opts): Promise<void> => {',
        "  fastify.get('/', async () => ({ root: true }));",
        '};',
        'export default root;',
      ].join('\n'),
      'routes/example/index.ts': [
        "import type { FastifyPluginAsync } from 'fastify';",
        'const example: FastifyPluginAsync = async (fastify): Promise<void> => {',
        "  fastify.get('/', async () => 'this is an example');",
        '};',
        'export default example;',
      ].join('\n'),
    });
    const { framework, routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(framework).toBe('Fastify');
    expect(routes.map((route) => [route.method, route.path, route.file.slice(dir.length + 1), route.line])).toEqual([
      ['GET', '/', 'routes/root.ts', 3],
      ['GET', '/example', 'routes/example/index.ts', 3],
    ]);
    // In a chain, at the line of its own .register.
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_AUTOLOAD',
        7,
        'register(AutoLoad) loads plugins from a folder computed at run time (process.env.HOOKS_DIR): the routes it loads are not read',
      ],
    ]);
  });

  it("autoload's options: folder names or not, _param folders, filters, index pattern, prefixOverride, autoload = false", async () => {
    const plugin = (path: string, extra = '') =>
      `export default async function (app: any) { app.get('${path}', async () => 1); }\n${extra}`;
    const dir = await project({
      'server.ts': [
        "import Fastify from 'fastify';",
        "import autoload from '@fastify/autoload';",
        "import { dirname, join } from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        'const __dirname = dirname(fileURLToPath(import.meta.url));',
        'const app = Fastify();',
        'app.register(autoload, {',
        "  dir: join(__dirname, 'api'),",
        "  options: { prefix: '/api/' },",
        '  routeParams: true,',
        '  ignorePattern: /.*\\.(?:test|spec)\\.ts$/,',
        "  ignoreFilter: '/legacy/',",
        '});',
        "app.register(autoload, { dir: fileURLToPath(new URL('./flat', import.meta.url)), dirNameRoutePrefix: false });",
        "app.register(autoload, { dir: join(__dirname, 'pages'), indexPattern: /^main\\.ts$/, maxDepth: 1 });",
        "app.register(autoload, { dir: join(__dirname, 'shared'), encapsulate: false, matchFilter: (path: string) => true });",
      ].join('\n'),
      'api/users/_id/orders.ts': plugin('/orders'),
      'api/users/list.ts': plugin('/'),
      'api/users/list.test.ts': plugin('/tested'),
      'api/legacy/old.ts': plugin('/old'),
      'api/health.ts': plugin('/health', "export const prefixOverride = '';"),
      'api/off.ts': plugin('/off', 'export const autoload = false;'),
      'api/__country-__lang/home.ts': plugin('/home'),
      'flat/admin/stats.ts': plugin('/stats'),
      'pages/main.ts': plugin('/main'),
      'pages/other.ts': plugin('/other'),
      'pages/deep/deeper/page.ts': plugin('/deep'),
      'pages/deep/page.ts': plugin('/one-deep'),
      'shared/routes/share.ts': plugin('/share'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.path, route.file.slice(dir.length + 1)])).toEqual([
      ['/health', 'api/health.ts'], // prefixOverride: ''
      ['/api/:country-:lang/home', 'api/__country-__lang/home.ts'],
      ['/api/users', 'api/users/list.ts'],
      ['/api/users/:id/orders', 'api/users/_id/orders.ts'],
      ['/stats', 'flat/admin/stats.ts'], // dirNameRoutePrefix: false
      ['/main', 'pages/main.ts'], // the index pattern: other.ts is not loaded
      ['/deep/one-deep', 'pages/deep/page.ts'], // maxDepth: 1
      ['/share', 'shared/routes/share.ts'], // encapsulate: false: the prefix is ignored (warned)
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_AUTOLOAD', 16], // matchFilter is a function
      ['DG_ROUTES_PREFIX_IGNORED', 16],
    ]);
  });

  it("reads files autoload loads that export one route's options as that route, warns of a list of them, and applies autohooks (autoHooks, cascadeHooks, overwriteHooks) to their folders", async () => {
    const plugin = (path: string) =>
      `export default async function (fastify: any) { fastify.get('${path}', async () => ({})); }`;
    const dir = await project({
      'server.ts': [
        "import Fastify from 'fastify';",
        "import autoload from '@fastify/autoload';",
        "import { join } from 'node:path';",
        'const app = Fastify();',
        "app.register(autoload, { dir: join(__dirname, 'routes'), autoHooks: true, cascadeHooks: true });",
        "app.register(autoload, { dir: join(__dirname, 'plain') }); // no autoHooks: its autohooks file is neither hooks nor a plugin",
        "app.register(autoload, { dir: join(__dirname, 'own'), autoHooks: true, cascadeHooks: true, overwriteHooks: true });",
      ].join('\n'),
      'routes/users/get.ts': [
        "import type { RouteOptions } from 'fastify';",
        '/** One user by id. */',
        'export default {',
        "  method: 'GET',",
        "  url: '/:id',",
        '  handler: async (request: any, reply: any) => {',
        '    const user = await find(request.params.id);',
        "    if (!user) return reply.code(404).send({ message: 'not found' });",
        '    return user;',
        '  },',
        '} satisfies RouteOptions;',
      ].join('\n'),
      'routes/users/create.js': [
        'const options = {',
        "  method: ['POST', 'PUT'],",
        "  url: '/',",
        "  schema: { summary: 'Create or replace a user' },",
        '  preHandler: [requireBody],',
        '  async handler(request, reply) { reply.code(201); return {}; },',
        '};',
        'module.exports = options;',
      ].join('\n'),
      'routes/users/list.ts': "export default [\n  { method: 'GET', url: '/', handler: async () => [] },\n];",
      'routes/users/by-email.ts':
        "export const autoPrefix = '/lookup';\nexport default { method: 'GET', url: '/email', handler: async () => ({}) };",
      'routes/admin/autohooks.ts': [
        'export default async function (fastify: any) {',
        "  fastify.addHook('onRequest', fastify.authenticate);",
        "  fastify.addHook('onSend', async () => {}); // not a step before the route",
        '}',
      ].join('\n'),
      'routes/admin/stats.ts': plugin('/stats'),
      'routes/admin/reports/_autohooks.js':
        "module.exports = async function (app) { app.addHook('preHandler', requireAdmin); };",
      'routes/admin/reports/index.ts': plugin('/'),
      'routes/public/ping.ts': plugin('/ping'),
      'plain/autohooks.ts':
        "export default async function (fastify: any) { fastify.addHook('onRequest', audit); fastify.get('/hooked', async () => 1); }",
      'plain/health.ts': plugin('/health'),
      'own/autohooks.ts': "export default async function (fastify: any) { fastify.addHook('onRequest', outer); }",
      'own/top.ts': plugin('/top'),
      'own/inner/.autohooks.js': "module.exports = async function (fastify) { fastify.addHook('onRequest', inner); };",
      'own/inner/deep.ts': plugin('/deep'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        route.summary,
        at(route.file.slice(dir.length + 1), route.line),
      ]),
    ).toEqual([
      ['GET', '/admin/stats', ['fastify.authenticate'], [200], undefined, at('routes/admin/stats.ts', 1)],
      // the folder's hooks cascade, its own follow
      [
        'GET',
        '/admin/reports',
        ['fastify.authenticate', 'requireAdmin'],
        [200],
        undefined,
        at('routes/admin/reports/index.ts', 1),
      ],
      ['GET', '/public/ping', [], [200], undefined, at('routes/public/ping.ts', 1)],
      ['GET', '/lookup/email', [], [200], undefined, at('routes/users/by-email.ts', 2)], // its autoPrefix
      ['POST', '/users', ['requireBody'], [201], 'Create or replace a user', at('routes/users/create.js', 1)],
      ['PUT', '/users', ['requireBody'], [201], 'Create or replace a user', at('routes/users/create.js', 1)],
      ['GET', '/users/:id', [], [200, 404], 'One user by id.', at('routes/users/get.ts', 3)],
      ['GET', '/health', [], [200], undefined, at('plain/health.ts', 1)],
      ['GET', '/top', ['outer'], [200], undefined, at('own/top.ts', 1)],
      ['GET', '/inner/deep', ['inner'], [200], undefined, at('own/inner/deep.ts', 1)], // overwriteHooks
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'routes/users/list.ts'), line: 1 },
        `${join(dir, 'routes/users/list.ts')} exports a list of route options, which autoload does not load (it loads a plugin, or one route's options): its routes are not served`,
      ],
    ]);
  });

  it('warns at a plugin or helper loaded from a computed path (a loop over a folder), and reads the rest', async () => {
    const dir = await project({
      'server.js': [
        "const fastify = require('fastify')();",
        "const fs = require('fs');",
        "const path = require('path');",
        "fastify.get('/ping', async () => 'pong');",
        "for (const file of fs.readdirSync(path.join(__dirname, 'routes'))) {",
        "  fastify.register(require(path.join(__dirname, 'routes', file)), { prefix: '/api' });",
        '}',
        "fs.readdirSync('./helpers').forEach((f) => require('./helpers/' + f)(fastify));",
        "fastify.register(require('./routes/users'), { prefix: '/api' });",
        'fastify.listen({ port: 3000 });',
      ].join('\n'),
      'routes/users.js': "module.exports = async function (app) { app.get('/users', async () => []); };",
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/ping'],
      ['GET', '/api/users'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        8,
        "require('./helpers/' + f)(fastify) hands fastify to a module required from a path computed at run time ('./helpers/' + f): the routes those modules register are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        6,
        "register(require(path.join(__dirname, 'routes', …) loads a plugin from a path computed at run time (path.join(__dirname, 'routes', file)): the routes it registers are not read",
      ],
    ]);
  });

  it('warns at a plugin chosen at run time (cond ? a : b, a ?? b) and reads each plugin registered in its own call', async () => {
    const dir = await project({
      'server.js': [
        "const fastify = require('fastify')();",
        "const routes = require('./routes/users');",
        "const mockRoutes = require('./routes/mock-users');",
        "fastify.register(process.env.MOCKS ? mockRoutes : routes, { prefix: '/api' });",
        "fastify.register(globalThis.extraRoutes ?? routes, { prefix: '/v2' });",
        "if (process.env.MOCKS) fastify.register(mockRoutes, { prefix: '/v3' });",
        "else fastify.register(routes, { prefix: '/v3' });",
        'fastify.listen({ port: 3000 });',
      ].join('\n'),
      'routes/users.js': "module.exports = async function (app) { app.get('/users', async () => []); };",
      'routes/mock-users.js': "module.exports = async function (app) { app.get('/mock-users', async () => []); };",
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/v3/mock-users'],
      ['GET', '/v3/users'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        4,
        'register(process.env.MOCKS ? mockRoutes : routes) registers a plugin chosen at run time (process.env.MOCKS): the routes it registers are not read',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        5,
        'register(globalThis.extraRoutes ?? routes) registers a plugin chosen at run time (globalThis.extraRoutes ?? routes): the routes it registers are not read',
      ],
    ]);
    expect(warnings[0]!.hint).toContain('register each plugin in its own call');
  });

  it("reads autoload loaded with import('@fastify/autoload') or require(), under import.meta.dirname", async () => {
    const dir = await project({
      'app.ts': [
        "import { join } from 'node:path';",
        'export default async function (app: any) {',
        "  app.register(import('@fastify/autoload'), { dir: join(import.meta.dirname, 'routes') });",
        "  app.register(require('@fastify/autoload'), { dir: join(__dirname, 'routes'), options: { prefix: '/v2' } });",
        '}',
      ].join('\n'),
      'routes/hello/index.ts': "export default async function (app: any) { app.get('/', async () => 'hi'); }",
    });
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => route.path)).toEqual(['/hello', '/v2/hello']);
    expect(warnings).toEqual([]);
  });

  it("a named import, a plugin name shadowing the app's, a computed prefix, and an unreadable plugin of the project's", async () => {
    const dir = await project({
      'main.ts': [
        "import { fastify } from 'fastify';",
        "import { routes } from './routes';",
        'const app = fastify();',
        'app.register(async (app) => {',
        "  app.get('/inner', async () => 'inner');",
        "}, { prefix: '/x' });",
        'app.register(routes, { prefix: process.env.PREFIX });',
        "app.register(import('./routes'));",
        "app.get('/outer', async () => 'outer');",
      ].join('\n'),
      'routes.ts': "export const routes = async (f: any) => { f.get('/r', async () => 1); };\nexport default 42;\n",
    });
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/x/inner', 5],
      ['GET', '/outer', 9],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 7],
      ['DG_ROUTES_PLUGIN_UNREAD', 8],
    ]);
  });

  it('a server.ts that starts the app a function of another module builds', async () => {
    const dir = await project({
      'server.ts': [
        "import { buildApp } from './app';",
        'async function main() {',
        '  const server = await buildApp({ logger: true });',
        '  await server.listen({ port: 3000 });',
        '}',
        'void main();',
      ].join('\n'),
      'app.ts': [
        "import Fastify, { type FastifyServerOptions } from 'fastify';",
        'export async function buildApp(options: FastifyServerOptions) {',
        '  const app = Fastify(options);',
        "  app.get('/ping', async () => 'pong');",
        '  return app;',
        '}',
      ].join('\n'),
    });
    const { framework, routes } = await readRoutes(join(dir, 'server.ts'));
    expect(framework).toBe('Fastify');
    expect(routes.map((route) => [route.method, route.path, route.file, route.line])).toEqual([
      ['GET', '/ping', join(dir, 'app.ts'), 4],
    ]);
  });

  it('names hooks and guarding plugins added under an if or its else with the condition (when …, unless …)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import fp from 'fastify-plugin';",
        "import rateLimit from '@fastify/rate-limit';",
        'const app = Fastify();',
        "if (process.env.NODE_ENV === 'development') app.addHook('onRequest', logRequest);",
        'if (process.env.RATE_LIMIT) {',
        '  app.register(rateLimit, { max: 100 });',
        '} else {',
        "  app.addHook('preHandler', countRequest);",
        '}',
        "process.env.AUTH && app.register(fp(async (instance) => { instance.addHook('onRequest', authenticate); }));",
        "app.addHook('onRequest', requestId);",
        "app.get('/users', async () => []);",
        'async function logRequest() {}',
        'async function countRequest() {}',
        'async function requestId() {}',
        'async function authenticate(request, reply) {',
        '  if (!request.headers.authorization) return reply.code(401).send();',
        '}',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      [
        'GET',
        '/users',
        [
          "logRequest (when process.env.NODE_ENV === 'development')",
          'rateLimit (when process.env.RATE_LIMIT)',
          'countRequest (unless process.env.RATE_LIMIT)',
          'requestId',
          'authenticate (when process.env.AUTH)',
        ],
        [200, 401, 429],
      ],
    ]);
  });

  it('names an fp(…) plugin registered twice, once under an if, by each registration that reaches the route', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import fp from 'fastify-plugin';",
        'const app = Fastify();',
        "const auth = fp(async (instance) => { instance.addHook('onRequest', authenticate); });",
        "const audit = fp(async (instance) => { instance.addHook('preHandler', recordAudit); });",
        // In one scope, the plugin registered without the condition runs for its routes whatever it is.
        'app.register(auth);',
        'if (process.env.AUTH_TWICE) app.register(auth);',
        // Under the if in the app, and unconditionally in one of its plugins: each scope its own.
        'if (process.env.AUDIT) app.register(audit);',
        'app.register(async (admin) => {',
        '  admin.register(audit);',
        "  admin.get('/admin/stats', async () => ({}));",
        '});',
        "app.register(async (api) => { api.get('/users', async () => []); });",
        "app.get('/health', async () => 'ok');",
        'async function authenticate() {}',
        'async function recordAudit() {}',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    // Before: authenticate named "(when process.env.AUTH_TWICE)", the registration read last; the
    // admin plugin's unconditional audit made that of /users, read after it, unconditional too.
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/admin/stats', ['authenticate', 'recordAudit']],
      ['GET', '/users', ['authenticate', 'recordAudit (when process.env.AUDIT)']],
      ['GET', '/health', ['authenticate', 'recordAudit (when process.env.AUDIT)']],
    ]);
  });

  it('names an fp(…) plugin registered twice, each under its own if, by every condition that brings it in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import fp from 'fastify-plugin';",
        'const app = Fastify();',
        "const auth = fp(async (instance) => { instance.addHook('onRequest', authenticate); });",
        'if (process.env.A) app.register(auth);',
        'if (process.env.B) app.register(auth);',
        "app.get('/users', async () => []);",
        'async function authenticate() {}',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/users', ['authenticate (when process.env.A or when process.env.B)']],
    ]);
  });

  it("helpers handed the instance (registerRoutes(app), require(…)(app)) read in place; an fp(…) plugin's hooks apply to its parent", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import fp from 'fastify-plugin';",
        "import { routes } from './routes';",
        "import { setup } from './setup';",
        'const app = Fastify();',
        "app.get('/health', async () => 'ok');",
        'routes(app);',
        "app.register(async (api) => { api.get('/me', async () => ({})); require('./admin')(api); }, { prefix: '/v1' });",
        "app.register(fp(async (instance) => { instance.addHook('onRequest', authenticate); }));",
        'setup(app);',
        'registerLocal(app);',
        'function registerLocal(server: typeof app) {',
        "  server.delete('/cache', async (_request, reply) => reply.code(204).send());",
        '}',
        'async function authenticate() {}',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import type { FastifyInstance } from 'fastify';",
        'export function routes(app: FastifyInstance) {',
        "  app.get('/users', async () => []);",
        "  app.post('/users', async (_request, reply) => reply.status(201).send({}));",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'admin.js'),
      "module.exports = function (fastify) {\n  fastify.get('/stats', async () => ({}));\n};\n",
    );
    await writeFile(join(dir, 'setup.ts'), 'export const setup = makeSetup();\n');
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/health', ['authenticate'], [200], 6],
      ['GET', '/users', ['authenticate'], [200], 3],
      ['POST', '/users', ['authenticate'], [201], 4],
      ['GET', '/v1/me', ['authenticate'], [200], 8],
      ['GET', '/v1/stats', ['authenticate'], [200], 2],
      ['DELETE', '/cache', ['authenticate'], [204], 13],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', { file: join(dir, 'server.ts'), line: 10 }],
    ]);
  });

  it('the instance handed to a method: read when it is a class method (or an object literal method) of the project, else warned', async () => {
    const dir = await project({
      'server.ts': [
        "import Fastify from 'fastify';",
        "import * as Sentry from '@sentry/node';",
        "import { Routes } from './routes';",
        "import { registry } from './registry';",
        "import { makeSetup } from './setup';",
        "import { Kept } from './kept';",
        "import * as more from './more';",
        'const app = Fastify();',
        'new Routes().register(app);',
        'registry.mount(app);',
        'Routes.health(app);',
        'new Kept().init(app);',
        'const setup = makeSetup();',
        'setup.install(app);',
        "const local = { mount(server: typeof app) { server.get('/local', async () => 'ok'); } };",
        'local.mount(app);',
        'Sentry.setupFastifyErrorHandler(app);',
        'console.log(app);',
        'more.mount(app);',
        'app.listen({ port: 3000 });',
      ].join('\n'),
      'routes.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export class Base {',
        '  users(app: FastifyInstance) {',
        "    app.get('/users', async () => []);",
        '  }',
        '}',
        'export class Routes extends Base {',
        '  register(app: FastifyInstance) {',
        "    app.post('/orders', async (_request, reply) => reply.code(201).send());",
        '    this.users(app);',
        '  }',
        '  static health(app: FastifyInstance) {',
        "    app.get('/health', async () => 'ok');",
        '  }',
        '}',
      ].join('\n'),
      'registry.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'class Registry {',
        '  mount = (fastify: FastifyInstance) => {',
        "    fastify.delete('/cache', async (_request, reply) => reply.code(204).send());",
        '  };',
        '}',
        'export const registry = new Registry();',
      ].join('\n'),
      'kept.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export class Kept {',
        '  private app!: FastifyInstance;',
        '  init(app: FastifyInstance) {',
        '    this.app = app;',
        '    this.routes();',
        '  }',
        '  routes() {',
        "    this.app.get('/kept', async () => 'ok');",
        '  }',
        '}',
      ].join('\n'),
      'more.ts': "export function mount(app: any) {\n  app.put('/more', async () => 'ok');\n}\n",
      'setup.ts': 'export function makeSetup() {\n  return { install(app: unknown) {} };\n}\n',
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(
      routes.map((route) => [route.method, route.path, route.statuses, `${basename(route.file)}:${route.line}`]),
    ).toEqual([
      ['POST', '/orders', [201], 'routes.ts:9'],
      ['GET', '/users', [200], 'routes.ts:4'], // inherited, through this.users(app)
      ['DELETE', '/cache', [204], 'registry.ts:4'],
      ['GET', '/health', [200], 'routes.ts:13'], // a static method
      ['GET', '/local', [200], 'server.ts:15'],
      ['PUT', '/more', [200], 'more.ts:2'], // a namespace import's function
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', { file: join(dir, 'kept.ts'), line: 5 }], // this.app = app
      ['DG_ROUTES_PLUGIN_UNREAD', { file: join(dir, 'server.ts'), line: 14 }], // setup.install(app)
    ]);
  });

  it('an entry with neither an app nor a plugin', async () => {
    const dir = await project({
      'types.ts': "import type { FastifyInstance } from 'fastify';\nexport type App = FastifyInstance;\n",
    });
    const failure = await docgenFailure(readRoutes(join(dir, 'types.ts')));
    expect(failure).toMatchObject({ code: 'DG_ROUTES_NO_APP', location: { file: join(dir, 'types.ts') } });
  });

  it('reads paths held in a const of the module and templates or sums over them; an unknown one stays a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "const API = '/api';",
        'const app = Fastify();',
        'app.get(`${API}/items`, async (request, reply) => reply.code(200).send([]));',
        "app.route({ method: 'POST', url: API + '/items', handler: async () => ({}) });",
        'app.delete(API, async () => ({}));',
        'app.get(`${process.env.BASE}/x`, async () => ({}));',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/api/items', 4],
      ['POST', '/api/items', 5],
      ['DELETE', '/api', 6],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ROUTES_COMPUTED_PATH', 7]]);
  });

  it('warns of a plugin of the project whose file is not found, instead of taking it for a package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import cors from '@fastify/cors';",
        "import { usersRoutes } from './modules/users.routes';",
        'const app = Fastify();',
        'app.register(cors);',
        "app.register(usersRoutes, { prefix: '/users' });",
        "app.register(import('./routes/gone.js'));",
        "app.get('/health', async () => ({ ok: true }));",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/health']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        6,
        "register(usersRoutes): no file of the project is found for './modules/users.routes', its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        7,
        "register(import('./routes/gone.js')): no file of the project is found for './routes/gone.js', its routes are not read",
      ],
    ]);
  });

  it('warns of a plugin imported by a path alias docgen cannot resolve (@/modules/…, no tsconfig found), instead of taking it for a package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import { usersRoutes } from '@/modules/users.routes';",
        'const app = Fastify();',
        "app.register(usersRoutes, { prefix: '/users' });",
        "app.get('/health', async () => ({ ok: true }));",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/health']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message, warning.hint])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        4,
        "register(usersRoutes): no file of the project is found for '@/modules/users.routes', its routes are not read",
        `'@/modules/users.routes' looks like a path alias, and no tsconfig.json was found from ${dir} up: add one whose compilerOptions.paths maps it ("@/*": ["./src/*"])`,
      ],
    ]);
  });

  it('reads route paths and plugin prefixes held in a const imported from another module', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'config.ts'),
      ["const ROOT = '/api';", 'export const API_PREFIX = ROOT + "/v1";', "export const USERS = '/users';"].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import { API_PREFIX, USERS } from './config';",
        'const app = Fastify();',
        'app.get(`${API_PREFIX}/health`, async () => ({}));',
        'app.register(async (api) => {',
        '  api.get(USERS, async () => []);',
        '}, { prefix: API_PREFIX });',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/api/v1/health', 4],
      ['GET', '/api/v1/users', 6],
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts the response codes a route's schema declares beside what its handler sends (inline, held in a const, imported, route()), and Fastify's 400 where the schema validates the request", async () => {
    const entry = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fastify-schemas', 'src', 'server.ts');
    const { routes, warnings } = await readRoutes(entry);
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/notes/:id', [200, 404, 503]], // 404 and 503 only in the imported response schema, spread
      ['POST', '/notes', [201, 400]], // '4xx' and default name no one status; a body schema validates: 400 too
      ['DELETE', '/notes/:id', [204, 409]], // [StatusCodes.NO_CONTENT] as a key
      ['GET', '/notes', [200, 400]], // a querystring schema refuses a bad query with 400
      ['PUT', '/notes/:id', [204, 422]], // attachValidation: the handler answers the failed validation
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads routes registered through withTypeProvider<…>() (chained, or kept in a const) and another name for the instance, and redirects as 302', async () => {
    // The pattern of rocketseat-education/nlw-journey-nodejs (src/routes/*.ts), one route per plugin.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'confirm-trip.ts'),
      [
        "import type { FastifyInstance } from 'fastify';",
        "import type { ZodTypeProvider } from 'fastify-type-provider-zod';",
        'export async function confirmTrip(app: FastifyInstance) {',
        '  app.withTypeProvider<ZodTypeProvider>().get(',
        "    '/trips/:tripId/confirm',",
        '    { schema: { params: tripParams } },',
        '    async (request, reply) => {',
        "      if (!request.params.tripId) return reply.redirect('/404', 301);",
        '      return reply.redirect(`${env.WEB_BASE_URL}/trips`);',
        '    },',
        '  );',
        '  const typed = app.withTypeProvider<ZodTypeProvider>();',
        "  typed.post('/trips', async () => ({}));",
        '}',
        'export async function auth(fastify: FastifyInstance) {',
        '  const app = fastify;',
        "  app.withTypeProvider<ZodTypeProvider>().post('/login', { schema: { summary: 'Sign in' } }, login);",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import fastify from 'fastify';",
        "import { auth, confirmTrip } from './confirm-trip';",
        'const app = fastify();',
        'app.register(confirmTrip);',
        "app.register(auth, { prefix: '/auth' });",
        'app.listen({ port: 3333 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.summary, route.line])).toEqual([
      ['GET', '/trips/:tripId/confirm', [301, 302, 400], undefined, 4], // a params schema: Fastify's 400
      ['POST', '/trips', [200], undefined, 13],
      ['POST', '/auth/login', [], 'Sign in', 17],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads paths and prefixes held in a const loaded with require(), destructured or read as a key, and keys of const objects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'config.js'),
      [
        "const PREFIX = '/v1';",
        'exports.PREFIX = PREFIX;',
        "exports.HEALTH = '/health';",
        'let later = 1;',
        'exports.LATER = later;',
      ].join('\n'),
    );
    await writeFile(join(dir, 'paths.js'), "module.exports = { PATHS: { users: '/users', user: '/users/:id' } };\n");
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "const { PREFIX } = require('./config');",
        "const config = require('./config');",
        "const { PATHS } = require('./paths');",
        "const local = { ping: '/ping' } as const;",
        'const app = Fastify();',
        'app.register(async (api) => {',
        '  api.get(PATHS.users, async () => []);',
        '  api.get(PATHS.user, async () => ({}));',
        '}, { prefix: PREFIX });',
        'app.get(config.HEALTH, async () => ({}));',
        'app.get(local.ping, async () => ({}));',
        'app.get(config.LATER, async () => ({}));',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.line])).toEqual([
      ['GET', '/v1/users', 8],
      ['GET', '/v1/users/:id', 9],
      ['GET', '/health', 11],
      ['GET', '/ping', 12],
    ]);
    // A value exported from a `let` is only known at run time.
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 13],
    ]);
  });

  it('reads an app a class keeps in a member (this.app = Fastify(), or a property), with the calls on this.app in its methods', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import type { FastifyInstance } from 'fastify';",
        'export async function users(app: FastifyInstance) {',
        "  app.get('/', async () => []);",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify, { type FastifyInstance } from 'fastify';",
        "import { users } from './users';",
        'export class App {',
        '  public app: FastifyInstance;',
        '  constructor() {',
        '    this.app = Fastify({ logger: true });',
        '    this.plugins();',
        '    this.routes(this.app);',
        '  }',
        '  private plugins(): void {',
        "    this.app.register(users, { prefix: '/users' });",
        '  }',
        '  private routes(app: FastifyInstance): void {',
        "    app.get('/health', async () => 'ok');",
        '  }',
        '  start() {',
        "    this.app.post('/jobs', async (_request, reply) => reply.code(202).send());",
        '    return this.app.listen({ port: 3000 });',
        '  }',
        '}',
        'class Other {',
        '  app = { get: (path: string, handler: unknown) => handler };',
        "  start() { this.app.get('/not-fastify', () => 1); }",
        '}',
        'export { Other };',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.line])).toEqual([
      ['GET', '/health', [200], 14], // handed to this.routes() in the constructor, written before plugins()'s register
      ['GET', '/users', [200], 3],
      ['POST', '/jobs', [202], 17],
    ]);
    expect(warnings).toEqual([]);
  });

  it("lists a package's plugin registered under a prefix (@fastify/static, @fastify/swagger-ui's routePrefix) as one row served by it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import cors from '@fastify/cors';",
        "import fastifyStatic from '@fastify/static';",
        "import swaggerUi from '@fastify/swagger-ui';",
        "import Agendash from 'agendash';",
        'const app = Fastify();',
        "const dash = Agendash({}, { middleware: 'fastify' });",
        "app.register(dash, { prefix: '/dash' });",
        'app.register(cors);',
        "app.register(fastifyStatic, { root: '/srv/public', prefix: '/public/' });",
        "app.register(swaggerUi, { routePrefix: '/documentation' });",
        "app.get('/health', async () => 'ok');",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.servedBy, r.line])).toEqual([
      ['ALL', '/dash/*', 'agendash', 8], // a const holding the package's plugin
      ['ALL', '/public/*', '@fastify/static', 10],
      ['ALL', '/documentation/*', '@fastify/swagger-ui', 11],
      ['GET', '/health', undefined, 12],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads an app made by a chain of its setters and registrations (Fastify().addSchema(…).register(…))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import fastifyFactory from 'fastify';",
        "import { usersRoute } from './users';",
        'export const fastify = fastifyFactory({ logger: false })',
        "  .addSchema({ $id: 'user' })",
        "  .decorate('ready', true)",
        "  .register(usersRoute, { prefix: '/users' });",
        'const typed = fastify.setErrorHandler((error, request, reply) => reply.send(error));',
        "typed.get('/health', async (request, reply) => reply.code(204).send());",
        'fastify.listen({ port: 3000 });',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import type { FastifyInstance } from 'fastify';",
        'export async function usersRoute(server: FastifyInstance) {',
        "  server.get('/', async () => []);",
        "  server.get('/:id', async (request, reply) => reply.code(404).send());",
        '}',
      ].join('\n'),
    );
    const { framework, routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(framework).toBe('Fastify');
    expect(routes.map((r) => [r.method, r.path, r.statuses, r.line])).toEqual([
      ['GET', '/users', [200], 3],
      ['GET', '/users/:id', [404], 4],
      ['GET', '/health', [204], 8],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the statuses of a handler passed by name, as the Express reader does: imported, through a wrapper, a controller module, bound, this.controller.x', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import { catchAsync } from './catch-async';",
        "import usersController from './users.controller';",
        "import { Routes } from './routes';",
        'const app = Fastify();',
        "app.get('/users', catchAsync(usersController.list));",
        "app.route({ method: 'POST', url: '/users', handler: usersController.create.bind(usersController) });",
        'new Routes().register(app);',
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    await writeFile(join(dir, 'catch-async.ts'), 'export const catchAsync = (fn) => (req, reply) => fn(req, reply);');
    await writeFile(
      join(dir, 'users.controller.ts'),
      [
        'class UsersController {',
        '  async list(req, reply) { reply.code(206); }',
        '  create = async (req, reply) => reply.status(201).send({});',
        '}',
        'export default new UsersController();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        'class HealthController { async check(req, reply) { reply.code(204); } }',
        'export class Routes {',
        '  private readonly controller = new HealthController();',
        "  register(app) { app.get('/health', this.controller.check); }",
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/users', [206]],
      ['POST', '/users', [201]],
      ['GET', '/health', [204]],
    ]);
  });

  it("follows a plugin a project function makes, with each call's arguments (register(plugin('one'), { prefix }))", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'plugins.ts'),
      [
        'export function plugin(name: string) {',
        '  return async (app) => {',
        '    app.get(`/${name}`, async () => ({ name }));',
        "    app.post('/', async (req, reply) => { reply.code(201).send(); });",
        '  };',
        '}',
        'export const named = (name: string) => plugin(name);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import { named, plugin } from './plugins';",
        'const app = Fastify();',
        "app.register(plugin('one'), { prefix: '/a' });",
        "app.register(plugin('two'), { prefix: '/b' });",
        "app.register(named('three'), { prefix: '/c' });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses, basename(r.file)])).toEqual([
      ['GET', '/a/one', [200], 'plugins.ts'],
      ['POST', '/a', [201], 'plugins.ts'],
      ['GET', '/b/two', [200], 'plugins.ts'],
      ['POST', '/b', [201], 'plugins.ts'],
      ['GET', '/c/three', [200], 'plugins.ts'], // a factory that hands its argument on to another
      ['POST', '/c', [201], 'plugins.ts'],
    ]);
    expect(warnings).toEqual([]);
  });
  it("follows a plugin a method of the project makes (plugins.make('users') of a namespace import, a const object's method)", async () => {
    const dir = await project({
      'server.ts': [
        "import Fastify from 'fastify';",
        "import * as plugins from './plugins';",
        "import { registry } from './registry';",
        'const app = Fastify();',
        "app.register(plugins.make('users'), { prefix: '/api' });",
        'app.register(registry.health());',
        'app.listen({ port: 3000 });',
      ].join('\n'),
      'plugins.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export function make(name: string) {',
        '  return async (app: FastifyInstance) => {',
        '    app.get(`/${name}`, async (req, reply) => reply.code(200).send([]));',
        '  };',
        '}',
      ].join('\n'),
      'registry.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export const registry = {',
        '  health: () => async (app: FastifyInstance) => {',
        "    app.get('/health', async (req, reply) => reply.code(204).send());",
        '  },',
        '};',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, basename(route.file)])).toEqual([
      ['GET', '/api/users', [200], 'plugins.ts'],
      ['GET', '/health', [204], 'registry.ts'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('counts the errors a service of the project the handler returns from throws (users.get(id) of new UsersService())', async () => {
    const dir = await project({
      'server.ts': [
        "import Fastify from 'fastify';",
        "import { UsersService } from './users';",
        'const users = new UsersService();',
        'const app = Fastify();',
        "app.get('/users/:id', async (request) => users.get((request.params as { id: string }).id));",
        'app.listen({ port: 3000 });',
      ].join('\n'),
      'users.ts': [
        "import createError from 'http-errors';",
        'export class UsersService {',
        '  async get(id: string) {',
        "    if (id === '0') throw createError(404, 'no such user');",
        '    return { id };',
        '  }',
        '}',
      ].join('\n'),
    });
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
    ]);
  });

  it('says a status computed at run time is computed (reply.code(err.statusCode ?? 500))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/a', async (req, reply) => { reply.code(err.statusCode ?? 500).send(); });",
        "app.get('/b', async (req, reply) => { reply.code(201).send(); });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.path, r.statuses, r.computedStatuses])).toEqual([
      ['/a', [500], ['err.statusCode']],
      ['/b', [201], undefined],
    ]);
  });

  it("keeps a route path's trailing slash, which Fastify serves apart from the path without it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.register(async (users) => { users.get('/', async () => []); users.get('/:id/', async () => ({})); }, { prefix: '/users' });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/users'],
      ['GET', '/users/:id/'],
    ]);
  });

  it("reads the statuses of a controller's method a handler hands reply to, and of the errors it throws with the message first (new AppError('…', 500)), as Italovini223/casquinha-do-dao-API does", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import Fastify from 'fastify';",
        "import { OrderController } from './orders';",
        'const app = Fastify();',
        'app.register(async (fastify) => {',
        "  fastify.post('/', async function handler(request, reply) { return new OrderController().create(request, reply); });",
        "  fastify.get('/:id', async function handler(request, reply) { return new OrderController().show(request, reply); });",
        "}, { prefix: '/order' });",
        'app.listen({ port: 3333 });',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'orders.ts'),
      [
        'class AppError { constructor(public message: string, public statusCode = 400) {} }',
        'export class OrderController {',
        '  async create(request, reply) { try { reply.code(201).send({}); } catch { reply.code(500).send({}); } }',
        "  async show(request, reply) { try { reply.code(200).send({}); } catch { throw new AppError('Error getting order', 500); } }",
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['POST', '/order', [201, 500]],
      ['GET', '/order/:id', [200, 500]],
    ]);
  });

  it("reads the status each call hands a response helper (an argument, a status name, the parameter's default), and a computed one as the caller writes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-fastify-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import Fastify, { type FastifyReply } from 'fastify';",
        'function send(reply: FastifyReply, body: unknown, code = 200) {',
        '  return reply.code(code).send(body);',
        '}',
        'const app = Fastify();',
        "app.post('/users', async (request, reply) => send(reply, {}, 201));",
        "app.get('/users', async (request, reply) => send(reply, []));",
        "app.put('/users/:id', async (request, reply) => send(reply, {}, request.body.code));",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['POST', '/users', [201], undefined],
      ['GET', '/users', [200], undefined], // the parameter's default
      ['PUT', '/users/:id', [], ['request.body.code']],
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts the errors of the services the app is decorated with (fastify.decorate('users', new UsersService())), used as fastify.users or this.users, sensible's httpErrors too", async () => {
    const dir = await project({
      'package.json': '{ "name": "catalog" }',
      'src/server.ts': [
        "import Fastify from 'fastify';",
        "import services from './plugins/services';",
        "import products from './routes/products';",
        "import productSearch from './plugins/product-search';",
        "import { ReviewsService } from './services/reviews';",
        'const app = Fastify();',
        'app.register(services);',
        'app.register(productSearch);',
        // An encapsulated plugin decorates its own scope under the same name: the app's routes do not see it.
        "app.register(async (scoped) => { scoped.decorate('search', new ReviewsService(scoped.log)); });",
        "app.register(products, { prefix: '/products' });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
      'src/plugins/services.ts': [
        "import fp from 'fastify-plugin';",
        "import { ProductsService } from '../services/products';",
        "import { ReviewsService } from '../services/reviews';",
        'export default fp(async (fastify) => {',
        '  const reviews = new ReviewsService(fastify.log);',
        "  fastify.decorate('products', new ProductsService());",
        "  fastify.decorate('reviews', reviews);",
        "  fastify.decorate('stock', { async take(id: string) { if (!id) throw fastify.httpErrors.conflict(); } });",
        '});',
      ].join('\n'),
      'src/plugins/product-search.ts': [
        "import fp from 'fastify-plugin';",
        "import { ProductsService } from '../services/products';",
        "export default fp(async (fastify) => { fastify.decorate('search', new ProductsService()); });",
      ].join('\n'),
      // A plugin the app never registers decorates nothing.
      'src/plugins/unused.ts': [
        "import fp from 'fastify-plugin';",
        "import { ReviewsService } from '../services/reviews';",
        "export default fp(async (fastify) => { fastify.decorate('products', new ReviewsService(fastify.log)); });",
      ].join('\n'),
      'src/services/products.ts': [
        "import createError from 'http-errors';",
        'export class ProductsService {',
        '  async find(id: string) {',
        '    if (!id) throw createError(404);',
        '    return { id };',
        '  }',
        '}',
      ].join('\n'),
      'src/services/reviews.ts': [
        'export class ReviewsService {',
        '  constructor(private readonly log: unknown) {}',
        '  async of(id: string) {',
        "    if (id === 'locked') throw new ForbiddenError();",
        '    return [];',
        '  }',
        '}',
        'class ForbiddenError extends Error { statusCode = 403; }',
      ].join('\n'),
      'src/routes/products.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export default async function (fastify: FastifyInstance) {',
        "  fastify.get('/:id', async (request) => fastify.products.find((request.params as { id: string }).id));",
        "  fastify.get('/:id/reviews', async function (request) {",
        '    return this.reviews.of((request.params as { id: string }).id);',
        '  });',
        "  fastify.post('/:id/orders', async (request, reply) => {",
        '    await fastify.stock.take((request.params as { id: string }).id);',
        '    return reply.code(201).send();',
        '  });',
        "  fastify.get('/search', async (request) => fastify.search.find('x'));",
        '}',
      ].join('\n'),
    });
    const { routes } = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/products/:id', [200, 404]],
      ['GET', '/products/:id/reviews', [200, 403]],
      ['POST', '/products/:id/orders', [201, 409]],
      ['GET', '/products/search', [200, 404]], // product-search's ProductsService, not the sibling's ReviewsService
    ]);
  });

  it("reads a decoration in the plugin scope of the route: each of two sibling plugins sees its own, an fp(…) plugin's is its parent's, a child's shadows its parent's, and a scope sees its parents' decorations", async () => {
    const dir = await project({
      'package.json': '{ "name": "library" }',
      'src/server.ts': [
        "import Fastify from 'fastify';",
        "import books from './books';",
        "import authors from './authors';",
        "import store from './store';",
        'const app = Fastify();',
        "app.register(books, { prefix: '/books' });",
        "app.register(authors, { prefix: '/authors' });",
        // Registered after the routes: Fastify loads every plugin before it serves, so the routes see it.
        'app.register(store);',
        'app.listen({ port: 3000 });',
      ].join('\n'),
      // fastify-plugin lifts `store` into the app's scope.
      'src/store.ts': [
        "import fp from 'fastify-plugin';",
        "import { Store } from './services';",
        "export default fp(async (app) => { app.decorate('store', new Store()); });",
      ].join('\n'),
      'src/books.ts': [
        "import type { FastifyInstance } from 'fastify';",
        "import { BooksService, LoansService } from './services';",
        'export default async function books(fastify: FastifyInstance) {',
        "  fastify.decorate('service', new BooksService());",
        "  fastify.get('/:id', async (request) => fastify.service.find((request.params as { id: string }).id));",
        "  fastify.get('/stock', async function () { return this.store.count(); });",
        // A child of books: sees books' `service`, and shadows it in its own scope with `loans`.
        '  fastify.register(async (loans) => {',
        "    loans.decorate('service', new LoansService());",
        "    loans.post('/:id/loans', async (request) => request.server.service.lend('x'));",
        '  });',
        '}',
      ].join('\n'),
      'src/authors.ts': [
        "import type { FastifyInstance } from 'fastify';",
        "import fp from 'fastify-plugin';",
        "import { AuthorsService } from './services';",
        // An fp(…) plugin registered here decorates the authors scope, not the app's.
        "const service = fp(async (app: FastifyInstance) => { app.decorate('service', new AuthorsService()); });",
        'export default async function authors(fastify: FastifyInstance) {',
        '  fastify.register(service);',
        "  fastify.get('/:id', async (request) => fastify.service.find('x'));",
        '}',
      ].join('\n'),
      'src/services.ts': [
        'export class HttpError extends Error {',
        '  constructor(public statusCode: number) { super(); }',
        '}',
        'export class BooksService { async find(id: string) { throw new HttpError(404); } }',
        'export class AuthorsService { async find(id: string) { throw new HttpError(410); } }',
        'export class LoansService { async lend(id: string) { throw new HttpError(409); } }',
        'export class Store { async count() { throw new HttpError(503); } }',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/books/:id', [200, 404]],
      ['GET', '/books/stock', [200, 503]],
      ['POST', '/books/:id/loans', [200, 409]],
      ['GET', '/authors/:id', [200, 410]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads what a hook sets on the request as a decoration of the hook's plugin scope: decorateRequest(name, null) then an onRequest hook, a named hook, an fp(…) plugin's hook for its parent, a child's shadowing", async () => {
    const dir = await project({
      'package.json': '{ "name": "hooked" }',
      'src/server.ts': [
        "import Fastify from 'fastify';",
        "import users from './plugins/users';",
        "import publicRoutes from './routes/public';",
        "import adminRoutes from './routes/admin';",
        'const app = Fastify();',
        'app.register(users);',
        'app.register(publicRoutes);',
        "app.register(adminRoutes, { prefix: '/admin' });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
      // fastify-plugin lifts the hook, and what it sets, into the app's scope.
      'src/plugins/users.ts': [
        "import fp from 'fastify-plugin';",
        "import { UsersService } from '../services';",
        'export default fp(async (fastify) => {',
        "  fastify.decorateRequest('users', null);",
        "  fastify.addHook('onRequest', async (request) => {",
        '    request.users = new UsersService();',
        '  });',
        '});',
      ].join('\n'),
      'src/routes/public.ts': [
        "import type { FastifyInstance } from 'fastify';",
        'export default async function publicRoutes(fastify: FastifyInstance) {',
        "  fastify.get('/users/:id', async (request: any) => request.users.find(request.params.id));",
        '}',
      ].join('\n'),
      'src/routes/admin.ts': [
        "import type { FastifyInstance } from 'fastify';",
        "import { AdminUsers, Store } from '../services';",
        'async function attachStore(req: any) { req.store = new Store(); }',
        'export default async function adminRoutes(fastify: FastifyInstance) {',
        // The admin scope's own hook shadows the app's `users` for its routes only.
        "  fastify.addHook('preHandler', (req: any, reply, done) => { req.users = new AdminUsers(); done(); });",
        "  fastify.addHook('onRequest', attachStore);",
        "  fastify.get('/users/:id', async (request: any) => request.users.find(request.params.id));",
        "  fastify.get('/store', async (request: any) => request.store.get());",
        '}',
      ].join('\n'),
      'src/services.ts': [
        "import createError from 'http-errors';",
        'export class UsersService { async find(id: string) { if (!id) throw createError(404); return { id }; } }',
        'export class AdminUsers { async find(id: string) { throw createError(403); } }',
        'export class Store { async get() { throw createError(503); } }',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['GET', '/admin/users/:id', [200, 403]],
      ['GET', '/admin/store', [200, 503]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads what the entry registers on an app a function of another module makes (const fastify = createServer(); fastify.register(AutoLoad, …)), and @fastify/sensible's reply.notFound(), as SebastianStimpson/csci32-Stimpson's recipestacker-api does", async () => {
    const dir = await project({
      'package.json': '{ "name": "recipes-api", "type": "module" }',
      'src/server.ts': [
        "import Fastify from 'fastify';",
        'export function createServer() {',
        '  const fastify = Fastify({ logger: true }).withTypeProvider<any>();',
        "  fastify.get('/health', async () => ({ ok: true }));",
        '  return fastify;',
        '}',
      ].join('\n'),
      'src/app.ts': [
        "import AutoLoad from '@fastify/autoload';",
        "import * as path from 'path';",
        "import { fileURLToPath } from 'url';",
        "import { createServer } from './server.js';",
        'const fastify = createServer();',
        'const __filename = fileURLToPath(import.meta.url);',
        'const __dirname = path.dirname(__filename);',
        "void fastify.register(AutoLoad, { dir: path.join(__dirname, 'plugins') });",
        "void fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes') });",
        'async function start() {',
        '  await fastify.listen({ port: 7000 });',
        '}',
        'start();',
      ].join('\n'),
      'src/plugins/recipes.ts': [
        "import fp from 'fastify-plugin';",
        "import { RecipeService } from '../services.js';",
        "export const FP_RECIPE_SERVICE = 'recipeService';",
        'export default fp(async (fastify) => {',
        "  fastify.decorate(FP_RECIPE_SERVICE, new RecipeService(), ['prisma']);",
        '});',
      ].join('\n'),
      'src/services.ts': [
        "import createError from 'http-errors';",
        'export class RecipeService { async findOne(id: string) { throw createError(410); } }',
      ].join('\n'),
      'src/routes/recipes.ts': [
        "import type { FastifyPluginAsync } from 'fastify';",
        'const recipes: FastifyPluginAsync = async (fastify) => {',
        "  fastify.get('/recipes', async function (request: any, reply) {",
        '    const found = await fastify.db.list();',
        '    if (found) return reply.send(found);',
        '    return reply.notFound();',
        '  });',
        "  fastify.get('/recipes/:id', async (request: any) => fastify.recipeService.findOne(request.params.id));",
        '};',
        'export default recipes;',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/health', [200]],
      ['GET', '/recipes', [200, 404]],
      ['GET', '/recipes/:id', [200, 410]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads the decorations of the fp(…) plugins autoload loads (a fastify-cli app) as the app scope's, and two values for a name in one scope as none", async () => {
    const dir = await project({
      'package.json': '{ "name": "cli-app" }',
      'app.ts': [
        "import AutoLoad from '@fastify/autoload';",
        "import { join } from 'node:path';",
        'export default async function (fastify: any, opts: any) {',
        "  void fastify.register(AutoLoad, { dir: join(__dirname, 'plugins'), options: opts });",
        "  void fastify.register(AutoLoad, { dir: join(__dirname, 'routes'), options: opts });",
        '}',
      ].join('\n'),
      'plugins/users.ts': [
        "import fp from 'fastify-plugin';",
        "import { UsersService } from '../services';",
        "export default fp(async (fastify: any) => { fastify.decorate('users', new UsersService()); });",
      ].join('\n'),
      // Both decorate `cache` in the app's scope (Fastify would refuse the second): no class is guessed.
      'plugins/cache.ts': [
        "import fp from 'fastify-plugin';",
        "import { MemoryCache, RedisCache } from '../services';",
        'export default fp(async (fastify: any) => {',
        "  if (process.env.REDIS_URL) fastify.decorate('cache', new RedisCache());",
        "  else fastify.decorate('cache', new MemoryCache());",
        '});',
      ].join('\n'),
      'routes/users/index.ts': [
        'export default async function (fastify: any) {',
        "  fastify.get('/:id', async (request: any) => fastify.users.find(request.params.id));",
        "  fastify.get('/cached', async () => fastify.cache.get('users'));",
        '}',
      ].join('\n'),
      // A route plugin of its own scope decorating `users` again: only its routes see that one.
      'routes/admin/index.ts': [
        "import { AdminUsers } from '../../services';",
        'export default async function (fastify: any) {',
        "  fastify.decorate('users', new AdminUsers());",
        "  fastify.delete('/:id', async (request: any) => fastify.users.find(request.params.id));",
        '}',
      ].join('\n'),
      'services.ts': [
        "import createError from 'http-errors';",
        'export class UsersService { async find(id: string) { if (!id) throw createError(404); } }',
        'export class AdminUsers { async find(id: string) { throw createError(403); } }',
        'export class RedisCache { async get(key: string) { throw createError(502); } }',
        'export class MemoryCache { async get(key: string) { throw createError(507); } }',
      ].join('\n'),
    });
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['DELETE', '/admin/:id', [200, 403]],
      ['GET', '/users/:id', [200, 404]],
      ['GET', '/users/cached', [200]],
    ]);
  });
});
