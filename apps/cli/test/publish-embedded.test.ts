import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

/**
 * `docgen api --publish` with no Confluence configured publishes to the embedded sandbox in
 * `.docgen/sandbox` beside the config; run twice, the second run only reads.
 */
describe('docgen api --publish to the embedded sandbox', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'docgen-embedded-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('a run of one page says "1 page", in its storage line and its publish line alike', async () => {
    const server = join(repoRoot, 'packages', 'source-routes', 'test', 'fixtures', 'shop', 'src', 'server.ts');
    const args = ['api', '--routes', server, '--out', join(work, 'one-page'), '--cache-dir', join(work, 'one-cache')];
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    expect((await runCli(args, { cwd: work, env })).code).toBe(0);
    const again = await runCli([...args, '--publish'], { cwd: work, env });
    expect(again.code).toBe(0);
    const said = again.stdout + again.stderr;
    expect(said).toContain('storage: 1 page from cache, 0 converted');
    expect(said).toContain(`Publishing 1 page from ${join(work, 'one-page')} to embedded sandbox`);
  });

  it('the second run writes nothing and reads at most ceil(pages/250)+3 times', async () => {
    // A copy of the example: the embedded sandbox lives beside the config, and one in the checkout
    // would carry the pages of an earlier run (`npm run demo`) into this one; so does the copy,
    // unless it leaves out what runs leave there (the sandbox and cache in .docgen, docs-out).
    const example = join(work, 'acme-shop');
    const source = join(repoRoot, 'examples', 'acme-shop');
    const leftByRuns = ['.docgen', 'docs-out'].map((name) => join(source, name));
    await cp(source, example, { recursive: true, filter: (path) => !leftByRuns.includes(path) });
    const args = ['api', '--config', join(example, 'docgen.config.yaml'), '--out', join(work, 'docs-out'), '--publish'];
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    const first = await runCli(args, { cwd: work, env });
    expect(first.code).toBe(0);
    const created = /Done: (\d+) created/.exec(first.stdout + first.stderr);
    expect(Number(created?.[1])).toBeGreaterThanOrEqual(30);
    const second = await runCli(args, { cwd: work, env });
    expect(second.code).toBe(0);
    const summary = /Done: 0 created, 0 updated, (\d+) unchanged.*\((\d+) reads, (\d+) writes\)/.exec(
      second.stdout + second.stderr,
    );
    expect(summary).not.toBeNull();
    const [, unchanged, reads, writes] = summary!.map(Number);
    expect(unchanged).toBe(Number(created![1]));
    expect(writes).toBe(0);
    expect(reads).toBeLessThanOrEqual(Math.ceil(unchanged! / 250) + 3);
  }, 240_000);

  it("docgen publish of a project's folder from outside it reads that project's config: the same sandbox, nothing created again", async () => {
    const project = join(work, 'ledger');
    await mkdir(join(project, 'docs', 'adr'), { recursive: true });
    await writeFile(
      join(project, 'docs', 'adr', '0001-use-postgres.md'),
      '# 1. Use Postgres\n\n## Status\n\nAccepted\n',
    );
    await writeFile(
      join(project, 'docgen.config.yaml'),
      'sources:\n  - plugin: adr\n    options: { dir: docs/adr }\nconfluence:\n  sandboxDir: .docgen/ledger-sandbox\n',
    );
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    expect((await runCli(['adr', '--publish', '--no-cache'], { cwd: project, env })).code).toBe(0);
    // From the folder above, which has no config: the project's, not a new sandbox in the current folder.
    const outside = await runCli(['publish', join('ledger', 'docs-out'), '--json'], { cwd: work, env });
    expect(outside.code).toBe(0);
    expect(JSON.parse(outside.stdout).counts).toMatchObject({ created: 0, unchanged: 2 });
  });
});
