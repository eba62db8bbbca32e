import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { decodeHTMLStrict } from 'entities';
import hljs from 'highlight.js';

/** What the renderer needs to know about the page's surroundings. */
export interface RenderContext {
  spaceKey: string;
  /** Page id for a title (in this or another space), or undefined when no such page exists. */
  resolvePage(title: string, spaceKey: string): number | undefined;
  /** URL of an attachment of the page (or of another page by title), or undefined if missing. */
  attachmentUrl(filename: string, pageTitle?: string, spaceKey?: string): string | undefined;
  /** Child pages of the page (or of one of its descendants, by id), for the `children` macro. */
  children(parentId?: number): Array<{ id: number; title: string }>;
  pageUrl(id: number): string;
  /**
   * The current storage of a page by title, with the context to render it in (its own
   * attachments and children), for the `include` macro; undefined when no such page exists.
   */
  includedPage?(title: string, spaceKey: string): { id: number; storage: string; context: RenderContext } | undefined;
}

/** The most levels of descendants the `children` macro lists (`all=true`). */
const MAX_CHILDREN_LEVELS = 20;

/** How deep includes nest before the sandbox stops, as Confluence stops a page including itself. */
const MAX_INCLUDE_DEPTH = 5;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain XHTML elements rendered as themselves (after attribute filtering). */
const passThrough = new Set([
  'p',
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
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'br',
  'hr',
  'span',
  'div',
  'small',
  'big',
  'kbd',
  'cite',
  'q',
  'dl',
  'dt',
  'dd',
  'caption',
  'abbr',
  'mark',
]);
const voidElements = new Set(['br', 'hr', 'col', 'img']);
const safeAttributes = new Set([
  'colspan',
  'rowspan',
  'title',
  'alt',
  'id',
  'class',
  'data-highlight-colour',
  'datetime',
]);

/**
 * The inline styles storage uses for formatting Confluence shows (strikethrough, text colour,
 * alignment, indentation), each with the values it may take: a page's other styles, and any value
 * that could load something (`url(…)`), are dropped.
 */
const safeStyles: Record<string, RegExp> = {
  'text-decoration': /^(line-through|underline|none)$/,
  'text-align': /^(left|center|right|justify)$/,
  color: /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i,
  'background-color': /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i,
  'border-color': /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i,
  'border-style': /^(solid|dashed|dotted|double|none)$/,
  'border-width': /^\d+px$/,
  'margin-left': /^\d+(\.\d+)?(px|em)$/,
  'padding-left': /^\d+(\.\d+)?(px|em)$/,
};

/** A style attribute of these declarations (unset ones left out), with the values `safeStyles` allows only. */
function styleAttribute(declarations: Record<string, string | undefined>): string {
  const written = Object.entries(declarations)
    .filter(([, value]) => value)
    .map(([property, value]) => `${property}: ${value}`)
    .join(';');
  const style = safeStyle(written);
  return style ? ` style="${escapeHtml(style)}"` : '';
}

/** The declarations of `style` the preview keeps (see `safeStyles`), or undefined for none. */
function safeStyle(style: string): string | undefined {
  const kept = style
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([property, value, ...rest]) => {
      const allowed = property ? safeStyles[property.toLowerCase()] : undefined;
      return allowed && value !== undefined && rest.length === 0 && allowed.test(value);
    })
    .map(([property, value]) => `${property!.toLowerCase()}: ${value};`);
  return kept.length ? kept.join(' ') : undefined;
}

const codeLanguages: Record<string, string | null> = {
  'html/xml': 'xml',
  html: 'xml',
  xml: 'xml',
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  sh: 'bash',
  shell: 'bash',
  'c#': 'csharp',
  vb: 'vbnet',
  visualbasic: 'vbnet',
  docker: 'dockerfile',
  sass: 'scss',
  javafx: 'java',
  actionscript3: null,
  coldfusion: null,
  toml: 'ini',
  none: null,
  text: null,
  plain: null,
  c: 'c',
  'c++': 'cpp',
};

const emoticons: Record<string, string> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  thumbs_up: '👍',
  'thumbs-up': '👍',
  thumbs_down: '👎',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  'red-star': '⭐',
  'green-star': '⭐',
  'blue-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

