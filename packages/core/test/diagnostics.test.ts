import { describe, expect, it } from '@jest/globals';
import { closestName, codeFrame, editDistance, groupRepeats, placeOf, type Diagnostic } from '@docgen/core';

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

  it('shows a long line (a JSON description) around the column, between …, the caret under it', () => {
    const long = `{\n  "description": "${'x'.repeat(100)}[see](#nowhere)${'y'.repeat(100)}"\n}`;
    const frame = codeFrame(long, 2, 119, 2, 40);
    expect(frame.split('\n')).toEqual([
      '  1 | …',
      '> 2 | …xxxxxxxxxxxxx[see](#nowhere)yyyyyyyyyyyy…',
      `    | ${' '.repeat(14)}^`, // under the [ after … and 13 x
      '  3 | …',
    ]);
    // Short lines stay whole, as without the width.
    expect(codeFrame(text, 3, 2, 2, 40)).toBe(codeFrame(text, 3, 2));
  });

  it('clips by default: a minified JSON spec (one line of megabytes) frames its column, not the whole line', () => {
    const minified = `{"openapi":"3.0.3",${'"x":1,'.repeat(100_000)}"paths":{"$ref":"#/nope"}}`;
    const frame = codeFrame(minified, 1, minified.indexOf('"$ref"') + 1);
    expect(frame.length).toBeLessThan(400);
    expect(frame).toContain('"$ref":"#/nope"');
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

describe('groupRepeats', () => {
  const deadLink = (file: string, line: number): Diagnostic => ({
    code: 'DG_CONVERT',
    severity: 'warning',
    message: 'link to /api/units is relative but neither a page of this tree nor an attachment',
    location: { file, line, pointer: '#/paths/~1current/get/description' },
  });
  const bodyOnDelete: Diagnostic = {
    code: 'DG_OPENAPI_BODY_METHOD',
    severity: 'warning',
    message: 'DELETE /alerts has a request body',
    location: { file: 'spec.yaml', line: 32 },
  };

  it('puts a problem repeated at other places under its first, in the order of first appearances', () => {
    const groups = groupRepeats([deadLink('spec.yaml', 10), bodyOnDelete, deadLink('spec.yaml', 17)]);
    expect(groups.map((group) => [group.diagnostic, group.repeats])).toEqual([
      [deadLink('spec.yaml', 10), [deadLink('spec.yaml', 17)]],
      [bodyOnDelete, []],
    ]);
  });

  it('never merges different messages or hints, nor errors', () => {
    const otherLink = { ...deadLink('spec.yaml', 3), message: 'link to /api/codes is relative but …' };
    const hinted = { ...deadLink('spec.yaml', 4), hint: 'give docgen the site’s URL' };
    const error: Diagnostic = { ...deadLink('spec.yaml', 5), severity: 'error' };
    const groups = groupRepeats([deadLink('spec.yaml', 1), otherLink, hinted, error, error]);
    expect(groups.map((group) => group.repeats.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('compares a message that names its own place (a rendered page) without that place', () => {
    const onPage = (page: string, line: number): Diagnostic => ({
      code: 'DG_CONVERT',
      severity: 'warning',
      message: `${page}: line ${line}: link to /api/units is relative`,
      placeInMessage: { rest: 'link to /api/units is relative', place: `${page} line ${line}` },
    });
    const [group, ...others] = groupRepeats([onPage('api/tag/current', 11), onPage('api/tag/forecast', 12)]);
    expect(others).toEqual([]);
    expect(group!.repeats.map(placeOf)).toEqual(['api/tag/forecast line 12']);
  });

  it('names a place by file:line:column, leaving the JSON pointer out when there is a line', () => {
    expect(
      placeOf({ ...deadLink('spec.yaml', 17), location: { file: 'spec.yaml', line: 17, column: 3, pointer: '#/a' } }),
    ).toBe('spec.yaml:17:3');
    expect(placeOf({ ...bodyOnDelete, location: { pointer: '#/paths/~1a' } })).toBe('at #/paths/~1a');
  });
});
