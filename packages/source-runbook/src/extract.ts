/**
 * Service metadata → RunbookModel. Each service is described where platform teams already keep
 * it: a Backstage `catalog-info.yaml` (a `Component`: name, owner, lifecycle, links,
 * dependencies), with a `runbook.yaml` beside it for what the catalog has no place for (on-call,
 * dashboards, SLOs, alerts and their response steps, procedures) and an optional free-form
 * `runbook.md`. Every file is validated; errors name the file, the line and the key.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DocgenError, parseStructured, validateAgainstSchema, type Diagnostic } from '@docgen/core';
import type { Link, Runbook, RunbookModel, Service } from './model.js';

const CATALOG_FILES = new Set(['catalog-info.yaml', 'catalog-info.yml']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.docgen', '.nx']);

export interface ExtractRunbookOptions {
  location?: Diagnostic['location'];
  report?: (diagnostic: Diagnostic) => void;
}

export function extractRunbooks(dir: string, options: ExtractRunbookOptions = {}): RunbookModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DocgenError({
      code: 'DG_RUNBOOK_NOT_FOUND',
      message: existsSync(dir) ? `${dir} is a file, not a folder` : `folder not found: ${dir}`,
      location: options.location,
      hint: 'point `dir` (or --dir) at the folder holding your services and their catalog-info.yaml files',
    });
  const files = catalogFiles(dir);
  if (!files.length)
    throw new DocgenError({
      code: 'DG_RUNBOOK_NOT_FOUND',
      message: `no catalog-info.yaml under ${dir}`,
      location: options.location,
      hint: 'describe each service in a Backstage catalog-info.yaml (kind: Component) beside its code',
    });
  const services = files.flatMap((file) => readCatalogFile(file, options));
  const seen = new Map<string, string>();
  for (const service of services) {
    const other = seen.get(service.name);
    if (other)
      throw new DocgenError({
        code: 'DG_RUNBOOK_DUPLICATE',
        message: `two components are named "${service.name}": ${other} and ${service.file}`,
        location: { file: service.file },
        hint: 'metadata.name identifies a component: give each its own',
      });
    seen.set(service.name, service.file);
  }
  return { dir, services: services.sort((a, b) => a.title.localeCompare(b.title)) };
}

/** Every catalog-info.yaml under `dir`, in a stable order, skipping dependencies and build output. */
function catalogFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) catalogFiles(join(dir, entry.name), found);
    else if (entry.isFile() && CATALOG_FILES.has(entry.name)) found.push(join(dir, entry.name));
  }
  return found;
}

/** The components of one catalog file (it may hold several YAML documents, `---` apart). */
function readCatalogFile(file: string, options: ExtractRunbookOptions): Service[] {
  const text = readFileSync(file, 'utf8');
  if (text.includes('${{')) {
    // A Backstage software template's skeleton (`name: ${{ values.name }}`): not a service yet.
    options.report?.({
      code: 'DG_RUNBOOK_TEMPLATE',
      severity: 'warning',
      message: `${file} is a Backstage template skeleton (it holds \${{ … }} placeholders): skipped`,
      location: { file },
    });
    return [];
  }
  const services: Service[] = [];
  for (const document of yamlDocuments(text, file)) {
    validateAgainstSchema(entitySchema, document.value, {
      what: 'Backstage entity',
      locate: document.locate,
      code: 'DG_RUNBOOK_INVALID',
    });
    const entity = document.value as Entity;
    if (entity.kind.toLowerCase() !== 'component') continue;
    services.push(toService(entity, file, options));
  }
  if (!services.length)
    options.report?.({
      code: 'DG_RUNBOOK_NO_COMPONENT',
      severity: 'warning',
      message: `${file} describes no Component: no runbook for it`,
      location: { file },
    });
  return services;
}

/** Each YAML document of a file, parsed with its lines where they are in the file. */
function yamlDocuments(text: string, file: string) {
  const lines = text.split('\n');
  const starts = [0, ...lines.flatMap((line, index) => (/^---\s*$/.test(line) && index > 0 ? [index] : []))];
  return starts
    .map((start, index) => {
      const end = starts[index + 1] ?? lines.length;
      const body = lines.slice(start, end).join('\n');
      // Blank lines in front keep every line number the file's own.
      return { body, parsed: '\n'.repeat(start) + body.replace(/^---\s*$/m, '') };
    })
    .filter(({ body }) =>
      body
        .replace(/^---\s*$/m, '')
        .replace(/#.*$/gm, '')
        .trim(),
    )
    .map(({ parsed }) => parseStructured(parsed, file, 'yaml', 'DG_RUNBOOK_SYNTAX'));
}

interface Entity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    title?: string;
    description?: string;
    tags?: string[];
    links?: Array<{ url: string; title?: string }>;
  };
  spec?: {
    type?: string;
    lifecycle?: string;
    owner?: string;
    system?: string;
    dependsOn?: string[];
    providesApis?: string[];
    consumesApis?: string[];
  };
}

