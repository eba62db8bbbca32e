/**
 * What text docgen did not write (an OpenAPI description, an ADR, a runbook note, a Prisma `///`
 * comment: Markdown with raw HTML allowed) can put into a Confluence page. Storage format runs
 * macros in the viewer (`html`, `iframe`, `widget`, `jira`), loads `ri:url` images and follows
 * links, so each vector below must come out as escaped text, or be left out with a warning, and
 * never as live storage markup: one row per vector, with the storage and warnings it must give.
 * Every row's output, and documents mixing the rows, are then read with a real XML parser and
 * checked element by element, attribute by attribute, URL by URL.
 */
import { describe, expect, it } from '@jest/globals';
import { SaxesParser } from 'saxes';
import { isUnsafeUrl } from '@docgen/core/url-safety';
import { convertMarkdown } from '@docgen/markdown-storage';
import { ALLOWED_MACROS, NAMESPACES } from './conformance/visible-text.js';

interface Vector {
  name: string;
  markdown: string;
  /** The storage it must convert to. */
  storage: string;
  /** What each warning must say, in order (after its `line N: `). */
  warnings: string[];
}

const VECTORS: Vector[] = [
  {
    name: 'html macro as raw HTML',
    markdown:
      '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro>',
    storage:
      '<p>&lt;ac:structured-macro ac:name="html"&gt;ac:plain-text-body&lt;/ac:plain-text-body&gt;&lt;/ac:structured-macro&gt;</p>',
    warnings: ['raw HTML <![CDATA[…]]> left out with its text "<script>alert(1)</script>"'],
  },
  {
    name: 'iframe macro in a paragraph',
    markdown:
      'See <ac:structured-macro ac:name="iframe"><ac:parameter ac:name="src">https://evil.example</ac:parameter></ac:structured-macro>',
    storage:
      '<p>See &lt;ac:structured-macro ac:name="iframe"&gt;&lt;ac:parameter ac:name="src"&gt;<a href="https://evil.example">https://evil.example</a>&lt;/ac:parameter&gt;&lt;/ac:structured-macro&gt;</p>',
    warnings: [],
  },
  {
    name: 'ri:url with a script URL',
    markdown: '<ac:image><ri:url ri:value="javascript:alert(1)"/></ac:image>',
    storage: '<p>ac:image&lt;ri:url ri:value="javascript:alert(1)"/&gt;&lt;/ac:image&gt;</p>',
    warnings: [],
  },
  {
    name: 'macro inside an HTML block',
    markdown: '<div>\n<ac:structured-macro ac:name="html">x</ac:structured-macro>\n</div>',
    storage: '<p>&lt;ac:structured-macro ac:name="html"&gt;x&lt;/ac:structured-macro&gt;</p>',
    warnings: ['raw HTML <ac:structured-macro> is not converted: shown as'],
  },
  {
    name: 'CDATA close in a code block',
    markdown: '```\nend ]]> <ac:structured-macro ac:name="html"/>\n```',
    storage:
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">none</ac:parameter><ac:plain-text-body><![CDATA[end ]]]]><![CDATA[> <ac:structured-macro ac:name="html"/>]]></ac:plain-text-body></ac:structured-macro>',
    warnings: [],
  },
  {
    name: 'CDATA close in a code span',
    markdown: 'Run `a ]]> b` now',
    storage: '<p>Run <code>a ]]&gt; b</code> now</p>',
    warnings: [],
  },
  {
    name: 'CDATA close in link text',
    markdown: '[a\\]\\]> b](https://ok.example)',
    storage: '<p><a href="https://ok.example">a]]&gt; b</a></p>',
    warnings: [],
  },
  {
    name: 'CDATA close in an anchor link',
    markdown: '# Setup\n\n[go\\]\\]> *there*](#setup)',
    storage:
      '<h1>Setup</h1>\n<p><ac:link ac:anchor="Setup"><ac:link-body>go]]&gt; <em>there</em></ac:link-body></ac:link></p>',
    warnings: [],
  },
  {
    name: 'CDATA section in text',
    markdown: 'x <![CDATA[<script>alert(1)</script>]]> y',
    storage: '<p>x  y</p>',
    warnings: ['raw HTML <![CDATA[…]]> left out with its text "<script>alert(1)</script>"'],
  },
  {
    name: 'XML comment',
    markdown: 'a <!-- <ac:structured-macro ac:name="html"/> --> b',
    storage: '<p>a  b</p>',
    warnings: [],
  },
  {
    name: 'processing instruction',
    markdown: 'a <?xml-stylesheet href="https://evil.example/x.xsl"?> b',
    storage: '<p>a  b</p>',
    warnings: [],
  },
  {
    name: 'DOCTYPE and entity',
    markdown: '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n\n&xxe; text',
    storage: '<p>]&gt;</p>\n<p>&amp;xxe; text</p>',
    warnings: [],
  },
  {
    name: 'namespaced attributes on a link',
    markdown: '<a ac:name="html" xmlns:ac="https://evil.example" href="https://ok.example">t</a>',
    storage: '<p><a href="https://ok.example">t</a></p>',
    warnings: [],
  },
  {
    name: 'event attributes',
    markdown:
      '<a href="https://ok.example" onclick="alert(1)">t</a> <img src="https://ok.example/a.png" onerror="alert(1)">',
    storage:
      '<p><a href="https://ok.example">t</a> <ac:image><ri:url ri:value="https://ok.example/a.png" /></ac:image></p>',
    warnings: [],
  },
  {
    name: 'style with url(javascript:)',
    markdown: '<p style="background:url(javascript:alert(1))">t</p>',
    storage: '<p>t</p>',
    warnings: [],
  },
  {
    name: 'style next to an alignment',
    markdown: '<p style="text-align: center; background-image: url(https://evil.example/t.png)">t</p>',
    storage: '<p style="text-align: center;">t</p>',
    warnings: [],
  },
  {
    name: 'raw link with a script URL',
    markdown: '<a href="javascript:alert(1)">t</a>',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'script URL hidden by a tab entity',
    markdown: '<a href="java&#x09;script:alert(1)">t</a>',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (java\tscript:alert(1)) written as plain'],
  },
  {
    name: 'script URL hidden by entities',
    markdown: '<a href="&#x6A;avascript&colon;alert(1)">t</a>',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'Markdown link with a script URL',
    markdown: '[t](javascript:alert(1))',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'reference link with a script URL',
    markdown: '[t][r]\n\n[r]: JavaScript:alert(1)',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (JavaScript:alert(1)) written as plain'],
  },
  {
    name: 'vbscript link',
    markdown: '[t](vbscript:msgbox)',
    storage: '<p>t</p>',
    warnings: ['link to an unsafe URL (vbscript:msgbox) written as plain'],
  },
  {
    name: 'data: image in Markdown',
    markdown: '![pic](data:image/svg+xml;base64,PHN2Zz4=)',
    storage: '<p>pic</p>',
    warnings: ['image with an unsafe URL (data:image/svg+xml;base64,PHN2Zz4=)'],
  },
  {
    name: 'data: image in HTML',
    markdown: '<img src="data:text/html,<script>alert(1)</script>" alt="pic">',
    storage: '<p>pic</p>',
    warnings: ['image with an unsafe URL (data:text/html,<script>alert(1)</script>)'],
  },
  {
    name: 'file: image',
    markdown: '![pic](file:///etc/passwd)',
    storage: '<p>pic</p>',
    warnings: ['image with an unsafe URL (file:///etc/passwd)'],
  },
  {
    name: 'form',
    markdown: '<form action="https://evil.example"><input name="p" type="password"></form>',
    storage: '<p>&lt;form action="https://evil.example"&gt;&lt;/form&gt;</p>',
    warnings: [
      'raw HTML <form> is not converted: shown as',
      'raw HTML <input type="password"> left out: a form control has nothing',
    ],
  },
  {
    name: 'object',
    markdown: '<object data="javascript:alert(1)">fallback</object>',
    storage: '<p>javascript:alert(1) fallback</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'embed',
    markdown: '<embed src="javascript:alert(1)">',
    storage: '<p>javascript:alert(1)</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'iframe with a data: source',
    markdown: '<iframe src="data:text/html,x"></iframe>',
    storage: '<p>data:text/html,x</p>',
    warnings: ['link to an unsafe URL (data:text/html,x) written as plain'],
  },
  {
    name: 'iframe with srcdoc',
    markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    storage: '',
    warnings: ['<iframe> without a source left out: there is nothing to link'],
  },
  {
    name: 'svg with a script',
    markdown: '<svg><script>alert(1)</script></svg>',
    storage: '<p>alert(1)</p>',
    warnings: ['inline <svg> left out: attach the SVG file and show it as an image'],
  },
  {
    name: 'math',
    markdown: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">c</maction></math>',
    storage:
      '<p>&lt;math&gt;&lt;maction actiontype="statusline" xlink:href="javascript:alert(1)"&gt;c&lt;/maction&gt;&lt;/math&gt;</p>',
    warnings: ['raw HTML <math> is not converted: shown as', 'raw HTML <maction> is not converted: shown as'],
  },
  {
    name: 'script element',
    markdown: '<script>alert(1)</script>',
    storage: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    warnings: ['raw HTML <script> is not converted: shown as'],
  },
  {
    name: 'base, meta and link',
    markdown: '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    storage:
      '<p>&lt;base href="https://evil.example/"&gt;&lt;meta http-equiv="refresh" content="0;url=https://evil.example"&gt;</p>',
    warnings: ['raw HTML <base> is not converted: shown as', 'raw HTML <meta> is not converted: shown as'],
  },
  {
    name: 'in a table cell',
    markdown: '| a | b |\n| --- | --- |\n| <ac:structured-macro ac:name="html"/> | <a href="javascript:x">t</a> |',
    storage:
      '<table><tbody><tr><th>a</th><th>b</th></tr><tr><td>&lt;ac:structured-macro ac:name="html"/&gt;</td><td>t</td></tr></tbody></table>',
    warnings: ['link to an unsafe URL (javascript:x) written as plain'],
  },
  {
    name: 'in a heading',
    markdown: '## <ac:structured-macro ac:name="html"/> <a href="javascript:x" onclick="y">t</a>',
    storage: '<h2>&lt;ac:structured-macro ac:name="html"/&gt; t</h2>',
    warnings: ['link to an unsafe URL (javascript:x) written as plain'],
  },
  {
    name: 'CDATA close in plain anchor link text',
    markdown: '# Setup\n\n[go\\]\\]> there](#setup)',
    storage: '<h1>Setup</h1>\n<p><ac:link ac:anchor="Setup"><ac:link-body>go]]&gt; there</ac:link-body></ac:link></p>',
    warnings: [],
  },
  {
    name: 'in link text',
    markdown: '[<img src="x" onerror="alert(1)"> <b>t</b>](https://ok.example)',
    storage: '<p><a href="https://ok.example"><ac:image><ri:url ri:value="x" /></ac:image> <strong>t</strong></a></p>',
    warnings: ['image x is relative but not an attachment of this page: it will not'],
  },
  {
    name: 'in image alt text',
    markdown: '![<ac:structured-macro ac:name="html"/> \\]\\]>](https://ok.example/a.png "t")',
    storage:
      '<p><ac:image ac:alt="&lt;ac:structured-macro ac:name=&quot;html&quot;/&gt; ]]&gt;" ac:title="t"><ri:url ri:value="https://ok.example/a.png" /></ac:image></p>',
    warnings: [],
  },
  {
    name: 'in an image title',
    markdown: '![a](https://ok.example/a.png "]]><ac:x/>")',
    storage:
      '<p><ac:image ac:alt="a" ac:title="]]&gt;&lt;ac:x/&gt;"><ri:url ri:value="https://ok.example/a.png" /></ac:image></p>',
    warnings: [],
  },
  {
    name: 'in a footnote',
    markdown: 'x[^1]\n\n[^1]: <a href="javascript:x">t</a> ]]> <ac:structured-macro ac:name="html"/>',
    storage:
      '<p>x<sup><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">footnote-ref-1</ac:parameter></ac:structured-macro><ac:link ac:anchor="footnote-1"><ac:plain-text-link-body><![CDATA[1]]></ac:plain-text-link-body></ac:link></sup></p>\n<hr />\n<ol><li><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">footnote-1</ac:parameter></ac:structured-macro><p>t ]]&gt; &lt;ac:structured-macro ac:name="html"/&gt; <ac:link ac:anchor="footnote-ref-1"><ac:plain-text-link-body><![CDATA[↩]]></ac:plain-text-link-body></ac:link></p></li></ol>',
    warnings: ['link to an unsafe URL (javascript:x) written as plain'],
  },
  {
    name: 'in a details summary',
    markdown: '<details><summary>]]><script>x</script></summary>body</details>',
    storage:
      '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">]]&gt;&lt;script&gt;x&lt;/script&gt;</ac:parameter><ac:rich-text-body><p>body</p></ac:rich-text-body></ac:structured-macro>',
    warnings: ['raw HTML <script> is not converted: shown as'],
  },
  {
    name: 'in a code fence title',
    markdown: '```js title="]]><ac:structured-macro ac:name=\'html\'/>"\ncode\n```',
    storage:
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">javascript</ac:parameter><ac:parameter ac:name="title">]]&gt;&lt;ac:structured-macro ac:name=\'html\'/&gt;</ac:parameter><ac:plain-text-body><![CDATA[code]]></ac:plain-text-body></ac:structured-macro>',
    warnings: [],
  },
  {
    name: 'in an anchor name',
    markdown: '<a id="x&quot;/><ac:structured-macro ac:name=&quot;html&quot;>">t</a>',
    storage:
      '<p><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">x"/&gt;&lt;ac:structured-macro ac:name="html"&gt;</ac:parameter></ac:structured-macro>t</p>',
    warnings: [],
  },
  {
    name: 'in a status label',
    markdown: ':status[]]><b>x</b>]{colour=Red}',
    storage:
      '<p><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Grey</ac:parameter><ac:parameter ac:name="title"></ac:parameter></ac:structured-macro>]&gt;<strong>x</strong>]{colour=Red}</p>',
    warnings: [],
  },
  {
    name: 'an embed shortcode with a script URL',
    markdown: '{% embed url="javascript:alert(1)" %}',
    storage: '<p>javascript:alert(1)</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'a Hugo link with a script URL',
    markdown: '{{< glossary_tooltip text="x" url="javascript:alert(1)" >}}',
    storage: '<p>x</p>',
    warnings: ['link to an unsafe URL (javascript:alert(1)) written as plain'],
  },
  {
    name: 'a panel colour carrying CSS',
    markdown: ':::panel{bgColor="red;background-image:url(https://evil.example/t.png)"}\nbody\n:::',
    storage:
      '<ac:structured-macro ac:name="panel"><ac:rich-text-body><p>body</p></ac:rich-text-body></ac:structured-macro>',
    warnings: ['panel parameter'],
  },
  {
    name: 'a panel border carrying CSS',
    markdown:
      ':::panel{borderStyle="solid;position:fixed" borderWidth="1;top:0" titleColor="expression(alert(1))"}\nbody\n:::',
    storage:
      '<ac:structured-macro ac:name="panel"><ac:rich-text-body><p>body</p></ac:rich-text-body></ac:structured-macro>',
    warnings: [
      'panel parameter borderStyle="solid;position:fixed" left out: not one',
      'panel parameter borderWidth="1;top:0" left out: not one width in',
      'panel parameter titleColor="expression(alert(1))" left out: not one',
    ],
  },
  {
    name: 'a toc style carrying CSS',
    markdown: '::toc{style="none;background:url(https://evil.example/t.png)" maxLevel=2}',
    storage:
      '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>',
    warnings: ['toc parameter style="none;background:url(https://evil.example/t.png)"'],
  },
  {
    name: 'plain panel colours kept',
    markdown: ':::panel{bgColor="#fffae6" borderColor="rgb(1, 2, 3)" borderStyle=dashed borderWidth=2}\nbody\n:::',
    storage:
      '<ac:structured-macro ac:name="panel"><ac:parameter ac:name="bgColor">#fffae6</ac:parameter><ac:parameter ac:name="borderColor">rgb(1, 2, 3)</ac:parameter><ac:parameter ac:name="borderStyle">dashed</ac:parameter><ac:parameter ac:name="borderWidth">2</ac:parameter><ac:rich-text-body><p>body</p></ac:rich-text-body></ac:structured-macro>',
    warnings: [],
  },
  {
    name: 'escaped markup stays text',
    markdown: '&lt;ac:structured-macro ac:name="html"/&gt; &#60;script&#62;',
    storage: '<p>&lt;ac:structured-macro ac:name="html"/&gt; &lt;script&gt;</p>',
    warnings: [],
  },
  {
    name: 'XML-forbidden characters',
    markdown: 'a\u0000b\bc\uFFFE\uD800d',
    storage: '<p>a\uFFFDbcd</p>',
    warnings: [],
  },
];

