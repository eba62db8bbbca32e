import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer, validatePageTree } from '@docgen/core';
import source, { extractAdrs, parseAdr, renderAdrs, rewriteAdrLinks, statusLozenge } from '@docgen/source-adr';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });
const render = (folder: string, options = {}) =>
  renderAdrs(extractAdrs(join(fixtures, folder), { report: () => undefined }), templates, options);

describe('ADR pages', () => {
  const tree = render('nygard');
  const page = (key: string) => tree.pages.find((p) => p.key === key)!;

  it('a log page with one child per ADR, keyed by number', () => {
    validatePageTree(tree);
    expect(tree.pages.map((p) => [p.key, p.title, p.parentKey, p.position])).toEqual([
      ['adr', 'Architecture decision records', undefined, 0],
      ['adr/1', 'ADR-0001: Record architecture decisions', 'adr', 1],
      ['adr/2', 'ADR-0002: Store orders in MySQL', 'adr', 2],
      ['adr/3', 'ADR-0003: Store orders in PostgreSQL', 'adr', 3],
      ['adr/4', 'ADR-0004: Store orders in PostgreSQL with logical replication', 'adr', 4],
    ]);
    expect(page('adr/2').labels).toEqual(['adr', 'adr-superseded']);
  });

  it('the log table: linked title, status lozenge, date, superseded-by (named as its page is titled, ADR-0004)', () => {
    const rows = page('adr')
      .markdown.split('\n')
      .filter((line) => /^\| \d/.test(line));
    expect(rows).toEqual([
      '| 1 | [Record architecture decisions](./adr__1.md) | :status[Accepted]{colour=Green} | 2024-01-10 |  |',
      '| 2 | [Store orders in MySQL](./adr__2.md) | :status[Superseded]{colour=Grey} | 2024-02-01 | [ADR-0003](./adr__3.md) |',
      '| 3 | [Store orders in PostgreSQL](./adr__3.md) | :status[Superseded]{colour=Grey} | 2024-06-12 | [ADR-0004](./adr__4.md) |',
      '| 4 | [Store orders in PostgreSQL with logical replication](./adr__4.md) | :status[Accepted]{colour=Green} | 2024-09-30 |  |',
    ]);
    expect(page('adr').markdown).toContain('4 decisions: 2 accepted, 2 superseded.');
  });

  it('a decision page: warning when superseded, relations, and links between ADR files rewritten to pages', () => {
    const third = page('adr/3').markdown;
    expect(third).toContain(
      '> [!WARNING]\n> Superseded by [ADR-0004: Store orders in PostgreSQL with logical replication](./adr__4.md).',
    );
    expect(third).toContain('| Supersedes | [ADR-0002: Store orders in MySQL](./adr__2.md) |');
    expect(third).toContain('Superseded by [4. Store orders in PostgreSQL with logical replication](./adr__4.md)');
    expect(third).toContain('which [ADR 2](./adr__2.md) could not give us');
    // Code stays as written.
    expect(third).toContain('A link in a code block stays as written: [ADR 2](0002-store-orders-in-mysql.md)');
    expect(third).toContain('`[x](0002-store-orders-in-mysql.md)`');
    expect(page('adr/2').markdown).toContain('[why we record this](./adr__1.md#context)');
    expect(page('adr/4').markdown).toContain('[first]: ./adr__1.md');
    // External links are untouched.
    expect(page('adr/1').markdown).toContain('(https://github.com/npryce/adr-tools)');
  });

  it('title, key and labels options', () => {
    const madr = render('madr', { title: 'Decisions', key: 'decisions', labels: ['team-a'] });
    expect(madr.pages[0]).toMatchObject({ key: 'decisions', title: 'Decisions', labels: ['adr', 'team-a'] });
    expect(madr.pages[5]).toMatchObject({ key: 'decisions/5', labels: ['adr', 'team-a', 'adr-unknown'] });
    const log = madr.pages[0]!.markdown;
    expect(log).toContain(':status[Rejected]{colour=Red}');
    expect(log).toContain(':status[Proposed]{colour=Blue}');
    expect(log).toContain(':status[Deprecated]{colour=Yellow}');
    expect(log).toContain(':status[pending review]{colour=Grey}');
    // front matter's deciders, in the page's header as the status and date are
    expect(madr.pages[1]!.markdown).toContain('| Date | 2023-05-01 |\n| Deciders | Ana, Ben |\n');
  });
});

