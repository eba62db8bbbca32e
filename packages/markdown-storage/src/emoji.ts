/**
 * GitHub's emoji shortcodes (`:rocket:`, `:white_check_mark:`, `:+1:`), which GitHub shows as the
 * emoji: the same Unicode character here. Confluence's own emoticon macro only knows a few dozen
 * names, and a Unicode emoji is text both Cloud and Data Center show as written. The table is
 * gemoji's, GitHub's own list; a `:word:` that is not in it (`10:30:00`, `:ROCKET:`) stays text.
 * So do GitHub's image-only emoji (`:octocat:`, `:shipit:`, `:atom:`), on purpose: they have no
 * Unicode character, GitHub shows a picture from its own asset host with the shortcode as its alt
 * text, and a Confluence page fetching pictures from github.com (blocked on many Data Center sites)
 * would be worse than the alt text, which still says what was meant.
 * GitHub's older names, JoyPixels' gendered and skin-tone names and flags by country code (the twemoji index of
 * Material for MkDocs reads them) are built from gemoji's table too (`shortcodeEmoji`).
 * Material for MkDocs' icon shortcodes (`:material-check:`, `:octicons-alert-16:`) are icons.ts'.
 */
import { nameToEmoji } from 'gemoji';
import { iconShortcodeEmoji } from './icons.js';

const NAME = /^[a-z0-9_+-]+$/;

/**
 * MkDocs' attr_list after an icon (`:octicons-heart-fill-24:{ .mdx-heart }`,
 * `:material-circle:{ style="color: var(--md-accent-fg-color)" }`, a value quoted with spaces in
 * it, as Material's docs colour their swatches) styles the icon: it goes with it. Its length at
 * `from`, or 0.
 */
const ICON_ATTRIBUTE = `(?:[.#][\\w-]+|[\\w-]+=(?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"'{}]+))`;
const ICON_ATTRIBUTES = new RegExp(`^\\{:?[ \\t]*${ICON_ATTRIBUTE}(?:[ \\t]+${ICON_ATTRIBUTE})*[ \\t]*\\}`);

function attributeListLength(text: string, from: number): number {
  return text.charCodeAt(from) === 0x7b /* { */ ? (ICON_ATTRIBUTES.exec(text.slice(from))?.[0].length ?? 0) : 0;
}

/**
 * Names GitHub gave before gemoji renamed them (in the older GitHub table markdown-it-emoji
 * still carries): READMEs written then still use them, and GitHub still shows the emoji.
 */
const LEGACY_GITHUB_NAMES: Record<string, string> = {
  blonde_man: 'blond_haired_person',
  person_with_blond_hair: 'blond_haired_person',
  person_with_pouting_face: 'pouting_face',
  person_frowning: 'frowning_person',
};

/**
 * JoyPixels' gendered names, the person first (`:man_raising_hand:`, `:woman_bowing:`, as MkDocs
 * Material's code annotation example writes it): gemoji names them the other way round
 * (`raising_hand_man`).
 */
const GENDERED = /^(man|woman)_(.+)$/;
/** JoyPixels' skin-tone names (`:thumbsup_tone3:`), as the twemoji index of MkDocs Material reads them. */
const TONE = /^(.+)_tone([1-5])$/;
/** JoyPixels' flags by ISO code (`:flag_de:`), as the twemoji index reads them. */
const FLAG = /^flag_([a-z]{2})$/;
const MODIFIABLE = /^\p{Emoji_Modifier_Base}/u;
const MODIFIABLE_PERSON = /\p{Emoji_Modifier_Base}\uFE0F?/gu;
/**
 * Unicode's recommended emoji (the `v` flag's property of strings; in a string, as TypeScript
 * targets ES2022). Compiled on the first skin-tone name: it costs ~50 ms, which a run without
 * one should not pay.
 */
