/**
 * What Prisma's parser leaves out of the DMMF, read from the schema's text: `Unsupported("…")`
 * fields, `@ignore`d fields and `@@ignore`d models. They are in the database (that is why
 * `prisma db pull` writes them), so the data-model reference shows them.
 *
 * Why the text, and not a second parse of the schema with `@@ignore` blanked out: `db pull`
 * ignores a table because it has no unique key, and a model without one fails Prisma's
 * validation ("Each model must have at least one unique criteria"), so the second parse would
 * fail for exactly the models it is meant for. The text is safe to read line by line because the
 * first parse has already validated it whole (ignored models included), and Prisma's grammar
 * keeps each field (`name Type @attributes`) and each block attribute (`@@name(arguments)`) on one
 * line. The extract test reads every model of the fixtures and the corpus this way and expects
 * exactly what Prisma's parser reports.
 */
import type { DataModel, Field, Index, KeyOptions } from './model.js';

/** A `model` / `view` block of one of the schema's files: its first line and the lines inside. */
export interface ModelBlock {
  name: string;
  keyword: string;
  file: string;
  /** 1-based line of `model Name {`; `body[i]` is line `line + 1 + i`. */
  line: number;
  /** The `///` lines just above the block, as Prisma joins them. */
  documentation?: string;
  body: string[];
}

export function modelBlocks(
  sources: Array<{ file: string; text: string }>,
  /** `type` for MongoDB's composite types. */
  keywords: string[] = ['model', 'view'],
): ModelBlock[] {
  const blocks: ModelBlock[] = [];
  const opening = new RegExp(`^\\s*(${keywords.join('|')})\\s+(\\w+)\\s*\\{`);
  for (const { file, text } of sources) {
    let current: ModelBlock | undefined;
    let docs: string[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
      const start = opening.exec(line);
      if (start) {
        const documentation = docs.length ? docs.join('\n') : undefined;
        blocks.push(
          (current = { name: start[2]!, keyword: start[1]!, file, line: index + 1, documentation, body: [] }),
        );
      } else if (current && /^\s*\}/.test(line)) current = undefined;
      else current?.body.push(line);
      // Prisma's rule: `///` lines document the block below them; a `//` comment between keeps
      // them attached, a blank line does not.
      if (current || !/^\s*\/\//.test(line)) docs = [];
      else if (/^\s*\/\/\//.test(line)) docs.push(docComment(line));
    });
  }
  return blocks;
}

/** Names the reader needs to tell a field's kind: models (and views), composite types, enums. */
export interface KnownNames {
  models: Set<string>;
  types: Set<string>;
  enums: Set<string>;
}

/** A line of a block the reader could not read (the page would be missing it). */
export interface UnreadLine {
  block: ModelBlock;
  line: number;
  text: string;
}

/**
 * Fields Prisma's parser leaves out of a model it reports — `Unsupported("…")` columns and
 * `@ignore`d fields — are put back where the schema writes them.
 */
