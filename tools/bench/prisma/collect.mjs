// The sweep's inputs, out of tarballs `npm pack` fetched beforehand (README.md beside this file):
// each line of inputs.tsv is `<package>@<version>` and a path inside the package — a schema file,
// a folder of them (a multi-file schema, swept as a folder), or `<file>#N`, the Nth fenced code
// block (from 0) of a README. Nothing is downloaded here.
//
//   node tools/bench/prisma/collect.mjs <folder of .tgz> <folder to write the schemas to>
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [tarballs, out] = process.argv.slice(2);
if (!tarballs || !out) {
  console.error('usage: node tools/bench/prisma/collect.mjs <folder of .tgz> <output folder>');
  process.exit(2);
}
const inputs = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'inputs.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));
const scratch = mkdtempSync(join(tmpdir(), 'docgen-psweep-collect-'));
mkdirSync(out, { recursive: true });

/** The package's files, unpacked once: `npm pack` names `@scope/name@1.0.0` scope-name-1.0.0.tgz. */
function unpacked(spec) {
  const stem = spec
    .replace(/^@/, '')
    .replace('/', '-')
    .replace(/@(?=[^@]+$)/, '-');
  const dir = join(scratch, stem);
  if (!existsSync(dir)) {
    mkdirSync(dir);
    const tar = spawnSync('tar', ['xzf', join(tarballs, `${stem}.tgz`), '-C', dir]);
    if (tar.status !== 0) throw new Error(`${stem}.tgz: ${tar.stderr} (npm pack ${spec} into ${tarballs} first)`);
  }
  return join(dir, 'package');
}

/** The Nth fenced code block of a Markdown file. */
function fencedBlock(file, index) {
  const blocks = [...readFileSync(file, 'utf8').matchAll(/```[^\n]*\n([\s\S]*?)```/g)];
  return blocks[index][1];
}

let count = 0;
for (const [spec, path] of inputs) {
  const [file, block] = path.split('#');
  const name = `${spec.replace(/^@/, '').replace('/', '-')}__${file.replace(/\/$/, '').replaceAll('/', '~')}`;
  const from = join(unpacked(spec), file);
  if (block !== undefined) writeFileSync(join(out, `${name}~block${block}.prisma`), fencedBlock(from, Number(block)));
  else if (file.endsWith('/'))
    cpSync(from, join(out, name), { recursive: true, filter: (src) => !/\.\w+$/.test(src) || src.endsWith('.prisma') });
  else cpSync(from, join(out, name.endsWith('.prisma') ? name : `${name}.prisma`));
  count++;
}
rmSync(scratch, { recursive: true, force: true });
console.log(`${count} schemas written to ${out}`);
