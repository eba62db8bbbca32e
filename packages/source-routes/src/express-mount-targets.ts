/**
 * Which router a mount's argument stands for, for the Express reader (`RouteReader`): a name, a
 * `require()`, a factory's call, a router a class keeps or a method returns, one a dependency injection
 * container makes, one handed to a function or a class, and the routers a loop mounts over a list of them.
 */
import type { RouteReader } from './express.js';
import type { CallExpression, ClassDeclaration, Identifier, Node as TsNode, PropertyAccessExpression } from 'ts-morph';
import { keptIn, madeClass, thisMember } from './class-members.js';
import { property, returnedBy, unwrap } from './code-shapes.js';
import { constArray, loopOver, isFunctionLike, type FunctionNode } from './syntax.js';
import type { RouterRef } from './express-model.js';
import { requiredFile } from './express-declarations.js';
import { declaresOwn, refKey } from './express-scopes.js';
import { classParameter } from './express-arguments.js';

/** The routers a mount argument stands for: the one it names, or each a loop over instances handed to a class mounts. */
export function mountTargets(reader: RouteReader, file: string, arg: TsNode): RouterRef[] {
  const target = mountTarget(reader, file, arg);
  return target ? [target] : (handedRouters(reader, arg) ?? []);
}

/**
 * The routers a loop mounts over a list a class is handed (`new App([new UsersRoute(), new
 * AuthRoute()])` with `routes.forEach((route) => this.app.use('/', route.router))`, in the constructor
 * or a method it hands the list on to): typescript-express-starter's `class App`. Each element is
 * an instance of a class of the project (`new UsersRoute()`, tsyringe's `container.resolve(UsersRoute)`)
 * that keeps a router in the member read; undefined when any is not, or no call of the class is found.
 */
export function handedRouters(reader: RouteReader, arg: TsNode): RouterRef[] | undefined {
  const { ts } = reader;
  const value = unwrap(ts, arg);
  const loop = loopOver(ts, value);
  const key = loop?.key(value);
  if (!loop || !key) return undefined;
  const elements = handedElements(reader, loop.at);
  const routers = elements?.map((element) => keptRouter(reader, element, key));
  return routers?.length && routers.every((router) => router !== undefined) ? (routers as RouterRef[]) : undefined;
}

/**
 * The elements of the lists a method's or constructor's parameter is given (`givenValues`): an
 * array literal, or a `const` one (`const routes = [...]; new App(routes)`).
 */
export function handedElements(reader: RouteReader, parameter: TsNode): TsNode[] | undefined {
  const { ts } = reader;
  const elements: TsNode[] = [];
  for (const list of givenValues(reader, parameter) ?? []) {
    const held = ts.Node.isIdentifier(list) ? reader.names.bindingOf(list)?.declaration : undefined;
    const found = ts.Node.isArrayLiteralExpression(list)
      ? list.getElements()
      : held && ts.Node.isVariableDeclaration(held)
        ? constArray(ts, held)
        : undefined;
    if (!found) return undefined;
    elements.push(...found);
  }
  return elements.length ? elements : undefined;
}

/**
 * What a class's constructor or method parameter is given, at every call: where the class is made
 * (`new App([…])`, in any module read) or where its own code calls the method
 * (`this.initializeRoutes(routes, apiPrefix)`, followed to what the constructor is given; a key of an
 * options object, `appInit.controllers` with `new App({ controllers: [...] })`), and its default where
 * a call leaves it out (`apiPrefix = '/api/v1'`); undefined when it is no such parameter
 * (`classParameter`), no call is found, or one gives nothing.
 */
