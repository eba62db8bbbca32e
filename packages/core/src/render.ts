import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { closestName, codeFrame, DocgenError, isDocgenError, type Diagnostic } from './diagnostics.js';
import { contentHash } from './hash.js';
import { slug } from './page-tree.js';
import type { TemplateRenderer } from './plugin.js';
import { createFieldChecks, FIELD_CHECK_HELPER, type FieldChecks } from './template-fields.js';

/**
 * Handlebars rendering for Markdown output.
 *
 * A plugin ships its default templates in one folder (`<name>.hbs`, partials `_<name>.hbs`);
 * a user overrides any of them, one file at a time, with a file of the same name in
 * `<templates>/<plugin>/`. Output is Markdown, so HTML escaping is off: templates escape
 * explicitly with the helpers below (`cell` for table cells, `md` for inline text, `fence` for code,
 * `code` for inline code, `slug` for anchors, `json`).
 */
export interface TemplateRendererOptions {
  /** The plugin's default templates. */
  defaultsDir?: string;
  /** The user's overrides for this plugin (usually `<config dir>/templates/<plugin>`); may not exist. */
  overridesDir?: string;
  /** Extra helpers a plugin registers. */
  helpers?: Record<string, Handlebars.HelperDelegate>;
}

interface TemplateSource {
  name: string;
  file: string;
  text: string;
  partial: boolean;
  /** The user's override (not the plugin's default): its field lookups are checked. */
  override: boolean;
  /** Its precompiled form, when the folder's precompiled.cjs has it for this very text. */
  spec?: TemplateSpecification;
}

/** What `Handlebars.precompile` makes (its type is not exported by name). */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** Compile options, the same for precompiled and compiled templates. */
const COMPILE_OPTIONS = { noEscape: true, strict: false } as const;
/** A templates folder's precompiled templates: `precompileTemplates` writes it at build time. */
const PRECOMPILED_FILE = 'precompiled.cjs';

interface PrecompiledFile {
  handlebars: string;
  templates: Record<string, { hash: string; spec: TemplateSpecification }>;
}

let handlebarsModule: typeof Handlebars | undefined;

/**
 * Load Handlebars ahead of `createTemplateRenderer`, which is synchronous and would load it with
 * `require` on first use: plugin runs call this first, so a bundle carries Handlebars in a chunk of
 * its own, loaded only by commands that render.
 */
export async function loadTemplateEngine(): Promise<void> {
  handlebarsModule ??= (await import('handlebars')).default;
}

/** Handlebars, loaded on first use so that importing @docgen/core (every command does) stays cheap. */
function templateEngine(): typeof Handlebars {
  return (handlebarsModule ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars);
}

/**
 * Precompile the templates of a folder (a plugin's defaults, run by its build) into
 * `<dir>/precompiled.cjs`: a run then skips parsing and compiling them, which costs a cold start
 * more than rendering does. A template edited since is compiled from its text as before (each is
 * matched by its hash), and a file written by another Handlebars version is ignored.
 */
export function precompileTemplates(dir: string): string[] {
  const handlebars = templateEngine();
  const names = readdirSync(dir)
    .filter((entry) => entry.endsWith('.hbs'))
    .sort();
  const entries = names.map((entry) => {
    const source = {
      name: entry,
      file: join(dir, entry),
      text: readFileSync(join(dir, entry), 'utf8'),
      partial: false,
      override: false,
    };
    let spec: string;
    try {
      spec = handlebars.precompile(source.text, COMPILE_OPTIONS) as string;
    } catch (error) {
      throw templateError(error, source);
    }
    return `  ${JSON.stringify(entry)}: { hash: ${JSON.stringify(contentHash(source.text))}, spec: ${spec} },`;
  });
  const module = [
    '// Written by precompileTemplates (@docgen/core) from the .hbs files beside it; do not edit.',
    `module.exports = { handlebars: ${JSON.stringify(handlebars.VERSION)}, templates: {`,
    ...entries,
    '} };',
    '',
  ].join('\n');
  writeFileSync(join(dir, PRECOMPILED_FILE), module);
  return names;
}

function readPrecompiled(dir: string, handlebars: typeof Handlebars): PrecompiledFile['templates'] | undefined {
  const file = join(dir, PRECOMPILED_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const precompiled = createRequire(import.meta.url)(file) as PrecompiledFile;
    return precompiled.handlebars === handlebars.VERSION ? precompiled.templates : undefined;
  } catch {
    return undefined; // unreadable: the templates are compiled from their text
  }
}

