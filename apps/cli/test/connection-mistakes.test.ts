import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { writeRenderedTree } from '@docgen/core';
import { NO_CONFLUENCE_ENV, runCli, type CliResult } from '@docgen/test-support';
import { makeTree, testSandbox, type TestSandbox } from '../../../packages/publisher/test/helpers.js';

jest.setTimeout(120_000);

const TOKEN = 'DOCGEN-TEST-TOKEN-mistakes-7c1e';

function expectNoToken(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
}

/**
 * The mistakes of a first publish, through the real CLI: the diagnostic names the flag, variable
 * or config line the wrong value came from, and what to give there instead.
 */
describe('publishing with a wrong URL, token or space', () => {
  let sandbox: TestSandbox;
  let work: string;
  let out: string;
  beforeAll(async () => {
    sandbox = await testSandbox();
    work = await mkdtemp(join(tmpdir(), 'docgen-mistakes-'));
    out = join(work, 'docs-out');
    await writeRenderedTree(out, makeTree(3, { prefix: 'mistakes' }), { name: 'docgen-test', version: '1.0.0' });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  });

  it('plain http to another host: refused before any output, naming where the URL came from and its https form', async () => {
    const flag = await runCli(
      ['publish', out, '--confluence-url', 'http://example.com/wiki/', '--confluence-token', TOKEN, '--json'],
      { cwd: work, env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_SPACE_KEY: 'DOCS' } },
    );
    expect(flag.code).toBe(1);
    expect(JSON.parse(flag.stdout)).toEqual({
      ok: false,
      error: {
        code: 'DG_CONFLUENCE_INSECURE',
        severity: 'error',
        message: 'refusing to send credentials over http to example.com (the URL from --confluence-url)',
        hint: 'give --confluence-url as https://example.com/wiki: a token sent over plain http can be read on the way (plain http is allowed only to localhost, such as the sandbox)',
      },
    });
    expect(flag.stderr).toBe(''); // no "Publishing … to http://example.com" before the refusal
    expectNoToken(flag);

    const env = await runCli(['confluence', 'check'], {
      cwd: work,
      env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_URL: 'http://confluence.acme.com', CONFLUENCE_API_TOKEN: TOKEN },
    });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('(the URL from CONFLUENCE_URL)');
    expect(env.stderr).toContain('→ give CONFLUENCE_URL as https://confluence.acme.com:');
    expectNoToken(env);

    await writeFile(
      join(work, 'docgen.config.yaml'),
      'sources: []\nconfluence:\n  url: http://confluence.acme.com/confluence\n',
    );
    const config = await runCli(['publish', out, '--confluence-space', 'DOCS'], {
      cwd: work,
      env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_API_TOKEN: TOKEN },
    });
    await rm(join(work, 'docgen.config.yaml'));
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(
      /^error DG_CONFLUENCE_INSECURE \S+docgen\.config\.yaml:3:\d+ at #\/confluence\/url: /,
    );
    expect(config.stderr).toContain(
      '→ give docgen.config.yaml:3 confluence.url as https://confluence.acme.com/confluence:',
    );
    expectNoToken(config);
  });

  it('a wrong token: the hint names the flags or variables it came from', async () => {
    const flags = await runCli(
      ['publish', out, '--confluence-url', `${sandbox.url}/wiki`, '--confluence-user', 'dev@example.com'],
      { cwd: work, env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_SPACE_KEY: 'DEV' } },
    );
    // No token at all is said before any request.
    expect(flags.stderr).toMatch(/^error DG_CONFLUENCE_AUTH: no Confluence token/);
    const wrong = await runCli(
      [
        'publish',
        out,
        '--confluence-url',
        `${sandbox.url}/wiki`,
        '--confluence-user',
        'dev@example.com',
        '--confluence-token',
        TOKEN,
        '--verbose',
      ],
      { cwd: work, env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_SPACE_KEY: 'DEV' } },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error DG_CONFLUENCE_AUTH: authentication failed: .*401/m);
    expect(wrong.stderr).toContain('→ check --confluence-user and --confluence-token (Cloud:');
    // On this machine the site is most likely a docgen sandbox: the hint says where its users are listed.
    expect(wrong.stderr).toContain(
      '; a docgen sandbox takes the users and tokens `docgen sandbox start` prints (by default dev@example.com)',
    );
    expectNoToken(wrong);

    const fromEnv = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: {
        ...NO_CONFLUENCE_ENV,
        CONFLUENCE_URL: `${sandbox.url}/wiki`,
        CONFLUENCE_EMAIL: 'dev@example.com',
        CONFLUENCE_API_TOKEN: TOKEN,
      },
    });
    expect(fromEnv.code).toBe(1);
    expect(JSON.parse(fromEnv.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_AUTH',
      hint: expect.stringMatching(/^check CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN \(Cloud:/),
    });
    expectNoToken(fromEnv);
  });

  // After failed logins Confluence wants a CAPTCHA answered in a browser and refuses the right token
  // too, saying why only in X-Seraph-LoginReason: the hint says how to unlock, not only to check the token.
  it('a sign-in locked behind a CAPTCHA: the error says so and how to unlock it', async () => {
    await sandbox.faults([
      { fault: 'status', status: 401, headers: { 'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED' }, count: 1 },
    ]);
    const locked = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: {
        ...NO_CONFLUENCE_ENV,
        CONFLUENCE_URL: `${sandbox.url}/wiki`,
        CONFLUENCE_EMAIL: 'dev@example.com',
        CONFLUENCE_API_TOKEN: 'sandbox-token',
      },
    });
    await sandbox.clearFaults();
    expect(locked.code).toBe(1);
    expect(JSON.parse(locked.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_AUTH',
      message: expect.stringMatching(/^authentication refused: the account must answer a CAPTCHA first/),
      hint: expect.stringMatching(/^sign in to Confluence once in a browser as this account/),
    });
  });

  // A URL Confluence is not under (a Data Center's context path left out or mistyped) is answered
  // by the servlet container's HTML 404 page, not Confluence's: no space, page or user is missing.
  it('a URL where no Confluence REST API answers: the error says so and names where the URL came from', async () => {
    const wrongPath = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: {
        ...NO_CONFLUENCE_ENV,
        CONFLUENCE_URL: `${sandbox.url}/confluence`,
        CONFLUENCE_USER: 'dev@example.com',
        CONFLUENCE_API_TOKEN: 'sandbox-token',
        CONFLUENCE_SPACE_KEY: 'DEV',
      },
    });
    expect(wrongPath.code).toBe(1);
    expect(JSON.parse(wrongPath.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_URL',
      message:
        'no Confluence REST API at this URL: GET /confluence/rest/api/user/current answered 404 — HTTP Status 404 – Not Found: No route GET /confluence/rest/api/user/current',
      hint: expect.stringMatching(
        new RegExp(`^check CONFLUENCE_URL \\(${sandbox.url.replace(/[.]/g, '\\.')}/confluence\\): Cloud: https://`),
      ),
    });
  });

  it('a space that does not exist: the hint names where the key came from and how to list the keys', async () => {
    const credentials = { CONFLUENCE_USER: 'dev@example.com', CONFLUENCE_API_TOKEN: 'sandbox-token' };
    for (const url of [`${sandbox.url}/wiki`, sandbox.url]) {
      // Cloud paths and Data Center paths answer an unknown space differently; the hint is the same.
      const flag = await runCli(['publish', out, '--dry-run', '--confluence-url', url, '--confluence-space', 'NOPE'], {
        cwd: work,
        env: { ...NO_CONFLUENCE_ENV, ...credentials },
      });
      expect(flag.code).toBe(1);
      expect(flag.stderr).toMatch(/^error DG_CONFLUENCE_NOT_FOUND: .*NOPE/m);
      expect(flag.stderr).toContain(
        '→ check --confluence-space (the space key, e.g. DOCS, not its name) and that the account can view the space; `docgen confluence spaces` lists the keys it can see',
      );
    }
    const env = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: {
        ...NO_CONFLUENCE_ENV,
        ...credentials,
        CONFLUENCE_URL: `${sandbox.url}/wiki`,
        CONFLUENCE_SPACE_KEY: 'NOPE',
      },
    });
    expect(env.code).toBe(1);
    expect(JSON.parse(env.stdout).error.hint).toMatch(/^check CONFLUENCE_SPACE_KEY \(the space key/);
    const spaces = await runCli(['confluence', 'spaces'], {
      cwd: work,
      env: { ...NO_CONFLUENCE_ENV, ...credentials, CONFLUENCE_URL: `${sandbox.url}/wiki` },
    });
    expect(spaces.code).toBe(0);
    expect(spaces.stdout).toMatch(/^DEV\b/m);
  });

  it('nothing listening at the URL: the hint names where the URL came from, and on this machine the sandbox', async () => {
    // A port nothing listens on: one the system gave, then freed.
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    await new Promise((done) => server.close(done));
    const result = await runCli(['publish', out, '--dry-run', '--json'], {
      cwd: work,
      env: {
        ...NO_CONFLUENCE_ENV,
        CONFLUENCE_URL: `http://127.0.0.1:${port}/wiki`,
        CONFLUENCE_API_TOKEN: 'sandbox-token',
        CONFLUENCE_SPACE_KEY: 'DEV',
      },
    });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_CONFLUENCE_CONNECT');
    expect(error.hint).toBe(
      `check CONFLUENCE_URL (http://127.0.0.1:${port}/wiki) and that the server is reachable from here; nothing answers on 127.0.0.1:${port}: if it is a docgen sandbox, start it (\`docgen sandbox start --port ${port}\`) or give the port it prints`,
    );
  });

  it('no space anywhere: the hint names every place a space key is given, the config too, and how to list them', async () => {
    const result = await runCli(['publish', out, '--dry-run', '--json'], {
      cwd: work,
      env: { ...NO_CONFLUENCE_ENV, CONFLUENCE_URL: `${sandbox.url}/wiki`, CONFLUENCE_API_TOKEN: 'sandbox-token' },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toEqual({
      code: 'DG_CONFLUENCE_SPACE',
      severity: 'error',
      message: 'no Confluence space given',
      hint: 'pass --confluence-space, set CONFLUENCE_SPACE_KEY, or write confluence.spaceKey in the docgen config: the space key (DOCS, not its name); `docgen confluence spaces` lists the keys the account can see',
    });
  });

  it('a managed root that is not there: the error points at the config line, flag or variable that named it', async () => {
    const credentials = { CONFLUENCE_USER: 'dev@example.com', CONFLUENCE_API_TOKEN: 'sandbox-token' };
    // A folder of its own: the config must not reach the other tests' runs.
    const project = await mkdtemp(join(work, 'rooted-'));
    const config = join(project, 'docgen.config.yaml');
    await writeFile(
      config,
      `sources: []\nconfluence:\n  url: ${sandbox.url}/wiki\n  spaceKey: DEV\n  parentId: '424242'\n`,
    );
    const byId = await runCli(['publish', out, '--dry-run', '--json'], {
      cwd: project,
      env: { ...NO_CONFLUENCE_ENV, ...credentials },
    });
    expect(byId.code).toBe(1);
    expect(JSON.parse(byId.stdout).error).toEqual({
      code: 'DG_CONFLUENCE_ROOT',
      severity: 'error',
      message: 'parent page 424242 (docgen.config.yaml:5 confluence.parentId) not found (or the user may not view it)',
      location: { file: config, line: 5, column: 13, pointer: '#/confluence/parentId' },
      hint: 'check docgen.config.yaml:5 confluence.parentId: the numeric id in the page URL',
    });

    await writeFile(
      config,
      `sources: []\nconfluence:\n  url: ${sandbox.url}/wiki\n  spaceKey: DEV\n  parentTitle: Billing docs\n`,
    );
    const byTitle = await runCli(['publish', out, '--dry-run'], {
      cwd: project,
      env: { ...NO_CONFLUENCE_ENV, ...credentials },
    });
    expect(byTitle.code).toBe(1);
    expect(byTitle.stderr).toContain(
      `error DG_CONFLUENCE_ROOT ${config}:5:16 at #/confluence/parentTitle: no page titled "Billing docs" in space DEV to publish under (docgen.config.yaml:5 confluence.parentTitle)`,
    );
    expect(byTitle.stderr).toContain(
      '→ create it first, fix docgen.config.yaml:5 confluence.parentTitle, or give confluence.parentId instead',
    );

    const byEnv = await runCli(['publish', out, '--dry-run'], {
      cwd: project,
      env: { ...NO_CONFLUENCE_ENV, ...credentials, CONFLUENCE_PARENT_ID: '434343' },
    });
    expect(byEnv.code).toBe(1);
    expect(byEnv.stderr).toContain('error DG_CONFLUENCE_ROOT: parent page 434343 (CONFLUENCE_PARENT_ID) not found');
    expect(byEnv.stderr).toContain('→ check CONFLUENCE_PARENT_ID: the numeric id in the page URL');
  });

  it('a space the embedded sandbox does not have: the hint says which it has and that a URL publishes to a site', async () => {
    const result = await runCli(['publish', out, '--dry-run', '--confluence-space', 'DOCS', '--json'], {
      cwd: work,
      env: NO_CONFLUENCE_ENV,
    });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_CONFLUENCE_NOT_FOUND');
    expect(error.hint).toMatch(/^the embedded sandbox has the space DEV: leave out --confluence-space/);
    expect(error.hint).toContain('--confluence-url');
  });
});

