/**
 * What a schema Prisma's parser rejected is, when its errors alone would not tell the reader: a
 * Prisma Next contract or a ZenStack ZModel (languages built on Prisma's), relations whose cascades
 * the database cannot run (SQL Server's "multiple cascade paths"), early Prisma 2's provider list,
 * a block without its `}`, a merge conflict's markers.
 * Read from the schema's text, only after the parse failed, so a valid schema never pays for it.
 */
import { basename } from 'node:path';
import { closestName } from '@docgen/core';

/** A schema file as the parse saw it: its path, its name in the parse, its text. */
export interface SchemaSource {
  file: string;
  name: string;
  text: string;
}

/** Where a file first shows it is written in another schema language: which, the line, and what is on it. */
export interface ForeignSign {
  language: SchemaLanguage;
  file: string;
  line: number;
  what: string;
}

/**
 * Schema languages built on Prisma's, whose files Prisma's parser reports line by line as invalid
 * without ever saying they are something else. Each is told by constructs Prisma's language has not.
 */
export type SchemaLanguage = 'Prisma Next' | 'ZenStack';

/** Prisma Next's header line: the one sign written as a comment. */
const HEADER = /^\s*\/\/\s*use prisma-next\b/;

/** Each language's signs, the more telling first: `foreignSign` names the most telling one a file has. */
const SIGNS: Array<{ language: SchemaLanguage; pattern: RegExp; what: string }> = [
  // Prisma Next's contract language (`contract.prisma`), under Prisma's own extension.
  { language: 'Prisma Next', pattern: HEADER, what: 'its `// use prisma-next` header' },
  { language: 'Prisma Next', pattern: /^\s*namespace\s+\w+\s*\{/, what: 'a `namespace` block' },
  { language: 'Prisma Next', pattern: /^\s*types\s*\{/, what: 'a `types { … }` block of type aliases' },
  {
    language: 'Prisma Next',
    pattern: /^\s*@@(?:base|discriminator)\s*\(/,
    what: 'model inheritance (`@@base`, `@@discriminator`)',
  },
  {
    language: 'Prisma Next',
    pattern: /@relation\([^)]*\bfrom\s*:/,
    what: 'a relation written `@relation(from: …, to: …)`',
  },
  { language: 'Prisma Next', pattern: /^\s*policy_\w+\s+\w+\s*\{/, what: 'a row-level security policy block' },
  // `updatedAt temporal.updatedAt()`: Prisma ORM's field types are names, never calls.
  {
    language: 'Prisma Next',
    pattern: /^\s*\w+\s+\w+(?:\.\w+)+\(/,
    what: 'a field typed by a call to a preset (`temporal.updatedAt()`)',
  },
  // ZenStack's ZModel (`schema.zmodel`): Prisma's language with access policies, imports, plugins.
  {
    language: 'ZenStack',
    pattern: /@@?(?:allow|deny|validate)\s*\(/,
    what: 'an access policy or validation rule (`@@allow`, `@@deny`, `@@validate`)',
  },
  { language: 'ZenStack', pattern: /^\s*import\s+["']/, what: 'an `import` of another ZModel file' },
  { language: 'ZenStack', pattern: /^\s*plugin\s+\w+\s*\{/, what: 'a `plugin` block' },
  { language: 'ZenStack', pattern: /^\s*abstract\s+model\s+\w+/, what: 'an `abstract model`' },
  {
    language: 'ZenStack',
    pattern: /^\s*(?:model|type)\s+\w+\s+(?:extends|with)\s+\w+/,
    what: 'a model that `extends` another',
  },
  {
    language: 'ZenStack',
    pattern: /^\s*(?:provider|url|output)\s*=\s*'/,
    what: "a single-quoted string (ZModel's; Prisma's strings are double-quoted)",
  },
  { language: 'ZenStack', pattern: /^\s*@@delegate\s*\(/, what: 'a polymorphic base model (`@@delegate`)' },
];

/**
 * Where a file is written in a language built on Prisma's: the telling sign (the earlier in
 * `SIGNS`, the more telling: a `plugin` block says more than a single-quoted string), at its first
 * line in the files' order; undefined when there is none. A `.zmodel` file of Prisma's language
 * alone is not told apart: its errors are Prisma's.
 */
export function foreignSign(sources: SchemaSource[]): ForeignSign | undefined {
  let found: (ForeignSign & { rank: number }) | undefined;
  for (const { file, text } of sources) {
    for (const [index, line] of text.split('\n').entries()) {
      // A sign in a comment is prose (`// TODO: @@allow(…) once on ZenStack`), but for Prisma Next's header.
      const code = line.replace(/\/\/.*$/, '');
      const rank = SIGNS.findIndex(({ pattern }) => pattern.test(pattern === HEADER ? line : code));
      if (rank !== -1 && (!found || rank < found.rank))
        found = { language: SIGNS[rank]!.language, file, line: index + 1, what: SIGNS[rank]!.what, rank };
    }
  }
  return found && { language: found.language, file: found.file, line: found.line, what: found.what };
}

/** What to point docgen at instead of a file in `language`: the Prisma schema it is, or is made into. */
export function foreignSchemaHint(language: SchemaLanguage, text: string, pointAt: (what: string) => string): string {
  if (language === 'Prisma Next')
    return `docgen documents Prisma ORM schemas (Prisma 2 to 7), and cannot read Prisma Next contracts yet: ${pointAt("the project's Prisma ORM schema (schema.prisma)")}, if it keeps one`;
  // `plugin prisma { output = '…' }`: where ZenStack writes the Prisma schema, relative to the ZModel.
  const output = /^\s*plugin\s+\w+\s*\{[^}]*@core\/prisma[^}]*\}/m
    .exec(text)?.[0]
    .match(/^\s*output\s*=\s*["']([^"']+)["']/m)?.[1];
  return (
    `ZenStack writes the Prisma schema from it with \`npx zenstack generate\` (ZenStack 2: ${output ? `\`${output}\`, as its prisma plugin says` : '`prisma/schema.prisma` beside the ZModel, unless its prisma plugin says otherwise'}; ZenStack 3: where a \`plugin prisma { provider = '@core/prisma' }\` block says): ` +
    pointAt('that generated schema.prisma')
  );
}

/** Prisma's errors about cascades the database cannot run: two paths to one table, a cycle, a self-relation. */
const CASCADE_PATHS =
  /through multiple paths|Reference causes a cycle|A self-relation must have `onDelete` and `onUpdate`/;

/** A relation field Prisma named in a cascade-paths error: its model, field, line and `@relation(…)` as it should read. */
export interface CascadeRelation {
  model: string;
  field: string;
  where: string;
  suggested: string;
}

/**
 * The relation fields Prisma's cascade-paths errors point at (the line of each error), each with
 * its `@relation(…)` rewritten to take no action: what the schema needs on one relation of each
 * path. Newer Prisma versions check this (SQL Server refuses such foreign keys); a schema an older
 * version accepted stops here.
 */
export function cascadeRelations(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): CascadeRelation[] {
  const relations: CascadeRelation[] = [];
  for (const error of errors) {
    if (!CASCADE_PATHS.test(error.message)) continue;
    const source = sources.find((candidate) => candidate.name === error.name);
    if (!source) continue;
    const lines = source.text.split('\n');
    const text = lines[error.line - 1] ?? '';
    const field = /^\s*(\w+)\s/.exec(text)?.[1];
    const model = enclosingModel(lines, error.line);
    if (!field || !model) continue;
    relations.push({
      model,
      field,
      where: `${basename(source.file)}:${error.line}`,
      suggested: withoutCascades(text),
    });
  }
  return relations;
}

/** The model block a line is in: the last `model X {` above it. */
function enclosingModel(lines: string[], line: number): string | undefined {
  for (let index = line - 1; index >= 0; index -= 1) {
    const declared = /^\s*(?:model|view)\s+(\w+)\s*\{/.exec(lines[index]!);
    if (declared) return declared[1];
  }
  return undefined;
}

/** A relation field's `@relation(…)` with `onDelete: NoAction, onUpdate: NoAction` in place of its referential actions. */
function withoutCascades(line: string): string {
  const relation = /@relation\(([^)]*)\)/.exec(line);
  const kept = (relation?.[1] ?? '')
    .split(/,(?![^[]*\])/)
    .map((argument) => argument.trim())
    .filter((argument) => argument && !/^on(?:Delete|Update)\s*:/.test(argument));
  return `@relation(${[...kept, 'onDelete: NoAction', 'onUpdate: NoAction'].join(', ')})`;
}

/** The hint for cascade-paths errors: what to add, and where, for the relations Prisma named (the first few). */
export function cascadeHint(relations: CascadeRelation[]): string {
  const shown = relations.slice(0, 4);
  const named = shown
    .map((relation) => `\`${relation.model}.${relation.field}\` (${relation.where}): \`${relation.suggested}\``)
    .concat(relations.length > shown.length ? [`and ${relations.length - shown.length} more`] : [])
    .join('; ');
  return (
    'cascading deletes or updates must not reach a table along two paths or loop back ' +
    '(SQL Server refuses such foreign keys; older Prisma versions did not check): ' +
    `set \`onDelete: NoAction, onUpdate: NoAction\` on one relation of each path Prisma names: ${named}`
  );
}

/**
 * Early Prisma 2 let a datasource list several providers (`provider = ["postgresql", "sqlite"]`);
 * later versions refuse it with "must be a string literal", which does not say what to write
 * instead. The hint, when Prisma's error is on such a line; undefined otherwise.
 */
export function providerListHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): string | undefined {
  for (const error of errors) {
    if (!/provider argument in a datasource must be a string literal/.test(error.message)) continue;
    const lines = sources.find((source) => source.name === error.name)?.text.split('\n') ?? [];
    const list = lines
      .slice(error.line - 1, error.line + 8)
      .map((line) => /^\s*provider\s*=\s*\[([^\]]*)\]/.exec(line)?.[1])
      .find((items) => items !== undefined);
    if (list === undefined) continue;
    const first = /"([^"]+)"/.exec(list)?.[1] ?? 'postgresql';
    return `a list of providers is early Prisma 2's, which later versions refuse: write the one the database uses, \`provider = "${first}"\``;
  }
  return undefined;
}

/** The attributes of Prisma's language: a field's, and a block's (a model's, view's or enum's). */
const FIELD_ATTRIBUTES = ['@id', '@default', '@unique', '@relation', '@map', '@updatedAt', '@ignore', '@shardKey'];
const BLOCK_ATTRIBUTES = ['@@id', '@@unique', '@@index', '@@map', '@@ignore', '@@schema', '@@fulltext', '@@shardKey'];

/**
 * "Attribute not known" says what is wrong, not what was meant: `@updated_at` (a database column's
 * spelling) for `@updatedAt`, `@@Index` for `@@index`. The hint names the attribute a misspelt one
 * is closest to, at its file and line; undefined when none is near. Prisma reports `@@Index` as
 * `@Index`, so the attribute is read as the line writes it.
 */
export function unknownAttributeHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): string | undefined {
  const hints = new Set<string>();
  for (const error of errors) {
    const name = /Attribute not known: "@{1,2}([\w.]+)"/.exec(error.message)?.[1];
    if (!name) continue;
    const line = sources.find((source) => source.name === error.name)?.text.split('\n')[error.line - 1] ?? '';
    const written = new RegExp(`@@?${name.replace(/\./g, '\\.')}(?![\\w.])`).exec(line)?.[0] ?? `@${name}`;
    const meant = closestName(written, written.startsWith('@@') ? BLOCK_ATTRIBUTES : FIELD_ATTRIBUTES);
    if (meant)
      hints.add(`\`${written}\` (${error.name}:${error.line}) is no attribute of Prisma's: write \`${meant}\``);
  }
  return hints.size ? [...hints].join('; ') : undefined;
}

/** Prisma's scalar types: what a field's type may be besides the schema's own models, enums and composite types. */
const SCALAR_TYPES = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'];

/**
 * Other languages' names for Prisma's types, too far from them to be found as misspellings: a schema
 * written from SQL or TypeScript habits (`Integer`, `Text`, `Timestamp`).
 */
const TYPE_ALIASES: Record<string, string> = {
  integer: 'Int',
  bool: 'Boolean',
  text: 'String',
  date: 'DateTime',
  timestamp: 'DateTime',
  double: 'Float',
};

/** The models, views, enums and composite types the schema's files declare. */
function declaredNames(sources: SchemaSource[]): string[] {
  return sources.flatMap((source) =>
    [...source.text.matchAll(/^[ \t]*(?:model|view|enum|type)[ \t]+(\w+)[ \t]*\{/gm)].map((match) => match[1]!),
  );
}

/**
 * "Type X is neither a built-in type, nor refers to another model, composite type, or enum" says
 * what is wrong, not what to write. The hint names the type a misspelt one is closest to (Prisma's
 * `DateTime` for `Datetime`, a model `User` for `user`, `Int` for SQL's `Integer`), or, where none
 * is near, says it must be declared: most often an enum the schema uses but never wrote. One entry
 * per name, with every line it is used on.
 */
export function unknownTypeHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): string | undefined {
  const uses = new Map<string, string[]>();
  for (const error of errors) {
    const type = /^Type "(\w+)" is neither a built-in type/.exec(error.message)?.[1];
    // Prisma itself says "Did you mean …?" for a type in the wrong case: not said twice.
    if (type && !/Did you mean/.test(error.message))
      uses.set(type, [...(uses.get(type) ?? []), `${error.name}:${error.line}`]);
  }
  if (!uses.size) return undefined;
  const known = [...SCALAR_TYPES, ...declaredNames(sources)];
  const hints = [...uses].map(([type, places]) => {
    const meant = TYPE_ALIASES[type.toLowerCase()] ?? closestName(type, known);
    const where = `\`${type}\` (${places.join(', ')})`;
    return meant
      ? `${where} is no type of Prisma's or of this schema: write \`${meant}\``
      : `${where} is declared nowhere in the schema: declare a model, enum or composite type \`${type}\`, or write one of Prisma's types (${SCALAR_TYPES.join(', ')})`;
  });
  return hints.join('; ');
}

/** The values an enum of the schema declares, in order (its `@@` attributes and comments left out). */
function enumValues(sources: SchemaSource[], name: string): string[] | undefined {
  for (const source of sources) {
    const lines = source.text.split('\n');
    const start = lines.findIndex((line) => new RegExp(`^\\s*enum\\s+${name}\\s*\\{`).test(line));
    if (start < 0) continue;
    const values: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (/^\s*\}/.test(line)) break;
      const value = /^\s*([A-Za-z_]\w*)/.exec(line.replace(/\/\/.*$/, ''))?.[1];
      if (value) values.push(value);
    }
    return values;
  }
  return undefined;
}

