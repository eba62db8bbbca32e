/** Flow content: paragraphs, headings, blockquotes (and GitHub alerts), thematic breaks. */
import type { Blockquote, Heading, Paragraph, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text, x } from '../xml.js';
import { macro, panelMacro } from './macros.js';
import { isNoteEmbed, noteInclude } from './links.js';
import { generatedContentPanels } from './templates.js';
import type { WikiLink } from '../parse/wikilinks.js';
import { footnoteSection } from './footnotes.js';
import { plainText } from '../anchors.js';
import { MKDOCS_PANELS } from '../parse/mkdocs-admonitions.js';
import { withoutEdgeSpaces, withoutLayoutEnd, withoutLayoutStart } from '../phrasing.js';

export function root(node: Root, state: State): XNode[] {
  return [...state.all(node), ...footnoteSection(state)];
}

/**
 * A paragraph that is only a table-of-contents marker — VitePress' `[[toc]]`, Python-Markdown's and
 * MkDocs' `[TOC]`, GitLab's and Azure DevOps' `[[_TOC_]]` (its underscores read as emphasis) — is
 * Confluence's `toc` macro, which lists the page's headings the same way; Azure DevOps' table of
 * subpages, `[[_TOSP_]]`, is the `children` macro.
 */
const TOC_MARKER = /^(?:\[\[toc\]\]|\[toc\])$/i;
const SUBPAGES_MARKER = /^\[\[tosp\]\]$/i;

function markerMacro(node: Paragraph): XNode[] | undefined {
  const first = node.children[0];
  // Cheap test first: this runs on every paragraph.
  if (first?.type !== 'text' || first.value.charCodeAt(0) !== 0x5b /* [ */ || node.children.length > 3)
    return undefined;
  const text = plainText(node).trim();
  if (TOC_MARKER.test(text)) return [macro('toc')];
  if (SUBPAGES_MARKER.test(text)) return [macro('children')];
  return undefined;
}

/**
 * A paragraph of Obsidian note embeds only (`![[Other note]]`, one a line): each is the note's page
 * included (`include`), as Obsidian shows the note there. Amid text an embed stays a link: a page
 * cannot be shown inside a line.
 */
function noteEmbeds(node: Paragraph, state: State): XNode[] | undefined {
  // Cheap test first: this runs on every paragraph.
  if ((node.children[0]?.type as string) !== 'wikiLink') return undefined;
  const embeds: WikiLink[] = [];
  for (const child of node.children as Array<PhrasingContent | WikiLink>) {
    if (child.type === 'wikiLink' && isNoteEmbed(child)) embeds.push(child);
    else if (!(child.type === 'break' || (child.type === 'text' && child.value.trim() === ''))) return undefined;
  }
  return embeds.flatMap((embed) => noteInclude(embed, state));
}

/** A paragraph of MDN macros building content from MDN's data (`{{Compat}}`): placeholder panels. */
function generatedContent(node: Paragraph, state: State): XNode[] | undefined {
  // Cheap test first: this runs on every paragraph.
  if ((node.children[0]?.type as string) !== 'templateCall') return undefined;
  return generatedContentPanels(node, state);
}

export function paragraph(node: Paragraph, state: State, parent?: Parents): XNode[] {
  const marker = markerMacro(node) ?? noteEmbeds(node, state) ?? generatedContent(node, state);
  if (marker) return marker;
  // A label opening a list item is the item's words (npm's `- NOTE: …`), as a tight list's item,
  // whose paragraph never comes here, already keeps it: a panel inside a bullet is not what was written.
  // A later paragraph of the item (a callout indented under a numbered step) is a callout still.
  const opensItem = parent?.type === 'listItem' && parent.children[0] === node;
  const callout = opensItem ? undefined : labelledCallout(node);
  if (callout) return [panelMacro(callout.panel, { title: callout.title }, paragraph(callout.rest, state))];
  const children = edgesTrimmed(state.all(node));
  if (!children.length) return [];
  const notice = noticePanel(node);
  return notice ? [panelMacro(notice, {}, [x('p', {}, children)])] : [x('p', {}, children)];
}

/**
 * Angular's docs (adev) write a callout as a paragraph opening with its kind in capitals and a
 * colon (`IMPORTANT: linkedSignal is in developer preview.`), which the site shows as a box: the
 * panel of that kind, the label taken off (named as the title where the panel's colour does not
 * say it). Only these words, in capitals, at the paragraph's very start, and not opening a list item.
 */
