/**
 * Positions in a YAML text written in block style (what specs, configs and front matter nearly
 * always are), found by reading the lines along a JSON pointer: `yaml`'s syntax tree would find
 * them too, but only after reading the whole text, ~1 s a MB, for a warning that needs one line.
 *
 * The answers are `yaml`'s (a test holds them to it on every pointer of real files): a value's
 * first character, or its key's; a block mapping's or sequence's key's where it is a key's value
 * (its first key, or first `-`, where it is an item or the root). Where the
 * way leaves plain block style — flow collections, anchors, aliases, tags, block scalars,
 * complex keys, a key not found — it answers undefined, and the caller asks `yaml`.
 */
import { pointerSegments } from './schema-validation.js';
import { coreScalar } from './yaml-core-schema.js';

interface Line {
  /** The line's text, without its line break. */
  text: string;
  /** Its first non-space column (0-based); -1 for a blank or comment-only line. */
  indent: number;
}

/** A node's start: a line (0-based index into the lines) and a column (0-based). */
interface Place {
  line: number;
  column: number;
}

/** A mapping entry on a line: its key's text and where its value starts. */
interface Entry {
  key: string;
  keyColumn: number;
  valueColumn: number;
}

/** A block sequence's item starts here: `-` then a space or the line's end. */
const SEQUENCE_ITEM = /^-(?:\s|$)/;
/** Flow collections, anchors, aliases, tags, block scalars and complex keys: `yaml`'s to place. */
const NOT_PLACED_HERE = /^[[{&*!|>?%@`]/;

const UNSURE = Symbol('unsure');
type Sure<T> = T | typeof UNSURE;

export class BlockYamlPositions {
  private readonly lines: Line[];
  private readonly unusable: boolean;
  /** By where a block starts (`line:column`): its entries or item lines, read on first use. */
  private readonly mappings = new Map<string, Sure<Map<string, { line: number; entry: Entry }>>>();
  private readonly sequences = new Map<string, number[]>();

  constructor(text: string) {
    this.lines = splitLines(text);
    // A byte-order mark, directives, tabs for indentation or several documents: not worth a guess.
    this.unusable =
      text.startsWith('\uFEFF') ||
      this.lines.some(
        (line, index) =>
          /^ *\t/.test(line.text) ||
          line.text.startsWith('%') ||
          (/^(?:---|\.\.\.)(?:\s|$)/.test(line.text) && (index > 0 || line.text.trim() !== '---')),
      );
  }

  /** Line and column (1-based) of the value at `pointer`, or of its key; undefined: ask `yaml`. */
  locate(pointer: string, key?: boolean): { line: number; column: number } | undefined {
    if (this.unusable) return undefined;
    const root = this.nextContent(this.lines[0]?.text.trim() === '---' ? 1 : 0);
    if (root === undefined) return undefined;
    let at: Place = { line: root, column: this.lines[root]!.indent };
    const segments = pointerSegments(pointer);
    for (let i = 0; i < segments.length; i++) {
      const next = this.child(at, segments[i]!);
      if (next === UNSURE) return undefined;
      const last = i === segments.length - 1;
      // A block mapping or sequence under a key is placed at its key, not at its first entry.
      if (last && next.key && (key || this.isBlockCollection(next.key, next.value))) return this.position(next.key);
      at = next.value;
    }
    return this.position(at);
  }

  /** Whether the value at `value` of the key at `key` is a block mapping or sequence (not a scalar). */
  private isBlockCollection(key: Place, value: Place): boolean {
    if (value.line === key.line) return false; // on the key's line: a scalar (flow is `yaml`'s)
    const text = this.lines[value.line]!.text;
    return SEQUENCE_ITEM.test(text.slice(value.column)) || readEntry(text, value.column) !== undefined;
  }

  /** The key and value of `segment` in the mapping or sequence starting at `at`. */
  private child(at: Place, segment: string): Sure<{ key?: Place; value: Place }> {
    const rest = this.lines[at.line]!.text.slice(at.column);
    if (SEQUENCE_ITEM.test(rest)) {
      const item = this.sequenceItem(at, segment);
      return item === UNSURE ? UNSURE : { value: item };
    }
    return this.mappingValue(at, segment);
  }

  /** Item `index` of the block sequence whose first `-` is at `at`. */
  private sequenceItem(at: Place, index: string): Sure<Place> {
    if (!/^(?:0|[1-9][0-9]*)$/.test(index)) return UNSURE;
    const line = this.sequenceItems(at)[Number(index)];
    return line === undefined ? UNSURE : this.valueAfter(line, this.columnOn(line, at) + 1, at.column);
  }

  /** The key and value of `name` in the block mapping whose first key is at `at`. */
  private mappingValue(at: Place, name: string): Sure<{ key: Place; value: Place }> {
    const entries = this.mappingEntries(at);
    const found = entries === UNSURE ? undefined : entries.get(name);
    if (!found) return UNSURE; // not there (or not plainly there): `yaml` decides what to show
    const value = this.valueAfter(found.line, found.entry.valueColumn, at.column, true);
    return value === UNSURE ? UNSURE : { key: { line: found.line, column: found.entry.keyColumn }, value };
  }

  /** The lines of the items of the block sequence at `at`, read once. */
  private sequenceItems(at: Place): number[] {
    const id = `${at.line}:${at.column}`;
    let items = this.sequences.get(id);
    if (items) return items;
    items = [];
    for (const line of this.blockLines(at)) {
      if (!SEQUENCE_ITEM.test(this.lines[line]!.text.slice(this.columnOn(line, at)))) break; // the sequence ended
      items.push(line);
    }
    this.sequences.set(id, items);
    return items;
  }

  /** The entries of the block mapping at `at` by key, read once; UNSURE where a line is no plain entry. */
  private mappingEntries(at: Place): Sure<Map<string, { line: number; entry: Entry }>> {
    const id = `${at.line}:${at.column}`;
    let entries = this.mappings.get(id);
    if (entries) return entries;
    const found = new Map<string, { line: number; entry: Entry }>();
    entries = found;
    for (const line of this.blockLines(at)) {
      const column = this.columnOn(line, at);
      const text = this.lines[line]!.text;
      // A sequence at the mapping's own indentation is the value of the key above it.
      if (line !== at.line && SEQUENCE_ITEM.test(text.slice(column))) continue;
      const entry = readEntry(text, column);
      if (!entry || found.has(entry.key)) {
        entries = UNSURE;
        break;
      }
      found.set(entry.key, { line, entry });
    }
    this.mappings.set(id, entries);
    return entries;
  }

  /**
   * The lines at the block's own indentation, from its first: the block at `at` goes on while the
   * content lines are indented as deep (deeper ones are inside its values) and ends at a shallower one.
   */
  private *blockLines(at: Place): Generator<number> {
    for (let line: number | undefined = at.line; line !== undefined; line = this.nextContent(line + 1)) {
      const { indent } = this.lines[line]!;
      if (line !== at.line && indent < at.column) return;
      if (line === at.line || indent === at.column) yield line;
    }
  }

  /** Where the block at `at` starts on `line`: its own column on its first line (after a `- `), the indentation after. */
  private columnOn(line: number, at: Place): number {
    return line === at.line ? at.column : this.lines[line]!.indent;
  }

  /**
   * Where the value that follows column `from` of `line` starts: on the same line, or, when the
   * line ends there, the block on the lines below (indented deeper than `parentIndent`, or a
   * sequence at the same indentation under a mapping key).
   */
  private valueAfter(line: number, from: number, parentIndent: number, underKey = false): Sure<Place> {
    const text = this.lines[line]!.text;
    const column = from + /^ */.exec(text.slice(from))![0].length;
    const rest = text.slice(column);
    if (rest !== '' && !rest.startsWith('#')) {
      if (NOT_PLACED_HERE.test(rest)) return UNSURE;
      return { line, column };
    }
    const below = this.nextContent(line + 1);
    if (below === undefined) return UNSURE;
    const { text: next, indent } = this.lines[below]!;
    if (indent > parentIndent || (underKey && indent === parentIndent && SEQUENCE_ITEM.test(next.slice(indent)))) {
      if (NOT_PLACED_HERE.test(next.slice(indent))) return UNSURE;
      return { line: below, column: indent };
    }
    return UNSURE; // an empty value: where `yaml` puts it is its own business
  }

  /** The first line at or after `from` with content (not blank, not only a comment). */
  private nextContent(from: number): number | undefined {
    for (let line = from; line < this.lines.length; line++) if (this.lines[line]!.indent >= 0) return line;
    return undefined;
  }

  private position({ line, column }: Place): { line: number; column: number } {
    return { line: line + 1, column: column + 1 };
  }
}

function splitLines(text: string): Line[] {
  return text.split('\n').map((raw) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = /^ */.exec(line)![0].length;
    const blank = indent === line.length || line[indent] === '#';
    return { text: line, indent: blank ? -1 : indent };
  });
}

/**
 * The mapping entry starting at `column` of a line (`key: value`, `"key": value`, `key:`), with the
 * key as `yaml` compares it (a plain key read with YAML 1.2's core schema, as a string); undefined
 * for anything else (a key with escapes, a complex or multi-line key).
 */
function readEntry(text: string, column: number): Entry | undefined {
  const rest = text.slice(column);
  const quoted = /^(?:"((?:[^"\\])*)"|'((?:[^']|'')*)')\s*:(?:\s|$)/.exec(rest);
  if (quoted) {
    const key = quoted[1] ?? quoted[2]!.replaceAll("''", "'");
    return { key, keyColumn: column, valueColumn: column + quoted[0].length };
  }
  if (/^[[\]{}&*!|>'"%@`#,?-]/.test(rest) && !/^[?:-][^\s]/.test(rest)) return undefined;
  const plain = /^([^\s#](?:[^:#]|:(?!\s|$)|(?<!\s)#)*?)\s*:(?:\s|$)/.exec(rest);
  if (!plain) return undefined;
  return { key: plainKeyString(plain[1]!), keyColumn: column, valueColumn: column + plain[0].length };
}

/** A plain key as `yaml` compares it: `String()` of its YAML 1.2 core-schema value. */
const plainKeyString = (key: string): string => String(coreScalar(key));
