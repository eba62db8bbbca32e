/**
 * What both readers (Express in express.ts, NestJS in nest.ts) need from a TypeScript project
 * read syntactically: where an import leads (relative, or through the `paths` of the nearest
 * tsconfig, as in an Nx workspace's `@acme/users` → `libs/users/src/index.ts`), syntax errors
 * as diagnostics, literal text, the comment above a declaration, and paths joined.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type {
  BinaryExpression,
  CallExpression,
  Identifier,
  MethodDeclaration,
  NewExpression,
  Node as TsNode,
  ParameterDeclaration,
  Project,
  PropertyAccessExpression,
  SourceFile,
  VariableDeclaration,
  ts,
} from 'ts-morph';
import { DocgenError } from '@docgen/core';
import { foldersUp } from './folders-up.js';
import { WorkspacePackages, type MissedSource } from './workspaces.js';

export type TsMorph = typeof import('ts-morph');

/** A ts-morph project for reading files syntactically: no type check, no lib, no import resolution. */
export function syntaxProject(tsMorph: TsMorph): Project {
  return new tsMorph.Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // Syntax only: no default library, no type roots, no import resolution by TypeScript (we follow imports).
    compilerOptions: { allowJs: true, noEmit: true, noLib: true, noResolve: true, types: [] },
  });
}

/** A module specifier → the file it names, relative or through a tsconfig's `paths`. */
export class ImportResolver {
  /** tsconfig file → its path aliases (undefined: none), read once. */
  private readonly aliases = new Map<string, PathAliases | undefined>();
  /** A source file's folder → the tsconfig that governs it, looked up once per folder. */
  private readonly configs = new Map<string, string | undefined>();
  /** A folder → the NODE_PATH its nearest package.json's scripts set (undefined: none), looked up once per folder. */
  private readonly nodePaths = new Map<string, NodePath | undefined>();
  /** A folder → the dependencies its nearest package.json lists, looked up once per folder. */
  private readonly dependencies = new Map<string, Set<string>>();

  /** The packages of the repository's own workspaces, imported by name (`@acme/shared-routes`). */
  private readonly workspaces: WorkspacePackages;

  /** `missed`: the run's list of the workspace packages whose source it does not find (`RunNotes`). */
  constructor(
    private readonly ts: TsMorph,
    missed: MissedSource[],
  ) {
    this.workspaces = new WorkspacePackages(missed);
  }

  resolve(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return sourceFile(resolve(dirname(from), specifier));
    // `/home/ci/app/src/app.module`: not portable, but TypeScript and Node read it as that file.
    if (isAbsolute(specifier)) return sourceFile(specifier);
    if (specifier.startsWith('#')) return subpathImport(from, specifier);
    const config = this.configOf(dirname(from));
    const aliases = config && this.pathAliases(config);
    if (!aliases) return this.fromNodePath(from, specifier) ?? this.workspaces.resolve(from, specifier, sourceFile);
    for (const [pattern, targets] of aliases.paths) {
      const matched = aliasMatch(pattern, specifier);
      if (matched === undefined) continue;
      for (const target of targets) {
        const file = sourceFile(resolve(aliases.baseUrl, target.replace('*', matched)));
        if (file) return file;
      }
    }
    // With a baseUrl, `src/base/base.controller` is read from it (Nest CLI projects set `"baseUrl": "./"`).
    return (
      (aliases.fromBaseUrl ? sourceFile(resolve(aliases.baseUrl, specifier)) : undefined) ??
      this.fromNodePath(from, specifier) ??
      this.workspaces.resolve(from, specifier, sourceFile)
    );
  }

  /**
   * The tsconfig that governs `from` (undefined: none found) and the `paths` entry of it a specifier
   * matches, file or not: not a pattern that starts with `*` (`"*": ["src/types/*"]`), which every
   * package's name matches, nor one that points into node_modules, nor for a dependency the package.json
   * lists (TypeScript falls back to node_modules where the mapping finds no file). For a module that has no file.
   */
  aliasing(from: string, specifier: string): { config?: string; entry?: [string, string[]] } {
    const config = this.configOf(dirname(from));
    const paths =
      config && !this.dependenciesOf(dirname(from)).has(packageName(specifier))
        ? this.pathAliases(config)?.paths
        : undefined;
    const entry = paths?.find(
      ([pattern, targets]) =>
        !pattern.startsWith('*') &&
        !targets.every((target) => target.includes('node_modules')) &&
        aliasMatch(pattern, specifier) !== undefined,
    );
    return { ...(config ? { config } : {}), ...(entry ? { entry } : {}) };
  }

