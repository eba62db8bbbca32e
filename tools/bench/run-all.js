#!/usr/bin/env node
// `npm run bench`: every benchmark in tools/bench, one after the other (they compete for CPU if run
// together). Each prints its own figures; copy what you saw into docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, 'bench.mjs')))
  .map((entry) => entry.name)
  .filter((name) => !only.length || only.includes(name));

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(process.execPath, [join(here, name, 'bench.mjs')], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
