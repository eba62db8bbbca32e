/**
 * Examples of the CommonMark / GFM spec files: between a line of 32 backticks + ` example` and a
 * line of 32 backticks, Markdown and the expected HTML are separated by a line holding `.`;
 * `→` stands for a tab.
 */
import { readFileSync } from 'node:fs';

export interface SpecExample {
  /** `commonmark-spec:12` — the suite and the example's number within it (1-based, as the spec numbers them). */
  id: string;
  suite: string;
  number: number;
  line: number;
  section: string;
  markdown: string;
  html: string;
  /** `disabled` examples are skipped by cmark-gfm's own runner; we still convert them. */
  flags: string[];
}

const FENCE = '`'.repeat(32);

export function readSpecExamples(file: string, suite: string): SpecExample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: SpecExample[] = [];
  let section = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const heading = /^#{1,6} +(.*)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    if (!line.startsWith(`${FENCE} example`)) continue;
    const flags = line
      .slice(FENCE.length + ' example'.length)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const start = index + 1;
    const markdown: string[] = [];
    const html: string[] = [];
    let target = markdown;
    for (index += 1; index < lines.length && lines[index] !== FENCE; index += 1) {
      if (lines[index] === '.' && target === markdown) target = html;
      else target.push(lines[index]!);
    }
    const untab = (text: string[]) => (text.length ? `${text.join('\n')}\n` : '').replace(/→/g, '\t');
    examples.push({
      id: `${suite}:${examples.length + 1}`,
      suite,
      number: examples.length + 1,
      line: start,
      section,
      markdown: untab(markdown),
      html: untab(html),
      flags,
    });
  }
  return examples;
}
