/**
 * A text node runs over soft line breaks (kept in its value as `\n`) from the line it starts on:
 * what is at an offset of its value is that many lines further down. Warnings about a tag on the
 * text's third line, and the pieces autolinks.ts splits a text into, are placed by it.
 */
import type { Position } from 'unist';

/** The position of what starts at `offset` of `value`, whose first line is `position`'s (or `firstLine`). */
export function positionAt(
  position: Position | undefined,
  value: string,
  offset: number,
  firstLine = position?.start.line,
): Position | undefined {
  if (!position || firstLine === undefined) return position;
  let line = firstLine;
  for (let at = value.indexOf('\n'); at !== -1 && at < offset; at = value.indexOf('\n', at + 1)) line += 1;
  return line === position.start.line ? position : { start: { line, column: 1 }, end: position.end };
}
