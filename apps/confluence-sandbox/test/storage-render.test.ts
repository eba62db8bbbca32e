import { describe, expect, it } from '@jest/globals';
import { renderStorage, type RenderContext } from '../src/ui/storage-render.js';
import { parseCql } from '../src/cql/parse.js';
import { checkStorageXhtml } from '../src/xhtml.js';

const ctx: RenderContext = {
  spaceKey: 'DEV',
  resolvePage: (title, space) => (title === 'Known' && space === 'DEV' ? 42 : undefined),
  attachmentUrl: (filename) => (filename === 'here.png' ? '/ui/attachments/1/here.png' : undefined),
  children: () => [{ id: 7, title: 'Child <One>' }],
  pageUrl: (id) => `/ui/pages/${id}`,
};
const html = (storage: string) => renderStorage(storage, ctx).html;

describe('storage rendering', () => {
  it('keeps HTML named entities and CDATA text', () => {
    expect(html('<p>a&nbsp;b &amp; &copy;</p>')).toBe('<p>a\u00a0b &amp; \u00a9</p>');
    expect(
      html(
        '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x &nbsp; <y>]]></ac:plain-text-body></ac:structured-macro>',
      ),
    ).toContain('x &amp;nbsp; &lt;y&gt;');
  });

  it('escapes text and drops unsafe links and attributes', () => {
    const out = html(
      '<p onclick="evil()"><a href="javascript:alert(1)">x</a><span style="x">&lt;script&gt;</span></p>',
    );
    expect(out).toBe('<p><a>x</a><span>&lt;script&gt;</span></p>');
  });

  it('resolves page links, marks unresolved ones and missing attachments', () => {
    expect(html('<ac:link><ri:page ri:content-title="Known"/></ac:link>')).toBe(
      '<a class="page-link" href="/ui/pages/42">Known</a>',
    );
    expect(
      html(
        '<ac:link ac:anchor="Part Two"><ri:page ri:content-title="Known"/><ac:link-body><em>go</em></ac:link-body></ac:link>',
      ),
    ).toBe('<a class="page-link" href="/ui/pages/42#PartTwo"><em>go</em></a>');
    expect(html('<ac:link><ri:page ri:content-title="Gone"/></ac:link>')).toContain('class="unresolved-link"');
    expect(html('<ac:image><ri:attachment ri:filename="gone.png"/></ac:image>')).toContain('attachment not found');
    expect(html('<ac:image ac:width="100"><ri:attachment ri:filename="here.png"/></ac:image>')).toBe(
      '<img class="confluence-image" src="/ui/attachments/1/here.png" alt="here.png" width="100">',
    );
  });

  it('renders status, children, unknown macros and layouts', () => {
    expect(
      html(
        '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">down</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter></ac:structured-macro>',
      ),
    ).toBe('<span class="status status-red status-subtle">DOWN</span>');
    expect(html('<ac:structured-macro ac:name="children"/>')).toBe(
      '<ul class="children-macro"><li><a href="/ui/pages/7">Child &lt;One&gt;</a></li></ul>',
    );
    expect(
      html('<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter></ac:structured-macro>'),
    ).toContain('Macro <code>jira</code> is not rendered');
    expect(
      html(
        '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>a</p></ac:layout-cell></ac:layout-section></ac:layout>',
      ),
    ).toBe(
      '<div class="layout"><div class="layout-section layout-two_equal"><div class="layout-cell"><p>a</p></div></div></div>',
    );
  });

  it('numbers code lines from firstline, and from 1 when firstline is not a number', () => {
    const code = (firstline: string) =>
      html(
        `<ac:structured-macro ac:name="code"><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:parameter ac:name="firstline">${firstline}</ac:parameter><ac:plain-text-body><![CDATA[a\nb]]></ac:plain-text-body></ac:structured-macro>`,
      );
    expect(code('7')).toContain('<pre class="code-gutter" aria-hidden="true">7\n8</pre>');
    expect(code('seven')).toContain('<pre class="code-gutter" aria-hidden="true">1\n2</pre>');
  });

  it('gives headings unique ids and a toc', () => {
    const out = renderStorage('<ac:structured-macro ac:name="toc"/><h1>Intro</h1><h2>Intro</h2>', ctx);
    expect(out.headings.map((h) => h.id)).toEqual(['Intro', 'Intro.1']);
    expect(out.html).toContain('<h2 id="Intro.1">Intro</h2>');
    expect(out.html).toContain('<a href="#Intro.1">Intro</a>');
  });
});

