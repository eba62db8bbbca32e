/**
 * Confluence-only elements from Markdown directives (remark-directive), so templates can use them:
 *
 *   :::info[Title] … :::      info / note / warning / tip panels (also :::panel, :::expand, :::excerpt)
 *   :::tip Title, ::: tip     the same, as Docusaurus and VitePress write them (`::: details` → expand)
 *   :::spoiler Title          HackMD's spoiler → expand; Zenn's :::message (alert) → note (warning) panel
 *   ::toc{maxLevel=3}         table of contents         ::children{depth=2 sort=title}
 *   :status[Done]{colour=Green subtle}                  ::anchor{name=setup}  or  :anchor[setup]
 *
 * Only the macros in this file can be produced, with names fixed here; attribute values become
 * escaped parameter text. An unknown leaf or text directive is kept as the text it was written as;
 * an unknown container as a plain panel (`unknownContainer`).
 */
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { State } from '../state.js';
import { type XNode, text, textOf, x } from '../xml.js';
import { macro, panelMacro, statusBadge, type MacroParameters } from './macros.js';
import { buildLink } from './links.js';
import { iconifyEmoji } from '../icons.js';
import { keyLabel } from '../parse/keys.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

const PANEL_ALIASES: Record<string, string> = {
  info: 'info',
  note: 'note',
  warning: 'warning',
  tip: 'tip',
  caution: 'warning',
  danger: 'warning',
  important: 'note',
  success: 'tip',
  hint: 'tip',
};
const STATUS_COLOURS = ['Grey', 'Red', 'Yellow', 'Green', 'Blue', 'Purple'];
const TOC_PARAMETERS = [
  'maxLevel',
  'minLevel',
  'type',
  'outline',
  'style',
  'indent',
  'separator',
  'include',
  'exclude',
  'printable',
  'class',
  'absoluteUrl',
];
const CHILDREN_PARAMETERS = ['all', 'depth', 'sort', 'reverse', 'style', 'excerptType', 'first', 'page'];
const PANEL_PARAMETERS = [
  'title',
  'borderStyle',
  'borderColor',
  'borderWidth',
  'bgColor',
  'titleBGColor',
  'titleColor',
];

function attributesOf(node: Directive): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value !== null && value !== undefined) values[key] = value;
  }
  return values;
}

const CSS_COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|hsl)a?\(\s*[\d.]+%?(?:\s*[,/ ]\s*[\d.]+%?){2,3}\s*\))$/i;

/**
 * Parameters Confluence writes into a style or class attribute of the macro's HTML (a panel's
 * colours and border, a toc's list style and class, children's heading style): a value there is
 * one CSS colour, length or keyword, else `red;background-image:url(https://…)` would make every
 * view of the page fetch from anywhere. What each must look like, and what to call it in a warning.
 */
const STYLE_PARAMETERS: Record<string, { shape: RegExp; what: string; example: string }> = {
  bgColor: { shape: CSS_COLOUR, what: 'CSS colour', example: '#fffae6' },
  borderColor: { shape: CSS_COLOUR, what: 'CSS colour', example: '#cccccc' },
  titleBGColor: { shape: CSS_COLOUR, what: 'CSS colour', example: '#f4f5f7' },
  titleColor: { shape: CSS_COLOUR, what: 'CSS colour', example: 'navy' },
  borderWidth: { shape: /^\d{1,3}(?:px)?$/i, what: 'width in pixels', example: '1' },
  borderStyle: {
    shape: /^(?:none|solid|dashed|dotted|double|groove|ridge|inset|outset)$/i,
    what: 'border style',
    example: 'dashed',
  },
  style: { shape: /^[a-z][a-z0-9-]{0,30}$/i, what: 'style keyword', example: 'none' },
  class: { shape: /^-?[a-z_][\w-]{0,40}(?: -?[a-z_][\w-]{0,40}){0,5}$/i, what: 'class name', example: 'toc-box' },
};

