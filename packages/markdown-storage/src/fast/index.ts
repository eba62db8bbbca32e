/**
 * The fast path: a top-level block written as storage straight from markdown-it's tokens, without
 * the mdast and XML trees in between (one layer for V8 to warm up on a cold run instead of three).
 *
 * Contract: `fastBlock` returns the storage the tree path (to-mdast.ts → handlers → xml.ts) gives
 * for the block, byte for byte, or undefined, and the caller takes the tree path. It handles only
 * what generated reference pages are made of, in their plain form:
 *
 * - paragraphs, headings, GFM tables (cells of the cell memo included), fenced code with a bare
 *   language, thematic breaks, anchor directives with a plain name (`::anchor[schema-pet]`);
 * - inline: text, escapes, soft and hard line breaks, emphasis, strong, code spans, and, when the
 *   page gives `links`, links to its own headings and anchors and to pages of the tree.
 *
 * It falls back on anything else: any other token type (raw HTML, images, lists, quotes, other
 * directives, plugin syntax), any token meta or attribute it does not read, a link the handler
 * would warn about or write as `<a>` (an unknown fragment, an attachment, an external URL, an
 * autolink), and any text that a handler or the tree would treat specially (autolink literals,
 * template tags and file inclusions, attribute lists in braces, table-of-contents markers, callout
 * labels, spaces at an element's edge or beside a line break, highlight comments in code). It
 * never warns; what it writes depends on the page only through `links` (parts.ts records the
 * resolver calls and anchor-table reads, so the block memo keeps or skips the block as it would the
 * tree path's); a heading's name and an anchor's go to the page's anchor tables as the tree's
 * would. `test/fast.test.ts` checks both sides of the boundary against the tree path.
 */
import type { Token } from 'markdown-it';
import { codeLanguage } from '../languages.js';
import { replaceEmojiShortcodes } from '../emoji.js';
import { spacedLines } from '../phrasing.js';
import { codeSpanText } from '../handlers/code.js';
import { cdataSection, escapeAttribute, escapeText } from '../xml.js';
import type { CellEntry } from '../cell-memo.js';
import { KNOWN_CELL } from '../cell-memo.js';
import type { HeadingName } from '../anchors.js';
import type { DirectiveMeta } from '../parse/directives.js';
import type { LinkTarget } from '../handlers/links.js';

/** A table cell's content written here, for the cell memo: its Markdown and its storage. */
export interface WrittenCell {
  source: string;
  storage: string;
}

/**
 * What a block's links need from the page (parts.ts). Without it, a link is left to the tree path
 * (a heading's, whose page's anchors are not known yet when it is written).
 */
export interface PageLinks {
  /** The target of a link to a heading or anchor of this page or to a page of the tree, or undefined: the tree path converts the block. */
  target(url: string): LinkTarget | undefined;
  /** A cell converted before whose resolver calls and additions to the page's lists are replayed once the block is written. */
  reuse(entry: CellEntry): void;
}

/** What the page gives a block written here, and takes from it. */
export interface BlockContext {
  /** Receives the cells written here, for the cell memo (those without links). */
  cells?: WrittenCell[];
  links?: PageLinks;
}

/** A block written here: its storage, and what the page's anchor tables need from it (parts.ts). */
export interface WrittenBlock {
  storage: string;
  /** Inline content (an anchor macro), which the page wraps in a paragraph with its neighbours. */
  phrasing?: boolean;
  headings: HeadingName[];
  anchors: string[];
}

/**
 * One top-level block's storage and declared names, from its tokens (inline phase done), or
 * undefined: the tree path must convert it.
 */
export function fastBlock(
  tokens: Token[],
  dialect: 'cloud' | 'datacenter',
  context: BlockContext = {},
): WrittenBlock | undefined {
  const first = tokens[0];
  if (first?.type === 'heading_open') return tokens.length === 3 ? heading(first, tokens[1]!) : undefined;
  if (first?.type === 'directive_leaf_open') return tokens.length === 3 ? anchor(first, tokens[1]!) : undefined;
  const storage = fastStorage(tokens, dialect, context);
  return storage === undefined ? undefined : { storage, headings: [], anchors: [] };
}

/** The storage of a block that declares no heading or anchor, or undefined (see `fastBlock`). */
export function fastStorage(
  tokens: Token[],
  dialect: 'cloud' | 'datacenter',
  context: BlockContext = {},
): string | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  switch (first.type) {
    case 'paragraph_open':
      return tokens.length === 3 ? paragraph(first, tokens[1]!, context.links) : undefined;
    case 'fence':
      return tokens.length === 1 ? fence(first, dialect) : undefined;
    case 'hr':
      return tokens.length === 1 ? '<hr />' : undefined;
    case 'table_open':
      return table(tokens, context);
    default:
      return undefined;
  }
}