describe('status lozenges', () => {
  it("show the author's own word where it is not the status's name (Approved, Akzeptiert, In review), coloured and labelled by its status", () => {
    const lozenge = (status: string) => {
      const { record } = parseAdr('/adr/0001-x.md', `# X\n\n## Status\n\n${status}\n`);
      return [statusLozenge(record), record.status];
    };
    expect(lozenge('Approved')).toEqual([':status[Approved]{colour=Green}', 'accepted']);
    expect(lozenge('Accepted')).toEqual([':status[Accepted]{colour=Green}', 'accepted']);
    expect(lozenge('accepted on 2024-03-01')).toEqual([':status[Accepted]{colour=Green}', 'accepted']);
    expect(lozenge('Akzeptiert am 07.08.2026')).toEqual([':status[Akzeptiert]{colour=Green}', 'accepted']);
    expect(lozenge('Accepté')).toEqual([':status[Accepté]{colour=Green}', 'accepted']);
    expect(lozenge('in review')).toEqual([':status[In review]{colour=Blue}', 'proposed']);
    expect(lozenge('✅ Draft')).toEqual([':status[Draft]{colour=Blue}', 'proposed']);
    expect(lozenge('採用 (Accepted)')).toEqual([':status[採用]{colour=Green}', 'accepted']);
    expect(lozenge('Abgelöst durch ADR 2')).toEqual([':status[Abgelöst]{colour=Grey}', 'superseded']);
    expect(lozenge('Superseded by ADR 2')).toEqual([':status[Superseded]{colour=Grey}', 'superseded']);
    // an adr-tools section whose first line relates another decision: the word of the line that gives the status
    expect(lozenge('Supersedes ADR 2\n\nGenehmigt')).toEqual([':status[Genehmigt]{colour=Green}', 'accepted']);
  });

  it("an unknown status keeps its apostrophes and every script's letters (The decision’s status, en attente d’arbitrage, 待定)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const statuses = [
      'The decision’s status is open to debate',
      'En attente d’arbitrage',
      "Won't do",
      '待定',
      'Ожидает',
    ];
    for (const [index, status] of statuses.entries())
      await writeFile(join(dir, `000${index + 1}-x.md`), `# X\n\n## Status\n\n${status}\n`);
    const log = renderAdrs(extractAdrs(dir, { report: () => undefined }), templates).pages[0]!.markdown;
    const lozenges = log.split('\n').flatMap((line) => /:status\[[^\]]*\]\{colour=\w+\}/.exec(line) ?? []);
    // Before: `The decision s`, `En attente d arbitrage`: a curly apostrophe was a space.
    expect(lozenges).toEqual([
      ':status[The decision’s status]{colour=Grey}',
      ':status[En attente d’arbitrage]{colour=Grey}',
      ":status[Won't do]{colour=Grey}",
      ':status[待定]{colour=Grey}',
      ':status[Ожидает]{colour=Grey}',
    ]);
  });

  it("front matter's lower-case word is capitalised as the status names are; the page keeps its status label", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(dir, '0001-x.md'), '---\nstatus: approved\n---\n# X\n');
    const tree = renderAdrs(extractAdrs(dir), templates);
    expect(tree.pages[0]!.markdown).toContain('| 1 | [X](./adr__1.md) | :status[Approved]{colour=Green} |');
    expect(tree.pages[0]!.markdown).toContain('1 decision: 1 accepted.');
    expect(tree.pages[1]!.labels).toEqual(['adr', 'adr-accepted']);
  });
});

describe('rewriteAdrLinks', () => {
  it('maps inline links and definitions outside code, leaves the rest', () => {
    const map = (href: string) =>
      href.startsWith('0002') ? `./adr__2.md${href.includes('#') ? href.slice(href.indexOf('#')) : ''}` : undefined;
    expect(
      rewriteAdrLinks(
        'See [two](0002-x.md#a) and [web](https://x.test/0002) and `[c](0002-x.md)`.\n[d]: 0002-x.md\n~~~\n[e](0002-x.md)\n~~~',
        map,
      ),
    ).toBe(
      'See [two](./adr__2.md#a) and [web](https://x.test/0002) and `[c](0002-x.md)`.\n[d]: ./adr__2.md\n~~~\n[e](0002-x.md)\n~~~',
    );
  });
});

