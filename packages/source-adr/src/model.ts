/**
 * The typed model of a folder of architecture decision records, independent of the format each
 * file was written in (adr-tools/Nygard or MADR).
 */
export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** A known lifecycle state, or `unknown` (reported as a warning, shown as written). */
export type AdrStatus = (typeof ADR_STATUSES)[number] | 'unknown';

export interface AdrRecord {
  /**
   * The decision's number, from the file name (`0007-…md`) or the heading (`# 7. …`). A
   * log4brains record, named by date (`20200925-….md`), has none of its own: it is numbered by its
   * date and its place among that day's records (`2020092501`), so that numbers stay unique.
   */
  number: number;
  /**
   * What identifies its page (the key's last segment): the number (`7`), or a log4brains record's
   * file name without `.md`, as log4brains identifies it (two records may share a day).
   */
  id: string;
  /** The number as shown in the log: `7`, or a log4brains record's date `20200925`. */
  label: string;
  title: string;
  status: AdrStatus;
  /** The status as the file writes it, e.g. `Superseded by [ADR 5](0005-x.md)`. */
  statusText: string;
  /**
   * The word that gives the status as the file writes it, when it is not the status's English name
   * (`Approved`, `Akzeptiert`, `In review`): the lozenge shows it, coloured by the status. Absent
   * for `Accepted` and for an unknown status (shown as written all the same).
   */
  statusWord?: string;
  /**
   * The file's 1-based line that says the status (front matter's `status:`, a status line, the first
   * line of a `## Status` section, a history's latest entry), or the title's when none does: where a
   * diagnostic about the status points.
   */
  statusLine?: number;
  /**
   * A status kept as a history (`- 2024-01-02 Proposed`, `- 2024-02-10 Accepted`): its latest entry,
   * which gives the status, and the whole history, `; ` apart, as the file writes them and in its
   * order, a table row by its cells without its header (`statusText` starts with the latest entry).
   * Absent for a status written once.
   */
  statusHistory?: { latest: string; entries: string };
  date?: string;
  /**
   * Front-matter fields for readers besides the status and date, in the file's order: MADR's
   * people (`deciders`, `decision-makers`, `consulted`, `informed`) and a `description`
   * (Backstage's ADRs). Absent when there is none.
   */
  fields?: Array<{ label: string; value: string }>;
  /**
   * How the decision's documentation site names its page, when its front matter says so
   * (Docusaurus' `id` and `slug`, `id: use-postgres`, `slug: /adr/postgres`): what a site-style link
   * (`./use-postgres`, `/docs/adr/postgres`) may name it by. Absent when neither is written.
   */
  site?: SitePageNames;
  /** Absolute path of the Markdown file. */
  file: string;
  /**
   * File name inside the ADR folder, what other ADRs link to; for a decision kept in a folder of its
   * own, its README's path there (`0002/README.md`).
   */
  fileName: string;
  /** The decision's Markdown after its title and metadata lines. */
  body: string;
  /** The file's 1-based line number of each line of `body`, for diagnostics at the author's line. */
  bodyLines: number[];
  /** Numbers of the ADRs that replace this one (from "Superseded by" links, or their "Supersedes"). */
  supersededBy: number[];
  /** Numbers of the ADRs this one replaces. */
  supersedes: number[];
  /** Numbers of the ADRs this one changes without replacing ("Amends [ADR 10](…)"), and that change it. */
  amends: number[];
  amendedBy: number[];
  /**
   * The same relations with decisions of other folders (another category's log, or the top one),
   * by their absolute file path: numbers name the decisions of one folder only. Absent when none.
   */
  elsewhere?: Partial<Record<AdrRelation, string[]>>;
}

/** How one decision changes another: replaced (superseded) or changed in part (amended), from either side. */
export type AdrRelation = 'supersededBy' | 'supersedes' | 'amendedBy' | 'amends';

export interface AdrModel {
  /** Absolute path of the ADR folder. */
  dir: string;
  /** Sorted by number. */
  records: AdrRecord[];
  /**
   * Subfolders of decisions (`backend/0001-….md`), MADR's categories: each numbered on its own,
   * its relations within it. In path order; absent in a model made before categories were read.
   */
  categories?: AdrCategory[];
}

export interface AdrCategory extends AdrModel {
  /** The subfolder's path inside the ADR folder, `/`-separated: `backend`. */
  name: string;
}

/** A site page's names from its front matter: the doc `id` (its URL's last segment) and the `slug` (its URL's path). */
export interface SitePageNames {
  id?: string;
  slug?: string;
}
