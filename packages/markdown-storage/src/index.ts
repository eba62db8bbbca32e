// Public API of @docgen/markdown-storage: Markdown → Confluence storage-format XHTML, and back to a
// normalized text form for diffs.
export type { ToStorageOptions, StorageResult } from './options.js';
export { toStorage, convertMarkdown, pageAnchors } from './convert.js';
export { convertMarkdownBatch, convertMarkdownAsync, type BatchInput, type BatchSettings } from './batch.js';
export { closeConverterPool } from './pool.js';
export { converterFingerprint } from './fingerprint.js';
export { normalizeStorage } from './normalize.js';
export { storageToMarkdown } from './to-markdown.js';
export { confluenceAnchor } from './anchors.js';
export { headingSlugs, type HeadingSlug } from './heading-slugs.js';
/** The parser as a unified plugin: `unified().use(markdownParse)`, for remark transformers over the same mdast. */
export { markdownParse } from './parse/index.js';
export { codeLanguage } from './languages.js';
