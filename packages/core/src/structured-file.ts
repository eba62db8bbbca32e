import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { codeFrame, DocgenError, type SourceLocation } from './diagnostics.js';
import { jsonErrorPosition } from './json-error.js';
import { pointerSegments } from './schema-validation.js';
import { lineStartsOfLast, positionIn } from './text-lines.js';
import { CORE_FLOAT, CORE_INT, coreFloat, coreInt } from './yaml-core-schema.js';
import { BlockYamlPositions } from './yaml-positions.js';

/**
 * A parsed JSON or YAML file that can say where a JSON pointer sits (line and column).
 * JSON is parsed with `JSON.parse` and YAML with js-yaml (fast, for multi-megabyte specs); their
 * positions are only computed the first time a location is asked for, i.e. on a diagnostic.
 *
 * A mapping or a list that is a key's value is placed at its key (`responses:`, `"mapping": {`),
 * not at its first entry, a line or more below: a warning about the whole placed there would seem
 * to be about that entry. A pointer that goes past the text is placed at the deepest node there
 * is, likewise.
 */
export interface StructuredDocument {
  file: string;
  text: string;
  value: unknown;
  /** Line/column of the node at `pointer` (`/paths/~1pets/get`); of its key when `key` is set. */
  locate(pointer: string, key?: boolean): SourceLocation;
}

export type StructuredFormat = 'json' | 'yaml';

// Loaded on first use: `@docgen/core` is imported by every command, and `docgen --help` must stay fast.
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
let jsYamlModule: typeof JsYaml | undefined;
const jsYaml = (): typeof JsYaml => (jsYamlModule ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);

/**
 * Load the YAML parsers ahead of parsing. `parseStructured` is synchronous and would `require`
 * them on first use, file by file from node_modules (~60 files for `yaml`); async callers that
 * are about to read YAML call this first, so a bundle (the CLI's) carries them.
 */
export async function loadYamlParser(): Promise<void> {
  if (yamlModule && jsYamlModule) return;
  const [full, fast] = await Promise.all([import('yaml'), import('js-yaml')]);
  // Node finds a CommonJS module's named exports; a bundler may offer only its default.
  const named = <T>(module: T & { default?: T }, name: keyof T): T =>
    typeof module[name] === 'function' ? module : module.default!;
  yamlModule ??= named(full as typeof Yaml & { default?: typeof Yaml }, 'parseDocument');
  jsYamlModule ??= named(fast as typeof JsYaml & { default?: typeof JsYaml }, 'load');
}

/**
 * Data as YAML text, with no anchors and aliases for an object written twice and no folding of
 * long strings: an example as a reader copies it. Synchronous: a bundled caller awaits
 * `loadYamlParser` first.
 */
export function stringifyYaml(value: unknown): string {
  return yaml().stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * Where a YAML text stops being YAML (a YAML body's example, which may hold several documents):
 * the first error's message, and its line and column in the text; undefined when it parses.
 * Synchronous: a bundled caller awaits `loadYamlParser` first.
 */
export function yamlTextError(text: string): { message: string; line: number; column: number } | undefined {
  const { LineCounter, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: false });
  const problem = documents.flatMap((document) => document.errors)[0];
  if (!problem) return undefined;
  const { line, col } = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
  return { message: problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), line, column: col };
}

/**
 * YAML 1.2's core schema for js-yaml, as the `yaml` package reads it: js-yaml's own int and float
 * also take YAML 1.1 forms (`0b11`, `1_000.5`), which YAML 1.2, and `yaml`, read as strings.
 */
let coreSchema: JsYaml.Schema | undefined;
function yamlCoreSchema(): JsYaml.Schema {
  if (coreSchema) return coreSchema;
  // js-yaml exports its built-in types as `types`; @types/js-yaml does not declare them.
  const { FAILSAFE_SCHEMA, Type, types } = jsYaml() as typeof JsYaml & {
    types: Record<'null' | 'bool' | 'merge', JsYaml.Type>;
  };
  const isText = (data: string | null): data is string => data !== null;
  const int = new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data: string | null) => isText(data) && CORE_INT.test(data),
    construct: coreInt,
  });
  const float = new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data: string | null) => isText(data) && CORE_FLOAT.test(data),
    construct: coreFloat,
  });
  return (coreSchema = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, int, float, types.merge] }));
}

