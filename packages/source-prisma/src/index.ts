import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSource } from '@docgen/core';
import { extractPrisma } from './extract.js';
import type { PrismaModel } from './model.js';
import { renderPrisma } from './render.js';
import { erdDiagrams } from './erd.js';

export interface PrismaOptions {
  /** The schema: a schema.prisma file or a folder of .prisma files, relative to the config file. */
  schema: string;
  /** Title of the overview page (default "Data model"); model pages are "<title>: <Model>". */
  title?: string;
  /** Page-key segment: `<key>`, `<key>/model/<name>`, `<key>/enums` (default "data-model"). */
  key?: string;
  labels?: string[];
  /** Draw the entity-relationship diagram (an SVG attached to the overview; default true). */
  erd?: boolean;
}

export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema'],
  properties: {
    schema: {
      type: 'string',
      minLength: 1,
      description:
        'A schema.prisma file, or a folder of .prisma files (multi-file schema), relative to the config file',
    },
    title: { type: 'string', minLength: 1, default: 'Data model', description: 'Title of the overview page' },
    key: {
      type: 'string',
      pattern: '^[a-z0-9._-]+$',
      default: 'data-model',
      description: 'Stable page-key segment: <key>, <key>/model/<name>, <key>/enums',
    },
    labels: { type: 'array', items: { type: 'string', pattern: '^[^\\s]+$' } },
    erd: {
      type: 'boolean',
      default: true,
      description: 'Draw the entity-relationship diagram (SVG, attached to the overview page)',
    },
  },
} as const;

/** The Prisma source plugin: schema → PrismaModel → an overview with relationships, a page per model, the enums. */
export const source = defineSource<PrismaOptions, PrismaModel>({
  name: 'prisma',
  description: 'A Prisma schema as a data-model overview (models, relationships, enums) with one page per model',
  optionsSchema: optionsSchema as unknown as Record<string, unknown>,
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  extract({ options, cwd, origin, report }) {
    return extractPrisma(resolve(cwd, options.schema), { origin: origin('schema'), report });
  },
  async render(model, { options, templates, cwd }) {
    const erd = options.erd === false || !model.models.length ? undefined : await erdDiagrams(model);
    return renderPrisma(model, templates, { ...options, cwd, erd });
  },
});

export default source;
export {
  extractPrisma,
  formatDefault,
  schemaFiles,
  withoutConnectionUrls,
  type ExtractPrismaOptions,
} from './extract.js';
export { renderPrisma, ERD_FILE, type RenderPrismaOptions } from './render.js';
export { erdAreas, erdDiagrams, erdDot, erdSvg, FULL_COLUMNS_UP_TO, type ErdArea, type ErdDiagram } from './erd.js';
export type * from './model.js';
