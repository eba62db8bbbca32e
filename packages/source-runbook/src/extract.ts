/**
 * Service metadata → RunbookModel. Each service is described where platform teams already keep
 * it: a Backstage `catalog-info.yaml` (a `Component`: name, owner, lifecycle, links,
 * dependencies), with a `runbook.yaml` beside it for what the catalog has no place for (on-call,
 * dashboards, SLOs, alerts and their response steps, procedures) and an optional free-form
 * `runbook.md`. Every file is validated; errors name the file, the line and the key.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  DocgenError,
  closestName,
  editDistance,
  fixOptionHint,
  withPathMeant,
  folderOfFileHint,
  fileBoundary,
  isReadableFrom,
  isUnsafeUrl,
  parseStructured,
  validateAgainstSchema,
  type Diagnostic,
  type FileBoundary,
  type OptionOrigin,
} from '@docgen/core';
import { looksSecret } from './annotations.js';
import {
  CATALOG_FILES,
  SKIPPED_DIRS,
  unreadBesideNoCatalog,
  unreadCatalogs,
  type UnreadCatalog,
} from './other-catalogs.js';
import type { CatalogEntity, Link, Owner, Runbook, RunbookModel, Service, System } from './model.js';
import { entityId, ownId, shownRef } from './refs.js';

export interface ExtractRunbookOptions {
  location?: Diagnostic['location'];
  /** Where the folder was given (`--dir`, or the config key and line), for the hint of a missing one. */
  origin?: OptionOrigin;
  report?: (diagnostic: Diagnostic) => void;
}

export function extractRunbooks(dir: string, options: ExtractRunbookOptions = {}): RunbookModel {
  const location = options.origin ? options.origin.location : options.location;
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DocgenError({
      code: 'DG_RUNBOOK_NOT_FOUND',
      message: existsSync(dir) ? `${dir} is a file, not a folder` : `folder not found: ${dir}`,
      location,
      hint: existsSync(dir)
        ? folderOfFileHint(options.origin, 'dir', dir)
        : withPathMeant(
            fixOptionHint(options.origin, 'dir', 'the folder holding your services and their catalog-info.yaml files'),
            dir,
            options.origin,
          ),
    });
  const files = catalogFiles(dir);
  const configured = appConfigTargets(dir, options).filter((file) => !files.includes(file));
  if (!files.length && !configured.length) throw noCatalog(dir, location, options.origin);
  for (const unread of unreadBesideNoCatalog(dir)) warnUnread(unread, options);
  const kinds = new Map<string, number>();
  const read = readWithLocations(files, options, kinds, configured);
  const services = read.flatMap((entities) => entities.services);
  if (!services.length)
    throw new DocgenError({
      code: 'DG_RUNBOOK_NOT_FOUND',
      message: `no kind: Component in the catalog files under ${dir} (found: ${[...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ') || 'no entities'})`,
      location,
      hint: 'a runbook is written for each Component entity; describe each service with kind: Component',
    });
  const systems = read.flatMap((entities) => entities.systems);
  const apis = read.flatMap((entities) => entities.apis);
  const resources = read.flatMap((entities) => entities.resources);
  const owners = read.flatMap((entities) => entities.owners);
  refuseDuplicates(services, 'component');
  refuseDuplicates(systems, 'system');
  giveRunbooks(services, options);
  services.sort((a, b) => a.title.localeCompare(b.title));
  warnSystemSpellings(services, systems, options);
  return { dir, services, systems, apis, resources, owners };
}

/**
 * No catalog-info.yaml: what was found instead (another catalog's files, Backstage entities in
 * files named otherwise), at the first of them, and what docgen reads.
 */
function noCatalog(dir: string, location: Diagnostic['location'], origin: OptionOrigin | undefined): DocgenError {
  const unread = unreadCatalogs(dir, true);
  const shown = unread
    .slice(0, 3)
    .map((file) => `${relative(dir, file.file)} (${file.format})`)
    .join(', ');
  const more = unread.length > 3 ? `, and ${unread.length - 3} more` : '';
  const backstage = unread.filter((file) => file.format === 'Backstage');
  const other = unread.find((file) => file.mapping);
  return new DocgenError({
    code: 'DG_RUNBOOK_NOT_FOUND',
    message: unread.length
      ? `no catalog-info.yaml under ${dir}; found ${shown}${more}, which docgen does not read`
      : `no catalog-info.yaml under ${dir}`,
    location: unread.length ? { file: unread[0]!.file } : (location ?? { file: dir }),
    hint: backstage.length
      ? `docgen reads Backstage entities from catalog-info.yaml files and the files a kind: Location lists: rename the file, or add a catalog-info.yaml with kind: Location and spec.targets: [./${relative(dir, backstage[0]!.file).split('\\').join('/')}]`
      : other
        ? `docgen reads Backstage catalog-info.yaml files (kind: Component): write one beside each service; ${other.format}'s ${other.mapping}`
        : // Nothing at all there: most often the wrong folder (`--dir .` of a service, a typo), else a first run.
          `if the services are elsewhere, ${fixOptionHint(origin, 'dir', 'their folder')}; else describe each service in a Backstage catalog-info.yaml beside its code (apiVersion: backstage.io/v1alpha1, kind: Component, metadata.name, spec.owner)`,
  });
}

/** Another catalog's file in a folder with no catalog-info.yaml: its service gets no runbook; say so, and what to write. */
function warnUnread(unread: UnreadCatalog, options: ExtractRunbookOptions): void {
  options.report?.({
    code: 'DG_RUNBOOK_UNREAD_FORMAT',
    severity: 'warning',
    message: `${basename(unread.file)} is ${unread.format}'s service file, which docgen does not read: no runbook for the service in ${dirname(unread.file)}`,
    location: { file: unread.file },
    hint: `write a catalog-info.yaml (kind: Component) beside it; ${unread.mapping}`,
  });
}

/**
 * A System no catalog file defines, written in other letters or with its namespace
 * (`checkout`, `Checkout`, `default/checkout`): Backstage reads one entity, and so does the index,
 * under the first spelling. The author is told, once per System, where the others are, since a
 * `kind: System` (or one spelling) would make the name on the index theirs rather than an accident.
 */
function warnSystemSpellings(services: Service[], systems: System[], options: ExtractRunbookOptions): void {
  const defined = new Set(systems.map((system) => ownId('system', system)));
  const written = new Map<string, Service[]>();
  for (const service of services) {
    if (!service.system) continue;
    const id = entityId(service.system, 'system', service.namespace);
    if (!defined.has(id)) written.set(id, [...(written.get(id) ?? []), service]);
  }
  for (const [id, writers] of written) {
    // The first service to write each spelling, the index's own first.
    const spellings = new Map<string, Service>();
    for (const service of writers) if (!spellings.has(service.system!)) spellings.set(service.system!, service);
    if (spellings.size < 2) continue;
    const [[, first], ...others] = [...spellings];
    const at = (service: Service) => `${service.file}${service.systemLine ? `:${service.systemLine}` : ''}`;
    options.report?.({
      code: 'DG_RUNBOOK_SYSTEM_SPELLING',
      severity: 'warning',
      message: `system "${first!.system}" is also written ${others.map(([spelling, service]) => `"${spelling}" (${at(service)})`).join(', ')}; Backstage reads them as one System, ${id.replace(/^system:/, '')}, which no catalog file defines`,
      location: { file: first!.file, line: first!.systemLine },
      hint: `the index groups them under "${shownRef(first!.system!, first!.namespace)}": write the reference one way, or define the System (kind: System, with a title) in a catalog file`,
    });
  }
}

/**
 * Two entities of one kind with the same namespace and name, in any letter case: Backstage would
 * keep one; say where both are.
 */
