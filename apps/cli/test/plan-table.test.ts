import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli, sharedFile } from '@docgen/test-support';

/**
 * The `--dry-run` plan table on a real spec whose page titles are long (Jira's: "Jira Software Data
 * Center REST API Reference: application-properties", 68 characters): the columns stay in line, at
 * the terminal's width a long title or detail wraps inside its column, and `--json` is unchanged.
 */
const spec = sharedFile('corpus/openapi/jira-cloud.json');
const sandboxOnly = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-plan-table-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The plan of `docgen api --publish --dry-run --json`: the table (stderr) and the planned titles (stdout). */
async function dryRun(columns: string): Promise<{ table: string[]; titles: string[] }> {
  const argv = ['api', '--openapi', spec!, '--out', join(scratch, 'out'), '--publish', '--dry-run', '--json'];
  const result = await runCli(argv, { cwd: scratch, env: { ...sandboxOnly, COLUMNS: columns } });
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n');
  const table = lines.slice(
    lines.findIndex((line) => line.startsWith('ACTION')),
    lines.findIndex((line) => line.startsWith('Plan:')),
  );
  const planned = JSON.parse(result.stdout).publish.planned as Array<{ title: string }>;
  return { table, titles: planned.map((p) => p.title) };
}

(spec ? describe : describe.skip)('the --dry-run plan table', () => {
  it('at 100 columns: no line is longer, the action and page id are never broken, titles wrap in their column', async () => {
    const { table, titles } = await dryRun('100');
    expect(titles.some((title) => title.length > 60)).toBe(true);
    const [header, ...rows] = table;
    const title = header!.indexOf('TITLE');
    const page = header!.indexOf('PAGE');
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    // A row starts with its whole action; a continuation line leaves the action and page columns blank.
    for (const line of rows) {
      expect(line).toMatch(/^(create {2}| {8})/);
      // (a continuation line ends where its text does: padded here to read its blank columns)
      expect(line.padEnd(100).slice(page, page + 6)).toMatch(line.startsWith(' ') ? /^ {6}$/ : /^- {5}$/);
    }
    // Each title, read down its column, is the planned title (in tree order, its depth indented).
    const read: string[] = [];
    for (const line of rows) {
      const cell = line.slice(title, page).trim();
      if (line.startsWith(' ')) read[read.length - 1] += ` ${cell}`;
      else read.push(cell);
    }
    expect([...read].sort()).toEqual([...titles].sort());
  }, 120_000);

  it('not at a terminal (no COLUMNS): one line a page, every page id under PAGE; --json titles whole', async () => {
    const { table, titles } = await dryRun('');
    const [header, ...rows] = table;
    const page = header!.indexOf('PAGE');
    expect(rows).toHaveLength(titles.length);
    for (const line of rows) expect(line.slice(page - 2, page + 3)).toBe('  -  ');
    for (const title of titles) expect(rows.some((line) => line.includes(` ${title} `))).toBe(true);
  }, 120_000);
});
