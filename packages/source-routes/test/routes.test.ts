/**
 * Real code through ts-morph: the fixture app (mounts across files, a default-exported router,
 * `.route()` chains, router-level and mount middleware, a router mounted in itself), the
 * example shop's five services against their own specs, and broken input.
 */
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { configFromObject, createTemplateRenderer, generatePageTree, loadConfig, validatePageTree } from '@docgen/core';
import { docgenFailure, repoRoot } from '@docgen/test-support';
import source, {
  compareWithSpec,
  extractRouteList,
  joinPaths,
  readRoutes,
  renderRoutes,
  serviceName,
  toOpenApiPath,
} from '@docgen/source-routes';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shop = join(fixtures, 'shop', 'src');

describe('extractRouteList on a NestJS app', () => {
  const workspace = join(fixtures, 'nest-workspace');
  const main = join(workspace, 'apps', 'api', 'src', 'main.ts');

  it('reads every controller the module tree reaches, through path aliases, barrels, forwardRef, RouterModule and URI versions', async () => {
    const routes = await extractRouteList(main);
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/health', [], [200]], // excluded from the global prefix
      ['GET', '/api/users', ["AuthGuard('jwt')"], [200, 401]], // passport's AuthGuard answers 401
      ['GET', '/api/users/:id', ["AuthGuard('jwt')"], [200, 401]],
      ['POST', '/api/users', ["AuthGuard('jwt')"], [201, 401]],
      ['DELETE', '/api/users/:id', ["AuthGuard('jwt')"], [204, 401]],
      ['PUT', '/api/users/:id', ["AuthGuard('jwt')", 'OwnerGuard'], [200, 401]],
      ['PUT', '/api/users/:id/profile', ["AuthGuard('jwt')", 'OwnerGuard'], [200, 401]],
      ['GET', '/api/teams/all', [], [200]], // its own list() overrides the inherited one
      ['DELETE', '/api/teams/:id', [], [404, 410]], // inherited; @Res(): what it sets itself
      ['PATCH', '/api/v1/orders/:id', [], [301]], // URI versioning: the controller's version
      ['GET', '/api/v2/admin/stats', ['StaffGuard'], [200]], // the method's versions
      ['GET', '/api/v3/admin/stats', ['StaffGuard'], [200]],
      ['GET', '/api/admin/reports', [], [200]], // a RouterModule child given as a class
      ['POST', '/api/files/presign', [], [201]], // either module a const picks at run time
      ['GET', '/api/files/:path', [], [200]],
    ]);
    const users = join(workspace, 'libs', 'users', 'src', 'lib', 'users.controller.ts');
    expect(routes[1]).toMatchObject({ summary: 'List users, newest first.', file: users, line: 10 });
    expect(routes[2]!.summary).toBe('One user by id'); // from @ApiOperation
    expect(routes[0]!.summary).toBe('Liveness probe for the load balancer.');
    expect(routes[6]!.openapiPath).toBe('/api/users/{id}/profile');
    expect(routes[8]!.file).toBe(join(workspace, 'libs', 'users', 'src', 'lib', 'crud.controller.ts'));
    expect(routes[12]!.summary).toBe('Monthly reports'); // @ApiOperation({ title })
    expect(serviceName(main)).toBe('api');
  });

  it('shows MiddlewareConsumer middleware on the routes it applies to (controllers, path patterns, methods, exclude), and warns of what it cannot read', async () => {
    const src = join(fixtures, 'nest-middleware', 'src');
    const { routes, warnings } = await readRoutes(join(src, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/api/cats', ['LoggerMiddleware']], // excluded: { path: 'cats', method: GET }
      ['POST', '/api/cats', ['LoggerMiddleware', 'AuthMiddleware', 'RolesGuard']], // middleware before guards
      ['GET', '/api/cats/public/photos', ['LoggerMiddleware']], // excluded: 'cats/public/(.*)'
      ['GET', '/api/users', ['LoggerMiddleware']],
      ['GET', '/api/users/:id', ['LoggerMiddleware', 'RateLimit']], // 'users/*splat'
      ['PUT', '/api/users/:id', ['LoggerMiddleware', 'RateLimit']],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_MIDDLEWARE_UNKNOWN', { file: join(src, 'app.module.ts'), line: 15 }], // applyAudit(consumer)
      ['DG_ROUTES_MIDDLEWARE_UNKNOWN', { file: join(src, 'users.module.ts'), line: 11 }], // forRoutes(...routes)
    ]);
  });

  it("counts what a route's guards refuse with (@UseGuards, useGlobalGuards, APP_GUARD): passport's AuthGuard 401, a canActivate that can return false 403, what it throws", async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'nest-guards', 'src', 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      // app.useGlobalGuards(new MaintenanceGuard()) throws ServiceUnavailableException: 503 on every route;
      // so does the APP_GUARD provider ThrottleGuard, HttpStatus.TOO_MANY_REQUESTS: 429
      ['GET', '/accounts', ['new MaintenanceGuard()', 'ThrottleGuard', 'JwtAuthGuard'], [200, 401, 429, 503]], // extends AuthGuard('jwt')
      // AdminGuard returns roles.some(…): it can refuse, 403
      [
        'DELETE',
        '/accounts/:id',
        ['new MaintenanceGuard()', 'ThrottleGuard', 'JwtAuthGuard', 'AdminGuard'],
        [200, 401, 403, 429, 503],
      ],
      ['GET', '/reports', ['new MaintenanceGuard()', 'ThrottleGuard', 'new ApiKeyGuard()'], [200, 401, 429, 503]], // throws, else true
      ['POST', '/reports', ['new MaintenanceGuard()', 'ThrottleGuard', "AuthGuard('jwt')"], [201, 401, 429, 503]],
      ['GET', '/reports/public', ['new MaintenanceGuard()', 'ThrottleGuard'], [200, 429, 503]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts what Nest's pipes refuse a request with: a parse pipe on a parameter (ParseIntPipe, new ParseUUIDPipe({ errorHttpStatusCode })), and a ValidationPipe (useGlobalPipes, @UsePipes, APP_PIPE) where the route takes a DTO class", async () => {
    const write = async (dir: string, files: Record<string, string[]>) => {
      for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    };
    const main = (setup: string[]) => [
      "import { NestFactory } from '@nestjs/core';",
      "import { ValidationPipe } from '@nestjs/common';",
      "import { AppModule } from './app.module';",
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      ...setup,
      '  await app.listen(3000);',
      '}',
      'bootstrap();',
    ];
    const dtos = {
      'create-user.dto.ts': ['export class CreateUserDto {', '  name!: string;', '}'],
      'user-filter.ts': ['export interface UserFilter {', '  role?: string;', '}'],
    };
    // A global ValidationPipe, and parse pipes on parameters.
    const global = await mkdtemp(join(tmpdir(), 'docgen-nest-pipes-'));
    await write(global, {
      ...dtos,
      'main.ts': main(['  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));']),
      'app.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { UsersController } from './users.controller';",
        '@Module({ controllers: [UsersController] })',
        'export class AppModule {}',
      ],
      'users.controller.ts': [
        "import { Body, Controller, Delete, Get, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';",
        "import { CreateUserDto } from './create-user.dto';",
        "import type { UserFilter } from './user-filter';",
        "@Controller('users')",
        'export class UsersController {',
        '  @Get()',
        '  list(@Query() filter: UserFilter) { return []; }',
        "  @Get('search')",
        "  search(@Query('q') q: string) { return []; }",
        "  @Get(':id')",
        "  find(@Param('id', ParseIntPipe) id: number) { return { id }; }",
        '  @Post()',
        '  create(@Body() dto: CreateUserDto) { return dto; }',
        "  @Delete(':uuid')",
        "  remove(@Param('uuid', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: HttpStatus.NOT_ACCEPTABLE })) uuid: string) {}",
        '}',
      ],
    });
    const globally = await readRoutes(join(global, 'main.ts'));
    expect(globally.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users', [200]], // an interface: nothing for ValidationPipe to validate
      ['GET', '/users/search', [200]], // a string: neither
      ['GET', '/users/:id', [200, 400]], // ParseIntPipe
      ['POST', '/users', [201, 400]], // the global ValidationPipe, on a DTO class
      ['DELETE', '/users/:uuid', [200, 406]], // the pipe's errorHttpStatusCode
    ]);
    expect(globally.warnings).toEqual([]);
    // No global pipe: a controller's @UsePipes, and a module's APP_PIPE provider.
    const scoped = await mkdtemp(join(tmpdir(), 'docgen-nest-pipes-'));
    await write(scoped, {
      ...dtos,
      'main.ts': main([]),
      'app.module.ts': [
        "import { Module, ValidationPipe } from '@nestjs/common';",
        "import { APP_PIPE } from '@nestjs/core';",
        "import { AccountsController, UsersController } from './users.controller';",
        '@Module({ controllers: [UsersController] })',
        'export class UsersModule {}',
        '@Module({',
        '  controllers: [AccountsController],',
        '  imports: [UsersModule],',
        '  providers: [{ provide: APP_PIPE, useClass: ValidationPipe }],',
        '})',
        'export class AppModule {}',
      ],
      'users.controller.ts': [
        "import { Body, Controller, HttpStatus, Param, Post, Put, UsePipes, ValidationPipe } from '@nestjs/common';",
        "import { CreateUserDto } from './create-user.dto';",
        "@Controller('users')",
        '@UsePipes(new ValidationPipe({ errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY }))',
        'export class UsersController {',
        "  @Put(':id')",
        "  rename(@Param('id') id: string, @Body() dto: CreateUserDto) { return dto; }",
        '}',
        "@Controller('accounts')",
        'export class AccountsController {',
        '  @Post()',
        '  open(@Body() dto: CreateUserDto) { return dto; }',
        "  @Post(':id/close')",
        "  close(@Param('id') id: string) { return { id }; }",
        '}',
      ],
    });
    const { routes, warnings } = await readRoutes(join(scoped, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/accounts', [201, 400]], // APP_PIPE
      ['POST', '/accounts/:id/close', [201]], // no DTO
      ['PUT', '/users/:id', [200, 400]], // APP_PIPE's ValidationPipe runs first: the controller's 422 is never reached
    ]);
    expect(warnings).toEqual([]);
  });

  it("counts what guards made by a call refuse with (Nest's mixins, RoleGuard(Role.Admin) returning mixin(…)) and APP_GUARD providers given by useExisting or useFactory", async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'nest-guard-factories', 'src', 'main.ts'));
    // APP_GUARD: useExisting: JwtAuthGuard (extends AuthGuard('jwt'): 401), useFactory: () => new ThrottleGuard(…) (429)
    const global = ['JwtAuthGuard', 'ThrottleGuard'];
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/projects', global, [200, 401, 429]],
      // a mixin class declared in the factory, whose canActivate returns roles.includes(role): 403
      ['POST', '/projects', [...global, 'RoleGuard(Role.Admin)'], [201, 401, 403, 429]],
      // a class expression in mixin(…), whose canActivate throws ForbiddenException
      ['DELETE', '/projects/:id', [...global, "ScopeGuard('projects:delete')"], [204, 401, 403, 429]],
      ['GET', '/projects/export', [...global, "AuthGuard('api-key')"], [200, 401, 429]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads a handler's own calls in its body only: a project decorator that throws when the class is declared (@Roles, @Audited) adds no status; guards and @HttpCode still count", async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'nest-decorators', 'src', 'main.ts'));
    // Roles(…) and Audited(…) throw ConfigurationError (an InternalServerErrorException) for a wrong
    // argument: at start-up, not in a request, so no 500. RolesGuard can refuse (403); findOne throws 404.
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/articles', ['RolesGuard'], [200, 403]],
      ['GET', '/articles/:id', ['RolesGuard'], [200, 400, 403, 404]], // ParseIntPipe: 400 (the ValidationPipe has no DTO)
      ['DELETE', '/articles/:id', ['RolesGuard'], [204, 400, 403, 404]], // @HttpCode(HttpStatus.NO_CONTENT); remove() calls findOne
    ]);
    expect(warnings).toEqual([]);
  });

  it('lists only @HttpCode for a handler that returns void or Promise<void> (no 404 for the undefined result: that is routing-controllers, not Nest), beside what its service throws', async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'nest-void', 'src', 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]], // findOne throws NotFoundException
      ['DELETE', '/users/:id', [204, 404]], // remove() calls findOne
      ['DELETE', '/users', [204]], // @HttpCode(HttpStatus.NO_CONTENT), Promise<void>
      ['PUT', '/users/:id/seen', [204]], // returns the service's Promise<void>
      ['POST', '/users/:id/welcome', [201]],
      ['POST', '/users/ping', [204]], // an empty void body
    ]);
    expect(warnings).toEqual([]);
  });

  it('follows an import written as an absolute path to the module it names', async () => {
    // Not portable, but TypeScript compiles it, and generated entries (a test harness's, a bench's) write it.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        `import { AppModule } from '${join(dir, 'app.module')}';`,
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('health')",
        'export class HealthController {',
        '  @Get() check() {}',
        '}',
        '@Module({ controllers: [HealthController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/health']]);
  });

  it("shows main.ts's app.use() middleware and global guards on every route, and honours the prefix's exclude patterns and URI versions", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { RequestMethod } from '@nestjs/common';",
        "import helmet from 'helmet';",
        "import { AppModule } from './app.module';",
        "import { setupSecurity } from './setup';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create<NestExpressApplication>(AppModule);',
        '  app.use(helmet());',
        "  if (process.env.NODE_ENV !== 'production') app.use(morgan('dev')); // shown with its condition",
        "  app.use('/api/admin', basicAuth);",
        '  setupSecurity(app);',
        '  app.useGlobalGuards(new ThrottlerGuard());',
        "  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }, 'auth/(.*)'] });",
        '  app.enableVersioning();',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'setup.ts'),
      'export function setupSecurity(server: INestApplication) {\n  server.use(compression());\n}\n',
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module, Post, Version, VERSION_NEUTRAL } from '@nestjs/common';",
        "@Controller('health')",
        'export class HealthController {',
        '  @Get() check() {}',
        '  @Post() ping() {}',
        '}',
        "@Controller('auth')",
        'export class AuthController {',
        "  @Post('login') login() {}",
        '}',
        "@Controller({ path: 'cats', version: [VERSION_NEUTRAL, '1'] })",
        'export class CatsController {',
        '  @Get() list() {}',
        "  @Version('2') @Get(':id') one() {}",
        '}',
        "@Controller('admin')",
        'export class AdminController {',
        "  @Get('stats') stats() {}",
        '}',
        '@Module({ controllers: [HealthController, AuthController, CatsController, AdminController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    const dev = "morgan('dev') (when process.env.NODE_ENV !== 'production')";
    const global = ['helmet()', dev, 'compression()', 'new ThrottlerGuard()'];
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/health', global], // excluded for GET only
      ['POST', '/api/health', global],
      ['POST', '/auth/login', global], // excluded by the pattern 'auth/(.*)'
      ['GET', '/api/cats', global], // VERSION_NEUTRAL
      ['GET', '/api/v1/cats', global],
      ['GET', '/api/v2/cats/:id', global], // the method's @Version
      ['GET', '/api/admin/stats', ['helmet()', dev, 'basicAuth', 'compression()', 'new ThrottlerGuard()']],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the prefix and versioning a function main.ts hands the app to sets (chained), and paths and versions held in consts; warns of computed paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { configure } from './setup';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  configure(app);',
        '  await app.listen(3000);',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'setup.ts'),
      [
        "import { VersioningType } from '@nestjs/common';",
        "import { API_VERSIONS } from './constants';",
        'export function configure(app: INestApplication) {',
        "  app.setGlobalPrefix('api').enableVersioning({ type: VersioningType.URI, defaultVersion: API_VERSIONS.default });",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'constants.ts'),
      "export const API_VERSIONS = { default: '1', next: '2' };\nexport const ROUTES = { cats: 'cats' } as const;\n",
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module, Post, Res, Version } from '@nestjs/common';",
        "import { API_VERSIONS, ROUTES } from './constants';",
        'const ONE = ":id";',
        '@Controller(ROUTES.cats)',
        'export class CatsController {',
        '  @Get() list() {}',
        '  @Version(API_VERSIONS.next) @Get(ONE) one() {}',
        '  @Get(process.env.EXTRA) extra() {}',
        "  @Post('login') login(@Res({ passthrough: true }) res) { if (!ok) res.status(400); }",
        "  @Post('logout') logout(@Res() res) { res.status(204).send(); }",
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/api/v1/cats', [200]],
      ['GET', '/api/v2/cats/:id', [200]],
      ['POST', '/api/v1/cats/login', [201, 400]], // passthrough: Nest's own status unless the handler sets one
      ['POST', '/api/v1/cats/logout', [204]],
    ]);
    expect(warnings.map((warning) => [warning.code, basename(warning.location!.file), warning.location?.line])).toEqual(
      [['DG_ROUTES_COMPUTED_PATH', 'app.module.ts', 8]],
    );
  });

  it("lists a controller once where a dynamic module's forRoot() returns the controllers its @Module lists too", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule);\n",
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, DynamicModule, Get, Module } from '@nestjs/common';",
        "@Controller('metrics')",
        'export class MetricsController {',
        '  @Get() read() { return {}; }',
        '}',
        '@Module({ controllers: [MetricsController] })',
        'export class MetricsModule {',
        '  static forRoot(): DynamicModule {',
        '    return { module: MetricsModule, controllers: [MetricsController], providers: [] };',
        '  }',
        '}',
        '@Module({ imports: [MetricsModule.forRoot()] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    // Nest registers a module's controller once, however many times its metadata lists it.
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/metrics']]);
  });

  it("adds the statuses of the exceptions a controller method throws (Nest's NotFoundException, HttpException with a status)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule);\n",
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, HttpException, HttpStatus, Module, NotFoundException, Post } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        "  @Get(':id') one() { const cat = find(); if (!cat) throw new NotFoundException('no such cat'); return cat; }",
        "  @Post() add() { if (full) throw new HttpException('Too many cats', HttpStatus.TOO_MANY_REQUESTS); }",
        '  @Get() list() { return all(); }',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/cats/:id', [200, 404]],
      ['POST', '/cats', [201, 429]],
      ['GET', '/cats', [200]],
    ]);
  });

  it('says a status a controller method computes at run time is computed: an HttpException given one, res.status(x) with @Res()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule);\n",
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Body, Controller, Get, HttpException, HttpStatus, Module, Post, Res } from '@nestjs/common';",
        "import { handleError } from './errors';",
        "@Controller('jobs')",
        'export class JobsController {',
        "  @Get(':id') one() { try { return run(); } catch (err) { throw new HttpException(err.message, err.status); } }",
        '  @Get() list(@Res() res) { res.status(result.code).json([]); }',
        "  @Get('other/:id') other(status) { return status; } // a parameter named status sets nothing",
        '  @Post() create(@Body() body, @Res() res) { try { res.status(HttpStatus.CREATED).json({}); } catch (error) { handleError(res, error); } }',
        '}',
        '@Module({ controllers: [JobsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'errors.ts'),
      [
        "import { HttpException, HttpStatus } from '@nestjs/common';",
        'export function handleError(res, error) {',
        '  if (error instanceof HttpException) res.status(error.getStatus()).json({});',
        '  else res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({});',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['GET', '/jobs/:id', [200], ['err.status']],
      ['GET', '/jobs', [], ['result.code']], // not Nest's 200: the handler sets the status itself,
      ['GET', '/jobs/other/:id', [200], undefined],
      ['POST', '/jobs', [201, 500], ['error.getStatus()']], // and what handleError(res, error) sets
    ]);
  });

  it("warns where a module names a controller or module docgen cannot find (a missing file, a package's controller)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import helmet from 'helmet';",
        "import { json } from 'express';",
        "import * as bodyParser from 'body-parser';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.use(json({ limit: '1mb' }), bodyParser.urlencoded({ extended: true })); // body parsers: not shown",
        '  app.use(helmet({',
        '    // not needed for an API',
        '    hsts: false,',
        '  }));',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "import { ConfigModule } from '@nestjs/config';",
        "import { PrometheusController } from '@willsoto/nestjs-prometheus';",
        "import { AppController } from './app.controller';",
        "import { DatabaseModule } from './database/database.module';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get() list() {}',
        '}',
        '@Module({',
        '  imports: [ConfigModule.forRoot(), DatabaseModule],',
        '  controllers: [CatsController, AppController, PrometheusController, ...adminControllers],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    // The middleware as written, less its comments (and body parsers, as for Express).
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/cats', ['helmet({ hsts: false, })']],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        12,
        "controller AppController is imported from './app.controller', which has no file docgen finds: its routes are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        12,
        "controller PrometheusController comes from the package '@willsoto/nestjs-prometheus': its routes are not read",
      ],
      ['DG_ROUTES_PLUGIN_UNREAD', 12, 'controllers entry ...adminControllers is not read: its routes are not listed'],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        11,
        "module DatabaseModule is imported from './database/database.module', which has no file docgen finds: its routes are not read",
      ],
    ]);
  });

  it("lists SwaggerModule.setup's UI and its JSON and YAML documents as package rows, outside the global prefix unless useGlobalPrefix, and packages main.ts mounts with app.use", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';",
        "import helmet from 'helmet';",
        "import rateLimit from 'express-rate-limit';",
        "import Agendash from 'agendash';",
        "import { AppModule } from './app.module';",
        "const v2Options = { useGlobalPrefix: true, customSiteTitle: 'v2' };",
        'function setupSwagger(app) {',
        '  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());',
        "  SwaggerModule.setup('docs', app, document);",
        "  SwaggerModule.setup('v2/docs', app, document, v2Options);",
        "  SwaggerModule.setup('ref', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });",
        '  SwaggerModule.setup(process.env.DOCS_PATH, app, document);',
        '}',
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.setGlobalPrefix('api');",
        '  app.use(helmet());',
        '  setupSwagger(app);',
        "  app.use('/api', rateLimit({ max: 100 })); // guards the routes under /api: not a row",
        "  app.use('/dash', Agendash({}));",
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get() list() {}',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.servedBy, r.line])).toEqual([
      ['ALL', '/docs/*', ['helmet()'], '@nestjs/swagger', 10], // not under /api: Nest's default
      ['GET', '/docs-json', ['helmet()'], '@nestjs/swagger', 10], // the document, beside the UI
      ['GET', '/docs-yaml', ['helmet()'], '@nestjs/swagger', 10],
      ['ALL', '/api/v2/docs/*', ['helmet()'], '@nestjs/swagger', 11], // useGlobalPrefix: true
      ['GET', '/api/v2/docs-json', ['helmet()'], '@nestjs/swagger', 11],
      ['GET', '/api/v2/docs-yaml', ['helmet()'], '@nestjs/swagger', 11],
      ['ALL', '/ref/*', ['helmet()'], '@nestjs/swagger', 12],
      ['GET', '/openapi.json', ['helmet()'], '@nestjs/swagger', 12], // jsonDocumentUrl; raw: no YAML
      ['ALL', '/dash/*', ['helmet()'], 'agendash', 21],
      ['GET', '/api/cats', ['helmet()', 'rateLimit({ max: 100 })'], undefined, 4],
    ]);
    expect(routes.slice(0, 3).map((r) => r.summary)).toEqual([
      'Served by `SwaggerModule.setup` (package `@nestjs/swagger`): the Swagger UI; its routes are not read',
      'Served by `SwaggerModule.setup` (package `@nestjs/swagger`): the OpenAPI document as JSON',
      'Served by `SwaggerModule.setup` (package `@nestjs/swagger`): the OpenAPI document as YAML',
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        13,
        'SwaggerModule.setup(process.env.DOCS_PATH, …) serves the API docs at a path computed at run time: it is not listed',
      ],
    ]);
  });

  it('follows SwaggerModule.setup into a class method main.ts hands the app to (static or of an instance) and into create(…).then((app) => …), and warns of one it does not reach', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { SwaggerConfig } from './swagger.config';",
        "import { Docs } from './docs';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  SwaggerConfig.setup(app);',
        '  new Docs().mount(app);',
        '  new Docs(app).internal();',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'swagger.config.ts'),
      [
        "import { SwaggerModule } from '@nestjs/swagger';",
        'export class SwaggerConfig {',
        '  static setup(app) {',
        "    SwaggerModule.setup('docs', app, {});",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'docs.ts'),
      [
        "import { SwaggerModule } from '@nestjs/swagger';",
        'export class Docs {',
        '  constructor(private readonly app?) {}',
        '  mount(app) {',
        "    SwaggerModule.setup('reference', app, {});",
        '  }',
        '  internal() {',
        "    SwaggerModule.setup('internal-docs', this.app, {});",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get() list() {}',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.filter((r) => r.method === 'ALL').map((r) => [r.path, basename(r.file), r.line])).toEqual([
      ['/docs/*', 'swagger.config.ts', 4],
      ['/reference/*', 'docs.ts', 5],
    ]);
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DOCS_UNREAD',
        'docs.ts',
        8,
        "SwaggerModule.setup('internal-docs', …) is not called on the app main.ts creates as docgen follows it (main.ts, or a function or method main.ts hands the app to): the docs it serves are not listed",
      ],
    ]);
    // The app a promise hands on: `NestFactory.create(AppModule).then((app) => …)`.
    await writeFile(
      join(dir, 'then.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { SwaggerModule } from '@nestjs/swagger';",
        "import { AppModule } from './app.module';",
        'NestFactory.create(AppModule).then((app) => {',
        "  app.setGlobalPrefix('api');",
        "  SwaggerModule.setup('docs', app, {});",
        '  return app.listen(3000);',
        '});',
      ].join('\n'),
    );
    const then = await readRoutes(join(dir, 'then.ts'));
    expect(then.routes.map((r) => [r.method, r.path])).toEqual([
      ['ALL', '/docs/*'],
      ['GET', '/docs-json'],
      ['GET', '/docs-yaml'],
      ['GET', '/api/cats'],
    ]);
    expect(then.warnings).toEqual([]);
  });

  it("reads what main.ts registers on the adapter's instance (app.getHttpAdapter().getInstance()), outside the global prefix, as brocoders/nestjs-boilerplate serves /themes", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import * as express from 'express';",
        "import helmet from 'helmet';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.setGlobalPrefix('api');",
        '  app.use(helmet());',
        '  const expressApp = app.getHttpAdapter().getInstance();',
        "  expressApp.set('view engine', 'hbs'); // a setting, not a route",
        "  expressApp.use('/themes', express.static('themes'));",
        '  // Liveness probe',
        "  expressApp.get('/healthz', (req, res) => res.status(204).end());",
        "  app.getHttpAdapter().getInstance().post('/hooks', verify, (req, res) => res.sendStatus(202));",
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get() list() {}',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.servedBy, r.summary, r.line])).toEqual([
      [
        'ALL',
        '/themes/*',
        ['helmet()'],
        [],
        'express',
        "Served by `express.static('themes')` (package `express`): its routes are not read",
        11,
      ],
      ['GET', '/healthz', ['helmet()'], [204], undefined, 'Liveness probe', 13],
      ['POST', '/hooks', ['helmet()', 'verify'], [202], undefined, undefined, 14],
      ['GET', '/api/cats', ['helmet()'], [200], undefined, undefined, 4],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads RouterModule routes and imports held in consts (spread too), warns of routes built at run time, and Swagger at / from @nestjs/swagger/dist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { VersioningType } from '@nestjs/common';",
        "import { SwaggerModule } from '@nestjs/swagger/dist';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.enableVersioning({ type: VersioningType.URI, prefix: 'api/v', defaultVersion: ['1'] });",
        "  SwaggerModule.setup('/', app, {});",
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'features.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('info')",
        'export class VersionController { @Get() get() {} }',
        '@Module({ controllers: [VersionController] })',
        'export class VersionModule {}',
        '@Controller()',
        "export class UserController { @Get(':id') one() {} }",
        '@Module({ controllers: [UserController] })',
        'export class UserModule {}',
        "@Controller('parts')",
        'export class PartsController { @Get() list() {} }',
        '@Module({ controllers: [PartsController] })',
        'export class PartsModule {}',
        'export const featureModules = [VersionModule, UserModule] as const;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Module } from '@nestjs/common';",
        "import { RouterModule, Routes } from '@nestjs/core';",
        "import { featureModules, PartsModule, UserModule, VersionModule } from './features';",
        'const routes: Routes = [',
        "  { path: 'version', module: VersionModule },",
        "  { path: 'user', module: UserModule },",
        '];',
        'const legacy: any[] = [PartsModule];',
        '@Module({',
        '  imports: [',
        '    RouterModule.register(routes),',
        "    RouterModule.register(legacy.map((module) => ({ path: '/legacy', module }))),",
        '    ...featureModules,',
        '    ...legacy,',
        '    ...modulesFor(process.env.NODE_ENV),',
        '  ],',
        '})',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((r) => [r.method, r.path, r.servedBy])).toEqual([
      ['ALL', '/*', '@nestjs/swagger'], // before the controllers, and guarding none of them
      ['GET', '/-json', '@nestjs/swagger'], // `${path}-json`, as Nest serves it for '/'
      ['GET', '/-yaml', '@nestjs/swagger'],
      ['GET', '/api/v1/version/info', undefined],
      ['GET', '/api/v1/user/:id', undefined],
      ['GET', '/api/v1/parts', undefined], // its RouterModule path is not known
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PREFIX_UNKNOWN',
        12,
        "RouterModule routes legacy.map((module) => ({ path: '/legac… are built at run time: the paths they give modules are not read, and their routes are shown without them",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        15,
        'imports entry ...modulesFor(process.env.NODE_ENV) is not read: the modules it adds, and their routes, are not listed',
      ],
    ]);
  });

  it('renders the page naming NestJS as what registers the routes', async () => {
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const model = { service: 'api', entry: main, framework: 'NestJS' as const, routes: await extractRouteList(main) };
    const [page] = renderRoutes(model, templates, { cwd: workspace }).pages;
    expect(page!.markdown).toContain('15 routes, in the order NestJS registers them.');
    expect(page!.markdown).toContain(
      "| PUT | `/api/users/:id/profile` | `AuthGuard('jwt')`, `OwnerGuard` | 200, 401 | `libs/users/src/lib/users.controller.ts:32` |",
    );
  });
});

