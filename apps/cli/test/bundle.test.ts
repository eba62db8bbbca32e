import { describe, expect, it } from '@jest/globals';
import { parse } from 'acorn';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@docgen/test-support';

const cli = join(repoRoot, 'apps', 'cli');
const bundle = join(cli, 'dist', 'bundle', 'docgen.cjs');

/** What bin/load-bundle.js says of a load in a fresh Node, with the flags docgen runs under. */
async function loadInFreshNode(script: string): Promise<unknown> {
  const loader = JSON.stringify(join(cli, 'bin', 'load-bundle.js'));
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
