import { contentHash, type Page, type PageTree } from '@docgen/core';
import { startSandbox } from '@docgen/confluence-sandbox';
import type { PublisherConfig } from '../src/index.js';

export const USER = 'dev@example.com';
export const TOKEN = 'sandbox-token';

export interface TestSandbox {
  url: string;
  close(): Promise<void>;
  /** Requests the sandbox logged after `since` (its sequence number). */
  requests(
    since?: number,
  ): Promise<Array<{ seq: number; method: string; path: string; query: string; status: number }>>;
  lastSeq(): Promise<number>;
  faults(rules: unknown[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** An authenticated call as the sandbox user (a "human" editing through the API). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function testSandbox(
  options: { dataDir?: string; dataCenterContextPath?: string } = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    testMode: true,
    dataDir: options.dataDir,
    dataCenterContextPath: options.dataCenterContextPath,
  });
  const auth = `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`;
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        Authorization: auth,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const requests = async (since = 0) =>
    (
      await call<{ requests: Array<{ seq: number; method: string; path: string; query: string; status: number }> }>(
        'GET',
        `/__sandbox/requests?since=${since}`,
      )
    ).body.requests.filter((r) => !r.path.startsWith('/__sandbox'));
  return {
    url: sandbox.url,
    close: () => sandbox.close(),
    requests,
    async lastSeq() {
      const all = (await call<{ requests: Array<{ seq: number }> }>('GET', '/__sandbox/requests')).body.requests;
      return all.length ? all[all.length - 1].seq : 0;
    },
    async faults(rules) {
      const response = await call('POST', '/__sandbox/faults', rules);
      if (response.status >= 300) throw new Error(`fault rules rejected: ${JSON.stringify(response.body)}`);
    },
    async clearFaults() {
      await call('DELETE', '/__sandbox/faults');
    },
    api: call,
  };
}

/** A tree of `count` pages: one root, sections of up to 10 pages, an SVG on every 7th page. */
export function makeTree(count: number, options: { prefix?: string; edit?: (page: Page) => Page } = {}): PageTree {
  const prefix = options.prefix ?? 'docs';
  const pages: Page[] = [
    {
      key: prefix,
      title: `${prefix.toUpperCase()} Home`,
      labels: ['docgen-test'],
      markdown: `# ${prefix}\n\nThe root.`,
      attachments: [],
    },
  ];
  let section = 0;
  for (let i = 1; i < count; i++) {
    if ((i - 1) % 10 === 0) {
      section++;
      pages.push({
        key: `${prefix}/s${section}`,
        title: `${prefix} section ${section}`,
        parentKey: prefix,
        labels: ['section'],
        markdown: `## Section ${section}\n\nPages of section ${section}.`,
        attachments: [],
      });
      continue;
    }
    const svg = new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg"><text>${prefix} ${i}</text></svg>`);
    pages.push({
      key: `${prefix}/s${section}/p${i}`,
      title: `${prefix} page ${i}`,
      parentKey: `${prefix}/s${section}`,
      labels: ['api'],
      markdown: `# Page ${i}\n\nSome text with \`code\`.\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n\`\`\`ts\nconst n = ${i};\n\`\`\`\n`,
      attachments:
        i % 7 === 0
          ? [{ fileName: `diagram-${i}.svg`, mediaType: 'image/svg+xml', contentHash: contentHash(svg), data: svg }]
          : [],
      source: { plugin: 'test', file: `src/p${i}.ts` },
    });
  }
  const tree = { pages: pages.slice(0, count) };
  return options.edit ? { pages: tree.pages.map(options.edit) } : tree;
}

export function isWrite(r: { method: string }): boolean {
  return r.method !== 'GET' && r.method !== 'HEAD';
}

/** A publisher config for the test sandbox: `path` is `/wiki` for Cloud, `` for Data Center. */
export function sandboxConfig(
  sandbox: TestSandbox,
  path: string,
  extra: Partial<PublisherConfig> = {},
): PublisherConfig {
  return {
    url: `${sandbox.url}${path}`,
    user: USER,
    token: TOKEN,
    spaceKey: 'DEV',
    generator: { name: 'test', version: '1.0.0' },
    ...extra,
  };
}

/** A page a person creates through the API (v1, which the sandbox serves for both dialects): its id. */
export async function humanPage(sandbox: TestSandbox, title: string, parentId: string): Promise<string> {
  const created = await sandbox.api<{ id: string }>('POST', '/rest/api/content', {
    type: 'page',
    title,
    space: { key: 'DEV' },
    ancestors: [{ id: parentId }],
    body: { storage: { value: `<p>${title}</p>`, representation: 'storage' } },
  });
  if (created.status !== 200) throw new Error(`could not create "${title}": ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** A tree of one page, "Rate limits" from `docs/limits.md`: for tests about one page's body. */
export function onePageTree(markdown: string): PageTree {
  return {
    pages: [
      {
        key: 'limits',
        title: 'Rate limits',
        labels: [],
        markdown,
        attachments: [],
        source: { plugin: 'test', file: 'docs/limits.md' },
      },
    ],
  };
}
