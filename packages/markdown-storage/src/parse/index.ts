/**
 * The Markdown parser: CommonMark + GFM (tables, strikethrough, task lists, autolink literals,
 * footnotes) + generic directives + MkDocs admonitions + TeX math (`$…$`, `$$…$$`), into mdast. It is markdown-it under a
 * unified parser, chosen for speed: remark-parse (micromark) took ~3 s per MB here against < 1 s
 * for this whole conversion (docs/adr/0005). What comes out is the mdast remark-parse would give.
 */
import MarkdownIt, { type PluginSimple, type Token } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { directives } from './directives.js';
import { mkdocsAdmonitions } from './mkdocs-admonitions.js';
import { mkdocsContentTabs } from './mkdocs-tabs.js';
import { mkdocsBlocks } from './mkdocs-blocks.js';
import { definitionLists } from './definition-lists.js';
import { gfmStrikethrough } from './strikethrough.js';
import { highlight } from './highlight.js';
import { insert } from './insert.js';
import { keys } from './keys.js';
import { Lines, tokensToMdast } from './to-mdast.js';
import { boundedNesting } from './nesting.js';
import { tableRowCells } from './table-rows.js';
import { footnoteEnv, linearFootnoteTail } from './footnotes.js';
import { frontMatterPlugin } from './front-matter.js';
import { math } from './math.js';
import { mdx } from './mdx.js';
import { abbreviations } from './abbreviations.js';
import { mdxComponents } from './mdx-jsx.js';
import { liquid } from './liquid.js';
import { shortcodePanels } from './shortcode-panels.js';
import { wikilinks } from './wikilinks.js';
import { templateCalls } from './template-calls.js';
import { dispatchByCharacter } from './dispatch.js';
import { spanningConstructs } from './spanning-constructs.js';
import { codeSpansAfterLookahead } from './code-spans.js';
import { markDecodedEntities, urlLiteralText } from './autolinks.js';
import { KNOWN_BLOCK, knownBlocks, type KnownBlocks } from './known-blocks.js';

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true });
  // mdast keeps URLs as written (escapes and references decoded); safety is the converter's job.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  md.use(frontMatterPlugin)
    .use(knownBlocks)
    .use(footnotes as unknown as PluginSimple)
    .use(tableRowCells)
    .use(gfmStrikethrough)
    .use(highlight)
    .use(insert)
    .use(keys)
    .use(wikilinks)
    .use(templateCalls)
    .use(directives)
    .use(mkdocsAdmonitions)
    .use(mkdocsContentTabs)
    .use(mkdocsBlocks)
    .use(definitionLists)
    .use(math)
    .use(mdx)
    .use(abbreviations)
    .use(mdxComponents)
    .use(liquid)
    .use(shortcodePanels)
    .use(linearFootnoteTail)
    .use(boundedNesting)
    .use(codeSpansAfterLookahead)
    .use(spanningConstructs);
  md.inline.ruler.disable('footnote_inline'); // `^[note]` is not GFM
  md.inline.ruler.before('linkify', 'url_literal_text', urlLiteralText);
  md.core.ruler.disable(['replacements', 'smartquotes']);
  md.core.ruler.before('text_join', 'decoded_entities', markDecodedEntities);
  // Autolink literals are found in the mdast instead (autolinks.ts), by GFM's rules.
  dispatchByCharacter(md);
  return md;
}

/** The parser split in two: the block phase alone, and everything after it (inline, joins, footnotes). */
const blockPhase = createParser();
blockPhase.core.ruler.enableOnly(['normalize', 'block']);
// markdown-it's normalize copies the whole page even when there is nothing to replace. Two
// `includes` (a memchr each) scan a 2.5 MB page several times faster than the class `/[\r\0]/`.
const normalize = blockPhase.core.ruler.getRules('')[0]!;
blockPhase.core.ruler.at('normalize', (state) => {
  if (state.src.includes('\r') || state.src.includes('\0')) normalize(state);
});
const inlinePhase = createParser();
inlinePhase.core.ruler.disable(['normalize', 'block']);

