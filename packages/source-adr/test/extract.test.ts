import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer, DocgenError, formatDiagnostic, validatePageTree, type Diagnostic } from '@docgen/core';
import source, {
  classifyStatus,
  extractAdrs,
  parseAdr,
  renderAdrs,
  siteLinkTarget,
  statusLozenge,
} from '@docgen/source-adr';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });

function failure(fn: () => unknown): DocgenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocgenError) return error;
    throw error;
  }
  throw new Error('expected a DocgenError');
}

describe('adr-tools / Nygard format', () => {
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(join(fixtures, 'nygard'), { report: (d) => warnings.push(d) });

  it('reads number, title, date and the status section', () => {
    expect(model.records.map((r) => [r.number, r.title, r.status, r.date])).toEqual([
      [1, 'Record architecture decisions', 'accepted', '2024-01-10'],
      [2, 'Store orders in MySQL', 'superseded', '2024-02-01'],
      [3, 'Store orders in PostgreSQL', 'superseded', '2024-06-12'],
      [4, 'Store orders in PostgreSQL with logical replication', 'accepted', '2024-09-30'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('records the supersede chain in both directions', () => {
    expect(model.records.map((r) => [r.number, r.supersededBy, r.supersedes])).toEqual([
      [1, [], []],
      [2, [3], []],
      [3, [4], [2]],
      [4, [], [3]],
    ]);
  });

  it('keeps the body without the title and the Date line', () => {
    const third = model.records[2]!;
    expect(third.body.startsWith('## Status\n')).toBe(true);
    expect(third.body).not.toContain('# 3. Store orders');
    expect(third.body).not.toContain('Date: 2024-06-12');
    expect(third.body).toContain('## Consequences\n\nA migration window of one night.');
  });
});

describe('MADR format', () => {
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(join(fixtures, 'madr'), { report: (d) => warnings.push(d) });

  it('reads front matter and bullet metadata, numbers from file names, and skips README and template', () => {
    expect(model.records.map((r) => [r.number, r.title, r.status, r.date, r.fileName])).toEqual([
      [1, 'Use Markdown Any Decision Records', 'accepted', '2023-05-01', '0001-use-markdown-any-decision-records.md'],
      [2, 'Use Vitest for unit tests', 'rejected', '2023-06-02', '0002-use-vitest.md'],
      [3, 'Feature flags from a hosted service', 'proposed', '2023-07-14', '0003-feature-flags-service.md'],
      [4, 'XML configuration files', 'deprecated', '2023-08-01', '0004-xml-config.md'],
      [5, 'A GraphQL gateway in front of every service', 'unknown', '2023-09-09', '0005-graphql-gateway.md'],
    ]);
  });

  it('removes status and date lines from the body but keeps the other metadata', () => {
    const vitest = model.records[1]!;
    expect(vitest.body).toContain('* Deciders: Ana');
    expect(vitest.body).not.toMatch(/Status:|Date:/);
    expect(model.records[0]!.body).not.toContain('deciders');
  });

  it("front matter's people (MADR's deciders, decision-makers, consulted, informed) and a description are read, not dropped with it", async () => {
    expect(model.records[0]!.fields).toEqual([{ label: 'Deciders', value: 'Ana, Ben' }]);
    expect(model.records[1]!.fields).toBeUndefined();
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    // MADR 4's front matter; Backstage's ADRs (docs/architecture-decisions) have an id, a title and a description
    await writeFile(
      join(dir, '0001-madr-4.md'),
      [
        '---',
        'status: accepted',
        'date: 2024-01-10',
        'decision-makers: [Ana, Ben]',
        'consulted: Platform team',
        'informed:',
        '---',
        '# Use MADR 4',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'adr013-use-node-fetch.md'),
      [
        '---',
        'id: adrs-adr013',
        "title: 'ADR013: Proper use of HTTP fetching libraries'",
        '# prettier-ignore',
        'description: Architecture Decision Record (ADR) for the proper use of node-fetch.',
        '---',
        '',
        '## Context',
        '',
      ].join('\n'),
    );
    const { records } = extractAdrs(dir, { report: () => undefined });
    expect(records.map((record) => [record.number, record.title, record.fields])).toEqual([
      [
        1,
        'Use MADR 4',
        [
          { label: 'Decision makers', value: 'Ana, Ben' },
          { label: 'Consulted', value: 'Platform team' },
        ],
      ],
      [
        13,
        'Proper use of HTTP fetching libraries',
        [{ label: 'Description', value: 'Architecture Decision Record (ADR) for the proper use of node-fetch.' }],
      ],
    ]);
  });

  it('warns about an unknown status with its file and line, and keeps it as written', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'DG_ADR_STATUS',
      severity: 'warning',
      location: { file: join(fixtures, 'madr', '0005-graphql-gateway.md'), line: 2 },
    });
    expect(warnings[0]!.message).toContain('"pending review"');
    expect(warnings[0]!.hint).toContain('proposed, accepted, rejected, deprecated, superseded');
    expect(model.records[4]!.statusText).toBe('pending review');
  });
});

describe('front matter after a comment', () => {
  it('is read after a licence comment and blank lines (REUSE-licensed MADR files open with an SPDX comment)', () => {
    const text = [
      '<!--',
      'SPDX-FileCopyrightText: 2024 Example Contributors',
      'SPDX-License-Identifier: CC-BY-4.0',
      '-->',
      '',
      '---',
      'status: accepted',
      'date: 2024-03-01',
      'deciders: [Ana]',
      '---',
      '',
      '# Use Markdown Any Decision Records',
      '',
      '## Context and Problem Statement',
    ].join('\n');
    const warnings: Diagnostic[] = [];
    const { record } = parseAdr('/adr/0001-use-madr.md', text, (d) => warnings.push(d));
    expect(record).toMatchObject({
      status: 'accepted',
      date: '2024-03-01',
      title: 'Use Markdown Any Decision Records',
    });
    expect(record.fields).toEqual([{ label: 'Deciders', value: 'Ana' }]);
    expect(record.body).toBe('## Context and Problem Statement\n');
    expect(warnings).toEqual([]);
    // one line, as `reuse annotate` writes it
    const oneLine = parseAdr(
      '/adr/0002-x.md',
      '<!-- SPDX-License-Identifier: MIT -->\n---\nstatus: proposed\n---\n# X\n',
    );
    expect(oneLine.record).toMatchObject({ status: 'proposed', title: 'X' });
  });

  it('a YAML error there is at its line of the file; a --- after text is no front matter', () => {
    const text = '<!-- SPDX-License-Identifier: MIT -->\n\n---\nstatus: [accepted\n---\n# X\n';
    const error = failure(() => parseAdr('/adr/0001-x.md', text));
    expect(error.code).toBe('DG_ADR_FRONT_MATTER');
    expect(error.location?.line).toBe(4);
    // a paragraph before the ---: a thematic break in the body, as before
    const prose = parseAdr('/adr/0001-x.md', 'Some text.\n\n---\ndeciders: [Ana]\n---\n# X\n');
    expect(prose.record.title).toBe('X');
    expect(prose.record.fields).toBeUndefined();
  });
});

describe('a date written in the status line', () => {
  const dateOf = (text: string, name = '0001-x.md') => parseAdr(`/adr/${name}`, text).record.date;

  it('is the decision\'s date when no other line gives one ("Accepted on 2024-03-01", "Akzeptiert am 07.08.2026")', () => {
    expect(dateOf('# X\n\n## Status\n\nAccepted on 2024-03-01\n')).toBe('2024-03-01');
    expect(dateOf('# X\n\n* Status: Accepted (2024-03-01)\n')).toBe('2024-03-01');
    expect(dateOf('# X\n\n## Status\n\nAkzeptiert am 07.08.2026\n')).toBe('07.08.2026');
    expect(dateOf('---\nstatus: accepted 2024-03-01\n---\n# X\n')).toBe('2024-03-01');
    // the date of the status line, not of a line relating another decision
    expect(dateOf('# X\n\n## Status\n\nSupersedes ADR 1 (2023-01-01)\n\nAccepted 2024-03-01\n')).toBe('2024-03-01');
  });

  it('a Date line or a dated file name wins; a "Superseded by" line gives no date of the decision', () => {
    expect(dateOf('# X\n\n* Status: Accepted on 2024-03-01\n* Date: 2024-02-01\n')).toBe('2024-02-01');
    expect(dateOf('# X\n\n## Status\n\nSuperseded by ADR 5 on 2025-01-01\n')).toBeUndefined();
    expect(dateOf('# X\n\n## Status\n\nAccepted\n')).toBeUndefined();
    expect(dateOf('# X\n\n## Status\n\nAccepted 2024-03-01\n', '2022-12-05_001-x.md')).toBe('2022-12-05');
  });
});

describe('status lines', () => {
  it('a "## Status" inside a code block (an ADR about the ADR template) is the example, not the status', () => {
    const text = [
      '# Use a template',
      '',
      '## Context',
      '',
      '```markdown',
      '# 1. Title',
      '',
      '## Status',
      '',
      'Accepted',
      '```',
      '',
      '## Status',
      '',
      'Proposed',
      '',
    ].join('\n');
    expect(parseAdr('/adr/0013-x.md', text).record).toMatchObject({ status: 'proposed', title: 'Use a template' });
    const warnings: Diagnostic[] = [];
    const without = parseAdr('/adr/0013-x.md', text.split('\n').slice(0, 12).join('\n'), (d) => warnings.push(d));
    expect(without.record.status).toBe('unknown');
    expect(warnings.map((warning) => warning.code)).toEqual(['DG_ADR_STATUS']);
    expect(without.record.body).toContain('## Status\n\nAccepted\n```');
  });

  it('"Supercedes" and "Superceded by", as adr-tools writes them, relate the decisions both ways', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const adr = (number: number, status: string) =>
      `# ${number}. Distributed WorkQueue\n\nDate: 2019-12-03\n\n## Status\n\n${status}\n\n## Context\n\nTasks.\n`;
    // `adr new -s 3` replaces ADR 3's "Accepted" with its link; apache/james-project keeps both lines.
    await writeFile(
      join(dir, '0003-workqueue.md'),
      adr(3, 'Superceded by [16. Distributed WorkQueue](0016-workqueue.md)'),
    );
    await writeFile(
      join(dir, '0016-workqueue.md'),
      adr(16, 'Accepted (lazy consensus)\n\nSupercedes [3. Distributed WorkQueue](0003-workqueue.md)'),
    );
    await writeFile(
      join(dir, '0017-fields.md'),
      '---\nsuperceded-by: ADR-0018\n---\n# Fields\n\n- Status: superseded\n- Supercedes: ADR-0016\n',
    );
    await writeFile(join(dir, '0018-later.md'), '# Later\n\n- Status: accepted\n');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => [record.number, record.status, record.supersededBy, record.supersedes])).toEqual([
      [3, 'superseded', [16], []],
      [16, 'accepted', [17], [3]],
      [17, 'superseded', [18], [16]],
      [18, 'accepted', [], [17]],
    ]);
    // ADR 16's status still says "Accepted": replaced all the same, which the warning says, at the
    // line of its `## Status` section that says it.
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ADR_SUPERSEDED_STATUS', { file: join(dir, '0016-workqueue.md'), line: 7 }],
    ]);
  });

  it('recognizes superseded-by links and plain "ADR n" references', () => {
    expect(classifyStatus([{ text: 'Superseded by [ADR 5](0005-x.md)', line: 3 }])).toEqual({
      status: 'superseded',
      text: 'Superseded by [ADR 5](0005-x.md)',
      links: [{ relation: 'supersededBy', target: '0005-x.md', line: 3 }],
    });
    expect(classifyStatus([{ text: 'superseded by ADR-0012', line: 2 }]).links).toEqual([
      { relation: 'supersededBy', target: 12, line: 2 },
    ]);
    expect(
      classifyStatus([
        { text: '**Accepted**', line: 1 },
        { text: 'Supersedes [1. A](0001-a.md)', line: 3 },
      ]),
    ).toMatchObject({
      status: 'accepted',
      links: [{ relation: 'supersedes', target: '0001-a.md', line: 3 }],
    });
    expect(classifyStatus([{ text: 'Draft', line: 1 }]).status).toBe('proposed');
    // a relation in a later sentence of the status line, as real logs write it ("## Status" then
    // "Accepted on 2026-09-06. Supersedes [ADR 0009](0009-….md) for staged legacy conversion.")
    const text = 'Accepted on 2026-09-06. Supersedes [ADR 0009](0009-x.md) for staged conversion.';
    expect(classifyStatus([{ text, line: 5 }])).toEqual({
      status: 'accepted',
      text,
      links: [{ relation: 'supersedes', target: '0009-x.md', line: 5 }],
      date: { text: '2026-09-06', line: 5 },
    });
    // "Replaced by" (a synonym of superseded) names the replacing decision as "Superseded by" does
    expect(classifyStatus([{ text: 'Replaced by [ADR 5](0005-x.md)', line: 3 }])).toMatchObject({
      status: 'superseded',
      links: [{ relation: 'supersededBy', target: '0005-x.md', line: 3 }],
    });
  });

  it('a relation after a comma, a semicolon or a bracket is its own (as real status lines write them)', () => {
    const read = (text: string) => classifyStatus([{ text, line: 4 }]);
    // "Superseded by …, amended by …": the second decision amends, it does not supersede.
    expect(read('Superseded by [ADR-0005](0005-x.md), amended by [ADR-0007](0007-y.md)')).toMatchObject({
      status: 'superseded',
      links: [
        { relation: 'supersededBy', target: '0005-x.md', line: 4 },
        { relation: 'amendedBy', target: '0007-y.md', line: 4 },
      ],
    });
    // Normation/rudder adr/webapp/scheduling/29567-…md: "- Status: accepted, supersedes [28535 - …](28535-….md)"
    expect(read('accepted, supersedes [28535 - Generation of events](28535-passing-events.md)')).toEqual({
      status: 'accepted',
      text: 'accepted, supersedes [28535 - Generation of events](28535-passing-events.md)',
      links: [{ relation: 'supersedes', target: '28535-passing-events.md', line: 4 }],
    });
    // "Status: Accepted, supersedes 42" (the example of Fundamentals of Software Architecture)
    expect(read('Accepted, supersedes 42').links).toEqual([{ relation: 'supersedes', target: 42, line: 4 }]);
    expect(read('Accepted, amended by [0006](0006-refine-boundaries.md)')).toMatchObject({
      status: 'accepted',
      links: [{ relation: 'amendedBy', target: '0006-refine-boundaries.md', line: 4 }],
    });
    // "**Status:** accepted, amends [ADR 0004](…), amended by [ADR 0039](…)": both, each its own.
    expect(read('accepted, amends [ADR 0004](0004-stack.md), amended by [ADR 0039](0039-openapi.md)').links).toEqual([
      { relation: 'amends', target: '0004-stack.md', line: 4 },
      { relation: 'amendedBy', target: '0039-openapi.md', line: 4 },
    ]);
    expect(read('Accepted (supersedes ADR-009)').links).toEqual([{ relation: 'supersedes', target: 9, line: 4 }]);
    expect(read('Accepted; amended by ADR-12').links).toEqual([{ relation: 'amendedBy', target: 12, line: 4 }]);
    expect(read('Superseded by [5](0005-x.md) and amended by [7](0007-y.md)').links).toEqual([
      { relation: 'supersededBy', target: '0005-x.md', line: 4 },
      { relation: 'amendedBy', target: '0007-y.md', line: 4 },
    ]);
    // A list of decisions after one relation word stays that relation's.
    expect(read('Supersedes ADR-3, ADR-4').links).toEqual([
      { relation: 'supersedes', target: 3, line: 4 },
      { relation: 'supersedes', target: 4, line: 4 },
    ]);
  });

  it('reads a title written as a setext heading (Use Kafka over a line of =), numbered or not', () => {
    // Before: no title found, so the file name's ("Use kafka for order events") with DG_ADR_TITLE.
    const warnings: Diagnostic[] = [];
    const text = [
      'Use Kafka for order events',
      '==========================',
      '',
      'Date: 2024-02-02',
      '',
      '## Status',
      '',
      'Accepted',
      '',
      '## Context',
      '',
      'Orders are read by payments, fulfilment and analytics.',
      '',
    ].join('\n');
    const { record } = parseAdr('/adr/0004-use-kafka-for-order-events.md', text, (d) => warnings.push(d));
    expect(record).toMatchObject({ number: 4, title: 'Use Kafka for order events', status: 'accepted' });
    expect(record.body).not.toContain('===');
    expect(record.body).not.toContain('Use Kafka for order events');
    expect(warnings).toEqual([]);
    const numbered = parseAdr('/adr/choose-a-queue.md', '7. Choose a queue\n=================\n\n- Status: accepted\n');
    expect(numbered.record).toMatchObject({ number: 7, title: 'Choose a queue' });
  });

  it('reads a title underlined with - as the title when it is the first heading, not a section', () => {
    // Before: "Use Kafka…" over "----" was read as a ## section, so the decision had no title: from the
    // file name with DG_ADR_TITLE, or none at all (an error) for a file named by no number.
    const text = [
      'Use Kafka for order events',
      '--------------------------',
      '',
      'Date: 2024-02-02',
      '',
      'Status',
      '------',
      '',
      'Accepted',
      '',
      'Context',
      '-------',
      '',
      'Orders are read by payments, fulfilment and analytics.',
      '',
    ].join('\n');
    const warnings: Diagnostic[] = [];
    const { record } = parseAdr('/adr/0004-kafka.md', text, (d) => warnings.push(d));
    expect(record).toMatchObject({ number: 4, title: 'Use Kafka for order events', status: 'accepted' });
    expect(record.body).not.toContain('Use Kafka for order events');
    expect(record.body).toContain('## Context');
    expect(warnings).toEqual([]);
    const unnumbered = parseAdr('/adr/kafka.md', text.replace('Use Kafka', '4. Use Kafka'));
    expect(unnumbered.record).toMatchObject({ number: 4, title: 'Use Kafka for order events' });
    // A file that opens with a section underlined so has no title heading: its name titles it, as before.
    const sectionFirst: Diagnostic[] = [];
    const untitled = parseAdr('/adr/0004-use-kafka.md', text.split('\n').slice(5).join('\n'), (d) =>
      sectionFirst.push(d),
    );
    expect(untitled.record).toMatchObject({ title: 'Use kafka', status: 'accepted' });
    expect(sectionFirst.map((d) => d.code)).toEqual(['DG_ADR_TITLE']);
  });

  it('reads sections written as setext level-2 headings (Status over a line of -), keeping line numbers', () => {
    // Before: only the = title was a heading, so "Status" over "------" was no section: no status.
    const warnings: Diagnostic[] = [];
    const text = [
      'Use Kafka for order events',
      '==========================',
      '',
      'Date: 2024-02-02',
      '',
      'Status',
      '------',
      '',
      'Accepted',
      '',
      'Context',
      '-------',
      '',
      'Orders are read by payments, fulfilment and analytics.',
      '',
      '---',
      '',
      'Written after the March incident.',
      '',
    ].join('\n');
    const { record } = parseAdr('/adr/0004-use-kafka-for-order-events.md', text, (d) => warnings.push(d));
    expect(record).toMatchObject({ number: 4, title: 'Use Kafka for order events', status: 'accepted' });
    expect(warnings).toEqual([]);
    // The sections stay in the body as the headings they are; a rule after a blank line stays a rule.
    expect(record.body).toContain('## Context');
    expect(record.body).not.toMatch(/^-{4,}$/m);
    expect(record.body).toMatch(/^---$/m);
    // Lines keep their numbers: a misspelt status heading is named at its own line.
    const misspelt: Diagnostic[] = [];
    parseAdr('/adr/0004-use-kafka-for-order-events.md', text.replace('Status\n', 'Stauts\n'), (d) => misspelt.push(d));
    expect(misspelt).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_STATUS',
        location: { file: '/adr/0004-use-kafka-for-order-events.md', line: 6 },
      }),
    ]);
  });

  it('takes a heading number when the file name has none, and warns when they disagree', () => {
    const warnings: Diagnostic[] = [];
    expect(parseAdr('/adr/choose-a-queue.md', '# ADR-7: Choose a queue\n\n- Status: accepted\n').record).toMatchObject({
      number: 7,
      title: 'Choose a queue',
      status: 'accepted',
    });
    expect(
      parseAdr('/adr/0009-x.md', '# 8. Something\n\n## Status\n\nProposed\n', (d) => warnings.push(d)).record.number,
    ).toBe(9);
    expect(warnings).toMatchObject([{ code: 'DG_ADR_NUMBER_MISMATCH', location: { file: '/adr/0009-x.md', line: 1 } }]);
  });

  it('reads the heading number styles people write, and leaves a title that merely starts with a digit alone', () => {
    const title = (heading: string) => parseAdr('/adr/0001-x.md', `# ${heading}\n\n- Status: accepted\n`).record.title;
    expect(
      ['1. Use Kafka', 'ADR-0001: Use Kafka', 'ADR 1 - Use Kafka', '0001 - Use Kafka', '1) Use Kafka'].map(title),
    ).toEqual(Array(5).fill('Use Kafka'));
    expect(title('2-factor login for admins')).toBe('2-factor login for admins');
    // ministryofjustice/cloud-platform's `# 26 Managed Prometheus`: the file's number without a stop
    const of = (file: string, heading: string) => parseAdr(file, `# ${heading}\n\n- Status: accepted\n`).record.title;
    expect(of('/adr/026-Managed-Prometheus.md', '26 Managed Prometheus')).toBe('Managed Prometheus');
    expect(of('/adr/026-x.md', '026 Managed Prometheus')).toBe('Managed Prometheus');
    // another number, or a lower-case word after it, is the title's own
    expect(of('/adr/0003-x.md', '26 Managed Prometheus')).toBe('26 Managed Prometheus');
    expect(of('/adr/0003-x.md', '3 tier architecture')).toBe('3 tier architecture');
  });

  it('a status after an emoji (ministryofjustice/cloud-platform: ✅ Accepted, 🤔 Proposed) is read, and kept as written', () => {
    const read = (text: string) => classifyStatus([{ text, line: 1 }]);
    expect(['✅ Accepted', '🤔 Proposed', '❌ Rejected', '⚠️ Deprecated'].map((text) => read(text).status)).toEqual([
      'accepted',
      'proposed',
      'rejected',
      'deprecated',
    ]);
    expect(read('✅ Accepted').text).toBe('✅ Accepted');
    expect(read('⌛ Superseded by [ADR 7](0007-x.md)')).toMatchObject({
      status: 'superseded',
      links: [{ relation: 'supersededBy', target: '0007-x.md', line: 1 }],
    });
  });

  it('a status written as a link to where it was decided (Adyen: [Accepted](…/pull/1049)) is read from its text', () => {
    const warnings: Diagnostic[] = [];
    const { record } = parseAdr(
      '/adr/0011-x.md',
      '# 11. Match notifications\n\nDate: 2023-01-03\n\n## Status\n\n[Accepted](https://github.com/o/r/pull/1049)\n\n## Context\n',
      (warning) => warnings.push(warning),
    );
    expect([record.status, record.statusWord, record.date, warnings]).toEqual([
      'accepted',
      undefined,
      '2023-01-03',
      [],
    ]);
    // the section stays in the body as written, link and all
    expect(record.body).toContain('[Accepted](https://github.com/o/r/pull/1049)');
    expect(classifyStatus([{ text: '[Proposed](https://example.com/rfc/7) on 2021-03-01', line: 1 }])).toMatchObject({
      status: 'proposed',
      date: { text: '2021-03-01', line: 1 },
      links: [],
    });
    // a link that names a decision is a relation, as before, not a status
    expect(classifyStatus([{ text: '[Superseded by ADR 7](0007-x.md)', line: 1 }]).status).toBe('superseded');
  });

  it('reads a title from front matter when there is no heading', () => {
    const text = '---\ntitle: Adopt Nx\nstatus: accepted\n---\n\nWe adopt Nx.\n';
    expect(parseAdr('/adr/0002-nx.md', text).record).toMatchObject({
      number: 2,
      title: 'Adopt Nx',
      status: 'accepted',
      body: 'We adopt Nx.\n',
      bodyLines: [6],
    });
  });

  it('numbers each body line with its line in the file, across the metadata lines it leaves out', () => {
    const text = [
      '# 7. Use Kafka', //              1
      '',
      'Date: 2024-03-01', //            3 (metadata)
      '',
      '## Status', //                   5 (metadata)
      '',
      'Accepted', //                    7 (metadata)
      '',
      '## Context', //                  9
      '',
      'We need [events](./nope.md).', // 11
      '',
    ].join('\r\n');
    const { body, bodyLines } = parseAdr('/adr/0007-kafka.md', text).record;
    const fileLines = text.split('\r\n');
    expect(body.split('\n').slice(0, -1)).toEqual(bodyLines.map((line) => fileLines[line - 1]));
    expect(bodyLines[body.split('\n').indexOf('We need [events](./nope.md).')]).toBe(11);
  });

  it('a status heading misspelt (## Stauts) is named at its line, with the heading meant', () => {
    const warnings: Diagnostic[] = [];
    const text = '# 2. Use Postgres\n\nDate: 2026-02-03\n\n## Stauts\n\nAccepted\n\n## Context\n\nText.\n';
    expect(parseAdr('/adr/0002-use-postgres.md', text, (d) => warnings.push(d)).record.status).toBe('unknown');
    expect(warnings).toMatchObject([{ code: 'DG_ADR_STATUS', location: { line: 5 } }]);
    expect(warnings[0]!.message).toBe(
      'ADR 2 (0002-use-postgres.md) has no status: its heading "## Stauts" is no status section',
    );
    expect(warnings[0]!.hint).toBe('did you mean "## Status"? rename the heading');
    // A section that only looks like it (## States, listing states) is not named.
    const states: Diagnostic[] = [];
    parseAdr('/adr/0003-x.md', '# 3. X\n\n## States\n\nAn order is open or closed.\n', (d) => states.push(d));
    expect(states).toMatchObject([{ code: 'DG_ADR_STATUS', location: { line: 1 } }]);
    expect(states[0]!.hint).toBe('add a "## Status" section or a "- Status: accepted" line');
  });

  it('warns when a decision has no status at all', () => {
    const warnings: Diagnostic[] = [];
    expect(parseAdr('/adr/0003-x.md', '# 3. X\n\nText.\n', (d) => warnings.push(d)).record.status).toBe('unknown');
    expect(warnings).toMatchObject([{ code: 'DG_ADR_STATUS', location: { line: 1 } }]);
    expect(warnings[0]!.hint).toBe('add a "## Status" section or a "- Status: accepted" line');
    // MADR keeps its metadata in front matter (adr/madr's own decisions have parent and nav_order
    // there, and no status): the hint says where.
    const madr: Diagnostic[] = [];
    parseAdr('/adr/0002-x.md', '---\nparent: Decisions\nnav_order: 2\n---\n# X\n\nText.\n', (d) => madr.push(d));
    expect(madr[0]!.hint).toBe('add "status: accepted" (or proposed, rejected…) to its front matter');
  });
});

