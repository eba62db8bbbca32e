/**
 * A Prisma schema (one file, or a folder of `.prisma` files) → PrismaModel, through Prisma's own
 * parser and validator: `get_datamodel` of `@prisma/prisma-schema-wasm`, the WebAssembly build of
 * Prisma's schema engine whose `get_dmmf` `@prisma/internals`' `getDMMF` wraps. Used directly, it
 * needs no engine binaries and no install script, and it loads in ~50 ms instead of ~400 ms. It is
 * loaded here, on first use, so no other command pays for it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DocgenError, fixOptionHint, withPathMeant, type Diagnostic, type OptionOrigin } from '@docgen/core';
import {
  byteOrderMarkHint,
  cascadeHint,
  cascadeRelations,
  commentAttributeHint,
  conflictMarkerHint,
  elisionHint,
  multiLineAttributeHint,
  enumDefaultHint,
  foreignSchemaHint,
  foreignSign,
  fulltextHint,
  missingDatasourceHint,
  providerListHint,
  separateSchemasHint,
  unknownAttributeHint,
  unclosedBlockHint,
  unknownTypeHint,
  type SchemaSource,
} from './diagnose.js';
import { readDocumentation } from './directives.js';
import type { DataModel, Defined, EnumModel, Field, Index, KeyOptions, PrismaModel, Relation } from './model.js';
import {
  addCommentedOutFields,
  addWrittenDetails,
  addIgnoredModels,
  addLeftOutFields,
  keyOptions,
  modelBlocks,
  type KnownNames,
  type UnreadLine,
} from './text.js';

/** The parts of Prisma's DMMF this plugin reads (`@prisma/dmmf`, stable since Prisma 5). */
interface DmmfField {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  dbName?: string | null;
  nativeType?: [string, string[]] | null;
  documentation?: string;
  relationName?: string | null;
  relationFromFields?: string[] | null;
  relationToFields?: string[] | null;
  relationOnDelete?: string | null;
  relationOnUpdate?: string | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  documentation?: string;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueIndexes?: Array<{ name: string | null; fields: string[] }>;
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string | null;
  dbName?: string | null;
  algorithm?: string;
  clustered?: boolean;
  fields: Array<{ name: string; sortOrder?: string; length?: number; operatorClass?: string }>;
}
/** The DMMF's `datamodel`: what `get_datamodel` gives. */
interface DmmfDatamodel {
  models: DmmfModel[];
  views?: DmmfModel[];
  types?: DmmfModel[];
  enums: Array<{
    name: string;
    dbName?: string | null;
    documentation?: string;
    values: Array<{ name: string; dbName: string | null; documentation?: string }>;
  }>;
  indexes?: DmmfIndex[];
}
/**
 * `get_datamodel(JSON.stringify({ prismaSchema: [[file name, text], …] }))` → the DMMF's datamodel
 * as JSON, validated as `get_dmmf` validates it; throws the same JSON error report. Not `get_dmmf`:
 * that also writes Prisma Client's whole query schema, 55 MB of JSON for 150 models (2.5 s, and
 * 0.9 s to parse), of which this plugin reads nothing; the datamodel alone is 0.4 MB (0.1 s).
 */
type GetDatamodel = (params: string) => string;

export interface ExtractPrismaOptions {
  /** Where the schema was named (the config file), for "not found" errors. */
  location?: Diagnostic['location'];
  /** Where the schema was given (`--prisma`, or the config key and line), for the hints of those errors. */
  origin?: OptionOrigin;
  /** What the schema holds that the pages cannot show (a line of an `@@ignore`d model docgen could not read). */
  report?: (diagnostic: Diagnostic) => void;
}

/** The schema's files: the file itself, or every `.prisma` file under the folder (sorted). */
export function schemaFiles(path: string, options: ExtractPrismaOptions = {}): string[] {
  const location = options.origin ? options.origin.location : options.location;
  if (!existsSync(path))
    throw new DocgenError({
      code: 'DG_PRISMA_NOT_FOUND',
      message: `Prisma schema not found: ${path}`,
      location,
      hint: withPathMeant(
        fixOptionHint(options.origin, 'schema', 'a schema.prisma file or a folder of .prisma files'),
        path,
        options.origin,
      ),
    });
  if (!statSync(path).isDirectory()) return [path];
  const found = prismaFilesUnder(path).sort();
  const copies = schemaCopies(path, found);
  const files = found.filter((file) => !copies.includes(file));
  if (!files.length)
    throw new DocgenError({
      code: 'DG_PRISMA_NOT_FOUND',
      message: `no .prisma files in ${path}`,
      location,
      hint: copies.length
        ? `${relative(path, copies[0]!)} is a copy of the schema a build or Prisma Client made, left out: to read it, ${fixOptionHint(options.origin, 'schema', relative(optionBase(options.origin), copies[0]!))}`
        : `a multi-file schema is a folder of .prisma files: ${fixOptionHint(options.origin, 'schema', 'that folder, or the schema file itself')}`,
    });
  return files;
}

/**
 * Folders under the one given that hold copies of the schema, not its source: a build's output,
 * which may copy the generated client and its schema (`dist/generated/prisma`). (Dependencies and
 * hidden folders, `node_modules/.prisma/client`, `.next`, are not even listed: `prismaFilesUnder`.)
 */
const COPY_FOLDER = /^(?:dist|build|out)$/;

/**
 * The `.prisma` files found under `root` that are copies of a schema: in a build's folder, in the
 * folder a generator of the schema writes its client to, or beside a client a generator wrote
 * elsewhere (its `index.d.ts`). Read with the schema, a copy declares every block twice.
 */
function schemaCopies(root: string, found: string[]): string[] {
  const outputs = generatorOutputs(found);
  return found.filter(
    (file) =>
      relative(root, dirname(file))
        .split(/[\\/]/)
        .some((folder) => COPY_FOLDER.test(folder)) ||
      outputs.some((output) => file.startsWith(output)) ||
      existsSync(join(dirname(file), 'index.d.ts')),
  );
}

