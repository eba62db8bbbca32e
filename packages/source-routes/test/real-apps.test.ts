/**
 * The readers on the shapes of published starters (each fixture's README names the package and
 * version it was trimmed from): what a user of that starter gets on the routes page.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer } from '@docgen/core';
import source, { readRoutes, renderRoutes, type Route } from '@docgen/source-routes';

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

describe('statuses on typescript-express-starter 11', () => {
  const src = join(fixtures, 'ts-express-starter', 'src');

  it('reads the status of its own HttpException(status, message), raised by middleware and services', async () => {
    const { routes } = await readRoutes(join(src, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      // ValidationMiddleware(schema) passes on `new HttpException(400, …)`; AuthMiddleware a 401 (or a 500 where it fails).
      ['POST', '/api/v1/auth/signup', [201, 400]],
      ['POST', '/api/v1/auth/login', [200, 400]],
      ['POST', '/api/v1/auth/logout', [200, 401, 500]],
      ['GET', '/api/v1/users', [200]],
      // The services the controller keeps (container.resolve(UsersService)) throw them.
      ['GET', '/api/v1/users/:id', [200, 404]],
      ['POST', '/api/v1/users', [201, 400, 409]],
      ['PUT', '/api/v1/users/:id', [200, 400, 404]],
      ['DELETE', '/api/v1/users/:id', [204, 404]],
    ]);
  });

  it('does not read the message of a HttpException(status, message) as a status computed at run time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-http-exception-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { HttpException } from './http.exception';",
        'const app = express();',
        "app.get('/users/:id', (req, res) => {",
        "  const message = 'User ' + req.params.id + ' not found';",
        '  if (!req.params.id) throw new HttpException(404, message);',
        '  res.json({});',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'http.exception.ts'),
      [
        'export class HttpException extends Error {',
        '  constructor(public status: number, message: string) {',
        '    super(message);',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.path, route.statuses, route.computedStatuses])).toEqual([
      ['/users/:id', [200, 404], undefined],
    ]);
  });

  it('reads the status a project HttpException(status, message) is handed in a variable, not its message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-http-exception-variables-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { HttpException } from './http.exception';",
        'const app = express();',
        'function lookup(id: string) {',
        "  return id === 'me' ? { status: 200, message: 'ok' } : { status: 404, message: `User ${id} not found` };",
        '}',
        "app.get('/users/:id', (req, res, next) => {",
        '  const { status, message } = lookup(req.params.id);',
        '  if (status !== 200) return next(new HttpException(status, message));',
        '  res.json({});',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'http.exception.ts'),
      [
        'export class HttpException extends Error {',
        '  public status: number;',
        '  constructor(status: number, message: string) {',
        '    super(message);',
        '    this.status = status;',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.path, route.statuses, route.computedStatuses])).toEqual([
      ['/users/:id', [200], ['status']],
    ]);
  });

  it("reads a project's error class's status where its constructor puts it, not any number it is handed", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-error-class-arguments-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { ApiError, LimitError, QuotaError } from './errors';",
        'const app = express();',
        "app.post('/uploads', (req, res, next) => {",
        '  if (req.body.count > 500) return next(new QuotaError(500));',
        '  if (req.body.size > 300) return next(new LimitError(300));',
        "  if (!req.body.name) return next(new ApiError(422, 'name is required'));",
        '  res.status(201).json({});',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'errors.ts'),
      [
        'export class HttpException extends Error {',
        '  constructor(public status: number, message: string) {',
        '    super(message);',
        '  }',
        '}',
        "// The status is the base's; the number handed is a limit.",
        'export class QuotaError extends HttpException {',
        '  constructor(limit: number) {',
        '    super(429, `Quota of ${limit} uploads reached`);',
        '  }',
        '}',
        '// The error handler answers it with 413 by its name; the number is a size.',
        'export class LimitError extends Error {',
        '  constructor(maxSize: number) {',
        '    super(`Larger than ${maxSize} MB`);',
        '  }',
        '}',
        'export class ApiError extends Error {',
        '  constructor(code: number, message: string) {',
        '    super(message);',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.path, route.statuses])).toEqual([['/uploads', [201, 422, 429]]]);
  });
});

describe('readRoutes on generator-nest-js-boilerplate 4', () => {
  const src = join(fixtures, 'nest-default-exports', 'src');

  it('follows modules and controllers exported and imported by default, through tsconfig paths', async () => {
    const { framework, routes, warnings } = await readRoutes(join(src, 'main.ts'));
    expect(framework).toBe('NestJS');
    expect(
      routes.map((route) => [
        route.method,
        route.path,
        route.middleware,
        route.statuses,
        `${route.file.slice(src.length + 1)}:${route.line}`,
      ]),
    ).toEqual([
      // The root module's own controller first, as Nest registers them.
      ['GET', '/', [], [200], 'modules/app/app.controller.ts:10'],
      ['POST', '/v1/auth/sign-up', [], [201], 'modules/v1/auth/auth.controller.ts:16'],
      ['DELETE', '/v1/auth/logout/:token', ['JwtAccessGuard'], [204, 401], 'modules/v1/auth/auth.controller.ts:22'],
      ['GET', '/v1/users/:id', ['JwtAccessGuard'], [200, 400, 401, 404], 'modules/v1/users/users.controller.ts:16'],
      ['GET', '/v1/users', ['JwtAccessGuard'], [200, 401], 'modules/v1/users/users.controller.ts:30'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns at NestFactory.create of a root module it cannot find, rather than only finding no route', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-root-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import AppModule from './modules/app/app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    const { warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(warnings.map((warning) => [warning.code, warning.message, warning.location])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        "module AppModule is imported from './modules/app/app.module', which has no file docgen finds: its routes are not read",
        { file: join(dir, 'main.ts'), line: 4 },
      ],
      ['DG_ROUTES_NONE', expect.any(String), expect.anything()],
    ]);
  });
});

describe('readRoutes on an app that imports files that are not code', () => {
  it('reads past an import of a stylesheet (@openauthjs/openauth 0.4: import css from "./ui.css" assert { type: "text" })', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-css-import-'));
    await writeFile(
      join(dir, 'issuer.ts'),
      [
        "import { Hono } from 'hono';",
        "import { Layout } from './base';",
        'const app = new Hono();',
        "app.get('/authorize', (c) => c.html(Layout()));",
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'base.tsx'),
      [
        'import css from "./ui.css" assert { type: "text" }',
        'export function Layout() {',
        '  return `<style>${css}</style>`;',
        '}',
      ].join('\n'),
    );
    await writeFile(join(dir, 'ui.css'), '@import url("https://fonts.example.com/css");\n:root { --color: #000; }\n');
    const { routes } = await readRoutes(join(dir, 'issuer.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/authorize']]);
  });

  it('reads the status of a Hono response given as an init object (c.text(msg, { status: 400 }), as openauth answers)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-hono-init-'));
    await writeFile(
      join(dir, 'issuer.ts'),
      [
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/authorize', (c) => {",
        "  if (!c.req.query('redirect_uri')) return c.text('Missing redirect_uri', { status: 400 });",
        "  return c.redirect('/code/authorize');",
        '});',
        "app.post('/clients', (c) => c.json({ id: 1 }, { status: 201, headers: { 'cache-control': 'no-store' } }));",
        'export default app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'issuer.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['GET', '/authorize', [302, 400], undefined],
      ['POST', '/clients', [201], undefined],
    ]);
  });
});

describe('readRoutes on the Koa app @nx/node 23.2 generates', () => {
  const src = join(fixtures, 'nx-node-koa', 'src');

  it('lists the one middleware that answers every request (never calling next) as ALL /*, not DG_ROUTES_NONE', async () => {
    const { routes, warnings } = await readRoutes(join(src, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.summary, route.line])).toEqual([
      [
        'ALL',
        '/*',
        [200],
        'Answered by the function written here, for every path under it: its routes are not read',
        8,
      ],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('readRoutes on @uswitch/koa-core 2.1', () => {
  it('reads the path its first middleware answers itself before handing the rest on (if (ctx.request.path !== "/metrics") return next())', async () => {
    const entry = join(fixtures, 'uswitch-koa-core', 'koa-core.js');
    const { routes, warnings } = await readRoutes(entry);
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.summary, route.line])).toEqual([
      ['ALL', '/metrics', [200], 'Answered by the middleware written here for this path; it hands other paths on', 23],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('readRoutes on express-generator-typescript 2.8', () => {
  const src = join(fixtures, 'express-generator-typescript', 'src');

  it("reads the statuses the project's own HttpStatusCodes table names, set and raised", async () => {
    const { routes } = await readRoutes(join(src, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['GET', '/api/users/all', [200], undefined],
      ['POST', '/api/users/add', [201], undefined],
      // UserService throws new RouteError(HttpStatusCodes.NOT_FOUND, …) where the user does not exist.
      ['PUT', '/api/users/update', [200, 404], undefined],
      ['DELETE', '/api/users/delete/:id', [200, 404], undefined],
      ['GET', '/', [302], undefined],
      ['GET', '/users', [200], undefined],
    ]);
  });

  it('shows the middleware it use()s only in development or production with that condition, on the page and in the model', async () => {
    const { framework, routes } = await readRoutes(join(src, 'main.ts'));
    expect(new Set(routes.map((route) => JSON.stringify(route.middleware)))).toEqual(
      new Set([
        JSON.stringify([
          "morgan('dev') (when EnvVars.NodeEnv === NodeEnvs.DEV)",
          'helmet() (when EnvVars.NodeEnv === NodeEnvs.PRODUCTION)',
        ]),
      ]),
    );
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const model = { service: 'express-typescript-example', entry: join(src, 'main.ts'), framework, routes };
    const [page] = renderRoutes(model, templates, { cwd: src }).pages;
    expect(page!.markdown).toContain(
      "Every route passes first through `morgan('dev') (when EnvVars.NodeEnv === NodeEnvs.DEV)`, `helmet() (when EnvVars.NodeEnv === NodeEnvs.PRODUCTION)`.",
    );
  });

  it("reads the project's status names a helper is handed (sendSuccess(res, user, HttpStatusCodes.CREATED))", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-status-table-helper-'));
    await writeFile(
      join(dir, 'HttpStatusCodes.ts'),
      [
        'const HttpStatusCodes = {',
        '  OK: 200,',
        '  CREATED: 201,',
        '} as const;',
        'export default HttpStatusCodes;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express, { Response } from 'express';",
        "import HttpStatusCodes from './HttpStatusCodes';",
        'function sendSuccess(res: Response, data: unknown, status: number = HttpStatusCodes.OK) {',
        '  res.status(status).json(data);',
        '}',
        'const app = express();',
        "app.post('/users', (req, res) => sendSuccess(res, req.body, HttpStatusCodes.CREATED));",
        "app.get('/users', (req, res) => sendSuccess(res, []));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['POST', '/users', [201], undefined],
      ['GET', '/users', [200], undefined],
    ]);
  });
});

describe('readRoutes on @solidstarters/solid-core 1.2', () => {
  it('reads the error a guard keeps in a variable and throws (let error = new UnauthorizedException(); … throw error)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-held-error-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { AuthenticationGuard } from './authentication.guard';",
        "@Controller('menu-item-metadata')",
        'export class MenuItemMetadataController {',
        '  @Get()',
        '  findMany() {',
        '    return [];',
        '  }',
        '}',
        '@Module({',
        '  controllers: [MenuItemMetadataController],',
        '  providers: [{ provide: APP_GUARD, useClass: AuthenticationGuard }],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
    );
    // As solid-core's guards/authentication.guard.ts (NestJS's own authentication recipe) writes it.
    await writeFile(
      join(dir, 'authentication.guard.ts'),
      [
        "import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';",
        '@Injectable()',
        'export class AuthenticationGuard implements CanActivate {',
        '  private readonly guards: CanActivate[] = [];',
        '  async canActivate(context: ExecutionContext): Promise<boolean> {',
        '    let error = new UnauthorizedException();',
        '    for (const instance of this.guards) {',
        '      const canActivate = await Promise.resolve(instance.canActivate(context)).catch((err) => {',
        '        error = err;',
        '      });',
        '      if (canActivate) {',
        '        return true;',
        '      }',
        '    }',
        '    throw error;',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/menu-item-metadata', ['AuthenticationGuard'], [200, 401]],
    ]);
  });

  it("leaves a global guard's statuses off the routes its own decorator lets through (@Public() with IS_PUBLIC_KEY)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-public-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'public.decorator.ts'),
      [
        "import { SetMetadata } from '@nestjs/common';",
        "export const IS_PUBLIC_KEY = 'isPublic';",
        'export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Body, Controller, Get, Module, Post } from '@nestjs/common';",
        "import { APP_GUARD } from '@nestjs/core';",
        "import { AuthenticationGuard } from './authentication.guard';",
        "import { Public } from './public.decorator';",
        "@Controller('iam')",
        'export class AuthenticationController {',
        '  @Public()',
        "  @Post('authenticate')",
        '  signIn(@Body() body: { email: string }) {',
        '    return body;',
        '  }',
        "  @Get('me')",
        '  me() {',
        '    return {};',
        '  }',
        '}',
        '@Module({',
        '  controllers: [AuthenticationController],',
        '  providers: [{ provide: APP_GUARD, useClass: AuthenticationGuard }],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
    );
    // solid-core's guards/authentication.guard.ts: the handler's IS_PUBLIC_KEY metadata lets a request through.
    await writeFile(
      join(dir, 'authentication.guard.ts'),
      [
        "import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';",
        "import { Reflector } from '@nestjs/core';",
        "import { IS_PUBLIC_KEY } from './public.decorator';",
        '@Injectable()',
        'export class AuthenticationGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  async canActivate(context: ExecutionContext): Promise<boolean> {',
        '    const isPublic = this.reflector.get(IS_PUBLIC_KEY, context.getHandler());',
        '    if (isPublic) {',
        '      return true;',
        '    }',
        '    if (!context.switchToHttp().getRequest().headers.authorization) throw new UnauthorizedException();',
        '    return true;',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['POST', '/iam/authenticate', ['AuthenticationGuard'], [201]],
      ['GET', '/iam/me', ['AuthenticationGuard'], [200, 401]],
    ]);
  });

  it("lets through only the routes whose metadata the guard reads: @Public() on the class passes a guard reading the handler's alone (get(KEY, context.getHandler())) nowhere", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-public-class-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { CanActivate, Controller, ExecutionContext, Get, Injectable, Module, SetMetadata, UnauthorizedException } from '@nestjs/common';",
        "import { APP_GUARD, Reflector } from '@nestjs/core';",
        "export const IS_PUBLIC_KEY = 'isPublic';",
        'export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);',
        '@Injectable()',
        'export class HandlerGuard implements CanActivate {',
        '  constructor(private readonly reflector: Reflector) {}',
        '  canActivate(context: ExecutionContext): boolean {',
        '    const isPublic = this.reflector.get(IS_PUBLIC_KEY, context.getHandler());',
        '    if (isPublic) return true;',
        '    if (!context.switchToHttp().getRequest().headers.authorization) throw new UnauthorizedException();',
        '    return true;',
        '  }',
        '}',
        '@Public()',
        "@Controller('health')",
        'export class HealthController {',
        '  @Get() check() { return {}; }',
        '}',
        "@Controller('docs')",
        'export class DocsController {',
        '  @Public()',
        '  @Get() read() { return {}; }',
        '}',
        '@Module({',
        '  controllers: [HealthController, DocsController],',
        '  providers: [{ provide: APP_GUARD, useClass: HandlerGuard }],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/health', [200, 401]], // the class's @Public() is not what the guard reads
      ['GET', '/docs', [200]],
    ]);
  });
});

describe('readRoutes on @koalarx/nest 4.4', () => {
  const src = join(fixtures, 'nest-dynamic-imports', 'src', 'host');

  it("follows the modules a project's dynamic module imports (JobsModule.register({ imports: [PersonModule] }))", async () => {
    const { routes, warnings } = await readRoutes(join(src, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.file.slice(src.length + 1)])).toEqual(
      [
        ['GET', '/health', [200], 'controllers/health-check/health-check.controller.ts'],
        ['POST', '/person', [201], 'controllers/person/create-person.controller.ts'],
        ['GET', '/person/:id', [200, 404], 'controllers/person/read-person.controller.ts'],
      ],
    );
    expect(warnings).toEqual([]);
  });

  it('reads the controllers a dynamic module returns (static forRoot(): DynamicModule { return { controllers } })', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-dynamic-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, DynamicModule, Get, Module } from '@nestjs/common';",
        "@Controller('metrics')",
        'class MetricsController {',
        '  @Get()',
        '  scrape() {',
        "    return '';",
        '  }',
        '}',
        '@Module({})',
        'class MetricsModule {',
        '  static forRoot(): DynamicModule {',
        '    return { module: MetricsModule, controllers: [MetricsController] };',
        '  }',
        '}',
        '@Module({ imports: [MetricsModule.forRoot()] })',
        'class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/metrics']]);
  });

  it('reads each call of a dynamic module: after a plain import of it, and each register() with its own list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-dynamic-calls-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, DynamicModule, Get, Module, Type } from '@nestjs/common';",
        "@Controller('person')",
        'class PersonController {',
        '  @Get()',
        '  list() {',
        '    return [];',
        '  }',
        '}',
        "@Controller('orders')",
        'class OrdersController {',
        '  @Get()',
        '  list() {',
        '    return [];',
        '  }',
        '}',
        "@Controller('invoices')",
        'class InvoicesController {',
        '  @Get()',
        '  list() {',
        '    return [];',
        '  }',
        '}',
        '@Module({ controllers: [PersonController] })',
        'class PersonModule {}',
        '@Module({ controllers: [OrdersController] })',
        'class OrdersModule {}',
        '@Module({})',
        'class JobsModule {',
        '  static register(options: { imports?: Type<unknown>[]; controllers?: Type<unknown>[] } = {}): DynamicModule {',
        '    return { module: JobsModule, imports: options.imports ?? [], controllers: options.controllers ?? [] };',
        '  }',
        '}',
        '@Module({',
        '  imports: [',
        '    JobsModule,',
        '    JobsModule.register({ imports: [PersonModule] }),',
        '    JobsModule.register({ imports: [OrdersModule, JobsModule.register({ imports: [PersonModule] })], controllers: [InvoicesController] }),',
        '  ],',
        '})',
        'class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/person'],
      ['GET', '/invoices'],
      ['GET', '/orders'],
    ]);
  });

  it('names a global guard the app resolves (app.useGlobalGuards(await app.resolve(AuthGuard))) and reads what it refuses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-resolved-guard-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, Get, Module } from '@nestjs/common';",
        "import { AuthGuard } from './auth.guard';",
        "@Controller('person')",
        'class ReadPersonController {',
        "  @Get(':id')",
        '  handle() {',
        '    return {};',
        '  }',
        '}',
        '@Module({ controllers: [ReadPersonController] })',
        'class AppModule {}',
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.useGlobalGuards(await app.resolve(AuthGuard));',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.guard.ts'),
      [
        "import { Injectable } from '@nestjs/common';",
        "import { AuthGuard as NestAuthGuard } from '@nestjs/passport';",
        '@Injectable()',
        "export class AuthGuard extends NestAuthGuard(['jwt', 'apikey']) {}",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/person/:id', ['AuthGuard'], [200, 401]],
    ]);
  });
});

describe('readRoutes on @modelcontextprotocol/sdk 1.32 examples', () => {
  const src = join(fixtures, 'mcp-express-app', 'src');

  it('reads what the entry registers on the Express app a function of the project made (const app = createMcpExpressApp(); app.post(…))', async () => {
    const { framework, routes } = await readRoutes(join(src, 'examples', 'server', 'simpleStreamableHttp.ts'));
    expect(framework).toBe('Express');
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/mcp', []],
      ['GET', '/mcp', [400]],
    ]);
  });

  it('reads the built example as Express, the framework of the module that makes its app, not Hono of an adapter imported first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-mcp-built-'));
    await writeFile(
      join(dir, 'streamableHttp.js'),
      [
        "import { getRequestListener } from '@hono/node-server';",
        'export class StreamableHTTPServerTransport {',
        '  listener = getRequestListener(async () => new Response(null, { status: 202 }));',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'express.js'),
      [
        "import express from 'express';",
        'export function createMcpExpressApp() {',
        '  const app = express();',
        '  app.use(express.json());',
        '  return app;',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'simpleStreamableHttp.js'),
      [
        "import { StreamableHTTPServerTransport } from './streamableHttp.js';",
        "import { createMcpExpressApp } from './express.js';",
        'const app = createMcpExpressApp();',
        "app.post('/mcp', async (req, res) => {",
        '  await new StreamableHTTPServerTransport().listener(req, res);',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { framework, routes } = await readRoutes(join(dir, 'simpleStreamableHttp.js'));
    expect(framework).toBe('Express');
    expect(routes.map((route) => [route.method, route.path])).toEqual([['POST', '/mcp']]);
  });
});

describe("a project's error class's status argument, in every framework", () => {
  /** Writes `files` (name → lines) to a new directory and reads the routes of its `entry`. */
  const routesOf = async (
    files: Record<string, string[]>,
    entry: string,
    row = (route: Route): unknown[] => [route.method, route.path, route.computedStatuses],
  ) => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-error-class-status-'));
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, entry));
    return routes.map(row);
  };
  // typescript-express-starter's class: the status first, then the message.
  const httpException = [
    'export class HttpException extends Error {',
    '  public status: number;',
    '  constructor(status: number, message: string) {',
    '    super(message);',
    '    this.status = status;',
    '  }',
    '}',
  ];

  it('shows the status a NestJS or inversify-express-utils handler hands HttpException(status, message), not the message', async () => {
    const nest = await routesOf(
      {
        'main.ts': [
          "import { NestFactory } from '@nestjs/core';",
          "import { Controller, Get, Module, Param } from '@nestjs/common';",
          "import { HttpException } from './http.exception';",
          "@Controller('users')",
          'class UsersController {',
          "  @Get(':id')",
          "  one(@Param('id') id: string) {",
          '    const { status, message } = lookup(id);',
          '    if (status !== 200) throw new HttpException(status, message);',
          '    return {};',
          '  }',
          '}',
          '@Module({ controllers: [UsersController] })',
          'class AppModule {}',
          'NestFactory.create(AppModule).then((app) => app.listen(3000));',
        ],
        'http.exception.ts': httpException,
      },
      'main.ts',
    );
    expect(nest).toEqual([['GET', '/users/:id', ['status']]]);
    const inversify = await routesOf(
      {
        'server.ts': [
          "import 'reflect-metadata';",
          "import { Container } from 'inversify';",
          "import { InversifyExpressServer } from 'inversify-express-utils';",
          "import './controllers';",
          'new InversifyExpressServer(new Container()).build().listen(3000);',
        ],
        'controllers.ts': [
          "import { BaseHttpController, controller, httpGet, requestParam } from 'inversify-express-utils';",
          "import { HttpException } from './http.exception';",
          "@controller('/users')",
          'export class Users extends BaseHttpController {',
          "  @httpGet('/:id') one(@requestParam('id') id: string) {",
          '    const { status, message } = lookup(id);',
          '    if (status !== 200) throw new HttpException(status, message);',
          '    return {};',
          '  }',
          '}',
        ],
        'http.exception.ts': httpException,
      },
      'server.ts',
    );
    expect(inversify).toEqual([['GET', '/users/:id', ['status']]]);
  });

  it('follows a status its constructor defaults (this.status = status ?? 500, || 500) to the argument', async () => {
    const routes = await routesOf(
      {
        'server.ts': [
          "import express from 'express';",
          "import { HttpException } from './http.exception';",
          "import { ApiError } from './api.error';",
          'const app = express();',
          "app.get('/users/:id', (req, res, next) => {",
          '  const { status, message } = lookup(req.params.id);',
          '  if (status !== 200) return next(new HttpException(status, message));',
          '  res.json({});',
          '});',
          "app.post('/signup', (req, res, next) => {",
          "  if (taken(req.body.email)) return next(new ApiError(101, 'Email taken', 409));",
          '  res.status(201).json({});',
          '});',
          'app.listen(3000);',
        ],
        'http.exception.ts': [
          'export class HttpException extends Error {',
          '  public status: number;',
          '  constructor(status: number, message: string) {',
          '    super(message);',
          '    this.status = status ?? 500;',
          '  }',
          '}',
        ],
        // `code` is the API's own error number; the status comes last.
        'api.error.ts': [
          'export class ApiError extends Error {',
          '  public code: number;',
          '  public statusCode: number;',
          '  constructor(code: number, message: string, statusCode?: number) {',
          '    super(message);',
          '    this.code = code;',
          '    this.statusCode = statusCode || 500;',
          '  }',
          '}',
        ],
      },
      'server.ts',
      (route) => [route.method, route.path, route.statuses, route.computedStatuses],
    );
    expect(routes).toEqual([
      ['GET', '/users/:id', [200], ['status']],
      ['POST', '/signup', [201, 409], undefined],
    ]);
  });

  it('shows the status a handler hands a project error class of any name (new ApiError(message, status)) as computed', async () => {
    const routes = await routesOf(
      {
        'server.ts': [
          "import express from 'express';",
          "import { ApiError } from './api.error';",
          'const app = express();',
          "app.get('/orders/:id', (req, res, next) => {",
          '  const { status, message } = check(req.params.id);',
          '  if (status !== 200) return next(new ApiError(message, status));',
          '  res.json({});',
          '});',
          'app.listen(3000);',
        ],
        'api.error.ts': [
          'export class ApiError extends Error {',
          '  constructor(message: string, public statusCode: number) {',
          '    super(message);',
          '  }',
          '}',
        ],
      },
      'server.ts',
      (route) => [route.method, route.path, route.statuses, route.computedStatuses],
    );
    expect(routes).toEqual([['GET', '/orders/:id', [200], ['status']]]);
    // A class that is no error keeps its status field to itself: `new Order(items, status)` sets no HTTP status.
    const orders = await routesOf(
      {
        'server.ts': [
          "import express from 'express';",
          "import { Order } from './order';",
          'const app = express();',
          "app.post('/orders', (req, res) => {",
          '  const order = new Order(req.body.items, req.body.status);',
          '  res.status(201).json(order);',
          '});',
          'app.listen(3000);',
        ],
        'order.ts': ['export class Order {', '  constructor(public items: string[], public status: string) {}', '}'],
      },
      'server.ts',
      (route) => [route.method, route.path, route.statuses, route.computedStatuses],
    );
    expect(orders).toEqual([['POST', '/orders', [201], undefined]]);
  });

  it('lists the status a constructor defaults to (this.statusCode = statusCode || 500) where new X(…) leaves it out', async () => {
    const routes = await routesOf(
      {
        'server.ts': [
          "import express from 'express';",
          "import { ApiError } from './api.error';",
          'const app = express();',
          "app.post('/signup', (req, res, next) => {",
          "  if (taken(req.body.email)) return next(new ApiError(101, 'Email taken', 409));",
          "  if (!mailer.ready) return next(new ApiError(102, 'Mailer down'));",
          '  res.status(201).json({});',
          '});',
          'app.listen(3000);',
        ],
        'api.error.ts': [
          'export class ApiError extends Error {',
          '  public code: number;',
          '  public statusCode: number;',
          '  constructor(code: number, message: string, statusCode?: number) {',
          '    super(message);',
          '    this.code = code;',
          '    this.statusCode = statusCode || 500;',
          '  }',
          '}',
        ],
      },
      'server.ts',
      (route) => [route.method, route.path, route.statuses],
    );
    expect(routes).toEqual([['POST', '/signup', [201, 409, 500]]]);
  });

  it("reads the status a class hands NestJS's HttpException named through a namespace import (extends common.HttpException)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-qualified-base-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, Module, Post } from '@nestjs/common';",
        "import { BusinessException } from './business.exception';",
        "@Controller('orders')",
        'class OrdersController {',
        "  @Post(':id/pay')",
        '  pay() {',
        "    if (paid) throw new BusinessException(409, 'Order already paid', 422);",
        '    return {};',
        '  }',
        '}',
        '@Module({ controllers: [OrdersController] })',
        'class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    // The first number is the API's own error code; the status is the third, handed to HttpException.
    await writeFile(
      join(dir, 'business.exception.ts'),
      [
        "import * as common from '@nestjs/common';",
        'export class BusinessException extends common.HttpException {',
        '  constructor(code: number, message: string, status = common.HttpStatus.BAD_REQUEST) {',
        '    super({ code, message }, status);',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/orders/:id/pay', [201, 422]],
    ]);
  });

  it("reads NestJS's exceptions imported under another name (HttpException as HttpError), as a base and thrown", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-aliased-base-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, Get, Module, NotFoundException as NotFound, Post } from '@nestjs/common';",
        "import { BusinessException, UserGone } from './errors';",
        "@Controller('orders')",
        'class OrdersController {',
        "  @Post(':id/pay')",
        '  pay() {',
        "    if (paid) throw new BusinessException(409, 'Order already paid', 422);",
        '    return {};',
        '  }',
        "  @Get(':id')",
        '  one() {',
        '    if (!found) throw new NotFound();',
        '    if (deleted) throw new UserGone();',
        '    return {};',
        '  }',
        '}',
        '@Module({ controllers: [OrdersController] })',
        'class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    // The first number is the API's own error code; the status is the third, handed to HttpException.
    await writeFile(
      join(dir, 'errors.ts'),
      [
        "import { GoneException as Gone, HttpException as HttpError, HttpStatus } from '@nestjs/common';",
        'export class BusinessException extends HttpError {',
        '  constructor(code: number, message: string, status = HttpStatus.BAD_REQUEST) {',
        '    super({ code, message }, status);',
        '  }',
        '}',
        'export class UserGone extends Gone {}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/orders/:id/pay', [201, 422]],
      ['GET', '/orders/:id', [200, 404, 410]],
    ]);
  });
});
