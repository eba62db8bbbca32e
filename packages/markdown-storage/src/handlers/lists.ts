/**
 * Lists. Tight lists render their paragraphs inline (as CommonMark does); GFM task items become
 * Confluence's native `ac:task-list`. A list mixing tasks and plain items is split into runs.
 */
import type { BlockContent, List, ListItem, Paragraph } from 'mdast';
import type { State } from '../state.js';
import { type XNode, x } from '../xml.js';
import { isPhrasing, wrapPhrasing } from '../phrasing.js';
import { HtmlBuilder, paragraphPieces } from './html.js';

function isLoose(list: List): boolean {
  return Boolean(list.spread) || list.children.some((item) => item.spread);
}

function isTask(item: ListItem): boolean {
  return typeof item.checked === 'boolean';
}

export function list(node: List, state: State): XNode[] {
  if (!node.ordered && isMdnDefinitionList(node)) return mdnDefinitionList(node, state);
  const loose = isLoose(node);
  const out: XNode[] = [];
  let start = node.start ?? 1;
  let run: ListItem[] = [];
  const flush = () => {
    if (!run.length) return;
    if (isTask(run[0]!)) out.push(taskList(run, loose, state));
    else {
      const attributes = { start: node.ordered && start !== 1 ? String(start) : undefined };
      out.push(
        x(
          node.ordered ? 'ol' : 'ul',
          attributes,
          run.map((item) => x('li', {}, itemContent(item, loose, state))),
        ),
      );
    }
    start += run.length;
    run = [];
  };
  for (const item of node.children) {
    if (run.length && isTask(run[0]!) !== isTask(item)) flush();
    run.push(item);
  }
  flush();
  return out;
}

/**
 * A tight item's paragraphs are inline content; a loose item keeps them as `<p>`. Raw HTML blocks
 * in a tight item (a `<table>` under a bullet's text) are balanced like any block parent's.
 */
function itemContent(item: ListItem, loose: boolean, state: State): XNode[] {
  if (loose) return state.all(item);
  const builder = new HtmlBuilder(state, true);
  let empty = true;
  for (const child of item.children) {
    if (child.type === 'html') {
      builder.html(child.value, child);
      empty = false;
      continue;
    }
    const pieces = child.type === 'paragraph' ? paragraphPieces(child) : undefined;
    if (pieces) {
      builder.appendPieces(pieces);
      empty = false;
      continue;
    }
    const nodes = child.type === 'paragraph' ? state.all(child as Paragraph) : state.one(child, item);
    if (child.type === 'paragraph' && !empty) builder.append([x('br')]);
    builder.append(nodes);
    empty &&= nodes.length === 0;
  }
  return paragraphsBesideBlocks(builder.finish());
}

/** Lists are what a tight item may hold beside its bare text, as CommonMark renders it. */
const LISTS = new Set(['ul', 'ol', 'ac:task-list']);

/**
 * A tight item's text beside a block other than a list (` - Install it:` / a fence under it): the
 * text goes in paragraphs, as Confluence's editor stores an item holding a code block, panel or
 * table (`<li><p>text</p><ac:structured-macro …>`), rather than bare text then a block macro, which
 * the editor has to repair. The line breaks that joined the item's paragraphs around the block go.
 */
function paragraphsBesideBlocks(nodes: XNode[]): XNode[] {
  const isBlock = (node: XNode | undefined) =>
    node !== undefined && !isPhrasing(node) && !(node.type === 'element' && LISTS.has(node.name));
  if (!nodes.some(isBlock)) return nodes;
  const isBreak = (node: XNode | undefined) => node?.type === 'element' && node.name === 'br';
  const kept = nodes.filter(
    (node, index) =>
      !isBreak(node) ||
      (index > 0 && !isBlock(nodes[index - 1]) && index < nodes.length - 1 && !isBlock(nodes[index + 1])),
  );
  return wrapPhrasing(kept);
}

/** A nested list of tasks is a sibling `ac:task-list` after its parent task, as Confluence stores it. */
function isTaskList(node: ListItem['children'][number]): node is List {
  return node.type === 'list' && node.children.length > 0 && node.children.every(isTask);
}

function taskList(items: ListItem[], loose: boolean, state: State): XNode {
  const children: XNode[] = [];
  for (const item of items) {
    const own: ListItem = { ...item, children: item.children.filter((child) => !isTaskList(child)) };
    children.push(
      x('ac:task', {}, [
        x('ac:task-status', {}, [{ type: 'text', value: item.checked ? 'complete' : 'incomplete' }]),
        x('ac:task-body', {}, loose ? wrapPhrasing(state.all(own)) : itemContent(own, false, state)),
      ]),
    );
    for (const child of item.children) if (isTaskList(child)) children.push(...list(child, state));
  }
  return x('ac:task-list', {}, children);
}

export function listItem(node: ListItem, state: State): XNode[] {
  return [x('li', {}, state.all(node))];
}

/**
 * MDN's definition lists: each item a term, then a nested item of one definition starting `: `
 * (`- \`index\`` / `  - : Zero-based index…`), which MDN's site shows as a `<dl>`. Read as a raw
 * `<dl>` is (html.ts): the term a bold line, its definition a quote under it, not a list of colons.
 */
function isMdnDefinitionList(node: List): boolean {
  return node.children.every((item) => {
    const [term, definitions, ...rest] = item.children;
    if (term?.type !== 'paragraph' || definitions?.type !== 'list' || rest.length || definitions.ordered) return false;
    return definitions.children.length === 1 && definitionText(definitions.children[0]!) !== undefined;
  });
}

/** The first text of a definition item, when it starts with MDN's `: ` marker. */
function definitionText(item: ListItem): { type: 'text'; value: string } | undefined {
  const first = item.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' && text.value.startsWith(': ') ? text : undefined;
}

function mdnDefinitionList(node: List, state: State): XNode[] {
  const out: XNode[] = [];
  for (const item of node.children) {
    const term = item.children[0] as Paragraph;
    const definition = (item.children[1] as List).children[0]!;
    const [first, ...blocks] = definition.children as BlockContent[];
    const paragraph = first as Paragraph;
    const marker = definitionText(definition)!;
    const content: Paragraph = {
      ...paragraph,
      children: [{ ...marker, value: marker.value.slice(2) }, ...paragraph.children.slice(1)],
    };
    out.push(x('p', {}, [x('strong', {}, state.all(term))]));
    out.push(x('blockquote', {}, state.all({ type: 'blockquote', children: [content, ...blocks] })));
  }
  return out;
}
