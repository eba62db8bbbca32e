import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PageTree } from '@docgen/core';
import { Publisher } from '../src/index.js';
import { humanPage, isWrite, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * A title prefix (`--confluence-prefix`) renames every page docgen publishes; the links between
 * those pages name their target by title (`<ri:page ri:content-title>`), so they must carry the
 * prefix too, or every one of them points at a page that does not exist.
 */
const dialects = [
  { name: 'cloud', path: '/wiki' },
  { name: 'datacenter', path: '' },
] as const;

/** Link markup as the OpenAPI plugin writes it: a link to a page, with and without an anchor. */
const link = (title: string, text: string, anchor?: string) =>
  `<ac:link${anchor ? ` ac:anchor="${anchor}"` : ''}><ri:page ri:content-title="${title}" />` +
  `<ac:plain-text-link-body><![CDATA[${text}]]></ac:plain-text-link-body></ac:link>`;

function petstore(): PageTree {
  const source = { plugin: 'openapi', file: 'petstore.yaml' };
  return {
    pages: [
      {
        key: 'api/petstore',
        title: 'Petstore',
        labels: [],
        markdown: '',
        storage:
          `<table><tbody><tr><td>${link('Petstore: pets &amp; owners', 'pets &amp; owners')}</td></tr>` +
          `<tr><td>${link('Petstore: Schemas', 'Schemas')}</td></tr></tbody></table>` +
          `<p>Policies: ${link('Team handbook', 'handbook')}</p>`,
        attachments: [],
        source,
      },
      {
        key: 'api/petstore/tag/pets',
        title: 'Petstore: pets & owners',
        parentKey: 'api/petstore',
        labels: [],
        markdown: '',
        storage: `<p>Returns a ${link('Petstore: Schemas', 'Pet', 'schema-pet')}.</p>`,
        attachments: [],
        source,
      },
      {
        key: 'api/petstore/schemas',
        title: 'Petstore: Schemas',
        parentKey: 'api/petstore',
        labels: [],
        markdown: '',
        storage: '<h2>Pet</h2><p>A pet.</p>',
        attachments: [],
        source,
      },
    ],
  };
}

describe.each(dialects)('a title prefix ($name)', ({ path }) => {
  let sandbox: TestSandbox;
  let homepage: string;

  beforeAll(async () => {
    sandbox = await testSandbox();
    homepage = (await sandbox.api<{ homepage: { id: string } }>('GET', '/rest/api/space/DEV?expand=homepage')).body
      .homepage.id;
  });
  afterAll(() => sandbox.close());

  /** The titles the page's links name, as stored in Confluence. */
  async function linkedTitles(pageId: string): Promise<string[]> {
    const page = await sandbox.api<{ body: { storage: { value: string } } }>(
      'GET',
      `/rest/api/content/${pageId}?expand=body.storage`,
    );
    return [...page.body.body.storage.value.matchAll(/ri:content-title="([^"]*)"/g)].map((m) => m[1]!);
  }

  it("carries over to the links between docgen's pages, not to links to other pages", async () => {
    await humanPage(sandbox, 'Team handbook', homepage);
    const root = await humanPage(sandbox, 'Prefixed API root', homepage);
    const config = sandboxConfig(sandbox, path, { parentId: root, titlePrefix: '[API] ' });
    const result = await new Publisher(config).publish(petstore());
    expect(result.ok).toBe(true);
    const pageId = (key: string) => result.outcomes.find((o) => o.key === key)!.pageId!;
    expect(await linkedTitles(pageId('api/petstore'))).toEqual([
      '[API] Petstore: pets &amp; owners',
      '[API] Petstore: Schemas',
      'Team handbook',
    ]);
    expect(await linkedTitles(pageId('api/petstore/tag/pets'))).toEqual(['[API] Petstore: Schemas']);

    const since = await sandbox.lastSeq();
    const again = await new Publisher(config).publish(petstore());
    expect(again.counts.unchanged).toBe(3);
    expect((await sandbox.requests(since)).filter(isWrite)).toEqual([]);
  });
});
