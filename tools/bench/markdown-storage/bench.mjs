// Throughput of @docgen/markdown-storage: a ~1 MB realistic Markdown page (API-reference-like:
// headings, tables, code, panels, task lists, links, footnotes, raw HTML) converted with the built
// dist. Prints the median wall time of several runs and the heap. Target: < 1 s for 1 MB.
//
//   npx tsc -b packages/markdown-storage && node tools/bench/markdown-storage/bench.mjs [--runs N] [--mb N]
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const { buildDocument } = await import('./document.mjs');
const dist = join(here, '..', '..', '..', 'packages', 'markdown-storage', 'dist', 'index.js');
const { convertMarkdown, convertMarkdownAsync, convertMarkdownBatch, closeConverterPool, normalizeStorage } =
  await import(dist);
// Internal, for the breakdown only: the Markdown parse (markdown-it + GFM + directives → mdast) alone.
const { parseMarkdown } = await import(join(dirname(dist), 'parse', 'index.js'));

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const runs = argument('runs', 7);
const targetBytes = Math.round(argument('mb', 1) * 1024 * 1024);

const markdown = buildDocument(targetBytes);
const bytes = Buffer.byteLength(markdown);
const options = {
  resolvePageTitle: (href) => (href.endsWith('.md') ? `Guide: ${href.slice(2, -3)}` : undefined),
  resolveAttachment: () => undefined,
};

// The first call in a fresh process (cold JIT, lazy module init), reported apart; then warm runs.
const coldStart = performance.now();
convertMarkdown(markdown, options);
const firstCallMs = performance.now() - coldStart;

const times = [];
const cpuTimes = [];
const parseTimes = [];
let result;
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = 0;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (let run = 0; run < runs; run += 1) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  result = convertMarkdown(markdown, options);
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const parseStart = performance.now();
  parseMarkdown(markdown);
  parseTimes.push(performance.now() - parseStart);
}
// The worker path (convertMarkdownAsync / convertMarkdownBatch): the first call includes starting
// the pool; then N timed runs of the page whole (one worker) and cut into 4 pages (a batch, as the
// CLI converts a page tree: as many workers as cores).
const loadBefore = loadavg()[0];
let start = performance.now();
const asyncResult = await convertMarkdownAsync(markdown, options, { workers: true });
const asyncColdMs = performance.now() - start;
if (asyncResult.storage !== result.storage || JSON.stringify(asyncResult) !== JSON.stringify(result)) {
  throw new Error('convertMarkdownAsync differs from convertMarkdown');
}
const endpoints = markdown.split(/(?=^## )/m);
const pages = [0, 1, 2, 3].map((page) => ({
  markdown: endpoints
    .slice(Math.floor((page * endpoints.length) / 4), Math.floor(((page + 1) * endpoints.length) / 4))
    .join(''),
  options,
}));
const asyncTimes = [];
const batchTimes = [];
let batchResults;
for (let run = 0; run < runs; run += 1) {
  start = performance.now();
  await convertMarkdownAsync(markdown, options, { workers: true });
  asyncTimes.push(performance.now() - start);
  start = performance.now();
  batchResults = await convertMarkdownBatch(pages, { workers: true });
  batchTimes.push(performance.now() - start);
}
batchResults.forEach((pageResult, index) => {
  if (pageResult.storage !== convertMarkdown(pages[index].markdown, options).storage) throw new Error('batch differs');
});
const loadAfter = loadavg()[0];
await closeConverterPool();

const normalizeStart = performance.now();
const normalized = normalizeStorage(result.storage);
const normalizeMs = performance.now() - normalizeStart;

const medianMs = median(times);
times.sort((a, b) => a - b);
const mb = (n) => (n / 1024 / 1024).toFixed(1);
const figures = {
  benchmark: 'markdown-storage convertMarkdown',
  node: process.version,
  inputBytes: bytes,
  outputBytes: Buffer.byteLength(result.storage),
  runs,
  medianMs: Math.round(medianMs),
  firstCallMs: Math.round(firstCallMs),
  medianCpuMs: Math.round(median(cpuTimes)),
  medianParseOnlyMs: Math.round(median(parseTimes)),
  minMs: Math.round(times[0]),
  maxMs: Math.round(times[times.length - 1]),
  mbPerSecond: Number((bytes / 1024 / 1024 / (medianMs / 1000)).toFixed(2)),
  heapUsedBeforeMB: Number(mb(heapBefore)),
  peakHeapUsedMB: Number(mb(peakHeap)),
  rssMB: Number(mb(process.memoryUsage().rss)),
  normalizeStorageMs: Math.round(normalizeMs),
  normalizedLines: normalized.split('\n').length,
  warnings: result.warnings.length,
  asyncColdMs: Math.round(asyncColdMs),
  asyncMedianMs: Math.round(median(asyncTimes)),
  asyncMinMs: Math.round(Math.min(...asyncTimes)),
  batch4MedianMs: Math.round(median(batchTimes)),
  batch4MinMs: Math.round(Math.min(...batchTimes)),
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
  loadAverageDuringWorkerRuns: [Number(loadBefore.toFixed(2)), Number(loadAfter.toFixed(2))],
  targetMs: 1000,
  withinTarget: medianMs < 1000,
  asyncWithinTarget: median(asyncTimes) < 1000,
};
console.log(
  `markdown-storage: ${mb(bytes)} MB Markdown → ${mb(figures.outputBytes)} MB storage in ${figures.medianMs} ms median ` +
    `(min ${figures.minMs}, max ${figures.maxMs}, ${runs} runs; ${figures.mbPerSecond} MB/s; CPU ${figures.medianCpuMs} ms; ` +
    `of which Markdown parsing alone ${figures.medianParseOnlyMs} ms); peak heap ${figures.peakHeapUsedMB} MB, ` +
    `rss ${figures.rssMB} MB; normalizeStorage ${figures.normalizeStorageMs} ms; load ${figures.loadAverage1m}; ` +
    `first call in a fresh process (cold JIT) ${figures.firstCallMs} ms; ` +
    `target < 1000 ms: ${figures.withinTarget ? 'met' : 'MISSED'}${figures.firstCallMs < 1000 ? ', cold too' : ', not cold'}`,
);
console.log(
  `worker pool: convertMarkdownAsync ${figures.asyncMedianMs} ms median (min ${figures.asyncMinMs}; first call with pool start ` +
    `${figures.asyncColdMs} ms); the same Markdown as 4 pages through convertMarkdownBatch ${figures.batch4MedianMs} ms median ` +
    `(min ${figures.batch4MinMs}); byte-identical to convertMarkdown; target < 1000 ms: ${figures.asyncWithinTarget ? 'met' : 'MISSED'}`,
);
console.log(JSON.stringify(figures));
