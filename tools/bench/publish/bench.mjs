#!/usr/bin/env node
// Publisher bench: 500 pages to the sandbox with 50 ms added to every request, three runs
// (first publish, no-op re-publish, one page changed), docgen's publisher (Cloud and Data Center
// dialects) beside a naive
// per-page "search by title, get, put" client measured in the same process on its own sandbox.
//
// Usage: npx tsc -b packages/publisher apps/confluence-sandbox && node tools/bench/publish/bench.mjs [--pages 500] [--latency 50] [--concurrency 4]
// Request counts come from the sandbox's own request log, so both clients are counted the same way.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
/* global fetch, performance, FormData, Blob, TextEncoder */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '500' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
  },
});
const PAGES = Number(values.pages);
const LATENCY = Number(values.latency);
const CONCURRENCY = Number(values.concurrency);

const dist = (path) => {
  const file = join(root, path);
  if (!existsSync(file)) {
    console.error(`missing ${path}: build first with  npx tsc -b packages/publisher apps/confluence-sandbox`);
    process.exit(1);
  }
  return import(pathToFileURL(file).href);
};
const { Publisher } = await dist('packages/publisher/dist/index.js');
const { startSandbox } = await dist('apps/confluence-sandbox/dist/index.js');
const { toStorage } = await dist('packages/markdown-storage/dist/index.js');

const USER = 'dev@example.com';
const TOKEN = 'sandbox-token';
const AUTH = `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`;
const sha = (data) => createHash('sha256').update(data).digest('hex');

/** 500 pages: a root, sections of 10, an SVG attachment on every 7th page; storage pre-converted for both clients. */
function makeTree(count, changedKey) {
  const pages = [{ key: 'bench', title: 'Bench Home', labels: ['bench'], markdown: '# Bench', attachments: [] }];
  let section = 0;
  for (let i = 1; pages.length < count; i++) {
    if ((i - 1) % 10 === 0) {
      section++;
      pages.push({
        key: `bench/s${section}`,
        title: `Bench section ${section}`,
        parentKey: 'bench',
        labels: ['section'],
        markdown: `## Section ${section}`,
        attachments: [],
      });
      continue;
    }
    const key = `bench/s${section}/p${i}`;
    const svg = new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg"><text>${i}</text></svg>`);
    pages.push({
      key,
      title: `Bench page ${i}`,
      parentKey: `bench/s${section}`,
      labels: ['api'],
      markdown: `# Page ${i}\n\nText with \`code\`${key === changedKey ? ' and one edit' : ''}.\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n\`\`\`ts\nconst n = ${i};\n\`\`\`\n`,
      attachments:
        i % 7 === 0 ? [{ fileName: `d${i}.svg`, mediaType: 'image/svg+xml', contentHash: sha(svg), data: svg }] : [],
    });
  }
  for (const page of pages) page.storage = toStorage(page.markdown);
  return { pages };
}

async function sandboxWithLatency() {
  const sandbox = await startSandbox({ port: 0, testMode: true });
  await control(sandbox, 'POST', '/__sandbox/faults', [{ fault: 'latency', latencyMs: LATENCY }]);
  return sandbox;
}

async function control(sandbox, method, path, body) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** Run `fn`, then read the sandbox log for what it cost. */
async function measure(sandbox, fn) {
  const before = (await control(sandbox, 'GET', '/__sandbox/requests')).requests.at(-1)?.seq ?? 0;
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  const log = (await control(sandbox, 'GET', `/__sandbox/requests?since=${before}`)).requests.filter(
    (r) => !r.path.startsWith('/__sandbox'),
  );
  const writes = log.filter((r) => r.method !== 'GET').length;
  return { ms, requests: log.length, reads: log.length - writes, writes };
}

