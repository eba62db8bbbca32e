/**
 * A warning repeated at many places prints once, with the other places on one line: the real built
 * CLI (`npm run build` first) on a spec whose descriptions repeat one dead link, as APIs.guru's
 * Weatherbit spec does in 64 of them, beside a warning of its own that must not scroll away.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@docgen/test-support';

const UNITS = 'See [the units guide](/api/units) for what each field measures.';
const seeAll = '--verbose prints each, --json lists them all';

/** Seven operations over three tags that link to /api/units, one to /api/codes, one DELETE with a body. */
function weatherSpec(): string {
  const get = (tag: string, description: string) => ({
    get: { tags: [tag], summary: `${tag} data`, description, responses: { '200': { description: 'OK' } } },
  });
  const paths: Record<string, unknown> = { '/current': get('current', UNITS) };
  for (const span of ['daily', 'hourly', 'minutely']) paths[`/forecast/${span}`] = get('forecast', UNITS);
  for (const span of ['daily', 'hourly', 'monthly']) paths[`/history/${span}`] = get('history', UNITS);
  paths['/codes'] = get('current', 'Codes are listed in [the codes table](/api/codes).');
  paths['/alerts'] = {
    delete: {
      tags: ['alerts'],
      summary: 'Clear alerts',
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '204': { description: 'Cleared' } },
    },
  };
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Weather', version: '2.0' }, paths }, null, 2);
}

interface Warning {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

let dir: string;
let spec: string;
let listed: Warning[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docgen-warning-groups-'));
  spec = join(dir, 'weather.json');
  writeFileSync(spec, weatherSpec());
  const json = await runCli(['api', '--openapi', spec, '--out', join(dir, 'json'), '--json', '--no-cache']);
  expect(json.code).toBe(0);
  listed = JSON.parse(json.stdout).warnings;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rendered page (and its line) a warning names in its message (`… (page api/weather/tag/x, line 12; …)`). */
function pagePlace(warning: Warning): string {
  const [, page, line] = / \(page (\S+), line (\d+)[;)]/.exec(warning.message)!;
  return `${page} line ${line}`;
}

/** Where in the spec it is, as a list of places prints it. */
function specPlace(warning: Warning): string {
  return `${warning.file}:${warning.line}:${warning.column}`;
}

describe('repeated warnings', () => {
  it('--json lists every warning, each with its place', () => {
    const units = listed.filter((w) => w.message.includes('link to /api/units'));
    expect(units).toHaveLength(7);
    expect(new Set(units.map(pagePlace)).size).toBe(7);
    // Each at the description of its own operation in the spec: seven places there too.
    expect(new Set(units.map(specPlace)).size).toBe(7);
    expect(units.every((w) => w.file === spec)).toBe(true);
    expect(listed.filter((w) => w.message.includes('link to /api/codes'))).toHaveLength(1);
    expect(listed.filter((w) => w.code === 'DG_OPENAPI_BODY_METHOD')).toHaveLength(1);
    expect(listed).toHaveLength(9);
  });

  it('prints a repeated one once with the first five other places, different ones apart, in order, and counts all', async () => {
    const { code, stdout, stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'out'), '--no-cache']);
    expect(code).toBe(0);
    const blocks = stderr.split(/^(?=warning )/m).filter(Boolean);
    // One block per problem, in the order --json lists their first warning.
    const problem = (w: Warning) => w.message.replace(/ \(page \S+, line \d+[;)].*$/, '');
    const firsts = listed.filter((w, index) => listed.findIndex((other) => problem(other) === problem(w)) === index);
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(
      firsts.map((w) => expect.stringContaining(w.message) as unknown as string),
    );
    const units = listed.filter((w) => w.message.includes('link to /api/units'));
    const unitsBlock = blocks.find((block) => block.includes('link to /api/units'))!;
    expect(unitsBlock).toContain(
      `\n  … and 6 more at ${units.slice(1, 6).map(specPlace).join(', ')} (the first 5; ${seeAll})`,
    );
    // Every warning counted, the repeats printed once included.
    expect(stdout).toMatch(/wrote 5 pages \(.*\) to .* in \d+ ms, 9 warnings\n/);
  });

  it('--verbose prints every warning in full', async () => {
    const { code, stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'verbose'), '--verbose']);
    expect(code).toBe(0);
    expect(stderr.match(/^warning DG_/gm)).toHaveLength(9);
    expect(stderr).not.toContain('… and');
    // Each with the lines of the spec it points at, the caret under the link's place.
    const deleteBody = stderr.split(/\n(?=warning )/).find((block) => block.includes('DG_OPENAPI_BODY_METHOD'));
    expect(deleteBody).toMatch(/^ *> *\d+ \|.*"requestBody"/m);
    expect(deleteBody).toMatch(/^ *\| *\^/m);
  });

  it('prints no code frames without --verbose', async () => {
    const { stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'terse')]);
    expect(stderr).not.toMatch(/^ *> *\d+ \|/m);
  });

  it('--strict counts every warning', async () => {
    const { code, stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'strict'), '--strict']);
    expect(code).toBe(1);
    expect(stderr).toContain('error DG_STRICT');
    expect(stderr).toContain('9 warnings with --strict');
  });

  it('prints the first 20 problems and counts the rest, with where to see them', async () => {
    // 23 operations with a body on DELETE: each names its own operation, so none is a repeat of another.
    const paths: Record<string, unknown> = {};
    for (let n = 1; n <= 23; n++)
      paths[`/alerts/${n}`] = {
        delete: {
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '204': { description: 'Cleared' } },
        },
      };
    const many = join(dir, 'many.json');
    writeFileSync(many, JSON.stringify({ openapi: '3.0.3', info: { title: 'Alerts', version: '1' }, paths }));
    const { code, stdout, stderr } = await runCli(['api', '--openapi', many, '--out', join(dir, 'many'), '--no-cache']);
    expect(code).toBe(0);
    const printed = stderr.match(/^warning DG_OPENAPI_BODY_METHOD .*DELETE \/alerts\/(\d+) /gm);
    expect(printed?.map((line) => /alerts\/(\d+)/.exec(line)![1])).toEqual(
      Array.from({ length: 20 }, (_, index) => String(index + 1)),
    );
    expect(stderr).toContain(`\n… and 3 more warnings (${seeAll})\n`);
    expect(stdout).toMatch(/, 23 warnings\n/);
  });

  it('docgen convert prints a dead link repeated in one file once, with the other lines', async () => {
    const page = join(dir, 'units.md');
    writeFileSync(page, `# Units\n\n${UNITS}\n\nAgain: ${UNITS}\n\n${UNITS} And [codes](/api/codes).\n`);
    const { code, stderr } = await runCli(['convert', page]);
    expect(code).toBe(0);
    expect(stderr.match(/^warning DG_CONVERT /gm)).toHaveLength(2);
    expect(stderr).toContain(`warning DG_CONVERT ${page}:3: link to /api/units is relative`);
    expect(stderr).toContain(`\n  … and 2 more at ${page}:5, ${page}:7\n`);
    expect(stderr).toContain(`warning DG_CONVERT ${page}:7: link to /api/codes is relative`);
  });
});
