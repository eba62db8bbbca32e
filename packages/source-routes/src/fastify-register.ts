/**
 * `app.register(plugin, { prefix })`: the plugin followed (inline, imported, `import()`, `require()`,
 * `fp(…)`), @fastify/autoload's folders of plugin files with their prefixes and autohooks, and a package's
 * plugin registered under a prefix (`@fastify/static`) as one row.
 */
import type { Context, DecorationScope, FastifyReader } from './fastify.js';
import type { CallExpression, Node as TsNode, ObjectLiteralExpression } from 'ts-morph';
import type { Route } from './model.js';
import {
  AUTOLOAD_DEFAULTS,
  autoloadedFiles,
  folderOf,
  isFolder,
  routeParamPrefix,
  type AutoloadOptions,
} from './autoload.js';
import { type Declaration, type FunctionNode } from './modules.js';
import { packageMountRoute } from './mounted-handlers.js';
import { computedLoad, property, methodOf, unwrap } from './code-shapes.js';
import { joinPaths, shortText, type TsMorph } from './syntax.js';
import { addedHook } from './fastify-hooks.js';
import { routeFrom } from './fastify-route-options.js';

/** `app.register(plugin, { prefix: '/v1' })`: the plugin's routes under the prefix. */
export function register(
  reader: FastifyReader,
  call: CallExpression,
  { prefix, scope }: Context,
  middleware: CallExpression[],
  out: Route[],
  path: Set<TsNode>,
): void {
  const [pluginArg, optionsArg] = call.getArguments();
  const plugin = reader.plugin(pluginArg);
  // In a chain (`server.register(cors).register(autoLoad, …)`), the line of its own `.register`.
  const location = reader.registeredAt(call);
  if (plugin === 'autoload') {
    autoload(reader, call, pluginArg!, optionsArg, prefix, scope, middleware, out, path);
    return;
  }
  // `register(require(path.join(__dirname, 'routes', file)))` in a loop over a folder: modules docgen cannot name.
  const computed = !plugin && pluginArg ? computedLoad(reader.ts, pluginArg) : undefined;
  if (computed) {
    reader.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `register(${shortText(pluginArg!)}) loads a plugin from a path computed at run time (${shortText(computed)}): the routes it registers are not read`,
      location,
      "register each plugin by a literal path (app.register(require('./routes/users'))), or load the folder with @fastify/autoload",
    );
    return;
  }
  // `register(useMocks ? mockRoutes : routes)`: which plugin is served is decided at run time.
  const chosen = !plugin && pluginArg ? chosenAtRunTime(reader.ts, pluginArg) : undefined;
  if (chosen) {
    reader.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `register(${shortText(pluginArg!)}) registers a plugin chosen at run time (${shortText(chosen)}): the routes it registers are not read`,
      location,
      'register each plugin in its own call (if (useMocks) app.register(mockRoutes); else app.register(routes)): docgen reads both',
    );
    return;
  }
  if (!plugin && pluginArg && packagePlugin(reader, call, pluginArg, optionsArg, { prefix, scope }, middleware, out))
    return;
  if (!plugin) {
    const missing = pluginArg && reader.isProjects(pluginArg) ? reader.missing(pluginArg) : undefined;
    if (pluginArg && reader.isProjects(pluginArg))
      reader.warn(
        'DG_ROUTES_PLUGIN_UNREAD',
        missing
          ? `register(${shortText(pluginArg)}): no file of the project is found for '${missing}', its routes are not read`
          : `register(${shortText(pluginArg)}): the plugin is not a function docgen can read, its routes are not read`,
        location,
        missing
          ? reader.missingHint(pluginArg, missing)
          : 'export the plugin as a function: export default async function (fastify) {…}',
      );
    return;
  }
  const options = optionsArg && reader.object(optionsArg);
  const prefixNode = options && property(reader.ts, options, 'prefix');
  const own = prefixNode && reader.literal(prefixNode);
  if (prefixNode && own === undefined) {
    reader.warn(
      'DG_ROUTES_COMPUTED_MOUNT',
      `register(…, { prefix: ${shortText(prefixNode)} }) mounts at a prefix computed at run time: the routes it registers are not read`,
      location,
      "register with a literal prefix ({ prefix: '/users' }) so docgen can follow it",
    );
    return;
  }
  // fastify-plugin shares its parent's context: Fastify ignores a `prefix` given to it.
  if (plugin.wrapped && own)
    reader.warn(
      'DG_ROUTES_PREFIX_IGNORED',
      `register(…, { prefix: '${own}' }): the plugin is wrapped in fastify-plugin, so Fastify ignores the prefix; its routes are shown without it`,
      location,
      'drop fastify-plugin from route plugins (it is for decorators and hooks), or move the prefix into the routes',
    );
  // Wrapped, it shares its parent's context, decorations included; else it is a scope of its own.
  const read = () =>
    plugin.wrapped
      ? reader.readPlugin(plugin.fn, prefix, scope, middleware, out, path)
      : reader.readPlugin(plugin.fn, joinPaths(prefix, own ?? ''), childScope(scope), middleware, out, path);
  // A plugin a project function makes (`register(plugin('users'))`) is read with the values that call gives.
  if (plugin.made) reader.whileHanded(plugin.made, read);
  else read();
}

