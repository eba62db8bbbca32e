import { readFileSync } from 'node:fs';
import {
  contentHash,
  DocgenError,
  parentsFirst,
  validatePageTree,
  type PageTree,
  type SourceLocation,
} from '@docgen/core';
import type { Converter } from './converter.js';
import type { DesiredPage } from './plan.js';
import { desiredPageHash } from './state.js';

export interface DesiredOptions {
  converter: Converter;
  /** Prepended to every title (`[API] `), so several doc sets can share a space. */
  titlePrefix?: string;
  /** Labels added to every page. */
  labels?: string[];
}

/** The page tree as docgen wants it in Confluence: final titles, storage bodies, hashes. */
export function desiredPages(tree: PageTree, options: DesiredOptions): DesiredPage[] {
  validatePageTree(tree);
  refuseLongTitles(tree.pages, options.titlePrefix ?? '');
  const treeTitles = new Set(tree.pages.map((page) => page.title));
  return parentsFirst(siblingOrder(tree.pages)).map((page) => {
    const rendered = page.storage ?? options.converter.toStorage(page.markdown);
    const storage = options.titlePrefix ? prefixLinks(rendered, treeTitles, options.titlePrefix) : rendered;
    refuseOversized(page.key, storage);
    const normalized = options.converter.normalizeStorage(storage);
    const bodyHash = contentHash(normalized);
    const title = `${options.titlePrefix ?? ''}${page.title}`;
    const labels = [...new Set([...(options.labels ?? []), ...page.labels].map(labelName).filter(Boolean))].sort();
    const attachments = page.attachments.map((a) => ({
      fileName: a.fileName,
      mediaType: a.mediaType,
      hash: a.contentHash || (a.data ? contentHash(a.data) : ''),
      data: a.data,
      path: a.path,
    }));
    return {
      key: page.key,
      title,
      parentKey: page.parentKey,
      storage,
      normalized,
      bodyHash,
      labels,
      attachments,
      hash: desiredPageHash({ title, parentKey: page.parentKey, bodyHash, labels, attachments }),
      source: page.source,
      ...(page.titleUnderOutsideParent && {
        titleUnderParent: { titlePrefix: options.titlePrefix ?? '', ...page.titleUnderOutsideParent },
      }),
      ...(page.nestUnderSourceOf && { underSourceOf: page.nestUnderSourceOf }),
    };
  });
}

/**
 * Links between pages name their target by title (`<ri:page ri:content-title="…">`), and the
 * renderer knows the titles without the prefix: a link to a page of the tree gets the prefix its
 * page is published with, else it points at a page that does not exist. Links to other pages (not
 * in the tree, or in another space) are left as written.
 */
function prefixLinks(storage: string, treeTitles: ReadonlySet<string>, prefix: string): string {
  return storage.replace(/<ri:page\b[^>]*>/g, (element) => {
    if (/\sri:space-key=/.test(element)) return element;
    return element.replace(/(\sri:content-title=")([^"]*)"/, (attribute, start: string, value: string) =>
      treeTitles.has(unescapeAttribute(value)) ? `${start}${escapeAttribute(prefix)}${value}"` : attribute,
    );
  });
}

const ATTRIBUTE_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeAttribute(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi,
    (entity, hex?: string, decimal?: string, name?: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (decimal) return String.fromCodePoint(Number(decimal));
      return ATTRIBUTE_ENTITIES[name!] ?? entity;
    },
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Confluence answers 413 to a page whose request body is over 5 MB. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * A page Confluence would refuse stops the run before anything is sent, instead of failing with
 * 413 halfway through and leaving the space half-published. The body travels as a JSON string,
 * so that is what is measured.
 */
function refuseOversized(key: string, storage: string): void {
  if (storage.length * 3 < MAX_BODY_BYTES) return; // no string this short can be too big as UTF-8 JSON
  const bytes = Buffer.byteLength(JSON.stringify(storage), 'utf8');
  if (bytes <= MAX_BODY_BYTES) return;
  throw new DocgenError({
    code: 'DG_PAGE_TOO_LARGE',
    message: `page "${key}" is ${(bytes / 1024 / 1024).toFixed(1)} MB of storage; Confluence rejects a page body over 5 MB`,
    hint: 'split it into several pages (the openapi plugin: a lower operationsPerPage or schemasPerPage); nothing was published',
  });
}

/** Confluence refuses a longer page title with a 400 ("Title cannot be longer than 255 characters."). */
export const MAX_TITLE_LENGTH = 255;

/**
 * A title Confluence would refuse, found before anything is sent: else its create failed halfway
 * through the run. Not shortened: a cut title may read wrong, and two cut alike would clash.
 */
function refuseLongTitles(pages: PageTree['pages'], prefix: string): void {
  const tooLong = pages.filter((page) => prefix.length + page.title.length > MAX_TITLE_LENGTH);
  const [first] = tooLong;
  if (!first) return;
  const others = tooLong.slice(1).map((page) => `"${page.key}"`);
  const room = prefix ? `; the title prefix "${prefix}" takes ${prefix.length} of them` : '';
  throw new DocgenError({
    code: 'DG_PAGE_TITLE_TOO_LONG',
    message:
      `page "${first.key}" has a title of ${prefix.length + first.title.length} characters: Confluence refuses a title over ${MAX_TITLE_LENGTH}` +
      (others.length ? ` (so do ${others.length === 1 ? 'the page' : 'the pages'} ${others.join(', ')})` : ''),
    location: titleLocation(first),
    hint: `shorten it to ${MAX_TITLE_LENGTH} characters where its source writes it (an ADR's heading, a spec's summary or tag, a plugin's title option)${room}; nothing was published`,
  });
}

/**
 * Where a page's title is written: its source file, at the first line holding the title's end (the
 * start may differ, `ADR 2: …` for `# 2. …`). The file only where no line holds it.
 */
function titleLocation(page: PageTree['pages'][number]): SourceLocation | undefined {
  const file = page.source?.file;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { file }; // a folder (an ADR log's), or a file the rendered folder names from elsewhere
  }
  const tail = page.title.slice(-60);
  const index = text.split('\n').findIndex((line) => line.includes(tail));
  return index < 0 ? { file } : { file, line: index + 1 };
}

/** Confluence labels are lower-case, hold no spaces and none of `:;,.?&[]()#^*@!`. */
export function labelName(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[:;,.?&[\]()#^*@!]/g, '')
    .slice(0, 255);
}

/** Siblings by `position` (lower first); siblings without one keep their tree order after them. */
function siblingOrder(pages: PageTree['pages']): PageTree['pages'] {
  if (!pages.some((p) => p.position !== undefined)) return pages;
  // Each parent's children are sorted among themselves and put back into the slots they held.
  const groups = new Map<string | undefined, number[]>();
  pages.forEach((page, index) => groups.set(page.parentKey, [...(groups.get(page.parentKey) ?? []), index]));
  const out = [...pages];
  for (const slots of groups.values()) {
    const sorted = slots
      .map((index) => pages[index])
      .map((page, order) => ({ page, order }))
      .sort((a, b) => (a.page.position ?? Infinity) - (b.page.position ?? Infinity) || a.order - b.order)
      .map(({ page }) => page);
    slots.forEach((slot, i) => (out[slot] = sorted[i]));
  }
  return out;
}
