/**
 * Storage XHTML → a normalized, line-oriented text for hashing and diffs.
 *
 * Confluence rewrites what it stores: it adds `ac:macro-id`, `ac:schema-version`, `ac:local-id`
 * and task ids, reorders attributes, picks its own entity style and whitespace, splits CDATA,
 * turns `<b>` into `<strong>`. None of that is a change of content, so none of it shows here:
 * one element or text run per line, attributes sorted, entities decoded, whitespace collapsed
 * (except in code bodies and `<pre>`, whose lines are kept exactly, prefixed with `|`).
 */
import { decodeHTML } from 'entities';
import { PHRASING_ELEMENTS } from './phrasing.js';

export interface Element {
  name: string;
  attributes: [string, string][];
  children: Node[];
}
export type Node = Element | { text: string; raw: boolean };

/** Attributes Confluence adds or rewrites on its own. */
const VOLATILE_ATTRIBUTES = new Set([
  'ac:macro-id',
  'ac:schema-version',
  'ac:local-id',
  'local-id',
  'data-local-id',
  'data-layout',
  'data-table-width',
]);
/** Elements Confluence adds on its own (task ids). */
const VOLATILE_ELEMENTS = new Set(['ac:task-id', 'ac:task-uuid']);
/** Synonyms Confluence rewrites on save. */
const RENAMES: Record<string, string> = { b: 'strong', i: 'em' };
/** Where whitespace is content. */
const VERBATIM = new Set(['ac:plain-text-body', 'pre']);

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\w[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** A lenient storage parser (named entities, unclosed tags): the tree normalizeStorage and storageToMarkdown read. */
export function parseStorage(storage: string): Element {
  const root: Element = { name: '#root', attributes: [], children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1]!;
  let last = 0;
  const addText = (text: string, raw: boolean) => {
    if (text) top().children.push({ text, raw });
  };
  for (const match of storage.matchAll(TOKEN)) {
    addText(decodeHTML(storage.slice(last, match.index)), false);
    last = match.index + match[0].length;
    const [, cdata, closeName, openName, attributeSource, selfClosing] = match;
    if (cdata !== undefined) addText(cdata, true);
    else if (closeName !== undefined) {
      const name = canonicalName(closeName);
      const index = stack.findLastIndex((element) => element.name === name);
      if (index > 0) stack.length = index;
    } else if (openName !== undefined) {
      const element: Element = {
        name: canonicalName(openName),
        attributes: parseAttributes(attributeSource ?? ''),
        children: [],
      };
      top().children.push(element);
      if (!selfClosing && !VOID.has(element.name)) stack.push(element);
    }
  }
  addText(decodeHTML(storage.slice(last)), false);
  return root;
}

const VOID = new Set(['br', 'hr', 'img', 'col', 'meta', 'link', 'input']);

function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  return RENAMES[lower] ?? lower;
}