export function addLeftOutFields(models: DataModel[], blocks: ModelBlock[], names: KnownNames): UnreadLine[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const unread: UnreadLine[] = [];
  for (const block of blocks) {
    const model = byName.get(block.name);
    if (!model) continue;
    let previous: string | undefined;
    for (const item of readBody(block, names, unread)) {
      if (item.field && !model.fields.some((known) => known.name === item.field!.name)) {
        const at = previous === undefined ? 0 : model.fields.findIndex((known) => known.name === previous) + 1;
        model.fields.splice(at, 0, item.field);
      }
      if (item.field) previous = item.field.name;
    }
  }
  // Only the lines of fields Prisma left out matter here: the others are on the page already.
  return unread.filter((line) => /\bUnsupported\(|@ignore\b/.test(line.text));
}

/**
 * `@@ignore`d models (Prisma's parser leaves them out entirely), read whole from their blocks and
 * put where they are declared: after the model declared before them.
 */
export function addIgnoredModels(models: DataModel[], blocks: ModelBlock[], names: KnownNames): UnreadLine[] {
  const unread: UnreadLine[] = [];
  blocks.forEach((block, index) => {
    if (models.some((model) => model.name === block.name) || !isIgnoredBlock(block)) return;
    const before = blocks
      .slice(0, index)
      .reverse()
      .map((previous) => models.findIndex((model) => model.name === previous.name))
      .find((at) => at >= 0);
    models.splice(before === undefined ? 0 : before + 1, 0, readModel(block, names, unread));
  });
  return unread;
}

/** The notice `prisma db pull` writes above a column it comments out (`// 1 String @map("1")`). */
const COMMENTED_OUT_NOTICE = /^This field was commented out because of an invalid name\b/;

/**
 * Columns `prisma db pull` commented out because their names are no valid Prisma names (`1`,
 * `2fa_enabled`), put back where the schema writes them, marked. Prisma's parser skips the `//`
 * line but not the `///` notice above it, which it gives to the next field as its description: the
 * notice (and any `///` line with it) is the column's, so it is taken off that field.
 */
export function addCommentedOutFields(models: DataModel[], blocks: ModelBlock[], names: KnownNames): void {
  const byName = new Map(models.map((model) => [model.name, model]));
  for (const block of blocks) {
    const model = byName.get(block.name);
    if (!model) continue;
    // `///` lines since the last field: Prisma gives them all to the next one. The first `claimed`
    // of them are the commented-out columns'.
    let docs: string[] = [];
    let claimed = 0;
    let previous: string | undefined;
    for (const line of block.body.map((text) => text.trim())) {
      if (line.startsWith('///')) docs.push(docComment(line));
      else if (line.startsWith('//')) {
        const own = docs.slice(claimed);
        const field = own.some((doc) => COMMENTED_OUT_NOTICE.test(doc))
          ? commentedOutField(line.slice(2).trim(), block.name, names)
          : undefined;
        if (!field) continue;
        field.commentedOut = true;
        const described = own.filter((doc) => !COMMENTED_OUT_NOTICE.test(doc));
        if (described.length) field.documentation = described.join('\n');
        const at = previous === undefined ? 0 : model.fields.findIndex((known) => known.name === previous) + 1;
        model.fields.splice(at, 0, field);
        previous = field.name;
        claimed = docs.length;
      } else if (line) {
        const next = /^\w+/.exec(line)?.[0];
        const known = model.fields.find((candidate) => candidate.name === next && !candidate.commentedOut);
        if (known && claimed) known.documentation = withoutLeadingLines(known.documentation, claimed);
        if (known) previous = known.name;
        docs = [];
        claimed = 0;
      }
    }
  }
}

/**
 * `1 String? @map("1")` → the field: its name is what the database calls it, which is why db pull
 * commented it out (`1`, `$zone`), so it is read apart from the rest of the line.
 */
function commentedOutField(line: string, model: string, names: KnownNames): Field | undefined {
  const [name, rest] = /^(\S+)(\s.*)$/s.exec(line)?.slice(1) ?? [];
  const field = name === undefined ? undefined : fieldOf(`field${rest}`, model, names, undefined);
  if (field) field.name = name!;
  return field;
}

/** `text` without its first `count` lines; undefined when nothing is left. */
function withoutLeadingLines(text: string | undefined, count: number): string | undefined {
  const rest = (text ?? '').split('\n').slice(count).join('\n');
  return rest.trim() ? rest : undefined;
}

/**
 * What the DMMF leaves out or rounds, from the schema's text: a foreign key's constraint name
 * (`@relation(…, map: "fk_…")`), SQL Server's default constraint's (`@default(now(), map: "DF_…")`),
 * a Decimal default's digits, a default's named arguments.
 */
export function addWrittenDetails(models: DataModel[], blocks: ModelBlock[], names: KnownNames): void {
  const byName = new Map(models.map((model) => [model.name, model]));
  for (const block of blocks) {
    const model = byName.get(block.name);
    if (!model) continue;
    for (const { field } of readBody(block, names, [])) {
      const known = field && model.fields.find((candidate) => candidate.name === field.name);
      if (!known) continue;
      if (field.relation?.map && known.relation) known.relation.map = field.relation.map;
      if (field.defaultName) known.defaultName = field.defaultName;
      // Prisma's parser gives a Decimal default as a float: `"12345678901234567890.123"` came back
      // 12345678901234567000, `0.50` as 0.5. The schema's digits are the default.
      if (known.type === 'Decimal' && field.default !== undefined) known.default = field.default;
      // A DateTime default comes back rewritten (`"…00.000Z"` as `"…00+00:00"`): the same instant,
      // but not the text a reader would search the schema for.
      if (known.type === 'DateTime' && /^[["]/.test(field.default ?? '')) known.default = field.default;
      // …and a call's named arguments (`sequence(maxValue: 100)` came back `sequence()`).
      if (field.default && NAMED_ARGUMENTS_CALL.test(field.default)) known.default = field.default;
    }
  }
}

/** A model read whole from its block, as Prisma's DMMF would give it (the tests hold the two to that). */
export function readModel(block: ModelBlock, names: KnownNames, unread: UnreadLine[] = []): DataModel {
  const model: DataModel = {
    name: block.name,
    kind: block.keyword === 'view' ? 'view' : 'model',
    documentation: block.documentation,
    fields: [],
    indexes: [],
    defined: { file: block.file, line: block.line },
  };
  if (isIgnoredBlock(block)) model.ignored = true;
  for (const { field, attribute, primaryKeyName } of readBody(block, names, unread)) {
    if (primaryKeyName) model.primaryKeyName = primaryKeyName;
    if (field) model.fields.push(field);
    else if (attribute) applyBlockAttribute(model, attribute);
  }
  // As Prisma's DMMF has them, so the page reads the same as it would without @@ignore: the
  // indexes, then the unique constraints, then the full-text indexes; a field alone in a
  // @@unique is unique.
  model.indexes.sort((a, b) => INDEX_ORDER[a.kind] - INDEX_ORDER[b.kind]);
  for (const index of model.indexes)
    if (index.kind === 'unique' && index.fields.length === 1)
      model.fields.filter((field) => field.name === index.fields[0]).forEach((field) => (field.isUnique = true));
  // …and a field alone in the @@id is the id field (the page names the key's constraint on it).
  if (model.primaryKey?.length === 1)
    model.fields.filter((field) => field.name === model.primaryKey![0]).forEach((field) => (field.isId = true));
  return model;
}

function isIgnoredBlock(block: ModelBlock): boolean {
  return block.body.some((line) => /^\s*@@ignore\b/.test(line));
}

/** Each line of a block body as a field or a block attribute; blank lines and comments are skipped. */
function readBody(
  block: ModelBlock,
  names: KnownNames,
  unread: UnreadLine[],
): Array<{ field?: Field; attribute?: Attribute; primaryKeyName?: string }> {
  const read: Array<{ field?: Field; attribute?: Attribute; primaryKeyName?: string }> = [];
  let docs: string[] = [];
  block.body.forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed.startsWith('///')) return void docs.push(docComment(trimmed));
    // Inside a block, blank lines and `//` comments keep `///` lines attached to the field below.
    if (!trimmed || trimmed.startsWith('//')) return;
    const above = docs.length ? docs.join('\n') : undefined;
    docs = [];
    const attributes = trimmed.startsWith('@@') ? attributesOf(trimmed) : undefined;
    const key: { primaryKeyName?: string } = {};
    const field = attributes ? undefined : fieldOf(trimmed, block.name, names, above, key);
    if (attributes?.attributes.length === 1) read.push({ attribute: attributes.attributes[0] });
    else if (field) read.push({ field, ...key });
    else unread.push({ block, line: block.line + 1 + index, text: trimmed });
  });
  return read;
}

/** `/// Text` → `Text`: Prisma drops the slashes and the spaces after them. */
function docComment(line: string): string {
  return line.trim().slice(3).trimStart();
}

/** `name Type? @attr(…) /// doc` → the field; undefined when the line is not one. */
function fieldOf(
  line: string,
  model: string,
  names: KnownNames,
  above: string | undefined,
  /** Set to `@id(map: …)`'s name: the model's primary key constraint. */
  key: { primaryKeyName?: string } = {},
): Field | undefined {
  const match = /^(\w+)\s+(Unsupported\("(?:[^"\\]|\\.)*"\)|\w+)(\?|\[\])?(?=\s|$|\/\/)(.*)$/.exec(line);
  if (!match) return undefined;
  const [, name, type, suffix, rest] = match as unknown as [string, string, string, string | undefined, string];
  const parsed = attributesOf(rest);
  if (!parsed) return undefined;
  const attribute = (wanted: string) => parsed.attributes.find((item) => item.name === wanted);
  // A native type is the one field attribute with a dot: `@db.VarChar(50)`, `@database.Uuid` (the
  // datasource's name, whatever it is).
  const native = parsed.attributes.find((item) => item.name.includes('.'));
  const kind = type.startsWith('Unsupported(')
    ? 'unsupported'
    : names.enums.has(type)
      ? 'enum'
      : names.models.has(type) || names.types.has(type)
        ? 'object'
        : 'scalar';
  const relation = attribute('relation');
  const field: Field = {
    name,
    kind,
    type,
    isList: suffix === '[]',
    isRequired: suffix !== '?',
    isId: Boolean(attribute('id')),
    // `@id @unique` is unique too: the database has that index besides the primary key.
    isUnique: Boolean(attribute('unique')),
    uniqueName: text(attribute('unique')?.named.get('map')),
    idOptions: writtenKeyOptions(attribute('id')),
    uniqueOptions: writtenKeyOptions(attribute('unique')),
    isUpdatedAt: Boolean(attribute('updatedAt')),
    default: writtenDefault(argument(attribute('default'), 'value'), type),
    defaultName: text(attribute('default')?.named.get('map')),
    dbName: text(argument(attribute('map'), 'name')),
    nativeType: native ? `@${native.name}${native.args ? `(${splitTop(native.args).join(', ')})` : ''}` : undefined,
    documentation: [above, parsed.comment].filter((part) => part !== undefined).join('\n') || undefined,
    relation:
      kind === 'object' && names.models.has(type)
        ? {
            // Prisma names an unnamed relation after its two models, sorted: `audit_logTousers`.
            name: text(argument(relation, 'name')) ?? [model, type].sort().join('To'),
            fields: list(relation?.named.get('fields')),
            references: list(relation?.named.get('references')),
            onDelete: relation?.named.get('onDelete'),
            onUpdate: relation?.named.get('onUpdate'),
            map: text(relation?.named.get('map')),
          }
        : undefined,
  };
  if (attribute('ignore')) field.ignored = true;
  const primaryKeyName = text(attribute('id')?.named.get('map'));
  if (primaryKeyName) key.primaryKeyName = primaryKeyName;
  return field;
}

/**
 * A default as the page shows it: as written, but a Decimal or BigInt written as a string
 * (`@default("1.50")`) without its quotes, as one written as a number is.
 */
function writtenDefault(written: string | undefined, type: string): string | undefined {
  return NUMERIC_TYPES.has(type) && written?.startsWith('"') ? text(written) : written;
}

const NUMERIC_TYPES = new Set(['Decimal', 'BigInt']);

/** A default calling a function with a named argument: CockroachDB's `sequence(maxValue: 100, start: 5)`. */
const NAMED_ARGUMENTS_CALL = /^\w+\((?:\s*\w+\s*:|.*,\s*\w+\s*:)/s;

/** `@@map`, `@@schema`, `@@id`, `@@unique`, `@@index`, `@@fulltext` onto the model (`@@ignore` is known). */
function applyBlockAttribute(model: DataModel, attribute: Attribute): void {
  const fields = () => list(argument(attribute, 'fields'));
  if (attribute.name === '@map') model.dbName = text(argument(attribute, 'name'));
  else if (attribute.name === '@schema') model.schema = text(argument(attribute, 'name'));
  else if (attribute.name === '@id') {
    model.primaryKey = fields().map((item) => /^\w+/.exec(item)?.[0] ?? item);
    const name = text(attribute.named.get('map'));
    if (name) model.primaryKeyName = name;
    const clustered = clusteredOf(attribute);
    if (clustered !== undefined) model.primaryKeyClustered = clustered;
    const written = fields().map(indexField);
    if (written.some((item, at) => item !== model.primaryKey![at])) model.primaryKeyFields = written;
  } else if (INDEX_KINDS[attribute.name]) model.indexes.push(blockIndex(INDEX_KINDS[attribute.name]!, attribute));
}

const INDEX_KINDS: Record<string, Index['kind']> = { '@unique': 'unique', '@index': 'index', '@fulltext': 'fulltext' };
const INDEX_ORDER: Record<Index['kind'], number> = { index: 0, id: 0, unique: 1, fulltext: 2 };

function blockIndex(kind: Index['kind'], attribute: Attribute): Index {
  const index: Index = {
    kind,
    fields: list(argument(attribute, 'fields')).map(indexField),
    name: text(attribute.named.get('name') ?? attribute.named.get('map')),
  };
  // `name:` is Prisma Client's name for a compound unique; `map:` the database's.
  const dbName = attribute.named.has('name') ? text(attribute.named.get('map')) : undefined;
  if (dbName && dbName !== index.name) index.dbName = dbName;
  const algorithm = attribute.named.get('type');
  if (algorithm) index.algorithm = algorithm;
  const clustered = clusteredOf(attribute);
  if (clustered !== undefined) index.clustered = clustered;
  return index;
}

/** `clustered: true` / `false` as written (SQL Server); undefined when the attribute does not say. */
function clusteredOf(attribute: Attribute): boolean | undefined {
  const clustered = attribute.named.get('clustered');
  return clustered === 'true' || clustered === 'false' ? clustered === 'true' : undefined;
}

/** What a field's `@id(…)` / `@unique(…)` writes of its index: `clustered:`, `sort: Desc`, `length:`. */
function writtenKeyOptions(attribute: Attribute | undefined): KeyOptions | undefined {
  return (
    attribute &&
    keyOptions(clusteredOf(attribute), attribute.named.get('sort') === 'Desc', Number(attribute.named.get('length')))
  );
}

/** Key options as the model holds them: only what is said, undefined when nothing is. */
export function keyOptions(
  clustered: boolean | undefined,
  descending: boolean,
  length: number,
): KeyOptions | undefined {
  const options: KeyOptions = {
    ...(clustered !== undefined && { clustered }),
    ...(descending && { descending }),
    ...(length > 0 && { length }),
  };
  return Object.keys(options).length ? options : undefined;
}

/**
 * `title(length: 10, sort: Desc)` → `title(length: 10) DESC`, as the DMMF-read indexes are shown;
 * a composite type's field by its path too (MongoDB: `address.city(sort: Desc)`).
 */
function indexField(item: string): string {
  const match = /^(\w+(?:\.\w+)*)\s*(?:\((.*)\))?$/s.exec(item.trim());
  if (!match) return item.trim();
  const options = parseArguments(match[2] ?? '').named;
  const length = options.get('length') ? `(length: ${options.get('length')})` : '';
  const order = options.get('sort') === 'Desc' ? ' DESC' : '';
  // `ops: raw("gin_trgm_ops")` is shown as the DMMF gives it: `gin_trgm_ops`.
  const operatorClass = options.get('ops')?.replace(/^raw\((".*")\)$/s, (_all, name: string) => text(name) ?? name);
  const ops = operatorClass ? ` (ops: ${operatorClass})` : '';
  return `${match[1]}${length}${order}${ops}`;
}

/** An attribute as written: `default` with `now()`, `db.VarChar` with `50`, `@map` (block) with `"t"`. */
interface Attribute {
  /** Without the first `@`: `id`, `db.VarChar`; a block attribute keeps its second: `@map`. */
  name: string;
  /** What is between the parentheses, as written. */
  args?: string;
  positional: string[];
  named: Map<string, string>;
}

/** The attributes of the rest of a line, and its trailing `///` comment; undefined if it is not all attributes. */
function attributesOf(rest: string): { attributes: Attribute[]; comment?: string } | undefined {
  const attributes: Attribute[] = [];
  let at = 0;
  while (at < rest.length) {
    if (/\s/.test(rest[at]!)) at += 1;
    else if (rest.startsWith('///', at)) return { attributes, comment: docComment(rest.slice(at)) };
    else if (rest.startsWith('//', at)) return { attributes };
    else {
      const name = /^@(@?[\w.]+)/.exec(rest.slice(at));
      if (!name) return undefined;
      at += name[0].length;
      let args: string | undefined;
      if (rest[at] === '(') {
        const end = closing(rest, at);
        if (end < 0) return undefined;
        args = rest.slice(at + 1, end);
        at = end + 1;
      }
      attributes.push({ name: name[1]!, args, ...parseArguments(args ?? '') });
    }
  }
  return { attributes };
}

/** Index of the bracket closing the one at `open`, skipping strings; -1 when it is not closed on the line. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"') at = stringEnd(text, at);
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char) && --depth === 0) return at;
  }
  return -1;
}

function stringEnd(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === '"') return at;
  }
  return text.length;
}

/** `a, b(x, y), "c, d"` → its top-level items. */
function splitTop(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"') at = stringEnd(text, at);
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (char === ',' && depth === 0) {
      items.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  if (text.slice(start).trim()) items.push(text.slice(start).trim());
  return items;
}

function parseArguments(args: string): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const item of splitTop(args)) {
    const pair = /^(\w+)\s*:\s*(.*)$/s.exec(item);
    if (pair) named.set(pair[1]!, pair[2]!.trim());
    else positional.push(item);
  }
  return { positional, named };
}

/** The first positional argument, or the named one Prisma also accepts (`@map(name: "x")`). */
function argument(attribute: Attribute | undefined, name: string): string | undefined {
  return attribute && (attribute.positional[0] ?? attribute.named.get(name));
}

/** `"users"` → `users`. */
function text(literal: string | undefined): string | undefined {
  if (literal === undefined || !literal.startsWith('"')) return undefined;
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** `[a, b]` → `['a', 'b']`; a single field may be written bare (`@@index(userId)`). */
function list(literal: string | undefined): string[] {
  if (!literal) return [];
  return literal.startsWith('[') ? splitTop(literal.slice(1, -1)) : [literal];
}
