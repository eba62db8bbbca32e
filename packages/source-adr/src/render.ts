import {
  attachLinkedFiles,
  embeddedLines,
  pageFileStem,
  pageKey,
  rewriteLinks,
  type Page,
  type PageAttachment,
  type PageTree,
  type TemplateRenderer,
} from '@docgen/core';
import { basename, dirname, resolve } from 'node:path';
import { DATES } from './dates.js';
import { linkedPath, siteLinkTarget } from './links.js';
import type { AdrModel, AdrRecord, AdrRelation, AdrStatus, SitePageNames } from './model.js';

/**
 * Model → pages:
 *
 *   Architecture decision records      log.hbs      table: number, decision, status, date, superseded by
 *   ├── ADR-0001: <title>              record.hbs   status, date, relations, then the ADR's own body
 *   └── …
 *
 * Keys are `<key>/<number>` (default `adr/7`), so retitling a decision updates the same page.
 * Links between ADR files (`[…](0002-x.md#y)`) are rewritten to the child pages' files, which the
 * converter turns into Confluence page links.
 */
export interface RenderAdrOptions {
  title?: string;
  key?: string;
  labels?: string[];
}

/** Status → lozenge colour (the converter accepts Grey, Red, Yellow, Green, Blue, Purple). */
const COLOURS: Record<AdrStatus, string> = {
  proposed: 'Blue',
  accepted: 'Green',
  rejected: 'Red',
  deprecated: 'Yellow',
  superseded: 'Grey',
  unknown: 'Grey',
};

/** `ADR-0007: Title`; a log4brains record's `ADR-20200925: Title`, by the date it is named by. */
export function adrTitle(record: Pick<AdrRecord, 'number' | 'title'> & { label?: string }): string {
  return `${adrName(record)}: ${record.title}`;
}

/** `ADR-0007` (`ADR-20200925`): a decision as its page's title names it, so the log names it the same. */
function adrName(record: Pick<AdrRecord, 'number'> & { label?: string }): string {
  const label = record.label && record.label !== String(record.number) ? record.label : undefined;
  return `ADR-${label ?? String(record.number).padStart(4, '0')}`;
}

/**
 * What an unknown status's lozenge leaves out: marks and symbols, but no letter of any script
 * (`待定`, `Ожидает`, an accent written apart) and no apostrophe within a word (`decision’s`, `d’arbitrage`, `Won't`).
 */
