/**
 * Names across modules, for the readers that follow values rather than router names (Fastify's
 * plugins, Koa's routers, Hono's sub-apps): what an identifier stands for, found by its scope
 * (a parameter, a `const` or function of an enclosing block) and followed through ES imports,
 * `require()`, `export *` barrels and `module.exports`. Syntax only, as everywhere in this package.
 */
import { dirname } from 'node:path';
import type {
  CallExpression,
  ClassDeclaration,
  ConstructorDeclaration,
  PropertyAccessExpression,
  FunctionDeclaration,
  Identifier,
  Node as TsNode,
  ParameterDeclaration,
  Project,
  SourceFile,
  VariableDeclaration,
} from 'ts-morph';
import type { RunNotes } from './run-notes.js';
import { AwilixRegistrations } from './awilix.js';
import { escapeRegExp, Implementations } from './implementations.js';
import { ProjectFiles } from './project-files.js';
import {
  constArray,
  errorStatusesIn,
  ImportResolver,
  isPathLiteral,
  isErrorPackage,
  namedErrorStatus,
  pathText,
  statusCode,
  syntaxErrors,
  type TsMorph,
  isFunctionLike,
  type FunctionNode,
  type ErrorStatusParameter,
} from './syntax.js';
import { type Handing, type Answerer, handedThrough } from './handing.js';
import { unwrap, returnedBy, property } from './code-shapes.js';
import { constantField, thisMember, madeClass, classMember, assignedInClass } from './class-members.js';

export { isFunction, type FunctionNode } from './syntax.js';

/** Where a name is declared: the node calls on it are matched against. */
export type Declaration = VariableDeclaration | FunctionDeclaration | ParameterDeclaration;

/** What a name stands for: its declaration, and the value it holds when the code states one. */
export interface Binding {
  /** Undefined for a value with no name of its own (`export default fp(async (app) => {…})`). */
  declaration?: Declaration;
  /** A function declaration, or the initializer unwrapped (`await`, parentheses, `as`). */
  value?: TsNode;
  /**
   * A name destructured from a value (`const { PATHS: paths } = require('./paths')`): the key read
   * (`PATHS`) off the initializer `from`. Its `value` is then undefined: the whole object is not the name's.
   */
  destructured?: { key: string; from: TsNode };
}

/**
 * How many calls deep the errors a handler's callees raise are read: the service it calls, and the
 * helpers that service calls (`findOrFail`). Deeper, a throw is less and less likely to be on the
 * route's way, and reading costs more.
 */
const SERVICE_CALL_DEPTH = 2;

/** awilix-express's invokers: `makeInvoker(makeApi)` makes a handler of each method, `api('find')`. */
const INVOKERS = new Set(['makeInvoker', 'makeClassInvoker', 'makeFunctionInvoker']);