export function givenValues(reader: RouteReader, parameter: TsNode, depth = 0): TsNode[] | undefined {
  const { ts } = reader;
  const found = depth > 4 ? undefined : classParameter(ts, parameter);
  if (!found) return undefined;
  const { fn, cls, index } = found;
  const fallback = fn.getParameters()[index]!.getInitializer();
  const calls = ts.Node.isConstructorDeclaration(fn)
    ? reader.project
        .getSourceFiles()
        .flatMap((source) => source.getDescendantsOfKind(ts.SyntaxKind.NewExpression))
        .filter((made) => classOf(reader, made) === cls)
    : cls.getDescendantsOfKind(ts.SyntaxKind.CallExpression).filter((call) => {
        const member = thisMember(ts, call.getExpression());
        return member?.cls === cls && member.name === fn.getName();
      });
  const values: TsNode[] = [];
  for (const call of calls) {
    const given = call.getArguments()[index];
    const value = given ? unwrap(ts, given) : fallback;
    if (!value) return undefined;
    // `this.initializeRoutes(routes)` in the constructor: what the constructor is given.
    const key = ts.Node.isPropertyAccessExpression(value) ? value.getName() : undefined;
    const passedOn = classParameter(ts, value)
      ? givenValues(reader, value, depth + 1)
      : key !== undefined && classParameter(ts, (value as PropertyAccessExpression).getExpression())
        ? givenValues(reader, (value as PropertyAccessExpression).getExpression(), depth + 1)?.map((options) =>
            ts.Node.isObjectLiteralExpression(options) ? property(ts, options, key) : undefined,
          )
        : [value];
    if (!passedOn || passedOn.some((each) => each === undefined)) return undefined;
    values.push(...(passedOn as TsNode[]).map((each) => unwrap(ts, each)));
  }
  return calls.length ? values : undefined;
}

/** The one value every call gives a class's parameter (`apiPrefix = '/api/v1'`), for a path it is mounted at. */
export function givenValue(reader: RouteReader, parameter: TsNode): TsNode | undefined {
  const values = givenValues(reader, parameter);
  const texts = new Set(values?.map((value) => reader.literal(value)));
  return values?.length && texts.size === 1 && !texts.has(undefined) ? values[0] : undefined;
}

/** The class of the project an instance is made of: `new UsersRoute()`, tsyringe's `container.resolve(UsersRoute)`. */
export function classOf(reader: RouteReader, instance: TsNode): ClassDeclaration | undefined {
  const { ts } = reader;
  const made = madeClass(ts, instance);
  // `this.users.router` with `this.users = new UsersRoutes()`: an instance another class keeps.
  const value = unwrap(ts, instance);
  if (!made && ts.Node.isPropertyAccessExpression(value)) return reader.names.instanceClassOf(value);
  const name = made && unwrap(ts, made);
  const cls = name && ts.Node.isIdentifier(name) ? reader.names.follow(name)?.value : undefined;
  return cls && ts.Node.isClassDeclaration(cls) ? cls : undefined;
}

/** The router an instance of a class of the project keeps in member `key` (`this.router = Router()`). */
export function keptRouter(reader: RouteReader, instance: TsNode, key: string): RouterRef | undefined {
  const cls = classOf(reader, instance);
  return cls && classRouter(reader, cls, key);
}

/**
 * The router a class of the project keeps in member `key`, where its methods register on `this.key`,
 * or one a method of its builds and returns (`this.router = this.buildRouter()`).
 */
export function classRouter(reader: RouteReader, cls: ClassDeclaration, key: string, depth = 0): RouterRef | undefined {
  const file = cls.getSourceFile().getFilePath();
  const name = `this.${key}`;
  if (reader.module(file).declared.has(name)) return { file, name, owner: cls.getStart() };
  const kept = depth < 4 ? keptIn(reader.ts, cls, key) : undefined;
  return kept && methodRouter(reader, kept, depth + 1);
}

/**
 * The router a method of a class of the project returns (`new UserController().getRouter()`,
 * `users.getRouter()` with `const users = new UserController()`, `this.getRouter()` in the class):
 * the one it keeps in a member (`return this.router`), or one it builds (`const router = Router(); …;
 * return router`).
 */