const NOT_A_WORD = /(?:(?!(?<=\p{L}\p{M}*)['’](?=\p{L}))[^\p{L}\p{M}\p{N} -])+/gu;

/**
 * `:status[Accepted]{colour=Green}`, coloured by the status: the author's own word where it is not
 * the status's name (`:status[Akzeptiert]{colour=Green}`, `Approved`), as the body says it; an
 * unknown status keeps its own first words (its first line's, dates aside), in grey.
 */
export function statusLozenge(record: Pick<AdrRecord, 'status' | 'statusText' | 'statusWord'>): string {
  const label =
    record.status === 'unknown'
      ? record.statusText
          .split(';')[0]!
          .replace(DATES, ' ')
          .replace(NOT_A_WORD, ' ')
          .trim()
          .split(/\s+/)
          .slice(0, 3)
          .join(' ') || 'Unknown'
      : capitalised(record.statusWord ?? record.status);
  return `:status[${label}]{colour=${COLOURS[record.status]}}`;
}

/** `approved` → `Approved`, as the status names are shown; `採用` as it is. */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function renderAdrs(model: AdrModel, templates: TemplateRenderer, options: RenderAdrOptions = {}): PageTree {
  const root = pageKey(options.key ?? 'adr');
  const title = options.title ?? 'Architecture decision records';
  const categories = (model.categories ?? []).map((category) => ({
    category,
    key: `${root}/${category.name
      .split('/')
      .map((part) => pageKey(part))
      .join('/')}`,
  }));
  // Every decision's page by its source file: a link from one folder's decision to another's
  // (`../frontend/0002-x.md`) points at its page, as a link within a folder does, and so does a
  // relation across folders.
  const pageByPath: PageByPath = new Map(
    [
      { records: model.records, key: root, name: undefined as string | undefined },
      ...categories.map(({ category, key }) => ({ ...category, key })),
    ].flatMap(({ records, key, name }) =>
      records.flatMap((record) => {
        const page = {
          stem: pageFileStem(recordKey(key, record)),
          site: record.site,
          title: categoryTitle(record, name),
          // In another folder's log, `1 (backend)` or the top folder's `1 (decisions)`: not that log's own ADR 1.
          label: `${record.label} (${name ?? basename(resolve(model.dir))})`,
          // The same in the log's Superseded by column, as the page is titled: `ADR-0001 (backend)`.
          name: `${adrName(record)} (${name ?? basename(resolve(model.dir))})`,
        };
        // A decision kept in a folder of its own (`0002/README.md`) is linked by its folder too (`../0002/`).
        const folder = record.fileName.includes('/') ? [[dirname(record.file), page] as const] : [];
        return [[record.file, page] as const, ...folder];
      }),
    ),
  );
  const pages = renderLog(model, templates, options, pageByPath, {
    key: root,
    title,
    categories: categories.map(({ category, key }) => ({
      name: category.name,
      count: category.records.length,
      link: `./${pageFileStem(key)}.md`,
    })),
  });
  // A subfolder's log is a child of the main one, after its decisions; its decisions' titles
  // name it, so that two "ADR-0001"s of two areas are two pages.
  const last = Math.max(0, ...model.records.map((record) => record.number));
  categories.forEach(({ category, key }, index) =>
    pages.push(
      ...renderLog(category, templates, options, pageByPath, {
        key,
        title: `${title}: ${category.name}`,
        parentKey: root,
        position: last + 1 + index,
        category: category.name,
      }),
    ),
  );
  return { pages };
}

/** A decision's page, by its source file: its file stem, title, and its label in another folder's log (`1 (backend)`, `1 (decisions)`). */
type PageByPath = Map<string, { stem: string; title: string; label: string; name: string; site?: SitePageNames }>;

/** `ADR-0001 (backend): Use CockroachDB`: a category's decisions are titled with it, so that two ADR-0001s are two pages. */
function categoryTitle(record: Pick<AdrRecord, 'number' | 'title' | 'label'>, category: string | undefined): string {
  return category ? adrTitle(record).replace(/^(ADR-[^:]+):/, `$1 (${category}):`) : adrTitle(record);
}

/** A record made before `id` (a template's own extract) is keyed by its number, as it always was. */
function recordKey(logKey: string, record: Pick<AdrRecord, 'id' | 'number'>): string {
  return `${logKey}/${pageKey(record.id ?? String(record.number))}`;
}

/** One folder's log page and its decisions' pages, under `log.key`. */
function renderLog(
  model: AdrModel,
  templates: TemplateRenderer,
  options: RenderAdrOptions,
  pageByPath: PageByPath,
  log: {
    key: string;
    title: string;
    parentKey?: string;
    position?: number;
    category?: string;
    categories?: Array<{ name: string; count: number; link: string }>;
  },
): Page[] {
  const root = log.key;
  const labels = ['adr', ...(options.labels ?? [])];
  const keyOf = (record: Pick<AdrRecord, 'id' | 'number'>) => recordKey(root, record);
  const titleOf = (record: Pick<AdrRecord, 'number' | 'title' | 'label'>) => categoryTitle(record, log.category);
  const byNumber = new Map(model.records.map((record) => [record.number, record]));
  const ref = (number: number) => ({
    number,
    label: byNumber.get(number)!.label ?? String(number),
    name: adrName(byNumber.get(number)!),
    title: titleOf(byNumber.get(number)!),
    link: `./${pageFileStem(keyOf(byNumber.get(number)!))}.md`,
  });
  // A decision of another folder: its page there (`label` names the folder, for the log's column).
  const refElsewhere = (file: string) => {
    const page = pageByPath.get(file)!;
    return { label: page.label, name: page.name, title: page.title, link: `./${page.stem}.md` };
  };
  // This folder's first, by number, then other folders', by path.
  const refs = (record: AdrRecord, relation: AdrRelation) => [
    ...record[relation].map(ref),
    ...(record.elsewhere?.[relation] ?? []).map(refElsewhere),
  ];
  const counts = new Map<string, number>();
  for (const record of model.records) counts.set(record.status, (counts.get(record.status) ?? 0) + 1);

  const views = model.records.map((record) => ({
    ...record,
    pageTitle: titleOf(record),
    link: `./${pageFileStem(keyOf(record))}.md`,
    lozenge: statusLozenge(record),
    supersededBy: refs(record, 'supersededBy'),
    supersedes: refs(record, 'supersedes'),
    amends: refs(record, 'amends'),
    amendedBy: refs(record, 'amendedBy'),
    ...bodyWithAttachments(record, pageByPath),
  }));
  const title = log.title;
  const pages: Page[] = [
    {
      key: root,
      title,
      ...(log.parentKey ? { parentKey: log.parentKey } : {}),
      labels,
      attachments: [],
      markdown: templates.render('log', {
        title,
        records: views,
        count: model.records.length,
        summary: [...counts].map(([status, n]) => `${n} ${status}`).join(', '),
        categories: log.categories ?? [],
      }),
      position: log.position ?? 0,
      source: { plugin: 'adr', file: model.dir },
    },
  ];
  for (const view of views) {
    const markdown = templates.render('record', view);
    pages.push({
      key: keyOf(view),
      title: view.pageTitle,
      parentKey: root,
      position: view.number,
      labels: [...labels, `adr-${view.status}`],
      attachments: view.attachments,
      markdown,
      source: { plugin: 'adr', file: view.file },
      // Rewritten links keep their lines, so what the converter finds in the body is at the ADR's own line.
      embedded: embeddedLines(markdown, view.body, view.file, view.bodyLines),
    });
  }
  return pages;
}

/**
 * The ADR's body with links to other ADR files pointing at their pages, and relative links and
 * images to other existing files (diagrams, specs) turned into attachments of the decision's page.
 */
function bodyWithAttachments(
  record: AdrRecord,
  pageByPath: PageByPath,
): { body: string; attachments: PageAttachment[] } {
  const { markdown, attachments } = attachLinkedFiles(record.body, record.file, {
    map: (href) => {
      const fragment = href.includes('#') ? href.slice(href.indexOf('#')) : '';
      const path = linkedPath(href, record.file);
      // A site's link without `.md` (`./0005-use-postgres`, `/docs/adr/0005-use-postgres/`) names
      // a decision by its file name, when one only has it.
      const page =
        (path && pageByPath.get(path)) ??
        pageByPath.get(siteLinkTarget(href, [...pageByPath.keys()], (file) => pageByPath.get(file)?.site) ?? '');
      return page ? `./${page.stem}.md${fragment}` : undefined;
    },
  });
  return { body: markdown, attachments };
}

/** Core's `rewriteLinks`, under the name this package has exported since its first release. */
export const rewriteAdrLinks = rewriteLinks;
