/**
 * GitHub's emoji shortcodes (`:rocket:`, `:white_check_mark:`, `:+1:`), which GitHub shows as the
 * emoji: the same Unicode character here. Confluence's own emoticon macro only knows a few dozen
 * names, and a Unicode emoji is text both Cloud and Data Center show as written. The table is
 * gemoji's, GitHub's own list; a `:word:` that is not in it (`10:30:00`, `:ROCKET:`) stays text.
 * So do GitHub's image-only emoji (`:octocat:`, `:shipit:`, `:atom:`), on purpose: they have no
 * Unicode character, GitHub shows a picture from its own asset host with the shortcode as its alt
 * text, and a Confluence page fetching pictures from github.com (blocked on many Data Center sites)
 * would be worse than the alt text, which still says what was meant.
 * Material for MkDocs' icon shortcodes (`:material-check:`, `:octicons-alert-16:`) are icons.ts'.
 */
import { nameToEmoji } from 'gemoji';
import { iconShortcodeEmoji } from './icons.js';

const NAME = /^[a-z0-9_+-]+$/;

/**
 * MkDocs' attr_list after an icon (`:octicons-heart-fill-24:{ .mdx-heart }`) styles the icon: it
 * goes with it. Its length at `from`, or 0.
 */
const ICON_ATTRIBUTES = /^\{:?[ \t]*(?:[.#][\w-]+|[\w-]+=\S+?)(?:[ \t]+(?:[.#][\w-]+|[\w-]+=\S+?))*[ \t]*\}/;

function attributeListLength(text: string, from: number): number {
  return text.charCodeAt(from) === 0x7b /* { */ ? (ICON_ATTRIBUTES.exec(text.slice(from))?.[0].length ?? 0) : 0;
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
    // Own keys only: `:constructor:` is not an emoji.
    const emoji = NAME.test(name)
      ? Object.hasOwn(nameToEmoji, name)
        ? nameToEmoji[name]
        : iconShortcodeEmoji(name)
      : undefined;
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