describe('CQL parser', () => {
  it('parses precedence, lists, negation and ordering', () => {
    expect(
      parseCql(
        'space = DEV and (title ~ "a b" or label in (x, "y z")) and not type = attachment order by title desc, created',
      ),
    ).toEqual({
      where: {
        kind: 'and',
        left: {
          kind: 'and',
          left: { kind: 'clause', field: 'space', operator: '=', values: ['DEV'] },
          right: {
            kind: 'or',
            left: { kind: 'clause', field: 'title', operator: '~', values: ['a b'] },
            right: { kind: 'clause', field: 'label', operator: 'in', values: ['x', 'y z'] },
          },
        },
        right: { kind: 'not', operand: { kind: 'clause', field: 'type', operator: '=', values: ['attachment'] } },
      },
      orderBy: [
        { field: 'title', direction: 'desc' },
        { field: 'created', direction: 'asc' },
      ],
    });
  });

  it('names the problem in its error', () => {
    expect(() => parseCql('title = "open')).toThrow(
      'Could not parse cql : title = "open (unterminated string starting at 8)',
    );
    expect(() => parseCql('title "x"')).toThrow(/expected an operator after 'title'/);
  });
});

describe('storage XHTML check', () => {
  it('reports row and column like Confluence', () => {
    expect(() => checkStorageXhtml('<p>ok</p>\n<p><b>x</p>')).toThrow(
      /^Error parsing xhtml: .*\n at \[row,col \{unknown-source\}\]: \[2,\d+\]$/,
    );
    expect(() => checkStorageXhtml('<p>ok</p>')).not.toThrow();
    expect(() => checkStorageXhtml('')).not.toThrow();
  });

  it('shows an included page in place (with its own links), and says when it is missing or already shown', () => {
    const include = (title: string) =>
      `<ac:structured-macro ac:name="include"><ac:parameter ac:name=""><ac:link><ri:page ri:content-title="${title}"/></ac:link></ac:parameter></ac:structured-macro>`;
    const pages: Record<string, { id: number; storage: string }> = {
      Known: { id: 42, storage: '<p>Shared <strong>steps</strong></p>' },
      Loop: { id: 43, storage: `<p>Before</p>${include('Loop')}` },
    };
    const including: RenderContext = {
      ...ctx,
      includedPage: (title, space) =>
        pages[title] && space === 'DEV' ? { ...pages[title], context: including } : undefined,
    };
    const render = (storage: string) => renderStorage(storage, including).html;
    expect(render(include('Known'))).toBe(
      '<div class="include"><p class="include-source">Included from <a class="page-link" href="/ui/pages/42">Known</a></p><p>Shared <strong>steps</strong></p></div>',
    );
    expect(render(include('Nowhere'))).toContain('The included page could not be found: Nowhere');
    const loop = render(include('Loop'));
    expect(loop.match(/<p>Before<\/p>/g)).toHaveLength(1);
    expect(loop).toContain('Not shown again: the page is already included above.');
  });

  it("links a Widget Connector's media, with its size, since the sandbox cannot play it", () => {
    const out = html(
      '<ac:structured-macro ac:name="widget"><ac:parameter ac:name="url"><ri:url ri:value="https://www.youtube.com/watch?v=aBc&amp;t=4s" /></ac:parameter><ac:parameter ac:name="width">560</ac:parameter><ac:parameter ac:name="height">315</ac:parameter></ac:structured-macro>',
    );
    expect(out).toBe(
      '<div class="widget">▶ Embedded media (560×315): <a href="https://www.youtube.com/watch?v=aBc&amp;t=4s">https://www.youtube.com/watch?v=aBc&amp;t=4s</a></div>',
    );
  });
});
