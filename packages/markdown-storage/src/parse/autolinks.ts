/**
 * GFM autolink literals — `www.example.com`, `https://…`, `ops@example.com`, `mailto:ops@…` — found
 * in the text nodes of the mdast (outside links), by the rules remark's GFM support applies:
 *
 * - a URL or `www.` literal starts a text node or follows whitespace or punctuation; its domain
 *   has a period, and its last two labels have no `_` and at least one letter or digit;
 * - a URL ends at whitespace or `<`; trailing punctuation (`!"'),.:;<>?]}*_~`) and an entity-like
 *   `&name;` stay outside, except `)` that balance a `(` inside; `&` is the URL's (`?a=1&b=2&`), as
 *   in GFM, unless it is an entity reference at its end (`&amp;`, which the text holds decoded);
 * - an email's local part is `[\w+.-]`, its domain has a period and does not end in a digit,
 *   `-` or `_` (so `pkg@1.2.3` stays text).
 *
 * Working on merged text (entities and escapes already decoded) is what makes
 * `&lt;ops@example.com&gt;` link like `<` + address + `>`.
 */
import type { Link, PhrasingContent, Text } from 'mdast';
import type { StateCore, StateInline } from 'markdown-it';
import { positionAt } from './text-lines.js';
import type { Position } from 'unist';
import { VSCODE_MACRO, mayHoldVscodeMacro, vscodeMacro } from './vscode-macros.js';

const URL_LITERAL =
  /(?<![\da-z])(https?:\/\/|www(?=\.))((?:[\w-]|[^\0-\x7F\s])*(?:\.(?:[\w.-]|[^\0-\x7F\s])*)?)([^\t\n\r <]*)/giu;
const MAILTO_LITERAL = /(?<![\w+.@-])mailto:([\w+.-]+)@([\w-]+(?:\.[\w-]+)+)/g;
const EMAIL_LITERAL = /(?<![\w+.-]|(?:^|[^\d@A-Za-z])mailto:)([\w+.-]+)@([\w-]+(?:\.[\w-]+)+)/g;
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;
const TRAILING = new Set('!"\'),.:;<>?]}*_~');

/**
 * The named entity references (`&amp;`) decoded in a text node, by the offset in its value where
 * each one's text ends → that text's length: GFM leaves one at a URL's end out of the URL, which the
 * decoded text no longer shows. Recorded by to-mdast.ts as it merges the text.
 */
const decodedEntities = new WeakMap<Text, Map<number, number>>();

/** `&name;` as GFM tells an entity reference at a URL's end: `&` and letters or digits. */
const NAMED_ENTITY = /^&[\dA-Za-z]+;$/;

/** The meta key of a text token holding its decoded entity references, `[end, length]` each. */
export const DECODED_ENTITIES = 'decodedEntities';

/**
 * A core rule before markdown-it's `text_join`, which turns entity tokens into text and joins each
 * run of text into its last token: that token gets the named entity references decoded in the run
 * (where their text ends, and its length), for `decodedEntities`.
 */
export function markDecodedEntities(state: StateCore): void {
  for (const block of state.tokens) {
    const tokens = block.type === 'inline' ? block.children : null;
    if (!tokens?.some((token) => token.type === 'text_special' && token.info === 'entity')) continue;
    let length = 0;
    let ends: Array<[number, number]> = [];
    tokens.forEach((token, index) => {
      if (token.type !== 'text' && token.type !== 'text_special') return;
      length += token.content.length;
      if (token.info === 'entity' && NAMED_ENTITY.test(token.markup)) ends.push([length, token.content.length]);
      const next = tokens[index + 1];
      if (next?.type === 'text' || next?.type === 'text_special') return;
      if (ends.length) token.meta = { ...(token.meta as object | null), [DECODED_ENTITIES]: ends };
      [length, ends] = [0, []];
    });
  }
}

/** Records that `node`'s value holds, up to `end`, the `length` characters a named entity reference decoded to. */
export function recordDecodedEntity(node: Text, end: number, length: number): void {
  const ends = decodedEntities.get(node) ?? new Map<number, number>();
  ends.set(end, length);
  decodedEntities.set(node, ends);
}

