/**
 * YAML front matter, as remark-frontmatter and static-site generators read it: a `---` line that
 * opens the page, up to the next `---` (or `...`) line. It is page metadata, not content: it
 * becomes a `yaml` node, which the converter leaves out. Without this, `---` is a thematic break
 * and the metadata under it a setext heading (`title: x` + `---` → `<h2>`). Only a YAML mapping
 * counts (its first line a `key:` or a `#` comment), so a page that opens with a thematic break
 * and a setext heading (`---`, `Foo`, `---`) keeps them; a `---` never closed is a thematic break.
 * Hugo's TOML front matter (`+++` … `+++`) is left out the same way, as a `toml` node.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText } from './block-state.js';

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;
/** A mapping's first line: `key:` (plain or quoted key) or a comment. */
const MAPPING = /^(?:#|(?:[^\s#:'"][^:]*|"[^"]*"|'[^']*'):(?:[ \t]|$))/;

/** Hugo's TOML front matter: `+++` lines around `key = value` pairs (or a `[table]`, or a comment). */
const TOML_FENCE = /^\+\+\+[ \t]*\r?$/;
const TOML_FIRST = /^(?:#|\[|(?:[\w.-]+|"[^"]*"|'[^']*')[ \t]*=)/;

interface Syntax {
  open: RegExp;
  close: RegExp;
  first: RegExp;
  type: 'yaml' | 'toml';
}
const SYNTAXES: Syntax[] = [
  { open: OPEN, close: CLOSE, first: MAPPING, type: 'yaml' },
  { open: TOML_FENCE, close: TOML_FENCE, first: TOML_FIRST, type: 'toml' },
];

function frontMatter(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Only the page's very first line, unindented, at the top level.
  if (startLine !== 0 || state.level !== 0 || state.tShift[0] !== 0) return false;
  const syntax = SYNTAXES.find(({ open }) => open.test(lineText(state, 0)));
  if (!syntax) return false;
  let close = 1;
  while (close < endLine && !(state.tShift[close] === 0 && syntax.close.test(lineText(state, close)))) close += 1;
  if (close >= endLine || (close > 1 && !syntax.first.test(lineText(state, 1)))) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.map = [0, close + 1];
  token.info = syntax.type;
  token.content = state.getLines(1, close, 0, false).replace(/\n$/, '');
  token.block = true;
  state.line = close + 1;
  return true;
}

/** The lines of `markdown` after its front matter (all of them when it has none): for line scans. */
export function linesAfterFrontMatter(markdown: string): string[] {
  const lines = markdown.replace(/^\uFEFF/, '').split('\n');
  const syntax = SYNTAXES.find(({ open }) => open.test(lines[0]!));
  if (!syntax) return lines;
  const close = lines.findIndex((text, index) => index > 0 && syntax.close.test(text));
  if (close === -1 || (close > 1 && !syntax.first.test(lines[1]!))) return lines;
  return lines.slice(close + 1);
}

export function frontMatterPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'front_matter', frontMatter);
}
