// Cost of carrying readers' inline-comment markers over an update (ADR 10): a realistic
// API-reference page (the markdown-storage bench's document, converted to storage) with N comments
// placed by the sandbox as Confluence would (short words and phrases, spread over the page), carried
// into the page's next version (one paragraph added near the top, one edited). Prints the median
// CPU time (user + system: the shared dev box is often loaded, which wall time shows more) and wall
// time of several runs per size and marker count, and how many markers were kept and lost.
//
//   npm run build && node tools/bench/comment-markers/bench.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const { buildDocument } = await import('../markdown-storage/document.mjs');
const { convertMarkdown } = await import(join(root, 'packages', 'markdown-storage', 'dist', 'index.js'));
// Internals, on purpose: the pure carry-over alone, and the sandbox's placing of a comment's marker.
// `DOCGEN_BENCH_CARRY=<file in packages/publisher/dist>` measures another build of it (an older one, to compare).
const carryModule = process.env.DOCGEN_BENCH_CARRY ?? 'comment-markers.js';
const { carryCommentMarkers } = await import(join(root, 'packages', 'publisher', 'dist', carryModule));
const { insertCommentMarker } = await import(join(root, 'apps', 'confluence-sandbox', 'dist', 'inline-comments.js'));

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex === -1 ? 5 : Number(process.argv[runsIndex + 1]);
const options = { resolvePageTitle: () => undefined, resolveAttachment: () => undefined };

/** What readers highlight: a common word, a short phrase, a longer one, spread over the page. */
const selections = ['token', 'rate-limited', 'exponential backoff', 'Send a bearer token', 'Page size'];

function commented(storage, count) {
  let body = storage;
  for (let i = 0; i < count; i++) {
    const text = selections[i % selections.length];
    // The i-th comment on this text lands on an occurrence spread over the page.
    const index = Math.floor((i / count) * 40) + (i % 7);
    try {
      body = insertCommentMarker(body, { text, matchIndex: index }, `ref-${i}`);
    } catch {
      body = insertCommentMarker(body, { text, matchIndex: 0 }, `ref-${i}`);
    }
  }
  return body;
}

function nextVersion(markdown) {
  const added = markdown.replace('\n## ', '\nA paragraph added above the first endpoint.\n\n## ');
  return added.replace('use _exponential backoff_ with jitter', 'back off (_exponential backoff_, with jitter)');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`node ${process.version}, load ${loadavg()[0].toFixed(2)}, ${runs} runs each`);
// Placing 500 comments on a 2 MB page (the sandbox parses the page per comment) would take minutes.
const cases = [
  [590, [0, 50, 500]],
  [2200, [50]],
];
for (const [kb, counts] of cases) {
  const markdown = buildDocument(kb * 1024 * 0.39);
  const live = convertMarkdown(markdown, options).storage;
  const next = convertMarkdown(nextVersion(markdown), options).storage;
  for (const count of counts) {
    const liveBody = commented(live, count);
    const wall = [];
    const cpu = [];
    let result;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      result = carryCommentMarkers(liveBody, next);
      const used = process.cpuUsage(startCpu);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `${(Buffer.byteLength(next) / 1024).toFixed(0).padStart(5)} KB storage, ${String(count).padStart(3)} markers: ` +
        `cpu ${median(cpu).toFixed(0).padStart(5)} ms, wall ${median(wall).toFixed(0).padStart(5)} ms ` +
        `(kept ${result.kept.length}, lost ${result.lost.length})`,
    );
  }
}
