import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure } from '@docgen/test-support';
import { createTemplateRenderer, validatePageTree, type Diagnostic } from '@docgen/core';
import source, { erdAreas, erdDiagrams, erdDot, erdSvg, extractPrisma, renderPrisma } from '@docgen/source-prisma';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });

/** Extract and render a schema written here. */
async function pagesOf(text: string): Promise<(key: string) => string> {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
  await writeFile(join(dir, 'schema.prisma'), text);
  const tree = renderPrisma(await extractPrisma(join(dir, 'schema.prisma')), templates, { cwd: dir });
  validatePageTree(tree);
  return (key) => tree.pages.find((page) => page.key === key)!.markdown;
}

/** A schema written to a file of its own, through extractPrisma. */
async function extractOf(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
  await writeFile(join(dir, 'schema.prisma'), text);
  return extractPrisma(join(dir, 'schema.prisma'));
}

/**
 * Models with an id, each pointing to `points` (n:1) when given, and in `area` (`@@schema`) when
 * given; `pointedBy` names the models of other files pointing to it (a multi-file schema).
 */
function modelsText(models: Array<{ name: string; area?: string; points?: string; pointedBy?: string[] }>): string {
  const pointedBy = (name: string) => [
    ...models.filter((item) => item.points === name).map((item) => item.name),
    ...(models.find((item) => item.name === name)?.pointedBy ?? []),
  ];
  return models
    .map((item) =>
      [
        `model ${item.name} {`,
        '  id Int @id',
        ...(item.points
          ? ['  ownerId Int', `  owner ${item.points} @relation(fields: [ownerId], references: [id])`]
          : []),
        ...pointedBy(item.name).map((other) => `  ${other.toLowerCase()}s ${other}[]`),
        ...(item.area ? [`  @@schema("${item.area}")`] : []),
        '}',
      ].join('\n'),
    )
    .join('\n');
}