/**
 * `app.register(autoload, { dir: join(__dirname, 'routes'), options: { prefix: '/api' } })`: every
 * plugin file of the folder, as @fastify/autoload registers them (`autoload.ts`), each under the
 * prefix of its folders, its own `autoPrefix` or `prefixOverride`, after `options.prefix`. What the
 * registration computes at run time (the folder, a filter function) is a warning.
 */
export function autoload(
  reader: FastifyReader,
  call: CallExpression,
  pluginArg: TsNode,
  optionsArg: TsNode | undefined,
  prefix: string,
  scope: DecorationScope,
  middleware: CallExpression[],
  out: Route[],
  path: Set<TsNode>,
): void {
  const { ts } = reader;
  const location = reader.registeredAt(call);
  const registered = `register(${shortText(pluginArg)})`;
  const options = optionsArg && reader.object(optionsArg);
  const dirNode = options && property(ts, options, 'dir');
  const dir =
    dirNode &&
    folderOf(
      ts,
      dirNode,
      (node) => reader.literal(node),
      (id) => (ts.Node.isIdentifier(id) ? reader.modules.follow(id)?.value : undefined),
    );
  if (!options || !dirNode || dir === undefined) {
    reader.warn(
      'DG_ROUTES_AUTOLOAD',
      `${registered} loads plugins from a folder computed at run time${dirNode ? ` (${shortText(dirNode)})` : ''}: the routes it loads are not read`,
      location,
      "name the folder from the module's own: { dir: join(__dirname, 'routes') }",
    );
    return;
  }
  if (!isFolder(dir)) {
    reader.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `${registered}: no folder ${dir}, the routes it loads are not read`,
      location,
      'check the dir option: autoload fails at start on a folder that does not exist',
    );
    return;
  }
  const read = autoloadOptions(reader, options, registered, location);
  if (!read) return;
  // Autoload shares its parent's context (as fastify-plugin does): a `prefix` beside `dir` is ignored.
  const ignored = reader.literal(property(ts, options, 'prefix'));
  if (ignored)
    reader.warn(
      'DG_ROUTES_PREFIX_IGNORED',
      `${registered}, { prefix: '${ignored}' }: Fastify ignores a prefix given to autoload itself; its routes are shown without it`,
      location,
      "give the plugins' prefix in autoload's options: { dir, options: { prefix: '/api' } }",
    );
  const { files, refused } = autoloadedFiles(dir, read.options);
  for (const folder of refused)
    reader.warn(
      'DG_ROUTES_PLUGIN_UNREAD',
      `${registered}: ${folder} has a package.json but no index file, which autoload refuses to load: its routes are not read`,
      location,
      'rename its main file to index.ts (or .js), as autoload asks',
    );
  for (const { file, prefix: folders, hooks } of files)
    autoloaded(
      reader,
      file,
      folders,
      read,
      prefix,
      scope,
      [...middleware, ...autohooks(reader, hooks, path)],
      out,
      path,
      location,
    );
}

