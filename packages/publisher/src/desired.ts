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
  return parentsFirst(tree.pages).map((page) => {
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
