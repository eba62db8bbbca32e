/**
 * What docgen's own block rules (directives, admonitions, shortcode panels, math, Liquid, front
 * matter) do with markdown-it's block state, written once.
 */
import type { StateBlock } from 'markdown-it';
import type { DirectiveMeta } from './directives.js';

/** The line's text after its indentation. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/** A line holding only spaces and tabs (or nothing). */
export function isBlankLine(state: StateBlock, line: number): boolean {
  return state.bMarks[line]! + state.tShift[line]! >= state.eMarks[line]!;
}

/**
 * The line after the content indented under `startLine` by at least `indent` columns (MkDocs'
 * admonitions and tabs: four spaces): blank lines inside it belong to it, blank lines after its
 * last indented line do not. `startLine + 1` when nothing is indented under it.
 */
export function indentedContentEnd(state: StateBlock, startLine: number, endLine: number, indent: number): number {
  let contentEnd = startLine + 1;
  for (let line = startLine + 1; line < endLine; line += 1) {
    if (isBlankLine(state, line)) continue;
    if (state.sCount[line]! < indent) break;
    contentEnd = line + 1;
  }
  return contentEnd;
}

const CODE_FENCE = /^(`{3,}|~{3,})/;

/**
 * The code fence open after a line (`text`, its content), given the one open before it (`fence`):
 * a line scanner skips what is inside a fenced block, or opens or closes one, as code, not as a
 * marker of its own. A fence closes on a line of its character, at least as long, and nothing
 * after it, as CommonMark says.
 */
export function fenceAfterLine(fence: string | undefined, text: string): string | undefined {
  const marker = CODE_FENCE.exec(text)?.[1];
  if (!fence) return marker;
  const closes =
    marker !== undefined &&
    marker[0] === fence[0] &&
    marker.length >= fence.length &&
    !text.slice(marker.length).trim();
  return closes ? undefined : fence;
}

/** A container's title (an admonition's, an expand's) as the label paragraph the directive handlers read. */
export function pushTitle(state: StateBlock, title: string, line: number): void {
  const paragraph = state.push('paragraph_open', 'p', 1);
  paragraph.meta = { directiveLabel: true };
  paragraph.map = [line, line + 1];
  const inline = state.push('inline', '', 0);
  inline.content = title;
  inline.map = [line, line + 1];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
}

/**
 * A tab's label (MkDocs' `=== "macOS"`, GitLab's `{{< tab title="…" >}}`) as a paragraph, its
 * Markdown kept, that to-mdast.ts makes bold: Confluence has no tabs, so each tab is its label
 * as a bold line and then its content, as an MDX `<TabItem label>` is.
 */
export function pushTabLabel(state: StateBlock, label: string, line: number): void {
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [line, line + 1];
  open.meta = { tabLabel: true };
  const inline = state.push('inline', '', 0);
  inline.content = label;
  inline.map = [line, line + 1];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
}

/** Lines [from, to) parsed as a container's content: nothing inside runs past `to`. */
export function tokenizeContainer(state: StateBlock, from: number, to: number, indent = state.blkIndent): void {
  const { parentType, lineMax, blkIndent } = state;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = to;
  state.blkIndent = indent;
  state.md.block.tokenize(state, from, to);
  state.parentType = parentType;
  state.lineMax = lineMax;
  state.blkIndent = blkIndent;
}

/** Where a container block is: its source from `start`, its opening `line` and last line `end`, its content lines [from, to). */
export interface ContainerSpan {
  start: number;
  line: number;
  from: number;
  to: number;
  end: number;
  indent?: number;
}

/**
 * The tokens of a panel-like block (an admonition, a MkDocs `///` block, a shortcode panel): a
 * directive container the directive handlers convert, its title as their label paragraph. A
 * `wrapper` is its content alone, a `tab` its label and then its content (Confluence has no tabs).
 */
export function pushContainerBlock(
  state: StateBlock,
  block: { name: string; title?: string },
  span: ContainerSpan,
): void {
  if (block.name === 'wrapper' || block.name === 'tab') {
    if (block.name === 'tab' && block.title) pushTabLabel(state, block.title, span.line);
    tokenizeContainer(state, span.from, span.to, span.indent);
    state.line = span.end + 1;
    return;
  }
  const open = state.push('directive_container_open', '', 1);
  open.map = [span.line, span.end + 1];
  open.meta = {
    name: block.name,
    attributes: {},
    source: state.src.slice(span.start, state.eMarks[span.end]!),
  } satisfies DirectiveMeta;
  if (block.title) pushTitle(state, block.title, span.line);
  tokenizeContainer(state, span.from, span.to, span.indent);
  state.push('directive_container_close', '', -1);
  state.line = span.end + 1;
}
