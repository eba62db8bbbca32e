/**
 * Every example of the CommonMark and GFM spec suites converts without throwing into well-formed
 * XML, and keeps the visible text of the reference HTML (whitespace-normalized), except the
 * justified exceptions in text-exceptions.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { sharedFile } from '@docgen/test-support';
import { readSpecExamples, type SpecExample } from './spec-examples.js';
import { runExample, textEqual, type ExampleResult } from './run-suite.js';
import { TEXT_EXCEPTIONS } from './text-exceptions.js';

const SUITES = ['commonmark-spec', 'gfm-spec', 'gfm-extensions'];
const files = SUITES.map((suite) => [suite, sharedFile(`corpus/markdown/${suite}.txt`)] as const);
const available = files.every(([, file]) => file !== undefined);

const exceptions = new Map(TEXT_EXCEPTIONS.flatMap(({ reason, ids }) => ids.map((id) => [id, reason] as const)));

function describeFailure(result: ExampleResult): string {
  const { example } = result;
  return [
    `${example.id} (line ${example.line}, ${example.section})`,
    `  markdown: ${JSON.stringify(example.markdown)}`,
    `  storage:  ${result.storage}`,
    result.threw ? `  threw: ${result.threw}` : '',
    result.xmlError ? `  XML error: ${result.xmlError}` : '',
    result.misplaced ? `  misplaced: ${result.misplaced}` : '',
    `  expected text: ${JSON.stringify(result.expectedText)}`,
    `  actual text:   ${JSON.stringify(result.actualText)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

(available ? describe : describe.skip)('CommonMark and GFM spec conformance', () => {
  const examples: SpecExample[] = available ? files.flatMap(([suite, file]) => readSpecExamples(file!, suite)) : [];
  const results = examples.map(runExample);

  it('reads every example of the three suites', () => {
    expect(examples.length).toBeGreaterThan(1300);
    for (const suite of SUITES) expect(examples.some((example) => example.suite === suite)).toBe(true);
  });

  it('converts every example without throwing, into well-formed XML with every element where storage holds it', () => {
    const failures = results.filter((result) => result.threw || result.xmlError || result.misplaced);
    expect(failures.map(describeFailure)).toEqual([]);
  });

  it('keeps the visible text of every example, except the justified exceptions', () => {
    const unexpected = results.filter((result) => !textEqual(result) && !exceptions.has(result.example.id));
    expect(unexpected.map(describeFailure)).toEqual([]);
  });

  it('lists no exception that no longer differs, and none that does not exist', () => {
    const byId = new Map(results.map((result) => [result.example.id, result]));
    const stale = [...exceptions.keys()].filter((id) => !byId.has(id) || textEqual(byId.get(id)!));
    expect(stale).toEqual([]);
  });

  it('reports the counts', () => {
    const lines = SUITES.map((suite) => {
      const own = results.filter((result) => result.example.suite === suite);
      const wellFormed = own.filter((result) => !result.threw && !result.xmlError).length;
      const equal = own.filter(textEqual).length;
      const excepted = own.filter((result) => !textEqual(result) && exceptions.has(result.example.id)).length;
      return `${suite}: ${own.length} examples, ${wellFormed} well-formed, ${equal} text-equal, ${excepted} listed exceptions`;
    });
    const wellFormed = results.filter((result) => !result.threw && !result.xmlError).length;
    lines.push(
      `total: ${results.length} examples, ${wellFormed} well-formed, ${results.filter(textEqual).length} text-equal, ${exceptions.size} listed exceptions`,
    );
    console.log(`markdown-storage spec conformance\n${lines.join('\n')}`);
    expect(wellFormed).toBe(results.length);
  });
});
