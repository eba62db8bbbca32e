/**
 * Readers' inline comments across an update. Confluence anchors an inline comment with
 * `<ac:inline-comment-marker ac:ref="…">highlighted text</ac:inline-comment-marker>` in the page's
 * storage body (one marker element per text run when the highlight spans inline markup such as
 * `<strong>`, all with the same `ac:ref`). A body written without the marker resolves the comment,
 * so before docgen replaces a body it carries each marker of the live body over to the same text
 * in the new one — or reports it, never re-inserting a highlight at a guess.
 *
 * Pure: storage in, storage out. The tree keeps every tag and text exactly as written (entities
 * undecoded), so serializing a tree nobody changed gives back the very same string.
 */
import { lastAtOrBefore } from '@docgen/core';
import { decodeHTML } from 'entities';
import { credible, isDistinctive, neighbours, type Neighbours } from './comment-context.js';

export interface StorageElement {
  kind: 'element';
  /** Lower-cased tag name; `#root` for the tree's root. */
  name: string;
  /** The start tag as written (`''` for the root). */
  open: string;
  /** The end tag as written; `''` when self-closing or never closed. */
  close: string;
  children: StorageNode[];
}
export interface StorageText {
  kind: 'text';
  /** As written: entities undecoded. */
  raw: string;
}
/** CDATA, comments, processing instructions and stray end tags: never touched. */
export interface StorageOpaque {
  kind: 'opaque';
  raw: string;
}
export type StorageNode = StorageElement | StorageText | StorageOpaque;

/** A marker carried over to the new body. */
export interface KeptMarker {
  ref: string;
  text: string;
}
/** A marker whose highlighted text the new body no longer has: Confluence will resolve its comment. */
export interface LostMarker {
  ref: string;
  text: string;
}
export interface MarkerTransfer {
  tree: StorageElement;
  kept: KeptMarker[];
  lost: LostMarker[];
}

export const MARKER_ELEMENT = 'ac:inline-comment-marker';

const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][\s\S]*?>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*(\/?)>/g;
const VOID = new Set(['br', 'hr', 'img', 'col', 'meta', 'link', 'input']);

/** A lossless storage tree: `serializeStorage(parseStorageTree(s)) === s` for any string. */
export function parseStorageTree(storage: string): StorageElement {
  const root: StorageElement = { kind: 'element', name: '#root', open: '', close: '', children: [] };
  const stack: StorageElement[] = [root];
  const add = (node: StorageNode) => stack[stack.length - 1]!.children.push(node);
  let last = 0;
  for (const match of storage.matchAll(TOKEN)) {
    if (match.index > last) add({ kind: 'text', raw: storage.slice(last, match.index) });
    last = match.index + match[0].length;
    const [raw, closeName, openName, selfClosing] = match;
    if (openName !== undefined) {
      const element: StorageElement = {
        kind: 'element',
        name: openName.toLowerCase(),
        open: raw,
        close: '',
        children: [],
      };
      add(element);
      if (!selfClosing && !VOID.has(element.name)) stack.push(element);
    } else if (closeName !== undefined) {
      const at = stack.findLastIndex((element) => element.name === closeName.toLowerCase());
      if (at > 0) {
        stack[at]!.close = raw;
        stack.length = at;
      } else add({ kind: 'opaque', raw });
    } else add({ kind: 'opaque', raw });
  }
  if (last < storage.length) add({ kind: 'text', raw: storage.slice(last) });
  return root;
}

export function serializeStorage(node: StorageNode): string {
  if (node.kind !== 'element') return node.raw;
  return node.open + node.children.map(serializeStorage).join('') + node.close;
}

/**
 * Carry the live body's comment markers into the body docgen is about to write. Returns the new
 * body unchanged (the same string) when the live one has no marker.
 */
export function carryCommentMarkers(
  liveBody: string,
  newBody: string,
): { body: string; kept: KeptMarker[]; lost: LostMarker[] } {
  if (!liveBody.includes(MARKER_ELEMENT)) return { body: newBody, kept: [], lost: [] };
  const { tree, kept, lost } = transferCommentMarkers(parseStorageTree(liveBody), parseStorageTree(newBody));
  return { body: kept.length ? serializeStorage(tree) : newBody, kept, lost };
}

