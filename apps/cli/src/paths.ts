import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocgenError } from '@docgen/core';

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
