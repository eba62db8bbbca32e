#!/usr/bin/env node
import { execute } from '../dist/bundle/docgen.js';

await execute({ dir: import.meta.url });
// The command is done (a long-running one, like `sandbox start`, returns only when stopped): exit
// once stdout and stderr have taken what was written, instead of waiting for Node to tear a large
// heap down piece by piece (~15 ms of a big run). The exit code is what oclif set.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit();
