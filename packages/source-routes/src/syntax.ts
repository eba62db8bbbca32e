/**
 * What both readers (Express in extract.ts, NestJS in nest.ts) need from a TypeScript project
 * read syntactically: where an import leads (relative, or through the `paths` of the nearest
 * tsconfig, as in an Nx workspace's `@acme/users` → `libs/users/src/index.ts`), syntax errors
 * as diagnostics, literal text, the comment above a declaration, and paths joined.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Node as TsNode, Project, SourceFile } from 'ts-morph';
import { DocgenError } from '@docgen/core';

export type TsMorph = typeof import('ts-morph');

/** A module specifier → the file it names, relative or through a tsconfig's `paths`. */
export class ImportResolver {
  /** tsconfig file → its path aliases (undefined: none), read once. */
  private readonly aliases = new Map<string, PathAliases | undefined>();

  constructor(private readonly ts: TsMorph) {}

  resolve(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return sourceFile(resolve(dirname(from), specifier));
    const config = nearestTsconfig(dirname(from));
    const aliases = config && this.pathAliases(config);
    if (!aliases) return undefined;
    for (const [pattern, targets] of aliases.paths) {
      const star = pattern.indexOf('*');
      const matched =
        star === -1
          ? specifier === pattern && ''
          : specifier.startsWith(pattern.slice(0, star)) &&
            specifier.endsWith(pattern.slice(star + 1)) &&
            specifier.slice(star, specifier.length - (pattern.length - star - 1));
      if (matched === false) continue;
      for (const target of targets) {
        const file = sourceFile(resolve(aliases.baseUrl, target.replace('*', matched)));
        if (file) return file;
      }
    }
    return undefined;
  }

  /** `compilerOptions.paths` of a tsconfig, or of the config it extends (Nx: `tsconfig.base.json`). */
  private pathAliases(config: string, depth = 0): PathAliases | undefined {
    if (this.aliases.has(config)) return this.aliases.get(config);
    this.aliases.set(config, undefined); // a config that extends itself ends here
    const { config: json } = this.ts.ts.parseConfigFileTextToJson(config, readFileSync(config, 'utf8')) as {
      config?: { extends?: unknown; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
    };
    const options = json?.compilerOptions;
    let found: PathAliases | undefined;
    if (options?.paths)
      found = { baseUrl: resolve(dirname(config), options.baseUrl ?? '.'), paths: Object.entries(options.paths) };
    else if (typeof json?.extends === 'string' && json.extends.startsWith('.') && depth < 8) {
      const parent = resolve(dirname(config), json.extends);
      const file = existsSync(parent) ? parent : `${parent}.json`;
      if (existsSync(file)) found = this.pathAliases(file, depth + 1);
    }
    this.aliases.set(config, found);
    return found;
  }
}

interface PathAliases {
  baseUrl: string;
  paths: Array<[string, string[]]>;
}

/** The tsconfig that governs files in `dir`: the nearest `tsconfig.json`, else `tsconfig.base.json`. */
function nearestTsconfig(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    for (const name of ['tsconfig.json', 'tsconfig.base.json']) {
      const file = join(current, name);
      if (existsSync(file)) return file;
    }
    if (current === dirname(current)) return undefined;
  }
}

/** `./routes/products.js` from a TypeScript file means `./routes/products.ts`; a folder means its index. */
function sourceFile(base: string): string | undefined {
  const stem = base.replace(/\.(?:js|mjs|cjs|jsx)$/, '');
  const candidates = [
    base,
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

export function syntaxErrors(project: Project, source: SourceFile): void {
  const [first] = project.getProgram().getSyntacticDiagnostics(source);
  if (!first) return;
  const message = first.getMessageText();
  throw new DocgenError({
    code: 'DG_ROUTES_SYNTAX',
    message: `cannot read ${basename(source.getFilePath())}: ${typeof message === 'string' ? message : message.getMessageText()}`,
    location: { file: source.getFilePath(), line: first.getLineNumber() },
    hint: 'fix the syntax error (tsc reports it too), then run again',
  });
}

export function isPathLiteral(ts: TsMorph, node: TsNode): boolean {
  return ts.Node.isStringLiteral(node) || ts.Node.isNoSubstitutionTemplateLiteral(node);
}

export function pathText(node: TsNode): string {
  return (node as unknown as { getLiteralText(): string }).getLiteralText();
}

/** A middleware as written, shortened: `requireStaff`, `requireRole('admin')`. */
export function shortText(node: TsNode): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The prose of the comment right above `node` (JSDoc or `//` lines), without markers or JSDoc tags. */
export function commentBefore(node: TsNode): string | undefined {
  const comments = node.getLeadingCommentRanges();
  const last = comments[comments.length - 1];
  if (!last) return undefined;
  const lines = last
    .getText()
    .replace(/^\/\*\*?|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:\/\/+|\*)\s?/, '').trim());
  // The prose, not the JSDoc tags after it (`@route {GET} /articles`, `@param …`).
  const firstTag = lines.findIndex((line) => line.startsWith('@'));
  const summary = (firstTag === -1 ? lines : lines.slice(0, firstTag)).filter(Boolean).join(' ');
  return summary || undefined;
}

/** `/catalog/v3` + `/products/` → `/catalog/v3/products`. */
export function joinPaths(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** Express's `:param` (with an optional `?` or a `(regex)`) → OpenAPI's `{param}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)(?:\([^)]*\))?\??/g, '{$1}');
}