describe('real folders: templates, prefixes, dates, other languages', () => {
  it('a translation beside its decision (0004-x-de.md by 0004-x.md, as StefanMoCoAt/Meldestelle keeps them) is no second ADR 4: one warning for the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const decision = (title: string, status: string) => `# ${title}\n\n## Status\n\n${status}\n`;
    await writeFile(join(dir, '0000-adr-template.md'), decision('ADR-0000: Titel', '[Vorgeschlagen | Akzeptiert]'));
    await writeFile(join(dir, '0000-adr-template-de.md'), decision('ADR-0000: Titel', '[Vorgeschlagen | Akzeptiert]'));
    await writeFile(join(dir, '0004-event-driven-communication.md'), decision('ADR-0004: Events', 'Accepted'));
    await writeFile(join(dir, '0004-event-driven-communication-de.md'), decision('ADR-0004: Ereignisse', 'Akzeptiert'));
    await writeFile(join(dir, '0005-polyglot-persistence.pt-BR.md'), decision('ADR-0005: Persistência', 'Aceito'));
    await writeFile(join(dir, '0005-polyglot-persistence.md'), decision('ADR-0005: Persistence', 'Accepted'));
    await writeFile(join(dir, '0008-clients-de.md'), decision('ADR-0008: Clients', 'Akzeptiert'));
    // log4brains names two records of one day so: two decisions, not a translation
    await writeFile(join(dir, '20200925-use-react.md'), decision('Use React', 'Accepted'));
    await writeFile(join(dir, '20200925-use-react-js.md'), decision('Use React.js', 'Accepted'));
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    // the template (0000-adr-template) is none; a translation alone (0008) is the decision
    expect(records.map((record) => [record.number, record.title, record.fileName])).toEqual([
      [4, 'Events', '0004-event-driven-communication.md'],
      [5, 'Persistence', '0005-polyglot-persistence.md'],
      [8, 'Clients', '0008-clients-de.md'],
      [2020092500, 'Use React.js', '20200925-use-react-js.md'], // by file name: `-` sorts before `.`
      [2020092501, 'Use React', '20200925-use-react.md'],
    ]);
    expect(warnings).toEqual([
      {
        code: 'DG_ADR_TRANSLATION',
        severity: 'warning',
        message:
          '2 decisions have a translation beside them (0004-event-driven-communication-de.md, 0005-polyglot-persistence.pt-BR.md): each page shows the original, not its translation',
        location: { file: join(dir, '0004-event-driven-communication-de.md') },
        hint: 'keep the translations in a folder of their own (de/, pt-BR/ beside the decisions): each is then a log of its own',
      },
    ]);
  });

  it('German statuses (Akzeptiert, Vorgeschlagen, Entwurf, Veraltet, Abgelöst durch …) are read, as they are written in German ADR logs', () => {
    const read = (text: string) => classifyStatus([{ text, line: 4 }]);
    expect(
      ['Akzeptiert', 'Akzeptiert am 07.08.2026.', 'Genehmigt', 'Vorgeschlagen', 'Entwurf', 'Abgelehnt', 'Veraltet'].map(
        (text) => read(text).status,
      ),
    ).toEqual(['accepted', 'accepted', 'accepted', 'proposed', 'proposed', 'rejected', 'deprecated']);
    expect(read('Abgelöst durch [ADR-0007](0007-api-gateway.md)')).toMatchObject({
      status: 'superseded',
      links: [{ relation: 'supersededBy', target: '0007-api-gateway.md', line: 4 }],
    });
    expect(read('Reemplazado por [ADR-009](0009-x.md)')).toMatchObject({
      status: 'superseded',
      links: [{ relation: 'supersededBy', target: '0009-x.md', line: 4 }],
    });
    expect(read('Remplacé par ADR 9').links).toEqual([{ relation: 'supersededBy', target: 9, line: 4 }]);
    expect(read('Ersetzt durch ADR 9')).toMatchObject({
      status: 'superseded',
      links: [{ relation: 'supersededBy', target: 9, line: 4 }],
    });
  });

  it('Japanese, Chinese and Korean status words (採用済み, 提案, 已废弃, 승인) and dates (2026年3月29日) are read', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const write = (name: string, text: string) => writeFile(join(copy, name), text);
    await write(
      '0005-feature-flags.md',
      '# ADR-005: Feature Flags戦略\n\n## ステータス\n採用済み（v1：DBカラム方式）・計画済み（v2以降：Unleash導入検討）\n\n## 日付\n\n2026年3月29日\n',
    );
    await write('0006-x.md', '# ADR-006: X\n\n## ステータス\n\n提案\n');
    await write('0007-y.md', '# 7. Y\n\n## 状态\n\n已废弃\n');
    await write('0008-z.md', '# 8. Z\n\n- Date: 2026년 4월 2일\n\n## 상태\n\n승인됨\n');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => [record.number, record.status, record.statusWord, record.date])).toEqual([
      [5, 'accepted', '採用済み', '2026-03-29'],
      [6, 'proposed', '提案', undefined],
      [7, 'deprecated', '已废弃', undefined],
      [8, 'accepted', '승인됨', '2026-04-02'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('Spanish, Italian, French and Dutch statuses are read too (## Estado / Propuesto is common)', () => {
    const read = (text: string) => classifyStatus([{ text, line: 4 }]).status;
    expect(
      ['Propuesto', 'Propuesta', 'Aprobado por PO (2026-09-03)', 'Approvato', 'Reemplazado por ADR-009'].map(read),
    ).toEqual(['proposed', 'proposed', 'accepted', 'accepted', 'superseded']);
    expect(
      ['Sostituito', 'Déprécié', 'Deprecado', 'Geaccepteerd', 'Voorgesteld', 'Afgewezen', 'Vervangen'].map(read),
    ).toEqual(['superseded', 'deprecated', 'deprecated', 'accepted', 'proposed', 'rejected', 'superseded']);
  });

  it('a "## Date" section (## Datum, ## Fecha) gives the date when no Date line does; the section stays in the body', () => {
    const text = (heading: string, date: string) =>
      `# ADR-002: DTOs\n\n## Status\n\nAkzeptiert\n\n${heading}\n\n${date}\n\n## Kontext\n\nText.\n`;
    expect(parseAdr('/adr/0002-dtos.md', text('## Datum', '2026-06-05')).record).toMatchObject({
      status: 'accepted',
      date: '2026-06-05',
    });
    expect(parseAdr('/adr/0002-dtos.md', text('## Date', '2026-06-05')).record.body).toContain('## Date\n\n2026-06-05');
    expect(parseAdr('/adr/0002-dtos.md', text('## Fecha', '12/02/2016')).record.date).toBe('12/02/2016');
    // a section of prose is not a date
    expect(parseAdr('/adr/0002-dtos.md', text('## Date', 'Decided in the spring review.')).record.date).toBeUndefined();
  });

  it('skips templates however named, reads adr-NNN names, status headings in other languages, dates beside links', async () => {
    // A folder named like a decision (archive.md/) is not one.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(join(fixtures, 'real-world'), dir, { recursive: true });
    await mkdir(join(dir, 'archive.md'));
    // a short template beside the long one, as simnova/ownercommunity keeps docusaurus/docs/decisions/adr-short-template.md
    await writeFile(
      join(dir, 'adr-short-template.md'),
      '---\nstatus: proposed | accepted\n---\n# short title of solved problem\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => [record.number, record.title, record.status, record.supersededBy])).toEqual([
      [3, 'Use SQLite for persistence', 'accepted', []], // adr-003-…, `## Status: Accepted`
      [7, 'Choose a template engine', 'accepted', []], // "template" in a real decision's name
      [12, 'Proxy de creatives de ads', 'accepted', []], // `ADR-012 — …`, `## Estado` / Aceito
      [20, "Tests d'intégration", 'accepted', []], // `## Statut` / Accepté
      [21, 'データベースエンジンの選定', 'accepted', []], // `## ステータス` / 採用 (Accepted)
      [74, 'Shape is recorded, not refused', 'superseded', [80]], // "Superseded by 0080, 2026-09-10."
      [80, 'Rulings expire with the test', 'accepted', []],
    ]);
    expect(warnings).toEqual([]);
    // "Amends" links are relations too, shown on both decisions, with no status of their own.
    const amended = records.find((record) => record.number === 7)!;
    expect([amended.amendedBy, records.find((record) => record.number === 20)!.amends]).toEqual([[20], [7]]);
    // A status sentence that wraps is all status; one that says more than the header shows ("Its
    // rule is affirmed there…") stays in the body whole, as written (before, that was lost).
    const shape = records.find((record) => record.number === 74)!;
    expect(shape.statusText).toBe(
      'Superseded by 0080, 2026-09-10. Its rule is affirmed there; the exception it kept is not.',
    );
    expect(shape.body.split('\n').slice(0, 3)).toEqual([
      '**Status:** **Superseded by 0080, 2026-09-10.** Its rule is affirmed there;',
      'the exception it kept is not.',
      '',
    ]);
    expect(shape.bodyLines[0]).toBe(3);
  });
});

