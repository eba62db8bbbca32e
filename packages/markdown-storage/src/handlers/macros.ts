/** Building blocks for `ac:structured-macro`: the only place a macro element is created. */
import { type XElement, type XNode, text, x } from '../xml.js';

export type MacroParameters = Record<string, string | undefined>;

function parameters(values: MacroParameters): XNode[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => x('ac:parameter', { 'ac:name': name }, [text(value)]));
}

/** A macro with parameters only (toc, children, status, anchor). */
export function macro(name: string, values: MacroParameters = {}, extra: XNode[] = []): XElement {
  return x('ac:structured-macro', { 'ac:name': name }, [...parameters(values), ...extra]);
}

/** A macro with a rich-text body (info, note, warning, tip, expand, excerpt). */
export function panelMacro(name: string, values: MacroParameters, body: XNode[]): XElement {
  return macro(name, values, [x('ac:rich-text-body', {}, body)]);
}

/**
 * The Widget Connector (`widget`), Confluence's own player for a video page: its `url` parameter is
 * a link (`ri:url`), not text; width and height in pixels.
 */
export function widgetMacro(url: string, size: { width?: number; height?: number }): XElement {
  return x('ac:structured-macro', { 'ac:name': 'widget' }, [
    x('ac:parameter', { 'ac:name': 'url' }, [x('ri:url', { 'ri:value': url })]),
    ...parameters({ width: size.width?.toString(), height: size.height?.toString() }),
  ]);
}

/** The `include` macro: another page of the space shown inside this one (an embedded Obsidian note). */
export function includeMacro(title: string): XElement {
  return macro('include', {}, [
    x('ac:parameter', { 'ac:name': '' }, [x('ac:link', {}, [x('ri:page', { 'ri:content-title': title })])]),
  ]);
}

/** A badge's type (`tip`, Bootstrap's `warning`, Nuxt UI's `error`) → the colour of Confluence's status lozenge. */
const BADGE_COLOURS: Record<string, string> = {
  ...{ tip: 'Green', success: 'Green', info: 'Blue', note: 'Blue' },
  ...{ warning: 'Yellow', caution: 'Yellow', danger: 'Red', error: 'Red' },
};

/** Whether a type names a badge colour. */
export const isBadgeType = (type: string) => Object.hasOwn(BADGE_COLOURS, type.toLowerCase());

/** A badge as the `status` lozenge, coloured by its type (no type, or one of no colour: grey). */
export function statusBadge(title: string, type = ''): XElement {
  const colour = isBadgeType(type) ? BADGE_COLOURS[type.toLowerCase()]! : 'Grey';
  return macro('status', { colour, title });
}
