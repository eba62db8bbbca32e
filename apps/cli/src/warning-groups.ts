import { formatDiagnostic, groupRepeats, placeOf, type Diagnostic } from '@docgen/core';

/** How many places of a repeated warning its summary line names. */
const PLACES_LISTED = 5;

export interface WarningPrintOptions {
  /** Every warning in full, each on its own, none left out. */
  verbose?: boolean;
  /** How many problems are printed before the rest are counted (every one when absent). */
  limit?: number;
  /** What the command offers to see every place (default: its --verbose and --json). */
  seeAll?: string;
  /** How one warning prints (default: `formatDiagnostic`). */
  format?: (warning: Diagnostic) => string;
}

/**
 * The blocks to print for a run's warnings, in the order they came: a problem repeated at several
 * places prints once, followed by `… and 63 more at file:line, …` (compilers do the same: rustc's
 * "N warnings emitted", eslint's one line per rule). `--json` is not printed from here: it lists
 * every warning with its place.
 */
export function warningBlocks(warnings: readonly Diagnostic[], options: WarningPrintOptions): string[] {
  const format = options.format ?? formatDiagnostic;
  const seeAll = options.seeAll ?? '--verbose prints each, --json lists them all';
  if (options.verbose) return warnings.map(format);
  const groups = groupRepeats(warnings);
  const shown = groups.slice(0, options.limit ?? groups.length);
  const blocks = shown.map(({ diagnostic, repeats }) =>
    [format(diagnostic), repeatsLine(diagnostic, repeats, seeAll)].filter(Boolean).join('\n'),
  );
  const hidden = groups.slice(shown.length).reduce((count, group) => count + 1 + group.repeats.length, 0);
  if (hidden) blocks.push(`… and ${hidden} more warning${hidden === 1 ? '' : 's'} (${seeAll})`);
  return blocks;
}

/** `  … and 63 more at a.yaml:12:3, a.yaml:40:3, … (the first 5; --verbose prints each)`. */
function repeatsLine(first: Diagnostic, repeats: readonly Diagnostic[], seeAll: string): string | undefined {
  if (!repeats.length) return undefined;
  const places = distinctPlaces(first, repeats);
  const listed = places.slice(0, PLACES_LISTED);
  const at = listed.length ? ` at ${listed.join(', ')}` : '';
  const rest = places.length > listed.length ? ` (the first ${listed.length}; ${seeAll})` : '';
  return `  … and ${repeats.length} more${at}${rest}`;
}

/**
 * Each repeat's place; one whose file:line an earlier one has (one description's dead link, shown
 * on two generated pages) by the place its message names instead, the page: else the list says
 * `a.yaml:8:26, a.yaml:8:26`.
 */
function distinctPlaces(first: Diagnostic, repeats: readonly Diagnostic[]): string[] {
  const seen = new Set([placeOf(first)]);
  return repeats
    .map((repeat) => {
      const place = placeOf(repeat);
      if (seen.has(place)) return repeat.placeInMessage?.place ?? place;
      seen.add(place);
      return place;
    })
    .filter(Boolean);
}
