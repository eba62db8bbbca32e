/**
 * Names as people write them: the words of an identifier or a package name, and a service's name
 * (its project.json's or package.json's, else its folder's) for a page title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The words of a name, split at what is not a letter or digit and where a capital follows a small
 * letter or digit: `users.service`, `users-service` and `usersService` → `users`, `service`.
 */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** Words a service name spells in small letters that people write otherwise. */
const WRITTEN_AS: Record<string, string> = {
  api: 'API',
  bff: 'BFF',
  graphql: 'GraphQL',
  grpc: 'gRPC',
  http: 'HTTP',
  rest: 'REST',
  rpc: 'RPC',
  sso: 'SSO',
  ui: 'UI',
};

/**
 * The service's name: its Nx `project.json` or `package.json` `name` (whichever is nearer) without
 * the scope, else the folder above `src/`. In an Nx workspace an app often has no package.json of
 * its own, and the root one names the workspace.
 */
export function serviceName(entry: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const project = nameIn(join(dir, 'project.json'));
    if (project) return project;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = nameIn(manifest);
      if (name) return name;
      break; // the package's own package.json names nothing: its folder does
    }
  }
  const dir = dirname(entry);
  return basename(basename(dir) === 'src' ? dirname(dir) : dir);
}

/** The `name` of a JSON manifest, without its npm scope; undefined when absent or unreadable. */
function nameIn(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name.replace(/^@[^/]+\//, '') : undefined;
  } catch {
    return undefined; // an unreadable manifest names nothing
  }
}

/**
 * A service's name (a package name without its scope, or a folder's) as a person writes it in a
 * title: its words, the first capitalised, the rest in small letters unless written in capitals
 * (`order-service` → `Order service`, `catalogApi` → `Catalog API`, `payments` → `Payments`).
 */
export function readableName(service: string): string {
  const words = wordsOf(service).map((word) => WRITTEN_AS[word.toLowerCase()] ?? spokenCase(word));
  if (!words.length) return service;
  const [first, ...rest] = words;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(' ');
}

/** A word in small letters, unless it is all capitals (an acronym the author wrote: `AWS`). */
function spokenCase(word: string): string {
  return /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word) && word.length > 1 ? word : word.toLowerCase();
}