describe("a site's links, without .md (Docusaurus, MkDocs)", () => {
  it('relate the one decision they name, in its folder or another; several that match are none', () => {
    const diagnostics: Diagnostic[] = [];
    const model = extractAdrs(join(fixtures, 'site-links'), { report: (d) => diagnostics.push(d) });
    const [mysql, postgres] = [model.records[1]!, model.records[2]!];
    // `./0003-use-postgres` and `../site-links/0002-use-mysql/`, from both sides.
    expect([mysql.status, mysql.supersededBy, postgres.supersedes]).toEqual(['superseded', [3], [2]]);
    const [redis, queue] = model.categories![0]!.records;
    // `/docs/adr/backend/0001-use-redis/index` within backend/; `/docs/adr/0003-use-postgres/` across folders.
    expect([queue!.amends, redis!.amendedBy]).toEqual([[1], [2]]);
    expect(redis!.elsewhere).toEqual({ amends: [postgres.file] });
    expect(postgres.elsewhere).toEqual({ amendedBy: [redis!.file] });
    expect(diagnostics.filter((d) => d.code === 'DG_ADR_LINK')).toEqual([]);
  });

  it('relate a decision of a category named within a series (storage/ADR-STORAGE-0001-…), as its .md link does', async () => {
    // Before: the category was read, but its files were no site link's targets, and the link stopped the run.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(dir, 'storage'));
    const madr = (status: string, title: string) =>
      `---\nstatus: ${status}\ndate: 2024-01-02\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
    await writeFile(
      join(dir, '0001-keep-blobs-in-the-database.md'),
      madr('superseded by [ADR-STORAGE-0001](./storage/ADR-STORAGE-0001-metadata-first)', 'Keep blobs in the database'),
    );
    const metadataFirst = join(dir, 'storage', 'ADR-STORAGE-0001-metadata-first.md');
    await writeFile(metadataFirst, madr('accepted', 'ADR-STORAGE-0001 – Metadata first'));
    const diagnostics: Diagnostic[] = [];
    const model = extractAdrs(dir, { report: (d) => diagnostics.push(d) });
    expect(model.records[0]!.elsewhere).toEqual({ supersededBy: [metadataFirst] });
    expect(model.categories!.map((category) => [category.name, category.records[0]!.elsewhere])).toEqual([
      ['storage', { supersedes: [model.records[0]!.file] }],
    ]);
    expect(diagnostics.filter((d) => d.code === 'DG_ADR_LINK')).toEqual([]);
  });

  it('name a decision by its file name without .md, or without its number as Docusaurus drops it', () => {
    const files = ['/r/adr/0005-use-postgres.md', '/r/adr/0006-use-redis.md', '/r/adr/ops/0001-use-redis.md'];
    const target = (href: string) => siteLinkTarget(href, files);
    expect(target('./0005-use-postgres')).toBe(files[0]);
    expect(target('../decisions/0005-use-postgres/')).toBe(files[0]);
    expect(target('/docs/adr/0005-use-postgres#decision')).toBe(files[0]);
    expect(target('0005-use-postgres/index.html')).toBe(files[0]);
    expect(target('/docs/adr/use-postgres')).toBe(files[0]);
    // Two folders' `use-redis`: no guess. A URL, a Markdown file link or a folder is no site link.
    expect(target('/docs/adr/use-redis')).toBeUndefined();
    expect(target('./0006-use-redis')).toBe(files[1]);
    expect(target('https://example.com/0005-use-postgres')).toBeUndefined();
    expect(target('./0005-use-postgres.md')).toBeUndefined();
    // From the repository's root, as GitHub reads it.
    expect(target('/docs/adr/0005-use-postgres.md#context')).toBe(files[0]);
    expect(target('../')).toBeUndefined();
    expect(target('./setup')).toBeUndefined();
  });
});

describe('subfolders: one log per area, numbered on its own', () => {
  const dir = join(fixtures, 'categories');

  it('each subfolder of decisions is a category with its own records and relations', () => {
    const model = extractAdrs(dir);
    expect(model.records.map((record) => record.title)).toEqual(['Use MADR, one subfolder per area']);
    // images/ holds no decision: no category.
    expect(
      model.categories?.map((category) => [category.name, category.records.map((r) => [r.number, r.status])]),
    ).toEqual([
      [
        'backend',
        [
          [0, 'superseded'],
          [1, 'accepted'],
        ],
      ],
      ['frontend', [[0, 'proposed']]],
    ]);
    expect(model.categories![0]!.records[0]!.supersededBy).toEqual([1]);
  });

  it('a supersede link to a decision of another folder is a relation, recorded on both, by file', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    const vue = join(copy, 'frontend', '0001-use-vue.md');
    const cockroach = join(copy, 'backend', '0001-use-cockroachdb.md');
    await writeFile(vue, '# Use Vue\n\n- Status: superseded by [CockroachDB](../backend/0001-use-cockroachdb.md)\n');
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(copy, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    const [backend, frontend] = model.categories!;
    expect(frontend!.records[1]!.status).toBe('superseded');
    expect(frontend!.records[1]!.elsewhere).toEqual({ supersededBy: [cockroach] });
    expect(backend!.records[1]!.elsewhere).toEqual({ supersedes: [vue] });
    // numbers name decisions of one folder: the local relations are as they were
    expect(backend!.records[1]!.supersedes).toEqual([0]);
    expect(frontend!.records[1]!.supersededBy).toEqual([]);
  });

  it('"Supersedes" across folders, and amends: the other side is recorded too, and a still-accepted superseded one is warned', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    const react = join(copy, 'frontend', '0000-use-react.md');
    const graphql = join(copy, 'backend', '0002-serve-graphql.md');
    await writeFile(
      graphql,
      [
        '# Serve GraphQL',
        '',
        '## Status',
        '',
        'Accepted',
        '',
        'Supersedes [React](../frontend/0000-use-react.md)',
        '',
        'Amends [MADR](../0001-use-madr.md)',
        '',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(copy, { report: (warning) => warnings.push(warning) });
    expect(model.records[0]!.elsewhere).toEqual({ amendedBy: [graphql] });
    expect(model.categories![0]!.records[2]!.elsewhere).toEqual({
      supersedes: [react],
      amends: [join(copy, '0001-use-madr.md')],
    });
    expect(model.categories![1]!.records[0]!.elsewhere).toEqual({ supersededBy: [graphql] });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_SUPERSEDED_STATUS',
        message: 'ADR 0 (frontend) is superseded by ADR 2 (backend) but its status says "proposed"',
        location: { file: react, line: 2 }, // front matter's `status: proposed`
        hint: 'set its status to "Superseded by [ADR 2 (backend)](../backend/0002-serve-graphql.md)"',
      }),
    ]);
  });

  it('a folder given relative to the current folder relates decisions across folders and links their pages, as an absolute one does', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    await writeFile(
      join(copy, 'frontend', '0001-use-vue.md'),
      [
        '# Use Vue',
        '',
        '- Status: superseded by [CockroachDB](../backend/0001-use-cockroachdb.md)',
        '',
        'As [React](./0000-use-react.md) was, and [CockroachDB](../backend/0001-use-cockroachdb.md) says why.',
        '',
      ].join('\n'),
    );
    const given = relative(process.cwd(), copy);
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(given, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    const [backend, frontend] = model.categories!;
    expect(frontend!.records[1]!.status).toBe('superseded');
    expect(frontend!.records[1]!.elsewhere).toEqual({ supersededBy: [backend!.records[1]!.file] });
    expect(backend!.records[1]!.elsewhere).toEqual({ supersedes: [frontend!.records[1]!.file] });
    const vue = renderAdrs(model, templates).pages.find((page) => page.key === 'adr/frontend/1')!;
    expect(vue.markdown).toContain(
      'As [React](./adr__frontend__0.md) was, and [CockroachDB](./adr__backend__1.md) says why.',
    );
    // What the records show is what the absolute folder gives.
    const absolute = extractAdrs(copy);
    expect(model.categories!.map((category) => category.records.map((record) => record.fileName))).toEqual(
      absolute.categories!.map((category) => category.records.map((record) => record.fileName)),
    );
  });

  it('a link to a file of another folder that is no decision (a README) is a warning, shown as written', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    const file = join(copy, 'frontend', '0001-use-vue.md');
    await writeFile(join(copy, 'backend', 'README.md'), '# Backend decisions\n');
    await writeFile(file, '# Use Vue\n\n- Status: superseded by [the backend](../backend/README.md)\n');
    const warnings: Diagnostic[] = [];
    extractAdrs(copy, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_LINK',
        message:
          'ADR 1 (frontend) links ../backend/README.md, which is not a decision of this ADR folder: shown as written, not as a relation',
        location: { file, line: 3 },
      }),
    ]);
  });

  it('a category is a log page under the main one; its decisions are keyed and titled with it', () => {
    const tree = renderAdrs(extractAdrs(dir), templates);
    validatePageTree(tree);
    expect(tree.pages.map((page) => [page.key, page.title, page.parentKey])).toEqual([
      ['adr', 'Architecture decision records', undefined],
      ['adr/1', 'ADR-0001: Use MADR, one subfolder per area', 'adr'],
      ['adr/backend', 'Architecture decision records: backend', 'adr'],
      ['adr/backend/0', 'ADR-0000 (backend): Use PostgreSQL', 'adr/backend'],
      ['adr/backend/1', 'ADR-0001 (backend): Use CockroachDB', 'adr/backend'],
      ['adr/frontend', 'Architecture decision records: frontend', 'adr'],
      ['adr/frontend/0', 'ADR-0000 (frontend): Use React', 'adr/frontend'],
    ]);
    expect(tree.pages[0]!.markdown).toContain('- [backend](./adr__backend.md): 2 decisions');
    const cockroach = tree.pages[4]!;
    expect(cockroach.markdown).toContain('[PostgreSQL](./adr__backend__0.md)');
    expect(cockroach.attachments.map((attachment) => attachment.fileName)).toEqual(['cluster.svg']);
    expect(tree.pages[2]!.markdown).toContain('| 0 | [Use PostgreSQL](./adr__backend__0.md) |');
  });
  it('a link to a decision of another folder points at its page; one to a missing decision stays as written', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    await writeFile(
      join(copy, 'backend', '0002-serve-graphql.md'),
      [
        '# Serve GraphQL',
        '',
        '- Status: accepted',
        '',
        'The [React app](../frontend/0000-use-react.md#decision) asks for it, as [MADR](../0001-use-madr.md) says.',
        'Unlike [Vue](../frontend/0009-use-vue.md).',
        '',
      ].join('\n'),
    );
    const tree = renderAdrs(extractAdrs(copy), templates);
    const graphql = tree.pages.find((page) => page.key === 'adr/backend/2')!;
    expect(graphql.markdown).toContain(
      'The [React app](./adr__frontend__0.md#decision) asks for it, as [MADR](./adr__1.md) says.',
    );
    expect(graphql.markdown).toContain('Unlike [Vue](../frontend/0009-use-vue.md).');
    expect(graphql.attachments).toEqual([]);
  });

  it('a decision superseded from another folder links its page there, in its header and its log; the other shows what it supersedes', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    await writeFile(
      join(copy, 'frontend', '0001-use-vue.md'),
      '# Use Vue\n\n- Status: superseded by [CockroachDB](../backend/0001-use-cockroachdb.md)\n',
    );
    const tree = renderAdrs(extractAdrs(copy), templates);
    validatePageTree(tree);
    const page = (key: string) => tree.pages.find((candidate) => candidate.key === key)!.markdown;
    expect(page('adr/frontend/1')).toContain(
      '> Superseded by [ADR-0001 (backend): Use CockroachDB](./adr__backend__1.md).',
    );
    expect(page('adr/frontend/1')).toContain(
      '| Superseded by | [ADR-0001 (backend): Use CockroachDB](./adr__backend__1.md) |',
    );
    expect(page('adr/frontend')).toContain(
      '| 1 | [Use Vue](./adr__frontend__1.md) | :status[Superseded]{colour=Grey} |  | [ADR-0001 (backend)](./adr__backend__1.md) |',
    );
    // its own folder's first, then the other folder's
    expect(page('adr/backend/1')).toContain(
      '| Supersedes | [ADR-0000 (backend): Use PostgreSQL](./adr__backend__0.md), [ADR-0001 (frontend): Use Vue](./adr__frontend__1.md) |',
    );
  });

  it("a category's log labels a decision of the top folder with that folder's name, not as its own ADR 1", async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'docgen-adr-')), 'decisions');
    await cp(dir, copy, { recursive: true });
    await writeFile(
      join(copy, 'frontend', '0001-use-vue.md'),
      '# Use Vue\n\n- Status: superseded by [MADR](../0001-use-madr.md)\n',
    );
    const tree = renderAdrs(extractAdrs(copy), templates);
    const page = (key: string) => tree.pages.find((candidate) => candidate.key === key)!.markdown;
    expect(page('adr/frontend')).toContain(
      '| 1 | [Use Vue](./adr__frontend__1.md) | :status[Superseded]{colour=Grey} |  | [ADR-0001 (decisions)](./adr__1.md) |',
    );
    // the page's own title says which it is, as before
    expect(page('adr/frontend/1')).toContain(
      '| Superseded by | [ADR-0001: Use MADR, one subfolder per area](./adr__1.md) |',
    );
  });
});

describe('relations in front matter', () => {
  const dir = join(fixtures, 'front-matter-relations');

  it('supersedes, superseded_by / superseded-by and amends keys relate the decisions both ways, however the other is named', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    const [rest, versioning, graphql] = records;
    expect(rest!.supersededBy).toEqual([3]);
    expect(graphql!.supersedes).toEqual([1]);
    expect(graphql!.amends).toEqual([2]);
    expect(versioning!.amendedBy).toEqual([3]);
    // empty values (`[]`, nothing, a dash) name no decision, and are no warning
    expect(versioning!.supersedes).toEqual([]);
    expect(versioning!.supersededBy).toEqual([]);
    // a value that names no decision is said at its line, and is no relation
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ADR_LINK',
        6,
        '0003-use-graphql.md\'s front matter says replaces: "the old gateway", which names no decision: not shown as a relation',
      ],
    ]);
  });

  it("name a decision by its file name without .md, or its site's path, as a site's link does", async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(copy, '0001-use-rest.md'),
      '---\nstatus: superseded\nsuperseded-by: 0003-use-graphql\n---\n# Use REST\n',
    );
    await writeFile(join(copy, '0002-version.md'), '---\nstatus: accepted\n---\n# Version the API\n');
    await writeFile(
      join(copy, '0003-use-graphql.md'),
      '---\nstatus: accepted\namends: [/docs/adr/0002-version/]\nreplaces: 0009-nothing-here\n---\n# Use GraphQL\n',
    );
    const failure = (() => {
      try {
        extractAdrs(copy);
      } catch (error) {
        return error as DocgenError;
      }
      return undefined;
    })();
    // A name that looks like a decision's but is none of the folder's is an error, as a link to one is.
    expect(failure?.code).toBe('DG_ADR_LINK');
    expect(failure?.location).toEqual({ file: join(copy, '0003-use-graphql.md'), line: 4 });
    await writeFile(
      join(copy, '0003-use-graphql.md'),
      '---\nstatus: accepted\namends: [/docs/adr/0002-version/]\n---\n# Use GraphQL\n',
    );
    const [rest, version, graphql] = extractAdrs(copy).records;
    expect([rest!.supersededBy, graphql!.supersedes, graphql!.amends, version!.amendedBy]).toEqual([
      [3],
      [1],
      [2],
      [3],
    ]);
  });

  it("the pages show them as the status lines' relations are shown", () => {
    const model = extractAdrs(dir);
    const pages = renderAdrs(model, templates).pages;
    const rest = pages.find((page) => page.key === 'adr/1')!.markdown;
    expect(rest).toContain('Superseded by');
    expect(rest).toContain('adr__3.md');
    const graphql = pages.find((page) => page.key === 'adr/3')!.markdown;
    expect(graphql).toMatch(/Supersedes.*adr__1\.md/);
    expect(graphql).toMatch(/Amends.*adr__2\.md/);
  });

  it('a front-matter relation to a decision the folder does not hold is an error at its line', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(copy, '0001-a.md'), '---\nstatus: superseded\nsuperseded_by: 9\n---\n# A\n');
    const error = failure(() => extractAdrs(copy));
    expect(error.code).toBe('DG_ADR_LINK');
    expect(error.message).toBe('ADR 1 says it is superseded by ADR 9, which is not an ADR in this folder');
    expect(error.location).toEqual({ file: join(copy, '0001-a.md'), line: 3 });
  });
});

describe('relations written as fields under the title', () => {
  const dir = join(fixtures, 'relation-fields');
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
  const adr = (number: number) => model.records.find((record) => record.number === number)!;

  it('a "- Supersedes: ADR-0014" line (a Y-statement ADR\'s) or a "| Supersedes | … |" row relates the decisions both ways', () => {
    expect(adr(19).supersedes).toEqual([14]);
    expect(adr(14).supersededBy).toEqual([19]);
    expect(adr(39).supersedes).toEqual([22]);
    expect(adr(22).supersededBy).toEqual([39]);
    expect(adr(39).amends).toEqual([19]);
    expect(adr(19).amendedBy).toEqual([39]);
    // none, a dash: no relation, and no warning about one
    expect(adr(40).supersededBy).toEqual([]);
    expect(adr(40).amendedBy).toEqual([]);
    expect(warnings.map((warning) => warning.code)).toEqual(['DG_ADR_SUPERSEDED_STATUS']);
    expect(warnings[0]!.message).toContain('ADR 22 is superseded by ADR 39');
  });

  it('"- Supersedes [x](x.md)" in a "## Links" section (log4brains, MADR 2) is a relation too; the section stays as written', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const old = '20200926-use-the-adr-number-as-its-unique-id';
    await writeFile(join(copy, `${old}.md`), '# Use the ADR number as its unique ID\n\n- Status: accepted\n');
    const links = `## Links\n\n- Supersedes [${old}](${old}.md)\n- Relates to [ADR 3](0003-x.md)\n`;
    await writeFile(
      join(copy, '20201016-use-the-adr-slug-as-its-unique-id.md'),
      `# Use the ADR slug as its unique ID\n\n- Status: accepted\n\n## Decision\n\nSlugs.\n\n${links}`,
    );
    const warnings: Diagnostic[] = [];
    const [first, second] = extractAdrs(copy, { report: (warning) => warnings.push(warning) }).records;
    expect(second!.supersedes).toEqual([first!.number]);
    expect(first!.supersededBy).toEqual([second!.number]);
    expect(second!.body).toContain(links.trim());
    // the older one still says accepted: said, as for any relation, at its status line
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ADR_SUPERSEDED_STATUS', { file: join(copy, `${old}.md`), line: 3 }],
    ]);
  });

  it('a relation to a decision elsewhere (a URL) is a warning at its line, not an error that stops the run', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const url = 'https://github.com/acme/platform/blob/main/docs/adr/0005-x.md';
    await writeFile(join(copy, '0001-a.md'), `# A\n\n- Status: superseded by [ADR 5](${url})\n`);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => warnings.push(warning) });
    expect(records[0]!.status).toBe('superseded');
    expect(records[0]!.supersededBy).toEqual([]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      ['DG_ADR_LINK', 3, `ADR 1 relates ${url}, a decision elsewhere: shown as written, not as a relation`],
    ]);
  });

  it('a field that names only decisions leaves the body (the header shows it); one with more to say is shown as written', () => {
    expect(adr(19).body.startsWith('In the context of')).toBe(true);
    // A row of the metadata table: the table leaves the body whole, the row shown in the header as written.
    expect(adr(39).fields).toEqual([{ label: 'Supersedes', value: 'Unresolved portions of ADR-022 and ODI-SCH-007' }]);
    expect(adr(39).body).not.toContain('| Field | Value |');
    expect(adr(39).body).not.toContain('Amends');
    expect(adr(40).body.split('\n').slice(0, 2)).toEqual(['**Superseded by:** none', '**Amended-by:** —']);
  });

  it('a bold field line after the status line is a field of its own, not the status sentence wrapping', () => {
    const text = '# 7. Use Kafka\n\n**Status:** Accepted\n**Deciders:** platform team\nOwner: Ana\n\nWe use Kafka.\n';
    const { record } = parseAdr('/adr/0007-use-kafka.md', text);
    expect(record.statusText).toBe('Accepted');
    expect(record.body.split('\n').slice(0, 2)).toEqual(['**Deciders:** platform team', 'Owner: Ana']);
    // a status sentence that wraps is still one status
    const wrapped = parseAdr('/adr/0008-x.md', '# 8. X\n\nStatus: Superseded by\n[ADR 9](0009-y.md) on review\n');
    expect(wrapped.record.statusText).toBe('Superseded by [ADR 9](0009-y.md) on review');
  });
});

describe('--dir naming the docs folder above the decisions', () => {
  const dir = join(fixtures, 'docs-folder');

  it("a page of the docs folder with a prose Status section is skipped, not a stop, and the warning names the decisions' folder", () => {
    // Before: architecture.md's "## Status" made it a decision without a number, DG_ADR_NUMBER, nothing rendered.
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(dir, {
      report: (warning) => warnings.push(warning),
      origin: { name: '--dir', flag: '--dir' },
    });
    expect(model.records).toEqual([]);
    expect(
      model.categories?.map((category) => [category.name, category.records.map((record) => record.number)]),
    ).toEqual([['decisions', [1, 2]]]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ADR_SKIPPED', { file: join(dir, 'architecture.md'), line: 1 }],
      ['DG_ADR_SKIPPED', { file: join(dir, 'getting-started.md'), line: 1 }],
    ]);
    const meant = relative(process.cwd(), join(dir, 'decisions'));
    expect(warnings[0]!.message).toContain('no file beside it is named like a decision');
    expect(warnings[0]!.hint).toContain(`did you mean --dir ${meant}?`);
    expect(warnings[0]!.hint).toContain(`pass --dir ${meant}`);
  });

  it('the hint names the config key when the folder was given in the config', () => {
    const warnings: Diagnostic[] = [];
    const config = join(fixtures, 'docgen.config.yaml');
    extractAdrs(dir, {
      report: (warning) => warnings.push(warning),
      origin: { name: 'sources[0].options.dir', location: { file: config, line: 4 } },
    });
    expect(warnings[0]!.hint).toContain('set sources[0].options.dir to docs-folder/decisions');
  });
});

describe('notes beside the decisions, and a metadata section', () => {
  const dir = join(fixtures, 'metadata-section');

  it('a note with no number and no status (overview.md, as mariushart/adr keeps a graph of its log) is skipped with a warning, not a fatal "no ADR number"', () => {
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(model.records.map((record) => record.fileName)).toEqual([
      'adr-001-need-for-adr.md',
      'adr-002-template-structure.md',
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location])).toEqual([
      ['DG_ADR_SKIPPED', { file: join(dir, 'overview.md'), line: 1 }],
    ]);
    expect(warnings[0]!.hint).toContain('name it README.md');
  });

  it('a file with a status but no number is a decision without its number: still an error', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(copy, 'css.md'), '# CSS\n\n- Status: proposed\n- Date: 2020-05-26\n');
    const error = failure(() => extractAdrs(copy));
    expect(error.code).toBe('DG_ADR_NUMBER');
    expect(error.location).toEqual({ file: join(copy, 'css.md'), line: 1 });
  });

  it('status and date lines under "## Metadata" are read; the section goes when nothing else is left in it', () => {
    const { records } = extractAdrs(dir, { report: () => undefined });
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'accepted', '2025-01-20'],
      [2, 'proposed', '2025-01-21'],
    ]);
    expect(records[0]!.body.split('\n').slice(0, 4)).toEqual(['## Metadata', '- ID: ADR-001', '- Type: ADR', '']);
    expect(records[1]!.body.split('\n')[0]).toBe('## Context');
  });
});