export class Modules {
  private readonly sources = new Map<string, SourceFile>();
  private readonly resolver: ImportResolver;
  private readonly implementations: Implementations;
  private readonly awilix: AwilixRegistrations;
  /** The package's source files, for what no import says: implementations of interfaces, bindings of tokens. */
  private readonly files = new ProjectFiles();
  /** A module → its `decorate('name', value)` calls by name. */
  private readonly decorated = new WeakMap<SourceFile, Map<string, TsNode[]>>();
  /** The decorations the route being read sees, by name, where its reader tells Fastify's plugin scopes apart. */
  private visibleDecorations: ((name: string) => TsNode[]) | undefined;
  /** A function → the statuses of the errors it raises itself (`raisedBy`). */
  private readonly raised = new WeakMap<TsNode, number[]>();
  /** Where each error class of the project takes its status (`errorStatusParameter`), once read. */
  private readonly statusParameters = new WeakMap<ClassDeclaration, ErrorStatusParameter>();

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    private readonly ts: TsMorph,
    private readonly project: Project,
    notes: RunNotes,
  ) {
    this.resolver = new ImportResolver(ts, notes.missedSources);
    this.implementations = new Implementations(ts, this, this.files);
    this.awilix = new AwilixRegistrations(ts, this, this.files, notes.unreadRegistrations);
  }

  /** A file of the app, parsed once; a syntax error stops the run at its line. */
  source(file: string): SourceFile {
    let source = this.sources.get(file);
    if (!source) {
      source = this.project.addSourceFileAtPath(file);
      syntaxErrors(this.ts, source);
      this.sources.set(file, source);
    }
    return source;
  }

  /** The file a specifier names when it is the project's own (relative, tsconfig `paths`, `#imports`). */
  resolve(from: string, specifier: string): string | undefined {
    return this.resolver.resolve(from, specifier);
  }

  /** The file `require('./x')` or `import('./x')` loads, when it is the project's own. */
  loaded(node: TsNode): string | undefined {
    const specifier = this.loadedSpecifier(node);
    return specifier === undefined ? undefined : this.resolve(node.getSourceFile().getFilePath(), specifier);
  }

  /**
   * What a called expression stands for when a helper is handed the app: the default export of
   * the module it loads (`require('./routes')(app)`), or what a name holds (`createRoutes(app)`).
   */
  calleeValue(callee: TsNode): TsNode | undefined {
    const loaded = this.loaded(callee);
    if (loaded) return this.exported(loaded, 'default')?.value;
    return this.ts.Node.isIdentifier(callee) ? this.follow(callee)?.value : undefined;
  }

  /** What `require('./x')` or `import('./x')` loads, as written. */
  loadedSpecifier(node: TsNode): string | undefined {
    const { ts } = this;
    if (!ts.Node.isCallExpression(node)) return undefined;
    const callee = node.getExpression();
    const loads = callee.getText() === 'require' || callee.getKind() === ts.SyntaxKind.ImportKeyword;
    const [specifier] = node.getArguments();
    return loads && specifier && isPathLiteral(ts, specifier) ? pathText(specifier) : undefined;
  }

  /**
   * The project's modules a file loads (`import`, `import './routes'` for its side effects,
   * `export … from`, `require()`, `import()`), transitively, in the order ES modules run: each
   * after the modules it imports, in the order it imports them.
   */
  evaluationOrder(file: string, seen = new Set<string>(), out: string[] = []): string[] {
    if (seen.has(file)) return out;
    seen.add(file);
    const { ts } = this;
    const source = this.source(file);
    // `import` and `export … from` run in the order they are written, whichever comes first.
    const specifiers = [
      ...source.getImportDeclarations().filter((declaration) => !declaration.isTypeOnly()),
      ...source.getExportDeclarations().filter((declaration) => !declaration.isTypeOnly()),
    ]
      .sort((a, b) => a.getStart() - b.getStart())
      .map((declaration) => declaration.getModuleSpecifierValue())
      .filter((specifier): specifier is string => !!specifier)
      .map((specifier) => this.resolve(file, specifier));
    const required = source.getDescendantsOfKind(ts.SyntaxKind.CallExpression).map((call) => this.loaded(call));
    for (const next of [...specifiers, ...required]) if (next) this.evaluationOrder(next, seen, out);
    out.push(file);
    return out;
  }

  /**
   * Whether a specifier names a module of the project, found or not: relative, `#imports`, a tsconfig
   * `paths` entry's, or a path alias no npm package can be named (`@/routes`, `~/lib`, `$lib`).
   */
  isProjects(from: string, specifier: string): boolean {
    return (
      /^[.#]/.test(specifier) ||
      isAliasName(specifier) ||
      this.resolver.aliasing(from, specifier).entry !== undefined ||
      this.resolve(from, specifier) !== undefined
    );
  }

  /**
   * What to do where a module of the project that is no relative path has no file: for a path alias, the
   * tsconfig whose `paths` were read and the entry it matches or should have, or that no tsconfig was
   * found; for a `#subpath`, the package.json `imports` to add. Undefined for a relative path.
   */
  unreadModuleHint(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return undefined;
    const pattern = `${specifier.split('/')[0]}${specifier.includes('/') ? '/*' : ''}`;
    if (specifier.startsWith('#'))
      return `'${specifier}' is a subpath import: docgen reads it from the imports of the nearest package.json above ${dirname(from)}; add one there ("${pattern}": "./src/${pattern.slice(1)}.ts")`;
    const { config, entry } = this.resolver.aliasing(from, specifier);
    if (entry)
      return `'${specifier}' is a path alias of ${config} ("${entry[0]}": ${JSON.stringify(entry[1])}), and no file is found where it points: check the path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files), and that the file is in the checkout`;
    const example = `"${pattern}": ["./src/${specifier.includes('/') ? '*' : specifier.replace(/^[@~$]+/, '')}"]`;
    return config
      ? `'${specifier}' looks like a path alias, and ${config} has no compilerOptions.paths entry for it: add one (${example})`
      : `'${specifier}' looks like a path alias, and no tsconfig.json was found from ${dirname(from)} up: add one whose compilerOptions.paths maps it (${example})`;
  }

  /** The project file a namespace import names (`import * as routes from './routes'`), for `routes.list`. */
  namespaceFile(id: Identifier): string | undefined {
    const source = id.getSourceFile();
    const namespace = source
      .getImportDeclarations()
      .find((declaration) => declaration.getNamespaceImport()?.getText() === id.getText());
    return namespace && this.resolve(source.getFilePath(), namespace.getModuleSpecifierValue());
  }

  /**
   * The name a local name is imported under from its module: `createKoaServer` of
   * `import { createKoaServer as makeServer }` (or `const { createKoaServer: makeServer } = require(…)`);
   * the local name itself where it is not renamed.
   */
  importedName(id: Identifier): string {
    const { ts } = this;
    const name = id.getText();
    for (const declaration of id.getSourceFile().getImportDeclarations())
      for (const named of declaration.getNamedImports())
        if ((named.getAliasNode()?.getText() ?? named.getName()) === name) return named.getName();
    const element = this.bindingOf(id)?.declaration;
    if (element && ts.Node.isBindingElement(element)) return element.getPropertyNameNode()?.getText() ?? name;
    return name;
  }

  /** The package a local name is imported from (`fp` → `fastify-plugin`), for names that are not the project's. */
  packageOf(id: Identifier): string | undefined {
    const name = id.getText();
    const source = id.getSourceFile();
    for (const declaration of source.getImportDeclarations()) {
      const names = [
        declaration.getDefaultImport()?.getText(),
        declaration.getNamespaceImport()?.getText(),
        ...declaration.getNamedImports().map((named) => named.getAliasNode()?.getText() ?? named.getName()),
      ];
      if (names.includes(name)) return declaration.getModuleSpecifierValue();
    }
    const binding = this.bindingOf(id);
    const init = binding?.value;
    if (init && this.ts.Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
      const [specifier] = init.getArguments();
      return specifier && isPathLiteral(this.ts, specifier) ? pathText(specifier) : undefined;
    }
    return undefined;
  }

  /**
   * Whether a source file of the package `file` is in imports or requires `pkg` (`@fastify/jwt`): for a
   * plugin that answers through what it decorates the instance with, not through a name imported where it is used.
   */
  projectLoads(file: string, pkg: string): boolean {
    const quoted = new RegExp(`(['"\`])${escapeRegExp(pkg)}\\1`);
    return this.files.mentioning(file, quoted).length > 0;
  }

  /** The package a name is imported or `require()`d from, destructured too (`const { inject } = require('awilix-express')`). */
  loadedFrom(id: Identifier): string | undefined {
    const destructured = this.bindingOf(id)?.destructured;
    return this.packageOf(id) ?? (destructured && this.loadedSpecifier(destructured.from));
  }

  /**
   * The package a mounted handler or plugin comes from (`agendash(agenda)`, `swaggerUi.setup(spec)`,
   * `express.static('public')`, `serve('public')`: `agendash`, `swagger-ui-express`, `express`,
   * `koa-static`), else undefined (the project's own, a global, an inline function).
   */
  packageServing(handler: TsNode, depth = 0): string | undefined {
    const { ts } = this;
    let root = handler;
    while (ts.Node.isCallExpression(root) || ts.Node.isPropertyAccessExpression(root))
      root = unwrap(ts, root.getExpression());
    if (!ts.Node.isIdentifier(root)) return undefined;
    // `const dash = agendash(agenda)`, then `register(dash, …)`: what the `const` holds.
    const local = this.bindingOf(root);
    const held =
      local && isConst(ts, local.declaration) && local.value && !this.loadedSpecifier(local.value)
        ? unwrap(ts, local.value)
        : undefined;
    if (held && depth < 4 && (ts.Node.isCallExpression(held) || ts.Node.isPropertyAccessExpression(held)))
      return this.packageServing(held, depth + 1);
    const specifier = this.packageOf(root);
    if (!specifier || this.isProjects(root.getSourceFile().getFilePath(), specifier)) return undefined;
    return specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/');
  }

  /**
   * Whether app-wide middleware is a body parser (`express.json()`, `json({ limit })` from express,
   * `bodyParser.urlencoded(…)`) or a static file server (`express.static(…)`): on every row of the
   * page they say nothing about a route, so the readers leave them out.
   */
  isParserOrFiles(node: TsNode): boolean {
    return this.isBodyParser(node, ['static']);
  }

  /**
   * Whether a handler is a body parser (`express.json()`, `bodyParser.raw(…)`): at a path
   * (`app.use('/webhooks', express.raw(…))`) it prepares the routes under it, and serves nothing of its own.
   */
  isBodyParser(node: TsNode, also: string[] = [], depth = 0): boolean {
    const { ts } = this;
    // `const jsonParser = bodyParser.json()`, as body-parser's docs name one, here or imported
    // (`import urlencodedParser from './config/bodyparser'`): what the name holds.
    if (ts.Node.isIdentifier(node) && depth < 4) {
      const held = this.follow(node)?.value;
      return held !== undefined && held !== node && this.isBodyParser(unwrap(ts, held), also, depth + 1);
    }
    if (!ts.Node.isCallExpression(node)) return false;
    const pkg = this.packageServing(node);
    const callee = node.getExpression();
    const name = ts.Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    return (
      pkg === 'body-parser' || (pkg === 'express' && ['json', 'urlencoded', 'text', 'raw', ...also].includes(name))
    );
  }

  /**
   * The declaration an identifier refers to, found as scopes find it: the nearest enclosing
   * function's parameters or block's declarations; undefined for a global or an import.
   */
  bindingOf(id: Identifier): Binding | undefined {
    const { ts } = this;
    const name = id.getText();
    for (let scope: TsNode | undefined = id.getParent(); scope; scope = scope.getParent()) {
      if (
        ts.Node.isArrowFunction(scope) ||
        ts.Node.isFunctionExpression(scope) ||
        ts.Node.isFunctionDeclaration(scope) ||
        ts.Node.isMethodDeclaration(scope) ||
        ts.Node.isConstructorDeclaration(scope)
      ) {
        const parameter = scope.getParameters().find((candidate) => candidate.getName() === name);
        if (parameter) return { declaration: parameter };
      }
      if (ts.Node.isBlock(scope) || ts.Node.isSourceFile(scope)) {
        const found = declaredIn(ts, scope.getStatements(), name);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * What an identifier stands for, followed through imports and `const x = y`: the binding that
   * holds a value (a function, a call, an object), with the file it is in.
   */
  follow(id: Identifier, depth = 0): Binding | undefined {
    if (depth > 8) return undefined;
    const local = this.bindingOf(id);
    if (local?.destructured) {
      // `const { PATHS } = require('./paths')`: what that module exports under the key.
      const required = this.loaded(local.destructured.from);
      if (required) return this.exported(required, local.destructured.key, depth + 1) ?? local;
      // `const { show } = ratings`, tsc's `const { addToCart } = cart_controller_1.default`: a member of that value.
      const member = this.memberOf(local.destructured.from, local.destructured.key, depth + 1);
      return member ? { declaration: local.declaration, value: unwrap(this.ts, member) } : local;
    }
    if (local) {
      const { value } = local;
      if (value && this.ts.Node.isIdentifier(value)) return this.follow(value, depth + 1) ?? local;
      const required = value && this.loaded(value);
      if (required) return this.exported(required, 'default', depth + 1) ?? local;
      // `constructor(usersService)` in awilix's classic mode: what the container registers under the name.
      const injected = !value && this.ts.Node.isParameterDeclaration(local.declaration) && this.cradleValue(id);
      return injected ? { ...local, value: injected } : local;
    }
    const imported = this.importOf(id);
    if (imported) return this.exported(imported.file, imported.name, depth + 1);
    // `constructor({ usersService })`, `({ usersService }) => …`: destructured from awilix's cradle.
    const injected = this.cradleValue(id);
    return injected ? { value: injected } : undefined;
  }

  /**
   * What awilix hands a parameter of a constructor or function by its name (`usersService`, or the key
   * a destructured one is read from: `{ usersService: users }`), where the project registers a value
   * under it (`awilix.ts`); undefined for any other parameter.
   */
  private cradleValue(id: Identifier): TsNode | undefined {
    const key = cradleKey(this.ts, id);
    return key === undefined ? undefined : this.awilix.registered(key, id.getSourceFile().getFilePath());
  }

  /**
   * The function awilix calls to make what a cradle name stands for, where the project registers it
   * with `asFunction(makeRouter)`: `router` of `constructor({ router })` (or `opts.router`, or classic
   * mode's `constructor(router)`), for the router that function builds and returns.
   */
  awilixFactory(node: TsNode): TsNode | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    const file = value.getSourceFile().getFilePath();
    if (ts.Node.isIdentifier(value)) {
      const key = !this.importOf(value) && !this.bindingOf(value)?.value ? cradleKey(ts, value) : undefined;
      return key === undefined ? undefined : this.awilix.factory(key, file);
    }
    const cradle = ts.Node.isPropertyAccessExpression(value) ? unwrap(ts, value.getExpression()) : undefined;
    return cradle && this.isCradle(cradle)
      ? this.awilix.factory((value as PropertyAccessExpression).getName(), file)
      : undefined;
  }

  /** What the container registers under a name, for a class or function of `file`'s package that awilix builds. */
  awilixRegistered(name: string, file: string): TsNode | undefined {
    return this.awilix.registered(name, file);
  }

  /**
   * The status an error class of the project carries itself, for `throw new NotFoundError()`: a
   * status field it states (`statusCode = 404`, `readonly status = HttpStatus.NOT_FOUND`), one its
   * constructor sets (`this.statusCode = 404`) or hands its base (`super(message, 404)`,
   * `super({ message, status: 404 })`), else its base's, up the `extends` chain across modules (to a
   * NestJS exception, `extends NotFoundException`). Undefined for a class that takes its status from
   * its caller (`super(message, status)`), and for one not of the project (`Error`).
   */
  errorClassStatus = Object.assign(
    (callee: TsNode, depth = 0): number | undefined => {
      const ref = depth <= 8 ? this.errorClass(callee) : undefined;
      if (!ref) return undefined;
      // A class of the project is read, whatever its name: its own `NotFoundException` is not NestJS's.
      const known = ref.cls ? undefined : namedErrorStatus(ref.name, ref.pkg);
      if (known !== undefined || ref.pkg !== undefined || !ref.cls) return known;
      const { ts } = this;
      // How many arguments `new X(…)` gives, for a status parameter's default it leaves to apply (`public status = 500`).
      const made = depth === 0 ? unwrap(ts, callee).getParent() : undefined;
      const given = made && ts.Node.isNewExpression(made) ? made.getArguments().length : undefined;
      const own = ownErrorStatus(ts, ref.cls, (node) => this.statusOf(node), given);
      if (own !== undefined) return own;
      const base = ref.cls.getExtends()?.getExpression();
      return base && this.errorClassStatus(base, depth + 1);
    },
    {
      statusOf: (node: TsNode) => this.statusOf(node),
      statusParameter: (callee: TsNode) => this.errorStatusParameter(callee),
    },
  );

  /**
   * Which argument of `new X(…)` becomes the status of the project's error class `callee` names, by its
   * constructor (`statusParameterAt`), or that of the base it inherits its constructor from; with its
   * constructor's parameter names. Undefined for a class not of the project (NestJS's `HttpException`).
   */
  private errorStatusParameter(callee: TsNode, depth = 0): ErrorStatusParameter | undefined {
    const cls = depth <= 8 ? this.errorClass(callee)?.cls : undefined;
    if (!cls) return undefined;
    // Read once per class: each `new X(…)` of it, and each class extending it, asks again.
    let found = this.statusParameters.get(cls);
    if (!found) {
      found = this.classStatusParameter(cls, depth);
      this.statusParameters.set(cls, found);
    }
    return found;
  }

  /** `errorStatusParameter` of a class of the project, `depth` classes down its `extends` chain. */
  private classStatusParameter(cls: ClassDeclaration, depth: number): ErrorStatusParameter {
    const { ts } = this;
    const base = cls.getExtends()?.getExpression();
    // NestJS's `HttpException(response, status)`, else the project's base read the same way.
    const baseAt = (): number | undefined =>
      !base
        ? undefined
        : (this.errorStatusParameter(base, depth + 1)?.at ?? (this.isNestHttpException(base) ? 1 : undefined));
    const constructor = cls.getConstructors()[0];
    if (!constructor) return { at: baseAt(), parameters: [] };
    return {
      at: statusParameterAt(ts, constructor, baseAt),
      parameters: constructor.getParameters().map((parameter) => parameter.getName()),
    };
  }

  /**
   * Whether a class's base is NestJS's `HttpException`: by its name, under an alias
   * (`HttpException as HttpError`) or through a namespace import of `@nestjs/common`
   * (`extends common.HttpException`); not a class of the project of that name.
   */
  private isNestHttpException(base: TsNode): boolean {
    const ref = this.errorClass(base);
    return ref?.name === 'HttpException' && !ref.cls && (ref.pkg === '@nestjs/common' || !ref.qualified);
  }

  /**
   * What the name of an error class (`new X(…)`'s, or a base's: `extends X`) stands for: a class of the
   * project (here, imported, or a namespace import's member: `errors.ApiError`), or a class of a package
   * whose errors carry their status (`namedErrorStatus`) by the name the package exports it under, imported
   * under an alias (`NotFoundException as NotFound`) or through a namespace (`common.NotFoundException`).
   */
  private errorClass(callee: TsNode): ErrorClassRef | undefined {
    const { ts } = this;
    const name = unwrap(ts, callee);
    if (ts.Node.isPropertyAccessExpression(name)) {
      const namespace = unwrap(ts, name.getExpression());
      if (!ts.Node.isIdentifier(namespace)) return undefined;
      const pkg = this.packageOf(namespace);
      if (isErrorPackage(pkg)) return { name: name.getName(), pkg, qualified: true };
      const file = this.namespaceFile(namespace);
      const cls = file && this.exported(file, name.getName())?.value;
      return { name: name.getName(), cls: cls && ts.Node.isClassDeclaration(cls) ? cls : undefined, qualified: true };
    }
    if (!ts.Node.isIdentifier(name)) return undefined;
    const pkg = this.packageOf(name);
    if (isErrorPackage(pkg)) return { name: this.importedName(name), pkg };
    const cls = this.follow(name)?.value;
    return { name: name.getText(), cls: cls && ts.Node.isClassDeclaration(cls) ? cls : undefined };
  }

  /**
   * The statuses of the errors the project's own functions a handler calls raise, as the app's error
   * handler answers with them: `await users.get(id)` where `get` does `throw new HttpError(404)`,
   * `createError(404)` or NestJS's `throw new NotFoundException()` (`errorStatusesIn`);
   * `this.usersService.findOne(id)` of an injected service too (`functionOf`); and those of the
   * functions they call in turn, `SERVICE_CALL_DEPTH` calls deep (handler → service → helper), each
   * function read once, so a cycle (`a` calls `b` calls `a`) ends. Not a call in a nested function (a
   * callback may run apart from the request), nor one in a `try` whose `catch` keeps the error
   * (neither rethrows it nor hands it to `next`); not a package's function.
   */
  serviceErrorStatuses(handler: TsNode, part?: TsNode): number[] {
    const { ts } = this;
    const own = isFunctionLike(ts, handler) ? handler : handler.getFirstAncestor((node) => isFunctionLike(ts, node));
    if (!own) return [];
    const codes: number[] = [];
    const seen = new Set<TsNode>([own]);
    let callers: TsNode[] = [own];
    for (let depth = 0; depth < SERVICE_CALL_DEPTH && callers.length; depth++) {
      // The handler's own calls in the `part` of it that runs for the route, where only a branch does.
      const within = depth === 0 ? part : undefined;
      const called = callers.flatMap((caller) => this.calledFunctions(caller, within)).filter((fn) => !seen.has(fn));
      callers = [...new Set(called)];
      for (const fn of callers) {
        seen.add(fn);
        codes.push(...this.raisedBy(fn));
      }
    }
    return codes;
  }

  /**
   * The statuses of the errors a function of the project raises itself, read once per function where
   * no Fastify plugin scope is in force: the routes of a NestJS app call the same service methods
   * (a CRUD base class's `findOne`) again and again.
   */
  private raisedBy(fn: TsNode): number[] {
    if (this.visibleDecorations) return errorStatusesIn(this.ts, fn, this.errorClassStatus);
    let codes = this.raised.get(fn);
    if (!codes) {
      codes = errorStatusesIn(this.ts, fn, this.errorClassStatus);
      this.raised.set(fn, codes);
    }
    return codes;
  }

  /**
   * The functions of the project a function calls itself (not in a nested function) where an error
   * they raise leaves it: `users.get(id)`, `this.findOne(id)`, `helper()`. Only in its body: a method's
   * decorators (`@Roles('admin')`, `@Param('id', ParseIntPipe)`) run when the class is declared, not
   * when it is called; what they mean for a route (guards, `@HttpCode`) is read by their own rules.
   */
  private calledFunctions(own: TsNode, within?: TsNode): TsNode[] {
    const { ts } = this;
    const found: TsNode[] = [];
    const body = within ?? (ts.Node.isBodyable(own) || ts.Node.isBodied(own) ? own.getBody() : own);
    // An arrow's body may be the call itself: `(req) => users.get(req.params.id)`.
    const calls = !body ? [] : [body, ...body.getDescendants()].filter((node) => ts.Node.isCallExpression(node));
    for (const call of calls) {
      if (call.getFirstAncestor((node) => isFunctionLike(ts, node)) !== own || !errorEscapes(ts, call, own)) continue;
      const fn = this.functionOf(call.getExpression());
      if (fn && fn !== own && isFunctionLike(ts, fn)) found.push(fn);
    }
    return found;
  }

  /**
   * The status a value states: a literal or a status name docgen knows (`statusCode`), or a member of
   * a numeric `enum` of the project (`StatusCode.NOT_FOUND` with `enum StatusCode { NOT_FOUND = 404 }`,
   * here or imported) or a numeric `const` it holds (`const NOT_FOUND = 404`).
   */
  statusOf(node: TsNode): number | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    const known = statusCode(ts, value);
    if (known !== undefined) return known;
    if (ts.Node.isPropertyAccessExpression(value) && ts.Node.isIdentifier(value.getExpression())) {
      const enumeration = this.follow(value.getExpression() as Identifier)?.value;
      if (enumeration && ts.Node.isEnumDeclaration(enumeration)) {
        const member = enumeration.getMember(value.getName())?.getInitializer();
        return member && ts.Node.isNumericLiteral(member) ? Number(member.getLiteralValue()) : undefined;
      }
    }
    const held =
      ts.Node.isIdentifier(value) || ts.Node.isPropertyAccessExpression(value) ? this.constValue(value) : undefined;
    return held && ts.Node.isNumericLiteral(held) ? Number(held.getLiteralValue()) : undefined;
  }

  /**
   * The value of the `const` a name is imported as (`import { API_PREFIX } from './config'`, through
   * barrels too), for `literalValue`; undefined for anything else (`let`, a function, `require()`).
   */
  constValue(node: Identifier | PropertyAccessExpression): TsNode | undefined {
    if (this.ts.Node.isPropertyAccessExpression(node)) return this.memberValue(node);
    const local = this.bindingOf(node);
    // A name of this module is read where it is declared, unless it is a `const` a `require()` loads.
    if (local && !(isConst(this.ts, local.declaration) && this.requiredBy(local))) return undefined;
    const { declaration, value } = this.follow(node) ?? {};
    return isConst(this.ts, declaration) || (!declaration && value && isLiteralData(this.ts, value))
      ? value
      : undefined;
  }

  /**
   * The value of `PATHS.users` (`paths.api.v1`, nested too) when the object is a `const` object
   * literal (here, imported or required: `const { PATHS } = require('./paths')`) or a module of the
   * project (`const config = require('./config')`, `import * as config from './config'`) that
   * exports a `const` under that key.
   */
  private memberValue(access: PropertyAccessExpression, depth = 0): TsNode | undefined {
    const { ts } = this;
    if (depth > 8) return undefined;
    const object = unwrap(ts, access.getExpression());
    const key = access.getName();
    // `${this.path}/:id` in a route class with `public path = '/users'`.
    if (object.getKind() === ts.SyntaxKind.ThisKeyword) return constantField(ts, access);
    let holder: TsNode | undefined;
    if (ts.Node.isPropertyAccessExpression(object)) holder = this.memberValue(object, depth + 1);
    else if (ts.Node.isIdentifier(object)) {
      // `Paths.Users` with `enum Paths { Users = '/users' }` (here or imported): a string member's value.
      const enumeration = this.follow(object)?.value;
      if (enumeration && ts.Node.isEnumDeclaration(enumeration)) {
        const value = enumeration.getMember(key)?.getInitializer();
        return value && isPathLiteral(ts, value) ? value : undefined;
      }
      const file = this.namespaceFile(object) ?? this.requiredModule(object);
      if (file) {
        const { declaration, value } = this.exported(file, key) ?? {};
        return isConst(this.ts, declaration) || (!declaration && value && isLiteralData(ts, value)) ? value : undefined;
      }
      const local = this.bindingOf(object);
      holder =
        local && !local.destructured
          ? isConst(ts, local.declaration)
            ? local.value
            : undefined
          : this.constValue(object);
    }
    holder = holder && unwrap(ts, holder);
    const found = holder && ts.Node.isObjectLiteralExpression(holder) ? property(ts, holder, key) : undefined;
    return found && unwrap(ts, found);
  }

  /** The module a `const x = require('./x')` of the project loads, for `x.key`. */
  private requiredModule(id: Identifier): string | undefined {
    const local = this.bindingOf(id);
    return local && !local.destructured && isConst(this.ts, local.declaration) && local.value
      ? this.loaded(local.value)
      : undefined;
  }

  /** The module a binding is loaded from with `require()` (`const x = require('./x')`, `const { a } = require('./x')`). */
  private requiredBy(binding: Binding): string | undefined {
    const init = binding.destructured?.from ?? binding.value;
    return init && this.loaded(init);
  }

  /**
   * The function a handler argument is or names: written there, a name (`sendHtml`, here or imported),
   * or a member of a value of the project reached by property access (`ctrl.handle` of
   * `import * as ctrl`, `handlers.proxy` of an exported or required object, `local.gone` of a `const`
   * object literal, `proxy.forward` of `new Proxy()` of a class of the project); undefined for anything
   * else (a package's, a global, a computed value).
   */
  functionOf(node: TsNode, depth = 0): TsNode | undefined {
    return this.functionIn(node, depth, false);
  }

  /**
   * The middleware a factory of the project makes, for a call of it at a route or in `use()`
   * (`requireRole('admin')` with `const requireRole = (role) => (req, res, next) => {…}`): each function
   * its body returns, written in place (an arrow, a function expression, also wrapped:
   * `createMiddleware(async (c, next) => …)`) or named inside it (`function check(req, res, next) {…}`
   * then `return check`). Empty for a package's factory (`rateLimit({ max: 5 })`) and for a call of the
   * project that returns no function (a router).
   */
  madeMiddleware(call: CallExpression): TsNode[] {
    const { ts } = this;
    const factory = this.functionOf(call.getExpression());
    if (!factory || !isFunctionLike(ts, factory)) return [];
    return returnedBy(ts, factory).flatMap((returned) => {
      const made = isFunctionLike(ts, returned) ? returned : this.handlerOf(returned);
      return made && made !== factory ? [made] : [];
    });
  }

  /**
   * The function that answers for a route's handler argument: `functionOf`'s, looking through what
   * wraps it, written at the registration or where the name is declared: `asyncHandler(getUsers)`,
   * `const getUsers = catchAsync(async (req, res) => …)`, `controller.list.bind(controller)`.
   */
  handlerOf(node: TsNode): TsNode | undefined {
    return this.functionIn(node, 0, true);
  }

  private functionIn(node: TsNode, depth: number, throughWrappers: boolean): TsNode | undefined {
    const { ts } = this;
    if (depth > 8) return undefined;
    const value = unwrap(ts, node);
    let held: TsNode | undefined = value;
    if (ts.Node.isIdentifier(value)) held = this.follow(value)?.value;
    else if (ts.Node.isPropertyAccessExpression(value))
      held = this.memberOf(value.getExpression(), value.getName(), depth);
    if (!held) return undefined;
    const found = unwrap(ts, held);
    if (isFunctionLike(ts, found)) return found;
    // `const getProfile = require('./users').getProfile`, `{ list: handlers.list }`: what that names.
    if (found !== value && (ts.Node.isIdentifier(found) || ts.Node.isPropertyAccessExpression(found)))
      return this.functionIn(found, depth + 1, throughWrappers);
    if (!throughWrappers || !ts.Node.isCallExpression(found)) return undefined;
    return (
      this.invokedMethod(found, depth) ??
      this.injectedMiddleware(found, depth) ??
      this.wrappedBy(found, depth, throughWrappers)
    );
  }

  /**
   * The middleware awilix-express's `inject(factory)` runs for a route: what the factory returns
   * (`inject(({ ordersService }) => async (req, res) => …)`), built per request with the services it
   * takes from the cradle; the factory itself only makes it, so its own body answers nothing.
   */
  private injectedMiddleware(call: CallExpression, depth: number): TsNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    const name = ts.Node.isIdentifier(callee)
      ? callee
      : ts.Node.isPropertyAccessExpression(callee)
        ? callee.getNameNode()
        : undefined;
    if (name?.getText() !== 'inject' || call.getArguments().length !== 1) return undefined;
    const owner = ts.Node.isIdentifier(callee)
      ? callee
      : unwrap(ts, (callee as PropertyAccessExpression).getExpression());
    if (!ts.Node.isIdentifier(owner) || this.loadedFrom(owner) !== 'awilix-express') return undefined;
    const factory = this.functionOf(call.getArguments()[0]!, depth + 1);
    const returned = factory ? returnedBy(ts, factory) : [];
    const [made] = returned;
    return returned.length === 1 && made ? this.functionOf(made, depth + 1) : undefined;
  }

  /**
   * The method awilix-express's invoker calls for a route: `api('find')` with `const api =
   * makeInvoker(makeUsersApi)` (a factory returning an object, a class, or `() =>
   * container.resolve('usersApi')`) is the `find` of what it makes, which the invoker calls with the
   * request and response.
   */
  private invokedMethod(call: CallExpression, depth: number): TsNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    const [method] = call.getArguments();
    if (!ts.Node.isIdentifier(callee) || !method || !ts.Node.isStringLiteral(method) || depth > 8) return undefined;
    const invoker = this.follow(callee)?.value;
    const maker = invoker && ts.Node.isCallExpression(invoker) ? invoker.getExpression() : undefined;
    const invokes = maker && INVOKERS.has(maker.getText().split('.').pop()!);
    const [made] = invokes ? (invoker as CallExpression).getArguments() : [];
    const member = made && this.madeMember(made, method.getLiteralText(), depth + 1);
    const fn = member && unwrap(ts, member);
    return fn && isFunctionLike(ts, fn) ? fn : undefined;
  }

  /**
   * The function `key` names on what a class or factory of the project makes (awilix-express's
   * `createController(makeUsersApi).get('/:id', 'find')`): an instance's method, or the key of the
   * object the factory returns; undefined where that is not a function docgen reads.
   */
  memberMadeBy(maker: TsNode, key: string): TsNode | undefined {
    const member = this.madeMember(maker, key, 0);
    const fn = member && this.functionOf(member);
    return fn ?? (member && isFunctionLike(this.ts, unwrap(this.ts, member)) ? unwrap(this.ts, member) : undefined);
  }

  /**
   * What `key` holds on the value a class or factory makes: an instance's method for a class, the
   * key of the object a factory returns (`({ usersService }) => ({ find: … })`), followed through a
   * factory that returns `container.resolve('usersApi')` to what the project registers.
   */
  private madeMember(maker: TsNode, key: string, depth: number): TsNode | undefined {
    const { ts } = this;
    const value = unwrap(ts, maker);
    const held = ts.Node.isIdentifier(value) ? this.follow(value, depth + 1)?.value : value;
    if (!held || depth > 8) return undefined;
    if (ts.Node.isClassDeclaration(held)) return classMember(ts, held, key, false) ?? assignedInClass(ts, held, key);
    if (ts.Node.isObjectLiteralExpression(held)) return property(ts, held, key);
    const made = madeClass(ts, held);
    if (made && ts.Node.isStringLiteral(made)) {
      const registered = this.awilix.registered(made.getLiteralText(), made.getSourceFile().getFilePath());
      return registered && this.madeMember(madeClass(ts, registered) ?? registered, key, depth + 1);
    }
    if (made) return this.madeMember(made, key, depth + 1);
    const returned = isFunctionLike(ts, held) ? returnedBy(ts, held) : [];
    return returned.length === 1 ? this.madeMember(returned[0]!, key, depth + 1) : undefined;
  }

  /**
   * The functions that answer for a handler: itself, and the functions of the project it hands its
   * response (its parameter at `responseAt`: Express's `res`, Hono's `c`) to, two calls deep
   * (`(req, res) => users.list(req, res)`, `notFound(res)`, `return sendSuccess(c, data, 201)`), each
   * with the call that hands it the response: a helper called twice (`sendSuccess(res, a, 201)`,
   * `sendSuccess(res, b)`) is there once a call, for the statuses each call gives it.
   */
  answering(handler: TsNode, responseAt: number, depth = 0, handing?: Handing): Answerer[] {
    const { ts } = this;
    const found: Answerer[] = [{ fn: handler, handing }];
    const response =
      depth < 2 && isFunctionLike(ts, handler)
        ? (handler as FunctionNode).getParameters()[responseAt]?.getName()
        : undefined;
    for (const call of response ? handler.getDescendantsOfKind(ts.SyntaxKind.CallExpression) : []) {
      if (!call.getArguments().some((arg) => arg.getText() === response)) continue;
      const called = this.functionOf(call.getExpression());
      if (called && called !== handler && !handedThrough(handing, called))
        found.push(
          ...this.answering(called, responseAt, depth + 1, { call, fn: called as FunctionNode, outer: handing }),
        );
    }
    return found;
  }

  /**
   * The function a call wraps: `fn.bind(this)`'s `fn`, else the last argument that is or names a
   * function (`asyncHandler(async (req, res) => …)`, `catchAsync(users.update)`); a wrapper passes
   * the request to it, so its statuses are the route's.
   */
  private wrappedBy(call: CallExpression, depth: number, throughWrappers: boolean): TsNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (ts.Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind')
      return this.functionIn(callee.getExpression(), depth + 1, throughWrappers);
    for (const arg of [...call.getArguments()].reverse()) {
      const fn = this.functionIn(arg, depth + 1, throughWrappers);
      if (fn) return fn;
    }
    return undefined;
  }

  /**
   * What `object.key` holds when the object is a module, object literal, class or instance of the
   * project, or a value the app was decorated with: `fastify.users.find` (`this.users.find` in a
   * handler) with `fastify.decorate('users', new UsersService())` in a plugin the app registers.
   */
  private memberOf(node: TsNode, key: string, depth: number): TsNode | undefined {
    const found = this.projectMemberOf(node, key, depth);
    if (found || depth > 8) return found;
    const object = unwrap(this.ts, node);
    // `opts.usersService`, `cradle.usersService`: read off awilix's cradle, the first parameter of what it builds.
    const injected = this.isCradle(object)
      ? this.awilix.registered(key, object.getSourceFile().getFilePath())
      : undefined;
    if (injected) return injected;
    const decorated = this.ts.Node.isPropertyAccessExpression(object) ? this.decoration(object) : undefined;
    return decorated && this.memberOf(decorated, key, depth + 1);
  }

  /**
   * Run `read` (a route's statuses) with the decorations its Fastify plugin scope sees: `visible(name)`
   * gives those of the nearest scope that decorates the name, so `fastify.users` is what that scope's
   * `decorate('users', …)` made, not a sibling plugin's.
   */
  withDecorations<T>(visible: (name: string) => TsNode[], read: () => T): T {
    const outer = this.visibleDecorations;
    this.visibleDecorations = visible;
    try {
      return read();
    } finally {
      this.visibleDecorations = outer;
    }
  }

  /**
   * The function a Fastify app was decorated with under an access's name, `fastify.authenticate` with
   * `fastify.decorate('authenticate', async (request, reply) => …)` (or a function it names), as the
   * route's plugin scope sees it (`withDecorations`).
   */
  decoratedFunction(access: PropertyAccessExpression): TsNode | undefined {
    const value = this.decoration(access);
    return value && (isFunctionLike(this.ts, unwrap(this.ts, value)) ? unwrap(this.ts, value) : this.functionOf(value));
  }

  /**
   * The value a Fastify app was decorated with under an access's name (`fastify.users`, `this.users`,
   * `request.server.users`): the second argument of the `decorate('users', value)` the route's plugin
   * scope sees (see `withDecorations`); where its reader knows of none there (a plugin docgen does not
   * read decorated it), the one of the modules read (the plugins the app registers). Undefined where
   * none says so, or where several decorate that name with different values in the same scope.
   */
  private decoration(access: PropertyAccessExpression): TsNode | undefined {
    const name = access.getName();
    const scoped = this.visibleDecorations?.(name) ?? [];
    const values = scoped.length
      ? scoped
      : [...this.sources.values()].flatMap((source) => this.decorationsIn(source).get(name) ?? []);
    const targets = new Set(values.map((value) => this.decoratedTarget(value)));
    return targets.size === 1 ? values[0] : undefined;
  }

  /**
   * Whether a value is the first parameter of a constructor or function (`opts`), or the parameter
   * property a constructor keeps it in (`this.deps` of `constructor(private deps: Deps)`): awilix's
   * cradle, where it builds one.
   */
  private isCradle(node: TsNode): boolean {
    const { ts } = this;
    // `container.cradle`, awilix-express's request scope `req.container.cradle` (or a `req.cradle` an app sets).
    if (ts.Node.isPropertyAccessExpression(node) && node.getName() === 'cradle') return true;
    const member = thisMember(ts, node);
    if (member) {
      const [first] = member.cls.getConstructors()[0]?.getParameters() ?? [];
      return !!first && first.isParameterProperty() && first.getName() === member.name;
    }
    const parameter = ts.Node.isIdentifier(node) ? this.bindingOf(node)?.declaration : undefined;
    if (!parameter || !this.ts.Node.isParameterDeclaration(parameter)) return false;
    const fn = parameter.getParent();
    return 'getParameters' in fn && (fn.getParameters() as TsNode[])[0] === parameter;
  }

  /** What a decoration stands for, to tell two apart: the class `new X()` makes, else the value a name holds. */
  private decoratedTarget(value: TsNode): TsNode {
    const { ts } = this;
    const held = ts.Node.isIdentifier(value) ? this.follow(value)?.value : value;
    const made = held && madeClass(ts, held);
    const cls =
      made && ts.Node.isIdentifier(unwrap(ts, made)) ? this.follow(unwrap(ts, made) as Identifier)?.value : undefined;
    return cls ?? held ?? value;
  }

  /** A module's `x.decorate('name', value)` calls, by name; read once a module. */
  private decorationsIn(source: SourceFile): Map<string, TsNode[]> {
    const { ts } = this;
    let found = this.decorated.get(source);
    if (found) return found;
    found = new Map();
    this.decorated.set(source, found);
    if (!source.getFullText().includes('decorate')) return found;
    for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const [name, value] = call.getArguments();
      if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'decorate') continue;
      if (!name || !value || !ts.Node.isStringLiteral(name)) continue;
      found.set(name.getLiteralText(), [...(found.get(name.getLiteralText()) ?? []), unwrap(ts, value)]);
    }
    return found;
  }

  private projectMemberOf(node: TsNode, key: string, depth: number): TsNode | undefined {
    const { ts } = this;
    const object = unwrap(ts, node);
    if (ts.Node.isIdentifier(object)) {
      const file = this.namespaceFile(object) ?? this.requiredModule(object);
      if (file) return this.exported(file, key)?.value;
    }
    // `this.ping`, `this.usersController` in a class's method: what the class keeps in that member.
    if (object.getKind() === ts.SyntaxKind.ThisKeyword) {
      const cls = object.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration);
      return cls && (classMember(ts, cls, key, false) ?? assignedInClass(ts, cls, key));
    }
    // `this.users.list` with `constructor(@inject(UsersController) private users: UsersController)`:
    // an instance the class is handed (dependency injection), read as one of the class it is typed as.
    const injected = ts.Node.isPropertyAccessExpression(object) ? this.injectedClass(object, depth) : undefined;
    if (injected) return classMember(ts, injected, key, false);
    // `orders.get` with `function makeOrders(orders: OrdersService)`: a parameter typed as a class of the project.
    const typed = ts.Node.isIdentifier(object) ? this.parameterClass(object, depth) : undefined;
    if (typed) return classMember(ts, typed, key, false) ?? assignedInClass(ts, typed, key);
    // `users_controller_1.default.byId` (tsc's `usersController.byId`): a member of a member.
    let holder: TsNode | undefined = ts.Node.isIdentifier(object)
      ? this.follow(object, depth + 1)?.value
      : ts.Node.isPropertyAccessExpression(object) && depth < 8
        ? this.memberOf(object.getExpression(), object.getName(), depth + 1)
        : object;
    holder = holder && unwrap(ts, holder);
    // `ctrl.comments.get` with `module.exports = { comments }`: the shorthand's name, followed to what it holds.
    // (Not a class's own name, which stands for an instance of it: `madeClass` below.)
    if (holder && holder !== object && ts.Node.isIdentifier(holder) && !madeClass(ts, holder) && depth < 8) {
      // `this.users = users` in a constructor that takes `users: UsersService`: an instance of that class.
      const typedHolder = this.parameterClass(holder, depth);
      if (typedHolder) return classMember(ts, typedHolder, key, false) ?? assignedInClass(ts, typedHolder, key);
      const named = this.follow(holder, depth + 1)?.value;
      holder = named && unwrap(ts, named);
    }
    // `ctrl.login` with `const ctrl = require('./controllers').users`: the member the name holds, followed to its value.
    if (holder && holder !== object && ts.Node.isPropertyAccessExpression(holder) && depth < 8) {
      const member = this.memberOf(holder.getExpression(), holder.getName(), depth + 1);
      holder = member && unwrap(ts, member);
      if (holder && ts.Node.isIdentifier(holder)) holder = this.follow(holder, depth + 1)?.value;
      holder = holder && unwrap(ts, holder);
    }
    // `require('./users').getProfile`, or a barrel's `module.exports.users = require('./users')`: that module's export.
    const required = holder && this.loaded(holder);
    if (required) return this.exported(required, key)?.value;
    // `new Proxy()`, `container.resolve(Proxy)`: the class it makes, here or imported.
    // `ctrl.list` with `const ctrl = makeUsersController(users)`: the key of what the project's factory returns.
    const factory =
      holder && ts.Node.isCallExpression(holder) && !madeClass(ts, holder)
        ? this.functionOf(holder.getExpression(), depth + 1)
        : undefined;
    if (factory) return this.madeMember(factory, key, depth + 1);
    let instanceOf = holder && madeClass(ts, holder);
    // awilix's `container.resolve('usersController')`: what the project registers under that name.
    const resolved = instanceOf && ts.Node.isStringLiteral(instanceOf) ? instanceOf : undefined;
    if (resolved) {
      holder = this.awilix.registered(resolved.getLiteralText(), resolved.getSourceFile().getFilePath());
      instanceOf = holder && madeClass(ts, holder);
    }
    if (instanceOf) {
      const made = unwrap(ts, instanceOf);
      holder = ts.Node.isIdentifier(made) ? this.follow(made, depth + 1)?.value : undefined;
      if (holder && ts.Node.isClassDeclaration(holder))
        return classMember(ts, holder, key, false) ?? assignedInClass(ts, holder, key);
      return undefined;
    }
    if (holder && ts.Node.isClassDeclaration(holder)) return classMember(ts, holder, key, true);
    return holder && ts.Node.isObjectLiteralExpression(holder) ? property(ts, holder, key) : undefined;
  }

  /**
   * What `object.key` holds when the object is a module, object literal, class or instance of the
   * project: `this.router` (a property's initializer, or what the class's code assigns to it),
   * `new OrdersRoutes().router`, `orders.router` with `const orders = new OrdersRoutes()`.
   */
  heldBy(access: PropertyAccessExpression): TsNode | undefined {
    const held = this.memberOf(access.getExpression(), access.getName(), 0);
    return held && unwrap(this.ts, held);
  }

  /**
   * The class of the project whose instance `this.key` holds: one its class makes there
   * (`this.users = new UsersRoutes()`, `container.resolve(UsersRoutes)`) or is handed as a
   * constructor's parameter property (`private readonly users: UsersRoutes`).
   */
  instanceClassOf(access: PropertyAccessExpression): ClassDeclaration | undefined {
    const { ts } = this;
    if (!thisMember(ts, access)) return undefined;
    const held = this.memberOf(access.getExpression(), access.getName(), 0);
    const made = held && madeClass(ts, held);
    const name = made && unwrap(ts, made);
    const cls = name && ts.Node.isIdentifier(name) ? this.follow(name)?.value : undefined;
    return cls && ts.Node.isClassDeclaration(cls) ? cls : this.injectedClass(access, 0);
  }

  /**
   * The class of the project a parameter is typed as (`orders: OrdersService`, `import type` too), for
   * the methods called on it: the instance a router factory or a constructor is handed.
   */
  private parameterClass(id: Identifier, depth: number): ClassDeclaration | undefined {
    const parameter = this.bindingOf(id)?.declaration;
    return parameter && this.ts.Node.isParameterDeclaration(parameter)
      ? this.implementations.classOf(parameter, depth)
      : undefined;
  }

  /**
   * The class of the project a constructor's parameter property `this.key` is typed as
   * (`private readonly users: UsersController`), when the class keeps nothing else there.
   */
  private injectedClass(access: PropertyAccessExpression, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    const member = thisMember(ts, access);
    if (!member || classMember(ts, member.cls, member.name, false) || assignedInClass(ts, member.cls, member.name))
      return undefined;
    const parameter = member.cls
      .getConstructors()
      .flatMap((constructor) => constructor.getParameters())
      .find((candidate) => candidate.isParameterProperty() && candidate.getName() === member.name);
    return parameter && this.implementations.classOf(parameter, depth);
  }

  /**
   * The elements of a route table a name stands for: a literal `const` array (here, imported, or
   * loaded with `require()`), or an array a module exports as such (`module.exports = [ … ]`,
   * `export default [ … ]`); undefined for anything else.
   */
  tableOf(id: Identifier): TsNode[] | undefined {
    const { declaration, value } = this.follow(id) ?? {};
    if (declaration && this.ts.Node.isVariableDeclaration(declaration)) return constArray(this.ts, declaration);
    if (declaration || !value || !this.ts.Node.isArrayLiteralExpression(value)) return undefined;
    const elements = value.getElements();
    return elements.some((element) => this.ts.Node.isSpreadElement(element)) ? undefined : elements;
  }

  /** The project file and exported name an identifier is imported as (`import { a as b }`: `a`). */
  importOf(id: Identifier): { file: string; name: string } | undefined {
    const name = id.getText();
    const source = id.getSourceFile();
    for (const declaration of source.getImportDeclarations()) {
      const imported =
        declaration.getDefaultImport()?.getText() === name
          ? 'default'
          : declaration
              .getNamedImports()
              .find((named) => (named.getAliasNode()?.getText() ?? named.getName()) === name)
              ?.getName();
      if (!imported) continue;
      const file = this.resolve(source.getFilePath(), declaration.getModuleSpecifierValue());
      return file ? { file, name: imported } : undefined;
    }
    return undefined;
  }

  /** What a module exports under `name` (`default` for `export default` and `module.exports =`). */
  exported(file: string, name: string, depth = 0, seen = new Set<string>()): Binding | undefined {
    const key = `${file}#${name}`;
    if (depth > 8 || seen.has(key)) return undefined;
    seen.add(key);
    const { ts } = this;
    const source = this.source(file);
    const byNode = (node: TsNode | undefined): Binding | undefined => {
      if (!node) return undefined;
      const value = unwrap(ts, node);
      return ts.Node.isIdentifier(value) ? this.follow(value, depth + 1) : { value };
    };
    if (name === 'default') {
      const fn = source.getFunctions().find((candidate) => candidate.isDefaultExport());
      if (fn) return { declaration: fn, value: fn };
      const cls = source.getClasses().find((candidate) => candidate.isDefaultExport());
      if (cls) return { value: cls };
      const assignment = source.getExportAssignments().find((candidate) => !candidate.isExportEquals());
      if (assignment) return byNode(assignment.getExpression());
    } else {
      const fn = source.getFunction(name);
      if (fn?.isExported()) return { declaration: fn, value: fn };
      const variable = source.getVariableDeclaration(name);
      if (variable?.isExported()) return { declaration: variable, value: valueOf(ts, variable) };
      const cls = source.getClass(name);
      if (cls?.isExported()) return { value: cls };
      const enumeration = source.getEnum(name);
      if (enumeration?.isExported()) return { value: enumeration };
    }
    for (const declaration of source.getExportDeclarations()) {
      const target = declaration.getModuleSpecifierValue();
      const from = target && this.resolve(file, target);
      for (const named of declaration.getNamedExports()) {
        if ((named.getAliasNode()?.getText() ?? named.getName()) !== name) continue;
        if (from) return this.exported(from, named.getName(), depth + 1, seen);
        return byNode(named.getNameNode());
      }
      // `export * from './users'`: a barrel (never re-exports a default).
      if (from && !declaration.getNamedExports().length && name !== 'default') {
        const found = this.exported(from, name, depth + 1, seen);
        if (found) return found;
      }
    }
    return this.commonJsExport(source, name, byNode);
  }

  /** `module.exports = x`, `module.exports = { a, b: c }`, `exports.a = x`. */
  private commonJsExport(
    source: SourceFile,
    name: string,
    byNode: (node: TsNode | undefined) => Binding | undefined,
  ): Binding | undefined {
    const { ts } = this;
    for (const assignment of source.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
      if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
      const left = assignment.getLeft().getText().replace(/\s+/g, '');
      const right = unwrap(ts, assignment.getRight());
      if (left === 'module.exports' && name === 'default') return byNode(right);
      if (left === 'module.exports' && ts.Node.isObjectLiteralExpression(right)) {
        const property = right.getProperty(name);
        if (property && ts.Node.isShorthandPropertyAssignment(property)) return byNode(property.getNameNode());
        if (property && ts.Node.isPropertyAssignment(property)) return byNode(property.getInitializer());
        if (property && ts.Node.isMethodDeclaration(property)) return { value: property };
      }
      if (new RegExp(`^(?:module\\.)?exports\\.${name}$`).test(left)) return byNode(right);
    }
    return undefined;
  }
}

