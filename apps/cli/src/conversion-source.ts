import { readFileSync } from 'node:fs';
import type { Page, SourceLocation } from '@docgen/core';

type Core = typeof import('@docgen/core');

/** Where the text a generated page's conversion warning is about was written in its source file. */
export interface WrittenAt {
  location: Required<Pick<SourceLocation, 'file' | 'line' | 'column'>>;
  excerpt: string;
  /** Which of the file's places with that text (1-based), and how many there are. */
  place: number;
  places: number;
}

/** Long lines (a JSON spec's descriptions) are framed this wide around the text. */
/** How far either side of the text its surroundings are compared, to tell its places apart. */
const CONTEXT = 200;

/**
 * The converter's warnings name what they are about: `link to #structure: …`, `image ./a.png is
 * relative …`, `raw HTML <font> …`, `unknown directive "tip" …`. The text of each, in the order
 * tried (an unsafe URL is quoted before the generic `link to X`).
 */
const OFFENDING_TEXT: RegExp[] = [
  /^(?:link to an|image with an) unsafe URL \((.+?)\) /,
  /^link to (\S+?):? /,
  /^image (\S+) is relative/,
  /^(\[\[.+?\]\]) /,
  /^footnote (\[\^.+?\]) /,
  /(<!\[CDATA\[)/,
  /(<[A-Za-z][\w:.-]*)/,
  /"([^"]+)"/,
];

/**
 * A page a plugin generated (an OpenAPI spec's overview, a Prisma model's page) shows text the
 * user wrote in its source file, and what the converter finds wrong in it is theirs to fix there:
 * its line in a page they never see is no help. So the warning's text is looked for in the page's
 * `source.file` (as written, and JSON-escaped, as a JSON or YAML string holds it), at the place
 * whose surroundings match the page's line best. Repeats of one text in the file (a dead link
 * pasted into several descriptions) are each given a place of their own, in order.
 */
export class ConversionSources {
  private readonly texts = new Map<string, { text: string; starts: number[] } | undefined>();
  private readonly claimed = new Map<string, Set<number>>();
  private readonly pageLines = new WeakMap<Page, string[]>();
  /** Scored places by file, text and page line: a description repeated in 3,000 operations is scored once. */
  private readonly scoredPlaces = new Map<string, Array<{ offset: number; score: number }>>();

  constructor(private readonly core: Pick<Core, 'codeFrame' | 'lineStarts' | 'positionIn'>) {}

  /** `message` is the warning without its `line N: `; `pageLine` that N, when it has one. */
  locate(page: Page, pageLine: number | undefined, message: string): WrittenAt | undefined {
    const file = page.source?.file;
    const source = file === undefined ? undefined : this.read(file);
    if (!file || !source) return undefined;
    const lineText = pageLine === undefined ? '' : (this.linesOf(page)[pageLine - 1] ?? '');
    for (const needle of needlesOf(message, lineText)) {
      const found = this.bestPlace(file, source.text, needle, lineText);
      if (!found) continue;
      const { line, column } = this.core.positionIn(source.starts, found.offset);
      return {
        location: { file, line, column },
        excerpt: this.core.codeFrame(source.text, line, column),
        place: found.place,
        places: found.places,
      };
    }
    return undefined;
  }

  private linesOf(page: Page): string[] {
    let lines = this.pageLines.get(page);
    if (!lines) this.pageLines.set(page, (lines = page.markdown.split('\n')));
    return lines;
  }

  private read(file: string): { text: string; starts: number[] } | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // a folder (an ADR log's), or gone: the warning keeps the page's place
      }
      this.texts.set(file, text === undefined ? undefined : { text, starts: this.core.lineStarts(text) });
    }
    return this.texts.get(file);
  }

  /** The best-matching place of `needle` in the file; of equally good ones, the first not given yet. */
  private bestPlace(
    file: string,
    text: string,
    needle: string,
    lineText: string,
  ): { offset: number; place: number; places: number } | undefined {
    const key = `${file}\0${needle}`;
    const scoredKey = `${key}\0${lineText}`;
    let scored = this.scoredPlaces.get(scoredKey);
    if (!scored) this.scoredPlaces.set(scoredKey, (scored = placesOf(text, needle, lineText)));
    if (!scored.length) return undefined;
    const best = scored.reduce((most, place) => Math.max(most, place.score), 0);
    const claimed = this.claimed.get(key) ?? new Set<number>();
    this.claimed.set(key, claimed);
    const ties = scored.filter((place) => place.score === best);
    const chosen = ties.find((place) => !claimed.has(place.offset)) ?? ties[0]!;
    claimed.add(chosen.offset);
    return { offset: chosen.offset, place: scored.indexOf(chosen) + 1, places: scored.length };
  }
}

/**
 * Every offset of `needle` in `text` (in either written form), in order, scored by how much of the
 * page line's text either side of it is there too.
 */
function placesOf(text: string, needle: string, lineText: string): Array<{ offset: number; score: number }> {
  const at = lineText.indexOf(needle);
  const before = at === -1 ? '' : lineText.slice(0, at);
  const after = at === -1 ? '' : lineText.slice(at + needle.length);
  return writtenForms(needle)
    .flatMap((form) => {
      const [textBefore, textAfter] = [form.escape(before), form.escape(after)];
      return offsetsOf(text, form.text).map((offset) => ({
        offset,
        score:
          matchingBackwards(text, offset, textBefore) + matchingForwards(text, offset + form.text.length, textAfter),
      }));
    })
    .sort((a, b) => a.offset - b.offset);
}

/** What to look for: the warning's own text, the one on the page's line first; else the line itself. */
function needlesOf(message: string, lineText: string): string[] {
  const named = OFFENDING_TEXT.map((pattern) => pattern.exec(message)?.[1]).filter(
    (text): text is string => text !== undefined && text.length >= 2,
  );
  const onLine = named.filter((text) => lineText.includes(text));
  const line = lineText.trim();
  return [...new Set([...onLine, ...named, ...(line.length >= 4 ? [line] : [])])];
}

/** A text as a file may hold it: as written (Markdown, Prisma, a YAML block) or as a JSON string. */
function writtenForms(text: string): Array<{ text: string; escape: (context: string) => string }> {
  const asWritten = { text, escape: (context: string) => context };
  const json = (context: string) => JSON.stringify(context).slice(1, -1);
  return json(text) === text ? [asWritten] : [asWritten, { text: json(text), escape: json }];
}

function offsetsOf(text: string, needle: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}

/** How many characters of `text` before `end` are the last ones of `context` (at most CONTEXT). */
function matchingBackwards(text: string, end: number, context: string): number {
  let n = 0;
  while (n < CONTEXT && n < end && n < context.length && text[end - 1 - n] === context[context.length - 1 - n]) n++;
  return n;
}

/** How many characters of `text` from `start` are the first ones of `context` (at most CONTEXT). */
function matchingForwards(text: string, start: number, context: string): number {
  let n = 0;
  while (n < CONTEXT && start + n < text.length && n < context.length && text[start + n] === context[n]) n++;
  return n;
}
