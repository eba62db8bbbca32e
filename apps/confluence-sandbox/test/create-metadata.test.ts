import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api } from './http.js';

// v1 create with `metadata.labels` and `metadata.properties`: one request, all or nothing.
describe('POST /content with metadata', () => {
  let sandbox: Sandbox;
  let api: Api;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  const create = (title: string, metadata: unknown) =>
    api.post(`/rest/api/content?expand=metadata.labels,metadata.properties.docgen`, {
      type: 'page',
      title,
      space: { key: 'DEV' },
      body: { storage: { value: '<p>x</p>', representation: 'storage' } },
      metadata,
    });

  it('creates the labels and properties with the page and shows them in the answer', async () => {
    const reply = await create('With metadata', {
      labels: [{ prefix: 'global', name: 'api' }, { name: 'docs' }],
      properties: { docgen: { key: 'docgen', value: { hash: 'h' } } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.metadata.labels.results.map((l: { name: string }) => l.name)).toEqual(['api', 'docs']);
    expect(reply.body.metadata.properties.docgen).toMatchObject({
      key: 'docgen',
      value: { hash: 'h' },
      version: { number: 1 },
    });
    expect(reply.body.version.number).toBe(1);
    const property = await api.get(`/rest/api/content/${reply.body.id}/property/docgen`);
    expect(property.body.value).toEqual({ hash: 'h' });
  });

  it('a bad label fails the whole create: no page is left behind', async () => {
    const reply = await create('Bad metadata', { labels: [{ prefix: 'global', name: 'no spaces allowed' }] });
    expect(reply.status).toBe(400);
    const search = await api.get(`/rest/api/content?spaceKey=DEV&title=Bad%20metadata`);
    expect(search.body.results).toEqual([]);
  });
});

// Cloud v2's page create documents the page only (spaceId, status, title, parentId, body,
// subtype): labels and properties sent along are not stored, so nothing built on the sandbox can
// count on them (the publisher writes them after the create on Cloud).
describe('POST /wiki/api/v2/pages with labels or properties', () => {
  let sandbox: Sandbox;
  let api: Api;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  it('creates the page and stores neither', async () => {
    const reply = await api.createPage('v2 with extras', '<p>x</p>', {
      labels: [{ prefix: 'global', name: 'api' }],
      properties: [{ key: 'docgen', value: { hash: 'h' } }],
      metadata: { labels: [{ name: 'api' }], properties: { docgen: { key: 'docgen', value: { hash: 'h' } } } },
    });
    expect(reply.status).toBe(200);
    const labels = await api.get(`/wiki/api/v2/pages/${reply.body.id}/labels`);
    expect(labels.body.results).toEqual([]);
    const properties = await api.get(`/wiki/api/v2/pages/${reply.body.id}/properties`);
    expect(properties.body.results).toEqual([]);
  });
});
