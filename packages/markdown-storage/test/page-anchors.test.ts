/**
 * `pageAnchors` answers links from other pages (`./other.md#getting-started`): its table must be the
 * one the target page's own conversion builds from the headings it emits, however a heading is
 * written. Checked against the whole-page parse the converter uses (every golden fixture, the
 * installed packages' Markdown) and on each way a heading can be produced or only look like one.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@docgen/test-support';
import { convertMarkdown, pageAnchors, toStorage } from '../src/convert.js';
import { plainHeadingLines } from '../src/plain-headings.js';
import { headingAnchors } from '../src/page-headings.js';
import { parseMarkdown } from '../src/parse/index.js';
import { limitDepth } from '../src/depth.js';
import { goldenInputs } from './fixture-options.js';
import { installedMarkdown } from './installed-markdown.js';

/** The table a whole-page conversion builds (convert.ts `prepare`, after the depth bound). */
function convertersTable(markdown: string): Map<string, string> {
  const tree = parseMarkdown(markdown);
  limitDepth(tree);
  return headingAnchors(tree);
}

function mismatches(pages: Array<{ name: string; markdown: string }>): string[] {
  return pages
    .filter(
      ({ markdown }) => JSON.stringify([...pageAnchors(markdown)]) !== JSON.stringify([...convertersTable(markdown)]),
    )
    .map(({ name }) => name);
}

