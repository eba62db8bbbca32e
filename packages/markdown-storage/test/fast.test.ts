/**
 * The fast path (src/fast/index.ts) writes a block's storage from markdown-it's tokens, for the
 * plain blocks generated references are made of, and leaves everything else to the tree path. Both
 * sides of that boundary are checked here: each handled block gives the tree path's bytes, and each
 * form a handler or the tree treats specially is left to the tree path. (block-memo.test.ts compares
 * block-by-block conversion, fast path included, with whole pages on every corpus.)
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/convert.js';
import { BlockMemo } from '../src/parts.js';
import { fastBlock } from '../src/fast/index.js';
import { finishTokens, parseBlocks } from '../src/parse/index.js';
import type { ToStorageOptions } from '../src/options.js';
import { State } from '../src/state.js';
import { handlers } from '../src/handlers/index.js';
import { anchorsOfTexts } from '../src/anchors.js';
import { pageLinkTarget } from '../src/handlers/links.js';

/**
 * The fast path's storage for a page of one top-level block (inline content in the paragraph the
 * page wraps it in), or undefined where it falls back.
 */
function fast(markdown: string, dialect: 'cloud' | 'datacenter' = 'cloud'): string | undefined {
  const blocks = parseBlocks(markdown);
  const written = fastBlock(finishTokens(blocks, blocks.tokens), dialect);
  return written?.phrasing ? `<p>${written.storage}</p>` : written?.storage;
}

/** The tree path's storage for the page (converted whole: the fast path is only taken block by block). */
function tree(markdown: string, dialect: 'cloud' | 'datacenter' = 'cloud'): string {
  return convertMarkdown(markdown, { dialect }, 'whole page').storage;
}

const HANDLED: Array<[string, string]> = [
  ['plain paragraph', 'Returns the issue.'],
  ['formatting', '**Operation ID:** `getIssue`, *optional* and ***both***'],
  ['escapes and entities', 'a \\* b &amp; c &lt;d&gt; &copy; 1 < 2'],
  ['soft breaks', 'one  \t\n  two\nthree'],
  ['hard breaks', 'one\\\ntwo  \nthree'],
  ['emoji shortcode', 'Done :rocket: at 10:30:00'],
  ['invisible characters', 'no\u00a0break and soft\u00adhyphen'],
  ['code span hint', 'Call `fetch(url){:js}` and `{:ok}`'],
  ['empty emphasis delimiters', '**Authentication:** `basic`'],
  ['table', '| Name | Type | Required |\n| --- | --- | --- |\n| `id` | string | yes |\n| **key** | | no |'],
  ['aligned table', '| A | B | C |\n| :-- | :-: | --: |\n| 1 | | 3 |'],
  ['table with a short row and an empty cell past the header', '| A | B |\n| - | - |\n| 1 |\n| 1 | 2 |  |'],
  ['fence', '```json\n{ "a": "]]>" }\n```'],
  ['fence without language', '```\nplain\n```'],
  ['fence of an unknown language', '```cobol\nDISPLAY "HI".\n```'],
  ['empty fence', '```bash\n```'],
  ['thematic break', '---'],
  ['heading', '## Get an **issue** by `key`'],
  ['setext heading', 'Two\nlines\n---'],
  ['anchor directive', '::anchor[schema-issue_bean.v2]'],
];

