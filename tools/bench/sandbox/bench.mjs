#!/usr/bin/env node
// Requests per second of the sandbox's page GET and page update (PUT, version + 1) on loopback.
// Usage: npx tsc -b apps/confluence-sandbox && node tools/bench/sandbox/bench.mjs [--seconds 3] [--concurrency 8]
// Each scenario runs for a bounded time (and at most --max requests); figures go to stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
/* global fetch */

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
    max: { type: 'string', default: '50000' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const maxRequests = Number(values.max);

const dist = join(here, '..', '..', '..', 'apps', 'confluence-sandbox', 'dist', 'index.js');
const { startSandbox } = await import(pathToFileURL(dist).href);

const auth = 'Basic ' + Buffer.from('dev@example.com:sandbox-token').toString('base64');
const headers = { authorization: auth, 'content-type': 'application/json' };

/** A ~6 KB storage page: a heading, a table, a code block and paragraphs, like a generated API page. */
function storageBody(n) {
  const rows = Array.from(
    { length: 30 },
    (_, i) => `<tr><td>GET</td><td><code>/v1/items/${i}</code></td><td>Read item ${i} (rev ${n})</td></tr>`,
  ).join('');
  return (
    `<h1>Items API</h1><p>Revision ${n}.</p><table><tbody><tr><th>Method</th><th>Path</th><th>Summary</th></tr>${rows}</tbody></table>` +
    `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">json</ac:parameter><ac:plain-text-body><![CDATA[{"id": ${n}, "name": "example"}]]></ac:plain-text-body></ac:structured-macro>` +
    '<p>' +
    'Lorem ipsum dolor sit amet. '.repeat(60) +
    '</p>'
  );
}

async function call(url, init) {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${response.status}: ${body.slice(0, 200)}`);
  return body;
}

/** Run `worker(i)` in `concurrency` loops until time or request budget runs out. */
async function measure(name, workers, step) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < deadline && done < maxRequests) {
        const t = performance.now();
        await step(w);
        latencies.push(performance.now() - t);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  return {
    name,
    workers,
    requests: done,
    seconds: elapsed.toFixed(2),
    rps: Math.round(done / elapsed),
    p50: p(0.5),
    p99: p(0.99),
  };
}

async function scenarioSet(label, options) {
  const sandbox = await startSandbox(options);
  const base = sandbox.url;
  const space = JSON.parse(await call(`${base}/wiki/api/v2/spaces?keys=DEV`, { headers })).results[0];
  const pages = [];
  for (let i = 0; i < concurrency; i++) {
    const page = JSON.parse(
      await call(`${base}/wiki/api/v2/pages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          spaceId: space.id,
          status: 'current',
          title: `Bench ${i}`,
          body: { representation: 'storage', value: storageBody(0) },
        }),
      }),
    );
    pages.push({ id: page.id, version: 1 });
  }
  const get = (w) => call(`${base}/wiki/api/v2/pages/${pages[w % pages.length].id}?body-format=storage`, { headers });
  const getV1 = (w) =>
    call(`${base}/rest/api/content/${pages[w % pages.length].id}?expand=body.storage,version,ancestors`, { headers });
  // One page per worker, so every PUT carries the right next version (no 409s in the figure).
  const put = async (w) => {
    const page = pages[w];
    page.version += 1;
    await call(`${base}/wiki/api/v2/pages/${page.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        id: page.id,
        status: 'current',
        title: `Bench ${w}`,
        body: { representation: 'storage', value: storageBody(page.version) },
        version: { number: page.version },
      }),
    });
  };
  const results = [];
  for (const workers of [1, concurrency]) {
    results.push(await measure(`${label}: GET v2 page (body-format=storage)`, workers, get));
    results.push(await measure(`${label}: GET v1 content (expand=body.storage,version,ancestors)`, workers, getV1));
    results.push(await measure(`${label}: PUT v2 page (version+1)`, workers, put));
  }
  await sandbox.close();
  return results;
}

const dataDir = mkdtempSync(join(tmpdir(), 'docgen-sandbox-bench-'));
try {
  console.log(
    `docgen sandbox bench: ${seconds}s per scenario, concurrency 1 and ${concurrency}, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  const rows = [...(await scenarioSet('memory', {})), ...(await scenarioSet('disk (WAL)', { dataDir }))];
  console.log('\n| scenario | concurrent clients | requests | seconds | req/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.name} | ${r.workers} | ${r.requests} | ${r.seconds} | ${r.rps} | ${r.p50} | ${r.p99} |`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