export function methodRouter(reader: RouteReader, arg: TsNode, depth = 0): RouterRef | undefined {
  const { ts } = reader;
  const value = unwrap(ts, arg);
  // `AppRoutes.routes`, `new Routes().routes`: a getter, read as a method called.
  const getter = ts.Node.isPropertyAccessExpression(value);
  const callee = getter ? value : ts.Node.isCallExpression(value) ? unwrap(ts, value.getExpression()) : undefined;
  if (!callee || !ts.Node.isPropertyAccessExpression(callee)) return undefined;
  let object = unwrap(ts, callee.getExpression());
  if (ts.Node.isIdentifier(object)) {
    const held = reader.names.follow(object)?.value;
    if (held) object = unwrap(ts, held);
  }
  // `AppRoutes.routes` with `static get routes()`: the class itself.
  const isClass = ts.Node.isClassDeclaration(object);
  const cls: ClassDeclaration | undefined = isClass
    ? (object as ClassDeclaration)
    : object.getKind() === ts.SyntaxKind.ThisKeyword
      ? object.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration)
      : classOf(reader, object);
  const name = callee.getName();
  const method = getter
    ? cls?.getGetAccessor((accessor) => accessor.getName() === name && accessor.isStatic() === isClass)
    : cls?.getInstanceMethod(name);
  if (!cls || !method) return undefined;
  const at = cls.getSourceFile().getFilePath();
  for (const returned of returnedBy(ts, method)) {
    const member = thisMember(ts, returned);
    const kept = member && classRouter(reader, cls, member.name, depth);
    if (kept) return kept;
    const built = ts.Node.isIdentifier(returned) ? reader.resolve(at, returned.getText()) : undefined;
    if (built && built.file === at) return built;
  }
  return undefined;
}

/** The router a mount argument names: `usersRouter`, `require('./users')`, `usersRouter()`. */
export function mountTarget(reader: RouteReader, file: string, arg: TsNode): RouterRef | undefined {
  const { ts } = reader;
  const factory =
    ts.Node.isCallExpression(arg) && ts.Node.isIdentifier(arg.getExpression())
      ? arg.getExpression().getText()
      : undefined;
  const required = requiredFile(ts, reader.imports, file, arg);
  // `this.app.use('/admin', this.admin)`: a router the class keeps in another member.
  const member = thisMember(ts, arg);
  if (member) return reader.resolve(file, `this.${member.name}`) ?? handedMember(reader, member.cls, member.name);
  const instance =
    instanceRouter(reader, arg) ??
    moduleMemberRouter(reader, file, arg) ??
    methodRouter(reader, arg) ??
    methodFactoryRouter(reader, arg);
  if (instance) return instance;
  const handed = handedRouter(reader, arg);
  if (handed) return handed;
  const injected = injectedRouter(reader, arg);
  if (injected) return injected;
  // `app.use('/api', require('./api')(deps))`: the router the required module's default function builds.
  const loader = ts.Node.isCallExpression(arg)
    ? requiredFile(ts, reader.imports, file, arg.getExpression())
    : undefined;
  const loaded = loader && reader.exportOf(loader, 'default');
  if (loaded) return reader.resolveFactory(loaded.file, loaded.local, arg as CallExpression);
  return ts.Node.isIdentifier(arg)
    ? (reader.resolve(file, arg.getText()) ?? heldMethodRouter(reader, arg) ?? heldFactoryRouter(reader, file, arg))
    : required
      ? reader.resolveExport(required, 'default')
      : factory
        ? reader.resolveFactory(file, factory, arg as CallExpression)
        : undefined;
}

/**
 * The router awilix hands a class or function it builds: `this.express.use(router)` in
 * `constructor({ router })` with `router: asFunction(makeRouter)` registered: the router the
 * factory builds and returns, as `app.use(makeRouter())` would mount it.
 */
