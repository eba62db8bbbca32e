/**
 * The "unknown directive" warning lists the names docgen knows for that kind of directive. The
 * list is read here from the warning itself, and every name in it must convert without that
 * warning: a name the handlers know but the list leaves out (or the reverse) fails this test.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/index.js';

/** The names after `known:` in the page's unknown-directive warning. */
function namesListedFor(markdown: string): string[] {
  const warning = convertMarkdown(markdown).warnings.find((message) => message.includes('unknown directive'));
  const list = /\(known: ([^)]*)\)/.exec(warning ?? '')?.[1];
  if (!list) throw new Error(`no unknown-directive warning with a list for ${JSON.stringify(markdown)}`);
  return list.split(', ');
}

function unknownWarnings(markdown: string): string[] {
  return convertMarkdown(markdown).warnings.filter((message) => message.includes('unknown directive'));
}

const KINDS = [
  {
    kind: 'container',
    unknown: ':::sidebar[Hidden]\nBody.\n:::\n',
    written: (name: string) => `:::${name}[Title]{name=part colour=Green}\nBody.\n:::\n`,
    // The names other Markdown tools write, which docgen reads as containers: the list must keep them.
    mustList: ['info', 'note', 'warning', 'tip', 'panel', 'expand', 'excerpt', 'details', 'spoiler', 'message'],
  },
  {
    kind: 'leaf',
    unknown: '::video{src=demo.mp4}\n',
    written: (name: string) => `::${name}[setup]{name=setup}\n`,
    mustList: ['toc', 'children', 'anchor', 'status'],
  },
  {
    kind: 'unclosed container',
    unknown: ':::sidebar\nNever closed.\n',
    written: (name: string) => `:::${name}[Title]\nBody.\n:::\n`,
    mustList: ['info', 'details', 'spoiler', 'message'],
  },
];

describe('unknown directive warning', () => {
  for (const { kind, unknown, written, mustList } of KINDS) {
    it(`lists, for a ${kind}, only names that convert without the warning`, () => {
      const listed = namesListedFor(unknown);
      expect(listed).toEqual(expect.arrayContaining(mustList));
      for (const name of listed) {
        expect({ name, warnings: unknownWarnings(written(name)) }).toEqual({ name, warnings: [] });
      }
    });
  }

  it('converts the text directives the leaf list names in a line too', () => {
    for (const name of ['anchor', 'status']) {
      const storage = convertMarkdown(`Before :${name}[setup]{name=setup} after.\n`).storage;
      expect(storage).toContain(`ac:name="${name}"`);
    }
  });

  it('does not list a container name for a leaf directive, which would still be unknown', () => {
    const listed = namesListedFor(unknown('leaf'));
    expect(listed).not.toContain('details');
    expect(unknownWarnings('::details[Title]\n')).toHaveLength(1);
  });
});

function unknown(kind: string): string {
  return KINDS.find((entry) => entry.kind === kind)!.unknown;
}