describe('real schemas: what they hold, shown as the schema writes it', () => {
  it('defaults, enum value docs, index options, @@schema, views, and preview features this parser does not know', async () => {
    const page = await pagesOf(
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["metrics", "multiSchema", "views"]',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '  schemas  = ["base", "billing"]',
        '}',
        'model Invoice {',
        '  id       BigInt  @id @default(11028481809756)',
        '  rate     Float   @default(13.37)',
        '  total    Decimal @default(0.5)',
        '  label    String  @default(dbgenerated("(first_name || \' \' || last_name)"))',
        '  state    State   @default(DRAFT)',
        '  issuedAt DateTime',
        '  @@index([state, issuedAt(sort: Desc)])',
        '  @@index([label], type: Hash)',
        '  @@schema("billing")',
        '}',
        'enum State {',
        '  DRAFT /// not sent yet',
        '  SENT  @map("sent|out")',
        '  @@schema("billing")',
        '}',
        'view InvoiceTotal {',
        '  id    BigInt  @unique',
        '  total Decimal',
        '  @@schema("billing")',
        '}',
      ].join('\n'),
    );
    const invoice = page('data-model/model/invoice');
    expect(invoice).toContain('| `id` | `BigInt` | `11028481809756` |');
    expect(invoice).toContain('| `rate` | `Float` | `13.37` |');
    expect(invoice).toContain('| `total` | `Decimal` | `0.5` |');
    // a `|` in code inside a table cell is escaped, so the row keeps its five cells
    expect(invoice).toContain('| `label` | `String` | `dbgenerated("(first_name \\|\\| \' \' \\|\\| last_name)")` |');
    expect(invoice).toContain('| index | `state`, `issuedAt DESC` |');
    expect(invoice).toContain('| index (Hash) | `label` |');
    expect(invoice).toContain('| Table | `billing.Invoice` |');
    expect(page('data-model/enums')).toContain('| `DRAFT` |  | not sent yet |');
    // an enum is a type of its database schema too (zenith-erp's EmployeeStatus in "staff")
    expect(page('data-model/enums')).toMatch(/^Defined in `[^`]+`; database type `billing\.State`\./m);
    expect(page('data-model/enums')).toContain('| `SENT` | `sent\\|out` |  |');
    expect(page('data-model/model/invoicetotal')).toContain('| Kind | database view |');
    // a view is not a table: its row names it a view (cal.com's BookingTimeStatus read "Table")
    expect(page('data-model/model/invoicetotal')).toContain('| View | `billing.InvoiceTotal` |');
    expect(page('data-model')).toContain(': 1 model, 1 view and 1 enum.');
  });

  it("a view's unique key naming its index (`map:`, as Prisma 5's db pull wrote for SQL Server views) is its key on the page, not a failed run", async () => {
    const page = await pagesOf(
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["views"]',
        '}',
        'datasource db {',
        '  provider = "sqlserver"',
        '}',
        'view daily_report {',
        '  folio   String @unique(map: "daily_report_folio_key") @db.NVarChar(100)',
        '  species String @db.NVarChar(30)',
        '  boxes   Int',
        '  @@unique([species, boxes], map: "daily_report_unique")',
        '}',
      ].join('\n'),
    );
    const report = page('data-model/model/daily_report');
    expect(report).toContain('| `folio` | `String` | unique, @db.NVarChar(100) |');
    // The name goes: a view's unique key is no index in the database, so the name names nothing there.
    expect(report).toContain('| unique | `species`, `boxes` |');
    expect(report).not.toContain('daily_report_unique');
  });

  it("a view's @id / @@id (Prisma before 6.13; langfuse's TraceView) is its key on the page, not a failed run", async () => {
    const page = await pagesOf(
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["views"]',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Trace {',
        '  id String @id',
        '}',
        'view TraceView {',
        '  id       String  @id @default(cuid())',
        '  duration Float?',
        '}',
        'view Usage {',
        '  day      DateTime',
        '  project  String',
        '  email    String  @unique',
        '  total    Int',
        '  @@id([day, project])',
        '}',
      ].join('\n'),
    );
    const traceView = page('data-model/model/traceview');
    expect(traceView).toContain('| Kind | database view |');
    expect(traceView).toContain('| `id` | `String` | `cuid()` | primary key |');
    const usage = page('data-model/model/usage');
    expect(usage).toContain('| Primary key | `day`, `project` |');
    expect(usage).toContain('| `email` | `String` | unique |');
    expect(usage).not.toContain('| unique | `day`, `project` |');
    expect(page('data-model')).toContain(': 1 model and 2 views.');
  });

  it('Unsupported("…") columns are shown where written; an @@ignore\'d model has its page, without a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Store {',
        '  id       Int                                     @id',
        '  location Unsupported("geography(Point, 4326)")?',
        '  name     String',
        '}',
        'model legacy_audit {',
        '  id Int @id',
        '',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const model = await extractPrisma(schema, { report: (warning) => warnings.push(warning) });
    expect(model.models.map((item) => [item.name, item.ignored])).toEqual([
      ['Store', undefined],
      ['legacy_audit', true],
    ]);
    expect(model.models[0]!.fields.map((field) => [field.name, field.type, field.isRequired])).toEqual([
      ['id', 'Int', true],
      ['location', 'Unsupported("geography(Point, 4326)")', false],
      ['name', 'String', true],
    ]);
    expect(warnings).toEqual([]);
    const store = renderPrisma(model, templates, { cwd: dir }).pages.find(
      (page) => page.key === 'data-model/model/store',
    )!;
    expect(store.markdown).toContain(
      '| `location` | `Unsupported("geography(Point, 4326)")`? | not available in Prisma Client |',
    );
  });

  it("MongoDB's lists of ids on both sides are one m:n relation, not two n:1", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "mongodb"',
        '}',
        'model User {',
        '  id              String         @id @default(auto()) @map("_id") @db.ObjectId',
        '  conversationIds String[]       @db.ObjectId',
        '  conversations   Conversation[] @relation(fields: [conversationIds], references: [id])',
        '}',
        'model Conversation {',
        '  id      String   @id @default(auto()) @map("_id") @db.ObjectId',
        '  userIds String[] @db.ObjectId',
        '  users   User[]   @relation(fields: [userIds], references: [id])',
        '}',
      ].join('\n'),
    );
    const overview = page('data-model');
    expect(overview.match(/\| m:n \|/g)).toHaveLength(1);
    expect(overview).not.toMatch(/\| n:1 \|/);
    expect(page('data-model/model/user')).toContain('conversationIds → id (a list of ids on each side)');
    // each side's page says its own list of ids, not the other side's
    expect(page('data-model/model/conversation')).toContain(
      '| `users` | m:n | [User](./data-model__model__user.md) (`conversations`) | userIds → id (a list of ids on each side) |  |',
    );
  });

  it("MongoDB: a document holds the other's id, a reference, not a foreign key (MongoDB has none)", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "mongodb"',
        '}',
        'model Conversation {',
        '  id       String    @id @default(auto()) @map("_id") @db.ObjectId',
        '  messages Message[]',
        '}',
        'model Message {',
        '  id             String       @id @default(auto()) @map("_id") @db.ObjectId',
        '  conversationId String       @db.ObjectId',
        '  conversation   Conversation @relation(fields: [conversationId], references: [id])',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/message')).toContain('| reference conversationId → id |');
    expect(page('data-model/model/message')).not.toContain('| foreign key');
  });

  it("the overview's description of a model is its comment's whole first sentence, wrapped over lines as documenso's are", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// Per-recipient cached credential metadata for the configured Cloud Signature',
        '/// Consortium (CSC) provider. Holds the TSP-validated certificate chain and the',
        '/// symmetric-encrypted service-scope access token.',
        'model CscCredential {',
        '  id String @id',
        '}',
        '/// Audit entries',
        '///',
        '/// Kept for a year.',
        'model AuditLog {',
        '  id String @id',
        '}',
        '/// Archived rows:',
        '/// - older than a year',
        'model Archive {',
        '  id String @id',
        '}',
      ].join('\n'),
    );
    // Cut at the first line's end, it read "… for the configured Cloud Signature".
    expect(page('data-model')).toContain(
      '| Per-recipient cached credential metadata for the configured Cloud Signature Consortium (CSC) provider. |',
    );
    // A paragraph ends at a blank line or a list, as on the model's page.
    expect(page('data-model')).toContain('| 1 | Audit entries |');
    expect(page('data-model')).toContain('| 1 | Archived rows: |');
  });

  it('models whose names differ only by case each get a page, the later one numbered', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model User {',
        '  id    Int    @id',
        '  posts Post[]',
        '}',
        'model user {',
        '  id    Int    @id',
        '  email String',
        '}',
        'model Post {',
        '  id     Int  @id',
        '  userId Int',
        '  user   User @relation(fields: [userId], references: [id])',
        '}',
      ].join('\n'),
    );
    const tree = renderPrisma(await extractPrisma(join(dir, 'schema.prisma')), templates, { cwd: dir });
    validatePageTree(tree);
    expect(tree.pages.filter((p) => p.key.includes('/model/')).map((p) => [p.key, p.title])).toEqual([
      ['data-model/model/user', 'Data model: User'],
      ['data-model/model/user-2', 'Data model: user (2)'],
      ['data-model/model/post', 'Data model: Post'],
    ]);
    // A link to `User` goes to User's page, not to `user`'s.
    expect(tree.pages.find((p) => p.key === 'data-model/model/post')!.markdown).toContain(
      '[User](./data-model__model__user.md)',
    );
  });

  it('a model whose /// comment has an @deprecated line is noted Deprecated, on its page and in the overview', async () => {
    // A field's `@deprecated` line was noted, a model's was not.
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// One-time codes for the CLI.',
        '/// @deprecated The CLI signs in with personal access tokens now',
        'model AuthorizationCode {',
        '  id String @id',
        '}',
        '/// Not @deprecated: the API still hands these out',
        'model Token {',
        '  id String @id',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/authorizationcode')).toContain('| Notes | **Deprecated** |');
    expect(page('data-model/model/authorizationcode')).toContain(
      'One-time codes for the CLI.\n@deprecated The CLI signs in with personal access tokens now',
    );
    expect(page('data-model')).toContain(
      '| [AuthorizationCode](./data-model__model__authorizationcode.md) (deprecated) | `AuthorizationCode` | 1 | One-time codes for the CLI. |',
    );
    expect(page('data-model/model/token')).not.toContain('Deprecated');
    expect(page('data-model')).toContain('| [Token](./data-model__model__token.md) | `Token` |');
  });

  it("code generators' directives in /// comments are not the description; a JSON type hint is a note", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// @zod.import(["import { ZMeta } from \'./meta\';"])',
        '/// A person who can sign in.',
        '/// @TypeGraphQL.omit(output: true)',
        'model User {',
        '  id       Int    @id /// @Field(() => Int)',
        '  /// @zod.string.email()',
        '  /// Where we write to.',
        '  email    String',
        '  /// @HideField()',
        '  password String',
        '  /// [ResponseData] @zod.custom.use(ZMeta)',
        '  meta     Json',
        '  /// ![Kind]',
        '  kind     String',
        '  tags     Json?  /// [Tag[]] @zod.custom.use(ZTags)',
        '  age      Int    /// @zod.number.describe("Age in years, as the user gave it.")',
        '  /// @deprecated use email',
        '  login    String',
        '  /// @zod.string.min(1) must not be empty',
        '  name     String',
        '  /// @Validator.IsEmail() @IsEmail() @MinLength(3)',
        '  alias    String',
        '  /// [not a hint] Square brackets in prose',
        '  note     String',
        '  /// @unknownGenerator.thing()',
        '  other    String',
        "  /// !['draft' | 'published'] set by the editor",
        '  state    String',
        '  /// ![Record<string, [number, number]>]',
        '  points   Json',
        '  /// @json("LegacyType")',
        '  legacy   Json',
        '  /// ![the flow](https://example.com/flow.png) as drawn',
        '  flow     String',
        '}',
        'enum Role {',
        '  /// @TypeGraphQL.omit(output: true)',
        '  ADMIN',
        '  USER',
        '}',
      ].join('\n'),
    );
    const user = page('data-model/model/user');
    expect(user).toContain('A person who can sign in.');
    expect(user).not.toMatch(
      /@zod\.(import|string\.email|custom|number)|@TypeGraphQL|@Field|@HideField|@Validator|@IsEmail|@MinLength/,
    );
    expect(user).toContain('| `id` | `Int` | primary key |  |');
    expect(user).toContain('| `email` | `String` |  | Where we write to. |');
    expect(user).toContain('| `password` | `String` | hidden from the GraphQL API |  |');
    expect(user).toContain('| `meta` | `Json` | JSON as `ResponseData` |  |');
    expect(user).toContain('| `kind` | `String` | typed as `Kind` |  |');
    expect(user).toContain('| `tags` | `Json`? | JSON as `Tag[]` |  |');
    // zod's describe() is the field's description
    expect(user).toContain('| `age` | `Int` |  | Age in years, as the user gave it. |');
    expect(user).toContain('| `login` | `String` | **Deprecated** | @deprecated use email |');
    // the prose after a line's directives stays; a namespaced call is a directive of whichever generator owns it
    expect(user).toContain('| `name` | `String` |  | must not be empty |');
    expect(user).toContain('| `alias` | `String` |  |  |');
    expect(user).toContain('| `note` | `String` |  | [not a hint] Square brackets in prose |');
    expect(user).toContain('| `other` | `String` |  |  |');
    // prisma-json-types-generator's inline types (`![…]`, any TypeScript), and its first versions' `@json("…")`;
    // a TypeScript type is code (`<…>` is not HTML)
    expect(user).toContain("| `state` | `String` | typed as `'draft' \\| 'published'` | set by the editor |");
    expect(user).toContain('| `points` | `Json` | JSON as `Record<string, [number, number]>` |  |');
    expect(user).toContain('| `legacy` | `Json` | JSON as `LegacyType` |  |');
    // a Markdown image is not a type
    expect(user).toContain('| `flow` | `String` |  | ![the flow](https://example.com/flow.png) as drawn |');
    expect(page('data-model/enums')).not.toContain('TypeGraphQL');
    expect(page('data-model')).toContain('| A person who can sign in. |');
  });

  it("other generators' directives go too (prisma-nestjs-graphql, typegraphql-prisma, nestjs-dto, prisma-zod-generator), and prose with an @ stays", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        "/// @ObjectType('Human', { isAbstract: true })",
        '/// @@TypeGraphQL.type(name: "Client")',
        '/// @@Gen.model(hide: true)',
        '/// Someone who signs in.',
        'model User {',
        '  id        Int    @id',
        "  /// @FieldType({ name: 'Scalars.GraphQLEmailAddress', from: 'graphql-scalars', input: true })",
        '  /// @Validator.IsEmail()',
        '  /// Where mail goes (ask @support, or write to help@example.com).',
        '  email     String',
        '  /// @HideField({ input: true, output: true })',
        '  secret    String',
        "  /// @HideField({ match: '@(User|Comment)Create*Input' })",
        '  /// Set by the server.',
        '  createdAt DateTime',
        "  /// @PropertyType('TF.JsonObject')",
        '  data      Json',
        '  /// @TypeGraphQL.omit(input: true)',
        '  counter   Int',
        '  /// @TypeGraphQL.omit(input: ["where", "orderBy"])',
        '  searched  Int',
        '  /// @TypeGraphQL.omit(input: ["create", "update"])',
        '  stamped   Int',
        '  /// @TypeGraphQL.field(name: "emailAddress")',
        '  mail      String',
        '  /// @DtoReadOnly',
        '  /// @ApiProperty({ description: "(shown in Swagger)", minLength: 1 })',
        '  /// @IsNotEmpty() @MaxLength(100)',
        '  title     String',
        '  /// @zod .email().min(5)',
        '  contact   String',
        '  /// Shown to others @zod.string.min(4).max(10)',
        '  nick      String',
        '  /// @ 5 per second, at most.',
        '  rate      Int',
        '  /// @mention(s) notify the user; @example.com is our domain.',
        '  mentions  Int',
        '  /// @Field()s are not a directive',
        '  fields    Int',
        "  /// @Deprecated('2.0') use mail",
        '  oldMail   String',
        '}',
      ].join('\n'),
    );
    const user = page('data-model/model/user');
    expect(user).not.toMatch(
      /@ObjectType|@@TypeGraphQL|@@Gen|@FieldType|@Validator|@HideField|@PropertyType|@TypeGraphQL|@Dto|@ApiProperty|@IsNotEmpty|@MaxLength|@zod/,
    );
    expect(user).toMatch(/^Someone who signs in\.$/m);
    expect(user).toContain('| `email` | `String` |  | Where mail goes (ask @support, or write to help@example.com). |');
    expect(user).toContain('| `secret` | `String` | hidden from the GraphQL API (not read, not written) |  |');
    // hidden in some types only (match:): nothing to say for the whole API
    expect(user).toContain('| `createdAt` | `DateTime` |  | Set by the server. |');
    expect(user).toContain('| `data` | `Json` |  |  |');
    expect(user).toContain('| `counter` | `Int` | not writable through the GraphQL API |  |');
    // left out of filters and sorting only: still read and written
    expect(user).toContain('| `searched` | `Int` |  |  |');
    expect(user).toContain('| `stamped` | `Int` | not writable through the GraphQL API |  |');
    expect(user).toContain('| `mail` | `String` | GraphQL name emailAddress |  |');
    expect(user).toContain('| `title` | `String` |  |  |');
    expect(user).toContain('| `contact` | `String` |  |  |');
    expect(user).toContain('| `nick` | `String` |  | Shown to others |');
    expect(user).toContain('| `rate` | `Int` |  | @ 5 per second, at most. |');
    expect(user).toContain('| `mentions` | `Int` |  | @mention(s) notify the user; @example.com is our domain. |');
    expect(user).toContain('| `fields` | `Int` |  | @Field()s are not a directive |');
    // a decorator-style @Deprecated(…) is prose too, and a deprecation
    expect(user).toContain("| `oldMail` | `String` | **Deprecated** | @Deprecated('2.0') use mail |");
  });

  it('model-level GraphQL directives are noted on the model page, as field-level ones are', async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// An audit entry.',
        '/// @@TypeGraphQL.omit(output: true)',
        'model AuditLog {',
        '  id Int @id',
        '}',
        '/// @@TypeGraphQL.type(name: "Client")',
        'model User {',
        '  id Int @id',
        '}',
        'model Post {',
        '  id Int @id',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/auditlog')).toContain('| Notes | hidden from the GraphQL API |');
    expect(page('data-model/model/auditlog')).not.toContain('TypeGraphQL');
    expect(page('data-model/model/user')).toContain('| Notes | GraphQL type Client |');
    expect(page('data-model/model/post')).not.toMatch(/^\| Notes \|/m);
  });

  it("a model its code generator hides (prisma-zod-generator's and prisma-trpc-generator's @@Gen.model(hide: true)) is documented, with a note saying so", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// Written by the server only.',
        '/// @@Gen.model(hide: true)',
        'model InternalLog {',
        '  id Int @id',
        '}',
        '/// @@Gen.model(hide: false)',
        '/// @@TypeGraphQL.type(name: "Client")',
        'model User {',
        '  id Int @id',
        '}',
      ].join('\n'),
    );
    const log = page('data-model/model/internallog');
    expect(log).toMatch(/^Written by the server only\.$/m);
    expect(log).toContain('| Notes | hidden by its code generators (no generated schemas or routes) |');
    expect(log).not.toContain('@@Gen');
    expect(page('data-model')).toContain('[InternalLog]');
    // hide: false hides nothing
    expect(page('data-model/model/user')).toContain('| Notes | GraphQL type Client |');
  });

  it('a description of several /// lines keeps the line breaks Markdown keeps (a list, a hard break): <br> in a table cell', async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// A customer order.',
        '/// Totals are in cents.',
        'model Order {',
        '  id     Int    @id',
        '  /// One of:',
        '  /// - draft',
        '  /// - paid | refunded',
        '  state  String',
        "  /// Wrapped at the author's width,",
        '  /// one sentence.',
        '  note   String',
        '  kind   Kind',
        '}',
        'enum Kind {',
        '  /// Sold by us, shipped by us:  ',
        '  /// no seller fee.',
        '  FIRST_PARTY',
        '  MARKETPLACE',
        '}',
      ].join('\n'),
    );
    const order = page('data-model/model/order');
    expect(order).toMatch(/^A customer order\.\nTotals are in cents\.$/m);
    expect(order).toContain('| `state` | `String` |  | One of:<br>- draft<br>- paid \\| refunded |');
    // a sentence wrapped over two lines reads as one, as Markdown reads it
    expect(order).toContain("| `note` | `String` |  | Wrapped at the author's width, one sentence. |");
    expect(page('data-model/enums')).toContain('| `FIRST_PARTY` | Sold by us, shipped by us:<br>no seller fee. |');
  });

  it("a /// placeholder written as a tag (`<ip>`, a key's shape) is text in a field's, an enum value's and the overview's cell, not raw HTML", async () => {
    // A real schema's field comment (a rate-limit key): the storage converter showed each as
    // text with a DG_CONVERT warning; real HTML (`<br>`, `<code>`) stays as it is.
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// Calls keyed by <caller>, <b>never</b> a credential.',
        'model ToolCall {',
        '  id        Int    @id',
        '  /// Rate-limit caller key ("ip:<ip>|auth:<sha256 prefix>"), <code>ip:</code> first.',
        '  callerKey String',
        '  kind      Kind',
        '}',
        'enum Kind {',
        '  /// Sent as <name>/<version>',
        '  AGENT',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/toolcall')).toContain(
      '| Rate-limit caller key ("ip:&lt;ip>\\|auth:&lt;sha256 prefix>"), <code>ip:</code> first. |',
    );
    expect(page('data-model/enums')).toContain('| `AGENT` | Sent as &lt;name>/&lt;version> |');
    expect(page('data-model')).toContain('Calls keyed by &lt;caller>, <b>never</b> a credential.');
  });

  it('enums whose names differ only by case each have their own anchor, and links go to it', async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Account {',
        '  id    Int  @id',
        '  role  Role',
        '  level role',
        '}',
        'enum Role {',
        '  ADMIN',
        '  USER',
        '}',
        'enum role {',
        '  low',
        '  high',
        '}',
      ].join('\n'),
    );
    const enums = page('data-model/enums');
    expect(enums.match(/::anchor\[[^\]]*\]/g)).toEqual(['::anchor[enum-role]', '::anchor[enum-role-2]']);
    expect(enums.indexOf('::anchor[enum-role-2]')).toBeLessThan(enums.indexOf('## role'));
    expect(enums.indexOf('::anchor[enum-role-2]')).toBeGreaterThan(enums.indexOf('## Role'));
    const account = page('data-model/model/account');
    expect(account).toContain('| `role` | [Role](./data-model__enums.md#enum-role) |');
    expect(account).toContain('| `level` | [role](./data-model__enums.md#enum-role-2) |');
    expect(page('data-model')).toContain(
      '[Role](./data-model__enums.md#enum-role), [role](./data-model__enums.md#enum-role-2)',
    );
  });

  it('constraint names given with map: are shown with their key, index or foreign key', async () => {
    const schema = [
      'datasource db {',
      '  provider = "postgresql"',
      '}',
      'model User {',
      '  id    Int    @id(map: "pk_user")',
      '  email String @unique(map: "uq_email")',
      '  a     Int',
      '  b     Int',
      '  c     Int',
      '  posts Post[]',
      '  @@unique([a, b], name: "ab", map: "uq_ab")',
      '  @@unique([b, c], map: "uq_bc")',
      '  @@index([c], map: "ix_c")',
      '}',
      'model Post {',
      '  x        Int',
      '  y        Int',
      '  authorId Int',
      '  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade, map: "fk_author")',
      '  @@id([x, y], map: "pk_post")',
      '}',
    ];
    const page = await pagesOf(schema.join('\n'));
    const user = page('data-model/model/user');
    expect(user).toContain('| `id` | `Int` | primary key (constraint pk_user) |');
    expect(user).toContain('| `email` | `String` | unique (constraint uq_email) |');
    expect(user).toContain('| unique | `a`, `b` | `ab` (constraint `uq_ab`) |');
    expect(user).toContain('| unique | `b`, `c` | `uq_bc` |');
    expect(user).toContain('| index | `c` | `ix_c` |');
    const post = page('data-model/model/post');
    expect(post).toContain('| Primary key | `x`, `y` (constraint `pk_post`) |');
    expect(post).toContain('| `x` | `Int` | primary key |');
    expect(post).toContain(
      '| `author` | [User](./data-model__model__user.md) | foreign key authorId → id (constraint fk_author), on delete Cascade |',
    );
    // …and where the relation is described: the Relations table of both models, and the overview's
    expect(post).toContain(
      '| `author` | n:1 | [User](./data-model__model__user.md) (`posts`) | authorId → id (constraint `fk_author`) | Cascade |',
    );
    expect(user).toContain(
      '| `posts` | 1:n | [Post](./data-model__model__post.md) (`author`) | authorId → id (constraint `fk_author`) | Cascade |',
    );
    expect(page('data-model')).toContain('| authorId → id (constraint `fk_author`) | Cascade |');
    // An @@ignore'd model is read from the schema's text: the same names, the same page.
    const ignored = await pagesOf(
      schema
        .map((line) => (line === '  @@id([x, y], map: "pk_post")' ? `${line}\n  @@ignore` : line))
        .map((line) => (line === '  posts Post[]' ? `${line} @ignore` : line))
        .join('\n'),
    );
    const ignoredUser = ignored('data-model/model/user');
    expect(ignoredUser).toContain('| unique | `a`, `b` | `ab` (constraint `uq_ab`) |');
    expect(ignored('data-model/model/post')).toContain('| Primary key | `x`, `y` (constraint `pk_post`) |');
    expect(ignored('data-model/model/post')).toContain('foreign key authorId → id (constraint fk_author)');
    expect(ignored('data-model/model/post')).toContain('| authorId → id (constraint `fk_author`) | Cascade |');
  });

  it("SQL Server's default constraint names are shown beside the default, and `clustered:` and `sort:` beside each key's name", async () => {
    const text = await readFile(join(fixtures, 'sqlserver.prisma'), 'utf8');
    // An @@ignore'd model is read from the schema's text: the same facts, the same page.
    const ignored = text
      .replace(/(@@(?:index|unique)\(.*\))\n}/g, '$1\n  @@ignore\n}')
      .replace(/^(\s+(?:orders|customer)\s.*)$/gm, '$1 @ignore');
    expect(ignored.match(/@@ignore|@ignore/g)).toHaveLength(4);
    for (const page of [await pagesOf(text), await pagesOf(ignored)]) {
      const customer = page('data-model/model/customer');
      expect(customer).toContain(
        '| `createdAt` | `DateTime` | `now()` (constraint `DF__Customer__create__3B75D760`) |',
      );
      expect(customer).toContain('| `status` | `String` | `"active"` (constraint `DF_Customer_status`) |');
      expect(customer).toContain('| `region` | `String` | `"EU"` |');
      expect(customer).toContain('| primary key (constraint PK__Customer__3213E83F0A9D95DB, nonclustered) |');
      expect(customer).toContain(
        '| unique (constraint UQ__Customer__AB6E6164B36C4D9F, clustered, descending), @db.NVarChar(320) |',
      );
      expect(customer).toContain('| index (nonclustered) | `createdAt DESC`, `status` | `IX_Customer_createdAt` |');
      const order = page('data-model/model/order');
      expect(order).toContain('| Primary key | `customerId`, `number DESC` (constraint `PK_Order`, clustered) |');
      expect(order).toContain('| `total` | `Decimal` | `0` (constraint `DF_Order_total`) |');
      expect(order).toContain('| unique (nonclustered) | `number`, `total` | `UQ_Order_number_total` |');
    }
    // MySQL's prefix length on a field's own key, and a composite key clustered with no name of its own.
    const mysql = await pagesOf(
      [
        'datasource db {',
        '  provider = "mysql"',
        '}',
        'model Page {',
        '  slug String @id(length: 100) @db.VarChar(3000)',
        '}',
      ].join('\n'),
    );
    expect(mysql('data-model/model/page')).toContain('| primary key (length 100), @db.VarChar(3000) |');
    const clustered = await pagesOf(
      [
        'datasource db {',
        '  provider = "sqlserver"',
        '}',
        'model Pair {',
        '  a Int',
        '  b Int',
        '  @@id([a, b], clustered: false)',
        '}',
      ].join('\n'),
    );
    expect(clustered('data-model/model/pair')).toContain('| Primary key | `a`, `b` (nonclustered) |');
  });

  it("a native type is written with the datasource's name, as the schema writes it (@postgres.Integer, not @db.Integer)", async () => {
    // typegraphql-prisma's experiments/postgres schema names its datasource `postgres`
    const page = await pagesOf(
      [
        'datasource postgres {',
        '  provider = "postgresql"',
        '}',
        'model NativeTypeModel {',
        '  id    Int     @id @default(autoincrement()) @postgres.Integer',
        '  title String? @postgres.VarChar(120)',
        '}',
      ].join('\n'),
    );
    const native = page('data-model/model/nativetypemodel');
    expect(native).toContain('| `id` | `Int` | `autoincrement()` | primary key, @postgres.Integer |');
    expect(native).toContain('| `title` | `String`? |  | @postgres.VarChar(120) |');
  });

  it('relationMode = "prisma" (PlanetScale; dub\'s schema): the pages say the database has no foreign key constraints', async () => {
    const schema = [
      'datasource db {',
      '  provider     = "mysql"',
      '  relationMode = "prisma"',
      '}',
      'model Link {',
      '  id     String  @id',
      '  clicks Click[]',
      '}',
      'model Click {',
      '  id     String @id',
      '  linkId String',
      '  link   Link   @relation(fields: [linkId], references: [id], onDelete: Cascade)',
      '  @@index([linkId])',
      '}',
    ];
    const page = await pagesOf(schema.join('\n'));
    const said =
      'Relation mode `prisma`: the database has no foreign key constraints; Prisma Client keeps these relations and runs their on-delete and on-update actions.';
    expect(page('data-model')).toContain(said);
    expect(page('data-model/model/click')).toContain(said);
    expect(page('data-model/model/link')).toContain(said);
    // …so the column holds a reference, as a MongoDB document's does: no foreign key, on the page or
    // in the ERD (create-t3-app's PlanetScale schema read "foreign key userId → id" under that line)
    expect(page('data-model/model/click')).toContain('| reference linkId → id, on delete Cascade |');
    const emulated = await extractOf(schema.join('\n'));
    expect(erdDot(emulated)).toContain('<TD ALIGN="LEFT">ref</TD><TD ALIGN="LEFT">linkId</TD>');
    // the default (foreign keys in the database) says nothing of the kind
    const withKeys = await pagesOf(schema.filter((line) => !line.includes('relationMode')).join('\n'));
    expect(withKeys('data-model')).not.toContain('Relation mode');
    expect(withKeys('data-model/model/click')).not.toContain('Relation mode');
    expect(withKeys('data-model/model/click')).toContain('| foreign key linkId → id, on delete Cascade |');
  });

  it('referentialIntegrity = "prisma", relationMode\'s name before Prisma 4.8 (prisma-examples\' PlanetScale schema), says so too', async () => {
    const page = await pagesOf(
      [
        'generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["referentialIntegrity"]\n}',
        'datasource db {\n  provider = "mysql"\n  referentialIntegrity = "prisma"\n}',
        'model User {\n  id Int @id\n  posts Post[]\n}',
        'model Post {\n  id Int @id\n  authorId Int?\n  author User? @relation(fields: [authorId], references: [id], onDelete: SetNull)\n}',
      ].join('\n'),
    );
    expect(page('data-model')).toContain('Relation mode `prisma`: the database has no foreign key constraints');
  });

  it("a relation's onUpdate action is noted beside its onDelete", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Hook {',
        '  id    Int    @id',
        '  sinks Sink[]',
        '}',
        'model Sink {',
        '  id     Int  @id',
        '  hookId Int',
        '  hook   Hook @relation(fields: [hookId], references: [id], onDelete: Cascade, onUpdate: Restrict)',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/sink')).toContain(
      '| `hook` | [Hook](./data-model__model__hook.md) | foreign key hookId → id, on delete Cascade, on update Restrict |',
    );
  });

  it('a primary key also written @unique is noted unique: the database has that unique index as well', async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Token {',
        '  id    String @id @unique @map("token_id")',
        '  label String @unique',
        '  note  String',
        '}',
      ].join('\n'),
    );
    const token = page('data-model/model/token');
    expect(token).toContain('| `id` | `String` | primary key, unique, column token_id |');
    expect(token).toContain('| `label` | `String` | unique |');
    expect(token).toContain('| `note` | `String` |  |');
  });

  it("a model with no @id or @@id (hoppscotch's InvitedUsers) says it has no primary key, and which unique keys Prisma uses instead", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Invite {',
        '  adminId String',
        '  email   String @unique',
        '}',
        'model DeviceToken {',
        '  device String',
        '  token  String @unique',
        '  @@unique([device, token], name: "device_token")',
        '}',
        'model Member {',
        '  teamId String',
        '  userId String',
        '  @@id([teamId, userId])',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/invite')).toContain(
      '| Primary key | none: Prisma Client finds a row by its unique `email` instead |',
    );
    expect(page('data-model/model/devicetoken')).toContain(
      '| Primary key | none: Prisma Client finds a row by one of its unique keys instead (`token`, `device` + `token`) |',
    );
    // A composite key is the key: nothing about its absence.
    expect(page('data-model/model/member')).toContain('| Primary key | `teamId`, `userId` |');
    expect(page('data-model/model/member')).not.toContain('none:');
  });

  it("`prisma db pull`'s notices (check constraints, exclusion constraints) are notes on the model, not its description", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// This table contains check constraints and requires additional setup for migrations. Visit https://pris.ly/d/check-constraints for more info.',
        'model cart_item {',
        '  cart_id  Int @id',
        '  /// How many; at least one.',
        '  quantity Int',
        '}',
        '/// Rooms booked.',
        '/// This table contains exclusion constraints and requires additional setup for migrations. Visit https://pris.ly/d/postgres-exclusion-constraints for more info.',
        '/// This model or at least one of its fields has comments in the database, and requires an additional setup for migrations: Read more: https://pris.ly/d/database-comments',
        'model room_reservation {',
        '  id Int @id',
        '}',
      ].join('\n'),
    );
    const overview = page('data-model');
    expect(overview).toContain('| [cart_item](./data-model__model__cart_item.md) | `cart_item` | 2 |  |');
    expect(overview).toContain('| `room_reservation` | 1 | Rooms booked. |');
    expect(page('data-model/model/cart_item')).toContain(
      '| Notes | this table contains check constraints and requires additional setup for migrations (https://pris.ly/d/check-constraints) |',
    );
    expect(page('data-model/model/cart_item')).toContain('| `quantity` | `Int` |  | How many; at least one. |');
    const room = page('data-model/model/room_reservation');
    expect(room).toMatch(/^Rooms booked\.\n/);
    expect(room).toContain(
      '| Notes | this table contains exclusion constraints and requires additional setup for migrations (https://pris.ly/d/postgres-exclusion-constraints), this model or at least one of its fields has comments in the database, and requires an additional setup for migrations (https://pris.ly/d/database-comments) |',
    );
  });

  it("`prisma db pull`'s reason for a table or view it cannot key (no valid unique identifier) is a note, not the description", async () => {
    const page = await pagesOf(
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["views"]',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// The underlying table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client.',
        'model Customers {',
        '  CustomerID  String? @id',
        '  CompanyName String?',
        '  @@ignore',
        '}',
        '/// Daily totals.',
        '/// The underlying view does not contain a valid unique identifier and can therefore currently not be handled by the Prisma Client.',
        'view daily_report {',
        '  day   String',
        '  total Int',
        '}',
      ].join('\n'),
    );
    const customers = page('data-model/model/customers');
    expect(customers).not.toContain('The underlying table');
    expect(customers).toContain(
      '| Notes | the underlying table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client |',
    );
    const report = page('data-model/model/daily_report');
    expect(report).toMatch(/^Daily totals\.\n/);
    expect(report).toContain(
      '| Notes | the underlying view does not contain a valid unique identifier and can therefore currently not be handled by the Prisma Client |',
    );
  });

  it("`prisma db pull`'s notice above an enum (a comment on its database type) is a note, not the enum's description", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        '/// This enum is commented in the database, and requires an additional setup for migrations: Read more: https://pris.ly/d/database-comments',
        'enum colour {',
        '  red',
        '  green',
        '}',
        '/// Sizes we stock.',
        'enum size {',
        '  small',
        '}',
        'model shirt {',
        '  id     Int    @id',
        '  colour colour',
        '  size   size',
        '}',
      ].join('\n'),
    );
    const enums = page('data-model/enums');
    const colour = enums.slice(enums.indexOf('## colour'), enums.indexOf('## size'));
    expect(colour).not.toContain('This enum is commented');
    expect(colour).toContain(
      'Notes: this enum is commented in the database, and requires an additional setup for migrations (https://pris.ly/d/database-comments).',
    );
    // An enum's own description stays its description, with no notes line.
    const size = enums.slice(enums.indexOf('## size'));
    expect(size).toContain('Sizes we stock.');
    expect(size).not.toContain('Notes:');
  });

  it('a relation from a view is a reference with no default on-delete action: the database has no foreign key on a view', async () => {
    const page = await pagesOf(
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["views"]',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Document {',
        '  id    String         @id',
        '  stats DocumentStats?',
        '}',
        'view DocumentStats {',
        '  documentId String   @unique',
        '  views      Int',
        '  document   Document @relation(fields: [documentId], references: [id])',
        '  @@map("document_stats_v")',
        '}',
      ].join('\n'),
    );
    const stats = page('data-model/model/documentstats');
    expect(stats).toContain(
      '| `document` | [Document](./data-model__model__document.md) | reference documentId → id |',
    );
    expect(stats).toContain(
      '| `document` | 1:1 | [Document](./data-model__model__document.md) (`stats`) | documentId → id |  |',
    );
    expect(page('data-model')).not.toContain('Restrict');
    expect(page('data-model/model/document')).not.toContain('Restrict');
  });

  it('a model called Enums keeps its title: the enums page is then titled "Enum types"', async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model enums {',
        '  id   Int  @id',
        '  kind Kind',
        '}',
        'enum Kind {',
        '  A',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/enums')).toContain('| `kind` | [Kind](./data-model__enums.md#enum-kind) |');
    expect(page('data-model/enums')).toContain('## Kind');
  });

  it("a self-relation is listed from both of its fields on the model's page (a tree's parent and children)", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Folder {',
        '  id       Int      @id',
        '  parentId Int?',
        '  parent   Folder?  @relation("Tree", fields: [parentId], references: [id])',
        '  children Folder[] @relation("Tree")',
        '  peers    Folder[] @relation("Peers")',
        '  peerOf   Folder[] @relation("Peers")',
        '}',
      ].join('\n'),
    );
    const folder = page('data-model/model/folder');
    const link = '[Folder](./data-model__model__folder.md)';
    // an optional foreign key: Prisma's default on delete sets it to null
    expect(folder).toContain(`| \`parent\` | n:1 | ${link} (\`children\`) | parentId → id | SetNull (default) |`);
    expect(folder).toContain(`| \`children\` | 1:n | ${link} (\`parent\`) | parentId → id | SetNull (default) |`);
    // an implicit m-n's join table is Prisma's: `_` and the relation's name
    const links = 'Cascade (default): the links in the join table';
    expect(folder).toContain(`| \`peers\` | m:n | ${link} (\`peerOf\`) | join table \`_Peers\` | ${links} |`);
    expect(folder).toContain(`| \`peerOf\` | m:n | ${link} (\`peers\`) | join table \`_Peers\` | ${links} |`);
    // The overview lists each relation once.
    expect(page('data-model').match(/\| (n:1|m:n) \|/g)).toEqual(['| n:1 |', '| m:n |']);
  });

  it("lists a model's relations in the order of its fields, those it holds and those pointing at it alike", async () => {
    // hoppscotch's collections: a tree (parent, children) declared before the team it belongs to and
    // the requests it holds. Rows came out as the relations this model holds, then the others.
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Team {',
        '  id          String           @id',
        '  collections TeamCollection[]',
        '}',
        'model TeamCollection {',
        '  id       String           @id',
        '  parentID String?',
        '  teamID   String',
        '  parent   TeamCollection?  @relation("TeamCollectionChildParent", fields: [parentID], references: [id])',
        '  children TeamCollection[] @relation("TeamCollectionChildParent")',
        '  team     Team             @relation(fields: [teamID], references: [id], onDelete: Cascade)',
        '  requests TeamRequest[]',
        '}',
        'model TeamRequest {',
        '  id           String         @id',
        '  collectionID String',
        '  collection   TeamCollection @relation(fields: [collectionID], references: [id], onDelete: Cascade)',
        '}',
      ].join('\n'),
    );
    const relations = page('data-model/model/teamcollection').split('## Relations')[1]!;
    const fields = [...relations.matchAll(/^\| `(\w+)` \|/gm)].map(([, field]) => field);
    expect(fields).toEqual(['parent', 'children', 'team', 'requests']);
  });
});

