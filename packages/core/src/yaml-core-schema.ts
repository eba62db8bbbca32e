/**
 * YAML 1.2's core schema for plain scalars (https://yaml.org/spec/1.2.2/#1023-core-schema), as the
 * `yaml` package reads it: the one place both of docgen's YAML readers (js-yaml's types, the
 * line reader of positions) take it from.
 */
export const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
export const CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;

/** The value of a plain scalar CORE_INT matches. */
export function coreInt(text: string): number {
  if (text.startsWith('0o')) return parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
  return Number(text);
}

/** The value of a plain scalar CORE_FLOAT matches. */
export function coreFloat(text: string): number {
  if (/\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  if (/\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return parseFloat(text);
}

/** The value of a plain (unquoted, untagged) scalar: null, a boolean, a number, else the text. */
export function coreScalar(text: string): unknown {
  if (CORE_NULL.test(text)) return null;
  if (CORE_TRUE.test(text)) return true;
  if (CORE_FALSE.test(text)) return false;
  if (CORE_INT.test(text)) return coreInt(text);
  if (CORE_FLOAT.test(text)) return coreFloat(text);
  return text;
}
