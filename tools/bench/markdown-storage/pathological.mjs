// Worst cases for the converter: inputs built to make a parser go quadratic (unclosed brackets,
// delimiter runs, deep nesting, thousands of footnotes, huge tables). Prints the time of each;
// anything far above the ~2 s/MB of ordinary Markdown is a bug to look at.
//
//   npx tsc -b packages/markdown-storage && node tools/bench/markdown-storage/pathological.mjs
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const { convertMarkdown } = await import(
  join(here, '..', '..', '..', 'packages', 'markdown-storage', 'dist', 'index.js')
);

const N = 50_000;
const cases = {
  'unclosed [': '['.repeat(N),
  'stray ]': ']'.repeat(N),
  '*a runs': '*a '.repeat(N),
  '_a_ then ___…': '_a_ '.repeat(N) + '_'.repeat(N),
  'backtick runs': '`a'.repeat(N),
  'unclosed links': '[a](b '.repeat(N),
  'unclosed images': '![a'.repeat(N),
  '< runs': '<a '.repeat(N),
  'directive-like': ':a[b'.repeat(N),
  'attribute-like': ':a{b='.repeat(N),
  '~ runs': '~a'.repeat(N),
  'URL then *& in one run': 'www.a.com/' + '*&'.repeat(N),
  'URL then *_~& in one run': 'www.a.com/' + '*_~&'.repeat(N / 2),
  'URL, then a* without spaces': 'www.a.com x ' + 'a*'.repeat(N),
  'table, 50k rows': '| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(N),
  'table, 2k columns': `|${' a |'.repeat(2000)}\n|${'---|'.repeat(2000)}\n${`|${' x |'.repeat(2000)}\n`.repeat(50)}`,
  'quotes, 50k deep': `${'> '.repeat(N)}x`,
  'lists, 5k deep': `${'- '.repeat(5000)}x`,
  'URL ( runs': 'http://a.com/('.repeat(N),
  '(www._ runs': '(www._'.repeat(Math.round(N / 3)),
  'email runs': 'a@b.c'.repeat(N),
  entities: '&amp;'.repeat(N),
  'unclosed containers': ':::a\n'.repeat(5000),
  '5k footnotes': `${Array.from({ length: 5000 }, (_, i) => `[^${i}]`).join(' ')}\n\n${Array.from({ length: 5000 }, (_, i) => `[^${i}]: n${i}`).join('\n')}`,
};
convertMarkdown('# warm up\n\n*a* [b](c) | table |\n');
const rows = [];
for (const [name, markdown] of Object.entries(cases)) {
  const start = performance.now();
  const { storage } = convertMarkdown(markdown);
  const ms = performance.now() - start;
  rows.push({
    name,
    kb: Math.round(markdown.length / 1024),
    ms: Math.round(ms),
    msPerMb: Math.round(ms / (markdown.length / 1048576)),
    outKb: Math.round(storage.length / 1024),
  });
}
console.log('| input | size | time | per MB | output |\n| --- | --- | --- | --- | --- |');
for (const row of rows)
  console.log(`| ${row.name} | ${row.kb} KB | ${row.ms} ms | ${row.msPerMb} ms | ${row.outKb} KB |`);
console.log(JSON.stringify({ benchmark: 'markdown-storage pathological', node: process.version, rows }));