/** Autoload's options as the registration states them; undefined (warned) where `options.prefix` is computed. */
export function autoloadOptions(
  reader: FastifyReader,
  options: ObjectLiteralExpression,
  registered: string,
  location: { file: string; line: number },
): { options: AutoloadOptions; prefix: string; encapsulate: boolean } | undefined {
  const { ts } = reader;
  const read: AutoloadOptions = { ...AUTOLOAD_DEFAULTS };
  const computed: string[] = [];
  const pattern = (key: 'indexPattern' | 'autoHooksPattern' | 'ignorePattern') => {
    const node = property(ts, options, key);
    if (!node) return;
    const value = regExp(reader, node) ?? reader.literal(node);
    if (value === undefined) computed.push(key);
    else read[key] = typeof value === 'string' ? new RegExp(value) : value;
  };
  const filter = (key: 'matchFilter' | 'ignoreFilter') => {
    const node = property(ts, options, key);
    if (!node) return;
    const value = regExp(reader, node) ?? reader.literal(node);
    if (value === undefined) computed.push(key);
    else read[key] = value;
  };
  pattern('indexPattern');
  pattern('autoHooksPattern');
  pattern('ignorePattern');
  filter('matchFilter');
  filter('ignoreFilter');
  const flag = (key: string) => {
    const node = property(ts, options, key);
    const kind = node && unwrap(ts, node).getKind();
    return kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
  };
  const dirNames = property(ts, options, 'dirNameRoutePrefix');
  if (dirNames && flag('dirNameRoutePrefix') === undefined) computed.push('dirNameRoutePrefix');
  read.dirNameRoutePrefix = flag('dirNameRoutePrefix') ?? true;
  read.routeParams = flag('routeParams') ?? false;
  read.autoHooks = flag('autoHooks') ?? false;
  read.cascadeHooks = flag('cascadeHooks') ?? false;
  read.overwriteHooks = flag('overwriteHooks') ?? false;
  const depthNode = property(ts, options, 'maxDepth');
  const depth = depthNode && unwrap(ts, depthNode);
  if (depth && ts.Node.isNumericLiteral(depth)) read.maxDepth = Number(depth.getLiteralValue());
  else if (depth) computed.push('maxDepth');
  if (computed.length)
    reader.warn(
      'DG_ROUTES_AUTOLOAD',
      `${registered}: ${computed.map((key) => `\`${key}\``).join(', ')} computed at run time: the folder is read without ${computed.length > 1 ? 'them' : 'it'} (every file, folder names as prefixes), and may show plugins autoload leaves out`,
      location,
      'write the option as a literal (a RegExp, a string, true or false) so docgen applies it',
    );
  // `options: { prefix: '/api' }` is handed to every plugin; `options: opts` (fastify-cli's template) hands on the parent's.
  const given = property(ts, options, 'options');
  const pluginOptions = given && reader.object(given);
  const prefixNode = pluginOptions && property(ts, pluginOptions, 'prefix');
  const prefix = prefixNode ? reader.literal(prefixNode) : '';
  if (prefix === undefined) {
    reader.warn(
      'DG_ROUTES_COMPUTED_MOUNT',
      `${registered}, { options: { prefix: ${shortText(prefixNode!)} } } mounts at a prefix computed at run time: the routes it loads are not read`,
      location,
      "give a literal prefix ({ options: { prefix: '/api' } }) so docgen can follow it",
    );
    return undefined;
  }
  return { options: read, prefix: prefix.replace(/\/$/, ''), encapsulate: flag('encapsulate') ?? true };
}

/** A regular expression literal (`/^.*\.spec\.ts$/`), also held in a `const`. */
export function regExp(reader: FastifyReader, node: TsNode): RegExp | undefined {
  const { ts } = reader;
  let value = unwrap(ts, node);
  if (ts.Node.isIdentifier(value)) value = reader.modules.follow(value)?.value ?? value;
  if (!ts.Node.isRegularExpressionLiteral(value)) return undefined;
  const text = value.getText();
  const end = text.lastIndexOf('/');
  try {
    return new RegExp(text.slice(1, end), text.slice(end + 1));
  } catch {
    return undefined;
  }
}

/**
 * The hooks autohooks files add (`fastify.addHook('onRequest', fastify.authenticate)` in the plugin
 * each default-exports), which autoload registers before the plugins of their folder, in their context.
 */
export function autohooks(reader: FastifyReader, files: string[], path: Set<TsNode>): CallExpression[] {
  const { ts } = reader;
  return files.flatMap((file) => {
    const plugin = reader.plugin(reader.modules.exported(file, 'default')?.value);
    if (!plugin || plugin === 'autoload' || path.has(plugin.fn)) return [];
    const [instance] = plugin.fn.getParameters() as unknown as Declaration[];
    if (!instance) return [];
    const inner = new Set(path).add(plugin.fn);
    return reader.calls(instance, plugin.fn, inner).filter((call) => methodOf(ts, call) === 'addHook');
  });
}

/**
 * One file autoload loads: its default export (or `module.exports`) read as a plugin under the
 * prefix autoload gives it: `prefixOverride`, else `options.prefix` + (`autoPrefix` or the folders);
 * or, where it exports one route's options (`export default { method: 'GET', url: '/', handler }`),
 * that route under the same prefix, as autoload registers it. A file that says `autoload = false`,
 * or exports neither, is skipped, as autoload skips it.
 */
export function autoloaded(
  reader: FastifyReader,
  file: string,
  folders: string,
  read: { options: AutoloadOptions; prefix: string; encapsulate: boolean },
  prefix: string,
  scope: DecorationScope,
  middleware: CallExpression[],
  out: Route[],
  path: Set<TsNode>,
  location: { file: string; line: number },
): void {
  const exported = (name: string) => reader.modules.exported(file, name)?.value;
  const content = exported('default');
  const routeObject = content && reader.routeObject(content, file);
  const plugin = routeObject ? undefined : reader.plugin(content);
  if (!routeObject && (!plugin || plugin === 'autoload')) return;
  const own = (key: string) =>
    exported(key) ?? (plugin && plugin !== 'autoload' ? assignedOn(reader, plugin.fn, key) : undefined);
  const off = own('autoload');
  if (off && unwrap(reader.ts, off).getKind() === reader.ts.SyntaxKind.FalseKeyword) return;
  const overrideNode = own('prefixOverride');
  const autoPrefixNode = own('autoPrefix');
  const override = overrideNode && reader.literal(overrideNode);
  const ownPrefix = autoPrefixNode && reader.literal(autoPrefixNode);
  if ((overrideNode && override === undefined) || (autoPrefixNode && ownPrefix === undefined)) {
    reader.warn(
      'DG_ROUTES_COMPUTED_MOUNT',
      `${file}: its ${overrideNode ? 'prefixOverride' : 'autoPrefix'} is computed at run time: the routes autoload loads from it are not read`,
      location,
      "export the prefix as a literal (export const autoPrefix = '/users')",
    );
    return;
  }
  const composed = override !== undefined ? override : read.prefix + (ownPrefix || folders).replace(/\/+/g, '/');
  const served = read.options.routeParams ? routeParamPrefix(composed) : composed;
  // `encapsulate: false` and fastify-plugin share the parent's context: Fastify ignores the prefix.
  const wrapped = !!plugin && plugin !== 'autoload' && plugin.wrapped;
  const shared = wrapped || !read.encapsulate;
  const under = shared ? prefix : joinPaths(prefix, served);
  const before = out.length;
  if (routeObject) {
    // Autoload wraps the options in a plugin of its own that calls `fastify.route(options)`.
    const hooks = middleware.flatMap((hook) => addedHook(reader, hook, scope));
    routeFrom(reader, routeObject.site, routeObject.options, under, scope, hooks, out);
  } else if (plugin && plugin !== 'autoload') {
    const load = () => reader.readPlugin(plugin.fn, under, shared ? scope : childScope(scope), middleware, out, path);
    if (plugin.made) reader.whileHanded(plugin.made, load);
    else load();
  }
  if (shared && served && out.length > before)
    reader.warn(
      'DG_ROUTES_PREFIX_IGNORED',
      `${file}: autoload gives it the prefix '${served}', which Fastify ignores (${wrapped ? 'the plugin is wrapped in fastify-plugin' : 'encapsulate: false'}); its routes are shown without it`,
      location,
      'drop fastify-plugin from route plugins (it is for decorators and hooks)',
    );
}

/** `plugin.autoPrefix = '/users'` (or `module.exports.autoPrefix`) written on the plugin function's name. */
export function assignedOn(reader: FastifyReader, fn: FunctionNode, key: string): TsNode | undefined {
  const { ts } = reader;
  const name = ts.Node.isFunctionDeclaration(fn)
    ? fn.getName()
    : fn.getParentIfKind(ts.SyntaxKind.VariableDeclaration)?.getName();
  if (!name) return undefined;
  for (const assignment of fn.getSourceFile().getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    const left = assignment.getLeft().getText().replace(/\s+/g, '');
    if (assignment.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken && left === `${name}.${key}`)
      return assignment.getRight();
  }
  return undefined;
}

/**
 * A package's plugin registered under a literal `prefix` (`@fastify/static`) or `routePrefix`
 * (`@fastify/swagger-ui`): one row for what it serves there, its routes not read. Without one
 * (`register(cors)`), it serves nothing of its own to list.
 */
export function packagePlugin(
  reader: FastifyReader,
  call: CallExpression,
  pluginArg: TsNode,
  optionsArg: TsNode | undefined,
  { prefix, scope }: Pick<Context, 'prefix' | 'scope'>,
  middleware: CallExpression[],
  out: Route[],
): boolean {
  const pkg = reader.modules.packageServing(unwrap(reader.ts, pluginArg));
  const options = optionsArg && reader.object(optionsArg);
  const at = options && (property(reader.ts, options, 'prefix') ?? property(reader.ts, options, 'routePrefix'));
  const own = at && reader.literal(at);
  if (!pkg || !own) return false;
  const hooks = middleware.flatMap((hook) => addedHook(reader, hook, scope)).map((hook) => hook.name);
  out.push(packageMountRoute(call, joinPaths(prefix, own.replace(/\/+$/, '')), pluginArg, pkg, hooks));
  return true;
}

/**
 * The choice in a plugin argument picked at run time (`cond ? a : b`, `a || b`, `a ?? b`, also
 * awaited, in parentheses or under `as`), which no single plugin stands for.
 */
function chosenAtRunTime(ts: TsMorph, node: TsNode): TsNode | undefined {
  const value = unwrap(ts, node);
  if (ts.Node.isConditionalExpression(value)) return value.getCondition();
  if (ts.Node.isBinaryExpression(value) && ['||', '??'].includes(value.getOperatorToken().getText())) return value;
  return undefined;
}

function childScope(parent: DecorationScope): DecorationScope {
  return { parent, own: new Map() };
}
