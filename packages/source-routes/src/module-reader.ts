/**
 * The base of the Fastify, Koa and Hono readers (inversify's and routing-controllers' too):
 * the modules they follow, the warnings they collect, the values handed to the functions they read, and
 * the warning of a default (`x || 'api'`) shown for a value set at run time.
 */
import type { Diagnostic } from '@docgen/core';
import type {
  CallExpression,
  Node as TsNode,
  Identifier,
  PropertyAccessExpression,
  Project,
  SourceFile,
  VariableDeclaration,
  BinaryExpression,
} from 'ts-morph';
import { type Member, thisMember, classMembers } from './class-members.js';
import { computedRequire, unwrap, chainRoot } from './code-shapes.js';
import { type Handing, handedValue } from './handing.js';
import type { ResponseStyle } from './implicit.js';
import { knownMiddlewareStatuses } from './known-middleware.js';
import type { Route } from './model.js';
import { Modules, type Declaration } from './modules.js';
import { catchesDownstream } from './scoped-middleware.js';
import { answeredStatuses } from './answered-statuses.js';
import type { RunNotes } from './run-notes.js';
import {
  type Constants,
  type StatusSlots,
  type TsMorph,
  type FunctionNode,
  isFunction,
  isFunctionLike,
  literalValue,
  shortText,
} from './syntax.js';

/**
 * What the Fastify, Koa and Hono readers share: the modules they follow, the warnings they
 * collect, and the handler function a route names.
 */
export abstract class ModuleReader {
  /** What the code does not say for sure (computed paths and mounts, autoload…). */
  readonly warnings: Diagnostic[] = [];
  readonly modules: Modules;
  /** The values of `const`s imported from the project's modules, for `literalValue`. */
  protected readonly constants: Constants = warningOfDefaults(
    (id) => this.modules.constValue(id) ?? this.handedValue(id),
    this.warnings,
  );
  /** The function the calls being read were handed the app or router to, if any (`loadRoutes(app, '/api')`). */
  protected handing: Handing | undefined;

  /** Run `read` with the calls it reads handed to `handing`'s function (`loadRoutes(app, '/api')`), for the values of its parameters. */
  whileHanded<T>(handing: Handing | undefined, read: () => T): T {
    const outer = this.handing;
    this.handing = handing;
    try {
      return read();
    } finally {
      this.handing = outer;
    }
  }

  /**
   * Whether a call hands the app (its argument at `index`) to a module required from a path computed at
   * run time (`require(`./routes/${file}`)(app)` in a loop over a folder): warned, as docgen cannot name those modules.
   */
  protected handsToComputedRequire(call: CallExpression, index: number): boolean {
    const computed = computedRequire(this.ts, call, call.getArguments()[index]!.getText());
    if (computed) this.warnings.push(computed);
    return computed !== undefined;
  }

  /**
   * What a route's handler answers, over the functions that answer for it (`answeredStatuses`), as the
   * framework states statuses: `literal` reads its setters, `slots` where it computes one, `style` its defaults.
   */
  protected handlerStatuses(
    handler: TsNode,
    literal: (fn: TsNode) => number[],
    slots: StatusSlots,
    style: ResponseStyle,
    part?: TsNode,
  ): Pick<Route, 'statuses' | 'computedStatuses'> {
    const fn = this.routeHandler(handler);
    return fn ? answeredStatuses(this.ts, this.modules, fn, 0, literal, slots, style, part) : { statuses: [] };
  }

  /** What a parameter of the function the app was handed to stands for: what the handing call gives it (`handedValue`). */
  private handedValue(node: Identifier | PropertyAccessExpression): TsNode | undefined {
    const value = handedValue(this.ts, this.handing, node);
    return value === node ? undefined : value;
  }

  /** `notes`: the run's lists of what its readers cannot read (`RunNotes`). */
  constructor(
    public readonly ts: TsMorph,
    project: Project,
    notes: RunNotes,
  ) {
    this.modules = new Modules(ts, project, notes);
  }

  /**
   * Whether a node names an app or router: the name it is declared under (`app`, in its scope) or the
   * class member it is kept in (`this.app`, in that class's methods).
   */
  refersTo(node: TsNode, target: Declaration | Member | undefined, depth = 0): boolean {
    const { ts } = this;
    if (!target || depth > 8) return false;
    if ('cls' in target) {
      const member = thisMember(ts, node);
      return !!member && member.cls === target.cls && member.name === target.name;
    }
    const value = unwrap(ts, node);
    if (!ts.Node.isIdentifier(value)) return false;
    const binding = this.modules.bindingOf(value);
    if (binding?.declaration === target) return true;
    // Another name for it: `const app = fastify`, `const typed = app.withTypeProvider<Zod>()`.
    const { declaration, value: held } = binding ?? {};
    if (!held || !declaration || !ts.Node.isVariableDeclaration(declaration)) return false;
    if (declaration.getVariableStatement()?.getDeclarationKind() !== 'const') return false;
    return this.refersTo(chainRoot(ts, held, this.sameInstance), target, depth + 1);
  }

