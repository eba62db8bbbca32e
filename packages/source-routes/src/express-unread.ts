/**
 * What the Express reader cannot follow, said as a warning where it is written: a module of the project
 * with no file, a mount of a value docgen does not follow (a computed factory, a member of the project's
 * value), a route at a path computed at run time.
 */
import type { RouteReader } from './express.js';
import type { CallExpression, Node as TsNode, PropertyAccessExpression } from 'ts-morph';
import { isConst } from './modules.js';
import { keptIn, thisMember } from './class-members.js';
import { returnedBy, unwrap } from './code-shapes.js';
import { isPathLiteral, shortText, isFunctionLike } from './syntax.js';
import { classParameter } from './express-arguments.js';
import { parameterProperty } from './express-mount-targets.js';

/**
 * Where a mount or a registrar loads a module of the project that has no file
 * (`app.use('/users', require('./routes/users'))`, `require('./routes')(app)`, or a name required or
 * imported from it): its routes cannot be read, so the run says so at the require or import (once).
 * True when it did.
 */
export function warnUnreadModule(reader: RouteReader, node: TsNode): boolean {
  const found = unreadModule(reader, node);
  if (!found) return false;
  const file = found.at.getSourceFile().getFilePath();
  const line = found.at.getStartLineNumber();
  const key = `${file}:${line}:${found.specifier}`;
  if (reader.warnedModules.has(key)) return true;
  reader.warnedModules.add(key);
  reader.warnings.push({
    code: 'DG_ROUTES_PLUGIN_UNREAD',
    severity: 'warning',
    message: `${found.shown}: no file of the project is found for '${found.specifier}', its routes are not read`,
    location: { file, line },
    hint:
      reader.names.unreadModuleHint(file, found.specifier) ??
      'check the path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files), and that the file is in the checkout',
  });
  return true;
}

/** The require or import of a module of the project with no file that a mount argument or callee loads its value from. */
export function unreadModule(
  reader: RouteReader,
  node: TsNode,
): { specifier: string; at: TsNode; shown: string } | undefined {
  const { ts } = reader;
  let value = unwrap(ts, node);
  // `usersRouter()` (a factory), `require('./x').router`, `require('./x').default`: where the value comes from.
  if (
    ts.Node.isCallExpression(value) &&
    ts.Node.isIdentifier(value.getExpression()) &&
    reader.names.loadedSpecifier(value) === undefined
  )
    value = value.getExpression();
  while (ts.Node.isPropertyAccessExpression(value)) value = unwrap(ts, value.getExpression());
  let specifier: string | undefined;
  let at: TsNode | undefined;
  if (ts.Node.isIdentifier(value)) {
    const source = value.getSourceFile();
    specifier = reader.names.packageOf(value);
    const binding = reader.names.bindingOf(value);
    at =
      binding?.value ??
      binding?.destructured?.from ??
      source.getImportDeclarations().find((declaration) => declaration.getModuleSpecifierValue() === specifier);
    if (specifier === undefined && binding?.destructured) {
      at = binding.destructured.from;
      specifier = reader.names.loadedSpecifier(unwrap(ts, at));
    }
  } else {
    specifier = reader.names.loadedSpecifier(value);
    at = value;
  }
  const from = node.getSourceFile().getFilePath();
  if (
    specifier === undefined ||
    !at ||
    !reader.names.isProjects(from, specifier) ||
    reader.names.resolve(from, specifier)
  )
    return undefined;
  return { specifier, at, shown: ts.Node.isIdentifier(value) ? value.getText() : shortText(value) };
}

/**
 * Whether a value is the project's: imported or required from a module of the project (`emitter`
 * from `./emitter`), or made by a function or class of it (`const hooks = createHooks()`); not a
 * package's (`passport`, `new ApolloServer()`) nor a global (`console`).
 */
export function isProjectValue(reader: RouteReader, node: TsNode, depth = 0): boolean {
  const { ts } = reader;
  const value = unwrap(ts, node);
  if (depth > 8) return false;
  if (ts.Node.isNewExpression(value) || ts.Node.isCallExpression(value) || ts.Node.isPropertyAccessExpression(value))
    return reader.names.loaded(value) !== undefined || isProjectValue(reader, value.getExpression(), depth + 1);
  if (!ts.Node.isIdentifier(value)) return false;
  const specifier = reader.names.packageOf(value);
  if (specifier !== undefined) return reader.names.isProjects(value.getSourceFile().getFilePath(), specifier);
  const held = reader.names.bindingOf(value)?.value;
  return (
    !!held &&
    (ts.Node.isCallExpression(held) || ts.Node.isNewExpression(held)) &&
    isProjectValue(reader, held, depth + 1)
  );
}

/**
 * What a `use()` at a path ends with when it is a value docgen cannot follow, though it may be a
 * router: a module required by a computed specifier (`require(process.env.ROUTES)(deps)`), a call
 * of a function only known at run time (a parameter no call hands a function docgen reads, a `let`,
 * the result of another call: `factory(deps)`), an element of a map (`routers[name]`), or a call of
 * a method of a value of the project docgen does not follow (`registry.lookup('users')`). Said as
 * the page would say it; undefined for anything else (a package's handler, middleware, a global).
 */
