/**
 * The slugs the converter gives a Markdown text's headings, for code that writes links to them
 * before converting (ReDoc's `#section/…` links in an OpenAPI description): the same parse, the
 * same heading text and the same slugger as the converter's own anchors (anchors.ts), so a link
 * made from them is one the converter finds.
 */
import type { Heading } from 'mdast';
import { githubSlugs, headingName } from './anchors.js';
import { limitDepth } from './depth.js';
import { parseMarkdown } from './parse/index.js';
import { eachNode } from './walk.js';

/** A Markdown heading: its text as the converter reads it, its level, and its GitHub slug. */
export interface HeadingSlug {
  text: string;
  level: number;
  slug: string;
}

/**
 * The Markdown headings of `markdown` in document order, each with the GitHub slug that links to
 * it (`#limits-1` for a second Limits), which the converter maps to Confluence's anchor: slugged
 * as if `markdown` opened its page (a repeat counts the headings before it). Headings written in
 * raw HTML are left out: GitHub gives them no slug.
 */
export function headingSlugs(markdown: string): HeadingSlug[] {
  const tree = parseMarkdown(markdown);
  limitDepth(tree); // as converting does: headings nested past the bound are flattened to text
  const headings: Heading[] = [];
  eachNode(tree, (node) => {
    if (node.type === 'heading') headings.push(node);
  });
  const names = headings.map(headingName);
  const slugs = githubSlugs(names);
  return headings.map((heading, index) => ({
    text: names[index]!.text.trim(),
    level: heading.depth,
    slug: slugs[index]!,
  }));
}
