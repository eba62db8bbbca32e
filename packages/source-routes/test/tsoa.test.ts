/**
 * tsoa's generated Express routes: `RegisterRoutes(app)` from the `routes.ts` tsoa writes, read as the
 * controller methods they call (their statuses, comments and `@Middlewares`), not as the generated plumbing.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readRoutes } from '@docgen/source-routes';

/** One route as tsoa 6 generates it (the generated shape, less its repeated warnings). */
function generated(method: string, path: string, controller: string, action: string, successStatus: string): string[] {
  return [
    '// WARNING: This file was auto-generated with tsoa. Please do not modify it.',
    `app.${method}('${path}',`,
    `  ...(fetchMiddlewares<RequestHandler>(${controller})),`,
    `  ...(fetchMiddlewares<RequestHandler>(${controller}.prototype.${action})),`,
    `  async function ${controller}_${action}(request: ExRequest, response: ExResponse, next: any) {`,
    '    const args: Record<string, TsoaRoute.ParameterSchema> = {};',
    '    let validatedArgs: any[] = [];',
    '    try {',
    '      validatedArgs = templateService.getValidatedArgs({ args, request, response });',
    `      const controller = new ${controller}();`,
    `      await templateService.apiHandler({ methodName: '${action}', controller, response, next, validatedArgs, successStatus: ${successStatus} });`,
    '    } catch (err) {',
    '      return next(err);',
    '    }',
    '  });',
  ];
}

describe('readRoutes: tsoa', () => {
  it("reads the routes tsoa generates as the controller methods they call: tsoa's success status (successStatus, this.setStatus, else 200 or 204), the errors the method and its services raise, its comment and @Middlewares, as fadiatamny/user-management-backend serves them", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-tsoa-'));
    const files: Record<string, string[]> = {
      'src/app.ts': [
        "import express from 'express';",
        "import { RegisterRoutes } from './routes';",
        'async function main() {',
        '  const app = express();',
        '  RegisterRoutes(app);',
        '  app.listen(3000);',
        '}',
        'main();',
      ],
      'src/errors.ts': [
        'export class APIError extends Error {',
        '  constructor(message: string, public status: number) { super(message); }',
        '}',
      ],
      'src/users.service.ts': [
        "import { APIError } from './errors';",
        'export class UsersService {',
        "  async remove(id: string) { throw new APIError('no such user', 404); }",
        '}',
      ],
      'src/controllers/users.controller.ts': [
        "import { Body, Controller, Delete, Middlewares, Path, Post, Route, SuccessResponse } from 'tsoa';",
        "import { APIError } from '../errors';",
        "import { UsersService } from '../users.service';",
        "import { audit, requireAdmin } from '../middleware';",
        "@Route('/users')",
        '@Middlewares(audit)',
        'export class UsersController extends Controller {',
        '  private users = new UsersService();',
        '  /** Finds users by email or name. */',
        "  @Post('/query')",
        '  public async query(@Body() payload: any): Promise<any[]> {',
        "    if (!payload.email && !payload.name) throw new APIError('email or name', 400);",
        '    return [];',
        '  }',
        "  @SuccessResponse('201', 'Created')",
        "  @Post('/')",
        '  public async create(@Body() payload: any): Promise<void> {',
        '    this.setStatus(201);',
        '  }',
        "  @Delete('{id}')",
        '  @Middlewares(requireAdmin)',
        '  public async remove(@Path() id: string): Promise<void> {',
        '    await this.users.remove(id);',
        '  }',
        '}',
      ],
      'src/middleware.ts': [
        'export const audit = (req: any, res: any, next: any) => next();',
        'export const requireAdmin = (req: any, res: any, next: any) => next();',
      ],
      'src/routes.ts': [
        "import { TsoaRoute, fetchMiddlewares, ExpressTemplateService } from '@tsoa/runtime';",
        "import { UsersController } from './controllers/users.controller';",
        "import type { Request as ExRequest, Response as ExResponse, RequestHandler, Router } from 'express';",
        'const templateService = new ExpressTemplateService({}, {});',
        'export function RegisterRoutes(app: Router) {',
        ...generated('post', '/users/query', 'UsersController', 'query', 'undefined'),
        ...generated('post', '/users', 'UsersController', 'create', 'undefined'),
        ...generated('delete', '/users/:id', 'UsersController', 'remove', 'undefined'),
        '}',
      ],
    };
    for (const [name, lines] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), lines.join('\n'));
    }
    const { routes, warnings } = await readRoutes(join(dir, 'src', 'app.ts'));
    expect(routes.map((route) => [route.method, route.path, route.middleware, route.statuses, route.summary])).toEqual([
      ['POST', '/users/query', ['audit'], [200, 400], 'Finds users by email or name.'],
      ['POST', '/users', ['audit'], [201], undefined], // this.setStatus(201)
      ['DELETE', '/users/:id', ['audit', 'requireAdmin'], [204, 404], undefined], // returns nothing: 204; its service's 404
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the older generated form: controller.method.apply(controller, args) handed to promiseHandler(…, successStatus, next)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-tsoa-'));
    await writeFile(
      join(dir, 'controller.ts'),
      [
        "import { Controller, Get, Route } from 'tsoa';",
        "@Route('ping')",
        'export class PingController extends Controller {',
        "  @Get() public async ping(): Promise<string> { return 'pong'; }",
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'routes.ts'),
      [
        "import { PingController } from './controller';",
        'export function RegisterRoutes(app: any) {',
        "  app.get('/ping', function PingController_ping(request: any, response: any, next: any) {",
        '    let validatedArgs: any[] = [];',
        '    const controller = new PingController();',
        '    const promise = controller.ping.apply(controller, validatedArgs as any);',
        '    promiseHandler(controller, promise, response, 202, next);',
        '  });',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'server.ts'),
      [
        "import express from 'express';",
        "import { RegisterRoutes } from './routes';",
        'const app = express();',
        'RegisterRoutes(app);',
        'app.listen(3000);',
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.ts'));
    expect(routes.map((route) => [route.method, route.path, route.statuses])).toEqual([['GET', '/ping', [202]]]);
  });
});
