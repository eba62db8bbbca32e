/**
 * The statuses a handler answers with without naming them: Express's `res.json(x)` is a 200, Koa's
 * `ctx.body = x` a 200 (a 204 for `null`), Fastify's `reply.send(x)` or a returned value a 200, Hono's
 * `c.json(x)` a 200. A send is counted only where no status was set for it: chained before it
 * (`res.status(404).json(…)`), given to it (`c.json(x, 201)`), or set earlier on the way to it
 * (`ctx.status = 201; ctx.body = x`). Where docgen cannot tell, it counts none rather than invent one.
 */
import type { Node as TsNode } from 'ts-morph';
import { isFunctionLike, type TsMorph } from './syntax.js';

/** How a framework's response object sends and is given a status. */
export interface ResponseStyle {
  /** Methods that send the response with the status set before, else `ok`: Express's `json`, `send`. */
  sends: string[];
  /** Of those, the ones that take a status at an argument (Hono's `c.json(body, 201)`): given, it is theirs. */
  statusAt?: Record<string, number>;
  /** Methods that set the status for a later send: `res.status(201)`, Fastify's `reply.code(201)`. */
  setters: string[];
  /** Members assigned a status: Node's `res.statusCode = 201`, Koa's `ctx.status = 201`. */
  assigned: string[];
  /** Members assigned the body, which sends it (Koa's `ctx.body = x`); `null` there is a 204. */
  bodies?: string[];
  /** Methods that redirect with a 302 unless a status was set (Koa's `ctx.redirect(url)`). */
  redirects?: string[];
  /** Whether a value the handler returns is sent (Fastify's async handlers). */
  returnsSent?: boolean;
  /**
   * Whether a status set after a send in the same run of statements still applies: Koa sends once the
   * middleware returns, so `ctx.body = x; ctx.status = 201` answers 201; Express has sent by then.
   */
  statusAfterSend?: boolean;
  /** The status a send answers with when none was set: 200, or NestJS's default for the route. */
  ok: number;
}

export const EXPRESS_RESPONSE: ResponseStyle = {
  sends: ['json', 'jsonp', 'send', 'end', 'render', 'sendFile', 'download'],
  setters: ['status', 'sendStatus', 'writeHead'],
  assigned: ['statusCode'],
  ok: 200,
};

export const KOA_RESPONSE: ResponseStyle = {
  sends: ['render'],
  setters: [],
  assigned: ['status'],
  bodies: ['body'],
  redirects: ['redirect'],
  statusAfterSend: true,
  ok: 200,
};

export const FASTIFY_RESPONSE: ResponseStyle = {
  sends: ['send', 'view', 'sendFile'],
  setters: ['code', 'status'],
  assigned: ['statusCode'],
  returnsSent: true,
  ok: 200,
};

/**
 * A routing-controllers method: its returned value is sent (with its default status), as is a send on
 * the `@Res()` it takes, Express's (`res.json(x)`) or Koa's (`ctx.body = x` of a `@Ctx()`).
 */
export const ROUTING_CONTROLLERS_RESPONSE: ResponseStyle = {
  sends: EXPRESS_RESPONSE.sends,
  setters: ['status', 'sendStatus'],
  assigned: ['statusCode', 'status'],
  bodies: ['body'],
  returnsSent: true,
  ok: 200,
};

export const HONO_RESPONSE: ResponseStyle = {
  sends: ['json', 'text', 'html', 'body', 'render', 'newResponse'],
  statusAt: { json: 1, text: 1, html: 1, body: 1, newResponse: 1 },
  setters: ['status'],
  assigned: [],
  ok: 200,
};

/** A place a handler sends its response, and what it answers with if no status was set for it. */
interface Send {
  node: TsNode;
  status: number;
}

/**
 * The statuses `fn` answers with where it sends its response (the parameter named `response`) with no
 * status set for that send, as `style` reads them; none for a function that sends nothing itself
 * (`next(err)`, or one that hands the response on: the function it hands it to is read on its own).
 */
export function implicitStatusesIn(
  ts: TsMorph,
  fn: TsNode,
  response: string | undefined,
  style: ResponseStyle,
): number[] {
  const setters = statusSetters(ts, fn, response, style);
  const codes = new Set<number>();
  for (const send of sendsIn(ts, fn, response, style))
    if (!setters.some((setter) => covers(ts, setter, send.node, style))) codes.add(send.status);
  return [...codes].sort((a, b) => a - b);
}

/**
 * Whether a call handing the response on (`reply(res, data)`) is preceded by a status set for it in
 * `fn` (`res.status(201); reply(res, data)`), so the send in the function it hands to is not a 200.
 */
export function statusSetBefore(
  ts: TsMorph,
  fn: TsNode,
  response: string,
  node: TsNode,
  style: ResponseStyle,
): boolean {
  return statusSetters(ts, fn, response, style).some((setter) => covers(ts, setter, node, style));
}

