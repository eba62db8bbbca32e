/**
 * Storage XHTML → Markdown, for reading a page (and a human's edits to it) in a terminal or a
 * diff: `docgen confluence get --markdown`. It writes the Markdown docgen itself accepts —
 * directives for panels, status, toc, anchors — so converting the result back gives the same
 * storage for everything docgen produces. Unknown macros become a `<!-- macro: name -->` note.
 */
import { type Element, type Node, parseStorage } from './normalize.js';

const isElement = (node: Node): node is Element => 'name' in node;
const attribute = (element: Element, name: string) => element.attributes.find(([key]) => key === name)?.[1];

function parameters(macro: Element): Map<string, string> {
  const values = new Map<string, string>();
  for (const child of macro.children) {
    if (isElement(child) && child.name === 'ac:parameter')
      values.set(attribute(child, 'ac:name') ?? '', plainText(child.children));
  }
  return values;
}

function childNamed(element: Element, name: string): Element | undefined {
  return element.children.find((child): child is Element => isElement(child) && child.name === name);
}

function plainText(nodes: Node[]): string {
  return nodes.map((node) => (isElement(node) ? plainText(node.children) : node.text)).join('');
}

/** Backslash-escape what Markdown (and directives) would read as syntax. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~!$]/g, '\\$&') // `$`: TeX math delimiters
    .replace(/&/g, '&amp;')
    .replace(/(^|[\s\p{P}])(:)(?=[A-Za-z])/gu, '$1\\$2')
    .replace(/[ \t\r\n]+/g, ' ');
}

function escapeLineStart(line: string): string {
  return line
    .replace(
      /^(\s*)([#+\-=>]|\d+[.)])/,
      (_m, space: string, marker: string) => `${space}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`,
    )
    .replace(/^(\s*)(?=:::|\?\?\?)/, '$1\\'); // `::: tip`, `??? note`: admonitions, not text
}

function attributeValue(value: string): string {
  return `"${value.replace(/"/g, '&quot;')}"`;
}

function directiveAttributes(values: Map<string, string>, skip: string[] = []): string {
  const pairs = [...values]
    .filter(([key]) => key && !skip.includes(key))
    .map(([key, value]) => `${key}=${attributeValue(value)}`);
  return pairs.length ? `{${pairs.join(' ')}}` : '';
}

function fence(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

function inline(nodes: Node[]): string {
  return nodes.map((node, index) => (isLineBreak(node) ? lineBreak(nodes[index + 1]) : inlineNode(node))).join('');
}

const isLineBreak = (node: Node) => isElement(node) && node.name === 'br';

/**
 * A line break: Markdown's `\` at a line's end, but where that cannot say it, the `<br>` it is:
 * ending the content (a hard break must be followed by text) or before a space (which Markdown
 * drops at a line's start).
 */
function lineBreak(next: Node | undefined): string {
  if (next === undefined || (!isElement(next) && /^\s/.test(next.text))) return '<br>';
  return '\\\n';
}

function wrap(marker: string, content: string): string {
  const trimmed = content.trim();
  if (!trimmed) return content;
  const lead = content.startsWith(' ') ? ' ' : '';
  const tail = content.endsWith(' ') ? ' ' : '';
  return `${lead}${marker}${trimmed}${marker}${tail}`;
}

function inlineNode(node: Node): string {
  if (!isElement(node)) return escapeText(node.text);
  switch (node.name) {
    case 'strong':
      return wrap('**', inline(node.children));
    case 'em':
    case 'cite':
      return wrap('*', inline(node.children));
    case 'span':
      return attribute(node, 'style')?.includes('line-through')
        ? wrap('~~', inline(node.children))
        : inline(node.children);
    case 'code': {
      const text = plainText(node.children);
      const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
      const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
      return `${ticks}${pad}${text}${pad}${ticks}`;
    }
    case 'br':
      return '\\\n';
    case 'u':
    case 'sup':
    case 'sub':
    case 'small':
    case 'big':
      return `<${node.name}>${inline(node.children)}</${node.name}>`;
    case 'a': {
      const href = attribute(node, 'href') ?? '';
      const title = attribute(node, 'title');
      return `[${inline(node.children)}](<${href}>${title ? ` ${attributeValue(title)}` : ''})`;
    }
    case 'ac:link':
      return link(node);
    case 'ac:image':
      return image(node);
    case 'ac:structured-macro':
      return inlineMacro(node);
    default:
      return inline(node.children);
  }
}

