/** Real Markdown nobody wrote for us: the READMEs and docs of the installed packages. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Markdown files in package folders (not their tests), up to 512 KB each, in a stable order. */
export function installedMarkdown(dir: string, depth = 0, found: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth < 6 && !/^(?:test|tests|__tests__|fixtures?|\.bin|\.cache)$/.test(entry.name)) {
      installedMarkdown(path, depth + 1, found);
    } else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name) && statSync(path).size < 512 * 1024) {
      found.push(path);
    }
  }
  return found;
}
