/**
 * Inline markup written as a run of one character on each side (`~~struck~~`, `==marked==`), in
 * markdown-it's delimiter scheme: the tokenizer pushes each run as text and records the runs that
 * may pair; markdown-it's `balance_pairs` pairs openers with closers; the post-processor turns a
 * paired opener and closer into open and close tokens. One rule of this shape serves each marker.
 */
import type { StateInline } from 'markdown-it';

export interface PairedMarker {
  /** The character code of the marker (`~`, `=`). */
  marker: number;
  /** Whether a run of this many markers may pair (longer runs stay text). */
  pairs(length: number): boolean;
  /** The token type prefix (`s` → `s_open`/`s_close`) and the HTML tag they stand for. */
  type: string;
  tag: string;
}

export function pairedMarkerRules({ marker, pairs, type, tag }: PairedMarker) {
  const character = String.fromCharCode(marker);

  function tokenize(state: StateInline, silent: boolean): boolean {
    if (silent || state.src.charCodeAt(state.pos) !== marker) return false;
    const scanned = state.scanDelims(state.pos, true);
    const token = state.push('text', '', 0);
    token.content = character.repeat(scanned.length);
    if (pairs(scanned.length)) {
      state.delimiters.push({
        marker,
        length: 0, // no emphasis "rule of 3" for these
        token: state.tokens.length - 1,
        end: -1,
        open: scanned.can_open,
        close: scanned.can_close,
      });
    }
    state.pos += scanned.length;
    return true;
  }

  /** An opener pairs only with a closer of the same run length. */
  function pairUp(state: StateInline, delimiters: StateInline['delimiters']): void {
    for (const opener of delimiters) {
      if (opener.marker !== marker || opener.end === -1) continue;
      const open = state.tokens[opener.token]!;
      const close = state.tokens[delimiters[opener.end]!.token]!;
      if (open.content !== close.content) continue;
      for (const [token, nesting] of [
        [open, 1],
        [close, -1],
      ] as const) {
        token.type = nesting === 1 ? `${type}_open` : `${type}_close`;
        token.tag = tag;
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

  return { tokenize, postProcess };
}
