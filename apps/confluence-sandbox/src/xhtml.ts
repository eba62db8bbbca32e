import { XMLValidator } from 'fast-xml-parser';
import { decodeHTMLStrict } from 'entities';
import { ApiError } from './errors.js';

const WRAPPER_OPEN = '<ac:confluence>';
const WRAPPER_CLOSE = '</ac:confluence>';

/**
 * Storage format is an XHTML fragment: well-formed XML with undeclared `ac:`/`ri:` prefixes
 * and HTML named entities. Confluence rejects anything else with `Error parsing xhtml: …`;
 * so do we, with the row and column the way its StAX parser reports them.
 */
export function checkStorageXhtml(value: string): void {
  if (value.trim() === '') return;
  const result = XMLValidator.validate(WRAPPER_OPEN + value + WRAPPER_CLOSE, { allowBooleanAttributes: false });
  if (result !== true) {
    const { msg, line, col } = result.err;
    const column = line === 1 ? Math.max(1, col - WRAPPER_OPEN.length) : col;
    const message = msg
      .replace(/'ac:confluence'/g, 'end of document')
      .replace(
        /line 1, col (\d+)/g,
        (_all: string, c: string) => `line 1, col ${Math.max(1, Number(c) - WRAPPER_OPEN.length)}`,
      );
    throw xhtmlError(message, line, column);
  }
  const unknown = findUndeclaredEntity(value);
  if (unknown) throw xhtmlError(`Undeclared general entity "${unknown.name}"`, unknown.line, unknown.col);
}

function xhtmlError(message: string, line: number, col: number): ApiError {
  return new ApiError(400, `Error parsing xhtml: ${message}\n at [row,col {unknown-source}]: [${line},${col}]`);
}

/** Named references must be XML's five or HTML's; anything else is undeclared. */
function findUndeclaredEntity(value: string): { name: string; line: number; col: number } | undefined {
  const pattern = /&([A-Za-z][A-Za-z0-9]*);/g;
  let cdataRanges: Array<[number, number]> | undefined;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const name = match[1]!;
    if (decodeHTMLStrict(`&${name};`) !== `&${name};`) continue;
    cdataRanges ??= [...value.matchAll(/<!\[CDATA\[[\s\S]*?\]\]>/g)].map((m) => [m.index!, m.index! + m[0].length]);
    if (cdataRanges.some(([start, end]) => match!.index >= start && match!.index < end)) continue;
    const before = value.slice(0, match.index).split('\n');
    return { name, line: before.length, col: before[before.length - 1]!.length + 1 };
  }
  return undefined;
}
