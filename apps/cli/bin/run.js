#!/usr/bin/env node
// The CLI runs from a bundle built at install (`npm install` runs `prepare`); a checkout whose build
// is missing gets a sentence saying so, not a stack trace.
import { asksForHelp, loadBundle } from './load-bundle.js';

let loaded;
try {
  loaded = loadBundle({ job: asksForHelp(process.argv.slice(2)) ? 'help' : 'main' });
} catch (error) {
  if (!['ENOENT', 'MODULE_NOT_FOUND'].includes(error?.code) || !error.message.includes('docgen.cjs')) throw error;
  process.stderr.write(
    `docgen is not built (${error.message.split('\n')[0]}).\n  → run \`npm run build\` (or \`npm install\`) in the docgen checkout, then try again\n`,
  );
  process.exit(1);
}

await loaded.exports.execute({ dir: import.meta.url });
// Run under a Node or flags the install's caches were not made for: leave one for the next run.
loaded.learnCodeCache();
// The command is done (a long-running one, like `sandbox start`, returns only when stopped): exit
// once stdout and stderr have taken what was written, instead of waiting for Node to tear a large
// heap down piece by piece (~15 ms of a big run). The exit code is what oclif set.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit();
