/**
 * GFM autolink literals (`www.example.com`, `https://…`, `ops@example.com`) as a markdown-it core
 * rule, following the GFM spec rather than linkify-it: any domain with a period links (not only
 * known top-level domains), bare host names do not, and trailing punctuation (`!"'*,.:;?_~`), an
 * unbalanced `)` or an entity-like `&name;` stay outside the link.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Where a literal may start (as micromark, remark's parser, has it): `www.` at the start of a
 * text or after whitespace or one of `*_~([]`; `http(s)://` after anything but a letter; an
 * email address after anything that cannot be part of it.
 */
const CANDIDATE =
  /(?<=^|[\s*_~()[\]])www\.[^\s<]*|(?<![A-Za-z])https?:\/\/[^\s<]*|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Labels of letters, digits, symbols, `-` and `_`, split by periods; a port may follow. */
const DOMAIN = /^(?:[^\s\p{P}]|[-_])+(?:\.(?:[^\s\p{P}]|[-_])+)*(?::\d+)?$/u;
const TRAILING = /[!"'*,.:;?_~]$/;

/** What GFM keeps of a URL literal after trimming its trailing punctuation. */
function trimUrl(url: string): string {
  for (;;) {
    if (/&[A-Za-z0-9]+;$/.test(url)) url = url.replace(/&[A-Za-z0-9]+;$/, '');
    else if (TRAILING.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(')') && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, char: string): number {
  let total = 0;
  for (const c of text) if (c === char) total += 1;
  return total;
}

interface Literal {
  index: number;
  text: string;
  href: string;
}

function findLiterals(text: string, startsFree: boolean): Literal[] {
  const found: Literal[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    if (match.index === 0 && !startsFree) continue;
    const raw = match[0];
    if (raw.includes('@') && !/^(?:https?:\/\/|www\.)/i.test(raw)) {
      // An email: its domain may not end in `-` or `_`.
      if (/[-_]$/.test(raw)) continue;
      found.push({ index: match.index, text: raw, href: `mailto:${raw}` });
      continue;
    }
    const url = trimUrl(raw);
    const www = /^www\./i.test(url);
    const host = url.replace(/^(?:https?:\/\/)/i, '').split(/[/?#]/)[0] ?? '';
    if (!DOMAIN.test(host) || (www && !host.slice(4))) continue;
    found.push({ index: match.index, text: url, href: www ? `http://${url}` : url });
  }
  return found;
}

function linkTokens(state: StateCore, literals: Literal[], text: string, level: number): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const literal of literals) {
    if (literal.index > last) tokens.push(textToken(state, text.slice(last, literal.index), level));
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [['href', literal.href]];
    open.markup = 'linkify';
    open.info = 'auto';
    open.level = level;
    const close = new state.Token('link_close', 'a', -1);
    close.markup = 'linkify';
    close.info = 'auto';
    close.level = level;
    tokens.push(open, textToken(state, literal.text, level + 1), close);
    last = literal.index + literal.text.length;
  }
  if (last < text.length) tokens.push(textToken(state, text.slice(last), level));
  return tokens;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = level;
  return token;
}

const MAYBE = /www\.|https?:\/\/|@/i;

function autolinkLiterals(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || !MAYBE.test(block.content)) continue;
    const children = block.children;
    let insideLink = 0;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const token = children[index]!;
      // Walking backwards: a close opens the span we must skip.
      if (token.type === 'link_close') insideLink += 1;
      else if (token.type === 'link_open') insideLink -= 1;
      else if (token.type === 'html_inline' && /^<\/a\s*>/i.test(token.content)) insideLink += 1;
      else if (token.type === 'html_inline' && /^<a[>\s]/i.test(token.content)) insideLink -= 1;
      if (insideLink > 0 || token.type !== 'text' || !MAYBE.test(token.content)) continue;
      const previous = children[index - 1];
      const startsFree = !previous || (previous.type !== 'text' && previous.type !== 'text_special');
      const literals = findLiterals(token.content, startsFree);
      if (literals.length) children.splice(index, 1, ...linkTokens(state, literals, token.content, token.level));
    }
  }
}

export function gfmAutolinkLiterals(md: MarkdownIt): void {
  md.core.ruler.at('linkify', autolinkLiterals);
}
