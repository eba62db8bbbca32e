import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { CONFIG_FILE_NAMES, DocgenError } from '@docgen/core';

/**
 * A flag naming a file or folder. An empty value is a usage error: `--out=$OUT_DIR` with the
 * variable unset read as no flag at all, and rendered into the default folder, or every source
 * of the config instead of the one file meant.
 */
export function pathFlag(options: { summary: string; helpValue?: string }) {
  return Flags.string({
    ...options,
    parse: async (value, _context, flag) => {
      if (value.trim()) return value;
      // Exit 2: a usage error, which DocgenCommand prints as DG_USAGE.
      const message = `--${flag.name} is empty (an unset variable?); give it a path or leave it out`;
      throw Object.assign(new Error(message), { oclif: { exit: 2 } });
    },
  });
}

/** What `stat` says a path is; undefined when it does not exist (the reader reports that itself). */
function kindOf(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * `--config` must name a file: a folder reached the config loader, which failed with a bare
 * "EISDIR: illegal operation on a directory" naming neither the path nor the fix.
 */
export function expectConfigFile(config: string | undefined): void {
  if (config === undefined || kindOf(resolve(config)) !== 'folder') return;
  const inside = readdirSync(config).find((name) => /^docgen\.config\.(json|ya?ml|js|mjs|ts)$/.test(name));
  throw new DocgenError({
    code: 'DG_CONFIG_IS_FOLDER',
    message: `${config} is a folder; --config takes a config file`,
    location: { file: config },
    hint: `pass the config file, e.g. --config ${join(config, inside ?? 'docgen.config.yaml')}`,
  });
}

/** The rendered folder `docgen publish` reads must be a folder: a file failed as "manifest.json is not valid JSON: ENOTDIR". */
export function expectRenderedFolder(dir: string, configOut?: string): void {
  const kind = kindOf(resolve(dir));
  if (kind === 'file') {
    throw new DocgenError({
      code: 'DG_RENDERED_NOT_FOLDER',
      message: `${dir} is a file; docgen publish takes the folder a generator command wrote (with its manifest.json)`,
      location: { file: dir },
      hint: 'pass the output folder of a generator command, e.g. `docgen generate --out docs-out`, then `docgen publish docs-out`',
    });
  }
  if (kind === undefined) throw renderedFolderMissing(dir, configOut);
}

/**
 * A folder to publish that is not there: the config's output folder, when it has been rendered, is
 * the one most likely meant (a typo, or a path from another folder); else it has to be rendered first.
 */
function renderedFolderMissing(dir: string, configOut: string | undefined): DocgenError {
  const shown = configOut && relative(process.cwd(), configOut);
  const rendered = configOut && kindOf(join(configOut, 'manifest.json')) === 'file';
  return new DocgenError({
    code: 'DG_RENDERED_MISSING',
    message: `${dir} does not exist: nothing rendered there to publish`,
    location: { file: dir },
    hint: rendered
      ? `the config renders to ${shown}: run \`docgen publish ${shown}\``
      : `render it first (\`docgen generate --out ${dir}\`, or \`docgen api --openapi openapi.yaml --out ${dir}\`), then publish it; or add --publish to the generator command`,
  });
}

/** Folders never searched for a config: dependencies, VCS and build output. */
const NOT_SEARCHED = new Set(['node_modules', 'dist', 'build', 'coverage', 'docs-out']);
/** Names people give a docgen config that docgen does not look for (`docgen.yaml`, `docgen-config.yml`, `.docgenrc`). */
const CONFIG_LIKE = /^\.?docgen(?:[.-]?config)?(?:rc)?(?:\.(?:ya?ml|json|js|mjs|cjs|ts))?$/i;

/**
 * When no config is found here or above: the hint for where one is. A config in a subfolder
 * (`config/docgen.config.yaml`, a service's own) is named with the `--config` to pass; a file
 * named almost right (`docgen.yaml`) with the name to give it. Searched two folders deep.
 */
export function configNearbyHint(cwd: string): string | undefined {
  const found = configLikeFiles(cwd, 2);
  const misnamed = found.find((file) => !isConfigName(basename(file)));
  const below = found.find((file) => isConfigName(basename(file)));
  const shown = (file: string) => relative(cwd, file);
  if (below)
    return `found ${shown(below)} below: pass --config ${shown(below)}, or run from ${shown(dirname(below)) || '.'}`;
  if (misnamed)
    return `found ${shown(misnamed)}, which docgen does not look for: rename it ${join(dirname(shown(misnamed)), 'docgen.config.yaml')} (or .json, .mjs), or pass --config ${shown(misnamed)}`;
  return undefined;
}

function isConfigName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

function configLikeFiles(dir: string, depth: number): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // unreadable: nothing to suggest from it
  }
  const here = entries
    .filter((entry) => entry.isFile() && CONFIG_LIKE.test(entry.name))
    .map((entry) => join(dir, entry.name));
  if (depth === 0) return here;
  const folders = entries.filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_SEARCHED.has(entry.name),
  );
  return [...here, ...folders.flatMap((entry) => configLikeFiles(join(dir, entry.name), depth - 1))];
}
