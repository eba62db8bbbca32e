/**
 * MDX written for Docusaurus and friends: ESM `import`/`export` blocks (parse/mdx.ts) are the
 * site's build code, left out with a warning that quotes them. JSX components are handled with the
 * raw HTML (html.ts: their content is kept, the component is not).
 */
import type { Literal, Nodes } from 'mdast';
import type { State } from '../state.js';
import type { XNode } from '../xml.js';

export function mdxjsEsm(node: Literal, state: State): XNode[] {
  const [first, ...more] = node.value.split('\n');
  const rest = more.length ? ` (and ${more.length} more line${more.length > 1 ? 's' : ''})` : '';
  state.warn(
    `MDX import/export left out, it is build code, not content: ${first!.trim()}${rest}`,
    node as unknown as Nodes,
  );
  return [];
}