function refuseDuplicates(entities: Array<Service | System>, kind: 'component' | 'system'): void {
  const seen = new Map<string, Service | System>();
  for (const entity of entities) {
    const id = ownId(kind, entity);
    const other = seen.get(id);
    const names = other && other.name !== entity.name ? `"${entity.name}" and "${other.name}"` : `"${entity.name}"`;
    if (other)
      throw new DocgenError({
        code: 'DG_RUNBOOK_DUPLICATE',
        message: `two ${kind}s are named ${names}${entity.namespace === 'default' ? '' : ` in namespace ${entity.namespace}`}; the first is at ${other.file}${other.line ? `:${other.line}` : ''}`,
        location: { file: entity.file, line: entity.line, pointer: '#/metadata/name' },
        hint: `metadata.name (with metadata.namespace, in any letter case) identifies a ${kind}: give each its own`,
      });
    seen.set(id, entity);
  }
}

/** Every catalog-info.yaml under `dir`, in a stable order, skipping dependencies and build output. */
function catalogFiles(dir: string, found: string[] = [], visited = new Set<string>()): string[] {
  // Symbolic links are followed (a monorepo may link its services in), each real folder once.
  const real = realpathSync(dir);
  if (visited.has(real)) return found;
  visited.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    const target = entry.isSymbolicLink() ? statIfExists(path) : entry;
    if (target?.isDirectory() && !SKIPPED_DIRS.has(entry.name)) catalogFiles(path, found, visited);
    else if (target?.isFile() && CATALOG_FILES.has(entry.name)) found.push(path);
  }
  return found;
}

/** A symbolic link's target, or undefined when it points nowhere. */
function statIfExists(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The components and systems of one catalog file (it may hold several YAML documents, `---`
 * apart). Every document is read on its own: a software template's skeleton (`${{ values.name }}`)
 * or another kind of entity is skipped, and only a Component is checked against what a runbook
 * needs. A System is kept for the components that name it.
 */
function readCatalogFile(
  file: string,
  options: ExtractRunbookOptions,
  kinds: Map<string, number>,
  listed = false,
): CatalogEntities {
  const services: Service[] = [];
  const systems: System[] = [];
  const locations: CatalogEntities['locations'] = [];
  const apis: CatalogEntity[] = [];
  const resources: CatalogEntity[] = [];
  const owners: Owner[] = [];
  const skipped: Array<{ kind: string; line?: number }> = [];
  const documents = yamlDocuments(readFileSync(file, 'utf8'), file);
  if (!documents.length)
    options.report?.({
      code: 'DG_RUNBOOK_NO_COMPONENT',
      severity: 'warning',
      message: 'no entity here (the file is empty, or only comments): no runbook for it',
      location: { file, line: 1 },
      hint: 'describe the service in it (apiVersion: backstage.io/v1alpha1, kind: Component, metadata.name, spec.owner), or remove the file',
    });
  for (const { document, body, line } of documents) {
    // A software template (`kind: Template`) is an entity Backstage reads as it is, its placeholders
    // filled only when someone runs it: skipped as any kind without a page, with no warning.
    if (isTemplate(document.value)) {
      kinds.set('Template', (kinds.get('Template') ?? 0) + 1);
      skipped.push({ kind: 'Template', line: document.locate('/kind').line ?? line });
      continue;
    }
    if (body.includes('${{')) {
      if (fetchedByTemplate(file)) continue;
      options.report?.({
        code: 'DG_RUNBOOK_TEMPLATE',
        severity: 'warning',
        message: 'a Backstage template skeleton (it holds ${{ … }} placeholders): skipped',
        location: { file, line },
      });
      continue;
    }
    if (Array.isArray(document.value))
      throw new DocgenError({
        code: 'DG_RUNBOOK_INVALID',
        message: 'a list of entities: Backstage reads one entity per YAML document',
        location: { file, line },
        hint: 'write each entity as its own document, `---` between them, without the leading `- `',
      });
    validateAgainstSchema(envelopeSchema, document.value, {
      what: 'Backstage entity',
      locate: document.locate,
      code: 'DG_RUNBOOK_INVALID',
    });
    const entity = document.value as Entity;
    kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
    if (entity.kind.toLowerCase() === 'system') {
      checkEntityWithPage(entity, { schema: systemSchema, what: 'Backstage system' }, file, document.locate, options);
      const system = toSystem(entity, file, document.locate('/metadata/name').line);
      system.links = safeLinks(
        system.links ?? [],
        { file, pointer: '/metadata/links', locate: document.locate },
        options,
      );
      systems.push(system);
      continue;
    }
    if (entity.kind.toLowerCase() === 'location') {
      const spec = (entity.spec ?? {}) as { target?: unknown; targets?: unknown };
      // Each target with its own line: a missing one is reported where it is written.
      const targets = [
        { target: spec.target, pointer: '/spec/target' },
        ...(Array.isArray(spec.targets) ? spec.targets : []).map((target: unknown, index: number) => ({
          target,
          pointer: `/spec/targets/${index}`,
        })),
      ];
      locations.push({
        name: entity.metadata.name,
        targets: targets.flatMap(({ target, pointer }) =>
          typeof target === 'string' ? [{ path: target, line: document.locate(pointer).line ?? line }] : [],
        ),
      });
    }
    // An API or a Resource has no page: what the catalog says of it is shown where a component names it.
    if (entity.kind.toLowerCase() === 'api' || entity.kind.toLowerCase() === 'resource') {
      warnUnreadKeys(entity, { file, locate: document.locate, report: options.report });
      (entity.kind.toLowerCase() === 'api' ? apis : resources).push(
        toCatalogEntity(entity, file, document.locate('/metadata/name').line),
      );
    }
    // A Group or a User has no page: a component it owns shows its name and how to reach it.
    if (entity.kind.toLowerCase() === 'group' || entity.kind.toLowerCase() === 'user')
      owners.push(toOwner(entity, file, document.locate('/metadata/name').line));
    if (entity.kind.toLowerCase() !== 'component') {
      skipped.push({ kind: entity.kind, line: document.locate('/kind').line });
      warnMisspeltKind(entity, { file, line: document.locate('/kind').line }, options);
      continue;
    }
    checkEntityWithPage(entity, { schema: entitySchema, what: 'Backstage component' }, file, document.locate, options);
    const service = toService(entity, file, document.locate('/metadata/name').line);
    if (service.system) service.systemLine = document.locate('/spec/system').line;
    dropSelfReferences(service, document.locate, options);
    service.links = safeLinks(service.links, { file, pointer: '/metadata/links', locate: document.locate }, options);
    warnUnreadKeys(entity, { file, locate: document.locate, report: options.report });
    if (!service.owner)
      options.report?.({
        code: 'DG_RUNBOOK_NO_OWNER',
        severity: 'warning',
        message: `${service.name} has no spec.owner: Backstage refuses a Component without one`,
        location: { file, line: service.line },
        hint: 'add spec.owner (group:<team>): the runbook says who owns the service',
      });
    services.push(service);
  }
  // A file of Locations only is an index of the catalog, not a service without its runbook; nor
  // is a file of APIs or Resources (a Location lists them, one per file): they are read. A file a
  // Location lists is the catalog's by design (the org's Groups): said only for a kind Backstage
  // does not know.
  const others = skipped.filter(({ kind }) => !['location', 'api', 'resource'].includes(kind.toLowerCase()));
  const said = !listed || others.some(({ kind }) => !isBackstageKind(kind));
  if (!services.length && !systems.length && others.length && said) {
    // `kind: Service` is no Backstage kind: a service is a Component of type service.
    const unknown = others.find(({ kind }) => !isBackstageKind(kind));
    options.report?.({
      code: 'DG_RUNBOOK_NO_COMPONENT',
      severity: 'warning',
      message: `no Component here (only ${[...new Set(skipped.map(({ kind }) => kind))].join(', ')}): no runbook for it`,
      location: { file, line: (unknown ?? others[0]!).line },
      ...(unknown && {
        hint: `a service is kind: Component (spec.type: service); Backstage's kinds are ${BACKSTAGE_KINDS.join(', ')}`,
      }),
    });
  }
  return { services, systems, locations, apis, resources, owners };
}

/**
 * Whether a skeleton is the one a software template beside it fetches: a `template.yaml` in a folder
 * above (create-app's `examples/template/`) whose `fetch:template` step's `url: ./content` holds it.
 * Such a file is as Backstage means it to be, so it is skipped without a warning.
 */
function fetchedByTemplate(file: string): boolean {
  for (let folder = dirname(dirname(file)), depth = 0; depth < 4; folder = dirname(folder), depth++) {
    const template = ['template.yaml', 'template.yml'].map((name) => join(folder, name)).find(existsSync);
    if (template) {
      const fetched = relative(folder, file).split(/[\\/]/)[0]!;
      const text = readFileSync(template, 'utf8');
      return /^\s*kind:\s*Template\s*$/im.test(text) && urlLine(fetched).test(text);
    }
    if (dirname(folder) === folder) break;
  }
  return false;
}

/** A step input's `url:` naming a folder beside the template (`url: ./content`, `url: 'skeleton/'`). */
function urlLine(folder: string): RegExp {
  const name = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*url:\\s*['"]?(?:\\./)?${name}/?['"]?\\s*$`, 'm');
}

/** Whether a YAML document is a Backstage software template (`apiVersion: scaffolder.backstage.io/…`, `kind: Template`). */
function isTemplate(value: unknown): boolean {
  const kind = value && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' && kind.toLowerCase() === 'template';
}

/**
 * An API or Resource entity, read leniently: it has no page, so only the texts a component's page
 * shows of it are taken, and what is not a text (a `$text` substitution) is left out, not refused.
 */
function toCatalogEntity(entity: Entity, file: string, line: number | undefined): CatalogEntity {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const metadata = entity.metadata as Record<string, unknown>;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    name: entity.metadata.name,
    namespace: text(metadata.namespace) ?? 'default',
    title: text(metadata.title) ?? entity.metadata.name,
    description: text(metadata.description),
    type: text(spec.type),
    owner: text(spec.owner),
    dependsOn: texts(spec.dependsOn),
    dependencyOf: texts(spec.dependencyOf),
    file,
    line,
  };
}

/** The texts of a list (entity references), leaving out what is not one. */
function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && !!item.trim()) : [];
}

