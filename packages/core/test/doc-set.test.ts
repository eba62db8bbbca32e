import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DocgenError,
  docSetOf,
  type Diagnostic,
  docSetRepository,
  loadConfig,
  readRenderedTree,
  repositoryIdentity,
  writeRenderedTree,
} from '@docgen/core';

describe('docSetOf', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'docgen-docset-'));
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  const gitRepo = async (dir: string, url: string) => {
    await mkdir(join(dir, '.git'), { recursive: true });
    await writeFile(
      join(dir, '.git', 'config'),
      `[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/other/fork.git\n[remote "origin"]\n\turl = "${url}"\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
    );
  };
  const config = async (dir: string, confluence = '') => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'docgen.config.yaml'), `sources: []\n${confluence}`);
    return loadConfig({ cwd: dir });
  };

  it('names a doc set after the repository’s origin remote, with the config’s folder in it', async () => {
    const out = join(repo, 'docs-out');
    await gitRepo(repo, 'https://ci-bot:s3cret@github.com/acme/shop.git');
    // With no config, the folder docgen runs in: two services' jobs of one monorepo are two doc sets.
    await mkdir(join(repo, 'services', 'shipping'), { recursive: true });
    const none = await loadConfig({ cwd: join(repo, 'services', 'shipping') });
    expect(none.file).toBeUndefined();
    expect(docSetOf(none, join(repo, 'services', 'shipping'), out).name).toBe('github.com/acme/shop:services/shipping');
    const root = await config(repo);
    expect(docSetOf(root, repo, out)).toEqual({
      name: 'github.com/acme/shop',
      explicit: false,
      folder: '',
      firstCommitName: expect.any(Function),
    });
    expect(docSetOf(await config(join(repo, 'apps', 'billing')), repo, out).name).toBe(
      'github.com/acme/shop:apps/billing',
    );
    // Sources from flags: the folder docgen runs in, where their files' paths start.
    expect(docSetOf(root, join(repo, 'services', 'a'), out, { flags: true }).name).toBe(
      'github.com/acme/shop:services/a',
    );
    expect(docSetOf(root, repo, out, { flags: true }).name).toBe('github.com/acme/shop');
  });

  it('a name it writes reads back as its repository and folder (docSetRepository); a set named after its keys has neither', async () => {
    const out = join(repo, 'docs-out');
    await gitRepo(repo, 'https://gitlab.com/group/sub/shop.git');
    const billing = docSetOf(await config(join(repo, 'apps', 'billing')), repo, out).name!;
    expect(docSetRepository(billing)).toEqual({ repository: 'gitlab.com/group/sub/shop', folder: 'apps/billing' });
    const root = docSetOf(await config(repo), repo, out).name!;
    expect(docSetRepository(root)).toEqual({ repository: 'gitlab.com/group/sub/shop', folder: '' });
    // No remote (the local kind): no name written; the publisher names the set after its keys.
    const local = await mkdtemp(join(tmpdir(), 'docgen-docset-local-'));
    await mkdir(join(local, '.git'));
    expect(docSetOf(await config(join(local, 'apps', 'billing')), local, join(local, 'out'))).toEqual({
      explicit: false,
      folder: 'apps/billing',
    });
    await rm(local, { recursive: true, force: true });
    for (const keys of ['api', 'api+adr', 'api+runbooks']) expect(docSetRepository(keys)).toBeUndefined();
  });

  it('a worktree reads its main repository’s remote', async () => {
    const main = join(repo, 'main');
    await gitRepo(main, 'git@github.com:acme/shop.git');
    await mkdir(join(main, '.git', 'worktrees', 'fix'), { recursive: true });
    await writeFile(join(main, '.git', 'worktrees', 'fix', 'commondir'), '../..\n');
    const worktree = join(repo, 'fix');
    await mkdir(worktree);
    await writeFile(join(worktree, '.git'), `gitdir: ${join(main, '.git', 'worktrees', 'fix')}\n`);
    expect(docSetOf(await config(worktree), worktree, worktree).name).toBe('github.com/acme/shop');
  });

  it('none without a remote (the publisher then names the set after its keys); confluence.docSet names it', async () => {
    const out = join(repo, 'docs-out');
    await mkdir(join(repo, '.git'));
    expect(docSetOf(await config(repo), repo, out).name).toBeUndefined();
    expect(docSetOf(await config(repo, 'confluence:\n  docSet: payments\n'), repo, out)).toEqual({
      name: 'payments',
      explicit: true,
    });
    const error = await config(repo, 'confluence:\n  docSet: ""\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocgenError);
    expect((error as DocgenError).message).toContain('confluence.docSet');
    expect((error as DocgenError).location).toMatchObject({ line: 3 });
  });
});

describe('a repository with no remote', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docgen-first-commit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], {
      cwd,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  /** A repository at `dir/name` with an app in `apps/a`, committed where `commits`. */
  const repository = async (name: string, commits: boolean) => {
    const root = join(dir, name);
    await mkdir(join(root, 'apps', 'a'), { recursive: true });
    git(root, 'init', '-q');
    await writeFile(join(root, 'apps', 'a', 'docgen.config.yaml'), 'sources: []\n');
    if (commits) {
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', `${name}'s first`);
    }
    return root;
  };
  const setOf = async (root: string) =>
    docSetOf(await loadConfig({ cwd: join(root, 'apps', 'a') }), root, join(root, 'apps', 'a', 'docs-out'));

  it('is named after its first commit, the same in a clone: two repositories of the same folders are two sets', async () => {
    const shop = await repository('shop', true);
    const named = await setOf(shop);
    const first = git(shop, 'rev-list', '--max-parents=0', 'HEAD').trim().slice(0, 12);
    expect(named).toEqual({ name: `first-commit/${first}:apps/a`, explicit: false, folder: 'apps/a' });
    // Later commits, and a clone from its folder (whose remote is a path, no host): the same set.
    await writeFile(join(shop, 'apps', 'a', 'openapi.yaml'), 'openapi: 3.0.3\n');
    git(shop, 'add', '-A');
    git(shop, 'commit', '-q', '-m', 'second');
    git(dir, 'clone', '-q', shop, 'clone');
    expect((await setOf(shop)).name).toBe(named.name);
    expect((await setOf(join(dir, 'clone'))).name).toBe(named.name);
    expect((await setOf(await repository('other', true))).name).not.toBe(named.name);
  });

  it('with no commit yet is the local kind (its folder’s set); given a remote, names its first commit’s set when asked', async () => {
    const empty = await repository('empty', false);
    expect(await setOf(empty)).toEqual({ explicit: false, folder: 'apps/a' });
    const shop = await repository('shop', true);
    const { name } = await setOf(shop);
    git(shop, 'remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    const remote = await setOf(shop);
    expect([remote.name, remote.formerNames]).toEqual(['github.com/acme/shop:apps/a', undefined]);
    expect(remote.firstCommitName?.()).toBe(name);
    // A rendered folder published in it: the same, asked of the repository it is in (not recorded).
    const out = join(shop, 'apps', 'a', 'docs-out');
    const tree = {
      pages: [],
      docSet: remote.name,
      docSetFolder: 'apps/a',
      docSetFirstCommitName: remote.firstCommitName,
    };
    const manifest = await writeRenderedTree(out, tree, { name: 'test', version: '0' });
    expect(JSON.stringify(manifest)).not.toContain('first-commit/');
    expect((await readRenderedTree(out)).tree.docSetFirstCommitName?.()).toBe(name);
  });

  it('whose first commit git cannot give (no commit yet, git not installed) warns once a run that its set is its folder’s', async () => {
    const warnings: Diagnostic[] = [];
    const report = (diagnostic: Diagnostic) => warnings.push(diagnostic);
    const app = async (root: string) => loadConfig({ cwd: join(root, 'apps', 'a') });
    const empty = await repository('empty', false);
    const out = join(empty, 'apps', 'a', 'docs-out');
    expect(docSetOf(await app(empty), empty, out, { report })).toEqual({ explicit: false, folder: 'apps/a' });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'DG_DOC_SET_GIT', severity: 'warning', message: expect.stringContaining(empty) }),
    ]);
    expect(warnings[0]!.message).toContain('it has no commit yet');
    // The publish reads the rendered folder's set again: not told twice.
    await writeRenderedTree(out, { pages: [], docSetFolder: 'apps/a' }, { name: 'test', version: '0' });
    await readRenderedTree(out, { report });
    expect(warnings).toHaveLength(1);

    // No git to run (a slim container image): the same app would be another set on the host.
    const shop = await repository('shop', true);
    const path = process.env.PATH;
    process.env.PATH = await mkdtemp(join(tmpdir(), 'docgen-no-git-'));
    try {
      expect(docSetOf(await app(shop), shop, join(shop, 'out'), { report }).name).toBeUndefined();
    } finally {
      await rm(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = path;
    }
    expect(warnings[1]).toMatchObject({ code: 'DG_DOC_SET_GIT' });
    expect(warnings[1]!.message).toContain('git could not read it (git is not installed)');
    expect(warnings[1]!.hint).toContain(`make git run here (install it, or put it on PATH) for ${shop}`);
    expect(warnings[1]!.hint).toContain('confluence.docSet');
  });

  it('a shallow clone of it with a remote (CI’s checkout) says its first commit cannot be read, rather than none', async () => {
    const shop = await repository('shop', true);
    await writeFile(join(shop, 'apps', 'a', 'openapi.yaml'), 'openapi: 3.0.3\n');
    git(shop, 'add', '-A');
    git(shop, 'commit', '-q', '-m', 'second');
    git(dir, 'clone', '-q', '--depth', '1', `file://${shop}`, 'shallow');
    const clone = join(dir, 'shallow');
    git(clone, 'remote', 'set-url', 'origin', 'https://github.com/acme/shop.git');
    const remote = await setOf(clone);
    expect(remote.name).toBe('github.com/acme/shop:apps/a');
    expect(remote.firstCommitName?.()).toEqual({ missing: 'shallow' });
  });
});

