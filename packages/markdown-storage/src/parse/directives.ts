/**
 * The generic directive syntax of remark-directive, for markdown-it:
 *
 *     :name[label]{attributes}          text (inline)
 *     ::name[label]{attributes}         leaf (a line of its own)
 *     :::name[label]{attributes}        container, up to a line of at least as many colons
 *     ...
 *     :::
 *
 * One change from stock remark-directive: a text directive only starts after whitespace or
 * punctuation, so prose and markup from specs (`Note:This`, `a:b`, `ac:name`) stay text.
 * One addition: a container with an admonition's name may also carry its title after a space, as
 * docs written for Docusaurus v2 (`:::tip My title`) and VitePress (`::: tip`, `::: details Title`)
 * do, and HackMD's (`:::spoiler Title`) and Zenn's (`:::message alert`, `:::details Title`) containers;
 * any other name written that way stays text.
 * Tokens carry the directive's source so an unknown directive can be shown as written.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { decodeHTMLAttribute } from 'entities';
import { fenceAfterLine, isBlankLine, lineText, pushContainerBlock, tokenizeContainer } from './block-state.js';
import { mdcProps, tokenizeSlots } from './mdc-components.js';

export interface DirectiveMeta {
  name: string;
  attributes: Record<string, string>;
  /** The directive as written (for a container, its whole source, closing fence included). */
  source: string;
  /** Where the label's content sits inside `source`, if there is a label. */
  label?: [start: number, end: number];
}

/** A name starts with neither whitespace nor punctuation; `-` and `_` may follow but not end it. */
const NAME = /[^\s\p{P}\p{S}](?:[^\s\p{P}\p{S}]|[-_])*/uy;
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;
const ATTRIBUTE_NAME = /[A-Za-z_:][\w.:-]*/y;
const UNQUOTED = /[^\s"'<=>`}]+/y;
const SHORTCUT = /[^\s"'<=>`}#.]+/y;

/** `:name[label]{attributes}` at `start` (just after the colons) of `source`; undefined if it is not one. */
function scanDirective(
  source: string,
  start: number,
  max: number,
): (Omit<DirectiveMeta, 'source'> & { end: number }) | undefined {
  NAME.lastIndex = start;
  const name = NAME.exec(source)?.[0];
  if (!name || NAME.lastIndex > max || /[-_]$/.test(name)) return undefined;
  let pos = start + name.length;
  let label: [number, number] | undefined;
  if (source[pos] === '[') {
    const close = closingBracket(source, pos, max);
    if (close === -1) return undefined;
    label = [pos + 1, close];
    pos = close + 1;
  }
  let attributes: Record<string, string> = {};
  if (source[pos] === '{') {
    const parsed = scanAttributes(source, pos + 1, max);
    if (!parsed) return undefined;
    attributes = parsed.attributes;
    pos = parsed.end;
  }
  return { name, attributes, label, end: pos };
}

/** The `]` that balances the `[` at `open`, skipping backslash escapes; -1 if none before `max`. */
function closingBracket(source: string, open: number, max: number): number {
  let depth = 0;
  for (let pos = open; pos < max; pos += 1) {
    const char = source[pos];
    if (char === '\\') pos += 1;
    else if (char === '[') depth += 1;
    else if (char === ']' && --depth === 0) return pos;
  }
  return -1;
}

/** `#id .class name=value name="value" name='value' name}` from just after `{`. */
function scanAttributes(
  source: string,
  start: number,
  max: number,
): { attributes: Record<string, string>; end: number } | undefined {
  const attributes: Record<string, string> = {};
  const classes: string[] = [];
  let pos = start;
  const sticky = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(source)?.[0];
    if (match === undefined || pattern.lastIndex > max) return undefined;
    pos = pattern.lastIndex;
    return match;
  };
  const skipSpace = (): void => {
    while (pos < max && /\s/.test(source[pos]!)) pos += 1;
  };
  for (;;) {
    skipSpace();
    const char = source[pos];
    if (pos >= max || char === undefined) return undefined;
    if (char === '}') break;
    if (char === '#' || char === '.') {
      pos += 1;
      const value = sticky(SHORTCUT);
      if (value === undefined) return undefined;
      if (char === '#') attributes.id = decodeHTMLAttribute(value);
      else classes.push(decodeHTMLAttribute(value));
      continue;
    }
    const key = sticky(ATTRIBUTE_NAME);
    if (key === undefined) return undefined;
    skipSpace();
    if (source[pos] !== '=') {
      attributes[key] = '';
      continue;
    }
    pos += 1;
    skipSpace();
    const quote = source[pos];
    let value: string | undefined;
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, pos + 1);
      if (close === -1 || close >= max) return undefined;
      value = source.slice(pos + 1, close);
      pos = close + 1;
    } else {
      value = sticky(UNQUOTED);
      if (value === undefined) return undefined;
    }
    if (key === 'class') classes.push(decodeHTMLAttribute(value));
    else attributes[key] = decodeHTMLAttribute(value);
  }
  if (classes.length) attributes.class = classes.join(' ');
  return { attributes, end: pos + 1 };
}

