/**
 * Code-macro languages. Confluence rejects nothing, but renders an unknown language as plain text
 * in Cloud and falls back to Java (its default) in Data Center, so every block names a language it
 * knows, or `none`.
 */

/** Data Center / legacy code macro (Confluence 7–10 default brushes). */
const DATACENTER = new Set([
  'actionscript3',
  'applescript',
  'bash',
  'coldfusion',
  'cpp',
  'csharp',
  'css',
  'delphi',
  'diff',
  'erlang',
  'groovy',
  'xml',
  'java',
  'javafx',
  'javascript',
  'none',
  'perl',
  'php',
  'powershell',
  'python',
  'ruby',
  'sass',
  'scala',
  'sql',
  'vb',
  'yaml',
]);

/** Cloud code block: the legacy brushes plus the languages of the new editor. */
const CLOUD = new Set([
  ...DATACENTER,
  'abap',
  'ada',
  'arduino',
  'c',
  'clojure',
  'coffeescript',
  'cuda',
  'd',
  'dart',
  'docker',
  'elixir',
  'elm',
  'fortran',
  'go',
  'graphql',
  'haskell',
  'html',
  'json',
  'jsx',
  'julia',
  'kotlin',
  'latex',
  'lisp',
  'lua',
  'makefile',
  'markdown',
  'matlab',
  'nginx',
  'objectivec',
  'ocaml',
  'pascal',
  'prolog',
  'protobuf',
  'puppet',
  'r',
  'racket',
  'rust',
  'scheme',
  'shell',
  'swift',
  'tcl',
  'terraform',
  'toml',
  'tsx',
  'typescript',
  'verilog',
  'vhdl',
  'visualbasic',
  'zig',
]);

/** What people write after the fence → the canonical name. */
const ALIASES: Record<string, string> = {
  as3: 'actionscript3',
  actionscript: 'actionscript3',
  sh: 'bash',
  zsh: 'bash',
  console: 'bash',
  'shell-session': 'bash',
  terminal: 'bash', // Prisma's docs
  shellscript: 'bash', // Shiki's and VS Code's name for shell (React Router's docs)

  shellsession: 'bash',
  ksh: 'bash',
  // A curl command (the `lang: cURL` of ReDoc's code samples in Sakari's, GraphHopper's, Zuora's specs).
  curl: 'bash',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  h: 'c',
  'c#': 'csharp',
  cs: 'csharp',
  dotnet: 'csharp',
  pas: 'delphi',
  patch: 'diff',
  erl: 'erlang',
  gradle: 'groovy',
  htm: 'html',
  xhtml: 'xml',
  xsl: 'xml',
  xslt: 'xml',
  svg: 'xml',
  plist: 'xml',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  'node.js': 'javascript',
  nodejs: 'javascript',
  ecmascript: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  // Angular's docs (adev): a component's TypeScript and a template, with Angular's syntax on top.
  'angular-ts': 'typescript',
  'angular-html': 'html',
  // Component files and templates of HTML with a framework's syntax on top (Vue's docs write
  // `vue-html` for a template, VitePress and Svelte's docs `vue`, `svelte`, Astro's `astro`).
  vue: 'html',
  'vue-html': 'html',
  svelte: 'html',
  astro: 'html',
  less: 'css',
  mdx: 'markdown',
  text: 'none',
  txt: 'none',
  plain: 'none',
  plaintext: 'none',
  ascii: 'none',
  pl: 'perl',
  ps1: 'powershell',
  pwsh: 'powershell',
  posh: 'powershell',
  py: 'python',
  py3: 'python',
  python3: 'python',
  gyp: 'python',
  rb: 'ruby',
  scss: 'sass',
  psql: 'sql',
  postgresql: 'sql',
  postgres: 'sql',
  mysql: 'sql',
  plsql: 'sql',
  tsql: 'sql',
  sqlite: 'sql',
  vbnet: 'vb',
  'vb.net': 'vb',
  vba: 'vb',
  yml: 'yaml',
  golang: 'go',
  dockerfile: 'docker',
  kt: 'kotlin',
  kts: 'kotlin',
  rs: 'rust',
  gql: 'graphql',
  json5: 'json',
  jsonc: 'json',
  jsonl: 'json',
  tex: 'latex',
  math: 'latex', // GitHub's ```math fences
  md: 'markdown',
  objc: 'objectivec',
  'objective-c': 'objectivec',
  make: 'makefile',
  mk: 'makefile',
  proto: 'protobuf',
  hcl: 'terraform',
  tf: 'terraform',
  clj: 'clojure',
  coffee: 'coffeescript',
  ex: 'elixir',
  exs: 'elixir',
  hs: 'haskell',
  jl: 'julia',
  ml: 'ocaml',
};

/** Where Data Center lacks a language, the closest brush it has (JSON highlights as JavaScript). */
const DATACENTER_FALLBACK: Record<string, string> = {
  html: 'xml',
  json: 'javascript',
  typescript: 'javascript',
  tsx: 'javascript',
  jsx: 'javascript',
  c: 'cpp',
  shell: 'bash',
  kotlin: 'java',
  visualbasic: 'vb',
  objectivec: 'cpp',
  swift: 'none',
};

export function codeLanguage(info: string | null | undefined, dialect: 'cloud' | 'datacenter'): string {
  const raw = (info ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\{?\.?/, '')
    .replace(/\}$/, '');
  if (!raw) return 'none';
  const language = knownLanguage(raw, dialect) ?? knownLanguage(variantBase(raw), dialect);
  return language ?? 'none';
}

/**
 * A language written with a variant after a dash, which a docs site reads for itself: MDN's
 * `js-nolint` and `html-nolint` (not linted), `sh-session`. Its base is the language.
 */
function variantBase(raw: string): string {
  const dash = raw.indexOf('-', 1);
  return dash === -1 ? '' : raw.slice(0, dash);
}

function knownLanguage(raw: string, dialect: 'cloud' | 'datacenter'): string | undefined {
  if (!raw) return undefined;
  const name = ALIASES[raw] ?? raw;
  if (dialect === 'cloud') return CLOUD.has(name) ? name : undefined;
  const fallback = DATACENTER.has(name) ? name : DATACENTER_FALLBACK[name];
  return fallback !== undefined && DATACENTER.has(fallback) ? fallback : undefined;
}