/**
 * A YAML text's value, read by js-yaml, ~10× faster than `yaml` (a 1.7 MB spec: ~0.2 s against
 * ~2.2 s) because it builds no syntax tree. Undefined where js-yaml cannot read it (a syntax error,
 * a duplicate key, a tag outside the core schema, several documents): `yaml` then says why, with
 * its line and hint, or reads what it is lenient about, as it always did.
 */
function readYamlValue(text: string): { value: unknown } | undefined {
  try {
    // An empty document is null to `yaml`, undefined to js-yaml.
    return { value: jsYaml().load(text, { schema: yamlCoreSchema() }) ?? null };
  } catch {
    return undefined;
  }
}

/** `yaml`'s document of a YAML text, with the line counter that maps its offsets to lines. */
function parseYamlDocument(text: string): { document: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    strict: false,
    merge: true,
  });
  return { document, lineCounter };
}

/** Guess the format from the file name, falling back to the first non-blank character. */
export function detectFormat(file: string, text: string): StructuredFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/**
 * Parse `text`, the content of `file`. When `text` is a piece of the file (front matter, one
 * document of several) padded with blank lines to keep its line numbers the file's own, pass the
 * whole file as `fileText`: a syntax error's excerpt then quotes the file's lines around it
 * (the `---` line, the heading after), not the blank padding.
 */
export function parseStructured(
  text: string,
  file: string,
  format: StructuredFormat = detectFormat(file, text),
  code = 'DG_SYNTAX',
  fileText = text,
): StructuredDocument {
  // A byte order mark (Windows editors write one) is no JSON, and an editor shows no column for
  // it: dropped, the positions counted on the rest are the ones the editor shows.
  text = withoutByteOrderMark(text);
  fileText = withoutByteOrderMark(fileText);
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw jsonSyntaxError(text, file, error as Error, code, fileText);
    }
    let positions: JsonPositions | undefined;
    return {
      file,
      text,
      value,
      locate(pointer, key) {
        positions ??= new JsonPositions(text);
        return { file, ...positions.locate(pointer, key), pointer: pointer ? `#${pointer}` : undefined };
      },
    };
  }
  const read = readYamlValue(text);
  if (read) {
    // Positions read off the lines along the pointer where the text is plain block style, else
    // from `yaml`'s syntax tree, built the first time a diagnostic needs it.
    let blockPositions: BlockYamlPositions | undefined;
    let positions: PositionIndex | undefined;
    const locateInTree = (pointer: string, key?: boolean) => {
      if (!positions) {
        const { document, lineCounter } = parseYamlDocument(text);
        positions = new PositionIndex(document, lineCounter);
      }
      return positions.locate(pointer, key);
    };
    return {
      file,
      text,
      value: read.value,
      locate(pointer, key) {
        blockPositions ??= new BlockYamlPositions(text);
        const found = blockPositions.locate(pointer, key) ?? locateInTree(pointer, key);
        return { file, ...found, pointer: pointer ? `#${pointer}` : undefined };
      },
    };
  }
  const { document, lineCounter } = parseYamlDocument(text);
  const problem = document.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
    const lines = text.split('\n');
    const lineText = lines[pos.line - 1] ?? '';
    // The parser marks an indentation error at the line's start; the key itself is what is misplaced.
    const column = problem.code === 'BAD_INDENT' && pos.col <= indentOf(lineText) ? indentOf(lineText) + 1 : pos.col;
    throw new DocgenError({
      code,
      message: `${file.endsWith('.json') ? 'JSON' : 'YAML'} syntax error: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      location: { file, line: pos.line, column },
      excerpt: codeFrame(fileText, pos.line, column),
      hint:
        yamlHint(problem.code, lines, pos.line, problem.message) ??
        'fix the syntax at the marked line (indentation, a missing colon or quote)',
    });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    throw new DocgenError(
      { code, message: `cannot read ${file}: ${(error as Error).message}`, location: { file } },
      { cause: error },
    );
  }
  const positions = new PositionIndex(document, lineCounter);
  return {
    file,
    text,
    value,
    locate: (pointer, key) => ({
      file,
      ...positions.locate(pointer, key),
      pointer: pointer ? `#${pointer}` : undefined,
    }),
  };
}