/** How many of an enum's values a hint lists before it says there are more. */
const LISTED_VALUES = 8;

/**
 * "The defined default value `USER` is not a valid value of the enum specified for the field" names
 * neither the enum nor its values. The hint does, at the file and line, and writes the value the
 * default is closest to: most often the same word in the enum's own case (`USER` for `user`).
 */
export function enumDefaultHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): string | undefined {
  const hints = new Set<string>();
  for (const error of errors) {
    const value = /default value `(\w+)` is not a valid value of the enum/.exec(error.message)?.[1];
    if (!value) continue;
    const line = sources.find((source) => source.name === error.name)?.text.split('\n')[error.line - 1] ?? '';
    const type = /^\s*\w+\s+(\w+)/.exec(line)?.[1];
    const values = type ? enumValues(sources, type) : undefined;
    if (!type || !values?.length) continue;
    const listed =
      values.slice(0, LISTED_VALUES).join(', ') + (values.length > LISTED_VALUES ? `, … (${values.length})` : '');
    const meant = closestName(value, values);
    hints.add(
      `\`@default(${value})\` (${error.name}:${error.line}): enum ${type} has ${listed}` +
        (meant ? `: write \`@default(${meant})\`` : ': write one of them'),
    );
  }
  return hints.size ? [...hints].join('; ') : undefined;
}

