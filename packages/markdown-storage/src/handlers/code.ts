/**
 * Fenced and indented code → the `code` macro. The body goes in CDATA (split around `]]>`), so
 * nothing in it is ever parsed. Fence meta: `title="…"` (or `filename`, `file`, `package`), `linenumbers` (or `showLineNumbers`,
 * MkDocs' `linenums="N"`), `firstline=N`, `collapse`, `theme=…`.
 */
import type { Code, InlineCode } from 'mdast';
import type { State } from '../state.js';
import { type XNode, cdata, text, x } from '../xml.js';
import { codeLanguage } from '../languages.js';
import { macro, panelMacro } from './macros.js';
import { warnFileInclusions } from './inline.js';
import type { InlineMath as InlineMathNode, Math as MathNode } from '../parse/math.js';

const META = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;

export function parseMeta(meta: string | null | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of (meta ?? '').matchAll(META)) {
    values[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? 'true';
  }
  return values;
}

/**
 * The info string as docs sites write it beside the language, read into a language and the meta
 * docgen knows: VitePress' and VuePress' `js{1,4-6}` (highlighted lines: Confluence has none, left
 * out), `ts:line-numbers=2` (and `:no-line-numbers`, the default), the title bar `js [main.js]` (also
 * after Shiki's flags: `js twoslash [main.js]`); pandoc's,
 * Quarto's and R Markdown's attributes `{.python .numberLines startFrom="10"}`, `{r chunk}`; Hugo's
 * `go {linenos=table,linenostart=199}`.
 */
export function fenceInfo(
  lang: string | null | undefined,
  rawMeta: string | null | undefined,
): {
  lang: string | undefined;
  meta: Record<string, string>;
} {
  let language = lang ?? '';
  let rest = rawMeta ?? '';
  const extra: Record<string, string> = {};
  if (language.startsWith('{')) {
    const braces = /^\{([^}]*)\}\s*(.*)$/.exec(`${language} ${rest}`.trim());
    if (braces) {
      const words = braces[1]!.split(/[\s,]+/).filter(Boolean);
      const lang =
        words.find((word) => word.startsWith('.'))?.slice(1) ?? (/^[\w+#-]+$/.test(words[0] ?? '') ? words[0] : '');
      if (words.some((word) => /^\.number-?lines$/i.test(word))) extra.linenumbers = 'true';
      [language, rest] = [lang ?? '', `${braces[1]!.replace(/\.[\w-]+/g, '')} ${braces[2]}`];
    }
  }
  // rustdoc's and mdBook's attributes after the language, comma-separated: `rust,ignore,does_not_compile`.
  const commaAttributes = /^([\w+#-]+),[\w,-]*$/.exec(language);
  if (commaAttributes) language = commaAttributes[1]!;
  const numbers = /:(no-)?line-numbers(?:=(\d+))?/.exec(language);
  // `:no-line-numbers` turns off a site-wide setting: unnumbered is the code macro's default.
  if (numbers && !numbers[1]) {
    extra.linenumbers = 'true';
    if (numbers[2]) extra.firstline = numbers[2];
  }
  language = language.replace(/:(?:no-)?line-numbers(?:=\d+)?/, '').replace(/\{[^}]*\}/g, '');
  // The title bar may follow Shiki's flags (VitePress' `js twoslash [vite.config.js]`).
  // A file name may hold brackets, written escaped or not (Nuxt's `[pages/[id\\].vue]`).
  const titled = /^((?:\s*[A-Za-z][\w-]*(?=\s))*)\s*\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]/.exec(rest);
  if (titled) {
    const title = titled[2]!.replace(/\\+([[\]])/g, '$1').trim();
    if (title) extra.title = title;
    rest = `${titled[1]} ${rest.slice(titled[0].length)}`;
  }
  // Hugo separates its options with commas, inside braces.
  rest = rest.replace(/\{([^}]*)\}/, (_, inner: string) => inner.replace(/,(?=\s*[A-Za-z_][\w-]*=)/g, ' '));
  const meta = { ...extra, ...parseMeta(rest) };
  // Hugo's highlight options: `{linenos=table,linenostart=199}`.
  if (meta.linenos !== undefined) meta.linenumbers ??= String(meta.linenos !== 'false');
  if (meta.linenostart !== undefined) meta.firstline ??= meta.linenostart;
  if (meta.startfrom !== undefined) meta.firstline ??= meta.startfrom;
  return { lang: language || undefined, meta };
}

/**
 * The line of a code block's first line of code: the block's own for indented code, the next one
 * after a fence (or `{% highlight %}`), which makes the block span more lines than its code has.
 */
