/**
 * Template calls written in a line of text, which the site generator fills in before the page is
 * shown: Hugo's shortcodes (`{{< glossary_tooltip text="Pods" term_id="pod" >}}`, `{{% param x %}}`,
 * also over several lines) and MDN's KumaScript macros (`{{Glossary("HTTP")}}`,
 * `{{jsxref("Array.prototype.map()", "map()")}}`, `{{optional_inline}}`, `{{Compat}}`). Each is
 * one `template_call` token (parse/to-mdast.ts makes it a `templateCall` node, handlers/templates.ts
 * what it stands for). Read here, in the parser, so Markdown never reads their arguments
 * (`"Object/__proto__"` is no emphasis). Paired shortcodes on lines of their own are callouts
 * (shortcode-panels.ts); Liquid's `{% … %}` stays text (handlers/inline.ts).
 */
import type { MarkdownIt, StateInline } from 'markdown-it';

export interface TemplateCallMeta {
  syntax: 'hugo' | 'kumascript' | 'liquid';
  /** The shortcode's or macro's name as written (`glossary_tooltip`, `jsxref`). */
  name: string;
  /** A Hugo end tag (`{{< /note >}}`). */
  closing: boolean;
  /** A shortcode escaped with Go's comment markers (`{{</*` x, then the end marker): the shortcode it shows. */
  escaped?: string;
  /** Named arguments (`text="Pods"`). */
  attributes: Record<string, string>;
  /** Arguments without a name, in order (`{{< youtube id >}}`, KumaScript's `("Array", "arrays")`). */
  positional: string[];
  /** The call as written. */
  source: string;
}

/** The mdast node of a template call; its text child is what it shows (a heading's anchor reads it). */
export interface TemplateCall {
  type: 'templateCall';
  data: TemplateCallMeta;
  children: [{ type: 'text'; value: string }];
}

/** `{{<` or `{{%`, the inside (no `}}`), the matching `>}}` or `%}}`; `-` trims whitespace in Go templates. */
const HUGO = /\{\{([<%])(\/\*)?\s*(\/?)\s*([A-Za-z_][\w./-]*)((?:[^}]|\}(?!\}))*?)\s*(\*\/)?([>%])\}\}/y;
/**
 * KumaScript's syntax, which Jinja's and Vue's calls in prose share (`{{ _("Hello") }}`,
 * `{{ $t('key') }}`): a name, arguments (strings, numbers, booleans) in parentheses or none.
 */
const KUMASCRIPT =
  /\{\{\s*([A-Za-z_$][\w$-]*)\s*(?:\(((?:\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)\s*,?)*)\))?\s*\}\}/y;
const ARGUMENT =
  /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`|([^\s"'`=,]+)/g;

/**
 * A macro without arguments that is KumaScript's rather than a template variable (`{{ message }}`
 * in Vue's or Handlebars' prose): MDN's macro names start with a capital (`{{Compat}}`,
 * `{{JSRef}}`) or name a badge or a sidebar (`{{optional_inline}}`, `{{jsSidebar}}`).
 */
function isBareMacro(name: string): boolean {
  return /^[A-Z]/.test(name) || BADGE.test(name) || SIDEBAR.test(name);
}

/**
 * Whether a call in KumaScript's syntax is surely one of MDN's macros rather than a Jinja, gettext
 * or vue-i18n call in prose (`_`, `gettext`, `url_for`, `t`, `$t`): a name of one of MDN's families
 * (references, `Glossary`, badges, sidebars), or a capitalised one (`Compat`, `EmbedLiveSample`)
 * as MDN names its macros and those engines do not name their functions.
 */
export function isMdnMacro(name: string): boolean {
  return (
    /^[A-Z]/.test(name) || REFERENCE.test(name) || /^glossary$/i.test(name) || BADGE.test(name) || SIDEBAR.test(name)
  );
}

