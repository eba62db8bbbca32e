// Loads the CLI bundle (dist/bundle/docgen.cjs) with a V8 code cache the build wrote beside it
// (scripts/write-code-cache.js): V8 then takes the bytecode of the functions a typical run calls
// from the cache instead of compiling them again, which was ~15 % of a small run's instructions
// and ~4 % of a big one's (docs/adr/0007). Node 20 has no `module.enableCompileCache()`, so this
// compiles the bundle as Node's CommonJS loader would, with `vm.Script` and its `cachedData`.
// There are two caches: one trained on the main job, one on `--help`, which calls a tenth of the
// code and would spend more time reading the big cache than it saves.
// A cache is used only for the build, the Node and the flags it was made under (V8 would reject the
// other two itself). Under other ones (`NODE_OPTIONS=--max-old-space-size=…` in CI, a Node
// upgraded since the install) the first run compiles without one, then leaves a cache for its
// Node and flags beside the trained one, which the next runs under them take. The bundle's `import()`s call the function passed as `__docgenLoaderImport`
// (scripts/bundle.js): a `vm.Script` has no module loader of its own.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
/** The bundle's real path; a missing one (or a missing folder on the way) is named as the bundle, not as that folder. */
const bundleFile = () => {
  const file = fileURLToPath(new URL('../dist/bundle/docgen.cjs', import.meta.url));
  try {
    return realpathSync(file);
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
    throw Object.assign(new Error(`ENOENT: no such file: ${file}`), { code: 'ENOENT', path: file });
  }
};

/** The jobs a code cache is trained on (scripts/write-code-cache.js). */
export const codeCacheJobs = ['main', 'help'];
/** Where the build writes the code cache of a job: beside the bundle. */
const cacheFileBeside = (bundle, job) => `${bundle}.${job}.code-cache`;
export const codeCacheFile = (job) => cacheFileBeside(bundleFile(), job);
/** Where a run under another Node or other flags leaves the cache it made (`learnCodeCache`). */
const learnedCacheFileBeside = (bundle, job, runtime) => `${bundle}.${job}.${runtime}.code-cache`;
export const learnedCodeCacheFile = (job) => learnedCacheFileBeside(bundleFile(), job, runtimeId());
/** Learned caches (of any Node and flags), for the build to delete with the bundle they were made for. */
export const isLearnedCodeCache = (name) => /^docgen\.cjs\.\w+\.[0-9a-f]{12}\.code-cache$/.test(name);

/**
 * What V8 checks a code cache against besides the source: its own version (so Node's) and its
 * flags, which come from the command line and NODE_OPTIONS (a non-V8 option only costs a cache).
 */
export const runtimeId = () =>
  createHash('sha256')
    .update(JSON.stringify([process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? '']))
    .digest('hex')
    .slice(0, 12);

/** Whether a command line only asks for help or the version: the `help` cache is the one for it. */
export const asksForHelp = (args) =>
  args.length === 0 || args[0] === 'help' || args.some((arg) => ['--help', '-h', '--version', '-v'].includes(arg));

/**
 * The bundle's build id: its first line, `/* docgen bundle <id> *\/`. A cache's first line is
 * `docgen bundle <id> <runtime id>`: the build and the Node and flags it was made for.
 */
const buildIdOf = (source) => /^\/\* docgen bundle (\w+) \*\//.exec(source)?.[1];
const cacheHeader = (buildId, runtime) => `docgen bundle ${buildId} ${runtime}`;

/** The cache written for this very bundle under this Node and these flags, or undefined. */
function readCodeCache(file, header) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined; // never written (a build without one): compile
  }
  const newline = data.indexOf(10);
  return newline > 0 && data.toString('latin1', 0, newline) === header ? data.subarray(newline + 1) : undefined;
}

/** Written to a temporary file and renamed, so a concurrent run reads a whole cache or none. */
function writeCodeCache(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The bundle's exports, run with the code cache of `job` (unless `useCodeCache` is false): the
 * build's, else one a run under this Node and these flags learned. `usedCodeCache`: whether V8
 * took one; `codeCache()`: the code cache of what has run so far, with its header, for
 * `codeCacheFile(job)` (the build calls it after a typical run); `learnCodeCache()`: after a run
 * that had no cache, leave one for the next (false if the folder is read-only, say).
 */
export function loadBundle({ job = 'main', useCodeCache = true } = {}) {
  const file = bundleFile();
  // The build writes only ASCII (scripts/bundle.js), which Latin-1 reads as UTF-8 would, a third faster.
  const source = readFileSync(file, 'latin1');
  const buildId = buildIdOf(source);
  const runtime = runtimeId();
  const header = cacheHeader(buildId, runtime);
  const cachedData =
    useCodeCache && buildId
      ? (readCodeCache(cacheFileBeside(file, job), header) ??
        readCodeCache(learnedCacheFileBeside(file, job, runtime), header))
      : undefined;
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
  const usedCodeCache = cachedData !== undefined && !script.cachedDataRejected;
  const codeCache = () => Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), script.createCachedData()]);
  return {
    exports: bundle.exports,
    usedCodeCache,
    codeCache,
    learnCodeCache: () => {
      if (usedCodeCache || !useCodeCache || !buildId) return false;
      try {
        writeCodeCache(learnedCacheFileBeside(file, job, runtime), codeCache());
        return true;
      } catch {
        return false; // a read-only install: the next run compiles too, as it always could
      }
    },
  };
}
