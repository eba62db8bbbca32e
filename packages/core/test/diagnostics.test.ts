import { describe, expect, it } from '@jest/globals';
import { closestName, codeFrame, editDistance } from '@docgen/core';

describe('codeFrame', () => {
  const text = 'one\r\ntwo\nthree\nfour\nfive\nsix\n';

  it('frames a line with two neighbours each side and a caret under the column, CRLF or not', () => {
    expect(codeFrame(text, 3, 2)).toBe(
      ['  1 | one', '  2 | two', '> 3 | three', '    |  ^', '  4 | four', '  5 | five'].join('\n'),
    );
  });

  it('stops at the ends of the text (the empty line after a final newline included)', () => {
    expect(codeFrame(text, 1)).toBe(['> 1 | one', '    | ^', '  2 | two', '  3 | three'].join('\n'));
    expect(codeFrame(text, 7)).toBe(['  5 | five', '  6 | six', '> 7 | ', '    | ^'].join('\n'));
    expect(codeFrame('no newline', 1, 4)).toBe(['> 1 | no newline', '    |    ^'].join('\n'));
  });

  it('frames lines of several texts in turn, each from its own lines', () => {
    const other = 'alpha\nbeta\ngamma';
    expect(codeFrame(other, 2, 1, 0)).toBe(['> 2 | beta', '    | ^'].join('\n'));
    expect(codeFrame(text, 2, 1, 0)).toBe(['> 2 | two', '    | ^'].join('\n'));
    expect(codeFrame(other, 3, 1, 0)).toBe(['> 3 | gamma', '    | ^'].join('\n'));
  });
});

describe('editDistance', () => {
  it('counts two swapped neighbours as one slip, and change, add or drop as one each', () => {
    expect(editDistance('spce', 'spec')).toBe(1);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('url', 'user')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('lets a short key’s swapped letters find the key meant, and nothing for an unrelated word', () => {
    expect(closestName('spce', ['spec', 'title', 'key'], 1)).toBe('spec');
    expect(closestName('url', ['user', 'spaceKey'], 1)).toBeUndefined();
  });
});
