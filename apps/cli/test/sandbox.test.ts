import { describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '@docgen/test-support';

const auth = 'Basic ' + Buffer.from('dev@example.com:sandbox-token').toString('base64');

/** Start `docgen sandbox start`, wait for its first JSON line, hand it to `use`, then Ctrl-C it. */
async function withRunningSandbox(
  args: string[],
  cwd: string,
  use: (info: { url: string; dataDir: string }) => Promise<void>,
) {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'apps', 'cli', 'bin', 'run.js'), 'sandbox', 'start', '--json', ...args],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const info = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const line = stdout.split('\n')[0];
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(JSON.parse(line!));
        }
      });
      child.on('exit', () => reject(new Error(`sandbox exited early: ${stderr}`)));
    });
    await use(info);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  // One JSON document a line: "started", then "stopped" (it was printed over many lines).
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(JSON.parse(lines[1]!)).toMatchObject({ ok: true, event: 'stopped' });
}

describe('docgen sandbox start', () => {
  it('serves the REST API with the default space and user, persists under --data, stops on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docgen-cli-sandbox-'));
    try {
      let pageId = '';
      await withRunningSandbox(['--port', '0', '--data', 'store'], dir, async (info) => {
        expect(info).toMatchObject({
          ok: true,
          event: 'started',
          spaces: ['DEV'],
          users: [{ email: 'dev@example.com', token: 'sandbox-token' }],
        });
        expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const spaces = await (
          await fetch(`${info.url}/wiki/api/v2/spaces?keys=DEV`, { headers: { authorization: auth } })
        ).json();
        const created = await fetch(`${info.url}/wiki/api/v2/pages`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            spaceId: spaces.results[0].id,
            title: 'Kept',
            body: { representation: 'storage', value: '<p>kept</p>' },
          }),
        });
        expect(created.status).toBe(200);
        pageId = (await created.json()).id;
        const ui = await fetch(`${info.url}/`);
        expect(ui.status).toBe(200);
        expect((await fetch(`${info.url}/__sandbox/requests`)).status).toBe(404);
      });
      expect(existsSync(join(dir, 'store', 'sandbox.db'))).toBe(true);
      await withRunningSandbox(['--port', '0', '--data', 'store', '--test-mode'], dir, async (info) => {
        const page = await fetch(`${info.url}/rest/api/content/${pageId}?expand=body.storage`, {
          headers: { authorization: auth },
        });
        expect((await page.json()).body.storage.value).toBe('<p>kept</p>');
        expect((await fetch(`${info.url}/__sandbox/requests`)).status).toBe(200);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads a YAML config, as docs/configuration.md writes it (sandbox.yaml), and names a syntax error’s line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docgen-cli-sandbox-'));
    try {
      const config = join(dir, 'sandbox.yaml');
      writeFileSync(
        config,
        'spaces:\n  - key: OPS\n    name: Operations\nusers:\n  - email: ops@example.com\n    token: ops-token\n    permissions: { OPS: write }\n',
      );
      await withRunningSandbox(['--port', '0', '--data', 'store', '--config', config], dir, async (info) => {
        expect(info).toMatchObject({ spaces: ['OPS'], users: [{ email: 'ops@example.com', token: 'ops-token' }] });
      });
      writeFileSync(config, 'spaces:\n  - key: OPS\n    name: [Operations\n');
      const broken = await runCli(['sandbox', 'start', '--port', '0', '--data', join(dir, 'data'), '--config', config]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(new RegExp(`^error DG_SANDBOX_CONFIG ${config}:\\d+`));
      expect(broken.stderr).not.toContain('not valid JSON');
      // Named once, by the location: not again at the start of the message.
      expect(broken.stderr.split(config)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('explains a bad config file and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docgen-cli-sandbox-'));
    try {
      const config = join(dir, 'sandbox.json');
      writeFileSync(config, JSON.stringify({ users: [{ email: 'dev@example.com', token: '' }] }));
      const result = await runCli(['sandbox', 'start', '--port', '0', '--data', join(dir, 'data'), '--config', config]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('DG_SANDBOX_CONFIG');
      expect(result.stderr).toContain('users[0].token must be a non-empty string');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
  // Node 20's recursive mkdir never returns on a file system that refuses new folders.
  (existsSync('/proc/self') ? it : it.skip)(
    'fails fast when --data is where no folder can be made (/proc)',
    async () => {
      const bin = join(repoRoot, 'apps', 'cli', 'bin', 'run.js');
      const argv = [bin, 'sandbox', 'start', '--port', '0', '--data', '/proc/docgen-sandbox', '--json'];
      const result = await new Promise<{ code: number | null; stdout: string }>((done) => {
        execFile(process.execPath, argv, { timeout: 20_000 }, (error, stdout) =>
          done({ code: error ? (error.killed ? null : Number(error.code)) : 0, stdout }),
        );
      });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).error).toMatchObject({
        code: 'DG_FILE_SYSTEM',
        location: { file: '/proc/docgen-sandbox' },
      });
    },
    30_000,
  );
});
