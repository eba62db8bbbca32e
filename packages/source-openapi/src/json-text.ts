import { jsonErrorPosition, type Diagnostic } from '@docgen/core';
import { unparsedExampleMessage, type TextError } from './example-text.js';

/** A string that opens like a JSON object or list (`{`, `[`): written as JSON text, meant to parse. */
export function looksLikeJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** Why and where JSON text does not parse (line and column 1-based, within the text); undefined when it parses. */
export function jsonTextError(text: string): TextError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    // The reason without V8's quotation of the whole text (" \"{…}\" is not valid JSON").
    const reason = (error as Error).message
      .replace(/,\s*"[^]*\bis not valid JSON$/, '')
      .replace(/ (?:in JSON )?at position \d+.*$/, '');
    return { reason, line, column };
  }
}

/**
 * The warning for an example written as JSON text (a string opening with `{` or `[`, where the
 * data is an object or a list) that does not parse: where, and what is wrong at which line and
 * column of the example. Undefined when it is no such text, or it parses; `where` is asked only
 * then (locating a pointer in a 2 MB spec is a scan of its text, and most examples are fine).
 */
export function brokenJsonExample(
  example: unknown,
  where: () => Pick<Diagnostic, 'location' | 'excerpt'>,
): Diagnostic | undefined {
  if (typeof example !== 'string' || !looksLikeJsonText(example)) return undefined;
  const error = jsonTextError(example);
  if (!error) return undefined;
  return {
    code: 'DG_OPENAPI_EXAMPLE_JSON',
    severity: 'warning',
    message: unparsedExampleMessage('JSON', example, error),
    ...where(),
    hint: 'fix the JSON there; or write the example as YAML/JSON data instead of a string, which the spec parser checks',
  };
}
