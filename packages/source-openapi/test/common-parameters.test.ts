import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer } from '@docgen/core';
import source, { extractApi, loadSpec, renderApi } from '@docgen/source-openapi';

// Google's specs, unchanged from APIs.guru's collection: each path declares Google's standard
// query parameters (`alt`, `fields`, `key`, `quotaUser`…) by `$ref`.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'common-parameters');

async function pages(file: string): Promise<{ overview: string; tagPages: string[] }> {
  const api = await extractApi(await loadSpec(join(fixtures, file)));
  const [overview, ...others] = renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
  return {
    overview: overview!.markdown,
    tagPages: others.filter((p) => p.key.includes('/tag/')).map((p) => p.markdown),
  };
}

/** One operation's section of a page, from its heading to the next operation's. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`## ${heading}\n`);
  const end = page.indexOf('::anchor[', start);
  return page.slice(start, end === -1 ? undefined : end);
}

describe('parameters every operation takes', () => {
  it("(Google's Site Verification API: 7 operations, each path declaring Google's 7 standard ones) are listed once on the overview", async () => {
    const { overview, tagPages } = await pages('siteVerification.json');
    const listed = overview.slice(overview.indexOf('## Parameters every operation takes'));
    expect(overview).toContain('::anchor[parameters-every-operation-takes]\n\n## Parameters every operation takes');
    for (const name of ['alt', 'fields', 'key', 'oauth_token', 'prettyPrint', 'quotaUser', 'userIp'])
      expect(listed.slice(0, listed.indexOf('## Operations'))).toContain(`| \`${name}\` | query |`);
    const [page] = tagPages;
    // No operation's table repeats them: each says so in one line, with a link.
    expect(page).not.toContain('`quotaUser`');
    const link =
      '[the 7 parameters every operation takes](./api__google-site-verification-api.md#parameters-every-operation-takes)';
    expect(section(page!, 'POST /token')).toContain(`### Parameters\n\nTakes only ${link}.\n`);
    const get = section(page!, 'GET /webResource/{id}');
    expect(get).toContain('| `id` | path |');
    expect(get).toContain(`Also takes ${link}.`);
  });

  it("(Europeana's API: 3 that every one of a tag's 5 operations takes, but not the other tag's) are listed once on that tag's page", async () => {
    const { overview, tagPages } = await pages('europeana.eu.json');
    expect(overview).not.toContain('Parameters every operation takes');
    const [record, search] = tagPages;
    const listed = record!.slice(record!.indexOf('## Parameters every operation of this tag takes'));
    expect(listed.slice(0, listed.indexOf('::anchor['))).toContain('| `wskey` | query | string | yes |');
    const get = section(record!, 'GET /record/v2/{collectionId}/{recordId}.json');
    expect(get).toContain('| `callback` | query |');
    expect(get).not.toContain('`wskey`');
    expect(get).toContain(
      'Also takes [the 3 parameters every operation of this tag takes](#parameters-every-operation-of-this-tag-takes).',
    );
    // The search tag's 4 operations are too few: their tables keep theirs.
    expect(search).not.toContain('every operation');
    expect(search).toContain('| `wskey` | query |');
  });

  it("(Google's Indexing API: 2 operations) stay in each operation's table, with too few operations to list apart", async () => {
    const { overview, tagPages } = await pages('indexing.json');
    expect(overview).not.toContain('Parameters every operation takes');
    const page = tagPages.join('\n');
    expect(page.match(/\| `quotaUser` \| query \|/g)).toHaveLength(2);
    expect(page).not.toContain('parameters every operation takes');
  });
});