/**
 * A Group or User, read leniently as an API is: its display name, e-mail address and links to web
 * pages, what a runbook's reader needs to reach the owner; anything else (members, a picture) is left.
 */
function toOwner(entity: Entity, file: string, line: number | undefined): Owner {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const metadata = entity.metadata as Record<string, unknown>;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const profile = (spec.profile && typeof spec.profile === 'object' ? spec.profile : {}) as Record<string, unknown>;
  const email = text(profile.email);
  const links = (Array.isArray(metadata.links) ? metadata.links : []).flatMap((link): Link[] => {
    const url = text((link as Record<string, unknown> | null)?.url);
    return url && /^https?:\/\//i.test(url)
      ? [{ url, title: text((link as Record<string, unknown>).title) ?? url }]
      : [];
  });
  return {
    kind: entity.kind.toLowerCase() === 'user' ? 'user' : 'group',
    name: entity.metadata.name,
    namespace: text(metadata.namespace) ?? 'default',
    ...((text(profile.displayName) ?? text(metadata.title)) && {
      displayName: text(profile.displayName) ?? text(metadata.title),
    }),
    // Only an address a mailto: link can hold: no spaces, brackets or a second @.
    ...(email && /^[^\s@()<>[\]]+@[^\s@()<>[\]]+$/.test(email) && { email }),
    links,
    file,
    line,
  };
}

interface CatalogEntities {
  owners: Owner[];
  services: Service[];
  systems: System[];
  apis: CatalogEntity[];
  resources: CatalogEntity[];
  /** `kind: Location` entities: the files they point at (`spec.target`, `spec.targets`). */
  locations: Array<{ name: string; targets: Array<{ path: string; line?: number }> }>;
}

/**
 * The catalog files, and the files their Locations point at, as Backstage follows them: a
 * monorepo keeps its Systems in `catalog/systems/x.yaml` and lists them, and its services'
 * `catalog-info.yaml`, in a root Location. Relative targets are read (globs with `*` and `**`
 * too), each file once; a URL is Backstage's to fetch, not docgen's, and is left alone.
 */
function readWithLocations(
  files: string[],
  options: ExtractRunbookOptions,
  kinds: Map<string, number>,
  configured: string[] = [],
) {
  const seen = new Set([...files, ...configured].map((file) => realpathSync(file)));
  // The files an app-config lists are read as a Location's are.
  const queue = [...files, ...configured];
  const read: CatalogEntities[] = [];
  for (let file = queue.shift(); file; file = queue.shift()) {
    // The files the search found come first; the rest a Location lists.
    const entities = readCatalogFile(file, options, kinds, read.length >= files.length);
    read.push(entities);
    for (const location of entities.locations)
      for (const { path: target, line } of location.targets) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // a URL
        const found = matchTarget(dirname(file), target);
        if (!found.length)
          options.report?.({
            code: 'DG_RUNBOOK_LOCATION',
            severity: 'warning',
            message: `Location ${location.name} points at ${target}, which is not there: skipped`,
            location: { file, line },
            hint: 'fix the target (relative to this file) or remove it',
          });
        for (const path of found)
          if (!seen.has(realpathSync(path))) {
            seen.add(realpathSync(path));
            queue.push(path);
          }
      }
  }
  return read;
}

/** Backstage's own configuration, at the top of an app made by `create-app`: `app-config.yaml`, `app-config.production.yaml`. */
const APP_CONFIG = /^app-config(?:\.[\w-]+)?\.ya?ml$/;

/**
 * The catalog files a Backstage app's `app-config*.yaml` lists (`catalog.locations`, `type: file`),
 * as Backstage reads them: relative to its backend's folder (`../../examples/entities.yaml` from
 * `packages/backend`, as create-app writes them), else to the app's own. An app keeps its
 * catalog there (`examples/entities.yaml`, `examples/org.yaml`), not in `catalog-info.yaml` files.
 * A target that is not there is a warning at its line; a URL is Backstage's to fetch.
 */
function appConfigTargets(dir: string, options: ExtractRunbookOptions): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)
    .filter((entry) => APP_CONFIG.test(entry))
    .sort()) {
    const file = join(dir, name);
    let document: ReturnType<typeof parseStructured>;
    try {
      document = parseStructured(readFileSync(file, 'utf8'), file, 'yaml', 'DG_RUNBOOK_SYNTAX');
    } catch (error) {
      // Backstage's configuration, not the catalog: a mistake there is Backstage's to report.
      if (!(error instanceof DocgenError)) throw error;
      options.report?.({ ...error.toJSON(), severity: 'warning', hint: 'its catalog.locations are not read' });
      continue;
    }
    const catalog = (document.value as { catalog?: { locations?: unknown } } | undefined)?.catalog;
    const locations = Array.isArray(catalog?.locations) ? catalog.locations : [];
    locations.forEach((entry: unknown, index: number) => {
      const { type, target } = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
      if (typeof target !== 'string' || (type !== undefined && type !== 'file')) return;
      const matches =
        [join(dir, 'packages', 'backend'), dir].map((base) => matchTargetIfAny(base, target)).find((m) => m.length) ??
        [];
      if (!matches.length)
        options.report?.({
          code: 'DG_RUNBOOK_LOCATION',
          severity: 'warning',
          message: `${name} lists the catalog file ${target}, which is not there: skipped`,
          location: { file, line: document.locate(`/catalog/locations/${index}/target`).line },
          hint: 'fix the target (relative to packages/backend, as Backstage reads it) or remove it',
        });
      found.push(...matches);
    });
  }
  return [...new Set(found)];
}

