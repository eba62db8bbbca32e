import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Manifest } from '@docgen/core';
import { repoRoot, runCli } from '@docgen/test-support';

/**
 * `docgen adr` end to end: the real built CLI (`npx tsc -b apps/cli` first) on the project's own
 * ADRs (docs/adr, through docs/docgen.config.yaml) and on a fixture folder with a supersede chain.
 * Expected titles and statuses are read here from the ADR files themselves.
 */
const adrDir = join(repoRoot, 'docs', 'adr');
const chain = join(repoRoot, 'packages', 'source-adr', 'test', 'fixtures', 'nygard');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `# 1. Title` and `- Status: x` of each ADR file, read the simple way. */
function ownAdrs(): Array<{ file: string; number: number; title: string; status: string }> {
  return readdirSync(adrDir)
    .filter((name) => /^\d{4}-.*\.md$/.test(name))
    .sort()
    .map((file) => {
      const text = readFileSync(join(adrDir, file), 'utf8');
      const [, number, title] = text.match(/^# (\d+)\. (.+)$/m)!;
      const status = text.match(/^- Status: (\w+)/m)![1]!;
      return { file, number: Number(number), title: title!, status };
    });
}

describe('docgen adr on the project’s own docs/adr', () => {
  it('renders the ADR log and one page per ADR, and publishes them to the embedded sandbox (re-run writes nothing)', async () => {
    const adrs = ownAdrs();
    expect(adrs.length).toBeGreaterThanOrEqual(5); // the project's own ADRs, however many there are
    const out = join(scratch, 'own');
    // A copy of docs/ (its config and ADRs): the embedded sandbox lives beside the config, and one
    // in the checkout would carry the pages of an earlier run into this one.
    const docs = join(scratch, 'docs');
    cpSync(adrDir, join(docs, 'adr'), { recursive: true });
    cpSync(join(repoRoot, 'docs', 'docgen.config.yaml'), join(docs, 'docgen.config.yaml'));
    const config = join(docs, 'docgen.config.yaml');
    const first = await runCli(['adr', '--config', config, '--out', out, '--publish', '--json'], { cwd: scratch });
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.warnings).toEqual([]);
    expect(
      report.pages.map((p: { key: string; title: string; parentKey?: string }) => [p.key, p.title, p.parentKey]),
    ).toEqual([
      ['adr', 'docgen architecture decision records', undefined],
      ...adrs.map((adr) => [`adr/${adr.number}`, `ADR-${String(adr.number).padStart(4, '0')}: ${adr.title}`, 'adr']),
    ]);
    expect(report.publish).toMatchObject({
      sandbox: true,
      counts: { created: adrs.length + 1, failed: 0, conflicts: 0 },
    });

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const storage = (key: string) =>
      readFileSync(join(out, manifest.pages.find((p) => p.key === key)!.storageFile!), 'utf8');
    const log = storage('adr');
    for (const adr of adrs) {
      expect(log).toContain(`<ri:page ri:content-title="ADR-${String(adr.number).padStart(4, '0')}: ${adr.title}" />`);
      expect(storage(`adr/${adr.number}`)).toContain(
        `<ac:parameter ac:name="title">${adr.status[0]!.toUpperCase()}${adr.status.slice(1)}</ac:parameter>`,
      );
    }
    expect(log.match(/<ac:structured-macro ac:name="status">/g)).toHaveLength(adrs.length);
    expect(storage('adr/2')).toContain('<h2>Decision</h2>');

    const again = await runCli(['adr', '--config', config, '--out', out, '--publish', '--json'], { cwd: scratch });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).publish.counts).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: adrs.length + 1,
    });
  }, 120_000);
});

