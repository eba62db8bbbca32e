/** Markdown → mdast (remark-parse + GFM + directives) → storage XML tree → string. */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from './directive-syntax.js';
import { visit } from 'unist-util-visit';
import type { StorageResult, ToStorageOptions } from './options.js';
import { State } from './state.js';
import { handlers } from './handlers/index.js';
import { headingAnchors, plainText } from './anchors.js';
import { toXml } from './xml.js';
import { parseSections } from './chunks.js';
import { MAX_DEPTH, limitDepth } from './depth.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Sections of about this many characters (see chunks.ts); small pages parse in one piece. */
export const SECTION_SIZE = 8 * 1024;

function parseWhole(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

export function parseMarkdown(markdown: string): Root {
  return parseSections(markdown, SECTION_SIZE, parseWhole);
}

/** The tree of `markdown` parsed in one piece (for checking that sectioned parsing is exact). */
export function parseMarkdownWhole(markdown: string): Root {
  return parseWhole(markdown);
}

/** Collect what handlers need to know before they start: definitions, footnotes, anchors. */
function prepare(tree: Root, state: State): void {
  visit(tree, (node) => {
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
  for (const [slug, anchor] of headingAnchors(tree)) state.headingAnchors.set(slug, anchor);
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
  return headingAnchors(parseWhole(atxHeadingLines(markdown)));
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
