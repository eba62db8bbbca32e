import { escapeTableCell, literalPlaceholders } from '@docgen/core';

/**
 * How the spec's descriptions (CommonMark, often with raw HTML) are fitted to where a page puts
 * them: shortened to a table cell's one-line summary, and so on.
 */

/** An ATX heading line (`# Pets`, `## Overview`), or an HTML heading alone on its line (`<h2>Users</h2>`). */
const HEADING_LINE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|<h[1-6](?:\s[^>]*)?>.*<\/h[1-6]>\s*$)/i;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * A description's first paragraph of prose, for a table cell (the overview's list of tags, a tag's
 * sub-tags). A description that opens with a heading (`# Pets`, then the text) is summed up by the
 * text: the heading alone said no more than the tag's name beside it. A description of headings
 * only gives its first heading's text.
 */
export function summaryOf(text: string | undefined): string {
  const paragraphs = (text ?? '').split(/\n\s*\n/);
  const prose = paragraphs.map(withoutHeadings).find((paragraph) => paragraph.trim());
  const summary = prose ?? headingText(paragraphs[0] ?? '');
  return escapeTableCell(literalPlaceholders(summary) ?? '');
}

/** A paragraph's lines without its heading lines (ATX, HTML, or a setext heading's text and underline). */
function withoutHeadings(paragraph: string): string {
  const lines = paragraph.split('\n');
  const underline = lines.findIndex((line, index) => index > 0 && SETEXT_UNDERLINE.test(line));
  return lines
    .slice(underline + 1)
    .filter((line) => !HEADING_LINE.test(line))
    .join('\n');
}

/** A heading's words: `# Admin` and `<h1>Admin</h1>` read `Admin`. */
function headingText(heading: string): string {
  return heading
    .split('\n')[0]!
    .replace(/^ {0,3}#{1,6}[ \t]*/, '')
    .replace(/[ \t]#+[ \t]*$/, '')
    .replace(/<\/?h[1-6](?:\s[^>]*)?>/gi, '')
    .trim();
}
