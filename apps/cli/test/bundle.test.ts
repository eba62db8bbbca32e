import { describe, expect, it } from '@jest/globals';
import { parse } from 'acorn';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { repoRoot } from '@docgen/test-support';

const cli = join(repoRoot, 'apps', 'cli');
const bundle = join(cli, 'dist', 'bundle', 'docgen.cjs');
// @ts-expect-error: plain JavaScript beside the CLI's bin, without types
const { isLearnedCodeCache: isLearned } = (await import('../bin/load-bundle.js')) as {
  isLearnedCodeCache(name: string): boolean;
};

/** What bin/load-bundle.js says of a load in a fresh Node, with the flags docgen runs under (or `flags`). */
async function loadInFreshNode(script: string, root = cli, flags: string[] = []): Promise<unknown> {
  const loader = JSON.stringify(pathToFileURL(join(root, 'bin', 'load-bundle.js')).href);
  // A script file, not `-e`: Node's own options are part of what a cache is made for (runtimeId).
  const folder = await mkdtemp(join(tmpdir(), 'docgen-load-'));
  try {
    const file = join(folder, 'load.mjs');
    await writeFile(file, `import * as loader from ${loader};\n${script}`);
    const { stdout } = await promisify(execFile)(process.execPath, [...flags, file]);
    return JSON.parse(stdout);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the CLI bundle the build writes', () => {
  it('is ASCII only, so Node reads it on its fast path', async () => {
    const code = await readFile(bundle, 'latin1');
    const first = /[^\0-\x7f]/.exec(code);
    expect(first && code.slice(first.index - 80, first.index + 20)).toBeNull();
  });

  it("routes every import() through the loader's, but for the banner's fallback", async () => {
    const code = await readFile(bundle, 'utf8');
    const imports: number[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { type, start } = node as { type?: unknown; start: number };
      if (type === 'ImportExpression') imports.push(start);
      for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
    };
    visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
    expect(imports.map((start) => code.slice(start - 30, start + 20))).toEqual([
      expect.stringContaining(': (specifier) => import(specifier)'),
    ]);
    expect(code).toContain('__docgenImport("@docgen/publisher")');
  });

  it('loads with the code caches the build trained, one for the main job and one for help', async () => {
    const used = await loadInFreshNode(
      `console.log(JSON.stringify(loader.codeCacheJobs.map((job) => [job, loader.loadBundle({ job }).usedCodeCache])));`,
    );
    expect(used).toEqual([
      ['main', true],
      ['help', true],
    ]);
  });

  it.each([
    ['no bundle folder at all', false],
    ['a bundle folder without the bundle', true],
  ])('in a checkout with %s, says to build instead of printing a stack trace', async (_, withFolder) => {
    const copy = await mkdtemp(join(cli, '.bundle-copy-'));
    try {
      await cp(join(cli, 'bin'), join(copy, 'bin'), { recursive: true });
      if (withFolder) await mkdir(join(copy, 'dist', 'bundle'), { recursive: true });
      const run = promisify(execFile)(process.execPath, [join(copy, 'bin', 'run.js'), '--help']);
      const failure = (await run.then(
        () => undefined,
        (error: unknown) => error,
      )) as { code: number; stderr: string };
      expect(failure.code).toBe(1);
      expect(failure.stderr).toMatch(/^docgen is not built \(.*\)\.\n {2}→ run `npm run build`/);
      expect(failure.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('does not use a cache written for another build of the bundle, and still runs', async () => {
    // A copy of the CLI's bin and bundle inside apps/cli, so the bundle's requires resolve as they do.
    const copy = await mkdtemp(join(cli, '.bundle-copy-'));
    try {
      await cp(join(cli, 'bin'), join(copy, 'bin'), { recursive: true });
      // Without the caches runs of this checkout learned: one for this very Node (a run that met the
      // bundle while a build rewrote it) would be taken instead of the trained one.
      await cp(join(cli, 'dist', 'bundle'), join(copy, 'dist', 'bundle'), {
        recursive: true,
        filter: (source) => !isLearned(basename(source)),
      });
      const cache = join(copy, 'dist', 'bundle', 'docgen.cjs.main.code-cache');
      const data = await readFile(cache);
      const newline = data.indexOf(10);
      const header = data.subarray(0, newline).toString('latin1');
      expect(header).toMatch(/^docgen bundle \w{16} [0-9a-f]{12}$/);
      const otherBuild = header.replace(/bundle \w{16}/, 'bundle 0000000000000000');
      await writeFile(cache, Buffer.concat([Buffer.from(otherBuild), data.subarray(newline)]));
      const result = await loadInFreshNode(
        `const { usedCodeCache, exports } = loader.loadBundle({ job: 'main' });
         console.log(JSON.stringify({ usedCodeCache, execute: typeof exports.execute }));`,
        copy,
      );
      expect(result).toEqual({ usedCodeCache: false, execute: 'function' });
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('under V8 flags the caches were not made for, compiles once and leaves a cache the next run takes', async () => {
    const copy = await mkdtemp(join(cli, '.bundle-copy-'));
    try {
      await cp(join(cli, 'bin'), join(copy, 'bin'), { recursive: true });
      await cp(join(cli, 'dist', 'bundle'), join(copy, 'dist', 'bundle'), { recursive: true });
      const folder = join(copy, 'dist', 'bundle');
      const trained = await readFile(join(folder, 'docgen.cjs.main.code-cache'));
      const load = `const loaded = loader.loadBundle({ job: 'main' });
        const learned = loaded.learnCodeCache();
        console.log(JSON.stringify({ used: loaded.usedCodeCache, learned, file: loader.learnedCodeCacheFile('main') }));`;
      const flags = ['--max-old-space-size=3072']; // what CI jobs often set in NODE_OPTIONS
      const first = (await loadInFreshNode(load, copy, flags)) as { used: boolean; learned: boolean; file: string };
      expect(first).toMatchObject({ used: false, learned: true });
      expect(await readdir(folder)).toContain(basename(first.file));
      expect(await loadInFreshNode(load, copy, flags)).toEqual({ ...first, used: true, learned: false });
      // The install's own cache is untouched, and still the one taken without the flags.
      expect((await readFile(join(folder, 'docgen.cjs.main.code-cache'))).equals(trained)).toBe(true);
      expect(await loadInFreshNode(load, copy)).toMatchObject({ used: true, learned: false });
      // Another flag set learns a cache of its own, named so the next build deletes both.
      const other = (await loadInFreshNode(load, copy, ['--max-old-space-size=4096'])) as typeof first;
      expect(other.file).not.toBe(first.file);
      expect([basename(first.file), basename(other.file)].map(isLearned)).toEqual([true, true]);
      expect(['docgen.cjs.main.code-cache', 'docgen.cjs.help.code-cache'].map(isLearned)).toEqual([false, false]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('compiles without a cache when asked, and still runs', async () => {
    const result = await loadInFreshNode(
      `const { usedCodeCache, exports } = loader.loadBundle({ useCodeCache: false });
       console.log(JSON.stringify({ usedCodeCache, execute: typeof exports.execute, commands: Object.keys(exports.COMMANDS).length > 5 }));`,
    );
    expect(result).toEqual({ usedCodeCache: false, execute: 'function', commands: true });
  });

  it('picks the help cache for a command line that asks only for help or the version', async () => {
    const picked = await loadInFreshNode(
      `console.log(JSON.stringify([[], ['--help'], ['api', '-h'], ['help', 'api'], ['--version'], ['api', '--openapi', 'x.yaml'], ['generate']].map(loader.asksForHelp)));`,
    );
    expect(picked).toEqual([true, true, true, true, true, false, false]);
  });
});
