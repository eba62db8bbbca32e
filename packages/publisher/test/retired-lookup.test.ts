import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '../src/index.js';

/**
 * How the plan's trash lookup pays for itself, against a loopback server that plays a Data Center
 * space whose trash holds `trashSize` pages (a read lists 250 of them): a small trash is one
 * listing for any number of titles; a trash bigger than the titles are many is looked up title by
 * title instead, so the cost stays near the cheaper of the two.
 */
describe('findRetiredTitles (the plan looks in the trash)', () => {
  let trashSize = 0;
  const seen: string[] = [];
  let url = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const request = new URL(req.url ?? '/', 'http://x');
    seen.push(`${request.pathname}?${request.searchParams}`);
    const start = Number(request.searchParams.get('start') ?? 0);
    const title = request.searchParams.get('title');
    const all = Array.from({ length: trashSize }, (_, i) => ({
      id: String(1000 + i),
      type: 'page',
      status: 'trashed',
      title: `Trashed ${i}`,
      version: { number: 2 },
      metadata: { labels: { results: [] }, properties: {} },
    }));
    const matching = title ? all.filter((page) => page.title.toLowerCase() === title.toLowerCase()) : all;
    const results = matching.slice(start, start + 250);
    const next = start + 250 < matching.length ? `/rest/api/content?start=${start + 250}&status=trashed` : undefined;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ results, start, limit: 250, size: results.length, _links: next ? { next } : {} }));
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const lookUp = async (titles: string[]) => {
    seen.length = 0;
    const api = await connect({ url, flavor: 'datacenter', user: 'me', token: 'secret-token-123' });
    const found = await api.findRetiredTitles({ key: 'DEV' }, titles);
    return { found: found.map((page) => [page.id, page.status]), reads: [...seen] };
  };

  it('a small trash: one listing for every title, the pages holding them found', async () => {
    trashSize = 30;
    const { found, reads } = await lookUp(['Trashed 3', 'trashed 17', 'Not there', 'Nor this']);
    expect(found).toEqual([
      ['1003', 'trashed'],
      ['1017', 'trashed'],
    ]);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/^\/rest\/api\/content\?spaceKey=DEV&type=page&status=trashed&limit=250&expand=/);
  });

  it('a trash bigger than the titles are many: a look-up per title once the listing would cost more', async () => {
    trashSize = 1200; // five listing reads
    const { found, reads } = await lookUp(['Trashed 1100']);
    expect(found).toEqual([['2100', 'trashed']]);
    // The first listing read (no match among its 250), then the title's own read, not four more listings.
    expect(reads).toHaveLength(2);
    expect(reads[1]).toMatch(/^\/rest\/api\/content\?spaceKey=DEV&title=Trashed\+1100&type=page&status=trashed/);
  });
});
