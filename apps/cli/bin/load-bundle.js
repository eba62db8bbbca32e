// Loads the CLI bundle (dist/bundle/docgen.cjs) with a V8 code cache the build wrote beside it
// (scripts/write-code-cache.js): V8 then takes the bytecode of the functions a typical run calls
// from the cache instead of compiling them again, which was ~15 % of a small run's instructions
// and ~4 % of a big one's (docs/adr/0007). Node 20 has no `module.enableCompileCache()`, so this
// compiles the bundle as Node's CommonJS loader would, with `vm.Script` and its `cachedData`.
// There are two caches: one trained on the main job, one on `--help`, which calls a tenth of the
// code and would spend more time reading the big cache than it saves.
// A cache from another build, another Node or other V8 flags is not used (V8 rejects the last two
// itself). The bundle's `import()`s call the function passed as `__docgenLoaderImport`
// (scripts/bundle.js): a `vm.Script` has no module loader of its own.
import { readFileSync, realpathSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const bundleFile = () => realpathSync(fileURLToPath(new URL('../dist/bundle/docgen.cjs', import.meta.url)));

/** The jobs a code cache is trained on (scripts/write-code-cache.js). */
export const codeCacheJobs = ['main', 'help'];
/** Where the build writes the code cache of a job: beside the bundle. */
const cacheFileBeside = (bundle, job) => `${bundle}.${job}.code-cache`;
export const codeCacheFile = (job) => cacheFileBeside(bundleFile(), job);

/** Whether a command line only asks for help or the version: the `help` cache is the one for it. */
export const asksForHelp = (args) =>
  args.length === 0 || args[0] === 'help' || args.some((arg) => ['--help', '-h', '--version', '-v'].includes(arg));

/** The bundle's build id: its first line, `/* docgen bundle <id> *\/`, which each cache's first line repeats. */
const buildIdOf = (source) => /^\/\* docgen bundle (\w+) \*\//.exec(source)?.[1];

/** The cache written for this very bundle, or undefined. */
function readCodeCache(file, buildId) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined; // never written (a build without one): compile
  }
  const newline = data.indexOf(10);
  return newline > 0 && data.toString('latin1', 0, newline) === `docgen bundle ${buildId}`
    ? data.subarray(newline + 1)
    : undefined;
}

/**
 * The bundle's exports, run with the code cache of `job` (unless `useCodeCache` is false); `usedCodeCache`,
 * whether V8 took it; and `codeCache()`: the code cache of what has run so far, with this bundle's
 * id, for `codeCacheFile(job)` (the build calls it after a typical run).
 */
export function loadBundle({ job = 'main', useCodeCache = true } = {}) {
  const file = bundleFile();
  // The build writes only ASCII (scripts/bundle.js), which Latin-1 reads as UTF-8 would, a third faster.
  const source = readFileSync(file, 'latin1');
  const buildId = buildIdOf(source);
  const cachedData = useCodeCache && buildId ? readCodeCache(cacheFileBeside(file, job), buildId) : undefined;
  const parameters = 'exports, require, module, __filename, __dirname, __docgenLoaderImport';
  const script = new vm.Script(`(function (${parameters}) { ${source}\n})`, { filename: file, cachedData });
  const bundle = new Module(file);
  bundle.filename = file;
  // oclif requires this same file for the commands and hooks package.json names: it gets this copy.
  require.cache[file] = bundle;
  try {
    const dynamicImport = (specifier) => import(specifier);
    script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file), dynamicImport);
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  bundle.loaded = true;
  return {
    exports: bundle.exports,
    usedCodeCache: cachedData !== undefined && !script.cachedDataRejected,
    codeCache: () => Buffer.concat([Buffer.from(`docgen bundle ${buildId}\n`, 'latin1'), script.createCachedData()]),
  };
}
