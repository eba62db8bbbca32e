import { escapeTableCell, inlineCode, literalPlaceholders } from '@docgen/core';

/**
 * How the spec's descriptions (CommonMark, often with raw HTML) are fitted to a table cell beside
 * docgen's notes, or shortened to a cell's one-line summary. Under the page's own headings, core's
 * `placeFragment` places them.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^\s*$/;
/** An ATX heading line (`# Pets`, `## Overview`), or an HTML heading alone on its line (`<h2>Users</h2>`). */
const HEADING_LINE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|<h[1-6](?:\s[^>]*)?>.*<\/h[1-6]>\s*$)/i;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A GFM table's delimiter row: `| --- | :---: |`, `---|---`. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A Markdown list item's line: `- a`, `* a`, `1. a`, `1) a` (its marker indented 3 spaces at most). */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;

/**
 * A description's first paragraph of prose, for a table cell (the overview's list of tags, a tag's
 * sub-tags). A description that opens with a heading (`# Pets`, then the text) is summed up by the
 * text: the heading alone said no more than the tag's name beside it. A description of headings
 * only gives its first heading's text. A table, code, an HTML block, a list or a quote is no
 * summary (a table's rows made a line of escaped pipes), nor are badge and image lines: the first
 * paragraph after them is; a description with none is said to be on the tag's page. A sentence
 * that introduces what the summary leaves out (ending in a colon) is left out too.
 */
export function summaryOf(text: string | undefined): string {
  const paragraphs = blocksOf(text ?? '');
  const prose = paragraphs.map((paragraph) => leadingProse(withoutHeadings(paragraph))).find(Boolean);
  const first = paragraphs[0] ?? '';
  const summary =
    (prose && withoutLeadIn(prose)) ??
    (withoutHeadings(first) !== first ? headingText(first) : first.trim() && NO_PROSE_SUMMARY);
  return escapeTableCell(literalPlaceholders(summary) ?? '');
}

/**
 * A paragraph without its last sentence where that introduces what follows ("We have various
 * types of surveys:", then a list the summary leaves out), when a sentence comes before it.
 */
function withoutLeadIn(paragraph: string): string {
  if (!/:\s*$/.test(paragraph)) return paragraph;
  const end = [...paragraph.matchAll(/[.!?](?=\s+[A-Z])/g)].at(-1); // not "e.g. the"
  return end === undefined ? paragraph : paragraph.slice(0, end.index + 1);
}

const NO_PROSE_SUMMARY = "Described on the tag's page.";
/** Lines that begin a block other than a paragraph: an indented code block, a list, a quote, an HTML block. */
const NOT_PROSE = [
  /^(?: {4}|\t)/,
  LIST_ITEM,
  /^ {0,3}>/,
  /^ {0,3}<(?:!--|\?|!\[CDATA\[|\/?(?:table|thead|tbody|tr|th|td|pre|script|style|textarea|ul|ol|li|dl|img|picture|figure|svg|iframe|video|audio|hr|br|blockquote)\b)/i,
];
/** A line of images only, linked or not: README badges, a diagram. */
const IMAGES_LINE = /^ {0,3}(?:(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)[ \t]*)+$/i;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A description's paragraphs (split at blank lines), a fenced code block one of them whole. */
function blocksOf(text: string): string[] {
  const blocks: string[][] = [[]];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      blocks.at(-1)!.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) {
        fence = undefined;
        blocks.push([]);
      }
    } else if (marker) {
      fence = marker;
      blocks.push([line]);
    } else if (BLANK.test(line)) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  return blocks.filter((lines) => lines.length).map((lines) => lines.join('\n'));
}

/**
 * A paragraph's prose: none when it is code, a table, a list, a quote or an HTML block; up to a
 * table that follows it with no blank line between. Image lines are left out.
 */
function leadingProse(paragraph: string): string {
  const lines = paragraph.split('\n').filter((line) => !IMAGES_LINE.test(line) && !THEMATIC_BREAK.test(line));
  const first = lines[0];
  if (first === undefined || FENCE.test(first) || NOT_PROSE.some((start) => start.test(first))) return '';
  const table = lines.findIndex((line, index) => isTableStart(line, lines[index + 1]));
  return lines
    .slice(0, table === -1 ? undefined : table)
    .join('\n')
    .trim();
}

/**
 * A description without its first line where that says what the summary says (but for case,
 * spacing and a closing full stop): the page showed the sentence twice, bold and then plain
 * (Petstore's addPet, 21 of Jira's and Bitbucket's operations). Undefined when nothing is left.
 */
export function beyondSummary(description: string | undefined, summary: string | undefined): string | undefined {
  if (!description || !summary) return description;
  const [first, ...rest] = description.trimStart().split('\n');
  // A next line in lower case goes on with the sentence: "Delete the statuses\nof a commit."
  if (sentence(first!) !== sentence(summary) || /^\s*\p{Ll}/u.test(rest[0] ?? '')) return description;
  return rest.join('\n').trim() ? rest.join('\n').replace(/^(?:[ \t]*\n)+/, '') : undefined;
}