/** What a finder found: the node replacing `length` characters of text (less a `trail` put back). */
type Found = { node: PhrasingContent; length: number; trail?: string } | undefined;

function link(url: string, text: string, position: Position | undefined): Link {
  return { type: 'link', url, title: null, children: [{ type: 'text', value: text, position }], position };
}

/** The last two labels of a domain: no `_`, and at least one letter or digit each. */
function isCorrectDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.slice(-2).every((label) => !label || (!label.includes('_') && /[\dA-Za-z]/.test(label)));
}

/**
 * `[url, trail]`: trailing punctuation moved out of the URL, keeping `)` that close a `(` in it;
 * `decoded`: the entity references decoded in it, by where their text ends in `url` (see `decodedEntities`).
 */
function splitTrail(url: string, decoded?: (end: number) => number | undefined): [string, string] {
  let end = url.length;
  for (;;) {
    // `&hl;` looks like a reference: GFM leaves it out. (Looked for in the last characters only: a
    // URL may end in thousands of punctuation characters, each taken off in turn.)
    const entity = url[end - 1] === ';' ? /&[\dA-Za-z]+;$/.exec(url.slice(Math.max(0, end - 64), end)) : null;
    const decodedLength = decoded?.(end);
    if (decodedLength !== undefined) end -= decodedLength;
    else if (entity) end -= entity[0].length;
    else if (end > 0 && TRAILING.has(url[end - 1]!)) end -= 1;
    else break;
  }
  let kept = url.slice(0, end);
  let trail = url.slice(end);
  let opening = count(kept, '(');
  let closing = count(kept, ')');
  for (let paren = trail.indexOf(')'); paren !== -1 && opening > closing; paren = trail.indexOf(')')) {
    kept += trail.slice(0, paren + 1);
    trail = trail.slice(paren + 1);
    closing += 1;
    opening = count(kept, '(');
  }
  return [kept, trail];
}

function count(text: string, char: string): number {
  let total = 0;
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) total += 1;
  return total;
}

function urlLiteral(match: RegExpExecArray, position: Position | undefined, entities?: Map<number, number>): Found {
  const before = match.input[match.index - 1];
  if (before !== undefined && !PUNCTUATION_OR_SPACE.test(before)) return undefined;
  const [, scheme = '', host = '', path = ''] = match;
  // `www.` is part of the domain and gets `http://` in the URL; `http(s)://` is kept as written.
  const www = /^w/i.test(scheme);
  const protocol = www ? '' : scheme;
  const domain = www ? scheme + host : host;
  const prefix = www ? 'http://' : '';
  // `www.` needs a proper domain; after `http(s)://` a host without a period (`localhost`) will do.
  if (/[\s\p{P}]/u.test(domain[0] ?? ' ')) return undefined;
  if (
    prefix
      ? !isCorrectDomain(domain)
      : domain
          .split('.')
          .slice(-2)
          .some((label) => label.includes('_'))
  )
    return undefined;
  // Where the URL (`domain + path`, the end of the match) starts in the text node's value.
  const start = match.index + match[0].length - (domain + path).length;
  const [url, trail] = splitTrail(domain + path, entities && ((end) => entities.get(start + end)));
  return { node: link(prefix + protocol + url, protocol + url, position), length: match[0].length, trail };
}

function emailLiteral(match: RegExpExecArray, position: Position | undefined, mailto: boolean): Found {
  const [, local = '', domain = ''] = match;
  if (/[\d_-]$/.test(domain)) return undefined;
  const address = `${local}@${domain}`;
  return { node: link(`mailto:${address}`, mailto ? `mailto:${address}` : address, position), length: match[0].length };
}

type Finder = [
  RegExp,
  (match: RegExpExecArray, position: Position | undefined, entities?: Map<number, number>) => Found,
];

