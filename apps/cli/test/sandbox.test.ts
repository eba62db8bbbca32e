import { describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The embedded sandbox lives beside the config, as the storage cache does: a publish from a
 * subfolder of the project went to a new, empty sandbox under that subfolder (every page
 * "created" again, at other ids), and `sandbox start` there showed none of them.
 */
describe('the embedded sandbox folder of a project', () => {
  const env = { CONFLUENCE_URL: '', CONFLUENCE_API_TOKEN: '', CONFLUENCE_ACCESS_TOKEN: '', CI: '1' };

  /** A project with the repository's own ADRs and a config naming them; `extra` is appended to the config. */
  function adrProject(extra = ''): string {
    const project = mkdtempSync(join(tmpdir(), 'docgen-sandbox-folder-'));
    cpSync(join(repoRoot, 'docs', 'adr'), join(project, 'docs', 'adr'), { recursive: true });
    writeFileSync(
      join(project, 'docgen.config.yaml'),
      `out: docs-out\nsources:\n  - plugin: adr\n    options: { dir: docs/adr }\n${extra}`,
    );
    return project;
  }

  it('a publish from a subfolder finds the pages the root published, and `sandbox start` there shows them', async () => {
    const project = adrProject();
    try {
      const first = await runCli(['generate', '--publish', '--json'], { cwd: project, env });
      expect(first.code).toBe(0);
      const published = JSON.parse(first.stdout).publish;
      expect(published.counts.created).toBeGreaterThan(1);
      const fromSubfolder = await runCli(['generate', '--publish', '--json'], { cwd: join(project, 'docs'), env });
      expect(fromSubfolder.code).toBe(0);
      const again = JSON.parse(fromSubfolder.stdout).publish;
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: published.counts.created });
      expect(existsSync(join(project, 'docs', '.docgen'))).toBe(false);
      const pageId = published.outcomes.find((o: { status: string }) => o.status === 'created').pageId;
      await withRunningSandbox(['--port', '0'], join(project, 'docs', 'adr'), async (info) => {
        expect(info.dataDir).toBe(join(project, '.docgen', 'sandbox'));
        const page = await fetch(`${info.url}/rest/api/content/${pageId}`, { headers: { authorization: auth } });
        expect(page.status).toBe(200);
      });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);

  it('confluence.sandboxDir is relative to the config, wherever docgen runs', async () => {
    const project = adrProject('confluence:\n  sandboxDir: var/confluence\n');
    try {
      const result = await runCli(['generate', '--publish'], { cwd: join(project, 'docs'), env });
      expect(result.code).toBe(0);
      expect(existsSync(join(project, 'var', 'confluence', 'sandbox.db'))).toBe(true);
      expect(existsSync(join(project, 'docs', 'var'))).toBe(false);
      // Run from inside the project, plain `docgen sandbox start` finds it: the preview line says just that.
      expect(result.stdout + result.stderr).toContain('Preview: run `npx docgen sandbox start` and open');
      await withRunningSandbox(['--port', '0'], join(project, 'docs'), async (info) => {
        expect(info.dataDir).toBe(join(project, 'var', 'confluence'));
      });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);

  it('with a sandbox already running on that folder, the preview line is its URL, not how to start one', async () => {
    const project = adrProject();
    try {
      await withRunningSandbox(['--port', '0'], project, async (info) => {
        const result = await runCli(['generate', '--publish', '--json'], { cwd: project, env });
        expect(result.code).toBe(0);
        const published = JSON.parse(result.stdout).publish;
        const root = published.outcomes.find((o: { status: string }) => o.status === 'created').pageId;
        expect(result.stderr).toContain(`Preview: open ${info.url}/ui/pages/`);
        expect(result.stderr).not.toContain('docgen sandbox start');
        // The page is there, in the running sandbox.
        const page = await fetch(`${info.url}/rest/api/content/${root}`, { headers: { authorization: auth } });
        expect(page.status).toBe(200);
      });
      // Stopped: the next publish says how to start one again.
      const after = await runCli(['generate', '--publish'], { cwd: project, env });
      expect(after.stdout + after.stderr).toContain('Preview: run `npx docgen sandbox start` and open');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);

  it('with two sandboxes on one folder, the preview line is the one still running after the other stops', async () => {
    // The README's sandbox on 8090, and a second one a user started with --port 0 and stopped: the
    // second took the folder's record with it, and the publish said to start a sandbox already running.
    const project = adrProject();
    try {
      await withRunningSandbox(['--port', '0'], project, async (first) => {
        await withRunningSandbox(['--port', '0'], project, async (second) => {
          expect(second.url).not.toBe(first.url);
        });
        const result = await runCli(['generate', '--publish'], { cwd: project, env });
        expect(result.code).toBe(0);
        expect(result.stdout + result.stderr).toContain(`Preview: open ${first.url}/ui/pages/`);
      });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);

  it('from outside the project the preview line names the folder (`npm run demo` from the repository root)', async () => {
    const project = adrProject();
    const elsewhere = mkdtempSync(join(tmpdir(), 'docgen-elsewhere-'));
    try {
      const config = join(project, 'docgen.config.yaml');
      const result = await runCli(['generate', '--config', config, '--publish'], { cwd: elsewhere, env });
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).toContain(
        `Preview: run \`npx docgen sandbox start --data ${join(project, '.docgen', 'sandbox')}\``,
      );
      expect(existsSync(join(elsewhere, '.docgen'))).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);
});