/**
 * The attributes a macro takes, under its own spelling of their names. `{all}` is a flag:
 * remark-directive gives it an empty value, Confluence wants `true`. A style parameter whose value
 * is not one plain CSS value is left out, with a warning at the directive's line.
 */
function pick(
  attributes: Record<string, string>,
  names: string[],
  macroName: string,
  state: State,
  node: Nodes,
): MacroParameters {
  const picked: MacroParameters = {};
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  for (const [key, value] of Object.entries(attributes)) {
    const name = byLowerCase.get(key.toLowerCase());
    if (!name) continue;
    const style = Object.hasOwn(STYLE_PARAMETERS, name) ? STYLE_PARAMETERS[name] : undefined;
    if (style && value !== '' && !style.shape.test(value.trim())) {
      state.warn(
        `${macroName} parameter ${name}="${value.slice(0, 60)}" left out: not one ${style.what}, and Confluence writes it into the page's style → write a single value, such as ${name}="${style.example}"`,
        node,
      );
      continue;
    }
    picked[name] = value === '' ? 'true' : value;
  }
  return picked;
}

/** The container's `[label]` (a first paragraph marked directiveLabel) and the rest. */
function splitLabel(node: ContainerDirective): [label: PhrasingContent[] | undefined, body: RootContent[]] {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return [first.children, rest];
  }
  return [undefined, node.children];
}

function labelText(state: State, node: Parents, children: PhrasingContent[] | undefined): string | undefined {
  if (!children || children.length === 0) return undefined;
  const value = textOf(state.all({ ...node, type: 'paragraph', children } as Parents)).trim();
  return value || undefined;
}

function body(state: State, node: ContainerDirective, children: RootContent[]): XNode[] {
  return state.all({ ...node, children } as ContainerDirective);
}

type ContainerHandler = (
  node: ContainerDirective,
  state: State,
  title: string | undefined,
  attributes: Record<string, string>,
  convertBody: () => XNode[],
) => XNode[];

function panelAlias(panel: string): ContainerHandler {
  return (_node, _state, title, attributes, convertBody) => {
    const icon = attributes.icon === undefined ? undefined : String(attributes.icon !== 'false');
    return [panelMacro(panel, { title, icon }, convertBody())];
  };
}

/** Nuxt UI's colours that name no panel type: its neutral and brand colours are asides of no type. */
const COLOUR_PANELS: Record<string, string> = { error: 'warning', neutral: 'info', primary: 'info', secondary: 'info' };

/**
 * MDC's typed asides: Docus' `::alert{type="warning"}` and `::callout{type="success"}`, Nuxt UI's
 * `color="error"` (also from a YAML props block): the panel the type names, as `::warning` is; no
 * type, or one naming no panel: info, the neutral aside.
 */
const typedPanel: ContainerHandler = (node, state, title, attributes, convertBody) => {
  const type = (attributes.type ?? attributes.color ?? '').toLowerCase();
  const panel = Object.hasOwn(PANEL_ALIASES, type)
    ? PANEL_ALIASES[type]!
    : Object.hasOwn(COLOUR_PANELS, type)
      ? COLOUR_PANELS[type]!
      : 'info';
  return panelAlias(panel)(node, state, title, attributes, convertBody);
};

const expandContainer: ContainerHandler = (_node, _state, title, _attributes, convertBody) => [
  panelMacro('expand', { title }, convertBody()),
];

/**
 * Every container name we make a macro of, and how: the one table both the handler and the
 * "unknown directive" warning read, so the warning's list of known names cannot drift from it.
 */