describe('docgen adr --dir on a supersede chain', () => {
  it('links superseded decisions to their successors as Confluence page links', async () => {
    const out = join(scratch, 'chain');
    const result = await runCli(['adr', '--dir', chain, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.pageCount).toBe(5);
    // The fixture links a file that does not exist on purpose: the converter says so, once, at
    // the line of the ADR file where it is written (not the generated page's line).
    expect(
      report.warnings.map((w: { message: string; file?: string; line?: number }) => [w.message, w.file, w.line]),
    ).toEqual([
      [
        'adr/4: link to ./nope.png is relative but neither a page of this tree nor an attachment: it will not work in Confluence',
        join(chain, '0004-postgresql-logical-replication.md'),
        readFileSync(join(chain, '0004-postgresql-logical-replication.md'), 'utf8')
          .split('\n')
          .findIndex((line) => line.includes('(./nope.png)')) + 1,
      ],
    ]);
    // The diagram it does link is attached to ADR 4's page and shown as an attachment image.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.pages.find((p) => p.key === 'adr/4')!.attachments.map((a) => a.fileName)).toEqual([
      'replication.svg',
    ]);
    expect(readFileSync(join(out, 'adr__4.storage.xhtml'), 'utf8')).toContain(
      '<ac:image ac:alt="Orders replicate to reports"><ri:attachment ri:filename="replication.svg" /></ac:image>',
    );
    const read = (stem: string) => readFileSync(join(out, `${stem}.storage.xhtml`), 'utf8');
    // The log: MySQL (2) superseded by 3, PostgreSQL (3) superseded by 4.
    const rows = read('adr').split('<tr>').slice(2);
    expect(rows[1]).toContain('<ac:parameter ac:name="title">Superseded</ac:parameter>');
    expect(rows[1]).toContain(
      '<ri:page ri:content-title="ADR-0003: Store orders in PostgreSQL" /><ac:plain-text-link-body><![CDATA[ADR-0003]]>',
    );
    expect(rows[2]).toContain(
      '<ri:page ri:content-title="ADR-0004: Store orders in PostgreSQL with logical replication" /><ac:plain-text-link-body><![CDATA[ADR-0004]]>',
    );
    expect(rows[3]).toContain('<ac:parameter ac:name="colour">Green</ac:parameter>');
    // A decision page: the warning panel and the body's relative link to another ADR file.
    const third = read('adr__3');
    expect(third).toMatch(
      /<ac:structured-macro ac:name="note">[\s\S]*ADR-0004: Store orders in PostgreSQL with logical replication/,
    );
    expect(third).toContain(
      '<ri:page ri:content-title="ADR-0002: Store orders in MySQL" /><ac:plain-text-link-body><![CDATA[ADR 2]]>',
    );
    expect(read('adr__2')).toMatch(
      /<ac:link ac:anchor="[^"]+"><ri:page ri:content-title="ADR-0001: Record architecture decisions" \/><ac:plain-text-link-body><!\[CDATA\[why we record this\]\]>/,
    );
  }, 60_000);

  /** `docgen adr` on one of source-adr's fixture folders, into scratch/<name>: a run that succeeds. */
  async function renderFixture(name: string) {
    const dir = join(repoRoot, 'packages', 'source-adr', 'test', 'fixtures', name);
    const result = await runCli(['adr', '--dir', dir, '--out', join(scratch, name), '--no-cache']);
    expect(result.code).toBe(0);
    return result;
  }

  it('counts decisions, not the logs of subfolders, in what it says it wrote', async () => {
    const result = await renderFixture('categories');
    expect(result.stdout + result.stderr).toMatch(/wrote 7 pages \(4 decisions\)/);
  });

  it('a note beside the decisions is skipped with a warning, not a failed run; one decision is counted as one', async () => {
    const result = await renderFixture('metadata-section');
    expect(result.stdout + result.stderr).toMatch(/wrote 3 pages \(2 decisions\)/);
    expect(result.stderr).toContain('overview.md:1: overview.md has no ADR number and no status');
    const single = join(scratch, 'single');
    await mkdir(single);
    await writeFile(join(single, '0001-use-adrs.md'), '# 1. Use ADRs\n\n## Status\n\nAccepted\n');
    const one = await runCli(['adr', '--dir', single, '--out', join(scratch, 'single-out'), '--no-cache']);
    expect(one.stdout + one.stderr).toMatch(/wrote 2 pages \(1 decision\)/);
  }, 60_000);

  it('a decision log is one page with a warning saying how to split it; an unnumbered one is skipped, not a failed run', async () => {
    const result = await renderFixture('decision-log');
    expect(result.stdout + result.stderr).toMatch(/wrote 3 pages \(2 decisions\)/);
    expect(result.stderr).toContain('warning DG_ADR_DECISION_LOG');
    expect(result.stderr).toContain(
      'decision-log/0001-platform-decisions.md:5: 0001-platform-decisions.md keeps 3 decisions',
    );
    expect(result.stderr).toContain('decision-log/decision-log.md:3: decision-log.md keeps 2 decisions');
    expect(result.stderr).toContain('→ keep each decision in a file of its own');
    const page = readFileSync(join(scratch, 'decision-log', 'adr__1.md'), 'utf8');
    expect(page).toContain('## 3. Keep secrets in the cloud provider');
  }, 60_000);

  it('bad input: exit 1 with file:line and a hint', async () => {
    const result = await runCli([
      'adr',
      '--dir',
      join(repoRoot, 'packages', 'source-adr', 'test', 'fixtures', 'bad-missing-link'),
      '--out',
      join(scratch, 'bad'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error DG_ADR_LINK');
    expect(result.stderr).toContain('bad-missing-link/0001-first.md:7');
    expect(result.stderr).toContain('→ link to one of the ADR files (0001-first.md), or remove the link');
  }, 60_000);
});

describe('docgen adr without --dir and without a config', () => {
  it("names the folder adr-tools' .adr-dir gives (from a subfolder too), else a usual ADR folder that is there", async () => {
    const repo = join(scratch, 'adr-tools-repo');
    await mkdir(join(repo, '.git'), { recursive: true });
    await mkdir(join(repo, 'doc', 'architecture', 'decisions'), { recursive: true });
    await mkdir(join(repo, 'src'));
    await writeFile(join(repo, '.adr-dir'), 'doc/architecture/decisions\n');
    const fromSub = await runCli(['adr', '--out', join(scratch, 'none')], { cwd: join(repo, 'src') });
    expect(fromSub.code).toBe(1);
    expect(fromSub.stderr).toContain('DG_NO_SOURCES');
    expect(fromSub.stderr).toContain(
      "adr-tools' ../.adr-dir names doc/architecture/decisions: pass --dir ../doc/architecture/decisions",
    );
    const madr = join(scratch, 'madr-repo');
    await mkdir(join(madr, '.git'), { recursive: true });
    await mkdir(join(madr, 'docs', 'decisions'), { recursive: true });
    const usual = await runCli(['adr', '--out', join(scratch, 'none')], { cwd: madr });
    expect(usual.stderr).toContain('docs/decisions looks like the ADR folder: pass --dir docs/decisions');
    expect(usual.stderr).toContain('options: { dir: docs/decisions }');
  });
});

describe('docgen adr on a folder with no decisions', () => {
  it('empty: warns at the folder; only notes: says its files were skipped, not that there are none', async () => {
    const empty = join(scratch, 'empty-adr');
    const notes = join(scratch, 'notes-adr');
    await mkdir(empty);
    await mkdir(notes);
    await writeFile(join(notes, 'todo.md'), 'Things to decide some day.\n');
    for (const [dir, message] of [
      [
        empty,
        `no ADR files in ${empty} (looked for *.md and *.markdown files, and folders of one decision each holding a README.md)`,
      ],
      [notes, `no decisions in ${notes}: its Markdown file was skipped as not decisions (DG_ADR_SKIPPED says why)`],
    ] as const) {
      const result = await runCli(['adr', '--dir', dir, '--out', join(scratch, 'empty-out'), '--json']);
      expect(result.code).toBe(0);
      const { warnings } = JSON.parse(result.stdout) as {
        warnings: Array<{ code: string; message: string; file?: string }>;
      };
      expect(warnings.find((w) => w.code === 'DG_ADR_EMPTY')).toEqual({
        code: 'DG_ADR_EMPTY',
        message,
        file: dir,
        hint: 'the ADR log page is rendered empty: if the decisions are elsewhere, pass --dir their folder, relative to the current folder',
      });
    }
  });
});

describe('docgen adr on a config whose adr source has a parent', () => {
  /** The configuration reference's example: the ADR log under the API reference of another source. */
  async function project(parent: string): Promise<string> {
    const dir = await mkdtemp(join(scratch, 'parent-'));
    await mkdir(join(dir, 'docs', 'adr'), { recursive: true });
    await writeFile(join(dir, 'docs', 'adr', '0001-use-postgres.md'), '# 1. Use Postgres\n\n## Status\n\nAccepted\n');
    await writeFile(join(dir, 'openapi.yaml'), 'openapi: 3.0.3\ninfo: { title: Orders, version: "1" }\npaths: {}\n');
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      `sources:\n  - plugin: openapi\n    options: { spec: openapi.yaml, key: orders }\n  - plugin: adr\n    parent: ${parent}\n    options: { dir: docs/adr }\n`,
    );
    return dir;
  }
  const parentOf = (dir: string, out: string, key: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as Manifest;
    return manifest.pages.find((page) => page.key === key)?.parentKey;
  };

  it('renders the ADRs alone, the log under that parent outside the tree, as generate puts it under that parent', async () => {
    const dir = await project('api/orders');
    const alone = await runCli(['adr', '--out', 'adr-out', '--json'], { cwd: dir });
    expect(alone.stdout).toContain('"ok": true');
    expect(alone.code).toBe(0);
    // Kept, not dropped: a publish puts the log under the doc set's page of that key, where generate's does.
    expect(parentOf(dir, 'adr-out', 'adr')).toBe('api/orders');
    const manifest = JSON.parse(readFileSync(join(dir, 'adr-out', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.outsideParents).toEqual(['api/orders']);
    const all = await runCli(['generate', '--out', 'all-out'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(parentOf(dir, 'all-out', 'adr')).toBe('api/orders');
  });

  it('--dir at a folder with no decisions says what it looked for, and names the folder the config gives', async () => {
    const dir = await project('api/orders');
    await mkdir(join(dir, 'decisions'));
    const result = await runCli(['adr', '--dir', 'decisions', '--out', 'adr-out', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const { warnings } = JSON.parse(result.stdout) as {
      warnings: Array<{ code: string; message: string; hint: string }>;
    };
    expect(warnings.find((w) => w.code === 'DG_ADR_EMPTY')).toMatchObject({
      message: `no ADR files in ${join(dir, 'decisions')} (looked for *.md and *.markdown files, and folders of one decision each holding a README.md)`,
      hint:
        'the ADR log page is rendered empty: if the decisions are elsewhere, pass --dir their folder, relative to the current folder; ' +
        'docgen.config.yaml lists an ADR source in docs/adr: run `docgen adr` without --dir to render it',
    });
  });

  it('a parent no source makes: the error is at the parent line of the config and names the keys there are', async () => {
    const dir = await project('api/order');
    const result = await runCli(['generate', '--out', 'out', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_TREE_PARENT',
      location: { file: join(dir, 'docgen.config.yaml'), line: 5 },
      hint: expect.stringMatching(/^did you mean "api\/orders"\?/),
    });
  });
});

describe('docgen adr with a link to a misspelt file beside the decision', () => {
  it('the warning at the link names the file meant', async () => {
    const dir = await mkdtemp(join(scratch, 'misspelt-link-'));
    await writeFile(join(dir, '0001-record-decisions.md'), '# 1. Record decisions\n\n## Status\n\nAccepted\n');
    await writeFile(
      join(dir, '0002-use-postgres.md'),
      '# 2. Use Postgres\n\n## Status\n\nAccepted\n\n## Context\n\nSee [ADR 1](0001-record-decision.md).\n',
    );
    const result = await runCli(['adr', '--dir', dir, '--out', join(dir, 'out'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([
      expect.objectContaining({
        code: 'DG_CONVERT',
        file: join(dir, '0002-use-postgres.md'),
        line: 9,
        hint: 'did you mean 0001-record-decisions.md? no file 0001-record-decision.md is there',
      }),
    ]);
  });
});

describe('docgen adr with the plugin misnamed in the config', () => {
  it('names the source and the plugin meant at its line, not "no source for this command"', async () => {
    const project = await mkdtemp(join(scratch, 'misnamed-'));
    cpSync(chain, join(project, 'docs', 'adr'), { recursive: true });
    const config = (plugin: string) =>
      writeFile(
        join(project, 'docgen.config.yaml'),
        `sources:\n  - plugin: prisma\n    options: { schema: schema.prisma }\n  - plugin: ${plugin}\n    options: { dir: docs/adr }\n`,
      );
    await config('adrs');
    const result = await runCli(['adr', '--out', 'docs-out', '--json'], { cwd: project });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_PLUGIN_NOT_FOUND',
      message: 'sources[1] names plugin "adrs", which docgen does not have: this command has no source to render',
      location: { file: join(project, 'docgen.config.yaml'), line: 4 },
      hint: 'did you mean the built-in "adr"? write plugin: adr',
    });
    // As it says: the decisions render.
    await config('adr');
    const fixed = await runCli(['adr', '--out', 'docs-out', '--json'], { cwd: project });
    expect(fixed.code).toBe(0);
  });
});

describe('docgen adr --dir of a file', () => {
  it('one decision given as --dir: the hint names its folder', async () => {
    const project = await mkdtemp(join(scratch, 'file-as-dir-'));
    cpSync(chain, join(project, 'docs', 'adr'), { recursive: true });
    const [decision] = readdirSync(join(project, 'docs', 'adr')).filter((name) => name.endsWith('.md'));
    const result = await runCli(['adr', '--dir', `docs/adr/${decision}`, '--json'], { cwd: project });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_ADR_DIR',
      hint: `pass --dir docs/adr (the folder holding ${decision}), relative to the current folder`,
    });
  });
});