function textDirective(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const source = state.src;
  if (source.charCodeAt(start) !== 0x3a /* : */) return false;
  const previous = source[start - 1];
  if (previous === ':' || (previous !== undefined && !PUNCTUATION_OR_SPACE.test(previous))) return false;
  const found = scanDirective(source, start + 1, state.posMax);
  if (!found) return false;
  // A bare name closed by a colon is an emoji shortcode (`:rocket:`) or a time (`10:30:00`), not a directive.
  if (found.end === start + 1 + found.name.length && source.charCodeAt(found.end) === 0x3a /* : */) return false;
  if (!silent) {
    const open = state.push('directive_text_open', '', 1);
    const label = found.label && ([found.label[0] - start, found.label[1] - start] as [number, number]);
    open.meta = {
      name: found.name,
      attributes: found.attributes,
      source: source.slice(start, found.end),
      label,
    } satisfies DirectiveMeta;
    if (found.label) {
      const max = state.posMax;
      state.pos = found.label[0];
      state.posMax = found.label[1];
      state.md.inline.tokenize(state);
      state.posMax = max;
    }
    state.push('directive_text_close', '', -1);
  }
  state.pos = found.end;
  return true;
}

/** The line's text after its indentation, or undefined if it is indented code. */
function lineTextUnlessCode(state: StateBlock, line: number): string | undefined {
  if (state.sCount[line]! - state.blkIndent >= 4) return undefined;
  return lineText(state, line);
}

/** A line `<colons>name[label]{attributes}` with nothing after it but whitespace. */
function directiveLine(text: string, colons: number): (ReturnType<typeof scanDirective> & object) | undefined {
  const found = scanDirective(text, colons, text.length);
  return found && /^\s*$/.test(text.slice(found.end)) ? found : undefined;
}

/**
 * The names a container may be opened with as `:::name Title` or `::: name Title` (Docusaurus
 * admonitions, VitePress custom containers): panels and expand. Lower case, compared ignoring case.
 */
const ADMONITIONS = new Set([
  'note',
  'tip',
  'info',
  'warning',
  'caution',
  'danger',
  'important',
  'success',
  'hint',
  'details',
  'expand',
  // HackMD's `:::spoiler Title` (an expand); Zenn's `:::message` and `:::message alert` (a panel).
  'spoiler',
  'message',
]);
const ADMONITION = /^([ \t]*)([A-Za-z]+)(?:[ \t]+(.*?))?[ \t]*$/;
/** VitePress opens a `details` block with `{open}`: Confluence's expand has no such state. */
const OPEN_FLAG = /(?:^|[ \t]+)\{open\}$/;
/** HackMD opens a spoiler with `{state="open"}` before its title: the same. */
const OPEN_STATE = /^\{state=(?:"open"|'open'|open)\}(?:[ \t]+|$)/;

/** `:::tip Title`, `::: tip`, `::: details Title {open}` after `colons` colons; undefined if it is not one. */
function admonitionLine(text: string, colons: number): (ReturnType<typeof scanDirective> & object) | undefined {
  const match = ADMONITION.exec(text.slice(colons));
  if (!match) return undefined;
  const name = match[2]!;
  const known = name.toLowerCase();
  if (!ADMONITIONS.has(known)) return undefined;
  let title = match[3] ?? '';
  if (known === 'details' || known === 'expand') title = title.replace(OPEN_FLAG, '');
  let start = colons + match[1]!.length + match[2]!.length;
  while (text[start] === ' ' || text[start] === '\t') start += 1;
  if (known === 'spoiler') {
    const state = OPEN_STATE.exec(title)?.[0].length ?? 0;
    title = title.slice(state);
    start += state;
  }
  return { name, attributes: {}, label: title ? [start, start + title.length] : undefined, end: text.length };
}

