/**
 * pymdownx.blocks, the generic block syntax of newer MkDocs sites (FastAPI's docs, Material's,
 * pymdown-extensions' own):
 *
 *     /// tip | Optional title          a panel (any admonition type, as `!!!` maps them)
 *         type: warning                 options, indented 4 spaces, right under the header
 *
 *     Content, any Markdown.
 *
 *     ///                               the same number of slashes ends it
 *
 * `/// admonition | Title` takes its type from its `type` option (note without one); `/// details
 * | Summary` is an `expand`; `/// tab | Label` a tab, its label a bold line before its content (as
 * `=== "Label"` is); `/// html | div`, `/// define`, `/// caption` keep their content. A block of
 * another name, or one never closed, stays text, as pymdownx leaves it. Blocks nest: an inner one
 * with the same number of slashes closes at its own end line, or the outer one writes more slashes.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { isBlankLine, lineText, pushContainerBlock } from './block-state.js';
import { MKDOCS_PANELS } from './mkdocs-admonitions.js';

const HEADER = /^(\/{3,}) *([\w-]+) *(?:\| *(.*?))? *$/;
const WRAPPERS = new Set(['html', 'define', 'caption', 'figure-caption', 'table-caption']);

interface Block {
  /** The directive it stands for, `tab` or `wrapper`. */
  name: string;
  title?: string;
}

/** What a block of this name stands for, with its options (`type: warning`). */
function blockOf(name: string, argument: string | undefined, options: Record<string, string>): Block | undefined {
  if (name === 'details') return { name: 'expand', title: argument };
  if (name === 'tab') return { name: 'tab', title: argument };
  if (WRAPPERS.has(name)) return { name: 'wrapper' };
  const type = name === 'admonition' ? (options.type ?? 'note').toLowerCase() : name;
  const panel = Object.hasOwn(MKDOCS_PANELS, type) ? MKDOCS_PANELS[type]! : undefined;
  if (!panel) return undefined;
  // Without a title pymdownx titles an admonition with its type, as MkDocs' `!!!` does.
  return {
    name: panel,
    title: argument ?? (name === 'admonition' ? undefined : type[0]!.toUpperCase() + type.slice(1)),
  };
}

/** The options under the header: lines indented 4 spaces more, `key: value`, up to a blank line. */
function readOptions(state: StateBlock, startLine: number, endLine: number): [Record<string, string>, number] {
  const options: Record<string, string> = {};
  let line = startLine + 1;
  for (; line < endLine && !isBlankLine(state, line); line += 1) {
    if (state.sCount[line]! - state.sCount[startLine]! < 4) break;
    const option = /^([\w-]+):\s*(.*)$/.exec(lineText(state, line));
    if (option) options[option[1]!] = option[2]!.replace(/^["']|["']$/g, '');
  }
  return [options, line];
}

/** The line closing a block of these slashes: its own, past any nested block written with the same. */
function closingLine(state: StateBlock, from: number, endLine: number, slashes: string, indent: number): number {
  let depth = 0;
  for (let line = from; line < endLine; line += 1) {
    if (state.sCount[line]! !== indent) continue;
    const text = lineText(state, line).trimEnd();
    if (!text.startsWith(slashes)) continue;
    if (text === slashes) {
      if (depth === 0) return line;
      depth -= 1;
    } else if (HEADER.exec(text)?.[1] === slashes) depth += 1;
  }
  return -1;
}

function mkdocsBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  // Only lines starting with `///` are looked at further: this runs on every block.
  if (state.src.charCodeAt(start) !== 0x2f /* / */ || state.src.charCodeAt(start + 2) !== 0x2f) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const header = HEADER.exec(lineText(state, startLine));
  if (!header) return false;
  const [, slashes, name, argument] = header as unknown as [string, string, string, string | undefined];
  const [options, contentStart] = readOptions(state, startLine, endLine);
  const block = blockOf(name.toLowerCase(), argument || undefined, options);
  if (!block) return false;
  const close = closingLine(state, contentStart, endLine, slashes, state.sCount[startLine]!);
  if (close === -1) return false;
  if (silent) return true;

  pushContainerBlock(state, block, { start, line: startLine, from: contentStart, to: close, end: close });
  return true;
}

export function mkdocsBlocks(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'mkdocs_block', mkdocsBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
