/**
 * Centred HTML blocks (handlers/html.ts): the line breaks a README's logo header spaces itself out
 * with on GitHub are left out at the block's very start and end, and nowhere else.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/index.js';

const storageOf = (markdown: string) => convertMarkdown(markdown, { resolveAttachment: (src) => src }).storage;

describe('centred HTML blocks', () => {
  it("leave out the breaks around a logo header's image (Chalk's README)", () => {
    const markdown =
      '<h1 align="center">\n\t<br>\n\t<br>\n\t<img width="320" src="logo.svg" alt="Chalk">\n\t<br>\n\t<br>\n\t<br>\n</h1>\n\n> Terminal string styling done right\n';
    expect(storageOf(markdown)).toBe(
      '<h1 style="text-align: center;"><ac:image ac:alt="Chalk" ac:width="320"><ri:attachment ri:filename="logo.svg" /></ac:image></h1>\n' +
        '<blockquote><p>Terminal string styling done right</p></blockquote>',
    );
  });

  it('keep the breaks between content, and a block of breaks only', () => {
    const markdown =
      '<p align="center"><br>\n<img src="logo.png"><br><br>\n<b>Tagline</b><br>\n<br></p>\n\n<p align="center"><br></p>\n';
    expect(storageOf(markdown)).toBe(
      '<p style="text-align: center;"><ac:image><ri:attachment ri:filename="logo.png" /></ac:image><br /><br /><strong>Tagline</strong></p>\n' +
        '<p style="text-align: center;"><br /></p>',
    );
  });

  it('leave out the lines of breaks a centred div opens and closes its Markdown with', () => {
    const markdown = '<div align="center">\n<br>\n\n**Fast** and small\n\n<br>\n<br>\n</div>\n';
    expect(storageOf(markdown)).toBe('<p style="text-align: center;"><strong>Fast</strong> and small</p>');
  });

  it('make the Markdown paragraphs of a logo header written around blank lines lines of the heading', () => {
    // GitHub shows a paragraph per line inside the heading; storage has no paragraph in a heading.
    const markdown = '<h1 align="center">\n\n![Logo](logo.png)\n\nMy **Project**\n\n</h1>\n\n[top](#my-project)\n';
    const { storage, warnings } = convertMarkdown(markdown, { resolveAttachment: (src) => src });
    expect(storage.split('\n')[0]).toBe(
      '<h1 style="text-align: center;"><ac:image ac:alt="Logo"><ri:attachment ri:filename="logo.png" /></ac:image><br />My <strong>Project</strong></h1>',
    );
    expect(storage).toContain('ac:anchor="MyProject"');
    expect(warnings).toEqual([]);
  });

  it('keep the breaks of a block that is not centred', () => {
    expect(storageOf('<p align="right"><br>right</p>\n\n<p><br>left<br></p>\n')).toBe(
      '<p style="text-align: right;"><br />right</p>\n<p><br />left<br /></p>',
    );
  });
});
