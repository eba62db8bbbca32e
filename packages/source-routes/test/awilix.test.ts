/**
 * Services injected by awilix: the routes of an Express app whose controllers, routers and services
 * an awilix container builds count the statuses of the services registered under the names they
 * take (`asClass`, `asFunction`, `asValue`; destructured from the cradle, read off it, or by name).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readRoutes } from '@docgen/source-routes';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-awilix-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** The services both apps register: each throws a status of its own, so a route shows which one it reached. */
const services = {
  'src/services/users.js': [
    "const createError = require('http-errors');",
    'class UsersService {',
    '  constructor({ db }) { this.db = db; }',
    '  async find(id) {',
    '    if (!id) throw createError(404);',
    '    return { id };',
    '  }',
    '  async remove(id) { throw createError(403); }',
    '}',
    'module.exports = UsersService;',
  ].join('\n'),
  'src/services/orders.js': [
    "const createError = require('http-errors');",
    'module.exports = function makeOrdersService({ db }) {',
    '  return {',
    '    async find(id) { if (!id) throw createError(410); },',
    '  };',
    '};',
  ].join('\n'),
  'src/services/caches.js': [
    "const createError = require('http-errors');",
    'class RedisCache { async get() { throw createError(502); } }',
    'class MemoryCache { async get() { throw createError(507); } }',
    'module.exports = { RedisCache, MemoryCache };',
  ].join('\n'),
};

