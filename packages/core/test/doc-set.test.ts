import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DocgenError, docSetName, loadConfig } from '@docgen/core';

describe('docSetName', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'docgen-docset-'));
    await mkdir(join(repo, '.git'));
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  const config = async (dir: string, confluence = '') => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'docgen.config.yaml'), `sources: []\n${confluence}`);
    return loadConfig({ cwd: dir });
  };

  it('names a doc set after the package that owns the config, with the config’s folder inside it', async () => {
    await writeFile(join(repo, 'package.json'), '{ "name": "@acme/platform" }');
    expect(docSetName(await config(repo), repo)).toBe('@acme/platform');
    expect(docSetName(await config(join(repo, 'docs')), repo)).toBe('@acme/platform:docs');
    // A workspace package of its own (an Nx app with its docs) is its own doc set.
    await mkdir(join(repo, 'apps', 'billing'), { recursive: true });
    await writeFile(join(repo, 'apps', 'billing', 'package.json'), '{ "name": "billing" }');
    expect(docSetName(await config(join(repo, 'apps', 'billing')), repo)).toBe('billing');
  });

  it('with no config, the working folder’s package; with no named package, the repository’s folder', async () => {
    await writeFile(join(repo, 'package.json'), '{ "private": true }');
    const none = await loadConfig({ cwd: repo });
    expect(none.file).toBeUndefined();
    expect(docSetName(none, join(repo, 'src'))).toBe(repo.split(/[\\/]/).at(-1));
  });

  it('confluence.docSet names it, and an empty one is refused at its line', async () => {
    expect(docSetName(await config(repo, 'confluence:\n  docSet: payments\n'), repo)).toBe('payments');
    const error = await config(repo, 'confluence:\n  docSet: ""\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocgenError);
    expect((error as DocgenError).message).toContain('confluence.docSet');
    expect((error as DocgenError).location).toMatchObject({ line: 3 });
  });
});
