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
}

/** Parse storage XHTML as XML (namespaces declared on a wrapper, as Confluence does) and take its visible text. */
export function checkStorage(storage: string): StorageCheck {
  const parser = new SaxesParser({ xmlns: true });
  let out = '';
  let inParameter = 0;
  let error: string | undefined;
  const macros: string[] = [];
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    if (SETTINGS.has(tag.name)) inParameter += 1;
    if (tag.name === 'ac:structured-macro') macros.push(String(tag.attributes['ac:name']?.value ?? ''));
    if (!INLINE.has(tag.name)) out += ' ';
  });
  parser.on('closetag', (tag) => {
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
  return { error, text: normalizeWhitespace(out), macros };
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