/**
 * A template neither the plugin nor the user's overrides have. When the plugin's own folder is not
 * there at all, the plugin is at fault, not the user: most often its `templatesDir` is a URL's
 * `pathname` (`%20` for a space in the project's path) or its package does not ship `templates/`.
 */
function missingTemplate(name: string, options: TemplateRendererOptions): DocgenError {
  const defaultsDir = options.defaultsDir;
  if (defaultsDir && !existsSync(defaultsDir)) {
    const decoded = safeDecode(defaultsDir);
    return new DocgenError({
      code: 'DG_PLUGIN_TEMPLATES_DIR',
      message: `no template "${name}.hbs": the plugin's templatesDir ${defaultsDir} does not exist`,
      location: { file: defaultsDir },
      hint:
        decoded !== defaultsDir && existsSync(decoded)
          ? `set templatesDir to a path, not a URL's pathname (it keeps %20 for a space): ${TEMPLATES_DIR_EXAMPLE}`
          : `ship the plugin's templates folder (package.json "files": ["dist", "templates"]) and point templatesDir at it, or add ${name}.hbs to ${options.overridesDir ?? 'the templates folder'}`,
    });
  }
  return new DocgenError({
    code: 'DG_TEMPLATE_MISSING',
    message: `no template "${name}.hbs"`,
    location: defaultsDir ? { file: defaultsDir } : undefined,
    hint: `add ${name}.hbs to ${options.overridesDir ?? 'the templates folder'}`,
  });
}

/**
 * How a plugin module names its templates folder. Spelled in pieces: the CLI's bundler rewrites
 * that expression wherever its text appears in docgen's code (apps/cli/scripts/bundle.js), strings too.
 */
const TEMPLATES_DIR_EXAMPLE = `fileURLToPath(new URL('../templates/', ${['import', 'meta', 'url'].join('.')}))`;

