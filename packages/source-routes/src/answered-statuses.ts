/**
 * The statuses a handler answers with: those it sets with a literal, those of the errors it raises, those
 * the helpers it hands its response to set (with the values each call gives), and the framework's own where
 * it sends without setting one.
 */
import type { Node as TsNode } from 'ts-morph';
import { unwrap } from './code-shapes.js';
import { type Answerer, type Handing, handedValue, handedArgument, parameterOwner, bindsName } from './handing.js';
import { type ResponseStyle, statusSetBefore, implicitStatusesIn } from './implicit.js';
import type { Route } from './model.js';
import { type Modules } from './modules.js';
import {
  type TsMorph,
  type StatusSlots,
  errorStatusesIn,
  statusArgumentsIn,
  statusCodes,
  computedStatus,
  type FunctionNode,
  unwrapParentheses,
  localConst,
  shortText,
  inside,
} from './syntax.js';

/**
 * A route's statuses: the HTTP status codes among what its handler's literals say (`httpStatuses`),
 * and those it computes at run time, as written (`computedStatusesIn`), when there are any.
 */
export function statusFields(
  codes: Iterable<number>,
  computed: string[],
): Pick<Route, 'statuses' | 'computedStatuses'> {
  return computed.length
    ? { statuses: httpStatuses(codes), computedStatuses: computed }
    : { statuses: httpStatuses(codes) };
}

/**
 * A route's statuses, over the functions that answer for its handler (`Modules.answering`: itself and
 * the project's functions it hands its response, the parameter at `responseAt`, to): the literals
 * `literal` reads in each (the framework's own setters), and what each computes in the framework's `slots`.
 * `part`: the part of the handler that runs for the route, where only a branch of it does (a middleware's
 * `if (req.path === '/health') …` of several paths): only what it and the helpers called there answer.
 */
export function answeredStatuses(
  ts: TsMorph,
  modules: Modules,
  handler: TsNode,
  responseAt: number,
  literal: (fn: TsNode) => number[],
  slots: StatusSlots,
  style?: ResponseStyle,
  part?: TsNode,
): Pick<Route, 'statuses' | 'computedStatuses'> {
  const codes: number[] = [];
  const computed = new Set<string>();
  const responses = new Map<TsNode, string | undefined>();
  for (const answerer of modules.answering(handler, responseAt)) {
    if (part && !calledIn(answerer, part)) continue;
    // What runs of the function: the handler's `part`, a helper's whole body.
    const own = answerer.handing ? undefined : part;
    const read = own ?? answerer.fn;
    const response = responseName(ts, answerer, responses, handler, responseAt);
    responses.set(answerer.fn, response);
    if (style) codes.push(...implicitOf(ts, answerer, read, response, responses, handler, style));
    // What the helper states itself, `literal` reads as its framework reads it; but a fallback of a
    // status it is handed (`res.status(code ?? 200)`) is its status only where a call leaves it out.
    const handedFallbacks = new Set<number>();
    const stated = new Set<number>(errorStatusesIn(ts, read, modules.errorClassStatus));
    // The errors of the project's services the handler calls, and those of the functions it hands its
    // response to (`(req, res, next) => controller.create(req, res, next)`: the method is the handler).
    codes.push(...modules.serviceErrorStatuses(answerer.fn, own));
    for (const node of statusArgumentsIn(ts, read, slots, modules.errorClassStatus)) {
      const read = answerer.handing
        ? handedStatus(ts, answerer.handing, node, (value) => modules.statusOf(value))
        : undefined;
      if (read?.handed) {
        // `res.status(statusCode)` in a helper: the status each call gives it (`sendSuccess(res, data, 201)`).
        codes.push(...read.codes);
        for (const shown of read.computed) computed.add(shown);
        for (const code of statusCodes(ts, node)) handedFallbacks.add(code);
        continue;
      }
      // `res.status(HttpStatusCodes.OK)` with the project's own table of statuses (express-generator-typescript).
      const named = statusCodes(ts, node).length ? undefined : modules.statusOf(node);
      if (named !== undefined) {
        stated.add(named);
        codes.push(named);
        continue;
      }
      for (const code of statusCodes(ts, node)) stated.add(code);
      const shown = computedStatus(ts, node);
      if (shown) computed.add(shown);
    }
    codes.push(...literal(read).filter((code) => !handedFallbacks.has(code) || stated.has(code)));
  }
  return statusFields(codes, [...computed]);
}

/** Whether a function answering for a handler is the handler, or reached from a call in `part` of it. */
function calledIn(answerer: Answerer, part: TsNode): boolean {
  let first = answerer.handing;
  while (first?.outer) first = first.outer;
  return !first || inside(part, first.call);
}

/**
 * The name the response goes by in a function that answers for a handler: the handler's parameter at
 * `responseAt`; in a helper, the parameter the handing call gives it in (`reply` of `ok(reply, data)`
 * called as `ok(res, user)`).
 */