/** Attributes other ORMs and SQL give a comment with, which Prisma's language has not. */
const COMMENT_ATTRIBUTES = /^@{1,2}(?:comment|description|doc)$/i;

/**
 * `@comment("…")` and `@@comment("…")` (TypeORM's and SQL's habit) are "Attribute not known" to
 * Prisma, which has no column or table comments, and no spelling is near them. What Prisma reads as
 * a field's or model's description is a `///` comment above it, and that is what to write. Each
 * attribute once, with the lines it is on.
 */
export function commentAttributeHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
): string | undefined {
  const places = new Map<string, string[]>();
  for (const error of errors) {
    if (!/^Attribute not known: "@/.test(error.message)) continue;
    const line = sources.find((source) => source.name === error.name)?.text.split('\n')[error.line - 1] ?? '';
    const written = [...line.matchAll(/@@?\w+/g)]
      .map((match) => match[0])
      .find((name) => COMMENT_ATTRIBUTES.test(name));
    if (written) places.set(written, [...(places.get(written) ?? []), `${error.name}:${error.line}`]);
  }
  if (!places.size) return undefined;
  const where = [...places].map(([written, lines]) => `\`${written}\` (${lines.join(', ')})`).join(', ');
  return `${where}: Prisma has no column or table comments; write the text as a \`///\` comment on the line above the field or model (Prisma, and docgen, read it as its description)`;
}

/**
 * `@@fulltext` is MySQL's and MongoDB's; on another database Prisma refuses it ("not supported with
 * the current connector"), which says nothing of what to write instead. PostgreSQL's full-text search
 * is a GIN index on a `tsvector`, which a Prisma schema cannot declare: a migration creates it.
 */
export function fulltextHint(
  errors: Array<{ message: string; name: string; line: number }>,
  provider: string | undefined,
): string | undefined {
  const lines = errors
    .filter((error) => /"@@fulltext": Defining fulltext indexes is not supported/.test(error.message))
    .map((error) => `${error.name}:${error.line}`);
  if (!lines.length) return undefined;
  const instead =
    provider === 'postgresql' || provider === 'cockroachdb'
      ? "PostgreSQL's full-text index is a GIN index on a tsvector expression, which a Prisma schema cannot declare: remove the `@@fulltext` line and create the index in a migration (`CREATE INDEX … USING GIN (to_tsvector('english', …))`)"
      : 'remove the `@@fulltext` line and create the index in a migration';
  return `\`@@fulltext\` (${lines.join(', ')}) is MySQL's and MongoDB's only${provider ? `, not ${provider}'s` : ''}: ${instead}`;
}

/** Prisma's reported errors, as `reportedErrors` gives them. */
type ReportedError = { message: string; name: string; line: number };

/** Git's conflict markers at a line's start: `<<<<<<< HEAD`, `=======`, `>>>>>>> branch`. */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?:[ \t]|$)/;

