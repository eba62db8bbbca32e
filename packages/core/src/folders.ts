import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Create a folder and the missing folders above it (`mkdir -p`), failing fast where that cannot be
 * done. Node's own `mkdir(path, { recursive: true })` never returns (Node 20, spinning a core) when
 * the file system answers ENOENT although the parent exists, as /proc and /sys do: it creates the
 * parent, which is there, and tries the folder again, forever. Here each missing folder is made
 * with one plain mkdir, from the nearest existing one down, so that ENOENT is the error, naming
 * the folder that could not be made.
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error; // ENOTDIR (a file on the way), EACCES…: the caller's to report
    });
    if (found) {
      // A file where the folder should be: mkdir's own EEXIST says so.
      if (!found.isDirectory()) await mkdir(folder);
      break;
    }
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
      // Made meanwhile by a concurrent writer (pages write their folders in parallel): fine.
      if (error.code !== 'EEXIST' || !(await stat(folder)).isDirectory()) throw error;
    });
  }
}