const FALLS_BACK: Array<[string, string]> = [
  ['a key-value table (a header row of empty cells)', '| | |\n| --- | --- |\n| Status | accepted |'],
  ['a link', 'See [the docs](https://example.com).'],
  ['an autolink literal', 'See https://example.com or www.example.com.'],
  ['an email literal', 'Mail support@example.com.'],
  ['raw HTML', 'a <b>bold</b> move'],
  ['an image', '![logo](logo.png)'],
  ['a table-of-contents marker', '[TOC]'],
  ['a callout label', 'NOTE: mind the gap'],
  ['a class line', 'Styled text\n{.is-warning}'],
  ['an attribute list after an element', '`Boolean`{.datatype} type'],
  ['a template tag', 'Use {% include x %} here'],
  ['a file inclusion', '--8<-- "file.md"'],
  ['a VS Code macro', 'Press kb(editor.action.format)'],
  ['spaces inside emphasis', 'an *&#32;edge* space'],
  ['a strikethrough', '~~gone~~'],
  ['a heading with an id', '# Title {#intro}'],
  ['a heading with a class', '## Tabs {.tabset}'],
  ['an empty heading', '##'],
  ['an anchor directive with attributes', '::anchor{name=setup}'],
  ['an anchor directive with a label of words', '::anchor[two words]'],
  ['another leaf directive', '::toc'],
  ['a list', '- one\n- two'],
  ['a blockquote', '> quoted'],
  ['a GitHub alert', '> [!NOTE]\n> text'],
  ['a fence with meta', '```js title="a.js"\nx\n```'],
  ['a fence with line numbers', '```ts:line-numbers\nx\n```'],
  ['a rust fence', '```rust\n# fn main() {}\nx\n```'],
  ['a fence with highlight comments', '```js\n// highlight-next-line\nx\n```'],
  ['a fence with diff notation', '```js\nx // [!code ++]\n```'],
  ['a NestJS switch', '```ts\n@@filename(a)\nx\n```'],
  ['an indented code block', '    code'],
  ['a table with a link', '| A |\n| - |\n| [x](#y) |'],
  ['a table row with text past its header (a warning)', '| A | B |\n| - | - |\n| 1 | 2 | 3 |'],
  ['raw HTML block', '<div>x</div>'],
];

