import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDocgenError, type DocgenError } from '@docgen/core';

/** The repository root (this file lives at tools/test-support/{src,dist}/index.*). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `../shared` beside the clone (CI lays it there), or `$DOCGEN_SHARED`.
 * Undefined when absent: a user's clone has none, and tests that need it skip.
 */
export function sharedDir(): string | undefined {
  const dir = process.env.DOCGEN_SHARED ?? join(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : undefined;
}

/**
 * The path of a file under ../shared, or undefined after printing why the caller will skip.
 * Use as: `const spec = sharedFile('corpus/openapi/bitbucket.json'); (spec ? it : it.skip)(…)`.
 */
export function sharedFile(relative: string): string | undefined {
  const dir = sharedDir();
  const file = dir && join(dir, relative);
  if (file && existsSync(file)) return file;
  console.log(`skipping tests that need ../shared/${relative}: not found (set DOCGEN_SHARED or clone beside shared/)`);
  return undefined;
}

/** No Confluence settings from the machine running the tests: a publish goes to the embedded sandbox. */
export const NO_CONFLUENCE_ENV: Readonly<Record<string, string>> = {
  CONFLUENCE_URL: '',
  CONFLUENCE_USER: '',
  CONFLUENCE_EMAIL: '',
  CONFLUENCE_API_TOKEN: '',
  CONFLUENCE_ACCESS_TOKEN: '',
  CONFLUENCE_SPACE_KEY: '',
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real, built CLI (`apps/cli/bin/run.js`) the way a user would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      process.execPath,
      [join(repoRoot, 'apps', 'cli', 'bin', 'run.js'), ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/**
 * The DocgenError a promise rejects with; fails the test if it resolves or rejects with anything
 * else, so assertions can then look at the error's code, location and hint.
 */
export async function docgenFailure(promise: Promise<unknown>): Promise<DocgenError> {
  try {
    await promise;
  } catch (error) {
    if (isDocgenError(error)) return error;
    throw error;
  }
  throw new Error('expected a DocgenError');
}
export * from './spec-coverage.js';
