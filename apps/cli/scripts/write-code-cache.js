#!/usr/bin/env node
// Writes the V8 code caches bin/run.js loads the bundle with (bin/load-bundle.js), after the bundle
// is built. Each is trained in a process of its own, under this Node and these V8 flags, which must
// be the ones docgen will run with (V8 rejects a cache made under others, and docgen then compiles
// as it would without one):
//   main  `docgen generate` on the bundled example (every built-in plugin, Markdown and storage
//         XHTML, nothing published): the main job, and the code of every other command's work;
//   help  `docgen --help`.
// Runs at install with the root `npm run build`, which also deletes the caches runs under other
// Nodes or flags learned for the previous bundle. What a job prints is summed up in one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheFile, codeCacheJobs, isLearnedCodeCache, loadBundle } from '../bin/load-bundle.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(cli, '..', '..', 'examples', 'acme-shop', 'docgen.config.yaml');

const job = process.argv[2];
if (!job) {
  const folder = dirname(codeCacheFile('main'));
  for (const name of readdirSync(folder)) if (isLearnedCodeCache(name)) rmSync(join(folder, name), { force: true });
  for (const each of codeCacheJobs) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), each], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  const sizes = codeCacheJobs.map(
    (each) => `${each} ${(statSync(codeCacheFile(each)).size / 1024 / 1024).toFixed(1)} MB`,
  );
  console.log(`dist/bundle code caches: ${sizes.join(', ')}`);
} else {
  const out = mkdtempSync(join(tmpdir(), 'docgen-code-cache-'));
  const args = {
    main: ['generate', '--config', example, '--out', out, '--no-cache', '--json'],
    help: ['--help'],
  }[job];
  const { exports, codeCache } = loadBundle({ job, useCodeCache: false });
  const printed = [];
  const { write } = process.stdout;
  process.stdout.write = (chunk, ...rest) => (
    printed.push(String(chunk)),
    rest.find((arg) => typeof arg === 'function')?.(),
    true
  );
  try {
    await exports.execute({ dir: join(cli, 'bin', 'run.js'), args });
  } finally {
    process.stdout.write = write;
    rmSync(out, { recursive: true, force: true });
  }
  if (process.exitCode) throw new Error(`docgen ${args.join(' ')} failed: ${printed.join('').slice(0, 2000)}`);
  writeFileSync(codeCacheFile(job), codeCache());
}
