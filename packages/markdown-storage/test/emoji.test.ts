/**
 * Emoji shortcodes inside raw HTML code (`<pre>`, `<code>`) stay as written, as GitHub shows them.
 * Not a golden fixture: storage → Markdown turns `<pre>` into a code block, so it cannot round-trip.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '@docgen/markdown-storage';

describe('emoji shortcodes in raw HTML code', () => {
  it('stay as written in <pre> and in <code>, also under Markdown emphasis there', () => {
    const { storage } = convertMarkdown('<pre>:tada: in pre</pre>\n\n<code>**:tada:** bold</code> and :tada: after\n');
    expect(storage).toBe('<pre>:tada: in pre</pre>\n<p><code><strong>:tada:</strong> bold</code> and 🎉 after</p>');
  });
});

/**
 * GitHub's own image-only emoji (`:octocat:`, `:shipit:`, `:atom:`: pictures on its asset host,
 * with no Unicode character, so not in gemoji) stay as written: that is the alt text GitHub gives
 * their images, and Confluence would have to fetch a picture from GitHub to show more.
 */
describe("GitHub's image-only emoji", () => {
  const custom = ['octocat', 'shipit', 'atom', 'basecamp', 'bowtie', 'electron', 'trollface', 'rage1'];

  it('stay as their shortcode, in text, headings and raw HTML, beside emoji that do convert', () => {
    for (const name of custom) {
      const { storage, warnings } = convertMarkdown(`# Ship :${name}:\n\n:${name}::+1: and <sub>:${name}:</sub>\n`);
      expect(storage).toBe(`<h1>Ship :${name}:</h1>\n<p>:${name}:👍 and <sub>:${name}:</sub></p>`);
      expect(warnings).toEqual([]);
    }
  });
});
