/** Where each line of `text` starts (offsets; the first is 0): one pass over its line breaks. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * `lineStarts` of the text asked for last, kept: a spec's warnings are each located (JSON line
 * finding) and then framed (`codeFrame`) in one 2 MB file of 60,000 lines, and each would
 * otherwise count its line breaks from the top again.
 */
export function lineStartsOfLast(text: string): readonly number[] {
  if (last?.text !== text) last = { text, starts: lineStarts(text) };
  return last.starts;
}
let last: { text: string; starts: number[] } | undefined;

/** The 1-based line (and column) of `offset`, by binary search in `starts`. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  const low = lastAtOrBefore(starts, offset);
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** The index of the last of the ascending `sorted` that is <= `value` (0 when none is), by binary search. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
