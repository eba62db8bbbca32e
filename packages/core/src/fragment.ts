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

/** What holds a line of a fragment: a fenced code block, an HTML block, or Markdown text. */
type LineKind = 'code' | 'html' | 'text';

/** Each line's kind, found as markdown-it finds fenced code and CommonMark's HTML blocks. */
function lineKinds(lines: string[]): LineKind[] {
  const kinds: LineKind[] = new Array<LineKind>(lines.length).fill('text');
  let fence: string | undefined;
  let inParagraph = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence || marker) kinds[index] = 'code';
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
    kinds.fill('html', index, last + 1);
    index = last;
    inParagraph = false;
  }
  return kinds;
}

/** `markdown`, followed by closing tags for the elements its HTML blocks leave open (if any). */
export function closeOpenElements(markdown: string | undefined): string | undefined {
  if (!markdown || !markdown.includes('<')) return markdown;
  const open: string[] = [];
  const lines = markdown.split('\n');
  const kinds = lineKinds(lines);
  const html = lines.map((line, index) => (kinds[index] === 'html' ? line : '')).join('\n');
  // Tags inside comments are text (`<!-- ReDoc-Inject: <security-definitions> -->`).
  track(html.replace(/<!--[\s\S]*?(?:-->|$)/g, ''), open);
  if (!open.length) return markdown;
  const closing = open
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return `${markdown.replace(/\s+$/, '')}\n\n${closing}\n`;
}

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/**
 * Lines that may start something other than a paragraph (code, quote, list, table): text above an
 * underline with one of them is not taken for a setext heading, and is left as it is.
 */
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[>#]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)))|\|/;

/** A heading of a fragment: one ATX line, or a setext heading's text lines and underline. */
interface FoundHeading {
  from: number;
  to: number;
  level: number;
}

/**
 * `markdown` with its headings moved down so the highest is at least `level`, keeping their
 * order of rank; none goes below 6. Why: a fragment's own `# Notes` must not sit above or
 * beside the page's headings where the fragment is placed (an operation's description under its
 * `## GET /path` heading, say): the page's outline would read it as a section of the page.
 * Setext headings are rewritten as ATX ones; code and HTML blocks are left as they are, but for
 * their HTML headings (`<h1>`…`<h6>`), which count and move as the Markdown ones: Bitbucket
 * writes `<h1>Report parameters</h1>` in an operation's description. Code keeps its own.
 */
export function nestHeadings(markdown: string | undefined, level: number): string | undefined {
  if (!markdown || !/[#=-]|<h[1-6]/i.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const kinds = lineKinds(lines);
  const headings = findHeadings(lines, kinds);
  const html = htmlHeadingLines(lines, kinds);
  const levels = [...headings.map((heading) => heading.level), ...html.flatMap(({ levels }) => levels)];
  if (!levels.length) return markdown;
  const shift = level - Math.min(...levels);
  if (shift <= 0) return markdown;
  // HTML headings first: they move in place, where setext headings below join lines.
  for (const { index } of html) lines[index] = moveHtmlHeadings(lines[index]!, shift);
  for (const { from, to, level: was } of headings.reverse()) {
    const hashes = '#'.repeat(Math.min(6, was + shift));
    if (from === to) lines[from] = lines[from]!.replace(ATX, `$1${hashes}`);
    else
      lines.splice(
        from,
        to - from + 1,
        `${hashes} ${lines
          .slice(from, to)
          .map((text) => text.trim())
          .join(' ')}`,
      );
  }
  return lines.join('\n');
}

/** An HTML heading's tag (`<h1>`, `</h1>`, `<h2 class="x">`), or a code span, which keeps what it holds. */
const HTML_HEADING_TAG = /(`+)[\s\S]*?(?<!`)\1(?!`)|<(\/?)h([1-6])(?=[\s/>])/gi;

/** The lines outside code that hold HTML headings, with the levels of those they open. */
function htmlHeadingLines(lines: string[], kinds: LineKind[]): Array<{ index: number; levels: number[] }> {
  const code = codeLines(lines, kinds);
  return lines.flatMap((line, index) => {
    if (code[index] || !/<\/?h[1-6]/i.test(line)) return [];
    const levels = [...line.matchAll(HTML_HEADING_TAG)]
      .filter(([, span, slash]) => !span && !slash)
      .map(([, , , level]) => Number(level));
    return [{ index, levels }];
  });
}

/** A line with each of its HTML headings outside code spans `shift` levels down (6 at most). */
function moveHtmlHeadings(line: string, shift: number): string {
  return line.replace(HTML_HEADING_TAG, (tag, span: string | undefined, slash: string, level: string) =>
    span ? tag : `<${slash}h${Math.min(6, Number(level) + shift)}`,
  );
}

function findHeadings(lines: string[], kinds: LineKind[]): FoundHeading[] {
  const headings: FoundHeading[] = [];
  let paragraph = -1; // the first line of the paragraph the current line continues, if any
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const atx = ATX.exec(line);
    if (kinds[index] !== 'text' || BLANK.test(line) || atx) {
      if (atx && kinds[index] === 'text') headings.push({ from: index, to: index, level: atx[2]!.length });
      paragraph = -1;
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph !== -1) {
      if (!lines.slice(paragraph, index).some((text) => NOT_PARAGRAPH.test(text)))
        headings.push({ from: paragraph, to: index, level: underline[1]![0] === '=' ? 1 : 2 });
      paragraph = -1;
    } else if (paragraph === -1 && !THEMATIC_BREAK.test(line)) paragraph = index;
  }
  return headings;
}

/**
 * The text of each Markdown heading of `markdown`, in order, as written between its marks: an ATX
 * heading's without its `#`s (closing ones too), a setext heading's lines joined. Not the headings
 * of code or HTML blocks.
 */
export function headingTexts(markdown: string | undefined): string[] {
  return markdownHeadings(markdown).map((heading) => heading.text);
}

/** The Markdown headings of `markdown`, in order: each one's text (as headingTexts gives it) and level. */
export function markdownHeadings(markdown: string | undefined): Array<{ text: string; level: number }> {
  if (!markdown) return [];
  const lines = markdown.split('\n');
  return findHeadings(lines, lineKinds(lines)).map(({ from, to, level }) => ({
    text:
      from === to
        ? lines[from]!.replace(ATX, '')
            .replace(/(?:^|[ \t]+)#+[ \t]*$/, '')
            .trim()
        : lines
            .slice(from, to)
            .map((text) => text.trim())
            .join(' '),
    level,
  }));
}

/**
 * A fragment ready to be placed on a page where the page's own headings are at `level - 1`:
 * its placeholders kept as text, its open HTML elements closed, its headings nested at `level`
 * or below.
 */
export function placeFragment(markdown: string | undefined, level: number): string | undefined {
  return nestHeadings(closeOpenElements(literalPlaceholders(markdown)), level);
}

// prettier-ignore
/** HTML's element names, the obsolete ones browsers still know included, and SVG's and MathML's roots. */
const HTML_ELEMENTS = new Set(['a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont', 'bdi', 'bdo', 'big', 'blink', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'marquee', 'math', 'menu', 'menuitem', 'meta', 'meter', 'nav', 'nobr', 'noframes', 'noscript', 'object', 'ol', 'optgroup', 'option', 'output', 'p', 'param', 'picture', 'plaintext', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'search', 'section', 'select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr', 'xmp']);
/** A tag as CommonMark reads raw HTML (`<topologyKey>`, `</b>`, `<base64 user:password>`), not after `\` or as a link's `](<destination>)`. */
const TAG_LIKE = /(?<![\\]|\]\()<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>/g;
/** What is left as written: code spans, and comments (`<!-- ReDoc-Inject: <security-definitions> -->`). */
const LEFT_AS_WRITTEN = /(`+)[\s\S]*?(?<!`)\1(?!`)|<!--[\s\S]*?(?:-->|$)/g;
const INDENTED_CODE = /^(?: {4}|\t)/;

/**
 * `markdown` with its tag-like placeholders made text: API authors write `<topologyKey>`,
 * `<namespace>/<name>` or `Basic <base64 user:password>` (Kubernetes' descriptions) for a value
 * to put there, and CommonMark reads them as raw HTML, which no page can show (GitHub drops
 * them; the storage converter showed them as text with a warning each). A tag whose name is not
 * an HTML element's gets its `<` written `&lt;`; real HTML (`<br>`, `<code>`, `<a href>`,
 * `<pre>`) is left as it is, and so are code blocks, code spans and comments.
 */
export function literalPlaceholders(markdown: string | undefined): string | undefined {
  if (!markdown || !markdown.includes('<')) return markdown;
  const lines = markdown.split('\n');
  const kinds = lineKinds(lines);
  const code = codeLines(lines, kinds);
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) out.push(placeholdersAsText(prose.join('\n')));
    prose = [];
  };
  for (const [index, line] of lines.entries()) {
    if (code[index]) {
      flush();
      out.push(line);
    } else prose.push(line);
  }
  flush();
  return out.join('\n');
}

/** Which lines are code: a fenced block's, or an indented block's. */
function codeLines(lines: string[], kinds: LineKind[]): boolean[] {
  let previousBlank = true;
  let inIndentedCode = false;
  return lines.map((line, index) => {
    // An indented code block starts after a blank line (it cannot interrupt a paragraph).
    inIndentedCode = kinds[index] === 'text' && INDENTED_CODE.test(line) && (previousBlank || inIndentedCode);
    previousBlank = BLANK.test(line);
    return kinds[index] === 'code' || inIndentedCode;
  });
}

function placeholdersAsText(text: string): string {
  let out = '';
  let from = 0;
  for (const kept of text.matchAll(LEFT_AS_WRITTEN)) {
    out += escapePlaceholderTags(text.slice(from, kept.index)) + kept[0];
    from = kept.index + kept[0].length;
  }
  return out + escapePlaceholderTags(text.slice(from));
}

function escapePlaceholderTags(text: string): string {
  return text.replace(TAG_LIKE, (tag, name: string) =>
    HTML_ELEMENTS.has(name.toLowerCase()) ? tag : `&lt;${tag.slice(1)}`,
  );
}

function track(line: string, open: string[]): void {
  for (const [, closing, tagName, selfClosing] of line.matchAll(TAG)) {
    const name = tagName!.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.includes(name)) open.length = open.lastIndexOf(name);
  }
}