function codeValueLine(node: Code): number | undefined {
  const position = node.position;
  if (!position) return undefined;
  let codeLines = 1;
  for (let at = node.value.indexOf('\n'); at !== -1; at = node.value.indexOf('\n', at + 1)) codeLines += 1;
  return position.end.line - position.start.line + 1 > codeLines ? position.start.line + 1 : position.start.line;
}

export function code(node: Code, state: State): XNode[] {
  const switched = nestSwitch(node);
  if (switched) return switched.flatMap((variant) => code(variant, state));
  const { lang, meta } = fenceInfo(node.lang, node.meta);
  // MkDocs' inclusions fill a code block from a file before Markdown is read.
  if (node.value.includes('8<') || node.value.includes('{!') || node.value.includes('{*') || node.value.includes('{{#'))
    warnFileInclusions(node.value, node, state, codeValueLine(node));
  // MkDocs (pymdownx.highlight) writes `linenums="1"`: numbered, from that line.
  const linenums = meta.linenums !== undefined && /^[1-9]\d*$/.test(meta.linenums) ? meta.linenums : undefined;
  const lineNumbers = meta.linenumbers ?? meta.shownumbers ?? meta.showlinenumbers ?? (linenums && 'true');
  const firstLine = meta.firstline ?? meta.startline ?? (linenums === '1' ? undefined : linenums);
  const collapse = meta.collapse === 'true';
  const parameters = {
    language: codeLanguage(lang, state.dialect),
    // Next.js' and Nextra's `filename="app/page.tsx"`, Prisma's `file=schema.prisma`; Next.js'
    // package-manager variants `package="pnpm"`, which the site shows as tabs so named.
    title: meta.title ?? meta.filename ?? meta.file ?? meta.package,
    linenumbers: lineNumbers === undefined ? undefined : String(lineNumbers !== 'false'),
    firstline: firstLine !== undefined && /^\d+$/.test(firstLine) ? firstLine : undefined,
    theme: meta.theme,
    // The Cloud editor ignores collapse: it gets an expand around the block instead.
    collapse: collapse && state.dialect === 'datacenter' ? 'true' : undefined,
  };
  const written = meta.twoslash === 'true' ? twoslashShown(node.value) : node.value;
  const shown = parameters.language === 'markdown' ? written : withoutHighlightComments(written);
  const diff = parameters.language === 'markdown' ? undefined : asDiff(shown);
  if (diff !== undefined) parameters.language = 'diff';
  const value = lang?.toLowerCase() === 'rust' ? withoutHiddenRustLines(diff ?? shown) : (diff ?? shown);
  const block = macro('code', parameters, [x('ac:plain-text-body', {}, [cdata(value)])]);
  if (collapse && state.dialect === 'cloud') return [panelMacro('expand', { title: parameters.title }, [block])];
  return [block];
}

const NEST_FILENAME = /^@@filename\(([^)\n]*)\)[ \t]*(?:\n|$)/;
const NEST_SWITCH = /\n@@switch[ \t]*(?:\n|$)/;

/**
 * NestJS' docs write a TypeScript sample and its JavaScript twin in one fence: `@@filename(cats.service)`
 * on the first line names the file, `@@switch` starts the JavaScript, and the site shows one of
 * them with a switch. Confluence has no switch: both are shown, one after the other, each titled
 * with its file (`cats.service.ts`, `cats.service.js`), as a code group is. Only a TypeScript fence.
 */
function nestSwitch(node: Code): Code[] | undefined {
  if (!node.value.startsWith('@@filename(') && !node.value.includes('@@switch')) return undefined;
  if (node.lang !== 'typescript' && node.lang !== 'ts') return undefined;
  const file = NEST_FILENAME.exec(node.value);
  const body = file ? node.value.slice(file[0].length) : node.value;
  const cut = NEST_SWITCH.exec(body);
  if (!file && !cut) return undefined;
  const name = file?.[1]?.trim();
  const titled = (value: string, lang: string, extension: string): Code => ({
    ...node,
    lang,
    meta: name && !name.includes('"') ? `${node.meta ?? ''} title="${name}.${extension}"` : node.meta,
    value,
  });
  if (!cut) return [titled(body, node.lang, 'ts')];
  return [titled(body.slice(0, cut.index), node.lang, 'ts'), titled(body.slice(cut.index + cut[0].length), 'js', 'js')];
}

