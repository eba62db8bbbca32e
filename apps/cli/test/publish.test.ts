import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { appendFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

// Each test runs the real CLI several times; on a loaded CI box that takes a while.
jest.setTimeout(120_000);
import { writeRenderedTree } from '@docgen/core';
import { startSandbox } from '@docgen/confluence-sandbox';
import { repoRoot, runCli, type CliResult } from '@docgen/test-support';
import { humanPage, makeTree, testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

/** The real, built CLI against the sandbox over HTTP. */
describe('docgen publish', () => {
  let sandbox: TestSandbox;
  let work: string;
  let out: string;
  const env = () => ({
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CONFLUENCE_SPACE_KEY: 'DEV',
  });

  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-publish-'));
    out = join(work, 'out');
    await writeRenderedTree(out, makeTree(31, { prefix: 'cli' }), { name: 'docgen-test', version: '1.0.0' });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('--dry-run prints the plan as a table and writes nothing', async () => {
    const since = await sandbox.lastSeq();
    const result = await runCli(['publish', out, '--dry-run'], { cwd: work, env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Managed root: page \d+, the space's homepage \(--confluence-parent publishes/m);
    expect(result.stdout).toMatch(/ACTION\s+TITLE\s+PAGE\s+DETAIL/);
    // In tree order, each page indented under its parent, saying where a new page goes.
    expect(result.stdout).toMatch(/^create {2}CLI Home {2,}- +new page under the managed root$/m);
    expect(result.stdout).toMatch(/^create {4}cli section 1 {2,}- +new page under "CLI Home"$/m);
    expect(result.stdout).toMatch(/^create {6}cli page 7 {2,}- +new page under "cli section 1", 1 attachment$/m);
    expect(result.stdout).toMatch(/Plan: 31 create — .*\nNothing was written \(--dry-run\): run it without --dry-run/);
    expect((await sandbox.requests(since)).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('--dry-run --diff before the first publish shows each new page as added (the README’s first command)', async () => {
    const since = await sandbox.lastSeq();
    const result = await runCli(['publish', out, '--dry-run', '--diff'], { cwd: work, env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\+\+\+ docgen\/cli page 7/m);
    expect(result.stdout).toContain('Plan: 31 create');
    expect((await sandbox.requests(since)).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('publishes, then a re-run reports everything unchanged with --json', async () => {
    const first = await runCli(['publish', out], { cwd: work, env: { ...env(), CI: '1' } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Done: 31 created, 0 updated, 0 unchanged, 0 conflicts — \d+ requests/);
    const second = await runCli(['publish', out, '--json'], { cwd: work, env: env() });
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 31, conflicts: 0 });
    expect(report.requests.writes).toBe(0);
  });

  it('--dry-run --diff shows a normalized diff of a changed page', async () => {
    const changed = join(work, 'changed');
    await writeRenderedTree(
      changed,
      makeTree(31, {
        prefix: 'cli',
        edit: (p) => (p.key === 'cli/s1/p2' ? { ...p, markdown: `${p.markdown}\nA brand new sentence.\n` } : p),
      }),
      { name: 'docgen-test', version: '1.0.0' },
    );
    const result = await runCli(['publish', changed, '--dry-run', '--diff'], { cwd: work, env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^update\s+cli page 2\s+\d+\s+body/m);
    expect(result.stdout).toMatch(/^\+.*A brand new sentence\./m);
    expect(result.stdout).toContain('Plan: 1 update, 30 unchanged');
    // The unchanged pages are counted, not listed.
    expect(result.stdout).toContain('30 unchanged pages not listed (--verbose lists them)');
    expect(result.stdout).not.toMatch(/^unchanged/m);
  });

  it('a human edit makes the run fail with a conflict and keeps the edit', async () => {
    const list = await sandbox.api<{ results: Array<{ id: string; version: { number: number } }> }>(
      'GET',
      `/rest/api/content?spaceKey=DEV&title=${encodeURIComponent('cli page 3')}&expand=version`,
    );
    const page = list.body.results[0];
    await sandbox.api('PUT', `/rest/api/content/${page.id}`, {
      type: 'page',
      title: 'cli page 3',
      body: { storage: { value: '<p>hand edit</p>', representation: 'storage' } },
      version: { number: page.version.number + 1 },
    });
    const changed = join(work, 'conflict');
    await writeRenderedTree(
      changed,
      makeTree(31, { prefix: 'cli', edit: (p) => (p.key === 'cli/s1/p3' ? { ...p, markdown: 'docgen text' } : p) }),
      {
        name: 'docgen-test',
        version: '1.0.0',
      },
    );
    // A dry run says what the publish would do, not that it was left incomplete.
    const planned = await runCli(['publish', changed, '--dry-run'], { cwd: work, env: env() });
    expect(planned.code).toBe(1);
    expect(planned.stderr).toContain(
      'error DG_PUBLISH_CONFLICT: the publish would be incomplete: 1 conflict (nothing was written: --dry-run)\n  → pages edited in Confluence would be left as they are;',
    );
    // --diff shows a conflict's page too: what docgen would write against what the person left there.
    const since = await sandbox.lastSeq();
    const diffed = await runCli(['publish', changed, '--dry-run', '--diff'], { cwd: work, env: env() });
    expect(diffed.code).toBe(1);
    expect(diffed.stdout).toMatch(/conflict: cli page 3 — edited in Confluence since docgen wrote it/);
    expect(diffed.stdout).toMatch(/^--- confluence\/cli page 3\tedited in Confluence, version 2$/m);
    expect(diffed.stdout).toMatch(/^-.*hand edit/m);
    expect(diffed.stdout).toMatch(/^\+.*docgen text/m);
    expect((await sandbox.requests(since)).filter((r) => r.method !== 'GET')).toEqual([]);
    const result = await runCli(['publish', changed], { cwd: work, env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/conflict\s+cli page 3 \(\d+\): edited in Confluence/);
    expect(result.stderr).toContain(
      'error DG_PUBLISH_CONFLICT: publish incomplete: 1 conflict\n  → pages edited in Confluence were left as they are;',
    );
    const live = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${page.id}?expand=body.storage`,
    );
    expect(live.body.body.storage.value).toBe('<p>hand edit</p>');
    const json = await runCli(['publish', changed, '--json'], { cwd: work, env: env() });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      counts: { conflicts: 1 },
      error: { code: 'DG_PUBLISH_CONFLICT' },
    });
  });

  it('an edit merged into the source, as the conflict says to, is no conflict: the page is taken back with no new version', async () => {
    const generator = { name: 'docgen-test', version: '1.0.0' };
    const merged = join(work, 'merged');
    await writeRenderedTree(merged, makeTree(3, { prefix: 'merge' }), generator);
    const first = await runCli(['publish', merged, '--json'], { cwd: work, env: env() });
    expect(first.code).toBe(0);
    const pageId = (JSON.parse(first.stdout).outcomes as Array<{ key: string; pageId: string }>).find(
      (o) => o.key === 'merge/s1/p2',
    )!.pageId;
    const edited = await sandbox.api('PUT', `/rest/api/content/${pageId}`, {
      type: 'page',
      title: 'merge page 2',
      body: { storage: { value: '<p>Fixed by hand in Confluence.</p>', representation: 'storage' } },
      version: { number: 2 },
    });
    expect(edited.status).toBe(200);
    // The person's words, copied into the source.
    await writeRenderedTree(
      merged,
      makeTree(3, {
        prefix: 'merge',
        edit: (p) => (p.key === 'merge/s1/p2' ? { ...p, markdown: 'Fixed by hand in Confluence.\n' } : p),
      }),
      generator,
    );
    const run = await runCli(['publish', merged, '--json'], { cwd: work, env: env() });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, counts: { conflicts: 0 } });
    expect(report.outcomes.find((o: { key: string }) => o.key === 'merge/s1/p2')).toMatchObject({ version: 2 });
    const again = await runCli(['publish', merged, '--json'], { cwd: work, env: env() });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, counts: { unchanged: 3 }, requests: { writes: 0 } });
  });

  it('a page a person only renamed, its body as the source renders it, is still an edit: a conflict, the title kept', async () => {
    const renamed = join(work, 'renamed-by-hand');
    await writeRenderedTree(renamed, makeTree(3, { prefix: 'retitle' }), { name: 'docgen-test', version: '1.0.0' });
    const first = await runCli(['publish', renamed, '--json'], { cwd: work, env: env() });
    expect(first.code).toBe(0);
    const pageId = (JSON.parse(first.stdout).outcomes as Array<{ key: string; pageId: string }>).find(
      (o) => o.key === 'retitle/s1/p2',
    )!.pageId;
    const live = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${pageId}?expand=body.storage`,
    );
    const edited = await sandbox.api('PUT', `/rest/api/content/${pageId}`, {
      type: 'page',
      title: 'A better title, by hand',
      body: { storage: { value: live.body.body.storage.value, representation: 'storage' } },
      version: { number: 2 },
    });
    expect(edited.status).toBe(200);
    // --diff shows the edit: the title, the body being the same.
    const diffed = await runCli(['publish', renamed, '--dry-run', '--diff'], { cwd: work, env: env() });
    expect(diffed.stdout).toMatch(/^conflict: retitle page 2 — edited in Confluence/m);
    expect(diffed.stdout).toMatch(/^-title: A better title, by hand\n\+title: retitle page 2$/m);
    const run = await runCli(['publish', renamed, '--json'], { cwd: work, env: env() });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ conflicts: 1 });
    const after = await sandbox.api<{ title: string }>('GET', `/rest/api/content/${pageId}`);
    expect(after.body.title).toBe('A better title, by hand');
  });

  it('a page a person deleted is a conflict saying so and what to do; --force restores it (same id)', async () => {
    const back = join(work, 'deleted');
    await writeRenderedTree(back, makeTree(3, { prefix: 'cliback' }), { name: 'docgen-test', version: '1.0.0' });
    expect((await runCli(['publish', back], { cwd: work, env: env() })).code).toBe(0);
    const list = await sandbox.api<{ results: Array<{ id: string }> }>(
      'GET',
      `/rest/api/content?spaceKey=DEV&title=${encodeURIComponent('cliback page 2')}`,
    );
    const id = list.body.results[0].id;
    expect((await sandbox.api('DELETE', `/rest/api/content/${id}`)).status).toBe(204);

    // The dry run shows the conflict and its fix before anything is written, in the table and in --json.
    const dry = await runCli(['publish', back, '--dry-run'], { cwd: work, env: env() });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(
      new RegExp(`conflict\\s+cliback page 2\\s+${id}\\s+docgen's page ${id} \\("cliback page 2"\\) is in the trash`),
    );
    expect(dry.stderr).toContain('re-run with --force to have docgen restore it from the trash');
    const dryJson = JSON.parse(
      (await runCli(['publish', back, '--dry-run', '--json'], { cwd: work, env: env() })).stdout,
    );
    expect(dryJson.planned.find((p: { key: string }) => p.key === 'cliback/s1/p2')).toMatchObject({
      action: 'conflict',
      conflict: 'deleted',
      pageId: id,
      fix: expect.stringContaining('--force'),
    });
    // With a changed source, --diff shows what the restore writes over the version in the trash.
    const changedBack = join(work, 'deleted-changed');
    await writeRenderedTree(
      changedBack,
      makeTree(3, {
        prefix: 'cliback',
        edit: (p) => (p.key === 'cliback/s1/p2' ? { ...p, markdown: `${p.markdown}\nBack with a new sentence.\n` } : p),
      }),
      { name: 'docgen-test', version: '1.0.0' },
    );
    const forcedDry = await runCli(['publish', changedBack, '--dry-run', '--force', '--diff'], {
      cwd: work,
      env: env(),
    });
    expect(forcedDry.code).toBe(0);
    expect(forcedDry.stdout).toMatch(
      new RegExp(
        `restore\\s+cliback page 2\\s+${id}\\s+back from the trash under "cliback section 1": a person deleted it; --force restores it`,
      ),
    );
    expect(forcedDry.stdout).toContain('--- confluence/cliback page 2\tin the trash, version 1');
    expect(forcedDry.stdout).toMatch(/^\+.*Back with a new sentence\./m);

    const refused = await runCli(['publish', back], { cwd: work, env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `conflict  cliback page 2: docgen's page ${id} ("cliback page 2") is in the trash and holds its title: a person deleted it`,
    );
    expect(refused.stdout).toContain('or run with --force to have docgen restore it');
    expect(refused.stderr).toContain('re-run with --force to have docgen restore it from the trash');

    const forced = await runCli(['publish', back, '--force'], { cwd: work, env: env() });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`restored\\s+cliback page 2 \\(${id}\\)`));
    const again = await runCli(['publish', back, '--json'], { cwd: work, env: env() });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, counts: { unchanged: 3 }, requests: { writes: 0 } });
  });

  it('with no URL configured it publishes to the embedded sandbox in .docgen/sandbox and says how to preview', async () => {
    const home = await mkdtemp(join(tmpdir(), 'docgen-embedded-'));
    try {
      const first = await runCli(['publish', out], {
        cwd: home,
        env: { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CI: '1' },
      });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('embedded sandbox, space DEV');
      expect(first.stdout).toContain('docgen sandbox start');
      expect(first.stdout).toMatch(/Done: 31 created/);
      expect(existsSync(join(home, '.docgen', 'sandbox'))).toBe(true);
      const again = await runCli(['publish', out, '--json'], {
        cwd: home,
        env: { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '' },
      });
      expect(JSON.parse(again.stdout).counts.unchanged).toBe(31);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('without a token for a real site, says which token to set before any request (not a 401 or a connection error)', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-no-token-'));
    try {
      // A newcomer's config: a real site and a user, the token forgotten (it never goes in this file).
      await writeFile(
        join(project, 'docgen.config.yaml'),
        'sources: []\nconfluence:\n  url: https://confluence.invalid/wiki\n  user: dev@example.com\n  spaceKey: DOCS\n',
      );
      const noToken = { CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CONFLUENCE_URL: '' };
      const result = await runCli(['publish', out], { cwd: project, env: noToken });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'error DG_CONFLUENCE_AUTH: no Confluence token to publish to https://confluence.invalid/wiki (from docgen.config.yaml:3 confluence.url)',
      );
      expect(result.stderr).toMatch(/→ set CONFLUENCE_API_TOKEN .*CONFLUENCE_ACCESS_TOKEN/);
      expect(result.stderr).not.toContain('connection failed');
      expect(result.stderr).not.toContain('Publishing');
      const json = await runCli(['publish', out, '--json', '--confluence-url', 'https://confluence.invalid/wiki'], {
        cwd: project,
        env: noToken,
      });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout).error).toMatchObject({
        code: 'DG_CONFLUENCE_AUTH',
        message: expect.stringContaining('(from --confluence-url)'),
      });
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('`docgen adr --publish` after `docgen generate --publish` updates the ADR pages and leaves the others; a source taken out and put back converges', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-subset-'));
    const config = (sources: string) => writeFile(join(project, 'docgen.config.yaml'), `sources:\n${sources}`);
    const adr = '  - plugin: adr\n    options: { dir: adr }\n';
    const prisma = '  - plugin: prisma\n    options: { schema: schema.prisma }\n';
    type Planned = { key: string; action: string };
    const actions = (result: CliResult) =>
      Object.fromEntries(
        (JSON.parse(result.stdout).publish.planned as Planned[]).map((p) => [p.key, p.action] as const),
      );
    try {
      await mkdir(join(project, 'adr'));
      await writeFile(join(project, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
      await writeFile(join(project, 'schema.prisma'), 'model User {\n  id Int @id\n}\n');
      // A clone, as in CI: the doc set is named after its remote.
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/ledger.git\n');
      await config(adr + prisma);
      const all = await runCli(['generate', '--publish'], { cwd: project, env: env() });
      expect(all.code).toBe(0);
      const manifest = JSON.parse(await readFile(join(project, 'docs-out', 'manifest.json'), 'utf8'));
      expect([manifest.docSet, manifest.partial]).toEqual(['example.com/acme/ledger', undefined]);

      // A run of one plugin: its pages, under the whole doc set's name; the data model is not its business.
      await writeFile(join(project, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nSuperseded\n');
      const part = await runCli(['adr', '--publish', '--json'], { cwd: project, env: env() });
      expect(part.code).toBe(0);
      expect(actions(part)).toEqual({ adr: 'update', 'adr/1': 'update' });
      const partial = JSON.parse(await readFile(join(project, 'docs-out', 'manifest.json'), 'utf8'));
      expect([partial.docSet, partial.partial]).toEqual(['example.com/acme/ledger', 'plugins']);
      const again = await runCli(['generate', '--publish', '--json'], { cwd: project, env: env() });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).publish.counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });

      // The prisma source taken out of the config: its pages are orphans, kept until --prune, every run.
      await config(adr);
      const without = await runCli(['generate', '--publish', '--json'], { cwd: project, env: env() });
      expect(without.code).toBe(0);
      expect(actions(without)).toMatchObject({ 'data-model': 'orphan', adr: 'unchanged' });
      const pruned = await runCli(['generate', '--publish', '--prune', '--json'], { cwd: project, env: env() });
      expect(actions(pruned)).toMatchObject({ 'data-model': 'archive' });
      expect(JSON.parse(pruned.stdout).publish.counts).toMatchObject({ archived: 2, conflicts: 0 });

      // Put back: the same pages come back from the trash, nothing is a conflict.
      await config(adr + prisma);
      const back = await runCli(['generate', '--publish', '--json'], { cwd: project, env: env() });
      expect(back.code).toBe(0);
      expect(JSON.parse(back.stdout).publish.counts).toMatchObject({ restored: 2, conflicts: 0, created: 0 });
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a flag run whose title another source of the config has: the conflict names the clash of the config and its fix, not a run of every source', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-clash-'));
    const spec = (path: string) =>
      `openapi: 3.0.3\ninfo: { title: Ledger API, version: 1.0.0 }\npaths:\n  ${path}:\n    get:\n` +
      `      operationId: list\n      responses: { '200': { description: ok } }\n`;
    const v1 = '  - plugin: openapi\n    options: { spec: v1.yaml, key: ledger-v1 }\n';
    const v2 = (prefix = '') => `  - plugin: openapi\n${prefix}    options: { spec: v2.yaml, key: ledger-v2 }\n`;
    const config = (sources: string) => writeFile(join(project, 'docgen.config.yaml'), `sources:\n${sources}`);
    try {
      await writeFile(join(project, 'v1.yaml'), spec('/v1/entries'));
      // v2, copied from v1 with its info.title left as it was.
      await writeFile(join(project, 'v2.yaml'), spec('/v2/entries'));
      await config(v1);
      expect((await runCli(['generate', '--publish'], { cwd: project, env: env() })).code).toBe(0);
      await config(v1 + v2());
      const flagRun = ['api', '--openapi', 'v2.yaml', '--publish', '--json'];
      const clashing = await runCli(flagRun, { cwd: project, env: env() });
      expect(clashing.code).toBe(1);
      const conflict = JSON.parse(clashing.stdout).publish.planned.find(
        (op: { key: string }) => op.key === 'api/ledger-v2',
      );
      expect(conflict).toMatchObject({ action: 'conflict', conflict: 'title-taken' });
      expect(conflict.fix).toBe(
        'the config\'s sources clash, which stops a run of every source too: sources[0] and sources[1] both produce a page with the title "Ledger API" (docgen.config.yaml:4); set `titlePrefix` on one of the sources (Confluence titles are unique per space)',
      );
      // The run's last word says the same, not to set a prefix of the run's own (a clash the config keeps).
      expect(JSON.parse(clashing.stdout).publish.error.hint).toBe(
        `docgen's pages of these titles are this doc set's, from its other sources: ${conflict.fix}`,
      );
      // `docgen publish` of that run's folder says the same.
      const folder = await runCli(['publish', 'docs-out', '--json'], { cwd: project, env: env() });
      expect(folder.code).toBe(1);
      expect(JSON.parse(folder.stdout).planned.find((op: { key: string }) => op.key === 'api/ledger-v2').fix).toBe(
        conflict.fix,
      );
      // What it said to do works the first time: the config's run of every source publishes both.
      await config(v1 + v2('    titlePrefix: "v2: "\n'));
      const fixed = await runCli(flagRun, { cwd: project, env: env() });
      expect(fixed.code).toBe(0);
      expect(JSON.parse(fixed.stdout).publish.counts).toMatchObject({ conflicts: 0 });
      expect((await runCli(['generate', '--publish'], { cwd: project, env: env() })).code).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('two services publishing their API under one parent with --prune leave each other’s pages alone', async () => {
    const specs = join(repoRoot, 'examples', 'acme-shop', 'services');
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const parent = await humanPage(sandbox, 'Service APIs (two repositories)', space.body.homepage.id);
    const repos = await Promise.all(['catalog', 'payments'].map((name) => mkdtemp(join(tmpdir(), `docgen-${name}-`))));
    const publish = (repo: string, spec: string) =>
      runCli(['api', '--openapi', join(specs, spec, 'openapi.yaml'), '--publish', '--prune', '--json'], {
        cwd: repo,
        env: { ...env(), CONFLUENCE_PARENT_ID: parent },
      });
    try {
      for (const round of [1, 2]) {
        const catalog = await publish(repos[0]!, 'catalog');
        const payments = await publish(repos[1]!, 'payments');
        for (const run of [catalog, payments]) {
          expect(run.code).toBe(0);
          const counts = JSON.parse(run.stdout).publish.counts;
          expect(counts).toMatchObject({ archived: 0, orphans: 0, restored: 0, conflicts: 0 });
          if (round === 2) expect(counts).toMatchObject({ created: 0, updated: 0 });
        }
      }
    } finally {
      await Promise.all(repos.map((repo) => rm(repo, { recursive: true, force: true })));
    }
  });

  it('a folder rendered before the repository’s remote was added, or changed, is published under the remote it has then', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'docgen-later-remote-'));
    const app = join(repo, 'apps', 'billing');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    // As Nx runs the targets: `docs` renders (and is replayed from the cache), `docs-publish` publishes its folder.
    const render = () => runCli(['generate'], { cwd: app, env: env() });
    const publish = (prefix: string, args = ['publish', 'docs-out']) =>
      runCli([...args, '--json', '--confluence-prefix', prefix], { cwd: app, env: env() });
    const sets = async (result: CliResult) => {
      const report = JSON.parse(result.stdout);
      const outcomes = (report.publish ?? report).outcomes as Array<{ pageId: string }>;
      const properties = await Promise.all(
        outcomes.map((o) =>
          sandbox.api<{ value: { set: string; named?: boolean } }>(
            'GET',
            `/rest/api/content/${o.pageId}/property/docgen`,
          ),
        ),
      );
      return [...new Set(properties.map((p) => `${p.body.value.set}${p.body.value.named ? ' (named)' : ''}`))];
    };
    const counts = (result: CliResult) => {
      const report = JSON.parse(result.stdout);
      return { ...(report.publish ?? report).counts, writes: (report.publish ?? report).requests.writes };
    };
    try {
      git('init', '-q');
      await mkdir(join(app, 'adr'), { recursive: true });
      await writeFile(join(app, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
      await writeFile(join(app, 'docgen.config.yaml'), 'sources:\n  - plugin: adr\n    options: { dir: adr }\n');
      expect((await render()).code).toBe(0);
      git('remote', 'add', 'origin', 'https://ci-bot:token-1@github.com/acme/billing.git');
      const added = await publish('Later remote ');
      expect(added.code).toBe(0);
      expect(await sets(added)).toEqual(['github.com/acme/billing:apps/billing (named)']);
      // One process names the set as the two do; a re-run writes nothing.
      for (const args of [
        ['publish', 'docs-out'],
        ['generate', '--publish'],
      ]) {
        const again = await publish('Later remote ', args);
        expect(counts(again)).toMatchObject({ created: 0, updated: 0, conflicts: 0, writes: 0 });
      }

      // Rendered in the repository, then published from a fork of it (a cache shared between clones).
      expect((await render()).code).toBe(0);
      git('remote', 'set-url', 'origin', 'git@github.com:acme-fork/billing.git');
      const fork = await publish('Fork remote ');
      expect(fork.code).toBe(0);
      expect(await sets(fork)).toEqual(['github.com/acme-fork/billing:apps/billing (named)']);
      expect(counts(await publish('Fork remote '))).toMatchObject({ created: 0, updated: 0, writes: 0 });
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'Bitbucket Data Center under a context path',
      'https://ci:token@bitbucket.acme.com/bitbucket/scm/plat/shop.git',
      'ssh://git@bitbucket.acme.com:7999/plat/shop.git',
      'bitbucket.acme.com/plat/shop',
      'bitbucket.acme.com/bitbucket/scm/plat/shop',
    ],
    [
      'Azure DevOps',
      'https://acme@dev.azure.com/acme/Platform/_git/shop',
      'git@ssh.dev.azure.com:v3/acme/Platform/shop',
      'dev.azure.com/acme/platform/shop',
      'dev.azure.com/acme/platform/_git/shop',
    ],
    [
      'Azure DevOps, published by an older docgen from an SSH clone',
      'https://acme@dev.azure.com/acme/Ops/_git/shop',
      'git@ssh.dev.azure.com:v3/acme/Ops/shop',
      'dev.azure.com/acme/ops/shop',
      'ssh.dev.azure.com/v3/acme/ops/shop',
    ],
  ])(
    'a repository on %s is one doc set over HTTPS and SSH, and takes over its pages an older docgen named otherwise',
    async (host, https, ssh, name, older) => {
      const repo = await mkdtemp(join(tmpdir(), 'docgen-remote-forms-'));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
      const prefix = `${host} `;
      const run = (args: string[]) =>
        runCli([...args, '--json', '--confluence-prefix', prefix], { cwd: repo, env: env() });
      const report = (result: CliResult) => {
        const parsed = JSON.parse(result.stdout);
        return (parsed.publish ?? parsed) as {
          counts: Record<string, number>;
          requests: { writes: number };
          outcomes: Array<{ key: string; pageId: string }>;
        };
      };
      const records = async (result: CliResult) =>
        Promise.all(
          report(result).outcomes.map(async (o) => {
            const { body } = await sandbox.api<{ value: { set: string } }>(
              'GET',
              `/rest/api/content/${o.pageId}/property/docgen`,
            );
            return `${o.key} ${o.pageId} ${body.value.set}`;
          }),
        );
      try {
        git('init', '-q');
        git('remote', 'add', 'origin', https);
        await mkdir(join(repo, 'adr'));
        await writeFile(join(repo, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
        await writeFile(join(repo, 'docgen.config.yaml'), 'sources:\n  - plugin: adr\n    options: { dir: adr }\n');
        // As an older docgen published it: named after the whole path of the form it ran in.
        expect((await runCli(['generate'], { cwd: repo })).code).toBe(0);
        const manifestFile = join(repo, 'docs-out', 'manifest.json');
        const { docSetFolder, ...manifest } = JSON.parse(await readFile(manifestFile, 'utf8'));
        expect([docSetFolder, manifest.docSet]).toEqual(['', name]);
        await writeFile(manifestFile, JSON.stringify({ ...manifest, docSet: older }));
        const before = await run(['publish', 'docs-out']);
        expect(before.code).toBe(0);
        expect(await records(before)).toEqual(report(before).outcomes.map((o) => `${o.key} ${o.pageId} ${older}`));

        const upgraded = await run(['generate', '--publish']);
        expect(upgraded.code).toBe(0);
        expect(report(upgraded).counts).toMatchObject({ created: 0, conflicts: 0, skipped: 0 });
        expect(await records(upgraded)).toEqual(report(before).outcomes.map((o) => `${o.key} ${o.pageId} ${name}`));
        // Over SSH (another developer's clone): the same doc set, nothing to write.
        for (const url of [https, ssh]) {
          git('remote', 'set-url', 'origin', url);
          const again = await run(['generate', '--publish']);
          expect([url, report(again).counts]).toMatchObject([url, { created: 0, updated: 0, conflicts: 0 }]);
          expect(report(again).requests.writes).toBe(0);
        }
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    },
  );

  it('in a monorepo with one config at its root, two services’ flag runs from their folders are two doc sets', async () => {
    const mono = await mkdtemp(join(tmpdir(), 'docgen-mono-'));
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const parent = await humanPage(sandbox, 'Monorepo APIs', space.body.homepage.id);
    try {
      await mkdir(join(mono, '.git'));
      await writeFile(join(mono, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/mono.git\n');
      await writeFile(join(mono, 'package.json'), '{ "name": "mono", "docgen": { "sources": [] } }\n');
      for (const [folder, service] of [
        ['a', 'catalog'],
        ['b', 'payments'],
        ['shared', 'shared'],
      ] as const)
        await cp(join(repoRoot, 'examples', 'acme-shop', 'services', service), join(mono, 'services', folder), {
          recursive: true,
        });
      const publish = (folder: string) =>
        // (A prefix: the test before publishes the same specs into this space, whose titles are unique.)
        runCli(['api', '--openapi', 'openapi.yaml', '--publish', '--prune', '--json', '--confluence-prefix', 'Mono '], {
          cwd: join(mono, 'services', folder),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      for (const round of [1, 2]) {
        for (const folder of ['a', 'b']) {
          const run = await publish(folder);
          expect(run.code).toBe(0);
          const counts = JSON.parse(run.stdout).publish.counts;
          expect(counts).toMatchObject({ archived: 0, orphans: 0, restored: 0, conflicts: 0 });
          if (round === 2) expect(counts).toMatchObject({ created: 0, updated: 0 });
        }
      }
      // The config's `out`, written last by services/b's run.
      const manifest = JSON.parse(await readFile(join(mono, 'docs-out', 'manifest.json'), 'utf8'));
      expect([manifest.docSet, manifest.partial, manifest.filesComparable]).toEqual([
        'github.com/acme/mono:services/b',
        'flags',
        true,
      ]);
    } finally {
      await rm(mono, { recursive: true, force: true });
    }
  });

  describe('apps of a repository with no remote (ADR 11, the local kind)', () => {
    const petStore = (tags: string[]) =>
      'openapi: 3.0.3\ninfo: { title: Pet store, version: "1" }\npaths:\n' +
      tags
        .map(
          (tag) =>
            `  /${tag}:\n    get:\n      operationId: list_${tag}\n      tags: [${tag}]\n      responses: { "200": { description: ok } }\n`,
        )
        .join('');
    /** A repository with no `origin` remote, and an app publishing this spec in each of these folders. */
    async function localRepository(apps: Record<string, string>): Promise<string> {
      const repo = await mkdtemp(join(tmpdir(), 'docgen-local-'));
      execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'pipe' });
      for (const [folder, spec] of Object.entries(apps)) {
        await mkdir(join(repo, folder), { recursive: true });
        await writeFile(join(repo, folder, 'openapi.yaml'), spec);
        await writeFile(
          join(repo, folder, 'docgen.config.yaml'),
          'sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml }\n',
        );
      }
      return repo;
    }
    /** `git add -A && git commit` in `repo`, as its author. */
    const commitAll = (repo: string) => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], {
          cwd: repo,
          stdio: 'pipe',
        });
      git('add', '-A');
      git('commit', '-q', '-m', 'docs');
    };
    const underParent = async (title: string) => {
      const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
      return humanPage(sandbox, title, space.body.homepage.id);
    };
    const report = (result: CliResult) => {
      const parsed = JSON.parse(result.stdout);
      return (parsed.publish ?? parsed) as {
        counts: Record<string, number>;
        requests: { writes: number };
        planned: Array<{ key: string; action: string; conflict?: string; otherDocSet?: string; fix?: string }>;
        outcomes: Array<{ key: string; pageId: string }>;
      };
    };
    /** docgen's record of each page a run published: its set, and the folder of a local one. */
    const records = async (result: CliResult) =>
      Promise.all(
        report(result).outcomes.map(async (o) => {
          const { body } = await sandbox.api<{ value: { set: string; named?: boolean; local?: string } }>(
            'GET',
            `/rest/api/content/${o.pageId}/property/docgen`,
          );
          return {
            key: o.key,
            pageId: o.pageId,
            set: body.value.set,
            named: body.value.named,
            local: body.value.local,
          };
        }),
      );

    it('two apps that render a page of the same key are two doc sets: the second is a conflict, not a rewrite or a prune of the first’s pages', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets', 'stores']), 'apps/b': petStore(['pets']) });
      const parent = await underParent('Local apps');
      const publish = (app: string) =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Local '], {
          cwd: join(repo, app),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const a = await publish('apps/a');
        expect(a.code).toBe(0);
        const b = await publish('apps/b');
        expect(b.code).toBe(1);
        expect(report(b).requests.writes).toBe(0);
        const conflict = report(b).planned.find((p) => p.action === 'conflict');
        expect(conflict).toMatchObject({ key: 'api/pet-store', conflict: 'title-taken', otherDocSet: 'api (apps/a)' });
        expect(conflict!.fix).toContain('titlePrefix');
        // apps/a's pages are as it published them: its re-run writes nothing, nothing of it was trashed.
        const again = await publish('apps/a');
        expect(again.code).toBe(0);
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, restored: 0, archived: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('two repositories with no remote, of the same folder and keys, are two doc sets: the second is a conflict with the fix, not a rewrite of the first’s pages', async () => {
      const repos = [
        await localRepository({ 'apps/a': petStore(['pets', 'stores']) }),
        await localRepository({ 'apps/a': petStore(['pets']) }),
      ];
      repos.forEach(commitAll);
      const parent = await underParent('Two local repositories');
      const publish = (repo: string) =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Two repos '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const first = await publish(repos[0]!);
        expect(first.code).toBe(0);
        const second = await publish(repos[1]!);
        expect(second.code).toBe(1);
        expect(report(second).requests.writes).toBe(0);
        const conflict = report(second).planned.find((p) => p.action === 'conflict');
        expect(conflict).toMatchObject({ key: 'api/pet-store', conflict: 'title-taken' });
        expect(conflict!.otherDocSet).toMatch(/^first-commit\/[0-9a-f]{12}:apps\/a$/);
        expect(conflict!.fix).toContain('a repository with no remote is named after its first commit');
        expect(conflict!.fix).toContain(`set \`confluence.docSet: "${conflict!.otherDocSet}"\``);
        // The first repository's pages are as it published them: its re-run writes nothing.
        const again = await publish(repos[0]!);
        expect(again.code).toBe(0);
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, restored: 0, archived: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await Promise.all(repos.map((repo) => rm(repo, { recursive: true, force: true })));
      }
    });

    it('an app published before its repository’s first commit keeps its pages after it: taken over, then no writes', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      const parent = await underParent('Local first commit');
      const run = () =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'First commit '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const before = await run();
        expect(before.code).toBe(0);
        commitAll(repo);
        const after = await run();
        expect(after.code).toBe(0);
        expect(report(after).counts).toMatchObject({ created: 0, conflicts: 0, skipped: 0 });
        const ids = (rs: Array<{ key: string; pageId: string }>) => rs.map((r) => `${r.key} ${r.pageId}`).sort();
        expect(ids(await records(after))).toEqual(ids(await records(before)));
        const again = await run();
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('pages an older docgen published from an app (named after their keys) are taken over on upgrade: no conflict, no duplicate, then no writes', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets', 'stores']) });
      const app = join(repo, 'apps', 'a');
      const parent = await underParent('Local upgrade');
      const run = (args: string[]) =>
        runCli([...args, '--json', '--confluence-prefix', 'Upgrade '], {
          cwd: app,
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        // As an older docgen rendered it: its manifest records no folder, so its set is named after its keys.
        expect((await runCli(['generate'], { cwd: app })).code).toBe(0);
        const manifestFile = join(app, 'docs-out', 'manifest.json');
        const { docSetFolder, ...older } = JSON.parse(await readFile(manifestFile, 'utf8'));
        expect(docSetFolder).toBe('apps/a');
        await writeFile(manifestFile, JSON.stringify(older));
        const before = await run(['publish', 'docs-out']);
        expect(before.code).toBe(0);
        expect((await records(before)).map((r) => [r.set, r.local])).toEqual(
          report(before).outcomes.map(() => ['api', undefined]),
        );

        const upgraded = await run(['generate', '--publish', '--prune']);
        expect(upgraded.code).toBe(0);
        expect(report(upgraded).counts).toMatchObject({ created: 0, archived: 0, conflicts: 0 });
        const after = await records(upgraded);
        expect(after.map((r) => [r.key, r.pageId])).toEqual((await records(before)).map((r) => [r.key, r.pageId]));
        expect([...new Set(after.map((r) => `${r.set} ${r.local}`))]).toEqual(['api apps/a']);
        // The rendered folder records the app's folder: its publish is the same doc set.
        for (const args of [
          ['generate', '--publish', '--prune'],
          ['publish', 'docs-out', '--prune'],
        ]) {
          const again = await run(args);
          expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
          expect(report(again).requests.writes).toBe(0);
        }
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('one app at the root of the repository publishes and converges as before', async () => {
      const repo = await localRepository({ '.': petStore(['pets']) });
      const parent = await underParent('Local root');
      const run = () =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Root local '], {
          cwd: repo,
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const first = await run();
        expect(first.code).toBe(0);
        expect(report(first).counts).toMatchObject({ created: 2, conflicts: 0 });
        expect([...new Set((await records(first)).map((r) => r.set))]).toEqual(['api']);
        const again = await run();
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('an app rendered with --out outside its repository, then inside, in turn, is one doc set: no conflict with itself, no writes once converged', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      const outside = await mkdtemp(join(tmpdir(), 'docgen-local-out-'));
      const parent = await underParent('Local out outside');
      const run = (args: string[]) =>
        runCli([...args, '--prune', '--json', '--confluence-prefix', 'Out outside '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        expect((await run(['generate', '--publish'])).code).toBe(0);
        for (const args of [
          ['generate', '--out', outside, '--publish'],
          ['publish', outside],
          ['generate', '--publish'],
          ['generate', '--out', outside, '--publish'],
        ]) {
          const again = await run(args);
          expect([args.join(' '), again.code]).toEqual([args.join(' '), 0]);
          expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
          expect(report(again).requests.writes).toBe(0);
        }
      } finally {
        await rm(repo, { recursive: true, force: true });
        await rm(outside, { recursive: true, force: true });
      }
    });

    it('an app whose folder is renamed meets its pages as a conflict, whose fix (confluence.docSet) takes them over', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      const parent = await underParent('Local renamed');
      const run = (app: string) =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Renamed '], {
          cwd: join(repo, app),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const before = await run('apps/a');
        expect(before.code).toBe(0);
        await rename(join(repo, 'apps', 'a'), join(repo, 'apps', 'pets'));
        const moved = await run('apps/pets');
        expect(moved.code).toBe(1);
        expect(report(moved).requests.writes).toBe(0);
        const conflict = report(moved).planned.find((p) => p.action === 'conflict');
        expect(conflict).toMatchObject({ key: 'api/pet-store', otherDocSet: 'api (apps/a)' });
        expect(conflict!.fix).toContain('if this app moved from apps/a, set `confluence.docSet`');
        // The fix, followed: the pages are taken over (the same pages), and a re-run writes nothing.
        await appendFile(join(repo, 'apps', 'pets', 'docgen.config.yaml'), 'confluence:\n  docSet: pets\n');
        const fixed = await run('apps/pets');
        expect(fixed.code).toBe(0);
        expect(report(fixed).counts).toMatchObject({ created: 0, conflicts: 0, skipped: 0 });
        const ids = (rs: Array<{ key: string; pageId: string }>) => rs.map((r) => `${r.key} ${r.pageId}`).sort();
        expect(ids(await records(fixed))).toEqual(ids(await records(before)));
        const again = await run('apps/pets');
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('an app given confluence.docSet in its config keeps its pages, as configuration.md advises for a repository with no remote', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      const parent = await underParent('Local then named');
      const run = () =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Then named '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        const local = await run();
        expect(local.code).toBe(0);
        await appendFile(join(repo, 'apps', 'a', 'docgen.config.yaml'), 'confluence:\n  docSet: pets\n');
        const named = await run();
        expect(named.code).toBe(0);
        expect(report(named).counts).toMatchObject({ created: 0, conflicts: 0, skipped: 0 });
        const ids = (rs: Array<{ key: string; pageId: string }>) => rs.map((r) => `${r.key} ${r.pageId}`).sort();
        expect(ids(await records(named))).toEqual(ids(await records(local)));
        const again = await run();
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('an app the config names beside another app publishing the same page is a conflict, not a takeover of that app’s page', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']), 'apps/b': petStore(['pets']) });
      await appendFile(join(repo, 'apps', 'b', 'docgen.config.yaml'), 'confluence:\n  docSet: b\n');
      const parent = await underParent('Local beside named');
      const run = (app: string) =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Beside named '], {
          cwd: join(repo, app),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        expect((await run('apps/a')).code).toBe(0);
        const named = await run('apps/b');
        expect(named.code).toBe(1);
        expect(report(named).requests.writes).toBe(0);
        expect(report(named).planned.find((p) => p.action === 'conflict')).toMatchObject({
          key: 'api/pet-store',
          otherDocSet: 'api (apps/a)',
        });
        const again = await run('apps/a');
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(report(again).requests.writes).toBe(0);
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it.each([
      ['with no commits', false],
      ['with commits (named after its first commit)', true],
    ])(
      'an app whose repository (%s) is given a remote takes its pages over as the remote-named set: no conflict with itself, then no writes',
      async (_, committed) => {
        const repo = await localRepository({ 'apps/a': petStore(['pets', 'stores']) });
        if (committed) commitAll(repo);
        const parent = await underParent(`Local then remote ${committed}`);
        const run = () =>
          runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', `Remote later ${committed} `], {
            cwd: join(repo, 'apps', 'a'),
            env: { ...env(), CONFLUENCE_PARENT_ID: parent },
          });
        try {
          const local = await run();
          expect(local.code).toBe(0);
          execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/pets.git'], {
            cwd: repo,
            stdio: 'pipe',
          });
          const remote = await run();
          expect(remote.code).toBe(0);
          expect(report(remote).counts).toMatchObject({ created: 0, conflicts: 0, skipped: 0 });
          const after = await records(remote);
          const ids = (rs: Array<{ key: string; pageId: string }>) => rs.map((r) => `${r.key} ${r.pageId}`).sort();
          expect(ids(after)).toEqual(ids(await records(local)));
          expect([...new Set(after.map((r) => `${r.set} ${r.named} ${r.local}`))]).toEqual([
            'github.com/acme/pets:apps/a true undefined',
          ]);
          const again = await run();
          expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
          expect(report(again).requests.writes).toBe(0);
        } finally {
          await rm(repo, { recursive: true, force: true });
        }
      },
    );

    /**
     * A folder with a `git` that writes each call's arguments to `log`, then runs the real one: what
     * a run of the real CLI asks git, observed from outside.
     */
    async function loggingGit(log: string): Promise<string> {
      const bin = await mkdtemp(join(tmpdir(), 'docgen-git-'));
      const git = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
      await writeFile(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${git}' "$@"\n`, { mode: 0o755 });
      return bin;
    }

    it('a repository with no commit yet warns once a run that its set is its folder’s, though generate and publish both read it', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      const parent = await underParent('Unborn warned');
      try {
        const result = await runCli(['generate', '--publish', '--json', '--confluence-prefix', 'Unborn '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
        expect(result.code).toBe(0);
        const told = `${result.stdout}\n${result.stderr}`.match(/DG_DOC_SET_GIT/g) ?? [];
        expect(told).toHaveLength(1);
        expect(`${result.stdout}\n${result.stderr}`).toContain('it has no commit yet');
      } finally {
        await rm(repo, { recursive: true, force: true });
      }
    });

    it('a repository with a remote walks its history for its first commit only where a page of its first commit’s set is to take over', async () => {
      const repo = await localRepository({ 'apps/a': petStore(['pets']) });
      commitAll(repo);
      const log = join(repo, 'git-calls.log');
      const bin = await loggingGit(log);
      const parent = await underParent('First commit walked');
      const run = () =>
        runCli(['generate', '--publish', '--prune', '--json', '--confluence-prefix', 'Walked '], {
          cwd: join(repo, 'apps', 'a'),
          env: { ...env(), CONFLUENCE_PARENT_ID: parent, PATH: `${bin}:${process.env.PATH}` },
        });
      /** The walks for the first commit since the last ask (a run of `git rev-list --max-parents=0`). */
      const walks = async () => {
        const calls = existsSync(log) ? (await readFile(log, 'utf8')).split('\n') : [];
        await rm(log, { force: true });
        return calls.filter((call) => call.startsWith('rev-list --max-parents=0')).length;
      };
      try {
        // With no remote the first commit is the set's name: one walk, though the publish reads the
        // output folder's set again (per process, per HEAD).
        expect((await run()).code).toBe(0);
        expect(await walks()).toBe(1);
        execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/walked.git'], { cwd: repo });
        // Given a remote: its first commit's pages are taken over, found by one walk.
        const remote = await run();
        expect(report(remote).counts).toMatchObject({ created: 0, conflicts: 0 });
        expect(await walks()).toBe(1);
        // Its pages now of the remote's set: nothing to ask the history for.
        const again = await run();
        expect(report(again).counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
        expect(await walks()).toBe(0);
      } finally {
        await Promise.all([repo, bin].map((dir) => rm(dir, { recursive: true, force: true })));
      }
    });
  });

  it.each([
    ['named after its remote', 'remote', ''],
    ['named by confluence.docSet', 'none', 'confluence:\n  docSet: acme-beside\n'],
    ['with no name (no repository)', 'none', ''],
    ['in a repository with no remote', 'init', ''],
  ])(
    'a source given by a flag beside a config (%s) is not trashed by the config’s whole run, nor the other way round',
    async (_, git, named) => {
      const project = await mkdtemp(join(tmpdir(), 'docgen-beside-'));
      // Titles are unique per space: each case its own.
      const prefix = `Beside ${git}${named ? ' named' : ''} `;
      const run = (args: string[]) =>
        runCli([...args, '--publish', '--prune', '--json', '--confluence-prefix', prefix], {
          cwd: project,
          env: env(),
        });
      try {
        if (git === 'init') execFileSync('git', ['init', '-q'], { cwd: project, stdio: 'pipe' });
        if (git === 'remote') {
          await mkdir(join(project, '.git'));
          await writeFile(
            join(project, '.git', 'config'),
            '[remote "origin"]\n\turl = git@example.com:acme/beside.git\n',
          );
        }
        await mkdir(join(project, 'adr'));
        await writeFile(join(project, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
        await writeFile(
          join(project, 'docgen.config.yaml'),
          `sources:\n  - plugin: adr\n    options: { dir: adr }\n${named}`,
        );
        await cp(join(repoRoot, 'examples', 'acme-shop', 'services', 'payments'), join(project, 'payments'), {
          recursive: true,
        });
        await cp(join(repoRoot, 'examples', 'acme-shop', 'services', 'shared'), join(project, 'shared'), {
          recursive: true,
        });
        const flagged = await run(['api', '--openapi', 'payments/openapi.yaml']);
        expect(JSON.parse(flagged.stdout).publish.counts).toMatchObject({ conflicts: 0 });
        const whole = await run(['generate']);
        expect(whole.code).toBe(0);
        expect(JSON.parse(whole.stdout).publish.counts).toMatchObject({ archived: 0, orphans: 0, conflicts: 0 });
        const again = await run(['api', '--openapi', 'payments/openapi.yaml']);
        expect(JSON.parse(again.stdout).publish).toMatchObject({
          counts: { archived: 0, orphans: 0, restored: 0, created: 0, updated: 0 },
          requests: { writes: 0 },
        });
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    },
  );

  it('a spec moved out of the config into a job of its own is handed over, not trashed and restored on every run', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-moved-out-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--prune', '--json', '--confluence-prefix', 'Moved out '], {
        cwd: project,
        env: env(),
      });
    const adr = '  - plugin: adr\n    options: { dir: adr }\n';
    try {
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/moved.git\n');
      await mkdir(join(project, 'adr'));
      await writeFile(join(project, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
      for (const service of ['payments', 'shared'])
        await cp(join(repoRoot, 'examples', 'acme-shop', 'services', service), join(project, service), {
          recursive: true,
        });
      const spec = '  - plugin: openapi\n    options: { spec: payments/openapi.yaml }\n';
      await writeFile(join(project, 'docgen.config.yaml'), `sources:\n${adr}${spec}`);
      expect((await run(['generate'])).code).toBe(0);
      await writeFile(join(project, 'docgen.config.yaml'), `sources:\n${adr}`);
      for (const round of [1, 2]) {
        const job = JSON.parse((await run(['api', '--openapi', 'payments/openapi.yaml'])).stdout).publish;
        const whole = JSON.parse((await run(['generate'])).stdout).publish;
        for (const report of [job, whole])
          expect(report.counts).toMatchObject({ archived: 0, restored: 0, conflicts: 0 });
        if (round === 2) expect([job.requests.writes, whole.requests.writes]).toEqual([0, 0]);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a spec moved out of the config into a job, the config’s run first: the job takes its pages back from the trash', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-moved-out-first-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--prune', '--json', '--confluence-prefix', 'Moved first '], {
        cwd: project,
        env: env(),
      });
    const adr = '  - plugin: adr\n    options: { dir: adr }\n';
    try {
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/first.git\n');
      await mkdir(join(project, 'adr'));
      await writeFile(join(project, 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
      for (const service of ['payments', 'shared'])
        await cp(join(repoRoot, 'examples', 'acme-shop', 'services', service), join(project, service), {
          recursive: true,
        });
      const spec = '  - plugin: openapi\n    options: { spec: payments/openapi.yaml, key: payments }\n';
      await writeFile(join(project, 'docgen.config.yaml'), `sources:\n${adr}${spec}`);
      expect((await run(['generate'])).code).toBe(0);
      // The merge that moves the spec into a job of its own: the config's job happens to finish first.
      await writeFile(join(project, 'docgen.config.yaml'), `sources:\n${adr}`);
      const whole = JSON.parse((await run(['generate'])).stdout).publish;
      expect(whole.counts).toMatchObject({ archived: 6 });
      const job = await run(['api', '--openapi', 'payments/openapi.yaml']);
      expect(job.code).toBe(0);
      expect(JSON.parse(job.stdout).publish.counts).toMatchObject({ restored: 6, created: 0, conflicts: 0 });
      for (const args of [['api', '--openapi', 'payments/openapi.yaml'], ['generate']]) {
        const again = JSON.parse((await run(args)).stdout).publish;
        expect(again.counts).toMatchObject({ archived: 0, restored: 0, created: 0, updated: 0, conflicts: 0 });
        expect(again.requests.writes).toBe(0);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it.each([
    ['named after its remote', 'remote'],
    ['in a repository with no remote nor commit', 'init'],
  ])(
    'a flag job’s spec renamed, then a tag removed (%s): the tag’s page is trashed, not left behind unreported',
    async (_, git) => {
      const project = await mkdtemp(join(tmpdir(), 'docgen-renamed-spec-'));
      // Titles are unique per space: each case its own.
      const prefix = `Renamed spec${git === 'remote' ? '' : ` ${git}`} `;
      // A parent of its own: another test's repository with no remote nor commit, of the same folder and
      // keys, would be the same doc set (ADR 11, 6).
      const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
      const parent = await humanPage(sandbox, `${prefix}parent`, space.body.homepage.id);
      const run = (spec: string) =>
        runCli(['api', '--openapi', spec, '--publish', '--prune', '--json', '--confluence-prefix', prefix], {
          cwd: project,
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        if (git === 'init') execFileSync('git', ['init', '-q'], { cwd: project, stdio: 'pipe' });
        else {
          await mkdir(join(project, '.git'));
          await writeFile(
            join(project, '.git', 'config'),
            '[remote "origin"]\n\turl = git@example.com:acme/renamed.git\n',
          );
        }
        for (const service of ['payments', 'shared'])
          await cp(join(repoRoot, 'examples', 'acme-shop', 'services', service), join(project, service), {
            recursive: true,
          });
        expect((await run('payments/openapi.yaml')).code).toBe(0);
        // `git mv openapi.yaml api.yaml`: every page the same but the top one, whose attachment is renamed.
        const spec = await readFile(join(project, 'payments', 'openapi.yaml'), 'utf8');
        await rm(join(project, 'payments', 'openapi.yaml'));
        await writeFile(join(project, 'payments', 'api.yaml'), spec);
        expect((await run('payments/api.yaml')).code).toBe(0);
        const again = JSON.parse((await run('payments/api.yaml')).stdout).publish;
        expect(again.requests.writes).toBe(0);
        // Then the Refunds tag goes: its operations move to Payments.
        const withoutRefunds = spec
          .replace('  - { name: Refunds }\n', '')
          .replaceAll('tags: [Refunds]', 'tags: [Payments]');
        await writeFile(join(project, 'payments', 'api.yaml'), withoutRefunds);
        const removed = JSON.parse((await run('payments/api.yaml')).stdout).publish;
        expect(removed.counts).toMatchObject({ archived: 1, created: 0, conflicts: 0 });
        const refunds = await sandbox.api<{ results: unknown[] }>(
          'GET',
          `/rest/api/content?spaceKey=DEV&title=${encodeURIComponent(`${prefix}Acme Payments API: Refunds`)}`,
        );
        expect(refunds.body.results).toEqual([]);
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    },
  );

  it.each([
    ['named after its remote', 'remote'],
    ['in a repository with no remote nor commit', 'init'],
  ])(
    'a flag job of a folder (docgen adr --dir, %s): a file deleted from the folder has its page trashed, not left behind',
    async (_, git) => {
      const project = await mkdtemp(join(tmpdir(), 'docgen-folder-job-'));
      const prefix = `Folder job${git === 'remote' ? '' : ` ${git}`} `;
      // A parent of its own: another test's repository with no remote nor commit, of the same folder and
      // keys, would be the same doc set (ADR 11, 6).
      const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
      const parent = await humanPage(sandbox, `${prefix}parent`, space.body.homepage.id);
      const run = () =>
        runCli(['adr', '--dir', 'decisions', '--publish', '--prune', '--json', '--confluence-prefix', prefix], {
          cwd: project,
          env: { ...env(), CONFLUENCE_PARENT_ID: parent },
        });
      try {
        if (git === 'init') execFileSync('git', ['init', '-q'], { cwd: project, stdio: 'pipe' });
        else {
          await mkdir(join(project, '.git'));
          await writeFile(
            join(project, '.git', 'config'),
            '[remote "origin"]\n\turl = git@example.com:acme/folder.git\n',
          );
        }
        await mkdir(join(project, 'decisions'));
        await writeFile(
          join(project, 'decisions', '0001-use-postgres.md'),
          '# 1. Use Postgres\n\n## Status\n\nAccepted\n',
        );
        await writeFile(join(project, 'decisions', '0002-use-kafka.md'), '# 2. Use Kafka\n\n## Status\n\nProposed\n');
        expect(JSON.parse((await run()).stdout).publish.counts).toMatchObject({ created: 3, conflicts: 0 });
        // The proposal is dropped: its file goes.
        await rm(join(project, 'decisions', '0002-use-kafka.md'));
        const dropped = JSON.parse((await run()).stdout).publish;
        expect(dropped.counts).toMatchObject({ archived: 1, created: 0, conflicts: 0 });
        const kafka = await sandbox.api<{ results: unknown[] }>(
          'GET',
          `/rest/api/content?spaceKey=DEV&title=${encodeURIComponent(`${prefix}ADR-0002: Use Kafka`)}`,
        );
        expect(kafka.body.results).toEqual([]);
        const again = JSON.parse((await run()).stdout).publish;
        expect(again.counts).toMatchObject({ archived: 0, orphans: 0 });
        expect(again.requests.writes).toBe(0);
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    },
  );

  it('a flag run of a folder the config does not list does not overwrite the config’s page of the same key: a conflict naming both files', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-unlisted-key-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--json', '--confluence-prefix', 'Unlisted key '], { cwd: project, env: env() });
    try {
      await mkdir(join(project, '.git'));
      await writeFile(
        join(project, '.git', 'config'),
        '[remote "origin"]\n\turl = git@example.com:acme/unlisted.git\n',
      );
      await mkdir(join(project, 'docs', 'adr'), { recursive: true });
      await writeFile(
        join(project, 'docs', 'adr', '0001-use-postgres.md'),
        '# 1. Use Postgres\n\n## Status\n\nAccepted\n',
      );
      await mkdir(join(project, 'ops'));
      await writeFile(join(project, 'ops', '0001-use-vault.md'), '# 1. Use Vault\n\n## Status\n\nAccepted\n');
      await writeFile(
        join(project, 'docgen.config.yaml'),
        'sources:\n  - plugin: adr\n    options: { dir: docs/adr }\n',
      );
      const whole = await run(['generate']);
      expect(whole.code).toBe(0);
      const pageId = (JSON.parse(whole.stdout).publish.outcomes as Array<{ key: string; pageId: string }>).find(
        (o) => o.key === 'adr/1',
      )!.pageId;

      const flags = await run(['adr', '--dir', 'ops']);
      expect(flags.code).toBe(1);
      const report = JSON.parse(flags.stdout);
      expect(report.publish).toMatchObject({ ok: false, counts: { conflicts: 2, updated: 0 } });
      const planned = (report.publish.planned as Array<{ key: string; conflict?: string; reason?: string }>).find(
        (p) => p.key === 'adr/1',
      )!;
      expect(planned.conflict).toBe('other-source');
      for (const words of [
        '"Unlisted key ADR-0001: Use Postgres"',
        'docs/adr/0001-use-postgres.md',
        'ops/0001-use-vault.md',
      ])
        expect(planned.reason).toContain(words);
      const page = await sandbox.api<{ title: string }>('GET', `/rest/api/content/${pageId}`);
      expect(page.body.title).toBe('Unlisted key ADR-0001: Use Postgres');
      // The config's run finds its page as it left it: no new version flipping it back.
      const again = JSON.parse((await run(['generate'])).stdout).publish;
      expect(again.counts).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
      expect(again.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a flag run of a folder inside one the config renders does not take over the config’s pages of its files', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-inner-folder-'));
    const run = (args: string[]) =>
      runCli([...args, '--publish', '--json', '--confluence-prefix', 'Inner folder '], { cwd: project, env: env() });
    const service = (name: string, dependsOn: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  title: ${name} service\n` +
      `spec:\n  type: service\n  lifecycle: production\n  owner: team-shop\n  dependsOn: [${dependsOn}]\n`;
    try {
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/inner.git\n');
      for (const [name, dependsOn] of [
        ['orders', 'component:billing'],
        ['billing', 'resource:db'],
      ] as const) {
        await mkdir(join(project, 'services', name), { recursive: true });
        await writeFile(join(project, 'services', name, 'catalog-info.yaml'), service(name, dependsOn));
      }
      await writeFile(
        join(project, 'docgen.config.yaml'),
        'sources:\n  - plugin: runbook\n    options: { dir: services }\n',
      );
      const whole = await run(['generate']);
      expect(whole.code).toBe(0);
      const pageId = (JSON.parse(whole.stdout).publish.outcomes as Array<{ key: string; pageId: string }>).find(
        (o) => o.key === 'runbooks/orders',
      )!.pageId;

      // The job renders the orders runbook without billing beside it: its link to billing is gone.
      const job = await run(['runbook', '--dir', 'services/orders']);
      expect(job.code).toBe(1);
      const report = JSON.parse(job.stdout).publish;
      expect(report.counts).toMatchObject({ updated: 0 });
      const planned = (report.planned as Array<{ key: string; conflict?: string; reason?: string }>).find(
        (p) => p.key === 'runbooks/orders',
      )!;
      expect(planned.conflict).toBe('other-source');
      expect(planned.reason).toContain('services/orders/catalog-info.yaml');
      // The config's run finds its page as it left it: no version written back.
      const again = JSON.parse((await run(['generate'])).stdout).publish;
      expect(again.requests.writes).toBe(0);
      const page = await sandbox.api<{ version: { number: number } }>('GET', `/rest/api/content/${pageId}`);
      expect(page.body.version.number).toBe(1);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a page of the title docgen wants that is not what an interrupted run left: the dry run holds back the pages under it, as the run does', async () => {
    const left = join(work, 'leftover');
    await writeRenderedTree(left, makeTree(4, { prefix: 'clileft' }), { name: 'docgen-test', version: '1.0.0' });
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    // A person's page, version 1, where docgen's top page goes: it could pass for an interrupted create, but its body is another.
    const pageId = await humanPage(sandbox, 'CLILEFT Home', space.body.homepage.id);
    type Planned = { key: string; action: string; reason?: string };
    const dry = await runCli(['publish', left, '--dry-run', '--json'], { cwd: work, env: env() });
    expect(dry.code).toBe(1);
    const planned = JSON.parse(dry.stdout).planned as Planned[];
    expect(planned.map((p) => [p.key, p.action])).toEqual([
      ['clileft', 'conflict'],
      ['clileft/s1', 'blocked'],
      ['clileft/s1/p2', 'blocked'],
      ['clileft/s1/p3', 'blocked'],
    ]);
    expect(planned[0].reason).not.toContain('adopt');
    const run = await runCli(['publish', left, '--json'], { cwd: work, env: env() });
    expect(run.code).toBe(1);
    const outcomes = JSON.parse(run.stdout).outcomes as Array<{ key: string; status: string }>;
    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['clileft', 'conflict'],
      ['clileft/s1', 'skipped'],
      ['clileft/s1/p2', 'skipped'],
      ['clileft/s1/p3', 'skipped'],
    ]);
    const page = await sandbox.api<{ version: { number: number } }>('GET', `/rest/api/content/${pageId}`);
    expect(page.body.version.number).toBe(1);
  });

  it('a page an interrupted run left without its record: the dry run says it is adopted, as the run does', async () => {
    const left = join(work, 'adopted');
    await writeRenderedTree(left, makeTree(3, { prefix: 'cliadopt' }), { name: 'docgen-test', version: '1.0.0' });
    const first = JSON.parse((await runCli(['publish', left, '--json'], { cwd: work, env: env() })).stdout);
    const top = (first.outcomes as Array<{ key: string; pageId: string }>).find((o) => o.key === 'cliadopt')!.pageId;
    // As a run killed between the page's create and its record leaves it: docgen's body, version 1, no record.
    expect((await sandbox.api('DELETE', `/rest/api/content/${top}/property/docgen`)).status).toBe(204);
    const dry = await runCli(['publish', left, '--dry-run'], { cwd: work, env: env() });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      new RegExp(
        `^adopt +CLIADOPT Home +${top} +the identical page an interrupted run left: docgen records it as its own, no new version$`,
        'm',
      ),
    );
    expect(dry.stdout).not.toContain('rename one of the two');
    expect(dry.stdout).toContain('Plan: 2 unchanged, 1 adopt');
    const run = JSON.parse((await runCli(['publish', left, '--json'], { cwd: work, env: env() })).stdout);
    expect(run.outcomes.find((o: { key: string }) => o.key === 'cliadopt')).toMatchObject({
      status: 'adopted',
      pageId: top,
    });
  });

  it('two flag jobs of different folders that render the same index page: the second is a conflict naming both folders, not a rewrite', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-two-jobs-'));
    const job = (dir: string, ...more: string[]) =>
      runCli(['runbook', '--dir', dir, '--publish', '--json', '--confluence-prefix', 'Two jobs ', ...more], {
        cwd: project,
        env: env(),
      });
    const service = (name: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  title: ${name} service\n` +
      'spec:\n  type: service\n  lifecycle: production\n  owner: team-shop\n';
    try {
      await mkdir(join(project, '.git'));
      await writeFile(join(project, '.git', 'config'), '[remote "origin"]\n\turl = git@example.com:acme/jobs.git\n');
      // Each folder has a service of its own, and one of the same name (each folder's payments service).
      for (const [folder, name] of [
        ['a', 'orders'],
        ['a', 'payments'],
        ['b', 'billing'],
        ['b', 'payments'],
      ] as const) {
        await mkdir(join(project, 'services', folder, name), { recursive: true });
        await writeFile(join(project, 'services', folder, name, 'catalog-info.yaml'), service(name));
      }
      const first = await job('services/a');
      expect(first.code).toBe(0);
      const outcomes = JSON.parse(first.stdout).publish.outcomes as Array<{ key: string; pageId: string }>;
      const indexId = outcomes.find((o) => o.key === 'runbooks')!.pageId;

      // Told before anything is written: the dry run of the second job already names the conflict.
      const dry = await job('services/b', '--dry-run');
      expect(dry.code).toBe(1);
      const second = await job('services/b');
      expect(second.code).toBe(1);
      const report = JSON.parse(second.stdout).publish;
      // Nothing written: its own services wait with the index, which keeps the first job's list of services.
      expect(report.counts).toMatchObject({ created: 0, updated: 0, conflicts: 1, skipped: 2 });
      expect(report.requests.writes).toBe(0);
      type Planned = { key: string; action: string; conflict?: string; reason?: string };
      expect((report.planned as Planned[]).map((p) => [p.key, p.action, p.conflict])).toEqual([
        ['runbooks', 'conflict', 'other-run'],
        ['runbooks/billing', 'blocked', undefined],
        ['runbooks/payments', 'blocked', undefined],
      ]);
      const planned = (report.planned as Planned[])[0];
      for (const words of ['services/a', 'services/b', '"Two jobs Runbook: orders service"', 'one run'])
        expect(planned.reason).toContain(words);
      const index = await sandbox.api<{ version: { number: number } }>('GET', `/rest/api/content/${indexId}`);
      expect(index.body.version.number).toBe(1);

      // Each job again: the first writes nothing, the second meets the same conflict and writes nothing.
      const again = await job('services/a');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).publish.requests.writes).toBe(0);
      const secondAgain = JSON.parse((await job('services/b')).stdout).publish;
      expect(secondAgain.requests.writes).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('a page renamed to a title another doc set’s page has is a planned conflict that says to change the title', async () => {
    // Two services publishing into one space, each with a generic title ("Data model" in real life).
    const alpha = join(work, 'alpha');
    const beta = join(work, 'beta');
    await writeRenderedTree(alpha, makeTree(3, { prefix: 'alpha' }), { name: 'docgen-test', version: '1.0.0' });
    await writeRenderedTree(beta, makeTree(3, { prefix: 'beta' }), { name: 'docgen-test', version: '1.0.0' });
    for (const dir of [alpha, beta]) expect((await runCli(['publish', dir], { cwd: work, env: env() })).code).toBe(0);
    const renamed = makeTree(3, {
      prefix: 'beta',
      edit: (page) => (page.key === 'beta/s1' ? { ...page, title: 'alpha section 1' } : page),
    });
    await writeRenderedTree(beta, renamed, { name: 'docgen-test', version: '1.0.0' });
    const plan = await runCli(['publish', beta, '--dry-run'], { cwd: work, env: env() });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(
      /conflict +alpha section 1 .*cannot rename it from "beta section 1": the title is used by page/,
    );
    const run = await runCli(['publish', beta], { cwd: work, env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('→ a title docgen wants is another page’s in this space');
    expect(run.stderr).not.toContain('--force');
    // Not a 400 halfway: the page keeps its title, and its child is still published under it.
    expect(run.stdout + run.stderr).not.toMatch(/answered 400|was not published/);
    expect(run.stdout).toMatch(/Done: 0 created, 0 updated, 2 unchanged, 1 conflict\b/);
    // Said once, with why: not also as a bare progress line before it.
    expect(run.stdout.match(/^conflict +alpha section 1/gm)).toHaveLength(1);
  });

  it("the summary says a held-back page's conflict and its fix once, and lists the pages it holds back under it", async () => {
    const delta = join(work, 'delta');
    await writeRenderedTree(delta, makeTree(5, { prefix: 'delta' }), { name: 'docgen-test', version: '1.0.0' });
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    await sandbox.api('POST', '/rest/api/content', {
      type: 'page',
      title: 'delta section 1',
      space: { key: 'DEV' },
      ancestors: [{ id: space.body.homepage.id }],
      body: { storage: { value: '<p>a person’s page</p>', representation: 'storage' } },
    });
    const run = await runCli(['publish', delta], { cwd: work, env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/rename one of the two/g)).toHaveLength(1);
    expect(run.stdout).toMatch(/^conflict {2}delta section 1: the title is used by page \d+/m);
    expect(run.stdout).toContain(
      'skipped   3 pages under "delta section 1" (its conflict above); resolving it publishes them on the next run:\n' +
        '            delta page 2\n            delta page 3\n            delta page 4\n',
    );
  });

  it('the pages under a page that failed are listed under it once, its reason not repeated on each; --json keeps each', async () => {
    const eps = join(work, 'eps');
    await writeRenderedTree(eps, makeTree(5, { prefix: 'eps' }), { name: 'docgen-test', version: '1.0.0' });
    // The top page's create is refused (a permission, not a retry): nothing under it has a parent to go under.
    await sandbox.faults([
      {
        id: 'refuse-top',
        fault: 'status',
        status: 403,
        message: 'not permitted here',
        method: 'POST',
        path: '(pages|content)$',
        count: 1,
      },
    ]);
    try {
      const run = await runCli(['publish', eps], { cwd: work, env: env() });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^failed {4}EPS Home: .*not permitted here/m);
      expect(run.stdout.match(/not permitted here/g)).toHaveLength(1);
      expect(run.stdout).toContain(
        'failed    4 pages under "EPS Home" not published: it failed above; the next run publishes them:\n' +
          '            eps section 1\n            eps page 2\n            eps page 3\n            eps page 4\n',
      );
    } finally {
      await sandbox.clearFaults();
    }
    await sandbox.faults([
      {
        id: 'refuse-top',
        fault: 'status',
        status: 403,
        message: 'not permitted here',
        method: 'POST',
        path: '(pages|content)$',
        count: 1,
      },
    ]);
    try {
      const json = JSON.parse((await runCli(['publish', eps, '--json'], { cwd: work, env: env() })).stdout);
      expect(json.outcomes.find((o: { key: string }) => o.key === 'eps/s1/p3')).toMatchObject({
        status: 'failed',
        failedAbove: 'eps',
        message: expect.stringContaining('not published: its parent eps/s1 ("eps section 1") failed'),
      });
    } finally {
      await sandbox.clearFaults();
    }
  });

  it('the pages under a page whose title is taken are held back, saying which page and what fixes both, in --json too', async () => {
    const gamma = join(work, 'gamma');
    await writeRenderedTree(gamma, makeTree(5, { prefix: 'gamma' }), { name: 'docgen-test', version: '1.0.0' });
    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const human = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
      type: 'page',
      title: 'gamma section 1',
      space: { key: 'DEV' },
      ancestors: [{ id: space.body.homepage.id }],
      body: { storage: { value: '<p>a person’s page</p>', representation: 'storage' } },
    });
    const blocked = new RegExp(
      `not published: its parent gamma/s1 \\("gamma section 1"\\) is in conflict \\(the title is used by page ${human.body.id}\\)\\. ` +
        'To fix both: rename one of the two',
    );
    const plan = await runCli(['publish', gamma, '--dry-run'], { cwd: work, env: env() });
    expect(plan.code).toBe(1);
    // The conflict's reason and fix once, on its row; the rows it holds back name it.
    expect(plan.stdout.match(/rename one of the two/g)).toHaveLength(1);
    expect(plan.stdout).toMatch(
      /^blocked +gamma page 2 +- +held back: its parent "gamma section 1" is in conflict \(above\); resolving it publishes this page$/m,
    );
    expect(plan.stdout).toContain('Plan: 1 create, 1 conflict, 3 blocked');

    const run = await runCli(['publish', gamma, '--json'], { cwd: work, env: env() });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ created: 1, conflicts: 1, skipped: 3, failed: 0 });
    expect(report.planned.find((p: { key: string }) => p.key === 'gamma/s1')).toMatchObject({
      action: 'conflict',
      conflict: 'title-taken',
      fix: expect.stringMatching(/^rename one of the two/),
    });
    expect(report.planned.find((p: { key: string }) => p.key === 'gamma/s1/p3')).toMatchObject({
      action: 'blocked',
      blockedBy: { key: 'gamma/s1', title: 'gamma section 1', parent: true },
      reason: expect.stringMatching(blocked),
    });
    expect(report.outcomes.find((o: { key: string }) => o.key === 'gamma/s1/p4')).toMatchObject({
      status: 'skipped',
      blockedBy: 'gamma/s1',
      message: expect.stringMatching(blocked),
    });
    expect(run.stderr).not.toMatch(/was not published/);

    // The other fix: the person renames their page. The next run publishes the page and those under it, once.
    const renamed = await sandbox.api('PUT', `/rest/api/content/${human.body.id}`, {
      type: 'page',
      title: 'Notes about gamma',
      version: { number: 2 },
      body: { storage: { value: '<p>a person’s page</p>', representation: 'storage' } },
    });
    expect(renamed.status).toBe(200);
    const again = await runCli(['publish', gamma], { cwd: work, env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Done: 4 created, 0 updated, 1 unchanged, 0 conflicts — /);
    const titles = await sandbox.api<{ results: Array<{ title: string }> }>(
      'GET',
      `/rest/api/content/search?cql=${encodeURIComponent('space = DEV and title ~ "gamma"')}&limit=100`,
    );
    expect(titles.body.results.map((r) => r.title).sort()).toEqual(
      ['GAMMA Home', 'gamma section 1', 'gamma page 2', 'gamma page 3', 'gamma page 4', 'Notes about gamma'].sort(),
    );
  });

  it('explains a missing rendered folder', async () => {
    const result = await runCli(['publish', join(work, 'nope')], { cwd: work, env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DG_RENDERED_MISSING');
  });

  it('a page that fails again on a re-run is a failure, not a title conflict', async () => {
    const broken = join(work, 'broken');
    await writeRenderedTree(broken, makeTree(8, { prefix: 'broken' }), { name: 'docgen-test', version: '1.0.0' });
    // Its attachment a folder, not a file: the page is created, then its upload fails.
    const attachment = join(broken, 'attachments', 'broken__s1__p7', 'diagram-7.svg');
    await rm(attachment);
    await mkdir(attachment);
    const first = await runCli(['publish', broken], { cwd: work, env: env() });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^failed +broken page 7/m);
    const again = await runCli(['publish', broken, '--json'], { cwd: work, env: env() });
    expect(again.code).toBe(1);
    const report = JSON.parse(again.stdout);
    expect(report.counts).toMatchObject({ conflicts: 0, failed: 1 });
    expect(report.error).toMatchObject({
      code: 'DG_PUBLISH_FAILED',
      hint: 'fix the errors above and re-run; docgen picks up where it stopped',
    });
  });

  it('an attachment the manifest lists that is gone: said before anything is written', async () => {
    const bare = join(work, 'bare');
    await writeRenderedTree(bare, makeTree(8, { prefix: 'bare' }), { name: 'docgen-test', version: '1.0.0' });
    await rm(join(bare, 'attachments', 'bare__s1__p7', 'diagram-7.svg'));
    const since = await sandbox.lastSeq();
    const result = await runCli(['publish', bare, '--json'], { cwd: work, env: env() });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_RENDERED_INVALID',
      message: `manifest.json lists attachments/bare__s1__p7/diagram-7.svg, which is not in ${bare}`,
    });
    expect((await sandbox.requests(since)).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a page file the manifest lists that is gone from the folder: named, with the fix, not a disk-full hint', async () => {
    const partial = join(work, 'partial');
    await writeRenderedTree(partial, makeTree(3, { prefix: 'partial' }), { name: 'docgen-test', version: '1.0.0' });
    await rm(join(partial, 'partial__s1.md'));
    const result = await runCli(['publish', partial, '--dry-run', '--json'], { cwd: work, env: env() });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_RENDERED_INVALID',
      message: `manifest.json lists partial__s1.md, which is not in ${partial}`,
      location: { file: join(partial, 'manifest.json') },
      hint: expect.stringMatching(/^regenerate the folder/),
    });
  });
});

describe('secrets never show', () => {
  const TOKEN = 'DGSECRET-7c1f0e9a5b3d4411-TOKEN';
  const USER = 'ci-bot@example.com';
  let sandbox: { url: string; close(): Promise<void> };
  let work: string;
  let out: string;
  const forms = [TOKEN, Buffer.from(`${USER}:${TOKEN}`).toString('base64'), TOKEN.slice(0, 20)];
  const clean = (result: CliResult) => {
    for (const form of forms) {
      expect(result.stdout).not.toContain(form);
      expect(result.stderr).not.toContain(form);
    }
  };

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      config: {
        spaces: [{ key: 'SEC', name: 'Secrets' }],
        users: [{ email: USER, token: TOKEN, permissions: { SEC: 'write' } }],
      },
    });
    work = await mkdtemp(join(tmpdir(), 'docgen-secret-'));
    out = join(work, 'out');
    await writeRenderedTree(out, makeTree(5, { prefix: 'sec' }), { name: 'docgen-test', version: '1.0.0' });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('not with --verbose on success, nor in --json', async () => {
    const env = {
      CONFLUENCE_URL: `${sandbox.url}/wiki`,
      CONFLUENCE_USER: USER,
      CONFLUENCE_API_TOKEN: TOKEN,
      CONFLUENCE_SPACE_KEY: 'SEC',
    };
    const verbose = await runCli(['publish', out, '--verbose'], { cwd: work, env });
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/POST \/wiki\/api\/v2\/pages → 200/);
    clean(verbose);
    const json = await runCli(['publish', out, '--json', '--verbose', '--dry-run', '--diff'], { cwd: work, env });
    expect(json.code).toBe(0);
    clean(json);
  });

  it('not on errors: wrong token (401), flag-passed token, plain http, unreachable host', async () => {
    const wrong = await runCli(['publish', out, '--verbose', '--confluence-token', `${TOKEN}x`], {
      cwd: work,
      env: { CONFLUENCE_URL: `${sandbox.url}/rest/api`, CONFLUENCE_USER: USER, CONFLUENCE_SPACE_KEY: 'SEC' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/DG_CONFLUENCE_AUTH.*authentication failed.*401/);
    clean(wrong);
    const insecure = await runCli(
      [
        'publish',
        out,
        '--confluence-url',
        'http://confluence.example.com/wiki',
        '--confluence-token',
        TOKEN,
        '--confluence-user',
        USER,
        '--confluence-space',
        'SEC',
      ],
      { cwd: work },
    );
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toContain('refusing to send credentials over http');
    clean(insecure);
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const unreachable = await runCli(
      [
        'confluence',
        'check',
        '--verbose',
        '--confluence-url',
        `http://127.0.0.1:${closedPort}/wiki`,
        '--confluence-user',
        USER,
        '--confluence-token',
        TOKEN,
      ],
      { cwd: work },
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('connection failed');
    clean(unreachable);
    const inUrl = await runCli(
      ['confluence', 'check', '--confluence-url', `http://${USER}:${TOKEN}@127.0.0.1:9/wiki`],
      { cwd: work },
    );
    expect(inUrl.code).toBe(1);
    clean(inUrl);
  }, 120_000);
});

describe('docgen publish: a renamed source and a removed one', () => {
  let sandbox: TestSandbox;
  let work: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-rekey-'));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('the renamed page is taken over (same id, the plan says from which key); the removed one stays, with the flag that retires it', async () => {
    const env = {
      CONFLUENCE_URL: `${sandbox.url}/wiki`,
      CONFLUENCE_USER: 'dev@example.com',
      CONFLUENCE_API_TOKEN: 'sandbox-token',
      CONFLUENCE_SPACE_KEY: 'DEV',
    };
    const generator = { name: 'docgen-test', version: '1.0.0' };
    await writeRenderedTree(join(work, 'before'), makeTree(14, { prefix: 'rk' }), generator);
    const first = await runCli(['publish', join(work, 'before'), '--json'], { cwd: work, env });
    expect(first.code).toBe(0);
    const idOf = (title: string) =>
      (JSON.parse(first.stdout).outcomes as Array<{ title: string; pageId: string }>).find((o) => o.title === title)!
        .pageId;
    const after = makeTree(14, {
      prefix: 'rk',
      edit: (page) => (page.key === 'rk/s1/p3' ? { ...page, key: 'rk/s1/page-three', title: 'Page three' } : page),
    });
    await writeRenderedTree(
      join(work, 'after'),
      { pages: after.pages.filter((p) => p.key !== 'rk/s2/p13') },
      generator,
    );
    const plan = await runCli(['publish', join(work, 'after'), '--dry-run'], { cwd: work, env });
    expect(plan.stdout).toMatch(
      new RegExp(
        `^update +Page three +${idOf('rk page 3')} +taken over from key rk/s1/p3, .*renamed from "rk page 3"$`,
        'm',
      ),
    );
    const run = await runCli(['publish', join(work, 'after'), '--json'], { cwd: work, env });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toMatchObject({ created: 0, updated: 1, orphans: 1 });
    expect(report.planned.find((op: { key: string }) => op.key === 'rk/s1/page-three')).toMatchObject({
      pageId: idOf('rk page 3'),
      previousKey: 'rk/s1/p3',
    });
    const again = await runCli(['publish', join(work, 'after')], { cwd: work, env });
    expect(again.stdout).toMatch(
      /^1 page of docgen's no longer in the tree stays in Confluence: --prune moves it to the trash/m,
    );
  });

  it('with --prune, a page kept for the page a person put under it says that, not "--prune moves it"', async () => {
    const env = {
      CONFLUENCE_URL: `${sandbox.url}/wiki`,
      CONFLUENCE_USER: 'dev@example.com',
      CONFLUENCE_API_TOKEN: 'sandbox-token',
      CONFLUENCE_SPACE_KEY: 'DEV',
    };
    const generator = { name: 'docgen-test', version: '1.0.0' };
    const tree = makeTree(4, { prefix: 'kp' });
    await writeRenderedTree(join(work, 'kp-full'), tree, generator);
    const first = await runCli(['publish', join(work, 'kp-full'), '--json'], { cwd: work, env });
    expect(first.code).toBe(0);
    const pageTwo = (JSON.parse(first.stdout).outcomes as Array<{ key: string; pageId: string }>).find(
      (o) => o.key === 'kp/s1/p2',
    )!.pageId;
    await humanPage(sandbox, 'Notes on kp page 2', pageTwo);
    await writeRenderedTree(
      join(work, 'kp-less'),
      { pages: tree.pages.filter((p) => p.key !== 'kp/s1/p2' && p.key !== 'kp/s1/p3') },
      generator,
    );
    const run = await runCli(['publish', join(work, 'kp-less'), '--prune'], { cwd: work, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^trashed +kp page 3/m);
    expect(run.stdout).toMatch(/^orphan +kp page 2 \(\d+\): kept: "Notes on kp page 2"/m);
    expect(run.stdout).not.toContain('--prune moves');
    expect(run.stdout).toMatch(
      /^1 page of docgen's no longer in the tree stays in Confluence, kept for the pages people added under it: move or delete those, and --prune retires it\.$/m,
    );
    const json = await runCli(['publish', join(work, 'kp-less'), '--prune', '--json'], { cwd: work, env });
    expect(JSON.parse(json.stdout).planned.find((op: { key: string }) => op.key === 'kp/s1/p2')).toMatchObject({
      action: 'orphan',
      keptFor: { title: 'Notes on kp page 2' },
    });
  });

  it('a page published before docgen recorded its managed root: the plan says only the record is written', async () => {
    const env = {
      CONFLUENCE_URL: `${sandbox.url}/wiki`,
      CONFLUENCE_USER: 'dev@example.com',
      CONFLUENCE_API_TOKEN: 'sandbox-token',
      CONFLUENCE_SPACE_KEY: 'DEV',
    };
    await writeRenderedTree(join(work, 'rr'), makeTree(2, { prefix: 'rr' }), { name: 'docgen-test', version: '1.0.0' });
    const first = await runCli(['publish', join(work, 'rr'), '--json'], { cwd: work, env });
    const pageId = (JSON.parse(first.stdout).outcomes as Array<{ key: string; pageId: string }>).find(
      (o) => o.key === 'rr/s1',
    )!.pageId;
    // The property as an earlier docgen wrote it: without `root`.
    const property = await sandbox.api<{ value: Record<string, unknown>; version: { number: number } }>(
      'GET',
      `/rest/api/content/${pageId}/property/docgen`,
    );
    const { root, ...older } = property.body.value;
    expect(root).toBeDefined();
    const put = await sandbox.api('PUT', `/rest/api/content/${pageId}/property/docgen`, {
      key: 'docgen',
      value: older,
      version: { number: property.body.version.number + 1 },
    });
    expect(put.status).toBe(200);
    const plan = await runCli(['publish', join(work, 'rr'), '--dry-run'], { cwd: work, env });
    expect(plan.stdout).toMatch(/^update +rr section 1 +\d+ +docgen's record of it only, no new version$/m);
  });

  it('with --prune, a page a person edited is kept, saying so and that --force retires it', async () => {
    const env = {
      CONFLUENCE_URL: `${sandbox.url}/wiki`,
      CONFLUENCE_USER: 'dev@example.com',
      CONFLUENCE_API_TOKEN: 'sandbox-token',
      CONFLUENCE_SPACE_KEY: 'DEV',
    };
    const generator = { name: 'docgen-test', version: '1.0.0' };
    const tree = makeTree(4, { prefix: 'ed' });
    await writeRenderedTree(join(work, 'ed-full'), tree, generator);
    const first = await runCli(['publish', join(work, 'ed-full'), '--json'], { cwd: work, env });
    expect(first.code).toBe(0);
    const three = (JSON.parse(first.stdout).outcomes as Array<{ key: string; pageId: string }>).find(
      (o) => o.key === 'ed/s1/p3',
    )!.pageId;
    const saved = await sandbox.api('PUT', `/rest/api/content/${three}`, {
      type: 'page',
      title: 'ed page 3',
      version: { number: 2 },
      body: { storage: { value: '<p>Written by a person.</p>', representation: 'storage' } },
    });
    expect(saved.status).toBe(200);
    await writeRenderedTree(
      join(work, 'ed-less'),
      { pages: tree.pages.filter((p) => p.key !== 'ed/s1/p3') },
      generator,
    );
    const run = await runCli(['publish', join(work, 'ed-less'), '--prune'], { cwd: work, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^orphan +ed page 3 \(\d+\): kept: edited in Confluence since docgen wrote it/m);
    expect(run.stdout).not.toContain('--prune moves');
    expect(run.stdout).toMatch(
      /^1 page of docgen's no longer in the tree stays in Confluence, kept for what people edited in or under it: --prune --force retires it all the same\.$/m,
    );
  });
});
