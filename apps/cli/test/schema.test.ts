/** `docgen schema`: the real CLI on the example's Prisma schema, and on a broken one. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

const scratch = mkdtempSync(join(tmpdir(), 'docgen-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docgen schema', () => {
  it("renders the example shop's schema: an overview, one page per model, the enums, with storage", async () => {
    const out = join(scratch, 'shop');
    const schema = join(repoRoot, 'examples', 'acme-shop', 'prisma', 'schema.prisma');
    const result = await runCli(['schema', '--prisma', schema, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { pageCount: number; warnings: unknown[] };
    const models = [...readFileSync(schema, 'utf8').matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!);
    expect(report.pageCount).toBe(models.length + 2);
    expect(report.warnings).toEqual([]);
    const overview = readFileSync(join(out, 'data-model.storage.xhtml'), 'utf8');
    // Every model is linked from the overview as a Confluence page link.
    for (const model of models) expect(overview).toContain(`<ri:page ri:content-title="Data model: ${model}" />`);
    expect(overview).toContain(
      '<ac:image ac:alt="Entity-relationship diagram of the models and their relations"><ri:attachment ri:filename="erd.svg" /></ac:image>',
    );
    expect(readFileSync(join(out, 'attachments', 'data-model', 'erd.svg'), 'utf8')).toContain('>Order</text>');
    const order = readFileSync(join(out, 'data-model__model__order.storage.xhtml'), 'utf8');
    expect(order).toContain('<ac:link ac:anchor="enum-orderstatus"><ri:page ri:content-title="Data model: Enums" />');
    expect(readFileSync(join(out, 'data-model__enums.storage.xhtml'), 'utf8')).toContain(
      '<ac:parameter ac:name="">enum-orderstatus</ac:parameter>',
    );
  }, 60_000);

  it("a broken schema: exit 1 with file:line, Prisma's reason and a hint; nothing written", async () => {
    const out = join(scratch, 'broken');
    const result = await runCli([
      'schema',
      '--prisma',
      join(repoRoot, 'packages', 'source-prisma', 'test', 'fixtures', 'invalid.prisma'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error DG_PRISMA_INVALID');
    expect(result.stderr).toContain('invalid.prisma:7');
    expect(result.stderr).toContain('Strin');
    expect(result.stderr).toContain('prisma validate');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("a Prisma Next contract: exit 1 saying what the file is and to pass the Prisma ORM schema, with Prisma's errors; nothing written", async () => {
    const contract = join(scratch, 'contract.prisma');
    writeFileSync(
      contract,
      ['// use prisma-next', '', 'model Event {', '  id   Int      @id', '  tags String[]', '}', ''].join('\n'),
    );
    const out = join(scratch, 'next');
    const result = await runCli(['schema', '--prisma', contract, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error DG_PRISMA_NOT_A_SCHEMA ${contract}:1: contract.prisma is a Prisma Next contract`,
    );
    expect(result.stderr).toContain("pass --prisma the project's Prisma ORM schema (schema.prisma)");
    // Prisma's own words are kept below.
    expect(result.stderr).toContain("Prisma ORM's parser reports:");
    expect(result.stderr).toContain("can't be a list");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('counts one model as one model', async () => {
    const schema = join(scratch, 'one.prisma');
    writeFileSync(schema, 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id Int @id\n}\n');
    const result = await runCli(['schema', '--prisma', schema, '--out', join(scratch, 'one'), '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/wrote 2 pages \(1 model[,)]/);
  }, 60_000);
  it('a big multi-file schema: one diagram per file, attached and shown under its file on the overview', async () => {
    const folder = join(scratch, 'areas');
    mkdirSync(folder);
    writeFileSync(join(folder, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
    // Two areas of 15 models, each model pointing to its area's first; the billing one to a Workspace.
    const area = (prefix: string, owner?: string) =>
      Array.from({ length: 15 }, (_, i) =>
        i === 0
          ? `model ${prefix}0 {\n  id Int @id\n${Array.from({ length: 14 }, (_, j) => `  r${j + 1} ${prefix}${j + 1}[]`).join('\n')}\n${owner ? `  ownerId Int\n  owner ${owner} @relation(fields: [ownerId], references: [id])\n` : '  invoices Invoice0[]\n'}}`
          : `model ${prefix}${i} {\n  id Int @id\n  headId Int\n  head ${prefix}0 @relation(fields: [headId], references: [id])\n}`,
      ).join('\n');
    writeFileSync(join(folder, 'workspace.prisma'), area('Workspace'));
    writeFileSync(join(folder, 'billing.prisma'), area('Invoice', 'Workspace0'));
    const out = join(scratch, 'areas-out');
    // Published to the embedded sandbox: the areas' diagrams on the overview, each model's on its page.
    const argv = ['schema', '--prisma', folder, '--out', out, '--no-cache', '--publish'];
    const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };
    const result = await runCli(argv, { cwd: folder, env });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Done: 31 created/);
    expect(readdirSync(join(out, 'attachments', 'data-model')).sort()).toEqual([
      'erd-billing.svg',
      'erd-workspace.svg',
    ]);
    const billing = readFileSync(join(out, 'attachments', 'data-model', 'erd-billing.svg'), 'utf8');
    expect(billing).toContain('>Invoice14</text>');
    expect(billing).toContain('>Workspace0</text>'); // the model it points to, in the other file
    expect(billing).not.toContain('>Workspace1</text>');
    const overview = readFileSync(join(out, 'data-model.storage.xhtml'), 'utf8');
    expect(overview).toContain(
      '<ac:image ac:alt="Entity-relationship diagram of billing.prisma (15 models)"><ri:attachment ri:filename="erd-billing.svg" /></ac:image>',
    );
    expect(readFileSync(join(out, 'attachments', 'data-model__model__invoice3', 'erd.svg'), 'utf8')).toContain(
      '>Invoice0</text>',
    );
    // The same schema again: the same diagrams, byte for byte, so nothing is uploaded again.
    const again = await runCli(argv, { cwd: folder, env });
    expect(again.stdout + again.stderr).toMatch(/Done: 0 created, 0 updated, 31 unchanged.*0 writes/);
  }, 120_000);

  it('one file of a multi-file schema: the type it lacks is named in the file beside it, with the folder to pass', async () => {
    const folder = join(scratch, 'split', 'prisma', 'schema');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'main.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
    writeFileSync(join(folder, 'user.prisma'), 'model User {\n  id    Int    @id\n  posts Post[]\n}\n');
    writeFileSync(
      join(folder, 'post.prisma'),
      'model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n',
    );
    const result = await runCli(['schema', '--prisma', 'prisma/schema/user.prisma', '--no-cache', '--json'], {
      cwd: join(scratch, 'split'),
    });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 3 } });
    expect(error.hint).toMatch(
      /^`Post` \(user\.prisma:3\) is declared in post\.prisma beside it: a schema of several files is read from their folder: pass --prisma prisma\/schema,/,
    );
    expect(error.hint).not.toContain('is declared nowhere');
  });
});

describe('docgen schema --prisma of a schema the config lists', () => {
  it('its folder (prisma/ for prisma/schema.prisma) renders the pages the config does, not a retitled second set', async () => {
    const example = join(repoRoot, 'examples', 'acme-shop');
    const pages = async (input: string) => {
      const out = join(scratch, `listed-${input.replace(/\W/g, '-')}`);
      const result = await runCli(['schema', '--prisma', input, '--out', out, '--no-cache', '--json'], {
        cwd: example,
      });
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).pages.map((page: { key: string; title: string }) => [page.key, page.title]);
    };
    const ofFile = await pages('prisma/schema.prisma');
    expect(ofFile[0]).toEqual(['data-model', 'Acme Shop data model']); // the config's title
    expect(await pages('prisma')).toEqual(ofFile);
    // The same pages, word for word ("from prisma/schema.prisma"): a publish of either changes nothing.
    const overview = (input: string) =>
      readFileSync(join(scratch, `listed-${input.replace(/\W/g, '-')}`, 'data-model.md'), 'utf8');
    expect(overview('prisma')).toBe(overview('prisma/schema.prisma'));
  }, 60_000);
});

describe("docgen schema: a field's documentation in its table cell", () => {
  /** The storage page of the one model of a schema (`body`: the model's lines), written with no warning. */
  const modelStorage = async (model: string, body: string[]): Promise<string> => {
    const name = model.toLowerCase();
    const schema = join(scratch, `cells-${name}.prisma`);
    const lines = ['datasource db {', '  provider = "postgresql"', '}', '', `model ${model} {`];
    writeFileSync(schema, [...lines, ...body.map((line) => `  ${line}`), '}', ''].join('\n'));
    const out = join(scratch, `cells-${name}`);
    const result = await runCli(['schema', '--prisma', schema, '--out', out, '--no-cache', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([]);
    return readFileSync(join(out, `data-model__model__${name}.storage.xhtml`), 'utf8');
  };

  it('a heading or a rule that ends a quote is a heading and a rule in the cell, not text', async () => {
    const account = await modelStorage('Account', [
      'id    Int    @id',
      '/// > Deprecated: use `email`.',
      '/// ### Format',
      '/// Lower case.',
      'login String',
      '/// > Checked on save.',
      '/// ***',
      '/// Unique per workspace.',
      'email String',
    ]);
    // A storage cell holds blocks (Confluence's editor puts headings and rules in cells too).
    expect(account).toContain(
      '<td><blockquote><p>Deprecated: use <code>email</code>.</p></blockquote><h3>Format</h3><p>Lower case.</p></td>',
    );
    expect(account).toContain(
      '<td><blockquote><p>Checked on save.</p></blockquote><hr /><p>Unique per workspace.</p></td>',
    );
  }, 60_000);

  it('an ATX or setext heading and a rule are a heading and a rule in the cell, not text', async () => {
    const order = await modelStorage('Order', [
      'id     Int    @id',
      '/// Where the order is.',
      '/// ## Transitions',
      '/// pending, then paid, then shipped.',
      'state  String',
      '/// Refund policy',
      '/// -------------',
      '/// 30 days from delivery.',
      'refund String',
      '/// Kept for audit.',
      '/// ***',
      '/// Never shown to buyers.',
      'note   String',
      '/// Paid.',
      '/// #',
      '/// Shipped.',
      'paid   String',
    ]);
    expect(order).toContain(
      '<td><p>Where the order is.</p><h2>Transitions</h2><p>pending, then paid, then shipped.</p></td>',
    );
    expect(order).toContain('<td><h2>Refund policy</h2><p>30 days from delivery.</p></td>');
    expect(order).toContain('<td><p>Kept for audit.</p><hr /><p>Never shown to buyers.</p></td>');
    // An empty heading shows nothing, but the lines around it stay apart.
    expect(order).toContain('<td><p>Paid.</p><p>Shipped.</p></td>');
  }, 60_000);

  it('a `---` under a list is a rule after the list, not the list as a heading', async () => {
    const invoice = await modelStorage('Invoice', [
      'id     Int    @id',
      '/// Values:',
      '/// - draft',
      '/// - sent',
      '/// ---',
      '/// Changing it notifies the customer.',
      'state  String',
    ]);
    expect(invoice).toContain(
      '<td><p>Values:<br />- draft<br />- sent</p><hr /><p>Changing it notifies the customer.</p></td>',
    );
  }, 60_000);
});

