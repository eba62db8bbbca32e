/**
 * Raw HTML in Markdown: a safe subset becomes its storage-format equivalent, everything else is
 * shown as text. Markdown splits HTML across sibling nodes (`<b>` · text · `</b>`, or a `<details>`
 * block, Markdown paragraphs, then `</details>`), so tags are balanced here with a stack while the
 * parent's children are converted. Unknown tags — `<script>`, `<style>`, `<ac:structured-macro>`
 * — are escaped, so text can never turn into markup or a macro.
 */
import type { Html, InlineCode, Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { State } from '../state.js';
import { type XElement, type XNode, type XText, cdata, showsNothing, text, textOf, x } from '../xml.js';
import { tokenizeHtml, type HtmlToken } from '../html-tokens.js';
import {
  hasLayoutEdge,
  isEdgeSpace,
  isLayoutSpace,
  isPhrasing,
  withEdgeSpaceOutside,
  withoutLayoutEnd,
  withoutLayoutStart,
  wrapPhrasing,
} from '../phrasing.js';
import { inlineMarkdownText, parseMarkdown } from '../parse/index.js';
import { replaceEmojiShortcodes } from '../emoji.js';
import { iconEmoji } from '../icons.js';
import { buildImage, buildLink, contentOrUrl, isDarkModeOnly, pixels } from './links.js';
import { isBadgeType, macro, panelMacro, statusBadge } from './macros.js';
import { embedded } from './embeds.js';
import { linesFormatted } from '../formatting-within.js';
import { codeLanguage } from '../languages.js';

interface TagSpec {
  /** Flow content only: escaped when met inside a paragraph. */
  block?: boolean;
  /** No end tag (`<br>`, `<img>`). */
  void?: boolean;
  /** Allowed only directly inside this tag (summary in details). */
  inside?: string;
  /**
   * A wrapper of flow content (`<div>`, `<center>`): only its content is kept, as blocks of their
   * own where blocks may stand, so `<div>First</div><div>Second</div>` stays two lines, not
   * "FirstSecond"; as the text it holds in a line of text (`<h1><center>Title</center></h1>`,
   * `<a href="…"><div><img …></div></a>`).
   */
  wrapper?: boolean;
  build(attributes: Record<string, string>, children: XNode[], state: State, node: Nodes): XNode[];
}

const element =
  (name: string, keep: string[] = []) =>
  (attributes: Record<string, string>, children: XNode[]): XNode[] => {
    const kept: Record<string, string> = {};
    for (const key of keep) if (attributes[key] !== undefined) kept[key] = attributes[key]!;
    return [x(name, kept, children)];
  };
const transparent = (_attributes: Record<string, string>, children: XNode[]): XNode[] => children;
const blockElement =
  (name: string, keep: string[] = []) =>
  (attributes: Record<string, string>, children: XNode[]) =>
    element(name, keep)(attributes, wrapPhrasing(children));
const lineThrough = (_attributes: Record<string, string>, children: XNode[]) => [
  x('span', { style: 'text-decoration: line-through;' }, children),
];

const SUMMARY = 'docgen:summary';

/**
 * The alignment a README asks for (`<p align="center">`, `<div align="center">`, `<center>`,
 * `style="text-align: right"`), which storage keeps on a paragraph or heading as
 * `style="text-align: …;"`. Left (the default) and justify (no editor form) are not kept.
 */
function alignment(tag: string, attributes: Record<string, string>): string | undefined {
  if (tag === 'center') return 'center';
  const written = (attributes.align ?? /text-align\s*:\s*([a-z]+)/i.exec(attributes.style ?? '')?.[1])?.toLowerCase();
  return written === 'center' || written === 'right' ? written : undefined;
}

/**
 * A table cell's alignment (`<td align="right">`, `<th style="text-align: center">`), left too: a
 * cell's alignment is stored as a GFM column's is, on the paragraphs in it, and `:---` keeps left.
 */
function cellAlignment(attributes: Record<string, string>): string | undefined {
  const written = (attributes.align ?? /text-align\s*:\s*([a-z]+)/i.exec(attributes.style ?? '')?.[1])?.toLowerCase();
  return written === 'left' || written === 'center' || written === 'right' ? written : undefined;
}

/**
 * A `<td>` or `<th>`: its merged cells kept, the layout at its edges left out, and its alignment on
 * its paragraphs (its text a paragraph of its own then), as a GFM table's cells hold it.
 */
const tableCell =
  (name: 'td' | 'th') =>
  (attributes: Record<string, string>, children: XNode[]): XNode[] => {
    const align = cellAlignment(attributes);
    const content = trimmedEdges(children);
    return element(name, ['colspan', 'rowspan'])(attributes, align ? alignedCellContent(content, align) : content);
  };

function alignedCellContent(content: XNode[], align: string): XNode[] {
  return wrapPhrasing(content).map((block) =>
    block.type === 'element' && block.name === 'p' && block.attributes.style === undefined
      ? x('p', { ...block.attributes, style: `text-align: ${align};` }, block.children)
      : block,
  );
}

/**
 * A form control: a checkbox (a README's `<input type="checkbox" checked disabled>` task, as
 * HTML task lists are exported) is the ballot box it shows, ☑ or ☐; any other (a search box, a
 * button) has nothing to show in a page and is left out, warned, rather than shown as its tag.
 */
function formControl(attributes: Record<string, string>, state: State, node: Nodes): XNode[] {
  if (attributes.type?.toLowerCase() === 'checkbox') return [text(attributes.checked !== undefined ? '☑' : '☐')];
  state.warn(
    `raw HTML <input${attributes.type ? ` type="${attributes.type}"` : ''}> left out: a form control has nothing to show in a page`,
    node,
  );
  return [];
}

const ALIGNABLE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Paragraphs and headings among `blocks` aligned as their wrapper asks, unless they ask for themselves. */
function aligned(written: XNode[], align: string | undefined): XNode[] {
  if (!align) return written;
  const blocks = align === 'center' ? withoutEdgeBreakParagraphs(written) : written;
  return blocks.map((block) =>
    block.type === 'element' && ALIGNABLE.has(block.name) && block.attributes.style === undefined
      ? x(
          block.name,
          { ...block.attributes, style: `text-align: ${align};` },
          align === 'center' ? withoutEdgeBreaks(block.children) : block.children,
        )
      : block,
  );
}

/**
 * A paragraph or heading written in HTML: its alignment kept, and the line breaks and indentation
 * at the edges of its content left out (a browser shows none; in storage they would be a space
 * before the first badge of a centred row).
 */
const textBlock =
  (name: string) =>
  (attributes: Record<string, string>, children: XNode[]): XNode[] => {
    const align = alignment(name, attributes);
    const content = trimmedEdges(children);
    return [x(name, { style: textAlign(align) }, align === 'center' ? withoutEdgeBreaks(content) : content)];
  };

const isBreak = (node: XNode | undefined) => node?.type === 'element' && node.name === 'br';
const isEdge = (node: XNode | undefined) => isBreak(node) || (node?.type === 'text' && isLayoutSpace(node.value));
/** A paragraph of line breaks only: `<br>` on its own line between a centred `<div>`'s Markdown blocks. */
const isBreakParagraph = (node: XNode | undefined) =>
  node?.type === 'element' && node.name === 'p' && node.children.some(isBreak) && node.children.every(isEdge);

/** A centred wrapper's blocks without the paragraphs of breaks it opens and closes with (withoutEdgeBreaks). */
function withoutEdgeBreakParagraphs(blocks: XNode[]): XNode[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && isBreakParagraph(blocks[start])) start += 1;
  while (end > start && isBreakParagraph(blocks[end - 1])) end -= 1;
  return start === end || (start === 0 && end === blocks.length) ? blocks : blocks.slice(start, end);
}

/**
 * A centred block's content without the line breaks at its very start and end: a README's logo
 * header (`<h1 align="center"><br><br><img …><br><br></h1>`, Chalk's) spaces itself out on GitHub's
 * page with them, which in Confluence are empty lines in the heading (and the page's table of
 * contents). Breaks between content stay; a block of breaks only is left as written.
 */
function withoutEdgeBreaks(content: XNode[]): XNode[] {
  if (!isBreak(content[0]) && !isBreak(content[content.length - 1])) return content;
  let start = 0;
  let end = content.length;
  while (start < end && isEdge(content[start])) start += 1;
  while (end > start && isEdge(content[end - 1])) end -= 1;
  if (start === end) return content;
  const kept = content.slice(start, end);
  const head = kept[0];
  if (head?.type === 'text') kept[0] = text(withoutLayoutStart(head.value));
  const tail = kept[kept.length - 1];
  if (tail?.type === 'text') kept[kept.length - 1] = text(withoutLayoutEnd(tail.value));
  return kept;
}

/**
 * A `<pre>`'s content without the line feed right after its start tag (`<pre>` / code, one a line):
 * HTML's parser drops it, so a browser shows no empty first line, which storage would.
 */
function withoutLeadingLineFeed(children: XNode[]): XNode[] {
  const first = children[0];
  if (first?.type !== 'text' || !/^\r?\n/.test(first.value)) return children;
  const rest = first.value.replace(/^\r?\n/, '');
  return rest ? [text(rest), ...children.slice(1)] : children.slice(1);
}

function textAlign(align: string | undefined): string | undefined {
  return align && `text-align: ${align};`;
}

function trimmedEdges(children: XNode[]): XNode[] {
  const first = children[0];
  const last = children[children.length - 1];
  const layoutAtStart = first?.type === 'text' && /^[ \t\r\n]/.test(first.value);
  if (!layoutAtStart && !(last?.type === 'text' && /[ \t\r\n]$/.test(last.value))) return children;
  const content = [...children];
  const isLayout = (node: XNode | undefined) => node?.type === 'text' && isLayoutSpace(node.value);
  while (isLayout(content[0])) content.shift();
  while (isLayout(content[content.length - 1])) content.pop();
  const head = content[0];
  if (head?.type === 'text') content[0] = text(withoutLayoutStart(head.value));
  const tail = content[content.length - 1];
  if (tail?.type === 'text') content[content.length - 1] = text(withoutLayoutEnd(tail.value));
  return content;
}

