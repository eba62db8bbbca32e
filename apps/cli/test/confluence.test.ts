import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

// Each test runs the real CLI several times; on a loaded CI box that takes a while.
jest.setTimeout(120_000);
import { NO_CONFLUENCE_ENV, runCli } from '@docgen/test-support';
import { parseConfluenceUrl, Publisher } from '@docgen/publisher';
import { makeTree, testSandbox, TOKEN, USER, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

/** `docgen confluence check|spaces|get|search` against the sandbox, both dialects, with --json. */
describe('docgen confluence', () => {
  let sandbox: TestSandbox;
  const env = (path = '/wiki') => ({
    CONFLUENCE_URL: `${sandbox.url}${path}`,
    CONFLUENCE_USER: USER,
    CONFLUENCE_API_TOKEN: TOKEN,
    CONFLUENCE_SPACE_KEY: 'DEV',
  });

  beforeAll(async () => {
    sandbox = await testSandbox();
    const result = await new Publisher({
      url: `${sandbox.url}/wiki`,
      user: USER,
      token: TOKEN,
      spaceKey: 'DEV',
    }).publish(makeTree(30, { prefix: 'read' }));
    expect(result.ok).toBe(true);
  });
  afterAll(() => sandbox.close());

  it('check: authentication, space, create permission', async () => {
    const result = await runCli(['confluence', 'check', '--json'], { env: env() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, flavor: 'cloud', space: { key: 'DEV' } });
    const text = await runCli(['confluence', 'check'], { env: env('') });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/✓ authenticated as .* \(datacenter\)/);
    expect(text.stdout).toMatch(/✓ space DEV/);
  });

  it('check with no Confluence configured names the embedded sandbox by its folder, not by a port gone when it ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-check-embedded-'));
    const text = await runCli(['confluence', 'check'], { cwd: dir, env: NO_CONFLUENCE_ENV });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`on the embedded sandbox (${join(dir, '.docgen', 'sandbox')}) (cloud)`);
    expect(text.stdout).not.toContain('127.0.0.1');
    const json = await runCli(['confluence', 'check', '--json'], { cwd: dir, env: NO_CONFLUENCE_ENV });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, sandboxDir: join(dir, '.docgen', 'sandbox') });
  });

  it('check reads the site and space from the nearest config, as publish does; empty variables do not hide them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-check-config-'));
    await writeFile(
      join(dir, 'docgen.config.yaml'),
      `confluence:\n  url: ${sandbox.url}/wiki\n  spaceKey: DEV\n  user: ${USER}\n`,
    );
    // `export CONFLUENCE_URL=` and friends in a CI file: set, but to nothing.
    const blank = { CONFLUENCE_URL: '', CONFLUENCE_SPACE_KEY: '', CONFLUENCE_USER: '', CONFLUENCE_API_TOKEN: TOKEN };
    const result = await runCli(['confluence', 'check', '--json'], { cwd: dir, env: blank });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, url: `${sandbox.url}/wiki`, space: { key: 'DEV' } });
  });

  it('check: a wrong token and a missing space are said in words', async () => {
    const auth = await runCli(['confluence', 'check'], { env: { ...env(), CONFLUENCE_API_TOKEN: 'not-the-token' } });
    expect(auth.code).toBe(1);
    expect(auth.stderr).toMatch(/authentication failed: GET \/wiki\/rest\/api\/user\/current answered 401/);
    const space = await runCli(['confluence', 'check', '--confluence-space', 'NOPE'], { env: env() });
    expect(space.code).toBe(1);
    expect(space.stderr).toMatch(/space not found/);
  });

  it('spaces', async () => {
    const result = await runCli(['confluence', 'spaces', '--json'], { env: env() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spaces.map((s: { key: string }) => s.key)).toContain('DEV');
    // `ok`, as every command's --json says it, on success as on error: a script reads one field.
    expect(JSON.parse(result.stdout).ok).toBe(true);
  });

  it('get of a page id Confluence does not know: exit 1, and where a page id is found', async () => {
    const result = await runCli(['confluence', 'get', '999999', '--json'], { env: env() });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_NOT_FOUND',
      message: expect.stringMatching(/^page 999999 not found/),
      hint: expect.stringMatching(/^check the page id \(the number in the page URL, …\/pages\/123456\/…\)/),
    });
  });

  it('search with CQL Confluence cannot parse: exit 1, its message, and what to do', async () => {
    const result = await runCli(['confluence', 'search', 'space = ', '--json'], { env: env() });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_BAD_REQUEST',
      message: expect.stringMatching(/answered 400 — Could not parse cql/),
      hint: expect.stringMatching(/^fix the CQL where Confluence says .*e\.g\. 'space = DEV and title ~ "pets"'/),
    });
  });

  it('search says when Confluence has more than --limit; with --json, --verbose traces its requests on stderr only', async () => {
    const cql = 'space = DEV and title ~ "read page"';
    const cut = await runCli(['confluence', 'search', cql, '--page-size', '5', '--limit', '12'], { env: env() });
    expect(cut.code).toBe(0);
    expect(cut.stdout.trimEnd().split('\n').at(-1)).toBe('12 result(s) (more available: raise --limit)');
    const all = await runCli(['confluence', 'search', cql, '--page-size', '25'], { env: env() });
    expect(all.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d\d result\(s\)$/);
    const traced = await runCli(
      ['confluence', 'search', cql, '--page-size', '5', '--limit', '12', '--json', '--verbose'],
      {
        env: env(),
      },
    );
    expect(JSON.parse(traced.stdout).results).toHaveLength(12);
    expect(traced.stderr.match(/^ {2}GET .*\/content\/search/gm)).toHaveLength(3);
  });

  it('search follows pagination, get prints storage or a readable form', async () => {
    const search = await runCli(
      ['confluence', 'search', 'space = DEV and title ~ "read page"', '--page-size', '5', '--limit', '12', '--json'],
      { env: env() },
    );
    expect(search.code).toBe(0);
    const found = JSON.parse(search.stdout);
    expect(found.results).toHaveLength(12);
    expect(found.ok).toBe(true);
    expect(found.requests).toBeGreaterThanOrEqual(3);
    const id = found.results[0].id;
    const storage = await runCli(['confluence', 'get', id, '--json'], { env: env('') });
    expect(storage.code).toBe(0);
    const page = JSON.parse(storage.stdout);
    expect(page.format).toBe('storage');
    expect(page.ok).toBe(true);
    expect(page.body).toContain('<table>');
    const readable = await runCli(['confluence', 'get', id, '--markdown'], { env: env() });
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain(`# ${page.title}`);
    expect(readable.stdout).not.toContain('<table>');
    expect(readable.stdout).toMatch(/\| a \| b \|/);
    expect(readable.stdout).toContain('```typescript\nconst n = ');
    // The page's URL, pasted from the browser, names the page too.
    const pasted = await runCli(
      ['confluence', 'get', `${sandbox.url}/wiki/spaces/DEV/pages/${id}/Read+page`, '--json'],
      {
        env: env(),
      },
    );
    expect(JSON.parse(pasted.stdout)).toMatchObject({ id, title: page.title });
  });

  it('get of something that is no page id or page URL is a usage error, before any request', async () => {
    const result = await runCli(['confluence', 'get', 'Read page 1', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      code: 'DG_USAGE',
      message:
        '"Read page 1" is not a page id: give the number in the page URL (…/pages/123456/…), or the URL itself; ' +
        `docgen confluence search 'title = "Read page 1"' finds the id of the page of that title`,
    });
  });
});

