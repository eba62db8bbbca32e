/**
 * The one wording of the warning for an example written as text (JSON or YAML) that its parser
 * does not read (json-text.ts, yaml-text.ts): what is wrong, and where in the example.
 */

/** Why a parser stopped in a text, and where (line and column 1-based, within the text). */
export interface TextError {
  reason: string;
  line: number;
  column: number;
}

/** The message of the warning for `example`, written as `language` text, that stops at `error`. */
export function unparsedExampleMessage(language: 'JSON' | 'YAML', example: string, error: TextError): string {
  return `the example is ${language} text that does not parse (${error.reason}, at ${placeIn(example, error)} of the example): it is shown as the text it is`;
}

/**
 * Where `error` is in `example`: its column on an example of one line, its line and column on one
 * of several, and the end past its last line, where an unclosed bracket or quote is found (after
 * the newline a block scalar, `|`, ends the text with), at a line the example does not have.
 */
function placeIn(example: string, { line, column }: TextError): string {
  if (line > example.trimEnd().split('\n').length) return 'the end';
  return example.trim().includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}
