/**
 * What reading one decision file gives before its folder is read (its record, its status links
 * still to resolve, the fields found under its title): the types every reader of a file shares, apart
 * so that the readers depend on them and not on each other.
 */
import type { AdrRecord, AdrRelation } from './model.js';

export interface StatusLink {
  relation: AdrRelation;
  /** A file link target, or an ADR number written as text ("ADR 5"). */
  target: string | number;
  line: number;
  /**
   * A front matter's value (`superseded_by: 9`). A number in a line's text (`Superseded by ADR-0008`,
   * `Replaced by #12`) that the folder does not hold may name a decision kept elsewhere, or removed,
   * so it is a warning; a front matter's field names one of this folder, so it is an error.
   */
  inFrontMatter?: true;
  /**
   * The front-matter key of a value that names a decision by its slug (`superseded_by: use-rest`):
   * the file name without its number, or the title's slug. One that names none is a warning.
   */
  slugKey?: string;
}

export interface ParsedAdr {
  record: AdrRecord;
  /** Line of the title heading (1-based). */
  line: number;
  /** Line the date is written at (1-based), when a line of the file gives it. */
  dateLine?: number;
  links: StatusLink[];
  /** The file is written in a language whose dates are day first (`## Kontext`, `Akzeptiert`): 07.08.2026 is 7 August. */
  dayFirstLanguage: boolean;
  /** Its status line says a part of it only is replaced (`Accepted (superseded by ADR 10 for secrets)`): it stands. */
  partlySuperseded?: boolean;
}

export type InlineFields = Partial<Record<'status' | 'date', { text: string; line: number }>> & {
  /** Relations written as fields under the title (`- Supersedes: ADR-0014`, `| Supersedes | ADR-3 |`). */
  relations?: StatusLink[];
  /** The other rows of a metadata table (`| Deciders | Ana, Bo |`), shown in the header as written. */
  fields?: Array<{ label: string; value: string }>;
  /**
   * The 0-based header line of a table of fields by columns that lost columns to the header: what
   * is left of it (`| Created | Author(s) |`) is a table of fields still, whatever its columns.
   */
  columnTable?: number;
};
