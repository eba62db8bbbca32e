/**
 * Validators of docgen's own JSON Schemas (the config, the built-in plugins' options, the runbook
 * files), keyed by the schema's JSON. `tools/precompile-validators.js` replaces this module's
 * build output after `tsc -b` with Ajv's standalone code for each, so a run does not load and run
 * Ajv's compiler for them (~35 ms of every command). As tsc writes it, it holds none: every
 * schema is then compiled at run time, with the same result.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';

export const validators: Record<string, ValidateFunction> = {};
