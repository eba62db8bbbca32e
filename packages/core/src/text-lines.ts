/** Where each line of `text` starts (offsets; the first is 0): one pass over its line breaks. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

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
