/**
 * Functions an app, a router or a response is handed to (`loadRoutes(app, '/api')`,
 * `sendSuccess(res, data, 201)`): the values their parameters stand for at each call.
 */
import type { CallExpression, Node as TsNode, PropertyAccessExpression, Identifier } from 'ts-morph';
import { property, unwrap } from './code-shapes.js';
import { type FunctionNode, type TsMorph, isFunctionLike } from './syntax.js';

/**
 * A function an app, a router or a response was handed to (`loadRoutes(app, '/api')`,
 * `sendSuccess(res, data, 201)`): the call that hands it, and the handing that call is in, if any.
 */
export interface Handing {
  call: CallExpression;
  fn: FunctionNode;
  outer?: Handing;
}

/** A function that answers for a handler (`Modules.answering`), and how the response was handed to it: none for the handler itself. */
export interface Answerer {
  fn: TsNode;
  handing?: Handing;
}

/** Whether `fn` is already on the way to a handing (a helper that calls itself). */
export function handedThrough(handing: Handing | undefined, fn: TsNode): boolean {
  for (let at = handing; at; at = at.outer) if (at.fn === fn) return true;
  return false;
}

/**
 * What `node`, written in the function a handing leads to, stands for where it is one of the parameters
 * of the functions on the way (`handedArgument`): what the calls give, followed out to where the value
 * is written (`loadRoutes(app, prefix)` in `setup(app, '/api')`: `'/api'`); else `node` itself.
 */
export function handedValue(ts: TsMorph, handing: Handing | undefined, node: TsNode): TsNode {
  let value = node;
  for (let at = handing; at; at = at.outer) {
    const found = handedArgument(ts, at.fn, at.call, value);
    if (!found) continue;
    value = found.value;
    if (!found.fromCall) break; // a default, written in the function itself
  }
  return value;
}

/**
 * What `call` hands function `fn` for `node`, an expression in `fn` that is one of its parameters
 * (`prefix` of `loadRoutes(app, prefix)`, `statusCode` of `sendSuccess(res, data, statusCode = 200)`),
 * a key of one (`options.prefix`, `payload.statusCode`), or a name destructured from one
 * (`({ prefix }) => …`): the argument, or its key where the call writes an object literal
 * (`{ prefix: '/api' }`), `fromCall` (read where the call is); else the parameter's (or binding's)
 * default, `prefix = '/api'`, read in `fn`. Undefined when `node` is none of `fn`'s parameters, or the
 * call gives no value docgen can see and there is no default.
 */
export function handedArgument(
  ts: TsMorph,
  fn: FunctionNode,
  call: CallExpression,
  node: TsNode,
): { value: TsNode; fromCall: boolean } | undefined {
  const value = unwrap(ts, node);
  const key = ts.Node.isPropertyAccessExpression(value) ? value.getName() : undefined;
  const name = key === undefined ? value : unwrap(ts, (value as PropertyAccessExpression).getExpression());
  if (!ts.Node.isIdentifier(name) || parameterOwner(ts, name) !== fn) return undefined;
  const parameters = fn.getParameters();
  const index = parameters.findIndex((parameter) => bindsName(ts, parameter.getNameNode(), name.getText()));
  const parameter = parameters[index];
  if (!parameter || parameter.isRestParameter()) return undefined;
  const pattern = parameter.getNameNode();
  const element = ts.Node.isObjectBindingPattern(pattern)
    ? pattern.getElements().find((each) => each.getName() === name.getText())
    : undefined;
  // `({ prefix })`: the key it is destructured from; `options.prefix`: the key read.
  const wanted = element ? (element.getPropertyNameNode()?.getText() ?? name.getText()) : key;
  const given = call.getArguments()[index];
  const fallback = (element ?? (key === undefined ? parameter : undefined))?.getInitializer();
  if (!given) return fallback && { value: fallback, fromCall: false };
  if (wanted === undefined) return { value: given, fromCall: true };
  const object = unwrap(ts, given);
  const held = ts.Node.isObjectLiteralExpression(object) ? property(ts, object, wanted) : undefined;
  if (held) return { value: held, fromCall: true };
  return fallback && ts.Node.isObjectLiteralExpression(object) ? { value: fallback, fromCall: false } : undefined;
}

/** The function whose parameter a name is, where it is used (the nearest that declares it); undefined for any other name. */
export function parameterOwner(ts: TsMorph, name: Identifier): FunctionNode | undefined {
  for (let scope: TsNode | undefined = name.getParent(); scope; scope = scope.getParent()) {
    if (
      (isFunctionLike(ts, scope) || ts.Node.isConstructorDeclaration(scope)) &&
      (scope as FunctionNode).getParameters().some((each) => bindsName(ts, each.getNameNode(), name.getText()))
    )
      return scope as FunctionNode;
  }
  return undefined;
}

/** Whether a parameter's name binds `name`: `prefix`, or `{ prefix }` / `{ base: prefix }` one level deep. */
export function bindsName(ts: TsMorph, node: TsNode, name: string): boolean {
  if (ts.Node.isIdentifier(node)) return node.getText() === name;
  return ts.Node.isObjectBindingPattern(node) && node.getElements().some((element) => element.getName() === name);
}
