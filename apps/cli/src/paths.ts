import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { DocgenError } from '@docgen/core';

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
export function expectRenderedFolder(dir: string): void {
  if (kindOf(resolve(dir)) !== 'file') return;
  throw new DocgenError({
    code: 'DG_RENDERED_NOT_FOLDER',
    message: `${dir} is a file; docgen publish takes the folder a generator command wrote (with its manifest.json)`,
    location: { file: dir },
    hint: 'pass the output folder of a generator command, e.g. `docgen generate --out docs-out`, then `docgen publish docs-out`',
  });
}
