import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  BUILTIN_PLUGINS,
  configSchema,
  loadPlugin,
  loadYamlParser,
  parseStructured,
  validateAgainstSchema,
} from '@docgen/core';
import { repoRoot } from '@docgen/test-support';

/**
 * docs/configuration.md against the schemas a run checks a config with: a key added to the config
 * schema or to a built-in plugin's `optionsSchema` and not documented, a documented key that is
 * gone, or a default that changed in one place only, fails here rather than in a reader's config.
 */
const referenceFile = join(repoRoot, 'docs', 'configuration.md');
const reference = readFileSync(referenceFile, 'utf8');

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  default?: unknown;
  minimum?: number;
  deprecated?: boolean;
}

/** A schema's keys a user may still write: deprecated ones are named in the reference's prose, not its example. */
const propertiesOf = (schema: JsonSchema | undefined) =>
  Object.entries(schema?.properties ?? {})
    .filter(([, property]) => !property.deprecated)
    .map(([key]) => key)
    .sort();
const keysOf = (value: unknown) => Object.keys((value ?? {}) as Record<string, unknown>).sort();

/** The reference's annotated example config: its first YAML block. */
function exampleConfig(): Record<string, unknown> {
  const block = /^```yaml\n([^]*?)^```/m.exec(reference)?.[1];
  if (!block) throw new Error(`${referenceFile} has no yaml block`);
  return parseStructured(block, 'docs/configuration.md#example', 'yaml').value as Record<string, unknown>;
}

interface OptionRow {
  type: string;
  default: string;
}

/** The `| option | type | default | what |` table under `### \`<plugin>\`` in "Plugin options". */
function optionTable(plugin: string): Map<string, OptionRow> {
  const section = reference.split(/^### /m).find((part) => part.startsWith(`\`${plugin}\`\n`)) ?? '';
  const rows = new Map<string, OptionRow>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|/.exec(line);
    if (cells) rows.set(cells[1]!, { type: cells[2]!.trim(), default: cells[3]!.trim() });
  }
  return rows;
}

/** How the reference words a schema's type: `string`, `boolean`, `integer (10 or more)`, `list of strings`. */
function typeWords(schema: JsonSchema): string {
  if (schema.type === 'array') return `list of ${schema.items?.type}s`;
  if (schema.type === 'integer' && schema.minimum !== undefined) return `integer (${schema.minimum} or more)`;
  return String(schema.type);
}

describe('docs/configuration.md', () => {
  beforeAll(loadYamlParser);

  it('the example config has every key of the config schema, and is a valid config', () => {
    const example = exampleConfig();
    const schema = configSchema as JsonSchema;
    // $schema is for editors: named in the prose, not worth a line of the example.
    expect(reference).toContain('`$schema`');
    expect(keysOf(example)).toEqual(propertiesOf(schema).filter((key) => key !== '$schema'));
    // A deprecated key is still read (with a warning): the reference says what to use instead.
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (property.deprecated) expect(reference).toContain(`**\`${key}\`**`);
    }
    const [source] = example.sources as unknown[];
    expect(keysOf(source)).toEqual(propertiesOf(schema.properties!.sources!.items));
    expect(keysOf(example.confluence)).toEqual(propertiesOf(schema.properties!.confluence));
    expect(() =>
      validateAgainstSchema(configSchema, example, { what: 'the reference’s example config' }),
    ).not.toThrow();
  });

  it('the example config states the defaults of the config schema', () => {
    const block = /^```yaml\n([^]*?)^```/m.exec(reference)![1]!;
    for (const [key, property] of Object.entries((configSchema as JsonSchema).properties!)) {
      if (property.default === undefined || typeof property.default === 'object') continue;
      expect(block).toMatch(new RegExp(`^${key}: .*# .*\\(default ${property.default}\\)`, 'm'));
    }
  });

  it.each(Object.keys(BUILTIN_PLUGINS))(
    'the "%s" plugin’s options table has each option, its type and its default',
    async (name) => {
      const { source } = await loadPlugin(name, repoRoot);
      const schema = source.optionsSchema as JsonSchema;
      const table = optionTable(name);
      expect([...table.keys()].sort()).toEqual(propertiesOf(schema));
      for (const [option, property] of Object.entries(schema.properties!)) {
        const row = table.get(option)!;
        const required = schema.required?.includes(option) ? ', required' : '';
        expect({ option, type: row.type }).toEqual({ option, type: `${typeWords(property)}${required}` });
        if (property.default !== undefined)
          expect({ option, default: row.default }).toEqual({ option, default: `\`${String(property.default)}\`` });
      }
    },
  );
});
