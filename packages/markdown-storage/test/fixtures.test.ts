/**
 * Golden tests: each folder of test/fixtures holds `input.md`, the expected `output.storage.xhtml`,
 * an optional `options.json` ({ dialect, pages: {href: title}, attachments: {src: file},
 * anchors: {"href#fragment": anchor} }) and an optional `result.json` with the expected
 * attachments, pageLinks and warnings. Adding a case means adding a folder.
 * `UPDATE_FIXTURES=1` rewrites the expected files (review the diff before committing).
 */
import { describe, expect, it } from '@jest/globals';
import { toOptions, type FixtureOptions } from './fixture-options.js';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertMarkdown } from '@docgen/markdown-storage';
import { checkStorage } from './conformance/visible-text.js';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

describe('golden fixtures', () => {
  const cases = readdirSync(fixturesDir).filter((name) => existsSync(join(fixturesDir, name, 'input.md')));

  it('has a fixture for every construct family', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases.sort()) {
    it(name, () => {
      const dir = join(fixturesDir, name);
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const result = convertMarkdown(input, toOptions(readJson<FixtureOptions>(join(dir, 'options.json')) ?? {}));
      const storage = `${result.storage}\n`;
      const outputFile = join(dir, 'output.storage.xhtml');
      const resultFile = join(dir, 'result.json');
      const expectedResult = readJson<Partial<typeof result>>(resultFile);
      if (update) {
        writeFileSync(outputFile, storage);
        const { storage: _storage, ...rest } = result;
        if (expectedResult && JSON.stringify(rest) !== JSON.stringify({ ...rest, ...expectedResult })) {
          writeFileSync(resultFile, `${JSON.stringify(rest, null, 2)}\n`);
        }
      }
      const check = checkStorage(result.storage);
      expect({ error: check.error, misplaced: check.misplaced }).toEqual({ error: undefined, misplaced: undefined });
      expect(storage).toBe(readFileSync(outputFile, 'utf8'));
      if (expectedResult) {
        expect({ attachments: result.attachments, pageLinks: result.pageLinks, warnings: result.warnings }).toEqual({
          attachments: expectedResult.attachments ?? [],
          pageLinks: expectedResult.pageLinks ?? [],
          warnings: expectedResult.warnings ?? [],
        });
      }
    });
  }
});
