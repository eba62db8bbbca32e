import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer, validatePageTree } from '@docgen/core';
import source, { erdDot, erdSvg, extractPrisma, renderPrisma } from '@docgen/source-prisma';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });

describe('data-model pages', () => {
  it("closes raw HTML a model's documentation leaves open, before the page's own tables", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-html-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      'datasource db {\n  provider = "postgresql"\n}\n\n/// Stored as:\n/// <pre> {\n///   "id": 1\n/// }\n/// </pre> or <pre> {\n///   "id": 2\nmodel Item {\n  id Int @id\n}\n',
    );
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: dir });
    const item = tree.pages.find((page) => page.key === 'data-model/model/item')!.markdown;
    expect(item.indexOf('\n</pre>\n')).toBeGreaterThan(item.indexOf('"id": 2'));
    expect(item.indexOf('\n</pre>\n')).toBeLessThan(item.indexOf('| Defined in |'));
  });

  it("nests a model's and an enum's documentation headings under the page's own", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-headings-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      'datasource db {\n  provider = "postgresql"\n}\n\n/// # Lifecycle\n/// Items are soft-deleted.\nmodel Item {\n  id Int @id\n  state State\n}\n\n/// # Meaning\n/// Where an item is.\nenum State {\n  DRAFT\n  LIVE\n}\n',
    );
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((candidate) => candidate.key === key)!.markdown;
    expect(page('data-model/model/item').match(/^#+ .*$/gm)![0]).toBe('## Lifecycle');
    expect(
      page('data-model/enums')
        .match(/^#+ .*$/gm)!
        .slice(0, 2),
    ).toEqual(['## State', '### Meaning']);
  });

  it('an overview, a page per model and an enums page, with stable keys and unique titles', async () => {
    const tree = renderPrisma(await extractPrisma(join(fixtures, 'blog.prisma')), templates, { cwd: fixtures });
    validatePageTree(tree);
    expect(tree.pages.map((page) => [page.key, page.title, page.parentKey ?? null])).toEqual([
      ['data-model', 'Data model', null],
      ['data-model/model/user', 'Data model: User', 'data-model'],
      ['data-model/model/profile', 'Data model: Profile', 'data-model'],
      ['data-model/model/post', 'Data model: Post', 'data-model'],
      ['data-model/model/tag', 'Data model: Tag', 'data-model'],
      ['data-model/model/follow', 'Data model: Follow', 'data-model'],
      ['data-model/enums', 'Data model: Enums', 'data-model'],
    ]);
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('data-model')).toContain(
      'The database schema of this system (postgresql), from `blog.prisma`: 5 models and 1 enum.',
    );
    expect(page('data-model')).toContain(
      '| [Post](./data-model__model__post.md) | `tags` | m:n | [Tag](./data-model__model__tag.md) (`posts`) | join table |  |',
    );
    expect(page('data-model')).toContain(
      '| [User](./data-model__model__user.md) | `users` | 6 | Someone who writes. |',
    );
    const user = page('data-model/model/user');
    expect(user).toContain('| Defined in | `blog.prisma` line 13 |');
    expect(user).toContain('| `role` | [Role](./data-model__enums.md#enum-role) | `READER` |  |  |');
    expect(user).toContain('| `name` | `String`? |  |  | Shown on posts. |');
    expect(user).toContain('| `posts` | 1:n | [Post](./data-model__model__post.md) (`author`) | authorId → id |  |');
    const post = page('data-model/model/post');
    expect(post).toContain('| unique | `authorId`, `slug` | `one_slug_per_author` |');
    expect(post).toContain('| `author` | [User](./data-model__model__user.md) |  | foreign key authorId → id |  |');
    expect(page('data-model/model/follow')).toContain('| Primary key | `followerId`, `followeeId` |');
    expect(page('data-model/model/profile')).toContain('| `userId` | `String` |  | primary key, column user_id |  |');
    const enums = page('data-model/enums');
    expect(enums).toContain('::anchor[enum-role]\n\n## Role');
    expect(enums).toContain('| `AUTHOR` | `writer` |');
    expect(enums).toContain('Used by [User](./data-model__model__user.md).');
  });

  it('takes the title, key and labels from the options', async () => {
    const tree = renderPrisma(await extractPrisma(join(fixtures, 'blog.prisma')), templates, {
      title: 'Blog schema',
      key: 'blog-db',
      labels: ['team-blog'],
    });
    expect(tree.pages[1]).toMatchObject({
      key: 'blog-db/model/user',
      title: 'Blog schema: User',
      labels: ['data-model', 'team-blog', 'prisma-model'],
    });
  });

  it('draws the entity-relationship diagram with Graphviz and attaches it to the overview', async () => {
    const model = await extractPrisma(join(fixtures, 'blog.prisma'));
    const dot = erdDot(model);
    expect(dot).toContain('"Post" -> "User" [label="n:1 (authorId)"];');
    expect(dot).toContain('"Post" -> "Tag" [label="m:n", dir=both];');
    expect(dot).toContain('<TD ALIGN="LEFT">PK</TD><TD ALIGN="LEFT">id</TD>');
    const svg = await erdSvg(model);
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    for (const name of ['User', 'Profile', 'Post', 'Tag', 'Follow']) expect(svg).toContain(`>${name}</text>`);
    expect(await erdSvg(model)).toBe(svg); // the same model, the same bytes: no re-upload
    const tree = renderPrisma(model, templates, { erd: svg });
    expect(tree.pages[0]!.attachments).toEqual([
      expect.objectContaining({
        fileName: 'erd.svg',
        mediaType: 'image/svg+xml',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(tree.pages[0]!.markdown).toContain(
      '![Entity-relationship diagram of the models and their relations](./erd.svg)',
    );
  });

  it('links only to pages of the tree, for every fixture (MongoDB composite types included)', async () => {
    for (const schema of ['blog.prisma', 'mongo.prisma']) {
      const tree = renderPrisma(await extractPrisma(join(fixtures, schema)), templates, {});
      const files = new Set(tree.pages.map((page) => `${page.key.replace(/\//g, '__')}.md`));
      const links = tree.pages.flatMap((page) =>
        [...page.markdown.matchAll(/\]\(\.\/([^)#]+\.md)/g)].map((match) => match[1]!),
      );
      expect(links.length).toBeGreaterThan(3);
      expect([schema, links.filter((link) => !files.has(link))]).toEqual([schema, []]);
    }
    const mongo = renderPrisma(await extractPrisma(join(fixtures, 'mongo.prisma')), templates, {});
    const address = mongo.pages.find((page) => page.key === 'data-model/model/address')!;
    expect(address.markdown).toContain('composite type (embedded in the documents that use it; no table of its own)');
    expect(mongo.pages.find((page) => page.key === 'data-model/model/customer')!.markdown).toContain(
      '| `address` | [Address](./data-model__model__address.md)? |  | embedded |  |',
    );
    expect(erdDot(await extractPrisma(join(fixtures, 'mongo.prisma')))).toContain(
      '"Customer" -> "Address" [label="embeds (address)", style=dashed];',
    );
  });
});
