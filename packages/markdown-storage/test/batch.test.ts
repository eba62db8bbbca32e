/**
 * `convertMarkdownBatch` converts pages in worker threads (the built dist/worker.js: run
 * `npx tsc -b packages/markdown-storage` first; `npm test` does). Its promise: the very same
 * result as the synchronous `convertMarkdown` — storage bytes, attachments, page links and
 * warnings — with the caller's resolver functions answered from this thread.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { goldenInputs } from './fixture-options.js';
import { availableParallelism } from 'node:os';
import { convertMarkdown, type ToStorageOptions } from '../src/index.js';
import { MIN_CORES_FOR_WORKERS, convertMarkdownAsync, convertMarkdownBatch } from '../src/batch.js';
import { closeConverterPool, converterPool } from '../src/pool.js';

const fixtures = goldenInputs();

/** An API-reference-like page of every fixture construct, long enough to be sectioned. */
function largeDocument(bytes: number): string {
  const parts: string[] = ['# Reference\n\n::toc\n\n'];
  for (let round = 0; parts.join('').length < bytes; round += 1) {
    for (const fixture of fixtures) parts.push(`\n# ${fixture.name} ${round}\n\n${fixture.markdown}\n`);
    parts.push(
      `\n## GET /v1/items/${round}\n\n| a | b |\n|:--|--:|\n| \`x\` | [pets](./pets.md#create-a-pet) ![d](./diagrams/erd.svg) |\n\n[back](#reference)\n`,
    );
  }
  return parts.join('');
}

const allResolvers: ToStorageOptions = {
  resolvePageTitle: (href) => (href === './pets.md' ? 'Pets API' : undefined),
  resolveAttachment: (src) => (src.startsWith('./diagrams/') ? src.slice('./diagrams/'.length) : undefined),
  resolveAnchor: (href, fragment) => (href === './pets.md' ? `Anchor-${fragment}` : undefined),
};

afterAll(() => closeConverterPool());

describe('convertMarkdownBatch', () => {
  it('gives every golden fixture exactly the synchronous result, converted in workers', async () => {
    const before = converterPool()!.converted;
    const results = await convertMarkdownBatch(
      fixtures.map(({ markdown, options }) => ({ markdown, options })),
      { workers: true },
    );
    expect(converterPool()!.converted - before).toBe(fixtures.length);
    results.forEach((result, index) => {
      const { markdown, options } = fixtures[index]!;
      expect(result).toEqual(convertMarkdown(markdown, options));
    });
  });

  it('gives a large document byte-identical storage in a worker, resolvers answered from this thread', async () => {
    const markdown = largeDocument(250_000);
    const calls: string[] = [];
    const options: ToStorageOptions = {
      ...allResolvers,
      resolvePageTitle: (href) => (calls.push(href), allResolvers.resolvePageTitle!(href)),
    };
    const before = converterPool()!.converted;
    const asynchronous = await convertMarkdownAsync(markdown, options, { workers: true });
    expect(converterPool()!.converted - before).toBe(1);
    expect(calls).toContain('./pets.md');
    const synchronous = convertMarkdown(markdown, allResolvers);
    expect(asynchronous.storage.length).toBeGreaterThan(250_000);
    expect(asynchronous.storage === synchronous.storage).toBe(true);
    expect(asynchronous).toEqual(synchronous);
  });

  it('asks this thread which heading another page lacks, and warns in the worker as here', async () => {
    const options: ToStorageOptions = {
      ...allResolvers,
      resolveAnchor: () => undefined,
      resolveMissingAnchor: (href, fragment) =>
        href === './pets.md' && fragment === 'nope' ? 'create-a-pet' : undefined,
    };
    const markdown = '# Pets\n\nSee [a pet](./pets.md#nope) and [another](./pets.md#create-a-pet).\n';
    const [result] = await convertMarkdownBatch([{ markdown, options }], { workers: true });
    expect(result!.warnings).toEqual([
      'line 3: link to #nope on page "Pets API": no heading or anchor with that name there; did you mean #create-a-pet?',
    ]);
    expect(result).toEqual(convertMarkdown(markdown, options));
  });

  it('keeps input order for pages of different sizes, and converts small batches in this thread', async () => {
    const pages = [largeDocument(150_000), fixtures[0]!.markdown, largeDocument(60_000)].map((markdown) => ({
      markdown,
      options: allResolvers,
    }));
    const parallel = await convertMarkdownBatch(pages, { workers: true });
    expect(parallel.map((result) => result.storage)).toEqual(
      pages.map((page) => convertMarkdown(page.markdown, allResolvers).storage),
    );
    const before = converterPool()!.converted;
    const small = await convertMarkdownBatch([{ markdown: '# Hi\n\n[x](./pets.md)', options: allResolvers }]);
    expect(converterPool()!.converted).toBe(before);
    expect(small[0]!.storage).toContain('ri:content-title="Pets API"');
    // 'auto' starts no worker for a big batch either when there are fewer than 3 cores.
    const big = [{ markdown: largeDocument(250_000), options: allResolvers }];
    const beforeBig = converterPool()!.converted;
    await convertMarkdownBatch(big);
    expect(converterPool()!.converted - beforeBig).toBe(availableParallelism() >= MIN_CORES_FOR_WORKERS ? 1 : 0);
  });

  it('rejects with the resolver’s error, like the synchronous call throws it', async () => {
    const options: ToStorageOptions = {
      resolvePageTitle: () => {
        throw new Error('title lookup broke');
      },
    };
    await expect(convertMarkdownBatch([{ markdown: '[x](./a.md)', options }], { workers: true })).rejects.toThrow(
      'title lookup broke',
    );
    // The pool still works afterwards.
    const [result] = await convertMarkdownBatch([{ markdown: '*ok*' }], { workers: true });
    expect(result!.storage).toBe('<p><em>ok</em></p>');
  });
});
