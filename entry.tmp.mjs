export * as core from '@docgen/core';
export * as openapi from '@docgen/source-openapi';
export * as ms from '@docgen/markdown-storage';
export { default as Handlebars } from 'handlebars';
export { default as Ajv } from 'ajv';