/** `text` with its %-escapes decoded, or as it is when they are not valid. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function createTemplateRenderer(options: TemplateRendererOptions): TemplateRenderer & {
  files(): Record<string, string>;
  /** Fields the user's overrides name that no render found (`{{dat}}`): one warning per place. */
  unknownFields(plugin?: string): Diagnostic[];
} {
  const handlebars = templateEngine().create();
  const sources = new Map<string, TemplateSource>();
  for (const dir of [options.defaultsDir, options.overridesDir]) {
    if (!dir || !existsSync(dir)) continue;
    const precompiled = readPrecompiled(dir, handlebars);
    for (const entry of readdirSync(dir)) {
      if (!entry.endsWith('.hbs')) continue;
      const partial = entry.startsWith('_');
      const name = entry.slice(partial ? 1 : 0, -'.hbs'.length);
      const file = join(dir, entry);
      const text = readFileSync(file, 'utf8');
      const ready = precompiled?.[entry];
      const spec = ready?.hash === contentHash(text) ? ready.spec : undefined;
      const override = dir === options.overridesDir;
      sources.set(`${partial ? '_' : ''}${name}`, { name, file, text, partial, override, spec });
    }
  }
  registerMarkdownHelpers(handlebars);
  for (const [name, helper] of Object.entries(options.helpers ?? {})) handlebars.registerHelper(name, helper);
  const fieldChecks = createFieldChecks(handlebars);
  for (const source of sources.values()) {
    if (source.partial) handlebars.registerPartial(source.name, compileTemplate(handlebars, source, fieldChecks));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const template = (name: string) => {
    const source = sources.get(name);
    if (!source || source.partial) throw missingTemplate(name, options);
    let fn = compiled.get(name);
    if (!fn) {
      fn = compileTemplate(handlebars, source, fieldChecks);
      compiled.set(name, fn);
    }
    return { fn, source };
  };
  return {
    has: (name) => sources.has(name) && !sources.get(name)!.partial,
    render(name, data) {
      const { fn, source } = template(name);
      try {
        return flat(fn(data));
      } catch (error) {
        throw templateError(error, source);
      }
    },
    files: () => Object.fromEntries([...sources.entries()].map(([name, s]) => [name, s.file])),
    unknownFields: (plugin) => fieldChecks.unknownFields(plugin),
  };
}

/**
 * The user's override files that replace none of the plugin's templates (`recrod.hbs` for
 * `record.hbs`): Handlebars never reads them, and the page came out unchanged without a word.
 * Partials (`_footer.hbs`) are left alone: an override may include a partial of its own.
 */
export function unusedTemplateOverrides(options: {
  defaultsDir?: string;
  overridesDir?: string;
  plugin: string;
}): Diagnostic[] {
  const { defaultsDir, overridesDir, plugin } = options;
  if (!defaultsDir || !overridesDir || !existsSync(defaultsDir) || !existsSync(overridesDir)) return [];
  const templates = (dir: string) => readdirSync(dir).filter((entry) => entry.endsWith('.hbs'));
  const defaults = templates(defaultsDir);
  return templates(overridesDir)
    .filter((entry) => !entry.startsWith('_') && !defaults.includes(entry))
    .map((entry) => {
      const meant = closestName(entry, defaults);
      const own = defaults.filter((name) => !name.startsWith('_')).join(', ');
      return {
        code: 'DG_TEMPLATE_UNUSED',
        severity: 'warning',
        message: `${entry} overrides no template of the ${plugin} plugin: it is not used`,
        location: { file: join(overridesDir, entry) },
        hint: `${meant ? `rename it to ${meant}; ` : ''}the ${plugin} plugin's templates: ${own} (copy one from ${defaultsDir} to start)`,
      };
    });
}

/**
 * The same string, flat. Handlebars builds a page by concatenation, a rope of thousands of small
 * strings that would otherwise live until the converter reads the page, copied by every
 * young-generation collection on the way. Converting a string to a number flattens it in V8.
 */
function flat(text: string): string {
  void Number(text);
  return text;
}

function compileTemplate(
  handlebars: typeof Handlebars,
  source: TemplateSource,
  fieldChecks?: FieldChecks,
): Handlebars.TemplateDelegate {
  try {
    if (source.spec && !source.override) return handlebars.template(source.spec);
    // parse eagerly so syntax errors surface with the file that has them (compile itself is lazy)
    const ast = handlebars.parse(source.text);
    if (source.override && fieldChecks) return handlebars.compile(fieldChecks.instrument(ast, source), COMPILE_OPTIONS);
    return handlebars.compile(source.text, COMPILE_OPTIONS);
  } catch (error) {
    throw templateError(error, source);
  }
}

function templateError(error: unknown, source: TemplateSource): Error {
  if (isDocgenError(error)) return error;
  const message = (error as Error).message ?? String(error);
  let line = (error as { lineNumber?: number }).lineNumber;
  const column = (error as { column?: number }).column;
  line ??= Number(message.match(/on line (\d+)/)?.[1]) || undefined;
  const file = source.file;
  const text = source.text;
  const partialName = message.match(/partial (\S+) could not be found/)?.[1];
  return new DocgenError(
    {
      code: 'DG_TEMPLATE',
      // Handlebars ends a located message with " - 10:9": the location is given on its own.
      message: `template ${file.split(/[\\/]/).pop()} failed: ${message.split('\n')[0]!.replace(/ - \d+:\d+$/, '')}`,
      location: { file, line, column: column !== undefined ? column + 1 : undefined },
      excerpt: line !== undefined ? codeFrame(text, line, column !== undefined ? column + 1 : 1) : undefined,
      hint: partialName
        ? `add _${partialName}.hbs beside the template`
        : (missingHelperHint(error) ?? 'fix the template at the marked line'),
    },
    { cause: error },
  );
}

/** For a helper the template calls that does not exist: the one probably meant, and those there are. */
function missingHelperHint(error: unknown): string | undefined {
  const { helpers, meant, fields, name } = error as {
    helpers?: string[];
    meant?: string;
    fields?: string[];
    name?: string;
  };
  const guess = meant ? `did you mean "${meant}"? ` : '';
  if (fields) {
    const listed = fields.length ? `fields here: ${[...fields].sort().join(', ')}` : 'the value here has no fields';
    return `${guess}${listed}; a field that may be left out is tested first: {{#if ${name}}}…{{/if}}`;
  }
  if (!helpers) return undefined;
  return `${guess}helpers: ${[...helpers].sort().join(', ')}`;
}

/** Escape characters that Markdown would read as syntax inside running text. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * One table cell: no pipes, no line breaks (a cell cannot span lines in GFM). Paragraphs are kept
 * apart by `<br><br>`, and a Markdown list (a description's "one of:" and its bullets) becomes an
 * HTML list, which a cell may hold, instead of running on as "- a - b"; a block quote (Adyen's
 * `>Must be…` notes) an HTML quote, instead of text after a `>`; a heading (ATX or setext) or a rule
 * in a value of more than one line an HTML heading or rule (a Prisma `///` comment's `## Errors`).
 */
export function escapeTableCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (!/[\n|]/.test(text) && !QUOTE_LINE.test(text)) return text.trim(); // most cells: nothing to replace
  return (
    cellParagraphs(text.split(/\r?\n/))
      .map(({ lines, inCode }) => cellBlocks(lines, inCode))
      // A list, a quote, a heading or a rule is a block of its own: no blank line's <br><br> before or after it.
      .reduce((cell, paragraph) => {
        if (!cell) return paragraph;
        return CELL_BLOCK_END.test(cell) || CELL_BLOCK_START.test(paragraph)
          ? cell + paragraph
          : `${cell}<br><br>${paragraph}`;
      }, '')
      .replace(/\|/g, '\\|')
      .trim()
  );
}