function parseAttributes(source: string): [string, string][] {
  const attributes: [string, string][] = [];
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (VOLATILE_ATTRIBUTES.has(name)) continue;
    const value = decodeHTML(match[2] ?? match[3] ?? match[4] ?? '');
    attributes.push([name, name === 'style' ? normalizeStyle(value) : value.replace(/\s+/g, ' ').trim()]);
  }
  return attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function normalizeStyle(style: string): string {
  return style
    .split(';')
    .map((rule) => rule.trim().replace(/\s*:\s*/, ': '))
    .filter(Boolean)
    .join('; ');
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function quote(value: string): string {
  return escape(value).replace(/"/g, '&quot;');
}

/** Elements kept on their parent's line: a paragraph reads as one line of the diff. */
const INLINE = new Set([
  ...PHRASING_ELEMENTS,
  // What links and images are made of.
  'ac:plain-text-link-body',
  'ac:link-body',
  'ri:page',
  'ri:attachment',
  'ri:url',
  'ri:user',
  'ri:space',
  'ri:blog-post',
  'ri:content-entity',
]);

function isElement(node: Node): node is Element {
  return 'name' in node;
}

/** Adjacent text and CDATA runs are one text (Confluence splits and merges them freely). */
function mergeText(children: Node[]): Node[] {
  const merged: Node[] = [];
  for (const child of children) {
    const previous = merged[merged.length - 1];
    if (!isElement(child) && previous && !isElement(previous))
      merged[merged.length - 1] = { text: previous.text + child.text, raw: true };
    else if (!isElement(child) || !VOLATILE_ELEMENTS.has(child.name)) merged.push(child);
  }
  return merged;
}

function startTag(element: Element, close: boolean): string {
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${quote(value)}"`).join('');
  return `<${element.name}${attributes}${close ? ' />' : '>'}`;
}

/** One line of inline content, canonical XML with collapsed whitespace. */
function inline(nodes: Node[]): string {
  let out = '';
  for (const node of mergeText(nodes)) {
    if (!isElement(node)) out += escape(node.text);
    else {
      const inner = inline(node.children);
      out += inner === '' ? startTag(node, true) : `${startTag(node, false)}${inner}</${node.name}>`;
    }
  }
  return out.replace(/\s+/g, ' ');
}

/** Cells, list items and task bodies whose only content is one plain paragraph: Confluence Cloud adds that `<p>` on save. */
const UNWRAP_SOLE_PARAGRAPH = new Set(['li', 'td', 'th', 'ac:task-body']);

function unwrapSoleParagraph(element: Element, children: Node[]): Node[] {
  if (!UNWRAP_SOLE_PARAGRAPH.has(element.name)) return children;
  const meaningful = children.filter((child) => isElement(child) || child.text.trim() !== '');
  const only = meaningful[0];
  if (meaningful.length === 1 && only && isElement(only) && only.name === 'p' && only.attributes.length === 0)
    return only.children;
  return children;
}

/** A macro's parameters are a set: Confluence (and people) write them in any order. */
function orderParameters(element: Element, children: Node[]): Node[] {
  if (element.name !== 'ac:structured-macro') return children;
  const name = (node: Node) =>
    isElement(node) && node.name === 'ac:parameter'
      ? (node.attributes.find(([key]) => key === 'ac:name')?.[1] ?? '')
      : undefined;
  const parameters = children
    .filter((child) => name(child) !== undefined)
    .sort((a, b) => (name(a)! < name(b)! ? -1 : name(a)! > name(b)! ? 1 : 0));
  return [...parameters, ...children.filter((child) => name(child) === undefined)];
}

function render(element: Element, depth: number, lines: string[], verbatim: boolean): void {
  const indent = '  '.repeat(depth);
  let run: Node[] = [];
  const flush = () => {
    const line = inline(run).trim();
    if (line) lines.push(`${indent}${line}`);
    run = [];
  };
  for (const child of orderParameters(element, mergeText(unwrapSoleParagraph(element, element.children)))) {
    if (!isElement(child) && verbatim) {
      for (const line of child.text.replace(/\r\n?/g, '\n').split('\n')) lines.push(`${indent}|${line}`);
      continue;
    }
    if (!isElement(child) || INLINE.has(child.name)) {
      run.push(child);
      continue;
    }
    flush();
    const inner: string[] = [];
    render(child, depth + 1, inner, verbatim || VERBATIM.has(child.name));
    const blockChildren = unwrapSoleParagraph(child, child.children).some(
      (node) => isElement(node) && !INLINE.has(node.name) && !VOLATILE_ELEMENTS.has(node.name),
    );
    if (inner.length === 0) lines.push(`${indent}${startTag(child, true)}`);
    else if (inner.length === 1 && !blockChildren && !verbatim && !VERBATIM.has(child.name)) {
      lines.push(`${indent}${startTag(child, false)}${inner[0]!.trim()}</${child.name}>`);
    } else lines.push(`${indent}${startTag(child, false)}`, ...inner, `${indent}</${child.name}>`);
  }
  flush();
}

export function normalizeStorage(storage: string): string {
  const lines: string[] = [];
  render(parseStorage(storage), 0, lines, false);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