/**
 * A heading of handled inline content. Its name is the text of its mdast (anchors.ts' headingName:
 * text and code as written, and as shown); an attribute list at its end (`{#id}`, to-mdast.ts) is left to the tree.
 */
function heading(open: Token, inline: Token): WrittenBlock | undefined {
  if (open.meta || inline.type !== 'inline') return undefined;
  const pieces = phrasing(inline.children ?? [], 0, undefined, undefined);
  if (!pieces || !pieces.items.length || inline.content.endsWith('}')) return undefined;
  const storage = `<${open.tag}>${written(pieces.items)}</${open.tag}>`;
  return { storage, headings: [headingName(inline.children!)], anchors: [] };
}

/** The heading's text, and as shown: emoji shortcodes replaced in runs of text, not in code (anchors.ts' displayedText). */
function headingName(tokens: Token[]): HeadingName {
  let text = '';
  let displayed = '';
  let run = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.type === 'text' || token.type === 'text_special') run += token.content;
    else if (token.type === 'softbreak') run += '\n';
    else if (token.type === 'code_inline') {
      text += run + token.content;
      displayed += replaceEmojiShortcodes(run) + token.content;
      run = '';
    }
  }
  return { text: text + run, displayed: displayed + replaceEmojiShortcodes(run) };
}

/**
 * An anchor directive with a plain name for a label (`::anchor[schema-pet]`): the anchor macro
 * (handlers/directives.ts), and the name declared. Attributes, or a label of anything else, are left to the tree.
 */
function anchor(open: Token, inline: Token): WrittenBlock | undefined {
  const meta = open.meta as DirectiveMeta;
  const only = inline.children?.length === 1 ? inline.children[0]! : undefined;
  if (meta.name !== 'anchor' || Object.keys(meta.attributes ?? {}).length || inline.type !== 'inline') return undefined;
  if (only?.type !== 'text' || !PLAIN_NAME.test(only.content)) return undefined;
  const storage = `<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">${only.content}</ac:parameter></ac:structured-macro>`;
  return { storage, phrasing: true, headings: [], anchors: [only.content] };
}

/** A name that reads the same as written, as text and as storage. */
const PLAIN_NAME = /^[\w.-]+$/;

/** A paragraph: not hidden, no meta (tab or directive labels), and none of paragraph()'s special forms. */
function paragraph(open: Token, inline: Token, links: PageLinks | undefined): string | undefined {
  if (open.hidden || open.meta || inline.type !== 'inline') return undefined;
  const pieces = phrasing(inline.children ?? [], 0, undefined, links);
  if (!pieces || !pieces.items.length) return undefined;
  const { items } = pieces;
  const head = items[0]!;
  const tail = items[items.length - 1]!;
  // Markdown trims a paragraph; what it left at an edge (a break's spaces) the handler trims again.
  if (head.text && (LAYOUT_START.test(head.value) || SPECIAL_PARAGRAPH_START.test(head.value))) return undefined;
  if (tail.text && (LAYOUT_END.test(tail.value) || tail.value.endsWith('}'))) return undefined;
  return `<p>${written(items)}</p>`;
}