const TAGS: Record<string, TagSpec> = {
  b: { build: element('strong') },
  strong: { build: element('strong') },
  i: { build: element('em') },
  em: { build: element('em') },
  cite: { build: element('cite') },
  var: { build: element('em') },
  code: { build: element('code') },
  kbd: { build: element('code') },
  samp: { build: element('code') },
  tt: { build: element('code') },
  sub: { build: element('sub') },
  sup: { build: element('sup') },
  u: { build: element('u') },
  ins: { build: element('u') },
  s: { build: lineThrough },
  del: { build: lineThrough },
  strike: { build: lineThrough },
  small: { build: element('small') },
  big: { build: element('big') },
  span: { build: transparent },
  abbr: { build: transparent },
  mark: { build: transparent },
  q: { build: transparent },
  // Presentational and semantic wrappers of old wikis and exports (`<font color="red">`, Azure
  // DevOps pages): their text shows, as it does in a browser; the look they ask for is not kept.
  font: { build: transparent },
  nobr: { build: transparent },
  dfn: { build: element('em') },
  time: { build: transparent },
  data: { build: transparent },
  bdi: { build: transparent },
  bdo: { build: transparent },
  wbr: { void: true, build: () => [] },
  // `<picture>` shows its `<img>` (the fallback every browser understands); its `<source>`
  // alternatives (dark-mode logos, other formats) are not content.
  picture: { build: transparent },
  source: { void: true, build: () => [] },
  br: { void: true, build: () => [x('br')] },
  // Another document shown in a frame (embeds.ts): a video player becomes the Widget Connector,
  // anything else a link to it. An iframe's content is never shown by a browser; an object's is its
  // fallback, for readers who cannot show the object, which Confluence's are: kept after the link.
  iframe: {
    build: (attributes, _children, state, node) => embedded(attributes.src, attributes, state, node, 'iframe'),
  },
  embed: {
    void: true,
    build: (attributes, _children, state, node) => embedded(attributes.src, attributes, state, node, 'embed'),
  },
  object: {
    build: (attributes, children, state, node) => [
      ...embedded(attributes.data, attributes, state, node, 'object'),
      ...objectFallback(children),
    ],
  },
  param: { void: true, build: () => [] },
  // A video or a sound file (`<video src="…mp4">`, as GitHub READMEs show screen recordings): a link
  // to it, its source from `src` or its first `<source>`; its fallback content kept after it.
  video: { build: (attributes, children, state, node) => media(attributes, children, state, node, 'video') },
  audio: { build: (attributes, children, state, node) => media(attributes, children, state, node, 'audio') },
  a: {
    // `<a id="x">` / `<a name="x">` is a link target (GitLab's docs put one above each heading).
    build: (attributes, children, state, node) => {
      const target = attributes.id || attributes.name;
      const anchor = target ? [macro('anchor', { '': target })] : [];
      const content =
        attributes.href !== undefined ? buildLink(state, attributes.href, attributes.title, children, node) : children;
      return [...anchor, ...content];
    },
  },
  input: { void: true, build: (attributes, _children, state, node) => formControl(attributes, state, node) },
  img: {
    void: true,
    build: (attributes, _children, state, node) =>
      attributes.src !== undefined
        ? buildImage(state, attributes.src, attributes.alt ?? '', attributes.title, node, {
            width: pixels(attributes.width),
            height: pixels(attributes.height),
          })
        : [],
  },
  p: { block: true, build: textBlock('p') },
  div: { block: true, wrapper: true, build: transparent },
  center: { block: true, wrapper: true, build: transparent },
  section: { block: true, wrapper: true, build: transparent },
  article: { block: true, wrapper: true, build: transparent },
  header: { block: true, wrapper: true, build: transparent },
  footer: { block: true, wrapper: true, build: transparent },
  main: { block: true, wrapper: true, build: transparent },
  aside: { block: true, wrapper: true, build: transparent },
  figure: { block: true, wrapper: true, build: transparent },
  // A caption is a line of text under the figure: a paragraph of its own (its blocks, if it holds any).
  figcaption: { block: true, wrapper: true, build: transparent },
  hr: { block: true, void: true, build: () => [x('hr')] },
  blockquote: { block: true, build: blockElement('blockquote') },
  pre: { block: true, build: (_attributes, children) => [x('pre', {}, withoutLeadingLineFeed(children))] },
  h1: { block: true, build: textBlock('h1') },
  h2: { block: true, build: textBlock('h2') },
  h3: { block: true, build: textBlock('h3') },
  h4: { block: true, build: textBlock('h4') },
  h5: { block: true, build: textBlock('h5') },
  h6: { block: true, build: textBlock('h6') },
  ul: { block: true, build: (_a, children) => [x('ul', {}, onlyElements(children))] },
  ol: {
    block: true,
    build: (attributes, children) => [x('ol', { start: numeric(attributes.start) }, onlyElements(children))],
  },
  li: { block: true, build: (_a, children) => [x('li', {}, trimmedEdges(children))] },
  dl: { block: true, build: transparent },
  dt: { block: true, build: (_a, children) => [x('p', {}, [x('strong', {}, children)])] },
  dd: { block: true, build: blockElement('blockquote') },
  table: { block: true, build: (_a, children) => [x('table', {}, tableBody(children))] },
  thead: { block: true, inside: 'table', build: (_a, children) => onlyElements(children) },
  tbody: { block: true, inside: 'table', build: (_a, children) => onlyElements(children) },
  tfoot: { block: true, inside: 'table', build: (_a, children) => onlyElements(children) },
  tr: { block: true, build: (_a, children) => [x('tr', {}, onlyElements(children))] },
  th: { block: true, build: tableCell('th') },
  td: { block: true, build: tableCell('td') },
  caption: { block: true, inside: 'table', build: () => [] },
  details: {
    block: true,
    build: (_attributes, children) => {
      const summary = children.find((child) => child.type === 'element' && child.name === SUMMARY);
      const body = children.filter((child) => !(child.type === 'element' && child.name === SUMMARY));
      return [panelMacro('expand', { title: summary ? summaryTitle(summary) : undefined }, wrapPhrasing(body))];
    },
  },
  summary: { block: true, inside: 'details', build: (_a, children) => [x(SUMMARY, {}, children)] },
};

const CODE_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'tt', 'docs-code']);
const LISTS: ReadonlySet<string> = new Set(['ul', 'ol']);

/** Text that needs no space moved out of an element before it: whitespace, or punctuation that closes. */
const SPACE_OR_CLOSING = /^[\s,.;:!?)\]}»”’]/;

/**
 * Inline elements whose edge spaces go outside them (`<b>bold </b>after`, `<a href="…"> link </a>`,
 * a badge link written over several lines): inside, Confluence shows them bold, struck or
 * underlined. Not code, whose spaces are its content, nor `<a name>`, which only marks a place.
 */
const MOVES_EDGE_SPACE: ReadonlySet<string> = new Set([
  ...['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'del', 'strike'],
  ...['small', 'big', 'cite', 'sub', 'sup'],
]);

function movesEdgeSpace(frame: Frame): boolean {
  return frame.tag === 'a' ? frame.attributes.href !== undefined : MOVES_EDGE_SPACE.has(frame.tag);
}

/** Raw inline elements that become an element of storage (not only their content): no block may stand in them. */
const INLINE_HOLDERS: ReadonlySet<string> = new Set([
  ...['a', 'b', 'strong', 'i', 'em', 'cite', 'var', 'dfn', 'code', 'kbd', 'samp', 'tt'],
  ...['sub', 'sup', 'u', 'ins', 's', 'del', 'strike', 'small', 'big'],
]);

/** Raw elements holding one line of text that a block inside them ends (storage has no block there). */
const CUT_BY_BLOCKS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);

/**
 * Whether a start tag of `name` in flow content ends an open raw heading: a block of its own (a
 * list, a table, a quote, code, a rule, another heading), not a wrapper (`<center>`, `<div>`,
 * which only keep their text in a heading), not `<p>` (a line of the heading), nor a tag allowed
 * only inside another (`<summary>`). page-headings.ts ends its heading text there too.
 */
export function endsTextBlock(name: string): boolean {
  const spec = Object.hasOwn(TAGS, name) ? TAGS[name]! : undefined;
  return spec !== undefined && spec.block === true && !spec.wrapper && !spec.inside && name !== 'p';
}

/** What a block is, in a warning: `a list (<ul>)`, `a code macro`. */
function blockName(block: XElement): string {
  if (block.name === 'ac:structured-macro') return `a ${block.attributes['ac:name'] ?? ''} macro`;
  const kind = BLOCK_KINDS[block.name.replace(/^h[1-6]$/, 'h')];
  return kind ? `${kind} (<${block.name}>)` : `<${block.name}>`;
}

const BLOCK_KINDS: Record<string, string> = {
  ...{ ul: 'a list', ol: 'a list', li: 'a list item', dl: 'a definition list', table: 'a table' },
  ...{ blockquote: 'a quote', pre: 'code', hr: 'a rule', h: 'a heading', details: 'a collapsible section' },
};

/** A converted block that no line of text may hold: anything but phrasing and a paragraph (a line). */
function isFlowBlock(node: XNode): boolean {
  return !isPhrasing(node) && !(node.type === 'element' && node.name === 'p');
}

/** Block tags that end an open `<p>` (HTML's rule for its omitted end tag: `<p>One<p>Two`). */
const CLOSES_P = new Set([
  ...['p', 'div', 'center', 'section', 'article', 'header', 'footer', 'main', 'aside', 'figure', 'details'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'pre', 'blockquote', 'hr', 'table'],
  // A list item or a definition's part ends a `<p>` too (HTML's rule): `<p>Text<li>Item</li></p>`.
  ...['li', 'dt', 'dd'],
]);