function unquote(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

function argumentsOf(inside: string): Pick<TemplateCallMeta, 'attributes' | 'positional'> {
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  for (const match of inside.matchAll(ARGUMENT)) {
    if (match[1] !== undefined) attributes[match[1]] = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    else positional.push(unquote(match[6] ?? match[7] ?? match[8] ?? match[9] ?? ''));
  }
  return { attributes, positional };
}

function hugoCall(src: string, pos: number, max: number): [TemplateCallMeta, number] | undefined {
  HUGO.lastIndex = pos;
  const match = HUGO.exec(src);
  if (!match || HUGO.lastIndex > max) return undefined;
  const [source, open, commentOpen, closing, name, inside, commentClose, close] = match as unknown as string[];
  if ((open === '<') !== (close === '>') || Boolean(commentOpen) !== Boolean(commentClose)) return undefined;
  const meta: TemplateCallMeta = {
    syntax: 'hugo',
    name: name!,
    closing: closing === '/',
    source: source!,
    ...argumentsOf(inside!),
  };
  // Hugo's own docs write `{{</* note */>}}` to show a shortcode rather than run it.
  if (commentOpen) meta.escaped = source!.replace(/^\{\{([<%])\/\*/, '{{$1').replace(/\*\/([>%])\}\}$/, '$1}}');
  return [meta, HUGO.lastIndex];
}

function kumascriptCall(src: string, pos: number, max: number): [TemplateCallMeta, number] | undefined {
  KUMASCRIPT.lastIndex = pos;
  const match = KUMASCRIPT.exec(src);
  if (!match || KUMASCRIPT.lastIndex > max) return undefined;
  const [source, name, inside] = match as unknown as [string, string, string | undefined];
  if (inside === undefined && !isBareMacro(name)) return undefined;
  return [{ syntax: 'kumascript', name, closing: false, source, ...argumentsOf(inside ?? '') }, KUMASCRIPT.lastIndex];
}

/** GitBook's `{% embed url="…" %}` (other Liquid tags in a line stay text, as Jekyll would render them). */
const LIQUID_EMBED = /\{%-?\s*embed\s+((?:[^%\n]|%(?!\}))*?)\s*-?%\}/y;

function liquidEmbed(src: string, pos: number, max: number): [TemplateCallMeta, number] | undefined {
  LIQUID_EMBED.lastIndex = pos;
  const match = LIQUID_EMBED.exec(src);
  if (!match || LIQUID_EMBED.lastIndex > max) return undefined;
  const meta: TemplateCallMeta = {
    syntax: 'liquid',
    name: 'embed',
    closing: false,
    source: match[0],
    ...argumentsOf(match[1]!),
  };
  return meta.attributes.url ? [meta, LIQUID_EMBED.lastIndex] : undefined;
}

function tokenize(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  // Cheap tests first: this runs at every `{`.
  const second = src.charCodeAt(pos + 1);
  if ((second !== 0x7b /* { */ && second !== 0x25) /* % */ || src.charCodeAt(pos) !== 0x7b) return false;
  const next = src.charCodeAt(pos + 2);
  const call =
    second === 0x25
      ? liquidEmbed(src, pos, state.posMax)
      : next === 0x3c /* < */ || next === 0x25 /* % */
        ? hugoCall(src, pos, state.posMax)
        : kumascriptCall(src, pos, state.posMax);
  if (!call) return false;
  if (!silent) state.push('template_call', '', 0).meta = call[0];
  state.pos = call[1];
  return true;
}

export function templateCalls(md: MarkdownIt): void {
  md.inline.ruler.after('text', 'template_call', tokenize);
}

/**
 * What a template call stands for, by its syntax and the family its name belongs to (not by a list
 * of every shortcode or macro):
 * - a Hugo shortcode with a `text` (a glossary tooltip, a link shortcode with a `url`): that text,
 *   linked when it has a URL; a tooltip without one (`{{< glossary_tooltip term_id="pod" >}}`) its
 *   term; Hugo's built-in video shortcodes (`{{< youtube id >}}`, `{{< vimeo id >}}`) the video;
 *   a `heading` shortcode with one word (Kubernetes' `{{% heading "whatsnext" %}}`, a heading the
 *   site translates from its own data), or one named for its key (`{{% whatsnext-heading %}}`, a
 *   level-2 heading of its own when it is a paragraph's only content): Kubernetes' English words for
 *   it (`What's next`), else the word title-cased, warned;
 * - KumaScript's references (`jsxref`, `domxref`, `cssxref`… any `*xref`, and `HTMLElement`,
 *   `SVGElement`, `SVGAttr`, `HTTPHeader`, `HTTPMethod`, `HTTPStatus`, `WebExtAPIRef`): the name
 *   they link, as code, or their own text (the second argument); `Glossary`: the term, as text;
 *   badges (`{{optional_inline}}`, `{{ReadOnlyInline}}`): a status lozenge with their words;
 *   sidebars (`{{jsSidebar("Objects")}}`, `{{JSRef}}`): the site's navigation, left out,
   and the previous/next links of a guide (`{{PreviousMenuNext(…)}}`) with them;
 *   macros that build content from MDN's own data (`{{Compat}}`, `{{Specifications}}`,
 *   `{{EmbedLiveSample("id")}}`): `generated`, what MDN would show there — a placeholder panel when
 *   the macro is a paragraph of its own (handlers/blocks.ts), as written in a line of text;
 * - GitBook's `{% embed url="…" %}`: what an `<iframe>` of it converts to (a video, else a link);
 * - an end tag, or a shortcode escaped to be shown (Go's comment markers inside the braces): text;
 * - anything else: the site generator's to fill in, shown as written (and warned about).
 */
