import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { codeFence, createTemplateRenderer, DocgenError, escapeTableCell, inlineCode } from '@docgen/core';

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

  it('lets the user override one template (or one partial) and keeps the rest', async () => {
    const defaults = await dirWith({ 'page.hbs': 'default {{> row}}', '_row.hbs': 'row', 'other.hbs': 'other' });
    const overrides = await dirWith({ '_row.hbs': 'custom row' });
    const renderer = createTemplateRenderer({ defaultsDir: defaults, overridesDir: overrides });
    expect(renderer.render('page', {})).toBe('default custom row');
    expect(renderer.render('other', {})).toBe('other');
    expect(renderer.files()._row).toBe(join(overrides, '_row.hbs'));
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

  it('names the template and line of a missing helper at render time', async () => {
    const defaults = await dirWith({ 'page.hbs': 'ok\n{{shout title}}\n' });
    expect(() => createTemplateRenderer({ defaultsDir: defaults }).render('page', { title: 'x' })).toThrow(
      /page\.hbs failed: Missing helper: "shout"/,
    );
  });

  it('says which template is missing', () => {
    expect(() => createTemplateRenderer({}).render('nope', {})).toThrow(/no template "nope.hbs"/);
  });

  it('escapes for Markdown tables, inline code and fences', () => {
    expect(escapeTableCell('a | b\n\nc')).toBe('a \\| b<br><br>c');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(codeFence('````', 'md')).toBe('`````md\n````\n`````');
  });
});
