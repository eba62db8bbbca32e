/**
 * storageToMarkdown writes the Markdown docgen accepts, so for everything docgen produces the
 * round trip Markdown → storage → Markdown → storage gives the same storage (normalized).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeStorage, storageToMarkdown, toStorage } from '@docgen/markdown-storage';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const options = {
  resolveAttachment: (src: string) => (/^[\w.-]+$/.test(src) ? src : undefined),
  resolvePageTitle: () => undefined,
};

/** Fixtures that cannot come back unchanged, and why. */
const NOT_ROUND_TRIPPED: Record<string, string> = {
  footnotes: 'storage has no footnotes: they come back as the anchors and links they were built from',
  'footnote-in-image-alt': 'storage has no footnotes (as for footnotes)',
  'raw-html-unsafe': 'a URL inside escaped HTML text comes back as text that GFM autolinks',
  'raw-html-in-tight-lists': 'a table with colspan or rowspan comes back as a GFM table, which has no spans',
  'raw-html-block-in-paragraph': 'a raw <pre> comes back as a code fence, so as the code macro',
  'raw-html-blocks-in-table-cells':
    "a cell's lists and tables come back as its text run together: a GFM cell is one line",
  'obsidian-wikilinks': 'a page link comes back as a Markdown link to its title, a page only where a resolver says so',
};

describe('storageToMarkdown', () => {
  for (const name of readdirSync(fixturesDir)
    .sort()
    .filter((fixture) => !(fixture in NOT_ROUND_TRIPPED))) {
    it(`round-trips ${name}`, () => {
      const storage = toStorage(readFileSync(join(fixturesDir, name, 'input.md'), 'utf8'), options);
      const markdown = storageToMarkdown(storage);
      expect(normalizeStorage(toStorage(markdown, options))).toBe(normalizeStorage(storage));
    });
  }

  it('reads a page a human edited in Confluence', () => {
    const storage =
      '<h2>Deploy</h2><p>Run <code>make</code> &amp; wait&nbsp;<b>patiently</b>.</p>' +
      '<ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="x"><ac:parameter ac:name="title">Note</ac:parameter><ac:rich-text-body><p>Be careful.</p></ac:rich-text-body></ac:structured-macro>' +
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>' +
      '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">OPS-1</ac:parameter></ac:structured-macro>';
    expect(storageToMarkdown(storage)).toBe(
      '## Deploy\n\nRun `make` &amp; wait\u00a0**patiently**.\n\n:::info[Note]\nBe careful.\n:::\n\n- [x] done\n\n<!-- macro: jira -->\n',
    );
  });
});
