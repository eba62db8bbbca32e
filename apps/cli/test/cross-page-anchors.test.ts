import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '@docgen/test-support';

/** A link to a heading of another page lands on Confluence's anchor for that heading. */
describe('links to headings of other pages', () => {
  it('resolve to the target heading’s Confluence anchor, and follow a renamed heading through the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-anchors-'));
    const adr = join(dir, 'adr');
    const out = join(dir, 'out');
    await mkdir(adr);
    const second = (heading: string) =>
      `# 2. Use SQLite\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## ${heading}\n\nOne file.\n\n\`\`\`md\n## Not a heading\n\`\`\`\n`;
    await writeFile(
      join(adr, '0001-record-decisions.md'),
      '# 1. Record decisions\n\nDate: 2026-11-19\n\n## Status\n\nAccepted\n\n## Context\n\nSee [why SQLite](0002-use-sqlite.md#decision-outcome) and [the ID](0002-use-sqlite.md#not-a-heading).\n',
    );
    await writeFile(join(adr, '0002-use-sqlite.md'), second('Decision outcome'));

    const storageOfFirst = async () => {
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
      const page = manifest.pages.find((p: { key: string }) => p.key === 'adr/1');
      return readFile(join(out, page.storageFile), 'utf8');
    };
    const first = await runCli(['adr', '--dir', adr, '--out', out, '--cache-dir', join(dir, 'cache')]);
    expect(first.stderr).toBe('');
    const storage = await storageOfFirst();
    expect(storage).toMatch(/<ac:link ac:anchor="Decisionoutcome"><ri:page ri:content-title="ADR-0002: Use SQLite"/);
    // No heading of that name (the one in the code block does not count): the fragment stays as written.
    expect(storage).toContain('ac:anchor="not-a-heading"');

    // Only the target changes: the linking page's cached storage must not survive it.
    await writeFile(join(adr, '0002-use-sqlite.md'), second('Outcome'));
    const again = await runCli(['adr', '--dir', adr, '--out', out, '--cache-dir', join(dir, 'cache'), '--json']);
    expect(JSON.parse(again.stdout).cache).toMatchObject({ hits: 1, misses: 2 });
    expect(await storageOfFirst()).toContain('ac:anchor="decision-outcome"');
  });
});