describe('readRoutes: CommonJS apps, and what the code does not say', () => {
  it("counts what a route's own middleware sends before its handler (requireAuth's 401, next(createError(403))), named or made by a factory of the project (requireRole('auditor'))", async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'express-guards', 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/me', [200, 401]],
      ['DELETE', '/accounts/:id', [204, 401, 403]], // a list of middleware
      ['POST', '/events', [201]], // logRequest only calls next()
      ['GET', '/audit', [200, 403]], // requireRole('auditor') returns an arrow: res.sendStatus(403)
      // requireScope(…) returns function checkScope (next(createError(403))), limitRequests(10) its inner limiter (429)
      ['POST', '/exports', [202, 401, 403, 429]],
      // cached(60) returns a package's middleware: not read; rateLimit is express-rate-limit's, a well-known 429
      ['GET', '/catalog', [200, 429]],
      ['GET', '/ops/queues', [200, 403]], // app.use('/ops', requireRole('ops'))
    ]);
    expect(warnings).toEqual([]);
  });

  it('counts what use() middleware of the project sends on the routes registered after it, on that app or router and under its path', async () => {
    const { routes, warnings } = await readRoutes(join(fixtures, 'express-use-guards', 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/health', [200]], // registered before app.use(requireAuth)
      ['GET', '/me', [200, 401]],
      ['GET', '/admin/stats', [200, 401, 403]], // app.use('/admin', requireAdmin, adminRouter)
      ['DELETE', '/admin/users/:id', [204, 401, 403, 429]], // after adminRouter.use(rateLimited)
      ['GET', '/reports/monthly', [200, 401, 403]], // app.use('/reports', requireAdmin)
      ['GET', '/invoices', [200, 401]], // not under /reports
    ]);
    expect(warnings).toEqual([]);
  });

  it('follows the app an entry starts, require(…)(app) registrars, #subpath imports, and a literal route table mounted in a loop', async () => {
    const app = join(fixtures, 'cjs-app');
    const { framework, routes, warnings } = await readRoutes(join(app, 'server.js'));
    expect(framework).toBe('Express');
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses])).toEqual([
      ['GET', '/health', [], [204]],
      ['GET', '/login', [], [200]],
      ['POST', '/users/session', ["passport.authenticate('local')"], [302]], // res.redirect('/')
      ['GET', '/docs', [], [204]], // the literal `const table`, mounted in a forEach
    ]);
    expect(routes[1]).toMatchObject({ summary: 'Sign-in page.', file: join(app, 'routes.js'), line: 3 });
    expect(warnings).toEqual([]);
  });

  it("reads an app a class keeps in a member (TypeScript boilerplate's class App), started from another module", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import users from './users';",
        'class App {',
        '  public app: express.Application;',
        '  public admin = express.Router();',
        '  constructor() {',
        '    this.app = express();',
        '    this.routes();',
        '  }',
        '  private routes(): void {',
        "    this.admin.get('/stats', (_req, res) => res.json({}));",
        "    this.app.use('/api/users', users);",
        "    this.app.use('/admin', this.admin);",
        "    this.app.get('/health', (_req, res) => res.sendStatus(204));",
        '  }',
        '}',
        'export default new App().app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.get('/', (_req, res) => res.json([]));",
        'export default router;',
      ].join('\n'),
    );
    await writeFile(join(dir, 'server.ts'), ["import app from './app';", 'app.listen(3000);'].join('\n'));
    const { framework, routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(framework).toBe('Express');
    expect(routes.map((r) => [r.method, r.path, r.statuses, `${basename(r.file)}:${r.line}`])).toEqual([
      ['GET', '/api/users', [200], 'users.ts:3'],
      ['GET', '/admin/stats', [200], 'app.ts:11'],
      ['GET', '/health', [204], 'app.ts:14'],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads a route class's paths built from its own constant field (`${this.path}/:id`), and its router exported as `new AccountsRoute().router`", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'accounts.route.ts'),
      [
        "import { Router } from 'express';",
        'class AccountsRoute {',
        "  public path = '/accounts';",
        '  public router = Router();',
        '  constructor() {',
        '    this.mount();',
        '  }',
        '  private mount() {',
        '    this.router.get(`${this.path}`, (_req, res) => res.json([]));',
        '    this.router.get(`${this.path}/:id(\\\\d+)`, (_req, res) => res.json({}));',
        "    this.router.delete(this.path + '/:id', (_req, res) => res.sendStatus(204));",
        '  }',
        '}',
        'export default new AccountsRoute().router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'moving.route.ts'),
      [
        "import { Router } from 'express';",
        'export class MovingRoute {',
        "  public path = '/first';",
        '  public router = Router();',
        '  constructor() {',
        "    this.path = '/second';",
        '    this.router.get(`${this.path}/x`, (_req, res) => res.json([]));',
        '  }',
        '}',
        'export const moving = new MovingRoute().router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import accounts from './accounts.route';",
        "import { moving } from './moving.route';",
        'const app = express();',
        "app.use('/api', accounts);",
        "app.use('/m', moving);",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses, `${basename(r.file)}:${r.line}`])).toEqual([
      ['GET', '/api/accounts', [200], 'accounts.route.ts:9'],
      ['GET', '/api/accounts/:id(\\d+)', [200], 'accounts.route.ts:10'],
      ['DELETE', '/api/accounts/:id', [204], 'accounts.route.ts:11'],
    ]);
    // A field the class assigns again is no constant: its path is computed, and said so.
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location!.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 'moving.route.ts', 7],
    ]);
  });

  it("mounts every route class handed to class App's constructor (typescript-express-starter: new App([new UsersRoute()]), routes.forEach((route) => this.app.use('/', route.router))), through tsconfig paths", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await mkdir(join(dir, 'src', 'routes'), { recursive: true });
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: 'src', paths: { '@/*': ['*'], '@routes/*': ['routes/*'] } } }),
    );
    await writeFile(
      join(dir, 'src', 'routes', 'members.route.ts'),
      [
        "import { Router } from 'express';",
        'export class MembersRoute {',
        "  public path = '/members';",
        '  public router = Router();',
        '  constructor() {',
        '    this.initializeRoutes();',
        '  }',
        '  private initializeRoutes() {',
        '    this.router.get(`${this.path}`, (_req, res) => res.json([]));',
        '    this.router.post(`${this.path}/:id/ban`, (_req, res) => res.sendStatus(204));',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'src', 'routes', 'status.route.ts'),
      [
        "import { Router } from 'express';",
        'export default class StatusRoute {',
        '  public router = Router();',
        '  constructor() {',
        "    this.router.get('/status', (_req, res) => res.json({}));",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'src', 'app.ts'),
      [
        "import express from 'express';",
        "import helmet from 'helmet';",
        'interface Routes { path?: string; router: express.Router }',
        'export class App {',
        '  public app: express.Application;',
        '  constructor(routes: Routes[]) {',
        '    this.app = express();',
        '    this.app.use(helmet());',
        '    this.initializeRoutes(routes);',
        '  }',
        '  private initializeRoutes(routes: Routes[]) {',
        '    routes.forEach((route) => {',
        "      this.app.use('/', route.router);",
        '    });',
        '  }',
        '  public listen() {',
        '    this.app.listen(3000);',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'src', 'server.ts'),
      [
        "import { App } from '@/app';",
        "import { MembersRoute } from '@routes/members.route';",
        "import StatusRoute from '@routes/status.route';",
        'const app = new App([new MembersRoute(), new StatusRoute()]);',
        'app.listen();',
      ].join('\n'),
    );
    const { framework, routes, warnings } = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(framework).toBe('Express');
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, `${basename(r.file)}:${r.line}`])).toEqual([
      ['GET', '/members', ['helmet()'], [200], 'members.route.ts:9'],
      ['POST', '/members/:id/ban', ['helmet()'], [204], 'members.route.ts:10'],
      ['GET', '/status', ['helmet()'], [200], 'status.route.ts:5'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('follows the route classes handed to class App in an options object (new App({ controllers: [...] })) or kept as a parameter property (this.routes.forEach(…))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'home.ts'),
      [
        "import { Router } from 'express';",
        'export class HomeController {',
        "  public path = '/home';",
        '  public router = Router();',
        '  constructor() {',
        "    this.router.get('/', (_req, res) => res.json({}));",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { HomeController } from './home';",
        'type Controller = { path: string; router: express.Router };',
        'export class App {',
        '  public app = express();',
        '  constructor(appInit: { port: number; controllers: Controller[] }) {',
        '    this.routes(appInit.controllers);',
        '  }',
        '  private routes(controllers: Controller[]) {',
        '    controllers.forEach((controller) => this.app.use(controller.path, controller.router));',
        '  }',
        '}',
        'export class Admin {',
        '  public app = express();',
        '  constructor(private readonly routes: Controller[]) {',
        "    this.routes.forEach((route) => this.app.use('/admin', route.router));",
        '  }',
        '}',
        'export const main = new App({ port: 3000, controllers: [new HomeController()] }).app;',
        'export const admin = new Admin([new HomeController()]).app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { admin, main } from './app';",
        'const server = express();',
        'server.use(main);',
        "server.use('/ops', admin);",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/home'],
      ['GET', '/ops/admin'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('follows the router of a route class instance another class keeps in a member (this.users = new UsersRoutes(), or injected: private orders: OrdersRoutes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'feature.routes.ts'),
      [
        "import { Router } from 'express';",
        'export class UsersRoutes {',
        '  public router = Router();',
        '  constructor() {',
        "    this.router.get('/', (_req, res) => res.json([]));",
        '  }',
        '}',
        'export class OrdersRoutes {',
        '  public router = Router();',
        '  constructor() {',
        "    this.router.post('/', (_req, res) => res.sendStatus(201));",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Router } from 'express';",
        "import { injectable } from 'tsyringe';",
        "import { OrdersRoutes, UsersRoutes } from './feature.routes';",
        '@injectable()',
        'export class Routes {',
        '  public router = Router();',
        '  private users: UsersRoutes;',
        '  constructor(private readonly orders: OrdersRoutes) {',
        '    this.users = new UsersRoutes();',
        "    this.router.use('/users', this.users.router);",
        "    this.router.use('/orders', this.orders.router);",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { container } from 'tsyringe';",
        "import { Routes } from './routes';",
        'const app = express();',
        "app.use('/api', container.resolve(Routes).router);",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/users', [200]],
      ['POST', '/api/orders', [201]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts each route class handed to class App at its own path field (routes.forEach((route) => this.app.use(route.path, route.router)))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Router } from 'express';",
        'export class TicketsRoute {',
        "  public path = '/tickets';",
        '  public router = Router();',
        '  constructor() {',
        "    this.router.get('/:id', (_req, res) => res.json({}));",
        '  }',
        '}',
        'export class HealthRoute {',
        "  public readonly path = '/health';",
        '  public router = Router();',
        '  constructor() {',
        "    this.router.get('/', (_req, res) => res.sendStatus(204));",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { authenticate } from './auth';",
        'export class App {',
        '  private app = express();',
        '  constructor(private routes: { path: string; router: express.Router }[]) {',
        '    this.initRoutes(routes);',
        '  }',
        '  private initRoutes(routes: { path: string; router: express.Router }[]) {',
        '    for (const route of routes) this.app.use(route.path, authenticate, route.router);',
        '  }',
        '  listen() {',
        '    this.app.listen(3000);',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(join(dir, 'auth.ts'), 'export const authenticate = (_req, _res, next) => next();');
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { App } from './app';",
        "import { HealthRoute, TicketsRoute } from './routes';",
        'new App([new TicketsRoute(), new HealthRoute()]).listen();',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['GET', '/tickets/:id', ['authenticate'], [200]],
      ['GET', '/health', ['authenticate'], [204]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns where class App mounts the routers of a list handed to it that docgen cannot follow (built by a function, not a class of the project)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        'export class App {',
        '  public app = express();',
        '  constructor(routes: { router: express.Router }[]) {',
        "    routes.forEach((route) => this.app.use('/', route.router));",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { App } from './app';",
        "import { featureRoutes } from './features';",
        'new App(featureRoutes()).app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(join(dir, 'features.ts'), 'export const featureRoutes = () => [];');
    const { warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location!.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        'app.ts',
        5,
        "use('/', route.router) mounts the routers of the list App is handed (routes), which docgen cannot follow to routers: their routes are not read",
      ],
      ['DG_ROUTES_NONE', 'server.ts', undefined, expect.any(String)],
    ]);
  });

  it("reads the route classes a const list hands to class App (tsyringe's container.resolve(X) too, and controllers it resolves or injects), mounted at a prefix parameter's default (typescript-express-starter's templates/default)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'orders.route.ts'),
      [
        "import { Router } from 'express';",
        "import { container } from 'tsyringe';",
        "import { OrdersController } from './orders.controller';",
        'export class OrdersRoute {',
        '  public router: Router = Router();',
        "  public path = '/orders';",
        '  private readonly orders: OrdersController;',
        '  constructor() {',
        '    this.orders = container.resolve(OrdersController);',
        '    this.router.get(`${this.path}/:id`, (_req, res) => res.json({}));',
        '    this.router.post(this.path, this.orders.create);',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'refunds.route.ts'),
      [
        "import { Router } from 'express';",
        "import { inject, injectable } from 'tsyringe';",
        "import { OrdersController } from './orders.controller';",
        '@injectable()',
        'export class RefundsRoute {',
        '  public router = Router();',
        '  constructor(@inject(OrdersController) private readonly orders: OrdersController) {',
        "    this.router.post('/refunds', this.orders.create);",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'orders.controller.ts'),
      [
        'export class OrdersController {',
        '  create = (_req, res) => {',
        '    res.status(201).json({});',
        '  };',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        'class App {',
        '  public app: express.Application;',
        "  constructor(routes: { router: express.Router }[], apiPrefix = '/api/v1') {",
        '    this.app = express();',
        '    this.initializeRoutes(routes, apiPrefix);',
        '  }',
        '  private initializeRoutes(routes: { router: express.Router }[], apiPrefix: string) {',
        '    routes.forEach(({ router }) => this.app.use(apiPrefix, router));',
        '  }',
        '  public listen() {',
        '    return this.app.listen(3000);',
        '  }',
        '}',
        'export default App;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { container } from 'tsyringe';",
        "import App from './app';",
        "import { OrdersRoute } from './orders.route';",
        "import { RefundsRoute } from './refunds.route';",
        'const routes = [container.resolve(OrdersRoute), container.resolve(RefundsRoute)];',
        'const server = new App(routes).listen();',
        'export default server;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    // The controller tsyringe resolves (`container.resolve(OrdersController)`) is read as `new OrdersController()`.
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, `${basename(r.file)}:${r.line}`])).toEqual([
      ['GET', '/api/v1/orders/:id', [], [200], 'orders.route.ts:10'],
      ['POST', '/api/v1/orders', [], [201], 'orders.route.ts:11'],
      // Injected as a constructor's parameter property (`private readonly orders: OrdersController`): read by its type.
      ['POST', '/api/v1/refunds', [], [201], 'refunds.route.ts:8'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads paths held in string enum members (local or imported) like consts, in Express, NestJS and Hono', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'paths.ts'),
      ["export enum Routes { Users = 'users', Version = 'v1' }", 'export enum Numbered { First }'].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { Routes, Numbered } from './paths';",
        "enum Paths { Users = '/users', Orders = '/orders' }",
        'const app = express();',
        'app.get(Paths.Users, (_req, res) => res.json([]));',
        'app.get(`${Paths.Orders}/:id`, (_req, res) => res.json({}));',
        'app.get(`/${Routes.Version}/ping`, (_req, res) => res.json({}));',
        'app.get(Numbered.First, (_req, res) => res.json({}));',
      ].join('\n'),
    );
    const express = await readRoutes(join(dir, 'server.ts'));
    expect(express.routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/users'],
      ['GET', '/orders/:id'],
      ['GET', '/v1/ping'],
    ]);
    // A numeric member is no path: warned, as any computed path.
    expect(express.warnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_ROUTES_COMPUTED_PATH', 8]]);
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, Get, Module } from '@nestjs/common';",
        "import { Routes } from './paths';",
        'enum Actions { Me = "me" }',
        '@Controller(Routes.Users)',
        'export class UsersController {',
        '  @Get(Actions.Me) me() {}',
        '}',
        '@Module({ controllers: [UsersController] })',
        'export class AppModule {}',
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '}',
      ].join('\n'),
    );
    const nest = await readRoutes(join(dir, 'main.ts'));
    expect(nest.routes.map((r) => [r.method, r.path])).toEqual([['GET', '/users/me']]);
    expect(nest.warnings).toEqual([]);
    // The readers after Express share the same reading (Hono here).
    await writeFile(
      join(dir, 'hono.ts'),
      [
        "import { Hono } from 'hono';",
        "import { Routes } from './paths';",
        'const app = new Hono();',
        'app.get(`/${Routes.Users}`, (c) => c.json([]));',
        'export default app;',
      ].join('\n'),
    );
    const hono = await readRoutes(join(dir, 'hono.ts'));
    expect([hono.routes.map((r) => r.path), hono.warnings]).toEqual([['/users'], []]);
  });

  it('shows app-level middleware that is a call (helmet(), cors()) as NestJS and Hono do, less body parsers and static files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import helmet from 'helmet';",
        "import cors from 'cors';",
        "import bodyParser from 'body-parser';",
        "import rateLimit from 'express-rate-limit';",
        "import { requestId } from './middleware';",
        'const app = express();',
        'const api = express.Router();',
        "api.get('/users', (_req, res) => res.json([]));",
        'app.use(helmet());',
        'app.use(cors({ origin: true }));',
        'app.use(express.json(), express.urlencoded({ extended: true }));',
        'app.use(bodyParser.json());',
        "app.use(express.static('public'));",
        'app.use(requestId);',
        "app.use('/api', rateLimit({ max: 100 }), api);",
      ].join('\n'),
    );
    await writeFile(join(dir, 'middleware.ts'), 'export const requestId = (_req, _res, next) => next();');
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware])).toEqual([
      ['GET', '/api/users', ['helmet()', 'cors({ origin: true })', 'requestId', 'rateLimit({ max: 100 })']],
    ]);
    expect(warnings).toEqual([]);
  });

  it("lists a package's sub-app mounted at a path (agendash, swagger-ui, a GraphQL handler) as one row served by it, not a path-scoped middleware", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import basicAuth from 'express-basic-auth';",
        "import Agendash from 'agendash';",
        "import rateLimit from 'express-rate-limit';",
        "import { createHandler } from 'graphql-http/lib/use/express';",
        "const swaggerUi = require('swagger-ui-express');",
        'const app = express();',
        'const agenda = {};',
        "app.use('/api', rateLimit({ max: 100 })); // guards the routes under /api: not a row",
        "app.get('/api/users', (_req, res) => res.json([]));",
        "app.use('/dash', basicAuth({ users: { admin: 'x' } }), Agendash(agenda));",
        "app.use('/docs', swaggerUi.serve, swaggerUi.setup({}));",
        "app.use('/graphql', createHandler({ schema: {} }));",
        "app.use('/public', express.static('public'));",
        "app.use('/webhooks', express.raw({ type: 'application/json' })); // a body parser at a path: no row",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.servedBy, r.summary, r.line])).toEqual([
      ['GET', '/api/users', ['rateLimit({ max: 100 })'], undefined, undefined, 10], // the rate limit runs first
      [
        'ALL',
        '/dash/*',
        ["basicAuth({ users: { admin: 'x' } })"],
        'agendash',
        'Served by `Agendash(agenda)` (package `agendash`): its routes are not read',
        11,
      ],
      [
        'ALL',
        '/docs/*',
        ['swaggerUi.serve'],
        'swagger-ui-express',
        'Served by `swaggerUi.setup({})` (package `swagger-ui-express`): its routes are not read',
        12,
      ],
      [
        'ALL',
        '/graphql/*',
        [],
        'graphql-http',
        'Served by `createHandler({ schema: {} })` (package `graphql-http`): its routes are not read',
        13,
      ],
      [
        'ALL',
        '/public/*',
        [],
        'express',
        "Served by `express.static('public')` (package `express`): its routes are not read",
        14,
      ],
    ]);
    expect(warnings).toEqual([]);
    // The spec need not describe what a package serves, and what it describes there may be the package's.
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /api/users: { get: { responses: { "200": { description: ok } } } }',
        '  /graphql: { post: { responses: { "200": { description: ok } } } }',
      ].join('\n'),
    );
    const comparison = await compareWithSpec(routes, join(dir, 'openapi.yaml'));
    expect([comparison.undocumented, comparison.unserved, comparison.matched]).toEqual([[], [], 1]);
  });

  it('lists a function written in a mount (app.use and router.use) as one row answering every path under it, not middleware that calls next or handles errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { requireAuth } from './auth';",
        'const app = express();',
        'const router = express.Router();',
        "app.get('/api/users', (_req, res) => res.json([]));",
        '// Liveness probe for the load balancer',
        "app.use('/health', requireAuth, (req, res) => { res.status(200).send('ok'); });",
        "router.use('/ping', (req, res) => res.sendStatus(204));",
        "app.use('/internal', router);",
        "app.use('/api', (req, res, next) => { res.set('x-api', '1'); next(); }); // middleware: not a row",
        "app.use('/api', (err, req, res, next) => res.status(500).end()); // an error handler: not a row",
        "app.use('/gone', function (req, res) { res.status(410).end(); });",
        "app.use('*', (req, res) => res.status(404).json({ error: 'not found' }));",
        'app.use((req, res) => res.status(404).send()); // no path: every path, as with *',
        'app.use((req, res, next) => next()); // no path, calls next: middleware',
      ].join('\n'),
    );
    await writeFile(join(dir, 'auth.ts'), 'export const requireAuth = (_req, _res, next) => next();');
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    const answered = 'Answered by the function written here, for every path under it: its routes are not read';
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.summary, r.line])).toEqual([
      ['GET', '/api/users', [], [200], undefined, 5],
      ['ALL', '/health/*', ['requireAuth'], [200], 'Liveness probe for the load balancer', 7],
      ['ALL', '/internal/ping/*', [], [204], answered, 8],
      ['ALL', '/gone/*', [], [410], answered, 12],
      ['ALL', '/*', [], [404], answered, 13],
      ['ALL', '/*', [], [404], answered, 14],
    ]);
    expect(routes.filter((r) => r.inlineMount).length).toBe(5);
    expect(warnings).toEqual([]);
    // Not compared as routes of their own (their paths are not known), and no excuse for an operation under them.
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /api/users: { get: { responses: { "200": { description: ok } } } }',
        '  /gone/old: { get: { responses: { "410": { description: gone } } } }',
      ].join('\n'),
    );
    const comparison = await compareWithSpec(routes, join(dir, 'openapi.yaml'));
    expect([comparison.undocumented, comparison.unserved.map((op) => op.path), comparison.matched]).toEqual([
      [],
      ['/gone/old'],
      1,
    ]);
  });

  it('reads a path middleware with no path answers itself before calling next for the rest as a row, under its mount', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'const api = express.Router();',
        'api.use(requireAuth);',
        '// Load balancer probe',
        "api.use((req, res, next) => { if (req.path === '/health') return res.sendStatus(204); next(); });",
        "api.get('/users', (_req, res) => res.json([]));",
        "app.use('/api', api);",
        'function requireAuth(req, res, next) {',
        '  if (!req.headers.authorization) return res.status(401).end();',
        '  next();',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.summary, r.line])).toEqual([
      ['ALL', '/api/health', ['requireAuth'], [204, 401], 'Load balancer probe', 6],
      ['GET', '/api/users', ['requireAuth'], [200, 401], undefined, 7],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a path middleware checks in req.originalUrl as the whole path, not under its mount as req.path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'const api = express.Router();',
        "api.use((req, res, next) => { if (req.originalUrl === '/api/health') return res.sendStatus(204); next(); });",
        "api.use((req, res, next) => { if (req.url === '/ready') return res.sendStatus(204); next(); });",
        "api.get('/users', (_req, res) => res.json([]));",
        "app.use('/api', api);",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.line])).toEqual([
      ['ALL', '/api/health', 4],
      ['ALL', '/api/ready', 5],
      ['GET', '/api/users', 6],
    ]);
  });

  it('gives each path one middleware answers the statuses of its own branch, not those of the other paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { db } from './db';",
        'const app = express();',
        '// Probes for the load balancer',
        'app.use((req, res, next) => {',
        "  if (req.path === '/health') return res.sendStatus(204);",
        "  if (req.path === '/ready') {",
        '    if (!db.connected) return res.status(503).json({ ready: false });',
        '    return res.json({ ready: true });',
        '  }',
        "  if (req.path === '/version') return sendVersion(res);",
        '  next();',
        '});',
        "app.get('/users', (_req, res) => res.json([]));",
        'function sendVersion(res) {',
        "  res.status(203).json({ version: '1.0' });",
        '}',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['ALL', '/health', [204]],
      ['ALL', '/ready', [200, 503]],
      ['ALL', '/version', [203]],
      ['GET', '/users', [200]],
    ]);
  });

  it('gives the routes a named middleware passes through only what it sends outside the paths it answers itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'function health(req, res, next) {',
        "  if (req.path === '/health') return res.sendStatus(204);",
        "  if (req.path === '/down') return res.sendStatus(503);",
        "  if (!req.headers['x-request-id']) return res.status(400).end();",
        '  next();',
        '}',
        'app.use(health);',
        "app.get('/items', (_req, res) => res.json([]));",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['ALL', '/health', [], [204]],
      ['ALL', '/down', [], [503]],
      ['GET', '/items', ['health'], [200, 400]],
    ]);
  });

  it("runs a router's path-scoped middleware for the req.originalUrl a middleware checks by where the router is mounted", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'const api = express.Router();',
        "api.use('/admin', requireAdmin);",
        'api.use((req, res, next) => {',
        "  if (req.originalUrl === '/api/admin/stats') return res.json({ users: 1 });",
        "  if (req.originalUrl === '/api/status') return res.json({ up: true });",
        '  next();',
        '});',
        "api.get('/admin/users', (_req, res) => res.json([]));",
        "app.use('/api', api);",
        'function requireAdmin(req, res, next) {',
        '  if (!req.user?.admin) return res.status(403).end();',
        '  next();',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    // `/api/admin/stats` is under `/admin` of the router mounted at `/api`; `/api/status` is not.
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['ALL', '/api/admin/stats', ['requireAdmin'], [200, 403]],
      ['ALL', '/api/status', [], [200]],
      ['GET', '/api/admin/users', ['requireAdmin'], [200, 403]],
    ]);
  });

  it('lists a req.originalUrl path once, under the mount it is under, for a router mounted at two paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'const router = express.Router();',
        "router.use('/admin', requireAdmin);",
        'router.use((req, res, next) => {',
        "  if (req.originalUrl === '/api/v1/admin/x') return res.json({ x: 1 });",
        '  next();',
        '});',
        "router.get('/items', (_req, res) => res.json([]));",
        "app.use('/api/v1', router);",
        "app.use('/other', router);",
        'function requireAdmin(req, res, next) {',
        '  if (!req.user?.admin) return res.status(403).end();',
        '  next();',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    // Mounted at `/other`, the router never sees `/api/v1/admin/x`: no second row, without requireAdmin.
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['ALL', '/api/v1/admin/x', ['requireAdmin'], [200, 403]],
      ['GET', '/api/v1/items', [], [200]],
      ['GET', '/other/items', [], [200]],
    ]);
  });

  it("lists a function of the project answering under a mount by name, and files a package serves after a route under the same path (directus's /admin)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import rateLimit from 'express-rate-limit';",
        "import { notFound, requireAuth } from './handlers';",
        'export default async function createApp() {',
        '  const app = express();',
        '  const sendHtml = (_req, res) => {',
        "    res.setHeader('Cache-Control', 'no-cache');",
        "    res.send('<html></html>');",
        '  };',
        "  app.get('/admin', sendHtml);",
        "  app.use('/admin', express.static('dist'));",
        "  app.use('/admin/*', sendHtml);",
        "  app.use('/api', rateLimit({ max: 10 })); // guards the route after it: not a row",
        "  app.use('/api', requireAuth); // calls next: middleware",
        "  app.get('/api/items', (_req, res) => res.json([]));",
        "  app.use('/api', notFound);",
        '  return app;',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'handlers.ts'),
      [
        'export function notFound(req, res) {',
        '  res.status(404).json({ error: `no ${req.path}` });',
        '}',
        'export const requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401));',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.servedBy, r.summary, r.line])).toEqual([
      ['GET', '/admin', [], [200], undefined, undefined, 10],
      [
        'ALL',
        '/admin/*',
        [],
        [],
        'express',
        "Served by `express.static('dist')` (package `express`): its routes are not read",
        11,
      ],
      [
        'ALL',
        '/admin/*',
        [],
        [200],
        undefined,
        'Answered by `sendHtml`, for every path under it: its routes are not read',
        12,
      ],
      // requireAuth sends 401, express-rate-limit 429
      ['GET', '/api/items', ['rateLimit({ max: 10 })', 'requireAuth'], [200, 401, 429], undefined, undefined, 15],
      [
        'ALL',
        '/api/*',
        ['rateLimit({ max: 10 })', 'requireAuth'],
        [401, 404, 429], // rateLimit and requireAuth run first
        undefined,
        'Answered by `notFound`, for every path under it: its routes are not read',
        16,
      ],
    ]);
    expect(warnings).toEqual([]);
  });

  it('lists a function of the project reached by property access in a mount (ctrl.handle, handlers.proxy) as one row, as a function written there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import * as ctrl from './ctrl';",
        "import handlers from './handlers';",
        "const legacy = require('./legacy');",
        "import { Proxy } from './proxy';",
        'const app = express();',
        'const router = express.Router();',
        'const local = { gone(req, res) { res.status(410).end(); } };',
        'const proxy = new Proxy();',
        "app.use('/x', ctrl.handle);",
        "router.use('/proxy', handlers.proxy);",
        "app.use('/internal', router);",
        "app.use('/legacy', legacy.serve);",
        "app.use('/old', local.gone);",
        "app.use('/up', proxy.forward);",
        "app.use('/api', ctrl.auth); // calls next: middleware, not a row",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'ctrl.ts'),
      [
        'export function handle(req, res) { res.status(200).send(req.path); }',
        'export const auth = (req, res, next) => next();',
      ].join('\n'),
    );
    await writeFile(join(dir, 'handlers.ts'), 'export default { proxy: (req, res) => res.sendStatus(502) };');
    await writeFile(join(dir, 'legacy.js'), 'module.exports = { serve(req, res) { res.redirect(301, "/"); } };');
    await writeFile(join(dir, 'proxy.ts'), 'export class Proxy { forward(req, res) { res.status(504).end(); } }');
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    const by = (name: string) => `Answered by \`${name}\`, for every path under it: its routes are not read`;
    expect(routes.map((r) => [r.method, r.path, r.statuses, r.inlineMount, r.summary, r.line])).toEqual([
      ['ALL', '/x/*', [200], true, by('ctrl.handle'), 10],
      ['ALL', '/internal/proxy/*', [502], true, by('handlers.proxy'), 11],
      ['ALL', '/legacy/*', [301], true, by('legacy.serve'), 13],
      ['ALL', '/old/*', [410], true, by('local.gone'), 14],
      ['ALL', '/up/*', [504], true, by('proxy.forward'), 15],
    ]);
    expect(warnings).toEqual([]);
  });

  it("follows a router a class of the project keeps in a member, mounted as new UserRouting().router or an instance's (Gwynbleidd-J/omnicanal-backend)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import cors from 'cors';",
        "import { UserRouting } from './user-routing';",
        'class Server {',
        '  public app: express.Application;',
        '  constructor() {',
        '    this.app = express();',
        "    this.app.use('/api/user', new UserRouting().router);",
        '    const again = new UserRouting();',
        "    this.app.use('/api/v2/user', cors(), again.router);",
        '  }',
        '}',
        'new Server();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'user-routing.ts'),
      [
        "import { Router } from 'express';",
        "import { UserController } from './user-controller';",
        'export class UserRouting {',
        '  public router: Router;',
        '  private users = new UserController();',
        '  constructor() {',
        '    this.router = Router();',
        '    this.routes();',
        '  }',
        '  private routes(): void {',
        "    this.router.post('/', this.users.register);",
        "    this.router.get('/:id', this.users.one);",
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, basename(r.file), r.line])).toEqual([
      ['POST', '/api/user', [], 'user-routing.ts', 11],
      ['GET', '/api/user/:id', [], 'user-routing.ts', 12],
      ['POST', '/api/v2/user', ['cors()'], 'user-routing.ts', 11],
      ['GET', '/api/v2/user/:id', ['cors()'], 'user-routing.ts', 12],
    ]);
    expect(warnings).toEqual([]);
  });

  it("follows a router named by property access on a module of the project (routes.router of require('./routes'), a namespace import), and warns of a member it cannot follow", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const routes = require('./routes');",
        "import * as admin from './admin';",
        'const app = express();',
        "app.use('/api', routes.router);",
        "app.use('/admin', admin.adminRouter);",
        "app.use('/v1', require('./routes').router);",
        "const container = require('./container').makeContainer();",
        "app.use('/v2', container.router); // not followed: warned",
        "app.use('/v3', admin.requireAdmin); // a function that calls next: middleware",
      ].join('\n'),
    );
    await writeFile(join(dir, 'container.js'), 'exports.makeContainer = () => ({ router: null });');
    await writeFile(
      join(dir, 'routes.js'),
      [
        "const express = require('express');",
        'const router = express.Router();',
        "router.get('/items', (req, res) => res.json([]));",
        'module.exports = { router };',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'admin.ts'),
      [
        "import { Router } from 'express';",
        'export const adminRouter = Router();',
        "adminRouter.get('/stats', (req, res) => res.json({}));",
        'export const requireAdmin = (req, res, next) => next();',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, basename(r.file)])).toEqual([
      ['GET', '/api/items', 'routes.js'],
      ['GET', '/admin/stats', 'admin.ts'],
      ['GET', '/v1/items', 'routes.js'],
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        9,
        "use('/v2', …, container.router) mounts a value of the project docgen cannot follow to a router or a function: the routes it may serve are not read",
      ],
    ]);
  });

  it("drops a package's middleware at a path with a parameter when a route under it names the parameter otherwise (/users/:id, /users/:userId)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import rateLimit from 'express-rate-limit';",
        'const app = express();',
        "app.use('/users/:id', rateLimit({ max: 5 })); // guards the routes after it: not a row",
        "app.get('/users/:userId/posts', (_req, res) => res.json([]));",
        "app.use('/teams/:id', rateLimit({ max: 5 })); // nothing under it after: a row",
        "app.get('/teams', (_req, res) => res.json([]));",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.servedBy])).toEqual([
      ['GET', '/users/:userId/posts', ['rateLimit({ max: 5 })'], undefined],
      ['ALL', '/teams/:id/*', [], 'express-rate-limit'],
      ['GET', '/teams', [], undefined],
    ]);
  });

  it('shows middleware use()d at a path on what is registered after it under that path, through mounts, as Express runs it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express, { Router } from 'express';",
        "import { requireAuth, requireAdmin, audit } from './auth';",
        'const app = express();',
        'const api = Router();',
        "api.get('/items', (_req, res) => res.json([]));",
        "api.use('/admin', requireAdmin);",
        "api.get('/admin/stats', (_req, res) => res.json({}));",
        "api.get('/public', (_req, res) => res.json({}));",
        'const site = Router();',
        "site.get('/api/v1/status', (_req, res) => res.json({}));",
        "site.get('/about', (_req, res) => res.send('about'));",
        "app.get('/health', (_req, res) => res.sendStatus(204)); // before: runs no use() below",
        "app.use('/api/v1', requireAuth);",
        "app.use('/api/v1', audit, api);",
        "app.use('/', site); // only its routes under /api/v1 pass through requireAuth",
        "app.get('/api/v1/late', (_req, res) => res.end());",
        "app.use('/users/:id', requireAuth);",
        "app.get('/users/:userId/posts', (_req, res) => res.json([])); // the parameter named otherwise: still under it",
        "app.get('/users', (_req, res) => res.json([]));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.ts'),
      'export const requireAuth = (_q, _s, next) => next();\nexport const requireAdmin = requireAuth;\nexport const audit = requireAuth;',
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware])).toEqual([
      ['GET', '/health', []],
      ['GET', '/api/v1/items', ['requireAuth', 'audit']],
      ['GET', '/api/v1/admin/stats', ['requireAuth', 'audit', 'requireAdmin']],
      ['GET', '/api/v1/public', ['requireAuth', 'audit']],
      ['GET', '/api/v1/status', ['requireAuth', 'audit']],
      ['GET', '/about', []],
      ['GET', '/api/v1/late', ['requireAuth', 'audit']],
      ['GET', '/users/:userId/posts', ['requireAuth']],
      ['GET', '/users', []],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads lists as Express does: of paths (one route, or mount, per path) and of middleware (its elements, in place)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express, { Router } from 'express';",
        "import { auth, limit, validate } from './mw';",
        'const app = express();',
        'const users = Router({ mergeParams: true });',
        "users.get('/users', (_req, res) => res.json([]));",
        "app.use('/api', [auth, limit], users);",
        "app.use(['/v1', '/latest'], limit, users);",
        "app.get(['/about', '/about-us'], (_req, res) => res.send('about'));",
        "app.post('/items', [auth, [validate]], (_req, res) => res.status(201).end());",
        "app.get(['/ok', process.env.EXTRA], (_req, res) => res.end()); // one path computed: warned",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'mw.ts'),
      'export const auth = (_q, _s, next) => next();\nexport const limit = auth, validate = auth;',
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.line])).toEqual([
      ['GET', '/api/users', ['auth', 'limit'], 5],
      ['GET', '/v1/users', ['limit'], 5],
      ['GET', '/latest/users', ['limit'], 5],
      ['GET', '/about', [], 8],
      ['GET', '/about-us', [], 8],
      ['POST', '/items', ['auth', 'validate'], 9],
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_ROUTES_COMPUTED_PATH', 10]]);
  });

  it("reads use()'s first argument reached by property access as middleware or a router, not a computed path: a function of the project (authMiddleware.verify), a package's (guards.requireStaff), a module's router (health.router)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import * as health from './health';",
        "import * as legacy from './legacy';",
        "import users from './users';",
        'const app = express();',
        'app.use(health.router, legacy.router);',
        "app.use('/api/users', users);",
      ],
      'users.ts': [
        "import { Router } from 'express';",
        "import * as guards from '@acme/express-guards';",
        "import { authMiddleware, audit } from './auth';",
        "import admin from './admin';",
        'const router = Router();',
        'router.use(authMiddleware.verify, audit);',
        "router.get('/', (_req, res) => res.json([]));",
        'router.use(guards.requireStaff, admin);',
        "router.delete('/:id', (_req, res) => res.sendStatus(204));",
        'export default router;',
      ],
      'auth.ts': [
        "import type { NextFunction, Request, Response } from 'express';",
        'export const authMiddleware = {',
        '  verify(req: Request, res: Response, next: NextFunction) {',
        "    if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });",
        '    next();',
        '  },',
        '};',
        'export const audit = (_req: Request, _res: Response, next: NextFunction) => next();',
      ],
      'admin.ts': [
        "import { Router } from 'express';",
        'const admin = Router();',
        "admin.get('/stats', (_req, res) => res.json({}));",
        'export default admin;',
      ],
      'health.ts': [
        "import { Router } from 'express';",
        'export const router = Router();',
        "router.get('/healthz', (_req, res) => res.sendStatus(204));",
      ],
      'legacy.ts': [
        "import { Router } from 'express';",
        'export const router = Router();',
        "router.get('/old', (_req, res) => res.redirect(301, '/api/users'));",
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['GET', '/healthz', [], [204]],
      ['GET', '/old', [], [301]],
      ['GET', '/api/users', ['authMiddleware.verify', 'audit'], [200, 401]],
      ['GET', '/api/users/stats', ['authMiddleware.verify', 'audit', 'guards.requireStaff'], [200, 401]],
      ['DELETE', '/api/users/:id', ['authMiddleware.verify', 'audit', 'guards.requireStaff'], [204, 401]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("a package's value that reads as a path (node-config's config.get('api.prefix'), settings.basePath) is a computed mount, not middleware", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import config from 'config';",
        "import { settings } from '@acme/settings';",
        "import * as guards from '@acme/express-guards';",
        "import users from './users';",
        'const app = express();',
        "app.use(config.get('api.prefix'), users);",
        'app.use(settings.basePath, users);',
        "app.use(config.get<string>('admin.prefix') as string, users);",
        'app.use(guards.requireStaff, users);',
      ],
      'users.ts': [
        "import { Router } from 'express';",
        'const router = Router();',
        "router.get('/users', (_req, res) => res.json([]));",
        'export default router;',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware])).toEqual([['GET', '/users', ['guards.requireStaff']]]);
    expect(warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 7],
      ['DG_ROUTES_COMPUTED_MOUNT', 8],
      ['DG_ROUTES_COMPUTED_MOUNT', 9],
    ]);
  });

  it('warns of a computed mount path behind a non-null assertion or a cast (process.env.PREFIX!, cfg.prefix as string) as of the bare one, rather than mounting at the parent, and reads a literal table through one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express, { Router } from 'express';",
        "import { cfg } from './config';",
        "import { audit } from './audit';",
        "import { reports } from './reports';",
        'const app = express();',
        'const api = Router();',
        "api.get('/status', (_req, res) => res.json({}));",
        'app.use(process.env.PREFIX!, audit, api);',
        'app.use(cfg.prefix as string, reports);',
        'app.use(<string>cfg.prefix, reports);',
        "app.get('/health', (_req, res) => res.sendStatus(204));",
        'const docs = Router();',
        "docs.get('/spec', (_req, res) => res.json({}));",
        "const table = [{ path: '/docs', router: docs }] as const;",
        'table.forEach((t) => app.use(t.path as string, t.router!)); // a literal table: read through the cast',
      ],
      'config.ts': ['export const cfg = { prefix: process.env.API_PREFIX };'],
      'audit.ts': ['export const audit = (_req, _res, next) => next();'],
      'reports.ts': [
        "import { Router } from 'express';",
        'export const reports = Router();',
        "reports.get('/monthly', (_req, res) => res.json([]));",
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    // Not at the root, where they are not served.
    expect(routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/health'],
      ['GET', '/docs/spec'],
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        8,
        'use(process.env.PREFIX!, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        9,
        'use(cfg.prefix as string, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
      [
        'DG_ROUTES_COMPUTED_MOUNT',
        10,
        'use(<string>cfg.prefix, …) mounts at a path computed at run time: the routes it mounts are not read',
      ],
    ]);
  });

  it("reads a comment of several // lines whole, and a @desc tag's text where there is no prose (bradtraversy/proshop_mern)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "import express from 'express';",
        "import asyncHandler from 'express-async-handler';",
        'const app = express();',
        '// @desc    Fetch single product',
        '// @route   GET /api/products/:id',
        '// @access  Public',
        "app.get('/api/products/:id', asyncHandler(async (req, res) => {",
        '  res.status(404);',
        "  throw new Error('Product not found');",
        '}));',
        '// Liveness probe',
        '// for the load balancer',
        "app.get('/health', (req, res) => res.sendStatus(204));",
        '// an unrelated note',
        '',
        '// Readiness probe',
        "app.get('/ready', (req, res) => res.sendStatus(204));",
        '/**',
        ' * @description Delete a product',
        ' *   and its reviews',
        ' * @route DELETE /api/products/:id',
        ' */',
        "app.delete('/api/products/:id', (req, res) => res.sendStatus(204));",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, r.statuses, r.summary])).toEqual([
      ['GET', '/api/products/:id', [404], 'Fetch single product'],
      ['GET', '/health', [204], 'Liveness probe for the load balancer'],
      ['GET', '/ready', [204], 'Readiness probe'],
      ['DELETE', '/api/products/:id', [204], 'Delete a product and its reviews'],
    ]);
  });

  it("warns where the app is handed to a method of a value of the project's (directus's emitter.emitInit('routes.before', { app })), not of a package's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import http from 'node:http';",
        "import { ApolloServer } from 'apollo-server-express';",
        "import emitter from './emitter';",
        "import { createHooks } from './hooks';",
        'export default async function createApp() {',
        '  const app = express();',
        "  app.get('/ok', (_req, res) => res.end());",
        "  await emitter.emitInit('routes.before', { app });",
        '  const hooks = createHooks();',
        '  hooks.install(app);',
        '  const apollo = new ApolloServer({});',
        '  apollo.applyMiddleware({ app }); // a package: its routes are its own',
        '  http.createServer(app);',
        "  console.log('app', app);",
        '  return app;',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'emitter.ts'),
      'export default { emitInit: async (_event: string, _meta: unknown) => {} };',
    );
    await writeFile(join(dir, 'hooks.ts'), 'export const createHooks = () => ({ install: (_app: unknown) => {} });');
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path])).toEqual([['GET', '/ok']]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        9,
        "emitter.emitInit('routes.before', { app… hands app to a method docgen does not follow: the routes it may register are not read",
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        11,
        'hooks.install(app) hands app to a method docgen does not follow: the routes it may register are not read',
      ],
    ]);
  });

  it("follows a package of the repository's own workspaces imported by name (npm workspaces, pnpm-workspace.yaml, a node_modules link) to its source, as the project's code", async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-workspaces-'));
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    };
    // npm workspaces, nothing installed: the package's `main` is built output, its source under src/.
    await write('npm/package.json', JSON.stringify({ private: true, workspaces: ['packages/*', 'services/*'] }));
    await write(
      'npm/packages/shared-routes/package.json',
      JSON.stringify({ name: '@acme/shared-routes', main: 'dist/index.js', types: 'dist/index.d.ts' }),
    );
    await write(
      'npm/packages/shared-routes/src/index.ts',
      [
        "import { Router } from 'express';",
        'export function makeRouter(deps: { db: unknown }) {',
        '  const router = Router();',
        "  router.get('/items', (req, res) => res.json([]));",
        '  return router;',
        '}',
      ].join('\n'),
    );
    await write(
      'npm/packages/shared-routes/src/admin.ts',
      "import { Router } from 'express';\nexport const admin = Router();\nadmin.delete('/cache', (req, res) => res.sendStatus(204));",
    );
    await write('npm/services/api/package.json', JSON.stringify({ name: '@acme/api' }));
    await write(
      'npm/services/api/src/server.ts',
      [
        "import express from 'express';",
        "import rateLimit from 'express-rate-limit';",
        "import { makeRouter } from '@acme/shared-routes';",
        "import { admin } from '@acme/shared-routes/admin';",
        'const app = express();',
        "app.use('/api', makeRouter({ db: null }));",
        "app.use('/admin', admin);",
        "app.use('/limited', rateLimit({ max: 5 })); // a package of the registry: a row",
        'app.listen(3000);',
      ].join('\n'),
    );
    const npm = await readRoutes(join(root, 'npm/services/api/src/server.ts'));
    expect(npm.routes.map((r) => [r.method, r.path, r.statuses, r.file, r.servedBy])).toEqual([
      ['GET', '/api/items', [200], join(root, 'npm/packages/shared-routes/src/index.ts'), undefined],
      ['DELETE', '/admin/cache', [204], join(root, 'npm/packages/shared-routes/src/admin.ts'), undefined],
      ['ALL', '/limited/*', [], join(root, 'npm/services/api/src/server.ts'), 'express-rate-limit'],
    ]);
    expect(npm.warnings).toEqual([]);

    // pnpm: the workspace globs in pnpm-workspace.yaml; the package's `exports` name its entry.
    await write('pnpm/pnpm-workspace.yaml', "packages:\n  - 'libs/**'\n  - apps/*\n");
    await write(
      'pnpm/libs/http/users/package.json',
      JSON.stringify({ name: 'users-routes', exports: { '.': { import: './build/routes.mjs' } } }),
    );
    await write(
      'pnpm/libs/http/users/src/routes.ts',
      "import { Router } from 'express';\nconst users = Router();\nusers.get('/:id', (req, res) => res.json({}));\nexport default users;",
    );
    await write(
      'pnpm/apps/web/server.ts',
      "import express from 'express';\nimport users from 'users-routes';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);",
    );
    const pnpm = await readRoutes(join(root, 'pnpm/apps/web/server.ts'));
    expect(pnpm.routes.map((r) => [r.method, r.path, r.file])).toEqual([
      ['GET', '/users/:id', join(root, 'pnpm/libs/http/users/src/routes.ts')],
    ]);

    // No workspaces declared where docgen looks, but node_modules links the name to a folder of the repository.
    await write('linked/modules/health/package.json', JSON.stringify({ name: '@acme/health', main: 'index.js' }));
    await write(
      'linked/modules/health/index.js',
      "const { Router } = require('express');\nconst health = Router();\nhealth.get('/live', (req, res) => res.sendStatus(204));\nmodule.exports = health;",
    );
    await mkdir(join(root, 'linked/app/node_modules/@acme'), { recursive: true });
    await symlink(join(root, 'linked/modules/health'), join(root, 'linked/app/node_modules/@acme/health'));
    await write(
      'linked/app/server.js',
      "const express = require('express');\nconst app = express();\napp.use('/health', require('@acme/health'));\napp.listen(3000);",
    );
    const linked = await readRoutes(join(root, 'linked/app/server.js'));
    expect(linked.routes.map((r) => [r.method, r.path, r.statuses])).toEqual([['GET', '/health/live', [204]]]);
  });

  it("warns at the import of a workspace package whose source docgen does not find, naming the package and where it looked, rather than reading it silently as an installed package's", async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-workspaces-'));
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    };
    await write('package.json', JSON.stringify({ private: true, workspaces: ['packages/*', 'services/*'] }));
    // Built output only (not built yet here), and no src/: nothing of its code is in the repository's files.
    await write(
      'packages/billing-routes/package.json',
      JSON.stringify({ name: '@acme/billing-routes', main: 'dist/index.js' }),
    );
    await write('services/api/package.json', JSON.stringify({ name: '@acme/api' }));
    await write(
      'services/api/src/server.ts',
      [
        "import express from 'express';",
        "import rateLimit from 'express-rate-limit';",
        "import { billingRouter } from '@acme/billing-routes';",
        'const app = express();',
        "app.use('/billing', billingRouter({ db: null }));",
        "app.use('/limited', rateLimit({ max: 5 }));",
        "app.get('/health', (req, res) => res.sendStatus(204));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(root, 'services/api/src/server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.servedBy])).toEqual([
      ['ALL', '/billing/*', '@acme/billing-routes'],
      ['ALL', '/limited/*', 'express-rate-limit'],
      ['GET', '/health', undefined],
    ]);
    expect(warnings.map((w) => [w.code, w.location?.file, w.location?.line, w.message, w.hint])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        join(root, 'services/api/src/server.ts'),
        3,
        "@acme/billing-routes is a package of the repository's workspaces (packages/billing-routes), but docgen finds no source for it (looked for packages/billing-routes/src/index, packages/billing-routes/dist/index, packages/billing-routes/index, as .ts, .tsx, .mts, .js or .mjs): what it exports is read as an installed package's, its routes are not read",
        'give packages/billing-routes/package.json a "source" (or "exports"/"main") naming its TypeScript entry, or add src/index.ts',
      ],
    ]);
    // Each run keeps its own list: a second run says it again, once.
    expect((await readRoutes(join(root, 'services/api/src/server.ts'))).warnings).toEqual(warnings);
  });

  it('warns at a mount of a value docgen cannot follow to a router (a computed require, a function known at run time, a map element), and keeps the routes it follows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import rateLimit from 'express-rate-limit';",
        "import { health } from './health';",
        "import * as registry from './registry';",
        "import { requireRole } from './auth';",
        'const app = express();',
        'const deps = { db: null };',
        'let factory = pickFactory();',
        'const routers: Record<string, express.Router> = {};',
        "app.get('/ping', (req, res) => res.json({ ok: true }));",
        "app.use('/plugins', require(process.env.ROUTES!)(deps));",
        "app.use('/f', factory(deps));",
        "app.use('/r', routers['users']);",
        "app.use('/k', registry.pick('users'));",
        "app.use('/h', health);",
        "app.use('/api', rateLimit({ max: 5 })); // a package's middleware: a row, not warned",
        "app.use('/admin', requireRole('admin')); // the project's middleware factory: not warned",
        'export function mount(server: express.Express, build: (d: unknown) => express.Router) {',
        "  server.use('/param', build(deps));",
        '}',
        'mount(app, pickFactory());',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'health.ts'),
      "import { Router } from 'express';\nexport const health = Router();\nhealth.get('/', (req, res) => res.sendStatus(204));",
    );
    await writeFile(
      join(dir, 'registry.ts'),
      'const routers: Record<string, unknown> = {};\nexport function pick(name: string) { return routers[name]; }',
    );
    await writeFile(
      join(dir, 'auth.ts'),
      'export const requireRole = (role: string) => (req, res, next) => (req.user?.role === role ? next() : res.sendStatus(403));',
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/ping'],
      ['GET', '/h'],
      ['ALL', '/api/*'],
    ]);
    const unfollowed = (mount: string, what: string, prefix: string) =>
      `use(${mount}) mounts ${what}, which docgen cannot follow to a router: the routes it serves under ${prefix} are not read`;
    expect(warnings.map((w) => [w.code, w.location, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'server.ts'), line: 11 },
        unfollowed(
          "'/plugins', require(process.env.ROUTES!)(deps)",
          'what a module loaded from a path computed at run time (process.env.ROUTES!) returns',
          '/plugins',
        ),
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'server.ts'), line: 12 },
        unfollowed("'/f', factory(deps)", 'what factory(…) returns, a function only known at run time', '/f'),
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'server.ts'), line: 13 },
        unfollowed("'/r', routers['users']", 'an element of routers chosen at run time', '/r'),
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'server.ts'), line: 14 },
        unfollowed(
          "'/k', registry.pick('users')",
          'what registry.pick(…) returns (an element of routers chosen at run time)',
          '/k',
        ),
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        { file: join(dir, 'server.ts'), line: 19 },
        unfollowed("'/param', build(deps)", 'what build(…) returns, a function handed in as a parameter', '/param'),
      ],
    ]);
    expect(warnings[0]!.hint).toMatch(/export it .* from a module of the project/);
  });

  it("mounts the router a CommonJS module's default function builds, required inline or by name (app.use('/a', require('./api')(deps, lib))), and what it hands a registrar", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await mkdir(join(dir, 'api'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        'const app = express();',
        'const deps = {};',
        "app.use('/a', require('./api')(deps, {}));",
        "const make = require('./api/two');",
        "app.use('/b', make(deps));",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'api', 'index.js'),
      [
        "const express = require('express');",
        'module.exports = (dependencies, lib) => {',
        '  const router = express.Router();',
        "  router.get('/direct', (req, res) => res.json(1));",
        "  require('./register')(dependencies, lib, router);",
        '  return router;',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'api', 'register.js'),
      "module.exports = (dependencies, lib, router) => {\n  router.post('/callback/:id', (req, res) => res.status(201).json({}));\n};",
    );
    await writeFile(
      join(dir, 'api', 'two.js'),
      [
        "const { Router } = require('express');",
        'module.exports = function (dependencies) {',
        '  const router = Router();',
        "  router.delete('/:id', (req, res) => res.sendStatus(204));",
        '  return router;',
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/a/direct', [200]],
      ['POST', '/a/callback/:id', [201]],
      ['DELETE', '/b/:id', [204]],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts the router a function assigned to exports.x builds (exports.createEnvsRouter = ({ db }) => {…}), with or without a path, and keeps apart the routers of two factories of one module', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const { createApiRouter } = require('./api');",
        'const app = express();',
        "app.use('/api', createApiRouter({ db: {} }));",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'api.js'),
      [
        "const express = require('express');",
        "const envs = require('./envs');",
        'module.exports.createApiRouter = function ({ db }) {',
        '  const router = express.Router();',
        '  router.use(envs.createEnvsRouter({ db }));',
        "  router.use('/apps', envs.createAppsRouter({ db }));",
        '  return router;',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'envs.js'),
      [
        "const { Router } = require('express');",
        'exports.createEnvsRouter = ({ db }) => {',
        '  const router = Router();',
        "  router.get('/envs', (req, res) => res.json([]));",
        '  return router;',
        '};',
        'exports.createAppsRouter = ({ db }) => {',
        '  const router = Router();',
        "  router.delete('/:id', (req, res) => res.sendStatus(204));",
        '  return router;',
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/envs', [200]],
      ['DELETE', '/api/apps/:id', [204]],
    ]);
    expect(warnings).toEqual([]);
    // Two factories of one module that each name their router `router`: each is its own.
    await writeFile(
      join(dir, 'factories.ts'),
      [
        "import { Router } from 'express';",
        'export function users() {',
        '  const router = Router();',
        "  router.get('/', (req, res) => res.json([]));",
        '  return router;',
        '}',
        'export const teams = () => {',
        '  const router = Router();',
        "  router.post('/', (req, res) => res.status(201).json({}));",
        '  return router;',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { teams, users } from './factories';",
        'const app = express();',
        "app.use('/users', users());",
        "app.use('/teams', teams());",
      ].join('\n'),
    );
    const esm = await readRoutes(join(dir, 'app.ts'));
    expect(esm.routes.map((r) => [r.method, r.path, r.line])).toEqual([
      ['GET', '/users', 4],
      ['POST', '/teams', 9],
    ]);
  });

  it('warns where the app is handed to modules required from a computed path (a loop over a folder), in Express and Koa, and reads the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await mkdir(join(dir, 'routes'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const fs = require('fs');",
        "const path = require('path');",
        'const app = express();',
        "app.get('/ping', (req, res) => res.send('pong'));",
        "fs.readdirSync(path.join(__dirname, 'routes')).forEach((file) => {",
        '  require(`./routes/${file}`)(app);',
        '});',
        "require('./routes/users')(app);",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes', 'users.js'),
      "module.exports = (app) => {\n  app.get('/users', (req, res) => res.json([]));\n};",
    );
    await writeFile(
      join(dir, 'koa.js'),
      [
        "const Koa = require('koa');",
        "const Router = require('koa-router');",
        "const glob = require('glob');",
        'const app = new Koa();',
        "const router = new Router({ prefix: '/v1' });",
        "for (const file of glob.sync('controllers/*.js', { cwd: __dirname })) require('./' + file)(router);",
        "router.get('/ping', (ctx) => { ctx.body = 'pong'; });",
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    const express = await readRoutes(join(dir, 'server.js'));
    expect(express.routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/ping'],
      ['GET', '/users'],
    ]);
    expect(express.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        7,
        'require(`./routes/${file}`)(app) hands app to a module required from a path computed at run time (`./routes/${file}`): the routes those modules register are not read',
      ],
    ]);
    const koa = await readRoutes(join(dir, 'koa.js'));
    expect(koa.routes.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/ping']]);
    expect(koa.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        6,
        "require('./' + file)(router) hands router to a module required from a path computed at run time ('./' + file): the routes those modules register are not read",
      ],
    ]);
  });

  it('warns at the require or import of a router or registrar whose file is not there, as for a missing controller', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await mkdir(join(dir, 'routes'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const users = require('./routes/missing');",
        "const { adminRouter } = require('./routes/admin');",
        'const app = express();',
        "app.get('/ok', (req, res) => res.end());",
        "app.use('/users', users);",
        "app.use('/admin', adminRouter);",
        "app.use('/legacy', require('./routes/legacy'));",
        "require('./routes/registrar')(app);",
        "app.use('/orders', require('./routes/orders'));",
        "app.use('/more', require('./routes/missing')); // the same require: warned once per line",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes', 'orders.js'),
      "const router = require('express').Router();\nrouter.get('/', (req, res) => res.end());\nmodule.exports = router;",
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { mountReports } from './routes/reports';",
        "import billing from './routes/billing';",
        'export const app = express();',
        "app.use('/billing', billing);",
        'mountReports(app);',
        "app.use('/helmet', require('helmet')()); // a package: not warned",
      ].join('\n'),
    );
    const cjs = await readRoutes(join(dir, 'server.js'));
    expect(cjs.routes.map((r) => [r.method, r.path, r.middleware])).toEqual([
      ['GET', '/ok', []],
      ['GET', '/orders', []],
    ]);
    const unread = (specifier: string) => `no file of the project is found for '${specifier}', its routes are not read`;
    expect(
      cjs.warnings
        .map((w) => [w.code, w.location?.file, w.location?.line, w.message])
        .sort((a, b) => Number(a[2]) - Number(b[2])),
    ).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', join(dir, 'server.js'), 2, `users: ${unread('./routes/missing')}`],
      ['DG_ROUTES_PLUGIN_UNREAD', join(dir, 'server.js'), 3, `adminRouter: ${unread('./routes/admin')}`],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        join(dir, 'server.js'),
        8,
        `require('./routes/legacy'): ${unread('./routes/legacy')}`,
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        join(dir, 'server.js'),
        9,
        `require('./routes/registrar'): ${unread('./routes/registrar')}`,
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        join(dir, 'server.js'),
        11,
        `require('./routes/missing'): ${unread('./routes/missing')}`,
      ],
    ]);
    const esm = await readRoutes(join(dir, 'app.ts'));
    expect(esm.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', 2, `mountReports: ${unread('./routes/reports')}`],
      ['DG_ROUTES_PLUGIN_UNREAD', 3, `billing: ${unread('./routes/billing')}`],
      ['DG_ROUTES_NONE', undefined, `no Express route found from ${join(dir, 'app.ts')}`],
    ]);
  });

  it("warns at the import of a path alias docgen cannot resolve (@/routes/v1, ~/routes, tsconfig paths with no file), naming the tsconfig it read or that none was found, rather than listing a package '@/routes'", async () => {
    const unread = (specifier: string) => `no file of the project is found for '${specifier}', its routes are not read`;
    // No tsconfig.json at all: `@/…` and `~/…` are no npm package's names.
    const bare = await mkdtemp(join(tmpdir(), 'docgen-alias-'));
    await writeFile(
      join(bare, 'server.ts'),
      [
        "import express from 'express';",
        "import v1 from '@/routes/v1';",
        "import { admin } from '~/routes/admin';",
        'const app = express();',
        "app.use('/api/v1', v1);",
        "app.use('/admin', admin);",
        "app.get('/health', (_req, res) => res.sendStatus(204));",
      ].join('\n'),
    );
    const none = await readRoutes(join(bare, 'server.ts'));
    expect(none.routes.map((r) => [r.method, r.path])).toEqual([['GET', '/health']]);
    expect(none.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', 2, `v1: ${unread('@/routes/v1')}`],
      ['DG_ROUTES_PLUGIN_UNREAD', 3, `admin: ${unread('~/routes/admin')}`],
    ]);
    expect(none.warnings[0]!.hint).toBe(
      `'@/routes/v1' looks like a path alias, and no tsconfig.json was found from ${bare} up: add one whose compilerOptions.paths maps it ("@/*": ["./src/*"])`,
    );
    // A tsconfig with paths: one alias whose file is not there, one it has no entry for; packages stay packages.
    const project = await mkdtemp(join(tmpdir(), 'docgen-alias-'));
    await mkdir(join(project, 'src', 'routes'), { recursive: true });
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'], '@acme/*': ['libs/*/src'], '*': ['src/types/*'] } },
      }),
    );
    await writeFile(join(project, 'package.json'), JSON.stringify({ dependencies: { '@acme/metrics': '^2.0.0' } }));
    await writeFile(
      join(project, 'src', 'server.ts'),
      [
        "import express from 'express';",
        "import swaggerUi from 'swagger-ui-express';",
        "import users from '@/routes/users';",
        "import v2 from '@/routes/v2';",
        "import legacy from '~/legacy';",
        "import metrics from '@acme/metrics';",
        "import billing from '@acme/billing';",
        'const app = express();',
        "app.use('/users', users);",
        "app.use('/api/v2', v2);",
        "app.use('/legacy', legacy);",
        "app.use('/docs', swaggerUi.serve, swaggerUi.setup({}));",
        'app.use(\'/metrics\', metrics()); // a dependency, though "@acme/*" matches it',
        "app.use('/billing', billing);",
      ].join('\n'),
    );
    await writeFile(
      join(project, 'src', 'routes', 'users.ts'),
      "import { Router } from 'express';\nconst users = Router();\nusers.get('/', (_req, res) => res.json([]));\nexport default users;",
    );
    const aliased = await readRoutes(join(project, 'src', 'server.ts'));
    expect(aliased.routes.map((r) => [r.method, r.path, r.servedBy])).toEqual([
      ['GET', '/users', undefined],
      ['ALL', '/docs/*', 'swagger-ui-express'], // a package, though the tsconfig's "*" pattern matches every name
      ['ALL', '/metrics/*', '@acme/metrics'],
    ]);
    const tsconfig = join(project, 'tsconfig.json');
    expect(aliased.warnings.map((w) => [w.code, w.location?.line, w.message, w.hint])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        4,
        `v2: ${unread('@/routes/v2')}`,
        `'@/routes/v2' is a path alias of ${tsconfig} ("@/*": ["src/*"]), and no file is found where it points: check the path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files), and that the file is in the checkout`,
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        5,
        `legacy: ${unread('~/legacy')}`,
        `'~/legacy' looks like a path alias, and ${tsconfig} has no compilerOptions.paths entry for it: add one ("~/*": ["./src/*"])`,
      ],
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        7,
        `billing: ${unread('@acme/billing')}`,
        `'@acme/billing' is a path alias of ${tsconfig} ("@acme/*": ["libs/*/src"]), and no file is found where it points: check the path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files), and that the file is in the checkout`,
      ],
    ]);
  });

  it('reads the redirects a handler answers with as statuses: 302, or the code given before the URL (sahat/hackathon-starter)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.js'),
      [
        "const express = require('express');",
        "const passport = require('passport');",
        'const app = express();',
        "app.get('/auth/github/callback', passport.authenticate('github', { failureRedirect: '/login' }), (req, res) => {",
        "  res.redirect(req.session.returnTo || '/');",
        '});',
        "app.get('/old', (req, res) => res.redirect(301, '/new'));",
        "app.get('/maybe', (req, res) => (req.query.ok ? res.redirect(307, '/ok') : res.status(400).end()));",
        "app.get('/router', (req, res) => router.redirect()); // no URL: not Express's redirect",
        'module.exports = app;',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.js'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/auth/github/callback', [302]],
      ['GET', '/old', [301]],
      ['GET', '/maybe', [307, 400]],
      ['GET', '/router', []],
    ]);
  });

  it('reads the statuses (and, with no comment at the registration, the comment) of a handler passed by name where its function is written: this module, a controller module (CommonJS or ESM), a class, a member of a class, through asyncHandler / catchAsync', async () => {
    const app = join(fixtures, 'controllers');
    const { routes, warnings } = await readRoutes(join(app, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses])).toEqual([
      ['GET', '/users', [], [200]], // usersController.listUsers: exports.listUsers = async (req, res) => …
      ['POST', '/users', [], [201]], // userController.createUser of a barrel's module.exports.userController = require(…)
      ['GET', '/users/me', [], [200, 401]], // require('../controllers/users').getProfile
      ['DELETE', '/users/:id', [], [204]], // destructured from the require, catchAsync(…) in the controller
      ['PUT', '/users/:id', [], [409]], // catchAsync(usersController.updateUser) at the registration
      ['GET', '/users/:id/avatar', [], [302, 404]], // (req, res) => usersController.avatar(req, res), which hands res to notFound(res)
      ['GET', '/products', [], [200]], // an imported const = asyncHandler(async (req, res) => …)
      ['GET', '/products/:id', [], [400, 404]], // asyncHandler(getProductById): an imported function declaration
      ['GET', '/products/:id/reviews', [], [204]], // reviews.list of import * as reviews
      ['POST', '/products/:id/reviews', [], [201]], // a function declared below in the same module
      ['GET', '/products/:id/rating', [], [410]], // const { show } = ratings: a method of a default-exported object
      ['GET', '/orders', [], [206]], // an instance's method
      ['POST', '/orders', [], [202]], // controller.create.bind(controller): an arrow property
      ['GET', '/orders/:id', [], [404]], // a static method
      ['GET', '/accounts', [], [200]], // this.accountsController.getAccounts: a member holding new AccountsController()
      ['DELETE', '/accounts/:id', [], [204]], // this.audit.deleteAccount: assigned in the constructor
      ['GET', '/accounts/ping', [], [204]], // this.ping: an arrow property of the same class
    ]);
    // The comment above the registration, else the one above where the handler is declared.
    expect(routes.map((r) => r.summary)).toEqual([
      'Every user.',
      ...[undefined, undefined, undefined, undefined, undefined],
      'Fetch all products',
      'One product, or 404 when there is none.',
      ...[undefined, undefined, undefined],
      'The orders, a page at a time.',
      ...[undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads the status names of the http-status and http-status-codes packages (node-express-boilerplate's httpStatus.CREATED), not another object's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const httpStatus = require('http-status');",
        "const { StatusCodes } = require('http-status-codes');",
        "const codes = require('./codes');",
        'const app = express();',
        "app.post('/users', (req, res) => res.status(httpStatus.CREATED).send({}));",
        "app.delete('/users/:id', (req, res) => res.status(StatusCodes.NO_CONTENT).send());",
        "app.get('/teapot', (req, res) => res.status(codes.CREATED).send()); // the project's own object: unknown",
      ].join('\n'),
    );
    await writeFile(join(dir, 'codes.js'), 'module.exports = { CREATED: 299 };\n');
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import status from 'http-status';",
        "import { StatusCodes as Codes } from 'http-status-codes';",
        'const app = express();',
        "app.get('/a', (_req, res) => res.sendStatus(status.NOT_FOUND));",
        "app.get('/b', (_req, res) => res.status(Codes.ACCEPTED).end());",
      ].join('\n'),
    );
    const cjs = await readRoutes(join(dir, 'server.js'));
    expect(cjs.routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['POST', '/users', [201]],
      ['DELETE', '/users/:id', [204]],
      ['GET', '/teapot', []],
    ]);
    const esm = await readRoutes(join(dir, 'app.ts'));
    expect(esm.routes.map((r) => [r.path, r.statuses])).toEqual([
      ['/a', [404]],
      ['/b', [202]],
    ]);
  });

  it('counts the statuses of errors a handler throws or passes to next, which the error handler answers with', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        "const httpStatus = require('http-status');",
        "const createError = require('http-errors');",
        "const ApiError = require('./ApiError');",
        'const app = express();',
        '// node-express-boilerplate: the service throws, the error handler answers with its status',
        "app.get('/users/:id', async (req, res) => {",
        '  const user = await find(req.params.id);',
        "  if (!user) throw new ApiError(httpStatus.NOT_FOUND, 'User not found');",
        '  res.send(user);',
        '});',
        "app.post('/login', (req, res, next) => {",
        "  if (!req.body.email) return next(new ApiError(400, 'email is required'));",
        '  if (!ok) return next(createError(401));',
        '  res.status(201).send({});',
        '});',
        "app.get('/status', (req, res) => {",
        '  const error = new ApiError(500); // made, not thrown: not an answer',
        '  res.send({ error: error.message, code: compute() });',
        '  if (bad) throw new ApiError(res.locals.code); // computed at run time: unknown',
        '});',
      ].join('\n'),
    );
    await writeFile(join(dir, 'ApiError.js'), 'module.exports = class ApiError extends Error {};\n');
    const { routes } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['POST', '/login', [201, 400, 401]],
      ['GET', '/status', [200]],
    ]);
  });

  it('reads the CommonJS tsc emits ((0, express_1.Router)(), __importDefault(require(…)), users_1.default, exports.x = Router(), the re-exports of a barrel) as the TypeScript it was emitted from', async () => {
    const app = join(fixtures, 'tsc-cjs');
    const shown = (routes: Awaited<ReturnType<typeof readRoutes>>['routes']) =>
      routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.summary, basename(r.file), r.line]);
    const typescript = await readRoutes(join(app, 'src', 'server.ts'));
    const emitted = await readRoutes(join(app, 'emitted', 'server.js'));
    expect(shown(typescript.routes)).toEqual([
      ['GET', '/users', ['cors()', 'requireAuth'], [200], 'Every user, newest first.', 'users.ts', 10],
      ['GET', '/users/:id', ['cors()'], [404], undefined, 'users.ts', 11], // asyncHandler(usersController.byId): export default new UsersController()
      ['DELETE', '/users/:id', ['cors()', 'rateLimit(5)'], [204], undefined, 'users.ts', 12],
      ['POST', '/orders', ['cors()'], [201], undefined, 'orders.ts', 5], // export const ordersRouter = express.Router()
      ['GET', '/health', ['cors()'], [200], undefined, 'health.ts', 4], // registerHealth(app)
    ]);
    // The same, middleware shown as the TypeScript names it (`(0, middleware_1.rateLimit)(5)` is `rateLimit(5)`).
    expect(shown(emitted.routes)).toEqual(
      shown(typescript.routes).map(([method, path, middleware, statuses, summary, file, line]) => [
        method,
        path,
        middleware,
        statuses,
        summary,
        (file as string).replace(/\.ts$/, '.js'),
        // the emitted file's line: tsc's helpers and `exports.x = void 0` come first
        { 'users.ts': (line as number) + 3, 'orders.ts': 39, 'health.ts': 5 }[file as string],
      ]),
    );
    expect([typescript.warnings, emitted.warnings]).toEqual([[], []]);
    // Older tsc (before 4.4) calls imports without `(0, …)`; Babel names them `_express`.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'old.js'),
      [
        '"use strict";',
        'const express_1 = __importDefault(require("express"));',
        'const app = express_1.default();',
        'const admin = express_1.default.Router();',
        "admin.get('/stats', (req, res) => res.sendStatus(204));",
        "app.use('/admin', admin);",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'babel.js'),
      [
        '"use strict";',
        'var _express = _interopRequireDefault(require("express"));',
        'const app = (0, _express.default)();',
        'const api = (0, _express.Router)();',
        "api.get('/ping', (req, res) => res.sendStatus(200));",
        "app.use('/api', api);",
        'var _agendash = _interopRequireDefault(require("agendash"));',
        "app.use('/dash', (0, _agendash.default)(agenda));",
      ].join('\n'),
    );
    expect((await readRoutes(join(dir, 'old.js'))).routes.map((r) => [r.path, r.statuses])).toEqual([
      ['/admin/stats', [204]],
    ]);
    const babel = await readRoutes(join(dir, 'babel.js'));
    expect(babel.routes.map((r) => [r.method, r.path, r.statuses, r.servedBy])).toEqual([
      ['GET', '/api/ping', [200], undefined],
      ['ALL', '/dash/*', [], 'agendash'], // what a package serves, as for agendash(agenda)
    ]);
  });

  it('reads a literal const route table (local, imported, destructured, as const) mounted in a loop, and warns of any other table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { routes } from './table';",
        "import users from './users';",
        'const app = express();',
        "const local = [{ path: '/users', router: users }] as const;",
        'local.forEach(({ path, router }) => app.use(path, auth, router));',
        'for (const r of routes) app.use(r.path, r.router);',
        'const spread = [...routes];',
        'spread.forEach((r) => app.use(r.path, r.router));',
        "const mapped = ['a'].map((name) => ({ path: `/${name}`, router: users }));",
        'mapped.forEach((r) => app.use(r.path, r.router));',
        "const pushed = [{ path: '/p', router: users }];",
        "pushed.push({ path: '/q', router: users });",
        'for (const { path: at, router: r } of pushed) app.use(at, r);',
        "const computed = [{ path: '/v' + 2, router: users }];",
        'computed.forEach((r) => app.use(r.path, r.router));',
        'export default app;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'table.ts'),
      [
        "import { Router } from 'express';",
        'const orders = Router();',
        "orders.get('/', (req, res) => res.json([]));",
        "export const routes = [{ path: '/orders', router: orders }, { path: '/legacy', router: require('./legacy') }];",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.ts'),
      "import { Router } from 'express';\nconst users = Router();\nusers.get('/:id', (req, res) => res.json({}));\nexport default users;\n",
    );
    await writeFile(
      join(dir, 'legacy.js'),
      "const router = require('express').Router();\nrouter.delete('/', (req, res) => res.sendStatus(204));\nmodule.exports = router;\n",
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.file])).toEqual([
      ['GET', '/users/:id', ['auth'], join(dir, 'users.ts')],
      ['GET', '/orders', [], join(dir, 'table.ts')],
      ['DELETE', '/legacy', [], join(dir, 'legacy.js')],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 9], // a spread
      ['DG_ROUTES_COMPUTED_MOUNT', 11], // a .map result
      ['DG_ROUTES_COMPUTED_MOUNT', 14], // added to at run time
      ['DG_ROUTES_COMPUTED_MOUNT', 16], // a computed path
    ]);
  });

  it('reads paths and route tables held in a const (local, imported or required, keys of a const object), and warns of computed route paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'paths.js'),
      "const API = '/api';\nconst PATHS = { health: '/health' };\nmodule.exports = { API, PATHS };\n",
    );
    await writeFile(join(dir, 'config.ts'), "export const V2 = '/v2';\n");
    await writeFile(join(dir, 'routes.js'), "module.exports = [{ path: '/orders', router: require('./users') }];\n");
    await writeFile(
      join(dir, 'users.js'),
      "const router = require('express').Router();\nrouter.get('/:id', (req, res) => res.send());\nmodule.exports = router;\n",
    );
    await writeFile(
      join(dir, 'app.js'),
      [
        "const express = require('express');",
        "const { API, PATHS } = require('./paths');",
        "const routes = require('./routes');",
        "import { V2 } from './config';",
        "const STATUS = '/status';",
        'const app = express();',
        'routes.forEach(({ path, router }) => app.use(path, router));',
        "app.use(API, require('./users'));",
        'app.use(V2, auth, require("./users"));',
        'app.get(PATHS.health, (req, res) => res.sendStatus(204));',
        "app.route(STATUS).get((req, res) => res.send('ok'));",
        'app.get(/.*fly$/, (req, res) => res.send());',
        'app.use(`/v${process.env.V}`, require("./users"));',
        'module.exports = app;',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.js'));
    expect(
      routes.map((route) => [route.method, route.path, route.middleware, basename(route.file), route.line]),
    ).toEqual([
      ['GET', '/orders/:id', [], 'users.js', 2], // a table required from routes.js
      ['GET', '/api/:id', [], 'users.js', 2], // API, not a middleware
      ['GET', '/v2/:id', ['auth'], 'users.js', 2],
      ['GET', '/health', [], 'app.js', 10],
      ['GET', '/status', [], 'app.js', 11],
    ]);
    // The router mounted at a computed path is not shown at the root.
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 12],
      ['DG_ROUTES_COMPUTED_MOUNT', 13],
    ]);
  });

  it('follows a router exported under another name and one an immediately invoked function builds (express-typescript-2024)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import express, { Router } from 'express';",
        'const router: Router = express.Router();',
        "router.get('/', list);",
        'export const usersRouter: Router = router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'health.ts'),
      [
        "import express, { Router } from 'express';",
        'export const healthRouter: Router = (() => {',
        '  const router = express.Router();',
        "  router.get('/', (_req, res) => res.sendStatus(204));",
        '  return router;',
        '})();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { usersRouter } from './users';",
        "import { healthRouter } from './health';",
        'const app = express();',
        'app.use(rateLimiter);',
        "app.use('/health-check', healthRouter);",
        "app.use('/users', usersRouter);",
        'export { app };',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(
      routes.map((route) => [route.method, route.path, route.middleware, route.statuses, basename(route.file)]),
    ).toEqual([
      ['GET', '/health-check', ['rateLimiter'], [204], 'health.ts'],
      ['GET', '/users', ['rateLimiter'], [], 'users.ts'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('follows the app handed on in an object (require(…).default({ expressApp: app }), ({ app }) => …) to default-exported arrow registrars and factories (bulletproof-nodejs)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        'async function startServer() {',
        '  const app = express();',
        "  await require('./loaders').default({ expressApp: app });",
        '  app.listen(3000);',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'loaders.ts'),
      [
        "import expressLoader from './express';",
        'export default async ({ expressApp }) => {',
        '  await expressLoader({ app: expressApp });',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'express.ts'),
      [
        "import routes from './api';",
        "import config from './config';",
        'export default ({ app }: { app: express.Application }) => {',
        "  app.get('/status', (req, res) => res.status(200).end());",
        '  app.use(config.api.prefix, routes());',
        '};',
      ].join('\n'),
    );
    await writeFile(join(dir, 'config.ts'), "export default { port: 3000, api: { prefix: '/api' } };\n");
    await writeFile(
      join(dir, 'api.ts'),
      [
        "import { Router } from 'express';",
        "import user from './user';",
        'export default () => {',
        '  const app = Router();',
        '  user(app);',
        '  return app;',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'user.ts'),
      [
        "import { Router } from 'express';",
        'const route = Router();',
        'export default (app: Router) => {',
        "  app.use('/users', route);",
        "  route.get('/me', isAuth, (req, res) => res.json({}));",
        '};',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, basename(route.file)])).toEqual([
      ['GET', '/status', [], 'express.ts'],
      ['GET', '/api/users/me', ['isAuth'], 'user.ts'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a literal route table mounted in a loop on a required router, whether the path is route.path or a loop variable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.js'),
      "const express = require('express');\nconst app = express();\napp.use('/v1', require('./routes'));\napp.get('/health', (req, res) => res.sendStatus(204));\nmodule.exports = app;\n",
    );
    await writeFile(
      join(dir, 'routes.js'),
      [
        "const express = require('express');",
        'const router = express.Router();',
        "const defaultRoutes = [{ path: '/auth', route: require('./auth') }];",
        'defaultRoutes.forEach((route) => {',
        '  router.use(route.path, route.route);',
        '});',
        'for (const { path, route } of defaultRoutes) router.use(path, route);',
        'module.exports = router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'auth.js'),
      "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.send());\nmodule.exports = router;\n",
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.js'));
    // The table is a literal `const`: read once per loop that mounts it, as Express would.
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['POST', '/v1/auth/login', []], // route.path
      ['POST', '/v1/auth/login', []], // a loop variable, not a middleware
      ['GET', '/health', []],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns when a NestJS global prefix is computed at run time, and when no route is found', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    const main = join(dir, 'main.ts');
    await writeFile(
      main,
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.setGlobalPrefix(process.env.API_PREFIX ?? config.get('prefix'));",
        '}',
      ].join('\n'),
    );
    await writeFile(join(dir, 'app.module.ts'), '@Module({ controllers: [] })\nexport class AppModule {}\n');
    const { routes, warnings } = await readRoutes(main);
    expect(routes).toEqual([]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([
      ['DG_ROUTES_PREFIX_UNKNOWN', 5],
      ['DG_ROUTES_NONE', undefined],
    ]);
  });
  it("reads a path written as x || 'api' as its default, and warns that it depends on x at run time (Express, NestJS, Koa)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-default-'));
    await writeFile(join(dir, 'config.ts'), "export const API_BASE = process.env.API_BASE ?? '/api';\n");
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { API_BASE } from './config';",
        'const app = express();',
        'const router = express.Router();',
        "router.get('/items', (_req, res) => res.json([]));",
        'app.use(API_BASE, router);',
        "app.get(process.env.HEALTH_PATH || '/health', (_req, res) => res.send('ok'));",
      ].join('\n'),
    );
    const express = await readRoutes(join(dir, 'server.ts'));
    expect(express.routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/api/items'],
      ['GET', '/health'],
    ]);
    expect(express.warnings.map((w) => [w.code, basename(w.location!.file!), w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DEFAULT_PATH',
        'server.ts',
        7,
        "process.env.HEALTH_PATH || '/health' is read as '/health': the path depends on process.env.HEALTH_PATH at run time",
      ],
      [
        'DG_ROUTES_DEFAULT_PATH',
        'config.ts',
        1,
        "process.env.API_BASE ?? '/api' is read as '/api': the path depends on process.env.API_BASE at run time",
      ],
    ]);
    const main = join(dir, 'main.ts');
    await writeFile(
      main,
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get()',
        '  list() { return []; }',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  const prefix = process.env.PREFIX || 'api';",
        '  app.setGlobalPrefix(prefix);',
        '}',
      ].join('\n'),
    );
    const nest = await readRoutes(main);
    expect(nest.routes.map((r) => [r.method, r.path])).toEqual([['GET', '/api/cats']]);
    expect(nest.warnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_ROUTES_DEFAULT_PATH', 12]]);
    const koa = join(dir, 'koa.ts');
    await writeFile(
      koa,
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        "const router = new Router({ prefix: process.env.PREFIX || '/v1' });",
        "router.get('/ping', (ctx) => { ctx.body = 'pong'; });",
        'app.use(router.routes());',
      ].join('\n'),
    );
    const koaRead = await readRoutes(koa);
    expect(koaRead.routes.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/ping']]);
    expect(koaRead.warnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_ROUTES_DEFAULT_PATH', 4]]);
  });

  it('warns at a second registration of a method and path (parameters named otherwise too), naming the first: unreachable, or in Fastify an error at startup', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-duplicate-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { users } from './users';",
        'const app = express();',
        "app.get('/', (_req, res) => res.send('home'));",
        "app.use('/users', users);",
        "app.get('/', (_req, res) => res.send('never'));",
        "app.post('/', (_req, res) => res.sendStatus(201)); // another method: fine",
        "if (process.env.NODE_ENV === 'production') app.get('/app', (_req, res) => res.send('built'));",
        "else app.get('/app', (_req, res) => res.send('dev')); // the other branch: only one runs",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Router } from 'express';",
        'export const users = Router();',
        "users.get('/:id', (_req, res) => res.json({}));",
        "users.get('/:userId', (_req, res) => res.json({}));",
        "users.get('/me', (_req, res) => res.json({})); // a literal segment: another path",
      ].join('\n'),
    );
    const express = await readRoutes(join(dir, 'server.ts'));
    expect(express.warnings.map((w) => [w.code, basename(w.location!.file!), w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DUPLICATE',
        'users.ts',
        4,
        'GET /users/:userId is registered again: users.ts:3 registers GET /users/:id first, so this handler is reached only if that one calls next()',
      ],
      [
        'DG_ROUTES_DUPLICATE',
        'server.ts',
        6,
        'GET / is registered again: server.ts:4 registers it first, so this handler is reached only if that one calls next()',
      ],
    ]);
    await writeFile(
      join(dir, 'fastify.ts'),
      [
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/', async () => 'a');",
        "app.get('/', async () => 'b');",
      ].join('\n'),
    );
    const fastify = await readRoutes(join(dir, 'fastify.ts'));
    expect(fastify.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DUPLICATE',
        4,
        'GET / is registered again: fastify.ts:3 registers it first, and Fastify stops at startup with a duplicate route',
      ],
    ]);
  });

  it('does not warn of two registrations of which only one runs (a ternary, an early return, switch cases that do not fall through), and still warns of those that both run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-duplicate-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express, { type Express } from 'express';",
        "import { spa, devProxy, legacy, v2 } from './handlers';",
        'const app = express();',
        'process.env.SPA',
        "  ? app.get('/app', spa)",
        "  : app.get('/app', devProxy);",
        'mountDocs(app);',
        'switch (process.env.API) {',
        "  case 'legacy':",
        "    app.get('/api', legacy);",
        '    break;',
        "  case 'v2':",
        "    app.get('/api', v2);",
        '    break;',
        "  case 'both':",
        "    app.get('/both', legacy); // falls through: both run",
        "  case 'next':",
        "    app.get('/both', v2);",
        '}',
        'function mountDocs(server: Express) {',
        '  if (process.env.NODE_ENV === "production") {',
        "    server.get('/docs', spa);",
        '    return;',
        '  }',
        "  if (process.env.CDN) throw new Error('no docs behind a CDN');",
        "  server.get('/docs', devProxy); // after an early return: only one runs",
        "  if (process.env.TRACE) server.get('/trace', spa); // no return: both run",
        "  server.get('/trace', devProxy);",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'handlers.ts'),
      ['spa', 'devProxy', 'legacy', 'v2']
        .map(
          (name) => `export const ${name} = (_req: unknown, res: { send(body: string): void }) => res.send('${name}');`,
        )
        .join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => `${r.method} ${r.path} :${r.line}`)).toEqual([
      'GET /app :5',
      'GET /app :6',
      'GET /docs :22',
      'GET /docs :26',
      'GET /trace :27',
      'GET /trace :28',
      'GET /api :10',
      'GET /api :13',
      'GET /both :16',
      'GET /both :18',
    ]);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DUPLICATE',
        28,
        'GET /trace is registered again: server.ts:27 registers it first, so this handler is reached only if that one calls next()',
      ],
      [
        'DG_ROUTES_DUPLICATE',
        18,
        'GET /both is registered again: server.ts:16 registers it first, so this handler is reached only if that one calls next()',
      ],
    ]);
  });

  it('does not warn of routes of two routers mounted where only one mount runs (if / else, an early return), and warns where both run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-duplicate-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { v1, v2, extra } from './routers';",
        'const app = express();',
        "if (process.env.API === 'v2') app.use('/api', v2);",
        "else app.use('/api', v1); // either router serves /api/users",
        'mountAdmin(app);',
        "app.use('/api', extra); // after both: its /api/users is a second handler",
        'function mountAdmin(server: express.Express) {',
        '  if (process.env.ADMIN_V2) {',
        "    server.use('/admin', v2);",
        '    return;',
        '  }',
        "  server.use('/admin', v1);",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routers.ts'),
      [
        "import { Router } from 'express';",
        'export const v1 = Router();',
        "v1.get('/users', (_req, res) => res.json([]));",
        'export const v2 = Router();',
        "v2.get('/users', (_req, res) => res.json({ users: [] }));",
        'export const extra = Router();',
        "extra.get('/users', (_req, res) => res.json([]));",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => `${r.method} ${r.path} ${basename(r.file)}:${r.line}`)).toEqual([
      'GET /api/users routers.ts:5',
      'GET /api/users routers.ts:3',
      'GET /admin/users routers.ts:5',
      'GET /admin/users routers.ts:3',
      'GET /api/users routers.ts:7',
    ]);
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location?.line, w.message])).toEqual([
      [
        'DG_ROUTES_DUPLICATE',
        'routers.ts',
        7,
        'GET /api/users is registered again: routers.ts:5 registers it first, so this handler is reached only if that one calls next()',
      ],
    ]);
  });

  it("reads a function's parameter named as the app as that function's, where the app is handed to it: one call of two (if / else) is no duplicate, and its routes come where it is called", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-duplicate-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const express = require('express');",
        'const app = express();',
        'function setupProd(app) {',
        "  app.get('*', (req, res) => res.sendFile('index.html'));",
        '}',
        'function setupDev(app) {',
        "  app.get('*', (req, res) => res.redirect('http://localhost:5173'));",
        '}',
        "app.get('/health', (req, res) => res.sendStatus(204));",
        "if (process.env.NODE_ENV === 'production') setupProd(app);",
        'else setupDev(app);',
        "app.get('/late', (req, res) => res.sendStatus(204));",
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((r) => `${r.method} ${r.path} :${r.line}`)).toEqual([
      'GET /health :9',
      'GET /* :4',
      'GET /* :7',
      'GET /late :12',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a NestJS global prefix held in a const imported from another module', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-'));
    const main = join(dir, 'main.ts');
    await writeFile(join(dir, 'constants.ts'), "export const GLOBAL_PREFIX = 'api';\n");
    await writeFile(
      main,
      [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { GLOBAL_PREFIX } from './constants';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.setGlobalPrefix(GLOBAL_PREFIX);',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.module.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "@Controller('cats')",
        'export class CatsController {',
        '  @Get()',
        '  list() { return []; }',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(main);
    expect(routes.map((route) => [route.method, route.path])).toEqual([['GET', '/api/cats']]);
    expect(warnings).toEqual([]);
  });

  it("reads the status each call hands a response helper: an argument, a const, a status name, the parameter's default, a key of an options object; a computed one as the caller writes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-helper-status-'));
    await writeFile(
      join(dir, 'respond.ts'),
      [
        "import type { Response } from 'express';",
        'export function sendSuccess(res: Response, data: unknown, statusCode = 200) {',
        '  res.status(statusCode).json({ data });',
        '}',
        'export function sendResponse(res: Response, payload: { statusCode: number; data?: unknown }) {',
        '  res.status(payload.statusCode).json(payload);',
        '}',
        'export const fail = (res: Response, { status, message }: { status: number; message: string }) =>',
        '  res.status(status).json({ message });',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import httpStatus from 'http-status';",
        "import { StatusCodes } from 'http-status-codes';",
        "import { fail, sendResponse, sendSuccess } from './respond';",
        'const app = express();',
        'const ACCEPTED = 202;',
        "app.post('/users', (req, res) => sendSuccess(res, req.body, 201));",
        "app.get('/users', (req, res) => sendSuccess(res, []));",
        "app.put('/users/:id', (req, res) => sendResponse(res, { statusCode: httpStatus.OK, data: req.body }));",
        "app.delete('/users/:id', (req, res) => {",
        "  if (!req.params.id) return fail(res, { status: StatusCodes.BAD_REQUEST, message: 'no id' });",
        '  sendSuccess(res, null, ACCEPTED);',
        '});',
        "app.patch('/users/:id', (req, res) => sendSuccess(res, req.body, req.body.code));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['POST', '/users', [201], undefined], // sendSuccess(res, req.body, 201)
      ['GET', '/users', [200], undefined], // sendSuccess(res, []): statusCode = 200
      ['PUT', '/users/:id', [200], undefined], // sendResponse(res, { statusCode: httpStatus.OK, … })
      ['DELETE', '/users/:id', [202, 400], undefined], // fail(res, { status: … }) destructured; ACCEPTED
      ['PATCH', '/users/:id', [], ['req.body.code']],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the status a custom error class carries (super(message, 404), a status field, this.statusCode = …), up its extends chain across modules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-error-classes-'));
    await mkdir(join(dir, 'errors'));
    await writeFile(
      join(dir, 'errors', 'base.ts'),
      [
        'export class AppError extends Error {',
        '  constructor(message: string, public readonly statusCode: number) {',
        '    super(message);',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'errors', 'http.ts'),
      [
        "import { StatusCodes } from 'http-status-codes';",
        "import { AppError } from './base';",
        'export class NotFoundError extends AppError {',
        "  constructor(message = 'Not found') {",
        '    super(message, 404);',
        '  }',
        '}',
        'export class UserNotFoundError extends NotFoundError {}',
        'export class ForbiddenError extends Error {',
        '  readonly statusCode = 403;',
        '}',
        'export class ConflictError extends Error {',
        '  constructor(message: string) {',
        '    super(message);',
        '    this.statusCode = StatusCodes.CONFLICT;',
        '  }',
        '  statusCode: number;',
        '}',
        'export class Failure extends AppError {',
        '  constructor(code: number) {',
        "    super('failed', code); // the caller's status: not the class's",
        '  }',
        '}',
        'export class ServerError extends Error {',
        "  constructor(message = 'Server error', public status = 500) {",
        '    super(message);',
        '  }',
        '}',
        'export class RateLimited extends Error {',
        '  status: number;',
        '  constructor(message: string, status = 429) {',
        '    super(message);',
        '    this.status = status;',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(join(dir, 'errors', 'index.ts'), "export * from './http';\n");
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { ConflictError, Failure, ForbiddenError, NotFoundError, RateLimited, ServerError, UserNotFoundError } from './errors';",
        'const app = express();',
        "app.get('/users/:id', (req, res) => {",
        '  if (!req.params.id) throw new UserNotFoundError();',
        '  res.json({});',
        '});',
        "app.delete('/users/:id', (req, res, next) => next(new ForbiddenError()));",
        "app.post('/users', (req, res) => {",
        "  if (req.body.taken) throw new ConflictError('taken');",
        '  res.status(201).json({});',
        '});',
        "app.put('/users/:id', (req, res) => {",
        "  if (!req.body) throw new NotFoundError('no user');",
        '  throw new Failure(req.body.code);',
        '});',
        'declare const User: any;',
        "app.patch('/users/:id', (req, res, next) => {",
        '  User.findById(req.params.id).orFail(new UserNotFoundError()).then((user: unknown) => res.json(user)).catch(next);',
        '});',
        "app.get('/a', () => { throw new ServerError(); });",
        "app.get('/b', () => { throw new ServerError('gone', 410); });",
        "app.get('/c', (req) => { throw new ServerError('computed', req.code); });",
        "app.get('/d', () => { throw new RateLimited('slow down'); });",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]], // UserNotFoundError extends NotFoundError: super(message, 404)
      ['DELETE', '/users/:id', [403]], // readonly statusCode = 403
      ['POST', '/users', [201, 409]], // this.statusCode = StatusCodes.CONFLICT
      ['PUT', '/users/:id', [404]], // Failure takes its status from its caller
      ['PATCH', '/users/:id', [200, 404]], // Mongoose's orFail(error) throws it
      ['GET', '/a', [500]], // public status = 500, the call leaving it out
      ['GET', '/b', [410]], // the status the call gives
      ['GET', '/c', []], // computed by the call: not the default
      ['GET', '/d', [429]], // this.status = status, with status = 429 left out
    ]);
  });

  it("reads a project's numeric const handed to an error as a status only where its name says one (HttpStatusCodes.NOT_FOUND), not a limit (MAX_UPLOAD_MB = 500)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-error-limits-'));
    await writeFile(
      join(dir, 'limits.ts'),
      [
        'export const MAX_UPLOAD_MB = 500;',
        'export const Limits = { MAX_ITEMS: 100 } as const;',
        'export const HttpStatusCodes = { NOT_FOUND: 404 } as const;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { HttpStatusCodes, Limits, MAX_UPLOAD_MB } from './limits';",
        'class PayloadTooLargeError extends Error {',
        '  readonly statusCode = 413;',
        '  constructor(public limitMb: number) {',
        '    super(`over ${limitMb} MB`);',
        '  }',
        '}',
        'class TooManyItemsError extends Error {',
        '  readonly statusCode = 422;',
        '  constructor(public max: number) {',
        '    super(`over ${max} items`);',
        '  }',
        '}',
        'class RouteError extends Error {',
        '  constructor(public status: number, message: string) {',
        '    super(message);',
        '  }',
        '}',
        'const app = express();',
        "app.post('/uploads', (req, res) => {",
        '  if (req.body.size > MAX_UPLOAD_MB) throw new PayloadTooLargeError(MAX_UPLOAD_MB);',
        '  res.status(201).json({});',
        '});',
        "app.post('/carts', (req, res) => {",
        '  if (req.body.items.length > Limits.MAX_ITEMS) throw new TooManyItemsError(Limits.MAX_ITEMS);',
        '  res.status(201).json({});',
        '});',
        "app.get('/carts/:id', (req, res) => {",
        "  if (!req.params.id) throw new RouteError(HttpStatusCodes.NOT_FOUND, 'no cart');",
        '  res.json({});',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/uploads', [201, 413]], // the class's statusCode, not the limit's 500
      ['POST', '/carts', [201, 422]], // not the limit's 100, which left the route no error status
      ['GET', '/carts/:id', [200, 404]], // the project's table of statuses
    ]);
  });

  it('reads an error built first by the name thrown only where that name is the error, not a catch clause of the same name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-error-names-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        'class ConflictError extends Error {',
        '  readonly statusCode = 409;',
        '}',
        'class ForbiddenError extends Error {',
        '  readonly statusCode = 403;',
        '}',
        'declare function taken(email: string): Promise<boolean>;',
        'const app = express();',
        "app.post('/users', async (req, res, next) => {",
        '  try {',
        '    if (await taken(req.body.email)) {',
        "      const error = new ConflictError('taken');",
        '      return res.status(200).json({ ok: false, reason: error.message });',
        '    }',
        '    res.status(201).json({});',
        '  } catch (error) {',
        '    next(error);',
        '  }',
        '});',
        "app.delete('/users/:id', (req, res) => {",
        '  const error = new ForbiddenError();',
        '  if (!req.body.admin) throw error;',
        '  res.status(204).end();',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['POST', '/users', [200, 201]], // next(error) passes the catch clause's error, not the ConflictError
      ['DELETE', '/users/:id', [204, 403]],
    ]);
  });

  it("reads a project's own new HttpException(HttpStatusCodes.CONFLICT, message), its status first from the project's table", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-http-exception-table-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        'const HttpStatusCodes = { CONFLICT: 409, NOT_FOUND: 404 } as const;',
        'class HttpException extends Error {',
        '  constructor(public status: number, public message: string) {',
        '    super(message);',
        '  }',
        '}',
        'const app = express();',
        "app.post('/users', (req, res) => {",
        "  if (req.body.taken) throw new HttpException(HttpStatusCodes.CONFLICT, 'taken');",
        '  res.status(201).json({});',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['POST', '/users', [201, 409]]]);
  });

  it("reads the status of a NestJS controller's own exception classes (extends NotFoundException, or HttpException with super(…, HttpStatus.FORBIDDEN))", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-error-classes-'));
    await writeFile(
      join(dir, 'errors.ts'),
      [
        "import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';",
        'export class CatNotFound extends NotFoundException {',
        '  constructor(id: string) {',
        '    super(`cat ${id} not found`);',
        '  }',
        '}',
        'export class NotYourCat extends HttpException {',
        '  constructor() {',
        "    super('not your cat', HttpStatus.FORBIDDEN);",
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { Controller, Delete, Get, Module, Param } from '@nestjs/common';",
        "import { NestFactory } from '@nestjs/core';",
        "import { CatNotFound, NotYourCat } from './errors';",
        "@Controller('cats')",
        'export class CatsController {',
        "  @Get(':id')",
        "  one(@Param('id') id: string) {",
        '    throw new CatNotFound(id);',
        '  }',
        "  @Delete(':id')",
        '  remove() {',
        '    throw new NotYourCat();',
        '  }',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/cats/:id', [200, 404]],
      ['DELETE', '/cats/:id', [200, 403]],
    ]);
  });

  it("reads a project's error class named as a NestJS exception by its own status, not NestJS's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-error-classes-'));
    await writeFile(
      join(dir, 'errors.ts'),
      ['export class NotFoundException extends Error {', '  status = 410;', '}'].join('\n'),
    );
    await writeFile(
      join(dir, 'main.ts'),
      [
        "import { Controller, Get, Module } from '@nestjs/common';",
        "import { NestFactory } from '@nestjs/core';",
        "import { NotFoundException } from './errors';",
        "@Controller('cats')",
        'export class CatsController {',
        "  @Get(':id')",
        '  one() {',
        '    throw new NotFoundException();',
        '  }',
        '}',
        '@Module({ controllers: [CatsController] })',
        'export class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/cats/:id', [200, 410]],
    ]);
  });

  it('reads the status a response helper falls back to (code ?? 200, code || 500) where a call leaves it out, and what each call hands it otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-helper-fallback-'));
    await writeFile(
      join(dir, 'respond.ts'),
      [
        "import type { Response } from 'express';",
        'export function ok(res: Response, data: unknown, code?: number) {',
        '  res.status(code ?? 200).json({ data });',
        '}',
        'export function fail(res: Response, message: string, code?: number) {',
        '  const status = code || 500;',
        '  res.status(status).json({ message });',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { StatusCodes } from 'http-status-codes';",
        "import { fail, ok } from './respond';",
        'const app = express();',
        "app.get('/users', (req, res) => ok(res, []));",
        "app.post('/users', (req, res) => ok(res, req.body, StatusCodes.CREATED));",
        "app.put('/users/:id', (req, res) => ok(res, req.body, req.body.code));",
        "app.delete('/users/:id', (req, res) => fail(res, 'gone', 410));",
        "app.patch('/users/:id', (req, res) => fail(res, 'broken'));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.computedStatuses])).toEqual([
      ['GET', '/users', [200], undefined], // left out: the fallback
      ['POST', '/users', [201], undefined], // handed: the fallback is not reached
      ['PUT', '/users/:id', [200], ['req.body.code']], // computed: either
      ['DELETE', '/users/:id', [410], undefined], // through a const of the helper
      ['PATCH', '/users/:id', [500], undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('mounts under a prefix a function is handed (an argument, a const in a template, the default, a key of an options object, handed on), under each prefix its calls give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-handed-prefix-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Router } from 'express';",
        'export const usersRouter = Router();',
        "usersRouter.get('/', (req, res) => res.json([]));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import type { Express, Router } from 'express';",
        "import { usersRouter } from './users';",
        'export function loadRoutes(app: Express, prefix: string) {',
        '  app.use(`${prefix}/users`, usersRouter);',
        '}',
        "export function loadAdmin(app: Express, prefix = '/admin') {",
        '  app.use(prefix, usersRouter);',
        '}',
        'export function loadWith(app: Express, { prefix }: { prefix: string }) {',
        "  app.use(prefix + '/with', usersRouter);",
        '}',
        'export function loadOptions(app: Express, options: { base: string }) {',
        '  app.use(`${options.base}/opts`, usersRouter);',
        '}',
        'export function registerRoutes(router: Router, version: string) {',
        '  router.use(`/${version}/users`, usersRouter);',
        '}',
        'export function loadUnknown(app: Express, prefix: string) {',
        '  app.use(`${prefix}/unknown`, usersRouter);',
        '}',
        'export function setup(app: Express, base: string) {',
        "  loadRoutes(app, base + '/v4');",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express, { Router } from 'express';",
        "import { setup, loadAdmin, loadOptions, loadRoutes, loadUnknown, loadWith, registerRoutes } from './routes';",
        "const API = '/api';",
        'const app = express();',
        "loadRoutes(app, '/api/v1');",
        'loadRoutes(app, `${API}/v2`);',
        'loadAdmin(app);',
        "loadWith(app, { prefix: '/w' });",
        'loadOptions(app, { base: API });',
        'const api = Router();',
        "registerRoutes(api, 'v3');",
        "app.use('/api', api);",
        'loadUnknown(app, process.env.PREFIX);',
        "setup(app, '/api');",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => route.path)).toEqual([
      '/api/v1/users', // loadRoutes(app, '/api/v1')
      '/api/v2/users', // loadRoutes(app, `${API}/v2`): the same function, another call
      '/admin', // loadAdmin(app): prefix = '/admin'
      '/w/with', // loadWith(app, { prefix: '/w' }) with ({ prefix })
      '/api/opts', // loadOptions(app, { base: API }) with options.base
      '/api/v3/users', // registerRoutes(api, 'v3'): a router handed
      '/api/v4/users', // setup(app, '/api') hands base + '/v4' on
    ]);
    // A value only known at run time (process.env.PREFIX) is still a computed mount, where it is used.
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', { file: join(dir, 'routes.ts'), line: 19 }],
    ]);
  });

  it("mounts under the prefix each call gives a helper that closes over the module's app and takes only the prefix", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-closure-prefix-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express, { Router } from 'express';",
        'const app = express();',
        'const api = Router();',
        "api.get('/users', (req, res) => res.json([]));",
        'function mountRoutes(prefix: string) {',
        '  app.use(prefix, api);',
        '}',
        'const mountHealth = (base = "/internal") => {',
        '  app.get(`${base}/health`, (req, res) => res.sendStatus(204));',
        '};',
        "app.get('/', (req, res) => res.send('ok'));",
        "mountRoutes('/api');",
        "mountRoutes('/api/v2');",
        'mountHealth();',
        'function makeDocs() {',
        '  const docs = Router();',
        "  docs.get('/spec', (req, res) => res.json({}));",
        '  return docs;',
        '}',
        'const docsRouter = makeDocs(); // a const a factory of the project built',
        "app.use('/docs', docsRouter);",
        'mountRoutes(process.env.PREFIX);',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    // In the order of the calls, as Express registers them, not where the helpers are written.
    expect(routes.map((route) => [route.method, route.path])).toEqual([
      ['GET', '/'],
      ['GET', '/api/users'],
      ['GET', '/api/v2/users'],
      ['GET', '/internal/health'], // the parameter's default
      ['GET', '/docs/spec'],
    ]);
    // A value only known at run time is still a computed mount, where it is used.
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', { file: join(dir, 'app.ts'), line: 6 }],
    ]);
  });

  it("mounts the router a method of the project makes (routers.create('v1') of a module, a const object's method, required), with each call's values", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-method-factory-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import * as routers from './routers';",
        "import { factories } from './factories';",
        "const legacy = require('./legacy');",
        'const app = express();',
        "app.use('/v1', routers.create('one'));",
        "const two = routers.create('two'); // held in a const",
        "app.use('/v2', two);",
        "app.use('/admin', factories.admin());",
        "app.use('/old', legacy.build());",
        'app.listen(3000);',
      ],
      'routers.ts': [
        "import { Router } from 'express';",
        'export function create(version: string) {',
        '  const router = Router();',
        '  router.get(`/${version}/items`, (req, res) => res.status(200).json([]));',
        '  return router;',
        '}',
      ],
      'factories.ts': [
        "import { Router } from 'express';",
        'export const factories = {',
        '  admin() {',
        '    const adminRouter = Router();',
        "    adminRouter.delete('/users/:id', (req, res) => res.sendStatus(204));",
        '    return adminRouter;',
        '  },',
        '};',
      ],
      'legacy.js': [
        "const { Router } = require('express');",
        'exports.build = function () {',
        '  const legacyRouter = Router();',
        "  legacyRouter.get('/ping', (req, res) => res.send('pong'));",
        '  return legacyRouter;',
        '};',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, basename(route.file)])).toEqual([
      ['GET', '/v1/one/items', [200], 'routers.ts'],
      ['GET', '/v2/two/items', [200], 'routers.ts'],
      ['DELETE', '/admin/users/:id', [204], 'factories.ts'],
      ['GET', '/old/ping', [200], 'legacy.js'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('counts the errors a service of the project the handler calls throws, and the helpers it calls (two calls deep, cycles read once): awaited, or in a try whose catch passes them on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-service-errors-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import * as users from './users';",
        'const app = express();',
        "app.get('/users/:id', async (req, res) => {",
        '  const user = await users.get(req.params.id);',
        '  res.json(user);',
        '});',
        "app.get('/users/:id/profile', async (req, res, next) => {",
        '  try {',
        '    res.json(await users.get(req.params.id));',
        '  } catch (err) {',
        '    next(err); // passed on to the error handler',
        '  }',
        '});',
        "app.get('/users/:id/safe', async (req, res) => {",
        '  try {',
        '    res.json(await users.get(req.params.id));',
        '  } catch {',
        "    res.json(null); // kept: the service's statuses are not this route's",
        '  }',
        '});',
        "app.get('/later', (req, res) => {",
        "  setTimeout(() => users.get('x'), 10); // a callback, apart from the request",
        '  res.sendStatus(202);',
        '});',
        "app.get('/deep', async (req, res) => res.json(await users.viaLookup('x'))); // two calls deep: counted",
        "app.get('/deeper', async (req, res) => res.json(await users.viaTwo('x'))); // three calls deep: not counted",
        "app.get('/cycle', async (req, res) => res.json(await users.ping(3))); // ping → pong → ping: read once",
        'app.listen(3000);',
      ],
      'users.ts': [
        "import createError from 'http-errors';",
        "import { HttpError } from './errors';",
        'export async function get(id: string) {',
        '  if (!id) throw createError(400);',
        "  if (id === '0') throw new HttpError(404, 'no such user');",
        '  return { id };',
        '}',
        'export async function viaLookup(id: string) {',
        '  return get(id);',
        '}',
        'export async function viaTwo(id: string) {',
        '  return viaLookup(id);',
        '}',
        'export async function ping(n: number): Promise<number> {',
        '  return n > 0 ? pong(n - 1) : 0;',
        '}',
        'async function pong(n: number): Promise<number> {',
        "  if (n === 1) throw createError(409, 'odd');",
        '  return ping(n);',
        '}',
      ],
      'errors.ts': [
        'export class HttpError extends Error {',
        '  constructor(public status: number, message: string) {',
        '    super(message);',
        '  }',
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.path, route.statuses])).toEqual([
      ['/users/:id', [200, 400, 404]],
      ['/users/:id/profile', [200, 400, 404]],
      ['/users/:id/safe', [200]],
      ['/later', [202]],
      ['/deep', [200, 400, 404]],
      ['/deeper', [200]],
      ['/cycle', [200, 409]],
    ]);
  });

  it('runs the middleware a function handed the app use()s there for what the caller registers after the call (loadContainer(app) with app.use(scopePerRequest(container)))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-registrar-middleware-'));
    await writeFile(
      join(dir, 'container.ts'),
      [
        "import type { Application } from 'express';",
        "import helmet from 'helmet';",
        'const loadContainer = (app: Application) => {',
        '  app.use(helmet());',
        "  app.use('/admin', requireAdmin);",
        "  app.get('/ping', (req, res) => res.sendStatus(204));",
        '};',
        'function requireAdmin(req: any, res: any, next: any) { next(); }',
        'export default loadContainer;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import loadContainer from './container';",
        'const app = express();',
        "app.get('/before', (req, res) => res.json([]));",
        'loadContainer(app);',
        "app.get('/users', (req, res) => res.json([]));",
        "app.delete('/admin/users/:id', (req, res) => res.sendStatus(204));",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/before', []],
      ['GET', '/ping', ['helmet()']],
      ['GET', '/users', ['helmet()']],
      ['DELETE', '/admin/users/:id', ['helmet()', 'requireAdmin']],
    ]);
  });

  it('reads a handler of a controller object a factory of the project returns (ctrl.list with const ctrl = makeUsersController(users)), destructured or called in place too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-factory-controller-'));
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    };
    await write(
      'src/users.service.ts',
      [
        "import createError from 'http-errors';",
        'export class UsersService {',
        '  async find(id: string) { if (!id) throw createError(404); return { id }; }',
        '}',
      ].join('\n'),
    );
    await write(
      'src/users.controller.ts',
      [
        "import type { Request, Response } from 'express';",
        "import { UsersService } from './users.service';",
        'export function makeUsersController(users: UsersService) {',
        '  async function create(req: Request, res: Response) {',
        '    res.status(201).json(req.body);',
        '  }',
        '  return {',
        '    async show(req: Request, res: Response) {',
        '      res.json(await users.find(req.params.id));',
        '    },',
        '    list: (req: Request, res: Response) => res.json([]),',
        '    create,',
        '    remove: async (req: Request, res: Response) => { res.sendStatus(204); },',
        '  };',
        '}',
        // Two objects returned: which one answers is decided at run time, so neither is read.
        'export const makeAdminController = (strict: boolean) => {',
        '  if (strict) return { purge: (req: Request, res: Response) => res.sendStatus(403) };',
        '  return { purge: (req: Request, res: Response) => res.sendStatus(204) };',
        '};',
      ].join('\n'),
    );
    await write(
      'src/server.ts',
      [
        "import express, { Router } from 'express';",
        "import { makeAdminController, makeUsersController } from './users.controller';",
        "import { UsersService } from './users.service';",
        'const app = express();',
        'const router = Router();',
        'const ctrl = makeUsersController(new UsersService());',
        "router.get('/', ctrl.list);",
        "router.get('/:id', ctrl.show);",
        "router.post('/', ctrl.create);",
        'const { remove } = makeUsersController(new UsersService());',
        "router.delete('/:id', remove);",
        "router.put('/:id', makeUsersController(new UsersService()).create);",
        "router.delete('/', makeAdminController(true).purge);",
        "app.use('/users', router);",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users', [200]],
      ['GET', '/users/:id', [200, 404]],
      ['POST', '/users', [201]],
      ['DELETE', '/users/:id', [204]],
      ['PUT', '/users/:id', [201]],
      ['DELETE', '/users', []],
    ]);
  });

  it("counts the exceptions of a NestJS service the controller returns from (this.usersService.findOne(id)), and of a package's never", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-nest-service-'));
    const files: Record<string, string[]> = {
      'main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  await app.listen(3000);',
        '}',
        'void bootstrap();',
      ],
      'app.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { UsersController } from './users.controller';",
        "import { UsersService } from './users.service';",
        '@Module({ controllers: [UsersController], providers: [UsersService] })',
        'export class AppModule {}',
      ],
      'users.controller.ts': [
        "import { Controller, Get, Param, Delete } from '@nestjs/common';",
        "import { JwtService } from '@nestjs/jwt';",
        "import { UsersService } from './users.service';",
        "@Controller('users')",
        'export class UsersController {',
        '  constructor(private readonly usersService: UsersService, private readonly jwt: JwtService) {}',
        "  @Get(':id')",
        "  findOne(@Param('id') id: string) {",
        '    return this.usersService.findOne(id);',
        '  }',
        "  @Delete(':id')",
        "  async remove(@Param('id') id: string) {",
        '    this.jwt.verify(id);',
        '    await this.usersService.remove(id);',
        '  }',
        '}',
      ],
      'users.service.ts': [
        "import { Injectable, NotFoundException, ForbiddenException } from '@nestjs/common';",
        '@Injectable()',
        'export class UsersService {',
        '  findOne(id: string) {',
        "    if (id === '0') throw new NotFoundException();",
        '    return { id };',
        '  }',
        '  async remove(id: string) {',
        "    if (id === 'admin') throw new ForbiddenException();",
        '  }',
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['DELETE', '/users/:id', [200, 403]],
    ]);
  });

  it("counts the errors of a service handed in typed as its class: a router factory's parameter (Express), a constructor's parameter kept in a member (NestJS), and the service's own helpers", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-typed-service-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import makeOrders from './orders.routes';",
        "import { OrdersService } from './orders.service';",
        'const app = express();',
        "app.use('/orders', makeOrders(new OrdersService()));",
        'app.listen(3000);',
      ],
      'orders.routes.ts': [
        "import { Router } from 'express';",
        "import type { OrdersService } from './orders.service';",
        'export default function makeOrders(orders: OrdersService) {',
        '  const router = Router();',
        "  router.get('/:id', async (req, res) => res.json(await orders.get(req.params.id)));",
        "  router.delete('/:id', async (req, res) => {",
        '    await orders.cancel(req.params.id);',
        '    res.sendStatus(204);',
        '  });',
        '  return router;',
        '}',
      ],
      'orders.service.ts': [
        "import { ConflictError, NotFoundError } from './errors';",
        'export class OrdersService {',
        '  async get(id: string) {',
        '    if (!id) throw new NotFoundError();',
        '    return { id };',
        '  }',
        '  async cancel(id: string) {',
        '    const order = await this.get(id); // a helper of its own: its 404 too',
        '    this.ensureOpen(order);',
        '  }',
        '  private ensureOpen(order: { id: string }) {',
        "    if (order.id === 'shipped') throw new ConflictError();",
        '  }',
        '}',
      ],
      'errors.ts': [
        'export class NotFoundError extends Error { statusCode = 404; }',
        'export class ConflictError extends Error { statusCode = 409; }',
      ],
      'main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { Module } from '@nestjs/common';",
        "import { UsersController } from './users.controller';",
        '@Module({ controllers: [UsersController] })',
        'class AppModule {}',
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ],
      'users.controller.ts': [
        "import { Controller, Get, Param } from '@nestjs/common';",
        "import { UsersService } from './users.service';",
        "@Controller('users')",
        'export class UsersController {',
        '  private readonly users: UsersService;',
        '  constructor(usersService: UsersService) {',
        '    this.users = usersService;',
        '  }',
        "  @Get(':id') one(@Param('id') id: string) {",
        '    return this.users.findOne(id);',
        '  }',
        '}',
      ],
      'users.service.ts': [
        "import { Injectable, NotFoundException } from '@nestjs/common';",
        '@Injectable()',
        'export class UsersService {',
        '  findOne(id: string) {',
        "    if (id === '0') throw new NotFoundException();",
        '    return { id };',
        '  }',
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const express = await readRoutes(join(dir, 'server.ts'));
    expect(express.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/orders/:id', [200, 404]],
      ['DELETE', '/orders/:id', [204, 404, 409]],
    ]);
    const nest = await readRoutes(join(dir, 'main.ts'));
    expect(nest.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
    ]);
  });

  it('counts the errors of a service injected by token or typed as an interface: the class a NestJS provider (useClass, useExisting, useFactory) or the sole implementation binds, never a guess', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-injected-service-'));
    const files: Record<string, string[]> = {
      'package.json': ['{ "name": "accounts" }'],
      'src/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'NestFactory.create(AppModule).then((app) => app.listen(3000));',
      ],
      'src/tokens.ts': [
        "export const USERS_SERVICE = Symbol('USERS_SERVICE');",
        "export const ORDERS_SERVICE = 'ORDERS_SERVICE';",
      ],
      'src/app.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { AccountsController } from './accounts.controller';",
        "import { USERS_SERVICE, ORDERS_SERVICE } from './tokens';",
        "import { UsersService } from './users/users.service';",
        "import { OrdersService } from './orders.service';",
        "import { PaymentsService, PaymentsGateway } from './payments.service';",
        "import { AuditLog } from './audit';",
        '@Module({',
        '  controllers: [AccountsController],',
        '  providers: [',
        '    { provide: USERS_SERVICE, useClass: UsersService },',
        // The token's value written out: Nest matches tokens by value.
        "    { provide: 'ORDERS_SERVICE', useFactory: (db: unknown) => new OrdersService(db), inject: [] },",
        '    PaymentsService,',
        '    { provide: PaymentsGateway, useExisting: PaymentsService },',
        "    { provide: 'AUDIT', useValue: new AuditLog() },",
        '  ],',
        '})',
        'export class AppModule {}',
      ],
      'src/other.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { AuditLog, QuietAuditLog } from './audit';",
        "@Module({ providers: [{ provide: 'AUDIT', useClass: QuietAuditLog }] })",
        'export class OtherModule {}',
      ],
      'src/accounts.controller.ts': [
        "import { Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';",
        "import { USERS_SERVICE, ORDERS_SERVICE } from './tokens';",
        "import type { IUsersService } from './users/users.interface';",
        "import type { IOrdersService } from './orders.interface';",
        "import { PaymentsGateway } from './payments.service';",
        "import type { IAudit } from './audit';",
        "@Controller('accounts')",
        'export class AccountsController {',
        '  constructor(',
        '    @Inject(USERS_SERVICE) private readonly users: IUsersService,',
        '    @Inject(ORDERS_SERVICE) private readonly orders: IOrdersService,',
        '    private readonly payments: PaymentsGateway,',
        "    @Inject('AUDIT') private readonly audit: IAudit,",
        '  ) {}',
        "  @Get(':id') one(@Param('id') id: string) {",
        '    return this.users.findOne(id);',
        '  }',
        "  @Get(':id/orders') listOrders(@Param('id') id: string) {",
        '    return this.orders.list(id);',
        '  }',
        "  @Post(':id/pay') pay(@Param('id') id: string) {",
        '    return this.payments.charge(id);',
        '  }',
        "  @Delete(':id') remove(@Param('id') id: string) {",
        '    return this.audit.record(id);',
        '  }',
        '}',
      ],
      'src/users/users.interface.ts': ['export interface IUsersService { findOne(id: string): unknown }'],
      'src/users/users.service.ts': [
        "import { Injectable, NotFoundException } from '@nestjs/common';",
        "import { IUsersService } from './users.interface';",
        '@Injectable()',
        'export class UsersService implements IUsersService {',
        '  findOne(id: string) {',
        "    if (id === '0') throw new NotFoundException();",
        '    return { id };',
        '  }',
        '}',
      ],
      'src/orders.interface.ts': ['export interface IOrdersService { list(id: string): unknown }'],
      'src/orders.service.ts': [
        "import { ForbiddenException } from '@nestjs/common';",
        "import type { IOrdersService } from './orders.interface';",
        'export class OrdersService implements IOrdersService {',
        '  constructor(private readonly db: unknown) {}',
        '  list(id: string) {',
        "    if (id === 'x') throw new ForbiddenException();",
        '    return [];',
        '  }',
        '}',
      ],
      'src/payments.service.ts': [
        "import { ConflictException, Injectable } from '@nestjs/common';",
        'export abstract class PaymentsGateway { abstract charge(id: string): unknown }',
        '@Injectable()',
        'export class PaymentsService extends PaymentsGateway {',
        '  charge(id: string) {',
        '    if (!id) throw new ConflictException();',
        '    return { id };',
        '  }',
        '}',
        // A second subclass: only the provider decides which runs.
        'export class FakePayments extends PaymentsGateway { charge(): unknown { throw new Error() } }',
      ],
      'src/audit.ts': [
        "import { GoneException, ServiceUnavailableException } from '@nestjs/common';",
        'export interface IAudit { record(id: string): unknown }',
        'export class AuditLog implements IAudit {',
        '  record(id: string) { if (!id) throw new GoneException(); return id; }',
        '}',
        'export class QuietAuditLog implements IAudit {',
        '  record(id: string) { if (!id) throw new ServiceUnavailableException(); return id; }',
        '}',
      ],
      // A test's mock implements the interface too; it serves nothing, so the service is still the only one.
      'src/users/users.service.spec.ts': [
        "import { IUsersService } from './users.interface';",
        'export class MockUsers implements IUsersService { findOne() { return 1; } }',
      ],
      // Nor does a test runner's folder's (`__mocks__`, `__tests__`): a mock bound to the same token.
      'src/users/__mocks__/users.service.ts': [
        "import { USERS_SERVICE } from '../../tokens';",
        "import { IUsersService } from '../users.interface';",
        'export class UsersService implements IUsersService { findOne() { return 1; } }',
        'export const mockProvider = { provide: USERS_SERVICE, useClass: UsersService };',
      ],
      // A router factory handed a repository typed as its interface, which one class implements.
      'src/server.ts': [
        "import express from 'express';",
        "import { makeItems } from './items.routes';",
        "import { ItemsRepository } from './items.repository';",
        'const app = express();',
        "app.use('/items', makeItems(new ItemsRepository()));",
        "app.use('/tags', makeItems(new ItemsRepository()));",
        'app.listen(3000);',
      ],
      'src/items.routes.ts': [
        "import { Router } from 'express';",
        "import type { IItemsRepository, ITagsRepository } from './items.types';",
        'export function makeItems(items: IItemsRepository, tags?: ITagsRepository) {',
        '  const router = Router();',
        "  router.get('/:id', async (req, res) => res.json(await items.get(req.params.id)));",
        "  router.get('/:id/tags', async (req, res) => res.json(await tags!.of(req.params.id)));",
        '  return router;',
        '}',
      ],
      'src/items.types.ts': [
        'export interface IItemsRepository { get(id: string): Promise<unknown> }',
        'export interface ITagsRepository { of(id: string): Promise<unknown> }',
      ],
      'src/items.repository.ts': [
        "import type { IItemsRepository, ITagsRepository } from './items.types';",
        "import { NotFoundError, TeapotError } from './errors';",
        'export class ItemsRepository implements IItemsRepository {',
        '  async get(id: string) { if (!id) throw new NotFoundError(); return { id }; }',
        '}',
        // Two classes implement ITagsRepository: which one a call is handed is not in the code docgen reads.
        'export class SqlTags implements ITagsRepository { async of(id: string) { if (!id) throw new TeapotError(); return []; } }',
        'export class MemoryTags implements ITagsRepository { async of() { return []; } }',
      ],
      'src/errors.ts': [
        'export class NotFoundError extends Error { statusCode = 404; }',
        'export class TeapotError extends Error { statusCode = 418; }',
      ],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const nest = await readRoutes(join(dir, 'src', 'main.ts'));
    expect(nest.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/accounts/:id', [200, 404]],
      ['GET', '/accounts/:id/orders', [200, 403]],
      ['POST', '/accounts/:id/pay', [201, 409]],
      // 'AUDIT' is bound to AuditLog here and to QuietAuditLog in OtherModule: no status is guessed.
      ['DELETE', '/accounts/:id', [200]],
    ]);
    const express = await readRoutes(join(dir, 'src', 'server.ts'));
    expect(express.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/items/:id', [200, 404]],
      ['GET', '/items/:id/tags', [200]],
      ['GET', '/tags/:id', [200, 404]],
      ['GET', '/tags/:id/tags', [200]],
    ]);
  });

  it("counts the service errors of a controller method a handler hands its response to ((req, res, next) => controller.create(req, res, next)), as the method's own", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-trampoline-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import express from 'express';",
        "import { UserController } from './user.controller';",
        "import { UserService } from './user.service';",
        'const controller = new UserController(new UserService());',
        'const app = express();',
        "app.post('/users', (req, res, next) => controller.create(req, res, next));",
        'app.listen(3000);',
      ],
      'user.controller.ts': [
        "import type { NextFunction, Request, Response } from 'express';",
        "import { UserService } from './user.service';",
        'export class UserController {',
        '  constructor(private readonly users: UserService) {}',
        '  async create(req: Request, res: Response, next: NextFunction) {',
        '    try {',
        '      res.status(201).json(await this.users.create(req.body));',
        '    } catch (error) {',
        '      next(error);',
        '    }',
        '  }',
        '}',
      ],
      'user.service.ts': [
        "import { AppError } from './app-error';",
        'export class UserService {',
        '  async create(data: { email: string }) {',
        "    await this.ensureUnique(data.email); // the service's helper: two calls below the method",
        '    return data;',
        '  }',
        '  private async ensureUnique(email: string) {',
        "    if (email === 'taken') throw new AppError('Email taken', 409);",
        '  }',
        '}',
      ],
      'app-error.ts': [
        'export class AppError extends Error {',
        '  constructor(message: string, public readonly statusCode: number = 500) {',
        '    super(message);',
        '  }',
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['POST', '/users', [201, 409]]]);
  });

  it('mounts the routers a function is handed with the app, at each call: imported in the caller, handed on, or to a closure over the app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-handed-routers-'));
    await writeFile(
      join(dir, 'tools.ts'),
      [
        "import { Router } from 'express';",
        'export const toolsRouter = Router();',
        "toolsRouter.get('/', (req, res) => res.json([]));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Router } from 'express';",
        'const usersRouter = Router();',
        "usersRouter.get('/:id', (req, res) => res.json({}));",
        'export default usersRouter;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import type { Express, RequestHandler, Router } from 'express';",
        'export function mountRoutes(app: Express, toolsRouter: Router, usersRouter: Router, guard: RequestHandler) {',
        "  app.use('/api/tools', toolsRouter);",
        "  app.use('/api/users', guard, usersRouter);",
        '}',
        'export function mountVersion(app: Express, version: string, router: Router) {',
        '  app.use(`/${version}`, router);',
        '}',
        'export function setup(app: Express, api: Router) {',
        "  mountVersion(app, 'v2', api);",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express, { Router } from 'express';",
        "import { toolsRouter } from './tools';",
        "import usersRouter from './users';",
        "import { mountRoutes, mountVersion, setup } from './routes';",
        'const requireAuth = (req, res, next) => next();',
        'const app = express();',
        'const health = Router();',
        "health.get('/health', (req, res) => res.sendStatus(204));",
        'mountRoutes(app, toolsRouter, usersRouter, requireAuth);',
        "mountVersion(app, 'v1', toolsRouter);",
        "mountVersion(app, 'v1', usersRouter);",
        'setup(app, health);',
        'function mountLocal(router: Router) {',
        "  app.use('/local', router);",
        '}',
        'mountLocal(health);',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, basename(route.file)])).toEqual([
      ['GET', '/api/tools', [], 'tools.ts'],
      // The middleware as the call names it, not the parameter it arrives as.
      ['GET', '/api/users/:id', ['requireAuth'], 'users.ts'],
      // The same function, called with another router each time.
      ['GET', '/v1', [], 'tools.ts'],
      ['GET', '/v1/:id', [], 'users.ts'],
      // Handed on: setup(app, health) hands `api` to mountVersion as `router`.
      ['GET', '/v2/health', [], 'app.ts'],
      // A function of the module that closes over its app and is handed only the router.
      ['GET', '/local/health', [], 'app.ts'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads an app a function of the project makes from the routers it is handed (const app = createApp(toolsRouter, usersRouter); app.listen())', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-app-factory-routers-'));
    await writeFile(
      join(dir, 'tools.ts'),
      [
        "import { Router } from 'express';",
        'export const toolsRouter = Router();',
        "toolsRouter.get('/', (req, res) => res.json([]));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express, { Router } from 'express';",
        "export const createApp = (toolsRouter: Router, version = 'v1') => {",
        '  const app = express();',
        "  app.get('/status', (req, res) => res.sendStatus(204));",
        '  app.use(`/api/${version}/tools`, toolsRouter);',
        '  app.use(`/api/${version}/docs`, docsRouter(toolsRouter));',
        '  return app;',
        '};',
        'function docsRouter(documented: Router) {',
        '  const docs = Router();',
        "  docs.get('/', (req, res) => res.json({}));",
        "  docs.use('/tools', documented);",
        '  return docs;',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { createApp } from './app';",
        "import { toolsRouter } from './tools';",
        'const app = createApp(toolsRouter);',
        'app.listen(3000);',
      ].join('\n'),
    );
    // A router factory with parameters, called in its own module: not a closure over a router of the module.
    await writeFile(
      join(dir, 'local.ts'),
      [
        "import express, { Router } from 'express';",
        'const app = express();',
        'function docsRouter(title: string) {',
        '  const docs = Router();',
        "  docs.get('/', (req, res) => res.json({ title }));",
        '  return docs;',
        '}',
        "app.use('/docs', docsRouter('API'));",
        'app.listen(3000);',
      ].join('\n'),
    );
    expect((await readRoutes(join(dir, 'local.ts'))).routes.map((route) => route.path)).toEqual(['/docs']);
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, basename(route.file)])).toEqual([
      ['GET', '/status', 'app.ts'],
      ['GET', '/api/v1/tools', 'tools.ts'], // the router the call gives, under the parameter's default
      ['GET', '/api/v1/docs', 'app.ts'],
      ['GET', '/api/v1/docs/tools', 'tools.ts'], // handed on to a router factory
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a prefix handed in an options object with the app, each call on its own: a default there, or the key the call gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-handed-options-'));
    await writeFile(join(dir, 'constants.ts'), ["export const DEFAULT_PREFIX = '/api/v1';"].join('\n'));
    await writeFile(
      join(dir, 'auth.ts'),
      [
        "import { Router } from 'express';",
        'const authRouter = Router();',
        "authRouter.post('/login', (req, res) => res.json({}));",
        'export default authRouter;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'modules.ts'),
      [
        "import type { Express } from 'express';",
        "import { DEFAULT_PREFIX } from './constants';",
        "import authRouter from './auth';",
        'export const initializeModules = ({ app, prefix = DEFAULT_PREFIX }: { app: Express; prefix?: string }) => {',
        '  app.use(`${prefix}/auth`, authRouter);',
        '};',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { initializeModules } from './modules';",
        'const app = express();',
        'initializeModules({ app });',
        "initializeModules({ app, prefix: '/v2' });",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((route) => route.path)).toEqual([
      '/api/v1/auth/login', // initializeModules({ app }): { prefix = DEFAULT_PREFIX }, imported
      '/v2/auth/login', // initializeModules({ app, prefix: '/v2' })
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('extractRouteList', () => {
  it('reads every route in matching order, with full paths, middleware, statuses, comments and lines', async () => {
    const routes = await extractRouteList(join(shop, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/health', ['requestId'], [204], 11],
      ['GET', '/api/v1/widgets', ['requestId'], [], 10],
      ['GET', '/api/v1/widgets/:id(\\d+)', ['requestId'], [], 14],
      ['PUT', '/api/v1/widgets/:id(\\d+)', ['requestId', 'audit'], [], 15],
      ['DELETE', '/api/v1/widgets/:id(\\d+)', ['requestId'], [204], 16],
      ['POST', '/api/v1/widgets/:id/copies', ['requestId'], [201, 404], 20],
      ['GET', '/api/v1/nested/deep/:leaf?', ['requestId'], [200], 5],
      ['DELETE', '/admin/cache', ['requestId', 'requireAuth'], [202], 4],
    ]);
    expect(routes[0]).toMatchObject({
      summary: 'Liveness probe for the load balancer.',
      file: join(shop, 'server.ts'),
    });
    expect(routes[1]!.summary).toBe('Lists the widgets.');
    expect(routes[7]!.file).toBe(join(shop, 'admin', 'index.ts'));
    expect(routes.map((route) => route.openapiPath)).toContain('/api/v1/widgets/{id}');
    expect(routes.map((route) => route.openapiPath)).toContain('/api/v1/nested/deep/{leaf}');
  });

  it('reads the other common layouts: Router() chains, an anonymous default export, a router factory, a function registering on the app, JSDoc tags', async () => {
    const routes = await extractRouteList(join(fixtures, 'conduit', 'src', 'main.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.summary])).toEqual([
      ['GET', '/api/tags', [], [200], 'All tags in use.'],
      ['GET', '/api/articles', ['auth.optional'], [200], 'Paginated articles, newest first.'],
      ['POST', '/api/articles', ['auth.required'], [201], 'Create an article.'],
      ['DELETE', '/api/articles/:slug/favorite', ['auth.required'], [204], undefined],
      ['GET', '/internal/live', [], [200], undefined],
      ['GET', '/internal/ready', [], [503], undefined],
      ['POST', '/admin/reindex', [], [202], undefined],
      ['GET', '/', [], [200], undefined],
    ]);
  });

  it('reads CommonJS apps: require(), module.exports in its three forms, require() inline in a mount', async () => {
    const routes = await extractRouteList(join(fixtures, 'legacy', 'app.js'));
    expect(routes.map((route) => [route.method, route.path, route.statuses, route.summary])).toEqual([
      ['GET', '/users', [200], 'Everyone, paginated.'],
      ['GET', '/users/:id', [404], undefined],
      ['POST', '/orders', [201], undefined],
      ['GET', '/status', [200], undefined],
    ]);
  });

  it('joins paths and names services as people do', () => {
    expect(joinPaths('/catalog/v3/', '/products/')).toBe('/catalog/v3/products');
    expect(joinPaths('', '/')).toBe('/');
    expect(toOpenApiPath('/a/:id(\\d+)/b/:slug?')).toBe('/a/{id}/b/{slug}');
    expect(serviceName(join(shop, 'server.ts'))).toBe('shop');
    expect(serviceName(join(fixtures, 'no-app.ts'))).toBe('source-routes'); // the nearest package.json
  });

  it('a route whose path is a regular expression is warned of as one, not as a path computed at run time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        "app.get('/health', (req, res) => res.send());",
        "app.get(/.*fly$/, (req, res) => res.send('fly'));",
      ].join('\n'),
    );
    const { warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(warnings).toEqual([
      {
        code: 'DG_ROUTES_COMPUTED_PATH',
        severity: 'warning',
        message: 'get(/.*fly$/, …) registers a route whose path is a regular expression: it is not listed',
        location: { file: join(dir, 'server.ts'), line: 4 },
        hint: "docgen lists routes with a string path: write it as one if it can be (app.get('/*fly', …) in Express 4), or leave it out of the table as it is",
      },
    ]);
  });

  it("an `.all()` ahead of a route chain's methods is their middleware, not a route; one at its end stays a route", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        'function requireUser(req: any, res: any, next: any) {',
        '  if (!req.user) return res.status(401).end();',
        '  next();',
        '}',
        'app',
        "  .route('/lists/:id')",
        '  .all(requireUser)',
        '  .get((req, res) => res.json({}))',
        '  .delete((req, res) => res.sendStatus(204));',
        'app',
        "  .route('/health')",
        '  .get((req, res) => res.send())',
        '  .all((req, res) => res.sendStatus(405));',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.line])).toEqual([
      ['GET', '/lists/:id', ['requireUser'], [200, 401], 10],
      ['DELETE', '/lists/:id', ['requireUser'], [204, 401], 11],
      ['GET', '/health', [], [200], 14],
      ['ALL', '/health', [], [405], 15],
    ]);
  });

  it("compares with the spec under its servers' base path: what is not described, what is not served", async () => {
    const routes = await extractRouteList(join(shop, 'server.ts'));
    const comparison = await compareWithSpec(routes, join(fixtures, 'shop', 'openapi.yaml'));
    expect(comparison.basePaths).toEqual(['/api/v1']);
    expect(comparison.matched).toBe(4);
    expect(comparison.undocumented.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /health',
      'POST /api/v1/widgets/:id/copies',
      'GET /api/v1/nested/deep/:leaf?',
      'DELETE /admin/cache',
    ]);
    expect(comparison.unserved).toEqual([{ method: 'GET', path: '/gadgets', operationId: 'listGadgets', line: 13 }]);
  });

  it('an operation nothing serves is at its line in the spec, or at its path’s where the path is in a file of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      ["import express from 'express';", 'const app = express();', "app.get('/a', (_req, res) => res.json({}));"].join(
        '\n',
      ),
    );
    await mkdir(join(dir, 'paths'));
    await writeFile(
      join(dir, 'paths', 'orders.yaml'),
      ['orders:', '  get:', '    operationId: listOrders', '    responses: { "200": { description: ok } }'].join('\n'),
    );
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /a:',
        '    get: { responses: { "200": { description: ok } } }',
        '    delete: { operationId: deleteA, responses: { "204": { description: gone } } }',
        '  /orders:',
        '    $ref: paths/orders.yaml#/orders',
      ].join('\n'),
    );
    const comparison = await compareWithSpec(await extractRouteList(join(dir, 'server.ts')), join(dir, 'openapi.yaml'));
    expect(comparison.unserved.map((operation) => [operation.method, operation.path, operation.line])).toEqual([
      ['DELETE', '/a', 6],
      ['GET', '/orders', 7],
    ]);
  });

  it('matches a spec path whose template carries a constraint with braces (`{id:[0-9]{3}}`) to the route it describes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'const app = express();',
        "app.get('/users/:id(\\\\d{3})', (_req, res) => res.json({}));",
        "app.get('/users/:id(\\\\d{3})/orders', (_req, res) => res.json([]));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'openapi.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /users/{id:[0-9]{3}}: { get: { responses: { "200": { description: ok } } } }',
        '  /users/{id:[0-9]{3}}/orders: { get: { responses: { "200": { description: ok } } } }',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => route.openapiPath)).toEqual(['/users/{id}', '/users/{id}/orders']);
    const comparison = await compareWithSpec(routes, join(dir, 'openapi.yaml'));
    expect([comparison.undocumented, comparison.unserved, comparison.matched]).toEqual([[], [], 2]);
  });

  it('the example shop: every service serves exactly what its spec describes', async () => {
    const services = join(repoRoot, 'examples', 'acme-shop', 'services');
    const specs: Record<string, string> = {
      catalog: 'catalog/openapi.yaml',
      orders: 'orders/openapi/openapi.yaml',
      payments: 'payments/openapi.yaml',
      accounts: 'accounts/openapi.yaml',
      notifications: 'notifications/openapi.yaml',
    };
    for (const [service, spec] of Object.entries(specs)) {
      const routes = await extractRouteList(join(services, service, 'src', 'server.ts'));
      expect(routes.length).toBeGreaterThan(4);
      const comparison = await compareWithSpec(routes, join(services, spec));
      expect([service, comparison.undocumented.length, comparison.unserved]).toEqual([service, 0, []]);
    }
  });

  it('bad input: a syntax error at its line, an entry without an app, a missing file', async () => {
    const syntax = await docgenFailure(extractRouteList(join(fixtures, 'broken', 'server.ts')));
    expect(syntax).toMatchObject({
      code: 'DG_ROUTES_SYNTAX',
      location: { file: join(fixtures, 'broken', 'server.ts'), line: 5 },
    });
    expect(syntax.message).toMatch(/^cannot read server\.ts: '[,}]' expected\.$/);
    // A JavaScript file's TypeScript-only syntax, which the parser alone lets through, in a file an import reaches.
    const js = await mkdtemp(join(tmpdir(), 'docgen-routes-syntax-'));
    await writeFile(
      join(js, 'server.js'),
      "const express = require('express');\nconst app = express();\napp.use(require('./users'));\n",
    );
    await writeFile(
      join(js, 'users.js'),
      "const router = require('express').Router();\n\nconst limit: number = 10;\nmodule.exports = router;\n",
    );
    expect(await docgenFailure(extractRouteList(join(js, 'server.js')))).toMatchObject({
      code: 'DG_ROUTES_SYNTAX',
      message: 'cannot read users.js: Type annotations can only be used in TypeScript files.',
      location: { file: join(js, 'users.js'), line: 3 },
    });
    const noApp = await docgenFailure(extractRouteList(join(fixtures, 'no-app.ts')));
    expect(noApp.code).toBe('DG_ROUTES_NO_APP');
    const missing = await docgenFailure(
      extractRouteList(join(fixtures, 'nope.ts'), { location: { file: 'docgen.config.yaml' } }),
    );
    expect(missing).toMatchObject({ code: 'DG_ROUTES_NOT_FOUND', location: { file: 'docgen.config.yaml' } });
  });

  it('suggests the files of the package that create an app for an entry that does not exist or makes none: "did you mean src/server.ts?"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-entry-'));
    const files: Record<string, string[]> = {
      'package.json': ['{ "name": "shop" }'],
      'src/server.ts': ["import express from 'express';", 'const app = express();', 'app.listen(3000);'],
      'src/index.ts': ["import './server';", "export * from './server';"],
      'src/admin/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AdminModule } from './admin.module';",
        'NestFactory.create(AdminModule).then((app) => app.listen(3001));',
      ],
      'src/util.ts': ['export const add = (a: number, b: number) => a + b;'],
      // Tests make apps too; they serve nothing in production and are not suggested.
      'test/server.spec.ts': ["import express from 'express';", 'const app = express();'],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const origin = { name: 'sources[0].options.entry', location: { file: join(dir, 'docgen.config.yaml'), line: 4 } };
    const typo = await docgenFailure(readRoutes(join(dir, 'src', 'sever.ts'), { origin }));
    expect(typo.code).toBe('DG_ROUTES_NOT_FOUND');
    expect(typo.hint).toMatch(/; did you mean src\/server\.ts or src\/admin\/main\.ts\?$/);
    const moved = await docgenFailure(readRoutes(join(dir, 'app', 'server.ts'), { origin }));
    expect(moved.hint).toMatch(/; did you mean src\/server\.ts or src\/admin\/main\.ts\?$/);
    const noApp = await docgenFailure(readRoutes(join(dir, 'src', 'index.ts'), { origin }));
    expect(noApp).toMatchObject({ code: 'DG_ROUTES_NO_APP', location: { file: join(dir, 'src', 'index.ts') } });
    expect(noApp.hint).toMatch(/; did you mean src\/admin\/main\.ts or src\/server\.ts\?$/);
    // A flag's path is shown from the current folder.
    const flagged = await docgenFailure(
      readRoutes(join(dir, 'src', 'sever.ts'), { origin: { name: '--routes', flag: '--routes' } }),
    );
    expect(flagged.hint).toContain(`did you mean ${relative(process.cwd(), join(dir, 'src', 'server.ts'))} or `);
    // With no app anywhere in the package, the hint is as before.
    const empty = await mkdtemp(join(tmpdir(), 'docgen-entry-'));
    await writeFile(join(empty, 'package.json'), '{}');
    const none = await docgenFailure(readRoutes(join(empty, 'server.ts'), { origin }));
    expect(none.hint).not.toContain('did you mean');
  });
});

