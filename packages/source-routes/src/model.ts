/** What the routes plugin reads out of an Express, NestJS, Fastify, Koa or Hono app's code. */

/** What registers the routes: the entry's framework. */
export type Framework = 'Express' | 'NestJS' | 'Fastify' | 'Koa' | 'Hono';

export interface RoutesModel {
  /** The service's name (its package.json `name` without the scope, else its folder). */
  service: string;
  /** The entry file the app was read from. */
  entry: string;
  framework: Framework;
  /** Routes in the order the framework registers them (mounts and modules expanded). */
  routes: Route[];
  /** Set when an OpenAPI spec was given to compare with. */
  comparison?: Comparison;
}

export interface Route {
  /** `GET`, `POST`…, or `ALL` for `router.all`. */
  method: string;
  /** The full path as Express matches it, mount prefixes included: `/catalog/v3/products/:productId`. */
  path: string;
  /** The same path in OpenAPI's form: `/catalog/v3/products/{productId}`. */
  openapiPath: string;
  /** Middleware named between the path and the handler, mounts' included (`requireStaff`); NestJS: guards. */
  middleware: string[];
  /**
   * Status codes the handler answers with, sorted: those it sets (`res.status(201)`, `res.sendStatus(204)`),
   * those of the errors it raises, and the framework's own where it sends with none set (`res.json(x)`: 200);
   * NestJS: `@HttpCode`, else its default.
   */
  statuses: number[];
  /**
   * Statuses the handler sets that are computed at run time, as written (`err.statusCode` of
   * `res.status(err.statusCode || 500)`, whose `500` is in `statuses`): the page says so rather than
   * listing none.
   */
  computedStatuses?: string[];
  /**
   * The package whose handler serves everything under the path (`app.use('/dash', agendash(agenda))`):
   * the row stands for routes docgen cannot read, and is not compared with the spec.
   */
  servedBy?: string;
  /**
   * Set on the row of a function written in a mount (`app.use('/legacy', auth, (req, res) => …)`), which
   * answers every path under it itself: what those paths are is not known, so the row is not compared
   * with the spec as one route (a spec's operations under it still count as unserved: it may be a 404).
   */
  inlineMount?: boolean;
  /** The comment above the registration (JSDoc or `//` lines), if any. */
  summary?: string;
  file: string;
  line: number;
}

export interface Comparison {
  /** The spec compared with. */
  spec: string;
  /** Base paths of the spec's servers (`/catalog/v3`): spec paths are relative to them. */
  basePaths: string[];
  /** Routes no operation of the spec describes. */
  undocumented: Route[];
  /** Operations of the spec no route serves. */
  unserved: Array<{
    method: string;
    path: string;
    operationId?: string;
    /** Its line in the spec (its path's, when the path's operations are in another file). */
    line?: number;
  }>;
  /** Routes and operations that match. */
  matched: number;
}