describe('fast path', () => {
  it.each(HANDLED)('writes %s as the tree path does', (_name, markdown) => {
    for (const dialect of ['cloud', 'datacenter'] as const) {
      const written = fast(markdown, dialect);
      expect(written).toBeDefined();
      expect(written).toBe(tree(markdown, dialect));
    }
  });

  it.each(FALLS_BACK)('leaves %s to the tree path', (_name, markdown) => {
    expect(fast(markdown)).toBeUndefined();
    // Block by block, with the fast path tried on every block, the page is still the whole page's.
    expect(convertMarkdown(markdown, {}, new BlockMemo())).toEqual(convertMarkdown(markdown, {}, 'whole page'));
  });

  const resolvers: ToStorageOptions = {
    resolvePageTitle: (href) =>
      href.startsWith('./') && href.endsWith('.md') ? `Page ${href.slice(2, -3)}` : undefined,
    resolveAnchor: (_href, fragment) =>
      fragment === 'unknown' || fragment === 'missing' ? undefined : `Anchor-${fragment}`,
    // `#missing` names no heading of that page: the handler warns, so the fast path leaves it.
    resolveMissingAnchor: (_href, fragment) => (fragment === 'missing' ? 'schema-pet' : undefined),
  };

  /** Pages whose links the fast path writes (to this page's headings and anchors, to pages of the tree) or leaves to the tree path. */
  const LINKED: Array<[string, string]> = [
    ['a link to a heading', '# Get an issue\n\nSee [Get an issue](#get-an-issue).'],
    ['a link to an anchor directive', '::anchor[schema-issue]\n\nSee [Issue](#schema-issue).'],
    ['a link to an unknown fragment', 'See [nothing](#nowhere).'],
    ['a link to another page', 'See [Pets](./pets.md) and [a pet](./pets.md#schema-pet "Pet").'],
    ['a link to another page with an unknown anchor', 'See [a pet](./pets.md#unknown).'],
    ['a link to a heading another page does not have', 'See [a pet](./pets.md#missing).'],
    ['a link to no page of the tree', 'See [file](./notes.txt) and [up](../x.md).'],
    ['a link with markup and `]]>`', 'See [**bold** `code`](#t) and [a ]]> b](./pets.md).\n\n# T'],
    ['an autolink', 'See <https://example.com> and [./pets.md](./pets.md).'],
    ['a link with spaces at its edges', 'See [ Pets ](./pets.md).'],
    ['an empty link', 'See [](./pets.md) and [ ](./pets.md).'],
    ['an absolute link', 'See [docs](https://example.com/docs).'],
    [
      'tables of links, repeated',
      ['# Pet', '| Field | Type |\n| - | - |\n| `a` | [Pet](#pet) |\n| `b` | [Tag](./tags.md#tag) |']
        .concat([
          '| Field | Type |\n| - | - |\n| `b` | [Tag](./tags.md#tag) |',
          '| Other | Type |\n| - | - |\n| `b` | [Tag](./tags.md#tag) |',
        ])
        .join('\n\n'),
    ],
  ];

  it.each(LINKED)('converts %s as the whole page conversion does', (_name, markdown) => {
    const memo = new BlockMemo();
    for (const options of [resolvers, {}, resolvers])
      expect(convertMarkdown(markdown, options, memo)).toEqual(convertMarkdown(markdown, options, 'whole page'));
  });

  it('warns at a link to a heading another page does not have, naming that page and the heading meant', () => {
    const { storage, warnings } = convertMarkdown('# Pets\n\nSee [a pet](./pets.md#missing).', resolvers);
    expect(warnings).toEqual([
      'line 3: link to #missing on page "Page pets": no heading or anchor with that name there; did you mean #schema-pet?',
    ]);
    expect(storage).toContain('<ac:link ac:anchor="missing"><ri:page ri:content-title="Page pets" />');
    // A page the resolvers do not know, or a fragment they resolve, is not warned about.
    expect(convertMarkdown('See [a](./pets.md#unknown) and [b](./pets.md#schema-pet).', resolvers).warnings).toEqual(
      [],
    );
  });

  it('warns at an Obsidian link to a heading another note does not have, as the whole page conversion does', () => {
    const notes: ToStorageOptions = {
      resolvePageTitle: (href) => (href === 'Pets.md' ? 'Page pets' : undefined),
      resolveAnchor: (_href, heading) => (heading === 'Schema pet' ? 'Schemapet' : undefined),
      resolveMissingAnchor: (_href, heading) => (heading === 'Schema pt' ? 'Schema pet' : undefined),
    };
    const markdown = '# Pets\n\nSee [[Pets#Schema pt]] and [[Pets#Schema pet]].';
    const converted = convertMarkdown(markdown, notes, new BlockMemo());
    expect(converted.warnings).toEqual([
      'line 3: link to #Schema pt on page "Page pets": no heading or anchor with that name there; did you mean #Schema pet?',
    ]);
    expect(converted).toEqual(convertMarkdown(markdown, notes, 'whole page'));
  });

  it('writes the links it can resolve as the handler would and leaves the others', () => {
    const state = new State('', resolvers, handlers);
    anchorsOfTexts([{ text: 'Get an issue' }], state.headingAnchors);
    const links = { target: (url: string) => pageLinkTarget(state, url), reuse: () => undefined };
    const written = (markdown: string) => {
      const blocks = parseBlocks(markdown);
      return fastBlock(finishTokens(blocks, blocks.tokens), 'cloud', { links })?.storage;
    };
    expect(written('[Get](#get-an-issue) [a pet](./pets.md#schema-pet)')).toBe(
      '<p><ac:link ac:anchor="Getanissue"><ac:plain-text-link-body><![CDATA[Get]]></ac:plain-text-link-body></ac:link> ' +
        '<ac:link ac:anchor="Anchor-schema-pet"><ri:page ri:content-title="Page pets" /><ac:plain-text-link-body><![CDATA[a pet]]></ac:plain-text-link-body></ac:link></p>',
    );
    for (const markdown of [
      '[x](#nowhere)',
      '[x](./notes.txt)',
      '[x](./pets.md#missing)',
      '[x](https://example.com)',
      '<https://example.com>',
      '[./pets.md](./pets.md)',
      '[ x ](./pets.md)',
      '[](./pets.md)',
      '# [x](./pets.md)',
    ])
      expect(written(markdown)).toBeUndefined();
  });

  it('gives a page of handled and other blocks the whole page conversion, with cells and blocks met before reused', () => {
    const table = '| Name | Type |\n| --- | :-: |\n| `id` | string |\n| [key](#title) | string |';
    const page = [
      '::anchor[top]',
      '::anchor[title]',
      '# Title',
      'Intro **text**, [back](#top).',
      table,
      '```json\n{}\n```',
      '- item',
      '# Title',
      table,
      'Intro **text**.',
    ].join('\n\n');
    const memo = new BlockMemo();
    for (let round = 0; round < 2; round += 1)
      expect(convertMarkdown(page, {}, memo)).toEqual(convertMarkdown(page, {}, 'whole page'));
    expect(memo.hits).toBeGreaterThan(0);
    expect(memo.cells.hits).toBeGreaterThan(0);
  });
});
