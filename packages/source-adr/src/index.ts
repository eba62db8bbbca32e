import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSource, loadYamlParser } from '@docgen/core';
import { extractAdrs } from './extract.js';
import type { AdrModel } from './model.js';
import { renderAdrs } from './render.js';

export interface AdrOptions {
  /** Folder of ADR Markdown files, relative to the config file. */
  dir: string;
  /** Title of the ADR log page (default "Architecture decision records"). */
  title?: string;
  /** Page-key segment: `<key>` for the log, `<key>/<number>` per decision (default "adr"). */
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
      description: 'Folder of ADR Markdown files (adr-tools/Nygard or MADR), relative to the config file',
    },
    title: {
      type: 'string',
      minLength: 1,
      default: 'Architecture decision records',
      description: 'Title of the ADR log page',
    },
    key: {
      type: 'string',
      pattern: '^[a-z0-9._-]+$',
      default: 'adr',
      description: 'Stable page-key segment: <key> and <key>/<number>',
    },
    labels: { type: 'array', items: { type: 'string', pattern: '^[^\\s]+$' } },
  },
} as const;

/** The ADR source plugin: a folder of decisions → AdrModel → an ADR log page with one child per decision. */
export const source = defineSource<AdrOptions, AdrModel>({
  name: 'adr',
  description: 'Architecture decision records (adr-tools/Nygard or MADR) as an ADR log and one page per decision',
  optionsSchema: optionsSchema as unknown as Record<string, unknown>,
  templatesDir: fileURLToPath(new URL('../templates', import.meta.url)),
  async extract({ options, cwd, origin, report }) {
    await loadYamlParser(); // front matter is YAML
    return extractAdrs(resolve(cwd, options.dir), { report, origin: origin('dir') });
  },
  render(model, { options, templates }) {
    return renderAdrs(model, templates, options);
  },
});

export default source;
export { extractAdrs, type ExtractAdrOptions } from './extract.js';
export { parseAdr } from './parse-adr.js';
export { classifyStatus } from './status-words.js';
export { linkedFileName, siteLinkTarget } from './links.js';
export { renderAdrs, rewriteAdrLinks, statusLozenge, adrTitle, type RenderAdrOptions } from './render.js';
export { ADR_STATUSES } from './model.js';
export type * from './model.js';