describe('status and date in a table under the title', () => {
  it('reads | Status | X | and | Date | Y | rows; the other rows go to the header, and the table leaves the body', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'table-fields'), { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date, record.supersededBy])).toEqual([
      [5, 'accepted', '2026-09-11', []],
      [6, 'superseded', undefined, [7]],
      [7, 'proposed', undefined, []],
    ]);
    // Before: `| Milestone | M5 |` left under `| Field | Value |`, and `| Status | Proposed |` left as
    // the header of a table whose status the page header showed already.
    expect(records.map((record) => [record.fields, record.body.split('\n')[0]])).toEqual([
      [[{ label: 'Milestone', value: 'M5' }], '## Context'],
      [undefined, '## Context'],
      [[{ label: 'Author', value: 'Someone' }], '## Summary'],
    ]);
  });
});

describe('status and date as the columns of a table, one row of values under them', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'table-columns'), { report: (warning) => warnings.push(warning) });

  it('reads | Status | Date | … | columns; other columns stay, a table of more rows is the body', () => {
    // 000-index.md is the folder's index, numbered to sort first: no decision.
    expect(
      records.map((record) => [record.number, record.title, record.status, record.date, record.supersedes]),
    ).toEqual([
      [1, 'Drop the message broker', 'superseded', '2025-01-07', []],
      [2, 'Queue work in PostgreSQL', 'accepted', '2025-02-01', [1]],
      [3, 'Keep a status history', 'unknown', undefined, []],
    ]);
    expect(records[0]!.supersededBy).toEqual([2]);
    expect(records[0]!.body.split('\n').slice(0, 3)).toEqual([
      '| Author(s)                        |',
      '|:---------------------------------|',
      '| [@alice](https://example.com/alice) |',
    ]);
    // Every column went to the header: the table goes; the history table further down stays.
    expect(records[1]!.body.startsWith('## Context')).toBe(true);
    expect(records[1]!.body).toContain('| Proposed | 2025-01-20 |');
    expect(records[2]!.body.startsWith('| Status   | Date       |')).toBe(true);
  });

  it('a numbered file with no title heading is titled from its name, with a warning at its first line', () => {
    const untitled = warnings.filter((warning) => warning.code === 'DG_ADR_TITLE');
    expect(untitled.map((warning) => [warning.message, warning.location])).toEqual([
      [
        '001-drop-the-message-broker.md has no title heading: titled "Drop the message broker" from its file name',
        { file: join(fixtures, 'table-columns', '001-drop-the-message-broker.md'), line: 1 },
      ],
    ]);
    expect(untitled[0]!.hint).toContain('"# Drop the message broker"');
    expect(warnings.filter((warning) => warning.code === 'DG_ADR_STATUS').map((w) => w.location?.file)).toEqual([
      join(fixtures, 'table-columns', '003-keep-a-status-history.md'),
    ]);
  });
});

describe('dates in file names', () => {
  it('"2022-12-05_002-…": the number after the date, the date the record\'s; "2023-01-15-…" a record of that day', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'dated-names'), { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.id, record.title, record.status, record.date, record.supersededBy])).toEqual(
      [
        ['1', 'Record architecture decisions', 'accepted', '2022-12-01', []],
        ['2', 'Versioned serialization', 'superseded', '2022-12-05', [3]],
        ['3', 'One serialization', 'accepted', '2024-04-30', []],
        ['2023-01-15-use-dashed-dates', 'Use dashed dates', 'proposed', '2023-01-15', []],
      ],
    );
    expect(records[3]!.label).toBe('20230115');
  });

  it('a date written with underscores (2024_01_20-use-go.md) dates the decision as a dashed one does', async () => {
    // Before: "ADR 2024", and a second such file stopped the run with DG_ADR_DUPLICATE.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(dir, '2024_01_20-use-go.md'), '# Use Go\n\n- Status: accepted\n');
    await writeFile(join(dir, '2024_02_03-use-grpc.md'), '# Use gRPC between services\n\n- Status: proposed\n');
    await writeFile(join(dir, '2024_03_01_004-use-buf.md'), '# Use Buf for protobuf\n\n- Status: accepted\n');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.label, record.title, record.date])).toEqual([
      ['4', 'Use Buf for protobuf', '2024-03-01'],
      ['20240120', 'Use Go', '2024-01-20'],
      ['20240203', 'Use gRPC between services', '2024-02-03'],
    ]);
  });

  it('a number prefix reads the same at the start of a name, after a date, and for a subfolder to be a category', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const decision = (title: string) => `# ${title}\n\n- Status: accepted\n`;
    await writeFile(join(dir, 'ADR_007-first.md'), decision('First'));
    await writeFile(join(dir, '2022-12-05_ADR-012-dated.md'), decision('Dated'));
    await mkdir(join(dir, 'ops'));
    await writeFile(join(dir, 'ops', 'adr-0003-ops.md'), decision('Ops'));
    const model = extractAdrs(dir);
    expect(model.records.map((record) => [record.number, record.title, record.date])).toEqual([
      [7, 'First', undefined],
      [12, 'Dated', '2022-12-05'],
    ]);
    expect(model.categories?.map((category) => [category.name, category.records[0]!.number])).toEqual([['ops', 3]]);
  });
  it('a file named by its date alone is named like a decision for its folder as 0001-… is: beside a docs page, and for a category', async () => {
    // log4brains' `20240301-…` and dashed `2024-04-02-…` in docs/decisions, Azure's `ADR-2022-11-…`
    // in a category of its own: each folder holds decisions, so the docs page above is skipped and
    // the category is read, as a MADR folder of `0001-…` files is.
    const docs = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const madr = (title: string, date: string) =>
      `---\nstatus: accepted\ndate: ${date}\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
    await writeFile(join(docs, 'architecture.md'), '# Architecture\n\n## Status\n\nThe system as it runs today.\n');
    await mkdir(join(docs, 'decisions', 'operator'), { recursive: true });
    await writeFile(join(docs, 'decisions', '20240301-use-postgres.md'), madr('Use Postgres', '2024-03-01'));
    await writeFile(join(docs, 'decisions', '2024-04-02-use-kafka.md'), madr('Use Kafka', '2024-04-02'));
    await writeFile(
      join(docs, 'decisions', 'operator', 'ADR-2022-11-Resource-Import.md'),
      madr('Resource import', '2022-11-14'),
    );
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(docs, {
      report: (warning) => warnings.push(warning),
      origin: { name: '--dir', flag: '--dir' },
    });
    expect(warnings.map((warning) => [warning.code, warning.location?.file])).toEqual([
      ['DG_ADR_SKIPPED', join(docs, 'architecture.md')],
    ]);
    expect(warnings[0]!.hint).toContain(`did you mean --dir ${relative(process.cwd(), join(docs, 'decisions'))}?`);
    expect(
      model.categories?.map((category) => [category.name, category.records.map((record) => record.title)]),
    ).toEqual([
      ['decisions', ['Use Postgres', 'Use Kafka']],
      ['decisions/operator', ['Resource import']],
    ]);
    // Given the decisions' folder itself, the dated subfolder is its category.
    const decisions = extractAdrs(join(docs, 'decisions'));
    expect(decisions.categories?.map((category) => [category.name, category.records[0]!.label])).toEqual([
      ['operator', '202211'],
    ]);
  });
});

describe('adr-tools dates written with slashes', () => {
  async function folder(dates: string[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    for (const [index, date] of dates.entries()) {
      const number = index + 1;
      await writeFile(
        join(dir, `000${number}-decision-${number}.md`),
        `# ${number}. Decision ${number}\n\nDate: ${date}\n\n## Status\n\nAccepted\n`,
      );
    }
    return dir;
  }

  it('read one way only (a day above 12): shown as ISO dates', async () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(await folder(['25/02/2016', '03/04/2016', '2016-05-01']), {
      report: (warning) => warnings.push(warning),
    });
    expect(records.map((record) => record.date)).toEqual(['2016-02-25', '2016-04-03', '2016-05-01']);
    expect(warnings).toEqual([]);
  });

  it('month first when a second number is above 12', async () => {
    const { records } = extractAdrs(await folder(['02/25/2016', '03/04/2016']));
    expect(records.map((record) => record.date)).toEqual(['2016-02-25', '2016-03-04']);
  });

  it('with dashes too, the year four digits (simnova/ownercommunity 0008-white-label.md: "date: 04-23-2024")', async () => {
    const { records } = extractAdrs(await folder(['04-23-2024', '05-02-2024', '2024-05-03']));
    expect(records.map((record) => record.date)).toEqual(['2024-04-23', '2024-05-02', '2024-05-03']);
    // front matter's date as the file writes it
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(dir, '0008-white-label.md'), '---\nstatus: accepted\ndate: 04-23-2024\n---\n# White label\n');
    expect(extractAdrs(dir).records[0]!.date).toBe('2024-04-23');
  });

  it('read either way: shown as written, with one warning for the folder', async () => {
    const dir = await folder(['12/02/2016', '03/04/2016', '2016-05-01']);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => record.date)).toEqual(['12/02/2016', '03/04/2016', '2016-05-01']);
    expect(warnings).toEqual([
      {
        code: 'DG_ADR_DATE',
        severity: 'warning',
        message:
          'the dates of 2 ADRs in this folder (12/02/2016, 03/04/2016) read as day/month and as month/day alike: shown as written',
        location: { file: join(dir, '0001-decision-1.md'), line: 3 },
        hint: 'write them as ISO 8601 dates (year-month-day), which read one way: 12/02/2016 is 2016-02-12 or 2016-12-02',
      },
    ]);
  });
});

describe('dates with two-digit years, and dotted', () => {
  async function folder(dates: string[], status = 'Accepted'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    for (const [index, date] of dates.entries()) {
      const number = index + 1;
      await writeFile(
        join(dir, `000${number}-decision-${number}.md`),
        `# ${number}. Decision ${number}\n\nDate: ${date}\n\n## Status\n\n${status}\n`,
      );
    }
    return dir;
  }

  it('year first (2016.02.12, 2016/02/12) reads one way: an ISO date', async () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(await folder(['2016.02.12', '2016/3/4']), {
      report: (warning) => warnings.push(warning),
    });
    expect(records.map((record) => record.date)).toEqual(['2016-02-12', '2016-03-04']);
    expect(warnings).toEqual([]);
  });

  it('a year-first date that is no day of the calendar (2024-13-45, a swapped 2024-31-01) is warned of at its line', async () => {
    const dir = await folder(['2024-13-45', '2024-31-01', '2016.02.30', '2024-02-29']);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => record.date)).toEqual(['2024-13-45', '2024-31-01', '2016.02.30', '2024-02-29']);
    expect(warnings).toEqual([
      {
        code: 'DG_ADR_DATE',
        severity: 'warning',
        message: "0001-decision-1.md's date 2024-13-45 is no day of the calendar: shown as written",
        location: { file: join(dir, '0001-decision-1.md'), line: 3 },
        hint: 'write the day it was decided as an ISO 8601 date, year-month-day (month 01 to 12)',
      },
      {
        code: 'DG_ADR_DATE',
        severity: 'warning',
        message: "0002-decision-2.md's date 2024-31-01 is no day of the calendar: shown as written",
        location: { file: join(dir, '0002-decision-2.md'), line: 3 },
        hint: 'write the day it was decided as an ISO 8601 date, year-month-day (month 01 to 12): did you mean 2024-01-31?',
      },
      {
        code: 'DG_ADR_DATE',
        severity: 'warning',
        message: "0003-decision-3.md's date 2016.02.30 is no day of the calendar: shown as written",
        location: { file: join(dir, '0003-decision-3.md'), line: 3 },
        hint: 'write the day it was decided as an ISO 8601 date, year-month-day (month 01 to 12)',
      },
    ]);
  });

  it('dotted and two-digit years read one way when a day above 12 says which', async () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(await folder(['25.02.2016', '03.04.16', '12/02/16']), {
      report: (warning) => warnings.push(warning),
    });
    expect(records.map((record) => record.date)).toEqual(['2016-02-25', '2016-04-03', '2016-02-12']);
    expect(warnings).toEqual([]);
  });

  it('read either way: shown as written, with one warning for the folder, as 12/02/2016 is', async () => {
    const dir = await folder(['12.02.2016', '12/02/16', '2016.05.01']);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => record.date)).toEqual(['12.02.2016', '12/02/16', '2016-05-01']);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_DATE',
        message:
          'the dates of 2 ADRs in this folder (12.02.2016, 12/02/16) read as day/month and as month/day alike: shown as written',
        location: { file: join(dir, '0001-decision-1.md'), line: 3 },
        hint: 'write them as ISO 8601 dates (year-month-day), which read one way: 12.02.2016 is 2016-02-12 or 2016-12-02',
      }),
    ]);
  });

  it('a date that reads either way is read day first in a file written in a language that writes it so', async () => {
    // As a German ADR log writes them ("## Status" then "Akzeptiert am 07.08.2026.", "## Kontext"):
    // 07.08.2026 and 08.08.2026 alone read either way; the German says 7 August.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const german = (title: string, date: string) =>
      `# ${title}\n\n## Status\n\nAkzeptiert am ${date}.\n\n## Kontext\n\nBelege müssen lokal bleiben.\n`;
    await writeFile(join(dir, '0022-anhaenge.md'), german('ADR 0022: Hashadressierte Anhänge', '07.08.2026'));
    await writeFile(join(dir, '0055-umbuchungen.md'), german('ADR 0055: Umbuchungen als Paar', '08.08.2026'));
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => record.date)).toEqual(['2026-08-07', '2026-08-08']);
    expect(warnings).toEqual([]);
    // In English the same date stays undecided: warned at its file and line, with the ISO way to write it.
    const english = await folder(['07.08.2026']);
    const told: Diagnostic[] = [];
    expect(extractAdrs(english, { report: (warning) => told.push(warning) }).records[0]!.date).toBe('07.08.2026');
    expect(told).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_DATE',
        location: { file: join(english, '0001-decision-1.md'), line: 3 },
        hint: 'write them as ISO 8601 dates (year-month-day), which read one way: 07.08.2026 is 2026-08-07 or 2026-07-08',
      }),
    ]);
  });

  it('each date with a value above 12 reads one way, even where the folder writes both orders', async () => {
    const dir = await folder(['25.02.2016', '02/25/2016', '03.04.2016']);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((record) => record.date)).toEqual(['2016-02-25', '2016-02-25', '03.04.2016']);
    // Only the date nothing decides is warned of, at its own line.
    expect(warnings).toEqual([
      {
        code: 'DG_ADR_DATE',
        severity: 'warning',
        message:
          "the date of 1 ADR in this folder (03.04.2016) reads as day/month and as month/day alike, and the folder's other dates are written both ways: shown as written",
        location: { file: join(dir, '0003-decision-3.md'), line: 3 },
        hint: 'write them as ISO 8601 dates (year-month-day), which read one way: 03.04.2016 is 2016-04-03 or 2016-03-04',
      },
    ]);
  });

  it('a year-first dotted date in a status line is not an ADR number', async () => {
    const dir = await folder(['2016-02-12', '2016-03-01'], 'Superseded by ADR 2, 2016.03.01');
    const { records } = extractAdrs(dir, { report: () => undefined });
    expect(records[0]!.supersededBy).toEqual([2]);
  });
});

describe('status and date on one line', () => {
  it('reads "**Status:** X | **Date:** Y" and its quoted form; fields it does not show stay in the body', () => {
    const dir = join(fixtures, 'inline-fields');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date, record.supersededBy])).toEqual([
      [2, 'accepted', '2025-05', []],
      [30, 'superseded', '2026-07-02', [31]],
      [31, 'accepted', undefined, []],
      [40, 'accepted', '2026-07-17', []],
      [41, 'accepted', '2026-10-04', []],
    ]);
    expect(records[0]!.body.startsWith('## Context')).toBe(true);
    expect(records[1]!.body.split('\n')[0]).toBe('> **Decider:** Principal Architect');
    expect(records[1]!.bodyLines[0]).toBe(3);
    expect(records[2]!.body.startsWith('## Context')).toBe(true);
  });

  it('reads fields parted by a middle dot, or by nothing but a bold key; the deciders stay in the body', () => {
    const { records } = extractAdrs(join(fixtures, 'inline-fields'), { report: () => undefined });
    const [, , , runOn, dotted] = records;
    // Before, the deciders were dropped with the status line, and the date after "·" was lost.
    expect(runOn!.body.split('\n')[0]).toBe('**Deciders:** platform guild');
    expect(runOn!.bodyLines[0]).toBe(3);
    expect(dotted!.amendedBy).toEqual([30, 31]);
    expect(dotted!.body.startsWith('## Context')).toBe(true);
  });
});

describe('a status line that says more than its status', () => {
  it('reads the relations said of a part ("the daily quota is amended by …"), and stays in the body', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'status-prose'), { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(
      records.map((record) => [record.number, record.status, record.amendedBy, record.amends, record.supersededBy]),
    ).toEqual([
      // Before: "Accepted", no relation at all, and the line gone from the page.
      [31, 'accepted', [36, 43], [], []], // a flag "is superseded by" 43: a part, so an amendment
      [36, 'accepted', [], [31], []],
      [43, 'accepted', [], [31], []],
      [44, 'superseded', [], [], [45]], // "this ADR is superseded by": the whole decision
      [45, 'accepted', [], [], []],
    ]);
    const [graded, , , browser] = records;
    expect(graded!.body.split('\n')[0]).toMatch(/^Status: Accepted \(the daily quota is amended by/);
    expect(graded!.bodyLines[0]).toBe(3);
    // A status line that says no more than its status and its relations leaves the body for the header.
    expect(browser!.body.startsWith('## Context')).toBe(true);
  });
});

describe('status and date lines as templates leave them', () => {
  it('reads a date alone under the title, without a format hint, a line break or an emoji beside it', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'header-lines'), { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    // Before: no date, "2021-01-06 (yyyy-mm-dd)", "2024-02-03<br />", and no date with status
    // "Status: Accepted ✅; Rollout: Done ✅" (unknown).
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'accepted', '2021-04-12'],
      [2, 'accepted', '2021-01-06'],
      [3, 'accepted', '2024-02-03'],
      [4, 'accepted', '2024-05-06'],
    ]);
    const [alone, , breaks, emoji] = records;
    expect(alone!.body.startsWith('## Status')).toBe(true);
    expect(breaks!.body.split('\n').slice(0, 2)).toEqual(['**Author**: Sam Lee<br />', '**Post-history**: 2024-02-10']);
    // The status section stays as written, its other field with it.
    expect(emoji!.body).toContain('Rollout: Done ✅');
  });
});

describe("a metadata line still holding the template's {UPPER_CASE} placeholder (the adrs CLI's `* Updated Date: {UPDATE_DATE}`)", () => {
  it('is warned about at its line, and kept as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0003-use-kafka.md'),
      [
        '# 3. Use Kafka',
        '',
        '* Status: accepted',
        '* Deciders: Ana',
        '* Date: 2026-11-29',
        '* Updated Date: {UPDATE_DATE}',
        '* **Reviewers:** {REVIEWERS} <!-- optional -->',
        '* Config: `{DATABASE_URL}` <!-- {NOT_SHOWN} -->',
        '',
        '## Context and Problem Statement',
        '',
        'Orders need an event log; `{NOT_A_FIELD}` in prose is left alone.',
        '',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: no warning; the lines stayed in the page as written.
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message, warning.hint])).toEqual([
      [
        'DG_ADR_PLACEHOLDER',
        6,
        `0003-use-kafka.md's "Updated Date" is still its template's placeholder "{UPDATE_DATE}"`,
        'fill it in, or remove the line',
      ],
      [
        'DG_ADR_PLACEHOLDER',
        7,
        `0003-use-kafka.md's "Reviewers" is still its template's placeholder "{REVIEWERS}"`,
        'fill it in, or remove the line',
      ],
    ]);
    expect(records[0]!.body).toContain('* Updated Date: {UPDATE_DATE}');
  });
});

describe('a metadata line whose value holds an {UPPER_CASE} token among its words', () => {
  it('is no placeholder: only a value that is the placeholder alone is warned about', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0004-address-resources-by-path.md'),
      [
        '# 4. Address resources by path',
        '',
        '* Status: accepted',
        '* Date: 2026-11-29',
        'Decision: resources are addressed as /users/{USER_ID}/orders/{ORDER_ID}, never by query string.',
        '',
        '## Context and Problem Statement',
        '',
        'Clients build URLs by hand.',
        '',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: DG_ADR_PLACEHOLDER, "Decision" still its template's placeholder "{USER_ID}".
    expect(warnings).toEqual([]);
  });
});

