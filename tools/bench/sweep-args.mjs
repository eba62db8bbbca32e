// The sweeps' command line (tools/bench/*/sweep.mjs): a folder of inputs first, then `--name value`
// options. Exits with the usage when the folder is missing.
import { existsSync } from 'node:fs';

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