describe('the routes page', () => {
  it('is titled after the page it goes under, else after the service as a person names it; a title given wins', async () => {
    const example = await loadConfig({ cwd: join(repoRoot, 'examples', 'acme-shop') });
    const routesOnly = (entry: { plugin: string }) => ['openapi', 'routes'].includes(entry.plugin);
    const titles = (await generatePageTree(example, { include: routesOnly })).pages
      .filter((page) => page.labels.includes('http-routes'))
      .map((page) => [page.key, page.title]);
    // Under each service's API reference (`parent: api/catalog`): beside "Acme Catalog API: Products".
    expect(titles).toEqual([
      ['api/catalog/routes', 'Acme Catalog API: HTTP routes'],
      ['api/orders/routes', 'Acme Orders API: HTTP routes'],
      ['api/payments/routes', 'Acme Payments API: HTTP routes'],
      ['api/accounts/routes', 'Acme Accounts API: HTTP routes'],
      ['api/notifications/routes', 'Acme Notifications API: HTTP routes'],
    ]);

    // Alone: the package's name without its scope, or the entry's folder, in words.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-title-'));
    const app =
      "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.json({}));\napp.listen(3000);\n";
    for (const [folder, manifest] of [
      ['order-service', { name: '@acme/order-service' }],
      ['catalogApi', { name: 'catalogApi' }],
      ['inventory_sync', {}], // the package names nothing: its folder does
    ] as const) {
      await mkdir(join(dir, folder, 'src'), { recursive: true });
      await writeFile(join(dir, folder, 'package.json'), JSON.stringify(manifest));
      await writeFile(join(dir, folder, 'src', 'server.ts'), app);
    }
    const alone = (entry: string, options: Record<string, unknown> = {}) =>
      generatePageTree(
        configFromObject({ sources: [{ plugin: 'routes', options: { entry, ...options } }] }, { dir }),
      ).then((tree) => tree.pages.map((page) => [page.key, page.title]));
    expect(await alone('order-service/src/server.ts')).toEqual([
      ['routes/order-service', 'Order service: HTTP routes'],
    ]);
    expect(await alone('catalogApi/src/server.ts')).toEqual([['routes/catalogapi', 'Catalog API: HTTP routes']]);
    expect(await alone('inventory_sync/src/server.ts')).toEqual([
      ['routes/inventory_sync', 'Inventory sync: HTTP routes'],
    ]);
    // A title given stays as given, under a parent too.
    const given = await generatePageTree(
      configFromObject(
        {
          sources: [
            { plugin: 'routes', options: { entry: 'catalogApi/src/server.ts', key: 'catalog' } },
            { plugin: 'routes', parent: 'catalog', options: { entry: 'order-service/src/server.ts', title: 'Orders' } },
          ],
        },
        { dir },
      ),
    );
    expect(given.pages.map((page) => [page.key, page.title])).toEqual([
      ['catalog', 'Catalog API: HTTP routes'],
      ['catalog/routes', 'Orders'],
    ]);
  });

  it('a table in matching order and the comparison, paths shown from the config folder', async () => {
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const entry = join(shop, 'server.ts');
    const routes = await extractRouteList(entry);
    const comparison = await compareWithSpec(routes, join(fixtures, 'shop', 'openapi.yaml'));
    const tree = renderRoutes({ service: 'shop', entry, framework: 'Express', routes, comparison }, templates, {
      cwd: join(fixtures, 'shop'),
    });
    validatePageTree(tree);
    const [page] = tree.pages;
    expect(page).toMatchObject({ key: 'routes/shop', title: 'Shop: HTTP routes', labels: ['http-routes'] });
    expect(page!.markdown).toContain('The HTTP routes `shop` serves, read from its code (`src/server.ts`): 8 routes');
    // What every route passes through is said once, not on every row.
    expect(page!.markdown).toContain(
      'Every route passes first through `requestId`; the middleware column shows what follows.',
    );
    expect(page!.markdown).toContain('| PUT | `/api/v1/widgets/:id(\\d+)` | `audit` |  | `src/api.ts:15` |  |');
    expect(page!.markdown).toContain(
      '| GET | `/health` |  | 204 | `src/server.ts:11` | Liveness probe for the load balancer. |',
    );
    expect(page!.markdown).toContain('Spec `openapi.yaml` (paths under `/api/v1`): 4 of 8 routes are described.');
    expect(page!.markdown).toContain('### Served, not in the spec');
    expect(page!.markdown).toContain('| GET | `/gadgets` | `listGadgets` |');
  });

  it('a file outside the folder it runs in (--routes given from elsewhere) is named from its repository, not by climbing out', async () => {
    const repository = await mkdtemp(join(tmpdir(), 'docgen-routes-repo-'));
    await cp(join(fixtures, 'shop'), repository, { recursive: true });
    await mkdir(join(repository, '.git'));
    const entry = join(repository, 'src', 'server.ts');
    const routes = await extractRouteList(entry);
    const comparison = await compareWithSpec(routes, join(repository, 'openapi.yaml'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'docgen-routes-cwd-'));
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const [page] = renderRoutes({ service: 'shop', entry, framework: 'Express', routes, comparison }, templates, {
      cwd: elsewhere,
    }).pages;
    expect(page!.markdown).toContain('read from its code (`src/server.ts`)');
    expect(page!.markdown).toContain('| PUT | `/api/v1/widgets/:id(\\d+)` | `audit` |  | `src/api.ts:15` |  |');
    expect(page!.markdown).toContain('Spec `openapi.yaml` (paths under `/api/v1`)');
    expect(page!.markdown).not.toContain('../');
  });

  it('says a status computed at run time is computed, beside the literals read (res.status(err.statusCode || 500), a ?: of literals, a helper the response is handed to), never a wrong literal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import createError from 'http-errors';",
        "import { sendError } from './errors';",
        'const app = express();',
        "app.get('/orders', async (req, res) => {",
        '  try { res.json(await list()); } catch (err) { res.status(err.statusCode || 500).json({ message: err.message }); }',
        '});',
        "app.post('/orders', (req, res) => { res.status(req.body.draft ? 202 : 201).end(); });",
        "app.delete('/orders/:id', (req, res, next) => { if (!req.user) return next(createError(req.authStatus)); sendError(res, req.err); });",
        "app.get('/health', (req, res) => { res.sendStatus(204); });",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(join(dir, 'errors.ts'), 'export function sendError(res, err) { res.status(err.status).json({}); }');
    const model = await readRoutes(join(dir, 'app.ts'));
    expect(model.routes.map((r) => [r.method, r.path, r.statuses, r.computedStatuses])).toEqual([
      ['GET', '/orders', [200, 500], ['err.statusCode']],
      ['POST', '/orders', [201, 202], undefined],
      ['DELETE', '/orders/:id', [], ['req.authStatus', 'err.status']],
      ['GET', '/health', [204], undefined],
    ]);
    const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
    const [page] = renderRoutes({ ...model, service: 'orders', entry: join(dir, 'app.ts') }, templates, {
      cwd: dir,
    }).pages;
    // No route has middleware of its own or a comment: no Middleware or Notes column of empty cells.
    expect(page!.markdown).toContain('| Method | Path | Statuses | Defined in |\n| --- | --- | --- | --- |\n');
    expect(page!.markdown).toContain(
      '| GET | `/orders` | 200, 500; computed at run time: `err.statusCode` | `app.ts:5` |\n',
    );
    expect(page!.markdown).toContain(
      '| DELETE | `/orders/:id` | computed at run time: `req.authStatus`, `err.status` |',
    );
  });

  it('follows a router a method of a class returns (new UserController().getRouter(), this.router = this.buildRouter()), and mounts the elements of a route table it can follow, warning of the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import express from 'express';",
        "import { UserController } from './user.controller';",
        "import { healthRoutes } from './health';",
        "import { ordersRoute, AdminRoute } from './more';",
        'const app = express();',
        'const users = new UserController();',
        "app.use('/api', new UserController().getRouter());",
        "app.use('/v2', users.getRouter());",
        'const routes = [',
        "  { path: '/health', router: healthRoutes },",
        '  { path: process.env.EXTRA, router: healthRoutes },',
        "  { path: '/legacy', router: makeLegacy() },",
        '];',
        'routes.forEach((r) => app.use(r.path, r.router));',
        "function makeLegacy() { const legacy = express.Router(); legacy.get('/x', (req, res) => res.sendStatus(410)); return legacy; }",
        'const more = [ordersRoute, new AdminRoute()];',
        'for (const route of more) app.use(route.path, route.router);',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'user.controller.ts'),
      [
        "import { Router } from 'express';",
        'export class UserController {',
        '  private router = Router();',
        '  getRouter() {',
        "    this.router.get('/users', this.list);",
        '    return this.router;',
        '  }',
        '  list(req, res) { res.status(200).json([]); }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'health.ts'),
      [
        "import { Router } from 'express';",
        'class Health {',
        '  router: Router;',
        '  constructor() { this.router = this.buildRouter(); }',
        "  private buildRouter() { const router = Router(); router.get('/', (req, res) => res.sendStatus(204)); return router; }",
        '}',
        'export const healthRoutes = new Health().router;',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'more.ts'),
      [
        "import { Router } from 'express';",
        'const ordersRouter = Router();',
        "ordersRouter.get('/', (req, res) => res.status(200).json([]));",
        "export const ordersRoute = { path: '/orders', router: ordersRouter };",
        'export class AdminRoute {',
        "  path = '/admin';",
        '  router = Router();',
        "  constructor() { this.router.delete('/cache', (req, res) => res.sendStatus(202)); }",
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/users', [200]],
      ['GET', '/v2/users', [200]],
      ['GET', '/health', [204]],
      ['GET', '/legacy/x', [410]],
      ['GET', '/orders', [200]], // a const object literal imported from another module
      ['DELETE', '/admin/cache', [202]], // an instance of a route class with path and router fields
    ]);
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location!.line])).toEqual([
      ['DG_ROUTES_COMPUTED_MOUNT', 'app.ts', 11], // the element at a computed path: only it is left out
    ]);
  });

  it('counts the errors of a service inversify binds to the token a controller injects (@inject(TYPES.Users) private users: IUsersService with bind(TYPES.Users).to(UsersService))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-inversify-bind-'));
    const files: Record<string, string[]> = {
      'package.json': ['{ "name": "users" }'],
      'server.ts': [
        "import 'reflect-metadata';",
        "import { Container } from 'inversify';",
        "import { InversifyExpressServer } from 'inversify-express-utils';",
        "import { TYPES } from './types';",
        "import { UsersService } from './users.service';",
        "import { AuditService } from './audit.service';",
        "import './users.controller';",
        'const container = new Container();',
        'container.bind<IUsersService>(TYPES.Users).to(UsersService);',
        'container.bind(TYPES.Audit).toConstantValue(new AuditService());',
        'new InversifyExpressServer(container).build().listen(3000);',
      ],
      'types.ts': ["export const TYPES = { Users: Symbol.for('Users'), Audit: Symbol.for('Audit') };"],
      'users.interface.ts': ['export interface IUsersService { find(id: string): Promise<unknown> }'],
      'users.service.ts': [
        "import { injectable } from 'inversify';",
        "import type { IUsersService } from './users.interface';",
        "import { NotFoundError } from './errors';",
        '@injectable()',
        'export class UsersService implements IUsersService {',
        '  async find(id: string) { if (!id) throw new NotFoundError(); return { id }; }',
        '}',
      ],
      'audit.service.ts': [
        "import { GoneError } from './errors';",
        'export class AuditService { record(id: string) { if (!id) throw new GoneError(); } }',
      ],
      'errors.ts': [
        'export class NotFoundError extends Error { statusCode = 404; }',
        'export class GoneError extends Error { statusCode = 410; }',
      ],
      'users.controller.ts': [
        "import { inject } from 'inversify';",
        "import { controller, httpDelete, httpGet, requestParam } from 'inversify-express-utils';",
        "import { TYPES } from './types';",
        "import type { IUsersService } from './users.interface';",
        "@controller('/users')",
        'export class UsersController {',
        '  constructor(',
        '    @inject(TYPES.Users) private readonly users: IUsersService,',
        '    @inject(TYPES.Audit) private readonly audit: { record(id: string): void },',
        '  ) {}',
        "  @httpGet('/:id') show(@requestParam('id') id: string) { return this.users.find(id); }",
        "  @httpDelete('/:id') remove(@requestParam('id') id: string) { this.audit.record(id); return 'ok'; }",
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['DELETE', '/users/:id', [200, 410]],
    ]);
  });

  it("reads inversify-express-utils' decorated controllers the entry loads (@controller, @httpGet…, httpMethod), under the server's rootPath, with BaseHttpController's results as statuses (gjdotto/project-x)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-inversify-'));
    await mkdir(join(dir, 'controllers'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import 'reflect-metadata';",
        "import express from 'express';",
        "import { Container } from 'inversify';",
        "import { InversifyExpressServer } from 'inversify-express-utils';",
        "import './controllers';",
        'const container = new Container();',
        "const server = new InversifyExpressServer(container, null, { rootPath: '/api/v1' });",
        'server.setConfig((app) => { app.use(express.json()); });',
        'server.build().listen(3000);',
      ].join('\n'),
    );
    await writeFile(join(dir, 'controllers', 'index.ts'), "export * from './users';\nimport './health';\n");
    await writeFile(
      join(dir, 'controllers', 'users.ts'),
      [
        "import { BaseHttpController, controller, httpDelete, httpGet, httpMethod, httpPost, response } from 'inversify-express-utils';",
        "import { authenticate } from '../auth';",
        "@controller('/users', authenticate)",
        'export class UsersController extends BaseHttpController {',
        '  /** Every user. */',
        "  @httpGet('/')",
        '  list() { return this.json([]); }',
        "  @httpPost('/', validate('user'))",
        "  create() { return this.created('/users/1', {}); }",
        "  @httpGet('/:id')",
        '  show() { if (!found) return this.notFound(); return this.ok({}); }',
        "  @httpDelete('/:id')",
        '  remove(@response() res) { try { res.sendStatus(204); } catch (err) { res.status(err.status).end(); } }',
        "  @httpMethod('purge', '/cache')",
        '  purge() { return this.statusCode(202); }',
        '  @httpGet(process.env.EXTRA)',
        '  extra() {}',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'controllers', 'health.ts'),
      "import { controller, httpGet } from 'inversify-express-utils';\n@controller('/health')\nexport class Health { @httpGet('/') check() { return 'ok'; } }\n",
    );
    await writeFile(
      join(dir, 'controllers', 'unused.ts'),
      "import { controller, httpGet } from 'inversify-express-utils';\n@controller('/unused')\nexport class Unused { @httpGet('/') no() {} }\n",
    );
    const { framework, routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(framework).toBe('Express');
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.computedStatuses, r.summary])).toEqual([
      ['GET', '/api/v1/users', ['authenticate'], [200], undefined, 'Every user.'],
      ['POST', '/api/v1/users', ['authenticate', "validate('user')"], [201], undefined, undefined],
      ['GET', '/api/v1/users/:id', ['authenticate'], [200, 404], undefined, undefined],
      ['DELETE', '/api/v1/users/:id', ['authenticate'], [204], ['err.status'], undefined],
      ['PURGE', '/api/v1/users/cache', ['authenticate'], [202], undefined, undefined],
      ['GET', '/api/v1/health', [], [200], undefined, undefined], // loaded by the barrel for its side effects; unused.ts is not loaded
    ]);
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location!.line])).toEqual([
      ['DG_ROUTES_COMPUTED_PATH', 'users.ts', 16],
    ]);
  });

  it("reads what inversify-express-utils' setConfig((app) => …) registers on the Express app, before the controllers, and setErrorConfig's after them", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-inversify-config-'));
    await writeFile(
      join(dir, 'docs.ts'),
      [
        "import { Router } from 'express';",
        'export const docs = Router();',
        "docs.get('/openapi.json', (req, res) => res.json({}));",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'configure.ts'),
      [
        "import type { Application } from 'express';",
        'export function fallbacks(app: Application) {',
        "  app.all('/legacy', (req, res) => res.sendStatus(410));",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import 'reflect-metadata';",
        "import express from 'express';",
        "import { Container } from 'inversify';",
        "import { controller, httpGet, InversifyExpressServer } from 'inversify-express-utils';",
        "import { docs } from './docs';",
        "import { fallbacks } from './configure';",
        "import helmet from 'helmet';",
        "@controller('/cats')",
        "export class Cats { @httpGet('/') list() { return []; } }",
        'const container = new Container();',
        "const server = new InversifyExpressServer(container, null, { rootPath: '/api' });",
        'server.setConfig((app) => {',
        '  app.use(express.json());',
        "  app.use('/docs', docs);",
        '  app.use(helmet()); // runs before the controllers and what comes after it',
        "  app.get('/health', (req, res) => res.sendStatus(204));",
        '});',
        'server.setErrorConfig(fallbacks);',
        'server.build().listen(3000);',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, basename(r.file)])).toEqual([
      ['GET', '/docs/openapi.json', [], [200], 'docs.ts'], // not under rootPath: on the app itself
      ['GET', '/health', ['helmet()'], [204], 'server.ts'],
      ['GET', '/api/cats', ['helmet()'], [200], 'server.ts'], // a returned value: sent as a 200
      ['ALL', '/legacy', ['helmet()'], [410], 'configure.ts'], // setErrorConfig runs after the controllers are registered
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads routing-controllers apps as their own framework: controllers listed or globbed, routePrefix, @HttpCode, @OnUndefined, its errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-'));
    await mkdir(join(dir, 'controllers'));
    await writeFile(
      join(dir, 'controllers', 'users.controller.ts'),
      [
        "import { Authorized, Body, Delete, Get, HttpCode, JsonController, NotFoundError, OnUndefined, Param, Post, UseBefore } from 'routing-controllers';",
        "import { audit } from '../audit';",
        "@JsonController('/users')",
        '@UseBefore(audit)',
        'export class UsersController {',
        '  /** Every user. */',
        '  @Get()',
        '  list() { return []; }',
        "  @Get('/:id')",
        "  one(@Param('id') id: number) { if (!id) throw new NotFoundError('no user'); return {}; }",
        '  @Post()',
        '  @HttpCode(201)',
        "  @Authorized('admin')",
        '  create(@Body() user: unknown) { return user; }',
        "  @Delete('/:id')",
        '  @OnUndefined(204)',
        '  remove() {}',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'controllers', 'health.controller.ts'),
      [
        "import { Controller, Get, Res } from 'routing-controllers';",
        '@Controller()',
        'export class HealthController {',
        "  @Get('/health')",
        '  check(@Res() res: any) { return res.status(204).send(); }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import 'reflect-metadata';",
        "import cors from 'cors';",
        "import express from 'express';",
        "import * as glob from 'glob';",
        "import path from 'path';",
        "import { useExpressServer } from 'routing-controllers';",
        "import { UsersController } from './controllers/users.controller';",
        'const app = express();',
        "app.get('/ping', (req, res) => res.send('pong'));",
        'app.use(cors()); // before the controllers: runs before each of them',
        "useExpressServer(app, { routePrefix: '/api', controllers: [UsersController, `${__dirname}/controllers/health.*`] });",
        "const options = { controllers: glob.sync(path.join(__dirname, 'controllers', '*.controller.js')) };",
        'useExpressServer(app, options);',
        "app.use('/fallback', (req, res) => res.status(404).end());",
        'app.listen(3000);',
      ].join('\n'),
    );
    const { framework, routes, warnings } = await readRoutes(join(dir, 'server.ts'));
    expect(framework).toBe('Express');
    expect(routes.map((r) => [r.method, r.path, r.middleware, r.statuses, r.summary])).toEqual([
      ['GET', '/ping', [], [200], undefined], // the app's own, registered before the controllers
      ['GET', '/api/users', ['cors()', 'audit'], [200], 'Every user.'],
      ['GET', '/api/users/:id', ['cors()', 'audit'], [200, 404], undefined], // routing-controllers' NotFoundError
      ['POST', '/api/users', ['cors()', 'audit', "Authorized('admin')"], [201], undefined],
      ['DELETE', '/api/users/:id', ['cors()', 'audit'], [204], undefined], // remove() {} returns nothing: only @OnUndefined's 204, never a 200
      ['GET', '/api/health', ['cors()'], [204], undefined], // a glob in the list
      ['GET', '/health', ['cors()'], [204], undefined], // glob.sync(…) of a const's: its .js matches the .ts sources
      ['GET', '/users', ['cors()', 'audit'], [200], 'Every user.'],
      ['GET', '/users/:id', ['cors()', 'audit'], [200, 404], undefined],
      ['POST', '/users', ['cors()', 'audit', "Authorized('admin')"], [201], undefined],
      ['DELETE', '/users/:id', ['cors()', 'audit'], [204], undefined],
      [
        'ALL',
        '/fallback/*',
        ['cors()'],
        [404],
        'Answered by the function written here, for every path under it: its routes are not read',
      ],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the routing-controllers controllers the entry loads when createExpressServer lists none, under the names their decorators are imported as (pleerock/routing-controllers-express-demo)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-loaded-'));
    await writeFile(
      join(dir, 'posts.ts'),
      [
        "import { Get, JsonController, Post as HttpPost } from 'routing-controllers';",
        '@JsonController()',
        'export class PostController {',
        "  @Get('/posts')",
        '  all() { return []; }',
        "  @HttpPost('/posts')",
        '  post() { return {}; }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'unused.ts'),
      "import { Get, JsonController } from 'routing-controllers';\n@JsonController('/unused')\nexport class Unused { @Get() no() {} }\n",
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import 'reflect-metadata';",
        "import { createExpressServer } from 'routing-controllers';",
        "import './posts';",
        'createExpressServer({}).listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/posts', [200]],
      ['POST', '/posts', [200]], // @HttpPost is the package's Post
    ]);
  });

  it("keeps a routing-controllers method's default 200 where some path returns a value with no status set, not where every return follows one", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-default-'));
    await writeFile(
      join(dir, 'items.ts'),
      [
        "import { Ctx, Get, JsonController, Param, Res } from 'routing-controllers';",
        "@JsonController('/items')",
        'export class ItemsController {',
        "  @Get('/:id')",
        "  one(@Param('id') id: string, @Res() res: any) { if (!id) { res.status(400); return { error: 'id' }; } return { id }; }",
        "  @Get('/:id/raw')",
        '  raw(@Res() res: any) { if (!res.locals.ok) { res.status(400); return res.send(); } res.status(204); return res.send(); }',
        "  @Get('/:id/koa')",
        "  koa(@Param('id') id: string, @Ctx() ctx: any) { if (!id) { ctx.status = 404; return; } return { id }; }",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import 'reflect-metadata';",
        "import { createExpressServer } from 'routing-controllers';",
        "import { ItemsController } from './items';",
        'createExpressServer({ controllers: [ItemsController] }).listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.path, r.statuses])).toEqual([
      ['/items/:id', [200, 400]], // the other branch returns a value with no status set
      ['/items/:id/raw', [204, 400]], // every return follows a status: no 200 invented
      ['/items/:id/koa', [200, 404]],
    ]);
  });

  it("reads the routes an app routing-controllers makes serves beside its controllers (createExpressServer), and a Koa app's own beside useKoaServer", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-own-'));
    await writeFile(
      join(dir, 'users.ts'),
      [
        "import { Get, JsonController } from 'routing-controllers';",
        "@JsonController('/users')",
        'export class UsersController {',
        "  @Get('/')",
        '  list() { return []; }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'express.ts'),
      [
        "import { createExpressServer } from 'routing-controllers';",
        "import { UsersController } from './users';",
        "const app = createExpressServer({ routePrefix: '/api', controllers: [UsersController] });",
        "app.get('/health', (req, res) => res.sendStatus(204));",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'v1.ts'),
      [
        "import Router from '@koa/router';",
        "export const v1 = new Router({ prefix: '/v1' });",
        "v1.get('/items', (ctx) => { ctx.body = []; });",
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'koa.ts'),
      [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        "import { useKoaServer } from 'routing-controllers';",
        "import { UsersController } from './users';",
        "import { v1 } from './v1';",
        'const app = new Koa();',
        'const router = new Router();',
        'const requestLogger = async (ctx, next) => { await next(); };',
        "router.get('/health', (ctx) => { ctx.status = 204; });",
        'app.use(requestLogger);',
        'app.use(router.routes());',
        'app.use(v1.routes());',
        "useKoaServer(app, { routePrefix: '/api', controllers: [UsersController] });",
        "const late = new Router({ prefix: '/late' });",
        "late.get('/', (ctx) => { ctx.body = 'late'; });",
        'app.use(late.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    const express = await readRoutes(join(dir, 'express.ts'));
    // createExpressServer registers the controllers as it makes the app: what is added after comes after them.
    expect(express.routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/users', [200]],
      ['GET', '/health', [204]],
    ]);
    expect(express.warnings).toEqual([]);
    const koa = await readRoutes(join(dir, 'koa.ts'));
    expect(koa.framework).toBe('Koa');
    expect(koa.routes.map((r) => [r.method, r.path, r.middleware])).toEqual([
      ['GET', '/health', ['requestLogger']], // registered in the entry before useKoaServer
      ['GET', '/v1/items', ['requestLogger']], // written in another module, mounted before useKoaServer
      ['GET', '/api/users', ['requestLogger']], // the app's middleware before useKoaServer runs first
      ['GET', '/late', ['requestLogger']],
    ]);
    expect(koa.warnings).toEqual([]);
    await writeFile(
      join(dir, 'koa-created.ts'),
      [
        "import Router from '@koa/router';",
        "import { createKoaServer } from 'routing-controllers';",
        "import { UsersController } from './users';",
        'const router = new Router();',
        "router.get('/health', (ctx) => { ctx.status = 204; });",
        "const app = createKoaServer({ routePrefix: '/api', controllers: [UsersController] });",
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    // createKoaServer registers the controllers as it makes the app: its own routes come after them.
    const created = await readRoutes(join(dir, 'koa-created.ts'));
    expect(created.routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/api/users'],
      ['GET', '/health'],
    ]);
    // Imported under another name, it is still createKoaServer: the app it makes, and its controllers.
    await writeFile(
      join(dir, 'koa-aliased.ts'),
      [
        "import Router from '@koa/router';",
        "import { createKoaServer as makeServer } from 'routing-controllers';",
        "import { UsersController } from './users';",
        'const router = new Router();',
        "router.get('/health', (ctx) => { ctx.status = 204; });",
        "const app = makeServer({ routePrefix: '/api', controllers: [UsersController] });",
        'app.use(router.routes());',
        'app.listen(3000);',
      ].join('\n'),
    );
    const aliased = await readRoutes(join(dir, 'koa-aliased.ts'));
    expect(aliased.framework).toBe('Koa');
    expect(aliased.routes.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/api/users'],
      ['GET', '/health'],
    ]);
    expect(aliased.warnings).toEqual([]);
  });

  it("reads the statuses a routing-controllers method raises on the Koa @Ctx() it takes (ctx.throw, ctx.assert) beside those it sets, and Koa's ctx.assert", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-rc-ctx-'));
    const files: Record<string, string[]> = {
      'server.ts': [
        "import 'reflect-metadata';",
        "import { createKoaServer } from 'routing-controllers';",
        "import { UsersController } from './users.controller';",
        'const app = createKoaServer({ controllers: [UsersController] });',
        'app.listen(3000);',
      ],
      'users.controller.ts': [
        "import { Body, Controller, Ctx, Delete, Get, Param, Post } from 'routing-controllers';",
        "import type { Context } from 'koa';",
        "@Controller('/users')",
        'export class UsersController {',
        "  @Get('/:id')",
        "  async one(@Param('id') id: string, @Ctx() ctx: Context) {",
        '    const user = await find(id);',
        '    if (!user) {',
        '      ctx.status = 404;',
        '      return;',
        '    }',
        '    return user;',
        '  }',
        "  @Post('/')",
        '  async create(@Body() body: unknown, @Ctx() ctx: Context) {',
        "    if (!body) ctx.throw(400, 'a body is required');",
        '    ctx.status = 201;',
        '    return body;',
        '  }',
        "  @Delete('/:id')",
        '  async remove(@Ctx() context: Context) {',
        '    context.throw(403); // every path throws: no default 200',
        '  }',
        "  @Get('/:id/secret')",
        '  async secret(@Ctx() ctx: Context) {',
        "    ctx.assert(ctx.state.user, 401, 'sign in');",
        '    return {};',
        '  }',
        '}',
      ],
      'koa.ts': [
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        "router.get('/me', (ctx) => {",
        '  ctx.assert(ctx.state.user, 401);',
        '  ctx.body = ctx.state.user;',
        '});',
        'app.use(router.routes());',
        'app.listen(3000);',
      ],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([
      ['GET', '/users/:id', [200, 404]],
      ['POST', '/users', [201, 400]],
      ['DELETE', '/users/:id', [403]],
      ['GET', '/users/:id/secret', [200, 401]],
    ]);
    const koa = await readRoutes(join(dir, 'koa.ts'));
    expect(koa.routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['GET', '/me', [200, 401]]]);
  });

  it('reads routing-controllers controllers given as spread lists (here or imported) and as an object of lists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-lists-'));
    for (const [name, path] of [
      ['Users', '/users'],
      ['Posts', '/posts'],
      ['Health', '/health'],
    ])
      await writeFile(
        join(dir, `${name.toLowerCase()}.ts`),
        [
          "import { Get, JsonController } from 'routing-controllers';",
          `@JsonController('${path}')`,
          `export class ${name}Controller {`,
          "  @Get('/')",
          '  list() { return []; }',
          '}',
        ].join('\n'),
      );
    await writeFile(
      join(dir, 'controllers.ts'),
      ["import { UsersController } from './users';", 'export const v1Controllers = [UsersController];'].join('\n'),
    );
    await writeFile(
      join(dir, 'spread.ts'),
      [
        "import express from 'express';",
        "import { useExpressServer } from 'routing-controllers';",
        "import { v1Controllers } from './controllers';",
        "import { PostsController } from './posts';",
        'const app = express();',
        "useExpressServer(app, { routePrefix: '/api', controllers: [...v1Controllers, PostsController] });",
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'object.ts'),
      [
        "import express from 'express';",
        "import { useExpressServer } from 'routing-controllers';",
        "import { UsersController } from './users';",
        "import { PostsController } from './posts';",
        "import { HealthController } from './health';",
        'const base = [HealthController];',
        'const controllers = { v1: [UsersController], v2: [PostsController], base };',
        'const app = express();',
        'useExpressServer(app, { controllers });',
        'useExpressServer(app, { controllers: [...controllersFor(process.env.NODE_ENV)] });',
        'app.listen(3000);',
      ].join('\n'),
    );
    const spread = await readRoutes(join(dir, 'spread.ts'));
    expect(spread.routes.map((r) => r.path)).toEqual(['/api/users', '/api/posts']);
    expect(spread.warnings).toEqual([]);
    const object = await readRoutes(join(dir, 'object.ts'));
    expect(object.routes.map((r) => r.path)).toEqual(['/users', '/posts', '/health']);
    // A list computed at run time is still said to be unread, where it is written.
    expect(object.warnings.map((w) => [w.code, w.location])).toEqual([
      ['DG_ROUTES_PLUGIN_UNREAD', { file: join(dir, 'object.ts'), line: 10 }],
    ]);
  });

  it("reads routing-controllers options a class keeps in a static field, and statuses named by a numeric enum of the project, in res.status() and an error class (LeandroParisi's template)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routing-controllers-static-'));
    await writeFile(join(dir, 'status.ts'), 'export enum StatusCode { OK = 200, NOT_FOUND = 404 }\n');
    await writeFile(
      join(dir, 'errors.ts'),
      [
        "import { StatusCode } from './status';",
        'export default class ApiError extends Error {',
        '  constructor(public statusCode: StatusCode, message: string) { super(message); }',
        '}',
        'export class InexistentUserError extends ApiError {',
        "  constructor() { super(StatusCode.NOT_FOUND, 'no such user'); }",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'health.ts'),
      [
        "import { Controller, Get, Res } from 'routing-controllers';",
        "import { StatusCode } from './status';",
        "import { InexistentUserError } from './errors';",
        "@Controller('/health')",
        'export default class HealthCheck {',
        '  @Get()',
        "  check(@Res() res: any) { return res.status(StatusCode.OK).send('Alive'); }",
        "  @Get('/user')",
        '  user() { throw new InexistentUserError(); }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { createExpressServer } from 'routing-controllers';",
        "import HealthCheck from './health';",
        'export class Server {',
        "  static readonly RoutingControllersOptions = { controllers: [HealthCheck], routePrefix: '/api' };",
        '  app: any;',
        '  start() { this.app = createExpressServer(Server.RoutingControllersOptions); this.app.listen(3000); }',
        '}',
      ].join('\n'),
    );
    await writeFile(join(dir, 'index.ts'), "import { Server } from './server';\nnew Server().start();\n");
    const { routes } = await readRoutes(join(dir, 'index.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/health', [200]],
      ['GET', '/api/health/user', [404]], // it only throws: never a 200
    ]);
  });

  it("follows a router a static getter builds (AppRoutes.routes) handed to class Server's constructor in an options object (this.app.use(this.routes)), as gerodrig/REST-Auth-UserStore's course template does", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await mkdir(join(dir, 'category'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { AppRoutes } from './routes';",
        "import { Server } from './server';",
        'function main() {',
        '  const server = new Server({ port: 3000, routes: AppRoutes.routes });',
        '  server.start();',
        '}',
        'main();',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express, { Router } from 'express';",
        'interface Options { port: number; routes: Router }',
        'export class Server {',
        '  public readonly app = express();',
        '  private readonly routes: Router;',
        '  constructor(options: Options) {',
        '    const { port, routes } = options;',
        '    this.routes = routes;',
        '  }',
        '  async start() {',
        '    this.app.use(express.json());',
        '    this.app.use(this.routes);',
        '    this.app.listen(3000);',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Router } from 'express';",
        "import { CategoryRoutes } from './category/routes';",
        'export class AppRoutes {',
        '  static get routes(): Router {',
        '    const router = Router();',
        "    router.use('/api/categories', CategoryRoutes.routes);",
        '    return router;',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'category', 'routes.ts'),
      [
        "import { Router } from 'express';",
        "import { CategoryController } from './controller';",
        'export class CategoryRoutes {',
        '  static get routes(): Router {',
        '    const router = Router();',
        '    const controller = new CategoryController();',
        "    router.get('/', controller.getCategories);",
        "    router.post('/', controller.createCategory);",
        '    return router;',
        '  }',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'category', 'controller.ts'),
      [
        'export class CategoryController {',
        '  private handleError = (error, res) => {',
        '    if (error instanceof CustomError) return res.status(error.statusCode).json({});',
        '    return res.status(500).json({});',
        '  };',
        '  getCategories = (req, res) => { list().then((c) => res.json(c)).catch((error) => this.handleError(error, res)); };',
        '  createCategory = (req, res) => { if (!req.body) return res.status(400).json({}); res.status(201).json({}); };',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses, r.computedStatuses])).toEqual([
      ['GET', '/api/categories', [200, 500], ['error.statusCode']], // this.handleError(error, res)
      ['POST', '/api/categories', [201, 400], undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns where class Server mounts a member its constructor is handed that docgen cannot follow to a router (this.app.use(this.routes) with new Server({ routes: makeRoutes() }))', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'app.ts'),
      [
        "import { Server } from './server';",
        "import { makeRoutes } from './make';",
        'new Server({ routes: makeRoutes() }).start();',
      ].join('\n'),
    );
    await writeFile(join(dir, 'make.ts'), 'export const makeRoutes = () => routerFromSomewhere();');
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        'export class Server {',
        '  public readonly app = express();',
        '  private readonly routes;',
        '  constructor(options) { this.routes = options.routes; }',
        '  start() {',
        '    this.app.use(this.routes);',
        "    this.app.get('/health', (req, res) => res.sendStatus(204));",
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes, warnings } = await readRoutes(join(dir, 'app.ts'));
    expect(routes.map((r) => [r.method, r.path])).toEqual([['GET', '/health']]);
    expect(warnings.map((w) => [w.code, basename(w.location!.file!), w.location!.line, w.message])).toEqual([
      [
        'DG_ROUTES_PLUGIN_UNREAD',
        'server.ts',
        7,
        'use(this.routes) mounts a value of the project docgen cannot follow to a router or a function: the routes it may serve are not read',
      ],
    ]);
  });

  it("follows the route classes inversify's container.get<UsersRoutes>(TYPES.UsersRoutes) gives, mounted by their getRouter()", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-routes-'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { loadRoutes } from './routes';",
        'const app = express();',
        'loadRoutes(app);',
        'app.listen(3000);',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { Application } from 'express';",
        "import { container } from './container';",
        "import { TYPES } from './types';",
        "import { UsersRoutes } from './users.routes';",
        'export function loadRoutes(app: Application) {',
        '  const usersRoutes = container.get<UsersRoutes>(TYPES.UsersRoutes);',
        "  app.use('/api/v1/users', usersRoutes.getRouter());",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'users.routes.ts'),
      [
        "import { Router } from 'express';",
        "import { injectable } from 'inversify';",
        '@injectable()',
        'export class UsersRoutes {',
        '  private router = Router();',
        '  getRouter() {',
        "    this.router.get('/', (req, res) => res.status(200).json([]));",
        "    this.router.delete('/:id', (req, res) => res.sendStatus(204));",
        '    return this.router;',
        '  }',
        '}',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['GET', '/api/v1/users', [200]],
      ['DELETE', '/api/v1/users/:id', [204]],
    ]);
  });

  it("leaves out a body parser held in a name (const jsonParser = bodyParser.json(), here or imported) on use(), before a route's handler and in routing-controllers' @UseBefore, as xuhaichaoy/React-Blog's controllers use one", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-named-parsers-'));
    const files: Record<string, string[]> = {
      'config/bodyparser.ts': [
        "import bodyParser from 'body-parser';",
        'export default bodyParser.urlencoded({ extended: false });',
      ],
      'server.ts': [
        "import express from 'express';",
        "import bodyParser from 'body-parser';",
        "import urlencodedParser from './config/bodyparser';",
        'const jsonParser = bodyParser.json();',
        'const requireAuth = (req: any, res: any, next: any) => next();',
        'const app = express();',
        'app.use(urlencodedParser);',
        "app.post('/login', jsonParser, requireAuth, (req, res) => res.sendStatus(204));",
        'app.listen(3000);',
      ],
      'controllers/articles.ts': [
        "import { Get, JsonController, UseBefore } from 'routing-controllers';",
        "import urlencodedParser from '../config/bodyparser';",
        "import { audit } from '../audit';",
        '@JsonController()',
        '@UseBefore(urlencodedParser, audit)',
        'export class ArticlesController {',
        "  @Get('/articles') list() { return []; }",
        '}',
      ],
      'audit.ts': ['export const audit = (req: any, res: any, next: any) => next();'],
      'rc.ts': [
        "import { createExpressServer } from 'routing-controllers';",
        "import { ArticlesController } from './controllers/articles';",
        'createExpressServer({ controllers: [ArticlesController] }).listen(3000);',
      ],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const express = await readRoutes(join(dir, 'server.ts'));
    expect(express.routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['POST', '/login', ['requireAuth']],
    ]);
    const controllers = await readRoutes(join(dir, 'rc.ts'));
    expect(controllers.routes.map((route) => [route.method, route.path, route.middleware])).toEqual([
      ['GET', '/articles', ['audit']],
    ]);
  });

  it("answers a routing-controllers method's undefined result with undefinedResultCode (else its NotFoundError, 404) and a null one with nullResultCode (else 204), as the server's defaults say (xuhaichaoy/React-Blog)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-rc-defaults-'));
    const controller = (name: string) =>
      [
        "import { Delete, Get, JsonController, OnUndefined, Param, Put } from 'routing-controllers';",
        "import { repo } from './repo';",
        `@JsonController('/${name}')`,
        `export class ${name[0]!.toUpperCase()}${name.slice(1)}Controller {`,
        "  @Delete('/:id') async remove(@Param('id') id: number) { await repo.remove(id); }",
        "  @Get('/:id') one(@Param('id') id: number) { return id > 1 ? { id } : null; }",
        "  @Get('/find/:id') find(@Param('id') id: number) { return repo.findOne(id); }",
        "  @Get('/') list() { return []; }",
        "  @Put('/:id') @OnUndefined(202) touch() {}",
        '}',
      ].join('\n');
    await writeFile(
      join(dir, 'repo.ts'),
      'export const repo = { async remove(id: number) {}, findOne(id: number) { return null; } };',
    );
    await writeFile(join(dir, 'articles.ts'), controller('articles'));
    await writeFile(join(dir, 'tags.ts'), controller('tags'));
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import { createExpressServer } from 'routing-controllers';",
        "import { ArticlesController } from './articles';",
        "import { TagsController } from './tags';",
        'const defaults = { nullResultCode: 404, undefinedResultCode: 204 };',
        'createExpressServer({ defaults, controllers: [ArticlesController] }).listen(3000);',
        "createExpressServer({ routePrefix: '/v2', controllers: [TagsController] }).listen(3001);",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((r) => [r.method, r.path, r.statuses])).toEqual([
      ['DELETE', '/articles/:id', [204]], // nothing returned: the server's undefinedResultCode, never a 200
      ['GET', '/articles/:id', [200, 404]], // null on one way: nullResultCode
      ['GET', '/articles/find/:id', [200, 404]], // a lookup that may give null
      ['GET', '/articles', [200]],
      ['PUT', '/articles/:id', [202]], // @OnUndefined before the server's default
      ['DELETE', '/v2/tags/:id', [404]], // no undefinedResultCode: routing-controllers throws NotFoundError
      ['GET', '/v2/tags/:id', [200, 204]], // the null it returns: 204
      ['GET', '/v2/tags/find/:id', [200]], // a value not written null: no 204 guessed without nullResultCode
      ['GET', '/v2/tags', [200]],
      ['PUT', '/v2/tags/:id', [202]],
    ]);
  });

  it('says an entry that makes an app with a framework docgen does not read (Elysia) is one, rather than that it makes no Express app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-elysia-'));
    await writeFile(
      join(dir, 'index.ts'),
      [
        "import { Elysia } from 'elysia';",
        "const app = new Elysia().get('/', () => 'hi').listen(3000);",
        'export type App = typeof app;',
      ].join('\n'),
    );
    const failure = await docgenFailure(readRoutes(join(dir, 'index.ts')));
    expect(failure).toMatchObject({
      code: 'DG_ROUTES_NO_APP',
      message: `${join(dir, 'index.ts')} makes an app with Elysia (imported from 'elysia'), which docgen does not read: it reads Express (with inversify-express-utils, routing-controllers or awilix-express), NestJS, Fastify, Koa and Hono apps`,
      location: { file: join(dir, 'index.ts') },
    });
    expect(failure.hint).toMatch(/^document the Elysia service's routes from its OpenAPI spec/);
  });
});