/** The elements and attributes the converter writes: anything else in its output came from content. */
const ELEMENTS = new Set([
  'root',
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'code',
  'sub',
  'sup',
  'u',
  'span',
  'a',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tbody',
  'tr',
  'th',
  'td',
  'ac:structured-macro',
  'ac:parameter',
  'ac:plain-text-body',
  'ac:rich-text-body',
  'ac:link',
  'ac:plain-text-link-body',
  'ac:link-body',
  'ac:image',
  'ri:url',
  'ri:page',
  'ri:attachment',
  'ac:task-list',
  'ac:task',
  'ac:task-status',
  'ac:task-body',
]);
const ATTRIBUTES = new Set([
  'href',
  'title',
  'style',
  'colspan',
  'rowspan',
  'start',
  'ac:name',
  'ac:anchor',
  'ac:alt',
  'ac:title',
  'ac:width',
  'ac:height',
  'ri:value',
  'ri:content-title',
  'ri:filename',
]);
const URL_ATTRIBUTES = new Set(['href', 'ri:value']);
/** The one style the converter writes: an alignment, from a fixed list. */
const ALIGNMENT = /^text-align: (?:left|center|right|justify);$/;
/** Macros that only media the converter built itself may become (a YouTube or Vimeo watch page). */
const MACROS = new Set([...ALLOWED_MACROS, 'widget']);

