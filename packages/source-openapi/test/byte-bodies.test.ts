import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { extractApi, loadSpec } from '@docgen/source-openapi';
import { operationSections, requestBody } from './support/rendered.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'byte-bodies');

const sections = (file: string) => operationSections(fixtures, file);

describe("a body that is a file's bytes", () => {
  it.each([
    ['PUT /resources/{id}/content', 'application/octet-stream'], // Microsoft Graph's OneNote content
    ['POST /media/{resourceName}', 'application/octet-stream'], // Google's media uploads
    ['POST /releases/{id}/assets', 'application/octet-stream'], // GitHub's release asset: `*/*`
  ])('%s: shows no made-up example, and curl sends a file as %s', async (heading, contentType) => {
    const section = (await sections('uploads.yaml')).get(heading)!;
    const body = requestBody(section);
    expect(body).not.toContain('Example (generated from the schema)');
    expect(body).toContain("No example: the body is a file's own bytes, sent as they are.");
    expect(section).toContain(`-H 'Content-Type: ${contentType}' \\\n  --data-binary '@file'`);
  });
});

describe('a Swagger 2.0 `type: file` body as swagger2openapi converted it (`type: object, format: file`)', () => {
  it("is sent as a file, not as `{}` (Azure HDInsight's Pig job)", async () => {
    const section = (await sections('converted-file.yaml')).get('POST /templeton/v1/pig')!;
    expect(section).toContain("-H 'Content-Type: text/plain' \\\n  --data-binary '@file'");
    expect(section).not.toContain("--data-raw '{}'");
  });

  it('is a file part in a multipart body (Azure Computer Vision)', async () => {
    const api = await extractApi(await loadSpec(join(fixtures, 'converted-file.yaml')));
    const analyze = api.tags.flatMap((tag) => tag.operations).find((op) => op.path === '/analyze')!;
    const multipart = analyze.requestBody!.contents.find((body) => body.mediaType === 'multipart/form-data')!;
    expect(multipart.example).toBeUndefined();
    expect(multipart.exampleNote).toBe("No example: the body is a file's own bytes, sent as they are.");
  });
});
