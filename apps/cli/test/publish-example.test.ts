import { readFile, mkdtemp, rm } from 'node:fs/promises';
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
});
