import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineSource } from '@docgen/core';
import { extractApi } from './extract.js';
import { loadSpec } from './load.js';
import type { ApiModel } from './model.js';
import { renderApi } from './render.js';

export interface OpenApiOptions {
  /** The root spec file (YAML or JSON), relative to the config file. */
  spec: string;
  title?: string;
  key?: string;
  prefixTitles?: boolean;
  attachSpec?: boolean;
  schemasPerPage?: number;
  operationsPerPage?: number;
  labels?: string[];
}

export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['spec'],
  properties: {
    spec: {
      type: 'string',
      minLength: 1,
      description: 'OpenAPI 3.x or Swagger 2.0 file (YAML or JSON), relative to the config file',
    },
    title: { type: 'string', minLength: 1, description: 'Title of the API overview page (default: info.title)' },
    key: {
      type: 'string',
      pattern: '^[a-z0-9._-]+$',
      description: 'Stable page-key segment: api/<key>/… (default: slug of the title)',
    },
    prefixTitles: { type: 'boolean', default: true, description: 'Prefix tag/schema page titles with the API title' },
    attachSpec: { type: 'boolean', default: true, description: 'Attach the spec file(s) to the overview page' },
    schemasPerPage: { type: 'integer', minimum: 10, default: 120 },
    operationsPerPage: {
      type: 'integer',
      minimum: 10,
      default: 100,
      description: 'Operations on a tag (or webhooks) page before it is split into pages by path',
    },
    labels: { type: 'array', items: { type: 'string', pattern: '^[^\\s]+$' } },
  },
} as const;

/** The OpenAPI source plugin: spec → ApiModel → overview, tag, webhook and schema pages. */
export const source = defineSource<OpenApiOptions, ApiModel>({
  name: 'openapi',
  description: 'API reference from an OpenAPI 3.0/3.1 or Swagger 2.0 spec',
  optionsSchema: optionsSchema as unknown as Record<string, unknown>,
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  async extract({ options, cwd, origin, report }) {
    return extractApi(await loadSpec(resolve(cwd, options.spec), { origin: origin('spec') }), { report });
  },
  render(model, { options, templates }) {
    return renderApi(model, templates, options);
  },
});

export default source;
export { extractApi, type ExtractApiOptions } from './extract.js';
export { OTHER_TAG } from './tags.js';
export { loadSpec, SpecSet, isRef, type LoadSpecOptions, type SpecPointer } from './load.js';
export { pathShape, pathTemplates } from './path-template.js';
export { renderApi, type RenderOptions } from './render.js';
export type * from './model.js';
