/**
 * Links and images: same-page anchors, links to other pages of the tree (`ac:link` + `ri:page`),
 * files that belong to the page (`ri:attachment`, listed for upload), and external URLs.
 */
import type { Image, ImageReference, Link, LinkReference, Nodes } from 'mdast';
import type { State } from '../state.js';
import { normalizeUri as encodeUri } from 'micromark-util-sanitize-uri';
// The subpath, not `@docgen/core`: a conversion worker loads this one import-free module of core.
import { isUnsafeUrl } from '@docgen/core/url-safety';
import { type XNode, cdata, showsNothing, text, textOf, x } from '../xml.js';
import type { WikiLink } from '../parse/wikilinks.js';
import { confluenceAnchor } from '../anchors.js';
import { includeMacro } from './macros.js';
import { hasLayoutEdge, withEdgeSpaceOutside } from '../phrasing.js';

/** Characters a URL keeps as written (micromark's set): a URL of only these is already normalized. */
const KEPT_AS_WRITTEN = /^[!#$&-;=?-Z_a-z~]*$/;

/** Percent-encode what a URL may not hold as written; most URLs hold none of it, and are returned as they are. */
function normalizeUri(url: string): string {
  return KEPT_AS_WRITTEN.test(url) ? url : encodeUri(url);
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Schemes worth a link when written as an autolink; `<ac:plain-text-body>` and the like stay text. */
const LINK_SCHEMES = new Set([
  'http',
  'https',
  'mailto',
  'ftp',
  'ftps',
  'sftp',
  'tel',
  'irc',
  'ircs',
  'ssh',
  'git',
  'news',
  'xmpp',
  'sip',
  'webcal',
]);

export function isAutolink(node: Link): boolean {
  const [only] = node.children;
  return (
    node.children.length === 1 &&
    only?.type === 'text' &&
    (only.value === node.url || `mailto:${only.value}` === node.url)
  );
}

/** An image GitHub shows in its dark theme only (buildImage). */
const DARK_MODE_ONLY = /#gh-dark-mode-only$/i;

/** Whether buildImage leaves the image at `url` out: GitHub shows it in its dark theme only. */
export function isDarkModeOnly(url: string): boolean {
  return DARK_MODE_ONLY.test(url.trim());
}

/** A link around nothing but dark-theme twins of images (buildImage leaves them out): left out with them. */
function holdsOnlyDarkModeImages(node: Link | LinkReference): boolean {
  let images = 0;
  for (const child of node.children) {
    if (child.type === 'image' && isDarkModeOnly(child.url)) images += 1;
    else if (!(child.type === 'text' && !child.value.trim())) return false;
  }
  return images > 0;
}

export function link(node: Link, state: State): XNode[] {
  if (holdsOnlyDarkModeImages(node)) return [];
  const children = state.all(node);
  const scheme = SCHEME.exec(node.url)?.[1]?.toLowerCase();
  if (isAutolink(node) && scheme !== undefined && !LINK_SCHEMES.has(scheme)) return children;
  const content = node.children.length ? contentOrUrl(children, node.url) : children;
  // Spaces at the text's edges (`[ Docs ](…)`) go outside the link, where Confluence does not underline them.
  if (!hasLayoutEdge(content) || state.inRawCode)
    return buildLink(state, node.url, node.title ?? undefined, content, node);
  return withEdgeSpaceOutside(content, (text) => buildLink(state, node.url, node.title ?? undefined, text, node));
}

export function linkReference(node: LinkReference, state: State): XNode[] {
  const definition = state.definitions.get(node.identifier);
  if (definition && holdsOnlyDarkModeImages(node)) return [];
  const children = state.all(node);
  if (!definition) return children;
  const content = node.children.length ? contentOrUrl(children, definition.url) : children;
  const title = definition.title ?? undefined;
  if (!hasLayoutEdge(content) || state.inRawCode) return buildLink(state, definition.url, title, content, node);
  return withEdgeSpaceOutside(content, (text) => buildLink(state, definition.url, title, text, node));
}

export function image(node: Image, state: State): XNode[] {
  // A size from an attribute list after the image (`![Logo](…){ width="300" }`, parse/to-mdast.ts).
  const size = node.data as { width?: string; height?: string } | undefined;
  const { alt, width, height } = altWithSize(node.alt ?? '');
  return buildImage(state, node.url, alt, node.title ?? undefined, node, {
    width: pixels(size?.width) ?? width,
    height: pixels(size?.height) ?? height,
  });
}

export function imageReference(node: ImageReference, state: State): XNode[] {
  const definition = state.definitions.get(node.identifier);
  if (!definition) return [text(node.alt ?? '')];
  const { alt, width, height } = altWithSize(node.alt ?? '');
  return buildImage(state, definition.url, alt, definition.title ?? undefined, node, { width, height });
}

/**
 * Obsidian sizes an image in its alt text: `![250](…)` (250 pixels wide), `![Logo|250](…)`,
 * `![Logo|250x100](…)`. Only an alt of exactly that shape is a size; the alt shown is what is
 * before the bar. Any other alt (`![2 | 3](…)`, `![v1.2](…)`) is kept as written. A bare number
 * below BARE_WIDTH_MIN (`![1](step1.png)`, `![12](…)`) is a step's number outside Obsidian far more
 * often than a width, and a 1-pixel image would hide it: it stays the alt text.
 */
const ALT_SIZE = /^(?:([\s\S]*)\|\s*)?(\d{1,5})(?:x(\d{1,5}))?\s*$/;
const BARE_WIDTH_MIN = 50;

function altWithSize(written: string): { alt: string; width?: number; height?: number } {
  const match = written.length && written.charCodeAt(written.length - 1) <= 0x39 ? ALT_SIZE.exec(written) : null;
  const width = pixels(match?.[2]);
  if (!match || width === undefined) return { alt: written };
  if (match[1] === undefined && match[3] === undefined && width < BARE_WIDTH_MIN) return { alt: written };
  return { alt: (match[1] ?? '').trim(), width, height: pixels(match[3]) };
}

export function definition(): XNode[] {
  return [];
}

/**
 * What an unresolved relative link is told. A root-relative one (`/docs/connect`) is a path on the
 * site the text was written for (an API's own docs): given that site, docgen can make it absolute.
 */
const UNRESOLVED_RELATIVE =
  'is relative but neither a page of this tree nor an attachment: it will not work in Confluence';
const ROOT_RELATIVE_HINT =
  "; if it is a path on a website, give docgen that site's URL (`linkBase` of the source, or --link-base) to link there";

function isRelative(url: string): boolean {
  return !SCHEME.test(url) && !url.startsWith('//');
}

/**
 * A relative URL's file path and fragment. A query names no other file (GitHub's `?raw=true` on a
 * README's screenshot, `?plain=1` on a page's source view): it is left out of the path.
 */
function splitFragment(url: string): [path: string, fragment: string | undefined] {
  const hash = url.indexOf('#');
  const target = hash === -1 ? url : url.slice(0, hash);
  const query = target.indexOf('?');
  return [query === -1 ? target : target.slice(0, query), hash === -1 ? undefined : url.slice(hash + 1)];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A heading's id written with underscores for its spaces, as MDN and MediaWiki-style wikis write
 * them (`#security_considerations` for "Security considerations"): GitHub's slug with `-` for `_`.
 * Looked up only when no heading has the id as written, so a slug with a real `_` wins.
 */
function underscoredSlugAnchor(state: State, id: string): string | undefined {
  return id.includes('_') ? state.headingAnchors.get(id.toLowerCase().replace(/_/g, '-')) : undefined;
}

/** The anchor Confluence uses for `#fragment` on this page: a heading's anchor, or a declared anchor. */
function localAnchor(state: State, fragment: string, node: Nodes | undefined): string {
  const id = decode(fragment);
  const known = knownLocalAnchor(state, id);
  if (known !== undefined) return known;
  state.warn(`link to #${id}: no heading or anchor with that name on this page`, node);
  return id;
}

/** The anchor of the heading or declared anchor `id` names on this page, if one does. */
function knownLocalAnchor(state: State, id: string): string | undefined {
  const heading =
    state.headingAnchors.get(id) ?? state.headingAnchors.get(id.toLowerCase()) ?? underscoredSlugAnchor(state, id);
  if (heading !== undefined) return heading;
  return state.declaredAnchors.has(id) ? id : undefined;
}

/** Where an `ac:link` goes: an anchor, on this page or on a page of the tree. */
export interface LinkTarget {
  anchor?: string;
  page?: string;
}

/**
 * The target `buildLink` gives a link to a heading or anchor of this page, or to a page of the
 * tree, found without a warning; undefined for any other link (the fast path, fast/index.ts,
 * then leaves the block to the handlers). The page's title is not added to `state.pageLinks`:
 * the caller adds it once the block is written.
 */
export function pageLinkTarget(state: State, rawUrl: string): LinkTarget | undefined {
  const url = rawUrl.trim();
  if (url.startsWith('#') && url.length > 1) {
    const anchor = knownLocalAnchor(state, decode(url.slice(1)));
    return anchor === undefined ? undefined : { anchor };
  }
  if (url === '' || !isRelative(url) || url.startsWith('#') || isUnsafeUrl(url)) return undefined;
  const [path, fragment] = splitFragment(url);
  const page = path ? state.options.resolvePageTitle?.(path) : undefined;
  if (page === undefined) return undefined;
  if (!fragment) return { page };
  const id = decode(fragment);
  const anchor = state.options.resolveAnchor?.(path, id);
  if (anchor !== undefined) return { anchor, page };
  // A heading that page does not have is warned about by buildLink.
  return state.options.resolveMissingAnchor?.(path, id) === undefined ? { anchor: id, page } : undefined;
}

/**
 * The anchor `#id` names on the page at `path` (titled `title`): its heading's, else `id` as
 * written, with a warning when that page is converted in this run and has no such heading.
 */
function otherPageAnchor(state: State, path: string, id: string, title: string, node: Nodes | undefined): string {
  const anchor = state.options.resolveAnchor?.(path, id);
  if (anchor !== undefined) return anchor;
  warnMissingAnchor(state, path, id, title, node);
  return id;
}

/** Warns at a link to `#id` of the page at `path` when that page is converted in this run and has no such heading. */
function warnMissingAnchor(state: State, path: string, id: string, title: string, node: Nodes | undefined): void {
  const closest = state.options.resolveMissingAnchor?.(path, id);
  if (closest === undefined) return;
  const meant = closest ? `; did you mean #${closest}?` : '';
  // The page by its title: a generator may have rewritten the path the author wrote.
  state.warn(`link to #${id} on page "${title}": no heading or anchor with that name there${meant}`, node);
}

function linkBody(children: XNode[]): XNode[] {
  if (children.length === 0) return [];
  // Link text holding `]]>` goes in a rich body: split CDATA is rejected by Data Center 8.0–8.2.
  if (children.every((child) => child.type === 'text') && !textOf(children).includes(']]>')) {
    return [x('ac:plain-text-link-body', {}, [cdata(textOf(children))])];
  }
  return [x('ac:link-body', {}, children)];
}

export function buildLink(
  state: State,
  rawUrl: string,
  title: string | undefined,
  children: XNode[],
  node?: Nodes,
): XNode[] {
  const url = rawUrl.trim();
  if (url.startsWith('#') && url.length > 1) {
    return [x('ac:link', { 'ac:anchor': localAnchor(state, url.slice(1), node) }, linkBody(children))];
  }
  if (isUnsafeUrl(url)) {
    state.warn(`link to an unsafe URL (${url.slice(0, 40)}) written as plain text`, node);
    return children;
  }
  if (url !== '' && isRelative(url) && !url.startsWith('#')) {
    const [path, fragment] = splitFragment(url);
    const pageTitle = path ? state.options.resolvePageTitle?.(path) : undefined;
    if (pageTitle !== undefined) {
      state.pageLinks.add(pageTitle);
      const anchor = fragment ? otherPageAnchor(state, path, decode(fragment), pageTitle, node) : undefined;
      return [
        x('ac:link', { 'ac:anchor': anchor }, [x('ri:page', { 'ri:content-title': pageTitle }), ...linkBody(children)]),
      ];
    }
    const fileName = path ? state.options.resolveAttachment?.(path) : undefined;
    if (fileName !== undefined) {
      state.attachments.add(fileName);
      return [x('ac:link', {}, [x('ri:attachment', { 'ri:filename': fileName }), ...linkBody(children)])];
    }
    const absolute = state.options.resolveLink?.(url);
    if (absolute !== undefined) return [x('a', { href: normalizeUri(absolute), title }, children)];
    const written = fragment === undefined ? url : url.slice(0, url.indexOf('#')); // with its query
    if (written)
      state.warn(`link to ${written} ${UNRESOLVED_RELATIVE}${written.startsWith('/') ? ROOT_RELATIVE_HINT : ''}`, node);
  }
  return [x('a', { href: normalizeUri(url), title }, children)];
}

/**
 * The content of a link whose own content was all left out (`[<i class="fa fa-github"></i>](…)`,
 * an icon with no plain meaning, html.ts): with none, the link could be neither seen nor clicked
 * in Confluence, so it shows where it goes, as an autolink does. A link empty as written
 * (`[](…)`, `<a href="…"></a>`) stays empty, as every renderer shows it.
 */
export function contentOrUrl(children: XNode[], url: string): XNode[] {
  return showsNothing(children) ? [text(url.trim().replace(/^mailto:/i, ''))] : children;
}

export function buildImage(
  state: State,
  rawUrl: string,
  alt: string,
  title: string | undefined,
  node?: Nodes,
  size: { width?: number; height?: number } = {},
): XNode[] {
  const url = rawUrl.trim();
  // GitHub shows an image marked `#gh-dark-mode-only` in its dark theme only, its twin marked
  // `#gh-light-mode-only` in the light one; Confluence shows a page light, so only that twin is shown.
  if (isDarkModeOnly(url)) return [];
  if (isUnsafeUrl(url)) {
    state.warn(`image with an unsafe URL (${url.slice(0, 40)}) dropped`, node);
    return alt ? [text(alt)] : [];
  }
  const attributes = {
    'ac:alt': alt || undefined,
    'ac:title': title,
    'ac:width': size.width?.toString(),
    'ac:height': size.height?.toString(),
  };
  const fileName = url && isRelative(url) ? state.options.resolveAttachment?.(splitFragment(url)[0]) : undefined;
  if (fileName !== undefined) {
    state.attachments.add(fileName);
    return [x('ac:image', attributes, [x('ri:attachment', { 'ri:filename': fileName })])];
  }
  const absolute = url && isRelative(url) ? state.options.resolveLink?.(url) : undefined;
  if (absolute !== undefined) return [x('ac:image', attributes, [x('ri:url', { 'ri:value': normalizeUri(absolute) })])];
  if (isRelative(url))
    state.warn(
      `image ${url || '(empty)'} is relative but not an attachment of this page: it will not display${url.startsWith('/') ? ROOT_RELATIVE_HINT : ''}`,
      node,
    );
  return [x('ac:image', attributes, [x('ri:url', { 'ri:value': normalizeUri(url) })])];
}

/**
 * `width="200"` or `200px` → 200: the size a README gives a logo, which `ac:image` keeps in pixels.
 * A percentage or any other unit has no storage equivalent and is left out (the image shows at its
 * own size).
 */
export function pixels(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d{1,5})(?:px)?$/i);
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined;
}

/** What Obsidian embeds as an image (`![[diagram.png]]`); any other embed is a link. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif|tiff?)$/i;
/** Files a wikilink may name besides notes (Obsidian's attachment types and common documents): a note's name may hold dots. */
const OTHER_FILE =
  /\.(?:pdf|mp3|wav|m4a|ogg|flac|mp4|webm|ogv|mov|mkv|canvas|zip|csv|xlsx?|docx?|pptx?|txt|json|ya?ml)$/i;
/** An embedded image's size after the (last) bar: `300` (width) or `300x200`. */
const SIZE = /^(\d{1,5})(?:x(\d{1,5}))?$/;

/**
 * Obsidian's wikilinks (parse/wikilinks.ts). A note is a page: a note of the converted folder
 * (`[[Page]]` is `Page.md`, as Obsidian adds the extension) links to its page's title through
 * `resolvePageTitle`, any other note to a page titled with its name (the note's name is its title
 * in Obsidian, and the page may be published from elsewhere). `#Heading` is the heading's anchor,
 * `#^block` (a block Confluence cannot address) the page. An embedded image is an image as
 * `![](…)` is (its size after the bar); an embedded note is a link to its page here, and the page
 * itself where it stands on a line of its own (`noteInclude`); another file is an attachment link
 * when it is one, else its name as text, with a warning.
 */
export function wikiLink(node: WikiLink, state: State): XNode[] {
  const { target, heading, alias, embed } = node.data;
  const shown = [text(node.children[0].value)];
  const at = node as unknown as Nodes; // for a warning's line

  if (embed && IMAGE_FILE.test(target)) {
    // The size is the last part after a bar: themes put their layout words before it (`|inL|244`).
    const bar = alias?.lastIndexOf('|') ?? -1;
    const size = alias === undefined ? null : SIZE.exec(alias.slice(bar + 1).trim());
    const alt = alias === undefined ? '' : size ? (bar === -1 ? '' : alias.slice(0, bar).trim()) : alias;
    return buildImage(state, target, alt, undefined, at, {
      width: pixels(size?.[1]),
      height: pixels(size?.[2]),
    });
  }
  if (!target) return buildLink(state, `#${heading}`, undefined, shown, at);
  if (IMAGE_FILE.test(target) || OTHER_FILE.test(target)) {
    const fileName = state.options.resolveAttachment?.(target);
    if (fileName !== undefined) {
      state.attachments.add(fileName);
      return [x('ac:link', {}, [x('ri:attachment', { 'ri:filename': fileName }), ...linkBody(shown)])];
    }
    state.warn(`[[${target}]] is not an attachment of this page: shown as text`, at);
    return shown;
  }
  let path = notePath(target);
  let resolved = state.options.resolvePageTitle?.(path);
  // GitHub and Gollum wikis write it the other way round, `[[Link text|Page]]`: when only the part
  // after the bar names a page of the tree, that part is the page and the other is the text.
  if (resolved === undefined && alias && !embed) {
    const other = state.options.resolvePageTitle?.(notePath(alias));
    if (other !== undefined) {
      [path, resolved] = [notePath(alias), other];
      shown.splice(0, 1, text(target));
    }
  }
  const title = resolved ?? noteName(path);
  state.pageLinks.add(title);
  const resolvedAnchor = heading && resolved !== undefined ? state.options.resolveAnchor?.(path, heading) : undefined;
  // A note of this run without that heading is warned about, as a Markdown link to it is.
  if (heading && resolved !== undefined && resolvedAnchor === undefined)
    warnMissingAnchor(state, path, heading, title, at);
  const anchor = heading ? (resolvedAnchor ?? confluenceAnchor(heading)) : undefined;
  return [x('ac:link', { 'ac:anchor': anchor }, [x('ri:page', { 'ri:content-title': title }), ...linkBody(shown)])];
}

/** `[[Page]]` names `Page.md`, as Obsidian adds the extension. */
function notePath(name: string): string {
  return /\.md$/i.test(name) ? name : `${name}.md`;
}

/** A note's name is its title in Obsidian: `folder/Page.md` → `Page`. */
function noteName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
}

/** `![[Other note]]`: a whole note embedded (not an image or another file, not one of its sections). */
export function isNoteEmbed(node: WikiLink): boolean {
  const { target, heading, block, embed } = node.data;
  return (
    embed &&
    target !== '' &&
    heading === undefined &&
    block === undefined &&
    !IMAGE_FILE.test(target) &&
    !OTHER_FILE.test(target)
  );
}

/**
 * An embedded note on a line of its own is the note's page shown in this one: Confluence's
 * `include` macro, naming the page as a link to it would (the tree's title through
 * `resolvePageTitle`, else the note's name), listed in `pageLinks` as the page's links are.
 */
export function noteInclude(node: WikiLink, state: State): XNode[] {
  const path = notePath(node.data.target);
  const title = state.options.resolvePageTitle?.(path) ?? noteName(path);
  state.pageLinks.add(title);
  return [includeMacro(title)];
}
