import { closestName } from '@docgen/core';

/** The candidate nearest to `word` (a mistyped command or flag), if any is within `maxEdits`. */
export function closest(word: string, candidates: readonly string[], maxEdits = 2): string | undefined {
  return closestName(word, candidates, maxEdits);
}
