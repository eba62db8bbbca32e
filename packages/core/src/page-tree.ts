import { closestName, DocgenError } from './diagnostics.js';

/**
 * The page-tree model: what every source plugin renders and what the publisher syncs.
 * A page is identified by its `key`, which is stable across runs and independent of the title,
 * so a renamed page stays the same Confluence page.
 */
export interface PageAttachment {
  /** File name as shown in Confluence; unique within the page. */
  fileName: string;
  mediaType: string;
  /** SHA-256 of the bytes: an unchanged attachment is never uploaded again. */
  contentHash: string;
  /** Bytes of the file (in memory) … */
  data?: Uint8Array;
  /** … or a path to read them from (relative paths resolve against the rendered tree's folder). */
  path?: string;
}

export interface Page {
  /** Stable identity, e.g. `api/petstore/tag/pets`. Unique in the tree. */
  key: string;
  title: string;
  /** Key of the parent page; undefined for a root of the tree. */
  parentKey?: string;
  labels: string[];
  /** Markdown body, produced by the plugin's templates. */
  markdown: string;
  /** Confluence storage-format XHTML, filled by the converter. */
  storage?: string;
  attachments: PageAttachment[];
  /** Position among siblings (lower first); siblings without one keep tree order. */
  position?: number;
  /** Which source produced the page (plugin name and input file), for provenance. */
  source?: { plugin: string; file?: string };
  /**
   * A stretch of the Markdown an author wrote in a file of their own (an ADR's body): what the
   * converter finds there is reported at that file's line, not the generated page's.
   */
  embedded?: EmbeddedLines;
  /** The source's `linkBase`: relative links that are neither pages nor attachments resolve against it. */
  linkBase?: string;
  /**
   * For a page that has no parent: the input file of another source (an absolute path) whose
   * root page it goes under when the run has that source, as a routes page goes under the API
   * reference of the spec it was compared with. `generatePageTree` places it and drops the field;
   * without that source the page stays a root. A run of some sources keeps it (a path from where
   * docgen runs, in `manifest.json`): the publisher puts the page under the doc set's root page made
   * from that file, where a run of the whole config puts it.
   */
  nestUnderSourceOf?: string;
  /**
   * For a page named after the page it ends up under (a routes page under its API reference,
   * "Acme Catalog API: HTTP routes"): the words after the parent's title. Once the tree is placed,
   * `generatePageTree` titles it `<source's titlePrefix><parent's title>: <this>` and drops the
   * field; a page that stays a root keeps its `title`.
   */
  titleUnderParent?: string;
  /**
   * A page named after its parent (`titleUnderParent`) in a run that does not render that parent
   * (`PageTree.outsideParents`, or `nestUnderSourceOf` kept): its source's titlePrefix and the words
   * after the parent's title.
   * The publisher titles it `<prefix><parent's title>: <words>` from the doc set's page of that key,
   * as a run that renders the parent does; its `title` stands where there is no such page.
   */
  titleUnderOutsideParent?: { prefix: string; words: string };
}

/** Page lines `from`, `from + 1`, … are lines `lines[0]`, `lines[1]`, … of `file` (all 1-based). */
export interface EmbeddedLines {
  file: string;
  from: number;
  lines: number[];
}

/**
 * Where `fragment` (text from `file`, its lines numbered by `lines`) landed in a page's rendered
 * `markdown`; undefined when the template did not put it there verbatim.
 */
export function embeddedLines(
  markdown: string,
  fragment: string,
  file: string,
  lines: number[],
): EmbeddedLines | undefined {
  const at = fragment ? markdown.indexOf(fragment) : -1;
  if (at === -1) return undefined;
  let from = 1;
  for (let i = markdown.indexOf('\n'); i !== -1 && i < at; i = markdown.indexOf('\n', i + 1)) from++;
  return { file, from, lines };
}

/** The author's file and line behind line `line` of a page's Markdown, when it is embedded text. */
export function sourceOfPageLine(
  page: Pick<Page, 'embedded'>,
  line: number,
): { file: string; line: number } | undefined {
  const embedded = page.embedded;
  const fileLine = embedded?.lines[line - embedded.from];
  return embedded && fileLine !== undefined ? { file: embedded.file, line: fileLine } : undefined;
}

