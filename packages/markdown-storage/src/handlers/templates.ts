/**
 * Template calls in a line of text (parse/template-calls.ts): Hugo's shortcodes and MDN's
 * KumaScript macros, shown as what the site would show where their meaning is plain from their
 * syntax and family, and otherwise as written, with one warning per kind on the page.
 */
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text, x } from '../xml.js';
import { type TemplateCall, type TemplateCallMeta, isMdnMacro, templateMeaning } from '../parse/template-calls.js';
import { buildLink } from './links.js';
import { embedded } from './embeds.js';
import { macro, panelMacro, widgetMacro } from './macros.js';

export function templateCall(node: TemplateCall, state: State): XNode[] {
  const meta = node.data;
  const meaning = templateMeaning(meta);
  const at = node as unknown as Nodes; // for a warning's line
  switch (meaning.kind) {
    case 'text':
      return [text(meaning.text)];
    case 'heading':
      state.warnOncePerKind(`hugo-heading:${meta.name}`, guessedHeading(meta, meaning.text), at);
      return [text(meaning.text)];
    case 'code':
      return [x('code', {}, [text(meaning.text)])];
    case 'link':
      return buildLink(state, meaning.url, undefined, [text(meaning.text)], at);
    case 'status':
      return [macro('status', { colour: 'Grey', title: meaning.text })];
    case 'video':
      return [widgetMacro(meaning.url, {})];
    case 'embed':
      return embedded(meaning.url, {}, state, at, 'embed');
    case 'navigation':
      state.warnOncePerKind(
        `kumascript:${meta.name}`,
        `MDN macro {{${meta.name}}} left out: it is the site's navigation sidebar`,
        at,
      );
      return [];
    case 'generated':
    case 'written':
      if (meaning.kind === 'generated' || meaning.warn)
        state.warnOncePerKind(`${meta.syntax}:${meta.name}`, unconverted(meta), at);
      return [text(meaning.text.replace(/[ \t]*\r?\n[ \t]*/g, ' '))];
  }
}

/**
 * A paragraph of MDN macros that build content from MDN's data only (`{{Compat}}`,
 * `{{EmbedLiveSample("Examples", 600, 400)}}` on a line of their own, as MDN writes them): an info
 * panel each, titled with what MDN shows there and saying so, instead of the macro's braces; a
 * sidebar beside them is left out as anywhere. In a line of text a macro stays as written (a panel
 * cannot sit in a line).
 */
export function generatedContentPanels(node: Paragraph, state: State): XNode[] | undefined {
  const calls: TemplateCall[] = [];
  for (const child of node.children as Array<PhrasingContent | TemplateCall>) {
    if (child.type === 'templateCall') calls.push(child);
    else if (!(child.type === 'break' || (child.type === 'text' && child.value.trim() === ''))) return undefined;
  }
  const meanings = calls.map((call) => templateMeaning(call.data));
  if (!meanings.some((meaning) => meaning.kind === 'generated')) return undefined;
  if (!meanings.every((meaning) => meaning.kind === 'generated' || meaning.kind === 'navigation')) return undefined;
  return calls.flatMap((call, index) => {
    const meaning = meanings[index]!;
    if (meaning.kind !== 'generated') return templateCall(call, state); // a sidebar: left out, warned
    const at = call as unknown as Nodes;
    state.warnOncePerKind(`${call.data.syntax}:${call.data.name}`, placeholder(call.data, meaning.title), at);
    return [panelMacro('info', { title: meaning.title }, [x('p', {}, generatedSentence(call.data, meaning.shows))])];
  });
}

/** "On MDN, the `Compat` macro builds …": the sentence's backticks are code. */
function generatedSentence(meta: TemplateCallMeta, shows: string): XNode[] {
  const words = `On MDN, the \`${meta.name}\` macro ${shows}. It is not part of this page's Markdown.`;
  return words.split('`').map((part, index) => (index % 2 ? x('code', {}, [text(part)]) : text(part)));
}

function placeholder({ name }: TemplateCallMeta, title: string): string {
  return `MDN macro {{${name}}} shown as a placeholder panel ("${title}"): MDN builds its content from its own data, not on the page`;
}

function shortcodeName({ name, source }: TemplateCallMeta): string {
  const [open, close] = source.charAt(2) === '%' ? ['%', '%'] : ['<', '>'];
  return `Hugo shortcode {{${open} ${name} ${close}}}`;
}

function guessedHeading(meta: TemplateCallMeta, shown: string): string {
  return `${shortcodeName(meta)} shows a heading from the site's own (translated) data: shown as "${shown}"`;
}

/** The warning for a call left as written; named for its family only when that is sure (isMdnMacro). */
function unconverted(meta: TemplateCallMeta): string {
  const { syntax, name } = meta;
  if (syntax === 'hugo')
    return `${shortcodeName(meta)} is not converted: shown as text (the site generator fills it in)`;
  if (isMdnMacro(name)) return `MDN macro {{${name}}} is not converted: shown as text (the site generator fills it in)`;
  return `template call {{${name}(…)}} is not converted: shown as text (the template engine fills it in)`;
}