/**
 * A Data Center whose context path is /wiki (a self-hosted site at https://intranet.acme.com/wiki)
 * looks like a Cloud custom domain: the flavour is guessed from the URL, and said where it is wrong.
 */
describe('a Data Center site under /wiki', () => {
  let dataCenter: TestSandbox;
  let work: string;
  let out: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataCenter = await testSandbox({ dataCenterContextPath: '/wiki' });
    work = await mkdtemp(join(tmpdir(), 'docgen-dc-wiki-'));
    out = join(work, 'docs-out');
    await writeRenderedTree(out, makeTree(2, { prefix: 'dcwiki' }), { name: 'docgen-test', version: '1.0.0' });
    env = {
      ...NO_CONFLUENCE_ENV,
      CONFLUENCE_URL: `${dataCenter.url}/wiki`,
      CONFLUENCE_USER: 'dev@example.com',
      CONFLUENCE_API_TOKEN: 'sandbox-token',
      CONFLUENCE_SPACE_KEY: 'DEV',
    };
  });
  afterAll(async () => {
    await dataCenter.close();
    await rm(work, { recursive: true, force: true });
  });

  it('taken for Cloud, its 404 on the Cloud API names --confluence-flavor data-center', async () => {
    const since = await dataCenter.lastSeq();
    const result = await runCli(['publish', out, '--dry-run', '--json'], { cwd: work, env });
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('DG_CONFLUENCE_URL');
    expect(error.message).toMatch(/^no Confluence REST API at this URL: GET \/wiki\/api\/v2\/spaces answered 404/);
    expect(error.hint).toContain('has no Cloud API (/wiki/api/v2)');
    expect(error.hint).toContain('--confluence-flavor data-center (or CONFLUENCE_FLAVOR=data-center');
    expect(error.hint).toContain(`else check CONFLUENCE_URL (${dataCenter.url}/wiki): Cloud: https://`);
    // One request, the one that failed: the hint costs none.
    expect((await dataCenter.requests(since)).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /wiki/api/v2/spaces 404',
    ]);
  });

  it('confluence check: its user has no Atlassian account, so it says Data Center and names the flavour, checking no space', async () => {
    const text = await runCli(['confluence', 'check'], { cwd: work, env });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('(cloud)');
    expect(text.stdout).toContain(
      `✗ authenticated as Sandbox Developer on ${dataCenter.url}/wiki, but it answers as Data Center (its user has no Atlassian account), not Cloud as its /wiki path suggested: pass --confluence-flavor data-center or set CONFLUENCE_FLAVOR=data-center`,
    );

    const since = await dataCenter.lastSeq();
    const json = await runCli(['confluence', 'check', '--json'], { cwd: work, env });
    const report = JSON.parse(json.stdout);
    expect(json.code).toBe(1);
    expect(report).toMatchObject({
      ok: false,
      flavor: 'cloud',
      hint: expect.stringContaining('CONFLUENCE_FLAVOR=data-center'),
    });
    expect(report.space).toBeUndefined();
    // The space step would fail on the Cloud API this site lacks: it is not tried.
    expect((await dataCenter.requests(since)).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /wiki/rest/api/user/current 200',
    ]);
  });

  it('--confluence-flavor data-center, CONFLUENCE_FLAVOR or confluence.flavor publish to it through /wiki/rest/api', async () => {
    const since = await dataCenter.lastSeq();
    const byFlag = await runCli(['publish', out, '--confluence-flavor', 'data-center'], { cwd: work, env });
    expect(byFlag.stdout).toContain('Done: 2 created');
    expect(byFlag.code).toBe(0);
    const paths = (await dataCenter.requests(since)).map((r) => r.path);
    expect(paths.every((path) => path.startsWith('/wiki/rest/api/'))).toBe(true);

    const byVariable = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: { ...env, CONFLUENCE_FLAVOR: 'data-center' },
    });
    expect(byVariable.code).toBe(0);
    expect(JSON.parse(byVariable.stdout)).toMatchObject({ ok: true, flavor: 'datacenter' });

    const configured = join(work, 'configured');
    await mkdir(configured, { recursive: true });
    await writeFile(join(configured, 'docgen.config.yaml'), 'sources: []\nconfluence:\n  flavor: data-center\n');
    const byConfig = await runCli(['publish', out], { cwd: configured, env });
    expect(byConfig.stdout).toContain('Done: 0 created, 0 updated, 2 unchanged');
    expect(byConfig.code).toBe(0);
  });

  it('a flavour misspelt: the flag, the variable and the config key name the one meant', async () => {
    const byFlag = await runCli(['confluence', 'check', '--confluence-flavor', 'data-centre', '--json'], {
      cwd: work,
      env,
    });
    expect(byFlag.code).toBe(2);
    expect(JSON.parse(byFlag.stdout).error.hint).toMatch(/^did you mean --confluence-flavor data-center\?/);

    const byVariable = await runCli(['confluence', 'check', '--json'], {
      cwd: work,
      env: { ...env, CONFLUENCE_FLAVOR: 'datacenter' },
    });
    expect(byVariable.code).toBe(1);
    expect(JSON.parse(byVariable.stdout).error).toMatchObject({
      code: 'DG_CONFLUENCE_FLAVOR',
      message: 'CONFLUENCE_FLAVOR=datacenter is not a Confluence flavour: it is cloud or data-center',
      hint: 'did you mean CONFLUENCE_FLAVOR=data-center?',
    });

    const misspelt = join(work, 'misspelt');
    await mkdir(misspelt, { recursive: true });
    await writeFile(join(misspelt, 'docgen.config.yaml'), 'sources: []\nconfluence:\n  flavor: datacenter\n');
    const byConfig = await runCli(['publish', out, '--json'], { cwd: misspelt, env });
    expect(byConfig.code).toBe(1);
    const { error } = JSON.parse(byConfig.stdout);
    expect(error.code).toBe('DG_CONFIG_INVALID');
    expect(error.hint).toContain('data-center');
  });
});
