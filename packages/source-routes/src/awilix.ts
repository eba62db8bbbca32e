/**
 * What an awilix container hands the classes and functions it builds: the values registered under a
 * name (`container.register({ usersService: asClass(UsersService) })`, `register('usersService',
 * asFunction(makeUsersService))`, `asValue(users)`), which a constructor or factory takes by that name,
 * destructured from the cradle (`constructor({ usersService })`, `({ usersService }) => …`), read off it
 * (`opts.usersService`) or, in awilix's classic mode, as a parameter of that name. The code that uses a
 * service names only the key, never the class, so the registrations are looked for in every source
 * file of the package; only where the package (or a workspace above it) depends on awilix, so the
 * apps that do not use it pay nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CallExpression, Node as TsNode } from 'ts-morph';
import { foldersUp } from './folders-up.js';
import type { Modules } from './modules.js';
import { returnedBy, unwrap } from './modules.js';
import type { ProjectFiles } from './project-files.js';
import { isFunctionLike, type TsMorph } from './syntax.js';

/** awilix's resolvers: what the container gives for each. */
const RESOLVERS = new Set(['asClass', 'asFunction', 'asValue']);
const MENTIONS_RESOLVER = /\bas(?:Class|Function|Value)\s*\(/;

export class AwilixRegistrations {
  /** A package folder → its registrations by name (each resolver call, as written). */
  private readonly byPackage = new Map<string, Map<string, CallExpression[]>>();
  /** A folder → whether a package.json at or above it depends on awilix. */
  private readonly usesAwilix = new Map<string, boolean>();
  /** The lookups under way, so one that comes back to itself ends (`once`). */
  private readonly resolving = new Set<string>();

  constructor(
    private readonly ts: TsMorph,
    private readonly modules: Modules,
    private readonly files: ProjectFiles,
  ) {}

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
      const calls = this.registrations(file).get(name) ?? [];
      // Two registrations of the same class (or value) are one answer.
      const byTarget = new Map(calls.map((call) => [this.target(call), call]));
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
      const calls = this.registrations(file).get(name) ?? [];
      const targets = new Set(calls.map((call) => this.target(call)));
      const [call] = calls;
      if (targets.size !== 1 || !call || resolverName(this.ts, call) !== 'asFunction') return undefined;
      const [fn] = targets;
      return fn && isFunctionLike(this.ts, fn) ? fn : undefined;
    });
  }

  /** What one resolver gives: `asClass(X)` itself (an instance of X), `asFunction(f)`'s returned value, `asValue(v)`'s `v`. */
  private given(call: CallExpression): TsNode | undefined {
    const { ts } = this;
    const [arg] = call.getArguments();
    if (!arg) return undefined;
    const resolver = resolverName(ts, call);
    if (resolver === 'asClass') return call;
    if (resolver === 'asValue') return unwrap(ts, arg);
    const fn = this.valueOf(arg);
    const returned = fn && isFunctionLike(ts, fn) ? returnedBy(ts, fn) : [];
    return returned.length === 1 ? returned[0] : undefined;
  }

  /** What a resolver names, to tell two registrations apart: the class or function it is given, followed. */
  private target(call: CallExpression): TsNode | undefined {
    const [arg] = call.getArguments();
    return arg && (this.valueOf(arg) ?? arg);
  }

  /** A value as written, or what a name holds (`UsersService` → its class, `makeUsers` → its function). */
  private valueOf(node: TsNode): TsNode | undefined {
    const value = unwrap(this.ts, node);
    return this.ts.Node.isIdentifier(value) ? this.modules.follow(value)?.value : value;
  }

  /** The package's resolver calls by the name each is registered under; read once a package. */
  private registrations(file: string): Map<string, CallExpression[]> {
    const root = this.files.packageOf(file);
    let found = this.byPackage.get(root);
    if (found) return found;
    found = new Map();
    this.byPackage.set(root, found);
    const { ts } = this;
    for (const each of this.files.mentioning(file, MENTIONS_RESOLVER)) {
      for (const call of this.parsed(each)?.getDescendantsOfKind(ts.SyntaxKind.CallExpression) ?? []) {
        if (!resolverName(ts, call)) continue;
        const name = registeredName(ts, call);
        if (name) found.set(name, [...(found.get(name) ?? []), call]);
      }
    }
    return found;
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
function resolverName(ts: TsMorph, call: CallExpression): string | undefined {
  const callee = call.getExpression();
  const name = ts.Node.isIdentifier(callee)
    ? callee.getText()
    : ts.Node.isPropertyAccessExpression(callee)
      ? callee.getName()
      : undefined;
  return name && RESOLVERS.has(name) ? name : undefined;
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
    const key = parent.getNameNode();
    return ts.Node.isIdentifier(key) || ts.Node.isStringLiteral(key)
      ? key.getText().replace(/^['"]|['"]$/g, '')
      : undefined;
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
