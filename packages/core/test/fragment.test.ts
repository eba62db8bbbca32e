import { describe, expect, it } from '@jest/globals';
import { closeOpenElements } from '@docgen/core';

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
    ];
    for (const text of unchanged) expect(closeOpenElements(text)).toBe(text);
  });
});
