import { dirname } from 'node:path';

/** `dir` and each folder above it, up to the root: the walk of every "nearest …" lookup. */
export function* foldersUp(dir: string): Generator<string> {
  for (let at = dir; ; at = dirname(at)) {
    yield at;
    if (dirname(at) === at) return;
  }
}
