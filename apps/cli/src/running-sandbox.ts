/**
 * Where a `docgen sandbox start` serving a data folder can be reached, for a publish into that
 * folder to print: a `running.json` beside the database listing each sandbox serving it
 * ([{ url, pid }]), one added when its server listens and taken out when it stops. Several may
 * serve one folder (one on 8090, another started with `--port 0`): one stopping leaves the others
 * listed. A sandbox that died (no such process) is not believed: with none alive, the publish says
 * how to start one.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'running.json';

interface RunningSandbox {
  url: string;
  pid: number;
}

export function recordRunningSandbox(dataDir: string, url: string): () => void {
  try {
    writeRecord(dataDir, [...othersAlive(dataDir), { url, pid: process.pid }]);
  } catch {
    return () => {}; // a read-only folder: the sandbox runs; a publish just cannot point at it
  }
  return () => {
    const left = othersAlive(dataDir);
    try {
      if (left.length) writeRecord(dataDir, left);
      else rmSync(join(dataDir, FILE), { force: true });
    } catch {
      // the folder went away or turned read-only: nothing left to point at
    }
  };
}

/** The first sandbox still running that serves `dataDir`, as a publish into it points at it. */
export function runningSandbox(dataDir: string): RunningSandbox | undefined {
  return recorded(dataDir).find((sandbox) => alive(sandbox.pid));
}

/** The sandboxes a record lists, but this process: those alive. */
function othersAlive(dataDir: string): RunningSandbox[] {
  return recorded(dataDir).filter((sandbox) => sandbox.pid !== process.pid && alive(sandbox.pid));
}

/** The record's entries; an older docgen wrote one object, not a list. */
function recorded(dataDir: string): RunningSandbox[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8'));
  } catch {
    return [];
  }
  return (Array.isArray(json) ? json : [json]).filter(
    (entry): entry is RunningSandbox => typeof entry?.url === 'string' && typeof entry?.pid === 'number',
  );
}

/** Written to a temporary file and renamed, so a publish reads a whole record or the one before. */
function writeRecord(dataDir: string, sandboxes: RunningSandbox[]): void {
  const temporary = join(dataDir, `${FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(sandboxes)}\n`);
  renameSync(temporary, join(dataDir, FILE));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process is there
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // there, but another user's
  }
}
