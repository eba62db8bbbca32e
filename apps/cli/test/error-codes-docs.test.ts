import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '@docgen/test-support';

/**
 * Each plugin's README says what its errors and warnings are: a code its source reports and the
 * README never names leaves the reader of `error DG_… file:line` with nothing to look it up in.
 */

/** Every `DG_…` code written as a literal in the package's sources. */
function codesIn(srcDir: string): string[] {
  const files = (readdirSync(srcDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts'));
  const codes = files.flatMap((name) => [
    ...readFileSync(join(srcDir, name), 'utf8').matchAll(/['`](DG_[A-Z0-9_]+)['`]/g),
  ]);
  return [...new Set(codes.map((match) => match[1]!))].sort();
}

/** The packages with codes of their own: core's and the publisher's are in docs/errors.md instead. */
const documentingPackages = readdirSync(join(repoRoot, 'packages')).filter(
  (name) =>
    !['core', 'publisher'].includes(name) &&
    existsSync(join(repoRoot, 'packages', name, 'src')) &&
    codesIn(join(repoRoot, 'packages', name, 'src')).length > 0,
);

describe('the codes each plugin reports are in its README', () => {
  it('finds the plugins that report codes', () => {
    expect(documentingPackages).toEqual(expect.arrayContaining(['source-adr', 'source-openapi', 'source-runbook']));
  });

  it.each(documentingPackages)('%s', (name) => {
    const dir = join(repoRoot, 'packages', name);
    const codes = codesIn(join(dir, 'src'));
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(readme))).toEqual([]);
  });
});

/**
 * Core's, the publisher's and the CLI's codes have no README of their own: docs/errors.md says what
 * each means and what to do, so that `error DG_CONFLUENCE_AUTH` in a CI log can be looked up.
 */
const sharedCodeDirs = ['packages/core/src', 'packages/publisher/src', 'apps/cli/src'];
const errorsDoc = join(repoRoot, 'docs', 'errors.md');

/** Every package's and app's sources: a code the reference names must be reported somewhere. */
function allSourceDirs(): string[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repoRoot, group))
      .map((name) => join(repoRoot, group, name, 'src'))
      .filter((dir) => existsSync(dir)),
  );
}

/** The codes a Markdown file names; `DG_OPENAPI_*` names a plugin's codes, not one code. */
function codesNamedIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/\bDG_[A-Z0-9_]*[A-Z0-9]\b/g)].map((match) => match[0]))].sort();
}

describe('docs/errors.md', () => {
  const doc = readFileSync(errorsDoc, 'utf8');

  it('names every code of core, the publisher and the CLI', () => {
    const codes = [...new Set(sharedCodeDirs.flatMap((dir) => codesIn(join(repoRoot, dir))))].sort();
    expect(codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(doc))).toEqual([]);
  });

  it('names no code that no source reports (no stale entries)', () => {
    const reported = new Set(allSourceDirs().flatMap(codesIn));
    expect(codesNamedIn(doc).filter((code) => !reported.has(code))).toEqual([]);
  });

  it('links to files and headings that exist', () => {
    const links = [...doc.matchAll(/\]\(([^)#:]+)?(?:#([^)]+))?\)/g)];
    const broken = links.filter(([, path, anchor]) => {
      const target = path ? join(dirname(errorsDoc), path) : errorsDoc;
      if (!existsSync(target)) return true;
      if (!anchor || !target.endsWith('.md')) return false;
      const slugs = [...readFileSync(target, 'utf8').matchAll(/^#+ (.+)$/gm)].map((heading) =>
        heading[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      );
      return !slugs.includes(anchor);
    });
    expect(broken.map(([link]) => link)).toEqual([]);
  });
});
