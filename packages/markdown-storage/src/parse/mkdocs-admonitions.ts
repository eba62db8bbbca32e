/**
 * MkDocs (Python-Markdown / Material) admonitions, read as the container directives docgen has:
 *
 *     !!! note "Optional title"        a panel          ??? warning "Title"    collapsible: expand
 *         Content indented 4 spaces,                        (`???+`, open at first, too)
 *         any Markdown.
 *
 * The type is the first word (more words are CSS classes for MkDocs, ignored); Material's types
 * and their aliases map to Confluence's panels. With no title written the capitalized type is
 * the title, as MkDocs shows it; `""` means none. The block ends at the first non-blank line
 * indented less than 4 spaces. Any other type (`!!! pied-piper`, a site's own, styled by its CSS)
 * is an admonition to Python-Markdown too, shown as Material's fallback, `note`: once content is
 * indented under it, so that a line of prose (`!!! wow`) alone stays text.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { indentedContentEnd, pushContainerBlock } from './block-state.js';

/** Material for MkDocs' admonition types (and aliases) → the docgen panel shown for them. */
export const MKDOCS_PANELS: Record<string, string> = {
  note: 'note',
  abstract: 'info',
  summary: 'info',
  tldr: 'info',
  info: 'info',
  todo: 'info',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  question: 'info',
  help: 'info',
  faq: 'info',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'warning',
  fail: 'warning',
  missing: 'warning',
  danger: 'warning',
  error: 'warning',
  bug: 'warning',
  example: 'info',
  quote: 'info',
  cite: 'info',
};

/** Python-Markdown's own pattern: marker, optional space, class words, optional "title". */
const OPENER = /^(!!!|\?\?\?\+?) ?([\w-]+)(?: +[\w-]+)*?(?: +"(.*)")? *$/;

function admonition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const first = state.src.charCodeAt(start);
  // Only lines starting with `!!!` or `???` are looked at further: this runs on every block.
  if ((first !== 0x21 /* ! */ && first !== 0x3f) /* ? */ || state.src.charCodeAt(start + 1) !== first) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const text = state.src.slice(start, state.eMarks[startLine]!);
  const match = OPENER.exec(text);
  const type = match?.[2]!.toLowerCase();
  if (!match || type === undefined) return false;
  const indent = state.blkIndent + 4;
  const contentEnd = indentedContentEnd(state, startLine, endLine, indent);
  const panel = MKDOCS_PANELS[type] ?? (contentEnd > startLine + 1 ? MKDOCS_PANELS.note! : undefined);
  if (!panel) return false;
  if (silent) return true;

  const collapsible = match[1] !== '!!!';
  const title = match[3] ?? type!.charAt(0).toUpperCase() + type!.slice(1);

  const name = collapsible ? 'expand' : panel;
  const span = { start, line: startLine, from: startLine + 1, to: contentEnd, end: contentEnd - 1, indent };
  pushContainerBlock(state, { name, title }, span);
  return true;
}

export function mkdocsAdmonitions(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'mkdocs_admonition', admonition, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
