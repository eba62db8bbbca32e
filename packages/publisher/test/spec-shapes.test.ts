import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { sharedFile } from '@docgen/test-support';
import { connect, Publisher } from '../src/index.js';
import { makeTree, testSandbox, TOKEN, USER, type TestSandbox } from './helpers.js';

/**
 * Every request body the publisher sends must fit the official spec's request schema for that
 * method and path: Cloud v2 for pages and properties, Cloud v1 for labels and archive, Data
 * Center 10.0.3 for everything on the DC dialect.
 */
const specFiles = {
  v2: sharedFile('confluence-specs/cloud-v2-openapi-v2.v3.json'),
  v1: sharedFile('confluence-specs/cloud-v1-swagger.v3.json'),
  dc: sharedFile('confluence-specs/dc-10.0.3.swagger.v3.json'),
};
const haveSpecs = Boolean(specFiles.v2 && specFiles.v1 && specFiles.dc);

interface Recorded {
  method: string;
  path: string;
  body?: unknown;
  form: boolean;
  headers: Record<string, string>;
}

function recordingFetch(into: Recorded[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') {
      const form = init?.body instanceof FormData;
      into.push({
        method,
        path: url.pathname,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        form,
        headers: Object.fromEntries(
          Object.entries((init?.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        ),
      });
    }
    return fetch(input, init);
  };
}

type Spec = {
  paths: Record<string, Record<string, { requestBody?: { $ref?: string; content?: Record<string, unknown> } }>>;
};

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The schema ref for the JSON request body of `method path`, or why there is none. */
function requestSchemaRef(specId: string, spec: Spec, method: string, path: string): string | { missing: string } {
  const candidates = Object.keys(spec.paths)
    .filter((template) =>
      new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(path),
    )
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const template = candidates.find((t) => spec.paths[t][method.toLowerCase()]);
  if (!template) return { missing: `${method} ${path} is not an operation of ${specId}` };
  const body = spec.paths[template][method.toLowerCase()].requestBody;
  if (!body) return { missing: `${method} ${template} takes no request body in ${specId}` };
  if (body.$ref) return `${specId}#${body.$ref.slice(1)}/content/application~1json/schema`;
  return `${specId}#/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}`;
}

const maybe = haveSpecs ? describe : describe.skip;

maybe('request bodies match the official specs', () => {
  let sandbox: TestSandbox;
  let ajv: Ajv;
  const specs: Record<string, Spec> = {};

  beforeAll(async () => {
    sandbox = await testSandbox();
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, validateSchema: false });
    for (const [id, file] of Object.entries(specFiles)) {
      // The v2 spec's page body is `oneOf: [PageBodyWrite, PageNestedBodyWrite]`, two open objects
      // with only optional properties, so no value can match exactly one. Read it as anyOf and
      // check the flat storage body against PageBodyWrite on its own below.
      specs[id] = JSON.parse(readFileSync(file!, 'utf8').replace(/"oneOf":/g, '"anyOf":')) as Spec;
      ajv.addSchema(specs[id] as object, id);
    }
  });
  afterAll(() => sandbox.close());

  it.each([
    ['cloud', '/wiki'],
    ['datacenter', ''],
  ])('%s dialect', async (dialect, path) => {
    const recorded: Recorded[] = [];
    const base = {
      url: `${sandbox.url}${path}`,
      user: USER,
      token: TOKEN,
      spaceKey: 'DEV',
      generator: { name: 'test', version: '1' },
      transport: { fetch: recordingFetch(recorded) },
    };
    const prefix = `spec${dialect}`;
    const tree = makeTree(15, { prefix });
    await new Publisher(base).publish(tree);
    const changed = makeTree(15, {
      prefix,
      edit: (p) =>
        p.key.endsWith('/p7')
          ? {
              ...p,
              title: `${p.title} renamed`,
              labels: ['api', 'extra'],
              markdown: 'changed',
              attachments: p.attachments.map((a) => ({
                ...a,
                data: new TextEncoder().encode('<svg/>'),
                contentHash: 'f'.repeat(64),
              })),
            }
          : p.key.endsWith('/p14')
            ? { ...p, attachments: [] } // a stale attachment to delete
            : p.key.endsWith('/p3')
              ? { ...p, position: -1 } // a page to move (Cloud)
              : p,
    });
    await new Publisher(base)
      .publish({ pages: changed.pages.filter((p) => !p.key.endsWith('/p9')) })
      .then((r) => expect(r.ok).toBe(true));
    await new Publisher({ ...base, prune: true }).publish({
      pages: changed.pages.filter((p) => !p.key.endsWith('/p9')),
    });

    const problems: string[] = [];
    const seen = new Set<string>();
    for (const request of recorded) {
      let specId: string;
      let specPath = request.path;
      if (request.path.startsWith('/wiki/api/v2/')) {
        specId = 'v2';
        specPath = request.path.slice('/wiki/api/v2'.length);
      } else if (request.path.startsWith('/wiki/rest/api/')) specId = 'v1';
      else specId = 'dc';
      seen.add(`${request.method} ${specPath.replace(/\d+/g, '{id}')}`);
      if (request.form) {
        if (request.headers['x-atlassian-token'] !== 'no-check')
          problems.push(`${request.method} ${request.path}: multipart upload without X-Atlassian-Token: no-check`);
        continue;
      }
      if (request.body === undefined) {
        // No body to check; the operation itself must be one the spec lists.
        const ref = requestSchemaRef(specId, specs[specId], request.method, specPath);
        if (typeof ref !== 'string' && /is not an operation/.test(ref.missing)) problems.push(ref.missing);
        continue;
      }
      const ref = requestSchemaRef(specId, specs[specId], request.method, specPath);
      if (typeof ref !== 'string') {
        problems.push(ref.missing);
        continue;
      }
      const validate = ajv.getSchema(ref);
      if (!validate) {
        problems.push(`no schema at ${ref}`);
        continue;
      }
      if (!validate(request.body))
        problems.push(
          `${request.method} ${request.path}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(request.body).slice(0, 200)}`,
        );
      const pageBody =
        specId === 'v2' && /^\/pages(\/\d+)?$/.test(specPath) ? (request.body as { body?: unknown }).body : undefined;
      if (pageBody !== undefined) {
        const flat = ajv.getSchema('v2#/components/schemas/PageBodyWrite')!;
        if (!flat(pageBody) || (pageBody as { representation?: string }).representation !== 'storage') {
          problems.push(
            `${request.method} ${request.path}: body is not a storage PageBodyWrite: ${ajv.errorsText(flat.errors)}`,
          );
        }
      }
    }
    console.log(`${dialect}: ${recorded.length} writes checked; operations: ${[...seen].sort().join(', ')}`);
    expect(problems).toEqual([]);
    expect(recorded.length).toBeGreaterThan(20);
  });
});

