/**
 * The module tree of a NestJS app: the root module, each `@Module`'s `imports` and `controllers`
 * (followed across files, `forwardRef`, `forRoot()`), `RouterModule` prefixes, and the classes it cannot find.
 */
import type { NestReader } from './nest.js';
import type {
  ArrayLiteralExpression,
  CallExpression,
  ClassDeclaration,
  MethodDeclaration,
  Node as TsNode,
  PropertyAccessExpression,
  SourceFile,
  ClassExpression,
} from 'ts-morph';
import { isConst } from './modules.js';
import { returnedBy, unwrap } from './code-shapes.js';
import { handedArgument } from './handing.js';
import { joinPaths, shortText } from './syntax.js';
import { decoratorObject, literalProperty, propertyOf, propertyValue } from './nest-decorators.js';

/**
 * A controller (any) or module (of the project) a `@Module` names that docgen cannot find: its
 * routes are not listed, so the run says so where it is named.
 */
export function unread(
  reader: NestReader,
  element: TsNode,
  kind: 'controller' | 'module',
  fromPackages: boolean,
): void {
  const { ts } = reader;
  const name = ts.Node.isIdentifier(element)
    ? element
    : ts.Node.isCallExpression(element) && ts.Node.isPropertyAccessExpression(element.getExpression())
      ? (element.getExpression() as PropertyAccessExpression).getExpression()
      : undefined;
  if (!name || !ts.Node.isIdentifier(name)) {
    // `controllers: [...adminControllers]`, `controllers: [admin.UsersController]`: not followed.
    if (kind === 'controller')
      reader.warnAt(
        'DG_ROUTES_PLUGIN_UNREAD',
        `controllers entry ${shortText(element)} is not read: its routes are not listed`,
        element,
        'list the controller classes by name in @Module({ controllers: [UsersController] })',
      );
    // `imports: [...modulesFor(env)]`: the modules it adds are not known.
    else if (ts.Node.isSpreadElement(element))
      reader.warnAt(
        'DG_ROUTES_PLUGIN_UNREAD',
        `imports entry ${shortText(element)} is not read: the modules it adds, and their routes, are not listed`,
        element,
        'list the modules by name in @Module({ imports: [UsersModule] }), or spread a const array of them',
      );
    return;
  }
  const specifier = reader.modules.packageOf(name);
  const from = element.getSourceFile().getFilePath();
  const projects = specifier !== undefined && reader.modules.isProjects(from, specifier);
  if (!projects && !(fromPackages && specifier !== undefined)) return;
  reader.warnAt(
    'DG_ROUTES_PLUGIN_UNREAD',
    projects
      ? `${kind} ${name.getText()} is imported from '${specifier}', which has no file docgen finds: its routes are not read`
      : `controller ${name.getText()} comes from the package '${specifier}': its routes are not read`,
    element,
    projects
      ? (reader.modules.unreadModuleHint(from, specifier) ??
          'check the import path (relative, tsconfig paths) and that the file is in the checkout')
      : 'list its routes in the OpenAPI spec, or document them by hand',
  );
}

/**
 * The elements of a list a module states: an array literal, a `const` holding one (here or imported:
 * `RouterModule.register(routes)` with `const routes: Routes = [...]`), and the spreads in it of
 * such `const`s (`imports: [...featureModules]`); an element that is none of these is kept as written.
 */
export function listed(reader: NestReader, list: TsNode | undefined, depth = 0): TsNode[] {
  const { ts } = reader;
  const array = list && arrayOf(reader, list);
  if (!array || depth > 4) return [];
  return array.getElements().flatMap((element) => {
    if (!ts.Node.isSpreadElement(element)) return [element];
    return arrayOf(reader, element.getExpression()) ? listed(reader, element.getExpression(), depth + 1) : [element];
  });
}

/** The array literal a node is, or a `const` holds (`as const`, `: Routes` and imports followed). */
export function arrayOf(reader: NestReader, node: TsNode): ArrayLiteralExpression | undefined {
  const { ts } = reader;
  let value: TsNode | undefined = unwrap(ts, node);
  if (ts.Node.isIdentifier(value)) {
    const binding = reader.modules.follow(value);
    value = binding && isConst(ts, binding.declaration) && binding.value ? unwrap(ts, binding.value) : undefined;
  }
  return value && ts.Node.isArrayLiteralExpression(value) ? value : undefined;
}

