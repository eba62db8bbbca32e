import { type XNode, x } from './xml.js';

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
  if (node.type === 'raw') return false;
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
