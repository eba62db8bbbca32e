import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  embeddedLines,
  sourceOfPageLine,
  anchorSlug,
  DocgenError,
  pageKey,
  parentsFirst,
  readRenderedTree,
  validatePageTree,
  writeRenderedTree,
  type Page,
} from '@docgen/core';

const page = (key: string, title: string, parentKey?: string): Page => ({
  key,
  title,
  parentKey,
  labels: [],
  markdown: `# ${title}\n`,
  attachments: [],
});

describe('page tree', () => {
  it('builds safe keys', () => {
    expect(pageKey('API', 'Pets & Owners', 'Café')).toBe('api/pets-owners/cafe');
    expect(pageKey('-x-', 'a - b', 'v1.2_beta', 'Straße', '!!')).toBe('x/a---b/v1.2_beta/stra-e/_'); // as they always were
  });

  it('keeps the letters of scripts other than Latin, so such titles get keys and anchors of their own', () => {
    expect(pageKey('API', 'پتشاپ', 'فروشگاه')).toBe('api/پتشاپ/فروشگاه');
    expect(pageKey('注文 API')).toBe('注文-api');
    expect(pageKey('한국어')).toBe('한국어'); // composed again after the accents are dropped
    expect(anchorSlug('GET /سفارش/{id}')).toBe('get-سفارش-id');
    expect(anchorSlug('پت')).not.toBe(anchorSlug('کاربر'));
    expect(anchorSlug('→ ★')).toBe('section'); // symbols are not letters
  });

  it('rejects duplicate titles ignoring case, dangling parents and cycles', () => {
    expect(() => validatePageTree({ pages: [page('a', 'Pets'), page('b', 'pets')] })).toThrow(/same title/);
    expect(() => validatePageTree({ pages: [page('a', 'A', 'zzz')] })).toThrow(DocgenError);
    expect(() => validatePageTree({ pages: [page('a', 'A', 'b'), page('b', 'B', 'a')] })).toThrow(/own ancestor/);
  });

  it('says which parent key a misspelt one was meant to be, else which top pages there are', () => {
    const parentError = (parentKey: string) => {
      try {
        validatePageTree({
          pages: [page('api/travel-recommender', 'API'), page('adr', 'ADRs'), page('routes', 'Routes', parentKey)],
        });
      } catch (error) {
        return error as DocgenError;
      }
      throw new Error('expected DG_TREE_PARENT');
    };
    const typo = parentError('api/travel-recomender');
    expect(typo.code).toBe('DG_TREE_PARENT');
    expect(typo.hint).toMatch(
      /^did you mean "api\/travel-recommender"\? set parent to a page key of an earlier source/,
    );
    expect(parentError('catalog').hint).toMatch(/^the top pages are: api\/travel-recommender, adr; set parent/);
  });

  it('orders parents before children', () => {
    const ordered = parentsFirst([page('c', 'C', 'b'), page('b', 'B', 'a'), page('a', 'A')]);
    expect(ordered.map((p) => p.key)).toEqual(['a', 'b', 'c']);
  });

  it('round-trips through a rendered folder with attachments', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'docgen-core-')), 'out');
    const root = {
      ...page('api', 'API'),
      storage: '<p>API</p>',
      attachments: [
        {
          fileName: 'spec.yaml',
          mediaType: 'application/yaml',
          contentHash: '',
          data: Buffer.from('openapi: 3.1.0\n'),
        },
      ],
    };
    await writeRenderedTree(dir, { pages: [root, page('api/pets', 'Pets', 'api')] }, { name: 'test', version: '0' });
    const { tree, manifest } = await readRenderedTree(dir);
    expect(manifest.pages.map((p) => p.key)).toEqual(['api', 'api/pets']);
    expect(tree.pages[0]!.storage).toBe('<p>API</p>');
    expect(tree.pages[1]!.parentKey).toBe('api');
    const attachment = tree.pages[0]!.attachments[0]!;
    expect(await readFile(attachment.path!, 'utf8')).toBe('openapi: 3.1.0\n');
    expect(attachment.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names each page's source file from the working folder, so the manifest reads the same on every machine", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-core-'));
    const spec = join(process.cwd(), 'services', 'catalog', 'openapi.yaml');
    const pages = [
      { ...page('api', 'API'), source: { plugin: 'openapi', file: spec } },
      { ...page('api/pets', 'Pets', 'api'), source: { plugin: 'in-house', file: 'given/as/is.md' } },
    ];
    const manifest = await writeRenderedTree(dir, { pages }, { name: 'test', version: '0' });
    expect(manifest.pages.map((p) => p.source)).toEqual([
      { plugin: 'openapi', file: 'services/catalog/openapi.yaml' },
      { plugin: 'in-house', file: 'given/as/is.md' },
    ]);
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).pages[0].source.file).toBe(
      'services/catalog/openapi.yaml',
    );
  });

  it('keeps the doc set and whether the tree is some of its sources; an older manifest’s `partial: true` is some plugins', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'docgen-core-')), 'out');
    const tree = {
      pages: [page('api', 'API')],
      docSet: 'github.com/acme/shop',
      partial: 'flags' as const,
      filesComparable: true,
    };
    await writeRenderedTree(dir, tree, { name: 'test', version: '0' });
    const read = (await readRenderedTree(dir)).tree;
    expect([read.docSet, read.partial, read.filesComparable]).toEqual(['github.com/acme/shop', 'flags', true]);
    const file = join(dir, 'manifest.json');
    const { filesComparable: _, ...manifest } = JSON.parse(await readFile(file, 'utf8'));
    for (const [written, partial, comparable] of [
      [true, 'plugins', undefined],
      ['files', 'flags', true],
    ] as const) {
      await writeFile(file, JSON.stringify({ ...manifest, partial: written }));
      const older = (await readRenderedTree(dir)).tree;
      expect([older.partial, older.filesComparable]).toEqual([partial, comparable]);
    }
  });

  it('explains a missing manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-core-'));
    await expect(readRenderedTree(dir)).rejects.toMatchObject({ code: 'DG_RENDERED_MISSING' });
  });
});

describe('embedded lines', () => {
  it("map a page's line back to the author's file and line, and only inside the stretch", () => {
    const body = 'First line.\n\nA [link](./x.md).\n';
    const markdown = `| Status | Accepted |\n| --- | --- |\n\n${body}`;
    const embedded = embeddedLines(markdown, body, '/adr/0001-x.md', [9, 10, 11]);
    expect(embedded).toEqual({ file: '/adr/0001-x.md', from: 4, lines: [9, 10, 11] });
    expect(sourceOfPageLine({ embedded }, 6)).toEqual({ file: '/adr/0001-x.md', line: 11 });
    expect(sourceOfPageLine({ embedded }, 2)).toBeUndefined(); // the template's own table
    expect(sourceOfPageLine({}, 6)).toBeUndefined();
    expect(embeddedLines(markdown, 'not on the page', '/adr/0001-x.md', [1])).toBeUndefined();
  });
});