export type TemplateMeaning =
  | { kind: 'text' | 'code' | 'status'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'video'; url: string }
  | { kind: 'embed'; url: string }
  | { kind: 'navigation' }
  | { kind: 'generated'; text: string; title: string; shows: string }
  | { kind: 'written'; text: string; warn: boolean };

const REFERENCE =
  /^(?:\w*xref|htmlelement|svgelement|mathmlelement|svgattr|httpheader|httpmethod|httpstatus|webextapiref)$/i;
const ELEMENT = /element$/i;
/** A badge in a line (`{{optional_inline}}`) or its banner form at a page's top (`{{deprecated_header}}`). */
const BADGE = /^(.+?)[_-]?(?:inline|header)$/i;
const SIDEBAR = /^(?:\w*sidebar|(?:js|css|html|svg|api|http|mathml)ref)$/i;
/** A guide's links to its previous and next pages (`{{PreviousMenuNext("a", "b", "c")}}`, `{{NextMenu}}`). */
const PAGER = /^(?:previous|next|previousnext|previousmenu|nextmenu|previousmenunext)$/i;

export function templateMeaning(meta: TemplateCallMeta): TemplateMeaning {
  if (meta.escaped !== undefined) return { kind: 'written', text: meta.escaped, warn: false };
  if (meta.closing) return { kind: 'written', text: meta.source, warn: false };
  if (meta.syntax === 'liquid') return { kind: 'embed', url: meta.attributes.url! };
  return (meta.syntax === 'hugo' ? hugoMeaning(meta) : kumascriptMeaning(meta)) ?? written(meta);
}

function written(meta: TemplateCallMeta): TemplateMeaning {
  return { kind: 'written', text: meta.source, warn: true };
}

function hugoMeaning({ name, attributes, positional }: TemplateCallMeta): TemplateMeaning | undefined {
  const shown = attributes.text ?? (/tooltip$/i.test(name) ? (attributes.term_id ?? attributes.term) : undefined);
  if (shown !== undefined) {
    const url = attributes.url ?? attributes.href ?? attributes.link;
    return url ? { kind: 'link', text: shown, url } : { kind: 'text', text: shown };
  }
  if (name === 'heading' && positional.length === 1 && !Object.keys(attributes).length && /^\w+$/.test(positional[0]!))
    return { kind: 'heading', text: headingWords(positional[0]!) };
  const headingKey = HEADING_SHORTCODE.exec(name)?.[1];
  if (headingKey && !positional.length && !Object.keys(attributes).length)
    return { kind: 'heading', text: headingWords(headingKey) };
  const id = attributes.id ?? positional[0];
  if (name === 'youtube' && id && /^[\w-]+$/.test(id))
    return { kind: 'video', url: `https://www.youtube.com/watch?v=${id}` };
  if (name === 'vimeo' && id && /^\d+$/.test(id)) return { kind: 'video', url: `https://vimeo.com/${id}` };
  return undefined;
}

function kumascriptMeaning({ name, positional, source }: TemplateCallMeta): TemplateMeaning | undefined {
  const [target, own] = positional;
  if (REFERENCE.test(name) && target) {
    if (own) return { kind: 'code', text: own };
    if (ELEMENT.test(name)) return { kind: 'code', text: `<${target}>` };
    return { kind: 'code', text: target.slice(target.lastIndexOf('/') + 1) };
  }
  if (/^glossary$/i.test(name) && target) return { kind: 'text', text: own || target };
  if (SIDEBAR.test(name) || PAGER.test(name)) return { kind: 'navigation' };
  const generated = GENERATED[name.toLowerCase()]?.(positional.map(withoutBackticks));
  if (generated) return { kind: 'generated', text: source, ...generated };
  const badge = BADGE.exec(name)?.[1];
  if (badge && !positional.length) return { kind: 'status', text: badgeWords(badge) };
  return undefined;
}

