import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Every folder the extractor lists, counted: wrapped before the plugin is imported, so that the
// plugin's `readdirSync` is this one.
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const listed: string[] = [];
const readdirSync = fs.readdirSync;
fs.readdirSync = ((dir: string, ...rest: unknown[]) => {
  listed.push(String(dir));
  return (readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
}) as typeof fs.readdirSync;
const { extractAdrs } = await import('@docgen/source-adr');

/** A log with categories nested two deep, decision folders and a folder of notes: every way a folder is asked about. */
async function nestedLog(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-adr-listing-'));
  const files: Record<string, string> = {
    '0001-use-madr.md': '# Use MADR\n\n- Status: accepted\n',
    'backend/0001-use-postgres.md': '# Use Postgres\n\n- Status: accepted\n',
    'backend/payments/0001-use-stripe.md': '# Use Stripe\n\n- Status: accepted\n',
    'backend/payments/0002-retry/README.md': '# Retry payments\n\n- Status: proposed\n',
    'frontend/0001-use-react/README.md': '# Use React\n\n- Status: accepted\n',
    'frontend/0001-use-react/notes/README.md': '# Notes\n',
    'notes/README.md': '# Notes about the log\n',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('reading the ADR folder', () => {
  it('lists each folder once per run, however many folders ask about it', async () => {
    const dir = await nestedLog();
    listed.length = 0;
    const model = extractAdrs(dir);
    expect(model.categories!.map((category) => category.name)).toEqual(['backend', 'backend/payments', 'frontend']);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((folder, i) => listed.indexOf(folder) !== i)).toEqual([]);
  });

  it('lists them again on the next run, which sees the files as they are then', async () => {
    const dir = await nestedLog();
    expect(extractAdrs(dir).records).toHaveLength(1);
    await writeFile(join(dir, '0002-use-adr-tools.md'), '# Use adr-tools\n\n- Status: proposed\n');
    listed.length = 0;
    expect(extractAdrs(dir).records.map((record) => record.title)).toEqual(['Use MADR', 'Use adr-tools']);
    expect(listed).toContain(dir);
  });
});
