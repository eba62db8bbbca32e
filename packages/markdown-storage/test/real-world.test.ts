/**
 * Real Markdown nobody wrote for us: every README and doc shipped in the installed packages
 * (`node_modules`, several hundred files from hundreds of authors and tools). Each must convert
 * without throwing into well-formed storage XML that holds only the macros docgen emits, and keep
 * its words. The set follows the lockfile, so it is the same on every clean install.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@docgen/test-support';
import { convertMarkdown } from '../src/index.js';
import { ALLOWED_MACROS, checkStorage } from './conformance/visible-text.js';
import { installedMarkdown } from './installed-markdown.js';

/** The words of a text, for a loose "nothing was dropped" check. */
function words(text: string): Set<string> {
  return new Set(text.match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

describe('real-world Markdown', () => {
  const files = installedMarkdown(join(repoRoot, 'node_modules'));

  it('converts every Markdown file of the installed packages into well-formed storage with known macros', () => {
    expect(files.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let bytes = 0;
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      bytes += markdown.length;
      try {
        const { storage } = convertMarkdown(markdown);
        const check = checkStorage(storage);
        const macros = check.macros.filter((name) => !ALLOWED_MACROS.has(name));
        const problem = check.error ?? (check.misplaced && `misplaced: ${check.misplaced}`);
        if (problem || macros.length) failures.push(`${file}: ${problem ?? `macros ${macros.join(', ')}`}`);
      } catch (error) {
        failures.push(`${file}: threw ${(error as Error).message}`);
      }
    }
    console.log(`real-world Markdown: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB converted`);
    expect(failures).toEqual([]);
  });

  it('keeps the words of prose outside code and raw HTML', () => {
    const lost: string[] = [];
    let checked = 0;
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      // Words of plain prose lines only: no code, HTML, link targets or tables to second-guess.
      const prose = markdown
        .replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, '')
        .split('\n')
        .filter((line) => /^[A-Za-z][\w ,.;'’-]*$/.test(line.trim()) && !/^ {4}|\t/.test(line))
        .join(' ');
      const text = checkStorage(convertMarkdown(markdown).storage).text;
      const expected = words(prose);
      checked += expected.size;
      const missing = [...expected].filter((word) => !text.includes(word));
      if (missing.length) lost.push(`${file}: ${missing.slice(0, 5).join(', ')}`);
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(lost).toEqual([]);
  });
});