/**
 * What MDN's macros that build content from its own data do there: a title and what the macro does
 * (a sentence's predicate, in which backticks mark code; the handler makes it `<code>`). Their
 * arguments name the data (a browser-compat key, a section's id, a sample's path); a section id
 * writes spaces as underscores.
 */
type Generated = { title: string; shows: string };
const forKey = (key: string | undefined) => (key ? ` for \`${key}\`` : '');
const GENERATED: Record<string, (args: string[]) => Generated> = {
  compat: ([key]) => ({
    title: 'Browser compatibility table',
    shows: `builds the browser compatibility table here from MDN's browser-compat-data${forKey(key)}`,
  }),
  specifications: ([key]) => ({
    title: 'Specifications table',
    shows: `lists the specifications defining this feature here, from MDN's browser-compat-data${forKey(key)}`,
  }),
  embedlivesample: ([id]) => ({
    title: 'Live sample',
    shows: `runs the code blocks of ${id ? `the section "${id.replace(/_/g, ' ')}"` : 'this section'} here as a live example`,
  }),
  embedghlivesample: ([path]) => ({
    title: 'Live sample',
    shows: `shows the live sample ${path ? `\`${path}\` ` : ''}from MDN's GitHub samples here`,
  }),
  embedinteractiveexample: ([path]) => ({
    title: 'Interactive example',
    shows: `shows the interactive example ${path ? `\`${path}\` ` : ''}here`,
  }),
  cssinfo: () => ({
    title: 'Formal definition',
    shows:
      "shows the formal definition here (initial value, what it applies to, inheritance, computed value), from MDN's CSS data",
  }),
  csssyntax: () => ({ title: 'Formal syntax', shows: "shows the formal syntax here, from MDN's CSS data" }),
};

function withoutBackticks(argument: string): string {
  return argument.replace(/`/g, '');
}

/**
 * The words of the heading keys of Kubernetes' site data (`data/i18n/en/en.toml`, `…_heading`),
 * which Docsy sites derived from it share, where the key title-cased would not read as the site
 * shows it; any other key is title-cased.
 */
const HEADING_WORDS: Record<string, string> = {
  whatsnext: "What's next",
  prerequisites: 'Before you begin',
  cleanup: 'Cleaning up',
  seealso: 'See Also',
  envvars: 'Environment variables',
};

/** Kubernetes' older heading shortcodes, one per key: `{{% prerequisites-heading %}}`, `whatsnext_heading`. */
const HEADING_SHORTCODE = /^(\w+?)[-_]heading$/;

/**
 * A paragraph that is only a heading shortcode of its own name (`{{% whatsnext-heading %}}`), which
 * the site renders as a level-2 heading: parse/to-mdast.ts makes the paragraph that heading.
 */
export function isHeadingShortcode(meta: TemplateCallMeta): boolean {
  return (
    meta.syntax === 'hugo' &&
    !meta.closing &&
    HEADING_SHORTCODE.test(meta.name) &&
    templateMeaning(meta).kind === 'heading'
  );
}

/** A paragraph's text that may be one heading shortcode: parts.ts must read its block's headings. */
export function mayBeHeadingShortcode(content: string): boolean {
  return /^\{\{[<%]\s*\w+?[-_]heading\s*[>%]\}\}$/.test(content.trim());
}

function headingWords(key: string): string {
  return HEADING_WORDS[key.toLowerCase()] ?? titleCase(key);
}

/** `objectives` → "Objectives", `see_also` → "See Also": the site's words for it are its own data. */
function titleCase(word: string): string {
  return word
    .split('_')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** `ReadOnly` → "Read only", `Non-standard` → "Non-standard", `secureContext` → "Secure context". */
function badgeWords(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The mdast node of a template call: its text child is what it shows, which a heading's anchor reads. */
export function templateCallNode(meta: TemplateCallMeta): TemplateCall {
  const meaning = templateMeaning(meta);
  const shown = 'text' in meaning ? meaning.text : '';
  return { type: 'templateCall', data: meta, children: [{ type: 'text', value: shown }] };
}
