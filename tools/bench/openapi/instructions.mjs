// Instructions a cold `docgen api` on bitbucket.json executes, counted by valgrind (cachegrind,
// no cache simulation) with V8 single-threaded so its collector and compilers count too. Wall time
// on this 2-core machine moves ±15 % with load; this count moves ~1 %, so it tells whether a change
// made the work smaller when the machine is too busy for bench.mjs. It is not a time: it leaves out
// page faults, cache misses and the second core V8 uses in a normal run. Compare checkouts, e.g.
// the one before a change (`git worktree add ../base <rev>`, `npm ci` there):
//
//   node tools/bench/openapi/instructions.mjs [--runs N] [--against ../base] [--spec path]
//
// Needs valgrind (`apt-get install valgrind`); skips with a message without it. ~1–2 min a run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const runs = Number(option('runs', 2));
const shared = process.env.DOCGEN_SHARED ?? join(repo, '..', 'shared');
const spec = option('spec', join(shared, 'corpus', 'openapi', 'bitbucket.json'));
const against = option('against', undefined);
if (!existsSync(spec)) {
  console.log(`skipping: ${spec} not found (set DOCGEN_SHARED or clone beside shared/)`);
  process.exit(0);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('skipping: valgrind is not installed (apt-get install valgrind)');
  process.exit(0);
}
const scratch = mkdtempSync(join(tmpdir(), 'docgen-bench-instructions-'));
const checkouts = { this: repo, ...(against ? { against: resolve(against) } : {}) };

/** Instructions of one cold run of the checkout's CLI. */
function count(checkout, index) {
  const cli = join(checkout, 'apps', 'cli', 'bin', 'run.js');
  const out = join(scratch, `${index}-${Math.random().toString(36).slice(2)}`);
  const args = ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
  return new Promise((done, fail) => {
    const child = spawn(
      'valgrind',
      [...args, process.execPath, '--single-threaded', cli, 'api', '--openapi', spec, '--out', out, '--no-cache'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (code !== 0 || !refs) return fail(new Error(`${cli} exited ${code}: ${stderr.slice(-2000)}`));
      done(Number(refs.replaceAll(',', '')));
    });
  });
}

/**
 * The CLI's V8 code caches (ADR 9) are made under the flags of the build, and V8 rejects them under
 * `--single-threaded`: for the count, each checkout that has them gets caches trained under that
 * flag, and its own back afterwards, so the count includes what the cache saves, as a run does.
 */
function trainCodeCaches(checkout, flags) {
  const script = join(checkout, 'apps', 'cli', 'scripts', 'write-code-cache.js');
  if (!existsSync(script)) return;
  const trained = spawnSync(process.execPath, [...flags, script], { encoding: 'utf8' });
  if (trained.status !== 0) throw new Error(`${script} failed: ${trained.stderr.slice(-2000)}`);
}
for (const checkout of Object.values(checkouts)) trainCodeCaches(checkout, ['--single-threaded']);
process.on('exit', () => Object.values(checkouts).forEach((checkout) => trainCodeCaches(checkout, [])));

const results = {};
for (let index = 0; index < runs; index += 1) {
  // The checkouts side by side, so a busy machine slows both alike (the count does not care).
  const counts = await Promise.all(Object.values(checkouts).map((checkout) => count(checkout, index)));
  Object.keys(checkouts).forEach((name, at) => (results[name] ??= []).push(counts[at]));
}
rmSync(scratch, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const billions = (value) => `${(value / 1e9).toFixed(2)} G`;
for (const [name, values] of Object.entries(results)) {
  console.log(
    `${name} (${checkouts[name]}): ${billions(median(values))} instructions (${values.map(billions).join(' / ')})`,
  );
}
if (results.against) {
  const ratio = median(results.this) / median(results.against);
  console.log(`this ÷ against: ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)} %)`);
}
