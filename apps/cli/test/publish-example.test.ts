import { cp, mkdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Manifest } from '@docgen/core';
import { repoRoot, runCli } from '@docgen/test-support';
import { testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

/**
 * The bundled example (examples/acme-shop: 6 services, 34 pages, ERD/diagram attachments)
 * rendered by `docgen api` and published by `docgen publish`, both as a user runs them.
 */
describe('publishing the acme-shop example', () => {
  let sandbox: TestSandbox;
  let work: string;
  let out: string;
  let manifest: Manifest;
  const env = () => ({
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CI: '1',
  });

  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-example-'));
    out = join(work, 'docs-out');
    const rendered = await runCli([
      'api',
      '--config',
      join(repoRoot, 'examples', 'acme-shop', 'docgen.config.yaml'),
      '--out',
      out,
    ]);
    expect(rendered.code).toBe(0);
    manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  }, 120_000);
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('lands in the right hierarchy with its attachments; the re-run writes nothing', async () => {
    expect(manifest.pages.length).toBeGreaterThanOrEqual(30);
    const config = join(repoRoot, 'examples', 'acme-shop', 'docgen.config.yaml');
    const first = await runCli(['publish', out, '--json', '--config', config], { env: env(), cwd: work });
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.counts.created).toBe(manifest.pages.length);
    const idByKey = new Map<string, string>(
      report.outcomes.map((o: { key: string; pageId: string }) => [o.key, o.pageId]),
    );
    for (const page of manifest.pages) {
      const live = await sandbox.api<{ title: string; ancestors: Array<{ id: string }> }>(
        'GET',
        `/rest/api/content/${idByKey.get(page.key)}?expand=ancestors`,
      );
      expect(live.body.title).toBe(page.title);
      if (page.parentKey) expect(live.body.ancestors.at(-1)?.id).toBe(idByKey.get(page.parentKey));
      if (page.attachments.length) {
        const atts = await sandbox.api<{ results: Array<{ title: string }> }>(
          'GET',
          `/rest/api/content/${idByKey.get(page.key)}/child/attachment`,
        );
        expect(atts.body.results.map((a) => a.title).sort()).toEqual(page.attachments.map((a) => a.fileName).sort());
      }
    }

    const since = await sandbox.lastSeq();
    const again = await runCli(['publish', out, '--json', '--config', config], { env: env(), cwd: work });
    expect(JSON.parse(again.stdout).counts.unchanged).toBe(manifest.pages.length);
    const log = await sandbox.requests(since);
    expect(log.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(log.length).toBeLessThanOrEqual(Math.ceil(manifest.pages.length / 250) + 3);
  }, 180_000);

  it('one routes source of the config, given by its flag, is published where the config puts it: under its spec’s page', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-example-routes-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--json', '--confluence-prefix', 'Routes job '], { cwd: project, env: env() });
    try {
      await cp(join(repoRoot, 'examples', 'acme-shop'), project, { recursive: true });
      await rm(join(project, 'docs-out'), { recursive: true, force: true });
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/shop.git\n');
      const whole = await run(['api']);
      expect(whole.code).toBe(0);
      const ids = new Map<string, string>(
        JSON.parse(whole.stdout).publish.outcomes.map((o: { key: string; pageId: string }) => [o.key, o.pageId]),
      );

      const routes = await run(['api', '--routes', 'services/catalog/src/server.ts']);
      expect(routes.stderr).not.toContain('DG_TREE_PARENT');
      expect(routes.code).toBe(0);
      const rendered = JSON.parse(await readFile(join(project, 'docs-out', 'manifest.json'), 'utf8')) as Manifest;
      expect(rendered.pages.map((page) => [page.key, page.parentKey])).toEqual([['api/catalog/routes', 'api/catalog']]);
      // The config's page as it is: not moved to the top, no new version (and none when the config's run comes next).
      const report = JSON.parse(routes.stdout).publish;
      expect(report.counts).toMatchObject({ unchanged: 1, updated: 0, created: 0, conflicts: 0 });
      expect(report.requests.writes).toBe(0);
      const live = await sandbox.api<{ ancestors: Array<{ id: string }> }>(
        'GET',
        `/rest/api/content/${ids.get('api/catalog/routes')}?expand=ancestors`,
      );
      expect(live.body.ancestors.at(-1)?.id).toBe(ids.get('api/catalog'));
      expect(JSON.parse((await run(['api'])).stdout).publish.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 180_000);

  it('a routes source with no parent, under its spec’s page by itself in the config’s run, stays there when given by its flag', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-example-routes-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--json', '--confluence-prefix', 'Nested job '], { cwd: project, env: env() });
    try {
      await cp(join(repoRoot, 'examples', 'acme-shop'), project, { recursive: true });
      await rm(join(project, 'docs-out'), { recursive: true, force: true });
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/nested.git\n');
      // The orders routes source without `parent`: it finds its API reference by its `openapi` option.
      const config = join(project, 'docgen.config.yaml');
      const yaml = await readFile(config, 'utf8');
      await writeFile(config, yaml.replace('  - plugin: routes\n    parent: api/orders\n', '  - plugin: routes\n'));
      const whole = await run(['api']);
      expect(whole.code).toBe(0);
      const outcomes: Array<{ key: string; pageId: string; title: string }> = JSON.parse(whole.stdout).publish.outcomes;
      const routesPage = outcomes.find((o) => o.key === 'routes/orders')!;
      expect(routesPage.title).toBe('Nested job Acme Orders API: HTTP routes');

      const routes = await run(['api', '--routes', 'services/orders/src/server.ts']);
      expect(routes.code).toBe(0);
      // Not moved to the top and retitled "Orders: HTTP routes", for the config's run to move it back.
      const report = JSON.parse(routes.stdout).publish;
      expect(report.counts).toMatchObject({ unchanged: 1, updated: 0, created: 0, conflicts: 0 });
      expect(report.requests.writes).toBe(0);
      const live = await sandbox.api<{ ancestors: Array<{ id: string }> }>(
        'GET',
        `/rest/api/content/${routesPage.pageId}?expand=ancestors`,
      );
      expect(live.body.ancestors.at(-1)?.id).toBe(outcomes.find((o) => o.key === 'api/orders')!.pageId);
      expect(JSON.parse((await run(['api'])).stdout).publish.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 180_000);
});