/** matchTarget, or none when `base` cannot be read (an app without packages/backend). */
function matchTargetIfAny(base: string, target: string): string[] {
  try {
    return matchTarget(base, target);
  } catch {
    return [];
  }
}

/** The files a Location target names, relative to `base`: a path, or a glob with `*`, `?` and `**`. */
function matchTarget(base: string, target: string): string[] {
  if (!/[*?]/.test(target)) {
    const path = resolve(base, target);
    return existsSync(path) && statSync(path).isFile() ? [path] : [];
  }
  const found: string[] = [];
  const walk = (dir: string, parts: string[]): void => {
    const [part, ...rest] = parts;
    if (part === undefined) return;
    if (part === '**') {
      walk(dir, rest); // none
      for (const entry of subfolderNames(dir)) walk(join(dir, entry), parts);
      return;
    }
    if (part === '.' || part === '..' || !/[*?]/.test(part)) {
      const path = join(dir, part);
      if (!rest.length) {
        if (existsSync(path) && statSync(path).isFile()) found.push(path);
      } else if (existsSync(path) && statSync(path).isDirectory()) walk(path, rest);
      return;
    }
    const pattern = new RegExp(
      `^${part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!pattern.test(entry.name)) continue;
      const path = join(dir, entry.name);
      const target = entry.isSymbolicLink() ? statIfExists(path) : entry;
      if (!rest.length && target?.isFile()) found.push(path);
      else if (rest.length && target?.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(path, rest);
    }
  };
  walk(isAbsolute(target) ? '/' : base, target.split('/').filter(Boolean));
  return [...new Set(found)];
}

/** A folder's subfolders, by name, without dependencies and build output. */
function subfolderNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        (entry.isDirectory() || (entry.isSymbolicLink() && statIfExists(join(dir, entry.name))?.isDirectory())) &&
        !SKIPPED_DIRS.has(entry.name),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * A component that lists itself in `dependsOn` or `dependencyOf` (a copy-paste slip, as in
 * one-platform's API gateway): its page would say it depends on itself. Left out, said at its line.
 */
function dropSelfReferences(
  service: Service,
  locate: (pointer: string) => { line?: number },
  options: ExtractRunbookOptions,
): void {
  const self = ownId('component', service);
  for (const field of ['dependsOn', 'dependencyOf'] as const) {
    service[field] = service[field].filter((ref, index) => {
      if (entityId(ref, 'component', service.namespace) !== self) return true;
      options.report?.({
        code: 'DG_RUNBOOK_SELF_REFERENCE',
        severity: 'warning',
        message: `${service.name} names itself in spec.${field}: left out`,
        location: { file: service.file, line: locate(`/spec/${field}/${index}`).line },
        hint: `remove the entry, or name the component meant`,
      });
      return false;
    });
  }
}

/** The fields Backstage defines for an entity's `metadata`, and for the `spec` of the kinds a runbook reads. */
const METADATA_FIELDS = ['name', 'namespace', 'title', 'description', 'labels', 'annotations', 'tags', 'links'];
const SPEC_FIELDS: Record<string, readonly string[]> = {
  component: [
    'type',
    'lifecycle',
    'owner',
    'system',
    'subcomponentOf',
    'providesApis',
    'consumesApis',
    'dependsOn',
    'dependencyOf',
  ],
  api: ['type', 'lifecycle', 'owner', 'system', 'definition'],
  resource: ['type', 'owner', 'system', 'dependsOn', 'dependencyOf'],
};

/**
 * Names of relations Backstage draws between entities, written as if they were a Component's spec
 * fields (tour-of-heroes' `apiConsumedBy: ['component:www-heroes']`): what to write instead. The
 * relations that are fields too (`dependsOn`, `dependencyOf`) are not here.
 */
const RELATION_NAMES: Record<string, string> = {
  apiConsumedBy:
    'each component that uses the API lists it in its own spec.consumesApis, and this one lists it in spec.providesApis',
  apiProvidedBy: 'the component that provides an API lists it in its spec.providesApis',
  ownedBy: 'write spec.owner',
  ownerOf: 'the entities it owns name it in their spec.owner',
  partOf: 'write spec.system (or spec.subcomponentOf, for a part of another component)',
  hasPart: 'its parts name it in their spec.subcomponentOf',
};

/**
 * Backstage accepts keys it does not define and ignores them, so a misspelt field (`dependOn`,
 * `annotation`) or a relation's name written as a field (`apiConsumedBy` on a component,
 * `apiProvidedBy` on an API) loses what it says without a word, from Backstage and from the
 * runbook alike: a warning at its line, with the field meant. Other keys (a plugin's own) are
 * left alone.
 */
function warnUnreadKeys(
  entity: Entity,
  context: {
    file: string;
    locate: (pointer: string, key?: boolean) => { line?: number };
    report?: ExtractRunbookOptions['report'];
  },
): void {
  const kind = entity.kind.toLowerCase();
  const fields = { metadata: METADATA_FIELDS, spec: SPEC_FIELDS[kind] ?? [] };
  const a = `${/^[aeiou]/i.test(entity.kind) ? 'an' : 'a'} ${kind === 'api' ? 'API' : entity.kind}`;
  for (const block of ['metadata', 'spec'] as const) {
    const value = entity[block];
    if (!value || typeof value !== 'object') continue;
    const known = fields[block];
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const relation = block === 'spec' ? RELATION_NAMES[key] : undefined;
      const meant = relation ? undefined : closestName(key, known, key.length >= 6 ? 2 : 1);
      if (!relation && !meant) continue;
      context.report?.({
        code: 'DG_RUNBOOK_UNKNOWN_FIELD',
        severity: 'warning',
        message: `${block}.${key} (${entity.metadata.name}) is ${relation ? `the name of a relation Backstage draws, not ${a}'s field` : `not ${a}'s field`}: Backstage ignores it, and so does the runbook`,
        location: { file: context.file, line: context.locate(`/${block}/${key}`, true).line }, // the key's line
        hint: relation ?? `did you mean ${block}.${meant}?`,
      });
    }
  }
}

/** Backstage's rule for `metadata.name`: letters and digits, `-` `_` `.` between them, 63 at most. */
const BACKSTAGE_NAME = /^(?:[A-Za-z0-9]+[-_.])*[A-Za-z0-9]+$/;

/** A name Backstage refuses (`invalid component`) stops the run at its line, with one that would do. */
function refuseBadName(entity: Entity, file: string, locate: (pointer: string) => { line?: number; column?: number }) {
  const name = entity.metadata.name;
  if (typeof name !== 'string' || (BACKSTAGE_NAME.test(name) && name.length <= 63)) return;
  const fixed = name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .replace(/([-_.])[-_.]+/g, '$1')
    .slice(0, 63);
  throw new DocgenError({
    code: 'DG_RUNBOOK_INVALID',
    message: `metadata.name "${name}" is not a name Backstage accepts`,
    location: { file, ...locate('/metadata/name'), pointer: '#/metadata/name' },
    hint: `letters and digits, with - _ or . between them, at most 63 characters${fixed ? `: e.g. "${fixed}"` : ''}`,
  });
}

/**
 * A System or a Component, the kinds with a page: a name Backstage refuses stops the run, its
 * substitutions (`$text`, `$yaml`, `$json`) are replaced, then it is checked against its kind's schema.
 */
function checkEntityWithPage(
  entity: Entity,
  kind: { schema: Record<string, unknown>; what: string },
  file: string,
  locate: (pointer: string) => { line?: number; column?: number },
  options: ExtractRunbookOptions,
): void {
  refuseBadName(entity, file, locate);
  resolveSubstitutions(entity, '', { file, locate, report: options.report });
  validateAgainstSchema(kind.schema, entity, { what: kind.what, locate, code: 'DG_RUNBOOK_INVALID' });
}

/** The kinds Backstage's catalog and scaffolder define. */
const BACKSTAGE_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location', 'Template'];

/** Whether `kind` is one of them, in any letter case (as Backstage reads kinds). */
function isBackstageKind(kind: string): boolean {
  return BACKSTAGE_KINDS.some((known) => known.toLowerCase() === kind.toLowerCase());
}

/**
 * A kind a letter or two from one of Backstage's (`Compnent`, `Sytem`) is most likely a typo
 * that would silently drop a runbook: said at its line. Other kinds are left alone, since plugins
 * add their own (`Environment`, `Cluster`).
 */
function warnMisspeltKind(entity: Entity, location: { file: string; line?: number }, options: ExtractRunbookOptions) {
  const kind = entity.kind;
  if (isBackstageKind(kind)) return;
  // Short kinds get less room: `App` (a plugin's) is one letter from API, but no typo of it.
  const room = (known: string) => (known.length >= 6 ? 2 : known.length === 5 ? 1 : 0);
  const near = BACKSTAGE_KINDS.find((known) => editDistance(known.toLowerCase(), kind.toLowerCase()) <= room(known));
  if (!near) return;
  options.report?.({
    code: 'DG_RUNBOOK_UNKNOWN_KIND',
    severity: 'warning',
    message: `kind "${kind}" (${entity.metadata.name}) is not a kind Backstage knows: skipped`,
    location,
    hint: `did you mean ${near}?`,
  });
}

/**
 * Backstage's substitutions (`description: { $text: ./DESCRIPTION.md }`, `links: { $yaml: ./links.yaml }`,
 * `$json`) are replaced by what they point at, as Backstage's catalog does: a path is read relative
 * to the catalog file. A URL is Backstage's to fetch, and a file that is not there or does not
 * parse cannot be read here: such a value is left out, with a warning at its line, instead of
 * failing the run.
 */
function resolveSubstitutions(
  value: unknown,
  pointer: string,
  context: { file: string; locate: (pointer: string) => { line?: number }; report?: ExtractRunbookOptions['report'] },
): void {
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(object)) {
    const at = `${pointer}/${key}`;
    const keys = child && typeof child === 'object' && !Array.isArray(child) ? Object.keys(child) : [];
    if (keys.length === 1 && SUBSTITUTIONS.has(keys[0]!)) {
      const substitution = keys[0]!;
      const target = (child as Record<string, unknown>)[substitution];
      const read = substitutedValue(substitution, target, context.file);
      if ('value' in read) {
        object[key] = read.value;
        continue;
      }
      delete object[key];
      context.report?.({
        code: 'DG_RUNBOOK_SUBSTITUTION',
        severity: 'warning',
        message: `${at.slice(1).replace(/\//g, '.')} is a Backstage ${substitution} substitution ${read.why}: left out`,
        location: { file: context.file, line: context.locate(at).line },
        hint: read.hint,
      });
    } else resolveSubstitutions(child, at, context);
  }
}

