/** mdast node type → handler. One module per construct family. */
import type { Handler } from '../state.js';
import { blockquote, heading, paragraph, root, thematicBreak } from './blocks.js';
import { code, inlineCode, inlineMath, math } from './code.js';
import { containerDirective, leafDirective, textDirective } from './directives.js';
import { footnoteDefinition, footnoteReference } from './footnotes.js';
import { emphasis, hardBreak, strikethrough, strong, text } from './inline.js';
import { definition, image, imageReference, link, linkReference, wikiLink } from './links.js';
import { list, listItem } from './lists.js';
import { table } from './tables.js';
import { mdxjsEsm } from './mdx.js';
import { templateCall } from './templates.js';

export const handlers: Record<string, Handler> = {
  root,
  paragraph,
  heading,
  thematicBreak,
  blockquote,
  list,
  listItem,
  code,
  inlineCode,
  math,
  inlineMath,
  text,
  emphasis,
  strong,
  delete: strikethrough,
  break: hardBreak,
  link,
  linkReference,
  image,
  imageReference,
  definition,
  wikiLink,
  templateCall: templateCall as unknown as Handler,
  table,
  footnoteReference,
  footnoteDefinition,
  containerDirective,
  leafDirective,
  textDirective,
  // Front matter (`---` … `---` or `+++` … `+++` opening the page, parse/front-matter.ts) is page metadata, not content.
  yaml: () => [],
  toml: () => [],
  mdxjsEsm,
};