/** The body as it was before readers commented: every comment marker unwrapped, its text left in place. */
export function withoutCommentMarkers(storage: string): string {
  if (!storage.includes(MARKER_ELEMENT)) return storage;
  const unwrap = (element: StorageElement): StorageElement => ({
    ...element,
    children: element.children.flatMap((child) => {
      if (child.kind !== 'element') return [child];
      const inner = unwrap(child);
      return child.name === MARKER_ELEMENT ? inner.children : [inner];
    }),
  });
  return serializeStorage(unwrap(parseStorageTree(storage)));
}

/**
 * Each marker of `live` placed around the same text in a copy of `next`: in the block (paragraph,
 * list item, cell, heading…) whose heading section, text and surrounding words match the marker's
 * best, wrapping text runs only — never a tag, a macro parameter or a CDATA body. `next` is not
 * changed.
 */
export function transferCommentMarkers(live: StorageElement, next: StorageElement): MarkerTransfer {
  const tree = cloneTree(next);
  const targets = indexBlocks(readBlocks(tree));
  const kept: KeptMarker[] = [];
  const lost: LostMarker[] = [];
  const taken = new Map<Block, Taken[]>();
  const cuts = new Map<StorageText, Cut>();
  for (const comment of liveComments(liveMarkers(readBlocks(live)))) {
    const places = placeComment(comment.pieces, targets, taken);
    const text = comment.pieces.map((piece) => piece.text).join(' ');
    if (!places) {
      lost.push({ ref: comment.ref, text });
      continue;
    }
    places.forEach((place, i) => {
      taken.set(place.block, [
        ...(taken.get(place.block) ?? []),
        { ref: comment.ref, start: place.start, end: place.end },
      ]);
      cutsFor(place, comment.pieces[i]!, cuts);
    });
    kept.push({ ref: comment.ref, text });
  }
  applyCuts(cuts);
  return { tree, kept, lost };
}

/** A deep copy (structuredClone is several times slower on a 2 MB body's tree). */
function cloneTree(element: StorageElement): StorageElement {
  return {
    ...element,
    children: element.children.map((child) => (child.kind === 'element' ? cloneTree(child) : { ...child })),
  };
}

// ------------------------------------------------------------------ blocks of text

/** Elements that hold a run of text a reader can highlight as one selection. */
const BLOCK = /^(p|h[1-6]|li|td|th|dt|dd|caption|blockquote|pre|div|ac:task-body|ac:rich-text-body|ac:layout-cell)$/;
const HEADINGS = /^h[1-6]$/;
/** Text no reader highlights and no marker may wrap: macro parameters, code bodies (CDATA), task state, resources. */
const NOT_PROSE = new Set([
  'ac:parameter',
  'ac:plain-text-body',
  'ac:plain-text-link-body',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:emoticon',
  'ac:image',
  'ac:placeholder',
  'ac:adf-attribute',
  // Cloud's copy of an editor-only node (next to its `ac:adf-content`) for older clients: its markers repeat the real ones.
  'ac:adf-fallback',
  'script',
  'style',
]);
/** Between a block's text and a nested block's: no highlight spans it. */
const BOUNDARY = '\u0000';

interface Segment {
  node: StorageText;
  parent: StorageElement;
  /** Where its decoded text starts in the block's text. */
  start: number;
  /** The length of its decoded text. */
  length: number;
}
interface MarkerRange {
  ref: string;
  open: string;
  start: number;
  end: number;
  /** How many markers it stands inside. */
  depth: number;
}
interface Block {
  name: string;
  /** Its place in reading order. */
  index: number;
  /** `text` as compared (see `normalize`), once the block is read. */
  norm?: { text: string; origin: number[] };
  /** The text of the heading this block comes under (normalized). */
  section: string;
  text: string;
  segments: Segment[];
  markers: MarkerRange[];
}

