import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '@docgen/test-support';

/**
 * Each plugin's README says what its errors and warnings are: a code its source reports and the
 * README never names leaves the reader of `error DG_… file:line` with nothing to look it up in.
 */
const documentingPackages = [
  'source-adr',
  'source-openapi',
  'source-prisma',
  'source-routes',
  'source-runbook',
  'markdown-storage',
  'nx-plugin',
];

/** Every `DG_…` code written as a literal in the package's sources. */
function codesIn(srcDir: string): string[] {
  const files = (readdirSync(srcDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts'));
  const codes = files.flatMap((name) => [
    ...readFileSync(join(srcDir, name), 'utf8').matchAll(/['`](DG_[A-Z0-9_]+)['`]/g),
  ]);
  return [...new Set(codes.map((match) => match[1]!))].sort();
}

describe('the codes each plugin reports are in its README', () => {
  it.each(documentingPackages)('%s', (name) => {
    const dir = join(repoRoot, 'packages', name);
    const codes = codesIn(join(dir, 'src'));
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(readme))).toEqual([]);
  });
});
