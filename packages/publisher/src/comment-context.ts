/**
 * Whether a place in the new body is credibly the place a reader's highlight was on (ADR 10): a
 * comment on a short, common word ("token") must not jump to the same word in unrelated text when
 * its own text is gone. The evidence, from strongest: the same paragraph; a highlight long and
 * specific enough to be found again anywhere; the words around it, within its sentence.
 */

/** Words of text (letters, digits, underscore), as compared: lower-cased. */
const WORDS = /[\p{L}\p{N}_]+/gu;
/** Where a sentence ends. */
const SENTENCE_BREAK = /[.!?。！？](?=\s)/;
/** Between a block's text and a nested block's (as `comment-markers` writes it): a sentence ends there too. */
const BLOCK_BREAK = '\u0000';
/** How many words either side of a highlight vouch for its place. */
const NEIGHBOURS = 3;

export interface Neighbours {
  before: string[];
  after: string[];
}

/**
 * Up to three words either side of a highlight (the nearest ones; each side is compared as a set,
 * so a word inserted next to the highlight costs one word, not all), never past its sentence: the
 * sentence before or after is other text, and a word twice in a section is told apart by its own.
 */
export function neighbours(textBefore: string, textAfter: string): Neighbours {
  const sentenceBefore = textBefore.split(BLOCK_BREAK).pop()!.split(SENTENCE_BREAK).pop()!;
  const sentenceAfter = textAfter.split(BLOCK_BREAK)[0]!.split(SENTENCE_BREAK)[0]!;
  return {
    before: words(sentenceBefore).slice(-NEIGHBOURS),
    after: words(sentenceAfter).slice(0, NEIGHBOURS),
  };
}

/**
 * Four words and 20 characters: a highlight that specific is the same text wherever it is found on
 * the page (a paragraph moved under another heading and edited keeps its comment); shorter ones are
 * common enough to need their context.
 */
export function isDistinctive(highlight: string): boolean {
  return words(highlight).length >= 4 && highlight.length >= 20;
}

export interface Evidence {
  /** The new place's paragraph (block) reads exactly as the old one did. */
  sameParagraph: boolean;
  /** It comes under a heading of the same text. */
  sameSection: boolean;
  distinctive: boolean;
  /** The highlight's neighbours on the live page, and at the new place. */
  was: Neighbours;
  is: Neighbours;
}

/**
 * Enough agrees: under the same heading, at least half the old neighbours are still there (an
 * edited sentence keeps its comment; none to contradict counts as holding); under another heading,
 * two thirds of them and at least two (the words moved with it, not just the word itself).
 */
export function credible(evidence: Evidence): boolean {
  if (evidence.sameParagraph || evidence.distinctive) return true;
  const available = evidence.was.before.length + evidence.was.after.length;
  const agree = shared(evidence.was.before, evidence.is.before) + shared(evidence.was.after, evidence.is.after);
  return evidence.sameSection ? agree * 2 >= available : agree >= 2 && agree * 3 >= available * 2;
}

function words(text: string): string[] {
  return (text.match(WORDS) ?? []).map((word) => word.toLowerCase());
}

/** How many of `was` are in `is`, each word of `is` counted once. */
function shared(was: string[], is: string[]): number {
  const left = [...is];
  return was.filter((word) => {
    const at = left.indexOf(word);
    if (at !== -1) left.splice(at, 1);
    return at !== -1;
  }).length;
}
