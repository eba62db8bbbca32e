/**
 * Parameters every operation of an API (or of a tag's page) takes, listed once instead of in each
 * operation's table: Google's specs declare the same 11 standard query parameters (`$.xgafv`,
 * `access_token`, `alt` … `uploadType`) on every path, so each table repeated them above the
 * operation's own.
 */
import type { Operation, Parameter } from './model.js';

/**
 * At least this many operations must share the parameters. Below it a page shows every table
 * within a screen or two, and the list of shared parameters (a heading, a table, a line in each
 * operation) would be about as long as the rows it saves: two operations sharing a header stay as
 * they are.
 */
export const MIN_OPERATIONS = 5;

/**
 * At least this many parameters must be shared. One shared parameter is one row in each table:
 * listing it apart trades that row for a line that points to it, saving nothing, and takes it out
 * of the table the reader reads (Azure's required `api-version`).
 */
export const MIN_PARAMETERS = 2;

export interface CommonParameters {
  parameters: Parameter[];
  /** Each one's identity (see `parameterKey`), to leave it out of an operation's table. */
  keys: Set<string>;
}

/**
 * Each parameter's key, made once: the API's, each tag's and each operation's table ask again for
 * the same parameters, and a key is the JSON of all the parameter shows (its schema, its example).
 * The model is not changed once extracted, so a key stays right.
 */
const keys = new WeakMap<Parameter, string>();

/**
 * What makes two operations' parameters the same one: everything the page shows of it (name,
 * location, type, description, constraints, example), whether it comes from one `$ref` or is written
 * alike on each path. Where it was declared (the path item or the operation) is no part of it.
 */
export function parameterKey(parameter: Parameter): string {
  let key = keys.get(parameter);
  if (key === undefined) {
    const { shared: _where, ...shown } = parameter;
    keys.set(parameter, (key = JSON.stringify(shown)));
  }
  return key;
}

/**
 * The parameters every one of `operations` takes (in the first one's order), when there are enough
 * of both to be worth listing once (`MIN_OPERATIONS`, `MIN_PARAMETERS`); undefined otherwise. A path
 * parameter is never one: it is part of the operation's path. `taken`: those already listed
 * elsewhere (the API's, when a tag's are sought).
 */
export function commonParameters(
  operations: Operation[],
  taken: ReadonlySet<string> = new Set(),
): CommonParameters | undefined {
  if (operations.length < MIN_OPERATIONS) return undefined;
  const keysOf = operations.map((operation) => new Set(operation.parameters.map(parameterKey)));
  const common = operations[0]!.parameters.filter((parameter) => {
    const key = parameterKey(parameter);
    return parameter.in !== 'path' && !taken.has(key) && keysOf.every((keys) => keys.has(key));
  });
  if (common.length < MIN_PARAMETERS) return undefined;
  return { parameters: common, keys: new Set(common.map(parameterKey)) };
}
