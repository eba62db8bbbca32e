/**
 * Template calls in a line of text (parse/template-calls.ts): Hugo's shortcodes and MDN's
 * KumaScript macros, shown as what the site would show where their meaning is plain from their
 * syntax and family, and otherwise as written, with one warning per kind on the page.
 */
import type { Nodes } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text, x } from '../xml.js';
import { type TemplateCall, type TemplateCallMeta, isMdnMacro, templateMeaning } from '../parse/template-calls.js';
import { buildLink } from './links.js';
import { macro, widgetMacro } from './macros.js';

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
    case 'navigation':
      state.warnOncePerKind(
        `kumascript:${meta.name}`,
        `MDN macro {{${meta.name}}} left out: it is the site's navigation sidebar`,
        at,
      );
      return [];
    case 'written':
      if (meaning.warn) state.warnOncePerKind(`${meta.syntax}:${meta.name}`, unconverted(meta), at);
      return [text(meaning.text.replace(/[ \t]*\r?\n[ \t]*/g, ' '))];
  }
}

function shortcodeName({ name, source }: TemplateCallMeta): string {
  const [open, close] = source.charAt(2) === '%' ? ['%', '%'] : ['<', '>'];
  return `Hugo shortcode {{${open} ${name} ${close}}}`;
}

function guessedHeading(meta: TemplateCallMeta, shown: string): string {
  return `${shortcodeName(meta)} shows a heading from the site's own (translated) data: shown as "${shown}", its argument title-cased`;
}

/** The warning for a call left as written; named for its family only when that is sure (isMdnMacro). */
function unconverted(meta: TemplateCallMeta): string {
  const { syntax, name } = meta;
  if (syntax === 'hugo')
    return `${shortcodeName(meta)} is not converted: shown as text (the site generator fills it in)`;
  if (isMdnMacro(name)) return `MDN macro {{${name}}} is not converted: shown as text (the site generator fills it in)`;
  return `template call {{${name}(…)}} is not converted: shown as text (the template engine fills it in)`;
}
