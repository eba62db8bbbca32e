/**
 * Emoji shortcodes inside raw HTML code (`<pre>`, `<code>`) stay as written, as GitHub shows them.
 * Not a golden fixture: storage → Markdown turns `<pre>` into a code block, so it cannot round-trip.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '@docgen/markdown-storage';
import { nameToEmoji } from 'gemoji';
import { replaceEmojiShortcodes } from '../src/emoji.js';

describe('emoji shortcodes in raw HTML code', () => {
  it('stay as written in <pre> and in <code>, also under Markdown emphasis there', () => {
    const { storage } = convertMarkdown('<pre>:tada: in pre</pre>\n\n<code>**:tada:** bold</code> and :tada: after\n');
    expect(storage).toBe('<pre>:tada: in pre</pre>\n<p><code><strong>:tada:</strong> bold</code> and 🎉 after</p>');
  });
});

/**
 * GitHub's own image-only emoji (`:octocat:`, `:shipit:`, `:atom:`: pictures on its asset host,
 * with no Unicode character, so not in gemoji) stay as written: that is the alt text GitHub gives
 * their images, and Confluence would have to fetch a picture from GitHub to show more.
 */
describe("GitHub's image-only emoji", () => {
  const custom = ['octocat', 'shipit', 'atom', 'basecamp', 'bowtie', 'electron', 'trollface', 'rage1'];

  it('stay as their shortcode, in text, headings and raw HTML, beside emoji that do convert', () => {
    for (const name of custom) {
      const { storage, warnings } = convertMarkdown(`# Ship :${name}:\n\n:${name}::+1: and <sub>:${name}:</sub>\n`);
      expect(storage).toBe(`<h1>Ship :${name}:</h1>\n<p>:${name}:👍 and <sub>:${name}:</sub></p>`);
      expect(warnings).toEqual([]);
    }
  });
});

/**
 * Names beyond gemoji's current table, built only from it: GitHub's older names, and the gendered,
 * skin-tone and flag names of the twemoji index MkDocs Material reads (`:man_raising_hand:`,
 * `:thumbsup_tone3:`, `:flag_de:`).
 */
describe('older GitHub names, skin tones and flags by country code', () => {
  it('convert in text, headings (their anchors too) and raw HTML; unknown ones stay as written', () => {
    const { storage, warnings } = convertMarkdown(
      '## :thumbsup_tone3: Approved\n\n:+1_tone1: :flag_de: :person_frowning: <b>:wave_tone5:</b> ' +
        ':rocket_tone2: :flag_zz: :x_tone9: `:flag_de:` :man_raising_hand: :woman_bowing: :man_rocket:' +
        '\n\n[up](#thumbsup_tone3-approved)\n',
    );
    expect(storage).toBe(
      '<h2>👍🏽 Approved</h2>\n<p>👍🏻 🇩🇪 🙍 <strong>👋🏿</strong> :rocket_tone2: :flag_zz: :x_tone9: <code>:flag_de:</code> 🙋&#8205;♂️ 🙇&#8205;♀️ :man_rocket:</p>\n' +
        '<p><ac:link ac:anchor="👍🏽Approved"><ac:plain-text-link-body><![CDATA[up]]></ac:plain-text-link-body></ac:link></p>',
    );
    expect(warnings).toEqual([]);
  });

  it('give a valid Unicode emoji or stay as written, for every gemoji name with a tone, and every flag', () => {
    const rgi = /^\p{RGI_Emoji}$/v;
    const toned = Object.keys(nameToEmoji).flatMap((name) => [1, 2, 3, 4, 5].map((tone) => `:${name}_tone${tone}:`));
    const converted = toned.map((shortcode) => [shortcode, replaceEmojiShortcodes(shortcode)] as const);
    expect(converted.filter(([shortcode, out]) => out !== shortcode && !rgi.test(out))).toEqual([]);
    // Every emoji a tone can follow (people, hands; not 🚀, not a family), five tones each.
    expect(converted.filter(([shortcode, out]) => out !== shortcode).length).toBeGreaterThan(1500);
    expect(replaceEmojiShortcodes(':family_man_woman_boy_tone2:')).toBe(':family_man_woman_boy_tone2:');
    const flags = Object.values(nameToEmoji).filter((emoji) => /^\p{Regional_Indicator}{2}$/u.test(emoji));
    expect(flags.length).toBeGreaterThan(200);
    for (const flag of flags) {
      const code = [...flag].map((char) => String.fromCharCode(char.codePointAt(0)! - 0x1f1a5)).join('');
      expect(replaceEmojiShortcodes(`:flag_${code.toLowerCase()}:`)).toBe(flag);
    }
  });
});
