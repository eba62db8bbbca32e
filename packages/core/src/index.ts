export * from './diagnostics.js';
export {
  docSetOf,
  docSetRepository,
  namedAfterFirstCommit,
  renderedDocSet,
  repositoryIdentity,
  repositoryFolderOf,
} from './doc-set.js';
export * from './file-boundary.js';
export * from './folders.js';
export * from './fragment.js';
export * from './hash.js';
export { jsonErrorPosition } from './json-error.js';
export * from './linked-files.js';
export * from './page-tree.js';
export * from './plugin.js';
export * from './rendered-tree.js';
export * from './config.js';
export * from './plugins.js';
export * from './render.js';
export * from './schema-validation.js';
export * from './structured-file.js';
export { lastAtOrBefore, lineStarts, positionIn } from './text-lines.js';
export * from './url-safety.js';