const LABELLED_CALLOUTS: Record<string, { panel: string; title?: string }> = {
  NOTE: { panel: 'info' },
  TIP: { panel: 'tip' },
  HELPFUL: { panel: 'tip', title: 'Helpful' },
  IMPORTANT: { panel: 'note' },
  CRITICAL: { panel: 'warning' },
  QUESTION: { panel: 'info', title: 'Question' },
  SUMMARY: { panel: 'info', title: 'Summary' },
  TLDR: { panel: 'info', title: 'TL;DR' },
};
const CALLOUT_LABEL = /^(NOTE|TIP|HELPFUL|IMPORTANT|CRITICAL|QUESTION|SUMMARY|TLDR): +/;

function labelledCallout(node: Paragraph): { panel: string; title?: string; rest: Paragraph } | undefined {
  const first = node.children[0];
  const label = first?.type === 'text' ? CALLOUT_LABEL.exec(first.value) : null;
  if (!label || first?.type !== 'text') return undefined;
  // Something must follow the label: `NOTE: ` alone is prose about notes.
  if (!first.value.slice(label[0].length).trim() && node.children.length === 1) return undefined;
  const rest: Paragraph = {
    ...node,
    children: [{ ...first, value: first.value.slice(label[0].length) }, ...node.children.slice(1)],
  };
  return { ...LABELLED_CALLOUTS[label[1]!]!, rest };
}

/**
 * Minimal Mistakes' notices (the most used Jekyll theme): a paragraph with a kramdown class line
 * `{: .notice--warning}` under it (parse/to-mdast.ts takes it off) is a callout box on the site, so
 * the panel of its colour, as Wiki.js' `{.is-warning}` is.
 */
const NOTICES: Record<string, string> = {
  notice: 'info',
  'notice--primary': 'info',
  'notice--info': 'info',
  'notice--success': 'tip',
  'notice--warning': 'note',
  'notice--danger': 'warning',
};

function noticePanel(node: Paragraph): string | undefined {
  const classes = (node.data as { classes?: string[] } | undefined)?.classes;
  return classes?.map((name) => NOTICES[name]).find((panel) => panel !== undefined);
}

/**
 * Markdown takes the whitespace off a paragraph's edges; what was left out at an edge (MDN's
 * `{{JSRef}}` sidebar before a badge) must not leave its space behind as the paragraph's start.
 */
function edgesTrimmed(children: XNode[]): XNode[] {
  const first = children[0];
  if (first?.type === 'text' && /^[ \t\r\n]/.test(first.value)) {
    const value = withoutLayoutStart(first.value);
    if (value) children[0] = text(value);
    else children.shift();
  }
  const last = children[children.length - 1];
  if (last?.type === 'text' && /[ \t\r\n]$/.test(last.value)) {
    const value = withoutLayoutEnd(last.value);
    if (value) children[children.length - 1] = text(value);
    else children.pop();
  }
  return children;
}

export function heading(node: Heading, state: State): XNode[] {
  return [x(`h${node.depth}`, {}, withoutEdgeSpaces(state.all(node)))];
}

export function thematicBreak(): XNode[] {
  return [x('hr')];
}

/** GitHub alerts (`> [!NOTE]`) → the panel with the same intent. */
const ALERTS: Record<string, string> = {
  note: 'info',
  tip: 'tip',
  important: 'note',
  warning: 'note',
  caution: 'warning',
};

/**
 * Obsidian's callouts, of which GitHub's alerts are the five-type subset: `[!type]`, styling
 * after a bar (`[!bug | right]`), `-` (folded) or `+` (open, foldable), then the title to the end
 * of the line. GitHub's types keep their panels; Obsidian's others are Material for MkDocs' types
 * and aliases (what mkdocs-callouts publishes them as), any other an info panel. A title on the
 * marker's line is the panel's: GitHub would show `> [!NOTE] text` as a quote starting with the
 * marker, but such a page was written for Obsidian, where it is the title, and the marker left as
 * text would only be syntax to a Confluence reader. Without a title GitHub's types have none (as
 * GitHub shows them) and the others have their type's name (as Obsidian does). A foldable one is
 * an expand, as MkDocs' `???` is.
 */
const CALLOUT_MARKER = /^\[!([\w-]+)(?:[ \t]*\|[^\]\n]*)?\]([+-]?)/;

interface Callout {
  macro: string;
  title: string | undefined;
  rest: Blockquote;
}

