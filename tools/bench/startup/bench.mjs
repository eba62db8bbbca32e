// `docgen --help` startup time: the whole process, as a user runs it (node apps/cli/bin/run.js).
// Heavy libraries load only inside the commands that need them, so this stays small.
// Prints the median of 10 runs (after one warm-up for the file cache); target < 400 ms.
//
//   npx tsc -b apps/cli && node tools/bench/startup/bench.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const bin = join(repo, 'apps', 'cli', 'bin', 'run.js');
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex === -1 ? 10 : Number(process.argv[runsIndex + 1]);
const TARGET_MS = 400;

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`docgen ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
for (const args of [['--help'], ['api', '--help']]) {
  time(args); // warm the file cache
  const samples = Array.from({ length: runs }, () => time(args));
  rows.push({
    command: `docgen ${args.join(' ')}`,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
  });
}

const load = loadavg()[0].toFixed(2);
const table = [
  '| command | median | min | max | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| \`${r.command}\` | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)} ms | ${r.max.toFixed(0)} ms | < ${TARGET_MS} ms ${r.median < TARGET_MS ? '✓' : '✗'} |`,
  ),
].join('\n');
console.log(table);
console.log(`\n${runs} runs each, Node ${process.version}, ${cpus().length} CPUs, load average ${load}`);

// The figures are printed, not written: RESULTS.md keeps every run's figures with what changed
// between them, which a rewrite of the file would lose (add the run you saw there by hand).
process.exitCode = rows.every((r) => r.median < TARGET_MS) ? 0 : 1;
