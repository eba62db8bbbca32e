/**
 * A small pool of worker threads that convert whole pages (see worker.ts) for
 * `convertMarkdownBatch`. Why: pages convert in parallel on every core, and a worker gets a
 * bigger young generation (`resourceLimits.maxYoungGenerationSizeMb`, the per-thread
 * `--max-semi-space-size`) for the parse's many short-lived objects. Workers start on first use, are unref'd while idle (so a
 * CLI exits as soon as its work is done) and can be closed with `closeConverterPool()`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { StorageResult, ToStorageOptions } from './options.js';

/** Young generation per worker: 3 × a 32 MB semi-space (what `--max-semi-space-size=32` gives). */
export const WORKER_YOUNG_GENERATION_MB = 96;

type ResolverName = 'resolvePageTitle' | 'resolveAttachment' | 'resolveAnchor' | 'resolveMissingAnchor' | 'resolveLink';
const RESOLVERS: ResolverName[] = [
  'resolvePageTitle',
  'resolveAttachment',
  'resolveAnchor',
  'resolveMissingAnchor',
  'resolveLink',
];

export interface WorkerData {
  answers: MessagePort;
  flag: SharedArrayBuffer;
}
export interface TaskMessage {
  task: number;
  markdown: string;
  dialect?: ToStorageOptions['dialect'];
  resolvers: ResolverName[];
}
export interface ResolveReply {
  value?: string;
  error?: string;
}
type WorkerMessage =
  | { type: 'resolve'; task: number; kind: ResolverName; args: [string, string?] }
  | { type: 'done'; task: number; result: StorageResult }
  | { type: 'failed'; task: number; error: string };

interface Task {
  id: number;
  markdown: string;
  options: ToStorageOptions;
  resolve(result: StorageResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  answers: MessagePort;
  signal: Int32Array;
  task?: Task;
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the built one. */
function workerScript(): URL | undefined {
  for (const candidate of ['./worker.js', '../dist/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

class ConverterPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  /** Pages converted by workers since start (for tests and benches). */
  converted = 0;

  constructor(private readonly script: URL) {}

  run(markdown: string, options: ToStorageOptions, size: number): Promise<StorageResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, markdown, options, resolve, reject });
      while (this.slots.length < size && this.slots.filter((slot) => !slot.task).length < this.queue.length)
        this.spawn();
      this.dispatch();
    });
  }

  close(): Promise<void> {
    const slots = this.slots.splice(0);
    return Promise.all(slots.map((slot) => slot.worker.terminate())).then(() => undefined);
  }

  private spawn(): void {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(this.script, {
      workerData: { answers: port2, flag } satisfies WorkerData,
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    port1.unref();
    const slot: Slot = { worker, answers: port1, signal: new Int32Array(flag) };
    worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
    worker.on('error', (error) => this.lose(slot, error));
    worker.on('exit', (code) => this.lose(slot, new Error(`converter worker exited with code ${code}`)));
    this.slots.push(slot);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) break;
      slot.task = task;
      slot.worker.ref();
      const message: TaskMessage = {
        task: task.id,
        markdown: task.markdown,
        dialect: task.options.dialect,
        resolvers: RESOLVERS.filter((name) => typeof task.options[name] === 'function'),
      };
      slot.worker.postMessage(message);
    }
    for (const slot of this.slots) if (!slot.task) slot.worker.unref();
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    const task = slot.task;
    if (!task || task.id !== message.task) return;
    if (message.type === 'resolve') {
      slot.answers.postMessage(answer(task.options, message.kind, message.args));
      Atomics.store(slot.signal, 0, 1);
      Atomics.notify(slot.signal, 0);
      return;
    }
    slot.task = undefined;
    if (message.type === 'done') {
      this.converted += 1;
      task.resolve(message.result);
    } else task.reject(new Error(message.error));
    this.dispatch();
  }

  /** A worker died (out of memory, say): fail its page, forget it; the next page starts a new one. */
  private lose(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    slot.task?.reject(error);
    slot.task = undefined;
    if (this.queue.length && this.slots.length === 0) this.spawn();
    this.dispatch();
  }
}

function answer(options: ToStorageOptions, kind: ResolverName, args: [string, string?]): ResolveReply {
  try {
    const resolver = options[kind] as ((...values: string[]) => string | undefined) | undefined;
    const value = resolver?.(...(args.filter((arg) => arg !== undefined) as string[]));
    return value === undefined ? {} : { value: String(value) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

let pool: ConverterPool | undefined | null;

/** The shared pool, or undefined when workers are unavailable (no compiled worker script). */
export function converterPool(): ConverterPool | undefined {
  if (pool === undefined) {
    const script = workerScript();
    pool = script ? new ConverterPool(script) : null;
  }
  return pool ?? undefined;
}

export function poolSize(pages: number): number {
  return Math.max(1, Math.min(availableParallelism(), pages));
}

/** Stop the workers (they are unref'd when idle, so this is only needed to free them early). */
export async function closeConverterPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current) await current.close();
}