const panelIcons: Record<string, string> = { info: 'ℹ', note: '✎', warning: '⚠', tip: '✓', panel: '' };

/**
 * Storage XHTML uses HTML's named entities, which an XML parser does not know; turn them into
 * numeric references first (outside CDATA, where they are literal text).
 */
function numericEntities(storage: string): string {
  return storage
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/&([A-Za-z][A-Za-z0-9]*);/g, (all, name: string) => {
            if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) return all;
            const decoded = decodeHTMLStrict(all);
            return decoded === all ? all : [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
          }),
    )
    .join('');
}

const isElement = (node: AnyNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

function childElements(node: Element, name?: string): Element[] {
  return node.children.filter((c): c is Element => isElement(c) && (!name || c.name === name));
}

function textOf(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'cdata') {
    if (node.type === 'cdata') return (node as unknown as { children: AnyNode[] }).children.map(textOf).join('');
    return (node as unknown as { data: string }).data;
  }
  if ('children' in node) return (node.children as AnyNode[]).map(textOf).join('');
  return '';
}

function parameters(macro: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of childElements(macro, 'ac:parameter')) out[param.attribs['ac:name'] ?? ''] = textOf(param).trim();
  return out;
}

/**
 * The id Confluence gives an anchor: its name with the whitespace removed (a heading's anchor is
 * its text so stripped, "Getting Started" → `GettingStarted`); case is kept. Links name anchors
 * the same way, so `ac:anchor="GettingStarted"` lands on that heading.
 */
function anchorId(name: string): string {
  return name.replace(/\s+/g, '');
}

function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(https?:|mailto:|#|\/)/i.test(href) ? href : undefined;
}

/**
 * A quantified group holding a quantifier or alternatives (`(a+)+`, `(a|a)*`): such a pattern can
 * backtrack for minutes on a short heading, and the page is untrusted input rendered on the thread
 * that serves the API.
 */
