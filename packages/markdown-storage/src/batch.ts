/**
 * Asynchronous conversion of many pages: the same output as `convertMarkdown`, byte for byte,
 * computed by the worker pool (pool.ts) when there is enough Markdown to pay for starting
 * workers (~0.1–0.3 s each), in this thread otherwise.
 */
import { convertMarkdown } from './convert.js';
import { BlockMemo } from './parts.js';
import type { StorageResult, ToStorageOptions } from './options.js';
import { availableParallelism } from 'node:os';
import { converterPool, poolSize } from './pool.js';

export interface BatchInput {
  markdown: string;
  options?: ToStorageOptions;
}

export interface BatchSettings {
  /** Use worker threads: `true` always, `false` never, `'auto'` (default) when the input is big enough. */
  workers?: boolean | 'auto';
}

/** Below this much Markdown in total, converting in this thread beats starting a worker. */
export const WORKER_THRESHOLD = 192 * 1024;

/**
 * With two cores or fewer, `'auto'` converts in this thread: a one-shot run pays each worker's
 * start and cold JIT, and on 2 cores that lost — bitbucket's 2.5 MB reference took 3.2 s and
 * 387 MB on 2 workers against 2.5 s and 215 MB in-thread (tools/bench/openapi/RESULTS.md).
 */
export const MIN_CORES_FOR_WORKERS = 3;

/** Convert pages in parallel; results are in input order and equal `convertMarkdown`'s. */
export async function convertMarkdownBatch(
  inputs: BatchInput[],
  settings: BatchSettings = {},
): Promise<StorageResult[]> {
  const total = inputs.reduce((sum, input) => sum + input.markdown.length, 0);
  const wanted = settings.workers ?? 'auto';
  const auto = total >= WORKER_THRESHOLD && availableParallelism() >= MIN_CORES_FOR_WORKERS;
  const pool = wanted === false || (wanted === 'auto' && !auto) ? undefined : converterPool();
  if (!pool) {
    const memo = new BlockMemo(); // pages of one batch share their recurring blocks
    return inputs.map((input) => convertMarkdown(input.markdown, input.options, memo));
  }
  const size = poolSize(inputs.length);
  // Longest pages first, so no worker is left with a big one at the end.
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[b]!.markdown.length - inputs[a]!.markdown.length);
  const results: StorageResult[] = new Array(inputs.length);
  await Promise.all(
    order.map(async (index) => {
      results[index] = await pool.run(inputs[index]!.markdown, inputs[index]!.options ?? {}, size);
    }),
  );
  return results;
}

/** `convertMarkdown` off the main thread for a big page (in this thread for a small one). */
export async function convertMarkdownAsync(
  markdown: string,
  options: ToStorageOptions = {},
  settings: BatchSettings = {},
): Promise<StorageResult> {
  const [result] = await convertMarkdownBatch([{ markdown, options }], settings);
  return result!;
}
