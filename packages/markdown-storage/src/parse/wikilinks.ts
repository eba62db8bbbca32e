/**
 * Obsidian's wikilinks and embeds: `[[Page]]`, `[[Page|alias]]`, `[[Page#Heading]]`, `[[#Heading]]`,
 * `[[Page#^block]]`, `![[image.png]]`, `![[image.png|300]]`, `![[Other note]]`. Each is one
 * `wikilink` token (parse/to-mdast.ts makes it a `wikiLink` node, handlers/links.ts the link or
 * image). Not a wikilink: the table-of-contents markers `[[toc]]`, `[[_TOC_]]`, `[[_TOSP_]]`
 * (handlers/blocks.ts), a link whose text is in brackets (`[[1]](https://…)`, a citation), and
 * anything inside a link's text or a code span.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

export interface WikiLinkMeta {
  /** The page or file as written (`folder/Page`, `image.png`); empty for `[[#Heading]]`. */
  target: string;
  /** The heading after `#` (the last one of `#H1#H2`), or the block id after `#^`. */
  heading?: string;
  block?: string;
  /** What follows the bar: the link's text, or an embedded image's size (`300`, `300x200`). */
  alias?: string;
  embed: boolean;
}

/**
 * The mdast node of a wikilink. Its one text child is what Obsidian shows (the alias, or the link as
 * written with `#` shown as ` > `), so a heading's text and anchor include it.
 */
export interface WikiLink {
  type: 'wikiLink';
  data: WikiLinkMeta;
  children: [{ type: 'text'; value: string }];
}

export function wikiLinkNode(meta: WikiLinkMeta): WikiLink {
  const fragment = meta.heading ?? (meta.block !== undefined ? `^${meta.block}` : undefined);
  const written = !meta.target ? fragment! : fragment ? `${meta.target} > ${fragment}` : meta.target;
  const shown = !meta.embed && meta.alias ? meta.alias : written;
  return { type: 'wikiLink', data: meta, children: [{ type: 'text', value: shown }] };
}

/**
 * `[[`, the inside (no brackets or line breaks), `]]`, not followed by `(` or `[` (a link with
 * bracketed text). Triple brackets (`[[[foo]]]`) are not a wikilink either.
 */
const WIKILINK = /\[\[([^[\]\n]+)\]\](?![([])/y;
const MARKER = /^_?(?:toc|tosp)_?$/i;
/**
 * ECMAScript's internal slots and methods, which JavaScript READMEs write in prose ("the
 * [[Prototype]] of an object", "observable [[Get]]s", get-proto's and qs's): spec notation, not notes.
 */
const ECMASCRIPT_INTERNALS = new Set(
  [
    ...['Prototype', 'Get', 'Set', 'Call', 'Construct', 'Class', 'Delete', 'HasProperty', 'OwnPropertyKeys'],
    ...['GetPrototypeOf', 'SetPrototypeOf', 'IsExtensible', 'PreventExtensions', 'GetOwnProperty'],
    ...['DefineOwnProperty', 'Extensible', 'PrimitiveValue', 'Scopes', 'Target', 'Handler', 'Realm'],
    ...['Environment', 'HomeObject', 'BoundTargetFunction', 'BoundThis', 'BoundArguments', 'FunctionLocation'],
    ...['Value', 'Writable', 'Enumerable', 'Configurable', 'PromiseState', 'PromiseResult'],
  ].map((name) => name.toLowerCase()),
);
/** Code, not a note: POSIX classes (`[[:alpha:]]`, `[[=e=]]`, `[[.ch.]]`), nested arrays (`[[1]]`, `[['a', 'b']]`). */
const CODE_LIKE = /^(?:[:=.].*[:=.]|\d+|['"`].*)$/;

function tokenize(state: StateInline, silent: boolean): boolean {
  const { src } = state;
  let pos = state.pos;
  // Cheap tests first: this runs at every `[` and `!`.
  const embed = src.charCodeAt(pos) === 0x21; /* ! */
  if (embed) pos += 1;
  // Silent runs only measure a link's text (`[see [[Page]]](…)`): its brackets count as written.
  if (silent || src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b || inLinkText(state)) return false;
  WIKILINK.lastIndex = pos;
  const match = WIKILINK.exec(src);
  if (!match || WIKILINK.lastIndex > state.posMax) return false;
  const meta = wikiLinkMeta(match[1]!, embed);
  if (!meta || src.charCodeAt(pos - 1) === 0x5b || src.charCodeAt(WIKILINK.lastIndex) === 0x5d) return false;
  // `[[foo]]` with a definition `[foo]: /url` is CommonMark's link in brackets, as the page's author meant.
  if (state.env.references?.[state.md.utils.normalizeReference(match[1]!)]) return false;
  state.push('wikilink', '', 0).meta = meta;
  state.pos = WIKILINK.lastIndex;
  return true;
}

/** Inside a link's text (`[see [[Page]]](…)`), where a link cannot nest. markdown-it counts it; its types do not say so. */
function inLinkText(state: StateInline): boolean {
  return (state as StateInline & { linkLevel?: number }).linkLevel! > 0;
}

/** The parts of a wikilink's inside, or undefined when it is not one (`[[ ]]`, `[[_TOC_]]`, `[[^1]]`). */
function wikiLinkMeta(inside: string, embed: boolean): WikiLinkMeta | undefined {
  // In a table the bar is written `\|` (it would end the cell).
  const bar = /\\?\|/.exec(inside);
  const link = (bar ? inside.slice(0, bar.index) : inside).trim();
  const alias = bar ? inside.slice(bar.index + bar[0].length).trim() : undefined;
  if (!link || MARKER.test(link) || link.startsWith('^') || CODE_LIKE.test(link)) return undefined;
  if (!bar && ECMASCRIPT_INTERNALS.has(link.toLowerCase())) return undefined;
  const hash = link.indexOf('#');
  const target = (hash === -1 ? link : link.slice(0, hash)).trim();
  const fragment =
    hash === -1
      ? undefined
      : link
          .slice(hash + 1)
          .split('#')
          .pop()!
          .trim();
  const meta: WikiLinkMeta = { target, embed };
  if (fragment?.startsWith('^')) meta.block = fragment.slice(1);
  else if (fragment) meta.heading = fragment;
  if (!target && !meta.heading) return undefined;
  if (alias) meta.alias = alias;
  return meta;
}

export function wikilinks(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', tokenize);
}
