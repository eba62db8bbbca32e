import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { writeRenderedTree } from '@docgen/core';
import { repoRoot, runCli } from '@docgen/test-support';
import { makeTree, testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

// Each test runs the real CLI several times; on a loaded CI box that takes a while.
jest.setTimeout(180_000);

type Planned = { key: string; action: string; conflict?: string; reason?: string };

/** CI jobs that publish sources given by flags, as a repository changes under them: the real CLI against the sandbox. */
describe('flag jobs as their repository changes', () => {
  let sandbox: TestSandbox;
  const env = () => ({
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CONFLUENCE_SPACE_KEY: 'DEV',
  });
  const service = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  title: ${name} service\n` +
    'spec:\n  type: service\n  lifecycle: production\n  owner: team-shop\n';

  /** A repository with a remote, so the doc set is named after it (ADR 11), and these services in these folders. */
  async function repository(name: string, services: Array<[string, string]>): Promise<string> {
    const project = await mkdtemp(join(tmpdir(), 'docgen-flag-jobs-'));
    await mkdir(join(project, '.git'));
    await writeFile(join(project, '.git', 'config'), `[remote "origin"]\n\turl = git@example.com:acme/${name}.git\n`);
    for (const [folder, name] of services) await addService(project, folder, name);
    return project;
  }
  async function addService(project: string, folder: string, name: string): Promise<void> {
    await mkdir(join(project, folder, name), { recursive: true });
    await writeFile(join(project, folder, name, 'catalog-info.yaml'), service(name));
  }
  const publish = async (project: string, args: string[]) => {
    const result = await runCli([...args, '--publish', '--json'], { cwd: project, env: env() });
    const report = JSON.parse(result.stdout);
    return {
      code: result.code,
      stderr: result.stderr,
      publish: report.publish,
      planned: report.publish?.planned as Planned[],
    };
  };
  const conflicts = (planned: Planned[]) => planned.filter((p) => p.action === 'conflict' || p.action === 'blocked');

  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('a job whose folder is renamed in one change publishes from the new folder: no other-run conflict', async () => {
    const project = await repository('moved', [
      ['services/a', 'orders'],
      ['services/a', 'payments'],
    ]);
    const job = (dir: string) => publish(project, ['runbook', '--dir', dir, '--confluence-prefix', 'Moved ']);
    try {
      expect((await job('services/a')).code).toBe(0);
      await rename(join(project, 'services', 'a'), join(project, 'services', 'payments'));
      const moved = await job('services/payments');
      expect(conflicts(moved.planned)).toEqual([]);
      expect(moved.code).toBe(0);
      expect(moved.publish.counts).toMatchObject({ created: 0, conflicts: 0 });
      const again = await job('services/payments');
      expect(again.publish.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a job whose folder is renamed in the same change as one of its services is removed publishes: no other-run conflict', async () => {
    const project = await repository('moved-less', [
      ['services/a', 'orders'],
      ['services/a', 'payments'],
      ['services/a', 'refunds'],
    ]);
    const job = (dir: string) => publish(project, ['runbook', '--dir', dir, '--confluence-prefix', 'Moved less ']);
    try {
      expect((await job('services/a')).code).toBe(0);
      await rm(join(project, 'services', 'a', 'refunds'), { recursive: true });
      await rename(join(project, 'services', 'a'), join(project, 'services', 'payments'));
      const moved = await job('services/payments');
      expect(conflicts(moved.planned)).toEqual([]);
      expect(moved.code).toBe(0);
      expect(moved.publish.counts).toMatchObject({ created: 0, conflicts: 0 });
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a ./-prefixed folder is the same job as the folder written without it', async () => {
    const project = await repository('dotted', [
      ['services/a', 'orders'],
      ['services/a', 'payments'],
    ]);
    const job = (dir: string) => publish(project, ['runbook', '--dir', dir, '--confluence-prefix', 'Dotted ']);
    try {
      expect((await job('./services/a')).code).toBe(0);
      const plain = await job('services/a');
      expect(plain.code).toBe(0);
      expect(plain.publish.requests.writes).toBe(0);
      const slash = await job('services/a/');
      expect(slash.code).toBe(0);
      expect(slash.publish.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a job split into two: the split jobs both render the index, a conflict (not a rewrite on every merge)', async () => {
    const project = await repository('split', [
      ['services/a', 'orders'],
      ['services/b', 'billing'],
    ]);
    const job = (dir: string) => publish(project, ['runbook', '--dir', dir, '--confluence-prefix', 'Split ']);
    try {
      expect((await job('services')).code).toBe(0);
      // Each split job renders the index from its own folder, listing its own services only.
      for (const [dir, other] of [
        ['services/a', 'billing'],
        ['services/b', 'orders'],
      ]) {
        const split = await job(dir);
        expect(split.code).toBe(1);
        expect(split.publish.requests.writes).toBe(0);
        expect(conflicts(split.planned)[0]).toMatchObject({ key: 'runbooks', conflict: 'other-run' });
        expect(conflicts(split.planned)[0].reason).toContain(`"Split Runbook: ${other} service"`);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
  const spec = (tags: string[]) =>
    'openapi: 3.0.3\ninfo: { title: Pet store, version: "1" }\npaths:\n' +
    tags
      .map(
        (tag) =>
          `  /${tag}:\n    get:\n      operationId: list_${tag}\n      tags: [${tag}]\n      responses: { "200": { description: ok } }\n`,
      )
      .join('');

  it('a spec renamed in the same change as one of its tags is dropped publishes: no other-run conflict', async () => {
    const project = await repository('renamed-spec', []);
    const job = (file: string) => publish(project, ['api', '--openapi', file, '--confluence-prefix', 'Renamed ']);
    try {
      await mkdir(join(project, 'specs'));
      await writeFile(join(project, 'specs', 'shop.yaml'), spec(['pets', 'stores', 'orders']));
      expect((await job('specs/shop.yaml')).code).toBe(0);
      await rm(join(project, 'specs', 'shop.yaml'));
      await writeFile(join(project, 'specs', 'store.yaml'), spec(['pets', 'orders']));
      const renamed = await job('specs/store.yaml');
      expect(conflicts(renamed.planned)).toEqual([]);
      expect(renamed.code).toBe(0);
      expect(renamed.publish.counts).toMatchObject({ created: 0, conflicts: 0 });
      expect((await job('specs/store.yaml')).publish.requests.writes).toBe(0);
      // The same spec named as ./specs/… or by its absolute path is the same job's.
      for (const same of ['./specs/store.yaml', join(project, 'specs', 'store.yaml')]) {
        const again = await job(same);
        expect([again.code, again.publish.requests.writes]).toEqual([0, 0]);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('one job publishing the spec and another the routes of the same app both publish, and re-runs write nothing', async () => {
    const project = await repository('spec-and-routes', []);
    await cp(join(repoRoot, 'packages', 'source-routes', 'test', 'fixtures', 'shop'), project, { recursive: true });
    const spec = () => publish(project, ['api', '--openapi', 'openapi.yaml', '--confluence-prefix', 'Both ']);
    const routes = () => publish(project, ['api', '--routes', 'src/server.ts', '--confluence-prefix', 'Both ']);
    try {
      const first = await spec();
      expect(first.code).toBe(0);
      const second = await routes();
      expect(conflicts(second.planned)).toEqual([]);
      expect(second.code).toBe(0);
      for (const again of [await spec(), await routes(), await spec()]) {
        expect(conflicts(again.planned)).toEqual([]);
        expect(again.publish.requests.writes).toBe(0);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
  it('two spec jobs merged into one config: the config takes their pages over, no conflict and no duplicate', async () => {
    const project = await repository('merged', []);
    const titled = (title: string, tags: string[]) => spec(tags).replace('Pet store', title);
    try {
      await writeFile(join(project, 'billing.yaml'), titled('Billing', ['invoices']));
      await writeFile(join(project, 'orders.yaml'), titled('Orders', ['carts']));
      for (const file of ['billing.yaml', 'orders.yaml'])
        expect((await publish(project, ['api', '--openapi', file, '--confluence-prefix', 'Merged '])).code).toBe(0);
      await writeFile(
        join(project, 'docgen.config.yaml'),
        'sources:\n  - plugin: openapi\n    options: { spec: billing.yaml }\n  - plugin: openapi\n    options: { spec: orders.yaml }\n' +
          "confluence:\n  titlePrefix: 'Merged '\n",
      );
      const merged = await publish(project, ['generate']);
      expect(conflicts(merged.planned)).toEqual([]);
      expect(merged.code).toBe(0);
      expect(merged.publish.counts).toMatchObject({ created: 0, conflicts: 0 });
      expect((await publish(project, ['generate'])).publish.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a job deleted with its spec: the other job publishes on, and its --prune leaves the deleted job’s pages alone', async () => {
    const project = await repository('deleted-job', []);
    const titled = (title: string, tags: string[]) => spec(tags).replace('Pet store', title);
    const job = (file: string, ...more: string[]) =>
      publish(project, ['api', '--openapi', file, '--confluence-prefix', 'Gone ', ...more]);
    try {
      await writeFile(join(project, 'billing.yaml'), titled('Billing', ['invoices']));
      await writeFile(join(project, 'orders.yaml'), titled('Orders', ['carts']));
      expect((await job('billing.yaml')).code).toBe(0);
      const orders = await job('orders.yaml');
      expect(orders.code).toBe(0);
      await rm(join(project, 'orders.yaml'));
      const billing = await job('billing.yaml', '--prune');
      expect([billing.code, billing.publish.requests.writes]).toEqual([0, 0]);
      expect(billing.planned.filter((p) => p.action !== 'unchanged')).toEqual([]);
      for (const { pageId } of orders.publish.outcomes as Array<{ pageId: string }>)
        expect((await sandbox.api<{ status: string }>('GET', `/rest/api/content/${pageId}`)).body.status).toBe(
          'current',
        );
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('the same job run from a subfolder is another doc set (ADR 11): a title conflict naming it, nothing written', async () => {
    const project = await repository('cwd', [
      ['services/a', 'orders'],
      ['services/a', 'payments'],
    ]);
    try {
      expect((await publish(project, ['runbook', '--dir', 'services/a', '--confluence-prefix', 'Cwd '])).code).toBe(0);
      const sub = await publish(join(project, 'services'), ['runbook', '--dir', 'a', '--confluence-prefix', 'Cwd ']);
      expect(sub.code).toBe(1);
      expect(sub.publish.requests.writes).toBe(0);
      expect(conflicts(sub.planned)[0]).toMatchObject({
        key: 'runbooks',
        conflict: 'title-taken',
        otherDocSet: 'example.com/acme/cwd',
      });
      // There is no config: the fix is the folder it ran in before, or a config naming the doc set.
      const { fix } = conflicts(sub.planned)[0] as Planned & { fix: string };
      expect(fix).toContain('run it in the folder it ran in before (the root of its repository)');
      expect(fix).toContain('add a docgen config with `confluence.docSet: "example.com/acme/cwd"`');
      expect(fix).not.toContain("the config's folder");
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('rendered, then published by `docgen publish` in the checkout: a spec renamed as a tag goes publishes; elsewhere the page stays another job’s', async () => {
    const project = await repository('two-step', []);
    const elsewhere = await mkdtemp(join(tmpdir(), 'docgen-elsewhere-'));
    const render = (file: string) => runCli(['api', '--openapi', file, '--out', 'out'], { cwd: project });
    const publishFrom = async (cwd: string, ...more: string[]) => {
      const args = ['publish', join(project, 'out'), '--json', '--confluence-prefix', 'Two step ', ...more];
      const report = JSON.parse((await runCli(args, { cwd, env: env() })).stdout);
      return report.publish ?? report;
    };
    try {
      await mkdir(join(project, 'specs'));
      await writeFile(join(project, 'specs', 'shop.yaml'), spec(['pets', 'stores', 'orders']));
      expect((await render('specs/shop.yaml')).code).toBe(0);
      expect((await publishFrom(project)).ok).toBe(true);
      await rm(join(project, 'specs', 'shop.yaml'));
      await writeFile(join(project, 'specs', 'store.yaml'), spec(['pets', 'orders']));
      expect((await render('specs/store.yaml')).code).toBe(0);
      // Published where its files are not, docgen cannot tell the renamed spec from another job's.
      const away = await publishFrom(elsewhere, '--dry-run');
      expect(conflicts(away.planned)[0]).toMatchObject({ conflict: 'other-run' });
      const here = await publishFrom(project);
      expect(conflicts(here.planned)).toEqual([]);
      expect(here.counts).toMatchObject({ created: 0, conflicts: 0 });
    } finally {
      await rm(project, { recursive: true, force: true });
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
  it('a page the dry run would adopt that a person edits before the run is their page: a conflict, their edit kept', async () => {
    const work = await mkdtemp(join(tmpdir(), 'docgen-adopt-edited-'));
    const out = join(work, 'out');
    const run = async (...more: string[]) =>
      JSON.parse((await runCli(['publish', out, '--json', ...more], { cwd: work, env: env() })).stdout);
    try {
      await writeRenderedTree(out, makeTree(3, { prefix: 'adoptedit' }), { name: 'docgen-test', version: '1.0.0' });
      const first = await run();
      const top = (first.outcomes as Array<{ key: string; pageId: string }>).find((o) => o.key === 'adoptedit')!.pageId;
      // As a run killed between the page's create and its record leaves it.
      expect((await sandbox.api('DELETE', `/rest/api/content/${top}/property/docgen`)).status).toBe(204);
      const dry = await run('--dry-run');
      expect((dry.planned as Planned[]).find((p) => p.key === 'adoptedit')!.reason).toContain('identical page');
      const page = await sandbox.api<{ title: string; version: { number: number } }>(
        'GET',
        `/rest/api/content/${top}?expand=version`,
      );
      await sandbox.api('PUT', `/rest/api/content/${top}`, {
        type: 'page',
        title: page.body.title,
        body: { storage: { value: '<p>a person’s own text</p>', representation: 'storage' } },
        version: { number: page.body.version.number + 1 },
      });
      const real = await run();
      expect(real.ok).toBe(false);
      expect(real.outcomes.find((o: { key: string }) => o.key === 'adoptedit')).toMatchObject({ status: 'conflict' });
      expect(real.requests.writes).toBe(0);
      const after = await sandbox.api<{ body: { storage: { value: string } }; version: { number: number } }>(
        'GET',
        `/rest/api/content/${top}?expand=body.storage,version`,
      );
      expect(after.body.version.number).toBe(2);
      expect(after.body.body.storage.value).toContain('a person’s own text');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
  it('a page an interrupted run left under a title now in another case: the dry run says the conflict the run meets, not adopt', async () => {
    const work = await mkdtemp(join(tmpdir(), 'docgen-adopt-case-'));
    const out = join(work, 'out');
    const run = async (...more: string[]) =>
      JSON.parse((await runCli(['publish', out, '--json', ...more], { cwd: work, env: env() })).stdout);
    try {
      await writeRenderedTree(out, makeTree(1, { prefix: 'adoptcase' }), { name: 'docgen-test', version: '1.0.0' });
      const top = (await run()).outcomes[0].pageId as string;
      expect((await sandbox.api('DELETE', `/rest/api/content/${top}/property/docgen`)).status).toBe(204);
      // The source's title changes case since: docgen would now create "Adoptcase Home".
      const retitled = makeTree(1, { prefix: 'adoptcase', edit: (page) => ({ ...page, title: 'Adoptcase Home' }) });
      await writeRenderedTree(out, retitled, { name: 'docgen-test', version: '1.0.0' });
      const dry = (await run('--dry-run')).planned[0] as Planned;
      const real = await run();
      expect(real.outcomes[0].status).toBe('conflict');
      expect(dry.reason).not.toContain('identical page an interrupted run left');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