/** A comment's opening and closing in the languages docs highlight: `//`, `#`, `--`, `%`, `;`, HTML's, C's block comments and JSX's braces around them. */
const OPEN_COMMENT = String.raw`(?:\/\/|#|--|%|;{1,2}|<!--|\{?\/\*)`;
const CLOSE_COMMENT = String.raw`(?:-->|\*\/\}?)?`;
/** Docusaurus' magic comments, each a line of its own: `// highlight-next-line`, `# highlight-start`, `<!-- highlight-end -->`. */
const MAGIC_COMMENT_LINE = new RegExp(
  String.raw`^[ \t]*${OPEN_COMMENT}[ \t]*highlight-(?:next-line|start|end)[ \t]*${CLOSE_COMMENT}[ \t]*$`,
);
/**
 * Shiki's notation comments for styling a line (VitePress' `// [!code focus]`, `[!code highlight]`,
 * `[!code hl]`, `[!code warning]`, `[!code error]`, `[!code word:Hello]`, Tailwind's docs'
 * `[!code classes:box-border]`, each optionally with a line count `:3`), at a line's end or as the line. `[!code ++]` and `[!code --]` are not styling:
 * they say which lines a change adds and removes (`asDiff`).
 */
const NOTATION_COMMENT = new RegExp(
  String.raw`[ \t]*${OPEN_COMMENT}[ \t]*\[!code (?:focus|highlight|hl|warning|error|(?:word|classes):[^\]\n]+)(?::\d+)?\][ \t]*${CLOSE_COMMENT}[ \t]*$`,
);

/**
 * The code a docs site shows for a fence: without Docusaurus' magic comment lines and Shiki's
 * notation comments, instructions to the site's highlighter (which it removes) that Confluence
 * would show as comments in the code. A line that was only such a comment goes with it. Markdown
 * fences keep them: they show how to write them.
 */
export function withoutHighlightComments(value: string): string {
  if (!value.includes('highlight-') && !value.includes('[!code ')) return value;
  const shown: string[] = [];
  for (const line of value.split('\n')) {
    if (MAGIC_COMMENT_LINE.test(line)) continue;
    const notation = NOTATION_COMMENT.exec(line);
    if (!notation) shown.push(line);
    else if (notation.index > 0 && line.slice(0, notation.index).trim()) shown.push(line.slice(0, notation.index));
  }
  return shown.join('\n');
}

/** Shiki's diff notation, `// [!code ++]` and `// [!code --]`, optionally for `:N` lines from its own. */
const DIFF_NOTATION = new RegExp(
  String.raw`[ \t]*${OPEN_COMMENT}[ \t]*\[!code (\+\+|--)(?::(\d+))?\][ \t]*${CLOSE_COMMENT}[ \t]*$`,
);

/**
 * A fence whose lines Shiki marks added (`// [!code ++]`) and removed (`// [!code --]`), which the
 * site shows green and red without the comments, as a unified diff: each line behind `+`, `-` or a
 * space, the comments taken off. The caller shows it with the `diff` language, the only way the
 * code macro colours added and removed lines; the code's own highlighting is lost, but the change
 * is what such a block is about. A comment alone on its line marks the lines after it (Shiki's
 * notation on a line of its own) and goes with its line. Undefined when no line is marked.
 */
export function asDiff(value: string): string | undefined {
  if (!value.includes('[!code ++') && !value.includes('[!code --')) return undefined;
  const out: string[] = [];
  let marked = false;
  let pending = { sign: ' ', lines: 0 };
  for (const line of value.split('\n')) {
    const notation = DIFF_NOTATION.exec(line);
    if (notation) {
      marked = true;
      const sign = notation[1] === '++' ? '+' : '-';
      const lines = Number(notation[2] ?? 1);
      const before = line.slice(0, notation.index);
      if (!before.trim()) {
        pending = { sign, lines };
        continue;
      }
      out.push(`${sign}${before}`);
      pending = { sign, lines: lines - 1 };
    } else if (pending.lines > 0) {
      out.push(`${pending.sign}${line}`);
      pending = { ...pending, lines: pending.lines - 1 };
    } else out.push(` ${line}`);
  }
  return marked ? out.join('\n') : undefined;
}

/**
 * Rust code as rustdoc and mdBook show it (the Rust Book, crate docs): a line that is `#` alone or
 * starts with `# ` is setup they hide (`# fn main() {`), and `##` at a line's start is a `#`
 * written out. Attributes (`#[derive(Debug)]`, `#![allow(unused)]`) are code.
 */