/** A `const`'s or function's declaration of `name` among a block's statements (destructured too). */
function declaredIn(ts: TsMorph, statements: TsNode[], name: string): Binding | undefined {
  for (const statement of statements) {
    if (ts.Node.isFunctionDeclaration(statement) && statement.getName() === name)
      return { declaration: statement, value: statement };
    // `class UsersController {…}` of the module (`export default new UsersController()`).
    if (ts.Node.isClassDeclaration(statement) && statement.getName() === name) return { value: statement };
    // `enum Paths { Users = '/users' }`: its members are read as `const`s (`Paths.Users`).
    if (ts.Node.isEnumDeclaration(statement) && statement.getName() === name) return { value: statement };
    if (!ts.Node.isVariableStatement(statement)) continue;
    for (const declaration of statement.getDeclarations()) {
      const nameNode = declaration.getNameNode();
      if (ts.Node.isIdentifier(nameNode)) {
        if (nameNode.getText() === name) return { declaration, value: valueOf(ts, declaration) };
        continue;
      }
      // `const { a, b: c } = init`: `c` reads `b` off `init`.
      if (!ts.Node.isObjectBindingPattern(nameNode)) continue;
      const element = nameNode.getElements().find((candidate) => candidate.getName() === name);
      const from = valueOf(ts, declaration);
      if (!element) continue;
      if (element.getDotDotDotToken() || !from) return { declaration };
      return { declaration, destructured: { key: element.getPropertyNameNode()?.getText() ?? name, from } };
    }
  }
  return undefined;
}

