/**
 * The language of a code block's macro, from what is written after its fence: the names specs'
 * code samples (ReDoc's `x-codeSamples` `lang`) and READMEs give their shell commands and Node.js code.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/convert.js';

/** The code macro's language for a fence of `info`, in Confluence Cloud's and Data Center's storage. */
function language(info: string, dialect: 'cloud' | 'datacenter' = 'cloud'): string | undefined {
  const storage = convertMarkdown(`\`\`\`${info}\ncurl -X DELETE \\\n  https://api.sakari.io/v1/webhooks\n\`\`\`\n`, {
    dialect,
  }).storage;
  return /<ac:parameter ac:name="language">([^<]*)</.exec(storage)?.[1];
}

describe("a code block's language", () => {
  it("highlights a curl sample as the shell command it is (Sakari's, 956 of APIs.guru's samples)", () => {
    // docgen writes a sample of `lang: cURL` (`Curl`, `CURL`) under a ```curl fence; it showed unhighlighted.
    expect(language('curl')).toBe('bash');
    expect(language('curl', 'datacenter')).toBe('bash');
  });

  it('highlights Node.js code as JavaScript, however the name is written', () => {
    expect(language('node.js')).toBe('javascript');
    expect(language('nodejs')).toBe('javascript');
    expect(language('node')).toBe('javascript');
  });
});