/** A sentence as compared with another: without its closing full stop, spacing made one, lower case. */
function sentence(text: string): string {
  return text
    .trim()
    .replace(/[.!:]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * A description's Javadoc inline tags (specs generated from Java code: Jira's, Bitbucket's) as
 * Markdown: `{@code status}` and `{@value X}` as code, `{@link Type#member label}` as its label (the
 * target in code when it has none), `{@literal text}` as the text. As written they showed braces
 * and all. Code (fenced, or a code span) keeps them as written.
 */
export function javadocTags(text: string | undefined): string | undefined {
  if (!text?.includes('{@')) return text;
  const lines = text.split('\n');
  const code = codeLines(lines);
  return lines.map((line, index) => (code[index] ? line : line.replace(JAVADOC_TAG, javadocTag))).join('\n');
}

/** Whether each line is code: a fence's opening or closing line, or a line inside a fenced block. */
function codeLines(lines: string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence && marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    else if (!fence && marker) fence = marker;
    return Boolean(fence || marker);
  });
}

/** Where one row of a table written on one line ends and the next begins: `|`, a line break tag, `|`. */
const ROW_BREAK = /\|[ \t]*<\/?br[ \t]*\/?>[ \t]*(?=\|)/gi;
const TRAILING_BREAK = /\|[ \t]*<\/?br[ \t]*\/?>[ \t]*$/i;

/**
 * A GFM table written on one line, its rows joined by line break tags (Azure API Management's
 * `$filter` tables: `| Field | Usage |</br>|---|---|</br>| name | filter |</br>`), one row a line:
 * the table its author meant, which showed as a line of pipes. Only a line that starts as a table
 * row and whose second row is a delimiter row; code keeps it as written.
 */
export function tableRowsOnOneLine(text: string | undefined): string | undefined {
  if (!text || !/\|[ \t]*<\/?br/i.test(text)) return text;
  const lines = text.split('\n');
  const code = codeLines(lines);
  return lines
    .map((line, index) => {
      if (code[index] || !/^ {0,3}\|/.test(line)) return line;
      const rows = line.replace(TRAILING_BREAK, '|').replace(ROW_BREAK, '|\n').split('\n');
      return rows.length > 2 && TABLE_DELIMITER.test(rows[1]!) ? rows.map((row) => row.trim()).join('\n') : line;
    })
    .join('\n');
}

/** A code span (left as it is), or a Javadoc inline tag: its name, then what it says. */
const JAVADOC_TAG = /(`+)[^`]*?\1|\{@(code|literal|link|linkplain|value)(?:[ \t]+([^{}]*))?\}/g;

function javadocTag(whole: string, span: string | undefined, tag: string, body = ''): string {
  if (span) return whole;
  const text = body.trim();
  if (tag === 'literal') return text;
  if (!tag.startsWith('link')) return inlineCode(text);
  const [target, label] = /^(\S+)(?:\s+([\s\S]+))?$/.exec(text)?.slice(1) ?? [text];
  return label ?? inlineCode(target);
}

