/**
 * Heading anchors the way Confluence makes them, so `[see](#getting-started)` lands on the heading.
 *
 * Confluence derives a heading's anchor from its text with the whitespace removed
 * ("Getting Started" → `GettingStarted`; the page renders it as `#PageTitle-GettingStarted`), and
 * a repeated heading gets `.1`, `.2`… Markdown authors write GitHub slugs (`#getting-started`), so
 * both are computed and the slug is mapped to Confluence's anchor.
 */
import GithubSlugger from 'github-slugger';
import { decodeHTML } from 'entities';
import type { Heading, Nodes } from 'mdast';
import { replaceEmojiShortcodes } from './emoji.js';

/** Confluence's anchor for a heading text (first occurrence). */
export function confluenceAnchor(headingText: string): string {
  return headingText.replace(/\s+/g, '');
}

/**
 * Visible text of a Markdown subtree (images and raw HTML contribute nothing, as in a heading's
 * text on GitHub). `shown`: what a text node's value reads as; code is always as written.
 */
export function plainText(node: Nodes, shown: (text: string) => string = (text) => text): string {
  if (node.type === 'text') return shown(node.value);
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map((child) => plainText(child, shown)).join('');
  return '';
}

/**
 * What a heading's anchors are made from: its text, and the id written after it (`{#usage}`) or
 * on it (`<h2 id="usage">`), if any. `raw`: written in raw HTML (page-headings.ts).
 */
export interface HeadingName {
  text: string;
  /**
   * The text the page shows, which Confluence names the heading by: emoji shortcodes as their
   * emoji, but not in code (`` `'test:watch:drained'` `` stays as written), and raw HTML it shows
   * as text (page-headings.ts). Undefined: `text` with every shortcode replaced.
   */
  displayed?: string;
  id?: string;
  raw?: boolean;
}

export function headingName(heading: Heading): HeadingName {
  const id = (heading.data as { id?: string } | undefined)?.id;
  // As the page shows it: emoji shortcodes in text replaced (handlers/inline.ts), code as written.
  const name = { text: headingText(heading), displayed: plainText(heading, replaceEmojiShortcodes) };
  return id === undefined ? name : { ...name, id };
}

/**
 * The text a heading's anchor is made from, untrimmed: GitHub slugs it as it is, so an image or a
 * raw HTML tag at either end leaves a `-` there (`## Title ![badge](…)` → `#title-`).
 */
export function headingText(heading: Heading): string {
  return plainText(heading);
}

/**
 * GitHub's slug of each Markdown heading of `names`, in document order, made from its untrimmed
 * text (headingText) by github-slugger, as GitHub makes them: a repeat's with `-1`, `-2`…
 * A heading written in raw HTML gets none (GitHub gives it none), nor counts as a repeat.
 */
export function githubSlugs(names: readonly HeadingName[]): Array<string | undefined> {
  const slugger = new GithubSlugger();
  return names.map((name) => (name.raw ? undefined : slugger.slug(name.text)));
}

/** GitHub slug (and the heading's id, text, Confluence form) → Confluence anchor, for these headings in document order; into `anchors` if given. */
export function anchorsOfTexts(names: HeadingName[], anchors = new Map<string, string>()): Map<string, string> {
  const slugs = githubSlugs(names);
  const seen = new Map<string, number>();
  const bare: Array<[slug: string, anchor: string]> = [];
  // GitHub gives a heading written in raw HTML no slug: its Markdown headings' slugs are as GitHub
  // makes them, and a raw heading's slug (of its text, counted among raw ones) finds it where no
  // Markdown heading has that slug.
  let rawSlugger: GithubSlugger | undefined;
  const rawSlugs: Array<[slug: string, anchor: string]> = [];
  for (const [index, { text: untrimmed, displayed, id, raw }] of names.entries()) {
    const value = untrimmed.trim();
    // Confluence names the heading by the text it shows (the emoji); GitHub slugs the shortcode's name.
    const base = confluenceAnchor((displayed ?? replaceEmojiShortcodes(value)).trim());
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const anchor = count === 0 ? base : `${base}.${count}`;
    // The id the author gave the heading is what their links use.
    if (id !== undefined && !anchors.has(id)) anchors.set(id, anchor);
    // (Each key a heading sets is its own anchor: their order within one heading does not matter.)
    if (raw) rawSlugs.push([(rawSlugger ??= new GithubSlugger()).slug(value), anchor]);
    else {
      const slug = slugs[index]!;
      if (!anchors.has(slug)) anchors.set(slug, anchor);
      const trimmed = slug.replace(/^-+|-+$/g, '');
      if (trimmed && trimmed !== slug) bare.push([trimmed, anchor]);
    }
    // A link may also use Confluence's own form (or the heading text itself).
    if (!anchors.has(anchor)) anchors.set(anchor, anchor);
    if (count === 0 && !anchors.has(value)) anchors.set(value, anchor);
  }
  for (const [slug, anchor] of rawSlugs) if (!anchors.has(slug)) anchors.set(slug, anchor);
  // A heading opening with an emoji slugs to `-快速开始` on GitHub; tables of contents written by
  // hand leave the `-` out. Such a link finds the heading, unless another heading has that slug.
  for (const [slug, anchor] of bare) if (!anchors.has(slug)) anchors.set(slug, anchor);
  return anchors;
}

/** Link targets raw HTML declares: `<a id="x">`, `<a name="x">` (GitLab's docs, READMEs' `<a name="top">`). */
const HTML_ANCHOR = /<a\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The anchors `node` declares: an anchor directive's name, or the `<a id>`/`<a name>` of raw HTML. */
export function declaredAnchors(node: Nodes): string[] {
  if (node.type === 'html') {
    if (!/<a\s/i.test(node.value)) return [];
    return [...node.value.matchAll(HTML_ANCHOR)]
      .map((match) => decodeHTML(match[1] ?? match[2] ?? match[3] ?? ''))
      .filter((name) => name !== '');
  }
  const anchor = declaredAnchor(node);
  return anchor ? [anchor] : [];
}

/** The name an anchor directive declares (`::anchor[name]`, `:anchor{id=name}`), if `node` is one. */
export function declaredAnchor(node: Nodes): string | undefined {
  if ((node.type === 'leafDirective' || node.type === 'textDirective') && node.name === 'anchor')
    return node.attributes?.name ?? node.attributes?.id ?? plainText(node);
  return undefined;
}
