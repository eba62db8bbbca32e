#!/usr/bin/env node
// The CLI runs from a bundle built at install (`npm install` runs `prepare`); a checkout whose build
// is missing or half-written gets a sentence saying so, not a module-resolution stack trace.
const bundle = new URL('../dist/bundle/docgen.js', import.meta.url);
const { execute } = await import(bundle.href).catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(
    `docgen is not built (${error.message.split('\n')[0]}).\n  → run \`npm run build\` (or \`npm install\`) in the docgen checkout, then try again\n`,
  );
  process.exit(1);
});

await execute({ dir: import.meta.url });
// The command is done (a long-running one, like `sandbox start`, returns only when stopped): exit
// once stdout and stderr have taken what was written, instead of waiting for Node to tear a large
// heap down piece by piece (~15 ms of a big run). The exit code is what oclif set.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit();
