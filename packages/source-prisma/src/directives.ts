/**
 * `///` comments are Prisma's documentation, and also where code generators read their
 * instructions: `@zod.string.email()` (zod-prisma-types, prisma-zod-generator),
 * `@TypeGraphQL.omit(output: true)` / `@@TypeGraphQL.type(name: "Client")` (typegraphql-prisma),
 * `@HideField()` / `@FieldType(…)` / `@PropertyType(…)` / `@ObjectType(…)` / `@Validator.MinLength(3)`
 * (prisma-nestjs-graphql), `@IsEmail()` / `@ApiProperty({…})` (class-validator and Swagger
 * generators), `@DtoReadOnly` (prisma-generator-nestjs-dto), `@@Gen.model(hide: true)`
 * (prisma-zod-generator), `[ResponseData]` / `![Type]` (prisma-json-types-generator). Those are
 * not prose for a reader: they are left out of the description.
 *
 * A directive is what these generators share: at the start of a line (after another directive),
 * `@` or `@@`, a name, and then
 *   - a call: `@HideField()`, `@FieldType('Scalars.GraphQLEmailAddress')` (decorators are
 *     PascalCase; `@mention(s)` in prose is not one), or
 *   - a namespace: `@ns.name`, with a call (`@Validator.MinLength(3)`, `@TypeGraphQL.omit(…)`), or
 *     without one for a namespace known to be a generator's (`@prismabox.hidden`); `@example.com`
 *     is not one.
 * Bare names are directives only for a family known to write them so (`@DtoReadOnly`); `@deprecated`
 * is prose (and noted). The prose after a line's directives stays, and so does any line that does
 * not start with one: "@ 5 per second", "mail @support", "x@example.com". zod-prisma-types also
 * reads `@zod…` after prose ("comment before validator @zod.string.min(4)"), so that family is
 * taken out anywhere in a line.
 */

export interface Documentation {
  /** The description without generator directives; undefined when nothing is left. */
  text?: string;
  /** prisma-json-types-generator's type hint (`/// [ResponseData]`): the type the JSON holds. */
  jsonType?: string;
  /** An `@deprecated` line is there (it is kept in the description: it is prose). */
  deprecated?: boolean;
  /**
   * Where a GraphQL generator leaves the field out: `output` (what clients read:
   * `@HideField()`, `@TypeGraphQL.omit(output: true)`), `input` (what they write).
   */
  graphqlHidden?: Array<'output' | 'input'>;
  /** typegraphql-prisma's `@TypeGraphQL.field(name: "…")`: the field's name in the GraphQL API. */
  graphqlName?: string;
  /**
   * `@@Gen.model(hide: true)` above a model: prisma-zod-generator and prisma-trpc-generator (and
   * their joi/yup kin) generate nothing for it, no schemas and no routes.
   */
  generatorHidden?: boolean;
  /**
   * `prisma db pull`'s notices of what the database has and the schema cannot declare ("This table
   * contains check constraints and requires additional setup for migrations", with its link): a fact
   * about the table, not its description.
   */
  setupNotices?: string[];
}

/**
 * A notice `prisma db pull` writes as a `///` line above a model, view, enum or field: its subject,
 * what the database has, "requires additional setup for migrations", then "Visit <link> for more
 * info" (or "Read more: <link>"). The check constraints, exclusion constraints, row level security,
 * partitions, comments… it names are in the database, managed outside Prisma Migrate.
 */
const SETUP_NOTICE =
  /^\s*(This (?:table|model|view|enum|field)\b.*?\brequires (?:an )?additional setup for migrations)\b[^]*$/i;

/**
 * What `prisma db pull` writes above a table or view with no primary key or unique index ("The
 * underlying table does not contain a valid unique identifier and can therefore currently not be
 * handled by Prisma Client", "by the Prisma Client" in older versions): why it is `@@ignore`d, a
 * fact about the table, not its description.
 */
const NO_UNIQUE_IDENTIFIER =
  /^\s*(The underlying (?:table|view) does not contain a valid unique identifier and can therefore currently not be handled(?: by (?:the )?Prisma Client)?)\.?\s*$/i;

/** A setup notice as a note: its sentence, and its link in parentheses when it gives one. */
function setupNotice(line: string): string | undefined {
  const sentence = SETUP_NOTICE.exec(line)?.[1] ?? NO_UNIQUE_IDENTIFIER.exec(line)?.[1];
  if (!sentence) return undefined;
  const link = /https?:\/\/[^\s)]+?(?=[.,;:]?(?:\s|$))/.exec(line)?.[0];
  // A note in a list of notes: "this table contains …", as the others begin.
  const note = sentence.charAt(0).toLowerCase() + sentence.slice(1);
  return link ? `${note} (${link})` : note;
}

