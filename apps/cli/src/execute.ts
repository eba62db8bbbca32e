import { fileURLToPath } from 'node:url';
import { Config, execute as oclifExecute, settings } from '@oclif/core';

/** What `docgen --version --json` prints. */
export interface VersionJson {
  name: string;
  version: string;
  node: string;
  platform: string;
  arch: string;
}

/**
 * oclif's `execute`, but `docgen --version --json` answers JSON as every other `--json` does:
 * oclif handles --version before any command or hook could, and printed its plain
 * `@docgen/cli/0.1.0 linux-x64 node-v20…` line, which a tool reading stdout as JSON failed on.
 */
export async function execute(options: { dir: string; args?: string[] }): Promise<unknown> {
  // docgen runs its compiled bundle only. Under NODE_ENV=development or test oclif would look for
  // TypeScript sources to run instead, and in an install without the typescript package it warned
  // "Could not find typescript" on every command.
  settings.enableAutoTranspile = false;
  const argv = options.args ?? process.argv.slice(2);
  if (!asksVersionJson(argv)) return oclifExecute(options);
  // bin/run.js passes its import.meta.url, which oclif's run turns into a path the same way.
  const config = await Config.load(options.dir.startsWith('file:') ? fileURLToPath(options.dir) : options.dir);
  const answer: VersionJson = {
    name: config.name,
    version: config.version,
    node: process.version,
    platform: config.platform,
    arch: config.arch,
  };
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  return answer;
}

/** `--version` first (what oclif answers, whatever follows) with `--json`, or `--json --version`. */
function asksVersionJson(argv: string[]): boolean {
  const [first, second] = argv;
  return (first === '--version' && argv.includes('--json')) || (first === '--json' && second === '--version');
}