/**
 * A cell's lines in paragraphs, split at blank lines, with whether each line is a fenced code
 * block's: a blank line inside a fence is the code's, not a paragraph break, so the code is kept whole.
 */
function cellParagraphs(lines: string[]): Array<{ lines: string[]; inCode: boolean[] }> {
  const inCode = lines.map(fencedCodeLines());
  const paragraphs: Array<{ lines: string[]; inCode: boolean[] }> = [];
  let current: { lines: string[]; inCode: boolean[] } | undefined;
  lines.forEach((line, index) => {
    if (!inCode[index] && !line.trim()) {
      current = undefined;
      return;
    }
    if (!current) paragraphs.push((current = { lines: [], inCode: [] }));
    current.lines.push(line);
    current.inCode.push(inCode[index]!);
  });
  return paragraphs.map(codeSpansOnOneLine);
}

/**
 * A paragraph whose code spans over lines are each on one line, a line break in one a space, as
 * CommonMark shows it: a line inside one is the code's, never a heading, rule or list item (a
 * multipart part's `#!/bin/sh` value, `{{cell (code …)}}`, showed `# install deps` as a heading). Not
 * across a fenced code block's lines nor a quote's `>` line, which start blocks of their own.
 */
function codeSpansOnOneLine({ lines, inCode }: { lines: string[]; inCode: boolean[] }): {
  lines: string[];
  inCode: boolean[];
} {
  const out: { lines: string[]; inCode: boolean[] } = { lines: [], inCode: [] };
  const add = (line: string, code: boolean) => {
    out.lines.push(line);
    out.inCode.push(code);
  };
  let run: string[] = []; // the lines of text since the last code line or quote line
  const endRun = () => {
    if (run.length)
      run
        .join('\n')
        .replace(CODE_SPAN, (span) => span.replace(/\n/g, ' '))
        .split('\n')
        .forEach((line) => add(line, false));
    run = [];
  };
  lines.forEach((line, index) => {
    if (inCode[index] || /^ {0,3}>/.test(line)) endRun();
    if (inCode[index]) add(line, true);
    else run.push(line);
  });
  endRun();
  return out;
}

/** A code span: a backtick run (not escaped) up to the next run of as many, its line breaks too. */
const CODE_SPAN = /(?<![\\`])(`+)(?!`)[^]*?[^`]\1(?!`)/g;

/** The blocks a cell's Markdown holds as HTML (cellBlocks), which need no `<br><br>` to stand apart. */
const CELL_BLOCK_END = /(?:<\/(?:[uo]l|blockquote|h[1-6])>|<hr>)$/;
const CELL_BLOCK_START = /^<(?:[uo]l|blockquote|h[1-6]|hr)>/;

/**
 * A block quote's line: `> text`, its marker indented 3 spaces at most. Not a comparison (`> 99.9% of
 * requests`, `>=2 replicas`): cells hold plain values too (a runbook's objective, an ADR's field), and a
 * quote opening with a number or `=` is far likelier one, which a cell shows as written.
 */
const QUOTE_LINE = /^ {0,3}>(?!=|[ \t]*[-+]?\d)/;

/**
 * Whether each line, asked in order, is inside a fenced code block (its fences too), where a `>` is
 * the code's (`>>> client.get(…)`, a shell's `> npm start`), not a quote.
 */
function fencedCodeLines(): (line: string) => boolean {
  let fence: string | undefined;
  return (line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (marker && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`')))
        fence = marker;
      return fence !== undefined;
    }
    if (marker && marker[0] === fence[0] && marker.length >= fence.length && !line.trim().slice(marker.length))
      fence = undefined;
    return true;
  };
}