/** `res.json(x)`, `ctx.body = x`, `return x` (Fastify): the sends of `fn` that take no status themselves. */
function sendsIn(ts: TsMorph, fn: TsNode, response: string | undefined, style: ResponseStyle): Send[] {
  const found: Send[] = [];
  for (const node of fn.getDescendants()) {
    if (ts.Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || !onResponse(ts, callee.getExpression(), response)) continue;
      const name = callee.getName();
      const at = style.statusAt?.[name];
      if (
        style.sends.includes(name) &&
        !(at !== undefined && node.getArguments()[at]) &&
        !chainedSetter(ts, callee, style)
      )
        found.push({ node, status: style.ok });
      else if (style.redirects?.includes(name)) found.push({ node, status: 302 });
    } else if (isAssignment(ts, node) && style.bodies?.length) {
      const left = node.getLeft();
      if (!ts.Node.isPropertyAccessExpression(left) || !style.bodies.includes(left.getName())) continue;
      if (!onResponse(ts, left.getExpression(), response)) continue;
      found.push({ node, status: isNothing(ts, node.getRight()) ? 204 : style.ok });
    } else if (style.returnsSent && ts.Node.isReturnStatement(node) && returnsValue(ts, fn, node, response))
      found.push({ node, status: style.ok });
  }
  // `async (request) => ({ ok: true })`: an arrow function's expression body is what it returns.
  const body = ts.Node.isArrowFunction(fn) ? fn.getBody() : undefined;
  if (style.returnsSent && body && !ts.Node.isBlock(body) && !isNothing(ts, body) && !mentions(ts, body, response))
    found.push({ node: body, status: style.ok });
  return found;
}

/** The status setters of `fn` on the response that stand alone, for the sends after them (not `res.status(404).json(…)`'s). */
function statusSetters(ts: TsMorph, fn: TsNode, response: string | undefined, style: ResponseStyle): TsNode[] {
  const found: TsNode[] = [];
  for (const node of fn.getDescendants()) {
    if (ts.Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee) || !style.setters.includes(callee.getName())) continue;
      if (onResponse(ts, callee.getExpression(), response) && !chainedIntoSend(ts, node, style)) found.push(node);
    } else if (isAssignment(ts, node)) {
      const left = node.getLeft();
      if (ts.Node.isPropertyAccessExpression(left) && style.assigned.includes(left.getName()))
        if (onResponse(ts, left.getExpression(), response)) found.push(node);
    }
  }
  return found;
}

/**
 * Whether a status set at `setter` applies to the send at `send`: it comes before it on a way to it
 * (`res.status(201)` a statement before `res.json(x)`, or in a block around it), and not in a branch
 * the send is not in that leaves the function (`if (!user) { ctx.status = 404; return; }`), nor in
 * the other branch of an `if`. Where the two are in one expression docgen cannot order, it applies.
 */
function covers(ts: TsMorph, setter: TsNode, send: TsNode, style: ResponseStyle): boolean {
  const common = commonAncestor(setter, send);
  if (!common) return false;
  const setterSide = childTowards(common, setter);
  const sendSide = childTowards(common, send);
  // In the other branch of an `if`, `?:` or `switch` than the send: it is not on the way there.
  if (ts.Node.isIfStatement(common)) return setterSide === common.getExpression();
  if (ts.Node.isConditionalExpression(common)) return setterSide === common.getCondition();
  if (ts.Node.isCaseBlock(common)) return false;
  if (!isStatementList(ts, common)) return true;
  if (leavesBefore(ts, setter, setterSide)) return false;
  if (setter.getStart() < send.getStart()) return true;
  return !!style.statusAfterSend && !leavesBefore(ts, send, sendSide);
}

/** Whether, between `node` and `top` (a statement of a list), a run of statements leaves (`return`, `throw`) after it. */
function leavesBefore(ts: TsMorph, node: TsNode, top: TsNode): boolean {
  for (
    let child: TsNode = node, parent = node.getParent();
    parent && child !== top;
    child = parent, parent = parent.getParent()
  ) {
    if (ts.Node.isReturnStatement(child) || ts.Node.isThrowStatement(child)) return true;
    if (!isStatementList(ts, parent)) continue;
    const statements = parent.getChildSyntaxList()?.getChildren() ?? [];
    const after = statements.slice(statements.indexOf(child) + 1);
    if (after.some((statement) => ts.Node.isReturnStatement(statement) || ts.Node.isThrowStatement(statement)))
      return true;
  }
  return ts.Node.isReturnStatement(top) || ts.Node.isThrowStatement(top);
}

function isStatementList(ts: TsMorph, node: TsNode): boolean {
  return (
    ts.Node.isBlock(node) || ts.Node.isSourceFile(node) || ts.Node.isCaseClause(node) || ts.Node.isDefaultClause(node)
  );
}

function commonAncestor(a: TsNode, b: TsNode): TsNode | undefined {
  const above = new Set<TsNode>();
  for (let node: TsNode | undefined = a; node; node = node.getParent()) above.add(node);
  for (let node: TsNode | undefined = b; node; node = node.getParent()) if (above.has(node)) return node;
  return undefined;
}

