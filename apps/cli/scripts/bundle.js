#!/usr/bin/env node
// Bundles the CLI (oclif, the commands, docgen's packages and their light dependencies) into
// dist/bundle/ with esbuild, after `tsc -b`. Why: a cold `docgen api` spent ~0.3 s resolving and
// loading ~450 module files one by one; from one bundle it is a fraction of that
// (docs/benchmarks.md). What a command loads lazily stays lazy (a chunk of its own, loaded on
// first use); native and WebAssembly packages, and what is loaded with `createRequire`, are loaded
// from node_modules as before. Each module's `import.meta.url` keeps meaning its own file, so
// packages still find their templates, package.json and worker scripts where they are.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
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

/** Atop every output file: `require` for CommonJS dependencies, and the helper the plugin above calls. */
const banner = `import { createRequire as __docgenCreateRequire } from 'node:module';
import { pathToFileURL as __docgenPathToFileURL } from 'node:url';
const require = __docgenCreateRequire(import.meta.url);
const __docgenModuleUrl = (name, path) => new URL(path, __docgenPathToFileURL(require.resolve(name + '/package.json'))).href;`;

await rm(outdir, { recursive: true, force: true }); // no chunks of an earlier build left behind
const result = await build({
  stdin: {
    contents: [
      "export { execute } from '@oclif/core';",
      "export { COMMANDS } from './dist/commands.js';",
      // package.json oclif.hooks and oclif.helpClass: stray words after a command, an unknown command
      "export { COMMAND_NOT_FOUND, DocgenHelp } from './dist/command-not-found.js';",
      '',
    ].join('\n'),
    resolveDir: cli,
    sourcefile: 'docgen-entry.js',
  },
  outdir,
  entryNames: 'docgen',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
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
  banner: { js: banner },
  plugins: [ownModuleUrl],
  logLevel: 'warning',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
console.log(`dist/bundle: ${files.length} files from ${Object.keys(result.metafile.inputs).length} modules`);
