/**
 * What identifies this converter's behaviour, for caches of its output: the package version
 * plus a hash of its own code, so a cache never outlives a change to the converter (even one
 * made without a version bump, as in development).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

let cached: string | undefined;

/** Modules of other docgen packages the conversion runs: a change to them changes its output too. */
const BORROWED_MODULES = ['@docgen/core/url-safety'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

export function converterFingerprint(): string {
  if (cached) return cached;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  const hash = createHash('sha256');
  for (const file of sourceFiles(here).sort())
    hash.update(relative(here, file)).update('\0').update(readFileSync(file)).update('\0');
  const require = createRequire(import.meta.url);
  for (const name of BORROWED_MODULES)
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(require.resolve(name)))
      .update('\0');
  cached = `${pkg.name}@${pkg.version}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
}