  /** The dependencies (dev too) of the nearest package.json above `dir`. */
  private dependenciesOf(dir: string): Set<string> {
    let found = this.dependencies.get(dir);
    if (found) return found;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      let json: { dependencies?: object; devDependencies?: object } = {};
      try {
        json = JSON.parse(readFileSync(manifest, 'utf8')) as typeof json;
      } catch {
        // an unreadable package.json lists none
      }
      found = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]);
    } else found = dir === dirname(dir) ? new Set() : this.dependenciesOf(dirname(dir));
    this.dependencies.set(dir, found);
    return found;
  }

  /** The tsconfig that governs files in `dir`: every package import (`@nestjs/common`) asks, so the folder walk is done once per folder. */
  private configOf(dir: string): string | undefined {
    if (!this.configs.has(dir)) this.configs.set(dir, nearestTsconfig(dir));
    return this.configs.get(dir);
  }

  /**
   * `require('controllers')` in an app its package.json starts with `NODE_PATH=src` (`cross-env NODE_PATH=src
   * node src/bin/server`): the module under that folder, where no dependency of the package has the name, as
   * Node looks in NODE_PATH only after node_modules.
   */
  private fromNodePath(from: string, specifier: string): string | undefined {
    const found = this.nodePath(dirname(from));
    if (!found || found.dependencies.has(packageName(specifier))) return undefined;
    for (const dir of found.dirs) {
      const file = sourceFile(resolve(dir, specifier));
      if (file) return file;
    }
    return undefined;
  }

  /** The NODE_PATH folders the nearest package.json's scripts set, and its dependencies; read once a folder. */
  private nodePath(dir: string): NodePath | undefined {
    if (this.nodePaths.has(dir)) return this.nodePaths.get(dir);
    let found: NodePath | undefined;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      let json: { scripts?: Record<string, unknown>; dependencies?: object; devDependencies?: object } = {};
      try {
        json = JSON.parse(readFileSync(manifest, 'utf8')) as typeof json;
      } catch {
        // an unreadable package.json sets no NODE_PATH
      }
      const dirs = Object.values(json.scripts ?? {})
        .filter((script): script is string => typeof script === 'string')
        .flatMap((script) => [...script.matchAll(/\bNODE_PATH=(['"]?)([^\s'"&;]+)\1/g)].map((match) => match[2]!))
        .flatMap((value) => value.split(':'))
        .filter((value) => value && value !== '$NODE_PATH')
        .map((value) => resolve(dir, value));
      const dependencies = new Set([
        ...Object.keys(json.dependencies ?? {}),
        ...Object.keys(json.devDependencies ?? {}),
      ]);
      found = dirs.length ? { dirs: [...new Set(dirs)], dependencies } : undefined;
    } else if (dir !== dirname(dir)) found = this.nodePath(dirname(dir));
    this.nodePaths.set(dir, found);
    return found;
  }

  /** `compilerOptions.paths` and `baseUrl` of a tsconfig, or of the config it extends (Nx: `tsconfig.base.json`). */
  private pathAliases(config: string, depth = 0): PathAliases | undefined {
    if (this.aliases.has(config)) return this.aliases.get(config);
    this.aliases.set(config, undefined); // a config that extends itself ends here
    const { config: json } = this.ts.ts.parseConfigFileTextToJson(config, readFileSync(config, 'utf8')) as {
      config?: { extends?: unknown; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
    };
    const options = json?.compilerOptions;
    let found: PathAliases | undefined;
    if (options?.paths || options?.baseUrl !== undefined)
      found = {
        baseUrl: resolve(dirname(config), options.baseUrl ?? '.'),
        paths: Object.entries(options.paths ?? {}),
        fromBaseUrl: options.baseUrl !== undefined,
      };
    else if (typeof json?.extends === 'string' && json.extends.startsWith('.') && depth < 8) {
      const parent = resolve(dirname(config), json.extends);
      const file = existsSync(parent) ? parent : `${parent}.json`;
      if (existsSync(file)) found = this.pathAliases(file, depth + 1);
    }
    this.aliases.set(config, found);
    return found;
  }
}

/** What the `*` of a tsconfig `paths` pattern stands for in a specifier (`''` for a pattern without one), or undefined where it does not match. */
function aliasMatch(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return specifier === pattern ? '' : undefined;
  const [head, tail] = [pattern.slice(0, star), pattern.slice(star + 1)];
  return specifier.startsWith(head) && specifier.endsWith(tail) && specifier.length >= head.length + tail.length
    ? specifier.slice(star, specifier.length - tail.length)
    : undefined;
}

/** `#routes/v1/user` through the nearest package.json's `imports` (`"#routes/*": "./src/routes/*.route.js"`). */
function subpathImport(from: string, specifier: string): string | undefined {
  for (const dir of foldersUp(dirname(from))) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      let imports: Record<string, unknown> | undefined;
      try {
        imports = (JSON.parse(readFileSync(manifest, 'utf8')) as { imports?: Record<string, unknown> }).imports;
      } catch {
        return undefined;
      }
      for (const [pattern, target] of Object.entries(imports ?? {})) {
        const star = pattern.indexOf('*');
        const [head, tail] = star === -1 ? [pattern, ''] : [pattern.slice(0, star), pattern.slice(star + 1)];
        const matches = star === -1 ? specifier === pattern : specifier.startsWith(head) && specifier.endsWith(tail);
        const path = matches ? conditionalTarget(target) : undefined;
        if (!path) continue;
        const middle = star === -1 ? '' : specifier.slice(head.length, specifier.length - tail.length);
        return sourceFile(resolve(dir, path.replace('*', middle)));
      }
      return undefined; // the nearest package.json decides, as in Node
    }
  }
  return undefined;
}

/** A package.json target, or the first of its conditions that applies to source read here. */
function conditionalTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (!target || typeof target !== 'object') return undefined;
  const conditions = target as Record<string, unknown>;
  for (const key of ['import', 'node', 'require', 'default']) {
    const found = conditionalTarget(conditions[key]);
    if (found) return found;
  }
  return undefined;
}

interface NodePath {
  dirs: string[];
  dependencies: Set<string>;
}

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface PathAliases {
  baseUrl: string;
  paths: Array<[string, string[]]>;
  /** `baseUrl` was set: bare specifiers are also looked up under it. */
  fromBaseUrl: boolean;
}

/** The tsconfig that governs files in `dir`: the nearest `tsconfig.json`, else `tsconfig.base.json`. */
function nearestTsconfig(dir: string): string | undefined {
  for (const current of foldersUp(dir)) {
    for (const name of ['tsconfig.json', 'tsconfig.base.json']) {
      const file = join(current, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** The files an import may name that are code docgen reads (JSON too: `import routes from './routes.json'`). */
const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx|json)$/;

/**
 * `./routes/products.js` from a TypeScript file means `./routes/products.ts`; a folder means its index.
 * A file that is no code (`import css from './ui.css' with { type: 'text' }`, an `.svg`, a `.graphql`)
 * is not one: read as TypeScript, it would stop the run with a syntax error.
 */
function sourceFile(base: string): string | undefined {
  const stem = base.replace(/\.(?:js|mjs|cjs|jsx)$/, '');
  const candidates = [
    ...(CODE_FILE.test(base) ? [base] : []),
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    `${stem}.js`,
    `${stem}.mjs`,
    join(base, 'index.ts'),
    join(base, 'index.js'),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function syntaxErrors(tsMorph: TsMorph, source: SourceFile): void {
  const [first] = syntacticDiagnostics(tsMorph.ts, source.compilerNode);
  if (!first) return;
  const message = first.messageText;
  throw new DocgenError({
    code: 'DG_ROUTES_SYNTAX',
    message: `cannot read ${basename(source.getFilePath())}: ${typeof message === 'string' ? message : message.messageText}`,
    location: {
      file: source.getFilePath(),
      line: first.start === undefined ? undefined : source.getLineAndColumnAtPos(first.start).line,
    },
    hint: 'fix the syntax error (tsc reports it too), then run again',
  });
}

/**
 * A file's syntax errors (a JavaScript file's TypeScript-only syntax too), from a program of that
 * file alone that resolves no import. The project's own program would do, but ts-morph makes it
 * anew after each file added, resolving every import of every file read so far against the disk
 * (node_modules folders up to the root): quadratic in the files of a large app, seconds for
 * hundreds of them.
 */
function syntacticDiagnostics(ts: TsMorph['ts'], file: ts.SourceFile): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = { allowJs: true, noEmit: true, noLib: true, noResolve: true, types: [] };
  const host: ts.CompilerHost = {
    ...ts.createCompilerHost(options),
    getSourceFile: (name) => (name === file.fileName ? file : undefined),
    resolveModuleNameLiterals: (literals) => literals.map(() => ({ resolvedModule: undefined })),
    resolveTypeReferenceDirectiveReferences: (references) =>
      references.map(() => ({ resolvedTypeReferenceDirective: undefined })),
  };
  return ts.createProgram({ rootNames: [file.fileName], options, host }).getSyntacticDiagnostics(file);
}

export function isPathLiteral(ts: TsMorph, node: TsNode): boolean {
  return ts.Node.isStringLiteral(node) || ts.Node.isNoSubstitutionTemplateLiteral(node);
}

export function pathText(node: TsNode): string {
  return (node as unknown as { getLiteralText(): string }).getLiteralText();
}

/** A middleware as written, without its comments, shortened: `requireStaff`, `requireRole('admin')`. */
export function shortText(node: TsNode): string {
  const text = asInTypeScript(node.getSourceFile(), withoutComments(node).replace(/\s+/g, ' '));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Text of CommonJS that tsc emitted, as the TypeScript wrote it: `(0, middleware_1.rateLimit)(5)` →
 * `rateLimit(5)`, `(0, cors_1.default)()` → `cors()` (tsc names a module's binding after the module:
 * `import cors from 'cors'` is `cors_1`). Text of any other file is left as it is.
 */
function asInTypeScript(source: SourceFile, text: string): string {
  const bindings = emittedImports(source);
  if (!bindings.size || !text.includes('_')) return text;
  return text
    .replace(/\(0, ([\w$]+)\.([\w$]+)\)/g, (call, binding: string, name: string) =>
      bindings.has(binding) ? `${binding}.${name}` : call,
    )
    .replace(/(?<![\w$.])([\w$]+)\.([\w$]+)/g, (access, binding: string, name: string) =>
      !bindings.has(binding) ? access : name === 'default' ? binding.replace(/_\d+$/, '') : name,
    );
}

const emittedImportsOf = new WeakMap<SourceFile, Set<string>>();

/** The names tsc gives the modules a file imports (`const middleware_1 = require("../middleware")`, `__importDefault(…)` too). */
function emittedImports(source: SourceFile): Set<string> {
  let names = emittedImportsOf.get(source);
  if (!names) {
    names = new Set(
      source
        .getVariableDeclarations()
        .filter(
          (declaration) =>
            /^[\w$]+_\d+$/.test(declaration.getName()) &&
            /^(?:__import(?:Default|Star)\()?require\(/.test(declaration.getInitializer()?.getText() ?? ''),
        )
        .map((declaration) => declaration.getName()),
    );
    emittedImportsOf.set(source, names);
  }
  return names;
}

/** A node's text less the comments inside it (`helmet({ // CSP breaks swagger\n contentSecurityPolicy: false })`). */
function withoutComments(node: TsNode): string {
  const start = node.getStart();
  const ranges = new Map<number, number>();
  for (const inner of node.getDescendants())
    for (const comment of [...inner.getLeadingCommentRanges(), ...inner.getTrailingCommentRanges()])
      if (comment.getPos() >= start) ranges.set(comment.getPos(), comment.getEnd());
  let text = node.getText();
  for (const [pos, end] of [...ranges].sort(([a], [b]) => b - a))
    text = text.slice(0, pos - start) + text.slice(end - start);
  return text;
}

/** The prose of the comment right above `node` (JSDoc or `//` lines), without markers or JSDoc tags. */
export function commentBefore(node: TsNode): string | undefined {
  const comments = node.getLeadingCommentRanges();
  if (!comments.length) return undefined;
  // A run of `//` lines is one comment, though each line is a range of its own.
  const text = node.getSourceFile().getFullText();
  let first = comments.length - 1;
  const isLine = (index: number) => comments[index]!.getText().startsWith('//');
  while (
    first > 0 &&
    isLine(first) &&
    isLine(first - 1) &&
    /^[ \t]*\r?\n[ \t]*$/.test(text.slice(comments[first - 1]!.getEnd(), comments[first]!.getPos()))
  )
    first--;
  const lines = comments
    .slice(first)
    .map((comment) => comment.getText())
    .join('\n')
    .replace(/^\/\*\*?|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:\/\/+|\*)\s?/, '').trim());
  // The prose, not the JSDoc tags after it (`@route {GET} /articles`, `@param …`).
  const firstTag = lines.findIndex((line) => line.startsWith('@'));
  const summary = (firstTag === -1 ? lines : lines.slice(0, firstTag)).filter(Boolean).join(' ');
  if (summary) return summary;
  // No prose, but a description tag (`// @desc Fetch all products`, as many Express apps write): its text.
  const described = lines.findIndex((line) => /^@(?:desc|description|summary)\b/.test(line));
  if (described === -1) return undefined;
  const next = lines.findIndex((line, index) => index > described && line.startsWith('@'));
  const tag = lines.slice(described, next === -1 ? undefined : next).join(' ');
  return tag.replace(/^@\w+\s*/, '').trim() || undefined;
}

/** `/catalog/v3` + `/products/` → `/catalog/v3/products`. */
export function joinPaths(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/**
 * A route's full path where the framework tells `/users/` from `/users` (Hono's strict routing and
 * Fastify's, both by default): `joinPaths`', keeping the trailing slash the route's own path is
 * written with (`/:id/` is served at `/users/1/` only); a path of `/` alone is the prefix itself.
 */
export function joinStrictPaths(prefix: string, path: string): string {
  const joined = joinPaths(prefix, path);
  return path.length > 1 && path.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

/**
 * Whether middleware `use()`d at `prefix` runs for a request to `path`, as Express matches a `use()`
 * path: the path itself, or one under it (`/admin/*` as `/admin`; `/` and `*` are every path).
 */
export function underPath(prefix: string, path: string): boolean {
  const base = joinPaths('', prefix).replace(/\/?\*$/, '') || '/';
  if (base === '/') return true;
  // Segment by segment: a parameter (`/users/:id`) matches any segment, whatever the route names it (`:userId`).
  const wanted = base.split('/');
  const segments = joinPaths('', path).split('/');
  return (
    segments.length >= wanted.length &&
    wanted.every((segment, index) => segment === segments[index] || (segment.startsWith(':') && !!segments[index]))
  );
}

/** Express's `:param` (with an optional `?` or a `(regex)`) → OpenAPI's `{param}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)(?:\([^)]*\))?\??/g, '{$1}');
}

/**
 * Status codes a handler sets with a literal: `res.status(201)`, `res.sendStatus(204)`,
 * `res.status(HttpStatus.OK)`; Fastify's `reply.code(201)` when `setters` names `code`.
 */
export function statusesIn(ts: TsMorph, handler: TsNode, setters = ['status', 'sendStatus']): number[] {
  const codes = new Set<number>();
  for (const call of handler.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!ts.Node.isPropertyAccessExpression(callee) || !setters.includes(callee.getName())) continue;
    const [arg] = call.getArguments();
    for (const code of arg ? statusCodes(ts, arg) : []) if (code >= 100 && code <= 599) codes.add(code);
  }
  return [...codes].sort((a, b) => a - b);
}

/**
 * The statuses a status argument may be: `statusCode`'s, both sides of `created ? 201 : 200`, and the
 * fallback of `err.statusCode || 500` (the part computed at run time is `computedStatus`'s).
 */
export function statusCodes(ts: TsMorph, node: TsNode, depth = 0): number[] {
  const value = unwrapParentheses(ts, node);
  const held = depth < 4 ? localConst(ts, value) : undefined;
  if (held) return statusCodes(ts, held, depth + 1);
  if (ts.Node.isConditionalExpression(value))
    return [...statusCodes(ts, value.getWhenTrue(), depth), ...statusCodes(ts, value.getWhenFalse(), depth)];
  if (ts.Node.isBinaryExpression(value) && ['||', '??'].includes(value.getOperatorToken().getText()))
    return [...statusCodes(ts, value.getLeft(), depth), ...statusCodes(ts, value.getRight(), depth)];
  const code = statusCode(ts, value);
  return code === undefined ? [] : [code];
}

/**
 * The part of a status argument only known at run time, as written (`err.statusCode` of
 * `res.status(err.statusCode || 500)`), so the page can say a status is computed instead of
 * pretending the handler sets none; undefined when every part is read (`statusCodes`), or for a
 * string, which is no status (Koa's `ctx.throw('Not allowed')`).
 */
export function computedStatus(ts: TsMorph, node: TsNode, depth = 0): string | undefined {
  const value = unwrapParentheses(ts, node);
  const held = depth < 4 ? localConst(ts, value) : undefined;
  if (held) return computedStatus(ts, held, depth + 1);
  if (ts.Node.isConditionalExpression(value) || ts.Node.isBinaryExpression(value)) {
    const parts = ts.Node.isConditionalExpression(value)
      ? [value.getWhenTrue(), value.getWhenFalse()]
      : ['||', '??'].includes(value.getOperatorToken().getText())
        ? [value.getLeft(), value.getRight()]
        : undefined;
    if (parts) {
      const computed = parts.map((part) => computedStatus(ts, part, depth)).filter((part) => part !== undefined);
      return computed.length ? computed.join(', ') : undefined;
    }
  }
  if (ts.Node.isStringLiteral(value) || ts.Node.isNoSubstitutionTemplateLiteral(value)) return undefined;
  if (ts.Node.isTemplateExpression(value)) return undefined;
  return statusCode(ts, value) === undefined ? shortText(value) : undefined;
}

/**
 * Where a framework's handlers state a status: the index of the argument of each setter method
 * (`status: 0` for `res.status(x)`, Hono's `json: 1` for `c.json(body, x)`), and the members assigned
 * one (Koa's `ctx.status = x`, Node's `res.statusCode = x`).
 */
export interface StatusSlots {
  calls: Record<string, number>;
  assigned?: string[];
}

/**
 * The statuses a handler sets that are computed at run time, as written (`err.statusCode`): in the
 * framework's `slots`, and in the errors it raises whose status argument is known (`createError(x)`,
 * `new HttpException(body, x)`, Hono's `new HTTPException(x)`), where the project's error classes
 * (`classStatus`) put it. Each once, in the order written.
 */
export function computedStatusesIn(
  ts: TsMorph,
  handler: TsNode,
  slots: StatusSlots,
  classStatus?: ErrorClassStatus,
): string[] {
  const found = new Set<string>();
  for (const node of statusArgumentsIn(ts, handler, slots, classStatus)) {
    const computed = computedStatus(ts, node);
    if (computed) found.add(computed);
  }
  return [...found];
}

/**
 * Every expression a handler gives a status in, in the order written: the arguments of the framework's
 * setters and the members it assigns (`slots`), and the status argument of the errors it raises
 * (`createError(x)`, `new HttpException(body, x)`, Hono's `new HTTPException(x)`, a project's
 * `new ApiError(message, x)` whose constructor makes `x` its status).
 */
export function statusArgumentsIn(
  ts: TsMorph,
  handler: TsNode,
  slots: StatusSlots,
  classStatus?: ErrorClassStatus,
): TsNode[] {
  const found: TsNode[] = [];
  const add = (node: TsNode | undefined) => {
    if (node) found.push(node);
  };
  for (const node of handler.getDescendants()) {
    if (ts.Node.isCallExpression(node)) {
      const callee = node.getExpression();
      const index = ts.Node.isPropertyAccessExpression(callee) ? slots.calls[callee.getName()] : undefined;
      if (index !== undefined) add(initStatus(ts, node.getArguments()[index]));
      else if (HTTP_ERROR_FACTORIES.test(callee.getText())) add(node.getArguments()[0]);
    } else if (ts.Node.isNewExpression(node)) {
      const name = node.getExpression().getText().replace(/^.*\./, '');
      // NestJS's `new HttpException(body, status)`, or a project's `new HttpException(status, message)`.
      if (name === 'HttpException') add(errorStatusArgument(ts, node, (arg) => statusCode(ts, arg), classStatus));
      else if (name === 'HTTPException') add(node.getArguments()[0]);
      // A project's error class of another name whose constructor makes an argument its status
      // (`new ApiError(message, status)` with `public statusCode: number`): only where it does, and
      // only for an error, as errorStatusesIn reads them (`new Order(items, status)` is no answer).
      else if (ERROR_CLASS_NAME.test(name))
        add(statusAt(node, classStatus?.statusParameter?.(node.getExpression())?.at));
    } else if (
      ts.Node.isBinaryExpression(node) &&
      node.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken &&
      ts.Node.isPropertyAccessExpression(node.getLeft()) &&
      slots.assigned?.includes((node.getLeft() as PropertyAccessExpression).getName())
    )
      add(node.getRight());
  }
  return found;
}

/** A class whose instances are errors by its name (`ApiError`, `HttpException`), as the status readers take them. */
const ERROR_CLASS_NAME = /(?:Error|Exception)$/;

/** The argument at `at` of a `new X(…)`; none where no argument is the status. */
function statusAt(node: NewExpression, at: number | undefined): TsNode | undefined {
  return at === undefined ? undefined : node.getArguments()[at];
}

/**
 * The status a response's init object states (Hono's `c.text('Missing redirect_uri', { status: 400 })`, as
 * @openauthjs/openauth answers), else the argument itself; none for an init object without one.
 */
export function initStatus(ts: TsMorph, node: TsNode | undefined): TsNode | undefined {
  const value = node && unwrapParentheses(ts, node);
  if (!value || !ts.Node.isObjectLiteralExpression(value)) return node;
  const status = value.getProperty('status');
  return status && ts.Node.isPropertyAssignment(status) ? status.getInitializer() : undefined;
}

/**
 * Express's status setters (`res.status(x)`, `res.sendStatus(x)`), as `statusesIn` reads them, and
 * Node's `res.statusCode = x` (`assignedStatusesIn`).
 */
export const EXPRESS_STATUS_SLOTS: StatusSlots = { calls: { status: 0, sendStatus: 0 }, assigned: ['statusCode'] };

/**
 * What a name holds when it is a `const` of the function (or module) it is used in, declared with a
 * value (`const status = err.statusCode || 500`), so a status set through it reads as that value.
 */
export function localConst(ts: TsMorph, node: TsNode): TsNode | undefined {
  if (!ts.Node.isIdentifier(node)) return undefined;
  const name = node.getText();
  for (let scope: TsNode | undefined = node.getParent(); scope; scope = scope.getParent()) {
    if (!ts.Node.isBlock(scope) && !ts.Node.isSourceFile(scope)) continue;
    for (const statement of scope.getStatements()) {
      if (!ts.Node.isVariableStatement(statement) || statement.getDeclarationKind() !== 'const') continue;
      const declaration = statement.getDeclarations().find((each) => each.getName() === name);
      if (declaration) return declaration.getInitializer();
    }
  }
  return undefined;
}

export function unwrapParentheses(ts: TsMorph, node: TsNode): TsNode {
  let value = node;
  while (ts.Node.isParenthesizedExpression(value) || ts.Node.isAsExpression(value)) value = value.getExpression();
  return value;
}

/**
 * What an Express handler answers with a literal: `statusesIn`'s, and `res.redirect(url)` (302, or the
 * code given before the URL: `res.redirect(301, url)`).
 */
export function expressStatusesIn(ts: TsMorph, handler: TsNode, classStatus?: ErrorClassStatus): number[] {
  const codes = new Set([...statusesIn(ts, handler), ...assignedStatusesIn(ts, handler, 'statusCode')]);
  for (const call of handler.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const args = call.getArguments();
    if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'redirect' || !args.length) continue;
    const code = args.length > 1 ? statusCode(ts, args[0]!) : 302;
    if (code && code >= 300 && code <= 399) codes.add(code);
  }
  for (const code of errorStatusesIn(ts, handler, classStatus)) codes.add(code);
  return [...codes].sort((a, b) => a - b);
}

/**
 * The statuses a handler assigns to `member` of the response (Node's `res.statusCode = 202`): only on a
 * name the handler (or a function around it) takes as a parameter, so an error it builds and passes on
 * (`err.statusCode = 404; next(err)`) is not read as its own status.
 */
export function assignedStatusesIn(ts: TsMorph, handler: TsNode, member: string): number[] {
  const codes: number[] = [];
  for (const assignment of handler.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
    const left = assignment.getLeft();
    if (assignment.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    if (!ts.Node.isPropertyAccessExpression(left) || left.getName() !== member) continue;
    const target = left.getExpression();
    if (!ts.Node.isIdentifier(target) || !isParameterName(ts, target)) continue;
    for (const code of statusCodes(ts, assignment.getRight())) if (code >= 100 && code <= 599) codes.push(code);
  }
  return codes;
}

/** Whether `name` is a parameter of a function it is used in (`res` of `(req, res) => …`). */
function isParameterName(ts: TsMorph, name: TsNode): boolean {
  for (let at = name.getParent(); at; at = at.getParent())
    if (ts.Node.isFunctionLikeDeclaration(at) && at.getParameters().some((p) => p.getName() === name.getText()))
      return true;
  return false;
}

/**
 * The statuses of errors a handler throws or passes to `next`, which the app's error handler
 * answers with: `throw new ApiError(httpStatus.NOT_FOUND, 'User not found')` (node-express-boilerplate),
 * `next(new HttpError(404))`, http-errors' `throw createError(404)`, NestJS's
 * `throw new HttpException('Forbidden', HttpStatus.FORBIDDEN)`. Only 4xx and 5xx, given as a
 * number or a status name docgen knows (`statusCode`): a status computed at run time is unknown.
 */
export function errorStatusesIn(ts: TsMorph, handler: TsNode, classStatus?: ErrorClassStatus): number[] {
  const codes: number[] = [];
  // The project's own names count where they name a status (`HttpStatusCodes.NOT_FOUND`), not a limit (`MAX_UPLOAD_MB`).
  const stated = (node: TsNode) =>
    statusCode(ts, node) ?? (namesStatus(ts, node) ? classStatus?.statusOf?.(node) : undefined);
  let thrownNames: TsNode[] | undefined;
  // Thrown, passed to `next` or `reject`, or handed to Mongoose's `query.orFail(new NotFoundError(…))`, which throws it.
  const raised = (node: TsNode) => {
    const parent = node.getParent();
    if (parent && ts.Node.isThrowStatement(parent)) return true;
    // `let error = new UnauthorizedException(); …; throw error;` (NestJS's authentication guard recipe).
    // Only an error's class is looked for among the names raised (`new User()` is not read further).
    if (
      parent &&
      ts.Node.isVariableDeclaration(parent) &&
      parent.getInitializer() === node &&
      ts.Node.isNewExpression(node) &&
      ERROR_CLASS_NAME.test(node.getExpression().getText())
    )
      return (thrownNames ??= raisedNames(ts, handler)).some((name) => namesVariable(ts, name, parent));
    if (!parent || !ts.Node.isCallExpression(parent)) return false;
    const callee = parent.getExpression();
    return (
      /^(next|reject)$/.test(callee.getText()) ||
      (ts.Node.isPropertyAccessExpression(callee) && callee.getName() === 'orFail')
    );
  };
  for (const node of newsAndCalls(ts, handler)) {
    let status: TsNode | undefined;
    let named: number | undefined;
    if (ts.Node.isNewExpression(node) && raised(node)) {
      const name = node.getExpression().getText();
      // NestJS's status by the name as written, unless the name is the project's own class (`classStatus` reads it):
      // resolved only for NestJS's names, the only ones the table would misread.
      named = namedErrorStatus(name);
      if (named !== undefined && classStatus?.statusParameter?.(node.getExpression())) named = undefined;
      if (ERROR_CLASS_NAME.test(name)) status = errorStatusArgument(ts, node, stated, classStatus);
      // `throw new NotFoundError()` with `super(message, 404)` in its class: the status it carries.
      if (!(status && stated(status)) && !named)
        named = namedHttpError(ts, node.getExpression()) ?? classStatus?.(node.getExpression());
    } else if (ts.Node.isCallExpression(node) && raised(node)) {
      if (HTTP_ERROR_FACTORIES.test(node.getExpression().getText())) status = node.getArguments()[0];
      else named = namedHttpError(ts, node.getExpression());
    }
    const code = (status && stated(status)) || named;
    if (code && code >= 400 && code <= 599) codes.push(code);
  }
  return codes;
}

/**
 * Whether a name of the project says it holds a status: a status's name (`HttpStatusCodes.NOT_FOUND`,
 * `StatusCode.NotFound`, `const NOT_FOUND = 404`) or a member of a table named for statuses
 * (`HttpStatus.USER_GONE`); not another number an error is handed, `new PayloadTooLargeError(MAX_UPLOAD_MB)`.
 */
function namesStatus(ts: TsMorph, node: TsNode): boolean {
  const value = unwrapParentheses(ts, node);
  if (ts.Node.isPropertyAccessExpression(value))
    return statusNamed(value.getName()) !== undefined || /status|http/i.test(value.getExpression().getText());
  return ts.Node.isIdentifier(value) && statusNamed(value.getText()) !== undefined;
}

/** The status a name spells, in any case (`notFound`, `NotFound` and `NOT_FOUND` are 404); undefined for another name. */
function statusNamed(name: string): number | undefined {
  return HTTP_STATUS[name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()];
}

/**
 * A function's `new …()` expressions and calls, the only nodes that raise an error, in the order they
 * are written (an enclosing one first): walking its syntax without making a ts-morph node of every
 * token, which costs more than the rest of the reading in a large service class.
 */
function newsAndCalls(ts: TsMorph, handler: TsNode): TsNode[] {
  return [
    ...handler.getDescendantsOfKind(ts.SyntaxKind.NewExpression),
    ...handler.getDescendantsOfKind(ts.SyntaxKind.CallExpression),
  ].sort((a, b) => a.getPos() - b.getPos() || b.getEnd() - a.getEnd());
}

/** The names a function throws or passes to `next` or `reject` (`throw error`, `next(err)`), for an error it builds first. */
function raisedNames(ts: TsMorph, handler: TsNode): TsNode[] {
  const names: TsNode[] = [];
  for (const node of handler.getDescendants()) {
    const raised = ts.Node.isThrowStatement(node)
      ? node.getExpression()
      : ts.Node.isCallExpression(node) && /^(next|reject)$/.test(node.getExpression().getText())
        ? node.getArguments()[0]
        : undefined;
    if (raised && ts.Node.isIdentifier(raised)) names.push(raised);
  }
  return names;
}

/**
 * Whether a name where it is raised is the variable `declaration` declares: written in the block that
 * declares it, and no catch clause or function between binds the name anew (`catch (error) { next(error) }`
 * beside a `const error = new ConflictError()` the handler only reads).
 */
function namesVariable(ts: TsMorph, name: TsNode, declaration: VariableDeclaration): boolean {
  if (name.getText() !== declaration.getName()) return false;
  const scope = declaration.getFirstAncestor((node) => ts.Node.isBlock(node) || ts.Node.isSourceFile(node));
  for (let at = name.getParent(); at; at = at.getParent()) {
    if (at === scope) return true;
    if (ts.Node.isCatchClause(at) && at.getVariableDeclaration()?.getName() === name.getText()) return false;
    if (ts.Node.isFunctionLikeDeclaration(at) && at.getParameters().some((p) => p.getName() === name.getText()))
      return false;
  }
  return false;
}

/** The names a parameter that takes an error's status goes by, for a class whose constructor does not show where it goes. */
const STATUS_PARAMETER = /^(?:status|statusCode|code|httpStatus|httpStatusCode|httpCode)$/i;

/**
 * The argument of `new X(…)` (an error) that carries its status: where the project's class puts it by its
 * constructor (`statusParameter`), as `new HttpException(status, message)` with both in variables; for a
 * class of the project that shows no such place, an argument that states a status, but a plain number
 * (`new QuotaError(500)`) only where its parameter is named for one, as it may be a limit or a size;
 * for another class, `httpExceptionStatus`'s, or the first argument stating one (`new ApiError(404, 'Not
 * found')`, `new AppError('Not found', 404)`).
 */
function errorStatusArgument(
  ts: TsMorph,
  node: NewExpression,
  stated: (arg: TsNode) => number | undefined,
  classStatus?: ErrorClassStatus,
): TsNode | undefined {
  const args = node.getArguments();
  const shape = classStatus?.statusParameter?.(node.getExpression());
  if (shape?.at !== undefined) return args[shape.at];
  if (shape) return args.find((arg, at) => stated(arg) !== undefined && statusLike(ts, arg, shape.parameters[at]));
  if (/(?:^|\.)HttpException$/.test(node.getExpression().getText())) return httpExceptionStatus(ts, args, stated);
  return args.find((arg) => stated(arg) !== undefined) ?? args[0];
}

/**
 * Whether an argument stating a status may be one: a status name (`HttpStatusCodes.NOT_FOUND`) says so
 * itself; a plain number only where it is one (100–599) and its parameter is named for a status.
 */
function statusLike(ts: TsMorph, arg: TsNode, parameter = ''): boolean {
  const value = unwrapParentheses(ts, arg);
  if (!ts.Node.isNumericLiteral(value)) return true;
  const code = Number(value.getLiteralValue());
  return code >= 100 && code <= 599 && STATUS_PARAMETER.test(parameter);
}

/**
 * The status argument of `new HttpException(…)`: NestJS's takes it second (`new HttpException(body,
 * HttpStatus.FORBIDDEN)`); a project's own class of that name may take it first, as typescript-express-starter's
 * `new HttpException(404, 'User not found')` does: the argument that states a status (by `stated`, with the
 * project's own table where one is read: `HttpStatusCodes.CONFLICT`), else the second.
 */
function httpExceptionStatus(
  ts: TsMorph,
  args: TsNode[],
  stated: (arg: TsNode) => number | undefined = (arg) => statusCode(ts, arg),
): TsNode | undefined {
  return args.find((arg) => stated(arg) !== undefined) ?? args[1];
}

/**
 * The status an error class of the project carries itself, found where the class is declared
 * (`Modules.errorClassStatus`); undefined for one that takes it from its caller, or is not the project's.
 */
export type ErrorClassStatus = ((callee: TsNode) => number | undefined) & {
  /**
   * The status a value of the project names, where `statusCode` knows none (`HttpStatusCodes.NOT_FOUND`
   * with the project's own `const HttpStatusCodes = { NOT_FOUND: 404 } as const`, or an `enum`): `Modules.statusOf`.
   */
  statusOf?: (node: TsNode) => number | undefined;
  /** Where the project's error class takes its status (`Modules.errorStatusParameter`); undefined for another class. */
  statusParameter?: (callee: TsNode) => ErrorStatusParameter | undefined;
};

/**
 * Which argument of a project's error class becomes its status (`at`, undefined where its constructor shows
 * none), and the names of its constructor's parameters.
 */
export interface ErrorStatusParameter {
  at?: number;
  parameters: string[];
}

/**
 * The status an error class carries in its name: a package's by its table (routing-controllers'
 * `NotFoundError`, NestJS's `NotFoundException` under the name it exports it: 404); for a name not
 * known to be a package's, by NestJS's names (its exceptions are extended and thrown without their
 * import in view), the last part of one qualified (`common.NotFoundException`).
 */
export function namedErrorStatus(name: string, pkg?: string): number | undefined {
  return pkg !== undefined ? PACKAGE_ERRORS[pkg]?.[name] : NEST_EXCEPTION_STATUS[name.replace(/^.*\./, '')];
}

/** Whether a package's error classes carry their status in their name (`namedErrorStatus`). */
export function isErrorPackage(pkg: string | undefined): pkg is string {
  return pkg !== undefined && Object.hasOwn(PACKAGE_ERRORS, pkg);
}

/** NestJS's built-in exceptions, which carry their status in their name (`throw new NotFoundException()`). */
const NEST_EXCEPTION_STATUS: Record<string, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  NotAcceptableException: 406,
  RequestTimeoutException: 408,
  ConflictException: 409,
  GoneException: 410,
  PreconditionFailedException: 412,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  ImATeapotException: 418,
  MisdirectedException: 421,
  UnprocessableEntityException: 422,
  InternalServerErrorException: 500,
  NotImplementedException: 501,
  BadGatewayException: 502,
  ServiceUnavailableException: 503,
  GatewayTimeoutException: 504,
  HttpVersionNotSupportedException: 505,
};

/** The error classes of packages that carry their status (routing-controllers' `throw new NotFoundError()`), by package. */
const PACKAGE_ERRORS: Record<string, Record<string, number>> = {
  '@nestjs/common': NEST_EXCEPTION_STATUS,
  'routing-controllers': {
    BadRequestError: 400,
    UnauthorizedError: 401,
    ForbiddenError: 403,
    NotFoundError: 404,
    MethodNotAllowedError: 405,
    NotAcceptableError: 406,
    InternalServerError: 500,
  },
};

/**
 * The status of an error made by its name: @fastify/sensible's `fastify.httpErrors.notFound()`
 * (`this.httpErrors.conflict()`, `reply.server.httpErrors.forbidden()`) and http-errors'
 * `createError.NotFound()`; undefined for any other call.
 */
function namedHttpError(ts: TsMorph, callee: TsNode): number | undefined {
  if (!ts.Node.isPropertyAccessExpression(callee)) return undefined;
  const owner = callee.getExpression().getText();
  if (!/(?:^|\.)httpErrors$/.test(owner) && !HTTP_ERROR_FACTORIES.test(owner)) return undefined;
  // `notFound` and `NotFound` are `NOT_FOUND`.
  return statusNamed(callee.getName());
}

/**
 * The status of an error @fastify/sensible's reply helpers send, `reply.notFound()`,
 * `reply.badRequest('…')` (named as its http-errors are), on the reply the handler is handed
 * (`reply`, its name in the handler); undefined for any other call, and for a name that is no error status.
 */
export function sensibleReplyStatus(ts: TsMorph, call: CallExpression, reply: string): number | undefined {
  const callee = call.getExpression();
  if (!ts.Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== reply) return undefined;
  const status = statusNamed(callee.getName());
  return status !== undefined && status >= 400 ? status : undefined;
}

/** http-errors' factory, by the names its users import it under. */
const HTTP_ERROR_FACTORIES = /^(createError|createHttpError|httpErrors|HttpErrors)$/;

/**
 * `204`, NestJS's `HttpStatus.NO_CONTENT`, or a name of the http-status or http-status-codes
 * packages (`httpStatus.CREATED` with `const httpStatus = require('http-status')`, as
 * node-express-boilerplate writes it; `StatusCodes.NOT_FOUND`).
 */
export function statusCode(ts: TsMorph, node: TsNode): number | undefined {
  if (ts.Node.isNumericLiteral(node)) return Number(node.getLiteralValue());
  if (!ts.Node.isPropertyAccessExpression(node)) return undefined;
  const table = node.getExpression();
  if (table.getText() === 'HttpStatus' || (ts.Node.isIdentifier(table) && isStatusPackage(ts, table)))
    return HTTP_STATUS[node.getName()];
  return undefined;
}

/** The packages whose objects name the statuses (`httpStatus.CREATED`, `StatusCodes.CREATED`). */
const STATUS_PACKAGES = new Set(['http-status', 'http-status-codes']);

/** Whether a name is imported or `require()`d at the top of its module from a package of `STATUS_PACKAGES`. */
function isStatusPackage(ts: TsMorph, id: Identifier): boolean {
  const name = id.getText();
  const source = id.getSourceFile();
  for (const declaration of source.getImportDeclarations()) {
    if (!STATUS_PACKAGES.has(declaration.getModuleSpecifierValue())) continue;
    const named = declaration.getNamedImports().map((entry) => entry.getAliasNode()?.getText() ?? entry.getName());
    const whole = [declaration.getDefaultImport()?.getText(), declaration.getNamespaceImport()?.getText()];
    if ([...named, ...whole].includes(name)) return true;
  }
  for (const declaration of source.getVariableDeclarations()) {
    const init = declaration.getInitializer();
    const [specifier] =
      init && ts.Node.isCallExpression(init) && init.getExpression().getText() === 'require' ? init.getArguments() : [];
    if (!specifier || !ts.Node.isStringLiteral(specifier) || !STATUS_PACKAGES.has(specifier.getLiteralValue()))
      continue;
    const binding = declaration.getNameNode();
    if (ts.Node.isIdentifier(binding) && binding.getText() === name) return true;
    if (ts.Node.isObjectBindingPattern(binding) && binding.getElements().some((element) => element.getName() === name))
      return true;
  }
  return false;
}

/**
 * The value of a `const` another module of the project exports, for a name imported or required
 * from it, or of a key of a `const` object (`PATHS.users`) (`Modules.constValue`).
 */
export type Constants = ((node: Identifier | PropertyAccessExpression) => TsNode | undefined) & {
  /**
   * Told of each `x || 'api'` (or `??`) read as its default: the reader warns that the path depends
   * on `x` at run time (`runtimeDefaults`).
   */
  onDefault?: (choice: BinaryExpression, value: string) => void;
};

/**
 * A string a node stands for when that is known from its own file, or, given `imported`, from the
 * `const`s it imports or requires (`import { API_PREFIX } from './config'`, `const { API_PREFIX } =
 * require('./config')`) and the keys of `const` objects (`PATHS.users`): a literal, a `const` with a
 * literal value (`const globalPrefix = 'api'`, as Nx generates `main.ts`), the literal
 * fallback of `process.env.X || 'api'` / `?? 'api'`, and a template or a `+` of such values
 * (`` `${API_PREFIX}/search` ``, `base + '/users'`).
 */
export function literalValue(
  ts: TsMorph,
  node: TsNode | undefined,
  imported?: Constants,
  depth = 0,
): string | undefined {
  if (!node || depth > 8) return undefined;
  if (isPathLiteral(ts, node)) return pathText(node);
  if (ts.Node.isParenthesizedExpression(node)) return literalValue(ts, node.getExpression(), imported, depth + 1);
  if (ts.Node.isBinaryExpression(node) && ['||', '??'].includes(node.getOperatorToken().getText())) {
    const value = literalValue(ts, node.getRight(), imported, depth + 1);
    if (value !== undefined) imported?.onDefault?.(node, value);
    return value;
  }
  if (ts.Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+') {
    const left = literalValue(ts, node.getLeft(), imported, depth + 1);
    const right = left === undefined ? undefined : literalValue(ts, node.getRight(), imported, depth + 1);
    return right === undefined ? undefined : left! + right;
  }
  if (ts.Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    for (const span of node.getTemplateSpans()) {
      const value = literalValue(ts, span.getExpression(), imported, depth + 1);
      if (value === undefined) return undefined;
      text += value + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (ts.Node.isPropertyAccessExpression(node))
    return imported ? literalValue(ts, imported(node), imported, depth + 1) : undefined;
  if (ts.Node.isIdentifier(node)) {
    // A `const` of that name in the same file, top level or in a function (Nx: inside bootstrap()),
    // when every such declaration agrees.
    const values = new Set(
      node
        .getSourceFile()
        .getDescendantsOfKind(ts.SyntaxKind.VariableDeclaration)
        .filter((declaration) => declaration.getName() === node.getText())
        .map((declaration) => literalValue(ts, declaration.getInitializer(), imported, depth + 1)),
    );
    const [value] = values;
    if (values.size === 0 && imported) return literalValue(ts, imported(node), imported, depth + 1);
    return values.size === 1 ? value : undefined;
  }
  return undefined;
}

/** A loop over a route table: the table's name (and node), and what a mount argument reads of each element. */
export interface Loop {
  table: string;
  at: TsNode;
  key: (arg: TsNode) => string | undefined;
  element: (arg: TsNode) => boolean;
}

/**
 * The loop a mount argument's value comes from: `table.forEach((r) => …)` / `table.forEach(({ path }) => …)`
 * / `for (const r of table)` / `for (const { path: p } of table)`, with the table's name and, for an
 * argument, the key of the element it reads (`r.path`, `path`, `p`), if any, or whether it is the element
 * itself (`routes.forEach((route) => app.route('/', route))`).
 */
export function loopOver(ts: TsMorph, node: TsNode): Loop | undefined {
  for (let scope: TsNode | undefined = node.getParent(); scope; scope = scope.getParent()) {
    let binding: TsNode | undefined;
    let table: TsNode | undefined;
    if (ts.Node.isForOfStatement(scope)) {
      const initializer = scope.getInitializer();
      binding = ts.Node.isVariableDeclarationList(initializer)
        ? initializer.getDeclarations()[0]?.getNameNode()
        : undefined;
      if (ts.Node.isVariableDeclarationList(initializer) && initializer.getDeclarations().length !== 1)
        return undefined;
      table = scope.getExpression();
    } else if (ts.Node.isArrowFunction(scope) || ts.Node.isFunctionExpression(scope)) {
      const call = scope.getParent();
      const callee = call && ts.Node.isCallExpression(call) ? call.getExpression() : undefined;
      if (
        !callee ||
        !ts.Node.isPropertyAccessExpression(callee) ||
        callee.getName() !== 'forEach' ||
        (call as CallExpression).getArguments()[0] !== scope
      )
        return undefined;
      binding = scope.getParameters()[0]?.getNameNode();
      table = callee.getExpression();
    } else continue;
    // `this.routes.forEach(…)`: a list a class keeps, such as one its constructor is handed.
    const kept =
      ts.Node.isPropertyAccessExpression(table) && table.getExpression().getKind() === ts.SyntaxKind.ThisKeyword;
    if (!binding || !table || !(ts.Node.isIdentifier(table) || kept)) return undefined;
    const bound = binding;
    const key = (arg: TsNode): string | undefined => {
      if (ts.Node.isIdentifier(bound)) {
        const object = ts.Node.isPropertyAccessExpression(arg) ? arg.getExpression() : undefined;
        return object && ts.Node.isIdentifier(object) && object.getText() === bound.getText()
          ? (arg as PropertyAccessExpression).getName()
          : undefined;
      }
      if (!ts.Node.isObjectBindingPattern(bound) || !ts.Node.isIdentifier(arg)) return undefined;
      const element = bound.getElements().find((candidate) => candidate.getName() === arg.getText());
      if (!element || element.getDotDotDotToken()) return undefined;
      return element.getPropertyNameNode()?.getText() ?? element.getName();
    };
    const element = (arg: TsNode): boolean =>
      ts.Node.isIdentifier(bound) && ts.Node.isIdentifier(arg) && arg.getText() === bound.getText();
    return { table: table.getText(), at: table, key, element };
  }
  return undefined;
}

/**
 * The elements of a route table a module declares: `const name = [ … ]` (`as const` too) at its top
 * level, with no spread and nothing pushed onto it later; else undefined.
 */
export function literalArray(ts: TsMorph, source: SourceFile, name: string): TsNode[] | undefined {
  const declaration = source.getVariableDeclaration(name);
  return declaration && constArray(ts, declaration);
}

/** The elements of `const name = [ … ]` (`as const` too), anywhere in its module, when nothing adds to it there. */
export function constArray(ts: TsMorph, declaration: VariableDeclaration): TsNode[] | undefined {
  const source = declaration.getSourceFile();
  const name = declaration.getName();
  if (declaration.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  let init = declaration.getInitializer();
  while (
    init &&
    (ts.Node.isAsExpression(init) || ts.Node.isSatisfiesExpression(init) || ts.Node.isParenthesizedExpression(init))
  )
    init = init.getExpression();
  if (!init || !ts.Node.isArrayLiteralExpression(init)) return undefined;
  const elements = init.getElements();
  if (elements.some((element) => ts.Node.isSpreadElement(element))) return undefined;
  const changed = source.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    return (
      ts.Node.isPropertyAccessExpression(callee) &&
      callee.getExpression().getText() === name &&
      ['push', 'unshift', 'splice'].includes(callee.getName())
    );
  });
  return changed ? undefined : elements;
}

/** Nest's `HttpStatus` names that handlers set (its enum mirrors the HTTP status codes). */
const HTTP_STATUS: Record<string, number> = {
  CONTINUE: 100,
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NON_AUTHORITATIVE_INFORMATION: 203,
  NO_CONTENT: 204,
  RESET_CONTENT: 205,
  PARTIAL_CONTENT: 206,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406, // the status Nest's docs give a parse pipe's errorHttpStatusCode
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** A function written inline or declared: a plugin, a handler. */
export type FunctionNode = TsNode & { getParameters(): ParameterDeclaration[] };

export function isFunction(ts: TsMorph, node: TsNode): node is FunctionNode {
  return ts.Node.isArrowFunction(node) || ts.Node.isFunctionExpression(node) || ts.Node.isFunctionDeclaration(node);
}

/** A function, or a method of an object literal or class: what has parameters, the request and the response for a handler. */
export function isFunctionLike(ts: TsMorph, node: TsNode): node is FunctionNode | MethodDeclaration {
  return isFunction(ts, node) || ts.Node.isMethodDeclaration(node);
}

/** Whether `node` is inside `outer`. */
export function inside(outer: TsNode | undefined, node: TsNode): boolean {
  return !!outer && node.getStart() >= outer.getStart() && node.getEnd() <= outer.getEnd();
}
