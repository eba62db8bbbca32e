/**
 * Spaces at the edges of inline elements go outside them (the golden fixture inline-edge-spaces
 * shows the common cases); these are the cases where they must not move, which storageToMarkdown
 * cannot write back as Markdown (so they are not in the round-tripped fixture).
 */
import { describe, expect, it } from '@jest/globals';
import { toStorage } from '../src/index.js';

describe('spaces at the edges of inline elements', () => {
  it('stay inside formatting within raw code, where spaces are content', () => {
    expect(toStorage('A <code><em> in code </em></code> b.\n')).toBe('<p>A <code><em> in code </em></code> b.</p>');
    expect(toStorage('<pre><b> x </b>  y</pre>\n')).toContain('<strong> x </strong>');
  });

  it('keep a no-break space inside: it is content, not layout', () => {
    expect(toStorage('A <em>&nbsp;kept </em>b.\n')).toBe('<p>A <em>&#160;kept</em> b.</p>');
  });

  it('leave a link of spaces only as it was: it shows its URL', () => {
    expect(toStorage('A [ ](https://example.com) b.\n')).toBe(
      '<p>A <a href="https://example.com">https://example.com</a> b.</p>',
    );
  });

  it('are one space where whitespace was already beside the element, none at a line edge', () => {
    expect(toStorage('one <em> two </em> three\n')).toBe('<p>one <em>two</em> three</p>');
    expect(toStorage('<em> lead</em> and <b>tail </b>\n')).toBe('<p><em>lead</em> and <strong>tail</strong></p>');
  });
});