describe("a date still the template's placeholder", () => {
  it('is no date: the file name dates the decision, and a warning at its line says what to write', () => {
    const dir = join(fixtures, 'date-placeholder');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    // Before: "{DATE_YESTERDAY}" and "YYYY-MM-DD" were shown as the dates, in the log and the header.
    expect(records.map((record) => [record.label, record.date])).toEqual([
      ['20211012', '2021-10-12'],
      ['20211013', '2021-10-13'],
    ]);
    const placeholders = [
      { name: '20211012-write-decisions-down.md', line: 4, written: '{DATE_YESTERDAY}', date: '2021-10-12' },
      { name: '20211013-publish-the-log.md', line: 3, written: 'YYYY-MM-DD', date: '2021-10-13' },
    ];
    expect(warnings.map((warning) => [warning.code, warning.location, warning.message, warning.hint])).toEqual(
      placeholders.map(({ name, line, written, date }) => [
        'DG_ADR_PLACEHOLDER',
        { file: join(dir, name), line },
        `${name}'s date "${written}" is its template's placeholder: dated ${date} by its file name`,
        `write the day it was decided, as an ISO 8601 date: "Date: ${date}"`,
      ]),
    );
  });
});

describe('statuses in more languages', () => {
  it('reads Russian, Ukrainian, Polish, Norwegian and Turkish statuses and status headings', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'more-languages'), { report: (warning) => warnings.push(warning) });
    // Before: "no status" for ## Статус and ## Durum, and unknown statuses, each with a warning.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.statusWord])).toEqual([
      [1, 'accepted', 'Принято'],
      [2, 'rejected', 'Відхилено'],
      [3, 'accepted', 'Zaakceptowane'],
      [4, 'proposed', 'Foreslått'],
      [5, 'accepted', 'Kabul'],
      [6, 'superseded', 'Заменено'],
    ]);
  });
});

describe('status and date keys in other languages', () => {
  it('reads Statut :, Estado:, Статус:, Situação: and Datum:, Fecha:, Дата:, Data: lines', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'translated-keys'), { report: (warning) => warnings.push(warning) });
    // Before: "no status" (a warning each) for all but the German one, and no dates but the French one.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'accepted', '2024-03-01'],
      [2, 'accepted', '2024-03-02'],
      [3, 'accepted', '2024-03-03'],
      [4, 'accepted', '2024-03-04'],
      [5, 'accepted', '2024-03-05'],
      [6, 'proposed', undefined], // "Data: guardados no S3" names no date: it stays in the body
    ]);
    expect(records[4]!.body.startsWith('## Contexto')).toBe(true);
    expect(records[5]!.body.split('\n')[0]).toBe('- Data: guardados no S3');
  });
});

describe("a status still the template's list of choices", () => {
  it("is unknown, with a warning to keep the one that holds; the template's comments and placeholders are not shown", () => {
    const dir = join(fixtures, 'unfilled-template');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    // Before: ADR 1 was "Proposed" (the first choice) with no warning, ADR 2 an unknown status
    // "proposed rejected accepted", its "Decision makers" the placeholder, and ADR 1 dated
    // "2024-05-02 <!-- optional -->".
    expect(
      records.map((record) => [record.number, record.status, record.statusText, record.date, record.fields]),
    ).toEqual([
      [1, 'unknown', '', '2024-05-02', undefined],
      [2, 'unknown', '', '2024-05-03', [{ label: 'Consulted', value: 'Ana' }]],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.hint])).toEqual([
      ['DG_ADR_PLACEHOLDER', 3, 'keep the one that holds: "Status: accepted" (or proposed, rejected…)'],
      ['DG_ADR_PLACEHOLDER', 2, 'keep the one that holds: "status: accepted" (or proposed, rejected…)'],
    ]);
    expect(warnings[0]!.message).toBe(
      'ADR 1 (0001-stream-events.md)\'s status is still its template\'s list of choices "[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]": shown as unknown',
    );
  });

  it("a status chosen above the choices, kept in a comment on the next line (the adrs CLI's MADR template), holds", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0002-use-kafka.md'),
      [
        '# 2. Use Kafka',
        '',
        '* Status: proposed',
        '<!-- [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)] -->',
        '<!-- optional -->',
        '* Deciders: Ana <!-- optional -->',
        '* Date: 2026-11-29  <!-- [YYYY-MM-DD when the decision was initiated] optional -->',
        '',
        '## Context and Problem Statement',
        '',
        'Orders need an event log.',
        '',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: unknown, with warning DG_ADR_PLACEHOLDER "still its template's list of choices "proposed"".
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [2, 'proposed', '2026-11-29'],
    ]);
  });
});

describe('a status struck through, fields in a callout', () => {
  it('reads the status after the struck one, and drops a callout that held only the header fields', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(join(fixtures, 'struck-and-callout'), {
      report: (warning) => warnings.push(warning),
    });
    // Before: unknown status "~~Accepted~~ Superseded by …" (a warning), and an empty "> [!NOTE]" atop ADR 2.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date, record.supersededBy])).toEqual([
      [1, 'superseded', undefined, [2]],
      [2, 'accepted', '2024-03-02', []],
    ]);
    expect(records[1]!.body.startsWith('## Context')).toBe(true);
  });
});

describe('front matter dates written as timestamps', () => {
  it('are shown as their day, as written (no shift to another time zone)', () => {
    const { records } = extractAdrs(join(fixtures, 'timestamps'));
    // Before: "2026-06-10T01:30:00+03:00" in the log's Date column, and the created and updated
    // fields as timestamps in the header.
    expect(records.map((record) => [record.date, record.fields])).toEqual([
      ['2026-06-10', undefined],
      ['2026-06-11', undefined],
      [
        '2026-06-12',
        [
          { label: 'Created', value: '2026-06-01' },
          { label: 'Updated', value: '2026-07-01' },
        ],
      ],
    ]);
  });
});

describe('decisions numbered within a series (ADR-STORAGE-0007-…)', () => {
  it('are numbered by the number after the series and shown with the series', () => {
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(join(fixtures, 'series'), { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    const tree = renderAdrs(model, templates);
    // Before: error DG_ADR_NUMBER "has no ADR number", and nothing was written.
    expect(tree.pages.map((page) => [page.key, page.title])).toEqual([
      ['adr', 'Architecture decision records'],
      ['adr/identity', 'Architecture decision records: identity'],
      ['adr/identity/7', 'ADR-IDENTITY-0007 (identity): Pseudonymous identities'],
      ['adr/identity/8', 'ADR-IDENTITY-0008 (identity): Selective disclosure'],
      ['adr/storage', 'Architecture decision records: storage'],
      ['adr/storage/7', 'ADR-STORAGE-0007 (storage): Metadata first'],
    ]);
    expect(tree.pages[1]!.markdown).toContain('| IDENTITY-0007 | [Pseudonymous identities](./adr__identity__7.md) |');
    expect(tree.pages[2]!.markdown).toContain('See [ADR-STORAGE-0007](./adr__storage__7.md).');
  });

  it('a series is upper case in a heading and its number padded: "# ADR for 3 services" is a title', () => {
    const title = (name: string, heading: string) =>
      parseAdr(`/adr/${name}`, `# ${heading}\n\n## Status\n\nAccepted\n`).record;
    expect(title('0005-three-services.md', 'ADR for 3 services')).toMatchObject({
      number: 5,
      title: 'ADR for 3 services',
    });
    expect(title('0009-use-react.md', 'ADR-FE-009: Use React')).toMatchObject({ number: 9, title: 'Use React' });
    expect(failure(() => title('adr-use-2-queues.md', 'Use two queues')).code).toBe('DG_ADR_NUMBER');
  });

  it('two series in one folder that share a number: the error says to keep each series in a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(join(fixtures, 'series', 'storage'), dir, { recursive: true });
    await cp(join(fixtures, 'series', 'identity'), dir, { recursive: true });
    const error = failure(() => extractAdrs(dir));
    expect([error.code, error.location, error.message, error.hint]).toEqual([
      'DG_ADR_DUPLICATE',
      { file: join(dir, 'ADR-STORAGE-0007-metadata-first.md'), line: 1 },
      "ADR-STORAGE-0007-metadata-first.md and ADR-IDENTITY-0007-pseudonyms.md are both ADR 7: their series (IDENTITY, STORAGE) are numbered apart, and one folder's decisions are one series",
      'keep each series in a folder of its own (identity/, storage/): each is then a log of its own, with its own numbers',
    ]);
  });
});

describe('a title heading with inline Markdown', () => {
  it('is titled in plain text: code marks, emphasis and link syntax would show as written in a Confluence title', () => {
    const tree = renderAdrs(extractAdrs(join(fixtures, 'title-markup')), templates);
    // Before: "ADR-0001: Render summaries in a `WebView`", backticks and all, in the page tree and the log.
    expect(tree.pages.map((page) => page.title)).toEqual([
      'Architecture decision records',
      'ADR-0001: Render summaries in a WebView',
      'ADR-0002: Reuse the chat view, built on Compose, for __summary__ text',
    ]);
    expect(tree.pages[0]!.markdown).toContain('| 1 | [Render summaries in a WebView](./adr__1.md) |');
    expect(tree.pages[1]!.markdown).toContain(
      'Superseded by [ADR-0002: Reuse the chat view, built on Compose, for \\_\\_summary\\_\\_ text](./adr__2.md).',
    );
  });
});

describe('log4brains: records named by date, identified by their file name', () => {
  const dir = join(fixtures, 'log4brains');

  it('two records of one day are two decisions, each with its own page; the date comes from the name too', () => {
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.id, record.label, record.title, record.status, record.date])).toEqual([
      ['20200925-use-a-monorepo', '20200925', 'Use a monorepo', 'accepted', '2020-09-25'],
      ['20200925-use-prettier', '20200925', 'Use Prettier', 'superseded', '2020-09-25'],
      ['20201016-use-biome', '20201016', 'Use Biome', 'accepted', '2020-10-16'],
    ]);
    // Numbers stay unique (date and place in the day), so relations are between the right two.
    const [, prettier, biome] = records;
    expect(prettier!.supersededBy).toEqual([biome!.number]);
    expect(biome!.supersedes).toEqual([prettier!.number]);
  });

  it('a record named by its date alone ("superseded by 20201016") is found when that day has one', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(dir, copy, { recursive: true });
    const file = join(copy, '20200925-use-prettier.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\[20201016-use-biome\]\([^)]*\)/, '20201016'));
    const { records } = extractAdrs(copy);
    expect(records[1]!.supersededBy).toEqual([records[2]!.number]);
  });

  it('pages are keyed by the file name, titled and listed with the date', () => {
    const tree = renderAdrs(extractAdrs(dir), templates);
    validatePageTree(tree);
    expect(tree.pages.map((page) => [page.key, page.title])).toEqual([
      ['adr', 'Architecture decision records'],
      ['adr/20200925-use-a-monorepo', 'ADR-20200925: Use a monorepo'],
      ['adr/20200925-use-prettier', 'ADR-20200925: Use Prettier'],
      ['adr/20201016-use-biome', 'ADR-20201016: Use Biome'],
    ]);
    const log = tree.pages[0]!.markdown;
    expect(log).toContain(
      '| 20200925 | [Use Prettier](./adr__20200925-use-prettier.md) | :status[Superseded]{colour=Grey} | 2020-09-25 | [ADR-20201016](./adr__20201016-use-biome.md) |',
    );
    expect(tree.pages[3]!.markdown).toContain('[the monorepo](./adr__20200925-use-a-monorepo.md)');
  });
});

describe('bad input', () => {
  it("a decision still titled with the MADR template's placeholder (simnova/ownercommunity 0008-white-label.md) is a warning at its title", () => {
    const warnings: Diagnostic[] = [];
    const text = '---\nstatus: accepted\n---\n\n# short title of solved problem and solution\n\n## Context\n';
    parseAdr('/adr/0008-white-label.md', text, (d) => warnings.push(d));
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'DG_ADR_PLACEHOLDER',
        severity: 'warning',
        message:
          '0008-white-label.md is titled with the ADR template\'s placeholder "short title of solved problem and solution"',
        location: { file: '/adr/0008-white-label.md', line: 5 },
      }),
    ]);
    // MADR 4's and 2's spellings of it
    for (const title of [
      '{short title, representative of solved problem and found solution}',
      '[short title of solved problem and solution]',
      // other templates' (island-is/handbook 0007-api-catalog-webframework.md, Altinn's, log4brains')
      'ADR Template',
      'ADR-XXXX: <short title of the decision>',
      'Title',
    ]) {
      const more: Diagnostic[] = [];
      parseAdr('/adr/0009-x.md', `# ${title}\n\n- Status: accepted\n`, (d) => more.push(d));
      expect(more.map((d) => d.code)).toEqual(['DG_ADR_PLACEHOLDER']);
    }
    // a decision about templates is none
    for (const title of ['Use a template engine', 'Template structure', 'Titles of pages']) {
      const none: Diagnostic[] = [];
      parseAdr('/adr/0010-x.md', `# ${title}\n\n- Status: accepted\n`, (d) => none.push(d));
      expect(none).toEqual([]);
    }
  });

  it('a file that opens with a section (# Context and Problem Statement, as s3gw-tech/s3gw 0007-release-process.md) is titled from its file name, the section kept, with a warning', () => {
    const warnings: Diagnostic[] = [];
    const text =
      '# Context and Problem Statement\n\nReleasing is an essential process.\n\n## Definitions\n\n- Version\n';
    const { record } = parseAdr('/adr/0007-release-process.md', text, (warning) => warnings.push(warning));
    expect(record.title).toBe('Release process');
    expect(record.number).toBe(7);
    expect(record.body.split('\n').slice(0, 3)).toEqual([
      '# Context and Problem Statement',
      '',
      'Releasing is an essential process.',
    ]);
    expect(record.bodyLines[0]).toBe(1);
    const titleWarnings = warnings.filter((warning) => warning.code === 'DG_ADR_TITLE');
    expect(
      titleWarnings.map((warning) => [warning.code, warning.severity, warning.location?.line, warning.hint]),
    ).toEqual([
      [
        'DG_ADR_TITLE',
        'warning',
        1,
        'write the decision\'s title as the first heading, above its sections: "# Release process"',
      ],
    ]);
    // a title in front matter is the title then
    const titled = parseAdr('/adr/0008-x.md', '---\ntitle: Use Helm\nstatus: accepted\n---\n# Context\n\nWe deploy.\n');
    expect(titled.record.title).toBe('Use Helm');
    expect(titled.record.body.startsWith('# Context\n')).toBe(true);
  });

  it('an unnumbered file without a title: file, line and a hint', () => {
    const error = failure(() => extractAdrs(join(fixtures, 'bad-no-title')));
    expect(error.code).toBe('DG_ADR_TITLE');
    expect(error.location).toEqual({ file: join(fixtures, 'bad-no-title', 'untitled.md'), line: 1 });
    expect(error.hint).toContain('# 5. Use PostgreSQL');
  });

  it('two files with the same number', () => {
    const error = failure(() => extractAdrs(join(fixtures, 'bad-duplicate')));
    expect(error.code).toBe('DG_ADR_DUPLICATE');
    // Files are read in name order; the later one is the one to renumber.
    expect(error.message).toBe('001-also-first.md and 0001-first.md are both ADR 1');
    expect(error.location).toEqual({ file: join(fixtures, 'bad-duplicate', '001-also-first.md'), line: 1 });
    expect(error.hint).toContain('next free number (2)');
  });

  it('a superseded-by link to a file that does not exist', () => {
    const error = failure(() => extractAdrs(join(fixtures, 'bad-missing-link')));
    expect(error.code).toBe('DG_ADR_LINK');
    expect(error.message).toBe('ADR 1 says it is superseded by 0005-gone.md, which is not an ADR in this folder');
    expect(error.location).toEqual({ file: join(fixtures, 'bad-missing-link', '0001-first.md'), line: 7 });
    expect(formatDiagnostic(error)).toContain('> 7 | Superseded by [5. Gone](0005-gone.md)');
    expect(error.hint).toContain('0001-first.md');
  });

  it('a file with no number in its name or heading', () => {
    const error = failure(() => extractAdrs(join(fixtures, 'bad-no-number')));
    expect(error.code).toBe('DG_ADR_NUMBER');
    expect(error.location).toEqual({ file: join(fixtures, 'bad-no-number', 'decide-things.md'), line: 1 });
    expect(error.hint).toBe(
      'name the file with its number first (e.g. 0005-decide-things.md) or number the heading ("# 5. Decide things")',
    );
  });

  it('front matter that is never closed', () => {
    const error = failure(() => extractAdrs(join(fixtures, 'bad-front-matter')));
    expect(error.code).toBe('DG_ADR_FRONT_MATTER');
    expect(error.location).toEqual({ file: join(fixtures, 'bad-front-matter', '0001-open.md'), line: 1 });
  });

  it('a title with ": " unquoted in front matter (title: ADR 5: Use Kafka) is an error at its line that shows it quoted', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(copy, '0005-use-kafka.md'),
      '---\ntitle: ADR 5: Use "Kafka"\nstatus: accepted\n---\n# 5. Use Kafka\n',
    );
    const error = failure(() => extractAdrs(copy));
    expect(error.code).toBe('DG_ADR_FRONT_MATTER');
    expect(error.location).toMatchObject({ file: join(copy, '0005-use-kafka.md'), line: 2 });
    expect(error.hint).toBe('quote the value, as its ": " reads as a second key: title: "ADR 5: Use \\"Kafka\\""');
    await writeFile(join(copy, '0005-use-kafka.md'), '---\nstatus: accepted\nstatus: proposed\n---\n# 5. Use Kafka\n');
    const twice = failure(() => extractAdrs(copy));
    expect(twice.location).toMatchObject({ line: 3 });
    expect(twice.hint).toBe('a key is written twice here: keep one of them');
  });

  it('a YAML syntax error in front matter quotes the file’s own lines, --- included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const file = join(dir, '0001-use-postgres.md');
    await writeFile(file, '---\nstatus: "accepted\n---\n# 1. Use Postgres\n');
    const error = failure(() => extractAdrs(dir));
    expect(error.code).toBe('DG_ADR_FRONT_MATTER');
    expect(error.location).toEqual({ file, line: 2, column: 18 });
    expect(error.excerpt).toBe(
      ['  1 | ---', '> 2 | status: "accepted', '    |                  ^', '  3 | ---', '  4 | # 1. Use Postgres'].join(
        '\n',
      ),
    );
  });

  it('a folder that does not exist, located at the config', () => {
    const error = failure(() =>
      extractAdrs(join(fixtures, 'nope'), { location: { file: '/repo/docgen.config.yaml', line: 4 } }),
    );
    expect(error.code).toBe('DG_ADR_DIR');
    expect(error.location).toEqual({ file: '/repo/docgen.config.yaml', line: 4 });
  });
});

