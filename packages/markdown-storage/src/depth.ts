/**
 * Bound the nesting depth of the tree before converting it. Markdown allows thousands of nested
 * quotes, lists or emphases (`>>>>>>…`); converting them recursively would overflow the stack, and
 * no Confluence page can show them anyway. Below MAX_DEPTH a subtree keeps its text, flattened.
 * The walk recurses only down to MAX_DEPTH, so it cannot overflow the stack either.
 */
import type { Nodes, Paragraph, Root, Text } from 'mdast';

export const MAX_DEPTH = 64;

/** The page's warning when `limitDepth` flattened something (at the line of the first content flattened). */
export const FLATTENED = `content nested deeper than ${MAX_DEPTH} levels is flattened to text`;

/** The warning, at the line of `at`, the first content flattened: where the author looks, as with any warning. */
export function flattenedWarning(at: Nodes): string {
  const line = at.position?.start.line;
  return line ? `line ${line}: ${FLATTENED}` : FLATTENED;
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'listItem', 'containerDirective', 'footnoteDefinition']);
/** Kept whole: their own structure adds only a level or two. */
const STRUCTURAL = new Set(['table', 'tableRow', 'list']);

function textOf(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string' && current.type !== 'html') out += current.value;
    else if ('children' in current) {
      const children = current.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
      if (BLOCK_CONTAINERS.has(current.type) || current.type === 'paragraph')
        stack.unshift({ type: 'text', value: ' ' });
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Flatten what lies deeper than MAX_DEPTH; returns the first node flattened (in document order), if any. */
export function limitDepth(tree: Root): Nodes | undefined {
  return limit(tree, 0);
}

/**
 * Recursive, yet bounded: nothing below MAX_DEPTH is descended into (only a table's or list's own
 * two or three levels), so the stack stays shallow however deep the Markdown nests. No per-node
 * allocation either: this walks every node of every page.
 */
function limit(node: Nodes, depth: number): Nodes | undefined {
  if (!('children' in node)) return undefined;
  if (depth >= MAX_DEPTH && !STRUCTURAL.has(node.type)) {
    const text: Text = { type: 'text', value: textOf(node) };
    const paragraph: Paragraph = { type: 'paragraph', children: [text] };
    (node as { children: Nodes[] }).children = BLOCK_CONTAINERS.has(node.type) ? [paragraph] : [text];
    return node;
  }
  let first: Nodes | undefined;
  const children = node.children as Nodes[];
  for (let index = 0; index < children.length; index += 1) {
    const flattened = limit(children[index]!, depth + 1);
    first ??= flattened;
  }
  return first;
}
