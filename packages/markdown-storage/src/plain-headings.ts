/**
 * The heading lines of a page that writes its headings only as ATX lines (`## Title`) at the top
 * level, found by reading its lines: for such a page (every generated reference page) the table of
 * those lines is the one its conversion builds, at a fraction of the block parse `pageAnchors`
 * otherwise runs (bitbucket's 21 pages: ~0.45 s, warm). Undefined for a page where anything else
 * may make a heading or hide a heading line: setext underlines, containers, shortcodes and tags,
 * raw HTML right above a heading line, a heading written in raw HTML (`<h2>`). `test/page-anchors.test.ts` holds the two ways to the same
 * table on every golden fixture and every installed Markdown file.
 */
import { linesAfterFrontMatter } from './parse/front-matter.js';
import { RAW_HEADING_TAG } from './page-headings.js';

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/; // (or a thematic break)
const HEADING_IN_CONTAINER = /^ *(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+#{1,6}(?:[ \t]|$)/; // a quote, a list item
const SHORTCODE_OR_ATTRIBUTES = /\{\{[<%]|\{%|\{:|\{\.|\{#/; // Hugo, Kubernetes, Liquid, GitBook, kramdown, pandoc
// Containers (but for a plain `:::name[label]` and its closing `:::`), admonitions, display math.
const CONTAINER = /^ {0,3}(?::::(?!:*[ \t]*(?:[A-Za-z][\w-]*(?:\[[^\]]*\])?)?[ \t]*$)|!!!|\?\?\?|\$\$)/;
const DEFINITION = /^ {0,3}\[[^\]]*\]:/; // a link or footnote definition, which a heading's text may use

/**
 * Raw HTML blocks that run to an end marker (CommonMark's kinds 1 to 5): their lines are not
 * Markdown, whatever they look like.
 */
const HTML_UNTIL_MARKER: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Any other raw HTML at a line's start: it runs to the next blank line. */
const HTML_START = /^ {0,3}<\/?[A-Za-z]/;

/** How a line is read: by its first character past the indentation, so most lines cost one look. */
const enum Kind {
  Text,
  Blank,
  Heading,
  Fence,
  Html,
  NotPlain,
}

function kindOf(line: string): Kind {
  let indent = 0;
  while (line.charCodeAt(indent) === 0x20) indent += 1;
  if (indent === line.length) return Kind.Blank;
  if (line.includes('{') && SHORTCODE_OR_ATTRIBUTES.test(line)) return Kind.NotPlain;
  const first = line[indent]!;
  // A heading indented into a list item (or a code block), or indentation with tabs.
  if (indent >= 4 || first === '\t')
    return /^[ \t]*#/.test(line) ? Kind.NotPlain : /^[ \t]*$/.test(line) ? Kind.Blank : Kind.Text;
  switch (first) {
    case '#':
      return ATX_HEADING.test(line) ? Kind.Heading : Kind.Text;
    case '`':
    case '~':
      return Kind.Fence;
    case '<':
      return Kind.Html;
    case '[':
      return DEFINITION.test(line) ? Kind.NotPlain : Kind.Text;
    case ':':
    case '!':
    case '?':
    case '$':
      return CONTAINER.test(line) ? Kind.NotPlain : Kind.Text;
    case '=':
    case '-':
    case '>':
    case '*':
    case '+':
      return SETEXT_UNDERLINE.test(line) || HEADING_IN_CONTAINER.test(line) ? Kind.NotPlain : Kind.Text;
    default:
      return first >= '0' && first <= '9' && HEADING_IN_CONTAINER.test(line) ? Kind.NotPlain : Kind.Text;
  }
}

export function plainHeadingLines(markdown: string): string[] | undefined {
  const headings: string[] = [];
  let fenceEnd: RegExp | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlRun = false; // inside a run of non-blank lines that raw HTML started
  for (const raw of linesAfterFrontMatter(markdown)) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // A heading tag in raw HTML (or what may be one, in a comment or amid text) is a heading of the
    // page's: the parse knows where. Only fenced code is surely not HTML.
    if (!fenceEnd && line.includes('<') && RAW_HEADING_TAG.test(line)) return undefined;
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (fenceEnd) {
      if (fenceEnd.test(line)) fenceEnd = undefined;
      continue;
    }
    switch (kindOf(line)) {
      case Kind.Blank:
        htmlRun = false;
        break;
      case Kind.NotPlain:
        return undefined;
      case Kind.Heading:
        if (htmlRun) return undefined; // maybe inside the HTML block: the parse knows
        headings.push(line);
        break;
      case Kind.Fence: {
        const opening = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        // A backtick fence's info string has no backtick: ```` ```x``` ```` is inline code in a paragraph.
        if (opening && !(opening[1]![0] === '`' && opening[2]!.includes('`')))
          fenceEnd = new RegExp(`^ {0,3}${opening[1]![0]}{${opening[1]!.length},}[ \\t]*$`);
        break;
      }
      case Kind.Html: {
        const untilMarker = HTML_UNTIL_MARKER.find(([begin]) => begin.test(line));
        if (untilMarker) {
          if (!untilMarker[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = untilMarker[1];
        } else if (HTML_START.test(line)) htmlRun = true;
        break;
      }
      case Kind.Text:
        break;
    }
  }
  return headings;
}