/**
 * A merge left both sides in the schema: Prisma says "not a valid field or attribute definition" at
 * each marker, and nothing of a merge. The hint names the marker lines, when Prisma's errors are at
 * one of them.
 */
export function conflictMarkerHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  const markers = sources.flatMap((source) =>
    source.text
      .split('\n')
      .flatMap((line, index) => (CONFLICT_MARKER.test(line) ? [`${source.name}:${index + 1}`] : [])),
  );
  if (!errors.some((error) => markers.includes(`${error.name}:${error.line}`))) return undefined;
  return `${markers.join(', ')}: the schema holds a merge conflict's markers (\`<<<<<<<\`, \`=======\`, \`>>>>>>>\`): keep what the schema should have of each side, delete the markers, and run again`;
}

/**
 * A file saved "UTF-8 with BOM" (Notepad, Visual Studio, PowerShell's Out-File) starts with U+FEFF,
 * which Prisma's parser takes for text: line 1 "does not start with any known Prisma schema
 * keyword", though it reads `generator client {` or a comment. The hint names the invisible cause.
 */
export function byteOrderMarkHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  const marked = sources.filter((source) => source.text.startsWith('\uFEFF'));
  if (!errors.some((error) => error.line === 1 && marked.some((source) => source.name === error.name)))
    return undefined;
  return `${marked.map((source) => source.name).join(', ')} ${marked.length > 1 ? 'start' : 'starts'} with a byte order mark (U+FEFF), which Prisma's parser reads as text: save the file as UTF-8 without BOM (VS Code: click "UTF-8 with BOM" in the status bar, Save with Encoding, UTF-8)`;
}

