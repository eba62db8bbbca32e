/**
 * markdown-it tokens → mdast: the tree remark-parse (with remark-gfm and remark-directive) gives
 * for the same Markdown, so every handler downstream works on plain mdast.
 *
 * Differences that cannot matter to a conversion: references arrive resolved (a `link`, not a
 * `linkReference` plus its `definition`), footnote definitions come at the end of the root, and
 * inline nodes carry the line they start on and their block's end (markdown-it tracks lines, not
 * columns: the line is the block's first, moved down by each line break before the node, and
 * recounted after a construct that spans lines, spanning-constructs.ts).
 */
import type { Token } from 'markdown-it';
import type {
  AlignType,
  Code,
  Heading,
  Image,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { DirectiveMeta } from './directives.js';
import type { InlineMath, Math } from './math.js';
import { type WikiLinkMeta, wikiLinkNode } from './wikilinks.js';
import { type TemplateCall, type TemplateCallMeta, isHeadingShortcode, templateCallNode } from './template-calls.js';
import { autolinkLiterals, DECODED_ENTITIES, recordDecodedEntity } from './autolinks.js';
import { KNOWN_CELL } from '../cell-memo.js';
import type { SpanningToken } from './spanning-constructs.js';

type Parent = Parents & { children: Nodes[] };

/** Line → character offset of its start, for turning markdown-it's line maps into positions. */
export class Lines {
  private readonly starts: number[] = [0];
  get count(): number {
    return this.starts.length;
  }

  constructor(private readonly source: string) {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  /** Character offset where 0-based `line` starts (the end of the source past the last line). */
  offset(line: number): number {
    return this.starts[line] ?? this.source.length;
  }

  /** The position of 0-based lines [first, last). */
  position(map: [number, number] | null | undefined): Position | undefined {
    if (!map) return undefined;
    const [first, last] = map;
    const endLine = Math.max(first, last - 1);
    const endOffset = (this.starts[endLine + 1] ?? this.source.length + 1) - 1;
    return {
      start: { line: first + 1, column: 1, offset: this.starts[first] ?? this.source.length },
      end: { line: endLine + 1, column: endOffset - (this.starts[endLine] ?? 0) + 1, offset: endOffset },
    };
  }
}

/** The mdast being built from one token list: what each token's handler (TOKEN_HANDLERS) works on. */
class MdastBuilder {
  readonly root: Root;
  readonly stack: Parent[];
  readonly footnotes: RootContent[] = [];
  inFootnotes = false;

  constructor(
    readonly lines: Lines,
    readonly unescape: (text: string) => string,
  ) {
    this.root = { type: 'root', children: [], position: lines.position([0, lines.count]) };
    this.stack = [this.root as Parent];
  }

  top(): Parent {
    return this.stack[this.stack.length - 1]!;
  }

  open(node: Nodes, token: Token): void {
    node.position = this.lines.position(token.map) ?? this.top().position;
    (this.inFootnotes && this.stack.length === 1 ? this.footnotes : this.top().children).push(node as RootContent);
    this.stack.push(node as Parent);
  }

  leaf(node: Nodes, token: Token): void {
    node.position = this.lines.position(token.map) ?? this.top().position;
    this.top().children.push(node as RootContent);
  }
}

type TokenHandler = (builder: MdastBuilder, token: Token) => void;

const openList: TokenHandler = (b, token) => {
  const ordered = token.type === 'ordered_list_open';
  const start = ordered ? Number(token.attrGet('start') ?? 1) : null;
  b.open({ type: 'list', ordered, start, spread: false, children: [] }, token);
};
const openCell: TokenHandler = (b, token) => {
  // The header row's cells give the table's column alignment.
  const table = b.stack[b.stack.length - 2] as Table;
  if (table.children.length === 1) table.align!.push(alignment(token));
  b.open({ type: 'tableCell', children: [] }, token);
};
const openDirective: TokenHandler = (b, token) => {
  const meta = token.meta as DirectiveMeta;
  const type = token.type === 'directive_leaf_open' ? 'leafDirective' : 'containerDirective';
  const node = {
    type,
    name: meta.name,
    attributes: meta.attributes,
    children: [],
    data: { source: meta.source, label: meta.label },
  };
  b.open(node as ContainerDirective | LeafDirective, token);
};
const closeList: TokenHandler = (b) => {
  finishList(b.stack.pop() as List);
};
const codeLeaf: TokenHandler = (b, token) => {
  b.leaf(codeBlock(token, b.unescape), token);
};
const closeNode: TokenHandler = (b) => {
  b.stack.pop();
};

/**
 * What each token type adds to the tree; types not listed (thead/tbody: rows are flattened, the
 * first is the header; footnote back-anchors) add nothing. Why a table and not one switch: V8
 * optimized the switch before it had met every token type and threw the work away at each type
 * met after (bitbucket's pages: 4 compiles of 24 ms); a table's call site does not deopt on a new
 * handler, and each handler is compiled alone, if it is hot (tools/bench/openapi/RESULTS.md).
 */
const TOKEN_HANDLERS = new Map<string, TokenHandler>(
  Object.entries({
    paragraph_open: (b, token) => {
      const paragraph: Paragraph = { type: 'paragraph', children: [] };
      const meta = token.meta as { directiveLabel?: boolean; tabLabel?: boolean } | null;
      if (meta?.directiveLabel) paragraph.data = { directiveLabel: true } as Paragraph['data'];
      if (meta?.tabLabel) paragraph.data = { tabLabel: true } as Paragraph['data'];
      // markdown-it hides the paragraphs of tight lists; a visible one makes its list loose.
      if (b.top().type === 'listItem' && !token.hidden) (b.top() as ListItem & { loose?: boolean }).loose = true;
      b.open(paragraph, token);
    },
    heading_open: (b, token) => {
      b.open({ type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children: [] }, token);
    },
    blockquote_open: (b, token) => {
      b.open({ type: 'blockquote', children: [] }, token);
    },
    bullet_list_open: openList,
    ordered_list_open: openList,
    list_item_open: (b, token) => {
      b.open({ type: 'listItem', spread: false, checked: null, children: [] }, token);
    },
    table_open: (b, token) => {
      b.open({ type: 'table', align: [], children: [] }, token);
    },
    tr_open: (b, token) => {
      const row: TableRow = { type: 'tableRow', children: [] };
      // Cells past the header's count, cut by the parser (table-rows.ts): the handler warns.
      if (token.meta) row.data = token.meta as TableRow['data'];
      b.open(row, token);
    },
    th_open: openCell,
    td_open: openCell,
    directive_container_open: openDirective,
    directive_leaf_open: openDirective,
    footnote_block_open: (b) => {
      b.inFootnotes = true;
    },
    footnote_block_close: (b) => {
      b.inFootnotes = false;
    },
    footnote_open: (b, token) => {
      const label = (token.meta as { label?: string }).label ?? String((token.meta as { id: number }).id);
      b.open({ type: 'footnoteDefinition', identifier: label, label, children: [] }, token);
    },
    footnote_close: (b) => {
      // The plugin gives definitions no lines: they start where their first block does.
      const definition = b.stack.pop()!;
      const first = definition.children[0]?.position;
      if (first)
        definition.position = { start: first.start, end: definition.children.at(-1)!.position?.end ?? first.end };
    },
    heading_close: (b) => {
      const heading = b.stack.pop() as Heading;
      const siblings = b.top().children;
      if (takeHeadingId(heading) === 'tabset' && siblings[siblings.length - 1] === heading) siblings.pop();
    },
    paragraph_close: (b) => {
      const paragraph = b.stack.pop() as Paragraph;
      // A content tab's label (mkdocs-tabs.ts) is a bold line.
      if ((paragraph.data as { tabLabel?: boolean } | undefined)?.tabLabel)
        paragraph.children = [{ type: 'strong', children: paragraph.children, position: paragraph.position }];
      else if (!headingShortcode(paragraph)) takeClassLines(paragraph);
    },
    table_close: closeNode,
    blockquote_close: closeNode,
    tr_close: closeNode,
    th_close: closeNode,
    td_close: closeNode,
    directive_container_close: closeNode,
    directive_leaf_close: closeNode,
    bullet_list_close: closeList,
    ordered_list_close: closeList,
    list_item_close: (b) => {
      finishTaskItem(b.stack.pop() as ListItem);
    },
    fence: codeLeaf,
    code_block: codeLeaf,
    html_block: (b, token) => {
      b.leaf({ type: 'html', value: token.content.replace(/\n$/, '') }, token);
    },
    mdx_esm: (b, token) => {
      b.leaf({ type: 'mdxjsEsm', value: token.content } as unknown as Nodes, token);
    },
    math_block: (b, token) => {
      b.leaf({ type: 'math', value: token.content } as Math as unknown as Nodes, token);
    },
    front_matter: (b, token) => {
      b.leaf({ type: token.info === 'toml' ? 'toml' : 'yaml', value: token.content } as Nodes, token);
    },
    hr: (b, token) => {
      b.leaf({ type: 'thematicBreak' }, token);
    },
    inline: (b, token) => {
      const parent = b.top();
      // A cell's Markdown keys its conversion for reuse (cell-memo.ts).
      if (parent.type === 'tableCell') parent.data = { source: token.content } as TableCell['data'];
      // A loop, not a spread: a paragraph may hold more nodes than a call has room for arguments.
      const nodes = inline(token.children ?? [], token.content, parent.position);
      const children = b.top().children;
      for (let at = 0; at < nodes.length; at += 1) children.push(nodes[at]!);
    },
    [KNOWN_CELL]: (b, token) => {
      b.top().data = { known: token.meta } as TableCell['data'];
    },
  } satisfies Record<string, TokenHandler>),
);

export function tokensToMdast(tokens: Token[], lines: Lines, unescape: (text: string) => string): Root {
  const builder = new MdastBuilder(lines, unescape);
  // Indexed loops here and in the other per-token and per-node walks: in code not yet optimized
  // (a one-shot CLI run is mostly that), `for…of` allocates an iterator result per element.
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    TOKEN_HANDLERS.get(token.type)?.(builder, token);
  }
  builder.root.children.push(...builder.footnotes);
  return builder.root;
}

/**
 * A heading's id written after it, as Docusaurus, VitePress, Hugo, kramdown and pandoc read
 * `## Usage {#usage}` and MkDocs' attr_list `{ #usage }` or `{: #usage .class }`: it is taken off
 * the heading's text into `data.id` (mdast-util-heading-id's field), so the page shows "Usage" and
 * `[…](#usage)` finds the heading. An attribute list of classes only is taken off too; braces
 * holding anything else (`{braces}`) are text.
 *
 * Wiki.js' tab sets: a heading with the class `tabset` (`### Tabs {.tabset}`) is replaced there by
 * a tab bar whose tabs are the headings one level down (requarks/wiki, html-tabset/renderer.js),
 * so its own text is never shown: pages name it "Tabset", and close a set early with an empty one
 * ("End Tabset {.tabset}"). Confluence has no tabs (only marketplace macros), and an expand per
 * tab would hide the first tab, which Wiki.js shows open: each tab stays the heading it is written
 * as, with its content under it, all readable, searchable and in the page's table of contents,
 * and the marker heading is left out (returns 'tabset'). The tabs keep their level: moving them up
 * one would tie a block's output to the headings before it, which block-by-block conversion
 * (parts.ts) does not allow, and a skipped level reads fine.
 */
const ATTRIBUTE_LIST = /[ \t]*\{:?[ \t]*([^{}]*?)[ \t]*\}[ \t]*$/;
const ATTRIBUTE = /^(?:#[^\s{}]+|\.[\w-]+|[\w-]+=(?:"[^"\s]*"|'[^'\s]*'|[^\s"']+))$/;

function takeHeadingId(heading: Heading): 'tabset' | undefined {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return undefined;
  const match = ATTRIBUTE_LIST.exec(last.value);
  const attributes = match?.[1]!.split(/[ \t]+/) ?? [];
  if (!match || !attributes[0] || !attributes.every((attribute) => ATTRIBUTE.test(attribute))) return undefined;
  last.value = last.value.slice(0, match.index);
  if (!last.value) heading.children.pop();
  const id = attributes.find((attribute) => attribute.startsWith('#'))?.slice(1);
  if (id) heading.data = { ...heading.data, id } as Heading['data'];
  return attributes.includes('.tabset') ? 'tabset' : undefined;
}

/**
 * An attribute list right after an inline element (`` `Boolean`{.datatype} ``, `*v5*{.badge}`:
 * Wiki.js' markdown-it-attrs; `[Start](…){ .md-button }`, `![Logo](…){ width="300" }`: MkDocs'
 * attr_list; kramdown's `{: .class}`) styles that element and is not shown: it is taken off the
 * text after it. An image keeps a `width`/`height` given in it (`data.width`, read as pixels
 * by the image handler). Braces holding anything else (`{x: 1}`, `{}`) stay text.
 */
const INLINE_ATTRIBUTE_LIST = /^\{:?[ \t]*([^{}\n]*?)[ \t]*\}/;
const ATTRIBUTED = new Set(['inlineCode', 'emphasis', 'strong', 'delete', 'link', 'image']);

function takeInlineAttributes(siblings: PhrasingContent[], value: string): string {
  const element = siblings[siblings.length - 1];
  if (!element || !ATTRIBUTED.has(element.type)) return value;
  const match = INLINE_ATTRIBUTE_LIST.exec(value);
  const attributes = match?.[1]!.split(/[ \t]+/) ?? [];
  if (!match || !attributes[0] || !attributes.every((attribute) => ATTRIBUTE.test(attribute))) return value;
  if (element.type === 'image') element.data = { ...element.data, ...imageSize(attributes) } as Image['data'];
  return value.slice(match[0].length);
}

function imageSize(attributes: string[]): { width?: string; height?: string } {
  const size: { width?: string; height?: string } = {};
  for (const attribute of attributes) {
    const [, key, quoted] = /^(width|height)=(.*)$/.exec(attribute) ?? [];
    if (key === 'width' || key === 'height') size[key] = quoted!.replace(/^["']|["']$/g, '');
  }
  return size;
}

/**
 * A paragraph that is only Kubernetes' heading shortcode (`{{% prerequisites-heading %}}`): the
 * level-2 heading the site renders it as, so the page's table of contents and `#before-you-begin`
 * links find it. The paragraph node becomes that heading in place.
 */
function headingShortcode(paragraph: Paragraph): boolean {
  const only = paragraph.children[0] as PhrasingContent | TemplateCall | undefined;
  // Cheap test first: this runs on every paragraph.
  if (only?.type !== 'templateCall' || paragraph.children.length !== 1 || !isHeadingShortcode(only.data)) return false;
  const heading = paragraph as unknown as Heading;
  heading.type = 'heading';
  heading.depth = 2;
  return true;
}

/**
 * A line of classes only closing a paragraph (`{.is-warning}`, `{.links-list}`; kramdown's
 * `{: .note}`; one or more): Wiki.js (markdown-it-attrs) styles the block with them, it does not show them. In a
 * blockquote or list it is read lazily into the last paragraph, so it is taken off there; the
 * classes go to `data.classes` (a blockquote's handler reads Wiki.js' callouts from them).
 */
const CLASS_LINES = /(?:\n[ \t]*\{:?[ \t]*(?:\.[\w-]+[ \t]*)+\}[ \t]*)+$/;

function takeClassLines(paragraph: Paragraph): void {
  const last = paragraph.children[paragraph.children.length - 1];
  // Cheap test first: this runs on every paragraph.
  if (last?.type !== 'text' || last.value.charCodeAt(last.value.length - 1) !== 0x7d /* } */) return;
  const match = CLASS_LINES.exec(last.value);
  if (!match) {
    takeTrailingClasses(paragraph, last);
    return;
  }
  last.value = last.value.slice(0, match.index).trimEnd();
  if (!last.value) paragraph.children.pop();
  const classes = [...match[0].matchAll(/\.([\w-]+)/g)].map((found) => found[1]!);
  paragraph.data = { ...paragraph.data, classes } as Paragraph['data'];
}

/**
 * Classes at the end of a paragraph's last line (`Get guides and tips.{.subline}`, VitePress'
 * markdown-it-attrs): they style the paragraph, which shows the text only. Taken off, not kept as
 * `data.classes`: they are the paragraph's, not a callout's (Wiki.js reads a blockquote's from a
 * line of their own). A paragraph of nothing else stays as written.
 */
const TRAILING_CLASSES = /[ \t]*\{:?[ \t]*(?:\.[\w-]+[ \t]*)+\}[ \t]*$/;

function takeTrailingClasses(paragraph: Paragraph, last: Text): void {
  const match = TRAILING_CLASSES.exec(last.value);
  if (!match || (match.index === 0 && paragraph.children.length === 1)) return;
  last.value = last.value.slice(0, match.index);
  if (!last.value) paragraph.children.pop();
}

function alignment(token: Token): AlignType {
  const style = token.attrGet('style') ?? '';
  const align = /text-align:\s*(left|right|center)/.exec(style)?.[1];
  return (align as AlignType | undefined) ?? null;
}

function finishList(list: List): void {
  list.spread = list.children.some((item) => (item as ListItem & { loose?: boolean }).loose);
  for (const item of list.children) delete (item as { loose?: boolean }).loose;
}

const TASK = /^\[([ xX])\][ \t]+/;

/** GFM task items: `[ ]` / `[x]` and a space opening the item's first paragraph, with content after. */
function finishTaskItem(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type !== 'text') return;
  const task = TASK.exec(text.value);
  const rest = task ? text.value.slice(task[0].length) : '';
  if (!task || (!rest.trim() && first.children.length === 1)) return;
  item.checked = task[1] !== ' ';
  if (rest) text.value = rest;
  else first.children.shift();
}

function codeBlock(token: Token, unescape: (text: string) => string): Code {
  const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  if (token.type === 'code_block') return { type: 'code', lang: null, meta: null, value };
  const info = unescape(token.info).trim();
  const space = info.search(/\s/);
  const lang = space === -1 ? info : info.slice(0, space);
  const meta = space === -1 ? '' : info.slice(space).trim();
  return { type: 'code', lang: lang || null, meta: meta || null, value };
}

/**
 * Where the next inline node starts, as a position: the block's first line, moved down by each
 * line break token, and recounted from the inline content after a construct that spans lines
 * (spanning-constructs.ts), so a warning about a link names its own line whatever comes before it.
 */
class InlineLines {
  here: Position | undefined;
  /** The line at `counted` in the content, and where the next line break from there is. */
  private countedLine: number;
  private counted = 0;
  private nextBreak: number | undefined;

  constructor(
    private readonly content: string,
    private readonly block: Position | undefined,
  ) {
    this.here = block;
    this.countedLine = block?.start.line ?? 0;
  }

  nextLine(): void {
    if (this.here && this.block && this.here.start.line < this.block.end.line) this.moveTo(this.here.start.line + 1);
  }

  /** The line where a construct spanning lines ends (`end`, an offset in the content: they only grow). */
  recount(end: number): void {
    if (!this.block || end <= this.counted) return;
    let at = this.nextBreak ?? this.content.indexOf('\n', this.counted);
    for (; at !== -1 && at < end; at = this.content.indexOf('\n', at + 1)) this.countedLine += 1;
    this.nextBreak = at;
    this.counted = end;
    this.moveTo(Math.min(this.countedLine, this.block.end.line));
  }

  private moveTo(line: number): void {
    if (line !== this.here!.start.line) this.here = { start: { line, column: 1 }, end: this.block!.end };
  }
}

/** The named entity references decoded in a text token (see `markDecodedEntities`), at their place in `node`'s value. */
function recordDecodedEntities(node: Text, value: string, token: Token): void {
  const ends = (token.meta as Record<string, unknown> | null)?.[DECODED_ENTITIES] as
    Array<[number, number]> | undefined;
  // Attributes taken off its start (`{.class}`) moved the text: such text is no URL's end anyway.
  if (!ends || value !== token.content) return;
  const start = node.value.length - value.length;
  for (const [end, length] of ends) recordDecodedEntity(node, start + end, length);
}

/** Inline tokens → phrasing nodes (adjacent text and soft breaks merged, as remark does). */
function inline(tokens: Token[], content: string, position: Position | undefined): PhrasingContent[] {
  const root = { children: [] as PhrasingContent[] };
  const stack: { children: PhrasingContent[] }[] = [root];
  const lines = new InlineLines(content, position);
  const push = (node: PhrasingContent): void => {
    node.position = lines.here;
    stack[stack.length - 1]!.children.push(node);
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    push(node);
    stack.push(node);
  };
  /** After an MDX comment over lines, text starts a node of its own: a text node's lines are its value's. */
  let textApart = false;
  const addText = (value: string): Text => {
    const siblings = stack[stack.length - 1]!.children;
    const last = siblings[siblings.length - 1];
    const merged = last?.type === 'text' && !textApart;
    textApart = false;
    if (merged) {
      last.value += value;
      return last;
    }
    const node: Text = { type: 'text', value };
    push(node);
    return node;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'text': {
        // Cheap test first: this runs on every text token.
        const attributed = token.content.charCodeAt(0) === 0x7b; /* { */
        const value = attributed
          ? takeInlineAttributes(stack[stack.length - 1]!.children, token.content)
          : token.content;
        if (value) recordDecodedEntities(addText(value), value, token);
        break;
      }
      case 'text_special':
        addText(token.content);
        break;
      case 'softbreak':
        addText('\n');
        lines.nextLine();
        break;
      case 'hardbreak':
        push({ type: 'break' });
        lines.nextLine();
        break;
      case 'code_inline':
        push({ type: 'inlineCode', value: token.content });
        break;
      case 'math_inline': {
        const math: InlineMath = { type: 'inlineMath', value: token.content, data: { markup: token.markup } };
        push(math as unknown as PhrasingContent);
        break;
      }
      case 'wikilink':
        push(wikiLinkNode(token.meta as WikiLinkMeta) as unknown as PhrasingContent);
        break;
      case 'template_call':
        push(templateCallNode(token.meta as TemplateCallMeta) as unknown as PhrasingContent);
        break;
      case 'html_inline':
        push({ type: 'html', value: token.content });
        break;
      case 'mdx_comment':
        textApart = true;
        break;
      case 'ins_open':
        push({ type: 'html', value: '<u>' });
        break;
      case 'ins_close':
        push({ type: 'html', value: '</u>' });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title') ?? null, children: [] });
        break;
      case 'directive_text_open': {
        const meta = token.meta as DirectiveMeta;
        const directive: TextDirective = {
          type: 'textDirective',
          name: meta.name,
          attributes: meta.attributes,
          children: [],
        };
        directive.data = { source: meta.source, label: meta.label } as TextDirective['data'];
        open(directive);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
      case 'directive_text_close':
        stack.pop();
        break;
      case 'image':
        push({
          type: 'image',
          url: token.attrGet('src') ?? '',
          title: token.attrGet('title') ?? null,
          alt: plainText(token.children ?? []),
        });
        // Alt text is plain, but a footnote referenced in it (`![Diagram[^1]](…)`, a credit) still
        // is referenced: it follows the image, so its note is shown rather than dropped as unused.
        for (const label of footnoteLabels(token.children ?? []))
          push({ type: 'footnoteReference', identifier: label, label });
        break;
      case 'footnote_ref': {
        const label = footnoteLabel(token);
        push({ type: 'footnoteReference', identifier: label, label });
        break;
      }
      default:
        break;
    }
    const end = (token as SpanningToken).end;
    if (end !== undefined) lines.recount(end);
  }
  return autolinkLiterals(root.children);
}

function footnoteLabel(token: Token): string {
  return (token.meta as { label?: string }).label ?? String((token.meta as { id: number }).id);
}

/** Footnotes referenced in an image's alt text (and in nested alts). */
function footnoteLabels(tokens: Token[], labels: string[] = []): string[] {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.type === 'footnote_ref') labels.push(footnoteLabel(token));
    else if (token.type === 'image') footnoteLabels(token.children ?? [], labels);
  }
  return labels;
}

/** The text of inline tokens (an image's alt: text, code and nested alts, without markup). */
function plainText(tokens: Token[]): string {
  let text = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
    else if (token.type === 'image') text += plainText(token.children ?? []);
    else if (token.type === 'wikilink') text += wikiLinkNode(token.meta as WikiLinkMeta).children[0].value;
    else if (token.type === 'template_call') text += templateCallNode(token.meta as TemplateCallMeta).children[0].value;
  }
  return text;
}
