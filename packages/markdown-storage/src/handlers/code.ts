/**
 * Fenced and indented code → the `code` macro. The body goes in CDATA (split around `]]>`), so
 * nothing in it is ever parsed. Fence meta: `title="…"`, `linenumbers` (or `showLineNumbers`),
 * `firstline=N`, `collapse`, `theme=…`.
 */
import type { Code, InlineCode } from 'mdast';
import type { State } from '../state.js';
import { type XNode, cdata, text, x } from '../xml.js';
import { codeLanguage } from '../languages.js';
import { macro, panelMacro } from './macros.js';

const META = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;

export function parseMeta(meta: string | null | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of (meta ?? '').matchAll(META)) {
    values[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? 'true';
  }
  return values;
}

export function code(node: Code, state: State): XNode[] {
  const meta = parseMeta(node.meta);
  const lineNumbers = meta.linenumbers ?? meta.shownumbers ?? meta.showlinenumbers;
  const firstLine = meta.firstline ?? meta.startline;
  const collapse = meta.collapse === 'true';
  const parameters = {
    language: codeLanguage(node.lang, state.dialect),
    title: meta.title,
    linenumbers: lineNumbers === undefined ? undefined : String(lineNumbers !== 'false'),
    firstline: firstLine !== undefined && /^\d+$/.test(firstLine) ? firstLine : undefined,
    theme: meta.theme,
    // The Cloud editor ignores collapse: it gets an expand around the block instead.
    collapse: collapse && state.dialect === 'datacenter' ? 'true' : undefined,
  };
  const block = macro('code', parameters, [x('ac:plain-text-body', {}, [cdata(node.value)])]);
  if (collapse && state.dialect === 'cloud') return [panelMacro('expand', { title: meta.title }, [block])];
  return [block];
}

export function inlineCode(node: InlineCode): XNode[] {
  return [x('code', {}, [text(node.value)])];
}