/** A block's first line: `model User {`, `enum Role {`, `datasource db {`. */
const BLOCK_START = /^[ \t]*(model|view|type|enum|generator|datasource)[ \t]+(\w+)[ \t]*\{/;

/**
 * A block whose `}` is missing: Prisma reads the next block's first line, and its fields, as lines
 * of the open one, and reports what that makes of them ("This line is not a valid field or attribute
 * definition", "Field "id" is already defined on model "A"", "At most one field must be marked as the
 * id field"), or, at the file's end, every line after the block's start as invalid. None of it says
 * a brace is missing; the hint says which block, and where its `}` goes.
 */
export function unclosedBlockHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  for (const source of sources) {
    const unclosed = unclosedBlock(source.text);
    if (!unclosed || !errors.some((error) => error.name === source.name && error.line >= unclosed.line)) continue;
    const block = `${unclosed.keyword} ${unclosed.name} (${source.name}:${unclosed.line})`;
    return unclosed.next
      ? `${block} is not closed: Prisma reads \`${unclosed.next.text}\` (line ${unclosed.next.line}) and what follows as its lines; write \`}\` at the end of ${unclosed.keyword} ${unclosed.name}, above line ${unclosed.next.line}`
      : `${block} is not closed: the file ends before its \`}\`; write \`}\` at the end of ${unclosed.keyword} ${unclosed.name}`;
  }
  return undefined;
}