/** The child of `ancestor` that `node` is in (itself when it is one). */
function childTowards(ancestor: TsNode, node: TsNode): TsNode {
  let current = node;
  while (current.getParent() && current.getParent() !== ancestor) current = current.getParent()!;
  return current;
}

/**
 * Whether `node` is the response or a chain of its methods (`res`, `res.status(404)`), or Koa's
 * `ctx.response`; not another member of it (Hono's `c.req.json()` reads the request).
 */
function onResponse(ts: TsMorph, node: TsNode, response: string | undefined): boolean {
  let current = node;
  for (;;) {
    while (ts.Node.isParenthesizedExpression(current) || ts.Node.isNonNullExpression(current))
      current = current.getExpression();
    if (ts.Node.isCallExpression(current)) {
      const callee = current.getExpression();
      if (!ts.Node.isPropertyAccessExpression(callee)) return false;
      current = callee.getExpression();
    } else if (ts.Node.isPropertyAccessExpression(current) && current.getName() === 'response')
      current = current.getExpression();
    else return ts.Node.isIdentifier(current) && current.getText() === response;
  }
}

/** `res.status(404).json(…)`: a setter earlier in the chain a send is called on. */
function chainedSetter(ts: TsMorph, callee: TsNode, style: ResponseStyle): boolean {
  let current = ts.Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
  while (ts.Node.isCallExpression(current) || ts.Node.isPropertyAccessExpression(current)) {
    if (ts.Node.isCallExpression(current)) {
      const inner = current.getExpression();
      if (ts.Node.isPropertyAccessExpression(inner) && style.setters.includes(inner.getName())) return true;
    }
    current = current.getExpression();
  }
  return false;
}

/** Whether a setter call is part of a chain that ends in a send (`res.status(404).json(…)`): its status is that send's. */
function chainedIntoSend(ts: TsMorph, setter: TsNode, style: ResponseStyle): boolean {
  let current = setter;
  for (;;) {
    const access = current.getParent();
    if (!access || !ts.Node.isPropertyAccessExpression(access) || access.getExpression() !== current) return false;
    const call = access.getParent();
    if (!call || !ts.Node.isCallExpression(call) || call.getExpression() !== access) return false;
    if (style.sends.includes(access.getName()) || style.redirects?.includes(access.getName())) return true;
    current = call;
  }
}

function isAssignment(ts: TsMorph, node: TsNode): node is import('ts-morph').BinaryExpression {
  return ts.Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken;
}

/** `null`, `undefined`, `void 0`: a body Koa answers with 204. */
function isNothing(ts: TsMorph, node: TsNode): boolean {
  const text = node.getText();
  return text === 'null' || text === 'undefined' || ts.Node.isVoidExpression(node);
}

/**
 * Whether a `return` of `fn` itself (not of a function inside it) hands Fastify a value to send: not
 * a bare `return`, not `undefined`, and not the reply or a call that is handed it (`return reply.send(x)`).
 */
function returnsValue(ts: TsMorph, fn: TsNode, statement: TsNode, response: string | undefined): boolean {
  if (!ts.Node.isReturnStatement(statement)) return false;
  const value = statement.getExpression();
  if (!value || isNothing(ts, value)) return false;
  let owner: TsNode | undefined = statement.getParent();
  while (owner && !isFunctionLike(ts, owner)) owner = owner.getParent();
  if (owner !== fn) return false;
  return !mentions(ts, value, response);
}

/** Whether an expression names the response (`reply`, `reply.send(x)`, `helper(reply)`). */
function mentions(ts: TsMorph, value: TsNode, response: string | undefined): boolean {
  return [value, ...value.getDescendants()].some((node) => ts.Node.isIdentifier(node) && node.getText() === response);
}

/** The name of a handler's parameter at `at` (Express's `res` of `(req, res)`), if it names one. */
export function responseParameter(ts: TsMorph, fn: TsNode, at: number): string | undefined {
  if (!isFunctionLike(ts, fn)) return undefined;
  const parameter = (fn as unknown as import('ts-morph').FunctionLikeDeclaration).getParameters()[at];
  const name = parameter?.getNameNode();
  return name && ts.Node.isIdentifier(name) ? name.getText() : undefined;
}

/**
 * The values `fn` itself returns that a framework sends (`return user`, an arrow function's expression
 * body): not a bare `return` or `undefined`, and none that names the response (`return reply.send(x)`).
 */
export function returnedValues(ts: TsMorph, fn: TsNode, response: string | undefined): TsNode[] {
  const values: TsNode[] = [];
  for (const statement of fn.getDescendantsOfKind(ts.SyntaxKind.ReturnStatement))
    if (returnsValue(ts, fn, statement, response)) values.push(statement.getExpression()!);
  const body = ts.Node.isArrowFunction(fn) ? fn.getBody() : undefined;
  if (body && !ts.Node.isBlock(body) && !isNothing(ts, body) && !mentions(ts, body, response)) values.push(body);
  return values;
}