/**
 * Whether an error raised at `node` leaves `fn` to the framework: not caught by a `try` of `fn` whose
 * `catch` keeps it; a `catch (err)` that rethrows it (`throw err`) or hands it to `next(err)` passes it on.
 */
function errorEscapes(ts: TsMorph, node: TsNode, fn: TsNode): boolean {
  for (let at = node.getParent(); at && at !== fn; at = at.getParent()) {
    const parent = at.getParent();
    if (!parent || !ts.Node.isTryStatement(parent) || parent.getTryBlock() !== at) continue;
    const clause = parent.getCatchClause();
    if (!clause) continue;
    const name = clause.getVariableDeclaration()?.getName();
    const passed =
      name !== undefined &&
      clause
        .getBlock()
        .getDescendants()
        .some((each) => {
          if (ts.Node.isThrowStatement(each)) return each.getExpression()?.getText() === name;
          return (
            ts.Node.isCallExpression(each) &&
            each.getExpression().getText() === 'next' &&
            each.getArguments().some((arg) => arg.getText() === name)
          );
        });
    if (!passed) return false;
  }
  return true;
}

/** Whether a declaration is a `const`'s (`const x = …`, `const { x } = …`). */
export function isConst(ts: TsMorph, declaration: Declaration | undefined): boolean {
  return (
    !!declaration &&
    ts.Node.isVariableDeclaration(declaration) &&
    declaration.getVariableStatement()?.getDeclarationKind() === 'const'
  );
}

