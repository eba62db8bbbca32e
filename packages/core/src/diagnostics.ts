import { lineStartsOfLast } from './text-lines.js';

/**
 * Every docgen failure a user can act on is a DocgenError: a stable code, what went wrong,
 * where (file:line:column or a JSON pointer), and what to do next. Commands print them all
 * the same way with `formatDiagnostic`.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer into a structured document, e.g. `#/paths/~1pets/get/responses/200`. */
  pointer?: string;
}

export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  location?: SourceLocation;
  /** The next step for the user, in one sentence. */
  hint?: string;
  /** A few lines of the offending source, already framed (e.g. with a caret). */
  excerpt?: string;
  /**
   * For a warning whose message itself says where it is (`api/x/tag/pets: line 12: link to /units …`,
   * a rendered page's line): the message without that place, and the place. Repeats of one problem
   * are told apart from different problems by it (`groupRepeats`); `--json` keeps the message whole.
   */
  placeInMessage?: { rest: string; place: string };
}

export class DocgenError extends Error implements Diagnostic {
  readonly code: string;
  readonly severity = 'error' as const;
  readonly location?: SourceLocation;
  readonly hint?: string;
  readonly excerpt?: string;

  constructor(diagnostic: Omit<Diagnostic, 'severity'>, options?: { cause?: unknown }) {
    super(diagnostic.message, options);
    this.name = 'DocgenError';
    this.code = diagnostic.code;
    this.location = diagnostic.location;
    this.hint = diagnostic.hint;
    this.excerpt = diagnostic.excerpt;
  }

  toJSON(): Diagnostic {
    return {
      code: this.code,
      severity: this.severity,
      message: this.message,
      location: this.location,
      hint: this.hint,
      excerpt: this.excerpt,
    };
  }
}

export function isDocgenError(value: unknown): value is DocgenError {
  return value instanceof DocgenError || (value instanceof Error && value.name === 'DocgenError' && 'code' in value);
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  let text = location.file ?? '';
  if (location.line !== undefined)
    text += `:${location.line}${location.column !== undefined ? `:${location.column}` : ''}`;
  if (location.pointer) text += `${text ? ' ' : ''}at ${location.pointer}`;
  return text;
}

/** `error DG_CODE file:line — message` followed by the excerpt and the hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = formatLocation(diagnostic.location);
  const lines = [`${diagnostic.severity} ${diagnostic.code}${where ? ` ${where}` : ''}: ${diagnostic.message}`];
  if (diagnostic.excerpt) lines.push(diagnostic.excerpt);
  if (diagnostic.hint) lines.push(`  → ${diagnostic.hint}`);
  return lines.join('\n');
}

/** A warning and its repeats elsewhere, in the order they were reported. */
export interface RepeatedDiagnostic {
  diagnostic: Diagnostic;
  repeats: Diagnostic[];
}

/**
 * Warnings that are one problem at several places, grouped under the first (a dead link pasted
 * into 64 descriptions is one thing to fix, and 64 blocks hide the one other warning of the run).
 * The same problem: the same code, message (apart from a place it names, `placeInMessage`) and
 * hint. A message naming an operation or a schema (`GET /a: no path parameter declares {id}`) is
 * a different problem for each: each needs its own fix, so it is not grouped. Errors never are.
 * Groups keep the order of their first warning.
 */
export function groupRepeats(diagnostics: readonly Diagnostic[]): RepeatedDiagnostic[] {
  const groups: RepeatedDiagnostic[] = [];
  const byProblem = new Map<string, RepeatedDiagnostic>();
  for (const diagnostic of diagnostics) {
    const problem = diagnostic.severity === 'warning' ? problemKey(diagnostic) : undefined;
    const group = problem === undefined ? undefined : byProblem.get(problem);
    if (group) {
      group.repeats.push(diagnostic);
      continue;
    }
    const first = { diagnostic, repeats: [] };
    groups.push(first);
    if (problem !== undefined) byProblem.set(problem, first);
  }
  return groups;
}

function problemKey(diagnostic: Diagnostic): string {
  const message = diagnostic.placeInMessage?.rest ?? diagnostic.message;
  return JSON.stringify([diagnostic.code, message, diagnostic.hint ?? '']);
}

/**
 * Where a diagnostic is, for a list of places: its file:line (the JSON pointer only without one:
 * it doubles the length of each entry), else the place its message names.
 */
export function placeOf(diagnostic: Diagnostic): string {
  const { location } = diagnostic;
  const hasLine = location?.file !== undefined || location?.line !== undefined;
  return (
    formatLocation(hasLine ? { ...location, pointer: undefined } : location) || diagnostic.placeInMessage?.place || ''
  );
}

/** Columns of a framed line shown by default: a terminal's width, with room for the gutter. */
const FRAME_WIDTH = 120;

/**
 * Frame line `line` (1-based) of `text` with its neighbours and a caret under `column`. Lines
 * longer than `clipAt` show only the stretch around the column, between `…`: a spec's description
 * is often one JSON string of several thousand characters on one line.
 */
export function codeFrame(text: string, line: number, column = 1, context = 2, clipAt = FRAME_WIDTH): string {
  const first = Math.max(1, line - context);
  const { lines: shown, caret } = clipped(linesOf(text, first, line + context), column, clipAt);
  const last = first + shown.length - 1;
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${shown[n - first]}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, caret - 1))}^`);
  }
  return out.join('\n');
}

/** The same stretch of each line (so they stay aligned), starting a little before `column`. */
function clipped(lines: string[], column: number, clipAt: number): { lines: string[]; caret: number } {
  if (lines.every((line) => line.length <= clipAt)) return { lines, caret: column };
  const start = Math.max(0, column - 1 - Math.floor(clipAt / 3));
  const lead = start > 0 ? '…' : '';
  return {
    lines: lines.map((line) => `${lead}${line.slice(start, start + clipAt)}${line.length > start + clipAt ? '…' : ''}`),
    caret: column - start + lead.length,
  };
}

/** Lines `first` to `last` (1-based) of `text`, fewer where it ends first. */
function linesOf(text: string, first: number, last: number): string[] {
  const starts = lineStartsOfLast(text);
  const lines: string[] = [];
  for (let n = first; n <= Math.min(last, starts.length); n++) {
    const end = n < starts.length ? starts[n]! - 1 : text.length;
    lines.push(text.slice(starts[n - 1], end).replace(/\r$/, ''));
  }
  return lines;
}
/**
 * Edit distance: how many letters to change, add or drop, or neighbours to swap, to turn one word
 * into the other (optimal string alignment). For "did you mean …?" hints (a misspelt command, flag,
 * key or Backstage kind). Two swapped letters count as one slip, as people make it: with plain
 * Levenshtein, `spce` was two edits from `spec`, too far for a four-letter key to get a hint.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let edits = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        edits = Math.min(edits, beforePrevious[j - 2]! + 1);
      current.push(edits);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `word`, if any is within `maxEdits` (for "did you mean …?"). One that
 * differs only in case wins outright: `Limit` for `limit` is the likeliest slip of all.
 */
export function closestName(word: string, candidates: Iterable<string>, maxEdits = 2): string | undefined {
  let best: { candidate: string; edits: number } | undefined;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower && candidate !== word) return candidate;
    if (Math.abs(candidate.length - word.length) > maxEdits) continue;
    const edits = editDistance(word, candidate);
    if (edits <= maxEdits && (!best || edits < best.edits)) best = { candidate, edits };
  }
  return best?.candidate;
}