/**
 * A table's rows and cells, which a browser ignores outside a table (`<tr><td>x</td></tr>` written
 * alone, a `<td>` in a GFM cell): their tags are dropped there and their content shown, since
 * storage holds no cell outside a table's row.
 */
const TABLE_PARTS: ReadonlySet<string> = new Set(['tr', 'td', 'th']);

/**
 * Start tags that end an open element of their kind, HTML's omitted end tags (`<ul><li>One<li>Two</ul>`,
 * `<tr><td>a<td>b`): `closes` within the nearest `scope` element. Without it the second item
 * would nest in the first, which storage has no place for.
 */
const IMPLIED_END: Record<string, { closes: ReadonlySet<string>; scope: ReadonlySet<string> }> = {
  li: { closes: new Set(['li']), scope: new Set(['ul', 'ol']) },
  dt: { closes: new Set(['dt', 'dd']), scope: new Set(['dl']) },
  dd: { closes: new Set(['dt', 'dd']), scope: new Set(['dl']) },
  tr: { closes: new Set(['tr']), scope: new Set(['table', 'thead', 'tbody', 'tfoot']) },
  td: { closes: new Set(['td', 'th']), scope: new Set(['tr', 'table']) },
  th: { closes: new Set(['td', 'th']), scope: new Set(['tr', 'table']) },
};

/**
 * HTML's formatting elements. A block that cuts one (`<p><b><center>Title</center> more</b></p>`:
 * the `<center>` ends the `<p>`, and the `<b>` in it) does not end it: a browser carries it on in
 * the block and after it, up to its own end tag (the "active formatting elements"), so `Title` and
 * `more` stay bold, and a link cut by a `<div>` still links what the `<div>` holds.
 */
const FORMATTING = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);

/** Where a browser does not carry formatting from outside (its list's markers): a table's cells. */
const FORMATTING_BOUNDARY = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/**
 * Formatting elements, paragraphs and headings with nothing to show (`<i class="fa fa-check"></i>`,
 * `<b> </b>`, `<p align="center"></p>`, `<h2></h2>`): a browser shows nothing for them but what
 * an icon font draws, while in storage they would be an empty `<em>` (or a blank entry in the
 * page's table of contents). They are left out, keeping an inline element's whitespace; an icon
 * with a plain meaning becomes its emoji (icons.ts).
 */
