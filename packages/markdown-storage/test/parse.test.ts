/**
 * The parser (src/parse/): markdown-it tokens into the mdast remark-parse gives. The golden
 * fixtures check what each construct becomes in storage; this checks the tree itself for the
 * parts docgen wrote on top of markdown-it: GFM extras, directives, positions, deep nesting.
 */
import { describe, expect, it } from '@jest/globals';
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../src/parse/index.js';
import { unified } from 'unified';
import { convertMarkdown, markdownParse } from '../src/index.js';

/** The tree without positions, for readable expectations. */
function shape(markdown: string): unknown {
  return JSON.parse(
    JSON.stringify(parseMarkdown(markdown), (key, value: unknown) => (key === 'position' ? undefined : value)),
  );
}

function first(markdown: string): Nodes {
  return parseMarkdown(markdown).children[0]!;
}

describe('parser', () => {
  it('gives GFM task items, tight and loose lists', () => {
    const tight = first('- [x] done\n- [ ] open\n- plain\n') as Extract<Nodes, { type: 'list' }>;
    expect(tight.spread).toBe(false);
    expect(tight.children.map((item) => item.checked)).toEqual([true, false, null]);
    expect(shape('- [x] done\n')).toMatchObject({
      children: [{ children: [{ children: [{ children: [{ type: 'text', value: 'done' }] }] }] }],
    });
    // The marker may be followed by markup rather than text; a marker alone is no task.
    const marked = first('- [x] **bold** task\n- [ ]\n') as Extract<Nodes, { type: 'list' }>;
    expect(marked.children.map((item) => item.checked)).toEqual([true, null]);
    expect(marked.children[0]!.children[0]).toMatchObject({
      children: [{ type: 'strong' }, { type: 'text', value: ' task' }],
    });
    const loose = first('1. a\n\n2. b\n') as Extract<Nodes, { type: 'list' }>;
    expect({ spread: loose.spread, ordered: loose.ordered, start: loose.start }).toEqual({
      spread: true,
      ordered: true,
      start: 1,
    });
  });

  it('gives table alignment and strikethrough with one or two tildes', () => {
    expect(first('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n')).toMatchObject({
      type: 'table',
      align: ['left', 'center', 'right'],
    });
    const types = (markdown: string) =>
      (first(markdown) as Extract<Nodes, { type: 'paragraph' }>).children.map((node) => node.type);
    expect(types('~one~ and ~~two~~ and ~~~three~~~')).toEqual(['delete', 'text', 'delete', 'text']);
    expect(types('~mismatched~~')).toEqual(['text']);
  });

  it('links GFM autolink literals only, trimming trailing punctuation', () => {
    const links = (markdown: string) => {
      const found: string[] = [];
      const walk = (node: Nodes) => {
        if (node.type === 'link') found.push(node.url);
        if ('children' in node) node.children.forEach(walk);
      };
      walk(parseMarkdown(markdown));
      return found;
    };
    expect(links('See www.example.com/a_b., https://x.io/q?a=1), ops@team.example and foo@bar.example.')).toEqual([
      'http://www.example.com/a_b',
      'https://x.io/q?a=1',
      'mailto:ops@team.example',
      'mailto:foo@bar.example',
    ]);
    expect(links("'http://localhost:8080/path' and (https://en.wikipedia.org/wiki/Foo_(bar))")).toEqual([
      'http://localhost:8080/path',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    // Around entities (the decoded text is what counts); versions are not email addresses.
    expect(links('Jo &lt;jo@team.example&gt;, pkg@1.2.3, @scope/name@2.0.0, [see https://a.example/x]')).toEqual([
      'mailto:jo@team.example',
      'https://a.example/x',
    ]);
    // Underscores and stars in a URL are the URL's, not emphasis (GFM reads the literal first);
    // trailing ones are punctuation, and still close emphasis around the URL.
    expect(
      links(
        'Tests in https://github.com/jestjs/jest/tree/main/e2e/__tests__/ and the package in\n' +
          'https://docs.python.org/3/tutorial/modules.html#__init__.py. _See https://a.example/x_y_',
      ),
    ).toEqual([
      'https://github.com/jestjs/jest/tree/main/e2e/__tests__/',
      'https://docs.python.org/3/tutorial/modules.html#__init__.py',
      'https://a.example/x_y',
    ]);
    expect(convertMarkdown('_See https://a.example/x_y_ and https://a.example/*/q*._').storage).toBe(
      '<p><em>See <a href="https://a.example/x_y">https://a.example/x_y</a></em> and ' +
        '<a href="https://a.example/*/q">https://a.example/*/q</a>*._</p>',
    );
    // So in a `www.` literal, and past a `&`, `\` or bracket that other rules read in a URL; the
    // trailing `__` are punctuation by GFM's rule, left as text (their opener is the URL's).
    expect(
      links('See www.x.com/__init__.py, https://x.com/?a=1&b=__y__ and https://x.com/[a]/\\_b/__c__/ now.'),
    ).toEqual(['http://www.x.com/__init__.py', 'https://x.com/?a=1&b=__y', 'https://x.com/[a]/_b/__c__/']);
    expect(convertMarkdown('**See www.x.com/__init__** and _www.x.com/a_b_').storage).toBe(
      '<p><strong>See <a href="http://www.x.com/__init">www.x.com/__init</a>__</strong> and ' +
        '<em><a href="http://www.x.com/a_b">www.x.com/a_b</a></em></p>',
    );
    // `&` is no trailing punctuation in GFM: only an entity reference at the end is left out, as
    // written (`&hl;`) or decoded (`&amp;` is `&` in the text), and the `*` around it are the URL's.
    expect(
      links('www.a.com/*&*& and www.b.com/x&y& and www.c.com/x&amp; and www.d.com/q&hl; and www.e.com/x&amp;y'),
    ).toEqual([
      'http://www.a.com/*&*&',
      'http://www.b.com/x&y&',
      'http://www.c.com/x',
      'http://www.d.com/q',
      'http://www.e.com/x&y',
    ]);
    expect(convertMarkdown('See www.a.com/*&*&.').storage).toBe(
      '<p>See <a href="http://www.a.com/*&amp;*&amp;">www.a.com/*&amp;*&amp;</a>.</p>',
    );
    // Bare host names, ftp: and text already inside a link are left alone.
    expect(links('example.com ftp://example.com [www.a.com](https://b.com) <a href="x">www.c.com</a>')).toEqual([
      'https://b.com',
    ]);
  });

  it('keeps the _, * and ~ of a long URL literal in the URL however far they are from its start', () => {
    const path = 'segment/'.repeat(80); // 640 characters
    for (const url of [
      `www.example.com/${path}__init__.py`,
      `https://example.com/?q=1&${path}__init__.py`,
      `https://example.com/a&b/${path}*x*/snake_case_segment_/y`,
    ]) {
      const href = url.startsWith('www.') ? `http://${url}` : url;
      expect(convertMarkdown(`See ${url} now`).storage).toBe(
        `<p>See <a href="${href.replaceAll('&', '&amp;')}">${url.replaceAll('&', '&amp;')}</a> now</p>`,
      );
    }
    // A long run of delimiters and `&` after a `www.` address is the address's, to its end.
    const run = 'www.a.com/' + '*_~&'.repeat(1000);
    expect(convertMarkdown(run).storage).toBe(
      `<p><a href="http://${run.replaceAll('&', '&amp;')}">${run.replaceAll('&', '&amp;')}</a></p>`,
    );
  });

  it('gives directives with their attributes, label and source', () => {
    const tree = parseMarkdown(
      ':::info[Heads *up*]{#main .a .b title="T &amp; C" open}\nBody\n:::\n\n::toc{maxLevel=3}\n\nA :status[Done]{colour=Green} and a:b and 10:30.\n',
    );
    const [container, leaf, paragraph] = tree.children as [Nodes, Nodes, Extract<Nodes, { type: 'paragraph' }>];
    expect(container).toMatchObject({
      type: 'containerDirective',
      name: 'info',
      attributes: { id: 'main', class: 'a b', title: 'T & C', open: '' },
      data: { source: ':::info[Heads *up*]{#main .a .b title="T &amp; C" open}\nBody\n:::' },
      children: [
        {
          type: 'paragraph',
          data: { directiveLabel: true },
          children: [{ type: 'text', value: 'Heads ' }, { type: 'emphasis' }],
        },
        { type: 'paragraph', children: [{ type: 'text', value: 'Body' }] },
      ],
    });
    expect(leaf).toMatchObject({ type: 'leafDirective', name: 'toc', attributes: { maxLevel: '3' } });
    expect(paragraph.children.map((node) => node.type)).toEqual(['text', 'textDirective', 'text']);
    expect(paragraph.children[1]).toMatchObject({
      name: 'status',
      attributes: { colour: 'Green' },
      data: { source: ':status[Done]{colour=Green}', label: [8, 12] },
    });
  });

  it('closes nested containers with the same number of colons, and skips fences inside', () => {
    const tree = parseMarkdown(':::expand\n:::note\ninner\n:::\n```\n:::\n```\nafter\n:::\n\noutside\n');
    expect(tree.children.map((node) => node.type)).toEqual(['containerDirective', 'paragraph']);
    const expand = tree.children[0] as Extract<Nodes, { type: 'containerDirective' }>;
    expect(expand.children.map((node) => node.type)).toEqual(['containerDirective', 'code', 'paragraph']);
  });

  it('reads Docusaurus and VitePress admonitions as containers, other names written so as text', () => {
    const tree = parseMarkdown(
      ':::tip Use *this*\nA\n:::\n\n::: info\n::: details More {open}\nB\n:::\nC\n:::\n\n:::sidebar Hidden\nD\n:::\n\n::: raw\n',
    );
    expect(tree.children.map((node) => node.type)).toEqual([
      'containerDirective',
      'containerDirective',
      'paragraph',
      'paragraph',
    ]);
    const [tip, info] = tree.children as Array<Extract<Nodes, { type: 'containerDirective' }>>;
    expect(tip).toMatchObject({
      name: 'tip',
      attributes: {},
      children: [
        { type: 'paragraph', data: { directiveLabel: true }, children: [{ value: 'Use ' }, { type: 'emphasis' }] },
        { type: 'paragraph', children: [{ value: 'A' }] },
      ],
    });
    // The inner `::: details` is nested: its `:::` does not close the outer one.
    expect(info).toMatchObject({
      name: 'info',
      children: [
        {
          type: 'containerDirective',
          name: 'details',
          children: [{ data: { directiveLabel: true }, children: [{ value: 'More' }] }, { children: [{ value: 'B' }] }],
        },
        { type: 'paragraph', children: [{ value: 'C' }] },
      ],
    });
  });

  it('reads MkDocs admonitions up to the first line indented less than 4 spaces', () => {
    const tree = parseMarkdown(
      '!!! warning "Careful"\n    A\n\n    !!! note\n        B\nC\n\n??? tip\n    D\n\n!!! custom\n    E\n\n```\n!!! note\n```\n',
    );
    expect(tree.children.map((node) => (node.type === 'containerDirective' ? node.name : node.type))).toEqual([
      'warning',
      'paragraph',
      'expand',
      'note', // `!!! custom` with content indented under it: Material's fallback type
      'code',
    ]);
    expect(tree.children[0]).toMatchObject({
      children: [
        { data: { directiveLabel: true }, children: [{ value: 'Careful' }] },
        { type: 'paragraph', children: [{ value: 'A' }] },
        {
          type: 'containerDirective',
          name: 'note',
          children: [{ children: [{ value: 'Note' }] }, { children: [{ value: 'B' }] }],
        },
      ],
    });
    expect(tree.children[2]).toMatchObject({
      children: [{ children: [{ value: 'Tip' }] }, { children: [{ value: 'D' }] }],
    });
  });

  it('ignores a byte order mark and reads CRLF line endings', () => {
    expect(shape('\uFEFF# Title\r\n\r\n```\r\na\r\nb\r\n```\r\n')).toMatchObject({
      children: [
        { type: 'heading', children: [{ value: 'Title' }] },
        { type: 'code', value: 'a\nb' },
      ],
    });
  });

  it('matches footnote labels as GFM does, and says when a definition is never referenced', () => {
    const tree = parseMarkdown('Text[^Note] and [^b].\n\n[^note]: hi\n\n[^B]: bee\n\n[^unused]: gone\n');
    const paragraph = tree.children[0] as Extract<Nodes, { type: 'paragraph' }>;
    expect(paragraph.children.filter((node) => node.type === 'footnoteReference')).toHaveLength(2);
    const definitions = tree.children.filter((node) => node.type === 'footnoteDefinition');
    expect(definitions.map((node) => [node.label, node.position?.start.line])).toEqual([
      ['Note', 3],
      ['b', 5],
      ['unused', 7],
    ]);
    const { storage, warnings } = convertMarkdown('Text[^Note].\n\n[^note]: hi\n\n[^unused]: gone\n');
    expect(storage).toContain('hi ');
    expect(warnings).toEqual(['line 5: footnote [^unused] is defined but never referenced: not shown']);
  });

  it('gives each block the lines it spans', () => {
    const tree: Root = parseMarkdown('# Title\n\nfirst\nsecond\n\n```js\nx\n```\n');
    expect(tree.children.map((node) => [node.type, node.position?.start.line, node.position?.end.line])).toEqual([
      ['heading', 1, 1],
      ['paragraph', 3, 4],
      ['code', 6, 8],
    ]);
    expect(tree.children[2]).toMatchObject({ lang: 'js', value: 'x' });
  });

  it('gives inline nodes the line they start on, so a warning names the line of the link', () => {
    const markdown = 'Intro line\nsee [a](#missing) here,  \nand [b](#gone).\n\n| a |\n| - |\n| [c](#none) |\n';
    expect(convertMarkdown(markdown).warnings).toEqual([
      'line 2: link to #missing: no heading or anchor with that name on this page',
      'line 3: link to #gone: no heading or anchor with that name on this page',
      'line 7: link to #none: no heading or anchor with that name on this page',
    ]);
  });

  it('counts the line breaks inside an inline HTML tag, so a warning after it names its own line', () => {
    // fastify's README: "Head to the <a⏎href=…>".
    const markdown = 'Head to the <a\nhref="docs/guide.md">guide</a> and\n[next](docs/next.md).\n';
    expect(convertMarkdown(markdown).warnings).toEqual([
      'line 1: link to docs/guide.md is relative but neither a page of this tree nor an attachment: it will not work in Confluence',
      'line 3: link to docs/next.md is relative but neither a page of this tree nor an attachment: it will not work in Confluence',
    ]);
  });

  // Line breaks the parser consumes without a break token (inside a code span, a reference label,
  // a link's destination, an image's alt, an autolink, math) still move what follows down a line.
  // fastify's PROJECT_CHARTER.md: `[OpenJS Foundation][openjs⏎foundation]`, then a link a line later.
  it.each([
    ['a code span', 'Run `npm⏎test` then', 3],
    ['a code span over three lines', 'Run `a⏎b⏎c` then', 4],
    ['a reference label', 'By the [OpenJS Foundation][openjs⏎foundation] and', 3],
    ['a shortcut reference', 'By the [OpenJS⏎Foundation] and', 3],
    ['link text', 'A [long⏎link](https://example.com) and', 3],
    ["a link's destination and title", 'A [t](https://example.com⏎"Title") and', 3],
    ["an image's alt text", 'An ![long⏎alt](https://example.com/a.png) and', 3],
    ['an autolink', 'See <https://example.com/a⏎b> and', 3],
    ['inline HTML', 'Some <span⏎class="x">t</span> and', 3],
    ['inline math', 'Where $a +⏎b$ and', 3],
    ['a code span in a block quote', '> Run `npm⏎> test` then', 3],
  ])('names the line of a link after %s written over lines', (_, opening, line) => {
    const quoted = opening.startsWith('>');
    const markdown = `${opening.replaceAll('⏎', '\n')}\n${quoted ? '> ' : ''}see [x](#missing).\n\n[openjs foundation]: https://openjsf.org\n`;
    for (const memo of [undefined, 'whole page'] as const)
      expect(convertMarkdown(markdown, {}, memo).warnings).toEqual([
        `line ${line}: link to #missing: no heading or anchor with that name on this page`,
      ]);
  });

  it('names the line of each link after code spans over lines, in a list item and a heading', () => {
    const markdown = [
      '- Run `a',
      '  b` and [one](#gone) then',
      '  `c',
      '  d` and',
      '  [two](#none)',
      '',
      'Setext `e',
      'f` [three](#lost)',
      '===',
      '',
    ].join('\n');
    expect(convertMarkdown(markdown).warnings).toEqual([
      'line 2: link to #gone: no heading or anchor with that name on this page',
      'line 5: link to #none: no heading or anchor with that name on this page',
      'line 8: link to #lost: no heading or anchor with that name on this page',
    ]);
  });

  it('names the line of a template tag on a later line of a run of text, not the line the text starts on', () => {
    // A Jekyll page: the include and the filter sit lines below the paragraph's first line.
    const markdown = [
      'Install the theme first,',
      'then add the note:',
      '{% include note.html content="Restart the server." %}',
      'and link the stylesheet from {{ "/assets/main.css" | relative_url }}.',
      '',
    ].join('\n');
    for (const memo of [undefined, 'whole page'] as const)
      expect(convertMarkdown(markdown, {}, memo).warnings).toEqual([
        'line 3: Liquid tag {% include %} is not converted: shown as text (the site generator fills it in)',
        'line 4: Liquid output {{ … | relative_url }} is not converted: shown as text (the site generator fills it in)',
      ]);
  });

  it('names the line of a template tag after a URL or address linked on an earlier line of the text', () => {
    // A Jekyll page: the bare URL is linked, and the text after it still knows its lines.
    const markdown = [
      'Read the guide', // 1
      'at https://jekyllrb.com/docs/ first,', // 2
      'then {% include footer.html %}', // 3
      '',
      'Write to',
      'ops@example.com or www.example.com and', // 6
      'see {{ "/contact/" | relative_url }}.', // 7
      '',
    ].join('\n');
    for (const memo of [undefined, 'whole page'] as const)
      expect(convertMarkdown(markdown, {}, memo).warnings).toEqual([
        'line 3: Liquid tag {% include %} is not converted: shown as text (the site generator fills it in)',
        'line 7: Liquid output {{ … | relative_url }} is not converted: shown as text (the site generator fills it in)',
      ]);
  });

  it('names the line of each file inclusion in a code block or a run of snippet lines, not the line it starts on', () => {
    // The Rust Book's listings (mdBook) and an MkDocs page's snippets.
    const markdown = [
      '## Listing 1-1', // 1
      '',
      '```rust', // 3
      'fn main() {}',
      '{{#rustdoc_include ../listings/ch01/src/main.rs:here}}', // 5
      '```',
      '',
      '    indented', // 8
      '    {{#include ../listings/ch01/src/lib.rs}}', // 9
      '',
      '--8<-- "includes/abbreviations.md"', // 11
      '--8<-- "includes/links.md"', // 12
      '',
      '> ```python', // 14
      '> {* ../docs_src/first_steps/tutorial001.py hl[3] *}', // 15
      '> ```',
      '',
    ].join('\n');
    for (const memo of [undefined, 'whole page'] as const)
      expect(
        convertMarkdown(markdown, {}, memo).warnings.map((warning) => warning.slice(0, warning.indexOf(' is'))),
      ).toEqual([
        'line 5: mdBook file inclusion {{#rustdoc_include ../listings/ch01/src/main.rs:here}}',
        'line 9: mdBook file inclusion {{#include ../listings/ch01/src/lib.rs}}',
        'line 11: MkDocs snippet --8<-- "includes/abbreviations.md"',
        'line 12: MkDocs snippet --8<-- "includes/links.md"',
        'line 15: MkDocs file inclusion {* ../docs_src/first_steps/tutorial001.py *}',
      ]);
  });

  it('names the own line of what follows an MDX comment written over lines in a paragraph', () => {
    // Storybook's docs: a prettier-ignore comment over two lines inside a sentence.
    const markdown = [
      'Use the {/* prettier-ignore-start',
      '   keep the table as written */} button',
      'as in [the guide](#missing) and',
      '{% include story.html %}',
      '',
    ].join('\n');
    for (const memo of [undefined, 'whole page'] as const) {
      const { storage, warnings } = convertMarkdown(markdown, {}, memo);
      expect(storage).toContain('<p>Use the button as in ');
      expect(warnings).toEqual([
        'line 3: link to #missing: no heading or anchor with that name on this page',
        'line 4: Liquid tag {% include %} is not converted: shown as text (the site generator fills it in)',
      ]);
    }
  });

  it('names the line of a tag inside a block of raw HTML, not the line the block starts on', () => {
    // A README's centred header (chalk, qs, zod): the logo is on the block's second line.
    const markdown = [
      'Intro',
      '',
      '<p align="center">',
      '  <img src="media/logo.svg" width="300">',
      '  <br>',
      '  <foo>x</foo> <a href="docs/guide">guide</a>',
      '</p>',
      '',
    ].join('\n');
    for (const memo of [undefined, 'whole page'] as const)
      expect(convertMarkdown(markdown, {}, memo).warnings).toEqual([
        'line 4: image media/logo.svg is relative but not an attachment of this page: it will not display',
        'line 6: raw HTML <foo> is not converted: shown as text',
        'line 6: link to docs/guide is relative but neither a page of this tree nor an attachment: it will not work in Confluence',
      ]);
  });

  it('says which table rows have more cells than the header: GFM leaves the extra ones out', () => {
    // A `|` in a code span still splits a cell (is-unsafe's README), and two rows run into one line (fastify's Errors.md).
    const markdown = [
      '| Rule | Matches |',
      '|------|---------|',
      '| `shell-semicolon` | `;` — command chaining |',
      '| `shell-pipe` | `|` — command piping |',
      '| `escaped` | `\\|` — kept |',
      '| a | b | c | d |',
      '',
    ].join('\n');
    const warnings = [
      'line 4: table row has 1 cell more than its header: left out, as GitHub does (write a | in a cell as \\|, in code too)',
      'line 6: table row has 2 cells more than its header: left out, as GitHub does (write a | in a cell as \\|, in code too)',
    ];
    for (const memo of [undefined, 'whole page'] as const) {
      const { storage, warnings: given } = convertMarkdown(markdown, {}, memo);
      expect(storage).toContain('<tr><td><code>shell-pipe</code></td><td>`</td></tr>');
      expect(storage).toContain('<td><code>|</code> — kept</td>');
      expect(given).toEqual(warnings);
    }
    // Fewer cells, or an empty one past the header (highlight.js' language table), lose nothing.
    expect(convertMarkdown('| a | b |\n|---|---|\n| 1 | 2 |  |\n| 3 |\n').warnings).toEqual([]);
  });

  describe('a table whose header row is empty (`| | |`, a key-value table)', () => {
    it('has no empty header row: its first column holds the keys, as Confluence lays out page properties', () => {
      const { storage } = convertMarkdown('| | |\n| --- | --- |\n| Status | **accepted** |\n| Date | 2024-05-01 |\n');
      expect(storage).toBe(
        '<table><tbody><tr><th>Status</th><td><strong>accepted</strong></td></tr>' +
          '<tr><th>Date</th><td>2024-05-01</td></tr></tbody></table>',
      );
    });

    it('of one column, is rows of cells', () => {
      expect(convertMarkdown('| |\n| --- |\n| a |\n| b |\n').storage).toBe(
        '<table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>',
      );
    });

    it('keeps a header row with any text in it, and an empty header of a table with no rows', () => {
      expect(convertMarkdown('| | Q1 |\n| --- | --- |\n| Sales | 10 |\n').storage).toContain(
        '<tr><th></th><th>Q1</th></tr>',
      );
      expect(convertMarkdown('| | |\n| --- | --- |\n').storage).toBe(
        '<table><tbody><tr><th></th><th></th></tr></tbody></table>',
      );
    });
  });

  it('keeps a code span before an unmatched backtick in a link text or an unclosed bracket', () => {
    // date-fns' CHANGELOG: the `[` look-ahead met the lone backtick first (markdown-it#1201).
    const link = first(
      '[Added `inclusive` option to `areIntervalsOverlapping](https://github.com/date-fns/date-fns/pull/643).',
    ) as Extract<Nodes, { type: 'paragraph' }>;
    expect(link.children[0]).toMatchObject({
      type: 'link',
      children: [
        { type: 'text', value: 'Added ' },
        { type: 'inlineCode', value: 'inclusive' },
        { type: 'text', value: ' option to `areIntervalsOverlapping' },
      ],
    });
    expect(convertMarkdown('[foo `bar` baz`\n').storage).toBe('<p>[foo <code>bar</code> baz`</p>');
  });

  it('keeps the text of nesting deeper than markdown-it would parse', () => {
    const text = (node: Nodes): string =>
      'value' in node ? String(node.value) : 'children' in node ? node.children.map(text).join('') : '';
    expect(text(parseMarkdown(`${'> '.repeat(500)}deep\n`))).toContain('deep');
    expect(text(parseMarkdown(`${'- '.repeat(300)}deep\n`))).toContain('deep');
  });
  it('is a unified parser plugin: a processor parses with it and runs transformers over its mdast', () => {
    const headings: string[] = [];
    const processor = unified()
      .use(markdownParse)
      .use(() => (tree: Root) => {
        for (const node of tree.children)
          if (node.type === 'heading') headings.push(node.depth + ':' + node.position?.start.line);
      });
    const tree = processor.runSync(processor.parse('# One\n\ntext\n\n## Two\n')) as Root;
    expect(tree).toEqual(parseMarkdown('# One\n\ntext\n\n## Two\n'));
    expect(headings).toEqual(['1:1', '2:5']);
  });
});
