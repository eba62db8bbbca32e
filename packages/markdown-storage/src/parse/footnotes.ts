/**
 * markdown-it-footnote's `footnote_tail` rebuilds the whole token array once per footnote
 * (`tokens = tokens.concat(…)`), so 5,000 footnotes took 6 s. This replacement does the same job
 * in one pass: definitions are cut out of the stream and appended, in reference order, inside
 * `footnote_block_open … footnote_block_close`, each as `footnote_open(meta.label) … footnote_close`.
 * (Back-reference anchors are not emitted: the converter numbers and links footnotes itself.)
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

interface FootnoteEnv {
  footnotes?: { list?: Array<{ label?: string; content?: string; tokens?: Token[] }> };
}

function footnoteTail(state: StateCore): void {
  const env = state.env as FootnoteEnv;
  if (!env.footnotes) return;
  const bodies = new Map<string, Token[]>();
  const kept: Token[] = [];
  let body: Token[] | undefined;
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      body = [];
      bodies.set(String((token.meta as { label: string }).label), body);
    } else if (token.type === 'footnote_reference_close') body = undefined;
    else (body ?? kept).push(token);
  }
  state.tokens = kept;
  const list = env.footnotes.list;
  if (!list) return;
  kept.push(new state.Token('footnote_block_open', '', 1));
  list.forEach((footnote, id) => {
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id, label: footnote.label };
    kept.push(open);
    if (footnote.tokens) {
      // An inline footnote (`^[…]`, disabled here): its content as one paragraph.
      const inline = new state.Token('inline', '', 0);
      inline.children = footnote.tokens;
      inline.content = footnote.content ?? '';
      kept.push(new state.Token('paragraph_open', 'p', 1), inline, new state.Token('paragraph_close', 'p', -1));
    } else if (footnote.label !== undefined) {
      for (const token of bodies.get(footnote.label) ?? []) kept.push(token);
    }
    kept.push(new state.Token('footnote_close', '', -1));
  });
  kept.push(new state.Token('footnote_block_close', '', -1));
}

export function linearFootnoteTail(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
}
