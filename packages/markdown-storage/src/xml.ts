/**
 * A tiny XML tree (shaped like xast) and its serializer.
 *
 * Handlers build this tree instead of concatenating strings, so escaping happens in exactly one
 * place and the output is well-formed by construction: text can never become markup.
 */

export interface XElement {
  type: 'element';
  name: string;
  attributes: Record<string, string | undefined>;
  children: XNode[];
}
export interface XText {
  type: 'text';
  value: string;
}
/** Serialized as CDATA (split around `]]>`), used for code and plain-text link bodies. */
export interface XCData {
  type: 'cdata';
  value: string;
}
/**
 * Storage already serialized (a converted block reused from the memo, or written by the fast path,
 * parts.ts): written as is. Only ever content at the top level of a page: blocks, or `phrasing`
 * (an anchor macro), which the page wraps in a paragraph with the phrasing beside it.
 */
export interface XRaw {
  type: 'raw';
  value: string;
  phrasing?: boolean;
}
export type XNode = XElement | XText | XCData | XRaw;

export function x(name: string, attributes: Record<string, string | undefined> = {}, children: XNode[] = []): XElement {
  return { type: 'element', name, attributes, children };
}
export function text(value: string): XText {
  return { type: 'text', value };
}
export function cdata(value: string): XCData {
  return { type: 'cdata', value };
}

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF): Confluence strips them, so do we. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbidden(value: string): string {
  return value.replace(FORBIDDEN, '');
}

/**
 * Invisible or easily-confused characters written as numeric references so a reviewer sees them
 * in the storage diff (no-break space, soft hyphen, zero-width and bidi marks, line separators, BOM).
 * Named HTML entities are never emitted: only the five XML ones and numeric references.
 */
const INVISIBLE = /[\u00A0\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g;

function reference(char: string): string {
  return `&#${char.codePointAt(0)};`;
}

/** Anything escapeText changes (built from the patterns it applies, so the two cannot drift apart). */
const NEEDS_ESCAPE = new RegExp(`[&<>]|${FORBIDDEN.source}|${INVISIBLE.source}`);

export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return stripForbidden(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INVISIBLE, reference);
}

export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `]]>` cannot appear inside CDATA: close the section between `]]` and `>` and open a new one. */
export function cdataSection(value: string): string {
  return `<![CDATA[${stripForbidden(value).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function toXml(nodes: XNode[], separator = ''): string {
  const out: string[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    if (index > 0 && separator) out.push(separator);
    serialize(nodes[index]!, out);
  }
  return out.join('');
}

/** Append `node`'s XML to `out` (pieces joined once at the end: one flat string, no rope of thousands). */
function serialize(node: XNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(escapeText(node.value));
    return;
  }
  if (node.type === 'cdata') {
    out.push(cdataSection(node.value));
    return;
  }
  if (node.type === 'raw') {
    out.push(node.value);
    return;
  }
  let open = `<${node.name}`;
  for (const key in node.attributes) {
    const value = node.attributes[key];
    if (value !== undefined) open += ` ${key}="${escapeAttribute(value)}"`;
  }
  const children = node.children;
  if (children.length === 0 && VOID.has(node.name)) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`);
  for (let index = 0; index < children.length; index += 1) serialize(children[index]!, out);
  out.push(`</${node.name}>`);
}

/** Elements written self-closed; every other empty element gets an explicit end tag (`<p></p>`). */
const VOID = new Set(['br', 'hr', 'img', 'col', 'ri:page', 'ri:attachment', 'ri:url', 'ri:user', 'ri:space']);

/** No element and only whitespace text: nothing a reader would see. */
const VISIBLE = /\S/;

export function showsNothing(nodes: XNode[]): boolean {
  return nodes.every((node) => node.type === 'text' && !VISIBLE.test(node.value));
}

/** Plain text of a subtree (used for titles taken from rich content). */
export function textOf(nodes: XNode[]): string {
  return nodes.map((node) => (node.type === 'element' ? textOf(node.children) : node.value)).join('');
}
