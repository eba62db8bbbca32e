/**
 * The parser tries each rule only at the characters it can start with (src/parse/dispatch.ts).
 * With `checkTriggers` on it tries every rule, as markdown-it does, and throws when one matches
 * where its listed characters say it cannot: run here on every input we have, and on a sample of
 * every syntax the parser adds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedFile } from '@docgen/test-support';
import MarkdownIt from 'markdown-it';
import { checkTriggers, dispatchByCharacter } from '../src/parse/dispatch.js';
import { parseMarkdown } from '../src/parse/index.js';
import { toStorage } from '../src/index.js';
import { goldenInputs } from './fixture-options.js';
import { installedMarkdown } from './installed-markdown.js';
import { readSpecExamples } from './conformance/spec-examples.js';

/** One line or block of each syntax the parser adds to CommonMark and GFM, at a line's start and inline. */
const EVERY_SYNTAX = [
  '---\ntitle: Front matter\n---\n',
  ':::info\nA panel\n:::\n',
  '::include[file]{src="a.md"}\n',
  'A :status[OK]{colour=Green} word',
  '!!! note "Admonition"\n    Body\n',
  '??? tip "Collapsed"\n    Body\n',
  '=== "Tab"\n    Content\n',
  '/// details | Summary\nBody\n///\n',
  '```jsx live\n<Demo />\n```\n',
  '{% highlight ruby %}\nputs 1\n{% endhighlight %}\n',
  '{{< hint info >}}\nHint\n{{< /hint >}}\n',
  '{{< param "x" >}} and {{% heading %}} and {{Compat}}',
  '$$\nx^2\n$$\n',
  'Inline $x^2$ math',
  '<Callout type="warning">\nMDX\n</Callout>\n',
  'import Tabs from "@theme/Tabs";\n\nexport const a = 1;\n',
  'Term\n: Definition\n',
  '*[HTML]: Hyper Text Markup Language\n\nHTML text',
  '==marked== ^^inserted^^ ~~struck~~ ++ctrl+alt+del++',
  '[[Wiki link]] and ![[embed.png|300]]',
  'Note[^1].\n\n[^1]: The footnote.\n',
  '<https://example.com> <span>html</span> &amp; `code` \\* *em* _em_ **strong**',
  '- [ ] task\n- [x] done\n\n1. one\n2) two\n\n+ plus\n\n> quote\n\n***\n\n___\n\n# Heading\n\nSetext\n===\n',
  '    indented code\n\n| a | b |\n| :- | -: |\n| 1 | 2 |\n',
  '[ref]\n\n[ref]: https://example.com "Title"\n',
  'Line  \nbreak\\\nand https://autolink.example www.example.com',
];

describe('rules tried by character', () => {
  beforeAll(() => {
    checkTriggers.enabled = true;
  });
  afterAll(() => {
    checkTriggers.enabled = false;
  });

  const parseAll = (documents: string[]) => {
    for (const markdown of documents) parseMarkdown(markdown);
    return documents.length;
  };

  it('lists every character each rule matched at, on a sample of every syntax the parser knows', () => {
    expect(parseAll(EVERY_SYNTAX)).toBe(EVERY_SYNTAX.length);
    // Each sample inside containers too: a list item, a quote, a table cell's inline content.
    const nested = EVERY_SYNTAX.flatMap((sample) => [
      `- ${sample.replace(/\n/g, '\n  ')}`,
      `> ${sample.replace(/\n/g, '\n> ')}`,
    ]);
    expect(parseAll(nested)).toBe(nested.length);
  });

  it('on the golden fixtures and the Markdown of the installed packages', () => {
    const fixtures = goldenInputs().map((fixture) => fixture.markdown);
    expect(parseAll(fixtures)).toBeGreaterThan(15);
    const installed = installedMarkdown(join(repoRoot, 'node_modules')).map((file) => readFileSync(file, 'utf8'));
    expect(parseAll(installed)).toBeGreaterThan(100);
  });

  const suites = ['commonmark-spec', 'gfm-spec', 'gfm-extensions'].map(
    (suite) => [suite, sharedFile(`corpus/markdown/${suite}.txt`)] as const,
  );
  const specAvailable = suites.every(([, file]) => file);
  if (!specAvailable) console.log('skipping the spec examples: ../shared/corpus/markdown is not beside this clone');
  (specAvailable ? it : it.skip)('on every CommonMark and GFM example', () => {
    const examples = suites.flatMap(([suite, file]) => readSpecExamples(file!, suite));
    expect(parseAll(examples.map((example) => example.markdown))).toBeGreaterThan(1300);
  });

  it('converts the same with the check on as off (the check tries every rule, as markdown-it does)', () => {
    const checked = EVERY_SYNTAX.map((markdown) => toStorage(markdown));
    checkTriggers.enabled = false;
    const dispatched = EVERY_SYNTAX.map((markdown) => toStorage(markdown));
    checkTriggers.enabled = true;
    expect(dispatched).toEqual(checked);
    expect(checked.join('')).toContain('ac:name="info"');
  });

  it('names the rule and the character when a rule matches where its triggers do not say', () => {
    // A parser whose table lists the escape rule at `!` only, and the heading rule at `=`.
    const wrong = new MarkdownIt();
    dispatchByCharacter(wrong, { inline: { escape: '!' }, block: { heading: '=' } });
    expect(() => wrong.parse('\\* not emphasis', {})).toThrow('markdown rule "escape" matched at "\\\\"');
    expect(() => wrong.parse('# Title', {})).toThrow('markdown rule "heading" matched at "#"');
    // Unchecked, the wrong table is what runs: the escape and the heading are never tried there.
    checkTriggers.enabled = false;
    const tokens = wrong.parse('# Title\n\n\\*', {});
    checkTriggers.enabled = true;
    expect(tokens.map((token) => token.type)).not.toContain('heading_open');
    expect(tokens.find((token) => token.type === 'inline' && token.content === '\\*')?.children?.[0]?.content).toBe(
      '\\*',
    );
  });
});
