#!/usr/bin/env node
// Bundles the CLI (oclif, the commands, docgen's packages and their light dependencies) into one
// CommonJS file, dist/bundle/docgen.cjs, with esbuild, after `tsc -b`. Why: a cold `docgen api` spent
// ~0.3 s resolving and loading ~450 module files one by one; from one bundle it is a fraction of that
// (docs/benchmarks.md, ADR 7). One CommonJS script, not ES module chunks: Node's CommonJS loader
// reads and compiles one file faster than its ES module loader links a dozen chunks (a cold
// bitbucket run ~10 % faster, ~25 MB less, `--help` ~40 ms faster; ADR 7). What a command loads
// lazily stays lazy: esbuild wraps each `import()`ed module in a function that runs on first use.
// Native and WebAssembly packages, the publisher and the sandbox load from node_modules as before.
// Each module's `import.meta.url` keeps meaning its own file, so packages still find their
// templates, package.json and worker scripts where they are.
import { parse } from 'acorn';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(cli, '..', '..');
const outdir = join(cli, 'dist', 'bundle');

/** The package a workspace file belongs to: its name, and the file's path inside it. */
async function owningPackage(file) {
  for (let dir = dirname(file); dir.startsWith(repo); dir = dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest) return { name: JSON.parse(manifest).name, path: relative(dir, file).split(sep).join('/') };
  }
  throw new Error(`${file} is in no package`);
}

/**
 * `import.meta.url` in a workspace module → the URL of that module's own file, found through its
 * package (`<name>/package.json`, which every package exports) so it holds wherever the packages
 * are installed.
 */
const ownModuleUrl = {
  name: 'own-module-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      if (path.includes(`${sep}node_modules${sep}`) || !path.startsWith(repo)) return undefined;
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const { name, path: inside } = await owningPackage(path);
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `__docgenModuleUrl(${JSON.stringify(name)}, ${JSON.stringify(inside)})`,
        ),
        loader: 'js',
      };
    });
  },
};

/**
 * Atop the bundle: strict mode, which the ES modules it is made of ran in; the helper the plugin
 * above calls; `import.meta.url` for a dependency that reads it (the bundle's own URL); and the
 * `import()` the bundle's dynamic imports call (see `routeDynamicImports`).
 */
const banner = `"use strict";
const __docgenUrl = require('node:url');
const __docgenBundleUrl = __docgenUrl.pathToFileURL(__filename).href;
const __docgenModuleUrl = (name, path) => new URL(path, __docgenUrl.pathToFileURL(require.resolve(name + '/package.json'))).href;
const __docgenImport = typeof __docgenLoaderImport === 'function' ? __docgenLoaderImport : (specifier) => import(specifier);`;

/**
 * Every `import(x)` of the bundle → `__docgenImport(x)`. bin/load-bundle.js compiles the bundle
 * with `vm.Script` (for its code cache), where a bare `import()` has no module loader unless an
 * experimental option (which warns on stderr) gives it Node's; the loader passes a function of its
 * own, an ES module, whose `import()` is Node's. The bundle required plainly uses its own.
 * The places are found by parsing, not by matching text, so strings and comments are left alone.
 */
function routeDynamicImports(code) {
  const starts = [];
  const visit = (node) => {
    if (node.type === 'ImportExpression') starts.push(node.start);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (typeof child?.type === 'string') visit(child);
    }
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  let routed = code;
  for (const start of starts.sort((a, b) => b - a)) {
    if (routed.slice(start, start + 6) !== 'import') throw new Error(`bundle: no import() at offset ${start}`);
    routed = `${routed.slice(0, start)}__docgenImport${routed.slice(start + 6)}`;
  }
  return routed;
}

/**
 * Every character past ASCII as a `\\uXXXX` escape. esbuild escapes them in strings but leaves
 * comments and regular expressions as they were; one of them makes Node decode the whole 3 MB
 * file on its slow UTF-8 path (~45 ms here) and V8 keep it as a two-byte string.
 */
const asciiOnly = (code) =>
  code.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Fails the build where an escape would change what the code means (a `\\` before the character). */
function checkEscapable(code) {
  const escaped = /\\[^\0-\x7f]/.exec(code);
  if (escaped)
    throw new Error(
      `bundle: a non-ASCII character after a backslash at offset ${escaped.index}; escaping it would change the code`,
    );
}

await rm(outdir, { recursive: true, force: true }); // no file of an earlier build left behind
const result = await build({
  stdin: {
    contents: [
      // oclif's execute, with `--version --json` answered as JSON (src/execute.ts)
      "export { execute } from './dist/execute.js';",
      "export { COMMANDS } from './dist/commands.js';",
      // package.json oclif.hooks and oclif.helpClass: stray words after a command, an unknown command
      "export { COMMAND_NOT_FOUND, DocgenHelp } from './dist/command-not-found.js';",
      '',
    ].join('\n'),
    resolveDir: cli,
    sourcefile: 'docgen-entry.js',
  },
  outfile: join(outdir, 'docgen.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [
    // Native addons and WebAssembly engines load from node_modules, as they would unbundled;
    // oclif only reaches for TypeScript in development mode.
    'better-sqlite3',
    'ts-morph',
    'typescript',
    '@prisma/prisma-schema-wasm',
    '@hpcc-js/wasm-graphviz',
    // Publishing and the sandbox wait on the network and disk, not on start-up.
    '@docgen/publisher',
    '@docgen/confluence-sandbox',
  ],
  define: { 'import.meta.url': '__docgenBundleUrl' },
  plugins: [ownModuleUrl],
  logLevel: 'warning',
  metafile: true,
  write: false,
});
await mkdir(outdir, { recursive: true });
for (const { path, text } of result.outputFiles) {
  checkEscapable(text);
  const code = `${banner}\n${asciiOnly(routeDynamicImports(text))}`;
  // The build id bin/load-bundle.js matches the code cache against: a hash of the code, so the same
  // sources give the same bundle.
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  await writeFile(path, `/* docgen bundle ${buildId} */\n${code}`);
}
console.log(`dist/bundle/docgen.cjs: ${Object.keys(result.metafile.inputs).length} modules`);