function toService(entity: Entity, file: string, options: ExtractRunbookOptions): Service {
  const { metadata, spec = {} } = entity;
  const runbookFile = ['runbook.yaml', 'runbook.yml'].map((name) => join(dirname(file), name)).find(existsSync);
  const notesFile = join(dirname(file), 'runbook.md');
  const runbook = runbookFile ? readRunbook(runbookFile) : { dashboards: [], slos: [], alerts: [], procedures: [] };
  if (existsSync(notesFile)) runbook.notes = readFileSync(notesFile, 'utf8').trim();
  if (!runbookFile && !runbook.notes)
    options.report?.({
      code: 'DG_RUNBOOK_EMPTY',
      severity: 'warning',
      message: `${metadata.name} has no runbook.yaml or runbook.md: its page lists only what the catalog says`,
      location: { file },
      hint: 'add a runbook.yaml beside catalog-info.yaml (on-call, alerts and their actions, procedures)',
    });
  return {
    name: metadata.name,
    title: metadata.title ?? metadata.name,
    description: metadata.description,
    type: spec.type,
    lifecycle: spec.lifecycle,
    owner: spec.owner,
    system: spec.system,
    tags: metadata.tags ?? [],
    links: (metadata.links ?? []).map((link): Link => ({ url: link.url, title: link.title ?? link.url })),
    dependsOn: spec.dependsOn ?? [],
    providesApis: spec.providesApis ?? [],
    consumesApis: spec.consumesApis ?? [],
    runbook,
    file,
    runbookFile,
  };
}

function readRunbook(file: string): Runbook {
  const document = parseStructured(readFileSync(file, 'utf8'), file, 'yaml', 'DG_RUNBOOK_SYNTAX');
  const value = document.value ?? {};
  validateAgainstSchema(runbookSchema, value, {
    what: `runbook ${file}`,
    locate: document.locate,
    code: 'DG_RUNBOOK_INVALID',
  });
  const runbook = value as Partial<Runbook> & { alerts?: Runbook['alerts'] };
  return {
    oncall: runbook.oncall,
    dashboards: runbook.dashboards ?? [],
    slos: runbook.slos ?? [],
    alerts: runbook.alerts ?? [],
    procedures: runbook.procedures ?? [],
  };
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The envelope of a Backstage entity: what this plugin reads, everything else allowed. */
export const entitySchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', pattern: '^backstage\\.io/' },
    kind: { type: 'string', minLength: 1 },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
        title: { type: 'string' },
        description: { type: 'string' },
        tags: stringList,
        links: {
          type: 'array',
          items: {
            type: 'object',
            required: ['url'],
            properties: { url: { type: 'string' }, title: { type: 'string' } },
          },
        },
      },
    },
    spec: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        lifecycle: { type: 'string' },
        owner: { type: 'string' },
        system: { type: 'string' },
        dependsOn: stringList,
        providesApis: stringList,
        consumesApis: stringList,
      },
    },
  },
} as const;

const link = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'url'],
  properties: { title: { type: 'string', minLength: 1 }, url: { type: 'string', minLength: 1 } },
};

/** runbook.yaml: strict, so a typo (`alert:`, `step:`) is an error, not a silently empty section. */
export const runbookSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    oncall: {
      type: 'object',
      additionalProperties: false,
      properties: { team: { type: 'string' }, schedule: { type: 'string' }, escalation: stringList },
    },
    dashboards: { type: 'array', items: link },
    slos: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'objective'],
        properties: { name: { type: 'string' }, objective: { type: 'string' }, window: { type: 'string' } },
      },
    },
    alerts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'severity', 'meaning', 'actions'],
        properties: {
          name: { type: 'string', minLength: 1 },
          severity: { enum: ['critical', 'high', 'medium', 'low', 'info'] },
          meaning: { type: 'string', minLength: 1 },
          actions: { ...stringList, minItems: 1 },
          dashboard: { type: 'string' },
        },
      },
    },
    procedures: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'steps'],
        properties: {
          title: { type: 'string', minLength: 1 },
          when: { type: 'string' },
          steps: { ...stringList, minItems: 1 },
        },
      },
    },
  },
} as const;