function link(node: Element): string {
  const anchor = attribute(node, 'ac:anchor');
  const page = childNamed(node, 'ri:page');
  const file = childNamed(node, 'ri:attachment');
  const body = childNamed(node, 'ac:link-body') ?? childNamed(node, 'ac:plain-text-link-body');
  const target = page
    ? `${attribute(page, 'ri:content-title') ?? ''}${anchor ? `#${anchor}` : ''}`
    : file
      ? (attribute(file, 'ri:filename') ?? '')
      : `#${anchor ?? ''}`;
  const text = body
    ? body.name === 'ac:link-body'
      ? inline(body.children)
      : escapeText(plainText(body.children))
    : escapeText(target);
  return `[${text}](<${target}>)`;
}

function image(node: Element): string {
  const file = childNamed(node, 'ri:attachment');
  const url = childNamed(node, 'ri:url');
  const src = file ? (attribute(file, 'ri:filename') ?? '') : (attribute(url ?? node, 'ri:value') ?? '');
  const title = attribute(node, 'ac:title');
  const alt = attribute(node, 'ac:alt') ?? '';
  const width = attribute(node, 'ac:width');
  const height = attribute(node, 'ac:height');
  if (width || height) {
    // Markdown has no image size: raw HTML keeps it (and converts back to the same ac:image).
    const attributes = { src, alt, title, width, height };
    const html = Object.entries(attributes)
      .filter(([key, value]) => value !== undefined && (value !== '' || key === 'src'))
      .map(([key, value]) => `${key}="${value!.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`);
    return `<img ${html.join(' ')}>`;
  }
  return `![${escapeText(alt)}](<${src}>${title ? ` ${attributeValue(title)}` : ''})`;
}

function inlineMacro(node: Element): string {
  const name = attribute(node, 'ac:name') ?? '';
  const values = parameters(node);
  if (name === 'status')
    return `:status[${escapeText(values.get('title') ?? '')}]${directiveAttributes(values, ['title'])}`;
  if (name === 'anchor') return `:anchor[${escapeText(values.get('') ?? '')}]`;
  if (name === 'widget') return widget(node, values);
  return `<!-- macro: ${name} -->`;
}

/** The parameter's link (`<ac:parameter><ri:url …/>` or `<ac:link><ri:page …/>`), found at any depth. */
function parameterLink(macro: Element, parameter: string, element: string, value: string): string | undefined {
  const holder = macro.children.find(
    (child): child is Element =>
      isElement(child) && child.name === 'ac:parameter' && (attribute(child, 'ac:name') ?? '') === parameter,
  );
  const find = (nodes: Node[]): string | undefined => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === element) return attribute(node, value);
      const found = find(node.children);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return holder ? find(holder.children) : undefined;
}

/** The Widget Connector as the frame it was written as: converting it again gives the same macro. */
function widget(node: Element, values: Map<string, string>): string {
  const url = parameterLink(node, 'url', 'ri:url', 'ri:value') ?? '';
  const size = ['width', 'height'].map((key) => (values.get(key) ? ` ${key}=${attributeValue(values.get(key)!)}` : ''));
  return `<iframe src=${attributeValue(url)}${size.join('')}></iframe>`;
}

const PANELS = new Set(['info', 'note', 'warning', 'tip', 'expand', 'excerpt', 'panel']);

const isList = (node: Element) => node.name === 'ul' || node.name === 'ol' || node.name === 'ac:task-list';

function blocks(nodes: Node[], out: string[]): void {
  let run: Node[] = [];
  let previousList = false;
  const flush = () => {
    const text = inline(run).trim();
    if (text) {
      out.push(escapeLineStart(text));
      previousList = false;
    }
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node) || !isBlock(node)) {
      run.push(node);
      continue;
    }
    flush();
    const block = blockNode(node);
    // Two lists in a row would merge into one in Markdown: an (invisible) comment keeps them apart.
    if (block && isList(node) && previousList) out.push('<!-- -->');
    if (block) out.push(block);
    previousList = isList(node);
  }
  flush();
}

