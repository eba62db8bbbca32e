/**
 * Highlighted text, `==like this==` (Obsidian; Wiki.js and others through markdown-it-mark): the
 * same as raw HTML's `<mark>`, which storage shows as its text (handlers/html.ts), so the markers
 * are taken off and the text kept (to-mdast.ts makes no node of mark tokens). Only a run of
 * exactly two pairs, flanking as emphasis does, so `a == b` and `===` stay text.
 */
import type { MarkdownIt } from 'markdown-it';
import { pairedMarkerRules } from './paired-markers.js';

const { tokenize, postProcess } = pairedMarkerRules({
  marker: 0x3d, // =
  pairs: (length) => length === 2,
  type: 'mark',
  tag: 'mark',
});

export function highlight(md: MarkdownIt): void {
  md.inline.ruler.after('strikethrough', 'highlight', tokenize);
  md.inline.ruler2.after('strikethrough', 'highlight', postProcess);
}
