/**
 * GFM strikethrough for markdown-it: `~one~` and `~~two~~` (markdown-it's own rule takes only
 * the double form). A run of three or more tildes is literal text, and an opener only pairs with
 * a closer of the same length, as in GFM.
 */
import type { MarkdownIt } from 'markdown-it';
import { pairedMarkerRules } from './paired-markers.js';

const { tokenize, postProcess } = pairedMarkerRules({
  marker: 0x7e, // ~
  pairs: (length) => length <= 2,
  type: 's',
  tag: 's',
});

export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', postProcess);
}
