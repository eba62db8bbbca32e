/**
 * What the Express reader knows of an app while it reads it: each module's apps, routers, imports,
 * exports and factories, each router's routes and mounts in registration order, and the references
 * that name a router in a scope (a function's parameter, a class member, a closure). Types only, apart
 * so that the reader and the module readers beside it share them without importing each other.
 */
import type {
  ArrowFunction,
  FunctionDeclaration,
  FunctionExpression,
  PropertyAccessExpression,
  SourceFile,
} from 'ts-morph';
import type { Route } from './model.js';
import type { ScopedUse } from './scoped-middleware.js';
import type { Handing } from './handing.js';

/** A router (or app) as one module declares it: its routes and mounts in registration order. */
export interface RouterDef {
  entries: Array<
    /**
     * `whole`: the route's path is from the app's root (`req.originalUrl === '/api/health'`), not under the
     * mount; `before`: then, the router's own `use()` middleware that runs before it, under the router's
     * paths (`router.use('/admin', requireAdmin)`), matched with that path once the router's mount is known.
     */
    | { kind: 'route'; route: Omit<Route, 'openapiPath'>; whole?: boolean; before?: Scoped[] }
    | { kind: 'mount'; mount: Mount }
    | { kind: 'served'; route: Route }
  >;
  /** The middleware its `use()` calls leave running for what is registered on it after them (`app.use(auth())`). */
  trailing?: Scoped[];
}
export interface Mount {
  prefix: string;
  target: RouterRef;
  middleware: Scoped[];
  /** The call that mounts it (`app.use('/api', v1)`, `registerAdmin(app)`), for which mounts exclude each other. */
  at?: Site;
}
/** Where a call is written: its file and where it starts there. */
export interface Site {
  file: string;
  start: number;
}
/** Express's `use()` middleware (`ScopedUse`), with the `use()` call that registers it, for what a framework registers on the app after it (routing-controllers' controllers). */
export interface Scoped extends ScopedUse {
  at?: Site;
}
/** A router by the module that declares it and its name there. */
export interface RouterRef {
  file: string;
  name: string;
  /**
   * Where the function starts whose parameter the name is (`function setupDev(app) {…}`, handed the
   * app): its calls on that name are the router's, not those on a module's `app` of the same name.
   */
  scope?: number;
  /**
   * For a member (`this.router`), where its class starts, when an instance names it
   * (`new UsersRoute().router`): the calls on `this.router` in other classes of its module are theirs.
   */
  owner?: number;
  /**
   * For a router handed to a function (`loadRoutes(app, '/api/v1')`), the call that hands it, the
   * function, and the handing that call is in: the function's other parameters
   * (`` app.use(`${prefix}/users`, users) ``) are what that call gives them (`handedValue`).
   */
  handed?: Handing;
  /**
   * Where a function of the module starts that closes over the router and takes other values
   * (`function mountRoutes(prefix) { app.use(prefix, api) }`): its calls on the router are read where
   * it is called (`mountRoutes('/api')`, the `handed` call), not where it is written.
   */
  closure?: number;
  /**
   * For a router a factory builds in a local (`function a() { const router = Router(); …; return router; }`),
   * where the factory starts: the calls on a `router` of another function of its module are that one's.
   */
  local?: number;
  /**
   * For an app the entry registers on that another module or a function of the project made
   * (`const app = createMcpExpressApp(); app.post('/mcp', …)`): that app, whose own registrations run first.
   */
  made?: RouterRef;
}
export interface ModuleInfo {
  file: string;
  /** Local name → what it is: an app (`express()`) or a router (`Router()`). */
  declared: Map<string, 'app' | 'router'>;
  /** Local name → the module and exported name it is imported from. */
  imports: Map<string, { file: string; name: string }>;
  /** Exported name → local name. */
  exports: Map<string, string>;
  /** Functions that build and return a router (`function usersRouter() { const r = Router(); …; return r; }`) → that router's name. */
  factories: Map<string, string>;
  /**
   * Other names for a router: `export const usersRouter: Router = router`, and a router an
   * immediately invoked function builds (`const healthRouter = (() => { const router = Router(); …; return router; })()`).
   */
  aliases: Map<string, string>;
  /**
   * Names for a member of another value (`export const users = new UsersRoute().router`, and
   * `export default new UsersRoute().router` as `(default export)`) → that access: a router when
   * the value is an instance of a class of the project that keeps one there (`instanceRouter`).
   */
  members: Map<string, PropertyAccessExpression>;
  /** The modules whose every export this one exports too: `export * from './users'`, tsc's `__exportStar(require('./users'), exports)`. */
  stars: string[];
  /** `module.exports = function (app) {…}` / `export default function (app) {…}`: a function with no name. */
  defaultFunction?: FunctionLike;
  source: SourceFile;
}
export type FunctionLike = FunctionDeclaration | FunctionExpression | ArrowFunction;