export function unfollowedMount(reader: RouteReader, handler: TsNode, depth = 0): string | undefined {
  const { ts } = reader;
  const value = unwrap(ts, handler);
  if (depth > 4) return undefined;
  if (ts.Node.isElementAccessExpression(value))
    return `an element of ${shortText(value.getExpression())} chosen at run time`;
  if (ts.Node.isPropertyAccessExpression(value)) {
    const owner = unfollowedMount(reader, value.getExpression(), depth + 1);
    return owner && `a member of ${owner}`;
  }
  if (!ts.Node.isCallExpression(value)) return undefined;
  const callee = unwrap(ts, value.getExpression());
  const [specifier] = value.getArguments();
  if ((callee.getText() === 'require' || callee.getKind() === ts.SyntaxKind.ImportKeyword) && specifier)
    return isPathLiteral(ts, specifier)
      ? undefined
      : `a module loaded from a path computed at run time (${shortText(specifier)})`;
  if (ts.Node.isCallExpression(callee) || ts.Node.isElementAccessExpression(callee)) {
    const loaded = unfollowedMount(reader, callee, depth + 1);
    return loaded && `what ${loaded} returns`;
  }
  // A function of the project that returns such a value (`return routers[name]`), where it returns nothing docgen follows.
  const fn = reader.names.functionOf(callee);
  if (fn) {
    const returned = returnedBy(ts, fn).map((each) => unfollowedMount(reader, each, depth + 1));
    return returned.length && returned.every((each) => each !== undefined)
      ? `what ${shortText(callee)}(…) returns (${returned[0]})`
      : undefined;
  }
  if (ts.Node.isPropertyAccessExpression(callee))
    return isProjectValue(reader, callee.getExpression()) ? `what ${shortText(callee)}(…) returns` : undefined;
  if (!ts.Node.isIdentifier(callee)) return undefined;
  if (reader.names.packageOf(callee) !== undefined) return undefined;
  const binding = reader.names.bindingOf(callee);
  const declaration = binding?.declaration;
  if (!declaration) return undefined; // a global, or a name imported from a module docgen warns about elsewhere
  if (ts.Node.isParameterDeclaration(declaration))
    return `what ${callee.getText()}(…) returns, a function handed in as a parameter`;
  if (!isConst(ts, declaration) || (binding.value && !isFunctionLike(ts, binding.value)))
    return `what ${callee.getText()}(…) returns, a function only known at run time`;
  return undefined;
}

/**
 * A mount's last argument that is a member of a value of the project (`container.router`,
 * `app.locals.routes`) and neither a router nor a function docgen follows: it may mount routes.
 */
export function isUnreadMember(reader: RouteReader, handler: TsNode): boolean {
  const { ts } = reader;
  const value = unwrap(ts, handler);
  return (
    ts.Node.isPropertyAccessExpression(value) &&
    !thisMember(ts, value) &&
    reader.names.functionOf(value) === undefined &&
    isProjectValue(reader, value.getExpression())
  );
}

/**
 * A mount's last argument that is a member its class's constructor is handed (`this.app.use(this.routes)`
 * with `this.routes = options.routes`) and that `handedMember` cannot follow to one router: it may mount routes.
 */
export function isUnreadHandedMember(reader: RouteReader, handler: TsNode): boolean {
  const { ts } = reader;
  const member = thisMember(ts, unwrap(ts, handler));
  if (!member || reader.names.functionOf(handler) !== undefined) return false;
  const kept = keptIn(ts, member.cls, member.name);
  const value = kept && unwrap(ts, kept);
  if (!value) return parameterProperty(member.cls, member.name) !== undefined;
  const from = ts.Node.isPropertyAccessExpression(value)
    ? value.getExpression()
    : ts.Node.isIdentifier(value)
      ? (reader.names.bindingOf(value)?.destructured?.from ?? value)
      : undefined;
  return !!from && classParameter(ts, from) !== undefined;
}

/** A route registered at a path docgen cannot know (a variable, a regular expression, a list). */
export function warnComputedPath(reader: RouteReader, file: string, call: CallExpression, path: TsNode): void {
  const method = (call.getExpression() as PropertyAccessExpression).getName();
  // `app.get(/.*fly$/, …)` is written in the code, not computed: said as what it is.
  const pattern = reader.ts.Node.isRegularExpressionLiteral(unwrap(reader.ts, path));
  reader.warnings.push({
    code: 'DG_ROUTES_COMPUTED_PATH',
    severity: 'warning',
    message: pattern
      ? `${method}(${shortText(path)}, …) registers a route whose path is a regular expression: it is not listed`
      : `${method}(${shortText(path)}, …) registers a route whose path is computed at run time: it is not read`,
    location: { file, line: call.getStartLineNumber() },
    hint: pattern
      ? "docgen lists routes with a string path: write it as one if it can be (app.get('/*fly', …) in Express 4), or leave it out of the table as it is"
      : "register it with a literal path (app.get('/users/:id', …)) or a `const` holding one, so docgen can list it",
  });
}
