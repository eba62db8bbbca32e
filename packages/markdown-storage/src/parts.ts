/**
 * Converting a page block by block, so a block met before is not converted again.
 *
 * Generated reference pages repeat whole top-level blocks (a schema's field table under every
 * operation that returns it, the same example JSON, the same "Authentication" line). The page is
 * block-parsed once; each top-level block is keyed by its Markdown, and one converted before (in
 * this page or another page of the batch) whose resolvers still answer the same is reused as
 * serialized storage. What reaches across blocks is kept: the page's heading and anchor tables
 * are built from every block first, raw HTML at the top level is balanced across blocks by one
 * builder for the page, inline output at the top level is wrapped in paragraphs across blocks.
 * Pages with link reference definitions or footnotes, which also reach across blocks, are
 * converted whole (`topLevelGroups` says so). Tests compare both ways on every corpus.
 */
import type { Token } from 'markdown-it';
import type { Nodes, Root } from 'mdast';
import type { DirectiveMeta } from './parse/directives.js';
import { mayBeHeadingShortcode } from './parse/template-calls.js';
import { blocksToMdast, expandKnownBlocks, finishTokens, type BlockParse } from './parse/index.js';
import { firstChunkEnd, KNOWN_BLOCK, mayBeKnown, type KnownBlocks } from './parse/known-blocks.js';
import type { ToStorageOptions } from './options.js';
import type { Recording, Resolution, State } from './state.js';
import { RecordedVariants } from './recorded-variants.js';
import { CellMemo, type CellEntry } from './cell-memo.js';
import { anchorsOfTexts, declaredAnchors, type HeadingName } from './anchors.js';
import { PageHeadings, RAW_HEADING_TAG } from './page-headings.js';
import { toXml, type XNode } from './xml.js';
import { isPhrasing, wrapPhrasing } from './phrasing.js';
import { HtmlBuilder, paragraphPieces } from './handlers/html.js';
import { flattenedWarning, limitDepth } from './depth.js';
import { eachNode } from './walk.js';
import { fastBlock, type PageLinks, type WrittenBlock, type WrittenCell } from './fast/index.js';
import { pageLinkTarget, type LinkTarget } from './handlers/links.js';

/**
 * Converted top-level blocks, shared by the pages of a batch. Generated reference pages repeat
 * whole blocks (a schema's field table under every operation that returns it, the same example
 * JSON): a block is converted once, and reused wherever its Markdown recurs and the resolvers it
 * asked (link targets, attachments) answer the same.
 */
export class BlockMemo {
  private readonly blocks = new RecordedVariants<MemoEntry>(MEMO_BUDGET);
  /** Table cells of blocks not found here, converted before (cell-memo.ts). */
  readonly cells = new CellMemo();

  /** Blocks found here (for tests and benches). */
  get hits(): number {
    return this.blocks.hits;
  }

  /** The entry for this block whose recorded resolver calls still get the same answers. */
  find({ key, kind }: Pick<Group, 'key' | 'kind'>, options: ToStorageOptions): MemoEntry | undefined {
    return this.blocks.find(key, options, (candidate) => candidate.kind === kind);
  }

  add(group: Group, entry: MemoEntry): void {
    const kept = this.blocks.add(group.key, entry, entry.storage);
    if (kept === 'first' && group.followed && SKIPPABLE.has(group.first) && mayBeKnown(group.key))
      this.index(group.key, group.lines);
  }

  /**
   * The indexed blocks by their lines up to the first blank one (the whole block but for a fence
   * with blank lines in it): a block phase finds them by the same lines at a block's start.
   */
  private readonly byFirstChunk = new Map<string, Array<{ key: string; lines: number }>>();

  private index(key: string, lines: number): void {
    const chunk = key.slice(0, firstChunkEnd(key));
    const blocks = this.byFirstChunk.get(chunk) ?? [];
    blocks.push({ key, lines });
    this.byFirstChunk.set(chunk, blocks);
  }