export function parseMarkdown(markdown: string): Root {
  const blocks = parseBlocks(markdown);
  return blocksToMdast(blocks, finishTokens(blocks, blocks.tokens));
}

/** A page after the block phase: its block tokens, with `inline` tokens not parsed yet. */
export interface BlockParse {
  /** The Markdown as parsed (byte order mark removed). */
  source: string;
  tokens: Token[];
  /** markdown-it's environment: link reference definitions and footnotes found so far. */
  env: { references?: Record<string, unknown> } & ReturnType<typeof footnoteEnv>;
  /** Line offsets of `source`, shared by every part of the page converted to mdast. */
  lines: Lines;
  /** The text the block phase saw (line endings and NUL normalized): what token line maps index. */
  normalized: string;
  normalizedLines: Lines;
}

/** `known`: blocks converted before, which come out as one `known_block` token each (known-blocks.ts). */
export function parseBlocks(markdown: string, known?: KnownBlocks): BlockParse {
  // A byte order mark is not content (editors on Windows write one).
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const env = footnoteEnv(blockPhase.utils.normalizeReference);
  const state = new blockPhase.core.State(source, blockPhase, known ? Object.assign(env, { knownBlocks: known }) : env);
  blockPhase.core.process(state);
  const lines = new Lines(source);
  const normalizedLines = state.src === source ? lines : new Lines(state.src);
  return { source, tokens: state.tokens, env, lines, normalized: state.src, normalizedLines };
}

/**
 * The tokens of the known blocks among `tokens` parsed after all, where their stored output cannot be
 * used (inside raw HTML left open, or a page converted whole): a known block parses alone as it
 * does in the page (known-blocks.ts), so it is parsed alone and its lines moved to its place.
 */
export function expandKnownBlocks(blocks: BlockParse, tokens: Token[]): Token[] {
  if (!tokens.some((token) => token.type === KNOWN_BLOCK)) return tokens;
  return tokens.flatMap((token) => {
    if (token.type !== KNOWN_BLOCK) return [token];
    const [from, to] = token.map!;
    const lines = blocks.normalizedLines;
    // After a blank line, as in the page (a first line could otherwise read as front matter).
    const text = `\n${blocks.normalized.slice(lines.offset(from), lines.offset(to))}`;
    const state = new blockPhase.core.State(text, blockPhase, footnoteEnv(blockPhase.utils.normalizeReference));
    blockPhase.core.process(state);
    const shift = from - 1;
    for (const parsed of state.tokens) if (parsed.map) parsed.map = [parsed.map[0] + shift, parsed.map[1] + shift];
    return state.tokens;
  });
}

/** Run the phases after the block phase (inline parsing…) on some of a page's block tokens. */
export function finishTokens(blocks: BlockParse, tokens: Token[]): Token[] {
  const state = new inlinePhase.core.State('', inlinePhase, blocks.env);
  state.tokens = tokens;
  inlinePhase.core.process(state);
  return state.tokens;
}

export function blocksToMdast(blocks: BlockParse, tokens: Token[]): Root {
  return tokensToMdast(tokens, blocks.lines, blockPhase.utils.unescapeAll);
}

/** The parser as a unified plugin: `unified().use(markdownParse)` parses Markdown into mdast. */
export const markdownParse: Plugin<[], string, Root> = function () {
  this.parser = (document) => parseMarkdown(document);
};

/**
 * The text a line of inline Markdown shows, its markers gone (`**Title** and `x`` → `Title and x`):
 * for places that hold plain text only, such as an expand's title written in raw HTML.
 */
export function inlineMarkdownText(markdown: string): string {
  const tokens: Token[] = [];
  inlinePhase.inline.parse(markdown, inlinePhase, {}, tokens);
  return tokens
    .map((token) =>
      token.type === 'text' || token.type === 'code_inline' ? token.content : token.type === 'softbreak' ? ' ' : '',
    )
    .join('');
}
