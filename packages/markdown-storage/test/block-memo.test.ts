/**
 * Pages are converted block by block, and a block met before (in the page or another page of the
 * batch) is reused when its resolvers answer the same (src/convert.ts, BlockMemo). The promise:
 * exactly the bytes, attachments, page links and warnings of converting the page whole. Checked
 * here on every input we have — the golden fixtures, the CommonMark and GFM examples, the installed
 * packages' Markdown — one by one and as batches sharing a memo, and on the cases that reach across
 * blocks.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedFile } from '@docgen/test-support';
import { convertMarkdown } from '../src/convert.js';
import { BlockMemo } from '../src/parts.js';
import { parseBlocks } from '../src/parse/index.js';
import type { ToStorageOptions } from '../src/index.js';
import { goldenInputs } from './fixture-options.js';
import { installedMarkdown } from './installed-markdown.js';
import { readSpecExamples } from './conformance/spec-examples.js';

const fixtures = goldenInputs();

const resolvers: ToStorageOptions = {
  resolvePageTitle: (href) => (href.endsWith('.md') ? `Page ${href}` : undefined),
  resolveAttachment: (src) => (src.startsWith('./') ? src.slice(2) : undefined),
  resolveAnchor: (_href, fragment) => `Anchor-${fragment}`,
};

/** Inputs whose block-by-block conversion differs from the whole-page one (none, we hope). */
function mismatches(
  pages: Array<{ name: string; markdown: string; options?: ToStorageOptions }>,
  memo = new BlockMemo(),
) {
  const failed: string[] = [];
  for (const { name, markdown, options = {} } of pages) {
    const whole = convertMarkdown(markdown, options, 'whole page');
    const parts = convertMarkdown(markdown, options, memo);
    if (JSON.stringify(parts) !== JSON.stringify(whole)) failed.push(name);
  }
  return failed;
}

