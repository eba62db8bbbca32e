/**
 * Keyboard keys, `++ctrl+alt+del++` (pymdownx.keys, MkDocs): key names joined by `+` between two
 * `++`, shown as pymdownx shows them (`Ctrl+Alt+Del`, a quoted name as written) in inline code,
 * the `<code>` storage gives raw `<kbd>` too. Prose about C++ stays text: only names without
 * spaces pair, and neither `++` may touch a letter, digit or `+` outside (`C++ and ++i`, `a++b++`).
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

const KEY = String.raw`(?:[A-Za-z0-9][\w-]*|"[^"\n+]+")`;
const KEYS = new RegExp(String.raw`\+\+(${KEY}(?:\+${KEY})*)\+\+(?![\w+])`, 'y');
const WORD_OR_PLUS = /[\w+]/;

/** `page-up` → `Page Up`, `"My key"` → `My key`. */
export function keyLabel(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1);
  return key
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function tokenize(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  // Cheap test first: this runs at every `+`.
  if (src.charCodeAt(pos) !== 0x2b || src.charCodeAt(pos + 1) !== 0x2b) return false;
  if (pos > 0 && WORD_OR_PLUS.test(src[pos - 1]!)) return false;
  KEYS.lastIndex = pos;
  const match = KEYS.exec(src);
  if (!match || KEYS.lastIndex > state.posMax) return false;
  if (!silent) {
    const token = state.push('code_inline', 'code', 0);
    token.markup = '++';
    token.content = match[1]!
      .split(/\+(?=[A-Za-z0-9"])/)
      .map(keyLabel)
      .join('+');
  }
  state.pos = KEYS.lastIndex;
  return true;
}

export function keys(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'keys', tokenize);
}
