/**
 * Long documents are parsed in sections (src/chunks.ts) for speed. This checks the promise that
 * makes that safe: the sectioned tree — positions included — and the storage are exactly those
 * of parsing the whole document in one piece.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedFile } from '@docgen/test-support';
import { SECTION_SIZE, parseMarkdown, parseMarkdownWhole } from '../src/convert.js';
import { splitSections } from '../src/chunks.js';
import { readSpecExamples } from './conformance/spec-examples.js';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function fixtureDocument(): string {
  const parts: string[] = [];
  for (let round = 0; parts.join('').length < 200_000; round += 1) {
    for (const name of readdirSync(fixturesDir).sort()) {
      parts.push(`# ${name} ${round}\n\n${readFileSync(join(fixturesDir, name, 'input.md'), 'utf8')}\n`);
    }
  }
  return parts.join('');
}

function expectSameAsWhole(markdown: string): void {
  expect(parseMarkdown(markdown)).toEqual(parseMarkdownWhole(markdown));
}

describe('sectioned parsing', () => {
  it('cuts a long document of every construct into sections, and parses it exactly as in one piece', () => {
    const markdown = fixtureDocument();
    expect(splitSections(markdown, SECTION_SIZE)?.sections.length).toBeGreaterThan(5);
    expectSameAsWhole(markdown);
    expectSameAsWhole(`${markdown}no final newline`);
  });

  it('does not cut inside fenced code, directives or multi-line HTML', () => {
    const filler = 'Some words in a paragraph to make this long enough. '.repeat(400);
    const markdown = [
      `# One\n\n${filler}\n\n\`\`\`md\n${filler}\n\n# not a heading: inside a fence\n\`\`\`\n`,
      `:::info\n${filler}\n\n# inside a panel\n:::\n`,
      `<!--\n${filler}\n\n# inside a comment\n-->\n`,
      `<pre>\n${filler}\n\n# inside pre\n</pre>\n`,
      `# Two\n\n${filler}\n\n# Three\n\n[ref]\n\n[ref]: https://example.com\n\n# Four\n\n${filler}[^n]\n\n[^n]: a note\n`,
    ].join('\n');
    const split = splitSections(markdown, SECTION_SIZE)!;
    for (const section of split.sections.slice(1)) expect(section.text).not.toMatch(/^# (?:not|inside)/);
    expectSameAsWhole(markdown);
  });

  it('parses the spec examples, concatenated under headings, exactly as in one piece', () => {
    const file = sharedFile('corpus/markdown/commonmark-spec.txt');
    if (!file) return;
    const examples = readSpecExamples(file, 'commonmark-spec');
    // Examples with definitions inside containers make the splitter refuse; keep runs without them
    // so the cut points are exercised, and check both documents.
    const all = examples.map((example) => `\n\n# Example ${example.number}\n\n${example.markdown}`).join('');
    expectSameAsWhole(all);
    const simple = examples
      .filter((example) => !/\]:/.test(example.markdown))
      .map((example) => `\n\n# Example ${example.number}\n\n${example.markdown}`)
      .join('');
    expectSameAsWhole(simple);
  });
});