/** What a substitution stands for, read from the file it names beside the catalog file, or why it cannot be. */
function substitutedValue(
  substitution: string,
  target: unknown,
  catalogFile: string,
): { value: unknown } | { why: string; hint: string } {
  const written = typeof target === 'string' ? target.trim() : '';
  const inCatalog = 'write the value in catalog-info.yaml itself to have it on the runbook';
  // `https://…`, `url:…`: fetched by Backstage, never by docgen (no network at generation).
  if (!written || /^[a-z][a-z0-9+.-]*:/i.test(written) || isAbsolute(written))
    return { why: `of ${written ? `"${written}"` : 'nothing'}, which only Backstage resolves`, hint: inCatalog };
  const path = resolve(dirname(catalogFile), written);
  if (!statIfExists(path)?.isFile())
    return {
      why: `of ${written}, which is not there`,
      hint: `add ${written} beside ${basename(catalogFile)}, or ${inCatalog}`,
    };
  const boundary = fileBoundary(catalogFile);
  if (!isReadableFrom(boundary.folder, path))
    return {
      why: `of ${written}, which is outside ${boundary.folder} (docgen reads a substitution only from ${BOUNDARY_NAMES[boundary.kind](boundary.belowHome)}, so that a catalog cannot publish a file such as ~/.npmrc)`,
      hint: `move ${basename(written)} into ${boundary.kind === 'repository' ? 'the repository' : boundary.folder}, or ${inCatalog}`,
    };
  const text = readFileSync(path, 'utf8');
  if (substitution === '$text') return { value: text.replace(/\s+$/, '') };
  try {
    return { value: parseStructured(text, path, substitution === '$json' ? 'json' : 'yaml').value };
  } catch (error) {
    const where = error instanceof DocgenError && error.location?.line ? `:${error.location.line}` : '';
    return {
      why: `of ${written}, which does not parse (${written}${where}: ${(error as Error).message})`,
      hint: `fix ${written}, or ${inCatalog}`,
    };
  }
}
const SUBSTITUTIONS = new Set(['$text', '$json', '$yaml']);

/** The folder a catalog file's substitutions are read from, by its kind (core's fileBoundary). */
const BOUNDARY_NAMES: Record<FileBoundary['kind'], (belowHome: boolean) => string> = {
  repository: () => 'the git repository holding its catalog file',
  project: (belowHome) =>
    `its project folder (no git repository${belowHome ? ' below the home folder' : ''} holds it: the outermost folder above it with a package.json or docgen config)`,
  folder: (belowHome) =>
    `its catalog file's own folder: no git repository${belowHome ? ' below the home folder' : ''} holds it, nor a folder above it with a package.json or docgen config`,
};

/** Each YAML document of a file, parsed with its lines where they are in the file. */
function yamlDocuments(text: string, file: string) {
  // Windows line ends: a document cut at `---` must not end in a lone `\r`.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const starts = [0, ...lines.flatMap((line, index) => (/^---\s*$/.test(line) && index > 0 ? [index] : []))];
  return (
    starts
      .map((start, index) => {
        const end = starts[index + 1] ?? lines.length;
        const body = lines.slice(start, end).join('\n');
        // Blank lines in front keep every line number the file's own.
        // `line`: the document's first line after its `---`.
        return { body, line: start === 0 ? 1 : start + 2, parsed: '\n'.repeat(start) + body.replace(/^---\s*$/m, '') };
      })
      .filter(({ body }) =>
        body
          .replace(/^---\s*$/m, '')
          .replace(/#.*$/gm, '')
          .trim(),
      )
      // Excerpts of a syntax error quote the file's lines (its `---`), not the blank padding.
      .map(({ body, line, parsed }) => ({
        body,
        line,
        document: parseStructured(parsed, file, 'yaml', 'DG_RUNBOOK_SYNTAX', lines.join('\n')),
      }))
  );
}

interface Entity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    tags?: string[];
    labels?: Record<string, string>;
    links?: Array<{ url: string; title?: string }>;
    annotations?: Record<string, string>;
  };
  spec?: {
    type?: string;
    lifecycle?: string;
    owner?: string;
    system?: string;
    subcomponentOf?: string;
    dependsOn?: string[];
    dependencyOf?: string[];
    providesApis?: string[];
    consumesApis?: string[];
  };
}

