#!/usr/bin/env node
import { execute } from '../dist/bundle/docgen.js';

await execute({ dir: import.meta.url });
