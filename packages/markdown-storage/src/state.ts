/**
 * The conversion state handed to every handler: options, what the page references, and `all()`,
 * which converts a parent's children — including balancing raw HTML tags that Markdown splits
 * across sibling nodes (`<b>`, text, `</b>`).
 */
import type { Nodes, Parents, Definition, FootnoteDefinition } from 'mdast';
import type { ToStorageOptions } from './options.js';
import type { XNode } from './xml.js';
import { HtmlBuilder, paragraphPieces } from './handlers/html.js';
import { wrapPhrasing } from './phrasing.js';
import type { CellMemo } from './cell-memo.js';

/** Each handler takes its own node type; the registry is keyed by `node.type`, so the parameter is loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (node: any, state: State, parent: Parents | undefined) => XNode[];

/** Parents whose children are blocks (flow content); every other parent holds phrasing. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

/** A resolver call and its answer: output that depended on it holds wherever the answer is the same. */
export interface Resolution {
  resolver: string;
  args: unknown[];
  answer: unknown;
}

/** Whether the resolver still gives the recorded answer. */
export function holds({ resolver, args, answer }: Resolution, options: ToStorageOptions): boolean {
  const resolve = options[resolver as keyof ToStorageOptions];
  return typeof resolve === 'function' && (resolve as (...values: unknown[]) => unknown)(...args) === answer;
}

/** What converting one part of a page asked of the caller and added to the page's lists. */
export interface Recording {
  resolutions: Resolution[];
  pageLinks: string[];
  attachments: string[];
}

export class State {
  readonly attachments = new RecordedSet((value) => this.recording?.attachments.push(value));
  readonly pageLinks = new RecordedSet((value) => this.recording?.pageLinks.push(value));
  readonly warnings: string[] = [];
  /**
   * Set when a handler reads page-wide state (the tables below) or warns (a warning carries a line
   * number). Output made without either depends on the Markdown and the resolvers' answers alone
   * (see `recording`), so it can be reused wherever both recur.
   */
  usedContext = false;
  /** Converting what raw HTML's `<code>`, `<pre>`… hold: emoji shortcodes stay as written there. */
  inRawCode = false;
  /** When set, resolver calls and additions to the page's lists are logged here. */
  recording: Recording | undefined;
  /** Table cells converted before (set when the page is converted block by block). */
  cellMemo: CellMemo | undefined;
  readonly options: ToStorageOptions;
  readonly #definitions = new Map<string, Definition>();
  readonly #footnoteDefinitions = new Map<string, FootnoteDefinition>();
  readonly #footnoteOrder: string[] = [];
  readonly #headingAnchors = new Map<string, string>();
  readonly #declaredAnchors = new Set<string>();
  readonly #tabLabels = new Map<string, string>();
  readonly #warned = new Set<string>();
  readonly #warnedKinds = new Set<string>();

  constructor(
    /** The Markdown being converted (unknown directives are shown as written). */
    readonly source: string,
    options: ToStorageOptions,
    readonly handlers: Record<string, Handler>,
  ) {
    this.options = withRecordedResolvers(options, (resolution) => this.recording?.resolutions.push(resolution));
  }

  get definitions(): Map<string, Definition> {
    this.usedContext = true;
    return this.#definitions;
  }
  get footnoteDefinitions(): Map<string, FootnoteDefinition> {
    this.usedContext = true;
    return this.#footnoteDefinitions;
  }
  /** Footnote identifiers in first-reference order (their number is index + 1). */
  get footnoteOrder(): string[] {
    this.usedContext = true;
    return this.#footnoteOrder;
  }
  /** GitHub-style slug of each heading → the anchor Confluence gives it. */
  get headingAnchors(): Map<string, string> {
    this.usedContext = true;
    return this.#headingAnchors;
  }
  /** Anchors declared with the anchor directive. */
  get declaredAnchors(): Set<string> {
    this.usedContext = true;
    return this.#declaredAnchors;
  }

  /** The labels of the page's tabs written apart from their panels (Astro's `<Fragment slot="tab.1">`), by number. */
  get tabLabels(): Map<string, string> {
    this.usedContext = true;
    return this.#tabLabels;
  }

  get dialect(): 'cloud' | 'datacenter' {
    return this.options.dialect ?? 'cloud';
  }

  /** Each warning once: two links to the same missing page on one line are one thing to fix. */
  warn(message: string, node?: Nodes): void {
    this.usedContext = true;
    const line = node?.position?.start.line;
    const warning = line ? `line ${line}: ${message}` : message;
    if (this.#warned.has(warning)) return;
    this.#warned.add(warning);
    this.warnings.push(warning);
  }

  /**
   * One warning per kind of thing on the page (`{{< param >}}` met twenty times is one thing to
   * know), at its first line. Reading the page's record of kinds makes the output depend on it.
   */
  warnOncePerKind(kind: string, message: string, node?: Nodes): void {
    this.usedContext = true;
    if (this.#warnedKinds.has(kind)) return;
    this.#warnedKinds.add(kind);
    this.warn(message, node);
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
    const children = parent.children as Nodes[];
    const outerCode = this.inRawCode;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      const pieces = block && child.type === 'paragraph' ? paragraphPieces(child) : undefined;
      if (block && child.type !== 'html') builder.endCarriedFormatting();
      if (child.type === 'html') builder.html(child.value, child);
      else if (pieces) builder.appendPieces(pieces);
      else {
        this.inRawCode = outerCode || builder.inCode();
        builder.appendBlock(this.one(child, parent));
      }
    }
    this.inRawCode = outerCode;
    const nodes = builder.finish();
    return block ? wrapPhrasing(nodes) : nodes;
  }
}

/** The options, with each resolver's calls reported to `record`. */
function withRecordedResolvers(options: ToStorageOptions, record: (resolution: Resolution) => void): ToStorageOptions {
  const recorded: Record<string, unknown> = { ...options };
  for (const [resolver, value] of Object.entries(options)) {
    if (typeof value === 'function')
      recorded[resolver] = (...args: unknown[]) => {
        const answer: unknown = (value as (...values: unknown[]) => unknown)(...args);
        record({ resolver, args, answer });
        return answer;
      };
  }
  return recorded as ToStorageOptions;
}

/** A Set that reports each `add` (first use order matters to the page's lists, so repeats too). */
class RecordedSet extends Set<string> {
  constructor(private readonly onAdd: (value: string) => void) {
    super();
  }

  override add(value: string): this {
    this.onAdd(value);
    return super.add(value);
  }
}