function pushLabel(state: StateBlock, text: string, label: [number, number], line: number): void {
  const inline = state.push('inline', '', 0);
  inline.content = text.slice(label[0], label[1]);
  inline.map = [line, line + 1];
  inline.children = [];
}

/** Whether the line starts with `::` (checked before anything is sliced: this runs on every block). */
function startsWithColons(state: StateBlock, line: number): boolean {
  const start = state.bMarks[line]! + state.tShift[line]!;
  return state.src.charCodeAt(start) === 0x3a && state.src.charCodeAt(start + 1) === 0x3a;
}

function leafDirective(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!startsWithColons(state, startLine)) return false;
  const text = lineTextUnlessCode(state, startLine);
  if (!text?.startsWith('::') || text[2] === ':') return false;
  const found = directiveLine(text, 2);
  if (!found) return false;
  if (silent) return true;
  const close = mdcClosingLine(state, startLine, endLine);
  if (close !== undefined) {
    pushContainer(state, found, text, [startLine, close, close], tokenizeSlots);
    state.line = close + 1;
    return true;
  }
  const open = state.push('directive_leaf_open', '', 1);
  open.map = [startLine, startLine + 1];
  open.meta = {
    name: found.name,
    attributes: found.attributes,
    source: text.trimEnd(),
    label: found.label,
  } satisfies DirectiveMeta;
  if (found.label) pushLabel(state, text, found.label, startLine);
  state.push('directive_leaf_close', '', -1);
  state.line = startLine + 1;
  return true;
}

const CLOSING = /^(:{3,})\s*$/;

/**
 * MDC's block components (Nuxt Content, Nuxt's own docs): `::callout` … `::`, `::code-group` …
 * `::`, with two colons, nested ones written with more (`:::tip` … `:::`, read as containers are).
 * The line closing one is `::` alone; another two-colon component line before it means this one
 * is a leaf (`::read-more{to="…"}`), as is one never closed. Code fences are skipped.
 */
function mdcClosingLine(state: StateBlock, startLine: number, endLine: number): number | undefined {
  let fence: string | undefined;
  // Nested components indented under this one (`::field-group` / `  ::field{…}` / `  ::`), still open.
  let nested = 0;
  const indent = state.sCount[startLine]!;
  for (let line = startLine + 1; line < endLine; line += 1) {
    if (!isBlankLine(state, line) && state.sCount[line]! < state.blkIndent) return undefined;
    const text = lineTextUnlessCode(state, line);
    if (text === undefined) continue;
    const before = fence;
    fence = fenceAfterLine(fence, text);
    if (before || fence) continue; // code, or a fence of it
    if (/^::\s*$/.test(text)) {
      if (nested === 0) return line;
      nested -= 1;
    } else if (/^::[^:\s]/.test(text)) {
      if (state.sCount[line]! <= indent) return undefined;
      nested += 1;
    }
  }
  return undefined;
}

/**
 * A container's tokens: its open (with the source from `startLine` to `lastLine`), its label as a
 * paragraph, its content up to `contentEnd` (by `tokenizeContent`: an MDC component's leaves its
 * slot markers out), its close. The caller moves `state.line` past it.
 */
function pushContainer(
  state: StateBlock,
  found: ReturnType<typeof scanDirective> & object,
  text: string,
  [startLine, lastLine, contentEnd]: [number, number, number],
  tokenizeContent: (state: StateBlock, from: number, to: number) => void = tokenizeContainer,
): void {
  // MDC's YAML props block (`---` / `type: info` / `---`) is props too; those on the first line win.
  const props = mdcProps(state, startLine + 1, contentEnd);
  const open = state.push('directive_container_open', '', 1);
  open.map = [startLine, lastLine + 1];
  open.meta = {
    name: found.name,
    attributes: props ? { ...props.attributes, ...found.attributes } : found.attributes,
    source: state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[lastLine]!),
  } satisfies DirectiveMeta;
  if (found.label) {
    const paragraph = state.push('paragraph_open', 'p', 1);
    paragraph.meta = { directiveLabel: true };
    pushLabel(state, text, found.label, startLine);
    state.push('paragraph_close', 'p', -1);
  }
  tokenizeContent(state, props?.contentStart ?? startLine + 1, contentEnd);
  state.push('directive_container_close', '', -1);
}

