import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api, attachmentForm } from './http.js';

let sandbox: Sandbox;
let api: Api;

beforeAll(async () => {
  sandbox = await startSandbox({ testMode: true });
  api = new Api(sandbox.url);
});

afterAll(async () => {
  await sandbox.close();
});

describe('Cloud v2 pages', () => {
  it('finds the DEV space by key, with a homepage', async () => {
    const reply = await api.get('/wiki/api/v2/spaces?keys=DEV');
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(1);
    const space = reply.body.results[0];
    expect(space).toMatchObject({ key: 'DEV', type: 'global', status: 'current' });
    expect(typeof space.id).toBe('string');
    const home = await api.get(`/wiki/api/v2/pages/${space.homepageId}`);
    expect(home.status).toBe(200);
    expect(home.body.spaceId).toBe(space.id);
  });

  it('creates a page under the homepage when no parent is given, with string ids', async () => {
    const space = await api.devSpace();
    const created = await api.createPage('Under Home', '<p>hello</p>');
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^\d+$/);
    expect(created.body.parentId).toBe(space.homepageId);
    expect(created.body.version.number).toBe(1);
    expect(created.body.body.storage.value).toBe('<p>hello</p>');
  });

  it('creates at the root with root-level=true', async () => {
    const space = await api.devSpace();
    const reply = await api.post('/wiki/api/v2/pages?root-level=true', {
      spaceId: space.id,
      status: 'current',
      title: 'Root Level',
      body: { representation: 'storage', value: '<p/>' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.parentId).toBeUndefined();
  });

  it('returns the body only when body-format=storage is asked for', async () => {
    const created = await api.createPage('Body Format', '<p>b</p>');
    const bare = await api.get(`/wiki/api/v2/pages/${created.body.id}`);
    expect(bare.body.body).toEqual({});
    const withBody = await api.get(`/wiki/api/v2/pages/${created.body.id}?body-format=storage`);
    expect(withBody.body.body.storage).toEqual({ representation: 'storage', value: '<p>b</p>' });
  });

  it('rejects a duplicate title in the space, case-insensitively, with Atlassian’s message', async () => {
    await api.createPage('Duplicate Me');
    const reply = await api.createPage('duplicate me');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].status).toBe(400);
    expect(reply.body.errors[0].title).toBe(
      'A page with this title already exists: A page already exists with the title duplicate me in the space with key DEV',
    );
  });

  it('refuses a title over 255 characters, on create and on rename, as Confluence does', async () => {
    const longest = `Held ${'t'.repeat(250)}`;
    expect(longest).toHaveLength(255);
    const fits = await api.createPage(longest);
    expect(fits.status).toBe(200);
    const tooLong = await api.createPage(`${longest}!`);
    expect([tooLong.status, tooLong.body.errors[0].title]).toEqual([
      400,
      'Title cannot be longer than 255 characters.',
    ]);
    const renamed = await api.updatePage(fits.body.id, `${longest}?`, '<p>x</p>', 2);
    expect([renamed.status, renamed.body.errors[0].title]).toEqual([
      400,
      'Title cannot be longer than 255 characters.',
    ]);
    const v1 = await api.post('/rest/api/content', {
      type: 'page',
      title: `${longest}.`,
      space: { key: 'DEV' },
      body: { storage: { value: '<p>x</p>', representation: 'storage' } },
    });
    expect([v1.status, v1.body.message]).toEqual([400, 'Title cannot be longer than 255 characters.']);
  });

  it('rejects malformed storage with Error parsing xhtml', async () => {
    const reply = await api.createPage('Broken', '<p><strong>bold</p>');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].title).toMatch(/^Error parsing xhtml: /);
    expect(reply.body.errors[0].title).toMatch(/\[row,col \{unknown-source\}\]: \[1,\d+\]/);
    const entity = await api.createPage('Bad Entity', '<p>&bogus;</p>');
    expect(entity.status).toBe(400);
    expect(entity.body.errors[0].title).toContain('Undeclared general entity "bogus"');
    const fine = await api.createPage(
      'Macros And Entities',
      '<p>a&nbsp;b &amp; &#160;</p><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[if (a < b && c) {}]]></ac:plain-text-body></ac:structured-macro><ac:image><ri:attachment ri:filename="x.png"/></ac:image>',
    );
    expect(fine.status).toBe(200);
  });

  it('refuses bodies over 5 MB with 413 in the v2 envelope', async () => {
    const reply = await api.createPage('Too Big', `<p>${'x'.repeat(5 * 1024 * 1024)}</p>`);
    expect(reply.status).toBe(413);
    expect(reply.body.errors[0].status).toBe(413);
  });

  it('updates with version+1, keeps every version, and answers 409 with the current version otherwise', async () => {
    const created = await api.createPage('Versioned', '<p>one</p>');
    const id = created.body.id;
    const two = await api.updatePage(id, 'Versioned', '<p>two</p>', 2);
    expect(two.status).toBe(200);
    expect(two.body.version.number).toBe(2);
    const stale = await api.updatePage(id, 'Versioned', '<p>stale</p>', 2);
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      title: 'Version must be incremented on update. Current version is: 2',
    });
    const skip = await api.updatePage(id, 'Versioned', '<p>skip</p>', 5);
    expect(skip.status).toBe(409);
    const v1 = await api.get(`/wiki/api/v2/pages/${id}?body-format=storage&version=1`);
    expect(v1.body.body.storage.value).toBe('<p>one</p>');
    expect(v1.body.version.number).toBe(1);
    const versions = await api.get(`/wiki/api/v2/pages/${id}/versions`);
    expect(versions.body.results.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const v1Api = await api.get(`/wiki/rest/api/content/${id}?expand=body.storage,version`);
    expect(v1Api.body.version.number).toBe(2);
    expect(v1Api.body.body.storage.value).toBe('<p>two</p>');
  });

  it('lets exactly one of two racing writers win', async () => {
    const created = await api.createPage('Race', '<p>0</p>');
    const id = created.body.id;
    const replies = await Promise.all([
      api.updatePage(id, 'Race', '<p>a</p>', 2),
      api.updatePage(id, 'Race', '<p>b</p>', 2),
      api.updatePage(id, 'Race', '<p>c</p>', 2),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const page = await api.get(`/wiki/api/v2/pages/${id}`);
    expect(page.body.version.number).toBe(2);
  });

  it('moves a page with parentId and refuses a cycle', async () => {
    const a = await api.createPage('Move A');
    const b = await api.createPage('Move B', '<p/>', { parentId: a.body.id });
    expect(b.body.parentId).toBe(a.body.id);
    const cycle = await api.put(`/wiki/api/v2/pages/${a.body.id}`, {
      id: a.body.id,
      status: 'current',
      title: 'Move A',
      parentId: b.body.id,
      body: { representation: 'storage', value: '<p/>' },
      version: { number: 2 },
    });
    expect(cycle.status).toBe(400);
  });

  it('lists direct children and ancestors (root first)', async () => {
    const space = await api.devSpace();
    const parent = await api.createPage('Tree Parent');
    const child = await api.createPage('Tree Child', '<p/>', { parentId: parent.body.id });
    const grandchild = await api.createPage('Tree Grandchild', '<p/>', { parentId: child.body.id });
    const children = await api.get(`/wiki/api/v2/pages/${parent.body.id}/direct-children`);
    expect(children.body.results).toEqual([
      expect.objectContaining({
        id: child.body.id,
        title: 'Tree Child',
        type: 'page',
        status: 'current',
        spaceId: space.id,
      }),
    ]);
    const ancestors = await api.get(`/wiki/api/v2/pages/${grandchild.body.id}/ancestors`);
    expect(ancestors.body.results.map((a: { id: string }) => a.id)).toEqual([
      space.homepageId,
      parent.body.id,
      child.body.id,
    ]);
    const v1Children = await api.get(`/rest/api/content/${parent.body.id}/child/page`);
    expect(v1Children.body.results.map((c: { title: string }) => c.title)).toEqual(['Tree Child']);
  });

  it('finds a page by space-id and title', async () => {
    const space = await api.devSpace();
    await api.createPage('Find Me By Title');
    const found = await api.get(
      `/wiki/api/v2/pages?space-id=${space.id}&title=${encodeURIComponent('Find Me By Title')}&status=current`,
    );
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0].title).toBe('Find Me By Title');
    const none = await api.get(`/wiki/api/v2/pages?space-id=${space.id}&title=Nope`);
    expect(none.body.results).toEqual([]);
  });

  it('trashes on delete (children move up), purges only trashed pages; the trash holds the title until the purge', async () => {
    const space = await api.devSpace();
    const page = await api.createPage('Trash Me');
    const child = await api.createPage('Orphan', '<p/>', { parentId: page.body.id });
    const early = await api.delete(`/wiki/api/v2/pages/${page.body.id}?purge=true`);
    expect(early.status).toBe(400);
    expect((await api.delete(`/wiki/api/v2/pages/${page.body.id}`)).status).toBe(204);
    expect((await api.get(`/wiki/api/v2/pages/${page.body.id}`)).body.status).toBe('trashed');
    expect((await api.get(`/wiki/api/v2/pages/${page.body.id}?status=current`)).status).toBe(404);
    expect((await api.get(`/wiki/api/v2/pages/${child.body.id}`)).body.parentId).toBe(space.homepageId);
    // Real Confluence keeps a trashed page's title: a create (either dialect) or a rename to it is refused.
    const refused = await api.createPage('Trash Me');
    expect([refused.status, refused.body.errors?.[0]?.title]).toEqual([
      400,
      'A page with this title already exists: A page already exists with the title Trash Me in the space with key DEV',
    ]);
    const v1Refused = await api.post('/wiki/rest/api/content', {
      type: 'page',
      title: 'trash me',
      space: { key: 'DEV' },
      body: { storage: { value: '<p/>', representation: 'storage' } },
    });
    expect(v1Refused.status).toBe(400);
    const renamed = await api.put(`/wiki/api/v2/pages/${child.body.id}`, {
      id: child.body.id,
      status: 'current',
      title: 'Trash Me',
      body: { representation: 'storage', value: '<p/>' },
      version: { number: 2 },
    });
    expect(renamed.status).toBe(400);
    expect((await api.delete(`/wiki/api/v2/pages/${page.body.id}?purge=true`)).status).toBe(204);
    expect((await api.get(`/wiki/api/v2/pages/${page.body.id}`)).status).toBe(404);
    // Purged: the title is free.
    expect((await api.createPage('Trash Me')).status).toBe(200);
  });

  it('restores a trashed page through v2 PUT: the status only, as the spec says; its properties read in the trash', async () => {
    const page = await api.createPage('Restore Me', '<p>before</p>');
    await api.post(`/wiki/api/v2/pages/${page.body.id}/properties`, { key: 'owner', value: { who: 'me' } });
    expect((await api.delete(`/wiki/api/v2/pages/${page.body.id}`)).status).toBe(204);
    const props = await api.get(`/wiki/api/v2/pages/${page.body.id}/properties?key=owner`);
    expect(props.body.results.map((p: { value: unknown }) => p.value)).toEqual([{ who: 'me' }]);
    const restored = await api.updatePage(page.body.id, 'Restored Under Another Title', '<p>after</p>', 2);
    expect(restored.status).toBe(200);
    const live = await api.get(`/wiki/api/v2/pages/${page.body.id}?body-format=storage`);
    expect([live.body.status, live.body.title, live.body.body.storage.value, live.body.version.number]).toEqual([
      'current',
      'Restore Me',
      '<p>before</p>',
      2,
    ]);
    // Now current, the next PUT writes the content.
    expect((await api.updatePage(page.body.id, 'Restore Me', '<p>after</p>', 3)).status).toBe(200);
  });

  it('archives through the Cloud v1 long task; archived pages leave the tree and keep their title', async () => {
    const parent = await api.createPage('Archive Parent');
    const page = await api.createPage('Archive Me', '<p/>', { parentId: parent.body.id });
    const task = await api.post('/wiki/rest/api/content/archive', { pages: [{ id: Number(page.body.id) }] });
    expect(task.status).toBe(202);
    const status = await api.get(task.body.links.status);
    expect(status.body).toMatchObject({ finished: true, successful: true, percentageComplete: 100 });
    expect((await api.get(`/wiki/api/v2/pages/${page.body.id}`)).body.status).toBe('archived');
    expect((await api.get(`/wiki/api/v2/pages/${parent.body.id}/direct-children`)).body.results).toEqual([]);
    expect((await api.post('/wiki/rest/api/content/archive', { pages: [{ id: Number(page.body.id) }] })).status).toBe(
      400,
    );
    // The archive holds the title as the trash does (confluencebuilder#718).
    const refused = await api.createPage('Archive Me');
    expect([refused.status, refused.body.errors?.[0]?.title]).toEqual([
      400,
      'A page with this title already exists: A page already exists with the title Archive Me in the space with key DEV',
    ]);
    expect((await api.post('/rest/api/content/archive', { pages: [{ id: 1 }] })).status).toBe(404);
  });

  it('lists pages by status as the spec says: current and archived by default, the array sent repeated or comma-separated', async () => {
    const space = await api.devSpace();
    const kept = await api.createPage('Status Kept');
    const archived = await api.createPage('Status Archived');
    const trashed = await api.createPage('Status Trashed');
    await api.post('/wiki/rest/api/content/archive', { pages: [{ id: Number(archived.body.id) }] });
    expect((await api.delete(`/wiki/api/v2/pages/${trashed.body.id}`)).status).toBe(204);
    const titles = async (query: string) =>
      (
        (await api.get(`/wiki/api/v2/pages?space-id=${space.id}&limit=250&${query}`)).body.results as Array<{
          title: string;
        }>
      )
        .map((p) => p.title)
        .filter((t) => t.startsWith('Status '))
        .sort();
    expect(await titles('')).toEqual(['Status Archived', 'Status Kept']);
    expect(await titles('status=trashed&status=archived')).toEqual(['Status Archived', 'Status Trashed']);
    expect(await titles('status=trashed,archived')).toEqual(['Status Archived', 'Status Trashed']);
    expect(await titles(`status=current&id=${kept.body.id}&id=${archived.body.id}`)).toEqual(['Status Kept']);
  });

  it('lists the operations the caller may perform in a space', async () => {
    const space = await api.devSpace();
    const reply = await api.get(`/wiki/api/v2/spaces/${space.id}/operations`);
    expect(reply.body.operations).toEqual(
      expect.arrayContaining([
        { operation: 'create', targetType: 'page' },
        { operation: 'read', targetType: 'space' },
      ]),
    );
  });

  it('pages lists with limit, cursor, Link header and _links.next', async () => {
    const space = await api.devSpace();
    const parent = await api.createPage('Paging Parent');
    for (let i = 0; i < 5; i++) await api.createPage(`Paging ${i}`, '<p/>', { parentId: parent.body.id });
    const seen: string[] = [];
    let next: string | undefined = `/wiki/api/v2/pages/${parent.body.id}/direct-children?limit=2`;
    let pages = 0;
    while (next) {
      const reply = await api.get(next);
      pages++;
      seen.push(...reply.body.results.map((r: { title: string }) => r.title));
      next = reply.body._links.next;
      if (next) expect(reply.headers.get('link')).toContain(`<${next}>; rel="next"`);
      else expect(reply.headers.get('link')).toBeNull();
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Paging 0', 'Paging 1', 'Paging 2', 'Paging 3', 'Paging 4']);
    const bad = await api.get(`/wiki/api/v2/pages?space-id=${space.id}&cursor=garbage!`);
    expect(bad.status).toBe(400);
  });

  it('keeps page properties with versions', async () => {
    const page = await api.createPage('Properties');
    const base = `/wiki/api/v2/pages/${page.body.id}/properties`;
    const created = await api.post(base, { key: 'docgen', value: { hash: 'abc' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ key: 'docgen', value: { hash: 'abc' }, version: { number: 1 } });
    expect((await api.post(base, { key: 'docgen', value: 1 })).status).toBe(409);
    const updated = await api.put(`${base}/${created.body.id}`, {
      key: 'docgen',
      value: { hash: 'def' },
      version: { number: 2 },
    });
    expect(updated.body.version.number).toBe(2);
    expect(
      (await api.put(`${base}/${created.body.id}`, { key: 'docgen', value: 0, version: { number: 2 } })).status,
    ).toBe(409);
    const listed = await api.get(`${base}?key=docgen`);
    expect(listed.body.results[0].value).toEqual({ hash: 'def' });
    const v1 = await api.get(`/rest/api/content/${page.body.id}/property/docgen`);
    expect(v1.body).toMatchObject({ key: 'docgen', value: { hash: 'def' }, version: { number: 2 } });
    expect((await api.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`${base}/${created.body.id}`)).status).toBe(404);
  });
});