  /**
   * The blocks a page's block phase may skip (parse/known-blocks.ts): those converted before
   * whose resolver calls answer the same for this page.
   */
  knownBlocks(options: ToStorageOptions): KnownBlocks {
    const dialect = options.dialect ?? 'cloud';
    return {
      at: (src, from, chunkEnd) => {
        const candidates = this.byFirstChunk.get(src.slice(from, chunkEnd));
        if (!candidates) return undefined;
        for (const { key, lines } of candidates) {
          if (!src.startsWith(key, from)) continue;
          for (const first of SKIPPABLE) {
            const kind = `${dialect} ${first}`;
            const entry = this.find({ key, kind }, options);
            if (entry) return { key, lines, meta: { key, kind, entry } satisfies KnownMeta };
          }
        }
        return undefined;
      },
    };
  }
}

/** Blocks that end where their text ends, so a repeat parses the same wherever it stands (known-blocks.ts). */
const SKIPPABLE = new Set(['paragraph_open', 'table_open', 'heading_open', 'fence']);

/** What a `known_block` token carries. */
interface KnownMeta {
  key: string;
  kind: string;
  entry: MemoEntry;
}

/** Characters of Markdown and storage a memo keeps (about twice that in bytes). */
const MEMO_BUDGET = 16 * 1024 * 1024;

interface MemoEntry extends Recording {
  kind: string;
  storage: string;
  /** The block's heading texts and declared anchors: the page's anchor tables need them. */
  headings: HeadingName[];
  anchors: string[];
}

export interface Group {
  tokens: Token[];
  /** The block's Markdown, as the parser saw it. */
  key: string;
  /** The dialect and the block's first token: the same Markdown must also be parsed the same way. */
  kind: string;
  /** The type of its first token. */
  first: string;
  /** Whether text follows it on the page (a block running to the end, like an unclosed fence, may not be whole). */
  followed: boolean;
  /** How many lines it spans. */
  lines: number;
  /** Its memo entry, when the block phase recognised it (a `known_block` token). */
  known?: MemoEntry;
  /** Whether `tokens` have been through the inline phase (the fast path tried them). */
  inlineDone?: boolean;
}

/**
 * The page's top-level blocks, each with the key its conversion is memoised under, or undefined
 * when blocks cannot be converted apart: link reference definitions and footnotes reach across
 * blocks.
 */
export function topLevelGroups(blocks: BlockParse, dialect: string): Group[] | undefined {
  if (blocks.env.references && Object.keys(blocks.env.references).length) return undefined;
  const groups: Group[] = [];
  const tokens = blocks.tokens;
  /** The group of tokens [start, end): one slice of the token list, keyed by its first token's lines. */
  const group = (start: number, end: number): Group => {
    const first = tokens[start]!;
    const [from, to] = first.map!;
    if (first.type === KNOWN_BLOCK) {
      const { key, kind, entry } = first.meta as KnownMeta;
      return { tokens: [first], key, kind, first: KNOWN_BLOCK, followed: true, lines: to - from, known: entry };
    }
    const endOffset = blocks.normalizedLines.offset(to);
    const key = blocks.normalized.slice(blocks.normalizedLines.offset(from), endOffset);
    // A paragraph made a bold label by what follows it (a definition list's term) converts otherwise.
    const label = (first.meta as { tabLabel?: boolean } | null)?.tabLabel ? ' label' : '';
    const followed = endOffset < blocks.normalized.length;
    return {
      tokens: tokens.slice(start, end),
      key,
      kind: `${dialect} ${first.type}${label}`,
      first: first.type,
      followed,
      lines: to - from,
    };
  };
  for (const [start, end] of topLevelBlocks(tokens)) {
    if (!tokens[start]!.map) return undefined;
    for (let index = start; index < end; index += 1)
      if (tokens[index]!.type === 'footnote_reference_open') return undefined;
    groups.push(group(start, end));
  }
  return groups;
}

