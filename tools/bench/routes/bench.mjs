// `docgen api --routes` on a large NestJS app: the whole process, as a user runs it
// (node apps/cli/bin/run.js), wall time and peak RSS. Two apps:
//   - synthetic: nest-app.mjs writes one of @solidstarters/solid-core's shape (339 routes, ~550
//     files) to a temporary folder; always run.
//   - solid-core: the real package's source (@solidstarters/solid-core@1.2.209 ships src/), served
//     by a small main.ts whose AppModule imports SolidCoreModule. Skipped, with the reason printed,
//     unless --solid-core <folder> (or $DOCGEN_BENCH_SOLID_CORE) names the unpacked package:
//       npm pack @solidstarters/solid-core@1.2.209 --pack-destination /tmp/sc && tar xzf /tmp/sc/*.tgz -C /tmp/sc
//       node tools/bench/routes/bench.mjs --solid-core /tmp/sc/package
// Prints the median wall time of --runs runs (default 5, after one warm-up) with min and max, the
// median CPU time (user + system: steadier than wall time on a shared machine), and the largest
// peak RSS. Needs a build (npm run build). Copy what you saw into RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNestApp } from './nest-app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const bin = join(repo, 'apps', 'cli', 'bin', 'run.js');
const usage = join(here, 'usage.mjs');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const runs = Number(option('--runs') ?? 5);
const solidCore = option('--solid-core') ?? process.env.DOCGEN_BENCH_SOLID_CORE;

const work = mkdtempSync(join(tmpdir(), 'docgen-bench-routes-'));

/** One run of `docgen api --routes entry`: wall and CPU ms, peak RSS in MB, and the routes its page counts. */
function run(entry) {
  const out = join(work, 'out');
  const usageFile = join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['--import', usage, bin, 'api', '--routes', entry, '--out', out, '--no-storage'],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ROUTES_USAGE_FILE: usageFile } },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`docgen api --routes ${entry} exited ${result.status}: ${result.stderr}`);
  const routes = /: (\d+) routes/.exec(readFileSync(join(out, pageOf(out)), 'utf8'))?.[1];
  const { maxRSS, cpu } = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { ms, cpuMs: cpu / 1000, rssMb: maxRSS / 1024, routes };
}

const pageOf = (out) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).pages[0].markdownFile;

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function bench(name, entry) {
  run(entry); // warm the file cache and the CLI's code cache
  const samples = Array.from({ length: runs }, () => run(entry));
  const times = samples.map((s) => s.ms);
  const rss = Math.max(...samples.map((s) => s.rssMb));
  console.log(
    `| ${name} | ${samples[0].routes ?? '?'} | ${seconds(median(times))} | ${seconds(Math.min(...times))}–${seconds(Math.max(...times))} | ${seconds(median(samples.map((s) => s.cpuMs)))} | ${rss.toFixed(0)} MB |`,
  );
}

/** A main.ts beside the unpacked package whose AppModule imports SolidCoreModule from its source. */
function solidCoreEntry(pkg) {
  const src = join(work, 'solid-core-app', 'src');
  mkdirSync(src, { recursive: true });
  // Relative, as an app imports its own modules (docgen read no routes through an absolute specifier).
  const module = relative(src, resolve(pkg, 'src', 'solid-core.module')).replaceAll('\\', '/');
  writeFileSync(
    join(src, 'main.ts'),
    [
      "import { NestFactory } from '@nestjs/core';",
      "import { AppModule } from './app.module';",
      '',
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      '  await app.listen(3000);',
      '}',
      'bootstrap();',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(src, 'app.module.ts'),
    [
      "import { Module } from '@nestjs/common';",
      `import { SolidCoreModule } from '${module}';`,
      '',
      '@Module({ imports: [SolidCoreModule] })',
      'export class AppModule {}',
      '',
    ].join('\n'),
  );
  return join(src, 'main.ts');
}

try {
  console.log('| app | routes | wall, median | wall, min–max | CPU, median | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  bench('synthetic (nest-app.mjs)', writeNestApp(join(work, 'synthetic')));
  const skipped = !solidCore
    ? 'no --solid-core <folder> or $DOCGEN_BENCH_SOLID_CORE given'
    : !existsSync(join(solidCore, 'src', 'solid-core.module.ts'))
      ? `${solidCore} holds no src/solid-core.module.ts (unpack @solidstarters/solid-core@1.2.209)`
      : undefined;
  if (skipped) console.log(`\nsolid-core skipped: ${skipped}`);
  else bench('@solidstarters/solid-core@1.2.209', solidCoreEntry(solidCore));
  console.log(
    `\n${runs} run${runs === 1 ? '' : 's'} each after a warm-up, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