describe('a decision that says both Accepted and Superseded', () => {
  /** A folder of `files`, read; its records by number and its warnings. */
  async function read(files: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    return { adr: (number: number) => records.find((record) => record.number === number)!, warnings };
  }
  const successor = '# Use CockroachDB\n\n## Status\n\nAccepted\n';

  it('is shown as superseded, by its successor, however it writes the two (no warning: the file says so)', async () => {
    const { adr, warnings } = await read({
      // a `## Status` section of two lines, the second a link without a target
      '0001-a.md': '# A\n\n## Status\n\nAccepted\n\nSuperseded by [ADR-12]\n',
      // one line, two clauses
      '0002-b.md': '# B\n\n## Status\n\nAccepted, superseded by 0012\n',
      // bullets under the title, the relation without a colon
      '0003-c.md': '# C\n\n- Status: Accepted\n- Superseded by [ADR 12](0012-use-cockroachdb.md)\n\n## Context\n\nX.\n',
      // a status line whose next line is the relation
      '0004-d.md': '# D\n\nStatus: Accepted\nSuperseded by [ADR 12](0012-use-cockroachdb.md)\n\n## Context\n\nX.\n',
      // front matter: the status and the successor as two keys
      '0005-e.md': '---\nstatus: accepted\nsuperseded_by: 12\n---\n# E\n',
      // a word of another language, kept on the lozenge
      '0006-f.md': '# F\n\n## Status\n\nAkzeptiert\n\nAbgelöst durch [ADR 12](0012-use-cockroachdb.md)\n',
      '0012-use-cockroachdb.md': successor,
    });
    for (const number of [1, 2, 3, 4, 5, 6]) {
      expect([number, adr(number).status, adr(number).supersededBy]).toEqual([number, 'superseded', [12]]);
    }
    expect(adr(12).supersedes).toEqual([1, 2, 3, 4, 5, 6]);
    expect([adr(1).statusWord, adr(6).statusWord]).toEqual([undefined, 'Abgelöst']);
    // the relation lines leave the body, which the header shows
    expect(adr(3).body).not.toContain('Superseded by');
    expect(adr(4).body).toBe('## Context\n\nX.\n');
    expect(warnings).toEqual([]);
  });

  it('stays rejected or deprecated; one only its successor says it replaces keeps its status, with a warning', async () => {
    const { adr, warnings } = await read({
      '0001-a.md': '# A\n\n## Status\n\nRejected. Superseded by [ADR 12](0012-use-cockroachdb.md)\n',
      '0002-b.md': '# B\n\n## Status\n\nDeprecated\n\nSuperseded by ADR 12\n',
      '0003-c.md': '# C\n\n## Status\n\nAccepted\n',
      '0012-use-cockroachdb.md': `${successor}\nSupersedes [ADR 3](0003-c.md)\n`,
      // a summary's point, not a relation: no decision named as a link or "ADR n"
      '0013-queue.md': '# Queue\n\n- Status: Accepted\n- Replaces 2 cron jobs\n',
    });
    expect([1, 2, 3].map((number) => adr(number).status)).toEqual(['rejected', 'deprecated', 'accepted']);
    expect(adr(13).supersedes).toEqual([]);
    expect(adr(13).body).toBe('- Replaces 2 cron jobs\n');
    expect(warnings.map((warning) => [warning.code, warning.message])).toEqual([
      ['DG_ADR_SUPERSEDED_STATUS', 'ADR 3 is superseded by ADR 12 but its status says "Accepted"'],
    ]);
  });
});

describe('file names with spaces', () => {
  it('are numbered and titled as named with dashes; a link to one in angle brackets relates it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0007 use postgres.md'),
      '## Status\n\nSuperseded by [ADR 12](ADR%2012%20-%20use%20cockroach.md)\n',
    );
    await writeFile(
      join(dir, 'ADR 12 - use cockroach.md'),
      '# Use CockroachDB\n\n## Status\n\nAccepted\n\nSupersedes [ADR 7](<0007 use postgres.md>)\n',
    );
    await writeFile(join(dir, 'ADR 0000 template.md'), '# ADR Template\n');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(records.map((r) => [r.number, r.title, r.status, r.supersededBy, r.supersedes])).toEqual([
      [7, 'Use postgres', 'superseded', [12], []],
      [12, 'Use CockroachDB', 'accepted', [], [7]],
    ]);
    expect(warnings.map((warning) => warning.code)).toEqual(['DG_ADR_TITLE']);
    const page = renderAdrs({ dir, records }, templates).pages.find((p) => p.key === 'adr/12')!;
    expect(page.markdown).toContain('Supersedes [ADR 7](<./adr__7.md>)');
  });
});

describe("Docusaurus' front matter id and slug", () => {
  it('name a decision for the links written with them, in a status line and in a body', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0001-first-decision.md'),
      '---\nid: record-decisions\n---\n# Record decisions\n\n- Status: superseded by [the next](/docs/adr/postgres)\n\nSee [me](./record-decisions).\n',
    );
    await writeFile(
      join(dir, '0002-use-postgres.md'),
      '---\nslug: /adr/postgres\n---\n# Use PostgreSQL\n\n- Status: accepted\n\nAfter [the first](./record-decisions#context), [itself](../adr/postgres/) and [elsewhere](/docs/other/postgres).\n',
    );
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(model.records.map((r) => [r.number, r.status, r.supersededBy, r.site])).toEqual([
      [1, 'superseded', [2], { id: 'record-decisions' }],
      [2, 'accepted', [], { slug: '/adr/postgres' }],
    ]);
    expect(warnings).toEqual([]);
    const page = (key: string) => renderAdrs(model, templates).pages.find((p) => p.key === key)!.markdown;
    expect(page('adr/1')).toContain('See [me](./adr__1.md).');
    // a slug's path under another folder of the site is another page: left as written
    expect(page('adr/2')).toContain(
      'After [the first](./adr__1.md#context), [itself](./adr__2.md) and [elsewhere](/docs/other/postgres).',
    );
  });

  it('a link by id or slug is matched after the file names, and not guessed between two', () => {
    const files = ['/r/adr/0005-use-postgres.md', '/r/adr/0006-x.md', '/r/adr/0007-y.md'];
    const names: Record<string, { id?: string; slug?: string }> = {
      [files[1]!]: { id: 'use-postgres' },
      [files[2]!]: { slug: 'shared' },
    };
    const target = (href: string) => siteLinkTarget(href, [...files, '/r/adr/0008-z.md'], (file) => names[file]);
    // `use-postgres` is 0006's id before it is 0005's name without its number
    expect(target('./use-postgres')).toBe(files[1]);
    expect(target('./0005-use-postgres')).toBe(files[0]);
    expect(target('/docs/adr/shared/')).toBe(files[2]);
    names['/r/adr/0008-z.md'] = { slug: '/adr/shared' };
    expect(target('/docs/adr/shared/')).toBeUndefined();
  });
});

describe('a relation said as a sentence under the title, and a title after a middle dot', () => {
  it('"Supersedes ADR 0001. Revises D1." relates its first sentence\'s decision; "# ADR 0022 · Title" is titled without the dot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const front = (n: number) => `---\nsidebar_position: ${n}\nsidebar_label: ADR 00${n}\n---\n\n`;
    await writeFile(join(dir, '0001-chunks.md'), `${front(1)}# ADR 0001 · Chunks are disposable\n\nText.\n`);
    await writeFile(join(dir, '0002-ids.md'), `${front(2)}# ADR 0002 | Chunk ids\n\nText.\n`);
    await writeFile(
      join(dir, '0022-chunks.md'),
      `${front(22)}# ADR 0022 · Chunks are a retained projection\n\nSupersedes ADR 0001. Revises D1 / D2. Takes 2 weeks.\n\nText.\n`,
    );
    // a link whose text has a stop (adr-tools' `[2. Title](…)`), in a bullet without a colon
    await writeFile(
      join(dir, '0023-more.md'),
      '# 23. More\n\n- Status: accepted\n- Amends [2. Chunk ids](0002-ids.md). And more.\n',
    );
    const { records } = extractAdrs(dir);
    expect(records.map((r) => [r.number, r.title, r.supersededBy, r.supersedes, r.amendedBy])).toEqual([
      [1, 'Chunks are disposable', [22], [], []],
      [2, 'Chunk ids', [], [], [23]],
      [22, 'Chunks are a retained projection', [], [1], []],
      [23, 'More', [], [], []],
    ]);
    // the sentence says more than the relation: it stays in the body
    expect(records[2]!.body).toContain('Supersedes ADR 0001. Revises D1 / D2.');
  });
});

describe('an ADR log run as EIPs are (decentraland/adr): titled in front matter, sections as level-1 headings', () => {
  it('reads its lifecycle statuses, titles each page from front matter without a warning, and links /adr/ADR-n to decision n', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const adr = (n: number, title: string, status: string, body: string) =>
      writeFile(
        join(dir, `ADR-${n}-${title.toLowerCase().replace(/\W+/g, '-')}.md`),
        `---\nadr: ${n}\ndate: 2022-09-02\ntitle: ${title}\nstatus: ${status}\ntype: RFC\n---\n\n${body}`,
      );
    await adr(1, 'ADR process', 'Living', '## What is an ADR?\n\nA record.\n');
    await adr(12, 'Documentation first', 'Final', '## Context and Problem Statement\n\nDocs.\n');
    await adr(
      116,
      'Fast bootstrapping',
      'Review',
      '# Abstract\n\nSee [the process](/adr/ADR-1), [ADR-52](/adr/ADR-52).\n\n# Need\n\nSpeed.\n',
    );
    await adr(200, 'Raycasts', 'Last Call', '# Abstract\n\nRays.\n\n# Specification\n\nMore.\n');
    await adr(201, 'Old idea', 'Withdrawn', '## Abstract\n\nOld.\n');
    await adr(202, 'Stalled', 'Stagnant', 'Nobody worked on it.\n');
    const warnings: Diagnostic[] = [];
    const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    expect(model.records.map((r) => [r.number, r.title, r.status, r.statusWord])).toEqual([
      [1, 'ADR process', 'accepted', 'Living'],
      [12, 'Documentation first', 'accepted', 'Final'],
      [116, 'Fast bootstrapping', 'proposed', 'Review'],
      [200, 'Raycasts', 'proposed', 'Last Call'],
      [201, 'Old idea', 'rejected', 'Withdrawn'],
      [202, 'Stalled', 'proposed', 'Stagnant'],
    ]);
    expect(warnings).toEqual([]);
    // the sections stay in the body
    expect(model.records[2]!.body.startsWith('# Abstract\n')).toBe(true);
    const page = renderAdrs(model, templates).pages.find((p) => p.key === 'adr/116')!.markdown;
    expect(page).toContain('See [the process](./adr__1.md), [ADR-52](/adr/ADR-52).');
    expect(page).toContain(':status[Review]{colour=Blue}');
  });
});

describe('a decision replaced in part only', () => {
  it('stands, amended: "superseded by ADR 10 for secret management", "supersedes ADR 6 (partially …)"; a successor that is no decision leaves the status', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const write = (name: string, text: string) => writeFile(join(dir, name), text);
    await write(
      '0004-stdlib-only.md',
      '# ADR-0004: Python Stdlib Only\n\nDate: 2026-09-07\n\nStatus: accepted (superseded by ADR-0006)\n',
    );
    await write('0006-use-fastapi.md', '# ADR-0006: Use FastAPI\n\nStatus: accepted\n');
    await write(
      '0009-ai-sdk.md',
      '# ADR 0009 — AI SDK\n\nStatus: Accepted (Superseded by ADR 0010 for secret management)\nDate: 2025-12-27\n\nSupersedes: ADR 0006 (partially — LLM SDK choice)\n\n## Summary\n\nX.\n',
    );
    await write('0010-secrets.md', '# ADR 0010 — Secrets\n\nStatus: Accepted\n');
    await write(
      '0011-provisioning.md',
      '# ADR 0011 — Provisioning\n\n## Status: Accepted (Superseded by TF-state model)\n\n## Context\n\nX.\n',
    );
    await write(
      '0012-oracle.md',
      '# 0012 — Differential oracle\n\nStatus: Accepted (superseded by [ADR-0024](0024-retire.md)), 2026-06\n',
    );
    await write('0024-retire.md', '# 0024 — Retire the oracle\n\nStatus: Accepted\n');
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    const adr = (number: number) => records.find((record) => record.number === number)!;
    expect([4, 9, 11, 12].map((n) => [n, adr(n).status, adr(n).supersededBy, adr(n).amendedBy])).toEqual([
      [4, 'superseded', [6], []],
      [9, 'accepted', [], [10]],
      [11, 'accepted', [], []],
      [12, 'superseded', [24], []],
    ]);
    expect([adr(9).amends, adr(6).amendedBy, adr(10).amends]).toEqual([[6], [9], [9]]);
    expect(warnings).toEqual([]);
  });
});

describe('decisions kept each in a folder of its own (straw-hat-team/adr: adrs/<number>/README.md)', () => {
  const dir = join(fixtures, 'decision-folders');
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });

  it("are read from the folder's README, numbered and dated by the folder's name as a file's name does", () => {
    expect(model.records.map((r) => [r.number, r.fileName, r.title, r.status, r.date])).toEqual([
      [1, '0001/README.md', 'Keep a log of decisions', 'accepted', '2020-11-21'],
      [2, '0002/README.md', 'Name decision folders by number', 'superseded', undefined],
      [3, '0003-use-slugs/README.md', 'Name decision folders by number and slug', 'accepted', '2021-02-03'],
    ]);
    // a folder of notes (no number, no status) is no decision, and no category either
    expect(model.categories).toBeUndefined();
  });

  it('a link to a decision\'s folder ("../0003-use-slugs/") or its README relates the two', () => {
    expect(model.records.map((r) => [r.number, r.supersededBy, r.supersedes])).toEqual([
      [1, [], []],
      [2, [3], []],
      [3, [], [2]],
    ]);
  });

  it('a folder named by a slug whose README says a status but no number is skipped with a warning saying how to number it', () => {
    expect(warnings.map((warning) => [warning.code, warning.severity, warning.location])).toEqual([
      ['DG_ADR_NUMBER', 'warning', { file: join(dir, 'use-rest', 'README.md'), line: 1 }],
    ]);
    expect(warnings[0]!.hint).toContain('name the folder with its number first (e.g. 0005-use-rest/)');
  });

  it("a folder without a number is titled from its README's heading; a numbered one without a heading from its name", async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(copy, '0007-drop-kafka'));
    await writeFile(join(copy, '0007-drop-kafka', 'index.md'), '---\nstatus: accepted\n---\n\nWe drop Kafka.\n');
    await mkdir(join(copy, 'adopt-otel'));
    await writeFile(join(copy, 'adopt-otel', 'README.md'), '# ADR-8: Adopt OpenTelemetry\n\n- Status: proposed\n');
    const found: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => found.push(warning) });
    expect(records.map((r) => [r.number, r.title, r.status])).toEqual([
      [7, 'Drop kafka', 'accepted'],
      [8, 'Adopt OpenTelemetry', 'proposed'],
    ]);
    expect(found.map((warning) => warning.code)).toEqual(['DG_ADR_TITLE']);
  });
});

describe("a folder of a decision's material beside its file", () => {
  it('(0001/ by 0001-design-tokens.md, as jaegertracing/jaeger-ui keeps plans and audits) is no second ADR 1', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(copy, '0001-design-tokens.md'), '# 1. Design tokens\n\n## Status\n\nAccepted\n');
    await mkdir(join(copy, '0001'));
    await writeFile(join(copy, '0001', 'README.md'), '# Theming system\n\nSee [ADR-0001](../0001-design-tokens.md).\n');
    const found: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => found.push(warning) });
    expect(records.map((r) => [r.number, r.fileName])).toEqual([[1, '0001-design-tokens.md']]);
    expect(found).toEqual([]);
  });
});

describe('a decision log of ten-digit folders, as straw-hat-team/adr keeps it', () => {
  it('reads "- **State:** Approved" as the status, and a "Replaced by" field linking a folder\'s README as the relation', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(copy, '0000000000'));
    await writeFile(
      join(copy, '0000000000', 'README.md'),
      '# Genesis ADR\n\n- **State:** Approved\n- **Tags:** genesis\n',
    );
    await mkdir(join(copy, '5541831634'));
    await writeFile(
      join(copy, '5541831634', 'README.md'),
      '# React file names\n\n* **State:** Reviewing\n* **Replaced by:** [ADR#0000000000](./../0000000000/README.md)\n\n## Context\n',
    );
    const found: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => found.push(warning) });
    expect(records.map((r) => [r.number, r.status, r.statusWord, r.supersededBy, r.supersedes])).toEqual([
      [0, 'accepted', 'Approved', [], [5541831634]],
      [5541831634, 'superseded', undefined, [0], []],
    ]);
    expect(found).toEqual([]);
  });
});

