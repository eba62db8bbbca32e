/**
 * Formatting pushed down into a block. Storage holds no block in a line of text, so an inline
 * element that would hold one (raw `<b>` left open over a `<details>`, a Markdown list, a `<pre>`)
 * ends before the block and starts again inside it, around each line the block holds: the block
 * still reads bold, linked or struck, as a browser shows it, and stays a block.
 */
import { type XNode, x } from './xml.js';
import { isPhrasing } from './phrasing.js';

/** Elements holding one line of text: the formatting goes around their content. */
const LINE_HOLDERS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/**
 * Elements holding blocks or lines (lists and items, quotes, a macro's rich-text body, tasks): the
 * formatting goes into each line they hold. Anything else has no text to format or takes no
 * formatting from outside (a table's cells, as in a browser), and stays as it is: a rule, a code
 * macro's plain-text body, a macro's parameters.
 */
const FLOW_HOLDERS: ReadonlySet<string> = new Set([
  ...['ul', 'ol', 'li', 'blockquote'],
  ...['ac:structured-macro', 'ac:rich-text-body', 'ac:task-list', 'ac:task', 'ac:task-body'],
]);

/** `block` with each line of text it holds passed through `wrap` (which builds the formatting around it). */
export function formattedWithin(block: XNode, wrap: (line: XNode[]) => XNode[]): XNode {
  if (block.type !== 'element') return block;
  if (LINE_HOLDERS.has(block.name)) return x(block.name, block.attributes, wrap(block.children));
  if (!FLOW_HOLDERS.has(block.name)) return block;
  return x(block.name, block.attributes, linesFormatted(block.children, wrap));
}

/** Flow content with each run of phrasing wrapped and each block formatted within. */
export function linesFormatted(children: XNode[], wrap: (line: XNode[]) => XNode[]): XNode[] {
  const out: XNode[] = [];
  let run: XNode[] = [];
  const flush = () => {
    if (run.length) out.push(...wrap(run));
    run = [];
  };
  for (const child of children) {
    if (isPhrasing(child)) run.push(child);
    else {
      flush();
      out.push(formattedWithin(child, wrap));
    }
  }
  flush();
  return out;
}
