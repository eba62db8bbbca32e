import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli, sharedFile } from '@docgen/test-support';

/**
 * The storage cache of `docgen api` (the real built CLI: `npx tsc -b apps/cli` first): a second
 * run of an unchanged spec takes every page's storage from the cache and writes the same folder;
 * corrupt entries are misses, never errors; --no-cache converts everything.
 */
const spec =
  sharedFile('corpus/openapi/museum-3.1.yaml') ??
  join(repoRoot, 'packages', 'source-openapi', 'test', 'fixtures', 'discriminator', 'openapi.json');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-api-cache-'));
});

interface Summary {
  pageCount: number;
  cache?: { dir: string; hits: number; misses: number };
  warnings: unknown[];
}

async function run(name: string, ...flags: string[]): Promise<{ out: string; summary: Summary }> {
  const out = join(scratch, name);
  const result = await runCli(['api', '--openapi', spec, '--out', out, '--json', ...flags]);
  if (result.code !== 0) throw new Error(`docgen api failed:\n${result.stderr}\n${result.stdout}`);
  return { out, summary: JSON.parse(result.stdout) as Summary };
}

/** Every file of an output folder (manifest, Markdown, storage XHTML) by name. */
function folder(out: string): Record<string, string> {
  const files = readdirSync(out).filter((name) => statSync(join(out, name)).isFile());
  return Object.fromEntries(files.sort().map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

async function cacheEntries(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith('.json')).map((name) => join(dir, name));
}

describe('docgen api storage cache', () => {
  it('converts on the first run, takes every page from the cache on the second, and writes the same files', async () => {
    const cacheDir = join(scratch, 'cache');
    const first = await run('first', '--cache-dir', cacheDir);
    expect(first.summary.cache).toEqual({ dir: cacheDir, hits: 0, misses: first.summary.pageCount });
    expect(await cacheEntries(cacheDir)).toHaveLength(first.summary.pageCount);

    const second = await run('second', '--cache-dir', cacheDir);
    expect(second.summary.cache).toEqual({ dir: cacheDir, hits: first.summary.pageCount, misses: 0 });
    expect(second.summary.warnings).toEqual(first.summary.warnings);
    const files = folder(first.out);
    expect(Object.keys(files).filter((name) => name.endsWith('.storage.xhtml'))).toHaveLength(first.summary.pageCount);
    expect(folder(second.out)).toEqual(files);

    // Corrupt every entry a different way: each is a miss, the run succeeds with the same output.
    const entries = await cacheEntries(cacheDir);
    const corruptions = [
      '',
      '{"key":',
      'null',
      '{"key":"not-this-one","storage":"<p>stale</p>"}',
      '\u0000\u0001binary',
    ];
    await Promise.all(entries.map((file, index) => writeFile(file, corruptions[index % corruptions.length]!)));
    const third = await run('third', '--cache-dir', cacheDir);
    expect(third.summary.cache).toEqual({ dir: cacheDir, hits: 0, misses: first.summary.pageCount });
    expect(folder(third.out)).toEqual(files);

    // --no-cache: no cache in the summary, same files.
    const uncached = await run('uncached', '--no-cache', '--cache-dir', join(scratch, 'unused'));
    expect(uncached.summary.cache).toBeUndefined();
    expect(folder(uncached.out)).toEqual(files);
  }, 300_000);

  it('keeps the cache in .docgen/cache/storage beside the config by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-api-cache-config-'));
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      `out: site\nsources:\n  - plugin: openapi\n    options: { spec: ${JSON.stringify(spec)} }\n`,
    );
    const first = await runCli(['api', '--json'], { cwd: dir });
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Summary;
    expect(summary.cache?.dir).toBe(join(dir, '.docgen', 'cache', 'storage'));
    expect(await cacheEntries(summary.cache!.dir)).toHaveLength(summary.pageCount);
    const second = JSON.parse((await runCli(['api', '--json'], { cwd: dir })).stdout) as Summary;
    expect(second.cache).toMatchObject({ hits: summary.pageCount, misses: 0 });
  }, 300_000);
});

describe('the default cache folder beside the config', () => {
  it('keeps itself out of git (a .gitignore of `*` in .docgen/), so a run touches no tracked or untracked file', async () => {
    const project = await mkdtemp(join(tmpdir(), 'docgen-api-cache-ignore-'));
    await writeFile(
      join(project, 'docgen.config.yaml'),
      `sources:\n  - plugin: openapi\n    options: { spec: ${spec} }\n`,
    );
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    expect(readFileSync(join(project, '.docgen', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });
});

describe('a renamed page', () => {
  it('re-converts the pages that link to it, and takes the others from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-cache-rename-'));
    const adr = join(dir, 'adr');
    await mkdir(adr);
    const decision = (number: number, title: string, context: string) =>
      `# ${number}. ${title}\n\nDate: 2026-11-2${number}\n\n## Status\n\nAccepted\n\n## Context\n\n${context}\n`;
    await writeFile(join(adr, '0001-record-decisions.md'), decision(1, 'Record decisions', 'We write ADRs.'));
    await writeFile(join(adr, '0002-use-sqlite.md'), decision(2, 'Use SQLite', 'One file.'));
    await writeFile(
      join(adr, '0003-use-wal.md'),
      decision(
        3,
        'Use WAL mode',
        'Builds on [the store](0002-use-sqlite.md) and [its ADR][store].\n\n[store]: ./0002-use-sqlite.md',
      ),
    );
    const run = async () => {
      const result = await runCli([
        'adr',
        '--dir',
        adr,
        '--out',
        join(dir, 'out'),
        '--cache-dir',
        join(dir, 'cache'),
        '--json',
      ]);
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as Summary & { pages: Array<{ key: string; title: string }> };
      return summary;
    };
    const first = await run();
    expect(first.cache).toMatchObject({ hits: 0, misses: first.pageCount });

    await writeFile(join(adr, '0002-use-sqlite.md'), decision(2, 'Use SQLite for the store', 'One file.'));
    const second = await run();
    // ADR 3 (links to it, inline and by reference) and the log (lists every ADR) are converted
    // again; ADR 1 names no other page, and ADR 2's body (its title is the page's, not in it) is
    // unchanged: both come from the cache.
    expect(second.cache).toMatchObject({ hits: 2, misses: 2 });
    expect(second.pageCount).toBe(4);
    const storage = await readFile(join(dir, 'out', 'adr__3.storage.xhtml'), 'utf8');
    expect(storage.match(/ri:content-title="ADR-0002: Use SQLite for the store"/g)).toHaveLength(2);
  }, 120_000);
});
