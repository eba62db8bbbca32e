/**
 * Route tables mounted in a loop (`routes.forEach(({ path, router }) => app.use(path, router))`): each
 * element of a literal `const` array read as the mount it makes; the ones docgen cannot follow warned about.
 */
import type { RouteReader } from './express.js';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { classConstant } from './class-members.js';
import { unwrap } from './code-shapes.js';
import { loopOver, shortText, type Loop, type TsMorph } from './syntax.js';
import type { RouterRef, Mount } from './express-model.js';
import { literalTable } from './express-declarations.js';
import { handedElements, classOf, keptRouter, mountTarget } from './express-mount-targets.js';

/**
 * The mounts a loop over a route table makes (`table.forEach((r) => app.use(r.path, r.router))`,
 * `for (const { path, router } of table) app.use(path, router)`), when the table is a literal
 * `const` array (here or imported) of object literals with literal paths and routers docgen can
 * follow, and nothing adds to it; else undefined (the mount is warned about).
 */
export function tableMounts(
  reader: RouteReader,
  ref: RouterRef,
  call: CallExpression,
): Array<Omit<Mount, 'middleware'> & { middleware: string[] }> | undefined {
  const { ts } = reader;
  // `app.use(r.path as string, r.router!)`: the keys the assertion or cast holds.
  const [pathArg, ...rest] = call.getArguments().map((arg) => unwrap(ts, arg));
  const loop = pathArg && loopOver(ts, pathArg);
  if (!loop) return undefined;
  const path = loopPath(reader, loop, pathArg);
  // The router is the last argument from the table; names before it are middleware.
  const routerArg = rest[rest.length - 1];
  const routerKey = routerArg && loop.key(routerArg);
  if (!path || !routerKey) return undefined;
  const pathKey = path.key;
  const middleware = rest.slice(0, -1);
  if (middleware.some((arg) => !ts.Node.isIdentifier(arg) || loop.key(arg))) return undefined;
  const found = reader.definition(ref.file, loop.table, (info, name) => literalTable(ts, info, name) !== undefined);
  const elements = found && literalTable(ts, found.info, found.name);
  if (!found || !elements) return undefined;
  const mounts: Array<Omit<Mount, 'middleware'> & { middleware: string[] }> = [];
  const unread: TsNode[] = [];
  for (const written of elements) {
    // `[usersRoute, authRoute]`: each a `const` object literal, here or imported, or an instance of a route class.
    const element = tableElement(reader, written);
    if (!element) return undefined;
    if (!ts.Node.isObjectLiteralExpression(element)) {
      const cls = classOf(reader, element);
      const prefix = path.around(cls && reader.literal(classConstant(ts, cls, pathKey)));
      const target = keptRouter(reader, element, routerKey);
      if (prefix === undefined || !target) unread.push(written);
      else mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
      continue;
    }
    const value = (key: string): TsNode | undefined => {
      const property = element.getProperty(key);
      if (property && ts.Node.isPropertyAssignment(property)) return property.getInitializer();
      if (property && ts.Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
      return undefined;
    };
    if (element.getProperties().some((property) => ts.Node.isSpreadAssignment(property))) return undefined;
    const router = value(routerKey);
    const target = router && mountTarget(reader, element.getSourceFile().getFilePath(), router);
    const prefix = path.around(reader.literal(value(pathKey)));
    if (prefix === undefined || !target) unread.push(written);
    else mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
  }
  // A table docgen can follow only in part: the elements it can are mounted, the others warned about.
  if (!mounts.length) return undefined;
  for (const element of unread) warnUnreadElement(reader, call, element);
  return mounts;
}

/**
 * What an element of a route table is: an object literal, or one a `const` holds (here or imported:
 * `const usersRoute = { path: '/users', router }`), or an instance of a class of the project
 * (`new UsersRoute()`, or a name holding one); undefined for anything else.
 */
export function tableElement(reader: RouteReader, written: TsNode): TsNode | undefined {
  const { ts } = reader;
  let element = unwrap(ts, written);
  if (ts.Node.isIdentifier(element)) {
    const held = reader.names.follow(element)?.value;
    if (!held) return undefined;
    element = unwrap(ts, held);
  }
  if (ts.Node.isObjectLiteralExpression(element)) return element;
  return classOf(reader, element) ? element : undefined;
}

/** An element of a route table mounted in a loop whose path or router docgen cannot follow, where the others are mounted. */
export function warnUnreadElement(reader: RouteReader, call: CallExpression, element: TsNode): void {
  reader.warnings.push({
    code: 'DG_ROUTES_COMPUTED_MOUNT',
    severity: 'warning',
    message: `${shortText(element)}, mounted by use(${shortText(call.getArguments()[0]!)}, …), has a path computed at run time or a router docgen cannot follow: its routes are not read (the table's other elements are)`,
    location: { file: element.getSourceFile().getFilePath(), line: element.getStartLineNumber() },
    hint: "give it a literal path and a router docgen can follow ({ path: '/users', router: usersRouter }, a factory call, new UsersRoutes().router)",
  });
}

/**
 * The mounts a loop makes over the route classes a class is handed (`handedElements`) when each
 * states where it is mounted in a field (`routes.forEach((route) => this.app.use(route.path,
 * route.router))` with `public path = '/users'`); undefined when any does not.
 */
export function handedMounts(
  reader: RouteReader,
  call: CallExpression,
): Array<Omit<Mount, 'middleware'> & { middleware: string[] }> | undefined {
  const { ts } = reader;
  const [pathArg, ...rest] = call.getArguments();
  const loop = pathArg && loopOver(ts, pathArg);
  const routerArg = rest[rest.length - 1];
  const path = loop && loopPath(reader, loop, pathArg!);
  const routerKey = routerArg && loop?.key(routerArg);
  const middleware = rest.slice(0, -1);
  if (!loop || !path || !routerKey) return undefined;
  if (middleware.some((arg) => !ts.Node.isIdentifier(arg) || loop.key(arg))) return undefined;
  const mounts: Array<Omit<Mount, 'middleware'> & { middleware: string[] }> = [];
  for (const element of handedElements(reader, loop.at) ?? []) {
    const cls = classOf(reader, element);
    const prefix = path.around(cls && reader.literal(classConstant(ts, cls, path.key)));
    const target = keptRouter(reader, element, routerKey);
    if (prefix === undefined || !target) return undefined;
    mounts.push({ prefix, target, middleware: middleware.map((arg) => arg.getText()) });
  }
  return mounts.length ? mounts : undefined;
}

/**
 * The key of the table's elements a mount path reads, and the path each element's value makes with
 * what is written around it: `route.path`, or `apiPrefix + route.path` (typescript-express-starter 11,
 * `apiPrefix` a parameter with a default) and `` `${apiPrefix}${route.path}` ``, whose other parts docgen
 * reads as it reads any path (`RouteReader.literal`); undefined when the path reads no key, or several.
 */
function loopPath(
  reader: RouteReader,
  loop: Loop,
  pathArg: TsNode,
): { key: string; around: (value: string | undefined) => string | undefined } | undefined {
  const parts = concatenated(reader.ts, pathArg);
  const keyed = parts.filter((part) => typeof part !== 'string' && loop.key(part));
  if (keyed.length !== 1) return undefined;
  const key = loop.key(keyed[0] as TsNode)!;
  const text = (written: Array<TsNode | string>): string | undefined => {
    let joined = '';
    for (const part of written) {
      const value = typeof part === 'string' ? part : reader.literal(part);
      if (value === undefined) return undefined;
      joined += value;
    }
    return joined;
  };
  const at = parts.indexOf(keyed[0]!);
  const before = text(parts.slice(0, at));
  const after = text(parts.slice(at + 1));
  if (before === undefined || after === undefined) return undefined;
  return { key, around: (value) => (value === undefined ? undefined : before + value + after) };
}

/** The parts a string is joined from, in order: the operands of `a + b + c`, a template's texts and values. */
function concatenated(ts: TsMorph, node: TsNode): Array<TsNode | string> {
  const value = unwrap(ts, node);
  if (ts.Node.isBinaryExpression(value) && value.getOperatorToken().getText() === '+')
    return [...concatenated(ts, value.getLeft()), ...concatenated(ts, value.getRight())];
  if (ts.Node.isTemplateExpression(value))
    return [
      value.getHead().getLiteralText(),
      ...value
        .getTemplateSpans()
        .flatMap((span) => [...concatenated(ts, span.getExpression()), span.getLiteral().getLiteralText()]),
    ];
  return [value];
}
