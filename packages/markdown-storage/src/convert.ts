/** Markdown → mdast (markdown-it + GFM + directives, src/parse/) → storage XML tree → string. */
import type { Heading, Root } from 'mdast';
import { unified } from 'unified';
import { markdownParse } from './parse/index.js';
import { eachNode } from './walk.js';
import type { StorageResult, ToStorageOptions } from './options.js';
import { State } from './state.js';
import { handlers } from './handlers/index.js';
import { anchorsOf, headingAnchors, plainText } from './anchors.js';
import { toXml } from './xml.js';
import { MAX_DEPTH, limitDepth } from './depth.js';

const processor = unified().use(markdownParse).freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Collect what handlers need to know before they start: definitions, footnotes, anchors. */
function prepare(tree: Root, state: State): void {
  const headings: Heading[] = [];
  eachNode(tree, (node) => {
    if (node.type === 'heading') headings.push(node);
    if (node.type === 'definition' && !state.definitions.has(node.identifier))
      state.definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !state.footnoteDefinitions.has(node.identifier)) {
      state.footnoteDefinitions.set(node.identifier, node);
    }
    if ((node.type === 'leafDirective' || node.type === 'textDirective') && node.name === 'anchor') {
      const name = node.attributes?.name ?? node.attributes?.id ?? plainText(node);
      if (name) state.declaredAnchors.add(name);
    }
  });
  for (const [slug, anchor] of anchorsOf(headings)) state.headingAnchors.set(slug, anchor);
}

export function convertMarkdown(markdown: string, options: ToStorageOptions = {}): StorageResult {
  const tree = parseMarkdown(markdown);
  const state = new State(markdown, options, handlers);
  if (limitDepth(tree)) state.warn(`content nested deeper than ${MAX_DEPTH} levels is flattened to text`);
  prepare(tree, state);
  const nodes = state.one(tree, undefined);
  return {
    storage: toXml(nodes, '\n'),
    attachments: [...state.attachments],
    pageLinks: [...state.pageLinks],
    warnings: state.warnings,
  };
}

export function toStorage(markdown: string, options: ToStorageOptions = {}): string {
  return convertMarkdown(markdown, options).storage;
}

/**
 * The Confluence anchor of each heading of a page, keyed by the forms a link from another page may
 * use (GitHub slug, Confluence's form, the heading text): what `resolveAnchor` answers for links
 * like `./other.md#getting-started`. Only ATX heading lines outside fenced code are parsed, so a
 * large page costs a line scan, not a full parse (setext headings are not seen).
 */
export function pageAnchors(markdown: string): Map<string, string> {
  return headingAnchors(parseMarkdown(atxHeadingLines(markdown)));
}

function atxHeadingLines(markdown: string): string {
  const headings: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence && /^ {0,3}#{1,6}(\s|$)/.test(line)) headings.push(line);
  }
  return headings.join('\n\n');
}
