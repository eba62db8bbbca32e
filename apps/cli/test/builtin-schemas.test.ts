import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import {
  BUILTIN_PLUGINS,
  configSchema,
  DocgenError,
  loadPlugin,
  SCHEMA_VALIDATOR_OPTIONS,
  validateAgainstSchema,
} from '@docgen/core';
import { entitySchema, runbookSchema } from '@docgen/source-runbook';
import { repoRoot } from '@docgen/test-support';

/**
 * A run validates options and files without checking docgen's own schemas against the JSON Schema
 * meta-schema (compiling it costs a cold start ~80 ms); this is where they are checked instead,
 * through the same check an in-house plugin's schema gets.
 */
function schemaProblem(schema: Record<string, unknown>): string | undefined {
  try {
    validateAgainstSchema(schema, {}, { what: 'a test value', checkSchema: true });
  } catch (error) {
    if (error instanceof DocgenError && error.code === 'DG_SCHEMA_INVALID') return error.message;
  }
  return undefined; // valid, whether or not `{}` was
}

describe("docgen's own schemas", () => {
  it('the check finds an invalid schema', () => {
    expect(schemaProblem({ type: 'object', properties: { a: { type: 'text' } } })).toContain(
      'schema/properties/a/type',
    );
  });

  it.each(Object.keys(BUILTIN_PLUGINS))('built-in plugin "%s" has a valid options schema', async (name) => {
    const { source } = await loadPlugin(name, repoRoot);
    expect(source.optionsSchema).toMatchObject({ type: 'object' });
    expect(schemaProblem(source.optionsSchema)).toBeUndefined();
  });

  it('the runbook files are validated against valid schemas', () => {
    expect(schemaProblem(entitySchema)).toBeUndefined();
    expect(schemaProblem(runbookSchema)).toBeUndefined();
  });
});

/**
 * The build compiles docgen's own schemas ahead of time (tools/precompile-validators.js), so a run
 * validates them without Ajv's compiler. Each precompiled validator must be there, and must answer
 * exactly as Ajv compiling the schema at run time does: validity, errors and defaults filled in.
 */
describe("docgen's own schemas, compiled at build time", () => {
  const precompiledModule = join(repoRoot, 'packages', 'core', 'dist', 'precompiled-validators.js');
  type Validate = ((value: unknown) => boolean) & { errors?: unknown };

  async function schemasAndValidators() {
    const { validators } = (await import(pathToFileURL(precompiledModule).href)) as {
      validators: Record<string, Validate>;
    };
    const schemas: Array<[string, Record<string, unknown>]> = [['config', configSchema]];
    for (const name of Object.keys(BUILTIN_PLUGINS)) {
      const { source } = await loadPlugin(name, repoRoot);
      schemas.push([`${name} options`, source.optionsSchema]);
    }
    schemas.push(['runbook entity', entitySchema], ['runbook file', runbookSchema]);
    return { validators, schemas };
  }

  it('has a validator for the config, every built-in plugin and the runbook files', async () => {
    const { validators, schemas } = await schemasAndValidators();
    const missing = schemas.filter(([, schema]) => !validators[JSON.stringify(schema)]).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('answers as Ajv compiling the schema at run time does', async () => {
    const { validators, schemas } = await schemasAndValidators();
    // core's own Ajv, the one it validates with at run time
    const { Ajv2020 } = createRequire(join(repoRoot, 'packages', 'core', 'package.json'))('ajv/dist/2020.js') as {
      Ajv2020: new (options: object) => { compile(schema: object): Validate };
    };
    const ajv = new Ajv2020(SCHEMA_VALIDATOR_OPTIONS);
    const samples = [
      {},
      { spec: 'openapi.yaml' },
      { dir: 'docs/adr', colour: 'blue' },
      {
        sources: [{ plugin: 'openapi', options: { spec: 'a.yaml' }, titlePrefix: 3 }],
        confluence: { concurrency: 99 },
      },
      { out: 'site', sources: [{ plugin: 'adr', linkBase: 'https://docs.example.com' }] },
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'shop' }, spec: { type: 'service' } },
      { service: 'shop', alerts: [{ name: 'HighLatency' }] },
    ];
    let compared = 0;
    for (const [, schema] of schemas) {
      const runtime = ajv.compile(schema);
      const ahead = validators[JSON.stringify(schema)]!;
      for (const sample of samples) {
        const [a, b] = [structuredClone(sample), structuredClone(sample)];
        expect([ahead(a), a, ahead.errors ?? null]).toEqual([runtime(b), b, runtime.errors ?? null]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
