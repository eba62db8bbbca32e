import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { ApiError } from './errors.js';

/**
 * Where an inline comment's highlight goes in a storage body, as Confluence does it for
 * `POST /inline-comments` with `inlineCommentProperties` {textSelection, textSelectionMatchCount,
 * textSelectionMatchIndex}: the selection is looked for in the page's text (what a reader sees:
 * not tags, macro parameters or code bodies), the caller's count must be the count found, and the
 * chosen occurrence is wrapped in `<ac:inline-comment-marker ac:ref="…">` — one marker per text run
 * when it spans inline markup such as `<strong>`, all with the same ref.
 *
 * A selection stays within one block, unless its text has a line break where one block ends and
 * the next begins (as a browser's selection text reads): then each block's part is marked, with
 * the same ref, as Confluence's editor writes a highlight across paragraphs (a sandbox convention:
 * whether Confluence's REST API takes such a selection is not documented).
 */
export function insertCommentMarker(
  body: string,
  selection: { text: string; matchCount?: number; matchIndex?: number },
  ref: string,
): string {
  const { text, runs } = readableText(body);
  const found = occurrences(selection.text, text);
  const index = selection.matchIndex ?? 0;
  if (found.length === 0) throw new ApiError(400, `The text selection '${selection.text}' was not found on the page`);
  if (selection.matchCount !== undefined && selection.matchCount !== found.length) {
    throw new ApiError(
      400,
      `textSelectionMatchCount is ${selection.matchCount} but the text selection occurs ${found.length} times on the page`,
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= found.length) {
    throw new ApiError(400, `textSelectionMatchIndex ${index} is out of range (${found.length} matches)`);
  }
  let out = body;
  // From the last run back, so the earlier runs' raw offsets stay valid.
  for (const run of [...runs].reverse()) {
    for (const [start, end] of found[index]!) {
      const from = Math.max(start, run.start);
      const to = Math.min(end, run.start + run.rawAt.length - 1);
      if (from >= to) continue;
      const rawFrom = run.rawAt[from - run.start]!;
      const rawTo = run.rawAt[to - run.start]!;
      out =
        out.slice(0, rawFrom) +
        `<ac:inline-comment-marker ac:ref="${ref}">${out.slice(rawFrom, rawTo)}</ac:inline-comment-marker>` +
        out.slice(rawTo);
    }
  }
  return out;
}

/** Where a block ends or begins in the page's text (see `readableText`). */
const BOUNDARY = '\u0000';

/** Each occurrence of the selection in the page's text: its `[start, end)` ranges, one per block it touches. */
function occurrences(selection: string, text: string): Array<Array<[number, number]>> {
  const found: Array<Array<[number, number]>> = [];
  if (!selection) return found;
  for (let at = text.indexOf(selection); at !== -1; at = text.indexOf(selection, at + 1))
    found.push([[at, at + selection.length]]);
  return found.length || !selection.includes('\n')
    ? found
    : acrossBlocks(selection.split(/\s*\n\s*/).filter(Boolean), text);
}

/** A selection whose line breaks stand for block ends: each part in the next block with text. */
function acrossBlocks(parts: string[], text: string): Array<Array<[number, number]>> {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const gap = `[\\s${BOUNDARY}]*${BOUNDARY}[\\s${BOUNDARY}]*`;
  const pattern = new RegExp(parts.map((part) => `(${escape(part)})`).join(gap), 'dg');
  const found: Array<Array<[number, number]>> = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const { indices } = match;
    found.push(parts.map((_, i) => indices![i + 1]!));
    pattern.lastIndex = match.index + 1; // overlapping occurrences count, as for a selection within a block
  }
  return found;
}

/** The `ac:ref`s of the markers a body has. */
export function markerRefs(body: string): Set<string> {
  const refs = new Set<string>();
  for (const match of body.matchAll(/<ac:inline-comment-marker\s[^>]*?ac:ref\s*=\s*["']([^"']*)["']/g))
    refs.add(match[1]!);
  return refs;
}

/** Elements whose text a reader does not see as prose (or cannot select). */
const HIDDEN = new Set([
  'ac:parameter',
  'ac:plain-text-body',
  'ac:plain-text-link-body',
  'ac:task-id',
  'ac:task-status',
  'ac:emoticon',
  'ac:image',
  'ac:placeholder',
]);
/** Ends a selection: a reader's highlight stays within one block. */
const BLOCK = /^(p|h[1-6]|li|ul|ol|td|th|tr|table|div|pre|blockquote|dl|dt|dd|ac:task|ac:rich-text-body)$/;

interface Run {
  /** Offset of its first character in the page's text. */
  start: number;
  /** Offset in the body of each decoded character of the run, and of its end. */
  rawAt: number[];
}

function readableText(body: string): { text: string; runs: Run[] } {
  let text = '';
  const runs: Run[] = [];
  let hidden = 0;
  let cdata = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        if (BLOCK.test(name)) text += '\u0000';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden--;
        if (BLOCK.test(name)) text += '\u0000';
      },
      oncdatastart: () => (cdata = true),
      oncdataend: () => (cdata = false),
      ontext(raw) {
        if (hidden > 0 || cdata) return;
        const run: Run = { start: text.length, rawAt: [] };
        const offset = parser.startIndex;
        let last = 0;
        for (const entity of raw.matchAll(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi)) {
          for (let i = last; i < entity.index; i++) run.rawAt.push(offset + i);
          text += raw.slice(last, entity.index);
          const decoded = decodeHTML(entity[0]);
          for (let i = 0; i < decoded.length; i++) run.rawAt.push(offset + entity.index);
          text += decoded;
          last = entity.index + entity[0].length;
        }
        for (let i = last; i < raw.length; i++) run.rawAt.push(offset + i);
        text += raw.slice(last);
        run.rawAt.push(offset + raw.length);
        runs.push(run);
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.end(body);
  return { text, runs };
}