/** Macros that are blocks whatever surrounds them; any other is a block only when it has a body. */
const BLOCK_MACROS = new Set(['code', 'noformat', 'toc', 'children', 'include', ...PANELS]);

function isBlock(node: Element): boolean {
  if (node.name === 'ac:structured-macro') {
    // A Jira issue or user macro amid a paragraph's text stays in that paragraph.
    const name = attribute(node, 'ac:name') ?? '';
    if (['status', 'anchor', 'widget'].includes(name)) return false;
    return (
      BLOCK_MACROS.has(name) ||
      childNamed(node, 'ac:rich-text-body') !== undefined ||
      childNamed(node, 'ac:plain-text-body') !== undefined
    );
  }
  return /^(p|h[1-6]|ul|ol|li|table|blockquote|hr|pre|div|ac:task-list|ac:layout.*)$/.test(node.name);
}

/**
 * A centred or right-aligned paragraph or heading: Markdown has no alignment, so it is wrapped in
 * the `<div align="…">` a README writes, which the converter reads back as that alignment.
 */
function blockNode(node: Element): string {
  const markdown = unalignedBlock(node);
  const align = /^(?:p|h[1-6])$/.test(node.name)
    ? /text-align:\s*(center|right)/.exec(attribute(node, 'style') ?? '')?.[1]
    : undefined;
  return align && markdown ? `<div align="${align}">\n\n${markdown}\n\n</div>` : markdown;
}

