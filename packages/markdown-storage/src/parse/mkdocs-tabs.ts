/**
 * Material for MkDocs content tabs (pymdownx.tabbed):
 *
 *     === "macOS"                      ===+ "Linux"   selected at first
 *         Content indented 4 spaces,   ===! "x"       starts a new set of tabs
 *         any Markdown.
 *
 * Confluence has no tabs (only marketplace macros), and a page shows every tab's content one after
 * the other: each tab is its label as a bold line, then its content, as an MDX `<TabItem label>`
 * is (handlers/html.ts). A heading per tab would put every variant of a code sample in the page's
 * table of contents; an expand per tab would hide the one MkDocs shows open. The tab ends at the
 * first non-blank line indented less than 4 spaces, as an admonition does (mkdocs-admonitions.ts).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { indentedContentEnd, pushTabLabel, tokenizeContainer } from './block-state.js';

/** pymdownx.tabbed's opener: `===`, `!` and/or `+`, then the quoted label (inline Markdown). */
const OPENER = /^===!?\+? +"(.*)" *$/;

function contentTab(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  // Only lines starting with `===` are looked at further: this runs on every block.
  if (state.src.charCodeAt(start) !== 0x3d /* = */ || !state.src.startsWith('===', start)) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const label = OPENER.exec(state.src.slice(start, state.eMarks[startLine]!))?.[1];
  if (label === undefined) return false;
  if (silent) return true;

  const indent = state.blkIndent + 4;
  const contentEnd = indentedContentEnd(state, startLine, endLine, indent);
  if (label.trim()) pushTabLabel(state, label.trim(), startLine);
  tokenizeContainer(state, startLine + 1, contentEnd, indent);
  state.line = contentEnd;
  return true;
}

export function mkdocsContentTabs(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'mkdocs_content_tab', contentTab, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