describe('a Confluence URL that is not one', () => {
  it('is DG_CONFLUENCE_URL naming where it came from, with --json too, before any request', async () => {
    const cases = [
      { argv: ['confluence', 'check', '--confluence-url', 'notaurl', '--json'], env: {}, from: '--confluence-url' },
      {
        argv: ['confluence', 'spaces', '--json'],
        env: { CONFLUENCE_URL: 'acme.atlassian.net/wiki' },
        from: 'CONFLUENCE_URL',
        hint: /did you mean https:\/\/acme\.atlassian\.net\/wiki\?/,
      },
    ];
    for (const { argv, env, from, hint } of cases) {
      const result = await runCli(argv, { env: { CONFLUENCE_URL: '', ...env } });
      expect(result.code).toBe(1);
      const { ok, error } = JSON.parse(result.stdout);
      expect(ok).toBe(false);
      expect(error).toMatchObject({ code: 'DG_CONFLUENCE_URL', message: expect.stringContaining(`(from ${from})`) });
      if (hint) expect(error.hint).toMatch(hint);
    }
  });

  it("from the config, is the publisher's DG_CONFLUENCE_URL at the key's line, not a schema pattern", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-url-'));
    await writeFile(join(dir, 'docgen.config.yaml'), 'title: x\nconfluence:\n  url: acme.atlassian.net/wiki\n');
    await mkdir(join(dir, 'decisions'));
    // CONFLUENCE_URL set empty (as a CI file's `export CONFLUENCE_URL=`) leaves the config's url in force.
    const argv = ['adr', '--dir', 'decisions', '--no-storage', '--publish', '--json'];
    const result = await runCli(argv, { cwd: dir, env: { CONFLUENCE_URL: '' } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toEqual({
      code: 'DG_CONFLUENCE_URL',
      severity: 'error',
      message: '"acme.atlassian.net/wiki" is not an http(s) URL (from docgen.config.yaml:3 confluence.url)',
      location: expect.objectContaining({ file: join(dir, 'docgen.config.yaml'), line: 3 }),
      hint: 'did you mean https://acme.atlassian.net/wiki? Give the whole URL, with its scheme',
    });
    // A flag's URL reads the same as the publisher's API says it.
    const flag = await runCli(['confluence', 'check', '--confluence-url', 'notaurl', '--json'], {
      env: { CONFLUENCE_URL: '' },
    });
    let api: unknown;
    try {
      parseConfluenceUrl('notaurl', { from: '--confluence-url' });
    } catch (error) {
      api = (error as { toJSON(): unknown }).toJSON();
    }
    expect(JSON.parse(flag.stdout).error).toEqual(JSON.parse(JSON.stringify(api)));
  });
});
