import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api } from './http.js';

// Inline comments as Confluence keeps them: a marker in the page body around the highlighted
// text (no new page version), resolved when a page update drops the marker.
let sandbox: Sandbox;
let api: Api;

beforeAll(async () => {
  sandbox = await startSandbox();
  api = new Api(sandbox.url);
});
afterAll(() => sandbox?.close());

const comment = (pageId: string, textSelection: string, count?: number, index?: number) =>
  api.post('/wiki/api/v2/inline-comments', {
    pageId,
    body: { representation: 'storage', value: '<p>A reader asks.</p>' },
    inlineCommentProperties: { textSelection, textSelectionMatchCount: count, textSelectionMatchIndex: index },
  });
const body = async (id: string) => (await api.get(`/wiki/api/v2/pages/${id}?body-format=storage`)).body;

describe('inline comments', () => {
  it('puts a marker around the selected occurrence, without a new page version', async () => {
    const page = await api.createPage('Commented', '<h2>Limits</h2><p>Retry on 429. Retry on 503.</p>');
    const created = await comment(page.body.id, 'Retry on', 2, 1);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/wiki/api/v2/inline-comments/${created.body.id}`);
    const ref = created.body.properties.inlineMarkerRef;
    expect(ref).toMatch(/^[0-9a-f-]{36}$/);
    const live = await body(page.body.id);
    expect(live.version.number).toBe(1);
    expect(live.body.storage.value).toBe(
      `<h2>Limits</h2><p>Retry on 429. <ac:inline-comment-marker ac:ref="${ref}">Retry on</ac:inline-comment-marker> 503.</p>`,
    );
    const listed = await api.get(`/wiki/api/v2/pages/${page.body.id}/inline-comments`);
    expect(listed.body.results.map((c: { resolutionStatus: string }) => c.resolutionStatus)).toEqual(['open']);
  });

  it('marks a selection spanning <strong> run by run, with one ref', async () => {
    const page = await api.createPage('Spanning', '<p>Use the <strong>retry</strong> budget.</p>');
    const ref = (await comment(page.body.id, 'the retry budget')).body.properties.inlineMarkerRef;
    const m = (text: string) => `<ac:inline-comment-marker ac:ref="${ref}">${text}</ac:inline-comment-marker>`;
    expect((await body(page.body.id)).body.storage.value).toBe(
      `<p>Use ${m('the ')}<strong>${m('retry')}</strong>${m(' budget')}.</p>`,
    );
  });

  it('marks a selection across blocks (a line break where one ends) in each block, with one ref', async () => {
    const page = await api.createPage(
      'Across',
      '<p>Backup actions</p>\n<p>Kept in <strong>backup</strong> storage.</p><ul><li>one two</li><li>three four</li></ul>',
    );
    const ref = (await comment(page.body.id, 'actions\nKept in backup', 1, 0)).body.properties.inlineMarkerRef;
    const other = (await comment(page.body.id, 'two\nthree')).body.properties.inlineMarkerRef;
    const m = (r: string, text: string) => `<ac:inline-comment-marker ac:ref="${r}">${text}</ac:inline-comment-marker>`;
    expect((await body(page.body.id)).body.storage.value).toBe(
      `<p>Backup ${m(ref, 'actions')}</p>\n<p>${m(ref, 'Kept in ')}<strong>${m(ref, 'backup')}</strong> storage.</p>` +
        `<ul><li>one ${m(other, 'two')}</li><li>${m(other, 'three')} four</li></ul>`,
    );
    // Within one block a line break is text like any other: no block end, no match.
    expect((await comment(page.body.id, 'Backup\nactions')).status).toBe(400);
  });

  it('refuses a selection it cannot find, or a wrong match count, with 400', async () => {
    const page = await api.createPage('Refusals', '<p>one two one</p>');
    expect((await comment(page.body.id, 'three')).status).toBe(400);
    const wrongCount = await comment(page.body.id, 'one', 1, 0);
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.text).toContain('occurs 2 times');
  });

  it('resolves a comment when an update drops its marker, on v2 and v1 alike; keeps it open otherwise', async () => {
    const page = await api.createPage('Resolving', '<p>alpha beta</p>');
    const id = page.body.id;
    const alpha = (await comment(id, 'alpha')).body;
    const beta = (await comment(id, 'beta')).body;
    const live = (await body(id)).body.storage.value as string;
    // Keep alpha's marker, drop beta's.
    const kept = live.replace(/<ac:inline-comment-marker ac:ref="[^"]+">beta<\/ac:inline-comment-marker>/, 'beta');
    expect((await api.updatePage(id, 'Resolving', kept, 2)).status).toBe(200);
    const status = async (commentId: string) =>
      (await api.get(`/wiki/api/v2/inline-comments/${commentId}`)).body.resolutionStatus;
    expect(await status(alpha.id)).toBe('open');
    expect(await status(beta.id)).toBe('resolved');
    const v1 = await api.put(`/rest/api/content/${id}`, {
      type: 'page',
      title: 'Resolving',
      version: { number: 3 },
      body: { storage: { value: '<p>gone</p>', representation: 'storage' } },
    });
    expect(v1.status).toBe(200);
    expect(await status(alpha.id)).toBe('resolved');
    const open = await api.get(`/wiki/api/v2/pages/${id}/inline-comments?resolution-status=open`);
    expect(open.body.results).toEqual([]);
  });
});