/**
 * A paragraph's lines as a cell's Markdown (cellLines), but its first heading, rule or quote as the
 * block it is, and the lines after it likewise: a storage cell holds blocks, as Confluence's editor
 * writes them (`## Errors` showed as that text, run on with the next line). Not a line of a fenced
 * code block (`inCode`, by line).
 */
function cellBlocks(lines: string[], inCode: boolean[]): string {
  const quoted = lines.findIndex((line, index) => !inCode[index] && QUOTE_LINE.test(line));
  const own = firstOwnBlock(lines, inCode, quoted === -1 ? lines.length : quoted);
  if (own) {
    const before = own.from ? cellLines(lines.slice(0, own.from), inCode.slice(0, own.from)) : '';
    const after = own.to < lines.length ? cellBlocks(lines.slice(own.to), inCode.slice(own.to)) : '';
    return before + own.html + after;
  }
  if (quoted === -1) return cellLines(lines, inCode);
  return quoteBlock(lines, inCode, quoted);
}

/**
 * A quote from its first line, `quoted`: a `>` line interrupts a paragraph, and the lines after it,
 * marked or not, are the quote's up to one that starts a block of its own (quoteEnd), which
 * cellBlocks writes after it.
 */
function quoteBlock(lines: string[], inCode: boolean[], quoted: number): string {
  const end = quoteEnd(lines, inCode, quoted);
  const quote = lines.slice(quoted, end).map((line) => line.replace(/^ {0,3}> ?/, ''));
  const before = quoted ? cellLines(lines.slice(0, quoted), inCode.slice(0, quoted)) : '';
  const after = end < lines.length ? cellBlocks(lines.slice(end), inCode.slice(end)) : '';
  return `${before}<blockquote>${cellLines(quote, quote.map(fencedCodeLines()))}</blockquote>${after}`;
}

/**
 * The first heading or rule among a paragraph's lines before `until` (a quote's first line), as HTML
 * with the lines it takes (`from` up to `to`): an ATX heading or a thematic break (startsOwnBlock), or
 * a setext heading, the lines of text over a `===` or `---` line. Under a list, `---` is a rule, as
 * CommonMark reads it: an underline cannot be a list item's lazy line.
 */
function firstOwnBlock(
  lines: string[],
  inCode: boolean[],
  until: number,
): { from: number; to: number; html: string } | undefined {
  let text = 0; // where the paragraph's text since the last code line starts
  for (let index = 0; index < until; index++) {
    const line = lines[index]!;
    if (inCode[index]) text = index + 1;
    else if (index > text && SETEXT_UNDERLINE.test(line) && !hasListItem(lines.slice(text, index))) {
      const level = line.trim().startsWith('=') ? 1 : 2;
      const heading = cellLines(lines.slice(text, index), inCode.slice(text, index)).trim();
      return { from: text, to: index + 1, html: `<h${level}>${heading}</h${level}>` };
    } else if (startsOwnBlock(line)) return { from: index, to: index + 1, html: ownBlock(line) };
  }
  return undefined;
}

/** A setext heading's underline: `===` (level 1) or `---` (level 2), indented 3 spaces at most. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Whether any of a paragraph's lines opens a list item (listStart), a line's `<br>` a line break too:
 * a Prisma `///` comment's list comes joined so (`Values:<br>- draft<br>- sent`).
 */
function hasListItem(lines: string[]): boolean {
  return lines.flatMap((line) => line.split(/<br\s*\/?>/i)).some((line, index) => listStart(line, index === 0));
}

/**
 * Where the quote opening at line `from` ends: at the first line without a `>` that is no lazy line
 * of the quote's paragraph, as CommonMark reads it (only paragraph text is lazy: a list item, a code
 * fence, an ATX heading or a thematic break starts a block of its own), or the end.
 */
function quoteEnd(lines: string[], inCode: boolean[], from: number): number {
  const end = lines.findIndex(
    (line, index) =>
      index > from && !/^ {0,3}>/.test(line) && (inCode[index] || startsOwnBlock(line) || listStart(line, false)),
  );
  return end === -1 ? lines.length : end;
}

