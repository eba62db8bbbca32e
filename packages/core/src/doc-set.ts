import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from './config.js';

/**
 * The doc set a run publishes: the name docgen's property records on each page, which keeps the
 * pages of one repository apart from another's under the same Confluence parent (a run retires only
 * pages of its own doc set). `confluence.docSet` when the config names one; else the package the
 * config (or, with no config, the working folder) belongs to, with the config's folder inside it
 * (`acme-shop`, `acme-shop:docs`); else the repository's folder. Undefined when none of these is
 * found: the publisher then names the set after the tree's top-level keys.
 *
 * Not the sources: a name made of them changed whenever a source was added or taken out, and two
 * services each publishing an `api/…` tree under one parent had the same name and pruned each
 * other's pages on every run.
 */
export function docSetName(config: LoadedConfig, cwd: string): string | undefined {
  const named = config.config.confluence?.docSet;
  if (named) return named;
  const from = config.file ? config.dir : resolve(cwd);
  const owner = owningPackage(from);
  if (!owner) return undefined;
  const inside = config.file ? relative(owner.dir, config.dir).split(sep).join('/') : '';
  return inside && !inside.startsWith('..') ? `${owner.name}:${inside}` : owner.name;
}

/** The nearest package.json with a name at or above `from`, within its repository; else the repository's folder. */
function owningPackage(from: string): { name: string; dir: string } | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const name = packageName(join(dir, 'package.json'));
    if (name) return { name, dir };
    if (existsSync(join(dir, '.git'))) return { name: basename(dir), dir };
    if (dirname(dir) === dir) return undefined;
  }
}

function packageName(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const { name } = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
    return typeof name === 'string' && name.trim() ? name.trim() : undefined;
  } catch {
    return undefined; // a broken package.json is not this run's to report
  }
}
