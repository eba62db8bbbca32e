import { editDistance } from '@docgen/core';

/** The candidate nearest to `word` (a mistyped command or flag), if any is within `maxEdits`. */
export function closest(word: string, candidates: readonly string[], maxEdits = 2): string | undefined {
  return candidates
    .map((candidate) => ({ candidate, edits: editDistance(word, candidate) }))
    .filter(({ edits }) => edits <= maxEdits)
    .sort((a, b) => a.edits - b.edits)[0]?.candidate;
}
