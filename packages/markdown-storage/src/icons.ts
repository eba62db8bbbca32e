/**
 * Icon fonts in raw HTML: `<i class="fa fa-check"></i>`, `<span class="glyphicon glyphicon-ok"></span>`.
 * The element has no content: the glyph comes from the site's stylesheet, which Confluence does not
 * have, so as written it would be an empty `<em>`. READMEs put them in feature tables (✔ / ✘) and
 * before warnings, where the glyph is the cell's whole meaning: those few glyphs with a plain
 * meaning become the emoji GitHub users write for it. Any other icon (`fa-cog`, `fa-github`) is
 * decoration and is left out. The same for Iconify's names, as Nuxt UI's `:icon{name="i-lucide-check"}` writes them.
 */
import { nameToEmoji } from 'gemoji';

/** Icon name (after its font's prefix) → gemoji name. */
const ICON_EMOJI: Record<string, string> = {
  // Font Awesome 4–6 (`-o` is 4's outline variant), Glyphicons' `ok`, Bootstrap Icons' `check-lg`,
  // Material Design Icons' `check-bold`, `close-thick`, `information` (Wiki.js' icon set).
  check: 'heavy_check_mark',
  'check-circle': 'heavy_check_mark',
  'check-circle-o': 'heavy_check_mark',
  'circle-check': 'heavy_check_mark',
  'check-square': 'heavy_check_mark',
  'check-square-o': 'heavy_check_mark',
  'square-check': 'heavy_check_mark',
  'check-lg': 'heavy_check_mark',
  ok: 'heavy_check_mark',
  'check-bold': 'heavy_check_mark',
  'check-circle-outline': 'heavy_check_mark',
  times: 'x',
  'times-circle': 'x',
  'times-circle-o': 'x',
  xmark: 'x',
  'circle-xmark': 'x',
  close: 'x',
  remove: 'x',
  x: 'x',
  'x-lg': 'x',
  'x-circle': 'x',
  'close-thick': 'x',
  'close-circle': 'x',
  'close-circle-outline': 'x',
  'exclamation-triangle': 'warning',
  'triangle-exclamation': 'warning',
  warning: 'warning',
  alert: 'warning',
  'alert-outline': 'warning',
  'alert-circle': 'warning',
  'info-circle': 'information_source',
  'circle-info': 'information_source',
  info: 'information_source',
  information: 'information_source',
  'information-outline': 'information_source',
  'question-circle': 'question',
  'circle-question': 'question',
  'help-circle': 'question',
  'help-circle-outline': 'question',
  ban: 'no_entry_sign',
  cancel: 'no_entry_sign',
  minus: 'heavy_minus_sign',
  // Lucide's and Heroicons' names (Nuxt UI's `i-lucide-…`, `i-heroicons-…` icons).
  'circle-x': 'x',
  'x-mark': 'x',
  'triangle-alert': 'warning',
  'circle-alert': 'warning',
  'information-circle': 'information_source',
  'circle-help': 'question',
  'question-mark-circle': 'question',
};

/** The prefixes of icon classes: Font Awesome, Glyphicons, Bootstrap Icons, Octicons, Material Design Icons. */
const ICON_CLASS = /^(?:fa|glyphicon|bi|octicon|mdi)-(.+)$/;

/** The emoji for an icon element's `class` (`fa fa-check fa-lg` → ✔️), or undefined. */
export function iconEmoji(classes: string | undefined): string | undefined {
  if (!classes) return undefined;
  for (const name of classes.split(/\s+/)) {
    const icon = ICON_CLASS.exec(name)?.[1];
    const emoji = icon !== undefined ? plainIconEmoji(icon) : undefined;
    if (emoji !== undefined) return emoji;
  }
  return undefined;
}

/**
 * Material for MkDocs' icon shortcodes (`:material-check:`, `:fontawesome-solid-xmark:`,
 * `:octicons-alert-16:`, `:simple-github:`): the same icons written as text. One with a plain
 * meaning is its emoji, any other is '' (decoration, left out); undefined when `name` is not one.
 */
const ICON_SHORTCODE =
  /^(?:material|fontawesome-(?:solid|regular|brands)|octicons|simple)-([a-z0-9-]+?)(?:-(?:12|16|24|48))?$/;

export function iconShortcodeEmoji(name: string): string | undefined {
  const icon = ICON_SHORTCODE.exec(name)?.[1];
  if (icon === undefined) return undefined;
  return plainIconEmoji(icon) ?? '';
}

/**
 * An Iconify icon by name, as Nuxt UI and MDC write them (`i-lucide-check`, `i-heroicons-x-mark`,
 * `lucide:check`): one with a plain meaning is its emoji, any other is '' (decoration, left out);
 * undefined when `name` is not an Iconify name. A collection's name may hold a hyphen
 * (`i-simple-icons-github`), so each split after `i-` is tried, shortest collection first.
 */
export function iconifyEmoji(name: string): string | undefined {
  const colon = /^[a-z0-9-]+:([a-z0-9-]+)$/.exec(name);
  if (colon) return plainIconEmoji(colon[1]!) ?? '';
  if (!/^i-[a-z0-9]+-[a-z0-9-]+$/.test(name)) return undefined;
  const parts = name.slice(2).split('-');
  for (let split = 1; split < parts.length; split += 1) {
    const emoji = plainIconEmoji(parts.slice(split).join('-'));
    if (emoji !== undefined) return emoji;
  }
  return '';
}

function plainIconEmoji(icon: string): string | undefined {
  return Object.hasOwn(ICON_EMOJI, icon) ? nameToEmoji[ICON_EMOJI[icon]!] : undefined;
}
