/**
 * Every node of a tree in document order (pre-order), iteratively: big pages have hundreds of
 * thousands of nodes, and `unist-util-visit`'s generality (tests, paths, skip/exit) cost more than
 * the whole pre-pass needs.
 */
import type { Nodes } from 'mdast';

export function eachNode(tree: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
    }
  }
}