/**
 * A value a module exports without a name of its own that is data, not code: a string, a template,
 * an object or array literal (`module.exports = { API: '/api' }`, `exports.HEALTH = '/health'`).
 */
function isLiteralData(ts: TsMorph, value: TsNode): boolean {
  return (
    isPathLiteral(ts, value) ||
    ts.Node.isTemplateExpression(value) ||
    ts.Node.isObjectLiteralExpression(value) ||
    ts.Node.isArrayLiteralExpression(value)
  );
}

function valueOf(ts: TsMorph, declaration: VariableDeclaration): TsNode | undefined {
  const init = declaration.getInitializer();
  return init && unwrap(ts, init);
}

/**
 * An error class by what its name stands for (`Modules.errorClass`): the name it is declared or exported
 * under; its package's, where its package's errors carry their status; the project's class, where the
 * project declares it; `qualified` where it is named through a namespace (`common.HttpException`).
 */
interface ErrorClassRef {
  name: string;
  pkg?: string;
  cls?: ClassDeclaration;
  qualified?: boolean;
}

/** The fields an error class states its HTTP status in. */
const STATUS_FIELDS = ['status', 'statusCode', 'httpStatus', 'httpStatusCode', 'httpCode'];
const STATUS_FIELD = new RegExp(`^(?:${STATUS_FIELDS.join('|')})$`);

