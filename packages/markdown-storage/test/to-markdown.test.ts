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
  'raw-html-in-tight-lists': "a tight list item's text before a table comes back as a paragraph",
  'raw-html-block-in-paragraph': 'a raw <pre> comes back as a code fence, so as the code macro',
  'mdbook-rust': "rustdoc's `##` (a `#` written out) comes back as `#`, a hidden line, in a rust fence",
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

  describe('tables', () => {
    const roundTrip = (storage: string) => {
      const markdown = storageToMarkdown(storage);
      expect(normalizeStorage(toStorage(markdown, options))).toBe(normalizeStorage(storage));
      return markdown;
    };
    const table = (rows: string) => `<table><tbody>${rows}</tbody></table>`;

    it('writes a table with a header row as GFM', () => {
      const markdown = roundTrip(
        table('<tr><th>Name</th><th>Value</th></tr><tr><td><strong>a</strong></td><td>1</td></tr>'),
      );
      expect(markdown).toBe('| Name | Value |\n| --- | --- |\n| **a** | 1 |\n');
    });

    it('keeps a table without a header row header-less (a human made it in the editor)', () => {
      const markdown = roundTrip(table('<tr><td>a</td><td><em>b</em></td></tr><tr><td>c</td><td></td></tr>'));
      expect(markdown).toMatch(/^<table>/);
      expect(markdown).not.toContain('<th>');
    });

    it('writes a header-row table with a line break in a cell, at any depth, as HTML: a GFM cell is one line', () => {
      const markdown = roundTrip(
        table('<tr><th>Step</th><th>Notes</th></tr><tr><td>1</td><td><strong>first<br />then</strong></td></tr>'),
      );
      expect(markdown).toMatch(/^<table>/);
    });

    it('keeps a header column', () => {
      expect(roundTrip(table('<tr><th>Owner</th><td>ops</td></tr><tr><th>Tier</th><td>1</td></tr>'))).toContain('<th>');
    });

    it('keeps a header row and a header column together', () => {
      roundTrip(table('<tr><th></th><th>Q1</th></tr><tr><th>Sales</th><td>10</td></tr>'));
    });

    it('keeps merged cells, line breaks, lists and alignment in cells', () => {
      const markdown = roundTrip(
        table(
          '<tr><th colspan="2">Both</th></tr>' +
            '<tr><td rowspan="2"><p>x</p><ul><li>one</li><li>two</li></ul></td><td><strong>y<br />z</strong></td></tr>' +
            '<tr><td><p style="text-align: center;">mid</p></td></tr>',
        ),
      );
      expect(markdown).toContain('<th colspan="2">');
      expect(markdown).toContain('<td rowspan="2">');
    });

    it('keeps every column alignment of a GFM table, left included', () => {
      const markdown = '| Name | Mid | Count | Plain |\n| :--- | :---: | ---: | --- |\n| a | b | 1 | c |\n';
      expect(storageToMarkdown(toStorage(markdown, options))).toBe(markdown);
    });

    it('keeps the alignment of cells in a table written as HTML, left included', () => {
      const markdown = roundTrip(
        table(
          '<tr><td><p style="text-align: left;">a</p></td><td><p style="text-align: center;">b</p></td>' +
            '<td><p style="text-align: right;">1</p></td><td>c</td></tr>',
        ),
      );
      expect(markdown).toContain('<td align="left">\n\na\n\n</td>');
      expect(markdown).toContain('<td align="center">\n\nb\n\n</td>');
      expect(markdown).toContain('<td align="right">\n\n1\n\n</td>');
      expect(markdown).not.toContain('<div');
    });

    it('writes a column whose cells a human aligned differently as HTML: GFM has one alignment per column', () => {
      const markdown = roundTrip(
        table(
          '<tr><th>Item</th><th>Price</th></tr>' +
            '<tr><td>tea</td><td><p style="text-align: right;">3</p></td></tr>' +
            '<tr><td>cake</td><td>4</td></tr>',
        ),
      );
      expect(markdown).toMatch(/^<table>/);
      expect(markdown).toContain('<td align="right">\n\n3\n\n</td>');
    });

    it('reads the alignment a human set in the editor, on the cell or on its paragraphs', () => {
      // As Data Center's editor stores a cell's alignment (on the cell), and Cloud's (on its
      // paragraphs), with the attributes both add; an empty cell of an aligned column has no paragraph.
      const storage =
        '<table data-layout="default"><colgroup><col style="width: 200.0px;" /><col /></colgroup><tbody>' +
        '<tr><th class="confluenceTh"><p style="text-align: left;">Step</p></th><th><p style="text-align: center;">Done</p></th></tr>' +
        '<tr><td class="confluenceTd" style="text-align: left;">Build</td><td><p style="text-align: center;">yes</p></td></tr>' +
        '<tr><td style="text-align: left;">Ship</td><td></td></tr></tbody></table>';
      const markdown = storageToMarkdown(storage);
      expect(markdown).toBe('| Step | Done |\n| :--- | :---: |\n| Build | yes |\n| Ship |  |\n');
      expect(toStorage(markdown, options)).toContain('<td><p style="text-align: left;">Build</p></td>');
      // Paragraphs aligned differently within one cell keep their own alignment (centre and right do).
      const mixed = storageToMarkdown(
        table('<tr><td><p style="text-align: left;">a</p><p style="text-align: right;">b</p></td></tr>'),
      );
      expect(mixed).toContain('<td>\n\na\n\n<div align="right">\n\nb\n\n</div>\n\n</td>');
    });

    it('reads a raw HTML cell alignment as a GFM column alignment is stored', () => {
      expect(toStorage('<table><tr><td align="left">a</td><td style="text-align: center">b</td></tr></table>')).toBe(
        '<table><tbody><tr><td><p style="text-align: left;">a</p></td><td><p style="text-align: center;">b</p></td></tr></tbody></table>',
      );
    });
  });

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

  it('keeps the paragraphs of a loose list apart, in bullets, numbers and tasks, at any depth', () => {
    const markdown = [
      '- First\n\n  its second paragraph\n\n- Second',
      '3. One\n\n   more of one\n\n   - nested\n\n     nested more\n\n4. Two',
      '- [ ] Ship it\n\n  after the review\n\n  - [x] Review\n\n    twice\n\n- [x] Plan',
    ].join('\n\n<!-- -->\n\n');
    const storage = toStorage(markdown, options);
    expect(storage).toContain('<ac:task-body><p>Ship it</p><p>after the review</p></ac:task-body>');
    const back = storageToMarkdown(storage);
    expect(back).toContain('- [ ] Ship it\n\n  after the review\n');
    expect(normalizeStorage(toStorage(back, options))).toBe(normalizeStorage(storage));
  });

  it('keeps a macro written amid a paragraph in that paragraph', () => {
    const jira =
      '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">OPS-1</ac:parameter></ac:structured-macro>';
    expect(storageToMarkdown(`<p>See ${jira} before you deploy.</p>`)).toBe(
      'See <!-- macro: jira --> before you deploy.\n',
    );
    // A macro with a body is a block wherever it is written.
    const custom =
      '<ac:structured-macro ac:name="mine"><ac:rich-text-body><p>b</p></ac:rich-text-body></ac:structured-macro>';
    expect(storageToMarkdown(`<p>a ${custom}</p>`)).toBe('a\n\n<!-- macro: mine -->\n');
  });
});
