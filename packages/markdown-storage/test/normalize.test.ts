/**
 * normalizeStorage: stable across what Confluence rewrites on its own, sensitive to real edits.
 * The "rewrites" below are the ones Confluence is known to make when it stores a page.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeStorage, toStorage } from '@docgen/markdown-storage';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What Confluence does to storage it saves, none of which is a change of content (CDATA bodies aside). */
function asConfluenceRewritesIt(storage: string): string {
  let id = 0;
  const rewriteMarkup = (markup: string) =>
    markup
      .replace(
        /<ac:structured-macro ac:name="([^"]*)">/g,
        (_m, name: string) =>
          `<ac:structured-macro ac:schema-version="1" ac:name="${name}" ac:macro-id="${(id += 1)}-abc">`,
      )
      .replace(/<ac:task>/g, () => `<ac:task><ac:task-id>${(id += 1)}</ac:task-id>`)
      .replace(/<table>/g, '<table data-layout="default" ac:local-id="t1">')
      .replace(/<strong>/g, '<b>')
      .replace(/<\/strong>/g, '</b>')
      .replace(/<br \/>/g, '<br/>')
      .replace(/&#160;/g, '&nbsp;')
      .replace(/&quot;/g, '&#34;')
      .replace(/<p><\/p>/g, '<p />')
      .replace(/<a href="([^"]*)" title="([^"]*)">/g, "<a title='$2' href='$1'>")
      // Line feeds between elements go, those inside a <pre> are its text and stay.
      .replace(/<pre\b[\s\S]*?<\/pre>|\n/g, (match) => (match === '\n' ? '' : match))
      .replace(/><(p|h\d|ul|ol|li|table|tr|ac:task)[ >]/g, (m) => `>\n  ${m.slice(1)}`);
  // Confluence splits CDATA where it likes; the text inside is never rewritten.
  return storage
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => {
      const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(part);
      if (!cdata) return rewriteMarkup(part);
      const body = cdata[1]!;
      return body.length > 1 ? `<![CDATA[${body.slice(0, 1)}]]><![CDATA[${body.slice(1)}]]>` : part;
    })
    .join('');
}

describe('normalizeStorage', () => {
  const cases = readdirSync(fixturesDir).sort();

  for (const name of cases) {
    it(`ignores Confluence's own rewrites (${name})`, () => {
      const storage = toStorage(readFileSync(join(fixturesDir, name, 'input.md'), 'utf8'));
      const rewritten = asConfluenceRewritesIt(storage);
      expect(rewritten).not.toBe(storage);
      expect(normalizeStorage(rewritten)).toBe(normalizeStorage(storage));
    });
  }

  it('puts each block on its own line and keeps inline markup on its line', () => {
    const storage = toStorage('# Title\n\nSome *em* and [a link](https://x.example).\n\n- one\n- two\n');
    expect(normalizeStorage(storage)).toBe(
      [
        '<h1>Title</h1>',
        '<p>Some <em>em</em> and <a href="https://x.example">a link</a>.</p>',
        '<ul>',
        '  <li>one</li>',
        '  <li>two</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  it('keeps code bodies line by line, whitespace included', () => {
    const normalized = normalizeStorage(toStorage('```py\ndef f():\n    return 1\n```\n'));
    expect(normalized).toContain('    |def f():\n    |    return 1\n');
    expect(normalizeStorage(toStorage('```py\ndef f():\n  return 1\n```\n'))).not.toBe(normalized);
  });

  it('shows real edits: a word, an attribute, a macro parameter', () => {
    const base = normalizeStorage(toStorage(':::info[Title]\nText with a [link](https://a.example).\n:::\n'));
    expect(normalizeStorage(toStorage(':::info[Title]\nText with a [link](https://b.example).\n:::\n'))).not.toBe(base);
    expect(normalizeStorage(toStorage(':::info[Other]\nText with a [link](https://a.example).\n:::\n'))).not.toBe(base);
    expect(normalizeStorage(toStorage(':::info[Title]\nText with the [link](https://a.example).\n:::\n'))).not.toBe(
      base,
    );
  });

  it('treats the paragraph Confluence Cloud wraps around cell, list item and task content as no change', () => {
    const ours = toStorage('| a |\n| - |\n| b |\n\n- item\n\n- [ ] task\n');
    const cloud = ours.replace(/<(th|td|li|ac:task-body)>([^<]*)<\/\1>/g, '<$1><p>$2</p></$1>');
    expect(cloud).not.toBe(ours);
    expect(normalizeStorage(cloud)).toBe(normalizeStorage(ours));
    // A cell with two paragraphs, or a styled one, is different content.
    expect(normalizeStorage('<table><tbody><tr><td><p>a</p><p>b</p></td></tr></tbody></table>')).not.toBe(
      normalizeStorage('<table><tbody><tr><td>a b</td></tr></tbody></table>'),
    );
  });

  it('escapes text so it cannot be mistaken for markup', () => {
    expect(normalizeStorage('<p>&lt;script&gt; &amp; more</p>')).toBe('<p>&lt;script&gt; &amp; more</p>\n');
  });

  it('survives storage that is not well-formed', () => {
    expect(normalizeStorage('<p>open <strong>bold</p><p>next &unknown; </div>')).toBe(
      '<p>open <strong>bold</strong></p>\n<p>next &amp;unknown;</p>\n',
    );
  });
});