/**
 * The line that closes a container opened with `colons` colons on `startLine` (nested ones and
 * code skipped), or undefined if it runs to the end of its parent. A directive closes with at least
 * as many colons; a pandoc div (`anyLength`) with any line of three or more, as pandoc closes the
 * innermost open div (`:::: columns` … `:::`). Unclosed containers nested in
 * an unclosed one are remembered for the rest of the parse, so `:::a` repeated thousands of times
 * costs one scan, not one per container.
 */
function closingLine(
  state: StateBlock,
  startLine: number,
  endLine: number,
  colons: number,
  anyLength = false,
): number | undefined {
  const unclosed = ((state.env as { unclosedDirectives?: Set<string> }).unclosedDirectives ??= new Set());
  if (unclosed.has(`${state.blkIndent}:${startLine}`)) return undefined;
  const nested: number[] = [];
  let fence: string | undefined;
  for (let line = startLine + 1; line < endLine; line += 1) {
    if (!isBlankLine(state, line) && state.sCount[line]! < state.blkIndent) break; // the parent block ended
    const text = lineTextUnlessCode(state, line);
    if (text === undefined) continue;
    const before = fence;
    fence = fenceAfterLine(fence, text);
    if (before || fence) continue; // code, or a fence of it
    const close = CLOSING.exec(text)?.[1];
    if (close && nested.length) nested.pop();
    else if (close && (anyLength || close.length >= colons)) return line;
    else if (
      /^:{3,}[^\s:]/.test(text) ||
      opensPandocDiv(text) ||
      (/^:{3,}[ \t]/.test(text) && (opensAdmonition(text) || opensCodeGroupItem(text)))
    )
      nested.push(line);
  }
  for (const line of nested) unclosed.add(`${state.blkIndent}:${line}`);
  return undefined;
}

/** `::: tip`: a VitePress container inside another counts as nested, as `:::tip` does. */
function opensAdmonition(text: string): boolean {
  return admonitionLine(text, /^:+/.exec(text)![0].length) !== undefined;
}

/**
 * Pandoc's fenced divs, as Quarto pages write callouts: `::: {.callout-note title="…"}` … `:::`.
 * Quarto's five callout types are GitHub's alert types, and get the same panels (handlers/blocks.ts);
 * the title is the `title` attribute or else a heading opening the callout (Quarto shows it as the
 * title); `icon=false` hides the panel's icon, `collapse="true"` makes it an expand. Any other div (`{.column width="50%"}`, a custom
 * `.callout-exercise`) is a wrapper, as its `<div>` is in HTML: its content is kept without it.
 * Pandoc's other form, a single class as a bare word (`::::: columns`, `:::: column`), is one too
 * when it names no admonition (`::: tip` is VitePress' and Docusaurus' syntax, read before this).
 * Either may end with colons (`::: {.note} :::`), and only a closed div is one; any line of three
 * colons or more closes it (`:::: columns` … `:::`), as in pandoc.
 */
const PANDOC_DIV = /^:{3,}[ \t]*\{/;
const PANDOC_WORD_DIV = /^:{3,}[ \t]*([A-Za-z][\w-]*)[ \t]*(?::+[ \t]*)?$/;
/** What may follow a fenced div's attributes: whitespace, or colons balancing the fence. */
const FENCE_TAIL = /^[ \t]*(?::+[ \t]*)?$/;

function opensPandocDiv(text: string): boolean {
  return PANDOC_DIV.test(text) || PANDOC_WORD_DIV.test(text);
}

/** The attributes of a fenced div's opening line (the bare word is its class), or undefined if it is not one. */
function pandocDivAttributes(text: string): Record<string, string> | undefined {
  const word = PANDOC_WORD_DIV.exec(text)?.[1];
  if (word !== undefined) return { class: word };
  if (!PANDOC_DIV.test(text)) return undefined;
  const parsed = scanAttributes(text, text.indexOf('{') + 1, text.length);
  return parsed && FENCE_TAIL.test(text.slice(parsed.end)) ? parsed.attributes : undefined;
}
const QUARTO_CALLOUTS: Record<string, string> = {
  'callout-note': 'info',
  'callout-tip': 'tip',
  'callout-important': 'note',
  'callout-warning': 'note',
  'callout-caution': 'warning',
};

function pandocDiv(
  state: StateBlock,
  text: string,
  [startLine, endLine]: [number, number],
  colons: number,
  silent: boolean,
): boolean {
  const attributes = pandocDivAttributes(text);
  if (!attributes) return false;
  const close = closingLine(state, startLine, endLine, colons, true);
  if (close === undefined) return false;
  if (silent) return true;
  const { class: classes = '', title, collapse, icon } = attributes;
  const callout = classes.split(/\s+/).find((name) => Object.hasOwn(QUARTO_CALLOUTS, name));
  if (!callout) {
    // A wrapper pushes no token of its own, so it counts its level itself: thousands nested are
    // then flattened past the nesting bound (nesting.ts) instead of exhausting the stack.
    state.level += 1;
    tokenizeContainer(state, startLine + 1, close);
    state.level -= 1;
    state.line = close + 1;
    return true;
  }
  const open = state.push('directive_container_open', '', 1);
  open.map = [startLine, close + 1];
  open.meta = {
    name: collapse === 'true' ? 'expand' : QUARTO_CALLOUTS[callout]!,
    attributes: { ...(title === undefined ? {} : { title }), ...(icon === undefined ? {} : { icon }) },
    source: state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[close]!),
  } satisfies DirectiveMeta;
  const first = state.tokens.length;
  tokenizeContainer(state, startLine + 1, close);
  if (title === undefined && state.tokens[first]?.type === 'heading_open') headingAsLabel(state, first);
  state.push('directive_container_close', '', -1);
  state.line = close + 1;
  return true;
}

