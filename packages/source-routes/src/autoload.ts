/**
 * What `@fastify/autoload` loads from a folder, read from the file system as the package walks it at
 * start: every script file is a plugin, except in a folder that has an index file (then the index and
 * the sub-folders only); each sub-folder's name is a segment of its plugins' prefix
 * (`dirNameRoutePrefix`), `_id` a `:id` with `routeParams`; `ignorePattern` drops files and folders
 * by name, `matchFilter` / `ignoreFilter` by their path under the folder; `autohooks` files are hooks,
 * not plugins. Which of those files is a plugin, and under which prefix, is then the Fastify reader's.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Node as TsNode } from 'ts-morph';
import { unwrap } from './code-shapes.js';
import type { TsMorph } from './syntax.js';

/** What a folder is read with: autoload's options as the registration states them, its defaults otherwise. */
export interface AutoloadOptions {
  indexPattern: RegExp;
  autoHooksPattern: RegExp;
  ignorePattern?: RegExp;
  /** A string is matched as a part of the path (`path.includes`), as autoload does. */
  matchFilter?: string | RegExp;
  ignoreFilter?: string | RegExp;
  dirNameRoutePrefix: boolean;
  routeParams: boolean;
  maxDepth?: number;
  /** `autoHooks: true`: each folder's autohooks file adds its hooks to the folder's plugins. */
  autoHooks: boolean;
  /** `cascadeHooks: true`: a folder's hooks apply to its sub-folders' plugins too. */
  cascadeHooks: boolean;
  /** `overwriteHooks: true`: a sub-folder's own autohooks file replaces those cascaded to it. */
  overwriteHooks: boolean;
}

/** Autoload's own defaults (index.ts / index.js…, autohooks.ts / _autohooks.js…). */
export const AUTOLOAD_DEFAULTS: AutoloadOptions = {
  indexPattern: /^index\.(?:ts|js|cjs|mjs)$/i,
  autoHooksPattern: /^[_.]?auto_?hooks\.(?:ts|js|cjs|mjs)$/i,
  dirNameRoutePrefix: true,
  routeParams: false,
  autoHooks: false,
  cascadeHooks: false,
  overwriteHooks: false,
};

/** One plugin file autoload registers, with the prefix its folders give it (`''` at the top). */
export interface AutoloadedFile {
  file: string;
  prefix: string;
  /** The autohooks files whose hooks run before its routes (with `autoHooks`), outermost first. */
  hooks: string[];
}

/** Script files autoload loads: `.js`, `.cjs`, `.mjs`, and `.ts` but not a declaration file (`.d.ts`). */
function isScript(name: string): boolean {
  return /\.(?:js|cjs|mjs)$/i.test(name) || (/\.ts$/i.test(name) && !/\.d\.ts$/i.test(name));
}

/** A filter as autoload applies it to a file's path under the folder (`/users/index.ts`). */
function passes(path: string, filter: string | RegExp): boolean {
  return typeof filter === 'string' ? path.includes(filter) : new RegExp(filter.source, filter.flags).test(path);
}

/**
 * The plugin files of `root`, in the order autoload registers them: a folder's files by name, then
 * each sub-folder's, depth first. A folder it cannot load (a package.json but no index file, where
 * autoload stops with an error) is left out and named in `refused`.
 */
export function autoloadedFiles(
  root: string,
  options: AutoloadOptions,
): { files: AutoloadedFile[]; refused: string[] } {
  const files: AutoloadedFile[] = [];
  const refused: string[] = [];
  const accept = (file: string, prefix: string, hooks: string[]) => {
    const path = '/' + relative(root, file).split(sep).join('/');
    if (options.matchFilter !== undefined && !passes(path, options.matchFilter)) return;
    if (options.ignoreFilter !== undefined && passes(path, options.ignoreFilter)) return;
    files.push({ file, prefix, hooks });
  };
  const walk = (dir: string, prefix: string, depth: number, cascaded: string[]) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const hooks = folderHooks(dir, entries, options, cascaded);
    const index = entries.find((entry) => entry.isFile() && options.indexPattern.test(entry.name));
    if (index) accept(join(dir, index.name), prefix, hooks);
    if (!index && entries.some((entry) => entry.name === 'package.json')) {
      refused.push(dir);
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (
        options.ignorePattern &&
        new RegExp(options.ignorePattern.source, options.ignorePattern.flags).test(entry.name)
      )
        continue;
      const deep = options.maxDepth !== undefined && depth >= options.maxDepth;
      if (entry.isDirectory() && !deep) folders.push(entry.name);
      else if (!index && entry.isFile() && isScript(entry.name) && !options.autoHooksPattern.test(entry.name))
        accept(join(dir, entry.name), prefix, hooks);
    }
    for (const folder of folders)
      walk(
        join(dir, folder),
        options.dirNameRoutePrefix ? `${prefix}/${folder}` : prefix,
        depth + 1,
        options.cascadeHooks ? hooks : [],
      );
  };
  walk(root, '', 0, []);
  return { files, refused };
}