describe('v1 and Data Center content', () => {
  it('creates, reads with expand and updates through /rest/api', async () => {
    const parent = await api.createPage('DC Parent');
    const created = await api.post('/rest/api/content', {
      type: 'page',
      title: 'DC Child',
      space: { key: 'DEV' },
      ancestors: [{ id: parent.body.id }],
      body: { storage: { value: '<p>dc</p>', representation: 'storage' } },
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const read = await api.get(`/rest/api/content/${id}?expand=body.storage,version,ancestors`);
    expect(read.body.body.storage.value).toBe('<p>dc</p>');
    expect(read.body.version.number).toBe(1);
    expect(read.body.ancestors.map((a: { id: string }) => a.id).at(-1)).toBe(parent.body.id);
    expect(read.body._links.base).toBe(sandbox.url);
    const cloudRead = await api.get(`/wiki/rest/api/content/${id}`);
    expect(cloudRead.body._links.base).toBe(`${sandbox.url}/wiki`);
    const updated = await api.put(`/rest/api/content/${id}`, {
      type: 'page',
      title: 'DC Child',
      version: { number: 2 },
      body: { storage: { value: '<p>dc2</p>', representation: 'storage' } },
    });
    expect(updated.status).toBe(200);
    const conflict = await api.put(`/rest/api/content/${id}`, {
      type: 'page',
      title: 'DC Child',
      version: { number: 2 },
      body: { storage: { value: '<p/>', representation: 'storage' } },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      statusCode: 409,
      data: expect.objectContaining({ successful: false }),
      message: 'Version must be incremented on update. Current version is: 2',
      reason: 'Conflict',
    });
  });

  it('answers v1 errors in the v1 envelope', async () => {
    const missing = await api.get('/wiki/rest/api/content/1');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, reason: 'Not Found' });
    const dup = await api.post('/rest/api/content', {
      type: 'page',
      title: 'DC Parent',
      space: { key: 'DEV' },
      body: { storage: { value: '<p/>', representation: 'storage' } },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe(
      'A page with this title already exists: A page already exists with the title DC Parent in the space with key DEV',
    );
    const xhtml = await api.post('/rest/api/content', {
      type: 'page',
      title: 'Bad XHTML',
      space: { key: 'DEV' },
      body: { storage: { value: '<p>', representation: 'storage' } },
    });
    expect(xhtml.status).toBe(400);
    expect(xhtml.body.message).toMatch(/^Error parsing xhtml: /);
  });

  it('trashes with DELETE and purges with DELETE ?status=trashed', async () => {
    const page = await api.createPage('DC Trash');
    expect((await api.delete(`/rest/api/content/${page.body.id}`)).status).toBe(204);
    expect((await api.get(`/rest/api/content/${page.body.id}`)).status).toBe(404);
    expect((await api.get(`/rest/api/content/${page.body.id}?status=trashed`)).body.status).toBe('trashed');
    expect((await api.delete(`/rest/api/content/${page.body.id}?status=trashed`)).status).toBe(204);
    expect((await api.get(`/rest/api/content/${page.body.id}?status=trashed`)).status).toBe(404);
  });

  it('pages v1 lists with start and limit', async () => {
    const first = await api.get('/rest/api/content?spaceKey=DEV&limit=2');
    expect(first.body).toMatchObject({ start: 0, limit: 2, size: 2 });
    expect(first.body._links.next).toBe('/rest/api/content?spaceKey=DEV&limit=2&start=2');
    const second = await api.get(first.body._links.next);
    expect(second.body.start).toBe(2);
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);
    const cloud = await api.get('/wiki/rest/api/content?spaceKey=DEV&limit=1');
    expect(cloud.body._links.next).toBe('/rest/api/content?spaceKey=DEV&limit=1&start=1');
  });

  it('gets spaces by key', async () => {
    const list = await api.get('/rest/api/space?spaceKey=DEV');
    expect(list.body.results.map((s: { key: string }) => s.key)).toEqual(['DEV']);
    const one = await api.get('/wiki/rest/api/space/DEV?expand=homepage');
    expect(one.body.homepage.id).toBe((await api.devSpace()).homepageId);
    expect((await api.get('/rest/api/space/NOPE')).status).toBe(404);
  });

  it('adds, lists and removes labels; v2 reads them', async () => {
    const page = await api.createPage('Labelled');
    const added = await api.post(`/wiki/rest/api/content/${page.body.id}/label`, [
      { prefix: 'global', name: 'docgen' },
      { prefix: 'global', name: 'api-reference' },
    ]);
    expect(added.status).toBe(200);
    expect(added.body.results.map((l: { name: string }) => l.name)).toEqual(['api-reference', 'docgen']);
    const v2 = await api.get(`/wiki/api/v2/pages/${page.body.id}/labels`);
    expect(v2.body.results.map((l: { name: string }) => l.name)).toEqual(['api-reference', 'docgen']);
    expect((await api.delete(`/wiki/rest/api/content/${page.body.id}/label/docgen`)).status).toBe(204);
    expect((await api.delete(`/rest/api/content/${page.body.id}/label?name=api-reference`)).status).toBe(204);
    expect((await api.get(`/wiki/api/v2/pages/${page.body.id}/labels`)).body.results).toEqual([]);
  });

  it('uploads attachments (XSRF header required), refuses a duplicate name, updates data with a new version', async () => {
    const page = await api.createPage('With Attachment');
    const path = `/wiki/rest/api/content/${page.body.id}/child/attachment`;
    const noToken = await api.post(path, attachmentForm('notes.txt', 'one'));
    expect(noToken.status).toBe(403);
    const uploaded = await api.post(path, attachmentForm('notes.txt', 'one', 'text/plain', 'first'), {
      'X-Atlassian-Token': 'no-check',
    });
    expect(uploaded.status).toBe(200);
    const attachment = uploaded.body.results[0];
    expect(attachment).toMatchObject({
      type: 'attachment',
      title: 'notes.txt',
      extensions: { mediaType: 'text/plain', fileSize: 3, comment: 'first' },
    });
    const again = await api.post(path, attachmentForm('notes.txt', 'two'), { 'X-Atlassian-Token': 'no-check' });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(
      'Cannot add a new attachment with same file name as an existing attachment: notes.txt',
    );
    const data = await api.post(`${path}/${attachment.id}/data`, attachmentForm('notes.txt', 'two!'), {
      'X-Atlassian-Token': 'no-check',
    });
    expect(data.status).toBe(200);
    expect(data.body.version.number).toBe(2);
    const v2 = await api.get(`/wiki/api/v2/pages/${page.body.id}/attachments`);
    expect(v2.body.results[0]).toMatchObject({
      title: 'notes.txt',
      fileSize: 4,
      mediaType: 'text/plain',
      pageId: page.body.id,
    });
    const download = await api.get(v2.body.results[0].downloadLink.replace(/^/, '/wiki'));
    expect(download.text).toBe('two!');
    const old = await api.get(`/download/attachments/${page.body.id}/notes.txt?version=1`);
    expect(old.text).toBe('one');
    const cloudPut = await api.call('PUT', path, attachmentForm('notes.txt', 'three'), {
      'X-Atlassian-Token': 'no-check',
    });
    expect(cloudPut.status).toBe(200);
    expect(cloudPut.body.results[0].version.number).toBe(3);
    const dcPut = await api.call(
      'PUT',
      `/rest/api/content/${page.body.id}/child/attachment`,
      attachmentForm('notes.txt', 'x'),
      { 'X-Atlassian-Token': 'no-check' },
    );
    expect(dcPut.status).toBe(405);
  });
});

describe('CQL search', () => {
  let parentId: string;
  beforeAll(async () => {
    const parent = await api.createPage('CQL Root', '<p>root of the search tree</p>');
    parentId = parent.body.id;
    const alpha = await api.createPage('CQL Alpha Service', '<p>The payments gateway handles refunds.</p>', {
      parentId,
    });
    await api.createPage('CQL Beta Service', '<p>Inventory sync job.</p>', { parentId });
    await api.createPage('CQL Gamma Notes', '<p>Nothing about payments here? Actually payments yes.</p>', {
      parentId: alpha.body.id,
    });
    await api.post(`/rest/api/content/${alpha.body.id}/label`, [{ prefix: 'global', name: 'service' }]);
  });

  const titles = async (cql: string, path = '/wiki/rest/api/search') => {
    const reply = await api.get(`${path}?cql=${encodeURIComponent(cql)}&limit=50`);
    expect(reply.status).toBe(200);
    return reply.body.results.map((r: { title: string }) => r.title);
  };

  it('matches title exactly and fuzzily', async () => {
    expect(await titles('space = DEV and title = "CQL Beta Service"')).toEqual(['CQL Beta Service']);
    expect(await titles('title ~ "service" and type = page order by title')).toEqual([
      'CQL Alpha Service',
      'CQL Beta Service',
    ]);
  });

  it('matches ancestor, parent, label and text', async () => {
    expect(await titles(`ancestor = ${parentId} order by title`)).toEqual([
      'CQL Alpha Service',
      'CQL Beta Service',
      'CQL Gamma Notes',
    ]);
    expect(await titles(`parent = ${parentId} order by title desc`)).toEqual(['CQL Beta Service', 'CQL Alpha Service']);
    expect(await titles('label = service')).toEqual(['CQL Alpha Service']);
    expect(await titles(`text ~ "payments" and ancestor = ${parentId} order by title`)).toEqual([
      'CQL Alpha Service',
      'CQL Gamma Notes',
    ]);
  });

  it('combines with and, or, not and parentheses', async () => {
    expect(await titles(`ancestor = ${parentId} and not label = service order by title`)).toEqual([
      'CQL Beta Service',
      'CQL Gamma Notes',
    ]);
    expect(
      await titles(`(title = "CQL Beta Service" or label = "service") and space in (DEV, OTHER) order by title`),
    ).toEqual(['CQL Alpha Service', 'CQL Beta Service']);
  });

  it('serves /content/search with Content results and /search with the SearchResult envelope', async () => {
    const content = await api.get(
      `/rest/api/content/search?cql=${encodeURIComponent('label = service')}&expand=version`,
    );
    expect(content.body.results[0]).toMatchObject({ type: 'page', title: 'CQL Alpha Service', version: { number: 1 } });
    const search = await api.get(`/rest/api/search?cql=${encodeURIComponent('label = service')}`);
    expect(search.body).toMatchObject({ start: 0, size: 1, totalSize: 1, cqlQuery: 'label = service' });
    expect(search.body.results[0]).toMatchObject({ entityType: 'content', content: { title: 'CQL Alpha Service' } });
  });

  it('pages search results with start and limit', async () => {
    const first = await api.get(
      `/rest/api/search?cql=${encodeURIComponent(`ancestor = ${parentId} order by title`)}&limit=2`,
    );
    expect(first.body.results).toHaveLength(2);
    expect(first.body._links.next).toContain('start=2');
    const second = await api.get(first.body._links.next);
    expect(second.body.results.map((r: { title: string }) => r.title)).toEqual(['CQL Gamma Notes']);
  });

  it('answers 400 to CQL it cannot parse', async () => {
    const reply = await api.get(`/rest/api/search?cql=${encodeURIComponent('title = ')}`);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^Could not parse cql : title = /);
  });
});