/** `NestFactory.create(AppModule)`'s module; else the `@Module` classes the entry declares. */
export function rootModules(reader: NestReader, source: SourceFile): ClassRef[] {
  const { ts } = reader;
  const file = source.getFilePath();
  for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    if (!/^NestFactory\s*\.\s*create$/.test(call.getExpression().getText())) continue;
    const [module] = call.getArguments();
    const found = module && ts.Node.isIdentifier(module) ? findClass(reader, file, module.getText()) : undefined;
    if (found) return [found];
    // A root module imported from a file docgen does not find: said at the call, not only "no route".
    if (module) unread(reader, module, 'module', false);
  }
  return classesWith(source, 'Module').map(({ controller }) => controller);
}

export function classesWith(
  source: SourceFile,
  decorator: string,
): Array<{ controller: ClassRef; modulePrefix: string }> {
  return source
    .getClasses()
    .filter((declaration) => declaration.getDecorator(decorator))
    .map((declaration) => ({ controller: { file: source.getFilePath(), declaration }, modulePrefix: '' }));
}

/** Every controller of the module tree, depth first in `imports` order, each with its RouterModule prefix. */
export function controllersOf(
  reader: NestReader,
  roots: ClassRef[],
): Array<{ controller: ClassRef; modulePrefix: string }> {
  const prefixes = new Map<ClassDeclaration, string>();
  const seen = new Set<ClassDeclaration>();
  // Nest registers each dynamic module call as a module of its own (`X`, `X.register({ imports: [A] })`
  // and `X.register({ imports: [B] })` are three), so each call's list is read once; the calls are
  // nodes of the source, so a cycle of them ends.
  const seenCalls = new Set<TsNode>();
  // A controller is listed once per module class, whichever of its calls names it.
  const controllersListed = new Map<ClassDeclaration, Set<ClassDeclaration>>();
  const out: Array<{ controller: ClassRef; modulePrefix: string }> = [];
  // `dynamic`: the call that made the module a dynamic one (`JobsModule.register({ imports: [PersonModule] })`).
  const visit = (module: ClassRef, dynamic?: TsNode): void => {
    const ownRead = seen.has(module.declaration);
    const callRead = !dynamic || seenCalls.has(dynamic);
    if (ownRead && callRead) return;
    seen.add(module.declaration);
    if (dynamic) seenCalls.add(dynamic);
    if (!ownRead) reader.visited.push(module);
    const metadata = decoratorObject(reader.ts, module.declaration.getDecorator('Module'));
    const list = (key: 'imports' | 'controllers') => [
      ...(ownRead ? [] : listed(reader, propertyOf(reader.ts, metadata, key))),
      ...(dynamic && !callRead ? dynamicModuleList(reader, dynamic, key) : []),
    ];
    const imports = list('imports');
    for (const element of imports) {
      const routerModule = routerModuleRoutes(reader, element);
      if (routerModule) for (const [declaration, path] of routerModule) prefixes.set(declaration, path);
    }
    // A controller both the @Module and its forRoot() list is one: Nest registers a module's controller once.
    const listedHere = controllersListed.get(module.declaration) ?? new Set<ClassDeclaration>();
    controllersListed.set(module.declaration, listedHere);
    for (const element of list('controllers')) {
      const controller = classOf(reader, element.getSourceFile().getFilePath(), element);
      if (!controller) unread(reader, element, 'controller', true);
      else if (!listedHere.has(controller.declaration)) {
        listedHere.add(controller.declaration);
        out.push({ controller, modulePrefix: prefixes.get(module.declaration) ?? '' });
      }
    }
    for (const element of imports) {
      const imported = modulesOf(reader, element.getSourceFile().getFilePath(), element);
      for (const found of imported) if (found.declaration.getDecorator('Module')) visit(found, element);
      if (!imported.length) unread(reader, element, 'module', false);
    }
  };
  for (const root of roots) visit(root);
  return out;
}