describe('a status line in single emphasis, with an emoji', () => {
  const parse = (text: string) => {
    const warnings: Diagnostic[] = [];
    const { record } = parseAdr('/adr/0001-x.md', text, (warning) => warnings.push(warning));
    return { record, warnings };
  };

  it.each([
    ['the whole line', '_Status: ✅ Accepted_'],
    ['the key and its colon', '*Status:* ✅ Accepted'],
    ['the key alone', '_Status_: ✅ Accepted'],
    ['a bullet, the key and its colon', '- *Status:* ✅ Accepted'],
  ])('is read as the status when the emphasis covers %s, and leaves the body', (_, line) => {
    const { record, warnings } = parse(`# 1. Use X\n\n${line}\n\n## Context\n\nWe need X.\n`);
    expect([record.status, record.statusText, record.body]).toEqual([
      'accepted',
      '✅ Accepted',
      '## Context\n\nWe need X.\n',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a date line written the same way, and a bold key with an emoji as before', () => {
    const { record } = parse('# 1. Use X\n\n**Status**: 🟢 Accepted\n*Date: 2021-03-05*\n\n## Context\n');
    expect([record.status, record.statusText, record.date, record.body]).toEqual([
      'accepted',
      '🟢 Accepted',
      '2021-03-05',
      '## Context\n',
    ]);
  });

  it('leaves emphasised prose that only starts with the word alone', () => {
    const { record, warnings } = parse('# 1. Use X\n\n_Status quo: we keep Y._\n\n## Status\n\nProposed\n');
    expect([record.status, record.body.startsWith('_Status quo: we keep Y._')]).toEqual(['proposed', true]);
    expect(warnings).toEqual([]);
  });
});

describe('a "Created:" field, as straw-hat-team/adr dates its decisions', () => {
  const parse = (text: string, name = '0001-x.md') => parseAdr(`/adr/${name}`, text).record;

  it('dates the decision when nothing else does, and leaves the body', () => {
    const record = parse(
      '# Use X\n\n- **State:** Approved\n- **Created:** 2021-03-05\n- **Tags:** api\n\n## Context\n',
    );
    expect([record.date, record.body]).toEqual(['2021-03-05', '- **Tags:** api\n\n## Context\n']);
    expect(parse('# Use X\n\nStatus: accepted\nDate created: 2021-03-05\n').date).toBe('2021-03-05');
  });

  it('does not override an explicit date, nor one in the file name or the status line, and then stays in the body', () => {
    const explicit = parse('# Use X\n\n- **Status:** Accepted\n- **Created:** 2021-03-05\n- **Date:** 2022-01-10\n');
    expect([explicit.date, explicit.body]).toEqual(['2022-01-10', '- **Created:** 2021-03-05\n']);
    const section = parse('# Use X\n\n- Created: 2021-03-05\n\n## Date\n\n2022-01-10\n\n## Status\n\nAccepted\n');
    expect(section.date).toBe('2022-01-10');
    expect(parse('# Use X\n\nStatus: accepted on 2022-01-10\nCreated: 2021-03-05\n').date).toBe('2022-01-10');
    expect(parse('# Use X\n\nStatus: accepted\nCreated: 2021-03-05\n', '2022-01-10-use-x.md').date).toBe('2022-01-10');
  });

  it('is no date when its value is none, and then stays in the body', () => {
    const record = parse('# Use X\n\nStatus: accepted\nCreated: by the platform team\n');
    expect([record.date, record.body]).toEqual([undefined, 'Created: by the platform team\n']);
  });

  it('is read from front matter (`created`, `date-created`, `dateCreated`), where it was dropped unread', () => {
    for (const key of ['created', 'Created', 'date-created', 'date_created', 'dateCreated', 'created_at']) {
      const record = parse(`---\nstatus: accepted\n${key}: 2021-03-04\n---\n# Use X\n\n## Context\n`);
      expect([key, record.date, record.body]).toEqual([key, '2021-03-04', '## Context\n']);
    }
    // A date beside it wins, as beside a Created: line.
    expect(parse('---\nstatus: accepted\ndate: 2022-01-10\ncreated: 2021-03-04\n---\n# Use X\n').date).toBe(
      '2022-01-10',
    );
    expect(parse('---\nstatus: accepted\ncreated: yesterday\n---\n# Use X\n').date).toBeUndefined();
  });

  it('beside a date in front matter, is shown as a field of its own, not dropped with the front matter', () => {
    // `date` the day it was decided, `created` the day it was written: both are the author's.
    const both = parse('---\nstatus: accepted\ndate: 2022-01-10\ndeciders: [Ana]\ncreated: 2021-03-04\n---\n# Use X\n');
    expect([both.date, both.fields]).toEqual([
      '2022-01-10',
      [
        { label: 'Deciders', value: 'Ana' },
        { label: 'Created', value: '2021-03-04' },
      ],
    ]);
    // So beside a date the file name gives (log4brains), and when it is no date at all.
    const named = parse('---\nstatus: accepted\ndate_created: 2020-09-20\n---\n# Use X\n', '20200925-use-x.md');
    expect([named.date, named.fields]).toEqual(['2020-09-25', [{ label: 'Created', value: '2020-09-20' }]]);
    expect(parse('---\nstatus: accepted\ncreated: last spring\n---\n# Use X\n').fields).toEqual([
      { label: 'Created', value: 'last spring' },
    ]);
    // The created field that dates the decision is its date only, not shown twice.
    expect(parse('---\nstatus: accepted\ncreated: 2021-03-04\n---\n# Use X\n').fields).toBeUndefined();
  });

  it('a last-updated field in front matter is shown as Updated, in any of its spellings, as a date or a text', () => {
    const record = parse('---\nstatus: accepted\ndate: 2022-01-10\nlast-updated: 2023-05-02\n---\n# Use X\n');
    expect([record.date, record.fields]).toEqual(['2022-01-10', [{ label: 'Updated', value: '2023-05-02' }]]);
    for (const key of ['updated', 'last_updated', 'lastUpdated', 'last-modified', 'last_modified', 'lastModified']) {
      expect(parse(`---\nstatus: accepted\n${key}: 2023-05-02\n---\n# Use X\n`).fields).toEqual([
        { label: 'Updated', value: '2023-05-02' },
      ]);
    }
    // An update is never the decision's date.
    expect(parse('---\nstatus: accepted\nupdated: 2023-05-02\n---\n# Use X\n').date).toBeUndefined();
  });

  it('beside a date in front matter, shows in the page header under the date', () => {
    const record = parse('---\nstatus: accepted\ndate: 2022-01-10\ncreated: 2021-03-04\n---\n# Use X\n\nText.\n');
    const page = renderAdrs({ dir: '/adr', records: [record] }, templates).pages.find((p) => p.key === 'adr/1')!;
    expect(page.markdown).toContain('| Date | 2022-01-10 |\n| Created | 2021-03-04 |\n');
  });

  it('is read from a row of the table of fields, which then leaves the table', () => {
    const record = parse(
      '# Use X\n\n| Field | Value |\n| --- | --- |\n| **Status** | Accepted |\n| **Created** | 2021-03-06 |\n| Owner | Team |\n\n## Context\n',
    );
    expect([record.status, record.date, record.fields, record.body]).toEqual([
      'accepted',
      '2021-03-06',
      [{ label: 'Owner', value: 'Team' }],
      '## Context\n',
    ]);
    // Its last row taken, the table goes, its header (the status) too; a Date row beside it wins and the Created row is shown as a field.
    const only = parse('# Use X\n\n| Status | Accepted |\n| --- | --- |\n| Created | 2021-03-06 |\n\nText.\n');
    expect([only.status, only.date, only.body]).toEqual(['accepted', '2021-03-06', 'Text.\n']);
    const dated = parse(
      '# Use X\n\n| | |\n|---|---|\n| Status | Accepted |\n| Date | 2022-01-10 |\n| Created | 2021-03-06 |\n',
    );
    expect([dated.date, dated.fields, dated.body]).toEqual([
      '2022-01-10',
      [{ label: 'Created', value: '2021-03-06' }],
      '',
    ]);
  });
});

describe('a Created column of a table of fields by columns', () => {
  const parse = (text: string) => parseAdr('/adr/0007-use-x.md', text).record;

  it('dates the decision when nothing else does, and leaves the table as a Date column does', () => {
    const record = parse(
      '# Use X\n\n| Status | Created | Author(s) |\n| --- | --- | --- |\n| Proposed | 2025-01-07 | @nscuro |\n\n## Context\n',
    );
    expect([record.status, record.date, record.body]).toEqual([
      'proposed',
      '2025-01-07',
      '| Author(s) |\n| --- |\n| @nscuro |\n\n## Context\n',
    ]);
    // `Date created`, with the status elsewhere; the table left with no column goes.
    const alone = parse('# Use X\n\nStatus: accepted\n\n| Date created | Owner |\n|---|---|\n| 2021-03-05 | Team |\n');
    expect([alone.status, alone.date, alone.body]).toEqual(['accepted', '2021-03-05', '| Owner |\n|---|\n| Team |\n']);
    const only = parse('# Use X\n\n| Status | Created |\n|---|---|\n| Accepted | 2021-03-05 |\n\nText.\n');
    expect([only.status, only.date, only.body]).toEqual(['accepted', '2021-03-05', 'Text.\n']);
  });

  it('beside a Date column (or any other date), stays in the table as written; nor is a value that is no date read', () => {
    const dated = parse(
      '# Use X\n\n| Status | Date | Created |\n|---|---|---|\n| Accepted | 2022-01-10 | 2021-03-05 |\n',
    );
    expect([dated.date, dated.body]).toEqual(['2022-01-10', '| Created |\n|---|\n| 2021-03-05 |\n']);
    const undated = parse('# Use X\n\n| Status | Created |\n|---|---|\n| Accepted | last spring |\n');
    expect([undated.date, undated.body]).toEqual([undefined, '| Created |\n|---|\n| last spring |\n']);
  });

  it('above the title too, as a table of fields by columns may stand there', () => {
    const record = parse(
      '| created | writer | status |\n|---|---|---|\n| 2023-05-02 | ana | accepted |\n\n# Use X\n\nText.\n',
    );
    expect([record.status, record.date, record.body]).toEqual([
      'accepted',
      '2023-05-02',
      '| writer |\n|---|\n| ana |\n\nText.\n',
    ]);
  });
});

describe('a table of fields above the title', () => {
  const parse = (text: string, name = '0004-use-s3.md') => {
    const warnings: Diagnostic[] = [];
    return { record: parseAdr(`/adr/${name}`, text, (warning) => warnings.push(warning)).record, warnings };
  };

  it('gives the status and the date, as under the title; what else it holds opens the body, never lost', () => {
    const rows = parse(
      '| Field | Value |\n|---|---|\n| Status | Accepted |\n| Date | 2021-03-07 |\n| Owner | Team S3 |\n\n# 4. Use S3\n\n## Context\n\nText.\n',
    );
    expect([rows.record.title, rows.record.status, rows.record.date, rows.record.fields, rows.record.body]).toEqual([
      'Use S3',
      'accepted',
      '2021-03-07',
      [{ label: 'Owner', value: 'Team S3' }],
      '## Context\n\nText.\n',
    ]);
    expect(rows.warnings).toEqual([]);
    // Columns of fields and a row of values (vinicinbgs/architectural-decision-records' template).
    const columns = parse(
      '| date     | writer | status |\n| -------- | ------ | ------ |\n| 2023-05-02 | ana | accepted ✅ |\n\n# ADR: Use S3 for uploads\n\n## Context\n',
    );
    expect([columns.record.status, columns.record.date, columns.record.body]).toEqual([
      'accepted',
      '2023-05-02',
      '| writer |\n| ------ |\n| ana |\n\n## Context\n',
    ]);
    // A table whose every row was taken goes, with its header.
    const all = parse('| Status | Accepted |\n|---|---|\n| Created | 2021-03-07 |\n\n# 4. Use S3\n\nText.\n');
    expect([all.record.status, all.record.date, all.record.body]).toEqual(['accepted', '2021-03-07', 'Text.\n']);
  });
});

describe('a status written as the first paragraph under the title', () => {
  const dir = join(fixtures, 'status-paragraph');
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
  const record = (number: number) => model.records.find((r) => r.number === number)!;

  it('is read when it starts with a known status word that stands alone or before a date or a relation', () => {
    expect(model.records.map((r) => [r.number, r.status, r.statusText, r.date])).toEqual([
      [1, 'accepted', 'Accepted', undefined],
      [2, 'proposed', 'Proposed — 2021-03-01', '2021-03-01'],
      [3, 'accepted', 'Accepted', undefined],
      [4, 'deprecated', 'Deprecated, superseded by [ADR 2](0002-word-and-date.md)', '2021-04-02'],
      [5, 'accepted', 'Accepted', undefined],
      [6, 'unknown', '', undefined],
      // its second line, a relation, is read as a relation under the title is
      [7, 'superseded', 'Accepted on 2021-05-06', '2021-05-06'],
    ]);
    expect(record(4).supersededBy).toEqual([2]);
    expect(record(7).supersededBy).toEqual([3]);
  });

  it('leaves the body, shown in the header instead', () => {
    expect(record(1).body).toBe('## Context\n\nThe status stands alone under the title.\n');
    expect(record(7).body).toBe('## Context\n\nThe second line relates another decision.\n');
  });

  it('prose that starts with a status word ("Open source libraries…", "In short, accepted…") is not misread', () => {
    // 0005's status is its "## Status" section's; its first paragraph stays in the body
    expect(record(5).body).toContain('Open source libraries are preferred over in-house ones.');
    expect(record(6).body).toBe('In short, accepted practice is to write a status.\n');
    expect(warnings.map((warning) => [warning.code, warning.location?.file])).toEqual([
      ['DG_ADR_STATUS', join(dir, '0006-prose-only.md')],
    ]);
  });

  it('may be emphasised, follow an emoji, or be a two-word status', () => {
    const read = [
      '_Accepted_',
      '*Proposed* (2021-03-01)',
      '**Deprecated** — 2022-01-05',
      '✅ Accepted.',
      'In review',
      'Accepted. Supersedes ADR 1',
    ];
    expect(read.map((text) => parseAdr('/adr/0009-x.md', `# X\n\n${text}\n\nBody\n`).record)).toEqual(
      ['accepted', 'proposed', 'deprecated', 'accepted', 'proposed', 'accepted'].map((status) =>
        expect.objectContaining({ status, body: 'Body\n' }),
      ),
    );
  });

  it('a paragraph of prose after the status word, or a second line that is no relation, is no status', () => {
    for (const text of [
      'Accepted practice is to review.',
      'Accepted\nby the whole team after a vote.',
      'Final thoughts: none.',
    ]) {
      const parsed = parseAdr('/adr/0009-x.md', `# X\n\n${text}\n`);
      expect([text, parsed.record.status]).toEqual([text, 'unknown']);
    }
  });
});

describe('front-matter relations written as a slug', () => {
  const dir = join(fixtures, 'front-matter-slugs');
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(dir, { report: (warning) => warnings.push(warning) });

  it("name the decision whose file name without its number, or whose title's slug, it is", () => {
    expect(model.records.map((r) => [r.number, r.status, r.supersededBy, r.supersedes, r.amends, r.amendedBy])).toEqual(
      [
        [1, 'superseded', [2], [], [], [3]],
        [2, 'superseded', [3], [1], [], []],
        [3, 'accepted', [], [2], [1], []],
      ],
    );
  });

  it('a slug that names no decision is a warning at its line, with what to write', () => {
    expect(warnings.map((warning) => [warning.code, warning.severity, warning.location, warning.message])).toEqual([
      [
        'DG_ADR_LINK',
        'warning',
        { file: join(dir, '0003-grpc.md'), line: 4 },
        '0003-grpc.md\'s front matter says replaces: "use-soap", which names no decision: not shown as a relation',
      ],
    ]);
    expect(warnings[0]!.hint).toContain('or its slug');
  });

  it("a file's name wins over another's title; a slug two decisions share names neither", async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(copy, '0001-cache.md'), '---\nstatus: accepted\nsuperseded_by: use-redis\n---\n# Cache\n');
    await writeFile(join(copy, '0002-use-redis.md'), '---\nstatus: accepted\n---\n# Keep sessions in Redis\n');
    await writeFile(join(copy, '0003-redis.md'), '---\nstatus: accepted\n---\n# Use Redis\n');
    expect(extractAdrs(copy).records[0]!.supersededBy).toEqual([2]);
    await writeFile(join(copy, '0004-use-redis.md'), '---\nstatus: accepted\n---\n# Use Redis again\n');
    const found: Diagnostic[] = [];
    const { records } = extractAdrs(copy, { report: (warning) => found.push(warning) });
    expect(records[0]!.supersededBy).toEqual([]);
    expect(found.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ADR_LINK', 3]]);
  });
});

describe('a status section that lists every status, the one that holds marked', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'marked-choices'), { report: (warning) => warnings.push(warning) });

  it('reads the marked one: [x], bold among plain, the others struck, a tick', () => {
    // Before: "[ ] Proposed; [x] Accepted; …" unknown, the bold one's list a placeholder, the ticked
    // and the bold bullet read as their list's first choice, Proposed.
    expect(records.map((record) => [record.number, record.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
      [4, 'accepted'],
      [5, 'unknown'],
      [6, 'accepted'],
      // A dated history (Proposed, Accepted, Deprecated): its latest entry holds (was Proposed, its first).
      [7, 'deprecated'],
      [8, 'accepted'],
      [9, 'accepted'],
      [10, 'accepted'],
    ]);
    expect(records[0]!.statusLine).toBe(6);
  });

  it('reads a list under a "Status:" or "**Status**" line, which leaves the body with it', () => {
    // Before: an unknown status "" (8), no status (9), and "[x] Accepted" unknown (10).
    expect(records.slice(7, 9).map((record) => record.body)).toEqual([
      '## Context\n\nBody.\n',
      '## Context\n\nBody.\n',
    ]);
    expect(records[7]!.statusLine).toBe(5);
  });

  it('warns of a list with none marked, and takes a history of dated statuses for no list', () => {
    expect(warnings.map((warning) => [warning.code, warning.location?.file.split('/').pop(), warning.hint])).toEqual([
      ['DG_ADR_PLACEHOLDER', '0005-none.md', 'mark the one that holds ("- [x] Accepted") or keep only it'],
    ]);
  });
});

describe('a status section kept as a dated history', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'status-history'), { report: (warning) => warnings.push(warning) });

  it('reads the latest entry as the status, by date, the history left on the page', () => {
    // Before: dated bullets and the table unknown (a DG_ADR_STATUS warning each), "Proposed (…)" then
    // "Accepted on …" Proposed, newest first unknown.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'deprecated', '2026-03-01'],
      [2, 'accepted', '2025-02-10'],
      [3, 'accepted', '2025-02-10'],
      [4, 'deprecated', '2026-03-01'],
    ]);
    expect(records[0]!.body).toContain('- 2025-01-02 Proposed\n- 2025-02-10 Accepted\n- 2026-03-01 Deprecated\n');
  });
});

describe('metadata keyed with a dash, or in a two-column table', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'metadata-forms'), { report: (warning) => warnings.push(warning) });

  it('reads **Status** — Accepted, **Status**: Accepted and Status — Accepted lines', () => {
    // Before: 1 and 3 had no status (a warning each), their lines left in the body.
    expect(warnings).toEqual([]);
    expect(records.slice(0, 3).map((record) => [record.status, record.date, record.body])).toEqual([
      ['accepted', '2025-03-01', 'Body text.\n'],
      ['accepted', '2025-03-02', 'Body text.\n'],
      ['accepted', '2025-03-03', 'Body text.\n'],
    ]);
  });

  it('reads dashed keys in a line of fields, with a hyphen, and in bullets', () => {
    // Before: the first left whole in the body, the second no status.
    expect(records.slice(5).map((record) => [record.status, record.date, record.body])).toEqual([
      ['accepted', '2025-01-01', '**Deciders** — Ana\n\nBody.\n'],
      ['accepted', '2025-01-02', 'Body.\n'],
      ['proposed', '2025-01-03', 'Body.\n'],
    ]);
  });

  it('takes a metadata table whole into the header, its Deciders row too, whatever heads it', () => {
    // Before: `| Deciders | Ana, Bo |` was left under `| Field | Value |`, and `| Status | Proposed |`
    // stood as the header of what was left of the table.
    expect(records.slice(3, 5).map((record) => [record.status, record.date, record.fields, record.body])).toEqual([
      ['accepted', '2025-03-04', [{ label: 'Deciders', value: 'Ana, Bo' }], '## Context\n\nBody text.\n'],
      ['proposed', '2025-03-05', [{ label: 'Deciders', value: 'Ana' }], '## Context\n\nBody text.\n'],
    ]);
  });
});

describe('relations named by number in plain text, without a link', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'unlinked-relations'), {
    report: (warning) => warnings.push(warning),
  });

  it('relate the decisions the numbers name: Superseded by ADR-0004, Supersedes 0001, Replaced by #4, Amends ADR 1', () => {
    // Before: "Replaced by #4" and "Supersedes 0001" were left in the body unread.
    expect(
      records.map((record) => [record.number, record.status, record.supersededBy, record.supersedes, record.amends]),
    ).toEqual([
      [1, 'superseded', [4], [], []],
      [2, 'accepted', [], [], [1]],
      [3, 'superseded', [4], [], []],
      [4, 'accepted', [], [1, 3], []],
      [5, 'superseded', [], [], []],
      [6, 'accepted', [], [], []],
    ]);
    expect(records[2]!.body).toBe('Body.\n');
    expect(records[3]!.body).toBe('Body.\n');
    // A count of things is no decision's number.
    expect(records[5]!.body).toContain('Replaces 2 cron jobs with one queue.');
  });

  it('warn of a number the folder does not hold (before, an error that stopped the run)', () => {
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      ['DG_ADR_LINK', 3, 'ADR 5 says it is superseded by ADR 9, which is not an ADR in this folder'],
    ]);
  });
});

describe('a decision log: one file keeping several decisions under ## 1. Title headings', () => {
  const warnings: Diagnostic[] = [];
  const dir = join(fixtures, 'decision-log');
  const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });

  it('is one page, as written, with a warning naming the files to split it into', () => {
    // Before: "0001-platform-decisions.md has no status" (DG_ADR_STATUS), saying to add one, and
    // decision-log.md stopped the run with DG_ADR_NUMBER, saying to number the log.
    expect(records.map((record) => [record.number, record.status])).toEqual([
      [1, 'unknown'],
      [4, 'accepted'],
    ]);
    expect(records[0]!.body).toContain('## 2. Keep secrets in Vault\n\nStatus: Superseded by 3');
    expect(warnings.map((warning) => [warning.code, warning.location, warning.message, warning.hint])).toEqual([
      [
        'DG_ADR_DECISION_LOG',
        { file: join(dir, '0001-platform-decisions.md'), line: 5 },
        `0001-platform-decisions.md keeps 3 decisions ("## 1. Run services on Kubernetes", "## 2. Keep secrets in Vault", "## 3. Keep secrets in the cloud provider's store"): shown as one page, with no status of its own`,
        'keep each decision in a file of its own, its heading the title ("# 1. Run services on Kubernetes") and its Status: line under it: 0001-run-services-on-kubernetes.md, 0002-keep-secrets-in-vault.md, 0003-keep-secrets-in-the-cloud-providers-store.md',
      ],
      [
        'DG_ADR_DECISION_LOG',
        { file: join(dir, 'decision-log.md'), line: 3 },
        'decision-log.md keeps 2 decisions ("## 1. Load events nightly", "## 2. Stream events"): skipped',
        'keep each decision in a file of its own, its heading the title ("# 1. Load events nightly") and its Status: line under it: 0001-load-events-nightly.md, 0002-stream-events.md',
      ],
    ]);
  });

  it('a decision whose sections are numbered (## 1. Option: RabbitMQ) is no log', () => {
    expect(records[1]!.body).toContain('## 1. Option: RabbitMQ');
  });
});

describe('a status section of dated entries, as the adr CLI (npm "adr") writes them', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'dated-status'), { report: (warning) => warnings.push(warning) });

  it('reads "2017-11-22 proposed" alone as Proposed, as it reads the same line among others', () => {
    // Before: the single entry `adr new` writes was unknown, with a DG_ADR_STATUS warning.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'proposed', '2017-11-22'],
      [2, 'accepted', '2017-11-22'],
      [3, 'proposed', '2017-11-27'],
    ]);
    expect(records[0]!.body).toContain('## Status\n\n2017-11-22 proposed\n');
  });
});