let rgiEmoji: RegExp | undefined;
function isRecommendedEmoji(emoji: string): boolean {
  rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
  return rgiEmoji.test(emoji);
}
/** gemoji's flags of two regional indicators; built on the first `:flag_xx:` (~30 ms, most pages have none). */
let flags: Set<string> | undefined;
function isFlag(emoji: string): boolean {
  flags ??= new Set(Object.values(nameToEmoji).filter((value) => /^\p{Regional_Indicator}{2}$/u.test(value)));
  return flags.has(emoji);
}

/**
 * The emoji of a shortcode name: GitHub's (gemoji), GitHub's older names, and the names the twemoji
 * index of MkDocs Material adds to them: JoyPixels' gendered names, a skin tone after a name (`:thumbsup_tone3:` → 👍🏽) and
 * a flag by country code (`:flag_de:` → 🇩🇪). Only what gemoji's own table lets us build: a tone
 * on an emoji that takes one (Unicode's Emoji_Modifier_Base), a flag gemoji has.
 */
function shortcodeEmoji(name: string): string | undefined {
  // Own keys only: `:constructor:` is not an emoji.
  if (Object.hasOwn(nameToEmoji, name)) return nameToEmoji[name];
  if (Object.hasOwn(LEGACY_GITHUB_NAMES, name)) return nameToEmoji[LEGACY_GITHUB_NAMES[name]!];
  const gendered = GENDERED.exec(name);
  const gemojiName = gendered && `${gendered[2]}_${gendered[1]}`;
  if (gemojiName && Object.hasOwn(nameToEmoji, gemojiName)) return nameToEmoji[gemojiName];
  const tone = TONE.exec(name);
  if (tone) return withSkinTone(tone[1]!, Number(tone[2]));
  const flag = FLAG.exec(name)?.[1];
  if (flag) {
    const emoji = String.fromCodePoint(...[...flag.toUpperCase()].map((letter) => 0x1f1a5 + letter.charCodeAt(0)));
    return isFlag(emoji) ? emoji : undefined;
  }
  return undefined;
}

/**
 * The emoji of `base` with skin tone 1–5 (U+1F3FB…U+1F3FF) after each person in it (`👷‍♂️` →
 * `👷🏽‍♂️`, `🧑‍🤝‍🧑` → `🧑🏽‍🤝‍🧑🏽`), where the emoji takes one and the result is an emoji Unicode
 * recommends (RGI): a family does not take tones, and a `…_tone3` name for it stays text.
 */
function withSkinTone(base: string, tone: number): string | undefined {
  const emoji = Object.hasOwn(nameToEmoji, base) ? nameToEmoji[base]! : undefined;
  if (emoji === undefined || !MODIFIABLE.test(emoji)) return undefined;
  const modifier = String.fromCodePoint(0x1f3fa + tone);
  // The modifier replaces an emoji presentation selector after a person (`👷‍♂️`'s U+FE0F).
  const toned = emoji.replace(MODIFIABLE_PERSON, (person) => person.replace(/\uFE0F$/, '') + modifier);
  return isRecommendedEmoji(toned) ? toned : undefined;
}

/** `text` with each known shortcode replaced by its emoji (the same string when there is none). */
export function replaceEmojiShortcodes(text: string): string {
  let start = text.indexOf(':');
  if (start === -1) return text;
  let out = '';
  let copied = 0;
  while (start !== -1) {
    const end = text.indexOf(':', start + 1);
    if (end === -1) break;
    const name = text.slice(start + 1, end);
    const emoji = NAME.test(name) ? (shortcodeEmoji(name) ?? iconShortcodeEmoji(name)) : undefined;
    if (emoji === undefined) {
      // The closing colon may open the next shortcode (`10:30:rocket:`).
      start = end;
      continue;
    }
    out += text.slice(copied, start) + emoji;
    copied = end + 1 + attributeListLength(text, end + 1);
    // An icon left out takes one of the spaces around it along (`:octicons-unlock-24: Feature`).
    if (!emoji && text.charCodeAt(copied) === 0x20 && (start === 0 || text.charCodeAt(start - 1) === 0x20)) copied += 1;
    start = text.indexOf(':', copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