function readBlocks(root: StorageElement): Block[] {
  const blocks: Block[] = [];
  let section = '';
  let markerDepth = 0;
  const newBlock = (name: string): Block => {
    const block: Block = { name, index: blocks.length, section, text: '', segments: [], markers: [] };
    blocks.push(block);
    return block;
  };
  const walk = (element: StorageElement, block: Block) => {
    for (const child of element.children) {
      if (child.kind === 'text') {
        // Offsets into the raw text are worked out only for the few nodes a marker is cut into.
        const text = child.raw.includes('&') ? child.raw.replace(ENTITY, decodeHTML) : child.raw;
        block.segments.push({ node: child, parent: element, start: block.text.length, length: text.length });
        block.text += text;
      } else if (child.kind === 'element' && !NOT_PROSE.has(child.name) && !child.name.startsWith('ri:')) {
        if (child.name === MARKER_ELEMENT) {
          const start = block.text.length;
          const depth = markerDepth++;
          walk(child, block);
          markerDepth = depth;
          block.markers.push({
            ref: attribute(child.open, 'ac:ref') ?? '',
            open: child.open,
            start,
            end: block.text.length,
            depth,
          });
        } else if (BLOCK.test(child.name)) {
          block.text += BOUNDARY;
          const inner = newBlock(child.name);
          walk(child, inner);
          if (HEADINGS.test(child.name)) section = normalize(inner.text).text.trim();
          block.text += BOUNDARY;
        } else walk(child, block);
      }
    }
  };
  walk(root, newBlock('#root'));
  return blocks;
}

function attribute(startTag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(startTag);
  return match ? decodeHTML(match[1] ?? match[2] ?? '') : undefined;
}

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;

function decodeWithOffsets(raw: string): { text: string; rawAt: number[] } {
  let text = '';
  const rawAt: number[] = [];
  let last = 0;
  const plain = (from: number, to: number) => {
    text += raw.slice(from, to);
    for (let i = from; i < to; i++) rawAt.push(i);
  };
  for (const match of raw.matchAll(ENTITY)) {
    plain(last, match.index);
    const decoded = decodeHTML(match[0]);
    text += decoded;
    for (let i = 0; i < decoded.length; i++) rawAt.push(match.index);
    last = match.index + match[0].length;
  }
  plain(last, raw.length);
  rawAt.push(raw.length);
  return { text, rawAt };
}

// ------------------------------------------------------------------ matching

/**
 * The text as compared: whitespace runs (non-breaking spaces too) are one space, and typographic
 * quotes are plain ones (Confluence's editor turns `"` into `“”` and `'` into `’`). `origin[i]` is
 * where normalized character i came from.
 */