/** The first block left open: at the next block's first line, or at the file's end. */
function unclosedBlock(
  text: string,
): { keyword: string; name: string; line: number; next?: { text: string; line: number } } | undefined {
  let open: { keyword: string; name: string; line: number } | undefined;
  let depth = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const start = BLOCK_START.exec(line);
    if (start && open && depth > 0) return { ...open, next: { text: line.trim(), line: index + 1 } };
    if (start) open = { keyword: start[1]!, name: start[2]!, line: index + 1 };
    // Braces in strings (`@default("{}")`) and comments are not the block's.
    const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/, '');
    depth += (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
    if (depth <= 0) [depth, open] = [0, undefined];
  }
  return open && depth > 0 ? open : undefined;
}

const DATASOURCE_START = /^[ \t]*datasource[ \t]+\w+[ \t]*\{/;

/** Where each `datasource` block starts: `file:line`. */
function datasourceLines(sources: SchemaSource[]): string[] {
  return sources.flatMap((source) =>
    source.text
      .split('\n')
      .flatMap((line, index) => (DATASOURCE_START.test(line) ? [`${source.name}:${index + 1}`] : [])),
  );
}

/**
 * A schema without a `datasource` (a README's, a file cut out of a project) is checked against no
 * database: a type or native type that only some databases have is refused as not supported by
 * "the current connector" or the "Default connector", which does not say that the block is missing.
 */
export function missingDatasourceHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  if (datasourceLines(sources).length) return undefined;
  const lines = errors
    .filter((error) => /\b(?:the current|default) connector\b/i.test(error.message))
    .map((error) => `${error.name}:${error.line}`);
  if (!lines.length) return undefined;
  return `the schema has no \`datasource\` block, so Prisma checks it against no database (${lines.join(', ')}): write the project's, \`datasource db { provider = "…" }\` (postgresql, mysql, sqlite, sqlserver, mongodb or cockroachdb), above its models`;
}

const ALREADY_DEFINED =
  /^The (?:generator|source) "\w+" cannot be defined because a (?:generator|source) with that name already exists/;

/**
 * A folder whose files each declare their datasource is separate schemas (a package's prisma/
 * folder holding `app.prisma` and `law.prisma`), not one multi-file schema, which declares its
 * datasource once: Prisma says only that the generator or source "already exists".
 */
