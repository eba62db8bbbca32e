/**
 * A YAML body's example written as YAML text: shown and sent as the body it is, so text that does
 * not parse is said, as JSON text is (json-text.ts).
 */
import { yamlTextError, type Diagnostic } from '@docgen/core';
import { unparsedExampleMessage } from './example-text.js';

/**
 * The warning for a YAML body's example written as a string that is no YAML: where, and what is
 * wrong at which line and column of the example. Undefined when it parses; `where` is asked only
 * then, as for JSON text.
 */
export function brokenYamlExample(
  example: unknown,
  where: () => Pick<Diagnostic, 'location' | 'excerpt'>,
): Diagnostic | undefined {
  if (typeof example !== 'string') return undefined;
  const error = yamlTextError(example);
  if (!error) return undefined;
  return {
    code: 'DG_OPENAPI_EXAMPLE_YAML',
    severity: 'warning',
    message: unparsedExampleMessage('YAML', example, { ...error, reason: error.message }),
    ...where(),
    hint: 'fix the YAML there (indentation, a missing colon, quote or bracket); or write the example as YAML data instead of a string, which the spec parser checks',
  };
}
