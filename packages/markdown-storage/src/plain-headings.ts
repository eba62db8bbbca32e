/**
 * The heading lines of a page that writes its headings only as ATX lines (`## Title`) at the top
 * level, found by reading its lines: for such a page (every generated reference page) the table of
 * those lines is the one its conversion builds, at a fraction of the block parse `pageAnchors`
 * otherwise runs (bitbucket's 21 pages: ~0.45 s, warm). Undefined for a page where anything else
 * may make a heading or hide a heading line: setext underlines, containers, shortcodes and tags,
 * raw HTML right above a heading line. `test/page-anchors.test.ts` holds the two ways to the same
 * table on every golden fixture and every installed Markdown file.
 */
import { linesAfterFrontMatter } from './parse/front-matter.js';

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** Lines after which the block parse must decide what is a heading. */
const NOT_PLAIN = [
  /^ {0,3}(?:=+|-+)[ \t]*$/, // a setext underline (or a thematic break)
  /^ *(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+#{1,6}(?:[ \t]|$)/, // a heading in a quote or a list item
  /^(?: {4,}|[ ]*\t)[ \t]*#/, // a heading indented into a list item (or a code block)
  /\{\{[<%]|\{%|\{:|\{\.|\{#/, // Hugo and Kubernetes shortcodes, Liquid and GitBook tags, attributes
  // containers (but for a plain `:::name[label]` and its closing `:::`), admonitions, display math
  /^ {0,3}(?::::(?!:*[ \t]*(?:[A-Za-z][\w-]*(?:\[[^\]]*\])?)?[ \t]*$)|!!!|\?\?\?|\$\$)/,
  /^ {0,3}\[[^\]]*\]:/, // a link or footnote definition, which a heading's text may use
];

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

export function plainHeadingLines(markdown: string): string[] | undefined {
  const headings: string[] = [];
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlRun = false; // inside a run of non-blank lines that raw HTML started
  for (const raw of linesAfterFrontMatter(markdown)) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(line)) fence = undefined;
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string has no backtick: ```` ```x``` ```` is inline code in a paragraph.
    if (opening && !(opening[1]![0] === '`' && opening[2]!.includes('`'))) {
      fence = opening[1];
      continue;
    }
    if (/^[ \t]*$/.test(line)) {
      htmlRun = false;
      continue;
    }
    const untilMarker = HTML_UNTIL_MARKER.find(([start]) => start.test(line));
    if (untilMarker) {
      if (!untilMarker[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = untilMarker[1];
      continue;
    }
    if (HTML_START.test(line)) htmlRun = true;
    if (NOT_PLAIN.some((pattern) => pattern.test(line))) return undefined;
    if (ATX_HEADING.test(line)) {
      if (htmlRun) return undefined; // maybe inside the HTML block: the parse knows
      headings.push(line);
    }
  }
  return headings;
}
