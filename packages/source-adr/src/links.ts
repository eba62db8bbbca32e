/**
 * Where a decision's links lead: a relative link to a file (within the folder or across
 * folders), a site-style link as Docusaurus and MkDocs sites write them (`./0005-use-postgres`,
 * `/docs/adr/my-slug`, by file name, front matter id or slug), a slug, and the diagnostics of a link
 * that names nothing. `linkedPath` and `siteLinkTarget` are shared with the renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { codeFrame, DocgenError, type Diagnostic } from '@docgen/core';
import type { SitePageNames } from './model.js';
import type { ParsedAdr, StatusLink } from './records.js';
import { numberPrefix, namingName, NAME_DATE } from './file-names.js';
import { frontMatter } from './front-matter.js';

/** Whether a relative link points at a Markdown file that exists outside the linking file's folder. */
export function elsewhere(href: string, fromFile: string): boolean {
  const target = linkedPath(href, fromFile);
  return !!target && dirname(target) !== dirname(fromFile) && /\.(?:md|markdown)$/i.test(target) && existsSync(target);
}

/** The absolute path a relative link of `fromFile` points to; undefined for a URL or an anchor. */
export function linkedPath(href: string, fromFile: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  let path = href.split('#')[0]!.split('?')[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  return resolve(dirname(fromFile), path);
}

/**
 * The page name a site-style link gives, as Docusaurus and MkDocs sites link decisions, without
 * `.md`: `0005-use-postgres` in `./0005-use-postgres`, `../decisions/0005-use-postgres/`,
 * `/docs/adr/0005-use-postgres`, `0005-use-postgres/index.html`, and a file linked from the
 * repository's root (`/docs/adr/0005-use-postgres.md`). Undefined for a URL, an anchor, a relative
 * link to a Markdown file (read as a file link), or one that names no page (`./`, `..`).
 */
export function siteLinkName(href: string): string | undefined {
  return sitePath(href)?.at(-1);
}

/**
 * The path of the page a site-style link names, as segments (`['docs', 'adr', 'my-slug']` for
 * `/docs/adr/my-slug/`; `['my-id']` for `./my-id`), `.` and `..` left out; undefined as for
 * `siteLinkName`.
 */
function sitePath(href: string): string[] | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  let path = href.split('#')[0]!.split('?')[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  // `/docs/adr/0037-x.md`, from the repository's root as GitHub reads it: named as the site's are.
  if (/\.(?:md|markdown)$/i.test(path) && !path.startsWith('/')) return undefined;
  const segments = path
    .replace(/\.(?:md|markdown)$/i, '')
    .replace(/\/+$/, '')
    .replace(/(?:^|\/)index(?:\.html?)?$/i, '')
    .replace(/\.html?$/i, '')
    .split('/');
  const last = segments.at(-1);
  if (!last || last === '.' || last === '..') return undefined;
  return segments.filter((segment) => segment && segment !== '.' && segment !== '..');
}

/**
 * The one decision file (of `files`, absolute paths) a site-style link names: by its file name
 * without `.md`, else by that name without its number (`use-postgres` for `0005-use-postgres.md`,
 * as Docusaurus drops number prefixes from its URLs). Undefined when none or several match: two
 * folders' `0001-use-x.md` are left as written rather than guessed.
 */
export function siteLinkTarget(
  href: string,
  files: readonly string[],
  namesOf: (file: string) => SitePageNames | undefined = () => undefined,
): string | undefined {
  const path = sitePath(href);
  const name = path?.at(-1);
  if (!path || !name) return undefined;
  const stem = (file: string) => basename(file).replace(/\.(?:md|markdown)$/i, '');
  const only = (matches: string[]) => (matches.length === 1 ? matches[0] : undefined);
  const exact = files.filter((file) => stem(file) === name);
  if (exact.length) return only(exact);
  // Docusaurus' front matter renames the page: `id: my-id` (`./my-id`), `slug: /adr/my-slug` (`/docs/adr/my-slug`).
  const renamed = files.filter((file) => namedBySite(path, namesOf(file)));
  if (renamed.length) return only(renamed);
  // `/adr/ADR-52`: a site that serves each decision at its number (decentraland/adr).
  const number = /^adr[-_ ]?0*(\d+)$/i.exec(name)?.[1];
  const numbered = number ? files.filter((file) => numberPrefix(basename(file)) === number) : [];
  if (numbered.length) return only(numbered);
  return only(files.filter((file) => stem(file).replace(DOCUSAURUS_NUMBER_PREFIX, '') === name));
}

/**
 * Whether a link's path names the page its front matter names: its last segment is the `id`, or
 * it and the `slug` end alike, the shorter one being the other's end (`/docs/adr/my-slug` and
 * `./my-slug` both name `slug: /adr/my-slug`, as the site serves it under its docs path).
 */
function namedBySite(path: string[], names: SitePageNames | undefined): boolean {
  if (!names) return false;
  if (names.id && path.at(-1) === names.id.split('/').pop()) return true;
  const slug = names.slug?.split('/').filter((segment) => segment && segment !== '.');
  if (!slug?.length) return false;
  const [shorter, longer] = slug.length <= path.length ? [slug, path] : [path, slug];
  return shorter.every((segment, i) => segment === longer[longer.length - shorter.length + i]);
}

/** The `id` and `slug` a decision's front matter gives its site's page; undefined without either. */
export function sitePageNames(front: Record<string, unknown>): SitePageNames | undefined {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  const [id, slug] = [text(front.id), text(front.slug)];
  return id || slug ? { ...(id ? { id } : {}), ...(slug ? { slug } : {}) } : undefined;
}

/**
 * The site names of a decision file, from its front matter alone (a link may name a decision of a
 * folder not read yet); none when it has no front matter or one parseAdr will report.
 */
export function sitePageNamesOfFile(file: string): SitePageNames | undefined {
  try {
    return sitePageNames(frontMatter(file, readFileSync(file, 'utf8').split(/\r?\n/), new Set()).value);
  } catch {
    return undefined;
  }
}

/** The number prefix Docusaurus drops from a doc's id and URL: `0005-`, `01_`, `2. `. */
const DOCUSAURUS_NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;

/** The file name inside `dir` a relative link points to, or undefined when it leaves the folder. */
export function linkedFileName(href: string, fromFile: string, dir: string): string | undefined {
  const target = linkedPath(href, fromFile);
  if (!target) return undefined;
  const inside = relative(dir, target);
  return inside && !inside.includes('/') && !inside.includes('\\') && !inside.startsWith('..') ? inside : undefined;
}

export function missingLink(adr: ParsedAdr, link: StatusLink, files: string[]): DocgenError {
  const what = typeof link.target === 'number' ? `ADR ${link.target}` : link.target;
  const verb = {
    supersededBy: 'is superseded by',
    supersedes: 'supersedes',
    amendedBy: 'is amended by',
    amends: 'amends',
  }[link.relation];
  return new DocgenError({
    code: 'DG_ADR_LINK',
    message: `ADR ${adr.record.label} says it ${verb} ${what}, which is not an ADR in this folder`,
    location: { file: adr.record.file, line: link.line },
    excerpt: codeFrame(readFileSync(adr.record.file, 'utf8'), link.line),
    hint: `link to one of the ADR files (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}), or remove the link`,
  });
}

/** `Use PostgreSQL for orders` → `use-postgresql-for-orders`: a title as a slug, as sites and tools make them. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The folder's decision a slug names (`use-rest`), compared as slugs: the one whose name without its
 * number (the file's, or a decision folder's) is it, else the one whose title's slug is it, as a
 * name is what a slug is made from first; none when several are.
 */
export function slugResolver(parsed: ParsedAdr[]): (slug: string) => ParsedAdr | undefined {
  const nameSlugs = (adr: ParsedAdr) => {
    const stem = namingName(adr.record.fileName).replace(/\.(?:md|markdown)$/i, '');
    return [stem, stem.replace(NAME_DATE, '').replace(DOCUSAURUS_NUMBER_PREFIX, '')].map(slugOf);
  };
  const only = (matches: ParsedAdr[]) => (matches.length === 1 ? matches[0] : undefined);
  return (slug) => {
    const wanted = slugOf(slug);
    const byName = parsed.filter((adr) => nameSlugs(adr).includes(wanted));
    if (byName.length) return only(byName);
    return only(parsed.filter((adr) => slugOf(adr.record.title) === wanted));
  };
}

/** The warning for a front matter's slug that names no decision: at its line, with what to write. */
export function slugNamesNone(adr: ParsedAdr, link: StatusLink): Diagnostic {
  return {
    code: 'DG_ADR_LINK',
    severity: 'warning',
    message: `${adr.record.fileName}'s front matter says ${link.slugKey}: "${link.target}", which names no decision: not shown as a relation`,
    location: { file: adr.record.file, line: link.line },
    hint: `write the decision's number (${link.slugKey}: 5, or ADR-0005), its file name (${link.slugKey}: 0005-….md) or its slug (the file name without its number, or the title's slug)`,
  };
}
