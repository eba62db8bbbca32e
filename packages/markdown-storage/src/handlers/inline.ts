/** Phrasing content: text, emphasis, strong, strikethrough, hard breaks. */
import type { Break, Delete, Emphasis, Strong, Text } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text as textNode, x } from '../xml.js';

/** Soft line breaks are spaces: Confluence would otherwise keep them as literal newlines in the editor. */
export function text(node: Text): XNode[] {
  return [textNode(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '))];
}

export function emphasis(node: Emphasis, state: State): XNode[] {
  return [x('em', {}, state.all(node))];
}

export function strong(node: Strong, state: State): XNode[] {
  return [x('strong', {}, state.all(node))];
}

/** The storage format's strikethrough (Confluence rewrites `<s>`/`<del>` to this on save). */
export function strikethrough(node: Delete, state: State): XNode[] {
  return [x('span', { style: 'text-decoration: line-through;' }, state.all(node))];
}

export function hardBreak(_node: Break): XNode[] {
  return [x('br')];
}