export function injectedRouter(reader: RouteReader, arg: TsNode): RouterRef | undefined {
  const factory = reader.names.awilixFactory(arg);
  if (!factory) return undefined;
  const file = factory.getSourceFile().getFilePath();
  const named = reader.ts.Node.isFunctionDeclaration(factory)
    ? factory.getName()
    : factory.getParentIfKind(reader.ts.SyntaxKind.VariableDeclaration)?.getName();
  const byName = named ? reader.resolveFactory(file, named) : undefined;
  if (byName) return byName;
  // `module.exports = ({ config }) => { const router = Router(); …; return router; }`: the module's default.
  const exported = reader.exportOf(file, 'default');
  return exported && reader.resolveFactory(file, exported.local);
}

/**
 * The router a parameter of the function the router being read was handed to stands for:
 * `app.use('/api/tools', toolsRouter)` in `mountRoutes(app, toolsRouter, usersRouter)`, the router
 * the call gives there (`mountRoutes(app, toolsRouter, usersRouter)` with `toolsRouter` imported
 * in the caller's module), or handed on from its own caller. Read at each call, so a function called
 * with different routers mounts each where that call's routers are.
 */
export function handedRouter(reader: RouteReader, arg: TsNode): RouterRef | undefined {
  const { ts } = reader;
  if (!ts.Node.isIdentifier(arg) && !ts.Node.isPropertyAccessExpression(arg)) return undefined;
  const value = reader.handedValue(arg);
  return value && mountTarget(reader, value.getSourceFile().getFilePath(), unwrap(ts, value));
}

/**
 * The router a class keeps in member `key` that its constructor is handed (`this.routes = routes`
 * with `const { routes } = options`, `this.routes = options.routes`, or a parameter property): the
 * router given where the class is made (`new Server({ port, routes: AppRoutes.routes })`), when every
 * call gives the same one.
 */
export function handedMember(reader: RouteReader, cls: ClassDeclaration, key: string): RouterRef | undefined {
  const { ts } = reader;
  const kept = keptIn(ts, cls, key);

  const value = kept ? unwrap(ts, kept) : undefined;
  let given: TsNode[] | undefined;
  if (!value) {
    const parameter = parameterProperty(cls, key);
    given = parameter && givenValues(reader, parameter);
  } else if (classParameter(ts, value)) given = givenValues(reader, value);
  else {
    // `options.routes`, or `routes` destructured from `options`: that key of the object each call gives.
    const access = ts.Node.isPropertyAccessExpression(value) ? value : undefined;
    const binding = ts.Node.isIdentifier(value) ? reader.names.bindingOf(value) : undefined;
    const from = access?.getExpression() ?? binding?.destructured?.from;
    const property = access?.getName() ?? binding?.destructured?.key;
    const objects = from && property && classParameter(ts, from) ? givenValues(reader, from) : undefined;
    given = objects
      ?.map((object) =>
        ts.Node.isObjectLiteralExpression(object) ? propertyValue(reader, object, property!) : undefined,
      )
      .filter((each): each is TsNode => each !== undefined);
    if (given && objects && given.length !== objects.length) given = undefined;
  }
  const routers = given?.map((each) => mountTarget(reader, each.getSourceFile().getFilePath(), each));
  const first = routers?.[0];
  return first && routers!.every((router) => router && refKey(reader.ts, router) === refKey(reader.ts, first))
    ? first
    : undefined;
}

/** A constructor's parameter property named `key` (`constructor(private routes: Router)`), as `givenValues` reads one. */
export function parameterProperty(cls: ClassDeclaration, key: string): TsNode | undefined {
  return cls
    .getConstructors()
    .flatMap((constructor) => constructor.getParameters())
    .find((parameter) => parameter.isParameterProperty() && parameter.getName() === key)
    ?.getNameNode();
}

/** What an object literal gives under `key`: a property's value, or a shorthand's name. */
export function propertyValue(reader: RouteReader, object: TsNode, key: string): TsNode | undefined {
  const { ts } = reader;
  if (!ts.Node.isObjectLiteralExpression(object)) return undefined;
  const found = object.getProperty(key);
  if (found && ts.Node.isPropertyAssignment(found)) return found.getInitializer();
  if (found && ts.Node.isShorthandPropertyAssignment(found)) return found.getNameNode();
  return undefined;
}