/** Text without the byte order mark a Windows editor may start it with (no JSON or YAML, but npm and Node read past it). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function jsonSyntaxError(text: string, file: string, error: Error, code: string, fileText: string): DocgenError {
  const { line, column } = jsonErrorPosition(text, error);
  return new DocgenError(
    {
      code,
      message: `JSON syntax error: ${error.message.replace(/\s*\(line \d+ column \d+\)/, '')}`,
      location: { file, line, column },
      excerpt: codeFrame(fileText, line, column),
      hint: 'fix the JSON at the marked position (a missing comma, quote or bracket)',
    },
    { cause: error },
  );
}

/**
 * Positions in a JSON text, found by scanning it along the pointer: the YAML parser would find them
 * too, but only after building a tree of the whole text, seconds for a 2 MB spec whose first
 * warning needs one line. Same answers as the YAML index: the value's first character (or its
 * key's), 1-based; the deepest node that exists when the pointer goes further than the text.
 */
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** What ends a JSON literal: `,` `]` `}` and white space. */
const LITERAL_END = new Set([0x2c, CLOSE_BRACKET, CLOSE_BRACE, 0x20, 0x0a, 0x0d, 0x09]);
/**
 * What matters inside an object or array being skipped: a bracket, or a whole string (so one in it
 * is not counted). The string's escapes are a loop of their own, so a long string costs no
 * backtracking per character.
 */