function unalignedBlock(node: Element): string {
  const heading = /^h([1-6])$/.exec(node.name);
  // An ATX heading is one line: a line break in it (a README's logo header) is the `<br>` it was.
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inline(node.children).trim().replace(/\\\n/g, '<br>')}`;
  switch (node.name) {
    case 'p': {
      const out: string[] = [];
      blocks(node.children, out);
      const markdown = out.join('\n\n');
      // A line starting `<iframe` opens an HTML block, whose frames join the next paragraph's: a
      // paragraph of frames only is written as the `<p>` it is.
      return /^(?:<iframe [^\n]*?><\/iframe>\s*)+$/.test(markdown) ? `<p>${markdown}</p>` : markdown;
    }
    case 'hr':
      return '---';
    case 'blockquote':
      return markdownOf(node.children)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'pre': {
      const body = plainText(node.children).replace(/\n$/, '');
      return `${fence(body)}\n${body}\n${fence(body)}`;
    }
    case 'ul':
    case 'ol':
      return list(node);
    case 'table':
      return table(node);
    case 'ac:task-list':
      return taskList(node, '');
    case 'ac:structured-macro':
      return blockMacro(node);
    default:
      return markdownOf(node.children);
  }
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 || !line ? line : `${by}${line}`))
    .join('\n');
}

/** A list item (or task body) holding a paragraph belongs to a loose list: its blocks are set apart by blank lines. */
const holdsParagraph = (item: Element | undefined) =>
  item?.children.some((child) => isElement(child) && child.name === 'p') ?? false;

function list(node: Element): string {
  const ordered = node.name === 'ol';
  let number = Number(attribute(node, 'start') ?? 1);
  const items = node.children.filter((child): child is Element => isElement(child) && child.name === 'li');
  const loose = items.some(holdsParagraph);
  return items
    .map((item) => {
      const marker = ordered ? `${number++}. ` : '- ';
      return `${marker}${indent(markdownOf(item.children, loose ? '\n\n' : '\n'), ' '.repeat(marker.length))}`;
    })
    .join(loose ? '\n\n' : '\n');
}

function taskList(node: Element, prefix: string): string {
  const tasks = node.children.filter(isElement);
  // As with a list: without the blank lines, a task's second paragraph would join its first.
  const loose = tasks.some((task) => holdsParagraph(childNamed(task, 'ac:task-body')));
  const separator = loose ? '\n\n' : '\n';
  const lines: string[] = [];
  for (const child of tasks) {
    if (child.name === 'ac:task') {
      const done = plainText(childNamed(child, 'ac:task-status')?.children ?? []).trim() === 'complete';
      const body = markdownOf(childNamed(child, 'ac:task-body')?.children ?? [], separator);
      lines.push(`${prefix}- [${done ? 'x' : ' '}] ${indent(body, `${prefix}  `)}`);
    } else if (child.name === 'ac:task-list') {
      lines.push(taskList(child, `${prefix}  `));
    }
  }
  return lines.join(separator);
}

const ALIGNMENT = /text-align:\s*(left|center|right)/;

/** The alignment written on an element (`style="text-align: …"`, or HTML's `align` a human's paste kept). */
function writtenAlignment(element: Element): string | undefined {
  return (
    ALIGNMENT.exec(attribute(element, 'style') ?? '')?.[1] ??
    /^(left|center|right)$/.exec(attribute(element, 'align') ?? '')?.[1]
  );
}

/**
 * A cell's alignment: its own (as the Data Center editor may store it), else the one every
 * paragraph in it shares (`<p style="text-align: …">`, as GFM columns and the Cloud editor store it).
 */
function cellAlignment(cell: Element): string | undefined {
  const own = writtenAlignment(cell);
  if (own) return own;
  const paragraphs = cell.children.filter((child): child is Element => isElement(child) && child.name === 'p');
  const first = paragraphs[0] && writtenAlignment(paragraphs[0]);
  return first && paragraphs.every((paragraph) => writtenAlignment(paragraph) === first) ? first : undefined;
}

const hasContent = (cell: Element) => cell.children.some((child) => isElement(child) || child.text.trim());

/** A cell's content on one line (a GFM cell), without the paragraph that holds its alignment. */
function cellText(node: Element): string {
  const elements = node.children.filter(isElement);
  const only =
    elements.length === 1 &&
    elements[0]!.name === 'p' &&
    node.children.every((child) => isElement(child) || !child.text.trim())
      ? elements[0]!
      : undefined;
  return inline((only ?? node).children)
    .replace(/\n/g, ' ')
    .trim();
}

/**
 * A table as GFM when GFM can say it: a header row of `th` cells and nothing else that GFM lacks.
 * Otherwise (no header row, a header column, merged cells, lists or paragraphs in a cell) as the
 * HTML table it is, each cell's content as Markdown between blank lines, which the converter
 * reads back as the same table; as GFM its first row would come back as header cells.
 */
function table(node: Element): string {
  const rows = rowElements(node);
  if (!rows.length) return '';
  const alignments = columnAlignments(rows);
  return isGfmTable(rows, alignments) ? gfmTable(rows, alignments) : htmlTable(rows);
}

function gfmTable(rows: Element[][], alignments: (string | undefined)[]): string {
  const width = alignments.length;
  const line = (cells: Element[]) =>
    `| ${[...cells.map(cellText), ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  const [head, ...body] = rows;
  const delimiter = alignments.map((align) =>
    align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---',
  );
  return [line(head!), `| ${delimiter.join(' | ')} |`, ...body.map(line)].join('\n');
}

/** Each column's alignment: its first cell with content's (an empty cell has no paragraph to hold one). */
function columnAlignments(rows: Element[][]): (string | undefined)[] {
  const width = Math.max(...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => {
    const first = rows.map((row) => row[column]).find((cell) => cell !== undefined && hasContent(cell));
    return first && cellAlignment(first);
  });
}

/**
 * GFM has a header row (all `th`, and `th` nowhere else), one line per cell, no merged cells, and
 * one alignment per column (a human may align a single cell of a column in the editor).
 */
function isGfmTable(rows: Element[][], alignments: (string | undefined)[]): boolean {
  const [head, ...body] = rows;
  return (
    head!.length > 0 &&
    head!.every((cell) => cell.name === 'th') &&
    body.every((row) => row.every((cell) => cell.name === 'td')) &&
    rows.every((row) => row.every((cell) => !isMerged(cell) && isOneLine(cell))) &&
    rows.every((row) => row.every((cell, column) => !hasContent(cell) || cellAlignment(cell) === alignments[column]))
  );
}

function isMerged(cell: Element): boolean {
  return Number(attribute(cell, 'colspan') ?? 1) > 1 || Number(attribute(cell, 'rowspan') ?? 1) > 1;
}

/** A cell GFM can hold: phrasing, or one paragraph of it. */
function isOneLine(cell: Element): boolean {
  const elements = cell.children.filter(isElement);
  const content = elements.length === 1 && elements[0]!.name === 'p' ? elements[0]!.children : cell.children;
  return content.every((child) => !isElement(child) || (!isBlock(child) && !holdsBreak(child)));
}

/** A line break at any depth (`<strong>a<br/>b</strong>`): a GFM cell cannot hold one. */
function holdsBreak(element: Element): boolean {
  return element.name === 'br' || element.children.some((child) => isElement(child) && holdsBreak(child));
}

/**
 * An HTML table as Markdown: each cell's content as Markdown between blank lines, its alignment as
 * the cell's `align`, which the converter puts back on the cell's paragraphs.
 */
function htmlTable(rows: Element[][]): string {
  const lines = ['<table>'];
  for (const row of rows) {
    lines.push('<tr>');
    for (const cell of row) {
      const spans = ['colspan', 'rowspan']
        .filter((name) => isMerged(cell) && Number(attribute(cell, name) ?? 1) > 1)
        .map((name) => ` ${name}="${attribute(cell, name)}"`)
        .join('');
      const align = hasContent(cell) ? cellAlignment(cell) : undefined;
      const content = markdownOf(align ? withoutAlignment(cell.children, align) : cell.children);
      const start = `<${cell.name}${spans}${align ? ` align="${align}"` : ''}>`;
      lines.push(content ? `${start}\n\n${content}\n\n</${cell.name}>` : `${start}</${cell.name}>`);
    }
    lines.push('</tr>');
  }
  lines.push('</table>');
  return lines.join('\n');
}

/** A cell's paragraphs without the alignment the cell itself now says. */
function withoutAlignment(nodes: Node[], align: string): Node[] {
  return nodes.map((node) =>
    isElement(node) && node.name === 'p' && writtenAlignment(node) === align
      ? { ...node, attributes: node.attributes.filter(([key]) => key !== 'style' && key !== 'align') }
      : node,
  );
}

/** The rows' `th` and `td` cells, through `thead`, `tbody` and `tfoot`. */
function rowElements(node: Element): Element[][] {
  const rows: Element[][] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr')
      rows.push(child.children.filter((c): c is Element => isElement(c) && (c.name === 'th' || c.name === 'td')));
    else rows.push(...rowElements(child));
  }
  return rows;
}