/** `const router = this.getRouter(); app.use('/x', router)`: the router the method a `const` holds the result of returns. */
export function heldMethodRouter(reader: RouteReader, id: TsNode): RouterRef | undefined {
  const held = reader.ts.Node.isIdentifier(id) ? reader.names.follow(id)?.value : undefined;
  return held && methodRouter(reader, held);
}

/**
 * The router a `const` holds that a factory of the project built (`const generateRouter =
 * createGenerateRouter(deps.store)`, here or in the function the mount is in): the router it returns.
 */
export function heldFactoryRouter(reader: RouteReader, file: string, id: Identifier): RouterRef | undefined {
  const { ts } = reader;
  const held = reader.names.bindingOf(id)?.value;
  const call = held && unwrap(ts, held);
  if (!call || !ts.Node.isCallExpression(call)) return undefined;
  return ts.Node.isIdentifier(call.getExpression())
    ? reader.resolveFactory(file, call.getExpression().getText(), call)
    : methodFactoryRouter(reader, call);
}

/**
 * `routers.create('v1')`: the router a method of the project's module or object builds and returns
 * (`import * as routers`, a required module, a `const` object literal, here or imported), read with
 * the values the call gives its parameters, as a function factory's (`resolveFactory`).
 */
export function methodFactoryRouter(reader: RouteReader, arg: TsNode): RouterRef | undefined {
  const { ts } = reader;
  const call = unwrap(ts, arg);
  if (!ts.Node.isCallExpression(call) || !ts.Node.isPropertyAccessExpression(unwrap(ts, call.getExpression())))
    return undefined;
  const fn = reader.names.functionOf(call.getExpression());
  if (!fn || !isFunctionLike(ts, fn)) return undefined;
  const file = fn.getSourceFile().getFilePath();
  const info = reader.module(file);
  const returned = returnedBy(ts, fn).find(
    (value) => ts.Node.isIdentifier(value) && info.declared.has(value.getText()),
  );
  if (!returned) return undefined;
  const name = returned.getText();
  const ref: RouterRef = { file, name, ...(declaresOwn(ts, fn, name) ? { local: fn.getStart() } : {}) };
  const handed = { call, fn: fn as FunctionNode, outer: reader.reading[reader.reading.length - 1]?.handed };
  return fn.getParameters().length ? { ...ref, handed } : ref;
}

/**
 * A router a module of the project exports, named by property access on the module: `routes.router`
 * with `const routes = require('./routes')` or `import * as routes from './routes'`, and
 * `require('./routes').router`.
 */
export function moduleMemberRouter(reader: RouteReader, file: string, arg: TsNode): RouterRef | undefined {
  const { ts } = reader;
  const value = unwrap(ts, arg);
  if (!ts.Node.isPropertyAccessExpression(value)) return undefined;
  const object = unwrap(ts, value.getExpression());
  const imported = ts.Node.isIdentifier(object) ? reader.module(file).imports.get(object.getText()) : undefined;
  const loaded = ts.Node.isIdentifier(object)
    ? imported?.name === 'default'
      ? imported.file
      : reader.names.namespaceFile(object)
    : requiredFile(ts, reader.imports, file, object);
  return loaded ? reader.resolveExport(loaded, value.getName()) : undefined;
}

/**
 * A router an instance of a class of the project keeps in a member (`new UserRouting().router`, or
 * `users.router` with `const users = new UserRouting()`): the class registers on `this.router`, as
 * the class-per-router layout does (`this.router = Router()` in the constructor, routes in a method).
 */
export function instanceRouter(reader: RouteReader, arg: TsNode): RouterRef | undefined {
  const { ts } = reader;
  const value = unwrap(ts, arg);
  if (!ts.Node.isPropertyAccessExpression(value)) return undefined;
  let object = unwrap(ts, value.getExpression());
  if (ts.Node.isIdentifier(object)) {
    const held = reader.names.follow(object)?.value;
    if (held) object = unwrap(ts, held);
  }
  return keptRouter(reader, object, value.getName());
}
