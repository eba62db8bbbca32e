/**
 * Callouts that static-site generators write as paired template tags, each on a line of its own:
 * GitHub Docs' Liquid `{% note %}` … `{% endnote %}` (also warning, tip, caution, danger,
 * important), Hugo's `{{< note >}}` … `{{< /note >}}` (Kubernetes: note, caution, warning) and
 * `{{% notice warning %}}` … `{{% /notice %}}` (Learn/Relearn themes), `{{% expand "Title" %}}`, and
 * GitBook's `{% hint style="warning" %}` … `{% endhint %}` and `{% tabs %}`.
 * Each is read as the container directive with the same meaning, so it becomes the same panel or
 * expand macro. Without an end tag on a line of its own the tags stay text (warned, inline.ts).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText, pushContainerBlock, pushTabLabel } from './block-state.js';

/** Callout names → the directive that shows them (handlers/directives.ts maps the aliases). */
const PANELS = new Set(['note', 'info', 'tip', 'warning', 'caution', 'danger', 'important']);

const LIQUID = /^\{%-?\s*([a-z][\w-]*)((?:\s+[\w-]+=(?:"[^"]*"|'[^']*'))*)\s*-?%\}$/;
const HUGO = /^\{\{([<%])\s*([a-z]+)((?:\s+(?:[\w-]+=)?(?:"[^"]*"|[\w=-]+))*)\s*[>%]\}\}$/;

interface Opener {
  /**
   * The directive it stands for (`note`, `warning`, `expand`…); `wrapper` for a tag that only
   * groups its content, `tab` for one tab of a set (its title as a bold line, as mkdocs-tabs.ts).
   */
  name: string;
  title?: string;
  /** The line that ends it. */
  close: RegExp;
  /** Fence meta for the code block a wrapper holds (GitBook's `{% code title="…" lineNumbers="true" %}`). */
  fenceMeta?: string;
  /** The language of a tab whose content is code, not Markdown (Kubernetes' `{{< tab codelang="bash" >}}`). */
  codeLanguage?: string;
}

/**
 * GitLab's documentation (Hugo since 2025): `{{< alert type="note" >}}` (warning, flag for a
 * feature flag, disclaimer), `{{< details >}}` (the tier and offering box: its list is kept),
 * `{{< history >}}` (collapsed there: an expand titled History), `{{< tabs >}}` and
 * `{{< tab title="Linux package" >}}` (each tab its title as a bold line, then its content).
 */
const ALERTS: Record<string, { name: string; title?: string }> = {
  note: { name: 'info' },
  info: { name: 'info' },
  primary: { name: 'info' },
  tip: { name: 'tip' },
  success: { name: 'tip' },
  warning: { name: 'warning' },
  caution: { name: 'warning' },
  danger: { name: 'warning' },
  error: { name: 'warning' },
  important: { name: 'note' },
  hint: { name: 'tip' },
  flag: { name: 'info', title: 'Feature flag' },
  disclaimer: { name: 'info', title: 'Disclaimer' },
};

/**
 * Hugo themes' callout shortcodes, one per theme, all with a type and an optional title: the Learn
 * and Relearn themes' `{{% notice tip "Title" %}}` / `{{% notice style="tip" %}}`, Hugo Book's
 * `{{< hint warning >}}`, Hextra's `{{< callout type="info" >}}`, LoveIt's and FixIt's
 * `{{< admonition tip "Title" >}}`, GitLab's, Docsy's and Blowfish's `{{< alert type|color="…" >}}`.
 * The type is a named `type`, `style` or `color`, or the first word; the title a named `title`, or
 * the words after the type. A type the panels do not know is an info panel: still a callout.
 */
const CALLOUT_SHORTCODES = new Set(['notice', 'hint', 'callout', 'admonition', 'alert']);

function calloutShortcode(tag: string, attributes: Record<string, string>, words: string[], close: RegExp): Opener {
  const named = attributes.type ?? attributes.style ?? attributes.color;
  const type = (named ?? words[0] ?? 'note').toLowerCase();
  // An alert's `note` is GitLab's and Docsy's blue box (info); the themes' callouts name the panel itself.
  const own: { name: string; title?: string } | undefined =
    tag !== 'alert' && PANELS.has(type) ? { name: type } : undefined;
  const alert = own ?? (Object.hasOwn(ALERTS, type) ? ALERTS[type]! : { name: 'info' });
  const title = attributes.title ?? (named === undefined ? words[1] : words[0]);
  return { ...alert, title: title ?? alert.title, close };
}

/** GitLab's documentation: its tier box, history and tabs. */
function gitlabShortcode(tag: string, attributes: Record<string, string>, close: RegExp): Opener | undefined {
  if (tag === 'details' || tag === 'tabs') return { name: 'wrapper', close };
  if (tag === 'history') return { name: 'expand', title: 'History', close };
  // Kubernetes' and the Learn theme's tabs are named (`{{% tab name="Bash" %}}`), GitLab's titled;
  // Kubernetes' tab with a `codelang` holds code as written, which its tabs shortcode highlights.
  if (tag === 'tab')
    return { name: 'tab', title: attributes.title ?? attributes.name, close, codeLanguage: attributes.codelang };
  return undefined;
}

/**
 * GitBook's block tags: `{% hint style="info|success|warning|danger" %}` (its callout), `{% tabs %}`
 * with `{% tab title="…" %}` (each tab its title as a bold line, then its content), and the tags
 * that only group their content: `{% code title="…" %}` around a fence, `{% content-ref %}` around
 * a link, `{% stepper %}` and its `{% step %}`s.
 */
const GITBOOK_HINTS: Record<string, string> = { info: 'info', success: 'tip', warning: 'warning', danger: 'warning' };
const GITBOOK_WRAPPERS = new Set(['tabs', 'code', 'content-ref', 'stepper', 'step']);

function gitbookTag(tag: string, attributes: Record<string, string>, close: RegExp): Opener | undefined {
  if (tag === 'hint') return { name: GITBOOK_HINTS[attributes.style?.toLowerCase() ?? 'info'] ?? 'info', close };
  if (tag === 'tab') return { name: 'tab', title: attributes.title, close };
  if (tag === 'code') return { name: 'wrapper', close, fenceMeta: gitbookCodeMeta(attributes) };
  return GITBOOK_WRAPPERS.has(tag) ? { name: 'wrapper', close } : undefined;
}

/** `{% code title="app.js" lineNumbers="true" %}` → the fence meta the code handler reads (`title="app.js" linenumbers`). */
function gitbookCodeMeta(attributes: Record<string, string>): string | undefined {
  const meta: string[] = [];
  if (attributes.title) meta.push(`title="${attributes.title.replace(/"/g, "'")}"`);
  if (attributes.lineNumbers === 'true') meta.push('linenumbers');
  return meta.length ? meta.join(' ') : undefined;
}

/** Give the first fence from `from` on (the wrapped code block) the wrapper's meta, after its own. */
function addFenceMeta(state: StateBlock, from: number, meta: string): void {
  const fence = state.tokens.slice(from).find((token) => token.type === 'fence');
  if (fence) fence.info = fence.info.trim() ? `${fence.info.trim()} ${meta}` : `text ${meta}`;
}

function liquidOpener(tag: string, rest: string): Opener | undefined {
  const close = new RegExp(`^\\{%-?\\s*end${tag}\\s*-?%\\}$`);
  if (PANELS.has(tag) && !rest) return { name: tag, close };
  const attributes: Record<string, string> = {};
  for (const match of rest.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')/g)) attributes[match[1]!] = match[2] ?? match[3]!;
  return gitbookTag(tag, attributes, close);
}

function opener(text: string): Opener | undefined {
  const liquid = LIQUID.exec(text);
  if (liquid) return liquidOpener(liquid[1]!, liquid[2]!.trim());
  const hugo = HUGO.exec(text);
  if (!hugo) return undefined;
  const [, delimiter, tag, rest] = hugo as unknown as [string, string, string, string];
  const end = delimiter === '<' ? '>' : '%';
  const close = new RegExp(`^\\{\\{\\${delimiter}\\s*/${tag}\\s*\\${end}\\}\\}$`);
  if (PANELS.has(tag)) return { name: tag, close };
  if (tag === 'expand') return { name: 'expand', title: rest.match(/"([^"]*)"/)?.[1], close };
  const attributes: Record<string, string> = {};
  const words: string[] = [];
  for (const match of rest.matchAll(/([\w-]+)=(?:"([^"]*)"|([\w-]+))|"([^"]*)"|([\w-]+)/g)) {
    if (match[1] !== undefined) attributes[match[1]] = match[2] ?? match[3]!;
    else words.push(match[4] ?? match[5]!);
  }
  if (CALLOUT_SHORTCODES.has(tag)) return calloutShortcode(tag, attributes, words, close);
  return gitlabShortcode(tag, attributes, close);
}

function shortcodePanel(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(start) !== 0x7b /* { */) return false;
  const open = opener(lineText(state, startLine).trim());
  if (!open) return false;
  let closeLine = startLine + 1;
  while (closeLine < endLine && !open.close.test(lineText(state, closeLine).trim())) closeLine += 1;
  if (closeLine >= endLine) return false;
  if (silent) return true;
  if (open.codeLanguage !== undefined) {
    pushCodeTab(state, open, [startLine, closeLine]);
    return true;
  }
  const firstToken = state.tokens.length;
  pushContainerBlock(state, open, { start, line: startLine, from: startLine + 1, to: closeLine, end: closeLine });
  if (open.fenceMeta) addFenceMeta(state, firstToken, open.fenceMeta);
  return true;
}

/** A tab whose content is code: its title a bold line, then its lines as a code block in its language, as written. */
function pushCodeTab(state: StateBlock, open: Opener, [startLine, closeLine]: [number, number]): void {
  if (open.title) pushTabLabel(state, open.title, startLine);
  const lines: string[] = [];
  for (let line = startLine + 1; line < closeLine; line += 1)
    lines.push(state.src.slice(state.bMarks[line]!, state.eMarks[line]!));
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length));
  const fence = state.push('fence', 'code', 0);
  fence.info = open.codeLanguage!;
  fence.content = `${lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n')}\n`;
  fence.map = [startLine, closeLine + 1];
  fence.markup = '```';
  state.line = closeLine + 1;
}

export function shortcodePanels(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'shortcode_panel', shortcodePanel, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