export function normalize(text: string): { text: string; origin: number[] } {
  // Most text (all of docgen's own) has nothing to normalize: no need to build it char by char.
  if (!NEEDS_NORMALIZING.test(text)) return { text, origin: identity(text.length + 1) };
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let char = text[i]!;
    if (/\s/.test(char)) {
      if (out.endsWith(' ')) continue;
      char = ' ';
    } else if ('‘’‚‛′'.includes(char)) char = "'";
    else if ('“”„‟″'.includes(char)) char = '"';
    out += char;
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Whitespace other than a lone space, or a typographic quote: what `normalize` changes. */
const NEEDS_NORMALIZING = /[^\S ]| {2}|[‘’‚‛′“”„‟″]/;

function identity(length: number): number[] {
  const origin = new Array<number>(length);
  for (let i = 0; i < length; i++) origin[i] = i;
  return origin;
}

interface LiveMarker {
  ref: string;
  open: string;
  /** How many markers it stood inside (of equal highlights, the outer one is written outside). */
  depth: number;
  /** The highlighted text as it was. */
  text: string;
  /** …normalized and trimmed: what is looked for. */
  wanted: string;
  blockName: string;
  blockIndex: number;
  section: string;
  blockText: string;
  before: string;
  after: string;
  /** The words either side of it in its sentence (see `neighbours`): what vouches for a new place. */
  near: Neighbours;
  /** Long and specific enough to be found again anywhere on the page without its context. */
  distinctive: boolean;
  /** Whether the highlight began (ended) where a word does: it is not moved into the middle of one. */
  startsWord: boolean;
  endsWord: boolean;
  /** Which occurrence of the text in its block (0-based). */
  occurrence: number;
  /** The comments whose highlight this one's lies inside, or which lie inside it, in the same block. */
  nestedWith: string[];
}

const CONTEXT = 80;

/** One entry per comment and block: the runs of one highlight (split by `<strong>` and the like) are one selection. */
function liveMarkers(blocks: Block[]): LiveMarker[] {
  const out: LiveMarker[] = [];
  for (const block of blocks) {
    const byRef = new Map<string, MarkerRange[]>();
    for (const range of block.markers) byRef.set(range.ref, [...(byRef.get(range.ref) ?? []), range]);
    if (!block.markers.length) continue;
    const blockText = normalize(block.text);
    const spans = [...byRef].map(([ref, ranges]) => ({
      ref,
      ranges,
      start: Math.min(...ranges.map((r) => r.start)),
      end: Math.max(...ranges.map((r) => r.end)),
    }));
    for (const { ref, ranges, start, end } of spans) {
      // A highlight around a nested block keeps the boundary in `wanted`: it matches nothing, and is reported.
      const text = block.text.slice(start, end).split(BOUNDARY).join(' ');
      // An empty or blank highlight (its text deleted in the editor) has nothing to carry: it is reported, not dropped unsaid.
      const wanted = normalize(block.text.slice(start, end)).text.trim();
      const at = normalizedIndex(blockText.origin, start);
      const before = blockText.text.slice(Math.max(0, at - CONTEXT), at);
      const afterAt = normalizedIndex(blockText.origin, end);
      const after = blockText.text.slice(afterAt, afterAt + CONTEXT);
      out.push({
        ref,
        open: ranges[0]!.open,
        depth: Math.min(...ranges.map((r) => r.depth)),
        text: text.trim(),
        wanted,
        blockName: block.name,
        blockIndex: block.index,
        section: block.section,
        blockText: blockText.text,
        before,
        after,
        near: neighbours(before, after),
        distinctive: isDistinctive(wanted),
        occurrence: occurrences(blockText.text.slice(0, at + wanted.length), wanted).length - 1,
        ...wordEdges(blockText.text, wanted, at),
        nestedWith: spans
          .filter((o) => o.ref !== ref && ((o.start <= start && end <= o.end) || (start <= o.start && o.end <= end)))
          .map((o) => o.ref),
      });
    }
  }
  return out;
}

interface LiveComment {
  ref: string;
  /** One per block its highlight touches, in reading order. */
  pieces: LiveMarker[];
}

/** The markers grouped by comment: a selection across blocks is one comment, carried or reported whole. */
function liveComments(markers: LiveMarker[]): LiveComment[] {
  const byRef = new Map<string, LiveMarker[]>();
  for (const marker of markers) byRef.set(marker.ref, [...(byRef.get(marker.ref) ?? []), marker]);
  return [...byRef].map(([ref, pieces]) => {
    // A blank piece (its words deleted in the editor) has nothing to carry; the others still do.
    const withText = pieces.filter((piece) => piece.wanted);
    return { ref, pieces: (withText.length ? withText : pieces).sort((a, b) => a.blockIndex - b.blockIndex) };
  });
}

/** A letter or digit of a word: a highlight of a whole word never lands on part of another ("id" in "valid"). */
const WORD = /^[\p{L}\p{N}_]$/u;

/** Whether `wanted`, highlighted at (about) normalized index `at` of its block's text, stood at a word's start and end. */
function wordEdges(text: string, wanted: string, at: number): { startsWord: boolean; endsWord: boolean } {
  const found = text.indexOf(wanted, Math.max(0, at - 1));
  const start = found === -1 ? at : found;
  return {
    startsWord: !WORD.test(text[start - 1] ?? ''),
    endsWord: !WORD.test(text[start + wanted.length] ?? ''),
  };
}

/** The first normalized index at or after original offset `offset`. */
function normalizedIndex(origin: number[], offset: number): number {
  const index = origin.findIndex((o) => o >= offset);
  return index === -1 ? origin.length - 1 : index;
}

function occurrences(text: string, wanted: string): number[] {
  const found: number[] = [];
  if (!wanted) return found; // '' is found everywhere, and indexOf('') never moves past the end
  for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) found.push(at);
  return found;
}

