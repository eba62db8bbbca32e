import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api, attachmentForm } from './http.js';

// Page order (Cloud v1 move) and attachment delete (v1, DC, v2), over HTTP.
describe('page move and attachment delete', () => {
  let sandbox: Sandbox;
  let api: Api;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  const titles = async (parentId: string): Promise<string[]> =>
    (await api.get(`/wiki/api/v2/pages/${parentId}/direct-children`)).body.results.map(
      (c: { title: string }) => c.title,
    );

  it('moves a page before, after and into a target; no new version; loops refused', async () => {
    const parent = (await api.createPage('Move parent')).body.id as string;
    const ids: Record<string, string> = {};
    for (const name of ['A', 'B', 'C', 'D'])
      ids[name] = (await api.createPage(`Move ${name}`, '<p/>', { parentId: parent })).body.id;
    expect(await titles(parent)).toEqual(['Move A', 'Move B', 'Move C', 'Move D']);

    const moved = await api.put(`/wiki/rest/api/content/${ids.D}/move/before/${ids.A}`);
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ pageId: ids.D });
    expect(await titles(parent)).toEqual(['Move D', 'Move A', 'Move B', 'Move C']);
    await api.put(`/wiki/rest/api/content/${ids.A}/move/after/${ids.C}`);
    expect(await titles(parent)).toEqual(['Move D', 'Move B', 'Move C', 'Move A']);

    await api.put(`/wiki/rest/api/content/${ids.B}/move/append/${ids.C}`);
    expect(await titles(parent)).toEqual(['Move D', 'Move C', 'Move A']);
    expect(await titles(ids.C)).toEqual(['Move B']);
    const b = await api.get(`/wiki/rest/api/content/${ids.B}?expand=version,ancestors`);
    expect(b.body.version.number).toBe(1);
    expect(b.body.ancestors.at(-1).id).toBe(ids.C);

    const loop = await api.put(`/wiki/rest/api/content/${ids.C}/move/append/${ids.B}`);
    expect(loop.status).toBe(400);
    expect((await api.put(`/wiki/rest/api/content/${ids.C}/move/sideways/${ids.A}`)).status).toBe(400);
    expect((await api.put(`/wiki/rest/api/content/${ids.C}/move/after/99999999`)).status).toBe(404);
    // Not in the Data Center specs (9.3.1, 10.0.3): not on the DC path either.
    expect((await api.put(`/rest/api/content/${ids.C}/move/after/${ids.A}`)).status).toBe(404);
  });

  it('a page given a new parent by an update goes to the end of its new siblings', async () => {
    const parent = (await api.createPage('Reparent target')).body.id as string;
    await api.createPage('Reparent first', '<p/>', { parentId: parent });
    const other = (await api.createPage('Reparent other')).body.id as string;
    const moving = (await api.createPage('Reparent moving', '<p/>', { parentId: other })).body;
    await api.put(`/wiki/api/v2/pages/${moving.id}`, {
      id: moving.id,
      status: 'current',
      title: 'Reparent moving',
      parentId: parent,
      body: { representation: 'storage', value: '<p/>' },
      version: { number: 2 },
    });
    await api.createPage('Reparent last', '<p/>', { parentId: parent });
    expect(await titles(parent)).toEqual(['Reparent first', 'Reparent moving', 'Reparent last']);
  });

  const upload = (pageId: string, name: string, data: string) =>
    api.post(`/rest/api/content/${pageId}/child/attachment`, attachmentForm(name, data), {
      'X-Atlassian-Token': 'no-check',
    });
  const names = async (pageId: string) =>
    (await api.get(`/wiki/api/v2/pages/${pageId}/attachments`)).body.results.map((a: { title: string }) => a.title);

  it.each([
    {
      name: 'Cloud v1 DELETE /content/{attachmentId}',
      path: (_page: string, att: string) => `/wiki/rest/api/content/${att}`,
    },
    { name: 'DC DELETE /content/{attachmentId}', path: (_page: string, att: string) => `/rest/api/content/${att}` },
    {
      name: 'DC DELETE /content/{id}/child/attachment/{attachmentId}',
      path: (page: string, att: string) => `/rest/api/content/${page}/child/attachment/${att}`,
    },
    { name: 'v2 DELETE /attachments/{id}', path: (_page: string, att: string) => `/wiki/api/v2/attachments/att${att}` },
  ])('$name trashes the attachment; the name is free again', async ({ name, path }) => {
    const page = (await api.createPage(`Attachments ${name}`)).body.id as string;
    const uploaded = await upload(page, 'old.svg', '<svg/>');
    await upload(page, 'keep.svg', '<svg/>');
    const id = String(uploaded.body.results[0].id).replace(/^att/, '');
    expect((await api.delete(path(page, id))).status).toBe(204);
    expect(await names(page)).toEqual(['keep.svg']);
    expect((await api.get(`/wiki/api/v2/attachments/att${id}`)).status).toBe(404);
    expect((await api.delete(path(page, id))).status).toBe(404);
    expect((await upload(page, 'old.svg', '<svg>new</svg>')).status).toBe(200);
    expect(await names(page)).toEqual(['keep.svg', 'old.svg']);
  });

  it('v2 purge removes a trashed attachment for good; purge of a live one is refused', async () => {
    const page = (await api.createPage('Attachments purge')).body.id as string;
    const id = String((await upload(page, 'gone.txt', 'x')).body.results[0].id).replace(/^att/, '');
    expect((await api.delete(`/wiki/api/v2/attachments/att${id}?purge=true`)).status).toBe(400);
    expect((await api.delete(`/wiki/api/v2/attachments/att${id}`)).status).toBe(204);
    expect((await api.delete(`/wiki/api/v2/attachments/att${id}?purge=true`)).status).toBe(204);
    expect((await api.get(`/rest/api/content/${id}?status=trashed`)).status).toBe(404);
  });
});