const CONTAINERS: ReadonlyMap<string, ContainerHandler> = new Map<string, ContainerHandler>([
  ...Object.entries(PANEL_ALIASES).map(([name, panel]): [string, ContainerHandler] => [name, panelAlias(panel)]),
  [
    'panel',
    (node, state, title, attributes, convertBody) => [
      panelMacro('panel', { ...pick(attributes, PANEL_PARAMETERS, 'panel', state, node), title }, convertBody()),
    ],
  ],
  ['expand', expandContainer],
  // MDC's (Nuxt's docs) `::callout`, a neutral aside unless typed; Docus' `::alert`.
  ['callout', typedPanel],
  ['alert', typedPanel],
  // Nuxt UI's `::card{title icon to}`: a plain panel titled as the card, its link read on after the text.
  [
    'card',
    (node, state, title, attributes, convertBody) => {
      const link = attributes.to ? [x('p', {}, readMore(node, { to: attributes.to }, state))] : [];
      return [panelMacro('panel', { title }, [...convertBody(), ...link])];
    },
  ],
  // Nuxt UI's `::card-group`: its cards one after another.
  ['card-group', (_node, _state, _title, _attributes, convertBody) => convertBody()],
  // A code group is its blocks one after another, each titled by its fence (`ts [nuxt.config.ts]`).
  ['code-group', (_node, _state, _title, _attributes, convertBody) => convertBody()],
  // Nuxt UI's `::field-group` of `::field{name="url" type="string" required}` (an API's parameters).
  ['field-group', (_node, _state, _title, _attributes, convertBody) => convertBody()],
  ['field', (_node, _state, _title, attributes, convertBody) => [fieldLine(attributes), ...convertBody()]],
  [
    'read-more',
    (node, state, _title, attributes, convertBody) => [x('p', {}, readMore(node, attributes, state)), ...convertBody()],
  ],
  // `details`: VitePress's and Zenn's collapsible container (`::: details Title`); `spoiler`: HackMD's.
  ['details', expandContainer],
  ['spoiler', expandContainer],
  // Zenn's message box: yellow, as the note panel is; `:::message alert` red, as the warning panel.
  [
    'message',
    (_node, _state, title, _attributes, convertBody) => {
      const alert = title?.toLowerCase() === 'alert';
      return [panelMacro(alert ? 'warning' : 'note', { title: alert ? undefined : title }, convertBody())];
    },
  ],
  [
    'excerpt',
    (_node, _state, _title, attributes, convertBody) => {
      const hidden = attributes.hidden === undefined ? undefined : String(attributes.hidden !== 'false');
      const inline = attributes.inline === undefined ? undefined : attributes.inline !== 'false' ? 'INLINE' : 'BLOCK';
      return [
        panelMacro('excerpt', { name: attributes.name, hidden, 'atlassian-macro-output-type': inline }, convertBody()),
      ];
    },
  ],
]);

/** A field's name in bold, its type as code, and whether it is required or has a default. */
function fieldLine(attributes: Record<string, string>): XNode {
  const parts: XNode[] = [];
  if (attributes.name) parts.push(x('strong', {}, [text(attributes.name)]));
  if (attributes.type) parts.push(text(parts.length ? ' ' : ''), x('code', {}, [text(attributes.type)]));
  if (attributes.required !== undefined && attributes.required !== 'false') parts.push(text(' (required)'));
  if (attributes.default !== undefined) parts.push(text(' default: '), x('code', {}, [text(attributes.default)]));
  return x(
    'p',
    {},
    parts.filter((part) => part.type !== 'text' || part.value !== ''),
  );
}

type LeafHandler = (node: LeafDirective | TextDirective, attributes: Record<string, string>, state: State) => XNode[];

/**
 * MDC's (Nuxt's docs) `:read-more{to="/docs/api" title="…"}`: a link to read on, which the site
 * shows as "Read more in <title>"; checked as any link is. Without `to` it says nothing.
 */
function readMore(node: Directive, attributes: Record<string, string>, state: State): XNode[] {
  if (!attributes.to) return [];
  const shown = [text(attributes.title ? `Read more in ${attributes.title}` : 'Read more')];
  return buildLink(state, attributes.to, undefined, shown, node);
}