/**
 * What a dynamic module of the project adds to its class's own metadata under `key`, as its static method
 * returns it: `controllers: [MetricsController]` written there, or the list the call hands it, as
 * @koalarx/nest's `JobsModule.register({ imports: [PersonModule] })` with `imports: options.imports ?? []`.
 * Nothing for an element that is no call of such a method (`UsersModule`, a package's `forRoot()`).
 */
export function dynamicModuleList(reader: NestReader, element: TsNode, key: 'imports' | 'controllers'): TsNode[] {
  const { ts } = reader;
  if (!ts.Node.isCallExpression(element)) return [];
  const callee = element.getExpression();
  if (!ts.Node.isPropertyAccessExpression(callee) || !ts.Node.isIdentifier(callee.getExpression())) return [];
  const cls = findClass(reader, element.getSourceFile().getFilePath(), callee.getExpression().getText());
  const method = cls?.declaration.getStaticMethod(callee.getName());
  if (!method) return [];
  return returnedBy(ts, method).flatMap((returned) => {
    const value = ts.Node.isObjectLiteralExpression(returned) ? propertyValue(ts, returned, key) : undefined;
    const given = value && givenList(reader, method, element, value);
    return given ? listed(reader, given) : [];
  });
}

/**
 * The list a value of a static method stands for at one call: `options.imports` is the `imports` the call's
 * argument states (`{ imports: [PersonModule] }`), `options.imports ?? []` its fallback where the call states none.
 */
function givenList(
  reader: NestReader,
  method: MethodDeclaration,
  call: CallExpression,
  value: TsNode,
): TsNode | undefined {
  const { ts } = reader;
  const node = unwrap(ts, value);
  if (ts.Node.isBinaryExpression(node) && ['??', '||'].includes(node.getOperatorToken().getText()))
    return givenList(reader, method, call, node.getLeft()) ?? node.getRight();
  if (!ts.Node.isPropertyAccessExpression(node) || !ts.Node.isIdentifier(node.getExpression())) return node;
  return handedArgument(ts, method, call, node)?.value;
}

/**
 * `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`: each
 * module's path prefix, children under their parent's.
 */
export function routerModuleRoutes(reader: NestReader, element: TsNode): Map<ClassDeclaration, string> | undefined {
  const { ts } = reader;
  if (
    !ts.Node.isCallExpression(element) ||
    !/^RouterModule\s*\.\s*(register|forRoutes)$/.test(element.getExpression().getText())
  )
    return undefined;
  const prefixes = new Map<ClassDeclaration, string>();
  const walk = (list: TsNode | undefined, parent: string): void => {
    if (!list) return;
    if (!arrayOf(reader, list)) {
      // `RouterModule.register(modules.map((module) => ({ path: 'v1', module })))`: built at run time.
      reader.warnAt(
        'DG_ROUTES_PREFIX_UNKNOWN',
        `RouterModule routes ${shortText(list)} are built at run time: the paths they give modules are not read, and their routes are shown without them`,
        list,
        "list them as a literal (RouterModule.register([{ path: 'v1', module: UsersModule }])) or a const holding one",
      );
      return;
    }
    for (const item of listed(reader, list)) {
      // A module class among the children takes its parent's path.
      const bare = ts.Node.isIdentifier(item) ? classOf(reader, item.getSourceFile().getFilePath(), item) : undefined;
      if (bare) prefixes.set(bare.declaration, parent);
      if (!ts.Node.isObjectLiteralExpression(item)) continue;
      const path = literalProperty(ts, item, 'path') ?? '';
      const full = joinPaths(parent, path);
      const module = propertyValue(ts, item, 'module');
      const found = module && classOf(reader, module.getSourceFile().getFilePath(), module);
      if (found) prefixes.set(found.declaration, full);
      walk(propertyValue(ts, item, 'children'), full);
    }
  };
  walk(element.getArguments()[0], '');
  return prefixes;
}