interface Place {
  block: Block;
  /** Offsets in the block's text (original, not normalized). */
  start: number;
  end: number;
}

interface Candidate extends Place {
  score: number;
  credible: () => boolean;
}

/**
 * Where a comment goes: one place per piece (a selection across blocks has one piece per block).
 * A single piece takes its best credible candidate; the pieces of a selection across blocks go, in order,
 * into consecutive blocks — the first piece's candidates tried best first, each following piece
 * in the next block with text — or the comment is not placed at all.
 */
function placeComment(pieces: LiveMarker[], targets: BlockIndex, taken: Map<Block, Taken[]>): Place[] | undefined {
  const [first, ...rest] = pieces;
  const starts = ranked(candidates(first!, blocksWith(longestLiteral(first!.wanted), targets), taken));
  if (!rest.length) {
    const place = starts.find((start) => start.credible());
    return place && [place];
  }
  for (const start of starts) {
    const chain = start.credible() && followOn(start, rest, targets.blocks, taken);
    if (chain) return chain;
  }
  return undefined;
}

function followOn(first: Place, rest: LiveMarker[], blocks: Block[], taken: Map<Block, Taken[]>): Place[] | undefined {
  const chain = [first];
  for (const piece of rest) {
    const block = nextBlockWithText(blocks, chain[chain.length - 1]!.block.index);
    const place = block && ranked(candidates(piece, [block], taken)).find((c) => c.credible());
    if (!place) return undefined;
    chain.push(place);
  }
  return chain;
}

/** The block a reader's selection goes on to from block `index`: the next one with text of its own. */
function nextBlockWithText(blocks: Block[], index: number): Block | undefined {
  for (let next = index + 1; next < blocks.length; next++)
    if (blocks[next]!.text.split(BOUNDARY).join('').trim() !== '') return blocks[next];
  return undefined;
}

/** Best first; of equal scores, the earliest in the page (the sort is stable). */
function ranked(found: Candidate[]): Candidate[] {
  return found.sort((a, b) => b.score - a.score);
}

/**
 * Every place for the marker's text in `blocks`, scored, with whether it is credible (see
 * `credible`): the same heading
 * section counts most, then the same paragraph, then the words around it. A candidate overlapping
 * a marker already placed is out (one highlight per text), unless the two were nested on the live
 * page too (a comment on words inside another's highlight): they nest again.
 */
function candidates(marker: LiveMarker, blocks: Block[], taken: Map<Block, Taken[]>): Candidate[] {
  const found: Candidate[] = [];
  if (!marker.wanted) return found;
  for (const block of blocks) {
    const norm = (block.norm ??= normalize(block.text));
    occurrences(norm.text, marker.wanted).forEach((at, index) => {
      const start = norm.origin[at]!;
      const end = norm.origin[at + marker.wanted.length - 1]! + 1;
      if (marker.startsWord && WORD.test(norm.text[at - 1] ?? '')) return;
      if (marker.endsWord && WORD.test(norm.text[at + marker.wanted.length] ?? '')) return;
      if ((taken.get(block) ?? []).some((other) => clashes(marker, start, end, other))) return;
      const before = norm.text.slice(Math.max(0, at - CONTEXT), at);
      const after = norm.text.slice(at + marker.wanted.length, at + marker.wanted.length + CONTEXT);
      const sameSection = block.section === marker.section;
      const sameParagraph = norm.text === marker.blockText;
      const score =
        (sameSection ? 1000 : 0) +
        (sameParagraph ? 200 : 0) +
        (block.name === marker.blockName ? 50 : 0) +
        commonSuffix(before, marker.before) +
        commonPrefix(after, marker.after) +
        (index === marker.occurrence ? 5 : 0);
      // Weighed only for the best-scoring candidates, until one holds: a common word has many.
      const isCredible = () =>
        credible({
          sameParagraph,
          sameSection,
          distinctive: marker.distinctive,
          was: marker.near,
          is: neighbours(before, after),
        });
      found.push({ block, start, end, score, credible: isCredible });
    });
  }
  return found;
}