/** Text directives (`:status[Done]`, `:anchor[setup]`, MDC's inline components): a macro or text in a line. */
const TEXT_DIRECTIVES: ReadonlyMap<string, LeafHandler> = new Map<string, LeafHandler>([
  ['anchor', (node, attributes, state) => anchorMacro(node, attributes, state)],
  ['status', (node, attributes, state) => statusMacro(node, attributes, state)],
  ['read-more', (node, attributes, state) => readMore(node, attributes, state)],
  // Nuxt UI's `:icon{name="i-lucide-check"}`: the emoji of an icon with a plain meaning, else left out (decoration).
  ['icon', (_node, attributes) => mdcIcon(attributes)],
  // `:badge[New]{color="success"}`, `:badge{label="v3"}`: the status lozenge, as a `<Badge>` component is.
  ['badge', (node, attributes, state) => mdcBadge(node, attributes, state)],
  // `:kbd{value="meta"}`: the key in code, as pymdownx's `++ctrl++` keys are.
  ['kbd', (node, attributes, state) => mdcKey(node, attributes, state)],
]);

function mdcIcon(attributes: Record<string, string>): XNode[] {
  const emoji = iconifyEmoji(attributes.name ?? '');
  return emoji ? [text(emoji)] : [];
}

function mdcBadge(node: LeafDirective | TextDirective, attributes: Record<string, string>, state: State): XNode[] {
  const title = labelText(state, node, node.children) ?? attributes.label ?? '';
  return title ? [statusBadge(title, attributes.type ?? attributes.color)] : [];
}

function mdcKey(node: LeafDirective | TextDirective, attributes: Record<string, string>, state: State): XNode[] {
  const key = attributes.value ?? labelText(state, node, node.children) ?? '';
  return key ? [x('code', {}, [text(keyLabel(key))])] : [];
}

/** Leaf directives (`::toc{maxLevel=3}`): the text ones, and the macros that stand on a line of their own. */
const LEAF_DIRECTIVES: ReadonlyMap<string, LeafHandler> = new Map<string, LeafHandler>([
  ['toc', (node, attributes, state) => [macro('toc', pick(attributes, TOC_PARAMETERS, 'toc', state, node))]],
  [
    'children',
    (node, attributes, state) => [macro('children', pick(attributes, CHILDREN_PARAMETERS, 'children', state, node))],
  ],
  ...TEXT_DIRECTIVES,
]);

/** The names a warning lists as known for a directive of this kind: the keys of its table. */
function knownNames(kind: Directive['type']): string {
  const table =
    kind === 'containerDirective' ? CONTAINERS : kind === 'leafDirective' ? LEAF_DIRECTIVES : TEXT_DIRECTIVES;
  return [...table.keys()].join(', ');
}

export function containerDirective(node: ContainerDirective, state: State): XNode[] {
  const attributes = attributesOf(node);
  const [label, children] = splitLabel(node);
  const title = labelText(state, node, label) ?? attributes.title;
  const convertBody = () => body(state, node, children);
  const handler = CONTAINERS.get(node.name.toLowerCase());
  if (handler) return handler(node, state, title, attributes, convertBody);
  return unknownContainer(node, state, title, convertBody);
}

/**
 * A closed container we have no macro for (`:::sidebar[Hidden]`, a docs site's own admonition type)
 * is a plain panel, titled by its label (or `title` attribute): its content stays visible and
 * framed as the author grouped it, and no fence shows. Not an expand: a name we do not know may
 * hold something the reader must see. Warned once per name on the page. A container never closed
 * may be prose that starts with colons, so it stays as written.
 */
function unknownContainer(
  node: ContainerDirective,
  state: State,
  title: string | undefined,
  convertBody: () => XNode[],
): XNode[] {
  if (!isClosed(node)) return unknown(node, state, convertBody);
  state.warnOncePerKind(
    `container-directive:${node.name.toLowerCase()}`,
    `unknown directive ":::${node.name}" shown as a plain panel (known: ${knownNames(node.type)})`,
    node,
  );
  return [panelMacro('panel', { title }, convertBody())];
}

/** Whether the container's source ends with a fence of at least as many colons as it opened with. */
function isClosed(node: ContainerDirective): boolean {
  const source = sourceOf(node);
  if (!source) return false;
  const opening = /^:+/.exec(source)?.[0].length ?? 0;
  const closing = /\n[ \t]*(:{2,})[ \t]*$/.exec(source)?.[1]?.length ?? 0;
  // Two colons only as MDC's block components open and close (`::callout` … `::`).
  return opening >= 2 && closing >= opening;
}

