/**
 * Tailwind CSS's docs' quick-reference table, `<ApiTable rows={[["font-sans", "font-family: …;"],
 * …]} />`: a two-column table, "Class" and "Styles", each cell in code (a list of styles one line
 * each), as Tailwind's component draws it. The rows are a JSX expression, which the MDX component
 * rule (mdx-jsx.ts) would leave out with the rest of the tag: read here as a literal, into the HTML
 * table the HTML handler converts. Rows built by code (`[...scale.map(…)]`) cannot be read without
 * running it: such a tag stays a component left out, as before.
 */
import { escapeText } from '../xml.js';

type Cell = string | string[];

/** A JavaScript literal of arrays and strings, read from `source` at `pos`; the rest is not one. */
class LiteralReader {
  pos = 0;
  constructor(private readonly source: string) {}

  /** The whole source as one array of arrays of cells, or undefined when it is any other code. */
  rows(): Cell[][] | undefined {
    const value = this.value();
    this.space();
    if (this.pos !== this.source.length || !Array.isArray(value)) return undefined;
    return value.every(isRow) ? (value as Cell[][]) : undefined;
  }

  private value(): unknown {
    this.space();
    const char = this.source[this.pos];
    if (char === '[') return this.array();
    if (char === '"' || char === "'" || char === '`') return this.string(char);
    return undefined;
  }

  private array(): unknown[] | undefined {
    const items: unknown[] = [];
    this.pos += 1;
    for (;;) {
      this.space();
      if (this.source[this.pos] === ']') {
        this.pos += 1;
        return items;
      }
      const item = this.value();
      if (item === undefined) return undefined;
      items.push(item);
      this.space();
      if (this.source[this.pos] === ',') this.pos += 1;
      else if (this.source[this.pos] !== ']') return undefined;
    }
  }

  /** A quoted string; a template literal only without `${…}` (anything else is code). */
  private string(quote: string): string | undefined {
    let value = '';
    for (let at = this.pos + 1; at < this.source.length; at += 1) {
      const char = this.source[at]!;
      if (char === quote) {
        this.pos = at + 1;
        return value;
      }
      if (char === '\\') {
        at += 1;
        const escaped = this.source[at] ?? '';
        const unicode = escaped === 'u' ? /^[\da-fA-F]{4}/.exec(this.source.slice(at + 1, at + 5))?.[0] : undefined;
        if (unicode) at += 4;
        value += unicode ? String.fromCharCode(parseInt(unicode, 16)) : (ESCAPES[escaped] ?? escaped);
      } else if ((char === '\n' && quote !== '`') || (quote === '`' && this.source.startsWith('${', at))) {
        return undefined;
      } else value += char;
    }
    return undefined;
  }

  /** Whitespace and comments. */
  private space(): void {
    for (;;) {
      const rest = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(this.source.slice(this.pos, this.pos + 4096));
      if (!rest) return;
      this.pos += rest[0].length;
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '', '\n': '' };

function isRow(row: unknown): boolean {
  return (
    Array.isArray(row) &&
    row.length === 2 &&
    row.every((cell) => typeof cell === 'string' || (Array.isArray(cell) && cell.every((s) => typeof s === 'string')))
  );
}

/** One cell: each of its lines in code, on lines of their own. */
function cellHtml(cell: Cell): string {
  const lines = (Array.isArray(cell) ? cell : [cell]).flatMap((line) => line.split('\n'));
  return `<td>${lines.map((line) => `<code>${escapeText(line)}</code>`).join('<br />')}</td>`;
}

/** The table an `<ApiTable>` start tag's `rows` expression (the source inside its braces) shows, or undefined. */
export function apiTableHtml(name: string, expressions: Record<string, string>): string | undefined {
  if (name !== 'ApiTable' || expressions.rows === undefined) return undefined;
  const rows = new LiteralReader(expressions.rows).rows();
  if (!rows?.length) return undefined;
  const body = rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr><th>Class</th><th>Styles</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