describe('a raw HTML link to another decision', () => {
  it('points at its page, as a Markdown link does; one shown as code stays as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(dir, '0001-use-postgres.md'), '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n');
    await writeFile(
      join(dir, '0002-use-sqlite.md'),
      '# 2. Use SQLite\n\n## Status\n\nAccepted\n\n## Context\n\nSmall enough for one file.\n',
    );
    await mkdir(join(dir, 'bench'));
    await writeFile(join(dir, 'bench', 'results.pdf'), '%PDF-1.4\n');
    await writeFile(
      join(dir, '0003-use-sqlite-in-tests.md'),
      [
        '# 3. Use SQLite in tests',
        '',
        '## Status',
        '',
        'Accepted',
        '',
        '## Context',
        '',
        'As <a href="0002-use-sqlite.md#context">ADR 2 says</a>, and <a class="adr" href=\'./0001-use-postgres.md\'>ADR 1</a> in production.',
        'Written as `<a href="0002-use-sqlite.md">`, a link is HTML.',
        'Measured in <a href="bench/results.pdf">the benchmark</a>.',
        '',
      ].join('\n'),
    );
    const tree = renderAdrs(extractAdrs(dir, { report: () => undefined }), templates);
    const third = tree.pages.find((page) => page.key === 'adr/3')!.markdown;
    // Before: both hrefs stayed as written, and never became page links.
    expect(third).toContain(
      'As <a href="./adr__2.md#context">ADR 2 says</a>, and <a class="adr" href=\'./adr__1.md\'>ADR 1</a> in production.',
    );
    expect(third).toContain('Written as `<a href="0002-use-sqlite.md">`, a link is HTML.');
    // A linked file is attached, as a Markdown link's is.
    expect(third).toContain('Measured in <a href="./results.pdf">the benchmark</a>.');
    expect(tree.pages.find((page) => page.key === 'adr/3')!.attachments.map((a) => a.fileName)).toEqual([
      'results.pdf',
    ]);
  });
});

describe("a site's links between decisions, without .md", () => {
  it('point at the page of the one decision they name; others stay as written', () => {
    const tree = render('site-links');
    const page = (key: string) => tree.pages.find((p) => p.key === key)!.markdown;
    expect(page('adr/1')).toContain('[ADR 2](./adr__2.md) and [ADR 3](./adr__3.md#decision)');
    expect(page('adr/1')).toContain('[/docs/adr/0001-record-decisions.md](./adr__1.md)');
    expect(page('adr/2')).toContain('As [the first decision](./adr__1.md) says');
    expect(page('adr/2')).toContain('Caching is [ADR 1 (backend)](./adr__backend__1.md).');
    expect(page('adr/3')).toContain("[the site's URL drops the number](./adr__2.md)");
    expect(page('adr/3')).toContain('[which?](../use-postgres)');
    expect(page('adr/3')).toContain('[a page of the site](/docs/setup/)');
    expect(page('adr/backend/1')).toContain('as [ADR 3](./adr__3.md) decided');
  });
});

describe('files an ADR links to', () => {
  it('become attachments of its page, once, and the links point at them', () => {
    const fourth = render('nygard').pages.find((p) => p.key === 'adr/4')!;
    expect(fourth.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([['replication.svg', 'image/svg+xml']]);
    expect(Buffer.from(fourth.attachments[0]!.data!).toString('utf8')).toContain('<svg');
    expect(fourth.markdown).toContain('![Orders replicate to reports](./replication.svg)');
    expect(fourth.markdown).toContain('[diagram source](./replication.svg)');
    expect(fourth.markdown).toContain('[missing file](./nope.png)');
  });
});

describe('page layout', () => {
  it('no page has a doubled blank line or a trailing space: a decision with no body, a log of categories only', async () => {
    // as wingleung/backstage-catalog-demo keeps decisions only in catalog/payment-service/docs/adr
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(dir, 'payments'));
    await writeFile(join(dir, 'payments', '0001-use-stripe.md'), '# 1. Use Stripe\n\n## Status\n\nAccepted\n');
    await writeFile(join(dir, 'payments', '0002-no-body.md'), '---\nstatus: proposed\n---\n# No body\n');
    const tree = renderAdrs(extractAdrs(dir), templates);
    expect(tree.pages.map((page) => page.key)).toEqual(['adr', 'adr/payments', 'adr/payments/1', 'adr/payments/2']);
    for (const page of [...tree.pages, ...render('nygard').pages, ...render('categories').pages]) {
      expect([page.key, page.markdown]).not.toEqual([page.key, expect.stringMatching(/\n[ \t]*\n[ \t]*\n| \n/)]);
      expect([page.key, page.markdown]).toEqual([page.key, expect.stringMatching(/[^\n]\n$/)]);
    }
    expect(tree.pages[0]!.markdown).toBe(
      'Decisions that shaped this system, one page each, newest last.\n\n## Categories\n\n- [payments](./adr__payments.md): 2 decisions\n',
    );
  });
});

