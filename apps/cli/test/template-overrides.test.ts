import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

/**
 * Template overrides as a newcomer writes them: `templates/<plugin>/<name>.hbs` beside the config,
 * the ADR plugin's own record template copied and edited. A misspelt file or folder was never read,
 * and the pages came out unchanged without a word.
 */
const chain = join(repoRoot, 'packages', 'source-adr', 'test', 'fixtures', 'nygard');
const record = readFileSync(join(repoRoot, 'packages', 'source-adr', 'templates', 'record.hbs'), 'utf8');
const edited = record.replace('| Source |', '| Written in |');
let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'docgen-templates-'));
  await writeFile(
    join(project, 'docgen.config.yaml'),
    `sources:\n  - plugin: adr\n    options:\n      dir: ${chain}\n`,
  );
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

async function templates(files: Record<string, string>): Promise<void> {
  await rm(join(project, 'templates'), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(project, 'templates', file, '..'), { recursive: true });
    await writeFile(join(project, 'templates', file), text);
  }
}

describe('template overrides', () => {
  it('a correctly named override is used', async () => {
    await templates({ 'adr/record.hbs': edited });
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const pages = readFileSync(join(project, 'docs-out', 'adr__1.md'), 'utf8');
    expect(pages).toContain('| Written in |');
    expect(JSON.parse(result.stdout).warnings ?? []).not.toContainEqual(
      expect.objectContaining({ code: 'DG_TEMPLATE_UNUSED' }),
    );
  });

  it('a misspelt template file is a warning at that file naming the template meant', async () => {
    await templates({ 'adr/recrod.hbs': edited, 'adr/_footer.hbs': 'a partial of the user’s own' });
    const result = await runCli(['generate'], { cwd: project });
    expect(result.code).toBe(0);
    const file = join(project, 'templates', 'adr', 'recrod.hbs');
    expect(result.stderr).toContain(
      `warning DG_TEMPLATE_UNUSED ${file}: recrod.hbs overrides no template of the adr plugin: it is not used`,
    );
    expect(result.stderr).toMatch(/→ rename it to record\.hbs; the adr plugin's templates: log\.hbs, record\.hbs/);
    expect(result.stderr).not.toContain('_footer.hbs'); // a partial an override may include
    const strict = await runCli(['generate', '--strict'], { cwd: project });
    expect(strict.code).toBe(1);
  });

  it('a misspelt field in an override is a warning at its line and column naming the field meant, said once', async () => {
    const misspelt = record.replace('| Date | {{cell date}} |', '| Date | {{cell dat}} |');
    const line = misspelt.split('\n').findIndex((text) => text.includes('{{cell dat}}')) + 1;
    await templates({ 'adr/record.hbs': misspelt });
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const warnings = (JSON.parse(result.stdout).warnings ?? []) as Array<Record<string, unknown>>;
    expect(warnings.filter((warning) => warning.code === 'DG_TEMPLATE_FIELD')).toEqual([
      expect.objectContaining({
        message: '{{dat}} renders empty: the adr plugin gives no field "dat" there',
        file: join(project, 'templates', 'adr', 'record.hbs'),
        line,
        column: 17,
        hint: expect.stringMatching(/^did you mean "date"\? fields there: .*\bdate\b/),
      }),
    ]);
    expect((await runCli(['generate', '--strict'], { cwd: project })).code).toBe(1);
  });

  it("the plugin's own template copied unchanged as an override warns of no field", async () => {
    await templates({
      'adr/record.hbs': record,
      'adr/log.hbs': readFileSync(join(chain, '..', '..', '..', 'templates', 'log.hbs'), 'utf8'),
    });
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const warnings = (JSON.parse(result.stdout).warnings ?? []) as Array<{ code: string }>;
    // Its `{{#each fields}}` meets records with no fields: an optional list, no misspelling.
    expect(warnings.filter((warning) => warning.code.startsWith('DG_TEMPLATE'))).toEqual([]);
  });

  it('a folder misnamed for a plugin is a warning; a folder of something else is left alone', async () => {
    await templates({ 'adrs/record.hbs': edited, 'mail/welcome.hbs': 'Hello {{name}}' });
    const result = await runCli(['generate', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    const warnings = (JSON.parse(result.stdout).warnings ?? []) as Array<{ code: string; file?: string }>;
    // --json carries the hint too: what to do, not only what is wrong.
    expect(warnings.filter((w) => w.code === 'DG_TEMPLATE_UNUSED')).toEqual([
      expect.objectContaining({
        file: join(project, 'templates', 'adrs'),
        hint: expect.stringMatching(/^rename it to adr\/: overrides go in <templates>\/<plugin name>\//),
      }),
    ]);
    const human = await runCli(['generate'], { cwd: project });
    expect(human.stderr).toContain('→ rename it to adr/: overrides go in <templates>/<plugin name>/');
  });
});
