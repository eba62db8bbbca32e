// The one Jest setup for every docgen project.
//
// Why it looks like this: docgen ships native ES modules, and unified/remark are ESM-only.
// Rather than transpiling node_modules to CommonJS (slow, and breaks `import.meta`), tests run
// as real ESM: `npm test` starts Jest under `--experimental-vm-modules`, @swc/jest strips the
// TypeScript types and keeps `import`/`export`, and workspace packages resolve to their `src/`
// so a test never needs a stale `dist/`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `@docgen/x` → `<repo>/<dir>/src/index.ts` for every workspace package that has one, and each
 * subpath export (`@docgen/core/url-safety` → `src/url-safety.ts`) to its source the same way.
 */
function workspaceSourceMap() {
  const map = {};
  const exactly = (specifier) => `^${specifier.replace(/[/@.-]/g, (c) => `\\${c}`)}$`;
  for (const group of ['packages', 'apps', 'tools']) {
    const groupDir = join(repoRoot, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const manifest = join(groupDir, entry, 'package.json');
      const source = join(groupDir, entry, 'src', 'index.ts');
      if (!existsSync(manifest) || !existsSync(source)) continue;
      const { name, exports } = JSON.parse(readFileSync(manifest, 'utf8'));
      map[exactly(name)] = source;
      for (const [subpath, target] of Object.entries(exports ?? {})) {
        const built = typeof target === 'object' ? target.default : target;
        const file = /^\.\/dist\/(.+)\.js$/.exec(built ?? '')?.[1];
        const subsource = file && join(groupDir, entry, 'src', `${file}.ts`);
        if (subpath === '.' || !subsource || !existsSync(subsource)) continue;
        map[exactly(`${name}${subpath.slice(1)}`)] = subsource;
      }
    }
  }
  return map;
}

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    ...workspaceSourceMap(),
    // TypeScript's NodeNext style imports `./x.js`; in tests that file is `./x.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
};
