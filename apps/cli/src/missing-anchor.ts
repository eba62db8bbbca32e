import { closestName } from '@docgen/core';

/**
 * What the converter's `resolveMissingAnchor` answers for a link to `#fragment` of another page:
 * undefined when that page has the heading or anchor (`anchors`: its `pageAnchors`, `declared`: its
 * `::anchor[…]` names), else the name it most likely meant, or '' for none near. The name is offered
 * in the form the link wrote: a heading's text for a fragment holding a space (Obsidian's
 * `[[Note#Some heading]]`), else a slug.
 */
export function missingAnchor(
  fragment: string,
  anchors: ReadonlyMap<string, string>,
  declared: ReadonlySet<string>,
): string | undefined {
  if (anchors.has(fragment) || declared.has(fragment)) return undefined;
  const spaced = /\s/.test(fragment);
  const names = [...anchors.keys(), ...declared].filter((name) => /\s/.test(name) === spaced);
  // A slug's slip grows with its length (`#decision-outcom`, `#configuring-the-agnet`).
  return closestName(fragment, names, Math.max(2, Math.floor(fragment.length / 4))) ?? '';
}

/** The names a page declares as link targets besides its headings (see `declaredAnchorNames`). */
export interface DeclaredAnchors {
  /** Every name declared: a link to one is never warned about. */
  all: Set<string>;
  /** The names of its `::anchor[…]` directives, which a link's fragment names as written. */
  explicit: Set<string>;
}

/**
 * The names a page may declare as link targets besides its headings, read loosely from its
 * Markdown: anchor directives (`::anchor[x]`, `:anchor{id=x}`) and raw HTML's `id`/`name`
 * (`<a name="top">`). Loosely, so that a link to one is never warned about: a name that only looks
 * declared (in a code sample) merely keeps a link to it from being warned about.
 */
export function declaredAnchorNames(markdown: string): DeclaredAnchors {
  const all = new Set<string>();
  const explicit = new Set<string>();
  // One scan for both: `::anchor[x]` is also read as `:anchor[x]`, the inline form.
  for (const match of markdown.matchAll(/(:?):anchor\[([^\]\n]*)\]/g)) {
    all.add(match[2]!);
    if (match[1]) explicit.add(match[2]!);
  }
  for (const match of markdown.matchAll(/\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`}]+))/g))
    all.add(match[1] ?? match[2] ?? match[3]!);
  return { all, explicit };
}
