/**
 * A tokenizer for the raw HTML that Markdown lets through (CommonMark §6.6 / §4.6): tags, comments,
 * processing instructions, declarations and CDATA, with everything else as text. Each token keeps
 * its exact source so anything we do not convert can be shown verbatim, as text.
 */
import { decodeHTML } from 'entities';

export type HtmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; source: string }
  | { kind: 'close'; name: string; source: string }
  | { kind: 'text'; value: string; source: string }
  /** Comments, processing instructions, declarations, CDATA: invisible in a browser, dropped. */
  | { kind: 'hidden'; source: string };

// A JSX member expression is a component's name too (`<StepHikeCompact.Step>`, Supabase's docs).
const NAME = '[A-Za-z][A-Za-z0-9:-]*(?:\\.[A-Za-z][A-Za-z0-9:-]*)*';
// An attribute right after a quoted value, with no space between, is read as browsers read it
// (`width="260"alt="KRUU logo"`, execa's README): the tag was shown as text.
const BEFORE_ATTRIBUTE = `(?:\\s+|(?<=["']))`;
const ATTRIBUTE = `${BEFORE_ATTRIBUTE}[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const OPEN = new RegExp(`^<(${NAME})((?:${ATTRIBUTE})*)\\s*(/?)>`);
const CLOSE = new RegExp(`^</(${NAME})\\s*>`);
const HIDDEN = /^(?:<!---?>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/;
const ONE_ATTRIBUTE = new RegExp(
  `${BEFORE_ATTRIBUTE}([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\\s*=\\s*(?:([^\\s"'=<>\`]+)|'([^']*)'|"([^"]*)"))?`,
  'g',
);

export function tokenizeHtml(source: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let textStart = 0;
  let index = source.indexOf('<');
  const flushText = (end: number) => {
    if (end > textStart) {
      const raw = source.slice(textStart, end);
      tokens.push({ kind: 'text', value: decodeHTML(raw), source: raw });
    }
  };
  while (index !== -1) {
    const rest = source.slice(index);
    const token = matchTag(rest);
    if (token) {
      flushText(index);
      tokens.push(token);
      index += token.source.length;
      textStart = index;
    } else {
      index += 1;
    }
    index = source.indexOf('<', index);
  }
  flushText(source.length);
  return tokens;
}

function matchTag(rest: string): HtmlToken | undefined {
  let match = OPEN.exec(rest);
  if (match) {
    return {
      kind: 'open',
      name: match[1]!.toLowerCase(),
      attributes: parseAttributes(match[2] ?? ''),
      selfClosing: match[3] === '/',
      source: match[0],
    };
  }
  match = CLOSE.exec(rest);
  if (match) return { kind: 'close', name: match[1]!.toLowerCase(), source: match[0] };
  match = HIDDEN.exec(rest);
  if (match) return { kind: 'hidden', source: match[0] };
  return undefined;
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ONE_ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (name in attributes) continue;
    attributes[name] = decodeHTML(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}