describe('a rendered folder’s doc set', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'docgen-rendered-set-'));
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  const config = async (dir: string, confluence = '') => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'docgen.config.yaml'), `sources: []\n${confluence}`);
    return loadConfig({ cwd: dir });
  };
  const origin = (url: string) => writeFile(join(repo, '.git', 'config'), `[remote "origin"]\n\turl = ${url}\n`);
  const pages = [{ key: 'api', title: 'API', labels: [], markdown: '# API\n', attachments: [] }];
  const generator = { name: 'test', version: '0' };

  it('records the folder in the repository; a publish names the set from the remote the repository has then', async () => {
    await mkdir(join(repo, '.git'));
    const billing = await config(join(repo, 'apps', 'billing'));
    const out = join(repo, 'apps', 'billing', 'docs-out');
    expect(docSetOf(billing, repo, out)).toEqual({ explicit: false, folder: 'apps/billing' });
    // A flag run: the folder it runs in, where its files' paths start.
    expect(docSetOf(billing, join(repo, 'services', 'a'), out, { flags: true }).folder).toBe('services/a');
    // An output folder in no repository, with no remote: the folder keeps the set apart (the local kind)...
    const elsewhere = join(tmpdir(), 'docgen-out-elsewhere');
    expect(docSetOf(billing, repo, elsewhere).folder).toBe('apps/billing');
    // ...but not in a repository with a remote, which a publish would name the set after.
    const otherRepository = await mkdtemp(join(tmpdir(), 'docgen-other-repository-'));
    await mkdir(join(otherRepository, '.git'));
    await writeFile(
      join(otherRepository, '.git', 'config'),
      '[remote "origin"]\n\turl = git@github.com:acme/other.git\n',
    );
    expect(docSetOf(billing, repo, join(otherRepository, 'out')).folder).toBeUndefined();
    await rm(otherRepository, { recursive: true, force: true });
    expect(docSetOf(await config(repo, 'confluence:\n  docSet: payments\n'), repo, out).folder).toBeUndefined();

    await writeRenderedTree(out, { pages, docSetFolder: 'apps/billing', partial: 'flags' }, generator);
    // No remote: the local kind's set of that folder, where a flag run's paths start, compare too.
    const before = (await readRenderedTree(out)).tree;
    expect([before.docSet, before.filesComparable]).toEqual([undefined, true]);
    // The remote added after the folder was rendered (or another clone's, replayed from a cache).
    await origin('https://ci:token@github.com/acme/shop.git');
    const after = (await readRenderedTree(out)).tree;
    expect([after.docSet, after.filesComparable]).toEqual(['github.com/acme/shop:apps/billing', true]);
    await origin('git@github.com:acme/shop-fork.git');
    expect((await readRenderedTree(out)).tree.docSet).toBe('github.com/acme/shop-fork:apps/billing');
    // With a remote, an output folder in no repository: a publish could not find the set's remote there.
    expect(docSetOf(billing, repo, elsewhere)).toEqual({
      name: 'github.com/acme/shop-fork:apps/billing',
      explicit: false,
      firstCommitName: expect.any(Function),
    });
  });

  it('a name the manifest records without its folder (confluence.docSet, an older docgen) is published as written', async () => {
    await mkdir(join(repo, '.git'));
    await origin('git@github.com:acme/shop.git');
    const out = join(repo, 'docs-out');
    await writeRenderedTree(
      out,
      { pages, docSet: 'github.com/acme/old', filesComparable: true, partial: 'flags' },
      generator,
    );
    expect((await readRenderedTree(out)).tree).toMatchObject({ docSet: 'github.com/acme/old', filesComparable: true });
    // Copied out of its repository (a CI artifact): as it was named when rendered.
    const copied = join(await mkdtemp(join(tmpdir(), 'docgen-artifact-')), 'docs-out');
    await writeRenderedTree(copied, { pages, docSet: 'github.com/acme/shop', docSetFolder: '' }, generator);
    expect((await readRenderedTree(copied)).tree.docSet).toBe('github.com/acme/shop');
    // Its first commit's name (before it had a remote) is asked of no repository there: it says so.
    expect((await readRenderedTree(copied)).tree.docSetFirstCommitName?.()).toEqual({ missing: 'outside' });
    await rm(dirname(copied), { recursive: true, force: true });
  });
});