/** An ATX heading (`## Errors`) or a thematic break (`***`, `- - -`), which interrupt a paragraph. */
function startsOwnBlock(line: string): boolean {
  return ATX_HEADING.test(line) || THEMATIC_BREAK.test(line);
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A heading or a rule (startsOwnBlock) as HTML: `## Errors ##` → `<h2>Errors</h2>`, `***` → `<hr>`. */
function ownBlock(line: string): string {
  const heading = ATX_HEADING.exec(line);
  if (!heading) return '<hr>';
  const level = heading[1]!.length;
  // An empty heading (`#`) is one still: it keeps the lines around it apart (the converter shows nothing for it).
  return `<h${level}>${heading[2] ?? ''}</h${level}>`;
}

/** `- item`, `* item`, `+ item`, `1. item`, `1) item`: indentation, marker, text. */
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\S.*)$/;

/** How far a list item's marker is indented, a tab counted as four spaces. */
function markerIndent(item: RegExpExecArray): number {
  return item[1]!.replace(/\t/g, '    ').length;
}

/**
 * The list item `line` opens, if it opens one: at a paragraph's `first` line, or after running text,
 * which an ordered item interrupts only from 1, as CommonMark has it ("in\n2024. …" is prose).
 */
function listStart(line: string, first: boolean): RegExpExecArray | undefined {
  const item = LIST_ITEM.exec(line);
  // A marker indented four spaces or more is text (`     *  "jira.lf."`, a Javadoc's gutter).
  if (!item || markerIndent(item) > 3) return undefined;
  return first || !/^\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!) ? item : undefined;
}

/**
 * A paragraph's lines on one line, its list items as HTML lists (nested by indentation). A line of a
 * fenced code block (`inCode`, by line) is the code's, as written: no list item, no line break.
 */
function cellLines(lines: string[], inCode: boolean[]): string {
  lines = lines.map((line, index) => (index < lines.length - 1 && !inCode[index] ? hardBreak(line) : line));
  const itemAt = (line: string, index: number, inList: boolean) => {
    if (inCode[index]) return undefined;
    return inList ? (LIST_ITEM.exec(line) ?? undefined) : listStart(line, index === 0);
  };
  if (!lines.some((line, index) => itemAt(line, index, false))) {
    return lines.reduce((cell, line) => (cell && !cell.endsWith('<br>') ? `${cell} ${line}` : cell + line), '');
  }
  let out = '';
  const open: Array<{ indent: number; tag: 'ul' | 'ol' }> = [];
  lines.forEach((line, index) => {
    const item = itemAt(line, index, open.length > 0);
    if (!item) {
      // running text, an item's next line, or code
      out += `${out && !out.endsWith('>') ? ' ' : ''}${inCode[index] ? line : line.trim()}`;
      return;
    }
    const indent = markerIndent(item);
    const tag = /^\d/.test(item[2]!) ? 'ol' : 'ul';
    while (
      open.length &&
      (indent < open.at(-1)!.indent || (indent === open.at(-1)!.indent && tag !== open.at(-1)!.tag))
    )
      out += `</li></${open.pop()!.tag}>`;
    if (open.length && indent === open.at(-1)!.indent) out += '</li><li>';
    else {
      open.push({ indent, tag });
      out += `${listOpening(tag, item[2]!)}<li>`;
    }
    out += item[3]!.trim();
  });
  while (open.length) out += `</li></${open.pop()!.tag}>`;
  return out;
}

/**
 * The tag that opens a list: an ordered one keeps its first item's number, as CommonMark does
 * (Stack Exchange's steps 1 to 4, a bullet list under each, read 1, 1, 2, 1 when each began at 1).
 */
function listOpening(tag: 'ul' | 'ol', marker: string): string {
  const start = Number.parseInt(marker, 10);
  return tag === 'ol' && start !== 1 ? `<ol start="${start}">` : `<${tag}>`;
}

/**
 * A line ending in a hard line break, the break as `<br>`, as the same text shows outside a table:
 * written as a backslash (CommonMark's `text\`; on one line with the next, the backslash showed as
 * text; an escaped backslash, `C:\\`, ends in no break), or as two spaces or more (the spaces ran
 * the two lines together).
 */
function hardBreak(line: string): string {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  if (trailing % 2 === 1) return `${line.slice(0, -1)}<br>`;
  // (A single trailing space is none: the line runs on with the next, with one space between.)
  return / {2,}$/.test(line) && line.trim() ? `${line.trimEnd()}<br>` : line.trimEnd();
}