describe('docgen schema with the config in package.json', () => {
  it('with no prisma source, the hint gives the source as JSON for package.json’s "docgen", where YAML would break the file', async () => {
    const project = mkdtempSync(join(scratch, 'package-json-'));
    const pkg = {
      name: 'ledger',
      version: '1.0.0',
      docgen: { sources: [{ plugin: 'adr', options: { dir: 'docs/adr' } }] },
    };
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const result = await runCli(['schema', '--json'], { cwd: project });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error).toMatchObject({ code: 'DG_NO_SOURCES', message: 'package.json has no source for this command' });
    expect(error.hint).toBe(
      'pass --prisma <schema.prisma>, or add `{ "plugin": "prisma", "options": { "schema": "prisma/schema.prisma" } }` to "sources" in the "docgen" object of package.json',
    );
    // Doing so works: package.json is still JSON, and the source is found.
    mkdirSync(join(project, 'prisma'));
    writeFileSync(join(project, 'prisma', 'schema.prisma'), 'model Account {\n  id Int @id\n}\n');
    const source = JSON.parse(/`(\{.*\})`/.exec(error.hint)![1]!);
    pkg.docgen.sources.push(source);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    expect((await runCli(['schema', '--out', 'docs-out', '--no-cache'], { cwd: project })).code).toBe(0);
  }, 60_000);
});