/**
 * The autohooks files that apply to a folder's plugins, as autoload composes them with `autoHooks`:
 * those cascaded from its parents (`cascadeHooks`), then its own (which replaces them with
 * `overwriteHooks`). Without `autoHooks`, none: the files are then neither hooks nor plugins.
 */
function folderHooks(
  dir: string,
  entries: Array<{ name: string; isFile(): boolean }>,
  options: AutoloadOptions,
  cascaded: string[],
): string[] {
  if (!options.autoHooks) return [];
  const own = entries.find((entry) => entry.isFile() && options.autoHooksPattern.test(entry.name));
  if (!own) return cascaded;
  return [...(options.overwriteHooks ? [] : cascaded), join(dir, own.name)];
}

/** With `routeParams`, `_id` folders are `:id` segments (and `__country-__lang` is `:country-:lang`). */
export function routeParamPrefix(prefix: string): string {
  return prefix.includes('__') ? prefix.replace(/__/g, ':') : prefix.replace(/\/_/g, '/:');
}

/** Whether the folder exists and is one (autoload fails at start otherwise). */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The folder a `dir` option names, from the module it is written in: `join(__dirname, 'routes')`,
 * `path.resolve(…)`, `import.meta.dirname`, a `const __dirname = dirname(fileURLToPath(import.meta.url))`,
 * `fileURLToPath(new URL('./routes', import.meta.url))`, templates and `+` of such parts. A relative
 * string alone is from the working directory at run time: not known (undefined), as anything else computed.
 */
export function folderOf(
  ts: TsMorph,
  node: TsNode,
  literal: (node: TsNode) => string | undefined,
  follow: (id: TsNode) => TsNode | undefined,
): string | undefined {
  const here = dirname(node.getSourceFile().getFilePath());
  const moduleUrl = (value: TsNode) => value.getText().replace(/\s+/g, '') === 'import.meta.url';
  const part = (value: TsNode, depth: number): string | undefined => {
    if (depth > 8) return undefined;
    const bare = unwrap(ts, value);
    const text = bare.getText().replace(/\s+/g, '');
    if (text === '__dirname' || text === 'import.meta.dirname') return here;
    if (ts.Node.isTemplateExpression(bare)) {
      let joined = bare.getHead().getLiteralText();
      for (const span of bare.getTemplateSpans()) {
        const inner = part(span.getExpression(), depth + 1);
        if (inner === undefined) return undefined;
        joined += inner + span.getLiteral().getLiteralText();
      }
      return joined;
    }
    if (ts.Node.isBinaryExpression(bare) && bare.getOperatorToken().getText() === '+') {
      const [left, right] = [part(bare.getLeft(), depth + 1), part(bare.getRight(), depth + 1)];
      return left === undefined || right === undefined ? undefined : left + right;
    }
    if (ts.Node.isCallExpression(bare)) {
      const callee = bare.getExpression().getText();
      const args = bare.getArguments();
      // `dirname(fileURLToPath(import.meta.url))`: this module's folder.
      if (/(?:^|\.)dirname$/.test(callee) && args[0] && /fileURLToPath\(import\.meta\.url\)$/.test(args[0].getText()))
        return here;
      if (/(?:^|\.)(?:join|resolve)$/.test(callee)) {
        const parts = args.map((arg) => part(arg, depth + 1));
        return parts.every((each) => each !== undefined) && parts.length ? join(...(parts as string[])) : undefined;
      }
      // `fileURLToPath(new URL('./routes', import.meta.url))`
      const url = /(?:^|\.)fileURLToPath$/.test(callee) ? args[0] && unwrap(ts, args[0]) : undefined;
      if (url && ts.Node.isNewExpression(url) && url.getExpression().getText() === 'URL') {
        const [relativePath, base] = url.getArguments();
        const path = relativePath && literal(relativePath);
        if (path !== undefined && base && moduleUrl(base)) return resolve(here, path);
      }
      return undefined;
    }
    if (ts.Node.isIdentifier(bare)) {
      const held = follow(bare);
      const value = held && part(held, depth + 1);
      if (value !== undefined) return value;
    }
    return literal(bare);
  };
  const folder = part(node, 0);
  // Only a folder the module states from its own place is known; `'./routes'` depends on the working directory.
  return folder !== undefined && isAbsolute(folder) ? resolve(folder) : undefined;
}