/**
 * The index of the constructor's parameter that becomes the error's status: a status field it declares
 * (`constructor(public status: number)`), assigns (`this.statusCode = code`) or hands its base where the
 * base takes its status (`super(message, status)`, `super({ message, status })`); undefined where none does.
 */
function statusParameterAt(
  ts: TsMorph,
  constructor: ConstructorDeclaration,
  baseAt: () => number | undefined,
): number | undefined {
  const parameters = constructor.getParameters();
  const field = parameters.findIndex((parameter) => isStatusField(parameter));
  if (field >= 0) return field;
  // Where the base takes its status, read once: it follows the base up its `extends` chain.
  let base: { at: number | undefined } | undefined;
  for (const place of statusPlaces(ts, [constructor])) {
    if (place.argument !== undefined && place.argument !== (base ??= { at: baseAt() }).at) continue;
    const value = givenOrDefault(ts, unwrap(ts, place.value));
    const at = ts.Node.isIdentifier(value) ? parameters.findIndex((p) => p.getName() === value.getText()) : -1;
    if (at >= 0) return at;
  }
  return undefined;
}

/** A constructor's parameter that declares a status field (`public statusCode: number`). */
function isStatusField(parameter: ParameterDeclaration): boolean {
  return parameter.isParameterProperty() && STATUS_FIELD.test(parameter.getName());
}