const FINDERS: Finder[] = [
  [URL_LITERAL, urlLiteral],
  [MAILTO_LITERAL, (match, position) => emailLiteral(match, position, true)],
  [EMAIL_LITERAL, (match, position) => emailLiteral(match, position, false)],
  [
    VSCODE_MACRO,
    (match, position) => {
      const code = vscodeMacro(match, position);
      return code && { node: code, length: match[0].length };
    },
  ],
];

/** Split one text node by one finder: text, link (or code), text, … */
function splitText(node: Text, [pattern, find]: Finder): PhrasingContent[] {
  const value = node.value;
  const out: PhrasingContent[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    // Each piece on its own line: what follows a link in the text knows its line (text-lines.ts).
    const found = find(match, positionAt(node.position, value, match.index), decodedEntities.get(node));
    if (!found) continue;
    if (match.index > last)
      out.push({
        type: 'text',
        value: value.slice(last, match.index),
        position: positionAt(node.position, value, last),
      });
    out.push(found.node);
    last = match.index + found.length;
    if (found.trail) last -= found.trail.length;
    pattern.lastIndex = last;
  }
  if (!out.length) return [node];
  if (last < value.length)
    out.push({ type: 'text', value: value.slice(last), position: positionAt(node.position, value, last) });
  return out;
}

const MAYBE_LINK = /www\.|https?:\/\/|@/i;