const GENERATOR_OUTPUT = /^[ \t]*output[ \t]*=[ \t]*"([^"]+)"/m;
const GENERATOR_BLOCK = /^[ \t]*generator[ \t]+\w+[ \t]*\{([^}]*)\}/gm;

/**
 * The folders the schema's generators write to (`output`, relative to the file declaring it), each
 * ending with the path separator: prisma-client-js copies the schema into its output, and a copy
 * read with the schema declares every block twice.
 */
function generatorOutputs(files: string[]): string[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(GENERATOR_BLOCK)].flatMap(([, body]) => {
      const output = GENERATOR_OUTPUT.exec(body!)?.[1];
      return output ? [join(resolve(dirname(file), output), '/')] : [];
    }),
  );
}

export async function extractPrisma(path: string, options: ExtractPrismaOptions = {}): Promise<PrismaModel> {
  const files = schemaFiles(path, options);
  const root = files.length === 1 && files[0] === path ? undefined : path;
  const sources = files.map((file) => ({
    file,
    name: root ? relative(root, file) : basename(file),
    text: readFileSync(file, 'utf8'),
  }));
  if (!root) assertLooksLikePrisma(sources[0]!.file, sources[0]!.text, options.origin);
  for (const source of sources) assertNotPrisma1(source.file, source.text);
  const getDatamodel = loadGetDatamodel();
  const datamodel = sources.map(({ name, text }) => [name, withoutConnectionUrls(text)] as [string, string]);
  let dmmf: DmmfDatamodel | undefined;
  const viewKeys: ViewKey[] = [];
  for (let attempt = 0; !dmmf; attempt += 1) {
    try {
      dmmf = JSON.parse(getDatamodel(JSON.stringify({ prismaSchema: datamodel }))) as DmmfDatamodel;
    } catch (error) {
      // A preview feature this parser does not know (retired, or newer than it) changes Prisma
      // Client, not the schema's models: drop it and parse again.
      const unknown = /preview feature \\?"(\w+)\\?" is not known/.exec(
        error instanceof Error ? error.message : String(error),
      );
      const retried =
        attempt <= 16 &&
        (unknown
          ? dropPreviewFeature(datamodel, unknown[1]!)
          : viewKeysAsUnique(datamodel, error, viewKeys) || viewUniqueNamesDropped(datamodel, error));
      if (!retried)
        throw foreignSchemaError(error, sources, options.origin) ?? schemaError(error, sources, options.origin);
    }
  }
  const declarations = declarationLines(sources);
  const where = (name: string): Defined => {
    const found = declarations.get(name);
    return found ? { file: found.file, line: found.line } : { file: sources[0]!.file };
  };
  const indexes = dmmf.indexes ?? [];
  // Prisma 7 lists views among the models: the keyword they are declared with tells them apart.
  const kindOf = (name: string): DataModel['kind'] => (declarations.get(name)?.keyword === 'view' ? 'view' : 'model');
  const models = [
    ...dmmf.models.map((model) => toModel(model, kindOf(model.name), where(model.name), indexes)),
    ...(dmmf.views ?? []).map((view) => toModel(view, 'view', where(view.name), indexes)),
    ...(dmmf.types ?? []).map((type) => toModel(type, 'type', where(type.name), indexes)),
  ];
  nativeTypesAsWritten(models, datasourceName(sources));
  // The schema's text, read once for what Prisma's parser leaves out: Unsupported and @ignore'd
  // fields, @@ignore'd models.
  const blocks = modelBlocks(sources);
  const names: KnownNames = {
    models: new Set(blocks.map((block) => block.name)),
    types: new Set([...declarations].filter(([, found]) => found.keyword === 'type').map(([name]) => name)),
    enums: new Set(dmmf.enums.map((item) => item.name)),
  };
  restoreViewKeys(models, viewKeys, sources, declarations);
  const unread = [...addLeftOutFields(models, blocks, names), ...addIgnoredModels(models, blocks, names)];
  addCommentedOutFields(models, [...blocks, ...modelBlocks(sources, ['type'])], names);
  addWrittenDetails(models, blocks, names);
  reportUnread(unread, options);
  if (!models.length) reportNoModels(path, sources, dmmf.enums.length, options);
  withoutDirectives(models);
  const schemas = enumSchemas(sources);
  const enums: EnumModel[] = dmmf.enums.map((item) => {
    // `db pull`'s notice above an enum (its type has a comment in the database) is a note, as on a model.
    const about = readDocumentation(item.documentation);
    return {
      name: item.name,
      dbName: item.dbName ?? undefined,
      schema: schemas.get(item.name),
      documentation: about.text,
      values: item.values.map((value) => ({
        name: value.name,
        dbName: value.dbName ?? undefined,
        documentation: readDocumentation(value.documentation).text,
      })),
      defined: where(item.name),
      ...(about.setupNotices ? { setupNotices: about.setupNotices } : {}),
    };
  });
  // `referentialIntegrity` is its name before Prisma 4.8 (PlanetScale's schemas of that time).
  const relationMode = datasourceSetting(sources, 'relationMode') ?? datasourceSetting(sources, 'referentialIntegrity');
  const provider = datasourceSetting(sources, 'provider');
  return {
    path,
    provider,
    ...(relationMode ? { relationMode } : {}),
    models,
    enums,
    relations: relationsOf(models, relationMode === 'prisma' ? 'emulated' : provider),
  };
}

/** Code generators' directives in `///` comments (`@zod…`, `@HideField()`, `[JsonType]`) are not the description: they go, in place; what they say about the field (or model) stays, as its notes. */
export function withoutDirectives(models: DataModel[]): void {
  for (const model of models) {
    const about = readDocumentation(model.documentation);
    model.documentation = about.text;
    if (about.graphqlHidden) model.graphqlHidden = about.graphqlHidden;
    if (about.graphqlName) model.graphqlName = about.graphqlName;
    if (about.generatorHidden) model.generatorHidden = true;
    if (about.setupNotices) model.setupNotices = about.setupNotices;
    if (about.deprecated) model.deprecated = true;
    for (const field of model.fields) {
      const read = readDocumentation(field.documentation);
      field.documentation = read.text;
      if (read.jsonType) field.jsonType = read.jsonType;
      if (read.deprecated) field.deprecated = true;
      if (read.graphqlHidden) field.graphqlHidden = read.graphqlHidden;
      if (read.graphqlName) field.graphqlName = read.graphqlName;
      if (read.setupNotices) field.setupNotices = read.setupNotices;
    }
  }
}