describe('data-model pages', () => {
  it("count in the overview's Fields column the fields the model's page lists, relation fields too", async () => {
    const page = await pagesOf(
      [
        'datasource db {',
        '  provider = "postgresql"',
        '  url      = env("DATABASE_URL")',
        '}',
        'model Customer {',
        '  id     Int     @id',
        '  email  String  @unique',
        '  orders Order[]',
        '}',
        'model Order {',
        '  id         Int      @id',
        '  total      Int',
        '  customerId Int',
        '  customer   Customer @relation(fields: [customerId], references: [id])',
        '}',
      ].join('\n'),
    );
    const listed = (key: string) =>
      [
        ...page(key)
          .split('## Fields')[1]!
          .split('\n## ')[0]!
          .matchAll(/^\| `\w+` \|/gm),
      ].length;
    expect(listed('data-model/model/order')).toBe(4);
    expect(page('data-model')).toContain(
      `| [Order](./data-model__model__order.md) | \`Order\` | ${listed('data-model/model/order')} |`,
    );
    expect(page('data-model')).toContain(
      `| [Customer](./data-model__model__customer.md) | \`Customer\` | ${listed('data-model/model/customer')} |`,
    );
  });

  it('have no Description or Name column that nothing fills (a schema without /// comments)', async () => {
    const schema = (comment: string) =>
      [
        'datasource db {',
        '  provider = "postgresql"',
        '  url      = env("DATABASE_URL")',
        '}',
        `${comment}model Order {`,
        '  id    Int    @id',
        '  total Int',
        '  code  String',
        '  @@index([total])',
        '}',
      ].join('\n');
    const bare = await pagesOf(schema(''));
    expect(bare('data-model')).toContain(
      '| Model | Table | Fields |\n| --- | --- | --- |\n| [Order](./data-model__model__order.md) | `Order` | 3 |\n',
    );
    expect(bare('data-model/model/order')).toContain('| Field | Type | Notes |\n| --- | --- | --- |\n');
    expect(bare('data-model/model/order')).toContain('| Kind | Fields |\n| --- | --- |\n| index | `total` |\n');
    const documented = await pagesOf(
      schema('/// A customer order.\n')
        .replace('  code  String', '  code  String /// Shown on the receipt.')
        .replace('@@index([total])', '@@index([total], map: "order_total")'),
    );
    expect(documented('data-model')).toContain('| Model | Table | Fields | Description |');
    expect(documented('data-model/model/order')).toContain('| Field | Type | Notes | Description |');
    expect(documented('data-model/model/order')).toContain('| `code` | `String` |  | Shown on the receipt. |');
    expect(documented('data-model/model/order')).toContain('| Kind | Fields | Name |');
  });

  it('a schema outside the folder it runs in (--prisma given from elsewhere) is named from its repository, not by climbing out', async () => {
    const repository = await mkdtemp(join(tmpdir(), 'docgen-prisma-repo-'));
    await mkdir(join(repository, '.git'));
    await mkdir(join(repository, 'prisma'));
    const schema = join(repository, 'prisma', 'schema.prisma');
    await writeFile(schema, 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Item {\n  id Int @id\n}\n');
    const elsewhere = await mkdtemp(join(tmpdir(), 'docgen-prisma-cwd-'));
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: elsewhere });
    const page = (key: string) => tree.pages.find((candidate) => candidate.key === key)!.markdown;
    expect(page('data-model')).toContain('from `prisma/schema.prisma`: 1 model.');
    expect(page('data-model/model/item')).toContain('| Defined in | `prisma/schema.prisma` |');
  });

  it("closes raw HTML a model's documentation leaves open, before the page's own tables", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-html-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      'datasource db {\n  provider = "postgresql"\n}\n\n/// Stored as:\n/// <pre> {\n///   "id": 1\n/// }\n/// </pre> or <pre> {\n///   "id": 2\nmodel Item {\n  id Int @id\n}\n',
    );
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: dir });
    const item = tree.pages.find((page) => page.key === 'data-model/model/item')!.markdown;
    expect(item.indexOf('\n</pre>\n')).toBeGreaterThan(item.indexOf('"id": 2'));
    expect(item.indexOf('\n</pre>\n')).toBeLessThan(item.indexOf('| Defined in |'));
  });

  it("nests a model's and an enum's documentation headings under the page's own", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-headings-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      'datasource db {\n  provider = "postgresql"\n}\n\n/// # Lifecycle\n/// Items are soft-deleted.\nmodel Item {\n  id Int @id\n  state State\n}\n\n/// # Meaning\n/// Where an item is.\nenum State {\n  DRAFT\n  LIVE\n}\n',
    );
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((candidate) => candidate.key === key)!.markdown;
    expect(page('data-model/model/item').match(/^#+ .*$/gm)![0]).toBe('## Lifecycle');
    expect(
      page('data-model/enums')
        .match(/^#+ .*$/gm)!
        .slice(0, 2),
    ).toEqual(['## State', '### Meaning']);
  });

  it("moves an HTML heading (<h1>) in a model's documentation under the page's own, as a Markdown one", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-html-headings-'));
    const schema = join(dir, 'schema.prisma');
    await writeFile(
      schema,
      'datasource db {\n  provider = "postgresql"\n}\n\n/// <h1>Lifecycle</h1>\n/// Items are soft-deleted; see `<h1>` in the admin.\nmodel Item {\n  id Int @id\n}\n',
    );
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: dir });
    const item = tree.pages.find((page) => page.key === 'data-model/model/item')!.markdown;
    expect(item).toContain('<h2>Lifecycle</h2>\nItems are soft-deleted; see `<h1>` in the admin.');
  });

  it('an overview, a page per model and an enums page, with stable keys and unique titles', async () => {
    const tree = renderPrisma(await extractPrisma(join(fixtures, 'blog.prisma')), templates, { cwd: fixtures });
    validatePageTree(tree);
    expect(tree.pages.map((page) => [page.key, page.title, page.parentKey ?? null])).toEqual([
      ['data-model', 'Data model', null],
      ['data-model/model/user', 'Data model: User', 'data-model'],
      ['data-model/model/profile', 'Data model: Profile', 'data-model'],
      ['data-model/model/post', 'Data model: Post', 'data-model'],
      ['data-model/model/tag', 'Data model: Tag', 'data-model'],
      ['data-model/model/follow', 'Data model: Follow', 'data-model'],
      ['data-model/enums', 'Data model: Enums', 'data-model'],
    ]);
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('data-model')).toContain(
      'The database schema of this system (postgresql), from `blog.prisma`: 5 models and 1 enum.',
    );
    expect(page('data-model')).toContain(
      '| [Post](./data-model__model__post.md) | `tags` | m:n | [Tag](./data-model__model__tag.md) (`posts`) | join table `_PostToTag` | Cascade (default): the links in the join table |',
    );
    expect(page('data-model')).toContain(
      '| [User](./data-model__model__user.md) | `users` | 8 | Someone who writes. |',
    );
    const user = page('data-model/model/user');
    expect(user).toContain('| Defined in | `blog.prisma` |');
    expect(user).toContain('| `role` | [Role](./data-model__enums.md#enum-role) | `READER` |  |  |');
    expect(user).toContain('| `name` | `String`? |  |  | Shown on posts. |');
    expect(user).toContain(
      '| `posts` | 1:n | [Post](./data-model__model__post.md) (`author`) | authorId → id | Restrict (default) |',
    );
    const post = page('data-model/model/post');
    expect(post).toContain('| unique | `authorId`, `slug` | `one_slug_per_author` |');
    expect(post).toContain('| `author` | [User](./data-model__model__user.md) |  | foreign key authorId → id |');
    expect(page('data-model/model/follow')).toContain('| Primary key | `followerId`, `followeeId` |');
    expect(page('data-model/model/profile')).toContain('| `userId` | `String` | primary key, column user_id |');
    const enums = page('data-model/enums');
    expect(enums).toContain('::anchor[enum-role]\n\n## Role');
    expect(enums).toContain('| `AUTHOR` | `writer` |');
    expect(enums).toContain('Used by [User](./data-model__model__user.md).');
  });

  it('takes the title, key and labels from the options', async () => {
    const tree = renderPrisma(await extractPrisma(join(fixtures, 'blog.prisma')), templates, {
      title: 'Blog schema',
      key: 'blog-db',
      labels: ['team-blog'],
    });
    expect(tree.pages[1]).toMatchObject({
      key: 'blog-db/model/user',
      title: 'Blog schema: User',
      labels: ['data-model', 'team-blog', 'prisma-model'],
    });
  });

  it('the ERD marks a column keying another document or a view `ref`, not FK: neither has a foreign key constraint', async () => {
    const cell = (label: string, column: string) => `<TD ALIGN="LEFT">${label}</TD><TD ALIGN="LEFT">${column}</TD>`;
    // MongoDB: the field holds the other document's id; the database constrains nothing.
    const mongo = erdDot(await extractPrisma(join(fixtures, 'mongo.prisma')));
    expect(mongo).toContain(cell('ref', 'customerId'));
    expect(mongo).not.toContain('>FK<');
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      [
        'generator client {',
        '  provider        = "prisma-client-js"',
        '  previewFeatures = ["views"]',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Document {',
        '  id       String         @id',
        '  ownerId  String',
        '  owner    User           @relation(fields: [ownerId], references: [id])',
        '  statsId  String?        @unique',
        '  stats    DocumentStats? @relation(fields: [statsId], references: [documentId])',
        '}',
        'model User {',
        '  id        String     @id',
        '  documents Document[]',
        '  listed    UserDocuments[]',
        '}',
        'view DocumentStats {',
        '  documentId String    @unique',
        '  views      Int',
        '  doc        Document?',
        '}',
        'view UserDocuments {',
        '  documentId String   @unique',
        '  userId     String',
        '  user       User     @relation(fields: [userId], references: [id])',
        '}',
      ].join('\n'),
    );
    const views = erdDot(await extractPrisma(join(dir, 'schema.prisma')));
    // A table's key to a table is a foreign key…
    expect(views).toContain(cell('FK', 'ownerId'));
    // …its key to a view is not (no constraint can point at a view), nor is a view's key to a table.
    expect(views).toContain(cell('ref', 'statsId'));
    expect(views).toContain(cell('ref', 'userId'));
  });

  it('draws the entity-relationship diagram with Graphviz and attaches it to the overview', async () => {
    const model = await extractPrisma(join(fixtures, 'blog.prisma'));
    const dot = erdDot(model);
    expect(dot).toContain('"Post" -> "User" [label="n:1 (authorId)"];');
    expect(dot).toContain('"Post" -> "Tag" [label="m:n", dir=both];');
    expect(dot).toContain('<TD ALIGN="LEFT">PK</TD><TD ALIGN="LEFT">id</TD>');
    // a key column that is also a foreign key is marked both (langfuse's Membership: @@id([projectId, userId]))
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      [
        'datasource db {',
        '  provider = "postgresql"',
        '}',
        'model Project {',
        '  id      String       @id',
        '  members Membership[]',
        '}',
        'model Membership {',
        '  projectId String',
        '  project   Project @relation(fields: [projectId], references: [id])',
        '  userId    String',
        '  @@id([projectId, userId])',
        '}',
      ].join('\n'),
    );
    const membership = erdDot(await extractPrisma(join(dir, 'schema.prisma')));
    expect(membership).toContain('<TD ALIGN="LEFT">PK, FK</TD><TD ALIGN="LEFT">projectId</TD>');
    expect(membership).toContain('<TD ALIGN="LEFT">PK</TD><TD ALIGN="LEFT">userId</TD>');
    const svg = await erdSvg(model);
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    for (const name of ['User', 'Profile', 'Post', 'Tag', 'Follow']) expect(svg).toContain(`>${name}</text>`);
    expect(await erdSvg(model)).toBe(svg); // the same model, the same bytes: no re-upload
    const tree = renderPrisma(model, templates, { erd: svg });
    expect(tree.pages[0]!.attachments).toEqual([
      expect.objectContaining({
        fileName: 'erd.svg',
        mediaType: 'image/svg+xml',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(tree.pages[0]!.markdown).toContain(
      '![Entity-relationship diagram of the models and their relations](./erd.svg)',
    );
  });

  it('a big schema is drawn per @@schema namespace: each area whole, a model of another area as its name only', async () => {
    // Real schemas of 80 to 150 models (dub, cal.com, trigger.dev) gave one diagram metres long.
    // Ten models in each of billing, content and ops, each pointing to the one before it, and the
    // first of content and of ops to billing's first (the User every area points to).
    const areas = ['billing', 'content', 'ops'];
    const tables = areas.flatMap((area, a) =>
      Array.from({ length: 10 }, (_, i) => ({
        name: `${area[0]!.toUpperCase()}${area.slice(1)}${i}`,
        area,
        points: i > 0 ? `${area[0]!.toUpperCase()}${area.slice(1)}${i - 1}` : a > 0 ? 'Billing0' : undefined,
      })),
    );
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n  schemas  = ["billing", "content", "ops"]\n}\n' +
        modelsText(tables),
    );
    const model = await extractPrisma(join(dir, 'schema.prisma'));
    expect(erdAreas(model).map((area) => [area.name, area.by, area.models.length])).toEqual([
      ['billing', 'schema', 10],
      ['content', 'schema', 10],
      ['ops', 'schema', 10],
    ]);
    const content = erdDot(model, erdAreas(model)[1]);
    expect(content).toContain('<B>Content9</B>'); // its models, as tables
    expect(content).toContain('"Content1" -> "Content0"');
    // billing's first, which Content0 points to: its name and area, dashed; no other billing model
    expect(content).toContain(
      '"Billing0" [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD STYLE="dashed" BGCOLOR="#F4F5F7">Billing0<BR/><FONT POINT-SIZE="8" COLOR="#6B778C">billing</FONT></TD></TR></TABLE>>];',
    );
    expect(content).toContain('"Content0" -> "Billing0"');
    expect(content).not.toMatch(/Billing[1-9]|Ops\d/);
    // Each relation is drawn once, where its foreign key is: billing's diagram does not draw again
    // every model pointing to Billing0 (a User would draw the whole schema).
    expect(erdDot(model, erdAreas(model)[0])).not.toMatch(/Content|Ops/);

    const diagrams = await erdDiagrams(model);
    // The areas' diagrams, then each model's own (a big schema's model pages have one each).
    expect(diagrams.slice(0, 3).map((diagram) => diagram.area?.name)).toEqual(areas);
    expect(diagrams.slice(3).map((diagram) => diagram.area?.name)).toEqual(tables.map((table) => table.name));
    expect(diagrams[2]!.svg).toContain('>Ops9</text>');
    const tree = renderPrisma(model, templates, { erd: diagrams, cwd: dir });
    validatePageTree(tree);
    expect(tree.pages[0]!.attachments.map((attachment) => attachment.fileName)).toEqual([
      'erd-billing.svg',
      'erd-content.svg',
      'erd-ops.svg',
    ]);
    const overview = tree.pages[0]!.markdown;
    expect(overview).toContain(
      'One entity-relationship diagram per database schema (`@@schema`): one of all 30 models would not be readable.',
    );
    expect(overview).toContain(
      '### content\n\n![Entity-relationship diagram of content (10 models)](./erd-content.svg)',
    );
    expect(overview).not.toContain('](./erd.svg)');
    // The overview's table still has every relation, across areas too.
    expect(overview).toContain('| [Content0](./data-model__model__content0.md) | `owner` | n:1 | [Billing0]');
  });

  it("a big schema's model pages each show the model and those it is related to, both ways", async () => {
    // cal.com's 100 models are in one file and one namespace: its one diagram is too big to find
    // a model in, so each model's page has its own: the model whole, its related models by name.
    const chain = Array.from({ length: 26 }, (_, i) => ({ name: `Step${i}`, points: i ? `Step${i - 1}` : undefined }));
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n' + modelsText(chain));
    const model = await extractPrisma(join(dir, 'schema.prisma'));
    const step5 = erdDot(model, { name: 'Step5', by: 'model', models: ['Step5'] });
    expect(step5).toContain('<B>Step5</B>');
    expect(step5).toContain('<TD ALIGN="LEFT">FK</TD><TD ALIGN="LEFT">ownerId</TD>'); // its columns, as in a small diagram
    expect(step5).toContain('"Step5" -> "Step4"'); // the model it points to…
    expect(step5).toContain('"Step6" -> "Step5"'); // …and the one pointing to it
    expect(step5).toContain('<TD STYLE="dashed" BGCOLOR="#F4F5F7">Step6</TD>');
    expect(step5).not.toMatch(/Step7|Step3/);

    const diagrams = await erdDiagrams(model);
    expect(diagrams.map((diagram) => diagram.area?.name)).toEqual([undefined, ...chain.map((step) => step.name)]);
    const tree = renderPrisma(model, templates, { erd: diagrams, cwd: dir });
    validatePageTree(tree);
    expect(tree.pages[0]!.attachments.map((attachment) => attachment.fileName)).toEqual(['erd.svg']);
    const page = tree.pages.find((item) => item.key === 'data-model/model/step5')!;
    expect(page.attachments).toEqual([expect.objectContaining({ fileName: 'erd.svg', mediaType: 'image/svg+xml' })]);
    expect(new TextDecoder().decode(page.attachments[0]!.data)).toContain('>Step6</text>');
    expect(page.markdown).toContain(
      '## Relations\n\n![Entity-relationship diagram of Step5 and the models it is related to](./erd.svg)',
    );

    // A model of a small schema has none: the overview's diagram shows it whole, with the others.
    const small = await extractPrisma(join(fixtures, 'blog.prisma'));
    expect((await erdDiagrams(small)).map((diagram) => diagram.area)).toEqual([undefined]);
    const blog = renderPrisma(small, templates, { erd: await erdDiagrams(small) });
    expect(blog.pages.slice(1).flatMap((item) => item.attachments)).toEqual([]);
  });

  it('a schema of mostly unrelated tables (a legacy database, db pulled) is drawn packed, not one column metres tall', async () => {
    // As @factor-wise/prisma-schema's 188 tables in one file, 115 of them in no relation (logs,
    // dated copies: appcustloanlog21042023): one diagram, 1929 × 12664 pt before the packing.
    const related = Array.from({ length: 6 }, (_, i) => ({ name: `loan${i}`, points: i ? 'loan0' : undefined }));
    const logs = Array.from({ length: 34 }, (_, i) => ({ name: `applog${i}` }));
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      'datasource db {\n  provider = "mysql"\n}\n' + modelsText([...related, ...logs]),
    );
    const model = await extractPrisma(join(dir, 'schema.prisma'));
    expect(erdAreas(model)).toEqual([]);
    const [width, height] = /width="(\d+)pt" height="(\d+)pt"/
      .exec(await erdSvg(model))!
      .slice(1)
      .map(Number);
    expect(height! / width!).toBeLessThan(2);
  });

  it('a big schema of one file and one namespace is drawn per group of closely related models, each named after its most related one', async () => {
    // A single schema.prisma of 72 models (cal.com's has 100, an 800-model one drew 4176 × 21564 pt):
    // accounts around User, a catalogue around Product, billing around Invoice; Product and Invoice
    // point to User.
    const star = (hub: string, prefix: string, points?: string) => [
      { name: hub, points },
      ...Array.from({ length: 23 }, (_, i) => ({ name: `${prefix}${i}`, points: hub })),
    ];
    const tables = [
      ...star('User', 'Account'),
      ...star('Product', 'Variant', 'User'),
      ...star('Invoice', 'Line', 'User'),
    ];
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n' + modelsText(tables));
    const model = await extractPrisma(join(dir, 'schema.prisma'));
    const areas = erdAreas(model);
    expect(areas.map((area) => [area.name, area.by, area.models.length])).toEqual([
      ['User group', 'group', 24],
      ['Product group', 'group', 24],
      ['Invoice group', 'group', 24],
    ]);
    expect(areas[1]!.models).toEqual(tables.slice(24, 48).map((table) => table.name));
    const catalogue = erdDot(model, areas[1]);
    expect(catalogue).toContain('<B>Variant22</B>');
    expect(catalogue).toContain('"Product" -> "User"');
    expect(catalogue).toContain(
      '<TD STYLE="dashed" BGCOLOR="#F4F5F7">User<BR/><FONT POINT-SIZE="8" COLOR="#6B778C">User group</FONT>',
    );
    expect(catalogue).not.toMatch(/Account\d|Line\d|"Invoice"/);

    const tree = renderPrisma(model, templates, { erd: await erdDiagrams(model), cwd: dir });
    validatePageTree(tree);
    expect(tree.pages[0]!.attachments.map((attachment) => attachment.fileName)).toEqual([
      'erd-user-group.svg',
      'erd-product-group.svg',
      'erd-invoice-group.svg',
    ]);
    expect(tree.pages[0]!.markdown).toContain(
      'One entity-relationship diagram per group of closely related models, named after the model most related in it: one of all 72 models would not be readable.',
    );

    // Up to 60 models, one file is still one diagram (documenso's 51: 2289 × 1852 pt).
    await writeFile(
      join(dir, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\n' + modelsText(tables.slice(0, 60)),
    );
    expect(erdAreas(await extractPrisma(join(dir, 'schema.prisma')))).toEqual([]);
  });

  it("the tables pointing to a hub that its full group had no room for are drawn as more of the hub's, not named after one of them", async () => {
    // A User 60 tables point to: its group holds 25, the 36 others overflow into two groups of
    // their own, which were named after one of their tables ("Session24 group").
    const tables = [
      { name: 'User' },
      ...Array.from({ length: 60 }, (_, i) => ({ name: `Session${i}`, points: 'User' })),
    ];
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n' + modelsText(tables));
    const model = await extractPrisma(join(dir, 'schema.prisma'));
    expect(erdAreas(model).map((area) => [area.name, area.models.length])).toEqual([
      ['User group', 25],
      ['More of User', 25],
      ['More of User (2)', 11],
    ]);
    const more = erdDot(model, erdAreas(model)[1]);
    expect(more).toContain('User<BR/><FONT POINT-SIZE="8" COLOR="#6B778C">User group</FONT>');

    const tree = renderPrisma(model, templates, { erd: await erdDiagrams(model), cwd: dir });
    validatePageTree(tree);
    expect(tree.pages[0]!.attachments.map((attachment) => attachment.fileName)).toEqual([
      'erd-user-group.svg',
      'erd-more-of-user.svg',
      'erd-more-of-user-2.svg',
    ]);
    expect(tree.pages[0]!.markdown).toContain('### More of User (2)');
    // The overview's sentence says what a "More of" group is.
    expect(tree.pages[0]!.markdown).toContain(
      'named after the model most related in it, and "More of …" for the tables too many for one group',
    );
  });

  it("a hub's leftover tables are drawn in rows above it, not one column metres tall", async () => {
    // 60 tables pointing to a User: its leftovers' groups of 25 and 11 were drawn as one column of
    // tables beside User (25 real ones: 593 × 3141 pt).
    const tables = [
      { name: 'User' },
      ...Array.from({ length: 60 }, (_, i) => ({ name: `Session${i}`, points: 'User' })),
    ];
    const model = await extractOf('datasource db {\n  provider = "postgresql"\n}\n' + modelsText(tables));
    const leftovers = (await erdDiagrams(model)).filter((diagram) => diagram.area?.name.startsWith('More of User'));
    expect(leftovers.map((diagram) => diagram.area!.models.length)).toEqual([25, 11]);
    for (const { svg } of leftovers) {
      const [width, height] = /width="(\d+)pt" height="(\d+)pt"/.exec(svg)!.slice(1).map(Number);
      expect(height! / width!).toBeGreaterThan(0.3);
      expect(height! / width!).toBeLessThan(1.5);
    }
  });

  it("a hub's own group is drawn as a star, its tables in rows around it, not one column metres tall", async () => {
    // 62 models in one file: 22 tables point to User, 17 to Workspace. User's group was one column
    // beside it (449 × 3697 pt), Workspace's 633 × 2852, and User's own page's diagram 390 × 1539.
    const model = await extractPrisma(join(fixtures, 'saas.prisma'));
    const diagrams = await erdDiagrams(model);
    const shown = diagrams.filter((diagram) => diagram.area?.by === 'group' || diagram.area?.name === 'User');
    expect(shown.map((diagram) => diagram.area!.name)).toEqual([
      'User group',
      'Workspace group',
      'Product group',
      'Order group',
      'User',
    ]);
    for (const { svg } of shown) {
      const [width, height] = /width="(\d+)pt" height="(\d+)pt"/.exec(svg)!.slice(1).map(Number);
      expect(height! / width!).toBeLessThan(3);
      expect(width! / height!).toBeLessThan(3);
    }
    // A model with a few links is still drawn left to right (dub's Link and its 8 stubs).
    expect(erdDot(model, { name: 'Order', by: 'model', models: ['Order'] })).toContain('rankdir=LR');

    // The hub is the model with the most leaves, not the most links: Team's 10 members each
    // point to Org too, and the 9 tables pointing to User alone are the star.
    const members = Array.from({ length: 10 }, (_, i) => `Member${i}`);
    const orgAndTeam = await extractOf(
      'datasource db {\n  provider = "postgresql"\n}\n' +
        modelsText([{ name: 'User' }, ...Array.from({ length: 9 }, (_, i) => ({ name: `Log${i}`, points: 'User' }))]) +
        '\nmodel Team {\n  id Int @id\n' +
        members.map((name) => `  ${name.toLowerCase()}s ${name}[]`).join('\n') +
        '\n}\nmodel Org {\n  id Int @id\n' +
        members.map((name) => `  ${name.toLowerCase()}s ${name}[]`).join('\n') +
        '\n}\n' +
        members
          .map(
            (name) =>
              `model ${name} {\n  id Int @id\n  teamId Int\n  team Team @relation(fields: [teamId], references: [id])\n  orgId Int\n  org Org @relation(fields: [orgId], references: [id])\n}`,
          )
          .join('\n'),
    );
    expect(erdDot(orgAndTeam)).toContain('rankdir=TB');
    expect(erdDot(orgAndTeam)).toMatch(/"Log8" -> "User" \[label="n:1 \(ownerId\)", minlen=\d\]/);
  });

  it('a big multi-file schema is drawn per file; a small one, or one without areas, in one diagram', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
    await writeFile(join(dir, 'user.prisma'), modelsText([{ name: 'User', pointedBy: ['Link0'] }]));
    const links = Array.from({ length: 26 }, (_, i) => ({ name: `Link${i}`, points: i ? undefined : 'User' }));
    await writeFile(join(dir, 'link.prisma'), modelsText(links));
    const model = await extractPrisma(dir);
    expect(erdAreas(model).map((area) => [area.name, area.by, area.models.length])).toEqual([
      ['link.prisma', 'file', 26],
      ['user.prisma', 'file', 1],
    ]);
    expect(erdDot(model, erdAreas(model)[0])).toContain('"Link0" -> "User"');
    const tree = renderPrisma(model, templates, { erd: await erdDiagrams(model), cwd: dir });
    expect(tree.pages[0]!.attachments.map((attachment) => attachment.fileName)).toEqual([
      'erd-link.svg',
      'erd-user.svg',
    ]);
    expect(tree.pages[0]!.markdown).toContain('One entity-relationship diagram per file of the schema:');
    expect(tree.pages[0]!.markdown).toContain('### link.prisma');

    // MongoDB: a composite type of another file, embedded here, is drawn by name, with its embeds edge.
    const mongo = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(join(mongo, 'schema.prisma'), 'datasource db {\n  provider = "mongodb"\n}\n');
    await writeFile(join(mongo, 'types.prisma'), 'type Address {\n  city String\n}\n');
    await writeFile(
      join(mongo, 'shops.prisma'),
      Array.from(
        { length: 26 },
        (_, i) => `model Shop${i} {\n  id String @id @map("_id") @db.ObjectId\n  address Address\n}`,
      ).join('\n'),
    );
    const documents = await extractPrisma(mongo);
    const shops = erdDot(
      documents,
      erdAreas(documents).find((area) => area.name === 'shops.prisma'),
    );
    expect(shops).toContain('<TD STYLE="dashed" BGCOLOR="#F4F5F7">Address<BR/>');
    // 26 shops embedding one type are a star: drawn in rows around it, each edge a row's length.
    expect(shops).toContain('"Shop25" -> "Address" [label="embeds (address)", style=dashed, minlen=2];');

    // 25 models or fewer: one diagram, whatever the areas.
    await writeFile(join(dir, 'link.prisma'), modelsText(links.slice(0, 3)));
    const small = await extractPrisma(dir);
    expect(erdAreas(small)).toEqual([]);
    expect((await erdDiagrams(small)).map((diagram) => diagram.area)).toEqual([undefined]);
    // One file, one namespace (cal.com's 100 models): no areas to draw by, one diagram.
    const single = await mkdtemp(join(tmpdir(), 'docgen-prisma-'));
    await writeFile(
      join(single, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\n' + modelsText(links.map(({ name }) => ({ name }))),
    );
    expect(erdAreas(await extractPrisma(join(single, 'schema.prisma')))).toEqual([]);
  });

  it('links only to pages of the tree, for every fixture (MongoDB composite types included)', async () => {
    for (const schema of ['blog.prisma', 'mongo.prisma', 'db-pull.prisma']) {
      const tree = renderPrisma(await extractPrisma(join(fixtures, schema)), templates, {});
      const files = new Set(tree.pages.map((page) => `${page.key.replace(/\//g, '__')}.md`));
      const links = tree.pages.flatMap((page) =>
        [...page.markdown.matchAll(/\]\(\.\/([^)#]+\.md)/g)].map((match) => match[1]!),
      );
      expect(links.length).toBeGreaterThan(3);
      expect([schema, links.filter((link) => !files.has(link))]).toEqual([schema, []]);
    }
    const mongo = renderPrisma(await extractPrisma(join(fixtures, 'mongo.prisma')), templates, {});
    const address = mongo.pages.find((page) => page.key === 'data-model/model/address')!;
    expect(address.markdown).toContain(
      'composite type (embedded in the documents that use it; no collection of its own)',
    );
    // MongoDB stores documents in collections, not tables (SocialNet-Backend's schema.mongo.prisma read "Table")
    expect(mongo.pages.find((page) => page.key === 'data-model/model/customer')!.markdown).toContain(
      '| Collection | `Customer` |',
    );
    expect(mongo.pages[0]!.markdown).toContain('| Model | Collection | Fields | Description |');
    // …and its documents have fields, not columns: `@map("_id")` names the document's field (umami's
    // MongoDB schema read "column _id", "column website_id" beside "Collection")
    expect(mongo.pages.find((page) => page.key === 'data-model/model/customer')!.markdown).toContain(
      '| `id` | `String` | `auto()` | primary key, document field _id, @db.ObjectId |',
    );
    // MongoDB has no foreign key constraints: its relations are Prisma Client's, as with relationMode = "prisma"
    const emulated =
      "Relation mode `prisma` (MongoDB's only one): the database has no foreign key constraints; Prisma Client keeps these relations";
    expect(mongo.pages[0]!.markdown).toContain(emulated);
    expect(mongo.pages.find((page) => page.key === 'data-model/model/customer')!.markdown).toContain(emulated);
    expect(mongo.pages.find((page) => page.key === 'data-model/model/customer')!.markdown).toContain(
      '| `address` | [Address](./data-model__model__address.md)? |  | embedded |',
    );
    expect(erdDot(await extractPrisma(join(fixtures, 'mongo.prisma')))).toContain(
      '"Customer" -> "Address" [label="embeds (address)", style=dashed];',
    );
    // A composite type's page says where it is embedded, as a model's lists its relations both ways.
    expect(address.markdown).toContain('| Embedded in | [Customer](./data-model__model__customer.md) (`address`) |');
    expect(mongo.pages.find((page) => page.key === 'data-model/model/line')!.markdown).toContain(
      '| Embedded in | [Order](./data-model__model__order.md) (`lines`) |',
    );
    // An embedded document is a field of the document that holds it, a relation field too: as the model's page lists them.
    expect(mongo.pages[0]!.markdown).toContain('| [Customer](./data-model__model__customer.md) | `Customer` | 4 |');
    expect(mongo.pages[0]!.markdown).toContain('| [Order](./data-model__model__order.md) | `Order` | 4 |');
  });
});

describe('an edit to one model', () => {
  it("leaves the other models' and the enums' pages as they were: no line numbers that move with it", async () => {
    const before = [
      'model Customer {\n  id Int @id\n  invoices Invoice[]\n}',
      'model Invoice {\n  id Int @id\n  customerId Int\n  customer Customer @relation(fields: [customerId], references: [id])\n  state State\n}',
      'enum State {\n  DRAFT\n  SENT\n}',
    ];
    const after = [
      before[0]!.replace('  id Int @id\n', '  id Int @id\n  email String\n  name String?\n'),
      ...before.slice(1),
    ];
    const [pageBefore, pageAfter] = await Promise.all([pagesOf(before.join('\n\n')), pagesOf(after.join('\n\n'))]);
    expect(pageAfter('data-model/model/customer')).not.toBe(pageBefore('data-model/model/customer'));
    expect(pageAfter('data-model/model/invoice')).toBe(pageBefore('data-model/model/invoice'));
    expect(pageAfter('data-model/enums')).toBe(pageBefore('data-model/enums'));
    // Where it is defined stays on the page: the file.
    expect(pageAfter('data-model/model/invoice')).toContain('| Defined in | `schema.prisma` |');
  });
});

describe('@@ignore and @ignore (a `prisma db pull` schema): in the database, so on the pages, marked', () => {
  const schema = join(fixtures, 'db-pull.prisma');
  const NOTE = 'Marked `@@ignore`: the table exists in the database, but the generated client has no API for it.';

  it("reads the @@ignore'd model from the text, where it is declared, and puts back the @ignore'd fields", async () => {
    const warnings: Diagnostic[] = [];
    const model = await extractPrisma(schema, { report: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([]);
    expect(model.models.map((item) => [item.name, item.ignored])).toEqual([
      ['users', undefined],
      ['audit_log', true],
      ['posts', undefined],
    ]);
    const audit = model.models.find((item) => item.name === 'audit_log')!;
    expect(audit).toMatchObject({
      kind: 'model',
      dbName: 'audit-log',
      // db pull's reason for ignoring it is a note, not the description.
      documentation: undefined,
      setupNotices: [
        'the underlying table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client',
      ],
      defined: { file: schema, line: 24 },
      indexes: [{ kind: 'index', fields: ['user_id', 'happened_at DESC'], name: 'audit_log_user_idx' }],
    });
    expect(audit.primaryKey).toBeUndefined();
    expect(
      audit.fields.map((field) => [
        field.name,
        field.kind,
        field.type,
        field.isRequired,
        field.default,
        field.nativeType,
      ]),
    ).toEqual([
      ['user_id', 'scalar', 'Int', false, undefined, undefined],
      ['kind', 'enum', 'audit_kind', true, 'UPDATE', undefined],
      ['detail', 'scalar', 'String', false, undefined, '@db.VarChar(200)'],
      ['happened_at', 'scalar', 'DateTime', true, 'now()', '@db.Timestamptz(6)'],
      ['place', 'unsupported', 'Unsupported("geography(Point, 4326)")', false, undefined, undefined],
      ['users', 'object', 'users', false, undefined, undefined],
    ]);
    expect(audit.fields.find((field) => field.name === 'users')!.relation).toEqual({
      name: 'audit_logTousers',
      fields: ['user_id'],
      references: ['id'],
      onDelete: 'NoAction',
      onUpdate: 'NoAction',
    });
    const users = model.models.find((item) => item.name === 'users')!;
    expect(users.fields.map((field) => [field.name, field.ignored ?? false])).toEqual([
      ['id', false],
      ['email', false],
      ['home', false],
      ['legacy_pin', true],
      ['audit_log', true],
      ['posts', false],
    ]);
    expect(users.fields.find((field) => field.name === 'legacy_pin')!.documentation).toBe(
      'Four digits, from the old kiosk.',
    );
    expect(
      model.relations.map(({ from, fromField, cardinality, to, toField, ignored }) => [
        from,
        fromField,
        cardinality,
        to,
        toField,
        ignored,
      ]),
    ).toEqual([
      ['audit_log', 'users', 'n:1', 'users', 'audit_log', true],
      ['posts', 'users', 'n:1', 'users', 'posts', undefined],
    ]);
  });

  it('gives the ignored model its page with the note, its table, fields and index; marks the ignored fields', async () => {
    const tree = renderPrisma(await extractPrisma(schema), templates, { cwd: fixtures });
    validatePageTree(tree);
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(tree.pages.map((item) => item.key)).toEqual([
      'data-model',
      'data-model/model/users',
      'data-model/model/audit_log',
      'data-model/model/posts',
      'data-model/enums',
    ]);
    const audit = page('data-model/model/audit_log');
    expect(audit.startsWith(`:::info[Ignored by Prisma Client]\n${NOTE}\n:::\n\n| | |`)).toBe(true);
    expect(audit).toContain('| Notes | the underlying table does not contain a valid unique identifier');
    expect(audit).toContain('| Table | `audit-log` |');
    expect(audit).toContain('| Defined in | `db-pull.prisma` |');
    expect(audit.match(/^\| `\w+` \|.*$/gm)).toEqual([
      '| `user_id` | `Int`? |  |  |  |',
      '| `kind` | [audit_kind](./data-model__enums.md#enum-audit_kind) | `UPDATE` |  | What the trigger saw change. |',
      '| `detail` | `String`? |  | @db.VarChar(200) |  |',
      '| `happened_at` | `DateTime` | `now()` | @db.Timestamptz(6) |  |',
      '| `place` | `Unsupported("geography(Point, 4326)")`? |  | not available in Prisma Client |  |',
      '| `users` | [users](./data-model__model__users.md)? |  | foreign key user_id → id, on delete NoAction, on update NoAction |  |',
      '| `users` | n:1 (ignored) | [users](./data-model__model__users.md) (`audit_log`) | user_id → id | NoAction |',
    ]);
    expect(audit).toContain('| index | `user_id`, `happened_at DESC` | `audit_log_user_idx` |');
    const users = page('data-model/model/users');
    expect(users).not.toContain(NOTE);
    expect(users).toContain(
      '| `legacy_pin` | `String`? |  | ignored by Prisma Client (`@ignore`), @db.Char(4) | Four digits, from the old kiosk. |',
    );
    expect(users).toContain(
      '| `audit_log` | [audit_log](./data-model__model__audit_log.md)[] |  | ignored by Prisma Client (`@ignore`) |  |',
    );
    const overview = page('data-model');
    expect(overview).toContain(': 3 models and 1 enum.');
    expect(overview).toContain('| [audit_log](./data-model__model__audit_log.md) (ignored) | `audit-log` | 6 |');
    expect(overview).toContain('(ignored): declared in the schema and present in the database, but left out of');
    expect(page('data-model/enums')).toContain('Used by [audit_log](./data-model__model__audit_log.md).');
  });

  it('draws the ignored model and its relation in the ERD, marked', async () => {
    const dot = erdDot(await extractPrisma(schema));
    expect([...dot.matchAll(/^ {2}"(\w+)" \[label=/gm)].map((match) => match[1])).toEqual([
      'users',
      'audit_log',
      'posts',
    ]);
    expect(dot.match(/^ {2}"\w+" -> .*$/gm)).toEqual([
      '  "audit_log" -> "users" [label="n:1 (user_id), ignored", style=dotted];',
      '  "posts" -> "users" [label="n:1 (author_id)"];',
    ]);
    expect(dot).toContain('<B>audit_log</B> (ignored)</TD>');
    expect(dot).toContain(
      '<TD ALIGN="LEFT">legacy_pin</TD><TD ALIGN="LEFT"><FONT COLOR="#6B778C">String? (ignored)</FONT>',
    );
    expect(await erdSvg(await extractPrisma(schema))).toContain('>audit_log</text>');
  });

  it("a MongoDB document's field db pull commented out, in a model or a composite type, whatever its name", async () => {
    // As prisma-engines' MongoDB introspection writes a key that is no Prisma name (`1`, `$zone`),
    // its notice after the field's own ("Multiple data types found").
    const NOTICE =
      '/// This field was commented out because of an invalid name. Please provide a valid one that matches [a-zA-Z][a-zA-Z0-9_]*';
    const model = await extractOf(
      [
        'datasource db {\n  provider = "mongodb"\n}',
        'model Order {',
        '  id       String        @id @default(auto()) @map("_id") @db.ObjectId',
        `  ${NOTICE}`,
        '  // 1 String? @map("1")',
        '  status   String',
        '  shipping OrderShipping',
        '}',
        'type OrderShipping {',
        '  /// Multiple data types found: String: 50%, Int: 50% out of 4 sampled entries',
        `  ${NOTICE}`,
        '  // $zone Json @map("$zone")',
        '  city String',
        '}',
      ].join('\n'),
    );
    const fields = (name: string) =>
      model.models
        .find((item) => item.name === name)!
        .fields.map((field) => [field.name, field.type, field.commentedOut ?? false, field.documentation]);
    expect(fields('Order')).toEqual([
      ['id', 'String', false, undefined],
      ['1', 'String', true, undefined],
      ['status', 'String', false, undefined],
      ['shipping', 'OrderShipping', false, undefined],
    ]);
    expect(fields('OrderShipping')).toEqual([
      ['$zone', 'Json', true, 'Multiple data types found: String: 50%, Int: 50% out of 4 sampled entries'],
      ['city', 'String', false, undefined],
    ]);
  });

  it("an @@ignore'd model's native types are read whatever the datasource is named (schemix writes `datasource database`)", async () => {
    const page = await pagesOf(
      [
        'datasource database {\n  provider = "postgresql"\n}',
        'model Post {\n  id String @id @database.Uuid\n}',
        'model Draft {',
        '  id   String  @database.Uuid',
        '  text String? @database.VarChar(200)',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    expect(page('data-model/model/post')).toContain('| `id` | `String` | primary key, @database.Uuid |');
    expect(page('data-model/model/draft')).toContain('| `id` | `String` | @database.Uuid |');
    expect(page('data-model/model/draft')).toContain('| `text` | `String`? | @database.VarChar(200) |');
  });

  it("an @@ignore'd MongoDB model is a collection in the database, and its index on a composite type's field reads as Prisma's", async () => {
    const page = await pagesOf(
      [
        'datasource db {\n  provider = "mongodb"\n}',
        'type Geo {\n  lat Float\n  lng Float\n}',
        'type Address {\n  city String\n  geo  Geo\n}',
        '/// Old posts nobody reads.',
        'model Archive {',
        '  id      String  @id @default(auto()) @map("_id") @db.ObjectId',
        '  address Address',
        '',
        '  @@index([address.geo.lat(sort: Desc)])',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    const archive = page('data-model/model/archive');
    expect(archive).toContain(
      'Marked `@@ignore`: the collection exists in the database, but the generated client has no API for it.',
    );
    expect(archive).toContain('| index | `address.geo.lat DESC` |');
  });

  it("lists a column db pull commented out (its name is no Prisma name), and keeps its notice off the next field's description", async () => {
    const file = join(fixtures, 'db-pull-commented-out.prisma');
    const model = await extractPrisma(file);
    expect(model.models[0]!.fields.map((field) => [field.name, field.type, field.documentation])).toEqual([
      ['1', 'String', undefined],
      ['last', 'Int', undefined],
      ['2fa_enabled', 'Boolean', undefined],
      ['name', 'String', 'Their name, as they typed it.'],
    ]);
    const tree = renderPrisma(model, templates, { cwd: fixtures });
    validatePageTree(tree);
    const page = tree.pages.find((item) => item.key === 'data-model/model/user')!.markdown;
    expect(page.match(/^\| `\w+` \|.*$/gm)).toEqual([
      '| `1` | `String` |  | commented out by `prisma db pull` (no valid Prisma field name): not available in Prisma Client, column 1, @db.Text |  |',
      '| `last` | `Int` | `autoincrement()` | primary key |  |',
      '| `2fa_enabled` | `Boolean`? |  | commented out by `prisma db pull` (no valid Prisma field name): not available in Prisma Client, column 2fa_enabled |  |',
      '| `name` | `String`? |  | @db.VarChar(100) | Their name, as they typed it. |',
    ]);
  });

  it('a multi-file schema with several m-n between two models, named and not: each relation once, in the table and the ERD', async () => {
    // AlexWright1324/Election's prisma/schema folder: the generator in schema.prisma, the models in
    // user.prisma and election.prisma, and User tied to Election and Motion by one unnamed m-n and
    // several named ones.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-folder-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["prismaSchemaFolder"]\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n',
    );
    await writeFile(
      join(dir, 'user.prisma'),
      [
        'model User {',
        '    userID String @id',
        '    electionAdmins   Election[]',
        '    electionMembers  Election[] @relation("ElectionMembers")',
        '    motionSeconders  Motion[]   @relation("MotionSeconders")',
        '    motionProposers  Motion[]   @relation("MotionProposers")',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'election.prisma'),
      [
        'model Election {',
        '  id      String @id',
        '  members User[] @relation("ElectionMembers")',
        '  admins  User[]',
        '  motions Motion[]',
        '}',
        'model Motion {',
        '  id         String   @id',
        '  election   Election @relation(fields: [electionID], references: [id], onDelete: Cascade)',
        '  proposer   User     @relation("MotionProposers", fields: [proposerID], references: [userID], onDelete: Cascade)',
        '  seconders  User[]   @relation("MotionSeconders")',
        '  electionID String',
        '  proposerID String',
        '}',
      ].join('\n'),
    );
    const model = await extractPrisma(dir);
    expect(
      model.relations.map(({ from, fromField, cardinality, to, toField }) => [
        from,
        fromField,
        cardinality,
        to,
        toField,
      ]),
    ).toEqual([
      ['Election', 'members', 'm:n', 'User', 'electionMembers'],
      ['Election', 'admins', 'm:n', 'User', 'electionAdmins'],
      ['Motion', 'election', 'n:1', 'Election', 'motions'],
      ['Motion', 'proposer', 'n:1', 'User', 'motionProposers'],
      ['Motion', 'seconders', 'm:n', 'User', 'motionSeconders'],
    ]);
    expect(model.models.find((item) => item.name === 'User')!.defined).toEqual({
      file: join(dir, 'user.prisma'),
      line: 1,
    });
    const tree = renderPrisma(model, templates, { cwd: dir });
    const overview = tree.pages[0]!.markdown;
    expect(overview).toContain('| join table `_ElectionMembers` |');
    expect(overview).toContain('| join table `_ElectionToUser` |'); // the unnamed one: Prisma's name, both models sorted
    expect(overview.match(/^\| \[(Election|Motion)\]/gm)).toHaveLength(5 + 2); // 5 relations, 2 models' rows
    // one edge per relation in the diagram
    expect(erdDot(model).match(/ -> /g)).toHaveLength(5);
    // and the User page lists the four that reach it, in the order of its fields
    const user = tree.pages.find((page) => page.key === 'data-model/model/user')!.markdown.split('## Relations')[1]!;
    expect([...user.matchAll(/^\| `(\w+)` \|/gm)].map(([, field]) => field)).toEqual([
      'electionAdmins',
      'electionMembers',
      'motionSeconders',
      'motionProposers',
    ]);
  });

  it('a multi-file schema: the ignored model is read from its own file, at its own line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-ignore-'));
    const text = await readFile(schema, 'utf8');
    const split = text.indexOf('/// The underlying table');
    await writeFile(join(dir, 'a.prisma'), text.slice(0, split));
    await writeFile(join(dir, 'b.prisma'), text.slice(split));
    const model = await extractPrisma(dir);
    expect(model.models.map((item) => [item.name, item.ignored ?? false])).toEqual([
      ['users', false],
      ['audit_log', true],
      ['posts', false],
    ]);
    expect(model.models[1]!.defined).toEqual({ file: join(dir, 'b.prisma'), line: 2 });
    expect(model.relations.filter((relation) => relation.ignored).map((relation) => relation.from)).toEqual([
      'audit_log',
    ]);
  });

  it('Prisma itself rejects @ignore on an Unsupported field (it is ignored already): its error, at the line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-prisma-ignore-'));
    await writeFile(
      join(dir, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n  g  Unsupported("geometry")? @ignore\n}\n',
    );
    const error = await docgenFailure(extractPrisma(join(dir, 'schema.prisma')));
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 6 } });
    expect(error.message).toContain('Fields of type `Unsupported` cannot take an `@ignore` attribute');
  });
});
