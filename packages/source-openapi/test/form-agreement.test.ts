import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { operationSections } from './support/rendered.js';

// A form body's fields as the page says they are sent (the table of parts, the form text) and as
// its curl example sends them, run with the real curl against a local server that keeps each request.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'form-agreement');
const run = promisify(execFile);

interface Received {
  contentType: string;
  body: string;
}

let server: Server;
let baseUrl: string;
let workDir: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ contentType: request.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString() });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The file each `@file` names, in the folder the example is run from.
  workDir = await mkdtemp(join(tmpdir(), 'docgen-form-agreement-'));
  await writeFile(join(workDir, 'file'), 'bytes');
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sections = (file: string) => operationSections(fixtures, file);

/** Runs a section's curl example as a reader would: BASE_URL set, its path placeholders replaced. */
async function sendCurl(section: string): Promise<Received> {
  const command = /```bash\n(curl[\s\S]*?)\n```/.exec(section)![1]!.replace(/\{petId\}/g, '7');
  const before = received.length;
  await run('bash', ['-c', command], { cwd: workDir, env: { ...process.env, BASE_URL: baseUrl } });
  expect(received.length).toBe(before + 1);
  return received[before]!;
}

interface Part {
  name: string;
  /** The content type sent: one the table names, a file's by default application/octet-stream. */
  contentType: string;
  /** A file's part says so; a value's is the text sent. */
  value: string;
}

/** The parts of the form the page's table lists, each as it says it is sent. */
function tableParts(section: string): Part[] {
  const body = section.slice(section.indexOf('### Request body'));
  return [...body.matchAll(/^\| `([^`]+)` \| `([^`]+)` \| (.+) \|$/gm)].map(([, name, type, cell]) => ({
    name: name!,
    // A list of types (`image/png, image/jpeg`) is any of them: curl sends the first.
    contentType: type!.split(',')[0]!.trim(),
    value: /^a file/.test(cell!) ? 'a file' : cell!.replace(/^`+ ?|(?<! ) ?`+$/g, '').replace(/\\\|/g, '|'),
  }));
}

/** The parts of a multipart request, as the server received them. */
function receivedParts({ contentType, body }: Received): Part[] {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const [head, ...rest] = raw.replace(/^\r\n/, '').split('\r\n\r\n');
      const name = /name="([^"]*)"/.exec(head!)![1]!;
      const type = /^Content-Type: (.+)$/im.exec(head!)?.[1]?.trim();
      const file = /filename="/.test(head!);
      const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      return { name, contentType: type ?? 'text/plain', value: file ? 'a file' : value };
    });
}

describe('a multipart body: the table of its parts and its curl example agree', () => {
  it.each([
    ['uploads-3.0.yaml', 'POST /documents'],
    ['uploads-3.1.yaml', 'POST /scans'],
    ['pets-2.0.yaml', 'POST /pet/{petId}/uploadImage'],
  ])('%s %s', async (file, heading) => {
    const section = (await sections(file)).get(heading)!;
    const table = tableParts(section);
    expect(table.length).toBeGreaterThan(0);
    expect(receivedParts(await sendCurl(section))).toEqual(table);
  });

  it('sends what OpenAPI 3.0 says of each field: an object as JSON, a list a part per item, the files and required fields the example leaves out', async () => {
    const section = (await sections('uploads-3.0.yaml')).get('POST /documents')!;
    expect(tableParts(section)).toEqual([
      { name: 'metadata', contentType: 'application/json', value: '{"title":"Q3 report","note":"draft; internal"}' },
      // style is for form-urlencoded bodies only in 3.0: still a part per item
      { name: 'tags', contentType: 'text/plain', value: 'finance' },
      { name: 'tags', contentType: 'text/plain', value: 'q3' },
      { name: 'handle', contentType: 'text/plain', value: '@ann' },
      { name: 'file', contentType: 'application/octet-stream', value: 'a file' },
      { name: 'attachments', contentType: 'application/pdf', value: 'a file' },
      { name: 'owner', contentType: 'text/plain', value: '…' },
    ]);
  });

  it("joins a list as OpenAPI 3.1's style or Swagger 2.0's collectionFormat says", async () => {
    const scans = tableParts((await sections('uploads-3.1.yaml')).get('POST /scans')!);
    expect(scans.filter((part) => part.name === 'colors')).toEqual([
      { name: 'colors', contentType: 'text/plain', value: 'cyan,magenta' },
    ]);
    expect(scans.filter((part) => part.name === 'labels').map((part) => part.value)).toEqual(['red', 'blue']);
    const pets = tableParts((await sections('pets-2.0.yaml')).get('POST /pet/{petId}/uploadImage')!);
    expect(pets.filter((part) => part.name === 'tags').map((part) => part.value)).toEqual(['cute,small']);
    expect(pets.filter((part) => part.name === 'owners').map((part) => part.value)).toEqual(['ann', 'bob']);
  });

  it('quotes a value for curl only where curl would misread it (a `;`, a leading `"`, `@` or `<`)', async () => {
    const scans = (await sections('uploads-3.1.yaml')).get('POST /scans')!;
    expect(scans).toContain(`-F 'options={"dpi":300};type=application/vnd.scan-options+json'`);
    expect(scans).toContain(`-F 'caption=He said "hi"'`);
    const documents = (await sections('uploads-3.0.yaml')).get('POST /documents')!;
    expect(documents).toContain(`-F 'handle="@ann"'`);
  });
});

describe('a form-urlencoded body: its form text and its curl example agree', () => {
  it.each([
    ['buyers-3.0.yaml', 'POST /buyers'],
    ['pets-2.0.yaml', 'POST /pet/{petId}'],
  ])('%s %s', async (file, heading) => {
    const section = (await sections(file)).get(heading)!;
    const text = /```text\n(.*)\n```/.exec(section.slice(section.indexOf('### Request body')))![1]!;
    expect(section).toContain('--data-urlencode');
    const sent = await sendCurl(section);
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(sent.body)]).toEqual([...new URLSearchParams(text)]);
    expect([...new URLSearchParams(text)].length).toBeGreaterThan(2);
  });
});
