import { describe, expect, it } from '@jest/globals';
import { BUILTIN_PLUGINS, DocgenError, loadPlugin, validateAgainstSchema } from '@docgen/core';
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
