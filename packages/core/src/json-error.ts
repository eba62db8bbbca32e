import { lineStarts, positionIn } from './text-lines.js';

/**
 * Where text that `JSON.parse` failed on stops being JSON (line and column 1-based): what a syntax
 * error in a JSON file, or a warning about an example written as JSON text, points at. V8 says
 * where for most errors (`… in JSON at position 12`), at the very character (the `}` after `1.`);
 * not for an unexpected token in Node 20 (`Unexpected token '}', "…" is not valid JSON`) nor for
 * text that ends too soon, and then the text is scanned.
 */
export function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  // At the end: an unexpected token's message quotes the text, which may say "position 3" itself.
  const stated = / at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(error.message)?.[1];
  const offset = stated === undefined ? scannedErrorOffset(text) : Number(stated);
  return positionIn(lineStarts(text), offset);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The offset of the first character where `text` is no longer JSON (its length when it ends too soon). */
function scannedErrorOffset(text: string): number {
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
