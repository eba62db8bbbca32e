/**
 * Inline HTML tags whose attributes have no space between them (`<img src="a.png" width="80"alt="Build">`,
 * as READMEs write them). CommonMark's inline HTML wants a space before each attribute, so markdown-it's
 * `html_inline` reads such a tag as text, and the page showed it; a browser reads it as the tag, and so
 * does the HTML tokenizer (html-tokens.ts), which the same tag as an HTML block already reaches. Only a
 * tag markdown-it refuses, with a quoted value directly followed by the next attribute, is taken here.
 */
import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import { ruleEntries } from './ruler-entries.js';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

// CommonMark's open tag (markdown-it's html_re), but an attribute may follow a quoted value with no space.
const NAME = '[a-zA-Z_:][a-zA-Z0-9:._-]*';
const VALUE = `(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*")`;
const ATTRIBUTE = `(?:(?:\\s+|(?<=["']))${NAME}(?:\\s*=\\s*${VALUE})?)`;
const PACKED_OPEN_TAG = new RegExp(`^<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*\\/?>`);

export function packedAttributeTags(md: MarkdownIt): void {
  const entry = ruleEntries<InlineRule>(md.inline.ruler).find(({ name }) => name === 'html_inline');
  if (!entry) return;
  const htmlInline = entry.fn;
  md.inline.ruler.at(
    'html_inline',
    (state, silent) => {
      if (htmlInline(state, silent)) return true;
      if (!state.md.options.html || state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
      // markdown-it refused it: a tag matched here has a value with the next attribute right after it.
      const tag = PACKED_OPEN_TAG.exec(state.src.slice(state.pos, state.posMax))?.[0];
      if (!tag) return false;
      if (!silent) {
        state.push('html_inline', '', 0).content = tag;
        // As markdown-it counts a link's `<a …>` (not in its typings).
        if (/^<a\s/i.test(tag)) (state as unknown as { linkLevel: number }).linkLevel++;
      }
      state.pos += tag.length;
      return true;
    },
    { alt: entry.alt },
  );
}
