import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeRenderedTree } from '@docgen/core';
import { repoRoot, runCli } from '@docgen/test-support';
import { makeTree, testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

/**
 * Kill the CLI with SIGKILL at random points of a publish, five times, then run it to the end:
 * the space must converge on the tree, with no duplicate and nothing left half-done, and a
 * further run must write nothing.
 */
describe('docgen publish survives being killed', () => {
  let sandbox: TestSandbox;
  let work: string;
  let out: string;
  const PAGES = 60;

  beforeAll(async () => {
    sandbox = await testSandbox();
    // Slow every request a little so kills land in the middle of the run.
    await sandbox.faults([{ fault: 'latency', latencyMs: 15 }]);
    work = await mkdtemp(join(tmpdir(), 'docgen-kill-'));
    out = join(work, 'out');
    await writeRenderedTree(out, makeTree(PAGES, { prefix: 'kill' }), { name: 'docgen-test', version: '1.0.0' });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    NO_COLOR: '1',
    CI: '1',
    CONFLUENCE_URL: `${sandbox.url}/wiki`,
    CONFLUENCE_USER: 'dev@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-token',
    CONFLUENCE_SPACE_KEY: 'DEV',
  });

  /** Start a publish and SIGKILL it once it has made `afterWrites` write requests (or exits). */
  async function publishAndKill(afterWrites: number): Promise<number> {
    const start = await sandbox.lastSeq();
    const child = spawn(process.execPath, [join(repoRoot, 'apps', 'cli', 'bin', 'run.js'), 'publish', out], {
      cwd: work,
      env: env(),
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      const writes = (await sandbox.requests(start)).filter((r) => r.method !== 'GET').length;
      if (writes >= afterWrites) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await exited;
    return (await sandbox.requests(start)).filter((r) => r.method !== 'GET').length;
  }

  it('five random kills, then a full run: converged, no duplicates, quiet re-run', async () => {
    const killedAt: number[] = [];
    for (let i = 0; i < 5; i++) killedAt.push(await publishAndKill(1 + Math.floor(Math.random() * 40)));
    console.log(`writes made before each kill: ${killedAt.join(', ')}`);

    const final = await runCli(['publish', out, '--json'], { cwd: work, env: env() });
    expect(final.code).toBe(0);
    const report = JSON.parse(final.stdout);
    const statuses: Record<string, number> = {};
    for (const o of report.outcomes as Array<{ status: string }>) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    console.log(`final run: ${JSON.stringify(statuses)}`);
    expect(report.counts.failed).toBe(0);
    expect(report.counts.conflicts).toBe(0);

    const space = await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage');
    const found = await sandbox.api<{
      results: Array<{ id: string; title: string; metadata: { properties?: Record<string, unknown> } }>;
    }>(
      'GET',
      `/rest/api/content/search?cql=${encodeURIComponent(`ancestor = ${space.body.homepage.id} and type = page`)}&limit=200`,
    );
    const titles = found.body.results.map((p) => p.title).sort();
    expect(titles).toEqual(
      makeTree(PAGES, { prefix: 'kill' })
        .pages.map((p) => p.title)
        .sort(),
    );
    for (const page of makeTree(PAGES, { prefix: 'kill' }).pages.filter((p) => p.attachments.length)) {
      const id = found.body.results.find((r) => r.title === page.title)!.id;
      const atts = await sandbox.api<{ results: Array<{ title: string }> }>(
        'GET',
        `/rest/api/content/${id}/child/attachment`,
      );
      expect(atts.body.results.map((a) => a.title)).toEqual([page.attachments[0].fileName]);
    }

    const since = await sandbox.lastSeq();
    const again = await runCli(['publish', out, '--json'], { cwd: work, env: env() });
    expect(JSON.parse(again.stdout).counts.unchanged).toBe(PAGES);
    expect((await sandbox.requests(since)).filter((r) => r.method !== 'GET')).toEqual([]);
  }, 300_000);
});
