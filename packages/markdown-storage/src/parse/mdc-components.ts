/**
 * What MDC (Nuxt Content) writes inside a block component that is syntax, not content: its props
 * block and its slot markers.
 *
 * The props block: a block component's props written as YAML between `---` lines
 * that open its content, instead of (or beside) `{…}` on its first line:
 *
 *     ::alert               is    ::alert{type="info" icon="i-lucide-info"}
 *     ---
 *     type: info
 *     icon: i-lucide-info
 *     ---
 *     Text
 *     ::
 *
 * Nuxt Content takes the block out of the content, so it is never shown. Without this reading the
 * first `---` was a thematic break and the props under it a setext heading. Only a mapping counts
 * (its lines `key: value`; a nested list or mapping under a key is skipped, as no directive
 * handler reads one), so a component opening with a thematic break and prose keeps them.
 */
import type { StateBlock } from 'markdown-it';
import { fenceAfterLine, isBlankLine, lineText, tokenizeContainer } from './block-state.js';

const FENCE = /^---[ \t]*$/;
const PROP = /^([A-Za-z_$][\w$.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;

/** A YAML scalar's value: quotes taken off (`"x"`, `'it''s'`), a trailing ` # comment` dropped. */
function scalar(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^']|'')*)'$/.exec(value);
  if (quoted) return quoted[1] !== undefined ? quoted[1].replace(/\\(.)/g, '$1') : quoted[2]!.replace(/''/g, "'");
  return value.replace(/[ \t]+#.*$/, '');
}

/**
 * The props block opening lines [from, to) of a component, and the line after it; undefined when
 * its first line is not `---`, it is not closed before `to`, or a line in it is no `key: value`.
 */
export function mdcProps(
  state: StateBlock,
  from: number,
  to: number,
): { attributes: Record<string, string>; contentStart: number } | undefined {
  if (from >= to || !FENCE.test(lineText(state, from))) return undefined;
  const indent = state.sCount[from]!;
  const attributes: Record<string, string> = {};
  for (let line = from + 1; line < to; line += 1) {
    if (isBlankLine(state, line)) continue;
    const text = lineText(state, line);
    if (state.sCount[line] === indent && FENCE.test(text)) return { attributes, contentStart: line + 1 };
    // A list or mapping nested under the key above (`links:` / `  - label: …`): a value no handler reads.
    if (state.sCount[line]! > indent || text.startsWith('- ')) continue;
    const prop = PROP.exec(text);
    if (!prop) return undefined;
    if (prop[2]) attributes[prop[1]!] = scalar(prop[2]);
  }
  return undefined;
}

/** A slot marker: `#title`, `#default`, alone on its line. */
const SLOT = /^#[A-Za-z][\w-]*[ \t]*$/;

/**
 * A component's content, lines [from, to), without its slot markers: MDC's named slots
 * (`::hero` / `#title` / `Nuxt Content` / `#description` / `…` / `::`) fill places in the
 * component's layout, which a panel does not have, so each slot's content is kept in order and
 * the `#name` lines, which the site never shows, are left out. A `#name` line in a code fence is code.
 */
export function tokenizeSlots(state: StateBlock, from: number, to: number): void {
  let fence: string | undefined;
  let start = from;
  for (let line = from; line < to; line += 1) {
    const text = lineText(state, line);
    const before = fence;
    fence = fenceAfterLine(fence, text);
    if (before || fence) continue; // code, or a fence of it
    if (SLOT.test(text) && state.sCount[line]! - state.blkIndent < 4) {
      if (line > start) tokenizeContainer(state, start, line);
      start = line + 1;
    }
  }
  if (to > start) tokenizeContainer(state, start, to);
}
