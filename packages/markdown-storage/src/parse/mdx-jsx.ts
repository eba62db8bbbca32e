/**
 * MDX components as block containers, the way Docusaurus docs write tabs:
 *
 *     <Tabs>                                  <Tabs groupId="pm"
 *       <TabItem value="npm" label="npm">     values={[{label: 'npm', value: 'npm'}]}>
 *         ```bash                             <TabItem value="npm">
 *         npm install x                       …
 *         ```
 *       </TabItem>
 *     </Tabs>
 *
 * MDX reads a component's children as Markdown whatever their indentation; CommonMark would read
 * the first as one HTML block (the fence inside as text) and the second, a start tag over several
 * lines with an expression attribute, as a paragraph. A capitalized start tag alone on its line(s)
 * whose end tag stands alone on a later line of the same indentation or less, and which is JSX (over
 * several lines, or with an expression) or has Markdown children indented under it, is read here: its start
 * tag (expression attributes left out) and end tag become HTML blocks, which handlers/html.ts
 * converts as it does a component written with blank lines, and the lines between are Markdown,
 * indented as deep as their least indented line. A self-closing tag over several lines, or with an
 * expression, is one HTML block. Anything else (`<Promise` in prose, a tag never closed) is left to the other rules.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { isBlankLine, lineText, tokenizeContainer } from './block-state.js';
import { apiTableHtml } from './api-table.js';

interface StartTag {
  name: string;
  /** The tag as HTML: string and boolean attributes kept, `{…}` expressions left out. */
  html: string;
  selfClosing: boolean;
  /** Where the tag ends: its last line, and whether anything follows it there. */
  endLine: number;
  trailing: boolean;
  /** It had a `{…}` attribute: JSX, not HTML. */
  expression: boolean;
  /** Each `{…}` attribute's source inside its braces, by name (`rows` → `[["a", "b"]]`). */
  expressions: Record<string, string>;
  /** Each string attribute's value, by name. */
  values: Record<string, string>;
}

const NAME = /^[A-Z][\w.:-]*/;
/**
 * Angular's docs elements (`<docs-card>`, `<docs-callout>`, `<docs-step>`, `<docs-tab>`): Angular's
 * renderer (adev's marked extensions) reads what they hold as Markdown, blank lines or not, where
 * CommonMark would show the lines of its HTML block as text. Not `<docs-code>`, which holds code.
 */
const DOCS_ELEMENT = /^docs-[a-z][a-z0-9-]*/;
const holdsMarkdown = (name: string) => DOCS_ELEMENT.test(name) && name !== 'docs-code';
/** A line opening (or closing) a fenced code block. */
const FENCE_LINE = /^(?:`{3,}|~{3,})/;
const ATTRIBUTE_NAME = /^[\w:.-]+/;

/** A capitalized JSX start tag opening `startLine`, read up to its `>` (several lines at most 20). */
function readStartTag(state: StateBlock, startLine: number, endLine: number): StartTag | undefined {
  const lastLine = Math.min(endLine, startLine + 20);
  const from = state.bMarks[startLine]! + state.tShift[startLine]!;
  const to = state.eMarks[lastLine - 1]!;
  const src = state.src;
  const head = src.slice(from + 1, from + 101);
  const name = (NAME.exec(head) ?? DOCS_ELEMENT.exec(head))?.[0];
  if (!name || !/[a-z]/.test(name)) return undefined;
  const attributes: string[] = [];
  const expressions: Record<string, string> = {};
  const values: Record<string, string> = {};
  let expression = false;
  let at = from + 1 + name.length;
  const skipSpace = (): void => {
    while (at < to && /\s/.test(src[at]!)) at += 1;
  };
  const skipExpression = (): boolean => {
    let depth = 0;
    for (; at < to; at += 1) {
      const char = src[at]!;
      if (char === '"' || char === "'" || char === '`') {
        const close = src.indexOf(char, at + 1);
        if (close === -1 || close >= to) return false;
        at = close;
      } else if (char === '{') depth += 1;
      else if (char === '}' && --depth === 0) {
        at += 1;
        return true;
      }
    }
    return false;
  };
  for (;;) {
    skipSpace();
    if (at >= to) return undefined;
    const char = src[at]!;
    if (char === '>' || (char === '/' && src[at + 1] === '>')) {
      const selfClosing = char === '/';
      at += selfClosing ? 2 : 1;
      let line = startLine;
      while (state.eMarks[line]! < at) line += 1;
      const trailing = src.slice(at, state.eMarks[line]!).trim() !== '';
      const html = `<${[name, ...attributes].join(' ')}${selfClosing ? ' /' : ''}>`;
      return { name, html, selfClosing, endLine: line + 1, trailing, expression, expressions, values };
    }
    if (char === '{') {
      if (!skipExpression()) return undefined; // a spread: {...props}
      expression = true;
      continue;
    }
    const attribute = ATTRIBUTE_NAME.exec(src.slice(at, at + 100))?.[0];
    if (!attribute) return undefined;
    at += attribute.length;
    skipSpace();
    if (src[at] !== '=') {
      attributes.push(attribute);
      continue;
    }
    at += 1;
    skipSpace();
    const quote = src[at];
    if (quote === '"' || quote === "'") {
      const close = src.indexOf(quote, at + 1);
      if (close === -1 || close >= to) return undefined;
      values[attribute] = src.slice(at + 1, close);
      attributes.push(`${attribute}="${values[attribute].replace(/"/g, '&quot;')}"`);
      at = close + 1;
    } else if (quote === '{') {
      const open = at;
      if (!skipExpression()) return undefined;
      expressions[attribute] = src.slice(open + 1, at - 1);
      expression = true;
    } else return undefined;
  }
}

