import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { createTemplateRenderer } from '@docgen/core';
import source, { extractApi, loadSpec, renderApi, type ApiModel } from '@docgen/source-openapi';

/** OpenAPI 3.1 schemas written as JSON Schema 2020-12: what the field tables say of its keywords. */

/** Files written here (`openapi.yaml` first, the root), then the model of the spec. */
async function modelOf(files: Record<string, string[]>): Promise<ApiModel> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-openapi-'));
  for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
  return extractApi(await loadSpec(join(dir, 'openapi.yaml')));
}

const spec = (schemas: string[], paths: string[] = ['paths: {}']): string[] => [
  'openapi: 3.1.0',
  'info: { title: Trees, version: "1" }',
  ...paths,
  'components:',
  '  schemas:',
  ...schemas,
];

function schemasPage(api: ApiModel): string {
  return renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages.find((p) =>
    p.key.endsWith('/schemas'),
  )!.markdown;
}

describe('$dynamicRef and $anchor', () => {
  it('resolve to the schema carrying the anchor: a recursive tree links to itself, marked circular', async () => {
    const api = await modelOf({
      'openapi.yaml': spec([
        '    TagTree:',
        '      $dynamicAnchor: node',
        '      type: object',
        '      properties:',
        '        label: { type: string }',
        '        children: { type: array, items: { $dynamicRef: "#node" } }',
        '    Category:',
        '      $anchor: category',
        '      type: object',
        '      properties:',
        '        name: { type: string }',
        '        parent: { $ref: "#category" }',
        '        shelf: { $ref: "shelf.yaml#shelf" }',
      ]),
      'shelf.yaml': ['$anchor: shelf', 'type: object', 'properties:', '  row: { type: integer }'],
    });
    const byName = Object.fromEntries(api.schemas.map((s) => [s.name, s]));
    expect(byName.TagTree!.cycle).toEqual(['TagTree', 'TagTree']);
    expect(byName.TagTree!.fields.find((f) => f.name === 'children')).toMatchObject({
      circular: true,
      type: { kind: 'array', items: { kind: 'ref', name: 'TagTree', circular: true } },
    });
    expect(JSON.parse(byName.TagTree!.example!)).toEqual({ label: 'string', children: [] });
    expect(byName.Category!.cycle).toEqual(['Category', 'Category']);
    expect(byName.Category!.fields.map((f) => [f.name, f.type.kind === 'ref' && f.type.name, f.circular])).toEqual([
      ['name', false, false],
      ['parent', 'Category', true],
      ['shelf', 'shelf', false],
    ]);
    const page = schemasPage(api);
    expect(page).toContain('| `children` | array of [TagTree](#schema-tagtree) ↻ | no | ↻ _circular reference_ |');
    expect(page).toContain('| `parent` | [Category](#schema-category) ↻ | no | ↻ _circular reference_ |');
  });

  it('an anchor no schema carries is a dangling $ref, with its line', async () => {
    const error = await docgenFailure(
      modelOf({
        'openapi.yaml': spec([
          '    Leaf:',
          '      type: object',
          '      properties:',
          '        next: { $ref: "#nowhere" }',
        ]),
      }),
    );
    expect(error.code).toBe('DG_OPENAPI_DANGLING_REF');
    expect(error.message).toMatch(/no schema with \$anchor or \$dynamicAnchor "nowhere"/);
    expect(error.location?.line).toBe(9);
  });
});

describe('type arrays', () => {
  it('read "string or integer", in a parameter as in a field, with "or null" last', async () => {
    const api = await modelOf({
      'openapi.yaml': spec(
        ['    Track:', '      type: object', '      properties:', '        id: { type: [string, integer, "null"] }'],
        [
          'paths:',
          '  /tracks/{id}:',
          '    get:',
          '      operationId: getTrack',
          '      parameters:',
          '        - { name: id, in: path, required: true, schema: { type: [string, integer] } }',
          '      responses:',
          '        "200":',
          '          description: The track',
          '          content:',
          '            application/json:',
          '              schema: { $ref: "#/components/schemas/Track" }',
        ],
      ),
    });
    const pages = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
    const operations = pages.find((p) => p.markdown.includes('## GET /tracks/{id}'))!.markdown;
    expect(operations).toContain('| `id` | path | string or integer | yes |  |');
    expect(schemasPage(api)).toContain('| `id` | string or integer or null | no |  |');
  });
});
