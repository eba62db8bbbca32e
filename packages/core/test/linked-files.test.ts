import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { attachLinkedFiles, rewriteLinks } from '@docgen/core';

describe('rewriteLinks', () => {
  const map = (href: string) => (href.startsWith('0007 ') || href.startsWith('0007-') ? './adr__7.md' : undefined);

  it('maps a destination in angle brackets whole (a file name with spaces), and keeps the brackets', () => {
    expect(rewriteLinks('See [ADR 7](<0007 use postgres.md> "title") and [8](<0008 x.md>).', map)).toBe(
      'See [ADR 7](<./adr__7.md> "title") and [8](<0008 x.md>).',
    );
    expect(rewriteLinks('[7]: <0007 use postgres.md> "t"\n[8]: 0007-x.md', map)).toBe(
      '[7]: <./adr__7.md> "t"\n[8]: ./adr__7.md',
    );
    expect(rewriteLinks('`[x](<0007 a.md>)` [y](0007-a.md)', map)).toBe('`[x](<0007 a.md>)` [y](./adr__7.md)');
  });

  it('attaches a file linked in angle brackets, its name encoded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-links-'));
    await writeFile(join(dir, 'flow chart.svg'), '<svg/>');
    const { markdown, attachments } = attachLinkedFiles('![Flow](<flow chart.svg>)', join(dir, 'a.md'));
    expect(markdown).toBe('![Flow](<./flow%20chart.svg>)');
    expect(attachments.map((attachment) => attachment.fileName)).toEqual(['flow chart.svg']);
  });

  it('attaches only files inside the git repository of the page (else its project, else its folder): a path or a link out of it stays a link', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-links-'));
    try {
      const repo = join(root, 'repo');
      await mkdir(join(repo, 'docs', 'adr'), { recursive: true });
      await writeFile(join(root, 'token.txt'), 'secret');
      await writeFile(join(repo, 'docs', 'diagram.svg'), '<svg/>');
      await symlink(join(root, 'token.txt'), join(repo, 'docs', 'adr', 'linked.txt'));
      const page = join(repo, 'docs', 'adr', '0001-x.md');
      const text = '[d](../diagram.svg) [t](../../../token.txt) [l](linked.txt)';
      const attached = () => attachLinkedFiles(text, page).attachments.map((attachment) => attachment.fileName);
      expect(attached()).toEqual([]); // no repository, no project: the page's own folder only
      await writeFile(join(repo, 'package.json'), '{}');
      expect(attached()).toEqual(['diagram.svg']); // a project copied out of its repository
      await rm(join(repo, 'package.json'));
      await mkdir(join(repo, '.git'));
      expect(attached()).toEqual(['diagram.svg']);
      expect(attachLinkedFiles(text, page).markdown).toBe('[d](./diagram.svg) [t](../../../token.txt) [l](linked.txt)');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