export function blockquote(node: Blockquote, state: State): XNode[] {
  const found = callout(node);
  if (found) return [panelMacro(found.macro, { title: found.title }, state.all(found.rest))];
  const nest = nestCallout(node);
  if (nest) return [panelMacro(nest.macro, { title: nest.title }, state.all(nest.rest))];
  const wikiJs = wikiJsCallout(node);
  if (wikiJs) return [panelMacro(wikiJs, {}, state.all(node))];
  return [x('blockquote', {}, state.all(node))];
}

function callout(node: Blockquote): Callout | undefined {
  const [first, ...others] = node.children;
  if (first?.type !== 'paragraph') return undefined;
  const [lead, ...inline] = first.children;
  // Cheap test first: this runs on every blockquote.
  if (lead?.type !== 'text' || !lead.value.startsWith('[!')) return undefined;
  const match = CALLOUT_MARKER.exec(lead.value);
  if (!match) return undefined;
  const type = match[1]!.toLowerCase();
  const { title, body } = splitFirstLine([{ ...lead, value: lead.value.slice(match[0].length) }, ...inline]);
  const github = Object.hasOwn(ALERTS, type);
  const named = title || (github && !match[2] ? undefined : type.charAt(0).toUpperCase() + type.slice(1));
  const panel = github ? ALERTS[type]! : Object.hasOwn(MKDOCS_PANELS, type) ? MKDOCS_PANELS[type]! : 'info';
  const paragraph: Paragraph[] = body.length ? [{ ...first, children: body }] : [];
  return { macro: match[2] ? 'expand' : panel, title: named, rest: { ...node, children: [...paragraph, ...others] } };
}

/** A paragraph's phrasing split at its first line end: the title's plain text, and the rest. */
function splitFirstLine(phrasing: PhrasingContent[]): { title: string; body: PhrasingContent[] } {
  for (let index = 0; index < phrasing.length; index += 1) {
    const child = phrasing[index]!;
    const end = child.type === 'break' ? 0 : child.type === 'text' ? child.value.indexOf('\n') : -1;
    if (end === -1) continue;
    const head = child.type === 'text' ? [{ ...child, value: child.value.slice(0, end) }] : [];
    const tail = child.type === 'text' ? child.value.slice(end + 1) : '';
    const title = plainText({ type: 'paragraph', children: [...phrasing.slice(0, index), ...head] }).trim();
    return { title, body: [...(tail ? [{ ...child, value: tail } as Text] : []), ...phrasing.slice(index + 1)] };
  }
  return { title: plainText({ type: 'paragraph', children: phrasing }).trim(), body: [] };
}

/**
 * NestJS' docs callouts: a quote opening with its type and a bold title (`> info **Hint** The
 * decorator is…`, `> warning **Warning** …`), which the site shows as a box titled "Hint". The
 * type word is syntax there, not text; only these two types, lower case, before a bold title.
 */
const NEST_CALLOUTS: Record<string, string> = { 'info ': 'info', 'warning ': 'warning' };

function nestCallout(node: Blockquote): Callout | undefined {
  const [first, ...others] = node.children;
  if (first?.type !== 'paragraph') return undefined;
  const [lead, title, ...rest] = first.children;
  if (lead?.type !== 'text' || !Object.hasOwn(NEST_CALLOUTS, lead.value) || title?.type !== 'strong') return undefined;
  const head = rest[0];
  const body = head?.type === 'text' ? [{ ...head, value: head.value.replace(/^[ \t]+/, '') }, ...rest.slice(1)] : rest;
  const paragraph: Paragraph[] = body.length ? [{ ...first, children: body }] : [];
  return {
    macro: NEST_CALLOUTS[lead.value]!,
    title: plainText(title).trim() || undefined,
    rest: { ...node, children: [...paragraph, ...others] },
  };
}

/** Wiki.js' callouts: a blockquote with a line `{.is-info}` after it (parse/to-mdast.ts takes it off). */
const WIKIJS_CALLOUTS: Record<string, string> = {
  'is-info': 'info',
  'is-success': 'tip',
  'is-warning': 'note',
  'is-danger': 'warning',
};

function wikiJsCallout(node: Blockquote): string | undefined {
  const last = node.children[node.children.length - 1];
  const classes = (last?.data as { classes?: string[] } | undefined)?.classes;
  return classes?.map((name) => WIKIJS_CALLOUTS[name]).find((panel) => panel !== undefined);
}