/** The class an `imports`/`controllers` element names: `UsersModule`, `forwardRef(() => X)`, `X.forRoot()`. */
export function classOf(reader: NestReader, file: string, element: TsNode): ClassRef | undefined {
  const { ts } = reader;
  if (ts.Node.isIdentifier(element)) return findClass(reader, file, element.getText());
  if (ts.Node.isCallExpression(element)) {
    const callee = element.getExpression();
    if (callee.getText() === 'forwardRef') {
      const [arrow] = element.getArguments();
      const body = arrow && ts.Node.isArrowFunction(arrow) ? arrow.getBody() : undefined;
      return body && ts.Node.isIdentifier(body) ? findClass(reader, file, body.getText()) : undefined;
    }
    // `UsersModule.forRoot(…)`: a dynamic module keeps its class's own controllers.
    if (ts.Node.isPropertyAccessExpression(callee) && ts.Node.isIdentifier(callee.getExpression()))
      return findClass(reader, file, callee.getExpression().getText());
  }
  return undefined;
}

/**
 * The modules an `imports` element may be: a class as `classOf` reads it, or a `const` of this
 * file that picks one at run time (`const uploader = driver === 'local' ? LocalModule : S3Module`):
 * then each it may pick, since any of them may serve.
 */
export function modulesOf(reader: NestReader, file: string, element: TsNode): ClassRef[] {
  const direct = classOf(reader, file, element);
  if (direct) return [direct];
  const { ts } = reader;
  if (!ts.Node.isIdentifier(element)) return [];
  const initializer = element.getSourceFile().getVariableDeclaration(element.getText())?.getInitializer();
  const branches: TsNode[] = [];
  const collect = (node: TsNode | undefined, depth: number): void => {
    if (!node || depth > 8) return;
    if (ts.Node.isConditionalExpression(node)) {
      collect(node.getWhenTrue(), depth + 1);
      collect(node.getWhenFalse(), depth + 1);
    } else if (ts.Node.isParenthesizedExpression(node)) collect(node.getExpression(), depth + 1);
    else branches.push(node);
  };
  collect(initializer, 0);
  return branches.flatMap((branch) => {
    const found = classOf(reader, file, branch);
    return found ? [found] : [];
  });
}

/** Follow a class name through imports, barrels (`export * from`) and path aliases to its declaration. */
export function findClass(
  reader: NestReader,
  file: string,
  name: string,
  seen = new Set<string>(),
): ClassRef | undefined {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const source = reader.source(file);
  if (name === 'default') return defaultClass(reader, source, seen);
  const declaration = source.getClass(name);
  if (declaration) return { file, declaration };
  for (const declaration of source.getImportDeclarations()) {
    // `import UsersModule from './users.module'`: its default export.
    const imported = declaration.getDefaultImport()?.getText() === name ? 'default' : undefined;
    const named = declaration
      .getNamedImports()
      .find((item) => (item.getAliasNode()?.getText() ?? item.getName()) === name);
    const target = (imported || named) && reader.modules.resolve(file, declaration.getModuleSpecifierValue());
    if (target) return findClass(reader, target, imported ?? named!.getName(), seen);
  }
  for (const declaration of source.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const target = specifier && reader.modules.resolve(file, specifier);
    if (!target) continue;
    const named = declaration.getNamedExports();
    if (!named.length) {
      const found = findClass(reader, target, name, seen); // export * from './x'
      if (found) return found;
      continue;
    }
    const match = named.find((item) => (item.getAliasNode()?.getText() ?? item.getName()) === name);
    if (match) return findClass(reader, target, match.getName(), seen);
  }
  return undefined;
}

/**
 * The class a module exports by default: `export default class UsersModule {}`, as
 * generator-nest-js-boilerplate writes every module and controller, or `export default UsersModule`.
 */
function defaultClass(reader: NestReader, source: SourceFile, seen: Set<string>): ClassRef | undefined {
  const file = source.getFilePath();
  const declaration = source.getClasses().find((candidate) => candidate.isDefaultExport());
  if (declaration) return { file, declaration };
  const assigned = source.getExportAssignments().find((assignment) => !assignment.isExportEquals());
  const expression = assigned && unwrap(reader.ts, assigned.getExpression());
  return expression && reader.ts.Node.isIdentifier(expression)
    ? findClass(reader, file, expression.getText(), seen)
    : undefined;
}

/** A class as written, declared or an expression (`mixin(class implements CanActivate {…})`). */
export type ClassLikeDeclaration = ClassDeclaration | ClassExpression;

export interface ClassRef {
  file: string;
  declaration: ClassDeclaration;
}