/** `7.10`: the Prisma release whose schema rules the parser applies. */
function parserVersion(): string {
  const { version } = createRequire(import.meta.url)('@prisma/prisma-schema-wasm/package.json') as { version: string };
  return /^\d+\.\d+/.exec(version)?.[0] ?? version;
}

function loadGetDatamodel(): GetDatamodel {
  return (createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as { get_datamodel: GetDatamodel })
    .get_datamodel;
}

/**
 * Connection URLs are irrelevant to documentation, and the two Prisma eras disagree on them:
 * Prisma 7 rejects `url` in the datasource block (it moved to prisma.config.ts), Prisma 6 required
 * it. Blanking those lines (keeping the line count, so errors still point at the right line) lets
 * schemas of both eras parse.
 */
export function withoutConnectionUrls(text: string): string {
  let inDatasource = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*datasource\s+\w+\s*\{/.test(line)) inDatasource = true;
      else if (inDatasource && /^\s*\}/.test(line)) inDatasource = false;
      else if (inDatasource && /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/.test(line)) return '';
      return line;
    })
    .join('\n');
}

/** Remove `feature` from the generator's `previewFeatures` list, in place; false when it is not there. */
function dropPreviewFeature(datamodel: Array<[string, string]>, feature: string): boolean {
  const list = /(previewFeatures\s*=\s*\[)([^\]]*)(\])/;
  for (const entry of datamodel) {
    const dropped = entry[1].replace(list, (_all, open: string, items: string, close: string) => {
      // Newlines stay where they were, so errors still point at the right line.
      const kept = items.split(',').filter((item) => item.trim() !== `"${feature}"`);
      return `${open}${kept.join(',')}${close}`;
    });
    if (dropped !== entry[1]) {
      entry[1] = dropped;
      return true;
    }
  }
  return false;
}

/**
 * A view's `@id` or `@@id` line that today's parser rejects, rewritten to `@unique` / `@@unique`
 * for it: the file (its name in the parse), the 1-based line, and whether `@unique` was there already.
 */
interface ViewKey {
  name: string;
  line: number;
  compound: boolean;
  wasUnique: boolean;
}

/**
 * Prisma before 6.13 let a view name its identifier with `@id` or `@@id`; 6.13 rejects it ("Views
 * cannot have primary keys"), so a schema its own project validates would stop the run. Each line
 * Prisma names is rewritten in place (`@id` → `@unique`, `@@id(` → `@@unique(`, the line count
 * kept) and the schema parsed again; `restoreViewKeys` then puts the key back on the page, as the
 * schema writes it. False when the error is another one.
 */
function viewKeysAsUnique(datamodel: Array<[string, string]>, error: unknown, keys: ViewKey[]): boolean {
  const rejected = reportedErrors(error).filter((found) => /Views cannot have primary keys/.test(found.message));
  let rewritten = false;
  for (const { name, line } of rejected) {
    const entry = datamodel.find(([candidate]) => candidate === name);
    const lines = entry?.[1].split('\n');
    const text = lines?.[line - 1];
    if (!entry || !lines || text === undefined) continue;
    const compound = /^\s*@@id\b/.test(text);
    // `@id @unique` keeps its `@unique` only: a second one would be an error of its own.
    const wasUnique = !compound && /(?<!@)@unique\b/.test(text);
    const replaced = compound
      ? text.replace(/@@id\b/, '@@unique')
      : text.replace(/(?<!@)@id\b/, wasUnique ? '' : '@unique');
    if (replaced === text) continue;
    keys.push({ name, line, compound, wasUnique });
    lines[line - 1] = replaced;
    entry[1] = lines.join('\n');
    rewritten = true;
  }
  return rewritten;
}

/**
 * Prisma 5 let a view's `@@unique` / `@unique` name its index (`map: "v_report_unique"`, as `db pull`
 * wrote for SQL Server views); Prisma 7 rejects it: a view's unique key is not backed by an index in
 * the database, so the name names nothing there. Each line Prisma names loses its `map:` argument
 * (the line count kept) and the schema is parsed again: the key stays, as the schema writes it.
 * False when the error is another one.
 */
