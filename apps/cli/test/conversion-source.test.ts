/**
 * A conversion warning on a generated page is reported where its text was written: the real built
 * CLI (`npm run build` first) on a small spec whose descriptions link to `#anchors` the page does
 * not have (as Jira's info.description does), and on a Prisma schema whose `///` comment does. The
 * generated page and its Markdown line stay in the message, as context.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@docgen/test-support';

// Line numbers matter: the warnings are expected at them.
const YAML_SPEC = `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  description: |
    The shop's API.

    Read [the structure](#structure) first.
paths:
  /orders:
    get:
      tags: [orders]
      summary: List orders
      description: |
        Paged; see [paging](#pagination).
      responses:
        '200':
          description: OK
  /carts:
    get:
      tags: [orders]
      summary: List carts
      description: |
        Paged; see [paging](#pagination).
      responses:
        '200':
          description: OK
`;

// info.description a JSON string: the link is found in its escaped form, quotes and \\n included.
const JSON_SPEC = `{
  "openapi": "3.0.3",
  "info": {
    "title": "Shop",
    "version": "1.0",
    "description": "The shop's API.\\n\\nRead [the \\"structure\\"](#structure) first."
  },
  "paths": {}
}
`;

const PRISMA_SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A customer's order; its states are listed under [Status](#order-states).
model Order {
  id Int @id
}
`;

const DEAD_ANCHOR = 'no heading or anchor with that name on this page';

interface Warning {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docgen-conversion-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('conversion warnings of generated pages', () => {
  it("point at the spec's line and column (YAML), the page as context", async () => {
    const spec = write('shop.yaml', YAML_SPEC);
    const { code, stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'yaml'), '--no-cache']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning DG_CONVERT ${spec}:8:26: link to #structure: ${DEAD_ANCHOR} (page api/shop, line 3)\n  → link the section's full URL instead`,
    );
    // The same dead link in two operations: one block, the second place listed under it.
    expect(stderr.match(/link to #pagination/g)).toHaveLength(1);
    expect(stderr).toContain(
      `warning DG_CONVERT ${spec}:15:29: link to #pagination: ${DEAD_ANCHOR} (page api/shop/tag/orders, line 12; place 1 of 2 with this text)`,
    );
    expect(stderr).toContain(`\n  … and 1 more at ${spec}:24:29\n`);
    expect(stderr).not.toMatch(/DG_CONVERT: api\//);
  });

  it('--json carries the file, line and column of each', async () => {
    const spec = write('shop-json-report.yaml', YAML_SPEC);
    const { code, stdout } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'json'), '--json']);
    expect(code).toBe(0);
    const warnings = (JSON.parse(stdout) as { warnings: Warning[] }).warnings.filter((w) => w.code === 'DG_CONVERT');
    expect(warnings.map(({ file, line, column }) => [file, line, column])).toEqual([
      [spec, 8, 26],
      [spec, 15, 29],
      [spec, 24, 29],
    ]);
    expect(warnings[0]!.message).toMatch(/^link to #structure: .* \(page api\/shop, line \d+\)$/);
    expect(warnings[0]!.hint).toMatch(/^link the section's full URL instead/);
  });

  it('find the text of a JSON spec in its escaped form', async () => {
    const spec = write('shop.json', JSON_SPEC);
    const { code, stderr } = await runCli(['api', '--openapi', spec, '--out', join(dir, 'json-spec'), '--no-cache']);
    expect(code).toBe(0);
    expect(stderr).toContain(`warning DG_CONVERT ${spec}:6:65: link to #structure: ${DEAD_ANCHOR}`);
  });

  it("point at a Prisma schema's /// comment", async () => {
    const schema = write('schema.prisma', PRISMA_SCHEMA);
    const { code, stderr } = await runCli(['schema', '--prisma', schema, '--out', join(dir, 'prisma'), '--no-cache']);
    expect(code).toBe(0);
    expect(stderr).toContain(`warning DG_CONVERT ${schema}:6:62: link to #order-states: ${DEAD_ANCHOR} (page `);
    // The model's page shows the same comment: the same place in the schema, so its page is named.
    expect(stderr).toMatch(/\n {2}… and 1 more at data-model\/model\/order line \d+\n/);
  });
});
