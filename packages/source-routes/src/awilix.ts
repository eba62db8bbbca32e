/**
 * What an awilix container hands the classes and functions it builds: the values registered under a
 * name (`container.register({ usersService: asClass(UsersService) })`, `register('usersService',
 * asFunction(makeUsersService))`, `asValue(users)`), which a constructor or factory takes by that name,
 * destructured from the cradle (`constructor({ usersService })`, `({ usersService }) => …`), read off it
 * (`opts.usersService`) or, in awilix's classic mode, as a parameter of that name. awilix's older API
 * registers the same way (`container.registerClass({ usersService: UsersService })`, `registerFunction`,
 * `registerValue`), and `container.loadModules(['services/*.js'], { cwd: __dirname, formatName: 'camelCase' })`
 * registers each matching file's default export under its file's name. The code that uses a
 * service names only the key, never the class, so the registrations are looked for in every source
 * file of the package; only where the package (or a workspace above it) depends on awilix, so the
 * apps that do not use it pay nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Diagnostic } from '@docgen/core';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { folderOf } from './autoload.js';
import { foldersUp } from './folders-up.js';
import { globFiles, joinFolder } from './glob.js';
import type { Modules } from './modules.js';
import { property, returnedBy, unwrap } from './code-shapes.js';
import { wordsOf } from './names.js';
import type { ProjectFiles } from './project-files.js';
import { isFunctionLike, isPathLiteral, pathText, shortText, type TsMorph } from './syntax.js';

type Resolver = 'asClass' | 'asFunction' | 'asValue';

/** awilix's resolvers: what the container gives for each. */
const RESOLVERS = new Set<string>(['asClass', 'asFunction', 'asValue']);
/** awilix's older API (before 3.0): `registerClass({ name: X })` is `register({ name: asClass(X) })`. */
const OLD_REGISTRATIONS: Record<string, Resolver> = {
  registerClass: 'asClass',
  registerFunction: 'asFunction',
  registerValue: 'asValue',
};
const MENTIONS_REGISTRATION =
  /\bas(?:Class|Function|Value)\s*\(|\.register(?:Class|Function|Value)\s*\(|\.loadModules\s*\(/;

/** One name's registration: the resolver, and what it is given as written (`asClass(X)`'s `X`). */
interface Registration {
  resolver: Resolver;
  value: TsNode;
  /** The `asClass(X)` call itself, which readers take as an instance of X; absent for the other forms. */
  call?: CallExpression;
}

/**
 * The warnings of the awilix registrations a run met that docgen cannot read statically (`loadModules`
 * with a computed glob, folder or `formatName`), once a place: every reader of the run (and its
 * `AwilixRegistrations`) adds to the one list the run hands them, so a place two readers meet is said once.
 */
export function unreadRegistrationWarnings(unread: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return unread.filter((each) => {
    const key = `${each.location?.file}:${each.location?.line}:${each.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

export class AwilixRegistrations {
  /** A package folder → its registrations by name, as written. */
  private readonly byPackage = new Map<string, Map<string, Registration[]>>();
  /** A folder → whether a package.json at or above it depends on awilix. */
  private readonly usesAwilix = new Map<string, boolean>();
  /** The lookups under way, so one that comes back to itself ends (`once`). */
  private readonly resolving = new Set<string>();

  constructor(
    private readonly ts: TsMorph,
    private readonly modules: Modules,
    private readonly files: ProjectFiles,
    /** Where the run collects what it cannot read (`unreadRegistrationWarnings`). */
    private readonly unread: Diagnostic[],
  ) {}

  private warnUnread(message: string, at: TsNode, hint: string): void {
    this.unread.push({
      code: 'DG_ROUTES_PLUGIN_UNREAD',
      severity: 'warning',
      message,
      location: { file: at.getSourceFile().getFilePath(), line: at.getStartLineNumber() },
      hint,
    });
  }

  /**
   * What the container gives a class or function of `file`'s package under `name`: `new`-able
   * `asClass(UsersService)` (read as an instance of the class), what `asFunction(makeUsers)`'s
   * function returns (one value), `asValue`'s value. Undefined where nothing is registered under
   * the name, or where two registrations give it different values (which one runs depends on order
   * or configuration docgen does not follow).
   */
  registered(name: string, file: string): TsNode | undefined {
    if (!this.dependsOnAwilix(dirname(file))) return undefined;
    return this.once(`${name}\0${file}`, () => {
      const registrations = this.registrations(file).get(name) ?? [];
      // Two registrations of the same class (or value) are one answer.
      const byTarget = new Map(registrations.map((each) => [this.target(each), each]));
      const [only] = byTarget.values();
      return byTarget.size === 1 && only ? this.given(only) : undefined;
    });
  }

  /**
   * `resolve()`, unless a lookup of the same key is already under way: a registration's value may name a parameter
   * that is itself a cradle key (`({ config }) => container.register({ config: asValue(config) })`),
   * whose lookup would otherwise come back here without end.
   */
  private once<T>(key: string, resolve: () => T | undefined): T | undefined {
    if (this.resolving.has(key)) return undefined;
    this.resolving.add(key);
    try {
      return resolve();
    } finally {
      this.resolving.delete(key);
    }
  }

  /**
   * The function awilix calls to make what it registers under `name` with `asFunction(makeRouter)`
   * (followed to its declaration, here or imported), for a value a built class or function is handed
   * that docgen reads where it is made (a router the factory builds and returns); undefined otherwise.
   */
  factory(name: string, file: string): TsNode | undefined {
    if (!this.dependsOnAwilix(dirname(file))) return undefined;
    return this.once(`factory\0${name}\0${file}`, () => {
      const registrations = this.registrations(file).get(name) ?? [];
      const targets = new Set(registrations.map((each) => this.target(each)));
      const [first] = registrations;
      if (targets.size !== 1 || first?.resolver !== 'asFunction') return undefined;
      const [fn] = targets;
      return fn && isFunctionLike(this.ts, fn) ? fn : undefined;
    });
  }

  /**
   * What one registration gives: `asClass(X)` itself (an instance of X; where the older API or
   * `loadModules` registers the class, its name, which `madeClass` reads the same way),
   * `asFunction(f)`'s returned value, `asValue(v)`'s `v`.
   */
  private given(registration: Registration): TsNode | undefined {
    const { ts } = this;
    const { resolver, value, call } = registration;
    if (resolver === 'asValue') return unwrap(ts, value);
    const target = this.valueOf(value);
    if (resolver === 'asClass')
      return call ?? (target && ts.Node.isClassDeclaration(target) ? target.getNameNode() : undefined);
    const returned = target && isFunctionLike(ts, target) ? returnedBy(ts, target) : [];
    return returned.length === 1 ? returned[0] : undefined;
  }

  /** What a registration names, to tell two apart: the class or function it is given, followed. */
  private target(registration: Registration): TsNode | undefined {
    return this.valueOf(registration.value) ?? registration.value;
  }

  /** A value as written, or what a name holds (`UsersService` → its class, `makeUsers` → its function). */
  private valueOf(node: TsNode): TsNode | undefined {
    const value = unwrap(this.ts, node);
    return this.ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : value;
  }

  /** The package's registrations by the name each is registered under; read once a package. */
  private registrations(file: string): Map<string, Registration[]> {
    const root = this.files.packageOf(file);
    let found = this.byPackage.get(root);
    if (found) return found;
    found = new Map();
    this.byPackage.set(root, found);
    const add = (name: string, registration: Registration) =>
      found.set(name, [...(found.get(name) ?? []), registration]);
    const { ts } = this;
    for (const each of this.files.mentioning(file, MENTIONS_REGISTRATION)) {
      for (const call of this.parsed(each)?.getDescendantsOfKind(ts.SyntaxKind.CallExpression) ?? []) {
        const resolver = resolverName(ts, call);
        const [arg] = call.getArguments();
        const name = resolver && registeredName(ts, call);
        if (resolver && name && arg) add(name, { resolver, value: arg, call });
        for (const [key, registration] of this.oldRegistrations(call)) add(key, registration);
        for (const [key, registration] of this.loadedModules(call)) add(key, registration);
      }
    }
    return found;
  }

  /**
   * awilix's older API: `container.registerClass({ usersService: UsersService })` (or with its options,
   * `{ usersService: [UsersService, { lifetime: Lifetime.SINGLETON }] }`), `registerClass('usersService',
   * UsersService)`, and the same for `registerFunction` and `registerValue`.
   */
  private oldRegistrations(call: CallExpression): Array<[string, Registration]> {
    const { ts } = this;
    const callee = call.getExpression();
    const resolver = ts.Node.isPropertyAccessExpression(callee) ? OLD_REGISTRATIONS[callee.getName()] : undefined;
    if (!resolver) return [];
    const [first, second] = call.getArguments();
    const registration = (value: TsNode): Registration => {
      const bare = unwrap(ts, value);
      // `[UsersService, { lifetime }]`: the class and its options (not a value's array, which is the value).
      const [given] = resolver !== 'asValue' && ts.Node.isArrayLiteralExpression(bare) ? bare.getElements() : [];
      return { resolver, value: given ?? bare };
    };
    if (first && second && ts.Node.isStringLiteral(first)) return [[first.getLiteralText(), registration(second)]];
    const object = first && this.valueOf(first);
    if (!object || !ts.Node.isObjectLiteralExpression(object)) return [];
    return object.getProperties().flatMap((each): Array<[string, Registration]> => {
      if (ts.Node.isShorthandPropertyAssignment(each)) return [[each.getName(), registration(each.getNameNode())]];
      if (!ts.Node.isPropertyAssignment(each)) return [];
      const name = keyName(ts, each.getNameNode());
      return name ? [[name, registration(each.getInitializer()!)]] : [];
    });
  }

  /**
   * `container.loadModules(['services/*.js', ['repositories/*.js', { register: asClass }]], { cwd:
   * __dirname, formatName: 'camelCase', resolverOptions: { register: asFunction } })`: each matching
   * file's default export (`module.exports = X`, `export default X`), registered under the file's name
   * (`users.service.js` → `users.service`, or `usersService` with `camelCase`) with the resolver the
   * options name, else `asClass` for a class and `asFunction` for a function, as awilix does. What docgen
   * cannot read statically (a computed glob or folder, a `formatName` function) is warned about at the call.
   */
  private loadedModules(call: CallExpression): Array<[string, Registration]> {
    const { ts } = this;
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'loadModules') return [];
    const [patternsNode, optionsNode] = call.getArguments();
    const options = optionsNode && this.valueOf(optionsNode);
    const read = options && ts.Node.isObjectLiteralExpression(options) ? options : undefined;
    const formatName = read && property(ts, read, 'formatName');
    const format = formatName ? this.formatter(formatName) : (name: string) => name;
    const cwdNode = read && property(ts, read, 'cwd');
    const folder = cwdNode && this.pathOf(cwdNode);
    // A relative cwd (`cwd: '.'`) is the process's working directory's, which docgen does not know.
    const cwd = folder !== undefined && isAbsolute(folder) ? folder : undefined;
    const fallback =
      this.registerOption(read && property(ts, read, 'resolverOptions')) ??
      this.registerOption(read && property(ts, read, 'registrationOptions'));
    const patterns = this.globs(patternsNode);
    if (!format) return [];
    // `__dirname + '/services/*.js'`: globs that name their folder need no cwd.
    const needsCwd = !patterns || patterns.some(({ glob }) => !isAbsolute(glob));
    if (!patterns || (cwd === undefined && needsCwd)) {
      const what = !patterns
        ? `a glob computed at run time (${patternsNode ? shortText(patternsNode) : 'none given'})`
        : cwdNode && folder !== undefined
          ? `a folder relative to the process's working directory (${shortText(cwdNode)})`
          : cwdNode
            ? `a folder computed at run time (${shortText(cwdNode)})`
            : 'the working directory of the process (no cwd)';
      this.warnUnread(
        `loadModules(…) registers modules from ${what}: the services it registers are not followed, so the statuses of the routes that use them are not counted`,
        call,
        "give literal globs and the module's folder: loadModules(['services/*.js'], { cwd: __dirname }), or register the services by name (container.register({ usersService: asClass(UsersService) }))",
      );
      return [];
    }
    return patterns.flatMap(({ glob, register }) => {
      const files = globFiles(isAbsolute(glob) ? glob : joinFolder(cwd!, glob));
      if (!files.length)
        this.warnUnread(
          `loadModules('${glob}', …): no file${isAbsolute(glob) ? '' : ` under ${cwd}`} matches, so nothing it registers is followed`,
          call,
          'check the glob and its cwd: awilix loads the files that match it when the container is made',
        );
      return files.flatMap((file): Array<[string, Registration]> => {
        const exported = this.modules.exported(file, 'default')?.value;
        const value = exported && unwrap(ts, exported);
        if (!value) return [];
        const resolver =
          register ??
          fallback ??
          (ts.Node.isClassDeclaration(value) || ts.Node.isClassExpression(value) ? 'asClass' : 'asFunction');
        return [[format(moduleName(file)), { resolver, value }]];
      });
    });
  }

  /**
   * The name formatter of `formatName`: awilix's `'camelCase'`, else undefined (and a warning) for one
   * docgen cannot apply, a function of the project's.
   */
  private formatter(node: TsNode): ((name: string) => string) | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (ts.Node.isStringLiteral(value) && value.getLiteralText() === 'camelCase') return camelCase;
    this.warnUnread(
      `loadModules(…) names what it registers with formatName ${shortText(node)}, which docgen does not run: the services it registers are not followed, so the statuses of the routes that use them are not counted`,
      node,
      "use formatName: 'camelCase', or register the services by name (container.register({ usersService: asClass(UsersService) }))",
    );
    return undefined;
  }

  /** `loadModules`' globs: a string, or a list of strings and `[glob, { register }]` pairs; undefined where one is computed. */
  private globs(node: TsNode | undefined): Array<{ glob: string; register?: Resolver }> | undefined {
    const { ts } = this;
    const value = node && this.valueOf(node);
    if (!value) return undefined;
    if (!ts.Node.isArrayLiteralExpression(value)) {
      const glob = this.pathOf(value);
      return glob === undefined ? undefined : [{ glob }];
    }
    const out: Array<{ glob: string; register?: Resolver }> = [];
    for (const element of value.getElements().map((each) => unwrap(ts, each))) {
      const [globNode, options] = ts.Node.isArrayLiteralExpression(element) ? element.getElements() : [element];
      const glob = globNode && this.pathOf(globNode);
      if (glob === undefined) return undefined;
      out.push({ glob, register: this.registerOption(options) });
    }
    return out;
  }

  /**
   * A path as written: a literal, or one made of the module's folder (`__dirname + '/services/*.js'`,
   * `` `${__dirname}/..` ``, `path.join(__dirname, 'services')`); undefined where it is computed at run time.
   */
  private pathOf(node: TsNode): string | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    const held = ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : value;
    if (held && isPathLiteral(ts, unwrap(ts, held))) return pathText(unwrap(ts, held));
    return folderOf(
      ts,
      node,
      (each) => (isPathLiteral(ts, each) ? pathText(each) : undefined),
      (id) => (ts.Node.isIdentifier(id) ? this.modules.follow(id)?.value : undefined),
    );
  }

  /** `{ register: asClass }` of a module's or all modules' options: the resolver it names. */
  private registerOption(node: TsNode | undefined): Resolver | undefined {
    const { ts } = this;
    const options = node && unwrap(ts, node);
    const register =
      options && ts.Node.isObjectLiteralExpression(options) ? property(ts, options, 'register') : undefined;
    const name = register?.getText().split('.').pop();
    return name && RESOLVERS.has(name) ? (name as Resolver) : undefined;
  }

  /** A file of the package, parsed; undefined where it does not parse (a file the app never loads may be anything). */
  private parsed(file: string) {
    try {
      return this.modules.source(file);
    } catch {
      return undefined;
    }
  }

  /** Whether a package.json at or above `dir` names awilix among its dependencies. */
  private dependsOnAwilix(dir: string): boolean {
    let known = this.usesAwilix.get(dir);
    if (known !== undefined) return known;
    known = false;
    for (const at of foldersUp(dir)) {
      const manifest = join(at, 'package.json');
      if (existsSync(manifest) && /"awilix"\s*:/.test(readText(manifest))) {
        known = true;
        break;
      }
    }
    this.usesAwilix.set(dir, known);
    return known;
  }
}

/** `asClass` of `asClass(X)` or `awilix.asClass(X)`, else undefined. */
function resolverName(ts: TsMorph, call: CallExpression): Resolver | undefined {
  const callee = call.getExpression();
  const name = ts.Node.isIdentifier(callee)
    ? callee.getText()
    : ts.Node.isPropertyAccessExpression(callee)
      ? callee.getName()
      : undefined;
  return name && RESOLVERS.has(name) ? (name as Resolver) : undefined;
}

/** The name awilix's `listModules` gives a file: its name less the last extension (`users.service.ts` → `users.service`). */
function moduleName(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '');
}