/** The property names a JSON request body schema lists (allOf and $ref followed). */
function bodyFields(spec: Spec, method: string, path: string): string[] {
  type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[] };
  const resolve = (schema: Schema): Schema =>
    schema.$ref
      ? resolve(
          schema.$ref
            .slice(2)
            .split('/')
            .reduce<unknown>((x, key) => (x as Record<string, unknown>)[key], spec) as Schema,
        )
      : schema;
  let body = spec.paths[path]?.[method]?.requestBody as Schema & { content?: Record<string, { schema: Schema }> };
  if (!body) return [];
  body = resolve(body) as typeof body;
  const fields = (schema: Schema): string[] => {
    const resolved = resolve(schema);
    return [...Object.keys(resolved.properties ?? {}), ...(resolved.allOf ?? []).flatMap(fields)];
  };
  return fields(body.content!['application/json']!.schema);
}

/**
 * Why a new page costs three writes on Cloud, and why nobody should try to make it fewer without
 * a new spec; and how Cloud's trash and archive are asked in one read: measured against the
 * sandbox, and read from the official specs themselves.
 */
maybe("Cloud's request counts: the fewest the official specs allow", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  it('create, labels, property: one each per page (no attachments), and the specs offer no way to merge them', async () => {
    const tree = makeTree(15, { prefix: 'threewrites', edit: (p) => ({ ...p, attachments: [] }) });
    const since = await sandbox.lastSeq();
    const result = await new Publisher({
      url: `${sandbox.url}/wiki`,
      user: USER,
      token: TOKEN,
      spaceKey: 'DEV',
    }).publish(tree);
    expect(result.counts.created).toBe(15);
    const writes = (await sandbox.requests(since))
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path.replace(/\/\d+\//, '/{id}/')}`);
    const perKind = Object.fromEntries([...new Set(writes)].map((w) => [w, writes.filter((x) => x === w).length]));
    expect(perKind).toEqual({
      'POST /wiki/api/v2/pages': 15,
      'POST /wiki/rest/api/content/{id}/label': 15,
      'POST /wiki/api/v2/pages/{id}/properties': 15,
    });

    const v2 = JSON.parse(readFileSync(specFiles.v2!, 'utf8')) as Spec;
    const v1 = JSON.parse(readFileSync(specFiles.v1!, 'utf8')) as Spec;
    // v2's page create takes the page only: no labels, no properties, no metadata.
    expect(bodyFields(v2, 'post', '/pages').sort()).toEqual([
      'body',
      'parentId',
      'spaceId',
      'status',
      'subtype',
      'title',
    ]);
    // v2 has no label write at all, and properties one at a time per page (no bulk write).
    const v2Writes = Object.entries(v2.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put'].includes(m))
        .map((m) => `${m} ${path}`),
    );
    expect(v2Writes.filter((w) => /label/i.test(w))).toEqual([]);
    expect(v2Writes.filter((w) => /^post \/pages\/[^/]+\/properties$/.test(w))).toEqual([
      'post /pages/{page-id}/properties',
    ]);
    // v1's create is gone from the current Cloud v1 spec (the 2021 one's documented no `metadata` either).
    expect(v1.paths['/wiki/rest/api/content']?.post).toBeUndefined();
    expect(Object.keys(v1.paths['/wiki/rest/api/content/{id}/label'] ?? {})).toContain('post');
  });

  // Cloud keeps a reserved title in the trash or the archive; v2's page listing documents its
  // `status` filter as an array (no `style`: OpenAPI's default for a query, the key repeated), so
  // the publisher asks both in one read instead of one read a status.
  it('status is an array parameter taking trashed and archived; the look-up sends both in one request', async () => {
    type Parameter = {
      name: string;
      in: string;
      style?: string;
      explode?: boolean;
      schema: { type: string; items: { enum: string[] } };
    };
    const v2 = JSON.parse(readFileSync(specFiles.v2!, 'utf8')) as {
      paths: Record<string, { get: { parameters: Parameter[] } }>;
    };
    const status = v2.paths['/pages']!.get.parameters.find((p) => p.name === 'status')!;
    expect([status.in, status.schema.type, status.style, status.explode]).toEqual([
      'query',
      'array',
      undefined,
      undefined,
    ]);
    expect(status.schema.items.enum).toEqual(expect.arrayContaining(['trashed', 'archived']));

    const api = await connect({ url: `${sandbox.url}/wiki`, user: USER, token: TOKEN });
    const space = await api.getSpace('DEV');
    const since = await sandbox.lastSeq();
    await api.findRetiredTitles(space, ['Nowhere']);
    await api.findRetiredByTitle(space, 'Nowhere');
    const reads = await sandbox.requests(since);
    expect(reads.map((r) => [r.path, new URLSearchParams(r.query).getAll('status')])).toEqual([
      ['/wiki/api/v2/pages', ['trashed', 'archived']],
      ['/wiki/api/v2/pages', ['trashed', 'archived']],
    ]);
  });
});

if (!haveSpecs) {
  describe('request bodies match the official specs', () => {
    it.skip('needs ../shared/confluence-specs (see the printed reason)', () => undefined);
  });
}
