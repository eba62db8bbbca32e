/**
 * The headings a page's storage will have, in document order: its Markdown headings and the
 * headings written in raw HTML (`<h2 id="install">Install</h2>`, a README's
 * `<h1 align="center">Project</h1>`), which the raw HTML handler (handlers/html.ts) writes as
 * `<h2>` too, so Confluence gives them an anchor and counts them in its `.1`, `.2` repeats.
 *
 * A raw heading is read where the handler makes one: in raw HTML at the level of blocks (the page,
 * a quote, a list item, a container, a table cell) or in a paragraph there (where the handler cuts
 * the paragraph at it); not in a `<summary>` (the expand's title) nor in an `<svg>` (left out), and
 * not in a Markdown heading or emphasis (where its tags are shown as text). Its text runs to its
 * end tag, to the first block in it (a `<ul>`, a Markdown list: the handler ends it there), or to
 * the end of the blocks it was opened among (where the handler closes it); one
 * showing nothing (`<h2></h2>`) is left out by the handler, and here.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { tokenizeHtml } from './html-tokens.js';
import { endsTextBlock } from './handlers/html.js';
import { handlers } from './handlers/index.js';
import { State } from './state.js';
import type { XNode } from './xml.js';
import { anchorsOfTexts, headingName, plainText, type HeadingName } from './anchors.js';

/** A heading written in raw HTML: its name is complete once its end tag (or its parent's end) is met. */
interface RawHeading extends HeadingName {
  raw: true;
  tag: string;
  shown: boolean;
}

/** One run of siblings the raw HTML handler balances together (one HtmlBuilder). */
interface Run {
  /** Whether raw HTML here is read as blocks (else its heading tags are shown as text). */
  readsHtml: boolean;
  open?: RawHeading;
  summaries: number;
  svgs: number;
}

const HEADING_TAG = /^h[1-6]$/;
/** Elements that show something in a heading, though they hold no text (the handler keeps such a heading). */
const SHOWN_EMPTY = new Set(['img', 'br', 'hr', 'iframe', 'embed', 'object', 'video', 'audio', 'input']);
/** Parents whose children the handler converts as blocks, each with a builder of its own. */
const BLOCK_PARENTS = new Set(['blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'tableCell']);

/** Markdown blocks that end a raw heading they are written in: what converts to a block, not a paragraph. */
const ENDS_RAW_HEADING = new Set(['list', 'code', 'heading', 'blockquote', 'table', 'thematicBreak', 'math']);

/** Raw HTML that may hold a heading tag: only then does a block need reading for one. */
export const RAW_HEADING_TAG = /<h[1-6][\s/>]/i;

export class PageHeadings {
  readonly names: HeadingName[] = [];
  private readonly page: Run = { readsHtml: true, summaries: 0, svgs: 0 };

  /** The page's top-level blocks, in order: all at once, or block by block (parts.ts). */
  addTopLevel(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.node(node, this.page);
  }

  /** Whether a raw heading opened at the top level is still open (what follows goes into it). */
  get openAtTopLevel(): boolean {
    return this.page.open !== undefined;
  }

  /** The page's headings, in order; those showing nothing are left out. */
  finish(): HeadingName[] {
    this.end(this.page);
    return this.names.filter((name) => !isRaw(name) || name.shown);
  }

  private node(node: Nodes, run: Run): void {
    if (node.type === 'html') {
      if (run.readsHtml) this.html(node.value, run);
      return;
    }
    // A paragraph's raw HTML is balanced with its parent's blocks: the same run.
    if (node.type === 'paragraph' && run.readsHtml) {
      for (const child of node.children) this.node(child, run);
      return;
    }
    // A Markdown block other than a paragraph ends a raw heading it is written in (as the handler cuts it).
    if (run.open && ENDS_RAW_HEADING.has(node.type)) this.end(run);
    if (run.open) {
      const text = plainText(node);
      run.open.text += text;
      run.open.shown ||= node.type === 'image' || /\S/.test(text);
    }
    if (node.type === 'heading') {
      this.names.push(markdownHeadingName(node));
      return;
    }
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    const inner: Run = { readsHtml: BLOCK_PARENTS.has(node.type), summaries: 0, svgs: 0 };
    for (const child of children) this.node(child, inner);
    this.end(inner);
  }

  private html(value: string, run: Run): void {
    for (const token of tokenizeHtml(value)) {
      if (token.kind === 'hidden') continue;
      if ((token.kind === 'open' || token.kind === 'close') && token.name === 'svg') {
        if (token.kind === 'close') run.svgs = Math.max(0, run.svgs - 1);
        else if (!token.selfClosing) run.svgs += 1;
        continue;
      }
      if (run.svgs) continue;
      if (token.kind === 'text') {
        if (run.open) {
          run.open.text += token.value;
          run.open.shown ||= /\S/.test(token.value);
        }
      } else if (token.kind === 'open') this.openTag(token.name, token.attributes, token.selfClosing, run);
      else if (token.name === 'summary') run.summaries = Math.max(0, run.summaries - 1);
      else if (token.name === run.open?.tag) this.end(run);
    }
  }

  private openTag(name: string, attributes: Record<string, string>, selfClosing: boolean, run: Run): void {
    // A block tag ends the heading (`<h2>Intro<ul>…`): the handler ends it there.
    if (run.open && endsTextBlock(name)) this.end(run);
    if (name === 'summary' && !selfClosing) run.summaries += 1;
    else if (run.open)
      run.open.shown ||= SHOWN_EMPTY.has(name) || (name === 'a' && !!(attributes.id || attributes.name));
    else if (HEADING_TAG.test(name) && !selfClosing && !run.summaries) {
      const id = attributes.id?.trim();
      run.open = { text: '', raw: true, tag: name, shown: false, ...(id ? { id } : {}) };
      this.names.push(run.open);
    }
  }

  /** A raw heading ends with its end tag, or where its run of siblings does. */
  private end(run: Run): void {
    if (run.open) run.open.text = run.open.text.replace(/\s+/g, ' ');
    run.open = undefined;
  }
}

/**
 * A Markdown heading's name. Raw HTML in it may show as text (`Array<string>`: a tag the converter
 * does not know, or a component left open), which Confluence names the heading by, though GitHub
 * hides it from its slug: such a heading is converted by the handlers, on a state of its own, for
 * the text it shows.
 */
function markdownHeadingName(heading: Heading): HeadingName {
  const name = headingName(heading);
  if (!holdsHtml(heading)) return name;
  return { ...name, displayed: shownText(new State('', {}, handlers).all(heading)) };
}

function holdsHtml(node: Nodes): boolean {
  return node.type === 'html' || ('children' in node && (node.children as Nodes[]).some(holdsHtml));
}

/** The text a reader sees in converted content: macro parameters are settings, not text. */
function shownText(nodes: XNode[]): string {
  return nodes
    .map((node) =>
      node.type !== 'element' ? node.value : node.name === 'ac:parameter' ? '' : shownText(node.children),
    )
    .join('');
}

function isRaw(name: HeadingName): name is RawHeading {
  return (name as Partial<RawHeading>).raw === true;
}

/** GitHub slug → Confluence anchor, for every heading of the page (Markdown and raw HTML); into `anchors` if given. */
export function headingAnchors(tree: { children: RootContent[] }, anchors?: Map<string, string>): Map<string, string> {
  const headings = new PageHeadings();
  headings.addTopLevel(tree.children);
  return anchorsOfTexts(headings.finish(), anchors);
}