/**
 * awilix's `formatName: 'camelCase'` (the camel-case package): the words of a name, split at what is not
 * a letter or digit and where a capital follows a small letter, joined with each but the first capitalised
 * (`users.service` and `users-service` → `usersService`, `UserRepository` → `userRepository`).
 */
export function camelCase(name: string): string {
  const words = wordsOf(name).map((word) => word.toLowerCase());
  return words.map((word, at) => (at === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/**
 * The name a resolver call is registered under, looking through the lifetime set on it
 * (`asClass(X).singleton()`, `.scoped()`, `.inject(…)`): the key of the object it is a value of
 * (`{ usersService: asClass(X) }`, in a `register` call or a `const` handed to one), or the string
 * before it in `register('usersService', asClass(X))`.
 */
function registeredName(ts: TsMorph, call: CallExpression): string | undefined {
  let outer: TsNode = call;
  for (;;) {
    const access = outer.getParent();
    const chained = access?.getParent();
    if (!access || !ts.Node.isPropertyAccessExpression(access) || !chained || !ts.Node.isCallExpression(chained)) break;
    outer = chained;
  }
  const parent = outer.getParent();
  if (parent && ts.Node.isPropertyAssignment(parent) && parent.getInitializer() === outer) {
    return keyName(ts, parent.getNameNode());
  }
  if (parent && ts.Node.isCallExpression(parent)) {
    const [name, value] = parent.getArguments();
    return value === outer && name && ts.Node.isStringLiteral(name) ? name.getLiteralText() : undefined;
  }
  return undefined;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // an unreadable manifest names no dependency
  }
}

/** A property's name as written (`usersService`, `'usersService'`); undefined for a computed one. */
function keyName(ts: TsMorph, key: TsNode): string | undefined {
  return ts.Node.isIdentifier(key) || ts.Node.isStringLiteral(key)
    ? key.getText().replace(/^['"]|['"]$/g, '')
    : undefined;
}
