import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { renderedPages, requestBody } from './support/rendered.js';

// Each fixture is one operation cut, unchanged, from a real spec in APIs.guru's collection.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'form-bodies');

async function operationPage(file: string): Promise<string> {
  const pages = await renderedPages(resolve(fixtures, file));
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
  it("shows a part's multi-line value as code on one line, not its `# comment` as a heading", async () => {
    const spec = join(await mkdtemp(join(tmpdir(), 'form-bodies-')), 'spec.json');
    const example = { script: '#!/bin/sh\n# install deps\nnpm ci', meta: 'name: x\n---\nname: y' };
    const content = { 'multipart/form-data': { schema: { type: 'object' }, example } };
    const operation = { requestBody: { content }, responses: { '204': { description: 'Run.' } } };
    const paths = { '/jobs': { post: { operationId: 'runJob', ...operation } } };
    await writeFile(spec, JSON.stringify({ openapi: '3.0.3', info: { title: 'Jobs', version: '1' }, paths }));
    const body = requestBody(await operationPage(spec));
    expect(body).toContain('| `script` | `text/plain` | `#!/bin/sh # install deps npm ci` |');
    expect(body).toContain('| `meta` | `text/plain` | `name: x --- name: y` |');
  });
});

describe('a form-urlencoded body', () => {
  it("(LanguageTool's words/add) shows its example as the form text it is sent as", async () => {
    const body = requestBody(await operationPage('languagetool-words-add.json'));
    expect(body).toContain('```text\nword=string&username=string&apiKey=********&dict=string\n```');
  });
});
