/**
 * Markdown → mdast (markdown-it + GFM + directives, src/parse/) → storage XML tree → string.
 * A page is converted block by block where its blocks stand alone (parts.ts), else whole.
 */
import type { Heading, Root } from 'mdast';
import {
  blocksToMdast,
  expandKnownBlocks,
  finishTokens,
  parseBlocks,
  parseMarkdown,
  type BlockParse,
} from './parse/index.js';
import { eachNode } from './walk.js';
import type { StorageResult, ToStorageOptions } from './options.js';
import { State } from './state.js';
import { handlers } from './handlers/index.js';
import { anchorsOf, declaredAnchors, headingAnchors } from './anchors.js';
import { toXml } from './xml.js';
import { FLATTENED, limitDepth } from './depth.js';
import { BlockMemo, convertInParts, topLevelGroups } from './parts.js';
import { linesAfterFrontMatter } from './parse/front-matter.js';

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
    for (const anchor of declaredAnchors(node)) state.declaredAnchors.add(anchor);
  });
  for (const [slug, anchor] of anchorsOf(headings)) state.headingAnchors.set(slug, anchor);
}

/** `memo`: blocks converted before (a batch shares one); `'whole page'` converts without parts. */
export function convertMarkdown(
  markdown: string,
  options: ToStorageOptions = {},
  memo: BlockMemo | 'whole page' = new BlockMemo(),
): StorageResult {
  const blocks = parseBlocks(markdown, memo === 'whole page' ? undefined : memo.knownBlocks(options));
  const state = new State(markdown, options, handlers);
  const groups = memo === 'whole page' ? undefined : topLevelGroups(blocks, state.dialect);
  if (groups)
    blocks.tokens = []; // the groups hold them now, and let them go one by one
  // Converted whole after all (references, footnotes): the blocks skipped as known are parsed.
  else blocks.tokens = expandKnownBlocks(blocks, blocks.tokens);
  const storage = groups ? convertInParts(blocks, groups, state, memo as BlockMemo) : convertWhole(blocks, state);
  return {
    storage,
    attachments: [...state.attachments],
    pageLinks: [...state.pageLinks],
    warnings: state.warnings,
  };
}

function convertWhole(blocks: BlockParse, state: State): string {
  const tree = blocksToMdast(blocks, finishTokens(blocks, blocks.tokens));
  if (limitDepth(tree)) state.warn(FLATTENED);
  prepare(tree, state);
  return toXml(state.one(tree, undefined), '\n');
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
  // YAML comments (`# …`) in front matter are not headings.
  for (const line of linesAfterFrontMatter(markdown)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence && /^ {0,3}#{1,6}(\s|$)/.test(line)) headings.push(line);
  }
  return headings.join('\n\n');
}