  /** Methods that return the instance they are called on (Fastify's `withTypeProvider`), for `refersTo`. */
  protected readonly sameInstance = new Set<string>();

  /**
   * What a module keeps in class members (`public app = new Koa()`, `this.app = new Koa()` in the
   * constructor or a method), with the class and the member: calls on `this.app` in any method of that
   * class register on it.
   */
  protected members<T extends object>(
    source: SourceFile,
    made: (init: TsNode) => T | undefined,
  ): Array<T & { member: Member }> {
    return classMembers(this.ts, source, made);
  }

  /** Every variable of a module whose initializer `made` recognises (an app, a router), with its declaration. */
  protected declared<T extends object>(
    source: SourceFile,
    made: (init: TsNode) => T | undefined,
  ): Array<T & { declaration: VariableDeclaration }> {
    return source.getDescendantsOfKind(this.ts.SyntaxKind.VariableDeclaration).flatMap((declaration) => {
      const init = declaration.getInitializer();
      const value = init && made(init);
      return value ? [{ ...value, declaration }] : [];
    });
  }

  /**
   * The function of the project a call runs, to follow as a factory of routers, apps or plugins: one it
   * names (`makeRouter()`, here, imported or required), or a method it calls on the project's module,
   * object or class (`plugins.make('x')` with `import * as plugins`, a required module, a `const` object
   * literal here or imported, `new Factory().create()`): `Modules.functionOf`. Undefined for a package's
   * or a global's (`express.Router()`, `Sentry.init()`).
   */
  protected calledFunction(call: CallExpression): FunctionNode | undefined {
    const { ts } = this;
    const callee = unwrap(ts, call.getExpression());
    if (ts.Node.isIdentifier(callee)) {
      const value = this.modules.follow(callee)?.value;
      return value && isFunction(ts, value) ? value : undefined;
    }
    if (!ts.Node.isPropertyAccessExpression(callee)) return undefined;
    const fn = this.modules.functionOf(callee);
    return fn && isFunctionLike(ts, fn) ? (fn as FunctionNode) : undefined;
  }

  /** Where a route is registered: its file, and the line of the method's name (`app.get`, `router.post`). */
  registeredAt(call: CallExpression): { file: string; line: number } {
    const callee = call.getExpression();
    const at = this.ts.Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : call;
    return { file: call.getSourceFile().getFilePath(), line: at.getStartLineNumber() };
  }

  /**
   * The app or router (of those `instances` finds in a module) that a member names: `this.router`, or
   * one an instance of a class of the project keeps (`new OrdersRoutes().router`, `orders.router`).
   */
  protected keptInstance<T extends { creation: TsNode }>(
    node: TsNode,
    instances: (source: SourceFile) => T[],
    chain: Set<string>,
  ): T | undefined {
    const { ts } = this;
    const value = unwrap(ts, node);
    if (!ts.Node.isPropertyAccessExpression(value)) return undefined;
    const held = this.modules.heldBy(value);
    const root = held && chainRoot(ts, held, chain);
    return root && instances(root.getSourceFile()).find((instance) => instance.creation === root);
  }

  /**
   * What middleware of the project, passed by name as `(ctx, next)` (Koa) or `(c, next)` (Hono, also through
   * `createMiddleware(…)`), answers instead of calling `next()`, as `answered` reads a handler: `ctx.throw(401)`,
   * `throw new HTTPException(401)`; or made by a factory of the project, `requireRole('admin')` returning
   * `async (ctx, next) => …` (`Modules.madeMiddleware`). Not a package's middleware, nor an error handler that
   * wraps `next()` in a `try` (or chains `.catch` on it): it answers with the statuses of the errors the routes
   * after it raise, not one of its own.
   */
  protected middlewareSends(node: TsNode, answered: (fn: TsNode) => number[], method?: string): number[] {
    const { ts } = this;
    const value = unwrap(ts, node);
    const fns = ts.Node.isCallExpression(value)
      ? this.modules.madeMiddleware(value)
      : ts.Node.isIdentifier(value) || ts.Node.isPropertyAccessExpression(value)
        ? [this.routeHandler(value)]
        : [];
    // A well-known package's middleware answers what the table says (`jwt({ secret })` of koa-jwt: 401).
    const known = knownMiddlewareStatuses(ts, this.modules, node, method);
    return [
      ...known,
      ...fns
        .filter((fn) => !!fn && isFunctionLike(ts, fn) && fn.getParameters().length === 2 && !catchesDownstream(ts, fn))
        .flatMap((fn) => answered(fn!)),
    ];
  }