/**
 * The line of `</name>` closing the component opened on `startLine` (its tag ending before `from`),
 * or -1. The start tags met inside one never closed are remembered for the rest of the parse (as
 * directives.ts does), so `<Tabs>` repeated thousands of times costs one scan, not one per tag.
 */
function endTagLine(state: StateBlock, name: string, [startLine, from]: [number, number], endLine: number): number {
  const unclosed = ((state.env as { unclosedComponents?: Set<string> }).unclosedComponents ??= new Set());
  if (unclosed.has(`${state.blkIndent}:${startLine}`)) return -1;
  const indent = state.sCount[startLine]!;
  const open = new RegExp(`^<${name.replace(/\./g, '\\.')}(?=[\\s>/]|$)`);
  const close = `</${name}>`;
  const nested: number[] = [];
  for (let line = from; line < endLine; line += 1) {
    if (isBlankLine(state, line)) continue;
    const text = lineText(state, line).trimEnd();
    if (text === close && state.sCount[line]! <= indent) {
      if (!nested.length) return line;
      nested.pop();
    } else if (open.test(text) && !text.endsWith('/>') && !text.includes(close)) nested.push(line);
  }
  for (const line of nested) unclosed.add(`${state.blkIndent}:${line}`);
  return -1;
}

function pushHtml(state: StateBlock, html: string, from: number, to: number): void {
  const token = state.push('html_block', '', 0);
  token.content = `${html}\n`;
  token.map = [from, to];
}

/**
 * Children that are one JSX expression holding elements (Tailwind's `<Example>` / `{` / `<div …>`
 * / `}`): its braces, each alone on the first and last of the children's lines, are syntax, not
 * text, and are left out.
 */
function withoutExpressionBraces(state: StateBlock, from: number, to: number): [number, number] {
  let first = from;
  let last = to - 1;
  while (first < to && isBlankLine(state, first)) first += 1;
  while (last > first && isBlankLine(state, last)) last -= 1;
  if (last <= first || lineText(state, first).trim() !== '{' || lineText(state, last).trim() !== '}') return [from, to];
  return [first + 1, last];
}

/**
 * Angular's `<docs-code language="angular-html" header="app.html">` … `</docs-code>`, its tags on
 * lines of their own: what it holds is code, as adev's renderer takes it, tags, comments and blank
 * lines included (CommonMark ends its HTML block at the first blank line, and the template's tags
 * in it were read as HTML and lost). A fenced code block, titled by its header, its blank first and
 * last lines left out. One holding nothing (it names a `path`) is left to the HTML handler, which
 * warns that the file is not on the page.
 */