/** The heading opening a callout is its title: the label paragraph the directive handlers read. */
function headingAsLabel(state: StateBlock, index: number): void {
  const open = state.tokens[index]!;
  const close = state.tokens[index + 2]!;
  open.type = 'paragraph_open';
  open.tag = 'p';
  open.meta = { directiveLabel: true };
  close.type = 'paragraph_close';
  close.tag = 'p';
}

function containerDirective(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!startsWithColons(state, startLine)) return false;
  const text = lineTextUnlessCode(state, startLine);
  const colons = text ? /^:{3,}/.exec(text)?.[0].length : undefined;
  if (!text || !colons) return false;
  const found = directiveLine(text, colons) ?? admonitionLine(text, colons);
  if (!found) {
    const item = codeGroupItemTitle(text, colons);
    if (item !== undefined) return codeGroupItem(state, item, [startLine, endLine], colons, silent);
    return pandocDiv(state, text, [startLine, endLine], colons, silent);
  }
  if (silent) return true;
  const close = closingLine(state, startLine, endLine, colons);
  const contentEnd = close ?? findParentEnd(state, startLine, endLine);
  pushContainer(state, found, text, [startLine, close ?? contentEnd - 1, contentEnd]);
  state.line = close === undefined ? contentEnd : close + 1;
  return true;
}

/**
 * VuePress 2's code group tabs (`:::: code-group` around `::: code-group-item npm` … `:::`, the
 * first shown may be marked `npm:active`): a tab each, its title a bold line and then its code, as
 * other tabs are (Confluence has no tabs). The `code-group` around them is a wrapper, as a pandoc
 * div of one word is. Only a closed item; its title is its text.
 */
const CODE_GROUP_ITEM = /^code-group-item[ \t]+(.*?)(?::active)?[ \t]*$/;

function codeGroupItemTitle(text: string, colons: number): string | undefined {
  return CODE_GROUP_ITEM.exec(text.slice(colons).trim())?.[1];
}

function opensCodeGroupItem(text: string): boolean {
  return codeGroupItemTitle(text, /^:+/.exec(text)![0].length) !== undefined;
}

function codeGroupItem(
  state: StateBlock,
  title: string,
  [startLine, endLine]: [number, number],
  colons: number,
  silent: boolean,
): boolean {
  const close = closingLine(state, startLine, endLine, colons);
  if (close === undefined) return false;
  if (silent) return true;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  pushContainerBlock(
    state,
    { name: 'tab', title },
    { start, line: startLine, from: startLine + 1, to: close, end: close },
  );
  return true;
}

/** An unclosed container runs to the end of its parent block (or of the document). */
function findParentEnd(state: StateBlock, startLine: number, endLine: number): number {
  for (let line = startLine + 1; line < endLine; line += 1) {
    if (!isBlankLine(state, line) && state.sCount[line]! < state.blkIndent) return line;
  }
  return endLine;
}

export function directives(md: MarkdownIt): void {
  const interrupts = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.before('fence', 'directive_container', containerDirective, interrupts);
  md.block.ruler.before('fence', 'directive_leaf', leafDirective, interrupts);
  md.inline.ruler.after('linkify', 'directive_text', textDirective);
}
