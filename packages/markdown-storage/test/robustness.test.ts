/**
 * "Never breaks a page": thousands of generated documents mixing the constructs that break
 * converters (unbalanced HTML, `]]>`, directives, tables, entities, control and surrogate
 * characters) must convert without throwing into well-formed XML that contains no macro
 * the Markdown did not ask for. Seeded, so a failure reproduces.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown, normalizeStorage } from '@docgen/markdown-storage';
import { ALLOWED_MACROS, checkStorage } from './conformance/visible-text.js';

const PIECES = [
  '*',
  '_',
  '**',
  '~~',
  '`',
  '```',
  '```ts title="a"',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](./a.png)',
  '](#x)',
  '](javascript:x)',
  '<',
  '>',
  '<b>',
  '</b>',
  '<i>',
  '<br>',
  '</p>',
  '<p>',
  '<details>',
  '<summary>',
  '</summary>',
  '</details>',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<ac:structured-macro ac:name="html">',
  '</ac:structured-macro>',
  '&amp;',
  '&nbsp;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '\u0000',
  '\u0001',
  '\u001b',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '😀',
  'é',
  ':::info[T]',
  ':::',
  '::toc{maxLevel=2}',
  ':status[S]{colour=Red}',
  ':anchor[a]',
  ':x[y]{z=1}',
  '[^1]',
  '[^1]: note',
  '| a | b |',
  '|---|:-:|',
  '- [ ] ',
  '- [x] ',
  '1. ',
  '- ',
  '> ',
  '> [!NOTE]',
  '# ',
  '## ',
  '---',
  '    ',
  '\t',
  '\\',
  'www.example.com',
  'https://e.example/x?a=1&b=2',
  'user@example.com',
  '<https://a.example>',
  '[r]: https://r.example "t"',
  '[r]',
  // Wiki.js, MkDocs, Obsidian, Quarto, MDX, GitLab and icon syntax.
  '<i class="fa fa-check"></i>',
  '<i class="fa fa-cog"></i> ',
  '<i></i>',
  '++ctrl+alt++',
  '++"K"+',
  '^^',
  '::: columns\n',
  ':::: {.column} ::::\n',
  '{.tabset}',
  '{ .md-button }',
  '`c`{.x}',
  ':material-check:',
  ':shipit:',
  '=== "Tab"\n    ',
  '> [!tip]- Title\n> ',
  '> [!bug | right]',
  '::: {.callout-note}\n',
  '::: {.column}\n',
  '<Tabs>\n  ',
  '<TabItem value="a">\n    ',
  '</TabItem>\n',
  '<Tabs values={[\n',
  '{{< alert type="note" >}}\n',
  '{{< /alert >}}\n',
  '{{< tab title="T" >}}\n',
  '==mark==',
  '[[_TOC_]]',
  '[[Page#Heading|alias]]',
  '![[image.png|300]]',
  '[[#',
  'text <div>',
  '</div> text',
  '<pre>word</pre>',
  '<p>open',
  'word',
  'words here',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\n\n',
  '\n\n',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A document's pieces, in order. */
function document(next: () => number): string[] {
  const length = 5 + Math.floor(next() * 80);
  const pieces: string[] = [];
  for (let index = 0; index < length; index += 1) pieces.push(PIECES[Math.floor(next() * PIECES.length)]!);
  return pieces;
}

/**
 * The document with its raw `<b>`, `</b>` and `<i>` written as `<font>` and `<nobr>`, formatting a
 * browser carries across blocks too but which shows only its text (transparent): the text of the
 * two conversions must be the same, however the formatting was cut, carried or pushed into blocks.
 */
const WITHOUT_FORMATTING: Record<string, string> = { '<b>': '<font>', '</b>': '</font>', '<i>': '<nobr>' };
const lettersOf = (text: string) => text.replace(/\s+/g, '');
const withTagsAsWritten = (text: string) =>
  text.replaceAll('<font>', '<b>').replaceAll('</font>', '</b>').replaceAll('<nobr>', '<i>');

describe('robustness', () => {
  it('converts 1500 generated hostile documents into well-formed XML, every element where storage holds it, with only known macros and no text lost to formatting', () => {
    const next = random(20261125);
    const failures: string[] = [];
    const options = { resolveAttachment: (src: string) => (src === './a.png' ? 'a.png' : undefined) };
    for (let index = 0; index < 1500; index += 1) {
      const pieces = document(next);
      const markdown = pieces.join('');
      try {
        const { storage } = convertMarkdown(markdown, options);
        const check = checkStorage(storage);
        const macros = check.macros.filter((name) => !ALLOWED_MACROS.has(name));
        const plain = convertMarkdown(pieces.map((piece) => WITHOUT_FORMATTING[piece] ?? piece).join(''), options);
        const plainText = withTagsAsWritten(checkStorage(plain.storage).text);
        const problem =
          check.error ??
          check.misplaced ??
          (macros.length ? `macros ${macros.join(', ')}` : undefined) ??
          (lettersOf(check.text) !== lettersOf(plainText) ? `text ${check.text} ≠ ${plainText}` : undefined);
        if (problem) failures.push(`${JSON.stringify(markdown)}\n  → ${problem}\n  ${storage}`);
        normalizeStorage(storage);
      } catch (error) {
        failures.push(`${JSON.stringify(markdown)}\n  threw ${(error as Error).stack}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('converts absurdly deep nesting without exhausting the stack, keeping the text', () => {
    const cases = {
      quotes: `${'>'.repeat(3000)} deep\n`,
      emphasis: `${'*a '.repeat(300)}deep${' a*'.repeat(300)}`,
      html: `${'<b>'.repeat(5000)}deep`,
      details: `${'<details>\n'.repeat(3000)}deep\n`,
      directives: `${Array.from({ length: 200 }, (_, index) => `${':'.repeat(403 - index * 2)}info`).join('\n')}\ndeep\n`,
      'pandoc divs': `${'::: {.a}\n'.repeat(3000)}deep\n${':::\n'.repeat(3000)}`,
      'bare-word divs': `${'::: column\n'.repeat(3000)}deep\n${':::\n'.repeat(3000)}`,
      // Not nesting, but as many inline nodes in one paragraph (spread into a push, they overflowed it).
      'code spans': `${'`a` '.repeat(120_000)}deep`,
    };
    for (const [name, markdown] of Object.entries(cases)) {
      const result = convertMarkdown(markdown);
      const check = checkStorage(result.storage);
      expect({ name, error: check.error, hasText: check.text.includes('deep') }).toEqual({
        name,
        error: undefined,
        hasText: true,
      });
      expect(() => normalizeStorage(result.storage)).not.toThrow();
    }
  });

  it('says at which line content was flattened, the first of the page, whole or block by block', () => {
    const deep = (word: string) => `${'> '.repeat(80)}${word}\n`;
    const markdown = `Intro\n\n${deep('first')}\nBetween\n\n${deep('second')}`;
    const warning = 'line 3: content nested deeper than 64 levels is flattened to text';
    // Block by block (parts.ts), and whole: a link reference definition makes the page one piece.
    expect(convertMarkdown(markdown).warnings).toEqual([warning]);
    expect(convertMarkdown(`${markdown}\n[ref]: https://example.com\n`).warnings).toEqual([warning]);
  });
});
