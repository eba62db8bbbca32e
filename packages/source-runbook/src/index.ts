import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSource, loadSchemaValidator, loadYamlParser } from '@docgen/core';
import { entitySchema, envelopeSchema, extractRunbooks, runbookSchema, systemSchema } from './extract.js';
import type { RunbookModel } from './model.js';
import { renderRunbooks } from './render.js';

export interface RunbookOptions {
  /** Folder searched for catalog-info.yaml files (relative to the config file). */
  dir: string;
  /** Title of the index page (default "Runbooks"). */
  title?: string;
  /** Page-key segment: `<key>` and `<key>/<component name>` (default "runbooks"). */
  key?: string;
  labels?: string[];
}

export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dir'],
  properties: {
    dir: {
      type: 'string',
      minLength: 1,
      description: 'Folder searched for Backstage catalog-info.yaml files (with runbook.yaml / runbook.md beside them)',
    },
    title: { type: 'string', minLength: 1, default: 'Runbooks', description: 'Title of the index page' },
    key: { type: 'string', pattern: '^[a-z0-9._-]+$', default: 'runbooks', description: 'Stable page-key segment' },
    labels: { type: 'array', items: { type: 'string', pattern: '^[^\\s]+$' } },
  },
} as const;

/** The runbook source plugin: service metadata → a runbook index and one runbook per service. */
export const source = defineSource<RunbookOptions, RunbookModel>({
  name: 'runbook',
  description: 'Service metadata (Backstage catalog-info.yaml + runbook.yaml) as one runbook per service',
  optionsSchema: optionsSchema as unknown as Record<string, unknown>,
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  async extract({ options, cwd, origin, report }) {
    // Catalogs are YAML, and each entity is checked against its JSON Schema.
    await Promise.all([
      loadYamlParser(),
      loadSchemaValidator([envelopeSchema, entitySchema, systemSchema, runbookSchema]),
    ]);
    return extractRunbooks(resolve(cwd, options.dir), { report, origin: origin('dir') });
  },
  render(model, { options, templates, cwd }) {
    return renderRunbooks(model, templates, { ...options, cwd });
  },
});

export default source;
export {
  extractRunbooks,
  entitySchema,
  envelopeSchema,
  runbookSchema,
  systemSchema,
  type ExtractRunbookOptions,
} from './extract.js';
export { annotationRows, looksSecret, safeUrl, type AnnotationRow } from './annotations.js';
export { renderRunbooks, type RenderRunbookOptions } from './render.js';
export { ownerName, parseEntityRef } from './refs.js';
export type * from './model.js';
