// The statuses a handler answers with without naming them (implicit.ts): Express's `res.json(x)` is a
// 200, Koa's `ctx.body = x` a 200, Fastify's returned value a 200, Hono's `c.json(x)` a 200; none where a
// status was set for the send, and none for a handler that sends nothing itself.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readRoutes } from '@docgen/source-routes';

/** Writes `files` (name → lines) to a new folder and reads the routes of `entry` there. */
async function routesOf(files: Record<string, string[]>, entry: string) {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-implicit-'));
  for (const [name, lines] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), lines.join('\n'));
  }
  const { routes, warnings } = await readRoutes(join(dir, entry));
  return { rows: routes.map((route) => [route.method, route.path, route.statuses]), warnings };
}

describe('statuses a handler answers with without naming them', () => {
  it('Express: a send with no status set for it is a 200, read in the order the statements run', async () => {
    const { rows, warnings } = await routesOf(
      {
        'server.js': [
          "const express = require('express');",
          'const app = express();',
          "app.get('/a', (req, res) => res.json({ ok: 1 }));",
          "app.get('/b', (req, res) => { res.status(404).json({}); });",
          "app.get('/c', (req, res) => { if (!req.q) return res.status(400).json({}); res.json({}); });",
          "app.get('/d', (req, res, next) => next(new Error('x')));",
          "app.post('/e', (req, res) => { res.status(201); res.json({}); });",
          "app.get('/f', (req, res) => { if (!req.q) { res.status(404); return res.json({}); } res.send('ok'); });",
          "app.get('/g', (req, res) => { res.status(req.code); res.json({}); });",
          "app.get('/h', (req, res) => { ok(res, 1); });",
          "app.post('/i', (req, res) => { res.status(201); ok(res, 1); });",
          "app.get('/j', (req, res) => { if (req.x) res.status(400); else res.status(422); res.json({}); });",
          "app.get('/k', (req, res) => { if (req.x) { res.status(400).end(); } else { res.end(); } });",
          "app.get('/l', (req, res) => users.list(req, res));",
          "app.get('/m', (req, res) => { res.statusCode = 202; res.end(); });",
          "app.get('/n', (req, res) => { res.render('home'); });",
          "app.get('/o', (req, res) => { res.statusCode = req.code; res.end(); });",
          "app.get('/p', (req, res, next) => { const err = new Error('x'); err.statusCode = 418; next(err); });",
          'function ok(response, data) { response.json(data); }',
          'app.listen(3000);',
        ],
      },
      'server.js',
    );
    expect(rows).toEqual([
      ['GET', '/a', [200]],
      ['GET', '/b', [404]],
      ['GET', '/c', [200, 400]], // the 400 branch returns before the res.json
      ['GET', '/d', []], // only passes an error on: no send of its own
      ['POST', '/e', [201]], // set a statement before the send
      ['GET', '/f', [200, 404]],
      ['GET', '/g', []], // set, if to a value only known at run time: not a 200
      ['GET', '/h', [200]], // the helper handed the response sends it
      ['POST', '/i', [201]], // set before the response is handed on
      ['GET', '/j', [400, 422]], // both branches set one: no 200 invented
      ['GET', '/k', [200, 400]], // the other branch of the if
      ['GET', '/l', []], // handed to a function docgen does not follow
      ['GET', '/m', [202]], // Node's res.statusCode = 202, and no 200 for the send after it
      ['GET', '/n', [200]],
      ['GET', '/o', []], // assigned a value only known at run time: not a 200
      ['GET', '/p', []], // an error's statusCode, not the response's
    ]);
    expect(warnings).toEqual([]);
  });

  it('Koa: ctx.body is a 200 (null a 204) unless ctx.status is set on the way, before or after it; ctx.redirect a 302', async () => {
    const { rows } = await routesOf(
      {
        'app.js': [
          "const Koa = require('koa');",
          "const Router = require('@koa/router');",
          'const app = new Koa();',
          'const router = new Router();',
          "router.get('/a', (ctx) => { ctx.body = { ok: 1 }; });",
          "router.get('/b', (ctx) => { if (!ctx.state.user) { ctx.status = 404; ctx.body = {}; return; } ctx.body = ctx.state.user; });",
          "router.post('/c', (ctx) => { ctx.body = {}; ctx.status = 201; });",
          "router.del('/d', (ctx) => { ctx.body = null; });",
          "router.get('/e', (ctx) => { ctx.redirect('/a'); });",
          "router.get('/f', (ctx) => { ctx.throw(401); });",
          "router.get('/g', async (ctx, next) => { await next(); });",
          'app.use(router.routes());',
          'app.listen(3000);',
        ],
      },
      'app.js',
    );
    expect(rows).toEqual([
      ['GET', '/a', [200]],
      ['GET', '/b', [200, 404]],
      ['POST', '/c', [201]], // Koa sends once the middleware returns: the later status is the one sent
      ['DELETE', '/d', [204]],
      ['GET', '/e', [302]],
      ['GET', '/f', [401]],
      ['GET', '/g', []],
    ]);
  });

  it('Fastify: reply.send(x) and a returned value are a 200 unless reply.code(…) set one; Hono: c.json(x) a 200 unless given one', async () => {
    const fastify = await routesOf(
      {
        'server.ts': [
          "import Fastify from 'fastify';",
          'const app = Fastify();',
          "app.get('/a', async () => ({ ok: 1 }));",
          "app.get('/b', async (request, reply) => { reply.send([]); });",
          "app.post('/c', async (request, reply) => { reply.code(201); return { id: 1 }; });",
          "app.get('/d', async (request, reply) => { if (!request.user) return reply.code(404).send(); return request.user; });",
          "app.get('/e', async (request, reply) => { return reply.status(202).send(); });",
          "app.get('/f', (request, reply) => { reply.redirect('/a'); });",
          'app.listen({ port: 3000 });',
        ],
      },
      'server.ts',
    );
    expect(fastify.rows).toEqual([
      ['GET', '/a', [200]], // an arrow function's expression body is what it returns
      ['GET', '/b', [200]],
      ['POST', '/c', [201]],
      ['GET', '/d', [200, 404]],
      ['GET', '/e', [202]],
      ['GET', '/f', [302]],
    ]);
    const hono = await routesOf(
      {
        'index.ts': [
          "import { Hono } from 'hono';",
          'const app = new Hono();',
          "app.get('/a', (c) => c.json({ ok: 1 }));",
          "app.post('/b', async (c) => c.json(await c.req.json(), 201));",
          "app.get('/c', (c) => { c.status(202); return c.text('queued'); });",
          "app.get('/d', (c) => c.html('<p>hi</p>'));",
          "app.get('/e', (c) => c.redirect('/a'));",
          'export default app;',
        ],
      },
      'index.ts',
    );
    expect(hono.rows).toEqual([
      ['GET', '/a', [200]],
      ['POST', '/b', [201]], // c.req.json() reads the request: no send
      ['GET', '/c', [202]],
      ['GET', '/d', [200]],
      ['GET', '/e', [302]],
    ]);
  });

  it("NestJS: a @Res() handler's res.json(x) sends Nest's default for the route; inversify-express-utils: a returned value is a 200", async () => {
    const nest = await routesOf(
      {
        'main.ts': [
          "import { NestFactory } from '@nestjs/core';",
          "import { AppModule } from './app.module';",
          'NestFactory.create(AppModule).then((app) => app.listen(3000));',
        ],
        'app.module.ts': [
          "import { Module } from '@nestjs/common';",
          "import { CatsController } from './cats.controller';",
          '@Module({ controllers: [CatsController] })',
          'export class AppModule {}',
        ],
        'cats.controller.ts': [
          "import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';",
          "@Controller('cats')",
          'export class CatsController {',
          '  @Post() create(@Res() res) { res.json({}); }',
          "  @Post('import') @HttpCode(202) import(@Res() res) { res.json({}); }",
          "  @Get(':id') one(@Res() res) { if (!found) return res.status(404).json({}); res.json({}); }",
          '}',
        ],
      },
      'main.ts',
    );
    expect(nest.rows).toEqual([
      ['POST', '/cats', [201]], // Nest sets its status before the handler runs
      ['POST', '/cats/import', [202]],
      ['GET', '/cats/:id', [200, 404]],
    ]);
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
          "import { BaseHttpController, controller, httpGet, httpPost, response } from 'inversify-express-utils';",
          "@controller('/items')",
          'export class Items extends BaseHttpController {',
          "  @httpGet('/') list() { return []; }",
          "  @httpPost('/') create() { return this.created('/items/1', {}); }",
          "  @httpGet('/:id') one(@response() res) { res.json({}); }",
          '}',
        ],
      },
      'server.ts',
    );
    expect(inversify.rows).toEqual([
      ['GET', '/items', [200]],
      ['POST', '/items', [201]], // a result of BaseHttpController's: its own status
      ['GET', '/items/:id', [200]],
    ]);
  });
});

describe("Express's res.statusCode assignment", () => {
  it('reads a numeric one as a status and a computed one as computed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-implicit-'));
    await writeFile(
      join(dir, 'server.js'),
      [
        "const app = require('express')();",
        "app.post('/a', (req, res) => { res.statusCode = 202; res.json({}); });",
        "app.get('/b', (req, res) => { res.statusCode = req.code || 500; res.end(); });",
      ].join('\n'),
    );
    const { routes } = await readRoutes(join(dir, 'server.js'));
    expect(routes.map((route) => [route.path, route.statuses, route.computedStatuses ?? []])).toEqual([
      ['/a', [202], []],
      ['/b', [500], ['req.code']],
    ]);
  });
});