describe('a decision done or implemented', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'done-statuses'), { report: (warning) => warnings.push(warning) });

  it('is accepted, in the words of the adr CLI\'s languages (完成, 通过, finalizado, реализовано…) and "Implemented"', () => {
    // Before: each was an unknown status with a DG_ADR_STATUS warning; the Chinese histories were
    // no history at all.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.statusWord])).toEqual([
      [1, 'accepted', '完成'],
      [2, 'accepted', '通过'],
      [3, 'accepted', 'done'],
      [4, 'accepted', 'finalizado'],
      [5, 'accepted', 'Реализовано'],
      [6, 'accepted', 'implementata'],
      [7, 'accepted', 'terminé'],
      [8, 'accepted', 'Implemented'],
    ]);
  });
});

describe('a dated status history whose latest entry is in words docgen does not know', () => {
  it('has that status, shown as written with a warning, not the entry before it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0001-use-kafka.md'),
      '# 1. Use Kafka\n\nDate: 2024-01-02\n\n## Status\n\n2024-01-02 proposed\n\n2024-02-10 accepted\n\n2024-05-01 on hold\n\n## Context\n\nOrders need an event log.\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: "Accepted", with no warning: the latest entry was passed over.
    expect(records.map((record) => [record.number, record.status])).toEqual([[1, 'unknown']]);
    // The warning points at the entry that gives the status, and quotes the history as written,
    // oldest first (before: line 7, the section's first, and "on hold 2024-05-01; 2024-01-02 proposed; …").
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ADR_STATUS', 11]]);
    expect(warnings[0]!.message).toBe(
      'ADR 1 (0001-use-kafka.md) has an unknown status "2024-05-01 on hold", the latest entry of its history "2024-01-02 proposed; 2024-02-10 accepted; 2024-05-01 on hold"',
    );
    expect(statusLozenge(records[0]!)).toBe(':status[on hold]{colour=Grey}');
  });
});

describe('a status history whose latest entry is unknown, written newest first', () => {
  it("is warned about at that entry's line, the history quoted in the file's order", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0002-use-redis.md'),
      '# 2. Use Redis\n\n## Status\n\n- 2024-06-01 **paused**\n- 2024-02-10 accepted\n- 2024-01-02 proposed\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    expect(records.map((record) => [record.number, record.status])).toEqual([[2, 'unknown']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ADR_STATUS', 5]]);
    expect(warnings[0]!.message).toContain(
      '"2024-06-01 **paused**", the latest entry of its history "2024-06-01 **paused**; 2024-02-10 accepted; 2024-01-02 proposed"',
    );
  });
});

describe('a status history table whose newest row is in words docgen does not know', () => {
  it("shows that row's status, warned about at its line", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0003-use-grpc.md'),
      '# 3. Use gRPC\n\n## Status\n\n| Date | Status |\n| --- | --- |\n| 2024-01-02 | Proposed |\n| 2024-02-10 | Accepted |\n| 2024-06-01 | Paused |\n\n## Context\n\nBody.\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: "accepted", from an older row, with no warning: an unknown row was no entry.
    expect(records.map((record) => [record.number, record.status])).toEqual([[3, 'unknown']]);
    expect(warnings.map((warning) => [warning.code, warning.location?.line])).toEqual([['DG_ADR_STATUS', 9]]);
    // The history is quoted by its entries, a row by its cells; its header and rule are no entries
    // (before: "| 2024-06-01 | Paused |", the latest entry of its history "| Date | Status |; | --- | --- |; …").
    expect(warnings[0]!.message).toBe(
      'ADR 3 (0003-use-grpc.md) has an unknown status "2024-06-01 Paused", the latest entry of its history "2024-01-02 Proposed; 2024-02-10 Accepted; 2024-06-01 Paused"',
    );
    expect(statusLozenge(records[0]!)).toBe(':status[Paused]{colour=Grey}');
  });
});

describe('a dated note under a status, or after a status history', () => {
  it('is no status: the status stays the known one before it, with no warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0001-use-kafka.md'),
      '# 1. Use Kafka\n\n## Status\n\nAccepted\n\n2024-05-01 Reviewed by the architecture board\n\n## Context\n\nBody.\n',
    );
    await writeFile(
      join(dir, '0002-use-redis.md'),
      '# 2. Use Redis\n\n## Status\n\n- 2024-01-02 Proposed\n- 2024-02-01 Accepted\n- 2024-03-01 Team sync held\n',
    );
    // Short, but under an undated status: a note of that day, no entry of a history.
    await writeFile(
      join(dir, '0003-use-grpc.md'),
      '# 3. Use gRPC\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n2024-05-01 Benchmarked\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: unknown, "Reviewed by the" and "Team sync held", each with DG_ADR_STATUS.
    expect(records.map((record) => [record.number, record.status, record.statusHistory])).toEqual([
      [1, 'accepted', undefined],
      [2, 'accepted', { latest: '2024-02-01 Accepted', entries: expect.any(String) }],
      [3, 'accepted', undefined],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('a dated note under an undated status, in a decision with no Date line', () => {
  it('does not date the decision: only the entry that gives the status does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0001-use-kafka.md'),
      '# 1. Use Kafka\n\n## Status\n\nAccepted\n\n2024-05-01 Benchmarked by the board\n\n## Context\n\nBody.\n',
    );
    await writeFile(
      join(dir, '0002-use-redis.md'),
      '# 2. Use Redis\n\n## Status\n\n- 2024-01-02 Proposed\n- 2024-02-01 Accepted\n- 2024-03-01 Team sync held\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: ADR 1 was dated 2024-05-01, the day of the note.
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'accepted', undefined],
      [2, 'accepted', '2024-02-01'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('still dates it from a day written under the status in other ways: alone, in brackets, in a sentence, after a supersession', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    const decisions = [
      'Accepted\n(2024-05-01)',
      'Accepted\n\nDecided on 2024-05-02 by the board.',
      'Accepted\n\n2024-05-03',
      'Superseded by [ADR 1](0001-d.md)\n\nAccepted 2024-05-04',
    ];
    for (const [index, status] of decisions.entries()) {
      const number = index + 1;
      await writeFile(
        join(dir, `000${number}-d.md`),
        `# ${number}. D\n\n## Status\n\n${status}\n\n## Context\n\nBody.\n`,
      );
    }
    const { records } = extractAdrs(dir, { report: () => undefined });
    await rm(dir, { recursive: true });
    // A review found these undated by the change above: the date column of the log went empty.
    expect(records.map((record) => [record.number, record.date])).toEqual([
      [1, '2024-05-01'],
      [2, '2024-05-02'],
      [3, '2024-05-03'],
      [4, '2024-05-04'],
    ]);
  });
});

describe('a decision whose status history ends Accepted, superseded by another that says so', () => {
  const history = '- 2024-01-02 Proposed\n- 2024-02-10 Accepted\n';
  const expected = '"2024-02-10 Accepted", the latest entry of its history "2024-01-02 Proposed; 2024-02-10 Accepted"';

  it("is warned about at that entry's line, the history quoted in the file's order", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(join(dir, '0003-use-rabbitmq.md'), `# 3. Use RabbitMQ\n\n## Status\n\n${history}`);
    await writeFile(join(dir, '0004-use-redis.md'), `# 4. Use Redis\n\n## Status\n\n${history}- 2024-05-01 on hold\n`);
    await writeFile(
      join(dir, '0005-use-memcached.md'),
      '# 5. Use Memcached\n\n## Status\n\nAccepted\n\nSupersedes [ADR 4](0004-use-redis.md)\n',
    );
    await writeFile(
      join(dir, '0012-use-kafka.md'),
      '# 12. Use Kafka\n\n## Status\n\nAccepted\n\nSupersedes [ADR 3](0003-use-rabbitmq.md)\n',
    );
    const warnings: Diagnostic[] = [];
    extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: line 5, the section's first, and an unknown latest entry quoted first, reworded:
    // "on hold 2024-05-01; 2024-01-02 Proposed; 2024-02-10 Accepted".
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      ['DG_ADR_STATUS', 7, expect.stringContaining('ADR 4 (0004-use-redis.md) has an unknown status')],
      ['DG_ADR_SUPERSEDED_STATUS', 6, `ADR 3 is superseded by ADR 12 but its status says ${expected}`],
      [
        'DG_ADR_SUPERSEDED_STATUS',
        7,
        'ADR 4 is superseded by ADR 5 but its status says "2024-05-01 on hold", the latest entry of its history "2024-01-02 Proposed; 2024-02-10 Accepted; 2024-05-01 on hold"',
      ],
    ]);
  });

  it('in another folder, likewise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await mkdir(join(dir, 'backend'));
    await mkdir(join(dir, 'frontend'));
    await writeFile(join(dir, 'frontend', '0001-use-rest.md'), `# 1. Use REST\n\n## Status\n\n${history}`);
    await writeFile(
      join(dir, 'backend', '0002-serve-graphql.md'),
      '# 2. Serve GraphQL\n\n## Status\n\nAccepted\n\nSupersedes [REST](../frontend/0001-use-rest.md)\n',
    );
    const warnings: Diagnostic[] = [];
    extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    expect(warnings.map((warning) => [warning.code, warning.location?.line, warning.message])).toEqual([
      [
        'DG_ADR_SUPERSEDED_STATUS',
        6,
        `ADR 1 (frontend) is superseded by ADR 2 (backend) but its status says ${expected}`,
      ],
    ]);
  });
});

describe("the adr CLI's Brazilian Portuguese statuses (proposto/aceito/finalizado/descontinuado/cancelado)", () => {
  it('are each read, the latest entry of a history the status', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    // As `adr-tools new` and `adr-tools status` write them with `"language": "pt-br"`.
    const decision = (number: number, title: string, statuses: string[]) =>
      [
        `# ${number}. ${title}`,
        '',
        'Data: 2026-11-29',
        '',
        '## Status',
        '',
        ...statuses.flatMap((s) => [s, '']),
        '## Contexto',
        '',
        'Aqui vem o contexto...',
        '',
      ].join('\n');
    await writeFile(
      join(dir, '0001-use-postgresql-for-orders.md'),
      decision(1, 'Use PostgreSQL for orders', ['2026-11-29 proposto', '2026-11-30 aceito', '2026-11-30 cancelado']),
    );
    await writeFile(
      join(dir, '0002-use-kafka-for-events.md'),
      decision(2, 'Use Kafka for events', ['2026-11-29 proposto', '2026-11-30 descontinuado']),
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: "Aceito" and "Proposto", the latest entries' words being unknown and passed over.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.statusWord])).toEqual([
      [1, 'superseded', 'cancelado'],
      [2, 'deprecated', 'descontinuado'],
    ]);
  });
});

describe("the adr CLI's Russian statuses (предложено/принято/реализовано/устарело/изменено)", () => {
  it('reads изменено, its word for superseded, as superseded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    // As `adr new` and `adr status` write them with `"language": "ru"`: the template's
    // `Предложено: {DATE}`, then a dated entry a status.
    await writeFile(
      join(dir, '0001-ispolzovat-postgresql.md'),
      '# 1. Использовать PostgreSQL\n\nДата: 2026-11-29\n\n## Статус\n\nПредложено: 2026-11-29\n\n2026-11-30 принято\n\n2026-12-01 изменено\n\n## Контекст\n\nОписание контекста...\n',
    );
    await writeFile(
      join(dir, '0002-ispolzovat-kafka.md'),
      '# 2. Использовать Kafka\n\nДата: 2026-11-29\n\n## Статус\n\nИзменено\n\n## Контекст\n\nОписание контекста...\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: ADR 1 "Предложено", its first entry's, the latest entry's word unknown and passed over;
    // ADR 2 unknown, with DG_ADR_STATUS.
    expect(records.map((record) => [record.number, record.status, record.statusWord])).toEqual([
      [1, 'superseded', 'изменено'],
      [2, 'superseded', 'Изменено'],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe("a decision cancelled (Cancelado, Cancelada, Cancelled), not in the adr CLI's words", () => {
  it('is rejected; the adr CLI\'s own "2026-11-30 cancelado" stays its superseded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await writeFile(
      join(dir, '0001-usar-kafka.md'),
      '# 1. Usar Kafka\n\n## Estado\n\nCancelada\n\n## Contexto\n\nX.\n',
    );
    await writeFile(join(dir, '0002-usar-redis.md'), '# 2. Usar Redis\n\n* Status: Cancelado\n\n## Contexto\n\nX.\n');
    await writeFile(join(dir, '0003-use-grpc.md'), '# 3. Use gRPC\n\n## Status\n\nCancelled\n\n## Context\n\nX.\n');
    await writeFile(
      join(dir, '0004-usar-postgresql.md'),
      '# 4. Usar PostgreSQL\n\nData: 2026-11-29\n\n## Status\n\n2026-11-29 proposto\n\n2026-11-30 cancelado\n',
    );
    const warnings: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    // Before: Cancelada and Cancelled unknown (a DG_ADR_STATUS each), Cancelado superseded.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.statusWord])).toEqual([
      [1, 'rejected', 'Cancelada'],
      [2, 'rejected', 'Cancelado'],
      [3, 'rejected', 'Cancelled'],
      [4, 'superseded', 'cancelado'],
    ]);
  });
});

describe('status and date keys in Chinese, Japanese and Korean', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'cjk-keys'), { report: (warning) => warnings.push(warning) });

  it("日期: (the adr CLI's Chinese template), 状态：, ステータス:, 日付:, 상태:, 날짜: lines, a full-width colon too", () => {
    // Before: no date for any, 2–4 had no status (a warning each), and every line stayed in the body.
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'proposed', '2017-11-22'],
      [2, 'accepted', '2023-05-04'],
      [3, 'accepted', '2024-01-10'],
      [4, 'accepted', '2024-02-01'],
    ]);
    expect(records.map((record) => /日期|状态|ステータス|日付|상태|날짜/.test(record.body))).toEqual([
      true, // its ## 状态 section stays, as ## Status does
      false,
      false,
      false,
    ]);
  });
});

describe('a title heading numbered as logs write it', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'heading-numbers'), { report: (warning) => warnings.push(warning) });

  it('[ADR-0004], ADR #8:, Architecture Decision Record 10:, AD-0012:, Decision 15 - leave the title', () => {
    // Before: the number stayed in the title, and the page was "ADR-0004: [ADR-0004] Use Kafka for events".
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.title])).toEqual([
      [4, 'Use Kafka for events'],
      [8, 'Use OpenTelemetry'],
      [10, 'One repository'],
      [12, 'Feature flags over branches'],
      [15, 'Decide in pull requests'],
      [16, 'Decision 2FA for admins'], // a word after "Decision", no number of the decision
    ]);
  });
});

describe('dates written with the name of the month', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'month-names'), { report: (warning) => warnings.push(warning) });

  it('read one way, are shown as ISO dates; a month without its day, or no day of the calendar, as written', () => {
    // Before: each was shown as written, so the log's Date column mixed "12 March 2024" with 2024-03-14.
    expect(records.map((record) => record.date)).toEqual([
      '2024-03-12',
      '2024-03-14',
      '2024-04-02',
      '2024-05-03',
      '2024-06-11',
      '2024-07-18',
      'September 2024',
      '31 February 2024',
    ]);
    expect(
      warnings.map((warning) => [warning.code, warning.location?.file.split('/').pop(), warning.location?.line]),
    ).toEqual([['DG_ADR_DATE', '0008-decision-8.md', 3]]);
  });
});

describe('decisions named by year and month (ADR-2022-11-Title.md, as Azure/azure-service-operator names them)', () => {
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(join(fixtures, 'year-month-names'), { report: (warning) => warnings.push(warning) });

  it('are dated by their name, each a decision of its own, titled without the date', () => {
    // Before: every one was "ADR 2022" or "ADR 2025", and the run stopped with DG_ADR_DUPLICATE.
    expect(warnings).toEqual([]);
    expect(model.records.map((record) => [record.label, record.title, record.status, record.date])).toEqual([
      ['202209', 'Multiple Credential Operator', 'accepted', '2022-09'],
      ['202209', 'Reading Status Properties of Resources', 'proposed', '2022-09'],
      ['202211', 'Resource Import and v1 Migration', 'proposed', '2022-11'],
      ['20251028', 'Property Conversion Long Tail', 'accepted', '2025-10-28'],
    ]);
    expect(new Set(model.records.map((record) => record.number)).size).toBe(4);
  });
});

describe('a decision kept as a Hugo page bundle (ADR-2023-09-Skipping-Properties/_index.md)', () => {
  const warnings: Diagnostic[] = [];
  const model = extractAdrs(join(fixtures, 'hugo-bundles'), { report: (warning) => warnings.push(warning) });

  it('is a decision kept in a folder of its own, as one with a README.md or index.md is', () => {
    // Before: the folder was no decision, and the log had one of the two.
    expect(warnings).toEqual([]);
    expect(model.records.map((record) => [record.fileName, record.title, record.status, record.date])).toEqual([
      ['ADR-2022-11-Resource-Import.md', 'Resource Import and v1 Migration', 'proposed', '2022-11'],
      ['ADR-2023-09-Skipping-Properties/_index.md', 'Skipping Properties', 'accepted', '2023-09'],
    ]);
  });

  it("beside a file dated the same year is a decision too, not that file's material", async () => {
    // Before: `ADR-2023-02-…/` and `ADR-2023-09-…md` both read as "number 2023", and the folder was
    // taken for the file's plans (as `0001/` beside `0001-….md` is): it left the log without a word.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-'));
    await cp(join(fixtures, 'hugo-bundles'), dir, { recursive: true });
    await mkdir(join(dir, 'ADR-2023-02-Reconcile-Policy'));
    await writeFile(
      join(dir, 'ADR-2023-02-Reconcile-Policy', '_index.md'),
      "---\ntitle: '2023-02: Reconcile Policy'\n---\n\n## Context\n\nSome resources must not be deleted.\n\n## Status\n\nAccepted.\n",
    );
    await writeFile(
      join(dir, 'ADR-2023-09-Skipping-Properties.md'),
      (await readFile(join(dir, 'ADR-2023-09-Skipping-Properties', '_index.md'), 'utf8')).replace(
        /\(problem\.png\)/,
        '(x)',
      ),
    );
    await rm(join(dir, 'ADR-2023-09-Skipping-Properties'), { recursive: true });
    const found: Diagnostic[] = [];
    const { records } = extractAdrs(dir, { report: (warning) => found.push(warning) });
    expect(found).toEqual([]);
    expect(records.map((record) => [record.fileName, record.title, record.date])).toEqual([
      ['ADR-2022-11-Resource-Import.md', 'Resource Import and v1 Migration', '2022-11'],
      ['ADR-2023-02-Reconcile-Policy/_index.md', 'Reconcile Policy', '2023-02'],
      ['ADR-2023-09-Skipping-Properties.md', 'Skipping Properties', '2023-09'],
    ]);
  });
});

describe('a status section holding a table of one row', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'status-table-row'), { report: (warning) => warnings.push(warning) });

  it('reads its row, as it reads the latest of several', () => {
    // Before: an unknown status "| Status | Date |; |---|---|; …", shown as "Status Date ---".
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.number, record.status, record.date])).toEqual([
      [1, 'accepted', '2024-03-03'],
      [2, 'proposed', '2024-04-01'],
    ]);
  });
});

describe('a decision whose sections are level-3 headings', () => {
  const warnings: Diagnostic[] = [];
  const { records } = extractAdrs(join(fixtures, 'level-three-sections'), {
    report: (warning) => warnings.push(warning),
  });

  it('has its status under ### Status; where sections are level 2, a ### Status is a subsection of one', () => {
    // Before: 1 had no status, with a warning.
    expect(records.map((record) => [record.number, record.status])).toEqual([
      [1, 'accepted'],
      [2, 'proposed'],
      [3, 'unknown'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.message])).toEqual([
      ['DG_ADR_STATUS', 'ADR 3 (0003-split-the-monolith.md) has no status'],
    ]);
  });
});