interface Taken {
  ref: string;
  start: number;
  end: number;
}

/** Whether `[start, end)` may not take a marker next to `other`, already placed: they overlap, and did not nest on the live page. */
function clashes(marker: LiveMarker, start: number, end: number, other: Taken): boolean {
  if (!(start < other.end && other.start < end)) return false;
  const nests = (start <= other.start && other.end <= end) || (other.start <= start && end <= other.end);
  return !(nests && marker.nestedWith.includes(other.ref));
}

/** The new body's blocks and their texts end to end: one search per marker, not one per block. */
interface BlockIndex {
  blocks: Block[];
  text: string;
  /** Where each block's text starts in `text`. */
  starts: number[];
}

function indexBlocks(blocks: Block[]): BlockIndex {
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += block.text.length + 1;
  }
  return { blocks, text: blocks.map((block) => block.text).join(BOUNDARY), starts };
}

/** The blocks whose text contains `literal`, in order (a filter: the match itself is checked after). */
function blocksWith(literal: string, index: BlockIndex): Block[] {
  if (!literal) return index.blocks;
  const found: Block[] = [];
  for (let at = index.text.indexOf(literal); at !== -1;) {
    const which = lastAtOrBefore(index.starts, at);
    found.push(index.blocks[which]!);
    const nextBlock = index.starts[which + 1];
    at = nextBlock === undefined ? -1 : index.text.indexOf(literal, nextBlock);
  }
  return found;
}

/**
 * The longest piece of `wanted` that `normalize` leaves as it is (no whitespace, no quote): a block
 * whose text lacks it cannot match, so most blocks are skipped without being normalized.
 */
function longestLiteral(wanted: string): string {
  return wanted.split(/[\s'"]+/).reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

// ------------------------------------------------------------------ wrapping

interface Cut {
  parent: StorageElement;
  /** Raw offsets in the text node, and the marker's start tag. */
  spans: Array<{ from: number; to: number; open: string; depth: number }>;
}

/** Block text `[start, end)` as raw ranges of the text nodes it touches: one marker per run, as Confluence writes them. */
function cutsFor(place: Place, { open, depth }: LiveMarker, cuts: Map<StorageText, Cut>): void {
  for (const segment of place.block.segments) {
    const length = segment.length;
    const from = Math.max(place.start, segment.start) - segment.start;
    const to = Math.min(place.end, segment.start + length) - segment.start;
    if (from >= to) continue;
    const { rawAt } = decodeWithOffsets(segment.node.raw);
    const cut = cuts.get(segment.node) ?? { parent: segment.parent, spans: [] };
    cut.spans.push({ from: rawAt[from]!, to: rawAt[to]!, open, depth });
    cuts.set(segment.node, cut);
  }
}

/** Split each cut text node into plain text and marker elements around its spans (which may nest, never cross). */
function applyCuts(cuts: Map<StorageText, Cut>): void {
  for (const [node, { parent, spans }] of cuts) {
    // Outer spans first, so the spans inside one follow it; of equal spans, the one outside on the live page.
    const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to || a.depth - b.depth);
    parent.children.splice(parent.children.indexOf(node), 1, ...wrapSpans(node.raw, 0, node.raw.length, sorted));
  }
}

/** `raw[from, to)` as text and markers: each span wraps the spans that lie inside it. */
function wrapSpans(raw: string, from: number, to: number, spans: Cut['spans']): StorageNode[] {
  const pieces: StorageNode[] = [];
  let last = from;
  for (let i = 0; i < spans.length;) {
    const span = spans[i]!;
    let next = i + 1;
    while (next < spans.length && spans[next]!.from < span.to) next++;
    if (span.from > last) pieces.push({ kind: 'text', raw: raw.slice(last, span.from) });
    pieces.push({
      kind: 'element',
      name: MARKER_ELEMENT,
      open: span.open,
      close: `</${MARKER_ELEMENT}>`,
      children: wrapSpans(raw, span.from, span.to, spans.slice(i + 1, next)),
    });
    last = span.to;
    i = next;
  }
  if (last < to) pieces.push({ kind: 'text', raw: raw.slice(last, to) });
  return pieces;
}