export function readDocumentation(documentation: string | undefined): Documentation {
  if (documentation === undefined) return {};
  const kept: string[] = [];
  const read: Omit<Documentation, 'text'> = {};
  for (const line of withoutCommentGutter(documentation).split('\n')) {
    const notice = setupNotice(line);
    if (notice) {
      read.setupNotices = [...(read.setupNotices ?? []), notice];
      continue;
    }
    // `@deprecated`, or Java's and TypeScript decorators' `@Deprecated(…)`: prose, and a deprecation.
    if (/^\s*@deprecated\b/i.test(line)) read.deprecated = true;
    const { prose, directives, jsonType } = splitLine(line);
    read.jsonType ??= jsonType;
    for (const directive of directives) {
      // zod's `.describe("…")` is the field's description, meant for readers (of the API's schema).
      const described = describedBy(directive);
      if (described) kept.push(described);
      meaningOf(directive, read);
    }
    if (prose !== undefined) kept.push(prose);
  }
  // Blank lines left at either end by a removed line go too.
  while (kept.length && !kept[0]!.trim()) kept.shift();
  while (kept.length && !kept[kept.length - 1]!.trim()) kept.pop();
  return {
    text: kept.length ? kept.join('\n') : undefined,
    ...Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined)),
  };
}

/** Namespaces generators own, written without a call too (`@prismabox.hidden`). */
const NAMESPACES = new Set(['zod', 'TypeGraphQL', 'Validator', 'Gen', 'prismabox', 'typebox', 'Pothos']);
/**
 * Lower-case names generators call: `@kyselyType('a' | 'b')` (prisma-kysely), `@json("Type")`
 * (prisma-json-types-generator before 2.0).
 */
const LOWER_CASE_CALLS = new Set(['kyselyType', 'json']);
/** Bare names generators write without a call: prisma-generator-nestjs-dto's `@DtoReadOnly`, `@DtoApiHidden`. */
const BARE = /^Dto[A-Z]\w*$/;

/**
 * A line → the prose left when its directives are taken out (undefined when none is), the
 * directives, and a JSON type hint at its start. A line without directives is kept as written.
 */
function splitLine(line: string): { prose?: string; directives: string[]; jsonType?: string } {
  let rest = line.trim();
  const directives: string[] = [];
  let jsonType: string | undefined;
  // prisma-json-types-generator reads its hint at the start of the comment: `[Type]` names a type
  // of its namespace, `![…]` is written inline, any TypeScript (`!['draft' | 'published']`).
  const hint = typeHint(rest);
  if (hint) {
    jsonType = hint.type;
    rest = rest.slice(hint.end).trimStart();
  }
  for (let end = directiveEnd(rest); end !== undefined; end = directiveEnd(rest)) {
    directives.push(rest.slice(0, end));
    rest = rest.slice(end).trimStart();
  }
  // zod-prisma-types reads `@zod…` after prose too: out of the line, wherever it stands.
  const zod = /(^|\s)(?=@zod[.\s])/g;
  for (let match = zod.exec(rest); match; match = zod.exec(rest)) {
    const at = match.index + match[1]!.length;
    const end = directiveEnd(rest.slice(at));
    if (end === undefined) {
      zod.lastIndex = at + 1;
      continue;
    }
    directives.push(rest.slice(at, at + end));
    rest = `${rest.slice(0, at).trimEnd()} ${rest.slice(at + end).trimStart()}`.trim();
    zod.lastIndex = at;
  }
  if (!directives.length && !hint) return { prose: line, directives };
  return { prose: rest || undefined, directives, jsonType };
}

/** prisma-json-types-generator's hint at the start of `text`: `[Type]`, `[Type[]]` or `![any TypeScript]`. */
function typeHint(text: string): { type: string; end: number } | undefined {
  const named = /^!?\[([A-Za-z_][\w.]*(?:\[\])*)\](?=\s|$)/.exec(text);
  if (named) return { type: named[1]!, end: named[0].length };
  if (!text.startsWith('![')) return undefined;
  const close = closingParenthesis(text, 1);
  // `![alt](url)` is a Markdown image, not a type.
  if (close === undefined || (close + 1 < text.length && !/\s/.test(text[close + 1]!))) return undefined;
  const type = text.slice(2, close).trim();
  return type ? { type, end: close + 1 } : undefined;
}

