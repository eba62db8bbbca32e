/**
 * A Markdown fragment a plugin puts on a page (an OpenAPI description, a Prisma `///` comment, a
 * runbook's notes) may hold raw HTML that leaves an element open. Bitbucket's OpenAPI spec writes
 * `</pre> Reply to a comment: <pre> {` on one line: the line ends an HTML block and opens a
 * `<pre>` whose `</pre>`, further down, CommonMark reads as paragraph text. Everything the page
 * puts after the fragment (headings, tables, code) would then sit inside that `<pre>`. So a
 * fragment is closed where it ends: the elements its HTML blocks leave open get closing tags after
 * it, in a block of their own.
 *
 * Only HTML blocks count (CommonMark's seven kinds, found as markdown-it finds them): raw HTML
 * inside a paragraph ends with the paragraph. A closing tag that finds nothing open is dropped by
 * the converter, so closing too much costs nothing.
 */

/** Elements with no closing tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// prettier-ignore
const BLOCK_NAMES = ['address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul'];

/** The HTML blocks: how one starts, how it ends, whether it may interrupt a paragraph. */
const HTML_BLOCKS: Array<{ start: RegExp; end: RegExp; interrupts: boolean }> = [
  { start: /^<(script|pre|style|textarea)(?=(\s|>|$))/i, end: /<\/(script|pre|style|textarea)>/i, interrupts: true },
  { start: /^<!--/, end: /-->/, interrupts: true },
  { start: /^<\?/, end: /\?>/, interrupts: true },
  { start: /^<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  { start: new RegExp(`^</?(${BLOCK_NAMES.join('|')})(?=(\\s|/?>|$))`, 'i'), end: /^\s*$/, interrupts: true },
  {
    start: /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/,
    end: /^\s*$/,
    interrupts: false,
  },
];
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^\s*$/;

/** `markdown`, followed by closing tags for the elements its HTML blocks leave open (if any). */
export function closeOpenElements(markdown: string | undefined): string | undefined {
  if (!markdown || !markdown.includes('<')) return markdown;
  const open: string[] = [];
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let inParagraph = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      inParagraph = false;
      continue;
    }
    const text = /^ {0,3}</.test(line) ? line.trimStart() : undefined;
    const block = text === undefined ? undefined : HTML_BLOCKS.find((kind) => kind.start.test(text));
    if (!block || (inParagraph && !block.interrupts)) {
      inParagraph = !BLANK.test(line);
      continue;
    }
    // The block runs to the line that ends it (that line included, unless it is blank).
    let last = index;
    if (!block.end.test(text!)) {
      while (last + 1 < lines.length && !block.end.test(lines[last + 1]!)) last += 1;
      if (last + 1 < lines.length && !BLANK.test(lines[last + 1]!)) last += 1;
    }
    for (const blockLine of lines.slice(index, last + 1)) track(blockLine, open);
    index = last;
    inParagraph = false;
  }
  if (!open.length) return markdown;
  const closing = open
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return `${markdown.replace(/\s+$/, '')}\n\n${closing}\n`;
}

function track(line: string, open: string[]): void {
  for (const [, closing, tagName, selfClosing] of line.matchAll(TAG)) {
    const name = tagName!.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.includes(name)) open.length = open.lastIndexOf(name);
  }
}
