/**
 * GitHub's emoji shortcodes (`:rocket:`, `:white_check_mark:`, `:+1:`), which GitHub shows as the
 * emoji: the same Unicode character here. Confluence's own emoticon macro only knows a few dozen
 * names, and a Unicode emoji is text both Cloud and Data Center show as written. The table is
 * gemoji's, GitHub's own list; a `:word:` that is not in it (`10:30:00`, `:ROCKET:`) stays text.
 * So do GitHub's image-only emoji (`:octocat:`, `:shipit:`, `:atom:`), on purpose: they have no
 * Unicode character, GitHub shows a picture from its own asset host with the shortcode as its alt
 * text, and a Confluence page fetching pictures from github.com (blocked on many Data Center sites)
 * would be worse than the alt text, which still says what was meant.
 */
import { nameToEmoji } from 'gemoji';

const NAME = /^[a-z0-9_+-]+$/;

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
    const emoji = NAME.test(name) && Object.hasOwn(nameToEmoji, name) ? nameToEmoji[name] : undefined;
    if (emoji === undefined) {
      // The closing colon may open the next shortcode (`10:30:rocket:`).
      start = end;
      continue;
    }
    out += text.slice(copied, start) + emoji;
    copied = end + 1;
    start = text.indexOf(':', copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