  /** The function a route's handler argument is, or names (in this module or another, `ctrl.handle` too: `Modules.functionOf`). */
  protected handlerFunction(handler: TsNode): TsNode | undefined {
    return this.modules.functionOf(handler);
  }

  /**
   * The function that answers for a route's handler argument, as the Express reader finds it
   * (`Modules.handlerOf`): by name or property access, and through what wraps it (`asyncHandler(list)`,
   * `const list = catchAsync(async (ctx) => …)`, `controller.list.bind(controller)`, `this.controller.list`).
   */
  routeHandler(handler: TsNode): TsNode | undefined {
    return this.modules.handlerOf(handler);
  }

  /** The string a path (or prefix) stands for: a literal, or `const`s of its module or imported from another (`literalValue`). */
  literal(node: TsNode | undefined): string | undefined {
    return literalValue(this.ts, node, this.constants);
  }

  /** Whether a value is imported or loaded from a module of the project (`./users`, `#routes`, a `paths` alias), its file found or not. */
  /**
   * The prefix a server's option states (inversify's `rootPath`, routing-controllers' `routePrefix`), read as
   * `literal` reads it; one computed at run time is a warning, at the option, and the routes are shown without it.
   */
  protected statedPrefix(node: TsNode, option: string, hint: string): string {
    const value = this.literal(node);
    if (value !== undefined) return value;
    this.warn(
      'DG_ROUTES_PREFIX_UNKNOWN',
      `the ${option} ${shortText(node)} is computed at run time: the controllers' routes are shown without it`,
      node,
      hint,
    );
    return '';
  }

  isProjects(node: TsNode): boolean {
    const value = unwrap(this.ts, node);
    const specifier = this.specifierOf(value);
    return specifier !== undefined && this.modules.isProjects(value.getSourceFile().getFilePath(), specifier);
  }

  /** The module of the project a value is imported or loaded from, when no file of the project is found for it. */
  missing(node: TsNode): string | undefined {
    const value = unwrap(this.ts, node);
    const specifier = this.specifierOf(value);
    const from = value.getSourceFile().getFilePath();
    return specifier !== undefined && this.modules.isProjects(from, specifier) && !this.modules.resolve(from, specifier)
      ? specifier
      : undefined;
  }

  /** What to check where `missing()` found no file for a module: for a path alias, the tsconfig read and its `paths`. */
  missingHint(node: TsNode, missing: string): string {
    return (
      this.modules.unreadModuleHint(node.getSourceFile().getFilePath(), missing) ??
      'check the import path (docgen looks for .ts, .tsx, .mts, .js, .mjs and index files)'
    );
  }

  private specifierOf(value: TsNode): string | undefined {
    return this.ts.Node.isIdentifier(value) ? this.modules.packageOf(value) : this.modules.loadedSpecifier(value);
  }

  /**
   * A decorated controller or route whose path (or method) is computed at run time: what it
   * registers is not read. `shown` is the decorator's arguments as written, `example` a literal one.
   */
  protected warnComputedDecorator(
    decorator: TsNode,
    name: string,
    shown: string,
    registers: 'controller' | 'route',
    example: string,
  ): void {
    const [message, hint] =
      registers === 'controller'
        ? [`has a path computed at run time: its routes are not read`, "write the controller's path"]
        : [`registers a route whose method or path is computed at run time: it is not read`, "write the route's path"];
    this.warn(
      'DG_ROUTES_COMPUTED_PATH',
      `@${name}(${shown}) ${message}`,
      decorator,
      `${hint} as a literal or a const (${example})`,
    );
  }

  warn(code: string, message: string, at: TsNode | Diagnostic['location'], hint: string): void {
    const location =
      at && 'getSourceFile' in at ? { file: at.getSourceFile().getFilePath(), line: at.getStartLineNumber() } : at;
    this.warnings.push({ code, severity: 'warning', message, location, hint });
  }
}

/**
 * The `Constants` a reader reads paths with, warning (once a place) where a path is read as the default
 * of `x || 'api'` (or `??`): docgen shows `'api'`, but where `x` is set the app serves its value.
 */
export function warningOfDefaults(
  constants: (node: Identifier | PropertyAccessExpression) => TsNode | undefined,
  warnings: Diagnostic[],
): Constants {
  const warned = new Set<TsNode>();
  return Object.assign(constants, {
    onDefault: (choice: BinaryExpression, value: string) => {
      if (warned.has(choice)) return;
      warned.add(choice);
      const depends = shortText(choice.getLeft());
      warnings.push({
        code: 'DG_ROUTES_DEFAULT_PATH',
        severity: 'warning',
        message: `${shortText(choice)} is read as '${value}': the path depends on ${depends} at run time`,
        location: { file: choice.getSourceFile().getFilePath(), line: choice.getStartLineNumber() },
        hint: `the page shows '${value}'; if ${depends} is set where the app runs, the routes are served under its value instead: write the path as a literal if it is fixed`,
      });
    },
  });
}
