/**
 * Where a `docgen sandbox start` serving a data folder can be reached, for a publish into that
 * folder to print: a `running.json` beside the database ({ url, pid }), written when the server
 * listens and removed when it stops. A file left by a sandbox that died (no such process) is not
 * believed: the publish then says how to start one, as it does with none running.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'running.json';

export function recordRunningSandbox(dataDir: string, url: string): () => void {
  const file = join(dataDir, FILE);
  try {
    writeFileSync(file, `${JSON.stringify({ url, pid: process.pid })}\n`);
  } catch {
    return () => {}; // a read-only folder: the sandbox runs; a publish just cannot point at it
  }
  return () => {
    // Another sandbox started on the folder since owns the file now.
    if (runningSandbox(dataDir)?.pid === process.pid) rmSync(file, { force: true });
  };
}

export function runningSandbox(dataDir: string): { url: string; pid: number } | undefined {
  try {
    const { url, pid } = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { url?: unknown; pid?: unknown };
    if (typeof url !== 'string' || typeof pid !== 'number' || !alive(pid)) return undefined;
    return { url, pid };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process is there
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // there, but another user's
  }
}
