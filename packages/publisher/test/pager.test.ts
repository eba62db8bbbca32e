import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type ConfluenceApi, type SpaceInfo } from '../src/index.js';
import { humanPage, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * Listings longer than a read (250 results) against the sandbox over HTTP, once per style: v1's
 * `start`/`limit` with `_links.next` (Data Center) and v2's `cursor` (Cloud). Each listing reads
 * every page of results once, and the trash listing stops before the read its budget has no
 * room for, looking each title up instead. Cloud is read through the site and through Atlassian's
 * API gateway, whose answers keep the site's `_links.next` (`/wiki/api/v2/…`): the reads after the
 * first stay under the gateway's prefix.
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'cloud through the API gateway', path: '/ex/confluence/0c0ffee0-5a4d-b0x0/wiki' },
  { name: 'datacenter', path: '' },
] as const;

const PAGES = 260;

describe.each(dialects)('listings over more than one read ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let api: ConfluenceApi;
  let space: SpaceInfo;
  let rootId: string;
  const titles = Array.from({ length: PAGES }, (_, i) => `Listed ${i}`);

  beforeAll(async () => {
    sandbox = await testSandbox();
    api = await connect(sandboxConfig(sandbox, path));
    space = await api.getSpace('DEV');
    rootId = await humanPage(sandbox, 'Listing root', space.homepageId!);
    for (const title of titles) await humanPage(sandbox, title, rootId);
  });
  afterAll(() => sandbox.close());

  const readsDuring = async <T>(work: () => Promise<T>) => {
    const since = await sandbox.lastSeq();
    const result = await work();
    return { result, reads: (await sandbox.requests(since)).map((r) => `${r.method} ${r.path}`) };
  };

  it('the pages under a root: every page, one read per 250', async () => {
    const { result, reads } = await readsDuring(() => api.listUnder(rootId));
    expect(result.map((page) => page.title).sort()).toEqual([...titles].sort());
    expect(reads).toEqual([`GET ${path}/rest/api/content/search`, `GET ${path}/rest/api/content/search`]);
  });

  it("the trash: listed page after page while the budget lasts, then a look-up per title once it doesn't", async () => {
    const children = (await api.listUnder(rootId)).map((page) => page.id);
    for (const id of children) expect((await sandbox.api('DELETE', `/rest/api/content/${id}`)).status).toBe(204);
    const trashList = path ? `GET ${path}/api/v2/pages` : 'GET /rest/api/content';

    // Two titles (one past the first 250) buy two reads: the whole trash (on Cloud, the archive
    // with it: one listing of both statuses).
    const wanted = ['Listed 3', `Listed ${PAGES - 1}`];
    const listed = await readsDuring(() => api.findRetiredTitles(space, wanted));
    expect(listed.result.map((page) => [page.title, page.status]).sort()).toEqual(
      wanted.map((title) => [title, 'trashed']).sort(),
    );
    expect(listed.reads.filter((read) => read === trashList)).toHaveLength(2);

    // One title buys one read: not enough for this trash, so the listing stops short and the
    // title is looked up on its own (one read, the archive asked with the trash on Cloud).
    const one = await readsDuring(() => api.findRetiredTitles(space, [`Listed ${PAGES - 1}`]));
    expect(one.result.map((page) => [page.title, page.status])).toEqual([[`Listed ${PAGES - 1}`, 'trashed']]);
    expect(one.reads.filter((read) => read === trashList)).toHaveLength(2);
  });
});
