import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  codeFence,
  contentHash,
  createTemplateRenderer,
  DocgenError,
  escapeTableCell,
  inlineCode,
  precompileTemplates,
} from '@docgen/core';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-tpl-'));
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('template renderer', () => {
  it('renders defaults with partials and helpers, without HTML escaping', async () => {
    const defaults = await dirWith({
      'page.hbs': '# {{title}}\n\n{{#each rows}}{{> row}}{{/each}}{{fence sample "json"}}\n',
      '_row.hbs': '| {{cell name}} | {{code type}} |\n',
    });
    const renderer = createTemplateRenderer({ defaultsDir: defaults });
    const out = renderer.render('page', {
      title: 'A & <B>',
      rows: [{ name: 'a|b\nc', type: 'x`y' }],
      sample: '{"a": "```"}',
    });
    expect(out).toBe('# A & <B>\n\n| a\\|b c | ``x`y`` |\n````json\n{"a": "```"}\n````\n');
    expect(renderer.has('page')).toBe(true);
    expect(renderer.has('row')).toBe(false);
  });

  it('`some` says whether any item of a list has a key set, to leave out a column no row fills', async () => {
    const defaults = await dirWith({
      'table.hbs':
        '| Name |{{#if (some rows "note")}} Note |{{/if}}\n{{#each rows}}| {{name}} |{{#if (some ../rows "note")}} {{default note ""}} |{{/if}}\n{{/each}}',
    });
    const renderer = createTemplateRenderer({ defaultsDir: defaults });
    const noted = renderer.render('table', { rows: [{ name: 'a' }, { name: 'b', note: 'x' }] });
    expect(noted).toBe('| Name | Note |\n| a |  |\n| b | x |\n');
    // Blank strings, empty lists, null and false are "not set"; not a list is no item at all.
    const bare = renderer.render('table', {
      rows: [
        { name: 'a', note: ' ' },
        { name: 'b', note: [] },
        { name: 'c', note: null },
      ],
    });
    expect(bare).toBe('| Name |\n| a |\n| b |\n| c |\n');
    expect(renderer.render('table', { rows: undefined })).toBe('| Name |\n');
  });

  it('lets the user override one template (or one partial) and keeps the rest', async () => {
    const defaults = await dirWith({ 'page.hbs': 'default {{> row}}', '_row.hbs': 'row', 'other.hbs': 'other' });
    const overrides = await dirWith({ '_row.hbs': 'custom row' });
    const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
    expect(renderer.render('page', {})).toBe('default custom row');
    expect(renderer.render('other', {})).toBe('other');
    expect(renderer.files()._row).toBe(join(overrides, '_row.hbs'));
  });

  it('renders precompiled templates as compiled ones, and compiles a template edited since from its text', async () => {
    const files = {
      'page.hbs': '# {{title}}\n\n{{#each rows}}{{> row}}{{/each}}{{fence sample "json"}}\n',
      '_row.hbs': '| {{cell name}} | {{code type}} |\n',
    };
    const data = { title: 'A & <B>', rows: [{ name: 'a|b', type: 'x`y' }], sample: '{"a": "```"}' };
    const plain = await dirWith(files);
    const precompiled = await dirWith(files);
    expect(precompileTemplates(precompiled)).toEqual(['_row.hbs', 'page.hbs']);
    const module = await readFile(join(precompiled, 'precompiled.cjs'), 'utf8');
    expect(module).toContain('"_row.hbs": { hash: ');
    expect(createTemplateRenderer({ defaultsDir: precompiled }).render('page', data)).toBe(
      createTemplateRenderer({ defaultsDir: plain }).render('page', data),
    );
    // Edited after the build: its precompiled form no longer matches, the text is compiled.
    await writeFile(join(precompiled, '_row.hbs'), '* {{name}}\n');
    expect(createTemplateRenderer({ defaultsDir: precompiled }).render('page', data)).toContain('* a|b\n');
  });

  it('uses a precompiled template only for the text and the Handlebars it was made from', async () => {
    // A precompiled "one" passed off as the precompiled form of "two": used if and only if trusted.
    const source = await dirWith({ 'page.hbs': 'one {{title}}' });
    precompileTemplates(source);
    const forged = (await readFile(join(source, 'precompiled.cjs'), 'utf8')).replace(
      /hash: "[0-9a-f]+"/,
      `hash: "${contentHash('two {{title}}')}"`,
    );
    const sameVersion = await dirWith({ 'page.hbs': 'two {{title}}', 'precompiled.cjs': forged });
    expect(createTemplateRenderer({ defaultsDir: sameVersion }).render('page', { title: 'T' })).toBe('one T');
    const otherVersion = await dirWith({
      'page.hbs': 'two {{title}}',
      'precompiled.cjs': forged.replace(/handlebars: "[^"]+"/, 'handlebars: "0.0.1"'),
    });
    expect(createTemplateRenderer({ defaultsDir: otherVersion }).render('page', { title: 'T' })).toBe('two T');
  });

  it('names the template file and line of a syntax error when precompiling', async () => {
    const dir = await dirWith({ 'good.hbs': 'ok', 'bad.hbs': 'line one\n{{#each rows}}\n{{/if}}\n' });
    let error: unknown;
    try {
      precompileTemplates(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocgenError);
    expect((error as DocgenError).location).toMatchObject({ file: join(dir, 'bad.hbs') });
  });

  it('names the template file and line of a syntax error', async () => {
    const defaults = await dirWith({ 'broken.hbs': 'line one\n{{#each items}}\n  {{name}}\n{{/with}}\n' });
    let error: unknown;
    try {
      createTemplateRenderer({ defaultsDir: defaults }).render('broken', {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocgenError);
    expect((error as DocgenError).location?.file).toBe(join(defaults, 'broken.hbs'));
    expect((error as DocgenError).location?.line).toBeGreaterThanOrEqual(2);
    expect((error as DocgenError).message).toContain('broken.hbs');
  });

  it('names the template and line of a missing helper at render time, precompiled or not', async () => {
    for (const precompiled of [false, true]) {
      const defaults = await dirWith({ 'page.hbs': 'ok\n{{shout title}}\n' });
      if (precompiled) precompileTemplates(defaults);
      let error: unknown;
      try {
        createTemplateRenderer({ defaultsDir: defaults }).render('page', { title: 'x' });
      } catch (caught) {
        error = caught;
      }
      expect((error as Error).message).toMatch(/page\.hbs failed: Missing helper: "shout"/);
      expect((error as DocgenError).location).toMatchObject({ file: join(defaults, 'page.hbs'), line: 2 });
    }
  });

  it('names the helper a misspelt one was meant to be, and the helpers there are', async () => {
    const defaults = await dirWith({ 'record.hbs': '| Date | {{cel date}} |\n' });
    let error: unknown;
    try {
      createTemplateRenderer({ defaultsDir: defaults }).render('record', { date: '2024-01-01' });
    } catch (caught) {
      error = caught;
    }
    // Handlebars' own " - 1:9" tail is gone: the location says where.
    expect((error as DocgenError).message).toBe('template record.hbs failed: Missing helper: "cel"');
    expect((error as DocgenError).hint).toMatch(/^did you mean "cell"\? helpers: .*\bcell, code\b.*\bmd\b/);
    expect((error as DocgenError).location).toMatchObject({ line: 1, column: 10 });
  });

  describe("the user's overrides: fields no render found", () => {
    const record = {
      title: 'Use Postgres',
      date: '2024-01-01',
      status: 'Accepted',
      links: [{ label: 'Supersedes', target: '0002' }, { label: 'Amends' }],
    };

    it('a misspelt field is a warning at its file, line and column naming the field meant and those there', async () => {
      const defaults = await dirWith({ 'record.hbs': '# {{title}}\n' });
      const overrides = await dirWith({ 'record.hbs': '# {{title}}\n\nDate: {{md dat}}\n| {{cell statsu}} |\n' });
      const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
      expect(renderer.render('record', record)).toBe('# Use Postgres\n\nDate: \n|  |\n'); // rendered as before
      const [dat, statsu, ...more] = renderer.unknownFields('adr');
      expect(more).toEqual([]);
      expect(dat).toMatchObject({
        code: 'DG_TEMPLATE_FIELD',
        severity: 'warning',
        message: '{{dat}} renders empty: the adr plugin gives no field "dat" there',
        location: { file: join(overrides, 'record.hbs'), line: 3, column: 12 },
        hint: 'did you mean "date"? fields there: date, links, status, title (a field that may be left out is tested with {{#if …}})',
      });
      expect(dat!.excerpt).toContain('> 3 | Date: {{md dat}}');
      expect(statsu).toMatchObject({
        location: { line: 4, column: 10 },
        hint: expect.stringMatching(/^did you mean "status"\?/),
      });
    });

    it('checks fields inside blocks against the object there: an item, a block parameter, the parent, @root', async () => {
      const defaults = await dirWith({ 'record.hbs': '' });
      const overrides = await dirWith({
        'record.hbs': [
          '{{#each links}}{{md lable}}{{/each}}',
          '{{#each links as |link|}}{{link.traget}} {{../titel}}{{/each}}',
          '{{md @root.stauts}}',
          '{{#each lnks}}x{{/each}}',
        ].join('\n'),
      });
      const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
      renderer.render('record', record);
      const warnings = renderer.unknownFields('adr');
      expect(warnings.map((warning) => [warning.message, warning.location?.line, warning.hint?.split('?')[0]])).toEqual(
        [
          ['{{lable}} renders empty: the adr plugin gives no field "lable" there', 1, 'did you mean "label"'],
          ['{{link.traget}} renders empty: the adr plugin gives no field "traget" there', 2, 'did you mean "target"'],
          ['{{../titel}} renders empty: the adr plugin gives no field "titel" there', 2, 'did you mean "title"'],
          ['{{@root.stauts}} renders empty: the adr plugin gives no field "stauts" there', 3, 'did you mean "status"'],
          ['{{lnks}} renders empty: the adr plugin gives no field "lnks" there', 4, 'did you mean "links"'],
        ],
      );
    });

    it('stops at `{{dat}}` alone, a field or a helper that is neither, naming the fields there', async () => {
      for (const [defaults, overrides] of [
        [await dirWith({ 'record.hbs': '# {{title}}\n\nDate: {{dat}}\n' }), undefined],
        [await dirWith({ 'record.hbs': '' }), await dirWith({ 'record.hbs': '# {{title}}\n\nDate: {{dat}}\n' })],
      ]) {
        let error: unknown;
        try {
          createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides }).render('record', record);
        } catch (caught) {
          error = caught;
        }
        expect((error as DocgenError).message).toBe('template record.hbs failed: no field or helper "dat" here');
        expect((error as DocgenError).hint).toBe(
          'did you mean "date"? fields here: date, links, status, title; a field that may be left out is tested first: {{#if dat}}…{{/if}}',
        );
        expect((error as DocgenError).location).toMatchObject({
          file: join(overrides ?? defaults!, 'record.hbs'),
          line: 3,
          column: 7,
        });
      }
    });

    it('leaves optional fields, helpers, block parameters and data alone, and renders as the default would', async () => {
      const text = [
        '{{#if deprecated}}Deprecated{{/if}}{{#unless superseded}}current{{/unless}}',
        '{{default owner "nobody"}} {{or summary title}} {{#if (and deprecated status)}}x{{else if reason}}y{{/if}}',
        '{{#each links as |link index|}}{{index}}:{{@index}}:{{link.label}}:{{link.target}}{{#if @first}}!{{/if}}{{/each}}',
        '{{#with links.[0]}}{{label}} of {{../title}}{{/with}} {{upper title}} {{this.title}} {{@root.date}}',
        '{{contact.email}} {{#each links}}{{md target}}{{/each}} {{#each fields}}x{{/each}}{{#with owner}}{{name}}{{/with}}',
      ].join('\n');
      const defaults = await dirWith({ 'record.hbs': text });
      const overrides = await dirWith({ 'record.hbs': text });
      const checked = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
      const plain = createTemplateRenderer({ defaultsDir: defaults });
      const withContact = { ...record, contact: undefined };
      expect(checked.render('record', withContact)).toBe(plain.render('record', withContact));
      expect(checked.render('record', withContact)).toContain('0:0:Supersedes:0002!');
      // `target` is left out of the second link, and the contact is empty: neither is a misspelling.
      expect(checked.unknownFields('adr')).toEqual([]);
    });

    it('warns only where no render found the field: one page that has it is enough', async () => {
      const defaults = await dirWith({ 'record.hbs': '' });
      const overrides = await dirWith({ 'record.hbs': '{{md supersededBy}}' });
      const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
      renderer.render('record', record);
      expect(renderer.unknownFields()).toHaveLength(1);
      renderer.render('record', { ...record, supersededBy: '0009' });
      expect(renderer.unknownFields()).toEqual([]);
    });

    it("checks the user's partials, but never the plugin's own templates", async () => {
      const defaults = await dirWith({
        'record.hbs': '{{md dat}} {{> links}}',
        '_links.hbs': '{{#each links}}{{md lable}}{{/each}}',
      });
      expect(createTemplateRenderer({ defaultsDir: defaults }).unknownFields()).toEqual([]);
      const plain = createTemplateRenderer({ defaultsDir: defaults });
      plain.render('record', record);
      expect(plain.unknownFields()).toEqual([]);
      const overrides = await dirWith({ '_links.hbs': '{{#each links}}{{md lable}}{{/each}}' });
      const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
      renderer.render('record', record);
      expect(renderer.unknownFields().map((warning) => warning.location)).toEqual([
        { file: join(overrides, '_links.hbs'), line: 1, column: 21 },
      ]);
    });
  });

  it('says which template is missing', () => {
    expect(() => createTemplateRenderer({}).render('nope', {})).toThrow(/no template "nope.hbs"/);
  });

  it('escapes for Markdown tables, inline code and fences', () => {
    expect(escapeTableCell('a | b\n\nc')).toBe('a \\| b<br><br>c');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(codeFence('````', 'md')).toBe('`````md\n````\n`````');
  });

  it("keeps a description's Markdown list a list inside a table cell, nested by indentation", () => {
    // Bitbucket's "Available project permissions are:\n\n- PROJECT_READ\n- PROJECT_WRITE…"
    expect(escapeTableCell('Available permissions are:\n\n- PROJECT_READ\n- PROJECT_WRITE\n\nSee the docs.')).toBe(
      'Available permissions are:<ul><li>PROJECT_READ</li><li>PROJECT_WRITE</li></ul>See the docs.',
    );
    expect(escapeTableCell('One of:\n* `fast` | quick\n  1. first\n  2. then\n* slow\nwrapped on')).toBe(
      'One of:<ul><li>`fast` \\| quick<ol><li>first</li><li>then</li></ol></li><li>slow wrapped on</li></ul>',
    );
  });

  it("keeps a description's headings and rules headings and rules inside a table cell, not text run on", () => {
    // A storage cell holds blocks, as Confluence's editor writes them: `## Errors` showed as that text.
    expect(escapeTableCell('## Errors\nSee below.')).toBe('<h2>Errors</h2>See below.');
    expect(escapeTableCell('Retried twice.\n### Errors ###\nSee below.')).toBe(
      'Retried twice.<h3>Errors</h3>See below.',
    );
    // A setext heading: its paragraph's lines over a `===` or `---` line.
    expect(escapeTableCell('Refund policy\n-------------\n30 days.')).toBe('<h2>Refund policy</h2>30 days.');
    expect(escapeTableCell('Intro.\n\nLimits\nper key\n===\nSee them.')).toBe('Intro.<h1>Limits per key</h1>See them.');
    // A rule between paragraphs; after a list, `---` is a rule, not the list's underline.
    expect(escapeTableCell('Kept.\n***\nNever shown.')).toBe('Kept.<hr>Never shown.');
    expect(escapeTableCell('- a\n- b\n---\nAfter.')).toBe('<ul><li>a</li><li>b</li></ul><hr>After.');
    // So too with the list's lines joined with `<br>` (a Prisma `///` comment keeps its items' breaks so).
    expect(escapeTableCell('Values:<br>- draft<br>- sent\n---\nNotified.')).toBe(
      'Values:<br>- draft<br>- sent<hr>Notified.',
    );
    // In a code fence, and on a single line (a plain value: `# of retries`), they are as written.
    expect(escapeTableCell('```\n## not a heading\n```')).toBe('``` ## not a heading ```');
    expect(escapeTableCell('# of retries')).toBe('# of retries');
    // An empty heading (`#`) keeps the lines around it apart, as an empty heading.
    expect(escapeTableCell('a\n#\nb')).toBe('a<h1></h1>b');
    // Before a quote, too.
    expect(escapeTableCell('## Notes\n> Slow.')).toBe('<h2>Notes</h2><blockquote>Slow.</blockquote>');
    // In a code span over lines (a multipart part's value, `{{cell (code …)}}`), they are the code's.
    expect(escapeTableCell(inlineCode('#!/bin/sh\n# install deps\nnpm ci'))).toBe('`#!/bin/sh # install deps npm ci`');
    expect(escapeTableCell(inlineCode('name: x\n---\nname: y\n- z'))).toBe('`name: x --- name: y - z`');
    expect(escapeTableCell('Run `a\n# b` first.\n# Then')).toBe('Run `a # b` first.<h1>Then</h1>');
    // An escaped or unmatched backtick opens no span.
    expect(escapeTableCell('A \\` here\n# Then\nthe ` end')).toBe('A \\` here<h1>Then</h1>the ` end');
  });

  it("keeps an ordered list's first number in a table cell where it is not 1, as its numbering goes on", () => {
    // Stack Exchange's OAuth 2.0 scheme (APIs.guru's stackexchange.com.json): its steps 1 to 4, each
    // with a bullet list under it, were numbered 1, 1, 2, 1 (each ordered list after a bullet list anew).
    const steps = [
      '#The explicit OAuth 2.0 flow consists of the following steps:',
      '1. Send a user to https://stackexchange.com/oauth, with these query string parameters',
      '- client_id',
      '2. The user approves your app',
      '3. The user is redirected to redirect_uri',
      '- code',
      '4. POST the following parameters',
    ].join('\n');
    expect(escapeTableCell(steps)).toBe(
      '#The explicit OAuth 2.0 flow consists of the following steps:' +
        '<ol><li>Send a user to https://stackexchange.com/oauth, with these query string parameters</li></ol>' +
        '<ul><li>client_id</li></ul>' +
        '<ol start="2"><li>The user approves your app</li><li>The user is redirected to redirect_uri</li></ol>' +
        '<ul><li>code</li></ul>' +
        '<ol start="4"><li>POST the following parameters</li></ol>',
    );
  });

  it("keeps a description's block quote a quote inside a table cell, not text after a `>`", () => {
    // Adyen's field notes (adyen.com/NotificationConfigurationService.json, `hmacSignatureKey`):
    // the page showed ">Must be a 32-byte…" with its marker as text.
    expect(escapeTableCell('A string to salt.\n\n>Must be a 32-byte hex string.\n\nThe omission of it.')).toBe(
      'A string to salt.<blockquote>Must be a 32-byte hex string.</blockquote>The omission of it.',
    );
    // A quote interrupts a paragraph and runs on over its lazy lines, as CommonMark reads it.
    expect(escapeTableCell('Sent once.\n> **Note:** not\nretried | ever')).toBe(
      'Sent once.<blockquote>**Note:** not retried \\| ever</blockquote>',
    );
    expect(escapeTableCell('> Deprecated.')).toBe('<blockquote>Deprecated.</blockquote>');
    // A list item on the next line closes the quote (it is no lazy line); a quote after the list is one of its own.
    expect(escapeTableCell('> Slow.\n- a\n- b\n> Again.\n2. lazy')).toBe(
      '<blockquote>Slow.</blockquote><ul><li>a</li><li>b</li></ul><blockquote>Again. 2. lazy</blockquote>',
    );
    // So does a code fence, an ATX heading or a thematic break: only a paragraph's text is lazy.
    expect(escapeTableCell('> Call it so:\n```\ncurl -X POST\n```')).toBe(
      '<blockquote>Call it so:</blockquote>``` curl -X POST ```',
    );
    // The heading or the rule is a block of its own after the quote, not text run on with the next line.
    expect(escapeTableCell('> Slow.\n## Errors ##\nRetry.')).toBe(
      '<blockquote>Slow.</blockquote><h2>Errors</h2>Retry.',
    );
    expect(escapeTableCell('> Slow.\n***\nNext.')).toBe('<blockquote>Slow.</blockquote><hr>Next.');
    expect(escapeTableCell('> Slow.\n---\n\nNext.')).toBe('<blockquote>Slow.</blockquote><hr>Next.');
    // A comparison is no quote: `> 5 items`, `>=2`, a line of a longer text too.
    expect(escapeTableCell('> 5 items')).toBe('> 5 items');
    expect(escapeTableCell('>=2')).toBe('>=2');
    expect(escapeTableCell('Batch size.\n>= 2 sends in bulk.')).toBe('Batch size. >= 2 sends in bulk.');
  });

  it("keeps a fenced code block's lines code in a cell, as written: no list, no line break, in a list or a quote too", () => {
    expect(escapeTableCell('As YAML:\n```yaml\nlabels:\n  - urgent  \n```')).toBe(
      'As YAML: ```yaml labels:   - urgent   ```',
    );
    expect(escapeTableCell('- one\n  ```\n  - kept\n  ```\n- two')).toBe(
      '<ul><li>one   ```   - kept   ```</li><li>two</li></ul>',
    );
    expect(escapeTableCell('> Run:\n> ```\n> - x\n> ```')).toBe('<blockquote>Run: ``` - x ```</blockquote>');
    // A blank line inside the fence is the code's too, not a paragraph break's `<br><br>`.
    expect(escapeTableCell('Example:\n```json\n{\n\n  "a": 1\n}\n```\n\nAfter.')).toBe(
      'Example: ```json {    "a": 1 } ```<br><br>After.',
    );
  });

  it('keeps a hard line break a break in a cell, written as a backslash or as two spaces', () => {
    expect(escapeTableCell('First line.  \nSecond line.\\\nThird line.')).toBe(
      'First line.<br>Second line.<br>Third line.',
    );
    // One trailing space is no break, nor an escaped backslash; a last line's spaces are trimmed.
    expect(escapeTableCell('one \ntwo C:\\\\\nthree  ')).toBe('one two C:\\\\ three');
  });

  it('leaves text that only looks like a list as running text, as CommonMark reads it', () => {
    // An ordered marker other than 1 does not interrupt a paragraph; four spaces of indentation is no marker.
    expect(escapeTableCell('Added in\n2024. Removed later.')).toBe('Added in 2024. Removed later.');
    expect(escapeTableCell('keys start with\n     *        "jira.lf."')).toBe(
      'keys start with      *        "jira.lf."',
    );
    expect(escapeTableCell('*emphasis* at a line start\nand -1 means none')).toBe(
      '*emphasis* at a line start and -1 means none',
    );
  });
});
