/* eslint-disable @typescript-eslint/no-explicit-any -- answers are arbitrary JSON */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sharedFile } from '@docgen/test-support';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api, attachmentForm } from './http.js';
import { OpenApiSpec } from './spec.js';

// Every endpoint's answer, from a real sandbox over HTTP, validated against the response schema
// of the matching operation in Atlassian's official specs (Cloud v2, Cloud v1, DC 10.0.3).
const files = {
  v2: sharedFile('confluence-specs/cloud-v2-openapi-v2.v3.json'),
  v1: sharedFile('confluence-specs/cloud-v1-swagger.v3.json'),
  v1Content: sharedFile('confluence-specs/cloud-v1-2021-11-sschatter.json'),
  dc: sharedFile('confluence-specs/dc-10.0.3.swagger.v3.json'),
};
const haveSpecs = Object.values(files).every(Boolean);

/** What the publisher asks for when it lists the pages it manages. */
const LIST_EXPAND = 'version,ancestors,metadata.labels,metadata.properties.docgen';

type Call = { method: string; path: string; status?: number; body?: unknown; form?: () => FormData };

let sandbox: Sandbox;
let api: Api;
let ids: Record<string, string>;

const describeWithSpecs = haveSpecs ? describe : describe.skip;

describeWithSpecs('conformance with the official Confluence specs', () => {
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
    const space = await api.devSpace();
    const parent = await api.createPage('Conformance Parent', '<p>parent</p>');
    const child = await api.createPage('Conformance Child', '<p>child</p>', { parentId: parent.body.id });
    await api.updatePage(child.body.id, 'Conformance Child', '<p>child v2</p>', 2);
    const property = await api.post(`/wiki/api/v2/pages/${child.body.id}/properties`, {
      key: 'docgen',
      value: { hash: 'abc' },
    });
    await api.post(`/rest/api/content/${child.body.id}/label`, [{ prefix: 'global', name: 'docgen' }]);
    const toArchive = await api.createPage('Conformance Archive');
    const upload = await api.post(
      `/rest/api/content/${child.body.id}/child/attachment`,
      attachmentForm('a.txt', 'hello'),
      { 'X-Atlassian-Token': 'no-check' },
    );
    const mover = await api.createPage('Conformance Mover', '<p>m</p>', { parentId: parent.body.id });
    const doomed = await api.post(
      `/rest/api/content/${parent.body.id}/child/attachment`,
      attachmentForm('doomed-v2.txt', 'x'),
      { 'X-Atlassian-Token': 'no-check' },
    );
    const doomedDc = await api.post(
      `/rest/api/content/${parent.body.id}/child/attachment`,
      attachmentForm('doomed-dc.txt', 'x'),
      { 'X-Atlassian-Token': 'no-check' },
    );
    const comment = await api.post('/wiki/api/v2/inline-comments', {
      pageId: parent.body.id,
      body: { representation: 'storage', value: '<p>Why?</p>' },
      inlineCommentProperties: { textSelection: 'parent', textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
    });
    ids = {
      comment: comment.body.id,
      mover: mover.body.id,
      doomed: doomed.body.results[0].id,
      doomedDc: doomedDc.body.results[0].id,
      space: space.id,
      parent: parent.body.id,
      child: child.body.id,
      property: property.body.id,
      attachment: upload.body.results[0].id,
      archive: toArchive.body.id,
    };
  });
  afterAll(() => sandbox?.close());

  const run = (name: keyof typeof files, stripPrefix: string, calls: () => Call[]) => {
    it(`${name}: every response validates`, async () => {
      const spec = new OpenApiSpec(files[name]!, stripPrefix);
      const failures: string[] = [];
      const drift: string[] = [];
      for (const call of calls()) {
        const reply = call.form
          ? await api.call(call.method, call.path, call.form(), { 'X-Atlassian-Token': 'no-check' })
          : await api.call(call.method, call.path, call.body);
        const label = `${call.method} ${call.path} → ${reply.status}`;
        if (reply.status !== (call.status ?? 200)) {
          failures.push(`${label}: expected ${call.status ?? 200}: ${reply.text.slice(0, 200)}`);
          continue;
        }
        if (reply.status === 204) {
          // No body to validate: the operation must exist and document 204.
          if (!spec.statuses(call.method, call.path).includes('204')) failures.push(`${label}: spec has no 204`);
          continue;
        }
        const result = spec.check(call.method, call.path, reply.status, reply.body);
        failures.push(...result.errors.map((e) => `${label}: ${e}`));
        drift.push(
          ...result.undocumented.map(
            (field) => `${call.method} ${spec.template(call.method, call.path)} ${field.replace(/\[\d+\]/g, '[]')}`,
          ),
        );
      }
      // Cloud specs describe the wire format closely: print every field they lack. The DC spec
      // is generated from Java models (no _links/_expandable on most types): print a count.
      const unique = [...new Set(drift)];
      if (unique.length && name !== 'dc')
        console.log(`${name}: fields the spec does not describe\n  ${unique.join('\n  ')}`);
      if (unique.length && name === 'dc')
        console.log(
          `dc: ${unique.length} response fields are not in the DC 10.0.3 models, e.g. ${unique.slice(0, 3).join('; ')}`,
        );
      if (spec.notes.length) console.log(`${name}: spec notes\n  ${[...new Set(spec.notes)].join('\n  ')}`);
      expect(failures).toEqual([]);
    });
  };

  run('v2', '/wiki/api/v2', () => [
    { method: 'GET', path: '/wiki/api/v2/spaces?keys=DEV' },
    { method: 'GET', path: `/wiki/api/v2/spaces/${ids.space}` },
    { method: 'GET', path: `/wiki/api/v2/spaces/${ids.space}/pages` },
    { method: 'GET', path: `/wiki/api/v2/spaces/${ids.space}/operations` },
    { method: 'GET', path: `/wiki/api/v2/pages?space-id=${ids.space}&title=Conformance%20Child&body-format=storage` },
    { method: 'GET', path: `/wiki/api/v2/pages?limit=1` },
    {
      method: 'POST',
      path: '/wiki/api/v2/pages',
      body: {
        spaceId: ids.space,
        status: 'current',
        title: 'Conformance Created',
        body: { representation: 'storage', value: '<p>c</p>' },
      },
    },
    {
      method: 'GET',
      path: `/wiki/api/v2/pages/${ids.child}?body-format=storage&include-labels=true&include-properties=true&include-versions=true`,
    },
    {
      method: 'PUT',
      path: `/wiki/api/v2/pages/${ids.parent}`,
      body: {
        id: ids.parent,
        status: 'current',
        title: 'Conformance Parent',
        body: { representation: 'storage', value: '<p>p2</p>' },
        version: { number: 2, message: 'm' },
      },
    },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.parent}/direct-children` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.parent}/children` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.parent}/descendants` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/ancestors` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/versions` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/properties` },
    {
      method: 'POST',
      path: `/wiki/api/v2/pages/${ids.child}/properties`,
      body: { key: 'another', value: ['one', 'two'] },
    },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/properties/${ids.property}` },
    {
      method: 'PUT',
      path: `/wiki/api/v2/pages/${ids.child}/properties/${ids.property}`,
      body: { key: 'docgen', value: { hash: 'def' }, version: { number: 2 } },
    },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/labels` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.child}/attachments` },
    { method: 'GET', path: `/wiki/api/v2/attachments/att${ids.attachment}` },
    { method: 'DELETE', path: `/wiki/api/v2/attachments/att${ids.doomed}`, status: 204 },
    { method: 'DELETE', path: `/wiki/api/v2/attachments/att${ids.doomed}?purge=true`, status: 204 },
    {
      method: 'POST',
      path: '/wiki/api/v2/inline-comments',
      status: 201,
      body: {
        pageId: ids.child,
        body: { representation: 'storage', value: '<p>Is this right?</p>' },
        inlineCommentProperties: { textSelection: 'child', textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
      },
    },
    { method: 'GET', path: `/wiki/api/v2/inline-comments/${ids.comment}?body-format=storage` },
    { method: 'GET', path: `/wiki/api/v2/pages/${ids.parent}/inline-comments?body-format=storage` },
    {
      method: 'GET',
      path: `/wiki/api/v2/pages/${ids.parent}/inline-comments?resolution-status=open&resolution-status=reopened`,
    },
  ]);

  run('v1', '', () => [
    { method: 'GET', path: '/wiki/rest/api/user/current' },
    { method: 'GET', path: `/wiki/rest/api/search?cql=${encodeURIComponent('space = DEV and label = docgen')}` },
    {
      method: 'GET',
      path: `/wiki/rest/api/content/search?cql=${encodeURIComponent('ancestor = ' + ids.parent)}&expand=version`,
    },
    {
      method: 'GET',
      path: `/wiki/rest/api/content/search?cql=${encodeURIComponent('ancestor = ' + ids.parent + ' and type = page')}&limit=250&expand=${LIST_EXPAND}`,
    },
    {
      method: 'GET',
      path: `/wiki/rest/api/search?cql=${encodeURIComponent('ancestor = ' + ids.parent)}&expand=content.${LIST_EXPAND.replace(/,/g, ',content.')}`,
    },
    { method: 'PUT', path: `/wiki/rest/api/content/${ids.mover}/move/before/${ids.child}` },
    { method: 'PUT', path: `/wiki/rest/api/content/${ids.mover}/move/append/${ids.parent}` },
    { method: 'POST', path: `/wiki/rest/api/content/${ids.child}/label`, body: [{ prefix: 'global', name: 'more' }] },
    {
      method: 'POST',
      path: '/wiki/rest/api/content/archive',
      body: { pages: [{ id: Number(ids.archive) }] },
      status: 202,
    },
    { method: 'GET', path: '/wiki/rest/api/longtask/sandbox-archive-1' },
    {
      method: 'POST',
      path: `/wiki/rest/api/content/${ids.child}/child/attachment`,
      form: () => attachmentForm('b.txt', 'b'),
    },
    {
      method: 'PUT',
      path: `/wiki/rest/api/content/${ids.child}/child/attachment`,
      form: () => attachmentForm('b.txt', 'b2'),
    },
    {
      method: 'POST',
      path: `/wiki/rest/api/content/${ids.child}/child/attachment/${ids.attachment}/data`,
      form: () => attachmentForm('a.txt', 'a2'),
    },
  ]);

  // Cloud removed these GETs from the current v1 spec (v2 replaces them); the 2021 spec has them.
  run('v1Content', '', () => [
    { method: 'GET', path: '/wiki/rest/api/space?spaceKey=DEV' },
    { method: 'GET', path: '/wiki/rest/api/space/DEV?expand=homepage' },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}/version` },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}/label` },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}/child/attachment` },
    {
      method: 'POST',
      path: '/wiki/rest/api/content',
      body: {
        type: 'page',
        title: 'Conformance v1',
        space: { key: 'DEV' },
        ancestors: [{ id: ids.parent }],
        body: { storage: { value: '<p>v1</p>', representation: 'storage' } },
      },
    },
    {
      method: 'GET',
      path: `/wiki/rest/api/content/${ids.child}?expand=body.storage,version,ancestors,space,history,metadata.labels,children.page,container`,
    },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}?expand=${LIST_EXPAND}` },
    { method: 'GET', path: `/wiki/rest/api/content?spaceKey=DEV&title=Conformance%20Child&expand=${LIST_EXPAND}` },
    { method: 'GET', path: `/wiki/rest/api/content?spaceKey=DEV&title=Conformance%20Child&expand=version` },
    {
      method: 'PUT',
      path: `/wiki/rest/api/content/${ids.child}`,
      body: {
        type: 'page',
        title: 'Conformance Child',
        version: { number: 3 },
        body: { storage: { value: '<p>v3</p>', representation: 'storage' } },
      },
    },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.parent}/child?expand=page` },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.parent}/child/page` },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}/property` },
    { method: 'POST', path: `/wiki/rest/api/content/${ids.child}/property`, body: { key: 'v1prop', value: { a: 1 } } },
    { method: 'GET', path: `/wiki/rest/api/content/${ids.child}/property/v1prop` },
    {
      method: 'PUT',
      path: `/wiki/rest/api/content/${ids.child}/property/v1prop`,
      body: { key: 'v1prop', value: { a: 2 }, version: { number: 2 } },
    },
  ]);

  run('dc', '', () => [
    { method: 'GET', path: '/rest/api/space?spaceKey=DEV' },
    { method: 'GET', path: '/rest/api/space/DEV' },
    {
      method: 'POST',
      path: '/rest/api/content',
      body: {
        type: 'page',
        title: 'Conformance DC',
        space: { key: 'DEV' },
        ancestors: [{ id: ids.parent }],
        body: { storage: { value: '<p>dc</p>', representation: 'storage' } },
      },
    },
    { method: 'GET', path: `/rest/api/content/${ids.child}?expand=body.storage,version,ancestors,space,history` },
    { method: 'GET', path: '/rest/api/content?spaceKey=DEV&limit=2' },
    {
      method: 'PUT',
      path: `/rest/api/content/${ids.parent}`,
      body: {
        type: 'page',
        title: 'Conformance Parent',
        version: { number: 3 },
        body: { storage: { value: '<p>dc3</p>', representation: 'storage' } },
      },
    },
    { method: 'GET', path: `/rest/api/content/${ids.parent}/child?expand=page` },
    { method: 'GET', path: `/rest/api/content/${ids.parent}/child/page` },
    { method: 'GET', path: `/rest/api/content/${ids.child}/property` },
    { method: 'GET', path: `/rest/api/content/${ids.child}/property/docgen` },
    { method: 'GET', path: `/rest/api/content/${ids.child}/label` },
    { method: 'POST', path: `/rest/api/content/${ids.child}/label`, body: [{ prefix: 'global', name: 'dc' }] },
    { method: 'GET', path: `/rest/api/content/${ids.child}/child/attachment` },
    {
      method: 'POST',
      path: `/rest/api/content/${ids.child}/child/attachment`,
      form: () => attachmentForm('c.txt', 'c'),
    },
    { method: 'GET', path: `/rest/api/content/${ids.child}?expand=${LIST_EXPAND}` },
    { method: 'GET', path: `/rest/api/content?spaceKey=DEV&title=Conformance%20Child&expand=${LIST_EXPAND}` },
    {
      method: 'GET',
      path: `/rest/api/content/search?cql=${encodeURIComponent('ancestor = ' + ids.parent)}&limit=250&expand=${LIST_EXPAND}`,
    },
    {
      method: 'GET',
      path: `/rest/api/search?cql=${encodeURIComponent('ancestor = ' + ids.parent)}&expand=content.${LIST_EXPAND.replace(/,/g, ',content.')}`,
    },
    { method: 'DELETE', path: `/rest/api/content/${ids.parent}/child/attachment/${ids.doomedDc}`, status: 204 },
    { method: 'GET', path: `/rest/api/search?cql=${encodeURIComponent('label = docgen')}` },
    { method: 'GET', path: `/rest/api/content/search?cql=${encodeURIComponent('label = docgen')}` },
    { method: 'GET', path: '/rest/api/user/current' },
  ]);

  // `metadata.properties.<key>` as Confluence answers it: an object keyed by property key, only
  // the expanded keys, only where the content has them; each one a ContentProperty of the spec.
  const expansions = [
    { spec: 'v1' as const, schema: 'ContentProperty', root: '/wiki/rest/api' },
    { spec: 'dc' as const, schema: 'JsonContentProperty', root: '/rest/api' },
  ];
  it.each(expansions)('$spec: metadata.properties.<key> on content, list, content/search and search', async (e) => {
    const spec = new OpenApiSpec(files[e.spec]!);
    const cql = encodeURIComponent(`ancestor = ${ids.parent} and type = page`);
    const expand = `version,metadata.labels,metadata.properties.docgen`;
    const contentOf = async (path: string, inSearch = false) => {
      const reply = await api.get(path);
      expect(reply.status).toBe(200);
      const body = reply.body;
      return (body.results ? body.results.map((r: any) => (inSearch ? r.content : r)) : [body]) as any[];
    };
    const views = [
      await contentOf(`${e.root}/content/${ids.child}?expand=${expand}`),
      await contentOf(`${e.root}/content?spaceKey=DEV&title=Conformance%20Child&expand=${expand}`),
      await contentOf(`${e.root}/content/search?cql=${cql}&expand=${expand}`),
      await contentOf(`${e.root}/search?cql=${cql}&expand=${expand.replace(/^|,/g, (m) => m + 'content.')}`, true),
    ];
    for (const results of views) {
      const child = results.find((r) => r.id === ids.child);
      expect(child).toBeDefined();
      const property = child.metadata.properties.docgen;
      expect(property).toMatchObject({
        id: expect.any(String),
        key: 'docgen',
        version: { number: expect.any(Number) },
      });
      expect(property.value).toEqual(expect.objectContaining({ hash: expect.any(String) }));
      expect(spec.checkComponent(e.schema, property)).toEqual([]);
      // `another` exists on the page but was not asked for.
      expect(Object.keys(child.metadata.properties)).toEqual(['docgen']);
      expect(child.metadata._expandable.properties).toBeUndefined();
      for (const other of results.filter((r) => r.id !== ids.child)) expect(other.metadata.properties).toEqual({});
    }
    const plain = await api.get(`${e.root}/content/${ids.child}?expand=metadata.labels`);
    expect(plain.body.metadata.properties).toBeUndefined();
  });

  it('content/search honours limit 250 without a body expansion, 200 with one', async () => {
    const cql = encodeURIComponent('type = page');
    for (const root of ['/wiki/rest/api', '/rest/api']) {
      expect((await api.get(`${root}/content/search?cql=${cql}&limit=250`)).body.limit).toBe(250);
      expect(
        (await api.get(`${root}/content/search?cql=${cql}&limit=250&expand=metadata.properties.docgen`)).body.limit,
      ).toBe(250);
      expect((await api.get(`${root}/search?cql=${cql}&limit=250`)).body.limit).toBe(250);
      expect((await api.get(`${root}/content/search?cql=${cql}&limit=250&expand=body.storage`)).body.limit).toBe(200);
    }
  });
});
