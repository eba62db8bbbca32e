/**
 * The Markdown parser: CommonMark + GFM (tables, strikethrough, task lists, autolink literals,
 * footnotes) + generic directives, into mdast. It is markdown-it under a unified parser, chosen
 * for speed: remark-parse (micromark) took ~3 s per MB here against < 1 s for this whole
 * conversion (docs/adr/0005). What comes out is the mdast remark-parse would give.
 */
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { directives } from './directives.js';
import { gfmStrikethrough } from './strikethrough.js';
import { tokensToMdast } from './to-mdast.js';
import { boundedNesting } from './nesting.js';
import { footnoteEnv, linearFootnoteTail } from './footnotes.js';

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true });
  // mdast keeps URLs as written (escapes and references decoded); safety is the converter's job.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  md.use(footnotes as unknown as PluginSimple)
    .use(gfmStrikethrough)
    .use(directives)
    .use(linearFootnoteTail)
    .use(boundedNesting);
  md.inline.ruler.disable('footnote_inline'); // `^[note]` is not GFM
  md.core.ruler.disable(['replacements', 'smartquotes']);
  // Autolink literals are found in the mdast instead (autolinks.ts), by GFM's rules.
  return md;
}

const parser = createParser();

export function parseMarkdown(markdown: string): Root {
  // A byte order mark is not content (editors on Windows write one).
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const env = footnoteEnv(parser.utils.normalizeReference);
  return tokensToMdast(parser.parse(text, env), text, parser.utils.unescapeAll);
}

/** The parser as a unified plugin: `unified().use(markdownParse)` parses Markdown into mdast. */
export const markdownParse: Plugin<[], string, Root> = function () {
  this.parser = (document) => parseMarkdown(document);
};