describe('repositoryIdentity', () => {
  it('is the same for a remote’s HTTPS and SSH forms, and never keeps a credential', () => {
    for (const url of [
      'https://github.com/acme/shop.git',
      'https://x-access-token:ghs_abc@github.com/acme/shop',
      'git@github.com:acme/shop.git',
      'ssh://git@GitHub.com/acme/shop.git/',
    ])
      expect(repositoryIdentity(url)).toBe('github.com/acme/shop');
    expect(repositoryIdentity('https://bitbucket.acme.com/scm/plat/shop.git')).toBe('bitbucket.acme.com/plat/shop');
    expect(repositoryIdentity('ssh://git@bitbucket.acme.com:7999/plat/shop.git')).toBe('bitbucket.acme.com/plat/shop');
    expect(repositoryIdentity('https://gitlab-ci-token:glcbt-xyz@gitlab.com/group/sub/repo.git')).toBe(
      'gitlab.com/group/sub/repo',
    );
    expect(repositoryIdentity('github.com:Acme/Shop.git')).toBe('github.com/acme/shop');
    for (const local of [
      '/srv/git/shop.git',
      '../shop',
      'file:///srv/git/shop.git',
      'C:\\repos\\shop',
      'C:/repos/shop',
    ])
      expect(repositoryIdentity(local)).toBeUndefined();
    // Malformed, but a name must never carry a piece of a credential.
    for (const broken of ['user:pa@ss@github.com:acme/shop.git', 'https://tok/en@github.com/acme/shop.git'])
      expect(repositoryIdentity(broken) ?? '').not.toMatch(/pa|ss@|tok|en@/);
  });

  it.each([
    [
      'Bitbucket Data Center under a context path',
      'bitbucket.acme.com/plat/shop',
      [
        'https://bitbucket.acme.com/scm/plat/shop.git',
        'https://ci:token@bitbucket.acme.com/bitbucket/scm/plat/shop.git',
        'https://bitbucket.acme.com/tools/bitbucket/scm/PLAT/shop.git',
        'ssh://git@bitbucket.acme.com:7999/plat/shop.git',
      ],
    ],
    [
      'Bitbucket Data Center, a personal repository',
      'bitbucket.acme.com/~jdoe/shop',
      ['https://bitbucket.acme.com/bb/scm/~jdoe/shop.git', 'ssh://git@bitbucket.acme.com:7999/~jdoe/shop.git'],
    ],
    [
      'GitLab subgroups',
      'gitlab.acme.com/platform/payments/shop',
      ['https://gitlab.acme.com/platform/payments/shop.git', 'git@gitlab.acme.com:platform/payments/shop.git'],
    ],
    [
      'Azure DevOps',
      'dev.azure.com/acme/web shop/checkout',
      [
        'https://acme@dev.azure.com/acme/Web%20Shop/_git/checkout',
        'git@ssh.dev.azure.com:v3/acme/Web%20Shop/checkout',
        'https://acme.visualstudio.com/DefaultCollection/Web%20Shop/_git/checkout',
        'acme@vs-ssh.visualstudio.com:v3/acme/Web%20Shop/checkout',
      ],
    ],
    [
      'Azure DevOps, a repository named as its project',
      'dev.azure.com/acme/shop/shop',
      ['https://dev.azure.com/acme/_git/shop', 'git@ssh.dev.azure.com:v3/acme/shop/shop'],
    ],
  ])('names a repository on %s the same over HTTPS and SSH', (_, name, urls) => {
    for (const url of urls) expect([url, repositoryIdentity(url)]).toEqual([url, name]);
  });

  it('drops a path’s context and `scm/` only where Bitbucket Data Center writes them: another host’s `scm` group is part of its name', () => {
    for (const [url, name] of [
      // A GitLab subgroup named scm: not the unrelated gitlab.com/infra/shop.
      ['https://gitlab.com/acme/platform/scm/infra/shop.git', 'gitlab.com/acme/platform/scm/infra/shop'],
      ['git@gitlab.acme.com:acme/scm/infra/shop.git', 'gitlab.acme.com/acme/scm/infra/shop'],
      ['https://github.acme.com/tools/scm/infra/shop.git', 'github.acme.com/tools/scm/infra/shop'],
      // Not a Bitbucket project and repository: three segments after it, or a key with a hyphen.
      ['https://git.acme.com/tools/scm/infra/shop/web.git', 'git.acme.com/tools/scm/infra/shop/web'],
      ['https://git.acme.com/tools/scm/web-team/shop.git', 'git.acme.com/tools/scm/web-team/shop'],
      // Bitbucket Data Center: a project key (letters, digits, _) or a user's ~name, then the repository.
      ['https://acme.com/bitbucket/scm/plat_2/shop.git', 'acme.com/plat_2/shop'],
    ])
      expect([url, repositoryIdentity(url)]).toEqual([url, name]);
    expect(repositoryIdentity('https://gitlab.com/acme/platform/scm/infra/shop.git')).not.toBe(
      repositoryIdentity('https://gitlab.com/infra/shop.git'),
    );
  });
});

