import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { NO_CONFLUENCE_ENV, runCli } from '@docgen/test-support';

jest.setTimeout(120_000);

/** An ADR title an author might write, well over Confluence's 255 characters. */
const LONG_TITLE =
  'Use PostgreSQL logical replication with pgoutput and a Debezium connector per bounded context, ' +
  'fanning change events out through Kafka topics keyed by aggregate id, instead of dual writes from ' +
  'the order, payment and fulfilment services, for the catalogue, pricing and inventory read models';

/**
 * Confluence refuses a page title over 255 characters with a 400. A long title (an ADR's, a
 * generated one) is found in the plan, before any write, with the page and the line that wrote it.
 */
describe('a page title over 255 characters', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'docgen-long-titles-'));
    const adrs = join(work, 'docs', 'adr');
    await mkdir(adrs, { recursive: true });
    await writeFile(
      join(adrs, '0001-record-architecture-decisions.md'),
      '# 1. Record architecture decisions\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n\n## Decision\n\nWe will use ADRs.\n\n## Consequences\n\nSee Michael Nygard’s article.\n',
    );
    await writeFile(
      join(adrs, '0002-change-data-capture.md'),
      `# 2. ${LONG_TITLE}\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nDual writes drift.\n\n## Decision\n\nCapture changes from the WAL.\n\n## Consequences\n\nOne more moving part.\n`,
    );
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('stops the plan before any write, naming the page, the file and line of its title, and the fix', async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(255);
    const rendered = await runCli(['adr', '--dir', 'docs/adr', '--out', 'docs-out'], {
      cwd: work,
      env: NO_CONFLUENCE_ENV,
    });
    expect(rendered.code).toBe(0);

    const result = await runCli(['publish', 'docs-out', '--json'], { cwd: work, env: NO_CONFLUENCE_ENV });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_PAGE_TITLE_TOO_LONG');
    expect(error.message).toMatch(
      /^page "adr\/2" has a title of \d{3} characters: Confluence refuses a title over 255/,
    );
    expect(error.location).toEqual({
      file: expect.stringMatching(/docs\/adr\/0002-change-data-capture\.md$/),
      line: 1,
    });
    expect(error.hint).toContain('shorten it to 255 characters');
    expect(error.hint).toContain('nothing was published');

    // A dry run stops on it too: the plan it shows could not be carried out.
    const plan = await runCli(['publish', 'docs-out', '--dry-run', '--json'], { cwd: work, env: NO_CONFLUENCE_ENV });
    expect(JSON.parse(plan.stdout).error.code).toBe('DG_PAGE_TITLE_TOO_LONG');
  });

  it('a title prefix that pushes a title over: the hint says how much room the prefix leaves', async () => {
    const title = 'x'.repeat(250);
    const adrs = join(work, 'prefixed');
    await mkdir(adrs, { recursive: true });
    await writeFile(
      join(adrs, '0001-long.md'),
      `# 1. ${title}\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n`,
    );
    const rendered = await runCli(['adr', '--dir', 'prefixed', '--out', 'prefixed-out'], {
      cwd: work,
      env: NO_CONFLUENCE_ENV,
    });
    expect(rendered.code).toBe(0);
    const result = await runCli(
      ['publish', 'prefixed-out', '--dry-run', '--confluence-prefix', '[Architecture] ', '--json'],
      {
        cwd: work,
        env: NO_CONFLUENCE_ENV,
      },
    );
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_PAGE_TITLE_TOO_LONG');
    expect(error.hint).toContain('the title prefix "[Architecture] " takes 15 of them');
  });
});