/** Macro parameters Confluence writes into a style attribute: one CSS value each, never a declaration. */
const STYLE_PARAMETERS = new Set([
  'bgColor',
  'borderColor',
  'titleBGColor',
  'titleColor',
  'borderStyle',
  'borderWidth',
  'style',
  'class',
]);
const CSS_DECLARATION = /[;:{}]|url\(|expression\(/i;

/** Everything in the storage that could act in Confluence's viewer, if any, and whether it is well-formed XML. */
function liveMarkup(storage: string): string[] {
  const found: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => found.push(`not well-formed: ${error.message}`));
  parser.on('doctype', () => found.push('a DOCTYPE'));
  parser.on('processinginstruction', (pi) => found.push(`processing instruction ${pi.target}`));
  parser.on('comment', () => found.push('a comment'));
  let styleParameter: string | undefined;
  parser.on('text', (text) => {
    if (styleParameter && CSS_DECLARATION.test(text)) found.push(`parameter ${styleParameter}="${text}"`);
  });
  parser.on('closetag', () => {
    styleParameter = undefined;
  });
  parser.on('opentag', (tag) => {
    if (!ELEMENTS.has(tag.name)) found.push(`element <${tag.name}>`);
    const parameter = tag.name === 'ac:parameter' ? tag.attributes['ac:name']?.value : undefined;
    styleParameter = parameter && STYLE_PARAMETERS.has(parameter) ? parameter : undefined;
    for (const [name, { value }] of Object.entries(tag.attributes)) {
      if (name.startsWith('xmlns')) continue; // the wrapper's declarations
      if (!ATTRIBUTES.has(name)) found.push(`attribute ${name} on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(name) && isUnsafeUrl(value)) found.push(`${name}="${value}"`);
      if (name === 'style' && !ALIGNMENT.test(value)) found.push(`style="${value}"`);
      if (tag.name === 'ac:structured-macro' && name === 'ac:name' && !MACROS.has(value)) found.push(`macro ${value}`);
    }
  });
  try {
    parser.write(`<root ${NAMESPACES}>${storage}</root>`).close();
  } catch (error) {
    found.push(`not well-formed: ${(error as Error).message}`);
  }
  return found;
}

/** Each warning as the row expects it: the expected text where the warning holds it, else the whole warning. */
function matchedWarnings(warnings: string[], expected: string[]): string[] {
  return warnings.map((warning, index) => (warning.includes(expected[index] ?? '\0') ? expected[index]! : warning));
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('content injection into storage', () => {
  it.each(VECTORS)('$name', ({ markdown, storage, warnings }) => {
    const result = convertMarkdown(markdown);
    expect(result.storage).toBe(storage);
    expect(matchedWarnings(result.warnings, warnings)).toEqual(warnings);
    expect(liveMarkup(result.storage)).toEqual([]);
  });

  it('lets no live markup through in 400 documents mixing the vectors, in tables, lists, quotes and links', () => {
    const next = random(20261128);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
    const wrappers = [
      (md: string) => md,
      (md: string) => `| a |\n| --- |\n| ${md.replace(/\n/g, ' ')} |`,
      (md: string) => `- ${md.replace(/\n/g, '\n  ')}`,
      (md: string) => `> ${md.replace(/\n/g, '\n> ')}`,
      (md: string) => `[${md.replace(/\n/g, ' ')}](https://ok.example)`,
      (md: string) => `## ${md.replace(/\n/g, ' ')}`,
      (md: string) => `<details><summary>${md.replace(/\n/g, ' ')}</summary>\n\n${md}\n\n</details>`,
    ];
    const failures: string[] = [];
    for (let index = 0; index < 400; index += 1) {
      const parts = Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(wrappers)(pick(VECTORS).markdown));
      const markdown = parts.join(pick(['', ' ', '\n', '\n\n']));
      const live = liveMarkup(convertMarkdown(markdown).storage);
      if (live.length) failures.push(`${JSON.stringify(markdown)}\n  → ${live.join('; ')}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