/**
 * Where an error class's constructors set its status, in the order written: the value assigned to a
 * status field (`this.statusCode = code`), and what they hand the base: a status field of an object
 * (`super({ message, status: 404 })`: `field`) or an argument (`super(message, 404)`: its place, `argument`).
 */
function statusPlaces(
  ts: TsMorph,
  constructors: ConstructorDeclaration[],
): Array<{ value: TsNode; argument?: number; field?: boolean }> {
  const places: Array<{ value: TsNode; argument?: number; field?: boolean }> = [];
  for (const node of constructors.flatMap((constructor) => constructor.getDescendants())) {
    if (ts.Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken) {
      const left = node.getLeft();
      if (ts.Node.isPropertyAccessExpression(left) && thisMember(ts, left) && STATUS_FIELD.test(left.getName()))
        places.push({ value: node.getRight() });
    }
    if (!ts.Node.isCallExpression(node) || node.getExpression().getKind() !== ts.SyntaxKind.SuperKeyword) continue;
    for (const [argument, arg] of node.getArguments().entries()) {
      const value = unwrap(ts, arg);
      if (!ts.Node.isObjectLiteralExpression(value)) places.push({ value, argument });
      else
        for (const key of STATUS_FIELDS) {
          const given = property(ts, value, key);
          if (given) places.push({ value: given, field: true });
        }
    }
  }
  return places;
}