describe('decisions kept each in a folder of its own', () => {
  const tree = render('decision-folders');
  const page = (key: string) => tree.pages.find((p) => p.key === key)!;

  it('are pages keyed by number; links to a decision folder or its README point at its page', () => {
    validatePageTree(tree);
    expect(tree.pages.map((p) => [p.key, p.title])).toEqual([
      ['adr', 'Architecture decision records'],
      ['adr/1', 'ADR-0001: Keep a log of decisions'],
      ['adr/2', 'ADR-0002: Name decision folders by number'],
      ['adr/3', 'ADR-0003: Name decision folders by number and slug'],
    ]);
    expect(page('adr/1').markdown).toContain(
      '[ADR 2](./adr__2.md) says how, and\n[the next one](./adr__2.md) says more.',
    );
    expect(page('adr/3').markdown).toContain('as [the first](./adr__1.md) began');
    expect(page('adr/2').markdown).toContain(
      '| Superseded by | [ADR-0003: Name decision folders by number and slug](./adr__3.md) |',
    );
  });

  it("a file beside the README (a diagram) is attached to the decision's page", () => {
    expect(page('adr/1').attachments.map((attachment) => attachment.fileName)).toEqual(['workflow.svg']);
    expect(page('adr/1').markdown).toContain('[workflow](');
  });

  it('make a category when a subfolder holds only decision folders: its log page, its titles, links into it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const write = async (path: string, text: string) => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    };
    await write('0001-record.md', '# 1. Record decisions\n\nStatus: accepted\n\nSee [gRPC](backend/0002-use-grpc/).\n');
    await write(
      'backend/0001-use-rest/README.md',
      '# Use REST\n\nStatus: accepted\nDate: 2021-01-01\n\n![Flow](./flow.svg)\n',
    );
    await write('backend/0001-use-rest/flow.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await write(
      'backend/0002-use-grpc/index.md',
      '# Use gRPC\n\n## Status\n\nSuperseded by [ADR 3](../0003/README.md)\n',
    );
    await write('backend/0003/README.md', '---\ntitle: Use Connect\nstatus: accepted\n---\n\nBody.\n');
    // A folder of notes beside them, with no decision, is no category.
    await write('backend/notes/README.md', '# Notes\n');
    const warnings: string[] = [];
    const model = extractAdrs(dir, { report: (warning) => warnings.push(warning.code) });
    expect(warnings).toEqual([]);
    expect(model.categories?.map((category) => category.name)).toEqual(['backend']);
    const tree = renderAdrs(model, templates);
    validatePageTree(tree);
    expect(tree.pages.map((p) => [p.key, p.title, p.parentKey])).toEqual([
      ['adr', 'Architecture decision records', undefined],
      ['adr/1', 'ADR-0001: Record decisions', 'adr'],
      ['adr/backend', 'Architecture decision records: backend', 'adr'],
      ['adr/backend/1', 'ADR-0001 (backend): Use REST', 'adr/backend'],
      ['adr/backend/2', 'ADR-0002 (backend): Use gRPC', 'adr/backend'],
      ['adr/backend/3', 'ADR-0003 (backend): Use Connect', 'adr/backend'],
    ]);
    const byKey = (key: string) => tree.pages.find((p) => p.key === key)!;
    expect(byKey('adr').markdown).toContain('- [backend](./adr__backend.md): 3 decisions');
    expect(byKey('adr/1').markdown).toContain('See [gRPC](./adr__backend__2.md).');
    expect(byKey('adr/backend/2').markdown).toContain(
      '| Superseded by | [ADR-0003 (backend): Use Connect](./adr__backend__3.md) |',
    );
    expect(byKey('adr/backend/1').attachments.map((attachment) => attachment.fileName)).toEqual(['flow.svg']);
  });

  it("say where a superseded decision's README should link its successor, from its own folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(dir, '0001'));
    await mkdir(join(dir, '0002'));
    await writeFile(join(dir, '0001', 'README.md'), '# Use REST\n\nStatus: accepted\n');
    await writeFile(
      join(dir, '0002', 'README.md'),
      '# Use gRPC\n\nStatus: accepted\n\nSupersedes [ADR 1](../0001/README.md)\n',
    );
    const hints: Array<string | undefined> = [];
    extractAdrs(dir, { report: (warning) => hints.push(warning.hint) });
    expect(hints).toEqual(['set its status to "Superseded by [ADR 2](../0002/README.md)"']);
  });
});
