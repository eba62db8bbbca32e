/**
 * `///` comments are Prisma's documentation, and also where code generators read their
 * instructions: `@zod.string.email()` (zod-prisma), `@TypeGraphQL.omit(output: true)`
 * (typegraphql-prisma), `@HideField()` / `@Field(() => Int)` (prisma-nestjs-graphql),
 * `@Validator.IsEmail()` / `@IsEmail()` (class-validator generators), `[ResponseData]` /
 * `![Type]` (prisma-json-types-generator). Those lines are not prose for a reader: they are left
 * out of the description. A line is left out only when every word of it is such a directive;
 * a line with any other text is kept as written, so an unknown directive is kept rather than
 * prose lost.
 */

export interface Documentation {
  /** The description without generator directives; undefined when nothing is left. */
  text?: string;
  /** prisma-json-types-generator's type hint (`/// [ResponseData]`): the type the JSON holds. */
  jsonType?: string;
  /** An `@deprecated` line is there (it is kept in the description: it is prose). */
  deprecated?: boolean;
}

export function readDocumentation(documentation: string | undefined): Documentation {
  if (documentation === undefined) return {};
  const kept: string[] = [];
  let jsonType: string | undefined;
  let deprecated = false;
  for (const line of documentation.split('\n')) {
    if (/^\s*@deprecated\b/.test(line)) deprecated = true;
    const read = directivesOnly(line);
    if (!read) {
      kept.push(line);
      continue;
    }
    jsonType ??= read.jsonType;
    // zod's `.describe("…")` is the field's description, meant for readers (of the API's schema).
    if (read.described.length) kept.push(read.described.join(' '));
  }
  // Blank lines left at either end by a removed line go too.
  while (kept.length && !kept[0]!.trim()) kept.shift();
  while (kept.length && !kept[kept.length - 1]!.trim()) kept.pop();
  return {
    text: kept.length ? kept.join('\n') : undefined,
    ...(jsonType ? { jsonType } : {}),
    ...(deprecated ? { deprecated } : {}),
  };
}

/** Known generator families: `@` and a name, then `.member`s and calls (`@zod.string.max(10)`). */
const FAMILIES = [
  /^@zod(?=[.(])/,
  /^@TypeGraphQL(?=[.(])/,
  /^@Validator(?=[.(])/,
  /^@HideField(?=\()/,
  /^@Field(?=\()/,
  // class-validator's decorators, written bare: `@IsEmail()`, `@MinLength(8)`; a call, always.
  /^@(?:Is[A-Z]\w*|Min|Max|MinLength|MaxLength|Length|Matches|ArrayMinSize|ArrayMaxSize)(?=\()/,
];

/** The line's directives, when it is nothing else; undefined when it holds any other text. */
function directivesOnly(line: string): { jsonType?: string; described: string[] } | undefined {
  let rest = line.trim();
  if (!rest) return undefined;
  let jsonType: string | undefined;
  // prisma-json-types-generator reads its hint at the start of the comment.
  const hint = /^!?\[([A-Za-z_][\w.]*(?:\[\])*)\](?=\s|$)/.exec(rest);
  if (hint) {
    jsonType = hint[1];
    rest = rest.slice(hint[0].length).trimStart();
  }
  const described: string[] = [];
  while (rest) {
    const family = FAMILIES.map((pattern) => pattern.exec(rest)).find(Boolean);
    if (!family) return undefined;
    const end = directiveEnd(rest, family[0].length);
    if (end === undefined) return undefined;
    const directive = rest.slice(0, end);
    const describe = /\.describe\(\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(directive);
    if (describe && directive.startsWith('@zod')) described.push(JSON.parse(describe[1]!) as string);
    rest = rest.slice(end);
    if (rest && !/^\s/.test(rest)) return undefined;
    rest = rest.trimStart();
  }
  return { jsonType, described };
}

/** Where a directive started at 0 ends: after its `.member`s and balanced `(…)` calls; undefined if unbalanced. */
function directiveEnd(text: string, from: number): number | undefined {
  let at = from;
  for (;;) {
    const member = /^\.[A-Za-z_]\w*/.exec(text.slice(at));
    if (member) {
      at += member[0].length;
      continue;
    }
    if (text[at] !== '(') return at;
    let depth = 0;
    let quote: string | undefined;
    for (; at < text.length; at++) {
      const char = text[at]!;
      if (quote) {
        if (char === '\\') at++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '(' || char === '[' || char === '{') depth++;
      else if (char === ')' || char === ']' || char === '}') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (at >= text.length) return undefined;
    at++;
  }
}