const SKIPPED = /"[^"\\]*(?:\\[^][^"\\]*)*"|[[\]{}]/g;

class JsonPositions {
  private lineStarts?: readonly number[];
  /** By where each object opens: its members read so far, and where reading goes on (none: all read). */
  private readonly objects = new Map<number, { members: Map<string, { key: number; value: number }>; next?: number }>();

  constructor(private readonly text: string) {}

  locate(pointer: string, key?: boolean): { line?: number; column?: number } {
    const segments = pointerSegments(pointer);
    let at = this.skipSpace(0);
    if (at >= this.text.length) return {};
    let best = at;
    let bestKey: number | undefined;
    for (let i = 0; i < segments.length; i++) {
      const found =
        this.text[at] === '{'
          ? this.member(at, segments[i]!)
          : this.text[at] === '['
            ? this.element(at, segments[i]!)
            : undefined;
      if (!found) break;
      if (i === segments.length - 1 && key && found.key !== undefined) return this.position(found.key);
      at = best = found.value;
      bestKey = found.key;
    }
    // An object or array that is a member's value is placed at its key, as in YAML.
    const collection = this.text[best] === '{' || this.text[best] === '[';
    return this.position(collection && bestKey !== undefined ? bestKey : best);
  }

  /** The member `name` of the object opening at `at`: where its key and its value start. */
  private member(at: number, name: string): { key: number; value: number } | undefined {
    // The members read so far of each object, and where reading stopped: a second warning in the
    // same object (a spec's `paths`, most of the file) does not scan it again from its start.
    let read = this.objects.get(at);
    if (!read) this.objects.set(at, (read = { members: new Map(), next: this.skipSpace(at + 1) }));
    const known = read.members.get(name);
    if (known) return known;
    let i = read.next;
    while (i !== undefined && this.text[i] === '"') {
      const keyEnd = this.skipString(i);
      const raw = this.text.slice(i, keyEnd);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const value = this.skipSpace(this.skipSpace(keyEnd) + 1);
      const member = { key: i, value };
      // the first of a repeated key, as the YAML index finds it
      if (!read.members.has(key)) read.members.set(key, member);
      i = this.skipSpace(this.skipValue(value));
      read.next = this.text[i] === ',' ? (i = this.skipSpace(i + 1)) : undefined;
      if (key === name) return read.members.get(key);
      if (read.next === undefined) break;
    }
    read.next = undefined;
    return undefined;
  }

  /** The item at `index` of the array opening at `at`. */
  private element(at: number, index: string): { key?: undefined; value: number } | undefined {
    if (!/^\d+$/.test(index)) return undefined;
    let i = this.skipSpace(at + 1);
    if (this.text[i] === ']') return undefined;
    for (let n = 0; n < Number(index); n++) {
      i = this.skipSpace(this.skipValue(i));
      if (this.text[i] !== ',') return undefined;
      i = this.skipSpace(i + 1);
    }
    return { value: i };
  }

  /** Past the value starting at `i`: a string, an object or array (whole), or a literal. */
  private skipValue(i: number): number {
    const text = this.text;
    const first = text.charCodeAt(i);
    if (first === QUOTE) return this.skipString(i);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      // a number, true, false or null: up to the next comma, closing bracket or space
      while (i < text.length && !LITERAL_END.has(text.charCodeAt(i))) i++;
      return i;
    }
    // From bracket to bracket, a whole string at a time, by a regular expression rather than a
    // loop over each character: finding one line of a 2 MB spec skips most of the file.
    let depth = 0;
    for (SKIPPED.lastIndex = i; SKIPPED.test(text);) {
      const char = text.charCodeAt(SKIPPED.lastIndex - 1);
      if (char === OPEN_BRACE || char === OPEN_BRACKET) depth++;
      else if (char !== QUOTE && --depth === 0) return SKIPPED.lastIndex;
    }
    return text.length;
  }

  /** Past the string whose opening quote is at `i`. */
  private skipString(i: number): number {
    let end = this.text.indexOf('"', i + 1);
    while (end !== -1) {
      let backslashes = 0;
      while (this.text[end - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return end + 1;
      end = this.text.indexOf('"', end + 1);
    }
    return this.text.length;
  }

  private skipSpace(i: number): number {
    while (
      i < this.text.length &&
      (this.text[i] === ' ' || this.text[i] === '\n' || this.text[i] === '\r' || this.text[i] === '\t')
    )
      i++;
    return i;
  }

  private position(offset: number): { line: number; column: number } {
    // Shared with the code frame a warning quotes next (codeFrame), which needs the same.
    return positionIn((this.lineStarts ??= lineStartsOfLast(this.text)), offset);
  }
}

class PositionIndex {
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  locate(pointer: string, key?: boolean): { line?: number; column?: number } {
    const { isCollection, isMap, isPair, isScalar, isSeq } = yaml();
    const segments = pointerSegments(pointer);
    let node: unknown = this.document.contents;
    let best: Node | undefined = node as Node | undefined;
    // The key whose value `best` is, when it is a mapping's value.
    let bestKey: Node | undefined;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const last = i === segments.length - 1;
      let pairKey: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
        );
        if (!pair) break;
        if (last && key && pair.key) return this.position(pair.key as Node);
        node = pair.value;
        pairKey = pair.key as Node;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
      } else {
        break;
      }
      if (node && (node as Node).range) {
        best = node as Node;
        bestKey = pairKey;
      } else break;
    }
    if (!best) return {};
    // A mapping or list that is a key's value starts at its first entry: it is placed at its key.
    return this.position(bestKey && isCollection(best) ? bestKey : best);
  }

  private position(node: Node): { line?: number; column?: number } {
    if (!node.range) return {};
    const { line, col } = this.lineCounter.linePos(node.range[0]);
    return { line, column: col };
  }
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/**
 * A key indented unlike its mapping's other keys: the keys just above it, down to the line that
 * opens the mapping, say where it belongs.
 */
function indentHint(lines: string[], lineNumber: number): string | undefined {
  const own = indentOf(lines[lineNumber - 1]!);
  const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
  let sibling: { indent: number; line: number } | undefined;
  for (let index = lineNumber - 2; index >= 0; index--) {
    const line = lines[index]!;
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    if (indent < own) break;
    if (!sibling || indent < sibling.indent) sibling = { indent, line: index + 1 };
  }
  if (!sibling || sibling.indent === own) return undefined;
  return `line ${lineNumber} is indented ${own} space${own === 1 ? '' : 's'}, the key${sibling.line === lineNumber - 1 ? '' : 's'} above it ${sibling.indent}: indent it ${sibling.indent} spaces, like line ${sibling.line}, if it belongs beside them`;
}

/**
 * The line after a key with a value, indented deeper than it (`operationId: x` with
 * `    parameters:` below, as a callback example in Sihamtahi/OpenAPI_Callbacks writes it): the
 * parser reads it as a mapping nested in that value, which YAML does not allow.
 */
function deeperLineHint(lines: string[], lineNumber: number, key: string): string | undefined {
  const own = indentOf(lines[lineNumber - 1]!);
  for (let index = lineNumber; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent <= own) return undefined;
    return `line ${index + 1} is indented deeper (${indent} spaces) than line ${lineNumber}, whose \`${key}\` already has a value: indent it ${own} spaces, like line ${lineNumber}, if it belongs beside it`;
  }
  return undefined;
}

