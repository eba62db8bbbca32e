/** `docgen api --routes`: the real CLI reads an app's routes and reports where they and the spec disagree. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

const scratch = mkdtempSync(join(tmpdir(), 'docgen-routes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const shop = join(repoRoot, 'packages', 'source-routes', 'test', 'fixtures', 'shop');
/** `docgen api` on the fixture shop's spec and code, which disagree in five places. */
const shopApi = ['api', '--openapi', join(shop, 'openapi.yaml'), '--routes', join(shop, 'src', 'server.ts')];

describe('docgen api --routes', () => {
  it('renders the spec and the routes page, and warns at file:line about each disagreement', async () => {
    const out = join(scratch, 'shop');
    const result = await runCli([...shopApi, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      pages: Array<{ key: string; title: string; parentKey?: string }>;
      warnings: Array<{ code: string; message: string; file?: string; line?: number }>;
    };
    // Under the API reference of the spec it is compared with, not beside it at the root.
    const [overview, ...otherRoots] = report.pages.filter((page) => page.parentKey === undefined);
    expect(otherRoots).toEqual([]);
    expect(overview!.key).toMatch(/^api\//);
    expect(report.pages.find((page) => page.key === 'routes/shop')?.parentKey).toBe(overview!.key);
    const drift = report.warnings.filter((warning) => warning.code.startsWith('DG_ROUTE_'));
    expect(drift.map((warning) => [warning.code, warning.message.split(' is ')[0], warning.line])).toEqual([
      ['DG_ROUTE_UNDOCUMENTED', 'GET /health', 11],
      ['DG_ROUTE_UNDOCUMENTED', 'POST /api/v1/widgets/:id/copies', 20],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/v1/nested/deep/:leaf?', 5],
      ['DG_ROUTE_UNDOCUMENTED', 'DELETE /admin/cache', 4],
      // At the operation in the spec, as a route is at its line in the code.
      ['DG_ROUTE_UNSERVED', 'GET /gadgets (listGadgets)', 13],
    ]);
    expect(drift.at(-1)?.file).toBe(join(shop, 'openapi.yaml'));
    const storage = readFileSync(join(out, 'routes__shop.storage.xhtml'), 'utf8');
    expect(storage).toContain('<h2>Compared with the OpenAPI spec</h2>');
    expect(storage).toContain('<code>/api/v1/widgets/:id(\\d+)</code>');
  }, 60_000);

  it('the spec given by a flag is named in the warnings as the flag gave it, not by its absolute path', async () => {
    const out = join(scratch, 'shop-relative');
    // --no-cache: the cache would go in the fixture's folder, beside the spec.
    const flags = ['--openapi', 'openapi.yaml', '--routes', 'src/server.ts', '--out', out, '--no-cache', '--json'];
    const result = await runCli(['api', ...flags], { cwd: shop });
    expect(result.code).toBe(0);
    const messages = JSON.parse(result.stdout).warnings.map((warning: { message: string }) => warning.message);
    expect(messages).toContain('GET /health is served but openapi.yaml does not describe it');
    expect(messages).toContain('GET /gadgets (listGadgets) is in openapi.yaml but no route serves it');
  }, 60_000);

  it('the spec given as --routes: an error that routes are read from the code, naming the app file and --openapi', async () => {
    const result = await runCli(
      ['api', '--routes', 'openapi.yaml', '--out', join(scratch, 'spec-as-routes'), '--json'],
      {
        cwd: shop,
      },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_ROUTES_NOT_CODE',
      message:
        'entry openapi.yaml is not a JavaScript or TypeScript file: routes are read from the code that creates the app',
      location: { file: join(shop, 'openapi.yaml') },
      hint: 'pass --routes the file that creates the Express, Fastify, Koa or Hono app (or a NestJS main.ts), e.g. src/server.ts, relative to the current folder (the spec goes in --openapi); did you mean src/server.ts?',
    });
  }, 60_000);

  it('an entry that exports a router, in a package whose app mounts it: a warning that the paths are the router’s, naming the app', async () => {
    const out = join(scratch, 'router-entry');
    const result = await runCli(['api', '--routes', 'src/api.ts', '--out', out, '--no-cache', '--json'], { cwd: shop });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'DG_ROUTES_ROUTER_ENTRY',
        file: join(shop, 'src', 'api.ts'),
        hint: expect.stringMatching(/did you mean src\/server\.ts\?$/),
      }),
    );
    // The app's own entry has no such warning.
    const app = await runCli(['api', '--routes', 'src/server.ts', '--out', out, '--no-cache', '--json'], { cwd: shop });
    expect(JSON.parse(app.stdout).warnings.map((w: { code: string }) => w.code)).not.toContain(
      'DG_ROUTES_ROUTER_ENTRY',
    );
  }, 60_000);

  it('a NestJS app in an Nx-style workspace: its routes page, and where it and its spec disagree', async () => {
    const api = join(repoRoot, 'packages', 'source-routes', 'test', 'fixtures', 'nest-workspace', 'apps', 'api');
    const out = join(scratch, 'nest');
    const result = await runCli([
      'api',
      '--openapi',
      join(api, 'openapi.yaml'),
      '--routes',
      join(api, 'src', 'main.ts'),
      '--out',
      out,
      '--no-cache',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      pages: Array<{ key: string; markdownFile: string }>;
      warnings: Array<{ code: string; message: string; file?: string; line?: number }>;
    };
    const drift = report.warnings.filter((warning) => warning.code.startsWith('DG_ROUTE_'));
    expect(drift.map((warning) => [warning.code, warning.message.split(' is ')[0], warning.line])).toEqual([
      ['DG_ROUTE_UNDOCUMENTED', 'PUT /api/users/:id/profile', 32],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/teams/all', 7],
      ['DG_ROUTE_UNDOCUMENTED', 'DELETE /api/teams/:id', 11],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/v2/admin/stats', 7],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/v3/admin/stats', 7],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/admin/reports', 6],
      ['DG_ROUTE_UNDOCUMENTED', 'POST /api/files/presign', 5],
      ['DG_ROUTE_UNDOCUMENTED', 'GET /api/files/:path', 5],
      ['DG_ROUTE_UNSERVED', 'GET /api/users/{userId}/avatar (getAvatar)', 16],
    ]);
    const page = report.pages.find((candidate) => candidate.key === 'routes/api')!;
    expect(readFileSync(join(out, page.markdownFile), 'utf8')).toContain(
      '15 routes, in the order NestJS registers them.',
    );
  }, 60_000);

  it("the example: each service's routes page sits under its API overview, with no disagreement", async () => {
    const out = join(scratch, 'example');
    const config = join(repoRoot, 'examples', 'acme-shop', 'docgen.config.yaml');
    const result = await runCli(['api', '--config', config, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      pages: Array<{ key: string; parentKey?: string }>;
      warnings: unknown[];
    };
    const routes = report.pages.filter((page) => page.key.endsWith('/routes'));
    expect(routes.map((page) => [page.key, page.parentKey])).toEqual(
      ['catalog', 'orders', 'payments', 'accounts', 'notifications'].map((service) => [
        `api/${service}/routes`,
        `api/${service}`,
      ]),
    );
    expect(report.warnings).toEqual([]);
  }, 60_000);

  it('--routes of a service the config pairs with its own spec, with --openapi of another: an error naming both, not a comparison with the wrong spec', async () => {
    const example = join(repoRoot, 'examples', 'acme-shop');
    const catalog = ['--routes', 'services/catalog/src/server.ts', '--no-cache', '--json'];
    const out = join(scratch, 'other-spec');
    const mixed = await runCli(['api', '--openapi', 'services/orders/openapi/openapi.yaml', ...catalog, '--out', out], {
      cwd: example,
    });
    expect(mixed.code).toBe(1);
    const report = JSON.parse(mixed.stdout);
    expect(report).toMatchObject({
      ok: false,
      error: {
        code: 'DG_FLAG_CONFLICTS_CONFIG',
        message:
          'the config pairs --routes services/catalog/src/server.ts with services/catalog/openapi.yaml, not with --openapi services/orders/openapi/openapi.yaml: its routes page would be compared with a spec the config does not compare it with',
        location: { file: join(example, 'docgen.config.yaml'), line: 27 },
        hint: "pass --openapi services/catalog/openapi.yaml (or leave --openapi out: the config's is used), or set docgen.config.yaml:27 sources[6].options.openapi to services/orders/openapi/openapi.yaml if the app serves that spec now",
      },
    });
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    // What the hint says works: the routes agree with their own spec.
    const paired = await runCli(['api', '--openapi', 'services/catalog/openapi.yaml', ...catalog, '--out', out], {
      cwd: example,
    });
    expect(paired.code).toBe(0);
    expect(JSON.parse(paired.stdout).warnings).toEqual([]);
  }, 60_000);

  it('the routes option `parent` still places the page and makes its key, with a warning to move it beside `plugin:`', async () => {
    const dir = mkdtempSync(join(scratch, 'parent-'));
    const routes = (parent: string) =>
      `sources:\n  - plugin: openapi\n    options: { spec: ${join(shop, 'openapi.yaml')}, key: shop }\n` +
      `  - plugin: routes\n${parent}`;
    const entry = `{ entry: ${join(shop, 'src', 'server.ts')}, openapi: ${join(shop, 'openapi.yaml')}`;
    const placed = async (config: string) => {
      writeFileSync(join(dir, 'docgen.config.yaml'), config);
      const result = await runCli(['api', '--out', join(dir, 'out'), '--json'], { cwd: dir });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as {
        pages: Array<{ key: string; parentKey?: string }>;
        warnings: Array<{ code: string; message: string; line?: number; hint?: string }>;
      };
      const page = report.pages.find((candidate) => candidate.key.includes('routes'))!;
      return {
        page: [page.key, page.parentKey],
        old: report.warnings.filter((w) => w.code === 'DG_ROUTES_PARENT_OPTION'),
      };
    };
    const old = await placed(routes(`    options: ${entry}, parent: api/shop }\n`));
    const moved = await placed(routes(`    parent: api/shop\n    options: ${entry} }\n`));
    expect(old.page).toEqual(['api/shop/routes', 'api/shop']);
    expect(moved.page).toEqual(old.page); // the same page, the same key: moving it loses nothing
    expect(moved.old).toEqual([]);
    expect(old.old).toEqual([
      expect.objectContaining({
        message:
          'docgen.config.yaml:5 sources[1].options.parent is deprecated: write parent beside plugin: routes instead',
        line: 5,
        hint: 'move "parent: api/shop" up one level, next to "plugin: routes": the page stays under api/shop with the same key',
      }),
    ]);
    // With neither: under the same API reference, the key its own.
    expect((await placed(routes(`    options: ${entry} }\n`))).page).toEqual(['routes/shop', 'api/shop']);
  }, 60_000);

  it('--strict: the same disagreement fails the run (exit 1), after writing and before publishing', async () => {
    const out = join(scratch, 'strict');
    const result = await runCli([...shopApi, '--out', out, '--strict', '--publish']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /error DG_STRICT .*server\.ts:11: 5 warnings with --strict \(the first: GET \/health is served but/,
    );
    expect(result.stderr).toContain('not published');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(result.stdout).not.toContain('Done:');
    // With --json, what to fix is listed beside the error, as a CI bot posts it.
    const json = await runCli([...shopApi, '--out', out, '--strict', '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: false, error: { code: 'DG_STRICT' } });
    expect(report.warnings).toHaveLength(5);
    expect(report.warnings[0]).toMatchObject({ code: 'DG_ROUTE_UNDOCUMENTED', line: 11 });
  }, 60_000);
});