export function separateSchemasHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  if (sources.length < 2 || !errors.some((error) => ALREADY_DEFINED.test(error.message))) return undefined;
  const datasources = datasourceLines(sources);
  const files = new Set(datasources.map((place) => place.replace(/:\d+$/, '')));
  if (files.size < 2) return undefined;
  const places = datasources.length > 2 ? datasources.join(', ') : datasources.join(' and ');
  return `the folder holds separate schemas, not one multi-file schema: ${places} each declare a datasource (a multi-file schema declares one); point docgen at one of the files, as the project's \`prisma --schema\` does`;
}

/**
 * An attribute formatted as a call in code would be, its arguments on the lines below it
 * (`author User @relation(` … `)`): Prisma's grammar keeps a field or a block attribute on one line,
 * so it reports each of those lines as "not a valid field or attribute definition", and never says
 * why. The hint names each such attribute with its lines, and writes the first one joined.
 */
export function multiLineAttributeHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  const found: Array<{ attribute: string; place: string; joined: string }> = [];
  for (const error of errors) {
    const lines = sources.find((source) => source.name === error.name)?.text.split('\n') ?? [];
    const attribute = /(@@?[\w.]+)\($/.exec(unclosedPrefix(lines[error.line - 1] ?? '') ?? '')?.[1];
    const continued = attribute && continuedLines(lines, error.line - 1);
    if (continued)
      found.push({
        attribute,
        place: `${error.name}:${error.line}-${error.line + continued.length - 1}`,
        joined: joinedLine(continued),
      });
  }
  if (!found.length) return undefined;
  const places = found.map((item) => `\`${item.attribute}(\` (${item.place})`).join(' and ');
  const [verb, which] = found.length > 1 ? ['are', 'each'] : ['is', 'it'];
  return `${places} ${verb} written over several lines: Prisma attributes must be on one line: join the lines of ${which}, as \`${found[0]!.joined}\``;
}

/** A line's code (strings blanked, its `//` comment cut) up to the first bracket it leaves open; undefined when it closes all. */
function unclosedPrefix(line: string): string | undefined {
  const code = codeOf(line);
  const open: number[] = [];
  for (const [at, char] of [...code].entries()) {
    if (char === '(' || char === '[') open.push(at);
    else if (char === ')' || char === ']') open.pop();
  }
  return open.length ? code.slice(0, open[0]! + 1) : undefined;
}

/** The lines from `start` to the one that closes its brackets (a few at most); undefined when none does. */
function continuedLines(lines: string[], start: number): string[] | undefined {
  let depth = 0;
  for (let at = start; at < Math.min(lines.length, start + 30); at += 1) {
    const code = codeOf(lines[at]!);
    depth += (code.match(/[([]/g)?.length ?? 0) - (code.match(/[)\]]/g)?.length ?? 0);
    if (depth <= 0) return lines.slice(start, at + 1);
  }
  return undefined;
}

/** `a(` `  b,` `)` → `a(b)`: the lines of one attribute as the one line Prisma reads. */
function joinedLine(lines: string[]): string {
  return lines
    .map((line) => line.trim())
    .reduce((joined, part) => (/[([]$/.test(joined) || /^[)\]]/.test(part) ? joined + part : `${joined} ${part}`))
    .replace(/,\s*([)\]])/g, '$1');
}

/** A line without its strings' text (a `(` in `"a(b"` is not the line's) and its `//` comment. */
function codeOf(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/, '');
}

/** A line that is only an ellipsis: what a README's or a ticket's excerpt writes for the lines it leaves out. */
const ELISION = /^[ \t]*(?:\.{3}|…)[ \t]*$/;

/**
 * A schema copied from an excerpt keeps its `...` lines, which Prisma reports as "not a valid field
 * or attribute definition", as it would a typo. The hint says what the line is.
 */
export function elisionHint(errors: ReportedError[], sources: SchemaSource[]): string | undefined {
  const lines = errors
    .filter((error) => {
      const source = sources.find((candidate) => candidate.name === error.name);
      return ELISION.test(source?.text.split('\n')[error.line - 1] ?? '');
    })
    .map((error) => `${error.name}:${error.line}`);
  if (!lines.length) return undefined;
  return `\`...\` (${lines.join(', ')}) stands for lines an excerpt left out: write the fields and attributes it stands for, or delete the line`;
}
