import type { Diagnostic } from '@docgen/core';

/**
 * Where text that is meant to be JSON stops being JSON: what a warning about a broken example
 * points at. `JSON.parse` says where only for some of its errors (Node 20's "Unexpected token '}',
 * … is not valid JSON" gives no position), so the text is scanned, once it has failed to parse.
 */

/** A string that opens like a JSON object or list (`{`, `[`): written as JSON text, meant to parse. */
export function looksLikeJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** Why and where JSON text does not parse (line and column 1-based, within the text); undefined when it parses. */
export function jsonTextError(text: string): { reason: string; line: number; column: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    // The reason without V8's quotation of the whole text (" \"{…}\" is not valid JSON").
    const reason = (error as Error).message
      .replace(/,\s*"[^]*\bis not valid JSON$/, '')
      .replace(/ (?:in JSON )?at position \d+.*$/, '');
    return { reason, line, column: offset - before.lastIndexOf('\n') };
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The offset of the first character where `text` is no longer JSON (its length when it ends too soon). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const matched = (pattern: RegExp) => {
    pattern.lastIndex = i;
    const found = pattern.exec(text);
    if (!found) fail();
    i += found![0].length;
  };
  const string = () => {
    literal('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] !== '\\') i++;
      else if (text[++i] === 'u') {
        i++;
        matched(HEX4);
      } else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
      else fail();
    }
    i++;
  };
  const members = (close: string, member: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      space();
      if (text[i] !== ',') return literal(close);
      i++;
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{')
      return members('}', () => {
        space();
        string();
        space();
        literal(':');
        value();
      });
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    return matched(NUMBER);
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (error) {
    if (error instanceof JsonStop) return error.offset;
    throw error;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
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
  const at = example.trim().includes('\n') ? `line ${error.line}, column ${error.column}` : `column ${error.column}`;
  return {
    code: 'DG_OPENAPI_EXAMPLE_JSON',
    severity: 'warning',
    message: `the example is JSON text that does not parse (${error.reason}, at ${at} of the example): it is shown as the text it is`,
    ...where(),
    hint: 'fix the JSON there; or write the example as YAML/JSON data instead of a string, which the spec parser checks',
  };
}
