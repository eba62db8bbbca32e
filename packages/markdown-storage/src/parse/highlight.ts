/**
 * Highlighted text, `==like this==` (Obsidian; Wiki.js and others through markdown-it-mark): the
 * same as raw HTML's `<mark>`, which storage shows as its text (handlers/html.ts), so the markers
 * are taken off and the text kept. Only a run of exactly two pairs, flanking as emphasis does, so
 * `a == b` and `===` stay text.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

const EQUALS = 0x3d;

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== EQUALS) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = '='.repeat(scanned.length);
  if (scanned.length === 2) {
    state.delimiters.push({
      marker: EQUALS,
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

/** A paired opener and closer become mark tokens, which to-mdast.ts does not turn into nodes. */
function pairUp(state: StateInline, delimiters: StateInline['delimiters']): void {
  for (const opener of delimiters) {
    if (opener.marker !== EQUALS || opener.end === -1) continue;
    const open = state.tokens[opener.token]!;
    const close = state.tokens[delimiters[opener.end]!.token]!;
    open.type = 'mark_open';
    close.type = 'mark_close';
    for (const token of [open, close]) {
      token.markup = token.content;
      token.content = '';
    }
  }
}

function postProcess(state: StateInline): boolean {
  pairUp(state, state.delimiters);
  for (const meta of state.tokens_meta) if (meta?.delimiters) pairUp(state, meta.delimiters);
  return true;
}

export function highlight(md: MarkdownIt): void {
  md.inline.ruler.after('strikethrough', 'highlight', tokenize);
  md.inline.ruler2.after('strikethrough', 'highlight', postProcess);
}
