/**
 * Service metadata docgen does not read: other service catalogs' files (OpsLevel, Cortex, Datadog,
 * Compass) and Backstage entities in files not named `catalog-info.yaml` that no Location lists.
 * Found so that the run says what it saw and what it reads instead, rather than "nothing here".
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Folders never searched: dependencies, build output, docgen's and Nx's caches. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.docgen', '.nx']);

export const CATALOG_FILES = new Set(['catalog-info.yaml', 'catalog-info.yml']);

/**
 * Another catalog's file, by its name, and where its fields go in a catalog-info.yaml: said for
 * the shape the file is written in (its first lines), since each catalog's versions name them
 * differently.
 */
const OTHER_FORMATS: Array<{ name: RegExp; format: string; mapping: (head: string) => string }> = [
  {
    name: /^opslevel\.ya?ml$/,
    format: 'OpsLevel',
    // A repository's file (`repository: { owner }`, auth0's) describes the repository, not a service.
    mapping: (head) =>
      /^repository:/m.test(head) && !/^service:/m.test(head)
        ? "repository.owner is a Component's spec.owner (this file describes a repository: the Component also needs metadata.name, the service's name, and spec.type and spec.lifecycle)"
        : "service.name, service.description, service.owner and service.lifecycle are a Component's metadata.name, metadata.description, spec.owner and spec.lifecycle, and service.dependencies its spec.dependsOn",
  },
  {
    name: /^cortex\.ya?ml$/,
    format: 'Cortex',
    mapping: () =>
      "info.x-cortex-tag, title and x-cortex-owners are a Component's metadata.name, metadata.title and spec.owner",
  },
  {
    name: /^service\.datadog\.ya?ml$/,
    format: 'Datadog Service Catalog',
    // Schema v3 (`apiVersion: v3`, `kind: service`) is Backstage-like; v2 and v2.x are flat.
    mapping: (head) =>
      /^apiVersion:\s*['"]?v3\b/m.test(head)
        ? "metadata.name, metadata.displayName, metadata.owner, metadata.links and spec.lifecycle are a Component's metadata.name, metadata.title, spec.owner, metadata.links and spec.lifecycle (its kind: service is kind: Component with spec.type: service)"
        : "dd-service, team (dd-team in schema v2) and links are a Component's metadata.name, spec.owner and metadata.links",
  },
  {
    name: /^compass\.ya?ml$/,
    format: 'Atlassian Compass',
    mapping: () =>
      "name, description, ownerId and links are a Component's metadata.name, metadata.description, spec.owner and metadata.links, and relationships.DEPENDS_ON its spec.dependsOn",
  },
];

export interface UnreadCatalog {
  file: string;
  /** `OpsLevel`, `Cortex`…, or `Backstage` for entities in a file named otherwise. */
  format: string;
  /** Where its fields go in a catalog-info.yaml (absent for Backstage's own entities). */
  mapping?: string;
}

/**
 * Files under `dir` that hold service metadata docgen does not read, in path order. Backstage
 * entities in files named otherwise are looked for only when `backstageToo` (no catalog file was
 * found at all): beside catalog files, other entity files are a Location's to list, or no service's.
 */
export function unreadCatalogs(dir: string, backstageToo: boolean): UnreadCatalog[] {
  const found: UnreadCatalog[] = [];
  walk(dir, new Set(), (file) => {
    const name = basename(file);
    const other = OTHER_FORMATS.find((format) => format.name.test(name));
    if (other) found.push({ file, format: other.format, mapping: other.mapping(fileHead(file)) });
    else if (backstageToo && /\.ya?ml$/i.test(name) && !CATALOG_FILES.has(name) && holdsBackstageEntity(file))
      found.push({ file, format: 'Backstage' });
  });
  return found;
}

/** Another catalog's files in folders with no catalog-info.yaml: services that get no runbook. */
export function unreadBesideNoCatalog(dir: string): UnreadCatalog[] {
  const withCatalog = new Set<string>();
  walk(dir, new Set(), (file) => {
    if (CATALOG_FILES.has(basename(file))) withCatalog.add(dirname(file));
  });
  return unreadCatalogs(dir, false).filter((unread) => !withCatalog.has(dirname(unread.file)));
}

function walk(dir: string, visited: Set<string>, visit: (file: string) => void): void {
  const real = realpathSync(dir);
  if (visited.has(real)) return;
  visited.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    let target: { isDirectory(): boolean; isFile(): boolean } | undefined = entry;
    if (entry.isSymbolicLink()) {
      try {
        target = statSync(path);
      } catch {
        target = undefined;
      }
    }
    if (target?.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(path, visited, visit);
    else if (target?.isFile()) visit(path);
  }
}

/** Whether a YAML file starts an entity of Backstage's (`apiVersion: backstage.io/v1alpha1`) in its first lines. */
function holdsBackstageEntity(file: string): boolean {
  return /^apiVersion:\s*['"]?backstage\.io\//m.test(fileHead(file));
}

/** A file's first 4 KB as text: enough to tell its shape without reading a large file whole. */
function fileHead(file: string): string {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
