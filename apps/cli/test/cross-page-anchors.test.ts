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
    // No heading of that name (the one in the code block does not count): the fragment stays as
    // written, and the link is warned about at its line.
    expect(first.stderr).toContain('0001-record-decisions.md:11');
    expect(first.stderr).toContain(
      'link to #not-a-heading on page "ADR-0002: Use SQLite": no heading or anchor with that name there',
    );
    const storage = await storageOfFirst();
    expect(storage).toMatch(/<ac:link ac:anchor="Decisionoutcome"><ri:page ri:content-title="ADR-0002: Use SQLite"/);
    expect(storage).toContain('ac:anchor="not-a-heading"');

    // Only the target changes: the linking page's cached storage must not survive it.
    await writeFile(join(adr, '0002-use-sqlite.md'), second('Outcome'));
    const again = await runCli(['adr', '--dir', adr, '--out', out, '--cache-dir', join(dir, 'cache'), '--json']);
    expect(JSON.parse(again.stdout).cache).toMatchObject({ hits: 1, misses: 2 });
    expect(await storageOfFirst()).toContain('ac:anchor="decision-outcome"');
  });

  it('follow a renamed heading through the cache however the link is written: a definition, <…>, HTML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-anchors-'));
    const adr = join(dir, 'adr');
    const out = join(dir, 'out');
    await mkdir(adr);
    const first = (link: string) =>
      `# 1. Record decisions\n\nDate: 2026-11-19\n\n## Status\n\nAccepted\n\n## Context\n\nSee ${link}\n`;
    const second = (heading: string) =>
      `# 2. Use SQLite\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## ${heading}\n\nOne file.\n`;
    const run = async () => {
      await runCli(['adr', '--dir', adr, '--out', out, '--cache-dir', join(dir, 'cache')]);
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
      const page = manifest.pages.find((p: { key: string }) => p.key === 'adr/1');
      return /ac:anchor="([^"]*)"/.exec(await readFile(join(out, page.storageFile), 'utf8'))?.[1];
    };
    for (const link of [
      '[why][r]\n\n[r]: 0002-use-sqlite.md#decision-outcome',
      '[why](<0002-use-sqlite.md#decision-outcome>)',
      '<a href="./adr__2#decision-outcome">why</a>',
      '[why](./adr__2#decision-outcome)',
    ]) {
      await writeFile(join(adr, '0001-record-decisions.md'), first(link));
      await writeFile(join(adr, '0002-use-sqlite.md'), second('Decision outcome'));
      expect([link, await run()]).toEqual([link, 'Decisionoutcome']);
      // Only the target changes: the linking page's cached storage must not survive it.
      await writeFile(join(adr, '0002-use-sqlite.md'), second('Outcome'));
      expect([link, await run()]).toEqual([link, 'decision-outcome']);
    }
  });

  it('warn at the link when the other page has no such heading, naming the page and the heading meant', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-anchors-'));
    const adr = join(dir, 'adr');
    await mkdir(adr);
    await writeFile(
      join(adr, '0001-record-decisions.md'),
      '# 1. Record decisions\n\nDate: 2026-11-19\n\n## Status\n\nAccepted\n\n## Context\n\n' +
        'See [the outcome](0002-use-sqlite.md#decision-outcom),\n[nothing](0002-use-sqlite.md#nope),\n' +
        '[an anchor](0002-use-sqlite.md#backups) and [the outcome](0002-use-sqlite.md#decision-outcome).\n',
    );
    await writeFile(
      join(adr, '0002-use-sqlite.md'),
      '# 2. Use SQLite\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Decision outcome\n\nOne file.\n\n::anchor[backups]\n',
    );
    const result = await runCli(['adr', '--dir', adr, '--out', join(dir, 'out'), '--no-cache', '--json']);
    const warnings = (
      JSON.parse(result.stdout) as { warnings: Array<{ message: string; file?: string; line?: number }> }
    ).warnings
      .filter((warning) => warning.message.includes('no heading or anchor'))
      .map(({ message, file, line }) => ({ message, file: file?.replace(/^.*[\\/]/, ''), line }));
    expect(warnings).toEqual([
      {
        message: expect.stringContaining(
          'link to #decision-outcom on page "ADR-0002: Use SQLite": no heading or anchor with that name there; did you mean #decision-outcome?',
        ),
        file: '0001-record-decisions.md',
        line: 11,
      },
      {
        message: expect.stringContaining(
          'link to #nope on page "ADR-0002: Use SQLite": no heading or anchor with that name there',
        ),
        file: '0001-record-decisions.md',
        line: 12,
      },
    ]);
    expect(warnings[1]!.message).not.toContain('did you mean');
  });

  /** The storage of ADR 1, whose Context says `links`, rendered beside ADR 2 with the `target` body. */
  async function linkingStorage(links: string, target: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-anchors-'));
    const adr = join(dir, 'adr');
    const out = join(dir, 'out');
    await mkdir(adr);
    await writeFile(
      join(adr, '0001-record-decisions.md'),
      `# 1. Record decisions\n\nDate: 2026-11-19\n\n## Status\n\nAccepted\n\n## Context\n\n${links}\n`,
    );
    await writeFile(
      join(adr, '0002-use-sqlite.md'),
      `# 2. Use SQLite\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n${target}`,
    );
    const result = await runCli(['adr', '--dir', adr, '--out', out, '--no-cache']);
    expect(result.stderr).toBe('');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const page = manifest.pages.find((p: { key: string }) => p.key === 'adr/1');
    return readFile(join(out, page.storageFile), 'utf8');
  }

  it('land on headings however the target writes them: setext, nested, repeated after them', async () => {
    const storage = await linkingStorage(
      'See [the options](0002-use-sqlite.md#options), [the second](0002-use-sqlite.md#options-1) and [a note](0002-use-sqlite.md#in-a-list).',
      'Options\n-------\n\nOne file.\n\n- ## In a list\n\n## Options\n\nAgain.\n',
    );
    // The setext heading comes first, so it is `Options` and the ATX one after it `Options.1`.
    expect(storage).toContain('<ac:link ac:anchor="Options"><ri:page');
    expect(storage).toContain('<ac:link ac:anchor="Options.1"><ri:page');
    expect(storage).toContain('<ac:link ac:anchor="Inalist"><ri:page');
  });

  it('land on headings the target writes in raw HTML, counted among its Markdown ones', async () => {
    const storage = await linkingStorage(
      'See [its id](0002-use-sqlite.md#weighed), [its text](0002-use-sqlite.md#considered-options) and [the Markdown one](0002-use-sqlite.md#options).',
      '<h2 id="weighed">Considered options</h2>\n\n<h2>Options</h2>\n\n## Options\n\nOne file.\n',
    );
    expect(storage).toContain('<ac:link ac:anchor="Consideredoptions"><ri:page');
    // GitHub slugs only the Markdown heading; Confluence counts the raw one before it.
    expect(storage).toContain('<ac:link ac:anchor="Options.1"><ri:page');
    expect(storage.match(/ac:anchor="Consideredoptions"/g)).toHaveLength(2);
  });

  it('keep a fragment naming an `::anchor[…]` of the target as written, over a heading of the same slug', async () => {
    const storage = await linkingStorage(
      'See [the backups](0002-use-sqlite.md#backups), [the restore](0002-use-sqlite.md#restore) and [the outcome](0002-use-sqlite.md#decision-outcome).',
      '## Decision outcome\n\nOne file.\n\n## Backups\n\n::anchor[backups]\n\nNightly, then :anchor[restore] checked weekly.\n',
    );
    expect(storage).toContain('<ac:link ac:anchor="backups"><ri:page');
    expect(storage).toContain('<ac:link ac:anchor="restore"><ri:page');
    expect(storage).toContain('<ac:link ac:anchor="Decisionoutcome"><ri:page');
  });
});
