import { mkdirSync, statSync, type Stats } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * One step of making a folder: look at a path (the driver answers its Stats, or undefined when it
 * does not exist), or make one folder (`raceOk`: another writer making it meanwhile is fine).
 * The plan is shared by {@link makeFolder} and {@link makeFolderSync}; only the I/O differs.
 */
type FolderStep = { look: string } | { make: string; raceOk: boolean };

function* folderSteps(path: string): Generator<FolderStep, void, Stats | undefined> {
  const missing: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    const found = yield { look: folder };
    if (found) {
      // A file where the folder should be: mkdir's own EEXIST says so.
      if (!found.isDirectory()) yield { make: folder, raceOk: false };
      break;
    }
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  // Made meanwhile by a concurrent writer (pages write their folders in parallel): fine.
  for (const folder of missing) yield { make: folder, raceOk: true };
}

/** ENOENT means "not there"; ENOTDIR (a file on the way), EACCES…: the caller's to report. */
function absentOnly(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/**
 * Create a folder and the missing folders above it (`mkdir -p`), failing fast where that cannot be
 * done. Node's own `mkdir(path, { recursive: true })` never returns (Node 20, spinning a core) when
 * the file system answers ENOENT although the parent exists, as /proc and /sys do: it creates the
 * parent, which is there, and tries the folder again, forever. Here each missing folder is made
 * with one plain mkdir, from the nearest existing one down, so that ENOENT is the error, naming
 * the folder that could not be made.
 */
export async function makeFolder(path: string): Promise<void> {
  const steps = folderSteps(path);
  for (let step = steps.next(); !step.done;) {
    const current = step.value;
    if ('look' in current) {
      step = steps.next(await stat(current.look).catch(absentOnly));
      continue;
    }
    await mkdir(current.make).catch(async (error: NodeJS.ErrnoException) => {
      if (!current.raceOk || error.code !== 'EEXIST' || !(await stat(current.make)).isDirectory()) throw error;
    });
    step = steps.next();
  }
}

/**
 * {@link makeFolder} for callers that cannot wait (a constructor): the same plan, synchronous I/O,
 * the same prompt error naming the folder where `mkdirSync(path, { recursive: true })` would hang.
 */
export function makeFolderSync(path: string): void {
  const steps = folderSteps(path);
  for (let step = steps.next(); !step.done;) {
    const current = step.value;
    if ('look' in current) {
      let found: Stats | undefined;
      try {
        found = statSync(current.look);
      } catch (error) {
        found = absentOnly(error as NodeJS.ErrnoException);
      }
      step = steps.next(found);
      continue;
    }
    try {
      mkdirSync(current.make);
    } catch (error) {
      if (
        !current.raceOk ||
        (error as NodeJS.ErrnoException).code !== 'EEXIST' ||
        !statSync(current.make).isDirectory()
      )
        throw error;
    }
    step = steps.next();
  }
}
