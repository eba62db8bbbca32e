/** What the Prisma plugin reads out of a schema: models, their fields and relations, and enums. */

export interface PrismaModel {
  /** The schema file, or the folder of a multi-file schema. */
  path: string;
  /** Database provider of the datasource block (`postgresql`, `mysql`…), when there is one. */
  provider?: string;
  /**
   * `prisma` when the datasource sets `relationMode = "prisma"` (PlanetScale, Vitess): the database
   * has no foreign key constraints, Prisma Client keeps the relations and runs their actions.
   */
  relationMode?: string;
  models: DataModel[];
  enums: EnumModel[];
  relations: Relation[];
}

export interface Defined {
  /** File and 1-based line of the declaration (`model User {`). */
  file: string;
  line?: number;
}

export interface DataModel {
  name: string;
  /** `view` for database views (`view Name { … }`), `type` for composite types (MongoDB's embedded documents), else `model`. */
  kind: 'model' | 'view' | 'type';
  /** The table's name in the database when `@@map` renames it. */
  dbName?: string;
  /** The database schema it lives in (`@@schema("base")`, with the multiSchema feature). */
  schema?: string;
  documentation?: string;
  fields: Field[];
  /** Composite primary key (`@@id([a, b])`); a single `@id` field is marked on the field. */
  primaryKey?: string[];
  /** The primary key constraint's name in the database, when `@id(map: …)` / `@@id(…, map: …)` gives it. */
  primaryKeyName?: string;
  /** `@@id(…, clustered: …)` / `@id(clustered: …)` (SQL Server), when the schema writes it. */
  primaryKeyClustered?: boolean;
  /** The composite key's fields as written, when one has an option (`slug DESC`, `title(length: 10)`). */
  primaryKeyFields?: string[];
  indexes: Index[];
  defined: Defined;
  /** `@@ignore`: the table is in the database, but Prisma Client has no API for it. */
  ignored?: boolean;
  /** Left out of the GraphQL API by its generator (`/// @@TypeGraphQL.omit(output: true)` above the model). */
  graphqlHidden?: Array<'output' | 'input'>;
  /** Its type's name in the GraphQL API, when typegraphql-prisma's `@@TypeGraphQL.type(name: "…")` renames it. */
  graphqlName?: string;
  /** Skipped by its code generators (`/// @@Gen.model(hide: true)`: prisma-zod-generator, prisma-trpc-generator). */
  generatorHidden?: boolean;
  /** What `prisma db pull` noted the database has beyond the schema (check constraints, row level security…). */
  setupNotices?: string[];
  /** Its `///` comment has an `@deprecated` line (the line stays in its description). */
  deprecated?: boolean;
}

export interface Field {
  name: string;
  /** `scalar`, `enum`, `object` (a relation to another model) or `unsupported`. */
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  /** The unique constraint's name in the database, when `@unique(map: …)` gives it. */
  uniqueName?: string;
  /** What `@id(…)` says of its index besides its name (`clustered: false`, `sort: Desc`, `length: 10`). */
  idOptions?: KeyOptions;
  /** What `@unique(…)` says of its index besides its name. */
  uniqueOptions?: KeyOptions;
  isUpdatedAt: boolean;
  /** The default as written in the schema: `now()`, `cuid()`, `"draft"`, `0`. */
  default?: string;
  /** SQL Server's default constraint name, when `@default(…, map: "DF_…")` gives it. */
  defaultName?: string;
  /** Column name when `@map` renames it. */
  dbName?: string;
  /** Native database type (`@db.VarChar(255)`). */
  nativeType?: string;
  documentation?: string;
  /** The type its JSON holds, from prisma-json-types-generator's `/// [TypeName]` hint. */
  jsonType?: string;
  /** Its `///` comment has an `@deprecated` line. */
  deprecated?: boolean;
  /** Left out of the GraphQL API by its generator: `output` (`@HideField()`, `@TypeGraphQL.omit(output: true)`), `input`. */
  graphqlHidden?: Array<'output' | 'input'>;
  /** Its name in the GraphQL API, when typegraphql-prisma's `@TypeGraphQL.field(name: "…")` renames it. */
  graphqlName?: string;
  relation?: {
    name: string;
    fields: string[];
    references: string[];
    onDelete?: string;
    onUpdate?: string;
    /** The foreign key constraint's name in the database, when `@relation(…, map: …)` gives it. */
    map?: string;
  };
  /** What `prisma db pull` noted the database has beyond the schema for this column. */
  setupNotices?: string[];
  /** `@ignore`: the column is in the database, but Prisma Client leaves it out. */
  ignored?: boolean;
  /** `prisma db pull` commented it out (`// 1 String @map("1")`): the column's name is no valid Prisma name. */
  commentedOut?: boolean;
}

export interface Index {
  kind: 'unique' | 'index' | 'fulltext' | 'id';
  /** As the schema orders them: `createdAt DESC`, `title(length: 10)`, `key (ops: text_pattern_ops)`. */
  fields: string[];
  name?: string;
  /** The constraint's name in the database when it is given besides `name` (`@@unique(…, name: "ab", map: "uq_ab")`). */
  dbName?: string;
  /** The index type when set (`type: Hash`): PostgreSQL's access method. */
  algorithm?: string;
  /** `clustered: true` or `false` (SQL Server), when the schema writes it. */
  clustered?: boolean;
}

/** What a field's `@id(…)` or `@unique(…)` says of its index, when the schema writes it. */
export interface KeyOptions {
  /** `clustered:` (SQL Server). */
  clustered?: boolean;
  /** `sort: Desc` (SQL Server, MySQL). */
  descending?: boolean;
  /** `length:`, the indexed prefix (MySQL). */
  length?: number;
}

export interface EnumModel {
  name: string;
  dbName?: string;
  /** The database schema its type lives in (`@@schema("base")`, with the multiSchema feature). */
  schema?: string;
  documentation?: string;
  values: Array<{ name: string; dbName?: string; documentation?: string }>;
  defined: Defined;
  /** What `prisma db pull` noted the database has beyond the schema for this type (a comment on it). */
  setupNotices?: string[];
}

/** One relation, seen from the model that holds the foreign key (or from either side of an m-n). */
export interface Relation {
  name: string;
  from: string;
  fromField: string;
  to: string;
  toField?: string;
  /** `n:1`, `1:1` or `m:n` (implicit many-to-many, or MongoDB's lists of ids on both sides). */
  cardinality: 'n:1' | '1:1' | 'm:n';
  fields: string[];
  references: string[];
  /** MongoDB's m:n: the `to` side's own list of ids (`userIds` → `id`), as `fields` is the `from` side's. */
  toFields?: string[];
  toReferences?: string[];
  onDelete?: string;
  /** `onDelete` is Prisma's default: the schema does not write it. */
  onDeleteDefault?: boolean;
  /** The foreign key constraint's name in the database, when `@relation(…, map: …)` gives it. */
  constraint?: string;
  /** Declared, but left out of Prisma Client: a side of it is `@ignore`d, or a model is `@@ignore`d. */
  ignored?: boolean;
}