describe('the names an older docgen gave a remote', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docgen-former-names-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    await mkdir(join(dir, 'apps', 'a'), { recursive: true });
    await writeFile(join(dir, 'apps', 'a', 'docgen.config.yaml'), 'sources: []\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  /** The doc set of `apps/a` in a clone from `url`. */
  const cloneOf = async (url: string) => {
    execFileSync('git', ['config', 'remote.origin.url', url], { cwd: dir });
    const app = join(dir, 'apps', 'a');
    return docSetOf(await loadConfig({ cwd: app }), app, join(app, 'docs-out'));
  };

  it.each([
    [
      'Azure DevOps',
      'dev.azure.com/acme/web shop/checkout',
      [
        ['https://acme@dev.azure.com/acme/Web%20Shop/_git/checkout', 'dev.azure.com/acme/web shop/_git/checkout'],
        ['git@ssh.dev.azure.com:v3/acme/Web%20Shop/checkout', 'ssh.dev.azure.com/v3/acme/web%20shop/checkout'],
        ['ssh://git@ssh.dev.azure.com/v3/acme/Web%20Shop/checkout', 'ssh.dev.azure.com/v3/acme/web shop/checkout'],
        ['https://acme.visualstudio.com/Web%20Shop/_git/checkout', 'acme.visualstudio.com/web shop/_git/checkout'],
        [
          'https://acme.visualstudio.com/DefaultCollection/Web%20Shop/_git/checkout',
          'acme.visualstudio.com/defaultcollection/web shop/_git/checkout',
        ],
        [
          'acme@vs-ssh.visualstudio.com:v3/acme/Web%20Shop/checkout',
          'vs-ssh.visualstudio.com/v3/acme/web%20shop/checkout',
        ],
      ],
    ],
    [
      'Azure DevOps, a repository named as its project',
      'dev.azure.com/acme/shop/shop',
      [
        ['https://dev.azure.com/acme/_git/shop', 'dev.azure.com/acme/_git/shop'],
        ['https://dev.azure.com/acme/shop/_git/shop', 'dev.azure.com/acme/shop/_git/shop'],
        ['git@ssh.dev.azure.com:v3/acme/shop/shop', 'ssh.dev.azure.com/v3/acme/shop/shop'],
      ],
    ],
  ])(
    'on %s, each form’s older name is a former name of a clone from every form: its pages are taken over whichever clone published them',
    async (_, name, forms) => {
      const olderNames = forms.map(([, older]) => `${older}:apps/a`);
      for (const [url] of forms) {
        const set = await cloneOf(url);
        expect([url, set.name]).toEqual([url, `${name}:apps/a`]);
        expect([url, set.formerNames]).toEqual([url, expect.arrayContaining(olderNames)]);
      }
    },
  );

  it('on Bitbucket Data Center under a context path, the HTTPS form’s older name; the SSH form’s was the name itself', async () => {
    const https = await cloneOf('https://bitbucket.acme.com/bitbucket/scm/plat/shop.git');
    expect(https).toMatchObject({
      name: 'bitbucket.acme.com/plat/shop:apps/a',
      formerNames: ['bitbucket.acme.com/bitbucket/scm/plat/shop:apps/a'],
    });
    // The context is not in the SSH form: that clone's set is the name an older docgen gave it.
    const ssh = await cloneOf('ssh://git@bitbucket.acme.com:7999/plat/shop.git');
    expect(ssh).toEqual({
      name: https.name,
      explicit: false,
      folder: 'apps/a',
      firstCommitName: expect.any(Function),
    });
  });
});