/**
 * `runbook.md`: the notes as written, after front matter a site generator or an incident tool
 * keeps there (`title:`, `service:`, `severity:`), which is no Markdown to show: its fields for
 * readers are rows of a table over the notes, a site's own keys (`slug`, `sidebar_position`…) left
 * out. Front matter that does not parse is a warning at its line, and left out all the same.
 */
function readNotes(file: string, options: ExtractRunbookOptions): { notes: Notes; names: NamedComponent[] } {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const close = lines[0]?.trim() === '---' ? lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line)) : -1;
  const { fields, names } = close > 0 ? frontMatter(lines.slice(0, close), file, options) : { fields: [], names: [] };
  const body = close > 0 ? `${'\n'.repeat(close + 1)}${lines.slice(close + 1).join('\n')}` : text;
  const leading = body.match(/^\s*\n/)?.[0] ?? '';
  return {
    notes: {
      ...(body.trim() ? { notes: body.trim(), notesFrom: { file, line: leading.split('\n').length } } : {}),
      ...(fields.length ? { notesFields: fields } : {}),
    },
    names,
  };
}

/** A site's keys in front matter: how it places and names the page, nothing on-call reads. */
const SITE_KEYS =
  /^(?:title|slug|id|layout|permalink|weight|draft|toc|hide|template|aliases|redirect_from|(?:sidebar|nav)_\w+|sidebar|nav)$/i;

/**
 * The fields of `runbook.md`'s front matter (its lines, the opening `---` first) for readers,
 * scalars and lists of them, and the components it says the notes are for.
 */
function frontMatter(
  lines: string[],
  file: string,
  options: ExtractRunbookOptions,
): { fields: Array<{ label: string; value: string }>; names: NamedComponent[] } {
  let value: unknown;
  let names: NamedComponent[];
  try {
    // Blank lines for the opening `---`, so that a YAML error is at the file's own line.
    const document = parseStructured(`\n${lines.slice(1).join('\n')}`, file, 'yaml', 'DG_RUNBOOK_SYNTAX');
    value = document.value;
    names = namedComponents(document);
  } catch (error) {
    if (!(error instanceof DocgenError)) throw error;
    options.report?.({
      ...error.toJSON(),
      severity: 'warning',
      hint: 'fix the front matter of runbook.md (YAML between two --- lines): it is left out of the page',
    });
    return { fields: [], names: [] };
  }
  return { fields: frontMatterFields(value), names };
}

function frontMatterFields(value: unknown): Array<{ label: string; value: string }> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, field]) => {
    if (SITE_KEYS.test(key) || COMPONENT_KEYS.has(key) || looksSecret(key)) return [];
    const items = (Array.isArray(field) ? field : [field]).filter(
      (item) => ['string', 'number', 'boolean'].includes(typeof item) || item instanceof Date,
    );
    const shown = items.map((item) => (item instanceof Date ? item.toISOString().slice(0, 10) : String(item)));
    return shown.length && shown.join('').trim() ? [{ label: key, value: shown.join(', ') }] : [];
  });
}

type RunbookYaml = Omit<Runbook, 'notes' | 'notesFrom' | 'notesFields'>;
type Notes = Pick<Runbook, 'notes' | 'notesFrom' | 'notesFields'>;
type YamlDocument = ReturnType<typeof yamlDocuments>[number]['document'];

/** A component a runbook says it is for (`component: payments`), and the line saying so. */
interface NamedComponent {
  name: string;
  line?: number;
}

/** The keys by which a runbook document, or runbook.md's front matter, names its components. */
const COMPONENT_KEYS = new Set(['component', 'components']);

/** `runbook.<component>.yaml` / `.yml` / `.md`: one component's own runbook, beside a catalog file of several. */
const OWN_RUNBOOK = /^runbook\.(.+)\.(ya?ml|md)$/;

/**
 * A runbook copy kept aside by its name (`runbook.old.md`, `runbook.v2.yaml`, `runbook.payments.bak.md`,
 * `runbook.2023-01-10.md`, `runbook.template.md`): no component's, not read and, as long as its
 * component has a current runbook, not warned about.
 */
const ASIDE =
  /(?:^|[._-])(?:old|bak|backup|orig|original|copy|draft|template|tmpl|example|sample|tmp|temp|wip|prev|previous|archive|archived|deprecated|legacy|v\d+(?:\.\d+)*|\d{4}-?\d{2}(?:-?\d{2})?)$/i;

/** A runbook copy kept aside, and the component its name says it is a copy of (runbook.payments.old.md), if it says. */
interface AsideCopy {
  file: string;
  component?: string;
}

/** What the runbook files beside one catalog file give each of its components, by name in lower case. */
interface RunbooksBeside {
  yaml: Map<string, { value: RunbookYaml; file: string }>;
  notes: Map<string, { value: Notes; file: string }>;
  /** Components a runbook naming none could be meant for: warned about once, at the runbook. */
  ambiguous: Set<string>;
  /** runbook.yaml or runbook.md, when there is one: a component it gives nothing is told how to get its part. */
  shared?: string;
  /** Copies kept aside (runbook.old.md): a component left with no runbook is told they are not read. */
  aside: AsideCopy[];
  /** The folder's Components, by name. */
  components: string[];
}

/** A runbook file, or one of its `---` documents, and the components it says it is for (none: it does not say). */
interface RunbookPart<T> {
  value: T;
  file: string;
  line: number;
  names: NamedComponent[];
}

/**
 * Each service's runbook, from the runbook files in its catalog file's folder. They are matched
 * against the Components of every catalog file there (a catalog-info.yaml and the refunds.yaml its
 * Location lists beside it), not one file's: runbook.refunds.yaml is no unknown component to
 * catalog-info.yaml, and a runbook.yaml naming none is not given to each file's single Component.
 */
function giveRunbooks(services: Service[], options: ExtractRunbookOptions): void {
  const byFolder = new Map<string, Service[]>();
  for (const service of services) {
    const folder = dirname(service.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), service]);
  }
  for (const [folder, here] of byFolder) {
    const runbooks = runbooksBeside(folder, here, options);
    for (const service of here) giveRunbook(service, runbooks, options);
  }
}

/**
 * The runbook files in a folder of catalog files, each given to the component(s) it is for, so that
 * one file of several services never shows one team's on-call on another's page. A runbook says whose
 * it is by `component:` / `components:` (each document of runbook.yaml, runbook.md's front matter)
 * or by its name (`runbook.payments.yaml`); one that does not say is the folder's only Component's,
 * and beside several it is no one's, and said.
 */
function runbooksBeside(folder: string, services: Service[], options: ExtractRunbookOptions): RunbooksBeside {
  const components = services.map((service) => service.name);
  const catalogFiles = [...new Set(services.map((service) => basename(service.file)))];
  const yamlParts: Array<RunbookPart<RunbookYaml>> = [];
  const noteParts: Array<RunbookPart<Notes>> = [];
  const { own, aside } = ownRunbookFiles(folder, { catalogFiles, components }, options);
  // A component's own file first: it wins over a shared one that names the component too.
  for (const { file, component } of own) {
    const names = [{ name: component }];
    if (file.endsWith('.md')) noteParts.push({ value: readNotes(file, options).notes, file, line: 1, names });
    else
      for (const { document, line } of runbookDocuments(file))
        yamlParts.push({ value: readRunbook(document, file, options), file, line, names });
  }
  const sharedYaml = ['runbook.yaml', 'runbook.yml'].map((name) => join(folder, name)).find(existsSync);
  for (const { document, line } of sharedYaml ? runbookDocuments(sharedYaml) : [])
    yamlParts.push({
      value: readRunbook(document, sharedYaml!, options),
      file: sharedYaml!,
      line,
      names: namedComponents(document),
    });
  const sharedNotes = join(folder, 'runbook.md');
  if (existsSync(sharedNotes)) {
    const { notes, names } = readNotes(sharedNotes, options);
    noteParts.push({ value: notes, file: sharedNotes, line: 1, names });
  }
  const ambiguous = new Set<string>();
  const where = { catalogFiles, components, ambiguous, options };
  return {
    yaml: giveParts(yamlParts, { ...where, extension: 'yaml', how: 'at its top' }),
    notes: giveParts(noteParts, { ...where, extension: 'md', how: 'in its front matter (--- lines)' }),
    ambiguous,
    shared: sharedYaml ?? (existsSync(sharedNotes) ? sharedNotes : undefined),
    aside,
    components,
  };
}

