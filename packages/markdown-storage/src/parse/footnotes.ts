/**
 * Footnotes on markdown-it-footnote, with two fixes.
 *
 * Labels match as GFM says, case-insensitively and with whitespace collapsed (`[^Note]` finds
 * `[^note]:`): the plugin keys its table by the label as written, so it is handed a table that
 * normalizes its keys (`footnoteEnv`).
 *
 * And markdown-it-footnote's `footnote_tail` rebuilds the whole token array once per footnote
 * (`tokens = tokens.concat(…)`), so 5,000 footnotes took 6 s. This replacement does the same job
 * in one pass: definitions are cut out of the stream and appended, in reference order, inside
 * `footnote_block_open … footnote_block_close`, each as `footnote_open(meta.label) … footnote_close`.
 * (Back-reference anchors are not emitted: the converter numbers and links footnotes itself.)
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

interface FootnoteEnv {
  footnotes?: { refs?: Record<string, number>; list?: Array<{ label?: string; content?: string; tokens?: Token[] }> };
}

/** A per-parse env whose footnote table normalizes labels like link labels. */
export function footnoteEnv(normalize: (label: string) => string): FootnoteEnv {
  const key = (property: string | symbol) =>
    typeof property === 'string' && property.startsWith(':') ? `:${normalize(property.slice(1))}` : property;
  const refs = new Proxy({} as Record<string, number>, {
    get: (target, property) => Reflect.get(target, key(property)),
    set: (target, property, value) => Reflect.set(target, key(property), value),
    has: (target, property) => Reflect.has(target, key(property)),
  });
  return { footnotes: { refs } };
}

function footnoteTail(state: StateCore): void {
  const env = state.env as FootnoteEnv;
  // No definition on the page (each one enters `refs` as it is parsed): nothing to move.
  if (!env.footnotes?.refs || (!Object.keys(env.footnotes.refs).length && !env.footnotes.list?.length)) return;
  /** Normalized label → the label as written and the definition's tokens. */
  const bodies = new Map<string, { label: string; tokens: Token[] }>();
  const kept: Token[] = [];
  let body: Token[] | undefined;
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      body = [];
      const label = String((token.meta as { label: string }).label);
      bodies.set(state.md.utils.normalizeReference(label), { label, tokens: body });
    } else if (token.type === 'footnote_reference_close') body = undefined;
    else (body ?? kept).push(token);
  }
  state.tokens = kept;
  const list = env.footnotes.list ?? [];
  if (!list.length && !bodies.size) return;
  // Definitions nothing references go last, so the converter can say they are not shown.
  const referenced = new Set(list.map((footnote) => state.md.utils.normalizeReference(footnote.label ?? '')));
  for (const [key, { label }] of bodies) if (!referenced.has(key)) list.push({ label });
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
      for (const token of bodies.get(state.md.utils.normalizeReference(footnote.label))?.tokens ?? []) kept.push(token);
    }
    kept.push(new state.Token('footnote_close', '', -1));
  });
  kept.push(new state.Token('footnote_block_close', '', -1));
}

export function linearFootnoteTail(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
}
