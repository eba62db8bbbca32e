/**
 * "Visible text" of the expected HTML and of our storage XHTML, for comparing the two:
 * what a reader sees, with whitespace collapsed and a space at every block boundary.
 * Macro parameters (language, colour…) are settings, not text; CDATA bodies (code, link text) are text.
 */
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'big',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'img',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'ins',
  'var',
  'wbr',
  'ac:link',
  'ac:plain-text-link-body',
  'ac:link-body',
  'ac:image',
  'ri:page',
  'ri:attachment',
  'ri:url',
  // A macro's edges are not boundaries (inline macros like anchor); its bodies are.
  'ac:structured-macro',
  'ac:parameter',
]);
/** Storage elements whose content is a setting, not text: macro parameters, a task's checkbox state. */
const SETTINGS = new Set(['ac:parameter', 'ac:task-status']);
/** Content a browser never shows as text. */
const HIDDEN_HTML = new Set(['script', 'style', 'template']);

export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

export function htmlVisibleText(html: string): string {
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN_HTML.has(name)) hidden += 1;
        if (!INLINE.has(name)) out += ' ';
      },
      onclosetag(name) {
        if (HIDDEN_HTML.has(name)) hidden -= 1;
        if (!INLINE.has(name)) out += ' ';
      },
      ontext(text) {
        if (!hidden) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return normalizeWhitespace(out);
}

export const NAMESPACES = 'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier"';

export interface StorageCheck {
  /** The XML parser's first error, or undefined when well-formed. */
  error?: string;
  text: string;
  /** `ac:name` of every macro element, in document order. */
  macros: string[];
  /** The first element where storage cannot hold it (`<ul> inside <h2>`), or undefined. */
  misplaced?: string;
}

/** Elements that hold one line of text: no block may stand in them. */
const TEXT_HOLDERS = new Set(
  ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', ...INLINE].filter((name) => !name.startsWith('ac:structured')),
);
/** Elements whose content is flow again (blocks), wherever they stand. */
const FLOW_HOLDERS = new Set(['root', 'li', 'td', 'th', 'blockquote', 'ac:rich-text-body']);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr']);
/** Macros that sit in a line of text; every other is a block. */
const INLINE_MACROS = new Set(['status', 'anchor', 'jira', 'widget']);
/** Elements that stand only in their own parent: an item in a list, a row in a table, a cell in a row. */
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol'],
  tr: ['tbody', 'thead', 'tfoot', 'table'],
  td: ['tr'],
  th: ['tr'],
  tbody: ['table'],
  thead: ['table'],
  tfoot: ['table'],
};

/** Why `name` cannot stand inside `open` (the names of its open ancestors, outermost first), or undefined. */
function misplacement(name: string, macro: string | undefined, open: string[]): string | undefined {
  const parent = open[open.length - 1]!;
  const parents = PARENTS[name];
  if (parents && !parents.includes(parent)) return `<${name}> inside <${parent}>`;
  const block = BLOCKS.has(name) || (name === 'ac:structured-macro' && !INLINE_MACROS.has(macro ?? ''));
  if (!block) return undefined;
  for (let index = open.length - 1; index >= 0; index -= 1) {
    if (FLOW_HOLDERS.has(open[index]!)) return undefined;
    if (TEXT_HOLDERS.has(open[index]!)) return `<${macro ? `${name} ${macro}` : name}> inside <${open[index]}>`;
  }
  return undefined;
}

/** Parse storage XHTML as XML (namespaces declared on a wrapper, as Confluence does) and take its visible text. */
export function checkStorage(storage: string): StorageCheck {
  const parser = new SaxesParser({ xmlns: true });
  let out = '';
  let inParameter = 0;
  let error: string | undefined;
  const macros: string[] = [];
  const open: string[] = [];
  let misplaced: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    if (SETTINGS.has(tag.name)) inParameter += 1;
    const macro = tag.name === 'ac:structured-macro' ? String(tag.attributes['ac:name']?.value ?? '') : undefined;
    if (macro !== undefined) macros.push(macro);
    if (open.length) misplaced ??= misplacement(tag.name, macro, open);
    open.push(tag.name);
    if (!INLINE.has(tag.name)) out += ' ';
  });
  parser.on('closetag', (tag) => {
    open.pop();
    if (SETTINGS.has(tag.name)) inParameter -= 1;
    if (!INLINE.has(tag.name)) out += ' ';
  });
  parser.on('text', (text) => {
    if (!inParameter) out += text;
  });
  parser.on('cdata', (text) => {
    if (!inParameter) out += text;
  });
  try {
    parser.write(`<root ${NAMESPACES}>${storage}</root>`).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return { error, text: normalizeWhitespace(out), macros, misplaced };
}

/** The macros the converter may emit; any other macro in its output would be an injection. */
export const ALLOWED_MACROS = new Set([
  'code',
  'info',
  'note',
  'warning',
  'tip',
  'expand',
  'toc',
  'status',
  'anchor',
  'children',
  'excerpt',
  'panel',
]);
