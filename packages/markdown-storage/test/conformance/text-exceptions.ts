/**
 * Spec examples whose visible text legitimately differs from the reference HTML, each with why.
 * The conformance test fails if an example differs and is not listed here, and also if a listed
 * example stops differing (so this list cannot silently grow stale).
 */
export interface TextException {
  reason: string;
  ids: string[];
}

export const TEXT_EXCEPTIONS: TextException[] = [
  {
    reason:
      'Raw HTML outside the safe subset (unknown tags, <script>, <style>, <textarea>, attributes spanning lines) is shown as text by design; a browser hides the tag or its content.',
    ids: [
      'commonmark-spec:150',
      'commonmark-spec:172',
      'commonmark-spec:173',
      'commonmark-spec:174',
      'commonmark-spec:175',
      'commonmark-spec:178',
      'commonmark-spec:180',
      'commonmark-spec:203',
      'commonmark-spec:493',
      'commonmark-spec:526',
      'commonmark-spec:538',
      'commonmark-spec:615',
      'commonmark-spec:616',
      'commonmark-spec:617',
      'commonmark-spec:625',
      'gfm-spec:120',
      'gfm-spec:140',
      'gfm-spec:141',
      'gfm-spec:142',
      'gfm-spec:145',
      'gfm-spec:147',
      'gfm-spec:170',
      'gfm-spec:500',
      'gfm-spec:532',
      'gfm-spec:544',
      'gfm-spec:632',
      'gfm-spec:633',
      'gfm-spec:634',
      'gfm-spec:642',
      'gfm-extensions:22',
    ],
  },
  {
    reason:
      'An HTML block that opens with an unfinished tag (`<div id="foo"`, `<div *???-&&&-<---`): not a tag, so shown as text; a browser swallows it as a broken tag.',
    ids: [
      'commonmark-spec:156',
      'commonmark-spec:157',
      'commonmark-spec:158',
      'gfm-spec:126',
      'gfm-spec:127',
      'gfm-spec:128',
    ],
  },
  {
    reason:
      "A processing instruction `<?php … '>' … ?>` is dropped whole, as CommonMark defines it; a browser ends it at the first `>` and shows the tail.",
    ids: ['commonmark-spec:182', 'gfm-spec:149'],
  },
  {
    reason:
      'Parser version: markdown-it follows CommonMark 0.31, where HTML comments may contain `--` and `<!-->` is a comment; the GFM spec (0.29) shows them as text.',
    ids: ['gfm-spec:645', 'gfm-spec:646'],
  },
  {
    reason:
      "Obsidian's embed `![[foo]]` is read as one (a link to the page foo, shown as foo); CommonMark has no such syntax and shows the brackets. A defined `[foo]` still makes `[[foo]]` its link in brackets.",
    ids: ['commonmark-spec:592', 'gfm-spec:598'],
  },
  {
    reason: 'The spec gives no expected HTML (`<IGNORE>`: the example only checks that the parser does not crash).',
    ids: ['gfm-extensions:20'],
  },
];