/**
 * The `runbook.<name>.*` files of a folder: a component's own when `<name>` is one of its
 * Components; a copy kept aside (runbook.old.md) is not read; any other name is not read either,
 * and said, with the component meant when it is close to one (a typo would drop a page's on-call).
 */
function ownRunbookFiles(
  folder: string,
  where: { catalogFiles: string[]; components: string[] },
  options: ExtractRunbookOptions,
): { own: Array<{ file: string; component: string }>; aside: AsideCopy[] } {
  const { components } = where;
  const own: Array<{ file: string; component: string }> = [];
  const aside: AsideCopy[] = [];
  for (const name of readdirSync(folder).sort()) {
    const match = OWN_RUNBOOK.exec(name);
    const file = join(folder, name);
    if (!match || !statSync(file).isFile()) continue;
    const [, named, extension] = match as unknown as [string, string, string];
    const component = components.find((each) => each.toLowerCase() === named.toLowerCase());
    if (component) own.push({ file, component });
    else if (ASIDE.test(named)) aside.push({ file, component: copyOf(named, components) });
    else warnUnknownComponent(named, { file }, where, options, extension);
  }
  return { own, aside };
}

/** The component a copy's name starts with (`payments.old`, `payments-v2`); the longest, as `payments-api` is not `payments`'. */
function copyOf(named: string, components: string[]): string | undefined {
  const lower = named.toLowerCase();
  return components
    .filter((component) => /^[._-]/.test(lower.slice(component.length)) && lower.startsWith(component.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
}

/** A runbook file's documents; an empty file is one empty document, a runbook with nothing in it yet. */
function runbookDocuments(file: string): Array<{ document: YamlDocument; line: number }> {
  const documents = yamlDocuments(readFileSync(file, 'utf8'), file);
  return documents.length
    ? documents
    : [{ document: { value: {}, locate: () => ({}), file, text: '' } as YamlDocument, line: 1 }];
}

/** The components a runbook document names: `component: payments`, `components: [payments, refunds]`. */
function namedComponents(document: Pick<YamlDocument, 'value' | 'locate'>): NamedComponent[] {
  const value = (document.value ?? {}) as { component?: unknown; components?: unknown };
  const one = typeof value.component === 'string' && value.component.trim() ? [value.component.trim()] : [];
  const many = Array.isArray(value.components) ? value.components : [];
  return [
    ...one.map((name) => ({ name, line: document.locate('/component').line })),
    ...many.flatMap((name: unknown, index) =>
      typeof name === 'string' && name.trim()
        ? [{ name: name.trim(), line: document.locate(`/components/${index}`).line }]
        : [],
    ),
  ];
}

/**
 * Each runbook part to the components it names, in order (a component's own file first); one that
 * names none to the only component, or, beside several, to none, said once at the part.
 */
function giveParts<T>(
  parts: Array<RunbookPart<T>>,
  where: {
    catalogFiles: string[];
    components: string[];
    ambiguous: Set<string>;
    extension: string;
    how: string;
    options: ExtractRunbookOptions;
  },
): Map<string, { value: T; file: string }> {
  const { catalogFiles, components, options } = where;
  const given = new Map<string, { value: T; file: string }>();
  const give = (component: string, part: RunbookPart<T>, line?: number) => {
    const first = given.get(component.toLowerCase());
    if (first)
      options.report?.({
        code: 'DG_RUNBOOK_AMBIGUOUS',
        severity: 'warning',
        message: `${component} has its runbook in ${basename(first.file)} already: this one is left out`,
        location: { file: part.file, line: line ?? part.line },
        hint: `keep one runbook per component: merge them, or name the other component this one is for`,
      });
    else given.set(component.toLowerCase(), { value: part.value, file: part.file });
  };
  const unnamed = parts.filter((part) => !part.names.length);
  for (const part of parts)
    for (const { name, line } of part.names) {
      const component = components.find((each) => each.toLowerCase() === name.toLowerCase());
      if (component) give(component, part, line);
      else warnUnknownComponent(name, { file: part.file, line }, where, options);
    }
  for (const part of unnamed) {
    if (components.length === 1 && unnamed.length === 1) give(components[0]!, part);
    else {
      for (const component of components) where.ambiguous.add(component.toLowerCase());
      const example = components[0]!;
      options.report?.({
        code: 'DG_RUNBOOK_AMBIGUOUS',
        severity: 'warning',
        message: `${basename(part.file)} names no component, and ${describedBy(catalogFiles)} ${components.length}: ${components.join(', ')}; it is shown on none of their pages`,
        location: { file: part.file, line: part.line },
        hint: `say whose it is: component: ${example} ${where.how} (components: [${components.slice(0, 2).join(', ')}] for several${where.extension === 'yaml' ? '; one document per component, --- between them' : ''}), or name the file runbook.${example}.${where.extension}`,
      });
    }
  }
  return given;
}

/** The component a name no component has is close enough to be a typo of (`paymnets` for `payments`). */
function meantComponent(name: string, components: string[]): string | undefined {
  return closestName(name, components, name.length >= 6 ? 2 : 1);
}

/**
 * A runbook, or a part of one, for a component the folder's catalog files do not describe: a typo
 * would drop a page's on-call silently. `extension`: the component is named by the file's name
 * (`runbook.<name>.md`), so the whole file is not read, and the hint says what to name it.
 */
function warnUnknownComponent(
  name: string,
  location: { file: string; line?: number },
  where: { catalogFiles: string[]; components: string[] },
  options: ExtractRunbookOptions,
  extension?: string,
): void {
  const { catalogFiles, components } = where;
  const meant = meantComponent(name, components);
  const file = basename(location.file);
  options.report?.({
    code: 'DG_RUNBOOK_UNKNOWN_COMPONENT',
    severity: 'warning',
    message: `${extension ? `${file} is not read` : `${file}'s part for ${name} is left out`}: ${name} is no component here (${describedBy(catalogFiles)} ${components.join(', ')})`,
    location,
    hint: extension
      ? fileNameHint(meant, components, extension)
      : `${meant ? `did you mean ${meant}? ` : ''}the components there: ${components.join(', ')}`,
  });
}

/** How to name a runbook file for a component (the one meant, if its name is a typo of one), or keep it aside. */
function fileNameHint(meant: string | undefined, components: string[], extension: string): string {
  const name = meant
    ? `did you mean ${meant}? rename it runbook.${meant}.${extension}`
    : `to show it, name it runbook.<component>.${extension} (runbook.${components[0]}.${extension})`;
  return `${name} or merge it into runbook.${extension}; a copy kept aside is named so (runbook.old.${extension}) and not read`;
}

/** The catalog files of a folder as a message names them, with their verb: "catalog-info.yaml and indexer.yaml describe". */
function describedBy(catalogFiles: string[]): string {
  return catalogFiles.length > 1
    ? `${catalogFiles.slice(0, -1).join(', ')} and ${catalogFiles.at(-1)} describe`
    : `${catalogFiles[0]} describes`;
}

/** A service's own part of the runbooks beside it; none at all is a warning at its name. */
function giveRunbook(service: Service, runbooks: RunbooksBeside, options: ExtractRunbookOptions): void {
  const key = service.name.toLowerCase();
  const own = runbooks.yaml.get(key);
  if (own) service.runbookFile = own.file;
  service.runbook = { ...(own?.value ?? service.runbook), ...runbooks.notes.get(key)?.value };
  // A runbook beside it that names no component is warned about once, at the runbook.
  if (!own && !service.runbook.notes && !runbooks.ambiguous.has(key))
    options.report?.({
      code: 'DG_RUNBOOK_EMPTY',
      severity: 'warning',
      message: `${service.name} has no runbook.yaml or runbook.md: its page lists only what the catalog says`,
      // At the component's name: a file of several components names each apart.
      location: { file: service.file, line: service.line },
      hint: emptyHint(service, runbooks),
    });
}

/** How to give a component with no runbook one, and which copies kept aside of it are not read. */
function emptyHint(service: Service, runbooks: RunbooksBeside): string {
  // Beside the file that describes it, whatever its name (a Location may list `catalog/x.yaml`).
  const add = runbooks.shared
    ? `add a document with component: ${service.name} to ${basename(runbooks.shared)}, or write runbook.${service.name}.yaml beside ${basename(service.file)}: on-call, alerts and their actions, procedures`
    : `add a runbook.yaml beside ${basename(service.file)}: on-call, alerts and their actions, procedures`;
  // A copy that names no component (runbook.old.md) may be anyone's; one that names another is not this one's.
  const copies = runbooks.aside
    .filter((copy) => !copy.component || copy.component === service.name)
    .map((copy) => copy.file);
  return copies.length ? `${add}; ${asideHint(copies, service, runbooks.components)}` : add;
}

/** A component with no runbook but copies kept aside: they are not read, and the current one is to be named so. */
function asideHint(aside: string[], service: Service, components: string[]): string {
  const names = aside.map((file) => basename(file));
  const extension = names[0]!.endsWith('.md') ? 'md' : 'yaml';
  const current = components.length > 1 ? `runbook.${service.name}.${extension}` : `runbook.${extension}`;
  return `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not read (a copy kept aside, by its name): if it is current, rename it ${current}`;
}

/** A Component as its catalog file describes it; its runbook is given by giveRunbooks, once every catalog file is read. */
function toService(entity: Entity, file: string, line: number | undefined): Service {
  const { metadata, spec = {} } = entity;
  return {
    name: metadata.name,
    namespace: metadata.namespace ?? 'default',
    title: metadata.title ?? metadata.name,
    description: metadata.description,
    type: spec.type,
    lifecycle: spec.lifecycle,
    owner: spec.owner,
    system: spec.system,
    subcomponentOf: spec.subcomponentOf,
    tags: metadata.tags ?? [],
    labels: Object.entries(metadata.labels ?? {}).map(([key, value]) => ({ key, value })),
    annotations: Object.entries(metadata.annotations ?? {})
      .filter(([key]) => !looksSecret(key))
      .map(([key, value]) => ({ key, value })),
    links: linksOf(metadata),
    dependsOn: spec.dependsOn ?? [],
    dependencyOf: spec.dependencyOf ?? [],
    providesApis: spec.providesApis ?? [],
    consumesApis: spec.consumesApis ?? [],
    runbook: { dashboards: [], slos: [], alerts: [], procedures: [] },
    file,
    line,
  };
}

function toSystem(entity: Entity, file: string, line: number | undefined): System {
  const { metadata, spec = {} } = entity;
  return {
    name: metadata.name,
    namespace: metadata.namespace ?? 'default',
    title: metadata.title ?? metadata.name,
    description: metadata.description,
    owner: spec.owner,
    links: linksOf(metadata),
    file,
    line,
  };
}

/**
 * The links whose URL a page can link to. One that runs a script or carries its own content
 * (`javascript:`, `data:`, `file:`) would only ever be text in Confluence, which never follows
 * it: it is left out, said at its own line in the file that gives it.
 */
function safeLinks<T extends { url: string; title?: string }>(
  links: T[],
  where: { file: string; pointer: string; locate: (pointer: string) => { line?: number } },
  options: ExtractRunbookOptions,
): T[] {
  return links.filter((link, index) => {
    if (!isUnsafeUrl(link.url)) return true;
    options.report?.({
      code: 'DG_RUNBOOK_UNSAFE_URL',
      severity: 'warning',
      message: `${where.pointer.slice(1).replace('/', '.')} link ${link.title && link.title !== link.url ? `"${link.title}" ` : ''}goes to ${link.url.slice(0, 60)}, a URL that runs a script or carries its own content: left out`,
      location: { file: where.file, line: where.locate(`${where.pointer}/${index}/url`).line },
      hint: 'link to the http(s) page it stands for',
    });
    return false;
  });
}

/** An entity's `metadata.links`, each titled by its URL when it has no title. */
function linksOf(metadata: Entity['metadata']): Link[] {
  return (metadata.links ?? []).map((link): Link => ({ url: link.url, title: link.title ?? link.url }));
}

/** One runbook document (a runbook.yaml, or one of its `---` documents), without the components it names. */
function readRunbook(document: YamlDocument, file: string, options: ExtractRunbookOptions): RunbookYaml {
  const value = document.value ?? {};
  validateAgainstSchema(runbookSchema, value, {
    what: `runbook ${file}`,
    locate: document.locate,
    code: 'DG_RUNBOOK_INVALID',
  });
  const runbook = value as Partial<Runbook> & { alerts?: Runbook['alerts'] };
  return {
    oncall: runbook.oncall,
    dashboards: safeLinks(runbook.dashboards ?? [], { file, pointer: '/dashboards', locate: document.locate }, options),
    slos: runbook.slos ?? [],
    alerts: runbook.alerts ?? [],
    procedures: runbook.procedures ?? [],
  };
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

/**
 * What every entity of a catalog file must have, whatever its kind: any `<group>/<version>`
 * apiVersion (`backstage.io/v1alpha1`, a Template's `scaffolder.backstage.io/v1beta3`), a kind, a name.
 */
export const envelopeSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', pattern: '^[A-Za-z0-9.-]+/[A-Za-z0-9]+$' },
    kind: { type: 'string', minLength: 1 },
    metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
  },
} as const;

/** `metadata.links` of a Component or a System, as Backstage defines them: a `url` each, a `title` if any. */
const entityLinks = {
  type: 'array',
  items: {
    type: 'object',
    required: ['url'],
    properties: { url: { type: 'string' }, title: { type: 'string' } },
  },
} as const;

/** A Component: what this plugin reads, everything else allowed. */
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
        namespace: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
        title: { type: 'string' },
        description: { type: 'string' },
        tags: stringList,
        // Backstage allows only strings here; a number would otherwise be shown as written.
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        links: entityLinks,
      },
    },
    spec: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        lifecycle: { type: 'string' },
        owner: { type: 'string' },
        system: { type: 'string' },
        subcomponentOf: { type: 'string' },
        dependsOn: stringList,
        dependencyOf: stringList,
        providesApis: stringList,
        consumesApis: stringList,
      },
    },
  },
} as const;

/** A System: only what its components' pages show. */
export const systemSchema = {
  type: 'object',
  properties: {
    metadata: {
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
        namespace: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
        title: { type: 'string' },
        description: { type: 'string' },
        links: entityLinks,
      },
    },
    spec: { type: 'object', properties: { owner: { type: 'string' } } },
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
    // Whose runbook it is, where one catalog file describes several components.
    component: { type: 'string', minLength: 1 },
    components: { ...stringList, minItems: 1 },
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