/**
 * Why a repository's first commit, which names its doc set before it had a remote, is not known:
 * a `shallow` clone (its first commit is the last one fetched), an `unborn` HEAD (no commit yet),
 * `git` could not be run or refused the repository (`detail`: what it said), or a rendered folder
 * is published `outside` any repository (an artifact copied out of its checkout).
 */
export interface FirstCommitMissing {
  missing: 'shallow' | 'unborn' | 'git' | 'outside';
  detail?: string;
}

export interface PageTree {
  pages: Page[];
  /**
   * Rendered from some of a doc set's sources: a publish manages those sources' pages and leaves
   * the rest of the doc set as it is, instead of retiring it as gone. `plugins`: a command of one
   * plugin (`docgen adr`) of a config that has more; its pages are those of its plugins under its
   * top-level pages. `flags`: sources given by flags; its pages are those of its files (see
   * `filesComparable`), and it marks them for the config's runs to leave alone (see `unlisted`).
   */
  partial?: 'plugins' | 'flags';
  /**
   * The doc set is named after the folder docgen ran in (see `docSetOf`), or with no name is that
   * folder's set (the local kind, ADR 11: `docSetFolder`), where the paths of its
   * pages' source files start: within it, one path is one file, so a run of sources given by flags
   * also manages the pages from its files, whose keys may have changed with their source's name.
   */
  filesComparable?: boolean;
  /** The doc set the pages are published as (see `docSetOf`); the publisher derives one without it. */
  docSet?: string;
  /**
   * The folder in its repository the doc set is named after, where the config does not name it
   * (see `docSetOf`): a publish of the rendered folder names the set from the repository's
   * remote then, which may not be the one it had when the folder was rendered. Without a remote,
   * the set named after the tree's keys is the set of this folder (ADR 11, the local kind).
   */
  docSetFolder?: string;
  /**
   * Names `docSet` had before, for the same repository and folder (see `docSetOf`): a set of one of
   * them is this set, and the publisher takes its pages over (a property write) instead of meeting
   * them as another repository's.
   */
  docSetFormerNames?: string[];
  /**
   * For a set named after its repository's remote, the name it had before the repository had one
   * (`first-commit/3f2a1c94e0b7:apps/a`, see `docSetOf`): a former name too, found only when asked,
   * by a walk of the repository's history that a publish needs only for a page recorded under a
   * name so made. Not in the manifest: a publish finds it again in the repository it runs in.
   */
  docSetFirstCommitName?: () => string | FirstCommitMissing;
  /**
   * Sources given by flags that the config does not list: every page the run publishes is marked
   * `fromFlags`, so that a run of the config leaves it alone (where a flag run of a source the
   * config lists leaves the mark as it is, and a run of the config clears it).
   */
  unlisted?: boolean;
  /** A run of sources given by flags with no config file: a fix that would set a config key says to add a config. */
  withoutConfig?: boolean;
  /**
   * In a run of sources given by flags, the paths (from the folder docgen ran in) of those the
   * config lists: their pages are the config's, and are not marked (`unlisted` is the run's).
   */
  listedFiles?: string[];
  /**
   * In a run of sources given by flags that the config does not list, the paths (from the folder
   * docgen ran in) of those that lie in a folder a source of the config renders with the same plugin
   * (`docgen runbook --dir services/catalog` beside the config's `services`): the config's pages of
   * their files are still the config's, which the two runs would write in turn.
   */
  inConfigFolders?: string[];
  /**
   * In a run of some sources, keys of pages it does not render that its pages go under (a routes
   * source's `parent: api/catalog` in `docgen api --routes …`): the publisher puts those pages under
   * the doc set's page of that key, where a run of the whole config puts them.
   */
  outsideParents?: string[];
}

/** Keys that are safe in file names and URLs: lower-case words joined by `/`, `-`, `.` or `_`. */
export function pageKey(...parts: string[]): string {
  return parts.map((part) => slug(part, /[a-z0-9._-]/) || '_').join('/');
}

/**
 * `text` folded to a slug: lower case, Latin accents dropped (`Café` → `cafe`), every run of
 * other characters one `-`, except `kept` ones and the letters and digits of scripts other than
 * Latin, which stay as they are (`پتشاپ`, `注文`): dropping them left every Persian or Japanese
 * title the same slug, and its pages the same key. Latin letters with no ASCII form (`ß`, `ø`)
 * are separators, as they always were, so no existing key changes.
 */