const URL_LITERAL_AT = new RegExp(URL_LITERAL.source, 'iuy');
/** What another inline rule reads inside a URL (`&amp;`, `\_`, code, math, brackets): taken as text only up to it. */
const READ_BY_OTHER_RULES = /[[\]&\\`${}<=+^]/;
const DELIMITERS = /[*_~]/;

/**
 * An inline rule at the `:` of `http(s)://` and at each `_`, `*` and `~` of a `www.` or URL
 * literal: the literal's characters are taken as text, so the `_`, `*` and `~` in it
 * (`…/__tests__/`, `www.x.com/__init__`, `?a=1&b=__y__`) are not read as emphasis or
 * strikethrough before autolinkLiterals finds the URL in the text; GFM reads the literal first.
 * Only a URL holding such a character; its trailing punctuation (`_`, `*`, `~` too, as GFM says)
 * is left to the other rules, so emphasis around a URL still closes after it.
 */
export function urlLiteralText(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  const code = src.charCodeAt(pos);
  // `:`, else `_`, `*` or `~`: the characters dispatch.ts lists for this rule.
  const urlEnd =
    code === 0x3a
      ? schemeLiteralEnd(src, pos)
      : code === 0x5f || code === 0x2a || code === 0x7e
        ? literalEndAround(src, pos)
        : undefined;
  if (urlEnd === undefined) return false;
  let end = Math.min(urlEnd, state.posMax);
  const read = src.slice(pos, end).search(READ_BY_OTHER_RULES);
  // Before a character the URL goes on past (`*` in `/*&*&`), punctuation is the URL's, not trailing.
  if (read !== -1) end = pos + read;
  else while (end > pos && TRAILING.has(src[end - 1]!)) end -= 1;
  if (!DELIMITERS.test(src.slice(pos, end))) return false;
  if (!silent) state.pending += src.slice(pos, end);
  state.pos = end;
  return true;
}

/**
 * Where the literal `http(s)://` at the `:` at `pos` ends (its trailing punctuation left out), if
 * it is the first of its run of text: one after it is part of it, as autolinkLiterals reads it.
 */
function schemeLiteralEnd(src: string, pos: number): number | undefined {
  // Cheap test first: this runs at every `:`.
  if (src.charCodeAt(pos + 1) !== 0x2f || src.charCodeAt(pos + 2) !== 0x2f) return undefined;
  const start = pos >= 5 && /^https$/i.test(src.slice(pos - 5, pos)) ? pos - 5 : pos - 4;
  if (start < 0 || !/^https?$/i.test(src.slice(start, pos))) return undefined;
  const { from, to } = runAt(src, pos);
  return from === start ? to : undefined;
}

/**
 * The run of text between spaces (or `<`) last looked at, and the literal in it: `start`, `end` of
 * the run; the literal's `from` and `to` (its trailing punctuation left out), if it holds one. Each
 * `:` and delimiter of the run reuses it, so a run is read once however long it is.
 */
let lastRun = { src: '', start: -1, end: -1, from: -1, to: undefined as number | undefined };

function runAt(src: string, pos: number): typeof lastRun {
  if (lastRun.src !== src || pos < lastRun.start || pos >= lastRun.end) lastRun = runAround(src, pos);
  // The same text in another string (the next page, or the same one converted again) compares
  // character by character: keeping this one makes the next comparisons one pointer's.
  lastRun.src = src;
  return lastRun;
}

/**
 * Where the `www.` or `http(s)://` literal that the delimiter at `pos` is inside ends, if it is in
 * one: its run of text (no URL holds a space or `<`) is looked at once, for the delimiters in it.
 */
function literalEndAround(src: string, pos: number): number | undefined {
  if (!mayHoldLiteral(src)) return undefined;
  const { from, to } = runAt(src, pos);
  return from < pos && to !== undefined && to > pos ? to : undefined;
}

/**
 * The run of text around `pos`, and the literal it holds: as autolinkLiterals reads the text, the
 * first match of URL_LITERAL in the run (a match runs to the run's end, so there is no second).
 */
function runAround(src: string, pos: number): typeof lastRun {
  let start = pos;
  while (start > 0 && !endsUrl(src.charCodeAt(start - 1))) start -= 1;
  let end = pos;
  while (end < src.length && !endsUrl(src.charCodeAt(end))) end += 1;
  for (let at = start; at < end; at += 1) {
    const code = src.charCodeAt(at) | 0x20;
    if (code !== 0x68 && code !== 0x77) continue; // `h` or `w`
    URL_LITERAL_AT.lastIndex = at;
    const match = URL_LITERAL_AT.exec(src);
    if (!match) continue;
    const found = urlLiteral(match, undefined);
    return { src, start, end, from: at, to: found && at + found.length - (found.trail?.length ?? 0) };
  }
  return { src, start, end, from: -1, to: undefined };
}

const LITERAL_START = /www\.|:\/\//i;

/** The inline source last looked at, and whether it holds a literal's start at all: most do not. */
let lastSource = '';
let lastSourceHoldsLiteral = false;

function mayHoldLiteral(src: string): boolean {
  if (src !== lastSource) lastSourceHoldsLiteral = LITERAL_START.test(src);
  // As in runAt: an equal text in another string is compared once, not at each delimiter.
  lastSource = src;
  return lastSourceHoldsLiteral;
}

/** Whitespace or `<`: where a URL literal ends (URL_LITERAL). */
function endsUrl(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x3c;
}

/**
 * Replace literals in the text of `children` (recursively; links and raw `<a>…</a>` are left alone),
 * and VS Code's `kb(…)`/`setting(…)` (vscode-macros.ts), found by the same one walk over the text.
 */
export function autolinkLiterals(children: PhrasingContent[]): PhrasingContent[] {
  let out = children;
  let insideRawLink = 0;
  for (let index = 0; index < out.length; index += 1) {
    const node = out[index]!;
    if (node.type === 'html') {
      if (/^<a[\s>]/i.test(node.value)) insideRawLink += 1;
      else if (/^<\/a\s*>/i.test(node.value) && insideRawLink > 0) insideRawLink -= 1;
      continue;
    }
    if (insideRawLink || node.type === 'link' || node.type === 'linkReference') continue;
    if ('children' in node) {
      (node as { children: PhrasingContent[] }).children = autolinkLiterals(node.children as PhrasingContent[]);
      continue;
    }
    if (node.type !== 'text' || !(MAYBE_LINK.test(node.value) || mayHoldVscodeMacro(node.value))) continue;
    let pieces: PhrasingContent[] = [node];
    for (const finder of FINDERS) {
      pieces = pieces.flatMap((piece) => (piece.type === 'text' ? splitText(piece, finder) : [piece]));
    }
    if (pieces.length === 1 && pieces[0] === node) continue;
    if (out === children) out = [...children];
    out.splice(index, 1, ...pieces);
    index += pieces.length - 1;
  }
  return out;
}