export function withoutHiddenRustLines(value: string): string {
  if (!value.includes('#')) return value;
  const shown: string[] = [];
  for (const line of value.split('\n')) {
    if (/^[ \t]*#(?:[ \t]|$)/.test(line)) continue;
    shown.push(line.replace(/^([ \t]*)##/, '$1#'));
  }
  return shown.join('\n');
}

/** Twoslash's cut markers: the code before `---cut---` (or `---cut-before---`) only sets up the types. */
const CUT_BEFORE = /^[ \t]*\/\/ ?---cut(?:-before)?---[ \t]*$/;
const CUT_AFTER = /^[ \t]*\/\/ ?---cut-after---[ \t]*$/;
const CUT_START = /^[ \t]*\/\/ ?---cut-start---[ \t]*$/;
const CUT_END = /^[ \t]*\/\/ ?---cut-end---[ \t]*$/;
/** Twoslash's own lines: compiler flags (`// @errors: 2304`, `// @filename: a.ts`) and queries (`//  ^?`). */
const TWOSLASH_LINE = /^[ \t]*\/\/ ?(?:@\w+(?::.*)?|[ \t]*\^[?|^]*[ \t]*)$/;

/**
 * The code a twoslash fence shows (VitePress, Shiki: ` ```ts twoslash `): its cut setup, compiler
 * flags and type queries are instructions to the type checker that renders the page, not code the
 * reader sees. Only in a fence marked `twoslash`: elsewhere such comments are the code's own.
 */
export function twoslashShown(value: string): string {
  let lines = value.split('\n');
  const lastCut = lines.findLastIndex((line) => CUT_BEFORE.test(line));
  if (lastCut !== -1) lines = lines.slice(lastCut + 1);
  // The blank line written after a cut (tRPC's docs) is no part of the code shown.
  while (lastCut !== -1 && lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  const after = lines.findIndex((line) => CUT_AFTER.test(line));
  if (after !== -1) lines = lines.slice(0, after);
  const shown: string[] = [];
  let hidden = false;
  for (const line of lines) {
    if (CUT_START.test(line)) hidden = true;
    else if (CUT_END.test(line)) hidden = false;
    else if (!hidden && !TWOSLASH_LINE.test(line)) shown.push(line);
  }
  return shown.join('\n');
}

export function inlineCode(node: InlineCode): XNode[] {
  return [x('code', {}, [text(codeSpanText(node.value))])];
}

/** The text a code span shows: without a highlighting hint for the site at its start or end. */
export function codeSpanText(value: string): string {
  return withoutLanguagePrefix(withoutLanguageSuffix(value));
}

/**
 * pymdownx.inlinehilite's language for a code span, a shebang at its start (`` `#!python range()` ``,
 * as MkDocs Material's docs write it): a highlighting hint, not code. Only a language the code macro
 * knows, then a space and some code (a shebang line, `` `#!/bin/sh` ``, stays as written).
 */
const LANGUAGE_PREFIX = /^#!([\w+#-]+) +(?=\S)/;

function withoutLanguagePrefix(value: string): string {
  // Cheap test first: this runs on every code span.
  if (value.charCodeAt(0) !== 0x23 /* # */ || value.charCodeAt(1) !== 0x21 /* ! */) return value;
  const match = LANGUAGE_PREFIX.exec(value);
  if (!match || codeLanguage(match[1], 'cloud') === 'none') return value;
  return value.slice(match[0].length);
}

/**
 * rehype-pretty-code's language for a code span, written at its end (`` `fetch(url){:js}` ``, as
 * Next.js, Nextra and Astro docs write it): a highlighting hint, not code. Only a language the code
 * macro knows, after some code (`` `{:ok}` `` in Elixir prose stays as written).
 */
const LANGUAGE_SUFFIX = /\{:([\w+#-]+)\}$/;

function withoutLanguageSuffix(value: string): string {
  // Cheap test first: this runs on every code span.
  if (value.charCodeAt(value.length - 1) !== 0x7d /* } */) return value;
  const match = LANGUAGE_SUFFIX.exec(value);
  if (!match || match.index === 0 || codeLanguage(match[1], 'cloud') === 'none') return value;
  return value.slice(0, match.index);
}

/**
 * TeX math (`$$…$$`, parse/math.ts): a LaTeX code block, so the TeX reads as written. Confluence has
 * no math of its own, and a math app's macro may not be installed.
 */
export function math(node: MathNode, state: State): XNode[] {
  return code({ type: 'code', lang: 'latex', meta: null, value: node.value }, state);
}

/** Inline math stays a code span with its `$` delimiters, so even a `$` misread as math loses nothing. */
export function inlineMath(node: InlineMathNode): XNode[] {
  return [x('code', {}, [text(`${node.data.markup}${node.value}${node.data.markup}`)])];
}
