import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { sharedFile } from '@docgen/test-support';
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

// Cloud's page creates document the page only (v2: spaceId, status, title, parentId, body,
// subtype): labels and properties sent along are not stored, so nothing built on the sandbox can
// count on them (the publisher writes them after the create on Cloud).
describe('Cloud creates (v2 /pages, v1 /content) with labels or properties', () => {
  let sandbox: Sandbox;
  let api: Api;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  it('v2: creates the page and stores neither', async () => {
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

  // Cloud v1's create documents no `metadata` either (read from the specs below): the Cloud v1
  // path stores none of it, where Data Center's create, whose body is a whole `Content`, stores both.
  it('v1: creates the page and stores neither its labels nor its properties', async () => {
    const reply = await api.post(`/wiki/rest/api/content?expand=metadata.labels,metadata.properties.docgen`, {
      type: 'page',
      title: 'Cloud v1 with metadata',
      space: { key: 'DEV' },
      body: { storage: { value: '<p>x</p>', representation: 'storage' } },
      metadata: { labels: [{ prefix: 'global', name: 'api' }], properties: { docgen: { key: 'docgen', value: {} } } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.metadata.labels.results).toEqual([]);
    expect(reply.body.metadata.properties ?? {}).toEqual({});
    expect((await api.get(`/wiki/api/v2/pages/${reply.body.id}/labels`)).body.results).toEqual([]);
    expect((await api.get(`/wiki/rest/api/content/${reply.body.id}/property/docgen`)).status).toBe(404);
  });

  const specs = {
    cloudV1: sharedFile('confluence-specs/cloud-v1-swagger.v3.json'),
    cloudV1Of2021: sharedFile('confluence-specs/cloud-v1-2021-11-sschatter.json'),
    dc: sharedFile('confluence-specs/dc-10.0.3.swagger.v3.json'),
  };
  const withSpecs = Object.values(specs).every(Boolean) ? it : it.skip;
  withSpecs('as the specs say: Cloud v1 ContentCreate has no metadata (nor a create now), DC Content has', () => {
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
    const createFields = (spec: ReturnType<typeof read>, path: string) => {
      const ref: string = spec.paths[path].post.requestBody.content['application/json'].schema.$ref;
      return Object.keys(spec.components.schemas[ref.split('/').pop()!].properties);
    };
    expect(read(specs.cloudV1!).paths['/wiki/rest/api/content']?.post).toBeUndefined();
    expect(createFields(read(specs.cloudV1Of2021!), '/wiki/rest/api/content').sort()).toEqual([
      'ancestors',
      'body',
      'container',
      'id',
      'space',
      'status',
      'title',
      'type',
    ]);
    expect(createFields(read(specs.dc!), '/rest/api/content')).toContain('metadata');
  });
});