describe('readRoutes: services injected by awilix', () => {
  it('counts the errors of the services registered with asClass, asFunction and asValue, taken from the cradle destructured, read off it (opts.x), by name (classic mode) or resolved by name', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'shop', dependencies: { awilix: '^10.0.0', express: '^4.0.0' } }),
      ...services,
      'src/container.js': [
        "const { createContainer, asClass, asFunction, asValue, InjectionMode } = require('awilix');",
        "const UsersService = require('./services/users');",
        "const makeOrdersService = require('./services/orders');",
        "const { RedisCache, MemoryCache } = require('./services/caches');",
        "const UsersController = require('./controllers/users');",
        "const { PdfReports } = require('./services/reports');",
        "const createError = require('http-errors');",
        'const container = createContainer({ injectionMode: InjectionMode.PROXY });',
        'container.register({',
        '  usersService: asClass(UsersService).singleton(),',
        '  ordersService: asFunction(makeOrdersService).scoped(),',
        '  usersController: asClass(UsersController),',
        '  audit: asValue({ async check() { throw createError(423); } }),',
        '  reportsService: asClass(PdfReports),',
        '});',
        // Two classes under one name: which one runs depends on the environment, so neither is counted.
        "container.register('cache', asClass(process.env.REDIS ? RedisCache : MemoryCache));",
        "if (process.env.REDIS) container.register('sessions', asClass(RedisCache));",
        "else container.register('sessions', asClass(MemoryCache));",
        // A value registered under the name of the parameter it comes from: looked up once, not without end.
        'container.configure = ({ settings }) => container.register({ settings: asValue(settings) });',
        'module.exports = container;',
      ].join('\n'),
      'src/controllers/users.js': [
        'class UsersController {',
        '  constructor({ usersService, audit: auditor }) {',
        '    this.users = usersService;',
        '    this.auditor = auditor;',
        '  }',
        '  async get(req, res) {',
        '    res.json(await this.users.find(req.params.id));',
        '  }',
        '  async remove(req, res) {',
        '    await this.auditor.check();',
        '    await this.users.remove(req.params.id);',
        '    res.sendStatus(204);',
        '  }',
        '}',
        'module.exports = UsersController;',
      ].join('\n'),
      'src/controllers/admin.js': [
        // Classic mode: the parameter's own name; and the cradle read as `opts.x`.
        'class AdminController {',
        '  constructor(usersService, opts) { this.usersService = usersService; }',
        '  async purge(req, res) { await this.usersService.remove(req.params.id); res.sendStatus(204); }',
        '}',
        'class SessionsController {',
        '  constructor(opts) { this.sessions = opts.sessions; this.cache = opts.cache; this.settings = opts.settings; }',
        '  async list(req, res) { res.json(await this.sessions.get()); }',
        '  async cached(req, res) { await this.settings.check(); res.json(await this.cache.get()); }',
        '}',
        'module.exports = { AdminController, SessionsController };',
      ].join('\n'),
      // Classic mode in TypeScript: typed as an interface two classes implement, injected by its name.
      'src/services/reports.ts': [
        "import createError from 'http-errors';",
        'export interface Reports { make(): Promise<string>; }',
        'export class PdfReports implements Reports { async make() { throw createError(501); } }',
        'export class CsvReports implements Reports { async make() { return "a,b"; } }',
      ].join('\n'),
      'src/controllers/reports.ts': [
        "import type { Request, Response } from 'express';",
        "import type { Reports } from '../services/reports';",
        'export class ReportsController {',
        '  constructor(private readonly reportsService: Reports) {}',
        '  async get(req: Request, res: Response) { res.send(await this.reportsService.make()); }',
        '}',
      ].join('\n'),
      'src/routes/orders.js': [
        "const { Router } = require('express');",
        'module.exports = function ordersRouter({ ordersService }) {',
        '  const router = Router();',
        "  router.get('/:id', async (req, res) => res.json(await ordersService.find(req.params.id)));",
        '  return router;',
        '};',
      ].join('\n'),
      'src/app.js': [
        "const express = require('express');",
        "const container = require('./container');",
        "const ordersRouter = require('./routes/orders');",
        "const { AdminController, SessionsController } = require('./controllers/admin');",
        'const app = express();',
        "const users = container.resolve('usersController');",
        "app.get('/users/:id', (req, res) => users.get(req, res));",
        "app.delete('/users/:id', (req, res) => users.remove(req, res));",
        "app.use('/orders', ordersRouter(container.cradle));",
        'const admin = container.build(AdminController);',
        "app.delete('/admin/users/:id', (req, res) => admin.purge(req, res));",
        'const sessions = container.build(SessionsController);',
        "app.get('/sessions', (req, res) => sessions.list(req, res));",
        "app.get('/sessions/cached', (req, res) => sessions.cached(req, res));",
        "const { ReportsController } = require('./controllers/reports');",
        'const reports = container.build(ReportsController);',
        "app.get('/reports', (req, res) => reports.get(req, res));",
        // awilix-express's scopePerRequest hands each request a scope of the container.
        "app.get('/me', async (req, res) => res.json(await req.container.resolve('usersService').find(req.user)));",
        'app.listen(3000);',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['DELETE', '/users/:id', [204, 403, 423]],
      ['GET', '/orders/:id', [200, 410]],
      ['DELETE', '/admin/users/:id', [204, 403]],
      ['GET', '/sessions', [200]],
      ['GET', '/sessions/cached', [200]],
      ['GET', '/reports', [200, 501]],
      ['GET', '/me', [200, 404]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts the router a factory registered with asFunction builds where a class awilix builds is handed it (constructor({ router }))', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'boilerplate', dependencies: { awilix: '^10.0.0', express: '^4.0.0' } }),
      ...services,
      'src/container.js': [
        "const { createContainer, asClass, asFunction, asValue } = require('awilix');",
        "const Server = require('./http/server');",
        "const router = require('./http/router');",
        "const { makeAdminRouter } = require('./http/admin');",
        "const UsersService = require('./services/users');",
        'const container = createContainer();',
        'container.register({',
        '  server: asClass(Server).singleton(),',
        '  router: asFunction(router).singleton(),',
        '  adminRouter: asFunction(makeAdminRouter),',
        '  usersService: asClass(UsersService),',
        '  config: asValue({ port: 3000 }),',
        '});',
        'module.exports = container;',
      ].join('\n'),
      'src/http/server.js': [
        "const express = require('express');",
        'class Server {',
        '  constructor({ config, router, adminRouter }) {',
        '    this.config = config;',
        '    this.express = express();',
        '    this.express.use(router);',
        "    this.express.use('/admin', adminRouter);",
        '  }',
        '  start() { return this.express.listen(this.config.port); }',
        '}',
        'module.exports = Server;',
      ].join('\n'),
      'src/http/router.js': [
        "const { Router } = require('express');",
        'module.exports = ({ usersService }) => {',
        '  const router = Router();',
        '  const api = Router();',
        "  api.get('/users/:id', async (req, res) => res.json(await usersService.find(req.params.id)));",
        "  router.use('/api', api);",
        '  return router;',
        '};',
      ].join('\n'),
      'src/http/admin.js': [
        "const { Router } = require('express');",
        'function makeAdminRouter({ usersService }) {',
        '  const router = Router();',
        "  router.delete('/users/:id', async (req, res) => { await usersService.remove(req.params.id); res.sendStatus(204); });",
        '  return router;',
        '}',
        'module.exports = { makeAdminRouter };',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'http', 'server.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/api/users/:id', [200, 404]],
      ['DELETE', '/admin/users/:id', [204, 403]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads awilix-express's routers of controllers: @route-decorated classes and createController(…) builders, given to controller(…) or loaded by loadControllers(glob, { cwd: __dirname }); warns at what it cannot follow", async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'news', dependencies: { awilix: '^10.0.0', 'awilix-express': '^9.0.0' } }),
      ...services,
      'src/container.ts': [
        "import { asClass, asFunction, createContainer } from 'awilix';",
        "import UsersService from './services/users';",
        "import makeOrdersService from './services/orders';",
        'export const container = createContainer();',
        'container.register({ usersService: asClass(UsersService), ordersService: asFunction(makeOrdersService) });',
      ].join('\n'),
      'src/routes/users.ts': [
        "import { before, DELETE, GET, HttpVerbs, route, verbs } from 'awilix-express';",
        "import { auth, audit } from '../middleware';",
        "@route('/users')",
        '@before([auth])',
        'export default class UsersApi {',
        '  constructor(private readonly deps: any) {}',
        '  /** Lists the users. */',
        '  @GET()',
        '  async list(req: any, res: any) { res.json([]); }',
        "  @route('/:id')",
        '  @GET()',
        '  async show(req: any, res: any) { res.json(await this.deps.usersService.find(req.params.id)); }',
        "  @route('/:id')",
        '  @verbs([HttpVerbs.PUT, HttpVerbs.PATCH])',
        '  public save = async (req: any, res: any) => { res.status(202).end(); };',
        "  @route('/:id')",
        '  @DELETE()',
        '  @before(audit)',
        '  async remove(req: any, res: any) { await this.deps.usersService.remove(req.params.id); res.sendStatus(204); }',
        // awilix-router-core joins the paths as strings: this is `/users:id/history`, as Express then matches it.
        "  @route(':id/history')",
        '  @GET()',
        '  async history(req: any, res: any) { res.json([]); }',
        '  helper() { return 1; }',
        '}',
      ].join('\n'),
      'src/routes/orders.ts': [
        "import { createController } from 'awilix-express';",
        "import { audit, auth } from '../middleware';",
        'const ordersApi = ({ ordersService }: any) => ({',
        '  find: async (req: any, res: any) => res.json(await ordersService.find(req.params.id)),',
        '  create: async (req: any, res: any) => res.status(201).json(req.body),',
        '});',
        'export const orders = createController(ordersApi)',
        "  .prefix('/orders')",
        "  .get('/:id', 'find')",
        "  .post('', 'create', { before: [audit] })",
        // The builder's own middleware runs for each of its routes, wherever it is written.
        '  .before([auth]);',
      ].join('\n'),
      // Not a controller: loadControllers skips what a file exports that is not one.
      'src/routes/helpers.ts': 'export const PAGE_SIZE = 20;\nexport function page() { return 1; }',
      'src/middleware.ts': 'export const auth = (req: any, res: any, next: any) => next();\nexport const audit = auth;',
      'src/health.ts': [
        "import { createController } from 'awilix-express';",
        'class Health { async ping(req: any, res: any) { res.sendStatus(204); } }',
        "export default createController(Health).get('/health', 'ping');",
      ].join('\n'),
      'src/server.ts': [
        "import express from 'express';",
        "import { controller, loadControllers, scopePerRequest } from 'awilix-express';",
        "import { container } from './container';",
        "import health from './health';",
        'const app = express();',
        'app.use(scopePerRequest(container));',
        'app.use(controller(health));',
        "app.use('/api', loadControllers('routes/*.ts', { cwd: __dirname }));",
        'app.use(loadControllers(process.env.CONTROLLERS!, { cwd: __dirname }));',
        'app.use(controller(makeAdminApi()));',
        "app.use(loadControllers('admin/*.ts'));",
        "app.use(loadControllers('legacy/*.js', { cwd: __dirname }));",
        'function makeAdminApi(): any { return undefined; }',
        'app.listen(3000);',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'server.ts'));
    const scope = 'scopePerRequest(container)';
    expect(
      routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.summary, route.line]),
    ).toEqual([
      ['GET', '/health', [scope], [204], undefined, 3],
      ['GET', '/api/orders/:id', [scope, 'auth'], [200, 410], undefined, 9],
      ['POST', '/api/orders', [scope, 'auth', 'audit'], [201], undefined, 10],
      ['GET', '/api/users', [scope, 'auth'], [200], 'Lists the users.', 8],
      ['GET', '/api/users/:id', [scope, 'auth'], [200, 404], undefined, 10],
      ['PUT', '/api/users/:id', [scope, 'auth'], [202], undefined, 13],
      ['PATCH', '/api/users/:id', [scope, 'auth'], [202], undefined, 13],
      ['DELETE', '/api/users/:id', [scope, 'auth', 'audit'], [204, 403], undefined, 16],
      ['GET', '/api/users:id/history', [scope, 'auth'], [200], undefined, 20],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        9,
        'loadControllers(…) loads controllers from a glob computed at run time (process.env.CONTROLLERS!): their routes are not read',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        10,
        'controller(makeAdminApi()): makeAdminApi() is not a controller docgen can follow (a class with @route decorators, or createController(…)): its routes are not read',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        11,
        'loadControllers(…) loads controllers from the working directory of the process (no cwd): their routes are not read',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        12,
        `loadControllers('legacy/*.js', …): no file under ${join(dir, 'src')} matches, so no controller is read`,
      ],
    ]);
  });

  it("reads awilix-express's invokers: api('find') with makeInvoker of a factory, of a class, or of a function resolving a registered name, through a wrapper", async () => {
    const dir = await project({
      'package.json': JSON.stringify({
        name: 'todos',
        dependencies: { awilix: '^10.0.0', 'awilix-express': '^9.0.0' },
      }),
      ...services,
      'src/container.ts': [
        "import { asClass, asFunction, createContainer } from 'awilix';",
        "import UsersService from './services/users';",
        "import makeOrdersService from './services/orders';",
        "import { OrdersApi } from './api/orders';",
        'export const container = createContainer();',
        'container.register({',
        '  usersService: asClass(UsersService),',
        '  ordersService: asFunction(makeOrdersService),',
        '  ordersApi: asClass(OrdersApi).scoped(),',
        '});',
      ].join('\n'),
      'src/api/users.ts': [
        "import { makeInvoker } from 'awilix-express';",
        'function makeUsersApi({ usersService }: any) {',
        '  return {',
        '    find: async (req: any, res: any) => res.send(await usersService.find(req.params.id)),',
        '    async remove(req: any, res: any) {',
        '      await usersService.remove(req.params.id);',
        '      res.status(204).end();',
        '    },',
        '  };',
        '}',
        'export const usersApi = makeInvoker(makeUsersApi);',
      ].join('\n'),
      'src/api/orders.ts': [
        'export class OrdersApi {',
        '  private readonly orders: any;',
        '  constructor({ ordersService }: any) { this.orders = ordersService; }',
        '  async get(req: any, res: any) { res.json(await this.orders.find(req.params.id)); }',
        '}',
      ].join('\n'),
      'src/app.ts': [
        "import express, { Router } from 'express';",
        "import { makeClassInvoker, makeInvoker, scopePerRequest } from 'awilix-express';",
        "import { container } from './container';",
        "import { usersApi } from './api/users';",
        "import { OrdersApi } from './api/orders';",
        'const asyncHandler = (fn: any) => (req: any, res: any, next: any) => Promise.resolve(fn(req, res, next)).catch(next);',
        'const app = express();',
        'app.use(scopePerRequest(container));',
        'const router = Router();',
        "router.get('/users/:id', usersApi('find'));",
        "router.delete('/users/:id', usersApi('remove'));",
        'const orders = makeClassInvoker(OrdersApi);',
        "router.get('/orders/:id', orders('get'));",
        "const resolved = makeInvoker(() => container.resolve('ordersApi'));",
        "router.get('/v2/orders/:id', asyncHandler(resolved('get')));",
        "app.use('/api', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.ts'));
    const scope = 'scopePerRequest(container)';
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/api/users/:id', [scope], [200, 404]],
      ['DELETE', '/api/users/:id', [scope], [204, 403]],
      ['GET', '/api/orders/:id', [scope], [200, 410]],
      ['GET', '/api/v2/orders/:id', [scope], [200, 410]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts the services awilix-express's request scope hands a handler: inject('x') then req.x, req.container.cradle.x (destructured too), req.cradle.x, and the middleware inject(factory) makes", async () => {
    const dir = await project({
      'package.json': JSON.stringify({
        name: 'scoped',
        dependencies: { awilix: '^10.0.0', 'awilix-express': '^9.0.0', express: '^4.0.0' },
      }),
      ...services,
      'src/container.js': [
        "const { createContainer, asClass, asFunction } = require('awilix');",
        "const UsersService = require('./services/users');",
        "const makeOrdersService = require('./services/orders');",
        'const container = createContainer();',
        'container.register({ usersService: asClass(UsersService), ordersService: asFunction(makeOrdersService) });',
        'module.exports = container;',
      ].join('\n'),
      'src/app.js': [
        "const express = require('express');",
        "const { scopePerRequest, inject } = require('awilix-express');",
        "const container = require('./container');",
        'const app = express();',
        'app.use(scopePerRequest(container));',
        "app.get('/users/:id', inject('usersService'), async (req, res) => res.json(await req.usersService.find(req.params.id)));",
        "app.get('/orders/:id', async (req, res) => res.json(await req.container.cradle.ordersService.find(req.params.id)));",
        "app.delete('/users/:id', async (req, res) => {",
        '  const { usersService } = req.container.cradle;',
        '  await usersService.remove(req.params.id);',
        '  res.sendStatus(204);',
        '});',
        // An app's own middleware may put the scope's cradle on the request.
        "app.get('/v2/orders/:id', async (req, res) => res.json(await req.cradle.ordersService.find(req.params.id)));",
        // inject(factory): the factory takes its services from the cradle and makes the middleware that answers.
        "app.get('/v3/orders/:id', inject(({ ordersService }) => async (req, res) => res.json(await ordersService.find(req.params.id))));",
        'app.listen(3000);',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['GET', '/orders/:id', [200, 410]],
      ['DELETE', '/users/:id', [204, 403]],
      ['GET', '/v2/orders/:id', [200, 410]],
      ['GET', '/v3/orders/:id', [200, 410]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads awilix's older registrations and loadModules: registerClass/registerFunction/registerValue, and each file a glob matches under its file's name (camelCase too); warns at what it cannot read", async () => {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'legacy', dependencies: { awilix: '^2.12.0', express: '^4.0.0' } }),
      'src/services/users.service.js': [
        "const createError = require('http-errors');",
        'class UsersService {',
        '  constructor({ usersRepository }) { this.repo = usersRepository; }',
        '  async find(id) { await this.repo.get(id); if (!id) throw createError(404); }',
        '}',
        'module.exports = UsersService;',
      ].join('\n'),
      'src/services/orders.js': [
        "const createError = require('http-errors');",
        'module.exports = function makeOrders() { return { async find() { throw createError(410); } }; };',
      ].join('\n'),
      'src/repositories/users-repository.ts': [
        "import createError from 'http-errors';",
        'export default class UsersRepository { async get(id: string) { throw createError(503); } }',
      ].join('\n'),
      'src/handlers/reports-handler.js': [
        "const createError = require('http-errors');",
        'class ReportsHandler { async run() { throw createError(451); } }',
        'module.exports = ReportsHandler;',
      ].join('\n'),
      'src/audit.js': [
        "const createError = require('http-errors');",
        'class Audit { async check() { throw createError(423); } }',
        'class Limits { async check() { throw createError(429); } }',
        'module.exports = { Audit, Limits };',
      ].join('\n'),
      'src/container.js': [
        "const { createContainer, Lifetime, asFunction } = require('awilix');",
        "const createError = require('http-errors');",
        "const { Audit, Limits } = require('./audit');",
        'const container = createContainer();',
        "container.loadModules(['services/*.js', ['repositories/*.js', { register: asFunction }]], { cwd: __dirname, formatName: 'camelCase' });",
        'container.registerClass({ audit: [Audit, { lifetime: Lifetime.SINGLETON }] });',
        "container.registerClass('limits', Limits);",
        'container.registerValue({ settings: { async check() { throw createError(400); } } });',
        "container.loadModules(['plugins/*.js'], { cwd: __dirname, formatName: (name) => `${name}Plugin` });",
        'container.loadModules(process.env.SERVICES, { cwd: __dirname });',
        "container.loadModules(['workers/*.js'], { cwd: __dirname });",
        "container.loadModules(['jobs/*.js']);",
        // A glob that names its folder needs no cwd; a relative cwd is the process's, which docgen does not know.
        "container.loadModules([__dirname + '/handlers/*.js'], { formatName: 'camelCase' });",
        "container.loadModules(['services/*.js'], { cwd: '.' });",
        'module.exports = container;',
      ].join('\n'),
      'src/app.js': [
        "const express = require('express');",
        "const { scopePerRequest, inject } = require('awilix-express');",
        "const container = require('./container');",
        'const app = express();',
        'app.use(scopePerRequest(container));',
        "app.get('/users/:id', inject('usersService'), async (req, res) => res.json(await req.usersService.find(req.params.id)));",
        "app.get('/orders/:id', async (req, res) => res.json(await req.container.resolve('orders').find()));",
        "app.get('/audit', async (req, res) => {",
        '  await req.container.cradle.audit.check();',
        '  await req.container.cradle.limits.check();',
        '  await req.container.cradle.settings.check();',
        '  res.end();',
        '});',
        "app.get('/reports', async (req, res) => res.json(await req.container.cradle.reportsHandler.run()));",
        'app.listen(3000);',
      ].join('\n'),
    });
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      // usersRepository is registered with asFunction, as its glob says: a class called, so not an instance docgen reads.
      ['GET', '/users/:id', [200, 404]],
      ['GET', '/orders/:id', [200, 410]],
      ['GET', '/audit', [200, 400, 423, 429]],
      ['GET', '/reports', [200, 451]],
    ]);
    const container = join(dir, 'src', 'container.js');
    expect(warnings.map((w) => [w.code, w.location?.file, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        container,
        9,
        'loadModules(…) names what it registers with formatName (name) => `${name}Plugin`, which docgen does not run: the services it registers are not followed, so the statuses of the routes that use them are not counted',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        container,
        10,
        'loadModules(…) registers modules from a glob computed at run time (process.env.SERVICES): the services it registers are not followed, so the statuses of the routes that use them are not counted',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        container,
        11,
        `loadModules('workers/*.js', …): no file under ${join(dir, 'src')} matches, so nothing it registers is followed`,
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        container,
        12,
        'loadModules(…) registers modules from the working directory of the process (no cwd): the services it registers are not followed, so the statuses of the routes that use them are not counted',
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        container,
        14,
        "loadModules(…) registers modules from a folder relative to the process's working directory ('.'): the services it registers are not followed, so the statuses of the routes that use them are not counted",
      ],
    ]);
    expect(warnings.every((w) => w.hint)).toBe(true);
  });
});
