export * from './diagnostics.js';
export * from './hash.js';
export * from './page-tree.js';
export * from './plugin.js';
export * from './rendered-tree.js';
