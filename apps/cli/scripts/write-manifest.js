#!/usr/bin/env node
// Writes oclif.manifest.json from the built commands, so `docgen --help` and flag parsing read one
// JSON file instead of importing every command module at start-up. Runs after `tsc -b` (root
// `npm run build`, which `prepare` and `pretest` call); a stale manifest would hide new flags.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, isRoot: true });
await plugin.load();
await writeFile(join(root, 'oclif.manifest.json'), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
console.log(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`);