const NESTED_QUANTIFIER = /\([^)]*[+*}|][^)]*\)[)\s]*[+*{]/;

/**
 * The toc macro's `include`/`exclude`: a regular expression the whole heading text must match;
 * none if it does not compile or could backtrack without end.
 */
function headingPattern(source: string | undefined): RegExp | undefined {
  if (!source || NESTED_QUANTIFIER.test(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return undefined;
  }
}

/** What a flat toc puts before, between and after its headings: Confluence's named separators, or the text given. */
function flatSeparators(separator: string): [string, string, string] {
  const named: Record<string, [string, string, string]> = {
    brackets: ['[ ', ' ] [ ', ' ]'],
    braces: ['{ ', ' } { ', ' }'],
    parens: ['( ', ' ) ( ', ' )'],
    pipe: ['', ' | ', ''],
  };
  return named[separator] ?? ['', separator, ''];
}

export interface RenderedPage {
  html: string;
  headings: Array<{ level: number; text: string; id: string }>;
}

/** Storage format → the HTML a reader sees, the way Confluence renders the common macros. */
export function renderStorage(storage: string, ctx: RenderContext, including: number[] = []): RenderedPage {
  const document = parseDocument(`<ac:root>${numericEntities(storage)}</ac:root>`, {
    xmlMode: true,
    recognizeCDATA: true,
    decodeEntities: true,
  });
  const headings: RenderedPage['headings'] = [];
  const usedIds = new Set<string>();
  const headingId = (text: string) => {
    // A repeated heading is `GettingStarted.1`, `.2`…, as Confluence names it.
    const base = anchorId(text) || 'section';
    let id = base;
    for (let n = 1; usedIds.has(id); n++) id = `${base}.${n}`;
    usedIds.add(id);
    return id;
  };
  // First pass: headings, for ids and the toc macro.
  const collect = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (/^h[1-6]$/.test(node.name)) {
      const text = textOf(node);
      headings.push({ level: Number(node.name[1]), text, id: headingId(text) });
    }
    node.children.forEach(collect);
  };
  document.children.forEach(collect);
  let headingIndex = 0;

  const renderChildren = (node: Element | { children: AnyNode[] }): string => node.children.map(render).join('');

  const render = (node: AnyNode): string => {
    if (node.type === 'text') return escapeHtml((node as unknown as { data: string }).data);
    if (node.type === 'cdata') return escapeHtml(textOf(node));
    if (!isElement(node)) return '';
    const name = node.name;
    if (name === 'ac:root') return renderChildren(node);
    if (/^h[1-6]$/.test(name)) {
      const heading = headings[headingIndex++];
      return `<${name} id="${escapeHtml(heading?.id ?? anchorId(textOf(node)))}">${renderChildren(node)}</${name}>`;
    }
    if (name === 'a') {
      const href = safeHref(node.attribs.href);
      return `<a${href ? ` href="${escapeHtml(href)}"` : ''}>${renderChildren(node)}</a>`;
    }
    if (name === 'img') {
      const src = safeHref(node.attribs.src);
      return src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.attribs.alt ?? '')}">` : '';
    }
    if (name === 'time') return `<time>${escapeHtml(node.attribs.datetime ?? textOf(node))}</time>`;
    if (passThrough.has(name)) {
      const style = node.attribs.style === undefined ? undefined : safeStyle(node.attribs.style);
      // `start`: an ordered list numbered on, as Markdown steps split by a code block are.
      const attributes = Object.entries({ ...node.attribs, style })
        .filter(
          ([key, value]) =>
            value !== undefined &&
            (safeAttributes.has(key) || key === 'style' || (key === 'start' && name === 'ol' && /^\d+$/.test(value))),
        )
        .map(([key, value]) => ` ${key}="${escapeHtml(value!)}"`)
        .join('');
      if (voidElements.has(name)) return `<${name}${attributes}>`;
      const wrapped = `<${name}${attributes}>${renderChildren(node)}</${name}>`;
      return name === 'table' ? `<div class="table-wrap">${wrapped}</div>` : wrapped;
    }
    switch (name) {
      case 'ac:structured-macro':
      case 'ac:macro':
        return renderMacro(node);
      case 'ac:task-list':
        return renderTaskList(node);
      case 'ac:image':
        return renderImage(node);
      case 'ac:link':
        return renderLink(node);
      case 'ac:emoticon':
        return `<span class="emoticon" title="${escapeHtml(node.attribs['ac:name'] ?? '')}">${emoticons[node.attribs['ac:name'] ?? ''] ?? '🙂'}</span>`;
      case 'ac:layout':
        return `<div class="layout">${renderChildren(node)}</div>`;
      case 'ac:layout-section':
        return `<div class="layout-section layout-${escapeHtml(node.attribs['ac:type'] ?? 'single')}">${renderChildren(node)}</div>`;
      case 'ac:layout-cell':
        return `<div class="layout-cell">${renderChildren(node)}</div>`;
      case 'ac:placeholder':
      case 'ac:parameter':
        return '';
      case 'ac:inline-comment-marker':
        return `<span class="inline-comment">${renderChildren(node)}</span>`;
      case 'ac:rich-text-body':
      case 'ac:task-body':
        return renderChildren(node);
      case 'ac:plain-text-body':
        return `<pre>${escapeHtml(textOf(node))}</pre>`;
      default:
        return `<span class="unknown-element" title="${escapeHtml(name)}">${renderChildren(node)}</span>`;
    }
  };

  const body = (macro: Element): string => {
    const rich = childElements(macro, 'ac:rich-text-body')[0];
    if (rich) return renderChildren(rich);
    const plain = childElements(macro, 'ac:plain-text-body')[0];
    return plain ? `<p>${escapeHtml(textOf(plain))}</p>` : '';
  };

  const renderMacro = (macro: Element): string => {
    const macroName = macro.attribs['ac:name'] ?? '';
    const params = parameters(macro);
    switch (macroName) {
      case 'code':
      case 'noformat':
        return renderCode(macro, params, macroName === 'noformat');
      case 'info':
      case 'note':
      case 'warning':
      case 'tip':
      case 'panel': {
        const titleStyle = styleAttribute({ 'background-color': params.titleBGColor, color: params.titleColor });
        const title = params.title ? `<p class="panel-title"${titleStyle}>${escapeHtml(params.title)}</p>` : '';
        const icon =
          panelIcons[macroName] && params.icon !== 'false'
            ? `<span class="panel-icon" aria-hidden="true">${panelIcons[macroName]}</span>`
            : '';
        const style = styleAttribute({
          'background-color': params.bgColor,
          'border-color': params.borderColor,
          'border-style': params.borderStyle,
          'border-width': /^\d+$/.test(params.borderWidth ?? '') ? `${params.borderWidth}px` : params.borderWidth,
        });
        return `<div class="panel panel-${macroName}" role="note"${style}>${icon}<div class="panel-body">${title}${body(macro)}</div></div>`;
      }
      case 'expand':
        return `<details class="expand"><summary>${escapeHtml(params.title || 'Click here to expand...')}</summary><div class="expand-body">${body(macro)}</div></details>`;
      case 'status': {
        const colour = (params.colour || params.color || 'Grey').toLowerCase();
        const subtle = params.subtle === 'true' ? ' status-subtle' : '';
        return `<span class="status status-${escapeHtml(colour)}${subtle}">${escapeHtml((params.title || colour).toUpperCase())}</span>`;
      }
      case 'toc':
        return renderToc(params);
      case 'children': {
        // Confluence lists the direct children; `depth` asks for more levels, `all=true` for every level.
        const levels = params.all === 'true' ? MAX_CHILDREN_LEVELS : Math.max(1, Math.trunc(Number(params.depth)) || 1);
        const items = childList(undefined, Math.min(levels, MAX_CHILDREN_LEVELS));
        return `<ul class="children-macro">${items || '<li class="empty">No child pages</li>'}</ul>`;
      }
      case 'anchor':
        return `<a class="anchor" id="${escapeHtml(anchorId(params[''] || params.name || ''))}"></a>`;
      case 'include':
        return renderInclude(macro);
      case 'widget':
        return renderWidget(params, childElements(macro, 'ac:parameter'));
      case 'excerpt':
        // A hidden excerpt is for the pages that include it: Confluence does not show it on its own page.
        return params.hidden === 'true' ? '' : `<div class="excerpt">${body(macro)}</div>`;
      case 'section':
      case 'column':
        return `<div class="${macroName}">${body(macro)}</div>`;
      default:
        return `<div class="macro-placeholder">Macro <code>${escapeHtml(macroName)}</code> is not rendered by the sandbox${body(macro) ? `<div>${body(macro)}</div>` : ''}</div>`;
    }
  };

  // The headings between minLevel and maxLevel whose text `include` matches and `exclude` does not,
  // as a list or (type=flat) in a line between separators.
  const renderToc = (params: Record<string, string>): string => {
    const min = Number(params.minLevel || 1);
    const max = Number(params.maxLevel || 6);
    const include = headingPattern(params.include);
    const exclude = headingPattern(params.exclude);
    const shown = headings.filter(
      (h) => h.level >= min && h.level <= max && (!include || include.test(h.text)) && !exclude?.test(h.text),
    );
    const link = (h: RenderedPage['headings'][number]) => `<a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`;
    if (params.type === 'flat') {
      const [open, between, close] = flatSeparators(params.separator || 'brackets');
      return `<nav class="toc toc-flat">${escapeHtml(open)}${shown.map(link).join(escapeHtml(between))}${escapeHtml(close)}</nav>`;
    }
    const items = shown.map((h) => `<li class="toc-level-${h.level}">${link(h)}</li>`).join('');
    return `<nav class="toc"><ul>${items}</ul></nav>`;
  };

  const childList = (parentId: number | undefined, levels: number): string =>
    ctx
      .children(parentId)
      .map((child) => {
        const nested = levels > 1 ? childList(child.id, levels - 1) : '';
        return `<li><a href="${ctx.pageUrl(child.id)}">${escapeHtml(child.title)}</a>${nested ? `<ul>${nested}</ul>` : ''}</li>`;
      })
      .join('');

  // Confluence shows the included page's body in place; a missing page or a loop is said, not hidden.
  const renderInclude = (macro: Element): string => {
    const page = childElements(childElements(macro, 'ac:parameter')[0] ?? macro, 'ac:link')
      .flatMap((link) => childElements(link, 'ri:page'))
      .at(0);
    const title = page?.attribs['ri:content-title'] ?? '';
    const spaceKey = page?.attribs['ri:space-key'] ?? ctx.spaceKey;
    const included = title ? ctx.includedPage?.(title, spaceKey) : undefined;
    if (!included)
      return `<div class="macro-placeholder include-missing">The included page could not be found: ${escapeHtml(title || '(no page named)')}</div>`;
    const source = `<p class="include-source">Included from <a class="page-link" href="${ctx.pageUrl(included.id)}">${escapeHtml(title)}</a></p>`;
    if (including.includes(included.id) || including.length >= MAX_INCLUDE_DEPTH)
      return `<div class="macro-placeholder include-loop">${source}<p>Not shown again: the page is already included above.</p></div>`;
    const nested = renderStorage(included.storage, included.context, [...including, included.id]);
    return `<div class="include">${source}${nested.html}</div>`;
  };

  // The Widget Connector plays the video in Confluence; the sandbox has no network, so it links to it.
  const renderWidget = (params: Record<string, string>, parameterElements: Element[]): string => {
    const urlParameter = parameterElements.find((parameter) => parameter.attribs['ac:name'] === 'url');
    const url = safeHref(
      (urlParameter && childElements(urlParameter, 'ri:url')[0]?.attribs['ri:value']) || params.url || undefined,
    );
    if (!url) return `<div class="macro-placeholder">Widget with no URL</div>`;
    const size = params.width && params.height ? ` (${escapeHtml(params.width)}×${escapeHtml(params.height)})` : '';
    return `<div class="widget">▶ Embedded media${size}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></div>`;
  };

  const renderCode = (macro: Element, params: Record<string, string>, noformat: boolean): string => {
    const code = textOf(
      childElements(macro, 'ac:plain-text-body')[0] ?? ({ type: 'text', data: '' } as unknown as AnyNode),
    );
    const requested = (params.language || '').toLowerCase();
    const mapped = requested in codeLanguages ? codeLanguages[requested] : requested;
    const language = !noformat && mapped && hljs.getLanguage(mapped) ? mapped : undefined;
    const highlighted = language ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeHtml(code);
    const title = params.title ? `<div class="code-title">${escapeHtml(params.title)}</div>` : '';
    const lines = highlighted.split('\n');
    // A firstline that is not a number (a typo, a template left unfilled) numbers from 1, not NaN.
    const firstline = Number.parseInt(params.firstline ?? '', 10);
    const first = Number.isFinite(firstline) ? firstline : 1;
    const gutter =
      params.linenumbers === 'true'
        ? `<pre class="code-gutter" aria-hidden="true">${lines.map((_, i) => first + i).join('\n')}</pre>`
        : '';
    const pre = `<pre class="code-pre"><code class="hljs${language ? ` language-${language}` : ''}">${highlighted}</code></pre>`;
    const block = `<div class="code-block${noformat ? ' noformat' : ''}" data-language="${escapeHtml(requested || 'none')}">${title}<div class="code-content">${gutter}${pre}</div></div>`;
    return params.collapse === 'true'
      ? `<details class="expand"><summary>${escapeHtml(params.title || 'Expand source')}</summary>${block}</details>`
      : block;
  };

  // A nested list is stored as a sibling `ac:task-list` after its parent task: shown inside that task.
  const renderTaskList = (list: Element): string => {
    const items: string[] = [];
    for (const child of childElements(list)) {
      if (child.name === 'ac:task') items.push(renderTask(child));
      else if (child.name === 'ac:task-list') {
        const nested = renderTaskList(child);
        const parent = items.pop();
        items.push(parent ? parent.replace(/<\/li>$/, `${nested}</li>`) : `<li class="task">${nested}</li>`);
      }
    }
    return `<ul class="task-list">${items.join('')}</ul>`;
  };

  const renderTask = (task: Element): string => {
    const status = textOf(childElements(task, 'ac:task-status')[0] ?? task).trim();
    const done = status === 'complete';
    const bodyNode = childElements(task, 'ac:task-body')[0];
    return `<li class="task${done ? ' task-done' : ''}"><input type="checkbox" disabled${done ? ' checked' : ''}> <span>${bodyNode ? renderChildren(bodyNode) : ''}</span></li>`;
  };

  const renderImage = (image: Element): string => {
    const alt = image.attribs['ac:alt'] ?? image.attribs['ac:title'] ?? '';
    // Confluence shows an image's title on hover.
    const title = image.attribs['ac:title'] ? ` title="${escapeHtml(image.attribs['ac:title'])}"` : '';
    const size = ['ac:width', 'ac:height']
      .filter((key) => /^\d+$/.test(image.attribs[key] ?? ''))
      .map((key) => ` ${key.slice(3)}="${image.attribs[key]}"`)
      .join('');
    const attachment = childElements(image, 'ri:attachment')[0];
    if (attachment) {
      const filename = attachment.attribs['ri:filename'] ?? '';
      const owner = childElements(attachment, 'ri:page')[0];
      const url = ctx.attachmentUrl(filename, owner?.attribs['ri:content-title'], owner?.attribs['ri:space-key']);
      if (!url)
        return `<span class="missing-attachment" title="Missing attachment">🖼 ${escapeHtml(filename)} (attachment not found)</span>`;
      return `<img class="confluence-image" src="${escapeHtml(url)}" alt="${escapeHtml(alt || filename)}"${title}${size}>`;
    }
    const external = childElements(image, 'ri:url')[0]?.attribs['ri:value'];
    const src = safeHref(external);
    if (src) return `<img class="confluence-image" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${title}${size}>`;
    // Confluence shows a broken image (a relative path, a script URL): say which, not nothing.
    return external
      ? `<span class="missing-attachment" title="Image not shown">🖼 ${escapeHtml(alt || 'Image')} (${escapeHtml(external)}: not an address the page can load)</span>`
      : '';
  };

  const renderLink = (link: Element): string => {
    const anchor = link.attribs['ac:anchor'];
    const plainBody = childElements(link, 'ac:plain-text-link-body')[0];
    const richBody = childElements(link, 'ac:link-body')[0];
    const label = (fallback: string) =>
      richBody ? renderChildren(richBody) : plainBody ? escapeHtml(textOf(plainBody)) : escapeHtml(fallback);
    const page = childElements(link, 'ri:page')[0];
    if (page) {
      const title = page.attribs['ri:content-title'] ?? '';
      const spaceKey = page.attribs['ri:space-key'] ?? ctx.spaceKey;
      const id = ctx.resolvePage(title, spaceKey);
      if (id === undefined)
        return `<a class="unresolved-link" title="Page not found: ${escapeHtml(title)}">${label(title)}</a>`;
      return `<a class="page-link" href="${ctx.pageUrl(id)}${anchor ? `#${escapeHtml(anchorId(anchor))}` : ''}">${label(title)}</a>`;
    }
    const attachment = childElements(link, 'ri:attachment')[0];
    if (attachment) {
      const filename = attachment.attribs['ri:filename'] ?? '';
      // A file of another page names that page inside (`<ri:attachment><ri:page …/></ri:attachment>`).
      const owner = childElements(attachment, 'ri:page')[0];
      const url = ctx.attachmentUrl(filename, owner?.attribs['ri:content-title'], owner?.attribs['ri:space-key']);
      return url
        ? `<a href="${escapeHtml(url)}">${label(filename)}</a>`
        : `<a class="unresolved-link">${label(filename)}</a>`;
    }
    const url = safeHref(childElements(link, 'ri:url')[0]?.attribs['ri:value']);
    if (url) return `<a href="${escapeHtml(url)}">${label(url)}</a>`;
    const user = childElements(link, 'ri:user')[0];
    if (user)
      return `<span class="user-mention">@${escapeHtml(user.attribs['ri:account-id'] ?? user.attribs['ri:username'] ?? 'user')}</span>`;
    if (anchor) return `<a href="#${escapeHtml(anchorId(anchor))}">${label(anchor)}</a>`;
    return label('link');
  };

  return { html: render(document.children[0]!), headings };
}
