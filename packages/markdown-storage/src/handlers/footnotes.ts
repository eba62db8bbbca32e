/**
 * GFM footnotes. Confluence has none, so they are built from anchors: the reference is a
 * superscript link to `footnote-N`, and the notes are an ordered list at the end of the page,
 * each with a ↩ link back to `footnote-ref-N`.
 */
import type { FootnoteReference } from 'mdast';
import type { State } from '../state.js';
import { type XNode, cdata, x } from '../xml.js';
import { macro } from './macros.js';

function anchorLink(anchor: string, label: string): XNode {
  return x('ac:link', { 'ac:anchor': anchor }, [x('ac:plain-text-link-body', {}, [cdata(label)])]);
}

export function footnoteReference(node: FootnoteReference, state: State): XNode[] {
  let index = state.footnoteOrder.indexOf(node.identifier);
  const first = index === -1;
  if (first) index = state.footnoteOrder.push(node.identifier) - 1;
  const number = String(index + 1);
  const backAnchor = first ? [macro('anchor', { '': `footnote-ref-${number}` })] : [];
  return [x('sup', {}, [...backAnchor, anchorLink(`footnote-${number}`, number)])];
}

export function footnoteDefinition(): XNode[] {
  return [];
}

export function footnoteSection(state: State): XNode[] {
  const items: XNode[] = [];
  // Converting a note can reference a further note, which appends to the order: walk by index.
  for (let index = 0; index < state.footnoteOrder.length; index += 1) {
    const definition = state.footnoteDefinitions.get(state.footnoteOrder[index]!);
    if (!definition) continue;
    const number = String(index + 1);
    const content = state.all(definition);
    const backLink = anchorLink(`footnote-ref-${number}`, '↩');
    const last = content[content.length - 1];
    if (last?.type === 'element' && last.name === 'p') last.children.push({ type: 'text', value: ' ' }, backLink);
    else content.push(x('p', {}, [backLink]));
    items.push(x('li', {}, [macro('anchor', { '': `footnote-${number}` }), ...content]));
  }
  for (const [identifier, definition] of state.footnoteDefinitions) {
    if (!state.footnoteOrder.includes(identifier))
      state.warn(
        `footnote [^${definition.label ?? identifier}] is defined but never referenced: not shown`,
        definition,
      );
  }
  return items.length ? [x('hr'), x('ol', {}, items)] : [];
}