function viewUniqueNamesDropped(datamodel: Array<[string, string]>, error: unknown): boolean {
  const rejected = reportedErrors(error).filter((found) =>
    /annotations on views are not backed by unique indexes in the database and cannot specify a mapped database name/.test(
      found.message,
    ),
  );
  let rewritten = false;
  for (const { name, line } of rejected) {
    const entry = datamodel.find(([candidate]) => candidate === name);
    const lines = entry?.[1].split('\n');
    const text = lines?.[line - 1];
    if (!entry || !lines || text === undefined) continue;
    const replaced = text
      .replace(/(@@?unique\()\s*map:\s*"[^"]*"\s*\)/, (_whole, open: string) => open.slice(0, -1))
      .replace(/,\s*map:\s*"[^"]*"/, '');
    if (replaced === text) continue;
    lines[line - 1] = replaced;
    entry[1] = lines.join('\n');
    rewritten = true;
  }
  return rewritten;
}

/** The view keys `viewKeysAsUnique` rewrote, back on their views: `@id` a primary key field, `@@id` the primary key. */
function restoreViewKeys(
  models: DataModel[],
  keys: ViewKey[],
  sources: Array<{ file: string; name: string; text: string }>,
  declarations: Map<string, Defined & { keyword: string }>,
): void {
  for (const key of keys) {
    const source = sources.find((candidate) => candidate.name === key.name);
    if (!source) continue;
    // The view is the last declaration in that file above the line.
    const view = models
      .filter((item) => item.kind === 'view' && item.defined.file === source.file)
      .filter((item) => (declarations.get(item.name)?.line ?? Infinity) < key.line)
      .sort((a, b) => (declarations.get(b.name)?.line ?? 0) - (declarations.get(a.name)?.line ?? 0))[0];
    const text = source.text.split('\n')[key.line - 1] ?? '';
    if (!view) continue;
    if (key.compound) {
      const fields = (/@@id\(\s*(?:fields:\s*)?\[([^\]]*)\]/.exec(text)?.[1] ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      view.primaryKey = fields;
      view.indexes = view.indexes.filter(
        (index) => !(index.kind === 'unique' && index.fields.join(',') === fields.join(',')),
      );
    } else {
      const field = view.fields.find((candidate) => candidate.name === /^\s*(\w+)/.exec(text)?.[1]);
      if (field) {
        field.isId = true;
        field.isUnique = key.wasUnique;
      }
    }
  }
}

/** Prisma's validation report → its errors: message, file (its name in the parse) and line. */
function reportedErrors(error: unknown): Array<{ message: string; name: string; line: number }> {
  return [...reportText(error).matchAll(/error: (.+)\n\s*-->\s+(.+?):(\d+)/g)].map((match) => ({
    message: match[1]!.trim(),
    name: match[2]!,
    line: Number(match[3]),
  }));
}

/** The engine reports `{"error_code":"P1012","message":"…"}`, coloured for terminals: the message, without the escapes. */
function reportText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let report = raw;
  try {
    report = (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    // not JSON: the text as it is
  }
  // eslint-disable-next-line no-control-regex
  return report.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A block Prisma schemas are made of, at a line's start: what a file without one is not. */
const PRISMA_BLOCK = /^[ \t]*(?:model|datasource|generator|enum|view|type)[ \t]+\w+[ \t]*\{/m;

/**
 * Fail once, up front, on a file that is plainly something else (an OpenAPI spec named where the
 * schema goes): Prisma's parser would report every one of its lines as invalid. A schema under
 * another extension is still read, as long as it has a block.
 */
function assertLooksLikePrisma(file: string, text: string, origin?: OptionOrigin): void {
  if (file.endsWith('.prisma') || PRISMA_BLOCK.test(text)) return;
  const what = whatItLooksLike(file, text);
  throw new DocgenError({
    code: 'DG_PRISMA_NOT_A_SCHEMA',
    message: `${basename(file)} is not a Prisma schema: it looks like ${what}, and has no model, enum, datasource or generator block`,
    location: { file },
    hint: notASchemaHint(file, what, text, origin),
  });
}

/** What to pass instead of a file that is not a schema, from what it is: the schema a Prisma config names, say. */
function notASchemaHint(file: string, what: string, text: string, origin?: OptionOrigin): string {
  const schemaFile = 'the Prisma schema (schema.prisma, or a folder of .prisma files)';
  if (/OpenAPI|Swagger/.test(what))
    return `${fixOptionHint(origin, 'schema', schemaFile)}; render an OpenAPI spec with \`docgen api --openapi <file>\``;
  if (what === CONFIG_FILE) {
    // `schema: 'prisma/schema.prisma'` in defineConfig({ … }): the file the config points Prisma at.
    const named = /\bschema\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
    if (!named) return fixOptionHint(origin, 'schema', schemaFile);
    // The config's `schema` is relative to the config's folder; the hint's, to where the option was given.
    return fixOptionHint(
      origin,
      'schema',
      `the schema this config names: ${relative(optionBase(origin), resolve(dirname(file), named))}`,
    );
  }
  if (what === 'SQL')
    return `docgen reads the Prisma schema the database is described in, not SQL: ${fixOptionHint(origin, 'schema', schemaFile)} (\`npx prisma db pull\` writes one from an existing database)`;
  return fixOptionHint(origin, 'schema', 'your schema.prisma file, or a folder of .prisma files');
}

/**
 * One file of a multi-file schema given as the schema (`prisma/schema/user.prisma`): the types it
 * uses are declared in the files beside it (`Post` in post.prisma), and the schema is their folder.
 */
function declaredBesideHint(
  errors: Array<{ message: string; name: string; line: number }>,
  sources: SchemaSource[],
  origin: OptionOrigin | undefined,
): string | undefined {
  if (sources.length !== 1) return undefined;
  const file = sources[0]!.file;
  const folder = dirname(file);
  const siblings = readdirSync(folder).filter((name) => name.endsWith('.prisma') && join(folder, name) !== file);
  for (const error of errors) {
    const type = /^Type "(\w+)" is neither a built-in type/.exec(error.message)?.[1];
    const declaring = type && siblings.find((name) => declares(readFileSync(join(folder, name), 'utf8'), type));
    if (!declaring) continue;
    const target = relative(optionBase(origin), folder) || '.';
    return `\`${type}\` (${error.name}:${error.line}) is declared in ${declaring} beside it: a schema of several files is read from their folder: ${fixOptionHint(origin, 'schema', target)}`;
  }
  return undefined;
}

/** `model Post {` (or enum, type, view) in a schema file's text. */
function declares(text: string, type: string): boolean {
  return new RegExp(`^[ \\t]*(?:model|view|enum|type)[ \\t]+${type}[ \\t]*\\{`, 'm').test(text);
}

/** The folder a path given for the `schema` option is read from: the config file's, or the current one for `--prisma`. */
function optionBase(origin?: OptionOrigin): string {
  return origin?.location?.file && !origin.flag ? dirname(resolve(origin.location.file)) : process.cwd();
}

const CONFIG_FILE = "Prisma's config file (prisma.config.ts)";

/** A Prisma 1 field, GraphQL's way: `id: ID! @id`, `posts: [Post!]!`. */
const PRISMA1_FIELD = /^[ \t]*\w+[ \t]*:[ \t]*\[?[ \t]*\w+[ \t]*!?[ \t]*\]?[ \t]*!?(?:[ \t]+@|[ \t]*$)/m;

/**
 * A Prisma 1 datamodel (`datamodel.prisma`: GraphQL's `type User { id: ID! @id }`) is not what
 * Prisma 2 and later read: its parser would report each field as a field with a `:`, and say
 * nothing of why. One error, naming what the file is and how to upgrade it, instead.
 */
function assertNotPrisma1(file: string, text: string): void {
  if (/^[ \t]*model[ \t]+\w+[ \t]*\{/m.test(text)) return;
  const block = /^[ \t]*type[ \t]+\w+[ \t]*(?:@[^{\n]*)?\{([^}]*)\}/m.exec(text);
  if (!block || !PRISMA1_FIELD.test(block[1]!)) return;
  const line =
    text.slice(0, block.index).split('\n').length + (block[0].match(/^\s*/)?.[0].split('\n').length ?? 1) - 1;
  throw new DocgenError({
    code: 'DG_PRISMA_NOT_A_SCHEMA',
    message: `${basename(file)} is a Prisma 1 datamodel (GraphQL types: \`type … { id: ID! }\`), not a Prisma schema: Prisma 2 and later declare tables as \`model\` blocks`,
    location: { file, line },
    hint: 'upgrade it with `npx prisma-upgrade` (Prisma 1 → 2), or write a schema.prisma from the database with `npx prisma db pull`, and point docgen at that',
  });
}

function whatItLooksLike(file: string, text: string): string {
  const head = text.slice(0, 4000);
  // A key at a line's start (YAML, pretty JSON) or after a brace or comma (minified JSON).
  if (/(^|[{,])\s*["']?openapi["']?\s*:/m.test(head)) return 'an OpenAPI spec';
  if (/(^|[{,])\s*["']?swagger["']?\s*:/m.test(head)) return 'a Swagger (OpenAPI 2) spec';
  if (/^prisma\.config\.[cm]?[jt]s$/.test(basename(file))) return CONFIG_FILE;
  if (/\.sql$/i.test(file) || /^\s*(?:CREATE|ALTER)\s+(?:TABLE|TYPE|INDEX)\b/im.test(head)) return 'SQL';
  if (/\.[cm]?[jt]sx?$/.test(file)) return 'JavaScript or TypeScript code';
  if (/^\s*[{[]/.test(head)) return 'JSON';
  if (/\.ya?ml$/i.test(file) || /^[\w-]+:(\s|$)/m.test(head)) return 'YAML';
  return 'something else';
}

/**
 * A file in a language built on Prisma's (a Prisma Next contract, a ZenStack ZModel) that Prisma's
 * parser rejected: one error saying what the file is and what to point docgen at, with Prisma's
 * first errors below it; undefined when the schema shows no sign of one (then Prisma's errors are
 * the whole story).
 */
function foreignSchemaError(error: unknown, sources: SchemaSource[], origin?: OptionOrigin): DocgenError | undefined {
  const sign = foreignSign(sources);
  if (!sign) return undefined;
  const reported = errorsInSchemaOrder(error, sources);
  const shown = reported
    .slice(0, 3)
    .map((found) => `${found.name}:${found.line}: ${found.message}`)
    .concat(reported.length > 3 ? [`… and ${reported.length - 3} more`] : []);
  const text = sources.find((source) => source.file === sign.file)?.text ?? '';
  const what = sign.language === 'Prisma Next' ? 'a Prisma Next contract' : 'a ZenStack schema (ZModel)';
  return new DocgenError(
    {
      code: 'DG_PRISMA_NOT_A_SCHEMA',
      message: `${basename(sign.file)} is ${what}, not a Prisma ORM schema: ${sign.what} (line ${sign.line}) is ${sign.language}'s language, which Prisma ORM's parser (the one docgen reads schemas with) rejects`,
      location: { file: sign.file, line: sign.line },
      hint: foreignSchemaHint(sign.language, text, (target) => fixOptionHint(origin, 'schema', target)),
      excerpt: shown.length ? `Prisma ORM's parser reports:\n${shown.join('\n')}` : undefined,
    },
    { cause: error },
  );
}

/** Prisma's errors in the schema's order (file, then line): Prisma lists them in its own. */
function errorsInSchemaOrder(error: unknown, sources: SchemaSource[]): ReturnType<typeof reportedErrors> {
  const fileOrder = (name: string) => sources.findIndex((candidate) => candidate.name === name);
  return reportedErrors(error).sort((a, b) => fileOrder(a.name) - fileOrder(b.name) || a.line - b.line);
}

/** Prisma's validation report → a DocgenError at the first error's file and line. */
function schemaError(error: unknown, sources: SchemaSource[], origin?: OptionOrigin): DocgenError {
  const found = errorsInSchemaOrder(error, sources);
  const first = found[0];
  const source = first ? (sources.find((candidate) => candidate.name === first.name) ?? sources[0]!) : sources[0]!;
  const more = found.length > 1 ? ` (and ${found.length - 1} more error${found.length > 2 ? 's' : ''})` : '';
  const cascades = cascadeRelations(found, sources);
  const providerList = providerListHint(found, sources);
  const misspelt = unknownAttributeHint(found, sources);
  const besideIt = declaredBesideHint(found, sources, origin);
  const unknownType = besideIt ?? unknownTypeHint(found, sources);
  const comment = commentAttributeHint(found, sources);
  const fulltext = fulltextHint(found, datasourceSetting(sources, 'provider'));
  const enumDefault = enumDefaultHint(found, sources);
  const noDatasource = missingDatasourceHint(found, sources);
  const elision = elisionHint(found, sources);
  const multiLine = multiLineAttributeHint(found, sources);
  const separate = separateSchemasHint(found, sources);
  const byteOrderMark = byteOrderMarkHint(found, sources);
  // A merge's markers or a missing `}` explain every error after them: said first.
  const conflict = conflictMarkerHint(found, sources);
  const unclosed = conflict ? undefined : unclosedBlockHint(found, sources);
  return new DocgenError(
    {
      code: 'DG_PRISMA_INVALID',
      message: first
        ? `invalid Prisma schema: ${first.message}${more}`
        : `invalid Prisma schema: ${reportText(error).split('\n')[0]}`,
      location: { file: source.file, line: first?.line },
      hint: [
        // Files that are each a schema explain every error of their merge: said first.
        ...(separate ? [separate] : []),
        // An invisible character explains its line's error, whatever the line says.
        ...(byteOrderMark ? [byteOrderMark] : []),
        ...(conflict ? [conflict] : []),
        ...(unclosed ? [unclosed] : []),
        // Every line of an attribute written over several is an error of its own: one cause for them all.
        ...(multiLine ? [multiLine] : []),
        // Where the database cannot run what the relations ask, the fix is not in Prisma's words alone.
        ...(cascades.length ? [cascadeHint(cascades)] : []),
        ...(providerList ? [providerList] : []),
        ...(misspelt ? [misspelt] : []),
        ...(unknownType ? [unknownType] : []),
        ...(comment ? [comment] : []),
        ...(fulltext ? [fulltext] : []),
        ...(enumDefault ? [enumDefault] : []),
        ...(noDatasource ? [noDatasource] : []),
        ...(elision ? [elision] : []),
        // The rules are the parser's version's: a project on an older Prisma may validate what it rejects.
        `\`npx prisma validate\` with Prisma ${parserVersion()} reports the same errors (docgen reads the schema with that version's rules); fix the schema and run again`,
      ].join('. '),
      excerpt:
        found.length > 1 ? found.map((item) => `${item.name}:${item.line}: ${item.message}`).join('\n') : undefined,
    },
    { cause: error },
  );
}

/** A line of what Prisma's parser leaves out that docgen could not read either: the page is missing it, the run says so. */
function reportUnread(unread: UnreadLine[], options: ExtractPrismaOptions): void {
  for (const { block, line, text } of unread)
    options.report?.({
      code: 'DG_PRISMA_IGNORED',
      severity: 'warning',
      message: `\`${text}\` (${block.keyword} ${block.name}) is not shown: Prisma's parser leaves it out (@@ignore, @ignore or Unsupported), and docgen could not read it from the schema's text`,
      location: { file: block.file, line },
      // Prisma's grammar keeps a field or attribute on one line, and the line has passed its validation.
      hint: 'docgen should read every line Prisma accepts: please report this line',
    });
}

/**
 * A schema with no model (an empty file, or only its generator and datasource) renders an empty
 * reference without a word otherwise. Most often its models are elsewhere: in the other files of
 * a multi-file schema (`prisma/schema/*.prisma`, Prisma's `prismaSchemaFolder`), of which only the
 * file holding the generator was named. The warning says so, naming that folder when one is near.
 */
function reportNoModels(path: string, sources: SchemaSource[], enumCount: number, options: ExtractPrismaOptions): void {
  const first = sources.find((source) => /\b(?:generator|datasource)\b/.test(source.text)) ?? sources[0]!;
  const holds = enumCount ? `only ${enumCount} enum${enumCount > 1 ? 's' : ''}` : 'no model, view or type';
  const folder = sources.length === 1 && sources[0]!.file === path ? modelFolderNear(path) : undefined;
  const folderMode = sources.some((source) => /"prismaSchemaFolder"/.test(source.text));
  options.report?.({
    code: 'DG_PRISMA_NO_MODELS',
    severity: 'warning',
    message: `${sources.length > 1 ? `the ${sources.length} .prisma files under ${path} hold` : `${basename(path)} holds`} ${holds}: the reference has no tables`,
    location: { file: first.file, line: 1 },
    hint: folder
      ? `the models look to be in a multi-file schema: ${fixOptionHint(options.origin, 'schema', `its folder, ${relative(optionBase(options.origin), folder) || '.'}`)}`
      : folderMode
        ? `its generator enables prismaSchemaFolder, so its models are in other .prisma files: ${fixOptionHint(options.origin, 'schema', 'the folder that holds them all')}`
        : `add a model block, or ${fixOptionHint(options.origin, 'schema', 'the schema (or the folder of .prisma files) that declares the models')}`,
  });
}

/**
 * The folder of a multi-file schema beside a schema file with no models: `schema/` next to it
 * (Prisma's convention, `prisma/schema/*.prisma`), else the file's own folder when other `.prisma`
 * files under it declare models.
 */
function modelFolderNear(file: string): string | undefined {
  const folder = dirname(file);
  const declaresModels = (path: string) =>
    resolve(path) !== resolve(file) && /^[ \t]*(?:model|view|type)[ \t]+\w+[ \t]*\{/m.test(readFileSync(path, 'utf8'));
  for (const candidate of [join(folder, 'schema'), folder])
    if (
      existsSync(candidate) &&
      statSync(candidate).isDirectory() &&
      prismaFilesUnder(candidate, 3).some(declaresModels)
    )
      return candidate;
  return undefined;
}

/**
 * The `.prisma` files under `dir` (`depth` folders deep at most), not looking into dependencies and
 * hidden folders (`node_modules`, `.git`, `.next`): an app's folder holds tens of thousands of files
 * there and no schema source (Prisma Client's copy is in `node_modules/.prisma`). A link to a file
 * (a schema linked in from a shared package) is read as that file.
 */
function prismaFilesUnder(dir: string, depth = Infinity): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return depth === 0 || entry.name === 'node_modules' || entry.name.startsWith('.')
        ? []
        : prismaFilesUnder(path, depth - 1);
    return entry.name.endsWith('.prisma') && (entry.isFile() || isFileBehindLink(path)) ? [path] : [];
  });
}

/** Whether `path` leads to a file (a symbolic link's target); not for a dangling link. */
function isFileBehindLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Each enum's `@@schema("…")`: the DMMF gives a model's database schema, not an enum's. */
function enumSchemas(sources: Array<{ text: string }>): Map<string, string> {
  const schemas = new Map<string, string>();
  for (const { text } of sources)
    for (const block of text.matchAll(/^\s*enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
      const schema = /^\s*@@schema\(\s*"([^"]+)"\s*\)/m.exec(block[2]!);
      if (schema) schemas.set(block[1]!, schema[1]!);
    }
  return schemas;
}

/** Where each model, view, enum and composite type is declared, and with which keyword. */
function declarationLines(sources: Array<{ file: string; text: string }>): Map<string, Defined & { keyword: string }> {
  const lines = new Map<string, Defined & { keyword: string }>();
  for (const { file, text } of sources) {
    text.split('\n').forEach((line, index) => {
      const match = /^\s*(model|view|enum|type)\s+(\w+)\s*\{/.exec(line);
      if (match && !lines.has(match[2]!)) lines.set(match[2]!, { file, line: index + 1, keyword: match[1]! });
    });
  }
  return lines;
}

/** The datasource block's name (`datasource postgres {`): native types are written with it (`@postgres.Integer`). */
function datasourceName(sources: Array<{ text: string }>): string | undefined {
  for (const { text } of sources) {
    const block = /^\s*datasource\s+(\w+)\s*\{/m.exec(text);
    if (block) return block[1];
  }
  return undefined;
}

/** The DMMF names a native type without its datasource (`Integer`): written `@<datasource>.Integer`, as the schema does. */
function nativeTypesAsWritten(models: DataModel[], datasource = 'db'): void {
  if (datasource === 'db') return;
  for (const model of models)
    for (const field of model.fields)
      if (field.nativeType?.startsWith('@db.')) field.nativeType = `@${datasource}.${field.nativeType.slice(4)}`;
}

/** A string setting of the datasource block: `provider` (`postgresql`), `relationMode` (`prisma`). */
function datasourceSetting(sources: Array<{ text: string }>, setting: string): string | undefined {
  for (const { text } of sources) {
    const block = /^\s*datasource\s+\w+\s*\{([^}]*)\}/m.exec(text);
    const value = block && new RegExp(`^\\s*${setting}\\s*=\\s*"([^"]+)"`, 'm').exec(block[1]!);
    if (value) return value[1];
  }
  return undefined;
}

function toModel(model: DmmfModel, kind: DataModel['kind'], defined: Defined, indexes: DmmfIndex[]): DataModel {
  const own = indexes.filter((index) => index.model === model.name && !index.isDefinedOnField);
  // A field's own `@id` / `@unique` index: its name (`map:`) and options (`clustered:`, `sort:`).
  const onField = (type: DmmfIndex['type'], field: string) =>
    indexes.find(
      (index) =>
        index.model === model.name &&
        index.isDefinedOnField &&
        index.type === type &&
        index.fields.length === 1 &&
        index.fields[0]!.name === field,
    );
  const modelIndexes: Index[] = own.length
    ? own
        .filter((index) => index.type !== 'id')
        .map((index) => ({
          kind: index.type === 'normal' ? 'index' : index.type,
          fields: index.fields.map(indexField),
          name: index.name ?? index.dbName ?? undefined,
          // `name:` is Prisma Client's name for a compound unique; `map:` the database's.
          ...(index.name && index.dbName && index.name !== index.dbName ? { dbName: index.dbName } : {}),
          algorithm: index.algorithm,
          ...(index.clustered !== undefined && { clustered: index.clustered }),
        }))
    : (model.uniqueIndexes ?? []).map((index) => ({
        kind: 'unique',
        fields: index.fields,
        name: index.name ?? undefined,
      }));
  // `@id(map: …)`, `@@id(…, map: …)`: the primary key constraint's name, if the schema gives it.
  const primaryKeyIndex = indexes.find((index) => index.model === model.name && index.type === 'id');
  const primaryKeyName = primaryKeyIndex?.dbName;
  return {
    name: model.name,
    kind,
    dbName: model.dbName ?? undefined,
    schema: model.schema ?? undefined,
    documentation: model.documentation,
    fields: model.fields.map((field) => toField(field, onField('id', field.name), onField('unique', field.name))),
    primaryKey: model.primaryKey?.fields.length ? model.primaryKey.fields : undefined,
    ...(primaryKeyName ? { primaryKeyName } : {}),
    ...(primaryKeyIndex && !primaryKeyIndex.isDefinedOnField && compositeKeyOptions(primaryKeyIndex)),
    indexes: modelIndexes,
    defined,
  };
}

/** `@@id([a, b(sort: Desc)], clustered: true)`: what the composite key writes besides its fields' names. */
function compositeKeyOptions(index: DmmfIndex): Pick<DataModel, 'primaryKeyClustered' | 'primaryKeyFields'> {
  const written = index.fields.map(indexField);
  return {
    ...(index.clustered !== undefined && { primaryKeyClustered: index.clustered }),
    ...(written.some((item, at) => item !== index.fields[at]!.name) && { primaryKeyFields: written }),
  };
}

/** What a field's own `@id` / `@unique` index says besides its name. */
function fieldKeyOptions(index: DmmfIndex | undefined): KeyOptions | undefined {
  const field = index?.fields[0];
  return index && keyOptions(index.clustered, field?.sortOrder === 'desc', field?.length ?? 0);
}

function toField(field: DmmfField, idIndex?: DmmfIndex, uniqueIndex?: DmmfIndex): Field {
  const idOptions = fieldKeyOptions(idIndex);
  const uniqueOptions = fieldKeyOptions(uniqueIndex);
  return {
    name: field.name,
    kind: field.kind,
    type: field.type,
    isList: field.isList,
    isRequired: field.isRequired,
    isId: field.isId,
    // `@id @unique` is a primary key and a unique index: the DMMF lists the index, but does not
    // call the field unique.
    isUnique: field.isUnique || Boolean(uniqueIndex),
    ...(uniqueIndex?.dbName ? { uniqueName: uniqueIndex.dbName } : {}),
    ...(idOptions && { idOptions }),
    ...(uniqueOptions && { uniqueOptions }),
    isUpdatedAt: field.isUpdatedAt ?? false,
    default: field.hasDefaultValue ? formatDefault(field.default, field.kind, field.type) : undefined,
    dbName: field.dbName ?? undefined,
    nativeType: field.nativeType
      ? `@db.${field.nativeType[0]}${field.nativeType[1].length ? `(${field.nativeType[1].join(', ')})` : ''}`
      : undefined,
    documentation: field.documentation,
    relation:
      field.kind === 'object' && field.relationName
        ? {
            name: field.relationName,
            fields: field.relationFromFields ?? [],
            references: field.relationToFields ?? [],
            onDelete: field.relationOnDelete ?? undefined,
            onUpdate: field.relationOnUpdate ?? undefined,
          }
        : undefined,
  };
}

/** A DMMF default as the schema writes it: `now()`, `dbgenerated("gen_random_uuid()")`, `"draft"`, `ADMIN`. */
export function formatDefault(value: unknown, kind = 'scalar', type?: string): string {
  if (Array.isArray(value)) return `[${value.map((item) => formatDefault(item, kind, type)).join(', ')}]`;
  if (value && typeof value === 'object' && 'name' in value) {
    const call = value as { name: string; args?: unknown[] };
    // Prisma reports the version `cuid()` and `uuid()` default to; the schema does not write it.
    const args = DEFAULT_VERSIONS[call.name] === call.args?.[0] && call.args?.length === 1 ? [] : (call.args ?? []);
    return `${call.name}(${args.map((arg) => formatDefault(arg)).join(', ')})`;
  }
  // Prisma gives BigInt and Decimal defaults as strings; the schema writes them as numbers.
  if (typeof value === 'string')
    return kind === 'enum' || NUMERIC_AS_STRING.has(type ?? '') ? value : JSON.stringify(value);
  // Floats come back through a 64-bit double (`13.37` → 13.370000000000001): 15 digits are what it holds.
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(15)));
  return String(value);
}

const NUMERIC_AS_STRING = new Set(['BigInt', 'Decimal']);

/** An index field as the schema writes it: `createdAt DESC`, `title(length: 10)`, `key (ops: text_pattern_ops)`. */
function indexField(field: DmmfIndex['fields'][number]): string {
  const length = field.length ? `(length: ${field.length})` : '';
  const order = field.sortOrder === 'desc' ? ' DESC' : '';
  const ops = field.operatorClass ? ` (ops: ${field.operatorClass})` : '';
  return `${field.name}${length}${order}${ops}`;
}

const DEFAULT_VERSIONS: Record<string, unknown> = { cuid: 1, uuid: 4 };

/** Each relation once: from the side holding the foreign key, or the first side of an m-n. */
/** `provider` is `emulated` where Prisma Client keeps the relations (relationMode = "prisma"). */
function relationsOf(models: DataModel[], provider: string | undefined): Relation[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const relations: Relation[] = [];
  const seenManyToMany = new Set<string>();
  for (const model of models) {
    for (const field of model.fields) {
      if (!field.relation) continue;
      const other = byName.get(field.type);
      const back = other?.fields.find(
        (candidate) =>
          candidate.relation?.name === field.relation!.name &&
          candidate.type === model.name &&
          (model.name !== field.type || candidate.name !== field.name),
      );
      // Declared, but Prisma Client leaves it out: shown, and marked.
      const ignored = field.ignored || back?.ignored || model.ignored || other?.ignored;
      const base = {
        name: field.relation.name,
        from: model.name,
        fromField: field.name,
        to: field.type,
        toField: back?.name,
        ...(ignored ? { ignored: true } : {}),
      };
      if (field.isList && back?.isList) {
        // m:n: implicit (SQL), or MongoDB's list of ids on each side (`fields: [userIds]`).
        if (seenManyToMany.has(field.relation.name)) continue;
        seenManyToMany.add(field.relation.name);
        relations.push({
          ...base,
          cardinality: 'm:n',
          fields: field.relation.fields,
          references: field.relation.references,
          ...(back?.relation?.fields.length
            ? { toFields: back.relation.fields, toReferences: back.relation.references }
            : {}),
          ...joinTableOnDelete(back?.relation?.fields.length ? 'mongodb' : provider),
        });
      } else if (field.relation.fields.length) {
        relations.push({
          ...base,
          cardinality: back?.isList ? 'n:1' : '1:1',
          fields: field.relation.fields,
          references: field.relation.references,
          // A view has no foreign keys, nor can one point at it: no database action to default to.
          ...(model.kind === 'view' || other?.kind === 'view'
            ? viewOnDelete(field)
            : onDeleteOf(field, model, provider)),
          ...(field.relation.map ? { constraint: field.relation.map } : {}),
        });
      }
    }
  }
  return relations;
}

/**
 * An implicit m-n's join table has foreign keys to both sides with `ON DELETE CASCADE`: deleting a
 * row deletes its links, never the rows it was linked to. Said, since a blank reads as "nothing
 * happens". MongoDB's lists of ids, and relations Prisma Client emulates, have no such keys.
 */
function joinTableOnDelete(provider: string | undefined): Pick<Relation, 'onDelete' | 'onDeleteDefault'> {
  return provider === 'mongodb' || provider === 'emulated' ? {} : { onDelete: 'Cascade', onDeleteDefault: true };
}

/**
 * A relation from a view (or to one) is Prisma Client's alone: the database has no foreign key on a
 * view, so Prisma's default (`Restrict`: "the database refuses the delete") would be wrong. Only an
 * `onDelete` the schema writes is shown.
 */
function viewOnDelete(field: Field): Pick<Relation, 'onDelete'> {
  return field.relation?.onDelete ? { onDelete: field.relation.onDelete } : {};
}

/**
 * What deleting the referenced row does: the schema's `onDelete`, else Prisma's default, which the
 * reader should not have to know: `Restrict` while a foreign key field is required (`NoAction` on
 * SQL Server, which has no `Restrict`, unless Prisma Client emulates the relations), `SetNull` when
 * they are all optional.
 */
function onDeleteOf(
  field: Field,
  model: DataModel,
  provider: string | undefined,
): Pick<Relation, 'onDelete' | 'onDeleteDefault'> {
  if (field.relation?.onDelete) return { onDelete: field.relation.onDelete };
  const required = (field.relation?.fields ?? []).some(
    (name) => model.fields.find((candidate) => candidate.name === name)?.isRequired !== false,
  );
  const onDelete = !required ? 'SetNull' : provider === 'sqlserver' ? 'NoAction' : 'Restrict';
  return { onDelete, onDeleteDefault: true };
}
