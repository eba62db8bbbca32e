/** Flow content: paragraphs, headings, blockquotes (and GitHub alerts), thematic breaks. */
import type { Blockquote, Heading, Paragraph, Root, Text } from 'mdast';
import type { State } from '../state.js';
import { type XNode, x } from '../xml.js';
import { macro, panelMacro } from './macros.js';
import { footnoteSection } from './footnotes.js';

export function root(node: Root, state: State): XNode[] {
  return [...state.all(node), ...footnoteSection(state)];
}

/**
 * A paragraph that is only a table-of-contents marker — VitePress' `[[toc]]`, Python-Markdown's and
 * MkDocs' `[TOC]` — is Confluence's `toc` macro, which lists the page's headings the same way.
 */
const TOC_MARKER = /^(?:\[\[toc\]\]|\[toc\])$/i;

export function paragraph(node: Paragraph, state: State): XNode[] {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === 'text' && TOC_MARKER.test(only.value.trim())) return [macro('toc')];
  const children = state.all(node);
  return children.length ? [x('p', {}, children)] : [];
}

export function heading(node: Heading, state: State): XNode[] {
  return [x(`h${node.depth}`, {}, state.all(node))];
}

export function thematicBreak(): XNode[] {
  return [x('hr')];
}

/** GitHub alerts (`> [!NOTE]`) → the panel with the same intent. */
const ALERTS: Record<string, string> = {
  NOTE: 'info',
  TIP: 'tip',
  IMPORTANT: 'note',
  WARNING: 'note',
  CAUTION: 'warning',
};
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

export function blockquote(node: Blockquote, state: State): XNode[] {
  const alert = githubAlert(node);
  if (alert) return [panelMacro(alert.panel, {}, state.all(alert.rest))];
  const callout = wikiJsCallout(node);
  if (callout) return [panelMacro(callout, {}, state.all(node))];
  return [x('blockquote', {}, state.all(node))];
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

function githubAlert(node: Blockquote): { panel: string; rest: Blockquote } | undefined {
  const [first, ...others] = node.children;
  if (first?.type !== 'paragraph') return undefined;
  const [lead, ...inline] = first.children;
  if (lead?.type !== 'text') return undefined;
  const match = ALERT_MARKER.exec(lead.value);
  if (!match) return undefined;
  const remainder = lead.value.slice(match[0].length);
  // The marker must be alone on its line: `[!NOTE] text` is an ordinary quote.
  if (match[0].trimEnd() === lead.value.trimEnd() && inline[0] && inline[0].type !== 'break') return undefined;
  const leadRest: Text[] = remainder ? [{ ...lead, value: remainder }] : [];
  let phrasing = [...leadRest, ...inline];
  if (!remainder && phrasing[0]?.type === 'break') phrasing = phrasing.slice(1);
  const paragraph: Paragraph[] = phrasing.length ? [{ ...first, children: phrasing }] : [];
  return { panel: ALERTS[match[1]!.toUpperCase()]!, rest: { ...node, children: [...paragraph, ...others] } };
}
