/**
 * The pool's worker (see pool.ts): converts whole pages with the same `convertMarkdown` as the
 * synchronous path, so the output is the same bytes. Resolvers are functions of the caller and
 * cannot cross threads, so each call is asked of the main thread synchronously: post the
 * question, sleep on a shared flag until the answer is on our port, read it with
 * `receiveMessageOnPort`. Answers are memoised per page (resolvers are pure lookups).
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { convertMarkdown } from './convert.js';
import type { ToStorageOptions } from './options.js';
import type { ResolveReply, TaskMessage, WorkerData } from './pool.js';

const { answers, flag } = workerData as WorkerData;
const signal = new Int32Array(flag);

function ask(task: number, kind: string, args: [string, string?]): string | undefined {
  Atomics.store(signal, 0, 0);
  parentPort!.postMessage({ type: 'resolve', task, kind, args });
  for (;;) {
    Atomics.wait(signal, 0, 0, 1000);
    const received = receiveMessageOnPort(answers as MessagePort);
    if (!received) continue;
    const reply = received.message as ResolveReply;
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.value;
  }
}

function resolvers(message: TaskMessage): ToStorageOptions {
  const memo = new Map<string, string | undefined>();
  const remote =
    (kind: string) =>
    (...args: [string, string?]) => {
      const key = `${kind}\0${args.join('\0')}`;
      if (!memo.has(key)) memo.set(key, ask(message.task, kind, args));
      return memo.get(key);
    };
  const options: ToStorageOptions = {};
  if (message.dialect !== undefined) options.dialect = message.dialect;
  if (message.resolvers.includes('resolvePageTitle')) options.resolvePageTitle = remote('resolvePageTitle');
  if (message.resolvers.includes('resolveAttachment')) options.resolveAttachment = remote('resolveAttachment');
  if (message.resolvers.includes('resolveAnchor'))
    options.resolveAnchor = remote('resolveAnchor') as ToStorageOptions['resolveAnchor'];
  if (message.resolvers.includes('resolveMissingAnchor'))
    options.resolveMissingAnchor = remote('resolveMissingAnchor') as ToStorageOptions['resolveMissingAnchor'];
  if (message.resolvers.includes('resolveLink')) options.resolveLink = remote('resolveLink');
  return options;
}

parentPort!.on('message', (message: TaskMessage) => {
  try {
    const result = convertMarkdown(message.markdown, resolvers(message));
    parentPort!.postMessage({ type: 'done', task: message.task, result });
  } catch (error) {
    parentPort!.postMessage({
      type: 'failed',
      task: message.task,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