function pushDocsCode(state: StateBlock, tag: StartTag, [startLine, end]: [number, number]): boolean {
  let from = tag.endLine;
  let to = end;
  while (from < to && isBlankLine(state, from)) from += 1;
  while (to > from && isBlankLine(state, to - 1)) to -= 1;
  if (from === to) return false;
  const { language = '', header } = tag.values;
  const token = state.push('fence', 'code', 0);
  token.info = `${language}${header && !header.includes('"') ? ` title="${header}"` : ''}`;
  token.content = state.getLines(from, to, state.sCount[startLine]!, true);
  token.markup = '```';
  token.map = [startLine, end + 1];
  state.line = end + 1;
  return true;
}

function component(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const second = state.src.charCodeAt(start + 1);
  // Only lines starting with `<` and a capital, or `<docs-`, are looked at further: this runs on every block.
  if (state.src.charCodeAt(start) !== 0x3c /* < */) return false;
  if ((second < 0x41 || second > 0x5a) && !state.src.startsWith('docs-', start + 1)) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const tag = readStartTag(state, startLine, endLine);
  if (!tag || tag.trailing) return false;
  if (tag.selfClosing) {
    // One line of HTML syntax: the HTML block rule reads it. An expression may not be HTML syntax
    // (`toc={[toc[2], toc[4]]}`, with spaces), and would leave the tag a paragraph of text.
    if (tag.endLine === startLine + 1 && !tag.expression) return false;
    // Asked silently, whether it ends a paragraph: a self-closing tag never does (see below).
    if (silent) return false;
    pushHtml(state, apiTableHtml(tag.name, tag.expressions) ?? tag.html, startLine, tag.endLine);
    state.line = tag.endLine;
    return true;
  }
  const end = endTagLine(state, tag.name, [startLine, tag.endLine], endLine);
  if (end === -1) return false;
  if (tag.name === 'docs-code') return !silent && pushDocsCode(state, tag, [startLine, end]);
  let indent = Infinity;
  let onlyTags = true;
  let fenced = false;
  for (let line = tag.endLine; line < end; line += 1) {
    if (isBlankLine(state, line)) continue;
    indent = Math.min(indent, state.sCount[line]!);
    const text = lineText(state, line);
    if (text.charCodeAt(0) !== 0x3c /* < */) onlyTags = false;
    if (FENCE_LINE.test(text)) fenced = true;
  }
  // A one-line HTML start tag over children as deep as itself (`<Warning>` / `*bar*` /
  // `</Warning>`) is CommonMark's HTML block, and so is one holding only tags (`<TabItem …>text
  // </TabItem>` lines): handlers/html.ts converts those as they are. Unless a code fence is among
  // them (Starlight's and Astro's docs: `<TabItem label="npm">` / `` ```sh `` / … / `</TabItem>`,
  // as deep as the tag): as HTML its lines would run together into a paragraph.
  // A member expression (`<StepHikeCompact.Details>`) is JSX, never an HTML tag.
  const jsx = tag.expression || tag.endLine > startLine + 1 || tag.name.includes('.');
  if (!jsx && !fenced && !holdsMarkdown(tag.name) && (onlyTags || indent <= state.sCount[startLine]!)) return false;
  // Ending a paragraph (markdown-it asks silently) only where a code fence is among the children:
  // MDX reads a tag line as a block, and Chainlink's tab panels follow their label lines with no
  // blank line (`<Fragment slot="tab.2">Goerli</Fragment>` / `<Fragment slot="panel.1">` / a fence).
  if (silent) return fenced;
  pushHtml(state, tag.html, startLine, tag.endLine);
  const [from, to] = withoutExpressionBraces(state, tag.endLine, end);
  if (indent !== Infinity && from < to) tokenizeContainer(state, from, to, indent);
  pushHtml(state, `</${tag.name}>`, end, end + 1);
  state.line = end + 1;
  return true;
}

export function mdxComponents(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'mdx_component', component, { alt: ['paragraph'] });
}
