/**
 * The fast path: a top-level block written as storage straight from markdown-it's tokens, without
 * the mdast and XML trees in between (one layer for V8 to warm up on a cold run instead of three).
 *
 * Contract: `fastStorage` returns the storage the tree path (to-mdast.ts → handlers → xml.ts) gives
 * for the block, byte for byte, or undefined, and the caller takes the tree path. It handles only
 * what generated reference pages are made of, in their plain form:
 *
 * - paragraphs, headings, GFM tables (cells of the cell memo included), fenced code with a bare
 *   language, thematic breaks, anchor directives with a plain name (`::anchor[schema-pet]`);
 * - inline: text, escapes, soft and hard line breaks, emphasis, strong, code spans.
 *
 * It falls back on anything else: any other token type (links, raw HTML, images, lists, quotes,
 * other directives, plugin syntax), any token meta or attribute it does not read, and any text that a
 * handler or the tree would treat specially (autolink literals, template tags and file inclusions,
 * attribute lists in braces, table-of-contents markers, callout labels, spaces at an element's edge
 * or beside a line break, highlight comments in code). What it writes never depends on the page,
 * the resolvers or warnings, so it is memoised as any block is; a heading's name and an anchor's
 * go to the page's anchor tables as the tree's would. `test/fast.test.ts` checks both
 * sides of the boundary against the tree path.
 */
import type { Token } from 'markdown-it';
import { codeLanguage } from '../languages.js';
import { replaceEmojiShortcodes } from '../emoji.js';
import { codeSpanText } from '../handlers/code.js';
import { cdataSection, escapeText } from '../xml.js';
import type { CellEntry } from '../cell-memo.js';
import { KNOWN_CELL } from '../cell-memo.js';
import type { HeadingName } from '../anchors.js';
import type { DirectiveMeta } from '../parse/directives.js';

/** A table cell's content written here, for the cell memo: its Markdown and its storage. */
export interface WrittenCell {
  source: string;
  storage: string;
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
 * undefined: the tree path must convert it. `cells` receives the cells written here, for the cell memo.
 */
export function fastBlock(
  tokens: Token[],
  dialect: 'cloud' | 'datacenter',
  cells?: WrittenCell[],
): WrittenBlock | undefined {
  const first = tokens[0];
  if (first?.type === 'heading_open') return tokens.length === 3 ? heading(first, tokens[1]!) : undefined;
  if (first?.type === 'directive_leaf_open') return tokens.length === 3 ? anchor(first, tokens[1]!) : undefined;
  const storage = fastStorage(tokens, dialect, cells);
  return storage === undefined ? undefined : { storage, headings: [], anchors: [] };
}

/** The storage of a block that declares no heading or anchor, or undefined (see `fastBlock`). */
export function fastStorage(
  tokens: Token[],
  dialect: 'cloud' | 'datacenter',
  cells?: WrittenCell[],
): string | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  switch (first.type) {
    case 'paragraph_open':
      return tokens.length === 3 ? paragraph(first, tokens[1]!) : undefined;
    case 'fence':
      return tokens.length === 1 ? fence(first, dialect) : undefined;
    case 'hr':
      return tokens.length === 1 ? '<hr />' : undefined;
    case 'table_open':
      return table(tokens, cells);
    default:
      return undefined;
  }
}

/**
 * A heading of handled inline content. Its name is the text of its mdast (anchors.ts' plainText:
 * text and code as written); an attribute list at its end (`{#id}`, to-mdast.ts) is left to the tree.
 */
function heading(open: Token, inline: Token): WrittenBlock | undefined {
  if (open.meta || inline.type !== 'inline') return undefined;
  const pieces = phrasing(inline.children ?? [], 0, undefined);
  if (!pieces || !pieces.items.length || inline.content.endsWith('}')) return undefined;
  const storage = `<${open.tag}>${written(pieces.items)}</${open.tag}>`;
  return { storage, headings: [{ text: plainText(inline.children!) }], anchors: [] };
}

function plainText(tokens: Token[]): string {
  let text = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
  }
  return text;
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
function paragraph(open: Token, inline: Token): string | undefined {
  if (open.hidden || open.meta || inline.type !== 'inline') return undefined;
  const pieces = phrasing(inline.children ?? [], 0, undefined);
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
function table(tokens: Token[], cells: WrittenCell[] | undefined): string | undefined {
  let out = '<table><tbody>';
  const align: Array<string | undefined> = [];
  let row = -1;
  let column = 0;
  for (let index = 1; index < tokens.length - 1; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
        break;
      case 'tr_open':
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
        const content = cellContent(tokens[index + 1]!, cells);
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
  return `${out}</tbody></table>`;
}

/** A column's alignment, read as to-mdast.ts reads it. */
function alignment(token: Token): string | undefined {
  return /text-align:\s*(left|right|center)/.exec(token.attrGet('style') ?? '')?.[1];
}

/** A cell's storage: the cell memo's (when it asked no resolver), or its inline content written here. */
function cellContent(token: Token, cells: WrittenCell[] | undefined): string | undefined {
  if (token.type === KNOWN_CELL) {
    const entry = token.meta as CellEntry;
    const plain = !entry.resolutions.length && !entry.pageLinks.length && !entry.attachments.length;
    // A cell of no nodes has no storage; storage of nothing from some nodes still gets its paragraph.
    return plain && entry.empty === (entry.storage === '') ? entry.storage : undefined;
  }
  if (token.type !== 'inline') return undefined;
  const pieces = phrasing(token.children ?? [], 0, undefined);
  if (!pieces) return undefined;
  const storage = written(pieces.items);
  cells?.push({ source: token.content, storage });
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
  depth = 0,
): { items: Piece[]; end: number } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const items: Piece[] = [];
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
        const inner = phrasing(tokens, index + 1, `${token.type.slice(0, -5)}_close`, depth + 1);
        if (!inner || !inner.items.length || hasLayoutEdge(inner.items)) return undefined;
        items.push({ text: false, value: `<${name}>${written(inner.items)}</${name}>` });
        index = inner.end;
        break;
      }
      default:
        if (token.type === until) {
          if (!flush()) return undefined;
          return { items, end: index };
        }
        return undefined;
    }
  }
  if (until !== undefined || !flush()) return undefined;
  return { items, end: index };
}

/**
 * A text node's storage text as handlers/inline.ts gives it (soft breaks as spaces, emoji
 * shortcodes), or undefined for text the tree path treats specially: autolink literals and VS Code
 * macros (autolinks.ts), template tags, snippet imports and file inclusions (inline.ts warns).
 */
function shownText(value: string): string | undefined {
  if (SPECIAL_TEXT.test(value)) return undefined;
  return replaceEmojiShortcodes(value.replace(/[ \t]*\r?\n[ \t]*/g, ' '));
}

const SPECIAL_TEXT = /www\.|https?:\/\/|@|kb\(|setting\(|\{[%{!*]|<<<|--8<--/i;

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
