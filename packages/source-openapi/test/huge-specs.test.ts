import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { extractApi } from '../src/extract.js';
import { loadSpec } from '../src/load.js';
import { SchemaRegistry } from '../src/schemas.js';
import type { ApiModel, Operation } from '../src/model.js';

/** Generated specs the size of Microsoft Graph's (thousands of schemas, each reached by many paths). */
async function modelOf(spec: object): Promise<ApiModel> {
  const file = join(await mkdtemp(join(tmpdir(), 'docgen-huge-')), 'openapi.json');
  await writeFile(file, JSON.stringify(spec));
  return extractApi(await loadSpec(file));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const returning = (schema: object) => ({
  responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } },
});
const operation = (api: ApiModel, id: string): Operation =>
  api.tags.flatMap((tag) => tag.operations).find((o) => o.operationId === id)!;
const responseExample = (api: ApiModel, id: string) =>
  JSON.parse(operation(api, id).responses[0]!.contents[0]!.example!) as Record<string, unknown>;

afterEach(() => jest.restoreAllMocks());

describe('examples of a spec whose schemas are reached by many paths', () => {
  it("are built once per schema and depth, not once per path: the work grows with the schemas, not the paths' number", async () => {
    // Each schema refers to the next three, in a ring: from any of them, the paths five levels deep
    // number 3^5; a path-keyed memo built each schema's example again for each (Graph: ~465,000).
    const count = 300;
    const name = (i: number) => `Node${i % count}`;
    const schemas = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        name(i),
        {
          type: 'object',
          properties: {
            id: { type: 'string' },
            next: ref(name(i + 1)),
            skip: ref(name(i + 2)),
            jump: ref(name(i + 3)),
          },
        },
      ]),
    );
    const paths = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `/nodes/${i}`,
        { get: { operationId: `get${i}`, ...returning(ref(name(i))) } },
      ]),
    );
    const built = jest.spyOn(SchemaRegistry.prototype, 'example');
    const api = await modelOf({
      openapi: '3.0.3',
      info: { title: 'Ring', version: '1' },
      paths,
      components: { schemas },
    });

    // Every schema's example is built at a handful of depths and depth bounds, a few times over.
    expect(built.mock.calls.length).toBeLessThan(count * 400);
    // …and is still the whole example: five levels of references, the same from every operation.
    const first = responseExample(api, 'get0');
    expect(first).toMatchObject({ id: 'string', next: { next: { next: { next: { id: 'string' } } } } });
    expect(responseExample(api, 'get200')).toEqual(first);
    expect(api.schemas).toHaveLength(count);
  });

  it('a schema reached again through a cycle is cut on one path and shown whole on another, at the same depth', async () => {
    // `Tree` is reached at depth 1 from both operations: below `Node` its `node` leads back to the
    // path (left out), below `Forest` it does not (shown). Reusing either for the other is wrong.
    const api = await modelOf({
      openapi: '3.0.3',
      info: { title: 'Cycles', version: '1' },
      paths: {
        '/node': { get: { operationId: 'getNode', ...returning(ref('Node')) } },
        '/forest': { get: { operationId: 'getForest', ...returning(ref('Forest')) } },
        '/node-again': { get: { operationId: 'getNodeAgain', ...returning(ref('Node')) } },
      },
      components: {
        schemas: {
          Node: { type: 'object', properties: { label: { type: 'string' }, tree: ref('Tree') } },
          Forest: { type: 'object', properties: { size: { type: 'integer' }, tree: ref('Tree') } },
          Tree: { type: 'object', properties: { height: { type: 'integer' }, node: ref('Node') } },
        },
      },
    });
    expect(responseExample(api, 'getNode')).toEqual({ label: 'string', tree: { height: 0 } });
    expect(responseExample(api, 'getForest')).toEqual({
      size: 0,
      tree: { height: 0, node: { label: 'string' } },
    });
    expect(responseExample(api, 'getNodeAgain')).toEqual(responseExample(api, 'getNode'));
  });
});