const LEFT_OUT_WHEN_EMPTY = new Set([
  ...['b', 'strong', 'i', 'em', 'cite', 'var', 'code', 'kbd', 'samp', 'tt', 'sub', 'sup', 'u', 'ins'],
  ...['s', 'del', 'strike', 'small', 'big', 'span', 'abbr', 'mark', 'q', 'font', 'nobr', 'dfn'],
  ...['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

function emptyElement(frame: Frame): XNode[] {
  if (frame.spec.block) return [];
  const icon = iconEmoji(frame.attributes.class);
  return icon === undefined ? frame.children : [text(icon)];
}

/**
 * Raw HTML's line breaks and the indentation after them (a badge row written one link a line) are
 * a space to a browser; kept in storage, Confluence's editor would show them as line breaks, as it
 * would a Markdown paragraph's soft breaks (inline.ts). Code and `<pre>` keep theirs.
 */
function oneLine(value: string): string {
  return value.includes('\n') ? value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : value;
}

/** A character that may be Markdown markup: only then is the title parsed. */
const MARKUP = /[*_`[~\\]/;

/**
 * An expand's title is plain text. Markdown in a `<summary>` on its HTML line (`**Title**`) is raw
 * text to the parser, so its markers would show in the title: the title is the text it shows.
 */
function summaryTitle(summary: XNode): string | undefined {
  const title = textOf([summary]).trim();
  return (MARKUP.test(title) ? inlineMarkdownText(title).trim() : title) || undefined;
}

/**
 * A JSX component's tag: a capitalized name (`Tabs`, `TabItem`; HTML names are case-insensitive,
 * but `<DIV>` or `<SCRIPT>` written in capitals are HTML, as is any element that hides or runs its
 * content). The tag's source is what tells: the tokenizer lowercases names.
 */
function isComponent(source: string): boolean {
  const name = /^<\/?([A-Z][\w.:-]*)/.exec(source)?.[1];
  return (
    name !== undefined &&
    /[a-z]/.test(name) &&
    (!Object.hasOwn(TAGS, name.toLowerCase()) || COMPONENTS_NAMED_AS_HTML.has(name)) &&
    !UNSAFE_HTML.has(name.toLowerCase())
  );
}

/** Components whose name is also an HTML tag's: Starlight's `<Aside type="caution">` is a callout, `<aside>` is HTML. */
const COMPONENTS_NAMED_AS_HTML = new Set(['Aside']);

const UNSAFE_HTML = new Set([
  'script',
  'style',
  'frame',
  'frameset',
  'noframes',
  'applet',
  'template',
  'textarea',
  'noscript',
  'title',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'select',
  'option',
  'button',
  'input',
  'form',
  'canvas',
  'base',
  'link',
  'meta',
  'head',
  'html',
  'body',
]);

/**
 * A component's content under its title as a bold line; a card's title links where the card does
 * (Mintlify's and Starlight's `<Card title="…" href="/deploy">`, `<LinkCard>`): the link checked
 * as any link is.
 */
const componentWithHeading =
  (heading: (attributes: Record<string, string>) => string | undefined): TagSpec['build'] =>
  (attributes, children, state, node) => {
    const written = heading(attributes)?.trim();
    // A caption may be Markdown (mdBook's `caption="… `RefCell<T>`"`): the text it shows, as a summary's.
    const title = written && MARKUP.test(written) ? inlineMarkdownText(written).trim() : written;
    const shown = [text(title ?? '')];
    const titled = attributes.href ? buildLink(state, attributes.href, undefined, shown, node) : shown;
    const lead = title ? [x('p', {}, [x('strong', {}, titled)])] : [];
    return [...lead, ...wrapPhrasing(children)];
  };
/** A component's title, label or caption (the Rust Book's `<Listing caption="…">`) as a bold line before its content. */
const BLOCK_COMPONENT: TagSpec = {
  build: componentWithHeading((attributes) => attributes.title ?? attributes.label ?? attributes.caption),
};
/** Docusaurus' `<TabItem>`: without a label it is labelled with its value, as Docusaurus shows it. */
const TAB_ITEM: TagSpec = { build: componentWithHeading((attributes) => attributes.label ?? attributes.value) };
const INLINE_COMPONENT: TagSpec = { build: transparent };

/**
 * The badge of VitePress' and Starlight's themes (`<Badge type="warning" text="beta" />`,
 * `<Badge text="New" variant="tip" />`, or the text as content), a small coloured label beside a
 * heading or an option: Confluence's own, the `status` lozenge, coloured by its type (no type, or
 * one of no colour: grey). A badge with no text is left out: it shows nothing.
 */
const BADGE: TagSpec = {
  build: (attributes, children) => {
    const title = (attributes.text ?? textOf(children)).trim();
    return title ? [statusBadge(title, attributes.type ?? attributes.variant)] : [];
  },
};

/** A class naming a badge: `badge`, Vue's `vt-badge`, VitePress' `VPBadge`, `md-badge`. */
const BADGE_CLASS = /^(?:[\w-]*-)?badge$|^vpbadge$/i;

function classesOf(attributes: Record<string, string>): string[] {
  return (attributes.class ?? '').split(/\s+/).filter(Boolean);
}

function isCssBadge(attributes: Record<string, string>): boolean {
  return attributes.class !== undefined && classesOf(attributes).some((name) => BADGE_CLASS.test(name));
}

/**
 * The words Vue's theme draws into its badges with CSS alone (`<sup class="vt-badge ts" />` shows
 * "TS"), by class; any other badge's words are its `data-text` (`<sup class="vt-badge"
 * data-text="3.3+" />`, drawn with `content: attr(data-text)`) or its content.
 */
const CSS_BADGE_WORDS: Record<string, string> = {
  ts: 'TS',
  'dev-only': 'Dev only',
  experimental: 'Experimental',
  wip: 'WIP',
};

/**
 * A badge drawn by a site's CSS (`<span class="badge">deprecated</span>`, Bootstrap's `badge
 * badge-warning`, VitePress' `<span class="VPBadge tip">`, Vue's `<sup class="vt-badge ts" />`):
 * the `status` lozenge a `<Badge>` component is, coloured by a class naming a type (`tip`,
 * `badge-warning`), so words shown only by the CSS are not lost. A badge of other content (an
 * image, a link) keeps its content.
 */
const CSS_BADGE: TagSpec = {
  build: (attributes, children) => {
    const classes = classesOf(attributes).map((name) => name.toLowerCase());
    const drawn = classes.map((name) => CSS_BADGE_WORDS[name]).find(Boolean);
    const shown = children.every((child) => child.type === 'text') ? textOf(children).trim() : undefined;
    const title = attributes['data-text']?.trim() || (shown ?? '') || (children.length ? undefined : drawn);
    if (!title) return children;
    const type = classes.map((name) => name.replace(/^badge-/, '')).find(isBadgeType);
    return [statusBadge(title, type)];
  },
};

/** `node` placed `lines` lines below its start: the line of a token written further down in it. */
function atLine(node: Nodes, lines: number): Nodes {
  const start = node.position?.start;
  if (!start || !lines) return node;
  return { ...node, position: { start: { ...start, line: start.line + lines }, end: node.position!.end } } as Nodes;
}

function lineBreaks(source: string): number {
  let count = 0;
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** A node and its descendants moved down `by` lines (Markdown parsed apart from the page it is in). */
function shiftedLines<T extends Nodes>(node: T, by: number): T {
  const position = node.position && {
    start: { ...node.position.start, line: node.position.start.line + by },
    end: { ...node.position.end, line: node.position.end.line + by },
  };
  const children = 'children' in node ? (node.children as Nodes[]).map((child) => shiftedLines(child, by)) : undefined;
  return { ...node, ...(position ? { position } : {}), ...(children ? { children } : {}) };
}

/** An HTML custom element's name: lower case, with a hyphen (`docs-callout`), and no tag of HTML's. */
function isCustomElement(name: string): boolean {
  return /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(name) && !Object.hasOwn(TAGS, name);
}

/** What a warning calls a component: an HTML custom element (`<docs-step>`) is no MDX. */
function componentKind(name: string): string {
  return isCustomElement(name) ? 'custom element' : 'MDX component';
}

/** Angular's `<docs-code language="ts" header="main.ts">` holding its code: a code block, titled by its header. */
const DOCS_CODE: TagSpec = {
  block: true,
  build: (attributes, children, state) => {
    const code = textOf(children)
      .replace(/^[ \t]*\r?\n/, '')
      .replace(/\s+$/, '');
    const parameters = { language: codeLanguage(attributes.language, state.dialect), title: attributes.header };
    return [macro('code', parameters, [x('ac:plain-text-body', {}, [cdata(code)])])];
  },
};

/**
 * React Router's and Remix's docs callouts (`<docs-warning>The feature is experimental.</docs-warning>`,
 * often one line of a paragraph): the panels of their kind. Blocks, as a `<div>` is, so a
 * paragraph of one is the panel.
 */
const DOCS_CALLOUTS: Record<string, string> = {
  'docs-info': 'info',
  'docs-warning': 'warning',
  'docs-error': 'warning',
  'docs-success': 'tip',
};

function isDocsCallout(name: string): boolean {
  return Object.hasOwn(DOCS_CALLOUTS, name);
}
/** What a paragraph is cut at as it is at a `<div>`: a docs callout's tags. */
const FLOW: TagSpec = { block: true, build: transparent };

/** Angular's `<docs-callout title="…">` (`important`, `critical` flags): a panel, as its callout paragraphs are. */
function docsCallout(attributes: Record<string, string>): TagSpec {
  const panel = attributes.critical !== undefined ? 'warning' : attributes.important !== undefined ? 'note' : 'info';
  return calloutComponent(panel);
}

/**
 * Next.js' docs write one page for both routers: `<AppOnly>` content shows only in the App Router's
 * version of the page, `<PagesOnly>` only in the Pages Router's. Confluence shows both, often side
 * by side with the same headings and samples, so each block is a panel titled for its router and a
 * reader can tell them apart. In a line of text (`assets <AppOnly>and Server Functions</AppOnly>`)
 * the words are kept as written: a panel cannot sit in a line, and a label there would break it.
 */
const ROUTER_ONLY: Record<string, string> = { apponly: 'App Router', pagesonly: 'Pages Router' };

const routerSection = (title: string): TagSpec => ({
  build: (_attributes, children) => [panelMacro('panel', { title }, wrapPhrasing(children))],
});

/**
 * The callout components of MDX docs sites, the panels their directives are: Docusaurus'
 * `<Admonition type="tip" title="…">`, Nextra's `<Callout type="warning">` (no type: `default`), and
 * Mintlify's `<Note>`, `<Info>`, `<Tip>`, `<Warning>`, `<Check>`, `<Danger>`. Any other type keeps
 * only its content, as other components do. Starlight's `<Aside type="caution">` too, by its capital.
 */
/** Each callout component, and its type when it is given none (Starlight's `<Aside>` is a note). */
const CALLOUT_COMPONENTS: Record<string, string> = { admonition: 'default', callout: 'default', aside: 'note' };
const CALLOUT_TYPES: Record<string, string> = {
  note: 'note',
  info: 'info',
  default: 'info',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  check: 'tip',
  important: 'note',
  warning: 'warning',
  caution: 'warning',
  danger: 'warning',
  error: 'warning',
};
const NAMED_CALLOUTS = new Set(['note', 'info', 'tip', 'warning', 'check', 'danger']);

function calloutPanel(name: string, attributes: Record<string, string>): string | undefined {
  // Supabase's docs write `<Admonition variant="note" label="…">` for Docusaurus' `type` and `title`.
  if (Object.hasOwn(CALLOUT_COMPONENTS, name))
    return CALLOUT_TYPES[(attributes.type ?? attributes.variant ?? CALLOUT_COMPONENTS[name]!).toLowerCase()];
  return NAMED_CALLOUTS.has(name) ? CALLOUT_TYPES[name] : undefined;
}

const calloutComponent = (panel: string): TagSpec => ({
  build: (attributes, children) => [
    panelMacro(panel, { title: (attributes.title ?? attributes.label)?.trim() || undefined }, wrapPhrasing(children)),
  ],
});

function numeric(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{1,9}$/.test(value) ? value : undefined;
}

/** Table-ish containers keep only their element children (whitespace between rows is not content). */
function onlyElements(children: XNode[]): XNode[] {
  return children.filter((child) => child.type === 'element');
}

function tableBody(children: XNode[]): XNode[] {
  return [
    x(
      'tbody',
      {},
      onlyElements(children).filter((child) => child.type === 'element' && child.name === 'tr'),
    ),
  ];
}

/**
 * Block tags whose content is a line of text (a heading, a table cell): the text of a paragraph
 * cut around them goes into them as it is, not as a paragraph of its own.
 */
const HOLDS_PHRASING = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'summary', 'dt', 'th', 'td', 'li', 'figcaption'],
]);

/** Block tags whose content is a line of text and nothing else (no paragraph may go in). */
const PHRASING_ONLY = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'summary', 'dt']);

const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9-]*)/;

/** A start or end tag of a flow element we convert (`<div>`, `</table>`, `<h1>`), which a paragraph cannot hold. */
function isFlowTag(html: string): boolean {
  const name = TAG_NAME.exec(html)?.[1]?.toLowerCase();
  if (name !== undefined && isDocsCallout(name)) return true;
  return name !== undefined && Object.hasOwn(TAGS, name) && TAGS[name]!.block === true;
}

/**
 * A paragraph cut at its flow-level raw HTML tags, or undefined when it has none (nearly always).
 * CommonMark lets any tag through inside a paragraph (`Some text <div class="note">…</div> more`,
 * `Text<br/><table>…</table>`, an OpenAPI description's `…avoided.<h1>Report parameters</h1><table>`):
 * the tags are raw HTML inline, so a browser meets a `<div>` inside a `<p>`, closes the paragraph
 * and shows the element. Here the tags become the block-level HTML they are, balanced with their
 * neighbours like any HTML block (a `<details>` opened mid-paragraph takes the blocks after it),
 * and the text between them becomes paragraphs again, its whitespace and line breaks next to the
 * cut taken off.
 */
export function paragraphPieces(paragraph: { children: PhrasingContent[] }): Array<Paragraph | Html> | undefined {
  const children = paragraph.children;
  let first = -1;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    if (child.type === 'html' && isFlowTag(child.value)) {
      first = index;
      break;
    }
  }
  if (first === -1) return undefined;
  const pieces: Array<Paragraph | Html> = [];
  let run: PhrasingContent[] = [];
  /** Inline elements open here (`<a href="…">`, `<b>`): a wrapper inside one is only its content. */
  const openInline: Array<{ name: string; start: Html }> = [];
  /** Start tags a block cut does not end (formatting carried on, and its copies after the cut). */
  const carried = new Set<PhrasingContent>();
  /** The run as a piece, unless it shows nothing: whether it was kept. */
  const flush = () => {
    const content = trimPiece(run);
    const kept = content.length > 0 && !onlyCarriedTags(content, carried);
    if (kept) pieces.push({ type: 'paragraph', children: content, position: content[0]!.position });
    run = [];
    return kept;
  };
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    const word = preformattedWord(children, index);
    if (word) {
      run.push(word);
      index += 2;
      continue;
    }
    const tag = child.type === 'html' ? tagOf(child.value) : undefined;
    const spec =
      tag && Object.hasOwn(TAGS, tag.name) ? TAGS[tag.name]! : tag && isDocsCallout(tag.name) ? FLOW : undefined;
    if (!tag || !spec) run.push(child);
    else if (!spec.block) {
      run.push(child);
      const open = tag.end ? openInline.map((entry) => entry.name).lastIndexOf(tag.name) : -1;
      if (open !== -1) openInline.splice(open, 1);
      else if (!tag.end && !spec.void) openInline.push({ name: tag.name, start: child as Html });
    } else if (spec.wrapper && openInline.length) {
      // `<a href="…"><div><img …></div></a>`: the link keeps its content, as a browser shows it.
    } else {
      const formatting = openInline.filter((entry) => FORMATTING.has(entry.name));
      for (const entry of formatting) carried.add(entry.start);
      const kept = flush();
      pieces.push(child as Html);
      // `<a href="…"><h3>Title</h3><p>Text</p></a>`: what follows the cut is still in the link, and
      // an `<a id>`'s anchor goes with the first copy that is shown.
      run = formatting.map((entry) => carriedCopy(entry.start, !kept && makesAnchor(entry.start)));
      for (let copy = 0; copy < run.length; copy += 1) {
        carried.add(run[copy]!);
        openInline[openInline.indexOf(formatting[copy]!)]!.start = run[copy] as Html;
      }
    }
  }
  flush();
  return pieces;
}

/**
 * A formatting start tag opened again after a block cut it (`data.carried`: a table cell leaves it
 * out). It makes the anchor of an `<a id>` only when no piece before the cut showed the tag.
 */
function carriedCopy(start: Html, anchored: boolean): Html {
  const data = { carried: true, anchored };
  return { type: 'html', value: start.value, position: start.position, data: data as Html['data'] };
}

export function isCarried(node: Nodes): boolean {
  return node.type === 'html' && (node.data as { carried?: boolean } | undefined)?.carried === true;
}

/** Whether the start tag makes its `<a id>`'s anchor: as written, or a copy that was given it (carriedCopy). */
function makesAnchor(node: Nodes): boolean {
  return !isCarried(node) || (node.data as { anchored?: boolean }).anchored === true;
}

/**
 * A piece of a cut paragraph that holds nothing but the start of formatting carried on past the
 * cut (and end tags, whitespace): `<a href="…">` right before an `<h3>` shows nothing of its own,
 * the link is in what follows, so the piece is no empty link.
 */
function onlyCarriedTags(content: PhrasingContent[], carried: Set<PhrasingContent>): boolean {
  return content.every(
    (node) =>
      carried.has(node) ||
      (node.type === 'html' && node.value.startsWith('</')) ||
      (node.type === 'text' && node.value.trim() === ''),
  );
}

function withoutAnchor(attributes: Record<string, string>): Record<string, string> {
  if (attributes.id === undefined && attributes.name === undefined) return attributes;
  const { id: _id, name: _name, ...rest } = attributes;
  return rest;
}

function media(attributes: Record<string, string>, children: XNode[], state: State, node: Nodes, tag: string): XNode[] {
  return [...embedded(attributes.src, attributes, state, node, tag), ...objectFallback(children)];
}

/** An `<object>`'s fallback after the link to it: set apart by a space when it goes on the same line. */
function objectFallback(children: XNode[]): XNode[] {
  const first = children.findIndex((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (first === -1) return [];
  const rest = children.slice(first);
  const head = rest[0]!;
  if (head.type === 'text') rest[0] = text(head.value.trimStart());
  return isPhrasing(head) ? [text(' '), ...rest] : rest;
}

/** A browser carries no formatting into a table cell from outside it. */
function withoutCarried(piece: Paragraph): Paragraph {
  return piece.children.some(isCarried)
    ? { ...piece, children: piece.children.filter((node) => !isCarried(node)) }
    : piece;
}

/** The name of a start or end tag (`<div class="x">` → div), lowercased. */
function tagOf(html: string): { name: string; end: boolean } | undefined {
  const match = TAG_NAME.exec(html);
  return match ? { name: match[1]!.toLowerCase(), end: html.charCodeAt(1) === 0x2f /* / */ } : undefined;
}

/**
 * `<pre>LICENSE</pre>` inside a sentence ("checks the repository for a <pre>LICENSE</pre> file",
 * Bitbucket's Javadoc-born descriptions): one word in `<pre>` is code in a line of text, which a
 * block of its own would cut into pieces, so it is inline code.
 */
function preformattedWord(children: PhrasingContent[], index: number): InlineCode | undefined {
  const [open, word, close] = [children[index], children[index + 1], children[index + 2]];
  if (open?.type !== 'html' || close?.type !== 'html' || word?.type !== 'text') return undefined;
  if (!/^<pre\s*>$/i.test(open.value) || !/^<\/pre\s*>$/i.test(close.value) || !/^\S+$/.test(word.value))
    return undefined;
  return { type: 'inlineCode', value: word.value, position: word.position };
}

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

/** A piece of a cut paragraph without the whitespace and line breaks that only set it apart from the cut. */
function trimPiece(run: PhrasingContent[]): PhrasingContent[] {
  const content = [...run];
  const isGap = (node: PhrasingContent | undefined) =>
    node !== undefined &&
    (node.type === 'break' ||
      (node.type === 'html' && LINE_BREAK_TAG.test(node.value)) ||
      (node.type === 'text' && node.value.trim() === ''));
  // After the formatting carried on from before the cut (`<b>`), the piece's own text starts.
  let start = 0;
  while (content[start] && isCarried(content[start]!)) start += 1;
  while (isGap(content[start])) content.splice(start, 1);
  while (isGap(content[content.length - 1])) content.pop();
  const head = content[start];
  if (head?.type === 'text') content[start] = { ...head, value: head.value.trimStart() };
  const tail = content[content.length - 1];
  if (tail?.type === 'text') content[content.length - 1] = { ...tail, value: tail.value.trimEnd() };
  return content;
}

/**
 * The spaces, tabs and line breaks written beside a line break (`a  <br>  b`, `text \` before a
 * hard break, a soft break after a `<br>`) taken off, in place (text nodes replaced, not changed:
 * they may be shared): a browser shows no space at either end of a broken line, while in storage
 * each would start or end the line with one. A no-break space is content and stays.
 */
function trimSpacesAtBreaks(content: XNode[]): void {
  for (let index = 0; index < content.length; index += 1) {
    if (!isBreak(content[index])) continue;
    const before = content[index - 1];
    if (before?.type === 'text' && LAYOUT_AT_END.test(before.value)) {
      const kept = withoutLayoutEnd(before.value);
      if (kept) content[index - 1] = text(kept);
      else {
        content.splice(index - 1, 1);
        index -= 1;
      }
    }
    const after = content[index + 1];
    if (after?.type === 'text' && LAYOUT_AT_START.test(after.value)) {
      const kept = withoutLayoutStart(after.value);
      if (kept) content[index + 1] = text(kept);
      else content.splice(index + 1, 1);
    }
  }
}

const LAYOUT_AT_START = /^[ \t\r\n]/;
const LAYOUT_AT_END = /[ \t\r\n]$/;

/** Deeper raw-HTML nesting is shown as text: it cannot be meant, and would exhaust the stack. */
const MAX_OPEN_TAGS = 32;

interface Frame {
  tag: string;
  spec: TagSpec;
  attributes: Record<string, string>;
  children: XNode[];
  node: Nodes;
  /** An MDX component's start tag, shown as written if no end tag closes it (`Promise<Repos>`). */
  component?: { source: string; closed: boolean; converted?: boolean };
  /** An element was closed inside it (an `<a>` whose only content was an icon left out shows its URL). */
  hadElement?: boolean;
  /** A dark-theme twin of an image was left out inside it: an `<a>` holding nothing else goes too. */
  heldDarkModeImage?: boolean;
  gaps?: IconGaps;
  /** An inline element held Markdown paragraphs (`<del>`, a blank line, text): a paragraph of its own. */
  heldParagraphs?: boolean;
  /** Formatting a block cut, opened again here (`carried`). */
  reopens?: CarriedFormatting;
}

/** A formatting element a block cut before its end tag: opened again where content follows. */
interface CarriedFormatting {
  tag: string;
  spec: TagSpec;
  attributes: Record<string, string>;
  node: Nodes;
  /** How many elements were open around it at the cut: it ends with them. */
  depth: number;
  /** Its copy open now, if any. */
  frame?: Frame;
}

/**
 * Where inline elements left out with nothing to show (an icon font's `<i class="fa fa-github">`)
 * were in their parent's content. The space written after an icon at the start, or before one at
 * the end, only set the glyph apart (`[<i class="fa fa-github"></i> Source](…)`): with the glyph
 * gone it would be the content's first or last character, so it goes with it.
 */
interface IconGaps {
  /** One was the first thing in the content. */
  atStart?: boolean;
  /** The content's length just after the last one: the same length at the end means it ended it. */
  endLength?: number;
}

/** The content with the whitespace the icons left out at its start and end taken off (text nodes replaced, not changed: they may be shared). */
function closeIconGaps(content: XNode[], gaps: IconGaps | undefined): void {
  if (!gaps) return;
  const last = content.length - 1;
  if (gaps.endLength === content.length && content[last]?.type === 'text') {
    const trimmed = content[last].value.replace(/[ \t\r\n]+$/, '');
    if (trimmed) content[last] = text(trimmed);
    else content.pop();
  }
  if (gaps.atStart && content[0]?.type === 'text') {
    const trimmed = content[0].value.replace(/^[ \t\r\n]+/, '');
    if (trimmed) content[0] = text(trimmed);
    else content.shift();
  }
}

export class HtmlBuilder {
  private readonly root: XNode[] = [];
  private rootGaps: IconGaps | undefined;
  private readonly stack: Frame[] = [];
  /** Formatting cut by a block and not yet ended (see FORMATTING): outermost first. */
  private carried: CarriedFormatting[] = [];

  constructor(
    private readonly state: State,
    /** Block context: flow tags allowed. In a paragraph only inline tags convert. */
    private readonly block: boolean,
  ) {}

  private get target(): XNode[] {
    return this.stack.length ? this.stack[this.stack.length - 1]!.children : this.root;
  }

  /** Raw HTML elements open here (their content goes into them, not to the top level). */
  get openElements(): number {
    return this.stack.length;
  }

  append(nodes: XNode[]): void {
    const target = this.target;
    const from = this.besideEdgeSpace(target, nodes[0]);
    // A loop, not a spread: a paragraph may hold more nodes than a call has room for arguments.
    for (let index = from; index < nodes.length; index += 1) target.push(nodes[index]!);
  }

  /**
   * A space moved out of an element's edge (phrasing.ts, `withEdgeSpaceOutside`) where whitespace
   * or a line break already stands beside it is one space too many, and so is one before closing
   * punctuation (`[Reference ][ref],` reads "Reference,"): the one before `next` is taken off
   * `target`, or `next`'s own is skipped (the index to append `nodes` from).
   */
  private besideEdgeSpace(target: XNode[], next: XNode | undefined): number {
    if (!next) return 0;
    const last = target[target.length - 1];
    if (isEdgeSpace(last) && ((next.type === 'text' && SPACE_OR_CLOSING.test(next.value)) || isBreak(next)))
      target.pop();
    else if (isEdgeSpace(next) && ((last?.type === 'text' && /\s$/.test(last.value)) || isBreak(last))) return 1;
    return 0;
  }

  /**
   * A converted Markdown block: in flow content it ends a raw `<p>` left open before it, as in a
   * browser, and a raw heading it would land in (`<h2>`, a blank line, a Markdown list, `</h2>`):
   * its paragraphs are lines of the heading, its first other block ends it.
   */
  appendBlock(nodes: XNode[]): void {
    if (this.block && this.stack.length && nodes.some((node) => !isPhrasing(node))) {
      this.closeOpenParagraph();
      const cut = this.openTextBlock() >= 0 || this.openInline() >= 0 ? nodes.findIndex(isFlowBlock) : -1;
      if (cut >= 0) {
        if (cut > 0) this.appendBlock(nodes.slice(0, cut));
        const inline = this.openInline();
        if (inline >= 0) this.cutAt(inline);
        this.closeOpenTextBlock(blockName(nodes[cut] as XElement));
        this.appendBlock(nodes.slice(cut));
        return;
      }
    }
    const top = this.stack[this.stack.length - 1];
    const inLine = top !== undefined && !top.component && (PHRASING_ONLY.has(top.tag) || INLINE_HOLDERS.has(top.tag));
    if (inLine && INLINE_HOLDERS.has(top.tag) && nodes.some((node) => node.type === 'element' && node.name === 'p'))
      top.heldParagraphs = true;
    this.append(inLine ? this.asLines(nodes, top.tag) : nodes);
  }

  /**
   * The outermost of the raw inline elements open at the top of the stack (`<del>`, a blank line,
   * Markdown, `</del>`; `<a href="…">` around a Markdown image's paragraph), -1 if the top is none.
   * A Markdown paragraph in them is a line of their text; any other block ends them (its formatting
   * carried on after it, as a block's cut carries it), since storage holds no block in a line.
   */
  private openInline(): number {
    let index = this.stack.length;
    while (index > 0 && INLINE_HOLDERS.has(this.stack[index - 1]!.tag) && !this.stack[index - 1]!.component) index -= 1;
    return index < this.stack.length ? index : -1;
  }

  /**
   * Markdown paragraphs inside a raw element that holds a line of text (`<h1 align="center">`, a
   * blank line, `![logo](…)`, `Project`, `</h1>`): storage has no paragraph in a heading, so each is
   * a line of it, after a line break (a blank line in `<pre>`), as a browser shows them.
   */
  private asLines(nodes: XNode[], tag: string): XNode[] {
    if (!nodes.some((node) => node.type === 'element' && node.name === 'p')) return nodes;
    const lines: XNode[] = [];
    let shown = !showsNothing(this.target);
    for (const node of nodes) {
      const content = node.type === 'element' && node.name === 'p' ? node.children : [node];
      if (shown && !showsNothing(content)) lines.push(tag === 'pre' ? text('\n\n') : x('br'));
      lines.push(...content);
      shown ||= !showsNothing(content);
    }
    return lines;
  }

  /**
   * A paragraph cut at its flow-level tags (`paragraphPieces`): the tags go in as HTML blocks, each
   * piece of text as a paragraph, or as the line of text of the element it is in (`<h1>`, `<td>`).
   */
  appendPieces(pieces: Array<Paragraph | Html>): void {
    const outerCode = this.state.inRawCode;
    for (const piece of pieces) {
      if (piece.type === 'html') {
        this.html(piece.value, piece);
        continue;
      }
      this.state.inRawCode = outerCode || this.inCode();
      const top = this.stack[this.stack.length - 1];
      const content = this.state.all(top && FORMATTING_BOUNDARY.has(top.tag) ? withoutCarried(piece) : piece);
      if (!content.length) continue;
      const inLine = top !== undefined && !top.component && (!top.spec.block || HOLDS_PHRASING.has(top.tag));
      if (!inLine) this.appendBlock(wrapPhrasing(content));
      else {
        // Set apart from what the element holds before it, as the paragraph break did (a blank line in `<pre>`).
        const last = this.target[this.target.length - 1];
        if (last && !(last.type === 'text' && /\s$/.test(last.value)))
          this.append([text(top.tag === 'pre' ? '\n\n' : ' ')]);
        this.append(content);
      }
    }
    this.state.inRawCode = outerCode;
  }

  /** Inside `<code>`, `<pre>` and the like, where an emoji shortcode is kept as written (as GitHub does). */
  inCode(): boolean {
    return this.stack.some((frame) => CODE_TAGS.has(frame.tag));
  }

  html(value: string, block: Nodes): void {
    const tokens = tokenizeHtml(value);
    // Lines of the HTML above the token: what it makes and warns about is placed on its own line.
    let lines = 0;
    for (let index = 0; index < tokens.length; lines += lineBreaks(tokens[index]!.source), index += 1) {
      const token = tokens[index]!;
      const node = atLine(block, lines);
      if (token.kind === 'hidden') {
        // A VitePress include is a comment a browser hides, but it stands for a file's content.
        if (/^<!--\s*@include:/.test(token.source))
          this.state.warn(`VitePress include ${token.source} left out: the file's content is not on this page`, node);
        if (token.source.startsWith('<![CDATA[')) this.warnCdata(token.source, node);
        continue;
      }
      if (this.skipped(token, node)) continue;
      if (token.kind === 'text') {
        const written = token.value.includes('{/*') ? this.withoutJsxComments(token.value) : token.value;
        const value =
          this.state.inRawCode || this.inCode()
            ? written
            : replaceEmojiShortcodes(oneLine(this.withoutLayoutAtBreaks(written, tokens[index + 1])));
        if (value === '') continue; // only the layout around a `<br>`
        const markdown = MARKUP.test(value) && this.inMarkdownElement() ? this.inlineMarkdown(value, node) : undefined;
        if (markdown) this.append(markdown);
        else if (this.carried.length && /\S/.test(value)) this.appendInCarried(value);
        else this.append([text(value)]);
      } else if (token.kind === 'open') {
        // A start tag opened again after a block cut it (paragraphPieces): an `<a id>`'s anchor was made before the cut.
        const attributes = makesAnchor(node) ? token.attributes : withoutAnchor(token.attributes);
        this.open(token.name, attributes, token.selfClosing, token.source, node);
      } else this.close(token.name, token.source, node);
    }
  }

  /**
   * A CDATA section in a page's HTML (an XML sample pasted as it is) is hidden by a browser, its
   * text and all, and so is left out here; the author meant it to be seen, so say what was lost.
   */
  private warnCdata(source: string, node: Nodes): void {
    const content = oneLine(source.slice('<![CDATA['.length, -']]>'.length)).trim();
    if (!content) return; // `<![CDATA[]]>` loses nothing
    const shown = content.length > 40 ? `${content.slice(0, 40)}…` : content;
    this.state.warn(
      `raw HTML <![CDATA[…]]> left out with its text "${shown}": a browser shows none of it → to show it, write it in a fenced code block (\`\`\`xml … \`\`\`)`,
      node,
    );
  }

  /**
   * kramdown's `markdown="1"` (Jekyll sites: `<div class="doc-box" markdown="1">`, `<td
   * markdown="1">`, expressjs.com): the text inside the element is Markdown. Only its inline
   * syntax is read here (code spans, links, emphasis), a line of text at a time as it comes; its
   * blocks already are, where blank lines set them apart from the tags.
   */
  private inMarkdownElement(): boolean {
    if (this.inCode() || this.state.inRawCode) return false;
    return this.stack.some((frame) => /^(?:1|span|block)$/.test(frame.attributes.markdown ?? ''));
  }

  /** A run of text as inline Markdown, its edge spaces kept; undefined if it is not one paragraph. */
  private inlineMarkdown(value: string, node: Nodes): XNode[] | undefined {
    const parsed = parseMarkdown(value.trim());
    const [paragraph, ...rest] = parsed.children;
    if (paragraph?.type !== 'paragraph' || rest.length) return undefined;
    // Its warnings name the line of the HTML the text is in.
    const line = node.position?.start.line ?? 1;
    const placed = shiftedLines(paragraph, line - 1);
    const edge = (space: boolean) => (space ? [text(' ')] : []);
    return [...edge(/^\s/.test(value)), ...this.state.all(placed), ...edge(/\s$/.test(value))];
  }

  /**
   * Inside an MDX component, JSX comments among its elements (`{/* Badge *\/}`, Tailwind's
   * `<Example>` demos) are no text: MDX shows nothing for them.
   */
  private withoutJsxComments(value: string): string {
    if (this.inCode() || !this.stack.some((frame) => frame.component)) return value;
    return value.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  }

  /**
   * Text without the source's line break and indentation beside a `<br>` (`…server.` / `<br/>` /
   * `<sub>…`, one a line): a browser shows no space at either end of a broken line, while in
   * storage it would start the new line with one. Spaces within a line are kept as written.
   */
  private withoutLayoutAtBreaks(value: string, next: HtmlToken | undefined): string {
    if (!value.includes('\n')) return value;
    let shown = value;
    if (isBreak(this.target[this.target.length - 1])) shown = shown.replace(/^[ \t]*\r?\n[ \t\r\n]*/, '');
    if (next?.kind === 'open' && next.name === 'br') shown = shown.replace(/[ \t\r\n]*\r?\n[ \t]*$/, '');
    return shown;
  }

  /**
   * Inline `<svg>` (a logo or a diagram pasted into a README): storage has no place for it, and its
   * markup shown as text would be a wall of path data. It is left out, whole, with one warning.
   */
  private svgDepth = 0;

  private skipped(token: ReturnType<typeof tokenizeHtml>[number], node: Nodes): boolean {
    const svg = (token.kind === 'open' || token.kind === 'close') && token.name === 'svg';
    if (!this.svgDepth && !(svg && token.kind === 'open')) return false;
    if (svg && token.kind === 'open' && !token.selfClosing) {
      if (!this.svgDepth)
        this.state.warn('inline <svg> left out: attach the SVG file and show it as an image instead', node);
      this.svgDepth += 1;
    } else if (svg && token.kind === 'close') this.svgDepth -= 1;
    return true;
  }

  private allowed(name: string): TagSpec | undefined {
    const spec = Object.hasOwn(TAGS, name) ? TAGS[name] : undefined;
    if (!spec) return undefined;
    if (spec.block && !this.block) return undefined;
    if (spec.inside && this.stack[this.stack.length - 1]?.tag !== spec.inside) return undefined;
    return spec;
  }

  private open(
    name: string,
    attributes: Record<string, string>,
    selfClosing: boolean,
    source: string,
    node: Nodes,
  ): void {
    // A component is never an HTML tag, even one named as a tag (Starlight's <Aside>).
    if (isComponent(source)) {
      this.openComponent(name, attributes, selfClosing, source, node);
      return;
    }
    const allowed = this.allowed(name);
    const spec = allowed && !allowed.block && !allowed.void && isCssBadge(attributes) ? CSS_BADGE : allowed;
    if (!spec && isCustomElement(name)) {
      this.openCustomElement(name, attributes, selfClosing, source, node);
      return;
    }
    if (!spec) {
      this.escaped(name, source, node);
      return;
    }
    if (TABLE_PARTS.has(name) && !this.stack.some((frame) => frame.tag === 'table')) {
      // Cells' texts set apart, as their columns set them apart in a table.
      const last = this.target[this.target.length - 1];
      if (name !== 'tr' && last?.type === 'text' && /\S$/.test(last.value)) this.append([text(' ')]);
      return;
    }
    if (spec.block && this.carried.length) this.cutReopened();
    if (spec.block && CLOSES_P.has(name)) this.closeOpenParagraph();
    if (name === 'p' && this.openTextBlock() >= 0) {
      // A paragraph in a heading (`<h1><p>Title</p></h1>`): a line of it, as a Markdown paragraph there is.
      if (!showsNothing(this.target)) this.append([x('br')]);
      return;
    }
    if (endsTextBlock(name)) this.closeOpenTextBlock(blockName(x(name)));
    if (Object.hasOwn(IMPLIED_END, name)) this.closeImplied(IMPLIED_END[name]!);
    if (!spec.block && this.carried.length) this.reopenCarried();
    if (name === 'source') this.mediaSource(attributes);
    if (spec.void) {
      if (name === 'img' && attributes.src !== undefined && isDarkModeOnly(attributes.src)) this.darkModeImageLeftOut();
      this.append(spec.build(attributes, [], this.state, node));
    } else if (selfClosing) this.appendElement(this.built({ tag: name, spec, attributes, children: [], node }));
    else if (this.stack.length >= MAX_OPEN_TAGS) this.append([text(source)]);
    else this.stack.push({ tag: name, spec, attributes, children: [], node });
  }

  /**
   * An MDX/JSX component (`<Tabs>`, `<TabItem label="Apple">`, `<BrowserWindow>`): Confluence has
   * nothing to render it with, and its tags shown as text would be noise around the content. Once
   * its end tag closes it, its content is kept (in block context as blocks, with a `title` or
   * `label` as a bold line before it) and the component is not, with a warning. Until then it may
   * be a type in prose (`Promise<Repos>`, `callback <Function>`): never closed, it is shown as
   * written. A self-closing one (`<DocCardList />`) is left out.
   */
  private openComponent(
    name: string,
    attributes: Record<string, string>,
    selfClosing: boolean,
    source: string,
    node: Nodes,
  ): void {
    if (name === 'badge') {
      this.openBadge(attributes, selfClosing, source, node);
      return;
    }
    if (selfClosing) {
      this.state.warn(`${componentKind(name)} ${source.trim()} left out: Confluence cannot render it`, node);
      return;
    }
    if (this.stack.length >= MAX_OPEN_TAGS) {
      this.escaped(name, source, node);
      return;
    }
    if (name === 'fragment' && attributes.slot !== undefined) {
      this.openSlotFragment(attributes, source, node);
      return;
    }
    const panel = this.block ? calloutPanel(name, attributes) : undefined;
    const router = Object.hasOwn(ROUTER_ONLY, name) ? ROUTER_ONLY[name] : undefined;
    const spec = !this.block
      ? INLINE_COMPONENT
      : panel
        ? calloutComponent(panel)
        : router
          ? routerSection(router)
          : name === 'tabitem'
            ? TAB_ITEM
            : BLOCK_COMPONENT;
    const component = { source, closed: false, converted: panel !== undefined || router !== undefined };
    this.stack.push({ tag: name, spec, attributes, children: [], node, component });
  }

  /**
   * Astro's named slots: `<Fragment slot="npm">` in a tabs component (`<PackageManagerTabs>`,
   * `<UIFrameworkTabs>`) is the tab of that name, its content under its name as a bold line, as
   * other tabs are. Chainlink's `<Tabs>` writes the labels apart (`<Fragment slot="tab.1">Sepolia</Fragment>`)
   * before the panels (`<Fragment slot="panel.1">`): a label shows nothing where it is written and
   * heads the panel of its number.
   */
  private openSlotFragment(attributes: Record<string, string>, source: string, node: Nodes): void {
    if (this.stack.length >= MAX_OPEN_TAGS) {
      this.escaped('fragment', source, node);
      return;
    }
    const slot = attributes.slot!.trim();
    const tab = /^tab\.(\w+)$/.exec(slot);
    const panel = /^panel\.(\w+)$/.exec(slot);
    const labels = this.state.tabLabels;
    const spec: TagSpec = tab
      ? { build: (_attributes, children) => (labels.set(tab[1]!, textOf(children).trim()), []) }
      : !this.block
        ? INLINE_COMPONENT
        : { build: componentWithHeading(() => (panel ? labels.get(panel[1]!) : slot)) };
    const component = { source, closed: false, converted: true };
    this.stack.push({ tag: 'fragment', spec, attributes, children: [], node, component });
  }

  /**
   * A docs site's component written as an HTML custom element (Angular's `<docs-callout title="…">`,
   * `<docs-step title="…">`, `<docs-pill href="…" title="…"/>`, `<docs-code language="ts">`):
   * converted as an MDX component is, rather than its tags shown as text. A code element holding
   * its code is a code block (one naming a `path` only shows a file this page does not hold: left
   * out, warned); a self-closing one with an `href` is a link titled by its `title`; a callout a panel.
   */
  private openCustomElement(
    name: string,
    attributes: Record<string, string>,
    selfClosing: boolean,
    source: string,
    node: Nodes,
  ): void {
    if (selfClosing && attributes.href) {
      const last = this.target[this.target.length - 1];
      if (last && !(last.type === 'text' && /\s$/.test(last.value))) this.append([text(' ')]);
      this.append(buildLink(this.state, attributes.href, undefined, [text(attributes.title ?? attributes.href)], node));
      return;
    }
    const callout = Object.hasOwn(DOCS_CALLOUTS, name) ? DOCS_CALLOUTS[name] : undefined;
    const spec =
      name === 'docs-code'
        ? DOCS_CODE
        : name === 'docs-callout' && this.block
          ? docsCallout(attributes)
          : callout && this.block
            ? calloutComponent(callout)
            : undefined;
    if (!spec || selfClosing || this.stack.length >= MAX_OPEN_TAGS) {
      this.openComponent(name, attributes, selfClosing, source, node);
      return;
    }
    const component = { source, closed: false, converted: true };
    this.stack.push({ tag: name, spec, attributes, children: [], node, component });
  }

  /** A badge component (`<Badge type="tip" text="^1.9.0" />`, or its text as content): a `status` macro. */
  private openBadge(attributes: Record<string, string>, selfClosing: boolean, source: string, node: Nodes): void {
    if (selfClosing) this.appendElement(BADGE.build(attributes, [], this.state, node));
    else if (this.stack.length >= MAX_OPEN_TAGS) this.escaped('badge', source, node);
    else {
      const component = { source, closed: false, converted: true };
      this.stack.push({ tag: 'badge', spec: BADGE, attributes, children: [], node, component });
    }
  }

  /** `<video><source src="…"></video>`: the first source is the video's when it has none of its own. */
  private mediaSource(attributes: Record<string, string>): void {
    const top = this.stack[this.stack.length - 1];
    if ((top?.tag === 'video' || top?.tag === 'audio') && top.attributes.src === undefined && attributes.src)
      top.attributes = { ...top.attributes, src: attributes.src };
  }

  /**
   * The open raw element that holds one line of text (`<h2>`, `<dt>`) content now goes into, past
   * inline elements only (`<h2><b>…`); -1 if there is none.
   */
  private openTextBlock(): number {
    let index = this.stack.length - 1;
    while (index >= 0 && !this.stack[index]!.spec.block && !this.stack[index]!.component) index -= 1;
    return index >= 0 && CUT_BY_BLOCKS.has(this.stack[index]!.tag) ? index : -1;
  }

  /**
   * A block (`what`) starts inside a raw heading (`<h2><ul>…</ul></h2>`, a table in an `<h3>`):
   * storage cannot hold a block in a heading, so the heading ends before it, keeping the text it
   * had, and the block and what follows it come after (its formatting carried on, as at a `<p>`'s
   * cut). The heading's end tag then closes nothing. Warned: the page does not look as written.
   */
  private closeOpenTextBlock(what: string): void {
    const index = this.openTextBlock();
    if (index < 0) return;
    const frame = this.stack[index]!;
    const holder = frame.tag === 'dt' ? 'definition term' : 'heading';
    this.state.warn(
      `raw HTML <${frame.tag}> holds ${what}, which a Confluence ${holder} cannot hold: the ${holder} ends before it`,
      frame.node,
    );
    this.cutAt(index);
  }

  /** A `<p>` still open, with only inline elements inside it, is closed (what a browser does). */
  private closeOpenParagraph(): void {
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]!.tag !== 'p' && !this.stack[index]!.spec.block) index -= 1;
    if (index >= 0 && this.stack[index]!.tag === 'p') this.cutAt(index);
  }

  /** An element the new start tag ends (an open `<li>` at the next `<li>`), with what is open inside it. */
  private closeImplied({ closes, scope }: (typeof IMPLIED_END)[string]): void {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const tag = this.stack[index]!.tag;
      if (scope.has(tag)) return;
      if (closes.has(tag)) {
        this.cutAt(index);
        return;
      }
    }
  }

  /**
   * The elements from `index` up end where a block starts (`<p>` before a `<div>`, `<li>` before the
   * next `<li>`). The formatting among them goes on after the cut: shown where it was so far (if
   * it held anything), and opened again where content follows, until its end tag.
   */
  private cutAt(index: number): void {
    const cut: CarriedFormatting[] = [];
    while (this.stack.length > index) {
      const frame = this.stack[this.stack.length - 1]!;
      if (FORMATTING.has(frame.tag) && !frame.component && !frame.reopens) {
        const { tag, spec, attributes, node } = frame;
        const empty = showsNothing(frame.children);
        // An `<a id="…">`'s anchor is made once: where it shows first.
        cut.unshift({ tag, spec, attributes: empty ? attributes : withoutAnchor(attributes), node, depth: index });
        if (empty) {
          // Nothing in it yet (`<a href="…"><div>…`): no empty element; it starts where content does.
          this.stack.pop();
          this.append(frame.children);
          continue;
        }
      }
      this.closeTop();
    }
    if (cut.length && this.carried.length < MAX_OPEN_TAGS) this.carried.push(...cut);
  }

  /**
   * A block starts where formatting carried past a cut is open again (`<p><b>x<div>y</div> more
   * <div>z</div>`): it cuts it again, as the first block did, so the block stays a block.
   */
  private cutReopened(): void {
    let index = this.stack.length;
    while (index > 0 && this.stack[index - 1]!.reopens) index -= 1;
    if (index < this.stack.length) this.cutAt(index);
  }

  /** The formatting a block cut, opened again around the content that follows (not into a table cell). */
  private reopenCarried(): void {
    for (const carried of this.carried) {
      if (carried.frame || this.stack.length >= MAX_OPEN_TAGS) continue;
      if (this.stack.slice(carried.depth).some((frame) => FORMATTING_BOUNDARY.has(frame.tag))) continue;
      const { tag, spec, attributes, node } = carried;
      carried.frame = { tag, spec, attributes, children: [], node, reopens: carried };
      carried.attributes = withoutAnchor(attributes);
      this.stack.push(carried.frame);
    }
  }

  /** Formatting carried past a cut ends with its end tag, and with the elements around it. */
  private endCarried(name: string): boolean {
    for (let index = this.carried.length - 1; index >= 0; index -= 1) {
      if (this.carried[index]!.tag === name && !this.carried[index]!.frame) {
        this.carried.splice(index, 1);
        return true;
      }
    }
    return false;
  }

  /** Text after a cut, in the formatting carried on: its leading space before it (`<center>x</center> tail`). */
  private appendInCarried(value: string): void {
    const space = /^\s*/.exec(value)![0];
    if (space) this.append([text(space)]);
    this.reopenCarried();
    this.append([text(value.slice(space.length))]);
  }

  /** A Markdown block starts: raw HTML's formatting is not carried into it. */
  endCarriedFormatting(): void {
    this.carried.length = 0;
  }

  private close(name: string, source: string, node: Nodes): void {
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]!.tag !== name) index -= 1;
    const reopened = index >= 0 ? this.stack[index]!.reopens : undefined;
    if (reopened) this.carried.splice(this.carried.indexOf(reopened), 1);
    if (index < 0 && this.carried.length && this.endCarried(name)) return;
    if (index < 0) {
      // `</br>` is a line break in every browser. A stray end tag of a tag we convert closes
      // nothing we can see (its start was in another block): like a browser, ignore it.
      // Any other end tag is shown as written.
      if (name === 'br') this.append([x('br')]);
      else if (!Object.hasOwn(TAGS, name)) this.escaped(name, source, node);
      return;
    }
    const component = this.stack[index]!.component;
    if (component) component.closed = true;
    while (this.stack.length > index) this.closeTop();
  }

  private closeTop(): void {
    const frame = this.stack.pop()!;
    if (frame.reopens) frame.reopens.frame = undefined;
    if (this.carried.length && this.carried.some((carried) => carried.depth > this.stack.length))
      this.carried = this.carried.filter((carried) => carried.depth <= this.stack.length);
    const component = frame.component;
    if (component && !component.closed) {
      this.escaped(frame.tag, component.source, frame.node);
      this.append(frame.children);
      return;
    }
    if (component && !component.converted) {
      const name = /^<([\w.:-]+)/.exec(component.source)![1]!;
      this.state.warn(`${componentKind(frame.tag)} <${name}> is not converted: its content is kept`, frame.node);
    }
    this.appendElement(this.built(frame));
  }

  /** What a closed element converted to, however little: its parent knows it had content. */
  private appendElement(nodes: XNode[]): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.hadElement = true;
    this.append(nodes);
  }

  /** An inline element was left out, nothing shown in its place: its parent's content remembers where. */
  private leftOut(): void {
    const parent = this.stack[this.stack.length - 1];
    const content = this.target;
    const gaps = parent ? (parent.gaps ??= {}) : (this.rootGaps ??= {});
    if (content.length === 0) gaps.atStart = true;
    gaps.endLength = content.length;
  }

  /** The open element's only image may have been a dark-theme twin, left out (`built`). */
  private darkModeImageLeftOut(): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.heldDarkModeImage = true;
  }

  private built(frame: Frame): XNode[] {
    // A link around a dark-theme image alone would be an empty, invisible `<a>`: it goes with the
    // image, as a Markdown link does (links.ts); an `<a id>`'s anchor stays.
    if (frame.tag === 'a' && frame.heldDarkModeImage && showsNothing(frame.children)) {
      const { href: _href, ...withoutLink } = frame.attributes;
      const shown = frame.spec.build(withoutLink, [], this.state, frame.node);
      if (shown.length === 0) this.leftOut();
      return shown;
    }
    // A CSS badge with no content still shows its words (`<sup class="vt-badge" data-text="3.3+" />`).
    if (LEFT_OUT_WHEN_EMPTY.has(frame.tag) && showsNothing(frame.children) && frame.spec !== CSS_BADGE) {
      const shown = emptyElement(frame);
      if (shown.length === 0 && !frame.spec.block) this.leftOut();
      return shown;
    }
    closeIconGaps(frame.children, frame.gaps);
    if (!CODE_TAGS.has(frame.tag) && !this.inCode() && !this.state.inRawCode) trimSpacesAtBreaks(frame.children);
    if (frame.spec.wrapper && this.holdsBlocks())
      return aligned(wrapPhrasing(frame.children), alignment(frame.tag, frame.attributes));
    if (INLINE_HOLDERS.has(frame.tag) && !frame.component && !frame.children.every(isPhrasing))
      return this.aroundBlocks(frame);
    const built = this.builtContent(frame);
    if (frame.tag === 'li' && !LISTS.has(this.stack[this.stack.length - 1]?.tag ?? '')) return this.strayItem(built);
    return frame.heldParagraphs && this.holdsBlocks() ? wrapPhrasing(built) : built;
  }

  /** An element built around its content: a link's URL shown if it holds nothing else, edge spaces moved outside. */
  private builtContent(frame: Frame): XNode[] {
    const href = frame.tag === 'a' && frame.hadElement ? frame.attributes.href : undefined;
    const children = href !== undefined ? contentOrUrl(frame.children, href) : frame.children;
    const moves = hasLayoutEdge(children) && movesEdgeSpace(frame) && !this.inCode() && !this.state.inRawCode;
    return moves
      ? withEdgeSpaceOutside(children, (content) => frame.spec.build(frame.attributes, content, this.state, frame.node))
      : frame.spec.build(frame.attributes, children, this.state, frame.node);
  }

  /**
   * A raw inline element left open over blocks (`<b>`, then `<details>` or a `<div>`'s Markdown
   * paragraphs before its end tag, or none): storage holds no block in a line, so it ends before
   * each block and starts again after it, and goes around each line inside the block
   * (formatting-within.ts), which reads bold or linked as a browser shows it. An `<a id>`'s anchor
   * is made once, in the first piece.
   */
  private aroundBlocks(frame: Frame): XNode[] {
    let attributes = frame.attributes;
    return linesFormatted(frame.children, (line) => {
      if (showsNothing(line)) return line;
      const piece = { ...frame, attributes, children: line };
      attributes = withoutAnchor(attributes);
      return this.builtContent(piece);
    });
  }

  /**
   * A list item written outside a list (`<li>One</li><li>Two</li>` alone, as some READMEs do): a
   * browser shows it with its bullet, and storage holds an item only in a list, so it goes in a
   * `<ul>`, the one of the item right before it if there is one.
   */
  private strayItem(items: XNode[]): XNode[] {
    const target = this.target;
    let before = target.length - 1;
    while (before >= 0 && target[before]!.type === 'text' && isLayoutSpace((target[before] as XText).value))
      before -= 1;
    const last = target[before];
    if (last?.type === 'element' && this.strayLists.has(last)) {
      target.length = before + 1; // the layout between the items
      for (const item of items) last.children.push(item);
      return [];
    }
    const list = x('ul', {}, items);
    this.strayLists.add(list);
    return [list];
  }

  /** The lists made for stray items (`strayItem`): a following stray item joins the last. */
  private readonly strayLists = new WeakSet<XNode>();

  /** Whether what is built now may be blocks: at the top of flow content, or in an element that holds them. */
  private holdsBlocks(): boolean {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) return this.block;
    return parent.spec.block === true && !PHRASING_ONLY.has(parent.tag);
  }

  private escaped(name: string, source: string, node: Nodes): void {
    if (!Object.hasOwn(TAGS, name) && !source.startsWith('</'))
      this.state.warn(`raw HTML <${name}> is not converted: shown as text`, node);
    this.append([text(source)]);
  }

  /** Unclosed tags close where their parent ends, as in a browser. */
  finish(): XNode[] {
    while (this.stack.length) this.closeTop();
    closeIconGaps(this.root, this.rootGaps);
    if (!this.state.inRawCode) trimSpacesAtBreaks(this.root);
    return this.root;
  }
}