function responseName(
  ts: TsMorph,
  answerer: Answerer,
  responses: Map<TsNode, string | undefined>,
  handler: TsNode,
  responseAt: number,
): string | undefined {
  const parameters = (fn: TsNode) => (fn as FunctionNode).getParameters?.() ?? [];
  if (!answerer.handing) return parameters(answerer.fn)[responseAt]?.getName();
  const caller = answerer.handing.outer?.fn ?? handler;
  const given = responses.get(caller);
  const at = answerer.handing.call.getArguments().findIndex((arg) => given !== undefined && arg.getText() === given);
  return at >= 0 ? parameters(answerer.fn)[at]?.getName() : undefined;
}

/**
 * The statuses a function that answers for a handler sends without naming them (`implicitStatusesIn`):
 * none in a helper its caller set a status for before handing it the response (`res.status(201); ok(res, data)`).
 */
function implicitOf(
  ts: TsMorph,
  answerer: Answerer,
  read: TsNode,
  response: string | undefined,
  responses: Map<TsNode, string | undefined>,
  handler: TsNode,
  style: ResponseStyle,
): number[] {
  for (let at = answerer.handing; at; at = at.outer) {
    const caller = at.outer?.fn ?? handler;
    const given = responses.get(caller);
    if (given !== undefined && statusSetBefore(ts, caller, given, at.call, style)) return [];
  }
  return implicitStatusesIn(ts, read, response, style);
}

/**
 * What a status argument of a helper is at one call that hands it its response (`answerer.handing`):
 * `handed` where it depends on the helper's parameters. A parameter is what the call gives (a literal,
 * a status name, a `const`, or an expression computed at run time), its default where the call leaves
 * it out; of `code ?? 200` (or `code || 500`), what the call gives for `code` where it gives a status,
 * the fallback where the call leaves `code` out, both where the call computes it; both sides of `?:`.
 */
function handedStatus(
  ts: TsMorph,
  handing: Handing,
  node: TsNode,
  statusOf: (value: TsNode) => number | undefined,
  depth = 0,
): { codes: number[]; computed: string[]; handed: boolean; omitted?: boolean } {
  const value = unwrapParentheses(ts, node);
  const held = depth < 4 ? localConst(ts, value) : undefined;
  if (held) return handedStatus(ts, handing, held, statusOf, depth + 1);
  // What a status expression says: a literal or known name, one of the project's table (`HttpStatusCodes.CREATED`), else computed.
  const stated = (expression: TsNode, handed: boolean) => {
    const codes = statusCodes(ts, expression);
    const named = codes.length ? undefined : statusOf(expression);
    if (named !== undefined) return { codes: [named], computed: [], handed };
    const shown = computedStatus(ts, expression);
    return { codes, computed: shown ? [shown] : [], handed };
  };
  const both = (parts: Array<ReturnType<typeof handedStatus>>) => ({
    codes: parts.flatMap((part) => part.codes),
    computed: parts.flatMap((part) => part.computed),
    handed: parts.some((part) => part.handed),
  });
  if (ts.Node.isConditionalExpression(value))
    return both(
      [value.getWhenTrue(), value.getWhenFalse()].map((part) => handedStatus(ts, handing, part, statusOf, depth)),
    );
  if (ts.Node.isBinaryExpression(value) && ['||', '??'].includes(value.getOperatorToken().getText())) {
    const given = handedStatus(ts, handing, value.getLeft(), statusOf, depth);
    const fallback = handedStatus(ts, handing, value.getRight(), statusOf, depth);
    if (given.omitted) return { ...fallback, handed: true };
    // A status the call gives is never nullish: the fallback is not reached.
    if (given.handed && given.codes.length && !given.computed.length) return given;
    return both([given, fallback]);
  }
  if (ts.Node.isIdentifier(value) || ts.Node.isPropertyAccessExpression(value)) {
    if (omittedAtCall(ts, handing, value))
      return { codes: [], computed: [shortText(value)], handed: true, omitted: true };
    const given = handedValue(ts, handing, value);
    if (given !== value) return stated(given, true);
  }
  return stated(value, false);
}

/**
 * Whether `node` is a parameter of the functions a handing leads to (or a key of one) that the call
 * leaves out, with no default: `code` of `sendSuccess(res, data, code?)` called as `sendSuccess(res, data)`.
 */
function omittedAtCall(ts: TsMorph, handing: Handing, node: TsNode): boolean {
  let value = node;
  for (let at: Handing | undefined = handing; at; at = at.outer) {
    const found = handedArgument(ts, at.fn, at.call, value);
    if (found) {
      if (!found.fromCall) return false; // a default
      value = found.value;
      continue;
    }
    const name = unwrap(ts, value);
    const parameter = ts.Node.isIdentifier(name) && parameterOwner(ts, name) === at.fn ? name : undefined;
    if (!parameter) continue;
    const index = at.fn.getParameters().findIndex((each) => bindsName(ts, each.getNameNode(), parameter.getText()));
    return index >= 0 && at.call.getArguments()[index] === undefined;
  }
  return false;
}

/** HTTP status codes among what a handler's literals say, in order (0 and out-of-range ones dropped). */
export function httpStatuses(codes: Iterable<number>): number[] {
  return [...new Set(codes)].filter((code) => code >= 100 && code <= 599).sort((a, b) => a - b);
}