/**
 * Where each top-level block's tokens are, in order: [start, end), from a block's first token to
 * its close at level 0 (and an unclosed run at the end, which markdown-it's balanced tokens never leave).
 */
export function topLevelBlocks(tokens: Token[]): Array<[start: number, end: number]> {
  const blocks: Array<[number, number]> = [];
  let start = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.level === 0 && token.nesting <= 0) {
      blocks.push([start, index + 1]);
      start = index + 1;
    }
  }
  if (start < tokens.length) blocks.push([start, tokens.length]);
  return blocks;
}

const A_TAG_START = /<a\s/gi;
const ANCHOR_ATTRIBUTE = /\b(?:id|name)\s*=/i;

/**
 * Whether raw HTML may declare a link target (`<a id=…>`, `<a name=…>`): an `id=` or `name=` after
 * an `<a ` and before the next `>`. Looked for from the first `<a ` up to each `>` only: a regex
 * tried at each `<a` reads on to the next `>` from each (`<a ` 50,000 times without one: 4 s).
 */
function mayDeclareHtmlAnchor(content: string): boolean {
  A_TAG_START.lastIndex = 0;
  for (let tag = A_TAG_START.exec(content); tag; tag = A_TAG_START.exec(content)) {
    const close = content.indexOf('>', A_TAG_START.lastIndex);
    const end = close === -1 ? content.length : close;
    if (ANCHOR_ATTRIBUTE.test(content.slice(A_TAG_START.lastIndex, end))) return true;
    A_TAG_START.lastIndex = end;
  }
  return false;
}

/** Whether a block token is or may become a heading: an ATX or setext heading, or a heading shortcode. */
function mayBeHeading(token: Token): boolean {
  return (
    token.type === 'heading_open' ||
    // A paragraph that is Kubernetes' heading shortcode becomes a heading (parse/to-mdast.ts).
    (token.type === 'inline' && token.content.charCodeAt(0) === 0x7b /* { */ && mayBeHeadingShortcode(token.content))
  );
}

/** Whether a block's tokens may give its mdast a heading (parsing the others cannot find one). */
export function mayHoldHeadings(tokens: Token[]): boolean {
  return tokens.some((token) => mayBeHeading(token) || mayBeRawHeading(token));
}

/** Whether a block holds raw HTML that may be a heading (`<h2 id="usage">`: page-headings.ts). */
export function mayHoldRawHeadings(tokens: Token[]): boolean {
  return tokens.some(mayBeRawHeading);
}

function mayBeRawHeading(token: Token): boolean {
  return (
    (token.type === 'html_block' || token.type === 'inline') &&
    token.content.includes('<') &&
    RAW_HEADING_TAG.test(token.content)
  );
}

/** Whether a block holds a heading or may hold an anchor directive (`::anchor[…]`, `:anchor[…]`). */
function mayDeclareAnchors(tokens: Token[]): boolean {
  return tokens.some(
    (token) =>
      mayBeHeading(token) ||
      mayBeRawHeading(token) ||
      (token.type === 'directive_leaf_open' && (token.meta as DirectiveMeta).name === 'anchor') ||
      (token.type === 'inline' && token.content.includes(':anchor')) ||
      ((token.type === 'inline' || token.type === 'html_block') && mayDeclareHtmlAnchor(token.content)),
  );
}

interface Part {
  group: Group;
  /** A block converted before whose resolver calls answer the same here. */
  entry?: MemoEntry;
  /** Otherwise the block's mdast if parsed early, and what the page's anchor tables need from it. */
  tree?: Root;
  deep?: boolean;
  /** Or the block written from its tokens early (it declares a heading or anchor). */
  written?: WrittenBlock;
  headings: HeadingName[];
  anchors: string[];
}

