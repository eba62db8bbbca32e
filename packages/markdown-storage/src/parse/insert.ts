/**
 * Inserted text, `^^like this^^` (pymdownx.caret, which MkDocs sites enable with Material's
 * defaults): HTML's `<ins>`, shown underlined, so storage's `<u>` (to-mdast.ts makes raw `<u>` of
 * the tokens, which handlers/html.ts converts). Only a run of exactly two pairs, flanking as
 * emphasis does, so `a ^^ b` and regex anchors stay text. pymdownx.caret's single `^sup^` is not
 * read: one caret pairs too easily with another in prose that writes regexes or powers (`^[a-z]+^`).
 */
import type { MarkdownIt } from 'markdown-it';
import { pairedMarkerRules } from './paired-markers.js';

const { tokenize, postProcess } = pairedMarkerRules({
  marker: 0x5e, // ^
  pairs: (length) => length === 2,
  type: 'ins',
  tag: 'ins',
});

export function insert(md: MarkdownIt): void {
  md.inline.ruler.after('highlight', 'insert', tokenize);
  md.inline.ruler2.after('highlight', 'insert', postProcess);
}
