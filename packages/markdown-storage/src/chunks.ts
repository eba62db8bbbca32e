/**
 * Parse a long document as independent top-level sections.
 *
 * micromark keeps one event list for the whole document and splices it, which grows faster
 * than the input: a 1 MB API reference took ~25 s in one piece and a few seconds in sections.
 * A document is cut only before an ATX heading at column 0 that follows a blank line outside
 * any fenced code, container directive or multi-line HTML block — a point where CommonMark has
 * closed every open block, so each section parses exactly as it would in place. References
 * across sections need their definitions: each section is parsed behind a preamble of
 * placeholder definitions with the same labels (dropped afterwards). Documents whose
 * definitions we cannot recognise with certainty are parsed in one piece.
 */
import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';

export interface Section {
  text: string;
  /** Character offset and 1-based line of the section in the whole document. */
  offset: number;
  line: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DIRECTIVE_OPEN = /^ {0,3}:{3,}\s*[A-Za-z]/;
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}\s*$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** HTML blocks that may contain blank lines (CommonMark types 1–5), with their end markers. */
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const SIMPLE_DEFINITION = /^ {0,3}\[((?:[^[\]\\]|\\.)+)\]:/;
/** Something that may be a definition we would not see as one (inside a quote or list, say). */
const POSSIBLE_DEFINITION = /^[ \t>*+\-\d.)]*\[(?:[^[\]\\]|\\.)+\]:|^[ \t>]*\]:/;

/** Cut `markdown` into sections of about `target` characters, or undefined to parse it whole. */
export function splitSections(markdown: string, target: number): { sections: Section[]; preamble: string } | undefined {
  if (markdown.length < target * 2) return undefined;
  const lines = markdown.split('\n');
  const labels = new Set<string>();
  const cuts: { offset: number; line: number }[] = [{ offset: 0, line: 1 }];
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let directiveDepth = 0;
  let offset = 0;
  let previousBlank = true;
  let sectionStart = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const lineOffset = offset;
    offset += line.length + 1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      previousBlank = false;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      previousBlank = false;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      previousBlank = false;
      continue;
    }
    const html = HTML_BLOCKS.find(([start]) => start.test(line));
    if (html && !html[1].test(line.replace(html[0], ''))) {
      htmlEnd = html[1];
      previousBlank = false;
      continue;
    }
    if (DIRECTIVE_OPEN.test(line)) directiveDepth += 1;
    else if (DIRECTIVE_CLOSE.test(line) && directiveDepth > 0) directiveDepth -= 1;
    const definition = SIMPLE_DEFINITION.exec(line);
    if (definition) labels.add(definition[1]!);
    else if (POSSIBLE_DEFINITION.test(line)) return undefined;
    if (HEADING.test(line) && previousBlank && directiveDepth === 0 && lineOffset - sectionStart >= target) {
      cuts.push({ offset: lineOffset, line: index + 1 });
      sectionStart = lineOffset;
    }
    previousBlank = BLANK.test(line);
  }
  if (cuts.length < 2) return undefined;
  const sections = cuts.map((cut, index) => ({
    text: markdown.slice(cut.offset, cuts[index + 1]?.offset ?? markdown.length),
    offset: cut.offset,
    line: cut.line,
  }));
  const preamble = [...labels]
    .map((label) => (label.startsWith('^') ? `[${label}]: .\n\n` : `[${label}]: #\n\n`))
    .join('');
  return { sections, preamble };
}

/** Parse each section behind the preamble, move positions back into the whole document, and join. */
export function parseSections(markdown: string, target: number, parse: (text: string) => Root): Root {
  const split = splitSections(markdown, target);
  if (!split) return parse(markdown);
  const { sections, preamble } = split;
  const preambleLines = preamble.split('\n').length - 1;
  const children: RootContent[] = [];
  for (const section of sections) {
    const tree = parse(preamble + section.text);
    const lineShift = section.line - 1 - preambleLines;
    const offsetShift = section.offset - preamble.length;
    for (const child of tree.children) {
      if ((child.position?.start.offset ?? 0) < preamble.length) continue;
      shiftPositions(child, lineShift, offsetShift);
      children.push(child);
    }
  }
  const lastLineStart = markdown.lastIndexOf('\n') + 1;
  const end = {
    line: sections.at(-1)!.line + (sections.at(-1)!.text.match(/\n/g)?.length ?? 0),
    column: markdown.length - lastLineStart + 1,
    offset: markdown.length,
  };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** Move a subtree's positions (a plain loop: this runs on every node of big documents). */
function shiftPositions(node: Node, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shiftPositions(child, lines, offset);
}
