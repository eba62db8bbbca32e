import type { Diagnostic } from '@docgen/core';

/** A warning as every command's `--json` lists it: what a person reads on stderr, as fields. */
export interface WarningJson {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

/**
 * The next step (hint) included: a CI bot posting these on a pull request had the problem without
 * what to do about it.
 */
export function warningJson(warning: Diagnostic): WarningJson {
  return {
    code: warning.code,
    message: warning.message,
    file: warning.location?.file,
    line: warning.location?.line,
    ...(warning.location?.column !== undefined ? { column: warning.location.column } : {}),
    ...(warning.hint ? { hint: warning.hint } : {}),
  };
}