export function slug(text: string, kept: RegExp): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
  let out = '';
  let gap = false;
  for (const character of folded) {
    if (kept.test(character) || (character > '\u007f' && OTHER_SCRIPT.test(character))) {
      if (gap && out) out += '-';
      out += character;
      gap = false;
    } else gap = true;
  }
  return out.replace(/^-+|-+$/g, '');
}
/** A letter, digit or mark of a script other than Latin (and not a symbol or punctuation). */
const OTHER_SCRIPT = /^(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{N}\p{M}]$/u;

/** The flat file stem a page is written under in a rendered folder. */
export function pageFileStem(key: string): string {
  return key.replace(/\//g, '__');
}

/**
 * Check the invariants the publisher relies on: unique keys, parents that exist, no cycles,
 * titles unique case-insensitively (Confluence requires it within a space).
 */
export function validatePageTree(tree: PageTree): void {
  const byKey = new Map<string, Page>();
  const titles = new Map<string, string>();
  for (const page of tree.pages) {
    if (!page.key) throw new DocgenError({ code: 'DG_TREE_KEY', message: `a page titled "${page.title}" has no key` });
    if (byKey.has(page.key)) {
      throw new DocgenError({
        code: 'DG_TREE_DUPLICATE_KEY',
        message: `two pages share the key "${page.key}"`,
        hint: 'page keys identify pages across runs; give each page its own key',
      });
    }
    byKey.set(page.key, page);
    const folded = page.title.trim().toLowerCase();
    const other = titles.get(folded);
    if (other !== undefined) {
      throw new DocgenError({
        code: 'DG_TREE_DUPLICATE_TITLE',
        message: `pages "${other}" and "${page.key}" have the same title "${page.title}"`,
        hint: 'Confluence titles are unique per space (ignoring case); set a title prefix or rename one of them',
      });
    }
    titles.set(folded, page.key);
    if (!page.title.trim()) {
      throw new DocgenError({ code: 'DG_TREE_TITLE', message: `page "${page.key}" has an empty title` });
    }
  }
  const outside = new Set(tree.outsideParents);
  for (const page of tree.pages) {
    if (page.parentKey !== undefined && !byKey.has(page.parentKey) && !outside.has(page.parentKey)) {
      throw new DocgenError({
        code: 'DG_TREE_PARENT',
        message: `page "${page.key}" names parent "${page.parentKey}", which is not in the tree`,
        hint: missingParentHint(page.parentKey, tree.pages),
      });
    }
    const seen = new Set<string>();
    for (let cursor: Page | undefined = page; cursor?.parentKey !== undefined; cursor = byKey.get(cursor.parentKey)) {
      if (seen.has(cursor.key)) {
        throw new DocgenError({ code: 'DG_TREE_CYCLE', message: `page "${page.key}" is its own ancestor` });
      }
      seen.add(cursor.key);
    }
  }
}

/** Pages ordered so that every parent comes before its children (stable otherwise). */
export function parentsFirst(pages: readonly Page[]): Page[] {
  const byKey = new Map(pages.map((page) => [page.key, page]));
  const depth = (page: Page): number => {
    let d = 0;
    for (let p = page; p.parentKey !== undefined && byKey.has(p.parentKey); p = byKey.get(p.parentKey)!) d++;
    return d;
  };
  return pages
    .map((page, index) => ({ page, index, depth: depth(page) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ page }) => page);
}

/**
 * A parent is named by a page key in the config (`parent: api/catalog`), typed by hand: the key
 * probably meant, else the roots to nest under, and where every key is listed.
 */
export function missingParentHint(parentKey: string, pages: Page[]): string {
  const meant = closestName(
    parentKey,
    pages.map((page) => page.key),
    3,
  );
  const roots = pages.filter((page) => page.parentKey === undefined).map((page) => page.key);
  const choose = meant
    ? `did you mean "${meant}"?`
    : roots.length
      ? `the top pages are: ${roots.slice(0, 8).join(', ')};`
      : 'no page of this run has it:';
  return `${choose} set parent to a page key of an earlier source (every key is in the output folder's manifest.json)`;
}