describe('block-by-block conversion', () => {
  it('equals the whole-page conversion on every golden fixture, alone and as one batch', () => {
    expect(fixtures.length).toBeGreaterThan(15);
    for (const fixture of fixtures) expect(mismatches([fixture], new BlockMemo())).toEqual([]);
    const memo = new BlockMemo();
    // Twice through: the second round meets every block in the memo.
    expect(mismatches([...fixtures, ...fixtures], memo)).toEqual([]);
    expect(memo.hits).toBeGreaterThan(50);
  });

  const suites = ['commonmark-spec', 'gfm-spec', 'gfm-extensions'].map(
    (suite) => [suite, sharedFile(`corpus/markdown/${suite}.txt`)] as const,
  );
  const specAvailable = suites.every(([, file]) => file);
  if (!specAvailable)
    console.log('skipping the spec-example comparison: ../shared/corpus/markdown is not beside this clone');
  (specAvailable ? it : it.skip)('equals it on every CommonMark and GFM example, with and without resolvers', () => {
    const examples = suites.flatMap(([suite, file]) => readSpecExamples(file!, suite));
    expect(examples.length).toBeGreaterThan(1300);
    const pages = examples.map((example) => ({ name: example.id, markdown: example.markdown }));
    expect(mismatches(pages)).toEqual([]);
    expect(mismatches(pages.map((page) => ({ ...page, options: resolvers })))).toEqual([]);
    // All examples as one document: blocks reach into each other (lists, lazy lines, HTML).
    expect(mismatches([{ name: 'all examples', markdown: pages.map((page) => page.markdown).join('\n') }])).toEqual([]);
  });

  it('equals it on the Markdown of the installed packages, converted as one batch', () => {
    const files = installedMarkdown(join(repoRoot, 'node_modules'));
    expect(files.length).toBeGreaterThan(100);
    const memo = new BlockMemo();
    const pages = files.map((file) => ({ name: file, markdown: readFileSync(file, 'utf8'), options: resolvers }));
    expect(mismatches(pages, memo)).toEqual([]);
    expect(memo.hits).toBeGreaterThan(1000); // licences, badges, install lines recur
  });

  const page = (body: string) => ({ name: JSON.stringify(body.slice(0, 60)), markdown: body });
  const table = '| Field | Type |\n| --- | --- |\n| `id` | [Pet](./pet.md#schema-pet) |\n| ![d](./erd.png) | text |\n';

  it('reuses a block only where its links resolve the same, and still lists its links and attachments', () => {
    const memo = new BlockMemo();
    const one = { resolvePageTitle: () => 'Pets', resolveAttachment: (src: string) => src.slice(2) };
    const other = { resolvePageTitle: () => 'Animals', resolveAttachment: () => undefined };
    const first = convertMarkdown(`# A\n\n${table}`, one, memo);
    const again = convertMarkdown(`# B\n\n${table}`, one, memo);
    const elsewhere = convertMarkdown(`# C\n\n${table}`, other, memo);
    expect(memo.hits).toBe(1);
    expect(again).toEqual(convertMarkdown(`# B\n\n${table}`, one, 'whole page'));
    expect(again.pageLinks).toEqual(['Pets']);
    expect(again.attachments).toEqual(['erd.png']);
    expect(elsewhere).toEqual(convertMarkdown(`# C\n\n${table}`, other, 'whole page'));
    expect(elsewhere.storage).toContain('Animals');
    expect(first.storage).not.toBe(elsewhere.storage);
  });

  it('reuses a table cell met before in another table, where its links resolve the same', () => {
    const memo = new BlockMemo();
    const pets = {
      resolvePageTitle: (href: string) => `Pets ${href}`,
      resolveAttachment: (src: string) => src.slice(2),
    };
    const animals = { resolvePageTitle: () => 'Animals', resolveAttachment: () => undefined };
    const cells = '| `id` | [Pet](./pet.md) | ![d](./erd.png) | [up](#top) |';
    const tableOf = (header: string, rows: string[]) =>
      `| ${header} | b | c | d |\n| :-- | :-: | --: | --- |\n${rows.join('\n')}\n`;
    const pages = [
      { markdown: `# Top\n\n${tableOf('a', [cells, '| | | | |'])}`, options: pets },
      { markdown: `# Top\n\n${tableOf('other', [cells, '| | x | | |', cells])}`, options: pets },
      { markdown: `# Top\n\n${tableOf('third', [cells])}`, options: animals },
    ];
    const results = pages.map((page) => convertMarkdown(page.markdown, page.options, memo));
    // The second page's table is new, but its cells (but the anchor link's) are not.
    expect(memo.cells.hits).toBeGreaterThanOrEqual(8);
    results.forEach((result, index) =>
      expect(result).toEqual(convertMarkdown(pages[index]!.markdown, pages[index]!.options, 'whole page')),
    );
    expect(results[1]!.pageLinks).toEqual(['Pets ./pet.md']);
    expect(results[1]!.attachments).toEqual(['erd.png']);
    expect(results[2]!.storage).toContain('Animals');
    expect(results[2]!.attachments).toEqual([]);
  });

  it('skips parsing a block met before only where the same text must parse the same', () => {
    const memo = new BlockMemo();
    const table = '| Field | Type |\n| --- | --- |\n| `id` | string |\n';
    const paragraph = 'The **same** words.\n';
    const fence = '```json\n{ "a": 1 }\n```\n';
    const first = `# One\n\n${paragraph}\n${table}\n${fence}\nend\n`;
    expect(mismatches([page(first)], memo)).toEqual([]);
    // Each repeat after a blank line and before one comes out of the block phase as one token.
    const again = `# Two\n\n${paragraph}\n${table}\n${fence}\nend\n`;
    const types = parseBlocks(again, memo.knownBlocks({})).tokens.map((token) => token.type);
    expect(types.filter((type) => type === 'known_block')).toHaveLength(3); // paragraph, table, fence (not "end": a block ending a page may run on)
    expect(mismatches([page(again)], memo)).toEqual([]);
    // Where the same text parses otherwise, it is parsed.
    const elsewhere = [
      `# Three\n\n${paragraph}continued on the next line\n`, // no blank line after: the paragraph goes on
      `# Four\n\n${paragraph}\n: a definition of it\n`, // a definition after: the paragraph is its term
      `# Five\n${paragraph}\n`, // no blank line before
      `- item\n\n  ${paragraph}\n`, // inside a list item
      `> ${paragraph}\n`,
      `<details>\n\n${paragraph}\n</details>\n\n${table}\n`, // inside raw HTML left open: converted in place
      `[ref]: https://example.com\n\n${paragraph}\n${table}\n[ref]\n`, // references: the page is converted whole
      `text\n\n\`\`\`\nunclosed fence\n`,
      `text\n\n\`\`\`\nunclosed fence\n\nafter it\n`,
    ];
    for (const body of elsewhere) expect(mismatches([page(body)], memo)).toEqual([]);
    const unsafe = parseBlocks(elsewhere[1]!, memo.knownBlocks({})).tokens.map((token) => token.type);
    expect(unsafe).not.toContain('known_block');
    // Another dialect, or resolvers answering otherwise: not known.
    expect(parseBlocks(again, memo.knownBlocks({ dialect: 'datacenter' })).tokens.map((t) => t.type)).not.toContain(
      'known_block',
    );
  });

  it('keeps what reaches across blocks: raw HTML, repeated headings, anchors, footnotes, references, deep nesting', () => {
    const cases = [
      // A block met before, now inside an element opened by raw HTML in an earlier block.
      `${table}\n<details>\n<summary>More</summary>\n\n${table}\n</details>\n\n${table}`,
      '<div>\n\n**a**\n\n</div>\n\n**a**\n\n<div>\n\n**a**\n',
      // Repeated headings get .1, .2; a link to one resolves through the page's table.
      '## Same\n\ntext\n\n## Same\n\ntext\n\n[to the second](#same-1) and [to the first](#same)\n',
      '::anchor[here]\n\n::anchor[here]\n\n[back](#here) and [nowhere](#missing)\n\n[nowhere](#missing)\n',
      'Word :anchor[inline] word\n\n[x](#inline)\n\n:status[OK]{colour=Green}\n\n:status[OK]{colour=Green}\n',
      'Note[^1] and again[^1].\n\n[^1]: The note.\n\nNote[^1].\n',
      '[ref] and [ref]\n\n[ref]: https://example.com\n\n[ref]\n',
      `${'>'.repeat(80)} deep\n\nplain\n\n${'>'.repeat(80)} deep\n\n[bad](javascript:alert(1))\n\n[bad](javascript:alert(1))\n`,
      'one\r\ntwo\r\n\r\nthree\r\n\r\none\r\ntwo\r\n',
      'old\rmac\r\rold\rmac\r',
      '\uFEFF# BOM\n\n# BOM\n',
      '- a\n- b\n\n- a\n- b\n\n1. a\n\n1. a\n',
      ':::info\nIn a panel\n:::\n\n:::info\nIn a panel\n:::\n\n::unknown[leaf]\n\n::unknown[leaf]\n',
      '```js\nconst a = 1;\n```\n\n```js\nconst a = 1;\n```\n\n    indented\n\n    indented\n',
    ];
    for (const options of [{}, resolvers, { ...resolvers, dialect: 'datacenter' as const }])
      expect(mismatches(cases.map((body) => ({ ...page(body), options })))).toEqual([]);
  });
});