function blockMacro(node: Element): string {
  const name = attribute(node, 'ac:name') ?? '';
  const values = parameters(node);
  const body = childNamed(node, 'ac:rich-text-body');
  if (name === 'code' || name === 'noformat') {
    const text = plainText(childNamed(node, 'ac:plain-text-body')?.children ?? []);
    const language = values.get('language');
    const meta = [
      language && language !== 'none' ? language : name === 'code' && language === 'none' ? 'text' : '',
      values.get('title') ? `title=${attributeValue(values.get('title')!)}` : '',
      values.get('linenumbers') === 'true' ? 'linenumbers' : '',
      values.get('firstline') ? `firstline=${values.get('firstline')}` : '',
      values.get('collapse') === 'true' ? 'collapse' : '',
    ].filter(Boolean);
    return `${fence(text)}${meta.join(' ')}\n${text}\n${fence(text)}`;
  }
  if (PANELS.has(name)) {
    const title = values.get('title');
    const inner = markdownOf(body?.children ?? []);
    const colons = ':'.repeat(Math.max(3, ...[...inner.matchAll(/^:{3,}/gm)].map((match) => match[0].length + 1)));
    return `${colons}${name}${title ? `[${escapeText(title)}]` : ''}${directiveAttributes(values, ['title'])}\n${inner}\n${colons}`;
  }
  if (name === 'toc' || name === 'children') return `::${name}${directiveAttributes(values)}`;
  if (name === 'status' || name === 'anchor' || name === 'widget') return inlineMacro(node);
  // An included page, as the Obsidian embed it is written as.
  if (name === 'include') return `![[${parameterLink(node, '', 'ri:page', 'ri:content-title') ?? ''}]]`;
  return `<!-- macro: ${name} -->`;
}

function markdownOf(nodes: Node[], separator = '\n\n'): string {
  const out: string[] = [];
  blocks(nodes, out);
  return out.join(separator);
}

export function storageToMarkdown(storage: string): string {
  const markdown = markdownOf(parseStorage(storage).children);
  return markdown ? `${markdown}\n` : '';
}
