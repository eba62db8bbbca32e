import { describe, expect, it } from '@jest/globals';
import { parse } from 'acorn';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@docgen/test-support';

const cli = join(repoRoot, 'apps', 'cli');
const bundle = join(cli, 'dist', 'bundle', 'docgen.cjs');

/** What bin/load-bundle.js says of a load in a fresh Node, with the flags docgen runs under. */
async function loadInFreshNode(script: string, root = cli): Promise<unknown> {
  const loader = JSON.stringify(join(root, 'bin', 'load-bundle.js'));
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    `import * as loader from ${loader};\n${script}`,
  ]);
  return JSON.parse(stdout);
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

  it('does not use a cache written for another build of the bundle, and still runs', async () => {
    // A copy of the CLI's bin and bundle inside apps/cli, so the bundle's requires resolve as they do.
    const copy = await mkdtemp(join(cli, '.bundle-copy-'));
    try {
      await cp(join(cli, 'bin'), join(copy, 'bin'), { recursive: true });
      await cp(join(cli, 'dist', 'bundle'), join(copy, 'dist', 'bundle'), { recursive: true });
      const cache = join(copy, 'dist', 'bundle', 'docgen.cjs.main.code-cache');
      const data = await readFile(cache);
      const newline = data.indexOf(10);
      expect(data.subarray(0, newline).toString('latin1')).toMatch(/^docgen bundle \w{16}$/);
      await writeFile(cache, Buffer.concat([Buffer.from('docgen bundle 0000000000000000'), data.subarray(newline)]));
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
