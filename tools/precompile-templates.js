#!/usr/bin/env node
// Precompiles the Handlebars templates of every package with a templates/ folder (the plugins'
// defaults) into templates/precompiled.cjs, after `tsc -b` (root `npm run build`, which `prepare`
// runs): a cold run then skips compiling them. A template edited since is compiled from its text.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompileTemplates } from '@docgen/core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(repo, group)).map((name) => join(repo, group, name, 'templates')))
  .filter((dir) => existsSync(dir));
const count = folders.reduce((sum, dir) => sum + precompileTemplates(dir).length, 0);
console.log(`precompiled ${count} templates in ${folders.map((dir) => relative(repo, dir)).join(', ')}`);
