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