/** Whether a description has headings (ATX, or HTML alone on its line) outside its code blocks. */
export function hasHeadings(markdown: string | undefined): boolean {
  if (!markdown?.match(/^ {0,3}(?:#|<h[1-6])/im)) return false;
  return blocksOf(markdown).some(
    (block) => !FENCE.test(block) && block.split('\n').some((line) => HEADING_LINE.test(line)),
  );
}

/**
 * A description split where its first heading starts (outside code): the text before it, which
 * introduces what docgen shows after it (`The result.`), and the sections from the heading on, which
 * go after docgen's content or they would swallow it. Placed whole after that content, the lead ran
 * on in the last section of the description above it (a response's `The result.` under its
 * schema's `## Paging`). Without a heading, the whole description is the lead.
 */
export function splitAtFirstHeading(markdown: string | undefined): { lead?: string; sections?: string } {
  if (!hasHeadings(markdown)) return { lead: markdown };
  const lines = markdown!.split('\n');
  const code = codeLines(lines);
  // The headings `hasHeadings` counts: ATX and HTML ones.
  const first = lines.findIndex((line, index) => !code[index] && HEADING_LINE.test(line));
  if (first < 0) return { lead: markdown };
  const lead = lines.slice(0, first).join('\n').trim();
  return { ...(lead && { lead }), sections: lines.slice(first).join('\n') };
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

/**
 * A table cell's notes (badges, the description, constraints, an example), one after the other on
 * a line, but a description that starts or ends with a list is a paragraph of its own, so that
 * `escapeTableCell` closes the list before what follows: joined by a space, `- PROJECT_WRITE
 * (length ≤ 20)` made the constraint a part of the list's last item.
 */
export function cellNotes(notes: string[]): string {
  return notes.filter(Boolean).reduce((cell, note) => {
    if (!cell) return note;
    const apart = endsInList(cell) || LIST_ITEM.test(note.split('\n')[0]!);
    return `${cell}${apart ? '\n\n' : ' '}${note}`;
  }, '');
}

/** Whether text's last paragraph is (or holds) a list, which a next line would continue. */
function endsInList(text: string): boolean {
  return text
    .split(/\n\s*\n/)
    .at(-1)!
    .split('\n')
    .some((line) => LIST_ITEM.test(line));
}

/**
 * A description for a table cell, its GFM tables written as HTML tables, which a cell may hold
 * (Confluence nests them): `escapeTableCell` would run a table's rows into one line of escaped
 * pipes. The table stands on one line with the text around it, so no `<br><br>` comes between;
 * after a list it stands after the list.
 */
function cellTables(markdown: string | undefined): string | undefined {
  if (!markdown?.includes('|')) return markdown;
  const lines = markdown.split('\n');
  const code = codeLines(lines);
  const out: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (code[index] || !isTableStart(line, lines[index + 1])) {
      out.push(line);
      continue;
    }
    // A fence's opening line ends the table (GFM: another block begins), and the code is its own.
    let end = index + 2;
    while (end < lines.length && !code[end] && lines[end]!.includes('|') && !BLANK.test(lines[end]!)) end += 1;
    while (out.length && BLANK.test(out.at(-1)!)) out.pop();
    // After a list the blank line stays, or the table (and the text after it) would run on in the
    // list's last item; a table indented under the item is the item's.
    if (!/^\s/.test(line) && endsInList(out.join('\n'))) out.push('');
    out.push(htmlTable(lines.slice(index, end)));
    index = end - 1;
    while (index + 1 < lines.length && BLANK.test(lines[index + 1]!)) index += 1;
  }
  return out.join('\n');
}

/**
 * A description as a table cell's Markdown (a parameter's, a field's, beside docgen's notes): its
 * headings bold paragraphs, its tables HTML tables. A cell holds no heading: `## Errors` showed as
 * that text.
 */
export function cellText(markdown: string | undefined): string | undefined {
  return cellTables(cellHeadings(literalPlaceholders(markdown)));
}

/**
 * A description that is a table cell's whole text (a server's or its variable's, a security
 * scheme's, a scope's, a response link's, a callback's response), as `cellText` makes it, escaped
 * for the cell.
 */
export function cellDescription(markdown: string | undefined): string {
  return escapeTableCell(cellText(markdown) ?? '');
}

/**
 * Headings (ATX, setext, an HTML heading alone on its line) as bold paragraphs of their own; code
 * keeps them as written.
 */
function cellHeadings(markdown: string | undefined): string | undefined {
  if (!markdown || !/^ {0,3}(?:#|<h[1-6]|=+[ \t]*$|-+[ \t]*$)/im.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const code = codeLines(lines);
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (code[index]) out.push(line);
    else if (HEADING_LINE.test(line)) out.push('', boldHeading(headingText(line)), '');
    else if (isSetextHeading(line, lines[index + 1], lines[index - 1])) out.push('', boldHeading(line.trim()), '');
    else if (!isSetextHeading(lines[index - 1] ?? '', line, lines[index - 2])) out.push(line);
  });
  return out.join('\n');
}

/** A heading's text in bold, or nothing for an empty heading (`#`). */
function boldHeading(text: string): string {
  return text ? `**${text}**` : '';
}

/**
 * Whether a line is a setext heading's text: a line of prose (not a list item, a quote, a table
 * row, code, a fence) after a blank line, with a `===` or `---` line under it.
 */
function isSetextHeading(line: string, next: string | undefined, previous: string | undefined): boolean {
  if (next === undefined || !SETEXT_UNDERLINE.test(next) || BLANK.test(line)) return false;
  if (previous !== undefined && !BLANK.test(previous)) return false;
  return ![LIST_ITEM, HEADING_LINE, FENCE, /^(?: {4}|\t| {0,3}[>|])/].some((block) => block.test(line));
}

/** Whether a line and the next begin a GFM table: a row of as many cells as the delimiter row below. */
function isTableStart(line: string, next: string | undefined): boolean {
  if (next === undefined || !TABLE_DELIMITER.test(next) || !(line + next).includes('|')) return false;
  return tableCells(line).length === tableCells(next).length;
}

/** A GFM table's rows (header, delimiter, body) as one line of HTML; a cell's Markdown stays. */
function htmlTable(rows: string[]): string {
  const [header, delimiter, ...body] = rows.map(tableCells);
  const aligns = delimiter!.map(alignAttribute);
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${header!.map((_, i) => `<${tag}${aligns[i]}>${cells[i] ?? ''}</${tag}>`).join('')}</tr>`;
  return `<table>${row(header!, 'th')}${body.map((cells) => row(cells, 'td')).join('')}</table>`;
}

/**
 * A delimiter cell's column alignment as GFM writes it in HTML (`:---:` → ` align="center"`),
 * which the storage converter aligns as it does an outer table's column; none for `---`.
 */
function alignAttribute(delimiter: string): string {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  if (left && right) return ' align="center"';
  if (left || right) return ` align="${left ? 'left' : 'right'}"`;
  return '';
}

/** A table row's cells, split at its unescaped pipes; an escaped pipe is a pipe (an HTML cell needs no escape). */
function tableCells(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}
