/**
 * The conversion state handed to every handler: options, what the page references, and `all()`,
 * which converts a parent's children — including balancing raw HTML tags that Markdown splits
 * across sibling nodes (`<b>`, text, `</b>`).
 */
import type { Nodes, Parents, Definition, FootnoteDefinition } from 'mdast';
import type { ToStorageOptions } from './options.js';
import type { XNode } from './xml.js';
import { HtmlBuilder } from './handlers/html.js';
import { wrapPhrasing } from './phrasing.js';

/** Each handler takes its own node type; the registry is keyed by `node.type`, so the parameter is loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (node: any, state: State, parent: Parents | undefined) => XNode[];

/** Parents whose children are blocks (flow content); every other parent holds phrasing. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

export class State {
  readonly attachments = new Set<string>();
  readonly pageLinks = new Set<string>();
  readonly warnings: string[] = [];
  readonly definitions = new Map<string, Definition>();
  readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  /** Footnote identifiers in first-reference order (their number is index + 1). */
  readonly footnoteOrder: string[] = [];
  /** GitHub-style slug of each heading → the anchor Confluence gives it. */
  readonly headingAnchors = new Map<string, string>();
  /** Anchors declared with the anchor directive. */
  readonly declaredAnchors = new Set<string>();

  constructor(
    /** The Markdown being converted (unknown directives are shown as written). */
    readonly source: string,
    readonly options: ToStorageOptions,
    readonly handlers: Record<string, Handler>,
  ) {}

  get dialect(): 'cloud' | 'datacenter' {
    return this.options.dialect ?? 'cloud';
  }

  warn(message: string, node?: Nodes): void {
    const line = node?.position?.start.line;
    this.warnings.push(line ? `line ${line}: ${message}` : message);
  }

  one(node: Nodes, parent: Parents | undefined): XNode[] {
    const handler = this.handlers[node.type];
    if (!handler) {
      this.warn(`unsupported Markdown node "${node.type}" dropped`, node);
      return [];
    }
    return handler(node, this, parent);
  }

  /** Convert the children of `parent`; block parents get stray inline content wrapped in `<p>`. */
  all(parent: Parents): XNode[] {
    const block = BLOCK_PARENTS.has(parent.type);
    const builder = new HtmlBuilder(this, block);
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'html') builder.html(child.value, child);
      else builder.append(this.one(child, parent));
    }
    const nodes = builder.finish();
    return block ? wrapPhrasing(nodes) : nodes;
  }
}
