// What the sweeps (tools/bench/*/sweep.mjs) share: their command line (a folder of inputs first,
// then `--name value` options; the usage when the folder is missing) and running one input.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { clearTimeout, setTimeout } from 'node:timers';

export function sweepArgs(usage) {
  const folder = process.argv[2];
  if (!folder || !existsSync(folder)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : process.argv[index + 1];
  };
  return { folder, option };
}

/**
 * Runs `node <args>` and collects what a sweep judges: exit code (or the signal that ended it),
 * wall milliseconds, stdout and stderr. Killed after `timeoutMs`.
 */
export function runCaptured(args, { cwd, env = process.env, timeoutMs }) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? signal, ms: Date.now() - started, stdout, stderr });
    });
  });
}