/** Inline code that survives backticks inside the value. */
export function inlineCode(value: unknown): string {
  const text = String(value ?? '');
  if (!text.includes('`')) return `\`${text}\``; // most names: one backtick each side
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the body. */
export function codeFence(body: unknown, language = ''): string {
  const text = String(body ?? '').replace(/\n+$/, '');
  const longest = text.includes('```') ? Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length)) : 2;
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A lower-case slug usable as a heading anchor: `GET /pets/{id}` → `get-pets-id`. */
export function anchorSlug(text: unknown): string {
  return slug(String(text ?? ''), /[a-z0-9]/) || 'section';
}

function registerMarkdownHelpers(handlebars: typeof Handlebars): void {
  // Handlebars' own says which helper is missing but not where; this says the line too.
  handlebars.registerHelper('helperMissing', function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { name?: string; loc?: unknown };
    const name = String(options.name);
    // For the hint: the helpers there are, and the one a typo was probably meant to be.
    const helpers = Object.keys(handlebars.helpers).filter(
      (helper) => !helper.endsWith('Missing') && helper !== FIELD_CHECK_HELPER,
    );
    if (args.length === 1) {
      // `{{dat}}` alone names a field or a helper, and there is neither: most often a misspelt field.
      const fields = this && typeof this === 'object' ? Object.keys(this).filter((key) => !/^\d+$/.test(key)) : [];
      const error = new handlebars.Exception(`no field or helper "${name}" here`, { loc: options.loc } as never);
      throw Object.assign(error, { fields, name, meant: closestName(name, fields) ?? closestName(name, helpers) });
    }
    const error = new handlebars.Exception(`Missing helper: "${name}"`, { loc: options.loc } as never);
    throw Object.assign(error, { helpers, meant: closestName(name, helpers) });
  });
  const plain = (fn: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      return fn(...args.slice(0, -1)); // drop Handlebars' options argument
    };
  handlebars.registerHelper(
    'md',
    plain((value) => escapeMarkdownInline(String(value ?? ''))),
  );
  handlebars.registerHelper(
    'cell',
    plain((value) => escapeTableCell(value)),
  );
  handlebars.registerHelper(
    'code',
    plain((value) => inlineCode(value)),
  );
  handlebars.registerHelper(
    'fence',
    plain((body, language) => codeFence(body, typeof language === 'string' ? language : '')),
  );
  handlebars.registerHelper(
    'slug',
    plain((value) => anchorSlug(value)),
  );
  handlebars.registerHelper(
    'json',
    plain((value, indent) => JSON.stringify(value, null, typeof indent === 'number' ? indent : 2)),
  );
  handlebars.registerHelper(
    'eq',
    plain((a, b) => a === b),
  );
  handlebars.registerHelper(
    'ne',
    plain((a, b) => a !== b),
  );
  handlebars.registerHelper(
    'and',
    plain((...values) => values.every(Boolean)),
  );
  handlebars.registerHelper(
    'or',
    plain((...values) => values.find(Boolean) ?? values[values.length - 1]),
  );
  handlebars.registerHelper(
    'not',
    plain((value) => !value),
  );
  // `(some fields "description")`: whether any item has that key set, e.g. to leave out a column no row fills.
  handlebars.registerHelper(
    'some',
    plain((list, key) =>
      Array.isArray(list)
        ? list.some((item) => (typeof key === 'string' ? hasValue(item?.[key]) : hasValue(item)))
        : false,
    ),
  );
  handlebars.registerHelper(
    'upper',
    plain((value) => String(value ?? '').toUpperCase()),
  );
  handlebars.registerHelper(
    'lower',
    plain((value) => String(value ?? '').toLowerCase()),
  );
  handlebars.registerHelper(
    'join',
    plain((list, separator) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
    ),
  );
  handlebars.registerHelper(
    'default',
    plain((value, fallback) => (value === undefined || value === null || value === '' ? fallback : value)),
  );
  handlebars.registerHelper(
    'length',
    plain((value) =>
      Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0,
    ),
  );
  // Block text from a spec can contain anything; keep it as Markdown but never let it end a list or table.
  handlebars.registerHelper(
    'trim',
    plain((value) => String(value ?? '').trim()),
  );
}

/** A value a template would show: not undefined, null, false, an empty or blank string, or an empty list. */
function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false;
}
