import { type XNode, type XText, x } from './xml.js';

/** Elements that sit inside a line of text (a paragraph's content). */
export const PHRASING_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'strong',
  'em',
  'code',
  'span',
  'sub',
  'sup',
  'u',
  's',
  'br',
  'small',
  'big',
  'cite',
  'del',
  'ac:link',
  'ac:image',
  'ac:emoticon',
  'ac:placeholder',
  'time',
]);
/** Macros that sit in a line of text (the Widget Connector is stored in a `<p>`, as the editor does). */
const INLINE_MACROS = new Set(['status', 'anchor', 'jira', 'widget']);

export function isPhrasing(node: XNode): boolean {
  if (node.type === 'raw') return node.phrasing === true;
  if (node.type !== 'element') return true;
  if (node.name === 'ac:structured-macro') return INLINE_MACROS.has(node.attributes['ac:name'] ?? '');
  return PHRASING_ELEMENTS.has(node.name);
}

/** In block content, group each run of inline nodes into a paragraph; whitespace-only runs vanish. */
export function wrapPhrasing(nodes: XNode[]): XNode[] {
  const out: XNode[] = [];
  let run: XNode[] = [];
  const flush = () => {
    const meaningful = run.some((node) => node.type !== 'text' || node.value.trim() !== '');
    if (meaningful) out.push(x('p', {}, trimRun(run)));
    run = [];
  };
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (isPhrasing(node)) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

function trimRun(run: XNode[]): XNode[] {
  const nodes = [...run];
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = { type: 'text', value: first.value.replace(/^\s+/, '') };
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', value: last.value.replace(/\s+$/, '') };
  return nodes.filter((node) => node.type !== 'text' || node.value !== '');
}

/**
 * Whitespace that only lays out the source (spaces, tabs, line breaks), which a browser collapses
 * and a paragraph's edges lose; a no-break space (`&nbsp;`, a README's spacer) is content.
 */
const LAYOUT_START = /^[ \t\r\n]+/;
const LAYOUT_END = /[ \t\r\n]+$/;

export function withoutLayoutStart(value: string): string {
  return value.replace(LAYOUT_START, '');
}
export function withoutLayoutEnd(value: string): string {
  return value.replace(LAYOUT_END, '');
}
/** Text that is nothing but layout whitespace (an empty string too). */
export function isLayoutSpace(value: string): boolean {
  return /^[ \t\r\n]*$/.test(value);
}

/**
 * The space an inline element's edge held (`<em> x </em>`, `[ text ](…)`, `**[ a ](…)**`), moved
 * outside it: Confluence shows a space inside an element as part of it (an underlined or struck
 * space, a bold gap). A list of siblings drops it where whitespace or a line break already stands
 * beside it (HtmlBuilder.append), and a block's edges drop it as they drop any edge whitespace.
 */
interface EdgeSpace extends XText {
  edge: true;
}

function edgeSpace(): XText {
  return { type: 'text', value: ' ', edge: true } as EdgeSpace;
}

export function isEdgeSpace(node: XNode | undefined): boolean {
  return node?.type === 'text' && (node as Partial<EdgeSpace>).edge === true;
}

/** Space, tab, line feed, carriage return: layout whitespace (a no-break space is content). */
function isLayoutCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function startsWithLayout(node: XNode | undefined): boolean {
  return node?.type === 'text' && isLayoutCode(node.value.charCodeAt(0));
}

function endsWithLayout(node: XNode | undefined): boolean {
  return node?.type === 'text' && isLayoutCode(node.value.charCodeAt(node.value.length - 1));
}

/** Whether `children` start or end with layout whitespace (checked before anything is built: this runs on every link). */
export function hasLayoutEdge(children: XNode[]): boolean {
  return startsWithLayout(children[0]) || endsWithLayout(children[children.length - 1]);
}

/**
 * `build(content)` with the layout whitespace at the content's edges moved outside what it builds,
 * as one space each side. Content that is nothing but whitespace is built as it is (its element
 * decides: left out, or a link showing its URL). A no-break space is content and stays inside.
 */
export function withEdgeSpaceOutside(children: XNode[], build: (content: XNode[]) => XNode[]): XNode[] {
  const atStart = startsWithLayout(children[0]);
  const atEnd = endsWithLayout(children[children.length - 1]);
  if (!atStart && !atEnd) return build(children);
  const content = withoutLayoutEdges(children);
  if (content.length === 0) return build(children);
  const built = build(content);
  return [...(atStart ? [edgeSpace()] : []), ...built, ...(atEnd ? [edgeSpace()] : [])];
}

/** The nodes without layout whitespace at their edges: whitespace-only text left out, the rest trimmed. */
function withoutLayoutEdges(children: XNode[]): XNode[] {
  let start = 0;
  let end = children.length;
  const isLayout = (node: XNode) => node.type === 'text' && isLayoutSpace(node.value);
  while (start < end && isLayout(children[start]!)) start += 1;
  while (end > start && isLayout(children[end - 1]!)) end -= 1;
  const content = children.slice(start, end);
  const head = content[0];
  if (head?.type === 'text') content[0] = { type: 'text', value: withoutLayoutStart(head.value) };
  const tail = content[content.length - 1];
  if (tail?.type === 'text') content[content.length - 1] = { type: 'text', value: withoutLayoutEnd(tail.value) };
  return content;
}

/** A line of text's content without the spaces moved out of elements at its very edges (a heading, a cell). */
export function withoutEdgeSpaces(nodes: XNode[]): XNode[] {
  if (!isEdgeSpace(nodes[0]) && !isEdgeSpace(nodes[nodes.length - 1])) return nodes;
  let start = 0;
  let end = nodes.length;
  if (isEdgeSpace(nodes[start])) start += 1;
  if (end > start && isEdgeSpace(nodes[end - 1])) end -= 1;
  return nodes.slice(start, end);
}

/**
 * A text's line breaks, with the spaces around them, as one space, as a soft break reads. Most
 * texts have none (markdown-it gives soft breaks tokens of their own): those are not scanned.
 */
export function spacedLines(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : text;
}
