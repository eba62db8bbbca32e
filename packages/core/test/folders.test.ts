import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { makeFolder, makeFolderSync, writeRenderedTree, type Page } from '@docgen/core';

const page: Page = { key: 'api', title: 'API', labels: [], markdown: '# API\n', attachments: [] };
const generator = { name: 'test', version: '0' };

describe('makeFolder', () => {
  it('creates the missing folders, and is fine with one that exists or is made meanwhile', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-folders-'));
    const deep = join(root, 'a', 'b', 'c');
    await Promise.all([makeFolder(deep), makeFolder(deep), makeFolder(join(root, 'a', 'b'))]);
    expect((await stat(deep)).isDirectory()).toBe(true);
    await makeFolder(deep);
  });

  it('fails with the errors mkdir -p would: a file on the way, a file in the folder’s place', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-folders-'));
    await writeFile(join(root, 'afile'), 'x\n');
    await expect(makeFolder(join(root, 'afile', 'docs'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeFolder(join(root, 'afile'))).rejects.toMatchObject({ code: 'EEXIST', path: join(root, 'afile') });
  });

  // Node 20's recursive mkdir never returns here (it spins: ENOENT, the parent exists, again).
  (existsSync('/proc/self') ? it : it.skip)(
    'fails fast under /proc, which refuses new folders with ENOENT',
    async () => {
      await expect(makeFolder('/proc/docgen-test/out')).rejects.toMatchObject({
        code: 'ENOENT',
        syscall: 'mkdir',
        path: '/proc/docgen-test',
      });
    },
  );
});

describe('makeFolderSync', () => {
  it('creates the missing folders, and is fine with one that exists', async () => {
    const deep = join(await mkdtemp(join(tmpdir(), 'docgen-folders-')), 'a', 'b');
    makeFolderSync(deep);
    makeFolderSync(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
  });

  it('fails as makeFolder does: a file on the way, a file in the folder’s place', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-folders-'));
    await writeFile(join(root, 'afile'), 'x\n');
    expect(() => makeFolderSync(join(root, 'afile', 'docs'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeFolderSync(join(root, 'afile'))).toThrow(
      expect.objectContaining({ code: 'EEXIST', path: join(root, 'afile') }),
    );
  });

  (existsSync('/proc/self') ? it : it.skip)('fails fast under /proc, naming the folder', () => {
    expect(() => makeFolderSync('/proc/docgen-test/out')).toThrow(
      expect.objectContaining({ code: 'ENOENT', syscall: 'mkdir', path: '/proc/docgen-test' }),
    );
  });
});

describe('writeRenderedTree on a path it cannot write', () => {
  it('names the output folder the caller gave, never its temporary staging folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-folders-'));
    await writeFile(join(root, 'afile'), 'x\n');
    const out = join(root, 'afile', 'docs');
    const error = await writeRenderedTree(out, { pages: [page] }, generator).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ENOTDIR', path: out });
    expect((error as Error).message).toContain(`'${out}'`);
    expect((error as Error).message).not.toContain('.tmp-');
  });

  (existsSync('/proc/self') ? it : it.skip)('under /proc, fails fast naming the folder', async () => {
    const error = await writeRenderedTree('/proc/docgen-test', { pages: [page] }, generator).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOENT', syscall: 'mkdir', path: '/proc/docgen-test' });
  });

  it('leaves no staging folder behind when a page cannot be written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-folders-'));
    await mkdir(join(root, 'docs'));
    const broken: Page = { ...page, attachments: [{ fileName: 'x.png', mediaType: 'image/png' }] };
    await expect(writeRenderedTree(join(root, 'docs'), { pages: [broken] }, generator)).rejects.toMatchObject({
      code: 'DG_ATTACHMENT',
    });
    expect(await readdir(root)).toEqual(['docs']);
  });
});