// ---------------------------------------------------------------- the naive client
// What the seed script and several peers do: for every page, find it by title, get it, put
// version + 1 (or create it), re-upload its attachments. Same concurrency, parents first.
async function naivePublish(sandbox, tree) {
  const base = `${sandbox.url}/wiki`;
  const call = async (method, path, body, extraHeaders = {}) => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: AUTH,
        accept: 'application/json',
        ...(body && !isForm ? { 'content-type': 'application/json' } : {}),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };
  const space = (await call('GET', '/api/v2/spaces?keys=DEV')).results[0];
  const ids = new Map();
  const depth = (page) => (page.parentKey ? 1 + depth(tree.pages.find((p) => p.key === page.parentKey)) : 0);
  const levels = [];
  for (const page of tree.pages) (levels[depth(page)] ??= []).push(page);
  for (const level of levels) {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < level.length) {
          const page = level[next++];
          const parentId = page.parentKey ? ids.get(page.parentKey) : space.homepageId;
          const cql = encodeURIComponent(`space = DEV and type = page and title = "${page.title}"`);
          const found = (await call('GET', `/rest/api/content/search?cql=${cql}`)).results[0];
          let id;
          if (found) {
            const live = await call('GET', `/api/v2/pages/${found.id}?body-format=storage`);
            await call('PUT', `/api/v2/pages/${found.id}`, {
              id: found.id,
              status: 'current',
              title: page.title,
              parentId,
              body: { representation: 'storage', value: page.storage },
              version: { number: live.version.number + 1 },
            });
            id = found.id;
          } else {
            id = (
              await call('POST', '/api/v2/pages', {
                spaceId: space.id,
                status: 'current',
                title: page.title,
                parentId,
                body: { representation: 'storage', value: page.storage },
              })
            ).id;
          }
          ids.set(page.key, id);
          for (const attachment of page.attachments) {
            const form = new FormData();
            form.set('file', new Blob([attachment.data], { type: attachment.mediaType }), attachment.fileName);
            form.set('minorEdit', 'true');
            await call('PUT', `/rest/api/content/${id}/child/attachment`, form, { 'X-Atlassian-Token': 'no-check' });
          }
        }
      }),
    );
  }
}

// ---------------------------------------------------------------- run
const trees = { first: makeTree(PAGES), changed: makeTree(PAGES, 'bench/s1/p5') };
const runs = [
  ['first publish', trees.first],
  ['no-op re-publish', trees.first],
  ['one page changed', trees.changed],
];
const results = [];

// docgen on both dialects, each on a fresh sandbox: Cloud (v2 pages, v1 leftovers) under /wiki,
// Data Center (v1) at the root.
for (const [client, prefix] of [
  ['docgen', '/wiki'],
  ['docgen (DC)', ''],
]) {
  const docgenSandbox = await sandboxWithLatency();
  try {
    for (const [name, tree] of runs) {
      let outcome;
      const m = await measure(docgenSandbox, async () => {
        outcome = await new Publisher({
          url: `${docgenSandbox.url}${prefix}`,
          user: USER,
          token: TOKEN,
          spaceKey: 'DEV',
          concurrency: CONCURRENCY,
        }).publish(tree);
      });
      if (!outcome.ok) throw new Error(`docgen run "${name}" failed: ${JSON.stringify(outcome.counts)}`);
      results.push({
        client,
        run: name,
        ...m,
        note: `${outcome.counts.created} created, ${outcome.counts.updated} updated, ${outcome.counts.unchanged} unchanged`,
      });
    }
  } finally {
    await docgenSandbox.close();
  }
}

const naiveSandbox = await sandboxWithLatency();
try {
  for (const [name, tree] of runs) {
    const m = await measure(naiveSandbox, () => naivePublish(naiveSandbox, tree));
    results.push({ client: 'naive', run: name, ...m, note: '' });
  }
} finally {
  await naiveSandbox.close();
}

console.log(
  `publisher bench: ${PAGES} pages, ${LATENCY} ms added latency per request, concurrency ${CONCURRENCY}, Node ${process.version}`,
);
console.log('| client | run | wall time | requests | reads | writes | outcome |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.client} | ${r.run} | ${(r.ms / 1000).toFixed(2)} s | ${r.requests} | ${r.reads} | ${r.writes} | ${r.note} |`,
  );
}