/** Table-of-contents markers (`[TOC]`, `[[_TOC_]]`) and Angular's callout labels (`NOTE: `): blocks.ts. */
const SPECIAL_PARAGRAPH_START = /^(?:\[|[A-Z]+:)/;
const LAYOUT_START = /^[ \t\r\n]/;
const LAYOUT_END = /[ \t\r\n]$/;

/** A fence with a bare language (or none): no meta, title, line numbers or site-specific markers in it. */
function fence(token: Token, dialect: 'cloud' | 'datacenter'): string | undefined {
  const info = token.info.trim();
  if (!BARE_LANGUAGE.test(info) || info.toLowerCase() === 'rust') return undefined;
  const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  if (CODE_MARKERS.test(value)) return undefined;
  const language = escapeText(codeLanguage(info || undefined, dialect));
  return (
    `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">${language}</ac:parameter>` +
    `<ac:plain-text-body>${cdataSection(value)}</ac:plain-text-body></ac:structured-macro>`
  );
}

const BARE_LANGUAGE = /^[A-Za-z][\w+#-]*$|^$/;
/** What handlers/code.ts reads in a fence's body: inclusions, highlight and diff comments, NestJS' switch. */
const CODE_MARKERS = /8<|\{!|\{\*|\{\{#|highlight-|\[!code |@@filename\(|@@switch/;

/** A GFM table: a header row, body rows, cells of inline content (or cells the cell memo knows). */
function table(tokens: Token[], context: BlockContext): string | undefined {
  let out = '<table><tbody>';
  const align: Array<string | undefined> = [];
  let row = -1;
  let column = 0;
  let emptyHeader = true;
  for (let index = 1; index < tokens.length - 1; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
        break;
      case 'tr_open':
        if (token.meta) return undefined; // cells cut off: the tree path warns
        row += 1;
        column = 0;
        out += '<tr>';
        break;
      case 'tr_close':
        // GFM: the header row fixes the column count (markdown-it pads and cuts rows to it).
        if (column !== align.length) return undefined;
        out += '</tr>';
        break;
      case 'th_open':
      case 'td_open': {
        const tag = row === 0 ? 'th' : 'td';
        if ((token.type === 'th_open') !== (row === 0)) return undefined;
        if (row === 0) align.push(alignment(token));
        const content = cellContent(tokens[index + 1]!, context);
        if (row === 0 && content) emptyHeader = false;
        if (content === undefined || tokens[index + 2]?.type !== token.type.replace('_open', '_close'))
          return undefined;
        const aligned = align[column];
        out +=
          aligned && content
            ? `<${tag}><p style="text-align: ${aligned};">${content}</p></${tag}>`
            : `<${tag}>${content}</${tag}>`;
        column += 1;
        index += 2;
        break;
      }
      default:
        return undefined;
    }
  }
  if (tokens[tokens.length - 1]!.type !== 'table_close' || row < 0) return undefined;
  // A key-value table (`| | |`, rows under an empty header) is the tree path's (handlers/tables.ts).
  if (emptyHeader && row > 0) return undefined;
  return `${out}</tbody></table>`;
}

/** A column's alignment, read as to-mdast.ts reads it. */
function alignment(token: Token): string | undefined {
  return /text-align:\s*(left|right|center)/.exec(token.attrGet('style') ?? '')?.[1];
}

/** A cell's storage: the cell memo's (its resolver calls replayed), or its inline content written here. */
function cellContent(token: Token, { cells, links }: BlockContext): string | undefined {
  if (token.type === KNOWN_CELL) {
    const entry = token.meta as CellEntry;
    const plain = !entry.resolutions.length && !entry.pageLinks.length && !entry.attachments.length;
    // A cell of no nodes has no storage; storage of nothing from some nodes still gets its paragraph.
    if ((!plain && !links) || entry.empty !== (entry.storage === '')) return undefined;
    if (!plain) links!.reuse(entry);
    return entry.storage;
  }
  if (token.type !== 'inline') return undefined;
  const pieces = phrasing(token.children ?? [], 0, undefined, links);
  if (!pieces) return undefined;
  const storage = written(pieces.items);
  if (!pieces.linked) cells?.push({ source: token.content, storage });
  return storage;
}

/** Inline content as written pieces: text (merged as mdast merges it, not yet escaped) and elements. */
interface Piece {
  text: boolean;
  value: string;
}

/** Deeper inline nesting is left to the tree path (depth.ts bounds it). */
const MAX_DEPTH = 8;

/**
 * The pieces of `tokens` from `start` up to the close token `until` (or the end), and the index
 * after it; undefined when something there is not handled here.
 */
function phrasing(
  tokens: Token[],
  start: number,
  until: string | undefined,
  links: PageLinks | undefined,
  depth = 0,
): { items: Piece[]; end: number; linked: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const items: Piece[] = [];
  /** Whether a link is among them (a cell with one is not kept for reuse here). */
  let linked = false;
  let pending: string | undefined;
  const flush = (): boolean => {
    if (pending === undefined) return true;
    const value = shownText(pending);
    pending = undefined;
    // An empty text node is still a node to the tree path (an aligned cell's paragraph): left to it.
    if (!value) return false;
    items.push({ text: true, value });
    return true;
  };
  let index = start;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'text':
        // Emphasis leaves its delimiters as empty text tokens: to-mdast.ts adds no text for them.
        if (!token.content) break;
        // An attribute list after an element (`` `x`{.class} ``) is taken off by to-mdast.ts.
        if (token.content.charCodeAt(0) === 0x7b /* { */) return undefined;
        pending = (pending ?? '') + token.content;
        break;
      case 'text_special':
        pending = (pending ?? '') + token.content;
        break;
      case 'softbreak':
        pending = (pending ?? '') + '\n';
        break;
      case 'hardbreak':
        if (!flush() || endsWithLayout(items) || LAYOUT_START.test(tokens[index + 1]?.content ?? '')) return undefined;
        items.push({ text: false, value: '<br />' });
        break;
      case 'code_inline':
        if (!flush()) return undefined;
        items.push({ text: false, value: `<code>${escapeText(codeSpanText(token.content))}</code>` });
        break;
      case 'em_open':
      case 'strong_open': {
        if (!flush()) return undefined;
        const name = token.type === 'em_open' ? 'em' : 'strong';
        const inner = phrasing(tokens, index + 1, `${token.type.slice(0, -5)}_close`, links, depth + 1);
        if (!inner || !inner.items.length || hasLayoutEdge(inner.items)) return undefined;
        items.push({ text: false, value: `<${name}>${written(inner.items)}</${name}>` });
        linked ||= inner.linked;
        index = inner.end;
        break;
      }
      case 'link_open': {
        const link = links && flush() ? linkElement(tokens, index, links, depth) : undefined;
        if (!link) return undefined;
        items.push({ text: false, value: link.value });
        linked = true;
        index = link.end;
        break;
      }
      default:
        if (token.type === until) {
          if (!flush()) return undefined;
          return { items, end: index, linked };
        }
        return undefined;
    }
  }
  if (until !== undefined || !flush()) return undefined;
  return { items, end: index, linked };
}

/**
 * A text node's storage text as handlers/inline.ts gives it (soft breaks as spaces, emoji
 * shortcodes), or undefined for text the tree path treats specially: autolink literals and VS Code
 * macros (autolinks.ts), template tags, snippet imports and file inclusions (inline.ts warns).
 */
function shownText(value: string): string | undefined {
  if (SPECIAL_TEXT.test(value)) return undefined;
  return replaceEmojiShortcodes(spacedLines(value));
}

const SPECIAL_TEXT = /www\.|https?:\/\/|@|kb\(|setting\(|\{[%{!*]|<<<|--8<--/i;

/**
 * A link to a heading or anchor of this page or to a page of the tree, as handlers/links.ts writes
 * it: `ac:link`, its text in a plain-text body (a rich one when it holds markup or `]]>`). An
 * autolink, a link whose text is empty or only spaces, or with spaces at its edges is left to the tree.
 */
function linkElement(
  tokens: Token[],
  index: number,
  links: PageLinks,
  depth: number,
): { value: string; end: number } | undefined {
  const open = tokens[index]!;
  const href = open.attrGet('href');
  if (open.markup || href === null || open.attrs!.some(([name]) => name !== 'href' && name !== 'title'))
    return undefined;
  const inner = phrasing(tokens, index + 1, 'link_close', links, depth + 1);
  if (!inner || !inner.items.length || hasLayoutEdge(inner.items)) return undefined;
  const plain = inner.items.every((item) => item.text);
  const shown = plain ? inner.items.map((item) => item.value).join('') : '';
  if (plain && (!/\S/.test(shown) || isAutolink(tokens, index + 1, inner.end, href))) return undefined;
  const target = links.target(href);
  if (!target) return undefined;
  const anchor = target.anchor === undefined ? '' : ` ac:anchor="${escapeAttribute(target.anchor)}"`;
  const page = target.page === undefined ? '' : `<ri:page ri:content-title="${escapeAttribute(target.page)}" />`;
  const body =
    plain && !shown.includes(']]>')
      ? `<ac:plain-text-link-body>${cdataSection(shown)}</ac:plain-text-link-body>`
      : `<ac:link-body>${written(inner.items)}</ac:link-body>`;
  return { value: `<ac:link${anchor}>${page}${body}</ac:link>`, end: inner.end };
}

/** Whether a link's text, as written, is its URL (handlers/links.ts `isAutolink`: shown without emoji). */
function isAutolink(tokens: Token[], start: number, end: number, href: string): boolean {
  let text = '';
  for (let index = start; index < end; index += 1) {
    const token = tokens[index]!;
    text += token.type === 'softbreak' ? '\n' : token.content;
  }
  return text === href || `mailto:${text}` === href;
}

function endsWithLayout(items: Piece[]): boolean {
  const last = items[items.length - 1];
  return last !== undefined && last.text && LAYOUT_END.test(last.value);
}

/** Spaces at an element's edge are moved out of it by the tree path (phrasing.ts): left to it. */
function hasLayoutEdge(items: Piece[]): boolean {
  const head = items[0]!;
  return (head.text && LAYOUT_START.test(head.value)) || endsWithLayout(items);
}

function written(items: Piece[]): string {
  let out = '';
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index]!;
    out += item.text ? escapeText(item.value) : item.value;
  }
  return out;
}
