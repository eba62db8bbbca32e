import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { renderedPages, requestBody } from './support/rendered.js';

// Each fixture is one operation cut, unchanged, from a real spec in APIs.guru's collection.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'form-bodies');

async function operationPage(file: string): Promise<string> {
  const pages = await renderedPages(join(fixtures, file));
  return pages.find((page) => /^## (POST|PUT|PATCH) /m.test(page.markdown))!.markdown;
}

describe('a multipart body', () => {
  it("(ElevenLabs' voice upload) shows its example as the form's parts, a list of files as a file part, not as JSON", async () => {
    const body = requestBody(await operationPage('elevenlabs-add-voice.json'));
    expect(body).not.toContain('```json');
    expect(body).toContain(
      [
        'Example (generated from the schema), the parts of the form as sent:',
        '',
        '| Part | Content type | Value |',
        '| --- | --- | --- |',
        '| `description` | `text/plain` | `string` |',
        '| `files` | `application/octet-stream` | a file; a part per file |',
        '| `labels` | `text/plain` | `string` |',
        '| `name` | `text/plain` | `string` |',
      ].join('\n'),
    );
  });

  it("(PeerTube's avatar) names a file part's content type as its encoding declares it", async () => {
    const body = requestBody(await operationPage('peertube-avatar.json'));
    expect(body).toContain('| `avatarfile` | `image/png, image/jpeg` | a file |');
    expect(body).not.toContain('```json');
  });
});

describe('a form-urlencoded body', () => {
  it("(LanguageTool's words/add) shows its example as the form text it is sent as", async () => {
    const body = requestBody(await operationPage('languagetool-words-add.json'));
    expect(body).toContain('```text\nword=string&username=string&apiKey=********&dict=string\n```');
  });
});
