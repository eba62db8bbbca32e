/**
 * What docgen's own block rules (directives, admonitions, shortcode panels, math, Liquid, front
 * matter) do with markdown-it's block state, written once.
 */
import type { StateBlock } from 'markdown-it';

/** The line's text after its indentation. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/** A line holding only spaces and tabs (or nothing). */
export function isBlankLine(state: StateBlock, line: number): boolean {
  return state.bMarks[line]! + state.tShift[line]! >= state.eMarks[line]!;
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
