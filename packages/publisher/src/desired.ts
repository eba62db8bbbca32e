import { contentHash, parentsFirst, validatePageTree, type PageTree } from '@docgen/core';
import type { Converter } from './converter.js';
import type { DesiredPage } from './plan.js';
import { pageHash } from './state.js';

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
  return parentsFirst(siblingOrder(tree.pages)).map((page) => {
    const storage = page.storage ?? options.converter.toStorage(page.markdown);
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
    const attachmentHashes = Object.fromEntries(attachments.map((a) => [a.fileName, a.hash]));
    return {
      key: page.key,
      title,
      parentKey: page.parentKey,
      storage,
      normalized,
      bodyHash,
      labels,
      attachments,
      hash: pageHash({ title, parentKey: page.parentKey, bodyHash, labels, attachments: attachmentHashes }),
      source: page.source,
    };
  });
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