export function leafDirective(node: LeafDirective, state: State): XNode[] {
  const handler = LEAF_DIRECTIVES.get(node.name.toLowerCase());
  return handler ? handler(node, attributesOf(node), state) : unknown(node, state);
}

export function textDirective(node: TextDirective, state: State): XNode[] {
  const handler = TEXT_DIRECTIVES.get(node.name.toLowerCase());
  const attributes = attributesOf(node);
  if (handler) return handler(node, attributes, state);
  return Object.keys(attributes).length ? unknownInlineComponent(node, state) : unknown(node, state);
}

/**
 * An inline component we do not know, written with props (MDC's `:my-chip[Label]{color="x"}`,
 * remark-directive's `:abbr[HTML]{title="…"}`): its label, the text the page shows, and never its
 * props, which are the component's settings; without a label it shows nothing of the page's.
 * Warned once per name.
 */
function unknownInlineComponent(node: TextDirective, state: State): XNode[] {
  const label = node.children.length > 0;
  state.warnOncePerKind(
    `text-directive:${node.name.toLowerCase()}`,
    `inline component ":${node.name}" ${label ? 'shown as its label' : 'left out'}: its props are not shown (known: ${knownNames(node.type)})`,
    node,
  );
  return label ? state.all(node) : [];
}

function anchorMacro(node: LeafDirective | TextDirective, attributes: Record<string, string>, state: State): XNode[] {
  const label = labelText(state, node, node.children);
  const anchor = attributes.name ?? attributes.id ?? label;
  if (!anchor) {
    state.warn('anchor directive without a name: write ::anchor{name=…}', node);
    return [];
  }
  return [macro('anchor', { '': anchor })];
}

function statusMacro(node: LeafDirective | TextDirective, attributes: Record<string, string>, state: State): XNode[] {
  const label = labelText(state, node, node.children);
  const requested = attributes.colour ?? attributes.color ?? 'Grey';
  const colour = STATUS_COLOURS.find(
    (known) => known.toLowerCase() === requested.toLowerCase().replace('gray', 'grey'),
  );
  if (!colour) state.warn(`status colour "${requested}" is not one of ${STATUS_COLOURS.join(', ')}: using Grey`, node);
  const subtle = attributes.subtle === undefined ? undefined : String(attributes.subtle !== 'false');
  return [macro('status', { colour: colour ?? 'Grey', title: label ?? attributes.title ?? '', subtle })];
}

/** Not a directive we know: show what the author wrote (its label still converted), so no text is lost. */
function unknown(node: Directive, state: State, convertBody?: () => XNode[]): XNode[] {
  if (node.type !== 'textDirective') {
    state.warn(`unknown directive "${node.name}" kept as text (known: ${knownNames(node.type)})`, node);
  }
  if (node.type === 'containerDirective') {
    const lines = (sourceOf(node) ?? `:::${node.name}`).split(/\r?\n/);
    const last = lines[lines.length - 1]!;
    const closing = lines.length > 1 && /^\s*:{3,}\s*$/.test(last) ? [x('p', {}, [text(last.trim())])] : [];
    return [x('p', {}, [text(lines[0]!)]), ...(convertBody?.() ?? []), ...closing];
  }
  const inline = [...withLabel(node, state)];
  return node.type === 'leafDirective' ? [x('p', {}, inline)] : inline;
}

/** What the parser recorded of a directive: its source and where its label sits in it. */
function written(node: Directive): { source?: string; label?: [number, number] } {
  return (node.data ?? {}) as { source?: string; label?: [number, number] };
}

function withLabel(node: LeafDirective | TextDirective, state: State): XNode[] {
  const { source = `:${node.name}`, label } = written(node);
  if (!label) return [text(source)];
  return [text(source.slice(0, label[0])), ...state.all(node), text(source.slice(label[1]))];
}

function sourceOf(node: Directive): string | undefined {
  return written(node).source;
}