/**
 * The value a caller hands, where the constructor falls back on a default when none is (`status ?? 500`,
 * `status || 500`: `status`); the node itself otherwise.
 */
function givenOrDefault(ts: TsMorph, node: TsNode): TsNode {
  if (!ts.Node.isBinaryExpression(node) || !['??', '||'].includes(node.getOperatorToken().getText())) return node;
  return unwrap(ts, node.getLeft());
}

/** What an error class states its own status as (`ErrorClassStatus`), not its base's. */
function ownErrorStatus(
  ts: TsMorph,
  cls: ClassDeclaration,
  statusOf: (node: TsNode) => number | undefined,
  given?: number,
): number | undefined {
  const constructors = cls.getConstructors();
  // Whether the `new` call leaves the constructor's parameter out (`new ApiError(101, 'Mailer down')` of its third).
  const leftOut = (parameter: ParameterDeclaration) => {
    const owner = parameter.getParentIfKind(ts.SyntaxKind.Constructor);
    const at = owner ? owner.getParameters().indexOf(parameter) : -1;
    return at >= 0 && given !== undefined && given <= at;
  };
  // `constructor(message: string, public status = 500)`: the default, where the `new` call leaves it out.
  const defaulted = (parameter: ParameterDeclaration) => {
    const init = parameter.getInitializer();
    return init && leftOut(parameter) ? statusOf(init) : undefined;
  };
  for (const parameter of constructors.flatMap((constructor) => constructor.getParameters())) {
    const code = isStatusField(parameter) ? defaulted(parameter) : undefined;
    if (code !== undefined) return code;
  }
  const parameterNamed = (node: TsNode) => {
    const value = unwrap(ts, node);
    return ts.Node.isIdentifier(value)
      ? constructors
          .flatMap((constructor) => constructor.getParameters())
          .find((each) => each.getName() === value.getText())
      : undefined;
  };
  // A parameter of the constructor the status is set from (`this.status = status`, `super(message, status)`).
  const valueOf = (node: TsNode) => {
    const value = unwrap(ts, node);
    // `statusCode || 500`, `status ?? 500`: the fallback, where the `new` call leaves the parameter out.
    if (ts.Node.isBinaryExpression(value) && ['??', '||'].includes(value.getOperatorToken().getText())) {
      const parameter = parameterNamed(value.getLeft());
      if (parameter) return leftOut(parameter) ? statusOf(value.getRight()) : undefined;
    }
    const parameter = parameterNamed(value);
    return parameter ? defaulted(parameter) : statusOf(node);
  };
  for (const field of cls.getProperties()) {
    const init = field.getInitializer();
    const code = init && STATUS_FIELD.test(field.getName()) ? statusOf(init) : undefined;
    if (code !== undefined) return code;
  }
  for (const getter of cls.getGetAccessors()) {
    if (!STATUS_FIELD.test(getter.getName())) continue;
    const code = returnedBy(ts, getter)
      .map((value) => statusOf(value))
      .find((each) => each !== undefined);
    if (code !== undefined) return code;
  }
  // `this.statusCode = 404`, `super(message, 404)`, `super({ message, status: 404 })`
  for (const place of statusPlaces(ts, constructors)) {
    const code = place.field ? statusOf(place.value) : valueOf(place.value);
    if (code !== undefined) return code;
  }
  return undefined;
}

/**
 * The name awilix injects a parameter by: its own (`usersService`, classic mode), or the key of the
 * cradle a destructured first parameter reads it from (`{ usersService }`, `{ usersService: users }`),
 * in the nearest function or constructor that declares it; undefined for anything else.
 */
function cradleKey(ts: TsMorph, id: Identifier): string | undefined {
  const name = id.getText();
  for (let scope: TsNode | undefined = id.getParent(); scope; scope = scope.getParent()) {
    if (!isFunctionLike(ts, scope) && !ts.Node.isConstructorDeclaration(scope)) continue;
    const parameters = scope.getParameters();
    const plain = parameters.find((parameter) => parameter.getName() === name);
    if (plain) return name;
    const pattern = parameters[0]?.getNameNode();
    const element =
      pattern && ts.Node.isObjectBindingPattern(pattern)
        ? pattern.getElements().find((each) => each.getName() === name)
        : undefined;
    if (element) return element.getPropertyNameNode()?.getText() ?? name;
  }
  return undefined;
}

/**
 * A specifier no npm package can be named, so a path alias of the build (Vite's, webpack's, a tsconfig's):
 * an empty scope (`@/routes`, Umi's `@@/`), `~` (no new package's name has it) or `$` (SvelteKit's `$lib`).
 */
function isAliasName(specifier: string): boolean {
  return /^(?:@@?\/|[~$])/.test(specifier);
}
