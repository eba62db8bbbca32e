/**
 * Markdown → mdast (markdown-it + GFM + directives, src/parse/) → storage XML tree → string.
 * A page is converted block by block where its blocks stand alone (parts.ts), else whole.
 */
import type { Root } from 'mdast';
import {
  blocksToMdast,
  expandKnownBlocks,
  finishTokens,
  parseBlocks,
  parseMarkdown,
  type BlockParse,
} from './parse/index.js';
import { plainHeadingLines } from './plain-headings.js';
import { eachNode } from './walk.js';
import type { StorageResult, ToStorageOptions } from './options.js';
import { State } from './state.js';
import { handlers } from './handlers/index.js';
import { declaredAnchors } from './anchors.js';
import { headingAnchors } from './page-headings.js';
import { toXml } from './xml.js';
import { FLATTENED, limitDepth } from './depth.js';
import {
  BlockMemo,
  convertInParts,
  mayHoldHeadings,
  mayHoldRawHeadings,
  topLevelBlocks,
  topLevelGroups,
} from './parts.js';

/** Collect what handlers need to know before they start: definitions, footnotes, anchors. */
function prepare(tree: Root, state: State): void {
  eachNode(tree, (node) => {
    if (node.type === 'definition' && !state.definitions.has(node.identifier))
      state.definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !state.footnoteDefinitions.has(node.identifier)) {
      state.footnoteDefinitions.set(node.identifier, node);
    }
    for (const anchor of declaredAnchors(node)) state.declaredAnchors.add(anchor);
  });
  headingAnchors(tree, state.headingAnchors);
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
  const flattened = limitDepth(tree);
  if (flattened) state.warn(FLATTENED, flattened);
  prepare(tree, state);
  return toXml(state.one(tree, undefined), '\n');
}

export function toStorage(markdown: string, options: ToStorageOptions = {}): string {
  return convertMarkdown(markdown, options).storage;
}

/**
 * The Confluence anchor of each heading of a page, keyed by the forms a link from another page may
 * use (GitHub slug, Confluence's form, the heading text): what `resolveAnchor` answers for links
 * like `./other.md#getting-started`. It is the very table the page's own conversion builds, from
 * the headings it emits however they are written: ATX and setext, nested in lists, quotes and
 * containers, heading shortcodes (`{{% whatsnext-heading %}}`); not a `# comment` in a Liquid
 * highlight block, a Quarto callout's title heading or a Wiki.js tab set's marker. A page whose
 * headings are all plain top-level ATX lines gets those lines' table (plain-headings.ts); any
 * other is block-parsed once, and only its top-level blocks that may hold a heading further.
 */
export function pageAnchors(markdown: string): Map<string, string> {
  // A page whose headings are all plain ATX lines (every generated page): those lines' table.
  const plain = plainHeadingLines(markdown);
  if (plain) return headingAnchors(parseMarkdown(plain.join('\n\n')));
  const blocks = parseBlocks(markdown);
  // The blocks that may hold a heading, as one page: one inline pass and one tree for them all.
  // With raw HTML headings, all of them: one left open takes in the blocks after it.
  const groups = topLevelBlocks(blocks.tokens).map(([start, end]) => blocks.tokens.slice(start, end));
  const tokens = (groups.some(mayHoldRawHeadings) ? groups : groups.filter(mayHoldHeadings)).flat();
  const tree = blocksToMdast(blocks, finishTokens(blocks, tokens));
  limitDepth(tree); // as converting does: headings nested past the bound are flattened to text
  return headingAnchors(tree);
}
