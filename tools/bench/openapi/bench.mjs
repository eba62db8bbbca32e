// The OpenAPI reference of the largest corpus spec (bitbucket.json, 546 operations), rendered by
// docgen (Markdown and Confluence storage XHTML, the whole CLI process) and, in the same run, by
// widdershins (a peer, its CLI, Markdown only). docgen runs three ways: cold (--no-cache: every
// page converted), warm (a re-run over an unchanged spec with the storage cache filled by an
// untimed priming run, as in CI) and --no-storage (Markdown only, like widdershins). Wall time and
// peak RSS of each whole process (worker threads included); median of --runs runs (default 3),
// runs of the tools interleaved so load affects all alike.
//
//   npm run build && node tools/bench/openapi/bench.mjs [--runs N] [--spec path]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const runs = Number(option('runs', 3));
const shared = process.env.DOCGEN_SHARED ?? join(repo, '..', 'shared');
const spec = option('spec', join(shared, 'corpus', 'openapi', 'bitbucket.json'));
if (!existsSync(spec)) {
  console.log(`skipping: ${spec} not found (set DOCGEN_SHARED or clone beside shared/)`);
  process.exit(0);
}
const scratch = mkdtempSync(join(tmpdir(), 'docgen-bench-openapi-'));
const preload = pathToFileURL(join(here, 'peak-rss.mjs')).href;

const cli = join(repo, 'apps', 'cli', 'bin', 'run.js');
const cacheDir = join(scratch, 'cache');
const tools = {
  'docgen cold': (out) => [cli, 'api', '--openapi', spec, '--out', out, '--no-cache'],
  'docgen warm': (out) => [cli, 'api', '--openapi', spec, '--out', out, '--cache-dir', cacheDir],
  'docgen --no-storage': (out) => [cli, 'api', '--openapi', spec, '--out', out, '--no-storage'],
  widdershins: (out) => [join(repo, 'node_modules', 'widdershins', 'widdershins.js'), spec, '-o', `${out}.md`],
};

function measure(name, index) {
  return new Promise((resolve, reject) => {
    const out = join(scratch, `${name.replace(/\W+/g, '-')}-${index}`);
    const rssFile = join(scratch, `${name.replace(/\W+/g, '-')}-${index}.rss`);
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', preload, ...tools[name](out)], {
      env: { ...process.env, PEAK_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${name} exited ${code}: ${stderr.slice(0, 2000)}`));
      const kb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
      resolve({ ms, mb: kb / 1024, out });
    });
  });
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Every file of an output folder, to check that warm and cold runs write the same thing. */
const folder = (out) =>
  Object.fromEntries(
    readdirSync(out, { recursive: true })
      .filter((name) => statSync(join(out, name)).isFile())
      .sort()
      .map((name) => [name, readFileSync(join(out, name), 'utf8')]),
  );

await measure('docgen warm', 'prime'); // fills the cache; untimed
const loadStart = loadavg()[0];
const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  const order = Object.keys(samples);
  for (const name of i % 2 ? order.reverse() : order) {
    samples[name].push(await measure(name, i));
    process.stderr.write(
      `${name} run ${i + 1}: ${samples[name].at(-1).ms.toFixed(0)} ms, ${samples[name].at(-1).mb.toFixed(0)} MB\n`,
    );
  }
}
const loadEnd = loadavg()[0];
const coldOut = samples['docgen cold'][0].out;
const warmOut = samples['docgen warm'][0].out;
const identical = JSON.stringify(folder(coldOut)) === JSON.stringify(folder(warmOut));
const docgenPages = JSON.parse(readFileSync(join(coldOut, 'manifest.json'), 'utf8')).pages;
const markdownBytes = docgenPages.reduce((sum, page) => sum + statSync(join(coldOut, page.markdownFile)).size, 0);
const storage = docgenPages.every((page) => page.storageFile);
rmSync(scratch, { recursive: true, force: true });

const result = Object.fromEntries(
  Object.entries(samples).map(([name, list]) => [
    name,
    { ms: median(list.map((s) => s.ms)), mb: median(list.map((s) => s.mb)), all: list.map((s) => Math.round(s.ms)) },
  ]),
);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const w = result.widdershins;
const row = (name, output) =>
  `| ${name} | ${output} | ${result[name].ms.toFixed(0)} ms (${result[name].all.join(' / ')}) | ${result[name].mb.toFixed(0)} MB | ${ratio(w.ms, result[name].ms)} | ${ratio(w.mb, result[name].mb)} |`;
const pagesText = `${docgenPages.length} pages, Markdown${storage ? ' + storage XHTML' : ''}`;
const table = [
  '| tool | output | wall time median (each run) | peak RSS median | widdershins time ÷ this | widdershins RSS ÷ this |',
  '| --- | --- | --- | --- | --- | --- |',
  row('docgen cold', `${pagesText}, --no-cache (every page converted)`),
  row('docgen warm', `${pagesText}, re-run, storage cache warm`),
  row('docgen --no-storage', `${docgenPages.length} pages, Markdown only`),
  `| widdershins 4 | one Markdown file | ${w.ms.toFixed(0)} ms (${w.all.join(' / ')}) | ${w.mb.toFixed(0)} MB | 1.00× | 1.00× |`,
].join('\n');
const context = `${runs} runs each, Node ${process.version}, ${cpus().length} CPUs, 1-minute load average ${loadStart.toFixed(2)} at the start and ${loadEnd.toFixed(2)} at the end`;
console.log(table);
console.log(`\n${context}; warm output identical to cold: ${identical}`);
const verdict = (name) => {
  const faster = result[name].ms < w.ms;
  const smaller = result[name].mb < w.mb;
  return `${faster && smaller ? 'met' : 'not met'} (time ${faster ? 'better' : 'worse'}, memory ${smaller ? 'better' : 'worse'}; goal 5×: ${w.ms / result[name].ms >= 5 ? 'met' : 'not met'})`;
};
console.log(
  `target (faster and less memory than widdershins): cold ${verdict('docgen cold')}; warm ${verdict('docgen warm')}`,
);
if (!identical) process.exitCode = 1;

console.log(
  JSON.stringify({
    date: new Date().toISOString(),
    spec: spec.replace(shared, '../shared'),
    markdownBytes,
    pages: docgenPages.length,
    context,
    identical,
    result,
  }),
);
