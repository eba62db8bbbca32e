import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToStorageOptions } from '../src/index.js';

/** A fixture's `options.json`: resolver answers as plain maps. */
export interface FixtureOptions {
  dialect?: 'cloud' | 'datacenter';
  pages?: Record<string, string>;
  attachments?: Record<string, string>;
  anchors?: Record<string, string>;
}

export function toOptions(fixture: FixtureOptions): ToStorageOptions {
  return {
    dialect: fixture.dialect,
    resolvePageTitle: fixture.pages ? (href) => fixture.pages![href] : undefined,
    resolveAttachment: fixture.attachments ? (src) => fixture.attachments![src] : undefined,
    resolveAnchor: fixture.anchors ? (href, fragment) => fixture.anchors![`${href}#${fragment}`] : undefined,
  };
}

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Every golden fixture with an input.md: its name, Markdown and converter options. */
export function goldenInputs(): Array<{ name: string; markdown: string; options: ToStorageOptions }> {
  return readdirSync(fixturesDir)
    .filter((name) => existsSync(join(fixturesDir, name, 'input.md')))
    .sort()
    .map((name) => {
      const optionsFile = join(fixturesDir, name, 'options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as FixtureOptions) : {};
      return { name, markdown: readFileSync(join(fixturesDir, name, 'input.md'), 'utf8'), options: toOptions(options) };
    });
}