/**
 * What to write for the YAML mistakes real files make most: a value holding `: ` unquoted
 * (`title: ADR 5: Use Kafka`, `description: Shop API: products`), read as a second key, a key
 * written twice, and a key indented unlike its neighbours. Undefined for the others.
 */
function yamlHint(code: string, lines: string[], lineNumber: number, message = ''): string | undefined {
  const line = lines[lineNumber - 1] ?? '';
  // A line that is a template's directive (`{{- if .PasswordReset }}`, `{% for … %}`): the file is
  // a Go, Helm or Jinja template of a spec (Authelia keeps its OpenAPI spec so), not YAML yet.
  if (/^\s*(\{\{|\{%)/.test(line))
    return 'this file is a template (its `{{ … }}` or `{% … %}` lines are no YAML): render it first, and give docgen the file it renders to';
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const field = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*\S)\s*$/.exec(line);
    if (field && !/^["']/.test(field[3]!)) {
      // Quoting helps only a value that holds `: ` itself; otherwise the line below is the
      // mistake: indented as if it were inside a key that already has a value.
      if (/:(\s|$)/.test(field[3]!.replace(/\s+#.*$/, '')))
        return `quote the value, as its ": " reads as a second key: ${field[2]}: "${field[3]!.replace(/(["\\])/g, '\\$1')}"`;
      return deeperLineHint(lines, lineNumber, field[2]!);
    }
  }
  if (code === 'DUPLICATE_KEY') return 'a key is written twice here: keep one of them';
  if (code === 'BAD_INDENT' && /^Flow (map|sequence) in block collection/.test(message))
    return unclosedFlowHint(lines, lineNumber, message.startsWith('Flow map') ? ['{', '}'] : ['[', ']']);
  if (code === 'BAD_INDENT') return indentHint(lines, lineNumber);
  return undefined;
}

/**
 * A `{ spec: openapi.yaml` or `[primary, secondary` left open: the parser stops at the next line,
 * but the line that opens it, above, is the one to fix.
 */
function unclosedFlowHint(lines: string[], lineNumber: number, [open, close]: [string, string]): string | undefined {
  for (let index = lineNumber - 2; index >= 0; index--) {
    const line = lines[index]!.replace(/(["'])(?:(?!\1).)*\1/g, '').replace(/\s#.*$/, '');
    if (line.split(open).length > line.split(close).length)
      return `the \`${open}\` on line ${index + 1} is not closed: end it with \`${close}\` on that line`;
  }
  return undefined;
}
