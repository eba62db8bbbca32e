/**
 * Where each inline token starts in its block's inline content (`token.content` of the `inline`
 * token). markdown-it gives inline tokens no position; to-mdast.ts needs one to give a node the
 * line it is on, and counting line breaks in the tokens is not enough: a code span, a reference
 * label, a link's destination or an image's alt may span lines and leave no break token behind.
 *
 * Every rule pushes its token while `state.pos` is still at the construct's start (markdown-it's
 * own and this parser's plugins alike); text is flushed when the next token is pushed or at the
 * end, with `state.pos` just past it. A token made another way has no `offset`.
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** An inline token and its start in its block's inline content. */
export type PlacedToken = Token & { offset?: number };

export function inlineOffsets(md: MarkdownIt): void {
  md.inline.State = class PlacedStateInline extends md.inline.State {
    override push(type: string, tag: string, nesting: Token['nesting']): Token {
      const token: PlacedToken = super.push(type, tag, nesting);
      token.offset = this.pos;
      return token;
    }

    override pushPending(): Token {
      const offset = this.pos - this.pending.length;
      const token: PlacedToken = super.pushPending();
      token.offset = offset;
      return token;
    }
  };
}