/** Where a directive at the start of `text` ends (after its members and balanced calls); undefined when none starts there. */
function directiveEnd(text: string): number | undefined {
  // `@zod .email()`: prisma-zod-generator's documentation writes a space before the chain.
  const head = /^@@?([A-Za-z_]\w*)(?:\s+(?=\.))?/.exec(text);
  if (!head || /^deprecated$/i.test(head[1]!)) return undefined;
  const name = head[1]!;
  let at = head[0].length;
  let namespaced = false;
  let called = false;
  for (;;) {
    const member = /^\.[A-Za-z_]\w*/.exec(text.slice(at));
    if (member) {
      at += member[0].length;
      namespaced = true;
      continue;
    }
    if (text[at] !== '(') break;
    const close = closingParenthesis(text, at);
    if (close === undefined) return undefined;
    at = close + 1;
    called = true;
  }
  // A directive is a word of its own: `@Field()`, not `@Field()s`.
  if (at < text.length && !/\s/.test(text[at]!)) return undefined;
  const directive = namespaced
    ? called || NAMESPACES.has(name)
    : called
      ? /^[A-Z]/.test(name) || LOWER_CASE_CALLS.has(name)
      : BARE.test(name);
  return directive ? at : undefined;
}

/** The index of the `)` closing the `(` at `open`, skipping quoted text and nested brackets; undefined if unbalanced. */
function closingParenthesis(text: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let at = open; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return at;
    }
  }
  return undefined;
}

/** zod's `.describe("…")`: a description written for readers. */
function describedBy(directive: string): string | undefined {
  if (!directive.startsWith('@zod')) return undefined;
  const describe = /\.describe\(\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(directive);
  return describe ? (JSON.parse(describe[1]!) as string) : undefined;
}

/**
 * What a directive tells a reader of the data model, onto `read`: a field the GraphQL API leaves
 * out (prisma-nestjs-graphql's `@HideField(…)`, typegraphql-prisma's `@TypeGraphQL.omit(…)`), or
 * names otherwise (`@TypeGraphQL.field(name: "…")`, a model's `@@TypeGraphQL.type(name: "…")`); a
 * model its code generators skip (`@@Gen.model(hide: true)`). A `match:` hides it in some types only: not noted.
 */
function meaningOf(directive: string, read: Omit<Documentation, 'text'>): void {
  const hide = /^@HideField\((.*)\)$/s.exec(directive);
  // Above a model, typegraphql-prisma's directives are written `@@TypeGraphQL.…` too.
  const omit = /^@@?TypeGraphQL\.omit\((.*)\)$/s.exec(directive);
  if (hide && !/\bmatch\s*:/.test(hide[1]!)) {
    // `@HideField()` hides it from output types only; `input: true` from input types too.
    const hidden: Array<'output' | 'input'> = [];
    if (!/\boutput\s*:\s*false\b/.test(hide[1]!)) hidden.push('output');
    if (/\binput\s*:\s*true\b/.test(hide[1]!)) hidden.push('input');
    if (hidden.length) read.graphqlHidden = hidden;
  }
  if (omit) {
    // `output: true`; `input: true`, or a list of input kinds: not writable when it holds both
    // `create` and `update` (`["where", "orderBy"]` only keeps it out of filters and sorting).
    const hidden: Array<'output' | 'input'> = [];
    if (/\boutput\s*:\s*true\b/.test(omit[1]!)) hidden.push('output');
    const inputs = /\binput\s*:\s*(true\b|\[[^\]]*\])/.exec(omit[1]!)?.[1];
    if (inputs === 'true' || (inputs && /["']create["']/.test(inputs) && /["']update["']/.test(inputs)))
      hidden.push('input');
    if (hidden.length) read.graphqlHidden = hidden;
  }
  // `@TypeGraphQL.field(name: "…")` renames a field; `@@TypeGraphQL.type(name: "…")` a model's type.
  const field = /^@@?TypeGraphQL\.(?:field|type)\(.*\bname\s*:\s*"([^"]+)"/s.exec(directive);
  if (field) read.graphqlName = field[1];
  if (/^@@Gen\.model\(.*\bhide\s*:\s*true\b/s.test(directive)) read.generatorHidden = true;
  const json = /^@json\(\s*"([^"]+)"\s*\)$/.exec(directive);
  if (json) read.jsonType ??= json[1];
}

/**
 * Prisma reads a block comment above a field or model (`/** … *\/`, TypeScript's habit) as its
 * documentation, stars and all: `*\n   * Whose cap…`. Its gutter goes, as a JSDoc reader's
 * would: the `*` that opened it, and the `*` each following line is indented to. A `///` comment
 * that is a Markdown list (`* paid`, unindented) keeps its stars.
 */
export function withoutCommentGutter(documentation: string): string {
  const [first = '', ...rest] = documentation.split('\n');
  const opened = /^\*+(?:\s|$)/.test(first);
  const gutter = rest.length > 0 && rest.every((line) => /^\s+\*/.test(line) || !line.trim());
  const oneLine = rest.length === 0 && /^\*+\s/.test(first);
  if (!opened || !(gutter || oneLine || first.trim() === '*')) return documentation;
  const lines = [first.replace(/^\*+\s?/, ''), ...rest.map((line) => line.replace(/^\s*\*(?!\*) ?/, ''))];
  while (lines.length && !lines[0]!.trim()) lines.shift();
  return lines.join('\n');
}
