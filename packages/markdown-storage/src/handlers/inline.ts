/** Phrasing content: text, emphasis, strong, strikethrough, hard breaks. */
import type { Break, Delete, Emphasis, Nodes, Parents, Strong, Text } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text as textNode, x } from '../xml.js';
import { replaceEmojiShortcodes } from '../emoji.js';
import { isAutolink } from './links.js';
import { hasLayoutEdge, spacedLines, withEdgeSpaceOutside } from '../phrasing.js';
import { positionAt } from '../parse/text-lines.js';

/**
 * Soft line breaks are spaces: Confluence would otherwise keep them as literal newlines in the editor.
 * Emoji shortcodes become the emoji, as on GitHub, except in a URL shown as its own link text and
 * inside raw HTML's `<code>`, `<pre>`…
 */
export function text(node: Text, state: State, parent: Parents | undefined): XNode[] {
  if (node.value.includes('{')) warnTemplateTags(node, state);
  if (node.value.includes('<<<')) warnSnippetImports(node, state);
  // A snippet line is a paragraph of its own: only its start is looked at.
  if (
    node.value.startsWith('--8<--') ||
    node.value.startsWith('{!') ||
    node.value.startsWith('{*') ||
    node.value.startsWith('{{#')
  )
    warnFileInclusions(node.value, node, state);
  const spaced = spacedLines(node.value);
  return [
    textNode(
      state.inRawCode || (parent?.type === 'link' && isAutolink(parent)) ? spaced : replaceEmojiShortcodes(spaced),
    ),
  ];
}

/**
 * A Liquid tag (`{% data … %}`, Jekyll, GitHub Docs), a Liquid output with a filter
 * (`{{ '/path/' | relative_url }}`; a bare `{{ x }}` may be Vue or Handlebars written as text) or a
 * Hugo shortcode (`{{< x >}}`, `{{% x %}}`).
 */
const TEMPLATE_TAG =
  /\{%-?\s*([\w-]+)[^%]*%\}|\{\{([<%])\s*(\/?)\s*([\w-]+)[\s\S]*?[>%]\}\}|\{\{-?[^{}|]*\|\s*([\w-]+)[^{}]*\}\}/g;

/**
 * Template tags are the site generator's to fill in: Confluence shows them as written, so each
 * kind (by name, end tags aside) is warned about once on the page, where it is first met.
 */
function warnTemplateTags(node: Text, state: State): void {
  for (const match of node.value.matchAll(TEMPLATE_TAG)) {
    const [, liquid, delimiter, closing, shortcode, filter] = match;
    const tag = filter
      ? `Liquid output {{ … | ${filter} }}`
      : liquid
        ? `Liquid tag {% ${liquid} %}`
        : `Hugo shortcode {{${delimiter} ${shortcode} ${delimiter === '<' ? '>' : '%'}}}`;
    if (closing || (liquid && /^end/.test(liquid))) continue;
    const at = atLineOf(node, node.value, match.index);
    state.warnOncePerKind(tag, `${tag} is not converted: shown as text (the site generator fills it in)`, at);
  }
}

/** `node` placed at the line of `index` in `value` (parse/text-lines.ts), for a warning. */
function atLineOf(node: Nodes, value: string, index: number, firstLine?: number): Nodes {
  const position = positionAt(node.position, value, index, firstLine);
  return position === node.position ? node : ({ ...node, position } as Nodes);
}

/**
 * An inline element of `children`, the spaces at their edges outside it (`**[ docs ](…)**`:
 * Confluence would show them bold, struck), except in raw HTML's code, where spaces are content.
 */
function formatted(state: State, name: string, attributes: Record<string, string>, children: XNode[]): XNode[] {
  if (state.inRawCode || !hasLayoutEdge(children)) return [x(name, attributes, children)];
  return withEdgeSpaceOutside(children, (content) => [x(name, attributes, content)]);
}

export function emphasis(node: Emphasis, state: State): XNode[] {
  return formatted(state, 'em', {}, state.all(node));
}

export function strong(node: Strong, state: State): XNode[] {
  return formatted(state, 'strong', {}, state.all(node));
}

/** The storage format's strikethrough (Confluence rewrites `<s>`/`<del>` to this on save). */
export function strikethrough(node: Delete, state: State): XNode[] {
  return formatted(state, 'span', { style: 'text-decoration: line-through;' }, state.all(node));
}

export function hardBreak(_node: Break): XNode[] {
  return [x('br')];
}

/** VitePress' code snippet import (`<<< @/snippets/x.js{2}`), a line of its own: the code is in the file. */
const SNIPPET_IMPORT = /^<<<[ \t]+([@.~/][^\n]*)$/gm;

/**
 * File inclusions, each on a line of its own, also inside a code block (they run before Markdown):
 * MkDocs' pymdownx.snippets `--8<-- "file.md"`, markdown-include's `{!file.py!}` and the
 * `{* file.py hl[3] *}` FastAPI's docs write; mdBook's `{{#include file.rs:2:5}}`,
 * `{{#rustdoc_include …}}` and `{{#playground …}}` (the Rust Book's listings).
 */
const FILE_INCLUSION =
  /^(?:(-{2}8<-{2})[ \t]+("[^"\n]*"|'[^'\n]*'|\S+)|(\{!)[ \t]*([^!{}\n]+?)[ \t]*!\}|(\{\*)[ \t]*([^*{}\s]+)[^*{}\n]*\*\}|\{\{#(include|rustdoc_include|playground)[ \t]+([^{}\s]+)[^{}\n]*\}\})[ \t]*$/gm;

/**
 * The text or code `value` holds file inclusions: each is warned about, once (the content is not
 * on the page), at its own line (`firstLine` is the line of the value's first).
 */
export function warnFileInclusions(value: string, node: Nodes, state: State, firstLine?: number): void {
  for (const match of value.matchAll(FILE_INCLUSION)) {
    const [, snippet, snippetFile, include, includeFile, , fastapiFile, mdbook, mdbookFile] = match;
    const written = snippet
      ? `--8<-- ${snippetFile}`
      : include
        ? `{!${includeFile}!}`
        : mdbook
          ? `{{#${mdbook} ${mdbookFile}}}`
          : `{* ${fastapiFile} *}`;
    const kind = snippet ? 'MkDocs snippet' : mdbook ? 'mdBook file inclusion' : 'MkDocs file inclusion';
    state.warn(
      `${kind} ${written} is not converted: shown as text, the file's content is not on this page`,
      atLineOf(node, value, match.index, firstLine),
    );
  }
}

function warnSnippetImports(node: Text, state: State): void {
  for (const match of node.value.matchAll(SNIPPET_IMPORT))
    state.warn(
      `VitePress code snippet <<< ${match[1]!.trim()} is not converted: shown as text, the file's code is not on this page`,
      atLineOf(node, node.value, match.index),
    );
}
