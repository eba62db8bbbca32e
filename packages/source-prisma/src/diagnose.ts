/**
 * What a schema Prisma's parser rejected is, when its errors alone would not tell the reader:
 * a Prisma Next contract (another language in a `.prisma` file), or relations whose cascades the
 * database cannot run (SQL Server's "multiple cascade paths"). Read from the schema's text, only
 * after the parse failed, so a valid schema never pays for it.
 */
import { basename } from 'node:path';

/** A schema file as the parse saw it: its path, its name in the parse, its text. */
export interface SchemaSource {
  file: string;
  name: string;
  text: string;
}

/** Where a file first shows it is written in another language: the line and what is on it. */
export interface ForeignSign {
  file: string;
  line: number;
  what: string;
}

/**
 * Prisma Next's contract language (`contract.prisma`) looks like Prisma ORM's schema language and
 * uses the same extension, but has constructs Prisma ORM has not: Prisma's parser reports each of
 * them as an invalid line, and never says the file is something else.
 */
const PRISMA_NEXT_SIGNS: Array<[RegExp, string]> = [
  [/^\s*\/\/\s*use prisma-next\b/, 'its `// use prisma-next` header'],
  [/^\s*namespace\s+\w+\s*\{/, 'a `namespace` block'],
  [/^\s*types\s*\{/, 'a `types { … }` block of type aliases'],
  [/^\s*@@(?:base|discriminator)\s*\(/, 'model inheritance (`@@base`, `@@discriminator`)'],
  [/@relation\([^)]*\bfrom\s*:/, 'a relation written `@relation(from: …, to: …)`'],
  [/^\s*policy_\w+\s+\w+\s*\{/, 'a row-level security policy block'],
];

/** The first line, in the files' order, written in Prisma Next's contract language; undefined when none is. */
export function prismaNextSign(sources: SchemaSource[]): ForeignSign | undefined {
  for (const { file, text } of sources) {
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      const sign = PRISMA_NEXT_SIGNS.find(([pattern]) => pattern.test(line));
      if (sign) return { file, line: index + 1, what: sign[1] };
    }
  }
  return undefined;
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
