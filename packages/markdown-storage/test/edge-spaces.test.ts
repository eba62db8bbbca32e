/**
 * Spaces at the edges of inline elements go outside them (the golden fixture inline-edge-spaces
 * shows the common cases); these are the cases where they must not move, which storageToMarkdown
 * cannot write back as Markdown (so they are not in the round-tripped fixture), and the spaces
 * beside line breaks, which go.
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

describe('spaces beside a line break', () => {
  it('are left out on both sides of a raw <br>, in a paragraph, an item, a cell and emphasis', () => {
    expect(toStorage('a  <br>  b\n')).toBe('<p>a<br />b</p>');
    expect(toStorage('- item \t<br/> more\n')).toBe('<ul><li>item<br />more</li></ul>');
    expect(toStorage('| h |\n|---|\n| x  <br>  y |\n')).toContain('<td>x<br />y</td>');
    expect(toStorage('*one <br> two* and **[link](https://example.com) <br> after**\n')).toBe(
      '<p><em>one<br />two</em> and <strong><a href="https://example.com">link</a><br />after</strong></p>',
    );
  });

  it('are left out before a hard break and after a soft break that follows one', () => {
    expect(toStorage('line one \\\nline two\n')).toBe('<p>line one<br />line two</p>');
    expect(toStorage('Type: `number`<br>\nDefault: `1`\n')).toBe(
      '<p>Type: <code>number</code><br />Default: <code>1</code></p>',
    );
    expect(toStorage('a <br><br> b\n')).toBe('<p>a<br /><br />b</p>');
  });

  it('keep no-break spaces, and code keeps its layout', () => {
    expect(toStorage('x &nbsp;<br>&nbsp; y\n')).toBe('<p>x &#160;<br />&#160; y</p>');
    expect(toStorage('<pre>a  <br>  b</pre>\n')).toBe('<pre>a  <br />  b</pre>');
    expect(toStorage('A <code>a  <br>  b</code>.\n')).toBe('<p>A <code>a  <br />  b</code>.</p>');
  });
});
