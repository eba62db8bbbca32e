/**
 * GFM strikethrough for markdown-it: `~one~` and `~~two~~` (markdown-it's own rule takes only
 * the double form). A run of three or more tildes is literal text, and an opener only pairs with
 * a closer of the same length, as in GFM.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

const TILDE = 0x7e;

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const run = '~'.repeat(scanned.length);
  const token = state.push('text', '', 0);
  token.content = run;
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: TILDE,
      length: 0, // no emphasis "rule of 3" for tildes
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

function pairUp(state: StateInline, delimiters: StateInline['delimiters']): void {
  for (const opener of delimiters) {
    if (opener.marker !== TILDE || opener.end === -1) continue;
    const open = state.tokens[opener.token]!;
    const close = state.tokens[delimiters[opener.end]!.token]!;
    if (open.content !== close.content) continue;
    for (const [token, nesting] of [
      [open, 1],
      [close, -1],
    ] as const) {
      token.type = nesting === 1 ? 's_open' : 's_close';
      token.tag = 's';
      token.nesting = nesting;
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

export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', postProcess);
}