describe('pageAnchors', () => {
  it("equals the converter's own heading table on every golden fixture", () => {
    const fixtures = goldenInputs();
    expect(fixtures.length).toBeGreaterThan(15);
    expect(mismatches(fixtures)).toEqual([]);
  });

  it("equals it on the installed packages' Markdown", () => {
    const files = installedMarkdown(join(repoRoot, 'node_modules'));
    expect(files.length).toBeGreaterThan(100);
    expect(mismatches(files.map((file) => ({ name: file, markdown: readFileSync(file, 'utf8') })))).toEqual([]);
  });

  it('sees setext headings, and numbers the repeats after them as Confluence does', () => {
    const anchors = pageAnchors('Setup\n=====\n\ntext\n\n## Setup\n\nUsage\n-----\n');
    expect(anchors.get('setup')).toBe('Setup');
    expect(anchors.get('setup-1')).toBe('Setup.1');
    expect(anchors.get('usage')).toBe('Usage');
  });

  it("sees Kubernetes' heading shortcodes written as a paragraph of their own", () => {
    const markdown = '## {{% heading "prerequisites" %}}\n\n{{% whatsnext-heading %}}\n\n* [Next](next.md)\n';
    const anchors = pageAnchors(markdown);
    // The converter renders both as headings; the anchors are those headings' own.
    expect(toStorage(markdown)).toContain("<h2>What's next</h2>");
    expect(anchors.get('before-you-begin')).toBe('Beforeyoubegin');
    expect(anchors.get('whats-next')).toBe("What'snext");
  });

  it('names a heading by the emoji it shows, and a shortcode in code by its name (Node.js test.md)', () => {
    const markdown =
      "### Event: `'test:watch:drained'`\n\n### Done :rocket:\n\nSee [event](#event-testwatchdrained).\n";
    const anchors = pageAnchors(markdown);
    expect(anchors.get('event-testwatchdrained')).toBe("Event:'test:watch:drained'");
    expect(anchors.get('done-rocket')).toBe('Done🚀');
    for (const memo of [undefined, 'whole page'] as const) {
      const { storage } = convertMarkdown(markdown, {}, memo);
      expect(storage).toContain("<h3>Event: <code>'test:watch:drained'</code></h3>");
      expect(storage).toContain('<ac:link ac:anchor="Event:\'test:watch:drained\'">');
    }
  });

  it('names a heading by the raw HTML it shows as text (jest-changed-files: `Array<string>`), not by the tags it converts', () => {
    const markdown = [
      '### findRepos(roots: Array<string>): Promise<Repos>',
      '### Title <b>bold</b> <kbd>K</kbd>',
      '### findRepos(roots: Array<string>): Promise<Repos>',
      'See [first](#findreposroots-array-promise) and [again](#findreposroots-array-promise-1).',
      '',
    ].join('\n\n');
    const anchors = pageAnchors(markdown);
    // GitHub hides the unknown tags, so its slug has no `string`; Confluence shows them.
    expect(anchors.get('findreposroots-array-promise')).toBe('findRepos(roots:Array<string>):Promise<Repos>');
    expect(anchors.get('findreposroots-array-promise-1')).toBe('findRepos(roots:Array<string>):Promise<Repos>.1');
    expect(anchors.get('title-bold-k')).toBe('TitleboldK');
    for (const memo of [undefined, 'whole page'] as const) {
      const { storage } = convertMarkdown(markdown, {}, memo);
      expect(storage).toContain('<h3>findRepos(roots: Array&lt;string&gt;): Promise&lt;Repos&gt;</h3>');
      expect(storage).toContain('ac:anchor="findRepos(roots:Array&lt;string&gt;):Promise&lt;Repos&gt;.1"');
    }
  });

  it('sees headings nested in lists, quotes and indented admonitions', () => {
    const anchors = pageAnchors('- ## In a list\n\n> ## In a quote\n\n!!! note\n\n    ## In a note\n');
    expect([...anchors.values()]).toEqual(expect.arrayContaining(['Inalist', 'Inaquote', 'Inanote']));
  });

  it('does not count what only looks like a heading line', () => {
    const markdown = [
      '{% highlight ruby %}',
      '# a Ruby comment',
      '{% endhighlight %}',
      '',
      '::: {.callout-tip}',
      '## Callout title',
      'Body.',
      ':::',
      '',
      '## Real',
    ].join('\n');
    const anchors = pageAnchors(markdown);
    expect(toStorage(markdown)).not.toContain('<h1>');
    expect(anchors.has('a-ruby-comment')).toBe(false);
    expect(anchors.has('callout-title')).toBe(false);
    expect(anchors.get('real')).toBe('Real');
  });

  it('reads the heading lines of a page written in plain ATX headings, and leaves the rest to the parse', () => {
    const installed = installedMarkdown(join(repoRoot, 'node_modules')).map((file) => readFileSync(file, 'utf8'));
    // The line reading answers for most pages; the tests above hold its answers to the converter's.
    const read = installed.filter((markdown) => plainHeadingLines(markdown) !== undefined);
    expect(read.length / installed.length).toBeGreaterThan(0.5);
    const page = [
      '# Title\r',
      '',
      '```    data:(x)``` is inline code, not a fence',
      '',
      '## After it',
      '',
      '<pre>',
      '# not a heading',
      '</pre>',
      '',
      ':::info[Circular reference]',
      'Shown once.',
      ':::',
      '',
      '```sh',
      '# a comment',
      '```',
      '## Last',
    ].join('\n');
    expect(plainHeadingLines(page)).toEqual(['# Title', '## After it', '## Last']);
    expect([...new Set(pageAnchors(page).values())]).toEqual(['Title', 'Afterit', 'Last']);
    for (const notPlain of [
      'Title\n=====',
      '- ## In a list',
      '<div>\n# inside\n</div>',
      '[x]: https://x.test\n# [Y][x]',
      '# Title\n\n<h2 id="usage">Usage</h2>',
      '# Title\n\nText <h3>inline</h3> more',
    ])
      expect(plainHeadingLines(notPlain)).toBeUndefined();
  });

  it('sees headings written in raw HTML, in order with the Markdown ones, as the page converts them', () => {
    const page = [
      '## Setup',
      '',
      '<h2 id="run-it">Setup</h2>',
      '',
      '<h1 align="center">',
      '',
      'Project',
      '',
      '</h1>',
      '',
      '<details><summary><h3>Folded</h3></summary>',
      '',
      'body',
      '',
      '</details>',
      '',
      '## Setup',
    ].join('\n');
    const anchors = pageAnchors(page);
    expect(anchors).toEqual(convertersTable(page));
    // GitHub slugs only Markdown headings: `#setup-1` is the second Markdown one, Confluence's third.
    expect(anchors.get('setup')).toBe('Setup');
    expect(anchors.get('run-it')).toBe('Setup.1');
    expect(anchors.get('setup-1')).toBe('Setup.2');
    // A raw heading left open takes the blocks up to its end tag, as the converter writes it.
    expect(anchors.get('project')).toBe('Project');
    expect(anchors.has('folded')).toBe(false);
    // The same table block by block and whole (parts.ts): a link from the page finds them too.
    const links = '\n\n[a](#run-it) [b](#project) [c](#setup-1)';
    const { storage, warnings } = convertMarkdown(page + links);
    expect(warnings).toEqual([]);
    expect(storage).toContain('ac:anchor="Setup.1"');
    expect(storage).toContain('ac:anchor="Project"');
    expect(storage).toContain('ac:anchor="Setup.2"');
  });
});