/**
 * Convert a page block by block: blocks seen before (in this page or another of the batch) come
 * from the memo, the rest are parsed and converted with the page's anchor tables. The result is
 * the whole-page conversion's, byte for byte (tests compare the two on every corpus).
 */
export function convertInParts(blocks: BlockParse, groups: Group[], state: State, memo: BlockMemo): string {
  /** The first content flattened on the page (by line: blocks are not parsed in page order). */
  let flattened: Nodes | undefined;
  state.cellMemo = memo.cells;
  /** The block's tokens after the inline phase (a table's cells met before marked first). */
  const finished = (group: Group): Token[] => {
    const tokens = expandKnownBlocks(blocks, group.tokens);
    if (tokens[0]?.type === 'table_open') memo.cells.markKnownCells(tokens, state);
    return (group.tokens = finishTokens(blocks, tokens));
  };
  /**
   * The block written from its tokens (fast/index.ts), or undefined: it takes the tree path. With
   * `links`, its links to this page's headings and to other pages are written too (once the page's
   * anchor tables are known).
   */
  const writtenFast = (group: Group, links = false): WrittenBlock | undefined => {
    const cells: WrittenCell[] = [];
    group.tokens = finished(group);
    group.inlineDone = true;
    const pending = links ? new PendingLinks(state) : undefined;
    const block = fastBlock(group.tokens, state.dialect, { cells, links: pending });
    if (!block) return undefined;
    pending?.commit();
    for (const cell of cells) memo.cells.keepWritten(cell.source, cell.storage, state);
    return block;
  };
  /** The block's mdast, and whether it was nested too deep (its output is then not reusable). */
  const parse = (group: Group): { tree: Root; deep: boolean } => {
    const tree = blocksToMdast(blocks, group.inlineDone ? group.tokens : finished(group));
    const first = limitDepth(tree);
    if (first && (!flattened || lineOf(first) < lineOf(flattened))) flattened = first;
    return { tree, deep: first !== undefined };
  };
  // Blocks that give the page's anchor tables something (headings, anchor directives) are parsed
  // first; the rest are parsed one at a time as they are converted, so their trees die young.
  // The page's headings are read block by block as the whole page's are (page-headings.ts); a raw
  // HTML heading left open takes in the blocks after it, so those are read too, known or not.
  const pageHeadings = new PageHeadings();
  const parts: Part[] = groups.map((group) => {
    const entry = group.known ?? memo.find(group, state.options);
    const intoOpenHeading = pageHeadings.openAtTopLevel;
    if (entry && !intoOpenHeading) {
      for (const heading of entry.headings) pageHeadings.names.push(heading);
      return { group, entry, headings: entry.headings, anchors: entry.anchors };
    }
    if (!intoOpenHeading && !mayDeclareAnchors(group.tokens)) return { group, entry, headings: [], anchors: [] };
    const written = intoOpenHeading ? undefined : writtenFast(group);
    if (written) {
      for (const heading of written.headings) pageHeadings.names.push(heading);
      return { group, entry, written, headings: written.headings, anchors: written.anchors };
    }
    const { tree, deep } = parse(group);
    const first = pageHeadings.names.length;
    pageHeadings.addTopLevel(tree.children);
    const headings = pageHeadings.names.slice(first);
    const anchors: string[] = [];
    eachNode(tree, (node) => {
      for (const anchor of declaredAnchors(node)) anchors.push(anchor);
    });
    return { group, entry, tree, deep, headings, anchors };
  });
  const declared = state.declaredAnchors;
  for (let index = 0; index < parts.length; index += 1) {
    for (const anchor of parts[index]!.anchors) declared.add(anchor);
  }
  anchorsOfTexts(pageHeadings.finish(), state.headingAnchors);

  // One builder for the page's top level, as in the whole-page conversion: raw HTML blocks there
  // may open an element that the following blocks go into (`<details>`, Markdown, `</details>`).
  const page = new HtmlBuilder(state, true);
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const { group, entry, headings, anchors } = part;
    const release = () => (group.tokens = []); // with their inline children, done with
    if (entry && !page.openElements) {
      for (const title of entry.pageLinks) state.pageLinks.add(title);
      for (const name of entry.attachments) state.attachments.add(name);
      if (entry.storage) page.append([{ type: 'raw', value: entry.storage }]);
      part.tree = undefined;
      release();
      continue;
    }
    if (!part.tree && !page.openElements) {
      state.usedContext = false;
      const recording: Recording = (state.recording = { resolutions: [], pageLinks: [], attachments: [] });
      const written = part.written ?? (group.inlineDone ? undefined : writtenFast(group, true));
      state.recording = undefined;
      if (written) {
        release();
        const { storage, phrasing } = written;
        if (phrasing) {
          // Inline content (an anchor macro) goes into a paragraph with its neighbours': not a block of its own.
          page.appendBlock([{ type: 'raw', value: storage, phrasing }]);
          continue;
        }
        // A link to this page's headings read the page's anchor tables: not reusable elsewhere.
        if (!state.usedContext) memo.add(group, { kind: group.kind, storage, headings, anchors, ...recording });
        page.append([{ type: 'raw', value: storage }]);
        continue;
      }
    }
    const { tree: root, deep } = part.tree ? { tree: part.tree, deep: part.deep } : parse(group);
    part.tree = undefined;
    release();
    state.usedContext = deep === true; // the page warns about it
    const recording: Recording = (state.recording = { resolutions: [], pageLinks: [], attachments: [] });
    const nodes: XNode[] = [];
    for (let index = 0; index < root.children.length; index += 1) {
      const child = root.children[index]!;
      const pieces = child.type === 'paragraph' ? paragraphPieces(child) : undefined;
      if (child.type === 'html' || pieces) {
        page.appendBlock(nodes.splice(0));
        if (pieces) page.appendPieces(pieces);
        else if (child.type === 'html') page.html(child.value, child);
        state.usedContext = true; // balanced with its neighbours: not a block of its own
      } else nodes.push(...state.one(child, root));
    }
    state.recording = undefined;
    if (page.openElements || nodes.some(isPhrasing)) {
      page.appendBlock(nodes); // the page's builder still has work to do on them
      continue;
    }
    // Written out now, so the block's tree dies young; kept for reuse if it stands on its own.
    const storage = toXml(nodes, '\n');
    if (!entry && !state.usedContext) memo.add(group, { kind: group.kind, storage, headings, anchors, ...recording });
    if (storage) page.append([{ type: 'raw', value: storage }]);
  }
  // First, as the whole-page conversion says it (before converting anything).
  if (flattened) state.warnings.unshift(flattenedWarning(flattened));
  return toXml(wrapPhrasing(page.finish()), '\n');
}

/**
 * What a block's links and reused cells add to the page's lists (and the resolver calls of those
 * cells), kept until the block is written: a block left to the tree path after all adds nothing.
 */
class PendingLinks implements PageLinks {
  private readonly resolutions: Resolution[] = [];
  private readonly additions: Array<{ list: 'pageLinks' | 'attachments'; value: string }> = [];

  constructor(private readonly state: State) {}

  target(url: string): LinkTarget | undefined {
    const target = pageLinkTarget(this.state, url);
    if (target?.page !== undefined) this.additions.push({ list: 'pageLinks', value: target.page });
    return target;
  }

  reuse(entry: CellEntry): void {
    this.resolutions.push(...entry.resolutions);
    for (const value of entry.pageLinks) this.additions.push({ list: 'pageLinks', value });
    for (const value of entry.attachments) this.additions.push({ list: 'attachments', value });
  }

  commit(): void {
    this.state.recording?.resolutions.push(...this.resolutions);
    for (const { list, value } of this.additions) this.state[list].add(value);
  }
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? Number.MAX_SAFE_INTEGER;
}
