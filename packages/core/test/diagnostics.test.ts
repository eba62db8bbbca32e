import { describe, expect, it } from '@jest/globals';
import { codeFrame } from '@docgen/core';

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
